// The ClickHouse baseline of make bench: the chain's job in ClickHouse SQL,
// embedded (npm package chdb), from the same events .csv.gz, 2 threads.
//
//	node scripts/chdb-baseline.mjs chat.csv.gz [CHECKDIR]
//
// The same tables as scripts/duckdb-baseline.mjs, by the same rules
// (lossless dedupe, 30-minute sessions, memberships, daily, weekly,
// members with tiers, D/D+/M retention, the weekly cohort matrix, health,
// the default funnel, fission), written the way ClickHouse wants them:
// LIMIT 1 BY for the dedupe, window functions for sessions and spans,
// per-member arrays where DuckDB uses correlated subqueries (ClickHouse
// has none).  A yardstick of the work, not a second implementation.
// With CHECKDIR, writes the tables that scripts/peer-check compares with
// the chain's.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const { Session } = createRequire(path.resolve('package.json'))('chdb');
const file = path.resolve(process.argv[2]);
const check = process.argv[3] ? path.resolve(process.argv[3]) : null;
const s = new Session();
const t0 = Date.now();
const q = (sql) => {
  const t = Date.now();
  const r = s.query(sql, 'TabSeparated');
  if (process.env.QP_PEER_TIMES)
    console.error(((Date.now() - t) / 1000).toFixed(2), sql.slice(0, 50).replace(/\s+/g, ' '));
  return r;
};
q(`SET max_threads = 2`);
q(`SET session_timezone = 'Asia/Shanghai'`);
q(`SET join_use_nulls = 1`);

q(`CREATE TABLE raw ENGINE = Memory AS
  SELECT * FROM file('${file}', 'CSVWithNames',
    'ts String, platform String, group_id String, gname String, user_id String,
     uname String, kind String, actor String, via String, msg_id String,
     reply_to String, media String, text String, name String, src String')`);

// lossless dedupe: platform ids where present, else the n-th copy of a key
// within one export; the first export (by src) wins
q(`CREATE TABLE ev ENGINE = Memory AS
  SELECT parseDateTimeBestEffort(ts) AS t, toDate(t) AS day, group_id, user_id,
         kind, actor, via, msg_id, reply_to, media, text, name, src
  FROM (SELECT *, row_number() OVER (PARTITION BY group_id, ts, user_id, kind, text, src
                                     ORDER BY msg_id) AS copy
        FROM raw ORDER BY src)
  LIMIT 1 BY group_id, if(msg_id != '', msg_id, concat(ts, user_id, kind, text, toString(copy)))`);
q(`DROP TABLE raw`);
const E = q(`SELECT max(day) FROM ev`).trim();

// sessions: a new one after 30 minutes of silence in the group
q(`CREATE TABLE sessions ENGINE = Memory AS
  SELECT group_id, session, min(t) AS start, max(t) AS stop, count() AS messages,
         uniqExact(user_id) AS speakers, argMin(user_id, t) AS starter
  FROM (SELECT group_id, t, user_id,
               sum(starts) OVER (PARTITION BY group_id ORDER BY t, msg_id
                                 ROWS UNBOUNDED PRECEDING) AS session
        FROM (SELECT group_id, t, user_id, msg_id,
                     t - lagInFrame(t) OVER (PARTITION BY group_id ORDER BY t, msg_id
                       ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > 1800 AS starts
              FROM ev WHERE kind = 'message'))
  GROUP BY group_id, session`);

// memberships: opened by a join or a first message, closed by leave/remove
q(`CREATE TABLE spans ENGINE = Memory AS
  SELECT group_id, user_id, k,
         minIf(t, closes = 0) AS start, maxIf(t, closes = 1) AS stop,
         argMinIf(kind, t, closes = 0) = 'join' AS by_join,
         argMinIf(via, t, closes = 0) AS via, argMinIf(actor, t, closes = 0) AS actor,
         countIf(closes = 0) AS opens
  FROM (SELECT group_id, user_id, t, kind, via, actor, kind IN ('leave', 'remove') AS closes,
               sum(closes) OVER (PARTITION BY group_id, user_id ORDER BY t
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS k
        FROM ev WHERE user_id != '' AND kind IN ('join', 'message', 'rename', 'leave', 'remove'))
  GROUP BY group_id, user_id, k HAVING opens > 0`);

// daily: members from +1/-1 deltas over each group's days
q(`CREATE TABLE daily ENGINE = Memory AS
  WITH days AS (
    SELECT group_id, arrayJoin(range(toUInt32(min(day)), toUInt32(max(day)) + 1)) AS dn
    FROM ev GROUP BY group_id),
  deltas AS (
    SELECT group_id, dn, sum(x) AS x FROM (
      SELECT group_id, toUInt32(toDate(start)) AS dn, 1 AS x FROM spans
      UNION ALL SELECT group_id, toUInt32(toDate(stop)) + 1, -1 FROM spans WHERE stop IS NOT NULL)
    GROUP BY group_id, dn),
  act AS (
    SELECT group_id, toUInt32(day) AS dn, countIf(kind = 'message') AS messages,
           uniqExactIf(user_id, kind = 'message') AS speakers,
           countIf(kind = 'join') AS joins, countIf(kind IN ('leave', 'remove')) AS leaves
    FROM ev GROUP BY group_id, dn)
  SELECT days.group_id AS group_id, toDate(days.dn) AS d,
         toInt64(sum(ifNull(deltas.x, 0)) OVER (PARTITION BY days.group_id ORDER BY days.dn
           ROWS UNBOUNDED PRECEDING)) AS members,
         ifNull(act.joins, 0) AS joins, ifNull(act.leaves, 0) AS leaves,
         ifNull(act.speakers, 0) AS speakers, ifNull(act.messages, 0) AS messages,
         if(members > 0, round(speakers / members, 4), NULL) AS speaking_rate
  FROM days LEFT JOIN deltas ON deltas.group_id = days.group_id AND deltas.dn = days.dn
  LEFT JOIN act ON act.group_id = days.group_id AND act.dn = days.dn`);

// weekly and members
q(`CREATE TABLE weekly ENGINE = Memory AS
  SELECT group_id, toMonday(day) AS w, count() AS messages, uniqExact(user_id) AS speakers
  FROM ev WHERE kind = 'message' GROUP BY group_id, w`);
q(`CREATE TABLE userweek ENGINE = Memory AS
  SELECT group_id, user_id, toMonday(day) AS w, count() AS n,
         countIf(media IN ('link', 'file') OR lengthUTF8(text) >= 50) AS ugc
  FROM ev WHERE kind = 'message' GROUP BY group_id, user_id, w`);
q(`CREATE TABLE members ENGINE = Memory AS
  WITH first AS (
    SELECT group_id, user_id, min(start) AS joined, argMin(by_join, start) AS by_join,
           argMin(via, start) AS via, argMin(actor, start) AS inviter, max(stop) AS left_at
    FROM spans GROUP BY group_id, user_id),
  msg AS (
    SELECT group_id, user_id, min(t) AS first_message, max(t) AS last_message,
           count() AS messages, uniqExact(day) AS active_days,
           countIf(media IN ('link', 'file') OR lengthUTF8(text) >= 50) AS ugc,
           countIf(day > toDate('${E}') - 28) AS win
    FROM ev WHERE kind = 'message' GROUP BY group_id, user_id),
  core AS (SELECT group_id, user_id, countIf(n >= 3) AS core_weeks FROM userweek
           GROUP BY group_id, user_id),
  paid AS (SELECT user_id, count() AS paid FROM ev WHERE kind = 'custom' AND name = 'paid'
           GROUP BY user_id)
  SELECT f.group_id AS group_id, f.user_id AS user_id, joined, by_join, via, inviter, left_at,
         first_message, last_message, ifNull(messages, 0) AS messages, active_days, ugc,
         core_weeks,
         multiIf(ifNull(paid, 0) > 0, 'VIP', ifNull(ugc, 0) >= 1 OR ifNull(win, 0) >= 12,
                 'core', 'ordinary') AS tier,
         messages IS NULL AND dateDiff('day', toDate(joined), toDate('${E}')) >= 7 AS lurker,
         ifNull(first_message - joined <= 72 * 3600, 0) AS activated_72h, ifNull(paid, 0) AS paid
  FROM first f LEFT JOIN msg ON msg.group_id = f.group_id AND msg.user_id = f.user_id
  LEFT JOIN core ON core.group_id = f.group_id AND core.user_id = f.user_id
  LEFT JOIN paid ON paid.user_id = f.user_id`);

// retention D, D+, M by join month; each member's active days and spans as arrays
q(`CREATE TABLE retention ENGINE = Memory AS
  WITH c AS (SELECT group_id, user_id, toDate(joined) AS j FROM members WHERE by_join),
  md AS (SELECT group_id, user_id, groupUniqArray(day) AS days, max(day) AS last
         FROM ev WHERE kind = 'message' GROUP BY group_id, user_id),
  sp AS (SELECT group_id, user_id, groupArray(toDate(start)) AS a,
                groupArray(ifNull(toDate(stop), toDate('${E}'))) AS b
         FROM spans GROUP BY group_id, user_id)
  SELECT c.group_id AS group_id, formatDateTime(j, '%Y-%m') AS cohort, n,
         countIf(j + n <= toDate('${E}')) AS eligible,
         countIf(j + n <= toDate('${E}') AND has(ifNull(md.days, []), j + n)) AS d,
         countIf(j + n <= toDate('${E}') AND md.last >= j + n) AS dplus,
         countIf(j + n <= toDate('${E}') AND
                 arrayExists((x, y) -> x <= j + n AND j + n <= y, sp.a, sp.b)) AS m
  FROM c ARRAY JOIN [1, 7, 30, 90] AS n
  LEFT JOIN md ON md.group_id = c.group_id AND md.user_id = c.user_id
  LEFT JOIN sp ON sp.group_id = c.group_id AND sp.user_id = c.user_id
  GROUP BY group_id, cohort, n`);
q(`CREATE TABLE cohort ENGINE = Memory AS
  SELECT c.group_id AS group_id, cw, intDiv(dateDiff('day', cw, u.w), 7) AS k,
         uniqExact(c.user_id) AS active
  FROM (SELECT group_id, user_id, toMonday(toDate(joined)) AS cw FROM members WHERE by_join) c
  JOIN userweek u ON u.group_id = c.group_id AND u.user_id = c.user_id
  WHERE u.w >= cw GROUP BY group_id, cw, k`);

// health
q(`CREATE TABLE health ENGINE = Memory AS
  WITH g AS (SELECT group_id, min(day) AS f, max(day) AS l FROM ev GROUP BY group_id),
  dm AS (SELECT d.group_id AS group_id, sumIf(messages, d.d BETWEEN g.f + 7 AND g.f + 29) AS late,
                sumIf(messages, d.d BETWEEN g.f AND g.f + 6) AS early
         FROM daily d JOIN g ON g.group_id = d.group_id GROUP BY group_id),
  per AS (SELECT group_id, max(n) / sum(n) AS top_share FROM
            (SELECT group_id, user_id, count() AS n FROM ev WHERE kind = 'message'
             GROUP BY group_id, user_id) GROUP BY group_id),
  pairs AS (
    SELECT r.group_id AS group_id,
           uniqExact(least(r.user_id, o.user_id), greatest(r.user_id, o.user_id)) AS p
    FROM (SELECT group_id, user_id, reply_to FROM ev WHERE reply_to != '') r
    JOIN (SELECT group_id, user_id, msg_id FROM ev WHERE msg_id != '') o
      ON o.group_id = r.group_id AND o.msg_id = r.reply_to
    WHERE o.user_id != r.user_id GROUP BY group_id)
  SELECT g.group_id AS group_id, f, l, late * 7.0 / nullIf(early * 23, 0) AS decay_7d,
         top_share, ifNull(p, 0) AS reply_pairs
  FROM g LEFT JOIN dm ON dm.group_id = g.group_id LEFT JOIN per ON per.group_id = g.group_id
  LEFT JOIN pairs ON pairs.group_id = g.group_id`);

// the default funnel: join -> message within 72 h -> a core week -> UGC -> paid,
// 30 days; each member's messages as a sorted array of (t, nth in its week, ugc)
q(`CREATE TABLE funnel ENGINE = Memory AS
  WITH a AS (SELECT group_id, user_id, start AS t1 FROM spans WHERE by_join),
  wk AS (SELECT group_id, user_id, arraySort(groupArray((t, nth, ugc))) AS m FROM (
           SELECT group_id, user_id, t,
                  row_number() OVER (PARTITION BY group_id, user_id, toMonday(day) ORDER BY t) AS nth,
                  media IN ('link', 'file') OR lengthUTF8(text) >= 50 AS ugc
           FROM ev WHERE kind = 'message') GROUP BY group_id, user_id),
  paid AS (SELECT user_id, arraySort(groupArray(t)) AS p FROM ev
           WHERE kind = 'custom' AND name = 'paid' GROUP BY user_id),
  s AS (
    SELECT a.group_id AS group_id, a.t1 AS t1, ifNull(wk.m, []) AS m, ifNull(paid.p, []) AS p,
           a.t1 + 30 * 86400 AS lim,
           arrayFirst(x -> x.1 >= t1 AND x.1 <= t1 + 72 * 3600, m).1 AS t2,
           arrayFirst(x -> t2 > 0 AND x.2 >= 3 AND x.1 >= t2 AND x.1 <= lim, m).1 AS t3,
           arrayFirst(x -> t3 > 0 AND x.3 AND x.1 >= t3 AND x.1 <= lim, m).1 AS t4,
           arrayFirst(x -> t4 > 0 AND x >= t4 AND x <= lim, p) AS t5
    FROM a LEFT JOIN wk ON wk.group_id = a.group_id AND wk.user_id = a.user_id
    LEFT JOIN paid ON paid.user_id = a.user_id)
  SELECT group_id, count() AS reached1, countIf(t2 > 0) AS reached2, countIf(t3 > 0) AS reached3,
         countIf(t4 > 0) AS reached4, countIf(t5 > 0) AS reached5,
         medianExactIf(toInt64(t2) - toInt64(t1), t2 > 0) AS m2,
         medianExactIf(toInt64(t3) - toInt64(t2), t3 > 0) AS m3
  FROM s GROUP BY group_id`);
q(`CREATE TABLE fission ENGINE = Memory AS
  SELECT group_id, inviter, count() AS invitees, countIf(activated_72h) AS activated_72h,
         countIf(toDate(joined) + 30 <= toDate('${E}')
                 AND (left_at IS NULL OR toDate(left_at) >= toDate(joined) + 30)) AS retained_30d
  FROM members WHERE by_join AND inviter != '' AND inviter != user_id
  GROUP BY group_id, inviter`);

const tables = ['ev', 'sessions', 'daily', 'weekly', 'members', 'retention', 'cohort',
  'health', 'funnel', 'fission'];
const counts = tables.map((t) => `${t} ${q(`SELECT count() FROM ${t}`).trim()}`);
if (check) {
  mkdirSync(check, { recursive: true });
  const out = (name, sql) => q(`${sql} INTO OUTFILE '${path.join(check, name)}'
    TRUNCATE FORMAT TabSeparated`);
  out('events.tsv', `SELECT count() FROM ev`);
  out('daily.tsv', `SELECT group_id, d, members, joins, leaves, speakers, messages FROM daily
    ORDER BY group_id, d`);
  out('weekly.tsv', `SELECT group_id, formatDateTime(w, '%G-W%V'), speakers, messages
    FROM weekly ORDER BY group_id, w`);
  out('sessions.tsv', `SELECT group_id, count(), sum(messages) FROM sessions
    GROUP BY group_id ORDER BY group_id`);
  out('members.tsv', `SELECT group_id, user_id, messages FROM members WHERE messages > 0
    ORDER BY group_id, user_id`);
}
console.log(`chdb: ${counts.join(', ')}; as of ${E}; ${((Date.now() - t0) / 1000).toFixed(2)} s`);
s.close();
