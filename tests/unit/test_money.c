/* qp_money: amounts read and written exactly, in hundredths. */
#include "qp_money.h"
#include "test.h"

static long long
amt(const char *s, const char *want_cur)
{
	long long c;
	char cur[QP_CUR_LEN];

	if (qp_money_parse(s, strlen(s), &c, cur) == -1)
		return -1;
	if (strcmp(cur, want_cur) != 0)
		return -2;
	return c;
}

int
main(void)
{
	char b[QP_MONEY_LEN], cur[QP_CUR_LEN];
	const char *p;
	size_t pl;
	long long c;

	CHECK(amt("199", "") == 19900);
	CHECK(amt("199.5", "") == 19950);
	CHECK(amt("0.01", "") == 1);
	CHECK(amt("1,299.00", "") == 129900);
	CHECK(amt("\xc2\xa5" "199", "CNY") == 19900);		/* ¥ */
	CHECK(amt("\xef\xbf\xa5" "199.00", "CNY") == 19900);	/* ￥ */
	CHECK(amt("199\xe5\x85\x83", "CNY") == 19900);		/* 元 */
	CHECK(amt("$5", "USD") == 500);
	CHECK(amt("CNY 99", "CNY") == 9900);
	CHECK(amt(" 99 RMB ", "CNY") == 9900);
	CHECK(amt("12 EUR", "EUR") == 1200);
	CHECK(amt("1.005", "") == -1);		/* a third decimal: refused */
	CHECK(amt("-5", "") == -1);		/* refunds are not read */
	CHECK(amt("", "") == -1);
	CHECK(amt("abc", "") == -1);
	CHECK(amt("$5 EUR", "") == -1);		/* two currencies */
	CHECK(amt("99999999999999999999", "") == -1);	/* overflow */
	CHECK(strcmp(qp_money_format(b, 129950), "1299.50") == 0);
	CHECK(strcmp(qp_money_format(b, 5), "0.05") == 0);
	CHECK(strcmp(qp_money_div(b, 100, 3), "0.33") == 0);
	CHECK(strcmp(qp_money_div(b, 200, 3), "0.67") == 0);
	CHECK(strcmp(qp_money_div(b, 1, 2), "0.01") == 0);	/* half up */
	CHECK(strcmp(qp_money_div(b, 5, 0), "") == 0);
	CHECK(qp_payment_parse("199.00 CNY 21天营", 20, &c, cur, &p, &pl) == 0);
	CHECK(c == 19900 && strcmp(cur, "CNY") == 0 && pl == 9 &&
	    memcmp(p, "21天营", 9) == 0);
	CHECK(qp_payment_parse("5.00  book", 10, &c, cur, &p, &pl) == 0);
	CHECK(c == 500 && cur[0] == '\0' && pl == 4);
	CHECK(qp_payment_parse("5.00", 4, &c, cur, &p, &pl) == 0 && pl == 0);
	CHECK(qp_payment_parse("", 0, &c, cur, &p, &pl) == -1);
	return TEST_DONE("test_money");
}
