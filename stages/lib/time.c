/*
 * Calendar arithmetic, ISO 8601, and IANA zones read from TZif files.
 *
 * Dates use Howard Hinnant's days_from_civil/civil_from_days, exact over
 * the proleptic Gregorian calendar.  A zone is its list of transitions
 * (the 64-bit part of a TZif v2+ file) and the POSIX TZ rule of the file's
 * footer, used past the last transition; no global state (TZ, tzset) is
 * touched, so several zones can be used at once and results never depend
 * on the environment.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_time.h"

#define DAY	86400LL

static long long
fdiv(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

long long
qp_fdiv(long long a, long long b)
{
	return fdiv(a, b);
}

long long
qp_day_week(long long day)
{
	return fdiv(day + 3, 7);
}

long long
qp_week_monday(long long week)
{
	return week * 7 - 3;
}

long long
qp_day_month(long long day)
{
	int y;
	unsigned m, d;

	qp_civil_from_days(day, &y, &m, &d);
	return (long long)y * 12 + (m - 1);
}

void
qp_month_format(char *buf, long long month)
{
	long long y = fdiv(month, 12);
	unsigned mm = (unsigned)(month - y * 12) % 12 + 1;

	y = y < 0 ? 0 : y > 9999 ? 9999 : y;	/* as qp_day_format() clamps */
	snprintf(buf, 8, "%04u-%02u", (unsigned)y % 10000, mm);
}

/* Only the canonical "YYYY-MM-DD" of a day that exists (2024-02-30 is
 * not); read by hand, as reports parse millions of them. */
int
qp_day_parse(const char *s, long long *day)
{
	static const unsigned char mdays[] = { 31, 28, 31, 30, 31, 30, 31,
	    31, 30, 31, 30, 31 };
	unsigned y = 0, m, d, i, leap;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (unsigned)(s[i] - '0') > 9)
			return -1;
	if (s[10] != '\0')
		return -1;
	for (i = 0; i < 4; i++)
		y = y * 10 + (unsigned)(s[i] - '0');
	m = (unsigned)(s[5] - '0') * 10 + (unsigned)(s[6] - '0');
	d = (unsigned)(s[8] - '0') * 10 + (unsigned)(s[9] - '0');
	leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (unsigned)(m == 2 && leap))
		return -1;
	*day = qp_days_from_civil((int)y, m, d);
	return 0;
}

long long
qp_days_from_civil(int y, unsigned m, unsigned d)
{
	long long yy = y - (m <= 2), era, yoe, doy, doe;

	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
qp_civil_from_days(long long z, int *y, unsigned *m, unsigned *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(int y, unsigned m)
{
	static const unsigned char n[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

unsigned
qp_day_wday(long long day)
{
	return (unsigned)((day % 7 + 7 + 3) % 7) + 1;	/* 1970-01-01: Thu */
}

void
qp_day_isoweek(long long day, int *year, unsigned *week)
{
	long long thu = day - qp_day_wday(day) + 4;
	unsigned m, d;

	qp_civil_from_days(thu, year, &m, &d);
	*week = (unsigned)((thu - qp_days_from_civil(*year, 1, 1)) / 7 + 1);
}

static char *
put_num(char *p, long long v, int width)
{
	char tmp[24];
	int n = 0, neg = v < 0;

	if (neg)
		v = -v;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (neg)
		*p++ = '-';
	while (width-- > n)
		*p++ = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

#define MINDAY	(-719528LL)		/* 0000-01-01 */
#define MAXDAY	2932896LL		/* 9999-12-31 */

/* A margin of 18 h keeps the local time of any offset printable. */
int
qp_time_in_range(long long t)
{
	return t >= MINDAY * DAY + 18 * 3600 && t < (MAXDAY + 1) * DAY - 18 * 3600;
}

int
qp_time_plausible(long long t)
{
	return t > 0 && t < 4102444800LL;	/* 2100-01-01T00:00:00Z */
}

void
qp_day_format(char *buf, long long day)
{
	unsigned m, d;
	int y;
	char *p;

	day = day < MINDAY ? MINDAY : day > MAXDAY ? MAXDAY : day;
	qp_civil_from_days(day, &y, &m, &d);
	p = put_num(buf, y, 4);
	*p++ = '-';
	p = put_num(p, m, 2);
	*p++ = '-';
	p = put_num(p, d, 2);
	*p = '\0';
}

void
qp_day_weekfmt(char *buf, long long day)
{
	unsigned w;
	int y;
	char *p;

	qp_day_isoweek(day, &y, &w);
	p = put_num(buf, y, 4);
	*p++ = '-';
	*p++ = 'W';
	p = put_num(p, w, 2);
	*p = '\0';
}

void
qp_time_format(char *buf, long long t, int off)
{
	long long lt, day, sec;
	int a;
	char *p;

	off -= off % 60;	/* ISO 8601 offsets have minutes; t stays exact */
	if (off > 18 * 3600 || off < -18 * 3600 || !qp_time_in_range(t)) {
		off = 0;
		t = t < MINDAY * DAY ? MINDAY * DAY : t >= (MAXDAY + 1) * DAY ?
		    (MAXDAY + 1) * DAY - 1 : t;
	}
	lt = t + off;
	day = fdiv(lt, DAY);
	sec = lt - day * DAY;
	a = off < 0 ? -off : off;

	qp_day_format(buf, day);
	p = buf + strlen(buf);
	*p++ = 'T';
	p = put_num(p, sec / 3600, 2);
	*p++ = ':';
	p = put_num(p, sec / 60 % 60, 2);
	*p++ = ':';
	p = put_num(p, sec % 60, 2);
	*p++ = off < 0 ? '-' : '+';
	p = put_num(p, a / 3600, 2);
	*p++ = ':';
	p = put_num(p, a / 60 % 60, 2);
	*p = '\0';
}

/* Read exactly n digits. */
static int
digits(const char **s, const char *e, int n, int *v)
{
	int x = 0;

	if (e - *s < n)
		return -1;
	while (n-- > 0) {
		if (**s < '0' || **s > '9')
			return -1;
		x = x * 10 + (*(*s)++ - '0');
	}
	*v = x;
	return 0;
}

/* Write why into buf (cap bytes, may be 0) and fail. */
static int
why_fail(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
why_fail(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;

	if (cap > 0) {
		va_start(ap, fmt);
		vsnprintf(buf, cap, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/*
 * The date-time part; leaves *s after the seconds (and fraction).  On
 * failure, why (cap bytes, cap 0 for none) says what is wrong.
 */
static int
parse_dt(const char **s, const char *e, long long *t, char *why, size_t cap)
{
	int y, mo, d, h, mi, sec = 0;

	if (digits(s, e, 4, &y) || *s == e || *(*s)++ != '-' ||
	    digits(s, e, 2, &mo) || *s == e || *(*s)++ != '-' ||
	    digits(s, e, 2, &d))
		return why_fail(why, cap, "not a date as YYYY-MM-DD");
	if (*s == e)
		return why_fail(why, cap, "a date without a time");
	if (**s != 'T' && **s != ' ')
		return why_fail(why, cap, "not a time after the date");
	(*s)++;
	if (digits(s, e, 2, &h) || *s == e || *(*s)++ != ':' ||
	    digits(s, e, 2, &mi))
		return why_fail(why, cap, "not a time as HH:MM after the date");
	if (*s < e && **s == ':') {
		(*s)++;
		if (digits(s, e, 2, &sec))
			return why_fail(why, cap, "not seconds as SS after HH:MM:");
		if (*s < e && (**s == '.' || **s == ',')) {
			(*s)++;
			if (*s == e || **s < '0' || **s > '9')
				return why_fail(why, cap, "no digits in the "
				    "fraction of a second");
			while (*s < e && **s >= '0' && **s <= '9')
				(*s)++;
		}
	}
	if (mo < 1 || mo > 12)
		return why_fail(why, cap, "month %d", mo);
	if (d < 1)
		return why_fail(why, cap, "day 0 of %s", month_names[mo - 1]);
	if ((unsigned)d > month_days(y, (unsigned)mo))
		return mo == 2 && d == 29 ?
		    why_fail(why, cap, "day 29 of February %04d, not a leap "
		    "year", y) :
		    why_fail(why, cap, "day %d of %s", d, month_names[mo - 1]);
	if (h > 23)
		return why_fail(why, cap, "hour %d", h);
	if (mi > 59)
		return why_fail(why, cap, "minute %d", mi);
	if (sec > 59)
		return why_fail(why, cap, "second %d", sec);
	*t = qp_days_from_civil(y, (unsigned)mo, (unsigned)d) * DAY +
	    h * 3600 + mi * 60 + sec;
	return 0;
}

static int
parse_naive(const char *s, size_t len, long long *t, char *why, size_t cap)
{
	const char *e = s + len;

	if (parse_dt(&s, e, t, why, cap) == -1)
		return -1;
	if (s != e)
		return why_fail(why, cap, "'%.*s' after the time", (int)(e - s),
		    s);
	return 0;
}

int
qp_time_parse_naive(const char *s, size_t len, long long *t)
{
	return parse_naive(s, len, t, NULL, 0);
}

static int
parse_iso(const char *s, size_t len, long long *t, int *off, char *why,
    size_t cap)
{
	const char *e = s + len;
	long long lt;
	int sign, h, m = 0;

	if (parse_dt(&s, e, &lt, why, cap) == -1)
		return -1;
	if (s == e)
		return why_fail(why, cap, "no offset (Z or +HH:MM) after the "
		    "time");
	if (*s == 'Z' || *s == 'z') {
		if (++s != e)
			return why_fail(why, cap, "'%.*s' after the offset",
			    (int)(e - s), s);
		*t = lt;
		*off = 0;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return why_fail(why, cap, "'%.*s' where the offset (Z or "
		    "+HH:MM) belongs", (int)(e - s), s);
	sign = *s++ == '-' ? -1 : 1;
	if (digits(&s, e, 2, &h))
		return why_fail(why, cap, "not an offset as +HH:MM");
	if (s < e && *s == ':')
		s++;
	if (s < e && digits(&s, e, 2, &m))
		return why_fail(why, cap, "not an offset as +HH:MM");
	if (s != e)
		return why_fail(why, cap, "'%.*s' after the offset",
		    (int)(e - s), s);
	/* Offsets beyond +-18:00 do not exist (and would print as +00:00). */
	if (m > 59 || h * 60 + m > 18 * 60)
		return why_fail(why, cap, "offset %c%02d:%02d beyond "
		    "\xc2\xb1" "18:00", sign < 0 ? '-' : '+', h, m);
	*off = sign * (h * 3600 + m * 60);
	*t = lt - *off;
	/* What cannot be written back as it was read is not read. */
	return qp_time_in_range(*t) ? 0 : -1;
}

int
qp_time_parse(const char *s, size_t len, long long *t, int *off)
{
	return parse_iso(s, len, t, off, NULL, 0);
}

const char *
qp_time_why(const char *s, size_t len, int naive, char *buf, size_t cap)
{
	long long t;
	int off;

	if (cap == 0)
		return buf;
	if (len == 0)
		snprintf(buf, cap, "no date");
	else if ((naive ? parse_naive(s, len, &t, buf, cap) :
	    parse_iso(s, len, &t, &off, buf, cap)) == 0)
		snprintf(buf, cap, "a valid time");
	return buf;
}

/* --- zones ----------------------------------------------------------- */

/* A POSIX TZ rule: std offset, optional dst offset and change dates. */
struct rule_date {
	char		 kind;		/* 'M', 'J' or 'n' */
	int		 m, w, d;	/* M: month, week, weekday; J/n: day */
	long		 time;		/* seconds after local midnight */
};

struct posix_rule {
	int		 std, dst;	/* seconds east of UTC */
	int		 has_dst;
	struct rule_date start, end;
};

struct qp_tz {
	char		*name;
	long long	*trans;		/* transition instants */
	unsigned char	*idx;		/* type index after each transition */
	int		*typeoff;	/* offsets of types */
	size_t		 ntrans, ntypes;
	int		 has_rule;
	struct posix_rule rule;
};

static const char *
rule_name(const char *s)
{
	if (*s == '<') {
		while (*s && *s != '>')
			s++;
		return *s == '>' ? s + 1 : NULL;
	}
	{
		const char *b = s;

		while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			s++;
		return s - b >= 3 ? s : NULL;
	}
}

/* [+-]hh[:mm[:ss]] in seconds; hours up to 167 (for rule times). */
static const char *
rule_hms(const char *s, long *v)
{
	long sign = 1, h = 0, m = 0, sec = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9' && h < 1000)
		h = h * 10 + (*s++ - '0');
	if (*s == ':') {
		s++;
		if (*s < '0' || *s > '9')
			return NULL;
		while (*s >= '0' && *s <= '9' && m < 100)
			m = m * 10 + (*s++ - '0');
		if (*s == ':') {
			s++;
			if (*s < '0' || *s > '9')
				return NULL;
			while (*s >= '0' && *s <= '9' && sec < 100)
				sec = sec * 10 + (*s++ - '0');
		}
	}
	if (h > 167 || m > 59 || sec > 59)
		return NULL;
	*v = sign * (h * 3600 + m * 60 + sec);
	return s;
}

static const char *
rule_num(const char *s, int *v, int lo, int hi)
{
	int x = 0;

	if (*s < '0' || *s > '9')
		return NULL;
	while (*s >= '0' && *s <= '9' && x <= hi)
		x = x * 10 + (*s++ - '0');
	if (x < lo || x > hi)
		return NULL;
	*v = x;
	return s;
}

static const char *
rule_date(const char *s, struct rule_date *r)
{
	r->time = 7200;
	if (*s == 'M') {
		r->kind = 'M';
		if ((s = rule_num(s + 1, &r->m, 1, 12)) == NULL || *s++ != '.' ||
		    (s = rule_num(s, &r->w, 1, 5)) == NULL || *s++ != '.' ||
		    (s = rule_num(s, &r->d, 0, 6)) == NULL)
			return NULL;
	} else if (*s == 'J') {
		r->kind = 'J';
		if ((s = rule_num(s + 1, &r->d, 1, 365)) == NULL)
			return NULL;
	} else {
		r->kind = 'n';
		if ((s = rule_num(s, &r->d, 0, 365)) == NULL)
			return NULL;
	}
	if (*s == '/' && (s = rule_hms(s + 1, &r->time)) == NULL)
		return NULL;
	return s;
}

static int
parse_rule(const char *s, struct posix_rule *r)
{
	long v;

	memset(r, 0, sizeof *r);
	if ((s = rule_name(s)) == NULL || (s = rule_hms(s, &v)) == NULL)
		return -1;
	r->std = (int)-v;
	if (*s == '\0')
		return 0;
	if ((s = rule_name(s)) == NULL)
		return -1;
	r->has_dst = 1;
	r->dst = r->std + 3600;
	if (*s != ',' && *s != '\0') {
		if ((s = rule_hms(s, &v)) == NULL)
			return -1;
		r->dst = (int)-v;
	}
	if (*s == '\0') {
		/* No dates given: the US rule, as glibc assumes. */
		s = ",M3.2.0,M11.1.0";
	}
	if (*s++ != ',' || (s = rule_date(s, &r->start)) == NULL ||
	    *s++ != ',' || (s = rule_date(s, &r->end)) == NULL || *s != '\0')
		return -1;
	return 0;
}

/* Local midnight (as seconds, "UTC" arithmetic) of a rule date in year y. */
static long long
rule_day(const struct rule_date *r, int y)
{
	long long first, day;
	unsigned wd;

	switch (r->kind) {
	case 'J':
		day = qp_days_from_civil(y, 1, 1) + r->d - 1 +
		    (is_leap(y) && r->d >= 60);
		break;
	case 'n':
		day = qp_days_from_civil(y, 1, 1) + r->d;
		break;
	default:
		first = qp_days_from_civil(y, (unsigned)r->m, 1);
		wd = qp_day_wday(first) % 7;	/* 0 = Sunday */
		day = first + (r->d - (int)wd + 7) % 7 + (r->w - 1) * 7;
		while (day - first >= month_days(y, (unsigned)r->m))
			day -= 7;
		break;
	}
	return day * DAY;
}

static int
rule_offset(const struct posix_rule *r, long long t)
{
	long long start, end;
	unsigned m, d;
	int y;

	if (!r->has_dst)
		return r->std;
	qp_civil_from_days(fdiv(t + r->std, DAY), &y, &m, &d);
	start = rule_day(&r->start, y) + r->start.time - r->std;
	end = rule_day(&r->end, y) + r->end.time - r->dst;
	if (start < end)
		return t >= start && t < end ? r->dst : r->std;
	return t >= end && t < start ? r->std : r->dst;
}

static uint64_t
be(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | *p++;
	return v;
}

/* Parse a TZif file (version 2 or later; version 1 data is skipped). */
static int
parse_tzif(struct qp_tz *z, const unsigned char *b, size_t n)
{
	size_t cnt[6], v1, need, i;
	const unsigned char *p, *e = b + n;
	char foot[128];

	if (n < 44 || memcmp(b, "TZif", 4) != 0 || b[4] < '2')
		return -1;
	for (i = 0; i < 6; i++)
		cnt[i] = be(b + 20 + 4 * i, 4);
	/* isut, isstd, leap, time, type, char */
	v1 = cnt[3] * 5 + cnt[4] * 6 + cnt[5] + cnt[2] * 8 + cnt[1] + cnt[0];
	if (v1 > n - 44 || n - 44 - v1 < 44)
		return -1;
	p = b + 44 + v1;
	if (memcmp(p, "TZif", 4) != 0)
		return -1;
	for (i = 0; i < 6; i++)
		cnt[i] = be(p + 20 + 4 * i, 4);
	p += 44;
	need = cnt[3] * 9 + cnt[4] * 6 + cnt[5] + cnt[2] * 12 + cnt[1] + cnt[0];
	if (cnt[4] == 0 || cnt[4] > 256 || need > (size_t)(e - p))
		return -1;
	z->ntrans = cnt[3];
	z->ntypes = cnt[4];
	if ((z->trans = calloc(z->ntrans + 1, sizeof *z->trans)) == NULL ||
	    (z->idx = calloc(z->ntrans + 1, 1)) == NULL ||
	    (z->typeoff = calloc(z->ntypes, sizeof *z->typeoff)) == NULL)
		return -1;
	for (i = 0; i < z->ntrans; i++)
		z->trans[i] = (long long)be(p + 8 * i, 8);
	p += 8 * z->ntrans;
	for (i = 0; i < z->ntrans; i++) {
		if (p[i] >= z->ntypes)
			return -1;
		z->idx[i] = p[i];
	}
	p += z->ntrans;
	for (i = 0; i < z->ntypes; i++)
		z->typeoff[i] = (int32_t)be(p + 6 * i, 4);
	p += need - cnt[3] * 9;
	/* Footer: "\n<rule>\n". */
	if (p < e && *p == '\n') {
		const unsigned char *q = memchr(p + 1, '\n', (size_t)(e - p - 1));

		if (q != NULL && q > p + 1 && (size_t)(q - p - 1) < sizeof foot) {
			memcpy(foot, p + 1, (size_t)(q - p - 1));
			foot[q - p - 1] = '\0';
			if (parse_rule(foot, &z->rule) == 0)
				z->has_rule = 1;
		}
	}
	return 0;
}

static int
load_file(struct qp_tz *z, const char *path)
{
	unsigned char *b = NULL;
	size_t n = 0, cap = 0;
	FILE *f;
	int rc;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		size_t r;

		if (n == cap) {
			unsigned char *nb;

			cap = cap ? cap * 2 : 8192;
			if (cap > (1 << 22) || (nb = realloc(b, cap)) == NULL) {
				free(b);
				fclose(f);
				errno = EINVAL;
				return -1;
			}
			b = nb;
		}
		if ((r = fread(b + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	fclose(f);
	rc = parse_tzif(z, b, n);
	free(b);
	if (rc == -1)
		errno = EINVAL;
	return rc;
}

/*
 * "UTC+8", "GMT+8", "UTC+05:30", "UTC-0330": a fixed offset east of UTC
 * in the sign people write it.  As a POSIX TZ string "UTC+8" would be 8
 * hours west, which moves every time by 16 hours; nobody means that.
 * Returns 0 and sets *off (seconds east); -2 for "UTC+" or "GMT-" with
 * anything else after it ("UTC+15", "UTC+8x"), which no reading makes
 * right; -1 for other names.
 */
static int
human_offset(const char *s, int *off)
{
	int sign, h = 0, m = 0, nd = 0;

	if (strncmp(s, "UTC", 3) != 0 && strncmp(s, "GMT", 3) != 0)
		return -1;
	s += 3;
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	for (; *s >= '0' && *s <= '9' && nd < 4; s++, nd++)
		h = h * 10 + (*s - '0');
	if (nd == 4) {		/* HHMM */
		m = h % 100;
		h /= 100;
	} else if (nd == 0 || nd > 2)
		return -2;
	else if (*s == ':') {
		if (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
			return -2;
		m = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
	}
	if (*s != '\0' || h > 14 || m > 59 || (h == 14 && m > 0))
		return -2;
	*off = sign * (h * 3600 + m * 60);
	return 0;
}

int
qp_tz_posix_offset(const char *name, int *east)
{
	struct posix_rule r;
	int off;

	if (name == NULL)
		return -1;
	if (*name == ':')
		name++;
	if (human_offset(name, &off) != -1 ||
	    strpbrk(name, "0123456789") == NULL ||
	    parse_rule(name, &r) == -1 || r.has_dst || r.std == 0)
		return -1;
	*east = r.std;
	return 0;
}

struct qp_tz *
qp_tz_load(const char *name)
{
	struct qp_tz *z;
	const char *dir;
	char path[4096];
	int e;

	if (name == NULL || *name == '\0')
		name = "UTC";
	if (*name == ':')
		name++;
	if ((z = calloc(1, sizeof *z)) == NULL || (z->name = strdup(name)) == NULL) {
		free(z);
		errno = ENOMEM;
		return NULL;
	}
	if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0 ||
	    strcmp(name, "GMT") == 0 || strcmp(name, "Etc/UTC") == 0) {
		z->has_rule = 1;	/* std offset 0, no DST */
		return z;
	}
	switch (human_offset(name, &z->rule.std)) {
	case 0:
		z->has_rule = 1;
		return z;
	case -2:
		qp_tz_free(z);
		errno = ENOENT;
		return NULL;
	}
	if ((dir = getenv("TZDIR")) == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	e = ENOENT;
	if (strstr(name, "..") == NULL && strlen(name) < 1024) {
		if (*name == '/')
			snprintf(path, sizeof path, "%s", name);
		else
			snprintf(path, sizeof path, "%s/%s", dir, name);
		if (load_file(z, path) == 0)
			return z;
		if (errno != ENOENT)
			e = errno;
	}
	/* Not a zone file: perhaps a POSIX TZ string such as "CST-8". */
	free(z->trans);
	free(z->idx);
	free(z->typeoff);
	z->trans = NULL;
	z->idx = NULL;
	z->typeoff = NULL;
	z->ntrans = z->ntypes = 0;
	if (strpbrk(name, "0123456789") != NULL && parse_rule(name, &z->rule) == 0) {
		z->has_rule = 1;
		return z;
	}
	qp_tz_free(z);
	errno = e;
	return NULL;
}

struct qp_tz *
qp_tz_load_mem(const void *buf, size_t len, const char *name)
{
	struct qp_tz *z;

	if ((z = calloc(1, sizeof *z)) == NULL ||
	    (z->name = strdup(name)) == NULL) {
		free(z);
		errno = ENOMEM;
		return NULL;
	}
	if (parse_tzif(z, buf, len) == -1) {
		qp_tz_free(z);
		errno = EINVAL;
		return NULL;
	}
	return z;
}

const char *
qp_tz_name(const struct qp_tz *z)
{
	return z->name;
}

void
qp_tz_free(struct qp_tz *z)
{
	if (z == NULL)
		return;
	free(z->trans);
	free(z->idx);
	free(z->typeoff);
	free(z->name);
	free(z);
}

int
qp_tz_offset(const struct qp_tz *z, long long t)
{
	size_t lo, hi, mid;

	if (z->ntrans == 0 || t < z->trans[0]) {
		if (z->ntypes > 0)
			return z->typeoff[0];
		return rule_offset(&z->rule, t);
	}
	if (t >= z->trans[z->ntrans - 1] && z->has_rule)
		return rule_offset(&z->rule, t);
	lo = 0;
	hi = z->ntrans;		/* trans[lo] <= t < trans[hi] */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (z->trans[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->typeoff[z->idx[lo]];
}

long long
qp_tz_resolve(const struct qp_tz *z, long long lt)
{
	int before = qp_tz_offset(z, lt - DAY), after = qp_tz_offset(z, lt + DAY);
	long long t1 = lt - before, t2 = lt - after;
	int ok1 = qp_tz_offset(z, t1) == before, ok2 = qp_tz_offset(z, t2) == after;

	if (ok1 && ok2)
		return t1 < t2 ? t1 : t2;	/* overlap: the earlier */
	if (ok2)
		return t2;
	return t1;	/* valid, or a gap: the offset from before it */
}

long long
qp_tz_day(const struct qp_tz *z, long long t)
{
	return fdiv(t + qp_tz_offset(z, t), DAY);
}
