/*
 * roster.c: member lists (--roster FILE), for the roster table (qunpipe(7)).
 *
 * A roster is one or more snapshots of who was in a group on a day, as
 * 企业微信, 微伴 or an operator export them: a CSV of date, group and
 * member.  Groups and members are named by id or by name and matched as
 * --staff matches them (roles.c); a member never seen in the chats (one
 * who never spoke) is what a roster is for, so an unknown name is kept,
 * by name, rather than refused.  The table holds one row per (group_id,
 * date, user_id); qp-cohort reads it.  Memory: the rows (members x
 * snapshots).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

struct entry {
	char	*gid, *uid;
	long long day;
};

struct ing_roster {
	struct entry	*e;
	size_t		 n, cap;
};

/* Header names of each column, in order of preference. */
static const char *const date_cols[] = { "date",
    "\xe6\x97\xa5\xe6\x9c\x9f", NULL };				/* 日期 */
static const char *const group_cols[] = { "group_id", "group",
    "\xe7\xbe\xa4", "\xe7\xbe\xa4\xe5\x90\x8d", NULL };		/* 群, 群名 */
static const char *const user_cols[] = { "user_id", "user",
    "\xe6\x88\x90\xe5\x91\x98", "\xe6\x98\xb5\xe7\xa7\xb0", NULL };	/* 成员, 昵称 */

void
ing_roster_free(struct ing *g)
{
	size_t i;

	if (g->roster == NULL)
		return;
	for (i = 0; i < g->roster->n; i++) {
		free(g->roster->e[i].gid);
		free(g->roster->e[i].uid);
	}
	free(g->roster->e);
	free(g->roster);
	g->roster = NULL;
}

/* A snapshot's day: 2024-06-01, 2024/6/1 or 2024.6.1, a time after it. */
static int
roster_day(const char *s, long long *day)
{
	unsigned y, m, d;
	char sep, sep2, buf[16];
	int n = 0;

	if (sscanf(s, "%4u%c%2u%c%2u%n", &y, &sep, &m, &sep2, &d, &n) != 5 ||
	    sep != sep2 || strchr("-/.", sep) == NULL ||
	    (s[n] != '\0' && s[n] != ' ' && s[n] != 'T'))
		return -1;
	snprintf(buf, sizeof buf, "%04u-%02u-%02u", y, m, d);
	return qp_day_parse(buf, day);
}

static int
add(struct ing_roster *ro, const char *gid, const char *uid, long long day)
{
	struct entry *e;

	if (ro->n == ro->cap) {
		size_t cap = ro->cap ? ro->cap * 2 : 64;

		if ((e = realloc(ro->e, cap * sizeof *e)) == NULL)
			return -1;
		ro->e = e;
		ro->cap = cap;
	}
	e = &ro->e[ro->n];
	if ((e->gid = strdup(gid)) == NULL || (e->uid = strdup(uid)) == NULL) {
		free(e->gid);
		return -1;
	}
	e->day = day;
	ro->n++;
	return 0;
}

static int
roster_text(struct ing *g, struct ing_text *x)
{
	const char *path = ing_name(x);
	struct qp_csv *c;
	const struct qp_row *r;
	int cd, cg, cu, wd, wg = 0, wu = 0, rc, n = 0;
	char gid[300], uid[300];

	if ((c = ing_side_open(x, &r)) == NULL)
		return -1;
	cd = ing_side_col(r, date_cols, &wd);
	cg = ing_side_col(r, group_cols, &wg);
	cu = ing_side_col(r, user_cols, &wu);
	if (cd < 0 || cg < 0 || cu < 0) {
		qp_warn("%s: the header needs date (日期), group_id or group (群) "
		    "and user_id or user (成员)", path);
		rc = -1;
		goto out;
	}
	while ((rc = qp_csv_next(c, &r)) > 0) {
		const char *dv = ing_side_cell(r, cd), *gv = ing_side_cell(r, cg),
		    *uv = ing_side_cell(r, cu);
		long long day;

		if (*dv == '\0' && *gv == '\0' && *uv == '\0')
			continue;	/* a blank line */
		if (roster_day(dv, &day) == -1 || *gv == '\0' ||
		    strcmp(gv, "*") == 0 || *uv == '\0') {
			qp_warn("%s:%llu: %s", path, r->lineno, *uv == '\0' ?
			    "no user" : *gv == '\0' || strcmp(gv, "*") == 0 ?
			    "want a group (a roster lists one group's members)" :
			    "want a date YYYY-MM-DD");
			rc = -1;
			break;
		}
		if (ing_side_who(g, path, r->lineno, gv, wg == 0, uv, wu == 0,
		    1, gid, sizeof gid, uid, sizeof uid) == -1 ||
		    add(g->roster, gid, uid, day) == -1) {
			rc = -1;
			break;
		}
		n++;
	}
out:
	return ing_side_close(g, c, path, rc, n, "roster rows");
}

int
ing_roster_file(struct ing *g, const char *path)
{
	if (g->roster == NULL &&
	    (g->roster = calloc(1, sizeof *g->roster)) == NULL)
		return -1;
	return ing_side_file(g, path, roster_text);
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c;

	if ((c = strcmp(x->gid, y->gid)) != 0)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->uid, y->uid);
}

int
ing_write_roster(struct ing *g)
{
	static const char *const cols[] = { "group_id", "date", "user_id" };
	struct ing_roster *ro = g->roster;
	const char *v[3];
	char day[16];
	size_t i;

	if (ro == NULL)
		return 0;
	if (ro->n > 1)
		qsort(ro->e, ro->n, sizeof *ro->e, entry_cmp);
	if (qp_out_tablev(g->out, "roster", 1, cols, 3) == -1)
		return -1;
	for (i = 0; i < ro->n; i++) {
		if (i > 0 && entry_cmp(&ro->e[i - 1], &ro->e[i]) == 0)
			continue;	/* listed twice */
		qp_day_format(day, ro->e[i].day);
		v[0] = ro->e[i].gid;
		v[1] = day;
		v[2] = ro->e[i].uid;
		if (qp_out_rowv(g->out, v, 3) == -1)
			return -1;
	}
	return 0;
}
