/*
 * The operator's to-do lists, per group: members to remind, core members
 * at risk, lurkers, and anniversaries in the next period.
 */
#include <stdio.h>
#include <string.h>

#include "qp_time.h"

#include "report.h"

static void
section_todo(struct report *rp)
{
	struct tab *m = tab_find(rp, "members");
	int cg = col(m, "group_id"), ct = col(m, "tier"), cl = col(m, "left"),
	    clk = col(m, "lurker"), car = col(m, "at_risk"),
	    cj = col(m, "joined"), ca = col(m, "activated_72h"),
	    clm = col(m, "last_message"), cmsg = col(m, "messages");
	size_t i, n;

	if (ct < 0)
		return;
	mdf(rp, _("\n## To do\n"));
	mdf(rp, _("\n### Joined over 72 hours ago and not yet active (remind "
	    "them)\n"));
	rp->pending = _("\n| group | member | joined |\n|---|---|---|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		long long j = parse_day(at(m, i, cj));

		if (strcmp(at(m, i, cg), "*") == 0 || *at(m, i, cl) ||
		    at(m, i, ca)[0] != '0' || !in_period(rp, j) ||
		    j + 3 > rp->end ||
		    num(at(m, i, cmsg)) > 0)
			continue;
		if (n++ < LIST && row_begin(rp))
			mdf(rp, "| %s | %s | %s |\n", mdcell(group_label(rp,
			    at(m, i, cg))),
			    mdcell(member_name(m, i)), at(m, i, cj));
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, _("\n… and %zu more (members.csv)\n"), n - LIST);
	/* silence measured to the end date of the title */
	mdf(rp, _("\n### Core and VIP members silent for %d days or more at "
	    "the end date (at risk)\n"), rp->risk_days);
	rp->pending = _("\n| group | member | tier | last spoke | days silent "
	    "|\n|---|---|---|---|---:|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		const char *since = *at(m, i, clm) ? at(m, i, clm) :
		    at(m, i, cj);

		if (strcmp(at(m, i, cg), "*") == 0 ||
		    at(m, i, car)[0] != '1')
			continue;
		if (n++ < LIST && row_begin(rp))
			mdf(rp, "| %s | %s | %s | %s | %lld |\n",
			    mdcell(group_label(rp, at(m, i, cg))),
			    mdcell(member_name(m, i)),
			    tier_name(at(m, i, ct)), *at(m, i, clm) ?
			    at(m, i, clm) : "—", rp->end - parse_day(since));
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, _("\n… and %zu more (members.csv)\n"), n - LIST);
	/* R14 per scope: "*" are those who never spoke in any group, a
	 * group's those who never spoke in it (they may speak elsewhere). */
	mdf(rp, _("\n### Lurkers (members for %d days or more who never spoke "
	    "there)\n\nThe \"all groups\" row counts those who never spoke in "
	    "any group; a member who lurks in one group may speak in "
	    "another.\n"), rp->lurker_days);
	rp->pending = _("\n| group | lurkers |\n|---|---:|\n");
	for (i = 0; m != NULL && i < m->nrows; ) {
		const char *g = at(m, i, cg);
		unsigned long long c = 0;

		for (; i < m->nrows && strcmp(at(m, i, cg), g) == 0; i++)
			c += at(m, i, clk)[0] == '1' && !*at(m, i, cl);
		if ((strcmp(g, "*") == 0 || c > 0) && row_begin(rp))
			mdf(rp, "| %s | %llu |\n", mdcell(group_label(rp, g)),
			    c);
	}
	list_end(rp);
	/* anniversaries in the month after the period */
	if (rp->end != NODAY) {
		long long end = rp->to != NODAY ? rp->to : rp->end,
		    lo = end + 1;
		int y;
		unsigned mo, d;
		long long hi;
		static const int ms[] = { 30, 90, 365 };

		qp_civil_from_days(end, &y, &mo, &d);
		hi = qp_days_from_civil(mo == 12 ? y + 1 : y,
		    mo == 12 ? 1 : mo + 1, 1) - 1;
		{
			int y2;
			unsigned m2, d2;

			qp_civil_from_days(hi + 1, &y2, &m2, &d2);
			hi = qp_days_from_civil(m2 == 12 ? y2 + 1 : y2,
			    m2 == 12 ? 1 : m2 + 1, 1) - 1;
		}
		mdf(rp, _("\n### Anniversaries next period (1 month, 3 months, "
		    "1 year)\n"));
		rp->pending = _("\n| group | member | milestone | date "
		    "|\n|---|---|---|---|\n");
		n = 0;
		for (i = 0; m != NULL && i < m->nrows; i++) {
			long long j = parse_day(at(m, i, cj));
			size_t k;

			if (strcmp(at(m, i, cg), "*") == 0 ||
			    *at(m, i, cl) ||
			    j == NODAY)
				continue;
			for (k = 0; k < 3; k++) {
				char date[16];

				if (j + ms[k] < lo || j + ms[k] > hi)
					continue;
				if (n++ >= LIST || !row_begin(rp))
					continue;
				qp_day_format(date, j + ms[k]);
				mdf(rp, "| %s | %s | %s | %s |\n",
				    mdcell(group_label(rp, at(m, i, cg))),
				    mdcell(member_name(m, i)), ms[k] == 30 ?
				    _("1 month") : ms[k] == 90 ?
				    _("3 months") : _("1 year"),
				    date);
			}
		}
		list_end(rp);
		if (n > LIST)
			mdf(rp, _("\n… and %zu more anniversaries "
			    "(members.csv)\n"), n - LIST);
	}
}

const struct section sec_todo = {
	"todo", { "members", NULL }, section_todo
};
