/*
 * Telegram Desktop "Export chat history" JSON (result.json): one chat, or
 * a full-account export whose chats.list (and left_chats.list) hold many;
 * each chat is a group.  The file is read as a token stream, a message at
 * a time, so its size does not matter.
 *
 * The instant comes from date_unixtime when present and the offset from
 * its difference to date (the exporter's wall clock); older exports have
 * only date, read in --tz.  Service messages become events: create_group
 * and invite_members add members (actor: who added them), join_group_by_link
 * and join_group_by_request are joins by link, remove_members removes (or is
 * a leave when the actor removes themself), edit_group_title renames.
 * Members are named by display name there, so pass 1 maps the names seen
 * on messages to their ids.  Personal chats, bots and saved messages are
 * not groups and are skipped unless --all-chats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "json.h"
#include "qp_time.h"

#define MAXMEMBERS	64

struct msg {
	char		 id[32], type[32], action[48], reply[32];
	char		 date[40], unixtime[24];
	char		 from[256], from_id[64], actor[256], actor_id[64];
	char		 inviter[256], title[512], media[32];
	int		 photo, file, poll, location, contact, sticker, link;
	struct ing_buf	 text;
	char		*members[MAXMEMBERS];
	int		 nmembers;
	char		 ments[512];	/* mention_name entities' users */
};

struct tg {
	struct ing		*g;
	struct ing_text		*x;
	struct json		*j;
	struct ing_names	*names;
	int			 pass, all, skipped;
	char			 chat[512], chat_id[64], chat_type[48];
};

static void
msg_clear(struct msg *m)
{
	int i;

	for (i = 0; i < m->nmembers; i++)
		free(m->members[i]);
	/*
	 * Every string emptied rather than the 3.5 kB zeroed at each
	 * message: they are only read as strings, members up to nmembers.
	 */
	m->id[0] = m->type[0] = m->action[0] = m->reply[0] = '\0';
	m->date[0] = m->unixtime[0] = m->from[0] = m->from_id[0] = '\0';
	m->actor[0] = m->actor_id[0] = m->inviter[0] = m->title[0] = '\0';
	m->media[0] = m->ments[0] = '\0';
	m->photo = m->file = m->poll = m->location = m->contact = 0;
	m->sticker = m->link = 0;
	m->nmembers = 0;
	m->text.len = 0;	/* keep the buffer, drop the text */
}

/* "text": a string, or an array of strings and {"type","text"} objects. */
static int
read_text(struct tg *t, struct msg *m)
{
	enum json_tok k = json_next(t->j);

	if (k == J_STR)
		return ing_buf_add(&m->text, json_str(t->j), json_len(t->j));
	if (k != J_ARR)
		return json_skip(t->j, k);
	while ((k = json_next(t->j)) != J_END_ARR) {
		if (k == J_STR) {
			if (ing_buf_add(&m->text, json_str(t->j), json_len(t->j)) == -1)
				return -1;
		} else if (k == J_OBJ) {
			char uid[32] = "", type[32] = "";

			while ((k = json_next(t->j)) == J_KEY) {
				int is_text = strcmp(json_str(t->j), "text") == 0;
				int is_type = strcmp(json_str(t->j), "type") == 0;
				int is_uid = strcmp(json_str(t->j), "user_id") == 0;

				k = json_next(t->j);
				if (is_type && k == J_STR)
					snprintf(type, sizeof type, "%s",
					    json_str(t->j));
				if (is_uid && (k == J_NUM || k == J_STR)) {
					snprintf(uid, sizeof uid, "%s",
					    json_str(t->j));
					continue;
				}
				if (is_text && k == J_STR) {
					if (ing_buf_add(&m->text, json_str(t->j),
					    json_len(t->j)) == -1)
						return -1;
				} else if (is_type && k == J_STR &&
				    (strcmp(json_str(t->j), "link") == 0 ||
				    strcmp(json_str(t->j), "text_link") == 0))
					m->link = 1;
				else if (json_skip(t->j, k) == -1)
					return -1;
			}
			if (k != J_END_OBJ)
				return -1;
			/* A mention of one without a username: by id. */
			if (strcmp(type, "mention_name") == 0 && *uid != '\0') {
				size_t n = strlen(m->ments);

				snprintf(m->ments + n, sizeof m->ments - n,
				    "%suser%s", n > 0 ? " " : "", uid);
			}
		} else if (k == J_ERR || k == J_EOF || json_skip(t->j, k) == -1)
			return -1;
	}
	return 0;
}

static int
read_members(struct tg *t, struct msg *m)
{
	enum json_tok k = json_next(t->j);

	if (k != J_ARR)
		return json_skip(t->j, k);
	while ((k = json_next(t->j)) != J_END_ARR) {
		if (k == J_STR && m->nmembers < MAXMEMBERS) {
			if ((m->members[m->nmembers] = strdup(json_str(t->j))) == NULL)
				return -1;
			m->nmembers++;
		} else if (k == J_ERR || k == J_EOF || json_skip(t->j, k) == -1)
			return -1;
	}
	return 0;
}

/* Read one message object (its '{' already read). */
static int
read_msg(struct tg *t, struct msg *m)
{
	enum json_tok k;
	char key[64];
	int r;

	while ((k = json_next(t->j)) == J_KEY) {
		json_copy(t->j, key, sizeof key);
		if (t->pass == 1) {
			/* Names and ids alone: the rest skipped, not copied. */
			if (strcmp(key, "from") == 0)
				r = json_scalar(t->j, m->from, sizeof m->from);
			else if (strcmp(key, "from_id") == 0)
				r = json_scalar(t->j, m->from_id,
				    sizeof m->from_id);
			else if (strcmp(key, "actor") == 0)
				r = json_scalar(t->j, m->actor, sizeof m->actor);
			else if (strcmp(key, "actor_id") == 0)
				r = json_scalar(t->j, m->actor_id,
				    sizeof m->actor_id);
			else
				r = json_skip_next(t->j);
			if (r == -1)
				return -1;
			continue;
		}
		/* the keys every message has, first */
		if (strcmp(key, "text") == 0)
			r = read_text(t, m);
		else if (strcmp(key, "id") == 0)
			r = json_scalar(t->j, m->id, sizeof m->id);
		else if (strcmp(key, "type") == 0)
			r = json_scalar(t->j, m->type, sizeof m->type);
		else if (strcmp(key, "date") == 0)
			r = json_scalar(t->j, m->date, sizeof m->date);
		else if (strcmp(key, "date_unixtime") == 0)
			r = json_scalar(t->j, m->unixtime, sizeof m->unixtime);
		else if (strcmp(key, "from") == 0)
			r = json_scalar(t->j, m->from, sizeof m->from);
		else if (strcmp(key, "from_id") == 0)
			r = json_scalar(t->j, m->from_id, sizeof m->from_id);
		else if (strcmp(key, "actor") == 0)
			r = json_scalar(t->j, m->actor, sizeof m->actor);
		else if (strcmp(key, "actor_id") == 0)
			r = json_scalar(t->j, m->actor_id, sizeof m->actor_id);
		else if (strcmp(key, "action") == 0)
			r = json_scalar(t->j, m->action, sizeof m->action);
		else if (strcmp(key, "inviter") == 0)
			r = json_scalar(t->j, m->inviter, sizeof m->inviter);
		else if (strcmp(key, "title") == 0)
			r = json_scalar(t->j, m->title, sizeof m->title);
		else if (strcmp(key, "reply_to_message_id") == 0)
			r = json_scalar(t->j, m->reply, sizeof m->reply);
		else if (strcmp(key, "media_type") == 0)
			r = json_scalar(t->j, m->media, sizeof m->media);
		else if (strcmp(key, "members") == 0)
			r = read_members(t, m);
		else {
			m->photo |= strcmp(key, "photo") == 0;
			m->file |= strcmp(key, "file") == 0;
			m->poll |= strcmp(key, "poll") == 0;
			m->location |= strcmp(key, "location_information") == 0;
			m->contact |= strcmp(key, "contact_information") == 0;
			m->sticker |= strcmp(key, "sticker_emoji") == 0;
			r = json_skip_next(t->j);
		}
		if (r == -1)
			return -1;
	}
	return k == J_END_OBJ ? 0 : -1;
}

/* Ids: "user123" as given; old numeric ids get the same prefix. */
static const char *
norm_id(char *id, size_t cap)
{
	size_t n = strlen(id);

	if (id[0] >= '0' && id[0] <= '9' && n + 5 <= cap) {
		memmove(id + 4, id, n + 1);
		memcpy(id, "user", 4);
	}
	return id[0] ? id : NULL;
}

static const char *
media_of(const struct msg *m)
{
	if (strcmp(m->media, "sticker") == 0 || m->sticker)
		return "sticker";
	if (strcmp(m->media, "video_file") == 0 ||
	    strcmp(m->media, "animation") == 0 ||
	    strcmp(m->media, "video_message") == 0)
		return "video";
	if (strcmp(m->media, "voice_message") == 0 ||
	    strcmp(m->media, "audio_file") == 0)
		return "audio";
	if (m->photo)
		return "image";
	if (m->file)
		return "file";
	if (m->poll)
		return "poll";
	if (m->location)
		return "location";
	if (m->contact)
		return "other";
	if (m->link || strstr(ing_buf_str(&m->text), "http://") ||
	    strstr(ing_buf_str(&m->text), "https://"))
		return "link";
	return "text";
}

/*
 * One event per member a service message names; each gets the message id
 * with ".k" appended, so that ids stay unique for qp-dedupe.
 */
static int
emit_member(struct tg *t, struct ing_event *e, const struct msg *m, int k,
    const char *name)
{
	char id[48];

	snprintf(id, sizeof id, "%s.%d", m->id, k + 1);
	e->msg_id = m->id[0] ? id : NULL;
	e->user = name;
	e->user_id = ing_names_get(t->names, name);
	return ing_emit(t->g, e);
}

static int
emit_msg(struct tg *t, struct msg *m)
{
	struct ing_event e;
	long long lt, u;
	char *end;
	int i, have_lt;

	norm_id(m->from_id, sizeof m->from_id);
	norm_id(m->actor_id, sizeof m->actor_id);
	if (t->pass == 1) {
		/* Names to ids, for the member lists of service messages. */
		if (ing_names_put(t->names, m->from, m->from_id) == -1 ||
		    ing_names_put(t->names, m->actor, m->actor_id) == -1)
			return -1;
		return 0;
	}
	if (!t->all && (strcmp(t->chat_type, "personal_chat") == 0 ||
	    strcmp(t->chat_type, "bot_chat") == 0 ||
	    strcmp(t->chat_type, "saved_messages") == 0)) {
		t->skipped = 1;
		return 0;
	}
	ing_event_clear(&e);
	have_lt = qp_time_parse_naive(m->date, strlen(m->date), &lt) == 0;
	u = strtoll(m->unixtime, &end, 10);
	if (m->unixtime[0] != '\0' && *end == '\0') {
		e.t = u;
		e.off = have_lt ? ing_offset(t->g, lt, u) :
		    qp_tz_offset(ing_tz(t->g), u);
	} else if (have_lt) {
		e.t = qp_tz_resolve(ing_tz(t->g), lt);
		e.off = qp_tz_offset(ing_tz(t->g), e.t);
	} else if (m->date[0] == '\0' && m->unixtime[0] == '\0')
		return ing_bad(t->g, t->x, "message %s has no date", m->id);
	else if (m->unixtime[0] != '\0')
		return ing_bad(t->g, t->x, "message %s: date_unixtime '%s' is "
		    "not a number", m->id, m->unixtime);
	else {
		char why[128];

		return ing_bad(t->g, t->x, "message %s: date '%s': %s", m->id,
		    m->date, qp_time_why(m->date, strlen(m->date), 1, why,
		    sizeof why));
	}
	e.group = t->chat;
	e.group_id = t->chat_id[0] ? t->chat_id : NULL;
	e.msg_id = m->id[0] ? m->id : NULL;
	e.text = ing_buf_str(&m->text);
	if (strcmp(m->type, "message") == 0) {
		e.kind = ING_MESSAGE;
		e.user = m->from;
		e.user_id = m->from_id[0] ? m->from_id : NULL;
		e.reply_to = m->reply[0] ? m->reply : NULL;
		e.mentions = m->ments;
		e.media = media_of(m);
		return ing_emit(t->g, &e);
	}
	if (strcmp(m->type, "service") != 0)
		return ing_bad(t->g, t->x, "message %s has type '%s'", m->id,
		    m->type);
	e.user = m->actor;
	e.user_id = m->actor_id[0] ? m->actor_id : NULL;
	if (strcmp(m->action, "create_group") == 0 ||
	    strcmp(m->action, "invite_members") == 0) {
		e.kind = ING_JOIN;
		if (strcmp(m->action, "create_group") == 0) {
			e.via = "unknown";
			if (ing_emit(t->g, &e) == -1)
				return -1;
		}
		e.via = "added";
		e.actor = m->actor;
		e.actor_id = e.user_id;
		for (i = 0; i < m->nmembers; i++)
			if (strcmp(m->members[i], m->actor) != 0 &&
			    emit_member(t, &e, m, i, m->members[i]) == -1)
				return -1;
		return 0;
	}
	if (strcmp(m->action, "join_group_by_link") == 0 ||
	    strcmp(m->action, "join_group_by_request") == 0) {
		e.kind = ING_JOIN;
		e.via = "link";
		if (m->inviter[0] != '\0') {
			e.actor = m->inviter;
			e.actor_id = ing_names_get(t->names, m->inviter);
		}
		return ing_emit(t->g, &e);
	}
	if (strcmp(m->action, "remove_members") == 0) {
		e.actor = m->actor;
		e.actor_id = e.user_id;
		for (i = 0; i < m->nmembers; i++) {
			int self = strcmp(m->members[i], m->actor) == 0;

			e.kind = self ? ING_LEAVE : ING_REMOVE;
			e.actor = self ? NULL : m->actor;
			e.actor_id = self ? NULL : m->actor_id[0] ? m->actor_id : NULL;
			if (emit_member(t, &e, m, i, m->members[i]) == -1)
				return -1;
		}
		return 0;
	}
	if (strcmp(m->action, "edit_group_title") == 0) {
		e.kind = ING_RENAME;
		e.text = m->title;
		return ing_emit(t->g, &e);
	}
	e.kind = ING_SYSTEM;
	if (e.text[0] == '\0')
		e.text = m->action;
	return ing_emit(t->g, &e);
}

static int
read_messages(struct tg *t)
{
	struct msg m;
	enum json_tok k = json_next(t->j);
	int rc = 0;

	if (k != J_ARR)
		return json_skip(t->j, k);
	memset(&m, 0, sizeof m);
	while ((k = json_next(t->j)) == J_OBJ) {
		msg_clear(&m);
		ing_set_line(t->x, json_line(t->j));
		if (read_msg(t, &m) == -1) {
			rc = -1;
			break;
		}
		if ((rc = emit_msg(t, &m)) == -1)
			break;
	}
	if (rc == 0 && k != J_END_ARR && k != J_OBJ)
		rc = -1;
	msg_clear(&m);
	ing_buf_free(&m.text);
	return rc;
}

/* A chat object (its '{' read): name, type, id, messages. */
static int
read_chat(struct tg *t)
{
	enum json_tok k;
	int r;
	const char *base = strrchr(ing_name(t->x), '/');

	snprintf(t->chat, sizeof t->chat, "%s", base ? base + 1 : ing_name(t->x));
	t->chat_id[0] = t->chat_type[0] = '\0';
	while ((k = json_next(t->j)) == J_KEY) {
		const char *key = json_str(t->j);

		if (strcmp(key, "name") == 0)
			r = json_scalar(t->j, t->chat, sizeof t->chat);
		else if (strcmp(key, "type") == 0)
			r = json_scalar(t->j, t->chat_type, sizeof t->chat_type);
		else if (strcmp(key, "id") == 0)
			r = json_scalar(t->j, t->chat_id, sizeof t->chat_id);
		else if (strcmp(key, "messages") == 0)
			r = read_messages(t);
		else if (strcmp(key, "chats") == 0 || strcmp(key, "left_chats") == 0) {
			/* A full-account export: {"about":…, "list": [chats]} */
			if ((k = json_next(t->j)) != J_OBJ) {
				r = json_skip(t->j, k);
				continue;
			}
			while ((k = json_next(t->j)) == J_KEY) {
				if (strcmp(json_str(t->j), "list") != 0) {
					if (json_skip_next(t->j) == -1)
						return -1;
					continue;
				}
				if ((k = json_next(t->j)) != J_ARR)
					return -1;
				while ((k = json_next(t->j)) == J_OBJ)
					if (read_chat(t) == -1)
						return -1;
				if (k != J_END_ARR)
					return -1;
			}
			r = k == J_END_OBJ ? 0 : -1;
		} else
			r = json_skip_next(t->j);
		if (r == -1)
			return -1;
	}
	return k == J_END_OBJ ? 0 : -1;
}

int
ing_telegram_sniff(const char *name, const char *head, size_t len)
{
	size_t i = 0;

	(void)name;
	while (i < len && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' ||
	    head[i] == '\t'))
		i++;
	if (i >= len || head[i] != '{')
		return 0;
	if (memmem(head, len, "\"guild\"", 7) != NULL)
		return 0;	/* Discord */
	if (memmem(head, len, "\"messages\"", 10) != NULL &&
	    (memmem(head, len, "\"from_id\"", 9) != NULL ||
	    memmem(head, len, "\"date_unixtime\"", 15) != NULL ||
	    memmem(head, len, "\"type\": \"message\"", 17) != NULL ||
	    memmem(head, len, "\"type\": \"service\"", 17) != NULL ||
	    memmem(head, len, "_chat\"", 6) != NULL ||
	    memmem(head, len, "\"messages\": []", 14) != NULL))
		return 90;
	if (memmem(head, len, "\"chats\"", 7) != NULL &&
	    memmem(head, len, "\"personal_information\"", 22) != NULL)
		return 90;
	return 0;
}

int
ing_telegram_parse(struct ing *g, struct ing_text *x)
{
	struct tg t;
	enum json_tok k;
	int rc = 0;

	memset(&t, 0, sizeof t);
	t.g = g;
	t.x = x;
	t.all = ing_all_chats(g);
	ing_platform(g, "telegram");
	if ((t.names = ing_names_new()) == NULL)
		return -1;
	for (t.pass = 1; t.pass <= 2 && rc == 0; t.pass++) {
		if ((t.j = json_new(ing_fd(x))) == NULL) {
			rc = -1;
			break;
		}
		if ((k = json_next(t.j)) != J_OBJ) {
			ing_set_line(x, json_line(t.j));
			rc = ing_bad(g, x, "not a Telegram Desktop export: %s",
			    json_error(t.j) ? json_error(t.j) :
			    "it does not start with an object");
			json_free(t.j);
			rc = rc < 0 ? -1 : 1;	/* 1: stop, but not an error */
			break;
		}
		if (read_chat(&t) == -1 || json_next(t.j) != J_EOF) {
			ing_set_line(x, json_line(t.j));
			if (json_error(t.j) != NULL) {
				/* A broken file, not a bad line: refuse it. */
				ing_fail(g, x, "%s (truncated or corrupt JSON)",
				    json_error(t.j));
				rc = -1;
			} else if (ing_out_failed(g))
				rc = -1;
			else
				rc = ing_bad(g, x, "not the layout of a Telegram "
				    "Desktop export");
			json_free(t.j);
			break;
		}
		json_free(t.j);
	}
	if (t.skipped)
		ing_note(g, x, "personal chats, bots and saved messages skipped "
		    "(--all-chats reads them)");
	ing_names_free(t.names);
	return rc < 0 ? -1 : 0;
}

/* --- the export folder ------------------------------------------------- */

/* Folders Telegram Desktop writes beside the chat: media, then the HTML's. */
static const char *const tg_folders[] = {
	"files", "photos", "video_files", "voice_messages",
	"round_video_messages", "stickers", "contacts", "profile_pictures",
	"stories", NULL, "css", "js", "images", "lists", NULL
};

enum ing_role
ing_telegram_folder(const char *name)
{
	enum ing_role r = ING_ATTACH;
	int i;

	for (i = 0; r == ING_ATTACH || tg_folders[i] != NULL; i++) {
		if (tg_folders[i] == NULL)
			r = ING_SKIP;
		else if (strcmp(name, tg_folders[i]) == 0)
			return r;
	}
	return ING_NOT;
}

static int
tg_is(const struct ing_dir *d)
{
	return ing_dir_has(d, "result.json") == 'f';
}

/* result.json holds the chats; HTML written beside it is the same again. */
static enum ing_role
tg_role(const struct ing_dir *d, const char *rel, int type, int *rank)
{
	(void)d;
	(void)rank;
	if (type == 'd')
		return strcmp(rel, "chats") == 0 ? ING_ATTACH :
		    ing_telegram_folder(rel);
	if (strcmp(rel, "result.json") == 0)
		return ING_CHAT;
	if (strncmp(rel, "messages", 8) == 0 &&
	    strcmp(rel + strlen(rel) - 5, ".html") == 0)
		return ING_SKIP;
	return strcmp(rel, "export_results.html") == 0 ? ING_SKIP : ING_NOT;
}

const struct ing_bundle ing_telegram_bundle = { tg_is, tg_role, NULL };
