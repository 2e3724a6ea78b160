/*
 * csv-floor: parse CSV from standard input with libcsv alone and print the
 * record count; the floor that make bench compares the stream reader to.
 */
#include <stdio.h>
#include <unistd.h>

#include <csv.h>

static unsigned long long nrec, nfield;

static void
cb_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	nfield++;
}

static void
cb_record(int c, void *data)
{
	(void)c;
	(void)data;
	nrec++;
}

int
main(void)
{
	static char buf[1 << 16];
	struct csv_parser p;
	ssize_t n;

	csv_init(&p, 0);
	while ((n = read(0, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, cb_field, cb_record, NULL) !=
		    (size_t)n)
			return 1;
	csv_fini(&p, cb_field, cb_record, NULL);
	csv_free(&p);
	printf("%llu records, %llu fields\n", nrec, nfield);
	return n < 0;
}
