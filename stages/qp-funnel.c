/*
 * qp-funnel: ordered-step funnels with a window (ClickHouse windowFunnel,
 * METRICS.md R18) and invitation fission (R19).
 *
 * The events pass through.  While they do, each (group, user)'s membership
 * is followed (R3) and every event of a user is written to an unlinked
 * temporary file as a 32-byte record: its instant, user, group, what it
 * did to the membership, and which steps' column conditions it meets.
 * Once the events are over the records are read back twice, on a thread
 * of their own while the tables after the events pass through: merged
 * across groups by time for the community ("*", one person's events in
 * all groups), then group by group.  Memory holds one scope's members,
 * their open chains and their results; the records, not the messages,
 * are on disk.
 *
 * Per member, every step-1 event starts a chain (an anchor); a chain takes
 * each later step at the first event that meets it within --window of
 * its step 1.  The member's level is the best chain's; its times are
 * those of the earliest anchor reaching that level (R18).
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "funnel_steps.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_merge.h"
#include "qp_roles.h"
#include "qp_stream.h"
#include "qp_text.h"
#include "qp_time.h"

static const char usage[] =
"usage: qp-funnel [-hq] [--progress] [-l level] [-o out] [--tz zone]\n"
"                 [--asof date] [-s step]... [-f file] [--window duration]\n"
"                 [--mode mode] [--by month|none] [--activation duration]\n"
"                 [--group id|name] [--preset default|ugc|grass]\n"
"                 [file ...]\n"
"\n"
"Conversion funnels and invitation fission of a sorted stream: add the\n"
"funnel and fission tables, per group and for the community (group_id *).\n"
"\n"
"      --preset NAME        without steps: default (join, first_message_72h,\n"
"                           core_week, paid), ugc (the same with a ugc\n"
"                           step before paid) or grass (引流 join, 种草\n"
"                           engaged: a core week, 拔草 paid)\n"
"  -s, --step STEP          a step: NAME:CONDITION ..., in order; conditions\n"
"                           kind=K media=M name=N core_week[=N] ugc\n"
"                           within=DURATION text~REGEX (last: the rest of\n"
"                           the step is the regex)\n"
"  -f, --steps FILE         steps from FILE, one a line, # comments\n"
"      --window DURATION    from step 1 to the last step (default 30d)\n"
"      --mode MODE          default, strict_order or strict_deduplication\n"
"      --by month|none      cohorts by the month of the first step 1, or\n"
"                           only the whole (default month)\n"
"      --activation DUR     fission: invitees active within DUR (default 72h)\n"
"      --group ID|NAME      only this group's funnel and fission (a camp's),\n"
"                           no community (*) or other groups' rows\n"
"      --tz ZONE            zone of local days (default $TZ, else UTC)\n"
"      --asof DATE          end date YYYY-MM-DD; later events are ignored\n"
"  -l, --level N            gzip level of the output, 0-9 (default 1)\n"
"  -o, --output FILE        write FILE (replaced only on success), not stdout\n"
"  -q, --quiet              no progress report\n"
"      --progress           report progress even when stderr is not a terminal\n"
"  -h, --help               print this help and exit\n"
"      --version            print the version and exit\n"
"\n"
"Without steps: join, first_message_72h, core_week, paid (--preset ugc:\n"
"ugc before paid); paid is dropped when the stream has no paid event.\n";

enum {
	OPT_TZ = QP_OPT_STAGE, OPT_ASOF, OPT_WINDOW, OPT_MODE, OPT_BY, OPT_ACT,
	OPT_GROUP, OPT_PRESET
};

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "step", required_argument, NULL, 's' },
	{ "steps", required_argument, NULL, 'f' },
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "asof", required_argument, NULL, OPT_ASOF },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "by", required_argument, NULL, OPT_BY },
	{ "activation", required_argument, NULL, OPT_ACT },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "preset", required_argument, NULL, OPT_PRESET },
	{ NULL, 0, NULL, 0 }
};

#define NODAY		LLONG_MIN
#define OPEN		LLONG_MAX
#define MAXSTEPS	16
#define STAR		UINT32_MAX	/* the community scope */

enum { M_DEFAULT, M_STRICT_ORDER, M_STRICT_DEDUP };

static struct step steps[MAXSTEPS];
static size_t nsteps;
static int default_steps;
static int preset_ugc;		/* --preset ugc */
static int preset_grass;	/* --preset grass: 引流 → 种草 → 拔草 */

static struct {
	struct qp_tz	*tz;
	long long	 asof, window, activation;
	int		 mode, by_month;
	struct qp_ugc	 ugc;		/* qp-cohort's defaults */
	const char	*group;		/* --group: its id or name */
	char		*group_id;	/* the group_id it matched */
} o;

/* The record of one event in the temporary file. */
struct fev {
	int64_t		 ts;
	uint32_t	 user, group, seq;
	uint32_t	 actor;		/* user + 1 of a join's actor; 0 none */
	uint16_t	 mask;		/* steps whose column conditions hold */
	uint8_t		 what;		/* QP_M_* in its group */
	uint8_t		 flags;
	uint8_t		 rank;		/* qp_kind_rank() */
	uint8_t		 pad[3];
};
enum { F_MSG = 1, F_UGC = 2 };

struct seg {
	off_t		 off;		/* first record */
	size_t		 n;
	uint32_t	 gid;		/* group_id number */
};

struct anchor {
	long long	 t[MAXSTEPS];
	int		 level;
};

struct span {
	long long	 start, end;
};

/* An invitation credited to its inviter (R19). */
struct inv {
	uint32_t	 inviter;	/* user + 1 */
	int		 act;		/* the invitee spoke within --activation */
	long long	 ts;
};

/* A member of the scope being computed. */
struct mem {
	uint32_t	 user;
	unsigned	 open;		/* "*": group memberships open */
	struct anchor	*a;
	size_t		 na, capa;
	struct anchor	 best;		/* level 0: none */
	long long	 first_anchor;
	long long	 week;
	unsigned	 wcount;
	int		 done, started;
	struct inv	*inv;
	size_t		 ninv, capinv;
	struct span	*sp;
	size_t		 nsp, capsp;
};

static struct qp_strmap *uids, *gids;
static struct seg *segs;
static size_t nsegs, capsegs;
static struct fev *nogroup;	/* paid events without a group, in order */
static size_t nnogroup, capnogroup;
static FILE *spill;
static off_t spilled;
static int in_star;		/* the scope being fed is the community */
static int any_paid;
static long long last_day = NODAY, E;
static long long data_first = LLONG_MAX, data_last = LLONG_MIN; /* all */
static struct qp_roles *roles;	/* staff and bots: not members */
static unsigned char *mst;	/* user -> membership state, current group */
static uint32_t *touched;
static size_t ntouched, captouched, capmst;

static long long
dayof(long long t)
{
	return qp_tz_day(o.tz, t);
}

static long long
duration(const char *what, const char *s)
{
	long long v;

	if (qp_parse_duration(s, &v) == -1)
		qp_usage_error("%s: want a duration such as 90s, 30m, 72h or 30d, "
		    "not '%s'", what, s);
	return v;
}

/* ---- steps ---- */

/* Parse "NAME:COND ..." into the next step; where names the source. */
static void
add_step(const char *spec, const char *where)
{
	char err[512];
	int rc;

	if (nsteps == MAXSTEPS)
		qp_usage_error("%s: at most %d steps", where, MAXSTEPS);
	if ((rc = step_parse(&steps[nsteps], spec, err, sizeof err)) == -2)
		qp_die("out of memory");
	if (rc == -1)
		qp_usage_error("%s: %s", where, err);
	nsteps++;
}

static void
read_steps(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, where[4096];
	size_t cap = 0, lineno = 0, before = nsteps;
	ssize_t n;

	if (f == NULL)
		qp_usage_error("%s: %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		n = (ssize_t)strspn(line, " \t");
		if (line[n] == '\0' || line[n] == '#')
			continue;
		snprintf(where, sizeof where, "%s:%zu", path, lineno);
		add_step(line + n, where);
	}
	/* A folder or an empty file must not fall back to the default. */
	if (ferror(f))
		qp_usage_error("%s: %s", path, strerror(errno));
	if (nsteps == before)
		qp_usage_error("%s: no steps in the file", path);
	free(line);
	fclose(f);
}

/* ---- the pass over the stream ---- */

struct cols {
	int gid, ts, kind, uid, actor, msg, media, text, name, gname;
};

/*
 * --group: is this row of the group asked for?  The group matches by
 * group_id or by name; a name two groups share is refused.
 */
static int
wanted(const struct qp_in *in, const struct qp_row *row, const struct cols *c)
{
	const struct qp_field *id = &row->f[c->gid];

	if (o.group == NULL || id->len == 0)
		return 1;
	if (strcmp(id->s, o.group) != 0 && (c->gname < 0 ||
	    strcmp(row->f[c->gname].s, o.group) != 0))
		return 0;
	if (o.group_id == NULL)
		o.group_id = qp_xstrdup(id->s);
	else if (strcmp(o.group_id, id->s) != 0)
		qp_die("%s: --group %s: two groups have that name (group_id %s "
		    "and %s): give the group_id", qp_in_name(in), o.group,
		    o.group_id, id->s);
	return 1;
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

static uint32_t
user_of(const char *s, size_t len)
{
	long u = qp_strmap_add(uids, s, len);

	if (u < 0)
		qp_die("out of memory");
	return (uint32_t)u;
}

static void
put(const struct fev *e)
{
	if (fwrite(e, sizeof *e, 1, spill) != 1)
		qp_die("temporary file: %s", strerror(errno));
	spilled += (off_t)sizeof *e;
}

static struct qp_order order;
static int need_group;
static int want_ugc;		/* a step asks for UGC: worth judging */

/* One events row (qp_cli_pass()'s row callback; arg: the columns). */
static void
event(const struct qp_in *in, void *arg)
{
	const struct cols *c = arg;
	const struct qp_row *row = qp_in_row(in);
	const char *kind = row->f[c->kind].s, *s, *text;
	size_t len, tlen, k;
	long long ts, day;
	int off, ng, kc, paid;
	struct fev e;

	if (qp_time_parse(row->f[c->ts].s, row->f[c->ts].len, &ts, &off) == -1)
		qp_die("%s: record %llu (line %llu): not a time: %s",
		    qp_in_name(in), row->recno, row->lineno, row->f[c->ts].s);
	s = fld(row, c->msg, &len);
	ng = qp_order_check(&order, row->f[c->gid].s, row->f[c->gid].len, ts,
	    qp_kind_rank(kind), s, len);
	if (ng == -1)
		qp_die("%s: record %llu (line %llu): events are not sorted (run "
		    "qp-dedupe first)", qp_in_name(in), row->recno, row->lineno);
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
		return;
	if (last_day == NODAY || day > last_day)
		last_day = day;
	if (row->f[c->uid].len == 0 || !wanted(in, row, c))
		return;
	if (qp_roles_get(roles, row->f[c->gid].len ? row->f[c->gid].s : "*",
	    row->f[c->gid].len ? row->f[c->gid].len : 1, row->f[c->uid].s,
	    row->f[c->uid].len) != QP_ROLE_NONE)
		return;
	kc = step_kind(kind);
	paid = kc == K_CUSTOM && strcmp(fld(row, c->name, &len), "paid") == 0;
	any_paid |= paid;
	memset(&e, 0, sizeof e);
	e.ts = ts;
	e.user = user_of(row->f[c->uid].s, row->f[c->uid].len);
	e.rank = (uint8_t)qp_kind_rank(kind);
	s = fld(row, c->media, &len);
	text = fld(row, c->text, &tlen);
	if (kc == K_MESSAGE) {
		e.flags |= F_MSG;
		if (want_ugc && qp_text_ugc(&o.ugc, s, text, tlen))
			e.flags |= F_UGC;	/* R9 */
	}
	for (k = 0; k < nsteps; k++) {
		const struct step *st = &steps[k];

		if (st->kind != K_ANY && st->kind != kc)
			continue;
		if (st->media != NULL && strcmp(st->media, s) != 0)
			continue;
		if (st->cname != NULL && (kc != K_CUSTOM ||
		    strcmp(st->cname, fld(row, c->name, &len)) != 0))
			continue;
		if (st->has_re && regexec(&st->re, text, 0, NULL, 0) != 0)
			continue;
		e.mask |= (uint16_t)(1u << k);
	}
	if (row->f[c->gid].len == 0) {
		if (!paid)
			return;
		/* R11: paid with no group counts in every group of the user */
		if (nnogroup == capnogroup) {
			capnogroup = capnogroup ? capnogroup * 2 : 64;
			nogroup = qp_xrealloc(nogroup, capnogroup, sizeof *nogroup);
		}
		e.group = STAR;
		e.seq = (uint32_t)nnogroup;
		nogroup[nnogroup++] = e;
		return;
	}
	if (need_group) {
		long g = qp_strmap_add(gids, row->f[c->gid].s, row->f[c->gid].len);

		if (g < 0)
			qp_die("out of memory");
		for (k = 0; k < ntouched; k++)
			mst[touched[k]] = 0;
		ntouched = 0;
		if (nsegs == capsegs) {
			capsegs = capsegs ? capsegs * 2 : 16;
			segs = qp_xrealloc(segs, capsegs, sizeof *segs);
		}
		segs[nsegs].off = spilled;
		segs[nsegs].n = 0;
		segs[nsegs].gid = (uint32_t)g;
		nsegs++;
		need_group = 0;
	}
	if (e.user >= capmst) {
		size_t n = capmst ? capmst : 1024;

		while (n <= e.user)
			n *= 2;
		mst = qp_xrealloc(mst, n, 1);
		memset(mst + capmst, 0, n - capmst);
		capmst = n;
	}
	if (mst[e.user] == 0) {
		if (ntouched == captouched) {
			captouched = captouched ? captouched * 2 : 1024;
			touched = qp_xrealloc(touched, captouched, sizeof *touched);
		}
		touched[ntouched++] = e.user;
	}
	e.group = (uint32_t)(nsegs - 1);
	e.seq = (uint32_t)segs[nsegs - 1].n;
	e.what = (uint8_t)qp_membership(&mst[e.user], kind);
	if (e.what == QP_M_JOIN) {
		s = fld(row, c->actor, &len);
		/* Staff add people: that is their work, not a member's fission. */
		if (len > 0 && qp_roles_get(roles, row->f[c->gid].s,
		    row->f[c->gid].len, s, len) == QP_ROLE_NONE)
			e.actor = user_of(s, len) + 1;
	}
	put(&e);
	segs[nsegs - 1].n++;
}

/* ---- chains ---- */

static void
consider(struct mem *m, const struct anchor *a)
{
	if (a->level > m->best.level || (a->level == m->best.level &&
	    a->level > 0 && a->t[0] < m->best.t[0]))
		m->best = *a;
}

static void
finish_all(struct mem *m)
{
	size_t i;

	for (i = 0; i < m->na; i++)
		consider(m, &m->a[i]);
	m->na = 0;
}

/* One event that meets the steps in match (bit k: step k + 1). */
static void
chain(struct mem *m, long long ts, unsigned match)
{
	size_t i, j;
	unsigned k;

	if (m->done)
		return;
	/* chains past their window are final */
	for (i = j = 0; i < m->na; i++) {
		if (ts > m->a[i].t[0] + o.window)
			consider(m, &m->a[i]);
		else
			m->a[j++] = m->a[i];
	}
	m->na = j;
	if (o.mode == M_STRICT_ORDER && match == 0 && m->started) {
		m->done = 1;	/* another event breaks the order */
		finish_all(m);
		return;
	}
	for (k = 0; k < nsteps; k++) {
		if (!(match >> k & 1))
			continue;
		if (k == 0) {
			struct anchor *a;

			if (m->na > 0 && m->a[m->na - 1].t[0] == ts)
				continue;	/* the same chain again */
			if (m->na == m->capa) {
				m->capa = m->capa ? m->capa * 2 : 2;
				m->a = qp_xrealloc(m->a, m->capa, sizeof *m->a);
			}
			a = &m->a[m->na++];
			memset(a, 0, sizeof *a);
			a->t[0] = ts;
			a->level = 1;
			if (!m->started)
				m->first_anchor = ts;
			m->started = 1;
			continue;
		}
		if (o.mode == M_STRICT_DEDUP || o.mode == M_STRICT_ORDER) {
			int have_prev = 0, have_this = 0;

			for (i = 0; i < m->na; i++) {
				have_prev |= m->a[i].level >= (int)k;
				have_this |= m->a[i].level > (int)k;
			}
			have_prev |= m->best.level >= (int)k;
			have_this |= m->best.level > (int)k;
			if ((o.mode == M_STRICT_DEDUP && have_this) ||
			    (o.mode == M_STRICT_ORDER && m->started &&
			    !have_prev)) {
				m->done = 1;
				finish_all(m);
				return;
			}
		}
		for (i = 0; i < m->na; i++) {
			struct anchor *a = &m->a[i];

			if (a->level != (int)k || ts > a->t[0] + o.window ||
			    (steps[k].within && ts - a->t[k - 1] > steps[k].within))
				continue;
			a->t[k] = ts;
			a->level++;
		}
	}
	/* complete chains are final */
	for (i = j = 0; i < m->na; i++) {
		if (m->a[i].level == (int)nsteps)
			consider(m, &m->a[i]);
		else
			m->a[j++] = m->a[i];
	}
	m->na = j;
}

static void
span_add(struct mem *m, long long start, long long end)
{
	if (m->nsp == m->capsp) {
		m->capsp = m->capsp ? m->capsp * 2 : 1;
		m->sp = qp_xrealloc(m->sp, m->capsp, sizeof *m->sp);
	}
	m->sp[m->nsp].start = start;
	m->sp[m->nsp].end = end;
	m->nsp++;
}

/* Feed one record; what is its membership change in this scope. */
static void
feed(struct mem *m, const struct fev *e, int what)
{
	unsigned match = 0, k;

	switch (what) {
	case QP_M_JOIN:
	case QP_M_INFER:
		span_add(m, e->ts, OPEN);
		break;
	case QP_M_CLOSE:
		if (m->nsp > 0)
			m->sp[m->nsp - 1].end = e->ts;
		break;
	case QP_M_POINT:
		span_add(m, e->ts, e->ts);
		break;
	}
	/*
	 * R19: in a group, its first invitation; in the community, every
	 * invitation that starts a community membership, once per inviter.
	 */
	if (what == QP_M_JOIN && e->actor != 0 && e->actor - 1 != e->user &&
	    (in_star || m->ninv == 0)) {
		size_t i;

		for (i = 0; i < m->ninv && m->inv[i].inviter != e->actor; i++)
			;
		if (i == m->ninv) {
			if (m->ninv == m->capinv) {
				m->capinv = m->capinv ? m->capinv * 2 : 1;
				m->inv = qp_xrealloc(m->inv, m->capinv,
				    sizeof *m->inv);
			}
			m->inv[m->ninv].inviter = e->actor;
			m->inv[m->ninv].ts = e->ts;
			m->inv[m->ninv].act = 0;
			m->ninv++;
		}
	}
	if (e->flags & F_MSG) {
		long long w = qp_fdiv(dayof(e->ts) + 3, 7);
		size_t i;

		for (i = 0; i < m->ninv; i++)
			if (e->ts >= m->inv[i].ts &&
			    e->ts - m->inv[i].ts <= o.activation)
				m->inv[i].act = 1;
		if (w != m->week || m->wcount == 0) {
			m->week = w;
			m->wcount = 0;
		}
		m->wcount++;	/* R10 */
	}
	for (k = 0; k < nsteps; k++) {
		const struct step *st = &steps[k];

		if (!(e->mask >> k & 1))
			continue;
		if (st->kind == K_JOIN && what != QP_M_JOIN)
			continue;	/* only a join that opens a membership */
		if (st->core && !((e->flags & F_MSG) && m->wcount >= st->core))
			continue;
		if (st->ugc && !(e->flags & F_UGC))
			continue;
		match |= 1u << k;
	}
	chain(m, e->ts, match);
}

/* ---- reading the records back ---- */

struct cursor {
	off_t		 off, end;
	struct fev	*buf;
	size_t		 cap, i, n;
};

/*
 * A cursor over records [off, end), with a buffer of its share of 8 MB,
 * no larger than its records (a group's, one after the other: 2,000
 * buffers of 2 MB cleared were a second at 10M messages).
 */
static void
cur_init(struct cursor *c, off_t off, off_t end, size_t ncursors)
{
	size_t cap = (8u << 20) / sizeof(struct fev) / (ncursors ? ncursors : 1),
	    n = (size_t)(end - off) / sizeof(struct fev);

	c->off = off;
	c->end = end;
	c->cap = cap < 128 ? 128 : cap > 65536 ? 65536 : cap;
	if (c->cap > n)
		c->cap = n > 0 ? n : 1;
	c->buf = qp_xrealloc(NULL, c->cap, sizeof *c->buf);
	c->i = c->n = 0;
}

static const struct fev *
cur_peek(struct cursor *c)
{
	if (c->i == c->n) {
		size_t want = c->cap * sizeof *c->buf;
		ssize_t got;

		if (c->off >= c->end)
			return NULL;
		if ((off_t)want > c->end - c->off)
			want = (size_t)(c->end - c->off);
		got = pread(fileno(spill), c->buf, want, c->off);
		if (got <= 0 || got % (ssize_t)sizeof(struct fev) != 0)
			qp_die("temporary file: %s", got < 0 ? strerror(errno) :
			    "short read");
		c->off += got;
		c->n = (size_t)got / sizeof(struct fev);
		c->i = 0;
	}
	return &c->buf[c->i];
}

/* The order of one person's events across groups (R5, then group). */
static int
fev_before(const struct fev *a, const struct fev *b)
{
	if (a->ts != b->ts)
		return a->ts < b->ts;
	if (a->rank != b->rank)
		return a->rank < b->rank;
	if (a->group != b->group)	/* no-group paid events (STAR) last */
		return a->group < b->group;
	return a->seq < b->seq;
}

/* ---- results ---- */

struct result {
	long long	 month;		/* of the first anchor */
	struct anchor	 best;
};

struct fis {
	uint32_t	 scope;		/* group_id number, or STAR */
	uint32_t	 inviter;	/* user + 1; 0 for the scope's "*" row */
	unsigned long long invitees, act, ret, elig;	/* elig: J+30 <= E */
};

static struct result *res;
static size_t nres, capres;
static struct fis *frows;	/* rows waiting for the fission table */
static size_t nfrows, capfrows;

static void
collect(struct mem *m)
{
	finish_all(m);
	if (m->best.level == 0)
		return;
	if (nres == capres) {
		capres = capres ? capres * 2 : 1024;
		res = qp_xrealloc(res, capres, sizeof *res);
	}
	res[nres].month = qp_day_month(dayof(m->first_anchor));
	res[nres].best = m->best;
	nres++;
}

static int
res_cmp(const void *a, const void *b)
{
	const struct result *x = a, *y = b;

	return x->month < y->month ? -1 : x->month > y->month;
}

static int
ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static size_t out_steps;	/* steps written: paid dropped when absent */

/*
 * The funnel table's rows, made when the events are over (on a thread of
 * their own while the tables after the events pass through) and written
 * after those: each row's 8 fields as NUL-terminated strings.
 */
static char *fbuf;
static size_t flen, fcap, nfunnel;

static void
keep_row(const char *const *v)
{
	size_t i, l;

	for (i = 0; i < 8; i++) {
		l = strlen(v[i]) + 1;
		if (flen + l > fcap) {
			fcap = fcap ? fcap * 2 : 65536;
			fbuf = qp_xrealloc(fbuf, fcap, 1);
		}
		memcpy(fbuf + flen, v[i], l);
		flen += l;
	}
	nfunnel++;
}

static void
funnel_rows(const char *scope, const char *cohort, const struct result *r,
    size_t n)
{
	unsigned long long reached[MAXSTEPS] = { 0 };
	long long *d = qp_xcalloc(n, sizeof *d);
	char b[5][40], sn[24];
	const char *v[8];
	size_t i, k, nd;

	for (i = 0; i < n; i++)
		for (k = 0; k < (size_t)r[i].best.level && k < out_steps; k++)
			reached[k]++;
	for (k = 0; k < out_steps; k++) {
		snprintf(sn, sizeof sn, "%zu", k + 1);
		v[0] = scope;
		v[1] = cohort;
		v[2] = sn;
		v[3] = steps[k].name;
		snprintf(b[0], sizeof b[0], "%llu", reached[k]);
		v[4] = b[0];
		if (k == 0) {
			v[5] = v[6] = reached[0] > 0 ? "1.0000" : "";
			v[7] = "";
		} else {
			v[5] = qp_csv_rate(b[1], reached[k], reached[k - 1]);
			v[6] = qp_csv_rate(b[2], reached[k], reached[0]);
			for (i = nd = 0; i < n; i++)
				if ((size_t)r[i].best.level > k)
					d[nd++] = r[i].best.t[k] - r[i].best.t[k - 1];
			qsort(d, nd, sizeof *d, ll_cmp);
			if (nd == 0)
				b[3][0] = '\0';
			else if (nd % 2)
				snprintf(b[3], sizeof b[3], "%lld", d[nd / 2]);
			else {
				long long s = d[nd / 2 - 1] + d[nd / 2];

				snprintf(b[3], sizeof b[3], s % 2 ? "%lld.5" : "%lld",
				    qp_fdiv(s, 2));
			}
			v[7] = b[3];
		}
		keep_row(v);
	}
	free(d);
}

static void
scope_funnel(const char *scope)
{
	size_t i, j;
	char label[32];

	if (nres > 0)	/* res is NULL then: no qsort(NULL, 0) */
		qsort(res, nres, sizeof *res, res_cmp);
	funnel_rows(scope, "*", res, nres);
	if (o.by_month)
		for (i = 0; i < nres; i = j) {
			for (j = i; j < nres && res[j].month == res[i].month; j++)
				;
			qp_month_format(label, res[i].month);
			funnel_rows(scope, label, res + i, j - i);
		}
	nres = 0;
}

static int
fis_cmp(const void *a, const void *b)
{
	const struct fis *x = a, *y = b;

	return strcmp(qp_strmap_str(uids, x->inviter - 1),
	    qp_strmap_str(uids, y->inviter - 1));
}

static void
frow(const struct fis *f)
{
	if (nfrows == capfrows) {
		capfrows = capfrows ? capfrows * 2 : 256;
		frows = qp_xrealloc(frows, capfrows, sizeof *frows);
	}
	frows[nfrows++] = *f;
}

/* R19 for the members m[0..n-1] of a scope. */
static void
scope_fission(uint32_t scope, struct mem *m, size_t n)
{
	struct fis *f, all = { scope, 0, 0, 0, 0, 0 };
	size_t i, j, k, nf = 0;

	for (i = 0; i < n; i++)
		nf += m[i].ninv;
	f = qp_xcalloc(nf ? nf : 1, sizeof *f);
	for (i = nf = 0; i < n; i++)
		for (k = 0; k < m[i].ninv; k++) {
			const struct inv *v = &m[i].inv[k];
			long long j30 = dayof(v->ts) + 30;
			int ret = 0;

			if (j30 <= E)
				for (j = 0; j < m[i].nsp; j++)
					ret |= dayof(m[i].sp[j].start) <= j30 &&
					    (m[i].sp[j].end == OPEN ? E :
					    dayof(m[i].sp[j].end)) >= j30;
			f[nf].scope = scope;
			f[nf].inviter = v->inviter;
			f[nf].invitees = 1;
			f[nf].act = (unsigned)v->act;
			f[nf].ret = (unsigned)ret;
			f[nf].elig = j30 <= E;
			nf++;
		}
	if (nf > 0)
		qsort(f, nf, sizeof *f, fis_cmp);
	for (i = 0; i < nf; i++) {
		all.invitees += f[i].invitees;
		all.act += f[i].act;
		all.ret += f[i].ret;
		all.elig += f[i].elig;
	}
	frow(&all);
	for (i = 0; i < nf; i = j) {
		struct fis s = f[i];

		for (j = i + 1; j < nf && f[j].inviter == f[i].inviter; j++) {
			s.invitees += f[j].invitees;
			s.act += f[j].act;
			s.ret += f[j].ret;
			s.elig += f[j].elig;
		}
		frow(&s);
	}
	free(f);
}

static void
mem_reset(struct mem *m, uint32_t user)
{
	free(m->a);
	free(m->sp);
	free(m->inv);
	memset(m, 0, sizeof *m);
	m->user = user;
}

/* The groups' cursors and their next records, for qp_tourney. */
struct heads {
	struct cursor	*cs;
	struct fev	*head;		/* a done cursor's is after all: ts LLONG_MAX */
};

static int
head_before(void *ctx, size_t a, size_t b)
{
	const struct heads *h = ctx;

	return fev_before(&h->head[a], &h->head[b]);
}

static void
head_load(struct heads *h, size_t i)
{
	const struct fev *e = cur_peek(&h->cs[i]);

	if (e != NULL)
		h->head[i] = *e;
	else {
		memset(&h->head[i], 0xff, sizeof h->head[i]);
		h->head[i].ts = LLONG_MAX;
	}
}

/* The community: every person's records of all groups, in time order. */
static void
star(size_t nusers)
{
	struct qp_tourney t;
	struct heads hs;
	size_t i, k = nsegs > 0 ? nsegs : 1, w, gi = 0;
	struct mem *m = qp_xcalloc(nusers, sizeof *m);
	const struct fev *e;

	for (i = 0; i < nusers; i++)
		m[i].user = (uint32_t)i;
	hs.cs = qp_xcalloc(k, sizeof *hs.cs);
	hs.head = qp_xcalloc(k, sizeof *hs.head);
	for (i = 0; i < k; i++) {
		if (i < nsegs)
			cur_init(&hs.cs[i], segs[i].off, segs[i].off +
			    (off_t)(segs[i].n * sizeof(struct fev)), nsegs);
		head_load(&hs, i);
	}
	if (qp_tourney_init(&t, k, head_before, &hs) == -1)
		qp_die("out of memory");
	in_star = 1;
	for (w = qp_tourney_top(&t);;) {
		const struct fev *h = hs.head[w].ts == LLONG_MAX ? NULL :
		    &hs.head[w];
		struct fev ev;
		struct mem *pm;
		int what = QP_M_NONE;

		if (gi < nnogroup && (h == NULL || fev_before(&nogroup[gi], h)))
			ev = nogroup[gi++];
		else if (h != NULL) {
			ev = *h;
			hs.cs[w].i++;
			head_load(&hs, w);
			w = qp_tourney_next(&t);
		} else
			break;
		e = &ev;
		pm = &m[e->user];
		/* R6: a community membership while any group's is open */
		switch (e->what) {
		case QP_M_JOIN:
		case QP_M_INFER:
			if (pm->open++ == 0)
				what = e->what;
			break;
		case QP_M_CLOSE:
			if (pm->open > 0 && --pm->open == 0)
				what = QP_M_CLOSE;
			break;
		case QP_M_POINT:
			if (pm->open == 0)
				what = QP_M_POINT;
			break;
		}
		feed(pm, e, what);
	}
	for (i = 0; i < nusers; i++)
		collect(&m[i]);
	scope_funnel("*");
	scope_fission(STAR, m, nusers);
	in_star = 0;
	for (i = 0; i < nusers; i++)
		mem_reset(&m[i], 0);
	free(m);
	for (i = 0; i < k; i++)
		free(hs.cs[i].buf);
	free(hs.cs);
	free(hs.head);
	qp_tourney_free(&t);
}

/* Each group: its records, with the paid events that have no group. */
static void
groups(size_t nusers)
{
	uint32_t *idx = qp_xcalloc(nusers, sizeof *idx);	/* user -> member + 1 */
	struct mem *m = NULL;
	size_t nm = 0, capm = 0, s, i, gi;
	struct cursor c;
	const struct fev *e;

	for (s = 0; s < nsegs; s++) {
		cur_init(&c, segs[s].off, segs[s].off +
		    (off_t)(segs[s].n * sizeof(struct fev)), 1);
		gi = 0;
		for (;;) {
			struct fev ev;
			const struct fev *h = cur_peek(&c);

			if (gi < nnogroup && (h == NULL ||
			    fev_before(&nogroup[gi], h))) {
				ev = nogroup[gi++];
				if (idx[ev.user] == 0)
					continue;	/* not a member here */
			} else if (h != NULL) {
				ev = *h;
				c.i++;
			} else
				break;
			e = &ev;
			if (idx[e->user] == 0) {
				if (nm == capm) {
					capm = capm ? capm * 2 : 256;
					m = qp_xrealloc(m, capm, sizeof *m);
				}
				memset(&m[nm], 0, sizeof m[nm]);
				m[nm].user = e->user;
				idx[e->user] = (uint32_t)++nm;
			}
			feed(&m[idx[e->user] - 1], e, e->what);
		}
		for (i = 0; i < nm; i++)
			collect(&m[i]);
		scope_funnel(qp_strmap_str(gids, segs[s].gid));
		scope_fission(segs[s].gid, m, nm);
		for (i = 0; i < nm; i++) {
			idx[m[i].user] = 0;
			mem_reset(&m[i], 0);
		}
		nm = 0;
		free(c.buf);
	}
	free(m);
	free(idx);
}

/* The records read back: the funnel rows and the fission rows. */
static void *
compute(void *arg)
{
	size_t nusers = qp_strmap_count(uids);

	(void)arg;
	if (o.group == NULL)
		star(nusers);
	groups(nusers);
	return NULL;
}

static pthread_t computing;
static int threaded;

/* The events are over: everything after them is others' tables. */
static void
events_end(void *arg)
{
	(void)arg;
	if (fflush(spill) == EOF)
		qp_die("temporary file: %s", strerror(errno));
	if (o.asof != NODAY)
		qp_cli_asof(o.asof, data_first, data_last);
	E = o.asof != NODAY ? o.asof : last_day;
	out_steps = nsteps;
	if (default_steps && !any_paid)
		out_steps--;	/* R18: paid dropped when there is none */
	if (o.group != NULL && o.group_id == NULL)
		qp_die("--group %s: no group has that group_id or name", o.group);
	if (qp_thread_start(&computing, compute, NULL) == 0)
		threaded = 1;
	else
		compute(NULL);
}

/* The tables this stage writes; an earlier run's are replaced. */
static const char *const own_tables[] = { "funnel", "fission", NULL };

static void
events_header(const struct qp_in *in, void *arg)
{
	struct cols *c = arg;

	c->gid = qp_cli_col(in, "events", "group_id");
	c->ts = qp_cli_col(in, "events", "ts");
	c->kind = qp_cli_col(in, "events", "kind");
	c->uid = qp_cli_col(in, "events", "user_id");
	c->msg = qp_cli_col(in, "events", "msg_id");
	c->actor = qp_in_col(in, "actor");
	c->media = qp_in_col(in, "media");
	c->text = qp_in_col(in, "text");
	c->name = qp_in_col(in, "name");
	c->gname = qp_in_col(in, "group");
}

int
main(int argc, char **argv)
{
	static const char *const funnel_cols[] = { "group_id", "cohort", "step",
	    "name", "reached", "conv_prev", "conv_first", "median_s" };
	static const char *const fission_cols[] = { "group_id", "inviter",
	    "invitees", "activated_72h", "retained_30d", "eligible_30d" };
	struct qp_common com;
	struct qp_in *in;
	struct qp_out *out;
	struct qp_pass pass;
	struct cols c;
	const char *zone = NULL, *p;
	int ch, fd;
	size_t i;

	setlocale(LC_CTYPE, "C.UTF-8");	/* regexes over UTF-8 text */
	memset(&o, 0, sizeof o);
	o.asof = NODAY;
	o.window = 30 * 86400;
	o.activation = 72 * 3600;
	o.by_month = 1;
	o.ugc.chars = 50;
	o.ugc.link_words = 20;
	qp_cli_init("qp-funnel", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT "s:f:", longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		switch (ch) {
		case 's':
			add_step(optarg, "-s");
			break;
		case 'f':
			read_steps(optarg);
			break;
		case OPT_TZ:
			zone = optarg;
			break;
		case OPT_ASOF:
			if (qp_day_parse(optarg, &o.asof) == -1)
				qp_usage_error("--asof: want a date YYYY-MM-DD, "
				    "not '%s'", optarg);
			break;
		case OPT_WINDOW:
			o.window = duration("--window", optarg);
			break;
		case OPT_ACT:
			o.activation = duration("--activation", optarg);
			break;
		case OPT_PRESET:
			if (strcmp(optarg, "default") != 0 &&
			    strcmp(optarg, "ugc") != 0 &&
			    strcmp(optarg, "grass") != 0)
				qp_usage_error("--preset: want default, ugc or "
				    "grass, not '%s'", optarg);
			preset_ugc = strcmp(optarg, "ugc") == 0;
			preset_grass = strcmp(optarg, "grass") == 0;
			break;
		case OPT_GROUP:
			if (*optarg == '\0' || strcmp(optarg, "*") == 0)
				qp_usage_error("--group: want a group_id or a "
				    "group's name, not '%s'", optarg);
			o.group = optarg;
			break;
		case OPT_MODE:
			if (strcmp(optarg, "default") == 0)
				o.mode = M_DEFAULT;
			else if (strcmp(optarg, "strict_order") == 0)
				o.mode = M_STRICT_ORDER;
			else if (strcmp(optarg, "strict_deduplication") == 0)
				o.mode = M_STRICT_DEDUP;
			else
				qp_usage_error("--mode: want default, strict_order "
				    "or strict_deduplication, not '%s'", optarg);
			break;
		case OPT_BY:
			if (strcmp(optarg, "month") == 0)
				o.by_month = 1;
			else if (strcmp(optarg, "none") == 0)
				o.by_month = 0;
			else
				qp_usage_error("--by: want month or none, not '%s'",
				    optarg);
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	/*
	 * R18's default funnel.  UGC is no step to paid by default: seed 004
	 * makes a payer VIP whatever they post, and a payer must never show
	 * as "0 paid" beside the KPIs' payers; --preset ugc has it.
	 */
	if (nsteps == 0 && preset_grass) {
		/* 引流 → 种草 → 拔草: joined, engaged with the group's content
		 * (a core week: the 3rd message of a week), paid. */
		add_step("join:kind=join", "grass");
		add_step("engaged:kind=message core_week", "grass");
		add_step("paid:name=paid", "grass");
	} else if (nsteps == 0) {
		default_steps = 1;
		add_step("join:kind=join", "default");
		add_step("first_message_72h:kind=message within=72h", "default");
		add_step("core_week:kind=message core_week", "default");
		if (preset_ugc)
			add_step("ugc:kind=message ugc", "default");
		add_step("paid:name=paid", "default");
	} else if (preset_ugc || preset_grass)
		qp_usage_error("--preset: not with --step or --steps");
	for (i = 0; i < nsteps; i++)
		want_ugc |= steps[i].ugc;
	o.tz = qp_cli_tz(zone, "local days are UTC days", com.quiet);
	qp_src_readahead(1);	/* inflate on a second thread */
	out = qp_cli_stage(&com, "qp-funnel", argc, argv, optind, &in);
	if ((uids = qp_strmap_new()) == NULL || (gids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	if ((fd = qp_tmpfd("qp-funnel")) == -1 ||
	    (spill = fdopen(fd, "w+")) == NULL)
		qp_die("temporary file in %s: %s", qp_tmpdir(), strerror(errno));
	memset(&c, -1, sizeof c);
	pass.drop = own_tables;
	pass.header = events_header;
	pass.row = event;
	pass.arg = &c;
	if ((roles = qp_roles_new()) == NULL)
		qp_die("out of memory");
	pass.roles = roles;
	pass.side = NULL;
	pass.events_end = events_end;
	qp_cli_pass(&com, in, out, &pass, optind < argc ? argv[optind] :
	    "<stdin>");
	if (threaded)
		pthread_join(computing, NULL);
	if (qp_out_tablev(out, "funnel", 1, funnel_cols, 8) == -1)
		qp_die("%s", qp_out_error(out));
	for (i = 0, p = fbuf; i < nfunnel; i++) {
		const char *v[8];
		int k;

		for (k = 0; k < 8; k++) {
			v[k] = p;
			p += strlen(p) + 1;
		}
		if (qp_out_rowv(out, v, 8) == -1)
			qp_die("%s", qp_out_error(out));
	}
	free(fbuf);
	if (qp_out_tablev(out, "fission", 1, fission_cols, 6) == -1)
		qp_die("%s", qp_out_error(out));
	for (i = 0; i < nfrows; i++) {
		const struct fis *f = &frows[i];
		char b[4][24];
		const char *v[6];

		v[0] = f->scope == STAR ? "*" : qp_strmap_str(gids, f->scope);
		v[1] = f->inviter ? qp_strmap_str(uids, f->inviter - 1) : "*";
		snprintf(b[0], sizeof b[0], "%llu", f->invitees);
		snprintf(b[1], sizeof b[1], "%llu", f->act);
		snprintf(b[2], sizeof b[2], "%llu", f->ret);
		v[2] = b[0];
		v[3] = b[1];
		v[4] = b[2];
		snprintf(b[3], sizeof b[3], "%llu", f->elig);
		v[5] = b[3];
		if (qp_out_rowv(out, v, 6) == -1)
			qp_die("%s", qp_out_error(out));
	}
	free(frows);
	if (qp_out_finish(out) == -1)
		qp_die("%s", qp_out_error(out));
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_out_free(out);
	qp_in_close(in);
	fclose(spill);
	for (i = 0; i < nsteps; i++)
		step_free(&steps[i]);
	free(res);
	free(segs);
	free(nogroup);
	free(mst);
	free(touched);
	qp_order_free(&order);
	qp_strmap_free(uids);
	qp_strmap_free(gids);
	qp_tz_free(o.tz);
	free(o.group_id);
	qp_roles_free(roles);
	return QP_EXIT_OK;
}
