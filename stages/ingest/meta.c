/*
 * Facebook Messenger and Instagram, from Meta's "Download your
 * information" JSON (message_1.json ...): participants, messages with
 * sender_name, timestamp_ms, content and media lists, a title.
 *
 * Meta writes UTF-8 text as one \u00XX escape per byte ("J\u00e2\u009d
 * \u00a4\u00ef\u00b8\u008fhn"): a string made only of code points up to
 * U+00FF whose bytes form valid UTF-8 is read as those bytes.  Notices are
 * told by their text (the table below: joins, adds, leaves, removals, poll
 * updates), whoever they are attributed to; old exports have no type.
 * Else messages of type Subscribe are joins, Unsubscribe leaves.
 * Instagram is told apart by the file's path or the
 * is_geoblocked_for_viewer key.  Meta names people by display name only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ingest.h"
#include "json.h"
#include "qp_csv.h"
#include "qp_time.h"

#define F	512

struct mm {
	char	 sender[F], type[64], media[16];
	long long ts_ms;
	int	 have_ts;
	char	*content;
};

/* Undo Meta's byte-per-code-point escaping in place, when it applies. */
static void
repair(char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char *out, *o;
	size_t hi = 0, len = strlen(s);

	for (; *p; p++) {
		if (*p < 0x80)
			continue;
		if ((*p != 0xc2 && *p != 0xc3) || (p[1] & 0xc0) != 0x80)
			return;		/* a code point above U+00FF: real text */
		hi++;
		p++;
	}
	if (hi == 0 || (out = malloc(len + 1)) == NULL)
		return;
	for (p = (const unsigned char *)s, o = out; *p; p++) {
		if (*p == 0xc2 || *p == 0xc3) {
			*o++ = (unsigned char)(((*p & 0x03) << 6) | (p[1] & 0x3f));
			p++;
		} else
			*o++ = *p;
	}
	*o = '\0';
	/* Only when the bytes are UTF-8: else it was Latin-1 text all along. */
	if (qp_utf8_check(out, (size_t)(o - out)) == (size_t)(o - out))
		memcpy(s, out, (size_t)(o - out) + 1);
	free(out);
}

int
ing_meta_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	if (memmem(head, len, "\"sender_name\"", 13) != NULL &&
	    memmem(head, len, "\"timestamp_ms\"", 14) != NULL)
		return 90;
	if (memmem(head, len, "\"participants\"", 14) != NULL &&
	    memmem(head, len, "\"messages\"", 10) != NULL &&
	    memmem(head, len, "\"guild\"", 7) == NULL)
		return 60;
	return 0;
}

/*
 * Meta's notices: %a is who joins or leaves, %b who acted; a notice naming
 * no one is a system row.  Those naming people are looked for only where
 * a typed export does not call the row a plain message (type Generic), so
 * "Mia added salt to the group." stays a message.
 */
static const struct {
	const char	*p;
	enum ing_kind	 kind;
	const char	*via;
} notices[] = {
	{ "%b added %a to the group.", ING_JOIN, "added" },
	{ "%a joined the group.", ING_JOIN, "unknown" },
	{ "%a joined the group via invite link.", ING_JOIN, "link" },
	{ "%b removed %a from the group.", ING_REMOVE, NULL },
	{ "%a left the group.", ING_LEAVE, NULL },
	{ "%x's poll has multiple updates.", ING_SYSTEM, NULL },
	{ "This poll is no longer available.", ING_SYSTEM, NULL },
	{ NULL, 0, NULL }
};

static int
emit_mm(struct ing *g, struct mm *m, const char *title)
{
	struct ing_event e;
	char a[F], b[F];
	int i;

	memset(&e, 0, sizeof e);
	e.t = m->ts_ms / 1000 - (m->ts_ms < 0 && m->ts_ms % 1000);
	e.off = qp_tz_offset(ing_tz(g), e.t);
	e.group = title;
	e.user = m->sender;
	e.text = m->content ? m->content : "";
	for (i = 0; notices[i].p != NULL; i++)
		if ((notices[i].kind == ING_SYSTEM ||
		    strcmp(m->type, "Generic") != 0) &&
		    ing_match(notices[i].p, e.text, a, b, sizeof a)) {
			e.kind = notices[i].kind;
			e.via = notices[i].via;
			e.user = e.kind == ING_SYSTEM ? NULL : a;
			e.actor = *b ? b : NULL;
			return ing_emit(g, &e);
		}
	if (strcmp(m->type, "Subscribe") == 0 ||
	    strcmp(m->type, "Unsubscribe") == 0) {
		e.kind = *m->type == 'S' ? ING_JOIN : ING_LEAVE;
		e.via = *m->type == 'S' ? "unknown" : NULL;
		return ing_emit(g, &e);
	}
	if (strcmp(m->type, "Call") == 0) {
		e.kind = ING_SYSTEM;
		return ing_emit(g, &e);
	}
	e.kind = ING_MESSAGE;
	e.media = m->media[0] ? m->media : strstr(e.text, "http://") ||
	    strstr(e.text, "https://") ? "link" : "text";
	return ing_emit(g, &e);
}

int
ing_meta_parse(struct ing *g, struct ing_text *x)
{
	struct json *j;
	struct mm m;
	enum json_tok k;
	char title[F], key[64];
	const char *base = ing_name(x), *p;
	int r = 0, instagram = strcasestr(ing_name(x), "instagram") != NULL;

	for (p = base; *p; p++)
		if (*p == '/' || *p == '!')
			base = p + 1;
	snprintf(title, sizeof title, "%s", base);
	if ((j = json_new(ing_fd(x))) == NULL)
		return -1;
	memset(&m, 0, sizeof m);
	/* Instagram? Look before the messages are emitted. */
	{
		char head[16384];
		ssize_t n = read(ing_fd(x), head, sizeof head);

		if (n > 0 && memmem(head, (size_t)n, "is_geoblocked_for_viewer",
		    24) != NULL)
			instagram = 1;
		ing_fd(x);
	}
	ing_platform(g, instagram ? "instagram" : "messenger");
	/* Pass 1: the title, which Meta writes after the messages. */
	if (json_next(j) != J_OBJ)
		goto bad;
	while (r == 0 && (k = json_next(j)) == J_KEY)
		r = strcmp(json_str(j), "title") == 0 ?
		    json_scalar(j, title, sizeof title) : json_skip(j, json_next(j));
	if (r == -1 || k != J_END_OBJ)
		goto bad;
	repair(title);
	json_free(j);
	if ((j = json_new(ing_fd(x))) == NULL)
		return -1;
	/* Pass 2: the messages. */
	if (json_next(j) != J_OBJ)
		goto bad;
	while (r == 0 && (k = json_next(j)) == J_KEY) {
		if (strcmp(json_str(j), "messages") == 0) {
			if ((k = json_next(j)) != J_ARR)
				goto bad;
			while ((k = json_next(j)) == J_OBJ) {
				free(m.content);
				memset(&m, 0, sizeof m);
				ing_set_line(x, json_line(j));
				while ((k = json_next(j)) == J_KEY) {
					snprintf(key, sizeof key, "%s", json_str(j));
					if (strcmp(key, "sender_name") == 0)
						r = json_scalar(j, m.sender, F);
					else if (strcmp(key, "type") == 0)
						r = json_scalar(j, m.type, sizeof m.type);
					else if (strcmp(key, "timestamp_ms") == 0) {
						char ts[32];

						r = json_scalar(j, ts, sizeof ts);
						m.ts_ms = strtoll(ts, NULL, 10);
						m.have_ts = 1;
					} else if (strcmp(key, "content") == 0) {
						if ((k = json_next(j)) == J_STR) {
							free(m.content);	/* a repeated key */
							if ((m.content = strdup(json_str(j))) == NULL)
								goto bad;
						} else
							r = json_skip(j, k);
					} else {
						if (strcmp(key, "photos") == 0)
							strcpy(m.media, "image");
						else if (strcmp(key, "videos") == 0 ||
						    strcmp(key, "gifs") == 0)
							strcpy(m.media, "video");
						else if (strcmp(key, "audio_files") == 0)
							strcpy(m.media, "audio");
						else if (strcmp(key, "files") == 0)
							strcpy(m.media, "file");
						else if (strcmp(key, "sticker") == 0)
							strcpy(m.media, "sticker");
						else if (strcmp(key, "share") == 0)
							strcpy(m.media, "link");
						r = json_skip(j, json_next(j));
					}
					if (r == -1)
						goto bad;
				}
				if (k != J_END_OBJ)
					goto bad;
				repair(m.sender);
				if (m.content)
					repair(m.content);
				if (!m.have_ts) {
					if (ing_bad(g, x, "a message without "
					    "timestamp_ms") == -1)
						goto bad;
					continue;
				}
				if (emit_mm(g, &m, title) == -1)
					goto bad;
			}
			if (k != J_END_ARR)
				goto bad;
		} else
			r = json_skip(j, json_next(j));
	}
	if (r == 0 && json_next(j) == J_EOF) {
		free(m.content);
		json_free(j);
		return 0;
	}
bad:
	if (json_error(j) != NULL)
		ing_fail(g, x, "%s (truncated or corrupt JSON)", json_error(j));
	else if (!ing_out_failed(g))
		ing_fail(g, x, "not the layout of a Messenger or Instagram export");
	free(m.content);
	json_free(j);
	return -1;
}

/* --- the download ------------------------------------------------------ */

/* Where "Download your information" puts the chats, by year of layout. */
static const char *const meta_tops[] = {
	"messages", "your_activity_across_facebook/messages",
	"your_instagram_activity/messages", NULL
};

/* Folders of chats below messages/. */
static const char *const meta_boxes[] = {
	"inbox", "archived_threads", "filtered_threads", "message_requests",
	"e2ee_cutover", NULL
};

static int
in_list(const char *s, const char *const *v)
{
	for (; *v != NULL; v++)
		if (strcmp(s, *v) == 0)
			return 1;
	return 0;
}

/* A chat's folder (message_1.json ...), or the download holding them. */
static int
meta_is(const struct ing_dir *d)
{
	char p[256];
	int i;

	if (ing_dir_has(d, "message_1.json") == 'f')
		return 1;
	for (i = 0; meta_tops[i] != NULL; i++) {
		snprintf(p, sizeof p, "%s/inbox", meta_tops[i]);
		if (ing_dir_has(d, p) == 'd')
			return 1;
	}
	return 0;
}

static enum ing_role
meta_role(const struct ing_dir *d, const char *rel, int type, int *rank)
{
	const char *s = strrchr(rel, '/');
	size_t n;
	int i;

	(void)rank;
	if (ing_dir_has(d, "message_1.json") == 'f') {
		/* A chat: its pages, its media. */
		if (s != NULL)
			return ING_NOT;
		if (type == 'd')
			return strcmp(rel, "photos") == 0 ||
			    strcmp(rel, "videos") == 0 ||
			    strcmp(rel, "audio") == 0 ||
			    strcmp(rel, "files") == 0 ||
			    strcmp(rel, "gifs") == 0 ? ING_ATTACH : ING_NOT;
		return strncmp(rel, "message_", 8) == 0 &&
		    strcmp(rel + strlen(rel) - 5, ".json") == 0 ?
		    ING_CHAT : ING_NOT;
	}
	/* The download: each chat folder is a bundle of its own; the rest is not chats. */
	for (i = 0; meta_tops[i] != NULL; i++) {
		n = strlen(meta_tops[i]);
		if (type == 'd' && strncmp(meta_tops[i], rel, strlen(rel)) == 0 &&
		    (meta_tops[i][strlen(rel)] == '\0' ||
		    meta_tops[i][strlen(rel)] == '/'))
			return ING_IN;
		if (type == 'd' && strncmp(rel, meta_tops[i], n) == 0 &&
		    rel[n] == '/' && in_list(rel + n + 1, meta_boxes))
			return ING_NOT;
	}
	return ING_SKIP;
}

const struct ing_bundle ing_meta_bundle = { meta_is, meta_role, NULL };
