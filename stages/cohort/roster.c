/*
 * roster.c: the roster table's snapshots, by group and day, for
 * qp-cohort's head counts and inferred leaves (qunpipe(7), rosters).
 *
 * The rows are kept as read, then sorted once by (group, day, user) on
 * the first look-up, and each group's snapshots indexed; qp-cohort asks
 * for one group at a time, in group order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "roster.h"

struct row {
	char		*gid, *uid;
	long long	 day;
};

static struct row *rows;
static size_t nrows, caprows;
static int given, sorted, cg = -1, cd = -1, cu = -1;
static const char **ids;	/* every row's uid, in sorted order */
static struct rs_snap *snaps;	/* every group's, in order */
static size_t nsnaps;
static unsigned char *seen;	/* per snapshot: its group was asked for */

void
rs_header(const struct qp_in *in)
{
	given = 1;
	cg = qp_cli_col(in, "roster", "group_id");
	cd = qp_cli_col(in, "roster", "date");
	cu = qp_cli_col(in, "roster", "user_id");
}

void
rs_row(const struct qp_in *in)
{
	const struct qp_row *r = qp_in_row(in);
	long long day;

	if (r->f[cg].len == 0 || r->f[cu].len == 0)
		return;
	if (qp_day_parse(r->f[cd].s, &day) == -1)
		qp_die("%s: record %llu (line %llu): the roster's date is not "
		    "YYYY-MM-DD: %s", qp_in_name(in), r->recno, r->lineno,
		    r->f[cd].s);
	if (nrows == caprows) {
		caprows = caprows ? caprows * 2 : 256;
		rows = qp_xrealloc(rows, caprows, sizeof *rows);
	}
	rows[nrows].gid = qp_xstrdup(r->f[cg].s);
	rows[nrows].uid = qp_xstrdup(r->f[cu].s);
	rows[nrows].day = day;
	nrows++;
}

int
rs_given(void)
{
	return given;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c;

	if ((c = strcmp(x->gid, y->gid)) != 0)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->uid, y->uid);
}

/* Sort the rows and cut them into snapshots. */
static void
index_rows(void)
{
	size_t i, j;

	sorted = 1;
	if (nrows > 1)
		qsort(rows, nrows, sizeof *rows, row_cmp);
	ids = qp_xcalloc(nrows + 1, sizeof *ids);
	snaps = qp_xcalloc(nrows + 1, sizeof *snaps);
	seen = qp_xcalloc(nrows + 1, 1);
	for (i = 0; i < nrows; i++)
		ids[i] = rows[i].uid;
	for (i = 0; i < nrows; i = j) {
		for (j = i; j < nrows && rows[j].day == rows[i].day &&
		    strcmp(rows[j].gid, rows[i].gid) == 0; j++)
			;
		snaps[nsnaps].day = rows[i].day;
		snaps[nsnaps].uids = ids + i;
		snaps[nsnaps].n = j - i;
		nsnaps++;
	}
}

/* The group of snapshot k (its first row's). */
static const char *
snap_gid(size_t k)
{
	return rows[snaps[k].uids - ids].gid;
}

size_t
rs_group(const char *gid, const struct rs_snap **out)
{
	size_t lo = 0, hi, k;

	if (!sorted)
		index_rows();
	hi = nsnaps;
	while (lo < hi) {	/* the first snapshot of gid or after */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(snap_gid(mid), gid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < nsnaps && strcmp(snap_gid(k), gid) == 0; k++)
		seen[k] = 1;
	*out = snaps + lo;
	return k - lo;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
rs_listed(const struct rs_snap *s, const char *uid)
{
	return s->n > 0 && bsearch(&uid, s->uids, s->n, sizeof *s->uids,
	    str_cmp) != NULL;
}

void
rs_unseen(void)
{
	size_t k;

	if (!sorted)
		index_rows();
	for (k = 0; k < nsnaps; k++)
		if (!seen[k] && (k == 0 ||
		    strcmp(snap_gid(k), snap_gid(k - 1)) != 0))
			qp_warn("the roster lists group %s, which has no events: "
			    "its list is not used", snap_gid(k));
}

void
rs_free(void)
{
	size_t i;

	for (i = 0; i < nrows; i++) {
		free(rows[i].gid);
		free(rows[i].uid);
	}
	free(rows);
	free(ids);
	free(snaps);
	free(seen);
}
