// The Polars baseline of make bench: the chain's job as dataframe code
// (npm package nodejs-polars, 2 threads), from the same events .csv.gz.
//
//	node scripts/polars-baseline.mjs chat.csv.gz [CHECKDIR]
//
// The same tables as scripts/duckdb-baseline.mjs, by the same rules
// (lossless dedupe, 30-minute sessions, memberships, daily, weekly,
// members with tiers, D/D+/M retention, the weekly cohort matrix, health,
// the default funnel, fission), written the way Polars wants them: sorts
// and windows over partitions, joins where SQL has correlated subqueries.
// Times are whole seconds of the timestamps' wall time, which is the
// report's zone for this data (+08:00, --tz Asia/Shanghai); days count
// from 1970-01-01 and weeks start on Monday.  A yardstick of the work,
// not a second implementation.  With CHECKDIR, writes the tables that
// scripts/peer-check compares with the chain's.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

process.env.POLARS_MAX_THREADS ??= '2';
const pl = createRequire(path.resolve('package.json'))('nodejs-polars');
const { col, lit, when } = pl;
const file = path.resolve(process.argv[2]);
const check = process.argv[3] ? path.resolve(process.argv[3]) : null;
const t0 = Date.now();
let tl = t0;
const mark = (what) => {
  if (process.env.QP_PEER_TIMES)
    console.error(((Date.now() - tl) / 1000).toFixed(2), what);
  tl = Date.now();
};
const DAY = 86400;
const gu = ['group_id', 'user_id'];
const monday = (d) => d.sub(d.add(3).modulo(7)).cast(pl.Int32);	// 1970-01-01 was a Thursday
const isUgc = col('media').isIn(['link', 'file']).or(col('text').str.lengths().gtEq(50));

const names = ['ts', 'platform', 'group_id', 'gname', 'user_id', 'uname', 'kind', 'actor',
  'via', 'msg_id', 'reply_to', 'media', 'text', 'name', 'src'];
const raw = pl.scanCSV(file, {
  hasHeader: true, sep: ',', quoteChar: '"',
  schema: Object.fromEntries(names.map((n) => [n, pl.Utf8])),
}).withColumns(...names.filter((n) => n !== 'ts').map((n) => col(n).fillNull(''))).collectSync();
mark('read');

// lossless dedupe: platform ids where present, else the n-th copy of a key
// within one export; the first export (by src) wins
const ev = raw.lazy().sort(['src', 'msg_id'])
  .withColumns(col('src').cumCount().over(['group_id', 'ts', 'user_id', 'kind', 'text', 'src'])
    .cast(pl.Utf8).alias('copy'))
  .withColumns(when(col('msg_id').neq(lit(''))).then(col('msg_id'))
    .otherwise(pl.concatString([col('ts'), col('user_id'), col('kind'), col('text'), col('copy')], '|'))
    .alias('key'))
  .unique({ subset: ['group_id', 'key'], keep: 'first', maintainOrder: true })
  .withColumns(col('ts').str.slice(0, 19).cast(pl.Datetime('ms')).cast(pl.Int64).div(1000)
    .cast(pl.Int64).alias('t'))
  .withColumns(col('t').div(DAY).floor().cast(pl.Int32).alias('day'))
  .drop(['copy', 'key', 'ts', 'platform', 'gname', 'uname'])
  .collectSync();
const E = ev.getColumn('day').max();
const msg = ev.lazy().filter(col('kind').eq(lit('message'))).collectSync();
mark('dedupe');

// sessions: a new one after 30 minutes of silence in the group
const sessions = msg.lazy().sort(['group_id', 't', 'msg_id'])
  .withColumns(col('group_id').neq(col('group_id').shift(1)).fillNull(true)
    .or(col('t').sub(col('t').shift(1)).gt(1800)).cast(pl.Int32).alias('starts'))
  .withColumns(col('starts').cumSum().alias('session'))
  .groupBy(['group_id', 'session']).agg(col('t').min().alias('start'), col('t').max().alias('stop'),
    pl.len().alias('messages'), col('user_id').nUnique().alias('speakers'),
    col('user_id').first().alias('starter'))
  .collectSync();
mark('sessions');

// memberships: opened by a join or a first message, closed by leave/remove
const closes = col('kind').isIn(['leave', 'remove']);
const spans = ev.lazy()
  .filter(col('user_id').neq(lit('')).and(col('kind').isIn(['join', 'message', 'rename', 'leave', 'remove'])))
  .sort(['group_id', 'user_id', 't'])
  .withColumns(closes.cast(pl.Int32).alias('closes'))
  .withColumns(col('closes').cumSum().over(gu).sub(col('closes')).alias('k'))
  .groupBy([...gu, 'k']).agg(
    col('t').filter(col('closes').eq(0)).min().alias('start'),
    col('t').filter(col('closes').eq(1)).max().alias('stop'),
    col('kind').filter(col('closes').eq(0)).first().eq(lit('join')).alias('by_join'),
    col('via').filter(col('closes').eq(0)).first().alias('via'),
    col('actor').filter(col('closes').eq(0)).first().alias('actor'))
  .filter(col('start').isNotNull())
  .withColumns(col('start').div(DAY).floor().cast(pl.Int32).alias('sday'),
    col('stop').div(DAY).floor().cast(pl.Int32).alias('eday'))
  .collectSync();
mark('spans');

// daily: members from +1/-1 deltas over each group's days
const deltas = pl.concat([
  spans.lazy().select('group_id', col('sday').alias('day'), lit(1).cast(pl.Int64).alias('x')),
  spans.lazy().filter(col('eday').isNotNull())
    .select('group_id', col('eday').add(1).cast(pl.Int32).alias('day'), lit(-1).cast(pl.Int64).alias('x')),
]).groupBy(['group_id', 'day']).agg(col('x').sum());
const grid = ev.lazy().groupBy('group_id').agg(col('day').min().alias('d0'), col('day').max().alias('d1'))
  .select('group_id', pl.intRanges(col('d0'), col('d1').add(1)).alias('day')).explode('day')
  .withColumns(col('day').cast(pl.Int32));
const act = ev.lazy().groupBy(['group_id', 'day']).agg(
  col('kind').eq(lit('message')).sum().cast(pl.Int64).alias('messages'),
  col('user_id').filter(col('kind').eq(lit('message'))).nUnique().cast(pl.Int64).alias('speakers'),
  col('kind').eq(lit('join')).sum().cast(pl.Int64).alias('joins'),
  closes.sum().cast(pl.Int64).alias('leaves'));
const daily = grid.join(deltas, { on: ['group_id', 'day'], how: 'left' })
  .join(act, { on: ['group_id', 'day'], how: 'left' }).sort(['group_id', 'day'])
  .withColumns(col('x').fillNull(0).cumSum().over('group_id').alias('members'),
    ...['joins', 'leaves', 'speakers', 'messages'].map((c) => col(c).fillNull(0)))
  .withColumns(when(col('members').gt(0))
    .then(col('speakers').cast(pl.Float64).div(col('members')).round(4)).otherwise(lit(null))
    .alias('speaking_rate'))
  .collectSync();
mark('daily');

// weekly and members
const weekly = msg.lazy().groupBy(['group_id', monday(col('day')).alias('w')])
  .agg(pl.len().alias('messages'), col('user_id').nUnique().alias('speakers')).collectSync();
const userweek = msg.lazy().groupBy([...gu, monday(col('day')).alias('w')])
  .agg(pl.len().alias('n'), isUgc.sum().alias('ugc')).collectSync();
const first = spans.lazy().sort('start').groupBy(gu).agg(col('start').first().alias('joined'),
  col('by_join').first(), col('via').first(), col('actor').first().alias('inviter'),
  col('stop').max().alias('left_at'));
const mstat = msg.lazy().groupBy(gu).agg(col('t').min().alias('first_message'),
  col('t').max().alias('last_message'), pl.len().alias('messages'),
  col('day').nUnique().alias('active_days'), isUgc.sum().alias('ugc'),
  col('day').gt(E - 28).sum().alias('win'));
const core = userweek.lazy().groupBy(gu).agg(col('n').gtEq(3).sum().alias('core_weeks'));
const paid = ev.lazy().filter(col('kind').eq(lit('custom')).and(col('name').eq(lit('paid'))))
  .groupBy('user_id').agg(pl.len().alias('paid'));
const members = first.join(mstat, { on: gu, how: 'left' }).join(core, { on: gu, how: 'left' })
  .join(paid, { on: 'user_id', how: 'left' })
  .withColumns(col('messages').fillNull(0), col('paid').fillNull(0),
    when(col('paid').fillNull(0).gt(0)).then(lit('VIP'))
      .when(col('ugc').fillNull(0).gtEq(1).or(col('win').fillNull(0).gtEq(12))).then(lit('core'))
      .otherwise(lit('ordinary')).alias('tier'),
    col('messages').isNull().and(lit(E).sub(col('joined').div(DAY).floor()).gtEq(7)).alias('lurker'),
    col('first_message').sub(col('joined')).ltEq(72 * 3600).fillNull(false).alias('activated_72h'))
  .collectSync();
mark('members');

// retention D, D+, M by join month, and the weekly cohort matrix
const c = members.lazy().filter(col('by_join'))
  .select(...gu, col('joined').div(DAY).floor().cast(pl.Int32).alias('j'));
const cn = c.join(pl.DataFrame({ n: [1, 7, 30, 90] }).lazy().select(col('n').cast(pl.Int32)),
  { how: 'cross' }).withColumns(col('j').add(col('n')).alias('jn'));
const ok = col('jn').ltEq(E);
const md = msg.lazy().select(...gu, col('day').alias('jn')).unique().withColumns(lit(true).alias('d'));
const last = msg.lazy().groupBy(gu).agg(col('day').max().alias('last'));
const inspan = cn.join(spans.lazy().select(...gu, 'sday', 'eday'), { on: gu })
  .filter(col('sday').ltEq(col('jn')).and(col('jn').ltEq(col('eday').fillNull(E))))
  .select(...gu, 'n').unique().withColumns(lit(true).alias('m'));
const retention = cn.join(md, { on: [...gu, 'jn'], how: 'left' })
  .join(last, { on: gu, how: 'left' }).join(inspan, { on: [...gu, 'n'], how: 'left' })
  .groupBy(['group_id', col('j').cast(pl.Date).dt.strftime('%Y-%m').alias('cohort'), 'n'])
  .agg(ok.sum().alias('eligible'), ok.and(col('d').fillNull(false)).sum().alias('d'),
    ok.and(col('last').gtEq(col('jn')).fillNull(false)).sum().alias('dplus'),
    ok.and(col('m').fillNull(false)).sum().alias('m'))
  .collectSync();
const cohort = c.withColumns(monday(col('j')).alias('cw')).join(userweek.lazy(), { on: gu })
  .filter(col('w').gtEq(col('cw')))
  .groupBy(['group_id', 'cw', col('w').sub(col('cw')).div(7).floor().cast(pl.Int32).alias('k')])
  .agg(col('user_id').nUnique().alias('active')).collectSync();
mark('retention, cohort');

// health
const g = ev.lazy().groupBy('group_id').agg(col('day').min().alias('f'), col('day').max().alias('l'));
const dm = daily.lazy().join(g, { on: 'group_id' }).groupBy('group_id').agg(
  col('messages').filter(col('day').gtEq(col('f').add(7)).and(col('day').ltEq(col('f').add(29)))).sum().alias('late'),
  col('messages').filter(col('day').ltEq(col('f').add(6))).sum().alias('early'));
const per = msg.lazy().groupBy(gu).agg(pl.len().alias('n')).groupBy('group_id')
  .agg(col('n').max().cast(pl.Float64).div(col('n').sum()).alias('top_share'));
const pairs = msg.lazy().filter(col('reply_to').neq(lit(''))).select('group_id', 'user_id', 'reply_to')
  .join(ev.lazy().filter(col('msg_id').neq(lit('')))
    .select('group_id', col('user_id').alias('to'), col('msg_id').alias('reply_to')),
  { on: ['group_id', 'reply_to'] })
  .filter(col('to').neq(col('user_id')))
  .select('group_id', pl.concatString([
    when(col('user_id').lt(col('to'))).then(col('user_id')).otherwise(col('to')),
    when(col('user_id').lt(col('to'))).then(col('to')).otherwise(col('user_id'))], '|').alias('p'))
  .groupBy('group_id').agg(col('p').nUnique().alias('reply_pairs'));
const health = g.join(dm, { on: 'group_id', how: 'left' }).join(per, { on: 'group_id', how: 'left' })
  .join(pairs, { on: 'group_id', how: 'left' })
  .withColumns(col('late').cast(pl.Float64).mul(7).div(col('early').cast(pl.Float64).mul(23)).alias('decay_7d'),
    col('reply_pairs').fillNull(0))
  .collectSync();
mark('health');

// the default funnel: join -> message within 72 h -> a core week -> UGC -> paid, 30 days
const a = spans.lazy().filter(col('by_join')).select(...gu, col('start').alias('t1'));
const wk = msg.lazy().sort('t').withColumns(
  col('t').cumCount().over([...gu, monday(col('day'))]).alias('nth'), isUgc.alias('ugc'))
  .select(...gu, 't', 'nth', 'ugc');
const step = (from, rows, keep, name) => from.join(
  from.join(rows, { on: gu }).filter(keep).groupBy([...gu, 't1']).agg(col('t').min().alias(name)),
  { on: [...gu, 't1'], how: 'left' });
const lim = col('t1').add(30 * DAY);
const s2 = step(a, msg.lazy().select(...gu, 't'),
  col('t').gtEq(col('t1')).and(col('t').ltEq(col('t1').add(72 * 3600))), 't2');
const s3 = step(s2, wk, col('nth').gtEq(3).and(col('t').gtEq(col('t2'))).and(col('t').ltEq(lim)), 't3');
const s4 = step(s3, wk, col('ugc').and(col('t').gtEq(col('t3'))).and(col('t').ltEq(lim)), 't4');
const pt = ev.lazy().filter(col('kind').eq(lit('custom')).and(col('name').eq(lit('paid'))))
  .select('user_id', 't');
const s5 = s4.join(s4.join(pt, { on: 'user_id' })
  .filter(col('t').gtEq(col('t4')).and(col('t').ltEq(lim)))
  .groupBy([...gu, 't1']).agg(col('t').min().alias('t5')), { on: [...gu, 't1'], how: 'left' });
const funnel = s5.groupBy('group_id').agg(pl.len().alias('reached1'),
  ...['t2', 't3', 't4', 't5'].map((x, i) => col(x).count().alias(`reached${i + 2}`)),
  col('t2').sub(col('t1')).median().alias('m2'), col('t3').sub(col('t2')).median().alias('m3'))
  .collectSync();
const fission = members.lazy()
  .filter(col('by_join').and(col('inviter').neq(lit(''))).and(col('inviter').neq(col('user_id'))))
  .withColumns(col('joined').div(DAY).floor().alias('jd'), col('left_at').div(DAY).floor().alias('ld'))
  .groupBy(['group_id', 'inviter']).agg(pl.len().alias('invitees'),
    col('activated_72h').sum().alias('activated_72h'),
    col('jd').add(30).ltEq(E).and(col('ld').isNull().or(col('ld').gtEq(col('jd').add(30))))
      .sum().alias('retained_30d'))
  .collectSync();
mark('funnel, fission');

const tables = { ev, sessions, daily, weekly, members, retention, cohort, health, funnel, fission };
if (check) {
  mkdirSync(check, { recursive: true });
  const out = (name, df) => df.select(...df.columns.map((c) => (
    df.getColumn(c).dtype.equals(pl.Float64) ? col(c).cast(pl.Int64) : col(c))))
    .writeCSV(path.join(check, name), { separator: '\t', includeHeader: false });
  out('events.tsv', pl.DataFrame({ n: [ev.height] }));
  const date = (d) => d.cast(pl.Date).dt.strftime('%Y-%m-%d');
  out('daily.tsv', daily.sort(['group_id', 'day']).select('group_id', date(col('day')), 'members',
    'joins', 'leaves', 'speakers', 'messages'));
  out('weekly.tsv', weekly.sort(['group_id', 'w']).select('group_id',
    col('w').cast(pl.Date).dt.strftime('%G-W%V'), 'speakers', 'messages'));
  out('sessions.tsv', sessions.lazy().groupBy('group_id').agg(pl.len().alias('n'),
    col('messages').sum()).sort('group_id').collectSync());
  out('members.tsv', members.filter(col('messages').gt(0)).sort(gu).select(...gu, 'messages'));
}
const counts = Object.entries(tables).map(([k, v]) => `${k} ${v.height}`);
console.log(`polars: ${counts.join(', ')}; as of ${E}; ${((Date.now() - t0) / 1000).toFixed(2)} s`);
