/*
 * Every table as NAME.csv with names beside ids: a column of names after
 * each column of ids that has none beside it in the stream (the group's
 * name from the events, a person's from the community's rows of members).
 *
 * A table is written as soon as its names are known, while the stream is
 * still read: the chain's last stages then overlap with it.  A table that
 * names people and comes before members (sessions) waits for it: a kept
 * table in memory, a table no section reads in a spill file of its own,
 * so that memory stays bounded by members and groups, not by its rows.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_io.h"

#include "report.h"

static const char *const idcols[][2] = {
	{ "group_id", "group" }, { "user_id", "user" },
	{ "inviter", "inviter_name" }, { "starter", "starter_name" }
};

struct named {
	char		*name;
	size_t		 ncol, nout;
	int		 kind[256];	/* idcols' row of each column, or -1 */
	int		 people;	/* a column of people's ids */
	FILE		*f;		/* NAME.csv, or the spill file */
	char		*spill;		/* its path while members is awaited */
	char		**hdr;		/* a copy: the stream's is reused */
	char		**v;		/* a row out */
	const struct tab *kept;		/* a kept table awaiting members */
	struct named	*next;		/* rp->waiting */
};

static int
hdr_col(char *const *hdr, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(hdr[i], name) == 0)
			return 1;
	return 0;
}

static struct named *
named_new(const char *name, char *const *hdr, size_t ncol)
{
	struct named *o = qp_xcalloc(1, sizeof *o);
	size_t j, k;

	o->name = qp_xstrdup(name);
	o->ncol = ncol < 256 ? ncol : 256;
	o->v = qp_xcalloc(2 * o->ncol, sizeof *o->v);
	o->hdr = qp_xcalloc(o->ncol, sizeof *o->hdr);
	for (j = 0; j < o->ncol; j++) {
		o->kind[j] = -1;
		o->v[o->nout++] = o->hdr[j] = qp_xstrdup(hdr[j]);
		for (k = 0; k < 4; k++)
			if (strcmp(hdr[j], idcols[k][0]) == 0 &&
			    !hdr_col(hdr, ncol, idcols[k][1])) {
				o->kind[j] = (int)k;
				o->people |= k > 0;
				o->v[o->nout++] = (char *)idcols[k][1];
			}
	}
	return o;
}

static void
named_header(struct report *rp, struct named *o)
{
	o->f = csv_open(rp, o->name, o->v, o->nout);
}

/* Row v (o->ncol fields) with the names beside its ids. */
static void
named_put(struct report *rp, struct named *o, const char *const *v)
{
	size_t j, n = 0;
	long u;

	for (j = 0; j < o->ncol; j++) {
		o->v[n++] = (char *)v[j];
		if (o->kind[j] == 0)
			o->v[n++] = (char *)group_label(rp, v[j]);
		else if (o->kind[j] > 0)
			o->v[n++] = rp->users != NULL && (u = qp_strmap_find(
			    rp->users, v[j], strlen(v[j]))) >= 0 ?
			    (char *)at(rp->mtab, u, rp->mname) : "";
	}
	csv_row(o->f, o->v, n);
}

static void
named_free(struct report *rp, struct named *o)
{
	size_t j;

	if (o->f != NULL)
		out_close(rp, o->f, o->name);
	for (j = 0; j < o->ncol; j++)
		free(o->hdr[j]);
	free(o->hdr);
	free(o->name);
	free(o->v);
	free(o->spill);
	free(o);
}

/* Write kept table t as CSV now, or when members has come. */
void
named_table(struct report *rp, const struct tab *t)
{
	struct named *o = named_new(t->name, t->hdr, t->ncol);
	size_t i;

	if (o->people && rp->users == NULL) {
		o->kept = t;
		o->next = rp->waiting;
		rp->waiting = o;
		return;
	}
	named_header(rp, o);
	for (i = 0; i < t->nrows; i++)
		named_put(rp, o, row_at(t, i));
	named_free(rp, o);
}

/* A table no section reads: its rows go out as they come (named_row). */
struct named *
named_open(struct report *rp, const char *name, char *const *hdr,
    size_t ncol)
{
	struct named *o = named_new(name, hdr, ncol);
	char file[300];

	if (!o->people || rp->users != NULL) {
		named_header(rp, o);
		return o;
	}
	snprintf(file, sizeof file, ".%s.spill", name);
	o->spill = path_in(rp, file);
	if (qp_tmp_register(o->spill) == -1)
		qp_die("%s: too many files", o->spill);
	if ((o->f = fopen(o->spill, "w+")) == NULL)
		qp_die("%s: %s", o->spill, strerror(errno));
	return o;
}

/* A spilled row: each field's length, then its bytes. */
void
named_row(struct report *rp, struct named *o, char *const *v)
{
	size_t j, len;

	if (o->spill == NULL) {
		named_put(rp, o, (const char *const *)v);
		return;
	}
	for (j = 0; j < o->ncol; j++) {
		len = strlen(v[j]);
		if (fwrite(&len, sizeof len, 1, o->f) != 1 ||
		    fwrite(v[j], 1, len, o->f) != len)
			qp_die("%s: %s", o->spill, strerror(errno));
	}
}

/* The end of a table named_open() opened. */
void
named_close(struct report *rp, struct named *o)
{
	if (o->spill == NULL) {
		named_free(rp, o);
		return;
	}
	if (fflush(o->f) == EOF || ferror(o->f))
		qp_die("%s: %s", o->spill, strerror(errno));
	o->next = rp->waiting;
	rp->waiting = o;
}

/* Spill file o to NAME.csv with the names, and remove it. */
static void
unspill(struct report *rp, struct named *o)
{
	FILE *s = o->f;
	char **v = qp_xcalloc(o->ncol, sizeof *v);
	size_t j, len, cap[256] = { 0 };

	rewind(s);
	named_header(rp, o);
	while (fread(&len, sizeof len, 1, s) == 1) {
		for (j = 0; j < o->ncol; j++) {
			if (j > 0 && fread(&len, sizeof len, 1, s) != 1)
				break;
			if (len + 1 > cap[j])
				v[j] = qp_xrealloc(v[j], cap[j] = len + 1, 1);
			if (fread(v[j], 1, len, s) != len)
				break;
			v[j][len] = '\0';
		}
		if (j < o->ncol)
			qp_die("%s: cut short", o->spill);
		named_put(rp, o, (const char *const *)v);
	}
	if (ferror(s))
		qp_die("%s: %s", o->spill, strerror(errno));
	fclose(s);
	unlink(o->spill);
	qp_tmp_forget(o->spill);
	for (j = 0; j < o->ncol; j++)
		free(v[j]);
	free(v);
}

/* What waited for members' names, written now (or without them). */
static void
flush_waiting(struct report *rp)
{
	struct named *o, *n;
	size_t i;

	for (o = rp->waiting; o != NULL; o = n) {
		n = o->next;
		if (o->kept != NULL) {
			named_header(rp, o);
			for (i = 0; i < o->kept->nrows; i++)
				named_put(rp, o, row_at(o->kept, i));
		} else
			unspill(rp, o);
		named_free(rp, o);
	}
	rp->waiting = NULL;
}

/*
 * Members has come: its community rows (first, one per person) name the
 * people of every table from now on, and of those that waited.
 */
void
named_members(struct report *rp, const struct tab *m)
{
	int mg = col(m, "group_id"), mu = col(m, "user_id");
	size_t i;

	if ((rp->users = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	rp->mtab = m;
	rp->mname = col(m, "user");
	for (i = 0; mu >= 0 && rp->mname >= 0 && i < m->nrows &&
	    strcmp(at(m, i, mg), "*") == 0; i++)
		if (qp_strmap_add(rp->users, at(m, i, mu),
		    strlen(at(m, i, mu))) != (long)i)
			break;
	flush_waiting(rp);
}

/* The end of the stream: what still waits goes out without people's names. */
void
named_end(struct report *rp)
{
	flush_waiting(rp);
	qp_strmap_free(rp->users);
	rp->users = NULL;
}
