/*
 * Group rules (群规): which members' messages break them, who reached the
 * strikes that get one removed (seed 004: 违规 3 次移出), which groups are
 * turning into ad groups (沦为广告群), and how members left: of their own
 * accord or removed, within 3 days of joining (领完就退), coming back.
 *
 * A violation is a member's message with a link, a QR code (when the
 * export marks one: [二维码], [QR code]), a phone number, a WeChat id
 * offered (微信/vx/wx and an id), a word of --ad-words; or flooding: the
 * Nth message within S seconds of the member's N-1 before it in a group
 * (--flood N,S; the count starts again after it), or a text of 8 or more
 * characters the member already sent in another group within 24 hours
 * (--spam-groups N: the copies in the Nth and later groups).  Each message
 * is one violation, of its first kind in that order.
 *
 * The cross-group copies need memory across groups (the stream is sorted
 * by group): each member keeps the hashes of their last XSLOTS texts, so
 * memory grows with members, not messages; a member who posts more than
 * XSLOTS other texts between two copies is not caught.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_text.h"
#include "qp_time.h"

#include "rules.h"
#include "sidefile.h"

#define NODAY	LLONG_MIN
#define XSLOTS	8		/* texts remembered per member */
#define XMIN	8		/* code points of a text worth comparing */
#define QUICK	(3 * 86400)	/* 领完就退: left within 3 days */
#define NFLOOD	64

enum { V_LINK, V_QRCODE, V_PHONE, V_WECHAT, V_ADWORD, V_FLOOD, V_CROSSPOST,
    NKINDS };
static const char *const kind_names[NKINDS] = { "link", "qrcode", "phone",
    "wechat_id", "ad_word", "flood", "crosspost" };

/* A violation as it waits in the spill file, its msg_id after it. */
struct viol {
	uint32_t	 group, user;
	long long	 ts;
	uint32_t	 kind, msglen;
};

/* Violators: (scope, user) counts; scope UINT32_MAX is "*". */
struct vr {
	uint32_t	 scope, user;
	unsigned long long n;
	long long	 last, removed;
};

/* A member's recent texts, across groups. */
struct xs {
	uint64_t	 hash;
	long long	 ts;
	uint32_t	 group;
	uint32_t	 ngroups;
};

struct member {
	struct xs	 x[XSLOTS];
	unsigned	 next;
};

/*
 * Per user, in the group being read: the times of their last flood_n
 * messages (ringts[user * flood_n ...]), forgotten when they speak in
 * another group (not by clearing every ring at each group: that cost
 * groups x members).
 */
struct ring {
	uint32_t	 group;
	unsigned	 n, head;
};

struct gday {
	long long	 base;
	uint32_t	*msgs, *viol;
	size_t		 n;
};

struct exitrow {
	uint32_t	 group, user;
	long long	 start, ts;
	int		 by_join, removed, rejoined;
};

static int c_text = -1, c_media = -1, c_msg = -1;
static char **adwords;
static size_t nadwords;
static unsigned flood_n = 8;
static long long flood_s = 60;
static unsigned spam_groups = 2;
static unsigned strikes = 3;
static unsigned long long share_num = 1, share_den = 10;	/* 0.1 */
static int bytes_ready;

static void	bytes_init(void);

/*
 * Violations wait in a temporary file until the table is written (they
 * grow with messages; memory stays with members and groups); violators
 * are counted as they come: per user, an entry for "*" and one for the
 * group being read (vr_star, vr_grp: index + 1 in vrs).
 */
static FILE *vspill;
static struct vr *vrs;
static size_t nvrs, capvrs;
static uint32_t *vr_star, *vr_grp, *vr_grpof;
static size_t nvrusers;
static struct member *mems;
static size_t nmems;
static struct ring *rings;	/* by user */
static long long *ringts;	/* flood_n times a user */
static size_t nrings;
static struct gday *gdays;
static size_t ngdays;
static struct exitrow *exits;
static size_t nexits, capexits;

static void
adword(void *arg, const char *path, unsigned long long line, char *s)
{
	(void)arg, (void)path, (void)line;
	adwords = qp_xrealloc(adwords, nadwords + 1, sizeof *adwords);
	adwords[nadwords++] = qp_xstrdup(s);
}

void
rl_opt_adwords(const char *path)
{
	side_lines(path, "--ad-words", adword, NULL);
}

void
rl_opt_flood(const char *spec)
{
	long long n, s;
	char *comma = strchr(spec, ','), buf[64];

	if (comma == NULL || (size_t)(comma - spec) >= sizeof buf)
		qp_usage_error("--flood: want N,SECONDS (8,60), not '%s'", spec);
	memcpy(buf, spec, (size_t)(comma - spec));
	buf[comma - spec] = '\0';
	if (qp_parse_ll(buf, 2, NFLOOD, &n) == -1 ||
	    (qp_parse_ll(comma + 1, 1, 86400 * 366, &s) == -1 &&
	    qp_parse_duration(comma + 1, &s) == -1) || s <= 0)
		qp_usage_error("--flood: want N,SECONDS with N from 2 to %d "
		    "(8,60 or 8,1m), not '%s'", NFLOOD, spec);
	flood_n = (unsigned)n;
	flood_s = s;
}

void
rl_opt_spam_groups(long long n)
{
	spam_groups = (unsigned)n;
}

void
rl_opt_strikes(long long n)
{
	strikes = (unsigned)n;
}

void
rl_opt_ad_share(const char *s)
{
	/* A decimal from 0 to 1 with up to 4 places, kept as a fraction. */
	unsigned long long num = 0, den = 1;
	const char *p = s;

	if (*p == '0' || *p == '1')
		num = (unsigned long long)(*p++ - '0');
	else
		goto bad;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && den < 10000; p++) {
			num = num * 10 + (unsigned long long)(*p - '0');
			den *= 10;
		}
	if (*p != '\0' || num > den || num == 0)
		goto bad;
	share_num = num;
	share_den = den;
	return;
bad:
	qp_usage_error("--ad-share: want a share above 0, up to 1 with at "
	    "most 4 decimals (0.1), not '%s'", s);
}

void
rl_header(const struct qp_in *in)
{
	c_text = qp_in_col(in, "text");
	c_media = qp_in_col(in, "media");
	c_msg = qp_in_col(in, "msg_id");
	if (!bytes_ready) {
		bytes_init();
		bytes_ready = 1;
	}
}

static const char *
field(const struct qp_row *r, int c, size_t *len)
{
	if (c < 0 || (size_t)c >= r->n) {
		*len = 0;
		return "";
	}
	*len = r->f[c].len;
	return r->f[c].s;
}

static int
has(const char *s, size_t n, const char *w)
{
	return memmem(s, n, w, strlen(w)) != NULL;
}

/* Whether s holds http:// or https://: one search for ://, not two. */
static int
has_url(const char *s, size_t n)
{
	const char *p = s, *e = s + n, *q;

	while ((q = memmem(p, (size_t)(e - p), "://", 3)) != NULL) {
		if ((q - s >= 4 && memcmp(q - 4, "http", 4) == 0) ||
		    (q - s >= 5 && memcmp(q - 5, "https", 5) == 0))
			return 1;
		p = q + 3;
	}
	return 0;
}

/*
 * What one pass over a text finds, so that the searches run only where
 * they may match (most texts have none of these bytes): its code points,
 * its longest run of digits (no phone number without 8), and which of
 * ':' (of ://), 'w' (of www.), '[' (each placeholder starts with it), 信
 * (微信, V信, 威信: its first byte) or vx/wx it holds.
 */
enum { B_DIGIT = 1, B_COLON = 2, B_W = 4, B_BRACKET = 8, B_XIN = 16,
    B_X = 32, B_VW = 64, B_VX = 128 };

static unsigned char bytes[256];

struct look {
	size_t		 cp, digits;
	unsigned	 seen;
};

static void
bytes_init(void)
{
	int c;

	for (c = '0'; c <= '9'; c++)
		bytes[c] = B_DIGIT;
	bytes[':'] = B_COLON;
	bytes['['] = B_BRACKET;
	bytes[0xe4] = B_XIN;	/* 信 is e4 bf a1 */
	bytes['x'] = bytes['X'] = B_X;
	bytes['v'] = bytes['V'] = B_VW;
	bytes['w'] = B_W | B_VW;
	bytes['W'] = B_VW;
}

static void
look(struct look *l, const char *s, size_t n)
{
	size_t i, run = 0;
	unsigned f, prev = 0;

	memset(l, 0, sizeof *l);
	for (i = 0; i < n; i++) {
		f = bytes[(unsigned char)s[i]];
		l->cp += ((unsigned char)s[i] & 0xc0) != 0x80;
		l->seen |= f;
		if (f & B_DIGIT) {
			if (++run > l->digits)
				l->digits = run;
		} else
			run = 0;
		if ((f & B_X) && (prev & B_VW))
			l->seen |= B_VX;
		prev = f;
	}
}

/* The message's first content kind, or -1. */
static int
content_kind(const char *media, size_t mlen, const char *t, size_t n,
    const struct look *l)
{
	size_t i;

	if ((mlen == 4 && memcmp(media, "link", 4) == 0) ||
	    ((l->seen & B_COLON) && has_url(t, n)) ||
	    ((l->seen & B_W) && has(t, n, "www.")))
		return V_LINK;
	if ((l->seen & B_BRACKET) && (has(t, n, "[二维码]") ||
	    has(t, n, "[QR code]") || has(t, n, "[QR Code]") ||
	    has(t, n, "[qrcode]")))
		return V_QRCODE;
	/* The patterns only where a cheap look says they may match. */
	if (l->digits >= 8 && qp_text_phone(t, n))
		return V_PHONE;
	if (((l->seen & B_VX) || ((l->seen & B_XIN) && has(t, n, "信"))) &&
	    qp_text_wechat(t, n))
		return V_WECHAT;
	for (i = 0; i < nadwords; i++)
		if (has(t, n, adwords[i]))
			return V_ADWORD;
	return -1;
}

static uint32_t *
gday_at(uint32_t **v, struct gday *g, long long day)
{
	if (g->n == 0) {
		g->base = day;
		g->n = 1;
		g->msgs = qp_xcalloc(1, sizeof *g->msgs);
		g->viol = qp_xcalloc(1, sizeof *g->viol);
	}
	if (day < g->base) {
		size_t add = (size_t)(g->base - day);

		g->msgs = qp_xrealloc(g->msgs, g->n + add, sizeof *g->msgs);
		g->viol = qp_xrealloc(g->viol, g->n + add, sizeof *g->viol);
		memmove(g->msgs + add, g->msgs, g->n * sizeof *g->msgs);
		memmove(g->viol + add, g->viol, g->n * sizeof *g->viol);
		memset(g->msgs, 0, add * sizeof *g->msgs);
		memset(g->viol, 0, add * sizeof *g->viol);
		g->n += add;
		g->base = day;
	}
	if ((size_t)(day - g->base) >= g->n) {
		size_t n = (size_t)(day - g->base) + 1;

		g->msgs = qp_xrealloc(g->msgs, n, sizeof *g->msgs);
		g->viol = qp_xrealloc(g->viol, n, sizeof *g->viol);
		memset(g->msgs + g->n, 0, (n - g->n) * sizeof *g->msgs);
		memset(g->viol + g->n, 0, (n - g->n) * sizeof *g->viol);
		g->n = n;
	}
	return &(*v == NULL ? g->msgs : *v)[day - g->base];
}

/* One more violation of user's in scope: *slot is its entry + 1, or 0. */
static void
vr_add(uint32_t *slot, uint32_t scope, uint32_t user, long long ts)
{
	struct vr *e;

	if (*slot == 0) {
		if (nvrs == capvrs) {
			capvrs = capvrs ? capvrs * 2 : 64;
			vrs = qp_xrealloc(vrs, capvrs, sizeof *vrs);
		}
		e = &vrs[nvrs++];
		e->scope = scope;
		e->user = user;
		e->n = 0;
		e->last = ts;
		e->removed = NODAY;
		*slot = (uint32_t)nvrs;
	} else
		e = &vrs[*slot - 1];
	e->n++;
	if (ts > e->last)
		e->last = ts;
}

static void
spill_fail(void)
{
	qp_die("%s: a temporary file of violations: %s", qp_tmpdir(),
	    strerror(errno));
}

static void
violation(uint32_t group, uint32_t user, long long ts, int kind,
    const char *msg, size_t msglen)
{
	struct viol v;
	int fd;

	if (vspill == NULL && ((fd = qp_tmpfd("qp-cohort")) == -1 ||
	    (vspill = fdopen(fd, "w+")) == NULL))
		spill_fail();
	memset(&v, 0, sizeof v);
	v.group = group;
	v.user = user;
	v.ts = ts;
	v.kind = (uint32_t)kind;
	v.msglen = (uint32_t)msglen;
	if (fwrite(&v, sizeof v, 1, vspill) != 1 ||
	    fwrite(msg, 1, msglen, vspill) != msglen)
		spill_fail();
	if (user >= nvrusers) {
		size_t n = nvrusers ? nvrusers : 1024;

		while (n <= user)
			n *= 2;
		vr_star = qp_xrealloc(vr_star, n, sizeof *vr_star);
		vr_grp = qp_xrealloc(vr_grp, n, sizeof *vr_grp);
		vr_grpof = qp_xrealloc(vr_grpof, n, sizeof *vr_grpof);
		memset(vr_star + nvrusers, 0, (n - nvrusers) * sizeof *vr_star);
		memset(vr_grpof + nvrusers, 0,
		    (n - nvrusers) * sizeof *vr_grpof);
		nvrusers = n;
	}
	vr_add(&vr_star[user], UINT32_MAX, user, ts);
	if (vr_grpof[user] != group + 1) {	/* a group read before */
		vr_grpof[user] = group + 1;
		vr_grp[user] = 0;
	}
	vr_add(&vr_grp[user], group, user, ts);
}

void
rl_message(const struct qp_in *in, uint32_t group, uint32_t user,
    long long ts, long long day)
{
	const struct qp_row *row = qp_in_row(in);
	const char *t, *media, *msg;
	size_t n, mlen, msglen, i;
	int kind;
	struct ring *rg;
	long long *rts;
	struct gday *g;
	uint32_t *nil = NULL;
	struct look lk;

	t = field(row, c_text, &n);
	media = field(row, c_media, &mlen);
	msg = field(row, c_msg, &msglen);
	while (group >= ngdays) {
		gdays = qp_xrealloc(gdays, ngdays + 1, sizeof *gdays);
		memset(&gdays[ngdays++], 0, sizeof *gdays);
	}
	g = &gdays[group];
	(*gday_at(&nil, g, day))++;
	look(&lk, t, n);
	kind = content_kind(media, mlen, t, n, &lk);
	/* flooding: the Nth message within S seconds */
	if (user >= nrings) {
		size_t m = nrings ? nrings : 256;

		while (m <= user)
			m *= 2;
		rings = qp_xrealloc(rings, m, sizeof *rings);
		ringts = qp_xrealloc(ringts, m, flood_n * sizeof *ringts);
		memset(rings + nrings, 0, (m - nrings) * sizeof *rings);
		nrings = m;
	}
	rg = &rings[user];
	if (rg->group != group + 1) {	/* a group of theirs not yet seen */
		rg->group = group + 1;
		rg->n = rg->head = 0;
	}
	rts = ringts + (size_t)user * flood_n;
	rts[(rg->head + rg->n) % flood_n] = ts;
	if (rg->n < flood_n)
		rg->n++;
	else
		rg->head = (rg->head + 1) % flood_n;
	if (rg->n == flood_n && ts - rts[rg->head] <= flood_s) {
		if (kind < 0)
			kind = V_FLOOD;
		rg->n = 0;
		rg->head = 0;
	}
	/* the same text in other groups within 24 hours */
	if (user >= nmems) {
		size_t m = nmems ? nmems : 256;

		while (m <= user)
			m *= 2;
		mems = qp_xrealloc(mems, m, sizeof *mems);
		memset(mems + nmems, 0, (m - nmems) * sizeof *mems);
		nmems = m;
	}
	if (lk.cp >= XMIN) {
		struct member *mb = &mems[user];
		/* qp_hash_parts() of the one part, without its copy */
		uint64_t h = qp_hash(t, strlen(t)) ^ n;
		struct xs *x = NULL;

		for (i = 0; i < XSLOTS; i++)
			if (mb->x[i].ngroups > 0 && mb->x[i].hash == h &&
			    (ts - mb->x[i].ts <= 86400 &&
			    mb->x[i].ts - ts <= 86400))
				x = &mb->x[i];
		if (x == NULL) {
			x = &mb->x[mb->next++ % XSLOTS];
			x->hash = h;
			x->ts = ts;
			x->group = group;
			x->ngroups = 1;
		} else if (x->group != group) {
			x->group = group;
			x->ngroups++;
			if (x->ngroups >= spam_groups && kind < 0)
				kind = V_CROSSPOST;
		}
	}
	if (kind < 0)
		return;
	g->viol[day - g->base]++;
	violation(group, user, ts, kind, msg, msglen);
}

void
rl_exit(uint32_t group, uint32_t user, long long start, int by_join,
    long long ts, int removed)
{
	if (nexits == capexits) {
		capexits = capexits ? capexits * 2 : 64;
		exits = qp_xrealloc(exits, capexits, sizeof *exits);
	}
	exits[nexits].group = group;
	exits[nexits].user = user;
	exits[nexits].start = start;
	exits[nexits].ts = ts;
	exits[nexits].by_join = by_join;
	exits[nexits].removed = removed;
	exits[nexits].rejoined = 0;
	nexits++;
}

void
rl_rejoin(uint32_t group, uint32_t user)
{
	size_t i;

	for (i = nexits; i-- > 0 && exits[i].group == group; )
		if (exits[i].user == user) {
			exits[i].rejoined = 1;
			return;
		}
}



/* 领完就退: left of one's own accord within 3 days of joining. */
static int
quick(const struct exitrow *e)
{
	return e->by_join && !e->removed && e->ts - e->start <= QUICK;
}

static char *
fmt_ts(char *buf, long long ts, const struct qp_tz *tz)
{
	if (ts == NODAY) {
		buf[0] = '\0';
		return buf;
	}
	qp_time_format(buf, ts, qp_tz_offset(tz, ts));
	return buf;
}

static int
vr_cmp(const void *a, const void *b)
{
	const struct vr *x = a, *y = b;

	if (x->scope != y->scope)	/* "*" (UINT32_MAX) first */
		return x->scope == UINT32_MAX ? -1 : y->scope == UINT32_MAX ?
		    1 : x->scope < y->scope ? -1 : 1;
	return x->user < y->user ? -1 : x->user > y->user;
}

static int
vr_user_cmp(const struct qp_strmap *uids, const struct vr *x,
    const struct vr *y)
{
	return strcmp(qp_strmap_str(uids, x->user),
	    qp_strmap_str(uids, y->user));
}

static const struct qp_strmap *sort_uids;

static int
vr_out_cmp(const void *a, const void *b)
{
	const struct vr *x = a, *y = b;
	int c = vr_cmp(a, b);

	if (x->scope != y->scope)
		return c;
	return vr_user_cmp(sort_uids, x, y);
}

/* The removals, by user and time: where a violator's are looked up. */
static int
rm_cmp(const void *a, const void *b)
{
	const struct exitrow *x = *(const struct exitrow *const *)a,
	    *y = *(const struct exitrow *const *)b;

	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x < y ? -1 : x > y;
}

static const struct exitrow **
removals(size_t *n)
{
	const struct exitrow **rm = qp_xcalloc(nexits + 1, sizeof *rm);
	size_t i;

	for (i = *n = 0; i < nexits; i++)
		if (exits[i].removed)
			rm[(*n)++] = &exits[i];
	qsort(rm, *n, sizeof *rm, rm_cmp);
	return rm;
}

/*
 * The first removal of s's user from its scope at or after their last
 * violation, or NODAY: a search in the removals, not a scan of every
 * exit for each violator (that cost violators x exits).
 */
static long long
removal(const struct exitrow *const *rm, size_t n, const struct vr *s)
{
	size_t lo = 0, hi = n, i;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rm[mid]->user < s->user || (rm[mid]->user == s->user &&
		    rm[mid]->ts < s->last))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < n && rm[i]->user == s->user; i++)
		if (s->scope == UINT32_MAX || rm[i]->group == s->scope)
			return rm[i]->ts;
	return NODAY;
}

/* A group's exits, left, removed, quick exits and rejoins. */
struct exitcount {
	unsigned long long c[5];
};

/* Every group's, in one pass over the exits (not one pass a group). */
static struct exitcount *
exit_counts(size_t ngroups)
{
	struct exitcount *e = qp_xcalloc(ngroups + 1, sizeof *e);
	size_t i;

	for (i = 0; i < nexits; i++) {
		unsigned long long *c;

		if (exits[i].group >= ngroups)
			continue;
		c = e[exits[i].group].c;
		c[0]++;
		c[exits[i].removed ? 2 : 1]++;
		c[3] += quick(&exits[i]);
		c[4] += exits[i].rejoined;
	}
	return e;
}

void
rl_write(struct qp_out *out, const char *const *gids, size_t ngroups,
    const struct qp_strmap *uids, long long E, const struct qp_tz *tz)
{
	static const char *const vcols[] = { "group_id", "user_id", "ts",
	    "kind", "msg_id" };
	static const char *const pcols[] = { "group_id", "user_id",
	    "violations", "last_violation", "removed", "out" };
	static const char *const rcols[] = { "group_id", "messages_7d",
	    "violations_7d", "violation_share_7d", "ad_group", "exits", "left",
	    "removed", "quick_exits", "rejoins" };
	static const char *const ecols[] = { "group_id", "user_id", "joined",
	    "left", "how", "quick_exit", "rejoined" };
	char b[10][40];
	const char *v[10];
	struct vr *vr;
	const struct exitrow **rm;
	struct exitcount *ge;
	size_t i, j, k, nvr = 0, nrm;

	qp_out_xtable(out, "violations", vcols, 5);
	if (vspill != NULL) {
		struct viol x;
		char *msg = NULL;
		size_t cap = 0;

		if (fflush(vspill) == EOF)
			spill_fail();
		rewind(vspill);
		while (fread(&x, sizeof x, 1, vspill) == 1) {
			if (x.msglen + 1 > cap)
				msg = qp_xrealloc(msg, cap = x.msglen + 1, 1);
			if (fread(msg, 1, x.msglen, vspill) != x.msglen)
				qp_die("%s: a temporary file of violations: cut "
				    "short", qp_tmpdir());
			msg[x.msglen] = '\0';
			v[0] = gids[x.group];
			v[1] = qp_strmap_str(uids, x.user);
			v[2] = fmt_ts(b[0], x.ts, tz);
			v[3] = kind_names[x.kind];
			v[4] = msg;
			qp_out_xrow(out, v, 5);
		}
		if (ferror(vspill) || !feof(vspill))
			spill_fail();
		free(msg);
	}
	/* Violators per group and for "*", with a removal after the last
	 * (a group read twice has two entries: merged here). */
	vr = vrs;
	nvr = nvrs;
	if (nvr > 0)
		qsort(vr, nvr, sizeof *vr, vr_cmp);
	rm = removals(&nrm);
	for (i = k = 0; i < nvr; i = j) {
		struct vr s = vr[i];

		for (j = i + 1; j < nvr && vr[j].scope == s.scope &&
		    vr[j].user == s.user; j++) {
			s.n += vr[j].n;
			if (vr[j].last > s.last)
				s.last = vr[j].last;
		}
		s.removed = removal(rm, nrm, &s);
		vr[k++] = s;
	}
	nvr = k;
	sort_uids = uids;
	if (nvr > 0)	/* vr is NULL without violations */
		qsort(vr, nvr, sizeof *vr, vr_out_cmp);
	qp_out_xtable(out, "violators", pcols, 6);
	for (i = 0; i < nvr; i++) {
		v[0] = vr[i].scope == UINT32_MAX ? "*" : gids[vr[i].scope];
		v[1] = qp_strmap_str(uids, vr[i].user);
		snprintf(b[0], sizeof b[0], "%llu", vr[i].n);
		v[2] = b[0];
		v[3] = fmt_ts(b[1], vr[i].last, tz);
		v[4] = fmt_ts(b[2], vr[i].removed, tz);
		v[5] = vr[i].n >= strikes ? "1" : "0";
		qp_out_xrow(out, v, 6);
	}
	free(vrs);
	vrs = NULL;
	nvrs = capvrs = 0;
	free(rm);
	/* Per group: the last 7 days (E-6..E) and the exits. */
	ge = exit_counts(ngroups);
	qp_out_xtable(out, "rules", rcols, 10);
	for (k = 0; k <= ngroups; k++) {
		unsigned long long m = 0, vi = 0, e[5] = { 0 };
		size_t g = k - 1;
		long long d;

		if (k > 0) {
			if (g < ngdays && gdays[g].n > 0)
				for (d = E - 6; d <= E; d++)
					if (d >= gdays[g].base && d <
					    gdays[g].base + (long long)gdays[g].n) {
						m += gdays[g].msgs[d - gdays[g].base];
						vi += gdays[g].viol[d - gdays[g].base];
					}
			memcpy(e, ge[g].c, sizeof e);
		}
		if (k == 0)
			continue;
		if (k == 1) {	/* "*" first: the sums, known after a pass */
			unsigned long long sm = 0, sv = 0, se[5] = { 0 };
			size_t gg;

			for (gg = 0; gg < ngroups; gg++) {
				if (gg < ngdays && gdays[gg].n > 0)
					for (d = E - 6; d <= E; d++)
						if (d >= gdays[gg].base && d <
						    gdays[gg].base +
						    (long long)gdays[gg].n) {
							sm += gdays[gg].msgs[d -
							    gdays[gg].base];
							sv += gdays[gg].viol[d -
							    gdays[gg].base];
						}
			}
			for (i = 0; i < nexits; i++) {
				se[0]++;
				se[exits[i].removed ? 2 : 1]++;
				se[3] += quick(&exits[i]);
				se[4] += exits[i].rejoined;
			}
			v[0] = "*";
			snprintf(b[0], sizeof b[0], "%llu", sm);
			snprintf(b[1], sizeof b[1], "%llu", sv);
			v[1] = b[0];
			v[2] = b[1];
			v[3] = qp_csv_rate(b[2], sv, sm);
			v[4] = sm > 0 && sv * share_den >= share_num * sm ? "1" :
			    "0";
			for (i = 0; i < 5; i++) {
				snprintf(b[3 + i], sizeof b[3 + i], "%llu", se[i]);
				v[5 + i] = b[3 + i];
			}
			qp_out_xrow(out, v, 10);
		}
		v[0] = gids[g];
		snprintf(b[0], sizeof b[0], "%llu", m);
		snprintf(b[1], sizeof b[1], "%llu", vi);
		v[1] = b[0];
		v[2] = b[1];
		v[3] = qp_csv_rate(b[2], vi, m);
		v[4] = m > 0 && vi * share_den >= share_num * m ? "1" : "0";
		for (i = 0; i < 5; i++) {
			snprintf(b[3 + i], sizeof b[3 + i], "%llu", e[i]);
			v[5 + i] = b[3 + i];
		}
		qp_out_xrow(out, v, 10);
	}
	free(ge);
	/* Every exit, in stream order. */
	qp_out_xtable(out, "exits", ecols, 7);
	for (i = 0; i < nexits; i++) {
		char j1[16], j2[16];

		qp_day_format(j1, qp_tz_day(tz, exits[i].start));
		qp_day_format(j2, qp_tz_day(tz, exits[i].ts));
		v[0] = gids[exits[i].group];
		v[1] = qp_strmap_str(uids, exits[i].user);
		v[2] = exits[i].by_join ? j1 : "";
		v[3] = j2;
		v[4] = exits[i].removed ? "remove" : "leave";
		v[5] = quick(&exits[i]) ? "1" : "0";
		v[6] = exits[i].rejoined ? "1" : "0";
		qp_out_xrow(out, v, 7);
	}
}

void
rl_free(void)
{
	size_t i;

	if (vspill != NULL)
		fclose(vspill);
	free(vrs);
	free(vr_star);
	free(vr_grp);
	free(vr_grpof);
	for (i = 0; i < ngdays; i++) {
		free(gdays[i].msgs);
		free(gdays[i].viol);
	}
	free(gdays);
	free(mems);
	free(rings);
	free(ringts);
	free(exits);
	for (i = 0; i < nadwords; i++)
		free(adwords[i]);
	free(adwords);
}
