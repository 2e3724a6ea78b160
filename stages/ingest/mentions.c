/*
 * Mentions: whom a message names with @, as the events' mentions column
 * (user ids, space-separated, each once, the sender never).
 *
 * Ids an export gives (Telegram's mention_name entities, Discord's
 * mentions array, Slack's <@U123>) come from the parser.  The rest is
 * read from the text: an @ (or ＠) that does not follow a letter or digit
 * (so not an e-mail address), followed by a display name the group has
 * shown so far, on a join or a message of its own; the longest such name
 * wins, and it must not run on into ASCII letters or digits.  A name two
 * ids have worn in the group is ambiguous; an @ followed by no known name
 * is unknown; both are left out and counted, and qp-ingest says how many
 * at the end.  Memory grows with the names of each group's members.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"

#define MAXNAME	48		/* code points of a name after @ */

struct ing_mention {
	struct ing_names	*names;	/* gid \x1f name -> id; "" ambiguous */
	struct ing_buf		 key, list;
	char			 last[64][256];	/* (gid, name, id) learnt, by name */
	unsigned long long	 ambiguous, unknown;
};

static int
key_of(struct ing_buf *k, const char *gid, const char *name, size_t len)
{
	k->len = 0;
	return ing_buf_add(k, gid, strlen(gid)) == -1 ||
	    ing_buf_add(k, "\x1f", 1) == -1 ||
	    ing_buf_add(k, name, len) == -1 ? -1 : 0;
}

static struct ing_mention *
state(struct ing *g)
{
	if (g->mention == NULL && (g->mention = calloc(1,
	    sizeof *g->mention)) != NULL &&
	    (g->mention->names = ing_names_new()) == NULL) {
		free(g->mention);
		g->mention = NULL;
	}
	return g->mention;
}

int
ing_mention_learn(struct ing *g, const char *gid, size_t gl,
    const char *name, size_t nl, const char *id, size_t il)
{
	struct ing_mention *m = state(g);
	size_t i;
	const char *old;
	char *last;
	unsigned h = 0;

	if (m == NULL)
		return -1;
	/*
	 * A group's few senders come back: a triple learnt before is nothing
	 * new (learning is idempotent, even after an ambiguity between).
	 */
	for (i = 0; i < nl; i++)
		h = h * 31 + (unsigned char)name[i];
	last = m->last[(h ^ h >> 6) & 63];
	if (gl + nl + il + 3 <= sizeof m->last[0] && memcmp(last, gid, gl) == 0 &&
	    last[gl] == '\x1f' && memcmp(last + gl + 1, name, nl) == 0 &&
	    last[gl + 1 + nl] == '\x1f' &&
	    memcmp(last + gl + nl + 2, id, il + 1) == 0)
		return 0;
	if (key_of(&m->key, gid, name, nl) == -1)
		return -1;
	old = ing_names_get(m->names, m->key.s);
	if (old == NULL || (*old != '\0' && strcmp(old, id) != 0)) {
		/* A second id under one name: ambiguous from now on. */
		if (ing_names_put(m->names, m->key.s, old == NULL ? id :
		    "\x01") == -1)
			return -1;
	}
	if (gl + nl + il + 3 <= sizeof m->last[0]) {
		memcpy(last, gid, gl);
		last[gl] = '\x1f';
		memcpy(last + gl + 1, name, nl);
		last[gl + 1 + nl] = '\x1f';
		memcpy(last + gl + nl + 2, id, il + 1);
	}
	return 0;
}

static int
alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Add id to the list unless it is there already or is the sender's. */
static int
add(struct ing *g, struct ing_mention *m, const char *uid, const char *id,
    size_t len)
{
	char buf[64];
	const char *p = m->list.s, *s;
	size_t n;

	if (len == 0 || (strlen(uid) == len && memcmp(uid, id, len) == 0))
		return 0;
	if (len >= 1024)
		return 0;
	{
		char raw[1024];

		memcpy(raw, id, len);
		raw[len] = '\0';
		s = ing_user_id(g, buf, sizeof buf, raw);
		n = strlen(s);
		while (p != NULL && *p != '\0') {
			const char *e = strchr(p, ' ');
			size_t l = e ? (size_t)(e - p) : strlen(p);

			if (l == n && memcmp(p, s, n) == 0)
				return 0;
			p = e ? e + 1 : p + l;
		}
		if ((m->list.len > 0 && ing_buf_add(&m->list, " ", 1) == -1) ||
		    ing_buf_add(&m->list, s, n) == -1)
			return -1;
	}
	return 0;
}

/* The @ at text[i] (1 or 3 bytes): the name after it, resolved. */
static int
at_name(struct ing *g, struct ing_mention *m, const char *gid,
    const char *uid, const char *s)
{
	const char *best = NULL, *id;
	size_t n = 0, k;

	if (*s == '\0' || *s == ' ' || *s == '\n' || *s == '\t')
		return 0;
	for (k = 0; k < MAXNAME && s[n] != '\0' && s[n] != '\n'; k++) {
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		if (alnum((unsigned char)s[n]))
			continue;	/* a name never stops mid-word */
		if (key_of(&m->key, gid, s, n) == -1)
			return -1;
		if ((id = ing_names_get(m->names, m->key.s)) != NULL)
			best = id;
	}
	if (best == NULL)
		m->unknown++;
	else if (*best == '\x01')
		m->ambiguous++;
	else
		return add(g, m, uid, best, strlen(best));
	return 0;
}

const char *
ing_mention_list(struct ing *g, const char *gid, const char *uid,
    const char *text, const char *given)
{
	struct ing_mention *m = state(g);
	const char *p, *q;

	if (m == NULL)
		return NULL;
	m->list.len = 0;
	if (m->list.s != NULL)
		m->list.s[0] = '\0';
	for (p = given; p != NULL && *p != '\0'; ) {
		size_t l = strcspn(p, " ");

		if (add(g, m, uid, p, l) == -1)
			return NULL;
		p += l;
		p += *p == ' ';
	}
	/* @ or the first byte of ＠ */
	for (q = text; q != NULL && (q = strpbrk(q, "@\xef")) != NULL; q++) {
		size_t at = *q == '@' ? 1 :
		    strncmp(q, "\xef\xbc\xa0", 3) == 0 ? 3 : 0;
		unsigned char prev = q > text ? (unsigned char)q[-1] : ' ';

		if (at == 0 || alnum(prev) || strchr("._-+<|/", prev) != NULL)
			continue;
		if (at_name(g, m, gid, uid, q + at) == -1)
			return NULL;
		q += at - 1;
	}
	return ing_buf_str(&m->list);
}

void
ing_mention_report(const struct ing *g)
{
	const struct ing_mention *m = g->mention;

	if (m == NULL || g->quiet || m->ambiguous + m->unknown == 0)
		return;
	qp_warn("@mentions left out of the mentions column: %llu of a name "
	    "two members of the group wore, %llu of no name the group had "
	    "shown before", m->ambiguous, m->unknown);
}

void
ing_mention_free(struct ing *g)
{
	if (g->mention == NULL)
		return;
	ing_names_free(g->mention->names);
	ing_buf_free(&g->mention->key);
	ing_buf_free(&g->mention->list);
	free(g->mention);
	g->mention = NULL;
}
