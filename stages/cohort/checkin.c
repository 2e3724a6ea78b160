/*
 * Check-ins (打卡) and the groups file: the per-member, per-camp-day and
 * per-camp tables of qunpipe(7) "Check-ins".
 *
 * A check-in is a message matching --checkin; one counts per member and
 * local day.  Each (group, member) keeps three bitmaps from the day it
 * entered the group: days checked in, days checked in before the
 * deadline, make-up days.  So memory grows with members x days, never
 * with messages.  The camp's window (its first day and its length) comes
 * from the groups file, else from the group's first check-in (with a
 * groups file, only a group it plans as a camp is one); the tables
 * are computed at the end, when the end date E is known.
 */
#include <errno.h>
#include <locale.h>
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "checkin.h"
#include "rowuser.h"
#include "sidefile.h"

#define NODAY	(-0x7fffffffffffffffLL - 1)
#define OPEN	0x7fffffffffffffffLL

/* The six kinds of group (issue's seeds), as the stream writes them. */
static const struct {
	const char	*key, *names[4];
} types[] = {
	{ "lead", { "引流群", "lead", "traffic", NULL } },
	{ "newcomer", { "新用户群", "newcomer", "new", NULL } },
	{ "camp", { "训练营", "camp", "打卡营", NULL } },
	{ "delivery", { "交付群", "delivery", NULL } },
	{ "fans", { "铁粉群", "fans", "superfans", NULL } },
	{ "local", { "属地群", "local", "city", NULL } },
};
#define NTYPES	(sizeof types / sizeof types[0])

/* One line of the groups file; -1 (or NODAY) for an empty field. */
struct plan {
	char		*key;		/* group_id or name */
	char		*gid;		/* the group_id it matched, NULL none */
	int		 type;
	long long	 start, days, deadline, required, target;
	unsigned long long line;	/* of the --groups file */
};

/* A (group, member). */
struct ckm {
	uint32_t	 user;
	unsigned char	 mstate;
	int		 reported;
	long long	 enrol, left;	/* instants: first entry, last exit */
	long long	 base;		/* day of ck[0]'s bit 0 */
	uint64_t	*ck, *on, *mk;	/* checked in, on time, made up */
	size_t		 nw;
};

struct ckg {
	char		*id;
	struct plan	*plan;
	long long	 start;		/* camp day 1, NODAY: not yet */
	long long	 start_ts;	/* its first instant, for 报到 */
	long long	 last;		/* planned last day, OPEN: none */
	size_t		 m0, nm;	/* its members in mem[] */
};

static regex_t re_any, re_mk;	/* a check-in or make-up; a make-up */
static const char ck_default[] =
    "打卡|签到|^ *(Day ?[0-9]+|第[0-9一二三四五六七八九十]+天)";
static const char mk_default[] = "补卡";
static const char *ck_src = ck_default;
static const char *mk_src = mk_default;

/*
 * Whether s may match the default patterns: it holds 打卡, 签到 or 补卡,
 * or starts (after spaces) with Day or 第.  Most messages do not, and
 * this costs a tenth of regexec in a UTF-8 locale (15% of qp-cohort).
 */
static int
maybe_default(const char *s)
{
	const char *p = s;

	while (*p == ' ')
		p++;
	if (strncmp(p, "Day", 3) == 0 || strncmp(p, "第", strlen("第")) == 0)
		return 1;
	return strstr(s, "打卡") != NULL || strstr(s, "签到") != NULL ||
	    strstr(s, "补卡") != NULL;
}
static struct plan *plans;
static size_t nplans;
static struct qp_tz *tz;
static int c_gid = -1, c_group, c_uid, c_user, c_kind, c_text;
static struct qp_strmap *uids, *names;
static struct ru_map uid_of;	/* ru_id() -> uids */
static uint32_t *uname;		/* user -> name number + 1 */
static long long *uname_ts;
static size_t capu;
static struct ckg *grp;
static size_t ngrp, capgrp;
static struct ckm *mem;
static size_t nmem, capmem;
static uint32_t *cur;		/* user -> member + 1, in the current group */
static size_t capcur;

/* A bad regex is a usage error now, before any input is read. */
static void
check(const char *src, const char *opt)
{
	regex_t re;

	setlocale(LC_CTYPE, "C.UTF-8");
	qp_xregcomp(&re, src, opt);
	regfree(&re);
}

void
ck_opt_checkin(const char *s)
{
	check(s, "--checkin");
	ck_src = s;
}

void
ck_opt_makeup(const char *s)
{
	check(s, "--makeup");
	mk_src = s;
}

/* ---- the groups file ---- */

/* The columns of the groups file, by any of their names. */
enum { F_GROUP, F_TYPE, F_START, F_DAYS, F_DEADLINE, F_REQUIRED, F_TARGET,
	NF };
static const char *const fnames[NF][SIDE_ALIASES] = {
	{ "group", "群", "群名", "群ID", "group_id" },
	{ "type", "类型", "群类型", NULL, NULL },
	{ "start", "开始", "开始日期", "开营", "开营日期" },
	{ "days", "天数", "周期", "周期天数", NULL },
	{ "deadline", "截止", "打卡截止", "截止时间", NULL },
	{ "required", "要求天数", "打卡天数", "完成天数", NULL },
	{ "target", "目标人数", "目标", NULL, NULL },
};

static long long
field_num(const char *path, unsigned long long line, const char *what,
    const char *s, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > max)
		qp_die("%s:%llu: %s: want a whole number, not '%s'", path, line,
		    what, s);
	return v;
}

static void
parse_plan(struct plan *p, const char *path, unsigned long long line,
    const char *f[NF])
{
	size_t t, k;
	unsigned hh, mm;
	char c;

	p->type = -1;
	p->start = NODAY;
	p->days = p->deadline = p->required = p->target = -1;
	if (*f[F_TYPE] != '\0') {
		for (t = 0; t < NTYPES && p->type < 0; t++)
			for (k = 0; types[t].names[k] != NULL; k++)
				if (strcasecmp(f[F_TYPE], types[t].names[k]) == 0)
					p->type = (int)t;
		if (p->type < 0)
			qp_die("%s:%llu: unknown group type '%s' (known: 引流群, "
			    "新用户群, 训练营, 交付群, 铁粉群, 属地群)", path, line,
			    f[F_TYPE]);
	}
	if (*f[F_START] != '\0') {
		char d[16];

		snprintf(d, sizeof d, "%s", f[F_START]);
		for (k = 0; d[k] != '\0'; k++)
			if (d[k] == '/')
				d[k] = '-';
		if (qp_day_parse(d, &p->start) == -1)
			qp_die("%s:%llu: start: want a date YYYY-MM-DD, not "
			    "'%s'", path, line, f[F_START]);
	}
	if (*f[F_DAYS] != '\0')
		p->days = field_num(path, line, "days", f[F_DAYS], 100000);
	if (*f[F_REQUIRED] != '\0')
		p->required = field_num(path, line, "required", f[F_REQUIRED],
		    100000);
	if (*f[F_TARGET] != '\0')
		p->target = field_num(path, line, "target", f[F_TARGET],
		    100000000);
	if (*f[F_DEADLINE] != '\0') {
		if (sscanf(f[F_DEADLINE], "%2u:%2u%c", &hh, &mm, &c) != 2 ||
		    hh > 24 || mm > 59 || hh * 60 + mm > 24 * 60)
			qp_die("%s:%llu: deadline: want a time HH:MM, not '%s'",
			    path, line, f[F_DEADLINE]);
		p->deadline = (long long)(hh * 60 + mm) * 60;
	}
}

static void
plan_row(void *arg, const char *path, unsigned long long line,
    const char **f)
{
	size_t i;

	(void)arg;
	if (*f[F_GROUP] == '\0')
		qp_die("%s:%llu: no group", path, line);
	/* two plans of a group: which one? (the first was taken silently) */
	for (i = 0; i < nplans; i++)
		if (strcmp(plans[i].key, f[F_GROUP]) == 0)
			qp_die("%s:%llu: group '%s' again (line %llu has it)",
			    path, line, f[F_GROUP], plans[i].line);
	plans = qp_xrealloc(plans, nplans + 1, sizeof *plans);
	memset(&plans[nplans], 0, sizeof *plans);
	plans[nplans].key = qp_xstrdup(f[F_GROUP]);
	parse_plan(&plans[nplans], path, line, f);
	plans[nplans].line = line;
	nplans++;
}

void
ck_opt_groups(const char *path)
{
	side_csv(path, "--groups", fnames, NF, plan_row, NULL);
}

/* ---- reading ---- */


void
ck_header(const struct qp_in *in, struct qp_tz *z)
{
	if (c_gid < 0) {
		char *any;

		/* regexes over UTF-8 text: 第[一二三]天 is about characters */
		setlocale(LC_CTYPE, "C.UTF-8");
		qp_xregcomp(&re_mk, mk_src, "--makeup");
		qp_xregcomp(&re_any, ck_src, "--checkin");
		regfree(&re_any);
		/* one regexec for the many messages that are neither */
		if (asprintf(&any, "(%s)|(%s)", ck_src, mk_src) == -1)
			qp_die("out of memory");
		qp_xregcomp(&re_any, any, "--checkin");
		free(any);
		if ((uids = qp_strmap_new()) == NULL ||
		    (names = qp_strmap_new()) == NULL)
			qp_die("out of memory");
	}
	tz = z;
	c_gid = qp_cli_col(in, "events", "group_id");
	c_uid = qp_cli_col(in, "events", "user_id");
	c_kind = qp_cli_col(in, "events", "kind");
	c_group = qp_in_col(in, "group");
	c_user = qp_in_col(in, "user");
	c_text = qp_in_col(in, "text");
}

static void
new_group(const char *gid, const char *name)
{
	struct ckg *g;
	size_t i;

	if (ngrp > 0)
		for (i = grp[ngrp - 1].m0; i < nmem; i++)
			cur[mem[i].user] = 0;
	if (ngrp == capgrp)
		grp = qp_xrealloc(grp, capgrp = capgrp ? capgrp * 2 : 16,
		    sizeof *grp);
	g = &grp[ngrp++];
	memset(g, 0, sizeof *g);
	g->id = qp_xstrdup(gid);
	g->m0 = nmem;
	g->start = g->start_ts = NODAY;
	g->last = OPEN;
	/* a group_id beats a name; the first line of either wins */
	for (i = 0; i < nplans && g->plan == NULL; i++)
		if (strcmp(plans[i].key, gid) == 0)
			g->plan = &plans[i];
	for (i = 0; i < nplans && g->plan == NULL; i++)
		if (strcmp(plans[i].key, name) == 0 && plans[i].gid == NULL)
			g->plan = &plans[i];
	if (g->plan == NULL)
		return;
	if (g->plan->gid == NULL)
		g->plan->gid = qp_xstrdup(gid);
	if (g->plan->start != NODAY) {
		g->start = g->plan->start;
		g->start_ts = qp_tz_resolve(tz, g->start * 86400);
		if (g->plan->days > 0)
			g->last = g->start + g->plan->days - 1;
	}
}

static struct ckm *
member(const char *id, size_t len)
{
	uint32_t u = ru_number(&uid_of, uids, id, len);
	struct ckm *m;

	if ((size_t)u >= capu) {
		size_t n = capu ? capu * 2 : 1024;

		while (n <= (size_t)u)
			n *= 2;
		uname = qp_xrealloc(uname, n, sizeof *uname);
		uname_ts = qp_xrealloc(uname_ts, n, sizeof *uname_ts);
		memset(uname + capu, 0, (n - capu) * sizeof *uname);
		cur = qp_xrealloc(cur, n, sizeof *cur);
		memset(cur + capu, 0, (n - capu) * sizeof *cur);
		capu = capcur = n;
	}
	if (cur[u] != 0)
		return &mem[cur[u] - 1];
	if (nmem == capmem)
		mem = qp_xrealloc(mem, capmem = capmem ? capmem * 2 : 1024,
		    sizeof *mem);
	m = &mem[nmem++];
	memset(m, 0, sizeof *m);
	m->user = (uint32_t)u;
	m->enrol = m->base = NODAY;
	m->left = OPEN;
	grp[ngrp - 1].nm++;
	cur[u] = (uint32_t)nmem;
	return m;
}

static int
bit(const uint64_t *w, const struct ckm *m, long long day)
{
	long long i;

	if (m->base == NODAY)
		return 0;	/* never checked in */
	i = day - m->base;
	return i >= 0 && (size_t)(i / 64) < m->nw && (w[i / 64] >> (i % 64) & 1);
}

static void
setbit(uint64_t **w, struct ckm *m, long long day)
{
	long long i = day - m->base;
	size_t need = (size_t)(i / 64) + 1;

	if (need > m->nw) {
		size_t n = need + m->nw / 2;

		m->ck = qp_xrealloc(m->ck, n, sizeof *m->ck);
		m->on = qp_xrealloc(m->on, n, sizeof *m->on);
		m->mk = qp_xrealloc(m->mk, n, sizeof *m->mk);
		memset(m->ck + m->nw, 0, (n - m->nw) * sizeof *m->ck);
		memset(m->on + m->nw, 0, (n - m->nw) * sizeof *m->on);
		memset(m->mk + m->nw, 0, (n - m->nw) * sizeof *m->mk);
		m->nw = n;
	}
	(*w)[i / 64] |= 1ULL << (i % 64);
}

/* A check-in message of m on day at ts (text s). */
static void
checkin(struct ckg *g, struct ckm *m, long long ts, long long day,
    int makeup)
{
	long long secs;

	/* with a groups file, only the camps it plans are camps */
	if (plans != NULL && (g->plan == NULL || (g->plan->start == NODAY &&
	    (g->plan->type < 0 || strcmp(types[g->plan->type].key, "camp")))))
		return;
	if (g->start == NODAY) {	/* an unplanned camp starts now */
		g->start = day;
		g->start_ts = ts;
		if (g->plan != NULL && g->plan->days > 0)
			g->last = day + g->plan->days - 1;
	}
	if (day < g->start || day > g->last)
		return;		/* outside the camp */
	if (m->base == NODAY)
		m->base = qp_tz_day(tz, m->enrol);
	/* 补卡 fills yesterday if it is missing and the member was in */
	if (makeup && day - 1 >= g->start &&
	    day - 1 >= m->base && !bit(m->ck, m, day - 1)) {
		setbit(&m->ck, m, day - 1);
		setbit(&m->mk, m, day - 1);
		return;
	}
	setbit(&m->ck, m, day);
	secs = ts + qp_tz_offset(tz, ts) - day * 86400;
	if (g->plan != NULL && g->plan->deadline >= 0 &&
	    secs < g->plan->deadline)
		setbit(&m->on, m, day);
}

void
ck_event(const struct qp_in *in, long long ts, long long day)
{
	const struct qp_row *row = qp_in_row(in);
	const char *gid = row->f[c_gid].s, *kind = row->f[c_kind].s, *s;
	struct ckg *g;
	struct ckm *m;

	if (row->f[c_gid].len == 0)
		return;
	if (ngrp == 0 || strcmp(grp[ngrp - 1].id, gid) != 0)
		new_group(gid, c_group >= 0 ? row->f[c_group].s : "");
	g = &grp[ngrp - 1];
	if (row->f[c_uid].len == 0)
		return;
	m = member(row->f[c_uid].s, row->f[c_uid].len);
	if (c_user >= 0 && row->f[c_user].len > 0 && (uname[m->user] == 0 ||
	    ts >= uname_ts[m->user])) {
		/* most events repeat it: no lookup then */
		if (uname[m->user] == 0 || !qp_strmap_eq(names,
		    uname[m->user] - 1, row->f[c_user].s, row->f[c_user].len)) {
			long nm = qp_strmap_add(names, row->f[c_user].s,
			    row->f[c_user].len);

			if (nm < 0)
				qp_die("out of memory");
			uname[m->user] = (uint32_t)nm + 1;
		}
		uname_ts[m->user] = ts;
	}
	switch (qp_membership(&m->mstate, kind)) {
	case QP_M_JOIN:
	case QP_M_INFER:
		if (m->enrol == NODAY)
			m->enrol = ts;
		m->left = OPEN;
		break;
	case QP_M_CLOSE:
		m->left = ts;
		break;
	case QP_M_POINT:
		if (m->enrol == NODAY)
			m->enrol = ts;
		m->left = ts;
		break;
	}
	if (!qp_kind_is(kind, "message") || m->enrol == NODAY)
		return;
	s = c_text >= 0 ? row->f[c_text].s : "";
	if (*s != '\0' && (ck_src != ck_default || mk_src != mk_default ||
	    maybe_default(s)) && regexec(&re_any, s, 0, NULL, 0) == 0)
		checkin(g, m, ts, day, regexec(&re_mk, s, 0, NULL, 0) == 0);
	/* 报到: a message within 24 h of the camp's start or the entry */
	if (g->start_ts != NODAY) {
		long long a = m->enrol > g->start_ts ? m->enrol : g->start_ts;

		if (ts >= a && ts < a + 86400 && day <= g->last)
			m->reported = 1;
	}
}

/* ---- the tables ---- */

/* a/b with 4 decimals, rounded as printf rounds the exact ratio (R8),
 * the rule of qp-cohort.c's fmt_rate. */
static char *
num(char *buf, long long v)
{
	if (v < 0)
		buf[0] = '\0';
	else
		qp_csv_count(buf, (unsigned long long)v);
	return buf;
}

static char *
day_s(char *buf, long long d)
{
	if (d == NODAY || d == OPEN)
		buf[0] = '\0';
	else
		qp_day_format(buf, d);
	return buf;
}



/* Whether m is a member on any of the days lo..hi. */
static int
in_span(const struct ckm *m, long long lo, long long hi)
{
	return m->enrol != NODAY && qp_tz_day(tz, m->enrol) <= hi &&
	    (m->left == OPEN || qp_tz_day(tz, m->left) >= lo);
}

static int
by_user(const void *a, const void *b)
{
	const struct ckm *x = a, *y = b;

	return strcmp(qp_strmap_str(uids, x->user),
	    qp_strmap_str(uids, y->user));
}

static void
groups_table(struct qp_out *out)
{
	static const char *const cols[] = { "group_id", "group", "type",
	    "start", "days", "deadline", "required", "target" };
	char b[5][32];
	const char *v[8];
	size_t i;

	qp_out_xtable(out, "groups", cols, 8);
	for (i = 0; i < nplans; i++) {
		const struct plan *p = &plans[i];

		v[0] = p->gid ? p->gid : "";
		v[1] = p->key;
		v[2] = p->type >= 0 ? types[p->type].key : "";
		v[3] = day_s(b[0], p->start);
		v[4] = num(b[1], p->days);
		if (p->deadline >= 0)
			snprintf(b[2], sizeof b[2], "%02lld:%02lld",
			    p->deadline / 3600, p->deadline / 60 % 60);
		else
			b[2][0] = '\0';
		v[5] = b[2];
		v[6] = num(b[3], p->required);
		v[7] = num(b[4], p->target);
		qp_out_xrow(out, v, 8);
	}
}

/* Per camp: what its members' rows add up to. */
struct camp {
	unsigned long long enrolled, reported, completed, stayed;
	unsigned long long checkins, member_days;
};

static void
members_rows(struct qp_out *out, const struct ckg *g, long long hi,
    long long E, long long req, struct camp *c)
{
	char b[12][32];
	const char *v[13];
	size_t i;
	long long d;

	for (i = g->m0; i < g->m0 + g->nm; i++) {
		const struct ckm *m = &mem[i];
		long long n = 0, on = 0, mk = 0, first = NODAY, lastd = NODAY;
		long long run = 0, longest = 0, curr = 0, end;
		int broke;

		if (!in_span(m, g->start, hi))
			continue;
		c->enrolled++;
		c->reported += (unsigned)m->reported;
		for (d = g->start; d <= hi; d++) {
			if (!bit(m->ck, m, d)) {
				run = 0;
				continue;
			}
			n++;
			on += bit(m->on, m, d);
			mk += bit(m->mk, m, d);
			if (first == NODAY)
				first = d;
			lastd = d;
			if (++run > longest)
				longest = run;
		}
		/* today is not over: a streak up to yesterday is current */
		end = hi == E && !bit(m->ck, m, hi) ? hi - 1 : hi;
		for (d = end; d >= g->start && bit(m->ck, m, d); d--)
			curr++;
		/* E is "yesterday" the morning after: a 补卡 can still save it */
		broke = E - 1 >= g->start && E <= hi &&
		    bit(m->ck, m, E - 1) && !bit(m->ck, m, E);
		if (req >= 0 && n >= req)
			c->completed++;
		if (g->last != OPEN && E >= g->last && (m->left == OPEN ||
		    qp_tz_day(tz, m->left) > g->last))
			c->stayed++;
		v[0] = g->id;
		v[1] = qp_strmap_str(uids, m->user);
		v[2] = uname[m->user] ? qp_strmap_str(names,
		    uname[m->user] - 1) : "";
		v[3] = num(b[0], n);
		v[4] = day_s(b[1], first);
		v[5] = day_s(b[2], lastd);
		v[6] = num(b[3], longest);
		v[7] = num(b[4], curr);
		v[8] = g->plan != NULL && g->plan->deadline >= 0 ?
		    num(b[5], on) : "";
		v[9] = num(b[6], mk);
		v[10] = req >= 0 ? (n >= req ? "1" : "0") : "";
		v[11] = longest >= 7 ? "1" : "0";
		v[12] = broke ? "1" : "0";
		qp_out_xrow(out, v, 13);
	}
}

/*
 * Camp g's members on each day from its start to hi (e[]: from the day
 * of their first entry to that of their last exit), and how many of them
 * checked in (k[]): each member's days once, not each member each day.
 */
static void
day_counts(const struct ckg *g, long long hi, unsigned long long *e,
    unsigned long long *k)
{
	size_t n = (size_t)(hi - g->start + 1), j;
	long long a, b, d;

	memset(e, 0, n * sizeof *e);
	memset(k, 0, n * sizeof *k);
	for (j = g->m0; j < g->m0 + g->nm; j++) {
		const struct ckm *m = &mem[j];

		if (m->enrol == NODAY)
			continue;
		a = qp_tz_day(tz, m->enrol);
		b = m->left == OPEN ? hi : qp_tz_day(tz, m->left);
		if (a < g->start)
			a = g->start;
		if (b > hi)
			b = hi;
		for (d = a; d <= b; d++) {
			e[d - g->start]++;
			k[d - g->start] += (unsigned)bit(m->ck, m, d);
		}
	}
}

const char *
ck_group_type(const char *gid)
{
	size_t i;

	for (i = 0; i < nplans; i++)
		if (plans[i].gid != NULL && plans[i].type >= 0 &&
		    strcmp(plans[i].gid, gid) == 0)
			return types[plans[i].type].key;
	return NULL;
}

void
ck_write(struct qp_out *out, long long E)
{
	static const char *const mcols[] = { "group_id", "user_id", "user",
	    "checkin_days", "first_checkin", "last_checkin", "longest_streak",
	    "current_streak", "ontime_days", "makeup_days", "completed",
	    "streak7", "broke_yesterday" };
	static const char *const dcols[] = { "group_id", "day", "date",
	    "enrolled", "checked_in", "rate" };
	static const char *const ccols[] = { "group_id", "type", "start",
	    "days", "last_day", "enrolled", "reported", "report_rate",
	    "member_days", "checkins", "checkin_rate", "required", "completed",
	    "completion_rate", "stayed", "graduation_rate" };
	struct camp *camps = qp_xcalloc(ngrp + 1, sizeof *camps);
	unsigned long long *ce = NULL, *ck = NULL;	/* a camp's days */
	char b[16][32];
	const char *v[16];
	size_t i, j;
	long long d;

	/* absent, not empty, when there is nothing to say */
	if (plans != NULL)
		groups_table(out);
	for (i = j = 0; i < ngrp; i++)
		j += grp[i].start != NODAY && grp[i].start <= E;
	if (j == 0) {
		free(camps);
		return;
	}
	for (i = 0; i < ngrp; i++)
		qsort(mem + grp[i].m0, grp[i].nm, sizeof *mem, by_user);
	qp_out_xtable(out, "checkins", mcols, 13);
	for (i = 0; i < ngrp; i++) {
		const struct ckg *g = &grp[i];
		long long hi = g->last < E ? g->last : E, req = -1;

		if (g->start == NODAY || g->start > E)
			continue;
		if (g->plan != NULL)
			req = g->plan->required >= 0 ? g->plan->required :
			    g->plan->days;
		members_rows(out, g, hi, E, req, &camps[i]);
	}
	qp_out_xtable(out, "checkin_days", dcols, 6);
	/* "*" first: every camp's day k added up (its date differs) */
	{
		unsigned long long *se = NULL, *sk = NULL;
		size_t ns = 0;

		for (i = 0; i < ngrp; i++) {
			const struct ckg *g = &grp[i];
			long long hi = g->last < E ? g->last : E;

			if (g->start == NODAY || hi < g->start)
				continue;
			if ((size_t)(hi - g->start + 1) > ns) {
				size_t n = (size_t)(hi - g->start + 1);

				se = qp_xrealloc(se, n, sizeof *se);
				sk = qp_xrealloc(sk, n, sizeof *sk);
				ce = qp_xrealloc(ce, n, sizeof *ce);
				ck = qp_xrealloc(ck, n, sizeof *ck);
				memset(se + ns, 0, (n - ns) * sizeof *se);
				memset(sk + ns, 0, (n - ns) * sizeof *sk);
				ns = n;
			}
			day_counts(g, hi, ce, ck);
			for (d = g->start; d <= hi; d++) {
				se[d - g->start] += ce[d - g->start];
				sk[d - g->start] += ck[d - g->start];
				camps[i].member_days += ce[d - g->start];
				camps[i].checkins += ck[d - g->start];
			}
		}
		for (j = 0; j < ns; j++) {
			v[0] = "*";
			v[1] = num(b[0], (long long)j + 1);
			v[2] = "";
			v[3] = num(b[2], (long long)se[j]);
			v[4] = num(b[3], (long long)sk[j]);
			v[5] = qp_csv_rate(b[4], sk[j], se[j]);
			qp_out_xrow(out, v, 6);
		}
		free(se);
		free(sk);
	}
	for (i = 0; i < ngrp; i++) {
		const struct ckg *g = &grp[i];
		long long hi = g->last < E ? g->last : E;

		if (g->start == NODAY || hi < g->start)
			continue;
		day_counts(g, hi, ce, ck);
		for (d = g->start; d <= hi; d++) {
			unsigned long long e = ce[d - g->start],
			    k = ck[d - g->start];

			v[0] = g->id;
			v[1] = num(b[0], d - g->start + 1);
			v[2] = day_s(b[1], d);
			v[3] = num(b[2], (long long)e);
			v[4] = num(b[3], (long long)k);
			v[5] = qp_csv_rate(b[4], k, e);
			qp_out_xrow(out, v, 6);
		}
	}
	free(ce);
	free(ck);
	qp_out_xtable(out, "camps", ccols, 16);
	/* "*" first: the camps' counts added up; each rate over the camps
	 * it applies to (completion: with required days; graduation: ended) */
	{
		struct camp t;
		unsigned long long ereq = 0, eend = 0;

		memset(&t, 0, sizeof t);
		for (i = 0; i < ngrp; i++) {
			const struct ckg *g = &grp[i];
			const struct camp *c = &camps[i];

			if (g->start == NODAY || g->start > E)
				continue;
			t.enrolled += c->enrolled;
			t.reported += c->reported;
			t.member_days += c->member_days;
			t.checkins += c->checkins;
			if (g->plan != NULL && (g->plan->required >= 0 ||
			    g->plan->days >= 0)) {
				t.completed += c->completed;
				ereq += c->enrolled;
			}
			if (g->last != OPEN && E >= g->last) {
				t.stayed += c->stayed;
				eend += c->enrolled;
			}
		}
		for (i = 0; i < 16; i++)
			v[i] = "";
		v[0] = "*";
		v[5] = num(b[3], (long long)t.enrolled);
		v[6] = num(b[4], (long long)t.reported);
		v[7] = qp_csv_rate(b[5], t.reported, t.enrolled);
		v[8] = num(b[6], (long long)t.member_days);
		v[9] = num(b[7], (long long)t.checkins);
		v[10] = qp_csv_rate(b[8], t.checkins, t.member_days);
		if (ereq > 0) {
			v[12] = num(b[10], (long long)t.completed);
			v[13] = qp_csv_rate(b[11], t.completed, ereq);
		}
		if (eend > 0) {
			v[14] = num(b[12], (long long)t.stayed);
			v[15] = qp_csv_rate(b[13], t.stayed, eend);
		}
		qp_out_xrow(out, v, 16);
	}
	for (i = 0; i < ngrp; i++) {
		const struct ckg *g = &grp[i];
		const struct camp *c = &camps[i];
		long long req = -1;
		int ended = g->last != OPEN && E >= g->last;

		if (g->start == NODAY || g->start > E)
			continue;
		if (g->plan != NULL)
			req = g->plan->required >= 0 ? g->plan->required :
			    g->plan->days;
		v[0] = g->id;
		v[1] = g->plan && g->plan->type >= 0 ?
		    types[g->plan->type].key : "";
		v[2] = day_s(b[0], g->start);
		v[3] = num(b[1], g->plan ? g->plan->days : -1);
		v[4] = day_s(b[2], g->last);
		v[5] = num(b[3], (long long)c->enrolled);
		v[6] = num(b[4], (long long)c->reported);
		v[7] = qp_csv_rate(b[5], c->reported, c->enrolled);
		v[8] = num(b[6], (long long)c->member_days);
		v[9] = num(b[7], (long long)c->checkins);
		v[10] = qp_csv_rate(b[8], c->checkins, c->member_days);
		v[11] = num(b[9], req);
		v[12] = req >= 0 ? num(b[10], (long long)c->completed) : "";
		v[13] = req >= 0 ?
		    qp_csv_rate(b[11], c->completed, c->enrolled) : "";
		v[14] = ended ? num(b[12], (long long)c->stayed) : "";
		v[15] = ended ? qp_csv_rate(b[13], c->stayed, c->enrolled) : "";
		qp_out_xrow(out, v, 16);
	}
	free(camps);
}

void
ck_free(void)
{
	size_t i;

	for (i = 0; i < nmem; i++) {
		free(mem[i].ck);
		free(mem[i].on);
		free(mem[i].mk);
	}
	for (i = 0; i < ngrp; i++)
		free(grp[i].id);
	for (i = 0; i < nplans; i++) {
		free(plans[i].key);
		free(plans[i].gid);
	}
	free(plans);
	free(mem);
	free(grp);
	free(cur);
	free(uname);
	free(uname_ts);
	ru_map_free(&uid_of);
	if (c_gid >= 0 || uids != NULL) {
		regfree(&re_any);
		regfree(&re_mk);
		qp_strmap_free(uids);
		qp_strmap_free(names);
	}
}
