/*
 * CSV records over a qp_src, and their encoding into a qp_sink.
 *
 * The reader works a line at a time in one growing buffer.  A line with no
 * quote character is split at its commas in place (the common case, and
 * exactly what libcsv would yield for it); any other line starts a record
 * that libcsv parses, fed line by line until it reports the record's end,
 * so quoted fields may span lines.  Every line is checked to be UTF-8
 * without NUL bytes before it is parsed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "qp_csv.h"
#include "qp_io.h"

#define INITBUF		(256 * 1024)
#define READ_CHUNK	(128 * 1024)
#define PS_FIELD_BEGUN	2	/* libcsv's parser state inside a field */

struct qp_csv {
	struct qp_src		*src;
	char			*buf;
	size_t			 cap, pos, end, scan;
	int			 eof, started, slow;
	char			 delim;
	unsigned long long	 recno, lineno;

	struct qp_field		*f;
	size_t			 fcap;
	struct qp_row		 row;

	/* libcsv path: field bytes and offsets of the record being parsed */
	struct csv_parser	 p;
	int			 pinit, inrec, recdone;
	char			*arena;
	size_t			 alen, acap;
	size_t			*aoff;
	size_t			 nf, aoffcap;
	int			 oom;

	int			 failed;
	char			 err[512];
	size_t			 why;		/* where the reason starts in err */
	unsigned long long	 errline;
};

static int
csv_failf(struct qp_csv *c, unsigned long long line, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	if (c->failed)
		return -1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(c->err, sizeof c->err, "%s: record %llu (line %llu): ",
	    qp_src_name(c->src), c->recno + 1, line);
	c->why = strlen(c->err);
	snprintf(c->err + c->why, sizeof c->err - c->why, "%s", why);
	c->errline = line;
	c->failed = 1;
	return -1;
}

static int
no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

static int
is_lf(unsigned char ch)
{
	return ch == '\n';
}

struct qp_csv *
qp_csv_new(struct qp_src *src)
{
	struct qp_csv *c;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	c->src = src;
	c->delim = ',';
	c->cap = INITBUF;
	if ((c->buf = malloc(c->cap + 1)) == NULL) {
		free(c);
		return NULL;
	}
	return c;
}

void
qp_csv_set_slow(struct qp_csv *c, int on)
{
	c->slow = on;
}

void
qp_csv_set_delim(struct qp_csv *c, char delim)
{
	c->delim = delim;
	if (c->pinit)
		csv_set_delim(&c->p, (unsigned char)delim);
}

const char *
qp_csv_error(const struct qp_csv *c)
{
	return c->failed ? c->err : NULL;
}

const char *
qp_csv_error_why(const struct qp_csv *c)
{
	return c->failed ? c->err + c->why : NULL;
}

unsigned long long
qp_csv_error_line(const struct qp_csv *c)
{
	return c->failed ? c->errline : 0;
}

struct qp_src *
qp_csv_src(const struct qp_csv *c)
{
	return c->src;
}

void
qp_csv_free(struct qp_csv *c)
{
	if (c == NULL)
		return;
	if (c->pinit)
		csv_free(&c->p);
	free(c->buf);
	free(c->f);
	free(c->arena);
	free(c->aoff);
	free(c);
}

/* qp_utf8_check() from offset i, a character's start. */
static size_t
utf8_from(const unsigned char *p, size_t n, size_t i)
{
	const uint64_t hi = 0x8080808080808080ULL, lo = 0x0101010101010101ULL;
	uint64_t w;
	unsigned char b, c1;

	while (i < n) {
#ifdef __SSE2__
		/* Sixteen ASCII bytes (and no NUL) at a time. */
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(p + i));
			int m = _mm_movemask_epi8(_mm_or_si128(v,
			    _mm_cmpeq_epi8(v, _mm_setzero_si128())));

			if (m != 0) {
				i += (size_t)__builtin_ctz((unsigned)m);
				goto multi;
			}
			i += 16;
		}
#endif
		while (i + 8 <= n) {
			memcpy(&w, p + i, 8);
			if (((w | ((w - lo) & ~w)) & hi) != 0)
				break;
			i += 8;
		}
		/* the ASCII bytes before the one that stopped the word */
		while (i < n && p[i] - 1u < 0x7fu)
			i++;
#ifdef __SSE2__
multi:
#endif
		/* Byte by byte while not plain ASCII: runs of CJK stay here. */
		while (i < n && (b = p[i]) - 1u >= 0x7fu) {
			if (b == 0)
				return i;
			if (b >= 0xc2 && b <= 0xdf) {
				if (n - i < 2 || (p[i + 1] & 0xc0) != 0x80)
					return i;
				i += 2;
			} else if (b >= 0xe0 && b <= 0xef) {
				if (n - i < 3)
					return i;
				c1 = p[i + 1];
				if ((c1 & 0xc0) != 0x80 || (p[i + 2] & 0xc0) != 0x80 ||
				    (b == 0xe0 && c1 < 0xa0) ||	/* overlong */
				    (b == 0xed && c1 >= 0xa0))	/* surrogate */
					return i;
				i += 3;
			} else if (b >= 0xf0 && b <= 0xf4) {
				if (n - i < 4)
					return i;
				c1 = p[i + 1];
				if ((c1 & 0xc0) != 0x80 || (p[i + 2] & 0xc0) != 0x80 ||
				    (p[i + 3] & 0xc0) != 0x80 ||
				    (b == 0xf0 && c1 < 0x90) ||	/* overlong */
				    (b == 0xf4 && c1 >= 0x90))	/* past U+10FFFF */
					return i;
				i += 4;
			} else
				return i;
		}
	}
	return n;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>

/*
 * Sixteen bytes at a time with SSSE3 table lookups (Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte", 2021): each
 * byte's high nibble, the one before's high and low nibbles each name the
 * errors they allow; an error is a bit all three allow.  Runs of CJK, three
 * bytes a character, no longer go byte by byte.  Where a block has an
 * error, and for the tail, utf8_from() finds the offset from the last
 * character start before the block (all before it is valid).
 */
#define U8_TOO_SHORT	0x01	/* a lead then no continuation */
#define U8_TOO_LONG	0x02	/* ASCII then a continuation */
#define U8_OVERLONG_3	0x04
#define U8_TOO_LARGE	0x08
#define U8_SURROGATE	0x10
#define U8_OVERLONG_2	0x20
#define U8_TOO_LARGE_1000 0x40
#define U8_OVERLONG_4	0x40
#define U8_TWO_CONTS	0x80	/* a continuation after a continuation */
#define U8_CARRY	(U8_TOO_SHORT | U8_TOO_LONG | U8_TWO_CONTS)

__attribute__((target("ssse3")))
static size_t
utf8_ssse3(const unsigned char *p, size_t n)
{
	const __m128i b1hi = _mm_setr_epi8(U8_TOO_LONG, U8_TOO_LONG,
	    U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	    U8_TOO_LONG, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS,
	    U8_TWO_CONTS, U8_TOO_SHORT | U8_OVERLONG_2, U8_TOO_SHORT,
	    U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE,
	    U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4);
	const __m128i b1lo = _mm_setr_epi8(
	    U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4,
	    U8_CARRY | U8_OVERLONG_2, U8_CARRY, U8_CARRY,
	    U8_CARRY | U8_TOO_LARGE,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000);
	const __m128i b2hi = _mm_setr_epi8(U8_TOO_SHORT, U8_TOO_SHORT,
	    U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	    U8_TOO_SHORT, U8_TOO_SHORT,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 |
	    U8_TOO_LARGE_1000 | U8_OVERLONG_4,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 |
	    U8_TOO_LARGE,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE |
	    U8_TOO_LARGE,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE |
	    U8_TOO_LARGE,
	    U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT);
	const __m128i nib = _mm_set1_epi8(0x0f), zero = _mm_setzero_si128();
	const __m128i third = _mm_set1_epi8((char)(0xe0 - 0x80));
	const __m128i fourth = _mm_set1_epi8((char)(0xf0 - 0x80));
	/* above these at the end of a block: a character goes on */
	const __m128i last = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1,
	    -1, -1, -1, -1, (char)(0xf0 - 1), (char)(0xe0 - 1), (char)(0xc0 - 1));
	__m128i prev = zero, in, p1, p2, p3, sc, must, err;
	size_t i, s;
	int j;

	for (i = 0; i + 16 <= n; i += 16) {
		in = _mm_loadu_si128((const __m128i *)(p + i));
		err = _mm_cmpeq_epi8(in, zero);		/* NUL */
		if (_mm_movemask_epi8(in) == 0) {
			/* ASCII: wrong only for a NUL or a character the
			 * block before left unfinished. */
			if (_mm_movemask_epi8(err) != 0 ||
			    _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_subs_epu8(prev,
			    last), zero)) != 0xffff)
				break;
			prev = in;
			continue;
		}
		p1 = _mm_alignr_epi8(in, prev, 15);
		sc = _mm_and_si128(_mm_and_si128(
		    _mm_shuffle_epi8(b1hi, _mm_and_si128(_mm_srli_epi16(p1, 4),
		    nib)), _mm_shuffle_epi8(b1lo, _mm_and_si128(p1, nib))),
		    _mm_shuffle_epi8(b2hi, _mm_and_si128(_mm_srli_epi16(in, 4),
		    nib)));
		p2 = _mm_alignr_epi8(in, prev, 14);
		p3 = _mm_alignr_epi8(in, prev, 13);
		/* 0x80 where a third or fourth byte is due */
		must = _mm_and_si128(_mm_or_si128(_mm_subs_epu8(p2, third),
		    _mm_subs_epu8(p3, fourth)), _mm_set1_epi8((char)0x80));
		err = _mm_or_si128(err, _mm_xor_si128(must, sc));
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, zero)) != 0xffff)
			break;
		prev = in;
	}
	/* From the character the block at i may cut: all before is valid. */
	for (s = i, j = 1; j <= 3 && (size_t)j <= i; j++)
		if ((p[i - j] & 0xc0) != 0x80) {
			if (p[i - j] >= 0xc0)
				s = i - (size_t)j;
			break;
		}
	return utf8_from(p, n, s);
}
#endif

/*
 * Offset of the first byte of p[0..n) that is not part of valid UTF-8 text
 * (a NUL byte counts as invalid), or n.
 */
size_t
qp_utf8_check(const void *buf, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
	static int ssse3 = -1;

	if (ssse3 == -1)
		ssse3 = __builtin_cpu_supports("ssse3") != 0;
	if (n >= 32 && ssse3)
		return utf8_ssse3(buf, n);
#endif
	return utf8_from(buf, n, 0);
}

/* Whether p[0..n) is the start of a valid UTF-8 sequence cut short. */
static int
utf8_cut(const char *p, size_t n)
{
	unsigned char b = (unsigned char)p[0];
	size_t k = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : 0, i;

	if (k == 0 || b > 0xf4 || n > k)
		return 0;
	for (i = 1; i < n; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

/*
 * Find the next line.  Sets *line and *len (the '\n' included when
 * present).  Returns 1, 0 at the end of the input, -1 on error.
 */
static int
get_line(struct qp_csv *c, char **line, size_t *len)
{
	char *nl;
	long r;

	for (;;) {
		nl = memchr(c->buf + c->scan, '\n', c->end - c->scan);
		if (nl != NULL) {
			*line = c->buf + c->pos;
			*len = (size_t)(nl - *line) + 1;
			c->pos += *len;
			c->scan = c->pos;
			return 1;
		}
		c->scan = c->end;
		if (c->eof) {
			if (c->pos == c->end)
				return 0;
			*line = c->buf + c->pos;
			*len = c->end - c->pos;
			c->pos = c->scan = c->end;
			return 1;
		}
		if (c->pos > 0) {
			memmove(c->buf, c->buf + c->pos, c->end - c->pos);
			c->end -= c->pos;
			c->scan -= c->pos;
			c->pos = 0;
		}
		if (c->end == c->cap) {
			char *nb;

			if (c->cap >= QP_CSV_MAXREC)
				return csv_failf(c, c->lineno + 1,
				    "line longer than %lu MiB",
				    QP_CSV_MAXREC >> 20);
			if ((nb = realloc(c->buf, c->cap * 2 + 1)) == NULL)
				return csv_failf(c, c->lineno + 1,
				    "out of memory");
			c->buf = nb;
			c->cap *= 2;
		}
		r = qp_src_read(c->src, c->buf + c->end,
		    c->cap - c->end < READ_CHUNK ? c->cap - c->end : READ_CHUNK);
		if (r < 0) {
			if (!c->failed) {
				snprintf(c->err, sizeof c->err, "%s",
				    qp_src_error(c->src));
				c->failed = 1;
			}
			return -1;
		}
		if (r == 0)
			c->eof = 1;
		c->end += (size_t)r;
		if (!c->started && c->end - c->pos >= 3) {
			c->started = 1;
			if (memcmp(c->buf + c->pos, "\xef\xbb\xbf", 3) == 0) {
				c->pos += 3;
				c->scan = c->pos;
			}
		} else if (!c->started && c->eof)
			c->started = 1;
	}
}

static int
grow_fields(struct qp_csv *c, size_t n)
{
	struct qp_field *f;
	size_t cap;

	if (n <= c->fcap)
		return 0;
	cap = c->fcap ? c->fcap : 32;
	while (cap < n)
		cap *= 2;
	if ((f = realloc(c->f, cap * sizeof *f)) == NULL)
		return -1;
	c->f = f;
	c->fcap = cap;
	return 0;
}

/*
 * One pass over a line, sixteen bytes at a time: the offsets of its
 * delimiters go into c->f (ends of fields, not yet cut), and what it holds
 * that the split cannot take as it is: QUOTE for a quote, ODD for a NUL or
 * a byte above 0x7f (then the whole line is checked as UTF-8).  With nl,
 * s[0..len) is the buffer and the line ends at its first '\n' (NONL: none
 * there); else it is the line's body.  *end is where the line ends (the
 * '\n', or len), *cr the offset of its first CR (or len).  Returns the
 * number of fields, or 0 on ENOMEM.  Nothing is changed yet, so that the
 * other paths get the line as it came.
 */
enum { SCAN_QUOTE = 1, SCAN_ODD = 2, SCAN_NONL = 4 };

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SCAN32	1

/*
 * scan_line()'s loop, 32 bytes at a time where the CPU has AVX2 (every
 * stage parses every row: this is a tenth of some stages' time).  From
 * *ip on; returns 1 when the newline is found (*len cut there), 0 when
 * fewer than 32 bytes are left, -1 when out of memory.
 */
__attribute__((target("avx2")))
static int
scan32(struct qp_csv *c, const unsigned char *u, size_t *len, int nl,
    size_t *ip, size_t *np, unsigned *q, unsigned *odd, size_t *cr)
{
	const __m256i vd = _mm256_set1_epi8(c->delim),
	    vq = _mm256_set1_epi8('"'), vz = _mm256_setzero_si256(),
	    vn = _mm256_set1_epi8('\n'), vr = _mm256_set1_epi8('\r');
	size_t i = *ip, n = *np;
	int found = 0;

	for (; i + 32 <= *len; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(u + i));
		unsigned e = nl ? (unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(v, vn)) : 0;
		unsigned keep = e ? (e & -e) - 1 : 0xffffffffu, d, r;

		d = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vd)) &
		    keep;
		*q |= (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vq)) &
		    keep;
		*odd |= (unsigned)_mm256_movemask_epi8(_mm256_or_si256(v,
		    _mm256_cmpeq_epi8(v, vz))) & keep;
		r = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vr)) &
		    keep;
		if (r != 0 && *cr == *len)
			*cr = i + (size_t)__builtin_ctz(r);
		for (; d != 0; d &= d - 1) {
			if (n + 1 >= c->fcap && grow_fields(c, n + 2) == -1)
				return -1;
			c->f[n++].len = i + (size_t)__builtin_ctz(d);
		}
		if (e != 0) {
			*len = i + (size_t)__builtin_ctz(e);
			found = 1;
			break;
		}
	}
	*ip = i;
	*np = n;
	return found;
}

static int
have_avx2(void)
{
	static int known, yes;

	if (!known) {
		__builtin_cpu_init();
		yes = __builtin_cpu_supports("avx2") &&
		    getenv("QP_NO_AVX2") == NULL;
		known = 1;
	}
	return yes;
}
#endif

static size_t
scan_line(struct qp_csv *c, const char *s, size_t len, int nl, size_t *end,
    size_t *cr, int *what)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;
	unsigned q = 0, odd = 0;

	*cr = len;
	*what = 0;
#ifdef SCAN32
	if (have_avx2())
		switch (scan32(c, u, &len, nl, &i, &n, &q, &odd, cr)) {
		case -1:
			return 0;
		case 1:
			nl = 0;		/* found */
			goto done;
		}
#endif
#ifdef __SSE2__
	{
		const __m128i vd = _mm_set1_epi8(c->delim),
		    vq = _mm_set1_epi8('"'), vz = _mm_setzero_si128(),
		    vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');

		for (; i + 16 <= len; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
			unsigned e = nl ? (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(v, vn)) : 0;
			unsigned keep = e ? (e & -e) - 1 : 0xffff, d, r;

			d = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) &
			    keep;
			q |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)) &
			    keep;
			odd |= (unsigned)_mm_movemask_epi8(_mm_or_si128(v,
			    _mm_cmpeq_epi8(v, vz))) & keep;
			r = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vr)) &
			    keep;
			if (r != 0 && *cr == len)
				*cr = i + (size_t)__builtin_ctz(r);
			for (; d != 0; d &= d - 1) {
				if (n + 1 >= c->fcap && grow_fields(c, n + 2) == -1)
					return 0;
				c->f[n++].len = i + (size_t)__builtin_ctz(d);
			}
			if (e != 0) {
				len = i + (size_t)__builtin_ctz(e);
				nl = 0;		/* found */
				goto done;
			}
		}
	}
#endif
	for (; i < len; i++) {
		if (nl && u[i] == '\n') {
			len = i;
			nl = 0;
			break;
		}
		if (u[i] == (unsigned char)c->delim) {
			if (n + 1 >= c->fcap && grow_fields(c, n + 2) == -1)
				return 0;
			c->f[n++].len = i;
		}
		if (u[i] == '\r' && *cr == len)
			*cr = i;
		q |= u[i] == '"';
		odd |= u[i] == 0 || u[i] > 0x7f;
	}
#ifdef __SSE2__
done:
#endif
	if (n + 1 > c->fcap && grow_fields(c, n + 1) == -1)
		return 0;
	c->f[n++].len = len;
	*end = len;
	if (*cr > len)
		*cr = len;
	*what = (q ? SCAN_QUOTE : 0) | (odd ? SCAN_ODD : 0) |
	    (nl ? SCAN_NONL : 0);
	return n;
}

/*
 * Cut the line at the offsets scan_line() found (the last field ends at
 * body); whether the row can be copied as its bytes (qp_row_verbatim()):
 * no CR inside it and no field that starts with '#'.
 */
static void
split_scanned(struct qp_csv *c, char *s, size_t n, size_t body, int cr)
{
	size_t i, start = 0, end;
	int hash = 0;

	c->f[n - 1].len = body;
	for (i = 0; i < n; i++) {
		end = c->f[i].len;
		hash |= s[start] == '#';
		s[end] = '\0';
		c->f[i].s = s + start;
		c->f[i].len = end - start;
		start = end + 1;
	}
	c->row.n = n;
	c->row.verbatim = cr || hash ? -1 : 1;
}

/*
 * A line with quotes but no line break inside them, split in place: each
 * quoted field loses its quotes and "" becomes ".  Returns 1 when done, 0
 * when the line needs libcsv (a quoted field runs past the line, or the
 * line breaks the strict rules, whose message libcsv gives), -1 on ENOMEM.
 * The line is checked whole before it is changed.
 */
static int
split_quoted(struct qp_csv *c, char *s, size_t len)
{
	char *end = s + len, *p = s, *q, *w, *start;
	size_t n = 0;

	for (;;) {		/* check */
		if (p < end && *p == '"') {
			for (p++;; p = q + 2) {
				if ((q = memchr(p, '"', (size_t)(end - p))) == NULL)
					return 0;
				if (q + 1 >= end || q[1] != '"')
					break;
			}
			p = q + 1;
			if (p < end && *p != c->delim)
				return 0;
		} else {
			if ((q = memchr(p, c->delim, (size_t)(end - p))) == NULL)
				q = end;
			if (memchr(p, '"', (size_t)(q - p)) != NULL)
				return 0;
			p = q;
		}
		n++;
		if (p == end)
			break;
		p++;
	}
	if (n > c->fcap && grow_fields(c, n) == -1)
		return -1;
	for (p = w = s, n = 0;;) {	/* split */
		start = w;
		if (p < end && *p == '"') {
			for (p++;;) {
				q = memchr(p, '"', (size_t)(end - p));
				memmove(w, p, (size_t)(q - p));
				w += q - p;
				if (q + 1 < end && q[1] == '"') {
					*w++ = '"';
					p = q + 2;
				} else {
					p = q + 1;
					break;
				}
			}
		} else {
			if ((q = memchr(p, c->delim, (size_t)(end - p))) == NULL)
				q = end;
			memmove(w, p, (size_t)(q - p));
			w += q - p;
			p = q;
		}
		c->f[n].s = start;
		c->f[n].len = (size_t)(w - start);
		n++;
		*w++ = '\0';	/* w <= p + 1: nothing unread is lost */
		if (p >= end)
			break;
		p++;
	}
	c->row.n = n;
	return 1;
}

static void
cb_field(void *s, size_t len, void *data)
{
	struct qp_csv *c = data;

	if (c->oom)
		return;
	if (c->nf == c->aoffcap) {
		size_t cap = c->aoffcap ? c->aoffcap * 2 : 64;
		size_t *a = realloc(c->aoff, cap * sizeof *a);

		if (a == NULL) {
			c->oom = 1;
			return;
		}
		c->aoff = a;
		c->aoffcap = cap;
	}
	if (c->alen + len + 1 > c->acap) {
		size_t cap = c->acap ? c->acap : 4096;
		char *a;

		while (cap < c->alen + len + 1)
			cap *= 2;
		if ((a = realloc(c->arena, cap)) == NULL) {
			c->oom = 1;
			return;
		}
		c->arena = a;
		c->acap = cap;
	}
	if (len > 0)
		memcpy(c->arena + c->alen, s, len);
	c->aoff[c->nf++] = c->alen;
	c->alen += len;
	c->arena[c->alen++] = '\0';
}

static void
cb_record(int ch, void *data)
{
	struct qp_csv *c = data;

	(void)ch;
	c->recdone = 1;
}

static int
slow_feed(struct qp_csv *c, const char *s, size_t len)
{
	if (len > 0 && csv_parse(&c->p, s, len, cb_field, cb_record, c) != len)
		return csv_failf(c, c->row.lineno, "%s",
		    csv_error(&c->p) == CSV_EPARSE ?
		    "malformed quoted field" : "out of memory");
	if (c->oom)
		return csv_failf(c, c->row.lineno, "out of memory");
	return 0;
}

/* Build the row from the libcsv arena. */
static int
slow_row(struct qp_csv *c)
{
	size_t i;

	if (grow_fields(c, c->nf) == -1)
		return csv_failf(c, c->row.lineno, "out of memory");
	for (i = 0; i < c->nf; i++) {
		c->f[i].s = c->arena + c->aoff[i];
		c->f[i].len = (i + 1 < c->nf ? c->aoff[i + 1] - 1 : c->alen - 1) -
		    c->aoff[i];
	}
	c->row.n = c->nf;
	c->nf = c->alen = 0;
	c->inrec = c->recdone = 0;
	return 0;
}

int
qp_csv_next(struct qp_csv *c, const struct qp_row **row)
{
	char *line = NULL;
	size_t len = 0, bad, body, nf, end, crat = 0;
	int r, crlf, eol = 0, what;

	if (c->failed)
		return -1;
	for (;;) {
		/* A whole line in the buffer: found in the same pass that
		 * splits it.  Else (and inside quotes) get_line() finds it. */
		nf = 0;
		what = SCAN_NONL;
		if (!c->inrec && !c->slow && c->started && c->pos < c->end &&
		    (nf = scan_line(c, c->buf + c->pos, c->end - c->pos, 1,
		    &len, &crat, &what)) == 0)
			return csv_failf(c, c->lineno + 1, "out of memory");
		if (!(what & SCAN_NONL)) {
			line = c->buf + c->pos;
			len++;		/* the '\n' */
			c->pos += len;
			c->scan = c->pos;
			r = 1;
		} else if ((r = get_line(c, &line, &len)) < 0)
			return -1;
		if (r == 0) {
			if (!c->inrec)
				return 0;
			eol = 0;
			if (csv_fini(&c->p, cb_field, cb_record, c) != 0)
				return csv_failf(c, c->row.lineno,
				    "truncated input (unterminated quoted field)");
			break;
		}
		c->lineno++;
		eol = line[len - 1] == '\n';
		body = len;
		crlf = 0;
		if (body > 0 && line[body - 1] == '\n') {
			body--;
			if (body > 0 && line[body - 1] == '\r') {
				body--;
				crlf = 1;
			}
		}
		if (what & SCAN_NONL) {
			what = SCAN_ODD;
			if (!c->inrec && !c->slow && body > 0 &&
			    (nf = scan_line(c, line, body, 0, &end, &crat,
			    &what)) == 0)
				return csv_failf(c, c->lineno, "out of memory");
		}
		/* \r\n after the body are ASCII: the body alone needs the check */
		if ((what & SCAN_ODD) &&
		    (bad = qp_utf8_check(line, len)) < len) {
			if (!eol && utf8_cut(line + bad, len - bad))
				return csv_failf(c, c->lineno, "truncated "
				    "input (UTF-8 sequence cut short)");
			return csv_failf(c, c->lineno, line[bad] == '\0' ?
			    "NUL byte: binary data, not text" :
			    "invalid UTF-8 (byte 0x%02x at column %zu)",
			    (unsigned char)line[bad], bad + 1);
		}
		if (!c->inrec) {
			if (body == 0)
				continue;	/* empty line */
			c->row.lineno = c->lineno;
			c->row.hash = line[0] == '#';
			if (!c->slow && !(what & SCAN_QUOTE)) {
				split_scanned(c, line, nf, body, crat < body);
				c->row.plain = 1;
				break;
			}
			c->row.plain = 0;
			c->row.verbatim = -1;
			if (!c->slow) {
				r = split_quoted(c, line, body);
				if (r == -1)
					return csv_failf(c, c->lineno,
					    "out of memory");
				if (r == 1)
					break;
			}
			if (!c->pinit) {
				if (csv_init(&c->p, CSV_STRICT |
				    CSV_STRICT_FINI) != 0)
					return csv_failf(c, c->lineno,
					    "out of memory");
				csv_set_space_func(&c->p, no_space);
				csv_set_term_func(&c->p, is_lf);
				csv_set_delim(&c->p, (unsigned char)c->delim);
				c->pinit = 1;
			}
			c->inrec = 1;
		}
		if (slow_feed(c, line, body) == -1)
			return -1;
		if (body < len) {
			/* A CRLF inside quotes is data; outside, a line end. */
			if (crlf && c->p.pstate == PS_FIELD_BEGUN && c->p.quoted)
				r = slow_feed(c, "\r\n", 2);
			else
				r = slow_feed(c, "\n", 1);
			if (r == -1)
				return -1;
		} else if (csv_fini(&c->p, cb_field, cb_record, c) != 0)
			return csv_failf(c, c->row.lineno,
			    "truncated input (unterminated quoted field)");
		if (c->recdone)
			break;
	}
	if (c->inrec && slow_row(c) == -1)
		return -1;
	c->row.eol = eol;
	c->recno++;
	c->row.recno = c->recno;
	c->row.f = c->f;
	*row = &c->row;
	return 1;
}

/* --- writing --------------------------------------------------------- */

static const unsigned char special[256] = {
	['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1
};

/* Whether any byte of w is c (the classic has-zero-byte test). */
#define HAS(w, c)	(((((w) ^ (c)) - LO) & ~((w) ^ (c)) & HI) != 0)
#define LO		0x0101010101010101ULL
#define HI		0x8080808080808080ULL

#ifdef __SSE2__
/*
 * Copy a field of at most 16 bytes as 16 (no call to memcpy, 16 times a
 * row): o has QP_SLACK bytes to spare, and s is read within its page.
 */
__attribute__((no_sanitize_address))
static inline void
copy16(char *o, const char *s)
{
	_mm_storeu_si128((__m128i *)o, _mm_loadu_si128((const __m128i *)s));
}

/*
 * Which of the 16 bytes at s are , " LF or CR, as bits.  The caller masks
 * off the bytes past its field, which this may read (within the page, so
 * never a fault; hence no address sanitizing here).
 */
__attribute__((no_sanitize_address))
static unsigned
specials16(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)s);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))), _mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')))));
}
#endif

/* Encoded length of a field: 0 extra when plain, else quotes and doubling. */
static size_t
enc_len(const struct qp_field *f, int *quote)
{
	const unsigned char *s = (const unsigned char *)f->s;
	const uint64_t comma = LO * ',', dq = LO * '"', nl = LO * '\n',
	    cr = LO * '\r';
	size_t i = 0, q = 0;
	uint64_t w;
	int need = f->len > 0 && s[0] == '#';

#ifdef __SSE2__
	/* A short field (most are) in one look, when 16 bytes from it stay
	 * in its page; the bytes past it are masked off. */
	if (f->len < 16 && ((uintptr_t)s & 4095) <= 4096 - 16 &&
	    (specials16(s) & ((1u << f->len) - 1)) == 0) {
		*quote = need;
		return need ? f->len + 2 : f->len;
	}
#endif
#ifdef __SSE2__
	/* Sixteen bytes at a time until one might be special. */
	{
		const __m128i vc = _mm_set1_epi8(','), vq = _mm_set1_epi8('"'),
		    vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r');

		while (i + 16 <= f->len) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vc),
			    _mm_cmpeq_epi8(v, vq)), _mm_or_si128(
			    _mm_cmpeq_epi8(v, vn), _mm_cmpeq_epi8(v, vr)));

			if (_mm_movemask_epi8(m) != 0)
				break;
			i += 16;
		}
	}
#endif
	/* Eight bytes at a time until one might be special. */
	while (i + 8 <= f->len) {
		memcpy(&w, s + i, 8);
		if (HAS(w, comma) || HAS(w, dq) || HAS(w, nl) || HAS(w, cr))
			break;
		i += 8;
	}
	for (; i < f->len; i++)
		if (special[s[i]]) {
			need = 1;
			q += s[i] == '"';
		}
	*quote = need;
	return need ? f->len + q + 2 : f->len;
}

static char *
enc_field(char *o, const struct qp_field *f, int quote)
{
	const char *s = f->s, *e = f->s + f->len, *q;

	if (!quote) {
		memcpy(o, s, f->len);
		return o + f->len;
	}
	*o++ = '"';
	while ((q = memchr(s, '"', (size_t)(e - s))) != NULL) {
		memcpy(o, s, (size_t)(q - s + 1));
		o += q - s + 1;
		*o++ = '"';
		s = q + 1;
	}
	memcpy(o, s, (size_t)(e - s));
	o += e - s;
	*o++ = '"';
	return o;
}

int
qp_csv_write(struct qp_sink *k, const struct qp_field *f, size_t n)
{
	return qp_csv_write_plain(k, f, n, 0);
}

int
qp_csv_plain(const char *s, size_t len)
{
	struct qp_field f;
	int quote;

	f.s = s;
	f.len = len;
	(void)enc_len(&f, &quote);
	return !quote;
}

int
qp_csv_formula(const char *s, size_t len)
{
	return len > 0 && strchr("=+-@\t\r", s[0]) != NULL;
}

int
qp_csv_write_excel(struct qp_sink *k, const struct qp_field *f, size_t n)
{
	struct qp_field fs[32], *g = fs;
	char *buf = NULL, *p;
	size_t i, extra = 0;
	int rc = -1;

	for (i = 0; i < n; i++)
		if (qp_csv_formula(f[i].s, f[i].len))
			extra += f[i].len + 2;
	if (extra == 0)
		return qp_csv_write(k, f, n);
	if ((n > 32 && (g = malloc(n * sizeof *g)) == NULL) ||
	    (p = buf = malloc(extra)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		g[i] = f[i];
		if (!qp_csv_formula(f[i].s, f[i].len))
			continue;
		/* '=1+2: the ' makes it text */
		g[i].s = p;
		g[i].len = f[i].len + 1;
		*p++ = '\'';
		memcpy(p, f[i].s, f[i].len);
		p += f[i].len;
		*p++ = '\0';
	}
	rc = qp_csv_write(k, g, n);
out:
	free(buf);
	if (g != fs)
		free(g);
	return rc;
}

int
qp_row_verbatim(const struct qp_row *r)
{
	const char *start, *end;
	size_t i;

	if (r->verbatim != 0)
		return r->verbatim > 0;	/* the reader knows */
	if (!r->plain || r->n == 0 || (r->n == 1 && r->f[0].len == 0))
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->f[i].len > 0 && r->f[i].s[0] == '#')
			return 0;
	/* a plain line has no comma, quote or LF inside a field; a CR may be */
	start = r->f[0].s;
	end = r->f[r->n - 1].s + r->f[r->n - 1].len;
	return memchr(start, '\r', (size_t)(end - start)) == NULL;
}

/*
 * Room for a row of total bytes: in the sink's block when it fits (no
 * copy), else in a buffer of its own; row_out() puts it in the sink.
 */
static char *
row_room(struct qp_sink *k, size_t total)
{
	return total <= QP_BLOCK ? qp_sink_reserve(k, total) :
	    malloc(total + QP_SLACK);
}

static int
row_out(struct qp_sink *k, char *buf, size_t total)
{
	int rc;

	if (total <= QP_BLOCK) {
		qp_sink_commit(k, total);
		return 0;
	}
	rc = qp_sink_write(k, buf, total);
	free(buf);
	return rc;
}

/*
 * A row of at most 64 fields, with its quoting as bits: the lengths summed
 * in one pass, only the fields not known plain looked at, then written.
 */
static int
write_short(struct qp_sink *k, const struct qp_field *f, size_t n,
    uint64_t plain)
{
	char *o, *buf;
	uint64_t quoted = 0, m;
	size_t i, total = n;	/* the commas and the newline */
	int q;

	for (i = 0; i < n; i++)
		total += f[i].len;
	m = ~plain & (n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1);
	for (; m != 0; m &= m - 1) {
		i = (size_t)__builtin_ctzll(m);
		total += enc_len(&f[i], &q) - f[i].len;
		quoted |= (uint64_t)q << i;
	}
	if ((o = buf = row_room(k, total)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
#ifdef __SSE2__
		if (!(quoted >> i & 1) && f[i].len <= 16 &&
		    ((uintptr_t)f[i].s & 4095) <= 4096 - 16) {
			copy16(o, f[i].s);
			o += f[i].len;
		} else
#endif
			o = enc_field(o, &f[i], (int)(quoted >> i & 1));
		*o++ = ',';
	}
	o[-1] = '\n';
	return row_out(k, buf, total);
}

int
qp_csv_write_plain(struct qp_sink *k, const struct qp_field *f, size_t n,
    uint64_t plain)
{
	char *o, *buf;
	int quotes[64], *qv = quotes, rc;
	size_t i, total = 1;

	if (n == 0)
		return -1;
	if (n == 1 && f[0].len == 0)
		return qp_sink_write(k, "\"\"\n", 3);
	if (n <= 64)
		return write_short(k, f, n, plain);
	if ((qv = malloc(n * sizeof *qv)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (i < 64 && (plain >> i & 1)) {
			qv[i] = 0;
			total += f[i].len + (i > 0);
		} else
			total += enc_len(&f[i], &qv[i]) + (i > 0);
	}
	if ((o = buf = row_room(k, total)) == NULL) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			*o++ = ',';
#ifdef __SSE2__
		if (!qv[i] && f[i].len <= 16 &&
		    ((uintptr_t)f[i].s & 4095) <= 4096 - 16) {
			copy16(o, f[i].s);
			o += f[i].len;
			continue;
		}
#endif
		o = enc_field(o, &f[i], qv[i]);
	}
	*o++ = '\n';
	rc = row_out(k, buf, total);
out:
	free(qv);
	return rc;
}

int
qp_csv_writev(struct qp_sink *k, const char *const *v, size_t n)
{
	struct qp_field fs[64], *f = fs;
	size_t i;
	int rc;

	if (n == 0 || (n > 64 && (f = malloc(n * sizeof *f)) == NULL))
		return -1;
	for (i = 0; i < n; i++) {
		f[i].s = v[i] ? v[i] : "";
		f[i].len = strlen(f[i].s);
	}
	rc = qp_csv_write(k, f, n);
	if (f != fs)
		free(f);
	return rc;
}

size_t
qp_csv_count(char *buf, unsigned long long v)
{
	char t[20], *p = t + sizeof t;
	size_t n;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	n = (size_t)(t + sizeof t - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

char *
qp_csv_rate(char *buf, unsigned long long a, unsigned long long b)
{
	unsigned __int128 n, q, r;
	size_t len;
	int k;

	if (b == 0) {
		buf[0] = '\0';
		return buf;
	}
	n = (unsigned __int128)a * 10000;
	q = n / b;		/* q / 10000 <= a: it fits when printed */
	r = n % b;
	if (r * 2 > b || (r * 2 == b && (q & 1)))
		q++;
	len = qp_csv_count(buf, (unsigned long long)(q / 10000));
	buf[len] = '.';
	for (r = q % 10000, k = 4; k > 0; k--, r /= 10)
		buf[len + (size_t)k] = (char)('0' + (int)(r % 10));
	buf[len + 5] = '\0';
	return buf;
}
