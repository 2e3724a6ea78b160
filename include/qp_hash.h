/*
 * qp_hash: stable 64-bit ids.
 *
 * XXH64 (seed 0) from libxxhash: its value is defined byte for byte, the
 * same on every machine and build.  Composite keys hash their parts joined
 * by the unit separator 0x1f, which no id or name of ours contains.
 */
#ifndef QP_HASH_H
#define QP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define QP_HASH_HEX	16	/* hex digits of an id */

uint64_t	 qp_hash(const void *p, size_t len);

/* Hash n NUL-terminated parts joined by 0x1f. */
uint64_t	 qp_hash_parts(const char *const *parts, size_t n);
/* The same with the parts' lengths known (lens NULL: strlen). */
uint64_t	 qp_hash_partsn(const char *const *parts, const size_t *lens,
		    size_t n);

/*
 * Hash a long input in pieces: qp_hasher_new() (NULL on ENOMEM), any
 * number of qp_hasher_add(), then qp_hasher_end(), which frees it.  The
 * value equals qp_hash() of the concatenated pieces.
 */
struct qp_hasher;
struct qp_hasher *qp_hasher_new(void);
void		 qp_hasher_add(struct qp_hasher *h, const void *p, size_t len);
uint64_t	 qp_hasher_end(struct qp_hasher *h);

/* Write h as 16 lowercase hex digits and a NUL into buf. */
void		 qp_hash_hex(char *buf, uint64_t h);

/*
 * A set of strings numbered 0, 1, 2 ... in the order they were first
 * added: ids to small integers, for stages that keep per-user state.
 */
struct qp_strmap;

struct qp_strmap *qp_strmap_new(void);
/* The number of s (len bytes, no NUL needed); a new one if unseen; -1 on ENOMEM. */
long		 qp_strmap_add(struct qp_strmap *m, const char *s, size_t len);
/* The number of s, or -1 when it was never added. */
long		 qp_strmap_find(const struct qp_strmap *m, const char *s, size_t len);
/* Whether string i is s (len bytes): cheaper than a lookup of s. */
int		 qp_strmap_eq(const struct qp_strmap *m, size_t i, const char *s,
		    size_t len);
const char	*qp_strmap_str(const struct qp_strmap *m, size_t i);
size_t		 qp_strmap_count(const struct qp_strmap *m);
void		 qp_strmap_free(struct qp_strmap *m);

/* A set of nonzero 64-bit keys (zero the struct to start). */
struct qp_set64 {
	uint64_t	*k;		/* 0 marks a free slot */
	size_t		 cap, n;
};

/* Add k (not 0).  Returns 1 when new, 0 when present, -1 on ENOMEM. */
int		 qp_set64_add(struct qp_set64 *s, uint64_t k);
/* Empty it, keeping its memory; free its memory. */
void		 qp_set64_clear(struct qp_set64 *s);
void		 qp_set64_free(struct qp_set64 *s);

#endif
