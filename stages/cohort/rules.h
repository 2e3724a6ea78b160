/*
 * rules.h: group rules (群规) of qp-cohort: the violations, violators,
 * rules and exits tables (qunpipe(7) "Group rules"), kept apart from the
 * other tables of qp-cohort.c.
 *
 * qp-cohort calls rl_header() with the events header, rl_message() for
 * every member's message (staff and bots apart) up to the end date,
 * rl_exit() when a membership closes and rl_rejoin() when one opens again,
 * and rl_write() at the end.  Memory grows with members, groups x days and
 * violations, never with messages.
 */
#ifndef QP_RULES_H
#define QP_RULES_H

#include <stdint.h>

struct qp_in;
struct qp_out;
struct qp_strmap;
struct qp_tz;

void	 rl_opt_adwords(const char *path);
void	 rl_opt_flood(const char *spec);
void	 rl_opt_spam_groups(long long n);
void	 rl_opt_strikes(long long n);
void	 rl_opt_ad_share(const char *s);
void	 rl_header(const struct qp_in *in);
/* group: the group's number (its order in the stream). */
void	 rl_message(const struct qp_in *in, uint32_t group, uint32_t user,
	    long long ts, long long day);
void	 rl_exit(uint32_t group, uint32_t user, long long start, int by_join,
	    long long ts, int removed);
void	 rl_rejoin(uint32_t group, uint32_t user);
/* gids[g]: group number g's group_id; uids: user numbers' ids. */
void	 rl_write(struct qp_out *out, const char *const *gids, size_t ngroups,
	    const struct qp_strmap *uids, long long E, const struct qp_tz *tz);
void	 rl_free(void);

#endif
