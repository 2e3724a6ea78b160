/*
 * json.h: a streaming JSON reader for qp-ingest's JSON formats.
 *
 * It yields one token at a time from a file descriptor, in memory bounded
 * by the longest string, so a 2 GB export reads like a small one.  Strings
 * come decoded to UTF-8 (escapes, surrogate pairs; a lone surrogate
 * becomes U+FFFD), and \xHH escapes are read too, as Telegram Desktop
 * writes control characters.  Syntax errors are sticky and name the line.
 */
#ifndef QP_INGEST_JSON_H
#define QP_INGEST_JSON_H

#include <stddef.h>

enum json_tok {
	J_ERR = -1, J_EOF = 0, J_OBJ, J_END_OBJ, J_ARR, J_END_ARR, J_KEY,
	J_STR, J_NUM, J_TRUE, J_FALSE, J_NULL
};

struct json;

/* Read fd from its current offset (not closed by json_free).  NULL on ENOMEM. */
struct json	*json_new(int fd);
void		 json_free(struct json *j);

/*
 * The next token.  For J_KEY, J_STR and J_NUM the text is json_str()
 * (NUL-terminated, valid until the next call) of json_len() bytes.
 */
enum json_tok	 json_next(struct json *j);
const char	*json_str(const struct json *j);
size_t		 json_len(const struct json *j);

/*
 * Skip the value that starts with token t (just returned): a whole object
 * or array, or nothing for a scalar.  Returns 0 or -1.
 */
int		 json_skip(struct json *j, enum json_tok t);
/*
 * Skip the next value as json_skip(j, json_next(j)) does, with the same
 * errors, but without copying its strings: cheaper for values not read.
 */
int		 json_skip_next(struct json *j);

/*
 * Read the next value: copy a string or number into buf (cap bytes, cut
 * if longer), skip anything else.  Returns 0 or -1.
 */
int		 json_scalar(struct json *j, char *buf, size_t cap);

/* Copy the current string into buf as snprintf(buf, cap, "%s") would. */
void		 json_copy(const struct json *j, char *buf, size_t cap);

/* Nesting depth after the last token (0 at top level). */
int		 json_depth(const struct json *j);
/* Line of the last token, from 1. */
unsigned long long json_line(const struct json *j);
/* The error, or NULL. */
const char	*json_error(const struct json *j);

#endif
