/*
 * The qunpipe stream: #qp directives, tables and the end record over CSV.
 *
 * The reader checks the grammar as it goes (provenance, then tables each
 * with a header, then #qp,end with the right counts, then nothing) and
 * turns every deviation into one message naming the input and record.
 * The writer produces exactly that grammar and counts what it wrote.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"

struct source {
	struct qp_src		*src;
	struct qp_csv		*csv;
	const struct qp_row	*pending;	/* read ahead, not yet used */
	unsigned long long	 tables, rows;
	struct qp_strmap	*names;		/* of its tables */
};

struct qp_in {
	struct source		*s;
	size_t			 ns, cur;
	struct qp_row		**stages;
	size_t			 nstages, stagebytes;
	struct qp_table		 t;
	struct qp_row		*hdr;		/* owned copy */
	char			*tname;
	const struct qp_row	*row;
	unsigned long long	 nrows;
	int			 failed;
	char			 err[640];
};

static int
in_fail(struct qp_in *in, const struct qp_row *at, const char *fmt, ...)
{
	char why[400];
	va_list ap;
	struct source *s = &in->s[in->cur < in->ns ? in->cur : in->ns - 1];

	if (in->failed)
		return -1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (at != NULL)
		/* A bad last record without its newline was cut short. */
		snprintf(in->err, sizeof in->err, "%s: record %llu (line %llu): "
		    "%s%s", qp_src_name(s->src), at->recno, at->lineno,
		    at->eol ? "" : "truncated input: ", why);
	else
		snprintf(in->err, sizeof in->err, "%s: %s",
		    qp_src_name(s->src), why);
	in->failed = 1;
	return -1;
}

static size_t
rowbytes(const struct qp_row *r)
{
	size_t i, bytes = 0;

	for (i = 0; i < r->n; i++)
		bytes += r->f[i].len + 1;
	return bytes;
}

/* Copy a row into one allocation that outlives the reader's buffers. */
static struct qp_row *
row_copy(const struct qp_row *r)
{
	struct qp_row *c;
	struct qp_field *f;
	size_t i, bytes = 0;
	char *p;

	for (i = 0; i < r->n; i++)
		bytes += r->f[i].len + 1;
	if ((c = malloc(sizeof *c + r->n * sizeof *f + bytes)) == NULL)
		return NULL;
	*c = *r;
	f = (struct qp_field *)(c + 1);
	p = (char *)(f + r->n);
	for (i = 0; i < r->n; i++) {
		memcpy(p, r->f[i].s, r->f[i].len + 1);
		f[i].s = p;
		f[i].len = r->f[i].len;
		p += r->f[i].len + 1;
	}
	c->f = f;
	return c;
}

static int
is_directive(const struct qp_row *r)
{
	return r->hash && r->n >= 1 && strcmp(r->f[0].s, "#qp") == 0;
}

static int
field_is(const struct qp_row *r, size_t i, const char *s)
{
	return i < r->n && strcmp(r->f[i].s, s) == 0;
}

/* Parse a whole unsigned decimal; -1 on junk or overflow. */
static int
parse_count(const struct qp_field *f, unsigned long long *v)
{
	unsigned long long x = 0;
	size_t i;

	if (f->len == 0 || f->len > 19)
		return -1;
	for (i = 0; i < f->len; i++) {
		if (f->s[i] < '0' || f->s[i] > '9')
			return -1;
		x = x * 10 + (unsigned)(f->s[i] - '0');
	}
	*v = x;
	return 0;
}

static int
valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Next record of source s: 1, or -1 (with the message set). */
static int
src_next(struct qp_in *in, struct source *s, const struct qp_row **r)
{
	int rc;

	if (s->pending != NULL) {
		*r = s->pending;
		s->pending = NULL;
		return 1;
	}
	rc = qp_csv_next(s->csv, r);
	if (rc < 0) {
		snprintf(in->err, sizeof in->err, "%s", qp_csv_error(s->csv));
		in->failed = 1;
		return -1;
	}
	if (rc == 0)
		return in_fail(in, NULL, "truncated input (the stream ends "
		    "without #qp,end: did an earlier stage fail?)");
	return 1;
}

/* Read a source's provenance, leaving its first other record pending. */
static int
read_prologue(struct qp_in *in, struct source *s)
{
	const struct qp_row *r;
	struct qp_row **st, *c;

	for (;;) {
		if (src_next(in, s, &r) == -1)
			return -1;
		if (!is_directive(r))
			return in_fail(in, r, "not a qunpipe stream (no #qp "
			    "header; turn a CSV file into one with qp-cat -c)");
		if (!field_is(r, 1, "stage")) {
			s->pending = r;
			return 0;
		}
		if (r->n < 4)
			return in_fail(in, r, "#qp,stage needs a program and "
			    "a version");
		if (in->nstages == QP_MAXSTAGES ||
		    (in->stagebytes += r->n * sizeof(struct qp_field) +
		    rowbytes(r)) > QP_MAXSTAGEBYTES)
			return in_fail(in, r, "more provenance than a stream "
			    "may hold (%d #qp,stage lines or %d MiB; merge "
			    "fewer streams at once)", QP_MAXSTAGES,
			    QP_MAXSTAGEBYTES >> 20);
		if ((c = row_copy(r)) == NULL || (st = realloc(in->stages,
		    (in->nstages + 1) * sizeof *st)) == NULL) {
			free(c);
			return in_fail(in, r, "out of memory");
		}
		in->stages = st;
		in->stages[in->nstages++] = c;
	}
}

static struct qp_in *
in_new(size_t n)
{
	struct qp_in *in;

	if ((in = calloc(1, sizeof *in)) == NULL ||
	    (in->s = calloc(n, sizeof *in->s)) == NULL) {
		free(in);
		return NULL;
	}
	in->ns = n;
	return in;
}

static struct qp_in *
in_start(struct qp_in *in, const char **err)
{
	static char msg[640];

	for (in->cur = 0; in->cur < in->ns; in->cur++)
		if (read_prologue(in, &in->s[in->cur]) == -1) {
			snprintf(msg, sizeof msg, "%s", in->err);
			*err = msg;
			qp_in_close(in);
			return NULL;
		}
	in->cur = 0;
	return in;
}

struct qp_in *
qp_in_open(const char *const *paths, size_t n, const char **err)
{
	static char msg[640];
	static const char *const stdin_only[] = { "-" };
	struct qp_in *in;
	size_t i;

	if (n == 0) {
		paths = stdin_only;
		n = 1;
	}
	if ((in = in_new(n)) == NULL) {
		*err = "out of memory";
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if ((in->s[i].src = qp_src_open(paths[i])) == NULL) {
			snprintf(msg, sizeof msg, "%s: %s", paths[i],
			    strerror(errno));
			*err = msg;
			qp_in_close(in);
			return NULL;
		}
		if ((in->s[i].csv = qp_csv_new(in->s[i].src)) == NULL) {
			*err = "out of memory";
			qp_in_close(in);
			return NULL;
		}
	}
	return in_start(in, err);
}

struct qp_in *
qp_in_open_mem(const void *buf, size_t len, const char **err)
{
	struct qp_in *in;

	if ((in = in_new(1)) == NULL ||
	    (in->s[0].src = qp_src_open_mem(buf, len, "<memory>")) == NULL ||
	    (in->s[0].csv = qp_csv_new(in->s[0].src)) == NULL) {
		qp_in_close(in);
		*err = "out of memory";
		return NULL;
	}
	return in_start(in, err);
}

static int
start_table(struct qp_in *in, struct source *s, const struct qp_row *r)
{
	unsigned long long v;
	const struct qp_row *h;
	size_t i, n;

	if (r->n != 4 || !valid_name(r->f[2].s) ||
	    parse_count(&r->f[3], &v) == -1 || v == 0 || v > 999999)
		return in_fail(in, r, "malformed #qp,table (want "
		    "#qp,table,<name>,<schema-version>)");
	if (v != QP_SCHEMA)
		return in_fail(in, r, "table %s has schema version %llu; this "
		    "program reads version %d (a newer qunpipe wrote it?)",
		    r->f[2].s, v, QP_SCHEMA);
	/* One table of each name: a second events table would count its
	 * rows twice. */
	n = s->names ? qp_strmap_count(s->names) : 0;
	if ((s->names == NULL && (s->names = qp_strmap_new()) == NULL) ||
	    qp_strmap_add(s->names, r->f[2].s, r->f[2].len) == -1)
		return in_fail(in, r, "out of memory");
	if (qp_strmap_count(s->names) == n)
		return in_fail(in, r, "a second %s table in one stream (give "
		    "streams as separate files, to qp-dedupe)", r->f[2].s);
	free(in->tname);
	if ((in->tname = strdup(r->f[2].s)) == NULL)
		return in_fail(in, r, "out of memory");
	in->t.name = in->tname;
	in->t.version = (unsigned)v;
	in->t.rows = 0;
	if (src_next(in, s, &h) == -1)
		return -1;
	if (is_directive(h))
		return in_fail(in, h, "table %s has no header row", in->tname);
	switch (qp_header_check(h->f, h->n, &i)) {
	case QP_HDR_EMPTY:
		return in_fail(in, h, "table %s: column %zu has no name",
		    in->tname, i);
	case QP_HDR_TWICE:
		return in_fail(in, h, "table %s: column %s appears twice",
		    in->tname, h->f[i - 1].s);
	case -1:
		return in_fail(in, h, "out of memory");
	}
	free(in->hdr);
	if ((in->hdr = row_copy(h)) == NULL)
		return in_fail(in, h, "out of memory");
	in->t.header = in->hdr;
	in->row = in->hdr;
	s->tables++;
	return QP_TABLE;
}

static int
end_source(struct qp_in *in, struct source *s, const struct qp_row *r)
{
	unsigned long long t, n;
	const struct qp_row *x;
	int rc;

	if (r->n != 4 || parse_count(&r->f[2], &t) == -1 ||
	    parse_count(&r->f[3], &n) == -1)
		return in_fail(in, r, "malformed #qp,end (want "
		    "#qp,end,<tables>,<rows>)");
	if (!r->eol || t != s->tables || n != s->rows)
		return in_fail(in, r, "truncated input (#qp,end says %llu "
		    "tables and %llu rows; read %llu and %llu)", t, n,
		    s->tables, s->rows);
	if ((rc = qp_csv_next(s->csv, &x)) < 0) {
		snprintf(in->err, sizeof in->err, "%s", qp_csv_error(s->csv));
		in->failed = 1;
		return -1;
	}
	if (rc > 0)
		return in_fail(in, x, "data after #qp,end (to join streams, "
		    "give them as separate files)");
	return 0;
}

int
qp_in_next(struct qp_in *in)
{
	const struct qp_row *r;
	struct source *s;

	if (in->failed)
		return -1;
	while (in->cur < in->ns) {
		s = &in->s[in->cur];
		if (src_next(in, s, &r) == -1)
			return -1;
		if (is_directive(r)) {
			if (field_is(r, 1, "table"))
				return start_table(in, s, r);
			if (field_is(r, 1, "end")) {
				if (end_source(in, s, r) == -1)
					return -1;
				in->cur++;
				in->t.name = NULL;
				continue;
			}
			if (field_is(r, 1, "stage"))
				return in_fail(in, r, "#qp,stage after a table");
			return in_fail(in, r, "unknown directive #qp,%s",
			    r->n > 1 ? r->f[1].s : "");
		}
		if (in->t.name == NULL || s->tables == 0)
			return in_fail(in, r, "row outside any table");
		if (r->n != in->hdr->n)
			return in_fail(in, r, "table %s: %zu fields, header has "
			    "%zu", in->tname, r->n, in->hdr->n);
		s->rows++;
		in->t.rows++;
		in->nrows++;
		in->row = r;
		return QP_ROW;
	}
	return QP_END;
}

const struct qp_row *
qp_in_row(const struct qp_in *in)
{
	return in->row;
}

const struct qp_table *
qp_in_table(const struct qp_in *in)
{
	return &in->t;
}

int
qp_in_col(const struct qp_in *in, const char *name)
{
	size_t i;

	if (in->hdr == NULL)
		return -1;
	for (i = 0; i < in->hdr->n; i++)
		if (strcmp(in->hdr->f[i].s, name) == 0)
			return (int)i;
	return -1;
}

const char *
qp_in_name(const struct qp_in *in)
{
	return qp_src_name(in->s[in->cur < in->ns ? in->cur : in->ns - 1].src);
}

size_t
qp_in_index(const struct qp_in *in)
{
	return in->cur < in->ns ? in->cur : in->ns - 1;
}

size_t
qp_in_nstages(const struct qp_in *in)
{
	return in->nstages;
}

const struct qp_row *
qp_in_stage(const struct qp_in *in, size_t i)
{
	return i < in->nstages ? in->stages[i] : NULL;
}

unsigned long long
qp_in_nrows(const struct qp_in *in)
{
	return in->nrows;
}

unsigned long long
qp_in_nbytes(const struct qp_in *in)
{
	unsigned long long n = 0;
	size_t i;

	for (i = 0; i < in->ns; i++)
		if (in->s[i].src != NULL)
			n += qp_src_offset(in->s[i].src);
	return n;
}

const char *
qp_in_error(const struct qp_in *in)
{
	return in->failed ? in->err : NULL;
}

void
qp_in_close(struct qp_in *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->ns; i++) {
		qp_csv_free(in->s[i].csv);
		qp_strmap_free(in->s[i].names);
		qp_src_close(in->s[i].src);
	}
	for (i = 0; i < in->nstages; i++)
		free(in->stages[i]);
	free(in->stages);
	free(in->s);
	free(in->hdr);
	free(in->tname);
	free(in);
}

/* --- writer ---------------------------------------------------------- */

struct qp_out {
	struct qp_sink		*k;
	unsigned long long	 tables, rows;
	size_t			 ncols;
	int			 failed;
	char			 err[512];
};

static int
out_fail(struct qp_out *o, const char *fmt, ...)
{
	va_list ap;

	if (!o->failed) {
		va_start(ap, fmt);
		vsnprintf(o->err, sizeof o->err, fmt, ap);
		va_end(ap);
		o->failed = 1;
	}
	return -1;
}

static int
out_check(struct qp_out *o, int rc)
{
	if (rc == -1)
		return out_fail(o, "%s", qp_sink_error(o->k) ?
		    qp_sink_error(o->k) : "out of memory");
	return 0;
}

/* Write "#qp," unquoted, then the remaining fields as a record. */
static int
directive(struct qp_out *o, const struct qp_field *f, size_t n)
{
	if (o->failed)
		return -1;
	if (out_check(o, qp_sink_write(o->k, "#qp,", 4)) == -1)
		return -1;
	return out_check(o, qp_csv_write(o->k, f, n));
}

static struct qp_field
fstr(const char *s)
{
	struct qp_field f;

	f.s = s;
	f.len = strlen(s);
	return f;
}

struct qp_out *
qp_out_new(struct qp_sink *k, const struct qp_in *in, const char *prog,
    const char *version, int argc, char *const *argv)
{
	struct qp_field *f;
	struct qp_out *o;
	size_t i;
	int j;

	if ((o = calloc(1, sizeof *o)) == NULL ||
	    (f = calloc((size_t)argc + 3, sizeof *f)) == NULL) {
		free(o);
		qp_sink_free(k);
		return NULL;
	}
	o->k = k;
	for (i = 0; in != NULL && i < in->nstages; i++)
		directive(o, in->stages[i]->f + 1, in->stages[i]->n - 1);
	if (prog == NULL) {
		free(f);
		return o;
	}
	f[0] = fstr("stage");
	f[1] = fstr(prog);
	f[2] = fstr(version);
	for (j = 0; j < argc; j++)
		f[j + 3] = fstr(argv[j]);
	directive(o, f, (size_t)argc + 3);
	free(f);
	return o;
}

int
qp_out_table(struct qp_out *o, const char *name, unsigned version,
    const struct qp_field *cols, size_t ncols)
{
	struct qp_field f[3];
	char v[16];

	if (o->failed)
		return -1;
	if (!valid_name(name) || ncols == 0)
		return out_fail(o, "bad table %s", name);
	snprintf(v, sizeof v, "%u", version);
	f[0] = fstr("table");
	f[1] = fstr(name);
	f[2] = fstr(v);
	if (directive(o, f, 3) == -1 ||
	    out_check(o, qp_csv_write(o->k, cols, ncols)) == -1)
		return -1;
	o->ncols = ncols;
	o->tables++;
	return 0;
}

int
qp_out_tablev(struct qp_out *o, const char *name, unsigned version,
    const char *const *cols, size_t ncols)
{
	struct qp_field f[256];
	size_t i;

	if (ncols > 256)
		return out_fail(o, "table %s: too many columns", name);
	for (i = 0; i < ncols; i++)
		f[i] = fstr(cols[i]);
	return qp_out_table(o, name, version, f, ncols);
}

int
qp_out_row(struct qp_out *o, const struct qp_field *f, size_t n)
{
	return qp_out_row_plain(o, f, n, 0);
}

int
qp_out_row_plain(struct qp_out *o, const struct qp_field *f, size_t n,
    uint64_t plain)
{
	if (o->failed)
		return -1;
	if (n != o->ncols || o->tables == 0)
		return out_fail(o, "internal error: a row of %zu fields for a "
		    "table of %zu columns", n, o->ncols);
	o->rows++;
	return out_check(o, qp_csv_write_plain(o->k, f, n, plain));
}

/*
 * r's bytes as qp_out_row() would write them, plus ",extra" when extra is
 * not NULL; -1 when r is not plain enough to be copied.
 */
static int
copy_row(struct qp_out *o, const struct qp_row *r, const struct qp_field *x)
{
	const char *start, *end;
	char *b;
	size_t i, len, xlen = x ? x->len + 1 : 0;

	if (!qp_row_verbatim(r) || (x != NULL && !qp_csv_plain(x->s, x->len)))
		return -1;
	start = r->f[0].s;
	end = r->f[r->n - 1].s + r->f[r->n - 1].len;
	len = (size_t)(end - start);
	if (len + xlen + 1 > QP_BLOCK ||
	    (b = qp_sink_reserve(o->k, len + xlen + 1)) == NULL)
		return -1;
	memcpy(b, start, len);
	for (i = 0; i + 1 < r->n; i++)	/* the NULs back to commas */
		b[r->f[i].s + r->f[i].len - start] = ',';
	if (x != NULL) {
		b[len] = ',';
		memcpy(b + len + 1, x->s, x->len);
	}
	b[len + xlen] = '\n';
	qp_sink_commit(o->k, len + xlen + 1);
	o->rows++;
	return 0;
}

int
qp_out_copy(struct qp_out *o, const struct qp_row *r)
{
	if (r->n != o->ncols || o->failed || o->tables == 0 ||
	    copy_row(o, r, NULL) == -1)
		return qp_out_row(o, r->f, r->n);
	return 0;
}

int
qp_out_copy_plus(struct qp_out *o, const struct qp_row *r,
    const struct qp_field *extra)
{
	struct qp_field f[256];
	size_t i;

	if (r->n + 1 == o->ncols && !o->failed && o->tables > 0 &&
	    copy_row(o, r, extra) == 0)
		return 0;
	if (r->n + 1 > 256)
		return out_fail(o, "too many fields");
	for (i = 0; i < r->n; i++)
		f[i] = r->f[i];
	f[r->n] = *extra;
	return qp_out_row(o, f, r->n + 1);
}

int
qp_out_joined(struct qp_out *o, const struct qp_field *parts, size_t nparts)
{
	char *buf, *p, *end;
	size_t i, len = 0, n = 1;
	int rc;

	if (o->failed)
		return -1;
	for (i = 0; i < nparts; i++)
		len += parts[i].len;
	if (len + 1 <= QP_BLOCK)
		buf = qp_sink_reserve(o->k, len + 1);
	else
		buf = malloc(len + 1);
	if (buf == NULL)
		return out_check(o, -1);
	for (p = buf, i = 0; i < nparts; i++) {
		memcpy(p, parts[i].s, parts[i].len);
		p += parts[i].len;
	}
	*p = '\n';
	end = p;
	p = buf;
#ifdef __SSE2__
	/* The NULs to commas sixteen bytes at a time (a memchr per field
	 * was a tenth of qp-dedupe). */
	for (; p + 16 <= end; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_setzero_si128()));

		for (; m != 0; m &= m - 1, n++)
			p[__builtin_ctz(m)] = ',';
	}
#endif
	for (; (p = memchr(p, '\0', (size_t)(end - p))) != NULL; n++)
		*p++ = ',';
	if (n != o->ncols || o->tables == 0) {
		if (len + 1 > QP_BLOCK)
			free(buf);
		return out_fail(o, "internal error: a row of %zu fields for a "
		    "table of %zu columns", n, o->ncols);
	}
	if (len + 1 <= QP_BLOCK) {
		qp_sink_commit(o->k, len + 1);
		rc = 0;
	} else {
		rc = qp_sink_write(o->k, buf, len + 1);
		free(buf);
	}
	o->rows++;
	return out_check(o, rc);
}

int
qp_out_rowv(struct qp_out *o, const char *const *v, size_t n)
{
	struct qp_field f[256];
	size_t i;

	if (n > 256)
		return out_fail(o, "too many fields");
	for (i = 0; i < n; i++)
		f[i] = fstr(v[i] ? v[i] : "");
	return qp_out_row(o, f, n);
}

struct qp_sink *
qp_out_sink(struct qp_out *o)
{
	return o->k;
}

const char *
qp_out_error(const struct qp_out *o)
{
	return o->failed ? o->err : NULL;
}

int
qp_out_finish(struct qp_out *o)
{
	struct qp_field f[3];
	char t[24], r[24];

	if (o->failed)
		return -1;
	snprintf(t, sizeof t, "%llu", o->tables);
	snprintf(r, sizeof r, "%llu", o->rows);
	f[0] = fstr("end");
	f[1] = fstr(t);
	f[2] = fstr(r);
	if (directive(o, f, 3) == -1)
		return -1;
	return out_check(o, qp_sink_finish(o->k));
}

void
qp_out_free(struct qp_out *o)
{
	if (o == NULL)
		return;
	qp_sink_free(o->k);
	free(o);
}

int
qp_header_check(const struct qp_field *f, size_t n, size_t *at)
{
	struct qp_strmap *m;
	int rc = QP_HDR_OK;
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i].len == 0) {
			*at = i + 1;
			return QP_HDR_EMPTY;
		}
	/* Linear in the columns: a header may have many thousands. */
	if ((m = qp_strmap_new()) == NULL)
		return -1;
	for (i = 0; i < n && rc == QP_HDR_OK; i++) {
		long k = qp_strmap_add(m, f[i].s, f[i].len);

		if (k == -1)
			rc = -1;
		else if (k != (long)i) {
			*at = i + 1;
			rc = QP_HDR_TWICE;
		}
	}
	qp_strmap_free(m);
	return rc;
}
