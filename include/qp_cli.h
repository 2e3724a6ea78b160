/*
 * qp_cli: what every qunpipe program's main() shares (DESIGN.md section 4).
 *
 * Options common to all stages, messages as "qp-NAME: ...", exit codes,
 * checked number parsing, the refusal to write a stream to a terminal,
 * removal of temporary files on SIGINT/SIGTERM, and progress on stderr.
 * Unlike the rest of the library, this module prints: it is for main().
 */
#ifndef QP_CLI_H
#define QP_CLI_H

#include <getopt.h>
#include <stdio.h>

#define QP_VERSION	"0.1.0"

enum { QP_EXIT_OK = 0, QP_EXIT_DATA = 1, QP_EXIT_USAGE = 2 };

struct qp_in;

/* Options common to all stages. */
struct qp_common {
	int		 level;		/* -l, default 1 */
	const char	*out;		/* -o, NULL = stdout */
	int		 quiet;		/* -q */
	int		 progress;	/* --progress; -1 = when stderr is a tty */
};

/* Long-only option codes for the common options. */
enum { QP_OPT_VERSION = 0x100, QP_OPT_PROGRESS, QP_OPT_STAGE = 0x200 };

#define QP_COMMON_SHORT	"hl:o:q"
#define QP_COMMON_LONG \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, QP_OPT_VERSION }, \
	{ "progress", no_argument, NULL, QP_OPT_PROGRESS }, \
	{ "level", required_argument, NULL, 'l' }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "quiet", no_argument, NULL, 'q' }

/*
 * Set the program name for messages (also as argv[0], which getopt's
 * messages use), install the signal handlers that remove temporary files,
 * and fill c with the defaults.
 */
void		 qp_cli_init(const char *prog, const char *usage, char **argv,
		    struct qp_common *c);

/*
 * Handle a common option returned by getopt_long.  Returns 1 when it was
 * one (it may exit: --help, --version, a bad -l), 0 when it was not.
 */
int		 qp_cli_common(int ch, struct qp_common *c);

/* Print a usage error, the short usage, and exit 2. */
void		 qp_usage_error(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

/* Messages on stderr as "prog: ...", flushing stdout first. */
void		 qp_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void		 qp_die(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

/*
 * Parse a whole decimal integer in [min, max].  Returns 0 or -1 (junk,
 * out of range).
 */
int		 qp_parse_ll(const char *s, long long min, long long max, long long *v);

/*
 * Parse a size: a whole number of bytes, or with a k, M or G suffix.
 * Returns 0 or -1 (junk, zero, overflow).
 */
int		 qp_parse_size(const char *s, unsigned long long *v);

/*
 * Parse a duration: a whole number and s, m, h or d ("90s", "30m", "72h",
 * "30d"), from one second to 366 days.  Returns 0 and sets *secs, or -1.
 */
int		 qp_parse_duration(const char *s, long long *secs);

struct qp_out;

/*
 * What a stage does after its options: refuse a terminal, open the inputs
 * argv[optind..] (none: stdin) into *in, and return a writer on -o or
 * stdout at -l that records prog's provenance.  Exits 1 with a message
 * on any failure.
 */
struct qp_out	*qp_cli_stage(const struct qp_common *c, const char *prog,
		    int argc, char **argv, int optind, struct qp_in **in);

/*
 * Exit 2 with a hint when the stream output would go to a terminal
 * (c->out unset and stdout a tty).
 */
void		 qp_cli_refuse_tty(const struct qp_common *c);

/* Whether progress should be shown (--progress, or stderr a tty and not -q). */
int		 qp_cli_want_progress(const struct qp_common *c);

/* Show rows and bytes read on stderr, at most a few times a second. */
void		 qp_progress(const struct qp_in *in, int done);

/*
 * The arguments worth recording in a #qp,stage line: argv[1..] without
 * the options that do not change the output (-o FILE, -q, --progress), so
 * that "-o f" and "> f" make the same bytes.  Sets *n; the caller frees
 * the array (not the strings).  NULL on ENOMEM.
 */
char		**qp_cli_stage_args(int argc, char **argv, int *n);

/*
 * The index of the column name in in's current table (called table), or
 * exit 1 with "<input>: the <table> table has no <name> column".
 */
int		 qp_cli_col(const struct qp_in *in, const char *table,
		    const char *name);

/*
 * The loop of a stage that reads the events and adds tables after them:
 * copy every table of in to out unchanged, except those named in drop
 * (NULL-terminated: an earlier run's tables, replaced by this one's);
 * call header() at the events table's header (to find its columns) and
 * row() after each events row is written.  With roles set, the rows of a
 * roles table (qp_roles.h) are added to it; a roles table after the events
 * is an error (qp-dedupe puts it first); so is a table named side after
 * the events: side_row() is called after each row of it (side_header()
 * at its header).  events_end(), when set, is called once the events
 * table is over: at the next table's header, or at the end (work that
 * needs only the events can start while the tables after them pass).
 * Exits 1 on a read or write error, a second events table, or none
 * (name: what to call the input).
 */
struct qp_roles;
struct qp_pass {
	const char *const *drop;
	void	(*header)(const struct qp_in *in, void *arg);
	void	(*row)(const struct qp_in *in, void *arg);
	void	*arg;
	struct qp_roles *roles;	/* or NULL */
	const char *side;	/* or NULL */
	void	(*side_header)(const struct qp_in *in);
	void	(*side_row)(const struct qp_in *in);
	void	(*events_end)(void *arg);	/* or NULL: called once
					   the events table is over */
};

void		 qp_cli_pass(const struct qp_common *c, struct qp_in *in,
		    struct qp_out *out, const struct qp_pass *p, const char *name);

/*
 * The targets the report judges KPIs by (DESIGN.md section 5), by metric
 * name; a value below 0 means none.  qp_cli_targets() reads overrides from
 * a file of "metric value" lines (# comments) and exits 1 on a bad line or
 * a file it cannot read; a rate's target is from 0 to 1.
 */
struct qp_target {
	const char	*metric;
	double		 value;
	const char	*variant;	/* what it judges: "M" for retention */
	int		 rate;		/* a share, from 0 to 1 */
};

extern struct qp_target	 qp_targets[];
extern const size_t	 qp_ntargets;

double		 qp_target(const char *metric);
int		 qp_target_set(const char *metric, double value);
void		 qp_cli_targets(const char *path);

/*
 * The zone of --tz: zone, else $TZ (when set and not empty), else UTC,
 * with "no --tz and no $TZ: <warning>" on stderr unless warning is NULL or
 * quiet is set.  An unknown zone is a usage error (exit 2), and so is a
 * POSIX fixed offset such as "CST-8" (qp_tz_posix_offset()): the message
 * names the IANA zone, or the "UTC+8" form, to write instead.
 */
struct qp_tz;
struct qp_tz	*qp_cli_tz(const char *zone, const char *warning, int quiet);

/*
 * Refuse (exit 1) an --asof day outside the data: before the first event's
 * day, or more than QP_ASOF_LATE days after the last one's (an old export
 * read for a month it does not hold).  The message names both days.  first
 * and last are the days of all events, also those after asof; a stream
 * without events (first > last) passes.
 */
#define QP_ASOF_LATE	31
void		 qp_cli_asof(long long asof, long long first, long long last);

/*
 * -o DIR of a program that writes a directory (qp-report).
 * qp_cli_dir_begin() removes what killed writers of DIR left behind and
 * makes DIR.tmp-XXXXXX beside it with the umask's permissions, held while
 * this program lives; messages then name DIR instead of it.  Returns its
 * path (the caller frees it).  qp_cli_dir_commit() puts it in DIR's place
 * under a lock on the parent folder, so that concurrent writers of DIR
 * take turns: an earlier DIR is exchanged atomically and removed, except
 * the files that neither this run nor the one before wrote (a user's,
 * per the .qp-files manifest), which move into the new DIR with a
 * warning.  DIR must be absent, empty, or hold marker (an earlier run's).
 * Both exit 1 with a message on failure.
 */
char		*qp_cli_dir_begin(const char *dir);
void		 qp_cli_dir_commit(const char *tmp, const char *dir,
		    const char *marker);

/* malloc and friends that exit with "out of memory" instead of failing. */
void		*qp_xrealloc(void *p, size_t n, size_t size);

/* qp_out_tablev() and qp_out_rowv(), dying with the error on failure. */
void		 qp_out_xtable(struct qp_out *out, const char *name,
		    const char *const *cols, size_t n);
void		 qp_out_xrow(struct qp_out *out, const char *const *v, size_t n);

/* An option's POSIX extended regex (REG_NOSUB) into *re, or a usage error
 * naming option opt: an empty one too, since it would match everything. */
struct re_pattern_buffer;
void		 qp_xregcomp(struct re_pattern_buffer *re, const char *src,
		    const char *opt);
void		*qp_xcalloc(size_t n, size_t size);
char		*qp_xstrdup(const char *s);

/* The program name given to qp_cli_init(). */
const char	*qp_prog(void);

#endif
