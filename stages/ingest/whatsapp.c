/*
 * WhatsApp "Export chat" text, Android and iOS, in any date order and
 * locale we have seen.
 *
 * A message starts with a header line, "[date, time] author: text" (iOS)
 * or "date, time - author: text" (Android); other lines continue the
 * message before them.  Headers vary: / . - date separators, 2- or 4-digit
 * years, 12 or 24 h clocks with localized am/pm, optional seconds, digits
 * other than ASCII (Arabic-Indic, Persian, full-width), invisible marks
 * (U+200E, U+200F, U+061C, U+202F, NBSP) anywhere.  Day/month order is not
 * in the file: pass 1 infers it from the dates (a field above 12, then
 * the order under which the file runs forward in time, then which field
 * changes more often; day first when nothing decides) and the group name;
 * pass 2 emits events.
 *
 * What a body is comes from what it says (whatsapp_notices.c), never from
 * whom it is attributed to: iOS writes notices under the chat's name,
 * which in a 1:1 chat is the other person.  In order: a body in the
 * catalogue is that notice (joins, leaves, removals and renames with their
 * actor, else a system row) or placeholder (a message with media set);
 * an iOS body that starts with U+200E is a notice even when the catalogue
 * does not know it (counted, so that a new language shows); a line
 * without an author is a notice.  Notices that name people are read only
 * where WhatsApp marks notices (no author, or U+200E), so that "I added
 * salt" typed by a member stays a message.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "qp_time.h"
#include "whatsapp.h"

struct hdr {
	int		 a, b, c, alen, clen, bracket;
	int		 h, m, s;
	int		 ampm;		/* 0 none, 1 am, 2 pm */
	const char	*rest;
};

/* Length of an invisible mark or odd space at p, or 0. */
static size_t
invisible(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] < 0xc2)
		return 0;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f ||
	    (u[2] >= 0xaa && u[2] <= 0xae) || u[2] == 0xaf))
		return 3;	/* LRM, RLM, embeddings, NNBSP */
	if (u[0] == 0xe2 && u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
		return 3;	/* isolates */
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;	/* BOM */
	if ((u[0] == 0xc2 && u[1] == 0xa0) || (u[0] == 0xd8 && u[1] == 0x9c))
		return 2;	/* NBSP, Arabic letter mark */
	return 0;
}

static const char *
skip_marks(const char *p)
{
	size_t n;

	while ((unsigned char)*p >= 0xc2 && (n = invisible(p)) > 0)
		p += n;
	return p;
}

/* Spaces, NBSP, NNBSP and marks. */
static const char *
skip_space(const char *p)
{
	size_t n;

	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((n = invisible(p)) > 0)
			p += n;
		else
			return p;
	}
}

/* The digit at p (ASCII, Arabic-Indic, Persian, full-width) and its bytes. */
static int
digit(const char *p, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;

	*len = 1;
	if (u[0] >= '0' && u[0] <= '9')
		return u[0] - '0';
	*len = 2;
	if (u[0] == 0xd9 && u[1] >= 0xa0 && u[1] <= 0xa9)
		return u[1] - 0xa0;
	if (u[0] == 0xdb && u[1] >= 0xb0 && u[1] <= 0xb9)
		return u[1] - 0xb0;
	*len = 3;
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99)
		return u[2] - 0x90;
	return -1;
}

/* num() past ASCII digits: other digits, then any marks (RTL dates carry U+200F). */
static int
num_more(const char **p, int maxd, int n, int *v)
{
	int d;
	size_t len;

	while (n < maxd && (d = digit(*p, &len)) >= 0) {
		*v = *v * 10 + d;
		*p += len;
		n++;
	}
	if (n > 0)
		*p = skip_marks(*p);
	return n;
}

/* Up to maxd digits into *v; returns how many. */
static inline int
num(const char **p, int maxd, int *v)
{
	const char *s = *p;
	int n = 0, x = 0;

	while (n < maxd && *s >= '0' && *s <= '9') {
		x = x * 10 + (*s++ - '0');
		n++;
	}
	*p = s;
	*v = x;
	if ((unsigned char)*s < 0x80)
		return n;
	return num_more(p, maxd, n, v);
}

/*
 * Localized am/pm (上午 3:15, 5:53 م): sets *len, returns 1 (am), 2 (pm)
 * or 0.  A word must end there, so that a name after the time ("10:34
 * محمد:") is not read as one.
 */
static int
ampm_word(const char *p, size_t *len)
{
	static const struct { const char *w; int v; } words[] = {
		{ "上午", 1 }, { "下午", 2 }, { "午前", 1 }, { "午後", 2 },
		{ "오전", 1 }, { "오후", 2 }, { "晚上", 2 }, { "早上", 1 },
		{ "中午", 2 }, { "凌晨", 1 }, { "\u0635", 1 }, { "\u0645", 2 }
	};
	size_t i, n;
	unsigned char c;

	for (i = 0; i < sizeof words / sizeof *words; i++) {
		n = strlen(words[i].w);
		if (strncmp(p, words[i].w, n) != 0)
			continue;
		c = (unsigned char)p[n];
		if (c >= 0x80 && invisible(p + n) == 0 && digit(p + n, len) < 0)
			continue;	/* a word goes on */
		*len = n;
		return words[i].v;
	}
	return 0;
}

/* "AM", "p.m.", "p. m.", "a.m" with NBSPs; sets *v; returns bytes or 0. */
static size_t
ampm_latin(const char *s, int *v)
{
	const char *p = s;
	int c = tolower((unsigned char)*p);

	if (c != 'a' && c != 'p')
		return 0;
	p++;
	if (*p == '.')
		p++;
	p = skip_space(p);
	if (tolower((unsigned char)*p) != 'm')
		return 0;
	p++;
	if (*p == '.')
		p++;
	if (isalpha((unsigned char)*p))
		return 0;
	*v = c == 'a' ? 1 : 2;
	return (size_t)(p - s);
}

/* 1 to maxd ASCII digits at *p into *v, or 0 when none. */
static inline int
ascii_num(const char **p, int maxd, int *v)
{
	const char *s = *p, *e = s + maxd;
	int x = 0;

	while (s < e && (unsigned char)(*s - '0') < 10)
		x = x * 10 + (*s++ - '0');
	maxd = (int)(s - *p);
	*p = s;
	*v = x;
	return maxd;
}

/*
 * The headers of nearly every export, in ASCII: "26/05/2024, 03:49 - "
 * (Android) or "[26/05/2024, 03:49:12] " (iOS), with / . or - between
 * the date's fields, 2- or 4-digit years, seconds or not.  Read as
 * parse_header() reads them; -1 for anything else, which it then reads.
 */
static int
parse_plain(const char *p, struct hdr *h)
{
	int sep;

	h->bracket = *p == '[';
	p += h->bracket;
	if ((h->alen = ascii_num(&p, 4, &h->a)) == 0 || (*p != '/' &&
	    *p != '.' && *p != '-'))
		return -1;
	sep = *p++;
	if (ascii_num(&p, 4, &h->b) == 0 || *p++ != sep ||
	    (h->clen = ascii_num(&p, 4, &h->c)) == 0 || p[0] != ',' ||
	    p[1] != ' ')
		return -1;
	p += 2;
	if (ascii_num(&p, 2, &h->h) == 0 || *p++ != ':' ||
	    ascii_num(&p, 2, &h->m) != 2)
		return -1;
	h->s = 0;
	if (*p == ':') {
		p++;
		if (ascii_num(&p, 2, &h->s) != 2)
			return -1;
	}
	if (h->bracket) {
		if (p[0] != ']' || p[1] != ' ')
			return -1;
		p += p[2] == '-' && p[3] == ' ' ? 4 : 2;
	} else if (p[0] == ' ' && p[1] == '-' && p[2] == ' ')
		p += 3;
	else
		return -1;
	if (h->h > 23 || h->m > 59 || h->s > 59)
		return -1;
	h->ampm = 0;
	h->rest = p;
	return 0;
}

static int
parse_header(const char *line, struct hdr *h)
{
	const char *p, *junk;
	size_t n;
	int bracket, sep;

	if (parse_plain(line, h) == 0)
		return 0;
	p = skip_marks(line);
	memset(h, 0, sizeof *h);
	bracket = h->bracket = *p == '[';
	if (bracket)
		p = skip_marks(p + 1);
	if ((h->alen = num(&p, 4, &h->a)) == 0 || (*p != '/' && *p != '.' &&
	    *p != '-'))
		return -1;
	sep = *p++;
	p = skip_marks(p);
	if (*p == ' ')
		p++;
	if (num(&p, 4, &h->b) == 0 || *p != sep)
		return -1;
	p = skip_marks(p + 1);
	if (*p == ' ')
		p++;
	if ((h->clen = num(&p, 4, &h->c)) == 0)
		return -1;
	if (*p == ',' || *p == '.')
		p++;
	else if (p[0] == '\xd8' && p[1] == '\x8c')
		p += 2;		/* Arabic comma */
	/* Up to a few non-digits before the time ("klo", 上午, spaces). */
	junk = p;
	while (*p != '\0' && digit(p, &n) < 0 && p - junk < 16) {
		if ((unsigned char)*p >= 0x80 && (h->ampm = ampm_word(p, &n)) != 0)
			p += n;
		else if ((n = invisible(p)) > 0)
			p += n;
		else if (*p == ' ' || isalpha((unsigned char)*p))
			p++;
		else
			return -1;
	}
	if (num(&p, 2, &h->h) == 0 || (*p != ':' && *p != '.'))
		return -1;
	p++;
	if (num(&p, 2, &h->m) != 2)
		return -1;
	if ((*p == ':' || *p == '.') && digit(p + 1, &n) >= 0) {
		p++;
		if (num(&p, 2, &h->s) != 2)
			return -1;
	}
	if (*p == '.' && (p[1] == ' ' || p[1] == '-'))
		p++;		/* "13:34. - " */
	junk = p;
	p = skip_space(p);
	if (*p == '_')
		p++;		/* "3:22_AM" */
	if ((n = ampm_latin(p, &h->ampm)) > 0)
		p += n;
	else if ((unsigned char)*p >= 0x80 && !h->ampm &&
	    (h->ampm = ampm_word(p, &n)) != 0)
		p += n;		/* "5:53 م", "5:53 下午" */
	else
		p = junk;
	p = skip_space(p);
	if (bracket) {
		if (*p != ']')
			return -1;
		p++;
		p = skip_marks(p);
		if (*p == ' ' && p[1] == '-' && p[2] == ' ')
			p += 3;
		else if (*p == ' ' || *p == ':')
			p += 1 + (*p == ':' && p[1] == ' ');
		else
			return -1;
	} else if (*p == '-' && p[1] == ' ')
		p += 2;
	else if (*p == ':' && p[1] == ' ')
		p += 2;
	else if (p[0] == '\xe2' && p[1] == '\x80' && p[2] == '\x93' && p[3] == ' ')
		p += 4;		/* en dash */
	else if (*p != '\0' && p > junk && p[-1] == ' ' && strstr(p, ": "))
		;		/* iOS without brackets: "10:34:00 AM Charlie: " */
	else
		return -1;
	if (h->h > 23 || h->m > 59 || h->s > 59)
		return -1;
	h->rest = p;
	return 0;
}

/* --- date order --------------------------------------------------------- */

/*
 * Evidence for one header style; files can mix Android and iOS lines.
 * Exports run forward in time, so the order under which fewer headers go
 * back in time is the file's: 06/03/2017, 08/05/2017, 09/04/2017 runs
 * forward month first (June, August, September) and back day first
 * (March, May, April).
 */
struct order {
	int		 max_a, max_b;
	long		 back_d, back_m;	/* steps back in time, day or month first */
	long		 chg_a, chg_b;		/* changes between headers */
	long long	 pd, pm;		/* previous header's clock, each way */
	int		 have, pa, pb, year_first;
};

/* A header's wall clock as a number that grows with time, or -1. */
static long long
clock_of(const struct hdr *h, int dfirst)
{
	int mo = dfirst ? h->b : h->a, d = dfirst ? h->a : h->b, hour = h->h;

	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	if (h->ampm == 1 && hour == 12)
		hour = 0;
	else if (h->ampm == 2 && hour < 12)
		hour += 12;
	return ((((long long)h->c * 13 + mo) * 32 + d) * 24 + hour) * 3600 +
	    h->m * 60 + h->s;
}

static void
order_add(struct order *o, const struct hdr *h)
{
	long long d, m;

	if (h->alen == 4) {
		o->year_first = 1;
		return;
	}
	if (h->a > o->max_a)
		o->max_a = h->a;
	if (h->b > o->max_b)
		o->max_b = h->b;
	d = clock_of(h, 1);
	m = clock_of(h, 0);
	if (o->have) {
		o->back_d += d >= 0 && o->pd >= 0 && d < o->pd;
		o->back_m += m >= 0 && o->pm >= 0 && m < o->pm;
		o->chg_a += h->a != o->pa;
		o->chg_b += h->b != o->pb;
	}
	o->have = 1;
	o->pa = h->a;
	o->pb = h->b;
	o->pd = d;
	o->pm = m;
}

/* 1 when the first field is the day, 0 when the month, -1 undecided. */
static int
days_first(const struct order *o)
{
	if (o->max_a > 12)
		return 1;
	if (o->max_b > 12)
		return 0;
	if (o->back_d != o->back_m)
		return o->back_d < o->back_m;
	if (o->chg_a != o->chg_b)
		return o->chg_a > o->chg_b;
	return -1;
}

/* The style of a header: bracketed or not, 2- or 4-digit year. */
static int
style(const struct hdr *h)
{
	return h->bracket << 1 | (h->clen == 4);
}

/* --- the parser --------------------------------------------------------- */

struct wa {
	struct ing	*g;
	struct ing_text	*x;
	char		 group[512];
	int		 dfirst;
	struct ing_buf	 msg;		/* current message: header line + text */
	struct hdr	 h;
	int		 have, bad;	/* a message is open; its header is unreadable */
	unsigned long long hline;	/* the open message's header line */
	long long	 t, last;	/* its instant; the one before it */
	int		 off, have_last;
	int		 dstyle[4];	/* days_first() per style */
	int		 dy, dmo, dd;	/* the last valid date, */
	long long	 ddays;		/* its day number: the next header's, mostly */
	unsigned long long unknown;	/* notices the catalogue does not know */
};

/*
 * The instant of a header.  A wall-clock time in the hour a DST fall-back
 * repeats is the earlier instant, unless that would go back in time from
 * the message before it: then the later one (the file runs forward).
 */
static int
to_instant(struct wa *w, const struct hdr *h, long long *t, int *off)
{
	const struct qp_tz *tz = ing_tz(w->g);
	int y, mo, d, hour = h->h, o1, o2;
	long long lt, t1, t2;

	if (h->alen == 4) {
		y = h->a;
		mo = h->b;
		d = h->c;
	} else {
		y = h->clen <= 2 ? 2000 + h->c : h->c;
		mo = w->dstyle[style(h)] ? h->b : h->a;
		d = w->dstyle[style(h)] ? h->a : h->b;
	}
	if (h->ampm == 1 && hour == 12)
		hour = 0;
	else if (h->ampm == 2 && hour < 12)
		hour += 12;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	if (y != w->dy || mo != w->dmo || d != w->dd) {
		int y2;
		unsigned m2, d2;
		long long days = qp_days_from_civil(y, (unsigned)mo,
		    (unsigned)d);

		qp_civil_from_days(days, &y2, &m2, &d2);
		if (y2 != y || (int)m2 != mo || (int)d2 != d)
			return -1;	/* 31 April */
		w->dy = y;
		w->dmo = mo;
		w->dd = d;
		w->ddays = days;
	}
	lt = w->ddays * 86400LL + hour * 3600 + h->m * 60 + h->s;
	*t = qp_tz_resolve(tz, lt);
	if (w->have_last && *t < w->last) {
		o1 = qp_tz_offset(tz, lt - 86400);
		o2 = qp_tz_offset(tz, lt + 86400);
		t1 = lt - o1;
		t2 = lt - o2;
		if (t1 > *t && qp_tz_offset(tz, t1) == o1)
			*t = t1;
		if (t2 > *t && qp_tz_offset(tz, t2) == o2)
			*t = t2;
	}
	*off = qp_tz_offset(tz, *t);
	w->last = *t;
	w->have_last = 1;
	return 0;
}

/*
 * Trim spaces and invisible marks at both ends of s up to e (its NUL), in
 * place; *len its length.
 */
static char *
trim_to(char *s, char *e, size_t *len)
{
	s = (char *)skip_space(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 3 && invisible(e - 3) == 3)
			e -= 3;
		else if (e - s >= 2 && invisible(e - 2) == 2)
			e -= 2;
		else
			break;
	}
	*e = '\0';
	*len = (size_t)(e - s);
	return s;
}

static char *
trimn(char *s, size_t *len)
{
	return trim_to(s, s + strlen(s), len);
}

static char *
trim(char *s)
{
	size_t n;

	return trimn(s, &n);
}

/* An author's name: trimmed, without the unsaved-contact "~". */
static const char *
author_name(char *s)
{
	s = trim(s);
	if (*s == '~')
		s = (char *)skip_space(s + 1);
	return s;
}

/* A name in a notice; the catalogue's words for "you" are "You". */
static const char *
person(char *s)
{
	static unsigned char first[256];
	static int built;
	size_t i;

	if (!built) {
		for (i = 0; wa_you[i] != NULL; i++)
			first[(unsigned char)wa_you[i][0]] = 1;
		built = 1;
	}
	s = trim(s);
	if (first[(unsigned char)*s])
		for (i = 0; wa_you[i] != NULL; i++)
			if (strcmp(s, wa_you[i]) == 0)
				return "You";
	return author_name(s);
}

/* Group name from the file name: "WhatsApp Chat with X.txt", "... - X.zip". */
static int
name_from_file(const char *name, char *out, size_t cap)
{
	static const char *const pre[] = {
		"WhatsApp Chat with ", "WhatsApp Chat - ", "Chat de WhatsApp con ",
		"WhatsApp-Chat mit ", "WhatsApp Chat met ", NULL
	};
	const char *base, *p, *e;
	size_t i, n;

	for (i = 0; pre[i] != NULL; i++) {
		if ((p = strstr(name, pre[i])) == NULL)
			continue;
		p += strlen(pre[i]);
		e = p;
		while (*e != '\0' && *e != '!' && *e != '/')
			e++;
		base = e;
		while (base > p && base[-1] != '.')
			base--;
		if (base > p + 1)
			e = base - 1;
		n = (size_t)(e - p) < cap - 1 ? (size_t)(e - p) : cap - 1;
		memcpy(out, p, n);
		out[n] = '\0';
		return n > 0;
	}
	return 0;
}

/* The media of an attached file, by its type word or extension. */
static const char *
file_media(const char *s, size_t n)
{
	static const struct { const char *w; const char *m; } kinds[] = {
		{ "PHOTO", "image" }, { "VIDEO", "video" }, { "AUDIO", "audio" },
		{ "STICKER", "sticker" }, { "GIF", "video" }, { ".jpg", "image" },
		{ ".jpeg", "image" }, { ".png", "image" }, { ".heic", "image" },
		{ ".webp", "sticker" }, { ".mp4", "video" }, { ".mov", "video" },
		{ ".3gp", "video" }, { ".opus", "audio" }, { ".ogg", "audio" },
		{ ".m4a", "audio" }, { ".mp3", "audio" }, { ".aac", "audio" },
		{ ".vcf", "other" }
	};
	size_t i, k;

	for (i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		k = strlen(kinds[i].w);
		if (kinds[i].w[0] != '.' ? memmem(s, n, kinds[i].w, k) != NULL :
		    n > k && strncasecmp(s + n - k, kinds[i].w, k) == 0)
			return kinds[i].m;
	}
	return "file";
}

/* Whether s (n bytes) ends with a file name's extension, ".jpg". */
static int
has_ext(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i <= 5 && i < n; i++)
		if (s[n - i - 1] == '.')
			return isalnum((unsigned char)s[n - i]);
		else if (!isalnum((unsigned char)s[n - i]))
			return 0;
	return 0;
}

/*
 * An attachment, in any language: "<attached: 00000012-PHOTO-….jpg>",
 * "<Anhang: …>" (iOS), "IMG-1.jpg <attached>" (old iOS), "IMG-….jpg
 * (file attached)", "(bestand bijgevoegd)" (Android).  Its media, or NULL.
 */
static const char *
attachment(const char *t, size_t n)
{
	const char *p, *q;

	if (n < 6 || (t[n - 1] != '>' && t[n - 1] != ')') ||
	    memchr(t, '\n', n) != NULL)
		return NULL;
	if (t[0] == '<' && t[n - 1] == '>' && (p = strstr(t, ": ")) != NULL &&
	    has_ext(t, n - 1))
		return file_media(p + 2, (size_t)(t + n - 1 - p - 2));
	/* A file name and one short note after it, nothing else. */
	if (t[n - 1] == '>' && (p = strrchr(t, '<')) != NULL && p > t &&
	    p[-1] == ' ' && strchr(p, ' ') == NULL && memchr(t, ' ',
	    (size_t)(p - 1 - t)) == NULL && has_ext(t, (size_t)(p - 1 - t)))
		return file_media(t, (size_t)(p - 1 - t));
	if (t[n - 1] == ')' && (q = strrchr(t, '(')) != NULL && q > t + 1 &&
	    q[-1] == ' ' && t + n - q <= 40 && memchr(t, ' ',
	    (size_t)(q - 1 - t)) == NULL && has_ext(t, (size_t)(q - 1 - t)))
		return file_media(t, (size_t)(q - 1 - t));
	return NULL;
}

/* Media of a message that is not a placeholder: links, places, polls. */
static const char *
media_of(const char *t)
{
	const char *p;

	if (*t == 'l' && strncmp(t, "location: ", 10) == 0)
		return "location";
	if (*t == 'P' && strncmp(t, "POLL:", 5) == 0)
		return "poll";
	/* the first "://" (strchr: strstr's setup costs more here) */
	for (p = t; (p = strchr(p, ':')) != NULL && (p[1] != '/' ||
	    p[2] != '/'); p++)
		continue;
	if (p != NULL && ((p - t >= 4 &&
	    strncmp(p - 4, "http", 4) == 0) || (p - t >= 5 &&
	    strncmp(p - 5, "https", 5) == 0)))
		return "link";
	return NULL;
}

/* Emit each name of a list ("A, B and C", "A、B") as one event. */
static int
each_name(struct wa *w, struct ing_event *e, char *list)
{
	char *p = list, *next, *best;
	size_t i, bl = 0;

	for (;;) {
		best = NULL;
		for (i = 0; wa_list_seps[i] != NULL; i++)
			if ((next = strstr(p, wa_list_seps[i])) != NULL &&
			    (best == NULL || next < best)) {
				best = next;
				bl = strlen(wa_list_seps[i]);
			}
		if (best != NULL)
			*best = '\0';
		e->user = person(p);
		if (*e->user != '\0' && ing_emit(w->g, e) == -1)
			return -1;
		if (best == NULL)
			return 0;
		p = best + bl;
	}
}

/*
 * The event of a catalogue entry matched with pieces a and b; where the
 * entry names nobody in a piece, the exporting user is meant.
 */
static int
notice_event(struct wa *w, struct ing_event *e, const struct wa_entry *c,
    char *a, char *b)
{
	if (!wa_has(c, 'a'))
		strcpy(a, "You");
	if (!wa_has(c, 'b'))
		strcpy(b, "You");
	switch (c->act) {
	case WA_CREATE:
		e->kind = ING_JOIN;
		e->via = "unknown";
		e->user = person(a);
		return ing_emit(w->g, e);
	case WA_ADD:
		e->kind = ING_JOIN;
		e->via = "added";
		e->actor = person(a);
		return each_name(w, e, b);
	case WA_ADDED:
		e->kind = ING_JOIN;
		e->via = "added";
		return each_name(w, e, a);
	case WA_LINK:
		e->kind = ING_JOIN;
		e->via = "link";
		e->user = person(a);
		return ing_emit(w->g, e);
	case WA_LEAVE:
		e->kind = ING_LEAVE;
		e->user = person(a);
		return ing_emit(w->g, e);
	case WA_REMOVE:
		e->kind = ING_REMOVE;
		e->actor = person(a);
		return each_name(w, e, b);
	case WA_REMOVED:
		e->kind = ING_REMOVE;
		return each_name(w, e, a);
	case WA_RENAME:
		e->kind = ING_RENAME;
		e->user = person(a);
		e->text = trim(b);
		return ing_emit(w->g, e);
	default:
		e->kind = ING_SYSTEM;
		return ing_emit(w->g, e);
	}
}

/*
 * A body WhatsApp marks as a notice (no author, or U+200E on iOS): the
 * catalogue's event, else a system row counted as unrecognised.
 */
static int
notice(struct wa *w, struct ing_event *e, char *text)
{
	const struct wa_entry *c;
	char a[2048], b[2048];

	e->kind = ING_SYSTEM;
	e->text = text;
	if ((c = wa_match(text, 1, a, b, sizeof a)) != NULL && c->act != WA_MEDIA)
		return notice_event(w, e, c, a, b);
	w->unknown++;
	return ing_emit(w->g, e);
}

/* Whether s holds a quotation mark of any kind (a notice quoting a group name). */
static int
quoted(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (*u != '"' && *u < 0xc2)
			continue;	/* most bytes: no quotation mark starts */
		else if (*u == '"' || (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x9c ||
		    u[2] == 0x9e)) || (u[0] == 0xc2 && u[1] == 0xab) ||
		    (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x8c))
			return 1;
	return 0;
}

/*
 * "Name:." or "Name:" alone is a disappearing message (chat-miner#92): the
 * length of the name, or 0.
 */
static size_t
disappearing(const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n < 2 || s[n - 1] != ':' || memchr(s, ':', n - 1) != NULL)
		return 0;
	return n - 1;
}

static int
flush(struct wa *w)
{
	struct ing_event e;
	const struct wa_entry *c;
	char *rest, *colon, *text, *author, a[2048], b[2048];
	size_t n;
	int marked;

	if (!w->have)
		return 0;
	w->have = 0;
	if (w->bad)
		return 0;	/* reported at its header */
	ing_event_clear(&e);
	e.line = w->hline;
	e.t = w->t;
	e.off = w->off;
	e.group = w->group;
	rest = w->msg.s;
	for (colon = rest; (colon = strchr(colon, ':')) != NULL &&
	    colon[1] != ' '; colon++)
		continue;	/* the first ": " */
	if (colon != NULL && memchr(rest, '\n', (size_t)(colon - rest)) != NULL)
		colon = NULL;
	if (colon == NULL) {
		rest = trimn(rest, &n);
		if ((n = disappearing(rest, n)) > 0 &&
		    wa_match(rest, 1, a, b, sizeof a) == NULL) {
			rest[n] = '\0';
			e.kind = ING_MESSAGE;
			e.user = author_name(rest);
			e.media = "deleted";
			e.text = "";
			return ing_emit(w->g, &e);
		}
		return notice(w, &e, rest);
	}
	/* `X changed the subject from "a: b" to "c"`: no author, a colon inside. */
	*colon = '\0';
	if (quoted(rest)) {
		*colon = ':';
		if ((c = wa_match(trim(rest), 1, a, b, sizeof a)) != NULL &&
		    c->act != WA_MEDIA && strstr(a, ": ") == NULL) {
			e.text = rest;
			return notice_event(w, &e, c, a, b);
		}
		*colon = '\0';
	}
	author = (char *)author_name(rest);
	text = colon + 2;
	marked = text[0] == '\xe2' && text[1] == '\x80' && text[2] == '\x8e';
	text = trim_to(text, w->msg.s + w->msg.len, &n);
	e.user = author;
	e.kind = ING_MESSAGE;
	if (*text == '\0') {
		e.media = "deleted";	/* a disappearing message */
		e.text = "";
		return ing_emit(w->g, &e);
	}
	if ((e.media = attachment(text, n)) != NULL) {
		e.text = "";
		return ing_emit(w->g, &e);
	}
	if ((c = wa_match(text, marked, a, b, sizeof a)) != NULL) {
		if (c->act == WA_MEDIA) {
			e.media = c->media;
			e.text = "";
			return ing_emit(w->g, &e);
		}
		e.user = NULL;
		e.text = text;
		return notice_event(w, &e, c, a, b);
	}
	if (marked) {
		e.user = NULL;
		return notice(w, &e, text);
	}
	e.media = media_of(text);
	e.text = text;
	e.tlen = n;
	return ing_emit(w->g, &e);
}

int
ing_whatsapp_sniff(const char *name, const char *head, size_t len)
{
	char line[512];
	struct hdr h;
	size_t i = 0, n;
	int hits = 0, lines = 0;

	(void)name;
	while (i < len && lines < 20) {
		const char *nl = memchr(head + i, '\n', len - i);

		n = nl ? (size_t)(nl - head - i) : len - i;
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, head + i, n);
		line[n] = '\0';
		if (n > 0)
			lines++;
		hits += parse_header(line, &h) == 0;
		i += n + 1;
		if (nl == NULL)
			break;
	}
	return hits == 0 ? 0 : hits * 2 >= lines ? 90 : 40;
}

static int	parse_as(struct ing *, struct ing_text *, const char *);

int
ing_whatsapp_parse(struct ing *g, struct ing_text *x)
{
	return parse_as(g, x, "whatsapp");
}

/*
 * Signal text as written by export tools ("[2019-12-24, 12:23] Name:
 * text") has WhatsApp's layout; only the file name tells them apart.
 */
int
ing_signal_sniff(const char *name, const char *head, size_t len)
{
	return strcasestr(name, "signal") != NULL &&
	    ing_whatsapp_sniff(name, head, len) > 0 ? 95 : 0;
}

int
ing_signal_parse(struct ing *g, struct ing_text *x)
{
	return parse_as(g, x, "signal");
}

/*
 * The group's name from the first notices: the one a creation notice
 * names, else whose name iOS writes before its first notice (the group,
 * or in a 1:1 chat the other person).
 */
static void
group_from(struct wa *w, const char *rest)
{
	const struct wa_entry *c;
	const char *colon, *body;
	char a[512], b[512];

	colon = strstr(rest, ": ");
	body = colon ? colon + 2 : rest;
	if (colon != NULL && strncmp(body, "\xe2\x80\x8e", 3) != 0)
		return;
	if ((c = wa_match(body, 1, a, b, sizeof a)) == NULL || c->act == WA_MEDIA)
		return;
	if (c->act == WA_CREATE && wa_has(c, 'b'))
		snprintf(w->group, sizeof w->group, "%s", b);
	else if (colon != NULL && !wa_has(c, 'a') && !wa_has(c, 'b') &&
	    (size_t)(colon - rest) < sizeof w->group)
		snprintf(w->group, sizeof w->group, "%.*s",
		    (int)(colon - rest), rest);
}

static int
parse_as(struct ing *g, struct ing_text *x, const char *platform)
{
	struct wa w;
	struct order o, os[4];
	struct hdr h;
	char *line;
	size_t len;
	int rc = 0, i, d, nhead = 0;

	memset(&w, 0, sizeof w);
	memset(&o, 0, sizeof o);
	memset(os, 0, sizeof os);
	w.g = g;
	w.x = x;
	ing_platform(g, platform);
	/* Pass 1: date order and group name (ASCII structure: no UTF-8 repair). */
	if (!name_from_file(ing_name(x), w.group, sizeof w.group))
		w.group[0] = '\0';
	ing_set_raw(x, 1);
	while ((rc = ing_line(x, &line, &len)) > 0) {
		if (parse_header(line, &h) == -1)
			continue;
		order_add(&o, &h);
		order_add(&os[style(&h)], &h);
		/*
		 * Once every style seen has a field above 12 (decisive) and a
		 * thousand headers are in, the rest of the file cannot change
		 * the order: stop reading.  Styles first seen later follow
		 * the file's order.
		 */
		if (++nhead >= 1000 && (w.group[0] != '\0' || nhead > 64)) {
			for (i = 0; i < 4; i++)
				if (os[i].have && os[i].max_a <= 12 &&
				    os[i].max_b <= 12)
					break;
			if (i == 4)
				break;
		}
		if (w.group[0] == '\0' && nhead <= 64)
			group_from(&w, h.rest);
	}
	if (rc < 0 || ing_rewind(x) == -1)
		return 0;
	/* Each style decides alone when it can, else the whole file does. */
	w.dfirst = (d = days_first(&o)) == -1 ? 1 : d;
	for (i = 0; i < 4; i++)
		w.dstyle[i] = (d = days_first(&os[i])) == -1 ? w.dfirst : d;
	if (w.group[0] == '\0') {
		const char *base = strrchr(ing_name(x), '/');
		size_t n;

		/* The file's name without .txt: "book-club.txt" is book-club. */
		snprintf(w.group, sizeof w.group, "%s", base ? base + 1 :
		    ing_name(x));
		n = strlen(w.group);
		if (n > 4 && strcasecmp(w.group + n - 4, ".txt") == 0)
			w.group[n - 4] = '\0';
	}
	/* Pass 2: messages, each dated at its own header's line. */
	while ((rc = ing_line(x, &line, &len)) > 0) {
		if (parse_header(line, &h) == 0) {
			if (flush(&w) == -1) {
				rc = -1;
				break;
			}
			w.h = h;
			w.msg.len = 0;
			if (ing_buf_add(&w.msg, h.rest,
			    len - (size_t)(h.rest - line)) == -1) {
				rc = -1;
				break;
			}
			w.h.rest = NULL;
			w.have = 1;
			w.hline = ing_lineno(x);
			w.bad = to_instant(&w, &h, &w.t, &w.off) == -1;
			if (w.bad && ing_bad(g, x,
			    "impossible date in a message header") == -1) {
				rc = -1;
				break;
			}
		} else if (w.have) {
			if (ing_buf_add(&w.msg, "\n", 1) == -1 ||
			    ing_buf_add(&w.msg, line, len) == -1) {
				rc = -1;
				break;
			}
		} else if (*skip_space(line) != '\0' &&
		    ing_bad(g, x, "not a %s message line",
		    strcmp(platform, "signal") == 0 ? "Signal" : "WhatsApp") ==
		    -1) {
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = flush(&w);
	if (w.unknown > 0)
		ing_note(g, x, "%llu unrecognised notices (read as system rows)",
		    w.unknown);
	ing_buf_free(&w.msg);
	return rc < 0 ? -1 : 0;
}

/* --- the export zip ---------------------------------------------------- */

/* An attachment's name: 00000012-PHOTO-2023-08-05-....jpg (iOS), IMG-20230805-WA0001.jpg (Android). */
static int
wa_media_name(const char *s)
{
	int i;

	for (i = 0; i < 8 && isdigit((unsigned char)s[i]); i++)
		continue;
	if (i == 8 && s[8] == '-')
		return 1;
	for (i = 0; i < 3 && isupper((unsigned char)s[i]); i++)
		continue;
	if (i < 3 || s[3] != '-')
		return 0;
	for (i = 4; i < 12 && isdigit((unsigned char)s[i]); i++)
		continue;
	return i == 12 && strncmp(s + 12, "-WA", 3) == 0;
}

/*
 * The chat's text as the exporter names it: _chat.txt (iOS), else
 * "WhatsApp Chat with X.txt" in the phone's language ("WhatsApp-Chat mit
 * X.txt", "Chat de WhatsApp con X.txt", ...).
 */
static int
wa_chat_name(const char *s)
{
	size_t n = strlen(s);

	if (strcmp(s, "_chat.txt") == 0)
		return 2;
	return n > 4 && strcasecmp(s + n - 4, ".txt") == 0 &&
	    strcasestr(s, "whatsapp") != NULL && !wa_media_name(s);
}

/*
 * The folder's chat text: _chat.txt, else the one "WhatsApp Chat with
 * X.txt", else the one named as the folder (or zip) itself: a chat sent
 * as a document in another is that one's attachment.
 */
static const char *
wa_chat(const struct ing_dir *d)
{
	const char *s, *chat = NULL, *own = NULL, *dir = ing_dir_name(d);
	size_t pos = 0, dn = strlen(dir);
	int type, n = 0;

	while ((s = ing_dir_next(d, &pos, &type)) != NULL) {
		if (type != 'f')
			continue;
		switch (wa_chat_name(s)) {
		case 2:
			return s;
		case 1:
			chat = s;
			n++;
			if (dn > 0 && strncmp(s, dir, dn) == 0 &&
			    strcmp(s + dn, ".txt") == 0)
				own = s;
		}
	}
	return n == 1 ? chat : own;
}

/*
 * _chat.txt is an export; "WhatsApp Chat with X.txt" is one when the
 * folder (or zip) is named as it or holds media named by WhatsApp: else
 * it is a chat among others in someone's folder.
 */
static int
wa_is(const struct ing_dir *d)
{
	const char *chat = wa_chat(d), *dir = ing_dir_name(d), *s;
	size_t pos = 0, dn = strlen(dir);
	int type;

	if (chat == NULL)
		return 0;
	if (strcmp(chat, "_chat.txt") == 0 || (dn > 0 &&
	    strncmp(chat, dir, dn) == 0 && strcmp(chat + dn, ".txt") == 0))
		return 1;
	while ((s = ing_dir_next(d, &pos, &type)) != NULL)
		if (type == 'f' && wa_media_name(s))
			return 1;
	return 0;
}

/*
 * The chat text and, beside it, its media: by the exporter's names for
 * them, or because the chat names them ("report.pdf (file attached)",
 * "<attached: 00000004-notes.zip>").  Anything else is not the export's.
 */
static enum ing_role
wa_role(const struct ing_dir *d, const char *rel, int type, int *rank)
{
	(void)rank;
	if (type != 'f' || strchr(rel, '/') != NULL)
		return ING_NOT;
	/* wa_chat() looks at every file: only for those it might pick. */
	if (wa_chat_name(rel) && strcmp(rel, wa_chat(d)) == 0)
		return ING_CHAT;
	if (wa_media_name(rel) || ing_media_name(rel))
		return ING_ATTACH;
	return ING_NAMED;
}

const struct ing_bundle ing_whatsapp_bundle = { wa_is, wa_role, NULL };
