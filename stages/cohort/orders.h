/*
 * orders.h: qp-cohort's money tables, orders and ltv (qunpipe(7)
 * "Money"), kept apart from the other tables of qp-cohort.c.
 *
 * qp-cohort calls od_header() with the events header, od_pay() for every
 * member's paid event up to the end date (group: the group's number, or
 * OD_NOGROUP), od_member() for every member of every scope once the
 * scopes are known (scope 0 is "*", scope i the group numbered i - 1),
 * and od_write() at the end.  Memory grows with payments and members,
 * never with messages.
 */
#ifndef QP_ORDERS_H
#define QP_ORDERS_H

#include <stddef.h>
#include <stdint.h>

#define OD_NOGROUP	UINT32_MAX

struct qp_in;
struct qp_out;

void	 od_header(const struct qp_in *in);
void	 od_pay(const struct qp_in *in, uint32_t group, uint32_t user,
	    long long day);
/* jday: the local day of the join that began the first membership, or
 * LLONG_MIN for a member whose membership was inferred (no cohort). */
void	 od_member(uint32_t scope, uint32_t user, long long jday);
/* ids[i]: scope i's group_id ("*" for 0); E the end date. */
void	 od_write(struct qp_out *out, const char *const *ids, size_t nsc,
	    long long E, int quiet);
void	 od_free(void);

#endif
