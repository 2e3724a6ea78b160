/*
 * Money: the community's orders month by month (payers, new payers,
 * orders, GMV, 客单价, repeat buyers, revenue per payer) against the
 * targets for monthly new payers (月均转化付费用户) and 客单价, the LTV of
 * each join cohort at 30, 90 and 180 days as a chart, and paid beside
 * unpaid members' speaking.  From qp-cohort's orders, ltv and members.
 * Amounts are the tables' exact decimals, never recomputed in floating
 * point; each currency has its own rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_money.h"

#include "report.h"

#define MONTHS		12	/* rows of the monthly table */
#define MAXCOHORTS	8	/* lines of the LTV chart */

/* An exact decimal "1299.50" as hundredths; 0 when empty. */
static long long
cents(const char *s)
{
	long long c;
	char cur[QP_CUR_LEN];

	return qp_money_parse(s, strlen(s), &c, cur) == 0 ? c : 0;
}

/* The currencies of scope "*", the largest GMV first; returns how many. */
static size_t
currencies(const struct tab *t, const char **cur, size_t max)
{
	int cg = col(t, "group_id"), cm = col(t, "month"),
	    cc = col(t, "currency"), cv = col(t, "gmv");
	size_t i, n = 0, j;
	long long gmv[16];

	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, cm), "*") != 0 || n == max || n == 16)
			continue;
		cur[n] = at(t, i, cc);
		gmv[n] = cents(at(t, i, cv));
		for (j = n++; j > 0 && gmv[j] > gmv[j - 1]; j--) {
			long long g = gmv[j];
			const char *c = cur[j];

			gmv[j] = gmv[j - 1], cur[j] = cur[j - 1];
			gmv[j - 1] = g, cur[j - 1] = c;
		}
	}
	return n;
}

static void
target_row(struct report *rp, const char *name, const char *key, double v,
    int has, const char *shown, const char *src)
{
	double tg = qp_target(key);
	char tgt[64];

	if (tg < 0)
		snprintf(tgt, sizeof tgt, "—");
	else
		snprintf(tgt, sizeof tgt, "≥ %g", tg);
	mdf(rp, "| %s | %s | %s | %s | %s |\n", name, has ? shown : "—", tgt,
	    tg < 0 || !has ? "" : v >= tg ? "✓" : "✗", src);
}

/* The period's figures of currency cur against the targets. */
static void
targets(struct report *rp, const struct tab *t, const char *cur)
{
	int cg = col(t, "group_id"), cm = col(t, "month"),
	    cc = col(t, "currency"), cn = col(t, "new_payers"),
	    co = col(t, "orders"), cv = col(t, "gmv");
	unsigned long long newp = 0, orders = 0, months = 0;
	long long gmv = 0;
	size_t i;
	char aov[QP_MONEY_LEN], mean[32], src[256];

	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, cc), cur) != 0 ||
		    strcmp(at(t, i, cm), "*") == 0 ||
		    !month_in_period(rp, at(t, i, cm)))
			continue;
		months++;
		newp += (unsigned long long)num(at(t, i, cn));
		orders += (unsigned long long)num(at(t, i, co));
		gmv += cents(at(t, i, cv));
	}
	mdf(rp, _("\n| metric | value | target | met | source "
	    "|\n|---|---:|---:|:-:|---|\n"));
	snprintf(mean, sizeof mean, "%.1f", months ? (double)newp /
	    (double)months : 0);
	/* TRANSLATORS: new payers, then months */
	snprintf(src, sizeof src, ngettext("orders.csv, all groups: %llu new "
	    "payers in %llu month of the period", "orders.csv, all groups: "
	    "%llu new payers in %llu months of the period", months), newp,
	    months);
	target_row(rp, _("new payers a month (月均转化付费用户)"),
	    "new_payers_monthly", months ? (double)newp / (double)months : 0,
	    months > 0, mean, src);
	qp_money_div(aov, gmv, orders);
	snprintf(src, sizeof src, _("orders.csv, all groups: GMV ÷ %llu orders "
	    "of the period"), orders);
	target_row(rp, _("average order value (客单价)"), "aov",
	    (double)cents(aov) / 100, orders > 0, aov, src);
}

static void
monthly(struct report *rp, const struct tab *t, const char *cur)
{
	int cg = col(t, "group_id"), cm = col(t, "month"),
	    cc = col(t, "currency");
	size_t i, n = 0, skip;

	FOR_SCOPE(t, i, cg, "*")
		if (strcmp(at(t, i, cc), cur) == 0 &&
		    strcmp(at(t, i, cm), "*") != 0)
			n++;
	skip = n > MONTHS ? n - MONTHS : 0;
	mdf(rp, _("\n| month | new payers | payers | orders | repeat buyers | "
	    "GMV | average order (客单价) | revenue per payer |\n"
	    "|---|---:|---:|---:|---:|---:|---:|---:|\n"));
	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, cc), cur) != 0 ||
		    strcmp(at(t, i, cm), "*") == 0 || (skip && skip--))
			continue;
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    at(t, i, cm), cell(t, i, col(t, "new_payers")),
		    cell(t, i, col(t, "payers")), cell(t, i, col(t, "orders")),
		    cell(t, i, col(t, "repeat_buyers")),
		    cell(t, i, col(t, "gmv")), *cell(t, i, col(t, "aov")) ?
		    cell(t, i, col(t, "aov")) : "—",
		    *cell(t, i, col(t, "revenue_per_payer")) ?
		    cell(t, i, col(t, "revenue_per_payer")) : "—");
	}
	if (n > MONTHS)
		mdf(rp, _("\nThe last %d months; orders.csv has all %zu.\n"),
		    MONTHS, n);
}

/* LTV of the join cohorts (the last MAXCOHORTS and all) in currency cur. */
static void
ltv_chart(struct report *rp, const struct tab *t, const char *cur)
{
	int cg = col(t, "group_id"), cc = col(t, "cohort"),
	    ck = col(t, "currency"), cd = col(t, "days"), cl = col(t, "ltv"),
	    cn = col(t, "members");
	const char *ids[MAXCOHORTS + 1];
	size_t i, j, n = 0, nall = 0, skip;
	char *p, title[128];
	FILE *f;
	double max = 0;

	/* Cohorts in table order, "*" first; the last MAXCOHORTS months. */
	FOR_SCOPE(t, i, cg, "*")
		if (strcmp(at(t, i, ck), cur) == 0 &&
		    strcmp(at(t, i, cd), "30") == 0 &&
		    strcmp(at(t, i, cc), "*") != 0)
			nall++;
	skip = nall > MAXCOHORTS ? nall - MAXCOHORTS : 0;
	f = dat_open(rp, "ltv.dat", &p);
	FOR_SCOPE(t, i, cg, "*") {
		int any = 0;

		if (strcmp(at(t, i, ck), cur) != 0 ||
		    strcmp(at(t, i, cd), "30") != 0)
			continue;
		if (strcmp(at(t, i, cc), "*") != 0 && skip > 0) {
			skip--;
			continue;
		}
		for (j = i; j < t->nrows && strcmp(at(t, j, cg), "*") == 0 &&
		    strcmp(at(t, j, cc), at(t, i, cc)) == 0 &&
		    strcmp(at(t, j, ck), cur) == 0; j++)
			if (*at(t, j, cl)) {
				fprintf(f, "%s\t%s\t%s\n", at(t, j, cd),
				    at(t, j, cl), at(t, j, cn));
				if (num(at(t, j, cl)) > max)
					max = num(at(t, j, cl));
				any = 1;
			}
		if (!any)
			continue;
		fputs("\n\n", f);
		ids[n++] = at(t, i, cc);
	}
	out_close(rp, f, "ltv.dat");
	if (n == 0) {
		free(p);
		return;
	}
	snprintf(title, sizeof title, _("LTV by join cohort (%s): revenue per "
	    "member by days since joining"), *cur ? cur : _("no currency "
	    "named"));
	chart_begin(rp, "ltv", title);
	axis_label(rp, "x", _("days since joining"));
	axis_label(rp, "y", _("cumulative revenue per member"));
	fprintf(rp->gp, "set xrange [0:190]\nset xtics (30, 90, 180)\n"
	    "set yrange [0:%g]\nplot ", max > 0 ? max * 1.15 : 1);
	for (i = 0; i < n; i++) {
		fprintf(rp->gp, "%s'%s' index %zu using 1:2 with linespoints pt 7 "
		    "ps 0.8 lw %d title ", i ? ", " : "", rel(rp, p), i,
		    strcmp(ids[i], "*") == 0 ? 3 : 1);
		gpq(rp, strcmp(ids[i], "*") == 0 ? _("all cohorts") : ids[i]);
		/* All cohorts' members at each point: they differ, as
		 * cohorts age. */
		if (strcmp(ids[i], "*") == 0)
			fprintf(rp->gp, ", '%s' index %zu using 1:2:(sprintf('n=%%d', "
			    "$3)) with labels offset 2.5,0.6 notitle", rel(rp, p),
			    i);
	}
	fputs("\n", rp->gp);
	chart_end(rp, "ltv");
	free(p);
}

/* A path "lead>camp" in words, into buf. */
static const char *
path_words(const char *s, char *buf, size_t cap)
{
	size_t len = 0, n;
	const char *t;

	buf[0] = '\0';
	while (*s) {
		n = strcspn(s, ">");
		t = group_type_name(s, n);
		if (len < cap)
			len += (size_t)snprintf(buf + len, cap - len, "%s%s",
			    len ? " → " : "", t != NULL ? t : "?");
		s += n;
		if (*s == '>')
			s++;
	}
	return buf;
}

/* The group-to-group path of the groups file's types. */
static void
group_path(struct report *rp, const struct tab *t, const struct tab *p)
{
	size_t i;
	char buf[512];

	if (t == NULL || col(t, "reached") < 0 || t->nrows == 0)
		return;
	mdf(rp, _("\n### Group-to-group path (引流群 → 训练营 → 交付群 → "
	    "铁粉群)\n\nPer person, the first entry into a group of each type "
	    "(qp-cohort --groups); a step counts those who took the previous "
	    "one and then entered a group of its type.\n\n| step | reached "
	    "| from previous | from first | median days from previous |\n"
	    "|---|---:|---:|---:|---:|\n"));
	for (i = 0; i < t->nrows; i++)
		mdf(rp, "| %s | %s | %s | %s | %s |\n", path_words(cell(t, i,
		    col(t, "type")), buf, sizeof buf), cell(t, i,
		    col(t, "reached")), *cell(t, i, col(t, "conv_prev")) ?
		    pct(num(cell(t, i, col(t, "conv_prev")))) : "—",
		    *cell(t, i, col(t, "conv_first")) ?
		    pct(num(cell(t, i, col(t, "conv_first")))) : "—",
		    *cell(t, i, col(t, "median_days")) ?
		    cell(t, i, col(t, "median_days")) : "—");
	if (p == NULL || col(p, "persons") < 0)
		return;
	mdf(rp, _("\n| path (types in the order entered) | persons |\n"
	    "|---|---:|\n"));
	for (i = 0; i < p->nrows && i < LIST; i++)
		mdf(rp, "| %s | %s |\n", path_words(cell(p, i, col(p, "path")),
		    buf, sizeof buf), cell(p, i, col(p, "persons")));
	if (p->nrows > LIST)
		mdf(rp, _("\n… and %zu more (group_paths.csv)\n"),
		    p->nrows - LIST);
}

/* Paid and unpaid members of "*": who speaks, side by side. */
static void
paid_speaking(struct report *rp, const struct tab *m)
{
	int cg = col(m, "group_id"), cp = col(m, "paid"),
	    cm = col(m, "messages"), cl = col(m, "last_message");
	unsigned long long n[2] = { 0, 0 }, spoke[2] = { 0, 0 },
	    recent[2] = { 0, 0 }, msgs[2] = { 0, 0 };
	size_t i;
	int k;

	if (cp < 0 || cm < 0 || cl < 0)
		return;
	FOR_SCOPE(m, i, cg, "*") {
		long long last = parse_day(at(m, i, cl));

		k = num(at(m, i, cp)) > 0;
		n[k]++;
		spoke[k] += num(at(m, i, cm)) > 0;
		recent[k] += last != NODAY && last >= rp->end - 27;
		msgs[k] += (unsigned long long)num(at(m, i, cm));
	}
	if (n[1] == 0)
		return;
	mdf(rp, _("\n### Paid and unpaid members: who speaks\n\n| members | "
	    "count | spoke ever | spoke in the last 28 days | messages per "
	    "member |\n|---|---:|---:|---:|---:|\n"));
	for (k = 1; k >= 0; k--)
		mdf(rp, "| %s | %llu | %s | %s | %.1f |\n", k ? _("paid") :
		    _("unpaid"), n[k], n[k] ? pct((double)spoke[k] /
		    (double)n[k]) : "—", n[k] ? pct((double)recent[k] /
		    (double)n[k]) : "—", n[k] ? (double)msgs[k] /
		    (double)n[k] : 0);
	mdf(rp, _("\nFrom members.csv, all groups: paid means at least one "
	    "paid event up to the end date.\n"));
}

static void
section_money(struct report *rp)
{
	struct tab *t = tab_find(rp, "orders"), *l = tab_find(rp, "ltv"),
	    *m = tab_find(rp, "members");
	const char *cur[4];
	size_t n, k;

	if (t == NULL || col(t, "gmv") < 0 || (n = currencies(t, cur, 4)) == 0) {
		struct tab *g = tab_find(rp, "group_path");

		if (g != NULL && g->nrows > 0) {
			mdf(rp, _("\n## Money\n\nNo payment with an amount "
			    "(qp-ingest --events).\n"));
			group_path(rp, g, tab_find(rp, "group_paths"));
		}
		return;
	}
	mdf(rp, _("\n## Money\n\nPayments are paid events with an amount "
	    "(qp-ingest --events); one without a group counts in every group "
	    "of its payer and once for all groups.  A repeat buyer of a month "
	    "paid in it and has 2 or more orders by its end; 客单价 = GMV ÷ "
	    "orders, rounded half up to the cent.\n"));
	if (n > 1)
		mdf(rp, _("\nPayments come in %zu currencies: each has its own "
		    "table, never added to another.\n"), n);
	for (k = 0; k < n; k++) {
		if (n > 1)
			mdf(rp, "\n### %s\n", *cur[k] ? cur[k] :
			    _("no currency named"));
		if (k == 0)
			targets(rp, t, cur[k]);
		monthly(rp, t, cur[k]);
	}
	if (n > 1)
		mdf(rp, _("\nThe targets judge %s, the currency with the largest "
		    "GMV.\n"), *cur[0] ? cur[0] : _("no currency named"));
	if (rp->charts && l != NULL && col(l, "ltv") >= 0) {
		ltv_chart(rp, l, cur[0]);
		mdf(rp, _("\nLTV: revenue up to day N after the join (payments "
		    "before it included) per member of the join cohort who "
		    "joined at least N days before the end date (n: how many; "
		    "younger members leave that N's denominator, as in "
		    "retention), in ltv.csv.\n"));
	}
	group_path(rp, tab_find(rp, "group_path"), tab_find(rp, "group_paths"));
	if (m != NULL)
		paid_speaking(rp, m);
}

const struct section sec_money = {
	"money", { "orders", "ltv", "members", "group_path", "group_paths",
	NULL }, section_money
};
