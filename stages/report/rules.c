/*
 * Group rules (群规): per group the last 7 days' share of messages that
 * break the rules, with a warning for a group turning into an ad group
 * (沦为广告群), how members left (voluntary or removed, 领完就退, back
 * again), the members at the strikes that get one removed (违规 3 次移出)
 * beside their removal, and the lists of quick exits and returns.  From
 * qp-cohort's violations, violators, rules and exits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"

#include "report.h"

static const struct {
	const char	*key, *name;
} kinds[] = {
	{ "link", N_("link") }, { "qrcode", N_("QR code") },
	{ "phone", N_("phone number") }, { "wechat_id", N_("WeChat id") },
	{ "ad_word", N_("ad word") }, { "flood", N_("flooding") },
	{ "crosspost", N_("the same text in several groups") },
};
#define NKINDS	(sizeof kinds / sizeof kinds[0])

/* "2024-06-21T09:02:00+08:00" as "2024-06-21 09:02"; "" stays. */
static const char *
when(const char *ts, char *buf, size_t cap)
{
	snprintf(buf, cap, "%.16s", ts);
	if (strlen(buf) > 10)
		buf[10] = ' ';
	return buf;
}

static void
exit_list(struct report *rp, const struct tab *e, const char *which)
{
	int cg = col(e, "group_id"), cu = col(e, "user_id"),
	    cj = col(e, "joined"), cl = col(e, "left"), ch = col(e, "how"),
	    cw = col(e, which);
	size_t i, n = 0;

	for (i = 0; i < e->nrows; i++) {
		if (*at(e, i, cw) != '1' ||
		    !in_period(rp, parse_day(at(e, i, cl))) || !row_begin(rp))
			continue;
		if (n++ < LIST)
			mdf(rp, "| %s | %s | %s | %s | %s |\n",
			    mdcell(group_label(rp, at(e, i, cg))),
			    mdcell(user_name(rp, at(e, i, cg),
			    at(e, i, cu))), *at(e, i, cj) ?
			    at(e, i, cj) : "—", at(e, i, cl),
			    strcmp(at(e, i, ch), "remove") == 0 ?
			    _("removed") : _("left"));
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, _("\n… and %zu more (exits.csv)\n"), n - LIST);
}

/*
 * The period's violation share (its violations ÷ its messages, daily.csv)
 * of the 12 groups with the highest.
 */
static void
rules_chart(struct report *rp, struct tab *v)
{
	enum { MAXG = 12 };
	struct tab *d = tab_find(rp, "daily");
	int vg = col(v, "group_id"), vt = col(v, "ts"), dg = col(d, "group_id"),
	    dd = col(d, "date"), dm = col(d, "messages");
	struct { const char *id; double n; } *g = NULL;
	const char *labels[MAXG], *series[1];
	double x[MAXG], share, msgs;
	size_t i, j, k, ng = 0, n = 0;
	char day[16];
	struct qp_strmap *ids;

	if (vg < 0 || vt < 0 || dm < 0)
		return;
	if ((ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	for (i = 0; i < v->nrows; i++) {
		snprintf(day, sizeof day, "%.10s", at(v, i, vt));
		if (!in_period(rp, parse_day(day)))
			continue;
		if ((k = id_slot(ids, at(v, i, vg))) == ng) {
			g = qp_xrealloc(g, ng + 1, sizeof *g);
			g[ng].id = at(v, i, vg);
			g[ng++].n = 0;
		}
		g[k].n++;
	}
	for (k = 0; k < ng; k++) {
		msgs = 0;
		FOR_SCOPE(d, i, dg, g[k].id)
			if (in_period(rp, parse_day(at(d, i, dd))))
				msgs += num(at(d, i, dm));
		share = msgs > 0 ? g[k].n / msgs : 0;
		/* highest first, ties as the table has them */
		for (j = n < MAXG ? n++ : MAXG; j > 0 && x[j - 1] < share; j--)
			if (j < MAXG) {
				x[j] = x[j - 1];
				labels[j] = labels[j - 1];
			}
		if (j < MAXG) {
			x[j] = share;
			labels[j] = g[k].id;
		}
	}
	series[0] = _("violations ÷ messages of the period");
	rate_bars(rp, "rules", _("Group rules: share of the period's "
	    "messages that break them (violations.csv, daily.csv)"),
	    _("share of messages"), labels, n, x, 1, series, -1, NULL);
	free(g);
	qp_strmap_free(ids);
}

static void
section_rules(struct report *rp)
{
	struct tab *r = tab_find(rp, "rules"), *v = tab_find(rp, "violations"),
	    *p = tab_find(rp, "violators"), *e = tab_find(rp, "exits");
	int cg, cm, cv, cs, ca;
	size_t i, k, n;
	unsigned long long count[NKINDS] = { 0 };
	char t1[32], t2[32];

	if (r == NULL || col(r, "ad_group") < 0 || r->nrows == 0)
		return;
	/* Nothing to say without a violation or an exit. */
	if ((v == NULL || v->nrows == 0) && (e == NULL || e->nrows == 0))
		return;
	cg = col(r, "group_id"), cm = col(r, "messages_7d");
	cv = col(r, "violations_7d"), cs = col(r, "violation_share_7d");
	ca = col(r, "ad_group");
	mdf(rp, _("\n## Group rules (群规)\n\nA violation is a member's message "
	    "(staff apart) with a link, a QR code, a phone number, a WeChat id "
	    "or an ad word (qp-cohort --ad-words), flooding (--flood), or a "
	    "text they also sent in another group within 24 hours.  The last "
	    "7 days end on the report's end date; the exits (left, removed, "
	    "left within 3 days, came back) are all those up to it, the lists "
	    "below the period's (exits.csv has each).\n\n| group | messages, "
	    "last 7 days | violations | share | exits | left | removed | left "
	    "within 3 days (领完就退) | came back |\n"
	    "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"));
	for (i = 0; i < r->nrows; i++)
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, at(r, i, cg))), at(r, i, cm),
		    at(r, i, cv), *at(r, i, cs) ? pct(num(at(r, i, cs))) :
		    "—", cell(r, i, col(r, "exits")), cell(r, i, col(r, "left")),
		    cell(r, i, col(r, "removed")),
		    cell(r, i, col(r, "quick_exits")),
		    cell(r, i, col(r, "rejoins")));
	for (i = 0, n = 0; i < r->nrows; i++)
		if (strcmp(at(r, i, cg), "*") != 0 && *at(r, i, ca) == '1') {
			if (n++ == 0)
				mdf(rp, "\n");
			mdf(rp, _("- **%s**: %s of the last 7 days' messages "
			    "break the rules: the group is turning into an ad "
			    "group (沦为广告群).\n"),
			    mdcell(group_label(rp, at(r, i, cg))),
			    pct(num(at(r, i, cs))));
		}
	if (v != NULL && col(v, "kind") >= 0 && v->nrows > 0) {
		char day[16];

		for (i = 0; i < v->nrows; i++) {
			snprintf(day, sizeof day, "%.10s",
			    at(v, i, col(v, "ts")));
			if (!in_period(rp, parse_day(day)))
				continue;
			for (k = 0; k < NKINDS; k++)
				if (strcmp(at(v, i, col(v, "kind")),
				    kinds[k].key) == 0)
					count[k]++;
		}
		mdf(rp, _("\n| violations of the period | count |\n"
		    "|---|---:|\n"));
		for (k = 0; k < NKINDS; k++)
			if (count[k] > 0)
				mdf(rp, "| %s | %llu |\n", _(kinds[k].name),
				    count[k]);
		if (rp->charts)
			rules_chart(rp, v);
	}
	if (p != NULL && col(p, "out") >= 0) {
		int pg = col(p, "group_id"), pu = col(p, "user_id"),
		    pn = col(p, "violations"), pl = col(p, "last_violation"),
		    pr = col(p, "removed"), po = col(p, "out");

		mdf(rp, _("\n### At the strikes that get a member removed "
		    "(违规 3 次移出; qp-cohort --strikes)\n"));
		rp->pending = _("\n| group | member | violations | last "
		    "violation | removed |\n|---|---|---:|---|---|\n");
		for (i = 0, n = 0; i < p->nrows; i++) {
			if (strcmp(at(p, i, pg), "*") == 0 ||
			    *at(p, i, po) != '1' || !row_begin(rp))
				continue;
			if (n++ < LIST)
				mdf(rp, "| %s | %s | %s | %s | %s |\n",
				    mdcell(group_label(rp, at(p, i, pg))),
				    mdcell(user_name(rp, at(p, i, pg),
				    at(p, i, pu))), at(p, i, pn),
				    when(at(p, i, pl), t1, sizeof t1),
				    *at(p, i, pr) ? when(at(p, i, pr), t2,
				    sizeof t2) : _("not yet"));
		}
		list_end(rp);
		if (n > LIST)
			mdf(rp, _("\n… and %zu more (violators.csv)\n"),
			    n - LIST);
	}
	if (e != NULL && col(e, "quick_exit") >= 0) {
		mdf(rp, _("\n### Left of their own accord within 3 days of "
		    "joining, in the period (领完就退)\n"));
		rp->pending = _("\n| group | member | joined | left | how |\n"
		    "|---|---|---|---|---|\n");
		exit_list(rp, e, "quick_exit");
		mdf(rp, _("\n### Left in the period and came back\n"));
		rp->pending = _("\n| group | member | joined | left | how |\n"
		    "|---|---|---|---|---|\n");
		exit_list(rp, e, "rejoined");
	}
}

const struct section sec_rules = {
	"rules", { "rules", "violations", "violators", "exits", "members",
	NULL }, section_rules
};
