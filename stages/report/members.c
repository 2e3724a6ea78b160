/*
 * Members: tiers, how they changed since --previous, top contributors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"

#include "qp_stream.h"

#include "report.h"

/*
 * How the community's members moved between tiers since the stream given
 * by --previous: its members table (group_id *) against this one's.
 */
static void
tier_change(struct report *rp, const struct tab *m)
{
	static const char *const tiers[] = { "VIP", "core", "ordinary" };
	unsigned long long cnt[5][5] = { { 0 } };	/* from x to */
	struct qp_strmap *ids;
	unsigned char *was = NULL;	/* user number -> tier + 1, 4: left */
	size_t i, j, cap = 0;
	const char *err;
	struct qp_in *in;
	int rc, pg = -1, pu = -1, pt = -1, pl = -1, in_members = 0, seen = 0,
	    mg, mu, mt, ml;

	if ((ids = qp_strmap_new()) == NULL ||
	    (in = qp_in_open(&rp->previous, 1, &err)) == NULL)
		qp_die("--previous: %s", ids == NULL ? "out of memory" : err);
	while ((rc = qp_in_next(in)) > 0) {
		const struct qp_row *r = qp_in_row(in);
		long u;

		if (rc == QP_TABLE) {
			in_members = strcmp(qp_in_table(in)->name,
			    "members") == 0;
			if (in_members) {
				seen = 1;
				pg = qp_cli_col(in, "members", "group_id");
				pu = qp_cli_col(in, "members", "user_id");
				pt = qp_cli_col(in, "members", "tier");
				pl = qp_cli_col(in, "members", "left");
			}
			continue;
		}
		if (!in_members || strcmp(r->f[pg].s, "*") != 0)
			continue;
		if ((u = qp_strmap_add(ids, r->f[pu].s, r->f[pu].len)) < 0)
			qp_die("out of memory");
		if ((size_t)u >= cap) {
			cap = cap ? cap * 2 : 1024;
			was = qp_xrealloc(was, cap, 1);
		}
		was[u] = 4;
		for (j = 0; j < 3 && r->f[pl].len == 0; j++)
			if (strcmp(r->f[pt].s, tiers[j]) == 0)
				was[u] = (unsigned char)(j + 1);
	}
	if (rc < 0)
		qp_die("--previous: %s", qp_in_error(in));
	if (!seen)	/* else every member would show as new */
		qp_die("--previous: %s: no members table: run qp-cohort before "
		    "qp-report", rp->previous);
	qp_in_close(in);
	mg = col(m, "group_id");
	mu = col(m, "user_id");
	mt = col(m, "tier");
	ml = col(m, "left");
	FOR_SCOPE(m, i, mg, "*") {
		long u = qp_strmap_find(ids, m->rows[i][mu],
		    strlen(m->rows[i][mu]));
		size_t before = u < 0 ? 0 : was[u], now = 4;

		for (j = 0; j < 3 && !*m->rows[i][ml]; j++)
			if (strcmp(m->rows[i][mt], tiers[j]) == 0)
				now = j + 1;
		cnt[before][now]++;
	}
	mdf(rp, _("\n### Tier changes (since %s)\n\n| before \\ now | VIP | "
	    "core | ordinary | left |\n|---|---:|---:|---:|---:|\n"),
	    mdcell(rp->previous));
	for (i = 0; i < 5; i++) {
		static const char *const from[] = { N_("new"), N_("VIP"),
		    N_("core"), N_("ordinary"), N_("left") };

		if (i == 4 &&
		    cnt[4][1] + cnt[4][2] + cnt[4][3] + cnt[4][4] == 0)
			continue;
		mdf(rp, "| %s | %llu | %llu | %llu | %llu |\n", _(from[i]),
		    cnt[i][1], cnt[i][2], cnt[i][3], cnt[i][4]);
	}
	free(was);
	qp_strmap_free(ids);
}

/* Speakers by messages in the period, then by id. */
static int
by_spoke(const void *a, const void *b, void *arg)
{
	const struct report *rp = arg;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (rp->spoke[x] != rp->spoke[y])
		return rp->spoke[x] > rp->spoke[y] ? -1 : 1;
	return strcmp(qp_strmap_str(rp->speakers, x),
	    qp_strmap_str(rp->speakers, y));
}

static void
section_members(struct report *rp)
{
	struct tab *m = tab_find(rp, "members");
	int cg = col(m, "group_id"), ct = col(m, "tier"), cl = col(m, "left"),
	    clk = col(m, "lurker"), cu = col(m, "user_id");
	unsigned long long vip = 0, core = 0, ord = 0, lurk = 0;
	size_t i;

	if (ct < 0)
		return;
	FOR_SCOPE(m, i, cg, "*") {
		if (*m->rows[i][cl])
			continue;
		vip += strcmp(m->rows[i][ct], "VIP") == 0;
		core += strcmp(m->rows[i][ct], "core") == 0;
		ord += strcmp(m->rows[i][ct], "ordinary") == 0;
		lurk += m->rows[i][clk][0] == '1';
	}
	mdf(rp, _("\n## Member tiers\n\nThe %llu members at the end "
	    "(members.csv, all groups, not left): VIP %llu, core %llu, ordinary "
	    "%llu; of them, lurkers (never spoke in any group) %llu.\n"),
	    vip + core + ord, vip, core, ord, lurk);

	if (rp->previous != NULL)
		tier_change(rp, m);

	/* top contributors of the period, from the events */
	if (rp->speakers != NULL && qp_strmap_count(rp->speakers) > 0) {
		size_t ns = qp_strmap_count(rp->speakers), j, k,
		    *ord2 = qp_xcalloc(ns, sizeof *ord2);

		for (j = 0; j < ns; j++)
			ord2[j] = j;
		qsort_r(ord2, ns, sizeof *ord2, by_spoke, rp);
		mdf(rp, _("\n### Top contributors (most messages in the period, "
		    "from events)\n\n| member | messages |\n|---|---:|\n"));
		for (j = 0; j < ns && j < 10; j++) {
			const char *id = qp_strmap_str(rp->speakers, ord2[j]),
			    *name = id;

			FOR_SCOPE(m, k, cg, "*")
				if (strcmp(m->rows[k][cu], id) == 0) {
					name = member_name(m, k);
					break;
				}
			mdf(rp, "| %s | %llu |\n", mdcell(name),
			    rp->spoke[ord2[j]]);
		}
		free(ord2);
	}
}

const struct section sec_members = {
	"members", { "members", NULL }, section_members
};
