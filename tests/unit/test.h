/*
 * A tiny test harness: CHECK counts, TEST_DONE prints "N passed, N failed"
 * and returns the exit status.  One binary per library module.
 */
#ifndef QP_TEST_H
#define QP_TEST_H

#include <stdio.h>
#include <string.h>

static unsigned long test_pass, test_fail;

#define CHECK(cond) do { \
	if (cond) \
		test_pass++; \
	else { \
		test_fail++; \
		fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, \
		    __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (a_ != NULL && b_ != NULL && strcmp(a_, b_) == 0) \
		test_pass++; \
	else { \
		test_fail++; \
		fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, \
		    __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} \
} while (0)

#define TEST_DONE(name) ( \
	printf("%s: %lu passed, %lu failed\n", (name), test_pass, test_fail), \
	test_fail ? 1 : 0)

/* A deterministic generator for property tests (xorshift64*). */
static unsigned long long test_rng = 0x9e3779b97f4a7c15ULL;

static inline unsigned long long
test_rand(void)
{
	test_rng ^= test_rng >> 12;
	test_rng ^= test_rng << 25;
	test_rng ^= test_rng >> 27;
	return test_rng * 2685821657736338717ULL;
}

static inline unsigned
test_below(unsigned n)
{
	return (unsigned)(test_rand() % n);
}

#endif
