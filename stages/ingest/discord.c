/*
 * Discord, as exported by DiscordChatExporter (Tyrrrz), JSON or CSV.
 *
 * A server (guild) is the community: every channel of one guild is one
 * group, named after the guild, so members who talk in different channels
 * are one membership.  Direct and group-DM channels are groups of their
 * own.  JSON message types: posts (the table below: Default, Reply, and
 * the replies of bots and apps to slash and context-menu commands, which
 * DiscordChatExporter may write as numbers, "20") are messages by their
 * author, bot or not (Reply with reply_to); GuildMemberJoin is a join; RecipientAdd adds the mentioned
 * user (actor: the author); RecipientRemove removes them (a leave when
 * they remove themselves); ChannelNameChange renames; the rest are system
 * lines.  The CSV carries only AuthorID, Author, Date, Content,
 * Attachments and Reactions; its system rows are recognised by their
 * fallback text ("Joined the server.", "Added X to the group.", ...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ingest.h"
#include "json.h"
#include "qp_csv.h"
#include "qp_io.h"
#include "qp_time.h"

#define F	256	/* every scalar field's buffer */

struct dmsg {
	char		 id[F], type[F], ts[F], ref[F];
	char		 author_id[F], author[F], nick[F], isbot[F];
	char		 mention_id[F], mention[F];
	char		 ments[1024];	/* every mentioned id, space-separated */
	char		 attach[F];
	int		 nattach, nsticker;
	char		*content;
	size_t		 clen, ccap;
};

struct dc {
	struct ing	*g;
	struct ing_text	*x;
	struct json	*j;
	char		 guild_id[F], guild[F];
	char		 chan_id[F], chan[F], chan_type[F];
};

/* An object of scalars: copy the keys named in keys[] into bufs[]. */
static int
object(struct json *j, const char *const *keys, char **bufs, size_t cap)
{
	enum json_tok k = json_next(j);
	size_t i;
	int r;

	if (k != J_OBJ)
		return json_skip(j, k);
	while ((k = json_next(j)) == J_KEY) {
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(json_str(j), keys[i]) == 0)
				break;
		r = keys[i] != NULL ? json_scalar(j, bufs[i], cap) :
		    json_skip(j, json_next(j));
		if (r == -1)
			return -1;
	}
	return k == J_END_OBJ ? 0 : -1;
}

/* An array of objects: count them, keep the first one's keys. */
static int
array(struct json *j, const char *const *keys, char **bufs, size_t cap, int *n)
{
	enum json_tok k = json_next(j);
	char tmp[256], *skip[4] = { tmp, tmp, tmp, tmp };

	*n = 0;
	if (k != J_ARR)
		return json_skip(j, k);
	while ((k = json_next(j)) != J_END_ARR) {
		if (k == J_ERR || k == J_EOF)
			return -1;
		if (k != J_OBJ) {
			if (json_skip(j, k) == -1)
				return -1;
			continue;
		}
		{
			size_t i;
			int r;

			while ((k = json_next(j)) == J_KEY) {
				for (i = 0; keys[i] != NULL; i++)
					if (strcmp(json_str(j), keys[i]) == 0)
						break;
				r = keys[i] != NULL ? json_scalar(j, *n == 0 ?
				    bufs[i] : skip[i & 3], *n == 0 ? cap :
				    sizeof tmp) : json_skip(j, json_next(j));
				if (r == -1)
					return -1;
			}
			if (k != J_END_OBJ)
				return -1;
		}
		(*n)++;
	}
	return 0;
}

/* The mentions array: every id, and the first one's id and name. */
static int
mentions(struct json *j, struct dmsg *m)
{
	enum json_tok k = json_next(j);
	char id[F], name[F];
	size_t have, l;
	int n = 0, r;

	if (k != J_ARR)
		return json_skip(j, k);
	while ((k = json_next(j)) != J_END_ARR) {
		if (k == J_ERR || k == J_EOF)
			return -1;
		if (k != J_OBJ) {
			if (json_skip(j, k) == -1)
				return -1;
			continue;
		}
		id[0] = name[0] = '\0';
		while ((k = json_next(j)) == J_KEY) {
			const char *key = json_str(j);

			r = strcmp(key, "id") == 0 ? json_scalar(j, id, F) :
			    strcmp(key, "name") == 0 ? json_scalar(j, name, F) :
			    json_skip(j, json_next(j));
			if (r == -1)
				return -1;
		}
		if (k != J_END_OBJ)
			return -1;
		if (n++ == 0) {
			memcpy(m->mention_id, id, F);
			memcpy(m->mention, name, F);
		}
		have = strlen(m->ments);
		l = strlen(id);
		if (l > 0 && have + l + 2 <= sizeof m->ments)
			snprintf(m->ments + have, sizeof m->ments - have, "%s%s",
			    have > 0 ? " " : "", id);
	}
	return 0;
}

static int
read_dmsg(struct dc *d, struct dmsg *m)
{
	static const char *const author_keys[] = { "id", "name", "nickname",
	    "isBot", NULL };
	static const char *const ref_keys[] = { "messageId", NULL };
	static const char *const att_keys[] = { "fileName", NULL };
	enum json_tok k;
	char *ab[4], *rb[1], *tb[1], ignore[64];
	int r;

	ab[0] = m->author_id;
	ab[1] = m->author;
	ab[2] = m->nick;
	ab[3] = m->isbot;
	rb[0] = m->ref;
	tb[0] = m->attach;
	while ((k = json_next(d->j)) == J_KEY) {
		const char *key = json_str(d->j);

		if (strcmp(key, "id") == 0)
			r = json_scalar(d->j, m->id, sizeof m->id);
		else if (strcmp(key, "type") == 0)
			r = json_scalar(d->j, m->type, sizeof m->type);
		else if (strcmp(key, "timestamp") == 0)
			r = json_scalar(d->j, m->ts, sizeof m->ts);
		else if (strcmp(key, "content") == 0) {
			enum json_tok t = json_next(d->j);

			r = 0;
			if (t == J_STR) {
				free(m->content);
				if ((m->content = strdup(json_str(d->j))) == NULL)
					return -1;
			} else
				r = json_skip(d->j, t);
		} else if (strcmp(key, "author") == 0)
			r = object(d->j, author_keys, ab, F);
		else if (strcmp(key, "reference") == 0)
			r = object(d->j, ref_keys, rb, F);
		else if (strcmp(key, "attachments") == 0)
			r = array(d->j, att_keys, tb, F, &m->nattach);
		else if (strcmp(key, "mentions") == 0)
			r = mentions(d->j, m);
		else if (strcmp(key, "stickers") == 0) {
			char *sb[1] = { ignore };
			static const char *const none[] = { "x-none", NULL };

			r = array(d->j, none, sb, sizeof ignore, &m->nsticker);
		} else
			r = json_skip(d->j, json_next(d->j));
		if (r == -1)
			return -1;
	}
	return k == J_END_OBJ ? 0 : -1;
}

static const char *
media_of_name(const char *f)
{
	const char *e = strrchr(f, '.');

	if (e == NULL)
		return "file";
	if (!strcasecmp(e, ".png") || !strcasecmp(e, ".jpg") ||
	    !strcasecmp(e, ".jpeg") || !strcasecmp(e, ".gif") ||
	    !strcasecmp(e, ".webp"))
		return "image";
	if (!strcasecmp(e, ".mp4") || !strcasecmp(e, ".mov") ||
	    !strcasecmp(e, ".webm"))
		return "video";
	if (!strcasecmp(e, ".mp3") || !strcasecmp(e, ".ogg") ||
	    !strcasecmp(e, ".wav") || !strcasecmp(e, ".m4a"))
		return "audio";
	return "file";
}

/* The group: the guild, or for direct messages the channel. */
static void
group_of(const struct dc *d, struct ing_event *e)
{
	int dm = strncmp(d->chan_type, "Direct", 6) == 0 || d->guild_id[0] == '\0' ||
	    strcmp(d->guild_id, "0") == 0;

	e->group_id = dm ? d->chan_id : d->guild_id;
	e->group = dm ? d->chan : d->guild;
	if (e->group_id[0] == '\0')
		e->group_id = NULL;
}

/* Types whose rows someone (a member, a bot, an app) posted. */
static const char *const posts[] = {
	"Default", "Reply", "ChatInputCommand", "ContextMenuCommand",
	"0", "19", "20", "23", NULL
};

static int
is_post(const char *type)
{
	const char *const *p;

	for (p = posts; *p != NULL; p++)
		if (strcmp(type, *p) == 0)
			return 1;
	return 0;
}

static int
emit_dmsg(struct dc *d, struct dmsg *m)
{
	struct ing_event e;
	int off;

	memset(&e, 0, sizeof e);
	if (qp_time_parse(m->ts, strlen(m->ts), &e.t, &off) == -1) {
		char why[128];

		return ing_bad(d->g, d->x, "message %s: timestamp '%s': %s",
		    m->id, m->ts, qp_time_why(m->ts, strlen(m->ts), 0, why,
		    sizeof why));
	}
	e.off = off;
	group_of(d, &e);
	e.msg_id = m->id[0] ? m->id : NULL;
	e.user_id = m->author_id[0] ? m->author_id : NULL;
	e.user = m->nick[0] ? m->nick : m->author;
	e.text = m->content ? m->content : "";
	if (is_post(m->type)) {
		e.kind = ING_MESSAGE;
		e.role = strcmp(m->isbot, "true") == 0 ? "bot" : NULL;
		e.reply_to = m->ref[0] ? m->ref : NULL;
		e.mentions = m->ments;
		e.mentions_all = 1;	/* its text writes them @name */
		e.media = m->nsticker ? "sticker" : m->nattach ?
		    media_of_name(m->attach) : strstr(e.text, "http://") ||
		    strstr(e.text, "https://") ? "link" : "text";
		return ing_emit(d->g, &e);
	}
	if (strcmp(m->type, "GuildMemberJoin") == 0) {
		e.kind = ING_JOIN;
		e.via = "link";
		return ing_emit(d->g, &e);
	}
	if ((strcmp(m->type, "RecipientAdd") == 0 ||
	    strcmp(m->type, "RecipientRemove") == 0) && m->mention_id[0]) {
		int self = strcmp(m->mention_id, m->author_id) == 0;

		e.kind = strcmp(m->type, "RecipientAdd") == 0 ? ING_JOIN :
		    self ? ING_LEAVE : ING_REMOVE;
		if (e.kind == ING_JOIN)
			e.via = "added";
		if (!self) {
			e.actor_id = e.user_id;
			e.actor = e.user;
		}
		e.user_id = m->mention_id;
		e.user = m->mention;
		return ing_emit(d->g, &e);
	}
	if (strcmp(m->type, "ChannelNameChange") == 0) {
		e.kind = ING_RENAME;
		return ing_emit(d->g, &e);
	}
	e.kind = ING_SYSTEM;
	if (e.text[0] == '\0')
		e.text = m->type;
	return ing_emit(d->g, &e);
}

int
ing_discord_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	if (len >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0) {
		head += 3;
		len -= 3;
	}
	if (len > 40 && strncmp(head, "\"AuthorID\",\"Author\",\"Date\",\"Content\"",
	    36) == 0)
		return 95;
	if (len > 0 && memchr(head, '{', len < 8 ? len : 8) != NULL &&
	    memmem(head, len, "\"guild\"", 7) != NULL &&
	    memmem(head, len, "\"channel\"", 9) != NULL)
		return 95;
	return 0;
}

/* The CSV: group from the file name "Guild - Category - channel [id].csv". */
static int
parse_csv(struct dc *d)
{
	struct qp_csv *c;
	const struct qp_row *r;
	const char *base = ing_name(d->x), *p, *e;
	char a[512], b[512];
	int rc;

	for (p = base; *p; p++)
		if (*p == '/' || *p == '!')
			base = p + 1;
	e = strstr(base, " - ");
	snprintf(d->guild, sizeof d->guild, "%.*s", e ? (int)(e - base) :
	    (int)strlen(base), base);
	if ((c = ing_csv(d->x)) == NULL)
		return -1;
	if ((rc = qp_csv_next(c, &r)) <= 0 || r->n < 4) {
		rc = rc < 0 ? ing_csv_failed(d->g, d->x, c) : 0;
		goto out;
	}
	while ((rc = qp_csv_next(c, &r)) > 0) {
		struct ing_event ev;
		int off;

		ing_set_line(d->x, r->lineno);
		if (r->n < 4) {
			if ((rc = ing_bad(d->g, d->x, "%zu fields", r->n)) == -1)
				break;
			continue;
		}
		memset(&ev, 0, sizeof ev);
		if (qp_time_parse(r->f[2].s, r->f[2].len, &ev.t, &off) == -1) {
			char why[128];

			if ((rc = ing_bad(d->g, d->x, "Date '%s': %s", r->f[2].s,
			    qp_time_why(r->f[2].s, r->f[2].len, 0, why,
			    sizeof why))) == -1)
				break;
			continue;
		}
		ev.off = off;
		ev.group = d->guild;
		ev.user_id = r->f[0].s;
		ev.user = r->f[1].s;
		ev.text = r->f[3].s;
		ev.kind = ING_MESSAGE;
		if (strcmp(ev.text, "Joined the server.") == 0) {
			ev.kind = ING_JOIN;
			ev.via = "link";
		} else if (strcmp(ev.text, "Left the group.") == 0)
			ev.kind = ING_LEAVE;
		else if (ing_match("Added %a to the group.", ev.text, a, b,
		    sizeof a)) {
			ev.kind = ING_JOIN;
			ev.via = "added";
			ev.actor_id = ev.user_id;
			ev.user_id = NULL;
			ev.user = a;
		} else if (ing_match("Removed %a from the group.", ev.text, a,
		    b, sizeof a)) {
			ev.kind = ING_REMOVE;
			ev.actor_id = ev.user_id;
			ev.user_id = NULL;
			ev.user = a;
		} else if (r->n > 4 && r->f[4].len > 0)
			ev.media = media_of_name(r->f[4].s);
		else if (strstr(ev.text, "http://") || strstr(ev.text, "https://"))
			ev.media = "link";
		if ((rc = ing_emit(d->g, &ev)) == -1)
			break;
	}
	if (qp_csv_error(c) != NULL)
		rc = ing_csv_failed(d->g, d->x, c);
out:
	qp_src_close(qp_csv_src(c));
	qp_csv_free(c);
	return rc < 0 ? -1 : 0;
}

int
ing_discord_parse(struct ing *g, struct ing_text *x)
{
	static const char *const gk[] = { "id", "name", NULL };
	static const char *const ck[] = { "id", "name", "type", NULL };
	struct dc d;
	struct dmsg m;
	enum json_tok k;
	char head[64], *gb[2], *cb[3];
	int r = 0, n;

	memset(&d, 0, sizeof d);
	d.g = g;
	d.x = x;
	ing_platform(g, "discord");
	n = (int)read(ing_fd(x), head, sizeof head - 1);
	head[n > 0 ? n : 0] = '\0';
	if (strstr(head, "\"AuthorID\"") != NULL)
		return parse_csv(&d);
	if ((d.j = json_new(ing_fd(x))) == NULL)
		return -1;
	gb[0] = d.guild_id;
	gb[1] = d.guild;
	cb[0] = d.chan_id;
	cb[1] = d.chan;
	cb[2] = d.chan_type;
	memset(&m, 0, sizeof m);
	if (json_next(d.j) != J_OBJ)
		goto bad;
	while (r == 0 && (k = json_next(d.j)) == J_KEY) {
		const char *key = json_str(d.j);

		if (strcmp(key, "guild") == 0)
			r = object(d.j, gk, gb, F);
		else if (strcmp(key, "channel") == 0)
			r = object(d.j, ck, cb, F);
		else if (strcmp(key, "messages") == 0) {
			if ((k = json_next(d.j)) != J_ARR) {
				r = json_skip(d.j, k);
				continue;
			}
			while ((k = json_next(d.j)) == J_OBJ) {
				char *content = m.content;

				memset(&m, 0, sizeof m);
				free(content);
				ing_set_line(x, json_line(d.j));
				if (read_dmsg(&d, &m) == -1 ||
				    emit_dmsg(&d, &m) == -1) {
					r = -1;
					break;
				}
			}
			if (r == 0 && k != J_END_ARR)
				r = -1;
		} else
			r = json_skip(d.j, json_next(d.j));
	}
	if (r == 0 && json_next(d.j) == J_EOF)
		goto done;
bad:
	r = -1;
	if (json_error(d.j) != NULL)
		ing_fail(g, x, "%s (truncated or corrupt JSON)", json_error(d.j));
	else if (!ing_out_failed(g))
		ing_fail(g, x, "not the layout of a DiscordChatExporter export");
done:
	free(m.content);
	json_free(d.j);
	return r;
}
