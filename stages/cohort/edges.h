/*
 * edges.h: qp-cohort's conversation structure (who replies to and
 * mentions whom: 连接度, 影响力) and newcomers (welcomes, self-
 * introductions, nicknames), kept apart from the other tables of
 * qp-cohort.c.
 *
 * qp-cohort calls ed_header() with the events header, ed_event() for
 * every events row of a group up to the end date, in stream order (staff
 * included: the roles table says who they are), and ed_write() at the
 * end, which writes the edges, connections, influence, newcomers and
 * welcomes tables.  Memory grows with the members of the current group
 * (and the rows kept for the tables), never with messages.
 */
#ifndef QP_EDGES_H
#define QP_EDGES_H

struct qp_in;
struct qp_out;
struct qp_ugc;
struct qp_roles;

void	 ed_opt_intro(const char *regex);
void	 ed_opt_nickname(const char *regex);
void	 ed_header(const struct qp_in *in, const struct qp_ugc *ugc,
	    const struct qp_roles *roles);
void	 ed_event(const struct qp_in *in, long long ts, long long day);
void	 ed_write(struct qp_out *out);
void	 ed_free(void);

#endif
