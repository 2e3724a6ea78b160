/*
 * Fuzz qp-ingest's input path: encoding detection, archives, export
 * bundles (an archive's tree, each format's bundle detector and the roles
 * it gives: the bundle-*.zip and .tar seeds), format detection and every
 * parser, on one input held in a memory file.  A first byte below 0x10
 * picks a format (byte % number of formats) instead of detection, so each
 * parser and bundle detector is fuzzed on its own too; the CSV one is read
 * as an --events file as well.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct qp_tz *tz;
	struct qp_out *o;
	struct ing g;
	char path[64];
	int fd;

	const struct ing_format *forced = NULL;
	size_t nf = 0;

	if (tz == NULL)
		tz = qp_tz_load("EST5EDT,M3.2.0,M11.1.0");
	while (ing_formats[nf].name != NULL)
		nf++;
	if (len > 0 && data[0] < 0x10) {
		forced = &ing_formats[data[0] % nf];
		data++;
		len--;
	}
	if ((fd = memfd_create("fuzz", 0)) == -1)
		return 0;
	if (write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	o = qp_out_new(qp_sink_open_mem(0), NULL, "fuzz", "0", 0, NULL);
	ing_init(&g, o, tz);
	g.quiet = 1;
	g.max_member = 1 << 20;
	g.format = forced;
	g.everyone = ing_names_new();
	(void)ing_map_parse(g.map, "ts=ts,user=user,text=text,kind=kind", 0);
	if (ing_start(&g) == 0) {
		(void)ing_input(&g, path);
		if (forced != NULL && strcmp(forced->name, "csv") == 0)
			(void)ing_events_file(&g, path);	/* --events */
	}
	qp_out_free(o);
	ing_free(&g);
	close(fd);
	return 0;
}
