/*
 * Growth: joins and leaves of the community per day, and where the
 * period's new members came from.  The joins there add up to the joins
 * of the summary (daily.csv): new members by the via of their join, and
 * members who came back; members first seen speaking, with no join
 * recorded, are listed apart, since they are not joins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void
growth_chart(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cj = col(d, "joins"), cl = col(d, "leaves");
	long long day;
	double max = 0;
	char *p;
	FILE *f = dat_open(rp, "growth.dat", &p);
	size_t i;

	FOR_SCOPE(d, i, cg, "*") {
		day = parse_day(at(d, i, cd));
		if (day < rp->lo || day > rp->hi)
			continue;
		fprintf(f, "%s\t%s\t%s\n", at(d, i, cd), at(d, i, cj),
		    at(d, i, cl));
		if (num(at(d, i, cj)) > max)
			max = num(at(d, i, cj));
		if (num(at(d, i, cl)) > max)
			max = num(at(d, i, cl));
	}
	out_close(rp, f, "growth.dat");
	chart_begin(rp, "growth", _("Joins and leaves per day"));
	day_axis(rp);
	axis_label(rp, "y", _("members per day (joins up, leaves down)"));
	count_tics(rp, "y", max, 1);
	fprintf(rp->gp, "set xzeroaxis\nplot '%s' using 1:2 with impulses lw 3 "
	    "lc rgb '#54a24b' title ", rel(rp, p));
	gpq(rp, _("joins"));
	fputs(", '' using 1:(-$3) with impulses lw 3 lc rgb '#e45756' title ",
	    rp->gp);
	gpq(rp, _("leaves"));
	fputs("\n", rp->gp);
	chart_end(rp, "growth");
	free(p);
}

/* Joins of the period by daily.csv (scope "*"). */
static unsigned long long
period_joins(struct report *rp)
{
	struct tab *d = tab_find(rp, "daily");
	int cd = col(d, "date"), cg = col(d, "group_id"), cj = col(d, "joins");
	unsigned long long n = 0;
	size_t i;

	FOR_SCOPE(d, i, cg, "*")
		if (in_period(rp, parse_day(at(d, i, cd))))
			n += (unsigned long long)num(at(d, i, cj));
	return n;
}

static void
section_sources(struct report *rp)
{
	struct tab *t = tab_find(rp, "members");
	int cg = col(t, "group_id"), cv = col(t, "via"), cj = col(t, "joined"),
	    ci = col(t, "join_inferred");
	static const char *const vias[] = { "invite", "link", "qrcode", "added",
	    "unknown" };
	static const char *const names[] = { N_("invitation"), N_("link"),
	    N_("QR code"), N_("added"), N_("unknown"), N_("other"),
	    N_("came back (rejoined)") };
	unsigned long long cnt[7] = { 0 }, joins = period_joins(rp), news = 0,
	    inferred = 0;
	size_t i, k;

	if (cv < 0)
		return;
	mdf(rp, _("\n## Growth\n"));
	if (rp->charts && rp->lo != NODAY)
		growth_chart(rp);
	FOR_SCOPE(t, i, cg, "*") {
		if (!in_period(rp, parse_day(at(t, i, cj))))
			continue;
		if (at(t, i, ci)[0] == '1') {
			inferred++;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strcmp(at(t, i, cv), vias[k]) == 0)
				break;
		cnt[k]++;
		news++;
	}
	/* joins of members whose first join was before the period */
	cnt[6] = joins > news ? joins - news : 0;
	mdf(rp, _("\nWhere the period's joins came from (new members by how "
	    "they joined, members.csv, all groups; the total is the joins of "
	    "the summary):\n\n| how | joins | share |\n|---|---:|---:|\n"));
	for (k = 0; k < 7; k++)
		if (cnt[k] > 0)
			mdf(rp, "| %s | %llu | %s |\n", _(names[k]), cnt[k],
			    pct((double)cnt[k] / (double)(news + cnt[6])));
	mdf(rp, _("| **total** | **%llu** | 100.0%% |\n"), news + cnt[6]);
	if (inferred > 0)
		mdf(rp, _("\nAnother %llu were first seen speaking in the "
		    "period, with no join in the export (members by inference, "
		    "not counted as joins).\n"), inferred);
}

const struct section sec_sources = {
	"sources", { "members", "daily", NULL }, section_sources
};
