// The DuckDB baseline of make bench: the chain's job in SQL, from the same
// events .csv.gz, in DuckDB from the npm package @duckdb/node-api.
//
//	node scripts/duckdb-baseline.mjs chat.csv.gz [CHECKDIR]
//
// Reads the CSV, removes duplicates by the lossless rule (platform ids
// where present, else the n-th copy of a (group, ts, user, text) key in one
// export), cuts 30-minute sessions, builds memberships, daily members,
// speakers and messages, weekly core members, the members roster with
// tiers, D/D+/M retention by join month, the weekly cohort matrix, group
// health and the default funnel with fission, then prints row counts.
// It follows METRICS.md closely but not to every edge: it is a yardstick
// of the work, not a second implementation (tests/prop/reference.py is).
// With CHECKDIR, writes the tables that scripts/peer-check compares with
// the chain's.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
const check = process.argv[3] ? path.resolve(process.argv[3]) : null;
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
// QP_DUCK_TIMES=1 prints each statement's seconds on stderr.
const q = async (sql) => {
  const s = Date.now();
  await c.run(sql);
  if (process.env.QP_DUCK_TIMES)
    console.error(((Date.now() - s) / 1000).toFixed(2), sql.slice(0, 50).replace(/\s+/g, ' '));
};
const t0 = Date.now();

await q(`SET TimeZone = 'Asia/Shanghai'`);
await q(`CREATE TABLE raw AS
  SELECT CAST(ts AS TIMESTAMPTZ) AS t, platform, group_id, "group" AS gname,
         user_id, "user" AS uname, kind, actor, via, msg_id, reply_to, media,
         text, name, src
  FROM read_csv('${file}', header = true, all_varchar = true)`);

// lossless dedupe
await q(`CREATE TABLE ev AS
  WITH numbered AS (
    SELECT *, row_number() OVER (PARTITION BY group_id, t, user_id, kind, text, src
                                 ORDER BY msg_id) AS copy
    FROM raw)
  SELECT * EXCLUDE (copy) FROM numbered
  QUALIFY row_number() OVER (
    PARTITION BY group_id,
                 CASE WHEN msg_id <> '' THEN msg_id
                      ELSE t::VARCHAR || user_id || kind || coalesce(text, '') || copy END
    ORDER BY src) = 1`);
await q(`ALTER TABLE ev ADD COLUMN day DATE`);
await q(`UPDATE ev SET day = CAST(t AS DATE)`);

// sessions: a new one after 30 minutes of silence
await q(`CREATE TABLE sessions AS
  WITH m AS (
    SELECT group_id, t, user_id,
           CASE WHEN t - lag(t) OVER (PARTITION BY group_id ORDER BY t) <= INTERVAL 30 MINUTE
                THEN 0 ELSE 1 END AS starts
    FROM ev WHERE kind = 'message'),
  s AS (SELECT *, sum(starts) OVER (PARTITION BY group_id ORDER BY t
                                    ROWS UNBOUNDED PRECEDING) AS session FROM m)
  SELECT group_id, session, min(t) AS start, max(t) AS "end", count(*) AS messages,
         count(DISTINCT user_id) AS speakers, arg_min(user_id, t) AS starter
  FROM s GROUP BY group_id, session`);

// memberships: opened by a join or a first message, closed by leave/remove
await q(`CREATE TABLE spans AS
  WITH x AS (
    SELECT group_id, user_id, t, kind, via, actor,
           CASE WHEN kind IN ('leave', 'remove') THEN 1 ELSE 0 END AS closes,
           sum(CASE WHEN kind IN ('leave', 'remove') THEN 1 ELSE 0 END)
             OVER (PARTITION BY group_id, user_id ORDER BY t
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS k
    FROM ev WHERE user_id <> '' AND kind IN ('join', 'message', 'rename', 'leave', 'remove'))
  SELECT group_id, user_id, coalesce(k, 0) AS k,
         min(t) FILTER (WHERE closes = 0) AS start,
         max(t) FILTER (WHERE closes = 1) AS stop,
         arg_min(kind, t) FILTER (WHERE closes = 0) = 'join' AS by_join,
         arg_min(via, t) FILTER (WHERE closes = 0) AS via,
         arg_min(actor, t) FILTER (WHERE closes = 0) AS actor
  FROM x GROUP BY group_id, user_id, coalesce(k, 0)`);
await q(`DELETE FROM spans WHERE start IS NULL`);
const E = (await (await c.run(`SELECT max(day) FROM ev`)).getRows())[0][0];
await q(`CREATE TABLE asofday AS SELECT max(day) AS e FROM ev`);

// daily, per group and for the whole
await q(`CREATE TABLE daily AS
  WITH days AS (
    SELECT group_id, unnest(generate_series(min(day), max(day), INTERVAL 1 DAY))::DATE AS d
    FROM ev GROUP BY group_id),
  mem AS (
    SELECT days.group_id, d, count(DISTINCT s.user_id) AS members
    FROM days JOIN spans s ON s.group_id = days.group_id
      AND CAST(s.start AS DATE) <= d AND d <= coalesce(CAST(s.stop AS DATE), (SELECT e FROM asofday))
    GROUP BY ALL),
  act AS (
    SELECT group_id, day AS d, count(*) FILTER (WHERE kind = 'message') AS messages,
           count(DISTINCT user_id) FILTER (WHERE kind = 'message') AS speakers,
           count(*) FILTER (WHERE kind = 'join') AS joins,
           count(*) FILTER (WHERE kind IN ('leave', 'remove')) AS leaves
    FROM ev GROUP BY ALL)
  SELECT days.group_id, days.d, coalesce(members, 0) AS members, coalesce(joins, 0) AS joins,
         coalesce(leaves, 0) AS leaves, coalesce(speakers, 0) AS speakers,
         coalesce(messages, 0) AS messages,
         CASE WHEN members > 0 THEN round(speakers / members, 4) END AS speaking_rate
  FROM days LEFT JOIN mem USING (group_id, d) LEFT JOIN act USING (group_id, d)`);
await q(`CREATE TABLE daily_all AS
  SELECT d, sum(members) AS members, sum(messages) AS messages FROM daily GROUP BY d`);

// weekly and members
await q(`CREATE TABLE weekly AS
  SELECT group_id, date_trunc('week', day) AS w, count(*) AS messages,
         count(DISTINCT user_id) AS speakers
  FROM ev WHERE kind = 'message' GROUP BY ALL`);
await q(`CREATE TABLE userweek AS
  SELECT group_id, user_id, date_trunc('week', day) AS w, count(*) AS n,
         count(*) FILTER (WHERE media IN ('link', 'file') OR length(text) >= 50) AS ugc
  FROM ev WHERE kind = 'message' GROUP BY ALL`);
await q(`CREATE TABLE members AS
  WITH first AS (
    SELECT group_id, user_id, min(start) AS joined, arg_min(by_join, start) AS by_join,
           arg_min(via, start) AS via, arg_min(actor, start) AS inviter, max(stop) AS left_at
    FROM spans GROUP BY ALL),
  msg AS (
    SELECT group_id, user_id, min(t) AS first_message, max(t) AS last_message, count(*) AS messages,
           count(DISTINCT day) AS active_days,
           count(*) FILTER (WHERE media IN ('link', 'file') OR length(text) >= 50) AS ugc,
           count(*) FILTER (WHERE day > (SELECT e FROM asofday) - 28) AS win
    FROM ev WHERE kind = 'message' GROUP BY ALL),
  core AS (SELECT group_id, user_id, count(*) FILTER (WHERE n >= 3) AS core_weeks
           FROM userweek GROUP BY ALL),
  paid AS (SELECT user_id, count(*) AS paid FROM ev WHERE kind = 'custom' AND name = 'paid'
           GROUP BY ALL)
  SELECT f.*, coalesce(messages, 0) AS messages, active_days, ugc, core_weeks,
         CASE WHEN coalesce(paid, 0) > 0 THEN 'VIP'
              WHEN coalesce(ugc, 0) >= 1 OR coalesce(win, 0) >= 12 THEN 'core'
              ELSE 'ordinary' END AS tier,
         messages IS NULL AND date_diff('day', joined, (SELECT e FROM asofday)) >= 7 AS lurker,
         first_message - joined <= INTERVAL 72 HOUR AS activated_72h, coalesce(paid, 0) AS paid
  FROM first f LEFT JOIN msg USING (group_id, user_id) LEFT JOIN core USING (group_id, user_id)
  LEFT JOIN paid USING (user_id)`);

// retention D, D+, M by join month, and the weekly cohort matrix
await q(`CREATE TABLE retention AS
  WITH c AS (SELECT group_id, user_id, CAST(joined AS DATE) AS j FROM members WHERE by_join),
  n AS (SELECT unnest([1, 7, 30, 90]) AS n),
  md AS (SELECT DISTINCT group_id, user_id, day FROM ev WHERE kind = 'message'),
  last AS (SELECT group_id, user_id, max(day) AS last FROM md GROUP BY ALL)
  SELECT c.group_id, strftime(j, '%Y-%m') AS cohort, n,
         count(*) FILTER (WHERE j + n <= (SELECT e FROM asofday)) AS eligible,
         count(*) FILTER (WHERE j + n <= (SELECT e FROM asofday) AND EXISTS (
           SELECT 1 FROM md WHERE md.group_id = c.group_id AND md.user_id = c.user_id
             AND md.day = j + n)) AS d,
         count(*) FILTER (WHERE j + n <= (SELECT e FROM asofday) AND last >= j + n) AS dplus,
         count(*) FILTER (WHERE j + n <= (SELECT e FROM asofday) AND EXISTS (
           SELECT 1 FROM spans s WHERE s.group_id = c.group_id AND s.user_id = c.user_id
             AND CAST(s.start AS DATE) <= j + n
             AND j + n <= coalesce(CAST(s.stop AS DATE), (SELECT e FROM asofday)))) AS m
  FROM c CROSS JOIN n LEFT JOIN last USING (group_id, user_id) GROUP BY ALL`);
await q(`CREATE TABLE cohort AS
  WITH c AS (SELECT group_id, user_id, date_trunc('week', joined) AS cw FROM members WHERE by_join)
  SELECT c.group_id, cw, date_diff('week', cw, u.w) AS k, count(DISTINCT c.user_id) AS active
  FROM c JOIN userweek u USING (group_id, user_id) WHERE u.w >= cw GROUP BY ALL`);

// health
await q(`CREATE TABLE health AS
  WITH g AS (SELECT group_id, min(day) AS f, max(day) AS l FROM ev GROUP BY ALL),
  per AS (SELECT group_id, user_id, count(*) AS n FROM ev WHERE kind = 'message' GROUP BY ALL),
  pairs AS (
    SELECT r.group_id, count(DISTINCT least(r.user_id, o.user_id) || '|' || greatest(r.user_id, o.user_id)) AS p
    FROM ev r JOIN ev o ON o.group_id = r.group_id AND o.msg_id = r.reply_to
    WHERE r.reply_to <> '' AND o.user_id <> r.user_id GROUP BY ALL)
  SELECT g.group_id, f, l,
         (SELECT sum(messages) FROM daily d WHERE d.group_id = g.group_id AND d.d BETWEEN f + 7 AND f + 29) * 7.0 /
         nullif((SELECT sum(messages) FROM daily d WHERE d.group_id = g.group_id AND d.d BETWEEN f AND f + 6) * 23, 0) AS decay_7d,
         (SELECT max(n) FROM per WHERE per.group_id = g.group_id) /
         (SELECT sum(n) FROM per WHERE per.group_id = g.group_id) AS top_share,
         coalesce(p, 0) AS reply_pairs
  FROM g LEFT JOIN pairs USING (group_id)`);

// the default funnel: join -> message within 72 h -> a core week -> UGC -> paid, 30 days
await q(`CREATE TABLE funnel AS
  WITH a AS (SELECT group_id, user_id, start AS t1 FROM spans WHERE by_join),
  s2 AS (SELECT a.*, (SELECT min(t) FROM ev WHERE ev.group_id = a.group_id AND ev.user_id = a.user_id
                        AND kind = 'message' AND t >= a.t1 AND t <= a.t1 + INTERVAL 72 HOUR) AS t2 FROM a),
  wk AS (SELECT group_id, user_id, t, row_number() OVER (PARTITION BY group_id, user_id, date_trunc('week', day) ORDER BY t) AS nth,
                media IN ('link', 'file') OR length(text) >= 50 AS ugc
         FROM ev WHERE kind = 'message'),
  s3 AS (SELECT s2.*, (SELECT min(t) FROM wk WHERE wk.group_id = s2.group_id AND wk.user_id = s2.user_id
                        AND nth >= 3 AND t >= s2.t2 AND t <= s2.t1 + INTERVAL 30 DAY) AS t3 FROM s2),
  s4 AS (SELECT s3.*, (SELECT min(t) FROM wk WHERE wk.group_id = s3.group_id AND wk.user_id = s3.user_id
                        AND ugc AND t >= s3.t3 AND t <= s3.t1 + INTERVAL 30 DAY) AS t4 FROM s3),
  s5 AS (SELECT s4.*, (SELECT min(t) FROM ev WHERE ev.user_id = s4.user_id AND kind = 'custom'
                        AND name = 'paid' AND t >= s4.t4 AND t <= s4.t1 + INTERVAL 30 DAY) AS t5 FROM s4)
  SELECT group_id, count(*) AS reached1, count(t2) AS reached2, count(t3) AS reached3,
         count(t4) AS reached4, count(t5) AS reached5,
         median(epoch(t2 - t1)) AS m2, median(epoch(t3 - t2)) AS m3
  FROM s5 GROUP BY ALL`);
await q(`CREATE TABLE fission AS
  SELECT m.group_id, m.inviter, count(*) AS invitees,
         count(*) FILTER (WHERE activated_72h) AS activated_72h,
         count(*) FILTER (WHERE CAST(joined AS DATE) + 30 <= (SELECT e FROM asofday)
                            AND (left_at IS NULL OR CAST(left_at AS DATE) >= CAST(joined AS DATE) + 30)) AS retained_30d
  FROM members m WHERE by_join AND inviter <> '' AND inviter <> user_id GROUP BY ALL`);

const counts = [];
for (const t of ['ev', 'sessions', 'daily', 'weekly', 'members', 'retention', 'cohort',
                 'health', 'funnel', 'fission']) {
  const r = await c.run(`SELECT count(*) FROM ${t}`);
  counts.push(`${t} ${(await r.getRows())[0][0]}`);
}
if (check) {
  mkdirSync(check, { recursive: true });
  const out = (name, sql) => q(`COPY (${sql}) TO '${path.join(check, name)}'
    (FORMAT csv, DELIMITER '\t', HEADER false)`);
  out('events.tsv', `SELECT count(*) FROM ev`);
  out('daily.tsv', `SELECT group_id, strftime(d, '%Y-%m-%d'), members, joins, leaves, speakers,
    messages FROM daily ORDER BY group_id, d`);
  out('weekly.tsv', `SELECT group_id, strftime(w, '%G-W%V'), speakers, messages FROM weekly
    ORDER BY group_id, w`);
  out('sessions.tsv', `SELECT group_id, count(*), sum(messages) FROM sessions GROUP BY ALL
    ORDER BY group_id`);
  out('members.tsv', `SELECT group_id, user_id, messages FROM members WHERE messages > 0
    ORDER BY group_id, user_id`);
}
console.log(`duckdb: ${counts.join(', ')}; as of ${E}; ${((Date.now() - t0) / 1000).toFixed(2)} s`);
