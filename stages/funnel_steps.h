/*
 * qp-funnel's steps: "NAME:CONDITION ..." parsed into what an event must
 * be to meet the step.  Apart from the program so that it can be fuzzed.
 */
#ifndef FUNNEL_STEPS_H
#define FUNNEL_STEPS_H
#include <regex.h>
#include <stddef.h>

/* Event kinds; K_OTHER is any other word. */
enum { K_ANY, K_MESSAGE, K_JOIN, K_LEAVE, K_REMOVE, K_RENAME, K_SYSTEM,
    K_CUSTOM, K_OTHER };

struct step {
	char		*name;
	int		 kind;		/* K_ANY or a kind */
	char		*media, *cname;	/* NULL: any */
	regex_t		 re;
	int		 has_re;
	unsigned	 core;		/* the Nth+ message of its week; 0 none */
	int		 ugc;
	long long	 within;	/* seconds after the previous step; 0 none */
};

/*
 * Parse spec into st.  Returns 0, or -1 with the reason in err (errlen
 * bytes) and nothing to free; -2 on ENOMEM.
 */
int	step_parse(struct step *st, const char *spec, char *err, size_t errlen);
void	step_free(struct step *st);

/* The K_ code of an events table's kind. */
int	step_kind(const char *kind);

#endif
