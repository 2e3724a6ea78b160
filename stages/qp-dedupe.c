/*
 * qp-dedupe: sort the events table (METRICS.md R5) and drop the rows that
 * overlapping exports repeat, losing none that only one export holds.
 *
 * Rows are packed into a buffer of at most -m bytes; a full buffer is
 * sorted and spilled to an unlinked temporary file, and the runs are
 * merged with the buffer's last rows.  Equal sort keys (group_id, ts, kind
 * rank, msg_id) meet in the merge.  Where msg_id is the platform's, one
 * row per id is kept.  Where it is qunpipe's hash of (group, ts, user,
 * text), identical rows inside one src are distinct messages, so the
 * output keeps, per key, the largest number of copies any single src
 * holds.  The latest display name of each user_id replaces older ones.
 * Exports of minute precision match exports with seconds within the
 * minute.  Other tables pass through in order, before events, except
 * the sources tables of several inputs, which become one (one row per
 * src); a dedupe table (src, rows_in, rows_out, duplicates) follows.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_merge.h"
#include "qp_stream.h"
#include "qp_time.h"

static const char usage[] =
"usage: qp-dedupe [-hq] [--progress] [-l level] [-o out] [-m size] [file ...]\n"
"\n"
"Sort the events of one or more streams by group, time, kind and message\n"
"id, and drop the rows that overlapping exports repeat.\n"
"\n"
"  -m, --memory SIZE      sort buffer before spilling to $TMPDIR (suffix k, M,\n"
"                         G; default 256M)\n"
"  -l, --level N          gzip level of the output, 0-9 (default 1)\n"
"  -o, --output FILE      write FILE (replaced only on success), not stdout\n"
"  -q, --quiet            no progress report\n"
"      --progress         report progress even when stderr is not a terminal\n"
"  -h, --help             print this help and exit\n"
"      --version          print the version and exit\n";

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "memory", required_argument, NULL, 'm' },
	{ NULL, 0, NULL, 0 }
};

/*
 * A packed row: this header, then its fields joined by NULs, a NUL, and
 * zeros to a multiple of 8 bytes.  The key's parts are found by offset
 * without a walk; a plain row is written back as its bytes.
 */
struct rec {
	uint32_t	 size;		/* of the whole record */
	uint16_t	 nf;
	uint8_t		 rank;
	uint8_t		 plain;		/* no field needs quotes in CSV */
	uint32_t	 input;		/* which input file: one export read twice is one */
	uint32_t	 srcno;		/* index in dd.st */
	int64_t		 ts;
	uint32_t	 gid, gidlen, msg, msglen;
	uint32_t	 user;		/* index in dd.names, or NONE */
	uint32_t	 len;		/* of the fields, joined */
};

#define NONE	UINT32_MAX

struct cols {
	int	 ts, gid, kind, user_id, user, msg, text, src;
	size_t	 n;
};

/* Display name per user_id (numbered by ids): the latest event's wins. */
struct name {
	char		*s;
	size_t		 len;
	int64_t		 ts;
	int		 plain;
};

struct names {
	struct qp_strmap *ids;
	struct name	*v;
	size_t		 n, cap;
};

/* Rows in, out and duplicates per src. */
struct srcstat {
	char		*src;
	size_t		 len;
	unsigned long long in, out;
	int		 fine;		/* some row has seconds: not minute precision */
};

/*
 * What the sort compares first, kept beside each record's offset so that
 * most comparisons never touch the records (which are scattered in the
 * buffer): the group_id's first 8 bytes and a hash of all of it, the time,
 * the kind rank, and the msg_id as a number when it is one.
 */
struct ent {
	uint64_t	 g8, ghash;
	int64_t		 ts;
	uint64_t	 mnum;
	size_t		 off;
	uint8_t		 rank, numeric;
};

struct dd {
	struct cols	 c;
	char		*buf;		/* packed records */
	size_t		 len, cap, limit;
	size_t		 buflimit;	/* -m, or half of it with a second thread */
	struct ent	*idx;		/* one per record, for sorting */
	size_t		 nrec, idxcap;
	int		*runs;		/* spilled runs: unlinked files */
	size_t		 nruns;
	/* With a second thread, the buffer it sorts and writes as a run
	 * while this one fills the other (each then holds half of -m). */
	struct {
		char		*buf;
		size_t		 len, cap;
		struct ent	*idx;
		size_t		 nrec, idxcap;
	} sp;
	pthread_t	 spiller;
	int		 spilling;	/* the thread runs */
	int		 spfd;		/* its run, when done */
	struct names	 names;
	struct srcstat	*st;
	size_t		 nst;
	struct rec	**keep, **loose;	/* flush_window's work space */
	size_t		 wcap;
};

/*
 * The sources tables of all inputs, merged: exports given as separate
 * streams make one stream, with one sources table (DESIGN.md: one table
 * of each name), the first row of each src kept.
 */
struct sources {
	struct qp_strmap *ids;
	char		**hdr;
	size_t		 nh, src;
	char		***rows;
	size_t		 n, cap;
};

static char **
strings_of(const struct qp_row *r)
{
	char **v = qp_xcalloc(r->n ? r->n : 1, sizeof *v);
	size_t i;

	for (i = 0; i < r->n; i++)
		v[i] = qp_xstrdup(r->f[i].s);
	return v;
}

static void
sources_header(struct sources *so, const struct qp_in *in,
    const struct qp_row *r)
{
	size_t i;

	if (so->hdr == NULL) {
		so->hdr = strings_of(r);
		so->nh = r->n;
		so->src = (size_t)qp_cli_col(in, "sources", "src");
		if ((so->ids = qp_strmap_new()) == NULL)
			qp_die("out of memory");
		return;
	}
	for (i = 0; i < r->n && r->n == so->nh; i++)
		if (strcmp(r->f[i].s, so->hdr[i]) != 0)
			break;
	if (r->n != so->nh || i < r->n)
		qp_die("%s: a sources table with other columns than the "
		    "first's", qp_in_name(in));
}

static void
sources_row(struct sources *so, const struct qp_row *r)
{
	size_t before = qp_strmap_count(so->ids);

	if (qp_strmap_add(so->ids, r->f[so->src].s, r->f[so->src].len) == -1)
		qp_die("out of memory");
	if (qp_strmap_count(so->ids) == before)
		return;		/* the same export in two streams */
	if (so->n == so->cap) {
		so->cap = so->cap ? so->cap * 2 : 64;
		so->rows = qp_xrealloc(so->rows, so->cap, sizeof *so->rows);
	}
	so->rows[so->n++] = strings_of(r);
}

static void
sources_write(struct sources *so, struct qp_out *out)
{
	size_t i, j;

	if (so->hdr == NULL)
		return;
	if (qp_out_tablev(out, "sources", 1, (const char *const *)so->hdr,
	    so->nh) == -1)
		qp_die("%s", qp_out_error(out));
	for (i = 0; i < so->n; i++) {
		if (qp_out_rowv(out, (const char *const *)so->rows[i],
		    so->nh) == -1)
			qp_die("%s", qp_out_error(out));
		for (j = 0; j < so->nh; j++)
			free(so->rows[i][j]);
		free(so->rows[i]);
	}
	for (j = 0; j < so->nh; j++)
		free(so->hdr[j]);
	free(so->hdr);
	free(so->rows);
	qp_strmap_free(so->ids);
}

/* The fields, joined by NULs (text holds none: input is checked UTF-8). */
static const char *
joined(const struct rec *r)
{
	return (const char *)(r + 1);
}

static const char *
fld(const struct rec *r, int i, uint32_t *len)
{
	const char *p = joined(r);

	for (; i > 0; i--)
		p += strlen(p) + 1;
	*len = (uint32_t)strlen(p);
	return p;
}

static int
rec_cmp(const struct rec *a, const struct rec *b)
{
	const char *pa = (const char *)a, *pb = (const char *)b;
	uint32_t n;
	int c;

	n = a->gidlen < b->gidlen ? a->gidlen : b->gidlen;
	if ((c = memcmp(pa + a->gid, pb + b->gid, n)) != 0)
		return c;
	if (a->gidlen != b->gidlen)
		return a->gidlen < b->gidlen ? -1 : 1;
	if (a->ts != b->ts)
		return a->ts < b->ts ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return qp_msgid_cmp(pa + a->msg, a->msglen, pb + b->msg, b->msglen);
}

/* The total order: the key, then the whole record, so output is stable. */
static int
rec_cmp_total(const struct rec *a, const struct rec *b)
{
	int c = rec_cmp(a, b);
	size_t n;

	if (c != 0)
		return c;
	n = a->size < b->size ? a->size : b->size;
	n -= sizeof(struct rec);
	if ((c = memcmp(a + 1, b + 1, n)) != 0)
		return c;
	return a->size < b->size ? -1 : a->size > b->size;
}

static const char *sort_buf;	/* the records idx_cmp() compares */

static int
idx_cmp(const void *x, const void *y)
{
	const struct ent *a = x, *b = y;

	if (a->g8 != b->g8)
		return a->g8 < b->g8 ? -1 : 1;
	/*
	 * Equal prefixes and equal 64-bit hashes are taken for equal group
	 * ids; different hashes fall back to the bytes.
	 */
	if (a->ghash != b->ghash)
		return rec_cmp_total((const struct rec *)(sort_buf + a->off),
		    (const struct rec *)(sort_buf + b->off));
	if (a->ts != b->ts)
		return a->ts < b->ts ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->numeric && b->numeric && a->mnum != b->mnum)
		return a->mnum < b->mnum ? -1 : 1;
	return rec_cmp_total((const struct rec *)(sort_buf + a->off),
	    (const struct rec *)(sort_buf + b->off));
}

static struct srcstat *
stat_of(struct dd *d, const char *src, size_t len)
{
	static size_t last;
	size_t i;
	struct srcstat *s;

	/* Rows come in runs of one src: try the last one first. */
	if (last < d->nst && d->st[last].len == len &&
	    memcmp(d->st[last].src, src, len) == 0)
		return &d->st[last];
	for (i = 0; i < d->nst; i++)
		if (d->st[i].len == len && memcmp(d->st[i].src, src, len) == 0) {
			last = i;
			return &d->st[i];
		}
	d->st = s = qp_xrealloc(d->st, d->nst + 1, sizeof *s);
	last = d->nst;
	s = &d->st[d->nst++];
	memset(s, 0, sizeof *s);
	if ((s->src = strndup(src, len)) == NULL)
		qp_die("out of memory");
	s->len = len;
	return s;
}

/*
 * Number the user_id and remember the name if this event is the latest
 * seen; NONE for an empty id.
 */
static uint32_t
note_name(struct dd *d, const struct qp_field *id, const struct qp_field *name,
    int64_t ts)
{
	struct names *m = &d->names;
	struct name *v;
	long i;

	if (id->len == 0)
		return NONE;
	if ((i = qp_strmap_add(m->ids, id->s, id->len)) == -1 || i >= NONE)
		qp_die("out of memory");
	if ((size_t)i == m->n) {		/* a new user */
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 1024;
			m->v = qp_xrealloc(m->v, m->cap, sizeof *m->v);
		}
		v = &m->v[m->n++];
		v->s = NULL;
		v->len = 0;
		v->ts = ts;
	} else if (ts >= m->v[i].ts)
		v = &m->v[i];
	else
		return (uint32_t)i;
	v->ts = ts;
	if (v->s == NULL || v->len != name->len ||
	    memcmp(v->s, name->s, name->len) != 0) {
		free(v->s);
		v->s = qp_xrealloc(NULL, name->len + 1, 1);
		memcpy(v->s, name->s, name->len);
		v->s[name->len] = '\0';
		v->len = name->len;
		v->plain = qp_csv_plain(name->s, name->len);
	}
	return (uint32_t)i;
}

#define SPILL_BUF	(1 << 20)	/* bytes per write() of a run */

static void
sort_buffer(struct dd *d)
{
	sort_buf = d->buf;
	qsort(d->idx, d->nrec, sizeof *d->idx, idx_cmp);
}

/*
 * A spilled record: its header as varints (the time as a zigzag step from
 * the run's record before, offsets counted from the fields), then its
 * fields without the NUL and padding after them: a 48-byte header becomes
 * about 15.  Of the fields, what starts as the run's record before starts
 * is left out (the date of the time), and so is what starts at group_id as
 * it does there (group_id and the group's name: the run is in groups).
 * The reader rebuilds the record as add() packed it.
 */
#define SPILL_HDR	80	/* the longest encoded header, rounded up */

static char *
put_uv(char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (char)v;
	return p;
}

/* A varint from p, below e; NULL when it runs past e or past 64 bits. */
static const unsigned char *
get_uv(const unsigned char *p, const unsigned char *e, uint64_t *v)
{
	uint64_t x = 0;
	int sh;

	for (sh = 0; p < e && sh < 64; sh += 7) {
		x |= (uint64_t)(*p & 0x7f) << sh;
		if ((*p++ & 0x80) == 0) {
			*v = x;
			return p;
		}
	}
	return NULL;
}

/* How many bytes a and b share from their start, of at most n. */
static size_t
common(const char *a, const char *b, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	unsigned m;

	for (; i + 16 <= n; i += 16) {
		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(a + i)),
		    _mm_loadu_si128((const __m128i *)(b + i))));
		if (m != 0xffff)
			return i + (size_t)__builtin_ctz(~m);
	}
#endif
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

static char *
spill_hdr(char *p, const struct rec *r, int64_t *prev, size_t hp, size_t gp)
{
	uint64_t step = (uint64_t)r->ts - (uint64_t)*prev;

	*prev = r->ts;
	p = put_uv(p, r->len);
	p = put_uv(p, r->nf);
	p = put_uv(p, (uint64_t)r->rank << 1 | (r->plain & 1));
	p = put_uv(p, r->input);
	p = put_uv(p, r->srcno);
	p = put_uv(p, (uint32_t)(r->user + 1));	/* NONE is 0 */
	p = put_uv(p, step << 1 ^ (uint64_t)((int64_t)step >> 63));
	p = put_uv(p, r->gid - sizeof *r);
	p = put_uv(p, r->gidlen);
	p = put_uv(p, r->msg - sizeof *r);
	p = put_uv(p, r->msglen);
	p = put_uv(p, hp);
	return put_uv(p, gp);
}

/*
 * The header at p (avail bytes) into r, the bytes shared with the record
 * before into *hp and *gp; returns the header's length, or 0 when it is
 * cut short or damaged.
 */
static size_t
unspill_hdr(const char *p, size_t avail, struct rec *r, int64_t *prev,
    size_t *hp, size_t *gp)
{
	const unsigned char *u = (const unsigned char *)p, *e = u + avail;
	uint64_t v[13];
	int i;

	for (i = 0; i < 13; i++)
		if ((u = get_uv(u, e, &v[i])) == NULL)
			return 0;
	if (v[0] >= UINT32_MAX - 2 * sizeof *r || v[1] > UINT16_MAX ||
	    v[2] > 511 || v[3] > UINT32_MAX || v[4] > UINT32_MAX ||
	    v[5] > UINT32_MAX || v[7] > v[0] || v[8] > v[0] - v[7] ||
	    v[9] > v[0] || v[10] > v[0] - v[9] || v[11] > v[7] ||
	    v[12] > v[0] - v[7])
		return 0;
	*hp = (size_t)v[11];
	*gp = (size_t)v[12];
	memset(r, 0, sizeof *r);
	r->len = (uint32_t)v[0];
	r->size = (uint32_t)((sizeof *r + v[0] + 1 + 7) & ~(size_t)7);
	r->nf = (uint16_t)v[1];
	r->rank = (uint8_t)(v[2] >> 1);
	r->plain = (uint8_t)(v[2] & 1);
	r->input = (uint32_t)v[3];
	r->srcno = (uint32_t)v[4];
	r->user = (uint32_t)v[5] - 1;
	r->ts = (int64_t)((uint64_t)*prev + (v[6] >> 1 ^ -(v[6] & 1)));
	*prev = r->ts;
	r->gid = (uint32_t)(sizeof *r + v[7]);
	r->gidlen = (uint32_t)v[8];
	r->msg = (uint32_t)(sizeof *r + v[9]);
	r->msglen = (uint32_t)v[10];
	return (size_t)((const char *)u - p);
}

/* Write to a spill file, or stop. */
static void
spill_write(int fd, const void *p, size_t len)
{
	if (qp_write_all(fd, p, len) == -1)
		qp_die("spill file in %s: %s", qp_tmpdir(), strerror(errno));
}

/* Sort records buf/idx[0..nrec-1] and write them out as a run: its file. */
static int
spill_run(const char *buf, struct ent *idx, size_t nrec)
{
	char *out = qp_xrealloc(NULL, SPILL_BUF, 1);
	const struct rec *pr = NULL;
	const char *f;
	size_t i, n = 0, hp, gp, g0, pg0;
	int64_t prev = 0;
	int fd;

	sort_buf = buf;
	qsort(idx, nrec, sizeof *idx, idx_cmp);
	if ((fd = qp_tmpfd("qp-dedupe")) == -1)
		qp_die("spill file in %s: %s", qp_tmpdir(), strerror(errno));
	for (i = 0; i < nrec; i++) {
		const struct rec *r = (const struct rec *)(buf + idx[i].off);

		if (n + SPILL_HDR + r->len > SPILL_BUF) {
			spill_write(fd, out, n);
			n = 0;
		}
		hp = gp = 0;
		g0 = r->gid - sizeof *r;
		if (pr != NULL && SPILL_HDR + r->len <= SPILL_BUF) {
			pg0 = pr->gid - sizeof *pr;
			hp = common(joined(r), joined(pr), g0 < pg0 ? g0 : pg0);
			gp = common(joined(r) + g0, joined(pr) + pg0,
			    r->len - g0 < pr->len - pg0 ? r->len - g0 :
			    pr->len - pg0);
		}
		pr = r;
		n = (size_t)(spill_hdr(out + n, r, &prev, hp, gp) - out);
		if (SPILL_HDR + r->len > SPILL_BUF) {
			spill_write(fd, out, n);
			spill_write(fd, joined(r), r->len);
			n = 0;
		} else {
			f = joined(r);
			memcpy(out + n, f + hp, g0 - hp);
			n += g0 - hp;
			memcpy(out + n, f + g0 + gp, r->len - g0 - gp);
			n += r->len - g0 - gp;
		}
	}
	spill_write(fd, out, n);
	free(out);
	return fd;
}

static void *
spill_main(void *arg)
{
	struct dd *d = arg;

	d->spfd = spill_run(d->sp.buf, d->sp.idx, d->sp.nrec);
	return NULL;
}

/* The run being written, once written, among the runs. */
static void
spill_wait(struct dd *d)
{
	if (d->spilling) {
		pthread_join(d->spiller, NULL);
		d->spilling = 0;
	}
	if (d->sp.nrec > 0) {
		d->runs = qp_xrealloc(d->runs, d->nruns + 1, sizeof *d->runs);
		d->runs[d->nruns++] = d->spfd;
		d->sp.len = d->sp.nrec = 0;
	}
}

/*
 * The buffer is full: it becomes a run, written by the second thread
 * while this one fills the other buffer, or here.
 */
static void
spill(struct dd *d)
{
	char *b;
	struct ent *e;
	size_t t;

	spill_wait(d);
	b = d->sp.buf, d->sp.buf = d->buf, d->buf = b;
	e = d->sp.idx, d->sp.idx = d->idx, d->idx = e;
	t = d->sp.len, d->sp.len = d->len, d->len = t;
	t = d->sp.cap, d->sp.cap = d->cap, d->cap = t;
	t = d->sp.nrec, d->sp.nrec = d->nrec, d->nrec = t;
	t = d->sp.idxcap, d->sp.idxcap = d->idxcap, d->idxcap = t;
	if (qp_thread_start(&d->spiller, spill_main, d) == 0)
		d->spilling = 1;
	else {
		spill_main(d);
		spill_wait(d);
	}
}

/* Pack one events row. */
static void
add(struct dd *d, const struct qp_row *row, int64_t ts, uint32_t input,
    uint32_t srcno, uint32_t user)
{
	size_t need, i, len = 0;
	struct rec *r;
	char *p;

	/* A row read without quotes lies in its line, fields joined by NULs. */
	if (row->plain)
		len = (size_t)(row->f[row->n - 1].s + row->f[row->n - 1].len -
		    row->f[0].s);
	else {
		for (i = 0; i < row->n; i++)
			len += row->f[i].len + 1;
		len--;
	}
	if (len >= UINT32_MAX - 2 * sizeof *r)
		qp_die("a row of %zu bytes", len);	/* QP_CSV_MAXREC stops it first */
	need = (sizeof *r + len + 1 + 7) & ~(size_t)7;
	/* -m covers the records, their sort entries and the sort's copy of
	 * them (qsort merges through a second array). */
	if (d->len + need + 2 * (d->nrec + 1) * sizeof(struct ent) > d->buflimit &&
	    d->nrec > 0)
		spill(d);
	if (d->len + need > d->cap) {
		size_t cap = d->cap ? d->cap : 1 << 20;

		while (cap < d->len + need)
			cap *= 2;
		d->buf = qp_xrealloc(d->buf, cap, 1);
		d->cap = cap;
	}
	if (d->nrec == d->idxcap) {
		size_t cap = d->idxcap ? d->idxcap * 2 : 4096;
		d->idx = qp_xrealloc(d->idx, cap, sizeof *d->idx);
		d->idxcap = cap;
	}
	r = (struct rec *)(d->buf + d->len);
	memset(r, 0, sizeof *r);
	r->size = (uint32_t)need;
	r->nf = (uint16_t)row->n;
	r->rank = (uint8_t)qp_kind_rank(row->f[d->c.kind].s);
	r->ts = ts;
	r->input = input;
	r->srcno = srcno;
	r->user = user;
	r->plain = (uint8_t)qp_row_verbatim(row);
	r->len = (uint32_t)len;
	p = (char *)(r + 1);
	if (row->plain) {
		memcpy(p, row->f[0].s, len);
		r->gid = (uint32_t)(sizeof *r + (size_t)(row->f[d->c.gid].s -
		    row->f[0].s));
		r->msg = (uint32_t)(sizeof *r + (size_t)(row->f[d->c.msg].s -
		    row->f[0].s));
		p += len;
	} else
		for (i = 0; i < row->n; i++) {
			if ((int)i == d->c.gid)
				r->gid = (uint32_t)(p - (char *)r);
			else if ((int)i == d->c.msg)
				r->msg = (uint32_t)(p - (char *)r);
			memcpy(p, row->f[i].s, row->f[i].len);
			p += row->f[i].len;
			*p++ = '\0';
		}
	r->gidlen = (uint32_t)row->f[d->c.gid].len;
	r->msglen = (uint32_t)row->f[d->c.msg].len;
	memset(p, 0, (size_t)((char *)r + need - p));
	{
		struct ent *e = &d->idx[d->nrec++];
		const unsigned char *g = (const unsigned char *)r + r->gid;
		const char *m = (const char *)r + r->msg;
		uint32_t k;

		e->off = d->len;
		e->ts = ts;
		e->rank = r->rank;
		e->g8 = 0;
		for (k = 0; k < 8; k++)	/* big-endian: orders like memcmp */
			e->g8 = e->g8 << 8 | (k < r->gidlen ? g[k] : 0);
		e->ghash = qp_hash(g, r->gidlen);
		/* Whole numbers below 10^19 compare as numbers (R5). */
		e->numeric = r->msglen > 0 && r->msglen <= 19;
		e->mnum = 0;
		for (k = 0; k < r->msglen && e->numeric; k++) {
			if (m[k] < '0' || m[k] > '9')
				e->numeric = 0;
			else
				e->mnum = e->mnum * 10 + (uint64_t)(m[k] - '0');
		}
	}
	d->len += need;
}

/* --- merging ------------------------------------------------------------ */

/* A sorted run being merged: a spill file, or the buffer's last records. */
struct reader {
	int		 fd;		/* -1: the buffer, in d->idx order */
	off_t		 off;		/* of the next read */
	char		*buf;
	size_t		 cap, len, pos;	/* the next record starts at pos */
	size_t		 next;		/* of d->idx */
	struct rec	*r;		/* current record, or NULL at the end */
	char		*dec, *pdec;	/* where a spilled record is rebuilt; */
	size_t		 dcap, pdcap;	/* the one before */
	int64_t		 ts;		/* the time before, for the next step */
};

/* At least k bytes readable from pos, unless the run ends first: how many. */
static size_t
fill(struct reader *rd, size_t k)
{
	ssize_t got;

	while (rd->len - rd->pos < k) {
		memmove(rd->buf, rd->buf + rd->pos, rd->len - rd->pos);
		rd->len -= rd->pos;
		rd->pos = 0;
		if (k > rd->cap) {
			rd->buf = qp_xrealloc(rd->buf, k, 1);
			rd->cap = k;
		}
		if ((got = pread(rd->fd, rd->buf + rd->len, rd->cap - rd->len,
		    rd->off)) == -1) {
			if (errno == EINTR)
				continue;
			qp_die("spill file: %s", strerror(errno));
		}
		if (got == 0)
			break;
		rd->off += got;
		rd->len += (size_t)got;
	}
	return rd->len - rd->pos;
}

static void
next_rec(const struct dd *d, struct reader *rd)
{
	struct rec h;
	const struct rec *pr;
	const char *lit;
	char *o, *t;
	size_t avail, hl, llen, tc, hp, gp, g0;

	if (rd->fd == -1) {
		rd->r = rd->next < d->nrec ?
		    (struct rec *)(d->buf + d->idx[rd->next++].off) : NULL;
		return;
	}
	/* The current record becomes the one before. */
	pr = rd->r;
	t = rd->dec;
	rd->dec = rd->pdec;
	rd->pdec = t;
	tc = rd->dcap;
	rd->dcap = rd->pdcap;
	rd->pdcap = tc;
	if ((avail = fill(rd, SPILL_HDR)) == 0) {
		rd->r = NULL;	/* the run is done */
		return;
	}
	if ((hl = unspill_hdr(rd->buf + rd->pos, avail, &h, &rd->ts, &hp,
	    &gp)) == 0)
		qp_die("spill file: damaged");
	g0 = h.gid - sizeof h;
	if (hp + gp > 0 && (pr == NULL || hp > pr->gid - sizeof *pr ||
	    gp > pr->len - (pr->gid - sizeof *pr)))
		qp_die("spill file: damaged");
	llen = h.len - hp - gp;
	if (fill(rd, hl + llen) < hl + llen)
		qp_die("spill file: cut short");
	if (h.size > rd->dcap) {
		rd->dcap = h.size > 4096 ? h.size : 4096;
		rd->dec = qp_xrealloc(rd->dec, rd->dcap, 1);
	}
	rd->r = (struct rec *)rd->dec;
	memcpy(rd->r, &h, sizeof h);
	lit = rd->buf + rd->pos + hl;
	o = rd->dec + sizeof h;
	if (hp > 0)
		memcpy(o, joined(pr), hp);
	memcpy(o + hp, lit, g0 - hp);
	if (gp > 0)
		memcpy(o + g0, (const char *)pr + pr->gid, gp);
	memcpy(o + g0 + gp, lit + g0 - hp, h.len - g0 - gp);
	memset(o + h.len, 0, h.size - sizeof h - h.len);
	rd->pos += hl + llen;
}

/* For qp_tourney: does reader a's record come first?  Done ones last. */
static int
reader_before(void *ctx, size_t a, size_t b)
{
	const struct reader *rd = ctx;

	if (rd[a].r == NULL || rd[b].r == NULL)
		return rd[b].r == NULL && rd[a].r != NULL;
	return rec_cmp_total(rd[a].r, rd[b].r) < 0;
}

/* Is msg_id our hash of the row (no platform id)? */
static int
hashed_id(const struct dd *d, const struct rec *r)
{
	char ts[64], hex[QP_HASH_HEX + 1], gid[1024], uid[1024], *text;
	const char *parts[4], *p;
	uint32_t l, tl;
	int ok;

	if (r->msglen != QP_HASH_HEX || d->c.user_id < 0 || d->c.text < 0)
		return 0;
	p = fld(r, d->c.ts, &l);
	snprintf(ts, sizeof ts, "%.*s", (int)l, p);
	p = fld(r, d->c.gid, &l);
	snprintf(gid, sizeof gid, "%.*s", (int)l, p);
	p = fld(r, d->c.user_id, &l);
	snprintf(uid, sizeof uid, "%.*s", (int)l, p);
	p = fld(r, d->c.text, &tl);
	if ((text = strndup(p, tl)) == NULL)
		qp_die("out of memory");
	parts[0] = gid;
	parts[1] = ts;
	parts[2] = uid;
	parts[3] = text;
	qp_hash_hex(hex, qp_hash_parts(parts, 4));
	ok = memcmp(hex, (const char *)r + r->msg, QP_HASH_HEX) == 0;
	free(text);
	return ok;
}

static void
emit(struct dd *d, struct qp_out *out, const struct rec *r)
{
	struct qp_field f[256];
	const struct name *nm = NULL;
	const char *p = joined(r), *u = NULL;
	uint32_t ul = 0;
	int i, rc;

	/* The user's latest name, where it differs from the row's. */
	if (d->c.user >= 0 && r->user != NONE) {
		nm = &d->names.v[r->user];
		u = fld(r, d->c.user, &ul);
		if (ul == nm->len && memcmp(u, nm->s, ul) == 0)
			nm = NULL;
	}
	if (r->plain && (nm == NULL || nm->plain)) {
		/* Bytes as they came, the name put in. */
		f[0].s = p;
		f[0].len = r->len;
		if (nm != NULL) {
			f[0].len = (size_t)(u - p);
			f[1].s = nm->s;
			f[1].len = nm->len;
			f[2].s = u + ul;
			f[2].len = r->len - f[0].len - ul;
		}
		rc = qp_out_joined(out, f, nm != NULL ? 3 : 1);
	} else {
		for (i = 0; i < r->nf; i++) {
			f[i].s = p;
			f[i].len = strlen(p);
			p += f[i].len + 1;
		}
		if (nm != NULL) {
			f[d->c.user].s = nm->s;
			f[d->c.user].len = nm->len;
		}
		rc = qp_out_row(out, f, r->nf);
	}
	if (rc == -1)
		qp_die("%s", qp_out_error(out));
	d->st[r->srcno].out++;
}

/* Compare two records field by field, leaving out src (and ts, msg_id). */
static int
content_cmp(const struct dd *d, const struct rec *a, const struct rec *b,
    int skip_ts)
{
	const char *pa = joined(a), *pb = joined(b);
	size_t la, lb;
	int i, c;

	for (i = 0; i < a->nf && i < b->nf; i++, pa += la + 1, pb += lb + 1) {
		la = strlen(pa);
		lb = strlen(pb);
		/* Without ts, also without the msg_id hashed from it. */
		if (i == d->c.src || (skip_ts && (i == d->c.ts || i == d->c.msg)))
			continue;
		if ((c = memcmp(pa, pb, la < lb ? la : lb)) != 0)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return a->nf < b->nf ? -1 : a->nf > b->nf;
}

static const struct dd *group_dd;

/* The same export read from the same input file. */
static int
same_src(const struct rec *a, const struct rec *b)
{
	return a->input == b->input && a->srcno == b->srcno;
}

static int64_t
minute(int64_t ts)
{
	return ts >= 0 ? ts / 60 : (ts - 59) / 60;
}

static int
platform_id(const struct dd *d, const struct rec *r)
{
	return r->msglen > 0 && !hashed_id(d, r);
}

/* A src of minute precision: all its rows at :00, and enough of them. */
static int
coarse(struct dd *d, const struct rec *r)
{
	const struct srcstat *s = &d->st[r->srcno];

	return !s->fine && s->in >= 20;
}

static int group_by_minute;	/* for loose_cmp: compare without ts */

/* By content (without src; by minute, without ts and msg_id), then src. */
static int
loose_cmp(const void *x, const void *y)
{
	const struct rec *a = *(struct rec *const *)x, *b = *(struct rec *const *)y;
	int c = content_cmp(group_dd, a, b, group_by_minute);

	if (c != 0)
		return c;
	if (a->srcno != b->srcno)
		return strcmp(group_dd->st[a->srcno].src,
		    group_dd->st[b->srcno].src);
	return a->input < b->input ? -1 : a->input > b->input;
}

static int
total_cmp(const void *x, const void *y)
{
	return rec_cmp_total(*(struct rec *const *)x, *(struct rec *const *)y);
}

/*
 * One group's minute.  A run of equal keys with a platform msg_id keeps
 * one row: the same message however many exports hold it.  Rows without
 * one (our hash, or none) keep, per distinct row, the most copies that one
 * (src, input file) holds: copies inside one export are distinct messages
 * (someone posts "ok" twice in a second), the same copies in two exports
 * the same messages.  When an export of minute precision (WhatsApp on
 * Android) holds rows in the minute, those rows are compared without their
 * time, so they match an export with seconds (iOS), whose rows win ties.
 */
static void
flush_window(struct dd *d, struct qp_out *out, struct rec **w, size_t n)
{
	size_t i, j, k, nk = 0, nl = 0, best, bestcnt;
	int mixed = 0;

	if (n > d->wcap) {
		free(d->keep);
		free(d->loose);
		d->wcap = n * 2;
		d->keep = qp_xrealloc(NULL, d->wcap, sizeof *d->keep);
		d->loose = qp_xrealloc(NULL, d->wcap, sizeof *d->loose);
	}
	for (i = 0; i < n && !mixed; i++)
		mixed = coarse(d, w[i]) && !platform_id(d, w[i]);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && rec_cmp(w[i], w[j]) == 0; j++)
			;
		/* A lone row is kept whatever its id (and costs no hash). */
		if ((j - i == 1 && !mixed) || platform_id(d, w[i]))
			d->keep[nk++] = w[i];
		else
			for (k = i; k < j; k++)
				d->loose[nl++] = w[k];
	}
	group_dd = d;
	group_by_minute = mixed;
	qsort(d->loose, nl, sizeof *d->loose, loose_cmp);
	for (i = 0; i < nl; i = j) {
		/* [i, j): one distinct row; [k, e): its copies from one src */
		for (j = i + 1; j < nl && content_cmp(d, d->loose[i],
		    d->loose[j], mixed) == 0; j++)
			;
		best = i;
		bestcnt = 0;
		for (k = i; k < j;) {
			size_t e = k + 1;

			while (e < j && same_src(d->loose[k], d->loose[e]))
				e++;
			if (e - k > bestcnt || (mixed && e - k == bestcnt &&
			    coarse(d, d->loose[best]) && !coarse(d, d->loose[k]))) {
				bestcnt = e - k;
				best = k;
			}
			k = e;
		}
		for (k = 0; k < bestcnt; k++)
			d->keep[nk++] = d->loose[best + k];
	}
	/* The window came in total order; only loose rows moved. */
	if (nl > 0)
		qsort(d->keep, nk, sizeof *d->keep, total_cmp);
	for (i = 0; i < nk; i++)
		emit(d, out, d->keep[i]);
}

/* Flush the window: its records, copied into w, as pointers. */
static void
flush_copies(struct dd *d, struct qp_out *out, char *w, const size_t *off,
    size_t n, struct rec ***ptr, size_t *pcap)
{
	size_t i;

	if (n > *pcap) {
		*pcap = n * 2;
		*ptr = qp_xrealloc(*ptr, *pcap, sizeof **ptr);
	}
	for (i = 0; i < n; i++)
		(*ptr)[i] = (struct rec *)(w + off[i]);
	flush_window(d, out, *ptr, n);
}

/*
 * Merge the spilled runs and the buffer's records, window by window: one
 * group's rows of one minute, copied out of the readers' buffers.
 */
static void
merge(struct dd *d, struct qp_out *out)
{
	struct reader *rd;
	struct qp_tourney t;
	struct rec **ptr = NULL;
	char *w = NULL;
	size_t n = d->nruns + 1, i, ng = 0, ocap = 0, pcap = 0, wlen = 0,
	    wcap = 0, *off = NULL, share, top;
	const struct rec *first;

	/* The read buffers share what -m leaves beside the last records
	 * (nothing when one record outgrew -m). */
	share = d->len + d->nrec * sizeof *d->idx;
	share = share < d->limit ? (d->limit - share) / n : 0;
	share = share < (64 << 10) ? 64 << 10 : share > SPILL_BUF ? SPILL_BUF :
	    share;
	rd = qp_xcalloc(n, sizeof *rd);
	for (i = 0; i < n; i++) {
		rd[i].fd = i < d->nruns ? d->runs[i] : -1;
		if (rd[i].fd != -1) {
			rd[i].buf = qp_xrealloc(NULL, share, 1);
			rd[i].cap = share;
		}
		next_rec(d, &rd[i]);
	}
	if (qp_tourney_init(&t, n, reader_before, rd) == -1)
		qp_die("out of memory");
	for (top = qp_tourney_top(&t); rd[top].r != NULL;
	    top = qp_tourney_next(&t)) {
		const struct rec *r = rd[top].r;

		if (ng > 0) {
			first = (const struct rec *)(w + off[0]);
			if (first->gidlen != r->gidlen ||
			    memcmp((const char *)first + first->gid,
			    (const char *)r + r->gid, r->gidlen) != 0 ||
			    minute(first->ts) != minute(r->ts)) {
				flush_copies(d, out, w, off, ng, &ptr, &pcap);
				ng = wlen = 0;
			}
		}
		if (ng == ocap) {
			ocap = ocap ? ocap * 2 : 64;
			off = qp_xrealloc(off, ocap, sizeof *off);
		}
		if (wlen + r->size > wcap) {
			wcap = wcap ? wcap : 1 << 16;
			while (wlen + r->size > wcap)
				wcap *= 2;
			w = qp_xrealloc(w, wcap, 1);
		}
		memcpy(w + wlen, r, r->size);
		off[ng++] = wlen;
		wlen += r->size;
		next_rec(d, &rd[top]);
	}
	if (ng > 0)
		flush_copies(d, out, w, off, ng, &ptr, &pcap);
	for (i = 0; i < d->nruns; i++) {
		free(rd[i].buf);
		free(rd[i].dec);
		free(rd[i].pdec);
		close(d->runs[i]);
	}
	free(rd);
	qp_tourney_free(&t);
	free(w);
	free(off);
	free(ptr);
}

static int
stat_cmp(const void *a, const void *b)
{
	return strcmp(((const struct srcstat *)a)->src,
	    ((const struct srcstat *)b)->src);
}

int
main(int argc, char **argv)
{
	static const char *const dcols[] = { "src", "rows_in", "rows_out",
	    "duplicates" };
	struct qp_common com;
	struct dd d;
	struct qp_in *in;
	struct qp_out *out;
	const struct qp_row *r;
	const struct qp_table *t;
	struct qp_field hdr[256];
	int ch, rc, in_events = 0, seen = 0;
	size_t i, nh = 0;
	unsigned version = 1;
	struct sources so;

	memset(&d, 0, sizeof d);
	memset(&so, 0, sizeof so);
	d.limit = 256UL << 20;
	if ((d.names.ids = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	qp_cli_init("qp-dedupe", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT "m:", longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		if (ch == 'm') {
			unsigned long long m;

			if (qp_parse_size(optarg, &m) == -1 || m < (1 << 20) ||
			    m > SIZE_MAX / 2)
				qp_usage_error("-m: want a size of at least 1M "
				    "(suffix k, M or G), not '%s'", optarg);
			d.limit = (size_t)m;
		} else
			qp_usage_error("unknown option");
	}
	d.buflimit = qp_threads() ? d.limit / 2 : d.limit;
	out = qp_cli_stage(&com, "qp-dedupe", argc, argv, optind, &in);
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if (rc == QP_TABLE) {
			t = qp_in_table(in);
			in_events = strcmp(t->name, "events") == 0;
			if (strcmp(t->name, "dedupe") == 0) {
				in_events = -1;		/* ours replaces it */
				continue;
			}
			if (strcmp(t->name, "sources") == 0) {
				in_events = -2;		/* merged, at the end */
				sources_header(&so, in, r);
				continue;
			}
			if (!in_events) {
				if (qp_out_table(out, t->name, t->version, r->f,
				    r->n) == -1)
					qp_die("%s", qp_out_error(out));
				continue;
			}
			/* Every events table must have the first one's columns. */
			if (seen) {
				if (r->n != nh)
					goto header_differs;
				for (i = 0; i < nh; i++)
					if (r->f[i].len != hdr[i].len ||
					    memcmp(r->f[i].s, hdr[i].s,
					    hdr[i].len) != 0)
						goto header_differs;
				continue;
			}
			seen = 1;
			version = t->version;
			if ((nh = r->n) > 256)
				qp_die("events: too many columns");
			for (i = 0; i < nh; i++) {
				hdr[i].len = r->f[i].len;
				if ((hdr[i].s = strdup(r->f[i].s)) == NULL)
					qp_die("out of memory");
			}
			d.c.n = nh;
			d.c.ts = qp_cli_col(in, "events", "ts");
			d.c.gid = qp_cli_col(in, "events", "group_id");
			d.c.kind = qp_cli_col(in, "events", "kind");
			d.c.msg = qp_cli_col(in, "events", "msg_id");
			d.c.user_id = qp_in_col(in, "user_id");
			d.c.user = qp_in_col(in, "user");
			d.c.text = qp_in_col(in, "text");
			d.c.src = qp_cli_col(in, "events", "src");
			continue;
		}
		if (in_events == -1)
			continue;
		if (in_events == -2) {
			sources_row(&so, r);
			continue;
		}
		if (!in_events) {
			if (qp_out_copy(out, r) == -1)
				qp_die("%s", qp_out_error(out));
			continue;
		}
		{
			struct srcstat *ss;
			long long ts;
			uint32_t user;
			int off;

			if (qp_time_parse(r->f[d.c.ts].s, r->f[d.c.ts].len, &ts,
			    &off) == -1)
				qp_die("%s: record %llu (line %llu): not a time: %s",
				    qp_in_name(in), r->recno, r->lineno,
				    r->f[d.c.ts].s);
			ss = stat_of(&d, r->f[d.c.src].s, r->f[d.c.src].len);
			ss->in++;
			if (ts % 60 != 0)
				ss->fine = 1;
			user = NONE;
			if (d.c.user >= 0 && d.c.user_id >= 0)
				user = note_name(&d, &r->f[d.c.user_id],
				    &r->f[d.c.user], ts);
			add(&d, r, ts, (uint32_t)qp_in_index(in),
			    (uint32_t)(ss - d.st), user);
		}
		if ((qp_in_nrows(in) & 0xffff) == 0 && qp_cli_want_progress(&com))
			qp_progress(in, 0);
	}
	if (rc < 0)
		qp_die("%s", qp_in_error(in));
	if (!seen)
		qp_die("%s: no events table in the input", qp_in_name(in));
	/* The last records are merged from the buffer, not spilled. */
	spill_wait(&d);
	free(d.sp.buf);
	free(d.sp.idx);
	sort_buffer(&d);
	sources_write(&so, out);
	if (qp_out_table(out, "events", version, hdr, nh) == -1)
		qp_die("%s", qp_out_error(out));
	merge(&d, out);
	free(d.buf);
	free(d.idx);
	qsort(d.st, d.nst, sizeof *d.st, stat_cmp);
	if (qp_out_tablev(out, "dedupe", 1, dcols, 4) == -1)
		qp_die("%s", qp_out_error(out));
	for (i = 0; i < d.nst; i++) {
		char a[24], b[24], c[24];
		const char *v[4];

		snprintf(a, sizeof a, "%llu", d.st[i].in);
		snprintf(b, sizeof b, "%llu", d.st[i].out);
		snprintf(c, sizeof c, "%llu", d.st[i].in - d.st[i].out);
		v[0] = d.st[i].src;
		v[1] = a;
		v[2] = b;
		v[3] = c;
		if (qp_out_rowv(out, v, 4) == -1)
			qp_die("%s", qp_out_error(out));
	}
	if (qp_out_finish(out) == -1)
		qp_die("%s", qp_out_error(out));
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_out_free(out);
	qp_in_close(in);
	for (i = 0; i < nh; i++)
		free((char *)(uintptr_t)hdr[i].s);
	for (i = 0; i < d.names.n; i++)
		free(d.names.v[i].s);
	free(d.names.v);
	qp_strmap_free(d.names.ids);
	for (i = 0; i < d.nst; i++)
		free(d.st[i].src);
	free(d.st);
	free(d.runs);
	free(d.keep);
	free(d.loose);
	return QP_EXIT_OK;
header_differs:
	qp_die("%s: an events table with other columns than the first's",
	    qp_in_name(in));
}
