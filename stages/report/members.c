/*
 * Members: tiers, how they changed since --previous, top contributors.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"

#include "qp_stream.h"

#include "report.h"

/* The previous period's members (group_id *): tier and name by id. */
struct prev {
	struct qp_strmap *ids;
	unsigned char	*was;	/* tier + 1 (1 VIP, 2 core, 3 ordinary), 4 left */
	unsigned char	*now;	/* 1: in this period's members table */
	char		**name;
	size_t		 cap;
	int		 cg, cu, cn, ct, cl;
};

static const char *const tiers[] = { "VIP", "core", "ordinary" };

static void
prev_cols(struct prev *p, const char *const *h, size_t n)
{
	size_t i;

	p->cg = p->cu = p->cn = p->ct = p->cl = -1;
	for (i = 0; i < n; i++) {
		const char *s = h[i];

		if (i == 0 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;		/* a report's members.csv has a BOM */
		if (strcmp(s, "group_id") == 0)
			p->cg = (int)i;
		else if (strcmp(s, "user_id") == 0)
			p->cu = (int)i;
		else if (strcmp(s, "user") == 0)
			p->cn = (int)i;
		else if (strcmp(s, "tier") == 0)
			p->ct = (int)i;
		else if (strcmp(s, "left") == 0)
			p->cl = (int)i;
	}
}

static void
prev_row(struct prev *p, const char *const *f, size_t n)
{
	long u;
	size_t j;

	if ((size_t)p->cg >= n || (size_t)p->cu >= n || (size_t)p->ct >= n ||
	    (size_t)p->cl >= n || strcmp(f[p->cg], "*") != 0)
		return;
	if ((u = qp_strmap_add(p->ids, f[p->cu], strlen(f[p->cu]))) < 0)
		qp_die("out of memory");
	if ((size_t)u >= p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 1024;

		p->was = qp_xrealloc(p->was, cap, 1);
		p->now = qp_xrealloc(p->now, cap, 1);
		p->name = qp_xrealloc(p->name, cap, sizeof *p->name);
		memset(p->name + p->cap, 0, (cap - p->cap) * sizeof *p->name);
		p->cap = cap;
	}
	p->was[u] = 4;
	p->now[u] = 0;
	for (j = 0; j < 3 && *f[p->cl] == '\0'; j++)
		if (strcmp(f[p->ct], tiers[j]) == 0)
			p->was[u] = (unsigned char)(j + 1);
	free(p->name[u]);
	p->name[u] = qp_xstrdup(p->cn >= 0 && (size_t)p->cn < n &&
	    *f[p->cn] ? f[p->cn] : f[p->cu]);
}

/*
 * A path that reads --previous from its start each time it is opened: a
 * pipe (<(zcat x.gz)) is copied to a temporary file first.
 */
static const char *
prev_path(const char *path)
{
	static char fdpath[32];
	struct stat st;
	char buf[65536];
	ssize_t n;
	int in, out;

	if (stat(path, &st) == -1 || S_ISREG(st.st_mode) ||
	    S_ISDIR(st.st_mode))
		return path;	/* opening it says what is wrong */
	if ((in = open(path, O_RDONLY)) == -1)
		qp_die("--previous: %s: %s", path, strerror(errno));
	if ((out = qp_tmpfd("qp-report")) == -1)
		qp_die("--previous: temporary file: %s", strerror(errno));
	while ((n = read(in, buf, sizeof buf)) != 0)
		if ((n == -1 && errno != EINTR) ||
		    (n > 0 && qp_write_all(out, buf, (size_t)n) == -1))
			qp_die("--previous: %s: %s", path, strerror(errno));
	close(in);
	snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", out);
	return fdpath;
}

/*
 * Read --previous: a stream with a members table, or the members.csv of
 * an earlier report (a CSV whose header names group_id, user_id, tier and
 * left).
 */
static void
prev_read(struct report *rp, struct prev *p)
{
	struct qp_src *src;
	struct qp_csv *c;
	const struct qp_row *r;
	struct qp_in *in;
	const char *err;
	const char **f = NULL;
	size_t capf = 0, i;
	int rc, csv = 0, seen = 0, in_members = 0;
	const char *path = prev_path(rp->previous);	/* read twice */

	if ((p->ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	if ((src = qp_src_open(path)) == NULL)
		qp_die("--previous: %s: %s", rp->previous, strerror(errno));
	if ((c = qp_csv_new(src)) == NULL)
		qp_die("out of memory");
	while ((rc = qp_csv_next(c, &r)) > 0) {
		if ((size_t)capf < r->n) {
			capf = r->n;
			f = qp_xrealloc(f, capf, sizeof *f);
		}
		for (i = 0; i < r->n; i++)
			f[i] = r->f[i].s;
		if (!seen) {
			seen = 1;
			if (strcmp(r->f[0].s, "#qp") == 0)
				break;	/* a stream: read below */
			prev_cols(p, f, r->n);
			if (p->cg < 0 || p->cu < 0 || p->ct < 0 || p->cl < 0)
				break;
			csv = 1;
			continue;
		}
		prev_row(p, f, r->n);
	}
	if (csv && rc < 0) {
		free(f);
		qp_die("--previous: %s", qp_csv_error(c));
	}
	qp_csv_free(c);
	qp_src_close(src);
	free(f);
	f = NULL;
	capf = 0;
	if (csv)
		return;
	if ((in = qp_in_open(&path, 1, &err)) == NULL)
		qp_die("--previous: %s", err);
	seen = 0;
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if ((size_t)capf < r->n) {
			capf = r->n;
			f = qp_xrealloc(f, capf, sizeof *f);
		}
		for (i = 0; i < r->n; i++)
			f[i] = r->f[i].s;
		if (rc == QP_TABLE) {
			in_members = strcmp(qp_in_table(in)->name,
			    "members") == 0;
			if (in_members) {
				seen = 1;
				prev_cols(p, f, r->n);
			}
			continue;
		}
		if (in_members)
			prev_row(p, f, r->n);
	}
	free(f);
	if (rc < 0)
		qp_die("--previous: %s", qp_in_error(in));
	if (!seen)	/* else every member would show as new */
		qp_die("--previous: %s: no members table: run qp-cohort before "
		    "qp-report, or give an earlier report's members.csv",
		    rp->previous);
	qp_in_close(in);
}

/* One move: who, from and to (0 new, 1-3 a tier, 4 left). */
struct move {
	const char	*id, *name;
	int		 from, to;
};

static int
move_cmp(const void *a, const void *b)
{
	const struct move *x = a, *y = b;
	int c;

	if (x->from != y->from)
		return x->from - y->from;
	if (x->to != y->to)
		return x->to - y->to;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

static const char *
tiers_csv(int t)
{
	static const char *const n[] = { "", "VIP", "core", "ordinary", "" };

	return n[t];
}

static const char *
tier_of(int t)
{
	static const char *const n[] = { N_("new"), N_("VIP"), N_("core"),
	    N_("ordinary"), N_("left") };

	return _(n[t]);
}

/*
 * How the community's members moved between tiers since --previous: the
 * counts, then by name who was promoted (升级), demoted (降级), came (新进)
 * and left (离开), the seed's monthly review; all of them in
 * tier_moves.csv.
 */
static void
tier_change(struct report *rp, const struct tab *m)
{
	static const char *const heads[] = {
		N_("Promoted (升级)"), N_("Demoted (降级)"), N_("New (新进)"),
		N_("Left (离开)")
	};
	static const char *const kinds[] = { "up", "down", "new", "left" };
	unsigned long long cnt[5][5] = { { 0 } };	/* from x to */
	struct prev p;
	struct move *mv = NULL;
	size_t i, j, n = 0, np;
	int mg, mu, mt, ml, k;
	char *hdr[] = { "user_id", "user", "before", "now", "move" };
	FILE *f;

	memset(&p, 0, sizeof p);
	prev_read(rp, &p);
	np = qp_strmap_count(p.ids);
	mg = col(m, "group_id");
	mu = col(m, "user_id");
	mt = col(m, "tier");
	ml = col(m, "left");
	mv = qp_xcalloc(m->nrows + np + 1, sizeof *mv);
	FOR_SCOPE(m, i, mg, "*") {
		long u = qp_strmap_find(p.ids, at(m, i, mu),
		    strlen(at(m, i, mu)));
		int before = u < 0 ? 0 : p.was[u], now = 4;

		if (u >= 0)
			p.now[u] = 1;
		for (j = 0; j < 3 && !*at(m, i, ml); j++)
			if (strcmp(at(m, i, mt), tiers[j]) == 0)
				now = (int)j + 1;
		cnt[before][now]++;
		if (before != now && !(before == 0 && now == 4)) {
			mv[n].id = at(m, i, mu);
			mv[n].name = member_name(m, i);
			mv[n].from = before;
			mv[n++].to = now;
		}
	}
	/* Members of before whom this period's table does not show: gone. */
	for (i = 0; i < np; i++)
		if (!p.now[i] && p.was[i] < 4) {
			mv[n].id = qp_strmap_str(p.ids, i);
			mv[n].name = p.name[i];
			mv[n].from = p.was[i];
			mv[n++].to = 4;
		}
	if (n > 1)
		qsort(mv, n, sizeof *mv, move_cmp);
	mdf(rp, _("\n### Tier changes (since %s)\n\n| before \\ now | VIP | "
	    "core | ordinary | left |\n|---|---:|---:|---:|---:|\n"),
	    mdcell(rp->previous));
	for (i = 0; i < 5; i++) {
		if (i == 4 &&
		    cnt[4][1] + cnt[4][2] + cnt[4][3] + cnt[4][4] == 0)
			continue;
		mdf(rp, "| %s | %llu | %llu | %llu | %llu |\n", tier_of((int)i),
		    cnt[i][1], cnt[i][2], cnt[i][3], cnt[i][4]);
	}
	f = csv_open(rp, "tier_moves", hdr, 5);
	for (k = 0; k < 4; k++) {
		size_t shown = 0;

		mdf(rp, "\n**%s**: ", _(heads[k]));
		for (i = 0; i < n; i++) {
			const struct move *x = &mv[i];
			int kind = x->to == 4 ? 3 : x->from == 0 || x->from == 4 ?
			    2 : x->to < x->from ? 0 : 1;
			char *v[5];

			if (kind != k)
				continue;
			if (shown < LIST)
				mdf(rp, "%s%s (%s → %s)", shown ? ", " : "",
				    mdcell(x->name), tier_of(x->from),
				    tier_of(x->to));
			shown++;
			v[0] = (char *)x->id;
			v[1] = (char *)x->name;
			v[2] = (char *)tiers_csv(x->from);
			v[3] = (char *)tiers_csv(x->to);
			v[4] = (char *)kinds[k];
			csv_row(f, v, 5);
		}
		if (shown == 0)
			mdf(rp, "%s", _("none"));
		else if (shown > LIST)
			mdf(rp, _(" … and %zu more (tier_moves.csv)"),
			    shown - LIST);
		mdf(rp, "\n");
	}
	out_close(rp, f, "tier_moves.csv");
	free(mv);
	for (i = 0; i < np; i++)
		free(p.name[i]);
	free(p.name);
	free(p.was);
	free(p.now);
	qp_strmap_free(p.ids);
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
		if (*at(m, i, cl))
			continue;
		vip += strcmp(at(m, i, ct), "VIP") == 0;
		core += strcmp(at(m, i, ct), "core") == 0;
		ord += strcmp(at(m, i, ct), "ordinary") == 0;
		lurk += at(m, i, clk)[0] == '1';
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
				if (strcmp(at(m, k, cu), id) == 0) {
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
