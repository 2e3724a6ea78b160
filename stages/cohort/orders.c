/*
 * Money: the orders table (per scope, month and currency: payers, new
 * payers, orders, repeat buyers, GMV, 客单价, revenue per payer) and the
 * ltv table (cumulative revenue per member of a join cohort at 30, 90 and
 * 180 days), from the amounts of paid events (METRICS.md R11: a payment
 * without a group counts in every group its payer is a member of, and in
 * "*" once).
 *
 * Amounts are integers of hundredths (qp_money.h); quotients are rounded
 * half up to the hundredth at the end, never summed as floats.  Currencies
 * are never added together: every row has one.  Payments are kept until
 * the end (the members of a group are known only then): memory grows with
 * payments and members, not with messages.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_money.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "orders.h"

#define NODAY	LLONG_MIN

static const long long ltv_days[] = { 30, 90, 180 };
#define NLTV	(sizeof ltv_days / sizeof ltv_days[0])

/* A payment, or its attribution to one scope. */
struct pay {
	uint32_t	 scope;		/* group number, OD_NOGROUP; then scope */
	uint32_t	 user;
	uint32_t	 cur;		/* currency number */
	long long	 day, cents;
};

/* A member of a scope. */
struct mem {
	uint32_t	 scope, user;
	long long	 jday;
};

static int text_col = -1;
static struct pay *pays;
static size_t npays, cappays;
static struct mem *mems;
static size_t nmems, capmems;
static struct qp_strmap *curs;		/* currency codes, "" first */
static unsigned long long unpriced;	/* paid events without an amount */

void
od_header(const struct qp_in *in)
{
	text_col = qp_in_col(in, "text");
}

void
od_pay(const struct qp_in *in, uint32_t group, uint32_t user, long long day)
{
	const struct qp_row *row = qp_in_row(in);
	const char *prod;
	char cur[QP_CUR_LEN];
	size_t plen;
	long long cents;
	long c;

	if (text_col < 0 || qp_payment_parse(row->f[text_col].s,
	    row->f[text_col].len, &cents, cur, &prod, &plen) == -1) {
		unpriced++;
		return;
	}
	if (curs == NULL && ((curs = qp_strmap_new()) == NULL ||
	    qp_strmap_add(curs, "", 0) < 0))
		qp_die("out of memory");
	if ((c = qp_strmap_add(curs, cur, strlen(cur))) < 0)
		qp_die("out of memory");
	if (npays == cappays) {
		cappays = cappays ? cappays * 2 : 256;
		pays = qp_xrealloc(pays, cappays, sizeof *pays);
	}
	pays[npays].scope = group;
	pays[npays].user = user;
	pays[npays].cur = (uint32_t)c;
	pays[npays].day = day;
	pays[npays].cents = cents;
	npays++;
}

void
od_member(uint32_t scope, uint32_t user, long long jday)
{
	if (nmems == capmems) {
		capmems = capmems ? capmems * 2 : 1024;
		mems = qp_xrealloc(mems, capmems, sizeof *mems);
	}
	mems[nmems].scope = scope;
	mems[nmems].user = user;
	mems[nmems].jday = jday;
	nmems++;
}

static int
mem_cmp(const void *a, const void *b)
{
	const struct mem *x = a, *y = b;

	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return x->scope < y->scope ? -1 : x->scope > y->scope;
}

static int
by_scope(const void *a, const void *b)
{
	const struct mem *x = a, *y = b;

	if (x->scope != y->scope)
		return x->scope < y->scope ? -1 : 1;
	return x->user < y->user ? -1 : x->user > y->user;
}

/* Currency numbers in code order ("" first), for rows. */
static int
cur_cmp(const void *a, const void *b)
{
	return strcmp(qp_strmap_str(curs, *(const uint32_t *)a),
	    qp_strmap_str(curs, *(const uint32_t *)b));
}

static int
att_cmp(const void *a, const void *b)
{
	const struct pay *x = a, *y = b;

	if (x->scope != y->scope)
		return x->scope < y->scope ? -1 : 1;
	if (x->cur != y->cur)
		return x->cur < y->cur ? -1 : 1;
	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return x->day < y->day ? -1 : x->day > y->day;
}

/* The scopes each payment counts in: "*", its group or its payer's groups. */
static struct pay *
attribute(size_t *n)
{
	struct pay *a;
	size_t i, k, lo, hi, mid, cap = npays * 2 + 16, m = 0;

	if (nmems > 1)
		qsort(mems, nmems, sizeof *mems, mem_cmp);
	a = qp_xcalloc(cap, sizeof *a);
	for (i = 0; i < npays; i++) {
		struct pay p = pays[i];

		if (m + 1 >= cap) {
			cap *= 2;
			a = qp_xrealloc(a, cap, sizeof *a);
		}
		a[m] = p;
		a[m++].scope = 0;
		if (p.scope != OD_NOGROUP) {
			a[m] = p;
			a[m++].scope = p.scope + 1;
			continue;
		}
		/* R11: every group the payer is a member of. */
		for (lo = 0, hi = nmems; lo < hi; ) {
			mid = lo + (hi - lo) / 2;
			if (mems[mid].user < p.user)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (k = lo; k < nmems && mems[k].user == p.user; k++) {
			if (mems[k].scope == 0)
				continue;
			if (m == cap) {
				cap *= 2;
				a = qp_xrealloc(a, cap, sizeof *a);
			}
			a[m] = p;
			a[m++].scope = mems[k].scope;
		}
	}
	qsort(a, m, sizeof *a, att_cmp);
	*n = m;
	return a;
}

/* The figures of one month (or of all: month "*"). */
struct month {
	unsigned long long new_payers, payers, orders, repeat;
	long long	 gmv;
};

static void
month_row(struct qp_out *out, const char *id, const char *label,
    const char *cur, const struct month *m)
{
	char b[6][24], money[3][QP_MONEY_LEN];
	const char *v[10];

	snprintf(b[0], sizeof b[0], "%llu", m->new_payers);
	snprintf(b[1], sizeof b[1], "%llu", m->payers);
	snprintf(b[2], sizeof b[2], "%llu", m->orders);
	snprintf(b[3], sizeof b[3], "%llu", m->repeat);
	v[0] = id;
	v[1] = label;
	v[2] = cur;
	v[3] = b[0];
	v[4] = b[1];
	v[5] = b[2];
	v[6] = b[3];
	v[7] = qp_money_format(money[0], m->gmv);
	v[8] = qp_money_div(money[1], m->gmv, m->orders);
	v[9] = qp_money_div(money[2], m->gmv, m->payers);
	if (qp_out_rowv(out, v, 10) == -1)
		qp_die("%s", qp_out_error(out));
}

/* Rows of one scope and currency: a[0..n-1], by user then day. */
static void
orders_rows(struct qp_out *out, const char *id, const char *cur,
    const struct pay *a, size_t n)
{
	struct month all, *m;
	long long lo = LLONG_MAX, hi = LLONG_MIN, mo, last;
	size_t i, j, k, nm;
	unsigned long long cum;
	char label[16];

	for (i = 0; i < n; i++) {
		mo = qp_day_month(a[i].day);
		if (mo < lo)
			lo = mo;
		if (mo > hi)
			hi = mo;
	}
	nm = (size_t)(hi - lo + 1);
	m = qp_xcalloc(nm, sizeof *m);
	memset(&all, 0, sizeof all);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && a[j].user == a[i].user; j++)
			;
		all.payers++;
		all.new_payers++;
		if (j - i >= 2)
			all.repeat++;
		m[qp_day_month(a[i].day) - lo].new_payers++;
		for (k = i, cum = 0, last = LLONG_MIN; k < j; k++) {
			struct month *t = &m[qp_day_month(a[k].day) - lo];

			cum++;
			t->orders++;
			t->gmv += a[k].cents;
			all.orders++;
			all.gmv += a[k].cents;
			if (qp_day_month(a[k].day) != last) {
				last = qp_day_month(a[k].day);
				t->payers++;
			}
			/* A repeat buyer of a month: a payer of the month
			 * with 2 or more orders by its end. */
			if (k + 1 == j || qp_day_month(a[k + 1].day) != last)
				if (cum >= 2)
					t->repeat++;
		}
	}
	month_row(out, id, "*", cur, &all);
	for (i = 0; i < nm; i++) {
		qp_month_format(label, lo + (long long)i);
		month_row(out, id, label, cur, &m[i]);
	}
	free(m);
}

/* LTV rows of one scope and currency: its cohort members c[0..nc-1]. */
static void
ltv_rows(struct qp_out *out, const char *id, const char *cur,
    const struct mem *c, size_t nc, const struct pay *a, size_t n,
    long long E)
{
	long long mlo = LLONG_MAX, mhi = LLONG_MIN, mo;
	size_t i, k, d, lo, hi, mid;
	char label[16], b[3][24], money[2][QP_MONEY_LEN];
	const char *v[7];

	for (i = 0; i < nc; i++) {
		mo = qp_day_month(c[i].jday);
		if (mo < mlo)
			mlo = mo;
		if (mo > mhi)
			mhi = mo;
	}
	if (nc == 0)
		return;
	/* Cohort "*" first (mo = mlo - 1), then each join month. */
	for (mo = mlo - 1; mo <= mhi; mo++) {
		if (mo < mlo)
			strcpy(label, "*");
		else
			qp_month_format(label, mo);
		for (d = 0; d < NLTV; d++) {
			unsigned long long members = 0;
			long long rev = 0;

			for (i = 0; i < nc; i++) {
				if ((mo >= mlo && qp_day_month(c[i].jday) != mo) ||
				    c[i].jday + ltv_days[d] > E)
					continue;
				members++;
				for (lo = 0, hi = n; lo < hi; ) {
					mid = lo + (hi - lo) / 2;
					if (a[mid].user < c[i].user)
						lo = mid + 1;
					else
						hi = mid;
				}
				/* Payments before joining count too: a member
				 * added to a delivery group after paying. */
				for (k = lo; k < n && a[k].user == c[i].user &&
				    a[k].day <= c[i].jday + ltv_days[d]; k++)
					rev += a[k].cents;
			}
			snprintf(b[0], sizeof b[0], "%lld", ltv_days[d]);
			snprintf(b[1], sizeof b[1], "%llu", members);
			v[0] = id;
			v[1] = label;
			v[2] = cur;
			v[3] = b[0];
			v[4] = b[1];
			v[5] = qp_money_format(money[0], rev);
			v[6] = qp_money_div(money[1], rev, members);
			if (qp_out_rowv(out, v, 7) == -1)
				qp_die("%s", qp_out_error(out));
		}
	}
}

void
od_write(struct qp_out *out, const char *const *ids, size_t nsc, long long E,
    int quiet)
{
	static const char *const ocols[] = { "group_id", "month", "currency",
	    "new_payers", "payers", "orders", "repeat_buyers", "gmv", "aov",
	    "revenue_per_payer" };
	static const char *const lcols[] = { "group_id", "cohort", "currency",
	    "days", "members", "revenue", "ltv" };
	struct pay *a;
	uint32_t *order = NULL, *rank = NULL;
	size_t n, ncur = curs ? qp_strmap_count(curs) : 0, i, j, nc, c0, c1;
	size_t used = 0, len = 0;
	struct mem *c;
	char list[256];

	/* Currencies numbered in code order, so rows come sorted by it. */
	if (ncur > 0) {
		order = qp_xcalloc(ncur, sizeof *order);
		rank = qp_xcalloc(ncur, sizeof *rank);
		for (i = 0; i < ncur; i++)
			order[i] = (uint32_t)i;
		qsort(order, ncur, sizeof *order, cur_cmp);	/* ncur >= 1 */
		for (i = 0; i < ncur; i++)
			rank[order[i]] = (uint32_t)i;
		for (i = 0; i < npays; i++)
			pays[i].cur = rank[pays[i].cur];
	}
	a = attribute(&n);
	list[0] = '\0';
	for (i = 0; i < ncur; i++) {
		for (j = 0; j < npays && pays[j].cur != i; j++)
			;
		if (j == npays)
			continue;
		used++;
		if (len < sizeof list)
			len += (size_t)snprintf(list + len, sizeof list - len,
			    "%s%s", len ? ", " : "", *qp_strmap_str(curs,
			    order[i]) ? qp_strmap_str(curs, order[i]) :
			    "none named");
	}
	if (!quiet && used > 1)
		qp_warn("payments in %zu currencies (%s): the orders and ltv "
		    "tables keep each apart, never summed", used, list);
	if (!quiet && unpriced > 0 && npays > 0)
		qp_warn("%llu paid events without an amount: counted as paid, "
		    "not in the orders and ltv tables", unpriced);
	if (qp_out_tablev(out, "orders", 1, ocols, 10) == -1)
		qp_die("%s", qp_out_error(out));
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && a[j].scope == a[i].scope &&
		    a[j].cur == a[i].cur; j++)
			;
		orders_rows(out, ids[a[i].scope], qp_strmap_str(curs,
		    order[a[i].cur]), a + i, j - i);
	}
	if (qp_out_tablev(out, "ltv", 1, lcols, 7) == -1)
		qp_die("%s", qp_out_error(out));
	if (nmems > 1)
		qsort(mems, nmems, sizeof *mems, by_scope);
	c = qp_xcalloc(nmems + 1, sizeof *c);
	for (i = 0, c0 = 0; i < n; i = j) {
		for (j = i; j < n && a[j].scope == a[i].scope &&
		    a[j].cur == a[i].cur; j++)
			;
		for (; c0 < nmems && mems[c0].scope < a[i].scope; c0++)
			;
		for (c1 = c0, nc = 0; c1 < nmems && mems[c1].scope ==
		    a[i].scope; c1++)
			if (mems[c1].jday != NODAY)
				c[nc++] = mems[c1];
		ltv_rows(out, ids[a[i].scope], qp_strmap_str(curs,
		    order[a[i].cur]), c, nc, a + i, j - i, E);
	}
	(void)nsc;
	free(c);
	free(rank);
	free(order);
	free(a);
}

void
od_free(void)
{
	free(pays);
	free(mems);
	qp_strmap_free(curs);
	pays = NULL;
	mems = NULL;
	curs = NULL;
}
