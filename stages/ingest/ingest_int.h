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
#define ING_NROW	16	/* and src, mentions */
#define ING_NECOLS	(ING_NCOLS + 2)	/* and an events file's currency, product */

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

/* What one command-line input held, to say so when it held no chat. */
struct ing_found {
	unsigned long long	 chats, dups, media, unknown, blank, empty, bad,
				 other, broken, refused;
	const char		*empty_format;	/* of the last empty one */
	int			 named_unknown;	/* the input itself is no chat */
};

struct ing {
	struct qp_out		*out;
	const struct qp_tz	*tz;
	const char		*platform;
	size_t			 platlen;	/* its length; whether CSV needs */
	int			 platplain;	/* no quotes for it */
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
		struct qp_field		 f[ING_NROW];
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
	struct ing_found	 found;
	char			*map[ING_NECOLS];	/* --map: CSV column per events column */
	char			*emap[ING_NECOLS];	/* --events-map, the same for --events */
	struct ing_names	*everyone;	/* name -> "platform\x1fid", for --events */
	char			 last_user[256];	/* cache for everyone */
	char			 platform_buf[64];
	char			 hgroup[512], hgplat[32];	/* last hashed group */
	char			 hgid[17];
	size_t			 hglen;		/* the group's length, */
	int			 hgplain;	/* whether unquoted in CSV */
	/* Hashed user ids of recent names (platform, name), direct-mapped. */
	struct ing_uid {
		char		 plat[16];	/* "" marks an empty slot */
		char		 name[48];
		char		 id[17];
		unsigned char	 plain;		/* the name needs no quotes */
		char		 learnt[17];	/* group id the name was learnt in */
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
	struct ing_roles	*roles;		/* roles.c: roles seen, names */
	struct ing_mention	*mention;	/* mentions.c */
	struct ing_roster	*roster;	/* roster.c: --roster rows */
};

/*
 * mentions.c: learn that id wore name in group gid (0, or -1 on ENOMEM);
 * the mentions column of a message of uid: the ids given (space-separated)
 * and the @names of its text resolved, pseudonymized under --pseudonymize
 * (valid until the next call; NULL on ENOMEM); the count of those left
 * out, on stderr; and the end.
 */
int	ing_mention_learn(struct ing *g, const char *gid, size_t gl,
	    const char *name, size_t nl, const char *id, size_t il);
const char *ing_mention_list(struct ing *g, const char *gid, const char *uid,
	    const char *text, const char *given);
void	ing_mention_report(const struct ing *g);
void	ing_mention_free(struct ing *g);


void	ing_init(struct ing *g, struct qp_out *out, const struct qp_tz *tz);
/* Write the events table header. */
int	ing_start(struct ing *g);
/* Read one command-line input: file, folder, archive or "-". */
/*
 * Read one command-line input: file, folder, archive, FIFO or "-".  0, 1
 * when it held no chat export (said why), -1 on a fatal error.
 */
int	ing_input(struct ing *g, const char *path);
/* Events read so far, chats and --events files together. */
unsigned long long ing_nevents(const struct ing *g);
void	ing_free(struct ing *g);
/*
 * --map or --events-map SPEC into map; 0, or -1 when malformed or without
 * ts and user.  events: the names of an events file (amount, currency,
 * product, order_id) are allowed too.
 */
int	ing_map_parse(char **map, const char *spec, int events);
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

/* An unlinked temporary file, or -1. */
int	ing_spool(void);

/*
 * A file of a folder, loaded: fd (owned by the taker), or -1 with err its
 * errno; mem its bytes when it was read whole (malloc'd, NUL room at
 * [len]; NULL: read it as it comes), hash their qp_hash(), valid the
 * length of their UTF-8 prefix up to the last newline.
 */
struct ing_file {
	int		 fd, err;
	char		*mem;
	size_t		 len, valid;
	uint64_t	 hash;
};

void	ing_file_load(const char *path, struct ing_file *f);
void	ing_file_drop(struct ing_file *f);

/*
 * A folder's files loaded ahead (ahead.c): listed with ing_ahead_add()
 * in the order they are visited (k: their entry), then started; taken
 * by entry, 1 when it was listed (f then filled), else 0.
 */
struct ing_ahead;
struct ing_ahead *ing_ahead_new(void);
int	ing_ahead_add(struct ing_ahead *a, long k, const char *path);
int	ing_ahead_start(struct ing_ahead *a);
int	ing_ahead_take(struct ing_ahead *a, long k, struct ing_file *f);
void	ing_ahead_free(struct ing_ahead *a);

/*
 * --pseudonymize KEYFILE: load the key (refused when shorter than 16 bytes
 * or holding less than 128 bits by its byte frequencies: all zeros, a
 * repeated pattern) and the group labels of KEYFILE.groups.  0, or -1
 * with a message printed.
 */
int	ing_key_load(struct ing *g, const char *path);
/*
 * A file named by an option ("-": standard input), decoded to UTF-8 as
 * chat inputs are (UTF-16, GB18030); NULL with a message printed.  Close
 * with ing_text_close().
 */
struct ing_text *ing_text_open(const char *path);
void	ing_text_close(struct ing_text *x);
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

/*
 * The tree of an input (tree.c): a folder on disk or an archive, listed,
 * then planned: which bundle takes each entry, in what role.
 */
struct ing_ent {
	char			*path;	/* below the top, '/' between names */
	long long		 idx;	/* member number in an archive, or -1 */
	int			 type;	/* 'f' file, 'd' folder, 'o' neither */
	int			 what;	/* for 'o': 'l' link, 'p' FIFO, ... */
	enum ing_role		 role;	/* ING_NOT: no bundle's */
	int			 rank;
	long			 bundle;	/* index in b, or -1 */
	unsigned long long	 off, len;	/* in the bundle's pack */
};

struct ing_bund {
	const struct ing_format	*f;
	long			 root;	/* entry of its folder, -1: the top */
	size_t			 nchat, nattach, nnamed;
	long			 last;	/* chat or named file met last */
	int			 pack;	/* archives: its chat and named files */
	unsigned long long	 packlen;
};

struct ing_tree {
	char			*name;	/* the input's name */
	char			 sep;	/* '/' a folder, '!' an archive */
	char			 stem[256];	/* archives: name sans extension */
	int			 failed;
	struct ing_ent		*e;	/* sorted by path */
	size_t			 n, cap;
	struct ing_bund		*b;
	size_t			 nb;
};

struct ing_tree	*ing_tree_new(const char *name, char sep);
/* A folder on disk, listed without following links; NULL on ENOMEM. */
struct ing_tree	*ing_tree_disk(const char *path);
/* Add an entry (archives); then ing_tree_finish() sorts.  0 or -1. */
int		 ing_tree_add(struct ing_tree *t, const char *path, int type,
		    int what, long long idx);
int		 ing_tree_finish(struct ing_tree *t);
/* Find the bundles (only: --format's).  0, or -1 on ENOMEM. */
int		 ing_tree_plan(struct ing_tree *t, const struct ing_format *only);
void		 ing_tree_free(struct ing_tree *t);

/*
 * Roles (roles.c): ing_roles_start() before the inputs (with_names: learn
 * who has each name, 1 for --staff, 2 for --roster only); ing_role() for each event's user;
 * ing_staff_file() after the inputs; ing_write_roles() writes the roles
 * table when any role was seen or --staff was given.  0, or -1.
 */
int	ing_roles_start(struct ing *g, int with_names);
int	ing_role(struct ing *g, const char *gid, const char *uid,
	    const char *name, const char *group, const char *role);
int	ing_staff_file(struct ing *g, const char *path);
int	ing_write_roles(struct ing *g);
void	ing_roles_free(struct ing *g);
/*
 * Side files (--staff, --roster; roles.c): the column of a header row
 * whose name is one of names (case-insensitive; *which: the name's index),
 * or -1; a row's cell c, "" when absent.  ing_side_who() writes the group
 * and user a row names: gv an id when gid_is_id, else a group name, or
 * "*" or "" for every group; uv an id when uid_is_id, else a name matched
 * to the one id seen with it in the chats (in that group, else in any
 * group).  A name two people had is refused with both ids; one never seen
 * is refused too, unless unseen is set: then its id is made of the name
 * ("name:" NAME, pseudonymized as ids are).  0, or -1 with the message
 * printed.  Needs ing_roles_start(g, 1).
 */
struct qp_row;
int	ing_side_col(const struct qp_row *h, const char *const *names,
	    int *which);
const char *ing_side_cell(const struct qp_row *r, int c);
int	ing_side_who(struct ing *g, const char *path, unsigned long long line,
	    const char *gv, int gid_is_id, const char *uv, int uid_is_id,
	    int unseen, char *gid, size_t gidcap, char *uid, size_t uidcap);
/*
 * Rosters (roster.c): ing_roster_file() after the inputs, for each
 * --roster file; ing_write_roster() writes the roster table (date,
 * group_id, user_id) when any was given.  0, or -1.
 */
int	ing_roster_file(struct ing *g, const char *path);
int	ing_write_roster(struct ing *g);
void	ing_roster_free(struct ing *g);
/* A user id as the events carry it: pseudonymized under --pseudonymize. */
const char *ing_user_id(const struct ing *g, char *buf, size_t cap,
	    const char *id);
/* Decode a side file (UTF-8, UTF-16, GB18030) and call fn with it. */
struct qp_csv *ing_side_open(struct ing_text *x, const struct qp_row **h);
int	ing_side_close(struct ing *g, struct qp_csv *c, const char *path,
	    int rc, int n, const char *what);
int	ing_side_file(struct ing *g, const char *path,
	    int (*fn)(struct ing *, struct ing_text *));

#endif
