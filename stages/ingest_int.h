/*
 * ingest_int.h: the ingest context, for qp-ingest.c and ingest.c only;
 * parsers see it through the functions of ingest.h.
 */
#ifndef QP_INGEST_INT_H
#define QP_INGEST_INT_H

#include "ingest.h"

struct ing_stats {
	unsigned long long	 kinds[ING_NKINDS];
	unsigned long long	 bad, replaced, attachments, unknown;
};

struct ing {
	struct qp_out		*out;
	const struct qp_tz	*tz;
	const char		*platform;
	const struct ing_format	*format;	/* --format, or NULL */
	int			 strict, quiet, no_text, all_chats;
	unsigned long long	 max_member;
	char			 src[13];
	const char		*curname;	/* the input being parsed */
	unsigned long long	*seen;		/* content hashes read */
	size_t			 nseen;
	struct ing_stats	 cur, total;
};

void	ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz);
/* Write the events table header. */
int	ing_start(struct ing *g);
/* Read one command-line input: file, folder, archive or "-". */
int	ing_input(struct ing *g, const char *path);
int	ing_input_depth(struct ing *g, const char *path, int depth);
void	ing_free(struct ing *g);

#endif
