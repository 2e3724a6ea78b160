/*
 * Check-ins and camps (打卡与训练营): per camp of the period its rates,
 * the day-by-day check-in rate as a chart, who completed, and two to-do
 * lists: who broke their streak yesterday, and who has earned the reward
 * or the deposit back.  From qp-cohort's camps, checkin_days and checkins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

#define MAXCAMPS	8	/* lines of the chart */

static const char *
type_name(const char *key)
{
	const char *t = group_type_name(key, strlen(key));

	return t != NULL ? t : *key ? key : "—";
}

static const char *
rate_or_dash(const char *s)
{
	return *s ? pct(num(s)) : "—";
}

/* Whether camp row i of c runs on a day of the period. */
static int
shown(struct report *rp, const struct tab *c, size_t i)
{
	long long s = parse_day(cell(c, i, col(c, "start"))),
	    l = parse_day(cell(c, i, col(c, "last_day")));

	return s != NODAY && s <= rp->hi && (l == NODAY || l >= rp->lo);
}

/* Whether group g is a camp shown. */
static int
camp_shown(struct report *rp, const struct tab *c, const char *g)
{
	int cg = col(c, "group_id");
	size_t i;

	FOR_SCOPE(c, i, cg, g)
		return shown(rp, c, i);
	return 0;
}

static void
curve_chart(struct report *rp, const struct tab *c, const struct tab *d)
{
	int cg = col(c, "group_id"), dg = col(d, "group_id"),
	    dk = col(d, "day"), dr = col(d, "rate");
	size_t i, j, n = 0;
	long long span = 1;
	char *p, buf[256];
	const char *ids[MAXCAMPS];
	FILE *f = dat_open(rp, "checkins.dat", &p);

	for (i = 0; i < c->nrows && n < MAXCAMPS; i++) {
		if (!shown(rp, c, i))
			continue;
		ids[n++] = at(c, i, cg);
		FOR_SCOPE(d, j, dg, at(c, i, cg)) {
			fprintf(f, "%s\t%s\n", at(d, j, dk),
			    *at(d, j, dr) ? at(d, j, dr) : "NaN");
			if (num(at(d, j, dk)) > span)
				span = (long long)num(at(d, j, dk));
		}
		fputs("\n\n", f);
	}
	out_close(rp, f, "checkins.dat");
	if (n == 0) {
		free(p);
		return;
	}
	chart_begin(rp, "checkins", _("Check-in rate by camp day (checked in "
	    "÷ members that day)"));
	axis_label(rp, "x", _("camp day (day 1: the planned start, else the "
	    "first check-in)"));
	axis_label(rp, "y", _("check-in rate"));
	fprintf(rp->gp, "set xrange [0.5:%lld.5]\nset xtics %lld\n"
	    "set yrange [0:1.05]\nset ytics ('0%%%%' 0, '25%%%%' 0.25, "
	    "'50%%%%' 0.5, '75%%%%' 0.75, '100%%%%' 1)\nplot ", span,
	    span > 31 ? (span + 29) / 30 * 2 : 1);
	for (i = 0; i < n; i++) {
		fprintf(rp->gp, "%s'%s' index %zu using 1:2 with linespoints pt "
		    "7 ps 0.6 lw 2 title ", i ? ", " : "", rel(rp, p), i);
		gpq(rp, *chart_label(group_label(rp, ids[i]), buf, sizeof buf,
		    30) ? buf : ids[i]);
	}
	fputs("\n", rp->gp);
	chart_end(rp, "checkins");
	free(p);
}

/* The members of the camps shown that pass keep(), most check-ins first. */
static void
member_list(struct report *rp, const struct tab *c, const struct tab *m,
    int (*keep)(const struct tab *, size_t), int what)
{
	int mg = col(m, "group_id"), md = col(m, "checkin_days"),
	    ml = col(m, "longest_streak"), mc = col(m, "current_streak"),
	    mo = col(m, "ontime_days"), mk = col(m, "makeup_days"),
	    mdone = col(m, "completed"), mlast = col(m, "last_checkin"),
	    ms7 = col(m, "streak7");
	size_t *idx = NULL, n = 0, i;

	for (i = 0; i < m->nrows; i++)
		if (camp_shown(rp, c, at(m, i, mg)) && keep(m, i)) {
			idx = qp_xrealloc(idx, n + 1, sizeof *idx);
			idx[n++] = i;
		}
	if (n > 0)	/* qsort wants an array, even of none */
		sort_rows(m, md, idx, n);
	for (i = 0; i < n && i < LIST; i++) {
		const char *const *r = row_at(m, idx[i]);

		if (!row_begin(rp))
			continue;
		if (what == 0)
			mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			    mdcell(group_label(rp, r[mg])),
			    mdcell(member_name(m, idx[i])), r[md], r[ml], r[mc],
			    *r[mo] ? r[mo] : "—", r[mk],
			    *r[mdone] ? (*r[mdone] == '1' ? _("yes") : _("no")) :
			    "—");
		else if (what == 1)
			mdf(rp, "| %s | %s | %s | %s |\n",
			    mdcell(group_label(rp, r[mg])),
			    mdcell(member_name(m, idx[i])), r[mlast], r[md]);
		else
			mdf(rp, "| %s | %s | %s | %s | %s |\n",
			    mdcell(group_label(rp, r[mg])),
			    mdcell(member_name(m, idx[i])), r[md], r[ml],
			    *r[mdone] == '1' && *r[ms7] == '1' ?
			    _("completed, streak of 7") : *r[mdone] == '1' ?
			    _("completed") : _("streak of 7"));
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, _("\n… and %zu more (checkins.csv)\n"), n - LIST);
	free(idx);
}

static int
any(const struct tab *m, size_t i)
{
	return num(cell(m, i, col(m, "checkin_days"))) > 0;
}

static int
broke(const struct tab *m, size_t i)
{
	return *cell(m, i, col(m, "broke_yesterday")) == '1';
}

static int
earned(const struct tab *m, size_t i)
{
	return *cell(m, i, col(m, "completed")) == '1' ||
	    *cell(m, i, col(m, "streak7")) == '1';
}

static void
section_camps(struct report *rp)
{
	struct tab *c = tab_find(rp, "camps"), *d = tab_find(rp, "checkin_days"),
	    *m = tab_find(rp, "checkins");
	int cg, i_shown = 0;
	size_t i;

	if (c == NULL || m == NULL || rp->lo == NODAY)
		return;
	for (i = 0; i < c->nrows; i++)
		i_shown += shown(rp, c, i);
	if (i_shown == 0)
		return;
	cg = col(c, "group_id");
	mdf(rp, _("\n## Check-ins and camps\n\nA check-in is a member's "
	    "message matching qp-cohort --checkin, one a day; 报到 is a "
	    "message within 24 hours of the start (or of joining), 完成 is "
	    "reaching the required days, 结营 is still being in the group "
	    "at the camp's last day.\n\n| camp | type | start | days | "
	    "members | reported (报到率) | checked in (打卡率) | completed "
	    "(完成率) | stayed (结营率) |\n"
	    "|---|---|---|---:|---:|---:|---:|---:|---:|\n"));
	for (i = 0; i < c->nrows; i++) {
		if (!shown(rp, c, i))
			continue;
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, at(c, i, cg))),
		    type_name(cell(c, i, col(c, "type"))),
		    cell(c, i, col(c, "start")),
		    *cell(c, i, col(c, "days")) ? cell(c, i, col(c, "days")) :
		    "—", cell(c, i, col(c, "enrolled")),
		    rate_or_dash(cell(c, i, col(c, "report_rate"))),
		    rate_or_dash(cell(c, i, col(c, "checkin_rate"))),
		    rate_or_dash(cell(c, i, col(c, "completion_rate"))),
		    rate_or_dash(cell(c, i, col(c, "graduation_rate"))));
	}
	if (rp->charts && d != NULL)
		curve_chart(rp, c, d);
	mdf(rp, _("\n### Check-ins per member (most first)\n"));
	rp->pending = _("\n| camp | member | check-in days | longest streak | "
	    "current streak | on time | make-ups | completed |\n"
	    "|---|---|---:|---:|---:|---:|---:|---|\n");
	member_list(rp, c, m, any, 0);
	mdf(rp, _("\n### Broke the streak yesterday (checked in the day "
	    "before, not yesterday: remind them)\n"));
	rp->pending = _("\n| camp | member | last check-in | check-in days "
	    "|\n|---|---|---|---:|\n");
	member_list(rp, c, m, broke, 1);
	mdf(rp, _("\n### Reward or deposit due (completed, or 7 days in a "
	    "row)\n"));
	rp->pending = _("\n| camp | member | check-in days | longest streak | "
	    "why |\n|---|---|---:|---:|---|\n");
	member_list(rp, c, m, earned, 2);
}

const struct section sec_camps = {
	"camps", { "camps", "checkin_days", "checkins", NULL }, section_camps
};
