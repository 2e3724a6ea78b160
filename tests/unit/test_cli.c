/* qp_cli: the parsers of option values. */
#include "qp_cli.h"
#include "test.h"

int
main(void)
{
	long long d;
	unsigned long long z;

	CHECK(qp_parse_duration("90s", &d) == 0 && d == 90);
	CHECK(qp_parse_duration("30m", &d) == 0 && d == 1800);
	CHECK(qp_parse_duration("72h", &d) == 0 && d == 259200);
	CHECK(qp_parse_duration("366d", &d) == 0 && d == 366LL * 86400);
	CHECK(qp_parse_duration("367d", &d) == -1);
	CHECK(qp_parse_duration("0s", &d) == -1);
	CHECK(qp_parse_duration("-5m", &d) == -1);
	CHECK(qp_parse_duration(" 5m", &d) == -1);
	CHECK(qp_parse_duration("5", &d) == -1);	/* a unit is needed */
	CHECK(qp_parse_duration("5x", &d) == -1);
	CHECK(qp_parse_duration("5mm", &d) == -1);
	CHECK(qp_parse_duration("99999999999999999999d", &d) == -1);
	CHECK(qp_parse_size("16M", &z) == 0 && z == 16ULL << 20);
	CHECK(qp_parse_size("1k", &z) == 0 && z == 1024);
	CHECK(qp_parse_size("0", &z) == -1);
	CHECK(qp_parse_size("M", &z) == -1);
	CHECK(qp_parse_size("99999999999G", &z) == -1);
	return TEST_DONE("test_cli");
}
