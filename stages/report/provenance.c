/*
 * Provenance: the stages that made the stream and the exports they read,
 * in report.md and provenance.txt.
 */
#include <stdio.h>
#include <string.h>

#include "qp_stream.h"

#include "report.h"

static void
section_provenance(struct report *rp)
{
	const struct qp_in *in = rp->in;
	FILE *f = out_file(rp, "provenance.txt");
	struct tab *s = tab_find(rp, "sources");
	size_t i, j;

	mdf(rp, _("\n## Provenance\n\n"));
	for (i = 0; i < qp_in_nstages(in); i++) {
		const struct qp_row *r = qp_in_stage(in, i);

		mdf(rp, "- `");
		for (j = 2; j < r->n; j++) {
			if (j == 3)
				continue;	/* the version */
			fprintf(f, "%s%s", j > 2 ? " " : "", r->f[j].s);
			mdf(rp, "%s%s", j > 2 ? " " : "", mdcode(r->f[j].s));
		}
		fprintf(f, "\t(%s)\n", r->n > 3 ? r->f[3].s : "");
		mdf(rp, "`\n");
	}
	if (s != NULL) {
		int ci = col(s, "input"), cf = col(s, "format"),
		    cm = col(s, "messages");

		fputs("\nexports read:\n", f);
		mdf(rp, _("\nExports read:\n\n| file | format | messages "
		    "|\n|---|---|---:|\n"));
		for (i = 0; i < s->nrows; i++) {
			fprintf(f, "%s\t%s\t%s\n", cell(s, i, ci),
			    cell(s, i, cf), cell(s, i, cm));
			mdf(rp, "| %s | %s | %s |\n", mdcell(cell(s, i, ci)),
			    cell(s, i, cf), cell(s, i, cm));
		}
	}
	out_close(rp, f, "provenance.txt");
	mdf(rp, _("\nEvery table is in NAME.csv in this directory; each figure "
	    "above names the table it comes from.\n"));
}

const struct section sec_provenance = {
	"provenance", { "sources", NULL }, section_provenance
};
