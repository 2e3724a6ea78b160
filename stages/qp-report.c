/*
 * qp-report: the report operators read, from the stream at the end of the
 * chain: report.md, gnuplot charts (PNG and SVG), every table as CSV and
 * provenance.txt, written into a temporary directory beside -o DIR and
 * renamed into place only when all of it succeeded.
 *
 * Every figure in report.md is read from a table that is also written as
 * CSV, and the report names the table and how the figure was taken from
 * it.  The events table is only streamed: messages by hour and weekday and
 * per member in the period, group names and platforms.  The sections are
 * in stages/report/, one file each (report.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

#include "report.h"

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
"      --lang zh|en         language of the report (default zh; another\n"
"                           language is a po/LANG.po file)\n"
"      --tz ZONE            zone of the days and hours read from events\n"
"                           (default: the stream's --tz, else $TZ, else UTC)\n"
"      --period YYYY-MM     report one month (default: all days)\n"
"      --from DATE          first day of the period, YYYY-MM-DD\n"
"      --to DATE            last day of the period, YYYY-MM-DD\n"
"      --targets FILE       targets: lines 'metric value' (# comments)\n"
"      --previous STREAM    the last period's stream, or its report's\n"
"                           members.csv: who moved between tiers\n"
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

struct opts {
	const char	*zone, *lang, *targets;
	int		 events;
};

static void
parse_opts(int argc, char **argv, struct qp_common *com, struct opts *o,
    struct report *rp)
{
	int ch, period = 0, range = 0;
	char buf[16];

	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, com))
			continue;
		switch (ch) {
		case OPT_LANG:
			if (strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_@") != strlen(optarg) ||
			    *optarg == '\0')
				qp_usage_error("--lang: want a language such as "
				    "zh or en, not '%s'", optarg);
			o->lang = optarg;
			break;
		case OPT_TZ:
			o->zone = optarg;
			break;
		case OPT_PERIOD: {
			int y;
			unsigned m, d;

			snprintf(buf, sizeof buf, "%.7s-01", optarg);
			if (strlen(optarg) != 7 ||
			    (rp->from = parse_day(buf)) == NODAY)
				qp_usage_error("--period: want a month YYYY-MM, "
				    "not '%s'", optarg);
			qp_civil_from_days(rp->from, &y, &m, &d);
			rp->to = qp_days_from_civil(m == 12 ? y + 1 : y,
			    m == 12 ? 1 : m + 1, 1) - 1;
			period = rp->month = 1;
			break;
		}
		case OPT_FROM:
			if ((rp->from = parse_day(optarg)) == NODAY)
				qp_usage_error("--from: want a date YYYY-MM-DD, "
				    "not '%s'", optarg);
			range = 1;
			break;
		case OPT_TO:
			if ((rp->to = parse_day(optarg)) == NODAY)
				qp_usage_error("--to: want a date YYYY-MM-DD, not "
				    "'%s'", optarg);
			range = 1;
			break;
		case OPT_TARGETS:
			o->targets = optarg;	/* over the stream's, below */
			break;
		case OPT_NOCHARTS:
			rp->charts = 0;
			break;
		case OPT_PREVIOUS:
			rp->previous = optarg;
			break;
		case OPT_EVENTS:
			o->events = 1;
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	if (com->out == NULL)
		qp_usage_error("-o DIR is required");
	if (period && range)	/* else the last one given would win */
		qp_usage_error("--period or --from and --to, not both");
	if (rp->from != NODAY && rp->to != NODAY && rp->from > rp->to)
		qp_usage_error("--from is after --to");
}

/* The tables a section reads (and targets); the others go to NAME.csv. */
static int
kept(const char *name)
{
	size_t i, j;

	if (strcmp(name, "targets") == 0)
		return 1;
	for (i = 0; sections[i] != NULL; i++)
		for (j = 0; sections[i]->reads[j] != NULL; j++)
			if (strcmp(sections[i]->reads[j], name) == 0)
				return 1;
	return 0;
}

/* The zone the stream's days were counted in: its stages' --tz. */
static const char *
stream_zone(const struct qp_in *in)
{
	static const char *const progs[] = { "qp-cohort", "qp-funnel",
	    "qp-ingest" };
	const char *z = NULL;
	size_t i;

	for (i = 0; z == NULL && i < 3; i++)
		z = stage_opt(in, progs[i], "--tz");
	return z;
}

/* A table has ended: a kept one goes out as CSV; members names the people. */
static void
table_end(struct report *rp, struct tab *cur, struct named *pass)
{
	if (pass != NULL)
		named_close(rp, pass);
	if (cur == NULL)
		return;
	if (strcmp(cur->name, "members") == 0)
		named_members(rp, cur);
	named_table(rp, cur);
}

/*
 * Read the stream: the tables the sections read are kept, the others
 * written to NAME.csv as they come (events only with --events, but always
 * streamed through events_row); named.c puts the names beside the ids.
 */
static void
read_stream(struct report *rp, struct qp_in *in, const struct qp_common *com,
    int want_events)
{
	const struct qp_table *t;
	const struct qp_row *r;
	struct tab *cur = NULL;
	struct qp_strmap *seen;
	struct named *pass = NULL;
	char *v[256];
	int rc, ec[6], in_events = 0;
	size_t i;
	static const char *const names[] = { "ts", "group_id", "group",
	    "platform", "user_id", "kind" };

	if ((seen = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if (rc != QP_TABLE) {
			if (cur != NULL)
				store_row(cur, r);
			else if (in_events)
				events_row(rp, r, ec);
			if (pass != NULL) {
				for (i = 0; i < r->n && i < 256; i++)
					v[i] = (char *)r->f[i].s;
				named_row(rp, pass, v);
			}
			if ((qp_in_nrows(in) & 0xffff) == 0 &&
			    qp_cli_want_progress(com))
				qp_progress(in, 0);
			continue;
		}
		t = qp_in_table(in);
		if (rp->tz == NULL)
			rp->tz = qp_cli_tz(stream_zone(in), NULL, 1);
		table_end(rp, cur, pass);
		pass = NULL;
		cur = NULL;
		if ((in_events = strcmp(t->name, "events") == 0)) {
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
		if (!kept(t->name)) {
			if (!in_events || want_events) {
				for (i = 0; i < r->n && i < 256; i++)
					v[i] = (char *)r->f[i].s;
				pass = named_open(rp, t->name, v, i);
			}
			continue;
		}
		cur = qp_xcalloc(1, sizeof *cur);
		cur->name = qp_xstrdup(t->name);
		cur->ncol = r->n;
		cur->hdr = qp_xrealloc(NULL, r->n, sizeof *cur->hdr);
		for (i = 0; i < r->n; i++)
			cur->hdr[i] = qp_xstrdup(r->f[i].s);
		cur->next = rp->tabs;
		rp->tabs = cur;
	}
	if (rc < 0)
		qp_die("%s", qp_in_error(in));
	table_end(rp, cur, pass);
	named_end(rp);
	if (rp->tz == NULL)
		rp->tz = qp_cli_tz(stream_zone(in), NULL, 1);
	qp_strmap_free(seen);
}

/* A day count option of qp-cohort's stage line, or its default. */
static int
cohort_days(const struct qp_in *in, const char *opt, int def)
{
	const char *v = stage_opt(in, "qp-cohort", opt);
	char *end;
	long n;

	if (v == NULL)
		return def;
	n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 && n < 100000 ? (int)n : def;
}

/*
 * The dates: E is qp-cohort's --asof, else the last event's day (R2); the
 * period's days that count run from its start (or the first event's day)
 * to its end or E, whichever is first.  A period without a day of events
 * is an error, so that a wrong month never replaces a good report.
 */
static void
set_dates(struct report *rp, const char *input)
{
	struct tab *d = tab_find(rp, "daily");
	int cd = col(d, "date"), cg = col(d, "group_id");
	const char *asof = stage_opt(rp->in, "qp-cohort", "--asof");
	long long first = NODAY, day;
	char a[16], b[16], c[16], e[16];
	size_t i;

	FOR_SCOPE(d, i, cg, "*")
		if ((day = parse_day(at(d, i, cd))) != NODAY) {
			if (first == NODAY)
				first = day;
			rp->last = day;
		}
	rp->risk_days = cohort_days(rp->in, "--risk-days", 14);
	rp->lurker_days = cohort_days(rp->in, "--lurker-days", 7);
	if (first == NODAY)
		return;
	rp->end = asof != NULL && parse_day(asof) != NODAY ?
	    parse_day(asof) : rp->last;
	rp->lo = rp->from != NODAY && rp->from > first ? rp->from : first;
	rp->hi = rp->to != NODAY && rp->to < rp->end ? rp->to : rp->end;
	if (rp->lo <= rp->hi && rp->lo <= rp->last)
		return;		/* the period holds a day with events */
	qp_day_format(a, rp->from != NODAY ? rp->from : first);
	qp_day_format(b, rp->to != NODAY ? rp->to : rp->end);
	qp_day_format(c, first);
	qp_day_format(e, rp->last);
	qp_die("%s: nothing to report from %s to %s: the data runs from %s to "
	    "%s", input, a, b, c, e);
}

/* The targets: the defaults, the stream's (qp-cohort's), then --targets. */
static void
set_targets(struct report *rp, const char *targets)
{
	struct tab *tg = tab_find(rp, "targets");
	int cm = col(tg, "metric"), cv = col(tg, "target"),
	    cvar = col(tg, "variant");
	size_t i;

	/* Retention targets judge one variant: M (still a member), unless
	 * the targets table names another. */
	snprintf(rp->ret_variant, sizeof rp->ret_variant, "M");
	for (i = 0; cm >= 0 && cv >= 0 && i < tg->nrows; i++) {
		(void)qp_target_set(at(tg, i, cm), *at(tg, i, cv) ?
		    num(at(tg, i, cv)) : -1);
		if (cvar >= 0 && strcmp(at(tg, i, cm), "retention_30") == 0 &&
		    *at(tg, i, cvar) != '\0')
			snprintf(rp->ret_variant, sizeof rp->ret_variant, "%s",
			    at(tg, i, cvar));
	}
	if (targets != NULL)
		qp_cli_targets(targets);
}

/*
 * The report's language: en is the source strings; another is the
 * translation built from po/LANG.po (zh: zh_CN), found beside the program
 * (bin/locale, as built) or in LOCALEDIR (as installed).  Only messages
 * follow the locale: numbers, dates and bytes stay the C locale's.
 */
static void
set_lang(const char *lang)
{
	/* Beside the program (the build), then the share/locale beside the
	 * bin it runs from (installed under a PREFIX other than the one it
	 * was built for), then LOCALEDIR. */
	static const char *const rel[] = { "locale", "../share/locale" };
	char exe[PATH_MAX], loc[PATH_MAX + 32], *mo, *slash = NULL;
	const char *dir = NULL;
	ssize_t n;
	size_t i;

	if (strcmp(lang, "en") == 0)
		return;
	if (strcmp(lang, "zh") == 0)
		lang = "zh_CN";
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		qp_die("--lang %s: no C.UTF-8 locale to read translations in",
		    lang);
	if (setenv("LANGUAGE", lang, 1) == -1)
		qp_die("out of memory");
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
	}
	for (i = 0; slash != NULL && dir == NULL && i < 2; i++) {
		snprintf(loc, sizeof loc, "%s/%s", exe, rel[i]);
		if (asprintf(&mo, "%s/%s/LC_MESSAGES/%s.mo", loc, lang,
		    DOMAIN) == -1)
			qp_die("out of memory");
		if (access(mo, R_OK) == 0)
			dir = loc;
		free(mo);
	}
	/* The C library's own messages (strerror) stay English, as every
	 * diagnostic is: its domain is bound where no translation is. */
	if (bindtextdomain("libc", "/nonexistent") == NULL ||
	    bindtextdomain(DOMAIN, dir != NULL ? dir : LOCALEDIR) == NULL ||
	    bind_textdomain_codeset(DOMAIN, "UTF-8") == NULL ||
	    textdomain(DOMAIN) == NULL)
		qp_die("--lang %s: %s", lang, strerror(errno));
	if (strcmp(_("all groups"), "all groups") == 0)
		qp_usage_error("--lang: no translation for '%s' (po/%s.po, "
		    "installed in %s)", lang, lang, dir != NULL ? dir :
		    LOCALEDIR);
}

/* The sections into report.md and charts.gp, then gnuplot over the script. */
static void
write_report(struct report *rp)
{
	char *script = NULL;
	size_t i;

	rp->md = out_file(rp, "report.md");
	if (rp->charts) {
		script = path_in(rp, "charts.gp");
		if ((rp->gp = fopen(script, "w")) == NULL)
			qp_die("%s: %s", script, strerror(errno));
		qp_tmp_register(script);
	}
	for (i = 0; sections[i] != NULL; i++)
		sections[i]->write(rp);
	out_close(rp, rp->md, "report.md");
	if (!rp->charts)
		return;
	out_close(rp, rp->gp, "charts.gp");
	run_gnuplot(rp, rel(rp, script));
	unlink(script);
	qp_tmp_forget(script);
	free(script);
	for (i = 0; i < rp->ndat; i++) {
		unlink(rp->datfiles[i]);
		qp_tmp_forget(rp->datfiles[i]);
		free(rp->datfiles[i]);
	}
}

static void
report_free(struct report *rp)
{
	struct tab *cur, *n;
	size_t i;

	for (cur = rp->tabs; cur != NULL; cur = n) {
		n = cur->next;
		tab_free(cur);
	}
	for (i = 0; i < rp->ngnames; i++) {
		free(rp->gnames[i].id);
		free(rp->gnames[i].name);
		free(rp->gnames[i].platform);
	}
	free(rp->gnames);
	qp_strmap_free(rp->gmap);
	free(rp->gpos);
	free(rp->spoke);
	free(rp->outdir);
	free(rp->tmpdir);
	qp_strmap_free(rp->speakers);
	qp_tz_free(rp->tz);
}

int
main(int argc, char **argv)
{
	struct qp_common com;
	struct report r = { .charts = 1, .from = NODAY, .to = NODAY,
	    .end = NODAY, .last = NODAY, .lo = NODAY, .hi = NODAY }, *rp = &r;
	struct opts o = { NULL, "zh", NULL, 0 };
	const char *err;
	struct qp_in *in;
	size_t i;

	qp_cli_init("qp-report", usage, argv, &com);
	parse_opts(argc, argv, &com, &o, rp);
	set_lang(o.lang);
	if (o.zone != NULL)
		rp->tz = qp_cli_tz(o.zone, NULL, com.quiet);
	rp->outdir = qp_xstrdup(com.out);
	for (i = strlen(rp->outdir); i > 1 && rp->outdir[i - 1] == '/'; i--)
		rp->outdir[i - 1] = '\0';
	rp->tmpdir = qp_cli_dir_begin(rp->outdir);
	if ((rp->speakers = qp_strmap_new()) == NULL)
		qp_die("out of memory");
	qp_src_readahead(1);	/* inflate on a second thread */
	if ((in = qp_in_open((const char *const *)argv + optind,
	    (size_t)(argc - optind), &err)) == NULL)
		qp_die("%s", err);
	rp->in = in;
	read_stream(rp, in, &com, o.events);
	if (tab_find(rp, "daily") == NULL || tab_find(rp, "members") == NULL)
		qp_die("%s: no daily or members table: run qp-cohort before "
		    "qp-report", optind < argc ? argv[optind] : "<stdin>");
	set_dates(rp, optind < argc ? argv[optind] : "<stdin>");
	set_targets(rp, o.targets);
	write_report(rp);
	qp_cli_dir_commit(rp->tmpdir, rp->outdir, "report.md");
	qp_tmp_forget(rp->tmpdir);	/* nothing of ours is temporary now */
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_in_close(in);
	report_free(rp);
	return QP_EXIT_OK;
}
