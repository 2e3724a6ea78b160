/*
 * Stable ids: XXH64 with seed 0, whose output the xxHash specification
 * fixes for every platform, so ids made on one machine match another's.
 */
#include <string.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "qp_hash.h"

uint64_t
qp_hash(const void *p, size_t len)
{
	return XXH64(p, len, 0);
}

uint64_t
qp_hash_parts(const char *const *parts, size_t n)
{
	XXH64_state_t st;
	char buf[512];
	size_t i, len = 0, l;

	/* Short keys (the common case) in one call; long ones in pieces. */
	for (i = 0; i < n; i++) {
		l = strlen(parts[i]);
		if (len + l + 1 > sizeof buf)
			break;
		if (i > 0)
			buf[len++] = '\x1f';
		memcpy(buf + len, parts[i], l);
		len += l;
	}
	if (i == n)
		return XXH64(buf, len, 0);
	XXH64_reset(&st, 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			XXH64_update(&st, "\x1f", 1);
		XXH64_update(&st, parts[i], strlen(parts[i]));
	}
	return XXH64_digest(&st);
}

struct qp_hasher *
qp_hasher_new(void)
{
	XXH64_state_t *st = XXH64_createState();

	if (st != NULL)
		XXH64_reset(st, 0);
	return (struct qp_hasher *)st;
}

void
qp_hasher_add(struct qp_hasher *h, const void *p, size_t len)
{
	XXH64_update((XXH64_state_t *)h, p, len);
}

uint64_t
qp_hasher_end(struct qp_hasher *h)
{
	uint64_t v = XXH64_digest((XXH64_state_t *)h);

	XXH64_freeState((XXH64_state_t *)h);
	return v;
}

void
qp_hash_hex(char *buf, uint64_t h)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		buf[i] = hex[h & 0xf];
		h >>= 4;
	}
	buf[16] = '\0';
}
