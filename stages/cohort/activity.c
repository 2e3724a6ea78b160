/*
 * Activities (话题, 接龙, 抽奖, 红包, 直播) and the weekly activity
 * participation (周参与活动率): the tables activities and activity_weeks
 * of qunpipe(7) "Activities".
 *
 * An activity is a staff message that --activity names (NAME:REGEX over
 * its text), a red packet or 接龙 a staff member sends (the media values
 * qp-ingest gives them), or a row of the --activities file.  Its window
 * runs from its start to the next activity of its group, or --activity-
 * window (or the file's end) if that comes first.  Events come sorted by
 * group and time, so a group's current activity is simply the latest one
 * started: a member's message inside its window takes part in it, a reply
 * to an activity's message takes part in that activity, a 接龙 entry in
 * the group's latest 接龙 and the opening of a red packet in its latest
 * red packet.  Members present are counted as the events go (the state
 * machine of qunpipe(7) "Membership"), so an activity's members are those
 * in the group at its start.
 */
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
#include "qp_roles.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "activity.h"
#include "rowuser.h"
#include "sidefile.h"

#define NONE	(-0x7fffffffffffffffLL - 1)

/* --activity NAME:REGEX, in the order given; the defaults without one. */
struct rule {
	char		*name;
	regex_t		 re;
};

static const char *const default_rules[] = {
	"话题:^#?今日话题", "接龙:^#?接龙", "抽奖:抽奖", "直播:直播预告", NULL
};

enum { K_OTHER, K_REDPACKET, K_JIELONG };

/* A row of the --activities file. */
struct planned {
	char		*group, *name;
	int		 kind;		/* by its type or name: K_* */
	long long	 start, end;	/* local seconds, then instants */
	int		 naive_start, naive_end;
	int		 used;
};

struct act {
	size_t		 g;		/* its group */
	long long	 start, end;	/* end: its window's end */
	char		*name;
	int		 kind;		/* K_* */
	uint32_t	 by;		/* staff user + 1, 0: from the file */
	uint64_t	 msg;		/* hash of its msg_id, 0: none */
	unsigned long long members, replies;
	uint32_t	*part;		/* participants' users, maybe twice */
	long long	*delay;		/* seconds from start to that take part */
	size_t		 npart, cappart;
};


struct member {
	unsigned char	 mstate;
	size_t		 last;		/* the activity it last took part in + 1 */
	long long	 since;		/* when its membership began */
	int		 in;		/* a member now */
};

struct grp {
	char		*id;
	size_t		 a0;		/* its activities in acts[] */
	size_t		 rp, jl;	/* its latest red packet, 接龙 + 1 */
	unsigned long long open;	/* members now */
	size_t		 p0, np;	/* its planned activities, by start */
};

/* A scope's members per week, from qp-cohort's weekly table. */
struct wk {
	char		*scope;
	long long	 w0;
	unsigned long long *mem;
	size_t		 n;
};

static struct rule *rules;
static size_t nrules;
static int rules_given;
static struct planned *plan;
static size_t nplan;
static size_t *porder;		/* plan[] indices of the current group */
static long long window = 24 * 3600;
static struct qp_tz *tz;
static int c_gid = -1, c_group, c_uid, c_kind, c_media, c_text, c_msg,
    c_reply, c_name;
static struct qp_strmap *uids;
static struct ru_map uid_of;	/* ru_id() -> uids */
static struct grp *grp;
static size_t ngrp, capgrp;
static struct act *acts;
static size_t nacts, capacts;
static struct member *mem;	/* by user, in the current group */
static size_t capmem;
static uint32_t *touched;	/* users seen in the current group */
static size_t ntouched, captouched;
static struct wk *wks;
static size_t nwks;

static void
add_rule(const char *spec, const char *opt)
{
	const char *colon = strchr(spec, ':');
	struct rule *r;
	int e;

	if (colon == NULL || colon == spec || colon[1] == '\0')
		qp_usage_error("%s: want NAME:REGEX (such as 话题:^#?今日话题), "
		    "not '%s'", opt, spec);
	rules = qp_xrealloc(rules, nrules + 1, sizeof *rules);
	r = &rules[nrules];
	r->name = qp_xcalloc((size_t)(colon - spec) + 1, 1);
	memcpy(r->name, spec, (size_t)(colon - spec));
	/* regexes over UTF-8 text: 话题 is two characters, not six bytes */
	setlocale(LC_CTYPE, "C.UTF-8");
	if ((e = regcomp(&r->re, colon + 1, REG_EXTENDED | REG_NOSUB)) != 0) {
		char msg[256];

		regerror(e, &r->re, msg, sizeof msg);
		free(r->name);
		qp_usage_error("%s: '%s': %s", opt, colon + 1, msg);
	}
	nrules++;
}

void
act_opt_activity(const char *spec)
{
	rules_given = 1;
	add_rule(spec, "--activity");
}

void
act_opt_window(long long secs)
{
	if (secs <= 0)
		qp_usage_error("--activity-window: want a duration above 0");
	window = secs;
}

/* ---- the activities file ---- */

enum { A_GROUP, A_START, A_END, A_NAME, A_TYPE, NA };
static const char *const anames[NA][SIDE_ALIASES] = {
	{ "group", "群", "群名", "群ID", "group_id", NULL },
	{ "start", "开始", "开始时间", "时间", NULL, NULL },
	{ "end", "结束", "结束时间", NULL, NULL, NULL },
	{ "name", "活动", "活动名称", "名称", "主题", NULL },
	{ "type", "类型", "活动类型", NULL, NULL, NULL },
};

/* A time of the file: ISO with an offset, else local (a date: 00:00). */
static void
file_time(const char *path, unsigned long long line, const char *what,
    const char *s, long long *t, int *naive)
{
	char b[64];
	long long day;
	int off;
	size_t k;

	snprintf(b, sizeof b, "%s", s);
	for (k = 0; b[k] != '\0'; k++)
		if (b[k] == '/')
			b[k] = '-';
	*naive = 1;
	if (qp_time_parse(b, strlen(b), t, &off) == 0)
		*naive = 0;
	else if (qp_time_parse_naive(b, strlen(b), t) == 0)
		;
	else if (qp_day_parse(b, &day) == 0)
		*t = day * 86400;
	else
		qp_die("%s:%llu: %s: want a time YYYY-MM-DD HH:MM, not '%s'",
		    path, line, what, s);
}

static void
planned_row(void *arg, const char *path, unsigned long long line,
    const char **f)
{
	struct planned *p;

	(void)arg;
	if (*f[A_GROUP] == '\0')
		qp_die("%s:%llu: no group", path, line);
	if (*f[A_START] == '\0')
		qp_die("%s:%llu: no start", path, line);
	plan = qp_xrealloc(plan, nplan + 1, sizeof *plan);
	p = &plan[nplan++];
	memset(p, 0, sizeof *p);
	p->group = qp_xstrdup(f[A_GROUP]);
	p->name = qp_xstrdup(*f[A_NAME] ? f[A_NAME] : *f[A_TYPE] ? f[A_TYPE] :
	    "活动");
	/* a planned red packet or 接龙 gets the openings or entries */
	p->kind = strstr(f[A_TYPE], "红包") || strstr(p->name, "红包") ||
	    strcmp(f[A_TYPE], "red_packet") == 0 ? K_REDPACKET :
	    strstr(f[A_TYPE], "接龙") || strstr(p->name, "接龙") ||
	    strcmp(f[A_TYPE], "jielong") == 0 ? K_JIELONG : K_OTHER;
	file_time(path, line, "start", f[A_START], &p->start, &p->naive_start);
	p->end = NONE;
	if (*f[A_END] != '\0') {
		file_time(path, line, "end", f[A_END], &p->end, &p->naive_end);
		if (p->naive_end == p->naive_start && p->end <= p->start)
			qp_die("%s:%llu: end '%s' is not after start '%s'",
			    path, line, f[A_END], f[A_START]);
	}
}

void
act_opt_activities(const char *path)
{
	side_csv(path, "--activities", anames, NA, planned_row, NULL);
}

/* ---- reading ---- */

void
act_header(const struct qp_in *in, struct qp_tz *z)
{
	size_t i;

	if (c_gid < 0) {
		for (i = 0; !rules_given && default_rules[i] != NULL; i++)
			add_rule(default_rules[i], "--activity");
		rules_given = 1;
		for (i = 0; i < nplan; i++) {
			if (plan[i].naive_start)
				plan[i].start = qp_tz_resolve(z, plan[i].start);
			if (plan[i].end != NONE && plan[i].naive_end)
				plan[i].end = qp_tz_resolve(z, plan[i].end);
		}
		if ((uids = qp_strmap_new()) == NULL)
			qp_die("out of memory");
	}
	tz = z;
	c_gid = qp_cli_col(in, "events", "group_id");
	c_uid = qp_cli_col(in, "events", "user_id");
	c_kind = qp_cli_col(in, "events", "kind");
	c_group = qp_in_col(in, "group");
	c_media = qp_in_col(in, "media");
	c_text = qp_in_col(in, "text");
	c_msg = qp_in_col(in, "msg_id");
	c_reply = qp_in_col(in, "reply_to");
	c_name = qp_in_col(in, "name");
}

static const char *
col(const struct qp_row *row, int c, size_t *len)
{
	if (c < 0 || (size_t)c >= row->n) {
		*len = 0;
		return "";
	}
	*len = row->f[c].len;
	return row->f[c].s;
}

static int
by_start(const void *a, const void *b)
{
	const struct planned *x = &plan[*(const size_t *)a],
	    *y = &plan[*(const size_t *)b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* A new activity of the current group at ts; the last one's window ends. */
static struct act *
start(long long ts, const char *name, int kind, long long end)
{
	struct grp *g = &grp[ngrp - 1];
	struct act *a;

	/* a staff message in the minute a file's activity starts is it */
	if (nacts > g->a0 && (a = &acts[nacts - 1])->by == 0 &&
	    ts - a->start < 60 && end == NONE) {
		if (kind != K_OTHER)
			a->kind = kind;
		if (kind == K_REDPACKET)
			g->rp = nacts;
		if (kind == K_JIELONG)
			g->jl = nacts;
		return a;
	}
	if (nacts > g->a0 && acts[nacts - 1].end > ts)
		acts[nacts - 1].end = ts;
	if (nacts == capacts)
		acts = qp_xrealloc(acts, capacts = capacts ? capacts * 2 : 64,
		    sizeof *acts);
	a = &acts[nacts++];
	memset(a, 0, sizeof *a);
	a->g = ngrp - 1;
	a->start = ts;
	a->end = end != NONE ? end : ts + window;
	a->name = qp_xstrdup(name);
	a->kind = kind;
	a->members = g->open;
	if (kind == K_REDPACKET)
		g->rp = nacts;
	if (kind == K_JIELONG)
		g->jl = nacts;
	return a;
}

/* The file's activities of the current group that start up to ts. */
static void
planned_upto(long long ts)
{
	struct grp *g = &grp[ngrp - 1];

	while (g->np > 0 && plan[porder[g->p0]].start <= ts) {
		const struct planned *p = &plan[porder[g->p0]];

		start(p->start, p->name, p->kind, p->end);
		g->p0++;
		g->np--;
	}
}

static void
new_group(const char *gid, const char *name)
{
	struct grp *g;
	size_t i;

	if (ngrp > 0)	/* the last group's file activities after its end */
		planned_upto(0x7fffffffffffffffLL);
	for (i = 0; i < ntouched; i++)
		memset(&mem[touched[i]], 0, sizeof *mem);
	ntouched = 0;
	if (ngrp == capgrp)
		grp = qp_xrealloc(grp, capgrp = capgrp ? capgrp * 2 : 16,
		    sizeof *grp);
	g = &grp[ngrp++];
	memset(g, 0, sizeof *g);
	g->id = qp_xstrdup(gid);
	g->a0 = nacts;
	/* a group_id beats a name */
	porder = qp_xrealloc(porder, nplan + 1, sizeof *porder);
	for (i = 0; i < nplan; i++)
		if (!plan[i].used && strcmp(plan[i].group, gid) == 0)
			plan[i].used = 1, porder[g->np++] = i;
	for (i = 0; i < nplan; i++)
		if (!plan[i].used && strcmp(plan[i].group, name) == 0)
			plan[i].used = 1, porder[g->np++] = i;
	qsort(porder, g->np, sizeof *porder, by_start);
}

static struct member *
member(uint32_t u)
{
	if (u >= capmem) {
		size_t n = capmem ? capmem * 2 : 1024;

		while (n <= u)
			n *= 2;
		mem = qp_xrealloc(mem, n, sizeof *mem);
		memset(mem + capmem, 0, (n - capmem) * sizeof *mem);
		capmem = n;
	}
	if (mem[u].mstate == 0 && mem[u].last == 0) {
		if (ntouched == captouched)
			touched = qp_xrealloc(touched, captouched = captouched ?
			    captouched * 2 : 1024, sizeof *touched);
		touched[ntouched++] = u;
	}
	return &mem[u];
}

/* Member u takes part in activity i (0-based) at ts. */
static void
take_part(size_t i, uint32_t u, struct member *m, long long ts)
{
	struct act *a = &acts[i];

	/* only a member counted at its start: the rate stays a share */
	if (m->last == i + 1 || !m->in || m->since > a->start)
		return;
	m->last = i + 1;
	if (a->npart == a->cappart) {
		a->cappart = a->cappart ? a->cappart * 2 : 16;
		a->part = qp_xrealloc(a->part, a->cappart, sizeof *a->part);
		a->delay = qp_xrealloc(a->delay, a->cappart, sizeof *a->delay);
	}
	a->part[a->npart] = u;
	a->delay[a->npart++] = ts - a->start;
}

/* The activity a staff message starts, by its media or text; NULL: none. */
static const char *
activity_of(const struct qp_row *row, int *kind)
{
	size_t len, i;
	const char *media = col(row, c_media, &len), *s;

	*kind = K_OTHER;
	if (qp_kind_is(media, "red_packet")) {
		*kind = K_REDPACKET;
		return "红包";
	}
	if (qp_kind_is(media, "jielong"))
		*kind = K_JIELONG;
	s = col(row, c_text, &len);
	for (i = 0; i < nrules; i++)
		if (len > 0 && regexec(&rules[i].re, s, 0, NULL, 0) == 0) {
			if (strcmp(rules[i].name, "接龙") == 0)
				*kind = K_JIELONG;
			return rules[i].name;
		}
	return *kind == K_JIELONG ? "接龙" : NULL;
}

/* The number of user id s in uids. */
static uint32_t
uid(const char *s, size_t len)
{
	return ru_number(&uid_of, uids, s, len);
}

void
act_event(const struct qp_in *in, long long ts, int role)
{
	const struct qp_row *row = qp_in_row(in);
	const char *gid = row->f[c_gid].s, *kind = row->f[c_kind].s, *s;
	struct grp *g;
	struct member *m;
	size_t len, i;
	long u;
	int msg = qp_kind_is(kind, "message");

	if (row->f[c_gid].len == 0)
		return;
	if (ngrp == 0 || strcmp(grp[ngrp - 1].id, gid) != 0)
		new_group(gid, col(row, c_group, &len));
	g = &grp[ngrp - 1];
	planned_upto(ts);
	if (row->f[c_uid].len == 0)
		return;
	if (role != QP_ROLE_NONE) {	/* staff start activities */
		const char *name;
		int k;
		struct act *a;

		if (!msg || role == QP_ROLE_SHILL ||
		    (name = activity_of(row, &k)) == NULL)
			return;
		a = start(ts, name, k, NONE);
		s = col(row, c_msg, &len);
		a->msg = len > 0 ? qp_hash(s, len) | 1 : 0;
		a->by = uid(row->f[c_uid].s, row->f[c_uid].len) + 1;
		return;
	}
	u = uid(row->f[c_uid].s, row->f[c_uid].len);
	m = member((uint32_t)u);
	switch (qp_membership(&m->mstate, kind)) {
	case QP_M_JOIN:
	case QP_M_INFER:
		g->open++;
		m->since = ts;
		m->in = 1;
		break;
	case QP_M_CLOSE:
		g->open--;
		m->in = 0;
		break;
	}
	if (qp_kind_is(kind, "custom")) {
		/* the opening of a red packet: its latest one */
		if (g->rp > 0 && strcmp(col(row, c_name, &len),
		    "red_packet_open") == 0)
			take_part(g->rp - 1, (uint32_t)u, m, ts);
		return;
	}
	if (!msg || nacts == g->a0)
		return;
	s = col(row, c_reply, &len);
	if (len > 0) {		/* a reply to an activity takes part in it */
		uint64_t h = qp_hash(s, len) | 1;

		for (i = nacts; i > g->a0; i--)
			if (acts[i - 1].msg == h) {
				acts[i - 1].replies++;
				take_part(i - 1, (uint32_t)u, m, ts);
				break;
			}
	}
	if (g->jl > 0 && strcmp(col(row, c_media, &len), "jielong") == 0)
		take_part(g->jl - 1, (uint32_t)u, m, ts);
	if (ts < acts[nacts - 1].end)
		take_part(nacts - 1, (uint32_t)u, m, ts);
}

void
act_week_members(const char *scope, long long week, unsigned long long n)
{
	struct wk *w;

	if (nwks == 0 || strcmp(wks[nwks - 1].scope, scope) != 0) {
		wks = qp_xrealloc(wks, nwks + 1, sizeof *wks);
		w = &wks[nwks++];
		memset(w, 0, sizeof *w);
		w->scope = qp_xstrdup(scope);
		w->w0 = week;
	}
	w = &wks[nwks - 1];
	if (week != w->w0 + (long long)w->n)
		return;		/* weeks come in order */
	w->mem = qp_xrealloc(w->mem, w->n + 1, sizeof *w->mem);
	w->mem[w->n++] = n;
}

/* ---- the tables ---- */



static int
u32pair_cmp(const void *a, const void *b)
{
	const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
ll_cmp(const void *a, const void *b)
{
	const long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* An activity's participants once each, with their first delay. */
static size_t
unique(struct act *a)
{
	uint64_t *k;
	size_t i, n = 0;

	if (a->npart == 0)
		return 0;
	k = qp_xcalloc(a->npart, sizeof *k);
	/* (user, delay) sorts by user, then the earliest taking part */
	for (i = 0; i < a->npart; i++)
		k[i] = (uint64_t)a->part[i] << 32 | (uint32_t)a->delay[i];
	qsort(k, a->npart, sizeof *k, u32pair_cmp);
	for (i = 0; i < a->npart; i++)
		if (n == 0 || a->part[n - 1] != (uint32_t)(k[i] >> 32)) {
			a->part[n] = (uint32_t)(k[i] >> 32);
			a->delay[n++] = (long long)(uint32_t)k[i];
		}
	free(k);
	return a->npart = n;
}

static const char *
median(char *buf, long long *d, size_t n)
{
	long long s;

	if (n == 0)
		return "";
	qsort(d, n, sizeof *d, ll_cmp);
	if (n % 2) {
		snprintf(buf, 32, "%lld", d[n / 2]);
		return buf;
	}
	s = d[n / 2 - 1] + d[n / 2];
	snprintf(buf, 32, "%lld%s", s / 2, s % 2 ? ".5" : "");
	return buf;
}

static void
activities_table(struct qp_out *out, long long hi)
{
	static const char *const cols[] = { "group_id", "start", "end",
	    "name", "by", "members", "participants", "rate", "replies",
	    "median_response_s" };
	char b[8][40];
	const char *v[10];
	size_t i;

	qp_out_xtable(out, "activities", cols, 10);
	for (i = 0; i < nacts; i++) {
		struct act *a = &acts[i];
		size_t n;

		if (a->start >= hi)
			continue;
		n = unique(a);
		qp_time_format(b[0], a->start, qp_tz_offset(tz, a->start));
		qp_time_format(b[1], a->end, qp_tz_offset(tz, a->end));
		snprintf(b[2], sizeof b[2], "%llu", a->members);
		snprintf(b[3], sizeof b[3], "%zu", n);
		snprintf(b[5], sizeof b[5], "%llu", a->replies);
		v[0] = grp[a->g].id;
		v[1] = b[0];
		v[2] = b[1];
		v[3] = a->name;
		v[4] = a->by ? qp_strmap_str(uids, a->by - 1) : "";
		v[5] = b[2];
		v[6] = b[3];
		v[7] = qp_csv_rate(b[4], n, a->members);
		v[8] = b[5];
		v[9] = median(b[6], a->delay, n);
		qp_out_xrow(out, v, 10);
	}
}

/* A scope's (week, user) pairs, sorted and once each. */
static uint64_t *
week_pairs(const char *scope, long long w0, long long hi, size_t *np)
{
	uint64_t *k = NULL;
	size_t i, j, n = 0, cap = 0;

	for (i = 0; i < nacts; i++) {
		const struct act *a = &acts[i];
		long long w;

		if (a->start >= hi || (strcmp(scope, "*") != 0 &&
		    strcmp(grp[a->g].id, scope) != 0))
			continue;
		w = qp_day_week(qp_tz_day(tz, a->start)) - w0;
		for (j = 0; j < a->npart; j++) {
			if (n == cap)
				k = qp_xrealloc(k, cap = cap ? cap * 2 : 64,
				    sizeof *k);
			k[n++] = (uint64_t)w << 32 | a->part[j];
		}
	}
	if (n > 1)
		qsort(k, n, sizeof *k, u32pair_cmp);
	for (i = j = 0; i < n; i++)
		if (j == 0 || k[j - 1] != k[i])
			k[j++] = k[i];
	*np = j;
	return k;
}

static void
weeks_table(struct qp_out *out, long long hi)
{
	static const char *const cols[] = { "week", "group_id", "members",
	    "activities", "participants", "rate" };
	char b[4][32], label[32];
	const char *v[6];
	size_t s, i, j, n, np, *nact;

	qp_out_xtable(out, "activity_weeks", cols, 6);
	for (s = 0; s < nwks; s++) {
		const struct wk *w = &wks[s];
		uint64_t *k;

		nact = qp_xcalloc(w->n + 1, sizeof *nact);
		for (i = n = 0; i < nacts; i++) {
			long long wi;

			if (acts[i].start >= hi || (strcmp(w->scope, "*") != 0 &&
			    strcmp(grp[acts[i].g].id, w->scope) != 0))
				continue;
			wi = qp_day_week(qp_tz_day(tz, acts[i].start)) - w->w0;
			if (wi >= 0 && (size_t)wi < w->n)
				nact[wi]++, n++;
		}
		if (n == 0) {	/* a scope without activities has no rows */
			free(nact);
			continue;
		}
		k = week_pairs(w->scope, w->w0, hi, &np);
		for (i = j = 0; i < w->n; i++) {
			unsigned long long p = 0;

			while (j < np && (k[j] >> 32) < i)
				j++;
			for (; j < np && (k[j] >> 32) == i; j++)
				p++;
			qp_day_weekfmt(label, qp_week_monday(w->w0 +
			    (long long)i));
			snprintf(b[0], sizeof b[0], "%llu", w->mem[i]);
			snprintf(b[1], sizeof b[1], "%zu", nact[i]);
			v[0] = label;
			v[1] = w->scope;
			v[2] = b[0];
			v[3] = b[1];
			/* a week without activity has no participation */
			if (nact[i] == 0)
				v[4] = v[5] = "";
			else {
				snprintf(b[2], sizeof b[2], "%llu", p);
				v[4] = b[2];
				v[5] = qp_csv_rate(b[3], p, w->mem[i]);
			}
			qp_out_xrow(out, v, 6);
		}
		free(k);
		free(nact);
	}
}

void
act_write(struct qp_out *out, long long E)
{
	/* activities up to the end of day E */
	long long hi = qp_tz_resolve(tz, (E + 1) * 86400);

	if (ngrp > 0)
		planned_upto(hi - 1);
	if (nacts == 0)
		return;		/* absent, not empty, when there are none */
	activities_table(out, hi);
	weeks_table(out, hi);
}

void
act_free(void)
{
	size_t i;

	ru_map_free(&uid_of);
	for (i = 0; i < nrules; i++) {
		free(rules[i].name);
		regfree(&rules[i].re);
	}
	for (i = 0; i < nplan; i++) {
		free(plan[i].group);
		free(plan[i].name);
	}
	for (i = 0; i < nacts; i++) {
		free(acts[i].name);
		free(acts[i].part);
		free(acts[i].delay);
	}
	for (i = 0; i < ngrp; i++)
		free(grp[i].id);
	for (i = 0; i < nwks; i++) {
		free(wks[i].scope);
		free(wks[i].mem);
	}
	free(rules);
	free(plan);
	free(porder);
	free(acts);
	free(grp);
	free(mem);
	free(touched);
	free(wks);
	qp_strmap_free(uids);
}
