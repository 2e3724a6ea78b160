/*
 * whatsapp.h: the catalogue of WhatsApp's notices and placeholders
 * (whatsapp_notices.c), for the WhatsApp reader (whatsapp.c).
 *
 * A catalogue entry is a pattern in ing_match()'s syntax: literal text
 * with %a (the subject: who acted, joined or left), %b (the object: the
 * names added or removed, or the new group name) and %x (anything), and
 * what a body that matches it is.  Patterns are written with straight
 * quotes and apostrophes and without invisible marks: wa_match() reads the
 * body that way (curly, German and CJK quotes become ", a curly
 * apostrophe ', marks are dropped, NBSPs are spaces).
 */
#ifndef QP_WHATSAPP_H
#define QP_WHATSAPP_H

#include <stddef.h>

enum wa_act {
	WA_CREATE,	/* %a created the group (named %b): a join, via unknown */
	WA_ADD,		/* %a added %b: joins of %b by %a */
	WA_ADDED,	/* %a was added: joins without an actor */
	WA_LINK,	/* %a joined through the invite link */
	WA_LEAVE,	/* %a left */
	WA_REMOVE,	/* %a removed %b */
	WA_REMOVED,	/* %a was removed */
	WA_RENAME,	/* %a renamed the group to %b */
	WA_NOTICE,	/* any other notice: a system row */
	WA_MEDIA	/* a placeholder: a message with media set */
};

/*
 * Where %a or %b is absent, the exporting user is meant ("Creaste el
 * grupo", "X added you" written "%a te añadió"): the reader fills "You".
 */
struct wa_entry {
	const char	*p;
	enum wa_act	 act;
	const char	*media;		/* WA_MEDIA: the media value */
};

/*
 * The first entry, in catalogue order, that the whole of text matches; a
 * and b receive %a and %b (cap bytes each, "" when absent).  With names
 * 0, only entries that name nobody are tried (placeholders, fixed
 * notices): the test for an ordinary message, which costs a table lookup
 * when nothing can match.  NULL when none matches.
 */
const struct wa_entry *wa_match(const char *text, int names, char *a,
		    char *b, size_t cap);

/* Whether the pattern of e holds %a, and %b. */
int		 wa_has(const struct wa_entry *e, char piece);

/* Words that stand for the exporting user in notices ("you", "Du", "你"). */
extern const char *const wa_you[];

/* What separates the names of a list ("A, B and C", "A、B"). */
extern const char *const wa_list_seps[];

#endif
