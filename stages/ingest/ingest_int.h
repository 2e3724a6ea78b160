/*
 * ingest_int.h: the ingest context, for qp-ingest.c and walk.c only;
 * parsers see it through the functions of ingest.h.
 */
#ifndef QP_INGEST_INT_H
#define QP_INGEST_INT_H

#include <stdint.h>

#include "ingest.h"
#include "qp_csv.h"

#define ING_NCOLS	14	/* events columns a parser fills (all but src) */

struct ing_stats {
	unsigned long long	 kinds[ING_NKINDS];
	unsigned long long	 bad, replaced, attachments, unknown;
};

/* One input read: a row of the sources table. */
struct ing_source {
	char			 src[13];
	char			*input, *format;
	struct ing_stats	 st;
};

struct ing {
	struct qp_out		*out;
	const struct qp_tz	*tz;
	const char		*platform;
	const struct ing_format	*format;	/* --format, or NULL */
	int			 strict, quiet, no_text, all_chats;
	int			 failed;	/* an unreadable line under --strict */
	unsigned long long	 max_member;
	char			 src[13];
	const char		*curname;	/* the input being parsed */
	struct ing_text		*curx;		/* its text, when it has one */
	/*
	 * Rows whose times are years away from the row written before them,
	 * held until the next shows whether they are stray dates (walk.c).
	 */
	struct ing_held {
		long long		 t;
		enum ing_kind		 kind;
		unsigned long long	 line;
		struct qp_field		 f[ING_NCOLS + 1];
		uint64_t		 plain;
		char			*buf;
		size_t			 cap;
	}			 held[2];
	int			 nheld;
	long long		 prev_t;	/* the last row written of this group */
	int			 have_prev;
	struct ing_buf		 prev_gid;	/* that group */
	unsigned long long	*seen;		/* content hashes read */
	size_t			 nseen;
	struct ing_stats	 cur, total;
	char			*map[ING_NCOLS];	/* --map: CSV column per events column */
	char			*emap[ING_NCOLS];	/* --events-map, the same for --events */
	struct ing_names	*everyone;	/* name -> "platform\x1fid", for --events */
	char			 last_user[256];	/* cache for everyone */
	char			 platform_buf[64];
	char			 hgroup[512], hgplat[32];	/* last hashed group */
	char			 hgid[17];
	/* Hashed user ids of recent names (platform, name), direct-mapped. */
	struct ing_uid {
		char		 plat[16];	/* "" marks an empty slot */
		char		 name[48];
		char		 id[17];
	}			 uids[256];
	char			 tbuf[26];	/* last ts text, its day, offset */
	long long		 tday;
	int			 toff;
	struct ing_source	*sources;	/* inputs read, in order */
	size_t			 nsources;
	unsigned char		 key[64];	/* --pseudonymize */
	size_t			 keylen;
};

void	ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz);
/* Write the events table header. */
int	ing_start(struct ing *g);
/* Read one command-line input: file, folder, archive or "-". */
int	ing_input(struct ing *g, const char *path);
int	ing_input_depth(struct ing *g, const char *path, int depth);
void	ing_free(struct ing *g);
/* --map or --events-map SPEC into map; 0, or -1 when malformed or without ts and user. */
int	ing_map_parse(char **map, const char *spec);
/*
 * Write the sources table (src, input, format, counts): which export each
 * src id stands for.  Returns 0 or -1.
 */
int	ing_write_sources(struct ing *g);
/*
 * The end of an input: write or drop the row held back, forget its times.
 * Returns 0, or -1 under --strict when it was a stray date.
 */
int	ing_input_end(struct ing *g);
/* Record the input just read (its counts are g->cur). */
void	ing_add_source(struct ing *g, const char *input, const char *format);

/* Slack export zips (slack.c). */
int	ing_slack_detect(int fd, char *prefix, size_t cap);
int	ing_slack_archive(struct ing *g, int fd, const char *name,
	    const char *prefix);
/* Unzipped Slack export folders. */
int	ing_slack_is_dir(const char *dir);
int	ing_slack_dir(struct ing *g, const char *dir);
/* An unlinked temporary file, or -1. */
int	ing_spool(void);

/* --pseudonymize KEYFILE: 0, or -1 with a message printed. */
int	ing_key_load(struct ing *g, const char *path);
/*
 * A file named by an option ("-": standard input), decoded to UTF-8 as
 * chat inputs are (UTF-16, GB18030); NULL with a message printed.  Close
 * with ing_text_close().
 */
struct ing_text *ing_text_open(const char *path);
void	ing_text_close(struct ing_text *x);
/* --events FILE, after the chats. */
int	ing_events_file(struct ing *g, const char *path);

#endif
