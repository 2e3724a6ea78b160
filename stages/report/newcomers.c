/*
 * Newcomers: per group and month of joining, the share welcomed within
 * 24 hours and how fast, self-introductions, nicknames in the group's
 * format and UGC in the first week; and, as a section of its own that
 * follows todo.c's (so that they show under its heading), the to-do lists
 * 还没被欢迎的新人 (newcomers of the period nobody has welcomed) and
 * 群昵称不合格式 (newcomers whose display name breaks --nickname-format).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"

#include "report.h"

/* Seconds as "42 min" or "3.5 h". */
static const char *
delay(const char *s, char *buf, size_t cap)
{
	double v = num(s);

	if (*s == '\0')
		return "—";
	if (v < 3600)
		snprintf(buf, cap, _("%.0f min"), v / 60);
	else
		snprintf(buf, cap, _("%.1f h"), v / 3600);
	return buf;
}

/* The local day of a ts column's value. */
static long long
ts_day(const char *ts)
{
	char d[16];

	snprintf(d, sizeof d, "%.10s", ts);
	return parse_day(d);
}

/*
 * The period's welcome and self-introduction rates of the 12 groups with
 * the most newcomers: counts of its months added up, then divided.
 */
static void
newcomers_chart(struct report *rp, struct tab *w)
{
	enum { MAXG = 12 };
	int wm = col(w, "month"), wg = col(w, "group_id"),
	    wn = col(w, "newcomers"), ww = col(w, "welcomed"),
	    wi = col(w, "self_intros");
	struct { const char *id; double n, w, i; } *g = NULL, t;
	const char *labels[MAXG], *series[2];
	double v[2 * MAXG];
	size_t i, k, j, ng = 0;

	struct qp_strmap *ids;

	if (wn < 0 || ww < 0 || wi < 0)
		return;
	if ((ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	for (i = 0; i < w->nrows; i++) {
		const char *const *r = row_at(w, i);

		if (!month_in_period(rp, r[wm]))
			continue;
		if ((k = id_slot(ids, r[wg])) == ng) {
			g = qp_xrealloc(g, ng + 1, sizeof *g);
			g[ng].id = r[wg];
			g[ng].n = g[ng].w = g[ng].i = 0;
			ng++;
		}
		g[k].n += num(r[wn]), g[k].w += num(r[ww]);
		g[k].i += num(r[wi]);
	}
	qp_strmap_free(ids);
	/* most newcomers first; ties as the table has them */
	for (k = 1; k < ng; k++)
		for (j = k; j > 0 && g[j].n > g[j - 1].n; j--)
			t = g[j], g[j] = g[j - 1], g[j - 1] = t;
	if (ng > MAXG)
		ng = MAXG;
	for (k = 0; k < ng; k++) {
		labels[k] = g[k].id;
		v[2 * k] = g[k].n > 0 ? g[k].w / g[k].n : 0;
		v[2 * k + 1] = g[k].n > 0 ? g[k].i / g[k].n : 0;
	}
	series[0] = _("welcomed in 24 h");
	series[1] = _("introduced themselves");
	rate_bars(rp, "newcomers", _("Newcomers of the period: welcomed "
	    "within 24 hours, and who introduced themselves"),
	    _("share of the group's newcomers"), labels, ng, v, 2, series, -1,
	    NULL);
	free(g);
}

static void
section_newcomers(struct report *rp)
{
	struct tab *w = tab_find(rp, "welcomes");
	int wm = col(w, "month"), wg = col(w, "group_id"),
	    wn = col(w, "newcomers"), wr = col(w, "welcome_rate"),
	    wd = col(w, "median_delay_s"), wi = col(w, "intro_rate"),
	    wk = col(w, "nickname_rate"), wu = col(w, "ugc_rate");
	size_t i, n = 0;
	char buf[32];

	if (wm < 0)
		return;
	mdf(rp, _("\n## Newcomers\n\nBy month of joining: welcomed within 24 "
	    "hours (another's reply to them, @mention of them or message "
	    "naming them), self-introductions (the first message within 72 "
	    "hours), nicknames in the group's format, UGC in the first 7 "
	    "days.\n\n| month | group | newcomers | welcomed in 24 h | median "
	    "wait | introduced themselves | nickname in format | UGC in 7 days "
	    "|\n|---|---|---:|---:|---:|---:|---:|---:|\n"));
	for (i = 0; i < w->nrows; i++) {
		const char *const *r = row_at(w, i);

		if (!month_in_period(rp, r[wm]))
			continue;
		n++;
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", r[wm],
		    mdcell(group_label(rp, r[wg])), r[wn], pct(num(r[wr])),
		    delay(r[wd], buf, sizeof buf), pct(num(r[wi])),
		    *r[wk] ? pct(num(r[wk])) : "—", pct(num(r[wu])));
	}
	if (n == 0)
		mdf(rp, "%s", _("\nNone.\n"));
	else if (rp->charts)
		newcomers_chart(rp, w);
}

/* The period's newcomers whose flag column cf is 0, under heading. */
static void
newcomer_list(struct report *rp, const struct tab *nc, int cf,
    const char *heading)
{
	int ng = col(nc, "group_id"), nu = col(nc, "user"),
	    nid = col(nc, "user_id"), nj = col(nc, "joined");
	size_t i, n;

	mdf(rp, "%s", heading);
	rp->pending = _("\n| group | newcomer | joined |\n|---|---|---|\n");
	for (i = n = 0; i < nc->nrows; i++) {
		const char *const *r = row_at(nc, i);

		if (r[cf][0] != '0' || !in_period(rp, ts_day(r[nj])))
			continue;
		if (n++ < LIST && row_begin(rp))
			mdf(rp, "| %s | %s | %.10s %.5s |\n",
			    mdcell(group_label(rp, r[ng])),
			    mdcell(*r[nu] ? r[nu] : r[nid]), r[nj],
			    strlen(r[nj]) > 11 ? r[nj] + 11 : "");
	}
	list_end(rp);
	if (n > LIST)
		mdf(rp, _("\n… and %zu more (newcomers.csv)\n"), n - LIST);
}

static void
section_newcomer_todo(struct report *rp)
{
	struct tab *nc = tab_find(rp, "newcomers");
	int nw = col(nc, "welcomed_24h"), nk = col(nc, "nickname_ok");

	if (col(nc, "joined") < 0)
		return;
	newcomer_list(rp, nc, nw, _("\n### Newcomers of the period nobody "
	    "welcomed within 24 hours (还没被欢迎的新人)\n"));
	newcomer_list(rp, nc, nk, _("\n### Newcomers of the period whose "
	    "display name is not in the group's format (群昵称不合格式)\n"));
}

const struct section sec_newcomers = {
	"newcomers", { "welcomes", NULL }, section_newcomers
};

const struct section sec_newcomer_todo = {
	"newcomer_todo", { "newcomers", NULL }, section_newcomer_todo
};
