/*
 * The funnel of the community: each step reached, its conversions and
 * median time, and its chart.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

/* The default funnel's steps (R18) in words; a spec file's as named. */
static const char *
step_name(const char *name)
{
	static const char *const steps[][2] = {
		{ "join", N_("joined") },
		{ "first_message_72h", N_("spoke within 72 hours") },
		{ "core_week", N_("a core week") },
		{ "ugc", N_("original content") },
		{ "engaged", N_("engaged with content (种草)") },
		{ "paid", N_("paid") }
	};
	size_t i;

	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (strcmp(name, steps[i][0]) == 0)
			return _(steps[i][1]);
	return name;
}

static void
section_funnel(struct report *rp)
{
	struct tab *t = tab_find(rp, "funnel");
	int cg = col(t, "group_id"), cc = col(t, "cohort"), cn = col(t, "name"),
	    cr = col(t, "reached"), cp = col(t, "conv_prev"),
	    cf = col(t, "conv_first"), cm = col(t, "median_s");
	size_t i, n = 0;
	double max = 0;
	FILE *f = NULL;
	char *p = NULL;

	if (cr < 0)
		return;
	mdf(rp, _("\n## Funnel\n\n| step | reached | from previous | from first "
	    "| median time |\n|---|---:|---:|---:|---:|\n"));
	if (rp->charts && (f = fopen(p = dat_path(rp, "funnel.dat"),
	    "w")) == NULL)
		qp_die("%s: %s", p, strerror(errno));
	FOR_SCOPE(t, i, cg, "*") {
		double s = num(at(t, i, cm));
		char med[32] = "";

		if (strcmp(at(t, i, cc), "*") != 0)
			continue;
		if (*at(t, i, cm))
			snprintf(med, sizeof med, s >= 86400 ? _("%.1f days") :
			    s >= 3600 ? _("%.1f hours") : _("%.0f min"),
			    s >= 86400 ? s / 86400 : s >= 3600 ? s / 3600 :
			    s / 60);
		mdf(rp, "| %s | %s | %s | %s | %s |\n",
		    mdcell(step_name(at(t, i, cn))),
		    at(t, i, cr), *at(t, i, cp) ? pct(num(at(t, i, cp))) :
		    "—", *at(t, i, cf) ? pct(num(at(t, i, cf))) : "—", med);
		if (f != NULL) {
			datq(f, step_name(at(t, i, cn)));
			fprintf(f, "\t%s\t%s\n", at(t, i, cr),
			    *at(t, i, cf) ? at(t, i, cf) : "0");
			if (num(at(t, i, cr)) > max)
				max = num(at(t, i, cr));
		}
		n++;
	}
	/* Beside the paid conversion above, which counts every member. */
	if (n > 0)
		mdf(rp, _("\nThe funnel follows the members whose membership "
		    "began with a join, each step within the window after it "
		    "(30 days unless qp-funnel --window says otherwise); the paid "
		    "conversion above counts every member, whenever they paid "
		    "(funnel.csv).\n"));
	if (f != NULL) {
		out_close(rp, f, "funnel.dat");
		if (n > 0) {
			chart_begin(rp, "funnel", _("Funnel (all groups)"));
			axis_label(rp, "x", _("funnel step"));
			axis_label(rp, "y", _("members who reached the step "
			    "(labels: share of the first step)"));
			count_tics(rp, "y", max * 1.1, 0);
			fprintf(rp->gp, "set style fill solid 0.6\nset boxwidth "
			    "0.6\nset xrange [-0.5:%zu.5]\nunset key\nplot '%s' "
			    "using 0:2:xtic(1) with boxes lc rgb '#4c78a8', '' "
			    "using 0:2:(sprintf('%%.1f%%%%', $3 * 100)) with "
			    "labels offset 0,1\n", n - 1,
			    rel(rp, p));
			chart_end(rp, "funnel");
		}
		free(p);
	}
}

const struct section sec_funnel = {
	"funnel", { "funnel", NULL }, section_funnel
};
