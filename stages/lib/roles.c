/*
 * roles: a hash table from (group_id, user_id) to a role, keyed by the
 * 64-bit hash of "group_id 0x1f user_id"; small (staff, not members).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qp_hash.h"
#include "qp_roles.h"

const char *const qp_role_names[QP_NROLES] = {
	"", "owner", "admin", "assistant", "sales", "shill", "bot", "exporter"
};

struct qp_roles {
	uint64_t	*k;		/* 0: a free slot */
	unsigned char	*v;
	size_t		 cap, n;
};

int
qp_role_parse(const char *s, size_t len)
{
	int i;

	for (i = 1; i < QP_NROLES; i++)
		if (strlen(qp_role_names[i]) == len &&
		    memcmp(qp_role_names[i], s, len) == 0)
			return i;
	return -1;
}

struct qp_roles *
qp_roles_new(void)
{
	return calloc(1, sizeof(struct qp_roles));
}

static uint64_t
key(const char *gid, size_t gidlen, const char *uid, size_t uidlen)
{
	char buf[512], *p = buf;
	uint64_t h;

	if (gidlen + uidlen + 1 > sizeof buf &&
	    (p = malloc(gidlen + uidlen + 1)) == NULL)
		return 0;
	memcpy(p, gid, gidlen);
	p[gidlen] = '\x1f';
	memcpy(p + gidlen + 1, uid, uidlen);
	h = qp_hash(p, gidlen + uidlen + 1);
	if (p != buf)
		free(p);
	return h ? h : 1;
}

static size_t
slot(const struct qp_roles *r, uint64_t k)
{
	size_t i = (size_t)k & (r->cap - 1);

	while (r->k[i] != 0 && r->k[i] != k)
		i = (i + 1) & (r->cap - 1);
	return i;
}

static int add(struct qp_roles *, uint64_t, int);

int
qp_roles_add(struct qp_roles *r, const char *gid, size_t gidlen,
    const char *uid, size_t uidlen, int role)
{
	if (role == QP_ROLE_EXPORTER)
		return 0;	/* recorded by qp-ingest, not staff */
	/* (gid, "") marks a group with an owner: user ids are never empty. */
	if (role == QP_ROLE_OWNER && add(r, key(gid, gidlen, "", 0), role) == -1)
		return -1;
	return add(r, key(gid, gidlen, uid, uidlen), role);
}

int
qp_roles_has_owner(const struct qp_roles *r, const char *gid, size_t gidlen)
{
	return qp_roles_get(r, gid, gidlen, "", 0) == QP_ROLE_OWNER;
}

static int
add(struct qp_roles *r, uint64_t k, int role)
{
	size_t i, j;

	if (k == 0)
		return -1;
	if ((r->n + 1) * 2 > r->cap) {
		struct qp_roles big;

		big.cap = r->cap ? r->cap * 2 : 64;
		big.n = r->n;
		big.k = calloc(big.cap, sizeof *big.k);
		big.v = calloc(big.cap, 1);
		if (big.k == NULL || big.v == NULL) {
			free(big.k);
			free(big.v);
			return -1;
		}
		for (j = 0; j < r->cap; j++)
			if (r->k[j] != 0) {
				i = slot(&big, r->k[j]);
				big.k[i] = r->k[j];
				big.v[i] = r->v[j];
			}
		free(r->k);
		free(r->v);
		*r = big;
	}
	i = slot(r, k);
	if (r->k[i] == 0) {
		r->k[i] = k;
		r->v[i] = (unsigned char)role;
		r->n++;
	} else if (role < r->v[i])
		r->v[i] = (unsigned char)role;
	return 0;
}

int
qp_roles_get(const struct qp_roles *r, const char *gid, size_t gidlen,
    const char *uid, size_t uidlen)
{
	uint64_t k;
	size_t i;
	int role = QP_ROLE_NONE;

	if (r == NULL || r->n == 0)
		return QP_ROLE_NONE;
	if ((k = key(gid, gidlen, uid, uidlen)) != 0 &&
	    r->k[i = slot(r, k)] != 0)
		role = r->v[i];
	if ((k = key("*", 1, uid, uidlen)) != 0 && r->k[i = slot(r, k)] != 0 &&
	    (role == QP_ROLE_NONE || r->v[i] < role))
		role = r->v[i];
	return role;
}

size_t
qp_roles_count(const struct qp_roles *r)
{
	return r == NULL ? 0 : r->n;	/* owner marks included: > 0 is enough */
}

void
qp_roles_free(struct qp_roles *r)
{
	if (r == NULL)
		return;
	free(r->k);
	free(r->v);
	free(r);
}
