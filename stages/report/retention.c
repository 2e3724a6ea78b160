/*
 * Retention: the N-day table and chart of the community, and the join
 * cohorts' heatmap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

static void	retention_chart(struct report *, struct tab *);
static void	cohort_chart(struct report *, struct tab *);

static void
section_retention(struct report *rp)
{
	struct tab *t = tab_find(rp, "retention"), *c = tab_find(rp, "cohort");
	int cg = col(t, "group_id"), cc = col(t, "cohort"),
	    cv = col(t, "variant"), cn = col(t, "n"), ce = col(t, "eligible"),
	    cr = col(t, "rate"),
	    crt = col(t, "retained");
	size_t i;

	mdf(rp, _("\n## Retention\n\n| variant | N | eligible | retained | rate "
	    "|\n|---|---:|---:|---:|---:|\n"));
	FOR_SCOPE(t, i, cg, "*")
		if (strcmp(at(t, i, cc), "*") == 0)
			mdf(rp, "| %s | %s | %s | %s | %s |\n",
			    variant_name(at(t, i, cv)),
			    at(t, i, cn), at(t, i, ce), at(t, i, crt),
			    *at(t, i, cr) ? pct(num(at(t, i, cr))) : "—");
	if (!rp->charts || t == NULL)
		return;
	retention_chart(rp, t);
	cohort_chart(rp, c);
}

/*
 * Bars per N, not a line: each N has its own eligible members (joined at
 * least N days before the end), so the points are not one group followed
 * over time; the tic labels say how many each N counts.
 */
static void
retention_chart(struct report *rp, struct tab *t)
{
	int cg = col(t, "group_id"), cc = col(t, "cohort"),
	    cv = col(t, "variant"), cn = col(t, "n"), ce = col(t, "eligible"),
	    cr = col(t, "rate");
	static const char *const var[] = { "D", "D+", "M" };
	size_t i, j, v, rates = 0;
	char *p, label[64];
	FILE *f;

	FOR_SCOPE(t, i, cg, "*")
		rates += strcmp(at(t, i, cc), "*") == 0 && *at(t, i, cr);
	if (rates == 0)
		return;		/* nobody eligible yet: no bars to draw */
	f = dat_open(rp, "retention.dat", &p);

	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(at(t, i, cc), "*") != 0 ||
		    strcmp(at(t, i, cv), "D") != 0)
			continue;
		snprintf(label, sizeof label, _("day %s (%s eligible)"),
		    at(t, i, cn), at(t, i, ce));
		datq(f, label);
		for (v = 0; v < 3; v++)
			FOR_SCOPE(t, j, cg, "*")
				if (strcmp(at(t, j, cc), "*") == 0 &&
				    strcmp(at(t, j, cv), var[v]) == 0 &&
				    strcmp(at(t, j, cn), at(t, i, cn)) == 0)
					fprintf(f, "\t%s", *at(t, j, cr) ?
					    at(t, j, cr) : "NaN");
		fputs("\n", f);
	}
	out_close(rp, f, "retention.dat");
	chart_begin(rp, "retention", _("N-day retention of all join cohorts "
	    "(each N counts only members who joined N days before the end: "
	    "bars, not one group over time)"));
	axis_label(rp, "x", _("N days after joining"));
	axis_label(rp, "y", _("retention (retained ÷ eligible members)"));
	fprintf(rp->gp, "set yrange [0:1]\nset ytics ('0%%%%' 0, '20%%%%' 0.2, "
	    "'40%%%%' 0.4, '60%%%%' 0.6, '80%%%%' 0.8, '100%%%%' 1)\nset style "
	    "data histogram\nset style histogram clustered gap 1\nset style "
	    "fill solid 0.8 border -1\nplot '%s' using 2:xtic(1) title ",
	    rel(rp, p));
	gpq(rp, _("D: spoke on day N"));
	fputs(", '' using 3 title ", rp->gp);
	gpq(rp, _("D+: spoke on day N or later"));
	fputs(", '' using 4 title ", rp->gp);
	gpq(rp, _("M: still a member on day N"));
	fprintf(rp->gp, ", %g with lines dt 2 lc rgb '#888888' title ",
	    qp_target("retention_30") >= 0 ? qp_target("retention_30") : 0.6);
	gpq(rp, _("30-day target"));
	fputs("\n", rp->gp);
	chart_end(rp, "retention");
	free(p);
}

/* The cohort heatmap: the last 16 cohorts of "*". */
static void
cohort_chart(struct report *rp, struct tab *c)
{
	int kg = col(c, "group_id"), kc = col(c, "cohort"),
	    ko = col(c, "offset"), kr = col(c, "rate");
	const char **labels = NULL;
	char *p;
	size_t nl = 0, first = 0, i, j;
	int weeks;
	FILE *f;

	if (kr < 0)
		return;
	FOR_SCOPE(c, i, kg, "*")
		if (nl == 0 || strcmp(labels[nl - 1], at(c, i, kc)) != 0) {
			labels = qp_xrealloc(labels, nl + 1, sizeof *labels);
			labels[nl++] = at(c, i, kc);
		}
	if (nl == 0) {
		free(labels);
		return;
	}
	if (nl > 16)
		first = nl - 16;
	weeks = parse_week(labels[0]) != NODAY;	/* qp-cohort --by week */
	f = dat_open(rp, "cohort.dat", &p);
	FOR_SCOPE(c, i, kg, "*") {
		for (j = first; j < nl; j++)
			if (strcmp(labels[j], at(c, i, kc)) == 0)
				break;
		if (j == nl || num(at(c, i, ko)) > 26)
			continue;
		fprintf(f, "%s\t%zu\t%s\n", at(c, i, ko), j - first,
		    *at(c, i, kr) ? at(c, i, kr) : "NaN");
	}
	out_close(rp, f, "cohort.dat");
	chart_begin(rp, "cohort", weeks ? _("Weekly join cohorts: share who "
	    "spoke in each later week") :
	    _("Monthly join cohorts: share who spoke in each later month"));
	axis_label(rp, "x", weeks ? _("weeks after the week of joining (0: that "
	    "week)") : _("months after the month of joining (0: that month)"));
	axis_label(rp, "y", weeks ? _("week of joining (ISO week)") : _("month "
	    "of joining"));
	axis_label(rp, "cb", _("share of the cohort who spoke"));
	fputs("set cbrange [0:1]\nset cbtics ('0%%' 0, '25%%' 0.25, '50%%' 0.5, "
	    "'75%%' 0.75, '100%%' 1)\n"
	    /* 0% apart from the white of weeks not yet come */
	    "set palette defined (0 '#dde6f0', 0.5 '#6baed6', 1 '#08306b')\nset "
	    "xtics 1\nset ytics (", rp->gp);
	for (j = first; j < nl; j++) {
		if (j > first)
			fputs(", ", rp->gp);
		gpq(rp, labels[j]);
		fprintf(rp->gp, " %zu", j - first);
	}
	fprintf(rp->gp, ")\nset yrange [%zu.5:-0.5]\nset xrange [-0.5:*]\nunset "
	    "key\nplot '%s' using 1:2:(0.5):(0.5):3 with boxxyerror fs solid "
	    "1.0 noborder lc palette\n",
	    nl - first - 1, rel(rp, p));
	chart_end(rp, "cohort");
	free(labels);
	free(p);
}

const struct section sec_retention = {
	"retention", { "retention", "cohort", NULL }, section_retention
};
