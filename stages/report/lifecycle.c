/*
 * Lifecycles by plan: per group its first three days by the hour, its
 * half-life, active days and short-window decay (qp-cohort's health
 * columns), and the warnings its type (the groups file) calls for:
 * a lead group (引流群) still talking after 48 hours is dissolved (seed
 * 002), a camp runs to its planned end and no further, a fans group
 * (铁粉群) under 30 days is young, a delivery group runs its planned days.
 * A group whose export ends before the end date is said to, not called
 * silent.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_time.h"

#include "report.h"

/* The groups file's row of group g (its group_id column), or -1. */
static long
plan_of(struct report *rp, const char *g)
{
	struct tab *p = tab_find(rp, "groups");
	int cg = col(p, "group_id");
	size_t i;

	FOR_SCOPE(p, i, cg, g)
		return (long)i;
	return -1;
}

static char *
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
say(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		qp_die("out of memory");
	va_end(ap);
	return s;
}

size_t
lifecycle_warnings(struct report *rp, const struct tab *h, size_t i,
    char **w, size_t max)
{
	struct tab *p = tab_find(rp, "groups");
	const char *g = cell(h, i, col(h, "group_id")),
	    *ends = cell(h, i, col(h, "export_ends")),
	    *lastm = cell(h, i, col(h, "last_message")),
	    *dead = cell(h, i, col(h, "dead_since")),
	    *late = cell(h, i, col(h, "msgs_48_72h")), *type, *name;
	long long first = parse_day(cell(h, i, col(h, "first_event"))),
	    lm = parse_day(lastm), start, end = NODAY;
	long r;
	size_t n = 0;

	if (max < 4)
		return 0;
	name = mdcell(group_label(rp, g));
	/* a few days' lag of an export is usual: a week is worth a word */
	if (*ends && rp->end - parse_day(ends) >= 7)
		w[n++] = say(_("**%s**: its export ends on %s; whether it went "
		    "quiet after that is not known (export it again to see)."),
		    name, ends);
	if ((r = plan_of(rp, g)) < 0)
		return n;
	type = cell(p, (size_t)r, col(p, "type"));
	start = parse_day(cell(p, (size_t)r, col(p, "start")));
	if (start == NODAY)
		start = first;
	if (*cell(p, (size_t)r, col(p, "days")) && start != NODAY)
		end = start + (long long)num(cell(p, (size_t)r,
		    col(p, "days"))) - 1;
	if (strcmp(type, "lead") == 0 && (num(late) > 0 ||
	    (lm != NODAY && first != NODAY && lm > first + 2)))
		w[n++] = say(_("**%s** (引流群): still active after 48 hours "
		    "(last message %s): a lead group is dissolved after 48 "
		    "hours, once its members have moved on."), name, lastm);
	if (strcmp(type, "camp") == 0 && end != NODAY) {
		char d[16];

		qp_day_format(d, end);
		if (rp->end > end && lm != NODAY && lm > end)
			w[n++] = say(_("**%s** (训练营): past its planned end "
			    "(%s) and still active (last message %s): close "
			    "it or move it on."), name, d, lastm);
		else if (*dead && parse_day(dead) <= end)
			w[n++] = say(_("**%s** (训练营): silent since %s, before "
			    "its planned end (%s)."), name, dead, d);
	}
	if (strcmp(type, "fans") == 0 && first != NODAY &&
	    rp->end - first < 30)
		w[n++] = say(_("**%s** (铁粉群): %lld days old; judge it by "
		    "its 30-day numbers after 30 days."), name,
		    rp->end - first + 1);
	if (strcmp(type, "delivery") == 0 && end != NODAY && rp->end > end &&
	    lm != NODAY && lm > end)
		w[n++] = say(_("**%s** (交付群): running past its planned %s "
		    "days (last message %s)."), name,
		    cell(p, (size_t)r, col(p, "days")), lastm);
	return n;
}

static const char *
or_dash(const char *s)
{
	return *s ? s : "—";
}

static void
section_lifecycle(struct report *rp)
{
	struct tab *h = tab_find(rp, "health");
	int hg = col(h, "group_id"), hh = col(h, "half_life_h");
	size_t i, n = 0;

	if (hh < 0)
		return;
	for (i = 0; i < h->nrows; i++)
		n += strcmp(at(h, i, hg), "*") != 0;
	if (n == 0)
		return;
	mdf(rp, _("\n### Lifecycles\n\nMembers' messages in the first three "
	    "days after each group's first event, the hours until half of "
	    "its first week's messages (half-life), the days with at least "
	    "20%% of its busiest day's messages, and days 3–7 against days "
	    "1–2 (health.csv).\n\n| group | 0–24 h | 24–48 h | 48–72 h | "
	    "half-life (h) | active days | days 3–7 vs 1–2 | last message |\n"
	    "|---|---:|---:|---:|---:|---:|---:|---|\n"));
	for (i = 0; i < h->nrows; i++) {
		const char *d = cell(h, i, col(h, "decay_short"));

		if (strcmp(at(h, i, hg), "*") == 0)
			continue;
		mdf(rp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(rp, at(h, i, hg))),
		    or_dash(cell(h, i, col(h, "msgs_0_24h"))),
		    or_dash(cell(h, i, col(h, "msgs_24_48h"))),
		    or_dash(cell(h, i, col(h, "msgs_48_72h"))),
		    or_dash(cell(h, i, hh)),
		    or_dash(cell(h, i, col(h, "active_days"))),
		    *d ? pct(num(d)) : "—",
		    or_dash(cell(h, i, col(h, "last_message"))));
	}
}

const struct section sec_lifecycle = {
	"lifecycle", { "health", "groups", NULL }, section_lifecycle
};
