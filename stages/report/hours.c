/*
 * When people talk: messages by weekday and hour, from the events.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

static void
section_hours(struct report *rp)
{
	FILE *f;
	char *p;
	int d, h;
	unsigned long long total = 0;
	double max = 0;

	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++) {
			total += rp->hours[d][h];
			if (rp->hours[d][h] > max)
				max = (double)rp->hours[d][h];
		}
	if (!rp->charts || total == 0)
		return;
	mdf(rp, _("\n## When people talk\n"));
	f = fopen(p = dat_path(rp, "hours.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++)
			fprintf(f, "%d\t%d\t%llu\n", h, d, rp->hours[d][h]);
	out_close(rp, f, "hours.dat");
	chart_begin(rp, "hours", _("Messages by weekday and hour"));
	fputs("set palette defined (0 '#ffffff', 1 '#fdae61', 2 '#d7191c')\nset "
	    "xrange [-0.5:23.5]\nset yrange [6.5:-0.5]\nset xtics 0,2,23\nunset "
	    "key\nset ytics (", rp->gp);
	for (d = 0; d < 7; d++) {
		static const char *const wd[] = { N_("Mon"), N_("Tue"),
		    N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };

		if (d > 0)
			fputs(", ", rp->gp);
		gpq(rp, _(wd[d]));
		fprintf(rp->gp, " %d", d);
	}
	fputs(")\n", rp->gp);
	axis_label(rp, "x", _("hour of the day (local time, 0-23)"));
	axis_label(rp, "y", _("weekday"));
	axis_label(rp, "cb", _("number of messages"));
	count_tics(rp, "cb", max, 0);
	fprintf(rp->gp, "plot '%s' using 1:2:3 with image\n", rel(rp, p));
	chart_end(rp, "hours");
	free(p);
}

const struct section sec_hours = {
	"hours", { NULL }, section_hours
};
