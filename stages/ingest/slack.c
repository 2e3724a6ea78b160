/*
 * Slack workspace export (a zip): users.json, channels.json and one folder
 * per channel with a JSON array of messages per day.  Each channel is a
 * group (its id from channels.json); names come from users.json (display
 * name, else real name, else handle).  Subtypes: channel_join is a join
 * (actor: the inviter when the export names one), channel_leave a leave,
 * channel_name a rename; messages in a thread reply to the thread's first
 * message (thread_ts, which is also that message's ts, our msg_id).
 * Times are Unix seconds (ts), read with the offset of --tz.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "ingest.h"
#include "ingest_int.h"
#include "json.h"
#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_time.h"

#define F	256

struct sl {
	struct ing		*g;
	struct ing_names	*users;		/* id -> name */
	struct ing_names	*chans;		/* name -> id */
	char			 prefix[512];	/* folder of channels.json */
	unsigned long long	 n;
};

struct smsg {
	char	 type[F], subtype[F], user[F], ts[F], thread[F], inviter[F];
	char	 name[F], mime[F], bot[F];
	int	 nfiles;
	char	*text;
};

/* Read an entry's bytes into an unlinked temporary file. */
static int
spool(struct archive *a, const char *name, unsigned long long max)
{
	char buf[65536];
	la_ssize_t r;
	unsigned long long size = 0;
	int fd;

	if ((fd = ing_spool()) == -1) {
		qp_warn("%s: temporary file: %s", name, strerror(errno));
		return -1;
	}
	while ((r = archive_read_data(a, buf, sizeof buf)) > 0) {
		size += (unsigned long long)r;
		if (size > max) {
			qp_warn("%s: expands past --max-member-size; refused", name);
			close(fd);
			return -1;
		}
		if (qp_write_all(fd, buf, (size_t)r) == -1) {
			qp_warn("%s: temporary file: %s", name, strerror(errno));
			close(fd);
			return -1;
		}
	}
	if (r < 0) {
		qp_warn("%s: %s", name, archive_error_string(a));
		close(fd);
		return -1;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

/* users.json: [{"id", "name", "real_name", "profile": {"display_name", ...}}] */
static int
read_users(struct sl *s, int fd, const char *name)
{
	struct json *j = json_new(fd);
	enum json_tok k;
	char id[F], handle[F], real[F], display[F], key[64];
	int rc = 0;

	if (j == NULL || json_next(j) != J_ARR)
		goto bad;
	while ((k = json_next(j)) == J_OBJ) {
		id[0] = handle[0] = real[0] = display[0] = '\0';
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
		    real : handle) == -1)
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

static int
emit(struct sl *s, struct smsg *m, const char *chan, const char *chan_id,
    const char *where)
{
	struct ing_event e;
	char *end;
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
	/* An app's post (bot_id) is the app's, even on behalf of a user. */
	e.user_id = m->bot[0] ? m->bot : m->user[0] ? m->user : NULL;
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
	    strcmp(m->subtype, "me_message") == 0) {
		e.kind = ING_MESSAGE;
		if (m->bot[0])
			e.role = "bot";
		if (m->thread[0] && strcmp(m->thread, m->ts) != 0)
			e.reply_to = m->thread;
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

static struct archive *
reopen(int fd, const char *name)
{
	struct archive *a = archive_read_new();

	if (a == NULL)
		return NULL;
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	lseek(fd, 0, SEEK_SET);
	if (archive_read_open_fd(a, fd, 65536) != ARCHIVE_OK) {
		qp_warn("%s: %s", name, archive_error_string(a));
		archive_read_free(a);
		return NULL;
	}
	return a;
}

/* The folder holding channels.json and users.json, if both are there. */
int
ing_slack_detect(int fd, char *prefix, size_t cap)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	char users[512], chans[512];
	const char *p, *b;
	int hu = 0, hc = 0;

	if (a == NULL)
		return 0;
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	lseek(fd, 0, SEEK_SET);
	if (archive_read_open_fd(a, fd, 65536) == ARCHIVE_OK)
		while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
			if ((p = archive_entry_pathname(e)) == NULL)
				continue;
			b = strrchr(p, '/');
			b = b ? b + 1 : p;
			if (strcmp(b, "users.json") == 0 && !hu) {
				snprintf(users, sizeof users, "%.*s", (int)(b - p), p);
				hu = 1;
			} else if (strcmp(b, "channels.json") == 0 && !hc) {
				snprintf(chans, sizeof chans, "%.*s", (int)(b - p), p);
				hc = 1;
			}
		}
	archive_read_free(a);
	lseek(fd, 0, SEEK_SET);
	if (!hu || !hc || strcmp(users, chans) != 0)
		return 0;
	snprintf(prefix, cap, "%s", users);
	return 1;
}

/* Read a Slack export zip open on fd (not closed here). */
int
ing_slack_archive(struct ing *g, int fd, const char *name, const char *prefix)
{
	struct sl s;
	struct archive *a;
	struct archive_entry *e;
	char where[1024], chan[F];
	const char *p, *rest, *slash;
	size_t pl = strlen(prefix);
	int pass, rc = 0, efd, h;

	memset(&s, 0, sizeof s);
	s.g = g;
	snprintf(s.prefix, sizeof s.prefix, "%s", prefix);
	if ((s.users = ing_names_new()) == NULL ||
	    (s.chans = ing_names_new()) == NULL) {
		ing_names_free(s.users);
		return -1;
	}
	ing_platform(g, "slack");
	/* Pass 1: users and channels; pass 2: the day files. */
	for (pass = 1; pass <= 2 && rc == 0; pass++) {
		if ((a = reopen(fd, name)) == NULL) {
			rc = -1;
			break;
		}
		while (rc == 0 && (h = archive_read_next_header(a, &e)) != ARCHIVE_EOF) {
			if (h < ARCHIVE_WARN) {
				qp_warn("%s: %s", name, archive_error_string(a));
				rc = -1;
				break;
			}
			p = archive_entry_pathname(e);
			if (p == NULL || archive_entry_filetype(e) != AE_IFREG ||
			    strncmp(p, prefix, pl) != 0)
				continue;
			rest = p + pl;
			snprintf(where, sizeof where, "%s!%s", name, p);
			slash = strchr(rest, '/');
			if (pass == 1 ? (strcmp(rest, "users.json") != 0 &&
			    strcmp(rest, "channels.json") != 0) :
			    (slash == NULL || strchr(slash + 1, '/') != NULL ||
			    strlen(slash + 1) < 6 ||
			    strcmp(slash + strlen(slash) - 5, ".json") != 0))
				continue;
			if ((efd = spool(a, where, g->max_member)) == -1) {
				rc = g->strict ? -1 : 0;
				continue;
			}
			if (pass == 1)
				rc = strcmp(rest, "users.json") == 0 ?
				    read_users(&s, efd, where) :
				    read_channels(&s, efd, where);
			else {
				snprintf(chan, sizeof chan, "%.*s",
				    (int)(slash - rest), rest);
				rc = read_day(&s, efd, chan, where);
			}
			close(efd);
		}
		archive_read_free(a);
	}
	ing_names_free(s.users);
	ing_names_free(s.chans);
	return rc;
}

/* --- an unzipped export folder ----------------------------------------- */

static int
is_json_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 5 && strcmp(d->d_name + n - 5, ".json") == 0;
}

static int
is_subdir(const struct dirent *d)
{
	return d->d_name[0] != '.' && (d->d_type == DT_DIR || d->d_type == DT_UNKNOWN);
}

int
ing_slack_is_dir(const char *dir)
{
	char p[4096];

	snprintf(p, sizeof p, "%s/users.json", dir);
	if (access(p, R_OK) != 0)
		return 0;
	snprintf(p, sizeof p, "%s/channels.json", dir);
	return access(p, R_OK) == 0;
}

/* Call fn for every channel/day.json below dir, in name order. */
static int
each_day(const char *dir, int (*fn)(void *, const char *, const char *),
    void *arg)
{
	struct dirent **subs, **days;
	char p[4096];
	int ns, nd, i, k, rc = 0;

	if ((ns = scandir(dir, &subs, is_subdir, alphasort)) < 0)
		ns = 0;
	for (i = 0; i < ns; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, subs[i]->d_name);
		if ((nd = scandir(p, &days, is_json_file, alphasort)) < 0)
			nd = 0;
		for (k = 0; k < nd; k++) {
			snprintf(p, sizeof p, "%s/%s/%s", dir, subs[i]->d_name,
			    days[k]->d_name);
			if (rc == 0)
				rc = fn(arg, subs[i]->d_name, p);
			free(days[k]);
		}
		if (nd > 0)
			free(days);
		free(subs[i]);
	}
	if (ns > 0)
		free(subs);
	return rc;
}

struct dirhash {
	struct qp_hasher	*h;
	size_t			 skip;	/* length of the folder's own path */
};

static int
hash_day(void *arg, const char *chan, const char *path)
{
	struct dirhash *dh = arg;
	char buf[65536];
	ssize_t r;
	int fd;

	(void)chan;
	qp_hasher_add(dh->h, path + dh->skip, strlen(path + dh->skip));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		while ((r = read(fd, buf, sizeof buf)) > 0)
			qp_hasher_add(dh->h, buf, (size_t)r);
		close(fd);
	}
	return 0;
}

/* Hash every day file (name and bytes, in name order): the src id. */
static unsigned long long
dir_hash(const char *dir)
{
	struct dirhash dh;

	if ((dh.h = qp_hasher_new()) == NULL)
		return 0;
	dh.skip = strlen(dir);
	qp_hasher_add(dh.h, "slack", 5);
	(void)each_day(dir, hash_day, &dh);
	return qp_hasher_end(dh.h);
}

static int
read_day_file(void *arg, const char *chan, const char *path)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		qp_warn("%s: %s", path, strerror(errno));
		return 0;
	}
	rc = read_day(arg, fd, chan, path);
	close(fd);
	return rc;
}

/* Read a Slack export folder: users.json, channels.json, channel/day.json. */
int
ing_slack_dir(struct ing *g, const char *dir)
{
	struct sl s;
	char p[4096];
	int fd, rc = 0;

	memset(&s, 0, sizeof s);
	s.g = g;
	if ((s.users = ing_names_new()) == NULL ||
	    (s.chans = ing_names_new()) == NULL) {
		ing_names_free(s.users);
		return -1;
	}
	qp_hash_hex(p, dir_hash(dir));
	memcpy(g->src, p, 12);
	g->src[12] = '\0';
	ing_platform(g, "slack");
	snprintf(p, sizeof p, "%s/users.json", dir);
	if ((fd = open(p, O_RDONLY | O_CLOEXEC)) == -1 ||
	    read_users(&s, fd, p) == -1)
		rc = -1;
	if (fd != -1)
		close(fd);
	snprintf(p, sizeof p, "%s/channels.json", dir);
	if (rc == 0) {
		if ((fd = open(p, O_RDONLY | O_CLOEXEC)) == -1 ||
		    read_channels(&s, fd, p) == -1)
			rc = -1;
		if (fd != -1)
			close(fd);
	}
	if (rc == -1 && fd == -1)
		qp_warn("%s: %s", p, strerror(errno));
	if (rc == 0)
		rc = each_day(dir, read_day_file, &s);
	ing_names_free(s.users);
	ing_names_free(s.chans);
	return rc;
}
