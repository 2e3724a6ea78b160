/*
 * Parsing qp-funnel's steps (see qp-funnel(1), "Steps").
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funnel_steps.h"
#include "qp_cli.h"

static const char *const kinds[] = { "", "message", "join", "leave",
    "remove", "rename", "system", "custom" };

int
step_kind(const char *k)
{
	size_t i;

	for (i = 1; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(k, kinds[i]) == 0)
			return (int)i;
	return K_OTHER;
}

void
step_free(struct step *st)
{
	free(st->name);
	free(st->media);
	free(st->cname);
	if (st->has_re)
		regfree(&st->re);
	memset(st, 0, sizeof *st);
}

static int	fail(struct step *, char *, size_t, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

static int
fail(struct step *st, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	step_free(st);
	return -1;
}

/*
 * Whether re repeats a repetition ("a++", "a*{2}"): undefined in POSIX
 * EREs, and what makes glibc's regcomp take gigabytes ("h+++...").
 */
static int
stacked(const char *re)
{
	int rep = 0, br = 0;

	for (; *re; re++) {
		if (br) {		/* inside [...]: no operators */
			if (*re == ']' && br > 1)
				br = 0;
			else
				br++;
			continue;
		}
		if (*re == '\\' && re[1] != '\0') {
			re++;
			rep = 0;
		} else if (*re == '[') {
			re += re[1] == '^';	/* then a ']' is still a literal */
			br = 1;
			rep = 0;
		} else if (strchr("*+?{", *re) != NULL) {
			if (rep)
				return 1;
			if (*re == '{') {	/* to its '}' */
				while (re[1] != '\0' && re[1] != '}')
					re++;
				re += re[1] == '}';
			}
			rep = 1;
		} else
			rep = 0;
	}
	return 0;
}

int
step_parse(struct step *st, const char *spec, char *err, size_t errlen)
{
	const char *p, *colon = strchr(spec, ':');
	char cond[256];
	size_t n;
	int e, k;

	memset(st, 0, sizeof *st);
	if (colon == NULL || colon == spec || strcspn(spec, " \t") <
	    (size_t)(colon - spec))
		return fail(st, err, errlen, "want a step as NAME:CONDITION ..., "
		    "not '%s'", spec);
	if ((st->name = strndup(spec, (size_t)(colon - spec))) == NULL)
		return -2;
	for (p = colon + 1;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		if (strncmp(p, "text~", 5) == 0) {	/* the rest of the step */
			if (stacked(p + 5))
				return fail(st, err, errlen, "step %s: bad text~ "
				    "regex: a repetition of a repetition",
				    st->name);
			if ((e = regcomp(&st->re, p + 5, REG_EXTENDED |
			    REG_NOSUB)) != 0) {
				char msg[128];

				regerror(e, &st->re, msg, sizeof msg);
				return fail(st, err, errlen, "step %s: bad text~ "
				    "regex: %s", st->name, msg);
			}
			st->has_re = 1;
			break;
		}
		n = strcspn(p, " \t");
		if (n >= sizeof cond)
			return fail(st, err, errlen, "step %s: condition too "
			    "long", st->name);
		memcpy(cond, p, n);
		cond[n] = '\0';
		p += n;
		if (strncmp(cond, "kind=", 5) == 0) {
			if ((k = step_kind(cond + 5)) == K_OTHER)
				return fail(st, err, errlen, "step %s: no kind "
				    "'%s'", st->name, cond + 5);
			st->kind = k;
		} else if (strncmp(cond, "media=", 6) == 0) {
			free(st->media);
			if ((st->media = strdup(cond + 6)) == NULL)
				return -2;
		} else if (strncmp(cond, "name=", 5) == 0) {
			free(st->cname);
			if ((st->cname = strdup(cond + 5)) == NULL)
				return -2;
		} else if (strcmp(cond, "core_week") == 0)
			st->core = 3;
		else if (strncmp(cond, "core_week=", 10) == 0) {
			long long v;

			if (qp_parse_ll(cond + 10, 1, 1000000, &v) == -1)
				return fail(st, err, errlen, "step %s: core_week "
				    "wants a number, not '%s'", st->name, cond + 10);
			st->core = (unsigned)v;
		} else if (strcmp(cond, "ugc") == 0)
			st->ugc = 1;
		else if (strncmp(cond, "within=", 7) == 0) {
			if (qp_parse_duration(cond + 7, &st->within) == -1)
				return fail(st, err, errlen, "step %s: within "
				    "wants a duration such as 72h, not '%s'",
				    st->name, cond + 7);
		} else
			return fail(st, err, errlen, "step %s: unknown condition "
			    "'%s'", st->name, cond);
	}
	return 0;
}
