/*
 * Activities and participation (周参与活动率): per week of the period the
 * share of members who took part in at least one activity, against its
 * target (seed 004: 50%), beside the speaking participation (周发言率) of
 * the same week; a chart of both; and the period's activities with their
 * participants.  From qp-cohort's activity_weeks, activities and weekly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_time.h"

#include "report.h"

#define MAXACTS	40	/* activities listed in report.md */
#define MAXLINES	6	/* groups drawn in the chart */

static double
target(void)
{
	double t = qp_target("activity_participation");

	return t >= 0 ? t : 0.5;
}

/* Whether week row i of w is in the period, up to the end date. */
static int
week_shown(struct report *rp, const struct tab *w, size_t i)
{
	const char *wk = cell(w, i, col(w, "week"));

	return week_in_period(rp, wk) && parse_week(wk) <= rp->hi;
}

/* The speaking participation of a scope's week, "" if none. */
static const char *
speaking(struct report *rp, const char *g, const char *week)
{
	struct tab *t = tab_find(rp, "weekly");
	int cw = col(t, "week"), cg = col(t, "group_id"),
	    cp = col(t, "participation");
	size_t i;

	if (cp < 0)
		return "";
	FOR_SCOPE(t, i, cg, g)
		if (strcmp(at(t, i, cw), week) == 0)
			return at(t, i, cp);
	return "";
}

/* The rate of scope g in week label wk, "NaN" if it had no activity. */
static const char *
rate_of(const struct tab *w, const char *g, const char *wk)
{
	int cw = col(w, "week"), cg = col(w, "group_id"), cr = col(w, "rate");
	size_t i;

	FOR_SCOPE(w, i, cg, g)
		if (strcmp(at(w, i, cw), wk) == 0)
			return *at(w, i, cr) ? at(w, i, cr) : "NaN";
	return "NaN";
}

/* Bars: all groups; a line per group with activities (the first few). */
static void
weeks_chart(struct report *rp, const struct tab *w)
{
	int cw = col(w, "week"), cg = col(w, "group_id");
	const char *ids[MAXLINES];
	char *p, buf[256];
	FILE *f;
	size_t i, k, n = 0, ng = 0;

	for (i = 0; i < w->nrows && ng < MAXLINES; i++)
		if (strcmp(at(w, i, cg), "*") != 0 && week_shown(rp, w, i) &&
		    (ng == 0 || strcmp(ids[ng - 1], at(w, i, cg)) != 0))
			ids[ng++] = at(w, i, cg);
	f = dat_open(rp, "activity_weeks.dat", &p);
	FOR_SCOPE(w, i, cg, "*") {
		if (!week_shown(rp, w, i))
			continue;
		fprintf(f, "%zu\t", n++);
		datq(f, at(w, i, cw));
		fprintf(f, "\t%s", rate_of(w, "*", at(w, i, cw)));
		for (k = 0; k < ng; k++)
			fprintf(f, "\t%s", rate_of(w, ids[k], at(w, i, cw)));
		fputs("\n", f);
	}
	out_close(rp, f, "activity_weeks.dat");
	if (n == 0) {
		free(p);
		return;
	}
	chart_begin(rp, "activity_weeks", _("Weekly activity participation "
	    "(周参与活动率: members who took part in an activity ÷ members)"));
	fprintf(rp->gp, "set style fill solid 0.5\nset boxwidth 0.6\n"
	    "set xtics rotate by -45\nset xrange [-0.5:%zu.5]\n"
	    "set yrange [0:1.05]\nset ytics ('0%%%%' 0, '25%%%%' 0.25, "
	    "'50%%%%' 0.5, '75%%%%' 0.75, '100%%%%' 1)\n", n - 1);
	axis_label(rp, "x", _("ISO week (no bar or point: no activity)"));
	axis_label(rp, "y", _("share of the week's members"));
	fprintf(rp->gp, "plot '%s' using 1:3:xtic(2) with boxes lc rgb "
	    "'#4c78a8' title ", rel(rp, p));
	gpq(rp, _("all groups"));
	for (k = 0; k < ng; k++) {
		fprintf(rp->gp, ", '' using 1:%zu with linespoints pt 7 ps 0.8 "
		    "lw 2 title ", k + 4);
		gpq(rp, *chart_label(group_label(rp, ids[k]), buf, sizeof buf,
		    30) ? buf : ids[k]);
	}
	fprintf(rp->gp, ", %g with lines dt 2 lw 2 lc rgb '#e45756' title ",
	    target());
	gpq(rp, _("target"));
	fputs("\n", rp->gp);
	chart_end(rp, "activity_weeks");
	free(p);
}

static void
weeks_table(struct report *rp, const struct tab *w)
{
	int cw = col(w, "week"), cg = col(w, "group_id"),
	    cm = col(w, "members"), ca = col(w, "activities"),
	    cp = col(w, "participants"), cr = col(w, "rate");
	double tg = target();
	size_t i;

	mdf(rp, _("\n| week | group | members | activities | took part | "
	    "activity participation (周参与活动率) | target %s | speaking "
	    "participation (周发言率) |\n|---|---|---:|---:|---:|---:|:-:|---:|\n"),
	    pct(tg));
	for (i = 0; i < w->nrows; i++) {
		const char *const *r = row_at(w, i);
		const char *s;

		if (!week_shown(rp, w, i))
			continue;
		s = speaking(rp, r[cg], r[cw]);
		if (*r[cr] == '\0') {
			mdf(rp, _("| %s | %s | %s | 0 | — | no activity this "
			    "week | — | %s |\n"), r[cw],
			    strcmp(r[cg], "*") == 0 ? _("all groups") :
			    mdcell(group_label(rp, r[cg])), r[cm],
			    *s ? pct(num(s)) : "—");
			continue;
		}
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", r[cw],
		    strcmp(r[cg], "*") == 0 ? _("all groups") :
		    mdcell(group_label(rp, r[cg])), r[cm], r[ca], r[cp],
		    pct(num(r[cr])), num(r[cr]) >= tg ? "✓" : "✗",
		    *s ? pct(num(s)) : "—");
	}
}

static void
acts_table(struct report *rp, const struct tab *a)
{
	int cg = col(a, "group_id"), cs = col(a, "start"), cn = col(a, "name"),
	    cm = col(a, "members"), cp = col(a, "participants"),
	    cr = col(a, "rate"), cy = col(a, "replies"),
	    cd = col(a, "median_response_s");
	size_t i, n = 0, more = 0;

	mdf(rp, _("\n### Activities of the period\n\n| group | start | "
	    "activity | members | took part | share | replies | median first "
	    "response |\n|---|---|---|---:|---:|---:|---:|---:|\n"));
	for (i = 0; i < a->nrows; i++) {
		const char *const *r = row_at(a, i);
		char when[32], med[32], d[11];

		if (strlen(r[cs]) < 16)
			continue;
		/* the local day and time as the start says them */
		snprintf(when, sizeof when, "%.10s %.5s", r[cs], r[cs] + 11);
		snprintf(d, sizeof d, "%s", r[cs]);
		if (!in_period(rp, parse_day(d)))
			continue;
		if (n++ >= MAXACTS) {
			more++;
			continue;
		}
		if (*r[cd] == '\0')
			snprintf(med, sizeof med, "—");
		else if (num(r[cd]) < 3600)
			snprintf(med, sizeof med, _("%.0f min"),
			    num(r[cd]) / 60);
		else
			snprintf(med, sizeof med, _("%.1f h"),
			    num(r[cd]) / 3600);
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, r[cg])), when, mdcell(r[cn]), r[cm],
		    r[cp], *r[cr] ? pct(num(r[cr])) : "—", r[cy], med);
	}
	if (more > 0)
		mdf(rp, _("\n… and %zu more (activities.csv)\n"), more);
}

static void
section_activities(struct report *rp)
{
	struct tab *w = tab_find(rp, "activity_weeks"),
	    *a = tab_find(rp, "activities");
	size_t i, n = 0;

	if (w == NULL || a == NULL || rp->lo == NODAY)
		return;
	for (i = 0; i < w->nrows; i++)
		n += week_shown(rp, w, i);
	if (n == 0)
		return;
	mdf(rp, _("\n## Activities and participation\n\nAn activity is a "
	    "staff message matching qp-cohort --activity (今日话题, 接龙, "
	    "抽奖, 直播预告), a red packet or 接龙 staff send, or a row of "
	    "--activities; it lasts until the next one of its group or 24 "
	    "hours.  A member takes part by posting in that time, replying "
	    "to it, joining its 接龙 or opening its red packet.  Activity "
	    "participation (周参与活动率) is the members who took part in at "
	    "least one activity of the week ÷ the week's members "
	    "(activity_weeks.csv); speaking participation (周发言率, "
	    "weekly.csv) stands beside it.\n"));
	if (rp->charts)
		weeks_chart(rp, w);
	weeks_table(rp, w);
	acts_table(rp, a);
}

const struct section sec_activities = {
	"activities", { "activity_weeks", "activities", "weekly", NULL },
	section_activities
};
