/*
 * Slack workspace export (a zip or its folder): users.json, channels.json
 * and one folder per channel with a JSON array of messages per day, read
 * as one bundle (ingest.h).  Each channel is a
 * group (its id from channels.json); names come from users.json (display
 * name, else real name, else handle).  Subtypes: channel_join is a join
 * (actor: the inviter when the export names one), channel_leave a leave,
 * channel_name a rename; messages in a thread reply to the thread's first
 * message (thread_ts, which is also that message's ts, our msg_id).  Posts
 * by bots and apps (bot_message, slackbot_response) are messages by the
 * bot's user id: users.json's bot users name their bot_id.
 * Times are Unix seconds (ts), read with the offset of --tz.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "json.h"
#include "qp_cli.h"
#include "qp_time.h"

#define F	256

struct sl {
	struct ing		*g;
	struct ing_names	*users;		/* id -> name */
	struct ing_names	*chans;		/* name -> id */
	unsigned long long	 n;
};

struct smsg {
	char	 type[F], subtype[F], user[F], ts[F], thread[F], inviter[F];
	char	 name[F], mime[F], bot[F];
	int	 nfiles;
	char	*text;
};

/* users.json: [{"id", "name", "real_name", "profile": {"display_name", ...}}] */
static int
read_users(struct sl *s, int fd, const char *name)
{
	struct json *j = json_new(fd);
	enum json_tok k;
	char id[F], handle[F], real[F], display[F], key[64], bot[F + 8];
	int rc = 0;

	if (j == NULL || json_next(j) != J_ARR)
		goto bad;
	while ((k = json_next(j)) == J_OBJ) {
		id[0] = handle[0] = real[0] = display[0] = '\0';
		strcpy(bot, "bot_id ");	/* a key no user id has */
		while ((k = json_next(j)) == J_KEY) {
			snprintf(key, sizeof key, "%s", json_str(j));
			if (strcmp(key, "id") == 0)
				rc = json_scalar(j, id, sizeof id);
			else if (strcmp(key, "name") == 0)
				rc = json_scalar(j, handle, sizeof handle);
			else if (strcmp(key, "real_name") == 0)
				rc = json_scalar(j, real, sizeof real);
			else if (strcmp(key, "profile") == 0) {
				if ((k = json_next(j)) != J_OBJ) {
					rc = json_skip(j, k);
					continue;
				}
				while ((k = json_next(j)) == J_KEY) {
					if (strcmp(json_str(j), "display_name") == 0)
						rc = json_scalar(j, display, sizeof display);
					else if (strcmp(json_str(j), "bot_id") == 0)
						rc = json_scalar(j, bot + 7, F);
					else
						rc = json_skip(j, json_next(j));
					if (rc == -1)
						goto bad;
				}
			} else
				rc = json_skip(j, json_next(j));
			if (rc == -1)
				goto bad;
		}
		if (ing_names_put(s->users, id, display[0] ? display : real[0] ?
		    real : handle) == -1 || (bot[7] != '\0' &&
		    ing_names_put(s->users, bot, id) == -1))
			goto bad;
	}
	json_free(j);
	return 0;
bad:
	qp_warn("%s: not a Slack users.json%s%s", name, j && json_error(j) ?
	    ": " : "", j && json_error(j) ? json_error(j) : "");
	json_free(j);
	return -1;
}

/* channels.json: [{"id", "name", ...}] */
static int
read_channels(struct sl *s, int fd, const char *name)
{
	struct json *j = json_new(fd);
	enum json_tok k;
	char id[F], cname[F];
	int rc = 0;

	if (j == NULL || json_next(j) != J_ARR)
		goto bad;
	while ((k = json_next(j)) == J_OBJ) {
		id[0] = cname[0] = '\0';
		while ((k = json_next(j)) == J_KEY) {
			if (strcmp(json_str(j), "id") == 0)
				rc = json_scalar(j, id, sizeof id);
			else if (strcmp(json_str(j), "name") == 0)
				rc = json_scalar(j, cname, sizeof cname);
			else
				rc = json_skip(j, json_next(j));
			if (rc == -1)
				goto bad;
		}
		if (ing_names_put(s->chans, cname, id) == -1)
			goto bad;
	}
	json_free(j);
	return 0;
bad:
	qp_warn("%s: not a Slack channels.json", name);
	json_free(j);
	return -1;
}

static const char *
user_name(const struct sl *s, const char *id)
{
	const char *n = ing_names_get(s->users, id);

	return n ? n : id;
}

/* The users a text names as <@U123> or <@U123|name>, space-separated. */
static void
slack_mentions(char *out, size_t cap, const char *text)
{
	const char *p = text, *e;
	size_t n = 0, l;

	*out = '\0';
	while ((p = strstr(p, "<@")) != NULL) {
		p += 2;
		l = strcspn(p, "|> ");
		e = p + l;
		if ((*e == '|' || *e == '>') && l > 0 && n + l + 2 <= cap) {
			if (n > 0)
				out[n++] = ' ';
			memcpy(out + n, p, l);
			n += l;
			out[n] = '\0';
		}
		p = e;
	}
}

static int
emit(struct sl *s, struct smsg *m, const char *chan, const char *chan_id,
    const char *where)
{
	struct ing_event e;
	char *end, ments[1024];
	double ts;

	memset(&e, 0, sizeof e);
	ts = strtod(m->ts, &end);
	if (m->ts[0] == '\0' || *end != '\0') {
		qp_warn("%s: a message without a valid ts; skipped", where);
		return 0;
	}
	e.t = (long long)ts;
	e.off = qp_tz_offset(ing_tz(s->g), e.t);
	e.group = chan;
	e.group_id = chan_id;
	e.msg_id = m->ts;
	if (m->bot[0] != '\0') {
		/* An app's post is the app's, even on behalf of a user: the
		 * bot's user when users.json names it, else its bot_id. */
		char key[F + 8];

		snprintf(key, sizeof key, "bot_id %s", m->bot);
		e.user_id = ing_names_get(s->users, key);
		if (e.user_id == NULL)
			e.user_id = m->bot;
	} else
		e.user_id = m->user[0] ? m->user : NULL;
	e.user = e.user_id && ing_names_get(s->users, e.user_id) ?
	    user_name(s, e.user_id) : m->name[0] ? m->name : e.user_id;
	e.text = m->text ? m->text : "";
	if (strcmp(m->subtype, "channel_join") == 0) {
		e.kind = ING_JOIN;
		e.via = m->inviter[0] ? "invite" : "unknown";
		e.actor_id = m->inviter[0] ? m->inviter : NULL;
	} else if (strcmp(m->subtype, "channel_leave") == 0)
		e.kind = ING_LEAVE;
	else if (strcmp(m->subtype, "channel_name") == 0)
		e.kind = ING_RENAME;
	else if (m->subtype[0] == '\0' || strcmp(m->subtype, "thread_broadcast") == 0 ||
	    strcmp(m->subtype, "file_share") == 0 ||
	    strcmp(m->subtype, "bot_message") == 0 ||
	    strcmp(m->subtype, "slackbot_response") == 0 ||
	    strcmp(m->subtype, "me_message") == 0) {
		e.kind = ING_MESSAGE;
		if (m->bot[0])
			e.role = "bot";
		if (m->thread[0] && strcmp(m->thread, m->ts) != 0)
			e.reply_to = m->thread;
		slack_mentions(ments, sizeof ments, e.text);
		e.mentions = ments;
		e.mentions_all = 1;	/* a bare @name is no mention */
		e.media = m->nfiles ? (strncmp(m->mime, "image/", 6) == 0 ? "image" :
		    strncmp(m->mime, "video/", 6) == 0 ? "video" :
		    strncmp(m->mime, "audio/", 6) == 0 ? "audio" : "file") :
		    strstr(e.text, "http://") || strstr(e.text, "https://") ?
		    "link" : "text";
	} else
		e.kind = ING_SYSTEM;
	s->n++;
	return ing_emit(s->g, &e);
}

/* One day file: a JSON array of messages. */
static int
read_day(struct sl *s, int fd, const char *chan, const char *where)
{
	struct json *j = json_new(fd);
	const char *chan_id = ing_names_get(s->chans, chan);
	struct smsg m;
	enum json_tok k;
	int rc = 0;

	memset(&m, 0, sizeof m);
	if (j == NULL || json_next(j) != J_ARR)
		goto bad;
	while ((k = json_next(j)) == J_OBJ) {
		free(m.text);
		memset(&m, 0, sizeof m);
		while ((k = json_next(j)) == J_KEY) {
			const char *key = json_str(j);

			if (strcmp(key, "type") == 0)
				rc = json_scalar(j, m.type, F);
			else if (strcmp(key, "subtype") == 0)
				rc = json_scalar(j, m.subtype, F);
			else if (strcmp(key, "user") == 0)
				rc = json_scalar(j, m.user, F);
			else if (strcmp(key, "bot_id") == 0)
				rc = json_scalar(j, m.bot, F);
			else if (strcmp(key, "username") == 0)
				rc = json_scalar(j, m.name, F);
			else if (strcmp(key, "ts") == 0)
				rc = json_scalar(j, m.ts, F);
			else if (strcmp(key, "thread_ts") == 0)
				rc = json_scalar(j, m.thread, F);
			else if (strcmp(key, "inviter") == 0)
				rc = json_scalar(j, m.inviter, F);
			else if (strcmp(key, "text") == 0) {
				if ((k = json_next(j)) == J_STR) {
					free(m.text);	/* a repeated key */
					if ((m.text = strdup(json_str(j))) == NULL)
						goto bad;
				} else
					rc = json_skip(j, k);
			} else if (strcmp(key, "user_profile") == 0) {
				char real[F] = "", disp[F] = "";

				if ((k = json_next(j)) != J_OBJ) {
					rc = json_skip(j, k);
					continue;
				}
				while ((k = json_next(j)) == J_KEY)
					if ((strcmp(json_str(j), "real_name") == 0 ?
					    json_scalar(j, real, F) : strcmp(json_str(j),
					    "display_name") == 0 ? json_scalar(j, disp, F) :
					    json_skip(j, json_next(j))) == -1)
						goto bad;
				snprintf(m.name, F, "%s", disp[0] ? disp : real);
			} else if (strcmp(key, "files") == 0) {
				if ((k = json_next(j)) != J_ARR) {
					rc = json_skip(j, k);
					continue;
				}
				while ((k = json_next(j)) == J_OBJ) {
					m.nfiles++;
					while ((k = json_next(j)) == J_KEY)
						if ((strcmp(json_str(j), "mimetype") == 0 ?
						    json_scalar(j, m.mime, F) :
						    json_skip(j, json_next(j))) == -1)
							goto bad;
				}
			} else
				rc = json_skip(j, json_next(j));
			if (rc == -1)
				goto bad;
		}
		if (k != J_END_OBJ || emit(s, &m, chan, chan_id, where) == -1)
			goto bad;
	}
	if (k != J_END_ARR || json_next(j) != J_EOF)
		goto bad;
	free(m.text);
	json_free(j);
	return 0;
bad:
	if (!ing_out_failed(s->g))
		qp_warn("%s: %s (truncated or corrupt JSON)", where,
		    j && json_error(j) ? json_error(j) : "not a Slack day file");
	free(m.text);
	json_free(j);
	return -1;
}

/* --- the bundle ---------------------------------------------------- */

/* A Slack export: users.json and channels.json side by side. */
static int
slack_is(const struct ing_dir *d)
{
	return ing_dir_has(d, "users.json") == 'f' &&
	    ing_dir_has(d, "channels.json") == 'f';
}

static int
is_json(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && strcmp(s + n - 5, ".json") == 0;
}

/*
 * Its own JSON files at the top (users and channels read first), a folder
 * per channel or conversation with a JSON file per day.
 */
static enum ing_role
slack_role(const struct ing_dir *d, const char *rel, int type, int *rank)
{
	const char *slash = strchr(rel, '/');

	(void)d;
	if (type == 'd')
		return slash == NULL ? ING_IN : ING_NOT;
	if (slash == NULL) {
		if (strcmp(rel, "users.json") == 0 ||
		    strcmp(rel, "channels.json") == 0 ||
		    strcmp(rel, "groups.json") == 0 ||
		    strcmp(rel, "mpims.json") == 0)
			return ING_CHAT;
		return is_json(rel) ? ING_SKIP : ING_NOT;
	}
	if (strchr(slash + 1, '/') != NULL || !is_json(slash + 1))
		return ING_NOT;
	*rank = 1;
	return ING_CHAT;
}

/* The files of one export share its users and channels. */
static int
slack_read(struct ing *g, struct ing_text *x, const char *rel, void **state)
{
	struct sl *s = *state;
	const char *slash;
	char chan[F];
	int fd;

	if (x == NULL) {
		if (s != NULL) {
			ing_names_free(s->users);
			ing_names_free(s->chans);
			free(s);
		}
		*state = NULL;
		return 0;
	}
	if (s == NULL) {
		if ((s = calloc(1, sizeof *s)) == NULL ||
		    (s->users = ing_names_new()) == NULL ||
		    (s->chans = ing_names_new()) == NULL) {
			if (s != NULL)
				ing_names_free(s->users);
			free(s);
			qp_warn("out of memory");
			return -1;
		}
		s->g = g;
		*state = s;
	}
	ing_platform(g, "slack");
	fd = ing_fd(x);
	if ((slash = strchr(rel, '/')) == NULL)
		return strcmp(rel, "users.json") == 0 ?
		    read_users(s, fd, ing_name(x)) :
		    read_channels(s, fd, ing_name(x));
	snprintf(chan, sizeof chan, "%.*s", (int)(slash - rel), rel);
	return read_day(s, fd, chan, ing_name(x));
}

const struct ing_bundle ing_slack_bundle = {
	slack_is, slack_role, slack_read
};
