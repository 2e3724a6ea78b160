/*
 * The summary: the report's title and its period, members, joins, leaves
 * and messages of the period, and the KPI table against the targets, each
 * figure with the table and rows it was taken from.
 */
#include <stdio.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_time.h"

#include "report.h"

struct kpi {
	double		 v;
	int		 has;
	char		 src[320];
};

static void
kpi_row(struct report *rp, const char *name, const char *key,
    const struct kpi *k, int rate)
{
	double tg = key != NULL ? qp_target(key) : -1;	/* NULL: unjudged */
	char val[64], tgt[64];

	if (!k->has)
		snprintf(val, sizeof val, "—");
	else if (rate)
		snprintf(val, sizeof val, "%s", pct(k->v));
	else
		snprintf(val, sizeof val, "%.1f", k->v);
	if (tg < 0)
		snprintf(tgt, sizeof tgt, "—");
	else if (rate)
		snprintf(tgt, sizeof tgt, "≥ %s", pct(tg));
	else
		snprintf(tgt, sizeof tgt, "≥ %.1f", tg);
	mdf(rp, "| %s | %s | %s | %s | %s |\n", name, val, tgt,
	    tg < 0 || !k->has ? "" : k->v >= tg ? "✓" : "✗", k->src);
}

/*
 * Mean of a rate column of a scope over the days (weeks) of the period
 * up to the end date: a day (week) after the scope's last row has none
 * and counts as 0, as does any silent day; days before the first event,
 * when there was nobody to speak, do not count.  Sets *n (rows) and
 * *after (days or weeks after the last); 0, or -1 when there is none.
 */
int
scope_mean(struct report *rp, const char *table, const char *period_col,
    const char *rate_col, int weekly, const char *scope, double *mean,
    size_t *n, size_t *after)
{
	struct tab *t = tab_find(rp, table);
	int cp = col(t, period_col), cr = col(t, rate_col),
	    cg = col(t, "group_id");
	size_t i;
	long long d, last = NODAY, step = weekly ? 7 : 1;

	*mean = 0;
	*n = *after = 0;
	if (cp < 0 || cr < 0 || cg < 0 || rp->lo == NODAY)
		return -1;
	FOR_SCOPE(t, i, cg, scope) {
		d = weekly ? parse_week(at(t, i, cp)) :
		    parse_day(at(t, i, cp));
		if (d == NODAY)
			continue;
		last = d;
		if (d + step - 1 < rp->lo || d > rp->hi || !*at(t, i, cr))
			continue;
		*mean += num(at(t, i, cr));
		(*n)++;
	}
	/* the days (weeks) after the last row, up to the end date */
	for (d = last + step; last != NODAY && d <= rp->hi; d += step)
		if (d + step - 1 >= rp->lo)
			(*after)++;
	if (*n + *after == 0)
		return -1;
	*mean /= (double)(*n + *after);
	return 0;
}

static struct kpi
mean_rate(struct report *rp, const char *table, const char *period_col,
    const char *rate_col, int weekly)
{
	struct tab *t = tab_find(rp, table);
	struct kpi k = { 0, 0, "" };
	size_t n, after;

	if (col(t, period_col) < 0 || col(t, rate_col) < 0 ||
	    col(t, "group_id") < 0 || rp->lo == NODAY)
		return k;
	k.has = scope_mean(rp, table, period_col, rate_col, weekly, "*", &k.v,
	    &n, &after) == 0;
	/* TRANSLATORS: the table, the metric, a number of days or weeks */
	snprintf(k.src, sizeof k.src, weekly ? ngettext("%s.csv: the mean of %s "
	    "over %zu week", "%s.csv: the mean of %s over %zu weeks",
	    n + after) : ngettext("%s.csv: the mean of %s over %zu day",
	    "%s.csv: the mean of %s over %zu days", n + after), table,
	    metric_name(rate_col), n + after);
	if (after > 0) {
		size_t len = strlen(k.src);

		snprintf(k.src + len, sizeof k.src - len, weekly ?
		    ngettext(" (%zu week after the last event counts as 0)",
		    " (%zu weeks after the last event count as 0)", after) :
		    ngettext(" (%zu day after the last event counts as 0)",
		    " (%zu days after the last event count as 0)", after),
		    after);
	}
	return k;
}

static struct kpi
retention_kpi(struct report *rp, const char *variant, const char *n)
{
	struct tab *t = tab_find(rp, "retention");
	int cg = col(t, "group_id"), cc = col(t, "cohort"),
	    cv = col(t, "variant"), cn = col(t, "n"), ce = col(t, "eligible"),
	    cr = col(t, "rate");
	struct kpi k = { 0, 0, "" };
	size_t i;

	if (cr < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, cc), "*") != 0 ||
		    strcmp(at(t, i, cv), variant) != 0 ||
		    strcmp(at(t, i, cn), n) != 0)
			continue;
		k.has = *at(t, i, cr) != '\0';
		k.v = num(at(t, i, cr));
		snprintf(k.src, sizeof k.src, _("retention.csv, all groups and "
		    "cohorts: %s on day %s, of %s eligible members"),
		    variant_name(variant), n, at(t, i, ce));
	}
	return k;
}

/* A share of members rows of scope "*" (R21 and activation). */
static struct kpi
members_share(struct report *rp, int which)
{
	struct tab *t = tab_find(rp, "members");
	int cg = col(t, "group_id"), cp = col(t, "paid"),
	    ca = col(t, "activated_72h"), cj = col(t, "joined");
	struct kpi k = { 0, 0, "" };
	unsigned long long a = 0, b = 0;
	size_t i;

	if (cp < 0 || ca < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		long long paid = (long long)num(at(t, i, cp));

		switch (which) {
		case 0:		/* paid conversion */
			b++;
			a += paid >= 1;
			break;
		case 1:		/* repurchase */
			b += paid >= 1;
			a += paid >= 2;
			break;
		default:	/* activation of joins in the period */
			if (!*at(t, i, ca) ||
			    !in_period(rp, parse_day(at(t, i, cj))))
				break;
			b++;
			a += at(t, i, ca)[0] == '1';
		}
	}
	if (b > 0) {
		k.v = (double)a / (double)b;
		k.has = 1;
	}
	snprintf(k.src, sizeof k.src, which == 0 ? _("members.csv, all groups: "
	    "%llu paid of %llu members ever, those who left included") : which == 1 ?
	    _("members.csv, all groups: %llu paid twice or more of %llu who "
	    "paid") : _("members.csv, all groups: %llu spoke within 72 hours of "
	    "%llu who joined in the period"), a, b);
	return k;
}

static struct kpi
fission_kpi(struct report *rp)
{
	struct tab *t = tab_find(rp, "fission");
	int cg = col(t, "group_id"), ci = col(t, "inviter"),
	    cn = col(t, "invitees");
	struct kpi k = { 0, 0, "" };
	unsigned long long inv = 0, invitees = 0;
	size_t i;

	if (cn < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, ci), "*") == 0)
			invitees = (unsigned long long)num(at(t, i, cn));
		else
			inv++;
	}
	if (inv > 0) {
		k.v = (double)invitees / (double)inv;
		k.has = 1;
	}
	snprintf(k.src, sizeof k.src, _("fission.csv, all groups: %llu invitees "
	    "of %llu inviters"), invitees, inv);
	return k;
}

/*
 * Groups: those of the health table (one row each), and how many of them
 * had messages in the period (daily.csv).
 */
static void
count_groups(struct report *rp, size_t *all, size_t *active)
{
	struct tab *d = tab_find(rp, "daily"), *h = tab_find(rp, "health");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cm = col(d, "messages"), hg = col(h, "group_id");
	const char *last = NULL;
	size_t i;

	*all = *active = 0;
	for (i = 0; hg >= 0 && i < h->nrows; i++)
		*all += strcmp(at(h, i, hg), "*") != 0;
	for (i = 0; i < d->nrows; i++) {
		const char *g = at(d, i, cg);

		if (strcmp(g, "*") == 0 || num(at(d, i, cm)) == 0 ||
		    !in_period(rp, parse_day(at(d, i, cd))) ||
		    (last != NULL && strcmp(last, g) == 0))
			continue;
		last = g;
		(*active)++;
	}
}

/* The title, the period, and the one end date every figure is as of. */
static void
section_title(struct report *rp)
{
	char a[16] = "", b[16] = "";
	size_t all, active;
	int cut;

	if (rp->lo == NODAY) {
		mdf(rp, _("# Community report (no events)\n"));
		return;
	}
	/*
	 * A range wider than the data (--from 0001-01-01) is cut to it in the
	 * title; a --period month is titled as the month.
	 */
	cut = !rp->month && ((rp->from != NODAY && rp->from < rp->lo) ||
	    (rp->to != NODAY && rp->to > rp->end));
	qp_day_format(a, rp->from == NODAY || (cut && rp->from < rp->lo) ?
	    rp->lo : rp->from);
	qp_day_format(b, rp->to == NODAY || (cut && rp->to > rp->end) ?
	    rp->end : rp->to);
	mdf(rp, _("# Community report %s – %s\n\n"),
	    a, b);
	if (cut)
		mdf(rp, _("The period asked for is wider than the data: it is "
		    "cut to the days from the first event to the end date.\n\n"));
	qp_day_format(a, rp->end);
	mdf(rp, _("Every figure is as of **%s**"), a);
	if (rp->last != rp->end) {
		qp_day_format(b, rp->last);
		mdf(rp, _(" (the last event is on %s)"),
		    b);
	}
	count_groups(rp, &all, &active);
	mdf(rp, _(". %zu groups, %zu of them with messages in the period "
	    "(health.csv, daily.csv).\n"), all, active);
}

/* Members at the end: scope "*" rows of members.csv with left empty. */
static unsigned long long
members_at_end(struct report *rp)
{
	struct tab *m = tab_find(rp, "members");
	int cg = col(m, "group_id"), cl = col(m, "left");
	unsigned long long n = 0;
	size_t i;

	if (cl < 0)
		return 0;
	FOR_SCOPE(m, i, cg, "*")
		n += !*at(m, i, cl);
	return n;
}

static void
section_kpis(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cj = col(d, "joins"), cl = col(d, "leaves"),
	    cmsg = col(d, "messages");
	unsigned long long joins = 0, leaves = 0, msgs = 0;
	size_t i;
	struct kpi k;
	int judged;
	char n30[8] = "30", n90[8] = "90";
	static const char *const var[] = { "D", "D+", "M" };

	FOR_SCOPE(d, i, cg, "*") {
		if (!in_period(rp, parse_day(at(d, i, cd))))
			continue;
		joins += (unsigned long long)num(at(d, i, cj));
		leaves += (unsigned long long)num(at(d, i, cl));
		msgs += (unsigned long long)num(at(d, i, cmsg));
	}
	mdf(rp, _("\n## Summary\n\n**%llu** members at the end (members.csv, "
	    "all groups, not left); %llu joined and %llu left in the period; "
	    "%llu messages (daily.csv, all groups).\n"),
	    members_at_end(rp), joins, leaves, msgs);
	mdf(rp, _("\n| metric | value | target | met | source "
	    "|\n|---|---:|---:|:-:|---|\n"));
	k = mean_rate(rp, "daily", "date", "speaking_rate", 0);
	kpi_row(rp, _("daily speaking rate"), "speaking_rate", &k, 1);
	k = mean_rate(rp, "weekly", "week", "participation", 1);
	kpi_row(rp, _("weekly participation"), "participation", &k, 1);
	/* beside it, the seed's 周参与活动率, where there are activities
	 * (weeks without any have no rate and do not count) */
	if (tab_find(rp, "activity_weeks") != NULL) {
		k = mean_rate(rp, "activity_weeks", "week", "rate", 1);
		kpi_row(rp, _("weekly activity participation (周参与活动率)"),
		    "activity_participation", &k, 1);
	}
	k = mean_rate(rp, "weekly", "week", "core_members", 1);
	kpi_row(rp, _("core members a week"), "core_members", &k, 0);
	for (i = 0; i < 3; i++) {
		char name[64];

		k = retention_kpi(rp, var[i], n30);
		snprintf(name, sizeof name, _("30-day retention %s"),
		    variant_name(var[i]));
		judged = strcmp(var[i], rp->ret_variant) == 0;
		kpi_row(rp, name, judged ? "retention_30" : NULL, &k, 1);
		k = retention_kpi(rp, var[i], n90);
		snprintf(name, sizeof name, _("90-day retention %s"),
		    variant_name(var[i]));
		kpi_row(rp, name, judged ? "retention_90" : NULL, &k, 1);
	}
	k = members_share(rp, 2);
	kpi_row(rp, _("72-hour activation"), "activation_72h", &k, 1);
	k = members_share(rp, 0);
	kpi_row(rp, _("paid conversion"), "paid_conversion", &k, 1);
	k = members_share(rp, 1);
	kpi_row(rp, _("repurchase"), "repurchase", &k, 1);
	k = fission_kpi(rp);
	kpi_row(rp, _("fission ratio"), "fission_ratio", &k, 0);
	/* TRANSLATORS: name the variants as variant_name() does */
	mdf(rp, _("\nRetention of the members who joined N days before: D = "
	    "spoke on day N, D+ = spoke on day N or later, M = still a member "
	    "on day N (retention.csv).\n"));
	mdf(rp, _("The retention targets judge the %s variant; the others are "
	    "shown beside it, unjudged.\n"), variant_name(rp->ret_variant));
	for (i = 0; i < rp->ngnames; i++)
		if (strcmp(rp->gnames[i].platform, "wechat") == 0) {
			mdf(rp, _("WeChat exports do not record members leaving "
			    "on their own: M retention is an upper bound.\n"));
			break;
		}
}

const struct section sec_title = {
	"title", { "daily", "health", NULL }, section_title
};
const struct section sec_summary = {
	"summary", { "daily", "weekly", "retention", "members", "fission",
	    "activity_weeks", NULL }, section_kpis
};
