/*
 * Fuzz qp-funnel's step parser: any spec is parsed or refused with a
 * message, never a crash; a parsed step frees cleanly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "funnel_steps.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct step st;
	char *spec, err[512];
	int rc;

	if ((spec = malloc(len + 1)) == NULL)
		return 0;
	memcpy(spec, data, len);
	spec[len] = '\0';	/* a spec is a C string: stop at a NUL */
	err[0] = '\0';
	rc = step_parse(&st, spec, err, sizeof err);
	if (rc == 0)
		step_free(&st);
	else if (rc == -1 && (err[0] == '\0' || memchr(err, '\0', sizeof err) == NULL))
		abort();	/* a refusal always says why */
	free(spec);
	return 0;
}
