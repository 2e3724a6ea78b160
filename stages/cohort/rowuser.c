/*
 * One lookup of a row's user_id for qp-cohort's modules (rowuser.h).
 * The last id looked up is checked first: the modules ask in turn about
 * the same row, so all but the first pay a comparison, not a lookup.
 */
#include <stdlib.h>
#include <string.h>

#include "qp_cli.h"
#include "qp_hash.h"

#include "rowuser.h"

static struct qp_strmap *ids;
static long last = -1;

uint32_t
ru_id(const char *s, size_t len)
{
	if (last >= 0 && qp_strmap_eq(ids, (size_t)last, s, len))
		return (uint32_t)last;
	if ((ids == NULL && (ids = qp_strmap_new()) == NULL) ||
	    (last = qp_strmap_add(ids, s, len)) < 0)
		qp_die("out of memory");
	return (uint32_t)last;
}

static long
ru_get(const struct ru_map *m, uint32_t r)
{
	uint64_t x;

	if (r >= m->n || (x = m->v[r]) >> 32 != (uint64_t)m->gen + 1)
		return -1;
	return (long)(uint32_t)x - 1;
}

static void
ru_put(struct ru_map *m, uint32_t r, uint32_t number)
{
	if (r >= m->n) {
		size_t n = m->n ? m->n : 1024;

		while (n <= r)
			n *= 2;
		m->v = qp_xrealloc(m->v, n, sizeof *m->v);
		memset(m->v + m->n, 0, (n - m->n) * sizeof *m->v);
		m->n = n;
	}
	m->v[r] = ((uint64_t)m->gen + 1) << 32 | ((uint64_t)number + 1);
}

uint32_t
ru_number(struct ru_map *m, struct qp_strmap *names, const char *s,
    size_t len)
{
	uint32_t r = ru_id(s, len);
	long u = ru_get(m, r);

	if (u < 0) {
		if ((u = qp_strmap_add(names, s, len)) < 0)
			qp_die("out of memory");
		ru_put(m, r, (uint32_t)u);
	}
	return (uint32_t)u;
}

void
ru_forget(struct ru_map *m)
{
	if (++m->gen == UINT32_MAX) {	/* stamps would come round again */
		if (m->v != NULL)
			memset(m->v, 0, m->n * sizeof *m->v);
		m->gen = 0;
	}
}

void
ru_map_free(struct ru_map *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

void
ru_free(void)
{
	qp_strmap_free(ids);
	ids = NULL;
	last = -1;
}
