/*
 * Telegram Desktop's HTML export (messages.html, messages2.html, ...), read
 * as messages: the chat name from the page header, per message its id,
 * its time (the title of the date element, "23.08.2023 13:11:23 UTC-08:00"),
 * its sender (a "joined" message continues the previous sender), its text
 * with tags stripped, the message it replies to and its media.  Service
 * lines carry no time in this layout and are not read; the JSON export
 * has them.  The HTML names no user ids, so users are identified by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "qp_time.h"

struct hm {
	char		 id[32], reply[32], media[16];
	char		 from[512];
	long long	 t;
	int		 off, have_time, open;
	char		 why[128];	/* why the time could not be read */
	struct ing_buf	 text;
};

/* Decode the few entities Telegram writes and drop tags, appending to m. */
static int
add_text(struct hm *m, const char *s)
{
	static const struct { const char *e; const char *c; } ent[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
		{ "&nbsp;", " " }, { NULL, NULL }
	};
	const char *e;
	size_t i;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return 0;
	if (m->text.len > 0 && m->text.s[m->text.len - 1] != '\n' &&
	    ing_buf_add(&m->text, " ", 1) == -1)
		return -1;
	for (; *s; s++) {
		if (*s == '<' && (e = strchr(s, '>')) != NULL) {
			if (strncmp(s, "<br", 3) == 0 && ing_buf_add(&m->text, "\n", 1) == -1)
				return -1;
			s = e;
			continue;
		}
		if (*s == '&') {
			for (i = 0; ent[i].e != NULL; i++)
				if (strncmp(s, ent[i].e, strlen(ent[i].e)) == 0)
					break;
			if (ent[i].e != NULL) {
				if (ing_buf_add(&m->text, ent[i].c, strlen(ent[i].c)) == -1)
					return -1;
				s += strlen(ent[i].e) - 1;
				continue;
			}
		}
		if (ing_buf_add(&m->text, s, 1) == -1)
			return -1;
	}
	return 0;
}

static char *
trimmed(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* "23.08.2023 13:11:23 UTC-08:00"; on failure, why says what is wrong. */
static int
parse_title(const char *s, long long *t, int *off, char *why, size_t cap)
{
	int d, mo, y, h, mi, sec, oh = 0, om = 0;
	char sign = '+', iso[48];
	long long lt;

	if (sscanf(s, "%2d.%2d.%4d %2d:%2d:%2d UTC%c%2d:%2d", &d, &mo, &y, &h,
	    &mi, &sec, &sign, &oh, &om) < 6) {
		snprintf(why, cap, "has a time not as DD.MM.YYYY HH:MM:SS: "
		    "'%.24s'", s);
		return -1;
	}
	snprintf(iso, sizeof iso, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h,
	    mi, sec);
	if (qp_time_parse_naive(iso, strlen(iso), &lt) == -1) {
		char w[96];

		snprintf(why, cap, "has time '%.19s': %s", s,
		    qp_time_why(iso, strlen(iso), 1, w, sizeof w));
		return -1;
	}
	*off = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
	*t = lt - *off;
	return 0;
}

static int
flush(struct ing *g, struct ing_text *x, struct hm *m, const char *chat,
    char *last_from)
{
	struct ing_event e;

	if (!m->open)
		return 0;
	m->open = 0;
	if (!m->have_time)
		return ing_bad(g, x, "message %s %s", m->id, m->why[0] ?
		    m->why : "has no time");
	if (m->from[0] != '\0')
		snprintf(last_from, 512, "%s", m->from);
	memset(&e, 0, sizeof e);
	e.kind = ING_MESSAGE;
	e.t = m->t;
	e.off = m->off;
	e.group = chat;
	e.user = last_from;
	e.msg_id = m->id[0] ? m->id : NULL;
	e.reply_to = m->reply[0] ? m->reply : NULL;
	while (m->text.len > 0 && m->text.s[m->text.len - 1] == '\n')
		m->text.s[--m->text.len] = '\0';
	e.text = ing_buf_str(&m->text);
	e.media = m->media[0] ? m->media : strstr(e.text, "http://") ||
	    strstr(e.text, "https://") ? "link" : "text";
	return ing_emit(g, &e);
}

int
ing_telegram_html_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	if (memmem(head, len, "<title>Exported Data</title>", 28) != NULL &&
	    memmem(head, len, "page_body chat_page", 19) != NULL)
		return 95;
	return 0;
}

int
ing_telegram_html_parse(struct ing *g, struct ing_text *x)
{
	enum { S_NONE, S_CHAT, S_FROM, S_TEXT } st = S_NONE;
	struct hm m;
	char *line, *l, chat[512], last_from[512] = "", *p;
	size_t len;
	int rc = 0, header = 1;

	memset(&m, 0, sizeof m);
	ing_platform(g, "telegram");
	p = strrchr(ing_name(x), '/');
	snprintf(chat, sizeof chat, "%s", p ? p + 1 : ing_name(x));
	while ((rc = ing_line(x, &line, &len)) > 0) {
		l = trimmed(line);
		if (st == S_CHAT) {
			if (*l != '\0') {
				m.text.len = 0;
				if (add_text(&m, l) == -1)
					return -1;
				snprintf(chat, sizeof chat, "%s", ing_buf_str(&m.text));
				m.text.len = 0;
				st = S_NONE;
			}
			continue;
		}
		if (st == S_FROM) {
			if (strncmp(l, "</div>", 6) == 0) {
				st = S_NONE;
				continue;
			}
			{
				struct hm tmp;

				memset(&tmp, 0, sizeof tmp);
				if (add_text(&tmp, l) == -1)
					return -1;
				snprintf(m.from, sizeof m.from, "%s",
				    ing_buf_str(&tmp.text));
				ing_buf_free(&tmp.text);
			}
			continue;
		}
		if (st == S_TEXT) {
			if (strcmp(l, "</div>") == 0) {
				st = S_NONE;
				continue;
			}
			if (add_text(&m, l) == -1)
				return -1;
			continue;
		}
		if (header && strstr(l, "<div class=\"text bold\">") != NULL) {
			st = S_CHAT;
			header = 0;
			continue;
		}
		if (strncmp(l, "<div class=\"message ", 20) == 0) {
			header = 0;
			if (flush(g, x, &m, chat, last_from) == -1) {
				rc = -1;
				break;
			}
			if (strncmp(l + 20, "default", 7) != 0)
				continue;	/* service: no time in this layout */
			m.open = 1;
			m.have_time = 0;
			m.why[0] = '\0';
			m.text.len = 0;
			m.id[0] = m.reply[0] = m.media[0] = m.from[0] = '\0';
			if ((p = strstr(l, "id=\"message")) != NULL)
				sscanf(p + 11, "%31[0-9]", m.id);
			continue;
		}
		if (!m.open)
			continue;
		if ((p = strstr(l, "class=\"pull_right date details\" title=\"")) != NULL) {
			if (parse_title(p + 39, &m.t, &m.off, m.why,
			    sizeof m.why) == 0)
				m.have_time = 1;
		} else if (strncmp(l, "<div class=\"from_name\">", 23) == 0)
			st = S_FROM;
		else if (strcmp(l, "<div class=\"text\">") == 0)
			st = S_TEXT;
		else if ((p = strstr(l, "href=\"#go_to_message")) != NULL)
			sscanf(p + 20, "%31[0-9]", m.reply);
		else if (strstr(l, "class=\"photo_wrap") || strstr(l, "media_photo"))
			strcpy(m.media, "image");
		else if (strstr(l, "class=\"video_file_wrap") || strstr(l,
		    "media_video") || strstr(l, "animated_wrap"))
			strcpy(m.media, "video");
		else if (strstr(l, "media_voice_message") || strstr(l,
		    "media_audio_file"))
			strcpy(m.media, "audio");
		else if (strstr(l, "sticker_wrap"))
			strcpy(m.media, "sticker");
		else if (strstr(l, "media_file"))
			strcpy(m.media, "file");
		else if (strstr(l, "media_poll"))
			strcpy(m.media, "poll");
		else if (strstr(l, "media_location"))
			strcpy(m.media, "location");
	}
	if (rc == 0)
		rc = flush(g, x, &m, chat, last_from);
	ing_buf_free(&m.text);
	return rc < 0 ? -1 : 0;
}

/* --- the export folder ------------------------------------------------- */

/* messages.html, messages2.html, ...: one chat in pages. */
static int
page_name(const char *s)
{
	s += strncmp(s, "messages", 8) == 0 ? 8 : 0;
	while (*s >= '0' && *s <= '9')
		s++;
	return strcmp(s, ".html") == 0;
}

/* A chat's folder, or the top of an account's export (chats/ below). */
static int
tgh_is(const struct ing_dir *d)
{
	return ing_dir_has(d, "messages.html") == 'f' ||
	    ing_dir_has(d, "export_results.html") == 'f';
}

static enum ing_role
tgh_role(const struct ing_dir *d, const char *rel, int type, int *rank)
{
	(void)rank;
	if (strchr(rel, '/') != NULL)
		return ING_NOT;
	if (type == 'd')
		return ing_telegram_folder(rel);
	if (strncmp(rel, "messages", 8) == 0 && page_name(rel) &&
	    ing_dir_has(d, "messages.html") == 'f')
		return ING_CHAT;
	return strcmp(rel, "export_results.html") == 0 ? ING_SKIP : ING_NOT;
}

const struct ing_bundle ing_telegram_html_bundle = { tgh_is, tgh_role, NULL };
