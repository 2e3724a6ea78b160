/*
 * rowuser.h: one lookup of an events row's user_id for all of qp-cohort's
 * modules.  Each module numbers users in its own order (its tables sort
 * by those numbers here and there), and each used to look the id up in
 * its own map of strings, four lookups of the same id a row.  Now the id
 * is looked up once (ru_id(), remembered for the next module asking for
 * the same id), and a module turns that number into its own through an
 * array (struct ru_map), adding the id to its map only the first time.
 */
#ifndef QP_ROWUSER_H
#define QP_ROWUSER_H

#include <stddef.h>
#include <stdint.h>

/* A module's numbers by ru_id(), forgotten all at once by ru_forget(). */
struct ru_map {
	uint64_t	*v;		/* gen << 32 | number + 1 */
	size_t		 n;
	uint32_t	 gen;
};

struct qp_strmap;

/* The number of user id s (len bytes, len > 0). */
uint32_t	 ru_id(const char *s, size_t len);
/*
 * The module's number for user id s: its index in the module's names,
 * where it is added the first time (out of memory: exit).
 */
uint32_t	 ru_number(struct ru_map *m, struct qp_strmap *names,
		    const char *s, size_t len);
/* Forget every number (a module whose numbers are per group). */
void		 ru_forget(struct ru_map *m);
void		 ru_map_free(struct ru_map *m);
void		 ru_free(void);

#endif
