/*
 * Fission: the top inviters of every group, with the group (one person
 * may invite into several groups, and two people may share a name), how
 * many of their invitees were active in 72 hours and still in after 30
 * days.  The fission ratio of the summary is the community's (scope "*").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

/* The name of user id in group g (members.csv), else in "*", else id. */
const char *
user_name(struct report *rp, const char *g, const char *id)
{
	struct tab *m = tab_find(rp, "members");
	int mg = col(m, "group_id"), mu = col(m, "user_id"),
	    mn = col(m, "user");
	const char *name = id;
	size_t k;

	if (mn < 0)
		return id;
	FOR_SCOPE(m, k, mu, id)
		if (*at(m, k, mn)) {
			name = at(m, k, mn);
			if (strcmp(at(m, k, mg), g) == 0)
				break;
		}
	return name;
}

/*
 * The community's fission as seed 004 names it (裂变转化率 = new members
 * ÷ inviters), the inviters who brought 3 or more (邀请 3 位好友有礼), and
 * seed 002's 铁粉: members who paid and brought friends.
 */
static void
fission_people(struct report *rp)
{
	struct tab *fi = tab_find(rp, "fission"), *m = tab_find(rp, "members");
	int fg = col(fi, "group_id"), fin = col(fi, "inviter"),
	    fn = col(fi, "invitees"), mg = col(m, "group_id"),
	    mu = col(m, "user_id"), mp = col(m, "paid");
	unsigned long long invitees = 0, inviters = 0;
	size_t *idx, n = 0, i, j, shown;
	int found;

	idx = qp_xcalloc(fi->nrows + 1, sizeof *idx);
	FOR_SCOPE(fi, i, fg, "*") {
		if (strcmp(at(fi, i, fin), "*") == 0) {
			invitees = (unsigned long long)num(at(fi, i, fn));
			continue;
		}
		inviters++;
		if (num(at(fi, i, fn)) >= 3)
			idx[n++] = i;
	}
	if (inviters > 0)
		mdf(rp, _("\nFission ratio (裂变转化率 = new members ÷ inviters, "
		    "all groups): %.2f = %llu ÷ %llu (fission.csv).\n"),
		    (double)invitees / (double)inviters, invitees, inviters);
	sort_rows(fi, fn, idx, n);
	mdf(rp, _("\nInviters who brought 3 or more (邀请 3 位好友有礼, all "
	    "groups): "));
	for (j = 0; j < n && j < LIST; j++)
		mdf(rp, "%s%s (%s)", j ? ", " : "", mdcell(user_name(rp, "*",
		    at(fi, idx[j], fin))), at(fi, idx[j], fn));
	if (n == 0)
		mdf(rp, "%s", _("none"));
	else if (n > LIST)
		mdf(rp, _(" … and %zu more (fission.csv)"), n - LIST);
	mdf(rp, "\n");
	/* 铁粉: paid >= 1 (members.csv) and invitees >= 1 (fission.csv) */
	mdf(rp, _("\nIron fans (铁粉: paid and brought friends, all groups): "));
	shown = 0;
	FOR_SCOPE(fi, i, fg, "*") {
		if (strcmp(at(fi, i, fin), "*") == 0 || mp < 0 ||
		    num(at(fi, i, fn)) < 1)
			continue;
		found = 0;
		FOR_SCOPE(m, j, mu, at(fi, i, fin))
			if (strcmp(at(m, j, mg), "*") == 0) {
				found = 1;
				break;
			}
		if (!found || num(at(m, j, mp)) < 1)
			continue;
		if (shown < LIST)
			mdf(rp, _("%s%s (paid %s, invited %s)"), shown ? ", " : "",
			    mdcell(member_name(m, j)), at(m, j, mp),
			    at(fi, i, fn));
		shown++;
	}
	if (shown == 0)
		mdf(rp, "%s", _("none"));
	else if (shown > LIST)
		mdf(rp, _(" … and %zu more (members.csv, fission.csv)"),
		    shown - LIST);
	mdf(rp, "\n");
	free(idx);
}

static void
section_fission(struct report *rp)
{
	struct tab *fi = tab_find(rp, "fission");
	int fg = col(fi, "group_id"), fin = col(fi, "inviter"),
	    fn = col(fi, "invitees"), fa = col(fi, "activated_72h"),
	    fr = col(fi, "retained_30d"), fe = col(fi, "eligible_30d");
	size_t *idx = NULL, ni = 0, i, j;

	if (fn < 0)
		return;
	for (i = 0; i < fi->nrows; i++)
		if (strcmp(at(fi, i, fg), "*") != 0 &&
		    strcmp(at(fi, i, fin), "*") != 0) {
			idx = qp_xrealloc(idx, ni + 1, sizeof *idx);
			idx[ni++] = i;
		}
	/* by invitees, then as the table has them (by group, inviter) */
	sort_rows(fi, fn, idx, ni);
	mdf(rp, _("\n## Fission\n\nThe top inviters of each group (fission.csv, "
	    "by group):\n\n| group | inviter | invitees | active in 72 h | "
	    "still in after 30 days |\n|---|---|---:|---:|---:|\n"));
	for (j = 0; j < ni && j < 10; j++) {
		const char *const *r = row_at(fi, idx[j]);

		/* none invited 30 days before the end: not yet known, no 0 */
		mdf(rp, "| %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, r[fg])),
		    mdcell(user_name(rp, r[fg], r[fin])), r[fn], r[fa],
		    fe >= 0 && num(r[fe]) == 0 ? "—" : r[fr]);
	}
	if (ni == 0)
		mdf(rp, "%s", _("\nNone.\n"));
	free(idx);
	fission_people(rp);
}

const struct section sec_fission = {
	"fission", { "fission", "members", NULL }, section_fission
};
