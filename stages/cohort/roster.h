/*
 * roster.h: the roster table (member lists, qp-ingest --roster) as
 * qp-cohort reads it, kept apart from qp-cohort.c.
 *
 * qp_cli_pass() hands rs_header() and rs_row() the roster table, which
 * comes before the events.  rs_group() gives a group's snapshots by day,
 * each with its members' ids sorted.  Memory: the rows.
 */
#ifndef QP_ROSTER_H
#define QP_ROSTER_H

#include <stddef.h>

struct qp_in;

struct rs_snap {
	long long	  day;
	const char	**uids;		/* sorted */
	size_t		  n;
};

void	 rs_header(const struct qp_in *in);
void	 rs_row(const struct qp_in *in);
/* Whether a roster table was read (even an empty one). */
int	 rs_given(void);
/*
 * The snapshots of group gid, by day (*snaps: valid until rs_free()); 0
 * when the roster does not list it.  Marks the group as seen.
 */
size_t	 rs_group(const char *gid, const struct rs_snap **snaps);
/* Whether uid is in the snapshot. */
int	 rs_listed(const struct rs_snap *s, const char *uid);
/* Warn of each group the roster lists and the events never showed. */
void	 rs_unseen(void);
void	 rs_free(void);

#endif
