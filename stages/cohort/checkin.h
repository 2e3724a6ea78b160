/*
 * checkin.h: qp-cohort's groups file (--groups) and check-ins (打卡,
 * --checkin), kept apart from the other tables of qp-cohort.c.
 *
 * qp-cohort calls ck_header() with the events header, ck_event() for every
 * events row of a group up to the end date, in stream order, and
 * ck_write() at the end, which writes the groups, checkins, checkin_days
 * and camps tables.  Memory grows with members x days of camps.
 */
#ifndef QP_CHECKIN_H
#define QP_CHECKIN_H

struct qp_in;
struct qp_out;
struct qp_tz;

void	 ck_opt_checkin(const char *regex);
void	 ck_opt_makeup(const char *regex);
void	 ck_opt_groups(const char *path);
void	 ck_header(const struct qp_in *in, struct qp_tz *tz);
void	 ck_event(const struct qp_in *in, long long ts, long long day);
void	 ck_write(struct qp_out *out, long long end);
void	 ck_free(void);
/* The type ("lead", "camp"...) the groups file gives group gid, or NULL. */
const char *ck_group_type(const char *gid);

#endif
