/*
 * qp_time: calendar, ISO 8601, ISO weeks, zones.  Zone offsets are checked
 * against the C library's localtime_r as an independent oracle.
 */
#include <stdlib.h>
#include <time.h>

#include "qp_time.h"
#include "test.h"

static long long
iso(const char *s)
{
	long long t = 0;
	int off;

	if (qp_time_parse(s, strlen(s), &t, &off) == -1)
		return -1;
	return t;
}

static void
check_week(const char *date, const char *want)
{
	char buf[16];
	long long t;

	CHECK(qp_time_parse_naive(date, strlen(date), &t) == 0);
	qp_day_weekfmt(buf, t / 86400);
	CHECK_STR(buf, want);
}

/* Compare a zone with libc's idea of it over [from, to). */
static void
check_oracle(const char *name, long long from, long long to, long long step)
{
	struct qp_tz *z = qp_tz_load(name);
	struct tm tm;
	long long t;
	int bad = 0;

	CHECK(z != NULL);
	if (z == NULL)
		return;
	setenv("TZ", name, 1);
	tzset();
	for (t = from; t < to; t += step + (long long)test_below(3600)) {
		time_t tt = (time_t)t;

		localtime_r(&tt, &tm);
		if (tm.tm_gmtoff != qp_tz_offset(z, t) && bad++ < 3)
			fprintf(stderr, "%s at %lld: libc %ld, ours %d\n", name,
			    t, tm.tm_gmtoff, qp_tz_offset(z, t));
	}
	CHECK(bad == 0);
	qp_tz_free(z);
}

/* What qp_time_why() says of s. */
static void
why(const char *s, int naive, const char *want)
{
	char buf[128];

	CHECK_STR(qp_time_why(s, strlen(s), naive, buf, sizeof buf), want);
}

/* Messages about dates say what is wrong, with no false alarm. */
static void
check_why(void)
{
	char small[8];

	why("2023-02-30T10:00:00+08:00", 0, "day 30 of February");
	why("2023-02-29 10:00", 1, "day 29 of February 2023, not a leap year");
	why("2024-02-29 10:00", 1, "a valid time");
	why("2024-04-31 10:00", 1, "day 31 of April");
	why("2024-13-01 10:00", 1, "month 13");
	why("2024-00-10 10:00", 1, "month 0");
	why("2024-01-00 10:00", 1, "day 0 of January");
	why("2024-01-01 24:00", 1, "hour 24");
	why("2024-01-01 23:60", 1, "minute 60");
	why("2024-01-01 23:59:60", 1, "second 60");
	why("0000-01-01T00:00:00Z", 0, "a valid time");
	why("2024-01-01 10:00", 0, "no offset (Z or +HH:MM) after the time");
	why("2024-01-01T10:00+19:00", 0, "offset +19:00 beyond \xc2\xb1" "18:00");
	why("2024-01-01 10:00 pm", 1, "' pm' after the time");
	why("2024-01-01", 1, "a date without a time");
	why("12/06/2024 10:00", 1, "not a date as YYYY-MM-DD");
	why("", 1, "no date");
	/* A small buffer is cut, never overrun. */
	CHECK_STR(qp_time_why("2024-13-01 10:00", 16, 1, small, sizeof small),
	    "month 1");
	/* Stray dates: the epoch itself, 2100 and after. */
	CHECK(!qp_time_plausible(0));
	CHECK(!qp_time_plausible(-86400));
	CHECK(qp_time_plausible(1));
	CHECK(qp_time_plausible(4102444799LL));
	CHECK(!qp_time_plausible(4102444800LL));
	/* Parsing still accepts and refuses the same. */
	CHECK(iso("2023-02-30T10:00:00Z") == -1);
	CHECK(iso("2024-02-29T10:00:00Z") == 1709200800);
}

int
main(void)
{
	char buf[64];
	long long t, lt;
	int off, y;
	unsigned m, d;
	struct qp_tz *z, *r;

	/* Calendar. */
	CHECK(qp_days_from_civil(1970, 1, 1) == 0);
	CHECK(qp_days_from_civil(2000, 3, 1) == 11017);
	CHECK(qp_days_from_civil(1969, 12, 31) == -1);
	for (t = -800000; t < 800000; t += 37) {
		qp_civil_from_days(t, &y, &m, &d);
		if (qp_days_from_civil(y, m, d) != t)
			break;
	}
	CHECK(t >= 800000);
	CHECK(qp_day_wday(0) == 4);		/* Thursday */
	check_week("2021-01-01T00:00", "2020-W53");
	check_week("2024-03-01T12:00", "2024-W09");
	check_week("2019-12-30T00:00", "2020-W01");
	check_week("2026-12-31T00:00", "2026-W53");
	check_week("2027-01-04T00:00", "2027-W01");

	/* ISO 8601. */
	CHECK(iso("2024-03-01T20:15:03+08:00") == 1709295303);
	CHECK(iso("2024-03-01T12:15:03Z") == 1709295303);
	CHECK(iso("2024-03-01 12:15:03+0000") == 1709295303);
	CHECK(iso("2024-03-01T07:15:03-05") == 1709295303);
	CHECK(iso("2024-03-01T12:15:03.999Z") == 1709295303);	/* floored */
	CHECK(iso("2024-03-01T12:15Z") == 1709295300);
	CHECK(iso("2024-02-30T00:00:00Z") == -1);
	CHECK(iso("2024-03-01T24:00:00Z") == -1);
	CHECK(iso("2024-03-01T12:15:03") == -1);		/* no offset */
	CHECK(iso("2024-03-01T12:15:03Zjunk") == -1);
	CHECK(iso("2024-3-01T12:15:03Z") == -1);
	/* Offsets beyond +-18:00 and instants outside the range: refused,
	 * never written back as something else. */
	CHECK(iso("2024-01-01T18:00:00+18:00") == 1704067200);
	CHECK(iso("2024-01-01T00:00:00+18:59") == -1);
	CHECK(iso("2024-01-01T00:00:00-18:01") == -1);
	CHECK(iso("2024-01-01T00:00:00+1801") == -1);
	CHECK(iso("0000-01-01T00:00:00+18:00") == -1);
	CHECK(iso("9999-12-31T23:59:59-18:00") == -1);
	CHECK(qp_time_parse("2024-03-01T20:15:03+08:00", 25, &t, &off) == 0 &&
	    off == 28800);
	qp_time_format(buf, 1709295303, 28800);
	CHECK_STR(buf, "2024-03-01T20:15:03+08:00");
	qp_time_format(buf, 1709295303, -16200);
	CHECK_STR(buf, "2024-03-01T07:45:03-04:30");
	qp_time_format(buf, -1, 0);
	CHECK_STR(buf, "1969-12-31T23:59:59+00:00");
	/* Out of range: clamped, never longer than QP_ISO_LEN. */
	qp_time_format(buf, 999999999999999LL, 0);
	CHECK(strlen(buf) == QP_ISO_LEN && !qp_time_in_range(999999999999999LL));
	CHECK_STR(buf, "9999-12-31T23:59:59+00:00");
	qp_time_format(buf, -999999999999999LL, 50000 * 3600);
	CHECK_STR(buf, "0000-01-01T00:00:00+00:00");
	CHECK(qp_time_in_range(0) && qp_time_in_range(253402300799LL - 86400));
	qp_day_format(buf, 19783);
	CHECK_STR(buf, "2024-03-01");

	/* Zones from tzdata, against libc. */
	check_oracle("America/New_York", 946684800, 2082758400, 86400 * 3);
	check_oracle("Europe/Berlin", 946684800, 2082758400, 86400 * 3);
	check_oracle("Australia/Sydney", 946684800, 2082758400, 86400 * 3);
	check_oracle("Asia/Shanghai", 0, 2082758400, 86400 * 30);
	check_oracle("Asia/Kolkata", 0, 2082758400, 86400 * 30);
	check_oracle("America/Sao_Paulo", 946684800, 1893456000, 86400 * 5);
	check_oracle("EST5EDT,M3.2.0,M11.1.0", 946684800, 2082758400, 86400 * 3);
	check_oracle("<+0330>-3:30", 946684800, 2082758400, 86400 * 30);

	/* DST gap and overlap (the "compatible" rule). */
	z = qp_tz_load("America/New_York");
	CHECK(z != NULL);
	if (z != NULL) {
		CHECK(qp_time_parse_naive("2024-03-10T02:30:00", 19, &lt) == 0);
		CHECK(qp_tz_resolve(z, lt) == iso("2024-03-10T07:30:00Z"));
		CHECK(qp_time_parse_naive("2024-11-03T01:30:00", 19, &lt) == 0);
		CHECK(qp_tz_resolve(z, lt) == iso("2024-11-03T05:30:00Z"));
		CHECK(qp_time_parse_naive("2024-07-01T12:00:00", 19, &lt) == 0);
		CHECK(qp_tz_resolve(z, lt) == iso("2024-07-01T16:00:00Z"));
		/* The local day of 03:59Z on Mar 10 is Mar 9 in New York. */
		qp_day_format(buf, qp_tz_day(z, iso("2024-03-10T03:59:00Z")));
		CHECK_STR(buf, "2024-03-09");
		/* Past the file's transitions the footer rule decides. */
		CHECK(qp_tz_offset(z, iso("2050-07-01T00:00:00Z")) == -14400);
		CHECK(qp_tz_offset(z, iso("2050-01-01T00:00:00Z")) == -18000);
		/* Every naive time maps back to itself unless it is in a gap. */
		for (lt = 1704067200; lt < 1735689600; lt += 1800) {
			t = qp_tz_resolve(z, lt);
			if (t + qp_tz_offset(z, t) != lt &&
			    t + qp_tz_offset(z, t) != lt + 3600)
				break;
		}
		CHECK(lt >= 1735689600);
	}
	qp_tz_free(z);
	r = qp_tz_load("CST-8");
	CHECK(r != NULL && qp_tz_offset(r, 0) == 28800);
	qp_tz_free(r);
	/* "UTC+8" as people mean it: east of UTC (POSIX would read west). */
	{
		static const struct { const char *name; int off; } hz[] = {
			{ "UTC+8", 28800 }, { "GMT+8", 28800 },
			{ "UTC-3", -10800 }, { "UTC+05:30", 19800 },
			{ "UTC+0530", 19800 }, { "GMT-03:30", -12600 },
			{ "UTC+14", 50400 }, { "UTC-0", 0 }, { ":UTC+8", 28800 },
		};
		static const char *const bad[] = { "UTC+15", "UTC+8x",
		    "UTC+", "UTC+123", "UTC+8:3", "UTC+08:60", "GMT+14:30" };
		size_t i;
		int east;

		for (i = 0; i < sizeof hz / sizeof hz[0]; i++) {
			r = qp_tz_load(hz[i].name);
			CHECK(r != NULL && qp_tz_offset(r, 0) == hz[i].off &&
			    qp_tz_offset(r, 1720000000) == hz[i].off);
			CHECK(qp_tz_posix_offset(hz[i].name, &east) == -1);
			qp_tz_free(r);
		}
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			CHECK(qp_tz_load(bad[i]) == NULL);
			CHECK(qp_tz_posix_offset(bad[i], &east) == -1);
		}
		/* The local day of 20:00Z is the next day in UTC+8. */
		r = qp_tz_load("UTC+8");
		CHECK(r != NULL);
		if (r != NULL) {
			qp_day_format(buf, qp_tz_day(r, iso("2024-01-01T20:00:00Z")));
			CHECK_STR(buf, "2024-01-02");
		}
		qp_tz_free(r);
		/* POSIX fixed offsets are recognised, for the stages to refuse. */
		CHECK(qp_tz_posix_offset("CST-8", &east) == 0 && east == 28800);
		CHECK(qp_tz_posix_offset("CST+8", &east) == 0 && east == -28800);
		CHECK(qp_tz_posix_offset("<+0530>-5:30", &east) == 0 &&
		    east == 19800);
		CHECK(qp_tz_posix_offset("EST5", &east) == 0 && east == -18000);
		CHECK(qp_tz_posix_offset("EST5EDT,M3.2.0,M11.1.0", &east) == -1);
		CHECK(qp_tz_posix_offset("GMT0", &east) == -1);
		CHECK(qp_tz_posix_offset("Asia/Shanghai", &east) == -1);
		CHECK(qp_tz_posix_offset("Etc/GMT-8", &east) == -1);
	}
	r = qp_tz_load(":UTC");
	CHECK(r != NULL && qp_tz_offset(r, 1700000000) == 0);
	qp_tz_free(r);
	CHECK(qp_tz_load("Mars/Olympus_Mons") == NULL);
	CHECK(qp_tz_load("../../etc/passwd") == NULL);
	r = qp_tz_load("");	/* UTC */
	CHECK(r != NULL && qp_tz_offset(r, 0) == 0);
	qp_tz_free(r);
	/* Days, weeks and months as the stages count them. */
	{
		long long dd;
		char mf[8];

		CHECK(qp_day_parse("2024-02-29", &dd) == 0 &&
		    dd == qp_days_from_civil(2024, 2, 29));
		CHECK(qp_day_parse("2023-02-29", &dd) == -1);
		CHECK(qp_day_parse("2024-2-29", &dd) == -1);
		CHECK(qp_day_parse("2024-02-29x", &dd) == -1);
		CHECK(qp_day_parse("1969-12-31", &dd) == 0 && dd == -1);
		CHECK(qp_day_parse("2100-02-29", &dd) == -1);
		CHECK(qp_day_parse("2000-02-29", &dd) == 0);
		CHECK(qp_day_parse("2024-00-10", &dd) == -1);
		CHECK(qp_day_parse("2024-13-10", &dd) == -1);
		CHECK(qp_day_parse("2024-04-31", &dd) == -1);
		CHECK(qp_day_parse("2024-04-00", &dd) == -1);
		CHECK(qp_day_parse("+024-04-01", &dd) == -1);
		CHECK(qp_day_parse(" 024-04-01", &dd) == -1);
		CHECK(qp_day_parse("2024/04/01", &dd) == -1);
		CHECK(qp_day_parse("2024-04-0", &dd) == -1);
		CHECK(qp_day_parse("", &dd) == -1);
		{	/* every day of 0000-9999 reads back as itself */
			char b[16];
			int bad = 0;

			for (dd = qp_days_from_civil(0, 1, 1);
			    dd <= qp_days_from_civil(9999, 12, 31); dd++) {
				long long back;

				qp_day_format(b, dd);
				bad += qp_day_parse(b, &back) != 0 || back != dd;
			}
			CHECK(bad == 0);
		}
		CHECK(qp_fdiv(-1, 7) == -1 && qp_fdiv(7, 7) == 1 && qp_fdiv(-7, 7) == -1);
		dd = qp_days_from_civil(2024, 3, 6);		/* a Wednesday */
		CHECK(qp_week_monday(qp_day_week(dd)) == dd - 2);
		CHECK(qp_day_week(qp_days_from_civil(1969, 12, 29)) == 0);
		CHECK(qp_day_week(qp_days_from_civil(1969, 12, 28)) == -1);
		CHECK(qp_day_month(dd) == 2024 * 12 + 2);
		qp_month_format(mf, qp_day_month(dd));
		CHECK_STR(mf, "2024-03");
		qp_month_format(mf, 1969 * 12 + 11);
		CHECK_STR(mf, "1969-12");
	}
	check_why();
	return TEST_DONE("test_time");
}
