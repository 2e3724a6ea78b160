/*
 * Activity: messages, speakers and the speaking rate of the community on
 * every day of the period up to the end date (a day after the last event
 * is a silent day), and weekly participation and core members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_time.h"

#include "report.h"

/* The x axis of a chart by day: the period's days, padded by one;
 * labelled by month-day, or by year-month over more than a year. */
void
day_axis(struct report *rp)
{
	char a[16], b[16];
	int long_span = rp->hi - rp->lo > 366;

	qp_day_format(a, rp->lo - 1);
	qp_day_format(b, rp->hi + 1);
	fprintf(rp->gp, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset format "
	    "x '%s'\nset xtics rotate by -45\nset xrange ['%s':'%s']\n",
	    long_span ? "%Y-%m" : "%m-%d", a, b);
	axis_label(rp, "x", long_span ? _("month (year-month)") :
	    _("day (month-day)"));
	/* a tick a day over two weeks or less (gnuplot ticked hours, each
	 * labelled with its day: 06-02 06-02 06-02 06-03...) */
	if (rp->hi - rp->lo < 14)
		fputs("set xtics 86400\n", rp->gp);
}

static void
daily_chart(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cm = col(d, "messages"), cs = col(d, "speakers"),
	    cr = col(d, "speaking_rate");
	long long day, last = rp->lo - 1;
	double max = 0;
	char *p, date[16];
	FILE *f = dat_open(rp, "daily.dat", &p);
	size_t i;

	FOR_SCOPE(d, i, cg, "*") {
		day = parse_day(at(d, i, cd));
		if (day < rp->lo || day > rp->hi)
			continue;
		fprintf(f, "%s\t%s\t%s\t%s\n", at(d, i, cd), at(d, i, cm),
		    at(d, i, cs), *at(d, i, cr) ? at(d, i, cr) : "NaN");
		if (num(at(d, i, cm)) > max)
			max = num(at(d, i, cm));
		last = day;
	}
	for (day = last + 1; day <= rp->hi; day++) {
		/* silent days after the last event */
		qp_day_format(date, day);
		fprintf(f, "%s\t0\t0\t0\n", date);
	}
	out_close(rp, f, "daily.dat");
	chart_begin(rp, "activity", _("Messages, speakers and speaking rate per "
	    "day"));
	day_axis(rp);
	axis_label(rp, "y", _("messages or speakers per day"));
	count_tics(rp, "y", max, 0);
	axis_label(rp, "y2", _("speaking rate (speakers ÷ members)"));
	fprintf(rp->gp, "set y2range [0:1]\nset y2tics ('0%%%%' 0, '20%%%%' "
	    "0.2, '40%%%%' 0.4, '60%%%%' 0.6, '80%%%%' 0.8, '100%%%%' 1)\nset "
	    "boxwidth 0.8 * 86400 absolute\nplot '%s' using 1:2 with boxes fs "
	    "solid 0.5 lc rgb '#4c78a8' title ", rel(rp, p));
	gpq(rp, _("messages"));
	fputs(", '' using 1:3 with linespoints pt 7 ps 0.5 lw 2 lc rgb "
	    "'#f58518' title ", rp->gp);
	gpq(rp, _("speakers"));
	fputs(", '' using 1:4 axes x1y2 with linespoints pt 7 ps 0.5 lw 2 lc "
	    "rgb '#54a24b' title ", rp->gp);
	gpq(rp, _("speaking rate"));
	fprintf(rp->gp, ", %g axes x1y2 with lines dt 2 lc rgb '#54a24b' "
	    "title ",
	    qp_target("speaking_rate") >= 0 ? qp_target("speaking_rate") : 0.2);
	gpq(rp, _("target"));
	fputs("\n", rp->gp);
	chart_end(rp, "activity");
	free(p);
}

static void
weekly_chart(struct report *rp)
{
	struct tab *w = tab_find(rp, "weekly");
	int wk = col(w, "week"), wg = col(w, "group_id"),
	    wp = col(w, "participation"), wc = col(w, "core_members");
	double max = 0;
	char *p;
	FILE *f;
	size_t i, j, k, n = 0;

	if (wc < 0)
		return;
	f = dat_open(rp, "weekly.dat", &p);
	FOR_SCOPE(w, i, wg, "*") {
		if (!week_in_period(rp, at(w, i, wk)) ||
		    parse_week(at(w, i, wk)) > rp->hi)
			continue;
		fprintf(f, "%s\t%s\n", *at(w, i, wp) ? at(w, i, wp) :
		    "NaN", at(w, i, wc));
		if (num(at(w, i, wc)) > max)
			max = num(at(w, i, wc));
		n++;
	}
	out_close(rp, f, "weekly.dat");
	if (n == 0) {
		free(p);
		return;
	}
	chart_begin(rp, "weekly", _("Weekly participation and core members"));
	fprintf(rp->gp, "set style fill solid 0.5\nset boxwidth 0.6\n"
	    "set xtics rotate by -45\nset xrange [-0.5:%zu.5]\n", n - 1);
	/* every k-th week labelled, so that labels never overlap */
	fputs("set xtics (", rp->gp);
	k = (n + 25) / 26;
	j = 0;
	FOR_SCOPE(w, i, wg, "*") {
		if (!week_in_period(rp, at(w, i, wk)) ||
		    parse_week(at(w, i, wk)) > rp->hi)
			continue;
		if (j % k == 0) {
			fputs(j > 0 ? ", " : "", rp->gp);
			gpq(rp, at(w, i, wk));
			fprintf(rp->gp, " %zu", j);
		}
		j++;
	}
	fputs(")\n", rp->gp);
	axis_label(rp, "x", _("ISO week"));
	axis_label(rp, "y", _("core members (members with 3+ messages that "
	    "week)"));
	count_tics(rp, "y", max, 0);
	axis_label(rp, "y2", _("participation (speakers ÷ members)"));
	fprintf(rp->gp, "set y2range [0:1]\nset y2tics ('0%%%%' 0, '25%%%%' "
	    "0.25, '50%%%%' 0.5, '75%%%%' 0.75, '100%%%%' 1)\nplot '%s' using "
	    "0:2 with boxes lc rgb '#4c78a8' title ", rel(rp, p));
	gpq(rp, _("core members"));
	fputs(", '' using 0:1 axes x1y2 with linespoints pt 7 lw 2 lc rgb "
	    "'#f58518' title ", rp->gp);
	gpq(rp, _("participation"));
	fputs("\n", rp->gp);
	chart_end(rp, "weekly");
	free(p);
}

static void
section_activity(struct report *rp)
{
	if (!rp->charts || rp->lo == NODAY)
		return;		/* no heading over nothing (--no-charts) */
	mdf(rp, _("\n## Activity\n"));
	daily_chart(rp);
	weekly_chart(rp);
}

const struct section sec_activity = {
	"activity", { "daily", "weekly", NULL }, section_activity
};
