/*
 * qp_stream: the qunpipe stream (DESIGN.md section 2).
 *
 * A stream is CSV text, usually gzip members, holding:
 *
 *	#qp,stage,<prog>,<version>,<args...>	provenance, before any table
 *	#qp,table,<name>,<schema-version>	a table; the next record is
 *	<header row>				its header, rows follow
 *	#qp,end,<tables>,<rows>			the last record
 *
 * A reader that meets the end of its input before #qp,end, or whose end
 * record disagrees with what it read, fails with "truncated input".  Every
 * row must have as many fields as its table's header.
 *
 * The reader takes several inputs and reads them as one stream: the
 * provenance of all of them first, then their tables in order.
 *
 * Every table is schema version QP_SCHEMA; a reader refuses another
 * version, naming the one it reads.  A header's column names are
 * non-empty and distinct.  Provenance is bounded: the inputs together may
 * hold at most QP_MAXSTAGES #qp,stage lines and QP_MAXSTAGEBYTES of them
 * (a chain writes a few dozen); more is refused, never read.
 */
#ifndef QP_STREAM_H
#define QP_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "qp_csv.h"

#define QP_SCHEMA		1
#define QP_MAXSTAGES		10000
#define QP_MAXSTAGEBYTES	(16 << 20)

struct qp_in;
struct qp_out;

/* A table as the reader found it. */
struct qp_table {
	const char		*name;
	unsigned		 version;
	const struct qp_row	*header;
	unsigned long long	 rows;		/* rows read so far */
};

enum {
	QP_END = 0,	/* the stream ended cleanly */
	QP_ROW = 1,	/* a data row of the current table */
	QP_TABLE = 2	/* a new table; qp_in_table() describes it */
};

/*
 * Open the inputs (paths; "-" is standard input; n = 0 means standard
 * input) and read their provenance.  Returns NULL with the reason in
 * *err (static or owned by nobody: print it, do not free it).
 */
struct qp_in	*qp_in_open(const char *const *paths, size_t n, const char **err);

/* One input from memory, for tests and fuzzers. */
struct qp_in	*qp_in_open_mem(const void *buf, size_t len, const char **err);

/* Returns QP_ROW, QP_TABLE, QP_END or -1 (see qp_in_error()). */
int		 qp_in_next(struct qp_in *in);

/* The current row (QP_ROW) or header (QP_TABLE). */
const struct qp_row	*qp_in_row(const struct qp_in *in);
const struct qp_table	*qp_in_table(const struct qp_in *in);

/*
 * Check a header's names, in time linear in n: QP_HDR_OK, QP_HDR_EMPTY
 * (column *at, from 1, has no name), QP_HDR_TWICE (column *at repeats an
 * earlier name), or -1 on ENOMEM.
 */
enum { QP_HDR_OK, QP_HDR_EMPTY, QP_HDR_TWICE };
int		 qp_header_check(const struct qp_field *f, size_t n, size_t *at);

/* Index of column name in the current table, or -1. */
int		 qp_in_col(const struct qp_in *in, const char *name);

/* The name and the index (from 0) of the input being read. */
const char	*qp_in_name(const struct qp_in *in);
size_t		 qp_in_index(const struct qp_in *in);

/* Provenance lines read, each a record starting "#qp","stage". */
size_t		 qp_in_nstages(const struct qp_in *in);
const struct qp_row	*qp_in_stage(const struct qp_in *in, size_t i);

/* Totals so far: data rows read, text bytes read. */
unsigned long long qp_in_nrows(const struct qp_in *in);
unsigned long long qp_in_nbytes(const struct qp_in *in);

const char	*qp_in_error(const struct qp_in *in);
void		 qp_in_close(struct qp_in *in);

/*
 * Open a stream writer on k (which it owns from now on: qp_out_free()
 * frees it).  The writer copies the provenance of in (may be NULL) and
 * appends "#qp,stage,prog,version,argv[0..argc-1]" unless prog is NULL.
 * Returns NULL on ENOMEM (k is freed then too).
 */
struct qp_out	*qp_out_new(struct qp_sink *k, const struct qp_in *in,
		    const char *prog, const char *version, int argc,
		    char *const *argv);

/* Start a table with the given header. */
int		 qp_out_table(struct qp_out *o, const char *name, unsigned version,
		    const struct qp_field *cols, size_t ncols);
int		 qp_out_tablev(struct qp_out *o, const char *name, unsigned version,
		    const char *const *cols, size_t ncols);

/* Write a row of the current table; it must have as many fields as the header. */
int		 qp_out_row(struct qp_out *o, const struct qp_field *f, size_t n);
/* The same, for fields the caller knows need no quotes (qp_csv_write_plain()). */
int		 qp_out_row_plain(struct qp_out *o, const struct qp_field *f,
		    size_t n, uint64_t plain);
int		 qp_out_rowv(struct qp_out *o, const char *const *v, size_t n);
/*
 * Write a row read by a qp_in unchanged: a plain row (no quotes, no field
 * starting with #) is copied as its bytes, faster than encoding it again;
 * the bytes are those qp_out_row() would write.
 */
int		 qp_out_copy(struct qp_out *o, const struct qp_row *r);
/* The same with one more field, extra, at the end. */
int		 qp_out_copy_plus(struct qp_out *o, const struct qp_row *r,
		    const struct qp_field *extra);
/*
 * Write a row given as parts laid end to end, whose fields are joined by
 * NULs, when the caller knows that no field needs quotes (none holds a
 * comma, quote, CR or LF, none starts with #, and the row is not one empty
 * field): the NULs become commas.
 */
int		 qp_out_joined(struct qp_out *o, const struct qp_field *parts,
		    size_t nparts);

/* The sink o writes to (for qp_sink_mem() in tests). */
struct qp_sink	*qp_out_sink(struct qp_out *o);

/* The error that stopped the writer, or NULL. */
const char	*qp_out_error(const struct qp_out *o);

/*
 * Write #qp,end and finish the sink (qp_sink_finish()).  Returns 0, or -1
 * when anything failed (see qp_out_error()).
 */
int		 qp_out_finish(struct qp_out *o);

/*
 * Free o and its sink; unless qp_out_finish() succeeded, a file output is
 * removed.  NULL allowed.
 */
void		 qp_out_free(struct qp_out *o);

#endif
