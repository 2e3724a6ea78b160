/*
 * What the report holds: the stream's tables kept in memory (every field
 * a string), what the events table gives as it streams by (group names,
 * messages by hour, messages per member in the period), and the period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "report.h"

/* Sort row numbers by a numeric column, descending; ties keep table order. */
static const struct tab *sort_tab;
static int sort_col;

/* "YYYY-MM-DD" to a day, or NODAY. */
long long
parse_day(const char *s)
{
	long long day;

	return qp_day_parse(s, &day) == 0 ? day : NODAY;
}

/* The Monday of "YYYY-Www", or NODAY. */
long long
parse_week(const char *s)
{
	int y, n = 0;
	unsigned w;
	long long jan4, mon;

	if (sscanf(s, "%4d-W%2u%n", &y, &w, &n) != 2 || s[n] != '\0' || w < 1 ||
	    w > 53)
		return NODAY;
	jan4 = qp_days_from_civil(y, 1, 4);
	mon = jan4 - (qp_day_wday(jan4) - 1);
	return mon + 7LL * (w - 1);
}

struct tab *
tab_find(struct report *rp, const char *name)
{
	struct tab *t;

	for (t = rp->tabs; t != NULL; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

static const struct tab *sort_tab;	/* for by_scope() */
static int sort_col;

static int
by_scope(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(at(sort_tab, x, sort_col),
	    at(sort_tab, y, sort_col));

	return c != 0 ? c : (x > y) - (x < y);
}

struct scope_it
scope_begin(const struct tab *ct, int c, const char *g)
{
	struct tab *t = (struct tab *)ct;	/* the index is a cache */
	struct scope_it it = { NULL, 0, 0 };
	size_t lo, hi, mid, i, *x;
	int k;

	if (t == NULL || c < 0 || t->nrows == 0)
		return it;
	for (k = 0; k < t->nsidx && t->scol[k] != c; k++)
		;
	if (k == t->nsidx) {
		if (k == 4) {		/* tables are read by 1 or 2 columns */
			free(t->sidx[3]);
			k = 3;
		} else
			t->nsidx++;
		t->sidx[k] = qp_xcalloc(t->nrows, sizeof *t->sidx[k]);
		for (i = 0; i < t->nrows; i++)
			t->sidx[k][i] = i;
		t->scol[k] = c;
		sort_tab = t, sort_col = c;
		/* Tables come group by group: most need no sorting. */
		for (i = 1; i < t->nrows && by_scope(&t->sidx[k][i - 1],
		    &t->sidx[k][i]) < 0; i++)
			;
		if (i < t->nrows)
			qsort(t->sidx[k], t->nrows, sizeof *t->sidx[k],
			    by_scope);
	}
	x = t->sidx[k];
	for (lo = 0, hi = t->nrows; lo < hi; ) {	/* the first >= g */
		mid = lo + (hi - lo) / 2;
		if (strcmp(at(t, x[mid], c), g) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	it.x = x;
	it.at = it.end = lo;
	while (it.end < t->nrows && strcmp(at(t, x[it.end], c), g) == 0)
		it.end++;
	return it;
}

int
scope_next(struct scope_it *it, size_t *i)
{
	if (it->at >= it->end)
		return 0;
	*i = it->x[it->at++];
	return 1;
}

int
col(const struct tab *t, const char *name)
{
	size_t i;

	if (t == NULL)
		return -1;
	for (i = 0; i < t->ncol; i++)
		if (strcmp(t->hdr[i], name) == 0)
			return (int)i;
	return -1;
}

/* A field of row r, "" when the table or column is missing. */
const char *
cell(const struct tab *t, size_t r, int c)
{
	return t == NULL || c < 0 ? "" : at(t, r, c);
}

double
num(const char *s)
{
	return *s ? strtod(s, NULL) : 0;
}

/* Room for n bytes (4-aligned) in t's blocks. */
static unsigned char *
tab_alloc(struct tab *t, size_t n)
{
	void **b;

	n = (n + 3) & ~(size_t)3;
	if (t->blk == NULL || t->blksize - t->blkused < n) {
		t->blksize = n > (4u << 20) - 64 ? n : (4u << 20) - 64;
		b = qp_xrealloc(NULL, 1, sizeof *b + t->blksize);
		*b = t->blocks;		/* the previous block */
		t->blocks = b;
		t->blk = (unsigned char *)(b + 1);
		t->blkused = 0;
	}
	t->blkused += n;
	return t->blk + t->blkused - n;
}

/* A row of 64 KB or more came: every row so far again, in 32-bit offsets. */
static void
widen(struct tab *t)
{
	size_t r, c, len;
	unsigned char *b;
	unsigned *o;

	t->wide = 1;
	for (r = 0; r < t->nrows; r++) {
		const unsigned short *old = (const void *)t->rows[r];
		const char *f = (const char *)(old + t->ncol);

		len = old[t->ncol - 1] + strlen(f + old[t->ncol - 1]) + 1;
		b = tab_alloc(t, t->ncol * 4 + len);
		o = (void *)b;
		for (c = 0; c < t->ncol; c++)
			o[c] = old[c];
		memcpy(b + t->ncol * 4, f, len);
		t->rows[r] = b;
	}
}

void
store_row(struct tab *t, const struct qp_row *r)
{
	size_t i, len = 0, w;
	unsigned char *b, *p;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->rows = qp_xrealloc(t->rows, t->cap, sizeof *t->rows);
	}
	for (i = 0; i < t->ncol; i++)
		len += r->f[i].len + 1;
	if (!t->wide && len > 0xffff)
		widen(t);
	w = t->wide ? 4 : 2;
	b = tab_alloc(t, t->ncol * w + len);
	p = b + t->ncol * w;
	for (i = 0, len = 0; i < t->ncol; i++) {
		if (t->wide)
			((unsigned *)(void *)b)[i] = (unsigned)len;
		else
			((unsigned short *)(void *)b)[i] = (unsigned short)len;
		memcpy(p + len, r->f[i].s, r->f[i].len + 1);
		len += r->f[i].len + 1;
	}
	t->rows[t->nrows++] = b;
}

/* Row r's fields, until the next row_at() of t. */
const char *const *
row_at(const struct tab *ct, size_t r)
{
	struct tab *t = (struct tab *)ct;	/* a cache, as the index */
	size_t c;

	if (t->row == NULL)
		t->row = qp_xcalloc(t->ncol ? t->ncol : 1, sizeof *t->row);
	for (c = 0; c < t->ncol; c++)
		t->row[c] = at(t, r, (int)c);
	return t->row;
}

void
tab_free(struct tab *t)
{
	void *b, *next;
	size_t i;

	for (b = t->blocks; b != NULL; b = next) {
		next = *(void **)b;
		free(b);
	}
	for (i = 0; i < t->ncol; i++)
		free(t->hdr[i]);
	for (i = 0; i < (size_t)t->nsidx; i++)
		free(t->sidx[i]);
	free(t->hdr);
	free(t->rows);
	free(t->row);
	free(t->name);
	free(t);
}

struct keyed {
	double		 v;
	size_t		 row;
};

static int
by_num_desc(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

void
sort_rows(const struct tab *t, int c, size_t *idx, size_t n)
{
	struct keyed *k;
	size_t i;

	if (n == 0)	/* idx may be NULL then */
		return;
	/* Each row's number read once, not at each comparison. */
	k = qp_xcalloc(n, sizeof *k);
	for (i = 0; i < n; i++) {
		k[i].v = num(at(t, idx[i], c));
		k[i].row = idx[i];
	}
	qsort(k, n, sizeof *k, by_num_desc);
	for (i = 0; i < n; i++)
		idx[i] = k[i].row;
	free(k);
}

int
in_period(struct report *rp, long long day)
{
	return day != NODAY && (rp->from == NODAY || day >= rp->from) &&
	    (rp->to == NODAY || day <= rp->to);
}

int
month_in_period(struct report *rp, const char *m)
{
	char d[16];
	long long first;
	int y;
	unsigned mo, dd;

	snprintf(d, sizeof d, "%.7s-01", m);
	if ((first = parse_day(d)) == NODAY)
		return 0;
	qp_civil_from_days(first, &y, &mo, &dd);
	return (rp->to == NODAY || first <= rp->to) && (rp->from == NODAY ||
	    qp_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1,
	    1) - 1 >= rp->from);
}

int
week_in_period(struct report *rp, const char *label)
{
	long long mon = parse_week(label);

	return mon != NODAY && (rp->from == NODAY || mon + 6 >= rp->from) &&
	    (rp->to == NODAY || mon <= rp->to);
}

void
events_row(struct report *rp, const struct qp_row *r, const int *c)
{
	const char *gid = c[1] >= 0 ? r->f[c[1]].s : "";
	long long t, day;
	int off;

	if (*gid && (rp->ngnames == 0 || strcmp(rp->gnames[rp->ngnames - 1].id,
	    gid) != 0)) {
		if (rp->ngnames == rp->capgnames) {
			rp->capgnames = rp->capgnames ? rp->capgnames * 2 : 16;
			rp->gnames = qp_xrealloc(rp->gnames, rp->capgnames,
			    sizeof *rp->gnames);
		}
		rp->gnames[rp->ngnames].id = qp_xstrdup(gid);
		rp->gnames[rp->ngnames].name = qp_xstrdup(c[2] >= 0 ?
		    r->f[c[2]].s : "");
		rp->gnames[rp->ngnames].platform = qp_xstrdup(c[3] >= 0 ?
		    r->f[c[3]].s : "");
		rp->ngnames++;
	}
	if (c[5] < 0 || strcmp(r->f[c[5]].s, "message") != 0 ||
	    qp_time_parse(r->f[c[0]].s, r->f[c[0]].len, &t, &off) == -1)
		return;
	day = qp_tz_day(rp->tz, t);
	if ((rp->from != NODAY && day < rp->from) || (rp->to != NODAY &&
	    day > rp->to))
		return;
	{
		long long lt = t + qp_tz_offset(rp->tz, t);

		rp->hours[qp_day_wday(day) - 1][qp_fdiv(lt, 3600) - qp_fdiv(lt,
		    86400) * 24]++;
	}
	if (c[4] >= 0 && r->f[c[4]].len > 0) {
		long u = qp_strmap_add(rp->speakers, r->f[c[4]].s,
		    r->f[c[4]].len);

		if (u < 0)
			qp_die("out of memory");
		if ((size_t)u >= rp->capspoke) {
			size_t n = rp->capspoke ? rp->capspoke * 2 : 1024;

			rp->spoke = qp_xrealloc(rp->spoke, n,
			    sizeof *rp->spoke);
			memset(rp->spoke + rp->capspoke, 0,
			    (n - rp->capspoke) * sizeof *rp->spoke);
			rp->capspoke = n;
		}
		rp->spoke[u]++;
	}
}

/* The number of id in m, a new one (the count before) if it had none. */
size_t
id_slot(struct qp_strmap *m, const char *id)
{
	long k = qp_strmap_add(m, id, strlen(id));

	if (k < 0)
		qp_die("out of memory");
	return (size_t)k;
}

const struct gname *
group_find(struct report *rp, const char *id)
{
	long k;

	/* an index of the ids, the first of each (a scan per call cost
	 * groups x rows in tables of 2,000 groups) */
	if (rp->gmap == NULL)
		rp->gmap = qp_strmap_new();
	for (; rp->gmapped < rp->ngnames; rp->gmapped++) {
		size_t n = qp_strmap_count(rp->gmap);

		if ((k = qp_strmap_add(rp->gmap, rp->gnames[rp->gmapped].id,
		    strlen(rp->gnames[rp->gmapped].id))) < 0)
			qp_die("out of memory");
		if ((size_t)k == n) {
			rp->gpos = qp_xrealloc(rp->gpos, n + 1, sizeof *rp->gpos);
			rp->gpos[n] = rp->gmapped;
		}
	}
	k = qp_strmap_find(rp->gmap, id, strlen(id));
	return k < 0 ? NULL : &rp->gnames[rp->gpos[k]];
}

const char *
group_label(struct report *rp, const char *id)
{
	const struct gname *g = group_find(rp, id);

	if (strcmp(id, "*") == 0)
		return _("all groups");
	return g != NULL && *g->name ? g->name : id;
}

const char *
member_name(const struct tab *m, size_t r)
{
	const char *n = at(m, r, col(m, "user"));

	return *n ? n : at(m, r, col(m, "user_id"));
}

/*
 * The value of option opt (as "--opt value" or "--opt=value") on the last
 * stage line of program prog in the stream, or NULL.
 */
const char *
stage_opt(const struct qp_in *in, const char *prog, const char *opt)
{
	const struct qp_row *r;
	const char *v = NULL;
	size_t i, j, n = strlen(opt);

	for (i = 0; i < qp_in_nstages(in); i++) {
		r = qp_in_stage(in, i);
		if (r->n < 4 || strcmp(r->f[2].s, prog) != 0)
			continue;
		v = NULL;
		for (j = 4; j < r->n; j++)
			if (strcmp(r->f[j].s, opt) == 0 && j + 1 < r->n)
				v = r->f[++j].s;
			else if (strncmp(r->f[j].s, opt, n) == 0 &&
			    r->f[j].s[n] == '=')
				v = r->f[j].s + n + 1;
	}
	return v;
}

/* A group type of the groups file (its first n bytes of s) in the
 * report's language, or NULL for none of them. */
const char *
group_type_name(const char *s, size_t n)
{
	static const char *const t[][2] = {
		{ "lead", N_("lead group (引流群)") },
		{ "newcomer", N_("newcomer group (新用户群)") },
		{ "camp", N_("training camp (训练营)") },
		{ "delivery", N_("delivery group (交付群)") },
		{ "fans", N_("fans group (铁粉群)") },
		{ "local", N_("local group (属地群)") },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strlen(t[i][0]) == n && strncmp(t[i][0], s, n) == 0)
			return _(t[i][1]);
	return NULL;
}

/* A tier (members.tier) in the report's language. */
const char *
tier_name(const char *tier)
{
	static const char *const t[] = { N_("VIP"), N_("core"),
	    N_("ordinary") };
	size_t i;

	for (i = 0; i < 3; i++)
		if (strcmp(tier, t[i]) == 0)
			return _(t[i]);
	return tier;
}

/* A retention variant (R16) in the report's language. */
const char *
variant_name(const char *v)
{
	/* TRANSLATORS: D, D+ and M are retention variants: spoke on day
	 * N, spoke on day N or later, still a member on day N. */
	static const char *const t[] = { N_("D"), N_("D+"), N_("M") };
	size_t i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, t[i]) == 0)
			return _(t[i]);
	return v;
}

/* A rate column of daily or weekly as the report names the metric. */
const char *
metric_name(const char *c)
{
	static const char *const t[][2] = {
		{ "speaking_rate", N_("daily speaking rate") },
		{ "participation", N_("weekly participation") },
		{ "core_members", N_("core members a week") },
		{ "rate", N_("activity participation") }	/* activity_weeks */
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(c, t[i][0]) == 0)
			return _(t[i][1]);
	return c;
}
