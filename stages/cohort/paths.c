/*
 * Group paths: per person, the types of the groups they entered (the
 * groups file's types), in the order of their first membership of each
 * type.  group_path follows the seeds' ladder 引流群 (lead) → 训练营
 * (camp) → 交付群 (delivery) → 铁粉群 (fans): step k is reached by those
 * who reached step k - 1 and entered a group of type k at or after it,
 * with the median days between the two entries; group_paths counts the
 * persons of each sequence of types ("lead>camp>delivery").
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_stream.h"

#include "paths.h"

static const char *const ladder[] = { "lead", "camp", "delivery", "fans" };
#define NSTEPS	(sizeof ladder / sizeof ladder[0])

static const char *const all_types[] = { "lead", "newcomer", "camp",
    "delivery", "fans", "local" };
#define NTYPES	(sizeof all_types / sizeof all_types[0])

struct entry {
	uint32_t	 user;
	int		 type;		/* in all_types */
	long long	 ts, day;
};

static struct entry *ents;
static size_t nents, capents;

void
pt_enter(uint32_t user, const char *type, long long ts, long long day)
{
	size_t t;

	for (t = 0; t < NTYPES && strcmp(all_types[t], type) != 0; t++)
		;
	if (t == NTYPES)
		return;
	if (nents == capents) {
		capents = capents ? capents * 2 : 256;
		ents = qp_xrealloc(ents, capents, sizeof *ents);
	}
	ents[nents].user = user;
	ents[nents].type = (int)t;
	ents[nents].ts = ts;
	ents[nents].day = day;
	nents++;
}

static int
ent_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->type - y->type;
}

static int
ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

struct path {
	char		 s[64];
	unsigned long long n;
};

static int
path_cmp(const void *a, const void *b)
{
	const struct path *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->s, y->s);
}


void
pt_write(struct qp_out *out)
{
	static const char *const scols[] = { "step", "type", "reached",
	    "conv_prev", "conv_first", "median_days" };
	static const char *const pcols[] = { "path", "persons" };
	unsigned long long reached[NSTEPS] = { 0 };
	long long *gaps[NSTEPS], first[NTYPES], fday[NTYPES];
	size_t ngaps[NSTEPS] = { 0 }, i, j, k, t, npaths = 0;
	struct path *paths = NULL;
	char b[5][32];
	const char *v[6];

	if (nents == 0)
		return;		/* no groups file, or no typed group */
	qsort(ents, nents, sizeof *ents, ent_cmp);
	for (k = 0; k < NSTEPS; k++)
		gaps[k] = qp_xcalloc(nents, sizeof **gaps);
	for (i = 0; i < nents; i = j) {
		struct path p;
		size_t len = 0;

		for (t = 0; t < NTYPES; t++)
			first[t] = LLONG_MIN;
		memset(&p, 0, sizeof p);
		for (j = i; j < nents && ents[j].user == ents[i].user; j++) {
			t = (size_t)ents[j].type;
			if (first[t] != LLONG_MIN)
				continue;
			first[t] = ents[j].ts;
			fday[t] = ents[j].day;
			len += (size_t)snprintf(p.s + len, len < sizeof p.s ?
			    sizeof p.s - len : 0, "%s%s", len ? ">" : "",
			    all_types[t]);
		}
		/* The ladder, in order. */
		for (k = 0; k < NSTEPS; k++) {
			size_t a, pt = 0;

			for (a = 0; strcmp(all_types[a], ladder[k]) != 0; a++)
				;
			if (k > 0)
				for (pt = 0; strcmp(all_types[pt],
				    ladder[k - 1]) != 0; pt++)
					;
			if (first[a] == LLONG_MIN ||
			    (k > 0 && first[a] < first[pt]))
				break;
			reached[k]++;
			if (k > 0)
				gaps[k][ngaps[k]++] = fday[a] - fday[pt];
		}
		for (k = 0; k < npaths && strcmp(paths[k].s, p.s) != 0; k++)
			;
		if (k == npaths) {
			paths = qp_xrealloc(paths, npaths + 1, sizeof *paths);
			paths[npaths++] = p;
		}
		paths[k].n++;
	}
	if (qp_out_tablev(out, "group_path", 1, scols, 6) == -1)
		qp_die("%s", qp_out_error(out));
	for (k = 0; k < NSTEPS; k++) {
		snprintf(b[0], sizeof b[0], "%zu", k + 1);
		snprintf(b[1], sizeof b[1], "%llu", reached[k]);
		v[0] = b[0];
		v[1] = ladder[k];
		v[2] = b[1];
		v[3] = k == 0 ? (reached[0] ? "1.0000" : "") :
		    qp_csv_rate(b[2], reached[k], reached[k - 1]);
		v[4] = qp_csv_rate(b[3], reached[k], reached[0]);
		b[4][0] = '\0';
		if (k > 0 && ngaps[k] > 0) {
			size_t n = ngaps[k];
			long long s;

			qsort(gaps[k], n, sizeof **gaps, ll_cmp);
			s = n % 2 ? 2 * gaps[k][n / 2] : gaps[k][n / 2 - 1] +
			    gaps[k][n / 2];
			snprintf(b[4], sizeof b[4], "%lld%s", s / 2,
			    s % 2 ? ".5" : "");
		}
		v[5] = b[4];
		qp_out_xrow(out, v, 6);
	}
	qsort(paths, npaths, sizeof *paths, path_cmp);
	if (qp_out_tablev(out, "group_paths", 1, pcols, 2) == -1)
		qp_die("%s", qp_out_error(out));
	for (k = 0; k < npaths; k++) {
		snprintf(b[0], sizeof b[0], "%llu", paths[k].n);
		v[0] = paths[k].s;
		v[1] = b[0];
		qp_out_xrow(out, v, 2);
	}
	for (k = 0; k < NSTEPS; k++)
		free(gaps[k]);
	free(paths);
}

void
pt_free(void)
{
	free(ents);
	ents = NULL;
	nents = capents = 0;
}
