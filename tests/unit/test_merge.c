/* qp_merge: the loser tree against a sort of the same items. */
#include <stdlib.h>

#include "qp_merge.h"
#include "test.h"

struct src {
	int	*v;
	size_t	 n, i;
};

/* Done sources after all others; ties by any order. */
static int
before(void *ctx, size_t a, size_t b)
{
	const struct src *s = ctx;

	if (s[a].i == s[a].n || s[b].i == s[b].n)
		return s[b].i == s[b].n && s[a].i < s[a].n;
	return s[a].v[s[a].i] < s[b].v[s[b].i];
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

int
main(void)
{
	size_t k, i, j, total, got;
	int round;

	for (round = 0; round < 300; round++) {
		struct src s[41];
		struct qp_tourney t;
		int *all, *out, ok = 1;

		k = 1 + test_rand() % 40;
		total = 0;
		for (i = 0; i < k; i++) {
			s[i].n = test_rand() % 4 == 0 ? 0 : test_rand() % 50;
			s[i].i = 0;
			s[i].v = malloc((s[i].n + 1) * sizeof *s[i].v);
			for (j = 0; j < s[i].n; j++)	/* small values: ties */
				s[i].v[j] = (int)(test_rand() % 30);
			qsort(s[i].v, s[i].n, sizeof *s[i].v, int_cmp);
			total += s[i].n;
		}
		all = malloc((total + 1) * sizeof *all);
		out = malloc((total + 1) * sizeof *out);
		for (i = total = 0; i < k; i++)
			for (j = 0; j < s[i].n; j++)
				all[total++] = s[i].v[j];
		qsort(all, total, sizeof *all, int_cmp);
		CHECK(qp_tourney_init(&t, k, before, s) == 0);
		got = 0;
		for (i = qp_tourney_top(&t); s[i].i < s[i].n;
		    i = qp_tourney_next(&t)) {
			if (got == total) {
				ok = 0;
				break;
			}
			out[got++] = s[i].v[s[i].i++];
		}
		CHECK(ok && got == total);
		for (j = 0; j < got && j < total; j++)
			if (out[j] != all[j])
				ok = 0;
		CHECK(ok);
		qp_tourney_free(&t);
		for (i = 0; i < k; i++)
			free(s[i].v);
		free(all);
		free(out);
	}
	return TEST_DONE("test_merge");
}
