/*
 * Stable ids: XXH64 with seed 0, whose output the xxHash specification
 * fixes for every platform, so ids made on one machine match another's.
 */
#include <stdlib.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "qp_hash.h"

uint64_t
qp_hash(const void *p, size_t len)
{
	return XXH64(p, len, 0);
}

uint64_t
qp_hash_parts(const char *const *parts, size_t n)
{
	size_t lens[8], i;

	if (n > 8)
		return qp_hash_partsn(parts, NULL, n);
	for (i = 0; i < n; i++)
		lens[i] = strlen(parts[i]);
	return qp_hash_partsn(parts, lens, n);
}

uint64_t
qp_hash_partsn(const char *const *parts, const size_t *lens, size_t n)
{
	XXH64_state_t st;
	char buf[512];
	size_t i, len = 0, l;

	/* Short keys (the common case) in one call; long ones in pieces. */
	for (i = 0; i < n; i++) {
		l = lens ? lens[i] : strlen(parts[i]);
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
		XXH64_update(&st, parts[i], lens ? lens[i] : strlen(parts[i]));
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
#ifdef __SSE2__
	/* The bytes first to last, each split into two nibbles, as digits. */
	__m128i v = _mm_cvtsi64_si128((long long)__builtin_bswap64(h));
	__m128i lo = _mm_and_si128(v, _mm_set1_epi8(0x0f));
	__m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0f));
	__m128i x = _mm_unpacklo_epi8(hi, lo);
	__m128i letter = _mm_cmpgt_epi8(x, _mm_set1_epi8(9));

	x = _mm_add_epi8(x, _mm_add_epi8(_mm_set1_epi8('0'),
	    _mm_and_si128(letter, _mm_set1_epi8('a' - '0' - 10))));
	_mm_storeu_si128((__m128i *)(void *)buf, x);
#else
	static const char hex[] = "0123456789abcdef";
	int i;

	/* A byte, two digits, at a time, from the last. */
	for (i = 14; i >= 0; i -= 2) {
		buf[i] = hex[h >> 4 & 0xf];
		buf[i + 1] = hex[h & 0xf];
		h >>= 8;
	}
#endif
	buf[16] = '\0';
}

/*
 * Open addressing over string numbers; the strings live in one arena.
 * A slot holds the number + 1 (0 = empty) in its low half and the top of
 * the string's hash in its high half, so that a probe past other strings
 * reads the slot alone, not their hashes and bytes: with 60k users the
 * arrays outgrow the cache, and each of those reads was a miss.
 */
#define SLOT(h, v)	((h) >> 32 << 32 | (v))
#define SLOT_V(x)	((uint32_t)(x))

struct qp_strmap {
	uint64_t	*slot;
	size_t		 nslot;
	size_t		*off;		/* string i starts at arena + off[i] */
	uint64_t	*hash;
	size_t		 n, cap;
	char		*arena;
	size_t		 alen, acap;
};

struct qp_strmap *
qp_strmap_new(void)
{
	return calloc(1, sizeof(struct qp_strmap));
}

/* The length of string i. */
static size_t
strmap_len(const struct qp_strmap *m, size_t i)
{
	return (i + 1 < m->n ? m->off[i + 1] : m->alen) - m->off[i] - 1;
}

static size_t
strmap_probe(const struct qp_strmap *m, uint64_t h, const char *s, size_t len)
{
	size_t i = (size_t)h & (m->nslot - 1);
	uint64_t x, tag = SLOT(h, 0);

	while ((x = m->slot[i]) != 0) {
		if ((x ^ tag) >> 32 == 0 && qp_strmap_eq(m, SLOT_V(x) - 1, s,
		    len))
			break;
		i = (i + 1) & (m->nslot - 1);
	}
	return i;
}

long
qp_strmap_find(const struct qp_strmap *m, const char *s, size_t len)
{
	size_t i;

	if (m->nslot == 0)
		return -1;
	i = strmap_probe(m, qp_hash(s, len), s, len);
	return (long)SLOT_V(m->slot[i]) - 1;
}

long
qp_strmap_add(struct qp_strmap *m, const char *s, size_t len)
{
	uint64_t h = qp_hash(s, len);
	size_t i, j;

	if ((m->n + 1) * 2 > m->nslot) {
		size_t ns = m->nslot ? m->nslot * 2 : 256;
		uint64_t *n = calloc(ns, sizeof *n);

		if (n == NULL || m->n >= UINT32_MAX - 1) {
			free(n);
			return -1;
		}
		for (j = 0; j < m->n; j++) {
			i = (size_t)m->hash[j] & (ns - 1);
			while (n[i] != 0)
				i = (i + 1) & (ns - 1);
			n[i] = SLOT(m->hash[j], (uint64_t)j + 1);
		}
		free(m->slot);
		m->slot = n;
		m->nslot = ns;
	}
	i = strmap_probe(m, h, s, len);
	if (m->slot[i] != 0)
		return (long)SLOT_V(m->slot[i]) - 1;
	if (m->n == m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 256;
		size_t *o = realloc(m->off, nc * sizeof *o);
		uint64_t *hh;

		if (o == NULL)
			return -1;
		m->off = o;
		if ((hh = realloc(m->hash, nc * sizeof *hh)) == NULL)
			return -1;
		m->hash = hh;
		m->cap = nc;
	}
	if (m->alen + len + 1 > m->acap) {
		size_t na = m->acap ? m->acap : 4096;
		char *a;

		while (na < m->alen + len + 1)
			na *= 2;
		if ((a = realloc(m->arena, na)) == NULL)
			return -1;
		m->arena = a;
		m->acap = na;
	}
	memcpy(m->arena + m->alen, s, len);
	m->arena[m->alen + len] = '\0';
	m->off[m->n] = m->alen;
	m->hash[m->n] = h;
	m->alen += len + 1;
	m->slot[i] = SLOT(h, (uint64_t)++m->n);
	return (long)m->n - 1;
}

int
qp_strmap_eq(const struct qp_strmap *m, size_t i, const char *s, size_t len)
{
	return strmap_len(m, i) == len && memcmp(m->arena + m->off[i], s,
	    len) == 0;
}

const char *
qp_strmap_str(const struct qp_strmap *m, size_t i)
{
	return m->arena + m->off[i];
}

size_t
qp_strmap_count(const struct qp_strmap *m)
{
	return m->n;
}

void
qp_strmap_free(struct qp_strmap *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m->off);
	free(m->hash);
	free(m->arena);
	free(m);
}

/* Fibonacci hashing spreads structured keys (pairs of numbers) too. */
static size_t
set64_slot(uint64_t k, size_t cap)
{
	return (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
}

int
qp_set64_add(struct qp_set64 *s, uint64_t k)
{
	size_t i, j;

	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		uint64_t *n = calloc(cap, sizeof *n);

		if (n == NULL)
			return -1;
		for (j = 0; j < s->cap; j++)
			if (s->k[j] != 0) {
				i = set64_slot(s->k[j], cap);
				while (n[i] != 0)
					i = (i + 1) & (cap - 1);
				n[i] = s->k[j];
			}
		free(s->k);
		s->k = n;
		s->cap = cap;
	}
	i = set64_slot(k, s->cap);
	while (s->k[i] != 0) {
		if (s->k[i] == k)
			return 0;
		i = (i + 1) & (s->cap - 1);
	}
	s->k[i] = k;
	s->n++;
	return 1;
}

void
qp_set64_clear(struct qp_set64 *s)
{
	/* Slots far beyond what the set held go back, so that a clear costs
	 * about what was added since the last, not the largest set ever. */
	if (s->cap > 64 && s->n * 8 <= s->cap) {
		free(s->k);
		s->k = NULL;
		s->cap = 0;
	} else if (s->k != NULL)
		memset(s->k, 0, s->cap * sizeof *s->k);
	s->n = 0;
}

void
qp_set64_free(struct qp_set64 *s)
{
	free(s->k);
	memset(s, 0, sizeof *s);
}
