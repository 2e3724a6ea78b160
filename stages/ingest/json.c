/*
 * A streaming JSON tokenizer (RFC 8259) over a file descriptor.
 *
 * A stack of open containers and one expectation (value, key, colon,
 * comma-or-close) is the whole state; the buffer holds 64 KiB of input and
 * the current string.  Numbers are returned as text, checked for shape.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "json.h"

#define INBUF		65536
#define MAXDEPTH	512
#define MAXSTR		(64UL << 20)

enum want { W_VALUE, W_KEY_OR_END, W_KEY, W_COLON, W_COMMA_OR_END, W_DONE };

struct json {
	int			 fd;
	unsigned char		 in[INBUF];
	size_t			 pos, end;
	int			 eof;
	char			*s;
	size_t			 len, cap;
	char			 stack[MAXDEPTH];	/* '{' or '[' */
	int			 depth;
	enum want		 want;
	unsigned long long	 line;
	int			 failed;
	int			 discard;	/* strings checked, not kept */
	char			 err[160];
};

static enum json_tok
fail(struct json *j, const char *fmt, ...)
{
	va_list ap;

	if (!j->failed) {
		va_start(ap, fmt);
		vsnprintf(j->err, sizeof j->err, fmt, ap);
		va_end(ap);
		j->failed = 1;
	}
	return J_ERR;
}

struct json *
json_new(int fd)
{
	struct json *j;

	if ((j = calloc(1, sizeof *j)) == NULL)
		return NULL;
	j->fd = fd;
	j->line = 1;
	j->want = W_VALUE;
	return j;
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	free(j->s);
	free(j);
}

const char *
json_str(const struct json *j)
{
	return j->s ? j->s : "";
}

size_t
json_len(const struct json *j)
{
	return j->len;
}

int
json_depth(const struct json *j)
{
	return j->depth;
}

unsigned long long
json_line(const struct json *j)
{
	return j->line;
}

const char *
json_error(const struct json *j)
{
	return j->failed ? j->err : NULL;
}

/* The next byte, or -1 at the end (or on a read error, which is sticky). */
static int
peek(struct json *j)
{
	ssize_t r;

	if (j->pos < j->end)
		return j->in[j->pos];
	if (j->eof)
		return -1;
	do
		r = read(j->fd, j->in, sizeof j->in);
	while (r == -1 && errno == EINTR);
	if (r <= 0) {
		j->eof = 1;
		if (r < 0)
			fail(j, "read error: %s", strerror(errno));
		return -1;
	}
	j->pos = 0;
	j->end = (size_t)r;
	return j->in[0];
}

static int
get(struct json *j)
{
	int c = peek(j);

	if (c >= 0)
		j->pos++;
	if (c == '\n')
		j->line++;
	return c;
}

static inline int
put(struct json *j, const char *p, size_t n)
{
	if (j->discard) {
		/* Skipped: only its length, to refuse what put would. */
		if (j->len + n + 1 > MAXSTR)
			return -1;
		j->len += n;
		return 0;
	}
	if (__builtin_expect(j->len + n + 1 > j->cap, 0)) {
		size_t cap = j->cap ? j->cap * 2 : 256;
		char *s;

		while (cap < j->len + n + 1)
			cap *= 2;
		if (cap > MAXSTR || (s = realloc(j->s, cap)) == NULL)
			return -1;
		j->s = s;
		j->cap = cap;
	}
	memcpy(j->s + j->len, p, n);
	j->len += n;
	j->s[j->len] = '\0';
	return 0;
}

static int
put_cp(struct json *j, unsigned cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return put(j, b, n);
}

/* n hex digits into *v.  Returns 0 or -1. */
static int
hexn(struct json *j, unsigned *v, int n)
{
	int i, c;

	*v = 0;
	for (i = 0; i < n; i++) {
		c = get(j);
		if (c >= '0' && c <= '9')
			*v = *v << 4 | (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v = *v << 4 | (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v = *v << 4 | (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* A string after its opening quote. */
static int
string(struct json *j)
{
	unsigned cp, lo;
	int c;

	j->len = 0;
	if (put(j, "", 0) == -1)
		return fail(j, "out of memory");
	for (;;) {
		/* Copy a run of plain bytes at once. */
		size_t start = j->pos, n;

#ifdef __SSE2__
		/* Sixteen bytes at a time while none is '"', '\\' or below 0x20. */
		while (j->pos + 16 <= j->end) {
			__m128i v = _mm_loadu_si128((const __m128i *)(j->in +
			    j->pos));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
			    _mm_cmpeq_epi8(_mm_subs_epu8(_mm_set1_epi8(0x20), v),
			    _mm_setzero_si128()) ^ _mm_set1_epi8(-1)));

			if (m != 0) {
				j->pos += (size_t)__builtin_ctz(m);
				if (j->in[j->pos] != '"')
					break;
				/* Most strings: no escape, closed in the buffer. */
				n = j->pos - start;
				if (n > 0 && put(j, (char *)j->in + start, n) == -1)
					return fail(j, "string too long");
				j->pos++;
				return 0;
			}
			j->pos += 16;
		}
#endif
		while (j->pos < j->end && j->in[j->pos] != '"' &&
		    j->in[j->pos] != '\\' && j->in[j->pos] >= 0x20)
			j->pos++;
		n = j->pos - start;
		if (n > 0 && put(j, (char *)j->in + start, n) == -1)
			return fail(j, "string too long");
		if ((c = get(j)) == -1)
			return fail(j, "unterminated string");
		if (c == '"')
			return 0;
		if (c < 0x20)
			return fail(j, "control character in a string");
		if (c != '\\') {
			char ch = (char)c;

			if (put(j, &ch, 1) == -1)
				return fail(j, "string too long");
			continue;
		}
		switch (c = get(j)) {
		case '"': case '\\': case '/':
			cp = (unsigned)c;
			break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'x':
			/* Telegram Desktop's writer escapes other control
			 * characters (and DEL) as \xHH: not JSON, but its export. */
			if (hexn(j, &cp, 2) == -1)
				return fail(j, "bad \\x escape");
			if (cp == 0)
				cp = 0xfffd;
			break;
		case 'u':
			if (hexn(j, &cp, 4) == -1)
				return fail(j, "bad \\u escape");
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (peek(j) == '\\') {
					get(j);
					if (get(j) != 'u' || hexn(j, &lo, 4) == -1)
						return fail(j, "bad \\u escape");
					if (lo >= 0xdc00 && lo <= 0xdfff)
						cp = 0x10000 + ((cp - 0xd800) << 10) +
						    (lo - 0xdc00);
					else {
						if (put_cp(j, 0xfffd) == -1)
							return fail(j, "string too long");
						cp = lo >= 0xd800 && lo <= 0xdfff ?
						    0xfffd : lo;
					}
				} else
					cp = 0xfffd;
			} else if (cp >= 0xdc00 && cp <= 0xdfff)
				cp = 0xfffd;
			if (cp == 0)
				cp = 0xfffd;	/* no NUL in our strings */
			break;
		default:
			return fail(j, "bad escape in a string");
		}
		if (put_cp(j, cp) == -1)
			return fail(j, "string too long");
	}
}

static int
number(struct json *j, int first)
{
	char ch = (char)first;
	int c, digits = 0;

	j->len = 0;
	if (put(j, &ch, 1) == -1)
		return fail(j, "out of memory");
	digits += first >= '0' && first <= '9';
	while ((c = peek(j)) != -1 && ((c >= '0' && c <= '9') || c == '.' ||
	    c == 'e' || c == 'E' || c == '+' || c == '-')) {
		ch = (char)c;
		digits += c >= '0' && c <= '9';
		j->pos++;
		if (j->len > 64 || put(j, &ch, 1) == -1)
			return fail(j, "number too long");
	}
	return digits > 0 ? 0 : fail(j, "bad number");
}

static int
literal(struct json *j, const char *rest)
{
	for (; *rest; rest++)
		if (get(j) != *rest)
			return fail(j, "bad literal");
	return 0;
}

/*
 * After a value: what comes next depends on the container.  A comma right
 * after it (most of them) is taken now, saving the next call a round.
 */
static void
after_value(struct json *j)
{
	j->want = j->depth == 0 ? W_DONE : W_COMMA_OR_END;
	if (j->want == W_COMMA_OR_END && j->pos < j->end &&
	    j->in[j->pos] == ',') {
		j->pos++;
		j->want = j->stack[j->depth - 1] == '{' ? W_KEY : W_VALUE;
	}
}

enum json_tok
json_next(struct json *j)
{
	int c;

	if (j->failed)
		return J_ERR;
	if (j->line == 1 && j->pos == 0 && peek(j) == 0xef) {
		/* A UTF-8 byte order mark before the text. */
		get(j);
		if (get(j) != 0xbb || get(j) != 0xbf)
			return fail(j, "unexpected bytes at the start");
	}
	for (;;) {
		/* Indentation in the buffer at once (the exports are pretty). */
		while (j->pos < j->end && (j->in[j->pos] == ' ' ||
		    j->in[j->pos] == '\t'))
			j->pos++;
		do
			c = get(j);
		while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
		if (c == -1) {
			if (j->failed)
				return J_ERR;
			if (j->want == W_DONE)
				return J_EOF;
			return fail(j, "unexpected end of input");
		}
		switch (j->want) {
		case W_DONE:
			return fail(j, "data after the end");
		case W_COLON:
			if (c != ':')
				return fail(j, "expected ':'");
			j->want = W_VALUE;
			continue;
		case W_COMMA_OR_END:
			if (c == ',') {
				j->want = j->stack[j->depth - 1] == '{' ? W_KEY :
				    W_VALUE;
				continue;
			}
			/* FALLTHROUGH */
		case W_KEY_OR_END:
			if ((c == '}' || c == ']') && j->depth > 0) {
				if ((c == '}') != (j->stack[j->depth - 1] == '{'))
					return fail(j, "mismatched '%c'", c);
				j->depth--;
				after_value(j);
				return c == '}' ? J_END_OBJ : J_END_ARR;
			}
			if (j->want == W_COMMA_OR_END)
				return fail(j, "expected ',' or a closing bracket");
			/* FALLTHROUGH */
		case W_KEY:
			if (j->depth > 0 && j->stack[j->depth - 1] == '{') {
				if (c != '"')
					return fail(j, "expected a key");
				if (string(j) == -1)
					return J_ERR;
				j->want = W_COLON;
				if (j->pos < j->end && j->in[j->pos] == ':') {
					j->pos++;	/* "key": as written */
					j->want = W_VALUE;
				}
				return J_KEY;
			}
			if (c == ']' && j->want == W_KEY_OR_END)
				break;
			/* FALLTHROUGH */
		case W_VALUE:
			break;
		}
		switch (c) {
		case '{':
		case '[':
			if (j->depth == MAXDEPTH)
				return fail(j, "nested too deep");
			j->stack[j->depth++] = (char)c;
			j->want = c == '{' ? W_KEY_OR_END : W_KEY_OR_END;
			return c == '{' ? J_OBJ : J_ARR;
		case '"':
			if (string(j) == -1)
				return J_ERR;
			after_value(j);
			return J_STR;
		case 't':
			if (literal(j, "rue") == -1)
				return J_ERR;
			after_value(j);
			return J_TRUE;
		case 'f':
			if (literal(j, "alse") == -1)
				return J_ERR;
			after_value(j);
			return J_FALSE;
		case 'n':
			if (literal(j, "ull") == -1)
				return J_ERR;
			after_value(j);
			return J_NULL;
		default:
			if (c == '-' || (c >= '0' && c <= '9')) {
				if (number(j, c) == -1)
					return J_ERR;
				after_value(j);
				return J_NUM;
			}
			return fail(j, "unexpected character '%c'", c);
		}
	}
}

int
json_skip_next(struct json *j)
{
	int rc;

	j->discard = 1;
	rc = json_skip(j, json_next(j));
	j->discard = 0;
	return rc;
}

int
json_skip(struct json *j, enum json_tok t)
{
	int depth;
	enum json_tok k;

	if (t != J_OBJ && t != J_ARR)
		return t == J_ERR ? -1 : 0;
	depth = j->depth - 1;
	while (j->depth > depth)
		if ((k = json_next(j)) == J_ERR || k == J_EOF)
			return -1;
	return 0;
}

void
json_copy(const struct json *j, char *buf, size_t cap)
{
	/* As snprintf(buf, cap, "%s", json_str(j)), without its cost. */
	size_t n;

	if (cap == 0)
		return;
	/* Strings hold no NUL (\u0000 is read as U+FFFD): len is strlen. */
	n = j->len < cap - 1 ? j->len : cap - 1;
	if (j->s == NULL)
		n = 0;
	if (n > 0)
		memcpy(buf, j->s, n);
	buf[n] = '\0';
}

int
json_scalar(struct json *j, char *buf, size_t cap)
{
	enum json_tok k = json_next(j);

	if (k == J_STR || k == J_NUM) {
		json_copy(j, buf, cap);
		return 0;
	}
	if (k == J_TRUE || k == J_FALSE) {	/* Discord's isBot */
		snprintf(buf, cap, "%s", k == J_TRUE ? "true" : "false");
		return 0;
	}
	return json_skip(j, k);
}
