/*
 * Fuzz the time parsers: ISO 8601, POSIX TZ rules, and TZif files (inputs
 * starting "TZif"); a parsed instant must format and parse back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qp_time.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char buf[QP_ISO_LEN + 1], s[256];
	struct qp_tz *z;
	long long t, t2;
	int off, off2;

	if (len >= 4 && memcmp(data, "TZif", 4) == 0) {
		if ((z = qp_tz_load_mem(data, len, "fuzz")) != NULL) {
			for (t = -4000000000LL; t < 5000000000LL; t += 86400 * 97)
				(void)qp_tz_resolve(z, t);
			qp_tz_free(z);
		}
		return 0;
	}
	if (qp_time_parse((const char *)data, len, &t, &off) == 0) {
		qp_time_format(buf, t, off);
		if (qp_time_parse(buf, strlen(buf), &t2, &off2) != 0 ||
		    t2 != t || off2 != off)
			abort();
	}
	(void)qp_time_parse_naive((const char *)data, len, &t);
	/* As a POSIX TZ rule (no '/' so no file is opened). */
	if (len < sizeof s && memchr(data, '/', len) == NULL &&
	    memchr(data, '\0', len) == NULL && memchr(data, '.', len) == NULL) {
		memcpy(s, data, len);
		s[len] = '\0';
		if (strpbrk(s, "0123456789") != NULL && (z = qp_tz_load(s)) != NULL) {
			(void)qp_tz_offset(z, 1700000000);
			(void)qp_tz_resolve(z, 1700000000);
			qp_tz_free(z);
		}
	}
	return 0;
}
