/*
 * qp_events: the events table's order (METRICS.md R5), shared by the
 * stages that sort it (qp-dedupe) and those that need it sorted.
 *
 * Rows sort by (group_id as bytes, ts as an instant, kind rank, msg_id),
 * where the kind rank puts join first, then message, rename and every
 * other kind, then leave and remove; msg_ids compare as numbers when both
 * are unsigned integers, else as bytes.
 */
#ifndef QP_EVENTS_H
#define QP_EVENTS_H

#include <stddef.h>
#include <string.h>

/*
 * Whether kind (or a media, any short field) is k, a literal, both
 * NUL-terminated: compared byte by byte in line, which the compiler
 * unrolls, where a strcmp() call per module and row cost 2% of qp-cohort.
 */
static inline int
qp_kind_is(const char *kind, const char *k)
{
	size_t i;

	for (i = 0; k[i] != '\0'; i++)
		if (kind[i] != k[i])
			return 0;
	return kind[i] == '\0';
}

/* 0 join, 1 message/rename/system/custom, 2 leave/remove. */
int	qp_kind_rank(const char *kind);

/* <0, 0, >0 as a sorts before, with, or after b. */
int	qp_msgid_cmp(const char *a, size_t alen, const char *b, size_t blen);

/*
 * One (group, user)'s membership, METRICS.md R3: join, message and rename
 * open it, leave and remove close it, other kinds leave it alone.  Feed
 * every event of the user in the group, in stream order; the result says
 * what the event did.  The state starts at 0.
 */
enum {
	QP_M_NONE,	/* no change */
	QP_M_JOIN,	/* opened by a join */
	QP_M_INFER,	/* opened by a message or rename: join_inferred */
	QP_M_CLOSE,	/* closed */
	QP_M_POINT	/* a close as the first event: opened and closed at once */
};

int	qp_membership(unsigned char *state, const char *kind);

/*
 * The order check of the stages that need sorted events: feed each row's
 * group_id, ts (an instant), kind rank and msg_id.  Returns 0 for a row
 * of the same group as the last, 1 for the first row of a new group, -1
 * when the row sorts before the last one, -2 on ENOMEM.
 */
struct qp_order {
	char	*group, *msg;
	size_t	 groupcap, msgcap;
	long long ts;
	int	 rank, have;
};

int	qp_order_check(struct qp_order *o, const char *gid, size_t gidlen,
	    long long ts, int rank, const char *msg, size_t msglen);
void	qp_order_free(struct qp_order *o);

#endif
