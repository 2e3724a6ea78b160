/*
 * Retention: the N-day table and chart of the community, and the join
 * cohorts' heatmap.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_time.h"

#include "report.h"

static void
section_retention(struct report *rp)
{
	struct tab *t = tab_find(rp, "retention"), *c = tab_find(rp, "cohort");
	int cg = col(t, "group_id"), cc = col(t, "cohort"), cv = col(t, "variant"),
	    cn = col(t, "n"), ce = col(t, "eligible"), cr = col(t, "rate"),
	    crt = col(t, "retained");
	size_t i;
	FILE *f;
	char *p;

	mdf(rp, T("\n## 留存\n\n| 口径 | N | 可计 | 留存 | 留存率 |\n"
	    "|---|---:|---:|---:|---:|\n",
	    "\n## Retention\n\n| variant | N | eligible | retained | rate |\n"
	    "|---|---:|---:|---:|---:|\n"));
	FOR_SCOPE(t, i, cg, "*")
		if (strcmp(t->rows[i][cc], "*") == 0)
			mdf(rp, "| %s | %s | %s | %s | %s |\n", t->rows[i][cv],
			    t->rows[i][cn], t->rows[i][ce], t->rows[i][crt],
			    *t->rows[i][cr] ? pct(num(t->rows[i][cr])) : "—");
	if (!rp->charts || t == NULL)
		return;
	f = fopen(p = dat_path(rp, "retention.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	{
		static const char *const var[] = { "D", "D+", "M" };
		size_t v;

		for (v = 0; v < 3; v++) {
			FOR_SCOPE(t, i, cg, "*")
				if (strcmp(t->rows[i][cc], "*") == 0 &&
				    strcmp(t->rows[i][cv], var[v]) == 0)
					fprintf(f, "%s\t%s\n", t->rows[i][cn],
					    *t->rows[i][cr] ? t->rows[i][cr] : "NaN");
			fputs("\n\n", f);
		}
	}
	out_close(rp, f, "retention.dat");
	chart_begin(rp, "retention", T("N 日留存（全部入群队列）",
	    "N-day retention (all join cohorts)"));
	fprintf(rp->gp, "set yrange [0:1]\nset logscale x\nset xlabel 'N'\n"
	    "set ytics ('0%%%%' 0, '20%%%%' 0.2, '40%%%%' 0.4, '60%%%%' 0.6, "
	    "'80%%%%' 0.8, '100%%%%' 1)\n"
	    "plot '%s' index 0 using 1:2 with linespoints lw 2 title 'D', "
	    "'' index 1 using 1:2 with linespoints lw 2 title 'D+', "
	    "'' index 2 using 1:2 with linespoints lw 2 title 'M', "
	    "%g with lines dt 2 lc rgb '#888888' title ", rel(rp, p),
	    qp_target("retention_30") >= 0 ? qp_target("retention_30") : 0.6);
	gpq(rp, T("30 日目标", "30-day target"));
	fputs("\n", rp->gp);
	chart_end(rp, "retention");
	free(p);

	/* The cohort heatmap: the last 16 cohorts of "*". */
	{
		int kg = col(c, "group_id"), kc = col(c, "cohort"),
		    ko = col(c, "offset"), kr = col(c, "rate");
		char **labels = NULL;
		size_t nl = 0, first = 0, j;

		if (kr < 0)
			return;
		FOR_SCOPE(c, i, kg, "*")
			if (nl == 0 || strcmp(labels[nl - 1], c->rows[i][kc]) != 0) {
				labels = qp_xrealloc(labels, nl + 1, sizeof *labels);
				labels[nl++] = c->rows[i][kc];
			}
		if (nl == 0) {
			free(labels);
			return;
		}
		if (nl > 16)
			first = nl - 16;
		f = fopen(p = dat_path(rp, "cohort.dat"), "w");
		if (f == NULL)
			qp_die("%s: %s", p, strerror(errno));
		FOR_SCOPE(c, i, kg, "*") {
			for (j = first; j < nl; j++)
				if (strcmp(labels[j], c->rows[i][kc]) == 0)
					break;
			if (j == nl || num(c->rows[i][ko]) > 26)
				continue;
			fprintf(f, "%s\t%zu\t%s\n", c->rows[i][ko], j - first,
			    *c->rows[i][kr] ? c->rows[i][kr] : "NaN");
		}
		out_close(rp, f, "cohort.dat");
		chart_begin(rp, "cohort", T("入群队列：各期发言成员占比",
		    "Join cohorts: share who spoke in each later period"));
		fputs("set cbrange [0:1]\nset palette defined (0 '#f7fbff', "
		    "0.5 '#6baed6', 1 '#08306b')\nset xlabel ", rp->gp);
		gpq(rp, T("入群后第几期", "periods after joining"));
		fputs("\nset ytics (", rp->gp);
		for (j = first; j < nl; j++) {
			if (j > first)
				fputs(", ", rp->gp);
			gpq(rp, labels[j]);
			fprintf(rp->gp, " %zu", j - first);
		}
		fprintf(rp->gp, ")\nset yrange [%zu.5:-0.5]\n"
		    "set xrange [-0.5:*]\nunset key\nplot '%s' using 1:2:(0.5):"
		    "(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette\n",
		    nl - first - 1, rel(rp, p));
		chart_end(rp, "cohort");
		free(labels);
		free(p);
	}
}


const struct section sec_retention = {
	"retention", { "retention", "cohort", NULL }, section_retention
};
