/* qp_hash: XXH64 reference values, so ids never change under us. */
#include "qp_hash.h"
#include "test.h"

int
main(void)
{
	const char *parts[] = { "whatsapp", "Family" };
	char hex[QP_HASH_HEX + 1];

	/* Reference values from the xxHash specification's test vectors. */
	CHECK(qp_hash("", 0) == 0xef46db3751d8e999ULL);
	CHECK(qp_hash("abc", 3) == 0x44bc2cf5ad770999ULL);
	qp_hash_hex(hex, 0x0123456789abcdefULL);
	CHECK_STR(hex, "0123456789abcdef");
	qp_hash_hex(hex, 0);
	CHECK_STR(hex, "0000000000000000");
	/* Parts are joined by 0x1f. */
	CHECK(qp_hash_parts(parts, 2) == qp_hash("whatsapp\x1f" "Family", 15));
	CHECK(qp_hash_parts(parts, 1) == qp_hash("whatsapp", 8));
	{
		struct qp_hasher *h = qp_hasher_new();

		qp_hasher_add(h, "ab", 2);
		qp_hasher_add(h, "c", 1);
		CHECK(qp_hasher_end(h) == 0x44bc2cf5ad770999ULL);
	}
	{
		struct qp_strmap *m = qp_strmap_new();
		char key[32];
		long i, bad = 0;

		CHECK(qp_strmap_find(m, "a", 1) == -1);
		CHECK(qp_strmap_add(m, "abc", 2) == 0);	/* "ab" */
		CHECK(qp_strmap_add(m, "ab", 2) == 0);
		CHECK(qp_strmap_add(m, "a", 1) == 1);
		CHECK(qp_strmap_add(m, "", 0) == 2);
		CHECK_STR(qp_strmap_str(m, 0), "ab");
		for (i = 0; i < 10000; i++) {	/* through several growths */
			snprintf(key, sizeof key, "user%ld", i);
			bad += qp_strmap_add(m, key, strlen(key)) != i + 3;
		}
		CHECK(bad == 0);
		CHECK(qp_strmap_find(m, "user77", 6) == 80);
		CHECK(qp_strmap_find(m, "user", 4) == -1);
		CHECK(qp_strmap_count(m) == 10003);
		CHECK_STR(qp_strmap_str(m, 10002), "user9999");
		CHECK(qp_strmap_eq(m, 80, "user77", 6));
		CHECK(!qp_strmap_eq(m, 80, "user7", 5));
		CHECK(!qp_strmap_eq(m, 80, "user778", 7));
		CHECK(qp_strmap_eq(m, 2, "", 0) && !qp_strmap_eq(m, 1, "", 0));
		CHECK(qp_strmap_eq(m, 10002, "user9999", 8));	/* the last */
		qp_strmap_free(m);
	}
	{
		struct qp_set64 set = { 0 };
		uint64_t k;
		int bad = 0;

		for (k = 1; k <= 5000; k++)	/* pairs and plain numbers */
			bad += qp_set64_add(&set, k << 32 | (k + 1)) != 1;
		for (k = 1; k <= 5000; k++)
			bad += qp_set64_add(&set, k << 32 | (k + 1)) != 0;
		CHECK(bad == 0 && set.n == 5000);
		qp_set64_clear(&set);
		CHECK(set.n == 0 && set.cap >= 10000 && qp_set64_add(&set, 7) == 1);
		/* a clear after a small set gives the big table back */
		qp_set64_clear(&set);
		CHECK(set.n == 0 && set.cap == 0 && qp_set64_add(&set, 7) == 1 &&
		    qp_set64_add(&set, 7) == 0 && set.n == 1 && set.cap == 64);
		qp_set64_free(&set);
		CHECK(set.k == NULL && set.n == 0);
	}
	return TEST_DONE("test_hash");
}
