/*
 * qp_time: instants, offsets, IANA zones, local days and ISO weeks.
 *
 * An instant is seconds since 1970-01-01T00:00:00Z (long long).  A day is
 * a count of days since 1970-01-01 (proleptic Gregorian calendar).
 *
 * Zones are read from the system's TZif files (tzdata), with the POSIX TZ
 * rule in their footer for instants past the last transition; a POSIX TZ
 * string such as "CST-8" or "EST5EDT,M3.2.0,M11.1.0" works as a zone too.
 *
 * Naive local times that a zone skips (a DST gap) or repeats (an overlap)
 * are resolved like JavaScript Temporal's "compatible" rule: in an overlap
 * the earlier instant wins; in a gap the time is read with the offset in
 * force before the gap, which moves it forward by the gap's length
 * (02:30 on a spring-forward night in New York is 03:30 EDT).
 */
#ifndef QP_TIME_H
#define QP_TIME_H

#include <stddef.h>

#define QP_ISO_LEN	25	/* "2024-03-01T20:15:03+08:00" */

struct qp_tz;

/*
 * Parse "YYYY-MM-DD[T ]HH:MM[:SS[.frac]]" followed by "Z", "+HH:MM",
 * "+HHMM" or "+HH" (fractions are floored).  Returns 0 and sets *t and
 * *off (seconds east of UTC), or -1.  The string must end there, the
 * offset lie within +-18:00 and the instant within qp_time_in_range(), so
 * that qp_time_format() gives back the same instant and offset.
 */
int		 qp_time_parse(const char *s, size_t len, long long *t, int *off);

/*
 * Parse a naive "YYYY-MM-DD[T ]HH:MM[:SS]" into seconds since the epoch as
 * if it were UTC.  Returns 0 or -1.
 */
int		 qp_time_parse_naive(const char *s, size_t len, long long *t);

/*
 * Why s is not a time that qp_time_parse() reads (naive: one that
 * qp_time_parse_naive() reads), in a few words for a message: "day 30 of
 * February", "hour 24", "no offset (Z or +HH:MM) after the time".  Written
 * into buf (cap bytes), which is returned.
 */
const char	*qp_time_why(const char *s, size_t len, int naive, char *buf,
		    size_t cap);

/*
 * Whether t could be the time of a chat event: after the Unix epoch (a
 * time of 0 is a missing one) and before 2100.  Others are stray dates.
 */
int		 qp_time_plausible(long long t);

/* Whether t (and t's local day) lies within the years 0000 to 9999. */
int		 qp_time_in_range(long long t);

/*
 * Format t at offset off as ISO 8601 into buf (QP_ISO_LEN + 1 bytes).
 * An offset is printed in whole minutes (seconds dropped; t stays exact).
 * Instants outside qp_time_in_range() are clamped to its bounds.
 */
void		 qp_time_format(char *buf, long long t, int off);

/* Days since the epoch of a civil date, and back. */
long long	 qp_days_from_civil(int y, unsigned m, unsigned d);
void		 qp_civil_from_days(long long z, int *y, unsigned *m, unsigned *d);

/* Format a day as "YYYY-MM-DD" into buf (11 bytes); clamped to 0000..9999. */
void		 qp_day_format(char *buf, long long day);
/* ISO week of a day: *year is the ISO year (%G), *week 1..53 (%V). */
void		 qp_day_isoweek(long long day, int *year, unsigned *week);
/* Format a day's ISO week as "2024-W09" into buf (9 bytes). */
void		 qp_day_weekfmt(char *buf, long long day);
/* Day of week, 1 = Monday .. 7 = Sunday. */
unsigned	 qp_day_wday(long long day);
/* a / b rounded down (b > 0), for days and weeks before 1970 too. */
long long	 qp_fdiv(long long a, long long b);
/* Weeks since the Monday 1969-12-29, and that number's Monday. */
long long	 qp_day_week(long long day);
long long	 qp_week_monday(long long week);
/* A month number, year * 12 + month - 1, and "YYYY-MM" of one (8 bytes). */
long long	 qp_day_month(long long day);
void		 qp_month_format(char *buf, long long month);
/* "YYYY-MM-DD", a real date, to a day.  Returns 0, or -1. */
int		 qp_day_parse(const char *s, long long *day);

/*
 * Load the zone name ("Asia/Shanghai", "UTC", ":Europe/Berlin", a fixed
 * offset written as people write it, "UTC+8", "GMT-3", "UTC+05:30" or
 * "UTC+0530" (east of UTC is +, up to 14 hours), or a POSIX TZ string,
 * whose offsets count the other way: "CST-8" is UTC+8).  Returns NULL
 * with errno set (ENOENT: unknown zone, EINVAL: malformed file or rule).
 */
struct qp_tz	*qp_tz_load(const char *name);
/*
 * Whether name is a POSIX TZ string of a fixed offset other than 0 and
 * not in the "UTC+8" form above ("CST-8", "<+08>-8", "EST5"): returns 0
 * and sets *east to its offset in seconds east of UTC, else -1.  Stages
 * refuse these, since "CST+8" is easily meant as UTC+8.
 */
int		 qp_tz_posix_offset(const char *name, int *east);
/* A zone from the bytes of a TZif file (for tests and fuzzing). */
struct qp_tz	*qp_tz_load_mem(const void *buf, size_t len, const char *name);
const char	*qp_tz_name(const struct qp_tz *z);
void		 qp_tz_free(struct qp_tz *z);

/* Offset (seconds east of UTC) in force at instant t. */
int		 qp_tz_offset(const struct qp_tz *z, long long t);

/* The instant of naive local time lt (seconds as if UTC), per the rule above. */
long long	 qp_tz_resolve(const struct qp_tz *z, long long lt);

/* Local day of instant t in z. */
long long	 qp_tz_day(const struct qp_tz *z, long long t);

#endif
