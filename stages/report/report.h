/*
 * report.h: what qp-report's sections share (internal to qp-report).
 *
 * A section is one file in stages/report/: it names the stream tables it
 * reads (kept in memory; every other table goes straight to NAME.csv) and
 * writes its part of report.md, its charts into the gnuplot script, and
 * any CSV of its own, all through struct report.  qp-report.c reads the
 * stream, calls the sections of sections[] in order, runs gnuplot once and
 * puts the directory in place.  A new section is a new file and a line in
 * sections.c.
 */
#ifndef QP_REPORT_H
#define QP_REPORT_H

#include <libintl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>

struct named;
struct qp_in;
struct qp_row;
struct qp_strmap;
struct qp_tz;

#define NODAY	LLONG_MIN
#define LIST	20		/* rows of a to-do list in report.md */

/*
 * A stream table kept in memory, every field a string: read with at()
 * or row_at().  A row is its fields' offsets (16 bits, or 32 in a table
 * with a row of 64 KB or more), then the fields, each ending in NUL, in
 * blocks of a few MB: millions of rows cost their bytes, not a pointer
 * and an allocation per field.
 */
struct tab {
	char		*name;
	size_t		 ncol;
	char		**hdr;
	unsigned char	**rows;
	size_t		 nrows, cap;
	int		 wide;		/* 32-bit offsets */
	unsigned char	*blk;		/* the block being filled, and ... */
	size_t		 blkused, blksize;
	void		*blocks;	/* ... the list of them all */
	const char	**row;		/* row_at()'s fields */
	struct tab	*next;
	int		 scol[4];	/* FOR_SCOPE's indexes: rows by column */
	size_t		*sidx[4];	/* scol's value, then row order */
	int		 nsidx;
};

/* A group as the events table names it. */
struct gname {
	char		*id, *name, *platform;
};

struct report {
	int			 charts;
	char			 ret_variant[4];	/* the retention variant targets judge */
	long long		 from, to;	/* the period, NODAY: open */
	int			 month;		/* --period: titled as the month */
	long long		 end;	/* E: every figure is as of this day */
	long long		 last;	/* the last event's day (<= end) */
	long long		 lo, hi;	/* the period's days up to end */
	int			 risk_days, lurker_days;	/* qp-cohort's */
	const char		*previous;	/* --previous: last period's stream */
	struct qp_tz		*tz;
	const struct qp_in	*in;	/* the stream, for its stage lines */
	struct tab		*tabs;

	/* What the events table gives, streamed. */
	struct gname		*gnames;
	size_t			 ngnames, capgnames;
	struct qp_strmap	*gmap;		/* group_find(): id -> gpos */
	size_t			*gpos, gmapped;	/* of gnames[0..gmapped) */
	unsigned long long	 hours[7][24];	/* messages in the period */
	struct qp_strmap	*speakers;	/* user_id -> number */
	unsigned long long	*spoke;		/* messages in the period */
	size_t			 capspoke;

	/* People's names for the CSVs (named.c), once members has come. */
	struct qp_strmap	*users;		/* user_id -> row of mtab */
	const struct tab	*mtab;
	int			 mname;		/* mtab's user column */
	struct named		*waiting;	/* tables that wait for it */

	/* The output: a temporary directory renamed to outdir at the end. */
	char			*outdir, *tmpdir;
	FILE			*md, *gp;	/* report.md, the gnuplot script */
	char			*datfiles[64];	/* chart data, removed after */
	size_t			 ndat;
	const char		*pending;	/* a list's header, see row_begin */
};

struct section {
	const char	*name;
	const char	*reads[12];	/* tables it needs, NULL-terminated */
	void		 (*write)(struct report *);
};

extern const struct section *const sections[];

/* Report text in the language of --lang (GNU gettext, po/). */
#define _(s)	gettext(s)
#define N_(s)	(s)
#define DOMAIN	"qunpipe"

/* Rows of a table for scope g (group_id column c), in table order. */
/*
 * The rows of t whose column c is g, in table order: through an index of
 * the column built once (a scan of every row for each of 2,000 groups was
 * most of qp-report's time).  i is set to each row; after the loop it
 * says nothing (test what was found inside it).
 */
struct scope_it {
	const size_t	*x;
	size_t		 at, end;
};

struct scope_it	 scope_begin(const struct tab *, int, const char *);
int		 scope_next(struct scope_it *, size_t *);

#define FOR_SCOPE_(t, i, c, g, it) \
	for (struct scope_it it = scope_begin(t, c, g); scope_next(&it, &(i)); )
#define FOR_SCOPE_N_(t, i, c, g, n)	FOR_SCOPE_(t, i, c, g, scope_it_##n)
#define FOR_SCOPE_L_(t, i, c, g, n)	FOR_SCOPE_N_(t, i, c, g, n)
#define FOR_SCOPE(t, i, c, g)		FOR_SCOPE_L_(t, i, c, g, __LINE__)

/* Field c of row r of t (no checks: see cell()). */
static inline const char *
at(const struct tab *t, size_t r, int c)
{
	const unsigned char *b = t->rows[r];

	if (t->wide)
		return (const char *)b + t->ncol * 4 +
		    ((const unsigned *)(const void *)b)[c];
	return (const char *)b + t->ncol * 2 +
	    ((const unsigned short *)(const void *)b)[c];
}

/* data.c: tables, days, groups and names. */
const char *const *row_at(const struct tab *, size_t);
void		 tab_free(struct tab *);
long long	 parse_day(const char *);
long long	 parse_week(const char *);
struct tab	*tab_find(struct report *, const char *);
int		 col(const struct tab *, const char *);
const char	*cell(const struct tab *, size_t, int);
double		 num(const char *);
void		 store_row(struct tab *, const struct qp_row *);
void		 sort_rows(const struct tab *, int, size_t *, size_t);
int		 in_period(struct report *, long long);
int		 week_in_period(struct report *, const char *);
/* Whether month "YYYY-MM" has a day in the period. */
int		 month_in_period(struct report *, const char *);
void		 events_row(struct report *, const struct qp_row *,
    const int *);
/* A number per distinct id (a scan of those seen cost rows x groups). */
size_t		 id_slot(struct qp_strmap *, const char *);
const struct gname *group_find(struct report *, const char *);
const char	*group_label(struct report *, const char *);
const char	*member_name(const struct tab *, size_t);
const char	*user_name(struct report *, const char *, const char *);	/* fission.c */
const char	*tier_name(const char *);
const char	*group_type_name(const char *, size_t);
const char	*variant_name(const char *);
const char	*metric_name(const char *);
const char	*stage_opt(const struct qp_in *, const char *, const char *);

/* summary.c: the mean of a daily (weekly) rate of a scope in the period. */
int		 scope_mean(struct report *, const char *, const char *,
    const char *, int, const char *, double *, size_t *, size_t *);

/* named.c: every table as NAME.csv, names beside its ids. */
void		 named_table(struct report *, const struct tab *);
struct named	*named_open(struct report *, const char *, char *const *,
		    size_t);
void		 named_row(struct report *, struct named *, char *const *);
void		 named_close(struct report *, struct named *);
void		 named_members(struct report *, const struct tab *);
void		 named_end(struct report *);

/* out.c: the directory, CSV, markdown and gnuplot. */
char		*path_in(struct report *, const char *);
FILE		*out_file(struct report *, const char *);
void		 out_close(struct report *, FILE *, const char *);
void		 csv_row(FILE *, char *const *, size_t);
FILE		*csv_open(struct report *, const char *, char *const *, size_t);
void		 mdf(struct report *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
const char	*mdcell(const char *);
const char	*mdcode(const char *);
const char	*pct(double);
int		 row_begin(struct report *);
void		 list_end(struct report *);
const char	*chart_text(const char *, char *, size_t);
const char	*chart_label(const char *, char *, size_t, size_t);
void		 gpq(struct report *, const char *);
void		 datq(FILE *, const char *);
void		 chart_begin(struct report *, const char *, const char *);
void		 chart_end(struct report *, const char *);
void		 rate_bars(struct report *, const char *, const char *,
		    const char *, const char *const *, size_t, const double *,
		    size_t, const char *const *, double, const char *);
const char	*rel(struct report *, const char *);
char		*dat_path(struct report *, const char *);
FILE		*dat_open(struct report *, const char *, char **);
void		 axis_label(struct report *, const char *, const char *);
void		 count_tics(struct report *, const char *, double, int);
double		 tic_step(double);
void		 day_axis(struct report *);	/* activity.c */
/* lifecycle.c: the warnings of health row i by its plan; strings to free */
size_t		 lifecycle_warnings(struct report *, const struct tab *, size_t,
		    char **, size_t);
void		 run_gnuplot(struct report *, const char *);

#endif
