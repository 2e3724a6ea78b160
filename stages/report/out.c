/*
 * The report's output: files in the temporary directory (renamed into
 * place by qp_cli_dir_commit), CSV for Excel, markdown, and the gnuplot script
 * that draws every chart in one run.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_io.h"

#include "report.h"

extern char **environ;

static const char font[] = "WenQuanYi Micro Hei";

char *
path_in(struct report *rp, const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", rp->tmpdir, name) == -1)
		qp_die("out of memory");
	return p;
}

/* Open a new file in the temporary directory, removed if we fail. */
FILE *
out_file(struct report *rp, const char *name)
{
	char *p = path_in(rp, name);
	FILE *f;

	if (qp_tmp_register(p) == -1)
		qp_die("%s: too many files", p);
	if ((f = fopen(p, "w")) == NULL)
		qp_die("%s: %s", p, strerror(errno));
	free(p);
	return f;
}

void
out_close(struct report *rp, FILE *f, const char *name)
{
	if (ferror(f) | (fclose(f) == EOF))
		qp_die("%s/%s: %s", rp->tmpdir, name, strerror(errno));
}

/*
 * A CSV field for Excel at p (room for 2 * strlen(s) + 4 bytes): quoted
 * when needed; a formula is made text.  Returns the end.
 */
static char *
csv_field(char *p, const char *s)
{
	size_t len = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") != NULL, formula = len > 0 &&
	    strchr("=+-@\t\r", *s) != NULL;
	const char *q;

	if (quote || formula)
		*p++ = '"';
	if (formula)
		*p++ = '\'';
	while ((q = memchr(s, '"', len)) != NULL) {	/* a quote twice */
		memcpy(p, s, (size_t)(q - s) + 1);
		p += q - s + 1;
		*p++ = '"';
		len -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	memcpy(p, s, len);
	p += len;
	if (quote || formula)
		*p++ = '"';
	return p;
}

/* A row built whole, then written at once (a write per field was a fifth
 * of the report's time at 10M messages). */
void
csv_row(FILE *f, char *const *v, size_t n)
{
	static char *buf;
	static size_t cap;
	size_t i, need = 1;
	char *p;

	for (i = 0; i < n; i++)
		need += 2 * strlen(v[i]) + 5;
	if (need > cap) {
		cap = need > 2 * cap ? need : 2 * cap;
		buf = qp_xrealloc(buf, cap, 1);
	}
	for (i = 0, p = buf; i < n; i++) {
		if (i > 0)
			*p++ = ',';
		p = csv_field(p, v[i]);
	}
	*p++ = '\n';
	fwrite(buf, 1, (size_t)(p - buf), f);
}

FILE *
csv_open(struct report *rp, const char *table, char *const *hdr, size_t n)
{
	char name[300];
	FILE *f;

	snprintf(name, sizeof name, "%s.csv", table);
	f = out_file(rp, name);
	fputs("\xef\xbb\xbf", f);	/* a BOM: Excel then reads UTF-8 */
	csv_row(f, hdr, n);
	return f;
}

void
mdf(struct report *rp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(rp->md, fmt, ap);
	va_end(ap);
}

static unsigned	utf8(const unsigned char *, size_t *);

/*
 * Text for a markdown table cell (mdcell): no pipes or line breaks; a long
 * one cut between characters (never inside one) with an ellipsis.  Names
 * are anyone's to choose: [ ] and ` are escaped so that a nickname such as
 * "![](https://x/p.png)" is text, not an image fetched when the report is
 * viewed, or a link; \ too, so that "a\|b" cannot end the cell.
 */
static const char *
md_text(const char *s, int code)
{
	static char buf[4][512];
	static int k;
	char *b = buf[k++ & 3];
	const char *esc = code ? "" : "|[]`\\";
	size_t i = 0, n;

	for (; *s; s += n) {
		utf8((const unsigned char *)s, &n);
		if (i + (*esc && strchr(esc, *s) ? 2 : n) +
		    sizeof "\xe2\x80\xa6" > sizeof buf[0]) {
			memcpy(b + i, "\xe2\x80\xa6", 3);	/* … */
			i += 3;
			break;
		}
		if (*esc && strchr(esc, *s) != NULL) {
			b[i++] = '\\';
			b[i++] = *s;
		} else if (*s == '\n' || *s == '\r' || *s == '\t')
			b[i++] = ' ';
		else if (*s == '`' || (*s == '<' && !code))
			b[i++] = code ? '\'' : '(';	/* no HTML from data */
		else {
			memcpy(b + i, s, n);
			i += n;
		}
	}
	b[i] = '\0';
	return b;
}

const char *
mdcell(const char *s)
{
	return md_text(s, 0);
}

/* Text inside a `code span`: no backquote to end it, no line breaks. */
const char *
mdcode(const char *s)
{
	return md_text(s, 1);
}

const char *
pct(double v)
{
	static char buf[4][32];
	static int k;
	char *b = buf[k++ & 3];

	snprintf(b, sizeof buf[0], "%.1f%%", v * 100);
	return b;
}

int
row_begin(struct report *rp)
{
	if (rp->pending != NULL)
		mdf(rp, "%s", rp->pending);
	rp->pending = NULL;
	return 1;
}

void
list_end(struct report *rp)
{
	if (rp->pending != NULL)
		mdf(rp, "%s", _("\nNone.\n"));
	rp->pending = NULL;
}

/*
 * Code points the chart font (WenQuanYi Micro Hei) has no glyph for and
 * that fontconfig would draw from whatever font it finds, at any size:
 * emoji, flags (regional indicators), their joiners, variation selectors,
 * skin tones and tags.  Charts drop them; report.md keeps every name.
 */
static const struct { unsigned lo, hi; } undrawn[] = {
	{ 0x200d, 0x200d }, { 0x20e3, 0x20e3 }, { 0x2300, 0x23ff },
	{ 0x2600, 0x27bf }, { 0x2b00, 0x2bff }, { 0xfe00, 0xfe0f },
	{ 0x1f000, 0x1ffff }, { 0xe0000, 0xe007f }
};

/* Decode one UTF-8 sequence at s; its length in *n (1 when invalid). */
static unsigned
utf8(const unsigned char *s, size_t *n)
{
	unsigned c = s[0], k, i;

	k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	c = k == 0 ? c : c & (0x3f >> k);
	for (i = 1; i <= k; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = 1;
			return s[0];
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	*n = k + 1;
	return c;
}

/*
 * s as a chart may draw it, into buf: without undrawn code points, line
 * breaks or control characters, spaces collapsed and trimmed.
 */
const char *
chart_text(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;
	unsigned c;

	while (*p && i + 5 < size) {
		c = utf8(p, &n);
		for (k = 0; k < sizeof undrawn / sizeof undrawn[0]; k++)
			if (c >= undrawn[k].lo && c <= undrawn[k].hi)
				break;
		if (k == sizeof undrawn / sizeof undrawn[0]) {
			if (c < ' ' || c == ' ') {
				if (i > 0 && buf[i - 1] != ' ')
					buf[i++] = ' ';
			} else {
				memcpy(buf + i, p, n);
				i += n;
			}
		}
		p += n;
	}
	while (i > 0 && buf[i - 1] == ' ')
		i--;
	buf[i] = '\0';
	return buf;
}

/*
 * A legend label: chart text cut to about max columns (a wide character
 * counts two) with an ellipsis, so that long names leave room for the plot.
 */
const char *
chart_label(const char *s, char *buf, size_t size, size_t max)
{
	const unsigned char *p;
	size_t cols = 0, n;
	unsigned c;

	chart_text(s, buf, size);
	for (p = (const unsigned char *)buf; *p; p += n) {
		c = utf8(p, &n);
		cols += c >= 0x1100 ? 2 : 1;
		if (cols > max && (size_t)((char *)p - buf) + 4 <= size) {
			memcpy((char *)p, "\xe2\x80\xa6", 4);	/* … */
			break;
		}
	}
	return buf;
}

/* A gnuplot single-quoted string ('' escapes a quote) of chart text. */
void
gpq(struct report *rp, const char *s)
{
	char buf[1024];

	putc('\'', rp->gp);
	for (s = chart_text(s, buf, sizeof buf); *s; s++) {
		if (*s == '\'')
			putc('\'', rp->gp);
		putc(*s, rp->gp);
	}
	putc('\'', rp->gp);
}

/* A label in a data file: chart text, quoted, with no quote or tab. */
void
datq(FILE *f, const char *s)
{
	char buf[1024];

	putc('"', f);
	for (s = chart_text(s, buf, sizeof buf); *s; s++)
		putc(*s == '"' ? ' ' : *s, f);
	putc('"', f);
}

/* Start a chart: the PNG now, the SVG by replot in chart_end(). */
void
chart_begin(struct report *rp, const char *name, const char *title)
{
	fprintf(rp->gp, "reset\nset encoding utf8\nset terminal pngcairo size "
	    "960,540 font '%s,10' noenhanced\nset output '%s.png'\nset title ",
	    font, name);
	gpq(rp, title);
	fputs("\nset key outside bottom center horizontal\nset grid ytics lc "
	    "rgb '#dddddd'\nset border 3\nset tics nomirror\nset datafile "
	    "separator '\\t'\n", rp->gp);
}

void
chart_end(struct report *rp, const char *name)
{
	char file[64];

	fprintf(rp->gp, "set terminal svg size 960,540 font '%s,10' "
	    "noenhanced\nset output '%s.svg'\nreplot\nset output\n", font,
	    name);
	snprintf(file, sizeof file, "%s.png", name);
	{
		char *p = path_in(rp, file);

		qp_tmp_register(p);
		free(p);
	}
	snprintf(file, sizeof file, "%s.svg", name);
	{
		char *p = path_in(rp, file);

		qp_tmp_register(p);
		free(p);
	}
	mdf(rp, "\n![%s](%s.png)\n", name, name);
}

/* A path in the temporary directory as the script names it (gnuplot
 * runs there, so that no path of this run ends up in an SVG). */
const char *
rel(struct report *rp, const char *p)
{
	return p + strlen(rp->tmpdir) + 1;
}

/*
 * A chart of rates (0 to 1) in clustered bars: n bars of groups gids[i]
 * (their names, or ids where a chart cannot draw the name), each
 * with nseries values v[i * nseries + j] titled series[j] (NaN: no bar),
 * and a dashed line at line titled line_title (line < 0: none).  For the
 * per-group figures of a section, such as the welcome or violation rates.
 */
void
rate_bars(struct report *rp, const char *name, const char *title,
    const char *ylabel, const char *const *gids, size_t n, const double *v,
    size_t nseries, const char *const *series, double line,
    const char *line_title)
{
	char dat[64], buf[256], *p;
	size_t i, j;
	FILE *f;

	if (n == 0)
		return;
	snprintf(dat, sizeof dat, "%s.dat", name);
	f = dat_open(rp, dat, &p);
	for (i = 0; i < n; i++) {
		fprintf(f, "%zu\t", i);
		datq(f, *chart_label(group_label(rp, gids[i]), buf, sizeof buf,
		    16) ? buf : gids[i]);
		for (j = 0; j < nseries; j++)
			if (v[i * nseries + j] != v[i * nseries + j])
				fputs("\t-", f);
			else
				fprintf(f, "\t%.4f", v[i * nseries + j]);
		fputc('\n', f);
	}
	out_close(rp, f, dat);
	chart_begin(rp, name, title);
	fprintf(rp->gp, "set style data histograms\nset style histogram "
	    "clustered gap 1\nset style fill solid 0.6 border -1\n"
	    "set datafile missing '-'\nset xtics rotate by -30\n"
	    "set xrange [-0.5:%zu.5]\nset yrange [0:1.05]\n"
	    "set ytics ('0%%%%' 0, '25%%%%' 0.25, '50%%%%' 0.5, '75%%%%' 0.75, "
	    "'100%%%%' 1)\n", n - 1);
	axis_label(rp, "y", ylabel);
	fputs("plot ", rp->gp);
	for (j = 0; j < nseries; j++) {
		if (j == 0)
			fprintf(rp->gp, "'%s' using 3:xtic(2) title ", rel(rp, p));
		else
			fprintf(rp->gp, ", '' using %zu title ", j + 3);
		gpq(rp, series[j]);
	}
	if (line >= 0) {
		fprintf(rp->gp, ", %g with lines dt 2 lw 2 lc rgb '#e45756' "
		    "title ", line);
		gpq(rp, line_title);
	}
	fputs("\n", rp->gp);
	chart_end(rp, name);
	free(p);
}

/* A chart's data file; *path (the caller frees it) names it for rel(). */
FILE *
dat_open(struct report *rp, const char *name, char **path)
{
	FILE *f;

	if ((f = fopen(*path = dat_path(rp, name), "w")) == NULL)
		qp_die("%s: %s", *path, strerror(errno));
	return f;
}

/* An axis's label: what it counts and in which unit. */
void
axis_label(struct report *rp, const char *axis, const char *label)
{
	fprintf(rp->gp, "set %slabel ", axis);
	gpq(rp, label);
	/* the colour box's label clear of its tic labels */
	fputs(strcmp(axis, "cb") == 0 ? " offset 1.5,0\n" : "\n", rp->gp);
}

/* The step of integer ticks up to max: 1, 2, 5, 10, 20, 50..., at most 10. */
double
tic_step(double max)
{
	double step = 1;
	static const double m[] = { 2, 2.5, 2 };
	int i = 0;

	while (max / step > 10)
		step *= m[i++ % 3];
	return step;
}

/*
 * Integer ticks for an axis of counts up to max (tic_step), and no range
 * below 0 (unless neg: counts drawn downwards too).
 */
void
count_tics(struct report *rp, const char *axis, double max, int neg)
{
	double step = tic_step(max);

	if (max < 1)
		max = 1;
	fprintf(rp->gp, "set %stics %g\nset %srange [%g:%g]\n", axis, step,
	    axis, neg ? -max - step / 2 : 0, max + step / 2);
	fprintf(rp->gp, "set format %s '%%.0f'\n", axis);
}

char *
dat_path(struct report *rp, const char *name)
{
	char *p = path_in(rp, name);

	if (rp->ndat == sizeof rp->datfiles / sizeof rp->datfiles[0] ||
	    qp_tmp_register(p) == -1)
		qp_die("%s: too many files", p);
	rp->datfiles[rp->ndat++] = qp_xstrdup(p);
	return p;
}

void
run_gnuplot(struct report *rp, const char *script)
{
	/* Static: still reachable when a qp_die() below exits. */
	static char *log;
	char *argv[3], line[512];
	pid_t pid;
	int st, rc, devnull, logfd;
	posix_spawn_file_actions_t fa;
	FILE *f;

	log = path_in(rp, "gnuplot.log");

	/* Its chatter ("empty y range") is kept, and shown if it fails. */
	if (qp_tmp_register(log) == -1 ||
	    (logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		qp_die("%s: %s", log, strerror(errno));
	argv[0] = "gnuplot";
	argv[1] = (char *)script;
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, rp->tmpdir);
	if ((devnull = open("/dev/null", O_RDONLY)) != -1)
		posix_spawn_file_actions_adddup2(&fa, devnull, 0);
	posix_spawn_file_actions_adddup2(&fa, logfd, 1);
	posix_spawn_file_actions_adddup2(&fa, logfd, 2);
	rc = posix_spawnp(&pid, "gnuplot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (devnull != -1)
		close(devnull);
	close(logfd);
	if (rc != 0)
		qp_die("gnuplot: %s (install gnuplot, or use --no-charts)",
		    strerror(rc));
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			qp_die("gnuplot: %s", strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		if ((f = fopen(log, "r")) != NULL) {
			while (fgets(line, sizeof line, f) != NULL)
				fputs(line, stderr);
			fclose(f);
		}
		qp_die("gnuplot failed on the charts");
	}
	unlink(log);
	qp_tmp_forget(log);
	free(log);
}

