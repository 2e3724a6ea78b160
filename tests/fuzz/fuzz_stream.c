/* Fuzz the stream reader (gzip or plain, CSV, #qp grammar) and writer. */
#include <stdint.h>

#include "qp_io.h"
#include "qp_stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct qp_in *in;
	struct qp_out *o;
	const struct qp_table *t;
	const struct qp_row *r;
	const char *err;
	int rc;

	if ((in = qp_in_open_mem(data, len, &err)) == NULL)
		return 0;
	o = qp_out_new(qp_sink_open_mem(0), in, "fuzz", "0", 0, NULL);
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		t = qp_in_table(in);
		if (rc == QP_TABLE) {
			(void)qp_in_col(in, "ts");
			qp_out_table(o, t->name, t->version, r->f, r->n);
		} else
			qp_out_row(o, r->f, r->n);
	}
	if (rc == QP_END)
		(void)qp_out_finish(o);
	qp_out_free(o);
	qp_in_close(in);
	return 0;
}
