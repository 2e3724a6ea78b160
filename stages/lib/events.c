/*
 * The events table's sort order (METRICS.md R5).
 */
#include <stdlib.h>
#include <string.h>

#include "qp_events.h"

int
qp_kind_rank(const char *kind)
{
	if (qp_kind_is(kind, "join"))
		return 0;
	if (qp_kind_is(kind, "leave") || qp_kind_is(kind, "remove"))
		return 2;
	return 1;
}

enum { M_OPEN = 1, M_SEEN = 2 };

int
qp_membership(unsigned char *state, const char *kind)
{
	int seen = *state & M_SEEN, open = *state & M_OPEN, r = QP_M_NONE;

	*state |= M_SEEN;
	if (qp_kind_is(kind, "message") || qp_kind_is(kind, "rename")) {
		if (!open)
			r = QP_M_INFER;
	} else if (qp_kind_is(kind, "join")) {
		if (!open)
			r = QP_M_JOIN;
	} else if (qp_kind_is(kind, "leave") || qp_kind_is(kind, "remove")) {
		if (open)
			r = QP_M_CLOSE;
		else if (!seen)
			r = QP_M_POINT;
	}
	if (r == QP_M_JOIN || r == QP_M_INFER)
		*state |= M_OPEN;
	else if (r == QP_M_CLOSE)
		*state &= (unsigned char)~M_OPEN;
	return r;
}

static int
is_uint(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
qp_msgid_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c;

	if (is_uint(a, alen) && is_uint(b, blen)) {
		/* Skip leading zeros; then the longer number is larger. */
		while (alen > 1 && *a == '0') {
			a++;
			alen--;
		}
		while (blen > 1 && *b == '0') {
			b++;
			blen--;
		}
		if (alen != blen)
			return alen < blen ? -1 : 1;
		return memcmp(a, b, alen);
	}
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int
keep(char **p, size_t *cap, const char *s, size_t len)
{
	if (len + 1 > *cap) {
		size_t n = len + 1 < 64 ? 64 : (len + 1) * 2;
		char *q = realloc(*p, n);

		if (q == NULL)
			return -1;
		*p = q;
		*cap = n;
	}
	memcpy(*p, s, len);
	(*p)[len] = '\0';
	return 0;
}

int
qp_order_check(struct qp_order *o, const char *gid, size_t gidlen,
    long long ts, int rank, const char *msg, size_t msglen)
{
	int c = 1, newgroup = 1;

	if (o->have) {
		size_t glen = strlen(o->group);

		c = memcmp(gid, o->group, gidlen < glen ? gidlen : glen);
		if (c == 0)
			c = gidlen < glen ? -1 : gidlen > glen;
		newgroup = c != 0;
		if (c == 0) {
			c = ts < o->ts ? -1 : ts > o->ts;
			if (c == 0)
				c = rank < o->rank ? -1 : rank > o->rank;
			if (c == 0)
				c = qp_msgid_cmp(msg, msglen, o->msg,
				    strlen(o->msg));
		}
		if (c < 0)
			return -1;
	}
	if ((newgroup && keep(&o->group, &o->groupcap, gid, gidlen) == -1) ||
	    keep(&o->msg, &o->msgcap, msg, msglen) == -1)
		return -2;
	o->ts = ts;
	o->rank = rank;
	o->have = 1;
	return newgroup;
}

void
qp_order_free(struct qp_order *o)
{
	free(o->group);
	free(o->msg);
	memset(o, 0, sizeof *o);
}
