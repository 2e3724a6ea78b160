/*
 * qp_csv: RFC 4180 records over a qp_src, and their encoding.
 *
 * The reader yields one record at a time.  Lines without a quote are split
 * in place; lines with one go through libcsv, so quoted fields may hold
 * commas, quotes and newlines.  Only '\n' ends a line; a "\r\n" pair outside
 * quotes ends one too.  Empty lines are skipped.  A UTF-8 byte order mark at
 * the start is dropped; invalid UTF-8 and NUL bytes are errors.  Spaces
 * around fields are kept.
 */
#ifndef QP_CSV_H
#define QP_CSV_H

#include <stddef.h>
#include <stdint.h>

struct qp_src;
struct qp_sink;

/* A field: NUL-terminated text and its length. */
struct qp_field {
	const char	*s;
	size_t		 len;
};

/*
 * A record.  The fields stay valid until the next read from the same
 * reader.  recno counts records from 1; lineno is the physical line the
 * record starts on; hash tells whether the record's line began with an
 * unquoted '#' (how #qp directives are recognised); eol whether its last
 * line ended with a newline.
 */
struct qp_row {
	size_t			 n;
	const struct qp_field	*f;
	unsigned long long	 recno;
	unsigned long long	 lineno;
	int			 hash;
	int			 eol;
	int			 plain;	/* no quotes: the fields lie in one line,
					 * each followed by a NUL for its comma */
	int			 verbatim;	/* qp_row_verbatim(): 1 yes, -1 no,
					 * 0 not known (work it out) */
};

#define QP_CSV_MAXREC	(64UL << 20)	/* longest record accepted */

struct qp_csv;

/* A reader over src; it does not take ownership of src.  NULL on ENOMEM. */
struct qp_csv	*qp_csv_new(struct qp_src *src);

/*
 * Read the next record.  Returns 1 and sets *row, 0 at the end of the input,
 * -1 on error (see qp_csv_error()).
 */
int		 qp_csv_next(struct qp_csv *c, const struct qp_row **row);

/*
 * Offset of the first byte of p[0..n) that is not valid UTF-8 (NUL counts
 * as invalid: it is not text), or n when all of it is.
 */
size_t		 qp_utf8_check(const void *p, size_t n);

/* Force every line through libcsv (tests compare both paths). */
void		 qp_csv_set_slow(struct qp_csv *c, int on);

/* Fields split at delim (default ','; '\t' reads Excel's Unicode text). */
void		 qp_csv_set_delim(struct qp_csv *c, char delim);

/* The first error as "name: record N (line L): why", or NULL. */
const char	*qp_csv_error(const struct qp_csv *c);
/* Its why alone (NULL when none), and its line L (0 when none, or a read error). */
const char	*qp_csv_error_why(const struct qp_csv *c);
unsigned long long qp_csv_error_line(const struct qp_csv *c);
struct qp_src	*qp_csv_src(const struct qp_csv *c);
void		 qp_csv_free(struct qp_csv *c);

/*
 * Append one record to k, quoting a field when it holds a comma, a quote,
 * CR or LF, or starts with '#'.  A record of one empty field is written
 * as "" so that it is not an empty line.  Returns 0 or -1.
 */
int		 qp_csv_write(struct qp_sink *k, const struct qp_field *f, size_t n);
/*
 * The same, trusting that field i needs no quotes when bit i of plain is
 * set (the writer's own text: times, hashes, fixed words); fields past
 * the 64th are always checked.
 */
int		 qp_csv_write_plain(struct qp_sink *k, const struct qp_field *f,
		    size_t n, uint64_t plain);

/* The same for NUL-terminated strings. */
int		 qp_csv_writev(struct qp_sink *k, const char *const *v, size_t n);

/*
 * Does the field look like a spreadsheet formula (it starts with = + - @,
 * a tab or CR)?  Excel would run it; Excel-bound CSV makes it text.
 */
int		 qp_csv_formula(const char *s, size_t len);
/*
 * Append one record for Excel: as qp_csv_write(), but each field that
 * qp_csv_formula() flags is written as text, a ' before it, quoted.  The
 * caller writes the UTF-8 byte order mark (QP_CSV_BOM) at the start of
 * the file, which Excel needs to read UTF-8.  Returns 0 or -1.
 */
#define QP_CSV_BOM	"\xef\xbb\xbf"
int		 qp_csv_write_excel(struct qp_sink *k, const struct qp_field *f,
		    size_t n);

/* Is the field written without quotes (no comma, quote, CR, LF, leading #)? */
int		 qp_csv_plain(const char *s, size_t len);

/*
 * Can r be written back as its bytes?  It was read without quotes (its
 * fields lie in one line, joined by NULs), no field needs quotes, and it
 * is not one empty field (written as "").
 */
int		 qp_row_verbatim(const struct qp_row *r);

/*
 * a/b as a rate column holds it: 4 decimals, rounded as printf("%.4f")
 * rounds the exact ratio (ties to even), computed in integers so that no
 * double rounding changes a digit; "" when b is 0.  buf holds at least 32
 * bytes.  Returns buf.
 */
char	*qp_csv_rate(char *buf, unsigned long long a, unsigned long long b);

/*
 * v in decimal, as printf("%llu") writes it, without printf's cost (a
 * count column of every row).  buf holds at least 21 bytes.  Returns the
 * length.
 */
size_t	 qp_csv_count(char *buf, unsigned long long v);

#endif
