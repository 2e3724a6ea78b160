/*
 * Where the period's new members came from, by the via of their join.
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
section_sources(struct report *rp)
{
	struct tab *t = tab_find(rp, "members");
	int cg = col(t, "group_id"), cv = col(t, "via"), cj = col(t, "joined"),
	    ci = col(t, "join_inferred");
	static const char *const vias[] = { "invite", "link", "qrcode", "added",
	    "unknown" };
	unsigned long long cnt[7] = { 0 }, all = 0;
	size_t i, k;

	if (cv < 0)
		return;
	FOR_SCOPE(t, i, cg, "*") {
		if (!in_period(rp, parse_day(t->rows[i][cj])))
			continue;
		all++;
		if (t->rows[i][ci][0] == '1') {
			cnt[6]++;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strcmp(t->rows[i][cv], vias[k]) == 0)
				break;
		cnt[k]++;
	}
	mdf(rp, T("\n本期新成员来源（members.csv，group_id = *，joined 在本期）：\n\n"
	    "| 来源 | 人数 | 占比 |\n|---|---:|---:|\n",
	    "\nWhere the period's new members came from (members.csv, group_id "
	    "= *, joined in the period):\n\n| via | members | share |\n"
	    "|---|---:|---:|\n"));
	for (k = 0; k < 7; k++) {
		static const char *const zh[] = { "邀请", "链接", "二维码",
		    "被拉入", "未知", "其他", "首次出现即发言（推断）" };
		static const char *const en[] = { "invitation", "link", "QR code",
		    "added", "unknown", "other", "first seen speaking (inferred)" };

		if (cnt[k] == 0)
			continue;
		mdf(rp, "| %s | %llu | %s |\n", rp->lang_zh ? zh[k] : en[k], cnt[k],
		    pct((double)cnt[k] / (double)all));
	}
}


const struct section sec_sources = {
	"sources", { "members", NULL }, section_sources
};
