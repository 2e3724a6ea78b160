/* qp_events: kind ranks and msg_id order (METRICS.md R5). */
#include "qp_events.h"
#include "test.h"

static int
cmp(const char *a, const char *b)
{
	return qp_msgid_cmp(a, strlen(a), b, strlen(b));
}

int
main(void)
{
	CHECK(qp_kind_rank("join") == 0);
	CHECK(qp_kind_rank("message") == 1 && qp_kind_rank("rename") == 1);
	CHECK(qp_kind_rank("system") == 1 && qp_kind_rank("custom") == 1);
	CHECK(qp_kind_rank("leave") == 2 && qp_kind_rank("remove") == 2);
	CHECK(cmp("9", "10") < 0);		/* numbers, not bytes */
	CHECK(cmp("10", "9") > 0);
	CHECK(cmp("007", "7") == 0);
	CHECK(cmp("12345678901234567890", "2") > 0);	/* any length */
	CHECK(cmp("abc", "abd") < 0);
	CHECK(cmp("ab", "abc") < 0);
	CHECK(cmp("10.2", "10.10") > 0);		/* not integers: bytes */
	CHECK(cmp("", "1") < 0);
	{
		unsigned char m = 0, m2 = 0;

		CHECK(qp_membership(&m, "message") == QP_M_INFER);
		CHECK(qp_membership(&m, "join") == QP_M_NONE);	/* a member */
		CHECK(qp_membership(&m, "system") == QP_M_NONE);
		CHECK(qp_membership(&m, "leave") == QP_M_CLOSE);
		CHECK(qp_membership(&m, "remove") == QP_M_NONE);	/* not a member */
		CHECK(qp_membership(&m, "join") == QP_M_JOIN);
		CHECK(qp_membership(&m, "rename") == QP_M_NONE);
		CHECK(qp_membership(&m2, "custom") == QP_M_NONE);
		CHECK(qp_membership(&m2, "remove") == QP_M_NONE);	/* seen before */
		m2 = 0;
		CHECK(qp_membership(&m2, "leave") == QP_M_POINT);
		CHECK(qp_membership(&m2, "rename") == QP_M_INFER);
	}
	{
		struct qp_order o = { 0 };

		CHECK(qp_order_check(&o, "g1", 2, 100, 1, "5", 1) == 1);
		CHECK(qp_order_check(&o, "g1", 2, 100, 1, "10", 2) == 0);
		CHECK(qp_order_check(&o, "g1", 2, 100, 1, "10", 2) == 0);
		CHECK(qp_order_check(&o, "g1", 2, 100, 0, "1", 1) == -1);
		CHECK(qp_order_check(&o, "g1", 2, 100, 2, "1", 1) == 0);
		CHECK(qp_order_check(&o, "g1", 2, 99, 2, "9", 1) == -1);
		CHECK(qp_order_check(&o, "g2", 2, 5, 0, "", 0) == 1);
		CHECK(qp_order_check(&o, "g", 1, 500, 0, "", 0) == -1);
		CHECK(qp_order_check(&o, "g20", 3, 1, 0, "", 0) == 1);
		qp_order_free(&o);
	}
	return TEST_DONE("test_events");
}
