/*
 * qp_roles: who is staff or a bot (the roles table, qunpipe(7)).
 *
 * qp-ingest writes the roles table (group_id, user_id, role, source):
 * from --staff and from what exports say themselves.  The metric stages
 * read it before the events (qp-dedupe puts every other table first) and
 * leave staff and bots out of members' metrics.  A group_id of "*" gives
 * the role in every group.
 */
#ifndef QP_ROLES_H
#define QP_ROLES_H

#include <stddef.h>

/*
 * In order of precedence: a person with two roles in a group has the
 * first.  QP_ROLE_EXPORTER (the account that made the export, WeChat
 * MemoTrace's IsSender=1) is recorded in the roles table but is no staff:
 * qp_roles_add() ignores it, so the exporter stays a member unless a
 * staff file gives them a role.
 */
enum {
	QP_ROLE_NONE, QP_ROLE_OWNER, QP_ROLE_ADMIN, QP_ROLE_ASSISTANT,
	QP_ROLE_SALES, QP_ROLE_SHILL, QP_ROLE_BOT, QP_ROLE_EXPORTER, QP_NROLES
};

/* "owner", "admin", ... by number; [QP_ROLE_NONE] is "". */
extern const char *const qp_role_names[QP_NROLES];

/* The number of a role's name, or -1 when it is none of them. */
int		 qp_role_parse(const char *s, size_t len);

struct qp_roles;

/* NULL on ENOMEM. */
struct qp_roles	*qp_roles_new(void);
/*
 * Give user uid role in group gid ("*": every group); 0, or -1 on ENOMEM.
 * QP_ROLE_EXPORTER is no staff role: nothing is added.
 */
int		 qp_roles_add(struct qp_roles *r, const char *gid, size_t gidlen,
		    const char *uid, size_t uidlen, int role);
/*
 * The role of uid in gid (its own, else its "*" one), or QP_ROLE_NONE;
 * r may be NULL.
 */
int		 qp_roles_get(const struct qp_roles *r, const char *gid,
		    size_t gidlen, const char *uid, size_t uidlen);
/* Whether group gid has an owner (one of its own, or one of every group). */
int		 qp_roles_has_owner(const struct qp_roles *r, const char *gid,
		    size_t gidlen);
/* 0 when no role was added, else a count of entries. */
size_t		 qp_roles_count(const struct qp_roles *r);
void		 qp_roles_free(struct qp_roles *r);

#endif
