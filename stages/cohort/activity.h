/*
 * activity.h: qp-cohort's activities (--activity, --activities) and the
 * weekly activity participation (周参与活动率), kept apart from the other
 * tables of qp-cohort.c.
 *
 * qp-cohort calls act_header() with the events header, act_event() for
 * every events row of a group up to the end date, in stream order, with
 * the row's role (staff post activities, members take part), and
 * act_week_members() with each scope's members of each week as its weekly
 * table counts them; act_write() writes the activities and activity_weeks
 * tables.  Memory grows with activities and their participants, never
 * with messages.
 */
#ifndef QP_ACTIVITY_H
#define QP_ACTIVITY_H

struct qp_in;
struct qp_out;
struct qp_tz;

void	 act_opt_activity(const char *spec);
void	 act_opt_activities(const char *path);
void	 act_opt_window(long long secs);
void	 act_header(const struct qp_in *in, struct qp_tz *tz);
void	 act_event(const struct qp_in *in, long long ts, int role);
void	 act_week_members(const char *scope, long long week,
	    unsigned long long members);
void	 act_write(struct qp_out *out, long long end);
void	 act_free(void);

#endif
