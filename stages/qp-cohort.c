/*
 * qp-cohort: the community metrics of DESIGN.md section 5, by the rules
 * of METRICS.md (R1-R17, R20-R21; the tags below refer to them).
 *
 * One pass over a sorted stream.  Each (group, user) gets a record: its
 * memberships, the days it spoke on (a bitmap), its messages per ISO week,
 * its last 28 active days (for the tier window, whose end E is known only
 * at the end), counts and first/last message.  Each group keeps messages
 * per day.  So memory grows with members x days/8 and groups x days,
 * never with messages (but for the answers table: a week of the current
 * group's questions waiting for replies, and 4 bytes per answer for
 * exact medians).  At the end the community scope ("*") is built by
 * merging each person's records, and the tables are written scope by
 * scope: "*" first, then the groups in group_id order.
 *
 * Reply pairs need the author of the message replied to; the last 2^20
 * messages of a group (at least) are remembered for that.  Replies to
 * older messages are counted and reported, and reply_pairs is then a
 * lower bound.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_roles.h"
#include "qp_stream.h"
#include "qp_text.h"
#include "qp_time.h"

#include "activity.h"
#include "checkin.h"
#include "edges.h"
#include "roster.h"
#include "orders.h"
#include "paths.h"
#include "rowuser.h"
#include "rules.h"

static const char usage[] =
"usage: qp-cohort [-hq] [--progress] [-l level] [-o out] [--tz zone]\n"
"                 [--asof date] [--by week|month] [--days list]\n"
"                 [--core n] [--ugc-chars n] [--ugc-link-words n]\n"
"                 [--activation duration] [--lurker-days n] [--risk-days n]\n"
"                 [--demote-days n] [--dead-days n]\n"
"                 [--answer-window duration]\n"
"                 [--vip tenure,rate,ugc] [--core-tier tenure,rate]\n"
"                 [--targets file] [--groups file] [--checkin regex]\n"
"                 [--makeup regex] [--activity name:regex]\n"
"                 [--activities file] [--activity-window duration]\n"
"                 [--intro-format regex] [--nickname-format regex]\n"
"                 [--ad-words file] [--flood n,seconds]\n"
"                 [--spam-groups n] [--strikes n] [--ad-share rate]\n"
"                 [file ...]\n"
"\n"
"Community metrics of a sorted stream: add the daily, weekly, members,\n"
"retention, cohort and health tables, per group and for the whole\n"
"community (group_id *), and the targets the report judges them by.\n"
"\n"
"      --tz ZONE            zone of local days (default $TZ, else UTC)\n"
"      --asof DATE          end date YYYY-MM-DD; later events are ignored\n"
"                           (default: the day of the last event)\n"
"      --by week|month      periods of the cohort table (default week)\n"
"      --days LIST          retention days, comma-separated (default\n"
"                           1,7,30,90)\n"
"      --core N             messages in an ISO week that make it a core\n"
"                           week (default 3)\n"
"      --ugc-chars N        characters that make a text UGC when it is no\n"
"                           question (default 50)\n"
"      --ugc-link-words N   own characters beside a link that make it UGC\n"
"                           (default 20); images and files are UGC\n"
"      --activation DUR     activated_72h means a message within DUR of\n"
"                           joining (default 72h)\n"
"      --lurker-days N      a lurker has been a member N days (default 7)\n"
"      --risk-days N        core or VIP silent N days is at risk (default 7)\n"
"      --demote-days N      core or VIP silent N days is ordinary again,\n"
"                           demoted_on that day (default 14)\n"
"      --dead-days N        a group silent N days is dead (default 14)\n"
"      --answer-window DUR  a member's question is answered by a reply, or\n"
"                           by another's message in its session within DUR\n"
"                           (default 1h)\n"
"      --vip T,R,U          VIP: tenure >= T days, >= R messages a week and\n"
"                           >= U UGC, or any paid event (default 180,5,3)\n"
"      --core-tier T,R      core: tenure >= T days and >= R messages a week,\n"
"                           or >= 1 UGC (default 90,3); else ordinary.\n"
"                           Tiers are at the end date: messages a week are\n"
"                           those of its last 28 days / 4, UGC counts since\n"
"                           joining, tenure counts from joined\n"
"      --targets FILE       targets for the report: lines 'metric value';\n"
"                           retention_30 and retention_90 judge the M\n"
"                           variant (still a member; the targets table's\n"
"                           variant column says so), D and D+ unjudged\n"
"      --groups FILE        the groups' plans (CSV): group, type, start,\n"
"                           days, deadline, required, target\n"
"      --checkin RE         a message matching RE is a check-in (default\n"
"                           打卡|签到|^ *(Day ?[0-9]+|第[0-9一二三四五六七八九十]+天))\n"
"      --makeup RE          a check-in matching RE makes up for yesterday\n"
"                           (default 补卡)\n"
"      --activity N:RE      a staff message matching RE starts activity N\n"
"                           (repeatable; default 话题:^#?今日话题,\n"
"                           接龙:^#?接龙, 抽奖:抽奖, 直播:直播预告); a\n"
"                           staff red packet or 接龙 always does\n"
"      --activities FILE    planned activities (CSV): group, start, end,\n"
"                           name, type\n"
"      --activity-window DUR  an activity lasts until the next one of its\n"
"                           group or DUR (default 24h)\n"
"      --intro-format RE    a newcomer's first message within 72h matching\n"
"                           RE, or of 30 characters or more, introduces them\n"
"                           (default 行业|岗位|期待|来自|大家好我是)\n"
"      --nickname-format RE display names newcomers should match, e.g.\n"
"                           '^[^-]+-[^-]+-[^-]+$' (default: not checked)\n"
"      --ad-words FILE      a member's message with a word of FILE (one a\n"
"                           line) breaks the group rules, as do links, QR\n"
"                           codes, phone numbers and WeChat ids\n"
"      --flood N,SECONDS    the Nth message within SECONDS is flooding\n"
"                           (default 8,60)\n"
"      --spam-groups N      the same text in N groups within 24 hours is a\n"
"                           violation from the Nth (default 2)\n"
"      --strikes N          violations that get a member removed (default 3)\n"
"      --ad-share RATE      a group whose last 7 days' messages are this\n"
"                           share of violations or more is turning into an\n"
"                           ad group (default 0.1)\n"
"  -l, --level N            gzip level of the output, 0-9 (default 1)\n"
"  -o, --output FILE        write FILE (replaced only on success), not stdout\n"
"  -q, --quiet              no progress report\n"
"      --progress           report progress even when stderr is not a terminal\n"
"  -h, --help               print this help and exit\n"
"      --version            print the version and exit\n";

enum {
	OPT_TZ = QP_OPT_STAGE, OPT_ASOF, OPT_BY, OPT_DAYS, OPT_CORE, OPT_UGC,
	OPT_ACT, OPT_LURK, OPT_RISK, OPT_DEAD, OPT_VIP, OPT_CORETIER, OPT_TARGETS,
	OPT_LINKWORDS, OPT_DEMOTE, OPT_ANSWER, OPT_GROUPS, OPT_CHECKIN,
	OPT_MAKEUP, OPT_ACTIVITY, OPT_ACTIVITIES, OPT_ACTWINDOW, OPT_INTRO,
	OPT_NICK, OPT_ADWORDS, OPT_FLOOD, OPT_SPAMGROUPS, OPT_STRIKES,
	OPT_ADSHARE
};

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "asof", required_argument, NULL, OPT_ASOF },
	{ "by", required_argument, NULL, OPT_BY },
	{ "days", required_argument, NULL, OPT_DAYS },
	{ "core", required_argument, NULL, OPT_CORE },
	{ "ugc-chars", required_argument, NULL, OPT_UGC },
	{ "ugc-link-words", required_argument, NULL, OPT_LINKWORDS },
	{ "demote-days", required_argument, NULL, OPT_DEMOTE },
	{ "answer-window", required_argument, NULL, OPT_ANSWER },
	{ "activation", required_argument, NULL, OPT_ACT },
	{ "lurker-days", required_argument, NULL, OPT_LURK },
	{ "risk-days", required_argument, NULL, OPT_RISK },
	{ "dead-days", required_argument, NULL, OPT_DEAD },
	{ "vip", required_argument, NULL, OPT_VIP },
	{ "core-tier", required_argument, NULL, OPT_CORETIER },
	{ "targets", required_argument, NULL, OPT_TARGETS },
	{ "groups", required_argument, NULL, OPT_GROUPS },
	{ "checkin", required_argument, NULL, OPT_CHECKIN },
	{ "makeup", required_argument, NULL, OPT_MAKEUP },
	{ "activity", required_argument, NULL, OPT_ACTIVITY },
	{ "activities", required_argument, NULL, OPT_ACTIVITIES },
	{ "activity-window", required_argument, NULL, OPT_ACTWINDOW },
	{ "intro-format", required_argument, NULL, OPT_INTRO },
	{ "nickname-format", required_argument, NULL, OPT_NICK },
	{ "ad-words", required_argument, NULL, OPT_ADWORDS },
	{ "flood", required_argument, NULL, OPT_FLOOD },
	{ "spam-groups", required_argument, NULL, OPT_SPAMGROUPS },
	{ "strikes", required_argument, NULL, OPT_STRIKES },
	{ "ad-share", required_argument, NULL, OPT_ADSHARE },
	{ NULL, 0, NULL, 0 }
};

/* The tables this stage writes; an earlier run's are replaced. */
static const char *const own_tables[] = {
	"daily", "weekly", "members", "retention", "cohort", "health",
	"staff", "core_users", "answers", "targets", "groups", "checkins",
	"checkin_days", "camps", "activities", "activity_weeks", "edges",
	"connections", "influence", "newcomers", "welcomes", "orders", "ltv",
	"group_path", "group_paths", "violations", "violators", "rules",
	"exits", NULL
};

#define OPEN		LLONG_MAX	/* the end of a membership still open */
#define NODAY		LLONG_MIN
#define RING		28		/* days of the tier window (R12) */
#define MAXDAYS		16
#define REPLY_GEN	(1u << 20)	/* messages remembered for replies */
#define ASK_KEEP	(7 * 86400)	/* a question waits this long for a reply */

struct opts {
	struct qp_tz	*tz;
	long long	 asof;		/* NODAY: the last event's day */
	int		 by_month;
	long long	 days[MAXDAYS];
	size_t		 ndays;
	unsigned	 core;		/* messages of a core week */
	struct qp_ugc	 ugc;
	long long	 activation;	/* seconds */
	long long	 answer;	/* seconds: --answer-window */
	long long	 lurker, risk, demote, dead;
	long long	 vip_tenure, core_tenure;
	double		 vip_rate, core_rate;
	unsigned	 vip_ugc;
};

/* A bitmap of days, anchored at base (a multiple of 64). */
struct bits {
	long long	 base;
	uint64_t	*w;
	size_t		 nw;
};

/* Counts per day or per week, anchored at base. */
struct counts {
	long long	 base;
	uint32_t	*v;
	size_t		 n;
};

/* One membership (R3). */
struct span {
	long long	 start, end;	/* instants; end OPEN while open */
	uint32_t	 actor;		/* user number + 1 of the inviter, 0 none */
	uint32_t	 via;		/* via string number + 1, 0 none */
	uint32_t	 group;		/* for the community merge (R6) */
	int		 by_join;	/* opened by a join, not inferred */
	unsigned char	 how;		/* its end: LEFT, REMOVED or INFERRED */
};

enum { LEFT, REMOVED, INFERRED };	/* INFERRED: by a roster */

/* The days of the trailing window, a ring indexed by day mod 28. */
struct ring {
	long long	 day[RING];
	uint32_t	 msgs[RING];
};

/* A member of a scope: one (group, user), or one person for "*". */
struct rec {
	uint32_t	 user, group;
	struct span	*sp;
	size_t		 nsp, capsp;
	unsigned char	 mstate;	/* qp_membership() */
	long long	 first_msg, last_msg;	/* instants; NODAY none */
	unsigned long long messages, ugc;
	unsigned long long answers;	/* others' questions answered */
	unsigned long	 paid;
	struct bits	 days;		/* days with a message */
	struct counts	 weeks;		/* messages per week */
	struct ring	*ring;
	unsigned long long win_msgs;	/* in E-27..E, at the end */
};

/* A member's question waiting for its answer (及时应答). */
struct ask {
	long long	 ts, month;
	uint64_t	 msg, session;	/* hashes; session 0: no session column */
	uint32_t	 user;
	int		 answered;
};

/* Questions of one month of a scope, and their answers. */
struct qa {
	long long	 month;
	unsigned long long questions, answered, in_window, by_members;
	uint32_t	*delay;		/* seconds to each answer */
	size_t		 ndelay, capdelay;
};

struct group {
	uint32_t	 id;		/* group_id number */
	long long	 fday, lday;	/* first and last event day */
	struct counts	 msgs;		/* messages per day */
	unsigned long long nmsgs;
	long long	 last_msg_day;
	struct qp_set64	 pairs;		/* reply pairs */
	size_t		 rec0, nrec;	/* its records, contiguous */
	/* Staff and bots (the roles table): not members. */
	struct counts	 all, staff, bots;	/* messages per day */
	struct bits	 owner;		/* days an owner spoke */
	int		 has_owner;
	struct ask	*asks;		/* questions by time; a0: the oldest kept */
	size_t		 a0, na, capa;
	struct qa	*qa;		/* by month */
	size_t		 nqa;
	/* Lifecycle: members' messages per hour of its first 7 days. */
	long long	 first_ts;	/* its first event */
	uint32_t	*hours;		/* LC_HOURS, NULL: none yet */
};

#define LC_HOURS	(7 * 24)

struct user {
	uint32_t	 name;		/* name number + 1 */
	long long	 name_ts;
	unsigned long	 paid;		/* all paid events, any group */
	unsigned long	 paid_nogroup;	/* paid events without a group */
};

/* Replies: msg_id hash -> author, two generations of a table. */
struct rgen {
	uint64_t	*k;
	uint32_t	*v;
	size_t		 cap, n;
};

static struct opts o;
static struct qp_strmap *uids, *gids, *names, *vias;
static struct user *users;
static size_t nusers, capusers;
static struct group *groups;
static size_t ngroups, capgroups;
static struct rec *recs;
static size_t nrecs, caprecs;
static uint32_t *cur;		/* user -> record + 1, in the current group */
static size_t capcur;
static struct rgen rnew, rold;
static int revicted;
static struct ru_map uid_of;	/* ru_id() -> uids */
static unsigned long long unresolved;
static struct qp_set64 allpairs;
static long long E = NODAY;
static long long last_day = NODAY;
static long long data_first = LLONG_MAX, data_last = LLONG_MIN; /* all */
static struct qp_roles *roles;	/* who is staff or a bot, by group */

static long long
periodof(long long day)
{
	return o.by_month ? qp_day_month(day) : qp_day_week(day);
}

static long long
dayof(long long t)
{
	return qp_tz_day(o.tz, t);
}

/* ---- bitmaps and counts that grow in both directions ---- */

/* Make room for the days lo..hi. */
static void
bits_cover(struct bits *b, long long lo, long long hi)
{
	size_t need;

	if (b->w == NULL) {
		b->base = qp_fdiv(lo, 64) * 64;
		b->w = qp_xcalloc(1, sizeof *b->w);
		b->nw = 1;
	}
	if (lo < b->base) {
		size_t add = (size_t)((b->base - qp_fdiv(lo, 64) * 64) / 64);

		b->w = qp_xrealloc(b->w, b->nw + add, sizeof *b->w);
		memmove(b->w + add, b->w, b->nw * sizeof *b->w);
		memset(b->w, 0, add * sizeof *b->w);
		b->nw += add;
		b->base -= (long long)add * 64;
	}
	need = (size_t)((hi - b->base) / 64) + 1;
	if (need > b->nw) {
		size_t nw = need + b->nw / 4;

		b->w = qp_xrealloc(b->w, nw, sizeof *b->w);
		memset(b->w + b->nw, 0, (nw - b->nw) * sizeof *b->w);
		b->nw = nw;
	}
}

static void
bits_set(struct bits *b, long long day)
{
	bits_cover(b, day, day);
	b->w[(day - b->base) / 64] |= 1ULL << ((day - b->base) % 64);
}

static int
bits_test(const struct bits *b, long long day)
{
	long long wi;

	if (b->w == NULL || day < b->base)
		return 0;
	wi = (day - b->base) / 64;
	return (size_t)wi < b->nw && (b->w[wi] >> ((day - b->base) % 64) & 1);
}

/* The first set day >= day, or NODAY. */
static long long
bits_next(const struct bits *b, long long day)
{
	size_t wi;
	uint64_t w;

	if (b->w == NULL)
		return NODAY;
	if (day < b->base)
		day = b->base;
	wi = (size_t)((day - b->base) / 64);
	if (wi >= b->nw)
		return NODAY;
	w = b->w[wi] & (~0ULL << ((day - b->base) % 64));
	for (;;) {
		if (w != 0)
			return b->base + (long long)wi * 64 + __builtin_ctzll(w);
		if (++wi >= b->nw)
			return NODAY;
		w = b->w[wi];
	}
}

static void
bits_or(struct bits *d, const struct bits *s)
{
	size_t i, at;

	if (s->w == NULL)
		return;
	bits_cover(d, s->base, s->base + (long long)s->nw * 64 - 1);
	at = (size_t)((s->base - d->base) / 64);
	for (i = 0; i < s->nw; i++)
		d->w[at + i] |= s->w[i];
}

static unsigned long long
bits_count(const struct bits *b)
{
	unsigned long long n = 0;
	size_t i;

	for (i = 0; i < b->nw; i++)
		n += (unsigned)__builtin_popcountll(b->w[i]);
	return n;
}

static uint32_t *
counts_at(struct counts *c, long long k)
{
	if (c->v == NULL) {
		c->base = k;
		c->v = qp_xcalloc(1, sizeof *c->v);
		c->n = 1;
	}
	if (k < c->base) {
		size_t add = (size_t)(c->base - k);

		c->v = qp_xrealloc(c->v, c->n + add, sizeof *c->v);
		memmove(c->v + add, c->v, c->n * sizeof *c->v);
		memset(c->v, 0, add * sizeof *c->v);
		c->n += add;
		c->base = k;
	}
	if ((size_t)(k - c->base) >= c->n) {
		size_t n = (size_t)(k - c->base) + 1 + c->n / 4;

		c->v = qp_xrealloc(c->v, n, sizeof *c->v);
		memset(c->v + c->n, 0, (n - c->n) * sizeof *c->v);
		c->n = n;
	}
	return &c->v[k - c->base];
}

static uint32_t
counts_get(const struct counts *c, long long k)
{
	if (c->v == NULL || k < c->base || (size_t)(k - c->base) >= c->n)
		return 0;
	return c->v[k - c->base];
}

static void
sat_add(uint32_t *p, uint32_t v)
{
	*p = *p > UINT32_MAX - v ? UINT32_MAX : *p + v;
}

/* ---- replies ---- */

static void
rgen_free(struct rgen *g)
{
	free(g->k);
	free(g->v);
	memset(g, 0, sizeof *g);
}

static void
rgen_put(struct rgen *g, uint64_t k, uint32_t v)
{
	size_t i;

	if ((g->n + 1) * 2 > g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 1024, j;
		uint64_t *nk = qp_xcalloc(cap, sizeof *nk);
		uint32_t *nv = qp_xcalloc(cap, sizeof *nv);

		for (j = 0; j < g->cap; j++)
			if (g->k[j] != 0) {
				i = (size_t)g->k[j] & (cap - 1);
				while (nk[i] != 0)
					i = (i + 1) & (cap - 1);
				nk[i] = g->k[j];
				nv[i] = g->v[j];
			}
		rgen_free(g);
		g->k = nk;
		g->v = nv;
		g->cap = cap;
		g->n = 0;
		for (j = 0; j < cap; j++)
			g->n += nk[j] != 0;
	}
	i = (size_t)k & (g->cap - 1);
	while (g->k[i] != 0 && g->k[i] != k)
		i = (i + 1) & (g->cap - 1);
	if (g->k[i] == 0)
		g->n++;
	g->k[i] = k;
	g->v[i] = v;
}

static long
rgen_get(const struct rgen *g, uint64_t k)
{
	size_t i;

	if (g->cap == 0)
		return -1;
	i = (size_t)k & (g->cap - 1);
	while (g->k[i] != 0) {
		if (g->k[i] == k)
			return (long)g->v[i];
		i = (i + 1) & (g->cap - 1);
	}
	return -1;
}

static void
reply_remember(uint64_t k, uint32_t user)
{
	if (rnew.n >= REPLY_GEN) {
		rgen_free(&rold);
		rold = rnew;
		memset(&rnew, 0, sizeof rnew);
		revicted = 1;
	}
	rgen_put(&rnew, k, user);
}

static long
reply_author(uint64_t k)
{
	long v = rgen_get(&rnew, k);

	return v >= 0 ? v : rgen_get(&rold, k);
}

/* ---- reading ---- */

static struct rec *
record(uint32_t user)
{
	struct group *g = &groups[ngroups - 1];
	struct rec *r;

	if (user >= capcur) {
		size_t n = capcur ? capcur : 1024;

		while (n <= user)
			n *= 2;
		cur = qp_xrealloc(cur, n, sizeof *cur);
		memset(cur + capcur, 0, (n - capcur) * sizeof *cur);
		capcur = n;
	}
	if (cur[user] != 0)
		return &recs[cur[user] - 1];
	if (nrecs == caprecs) {
		caprecs = caprecs ? caprecs * 2 : 1024;
		recs = qp_xrealloc(recs, caprecs, sizeof *recs);
	}
	r = &recs[nrecs++];
	memset(r, 0, sizeof *r);
	r->user = user;
	r->group = (uint32_t)(ngroups - 1);
	r->first_msg = r->last_msg = NODAY;
	g->nrec++;
	cur[user] = (uint32_t)nrecs;
	return r;
}

static void
span_open(struct rec *r, long long ts, int by_join, uint32_t via,
    uint32_t actor)
{
	struct span *s;

	if (r->nsp == r->capsp) {
		r->capsp = r->capsp ? r->capsp * 2 : 1;
		r->sp = qp_xrealloc(r->sp, r->capsp, sizeof *r->sp);
	}
	s = &r->sp[r->nsp++];
	s->start = ts;
	s->end = OPEN;
	s->by_join = by_join;
	s->via = via;
	s->actor = actor;
	s->group = r->group;
	s->how = LEFT;
}

static int
is_open(const struct rec *r)
{
	return r->nsp > 0 && r->sp[r->nsp - 1].end == OPEN;
}

static void	roster_records(struct group *);

static void
new_group(const char *gid, size_t len)
{
	long id = qp_strmap_add(gids, gid, len);
	size_t i;

	if (id < 0)
		qp_die("out of memory");
	if (ngroups > 0) {
		struct group *p = &groups[ngroups - 1];

		if (rs_given())
			roster_records(p);
		for (i = p->rec0; i < p->rec0 + p->nrec; i++)
			cur[recs[i].user] = 0;
		/* Its questions can get no more answers. */
		free(p->asks);
		p->asks = NULL;
		p->a0 = p->na = p->capa = 0;
	}
	if (ngroups == capgroups) {
		capgroups = capgroups ? capgroups * 2 : 16;
		groups = qp_xrealloc(groups, capgroups, sizeof *groups);
	}
	memset(&groups[ngroups], 0, sizeof groups[ngroups]);
	groups[ngroups].id = (uint32_t)id;
	groups[ngroups].fday = groups[ngroups].lday = NODAY;
	groups[ngroups].last_msg_day = NODAY;
	groups[ngroups].first_ts = NODAY;
	groups[ngroups].rec0 = nrecs;
	groups[ngroups].has_owner = qp_roles_has_owner(roles, gid, len);
	ngroups++;
	rgen_free(&rnew);
	rgen_free(&rold);
	revicted = 0;
}

static uint32_t
user_of(const char *id, size_t len)
{
	uint32_t u = ru_number(&uid_of, uids, id, len);

	while (u >= nusers) {
		if (nusers == capusers) {
			capusers = capusers ? capusers * 2 : 1024;
			users = qp_xrealloc(users, capusers, sizeof *users);
		}
		memset(&users[nusers], 0, sizeof users[nusers]);
		users[nusers].name_ts = NODAY;
		nusers++;
	}
	return u;
}

struct cols {
	int gid, ts, kind, uid, user, actor, via, msg, reply, media, text,
	    name, session;
};

static void
fail_row(const struct qp_in *in, const char *what, const char *s)
{
	const struct qp_row *r = qp_in_row(in);

	qp_die("%s: record %llu (line %llu): %s%s", qp_in_name(in), r->recno,
	    r->lineno, what, s);
}

static const char *
fld(const struct qp_row *r, int c, size_t *len)
{
	if (c < 0) {
		*len = 0;
		return "";
	}
	*len = r->f[c].len;
	return r->f[c].s;
}

static struct qp_order order;
static int need_group;		/* the order's group has no struct group yet */

/* The user's number; their name is the one on their latest event. */
static uint32_t
touch_user(const struct qp_row *row, const struct cols *c, long long ts)
{
	const char *s;
	size_t len;
	uint32_t un = user_of(row->f[c->uid].s, row->f[c->uid].len);
	struct user *u = &users[un];

	s = fld(row, c->user, &len);
	if (len > 0 && ts >= u->name_ts) {
		/* most events repeat it: no lookup then */
		if (u->name == 0 || !qp_strmap_eq(names, u->name - 1, s, len)) {
			long nm = qp_strmap_add(names, s, len);

			if (nm < 0)
				qp_die("out of memory");
			u->name = (uint32_t)nm + 1;
		}
		u->name_ts = ts;
	}
	return un;
}

static void
message(struct group *g, struct rec *r, uint32_t un, const struct qp_row *row,
    const struct cols *c, long long ts, long long day)
{
	const char *s;
	size_t len, tl, i = (size_t)(((day % RING) + RING) % RING);
	int ugc;

	r->messages++;
	if (r->first_msg == NODAY || ts < r->first_msg)
		r->first_msg = ts;
	if (r->last_msg == NODAY || ts > r->last_msg)
		r->last_msg = ts;
	bits_set(&r->days, day);
	sat_add(counts_at(&r->weeks, qp_day_week(day)), 1);
	/* R9, by seed 004: qp_text_ugc() */
	s = fld(row, c->text, &len);
	ugc = qp_text_ugc(&o.ugc, fld(row, c->media, &tl), s, len);
	r->ugc += (unsigned)ugc;
	if (r->ring == NULL) {
		size_t k;

		r->ring = qp_xcalloc(1, sizeof *r->ring);
		for (k = 0; k < RING; k++)
			r->ring->day[k] = NODAY;
	}
	if (r->ring->day[i] != day) {
		r->ring->day[i] = day;
		r->ring->msgs[i] = 0;
	}
	sat_add(&r->ring->msgs[i], 1);
	/* Reply pairs (health). */
	s = fld(row, c->msg, &len);
	if (len > 0)
		reply_remember(qp_hash(s, len) | 1, un);
	s = fld(row, c->reply, &len);
	if (len > 0) {
		long a = reply_author(qp_hash(s, len) | 1);

		if (a < 0) {
			unresolved += revicted;
		} else if ((uint32_t)a != un) {
			uint32_t lo = un < (uint32_t)a ? un : (uint32_t)a,
			    hi = un < (uint32_t)a ? (uint32_t)a : un;
			uint64_t k = (uint64_t)(lo + 1) << 32 | (hi + 1);

			if (qp_set64_add(&g->pairs, k) == -1 ||
			    qp_set64_add(&allpairs, k) == -1)
				qp_die("out of memory");
		}
	}
}

static struct qa *
qa_month(struct group *g, long long month)
{
	size_t i;

	for (i = g->nqa; i > 0; i--)
		if (g->qa[i - 1].month == month)
			return &g->qa[i - 1];
	g->qa = qp_xrealloc(g->qa, g->nqa + 1, sizeof *g->qa);
	memset(&g->qa[g->nqa], 0, sizeof g->qa[g->nqa]);
	g->qa[g->nqa].month = month;
	return &g->qa[g->nqa++];
}

static void
qa_answer(struct group *g, struct ask *a, long long ts, struct rec *r)
{
	struct qa *q = qa_month(g, a->month);

	a->answered = 1;
	q->answered++;
	q->in_window += ts - a->ts <= o.answer;
	q->by_members += r != NULL;
	if (r != NULL)
		r->answers++;
	if (q->ndelay == q->capdelay) {
		q->capdelay = q->capdelay ? q->capdelay * 2 : 64;
		q->delay = qp_xrealloc(q->delay, q->capdelay, sizeof *q->delay);
	}
	q->delay[q->ndelay++] = (uint32_t)(ts - a->ts);
}

/*
 * Questions and answers (及时应答): a message of someone else answers a
 * waiting question when it replies to it, or (replying to nothing) comes
 * in its session within --answer-window; r is the sender's record, NULL
 * for staff.  A member's message that asks then waits for its answer.
 */
static void
answers(struct group *g, const struct qp_row *row, const struct cols *c,
    long long ts, uint32_t un, struct rec *r)
{
	const char *s, *ss;
	size_t len, sl, i;
	uint64_t reply = 0, sess = 0;

	while (g->a0 < g->na && ts - g->asks[g->a0].ts > ASK_KEEP)
		g->a0++;
	if (g->a0 > 1024 && g->a0 * 2 > g->na) {
		memmove(g->asks, g->asks + g->a0, (g->na - g->a0) *
		    sizeof *g->asks);
		g->na -= g->a0;
		g->a0 = 0;
	}
	s = fld(row, c->reply, &len);
	if (len > 0)
		reply = qp_hash(s, len) | 1;
	ss = fld(row, c->session, &sl);
	for (i = g->na; i > g->a0; i--) {
		struct ask *a = &g->asks[i - 1];

		if (reply == 0 && ts - a->ts > o.answer)
			break;	/* older questions wait for replies only */
		if (a->answered || a->user == un)
			continue;
		if (reply == 0 && sess == 0 && sl > 0)
			sess = qp_hash(ss, sl) | 1;
		if (reply != 0 ? a->msg == reply : a->session == sess)
			qa_answer(g, a, ts, r);
	}
	s = fld(row, c->text, &len);
	if (r == NULL || !qp_text_question(s, len))
		return;
	if (sess == 0 && sl > 0)
		sess = qp_hash(ss, sl) | 1;
	if (g->na == g->capa) {
		g->capa = g->capa ? g->capa * 2 : 64;
		g->asks = qp_xrealloc(g->asks, g->capa, sizeof *g->asks);
	}
	s = fld(row, c->msg, &len);
	g->asks[g->na].ts = ts;
	g->asks[g->na].month = qp_day_month(dayof(ts));
	g->asks[g->na].msg = len > 0 ? qp_hash(s, len) | 1 : 0;
	g->asks[g->na].session = sess;
	g->asks[g->na].user = un;
	g->asks[g->na].answered = 0;
	g->na++;
	qa_month(g, g->asks[g->na - 1].month)->questions++;
}

/* One events row (qp_cli_pass()'s row callback; arg: the columns). */
static void
event(const struct qp_in *in, void *arg)
{
	const struct cols *c = arg;
	const struct qp_row *row = qp_in_row(in);
	const char *gid = row->f[c->gid].s, *kind = row->f[c->kind].s, *s;
	size_t gidlen = row->f[c->gid].len, len;
	long long ts, day;
	int off, rank, ng, msg, paid, role;
	struct group *g;
	struct rec *r;
	uint32_t un;

	if (qp_time_parse(row->f[c->ts].s, row->f[c->ts].len, &ts, &off) == -1)
		fail_row(in, "not a time: ", row->f[c->ts].s);
	/* A stray date would stretch every per-day table to it. */
	if (!qp_time_plausible(ts))
		fail_row(in, "a stray date, outside 1970-2099 (qp-ingest "
		    "skips them): ", row->f[c->ts].s);
	rank = qp_kind_rank(kind);
	s = fld(row, c->msg, &len);
	if ((ng = qp_order_check(&order, gid, gidlen, ts, rank, s, len)) == -1)
		fail_row(in, "events are not sorted (run qp-dedupe first)", "");
	if (ng == -2)
		qp_die("out of memory");
	if (ng == 1)
		need_group = 1;
	day = dayof(ts);
	if (data_first > day)
		data_first = day;
	if (data_last < day)
		data_last = day;
	if (o.asof != NODAY && day > o.asof)
		return;		/* R2: as of E */
	if (last_day == NODAY || day > last_day)
		last_day = day;
	paid = qp_kind_is(kind, "custom") && row->f[c->uid].len > 0 &&
	    strcmp(fld(row, c->name, &len), "paid") == 0;
	if (gidlen == 0) {
		if (paid && qp_roles_get(roles, "*", 1, row->f[c->uid].s,
		    row->f[c->uid].len) == QP_ROLE_NONE) {
			/* R11: it counts in every group of the user */
			un = touch_user(row, c, ts);
			users[un].paid++;
			users[un].paid_nogroup++;
			od_pay(in, OD_NOGROUP, un, day);
		}
		return;
	}
	if (need_group) {
		new_group(gid, gidlen);
		need_group = 0;
	}
	g = &groups[ngroups - 1];
	if (g->first_ts == NODAY)
		g->first_ts = ts;
	ed_event(in, ts, day);		/* replies, mentions, newcomers */
	if (g->fday == NODAY || day < g->fday)
		g->fday = day;
	if (g->lday == NODAY || day > g->lday)
		g->lday = day;
	msg = qp_kind_is(kind, "message");
	if (msg && qp_roles_count(roles) > 0)
		sat_add(counts_at(&g->all, day), 1);
	role = row->f[c->uid].len > 0 ? qp_roles_get(roles, gid, gidlen,
	    row->f[c->uid].s, row->f[c->uid].len) : QP_ROLE_NONE;
	act_event(in, ts, role);	/* activities: staff's, members take part */
	/* Staff and bots are not members: their own numbers only. */
	if (role != QP_ROLE_NONE) {
		un = touch_user(row, c, ts);
		if (msg)
			sat_add(counts_at(role == QP_ROLE_BOT ? &g->bots :
			    &g->staff, day), 1);
		if (msg)
			answers(g, row, c, ts, un, NULL);
		if (msg && role == QP_ROLE_OWNER)
			bits_set(&g->owner, day);
		return;
	}
	ck_event(in, ts, day);		/* check-ins: members only */
	if (msg) {
		sat_add(counts_at(&g->msgs, day), 1);
		g->nmsgs++;
		if (ts - g->first_ts < LC_HOURS * 3600LL) {
			if (g->hours == NULL)
				g->hours = qp_xcalloc(LC_HOURS, sizeof *g->hours);
			g->hours[(ts - g->first_ts) / 3600]++;
		}
		if (g->last_msg_day == NODAY || day > g->last_msg_day)
			g->last_msg_day = day;
	}
	if (row->f[c->uid].len == 0)
		return;
	un = touch_user(row, c, ts);
	r = record(un);
	if (paid) {
		users[un].paid++;
		r->paid++;
		od_pay(in, (uint32_t)(ngroups - 1), un, day);
	}
	/* R3 */
	switch (qp_membership(&r->mstate, kind)) {
	case QP_M_JOIN: {
		uint32_t via = 0, actor = 0;
		long v;

		if (r->nsp > 0)		/* back after leaving */
			rl_rejoin((uint32_t)(ngroups - 1), un);

		s = fld(row, c->via, &len);
		if (len > 0) {
			if ((v = qp_strmap_add(vias, s, len)) < 0)
				qp_die("out of memory");
			via = (uint32_t)v + 1;
		}
		s = fld(row, c->actor, &len);
		if (len > 0)
			actor = user_of(s, len) + 1;
		span_open(r, ts, 1, via, actor);
		break;
	}
	case QP_M_INFER:
		span_open(r, ts, 0, 0, 0);
		break;
	case QP_M_CLOSE:
		r->sp[r->nsp - 1].end = ts;
		r->sp[r->nsp - 1].how = qp_kind_is(kind, "remove") ? REMOVED : LEFT;
		rl_exit((uint32_t)(ngroups - 1), un, r->sp[r->nsp - 1].start,
		    r->sp[r->nsp - 1].by_join, ts, qp_kind_is(kind, "remove"));
		break;
	case QP_M_POINT:
		span_open(r, ts, 0, 0, 0);
		r->sp[r->nsp - 1].end = ts;
		r->sp[r->nsp - 1].how = qp_kind_is(kind, "remove") ? REMOVED : LEFT;
		break;
	}
	if (msg) {
		message(g, r, un, row, c, ts, day);
		answers(g, row, c, ts, un, r);
		rl_message(in, (uint32_t)(ngroups - 1), un, ts, day);
	}
}

/* ---- the end: scopes and tables ---- */

struct scope {
	const char	*id;
	struct rec	*r;		/* its members (records with a span) */
	size_t		 n;
	long long	 fday, lday;
	const struct counts *msgs;	/* messages per day */
	unsigned long long nmsgs;
	long long	 last_msg_day;
	size_t		 npairs;
	const struct counts *all, *staff, *bots;	/* messages per day */
	const struct bits *owner;	/* NULL: no owner */
	const uint32_t	*hours;		/* messages per hour from its start */
};

static char *
fmt_u(char *buf, unsigned long long v)
{
	qp_csv_count(buf, v);
	return buf;
}

static char *
fmt_day(char *buf, long long day)
{
	if (day == NODAY)
		buf[0] = '\0';
	else
		qp_day_format(buf, day);
	return buf;
}

static long long
span_eday(const struct span *s)
{
	return s->end == OPEN ? E : dayof(s->end);
}

/*
 * Merge a member's spans into ranges of periods (days, or weeks with
 * by_week) clipped to [lo, hi], so that each period counts a member once.
 */
static size_t
ranges(const struct rec *r, int by_week, long long lo, long long hi,
    long long (*out)[2], size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < r->nsp; i++) {
		long long a = dayof(r->sp[i].start), b = span_eday(&r->sp[i]);

		if (by_week) {
			a = qp_day_week(a);
			b = qp_day_week(b);
		}
		if (a < lo)
			a = lo;
		if (b > hi)
			b = hi;
		if (a > b)
			continue;
		if (n > 0 && a <= out[n - 1][1]) {
			if (b > out[n - 1][1])
				out[n - 1][1] = b;
		} else if (n < max) {
			out[n][0] = a;
			out[n][1] = b;
			n++;
		}
	}
	return n;
}

static long long (*rbuf)[2];
static size_t rcap;

static size_t
member_ranges(const struct rec *r, int by_week, long long lo, long long hi)
{
	if (r->nsp > rcap) {
		rcap = r->nsp;
		rbuf = qp_xrealloc(rbuf, rcap, sizeof *rbuf);
	}
	return ranges(r, by_week, lo, hi, rbuf, rcap);
}

static void
out_row(struct qp_out *out, const char *const *v, size_t n)
{
	if (qp_out_rowv(out, v, n) == -1)
		qp_die("%s", qp_out_error(out));
}

static void
out_table(struct qp_out *out, const char *name, const char *const *cols,
    size_t n)
{
	if (qp_out_tablev(out, name, 1, cols, n) == -1)
		qp_die("%s", qp_out_error(out));
}

/* R7 */
static void
daily(struct qp_out *out, const struct scope *sc)
{
	size_t nd, i, k, j;
	long long *mem, *jn, *lv, *spk, *rm, *inf, d;
	char b[8][32], date[16];
	const char *v[10];

	if (sc->fday == NODAY)
		return;
	nd = (size_t)(sc->lday - sc->fday + 1);
	mem = qp_xcalloc(nd + 1, sizeof *mem);
	jn = qp_xcalloc(nd, sizeof *jn);
	lv = qp_xcalloc(nd, sizeof *lv);
	spk = qp_xcalloc(nd, sizeof *spk);
	rm = qp_xcalloc(nd, sizeof *rm);
	inf = qp_xcalloc(nd, sizeof *inf);
	for (i = 0; i < sc->n; i++) {
		const struct rec *r = &sc->r[i];
		size_t nr = member_ranges(r, 0, sc->fday, sc->lday);

		for (k = 0; k < nr; k++) {
			mem[rbuf[k][0] - sc->fday]++;
			mem[rbuf[k][1] - sc->fday + 1]--;
		}
		for (k = 0; k < r->nsp; k++) {
			d = dayof(r->sp[k].start);
			if (r->sp[k].by_join && d >= sc->fday && d <= sc->lday)
				jn[d - sc->fday]++;
			if (r->sp[k].end != OPEN) {
				d = dayof(r->sp[k].end);
				if (d >= sc->fday && d <= sc->lday) {
					lv[d - sc->fday]++;
					rm[d - sc->fday] += r->sp[k].how == REMOVED;
					inf[d - sc->fday] += r->sp[k].how == INFERRED;
				}
			}
		}
		for (d = bits_next(&r->days, sc->fday); d != NODAY &&
		    d <= sc->lday; d = bits_next(&r->days, d + 1))
			spk[d - sc->fday]++;
	}
	for (j = 0; j < nd; j++) {
		d = sc->fday + (long long)j;
		if (j > 0)
			mem[j] += mem[j - 1];
		v[0] = fmt_day(date, d);
		v[1] = sc->id;
		v[2] = fmt_u(b[0], (unsigned long long)mem[j]);
		v[3] = fmt_u(b[1], (unsigned long long)jn[j]);
		v[4] = fmt_u(b[2], (unsigned long long)lv[j]);
		v[5] = fmt_u(b[3], (unsigned long long)spk[j]);
		v[6] = fmt_u(b[4], counts_get(sc->msgs, d));
		v[7] = qp_csv_rate(b[5], (unsigned long long)spk[j],
		    (unsigned long long)mem[j]);
		v[8] = fmt_u(b[6], (unsigned long long)rm[j]);
		v[9] = fmt_u(b[7], (unsigned long long)inf[j]);
		out_row(out, v, 10);
	}
	free(rm);
	free(inf);
	free(mem);
	free(jn);
	free(lv);
	free(spk);
}

/* R20 */
static void
weekly(struct qp_out *out, const struct scope *sc)
{
	long long w0, w1, w, d, pw;
	size_t nw, i, k, j;
	long long *mem, *spk, *core, *jn, *lv, *msgs;
	char b[7][32], label[32];
	const char *v[9];

	if (sc->fday == NODAY)
		return;
	w0 = qp_day_week(sc->fday);
	w1 = qp_day_week(sc->lday);
	nw = (size_t)(w1 - w0 + 1);
	mem = qp_xcalloc(nw + 1, sizeof *mem);
	spk = qp_xcalloc(nw, sizeof *spk);
	core = qp_xcalloc(nw, sizeof *core);
	jn = qp_xcalloc(nw, sizeof *jn);
	lv = qp_xcalloc(nw, sizeof *lv);
	msgs = qp_xcalloc(nw, sizeof *msgs);
	for (d = sc->fday; d <= sc->lday; d++)
		msgs[qp_day_week(d) - w0] += counts_get(sc->msgs, d);
	for (i = 0; i < sc->n; i++) {
		const struct rec *r = &sc->r[i];
		size_t nr = member_ranges(r, 1, w0, w1);

		for (k = 0; k < nr; k++) {
			mem[rbuf[k][0] - w0]++;
			mem[rbuf[k][1] - w0 + 1]--;
		}
		for (k = 0; k < r->nsp; k++) {
			w = qp_day_week(dayof(r->sp[k].start));
			if (r->sp[k].by_join && w >= w0 && w <= w1)
				jn[w - w0]++;
			if (r->sp[k].end != OPEN) {
				w = qp_day_week(dayof(r->sp[k].end));
				if (w >= w0 && w <= w1)
					lv[w - w0]++;
			}
		}
		pw = NODAY;
		for (d = bits_next(&r->days, qp_week_monday(w0)); d != NODAY &&
		    qp_day_week(d) <= w1; d = bits_next(&r->days, d + 1)) {
			w = qp_day_week(d);
			if (w != pw)
				spk[w - w0]++;
			pw = w;
		}
		for (w = w0; w <= w1; w++)
			if (counts_get(&r->weeks, w) >= o.core)
				core[w - w0]++;
	}
	for (j = 0; j < nw; j++) {
		if (j > 0)
			mem[j] += mem[j - 1];
		qp_day_weekfmt(label, qp_week_monday(w0 + (long long)j));
		act_week_members(sc->id, w0 + (long long)j,
		    (unsigned long long)mem[j]);
		v[0] = label;
		v[1] = sc->id;
		v[2] = fmt_u(b[0], (unsigned long long)mem[j]);
		v[3] = fmt_u(b[1], (unsigned long long)spk[j]);
		v[4] = fmt_u(b[2], (unsigned long long)msgs[j]);
		v[5] = qp_csv_rate(b[3], (unsigned long long)spk[j],
		    (unsigned long long)mem[j]);
		v[6] = fmt_u(b[4], (unsigned long long)core[j]);
		v[7] = fmt_u(b[5], (unsigned long long)jn[j]);
		v[8] = fmt_u(b[6], (unsigned long long)lv[j]);
		out_row(out, v, 9);
	}
	free(mem);
	free(spk);
	free(core);
	free(jn);
	free(lv);
	free(msgs);
}

/* The tier by the rule at E, before demotion (R12; UGC since joining). */
static const char *
tier(const struct rec *r)
{
	long long tenure = E - dayof(r->sp[0].start);

	if ((tenure >= o.vip_tenure && (double)r->win_msgs >= o.vip_rate * 4 &&
	    r->ugc >= o.vip_ugc) || r->paid > 0)
		return "VIP";
	if ((tenure >= o.core_tenure && (double)r->win_msgs >= o.core_rate * 4) ||
	    r->ugc >= 1)
		return "core";
	return "ordinary";
}

static void
members(struct qp_out *out, const struct scope *sc)
{
	size_t i;
	long long w, joined, end, silent, demoted;
	char b[8][32], dj[16], dl[16], df[16], dm[16], dd[16];
	const char *v[22], *t;

	for (i = 0; i < sc->n; i++) {
		const struct rec *r = &sc->r[i];
		const struct span *s0 = &r->sp[0], *sl = &r->sp[r->nsp - 1];
		unsigned long long cw = 0;

		if (r->weeks.v != NULL)
			for (w = r->weeks.base; w < r->weeks.base +
			    (long long)r->weeks.n; w++)
				cw += counts_get(&r->weeks, w) >= o.core;
		joined = dayof(s0->start);
		end = sl->end == OPEN ? E : dayof(sl->end);
		t = tier(r);
		/* Silent days at E: 2-week demotion, the warning before it. */
		silent = E - (r->last_msg == NODAY ? joined : dayof(r->last_msg));
		demoted = NODAY;
		if (strcmp(t, "ordinary") != 0 && silent >= o.demote) {
			demoted = E - silent + o.demote;
			t = "ordinary";
		}
		v[0] = sc->id;
		v[1] = qp_strmap_str(uids, r->user);
		v[2] = users[r->user].name ? qp_strmap_str(names,
		    users[r->user].name - 1) : "";
		v[3] = fmt_day(dj, joined);
		v[4] = s0->by_join && s0->via ? qp_strmap_str(vias, s0->via - 1) : "";
		v[5] = s0->by_join && s0->actor ? qp_strmap_str(uids,
		    s0->actor - 1) : "";
		v[6] = s0->by_join ? "0" : "1";
		v[7] = fmt_day(dl, sl->end == OPEN ? NODAY : end);
		v[8] = fmt_day(df, r->first_msg == NODAY ? NODAY :
		    dayof(r->first_msg));
		v[9] = fmt_day(dm, r->last_msg == NODAY ? NODAY :
		    dayof(r->last_msg));
		v[10] = fmt_u(b[0], r->messages);
		v[11] = fmt_u(b[1], bits_count(&r->days));
		v[12] = fmt_u(b[2], r->ugc);
		v[13] = fmt_u(b[3], cw);
		v[14] = t;
		/* R14 */
		v[15] = r->messages == 0 && end - joined >= o.lurker ? "1" : "0";
		/* R13: the warning before demotion */
		v[16] = strcmp(t, "ordinary") != 0 && sl->end == OPEN &&
		    silent >= o.risk ? "1" : "0";
		/* R15 */
		v[17] = !s0->by_join ? "" : r->first_msg != NODAY &&
		    r->first_msg - s0->start <= o.activation ? "1" : "0";
		v[18] = fmt_u(b[4], r->paid);
		v[19] = fmt_day(dd, demoted);
		v[20] = fmt_u(b[5], r->answers);
		v[21] = sl->end == OPEN ? "" : sl->how == INFERRED ? "1" : "0";
		out_row(out, v, 22);
	}
}

static int
span_touches(const struct rec *r, long long day)
{
	size_t i;

	for (i = 0; i < r->nsp; i++)
		if (dayof(r->sp[i].start) <= day && day <= span_eday(&r->sp[i]))
			return 1;
	return 0;
}

/* Cohort members of a scope (R16): index and join day, by join day. */
struct cm {
	const struct rec *r;
	long long	 j, key;	/* join day; month or period */
};

static int
cm_cmp(const void *a, const void *b)
{
	const struct cm *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x < y ? -1 : x > y;
}

static struct cm *
cohort_members(const struct scope *sc, int by_period, size_t *n)
{
	struct cm *c = qp_xcalloc(sc->n, sizeof *c);
	size_t i, k = 0;

	for (i = 0; i < sc->n; i++) {
		if (!sc->r[i].sp[0].by_join)
			continue;
		c[k].r = &sc->r[i];
		c[k].j = dayof(sc->r[i].sp[0].start);
		c[k].key = by_period ? periodof(c[k].j) : qp_day_month(c[k].j);
		k++;
	}
	qsort(c, k, sizeof *c, cm_cmp);
	*n = k;
	return c;
}

static const char *const variants[] = { "D", "D+", "M" };

static int
retained(const struct rec *r, int variant, long long day)
{
	switch (variant) {
	case 0:
		return bits_test(&r->days, day);
	case 1:
		return r->last_msg != NODAY && dayof(r->last_msg) >= day;
	default:
		return span_touches(r, day);
	}
}

static void
retention_rows(struct qp_out *out, const struct scope *sc, const char *label,
    const struct cm *c, size_t n)
{
	size_t i, k;
	int var;
	char b[3][32], nbuf[24];
	const char *v[7];

	for (var = 0; var < 3; var++)
		for (k = 0; k < o.ndays; k++) {
			unsigned long long el = 0, re = 0;

			for (i = 0; i < n; i++) {
				long long day = c[i].j + o.days[k];

				if (day > E)
					continue;
				el++;
				re += (unsigned)retained(c[i].r, var, day);
			}
			v[0] = sc->id;
			v[1] = label;
			v[2] = variants[var];
			v[3] = fmt_u(nbuf, (unsigned long long)o.days[k]);
			v[4] = fmt_u(b[0], el);
			v[5] = fmt_u(b[1], re);
			v[6] = qp_csv_rate(b[2], re, el);
			out_row(out, v, 7);
		}
}

/* R16 */
static void
retention(struct qp_out *out, const struct scope *sc)
{
	size_t n, i, j;
	struct cm *c = cohort_members(sc, 0, &n);
	char label[32];

	retention_rows(out, sc, "*", c, n);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && c[j].key == c[i].key; j++)
			;
		qp_month_format(label, c[i].key);
		retention_rows(out, sc, label, c + i, j - i);
	}
	free(c);
}

static void
period_label(char *buf, long long p)
{
	if (o.by_month)
		qp_month_format(buf, p);
	else
		qp_day_weekfmt(buf, qp_week_monday(p));
}

/* R17 */
static void
cohort(struct qp_out *out, const struct scope *sc)
{
	size_t n, i, j, k, np;
	struct cm *c = cohort_members(sc, 1, &n);
	long long pe = periodof(E), d, p, pp;
	unsigned long long *act;
	char b[4][32], label[32];
	const char *v[6];

	for (i = 0; i < n; i = j) {
		for (j = i; j < n && c[j].key == c[i].key; j++)
			;
		np = c[i].key <= pe ? (size_t)(pe - c[i].key + 1) : 0;
		act = qp_xcalloc(np, sizeof *act);
		for (k = i; k < j; k++) {
			pp = NODAY;
			for (d = bits_next(&c[k].r->days, c[k].j); d != NODAY &&
			    d <= E; d = bits_next(&c[k].r->days, d + 1)) {
				p = periodof(d);
				if (p != pp && p >= c[i].key && p <= pe)
					act[p - c[i].key]++;
				pp = p;
			}
		}
		period_label(label, c[i].key);
		for (k = 0; k < np; k++) {
			v[0] = sc->id;
			v[1] = label;
			v[2] = fmt_u(b[0], k);
			v[3] = fmt_u(b[1], j - i);
			v[4] = fmt_u(b[2], act[k]);
			v[5] = qp_csv_rate(b[3], act[k], j - i);
			out_row(out, v, 6);
		}
		free(act);
	}
	free(c);
}

/*
 * Staff and bots, per day: their messages, the share of all the group's
 * that is theirs, and how long the owner has been silent (无首), as
 * dead_since judges a group: from the day after the owner's last message
 * (or the group's first day) once --dead-days have passed.
 */
static void
staff(struct qp_out *out, const struct scope *sc)
{
	char b[4][32], date[16], since[16];
	const char *v[7];
	long long d, last = NODAY, sd;
	unsigned long long st, bt;

	if (sc->fday == NODAY)
		return;
	for (d = sc->fday; d <= sc->lday; d++) {
		if (sc->owner != NULL && bits_test(sc->owner, d))
			last = d;
		sd = NODAY;
		if (sc->owner != NULL && last == NODAY && d - sc->fday >= o.dead)
			sd = sc->fday;
		else if (sc->owner != NULL && last != NODAY && d - last >= o.dead)
			sd = last + 1;
		st = counts_get(sc->staff, d);
		bt = counts_get(sc->bots, d);
		v[0] = fmt_day(date, d);
		v[1] = sc->id;
		v[2] = fmt_u(b[0], st);
		v[3] = fmt_u(b[1], bt);
		v[4] = fmt_u(b[2], counts_get(sc->all, d));
		v[5] = qp_csv_rate(b[3], st + bt, counts_get(sc->all, d));
		v[6] = fmt_day(since, sd);
		out_row(out, v, 7);
	}
}

/*
 * 核心用户数: members with at least one core week (R10) among the ISO weeks
 * that touch the last N days up to E (seed 004: 500 in 3 months, 2000 in 6).
 */
static void
core_users(struct qp_out *out, const struct scope *sc)
{
	static const long long spans[] = { 90, 180 };
	char b[2][24];
	const char *v[3];
	size_t i, k;
	long long w;

	for (k = 0; k < 2; k++) {
		unsigned long long n = 0;
		long long w0 = qp_day_week(E - spans[k] + 1), w1 = qp_day_week(E);

		for (i = 0; i < sc->n; i++)
			for (w = w0; w <= w1; w++)
				if (counts_get(&sc->r[i].weeks, w) >= o.core) {
					n++;
					break;
				}
		v[0] = sc->id;
		v[1] = fmt_u(b[0], (unsigned long long)spans[k]);
		v[2] = fmt_u(b[1], n);
		out_row(out, v, 3);
	}
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* One answers row of q (its delays get sorted). */
static void
answers_row(struct qp_out *out, const char *id, struct qa *q)
{
	char b[8][32], m[16];
	const char *v[9];
	size_t n = q->ndelay;

	if (n > 1)
		qsort(q->delay, n, sizeof *q->delay, u32_cmp);
	qp_month_format(m, q->month);
	v[0] = m;
	v[1] = id;
	v[2] = fmt_u(b[0], q->questions);
	v[3] = fmt_u(b[1], q->answered);
	v[4] = qp_csv_rate(b[2], q->answered, q->questions);
	v[5] = fmt_u(b[3], q->in_window);
	v[6] = fmt_u(b[4], q->by_members);
	v[7] = qp_csv_rate(b[5], q->by_members, q->answered);
	if (n == 0)
		v[8] = "";
	else if (n % 2)
		v[8] = fmt_u(b[6], q->delay[n / 2]);
	else {
		unsigned long long sum = (unsigned long long)q->delay[n / 2 - 1] +
		    q->delay[n / 2];

		snprintf(b[6], sizeof b[6], "%llu%s", sum / 2, sum % 2 ? ".5" : "");
		v[8] = b[6];
	}
	out_row(out, v, 9);
}

/* The answers table: "*" (every group's questions by month), then groups. */
static void
answers_table(struct qp_out *out)
{
	static const char *const cols[] = { "month", "group_id", "questions",
	    "answered", "answer_rate", "answered_1h", "by_members",
	    "member_share", "median_s" };
	long long lo = LLONG_MAX, hi = LLONG_MIN, mo;
	size_t i, k;

	out_table(out, "answers", cols, 9);
	for (i = 0; i < ngroups; i++)
		for (k = 0; k < groups[i].nqa; k++) {
			if (groups[i].qa[k].month < lo)
				lo = groups[i].qa[k].month;
			if (groups[i].qa[k].month > hi)
				hi = groups[i].qa[k].month;
		}
	for (mo = lo; lo != LLONG_MAX && mo <= hi; mo++) {
		struct qa all;
		int any = 0;

		memset(&all, 0, sizeof all);
		all.month = mo;
		for (i = 0; i < ngroups; i++)
			for (k = 0; k < groups[i].nqa; k++) {
				const struct qa *q = &groups[i].qa[k];

				if (q->month != mo)
					continue;
				any = 1;
				all.questions += q->questions;
				all.answered += q->answered;
				all.in_window += q->in_window;
				all.by_members += q->by_members;
				if (q->ndelay == 0)
					continue;
				all.delay = qp_xrealloc(all.delay, all.ndelay +
				    q->ndelay, sizeof *all.delay);
				memcpy(all.delay + all.ndelay, q->delay,
				    q->ndelay * sizeof *q->delay);
				all.ndelay += q->ndelay;
			}
		if (any)
			answers_row(out, "*", &all);
		free(all.delay);
	}
	for (i = 0; i < ngroups; i++)
		for (k = 0; k < groups[i].nqa; k++)
			answers_row(out, qp_strmap_str(gids, groups[i].id),
			    &groups[i].qa[k]);
}

static int
by_messages(const void *a, const void *b)
{
	const struct rec *x = *(const struct rec *const *)a,
	    *y = *(const struct rec *const *)b;

	if (x->messages != y->messages)
		return x->messages > y->messages ? -1 : 1;
	return strcmp(qp_strmap_str(uids, x->user), qp_strmap_str(uids, y->user));
}

/*
 * The lifecycle columns of health (qunpipe(7) "Lifecycles"): last
 * message, where the exports end, members' messages in the first three
 * 24-hour spans from the first event, the half-life of the first 7 days,
 * active days and the short-window decay ("*": the groups' hours added
 * up, each from its own start).
 */
static void
lifecycle(const struct scope *sc, const char **v, char (*b)[32])
{
	unsigned long long h[3] = { 0, 0, 0 }, all = 0, cum = 0, peak = 0;
	unsigned long long d12 = 0, d37 = 0, n;
	long long d, hi = sc->lday;
	size_t i, k;

	for (k = 0; k < 8; k++)
		v[k] = "";
	v[0] = fmt_day(b[0], sc->last_msg_day);
	if (sc->lday < E)	/* its exports stop before the end date */
		v[1] = fmt_day(b[1], sc->lday);
	for (i = 0; sc->hours != NULL && i < LC_HOURS; i++) {
		if (i < 72)
			h[i / 24] += sc->hours[i];
		all += sc->hours[i];
	}
	for (k = 0; k < 3; k++)
		v[2 + k] = fmt_u(b[2 + k], h[k]);
	/* 7 days must have passed: E is past the 7th day */
	if (E >= sc->fday + 7 && all > 0) {
		for (i = 0; i < LC_HOURS && cum * 2 < all; i++)
			cum += sc->hours[i];
		v[5] = fmt_u(b[5], i);
	}
	for (d = sc->fday; d <= hi; d++)
		if (counts_get(sc->msgs, d) > peak)
			peak = counts_get(sc->msgs, d);
	for (d = sc->fday, n = 0; peak > 0 && d <= hi; d++)
		n += counts_get(sc->msgs, d) * 5 >= peak;
	v[6] = fmt_u(b[6], n);
	/* (days 3-7 / 5) / (days 1-2 / 2), from day 7 */
	for (d = sc->fday; d < sc->fday + 7; d++)
		*(d < sc->fday + 2 ? &d12 : &d37) += counts_get(sc->msgs, d);
	if (E >= sc->fday + 6)
		v[7] = qp_csv_rate(b[7], d37 * 2, d12 * 5);
}

static void
health(struct qp_out *out, const struct scope *sc)
{
	char b[6][32], df[16], dl[16], dd[16], lb[8][32];
	const char *v[17];
	unsigned long long m17 = 0, m830 = 0, top = 0, churn = 0;
	const struct rec **sp;
	size_t i, ns = 0, ntop;
	long long d, dead = NODAY;

	if (sc->fday == NODAY)
		return;
	for (d = sc->fday; d < sc->fday + 30; d++)
		*(d < sc->fday + 7 ? &m17 : &m830) += counts_get(sc->msgs, d);
	/* silent only over days its exports cover: up to its last event */
	if (sc->last_msg_day == NODAY) {
		if (sc->lday - sc->fday >= o.dead)
			dead = sc->fday;
	} else if (sc->lday - sc->last_msg_day >= o.dead)
		dead = sc->last_msg_day + 1;
	sp = qp_xcalloc(sc->n, sizeof *sp);
	for (i = 0; i < sc->n; i++)
		if (sc->r[i].messages > 0)
			sp[ns++] = &sc->r[i];
	qsort(sp, ns, sizeof *sp, by_messages);
	if (ns > 0)
		top = sp[0]->messages;
	ntop = (ns + 9) / 10;
	for (i = 0; i < ntop; i++)
		churn += !is_open(sp[i]) || E - dayof(sp[i]->last_msg) >= o.demote;
	free(sp);
	v[0] = sc->id;
	v[1] = fmt_day(df, sc->fday);
	v[2] = fmt_day(dl, sc->lday);
	v[3] = fmt_u(b[0], sc->nmsgs);
	/* (m830 / 23) / (m17 / 7), once the group has had 30 days */
	v[4] = E >= sc->fday + 29 ? qp_csv_rate(b[1], m830 * 7, m17 * 23) : "";
	v[5] = fmt_day(dd, dead);
	v[6] = qp_csv_rate(b[2], top, sc->nmsgs);
	v[7] = qp_csv_rate(b[3], churn, ntop);
	v[8] = fmt_u(b[4], sc->npairs);
	lifecycle(sc, v + 9, lb);
	out_row(out, v, 17);
}

/* ---- the community scope (R6) ---- */

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->by_join != y->by_join)
		return x->by_join ? -1 : 1;
	return x->group < y->group ? -1 : x->group > y->group;
}

static int
rec_by_user(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	int c = strcmp(qp_strmap_str(uids, x->user), qp_strmap_str(uids, y->user));

	if (c != 0)
		return c;
	return x->group < y->group ? -1 : x->group > y->group;
}

static void
window(struct rec *r)
{
	size_t i;

	if (r->ring == NULL)
		return;
	for (i = 0; i < RING; i++)
		if (r->ring->day[i] != NODAY && r->ring->day[i] >= E - (RING - 1) &&
		    r->ring->day[i] <= E) {
			r->win_msgs += r->ring->msgs[i];
		}
	free(r->ring);
	r->ring = NULL;
}

/* Merge one person's records r[0..n-1] into p. */
static void
merge_person(struct rec *p, const struct rec *r, size_t n)
{
	size_t i, k, m = 0;
	long long w;

	memset(p, 0, sizeof *p);
	p->user = r[0].user;
	p->group = UINT32_MAX;
	p->first_msg = p->last_msg = NODAY;
	for (i = 0; i < n; i++)
		m += r[i].nsp;
	p->sp = qp_xcalloc(m, sizeof *p->sp);
	for (i = 0; i < n; i++) {
		memcpy(p->sp + p->nsp, r[i].sp, r[i].nsp * sizeof *p->sp);
		p->nsp += r[i].nsp;
		p->messages += r[i].messages;
		p->ugc += r[i].ugc;
		p->answers += r[i].answers;
		p->win_msgs += r[i].win_msgs;
		if (r[i].first_msg != NODAY && (p->first_msg == NODAY ||
		    r[i].first_msg < p->first_msg))
			p->first_msg = r[i].first_msg;
		if (r[i].last_msg > p->last_msg)
			p->last_msg = r[i].last_msg;
		bits_or(&p->days, &r[i].days);
		if (r[i].weeks.v != NULL)
			for (w = r[i].weeks.base; w < r[i].weeks.base +
			    (long long)r[i].weeks.n; w++)
				if (counts_get(&r[i].weeks, w) > 0)
					sat_add(counts_at(&p->weeks, w),
					    counts_get(&r[i].weeks, w));
	}
	qsort(p->sp, p->nsp, sizeof *p->sp, span_cmp);
	for (i = 1, k = 0; i < p->nsp; i++) {
		if (p->sp[i].start <= p->sp[k].end) {	/* overlap or touch */
			if (p->sp[i].end > p->sp[k].end) {
				p->sp[k].end = p->sp[i].end;
				p->sp[k].how = p->sp[i].how;
			}
		} else
			p->sp[++k] = p->sp[i];
	}
	p->nsp = p->nsp ? k + 1 : 0;
	p->paid = users[p->user].paid;
}

/* ---- rosters (qunpipe(7)): head counts and inferred leaves ---- */

/*
 * Every member a roster lists for the group gets a record now, while the
 * group's records are contiguous; their spans wait for E (roster_spans()).
 * Staff and bots are not members.  A member known only by the roster's
 * name ("name:NAME") is shown by it.
 */
static void
roster_records(struct group *g)
{
	const struct rs_snap *sn;
	const char *gid = qp_strmap_str(gids, g->id);
	size_t n = rs_group(gid, &sn), k, i;
	long nm;

	for (k = 0; k < n; k++)
		for (i = 0; i < sn[k].n; i++) {
			const char *u = sn[k].uids[i];
			uint32_t un;

			if (qp_roles_get(roles, gid, strlen(gid), u,
			    strlen(u)) != QP_ROLE_NONE)
				continue;
			un = user_of(u, strlen(u));
			if (users[un].name == 0 && strncmp(u, "name:", 5) == 0) {
				if ((nm = qp_strmap_add(names, u + 5,
				    strlen(u + 5))) < 0)
					qp_die("out of memory");
				users[un].name = (uint32_t)nm + 1;
			}
			(void)record(un);
		}
}

static long long
day_start(long long day)
{
	return qp_tz_resolve(o.tz, day * 86400);
}

/* Spans in time order, those that overlap made one (the first's start). */
static void
spans_tidy(struct rec *r)
{
	size_t i, k;

	if (r->nsp < 2)
		return;
	qsort(r->sp, r->nsp, sizeof *r->sp, span_cmp);
	for (i = 1, k = 0; i < r->nsp; i++) {
		if (r->sp[i].start <= r->sp[k].end) {
			if (r->sp[i].end > r->sp[k].end) {
				r->sp[k].end = r->sp[i].end;
				r->sp[k].how = r->sp[i].how;
			}
		} else
			r->sp[++k] = r->sp[i];
	}
	r->nsp = k + 1;
}

/*
 * One member's spans against the group's snapshots, in day order: listed
 * on a day no span covers, they were a member (since the group's first
 * day when the first snapshot lists them and nothing earlier did, else
 * from that snapshot's day); a span across a snapshot that does not list
 * them ends that day (an inferred leave, dated at the later snapshot),
 * unless they spoke that day; speaking later, they came back that day.
 */
static void
roster_rec(struct rec *r, const struct rs_snap *sn, size_t n, long long first)
{
	const char *uid = qp_strmap_str(uids, r->user);
	size_t k, i;
	long long d, m;

	for (k = 0; k < n && sn[k].day <= E; k++) {
		d = sn[k].day;
		if (rs_listed(&sn[k], uid)) {
			if (span_touches(r, d))
				continue;
			span_open(r, k == 0 && (r->nsp == 0 ||
			    dayof(r->sp[0].start) > d) ? first : day_start(d),
			    0, 0, 0);
			spans_tidy(r);
			continue;
		}
		for (i = 0; i < r->nsp; i++)
			if (dayof(r->sp[i].start) < d && d <= span_eday(&r->sp[i]))
				break;
		if (i == r->nsp || (r->sp[i].end != OPEN &&
		    dayof(r->sp[i].end) == d))
			continue;	/* not a member, or left that day */
		if ((m = bits_next(&r->days, d)) == d)
			continue;	/* spoke that day: the events win */
		if (m != NODAY && m <= span_eday(&r->sp[i])) {
			struct span back = r->sp[i];

			back.start = day_start(m);
			back.by_join = 0;
			back.via = back.actor = 0;
			if (r->nsp == r->capsp) {
				r->capsp *= 2;
				r->sp = qp_xrealloc(r->sp, r->capsp,
				    sizeof *r->sp);
			}
			memmove(r->sp + i + 2, r->sp + i + 1,
			    (r->nsp - i - 1) * sizeof *r->sp);
			r->sp[i + 1] = back;
			r->nsp++;
		}
		r->sp[i].end = day_start(d);
		r->sp[i].how = INFERRED;
	}
}

/* At E: each group's members against its roster. */
static void
roster_spans(void)
{
	const struct rs_snap *sn;
	size_t i, j, n;

	for (i = 0; i < ngroups; i++) {
		struct group *g = &groups[i];
		long long first;

		if ((n = rs_group(qp_strmap_str(gids, g->id), &sn)) == 0)
			continue;
		first = day_start(g->fday != NODAY && g->fday < sn[0].day ?
		    g->fday : sn[0].day);
		/* A snapshot is a day of the group's: its leaves show. */
		for (j = 0; j < n && sn[j].day <= E; j++) {
			if (g->fday == NODAY || sn[j].day < g->fday)
				g->fday = sn[j].day;
			if (g->lday == NODAY || sn[j].day > g->lday)
				g->lday = sn[j].day;
		}
		for (j = g->rec0; j < g->rec0 + g->nrec; j++)
			roster_rec(&recs[j], sn, n, first);
	}
	rs_unseen();
}

static void
bits_free(struct bits *b)
{
	free(b->w);
}

static void
rec_free(struct rec *r)
{
	free(r->sp);
	bits_free(&r->days);
	free(r->weeks.v);
	free(r->ring);
}

/* Read the options' numbers. */
static long long
num_opt(const char *name, const char *s, long long min, long long max)
{
	long long v;

	if (qp_parse_ll(s, min, max, &v) == -1)
		qp_usage_error("%s: want a whole number from %lld to %lld, not "
		    "'%s'", name, min, max, s);
	return v;
}

static long long
duration_opt(const char *name, const char *s)
{
	long long v;

	if (qp_parse_duration(s, &v) == -1)
		qp_usage_error("%s: want a duration such as 90s, 30m, 72h or 3d, "
		    "not '%s'", name, s);
	return v;
}

static void
list_opt(const char *name, const char *s, double *v, size_t n)
{
	char *copy = strdup(s), *p, *tok, *end;
	size_t i = 0;

	if (copy == NULL)
		qp_die("out of memory");
	for (p = copy; (tok = strsep(&p, ",")) != NULL; i++) {
		errno = 0;
		if (i >= n || (v[i] = strtod(tok, &end), errno != 0) ||
		    end == tok || *end != '\0' || v[i] < 0 || v[i] > 1e6)
			qp_usage_error("%s: want %zu numbers separated by "
			    "commas, not '%s'", name, n, s);
	}
	if (i != n)
		qp_usage_error("%s: want %zu numbers separated by commas, not "
		    "'%s'", name, n, s);
	free(copy);
}

static void
days_opt(const char *s)
{
	char *copy = strdup(s), *p, *tok;
	size_t i;

	if (copy == NULL)
		qp_die("out of memory");
	o.ndays = 0;
	for (p = copy; (tok = strsep(&p, ",")) != NULL; ) {
		if (o.ndays == MAXDAYS)
			qp_usage_error("--days: at most %d days", MAXDAYS);
		o.days[o.ndays] = num_opt("--days", tok, 1, 100000);
		for (i = 0; i < o.ndays; i++)
			if (o.days[i] >= o.days[o.ndays])
				qp_usage_error("--days: want increasing "
				    "numbers, not '%s'", s);
		o.ndays++;
	}
	free(copy);
}

static void
events_header(const struct qp_in *in, void *arg)
{
	struct cols *c = arg;

	c->gid = qp_cli_col(in, "events", "group_id");
	c->ts = qp_cli_col(in, "events", "ts");
	c->kind = qp_cli_col(in, "events", "kind");
	c->uid = qp_cli_col(in, "events", "user_id");
	c->msg = qp_cli_col(in, "events", "msg_id");
	c->user = qp_in_col(in, "user");
	c->actor = qp_in_col(in, "actor");
	c->via = qp_in_col(in, "via");
	c->reply = qp_in_col(in, "reply_to");
	c->media = qp_in_col(in, "media");
	c->text = qp_in_col(in, "text");
	c->name = qp_in_col(in, "name");
	c->session = qp_in_col(in, "session");
	ck_header(in, o.tz);
	act_header(in, o.tz);
	ed_header(in, &o.ugc, roles);
	od_header(in);
	rl_header(in);
}

int
main(int argc, char **argv)
{
	static const char *const daily_cols[] = { "date", "group_id", "members",
	    "joins", "leaves", "speakers", "messages", "speaking_rate",
	    "removals", "left_inferred" };
	static const char *const weekly_cols[] = { "week", "group_id", "members",
	    "speakers", "messages", "participation", "core_members", "joins",
	    "leaves" };
	static const char *const members_cols[] = { "group_id", "user_id",
	    "user", "joined", "via", "inviter", "join_inferred", "left",
	    "first_message", "last_message", "messages", "active_days", "ugc",
	    "core_weeks", "tier", "lurker", "at_risk", "activated_72h", "paid",
	    "demoted_on", "answers", "left_inferred" };
	static const char *const retention_cols[] = { "group_id", "cohort",
	    "variant", "n", "eligible", "retained", "rate" };
	static const char *const cohort_cols[] = { "group_id", "cohort",
	    "offset", "size", "active", "rate" };
	static const char *const health_cols[] = { "group_id", "first_event",
	    "last_event", "messages", "decay_7d", "dead_since", "top_share",
	    "top_churn", "reply_pairs", "last_message", "export_ends",
	    "msgs_0_24h", "msgs_24_48h", "msgs_48_72h", "half_life_h",
	    "active_days", "decay_short" };
	struct qp_common com;
	struct qp_in *in;
	struct qp_out *out;
	struct qp_pass pass;
	struct cols c;
	struct scope *sc;
	struct rec *people;
	struct counts *stotal;
	uint32_t *stars_hours = NULL;
	size_t nsc, npeople, i, j, k;
	const char *zone = NULL;
	int ch;
	double dv[3];

	memset(&o, 0, sizeof o);
	o.asof = NODAY;
	o.days[0] = 1, o.days[1] = 7, o.days[2] = 30, o.days[3] = 90;
	o.ndays = 4;
	o.core = 3;
	o.ugc.chars = 50;
	o.ugc.link_words = 20;
	o.activation = 72 * 3600;
	o.answer = 3600;
	o.lurker = 7;
	o.risk = 7;
	o.demote = 14;
	o.dead = 14;
	o.vip_tenure = 180, o.vip_rate = 5, o.vip_ugc = 3;
	o.core_tenure = 90, o.core_rate = 3;
	qp_cli_init("qp-cohort", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		switch (ch) {
		case OPT_TZ:
			zone = optarg;
			break;
		case OPT_ASOF:
			if (qp_day_parse(optarg, &o.asof) == -1)
				qp_usage_error("--asof: want a date YYYY-MM-DD, "
				    "not '%s'", optarg);
			break;
		case OPT_BY:
			if (strcmp(optarg, "week") == 0)
				o.by_month = 0;
			else if (strcmp(optarg, "month") == 0)
				o.by_month = 1;
			else
				qp_usage_error("--by: want week or month, not "
				    "'%s'", optarg);
			break;
		case OPT_DAYS:
			days_opt(optarg);
			break;
		case OPT_CORE:
			o.core = (unsigned)num_opt("--core", optarg, 1, 1000000);
			break;
		case OPT_UGC:
			o.ugc.chars = (unsigned)num_opt("--ugc-chars", optarg, 1,
			    1000000);
			break;
		case OPT_LINKWORDS:
			o.ugc.link_words = (unsigned)num_opt("--ugc-link-words",
			    optarg, 0, 1000000);
			break;
		case OPT_ANSWER:
			o.answer = duration_opt("--answer-window", optarg);
			break;
		case OPT_DEMOTE:
			o.demote = num_opt("--demote-days", optarg, 1, 100000);
			break;
		case OPT_ACT:
			o.activation = duration_opt("--activation", optarg);
			break;
		case OPT_LURK:
			o.lurker = num_opt("--lurker-days", optarg, 0, 100000);
			break;
		case OPT_RISK:
			o.risk = num_opt("--risk-days", optarg, 1, 100000);
			break;
		case OPT_DEAD:
			o.dead = num_opt("--dead-days", optarg, 1, 100000);
			break;
		case OPT_VIP:
			list_opt("--vip", optarg, dv, 3);
			o.vip_tenure = (long long)dv[0];
			o.vip_rate = dv[1];
			o.vip_ugc = (unsigned)dv[2];
			break;
		case OPT_TARGETS:
			qp_cli_targets(optarg);
			break;
		case OPT_GROUPS:
			ck_opt_groups(optarg);
			break;
		case OPT_CHECKIN:
			ck_opt_checkin(optarg);
			break;
		case OPT_MAKEUP:
			ck_opt_makeup(optarg);
			break;
		case OPT_ACTIVITY:
			act_opt_activity(optarg);
			break;
		case OPT_ACTIVITIES:
			act_opt_activities(optarg);
			break;
		case OPT_ACTWINDOW:
			act_opt_window(duration_opt("--activity-window", optarg));
			break;
		case OPT_INTRO:
			ed_opt_intro(optarg);
			break;
		case OPT_NICK:
			ed_opt_nickname(optarg);
			break;
		case OPT_ADWORDS:
			rl_opt_adwords(optarg);
			break;
		case OPT_FLOOD:
			rl_opt_flood(optarg);
			break;
		case OPT_SPAMGROUPS:
			rl_opt_spam_groups(num_opt("--spam-groups", optarg, 2,
			    100000));
			break;
		case OPT_STRIKES:
			rl_opt_strikes(num_opt("--strikes", optarg, 1, 100000));
			break;
		case OPT_ADSHARE:
			rl_opt_ad_share(optarg);
			break;
		case OPT_CORETIER:
			list_opt("--core-tier", optarg, dv, 2);
			o.core_tenure = (long long)dv[0];
			o.core_rate = dv[1];
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	o.tz = qp_cli_tz(zone, "local days are UTC days", com.quiet);
	/* Its work per row is about what inflating the row costs. */
	qp_src_readahead(1);
	qp_sink_writebehind(1);
	out = qp_cli_stage(&com, "qp-cohort", argc, argv, optind, &in);
	if ((uids = qp_strmap_new()) == NULL || (gids = qp_strmap_new()) == NULL ||
	    (names = qp_strmap_new()) == NULL || (vias = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	memset(&c, -1, sizeof c);
	pass.drop = own_tables;
	pass.header = events_header;
	pass.row = event;
	pass.arg = &c;
	if ((roles = qp_roles_new()) == NULL)
		qp_die("out of memory");
	pass.roles = roles;
	pass.side = "roster";
	pass.side_header = rs_header;
	pass.side_row = rs_row;
	pass.events_end = NULL;
	qp_cli_pass(&com, in, out, &pass, optind < argc ? argv[optind] :
	    "<stdin>");
	if (unresolved > 0)
		qp_warn("%llu replies to messages more than %u messages back "
		    "were not resolved: reply_pairs is a lower bound",
		    unresolved, REPLY_GEN);
	if (o.asof != NODAY)
		qp_cli_asof(o.asof, data_first, data_last);
	E = o.asof != NODAY ? o.asof : last_day;
	if (rs_given()) {
		if (ngroups > 0)
			roster_records(&groups[ngroups - 1]);
		roster_spans();
	}

	/* Records with no membership (only paid events) get no row. */
	for (i = 0; i < nrecs; i++)
		window(&recs[i]);
	/* R11: paid events without a group count in every group of the user. */
	for (i = 0; i < nrecs; i++)
		recs[i].paid += users[recs[i].user].paid_nogroup;

	/* Scopes: "*" first, then the groups (already in group_id order). */
	nsc = ngroups + 1;
	sc = qp_xcalloc(nsc, sizeof *sc);
	sc[0].fday = sc[0].lday = sc[0].last_msg_day = NODAY;
	for (i = 0; i < ngroups; i++) {
		struct group *g = &groups[i];
		struct scope *s = &sc[i + 1];

		s->id = qp_strmap_str(gids, g->id);
		s->r = recs + g->rec0;
		/* members: records with a membership, by user_id */
		for (j = k = 0; j < g->nrec; j++) {
			if (s->r[j].nsp > 0)
				s->r[k++] = s->r[j];
			else
				rec_free(&s->r[j]);
		}
		s->n = k;
		if (s->n > 1)	/* a group of staff only has none */
			qsort(s->r, s->n, sizeof *s->r, rec_by_user);
		s->fday = g->fday;
		s->lday = g->lday;
		s->msgs = &g->msgs;
		s->nmsgs = g->nmsgs;
		s->last_msg_day = g->last_msg_day;
		s->npairs = g->pairs.n;
		s->all = &g->all;
		s->staff = &g->staff;
		s->bots = &g->bots;
		s->owner = g->has_owner ? &g->owner : NULL;
		s->hours = g->hours;
		if (s->fday != NODAY && (sc[0].fday == NODAY || s->fday < sc[0].fday))
			sc[0].fday = s->fday;
		if (s->lday != NODAY && (sc[0].lday == NODAY || s->lday > sc[0].lday))
			sc[0].lday = s->lday;
		if (s->last_msg_day != NODAY && (sc[0].last_msg_day == NODAY ||
		    s->last_msg_day > sc[0].last_msg_day))
			sc[0].last_msg_day = s->last_msg_day;
		sc[0].nmsgs += s->nmsgs;
	}
	/* "*": one record per person, from all their groups' records. */
	{
		struct rec *all;
		struct counts *msgs = qp_xcalloc(1, sizeof *msgs);
		size_t n = 0;
		long long d;

		for (i = 1; i < nsc; i++)
			n += sc[i].n;
		all = qp_xcalloc(n, sizeof *all);
		for (i = 1, n = 0; i < nsc; i++)
			for (j = 0; j < sc[i].n; j++)
				all[n++] = sc[i].r[j];
		qsort(all, n, sizeof *all, rec_by_user);
		people = qp_xcalloc(n, sizeof *people);
		for (i = npeople = 0; i < n; i = j) {
			for (j = i; j < n && all[j].user == all[i].user; j++)
				;
			merge_person(&people[npeople++], all + i, j - i);
		}
		free(all);
		if (sc[0].fday != NODAY)
			for (d = sc[0].fday; d <= sc[0].lday; d++)
				for (i = 1; i < nsc; i++)
					if (counts_get(sc[i].msgs, d) > 0)
						sat_add(counts_at(msgs, d),
						    counts_get(sc[i].msgs, d));
		/* Staff of every group, summed per day. */
		stotal = qp_xcalloc(3, sizeof *stotal);
		if (sc[0].fday != NODAY && qp_roles_count(roles) > 0)
			for (d = sc[0].fday; d <= sc[0].lday; d++)
				for (i = 1; i < nsc; i++) {
					sat_add(counts_at(&stotal[0], d),
					    counts_get(sc[i].all, d));
					sat_add(counts_at(&stotal[1], d),
					    counts_get(sc[i].staff, d));
					sat_add(counts_at(&stotal[2], d),
					    counts_get(sc[i].bots, d));
				}
		sc[0].all = &stotal[0];
		sc[0].staff = &stotal[1];
		sc[0].bots = &stotal[2];
		sc[0].id = "*";
		sc[0].r = people;
		sc[0].n = npeople;
		sc[0].msgs = msgs;
		sc[0].npairs = allpairs.n;
		/* each group's first hours from its own start, added up */
		for (i = 0; i < ngroups; i++)
			for (j = 0; groups[i].hours != NULL && j < LC_HOURS;
			    j++) {
				if (stars_hours == NULL)
					stars_hours = qp_xcalloc(LC_HOURS,
					    sizeof *stars_hours);
				stars_hours[j] += groups[i].hours[j];
			}
		sc[0].hours = stars_hours;
	}

	out_table(out, "daily", daily_cols, 10);
	for (i = 0; i < nsc; i++)
		daily(out, &sc[i]);
	out_table(out, "weekly", weekly_cols, 9);
	for (i = 0; i < nsc; i++)
		weekly(out, &sc[i]);
	out_table(out, "members", members_cols, 22);
	for (i = 0; i < nsc; i++)
		members(out, &sc[i]);
	out_table(out, "retention", retention_cols, 7);
	for (i = 0; i < nsc; i++)
		retention(out, &sc[i]);
	out_table(out, "cohort", cohort_cols, 6);
	for (i = 0; i < nsc; i++)
		cohort(out, &sc[i]);
	out_table(out, "health", health_cols, 17);
	for (i = 0; i < nsc; i++)
		health(out, &sc[i]);
	{
		static const char *const cols[] = { "group_id", "days",
		    "core_users" };

		out_table(out, "core_users", cols, 3);
		for (i = 0; i < nsc; i++)
			core_users(out, &sc[i]);
	}
	answers_table(out);
	if (qp_roles_count(roles) > 0) {
		static const char *const cols[] = { "date", "group_id",
		    "staff_messages", "bot_messages", "messages", "staff_share",
		    "owner_silent_since" };

		out_table(out, "staff", cols, 7);
		for (i = 0; i < nsc; i++)
			staff(out, &sc[i]);
	}
	/* The targets the report will judge these by (--targets). */
	{
		static const char *const cols[] = { "metric", "target",
		    "variant" };
		char v[32];
		const char *row[3];

		out_table(out, "targets", cols, 3);
		for (i = 0; i < qp_ntargets; i++) {
			row[0] = qp_targets[i].metric;
			if (qp_targets[i].value < 0)
				v[0] = '\0';
			else
				snprintf(v, sizeof v, "%g", qp_targets[i].value);
			row[1] = v;
			row[2] = qp_targets[i].variant;
			out_row(out, row, 3);
		}
	}
	ck_write(out, E);
	act_write(out, E);
	ed_write(out);
	/* Money: every member of every scope, with the day of their join. */
	{
		const char **ids = qp_xcalloc(nsc, sizeof *ids);

		for (i = 0; i < nsc; i++) {
			ids[i] = sc[i].id;
			for (j = 0; j < sc[i].n; j++)
				od_member((uint32_t)i, sc[i].r[j].user,
				    sc[i].r[j].sp[0].by_join ?
				    dayof(sc[i].r[j].sp[0].start) : NODAY);
		}
		od_write(out, ids, nsc, E, com.quiet);
		free(ids);
	}
	/* Group paths: when each member first entered each typed group. */
	for (i = 1; i < nsc; i++) {
		const char *type = ck_group_type(sc[i].id);

		for (j = 0; type != NULL && j < sc[i].n; j++)
			pt_enter(sc[i].r[j].user, type, sc[i].r[j].sp[0].start,
			    dayof(sc[i].r[j].sp[0].start));
	}
	pt_write(out);
	{
		const char **ids = qp_xcalloc(ngroups + 1, sizeof *ids);

		for (i = 0; i < ngroups; i++)
			ids[i] = qp_strmap_str(gids, groups[i].id);
		rl_write(out, ids, ngroups, uids, E, o.tz);
		free(ids);
	}
	if (qp_out_finish(out) == -1)
		qp_die("%s", qp_out_error(out));
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_out_free(out);
	qp_in_close(in);
	for (i = 0; i < npeople; i++)
		rec_free(&people[i]);
	for (i = 1; i < nsc; i++)
		for (j = 0; j < sc[i].n; j++)
			rec_free(&sc[i].r[j]);
	free(people);
	free((void *)sc[0].msgs->v);
	free((void *)sc[0].msgs);
	free(sc);
	for (i = 0; i < ngroups; i++) {
		free(groups[i].msgs.v);
		free(groups[i].all.v);
		free(groups[i].staff.v);
		free(groups[i].bots.v);
		bits_free(&groups[i].owner);
		free(groups[i].hours);
		free(groups[i].asks);
		for (j = 0; j < groups[i].nqa; j++)
			free(groups[i].qa[j].delay);
		free(groups[i].qa);
		qp_set64_free(&groups[i].pairs);
	}
	for (i = 0; i < 3; i++)
		free(stotal[i].v);
	free(stotal);
	free(stars_hours);
	qp_roles_free(roles);
	free(groups);
	free(recs);
	free(users);
	free(cur);
	free(rbuf);
	qp_set64_free(&allpairs);
	rgen_free(&rnew);
	rgen_free(&rold);
	qp_order_free(&order);
	qp_strmap_free(uids);
	qp_strmap_free(gids);
	qp_strmap_free(names);
	qp_strmap_free(vias);
	ck_free();
	act_free();
	ed_free();
	ru_map_free(&uid_of);
	ru_free();
	rs_free();
	od_free();
	pt_free();
	rl_free();
	qp_tz_free(o.tz);
	return QP_EXIT_OK;
}
