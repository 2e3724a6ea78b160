/*
 * The frame around qp-ingest's parsers: inputs (files, folders, archives,
 * standard input), their encoding, the choice of parser, and the events
 * table they write.
 *
 * A folder or archive is first listed and planned as a tree (tree.c): the
 * formats' bundle detectors say which folders are one export and what each
 * file in them is; then its files are read in the input's own order, a
 * bundle's chat files kept until its last and read as one export.  An
 * input named on the command line that yields no chat is an error, said
 * with what it held instead.
 *
 * Every input ends up as a seekable UTF-8 byte source: a regular UTF-8
 * file is read in place; anything else (standard input, an archive member,
 * UTF-16 or GB18030 text) is first copied, decoded, into an unlinked
 * temporary file, so parsers may read twice in bounded memory and nothing
 * is left on disk.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <sodium.h>
#include <archive_entry.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_io.h"
#include "qp_hash.h"
#include "qp_stream.h"
#include "qp_time.h"

#define LINEBUF		(256 * 1024)
#define MAXLINE		(16UL << 20)
#define SHOW_BAD	5

static const char *const kind_names[ING_NKINDS] = {
	"message", "join", "leave", "remove", "rename", "system", "custom"
};

static const size_t kind_lens[ING_NKINDS] = { 7, 4, 5, 6, 6, 6, 6 };

/*
 * qp_hash_partsn() of a message's group id, time, user id and text: the
 * same bytes hashed, with the common sizes copied inline rather than by
 * four calls of memcpy.
 */
static uint64_t
msg_hash(const char *const *parts, const size_t *lens)
{
	char key[512], *k = key;

	if (lens[0] != QP_HASH_HEX || lens[2] != QP_HASH_HEX ||
	    3 * QP_HASH_HEX + QP_ISO_LEN + 3 + lens[3] > sizeof key)
		return qp_hash_partsn(parts, lens, 4);
	memcpy(k, parts[0], QP_HASH_HEX);
	k[QP_HASH_HEX] = '\x1f';
	k += QP_HASH_HEX + 1;
	memcpy(k, parts[1], QP_ISO_LEN);
	k[QP_ISO_LEN] = '\x1f';
	k += QP_ISO_LEN + 1;
	memcpy(k, parts[2], QP_HASH_HEX);
	k[QP_HASH_HEX] = '\x1f';
	k += QP_HASH_HEX + 1;
	memcpy(k, parts[3], lens[3]);
	return qp_hash(key, (size_t)(k - key) + lens[3]);
}

/* A row's field i: s, its length, and plain when empty (no quotes). */
static inline void
field(struct qp_field *f, const char *s, int i, uint64_t *plain)
{
	f->s = s;
	if (*s == '\0') {
		f->len = 0;
		*plain |= (uint64_t)1 << i;
	} else
		f->len = strlen(s);
}

/* Field i known: s, its length, and whether it needs no quotes. */
static inline void
known(struct qp_field *f, const char *s, size_t len, int i, int isplain,
    uint64_t *plain)
{
	f->s = s;
	f->len = len;
	*plain |= (uint64_t)(isplain != 0) << i;
}

/* --- text sources ---------------------------------------------------- */

struct ing_text {
	char			*name;
	int			 fd;
	char			*buf;
	size_t			 cap, pos, end;
	size_t			 valid;	/* buf[pos..valid) is UTF-8 without NULs */
	int			 eof, failed, raw;
	int			 mem;	/* buf holds the whole file, read once */
	size_t			 valid0;	/* and its UTF-8 prefix, if known */
	unsigned long long	 lineno, replaced;
};

/* n bytes of fd from off into buf: how many there were (short at its end). */
static size_t
pread_all(int fd, char *buf, size_t n, off_t off)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = pread(fd, buf + got, n - got, off + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

static struct ing_text *
text_new(const char *name, int fd)
{
	struct ing_text *x;

	if ((x = calloc(1, sizeof *x)) == NULL ||
	    (x->name = strdup(name)) == NULL ||
	    (x->buf = malloc(LINEBUF + 1)) == NULL) {
		if (x != NULL)
			free(x->name);
		free(x);
		return NULL;
	}
	x->cap = LINEBUF;
	x->fd = fd;
	return x;
}

static void
text_free(struct ing_text *x)
{
	if (x == NULL)
		return;
	if (x->fd != -1)
		close(x->fd);
	free(x->buf);
	free(x->name);
	free(x);
}

const char *
ing_name(const struct ing_text *x)
{
	return x->name;
}

unsigned long long
ing_lineno(const struct ing_text *x)
{
	return x->lineno;
}

int
ing_fd(struct ing_text *x)
{
	lseek(x->fd, 0, SEEK_SET);
	return x->fd;
}

void
ing_set_raw(struct ing_text *x, int raw)
{
	x->raw = raw;
}

void
ing_set_line(struct ing_text *x, unsigned long long line)
{
	x->lineno = line;
}

int
ing_rewind(struct ing_text *x)
{
	if (lseek(x->fd, 0, SEEK_SET) == -1)
		return -1;
	if (x->mem) {
		/* Lines read were cut in place: their ends read again. */
		if (pread_all(x->fd, x->buf, x->pos, 0) != x->pos)
			return -1;
		x->pos = 0;
		x->valid = x->valid0;
		x->failed = x->raw = 0;
		x->lineno = 0;
		x->replaced = 0;
		return 0;
	}
	x->pos = x->end = x->valid = 0;
	x->eof = x->failed = x->raw = 0;
	x->lineno = 0;
	x->replaced = 0;
	return 0;
}

/*
 * Whether the line ending at nl (its newline), which starts at or after
 * the text read last, is known UTF-8.  The lines up to the last newline
 * read are checked at once, far cheaper than line by line: a newline
 * always ends a character, so any line within the valid part is valid.
 */
static int
checked(struct ing_text *x, const char *nl)
{
	const char *last, *from;

	if ((size_t)(nl - x->buf) < x->valid)
		return 1;
	from = x->buf + (x->valid > x->pos ? x->valid : x->pos);
	if ((last = memrchr(from, '\n', x->end - (size_t)(from - x->buf))) ==
	    NULL)
		return 0;
	x->valid = (size_t)(from - x->buf) + qp_utf8_check(from,
	    (size_t)(last + 1 - from));
	return (size_t)(nl - x->buf) < x->valid;
}

/* Replace bytes that are not UTF-8 (and NULs) with U+FFFD, in place or grown. */
static size_t
fix_utf8(struct ing_text *x, char **line, size_t len)
{
	static char *out;
	static size_t outcap;
	const unsigned char *p = (const unsigned char *)*line;
	size_t i = 0, n = 0, k, j;
	int bad = 0;

	if ((i = qp_utf8_check(p, len)) == len)
		return len;
	if (outcap < len * 3 + 1) {
		char *o = realloc(out, len * 3 + 1);

		if (o == NULL)
			return len;
		out = o;
		outcap = len * 3 + 1;
	}
	memcpy(out, p, i);
	n = i;
	while (i < len) {
		unsigned char b = p[i];
		unsigned cp;

		if (b < 0x80 && b != 0) {
			out[n++] = (char)b;
			i++;
			continue;
		}
		k = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 && b <= 0xef ? 2 :
		    b >= 0xc2 && b <= 0xdf ? 1 : 0;
		cp = b & (k == 3 ? 0x07 : k == 2 ? 0x0f : 0x1f);
		for (j = 1; k > 0 && j <= k; j++) {
			if (i + j >= len || (p[i + j] & 0xc0) != 0x80)
				break;
			cp = cp << 6 | (p[i + j] & 0x3f);
		}
		if (k == 0 || j <= k || (k == 2 && cp < 0x800) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff)) {
			memcpy(out + n, "\xef\xbf\xbd", 3);
			n += 3;
			i++;
			bad++;
			continue;
		}
		memcpy(out + n, p + i, k + 1);
		n += k + 1;
		i += k + 1;
	}
	out[n] = '\0';
	x->replaced += (unsigned long long)bad;
	*line = out;
	return n;
}

int
ing_line(struct ing_text *x, char **line, size_t *len)
{
	char *nl;
	size_t scan = x->pos;
	ssize_t r;

	if (x->failed)
		return -1;
	for (;;) {
		nl = memchr(x->buf + scan, '\n', x->end - scan);
		if (nl != NULL || (x->eof && x->pos < x->end)) {
			size_t n = nl ? (size_t)(nl - (x->buf + x->pos)) :
			    x->end - x->pos;
			int utf8 = !x->raw && nl != NULL && checked(x, nl);

			*line = x->buf + x->pos;
			x->pos += n + (nl != NULL);
			if (n > 0 && (*line)[n - 1] == '\r')
				n--;
			(*line)[n] = '\0';
			if (x->lineno == 0 && n >= 3 &&
			    memcmp(*line, "\xef\xbb\xbf", 3) == 0) {
				*line += 3;
				n -= 3;
			}
			x->lineno++;
			*len = x->raw || utf8 ? n : fix_utf8(x, line, n);
			return 1;
		}
		if (x->eof)
			return 0;
		if (x->pos > 0) {
			memmove(x->buf, x->buf + x->pos, x->end - x->pos);
			x->end -= x->pos;
			x->valid = x->valid > x->pos ? x->valid - x->pos : 0;
			x->pos = 0;
		}
		scan = x->end;
		if (x->end == x->cap) {
			char *nb;

			if (x->cap >= MAXLINE) {
				/* Cut an endless line rather than grow without bound. */
				x->buf[x->end] = '\n';
				x->end++;
				continue;
			}
			if ((nb = realloc(x->buf, x->cap * 2 + 1)) == NULL) {
				x->failed = 1;
				return -1;
			}
			x->buf = nb;
			x->cap *= 2;
		}
		do
			r = read(x->fd, x->buf + x->end, x->cap - x->end);
		while (r == -1 && errno == EINTR);
		if (r < 0) {
			x->failed = 1;
			return -1;
		}
		if (r == 0)
			x->eof = 1;
		x->end += (size_t)r;
	}
}

struct qp_csv *
ing_csv(struct ing_text *x)
{
	struct qp_src *s;
	struct qp_csv *c;

	if (lseek(x->fd, 0, SEEK_SET) == -1 ||
	    (s = qp_src_open_fd(x->fd, x->name)) == NULL)
		return NULL;
	if ((c = qp_csv_new(s)) == NULL)
		qp_src_close(s);
	return c;
}

int
ing_offset(const struct ing *g, long long lt, long long t)
{
	long long d = lt - t;

	if (d % 60 == 0 && d >= -18 * 3600 && d <= 18 * 3600)
		return (int)d;
	return qp_tz_offset(g->tz, t);
}

/* Length of an invisible mark (LRM, RLM, embeddings, NBSP, BOM) at p, or 0. */
static size_t
mark_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f ||
	    (u[2] >= 0xaa && u[2] <= 0xaf)))
		return 3;
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;	/* ideographic space */
	return 0;
}

char *
ing_trim(char *s, const char *quotes)
{
	char *e;
	size_t n;

	for (;;) {
		if (*s == ' ' || *s == '\t' || (*s != '\0' && quotes &&
		    strchr(quotes, *s)))
			s++;
		else if ((n = mark_len(s)) > 0)
			s += n;
		else if (quotes && (strncmp(s, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x9d", 3) == 0))
			s += 3;		/* curly quotes */
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || (quotes &&
		    strchr(quotes, e[-1]))))
			e--;
		else if (e - s >= 3 && (mark_len(e - 3) == 3 || (quotes &&
		    (strncmp(e - 3, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(e - 3, "\xe2\x80\x9d", 3) == 0))))
			e -= 3;
		else if (e - s >= 2 && mark_len(e - 2) == 2)
			e -= 2;
		else
			break;
	}
	*e = '\0';
	return s;
}

int
ing_each(char *s, const char *const *seps, int (*fn)(void *, const char *),
    void *arg)
{
	char *next, *best, *t;
	size_t i, bl = 0;

	for (;;) {
		best = NULL;
		for (i = 0; seps[i] != NULL; i++)
			if ((next = strstr(s, seps[i])) != NULL &&
			    (best == NULL || next < best)) {
				best = next;
				bl = strlen(seps[i]);
			}
		if (best != NULL)
			*best = '\0';
		t = ing_trim(s, "\"");
		if (*t != '\0' && fn(arg, t) == -1)
			return -1;
		if (best == NULL)
			return 0;
		s = best + bl;
	}
}

int
ing_match(const char *pat, const char *text, char *a, char *b, size_t cap)
{
	const char *p = pat, *t = text, *lit, *hit;
	char which, litbuf[256];
	size_t n;

	*a = *b = '\0';
	while (*p != '\0') {
		if (*p != '%') {
			lit = strchr(p, '%');
			n = lit ? (size_t)(lit - p) : strlen(p);
			if (strncmp(p, t, n) != 0)
				return 0;
			p += n;
			t += n;
			continue;
		}
		which = p[1];
		p += 2;
		lit = strchr(p, '%');
		n = lit ? (size_t)(lit - p) : strlen(p);
		if (n >= sizeof litbuf)
			return 0;
		memcpy(litbuf, p, n);
		litbuf[n] = '\0';
		if (n == 0)
			hit = t + strlen(t);
		else if ((hit = strstr(t, litbuf)) == NULL)
			return 0;
		if (hit == t)
			return 0;
		if (which == 'a' || which == 'b') {
			char *dst = which == 'a' ? a : b;
			size_t len = (size_t)(hit - t);

			if (len >= cap)
				len = cap - 1;
			memcpy(dst, t, len);
			dst[len] = '\0';
		}
		t = hit;
	}
	return *t == '\0';
}

int
ing_buf_add(struct ing_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 512;
		char *t;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((t = realloc(b->s, cap)) == NULL)
			return -1;
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

const char *
ing_buf_str(const struct ing_buf *b)
{
	return b->len ? b->s : "";
}

void
ing_buf_free(struct ing_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

/* --- names to ids ---------------------------------------------------- */

struct ing_names {
	char		**key, **val;
	size_t		 cap, n;
};

struct ing_names *
ing_names_new(void)
{
	return calloc(1, sizeof(struct ing_names));
}

static size_t
names_slot(const struct ing_names *m, const char *name)
{
	size_t i = (size_t)qp_hash(name, strlen(name)) & (m->cap - 1);

	while (m->key[i] != NULL && strcmp(m->key[i], name) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
ing_names_put(struct ing_names *m, const char *name, const char *id)
{
	size_t i;
	char *v;

	if (*name == '\0' || *id == '\0')
		return 0;
	if ((m->n + 1) * 2 > m->cap) {
		struct ing_names big;
		size_t j;

		big.cap = m->cap ? m->cap * 2 : 256;
		big.n = m->n;
		if ((big.key = calloc(big.cap, sizeof *big.key)) == NULL ||
		    (big.val = calloc(big.cap, sizeof *big.val)) == NULL) {
			free(big.key);
			return -1;
		}
		for (j = 0; j < m->cap; j++)
			if (m->key[j] != NULL) {
				i = names_slot(&big, m->key[j]);
				big.key[i] = m->key[j];
				big.val[i] = m->val[j];
			}
		free(m->key);
		free(m->val);
		*m = big;
	}
	i = names_slot(m, name);
	if (m->key[i] != NULL && strcmp(m->val[i], id) == 0)
		return 0;
	if ((v = strdup(id)) == NULL)
		return -1;
	if (m->key[i] == NULL) {
		if ((m->key[i] = strdup(name)) == NULL) {
			free(v);
			return -1;
		}
		m->n++;
	} else
		free(m->val[i]);
	m->val[i] = v;
	return 0;
}

const char *
ing_names_get(const struct ing_names *m, const char *name)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = names_slot(m, name);
	return m->key[i] ? m->val[i] : NULL;
}

void
ing_names_free(struct ing_names *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++) {
		free(m->key[i]);
		free(m->val[i]);
	}
	free(m->key);
	free(m->val);
	free(m);
}

/* --- the context ----------------------------------------------------- */

static const char *const columns[] = {
	"ts", "platform", "group_id", "group", "user_id", "user", "kind",
	"actor", "via", "msg_id", "reply_to", "media", "text", "name", "src",
	"mentions"
};

void
ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz)
{
	memset(g, 0, sizeof *g);
	g->out = out;
	g->tz = tz;
	g->platform = "";
	g->platplain = 1;
	g->tday = LLONG_MIN;	/* no cached date yet */
}

int
ing_start(struct ing *g)
{
	if (qp_out_tablev(g->out, "events", 1, columns,
	    sizeof columns / sizeof *columns) == -1)
		return -1;
	return 0;
}

void
ing_note(struct ing *g, struct ing_text *x, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	if (g->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	qp_warn("%s: %s", x->name, msg);
}

void
ing_fail(struct ing *g, struct ing_text *x, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	(void)g;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Line 0: nothing read yet (an empty file), no line to name. */
	if (x->lineno > 0)
		qp_warn("%s:%llu: %s", x->name, x->lineno, msg);
	else
		qp_warn("%s: %s", x->name, msg);
}

int
ing_all_chats(const struct ing *g)
{
	return g->all_chats;
}

int
ing_out_failed(const struct ing *g)
{
	return qp_out_error(g->out) != NULL;
}

const struct qp_tz *
ing_tz(const struct ing *g)
{
	return g->tz;
}

void
ing_platform(struct ing *g, const char *platform)
{
	g->platform = platform;
	g->platlen = strlen(platform);
	g->platplain = qp_csv_plain(platform, g->platlen);
}

void
ing_attachment(struct ing *g)
{
	g->cur.attachments++;
}

static const char *
hash_id(char *buf, const char *platform, const char *name)
{
	const char *parts[2];

	parts[0] = platform;
	parts[1] = name;
	qp_hash_hex(buf, qp_hash_parts(parts, 2));
	return buf;
}

/*
 * hash_id() of a member's name, remembered: a chat's few hundred names
 * come back on every message.
 */
static const char *
user_hash(struct ing *g, char *buf, const char *name, size_t *lenp,
    int *plain, struct ing_uid **slot)
{
	uint64_t h = 0, w;
	struct ing_uid *u;
	size_t len = strlen(name), n;

	/* Only to pick a slot: the length and up to 16 bytes, first and last. */
	n = len < 8 ? len : 8;
	memcpy(&h, name, n);
	if (len > 8) {
		w = 0;
		n = len - 8 < 8 ? len - 8 : 8;
		memcpy(&w, name + len - n, n);
		h ^= w * 0x9e3779b97f4a7c15ULL;
	}
	h = (h ^ len) * 0xff51afd7ed558ccdULL;
	*lenp = len;
	*slot = NULL;
	u = &g->uids[h >> 56];
	if (len < sizeof u->name && memcmp(u->name, name, len + 1) == 0 &&
	    *u->plat != '\0' && g->platlen < sizeof u->plat &&
	    memcmp(u->plat, g->platform, g->platlen + 1) == 0) {
		*plain = u->plain;
		*slot = u;
		return u->id;
	}
	hash_id(buf, g->platform, name);
	*plain = qp_csv_plain(name, len);
	if (len < sizeof u->name && g->platlen < sizeof u->plat) {
		memcpy(u->name, name, len + 1);
		memcpy(u->id, buf, sizeof u->id);
		memcpy(u->plat, g->platform, g->platlen + 1);
		u->plain = (unsigned char)*plain;
		u->learnt[0] = '\0';
		*slot = u;
	}
	return buf;
}

/*
 * An unreadable line of input name: counted, the first few shown (line 0:
 * no line).  Returns 0, or -1 under --strict, which also fails the run.
 */
static int
bad_line(struct ing *g, const char *name, unsigned long long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
bad_line(struct ing *g, const char *name, unsigned long long line,
    const char *fmt, ...)
{
	va_list ap;
	char why[256];

	g->cur.bad++;
	if (g->cur.bad <= SHOW_BAD || g->strict) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
		if (line > 0)
			qp_warn("%s:%llu: %s", name, line, why);
		else
			qp_warn("%s: %s", name, why);
		if (g->cur.bad == SHOW_BAD && !g->strict)
			qp_warn("%s: further unreadable lines are counted, not "
			    "shown", name);
	}
	if (g->strict)
		g->failed = 1;
	return g->strict ? -1 : 0;
}

/*
 * Stray dates.  Chats happened between 1970 and 2100; a time outside is a
 * corrupt field (a Unix time of 0, a year 9998).  Inside, a row dated
 * years away both from the row written before it and from the row after
 * it is one too.  Only rows that jump are held back (copied), so rows
 * that follow their predecessor cost nothing more, and a new stretch of
 * dates (a group revived years later) is read, as its rows agree with
 * each other.  Rows are compared within a run of one group (a Telegram
 * account export holds many chats, each of its own years).  A run's first
 * rows have no predecessor: of two that disagree, the one the third
 * agrees with is kept.
 */
#define STRAY		(5 * 36525LL * 864)	/* five years, in seconds */

static int
far(long long a, long long b)
{
	return a - b > STRAY || b - a > STRAY;
}

static int
put_row(struct ing *g, long long t, enum ing_kind kind,
    const struct qp_field *f, uint64_t plain)
{
	g->cur.kinds[kind]++;
	g->prev_t = t;
	g->have_prev = 1;
	return qp_out_row_plain(g->out, f, ING_NROW, plain);
}

static int
put_held(struct ing *g, int i)
{
	struct ing_held *h = &g->held[i];

	return put_row(g, h->t, h->kind, h->f, h->plain);
}

static int
hold_row(struct ing *g, long long t, enum ing_kind kind,
    const struct qp_field *f, uint64_t plain, unsigned long long line)
{
	struct ing_held *h = &g->held[g->nheld];
	size_t need = 0, i;
	char *p;

	for (i = 0; i < ING_NROW; i++)
		need += f[i].len + 1;
	if (need > h->cap) {
		if ((p = realloc(h->buf, need)) == NULL) {
			qp_warn("out of memory");
			return -1;
		}
		h->buf = p;
		h->cap = need;
	}
	for (i = 0, p = h->buf; i < ING_NROW; i++) {
		memcpy(p, f[i].s, f[i].len);
		p[f[i].len] = '\0';
		h->f[i].s = p;
		h->f[i].len = f[i].len;
		p += f[i].len + 1;
	}
	h->t = t;
	h->kind = kind;
	h->plain = plain;
	h->line = line;
	g->nheld++;
	return 0;
}

static int
drop_held(struct ing *g, int i)
{
	return bad_line(g, g->curname, g->held[i].line, "dated %.10s, years "
	    "away from the lines around it; skipped", g->held[i].f[0].s);
}

/* Held row 1 becomes row 0. */
static void
shift_held(struct ing *g)
{
	struct ing_held t = g->held[0];

	g->held[0] = g->held[1];
	g->held[1] = t;
	g->nheld--;
}

/* Write a row, or hold it, or settle the rows held: the rule above. */
static int
admit(struct ing *g, long long t, enum ing_kind kind,
    const struct qp_field *f, uint64_t plain, unsigned long long line)
{
	int rc = 0;

	if (g->nheld == 0) {
		if (g->have_prev && !far(g->prev_t, t))
			return put_row(g, t, kind, f, plain);
		return hold_row(g, t, kind, f, plain, line);
	}
	if (g->have_prev || g->nheld == 1) {
		/* One held: far from the row before it, or the first. */
		if (!far(g->held[0].t, t)) {
			g->nheld = 0;
			if (put_held(g, 0) == -1)
				return -1;
			return put_row(g, t, kind, f, plain);
		}
		if (!g->have_prev)
			return hold_row(g, t, kind, f, plain, line);
		g->nheld = 0;
		if (drop_held(g, 0) == -1)
			return -1;
		return admit(g, t, kind, f, plain, line);
	}
	/* The first two rows disagree: keep the one this row agrees with. */
	if (!far(g->held[1].t, t) || !far(g->held[0].t, t)) {
		int keep = !far(g->held[1].t, t);

		g->nheld = 0;
		if (drop_held(g, !keep) == -1 || put_held(g, keep) == -1)
			return -1;
		return put_row(g, t, kind, f, plain);
	}
	rc = drop_held(g, 0);
	shift_held(g);
	if (rc == -1)
		return -1;
	return hold_row(g, t, kind, f, plain, line);
}

/* The end of a run of rows: settle the rows held. */
static int
run_end(struct ing *g)
{
	int rc = 0, i, n = g->nheld;

	g->nheld = 0;
	for (i = 0; i < n && rc == 0; i++)
		rc = g->have_prev ? drop_held(g, i) : put_held(g, i);
	g->have_prev = 0;
	return rc;
}

int
ing_input_end(struct ing *g)
{
	int rc = run_end(g);

	g->prev_gid.len = 0;
	g->curx = NULL;
	return rc;
}

const char *
ing_user_id(const struct ing *g, char *buf, size_t cap, const char *id)
{
	return g->keylen > 0 ? ing_pseudonym(g, buf, cap, "", &id, 1) : id;
}

/*
 * A 接龙 (a list that members sign one after another, each posting it
 * with their line added) starts with #接龙 in every client that has one.
 */
static int
jielong(const char *t)
{
	if (t == NULL)
		return 0;
	while (*t == ' ' || *t == '\n')
		t++;
	if (*t == '#')
		t++;
	return *t == '\xe6' &&
	    strncmp(t, "\xe6\x8e\xa5\xe9\xbe\x99", 6) == 0;	/* 接龙 */
}

int
ing_emit(struct ing *g, const struct ing_event *e)
{
	char ts[QP_ISO_LEN + 1], gid[QP_HASH_HEX + 1], uid[QP_HASH_HEX + 1];
	char aid[QP_HASH_HEX + 1], mid[QP_HASH_HEX + 1], rid[QP_HASH_HEX + 1];
	const char *v[ING_NROW], *parts[4], *mentions = "";
	size_t tlen = e->text == NULL ? 0 : e->tlen > 0 ? e->tlen :
	    strlen(e->text), lens[4];
	unsigned long long line = e->line > 0 ? e->line : g->curx != NULL ?
	    ing_lineno(g->curx) : 0;
	/* Lengths and CSV plainness known on the way, for the row's fields. */
	size_t glen = 0, ulen = 0, idlen = 0;
	int gknown = 0, uknown = 0, gplain = 0, uplain = 0;
	struct ing_uid *uslot = NULL;	/* v[5] -> v[4], cached */
	const char *uidp = NULL, *gname = e->group ? e->group : "";
	const char *uname = e->user ? e->user : "";

	if (!qp_time_plausible(e->t)) {
		qp_time_format(ts, e->t, e->off);
		return bad_line(g, g->curname, line, e->t == 0 ?
		    "dated Unix time 0 (1970-01-01T00:00:00Z), a missing date; "
		    "skipped" : "dated %.10s, outside 1970-2099; skipped", ts);
	}
	/* Most rows share the previous row's local date: reuse its text. */
	{
		long long lt = e->t + e->off - (e->off % 60), day = lt >= 0 ?
		    lt / 86400 : (lt - 86399) / 86400;

		if (day == g->tday && e->off - e->off % 60 == g->toff &&
		    qp_time_in_range(e->t)) {
			int sec = (int)(lt - day * 86400), hh = sec / 3600,
			    mm = sec / 60 - hh * 60, ss = sec % 60;

			memcpy(ts, g->tbuf, sizeof ts);
			ts[11] = (char)('0' + hh / 10);
			ts[12] = (char)('0' + hh % 10);
			ts[14] = (char)('0' + mm / 10);
			ts[15] = (char)('0' + mm % 10);
			ts[17] = (char)('0' + ss / 10);
			ts[18] = (char)('0' + ss % 10);
		} else {
			qp_time_format(ts, e->t, e->off);
			memcpy(g->tbuf, ts, sizeof ts);
			g->tday = day;
			g->toff = e->off - e->off % 60;
		}
	}
	v[0] = ts;
	v[1] = g->platform;
	v[3] = e->group ? e->group : "";
	v[5] = e->user ? e->user : "";
	if (e->group_id)
		v[2] = e->group_id;
	else {
		/* Hashed ids repeat from row to row: remember the last. */
		if (strcmp(g->hgroup, v[3]) != 0 || strcmp(g->hgplat, g->platform)) {
			snprintf(g->hgroup, sizeof g->hgroup, "%s", v[3]);
			snprintf(g->hgplat, sizeof g->hgplat, "%s", g->platform);
			hash_id(g->hgid, g->platform, v[3]);
			g->hglen = strlen(v[3]);
			g->hgplain = qp_csv_plain(v[3], g->hglen);
		}
		v[2] = g->hgid;
		glen = g->hglen;
		gplain = g->hgplain;
		gknown = 1;
	}
	(void)gid;
	if (e->user_id)
		v[4] = e->user_id;
	else if (*v[5]) {
		v[4] = uidp = user_hash(g, uid, v[5], &ulen, &uplain, &uslot);
		idlen = QP_HASH_HEX;
		uknown = 1;
	} else
		v[4] = "";
	v[6] = kind_names[e->kind];
	v[7] = e->actor_id ? e->actor_id : e->actor && *e->actor ?
	    hash_id(aid, g->platform, e->actor) : "";
	v[8] = e->via ? e->via : "";
	/* Names to ids across inputs, for --events (cheap: runs of one name). */
	if (*v[5] != '\0' && *v[4] != '\0' && g->everyone != NULL &&
	    strcmp(g->last_user, v[5]) != 0) {
		char pid[320];
		size_t pl = strlen(g->platform), il = strlen(v[4]);
		size_t ul = strlen(v[5]);

		if (ul < sizeof g->last_user) {
			memcpy(g->last_user, v[5], ul + 1);
			if (pl + il + 2 <= sizeof pid) {
				memcpy(pid, g->platform, pl);
				pid[pl] = '\x1f';
				memcpy(pid + pl + 1, v[4], il + 1);
				if (ing_names_put(g->everyone, v[5], pid) == -1)
					return -1;
			}
		}
	}
	/* Names to ids within the group, for @name (mentions.c). */
	if (uslot != NULL && v[2] == g->hgid &&
	    memcmp(uslot->learnt, g->hgid, sizeof uslot->learnt) == 0)
		;	/* learnt in this group before: learning again changes nothing */
	else if (*v[4] != '\0' && *v[5] != '\0') {
		if (ing_mention_learn(g, v[2], gknown ? QP_HASH_HEX :
		    strlen(v[2]), v[5], uknown ? ulen : strlen(v[5]), v[4],
		    uknown ? idlen : strlen(v[4])) == -1)
			return -1;
		if (uslot != NULL && v[2] == g->hgid)
			memcpy(uslot->learnt, g->hgid, sizeof uslot->learnt);
	}
	if (e->kind == ING_MESSAGE && (mentions = ing_mention_list(g, v[2],
	    v[4], e->mentions_all ? NULL : e->text, e->mentions)) == NULL)
		return -1;
	if (g->keylen > 0) {
		/* Stable for one key: the same person gets the same pseudonym;
		 * groups get labels 群 N (ingest/pseudo.c). */
		static char pu[40], pn[40], pa[40], pg[40], pl[40];
		const char *one[2];

		one[0] = g->platform;
		one[1] = v[2];
		v[3] = ing_group_label(g, pl, sizeof pl, v[2], v[3]);
		v[2] = ing_pseudonym(g, pg, sizeof pg, "", one, 2);
		if (*v[4] != '\0')
			v[4] = ing_pseudonym(g, pu, sizeof pu, "", &v[4], 1);
		if (*v[5] != '\0')
			v[5] = ing_pseudonym(g, pn, sizeof pn, "member-", &v[5], 1);
		if (*v[7] != '\0')
			v[7] = ing_pseudonym(g, pa, sizeof pa, "", &v[7], 1);
	}
	/* Under --pseudonymize, system lines' text goes: it names people.
	 * A custom event's text is a payment's amount: it stays. */
	v[12] = (g->no_text || (g->keylen > 0 && e->kind != ING_MESSAGE)) &&
	    e->kind != ING_CUSTOM ? "" : e->text ? e->text : "";
	if (e->msg_id)
		v[9] = e->msg_id;
	else {
		static char pm[40];

		parts[0] = v[2];
		parts[1] = ts;
		parts[2] = v[4];
		parts[3] = e->text ? e->text : "";
		/* Keyed under --pseudonymize: a guessed text cannot be
		 * confirmed without the key. */
		if (g->keylen > 0)
			v[9] = ing_pseudonym(g, pm, sizeof pm, "", parts, 4);
		else {
			lens[0] = v[2] == g->hgid ? QP_HASH_HEX : strlen(v[2]);
			lens[1] = QP_ISO_LEN;
			lens[2] = v[4] == uid || (uknown && v[4] == uidp) ?
			    QP_HASH_HEX : strlen(v[4]);
			lens[3] = tlen;
			qp_hash_hex(mid, msg_hash(parts, lens));
			v[9] = mid;
		}
	}
	if (g->roles != NULL && *v[4] != '\0' && ing_role(g, v[2], v[4],
	    e->user ? e->user : "", e->group ? e->group : "", e->role) == -1)
		return -1;
	v[10] = e->reply_to ? e->reply_to : "";
	if (e->reply_to == NULL && e->reply_user_id != NULL) {
		/* The msg_id the quoted message got, as above. */
		static char pr[40], pq[40];
		char rts[QP_ISO_LEN + 1];

		qp_time_format(rts, e->reply_t, e->off);
		parts[0] = v[2];
		parts[1] = rts;
		parts[2] = ing_user_id(g, pq, sizeof pq, e->reply_user_id);
		parts[3] = e->reply_text ? e->reply_text : "";
		if (g->keylen > 0)
			v[10] = ing_pseudonym(g, pr, sizeof pr, "", parts, 4);
		else {
			qp_hash_hex(rid, qp_hash_parts(parts, 4));
			v[10] = rid;
		}
	}
	v[11] = e->media ? e->media : e->kind == ING_MESSAGE ? "text" : "";
	if (e->kind == ING_MESSAGE && strcmp(v[11], "text") == 0 &&
	    jielong(e->text))
		v[11] = "jielong";
	v[13] = e->name ? e->name : "";
	v[14] = g->src;
	v[15] = mentions;
	{
		struct qp_field f[ING_NROW];
		uint64_t plain = 1 | 1u << 6 | 1u << 14; /* time, kind, src */
		int i;

		/*
		 * Lengths known without strlen, and which fields need no
		 * quotes: the time, hashed ids, kinds, the src, empty fields,
		 * and the group's and sender's names as first seen.
		 */
		f[0].s = ts;
		f[0].len = QP_ISO_LEN;
		f[1].s = v[1];
		f[1].len = g->platlen;
		plain |= (uint64_t)g->platplain << 1;
		if (v[2] == g->hgid)
			known(&f[2], v[2], QP_HASH_HEX, 2, 1, &plain);
		else
			field(&f[2], v[2], 2, &plain);
		if (gknown && v[3] == gname)
			known(&f[3], v[3], glen, 3, gplain, &plain);
		else
			field(&f[3], v[3], 3, &plain);
		if (v[4] == uid || (uknown && v[4] == uidp))
			known(&f[4], v[4], QP_HASH_HEX, 4, 1, &plain);
		else
			field(&f[4], v[4], 4, &plain);
		if (uknown && v[5] == uname)
			known(&f[5], v[5], ulen, 5, uplain, &plain);
		else
			field(&f[5], v[5], 5, &plain);
		f[6].s = v[6];
		f[6].len = kind_lens[e->kind];
		for (i = 7; i <= 15; i++)
			if (i == 9 && v[9] == mid)
				known(&f[9], v[9], QP_HASH_HEX, 9, 1, &plain);
			else if (i == 12 && v[12] == e->text)
				known(&f[12], v[12], tlen, 12, 0, &plain);
			else if (i == 14) {
				f[14].s = v[14];
				f[14].len = strlen(v[14]);
			} else
				field(&f[i], v[i], i, &plain);
		if (f[2].len != g->prev_gid.len ||
		    memcmp(f[2].s, ing_buf_str(&g->prev_gid), f[2].len) != 0) {
			/* Another group: another run. */
			if (run_end(g) == -1)
				return -1;
			g->prev_gid.len = 0;
			if (ing_buf_add(&g->prev_gid, f[2].s, f[2].len) == -1) {
				qp_warn("out of memory");
				return -1;
			}
		}
		return admit(g, e->t, e->kind, f, plain, line);
	}
}

int
ing_bad(struct ing *g, struct ing_text *x, const char *fmt, ...)
{
	va_list ap;
	char why[256];

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return bad_line(g, x->name, x->lineno, "%s", why);
}

/* --- inputs ---------------------------------------------------------- */

/* An unlinked temporary file: gone when closed, whatever happens. */
int
ing_spool(void)
{
	return qp_tmpfd("qp-ingest");
}

/* Which encoding: "UTF-8", "UTF-16LE", "UTF-16BE" or "GB18030". */
static const char *
guess_encoding(const unsigned char *p, size_t n)
{
	size_t i = 0, k, j, bad = 0, hi = 0;

	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return "UTF-16LE";
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return "UTF-16BE";
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		hi++;
		k = p[i] >= 0xf0 && p[i] <= 0xf4 ? 3 : p[i] >= 0xe0 &&
		    p[i] <= 0xef ? 2 : p[i] >= 0xc2 && p[i] <= 0xdf ? 1 : 0;
		if (i + k >= n) {
			i = n;		/* cut at the sample's end */
			break;
		}
		for (j = 1; j <= k && k > 0; j++)
			if ((p[i + j] & 0xc0) != 0x80)
				break;
		if (k == 0 || j <= k) {
			bad++;
			i++;
		} else
			i += k + 1;
	}
	/* Mostly broken sequences: a legacy Chinese encoding, not stray bytes. */
	if (bad > 0 && bad * 4 >= hi)
		return "GB18030";
	return "UTF-8";
}

/* Decode fd (from its start) into a new spool fd; returns it or -1. */
static int
transcode(int fd, const char *from, const char *name)
{
	char in[65536], out[65536 * 4], *ip, *op;
	size_t il = 0, ol;
	iconv_t cd;
	ssize_t r;
	int sp, first = 1;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		qp_warn("%s: cannot decode %s: %s", name, from, strerror(errno));
		return -1;
	}
	if ((sp = ing_spool()) == -1) {
		iconv_close(cd);
		qp_warn("%s: temporary file: %s", name, strerror(errno));
		return -1;
	}
	for (;;) {
		r = read(fd, in + il, sizeof in - il);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		il += (size_t)r;
		ip = in;
		if (first && il >= 2 && strncmp(from, "UTF-16", 6) == 0) {
			ip += 2;	/* the byte order mark */
			il -= 2;
		}
		first = 0;
		while (il > 0) {
			op = out;
			ol = sizeof out;
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
				if (errno == EILSEQ) {
					/* Replace the byte and go on. */
					memcpy(op, "\xef\xbf\xbd", 3);
					op += 3;
					ip++;
					il--;
				} else if (errno == EINVAL && r > 0) {
					if (qp_write_all(sp, out, (size_t)(op - out)))
						goto fail;
					break;	/* need more input */
				} else if (errno != E2BIG && !(errno == EINVAL && r == 0))
					goto fail;
				else if (errno == EINVAL) {
					il = 0;	/* cut sequence at the end */
				}
			}
			if (qp_write_all(sp, out, (size_t)(op - out)))
				goto fail;
			if (errno == EINVAL && r > 0 && il > 0)
				break;
		}
		memmove(in, ip, il);
		if (r == 0)
			break;
	}
	iconv_close(cd);
	lseek(sp, 0, SEEK_SET);
	return sp;
fail:
	qp_warn("%s: decoding %s: %s", name, from, strerror(errno));
	iconv_close(cd);
	close(sp);
	return -1;
}

struct ing_text *
ing_text_open(const char *path)
{
	unsigned char head[8192];
	struct ing_text *x;
	struct stat st;
	const char *enc;
	ssize_t n;
	int fd, dfd;

	fd = strcmp(path, "-") == 0 ? fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) :
	    open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		/* A pipe (<(zcat x.gz)): copy it, to read it twice. */
		if ((dfd = ing_spool()) == -1) {
			qp_warn("%s: temporary file: %s", path, strerror(errno));
			close(fd);
			return NULL;
		}
		while ((n = read(fd, head, sizeof head)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0 || qp_write_all(dfd, head, (size_t)n) == -1) {
				qp_warn("%s: %s", path, strerror(errno));
				close(fd);
				close(dfd);
				return NULL;
			}
		}
		close(fd);
		fd = dfd;
		lseek(fd, 0, SEEK_SET);
	}
	if ((n = read(fd, head, sizeof head)) < 0)
		n = 0;
	enc = n >= 2 && head[0] == 0x1f && head[1] == 0x8b ? "gzip" :
	    guess_encoding(head, (size_t)n);
	/*
	 * A table's first lines may be ASCII alone (English headers, ids):
	 * look at the whole file, from a character's start in each piece.
	 */
	while (strcmp(enc, "UTF-8") == 0 && (n = read(fd, head,
	    sizeof head)) > 0) {
		ssize_t i = 0;

		while (i < 3 && i < n && (head[i] & 0xc0) == 0x80)
			i++;
		enc = guess_encoding(head + i, (size_t)(n - i));
		if (strncmp(enc, "UTF-16", 6) == 0)
			enc = "UTF-8";	/* a BOM counts at the start only */
	}
	if (strcmp(enc, "gzip") == 0)
		enc = "UTF-8";		/* UTF-8 inside, as qp_src reads it */
	lseek(fd, 0, SEEK_SET);
	if (strcmp(enc, "UTF-8") != 0) {
		dfd = transcode(fd, enc, path);
		close(fd);
		if ((fd = dfd) == -1)
			return NULL;
	}
	if ((x = text_new(path, fd)) == NULL) {
		close(fd);
		qp_warn("out of memory");
	}
	return x;
}

void
ing_text_close(struct ing_text *x)
{
	text_free(x);
}

static int
seen_before(struct ing *g, unsigned long long h)
{
	size_t i;
	unsigned long long *s;

	for (i = 0; i < g->nseen; i++)
		if (g->seen[i] == h)
			return 1;
	if ((s = realloc(g->seen, (g->nseen + 1) * sizeof *s)) != NULL) {
		g->seen = s;
		g->seen[g->nseen++] = h;
	}
	return 0;
}

void
ing_add_source(struct ing *g, const char *input, const char *format)
{
	struct ing_source *v, *x;

	if ((v = realloc(g->sources, (g->nsources + 1) * sizeof *v)) == NULL)
		return;		/* the table is a convenience; the events are whole */
	g->sources = v;
	x = &v[g->nsources];
	memcpy(x->src, g->src, sizeof x->src);
	x->st = g->cur;
	if ((x->input = strdup(input)) == NULL ||
	    (x->format = strdup(format)) == NULL) {
		free(x->input);
		return;
	}
	g->nsources++;
}

int
ing_write_sources(struct ing *g)
{
	static const char *const cols[] = {
		"src", "input", "format", "messages", "joins", "leaves",
		"removals", "other", "unreadable"
	};
	char n[6][24], pin[40];
	const char *v[9];
	size_t i;
	int k;

	if (qp_out_tablev(g->out, "sources", 1, cols, 9) == -1)
		return -1;
	for (i = 0; i < g->nsources; i++) {
		const struct ing_stats *c = &g->sources[i].st;
		unsigned long long x[6];

		x[0] = c->kinds[ING_MESSAGE];
		x[1] = c->kinds[ING_JOIN];
		x[2] = c->kinds[ING_LEAVE];
		x[3] = c->kinds[ING_REMOVE];
		x[4] = c->kinds[ING_SYSTEM] + c->kinds[ING_RENAME] +
		    c->kinds[ING_CUSTOM];
		x[5] = c->bad;
		v[0] = g->sources[i].src;
		v[1] = g->sources[i].input;
		if (g->keylen > 0)
			v[1] = ing_pseudonym(g, pin, sizeof pin, "input-", &v[1], 1);
		v[2] = g->sources[i].format;
		for (k = 0; k < 6; k++) {
			snprintf(n[k], sizeof n[k], "%llu", x[k]);
			v[3 + k] = n[k];
		}
		if (qp_out_rowv(g->out, v, 9) == -1)
			return -1;
	}
	return 0;
}

static void
summary(struct ing *g, const char *name, const char *format)
{
	struct ing_stats *c = &g->cur;

	(void)ing_input_end(g);		/* under --strict, g->failed tells */
	ing_add_source(g, name, format);
	g->total.bad += c->bad;
	if (!g->quiet)
		qp_warn("%s: %s, %llu messages, %llu joins, %llu leaves, "
		    "%llu removals, %llu system, %llu unreadable lines%s", name,
		    format, c->kinds[ING_MESSAGE], c->kinds[ING_JOIN],
		    c->kinds[ING_LEAVE], c->kinds[ING_REMOVE],
		    c->kinds[ING_SYSTEM] + c->kinds[ING_RENAME], c->bad,
		    c->attachments ? " (media files counted, not read)" : "");
	if (c->replaced && !g->quiet)
		qp_warn("%s: %llu invalid UTF-8 bytes replaced by U+FFFD", name,
		    c->replaced);
}

/* Add fd's bytes (from its start) to a hash.  0, or -1 on a read error. */
static int
hash_fd(struct qp_hasher *hs, int fd)
{
	static char buf[1 << 16];
	ssize_t r;

	lseek(fd, 0, SEEK_SET);
	while ((r = read(fd, buf, sizeof buf)) > 0)
		qp_hasher_add(hs, buf, (size_t)r);
	lseek(fd, 0, SEEK_SET);
	return r < 0 ? -1 : 0;
}

/*
 * Set g->src to h, the hash of an export's bytes, so that the same export
 * is one src wherever it comes from.  Returns 0, or 1 when the same bytes
 * were read before (skip them).
 */
static int
set_src(struct ing *g, unsigned long long h, const char *name)
{
	char src[QP_HASH_HEX + 1];

	if (seen_before(g, h)) {
		if (!g->quiet)
			qp_warn("%s: same bytes as an earlier input; skipped",
			    name);
		g->found.dups++;
		return 1;
	}
	qp_hash_hex(src, h);
	memcpy(g->src, src, 12);
	g->src[12] = '\0';
	return 0;
}

/* src of one file: 0, 1 when read before, -1 on a read error. */
static int
src_id(struct ing *g, int fd, const char *name)
{
	struct qp_hasher *hs;

	if ((hs = qp_hasher_new()) == NULL) {
		qp_warn("out of memory");
		return -1;
	}
	if (hash_fd(hs, fd) == -1) {
		qp_warn("%s: read error: %s", name, strerror(errno));
		(void)qp_hasher_end(hs);
		return -1;
	}
	return set_src(g, qp_hasher_end(hs), name);
}

/*
 * The text of the input open on fd (owned from here on): read in place
 * when it is UTF-8, else decoded into a spool.  head gets its first bytes
 * (*hn of them) for format detection.  NULL when it cannot be (said).
 */
static struct ing_text *
text_open(int fd, const char *name, char *head, size_t cap, size_t *hn,
    char *mem, size_t mlen)
{
	struct ing_text *x;
	const char *enc;
	ssize_t n;
	int dfd;

	lseek(fd, 0, SEEK_SET);
	if (mem != NULL) {
		n = (ssize_t)(mlen < cap ? mlen : cap);
		memcpy(head, mem, (size_t)n);
	} else if ((n = read(fd, head, cap)) < 0)
		n = 0;
	enc = guess_encoding((unsigned char *)head, (size_t)n);
	if (strcmp(enc, "UTF-8") != 0) {
		free(mem);
		mem = NULL;
		lseek(fd, 0, SEEK_SET);
		dfd = transcode(fd, enc, name);
		close(fd);
		if (dfd == -1)
			return NULL;
		fd = dfd;
		if ((n = read(fd, head, cap)) < 0)
			n = 0;
	}
	lseek(fd, 0, SEEK_SET);
	*hn = (size_t)n;
	if ((x = text_new(name, fd)) == NULL) {
		free(mem);
		close(fd);
		qp_warn("out of memory");
	} else if (mem != NULL) {
		/* Lines from memory: read to its end already. */
		free(x->buf);
		x->buf = mem;
		x->cap = x->end = mlen;
		x->eof = x->mem = 1;
	}
	return x;
}

/*
 * A regular file shorter than the longest line, whole, with a byte to
 * spare for the NUL ending its last line: read once to be hashed and
 * parsed, instead of read again for each.  NULL for any other (read as
 * it comes), and when it is not the size fstat said (changing under us).
 */
static char *
slurp(int fd, size_t *lenp)
{
	struct stat st;
	size_t n;
	char *p, extra;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size >= MAXLINE)
		return NULL;
	n = (size_t)st.st_size;
	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	if (pread_all(fd, p, n, 0) != n || pread_all(fd, &extra, 1,
	    (off_t)n) != 0) {
		free(p);
		return NULL;
	}
	*lenp = n;
	return p;
}

/* What the export just read gave, for "no chat export found". */
static void
found_source(struct ing *g, const struct ing_format *f)
{
	unsigned long long n = 0;
	int k;

	for (k = 0; k < ING_NKINDS; k++)
		n += g->cur.kinds[k];
	if (n > 0)
		g->found.chats++;
	else {
		g->found.empty++;
		g->found.bad += g->cur.bad;
		g->found.empty_format = f->name;
	}
}

/* After the parser of x: a read error, the summary, the source row. */
static int
read_done(struct ing *g, struct ing_text *x, const char *name,
    const struct ing_format *f, int rc)
{
	g->cur.replaced += x->replaced;
	if (rc == 0 && x->failed) {
		qp_warn("%s: read error: %s", x->name, strerror(errno));
		rc = g->strict ? -1 : 0;
	}
	if (name != NULL) {
		summary(g, name, *g->platform ? g->platform : f->name);
		found_source(g, f);
	}
	return rc;
}

/*
 * Parse one seekable file, as format f (NULL: --format's, else the one
 * its first bytes say).  fd is owned from here on; attach: media files of
 * its bundle.  Returns 0, or -1 on a fatal error (output, --strict).
 */
static int
parse_fd(struct ing *g, int fd, const char *name, int depth,
    const struct ing_format *f, unsigned long long attach,
    struct ing_file *lf)
{
	char head[8192], *mem;
	const struct ing_format *c;
	struct ing_text *x;
	size_t n, mlen = 0, valid = 0;
	uint64_t h = 0;
	int best = 0, s, rc;

	if (lf != NULL) {
		/* Loaded ahead (ahead.c); its bytes are ours now. */
		mem = lf->mem;
		mlen = lf->len;
		h = lf->hash;
		valid = lf->valid;
	} else if ((mem = slurp(fd, &mlen)) != NULL)
		h = qp_hash(mem, mlen);
	switch (mem != NULL ? set_src(g, h, name) : src_id(g, fd, name)) {
	case -1:
		close(fd);
		return g->strict ? -1 : 0;
	case 1:
		free(mem);
		close(fd);
		return 0;
	}
	if ((x = text_open(fd, name, head, sizeof head, &n, mem, mlen)) == NULL)
		return g->strict ? -1 : 0;
	if (x->mem)
		x->valid = x->valid0 = valid;
	if (f == NULL && (f = g->format) == NULL)
		for (c = ing_formats; c->name != NULL; c++)
			if (c->sniff != NULL &&
			    (s = c->sniff(name, head, n)) > best) {
				best = s;
				f = c;
			}
	if (f == NULL || f->parse == NULL) {
		text_free(x);
		g->total.unknown++;
		if (depth == 0) {
			/* The input says what it held. */
			g->found.named_unknown = n > 0;
			return 0;
		}
		if (n == 0)
			g->found.blank++;
		else
			g->found.unknown++;
		qp_warn("%s: %s; skipped", name, n == 0 ? "empty" :
		    "not a chat export qp-ingest knows (--format names one)");
		return g->strict ? -1 : 0;
	}
	memset(&g->cur, 0, sizeof g->cur);
	g->cur.attachments = attach;
	g->curname = x->name;
	g->curx = x;
	rc = read_done(g, x, name, f, f->parse(g, x));
	text_free(x);
	return rc;
}

int
ing_side_file(struct ing *g, const char *path,
    int (*fn)(struct ing *, struct ing_text *))
{
	struct ing_text *x;
	int rc;

	/* as an export: a pipe (<(...)) spooled, the whole file's encoding */
	if ((x = ing_text_open(path)) == NULL)
		return -1;
	rc = fn(g, x);
	text_free(x);
	return rc;
}

/* Whether the first bytes are an archive or a compressed file. */
static int
is_archive(const unsigned char *p, size_t n)
{
	return (n >= 4 && memcmp(p, "PK\3\4", 4) == 0) ||
	    (n >= 4 && memcmp(p, "PK\5\6", 4) == 0) ||
	    (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) ||
	    (n >= 6 && memcmp(p, "\xfd" "7zXZ\0", 6) == 0) ||
	    (n >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0) ||
	    (n >= 3 && memcmp(p, "BZh", 3) == 0) ||
	    (n >= 6 && memcmp(p, "7z\xbc\xaf\x27\x1c", 6) == 0) ||
	    (n >= 262 && memcmp(p + 257, "ustar", 5) == 0);
}

static int
has_suffix(const char *s, const char *const *sfx)
{
	size_t n = strlen(s), k;

	for (; *sfx != NULL; sfx++) {
		k = strlen(*sfx);
		if (n >= k && strcasecmp(s + n - k, *sfx) == 0)
			return 1;
	}
	return 0;
}

static const char *const media_sfx[] = {
	".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp4", ".mov",
	".3gp", ".mp3", ".m4a", ".opus", ".ogg", ".aac", ".wav", ".pdf",
	".vcf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".webm",
	NULL
};

int
ing_media_name(const char *name)
{
	return has_suffix(name, media_sfx);
}

static int dispatch(struct ing *g, int fd, const char *name, int depth,
		    struct ing_file *lf);

/* A file of a walked folder, never a link, FIFO or device: fd or -1. */
static int
open_regular(const char *path)
{
	struct stat st;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;	/* replaced since it was listed */
		return -1;
	}
	return fd;
}

/*
 * A file of a folder that visit() opens and reads as an input of its
 * own: not a bundle's, not a media file.
 */
static int
plain_file(const struct ing_tree *t, long k)
{
	const struct ing_ent *e = &t->e[k];
	const char *base;

	if (e->type != 'f' || (e->bundle != -1 && e->role != ING_NOT))
		return 0;
	base = strrchr(e->path, '/');
	base = base ? base + 1 : e->path;
	return !has_suffix(base, media_sfx);
}

void
ing_file_load(const char *path, struct ing_file *f)
{
	const char *nl;

	f->mem = NULL;
	f->len = f->valid = 0;
	f->hash = 0;
	f->err = 0;
	if ((f->fd = open_regular(path)) == -1) {
		f->err = errno;
		return;
	}
	if ((f->mem = slurp(f->fd, &f->len)) == NULL)
		return;
	f->hash = qp_hash(f->mem, f->len);
	/* What ing_line() would check at its first line, found here. */
	if ((nl = memrchr(f->mem, '\n', f->len)) != NULL)
		f->valid = qp_utf8_check(f->mem, (size_t)(nl + 1 - f->mem));
}

void
ing_file_drop(struct ing_file *f)
{
	if (f->fd != -1)
		close(f->fd);
	free(f->mem);
	f->fd = -1;
	f->mem = NULL;
}

/* The name of entry k as the user sees it: dir/path or archive!path. */
static void
ent_name(char *buf, size_t cap, const struct ing_tree *t, long k)
{
	if (k < 0)
		snprintf(buf, cap, "%s", t->name);
	else
		snprintf(buf, cap, "%s%c%s", t->name, t->sep, t->e[k].path);
}

/* Chat file k of a bundle as a file of its own (owned by the caller), or -1. */
static int
member_fd(const struct ing_tree *t, const struct ing_ent *e, const char *name)
{
	char buf[65536], path[8192];
	unsigned long long off = e->off, left = e->len;
	ssize_t r;
	int fd;

	if (t->sep == '/') {
		snprintf(path, sizeof path, "%s/%s", t->name, e->path);
		if ((fd = open_regular(path)) == -1)
			qp_warn("%s: %s", name, strerror(errno));
		return fd;
	}
	if ((fd = ing_spool()) == -1) {
		qp_warn("%s: temporary file: %s", name, strerror(errno));
		return -1;
	}
	while (left > 0) {
		r = pread(t->b[e->bundle].pack, buf, left < sizeof buf ?
		    (size_t)left : sizeof buf, (off_t)off);
		if (r <= 0 || qp_write_all(fd, buf, (size_t)r) == -1) {
			qp_warn("%s: temporary file: %s", name, r < 0 ?
			    strerror(errno) : "short read");
			close(fd);
			return -1;
		}
		off += (unsigned long long)r;
		left -= (unsigned long long)r;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static int
cmp_chat(const void *x, const void *y)
{
	const struct ing_ent *a = *(const struct ing_ent *const *)x;
	const struct ing_ent *b = *(const struct ing_ent *const *)y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strverscmp(a->path, b->path);	/* messages2 before messages10 */
}

/*
 * The chat files of bundle b, in order, as one export: one src from their
 * names and bytes, one source row named after the bundle (or its only
 * chat file).
 */
static int
read_chat(struct ing *g, struct ing_tree *t, long b, int depth)
{
	const struct ing_bund *bu = &t->b[b];
	const struct ing_format *f = bu->f;
	struct ing_ent **v;
	struct ing_text *x;
	struct qp_hasher *hs;
	char root[4096], name[8192], head[8192];
	size_t i, nv = 0, plen;
	void *state = NULL;
	int rc = 0, fd;

	if ((v = calloc(bu->nchat, sizeof *v)) == NULL) {
		qp_warn("out of memory");
		return -1;
	}
	for (i = 0; i < t->n; i++)
		if (t->e[i].bundle == b && t->e[i].role == ING_CHAT)
			v[nv++] = &t->e[i];
	qsort(v, nv, sizeof *v, cmp_chat);
	ent_name(root, sizeof root, t, bu->root);
	plen = bu->root < 0 ? 0 : strlen(t->e[bu->root].path) + 1;
	if (nv == 1 && f->bundle->read == NULL) {
		const struct ing_ent *e = v[0];

		free(v);
		ent_name(name, sizeof name, t, e - t->e);
		if ((fd = member_fd(t, e, name)) == -1)
			return g->strict ? -1 : 0;
		return parse_fd(g, fd, name, depth, f, bu->nattach, NULL);
	}
	/* The src: the format, then each chat file's path and bytes. */
	if ((hs = qp_hasher_new()) == NULL) {
		free(v);
		qp_warn("out of memory");
		return -1;
	}
	qp_hasher_add(hs, f->name, strlen(f->name) + 1);
	for (i = 0; i < nv; i++) {
		ent_name(name, sizeof name, t, v[i] - t->e);
		qp_hasher_add(hs, v[i]->path + plen, strlen(v[i]->path + plen) + 1);
		if ((fd = member_fd(t, v[i], name)) == -1)
			continue;
		if (hash_fd(hs, fd) == -1)
			qp_warn("%s: read error: %s", name, strerror(errno));
		close(fd);
	}
	if (set_src(g, qp_hasher_end(hs), root) == 1) {
		free(v);
		return 0;
	}
	memset(&g->cur, 0, sizeof g->cur);
	g->cur.attachments = bu->nattach;
	for (i = 0; i < nv && rc == 0; i++) {
		size_t hn;

		ent_name(name, sizeof name, t, v[i] - t->e);
		if ((fd = member_fd(t, v[i], name)) == -1 ||
		    (x = text_open(fd, name, head, sizeof head, &hn, NULL, 0)) == NULL) {
			g->cur.bad++;
			rc = g->strict ? -1 : 0;
			continue;
		}
		g->curname = x->name;
		g->curx = x;
		rc = read_done(g, x, NULL, f, f->bundle->read ?
		    f->bundle->read(g, x, v[i]->path + plen, &state) :
		    f->parse(g, x));
		/* Rows held for their dates are settled while x names them. */
		if (ing_input_end(g) == -1 && rc == 0)
			rc = -1;
		g->curname = root;
		text_free(x);
		/* A file it could not read: counted, and on to the next. */
		if (rc == -1 && !g->strict && !ing_out_failed(g)) {
			g->cur.bad++;
			rc = 0;
		}
	}
	if (f->bundle->read != NULL)
		(void)f->bundle->read(g, NULL, NULL, &state);
	summary(g, root, *g->platform ? g->platform : f->name);
	found_source(g, f);
	free(v);
	return rc;
}

/* Whether a chat file of bundle b names the file at e (by its base name). */
static int
named(const struct ing_tree *t, long b, const struct ing_ent *e)
{
	const char *base = strrchr(e->path, '/'), *hit, *p;
	struct stat st;
	size_t i, n;
	char *map;
	int fd, yes = 0;

	base = base ? base + 1 : e->path;
	n = strlen(base);
	for (i = 0; i < t->n && !yes; i++) {
		if (t->e[i].bundle != b || t->e[i].role != ING_CHAT)
			continue;
		if ((fd = member_fd(t, &t->e[i], t->e[i].path)) == -1)
			continue;
		if (fstat(fd, &st) == 0 && st.st_size > 0 && (map = mmap(NULL,
		    (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) !=
		    MAP_FAILED) {
			/* A whole name: not the tail of a longer one. */
			for (p = map; !yes && (hit = memmem(p, (size_t)st.st_size -
			    (size_t)(p - map), base, n)) != NULL; p = hit + 1)
				yes = hit == map || strchr(" \t\n:<>\xa0\x8e",
				    hit[-1]) != NULL;
			munmap(map, (size_t)st.st_size);
		}
		close(fd);
	}
	return yes;
}

/*
 * Read bundle b of t as one export: its chat files in order, one src from
 * their names and bytes, one source row named after the bundle (or its
 * only chat file).  Then the files it might have named but did not, each
 * on its own.
 */
static int
read_bundle(struct ing *g, struct ing_tree *t, long b, int depth)
{
	struct ing_bund *bu = &t->b[b];
	char name[8192];
	size_t i;
	int rc, fd;

	for (i = 0; i < t->n; i++)
		if (t->e[i].bundle == b && t->e[i].role == ING_NAMED &&
		    named(t, b, &t->e[i])) {
			t->e[i].role = ING_ATTACH;
			bu->nattach++;
		}
	g->found.media += bu->nattach;
	rc = bu->nchat > 0 ? read_chat(g, t, b, depth) : 0;
	for (i = 0; rc == 0 && i < t->n; i++) {
		if (t->e[i].bundle != b || t->e[i].role != ING_NAMED)
			continue;
		ent_name(name, sizeof name, t, (long)i);
		if ((fd = member_fd(t, &t->e[i], name)) == -1)
			rc = g->strict ? -1 : 0;
		else
			rc = dispatch(g, fd, name, depth, NULL);
	}
	if (bu->pack != -1) {
		close(bu->pack);	/* read: a download of many chats needs no more fds */
		bu->pack = -1;
	}
	return rc;
}

/* Copy the archive's current member into fd; 0, or -1 (said). */
static int
copy_member(struct ing *g, struct archive *a, int fd, const char *name,
    unsigned long long *size)
{
	char buf[65536];
	la_ssize_t r;

	*size = 0;
	while ((r = archive_read_data(a, buf, sizeof buf)) > 0) {
		*size += (unsigned long long)r;
		if (*size > g->max_member) {
			qp_warn("%s: expands past --max-member-size "
			    "(%llu bytes); refused", name, g->max_member);
			g->found.refused++;
			return -1;
		}
		if (qp_write_all(fd, buf, (size_t)r) == -1) {
			qp_warn("%s: temporary file: %s", name, strerror(errno));
			return -2;
		}
	}
	if (r < 0) {
		qp_warn("%s: %s", name, archive_error_string(a));
		return -1;
	}
	return 0;
}

/*
 * Entry k of t, met in the input's order (a: the archive positioned at
 * it, NULL on disk): a loose file is read, a bundle's chat file kept
 * until the bundle's last.
 */
static int
visit(struct ing *g, struct ing_tree *t, long k, struct archive *a, int depth,
    unsigned long long *media, struct ing_ahead *ahead)
{
	struct ing_file lf;
	struct ing_ent *e = &t->e[k];
	struct ing_bund *bu;
	unsigned long long size;
	char name[8192];
	const char *base;
	int fd, r;

	ent_name(name, sizeof name, t, k);
	if (e->type == 'o') {
		g->found.other++;
		qp_warn("%s: %s", name, e->what == 'l' ?
		    "a symbolic link; not followed" : e->what == 'p' ?
		    "a FIFO; skipped" : "neither a file nor a folder; skipped");
		return 0;
	}
	if (e->type != 'f')
		return 0;
	if (e->bundle != -1 && e->role != ING_NOT) {
		bu = &t->b[e->bundle];
		if (e->role != ING_CHAT && e->role != ING_NAMED)
			return 0;
		if (a != NULL) {
			if (bu->pack == -1 && (bu->pack = ing_spool()) == -1) {
				qp_warn("%s: temporary file: %s", name,
				    strerror(errno));
				return -1;
			}
			e->off = bu->packlen;
			lseek(bu->pack, (off_t)bu->packlen, SEEK_SET);
			r = copy_member(g, a, bu->pack, name, &size);
			if (r == -2)
				return -1;
			if (r == -1) {
				/* Read without it: a chat file cut short. */
				if (e->role == ING_CHAT)
					bu->nchat--;
				e->role = ING_SKIP;
				size = 0;
				if (g->strict)
					return -1;
			}
			e->len = size;
			bu->packlen += size;
		}
		if (k != bu->last)
			return 0;
		return read_bundle(g, t, e->bundle, depth);
	}
	base = strrchr(e->path, '/');
	base = base ? base + 1 : e->path;
	if (has_suffix(base, media_sfx)) {
		(*media)++;
		g->found.media++;
		return 0;
	}
	if (a == NULL) {
		if (ing_ahead_take(ahead, k, &lf)) {
			if ((fd = lf.fd) == -1) {
				qp_warn("%s: %s", name, strerror(lf.err));
				return g->strict ? -1 : 0;
			}
			return dispatch(g, fd, name, depth, &lf);
		}
		if ((fd = open_regular(name)) == -1) {
			qp_warn("%s: %s", name, strerror(errno));
			return g->strict ? -1 : 0;
		}
		return dispatch(g, fd, name, depth, NULL);
	}
	if ((fd = ing_spool()) == -1) {
		qp_warn("%s: temporary file: %s", name, strerror(errno));
		return -1;
	}
	if ((r = copy_member(g, a, fd, name, &size)) < 0) {
		close(fd);
		return r == -2 || g->strict ? -1 : 0;
	}
	lseek(fd, 0, SEEK_SET);
	return dispatch(g, fd, name, depth, NULL);
}

static struct archive *
archive_open(int fd, const char *name)
{
	struct archive *a;

	if ((a = archive_read_new()) == NULL) {
		qp_warn("out of memory");
		return NULL;
	}
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	archive_read_support_format_raw(a);
	lseek(fd, 0, SEEK_SET);
	if (archive_read_open_fd(a, fd, 65536) != ARCHIVE_OK) {
		qp_warn("%s: %s", name, archive_error_string(a));
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/* The path of the archive's current member in the tree, or NULL to leave it. */
static const char *
member_path(struct archive *a, struct archive_entry *e, int *type, int *what)
{
	const char *p = archive_entry_pathname(e), *base;

	*what = 0;
	if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
		*type = 'f';
		return "(decompressed)";
	}
	if (p == NULL)
		return NULL;
	base = strrchr(p, '/');
	base = base && base[1] != '\0' ? base + 1 : p;
	if (strncmp(p, "__MACOSX/", 9) == 0 || base[0] == '.')
		return NULL;
	switch (archive_entry_filetype(e)) {
	case AE_IFREG:
		*type = 'f';
		break;
	case AE_IFDIR:
		*type = 'd';
		break;
	default:
		*type = 'o';
		*what = archive_entry_filetype(e) == AE_IFLNK ? 'l' :
		    archive_entry_filetype(e) == AE_IFIFO ? 'p' : 'c';
	}
	return p;
}

/*
 * Read the archive open on fd (owned): list its members, find its
 * bundles, then read it through once more in its own order.
 */
static int
parse_archive(struct ing *g, int fd, const char *name, int depth)
{
	struct ing_tree *t;
	struct archive *a;
	struct archive_entry *e;
	unsigned long long media = 0;
	long long idx = 0, listed, i;
	long *map = NULL;
	const char *p;
	int h, type, what, rc = 0;
	size_t k;

	if ((t = ing_tree_new(name, '!')) == NULL) {
		close(fd);
		qp_warn("out of memory");
		return -1;
	}
	if ((a = archive_open(fd, name)) == NULL) {
		g->found.broken++;
		rc = g->strict ? -1 : 0;
		goto out;
	}
	while ((h = archive_read_next_header(a, &e)) != ARCHIVE_EOF) {
		if (h < ARCHIVE_WARN) {
			qp_warn("%s: %s", name, archive_error_string(a));
			g->found.broken++;
			rc = g->strict ? -1 : 0;
			break;
		}
		if ((p = member_path(a, e, &type, &what)) != NULL &&
		    ing_tree_add(t, p, type, what, idx) == -1) {
			rc = -1;
			break;
		}
		idx++;
		if (archive_format(a) == ARCHIVE_FORMAT_RAW)
			break;	/* one stream, read below */
	}
	archive_read_free(a);
	listed = idx;
	if (rc == -1 || ing_tree_finish(t) == -1 ||
	    ing_tree_plan(t, g->format) == -1 ||
	    (map = malloc(((size_t)listed + 1) * sizeof *map)) == NULL) {
		qp_warn("out of memory");
		rc = -1;
		goto out;
	}
	for (i = 0; i < listed; i++)
		map[i] = -1;
	for (k = 0; k < t->n; k++)
		if (t->e[k].idx >= 0)
			map[t->e[k].idx] = (long)k;
	if (listed == 0 || (a = archive_open(fd, name)) == NULL)
		goto out;
	for (i = 0; rc == 0 && i < listed; i++) {
		/* A damaged archive may end sooner the second time. */
		if ((h = archive_read_next_header(a, &e)) == ARCHIVE_EOF ||
		    h < ARCHIVE_WARN)
			break;	/* said when listing */
		if (map[i] != -1)
			rc = visit(g, t, map[i], a, depth + 1, &media, NULL);
	}
	archive_read_free(a);
	if (media > 0 && !g->quiet)
		qp_warn("%s: %llu media files counted, not read", name, media);
out:
	free(map);
	ing_tree_free(t);
	close(fd);
	return rc;
}

/* An open, seekable input: an archive to open, or text to parse. */
static int
dispatch(struct ing *g, int fd, const char *name, int depth,
    struct ing_file *lf)
{
	unsigned char head[512];
	ssize_t n;

	if (lf != NULL && lf->mem != NULL) {
		n = (ssize_t)(lf->len < sizeof head ? lf->len : sizeof head);
		memcpy(head, lf->mem, (size_t)n);
	} else {
		n = read(fd, head, sizeof head);
		lseek(fd, 0, SEEK_SET);
		lf = NULL;	/* nothing loaded but the fd */
	}
	if (n > 0 && is_archive(head, (size_t)n)) {
		if (lf != NULL) {
			free(lf->mem);
			lf->mem = NULL;
		}
		if (depth >= 4) {
			qp_warn("%s: archives nested too deep; skipped", name);
			close(fd);
			g->found.broken++;
			return g->strict ? -1 : 0;
		}
		return parse_archive(g, fd, name, depth);
	}
	return parse_fd(g, fd, name, depth, NULL, 0, lf);
}

/* A folder on disk: listed, planned, then read in name order. */
static int
walk_dir(struct ing *g, const char *path)
{
	struct ing_tree *t;
	struct ing_ahead *ahead = NULL;
	unsigned long long media = 0;
	char name[8192];
	size_t i;
	int rc = 0;

	if ((t = ing_tree_disk(path)) == NULL ||
	    ing_tree_plan(t, g->format) == -1) {
		ing_tree_free(t);
		qp_warn("out of memory");
		return -1;
	}
	if (t->failed)
		rc = -1;
	/* The files visit() opens, loaded ahead of it. */
	if (rc == 0 && (ahead = ing_ahead_new()) != NULL) {
		for (i = 0; ahead != NULL && i < t->n; i++) {
			if (!plain_file(t, (long)i))
				continue;
			ent_name(name, sizeof name, t, (long)i);
			if (ing_ahead_add(ahead, (long)i, name) == -1) {
				ing_ahead_free(ahead);
				ahead = NULL;	/* each opened when visited */
			}
		}
		if (ahead != NULL)
			ing_ahead_start(ahead);
	}
	for (i = 0; rc == 0 && i < t->n; i++)
		rc = visit(g, t, (long)i, NULL, 1, &media, ahead);
	ing_ahead_free(ahead);
	if (media > 0 && !g->quiet)
		qp_warn("%s: %llu media files counted, not read", t->name, media);
	ing_tree_free(t);
	return rc;
}

/* A stream (standard input, a FIFO): copied so that parsers can rewind. */
static int
read_stream(struct ing *g, int in, const char *name)
{
	char buf[65536];
	ssize_t r;
	int fd;

	if ((fd = ing_spool()) == -1) {
		qp_warn("temporary file: %s", strerror(errno));
		return -1;
	}
	while ((r = read(in, buf, sizeof buf)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || qp_write_all(fd, buf, (size_t)r) == -1) {
			qp_warn("%s: %s", name, strerror(errno));
			close(fd);
			return -1;
		}
	}
	lseek(fd, 0, SEEK_SET);
	return dispatch(g, fd, name, 0, NULL);
}

static int
input(struct ing *g, const char *path, const char **what)
{
	struct stat st;
	int fd, rc;

	*what = "an empty file";
	if (strcmp(path, "-") == 0) {
		*what = "empty input";
		return read_stream(g, STDIN_FILENO, "<stdin>");
	}
	/* Named by the user: a link is followed, as any program would. */
	if (stat(path, &st) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*what = "an empty folder";
		return walk_dir(g, path);
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return dispatch(g, fd, path, 0, NULL);
	/* A FIFO, /dev/fd/N of a pipe (<(zcat x.gz)): read as stdin is. */
	*what = "empty input";
	rc = read_stream(g, fd, path);
	close(fd);
	return rc;
}

/* Append "n thing(s)" to a list being built in buf. */
static void
say(char *buf, size_t cap, unsigned long long n, const char *one,
    const char *many)
{
	size_t len = strlen(buf);

	if (n == 0)
		return;
	snprintf(buf + len, cap - len, "%s%llu %s", len ? ", " : "", n,
	    n == 1 ? one : many);
}

int
ing_input(struct ing *g, const char *path)
{
	const struct ing_found *f = &g->found;
	const char *what;
	char why[512] = "", fmt[128];
	int rc;

	memset(&g->found, 0, sizeof g->found);
	if ((rc = input(g, path, &what)) == -1)
		return -1;
	if (f->chats > 0 || f->dups > 0)
		return 0;
	if (f->named_unknown)
		what = "a file in no known format";
	say(why, sizeof why, f->media, "media file", "media files");
	say(why, sizeof why, f->unknown, "file in no known format",
	    "files in no known format");
	if (f->empty > 0) {
		say(why, sizeof why, f->empty, "file", "files");
		snprintf(fmt, sizeof fmt, " read as %s with no events",
		    f->empty_format);
		strncat(why, fmt, sizeof why - strlen(why) - 1);
		if (f->bad > 0)
			say(why, sizeof why, f->bad, "unreadable line",
			    "unreadable lines");
	}
	say(why, sizeof why, f->blank, "empty file", "empty files");
	say(why, sizeof why, f->other, "entry neither a file nor a folder",
	    "entries neither files nor folders");
	say(why, sizeof why, f->refused, "file larger than --max-member-size",
	    "files larger than --max-member-size");
	say(why, sizeof why, f->broken, "unreadable archive",
	    "unreadable archives");
	qp_warn("%s: no chat export found (%s%s)", strcmp(path, "-") == 0 ?
	    "<stdin>" : path, *why ? why : what, f->unknown ||
	    f->named_unknown ?
	    "; --format names one" : "");
	return 1;
}

unsigned long long
ing_nevents(const struct ing *g)
{
	unsigned long long n = 0;
	size_t i;
	int k;

	for (i = 0; i < g->nsources; i++)
		for (k = 0; k < ING_NKINDS; k++)
			n += g->sources[i].st.kinds[k];
	return n;
}

void
ing_free(struct ing *g)
{
	int i;

	for (i = 0; i < ING_NECOLS; i++) {
		free(g->map[i]);
		free(g->emap[i]);
	}
	for (i = 0; i < (int)g->nsources; i++) {
		free(g->sources[i].input);
		free(g->sources[i].format);
	}
	free(g->sources);
	ing_names_free(g->everyone);
	ing_roles_free(g);
	ing_roster_free(g);
	free(g->seen);
	free(g->held[0].buf);
	free(g->held[1].buf);
	ing_buf_free(&g->prev_gid);
	ing_key_free(g);
	ing_mention_free(g);
}
