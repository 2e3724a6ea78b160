/*
 * roles.c: who is staff or a bot, for the roles table (qunpipe(7)).
 *
 * Roles come from what an export says of a sender (QQ's 【群主】 prefix,
 * Discord's isBot, Slack's bot_id) and from --staff FILE, a CSV of group,
 * user and role read after the chats.  The file names people by id or by
 * name; a name is matched to the ids seen with it, in that group (or in
 * any group for "*"), and a name two people had is refused with both ids:
 * a role is never guessed.  Memory: the roles (staff, not members) and,
 * with --staff, one entry per (group, name) seen.
 */
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
#include "qp_roles.h"
#include "qp_stream.h"

#define SOURCE_EXPORT	0
#define SOURCE_STAFF	1

static const char *const sources[] = { "export", "staff" };

struct role {
	char	*gid, *uid;
	int	 role, source;
};

struct ing_roles {
	struct role	*r;
	size_t		 n, cap;
	struct qp_set64	 seen;		/* hashes of the roles in r */
	/*
	 * With --staff: "gid 0x1f name" and "0x1f name" -> ids, "id" or
	 * "id1 0x1e id2" when two people had it; "0x1e group" -> group ids
	 * alike; "0x1d id" -> the id itself, to know ids seen.
	 */
	struct ing_names *names;
	char		 last[600];	/* the last gid, name, uid noted */
	int		 staff;		/* --staff was given */
};

/* Words of a staff file's role column, English and Chinese. */
static const struct {
	const char	*word;
	int		 role;
} role_words[] = {
	{ "\xe7\xbe\xa4\xe4\xb8\xbb", QP_ROLE_OWNER },		/* 群主 */
	{ "\xe7\xae\xa1\xe7\x90\x86\xe5\x91\x98", QP_ROLE_ADMIN },	/* 管理员 */
	{ "\xe5\x8a\xa9\xe7\x90\x86", QP_ROLE_ASSISTANT },	/* 助理 */
	{ "\xe5\x8a\xa9\xe6\x89\x8b", QP_ROLE_ASSISTANT },	/* 助手 */
	{ "\xe9\x94\x80\xe5\x94\xae", QP_ROLE_SALES },		/* 销售 */
	{ "\xe6\xb0\xb4\xe5\x86\x9b", QP_ROLE_SHILL },		/* 水军 */
	{ "\xe5\xb0\x8f\xe5\x8f\xb7", QP_ROLE_SHILL },		/* 小号 */
	{ "\xe6\x9c\xba\xe5\x99\xa8\xe4\xba\xba", QP_ROLE_BOT },	/* 机器人 */
	{ NULL, 0 }
};

/* Header names of each column, in order of preference. */
static const char *const group_cols[] = { "group_id", "group",
    "\xe7\xbe\xa4", NULL };					/* 群 */
static const char *const user_cols[] = { "user_id", "user",
    "\xe6\x88\x90\xe5\x91\x98", NULL };				/* 成员 */
static const char *const role_cols[] = { "role",
    "\xe8\xa7\x92\xe8\x89\xb2", NULL };				/* 角色 */

int
ing_roles_start(struct ing *g, int with_names)
{
	if ((g->roles = calloc(1, sizeof *g->roles)) == NULL)
		return -1;
	g->roles->staff = with_names & 1;	/* 2: names for --roster only */
	if (with_names && (g->roles->names = ing_names_new()) == NULL)
		return -1;
	return 0;
}

void
ing_roles_free(struct ing *g)
{
	size_t i;

	if (g->roles == NULL)
		return;
	for (i = 0; i < g->roles->n; i++) {
		free(g->roles->r[i].gid);
		free(g->roles->r[i].uid);
	}
	free(g->roles->r);
	qp_set64_free(&g->roles->seen);
	ing_names_free(g->roles->names);
	free(g->roles);
	g->roles = NULL;
}

static int
add_role(struct ing_roles *m, const char *gid, const char *uid, int role,
    int source)
{
	const char *parts[4];
	char rs[4], ss[4];
	struct role *r;
	int k;

	snprintf(rs, sizeof rs, "%d", role);
	snprintf(ss, sizeof ss, "%d", source);
	parts[0] = gid, parts[1] = uid, parts[2] = rs, parts[3] = ss;
	if ((k = qp_set64_add(&m->seen, qp_hash_parts(parts, 4) | 1)) <= 0)
		return k;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;

		if ((r = realloc(m->r, cap * sizeof *r)) == NULL)
			return -1;
		m->r = r;
		m->cap = cap;
	}
	r = &m->r[m->n];
	if ((r->gid = strdup(gid)) == NULL || (r->uid = strdup(uid)) == NULL) {
		free(r->gid);
		return -1;
	}
	r->role = role;
	r->source = source;
	m->n++;
	return 0;
}

/* Note that key had id: "id", or "id1 0x1e id2" once two ids had it. */
static int
note(struct ing_names *nm, const char *key, const char *id)
{
	const char *had = ing_names_get(nm, key);
	char both[300];

	if (had == NULL)
		return ing_names_put(nm, key, id);
	if (strchr(had, '\x1e') != NULL || strcmp(had, id) == 0)
		return 0;
	snprintf(both, sizeof both, "%s\x1e%s", had, id);
	return ing_names_put(nm, key, both);
}

int
ing_role(struct ing *g, const char *gid, const char *uid, const char *name,
    const char *group, const char *role)
{
	struct ing_roles *m = g->roles;
	char key[600];
	int r;

	if (role != NULL && (r = qp_role_parse(role, strlen(role))) > 0 &&
	    add_role(m, gid, uid, r, SOURCE_EXPORT) == -1)
		return -1;
	if (m->names == NULL)
		return 0;
	/* Runs of one sender are common: note each (group, name, id) once. */
	snprintf(key, sizeof key, "%s\x1f%s\x1f%s", gid, name, uid);
	if (strcmp(key, m->last) == 0)
		return 0;
	snprintf(m->last, sizeof m->last, "%s", key);
	snprintf(key, sizeof key, "\x1d%s", uid);
	if (ing_names_put(m->names, key, uid) == -1)
		return -1;
	snprintf(key, sizeof key, "\x1e%s", group);
	if (*group != '\0' && note(m->names, key, gid) == -1)
		return -1;
	if (*name == '\0')
		return 0;
	snprintf(key, sizeof key, "%s\x1f%s", gid, name);
	if (note(m->names, key, uid) == -1)
		return -1;
	snprintf(key, sizeof key, "\x1f%s", name);
	return note(m->names, key, uid);
}

int
ing_side_col(const struct qp_row *h, const char *const *names, int *which)
{
	size_t i;
	int k;

	for (k = 0; names[k] != NULL; k++)
		for (i = 0; i < h->n; i++) {
			const char *s = h->f[i].s;

			if (i == 0 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
				s += 3;		/* a byte order mark */
			if (strcasecmp(s, names[k]) == 0) {
				*which = k;
				return (int)i;
			}
		}
	return -1;
}

const char *
ing_side_cell(const struct qp_row *r, int c)
{
	return c >= 0 && (size_t)c < r->n ? r->f[c].s : "";
}

static int
role_word(const char *s)
{
	size_t i;
	int r = qp_role_parse(s, strlen(s));

	for (i = 0; r < 0 && role_words[i].word != NULL; i++)
		if (strcmp(role_words[i].word, s) == 0)
			r = role_words[i].role;
	return r;
}

/*
 * What key stands for: 1 and *id when one id, -1 with the message printed
 * when two (refused) or none.
 */
static int
resolve(struct ing_roles *m, const char *path, unsigned long long line,
    const char *what, const char *key, const char *shown, const char **id)
{
	const char *v = ing_names_get(m->names, key), *sep;

	if (v == NULL) {
		qp_warn("%s:%llu: no %s named '%s' in the chats", path, line,
		    what, shown);
		return -1;
	}
	if ((sep = strchr(v, '\x1e')) != NULL) {
		qp_warn("%s:%llu: '%s' names two %ss: %.*s and %s; give the "
		    "%s_id", path, line, shown, what, (int)(sep - v), v, sep + 1,
		    strcmp(what, "group") == 0 ? "group" : "user");
		return -1;
	}
	*id = v;
	return 1;
}

/*
 * The group and user a side file's row names (--staff, --roster): see
 * ingest_int.h.
 */
int
ing_side_who(struct ing *g, const char *path, unsigned long long line,
    const char *gv, int gid_is_id, const char *uv, int uid_is_id, int unseen,
    char *gid, size_t gidcap, char *uid, size_t uidcap)
{
	struct ing_roles *m = g->roles;
	const char *id, *g1;
	char key[600], pid[40];
	int any;

	/* The group: "*" or empty for every group, else an id or a name. */
	if (*gv == '\0' || strcmp(gv, "*") == 0)
		snprintf(gid, gidcap, "*");
	else if (gid_is_id)
		snprintf(gid, gidcap, "%s", gv);
	else {
		snprintf(key, sizeof key, "\x1e%s", gv);
		if (resolve(m, path, line, "group", key, gv, &g1) < 0)
			return -1;
		snprintf(gid, gidcap, "%s", g1);
	}
	any = strcmp(gid, "*") == 0;
	/* The user: an id, or a name matched to one id. */
	if (uid_is_id) {
		snprintf(uid, uidcap, "%s", ing_user_id(g, pid, sizeof pid, uv));
		return 0;
	}
	snprintf(key, sizeof key, "%s\x1f%s", any ? "" : gid, uv);
	if (ing_names_get(m->names, key) == NULL) {
		/* Not a name: an id seen in the chats? */
		snprintf(key, sizeof key, "\x1d%s",
		    ing_user_id(g, pid, sizeof pid, uv));
		if (ing_names_get(m->names, key) == NULL) {
			/* A name seen in another group only (rosters). */
			snprintf(key, sizeof key, "\x1f%s", uv);
			if (!unseen || ing_names_get(m->names, key) == NULL)
				snprintf(key, sizeof key, "%s\x1f%s",
				    any || unseen ? "" : gid, uv);
		}
	}
	if (unseen && ing_names_get(m->names, key) == NULL) {
		/* Never in the chats (a roster's silent member): by name. */
		snprintf(key, sizeof key, "name:%s", uv);
		snprintf(uid, uidcap, "%s", ing_user_id(g, pid, sizeof pid, key));
		return 0;
	}
	if (resolve(m, path, line, "member", key, uv, &id) < 0)
		return -1;
	snprintf(uid, uidcap, "%s", id);
	return 0;
}

/*
 * A side file's CSV with its header row in *h, or NULL having said why
 * (unreadable, or empty).
 */
struct qp_csv *
ing_side_open(struct ing_text *x, const struct qp_row **h)
{
	struct qp_csv *c;
	int rc;

	if ((c = ing_csv(x)) == NULL)
		return NULL;
	if ((rc = qp_csv_next(c, h)) <= 0) {
		if (rc < 0)
			qp_warn("%s", qp_csv_error(c));
		else
			qp_warn("%s: empty file", ing_name(x));
		qp_src_close(qp_csv_src(c));
		qp_csv_free(c);
		return NULL;
	}
	return c;
}

/*
 * The end of reading side file path: rc of its last qp_csv_next() or -1
 * for a row already reported; the reader's own error said if not yet, the
 * count of n rows as what said when all went well.  Frees c; 0 or -1.
 */
int
ing_side_close(struct ing *g, struct qp_csv *c, const char *path, int rc,
    int n, const char *what)
{
	if (rc < 0 && qp_csv_error(c) != NULL) {	/* not said yet */
		qp_warn("%s", qp_csv_error(c));
		rc = -1;
	}
	if (rc == 0 && !g->quiet)
		qp_warn("%s: %d %s", path, n, what);
	qp_src_close(qp_csv_src(c));
	qp_csv_free(c);
	return rc < 0 ? -1 : 0;
}

static int
staff_text(struct ing *g, struct ing_text *x)
{
	struct ing_roles *m = g->roles;
	const char *path = ing_name(x);
	struct qp_csv *c;
	const struct qp_row *r;
	int cg, cu, cr, wg = 0, wu = 0, wr, rc, n = 0;
	char gid[300], uid[300];

	if ((c = ing_side_open(x, &r)) == NULL)
		return -1;
	cg = ing_side_col(r, group_cols, &wg);
	cu = ing_side_col(r, user_cols, &wu);
	cr = ing_side_col(r, role_cols, &wr);
	if (cu < 0 || cr < 0) {
		qp_warn("%s: the header needs user_id or user (成员), role (角色) "
		    "and may have group_id or group (群)", path);
		rc = -1;
		goto out;
	}
	while ((rc = qp_csv_next(c, &r)) > 0) {
		const char *gv = ing_side_cell(r, cg), *uv = ing_side_cell(r, cu);
		int role = role_word(ing_side_cell(r, cr));

		if (*uv == '\0' && *ing_side_cell(r, cr) == '\0')
			continue;	/* a blank line */
		if (role < 0 || *uv == '\0') {
			qp_warn("%s:%llu: %s", path, r->lineno, role < 0 ?
			    "want a role: owner, admin, assistant, sales, shill "
			    "or bot" : "no user");
			rc = -1;
			break;
		}
		if (ing_side_who(g, path, r->lineno, gv, wg == 0, uv, wu == 0,
		    0, gid, sizeof gid, uid, sizeof uid) == -1) {
			rc = -1;
			break;
		}
		if (add_role(m, gid, uid, role, SOURCE_STAFF) == -1) {
			rc = -1;
			break;
		}
		n++;
	}
out:
	return ing_side_close(g, c, path, rc, n, "staff roles");
}

int
ing_staff_file(struct ing *g, const char *path)
{
	return ing_side_file(g, path, staff_text);
}

static int
role_cmp(const void *a, const void *b)
{
	const struct role *x = a, *y = b;
	int c;

	if ((c = strcmp(x->gid, y->gid)) != 0 ||
	    (c = strcmp(x->uid, y->uid)) != 0)
		return c;
	if (x->role != y->role)
		return x->role - y->role;
	return x->source - y->source;
}

int
ing_write_roles(struct ing *g)
{
	static const char *const cols[] = {
		"group_id", "user_id", "role", "source"
	};
	struct ing_roles *m = g->roles;
	const char *v[4];
	size_t i;

	if (m == NULL || (m->n == 0 && !m->staff))
		return 0;
	qsort(m->r, m->n, sizeof *m->r, role_cmp);
	if (qp_out_tablev(g->out, "roles", 1, cols, 4) == -1)
		return -1;
	for (i = 0; i < m->n; i++) {
		v[0] = m->r[i].gid;
		v[1] = m->r[i].uid;
		v[2] = qp_role_names[m->r[i].role];
		v[3] = sources[m->r[i].source];
		if (qp_out_rowv(g->out, v, 4) == -1)
			return -1;
	}
	return 0;
}
