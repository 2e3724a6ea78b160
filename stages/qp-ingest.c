/*
 * qp-ingest: chat exports (files, folders, archives) into the events table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

static const char usage[] =
"usage: qp-ingest [-hq] [--progress] [-l level] [-o out] [--format name]\n"
"                 [--tz zone] [--strict] [--no-text] [--all-chats]\n"
"                 [--map spec] [--events file] [--events-map spec]\n"
"                 [--pseudonymize keyfile] [--max-member-size size]\n"
"                 [--staff file] [--roster file]\n"
"                 [file|dir|archive|- ...]\n"
"\n"
"Read chat exports and write a qunpipe stream with their events table.\n"
"Folders are read recursively, archives (zip, tar, 7z, gz, xz, zst) member\n"
"by member, an export's zip or folder as one export; - or no input reads\n"
"standard input.  An input without a chat export fails the run (exit 1).\n"
"\n"
"      --format NAME        read every input as NAME instead of detecting\n"
"                           it: whatsapp, qq, wechat, wechat-txt, telegram,\n"
"                           telegram-html, discord, messenger, signal, csv,\n"
"                           slack\n"
"      --map SPEC           with --format csv: which CSV column holds each\n"
"                           events column, as ts=Date,user=Author,text=Msg\n"
"                           (not needed when the header uses their names)\n"
"      --events FILE        add FILE's rows (ts, user_id or user, event) as\n"
"                           custom events such as paid, matched to members\n"
"      --events-map SPEC    which column of the --events files holds each\n"
"                           events column, as --map (ts=下单时间,user=买家)\n"

"      --tz ZONE            IANA zone of exports without offsets (default $TZ,\n"
"                           else UTC)\n"
"      --strict             stop at the first unreadable line (exit 1)\n"
"      --no-text            leave the text column empty\n"
"      --all-chats          also read personal chats, bots and saved messages\n"
"      --staff FILE         roles of staff and bots: a CSV of group (or *),\n"
"                           user_id or user, role (owner, admin, assistant,\n"
"                           sales, shill, bot); UTF-8 or GBK; headers 群,\n"
"                           成员, 角色 too.  A name two members had is\n"
"                           refused, with both ids\n"
"      --roster FILE        a member list: a CSV of date, group, user_id or\n"
"                           user (日期, 群, 成员), one or more snapshots;\n"
"                           the real head count, and leaves between them\n"
"                           (repeatable)\n"
"      --pseudonymize KEY   replace user and group ids, names, actors and\n"
"                           input paths with keyed BLAKE2b hashes, groups\n"
"                           with labels 群 N kept in KEY.groups, and clear\n"
"                           system lines' text (KEY: a file of 32-64 secret\n"
"                           bytes: head -c 32 /dev/urandom)\n"
"      --max-member-size N  refuse archive members larger than N bytes once\n"
"                           decompressed (suffix k, M or G; default 1G)\n"
"  -l, --level N            gzip level of the output, 0-9 (default 1)\n"
"  -o, --output FILE        write FILE (replaced only on success), not stdout\n"
"  -q, --quiet              no per-input summary or progress\n"
"      --progress           report progress even when stderr is not a terminal\n"
"  -h, --help               print this help and exit\n"
"      --version            print the version and exit\n";

enum {
	OPT_FORMAT = QP_OPT_STAGE, OPT_TZ, OPT_STRICT, OPT_NO_TEXT, OPT_MAXMEM,
	OPT_ALL_CHATS, OPT_MAP, OPT_EVENTS, OPT_EVENTS_MAP, OPT_PSEUDO,
	OPT_STAFF, OPT_ROSTER
};

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "tz", required_argument, NULL, OPT_TZ },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "no-text", no_argument, NULL, OPT_NO_TEXT },
	{ "max-member-size", required_argument, NULL, OPT_MAXMEM },
	{ "all-chats", no_argument, NULL, OPT_ALL_CHATS },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "events", required_argument, NULL, OPT_EVENTS },
	{ "events-map", required_argument, NULL, OPT_EVENTS_MAP },
	{ "pseudonymize", required_argument, NULL, OPT_PSEUDO },
	{ "staff", required_argument, NULL, OPT_STAFF },
	{ "roster", required_argument, NULL, OPT_ROSTER },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char **argv)
{
	struct qp_common com;
	struct ing g;
	struct qp_sink *k;
	struct qp_out *out;
	struct qp_tz *tz;
	const struct ing_format *f, *format = NULL;
	const char *zone = NULL, *map = NULL, *emap = NULL, *keyfile = NULL;
	const char *events[16], *rosters[16];
	const char *staff = NULL;
	size_t nevents = 0, nrosters = 0, e;
	char **args, **shown;
	int ch, i, n, r, strict = 0, no_text = 0, all_chats = 0, rc = 0;
	unsigned long long maxmem = 1ULL << 30;

	qp_cli_init("qp-ingest", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		switch (ch) {
		case OPT_FORMAT:
			for (f = ing_formats; f->name != NULL; f++)
				if (strcmp(f->name, optarg) == 0)
					format = f;
			if (format == NULL)
				qp_usage_error("--format: unknown format '%s'",
				    optarg);
			break;
		case OPT_TZ:
			zone = optarg;
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		case OPT_NO_TEXT:
			no_text = 1;
			break;
		case OPT_ALL_CHATS:
			all_chats = 1;
			break;
		case OPT_MAP:
			map = optarg;
			break;
		case OPT_EVENTS_MAP:
			emap = optarg;
			break;
		case OPT_PSEUDO:
			keyfile = optarg;
			break;
		case OPT_STAFF:
			staff = optarg;
			break;
		case OPT_ROSTER:
			if (nrosters == sizeof rosters / sizeof *rosters)
				qp_usage_error("--roster: at most %zu files",
				    sizeof rosters / sizeof *rosters);
			rosters[nrosters++] = optarg;
			break;
		case OPT_EVENTS:
			if (nevents == sizeof events / sizeof *events)
				qp_usage_error("--events: at most %zu files",
				    sizeof events / sizeof *events);
			events[nevents++] = optarg;
			break;
		case OPT_MAXMEM:
			if (qp_parse_size(optarg, &maxmem) == -1)
				qp_usage_error("--max-member-size: not a size: "
				    "'%s'", optarg);
			break;
		default:
			qp_usage_error("unknown option");
		}
	}
	tz = qp_cli_tz(zone, "reading local times as UTC", com.quiet);
	qp_cli_refuse_tty(&com);
	/* The key first: provenance names inputs by their pseudonyms. */
	ing_init(&g, NULL, tz);
	if (keyfile != NULL && ing_key_load(&g, keyfile) == -1) {
		ing_free(&g);
		qp_tz_free(tz);
		return QP_EXIT_DATA;
	}
	qp_sink_writebehind(1);	/* the CRC and the writes off this thread */
	if ((k = qp_sink_open(com.out, com.level)) == NULL)
		qp_die("%s", qp_path_error(com.out, errno));
	if ((args = qp_cli_stage_args(argc, argv, &n)) == NULL)
		qp_die("out of memory");
	shown = keyfile != NULL ? ing_args_pseudonymize(&g, args, n) : args;
	if ((out = qp_out_new(k, NULL, "qp-ingest", QP_VERSION, n, shown)) == NULL)
		qp_die("out of memory");
	if (shown != args)
		ing_args_free(shown, n);
	free(args);
	g.out = out;
	g.format = format;
	g.strict = strict;
	g.quiet = com.quiet;
	g.no_text = no_text;
	g.all_chats = all_chats;
	g.max_member = maxmem;
	if (map != NULL && ing_map_parse(g.map, map, 0) == -1)
		qp_usage_error("--map: want name=column pairs with ts and user or "
		    "user_id, names from the events table: '%s'", map);
	if (emap != NULL && ing_map_parse(g.emap, emap, 1) == -1)
		qp_usage_error("--events-map: want name=column pairs with ts and "
		    "user or user_id, names from the events table or amount, "
		    "currency, product, order_id: '%s'", emap);
	if (nevents > 0 && (g.everyone = ing_names_new()) == NULL)
		rc = -1;	/* names to ids, only when --events needs them */
	else if (ing_roles_start(&g, (staff != NULL) | (nrosters > 0) << 1) == -1)
		rc = -1;
	else if (ing_start(&g) == -1)
		rc = -1;
	/* An input without a chat is said and fails the run, after the rest. */
	for (i = optind; rc != -1 && (i < argc || (i == optind && nevents == 0));
	    i++)
		if ((r = ing_input(&g, i < argc ? argv[i] : "-")) != 0 || g.failed)
			rc = r == -1 || g.failed ? -1 : 1;
	for (e = 0; rc == 0 && e < nevents; e++)
		rc = ing_events_file(&g, events[e]) == -1 || g.failed ? -1 : 0;
	if (rc == 0 && staff != NULL)
		rc = ing_staff_file(&g, staff);
	for (e = 0; rc == 0 && e < nrosters; e++)
		rc = ing_roster_file(&g, rosters[e]);
	if (rc == 0 && ing_nevents(&g) == 0) {
		/* The input, when there is one (standard input when none). */
		if ((size_t)(argc - optind) + nevents <= 1)
			qp_warn("%s: no events read", optind < argc ?
			    argv[optind] : nevents ? events[0] : "<stdin>");
		else
			qp_warn("no events read from the %zu inputs",
			    (size_t)(argc - optind) + nevents);
		rc = -1;
	}
	if (rc == 0)
		ing_mention_report(&g);
	if (rc == 0)
		rc = ing_write_roles(&g);
	if (rc == 0)
		rc = ing_write_roster(&g);
	if (rc == 0)
		rc = ing_write_sources(&g);
	if (rc == 0)
		rc = ing_key_save(&g);
	if (rc == 0 && qp_out_error(out) != NULL)
		rc = -1;
	if (rc == 0 && qp_out_finish(out) == -1)
		rc = -1;
	if (qp_out_error(out) != NULL)
		qp_warn("%s", qp_out_error(out));
	qp_out_free(out);
	qp_tz_free(tz);
	ing_free(&g);
	return rc == 0 ? QP_EXIT_OK : QP_EXIT_DATA;
}
