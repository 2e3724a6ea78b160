/*
 * The operator's to-do lists, per group: members to remind, core members
 * at risk, lurkers, and anniversaries in the next period.
 */
#include <stdio.h>
#include <stdlib.h>
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
	char endday[16];

	if (ct < 0)
		return;
	mdf(rp, T("\n## 待办\n", "\n## To do\n"));
	mdf(rp, T("\n### 入群超过 72 小时仍未发言（去提醒）\n",
	    "\n### Joined over 72 hours ago and not yet active (remind them)\n"));
	rp->pending = T("\n| 群 | 成员 | 入群 |\n|---|---|---|\n",
	    "\n| group | member | joined |\n|---|---|---|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		long long j = parse_day(m->rows[i][cj]);

		if (strcmp(m->rows[i][cg], "*") == 0 || *m->rows[i][cl] ||
		    m->rows[i][ca][0] != '0' || !in_period(rp, j) || j + 3 > rp->end ||
		    num(m->rows[i][cmsg]) > 0)
			continue;
		if (n++ < LIST && row_begin(rp))
			mdf(rp, "| %s | %s | %s |\n", mdcell(group_label(rp, m->rows[i][cg])),
			    mdcell(member_name(m, i)), m->rows[i][cj]);
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, T("\n…还有 %zu 人（members.csv）\n", "\n… and %zu more "
		    "(members.csv)\n"), n - LIST);
	qp_day_format(endday, rp->end);
	if (rp->lang_zh)
		mdf(rp, "\n### 核心与 VIP 成员沉默 %d 天以上（流失风险，截至 %s）\n",
		    rp->risk_days, endday);
	else
		mdf(rp, "\n### Core and VIP members silent for %d days or more "
		    "by %s (at risk)\n", rp->risk_days, endday);
	rp->pending = T("\n| 群 | 成员 | 分层 | 最后发言 | 沉默天数 |\n"
	    "|---|---|---|---|---:|\n", "\n| group | member | tier | last "
	    "spoke | days silent |\n|---|---|---|---|---:|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		const char *since = *m->rows[i][clm] ? m->rows[i][clm] :
		    m->rows[i][cj];

		if (strcmp(m->rows[i][cg], "*") == 0 || m->rows[i][car][0] != '1')
			continue;
		if (n++ < LIST && row_begin(rp))
			mdf(rp, "| %s | %s | %s | %s | %lld |\n",
			    mdcell(group_label(rp, m->rows[i][cg])),
			    mdcell(member_name(m, i)), tier_name(rp,
			    m->rows[i][ct]), *m->rows[i][clm] ? m->rows[i][clm] :
			    "—", rp->end - parse_day(since));
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, T("\n…还有 %zu 人（members.csv）\n", "\n… and %zu more "
		    "(members.csv)\n"), n - LIST);
	/* R14 per scope: "*" are those who never spoke in any group, a
	 * group's those who never spoke in it (they may speak elsewhere). */
	if (rp->lang_zh)
		mdf(rp, "\n### 潜水成员（入群 %d 天以上、从未在该群发言）\n\n"
		    "“全部社群”一行是在任何群都没发过言的人；在某个群潜水的人"
		    "可能在别的群发言。\n", rp->lurker_days);
	else
		mdf(rp, "\n### Lurkers (members for %d days or more who never "
		    "spoke there)\n\nThe \"all groups\" row counts those who "
		    "never spoke in any group; a member who lurks in one group "
		    "may speak in another.\n", rp->lurker_days);
	rp->pending = T("\n| 群 | 人数 |\n|---|---:|\n",
	    "\n| group | lurkers |\n|---|---:|\n");
	for (i = 0; m != NULL && i < m->nrows; ) {
		const char *g = m->rows[i][cg];
		unsigned long long c = 0;

		for (; i < m->nrows && strcmp(m->rows[i][cg], g) == 0; i++)
			c += m->rows[i][clk][0] == '1' && !*m->rows[i][cl];
		if ((strcmp(g, "*") == 0 || c > 0) && row_begin(rp))
			mdf(rp, "| %s | %llu |\n", mdcell(group_label(rp, g)), c);
	}
	list_end(rp);
	/* anniversaries in the month after the period */
	if (rp->end != NODAY) {
		long long end = rp->to != NODAY ? rp->to : rp->end, lo = end + 1;
		int y;
		unsigned mo, d;
		long long hi;
		static const int ms[] = { 30, 90, 365 };

		qp_civil_from_days(end, &y, &mo, &d);
		hi = qp_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1,
		    1) - 1;
		{
			int y2;
			unsigned m2, d2;

			qp_civil_from_days(hi + 1, &y2, &m2, &d2);
			hi = qp_days_from_civil(m2 == 12 ? y2 + 1 : y2,
			    m2 == 12 ? 1 : m2 + 1, 1) - 1;
		}
		mdf(rp, T("\n### 下期入群纪念日（30 天 / 90 天 / 1 年）\n",
		    "\n### Anniversaries next period (1 month, 3 months, 1 year)\n"));
		rp->pending = T("\n| 群 | 成员 | 纪念 | 日期 |\n|---|---|---|---|\n",
		    "\n| group | member | milestone | date |\n|---|---|---|---|\n");
		n = 0;
		for (i = 0; m != NULL && i < m->nrows; i++) {
			long long j = parse_day(m->rows[i][cj]);
			size_t k;

			if (strcmp(m->rows[i][cg], "*") == 0 || *m->rows[i][cl] ||
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
				    mdcell(group_label(rp, m->rows[i][cg])),
				    mdcell(member_name(m, i)), ms[k] == 30 ?
				    T("1 个月", "1 month") : ms[k] == 90 ?
				    T("3 个月", "3 months") : T("1 年", "1 year"),
				    date);
			}
		}
		list_end(rp);
		if (n > LIST)
			mdf(rp, T("\n…还有 %zu 个（members.csv）\n", "\n… and %zu more "
			    "(members.csv)\n"), n - LIST);
	}
}

const struct section sec_todo = {
	"todo", { "members", NULL }, section_todo
};
