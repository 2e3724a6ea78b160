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
	struct ing_roles	*roles;		/* roles.c: roles seen, names */
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

/* --pseudonymize KEYFILE: 0, or -1 with a message printed. */
int	ing_key_load(struct ing *g, const char *path);
/* --events FILE, after the chats. */
int	ing_events_file(struct ing *g, const char *path);

/*
 * Roles (roles.c): ing_roles_start() before the inputs (with_names: learn
 * who has each name, for --staff); ing_role() for each event's user;
 * ing_staff_file() after the inputs; ing_write_roles() writes the roles
 * table when any role was seen or --staff was given.  0, or -1.
 */
int	ing_roles_start(struct ing *g, int with_names);
int	ing_role(struct ing *g, const char *gid, const char *uid,
	    const char *name, const char *group, const char *role);
int	ing_staff_file(struct ing *g, const char *path);
int	ing_write_roles(struct ing *g);
void	ing_roles_free(struct ing *g);
/* A user id as the events carry it: pseudonymized under --pseudonymize. */
const char *ing_user_id(const struct ing *g, char *buf, size_t cap,
	    const char *id);
/* Decode a side file (UTF-8, UTF-16, GB18030) and call fn with it. */
int	ing_side_file(struct ing *g, const char *path,
	    int (*fn)(struct ing *, struct ing_text *));

#endif
