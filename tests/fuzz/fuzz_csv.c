/* Fuzz the CSV reader on both paths; they must agree record by record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qp_csv.h"
#include "qp_io.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct qp_src *s1 = qp_src_open_mem(data, len, "a");
	struct qp_src *s2 = qp_src_open_mem(data, len, "b");
	struct qp_csv *c1 = qp_csv_new(s1), *c2 = qp_csv_new(s2);
	struct qp_sink *k = qp_sink_open_mem(-1);
	const struct qp_row *r1, *r2;
	size_t i;
	int a, b;

	qp_csv_set_slow(c2, 1);
	for (;;) {
		a = qp_csv_next(c1, &r1);
		b = qp_csv_next(c2, &r2);
		if (a != b)
			abort();
		if (a <= 0)
			break;
		if (r1->n != r2->n)
			abort();
		for (i = 0; i < r1->n; i++)
			if (r1->f[i].len != r2->f[i].len ||
			    memcmp(r1->f[i].s, r2->f[i].s, r1->f[i].len) != 0 ||
			    r1->f[i].s[r1->f[i].len] != '\0')
				abort();
		(void)qp_csv_write(k, r1->f, r1->n);
	}
	qp_sink_free(k);
	qp_csv_free(c1);
	qp_csv_free(c2);
	qp_src_close(s1);
	qp_src_close(s2);
	return 0;
}
