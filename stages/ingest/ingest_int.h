/*
 * ingest_int.h: the ingest context, for qp-ingest.c and walk.c only;
 * parsers see it through the functions of ingest.h.
 */
#ifndef QP_INGEST_INT_H
#define QP_INGEST_INT_H

#include "ingest.h"

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
	unsigned long long	 max_member;
	char			 src[13];
	const char		*curname;	/* the input being parsed */
	unsigned long long	*seen;		/* content hashes read */
	size_t			 nseen;
	struct ing_stats	 cur, total;
	char			*map[ING_NCOLS];	/* --map: CSV column per events column */
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
	/* Group labels (群 N) of --pseudonymize, kept in KEY.groups. */
	char			*labpath;
	char			**labkey, **labrow;	/* platform\x1fid; CSV */
	size_t			 nlab, labcap, lablast;
	int			 labnew;
};

void	ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz);
/* Write the events table header. */
int	ing_start(struct ing *g);
/* Read one command-line input: file, folder, archive or "-". */
int	ing_input(struct ing *g, const char *path);
int	ing_input_depth(struct ing *g, const char *path, int depth);
void	ing_free(struct ing *g);
/* --map SPEC; 0, or -1 when malformed or without ts and user. */
int	ing_map_parse(struct ing *g, const char *spec);
/*
 * Write the sources table (src, input, format, counts): which export each
 * src id stands for.  Returns 0 or -1.
 */
int	ing_write_sources(struct ing *g);
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

/*
 * --pseudonymize KEYFILE: load the key (refused when shorter than 16 bytes
 * or holding less than 128 bits by its byte frequencies: all zeros, a
 * repeated pattern) and the group labels of KEYFILE.groups.  0, or -1
 * with a message printed.
 */
int	ing_key_load(struct ing *g, const char *path);
/* Write KEYFILE.groups when new groups got labels: 0, or -1 (printed). */
int	ing_key_save(struct ing *g);
void	ing_key_free(struct ing *g);
/* A keyed hash of parts joined by 0x1f: prefix and 16 hex digits in buf. */
const char *ing_pseudonym(const struct ing *g, char *buf, size_t cap,
	    const char *prefix, const char *const *parts, size_t n);
/* The label (群 N) of group id gid of the current platform, in buf. */
const char *ing_group_label(struct ing *g, char *buf, size_t cap,
	    const char *gid, const char *name);
/*
 * The arguments to record in #qp,stage under --pseudonymize: inputs and
 * file names replaced by keyed pseudonyms (in new strings, which the
 * caller frees with ing_args_free()).
 */
char	**ing_args_pseudonymize(struct ing *g, char **args, int n);
void	ing_args_free(char **args, int n);
/* --events FILE, after the chats. */
int	ing_events_file(struct ing *g, const char *path);

#endif
