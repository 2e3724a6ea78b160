/*
 * Any CSV as chat events (--format csv with --map), and external custom
 * events such as payments (--events FILE).
 *
 * --map names, for each events column, the CSV column that holds it:
 * "ts=Date,user=Author,text=Message".  ts and user (or user_id) are
 * needed; group defaults to the file name, kind to message.  Times may be
 * ISO 8601 with an offset, naive local times (read in --tz) or Unix
 * seconds or milliseconds.
 *
 * An events file has a header naming its columns; ts (or time, date,
 * paid_at), user_id (or uid, member_id) or user (or name, nickname), and
 * optionally event (default "paid"), group_id, group and platform.  Each
 * row becomes a custom event, matched to a member by id, else by the
 * latest display name seen in the chats read before it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_time.h"

static const char *const mapped[ING_NCOLS] = {
	"ts", "platform", "group_id", "group", "user_id", "user", "kind",
	"actor", "via", "msg_id", "reply_to", "media", "text", "name"
};

int
ing_map_parse(struct ing *g, const char *spec)
{
	char *s, *p, *eq, *next;
	int i;

	if ((s = strdup(spec)) == NULL)
		return -1;
	for (p = s; p != NULL; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(p, '=')) == NULL || eq == p || eq[1] == '\0')
			goto bad;
		*eq = '\0';
		for (i = 0; i < ING_NCOLS; i++)
			if (strcmp(p, mapped[i]) == 0)
				break;
		if (i == ING_NCOLS)
			goto bad;
		free(g->map[i]);
		if ((g->map[i] = strdup(eq + 1)) == NULL)
			goto bad;
	}
	free(s);
	if (g->map[0] == NULL || (g->map[5] == NULL && g->map[4] == NULL))
		return -1;
	return 0;
bad:
	free(s);
	return -1;
}

int
ing_parse_time(const struct ing *g, const char *s, long long *t, int *off)
{
	size_t n = strlen(s), i;
	long long lt;
	char buf[40];

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == n && (n == 10 || n == 13)) {
		*t = strtoll(s, NULL, 10) / (n == 13 ? 1000 : 1);
		*off = qp_tz_offset(g->tz, *t);
		return qp_time_in_range(*t) ? 0 : -1;
	}
	if (qp_time_parse(s, n, t, off) == 0)
		return 0;
	/* "2024/05/01 08:00" and friends: slashes as dashes. */
	if (n < sizeof buf) {
		memcpy(buf, s, n + 1);
		for (i = 0; i < n && i < 10; i++)
			if (buf[i] == '/')
				buf[i] = '-';
		if (qp_time_parse(buf, n, t, off) == 0)
			return 0;
		if (qp_time_parse_naive(buf, n, &lt) == 0) {
			*t = qp_tz_resolve(g->tz, lt);
			*off = qp_tz_offset(g->tz, *t);
			return 0;
		}
	}
	return -1;
}

static int
find(const struct qp_row *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcasecmp(h->f[i].s, name) == 0)
			return (int)i;
	return -1;
}

static const char *
cell(const struct qp_row *r, int c)
{
	return c >= 0 && (size_t)c < r->n ? r->f[c].s : "";
}

static enum ing_kind
kind_of(const char *s)
{
	static const char *const names[ING_NKINDS] = {
		"message", "join", "leave", "remove", "rename", "system", "custom"
	};
	int i;

	for (i = 0; i < ING_NKINDS; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum ing_kind)i;
	return ING_NKINDS;
}

int
ing_csv_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	(void)head;
	(void)len;
	return 0;	/* only with --format csv */
}

int
ing_csv_parse(struct ing *g, struct ing_text *x)
{
	struct qp_csv *c;
	const struct qp_row *r;
	int col[ING_NCOLS], i, rc;
	const char *base = ing_name(x), *p;
	char group[512];

	if (g->map[0] == NULL) {
		ing_fail(g, x, "--format csv needs --map ts=COLUMN,user=COLUMN,...");
		return -1;
	}
	for (p = base; *p; p++)
		if (*p == '/' || *p == '!')
			base = p + 1;
	snprintf(group, sizeof group, "%s", base);
	if ((p = strrchr(group, '.')) != NULL)
		group[p - group] = '\0';
	if ((c = ing_csv(x)) == NULL)
		return -1;
	if ((rc = qp_csv_next(c, &r)) <= 0) {
		ing_fail(g, x, "%s", rc < 0 ? qp_csv_error(c) : "empty file");
		rc = -1;
		goto out;
	}
	ing_set_line(x, r->lineno);
	for (i = 0; i < ING_NCOLS; i++) {
		col[i] = g->map[i] ? find(r, g->map[i]) : -1;
		if (g->map[i] && col[i] < 0) {
			ing_fail(g, x, "--map %s=%s: no such column", mapped[i],
			    g->map[i]);
			rc = -1;
			goto out;
		}
	}
	ing_platform(g, "csv");
	while ((rc = qp_csv_next(c, &r)) > 0) {
		struct ing_event e;
		const char *k;

		ing_set_line(x, r->lineno);
		memset(&e, 0, sizeof e);
		if (ing_parse_time(g, cell(r, col[0]), &e.t, &e.off) == -1) {
			if ((rc = ing_bad(g, x, "not a time: '%s'",
			    cell(r, col[0]))) == -1)
				break;
			continue;
		}
		k = cell(r, col[6]);
		e.kind = *k ? kind_of(k) : ING_MESSAGE;
		if (e.kind == ING_NKINDS) {
			if ((rc = ing_bad(g, x, "unknown kind '%s'", k)) == -1)
				break;
			continue;
		}
		e.group_id = col[2] >= 0 && *cell(r, col[2]) ? cell(r, col[2]) : NULL;
		e.group = col[3] >= 0 ? cell(r, col[3]) : group;
		e.user_id = col[4] >= 0 && *cell(r, col[4]) ? cell(r, col[4]) : NULL;
		e.user = cell(r, col[5]);
		e.actor_id = col[7] >= 0 && *cell(r, col[7]) ? cell(r, col[7]) : NULL;
		e.via = cell(r, col[8]);
		e.msg_id = col[9] >= 0 && *cell(r, col[9]) ? cell(r, col[9]) : NULL;
		e.reply_to = cell(r, col[10]);
		e.media = col[11] >= 0 && *cell(r, col[11]) ? cell(r, col[11]) : NULL;
		e.text = cell(r, col[12]);
		e.name = cell(r, col[13]);
		if (e.user_id == NULL && *e.user == '\0') {
			if ((rc = ing_bad(g, x, "no user")) == -1)
				break;
			continue;
		}
		if ((rc = ing_emit(g, &e)) == -1)
			break;
	}
	if (rc == 0 && qp_csv_error(c) != NULL) {
		ing_fail(g, x, "%s", qp_csv_error(c));
		rc = -1;
	}
out:
	qp_src_close(qp_csv_src(c));
	qp_csv_free(c);
	return rc < 0 ? -1 : 0;
}

/* --events FILE: custom events matched to members read so far. */
int
ing_events_file(struct ing *g, const char *path)
{
	static const char *const ts_names[] = { "ts", "time", "date", "paid_at", "created_at", NULL };
	static const char *const uid_names[] = { "user_id", "uid", "member_id", NULL };
	static const char *const user_names[] = { "user", "name", "nickname", "member", NULL };
	static const char *const ev_names[] = { "event", "kind", NULL };
	struct qp_src *s;
	struct qp_csv *c;
	const struct qp_row *r;
	int cts = -1, cuid = -1, cuser = -1, cev = -1, cgid, cgroup, cplat;
	int i, rc, bad = 0, n = 0, unmatched = 0;

	/* The src id: a hash of the file's text, as for chat exports. */
	{
		static char buf[65536];
		struct qp_hasher *h;
		long got;

		if ((s = qp_src_open(path)) == NULL) {
			qp_warn("%s: %s", path, strerror(errno));
			return -1;
		}
		if ((h = qp_hasher_new()) == NULL) {
			qp_src_close(s);
			return -1;
		}
		while ((got = qp_src_read(s, buf, sizeof buf)) > 0)
			qp_hasher_add(h, buf, (size_t)got);
		qp_hash_hex(buf, qp_hasher_end(h));
		memcpy(g->src, buf, 12);
		g->src[12] = '\0';
		qp_src_close(s);
		if (got < 0 || (s = qp_src_open(path)) == NULL) {
			qp_warn("%s: %s", path, got < 0 ? "read error" :
			    strerror(errno));
			return -1;
		}
	}
	if ((c = qp_csv_new(s)) == NULL || (rc = qp_csv_next(c, &r)) <= 0) {
		qp_warn("%s: %s", path, c && qp_csv_error(c) ? qp_csv_error(c) :
		    "empty file");
		rc = -1;
		goto out;
	}
	for (i = 0; ts_names[i] && cts < 0; i++)
		cts = find(r, ts_names[i]);
	for (i = 0; uid_names[i] && cuid < 0; i++)
		cuid = find(r, uid_names[i]);
	for (i = 0; user_names[i] && cuser < 0; i++)
		cuser = find(r, user_names[i]);
	for (i = 0; ev_names[i] && cev < 0; i++)
		cev = find(r, ev_names[i]);
	cgid = find(r, "group_id");
	cgroup = find(r, "group");
	cplat = find(r, "platform");
	if (cts < 0 || (cuid < 0 && cuser < 0)) {
		qp_warn("%s: the header needs a time column (ts, time, date, "
		    "paid_at) and user_id or user", path);
		rc = -1;
		goto out;
	}
	ing_platform(g, "csv");
	while ((rc = qp_csv_next(c, &r)) > 0) {
		struct ing_event e;
		const char *uid = cell(r, cuid), *user = cell(r, cuser), *known;

		memset(&e, 0, sizeof e);
		if (ing_parse_time(g, cell(r, cts), &e.t, &e.off) == -1) {
			if (bad++ < 5)
				qp_warn("%s:%llu: not a time: '%s'", path,
				    r->lineno, cell(r, cts));
			if (g->strict) {
				rc = -1;
				break;
			}
			continue;
		}
		e.kind = ING_CUSTOM;
		e.name = *cell(r, cev) ? cell(r, cev) : "paid";
		e.user = user;
		e.user_id = *uid ? uid : NULL;
		known = *user && g->everyone ? ing_names_get(g->everyone, user) :
		    NULL;
		if (known != NULL && e.user_id != NULL &&
		    strcmp(strchr(known, '\x1f') + 1, e.user_id) != 0)
			known = NULL;	/* the same name, another person */
		if (known != NULL) {
			/* "platform\x1fid", as ing_emit() records it */
			const char *sep = strchr(known, '\x1f');

			snprintf(g->platform_buf, sizeof g->platform_buf, "%.*s",
			    (int)(sep - known), known);
			ing_platform(g, g->platform_buf);
			e.user_id = sep + 1;
		} else {
			if (e.user_id == NULL)
				unmatched++;
			ing_platform(g, *cell(r, cplat) ? cell(r, cplat) : "csv");
		}
		e.group_id = *cell(r, cgid) ? cell(r, cgid) : NULL;
		e.group = cell(r, cgroup);
		if (e.group_id == NULL && *e.group == '\0')
			e.group_id = "";	/* no group: every group of the member */
		if ((rc = ing_emit(g, &e)) == -1)
			break;
		n++;
	}
	if (rc == 0 && qp_csv_error(c) != NULL) {
		qp_warn("%s", qp_csv_error(c));
		rc = -1;
	}
	if (rc == 0 && !g->quiet)
		qp_warn("%s: %d custom events, %d unreadable rows, %d matched to "
		    "no member seen in the chats", path, n, bad, unmatched);
	if (rc == 0) {
		memset(&g->cur, 0, sizeof g->cur);
		g->cur.kinds[ING_CUSTOM] = (unsigned long long)n;
		g->cur.bad = (unsigned long long)bad;
		ing_add_source(g, path, "events");
	}
out:
	qp_csv_free(c);
	qp_src_close(s);
	return rc < 0 ? -1 : 0;
}
