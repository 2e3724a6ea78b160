/*
 * Activity: messages, speakers and the speaking rate per day, weekly
 * participation and core members, and joins and leaves per day (charts).
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
section_activity(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily"), *w = tab_find(rp, "weekly");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cm = col(d, "messages"), cs = col(d, "speakers"),
	    cr = col(d, "speaking_rate"), cj = col(d, "joins"),
	    cl = col(d, "leaves");
	size_t i, n = 0;
	FILE *f;
	char *p;

	mdf(rp, T("\n## 活跃趋势\n", "\n## Activity\n"));
	if (!rp->charts || d == NULL || cd < 0)
		return;
	f = fopen(p = dat_path(rp, "daily.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	FOR_SCOPE(d, i, cg, "*") {
		if (!in_period(rp, parse_day(d->rows[i][cd])))
			continue;
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", d->rows[i][cd],
		    d->rows[i][cm], d->rows[i][cs], *d->rows[i][cr] ?
		    d->rows[i][cr] : "NaN", d->rows[i][cj], d->rows[i][cl]);
		n++;
	}
	out_close(rp, f, "daily.dat");
	if (n == 0) {
		free(p);
		return;
	}
	chart_begin(rp, "activity", T("每日消息、发言人数与日发言率",
	    "Messages, speakers and speaking rate per day"));
	fprintf(rp->gp, "set xdata time\nset timefmt '%%Y-%%m-%%d'\n"
	    "set format x '%%m-%%d'\nset xtics rotate by -45\n"
	    "set ytics nomirror\nset y2tics\nset y2range [0:1]\n"
	    "set y2tics ('0%%%%' 0, '20%%%%' 0.2, '40%%%%' 0.4, '60%%%%' 0.6, "
	    "'80%%%%' 0.8, '100%%%%' 1)\n"
	    "plot '%s' using 1:2 with boxes fs solid 0.5 lc rgb '#4c78a8' "
	    "title ", rel(rp, p));
	gpq(rp, T("消息", "messages"));
	fprintf(rp->gp, ", '' using 1:3 with lines lw 2 lc rgb '#f58518' title ");
	gpq(rp, T("发言人数", "speakers"));
	fprintf(rp->gp, ", '' using 1:4 axes x1y2 with lines lw 2 lc rgb '#54a24b' "
	    "title ");
	gpq(rp, T("日发言率", "speaking rate"));
	fprintf(rp->gp, ", %g axes x1y2 with lines dt 2 lc rgb '#54a24b' title ",
	    qp_target("speaking_rate") >= 0 ? qp_target("speaking_rate") : 0.2);
	gpq(rp, T("目标", "target"));
	fputs("\n", rp->gp);
	chart_end(rp, "activity");

	if (w != NULL) {
		char *q;
		int wk = col(w, "week"), wg = col(w, "group_id"),
		    wp = col(w, "participation"), wc = col(w, "core_members");

		FILE *wf = fopen(q = dat_path(rp, "weekly.dat"), "w");
		if (wf == NULL)
			qp_die("%s: %s", q, strerror(errno));
		n = 0;
		FOR_SCOPE(w, i, wg, "*") {
			if (!week_in_period(rp, w->rows[i][wk]))
				continue;
			datq(wf, w->rows[i][wk]);
			fprintf(wf, "\t%s\t%s\n", *w->rows[i][wp] ?
			    w->rows[i][wp] : "NaN", w->rows[i][wc]);
			n++;
		}
		out_close(rp, wf, "weekly.dat");
		if (n > 0) {
			chart_begin(rp, "weekly", T("每周参与率与核心成员",
			    "Weekly participation and core members"));
			fprintf(rp->gp, "set style fill solid 0.5\nset boxwidth 0.6\n"
			    "set xtics rotate by -45\nset ytics nomirror\n"
			    "set y2range [0:1]\nset y2tics ('0%%%%' 0, '25%%%%' "
			    "0.25, '50%%%%' 0.5, '75%%%%' 0.75, '100%%%%' 1)\n"
			    "plot '%s' using 0:3:xtic(1) with boxes "
			    "lc rgb '#4c78a8' title ", rel(rp, q));
			gpq(rp, T("核心成员", "core members"));
			fputs(", '' using 0:2 axes x1y2 with linespoints lw 2 "
			    "lc rgb '#f58518' title ", rp->gp);
			gpq(rp, T("周参与率", "participation"));
			fputs("\n", rp->gp);
			chart_end(rp, "weekly");
		}
		free(q);
	}
	mdf(rp, T("\n## 增长\n", "\n## Growth\n"));
	chart_begin(rp, "growth", T("每日入群与退群", "Joins and leaves per day"));
	fprintf(rp->gp, "set xdata time\nset timefmt '%%Y-%%m-%%d'\n"
	    "set format x '%%m-%%d'\nset xtics rotate by -45\n"
	    "plot '%s' using 1:5 with impulses lw 3 lc rgb '#54a24b' title ", rel(rp, p));
	gpq(rp, T("入群", "joins"));
	fputs(", '' using 1:(-$6) with impulses lw 3 lc rgb '#e45756' title ", rp->gp);
	gpq(rp, T("退群（负）", "leaves (negative)"));
	fputs("\n", rp->gp);
	chart_end(rp, "growth");
	free(p);
}


const struct section sec_activity = {
	"activity", { "daily", "weekly", NULL }, section_activity
};
