/*
 * Conversation structure and newcomers: the edges, connections,
 * influence, newcomers and welcomes tables of qunpipe(7) "Connections"
 * and "Newcomers".
 *
 * An edge goes from a member's message to the member it replies to (the
 * author of its reply_to) or mentions (its mentions column); staff and
 * bots have none, either way.  Replies need the author of the message
 * replied to: the last 2^18 messages of the group (at least) are
 * remembered for that, as msg_id hashes.  Edges are counted per
 * (month, from, to, kind) of the current group, speakers per (month,
 * member); a newcomer (a member's join) is judged by the messages of the
 * 7 days after it.  The stream comes sorted by group, so each group's
 * state is turned into rows when the next group starts: memory grows
 * with one group's members and their connections, never with messages.
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_roles.h"
#include "qp_stream.h"
#include "qp_text.h"
#include "qp_time.h"

#include "edges.h"
#include "rowuser.h"

#define NODAY		(-0x7fffffffffffffffLL - 1)
#define OPEN		0x7fffffffffffffffLL
#define REPLY_GEN	(1u << 18)	/* messages remembered for replies */
#define MAXUSER		(1u << 24)	/* members of a group with edges */
#define WELCOME		(24 * 3600)
#define INTRO		(72 * 3600)
#define UGC_DAYS	(7 * 86400)
#define MAXMENT		64		/* mentions read per message */

enum { K_REPLY, K_MENTION };
static const char *const kinds[] = { "reply", "mention" };

/* A user of the current group. */
struct eu {
	char		*name;		/* the latest display name */
	size_t		 nlen;		/* its bytes */
	int		 named;		/* of 2 characters or more */
	int		 role;
	unsigned char	 mstate;
	long long	 m0, m1;	/* months of first entry, last exit */
	long long	 spoke;		/* the last month they spoke in */
	uint32_t	 nc;		/* their latest join's newcomer + 1 */
};

/* A member's join in the current group. */
struct nc {
	uint32_t	 user;
	char		*joined;	/* the join's ts, as written */
	long long	 t, month, welcome;	/* welcome: NODAY none yet */
	int		 first, intro, ugc;
};

/* uint64 -> uint32, open addressing; key 0 is empty. */
struct map {
	uint64_t	*k;
	uint32_t	*v;
	size_t		 cap, n;
};

/* Rows kept for a table: ncol NUL-terminated cells each, end to end. */
struct tab {
	char		*buf;
	size_t		 len, cap, ncol;
};

static regex_t re_intro, re_nick;
static const char *intro_src = "行业|岗位|期待|来自|大家好我是";
static const char *nick_src;
static const struct qp_ugc *ugc;
static const struct qp_roles *roles;
static int c_gid = -1, c_kind, c_uid, c_user, c_msg, c_reply, c_ment, c_text,
    c_media, c_ts;

static char *gid;			/* the current group */
static struct qp_strmap *ids;		/* its users' ids */
static struct ru_map id_of;		/* ru_id() -> ids */
static struct eu *us;
static size_t nus, capus;
static struct map edges, rnew, rold;
static struct map speakers;	/* (month - mbase) << 32 | user + 1 */
static long long mbase = NODAY, mlast;	/* its months */
static struct nc *ncs;
static size_t nncs, capncs, pending;	/* pending: first within 24 h */
static unsigned long long unresolved;
static int evicted;
static struct tab t_edges = { NULL, 0, 0, 5 }, t_conn = { NULL, 0, 0, 11 },
    t_infl = { NULL, 0, 0, 7 }, t_new = { NULL, 0, 0, 9 },
    t_welc = { NULL, 0, 0, 13 };

void
ed_opt_intro(const char *re)
{
	intro_src = re;
}

void
ed_opt_nickname(const char *re)
{
	nick_src = re;
}


void
ed_header(const struct qp_in *in, const struct qp_ugc *u,
    const struct qp_roles *r)
{
	if (c_gid < 0) {
		/* The locale is C.UTF-8 already (checkin.c). */
		qp_xregcomp(&re_intro, intro_src, "--intro-format");
		if (nick_src != NULL)
			qp_xregcomp(&re_nick, nick_src, "--nickname-format");
	}
	ugc = u;
	roles = r;
	c_gid = qp_cli_col(in, "events", "group_id");
	c_kind = qp_cli_col(in, "events", "kind");
	c_uid = qp_cli_col(in, "events", "user_id");
	c_ts = qp_cli_col(in, "events", "ts");
	c_msg = qp_in_col(in, "msg_id");
	c_user = qp_in_col(in, "user");
	c_reply = qp_in_col(in, "reply_to");
	c_ment = qp_in_col(in, "mentions");
	c_text = qp_in_col(in, "text");
	c_media = qp_in_col(in, "media");
}

/* ---- small containers ---- */

static void
map_free(struct map *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* Keys are close together (months, users): spread them. */
static size_t
slot(uint64_t k, size_t cap)
{
	return (size_t)(k * 0x9e3779b97f4a7c15ULL >> 17) & (cap - 1);
}

static uint32_t *
map_at(struct map *m, uint64_t k)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct map b;
		size_t j;

		b.cap = m->cap ? m->cap * 2 : 256;
		b.n = m->n;
		b.k = qp_xcalloc(b.cap, sizeof *b.k);
		b.v = qp_xcalloc(b.cap, sizeof *b.v);
		for (j = 0; j < m->cap; j++)
			if (m->k[j] != 0) {
				i = slot(m->k[j], b.cap);
				while (b.k[i] != 0)
					i = (i + 1) & (b.cap - 1);
				b.k[i] = m->k[j];
				b.v[i] = m->v[j];
			}
		map_free(m);
		*m = b;
	}
	i = slot(k, m->cap);
	while (m->k[i] != 0 && m->k[i] != k)
		i = (i + 1) & (m->cap - 1);
	if (m->k[i] == 0) {
		m->k[i] = k;
		m->v[i] = 0;
		m->n++;
	}
	return &m->v[i];
}

static long
map_get(const struct map *m, uint64_t k)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	i = slot(k, m->cap);
	for (; m->k[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->k[i] == k)
			return (long)m->v[i];
	return -1;
}

static void
tab_add(struct tab *t, const char *const *v)
{
	size_t i, l;

	for (i = 0; i < t->ncol; i++) {
		l = strlen(v[i]) + 1;
		if (t->len + l > t->cap) {
			t->cap = t->cap ? t->cap * 2 : 4096;
			while (t->len + l > t->cap)
				t->cap *= 2;
			t->buf = qp_xrealloc(t->buf, t->cap, 1);
		}
		memcpy(t->buf + t->len, v[i], l);
		t->len += l;
	}
}

static void
tab_write(struct qp_out *out, const char *name, const char *const *cols,
    struct tab *t)
{
	const char *v[16];
	size_t i, p = 0;

	if (qp_out_tablev(out, name, 1, cols, t->ncol) == -1)
		qp_die("%s", qp_out_error(out));
	while (p < t->len) {
		for (i = 0; i < t->ncol; i++) {
			v[i] = t->buf + p;
			p += strlen(v[i]) + 1;
		}
		if (qp_out_rowv(out, v, t->ncol) == -1)
			qp_die("%s", qp_out_error(out));
	}
}

static void
tab_free(struct tab *t)
{
	free(t->buf);
	t->buf = NULL;
	t->len = t->cap = 0;
}

static char *
fmt_u(char *buf, unsigned long long v)
{
	snprintf(buf, 24, "%llu", v);
	return buf;
}

/* A median of sorted values, as qunpipe's tables write them. */
static char *
fmt_median(char *buf, const long long *v, size_t n)
{
	if (n == 0)
		*buf = '\0';
	else if (n % 2)
		snprintf(buf, 32, "%lld", v[n / 2]);
	else {
		long long s = v[n / 2 - 1] + v[n / 2];

		snprintf(buf, 32, "%lld%s", s / 2, s % 2 ? ".5" : "");
	}
	return buf;
}

/* ---- reading ---- */

static const char *
fld(const struct qp_row *r, int c, size_t *len)
{
	if (c < 0 || (size_t)c >= r->n) {
		*len = 0;
		return "";
	}
	*len = r->f[c].len;
	return r->f[c].s;
}

static uint32_t
user(const char *id, size_t len, const char *gidv, size_t gidlen)
{
	uint32_t u = ru_number(&id_of, ids, id, len);

	while (u >= nus) {
		if (nus == capus) {
			capus = capus ? capus * 2 : 256;
			us = qp_xrealloc(us, capus, sizeof *us);
		}
		memset(&us[nus], 0, sizeof us[nus]);
		us[nus].m0 = us[nus].m1 = us[nus].spoke = NODAY;
		us[nus].role = qp_roles_get(roles, gidv, gidlen, id, len);
		nus++;
	}
	return u;
}

static void
edge(long long month, uint32_t from, uint32_t to, int kind)
{
	if (from >= MAXUSER || to >= MAXUSER || month - mbase >= 1 << 14)
		return;
	(*map_at(&edges, (uint64_t)(month - mbase) << 49 |
	    (uint64_t)kind << 48 | (uint64_t)from << 24 | to | 1ULL << 63))++;
}

static void flush(void);

static void
new_group(const char *g, size_t len)
{
	flush();
	free(gid);
	if ((gid = malloc(len + 1)) == NULL || (ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	memcpy(gid, g, len);
	gid[len] = '\0';
}

static unsigned
codepoints(const char *s, size_t len)
{
	size_t i;
	unsigned n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * Whether e's name, of 2 characters or more, is in text (tl bytes): its
 * length known, not counted again for each message of their first day.
 */
static int
names(const char *text, size_t tl, const struct eu *e)
{
	return e->named && e->nlen <= tl && strstr(text, e->name) != NULL;
}

/* A message of u: its edges, and what it does for newcomers. */
static void
message(const struct qp_row *row, uint32_t u, long long ts, long long month)
{
	uint32_t ment[MAXMENT];
	size_t len, nm = 0, i, j, tl, ml;
	const char *s, *text, *media;
	long author = -1;
	struct eu *me = &us[u];

	s = fld(row, c_reply, &len);
	if (len > 0 && (author = map_get(&rnew, qp_hash(s, len) | 1)) < 0)
		author = map_get(&rold, qp_hash(s, len) | 1);
	if (len > 0 && author < 0)
		unresolved += evicted;
	s = fld(row, c_ment, &len);
	while (len > 0 && nm < MAXMENT) {
		size_t l = 0;

		while (l < len && s[l] != ' ')
			l++;
		if (l > 0)
			ment[nm++] = user(s, l, gid, strlen(gid));
		me = &us[u];	/* us[] may have moved */
		s += l + (l < len);
		len -= l + (l < len);
	}
	s = fld(row, c_msg, &len);
	if (len > 0) {
		if (rnew.n >= REPLY_GEN) {
			map_free(&rold);
			rold = rnew;
			memset(&rnew, 0, sizeof rnew);
			evicted = 1;
		}
		*map_at(&rnew, qp_hash(s, len) | 1) = u;
	}
	text = fld(row, c_text, &tl);
	/* Welcomes: anyone but the newcomer, within 24 h of the join. */
	while (pending < nncs && ts - ncs[pending].t > WELCOME)
		pending++;
	for (i = pending; i < nncs; i++) {
		struct nc *n = &ncs[i];
		int hit = 0;

		if (n->welcome != NODAY || n->user == u || ts < n->t)
			continue;
		hit = author >= 0 && (uint32_t)author == n->user;
		for (j = 0; j < nm && !hit; j++)
			hit = ment[j] == n->user;
		if (!hit && tl > 0)
			hit = names(text, tl, &us[n->user]);
		if (hit)
			n->welcome = ts;
	}
	if (me->role != QP_ROLE_NONE)
		return;
	if (me->spoke != month) {	/* a month's later messages: no news */
		me->spoke = month;
		*map_at(&speakers, (uint64_t)(month - mbase) << 32 |
		    ((uint64_t)u + 1)) = 1;
	}
	if (author >= 0 && (uint32_t)author != u &&
	    us[author].role == QP_ROLE_NONE)
		edge(month, u, (uint32_t)author, K_REPLY);
	for (j = 0; j < nm; j++)
		if (ment[j] != u && us[ment[j]].role == QP_ROLE_NONE)
			edge(month, u, ment[j], K_MENTION);
	/* The newcomer's own: self-introduction, UGC. */
	if (me->nc != 0) {
		struct nc *n = &ncs[me->nc - 1];

		media = fld(row, c_media, &ml);
		if (!n->first) {
			n->first = 1;
			n->intro = ts - n->t <= INTRO && (codepoints(text,
			    tl) >= 30 || regexec(&re_intro, text, 0, NULL,
			    0) == 0);
		}
		if (!n->ugc && ts - n->t <= UGC_DAYS)
			n->ugc = qp_text_ugc(ugc, media, text, tl);
	}
}

void
ed_event(const struct qp_in *in, long long ts, long long day)
{
	const struct qp_row *row = qp_in_row(in);
	const char *kind = row->f[c_kind].s, *s;
	size_t len, gl = row->f[c_gid].len;
	long long month = qp_day_month(day);
	struct eu *e;
	uint32_t u;

	if (gid == NULL || strlen(gid) != gl ||
	    memcmp(gid, row->f[c_gid].s, gl) != 0)
		new_group(row->f[c_gid].s, gl);
	if (row->f[c_uid].len == 0)
		return;
	if (mbase == NODAY)
		mbase = mlast = month;
	if (month > mlast)
		mlast = month;
	u = user(row->f[c_uid].s, row->f[c_uid].len, gid, gl);
	e = &us[u];
	s = fld(row, c_user, &len);
	if (len > 0 && (e->name == NULL || strlen(e->name) != len ||
	    memcmp(e->name, s, len) != 0)) {
		free(e->name);
		if ((e->name = malloc(len + 1)) == NULL)
			qp_die("out of memory");
		memcpy(e->name, s, len);
		e->name[len] = '\0';
		e->nlen = strlen(e->name);
		e->named = codepoints(e->name, e->nlen) >= 2;
	}
	switch (qp_membership(&e->mstate, kind)) {
	case QP_M_JOIN:
		if (e->role == QP_ROLE_NONE) {
			struct nc *n;

			if (nncs == capncs) {
				capncs = capncs ? capncs * 2 : 64;
				ncs = qp_xrealloc(ncs, capncs, sizeof *ncs);
			}
			n = &ncs[nncs++];
			memset(n, 0, sizeof *n);
			n->user = u;
			n->t = ts;
			n->month = month;
			n->welcome = NODAY;
			if ((n->joined = strndup(row->f[c_ts].s,
			    row->f[c_ts].len)) == NULL)
				qp_die("out of memory");
			e->nc = (uint32_t)nncs;
		}
		/* FALLTHROUGH */
	case QP_M_INFER:
		if (e->m0 == NODAY)
			e->m0 = month;
		e->m1 = NODAY;
		break;
	case QP_M_CLOSE:
		e->m1 = month;
		break;
	case QP_M_POINT:
		if (e->m0 == NODAY)
			e->m0 = month;
		e->m1 = month;
		break;
	}
	if (qp_kind_is(kind, "message"))
		message(row, u, ts, month);
}

/* ---- a group's rows ---- */

struct ent {
	uint32_t	 from, to, count;
	int		 kind;
	long long	 month;
};

static int
ent_by_edge(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	int c = strcmp(qp_strmap_str(ids, x->from), qp_strmap_str(ids, y->from));

	if (c == 0)
		c = strcmp(qp_strmap_str(ids, x->to), qp_strmap_str(ids, y->to));
	if (c == 0)
		c = x->kind - y->kind;
	if (c == 0)
		c = x->month < y->month ? -1 : x->month > y->month;
	return c;
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static int
uid_cmp(const void *a, const void *b)
{
	return strcmp(qp_strmap_str(ids, *(const uint32_t *)a),
	    qp_strmap_str(ids, *(const uint32_t *)b));
}

/* Distinct pairs (lo, hi) of month m among ents[0..n), sorted. */
static size_t
month_pairs(const struct ent *en, size_t n, long long m, uint64_t *out)
{
	size_t i, k = 0, j;

	for (i = 0; i < n; i++)
		if (en[i].month == m) {
			uint32_t lo = en[i].from < en[i].to ? en[i].from : en[i].to,
			    hi = en[i].from < en[i].to ? en[i].to : en[i].from;

			out[k++] = (uint64_t)lo << 32 | hi;
		}
	if (k > 1)
		qsort(out, k, sizeof *out, u64_cmp);
	for (i = j = 0; i < k; i++)
		if (j == 0 || out[j - 1] != out[i])
			out[j++] = out[i];
	return j;
}

static int
spoke(long long m, uint32_t u)
{
	return map_get(&speakers, (uint64_t)(m - mbase) << 32 |
	    ((uint64_t)u + 1)) >= 0;
}

/* Whether user i was a member (not staff) some time of month m. */
static int
member_in(size_t i, long long m)
{
	return us[i].role == QP_ROLE_NONE && us[i].m0 != NODAY &&
	    us[i].m0 <= m && (us[i].m1 == NODAY || us[i].m1 >= m);
}

static void
conn_rows(const struct ent *en, size_t n)
{
	uint64_t *pairs = qp_xcalloc(n + 1, sizeof *pairs);
	unsigned char *seen = qp_xcalloc(nus + 1, 1);
	long long m;
	size_t i, np;

	for (m = mbase; m <= mlast; m++) {
		unsigned long long members = 0, sp = 0, spairs = 0, conn = 0;
		char b[10][32], mon[16];
		const char *v[11];

		for (i = 0; i < nus; i++) {
			seen[i] = 0;
			if (!member_in(i, m))
				continue;
			members++;
			sp += spoke(m, (uint32_t)i);
		}
		if (members == 0)
			continue;
		np = month_pairs(en, n, m, pairs);
		for (i = 0; i < np; i++) {
			uint32_t lo = (uint32_t)(pairs[i] >> 32),
			    hi = (uint32_t)pairs[i];

			spairs += spoke(m, lo) && spoke(m, hi);
			/* one mentioned but never in the group is no member */
			conn += (!seen[lo] && member_in(lo, m)) +
			    (!seen[hi] && member_in(hi, m));
			seen[lo] = seen[hi] = 1;
		}
		qp_month_format(mon, m);
		v[0] = mon;
		v[1] = gid;
		v[2] = fmt_u(b[0], members);
		v[3] = fmt_u(b[1], sp);
		v[4] = fmt_u(b[2], np);
		v[5] = fmt_u(b[3], spairs);
		v[6] = qp_csv_rate(b[4], spairs, sp * (sp - (sp > 0)) / 2);
		snprintf(b[5], sizeof b[5], "%.2f", 2.0 * (double)np /
		    (double)members);
		v[7] = b[5];
		v[8] = fmt_u(b[6], conn);
		v[9] = qp_csv_rate(b[7], conn, members);
		v[10] = fmt_u(b[8], sp * (sp - (sp > 0)) / 2);
		tab_add(&t_conn, v);
	}
	free(pairs);
	free(seen);
}

/* Edges over the whole period, and each member's reach. */
static void
edge_rows(struct ent *en, size_t n)
{
	uint64_t *in = qp_xcalloc(n + 1, sizeof *in), *ans = qp_xcalloc(n + 1,
	    sizeof *ans);
	uint32_t *order = qp_xcalloc(nus + 1, sizeof *order);
	unsigned long long *reach = qp_xcalloc(nus + 1, sizeof *reach),
	    *answered = qp_xcalloc(nus + 1, sizeof *answered),
	    *rin = qp_xcalloc(nus + 1, sizeof *rin),
	    *min = qp_xcalloc(nus + 1, sizeof *min);
	size_t i, j, ni = 0, na = 0;
	char b[6][32];
	const char *v[7];

	if (n > 1)
		qsort(en, n, sizeof *en, ent_by_edge);
	for (i = 0; i < n; i = j) {
		unsigned long long c = 0;

		for (j = i; j < n && en[j].from == en[i].from &&
		    en[j].to == en[i].to && en[j].kind == en[i].kind; j++)
			c += en[j].count;
		v[0] = gid;
		v[1] = qp_strmap_str(ids, en[i].from);
		v[2] = qp_strmap_str(ids, en[i].to);
		v[3] = kinds[en[i].kind];
		v[4] = fmt_u(b[0], c);
		tab_add(&t_edges, v);
		in[ni++] = (uint64_t)en[i].to << 32 | en[i].from;
		if (en[i].kind == K_REPLY)
			ans[na++] = (uint64_t)en[i].from << 32 | en[i].to;
		*(en[i].kind == K_REPLY ? &rin[en[i].to] : &min[en[i].to]) += c;
	}
	qsort(in, ni, sizeof *in, u64_cmp);
	qsort(ans, na, sizeof *ans, u64_cmp);
	for (i = 0; i < ni; i++)
		reach[in[i] >> 32] += i == 0 || in[i] != in[i - 1];
	for (i = 0; i < na; i++)
		answered[ans[i] >> 32] += i == 0 || ans[i] != ans[i - 1];
	for (i = 0; i < nus; i++)
		order[i] = (uint32_t)i;
	qsort(order, nus, sizeof *order, uid_cmp);
	for (i = 0; i < nus; i++) {
		uint32_t u = order[i];

		if (reach[u] == 0 && answered[u] == 0)
			continue;
		v[0] = gid;
		v[1] = qp_strmap_str(ids, u);
		v[2] = us[u].name ? us[u].name : "";
		v[3] = fmt_u(b[0], reach[u]);
		v[4] = fmt_u(b[1], answered[u]);
		v[5] = fmt_u(b[2], rin[u]);
		v[6] = fmt_u(b[3], min[u]);
		tab_add(&t_infl, v);
	}
	free(in);
	free(ans);
	free(order);
	free(reach);
	free(answered);
	free(rin);
	free(min);
}

static int
nick_ok(uint32_t u)
{
	return us[u].name != NULL && regexec(&re_nick, us[u].name, 0, NULL,
	    0) == 0;
}

static void
newcomer_rows(void)
{
	long long *delay = qp_xcalloc(nncs + 1, sizeof *delay);
	size_t i, j, k;
	char b[12][32];
	const char *v[13];

	for (i = 0; i < nncs; i++) {
		struct nc *n = &ncs[i];

		v[0] = gid;
		v[1] = qp_strmap_str(ids, n->user);
		v[2] = us[n->user].name ? us[n->user].name : "";
		v[3] = n->joined;
		v[4] = n->welcome != NODAY ? "1" : "0";
		if (n->welcome != NODAY)
			snprintf(b[0], sizeof b[0], "%lld", n->welcome - n->t);
		else
			b[0][0] = '\0';
		v[5] = b[0];
		v[6] = n->intro ? "1" : "0";
		v[7] = nick_src == NULL ? "" : nick_ok(n->user) ? "1" : "0";
		v[8] = n->ugc ? "1" : "0";
		tab_add(&t_new, v);
	}
	/* Per month of joining (joins come in time order). */
	for (i = 0; i < nncs; i = j) {
		unsigned long long nw = 0, intro = 0, nick = 0, ugcs = 0;
		char mon[16];

		for (j = i, k = 0; j < nncs && ncs[j].month == ncs[i].month; j++) {
			if (ncs[j].welcome != NODAY)
				delay[k++] = ncs[j].welcome - ncs[j].t;
			intro += (unsigned)ncs[j].intro;
			ugcs += (unsigned)ncs[j].ugc;
			nick += nick_src != NULL && nick_ok(ncs[j].user);
		}
		nw = j - i;
		qsort(delay, k, sizeof *delay, ll_cmp);
		qp_month_format(mon, ncs[i].month);
		v[0] = mon;
		v[1] = gid;
		v[2] = fmt_u(b[0], nw);
		v[3] = fmt_u(b[1], k);
		v[4] = qp_csv_rate(b[2], k, nw);
		v[5] = fmt_median(b[3], delay, k);
		v[6] = fmt_u(b[4], intro);
		v[7] = qp_csv_rate(b[5], intro, nw);
		v[8] = nick_src == NULL ? "" : fmt_u(b[6], nick);
		v[9] = nick_src == NULL ? "" : qp_csv_rate(b[7], nick, nw);
		v[10] = fmt_u(b[8], ugcs);
		v[11] = qp_csv_rate(b[9], ugcs, nw);
		v[12] = fmt_u(b[10], nw - k);
		tab_add(&t_welc, v);
	}
	free(delay);
}

/* The current group's rows; then its state goes. */
static void
flush(void)
{
	struct ent *en;
	size_t i, n = 0;

	if (gid == NULL)
		return;
	en = qp_xcalloc(edges.n + 1, sizeof *en);
	for (i = 0; i < edges.cap; i++) {
		uint64_t k = edges.k[i];

		if (k == 0)
			continue;
		en[n].month = mbase + (long long)(k >> 49 & 0x3fff);
		en[n].kind = (int)(k >> 48 & 1);
		en[n].from = (uint32_t)(k >> 24 & 0xffffff);
		en[n].to = (uint32_t)(k & 0xffffff);
		en[n].count = edges.v[i];
		n++;
	}
	if (mbase != NODAY)
		conn_rows(en, n);
	edge_rows(en, n);
	newcomer_rows();
	free(en);
	for (i = 0; i < nus; i++)
		free(us[i].name);
	for (i = 0; i < nncs; i++)
		free(ncs[i].joined);
	nus = nncs = pending = 0;
	map_free(&edges);
	map_free(&rnew);
	map_free(&rold);
	evicted = 0;
	map_free(&speakers);
	qp_strmap_free(ids);
	ids = NULL;
	ru_forget(&id_of);
	mbase = NODAY;
	mlast = 0;
	free(gid);
	gid = NULL;
}

void
ed_write(struct qp_out *out)
{
	static const char *const edges_cols[] = { "group_id", "from", "to",
	    "kind", "count" };
	static const char *const conn_cols[] = { "month", "group_id",
	    "members", "speakers", "pairs", "speaker_pairs", "density",
	    "mean_degree", "connected", "connected_share", "possible_pairs" };
	static const char *const infl_cols[] = { "group_id", "user_id", "user",
	    "reached_by", "answered", "replies_in", "mentions_in" };
	static const char *const new_cols[] = { "group_id", "user_id", "user",
	    "joined", "welcomed_24h", "welcome_delay_s", "self_intro",
	    "nickname_ok", "first_ugc_7d" };
	static const char *const welc_cols[] = { "month", "group_id",
	    "newcomers", "welcomed", "welcome_rate", "median_delay_s",
	    "self_intros", "intro_rate", "nickname_ok", "nickname_rate",
	    "ugc_7d", "ugc_rate", "not_welcomed" };

	flush();
	if (unresolved > 0)
		qp_warn("%llu replies to messages more than %u messages back "
		    "were not resolved: edges and welcomes are lower bounds",
		    unresolved, REPLY_GEN);
	tab_write(out, "edges", edges_cols, &t_edges);
	tab_write(out, "connections", conn_cols, &t_conn);
	tab_write(out, "influence", infl_cols, &t_infl);
	tab_write(out, "newcomers", new_cols, &t_new);
	tab_write(out, "welcomes", welc_cols, &t_welc);
}

void
ed_free(void)
{
	flush();
	ru_map_free(&id_of);
	free(us);
	free(ncs);
	us = NULL;
	ncs = NULL;
	capus = capncs = 0;
	tab_free(&t_edges);
	tab_free(&t_conn);
	tab_free(&t_infl);
	tab_free(&t_new);
	tab_free(&t_welc);
	if (c_gid >= 0) {
		regfree(&re_intro);
		if (nick_src != NULL)
			regfree(&re_nick);
	}
}
