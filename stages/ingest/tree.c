/*
 * The tree of one input: a folder on disk or an archive, listed without
 * reading a byte of its files, and the export bundles in it.
 *
 * Entries are kept sorted by path, a name before what is below it, so that
 * a folder's contents follow it in one run.  Planning asks each format,
 * from the top down, whether a folder not yet taken is its bundle (ingest.h)
 * and marks what the bundle takes; the walker (walk.c) then reads the
 * files in the order the input holds them.  Nothing here follows a link:
 * the disk listing uses lstat semantics and records what is neither a file
 * nor a folder, to be named and skipped.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"

#define MAXDEPTH	32

struct ing_dir {
	const struct ing_tree	*t;
	long			 at;	/* its entry, -1 for the top */
	char			 prefix[4096];	/* its path and "/", or "" */
	size_t			 plen;
};

struct ing_tree *
ing_tree_new(const char *name, char sep)
{
	struct ing_tree *t;
	const char *p;
	char *s;
	int i;

	if ((t = calloc(1, sizeof *t)) == NULL)
		return NULL;
	if ((t->name = strdup(name)) == NULL) {
		free(t);
		return NULL;
	}
	t->sep = sep;
	/* The top's name; an archive's, as the folder it unpacks to. */
	p = name + strlen(name);
	while (p > name && p[-1] != '/' && p[-1] != '!')
		p--;
	snprintf(t->stem, sizeof t->stem, "%s", p);
	if (sep == '!')
		for (i = 0; i < 2 && (s = strrchr(t->stem, '.')) != NULL &&
		    s != t->stem; i++) {
			*s = '\0';
			if (strchr(t->stem, '.') == NULL ||
			    strcmp(strrchr(t->stem, '.'), ".tar") != 0)
				break;
		}
	return t;
}

void
ing_tree_free(struct ing_tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->e[i].path);
	for (i = 0; i < t->nb; i++)
		if (t->b[i].pack != -1)
			close(t->b[i].pack);
	free(t->e);
	free(t->b);
	free(t->name);
	free(t);
}

int
ing_tree_add(struct ing_tree *t, const char *path, int type, int what,
    long long idx)
{
	struct ing_ent *e;
	size_t n;

	while (path[0] == '/' || (path[0] == '.' && path[1] == '/'))
		path += path[0] == '/' ? 1 : 2;
	if (*path == '\0')
		return 0;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;

		if ((e = reallocarray(t->e, cap, sizeof *e)) == NULL)
			return -1;
		t->e = e;
		t->cap = cap;
	}
	e = &t->e[t->n];
	memset(e, 0, sizeof *e);
	if ((e->path = strdup(path)) == NULL)
		return -1;
	/* A folder member of a tar ends in '/'. */
	for (n = strlen(e->path); n > 0 && e->path[n - 1] == '/'; n--)
		e->path[n - 1] = '\0';
	if (n == 0) {
		free(e->path);
		return 0;
	}
	e->type = type;
	e->what = what;
	e->idx = idx;
	e->bundle = -1;
	t->n++;
	return 0;
}

/* Paths in order, '/' before any other byte: a folder, then its contents. */
static int
cmp_path(const char *a, const char *b)
{
	unsigned ca, cb;

	for (; *a != '\0' && *a == *b; a++, b++)
		continue;
	ca = *a == '/' ? 1 : (unsigned char)*a;
	cb = *b == '/' ? 1 : (unsigned char)*b;
	return (int)ca - (int)cb;
}

static int
cmp_ent(const void *x, const void *y)
{
	const struct ing_ent *a = x, *b = y;
	int c = cmp_path(a->path, b->path);

	if (c != 0)
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* The entry of path, or -1. */
static long
find(const struct ing_tree *t, const char *path)
{
	size_t lo = 0, hi = t->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = cmp_path(t->e[mid].path, path)) == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The first entry after k that is not below it. */
static size_t
subtree_end(const struct ing_tree *t, long k)
{
	size_t j, len;

	if (k < 0)
		return t->n;
	len = strlen(t->e[k].path);
	for (j = (size_t)k + 1; j < t->n; j++)
		if (strncmp(t->e[j].path, t->e[k].path, len) != 0 ||
		    t->e[j].path[len] != '/')
			break;
	return j;
}

int
ing_tree_finish(struct ing_tree *t)
{
	size_t i, n = t->n, w;
	char *p, *s;

	/* Archives may list files without their folders: add them. */
	for (i = 0; i < n; i++) {
		if ((p = strdup(t->e[i].path)) == NULL)
			return -1;
		for (s = strchr(p, '/'); s != NULL; s = strchr(s + 1, '/')) {
			*s = '\0';
			if (ing_tree_add(t, p, 'd', 0, -1) == -1) {
				free(p);
				return -1;
			}
			*s = '/';
		}
		free(p);
	}
	if (t->n > 1)
		qsort(t->e, t->n, sizeof *t->e, cmp_ent);
	/* One entry per folder; two members of one name stay two files. */
	for (i = 0, w = 0; i < t->n; i++) {
		if (w > 0 && t->e[i].type == 'd' &&
		    strcmp(t->e[w - 1].path, t->e[i].path) == 0) {
			free(t->e[i].path);
			continue;
		}
		if (w > 0 && t->e[w - 1].type == 'd' && t->e[w - 1].idx == -1 &&
		    strcmp(t->e[w - 1].path, t->e[i].path) == 0) {
			free(t->e[w - 1].path);
			w--;
		}
		t->e[w++] = t->e[i];
	}
	t->n = w;
	return 0;
}

/* --- folders as bundles see them ------------------------------------- */

static void
dir_at(struct ing_dir *d, const struct ing_tree *t, long at)
{
	d->t = t;
	d->at = at;
	if (at < 0)
		d->prefix[0] = '\0';
	else
		snprintf(d->prefix, sizeof d->prefix, "%s/", t->e[at].path);
	d->plen = strlen(d->prefix);
}

int
ing_dir_has(const struct ing_dir *d, const char *rel)
{
	char p[8192];
	long k;

	snprintf(p, sizeof p, "%s%s", d->prefix, rel);
	if ((k = find(d->t, p)) == -1 || d->t->e[k].type == 'o')
		return 0;
	return d->t->e[k].type;
}

const char *
ing_dir_next(const struct ing_dir *d, size_t *pos, int *type)
{
	const struct ing_tree *t = d->t;
	size_t j = *pos ? *pos : (size_t)(d->at + 1);
	const char *p;

	for (; j < t->n; j++) {
		p = t->e[j].path;
		if (strncmp(p, d->prefix, d->plen) != 0)
			break;
		if (strchr(p + d->plen, '/') != NULL || t->e[j].type == 'o')
			continue;
		*pos = j + 1;
		*type = t->e[j].type;
		return p + d->plen;
	}
	*pos = j;
	return NULL;
}

const char *
ing_dir_name(const struct ing_dir *d)
{
	const char *p, *s;

	if (d->at < 0)
		return d->t->stem;
	p = d->t->e[d->at].path;
	return (s = strrchr(p, '/')) ? s + 1 : p;
}

/* --- planning -------------------------------------------------------- */

static void
take(struct ing_tree *t, size_t k, long b, enum ing_role r, int rank)
{
	t->e[k].bundle = b;
	t->e[k].role = r;
	t->e[k].rank = rank;
	if (r == ING_CHAT)
		t->b[b].nchat++;
	else if (r == ING_NAMED)
		t->b[b].nnamed++;
	else if (r == ING_ATTACH && t->e[k].type == 'f')
		t->b[b].nattach++;
}

/* Whether folder at is a bundle of some format; if so, take what it holds. */
static int
detect(struct ing_tree *t, long at, const struct ing_format *only)
{
	const struct ing_format *f;
	struct ing_bund *nb;
	struct ing_dir d;
	size_t j, end, sub;
	enum ing_role r;
	long b;
	int rank;

	dir_at(&d, t, at);
	for (f = only ? only : ing_formats; f->name != NULL; f++) {
		if (f->bundle != NULL && f->bundle->is(&d))
			break;
		if (only != NULL)
			return 0;
	}
	if (f->name == NULL)
		return 0;
	if ((nb = reallocarray(t->b, t->nb + 1, sizeof *nb)) == NULL)
		return -1;
	t->b = nb;
	b = (long)t->nb++;
	memset(&t->b[b], 0, sizeof t->b[b]);
	t->b[b].f = f;
	t->b[b].root = at;
	t->b[b].last = -1;
	t->b[b].pack = -1;
	if (at >= 0)
		take(t, (size_t)at, b, ING_IN, 0);
	end = subtree_end(t, at);
	for (j = (size_t)(at + 1); j < end;) {
		if (t->e[j].type == 'o') {
			j++;
			continue;
		}
		rank = 0;
		r = f->bundle->role(&d, t->e[j].path + d.plen, t->e[j].type,
		    &rank);
		if (t->e[j].type == 'f') {
			if (r != ING_NOT && r != ING_IN)
				take(t, j, b, r, rank);
			j++;
			continue;
		}
		if (r == ING_IN) {
			take(t, j, b, ING_IN, 0);
			j++;
			continue;
		}
		sub = subtree_end(t, (long)j);
		if (r != ING_NOT)
			for (; j < sub; j++)
				take(t, j, b, r == ING_CHAT || r == ING_NAMED ?
				    ING_ATTACH : r, 0);
		j = sub;
	}
	return 1;
}

int
ing_tree_plan(struct ing_tree *t, const struct ing_format *only)
{
	size_t i;
	long k;

	if (detect(t, -1, only) == -1)
		return -1;
	for (i = 0; i < t->n; i++)
		if (t->e[i].type == 'd' && t->e[i].bundle == -1 &&
		    detect(t, (long)i, only) == -1)
			return -1;
	/* Each bundle is read when its last chat or named file has been met. */
	for (i = 0; i < t->n; i++) {
		if (t->e[i].role != ING_CHAT && t->e[i].role != ING_NAMED)
			continue;
		k = t->b[t->e[i].bundle].last;
		if (k == -1 || (t->sep == '!' ? t->e[i].idx > t->e[k].idx : 1))
			t->b[t->e[i].bundle].last = (long)i;
	}
	return 0;
}

/* --- a folder on disk ------------------------------------------------ */

static int
list_dir(struct ing_tree *t, int dfd, const char *rel, int depth)
{
	struct dirent *de;
	struct stat st;
	char p[4096];
	DIR *dir;
	int fd, type, rc = 0;

	if ((dir = fdopendir(dfd)) == NULL) {
		qp_warn("%s%s%s: %s", t->name, *rel ? "/" : "", rel,
		    strerror(errno));
		close(dfd);
		return 0;
	}
	while (rc == 0 && (de = readdir(dir)) != NULL) {
		/* Hidden files and macOS's resource forks are no one's export. */
		if (de->d_name[0] == '.' || strcmp(de->d_name, "__MACOSX") == 0)
			continue;
		snprintf(p, sizeof p, "%s%s%s", rel, *rel ? "/" : "", de->d_name);
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
			qp_warn("%s/%s: %s", t->name, p, strerror(errno));
			continue;
		}
		type = S_ISDIR(st.st_mode) ? 'd' : S_ISREG(st.st_mode) ? 'f' :
		    'o';
		if ((rc = ing_tree_add(t, p, type, S_ISLNK(st.st_mode) ? 'l' :
		    S_ISFIFO(st.st_mode) ? 'p' : 0, -1)) == -1)
			break;
		if (type != 'd')
			continue;
		if (depth >= MAXDEPTH) {
			qp_warn("%s/%s: folders nested too deep; skipped",
			    t->name, p);
			continue;
		}
		if ((fd = openat(dfd, de->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1) {
			qp_warn("%s/%s: %s", t->name, p, strerror(errno));
			continue;
		}
		rc = list_dir(t, fd, p, depth + 1);
	}
	closedir(dir);
	return rc;
}

struct ing_tree *
ing_tree_disk(const char *path)
{
	struct ing_tree *t;
	char name[4096];
	size_t n;
	int fd;

	snprintf(name, sizeof name, "%s", path);
	for (n = strlen(name); n > 1 && name[n - 1] == '/'; n--)
		name[n - 1] = '\0';
	if ((t = ing_tree_new(name, '/')) == NULL)
		return NULL;
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		qp_warn("%s: %s", name, strerror(errno));
		t->failed = 1;
		return t;
	}
	if (list_dir(t, fd, "", 0) == -1 || ing_tree_finish(t) == -1) {
		ing_tree_free(t);
		return NULL;
	}
	return t;
}
