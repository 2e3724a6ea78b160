/*
 * The frame around qp-ingest's parsers: inputs (files, folders, archives,
 * standard input), their encoding, the choice of parser, and the events
 * table they write.
 *
 * Every input ends up as a seekable UTF-8 byte source: a regular UTF-8
 * file is read in place; anything else (standard input, an archive member,
 * UTF-16 or GB18030 text) is first copied, decoded, into an unlinked
 * temporary file, so parsers may read twice in bounded memory and nothing
 * is left on disk.
 */
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

/* --- text sources ---------------------------------------------------- */

struct ing_text {
	char			*name;
	int			 fd;
	char			*buf;
	size_t			 cap, pos, end;
	int			 eof, failed, raw;
	unsigned long long	 lineno, replaced;
};

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
	x->pos = x->end = 0;
	x->eof = x->failed = x->raw = 0;
	x->lineno = 0;
	x->replaced = 0;
	return 0;
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
			*len = x->raw ? n : fix_utf8(x, line, n);
			return 1;
		}
		if (x->eof)
			return 0;
		if (x->pos > 0) {
			memmove(x->buf, x->buf + x->pos, x->end - x->pos);
			x->end -= x->pos;
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
	"actor", "via", "msg_id", "reply_to", "media", "text", "name", "src"
};

void
ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz)
{
	memset(g, 0, sizeof *g);
	g->out = out;
	g->tz = tz;
	g->platform = "";
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
	qp_warn("%s:%llu: %s", x->name, x->lineno, msg);
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
user_hash(struct ing *g, char *buf, const char *name)
{
	uint32_t h = 2166136261u;	/* FNV-1a, only to pick a slot */
	const unsigned char *p;
	struct ing_uid *u;
	size_t len;

	for (p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	len = (size_t)((const char *)p - name);
	u = &g->uids[h & 255];
	if (len < sizeof u->name && memcmp(u->name, name, len + 1) == 0 &&
	    *u->plat != '\0' && strcmp(u->plat, g->platform) == 0)
		return u->id;
	hash_id(buf, g->platform, name);
	if (len < sizeof u->name && strlen(g->platform) < sizeof u->plat) {
		memcpy(u->name, name, len + 1);
		memcpy(u->id, buf, sizeof u->id);
		strcpy(u->plat, g->platform);
	}
	return buf;
}

int
ing_key_load(struct ing *g, const char *path)
{
	FILE *f;
	size_t n;

	if (sodium_init() < 0) {
		qp_warn("libsodium failed to start");
		return -1;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(g->key, 1, sizeof g->key, f);
	fclose(f);
	if (n < 16) {
		qp_warn("%s: a key needs at least 16 bytes (head -c 32 "
		    "/dev/urandom > %s)", path, path);
		return -1;
	}
	g->keylen = n;
	return 0;
}

/* A keyed BLAKE2b of s as 16 hex digits, after a prefix. */
static const char *
pseudonym(const struct ing *g, char *buf, size_t cap, const char *prefix,
    const char *s)
{
	unsigned char h[8];
	size_t i, n;

	crypto_generichash(h, sizeof h, (const unsigned char *)s, strlen(s),
	    g->key, g->keylen);
	n = (size_t)snprintf(buf, cap, "%s", prefix);
	for (i = 0; i < sizeof h && n + 2 < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%02x", h[i]);
	return buf;
}

const char *
ing_user_id(const struct ing *g, char *buf, size_t cap, const char *id)
{
	return g->keylen > 0 ? pseudonym(g, buf, cap, "", id) : id;
}

int
ing_emit(struct ing *g, const struct ing_event *e)
{
	char ts[QP_ISO_LEN + 1], gid[QP_HASH_HEX + 1], uid[QP_HASH_HEX + 1];
	char aid[QP_HASH_HEX + 1], mid[QP_HASH_HEX + 1];
	const char *v[15], *parts[4];

	if (!qp_time_in_range(e->t)) {
		/* Not a time any chat happened at: a corrupt field. */
		g->cur.bad++;
		if (g->cur.bad <= 5)
			qp_warn("%s: an event dated outside the years 0000-9999; "
			    "skipped", g->curname);
		return g->strict ? -1 : 0;
	}
	/* Most rows share the previous row's local date: reuse its text. */
	{
		long long lt = e->t + e->off - (e->off % 60), day = lt >= 0 ?
		    lt / 86400 : (lt - 86399) / 86400;

		if (day == g->tday && e->off - e->off % 60 == g->toff &&
		    qp_time_in_range(e->t)) {
			long long sec = lt - day * 86400;

			memcpy(ts, g->tbuf, sizeof ts);
			ts[11] = (char)('0' + sec / 36000);
			ts[12] = (char)('0' + sec / 3600 % 10);
			ts[14] = (char)('0' + sec / 60 % 60 / 10);
			ts[15] = (char)('0' + sec / 60 % 10);
			ts[17] = (char)('0' + sec % 60 / 10);
			ts[18] = (char)('0' + sec % 10);
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
		}
		v[2] = g->hgid;
	}
	(void)gid;
	v[4] = e->user_id ? e->user_id : *v[5] ? user_hash(g, uid, v[5]) : "";
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
	if (g->keylen > 0) {
		/* Stable for one key: the same person gets the same pseudonym. */
		static char pu[40], pn[40], pa[40];

		if (*v[4] != '\0')
			v[4] = pseudonym(g, pu, sizeof pu, "", v[4]);
		if (*v[5] != '\0')
			v[5] = pseudonym(g, pn, sizeof pn, "member-", v[5]);
		if (*v[7] != '\0')
			v[7] = pseudonym(g, pa, sizeof pa, "", v[7]);
	}
	if (g->roles != NULL && *v[4] != '\0' && ing_role(g, v[2], v[4],
	    e->user ? e->user : "", v[3], e->role) == -1)
		return -1;
	v[12] = g->no_text ? "" : e->text ? e->text : "";
	if (e->msg_id)
		v[9] = e->msg_id;
	else {
		parts[0] = v[2];
		parts[1] = ts;
		parts[2] = v[4];
		parts[3] = e->text ? e->text : "";
		qp_hash_hex(mid, qp_hash_parts(parts, 4));
		v[9] = mid;
	}
	v[10] = e->reply_to ? e->reply_to : "";
	v[11] = e->media ? e->media : e->kind == ING_MESSAGE ? "text" : "";
	v[13] = e->name ? e->name : "";
	v[14] = g->src;
	g->cur.kinds[e->kind]++;
	{
		struct qp_field f[15];
		int i;

		uint64_t plain = 1 | 1u << 14;	/* our time and src */

		/* Lengths known without strlen: the time, the src, hashed ids,
		 * which need no quotes either. */
		for (i = 0; i < 15; i++) {
			f[i].s = v[i];
			if (i == 0)
				f[i].len = QP_ISO_LEN;
			else if (v[i] == g->hgid || v[i] == uid || v[i] == mid) {
				f[i].len = QP_HASH_HEX;
				plain |= 1u << i;
			} else
				f[i].len = strlen(v[i]);
		}
		return qp_out_row_plain(g->out, f, 15, plain);
	}
}

int
ing_bad(struct ing *g, struct ing_text *x, const char *fmt, ...)
{
	va_list ap;
	char why[256];

	g->cur.bad++;
	if (g->cur.bad <= SHOW_BAD || g->strict) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
		qp_warn("%s:%llu: %s", x->name, x->lineno, why);
		if (g->cur.bad == SHOW_BAD && !g->strict)
			qp_warn("%s: further unreadable lines are counted, not "
			    "shown", x->name);
	}
	return g->strict ? -1 : 0;
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
	char n[6][24];
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

/*
 * Set g->src to a hash of fd's bytes, so that the same export is one src
 * wherever it comes from.  Returns 0, 1 when the same bytes were read
 * before (skip them), or -1 on a read error.
 */
static int
src_id(struct ing *g, int fd, const char *name)
{
	static char buf[1 << 16];
	struct qp_hasher *hs;
	unsigned long long h;
	char src[QP_HASH_HEX + 1];
	ssize_t r;

	if ((hs = qp_hasher_new()) == NULL) {
		qp_warn("out of memory");
		return -1;
	}
	lseek(fd, 0, SEEK_SET);
	while ((r = read(fd, buf, sizeof buf)) > 0)
		qp_hasher_add(hs, buf, (size_t)r);
	h = qp_hasher_end(hs);
	lseek(fd, 0, SEEK_SET);
	if (r < 0) {
		qp_warn("%s: read error: %s", name, strerror(errno));
		return -1;
	}
	if (seen_before(g, h)) {
		if (!g->quiet)
			qp_warn("%s: same bytes as an earlier input; skipped",
			    name);
		return 1;
	}
	qp_hash_hex(src, h);
	memcpy(g->src, src, 12);
	g->src[12] = '\0';
	return 0;
}

/*
 * Parse one seekable input.  fd is owned from here on.  Returns 0, or -1
 * on a fatal error (output failure, --strict).
 */
static int
parse_fd(struct ing *g, int fd, const char *name, int depth)
{
	char head[8192];
	const struct ing_format *f = NULL, *c;
	const char *enc;
	struct ing_text *x;
	ssize_t n;
	int best = 0, s, rc, dfd;

	switch (src_id(g, fd, name)) {
	case -1:
		close(fd);
		return g->strict ? -1 : 0;
	case 1:
		close(fd);
		return 0;
	}
	lseek(fd, 0, SEEK_SET);
	n = read(fd, head, sizeof head);
	if (n < 0)
		n = 0;
	enc = guess_encoding((unsigned char *)head, (size_t)n);
	if (strcmp(enc, "UTF-8") != 0) {
		lseek(fd, 0, SEEK_SET);
		dfd = transcode(fd, enc, name);
		close(fd);
		if (dfd == -1)
			return g->strict ? -1 : 0;
		fd = dfd;
		n = read(fd, head, sizeof head);
		if (n < 0)
			n = 0;
	}
	lseek(fd, 0, SEEK_SET);
	if (g->format != NULL)
		f = g->format;
	else
		for (c = ing_formats; c->name != NULL; c++)
			if ((s = c->sniff(name, head, (size_t)n)) > best) {
				best = s;
				f = c;
			}
	if (f == NULL) {
		/* Named on the command line: an error; found in a folder: skipped. */
		qp_warn("%s: not a chat export qp-ingest knows (--format names "
		    "one)%s", name, depth > 0 && !g->strict ? "; skipped" : "");
		close(fd);
		g->total.unknown++;
		return depth > 0 && !g->strict ? 0 : -1;
	}
	if ((x = text_new(name, fd)) == NULL) {
		close(fd);
		qp_warn("out of memory");
		return -1;
	}
	memset(&g->cur, 0, sizeof g->cur);
	g->curname = x->name;
	rc = f->parse(g, x);
	g->cur.replaced = x->replaced;
	if (rc == 0 && x->failed) {
		qp_warn("%s: read error: %s", name, strerror(errno));
		rc = g->strict ? -1 : 0;
	}
	summary(g, name, *g->platform ? g->platform : f->name);
	text_free(x);
	return rc;
}

int
ing_side_file(struct ing *g, const char *path,
    int (*fn)(struct ing *, struct ing_text *))
{
	char head[8192];
	struct ing_text *x;
	const char *enc;
	ssize_t n;
	int fd, dfd, rc;

	if ((fd = open(path, O_RDONLY)) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	n = read(fd, head, sizeof head);
	enc = guess_encoding((unsigned char *)head, n > 0 ? (size_t)n : 0);
	lseek(fd, 0, SEEK_SET);
	if (strcmp(enc, "UTF-8") != 0) {
		dfd = transcode(fd, enc, path);
		close(fd);
		if ((fd = dfd) == -1)
			return -1;
	}
	if ((x = text_new(path, fd)) == NULL) {
		close(fd);
		qp_warn("out of memory");
		return -1;
	}
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

static int dispatch(struct ing *g, int fd, const char *name, int depth);

/* Read every member of the archive open on fd (owned). */
static int
parse_archive(struct ing *g, int fd, const char *name, int depth)
{
	struct archive *a;
	struct archive_entry *e;
	char member[4096], buf[65536];
	unsigned long long media = 0, size;
	la_ssize_t r;
	int rc = 0, sp, raw;

	if (ing_slack_detect(fd, member, sizeof member)) {
		switch (src_id(g, fd, name)) {
		case 0:
			memset(&g->cur, 0, sizeof g->cur);
			g->curname = name;
			rc = ing_slack_archive(g, fd, name, member);
			summary(g, name, "slack");
			break;
		case -1:
			rc = g->strict ? -1 : 0;
			break;
		}
		close(fd);
		return rc;
	}
	if ((a = archive_read_new()) == NULL) {
		close(fd);
		qp_warn("out of memory");
		return -1;
	}
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	archive_read_support_format_raw(a);
	if (archive_read_open_fd(a, fd, 65536) != ARCHIVE_OK) {
		qp_warn("%s: %s", name, archive_error_string(a));
		archive_read_free(a);
		close(fd);
		return g->strict ? -1 : 0;
	}
	for (;;) {
		int h = archive_read_next_header(a, &e);

		if (h == ARCHIVE_EOF)
			break;
		if (h < ARCHIVE_WARN) {
			qp_warn("%s: %s", name, archive_error_string(a));
			rc = g->strict ? -1 : 0;
			break;
		}
		raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
		if (!raw && archive_entry_filetype(e) != AE_IFREG)
			continue;
		{
			const char *p = archive_entry_pathname(e);
			const char *base = p ? strrchr(p, '/') : NULL;

			base = base ? base + 1 : p ? p : "data";
			if (p != NULL && (strncmp(p, "__MACOSX/", 9) == 0 ||
			    base[0] == '.'))
				continue;
			if (has_suffix(base, media_sfx)) {
				media++;
				continue;
			}
			snprintf(member, sizeof member, "%s!%s", name,
			    raw ? "(decompressed)" : p);
		}
		if ((sp = ing_spool()) == -1) {
			qp_warn("%s: temporary file: %s", member, strerror(errno));
			rc = -1;
			break;
		}
		size = 0;
		while ((r = archive_read_data(a, buf, sizeof buf)) > 0) {
			size += (unsigned long long)r;
			if (size > g->max_member) {
				qp_warn("%s: expands past --max-member-size "
				    "(%llu bytes); refused", member, g->max_member);
				break;
			}
			if (qp_write_all(sp, buf, (size_t)r) == -1) {
				qp_warn("%s: temporary file: %s", member,
				    strerror(errno));
				r = -2;
				break;
			}
		}
		if (r < 0 || size > g->max_member) {
			if (r == -1 || r < -2)
				qp_warn("%s: %s", member, archive_error_string(a));
			close(sp);
			if (r == -2 || g->strict) {
				rc = -1;
				break;
			}
			continue;
		}
		lseek(sp, 0, SEEK_SET);
		if ((rc = dispatch(g, sp, member, depth + 1)) == -1)
			break;
	}
	if (media > 0 && !g->quiet)
		qp_warn("%s: %llu media files counted, not read", name, media);
	archive_read_free(a);
	close(fd);
	return rc;
}

/* An open, seekable input: an archive to open, or text to parse. */
static int
dispatch(struct ing *g, int fd, const char *name, int depth)
{
	unsigned char head[512];
	ssize_t n;

	n = read(fd, head, sizeof head);
	lseek(fd, 0, SEEK_SET);
	if (n > 0 && is_archive(head, (size_t)n)) {
		if (depth >= 4) {
			qp_warn("%s: archives nested too deep; skipped", name);
			close(fd);
			return g->strict ? -1 : 0;
		}
		return parse_archive(g, fd, name, depth);
	}
	return parse_fd(g, fd, name, depth);
}

static int
walk_dir(struct ing *g, const char *path, int depth)
{
	struct dirent **ents;
	char sub[4096];
	int i, n, rc = 0;

	if (depth > 32 || (n = scandir(path, &ents, NULL, alphasort)) < 0) {
		qp_warn("%s: %s", path, depth > 32 ? "folders nested too deep" :
		    strerror(errno));
		return g->strict ? -1 : 0;
	}
	for (i = 0; i < n; i++) {
		if (rc == 0 && ents[i]->d_name[0] != '.') {
			snprintf(sub, sizeof sub, "%s/%s", path, ents[i]->d_name);
			rc = ing_input_depth(g, sub, depth + 1);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

int
ing_input_depth(struct ing *g, const char *path, int depth)
{
	struct stat st;
	char buf[65536];
	ssize_t r;
	int fd;

	if (strcmp(path, "-") == 0) {
		/* Standard input: copy it so parsers can read twice. */
		if ((fd = ing_spool()) == -1) {
			qp_warn("temporary file: %s", strerror(errno));
			return -1;
		}
		while ((r = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0 || qp_write_all(fd, buf, (size_t)r) == -1) {
				qp_warn("<stdin>: %s", strerror(errno));
				close(fd);
				return -1;
			}
		}
		lseek(fd, 0, SEEK_SET);
		return dispatch(g, fd, "<stdin>", 0);
	}
	if (stat(path, &st) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (depth > 0 && has_suffix(path, media_sfx))
			return 0;
		if (ing_slack_is_dir(path)) {
			int rc;

			memset(&g->cur, 0, sizeof g->cur);
			g->curname = path;
			rc = ing_slack_dir(g, path);
			summary(g, path, "slack");
			return rc == -1 && (g->strict || ing_out_failed(g)) ? -1 : 0;
		}
		return walk_dir(g, path, depth);
	}
	if (depth > 0 && has_suffix(path, media_sfx)) {
		g->total.attachments++;
		return 0;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	return dispatch(g, fd, path, depth);
}

int
ing_input(struct ing *g, const char *path)
{
	return ing_input_depth(g, path, 0);
}

void
ing_free(struct ing *g)
{
	int i;

	for (i = 0; i < ING_NCOLS; i++)
		free(g->map[i]);
	for (i = 0; i < (int)g->nsources; i++) {
		free(g->sources[i].input);
		free(g->sources[i].format);
	}
	free(g->sources);
	ing_names_free(g->everyone);
	ing_roles_free(g);
	free(g->seen);
}
