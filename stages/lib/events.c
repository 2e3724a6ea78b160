/*
 * The events table's sort order (METRICS.md R5).
 */
#include <string.h>

#include "qp_events.h"

int
qp_kind_rank(const char *kind)
{
	if (strcmp(kind, "join") == 0)
		return 0;
	if (strcmp(kind, "leave") == 0 || strcmp(kind, "remove") == 0)
		return 2;
	return 1;
}

static int
is_uint(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
qp_msgid_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c;

	if (is_uint(a, alen) && is_uint(b, blen)) {
		/* Skip leading zeros; then the longer number is larger. */
		while (alen > 1 && *a == '0') {
			a++;
			alen--;
		}
		while (blen > 1 && *b == '0') {
			b++;
			blen--;
		}
		if (alen != blen)
			return alen < blen ? -1 : 1;
		return memcmp(a, b, alen);
	}
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}
