/*
 * WhatsApp "Export chat" text, Android and iOS, in any date order and
 * locale we have seen.
 *
 * A message starts with a header line, "[date, time] author: text" (iOS)
 * or "date, time - author: text" (Android); other lines continue the
 * message before them.  Headers vary: / . - date separators, 2- or 4-digit
 * years, 12 or 24 h clocks with localized am/pm, optional seconds,
 * invisible marks (U+200E, U+200F, U+202F, NBSP) anywhere.  Day/month order
 * is not in the file: pass 1 infers it from the dates (a field above 12,
 * then which field decreases within a year, then which changes more often;
 * day first when nothing decides, as Pustur/whatsapp-chat-parser does) and
 * the group name; pass 2 emits events.  System lines (no author, or an
 * author followed by U+200E and a known phrase) become join, leave,
 * remove, rename or system events.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "qp_time.h"

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

	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f ||
	    (u[2] >= 0xaa && u[2] <= 0xae) || u[2] == 0xaf))
		return 3;	/* LRM, RLM, embeddings, NNBSP */
	if (u[0] == 0xe2 && u[1] == 0x81 && (u[2] == 0xa8 || u[2] == 0xa9))
		return 3;	/* isolates */
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;	/* BOM */
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;	/* NBSP */
	return 0;
}

static const char *
skip_marks(const char *p)
{
	size_t n;

	while ((n = invisible(p)) > 0)
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

static int
num(const char **p, int maxd, int *v)
{
	int n = 0, x = 0;

	while (n < maxd && **p >= '0' && **p <= '9') {
		x = x * 10 + (*(*p)++ - '0');
		n++;
	}
	*v = x;
	return n;
}

/* Localized am/pm written before the time (上午 3:15). */
static int
ampm_word(const char *p, size_t *len)
{
	static const struct { const char *w; int v; } words[] = {
		{ "上午", 1 }, { "下午", 2 }, { "午前", 1 }, { "午後", 2 },
		{ "오전", 1 }, { "오후", 2 }, { "晚上", 2 }, { "早上", 1 },
		{ "中午", 2 }, { "凌晨", 1 }
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strncmp(p, words[i].w, strlen(words[i].w)) == 0) {
			*len = strlen(words[i].w);
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

static int
parse_header(const char *line, struct hdr *h)
{
	const char *p = skip_marks(line), *junk;
	size_t n;
	int bracket, sep;

	memset(h, 0, sizeof *h);
	bracket = h->bracket = *p == '[';
	if (bracket)
		p++;
	if ((h->alen = num(&p, 4, &h->a)) == 0 || (*p != '/' && *p != '.' &&
	    *p != '-'))
		return -1;
	sep = *p++;
	if (*p == ' ')
		p++;
	if (num(&p, 4, &h->b) == 0 || *p != sep)
		return -1;
	p++;
	if (*p == ' ')
		p++;
	if ((h->clen = num(&p, 4, &h->c)) == 0)
		return -1;
	if (*p == ',' || *p == '.')
		p++;
	/* Up to a few non-digits before the time ("klo", 上午, spaces). */
	junk = p;
	while (*p != '\0' && (*p < '0' || *p > '9') && p - junk < 16) {
		if ((unsigned char)*p >= 0xe0 && (h->ampm = ampm_word(p, &n)) != 0)
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
	if ((*p == ':' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
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
	if (h->h > 23 || h->m > 59 || h->s > 59 || (h->ampm && h->h == 0 &&
	    0))
		return -1;
	h->rest = p;
	return 0;
}

/* --- date order --------------------------------------------------------- */

/* Evidence for one header style; files can mix Android and iOS lines. */
struct order {
	int	 max_a, max_b;
	int	 dec_a, dec_b;		/* decreases within a year */
	long	 chg_a, chg_b;		/* changes between headers */
	int	 have, pa, pb, pc, year_first;
};

static void
order_add(struct order *o, const struct hdr *h)
{
	if (h->alen == 4) {
		o->year_first = 1;
		return;
	}
	if (h->a > o->max_a)
		o->max_a = h->a;
	if (h->b > o->max_b)
		o->max_b = h->b;
	if (o->have && h->c == o->pc) {
		if (h->a < o->pa && h->b == o->pb)
			o->dec_a++;
		if (h->b < o->pb && h->a == o->pa)
			o->dec_b++;
	}
	if (o->have) {
		o->chg_a += h->a != o->pa;
		o->chg_b += h->b != o->pb;
	}
	o->have = 1;
	o->pa = h->a;
	o->pb = h->b;
	o->pc = h->c;
}

/* 1 when the first field is the day, 0 when the month, -1 undecided. */
static int
days_first(const struct order *o)
{
	if (o->max_a > 12)
		return 1;
	if (o->max_b > 12)
		return 0;
	if (o->dec_a != o->dec_b)
		return o->dec_a > o->dec_b;
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

static int
to_instant(const struct ing *g, const struct hdr *h, int dfirst, long long *t,
    int *off)
{
	int y, mo, d, hour = h->h;
	long long lt;

	if (h->alen == 4) {
		y = h->a;
		mo = h->b;
		d = h->c;
	} else {
		y = h->clen <= 2 ? 2000 + h->c : h->c;
		mo = dfirst ? h->b : h->a;
		d = dfirst ? h->a : h->b;
	}
	if (h->ampm == 1 && hour == 12)
		hour = 0;
	else if (h->ampm == 2 && hour < 12)
		hour += 12;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	{
		int y2;
		unsigned m2, d2;

		qp_civil_from_days(qp_days_from_civil(y, (unsigned)mo,
		    (unsigned)d), &y2, &m2, &d2);
		if (y2 != y || (int)m2 != mo || (int)d2 != d)
			return -1;	/* 31 April */
	}
	lt = qp_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400LL +
	    hour * 3600 + h->m * 60 + h->s;
	*t = qp_tz_resolve(ing_tz(g), lt);
	*off = qp_tz_offset(ing_tz(g), *t);
	return 0;
}

/* --- system lines ------------------------------------------------------- */

enum act { A_NONE, A_CREATE, A_ADD, A_ADDED, A_LINK, A_LEAVE, A_REMOVE,
	A_RENAME, A_SYSTEM };

/* %a: the subject; %b: the object (a list of names, or a group name). */
static const struct pattern {
	const char	*p;
	enum act	 act;
} patterns[] = {
	{ "%a created group \"%b\"", A_CREATE },
	{ "%a created group \xe2\x80\x9c%b\xe2\x80\x9d", A_CREATE },
	{ "%a created this group", A_CREATE },
	{ "%a joined using this group's invite link", A_LINK },
	{ "%a joined using this group\xe2\x80\x99s invite link", A_LINK },
	{ "%a joined using an invite link", A_LINK },
	{ "%a joined from the community", A_LINK },
	{ "%a was added", A_ADDED },
	{ "%a were added", A_ADDED },
	{ "%a added %b", A_ADD },
	{ "%a left", A_LEAVE },
	{ "%a removed %b", A_REMOVE },
	{ "%a were removed", A_REMOVE },
	{ "%a was removed", A_REMOVE },
	{ "%a changed the subject from \"%x\" to \"%b\"", A_RENAME },
	{ "%a changed the subject from \xe2\x80\x9c%x\xe2\x80\x9d to \xe2\x80\x9c%b\xe2\x80\x9d", A_RENAME },
	{ "%a changed the subject to \"%b\"", A_RENAME },
	{ "%a changed the subject to \xe2\x80\x9c%b\xe2\x80\x9d", A_RENAME },
	{ "%a changed the group name from \"%x\" to \"%b\"", A_RENAME },
	{ "%a changed the group name to \"%b\"", A_RENAME },
	/* Chinese */
	{ "%a\xe5\x88\x9b\xe5\xbb\xba\xe4\xba\x86\xe7\xbe\xa4\xe7\xbb\x84\xe2\x80\x9c%b\xe2\x80\x9d", A_CREATE },	/* 创建了群组“ */
	{ "%a \xe5\x88\x9b\xe5\xbb\xba\xe4\xba\x86\xe7\xbe\xa4\xe7\xbb\x84 \xe2\x80\x9c%b\xe2\x80\x9d", A_CREATE },
	{ "%a\xe9\x80\x9a\xe8\xbf\x87\xe6\xad\xa4\xe7\xbe\xa4\xe7\xbb\x84\xe7\x9a\x84\xe9\x82\x80\xe8\xaf\xb7\xe9\x93\xbe\xe6\x8e\xa5\xe5\x8a\xa0\xe5\x85\xa5", A_LINK },	/* 通过此群组的邀请链接加入 */
	{ "%a \xe9\x80\x9a\xe8\xbf\x87\xe6\xad\xa4\xe7\xbe\xa4\xe7\xbb\x84\xe7\x9a\x84\xe9\x82\x80\xe8\xaf\xb7\xe9\x93\xbe\xe6\x8e\xa5\xe5\x8a\xa0\xe5\x85\xa5", A_LINK },
	{ "%a \xe5\xb7\xb2\xe6\xb7\xbb\xe5\x8a\xa0 %b", A_ADD },		/* 已添加 */
	{ "%a\xe6\xb7\xbb\xe5\x8a\xa0\xe4\xba\x86%b", A_ADD },		/* 添加了 */
	{ "%a \xe6\xb7\xbb\xe5\x8a\xa0\xe4\xba\x86 %b", A_ADD },
	{ "%a \xe5\xb7\xb2\xe9\x80\x80\xe5\x87\xba", A_LEAVE },		/* 已退出 */
	{ "%a\xe5\xb7\xb2\xe9\x80\x80\xe5\x87\xba", A_LEAVE },
	{ "%a\xe9\x80\x80\xe5\x87\xba\xe4\xba\x86\xe7\xbe\xa4\xe7\xbb\x84", A_LEAVE },	/* 退出了群组 */
	{ "%a \xe5\xb7\xb2\xe7\xa7\xbb\xe9\x99\xa4 %b", A_REMOVE },		/* 已移除 */
	{ "%a\xe7\xa7\xbb\xe9\x99\xa4\xe4\xba\x86%b", A_REMOVE },		/* 移除了 */
	/* Dutch */
	{ "%a heeft de groep \xe2\x80\x9c%b\xe2\x80\x9d gemaakt", A_CREATE },
	{ "%a heeft %b toegevoegd", A_ADD },
	{ "%a heeft de groep verlaten", A_LEAVE },
	{ "%a heeft %b verwijderd", A_REMOVE },
	/* German */
	{ "%a hat die Gruppe \xe2\x80\x9e%b\xe2\x80\x9c erstellt", A_CREATE },
	{ "%a hat %b hinzugef\xc3\xbcgt", A_ADD },
	{ "%a hat die Gruppe verlassen", A_LEAVE },
	{ "%a hat %b entfernt", A_REMOVE },
	/* Spanish */
	{ "%a cre\xc3\xb3 el grupo \xe2\x80\x9c%b\xe2\x80\x9d", A_CREATE },
	{ "%a cre\xc3\xb3 el grupo \"%b\"", A_CREATE },
	{ "%a a\xc3\xb1" "adi\xc3\xb3 a %b", A_ADD },
	{ "%a te a\xc3\xb1" "adi\xc3\xb3", A_ADD },
	{ "%a sali\xc3\xb3 del grupo", A_LEAVE },
	{ "%a sali\xc3\xb3", A_LEAVE },
	{ "%a elimin\xc3\xb3 a %b", A_REMOVE },
	{ "%a se uni\xc3\xb3 usando el enlace de invitaci\xc3\xb3n de este grupo", A_LINK },
	/* Hebrew: יצר/ה את הקבוצה, הוסיף/ה אותך, הוסיף/ה את, יצא/ה, הסיר/ה את */
	{ "%a \xd7\x99\xd7\xa6\xd7\xa8/\xd7\x94 \xd7\x90\xd7\xaa \xd7\x94\xd7\xa7\xd7\x91\xd7\x95\xd7\xa6\xd7\x94 \"%b\"", A_CREATE },
	{ "%a \xd7\x94\xd7\x95\xd7\xa1\xd7\x99\xd7\xa3/\xd7\x94 \xd7\x90\xd7\x95\xd7\xaa\xd7\x9a", A_ADD },
	{ "%a \xd7\x94\xd7\x95\xd7\xa1\xd7\x99\xd7\xa3/\xd7\x94 \xd7\x90\xd7\xaa %b", A_ADD },
	{ "%a \xd7\x99\xd7\xa6\xd7\x90/\xd7\x94", A_LEAVE },
	{ "%a \xd7\x94\xd7\xa1\xd7\x99\xd7\xa8/\xd7\x94 \xd7\x90\xd7\xaa %b", A_REMOVE },
	{ NULL, A_NONE }
};

/* Phrases that are system lines without a subject. */
static const char *const notices[] = {
	"Messages and calls are end-to-end encrypted",
	"Messages to this group are now secured",
	"Messages you send to this group are now secured",
	"Messages you send to this chat",
	"This message was deleted", "You deleted this message",
	"You're now an admin", "You are now an admin",
	"changed this group's icon", "changed the group description",
	"changed their phone number", "changed the group settings",
	"deleted this group's icon", "security code changed",
	"U hebt de groepsafbeelding gewijzigd",
	"heeft de groepsafbeelding gewijzigd",
	"\xe6\xb6\x88\xe6\x81\xaf\xe5\x92\x8c\xe9\x80\x9a\xe8\xaf\x9d\xe9\x83\xbd\xe8\xbf\x9b\xe8\xa1\x8c\xe7\xab\xaf\xe5\x88\xb0\xe7\xab\xaf\xe5\x8a\xa0\xe5\xaf\x86",	/* 消息和通话都进行端到端加密 */
	NULL
};

/* Trim spaces and invisible marks at both ends, in place. */
static char *
trim(char *s)
{
	char *e;

	s = (char *)skip_space(s);
	e = s + strlen(s);
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
	return s;
}

/* "You", "you", "u", "你", "te" mean the exporting user. */
static const char *
person(char *s)
{
	s = trim(s);
	if (strcmp(s, "you") == 0 || strcmp(s, "You") == 0 ||
	    strcmp(s, "u") == 0 || strcmp(s, "U") == 0 ||
	    strcmp(s, "\xe4\xbd\xa0") == 0 || strcmp(s, "Sie") == 0 ||
	    strcmp(s, "te") == 0)
		return "You";
	if (strncmp(s, "~", 1) == 0)
		s = (char *)skip_space(s + 1);
	return s;
}

/* --- the parser --------------------------------------------------------- */

struct wa {
	struct ing	*g;
	struct ing_text	*x;
	char		 group[512];
	int		 dfirst;
	struct ing_buf	 msg;		/* current message: header line + text */
	struct hdr	 h;
	int		 have;
	unsigned long long hline;	/* the current message's header line */
	int		 dstyle[4];	/* days_first() per style */
};

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

static const char *
media_of(const char *text, int *placeholder)
{
	static const struct { const char *s; const char *m; } ph[] = {
		{ "<Media omitted>", "other" }, { "<media omitted>", "other" },
		{ "image omitted", "image" }, { "video omitted", "video" },
		{ "audio omitted", "audio" }, { "sticker omitted", "sticker" },
		{ "GIF omitted", "video" }, { "document omitted", "file" },
		{ "Contact card omitted", "other" }, { "Bild weggelassen", "image" },
		{ "Video weggelassen", "video" }, { "Audio weggelassen", "audio" },
		{ "Sticker weggelassen", "sticker" }, { "GIF weggelassen", "video" },
		{ "afbeelding weggelaten", "image" }, { "<Medien ausgeschlossen>", "other" },
		{ "<Multimedia omitido>", "other" }, { "<\xe7\x9c\x81\xe7\x95\xa5\xe5\xaa\x92\xe4\xbd\x93\xe6\x96\x87\xe4\xbb\xb6>", "other" },	/* <省略媒体文件> */
		{ NULL, NULL }
	};
	const char *t = skip_marks(text), *p;
	size_t i, n = strlen(t);

	*placeholder = 0;
	/* Placeholders are short and start with '<' or a capital or letter. */
	if (n <= 40)
		for (i = 0; ph[i].s != NULL; i++)
			if (t[0] == ph[i].s[0] && strcmp(t, ph[i].s) == 0) {
				*placeholder = 1;
				return ph[i].m;
			}
	if (strncmp(t, "<attached: ", 11) == 0 && t[n - 1] == '>') {
		*placeholder = 1;
		return strstr(t, "PHOTO") ? "image" : strstr(t, "VIDEO") ?
		    "video" : strstr(t, "AUDIO") ? "audio" : strstr(t,
		    "STICKER") ? "sticker" : "file";
	}
	if (n > 16 && strcmp(t + n - 16, " (file attached)") == 0) {
		*placeholder = 0;
		return strstr(t, ".jpg") || strstr(t, ".jpeg") ? "image" :
		    strstr(t, ".opus") ? "audio" : strstr(t, ".mp4") ? "video" :
		    strstr(t, ".webp") ? "sticker" : "file";
	}
	if (strncmp(t, "location: ", 10) == 0)
		return "location";
	if (strncmp(t, "POLL:", 5) == 0)
		return "poll";
	if ((p = strstr(t, "://")) != NULL && ((p - t >= 4 &&
	    strncmp(p - 4, "http", 4) == 0) || (p - t >= 5 &&
	    strncmp(p - 5, "https", 5) == 0)))
		return "link";
	return NULL;
}

/* Emit each name of a list ("A, B and C", "A、B") as one event. */
static int
each_name(struct wa *w, struct ing_event *e, char *list)
{
	static const char *const seps[] = {
		", ", " and ", " en ", " und ", " y ", " e ", "\xe3\x80\x81",
		"\xe5\x92\x8c", NULL
	};
	char *p = list, *next, *best;
	size_t i, bl = 0;

	for (;;) {
		best = NULL;
		for (i = 0; seps[i] != NULL; i++)
			if ((next = strstr(p, seps[i])) != NULL &&
			    (best == NULL || next < best)) {
				best = next;
				bl = strlen(seps[i]);
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

static int
system_line(struct wa *w, struct ing_event *e, const char *text)
{
	char a[512], b[2048], x[8];
	const struct pattern *p;
	size_t i;

	(void)x;
	e->kind = ING_SYSTEM;
	e->text = text;
	for (i = 0; notices[i] != NULL; i++)
		if (strstr(text, notices[i]) != NULL)
			return ing_emit(w->g, e);
	for (p = patterns; p->p != NULL; p++) {
		if (!ing_match(p->p, text, a, b, sizeof a < sizeof b ? sizeof a :
		    sizeof b))
			continue;
		switch (p->act) {
		case A_CREATE:
			e->kind = ING_JOIN;
			e->user = person(a);
			e->via = "unknown";
			return ing_emit(w->g, e);
		case A_ADD:
			e->kind = ING_JOIN;
			e->actor = person(a);
			e->via = "added";
			if (*b == '\0')		/* "X added you" forms */
				strcpy(b, "You");
			return each_name(w, e, b);
		case A_ADDED:
			e->kind = ING_JOIN;
			e->via = "added";
			return each_name(w, e, a);
		case A_LINK:
			e->kind = ING_JOIN;
			e->via = "link";
			e->user = person(a);
			return ing_emit(w->g, e);
		case A_LEAVE:
			e->kind = ING_LEAVE;
			e->user = person(a);
			return ing_emit(w->g, e);
		case A_REMOVE:
			e->kind = ING_REMOVE;
			if (*b == '\0')
				return each_name(w, e, a);
			e->actor = person(a);
			return each_name(w, e, b);
		case A_RENAME:
			e->kind = ING_RENAME;
			e->user = person(a);
			e->text = b;
			return ing_emit(w->g, e);
		default:
			break;
		}
	}
	return ing_emit(w->g, e);
}

static int
flush(struct wa *w)
{
	struct ing_event e;
	char *rest, *colon, *text, *author;
	int ph;

	if (!w->have)
		return 0;
	w->have = 0;
	memset(&e, 0, sizeof e);
	e.line = w->hline;
	if (to_instant(w->g, &w->h, w->dstyle[style(&w->h)], &e.t, &e.off) == -1)
		return ing_bad(w->g, w->x, "impossible date in a message header");
	e.group = w->group;
	rest = w->msg.s;
	colon = strstr(rest, ": ");
	if (colon == NULL || memchr(rest, '\n', (size_t)(colon - rest)) != NULL)
		return system_line(w, &e, trim(rest));
	*colon = '\0';
	author = (char *)person(rest);
	text = colon + 2;
	/* Newer exports write system lines under the group's name. */
	if (strcmp(author, w->group) == 0)
		return system_line(w, &e, trim(text));
	/* "Josh: <LRM>Josh created this group": a system line under a name. */
	if (invisible(text) == 3 && text[2] == '\x8e') {
		char *t = trim(text);
		size_t i;
		const struct pattern *p;
		char a[512], b[512];

		for (i = 0; notices[i] != NULL; i++)
			if (strstr(t, notices[i]) != NULL)
				return system_line(w, &e, t);
		for (p = patterns; p->p != NULL; p++)
			if (ing_match(p->p, t, a, b, sizeof a))
				return system_line(w, &e, t);
	}
	e.kind = ING_MESSAGE;
	e.user = author;
	e.media = media_of(text, &ph);
	e.text = ph ? "" : trim(text);
	if (strcmp(e.text, "This message was deleted") == 0 ||
	    strcmp(e.text, "You deleted this message") == 0)
		e.kind = ING_SYSTEM;
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

static int
parse_as(struct ing *g, struct ing_text *x, const char *platform)
{
	struct wa w;
	struct order o, os[4];
	struct hdr h;
	char *line, a[512], b[512];
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
		/* The creation and encryption notices open an export. */
		if (w.group[0] == '\0' && nhead <= 64 &&
		    (strstr(h.rest, "created group") ||
		    strstr(h.rest, "end-to-end"))) {
			const char *t = skip_marks(h.rest);
			const char *c = strstr(t, ": ");

			if (ing_match("%a created group \"%b\"", t, a, b, sizeof a) ||
			    ing_match("%a created group \xe2\x80\x9c%b\xe2\x80\x9d",
			    t, a, b, sizeof a))
				snprintf(w.group, sizeof w.group, "%s", b);
			else if (c != NULL && strstr(c, "Messages and calls are "
			    "end-to-end encrypted") != NULL &&
			    (size_t)(c - t) < sizeof w.group)
				snprintf(w.group, sizeof w.group, "%.*s",
				    (int)(c - t), t);
		}
	}
	if (rc < 0 || ing_rewind(x) == -1)
		return 0;
	/* Each style decides alone when it can, else the whole file does. */
	w.dfirst = (d = days_first(&o)) == -1 ? 1 : d;
	for (i = 0; i < 4; i++)
		w.dstyle[i] = (d = days_first(&os[i])) == -1 ? w.dfirst : d;
	if (w.group[0] == '\0') {
		const char *base = strrchr(ing_name(x), '/');

		snprintf(w.group, sizeof w.group, "%s", base ? base + 1 :
		    ing_name(x));
	}
	/* Pass 2: messages. */
	while ((rc = ing_line(x, &line, &len)) > 0) {
		if (parse_header(line, &h) == 0) {
			if (flush(&w) == -1) {
				rc = -1;
				break;
			}
			w.h = h;
			w.msg.len = 0;
			if (ing_buf_add(&w.msg, h.rest, strlen(h.rest)) == -1) {
				rc = -1;
				break;
			}
			w.h.rest = NULL;
			w.have = 1;
			w.hline = ing_lineno(x);
		} else if (w.have) {
			if (ing_buf_add(&w.msg, "\n", 1) == -1 ||
			    ing_buf_add(&w.msg, line, len) == -1) {
				rc = -1;
				break;
			}
		} else if (*skip_space(line) != '\0' &&
		    ing_bad(g, x, "not a WhatsApp message line") == -1) {
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = flush(&w);
	ing_buf_free(&w.msg);
	return rc < 0 ? -1 : 0;
}
