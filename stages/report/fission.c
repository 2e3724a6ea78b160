/*
 * Fission: the community's top inviters, with how many of their invitees
 * were active in 72 hours and still in after 30 days.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

static void
section_fission(struct report *rp)
{
	struct tab *fi = tab_find(rp, "fission");
	size_t i;
	int fg = col(fi, "group_id"), fin = col(fi, "inviter"),
	    fn = col(fi, "invitees"), fa = col(fi, "activated_72h"),
	    fr = col(fi, "retained_30d");
	size_t *idx = NULL, ni = 0, j, k;
	struct tab *m = tab_find(rp, "members");
	int mg = col(m, "group_id"), mu = col(m, "user_id"),
	    mn = col(m, "user");

	if (fn < 0)
		return;
	FOR_SCOPE(fi, i, fg, "*")
		if (strcmp(fi->rows[i][fin], "*") != 0) {
			idx = qp_xrealloc(idx, ni + 1, sizeof *idx);
			idx[ni++] = i;
		}
	/* by invitees, then as the table has them (by inviter) */
	sort_rows(fi, fn, idx, ni);
	mdf(rp, T("\n## 裂变\n\n| 邀请人 | 邀请 | 72 小时激活 | 30 天留存 |\n"
	    "|---|---:|---:|---:|\n",
	    "\n## Fission\n\n| inviter | invitees | active in 72 h | "
	    "still in after 30 days |\n|---|---:|---:|---:|\n"));
	for (j = 0; j < ni && j < 10; j++) {
		const char *id = fi->rows[idx[j]][fin], *name = id;

		FOR_SCOPE(m, k, mg, "*")
			if (strcmp(m->rows[k][mu], id) == 0 &&
			    *m->rows[k][mn])
				name = m->rows[k][mn];
		mdf(rp, "| %s | %s | %s | %s |\n", mdcell(name),
		    fi->rows[idx[j]][fn], fi->rows[idx[j]][fa],
		    fi->rows[idx[j]][fr]);
	}
	free(idx);
}

const struct section sec_fission = {
	"fission", { "fission", "members", NULL }, section_fission
};
