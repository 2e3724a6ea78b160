/*
 * The sections of report.md, in order.  A new section is a file in
 * stages/report/ that defines a struct section, and a line here.
 */
#include <stddef.h>

#include "report.h"

extern const struct section sec_title, sec_scorecard, sec_summary,
    sec_activity, sec_sources, sec_retention, sec_funnel, sec_fission,
    sec_money, sec_camps, sec_activities, sec_rules, sec_members,
    sec_connections, sec_newcomers, sec_todo, sec_newcomer_todo, sec_hours,
    sec_health, sec_lifecycle, sec_provenance;

const struct section *const sections[] = {
	&sec_title,
	&sec_scorecard,
	&sec_summary,
	&sec_activity,
	&sec_sources,
	&sec_retention,
	&sec_funnel,
	&sec_fission,
	&sec_camps,
	&sec_activities,
	&sec_money,
	&sec_rules,
	&sec_members,
	&sec_connections,
	&sec_newcomers,
	&sec_todo,
	&sec_newcomer_todo,
	&sec_hours,
	&sec_health,
	&sec_lifecycle,
	&sec_provenance,
	NULL
};
