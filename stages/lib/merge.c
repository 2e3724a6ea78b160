/*
 * qp_merge: a tournament (loser) tree over k sources.  Leaves are k..2k-1
 * (source i at k + i); each inner node keeps the loser of the match below
 * it, node[0] the overall winner.  When the winner's item changes, only
 * its path to the root is played again.
 */
#include <stdlib.h>

#include "qp_merge.h"

int
qp_tourney_init(struct qp_tourney *t, size_t k,
    int (*before)(void *, size_t, size_t), void *ctx)
{
	size_t *win, n, a, b;

	t->k = k;
	t->before = before;
	t->ctx = ctx;
	if ((t->node = calloc(k, sizeof *t->node)) == NULL ||
	    (win = calloc(2 * k, sizeof *win)) == NULL) {
		free(t->node);
		t->node = NULL;
		return -1;
	}
	for (n = 0; n < k; n++)
		win[k + n] = n;
	for (n = k - 1; n > 0; n--) {	/* each match's winner, bottom up */
		a = win[2 * n];
		b = win[2 * n + 1];
		if (before(ctx, b, a)) {
			win[n] = b;
			t->node[n] = a;
		} else {
			win[n] = a;
			t->node[n] = b;
		}
	}
	t->node[0] = k > 1 ? win[1] : 0;
	free(win);
	return 0;
}

size_t
qp_tourney_top(const struct qp_tourney *t)
{
	return t->node[0];
}

size_t
qp_tourney_next(struct qp_tourney *t)
{
	size_t w = t->node[0], n, x;

	for (n = (w + t->k) / 2; n > 0; n /= 2)
		if (t->before(t->ctx, t->node[n], w)) {
			x = t->node[n];
			t->node[n] = w;
			w = x;
		}
	return t->node[0] = w;
}

void
qp_tourney_free(struct qp_tourney *t)
{
	free(t->node);
	t->node = NULL;
}
