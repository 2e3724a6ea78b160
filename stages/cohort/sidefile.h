/*
 * sidefile.h: qp-cohort's side files (--groups, --activities, --ad-words):
 * CSV in UTF-8 or GBK as Excel saves it, columns found by any of their names
 * (English or Chinese headers), one home for the reading of them all.
 */
#ifndef QP_SIDEFILE_H
#define QP_SIDEFILE_H

#include <stddef.h>

#define SIDE_ALIASES	6

/*
 * Read the CSV file at path (opt names the option in messages).  names[k]
 * lists column k's names (NULL-ended within SIDE_ALIASES); column 0 is
 * required.  fn gets each row after the header with f[k] its cell, "" when
 * absent.  Exits 2 when the file cannot be opened, 1 on bad data.
 */
void	side_csv(const char *path, const char *opt,
	    const char *const (*names)[SIDE_ALIASES], size_t nf,
	    void (*fn)(void *arg, const char *path, unsigned long long line,
	    const char **f), void *arg);

/*
 * Read the text file at path as side_csv() does, a line at a time: fn
 * gets each line without its spaces around, blank lines and # comments
 * apart.
 */
void	side_lines(const char *path, const char *opt,
	    void (*fn)(void *arg, const char *path, unsigned long long line,
	    char *s), void *arg);

#endif
