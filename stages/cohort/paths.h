/*
 * paths.h: the group-to-group path (引流群 → 训练营 → 交付群 → 铁粉群),
 * tables group_path and group_paths of qp-cohort (qunpipe(7) "Group
 * paths").  qp-cohort calls pt_enter() for each member of each group the
 * groups file gives a type, with the start of their first membership
 * there, then pt_write().  Memory grows with memberships of typed groups.
 */
#ifndef QP_PATHS_H
#define QP_PATHS_H

#include <stdint.h>

struct qp_out;

void	 pt_enter(uint32_t user, const char *type, long long ts, long long day);
void	 pt_write(struct qp_out *out);
void	 pt_free(void);

#endif
