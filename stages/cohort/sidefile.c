/*
 * The side files of qp-cohort (--groups, --activities, --ad-words): small
 * CSV tables an operator writes in Excel, or lists in Notepad, so UTF-8
 * (with a BOM or not) or GBK (read as GB18030, its superset), with
 * English or Chinese headers in any order.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_io.h"
#include "qp_stream.h"

#include "sidefile.h"

static char *
slurp(const char *path, const char *opt, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	size_t cap = 0, r;

	if (f == NULL)
		qp_usage_error("%s: %s: %s", opt, path, strerror(errno));
	*n = 0;
	do {
		if (*n == cap)
			b = qp_xrealloc(b, cap = cap ? cap * 2 : 4096, 1);
		r = fread(b + *n, 1, cap - *n, f);
		*n += r;
	} while (r > 0);
	if (ferror(f)) {
		int e = errno;

		free(b);	/* no leak for LeakSanitizer to name */
		fclose(f);
		qp_die("%s: %s", path, strerror(e));
	}
	fclose(f);
	return b;
}

/* GBK to UTF-8, when it is not UTF-8. */
static char *
to_utf8(const char *path, char *b, size_t *n)
{
	iconv_t cd;
	char *out, *ip = b, *op;
	size_t il = *n, ol, cap = *n * 2 + 16, u;

	if ((u = qp_utf8_check(b, *n)) == *n)
		return b;
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		qp_die("%s: cannot decode GBK: %s", path, strerror(errno));
	out = op = qp_xcalloc(cap, 1);
	ol = cap;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		size_t line = 1;
		const char *p, *bad = b + u > ip ? b + u : ip;

		/* the bad byte's line, in the encoding that read further */
		for (p = b; p < bad; p++)
			line += *p == '\n';
		qp_die("%s:%zu: neither UTF-8 nor GBK", path, line);
	}
	iconv_close(cd);
	free(b);
	*n = cap - ol;
	return out;
}

void
side_csv(const char *path, const char *opt,
    const char *const (*names)[SIDE_ALIASES], size_t nf,
    void (*fn)(void *, const char *, unsigned long long, const char **),
    void *arg)
{
	size_t n, i, j, k;
	char *b = to_utf8(path, slurp(path, opt, &n), &n);
	struct qp_src *src = qp_src_open_mem(b, n, path);
	struct qp_csv *csv;
	const struct qp_row *row;
	const char **f = qp_xcalloc(nf, sizeof *f);
	int *at = qp_xcalloc(nf, sizeof *at), rc, seen = 0;

	if (src == NULL || (csv = qp_csv_new(src)) == NULL)
		qp_die("out of memory");
	while ((rc = qp_csv_next(csv, &row)) == 1) {
		if (!seen) {	/* the header */
			for (k = 0; k < nf; k++) {
				at[k] = -1;
				for (i = 0; i < row->n; i++)
					for (j = 0; j < SIDE_ALIASES &&
					    names[k][j] != NULL; j++)
						if (strcasecmp(row->f[i].s,
						    names[k][j]) == 0)
							at[k] = (int)i;
			}
			if (at[0] < 0)
				qp_die("%s:%llu: no %s column (%s or %s)", path,
				    row->lineno, names[0][0], names[0][0],
				    names[0][1]);
			seen = 1;
			continue;
		}
		for (k = 0; k < nf; k++)
			f[k] = at[k] >= 0 && (size_t)at[k] < row->n ?
			    row->f[at[k]].s : "";
		fn(arg, path, row->lineno, f);
	}
	if (rc < 0)
		qp_die("%s: %s", path, qp_csv_error(csv));
	if (!seen)	/* as qp-ingest --roster: a wrong file, not no plans */
		qp_die("%s: empty file (want a header: %s, ...)", path,
		    names[0][0]);
	qp_csv_free(csv);
	qp_src_close(src);
	free(f);
	free(at);
	free(b);
}

void
side_lines(const char *path, const char *opt,
    void (*fn)(void *, const char *, unsigned long long, char *), void *arg)
{
	size_t n;
	char *b = to_utf8(path, slurp(path, opt, &n), &n), *p, *e, *nl;
	unsigned long long line = 0;

	b = qp_xrealloc(b, n + 1, 1);
	b[n] = '\0';
	p = b;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;		/* Notepad's BOM: no part of the first word */
	for (; p < b + n; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(b + n - p))) == NULL)
			nl = b + n;
		*nl = '\0';
		if (memchr(p, '\0', (size_t)(nl - p)) != NULL)
			qp_die("%s:%llu: a NUL byte: not a text file", path,
			    line);
		/* spaces around a word are no part of it (nor CR) */
		for (e = nl; e > p && strchr(" \t\r", e[-1]) != NULL; e--)
			;
		*e = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '\0' && *p != '#')
			fn(arg, path, line, p);
	}
	free(b);
}
