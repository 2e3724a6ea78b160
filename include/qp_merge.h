/*
 * qp_merge: a tournament (loser) tree, to merge k sorted sources: the
 * least of their current items in ceil(log2 k) comparisons per step, where
 * a binary heap takes about twice that.  qp-dedupe merges its spilled runs
 * with it, qp-funnel the groups' records for the community.
 *
 * The caller keeps each source's current item; before(ctx, a, b) tells
 * whether source a's item comes before source b's, and must put sources
 * that are done after every other.
 */
#ifndef QP_MERGE_H
#define QP_MERGE_H

#include <stddef.h>

struct qp_tourney {
	size_t	 *node;		/* [0] the winner, [1..k-1] losers */
	size_t	  k;
	int	(*before)(void *ctx, size_t a, size_t b);
	void	 *ctx;
};

/* Build the tree over sources 0..k-1 (k >= 1); -1 on ENOMEM. */
int	qp_tourney_init(struct qp_tourney *t, size_t k,
	    int (*before)(void *, size_t, size_t), void *ctx);
/* The source whose item comes first. */
size_t	qp_tourney_top(const struct qp_tourney *t);
/* After the top source moved to its next item (or is done): the new top. */
size_t	qp_tourney_next(struct qp_tourney *t);
void	qp_tourney_free(struct qp_tourney *t);

#endif
