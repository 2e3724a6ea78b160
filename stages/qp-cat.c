/*
 * qp-cat: a qunpipe stream as plain CSV, or plain CSV as a stream.
 *
 * Tables printed with -t or --split get names beside their ids (group
 * beside group_id, user beside user_id, inviter_name beside inviter,
 * starter_name beside starter), so that each stands on its own.  The names
 * come from the events table, which comes first in a stream: the latest
 * name of each id, held in memory (one entry per group and per user).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

static const char usage[] =
"usage: qp-cat [-hq] [--progress] [--ids] [--excel] [-o out] [-t table]\n"
"              [file ...]\n"
"       qp-cat [-hq] [--progress] [--ids] [--excel] --split dir [file ...]\n"
"       qp-cat [-hq] [--progress] [-o out] --stats [file ...]\n"
"       qp-cat -c [-hq] [-l level] [-o out] [-t table] [file ...]\n"
"\n"
"Print a qunpipe stream as plain CSV, or (-c) turn plain CSV into a stream.\n"
"With no file, or when file is -, read standard input.\n"
"\n"
"  -t, --table NAME   print only table NAME, as its header and rows; with -c,\n"
"                     the name of the table to make (default events)\n"
"      --split DIR    write each table to DIR/NAME.csv\n"
"      --stats        list the tables as CSV: table,schema,columns,rows\n"
"      --ids          print tables as the stream holds them, without the\n"
"                     names qp-cat adds beside ids (group beside group_id,\n"
"                     user beside user_id, inviter_name beside inviter)\n"
"      --excel        CSV for Excel: a UTF-8 byte order mark, and cells that\n"
"                     look like formulas (= + - @ first) made text with '\n"
"  -c, --create       read CSV files (a header row, then rows) and write a\n"
"                     stream holding them as one table\n"
"  -l, --level N      gzip level of the stream -c writes, 0-9 (default 1)\n"
"  -o, --output FILE  write FILE (replaced only on success), not stdout\n"
"  -q, --quiet        no progress report\n"
"      --progress     report progress on stderr even when not a terminal\n"
"  -h, --help         print this help and exit\n"
"      --version      print the version and exit\n";

enum { OPT_SPLIT = QP_OPT_STAGE, OPT_STATS, OPT_IDS, OPT_EXCEL };

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "table", required_argument, NULL, 't' },
	{ "split", required_argument, NULL, OPT_SPLIT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "create", no_argument, NULL, 'c' },
	{ "ids", no_argument, NULL, OPT_IDS },
	{ "excel", no_argument, NULL, OPT_EXCEL },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct qp_common	 com;
	const char		*table;
	const char		*split;
	int			 stats, create, progress, ids, excel;
	char			**files;
	size_t			 nfiles;
};

/* A table seen in the input: for --split and --stats. */
struct seen {
	char			*name;
	unsigned		 version;
	size_t			 ncols;
	unsigned long long	 rows;
	struct qp_sink		*k;
	char			*hdr;	/* header as one string, to compare */
};

/* The latest name of each id, from the events table. */
struct names {
	struct qp_strmap	*ids;
	char			**name;
	long long		*ts;
	size_t			 cap;
};

static struct names gnames, unames;

/* Which name goes beside which id column (unless the table has it). */
static const struct {
	const char	*id, *name;
	struct names	*from;
} beside[] = {
	{ "group_id", "group", &gnames },
	{ "user_id", "user", &unames },
	{ "inviter", "inviter_name", &unames },
	{ "starter", "starter_name", &unames },
};
#define NBESIDE (sizeof beside / sizeof beside[0])

/* A column printed: input column col, or the name of the id in it. */
struct ocol {
	int			 col;
	const struct names	*from;
	const char		*title;	/* a name column's header */
};

static void
learn(struct names *m, const struct qp_field *id, const struct qp_field *name,
    long long ts)
{
	long i;

	if (id->len == 0 || name->len == 0)
		return;
	if ((m->ids == NULL && (m->ids = qp_strmap_new()) == NULL) ||
	    (i = qp_strmap_add(m->ids, id->s, id->len)) < 0)
		qp_die("out of memory");
	if ((size_t)i >= m->cap) {
		size_t n = m->cap ? m->cap * 2 : 256;

		m->name = qp_xrealloc(m->name, n, sizeof *m->name);
		m->ts = qp_xrealloc(m->ts, n, sizeof *m->ts);
		memset(m->name + m->cap, 0, (n - m->cap) * sizeof *m->name);
		m->cap = n;
	}
	if (m->name[i] != NULL && ts < m->ts[i])
		return;		/* the latest event's name (stream order on ties) */
	if (m->name[i] == NULL || strcmp(m->name[i], name->s) != 0) {
		free(m->name[i]);
		m->name[i] = qp_xstrdup(name->s);
	}
	m->ts[i] = ts;
}

static const char *
name_of(const struct names *m, const struct qp_field *id)
{
	long i;

	if (id->len == 1 && id->s[0] == '*')
		return "*";	/* the community, or all inviters */
	if (m->ids == NULL || (i = qp_strmap_find(m->ids, id->s, id->len)) < 0)
		return "";
	return m->name[i] != NULL ? m->name[i] : "";
}

static void
names_free(struct names *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->name[i]);
	free(m->name);
	free(m->ts);
	qp_strmap_free(m->ids);
}

static int
col_of(const struct qp_row *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->f[i].s, name) == 0)
			return (int)i;
	return -1;
}

/*
 * The columns to print for a table with header h: its own, and a name
 * beside each id column whose name column it lacks.  Returns how many.
 */
static size_t
plan(const struct qp_row *h, int names, struct ocol *oc)
{
	size_t i, k, n = 0;

	for (i = 0; i < h->n; i++) {
		oc[n].col = (int)i;
		oc[n++].from = NULL;
		for (k = 0; k < NBESIDE && names; k++)
			if (strcmp(h->f[i].s, beside[k].id) == 0 &&
			    col_of(h, beside[k].name) < 0) {
				oc[n].col = (int)i;
				oc[n].from = beside[k].from;
				oc[n++].title = beside[k].name;
			}
	}
	return n;
}

/* One row (or the header) through the plan, plain or for Excel. */
static int
put_row(const struct opts *o, struct qp_sink *k, const struct qp_row *r,
    const struct ocol *oc, size_t n, int header)
{
	struct qp_field fs[64], *g = fs;
	size_t i;
	int rc;

	if (n > 64)
		g = qp_xcalloc(n, sizeof *g);
	for (i = 0; i < n; i++) {
		if (oc[i].from == NULL)
			g[i] = r->f[oc[i].col];
		else {
			g[i].s = header ? oc[i].title :
			    name_of(oc[i].from, &r->f[oc[i].col]);
			g[i].len = strlen(g[i].s);
		}
	}
	rc = o->excel ? qp_csv_write_excel(k, g, n) : qp_csv_write(k, g, n);
	if (g != fs)
		free(g);
	return rc;
}

static char *
join_header(const struct qp_row *h)
{
	size_t i, n = 1;
	char *s, *p;

	for (i = 0; i < h->n; i++)
		n += h->f[i].len + 1;
	if ((p = s = malloc(n)) == NULL)
		return NULL;
	for (i = 0; i < h->n; i++) {
		memcpy(p, h->f[i].s, h->f[i].len);
		p += h->f[i].len;
		*p++ = '\x1f';
	}
	*p = '\0';
	return s;
}

static void
free_seen(struct seen *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		qp_sink_free(s[i].k);
		free(s[i].name);
		free(s[i].hdr);
	}
	free(s);
}

static int
sink_err(struct qp_sink *k)
{
	qp_warn("%s", qp_sink_error(k) ? qp_sink_error(k) : "out of memory");
	return QP_EXIT_DATA;
}

/* The default, -t and --split: copy rows out as CSV. */
static int
run_print(struct opts *o, struct qp_in *in)
{
	struct qp_sink *k = NULL;
	struct qp_out *out = NULL;
	struct seen *seen = NULL, *cur = NULL;
	const struct qp_table *t;
	const struct qp_row *r;
	struct ocol *oc = NULL;
	size_t nseen = 0, i, noc = 0, capoc = 0;
	char *h, path[4096];
	int rc, ret = QP_EXIT_DATA, want = qp_cli_want_progress(&o->com);
	/* names: wanted unless --ids or -t events; known once events came */
	int names = !o->ids && (o->table == NULL ||
	    strcmp(o->table, "events") != 0), known = 0, learning = 0;
	int ev[5] = { -1, -1, -1, -1, -1 };	/* ts group_id group user_id user */

	if (o->split == NULL && (k = qp_sink_open(o->com.out, -1)) == NULL) {
		qp_warn("%s", qp_path_error(o->com.out, errno));
		return QP_EXIT_DATA;
	}
	if (o->split == NULL && o->table != NULL && o->excel &&
	    qp_sink_write(k, QP_CSV_BOM, 3) == -1) {
		ret = sink_err(k);
		goto done;
	}
	if (o->split == NULL && o->table == NULL &&
	    (out = qp_out_new(k, in, NULL, NULL, 0, NULL)) == NULL) {
		qp_warn("out of memory");
		return QP_EXIT_DATA;
	}
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if (want && (qp_in_nrows(in) & 0xffff) == 0)
			qp_progress(in, 0);
		if (out != NULL) {
			t = qp_in_table(in);
			if ((rc == QP_TABLE ? qp_out_table(out, t->name,
			    t->version, r->f, r->n) : qp_out_row(out, r->f,
			    r->n)) == -1) {
				qp_warn("%s", qp_out_error(out));
				goto done;
			}
			continue;
		}
		if (rc == QP_ROW) {
			if (learning) {
				long long ts = 0;
				int off;

				if (ev[0] < 0 || qp_time_parse(r->f[ev[0]].s,
				    r->f[ev[0]].len, &ts, &off) == -1)
					ts = 0;
				if (ev[1] >= 0 && ev[2] >= 0)
					learn(&gnames, &r->f[ev[1]], &r->f[ev[2]], ts);
				if (ev[3] >= 0 && ev[4] >= 0)
					learn(&unames, &r->f[ev[3]], &r->f[ev[4]], ts);
			}
			if (cur != NULL && put_row(o, cur->k, r, oc, noc, 0) == -1) {
				ret = sink_err(cur->k);
				goto done;
			}
			continue;
		}
		t = qp_in_table(in);
		cur = NULL;
		learning = names && strcmp(t->name, "events") == 0;
		if (learning) {
			/* the source of names, printed as it is */
			ev[0] = col_of(r, "ts");
			ev[1] = col_of(r, "group_id");
			ev[2] = col_of(r, "group");
			ev[3] = col_of(r, "user_id");
			ev[4] = col_of(r, "user");
			known = 1;
		}
		if (o->table != NULL && strcmp(t->name, o->table) != 0)
			continue;
		if (r->n * (NBESIDE + 1) > capoc) {
			capoc = r->n * (NBESIDE + 1);
			oc = qp_xrealloc(oc, capoc, sizeof *oc);
		}
		noc = plan(r, names && known && !learning, oc);
		if ((h = join_header(r)) == NULL) {
			qp_warn("out of memory");
			goto done;
		}
		for (i = 0; i < nseen; i++)
			if (strcmp(seen[i].name, t->name) == 0)
				cur = &seen[i];
		if (cur != NULL) {
			if (strcmp(cur->hdr, h) != 0) {
				qp_warn("table %s appears twice with different "
				    "columns", t->name);
				free(h);
				goto done;
			}
			free(h);
			continue;
		}
		if ((cur = realloc(seen, (nseen + 1) * sizeof *seen)) == NULL) {
			free(h);
			qp_warn("out of memory");
			goto done;
		}
		seen = cur;
		cur = &seen[nseen++];
		memset(cur, 0, sizeof *cur);
		cur->hdr = h;
		cur->name = strdup(t->name);
		if (o->split != NULL) {
			snprintf(path, sizeof path, "%s/%s.csv", o->split, t->name);
			if ((cur->k = qp_sink_open(path, -1)) == NULL) {
				qp_warn("%s", qp_path_error(path, errno));
				goto done;
			}
			if (o->excel && qp_sink_write(cur->k, QP_CSV_BOM, 3) == -1) {
				ret = sink_err(cur->k);
				goto done;
			}
		} else
			cur->k = k;
		if (cur->name == NULL || put_row(o, cur->k, r, oc, noc, 1) == -1) {
			ret = sink_err(cur->k);
			goto done;
		}
	}
	if (rc < 0) {
		qp_warn("%s", qp_in_error(in));
		goto done;
	}
	if (want)
		qp_progress(in, 1);
	if (out != NULL) {
		if (qp_out_finish(out) == -1) {
			qp_warn("%s", qp_out_error(out));
			goto done;
		}
	} else if (o->table != NULL && nseen == 0) {
		if (qp_in_index(in) == 0)
			qp_warn("%s: no table %s (qp-cat --stats lists them)",
			    qp_in_name(in), o->table);
		else
			qp_warn("no table %s in the %zu inputs (qp-cat --stats "
			    "lists them)", o->table, qp_in_index(in) + 1);
		goto done;
	}
	for (i = 0; i < nseen && o->split != NULL; i++)
		if (qp_sink_finish(seen[i].k) == -1) {
			ret = sink_err(seen[i].k);
			goto done;
		}
	if (out == NULL && k != NULL && qp_sink_finish(k) == -1) {
		ret = sink_err(k);
		goto done;
	}
	ret = QP_EXIT_OK;
done:
	free(oc);
	names_free(&gnames);
	names_free(&unames);
	if (o->split != NULL)
		free_seen(seen, nseen);
	else {
		for (i = 0; i < nseen; i++) {
			free(seen[i].name);
			free(seen[i].hdr);
		}
		free(seen);
	}
	if (out != NULL)
		qp_out_free(out);
	else
		qp_sink_free(k);
	return ret;
}

static int
run_stats(struct opts *o, struct qp_in *in)
{
	struct qp_sink *k;
	const struct qp_table *t;
	const char *v[4];
	char ver[16], cols[24], rows[24], name[256];
	unsigned long long nrows = 0;
	size_t ncols = 0;
	int rc, intable = 0, ret = QP_EXIT_DATA;
	int want = qp_cli_want_progress(&o->com);

	if ((k = qp_sink_open(o->com.out, -1)) == NULL) {
		qp_warn("%s", qp_path_error(o->com.out, errno));
		return QP_EXIT_DATA;
	}
	v[0] = "table";
	v[1] = "schema";
	v[2] = "columns";
	v[3] = "rows";
	if (qp_csv_writev(k, v, 4) == -1)
		goto sinkfail;
	for (;;) {
		rc = qp_in_next(in);
		if (rc < 0) {
			qp_warn("%s", qp_in_error(in));
			goto out;
		}
		if (rc == QP_ROW) {
			nrows++;
			if (want && (nrows & 0xffff) == 0)
				qp_progress(in, 0);
			continue;
		}
		if (intable) {
			/* The previous table is complete: print it. */
			snprintf(rows, sizeof rows, "%llu", nrows);
			snprintf(cols, sizeof cols, "%zu", ncols);
			v[0] = name;
			v[1] = ver;
			v[2] = cols;
			v[3] = rows;
			if (qp_csv_writev(k, v, 4) == -1)
				goto sinkfail;
			intable = 0;
		}
		if (rc == QP_END)
			break;
		t = qp_in_table(in);
		snprintf(name, sizeof name, "%s", t->name);
		snprintf(ver, sizeof ver, "%u", t->version);
		ncols = t->header->n;
		nrows = 0;
		intable = 1;
	}
	if (want)
		qp_progress(in, 1);
	if (qp_sink_finish(k) == -1)
		goto sinkfail;
	ret = QP_EXIT_OK;
	goto out;
sinkfail:
	ret = sink_err(k);
out:
	qp_sink_free(k);
	return ret;
}

/* -c: plain CSV files into a stream with one table. */
static int
run_create(struct opts *o, int argc, char **argv)
{
	static char *stdin_only[] = { "-" };
	struct qp_sink *k;
	struct qp_out *out;
	struct qp_src *src;
	struct qp_csv *csv;
	const struct qp_row *r;
	char **files = o->files, *hdr = NULL, *h, **args;
	size_t nfiles = o->nfiles, i, ncols = 0;
	int rc, nargs, ret = QP_EXIT_DATA;

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	qp_cli_refuse_tty(&o->com);
	if ((k = qp_sink_open(o->com.out, o->com.level)) == NULL) {
		qp_warn("%s", qp_path_error(o->com.out, errno));
		return QP_EXIT_DATA;
	}
	if ((args = qp_cli_stage_args(argc, argv, &nargs)) == NULL) {
		qp_sink_free(k);
		qp_warn("out of memory");
		return QP_EXIT_DATA;
	}
	out = qp_out_new(k, NULL, "qp-cat", QP_VERSION, nargs, args);
	free(args);
	if (out == NULL) {
		qp_warn("out of memory");
		return QP_EXIT_DATA;
	}
	for (i = 0; i < nfiles; i++) {
		if ((src = qp_src_open(files[i])) == NULL) {
			qp_warn("%s: %s", files[i], strerror(errno));
			goto done;
		}
		if ((csv = qp_csv_new(src)) == NULL) {
			qp_src_close(src);
			qp_warn("out of memory");
			goto done;
		}
		rc = qp_csv_next(csv, &r);
		if (rc == 0) {
			qp_warn("%s: empty input: no header row",
			    qp_src_name(src));
			goto next_fail;
		}
		if (rc > 0 && r->hash && strcmp(r->f[0].s, "#qp") == 0) {
			qp_warn("%s: already a qunpipe stream (qp-cat -c reads "
			    "plain CSV)", qp_src_name(src));
			goto next_fail;
		}
		if (rc > 0) {
			size_t at;

			/* No reader would take the stream. */
			switch (qp_header_check(r->f, r->n, &at)) {
			case QP_HDR_EMPTY:
				qp_warn("%s: line %llu: column %zu has no name",
				    qp_src_name(src), r->lineno, at);
				goto next_fail;
			case QP_HDR_TWICE:
				qp_warn("%s: line %llu: column %s appears twice",
				    qp_src_name(src), r->lineno, r->f[at - 1].s);
				goto next_fail;
			case -1:
				qp_warn("out of memory");
				goto next_fail;
			}
			if ((h = join_header(r)) == NULL) {
				qp_warn("out of memory");
				goto next_fail;
			}
			if (hdr == NULL) {
				hdr = h;
				ncols = r->n;
				if (qp_out_table(out, o->table ? o->table :
				    "events", 1, r->f, r->n) == -1) {
					qp_warn("%s", qp_out_error(out));
					goto next_fail;
				}
			} else if (strcmp(h, hdr) != 0) {
				free(h);
				qp_warn("%s: header differs from the first "
				    "file's", qp_src_name(src));
				goto next_fail;
			} else
				free(h);
		}
		while (rc > 0 && (rc = qp_csv_next(csv, &r)) > 0) {
			if (r->n != ncols) {
				qp_warn("%s: record %llu (line %llu): %zu "
				    "fields, header has %zu", qp_src_name(src),
				    r->recno, r->lineno, r->n, ncols);
				goto next_fail;
			}
			if (qp_out_copy(out, r) == -1) {
				qp_warn("%s", qp_out_error(out));
				goto next_fail;
			}
		}
		if (rc < 0) {
			qp_warn("%s", qp_csv_error(csv));
			goto next_fail;
		}
		qp_csv_free(csv);
		qp_src_close(src);
		continue;
next_fail:
		qp_csv_free(csv);
		qp_src_close(src);
		goto done;
	}
	if (qp_out_finish(out) == -1) {
		qp_warn("%s", qp_out_error(out));
		goto done;
	}
	ret = QP_EXIT_OK;
done:
	free(hdr);
	qp_out_free(out);
	return ret;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct qp_in *in;
	const char *err;
	int ch, ret, made = 0;

	memset(&o, 0, sizeof o);
	qp_cli_init("qp-cat", usage, argv, &o.com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT "ct:", longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &o.com))
			continue;
		switch (ch) {
		case 't':
			if (o.table != NULL)	/* else the last one would win */
				qp_usage_error("-t: one table (--split DIR "
				    "writes each)");
			o.table = optarg;
			break;
		case 'c':
			o.create = 1;
			break;
		case OPT_SPLIT:
			o.split = optarg;
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		case OPT_IDS:
			o.ids = 1;
			break;
		case OPT_EXCEL:
			o.excel = 1;
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	o.files = argv + optind;
	o.nfiles = (size_t)(argc - optind);
	if (o.create + o.stats + (o.split != NULL) > 1)
		qp_usage_error("-c, --split and --stats exclude each other");
	if (o.table != NULL && (o.split != NULL || o.stats))
		qp_usage_error("-t does not go with --split or --stats");
	if ((o.ids || o.excel) && o.table == NULL && o.split == NULL)
		qp_usage_error("--ids and --excel go with -t or --split");
	if ((o.ids || o.excel) && o.create)
		qp_usage_error("--ids and --excel do not go with -c");
	if (o.split != NULL && o.com.out != NULL)
		qp_usage_error("-o does not go with --split");
	if (o.create)
		return run_create(&o, argc, argv);
	if (o.split != NULL && (made = mkdir(o.split, 0777) == 0) == 0 &&
	    errno != EEXIST)
		qp_die("%s: %s", o.split, strerror(errno));
	if ((in = qp_in_open((const char *const *)o.files, o.nfiles, &err)) == NULL) {
		if (made)
			rmdir(o.split);
		qp_die("%s", err);
	}
	ret = o.stats ? run_stats(&o, in) : run_print(&o, in);
	qp_in_close(in);
	/* A failed run leaves no folder of ours: unfinished tables are gone. */
	if (made && ret != QP_EXIT_OK)
		rmdir(o.split);
	return ret;
}
