/*
 * Group health: per group members, messages, decay, top share and churn,
 * silence; warnings; the lifecycle chart of the largest groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"

#include "report.h"

/* Members of group g at the end: its members.csv rows with left empty. */
static unsigned long long
members_in(struct report *rp, const char *g)
{
	struct tab *m = tab_find(rp, "members");
	int cg = col(m, "group_id"), cl = col(m, "left");
	unsigned long long n = 0;
	size_t i;

	if (cl < 0)
		return 0;
	FOR_SCOPE(m, i, cg, g)
		n += !*at(m, i, cl);
	return n;
}

/*
 * Lifecycle: messages per day since each of the 8 largest groups began,
 * as lines with points (a group with one day of messages is a point), and
 * legend labels that the font can draw (the group id when none is left).
 */
static void
lifecycle_chart(struct report *rp, struct tab *h, struct tab *d)
{
	int hg = col(h, "group_id"), hm = col(h, "messages"),
	    dg = col(d, "group_id"), dd = col(d, "date"),
	    dmsg = col(d, "messages");
	size_t *big = NULL, nb = 0, i, j, k;
	long long first, day, span = 1;
	double max = 0;
	char *p, buf[256];
	FILE *f;

	for (i = 0; i < h->nrows; i++)
		if (strcmp(at(h, i, hg), "*") != 0) {
			big = qp_xrealloc(big, nb + 1, sizeof *big);
			big[nb++] = i;
		}
	sort_rows(h, hm, big, nb);
	if (nb > 8)
		nb = 8;
	if (nb == 0) {
		free(big);
		return;
	}
	f = dat_open(rp, "lifecycle.dat", &p);
	for (k = 0; k < nb; k++) {
		first = NODAY;
		FOR_SCOPE(d, j, dg, at(h, big[k], hg)) {
			day = parse_day(at(d, j, dd));
			if (first == NODAY)
				first = day;
			if (day - first >= 90)
				break;
			fprintf(f, "%lld\t%s\n", day - first + 1,
			    at(d, j, dmsg));
			if (day - first + 1 > span)
				span = day - first + 1;
			if (num(at(d, j, dmsg)) > max)
				max = num(at(d, j, dmsg));
		}
		fputs("\n\n", f);
	}
	out_close(rp, f, "lifecycle.dat");
	chart_begin(rp, "lifecycle", _("Lifecycle: messages per day since each "
	    "group began (90 days)"));
	axis_label(rp, "x", _("days since the group began (day 1: its first "
	    "event)"));
	axis_label(rp, "y", _("messages per day"));
	count_tics(rp, "y", max, 0);
	/* whole days only: a group of 3 days had ticks at 0.5, 1.5... */
	fprintf(rp->gp, "set xrange [0.5:%lld.5]\nset xtics %g\nset key outside "
	    "right top vertical\nplot ", span, tic_step((double)span));
	for (k = 0; k < nb; k++) {
		const char *g = at(h, big[k], hg);

		fprintf(rp->gp, "%s'%s' index %zu using 1:2 with linespoints pt "
		    "7 ps 0.6 lw 2 title ", k ? ", " : "", rel(rp, p), k);
		gpq(rp, *chart_label(group_label(rp, g), buf, sizeof buf, 30) ?
		    buf : g);
	}
	fputs("\n", rp->gp);
	chart_end(rp, "lifecycle");
	free(big);
	free(p);
}

static void
section_health(struct report *rp)
{
	struct tab *h = tab_find(rp, "health"), *d = tab_find(rp, "daily");
	int hg = col(h, "group_id"), hd = col(h, "decay_7d"),
	    hs = col(h, "top_share"), hc = col(h, "top_churn"),
	    hdead = col(h, "dead_since"), hm = col(h, "messages"),
	    hp = col(h, "reply_pairs"), dg = col(d, "group_id"),
	    dd = col(d, "date"), dmsg = col(d, "messages"),
	    he = col(h, "export_ends");
	size_t i, j, nw = 0;
	char **warn = NULL;

	if (hg < 0)
		return;
	mdf(rp, _("\n## Group health\n\n| group | members at the end | messages "
	    "in period | days 8–30 vs 1–7 | top share | top churn | silent "
	    "since | reply pairs "
	    "|\n|---|---:|---:|---:|---:|---:|---|---:|\n"));
	for (i = 0; i < h->nrows; i++) {
		const char *g = at(h, i, hg);
		char members[24], ends[64];
		unsigned long long msgs = 0;
		const struct gname *gn = group_find(rp, g);
		char *w;

		snprintf(members, sizeof members, "%llu", members_in(rp, g));
		/* a group whose export ends early is not known to be silent */
		ends[0] = '\0';
		if (he >= 0 && *at(h, i, he))
			snprintf(ends, sizeof ends, _("export ends %s"),
			    at(h, i, he));
		FOR_SCOPE(d, j, dg, g)
			if (in_period(rp, parse_day(at(d, j, dd))))
				msgs += (unsigned long long)
				    num(at(d, j, dmsg));
		mdf(rp, "| %s | %s | %llu | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, g)), members, msgs,
		    *at(h, i, hd) ? pct(num(at(h, i, hd))) : "—",
		    *at(h, i, hs) ? pct(num(at(h, i, hs))) : "—",
		    *at(h, i, hc) ? pct(num(at(h, i, hc))) : "—",
		    *at(h, i, hdead) ? at(h, i, hdead) : *ends ? ends : "—",
		    at(h, i, hp));
		if (strcmp(g, "*") == 0)
			continue;
#define WARN(...) do { \
	if (asprintf(&w, __VA_ARGS__) == -1) qp_die("out of memory"); \
	warn = qp_xrealloc(warn, nw + 1, sizeof *warn); warn[nw++] = w; \
} while (0)
		if (*at(h, i, hd) && num(at(h, i, hd)) < 0.5)
			WARN(_("**%s**: after the first week messages fell to "
			    "%s of their level (mean of days 8–30 ÷ days 1–7): "
			    "loud for a week, then quiet."),
			    mdcell(group_label(rp, g)),
			    pct(num(at(h, i, hd))));
		if (*at(h, i, hs) && num(at(h, i, hs)) > 0.5)
			WARN(_("**%s**: one member sent %s of the messages: one "
			    "voice dominates."), mdcell(group_label(rp, g)),
			    pct(num(at(h, i, hs))));
		if (*at(h, i, hc) && num(at(h, i, hc)) >= 0.5 &&
		    num(at(h, i, hm)) > 0)
			WARN(_("**%s**: %s of the top 10%% of speakers have "
			    "left or been silent for 14 days."),
			    mdcell(group_label(rp, g)),
			    pct(num(at(h, i, hc))));
		if (*at(h, i, hdead))
			WARN(_("**%s**: nobody has spoken since %s."),
			    mdcell(group_label(rp, g)),
			    at(h, i, hdead));
		{	/* by its plan, and where its export ends */
			char *lw[4];
			size_t k, nl = lifecycle_warnings(rp, h, i, lw, 4);

			for (k = 0; k < nl; k++) {
				warn = qp_xrealloc(warn, nw + 1, sizeof *warn);
				warn[nw++] = lw[k];
			}
		}
		if (gn != NULL && strcmp(gn->platform, "wechat") == 0 &&
		    num(members) >= 450)
			WARN(_("**%s**: %s members, near WeChat's cap of 500."),
			    mdcell(group_label(rp, g)), members);
		else if (num(members) > 200)
			WARN(_("**%s**: %s members, past the 200 that community "
			    "handbooks advise."), mdcell(group_label(rp, g)),
			    members);
#undef WARN
	}
	if (nw > 0) {
		mdf(rp, _("\n### Warnings\n\n"));
		for (i = 0; i < nw; i++) {
			mdf(rp, "- %s\n", warn[i]);
			free(warn[i]);
		}
	}
	free(warn);

	if (rp->charts && d != NULL)
		lifecycle_chart(rp, h, d);
}

const struct section sec_health = {
	"health", { "health", "daily", "members", "groups", NULL },
	section_health
};
