/*
 * Connections (连接度, 影响力): per group and month, how many members are
 * connected by replies and mentions; the KOLs, the members the most
 * others reach; and a chart of each group's density over the months.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"

#include "report.h"

/* "YYYY-MM" as a month number, or -1. */
static long long
month_no(const char *m)
{
	int y;
	unsigned mo;

	return sscanf(m, "%4d-%2u", &y, &mo) == 2 && mo >= 1 && mo <= 12 ?
	    (long long)y * 12 + mo - 1 : -1;
}

/*
 * Density per month, up to the end date, of the 8 groups with the most
 * connected pairs (month-pairs summed), a month per tick.
 */
static void
density_chart(struct report *rp, struct tab *c)
{
	int cm = col(c, "month"), cg = col(c, "group_id"),
	    cd = col(c, "density"), cp = col(c, "pairs");
	const char **gs = NULL;
	char *p, buf[256];
	double *tot = NULL;
	size_t ng = 0, i, j, k, *idx;
	long long m0 = -1, m1 = -1, m;
	FILE *f;
	struct qp_strmap *ids;

	if ((ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	for (i = 0; i < c->nrows; i++) {
		if (!*at(c, i, cd) || (m = month_no(at(c, i, cm))) < 0)
			continue;
		if (m0 < 0 || m < m0)
			m0 = m;
		if (m > m1)
			m1 = m;
		if ((k = id_slot(ids, at(c, i, cg))) == ng) {
			gs = qp_xrealloc(gs, ng + 1, sizeof *gs);
			tot = qp_xrealloc(tot, ng + 1, sizeof *tot);
			gs[ng] = at(c, i, cg);
			tot[ng++] = 0;
		}
		tot[k] += num(at(c, i, cp));
	}
	qp_strmap_free(ids);
	if (ng == 0)
		return;
	/* by pairs, then as the table has them (group_id order) */
	idx = qp_xcalloc(ng, sizeof *idx);
	for (k = 0; k < ng; k++)
		idx[k] = k;
	for (k = 1; k < ng; k++)
		for (j = k; j > 0 && tot[idx[j]] > tot[idx[j - 1]]; j--) {
			size_t t = idx[j];

			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
	if (ng > 8)
		ng = 8;
	f = dat_open(rp, "density.dat", &p);
	for (k = 0; k < ng; k++) {
		FOR_SCOPE(c, i, cg, gs[idx[k]])
			if (*at(c, i, cd))
				fprintf(f, "%lld\t%s\t%s\n",
				    month_no(at(c, i, cm)) - m0,
				    at(c, i, cm), at(c, i, cd));
		fputs("\n\n", f);
	}
	out_close(rp, f, "density.dat");
	chart_begin(rp, "density", _("Density: connected pairs of speakers ÷ "
	    "possible pairs, per month"));
	axis_label(rp, "y", _("density"));
	fprintf(rp->gp, "set xrange [-0.5:%lld.5]\nset xtics (", m1 - m0);
	for (m = m0; m <= m1; m++)
		fprintf(rp->gp, "%s'%04lld-%02lld' %lld", m > m0 ? ", " : "",
		    m / 12, m % 12 + 1, m - m0);
	fprintf(rp->gp, ")\nset yrange [0:1]\n"
	    "set key outside right top vertical\nplot ");
	for (k = 0; k < ng; k++) {
		const char *g = gs[idx[k]];

		fprintf(rp->gp, "%s'%s' index %zu using 1:3 with linespoints pt "
		    "7 ps 0.8 lw 2 title ", k ? ", " : "", rel(rp, p), k);
		gpq(rp, *chart_label(group_label(rp, g), buf, sizeof buf,
		    30) ? buf : g);
	}
	fputs("\n", rp->gp);
	chart_end(rp, "density");
	free(gs);
	free(tot);
	free(idx);
	free(p);
}

static void
section_connections(struct report *rp)
{
	struct tab *c = tab_find(rp, "connections"),
	    *in = tab_find(rp, "influence");
	int cm = col(c, "month"), cg = col(c, "group_id"),
	    cmem = col(c, "members"), cs = col(c, "speakers"),
	    cp = col(c, "pairs"), cd = col(c, "density"),
	    cdeg = col(c, "mean_degree"), cc = col(c, "connected_share"),
	    ig = col(in, "group_id"), iu = col(in, "user"),
	    iid = col(in, "user_id"), ir = col(in, "reached_by"),
	    ia = col(in, "answered"), irep = col(in, "replies_in"),
	    imen = col(in, "mentions_in");
	size_t *idx = NULL, n = 0, i;

	if (cm < 0)
		return;
	mdf(rp, _("\n## Connections (连接度)\n\nMembers linked by a reply or "
	    "an @mention, either way (staff and bots apart; edges.csv has each "
	    "link). Density: connected pairs of the month's speakers ÷ the "
	    "pairs they could make.\n\n| month | group | members | speakers "
	    "| connected pairs | density | mean degree | members with a "
	    "connection |\n|---|---|---:|---:|---:|---:|---:|---:|\n"));
	for (i = 0; i < c->nrows; i++) {
		const char *const *r = row_at(c, i);

		if (!month_in_period(rp, r[cm]))
			continue;
		n++;
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", r[cm],
		    mdcell(group_label(rp, r[cg])), r[cmem], r[cs], r[cp],
		    *r[cd] ? pct(num(r[cd])) : "—", r[cdeg],
		    pct(num(r[cc])));
	}
	if (n == 0)
		mdf(rp, "%s", _("\nNone.\n"));
	if (rp->charts)
		density_chart(rp, c);
	/* KOLs: by members reaching them, then as the table has them. */
	mdf(rp, _("\n### KOLs (影响力: the members the most others replied to "
	    "or mentioned)\n\n| group | member | reached by | answered | "
	    "replies to them | mentions of them |\n"
	    "|---|---|---:|---:|---:|---:|\n"));
	for (i = 0, n = 0; ir >= 0 && i < in->nrows; i++)
		if (num(at(in, i, ir)) > 0) {
			idx = qp_xrealloc(idx, n + 1, sizeof *idx);
			idx[n++] = i;
		}
	sort_rows(in, ir, idx, n);
	for (i = 0; i < n && i < 10; i++) {
		const char *const *r = row_at(in, idx[i]);

		mdf(rp, "| %s | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, r[ig])),
		    mdcell(*r[iu] ? r[iu] : r[iid]), r[ir], r[ia], r[irep],
		    r[imen]);
	}
	if (n == 0)
		mdf(rp, "%s", _("\nNone.\n"));
	free(idx);
}

const struct section sec_connections = {
	"connections", { "connections", "influence", NULL },
	section_connections
};
