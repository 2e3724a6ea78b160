/*
 * qp-report: the report operators read, from the stream at the end of the
 * chain: report.md, gnuplot charts (PNG and SVG), every table as CSV and
 * provenance.txt, written into a temporary directory beside -o DIR and
 * renamed into place only when all of it succeeded.
 *
 * Every figure in report.md is read from a table that is also written as
 * CSV, and the report names the table and how the figure was taken from
 * it.  The events table is only streamed: messages by hour and weekday and
 * per member in the period, group names and platforms.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

extern char **environ;

static const char usage[] =
"usage: qp-report [-hq] [--progress] -o dir [--lang zh|en] [--tz zone]\n"
"                 [--period yyyy-mm | --from date --to date]\n"
"                 [--targets file] [--previous stream] [--no-charts]\n"
"                 [--events] [file ...]\n"
"\n"
"Write the report of a stream into DIR: report.md, charts as PNG and SVG\n"
"(gnuplot), every table as NAME.csv and provenance.txt.  DIR is replaced\n"
"only when everything was written.\n"
"\n"
"  -o, --output DIR         the report's directory (required)\n"
"      --lang zh|en         language (default: zh when most names are\n"
"                           Chinese)\n"
"      --tz ZONE            zone of the hour-by-weekday chart (default $TZ,\n"
"                           else UTC)\n"
"      --period YYYY-MM     report one month (default: all days)\n"
"      --from DATE          first day of the period, YYYY-MM-DD\n"
"      --to DATE            last day of the period, YYYY-MM-DD\n"
"      --targets FILE       targets: lines 'metric value' (# comments)\n"
"      --previous STREAM    the last period's stream: how tiers changed\n"
"      --no-charts          no charts (and no need for gnuplot)\n"
"      --events             also write events.csv (large)\n"
"  -q, --quiet              no progress report\n"
"      --progress           report progress even when stderr is not a terminal\n"
"  -h, --help               print this help and exit\n"
"      --version            print the version and exit\n";

enum {
	OPT_LANG = QP_OPT_STAGE, OPT_TZ, OPT_PERIOD, OPT_FROM, OPT_TO,
	OPT_TARGETS, OPT_NOCHARTS, OPT_EVENTS, OPT_PREVIOUS
};

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "targets", required_argument, NULL, OPT_TARGETS },
	{ "no-charts", no_argument, NULL, OPT_NOCHARTS },
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ NULL, 0, NULL, 0 }
};

#define NODAY	LLONG_MIN
#define LIST	20		/* rows of a to-do list in report.md */

/* ---- small helpers ---- */

/* "YYYY-MM-DD" to a day, or NODAY. */
static long long
parse_day(const char *s)
{
	long long day;

	return qp_day_parse(s, &day) == 0 ? day : NODAY;
}

/* The Monday of "YYYY-Www", or NODAY. */
static long long
parse_week(const char *s)
{
	int y, n = 0;
	unsigned w;
	long long jan4, mon;

	if (sscanf(s, "%4d-W%2u%n", &y, &w, &n) != 2 || s[n] != '\0' || w < 1 ||
	    w > 53)
		return NODAY;
	jan4 = qp_days_from_civil(y, 1, 4);
	mon = jan4 - (qp_day_wday(jan4) - 1);
	return mon + 7LL * (w - 1);
}

static int lang_zh;
static const char *previous;	/* --previous: the last period's stream */
#define T(zh, en)	(lang_zh ? (zh) : (en))

/* ---- tables kept in memory ---- */

struct tab {
	char		*name;
	size_t		 ncol;
	char		**hdr;
	char		***rows;
	size_t		 nrows, cap;
	struct tab	*next;
};

static struct tab *tabs;

static struct tab *
tab_find(const char *name)
{
	struct tab *t;

	for (t = tabs; t != NULL; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

static int
col(const struct tab *t, const char *name)
{
	size_t i;

	if (t == NULL)
		return -1;
	for (i = 0; i < t->ncol; i++)
		if (strcmp(t->hdr[i], name) == 0)
			return (int)i;
	return -1;
}

/* A field of row r, "" when the table or column is missing. */
static const char *
cell(const struct tab *t, size_t r, int c)
{
	return t == NULL || c < 0 ? "" : t->rows[r][c];
}

static double
num(const char *s)
{
	return *s ? strtod(s, NULL) : 0;
}

/* ---- the output directory ---- */

static char *outdir, *tmpdir;

static char *
path_in(const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", tmpdir, name) == -1)
		qp_die("out of memory");
	return p;
}

/* Open a new file in the temporary directory, removed if we fail. */
static FILE *
out_file(const char *name)
{
	char *p = path_in(name);
	FILE *f;

	if (qp_tmp_register(p) == -1)
		qp_die("%s: too many files", p);
	if ((f = fopen(p, "w")) == NULL)
		qp_die("%s: %s", p, strerror(errno));
	free(p);
	return f;
}

static void
out_close(FILE *f, const char *name)
{
	if (ferror(f) | (fclose(f) == EOF))
		qp_die("%s/%s: %s", tmpdir, name, strerror(errno));
}

/* A CSV field for Excel: quoted when needed; a formula is made text. */
static void
csv_field(FILE *f, const char *s)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL, formula = strchr("=+-@\t\r",
	    *s) != NULL && *s != '\0';

	if (quote || formula)
		putc('"', f);
	if (formula)
		putc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	if (quote || formula)
		putc('"', f);
}

static void
csv_row(FILE *f, char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(',', f);
		csv_field(f, v[i]);
	}
	putc('\n', f);
}

static FILE *
csv_open(const char *table, char *const *hdr, size_t n)
{
	char name[300];
	FILE *f;

	snprintf(name, sizeof name, "%s.csv", table);
	f = out_file(name);
	fputs("\xef\xbb\xbf", f);	/* a BOM: Excel then reads UTF-8 */
	csv_row(f, hdr, n);
	return f;
}

/* ---- what the events table gives ---- */

struct gname {
	char		*id, *name, *platform;
};

static struct gname *gnames;
static size_t ngnames, capgnames;
static unsigned long long hours[7][24];	/* messages in the period */
static struct qp_strmap *speakers;	/* user_id -> number */
static unsigned long long *spoke;	/* messages in the period */
static size_t capspoke;
static long long from = NODAY, to = NODAY;
static struct qp_tz *tz;

static void
events_row(const struct qp_row *r, const int *c)
{
	const char *gid = c[1] >= 0 ? r->f[c[1]].s : "";
	long long t, day;
	int off;

	if (*gid && (ngnames == 0 || strcmp(gnames[ngnames - 1].id, gid) != 0)) {
		if (ngnames == capgnames) {
			capgnames = capgnames ? capgnames * 2 : 16;
			gnames = qp_xrealloc(gnames, capgnames, sizeof *gnames);
		}
		gnames[ngnames].id = qp_xstrdup(gid);
		gnames[ngnames].name = qp_xstrdup(c[2] >= 0 ? r->f[c[2]].s : "");
		gnames[ngnames].platform = qp_xstrdup(c[3] >= 0 ? r->f[c[3]].s : "");
		ngnames++;
	}
	if (c[5] < 0 || strcmp(r->f[c[5]].s, "message") != 0 ||
	    qp_time_parse(r->f[c[0]].s, r->f[c[0]].len, &t, &off) == -1)
		return;
	day = qp_tz_day(tz, t);
	if ((from != NODAY && day < from) || (to != NODAY && day > to))
		return;
	{
		long long lt = t + qp_tz_offset(tz, t);

		hours[qp_day_wday(day) - 1][qp_fdiv(lt, 3600) - qp_fdiv(lt, 86400) * 24]++;
	}
	if (c[4] >= 0 && r->f[c[4]].len > 0) {
		long u = qp_strmap_add(speakers, r->f[c[4]].s, r->f[c[4]].len);

		if (u < 0)
			qp_die("out of memory");
		if ((size_t)u >= capspoke) {
			size_t n = capspoke ? capspoke * 2 : 1024;

			spoke = qp_xrealloc(spoke, n, sizeof *spoke);
			memset(spoke + capspoke, 0, (n - capspoke) * sizeof *spoke);
			capspoke = n;
		}
		spoke[u]++;
	}
}

static const struct gname *
group(const char *id)
{
	size_t i;

	for (i = 0; i < ngnames; i++)
		if (strcmp(gnames[i].id, id) == 0)
			return &gnames[i];
	return NULL;
}

static const char *
group_label(const char *id)
{
	const struct gname *g = group(id);

	if (strcmp(id, "*") == 0)
		return T("全部社群", "all groups");
	return g != NULL && *g->name ? g->name : id;
}

/* ---- targets ---- */

/* ---- report.md ---- */

static FILE *md;

static void
mdf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
mdf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(md, fmt, ap);
	va_end(ap);
}

/* Text for a markdown table cell: no pipes or line breaks. */
static const char *
mdcell(const char *s)
{
	static char buf[4][512];
	static int k;
	char *b = buf[k++ & 3];
	size_t i = 0;

	for (; *s && i < sizeof buf[0] - 3; s++) {
		if (*s == '|') {
			b[i++] = '\\';
			b[i++] = '|';
		} else if (*s == '\n' || *s == '\r' || *s == '\t')
			b[i++] = ' ';
		else if (*s == '<')
			b[i++] = '(';	/* no HTML from data */
		else
			b[i++] = *s;
	}
	b[i] = '\0';
	return b;
}

static const char *
pct(double v)
{
	static char buf[4][32];
	static int k;
	char *b = buf[k++ & 3];

	snprintf(b, sizeof buf[0], "%.1f%%", v * 100);
	return b;
}

/* ---- gnuplot ---- */

static FILE *gp;
static int charts = 1;
static const char font[] = "WenQuanYi Micro Hei";

/* A gnuplot single-quoted string: '' escapes a quote; no line breaks. */
static void
gpq(const char *s)
{
	putc('\'', gp);
	for (; *s; s++) {
		if (*s == '\'')
			putc('\'', gp);
		putc(*s == '\n' || *s == '\r' ? ' ' : *s, gp);
	}
	putc('\'', gp);
}

/* A label in a data file: quoted, with no quote, tab or line break. */
static void
datq(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++)
		putc(*s == '"' || (unsigned char)*s < ' ' ? ' ' : *s, f);
	putc('"', f);
}

/* Start a chart: the PNG now, the SVG by replot in chart_end(). */
static void
chart_begin(const char *name, const char *title)
{
	fprintf(gp, "reset\nset encoding utf8\n"
	    "set terminal pngcairo size 960,540 font '%s,10' noenhanced\n"
	    "set output '%s.png'\nset title ", font, name);
	gpq(title);
	fputs("\nset key outside bottom center horizontal\n"
	    "set grid ytics lc rgb '#dddddd'\nset border 3\n"
	    "set tics nomirror\nset datafile separator '\\t'\n", gp);
}

static void
chart_end(const char *name)
{
	char file[64];

	fprintf(gp, "set terminal svg size 960,540 font '%s,10' noenhanced\n"
	    "set output '%s.svg'\nreplot\nset output\n", font, name);
	snprintf(file, sizeof file, "%s.png", name);
	{
		char *p = path_in(file);

		qp_tmp_register(p);
		free(p);
	}
	snprintf(file, sizeof file, "%s.svg", name);
	{
		char *p = path_in(file);

		qp_tmp_register(p);
		free(p);
	}
	mdf("\n![%s](%s.png)\n", name, name);
}

/* A path in the temporary directory as the script names it (gnuplot
 * runs there, so that no path of this run ends up in an SVG). */
#define REL(p)	((p) + strlen(tmpdir) + 1)

/* The data files the charts read; removed once gnuplot is done. */
static char *datfiles[64];
static size_t ndat;

static char *
dat_path(const char *name)
{
	char *p = path_in(name);

	if (ndat == sizeof datfiles / sizeof datfiles[0] ||
	    qp_tmp_register(p) == -1)
		qp_die("%s: too many files", p);
	datfiles[ndat++] = qp_xstrdup(p);
	return p;
}

static void
run_gnuplot(const char *script)
{
	/* Static: still reachable when a qp_die() below exits. */
	static char *log;
	char *argv[3], line[512];
	pid_t pid;
	int st, rc, devnull, logfd;
	posix_spawn_file_actions_t fa;
	FILE *f;

	log = path_in("gnuplot.log");
	/* Its chatter ("empty y range") is kept, and shown if it fails. */
	if (qp_tmp_register(log) == -1 ||
	    (logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		qp_die("%s: %s", log, strerror(errno));
	argv[0] = "gnuplot";
	argv[1] = (char *)script;
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, tmpdir);
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

/* Sort row numbers by a numeric column, descending; ties keep table order. */
static const struct tab *sort_tab;
static int sort_col;

static int
by_num_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double u = num(sort_tab->rows[x][sort_col]),
	    v = num(sort_tab->rows[y][sort_col]);

	if (u != v)
		return u > v ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
sort_rows(const struct tab *t, int c, size_t *idx, size_t n)
{
	sort_tab = t;
	sort_col = c;
	if (n > 0)	/* idx may be NULL then */
		qsort(idx, n, sizeof *idx, by_num_desc);
}

static int
by_spoke(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (spoke[x] != spoke[y])
		return spoke[x] > spoke[y] ? -1 : 1;
	return strcmp(qp_strmap_str(speakers, x), qp_strmap_str(speakers, y));
}

/* ---- sections ---- */

static long long E = NODAY;	/* the last day of the daily table */

/* Rows of a table for scope g (group_id column c), in table order. */
#define FOR_SCOPE(t, i, c, g) \
	for (i = 0; t != NULL && i < t->nrows; i++) \
		if (strcmp(t->rows[i][c], g) == 0)

static int
in_period(long long day)
{
	return day != NODAY && (from == NODAY || day >= from) &&
	    (to == NODAY || day <= to);
}

static int
week_in_period(const char *label)
{
	long long mon = parse_week(label);

	return mon != NODAY && (from == NODAY || mon + 6 >= from) &&
	    (to == NODAY || mon <= to);
}

struct kpi {
	double		 v;
	int		 has;
	char		 src[200];
};

static void
kpi_row(const char *name, const char *key, const struct kpi *k, int rate)
{
	double tg = qp_target(key);
	char val[64], tgt[64];

	if (!k->has)
		snprintf(val, sizeof val, "—");
	else if (rate)
		snprintf(val, sizeof val, "%s", pct(k->v));
	else
		snprintf(val, sizeof val, "%.1f", k->v);
	if (tg < 0)
		snprintf(tgt, sizeof tgt, "—");
	else if (rate)
		snprintf(tgt, sizeof tgt, "≥ %s", pct(tg));
	else
		snprintf(tgt, sizeof tgt, "≥ %.1f", tg);
	mdf("| %s | %s | %s | %s | %s |\n", name, val, tgt,
	    tg < 0 || !k->has ? "" : k->v >= tg ? "✓" : "✗", k->src);
}

/* Mean of a rate column over the period's rows of scope g. */
static struct kpi
mean_rate(const char *table, const char *period_col, const char *rate_col,
    const char *g, int weekly)
{
	struct tab *t = tab_find(table);
	int cp = col(t, period_col), cr = col(t, rate_col),
	    cg = col(t, "group_id");
	struct kpi k = { 0, 0, "" };
	size_t i, n = 0;

	if (cp < 0 || cr < 0 || cg < 0)
		return k;
	FOR_SCOPE(t, i, cg, g) {
		const char *p = t->rows[i][cp];

		if (!(weekly ? week_in_period(p) : in_period(parse_day(p))) ||
		    !*t->rows[i][cr])
			continue;
		k.v += num(t->rows[i][cr]);
		n++;
	}
	if (n > 0) {
		k.v /= (double)n;
		k.has = 1;
	}
	if (lang_zh)
		snprintf(k.src, sizeof k.src, "%s.csv：%zu %s的 %s 均值", table,
		    n, weekly ? "周" : "天", rate_col);
	else
		snprintf(k.src, sizeof k.src, "%s.csv: mean of %s over %zu %s",
		    table, rate_col, n, weekly ? "weeks" : "days");
	return k;
}

static struct kpi
retention_kpi(const char *variant, const char *n)
{
	struct tab *t = tab_find("retention");
	int cg = col(t, "group_id"), cc = col(t, "cohort"),
	    cv = col(t, "variant"), cn = col(t, "n"), ce = col(t, "eligible"),
	    cr = col(t, "rate");
	struct kpi k = { 0, 0, "" };
	size_t i;

	if (cr < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(t->rows[i][cc], "*") != 0 ||
		    strcmp(t->rows[i][cv], variant) != 0 ||
		    strcmp(t->rows[i][cn], n) != 0)
			continue;
		k.has = *t->rows[i][cr] != '\0';
		k.v = num(t->rows[i][cr]);
		snprintf(k.src, sizeof k.src, "retention.csv: *,*,%s,%s "
		    "(%s %s)", variant, n, T("可计", "eligible"),
		    t->rows[i][ce]);
	}
	return k;
}

/* A share of members rows of scope "*" (R21 and activation). */
static struct kpi
members_share(int which)
{
	struct tab *t = tab_find("members");
	int cg = col(t, "group_id"), cp = col(t, "paid"),
	    ca = col(t, "activated_72h"), cj = col(t, "joined");
	struct kpi k = { 0, 0, "" };
	unsigned long long a = 0, b = 0;
	size_t i;

	if (cp < 0 || ca < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		long long paid = (long long)num(t->rows[i][cp]);

		switch (which) {
		case 0:		/* paid conversion */
			b++;
			a += paid >= 1;
			break;
		case 1:		/* repurchase */
			b += paid >= 1;
			a += paid >= 2;
			break;
		default:	/* activation of joins in the period */
			if (!*t->rows[i][ca] ||
			    !in_period(parse_day(t->rows[i][cj])))
				break;
			b++;
			a += t->rows[i][ca][0] == '1';
		}
	}
	if (b > 0) {
		k.v = (double)a / (double)b;
		k.has = 1;
	}
	snprintf(k.src, sizeof k.src, "members.csv (*): %llu / %llu", a, b);
	return k;
}

static struct kpi
fission_kpi(void)
{
	struct tab *t = tab_find("fission");
	int cg = col(t, "group_id"), ci = col(t, "inviter"),
	    cn = col(t, "invitees");
	struct kpi k = { 0, 0, "" };
	unsigned long long inv = 0, invitees = 0;
	size_t i;

	if (cn < 0)
		return k;
	FOR_SCOPE(t, i, cg, "*") {
		if (strcmp(t->rows[i][ci], "*") == 0)
			invitees = (unsigned long long)num(t->rows[i][cn]);
		else
			inv++;
	}
	if (inv > 0) {
		k.v = (double)invitees / (double)inv;
		k.has = 1;
	}
	snprintf(k.src, sizeof k.src, "fission.csv (*): %llu / %llu", invitees,
	    inv);
	return k;
}

static void
section_kpis(void)
{
	struct tab *d = tab_find("daily");
	int cd = col(d, "date"), cg = col(d, "group_id"), cm = col(d, "members"),
	    cj = col(d, "joins"), cl = col(d, "leaves"), cmsg = col(d, "messages");
	unsigned long long joins = 0, leaves = 0, msgs = 0;
	const char *members = "0";
	size_t i;
	struct kpi k;
	char n30[8] = "30", n90[8] = "90", asof[16];
	static const char *const var[] = { "D", "D+", "M" };

	FOR_SCOPE(d, i, cg, "*") {
		if (!in_period(parse_day(d->rows[i][cd])))
			continue;
		joins += (unsigned long long)num(d->rows[i][cj]);
		leaves += (unsigned long long)num(d->rows[i][cl]);
		msgs += (unsigned long long)num(d->rows[i][cmsg]);
		members = d->rows[i][cm];
	}
	mdf(T("\n## 概览\n\n期末成员 **%s** 人；本期入群 %llu、退群 %llu；"
	    "消息 %llu 条（daily.csv，group_id = *）。\n",
	    "\n## Summary\n\n**%s** members at the end; %llu joined and %llu "
	    "left in the period; %llu messages (daily.csv, group_id = *).\n"),
	    members, joins, leaves, msgs);
	mdf(T("\n| 指标 | 数值 | 目标 | 达标 | 来源 |\n|---|---:|---:|:-:|---|\n",
	    "\n| metric | value | target | met | source |\n|---|---:|---:|:-:|---|\n"));
	k = mean_rate("daily", "date", "speaking_rate", "*", 0);
	kpi_row(T("日发言率", "daily speaking rate"), "speaking_rate", &k, 1);
	k = mean_rate("weekly", "week", "participation", "*", 1);
	kpi_row(T("周参与率", "weekly participation"), "participation", &k, 1);
	k = mean_rate("weekly", "week", "core_members", "*", 1);
	kpi_row(T("每周核心成员", "core members a week"), "core_members", &k, 0);
	for (i = 0; i < 3; i++) {
		char name[64];

		k = retention_kpi(var[i], n30);
		snprintf(name, sizeof name, T("30 日留存 %s", "30-day retention %s"),
		    var[i]);
		kpi_row(name, "retention_30", &k, 1);
		k = retention_kpi(var[i], n90);
		snprintf(name, sizeof name, T("90 日留存 %s", "90-day retention %s"),
		    var[i]);
		kpi_row(name, "retention_90", &k, 1);
	}
	k = members_share(2);
	kpi_row(T("72 小时激活率", "72-hour activation"), "activation_72h", &k, 1);
	k = members_share(0);
	kpi_row(T("付费转化率", "paid conversion"), "paid_conversion", &k, 1);
	k = members_share(1);
	kpi_row(T("复购率", "repurchase"), "repurchase", &k, 1);
	k = fission_kpi();
	kpi_row(T("裂变系数", "fission ratio"), "fission_ratio", &k, 0);
	mdf(T("\n留存：D = 第 N 天发言，D+ = 第 N 天及以后发言，M = 第 N 天仍在群"
	    "（retention.csv，截至 %s）。\n",
	    "\nRetention: D = spoke on day N, D+ = spoke on day N or later, "
	    "M = still a member on day N (retention.csv, as of %s).\n"),
	    E != NODAY ? (qp_day_format(asof, E), asof) : "");
	for (i = 0; i < ngnames; i++)
		if (strcmp(gnames[i].platform, "wechat") == 0) {
			mdf(T("微信导出不记录主动退群，M 留存是上限。\n",
			    "WeChat exports do not record members leaving on "
			    "their own: M retention is an upper bound.\n"));
			break;
		}
}

static void
section_activity(void)
{
	struct tab *d = tab_find("daily"), *w = tab_find("weekly");
	int cd = col(d, "date"), cg = col(d, "group_id"),
	    cm = col(d, "messages"), cs = col(d, "speakers"),
	    cr = col(d, "speaking_rate"), cj = col(d, "joins"),
	    cl = col(d, "leaves");
	size_t i, n = 0;
	FILE *f;
	char *p;

	mdf(T("\n## 活跃趋势\n", "\n## Activity\n"));
	if (!charts || d == NULL || cd < 0)
		return;
	f = fopen(p = dat_path("daily.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	FOR_SCOPE(d, i, cg, "*") {
		if (!in_period(parse_day(d->rows[i][cd])))
			continue;
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", d->rows[i][cd],
		    d->rows[i][cm], d->rows[i][cs], *d->rows[i][cr] ?
		    d->rows[i][cr] : "NaN", d->rows[i][cj], d->rows[i][cl]);
		n++;
	}
	out_close(f, "daily.dat");
	if (n == 0) {
		free(p);
		return;
	}
	chart_begin("activity", T("每日消息、发言人数与日发言率",
	    "Messages, speakers and speaking rate per day"));
	fprintf(gp, "set xdata time\nset timefmt '%%Y-%%m-%%d'\n"
	    "set format x '%%m-%%d'\nset xtics rotate by -45\n"
	    "set ytics nomirror\nset y2tics\nset y2range [0:1]\n"
	    "set y2tics ('0%%%%' 0, '20%%%%' 0.2, '40%%%%' 0.4, '60%%%%' 0.6, "
	    "'80%%%%' 0.8, '100%%%%' 1)\n"
	    "plot '%s' using 1:2 with boxes fs solid 0.5 lc rgb '#4c78a8' "
	    "title ", REL(p));
	gpq(T("消息", "messages"));
	fprintf(gp, ", '' using 1:3 with lines lw 2 lc rgb '#f58518' title ");
	gpq(T("发言人数", "speakers"));
	fprintf(gp, ", '' using 1:4 axes x1y2 with lines lw 2 lc rgb '#54a24b' "
	    "title ");
	gpq(T("日发言率", "speaking rate"));
	fprintf(gp, ", %g axes x1y2 with lines dt 2 lc rgb '#54a24b' title ",
	    qp_target("speaking_rate") >= 0 ? qp_target("speaking_rate") : 0.2);
	gpq(T("目标", "target"));
	fputs("\n", gp);
	chart_end("activity");

	if (w != NULL) {
		char *q;
		int wk = col(w, "week"), wg = col(w, "group_id"),
		    wp = col(w, "participation"), wc = col(w, "core_members");

		FILE *wf = fopen(q = dat_path("weekly.dat"), "w");
		if (wf == NULL)
			qp_die("%s: %s", q, strerror(errno));
		n = 0;
		FOR_SCOPE(w, i, wg, "*") {
			if (!week_in_period(w->rows[i][wk]))
				continue;
			datq(wf, w->rows[i][wk]);
			fprintf(wf, "\t%s\t%s\n", *w->rows[i][wp] ?
			    w->rows[i][wp] : "NaN", w->rows[i][wc]);
			n++;
		}
		out_close(wf, "weekly.dat");
		if (n > 0) {
			chart_begin("weekly", T("每周参与率与核心成员",
			    "Weekly participation and core members"));
			fprintf(gp, "set style fill solid 0.5\nset boxwidth 0.6\n"
			    "set xtics rotate by -45\nset ytics nomirror\n"
			    "set y2range [0:1]\nset y2tics ('0%%%%' 0, '25%%%%' "
			    "0.25, '50%%%%' 0.5, '75%%%%' 0.75, '100%%%%' 1)\n"
			    "plot '%s' using 0:3:xtic(1) with boxes "
			    "lc rgb '#4c78a8' title ", REL(q));
			gpq(T("核心成员", "core members"));
			fputs(", '' using 0:2 axes x1y2 with linespoints lw 2 "
			    "lc rgb '#f58518' title ", gp);
			gpq(T("周参与率", "participation"));
			fputs("\n", gp);
			chart_end("weekly");
		}
		free(q);
	}
	mdf(T("\n## 增长\n", "\n## Growth\n"));
	chart_begin("growth", T("每日入群与退群", "Joins and leaves per day"));
	fprintf(gp, "set xdata time\nset timefmt '%%Y-%%m-%%d'\n"
	    "set format x '%%m-%%d'\nset xtics rotate by -45\n"
	    "plot '%s' using 1:5 with impulses lw 3 lc rgb '#54a24b' title ", REL(p));
	gpq(T("入群", "joins"));
	fputs(", '' using 1:(-$6) with impulses lw 3 lc rgb '#e45756' title ", gp);
	gpq(T("退群（负）", "leaves (negative)"));
	fputs("\n", gp);
	chart_end("growth");
	free(p);
}

static void
section_sources(void)
{
	struct tab *t = tab_find("members");
	int cg = col(t, "group_id"), cv = col(t, "via"), cj = col(t, "joined"),
	    ci = col(t, "join_inferred");
	static const char *const vias[] = { "invite", "link", "qrcode", "added",
	    "unknown" };
	unsigned long long cnt[7] = { 0 }, all = 0;
	size_t i, k;

	if (cv < 0)
		return;
	FOR_SCOPE(t, i, cg, "*") {
		if (!in_period(parse_day(t->rows[i][cj])))
			continue;
		all++;
		if (t->rows[i][ci][0] == '1') {
			cnt[6]++;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strcmp(t->rows[i][cv], vias[k]) == 0)
				break;
		cnt[k]++;
	}
	mdf(T("\n本期新成员来源（members.csv，group_id = *，joined 在本期）：\n\n"
	    "| 来源 | 人数 | 占比 |\n|---|---:|---:|\n",
	    "\nWhere the period's new members came from (members.csv, group_id "
	    "= *, joined in the period):\n\n| via | members | share |\n"
	    "|---|---:|---:|\n"));
	for (k = 0; k < 7; k++) {
		static const char *const zh[] = { "邀请", "链接", "二维码",
		    "被拉入", "未知", "其他", "首次出现即发言（推断）" };
		static const char *const en[] = { "invitation", "link", "QR code",
		    "added", "unknown", "other", "first seen speaking (inferred)" };

		if (cnt[k] == 0)
			continue;
		mdf("| %s | %llu | %s |\n", lang_zh ? zh[k] : en[k], cnt[k],
		    pct((double)cnt[k] / (double)all));
	}
}

static void
section_retention(void)
{
	struct tab *t = tab_find("retention"), *c = tab_find("cohort");
	int cg = col(t, "group_id"), cc = col(t, "cohort"), cv = col(t, "variant"),
	    cn = col(t, "n"), ce = col(t, "eligible"), cr = col(t, "rate"),
	    crt = col(t, "retained");
	size_t i;
	FILE *f;
	char *p;

	mdf(T("\n## 留存\n\n| 口径 | N | 可计 | 留存 | 留存率 |\n"
	    "|---|---:|---:|---:|---:|\n",
	    "\n## Retention\n\n| variant | N | eligible | retained | rate |\n"
	    "|---|---:|---:|---:|---:|\n"));
	FOR_SCOPE(t, i, cg, "*")
		if (strcmp(t->rows[i][cc], "*") == 0)
			mdf("| %s | %s | %s | %s | %s |\n", t->rows[i][cv],
			    t->rows[i][cn], t->rows[i][ce], t->rows[i][crt],
			    *t->rows[i][cr] ? pct(num(t->rows[i][cr])) : "—");
	if (!charts || t == NULL)
		return;
	f = fopen(p = dat_path("retention.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	{
		static const char *const var[] = { "D", "D+", "M" };
		size_t v;

		for (v = 0; v < 3; v++) {
			FOR_SCOPE(t, i, cg, "*")
				if (strcmp(t->rows[i][cc], "*") == 0 &&
				    strcmp(t->rows[i][cv], var[v]) == 0)
					fprintf(f, "%s\t%s\n", t->rows[i][cn],
					    *t->rows[i][cr] ? t->rows[i][cr] : "NaN");
			fputs("\n\n", f);
		}
	}
	out_close(f, "retention.dat");
	chart_begin("retention", T("N 日留存（全部入群队列）",
	    "N-day retention (all join cohorts)"));
	fprintf(gp, "set yrange [0:1]\nset logscale x\nset xlabel 'N'\n"
	    "set ytics ('0%%%%' 0, '20%%%%' 0.2, '40%%%%' 0.4, '60%%%%' 0.6, "
	    "'80%%%%' 0.8, '100%%%%' 1)\n"
	    "plot '%s' index 0 using 1:2 with linespoints lw 2 title 'D', "
	    "'' index 1 using 1:2 with linespoints lw 2 title 'D+', "
	    "'' index 2 using 1:2 with linespoints lw 2 title 'M', "
	    "%g with lines dt 2 lc rgb '#888888' title ", REL(p),
	    qp_target("retention_30") >= 0 ? qp_target("retention_30") : 0.6);
	gpq(T("30 日目标", "30-day target"));
	fputs("\n", gp);
	chart_end("retention");
	free(p);

	/* The cohort heatmap: the last 16 cohorts of "*". */
	{
		int kg = col(c, "group_id"), kc = col(c, "cohort"),
		    ko = col(c, "offset"), kr = col(c, "rate");
		char **labels = NULL;
		size_t nl = 0, first = 0, j;

		if (kr < 0)
			return;
		FOR_SCOPE(c, i, kg, "*")
			if (nl == 0 || strcmp(labels[nl - 1], c->rows[i][kc]) != 0) {
				labels = qp_xrealloc(labels, nl + 1, sizeof *labels);
				labels[nl++] = c->rows[i][kc];
			}
		if (nl == 0) {
			free(labels);
			return;
		}
		if (nl > 16)
			first = nl - 16;
		f = fopen(p = dat_path("cohort.dat"), "w");
		if (f == NULL)
			qp_die("%s: %s", p, strerror(errno));
		FOR_SCOPE(c, i, kg, "*") {
			for (j = first; j < nl; j++)
				if (strcmp(labels[j], c->rows[i][kc]) == 0)
					break;
			if (j == nl || num(c->rows[i][ko]) > 26)
				continue;
			fprintf(f, "%s\t%zu\t%s\n", c->rows[i][ko], j - first,
			    *c->rows[i][kr] ? c->rows[i][kr] : "NaN");
		}
		out_close(f, "cohort.dat");
		chart_begin("cohort", T("入群队列：各期发言成员占比",
		    "Join cohorts: share who spoke in each later period"));
		fputs("set cbrange [0:1]\nset palette defined (0 '#f7fbff', "
		    "0.5 '#6baed6', 1 '#08306b')\nset xlabel ", gp);
		gpq(T("入群后第几期", "periods after joining"));
		fputs("\nset ytics (", gp);
		for (j = first; j < nl; j++) {
			if (j > first)
				fputs(", ", gp);
			gpq(labels[j]);
			fprintf(gp, " %zu", j - first);
		}
		fprintf(gp, ")\nset yrange [%zu.5:-0.5]\n"
		    "set xrange [-0.5:*]\nunset key\nplot '%s' using 1:2:(0.5):"
		    "(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette\n",
		    nl - first - 1, REL(p));
		chart_end("cohort");
		free(labels);
		free(p);
	}
}

static void
section_funnel(void)
{
	struct tab *t = tab_find("funnel"), *fi = tab_find("fission");
	int cg = col(t, "group_id"), cc = col(t, "cohort"), cn = col(t, "name"),
	    cr = col(t, "reached"), cp = col(t, "conv_prev"),
	    cf = col(t, "conv_first"), cm = col(t, "median_s");
	size_t i, n = 0;
	FILE *f = NULL;
	char *p = NULL;

	if (cr < 0)
		return;
	mdf(T("\n## 转化漏斗\n\n| 步骤 | 到达 | 上一步转化 | 总转化 | 中位用时 |\n"
	    "|---|---:|---:|---:|---:|\n",
	    "\n## Funnel\n\n| step | reached | from previous | from first | "
	    "median time |\n|---|---:|---:|---:|---:|\n"));
	if (charts && (f = fopen(p = dat_path("funnel.dat"), "w")) == NULL)
		qp_die("%s: %s", p, strerror(errno));
	FOR_SCOPE(t, i, cg, "*") {
		double s = num(t->rows[i][cm]);
		char med[32] = "";

		if (strcmp(t->rows[i][cc], "*") != 0)
			continue;
		if (*t->rows[i][cm])
			snprintf(med, sizeof med, s >= 86400 ? "%.1f d" :
			    s >= 3600 ? "%.1f h" : "%.0f min", s >= 86400 ?
			    s / 86400 : s >= 3600 ? s / 3600 : s / 60);
		mdf("| %s | %s | %s | %s | %s |\n", mdcell(t->rows[i][cn]),
		    t->rows[i][cr], *t->rows[i][cp] ? pct(num(t->rows[i][cp])) :
		    "—", *t->rows[i][cf] ? pct(num(t->rows[i][cf])) : "—", med);
		if (f != NULL) {
			datq(f, t->rows[i][cn]);
			fprintf(f, "\t%s\t%s\n", t->rows[i][cr],
			    *t->rows[i][cf] ? t->rows[i][cf] : "0");
		}
		n++;
	}
	if (f != NULL) {
		out_close(f, "funnel.dat");
		if (n > 0) {
			chart_begin("funnel", T("转化漏斗（全部社群）",
			    "Funnel (all groups)"));
			fprintf(gp, "set style fill solid 0.6\nset boxwidth 0.6\n"
			    "set yrange [0:*]\nunset key\n"
			    "plot '%s' using 0:2:xtic(1) with boxes lc rgb "
			    "'#4c78a8', '' using 0:2:(sprintf('%%.1f%%%%', "
			    "$3 * 100)) with labels offset 0,1\n", REL(p));
			chart_end("funnel");
		}
		free(p);
	}
	/* fission: the top inviters of "*" */
	{
		int fg = col(fi, "group_id"), fin = col(fi, "inviter"),
		    fn = col(fi, "invitees"), fa = col(fi, "activated_72h"),
		    fr = col(fi, "retained_30d");
		size_t *idx = NULL, ni = 0, j, k;
		struct tab *m = tab_find("members");
		int mg = col(m, "group_id"), mu = col(m, "user_id"),
		    mn = col(m, "user");

		if (fn < 0)
			return;
		FOR_SCOPE(fi, i, fg, "*")
			if (strcmp(fi->rows[i][fin], "*") != 0) {
				idx = qp_xrealloc(idx, ni + 1, sizeof *idx);
				idx[ni++] = i;
			}
		/* by invitees, then as the table has them (by inviter) */
		sort_rows(fi, fn, idx, ni);
		mdf(T("\n## 裂变\n\n| 邀请人 | 邀请 | 72 小时激活 | 30 天留存 |\n"
		    "|---|---:|---:|---:|\n",
		    "\n## Fission\n\n| inviter | invitees | active in 72 h | "
		    "still in after 30 days |\n|---|---:|---:|---:|\n"));
		for (j = 0; j < ni && j < 10; j++) {
			const char *id = fi->rows[idx[j]][fin], *name = id;

			FOR_SCOPE(m, k, mg, "*")
				if (strcmp(m->rows[k][mu], id) == 0 &&
				    *m->rows[k][mn])
					name = m->rows[k][mn];
			mdf("| %s | %s | %s | %s |\n", mdcell(name),
			    fi->rows[idx[j]][fn], fi->rows[idx[j]][fa],
			    fi->rows[idx[j]][fr]);
		}
		free(idx);
	}
}

/*
 * How the community's members moved between tiers since the stream given
 * by --previous: its members table (group_id *) against this one's.
 */
static void
tier_change(const struct tab *m)
{
	static const char *const tiers[] = { "VIP", "core", "ordinary" };
	unsigned long long cnt[5][5] = { { 0 } };	/* from x to */
	struct qp_strmap *ids;
	unsigned char *was = NULL;	/* user number -> tier + 1, 4: left */
	size_t i, j, cap = 0;
	const char *err;
	struct qp_in *in;
	int rc, pg = -1, pu = -1, pt = -1, pl = -1, in_members = 0, mg, mu,
	    mt, ml;

	if ((ids = qp_strmap_new()) == NULL ||
	    (in = qp_in_open(&previous, 1, &err)) == NULL)
		qp_die("--previous: %s", ids == NULL ? "out of memory" : err);
	while ((rc = qp_in_next(in)) > 0) {
		const struct qp_row *r = qp_in_row(in);
		long u;

		if (rc == QP_TABLE) {
			in_members = strcmp(qp_in_table(in)->name, "members") == 0;
			if (in_members) {
				pg = qp_cli_col(in, "members", "group_id");
				pu = qp_cli_col(in, "members", "user_id");
				pt = qp_cli_col(in, "members", "tier");
				pl = qp_cli_col(in, "members", "left");
			}
			continue;
		}
		if (!in_members || strcmp(r->f[pg].s, "*") != 0)
			continue;
		if ((u = qp_strmap_add(ids, r->f[pu].s, r->f[pu].len)) < 0)
			qp_die("out of memory");
		if ((size_t)u >= cap) {
			cap = cap ? cap * 2 : 1024;
			was = qp_xrealloc(was, cap, 1);
		}
		was[u] = 4;
		for (j = 0; j < 3 && r->f[pl].len == 0; j++)
			if (strcmp(r->f[pt].s, tiers[j]) == 0)
				was[u] = (unsigned char)(j + 1);
	}
	if (rc < 0)
		qp_die("--previous: %s", qp_in_error(in));
	qp_in_close(in);
	mg = col(m, "group_id");
	mu = col(m, "user_id");
	mt = col(m, "tier");
	ml = col(m, "left");
	FOR_SCOPE(m, i, mg, "*") {
		long u = qp_strmap_find(ids, m->rows[i][mu], strlen(m->rows[i][mu]));
		size_t before = u < 0 ? 0 : was[u], now = 4;

		for (j = 0; j < 3 && !*m->rows[i][ml]; j++)
			if (strcmp(m->rows[i][mt], tiers[j]) == 0)
				now = j + 1;
		cnt[before][now]++;
	}
	mdf(T("\n### 分层变化（与 %s 相比）\n\n| 之前 \\ 现在 | VIP | 核心 | 普通 | 已离开 |\n"
	    "|---|---:|---:|---:|---:|\n",
	    "\n### Tier changes (since %s)\n\n| before \\ now | VIP | core | "
	    "ordinary | left |\n|---|---:|---:|---:|---:|\n"), mdcell(previous));
	for (i = 0; i < 5; i++) {
		static const char *const zh[] = { "新成员", "VIP", "核心", "普通",
		    "已离开" };
		static const char *const en[] = { "new", "VIP", "core",
		    "ordinary", "left" };

		if (i == 4 && cnt[4][1] + cnt[4][2] + cnt[4][3] + cnt[4][4] == 0)
			continue;
		mdf("| %s | %llu | %llu | %llu | %llu |\n", lang_zh ? zh[i] : en[i],
		    cnt[i][1], cnt[i][2], cnt[i][3], cnt[i][4]);
	}
	free(was);
	qp_strmap_free(ids);
}

/* A list's table header, written before its first row, if it has one. */
static const char *pending;

static int
row_begin(void)
{
	if (pending != NULL)
		mdf("%s", pending);
	pending = NULL;
	return 1;
}

static void
list_end(void)
{
	if (pending != NULL)
		mdf("%s", T("\n无。\n", "\nNone.\n"));
	pending = NULL;
}

static const char *
member_name(const struct tab *m, size_t r)
{
	const char *n = m->rows[r][col(m, "user")];

	return *n ? n : m->rows[r][col(m, "user_id")];
}

static void
section_members(void)
{
	struct tab *m = tab_find("members");
	int cg = col(m, "group_id"), ct = col(m, "tier"), cl = col(m, "left"),
	    clk = col(m, "lurker"), car = col(m, "at_risk"),
	    cj = col(m, "joined"), ca = col(m, "activated_72h"),
	    clm = col(m, "last_message"), cu = col(m, "user_id"),
	    cmsg = col(m, "messages");
	unsigned long long vip = 0, core = 0, ord = 0, lurk = 0;
	size_t i, n;

	if (ct < 0)
		return;
	FOR_SCOPE(m, i, cg, "*") {
		if (*m->rows[i][cl])
			continue;
		vip += strcmp(m->rows[i][ct], "VIP") == 0;
		core += strcmp(m->rows[i][ct], "core") == 0;
		ord += strcmp(m->rows[i][ct], "ordinary") == 0;
		lurk += m->rows[i][clk][0] == '1';
	}
	mdf(T("\n## 成员分层\n\n在群成员（members.csv，group_id = *，left 为空）："
	    "VIP %llu，核心 %llu，普通 %llu；其中潜水 %llu。\n",
	    "\n## Member tiers\n\nMembers still in (members.csv, group_id = *, "
	    "left empty): VIP %llu, core %llu, ordinary %llu; lurkers %llu.\n"),
	    vip, core, ord, lurk);

	if (previous != NULL)
		tier_change(m);

	/* top contributors of the period, from the events */
	if (speakers != NULL && qp_strmap_count(speakers) > 0) {
		size_t ns = qp_strmap_count(speakers), *ord2 = qp_xcalloc(ns,
		    sizeof *ord2), j, k;
		for (j = 0; j < ns; j++)
			ord2[j] = j;
		qsort(ord2, ns, sizeof *ord2, by_spoke);
		mdf(T("\n### 活跃之星（本期消息最多，来自 events）\n\n"
		    "| 成员 | 本期消息 |\n|---|---:|\n",
		    "\n### Top contributors (most messages in the period, from "
		    "events)\n\n| member | messages |\n|---|---:|\n"));
		for (j = 0; j < ns && j < 10; j++) {
			const char *id = qp_strmap_str(speakers, ord2[j]), *name = id;

			FOR_SCOPE(m, k, cg, "*")
				if (strcmp(m->rows[k][cu], id) == 0) {
					name = member_name(m, k);
					break;
				}
			mdf("| %s | %llu |\n", mdcell(name), spoke[ord2[j]]);
		}
		free(ord2);
	}

	/* the operator's to-do lists, per group */
	mdf(T("\n## 待办\n", "\n## To do\n"));
	mdf(T("\n### 入群超过 72 小时仍未发言（去提醒）\n",
	    "\n### Joined over 72 hours ago and not yet active (remind them)\n"));
	pending = T("\n| 群 | 成员 | 入群 |\n|---|---|---|\n",
	    "\n| group | member | joined |\n|---|---|---|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		long long j = parse_day(m->rows[i][cj]);

		if (strcmp(m->rows[i][cg], "*") == 0 || *m->rows[i][cl] ||
		    m->rows[i][ca][0] != '0' || !in_period(j) || j + 3 > E ||
		    num(m->rows[i][cmsg]) > 0)
			continue;
		if (n++ < LIST && row_begin())
			mdf("| %s | %s | %s |\n", mdcell(group_label(m->rows[i][cg])),
			    mdcell(member_name(m, i)), m->rows[i][cj]);
	}
	list_end();
	if (n > LIST)
		mdf(T("\n…还有 %zu 人（members.csv）\n", "\n… and %zu more "
		    "(members.csv)\n"), n - LIST);
	mdf(T("\n### 核心成员沉默 14 天（流失风险）\n",
	    "\n### Core members silent for 14 days (at risk)\n"));
	pending = T("\n| 群 | 成员 | 分层 | 最后发言 |\n|---|---|---|---|\n",
	    "\n| group | member | tier | last spoke |\n|---|---|---|---|\n");
	n = 0;
	for (i = 0; m != NULL && i < m->nrows; i++) {
		if (strcmp(m->rows[i][cg], "*") == 0 || m->rows[i][car][0] != '1')
			continue;
		if (n++ < LIST && row_begin())
			mdf("| %s | %s | %s | %s |\n",
			    mdcell(group_label(m->rows[i][cg])),
			    mdcell(member_name(m, i)), m->rows[i][ct],
			    *m->rows[i][clm] ? m->rows[i][clm] : "—");
	}
	list_end();
	if (n > LIST)
		mdf(T("\n…还有 %zu 人（members.csv）\n", "\n… and %zu more "
		    "(members.csv)\n"), n - LIST);
	mdf(T("\n### 潜水成员（入群 7 天以上从未发言）\n",
	    "\n### Lurkers (members for 7 days who never spoke)\n"));
	pending = T("\n| 群 | 人数 |\n|---|---:|\n",
	    "\n| group | lurkers |\n|---|---:|\n");
	for (i = 0; m != NULL && i < m->nrows; ) {
		const char *g = m->rows[i][cg];
		unsigned long long c = 0;

		for (; i < m->nrows && strcmp(m->rows[i][cg], g) == 0; i++)
			c += m->rows[i][clk][0] == '1' && !*m->rows[i][cl];
		if (strcmp(g, "*") != 0 && c > 0 && row_begin())
			mdf("| %s | %llu |\n", mdcell(group_label(g)), c);
	}
	list_end();
	/* anniversaries in the month after the period */
	if (E != NODAY) {
		long long end = to != NODAY ? to : E, lo = end + 1;
		int y;
		unsigned mo, d;
		long long hi;
		static const int ms[] = { 30, 90, 365 };

		qp_civil_from_days(end, &y, &mo, &d);
		hi = qp_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1,
		    1) - 1;
		{
			int y2;
			unsigned m2, d2;

			qp_civil_from_days(hi + 1, &y2, &m2, &d2);
			hi = qp_days_from_civil(m2 == 12 ? y2 + 1 : y2,
			    m2 == 12 ? 1 : m2 + 1, 1) - 1;
		}
		mdf(T("\n### 下期入群纪念日（30 天 / 90 天 / 1 年）\n",
		    "\n### Anniversaries next period (1 month, 3 months, 1 year)\n"));
		pending = T("\n| 群 | 成员 | 纪念 | 日期 |\n|---|---|---|---|\n",
		    "\n| group | member | milestone | date |\n|---|---|---|---|\n");
		n = 0;
		for (i = 0; m != NULL && i < m->nrows; i++) {
			long long j = parse_day(m->rows[i][cj]);
			size_t k;

			if (strcmp(m->rows[i][cg], "*") == 0 || *m->rows[i][cl] ||
			    j == NODAY)
				continue;
			for (k = 0; k < 3; k++) {
				char date[16];

				if (j + ms[k] < lo || j + ms[k] > hi)
					continue;
				if (n++ >= LIST || !row_begin())
					continue;
				qp_day_format(date, j + ms[k]);
				mdf("| %s | %s | %s | %s |\n",
				    mdcell(group_label(m->rows[i][cg])),
				    mdcell(member_name(m, i)), ms[k] == 30 ?
				    T("1 个月", "1 month") : ms[k] == 90 ?
				    T("3 个月", "3 months") : T("1 年", "1 year"),
				    date);
			}
		}
		list_end();
		if (n > LIST)
			mdf(T("\n…还有 %zu 个（members.csv）\n", "\n… and %zu more "
			    "(members.csv)\n"), n - LIST);
	}
}

static void
section_hours(void)
{
	FILE *f;
	char *p;
	int d, h;
	unsigned long long total = 0;

	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++)
			total += hours[d][h];
	if (!charts || total == 0)
		return;
	mdf(T("\n## 发言时段\n", "\n## When people talk\n"));
	f = fopen(p = dat_path("hours.dat"), "w");
	if (f == NULL)
		qp_die("%s: %s", p, strerror(errno));
	for (d = 0; d < 7; d++)
		for (h = 0; h < 24; h++)
			fprintf(f, "%d\t%d\t%llu\n", h, d, hours[d][h]);
	out_close(f, "hours.dat");
	chart_begin("hours", T("各时段消息数（按星期与小时）",
	    "Messages by weekday and hour"));
	fputs("set palette defined (0 '#ffffff', 1 '#fdae61', 2 '#d7191c')\n"
	    "set xrange [-0.5:23.5]\nset yrange [6.5:-0.5]\n"
	    "set xtics 0,2,23\nunset key\nset ytics (", gp);
	for (d = 0; d < 7; d++) {
		static const char *const zh[] = { "周一", "周二", "周三", "周四",
		    "周五", "周六", "周日" };
		static const char *const en[] = { "Mon", "Tue", "Wed", "Thu",
		    "Fri", "Sat", "Sun" };

		if (d > 0)
			fputs(", ", gp);
		gpq(lang_zh ? zh[d] : en[d]);
		fprintf(gp, " %d", d);
	}
	fprintf(gp, ")\nset xlabel ");
	gpq(T("小时", "hour"));
	fprintf(gp, "\nplot '%s' using 1:2:3 with image\n", REL(p));
	chart_end("hours");
	free(p);
}

static void
section_health(void)
{
	struct tab *h = tab_find("health"), *d = tab_find("daily");
	int hg = col(h, "group_id"), hd = col(h, "decay_7d"),
	    hs = col(h, "top_share"), hc = col(h, "top_churn"),
	    hdead = col(h, "dead_since"), hm = col(h, "messages"),
	    hp = col(h, "reply_pairs"), dg = col(d, "group_id"),
	    dm = col(d, "members"), dd = col(d, "date"), dmsg = col(d, "messages");
	size_t i, j, nw = 0;
	char **warn = NULL;

	if (hg < 0)
		return;
	mdf(T("\n## 社群健康\n\n| 群 | 成员 | 本期消息 | 第 8–30 天 / 前 7 天 | "
	    "头部占比 | 头部流失 | 沉寂自 | 回复对 |\n"
	    "|---|---:|---:|---:|---:|---:|---|---:|\n",
	    "\n## Group health\n\n| group | members | messages in period | "
	    "days 8–30 vs 1–7 | top share | top churn | silent since | reply "
	    "pairs |\n|---|---:|---:|---:|---:|---:|---|---:|\n"));
	for (i = 0; i < h->nrows; i++) {
		const char *g = h->rows[i][hg], *members = "0";
		unsigned long long msgs = 0;
		const struct gname *gn = group(g);
		char *w;

		FOR_SCOPE(d, j, dg, g) {
			members = d->rows[j][dm];
			if (in_period(parse_day(d->rows[j][dd])))
				msgs += (unsigned long long)num(d->rows[j][dmsg]);
		}
		mdf("| %s | %s | %llu | %s | %s | %s | %s | %s |\n",
		    mdcell(group_label(g)), members, msgs,
		    *h->rows[i][hd] ? h->rows[i][hd] : "—",
		    *h->rows[i][hs] ? pct(num(h->rows[i][hs])) : "—",
		    *h->rows[i][hc] ? pct(num(h->rows[i][hc])) : "—",
		    *h->rows[i][hdead] ? h->rows[i][hdead] : "—", h->rows[i][hp]);
		if (strcmp(g, "*") == 0)
			continue;
#define WARN(...) do { \
	if (asprintf(&w, __VA_ARGS__) == -1) qp_die("out of memory"); \
	warn = qp_xrealloc(warn, nw + 1, sizeof *warn); warn[nw++] = w; \
} while (0)
		if (*h->rows[i][hd] && num(h->rows[i][hd]) < 0.5)
			WARN(T("**%s**：第一周后消息量掉到 %s（第 8–30 天日均 ÷ 前 7 天日均），"
			    "典型的“热闹一周就沉寂”。", "**%s**: after the first week "
			    "messages fell to %s of their level (mean of days 8–30 ÷ "
			    "days 1–7): loud for a week, then quiet."),
			    mdcell(group_label(g)), pct(num(h->rows[i][hd])));
		if (*h->rows[i][hs] && num(h->rows[i][hs]) > 0.5)
			WARN(T("**%s**：一个人发了 %s 的消息，一言堂。",
			    "**%s**: one member sent %s of the messages: one voice "
			    "dominates."), mdcell(group_label(g)),
			    pct(num(h->rows[i][hs])));
		if (*h->rows[i][hc] && num(h->rows[i][hc]) >= 0.5 &&
		    num(h->rows[i][hm]) > 0)
			WARN(T("**%s**：最活跃的 10%% 成员中 %s 已离开或沉默 14 天。",
			    "**%s**: %s of the top 10%% of speakers have left or "
			    "been silent for 14 days."), mdcell(group_label(g)),
			    pct(num(h->rows[i][hc])));
		if (*h->rows[i][hdead])
			WARN(T("**%s**：自 %s 起无人发言。", "**%s**: nobody has "
			    "spoken since %s."), mdcell(group_label(g)),
			    h->rows[i][hdead]);
		if (gn != NULL && strcmp(gn->platform, "wechat") == 0 &&
		    num(members) >= 450)
			WARN(T("**%s**：%s 人，接近微信群 500 人上限。", "**%s**: "
			    "%s members, near WeChat's cap of 500."),
			    mdcell(group_label(g)), members);
		else if (num(members) > 200)
			WARN(T("**%s**：%s 人，超过社群手册建议的 200 人。",
			    "**%s**: %s members, past the 200 that community "
			    "handbooks advise."), mdcell(group_label(g)), members);
#undef WARN
	}
	if (nw > 0) {
		mdf(T("\n### 预警\n\n", "\n### Warnings\n\n"));
		for (i = 0; i < nw; i++) {
			mdf("- %s\n", warn[i]);
			free(warn[i]);
		}
	}
	free(warn);

	/* lifecycle: messages per day since each of the 8 largest groups began */
	if (!charts || d == NULL)
		return;
	{
		size_t *big = NULL, nb = 0, k;
		FILE *f;
		char *p;

		for (i = 0; i < h->nrows; i++) {
			if (strcmp(h->rows[i][hg], "*") == 0)
				continue;
			big = qp_xrealloc(big, nb + 1, sizeof *big);
			big[nb++] = i;
		}
		sort_rows(h, hm, big, nb);
		if (nb > 8)
			nb = 8;
		if (nb == 0) {
			free(big);
			return;
		}
		f = fopen(p = dat_path("lifecycle.dat"), "w");
		if (f == NULL)
			qp_die("%s: %s", p, strerror(errno));
		for (k = 0; k < nb; k++) {
			const char *g = h->rows[big[k]][hg];
			long long first = NODAY;

			FOR_SCOPE(d, j, dg, g) {
				long long day = parse_day(d->rows[j][dd]);

				if (first == NODAY)
					first = day;
				if (day - first > 90)
					break;
				fprintf(f, "%lld\t%s\n", day - first + 1,
				    d->rows[j][dmsg]);
			}
			fputs("\n\n", f);
		}
		out_close(f, "lifecycle.dat");
		chart_begin("lifecycle", T("生命周期：建群后每天的消息数（前 90 天）",
		    "Lifecycle: messages per day since each group began (90 days)"));
		fputs("set xlabel ", gp);
		gpq(T("第几天", "day"));
		fputs("\nset key outside right top vertical\nplot ", gp);
		for (k = 0; k < nb; k++) {
			fprintf(gp, "%s'%s' index %zu using 1:2 with lines lw 2 title ",
			    k ? ", " : "", REL(p), k);
			gpq(group_label(h->rows[big[k]][hg]));
		}
		fputs("\n", gp);
		chart_end("lifecycle");
		free(big);
		free(p);
	}
}

static void
section_provenance(const struct qp_in *in)
{
	FILE *f = out_file("provenance.txt");
	struct tab *s = tab_find("sources");
	size_t i, j;

	mdf(T("\n## 数据来源\n\n", "\n## Provenance\n\n"));
	for (i = 0; i < qp_in_nstages(in); i++) {
		const struct qp_row *r = qp_in_stage(in, i);

		mdf("- `");
		for (j = 2; j < r->n; j++) {
			if (j == 3)
				continue;	/* the version */
			fprintf(f, "%s%s", j > 2 ? " " : "", r->f[j].s);
			mdf("%s%s", j > 2 ? " " : "", mdcell(r->f[j].s));
		}
		fprintf(f, "\t(%s)\n", r->n > 3 ? r->f[3].s : "");
		mdf("`\n");
	}
	if (s != NULL) {
		int ci = col(s, "input"), cf = col(s, "format"), cm = col(s, "messages");

		fputs("\nexports read:\n", f);
		mdf(T("\n读取的导出文件：\n\n| 文件 | 格式 | 消息 |\n|---|---|---:|\n",
		    "\nExports read:\n\n| file | format | messages |\n|---|---|---:|\n"));
		for (i = 0; i < s->nrows; i++) {
			fprintf(f, "%s\t%s\t%s\n", cell(s, i, ci), cell(s, i, cf),
			    cell(s, i, cm));
			mdf("| %s | %s | %s |\n", mdcell(cell(s, i, ci)),
			    cell(s, i, cf), cell(s, i, cm));
		}
	}
	out_close(f, "provenance.txt");
	mdf(T("\n每个表都在本目录下的 NAME.csv 中；报告中的每个数字都注明了来源表。\n",
	    "\nEvery table is in NAME.csv in this directory; each figure above "
	    "names the table it comes from.\n"));
}

/* ---- main ---- */

/* A row in one allocation: its field pointers, then the strings. */
static void
store_row(struct tab *t, const struct qp_row *r)
{
	char **v, *p;
	size_t i, len = 0;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->rows = qp_xrealloc(t->rows, t->cap, sizeof *t->rows);
	}
	for (i = 0; i < t->ncol; i++)
		len += r->f[i].len + 1;
	v = qp_xrealloc(NULL, 1, t->ncol * sizeof *v + len);
	p = (char *)(v + t->ncol);
	for (i = 0; i < t->ncol; i++) {
		v[i] = p;
		memcpy(p, r->f[i].s, r->f[i].len + 1);
		p += r->f[i].len + 1;
	}
	t->rows[t->nrows++] = v;
}

/* The tables the report reads; the others go straight to NAME.csv. */
static int
kept(const char *name)
{
	static const char *const k[] = { "daily", "weekly", "members",
	    "retention", "cohort", "health", "funnel", "fission", "sources",
	    "targets" };
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strcmp(k[i], name) == 0)
			return 1;
	return 0;
}

/* Groups with a daily row in the period. */
static size_t
active_groups(void)
{
	struct tab *d = tab_find("daily");
	int cd = col(d, "date"), cg = col(d, "group_id");
	const char *last = NULL;
	size_t i, n = 0;

	for (i = 0; i < d->nrows; i++) {
		const char *g = d->rows[i][cg];

		if (strcmp(g, "*") == 0 || !in_period(parse_day(d->rows[i][cd])) ||
		    (last != NULL && strcmp(last, g) == 0))
			continue;
		last = g;
		n++;
	}
	return n;
}

/* zh when most named members have a CJK character in their name. */
static int
guess_zh(void)
{
	struct tab *m = tab_find("members");
	int cu = col(m, "user");
	size_t i, named = 0, cjk = 0;

	if (cu < 0)
		return 0;
	for (i = 0; i < m->nrows; i++) {
		const unsigned char *s = (const unsigned char *)m->rows[i][cu];

		if (!*s)
			continue;
		named++;
		for (; *s; s++)
			if (s[0] >= 0xe4 && s[0] <= 0xe9 && s[1] >= 0x80) {
				cjk++;	/* U+4E00..U+9FFF */
				break;
			}
	}
	return named > 0 && cjk * 2 > named;
}

int
main(int argc, char **argv)
{
	struct qp_common com;
	struct qp_in *in;
	const struct qp_table *t;
	const struct qp_row *r;
	struct tab *cur = NULL;
	struct qp_strmap *seen;
	FILE *pass = NULL, *f;
	char passname[300];
	const char *zone = NULL, *lang = NULL, *err, *targets_file = NULL;
	int ch, rc, ec[6], want_events = 0, in_events = 0;
	char *script = NULL;
	size_t i, j;

	qp_cli_init("qp-report", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		switch (ch) {
		case OPT_LANG:
			if (strcmp(optarg, "zh") != 0 && strcmp(optarg, "en") != 0)
				qp_usage_error("--lang: want zh or en, not '%s'",
				    optarg);
			lang = optarg;
			break;
		case OPT_TZ:
			zone = optarg;
			break;
		case OPT_PERIOD: {
			char buf[16];

			snprintf(buf, sizeof buf, "%.7s-01", optarg);
			if (strlen(optarg) != 7 || (from = parse_day(buf)) == NODAY)
				qp_usage_error("--period: want a month YYYY-MM, "
				    "not '%s'", optarg);
			{
				int y;
				unsigned m, d;

				qp_civil_from_days(from, &y, &m, &d);
				to = qp_days_from_civil(m == 12 ? y + 1 : y,
				    m == 12 ? 1 : m + 1, 1) - 1;
			}
			break;
		}
		case OPT_FROM:
			if ((from = parse_day(optarg)) == NODAY)
				qp_usage_error("--from: want a date YYYY-MM-DD, "
				    "not '%s'", optarg);
			break;
		case OPT_TO:
			if ((to = parse_day(optarg)) == NODAY)
				qp_usage_error("--to: want a date YYYY-MM-DD, not "
				    "'%s'", optarg);
			break;
		case OPT_TARGETS:
			targets_file = optarg;	/* over the stream's, below */
			break;
		case OPT_NOCHARTS:
			charts = 0;
			break;
		case OPT_PREVIOUS:
			previous = optarg;
			break;
		case OPT_EVENTS:
			want_events = 1;
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	if (com.out == NULL)
		qp_usage_error("-o DIR is required");
	if (from != NODAY && to != NODAY && from > to)
		qp_usage_error("--from is after --to");
	tz = qp_cli_tz(zone, NULL, com.quiet);
	outdir = qp_xstrdup(com.out);
	while (strlen(outdir) > 1 && outdir[strlen(outdir) - 1] == '/')
		outdir[strlen(outdir) - 1] = '\0';
	tmpdir = qp_cli_dir_begin(outdir);
	if ((speakers = qp_strmap_new()) == NULL ||
	    (seen = qp_strmap_new()) == NULL)
		qp_die("out of memory");

	if ((in = qp_in_open((const char *const *)argv + optind,
	    (size_t)(argc - optind), &err)) == NULL)
		qp_die("%s", err);
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if (rc == QP_TABLE) {
			char **h;

			t = qp_in_table(in);
			if (pass != NULL) {
				out_close(pass, passname);
				pass = NULL;
			}
			cur = NULL;
			in_events = strcmp(t->name, "events") == 0;
			if (in_events) {
				static const char *const names[] = { "ts",
				    "group_id", "group", "platform", "user_id",
				    "kind" };

				for (i = 0; i < 6; i++)
					ec[i] = qp_in_col(in, names[i]);
				if (ec[0] < 0)
					qp_die("events: needs a ts column");
			}
			if (qp_strmap_find(seen, t->name, strlen(t->name)) >= 0)
				qp_die("%s: table %s twice (one stream at a time)",
				    qp_in_name(in), t->name);
			if (qp_strmap_add(seen, t->name, strlen(t->name)) < 0)
				qp_die("out of memory");
			h = qp_xrealloc(NULL, r->n, sizeof *h);
			for (i = 0; i < r->n; i++)
				h[i] = (char *)r->f[i].s;
			if (!kept(t->name)) {
				/* written as it comes: events only when asked */
				if (!in_events || want_events) {
					snprintf(passname, sizeof passname, "%s.csv",
					    t->name);
					pass = csv_open(t->name, h, r->n);
				}
				free(h);
				continue;
			}
			free(h);
			cur = qp_xcalloc(1, sizeof *cur);
			cur->name = qp_xstrdup(t->name);
			cur->ncol = r->n;
			cur->hdr = qp_xrealloc(NULL, r->n, sizeof *cur->hdr);
			for (i = 0; i < r->n; i++)
				cur->hdr[i] = qp_xstrdup(r->f[i].s);
			cur->next = tabs;
			tabs = cur;
			continue;
		}
		if (cur != NULL)
			store_row(cur, r);
		else {
			if (in_events)
				events_row(r, ec);
			if (pass != NULL) {
				char *v[256];

				for (i = 0; i < r->n && i < 256; i++)
					v[i] = (char *)r->f[i].s;
				csv_row(pass, v, i);
			}
		}
		if ((qp_in_nrows(in) & 0xffff) == 0 && qp_cli_want_progress(&com))
			qp_progress(in, 0);
	}
	if (rc < 0)
		qp_die("%s", qp_in_error(in));
	if (pass != NULL)
		out_close(pass, passname);
	if (tab_find("daily") == NULL || tab_find("members") == NULL)
		qp_die("%s: no daily or members table: run qp-cohort before "
		    "qp-report", optind < argc ? argv[optind] : "<stdin>");

	/* every table as CSV */
	for (cur = tabs; cur != NULL; cur = cur->next) {
		f = csv_open(cur->name, cur->hdr, cur->ncol);
		for (i = 0; i < cur->nrows; i++)
			csv_row(f, cur->rows[i], cur->ncol);
		out_close(f, cur->name);
	}

	/* Targets: the defaults, then qp-cohort's, then --targets. */
	{
		struct tab *tg = tab_find("targets");
		int cm = col(tg, "metric"), cv = col(tg, "target");

		for (i = 0; cm >= 0 && cv >= 0 && i < tg->nrows; i++)
			(void)qp_target_set(tg->rows[i][cm], *tg->rows[i][cv] ?
			    num(tg->rows[i][cv]) : -1);
		if (targets_file != NULL)
			qp_cli_targets(targets_file);
	}
	lang_zh = lang != NULL ? strcmp(lang, "zh") == 0 : guess_zh();
	{
		struct tab *d = tab_find("daily");
		int cd = col(d, "date");

		for (i = 0; i < d->nrows; i++)
			if (parse_day(d->rows[i][cd]) > E)
				E = parse_day(d->rows[i][cd]);
	}
	md = out_file("report.md");
	if (charts) {
		script = path_in("charts.gp");
		if ((gp = fopen(script, "w")) == NULL)
			qp_die("%s: %s", script, strerror(errno));
		qp_tmp_register(script);
	}
	{
		char a[16] = "", b[16] = "";
		struct tab *d = tab_find("daily");

		if (d->nrows > 0) {
			qp_day_format(a, from != NODAY ? from : parse_day(d->rows[0][0]));
			qp_day_format(b, to != NODAY ? to : E);
		}
		if (d->nrows > 0)
			mdf(T("# 社群运营报告 %s – %s\n\n",
			    "# Community report %s – %s\n\n"), a, b);
		else
			mdf(T("# 社群运营报告（没有事件）\n\n",
			    "# Community report (no events)\n\n"));
		mdf(T("%zu 个群。数据截至 %s。\n", "%zu groups. Data up to %s.\n"),
		    active_groups(), E != NODAY ? (qp_day_format(a, E), a) : "—");
	}
	section_kpis();
	section_activity();
	section_sources();
	section_retention();
	section_funnel();
	section_members();
	section_hours();
	section_health();
	section_provenance(in);
	out_close(md, "report.md");
	if (charts) {
		out_close(gp, "charts.gp");
		run_gnuplot(REL(script));
		unlink(script);
		qp_tmp_forget(script);
		for (i = 0; i < ndat; i++) {
			unlink(datfiles[i]);
			qp_tmp_forget(datfiles[i]);
			free(datfiles[i]);
		}
	}
	qp_cli_dir_commit(tmpdir, outdir, "report.md");
	/* nothing of ours is temporary any more */
	qp_tmp_forget(tmpdir);
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_in_close(in);
	for (cur = tabs; cur != NULL; ) {
		struct tab *n = cur->next;

		for (i = 0; i < cur->nrows; i++)
			free(cur->rows[i]);
		for (j = 0; j < cur->ncol; j++)
			free(cur->hdr[j]);
		free(cur->hdr);
		free(cur->rows);
		free(cur->name);
		free(cur);
		cur = n;
	}
	for (i = 0; i < ngnames; i++) {
		free(gnames[i].id);
		free(gnames[i].name);
		free(gnames[i].platform);
	}
	free(gnames);
	free(spoke);
	free(script);
	free(outdir);
	free(tmpdir);
	qp_strmap_free(speakers);
	qp_strmap_free(seen);
	qp_tz_free(tz);
	return QP_EXIT_OK;
}
