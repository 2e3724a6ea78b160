/*
 * ingest.h: what qp-ingest's format parsers share (internal to qp-ingest).
 *
 * A parser reads one input as UTF-8 text through struct ing_text (lines,
 * rewindable, so a parser may take two passes) and reports events through
 * ing_emit().  The context fills what the parser leaves out: ids hashed
 * from names, the platform, the src, the timestamp text, and writes the
 * events table row.  Lines it cannot read go to ing_bad(), which counts
 * them, prints the first few as file:line: why, and fails under --strict.
 */
#ifndef QP_INGEST_H
#define QP_INGEST_H

#include <stddef.h>

struct qp_tz;
struct qp_out;

enum ing_kind {
	ING_MESSAGE, ING_JOIN, ING_LEAVE, ING_REMOVE, ING_RENAME,
	ING_SYSTEM, ING_CUSTOM, ING_NKINDS
};

/* One event; a NULL string is empty. */
struct ing_event {
	long long	 t;		/* instant */
	int		 off;		/* offset to print it with */
	enum ing_kind	 kind;
	const char	*group_id, *group;	/* NULL id: hashed from group */
	const char	*user_id, *user;	/* NULL id: hashed from user */
	const char	*actor_id, *actor;	/* by id, or by name */
	const char	*via;
	const char	*msg_id;	/* NULL: hashed from the event */
	const char	*reply_to;
	/*
	 * Or the message replied to by what it was (WeChat's quotes): its
	 * time, sender's id and text; reply_to is then the msg_id such a
	 * message gets.  reply_user_id NULL: none.
	 */
	long long	 reply_t;
	const char	*reply_user_id, *reply_text;
	const char	*mentions;	/* user ids the export names, space-separated */
	int		 mentions_all;	/* they are all: no @names in the text */
	const char	*media;		/* NULL: "text" for messages */
	const char	*text;
	size_t		 tlen;		/* strlen(text) if the reader knows it, else 0 */
	const char	*name;
	unsigned long long line;	/* where it starts; 0: the line just read */
	const char	*role;		/* what the export says: "owner", "bot"... */
};

/*
 * Clear e: memset() in 32-byte pieces, which gcc writes as vector stores,
 * where one memset() of the whole would be a rep stos, slow to start, at
 * every message.
 */
static inline void
ing_event_clear(struct ing_event *e)
{
	char *p = (char *)e;
	size_t i;

	for (i = 0; i + 32 <= sizeof *e; i += 32)
		__builtin_memset(p + i, 0, 32);
	__builtin_memset(p + i, 0, sizeof *e - i);
}

/* Decoded text of one input, read a line at a time. */
struct ing_text;

/*
 * Next line without its end (LF, CRLF or CR-LF mixtures); NUL-terminated,
 * valid until the next call.  Returns 1, 0 at the end, -1 on a read error.
 */
int		 ing_line(struct ing_text *x, char **line, size_t *len);
/*
 * Skip the UTF-8 repair of lines (for a first pass that only looks at
 * ASCII structure); ing_rewind() turns it back on.
 */
void		 ing_set_raw(struct ing_text *x, int raw);
/* Line number of the last line returned (from 1). */
unsigned long long ing_lineno(const struct ing_text *x);
/* The input's file descriptor, rewound to its start (for ingest_json). */
int		 ing_fd(struct ing_text *x);
/* Set the line ing_bad() reports, for parsers that read records (ing_csv). */
void		 ing_set_line(struct ing_text *x, unsigned long long line);
/* Start again from the first line.  Returns 0 or -1. */
int		 ing_rewind(struct ing_text *x);
/*
 * The input as CSV records (qp_csv.h), from its start; free with
 * qp_csv_free() then qp_src_close() of qp_csv_src().  NULL on ENOMEM.
 */
struct qp_csv	*ing_csv(struct ing_text *x);

struct ing;

/*
 * After qp_csv_next() failed on x: its error as "file:line: why", counted
 * as an unreadable line.  A CSV syntax error leaves the rest of the file
 * unreadable, so the input fails: returns -1.
 */
int		 ing_csv_failed(struct ing *g, struct ing_text *x,
		    const struct qp_csv *c);

/* The input's name as given (path, or archive!member). */
const char	*ing_name(const struct ing_text *x);

/* Write one event.  Returns 0, or -1 when the output failed. */
int		 ing_emit(struct ing *g, const struct ing_event *e);

/* Report an unreadable line.  Returns 0, or -1 under --strict. */
int		 ing_bad(struct ing *g, struct ing_text *x, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* A note about an input on stderr, unless -q. */
void		 ing_note(struct ing *g, struct ing_text *x, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* A fatal problem with an input, as "file:line: why" (the caller returns -1). */
void		 ing_fail(struct ing *g, struct ing_text *x, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* --all-chats: read personal chats, bots and saved messages too. */
int		 ing_all_chats(const struct ing *g);

/* Whether writing the output failed (parsers stop then). */
int		 ing_out_failed(const struct ing *g);

/* The zone for naive local times. */
const struct qp_tz *ing_tz(const struct ing *g);

/* Set the platform ("whatsapp") of the events that follow. */
void		 ing_platform(struct ing *g, const char *platform);

/* Count a media file seen beside the chat text (archives). */
void		 ing_attachment(struct ing *g);

/* A parser: 0 when the input was read (bad lines may have been counted), -1 on a fatal error. */
typedef int	(*ing_parser)(struct ing *g, struct ing_text *x);

/* How sure a parser is that the first bytes are its format: 0 no, 100 yes. */
typedef int	(*ing_sniffer)(const char *name, const char *head, size_t len);

/*
 * An export bundle: a folder (on disk or in an archive) that is one export,
 * such as a WhatsApp zip (_chat.txt and its media) or a Slack workspace.
 * The walker asks every format whether a folder is its bundle, then what
 * each file and folder below it is; it reads the chat files (in rank, then
 * name order, digits by value) as one export, counts the attachments, and
 * walks whatever is not part of the bundle as it would any folder.
 */
struct ing_dir;		/* a folder being looked at */

/* What rel is to a bundle: 'f' a file, 'd' a folder, 0 not there. */
int		 ing_dir_has(const struct ing_dir *d, const char *rel);
/*
 * The entries right in the folder, one per call from *pos = 0: the name,
 * and its type in *type ('f' or 'd'); NULL after the last.
 */
const char	*ing_dir_next(const struct ing_dir *d, size_t *pos, int *type);
/*
 * The folder's own name; for the top of an archive, the archive's name
 * without its extension, as the folder it unpacks to ("WhatsApp Chat -
 * Ana" for "WhatsApp Chat - Ana.zip").
 */
const char	*ing_dir_name(const struct ing_dir *d);
/* Whether a file's name says it is a picture, sound, video or document. */
int		 ing_media_name(const char *name);

enum ing_role {
	ING_NOT,	/* not the bundle's: read or walked on its own */
	ING_IN,		/* a folder of the bundle: its entries are asked */
	ING_CHAT,	/* a file of the chat, read by the format */
	ING_ATTACH,	/* an attachment (a folder: all in it): counted */
	ING_NAMED,	/* an attachment if a chat file's text names it
			   ("plan.txt (file attached)"), else ING_NOT */
	ING_SKIP	/* the exporter's, without events: ignored */
};

struct ing_bundle {
	/* Whether folder d is one export of this format. */
	int		(*is)(const struct ing_dir *d);
	/*
	 * What rel (a path below d, type 'f' or 'd') is; a chat file may set
	 * *rank (0 at the call) to be read after those of lower rank.
	 */
	enum ing_role	(*role)(const struct ing_dir *d, const char *rel,
			    int type, int *rank);
	/*
	 * NULL: each chat file goes through the format's parser.  Else the
	 * reader of a bundle whose files share state: called for each chat
	 * file with its path below the bundle, *state NULL at the first, and
	 * once more with x NULL at the end to free it.  0, or -1 when the
	 * file could not be read (counted; the end of the run under
	 * --strict or when the output failed).
	 */
	int		(*read)(struct ing *g, struct ing_text *x,
			    const char *rel, void **state);
};

struct ing_format {
	const char		*name;
	ing_sniffer		 sniff;		/* NULL: read only as a bundle */
	ing_parser		 parse;
	const struct ing_bundle	*bundle;	/* NULL: a single file */
};

int	ing_whatsapp_sniff(const char *, const char *, size_t);
int	ing_whatsapp_parse(struct ing *, struct ing_text *);
int	ing_qq_sniff(const char *, const char *, size_t);
int	ing_qq_parse(struct ing *, struct ing_text *);
int	ing_wechat_sniff(const char *, const char *, size_t);
int	ing_wechat_parse(struct ing *, struct ing_text *);
int	ing_wechat_txt_sniff(const char *, const char *, size_t);
int	ing_wechat_txt_parse(struct ing *, struct ing_text *);
int	ing_telegram_sniff(const char *, const char *, size_t);
int	ing_telegram_parse(struct ing *, struct ing_text *);
int	ing_discord_sniff(const char *, const char *, size_t);
int	ing_discord_parse(struct ing *, struct ing_text *);
int	ing_telegram_html_sniff(const char *, const char *, size_t);
int	ing_telegram_html_parse(struct ing *, struct ing_text *);
int	ing_meta_sniff(const char *, const char *, size_t);
int	ing_meta_parse(struct ing *, struct ing_text *);
int	ing_signal_sniff(const char *, const char *, size_t);
int	ing_signal_parse(struct ing *, struct ing_text *);
int	ing_csv_sniff(const char *, const char *, size_t);
int	ing_csv_parse(struct ing *, struct ing_text *);

/* A folder of a Telegram Desktop export: media (ING_ATTACH), HTML's (ING_SKIP). */
enum ing_role	ing_telegram_folder(const char *name);
extern const struct ing_bundle ing_whatsapp_bundle, ing_slack_bundle,
	    ing_telegram_bundle, ing_telegram_html_bundle, ing_meta_bundle;

/*
 * A time as ISO 8601 with an offset, a naive local time (in --tz, "/" or
 * "-" between date parts) or Unix seconds or milliseconds.  0 or -1.
 */
int	ing_parse_time(const struct ing *g, const char *s, long long *t, int *off);

/* Helpers shared by parsers (walk.c). */

/*
 * The exporter's offset from a pair of clocks: naive local time lt and
 * instant t.  Returns lt - t when it is a plausible offset (whole minutes,
 * within 18 h), else the offset of --tz at t.
 */
int	ing_offset(const struct ing *g, long long lt, long long t);

/* Split s in place at any of seps; calls fn for each trimmed, non-empty part. */
int	ing_each(char *s, const char *const *seps,
	    int (*fn)(void *, const char *), void *arg);

/* A growing, NUL-terminated text buffer; zero it to start. */
struct ing_buf {
	char	*s;
	size_t	 len, cap;
};

/* Append n bytes.  Returns 0, or -1 on ENOMEM. */
int		 ing_buf_add(struct ing_buf *b, const char *s, size_t n);
/* The text so far ("" when empty). */
const char	*ing_buf_str(const struct ing_buf *b);
void		 ing_buf_free(struct ing_buf *b);

/*
 * Display names seen with an id, so that system lines naming people (joins,
 * removals) get the same ids as their messages.  The latest id per name
 * wins.  put returns 0 or -1 (ENOMEM); get returns NULL when unknown.
 */
struct ing_names;
struct ing_names *ing_names_new(void);
int		 ing_names_put(struct ing_names *m, const char *name, const char *id);
const char	*ing_names_get(const struct ing_names *m, const char *name);
void		 ing_names_free(struct ing_names *m);

/*
 * Match text against a pattern of literals and pieces: %a and %b are
 * copied into a and b (cap bytes each), %x matches anything.  A piece
 * ends at the first occurrence of the literal after it and is never
 * empty.  Returns 1 when the whole text matches.
 */
int	ing_match(const char *pat, const char *text, char *a, char *b, size_t cap);

/* Trim spaces, quotes of the kinds given, and invisible marks, in place. */
char	*ing_trim(char *s, const char *quotes);

/* The formats, in the order they are tried. */
extern const struct ing_format ing_formats[];

#endif
