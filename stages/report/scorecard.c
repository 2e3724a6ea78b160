/*
 * The scorecard (issue 16 §5): the report opens with one row per group,
 * worst first (most targets missed, then the lowest daily speaking rate),
 * each figure of the period against its target where the targets table
 * has one, and the same table as scorecard.csv.  Every figure comes from
 * a table of the stream; the community's row ends the table and its KPIs
 * follow in the summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_time.h"

#include "report.h"

enum {
	C_MEMBERS, C_SPEAK, C_PART, C_ACT, C_RET30, C_RET90, C_CORE, C_JOINS,
	C_LEAVES, C_REMOVED, C_INFERRED, C_UGC, C_STAFF, C_ANSWERED, NC
};

/* Each column: CSV name, heading, target (NULL: none), a rate or not. */
static const struct {
	const char	*csv, *head, *target;
	int		 rate;
} cols[NC] = {
	{ "members", N_("members"), NULL, 0 },
	{ "speaking_rate", N_("daily speaking rate"), "speaking_rate", 1 },
	{ "participation", N_("weekly speaking participation"),
	    "participation", 1 },
	{ "activity_participation",
	    N_("weekly activity participation (周参与活动率)"),
	    "activity_participation", 1 },
	{ "retention_30", N_("30-day retention"), "retention_30", 1 },
	{ "retention_90", N_("90-day retention"), "retention_90", 1 },
	{ "core_users_90", N_("core users (90 days)"), "core_users_90", 0 },
	{ "joins", N_("joins"), NULL, 0 },
	{ "leaves", N_("left on their own"), NULL, 0 },
	{ "removals", N_("removed"), NULL, 0 },
	{ "left_inferred", N_("left (roster)"), NULL, 0 },
	{ "ugc", N_("UGC"), NULL, 0 },
	{ "staff_share", N_("staff share"), NULL, 1 },
	{ "answered_1h", N_("questions answered within 1 h"), "answered_1h",
	    1 },
};

struct card {
	const char	*gid;
	double		 v[NC];
	int		 has[NC];
	int		 met[NC];	/* 1 met, 0 missed, -1 unjudged */
	int		 misses;
};

/* Sum of a count column of scope g over the rows of the period. */
static double
period_sum(struct report *rp, const char *table, const char *date_col,
    const char *g, const char *c, int *has)
{
	struct tab *t = tab_find(rp, table);
	int cg = col(t, "group_id"), cd = col(t, date_col), cc = col(t, c);
	double v = 0;
	size_t i;

	if (cc < 0 || cd < 0)
		return 0;
	FOR_SCOPE(t, i, cg, g)
		if (in_period(rp, parse_day(at(t, i, cd)))) {
			v += num(at(t, i, cc));
			*has = 1;
		}
	return v;
}

static void
card_fill(struct report *rp, struct card *k)
{
	struct tab *d = tab_find(rp, "daily"), *r = tab_find(rp, "retention"),
	    *cu = tab_find(rp, "core_users"), *m = tab_find(rp, "members"),
	    *a = tab_find(rp, "answers");
	int cg, cd, cm, ca, cb, cc, cv, cn, ce;
	size_t i, n, after;
	double x, y;
	int j, h = 0;
	long long day;

	/* members at the end of the group's last day up to the period's end
	 * (daily.csv: those there that day, but for those who left it) */
	cg = col(d, "group_id"), cd = col(d, "date"), cm = col(d, "members");
	ca = col(d, "leaves");
	FOR_SCOPE(d, i, cg, k->gid) {
		day = parse_day(at(d, i, cd));
		if (day != NODAY && day <= rp->hi) {
			k->v[C_MEMBERS] = num(at(d, i, cm)) -
			    (ca >= 0 ? num(at(d, i, ca)) : 0);
			k->has[C_MEMBERS] = 1;
		}
	}
	k->has[C_SPEAK] = scope_mean(rp, "daily", "date", "speaking_rate", 0,
	    k->gid, &k->v[C_SPEAK], &n, &after) == 0;
	k->has[C_PART] = scope_mean(rp, "weekly", "week", "participation", 1,
	    k->gid, &k->v[C_PART], &n, &after) == 0;
	/* where the group ran activities (activity_weeks.csv) */
	k->has[C_ACT] = tab_find(rp, "activity_weeks") != NULL &&
	    scope_mean(rp, "activity_weeks", "week", "rate", 1, k->gid,
	    &k->v[C_ACT], &n, &after) == 0;
	cg = col(r, "group_id"), cc = col(r, "cohort"), cv = col(r, "variant"),
	    cn = col(r, "n"), ce = col(r, "rate");
	FOR_SCOPE(r, i, cg, k->gid) {
		if (strcmp(at(r, i, cc), "*") != 0 ||
		    strcmp(at(r, i, cv), rp->ret_variant) != 0 ||
		    !*at(r, i, ce))
			continue;
		j = strcmp(at(r, i, cn), "30") == 0 ? C_RET30 :
		    strcmp(at(r, i, cn), "90") == 0 ? C_RET90 : -1;
		if (j >= 0) {
			k->v[j] = num(at(r, i, ce));
			k->has[j] = 1;
		}
	}
	cg = col(cu, "group_id"), cn = col(cu, "days"), cc = col(cu, "core_users");
	FOR_SCOPE(cu, i, cg, k->gid)
		if (strcmp(at(cu, i, cn), "90") == 0) {
			k->v[C_CORE] = num(at(cu, i, cc));
			k->has[C_CORE] = 1;
		}
	k->v[C_JOINS] = period_sum(rp, "daily", "date", k->gid, "joins", &h);
	k->v[C_LEAVES] = period_sum(rp, "daily", "date", k->gid, "leaves", &h);
	k->v[C_REMOVED] = period_sum(rp, "daily", "date", k->gid, "removals",
	    &h);
	k->v[C_INFERRED] = period_sum(rp, "daily", "date", k->gid,
	    "left_inferred", &h);
	k->v[C_LEAVES] -= k->v[C_REMOVED] + k->v[C_INFERRED];
	/* counts of no day in the period are 0, of no column unknown */
	k->has[C_JOINS] = k->has[C_LEAVES] = col(d, "leaves") >= 0;
	k->has[C_REMOVED] = col(d, "removals") >= 0;
	k->has[C_INFERRED] = col(d, "left_inferred") >= 0;
	/* UGC: the members' own, since they joined (members.csv) */
	cg = col(m, "group_id"), cc = col(m, "ugc");
	FOR_SCOPE(m, i, cg, k->gid) {
		k->v[C_UGC] += num(at(m, i, cc));
		k->has[C_UGC] = 1;
	}
	h = 0;
	x = period_sum(rp, "staff", "date", k->gid, "staff_messages", &h) +
	    period_sum(rp, "staff", "date", k->gid, "bot_messages", &h);
	y = period_sum(rp, "staff", "date", k->gid, "messages", &h);
	if (y > 0) {
		k->v[C_STAFF] = x / y;
		k->has[C_STAFF] = 1;
	}
	/* answered within the hour: the months the period touches */
	cg = col(a, "group_id"), cm = col(a, "month"), ca = col(a, "questions"),
	    cb = col(a, "answered_1h");
	x = y = 0;
	FOR_SCOPE(a, i, cg, k->gid) {
		char first[16];
		long long m0;

		snprintf(first, sizeof first, "%.7s-01", at(a, i, cm));
		m0 = parse_day(first);

		if (m0 == NODAY || m0 > rp->hi || qp_day_month(m0) <
		    qp_day_month(rp->lo))
			continue;
		x += num(at(a, i, cb));
		y += num(at(a, i, ca));
	}
	if (y > 0) {
		k->v[C_ANSWERED] = x / y;
		k->has[C_ANSWERED] = 1;
	}
	/* the targets; core users' (seed 004's 500) is the community's */
	for (j = 0; j < NC; j++) {
		double tg = cols[j].target == NULL || (j == C_CORE &&
		    strcmp(k->gid, "*") != 0) ? -1 : qp_target(cols[j].target);

		k->met[j] = tg < 0 || !k->has[j] ? -1 : k->v[j] >= tg;
		k->misses += k->met[j] == 0;
	}
}

/* Worst first: most targets missed, then the lowest speaking rate. */
static int
card_cmp(const void *a, const void *b)
{
	const struct card *x = a, *y = b;

	if (x->misses != y->misses)
		return x->misses > y->misses ? -1 : 1;
	if (x->has[C_SPEAK] != y->has[C_SPEAK])
		return x->has[C_SPEAK] ? -1 : 1;
	if (x->v[C_SPEAK] != y->v[C_SPEAK])
		return x->v[C_SPEAK] < y->v[C_SPEAK] ? -1 : 1;
	return strcmp(x->gid, y->gid);
}

static void
card_write(struct report *rp, FILE *f, const struct card *k)
{
	char b[NC][2][32], *v[2 + 2 * NC + 1], mis[16];
	size_t n = 0;
	int j;

	mdf(rp, "| %s |", mdcell(group_label(rp, k->gid)));
	v[n++] = (char *)k->gid;
	v[n++] = (char *)group_label(rp, k->gid);
	for (j = 0; j < NC; j++) {
		if (!k->has[j])
			mdf(rp, " — |");
		else if (cols[j].rate)
			mdf(rp, " %s%s |", pct(k->v[j]), k->met[j] < 0 ? "" :
			    k->met[j] ? " ✓" : " ✗");
		else
			mdf(rp, " %.0f%s |", k->v[j], k->met[j] < 0 ? "" :
			    k->met[j] ? " ✓" : " ✗");
		b[j][0][0] = b[j][1][0] = '\0';
		if (k->has[j] && cols[j].rate)
			snprintf(b[j][0], sizeof b[j][0], "%.4f", k->v[j]);
		else if (k->has[j])
			snprintf(b[j][0], sizeof b[j][0], "%.0f", k->v[j]);
		if (k->met[j] >= 0)
			snprintf(b[j][1], sizeof b[j][1], "%d", k->met[j]);
		v[n++] = b[j][0];
		if (cols[j].target != NULL)
			v[n++] = b[j][1];
	}
	mdf(rp, " %d |\n", k->misses);
	snprintf(mis, sizeof mis, "%d", k->misses);
	v[n++] = mis;
	csv_row(f, v, n);
}

static void
section_scorecard(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily"), *ro = tab_find(rp, "roster");
	int cg = col(d, "group_id");
	struct card *k;
	char *hdr[2 + 2 * NC + 1], met[NC][48];
	size_t i, n = 0, nh = 0;
	FILE *f;
	int j;

	if (cg < 0 || rp->lo == NODAY)
		return;
	k = qp_xcalloc(d->nrows + 1, sizeof *k);
	for (i = 0; i < d->nrows; i++)	/* the groups, in table order */
		if (strcmp(at(d, i, cg), "*") != 0 && (n == 0 ||
		    strcmp(k[n - 1].gid, at(d, i, cg)) != 0))
			k[n++].gid = at(d, i, cg);
	for (i = 0; i < n; i++)
		card_fill(rp, &k[i]);
	if (n > 1)
		qsort(k, n, sizeof *k, card_cmp);
	k[n].gid = "*";
	card_fill(rp, &k[n]);

	mdf(rp, _("\n## Scorecard\n\nOne row per group, worst first (most "
	    "targets missed, then the lowest daily speaking rate); the last "
	    "row is the whole community (scorecard.csv).\n\n| group |"));
	for (j = 0; j < NC; j++)
		mdf(rp, " %s |", _(cols[j].head));
	mdf(rp, _(" missed |\n|---|"));
	for (j = 0; j < NC; j++)
		mdf(rp, "---:|");
	mdf(rp, "---:|\n");
	hdr[nh++] = "group_id";
	hdr[nh++] = "group";
	for (j = 0; j < NC; j++) {
		hdr[nh++] = (char *)cols[j].csv;
		if (cols[j].target != NULL) {
			snprintf(met[j], sizeof met[j], "%s_met", cols[j].csv);
			hdr[nh++] = met[j];
		}
	}
	hdr[nh++] = "missed";
	f = csv_open(rp, "scorecard", hdr, nh);
	for (i = 0; i <= n; i++)
		card_write(rp, f, &k[i]);
	out_close(rp, f, "scorecard.csv");
	free(k);

	/* Whom the head counts count. */
	if (ro != NULL) {
		int rg = col(ro, "group_id"), rd = col(ro, "date");
		size_t snaps = 0, groups = 0;

		for (i = 0; i < ro->nrows; i++) {
			int ng = i == 0 || strcmp(at(ro, i, rg),
			    at(ro, i - 1, rg)) != 0;

			groups += ng;
			snaps += ng || strcmp(at(ro, i, rd),
			    at(ro, i - 1, rd)) != 0;
		}
		mdf(rp, _("\nMembers are counted from the roster (roster.csv; "
		    "snapshots: %zu, groups: %zu): those who never spoke count in "
		    "the daily speaking rate's denominator, and a member missing "
		    "from a later snapshot left on its day (left (roster): "
		    "inferred, apart from leaves the export records).\n"),
		    snaps, groups);
	} else
		mdf(rp, _("\nMembers are those the export shows (成员数按导出记录): "
		    "a member who never spoke appears in no export, so the daily "
		    "speaking rate's denominator is short and the rate an upper "
		    "bound; qp-ingest --roster gives the real head count.\n"));
	if (rp->hi < rp->end) {	/* the summary's members are at the end */
		char a[16], b[16];

		qp_day_format(a, rp->hi);
		qp_day_format(b, rp->end);
		mdf(rp, _("Members are those at the period's end, %s; the "
		    "summary's members at the end are those of %s.\n"), a, b);
	}
	mdf(rp, _("Weekly speaking participation is the share of members who "
	    "spoke in the week; weekly activity participation (周参与活动率) "
	    "is the share who took part in an activity.  Retention is the %s variant; UGC counts the "
	    "members' own since joining (members.csv); staff share and "
	    "questions are from staff.csv and answers.csv.\n"),
	    variant_name(rp->ret_variant));
}

const struct section sec_scorecard = {
	"scorecard", { "daily", "weekly", "retention", "core_users", "members",
	    "staff", "answers", "roster" }, section_scorecard
};
