/*
 * qp-sessionize: conversation sessions of a sorted stream.
 *
 * A group's session starts with a message sent more than --gap after the
 * group's previous message; other events join the session whose last
 * message is within --gap before them, or none.  The events table gains a
 * session column (the number of the session in its group, from 1); the
 * sessions table (group_id,session,start,end,messages,speakers,starter)
 * follows the input's tables.  Memory holds one group's open session:
 * its speakers are a set of 64-bit hashes of user ids; finished sessions
 * wait in an unlinked temporary file until the events have been written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_events.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_stream.h"
#include "qp_time.h"

static const char usage[] =
"usage: qp-sessionize [-hq] [--progress] [-l level] [-o out] [--gap duration]\n"
"                     [file ...]\n"
"\n"
"Split each group's messages into conversation sessions after --gap of\n"
"silence: add a session column to events and write the sessions table.\n"
"The events must be sorted as qp-dedupe writes them.\n"
"\n"
"      --gap DURATION     silence that ends a session: 90s, 30m, 2h, 1d\n"
"                         (default 30m)\n"
"  -l, --level N          gzip level of the output, 0-9 (default 1)\n"
"  -o, --output FILE      write FILE (replaced only on success), not stdout\n"
"  -q, --quiet            no progress report\n"
"      --progress         report progress even when stderr is not a terminal\n"
"  -h, --help             print this help and exit\n"
"      --version          print the version and exit\n";

enum { OPT_GAP = QP_OPT_STAGE };

static const struct option longopts[] = {
	QP_COMMON_LONG,
	{ "gap", required_argument, NULL, OPT_GAP },
	{ NULL, 0, NULL, 0 }
};

static const char *const sess_cols[] = {
	"group_id", "session", "start", "end", "messages", "speakers", "starter"
};

/* The open session of the current group. */
struct session {
	int			 open;
	unsigned long long	 n;		/* its number in the group */
	char			 num[24];	/* n in decimal */
	size_t			 numlen;
	long long		 start, end;
	int			 start_off, end_off;
	unsigned long long	 messages;
	char			*starter;
	struct qp_set64		 speakers;	/* hashes of their user ids */
};

struct state {
	long long		 gap;
	char			*group;		/* current group_id */
	struct session		 s;
	struct qp_order		 order;
	struct qp_sink		*spill;
	unsigned long long	 nsessions;
};

static int
add_speaker(struct session *s, const char *user)
{
	/* | 1: the set takes no 0 */
	return qp_set64_add(&s->speakers, qp_hash(user, strlen(user)) | 1) == -1 ?
	    -1 : 0;
}

/* Write the open session to the spill file and close it. */
static int
close_session(struct state *st)
{
	struct session *s = &st->s;
	char num[24], start[QP_ISO_LEN + 1], end[QP_ISO_LEN + 1], msgs[24],
	    spk[24];
	const char *v[7];

	if (!s->open)
		return 0;
	s->open = 0;
	snprintf(num, sizeof num, "%llu", s->n);
	qp_time_format(start, s->start, s->start_off);
	qp_time_format(end, s->end, s->end_off);
	snprintf(msgs, sizeof msgs, "%llu", s->messages);
	snprintf(spk, sizeof spk, "%zu", s->speakers.n);
	v[0] = st->group;
	v[1] = num;
	v[2] = start;
	v[3] = end;
	v[4] = msgs;
	v[5] = spk;
	v[6] = s->starter;
	st->nsessions++;
	return qp_csv_writev(st->spill, v, 7);
}

static void
fail_row(const struct qp_in *in, const char *fmt, const char *what)
{
	const struct qp_row *r = qp_in_row(in);

	qp_die("%s: record %llu (line %llu): %s%s", qp_in_name(in), r->recno,
	    r->lineno, fmt, what);
}

int
main(int argc, char **argv)
{
	struct qp_common com;
	struct state st;
	struct qp_in *in;
	struct qp_out *out;
	const struct qp_row *r;
	const struct qp_table *t;
	struct qp_field f[256];
	struct qp_field sf;		/* the session column */
	int ch, rc, c_gid = -1, c_ts = -1, c_kind = -1, c_user = -1,
	    c_msg = -1, c_sess = -1, in_events = 0, skip = 0, fd, seen = 0;
	size_t ncols = 0, i;
	long long ts;
	int off;

	memset(&st, 0, sizeof st);
	st.gap = 30 * 60;
	qp_cli_init("qp-sessionize", usage, argv, &com);
	while ((ch = getopt_long(argc, argv, QP_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (qp_cli_common(ch, &com))
			continue;
		if (ch == OPT_GAP) {
			if (qp_parse_duration(optarg, &st.gap) == -1)
				qp_usage_error("--gap: want a duration such as 90s, "
				    "30m, 2h or 1d, not '%s'", optarg);
		} else
			qp_usage_error("unknown option");
	}
	out = qp_cli_stage(&com, "qp-sessionize", argc, argv, optind, &in);
	if ((fd = qp_tmpfd("qp-sessions")) == -1)
		qp_die("temporary file in %s: %s", qp_tmpdir(), strerror(errno));
	if ((st.spill = qp_sink_open_fd(fd, -1)) == NULL)
		qp_die("out of memory");
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		if (rc == QP_TABLE) {
			t = qp_in_table(in);
			if (in_events && close_session(&st) == -1)
				break;
			in_events = strcmp(t->name, "events") == 0;
			/* An earlier run's sessions are replaced by ours. */
			skip = strcmp(t->name, "sessions") == 0;
			if (skip)
				continue;
			if (!in_events) {
				if (qp_out_table(out, t->name, t->version, r->f,
				    r->n) == -1)
					break;
				continue;
			}
			seen = 1;
			c_gid = qp_cli_col(in, "events", "group_id");
			c_ts = qp_cli_col(in, "events", "ts");
			c_kind = qp_cli_col(in, "events", "kind");
			c_user = qp_cli_col(in, "events", "user_id");
			c_msg = qp_cli_col(in, "events", "msg_id");
			c_sess = qp_in_col(in, "session");
			ncols = r->n + (c_sess < 0);
			if (ncols > 256)
				qp_die("events: too many columns");
			for (i = 0; i < r->n; i++)
				f[i] = r->f[i];
			if (c_sess < 0) {
				f[r->n].s = "session";
				f[r->n].len = 7;
				c_sess = (int)r->n;
			}
			if (qp_out_table(out, t->name, t->version, f, ncols) == -1)
				break;
			continue;
		}
		if (skip)
			continue;
		if (!in_events) {
			if (qp_out_copy(out, r) == -1)
				break;
			continue;
		}
		{
			const struct qp_field *gid = &r->f[c_gid], *msg = &r->f[c_msg];
			const char *kind = r->f[c_kind].s;
			int newgroup;

			if (qp_time_parse(r->f[c_ts].s, r->f[c_ts].len, &ts, &off) == -1)
				fail_row(in, "not a time: ", r->f[c_ts].s);
			newgroup = qp_order_check(&st.order, gid->s, gid->len, ts,
			    qp_kind_rank(kind), msg->s, msg->len);
			if (newgroup == -1)
				fail_row(in, "events are not sorted (run qp-dedupe "
				    "first)", "");
			if (newgroup == -2)
				qp_die("out of memory");
			if (newgroup) {
				if (close_session(&st) == -1)
					break;
				free(st.group);
				if ((st.group = strdup(gid->s)) == NULL)
					qp_die("out of memory");
				st.s.n = 0;
			}
			if (strcmp(kind, "message") == 0) {
				if (!st.s.open || ts - st.s.end > st.gap) {
					if (close_session(&st) == -1)
						break;
					st.s.open = 1;
					st.s.n++;
					st.s.numlen = qp_csv_count(st.s.num,
					    st.s.n);
					st.s.start = ts;
					st.s.start_off = off;
					st.s.messages = 0;
					qp_set64_clear(&st.s.speakers);
					free(st.s.starter);
					if ((st.s.starter = strdup(r->f[c_user].s)) == NULL)
						qp_die("out of memory");
				}
				st.s.end = ts;
				st.s.end_off = off;
				st.s.messages++;
				if (add_speaker(&st.s, r->f[c_user].s) == -1)
					qp_die("out of memory");
			}
			sf.s = "";
			sf.len = 0;
			if (st.s.open && ts - st.s.end <= st.gap) {
				sf.s = st.s.num;
				sf.len = st.s.numlen;
			}
			if (ncols == r->n + 1) {	/* our new column */
				if (qp_out_copy_plus(out, r, &sf) == -1)
					break;
				goto next;
			}
			for (i = 0; i < r->n; i++)
				f[i] = r->f[i];
			f[c_sess] = sf;
			if (qp_out_row(out, f, ncols) == -1)
				break;
		}
next:
		if ((qp_in_nrows(in) & 0xffff) == 0 && qp_cli_want_progress(&com))
			qp_progress(in, 0);
	}
	if (rc < 0)
		qp_die("%s", qp_in_error(in));
	if (qp_out_error(out) != NULL)
		qp_die("%s", qp_out_error(out));
	if (!seen)
		qp_die("%s: no events table in the input", optind < argc ?
		    argv[optind] : "<stdin>");
	if (close_session(&st) == -1 || qp_sink_finish(st.spill) == -1)
		qp_die("temporary file: %s", qp_sink_error(st.spill) ?
		    qp_sink_error(st.spill) : strerror(errno));
	/* The sessions table, read back from the spill file. */
	if (qp_out_tablev(out, "sessions", 1, sess_cols, 7) == -1)
		qp_die("%s", qp_out_error(out));
	{
		struct qp_src *src;
		struct qp_csv *csv;

		lseek(fd, 0, SEEK_SET);
		if ((src = qp_src_open_fd(fd, "sessions")) == NULL ||
		    (csv = qp_csv_new(src)) == NULL)
			qp_die("out of memory");
		while ((rc = qp_csv_next(csv, &r)) > 0)
			if (qp_out_copy(out, r) == -1)
				qp_die("%s", qp_out_error(out));
		if (rc < 0)
			qp_die("%s", qp_csv_error(csv));
		qp_csv_free(csv);
		qp_src_close(src);
	}
	if (qp_out_finish(out) == -1)
		qp_die("%s", qp_out_error(out));
	if (qp_cli_want_progress(&com))
		qp_progress(in, 1);
	qp_out_free(out);
	qp_sink_free(st.spill);
	close(fd);
	qp_in_close(in);
	free(st.group);
	qp_order_free(&st.order);
	free(st.s.starter);
	qp_set64_free(&st.s.speakers);
	return QP_EXIT_OK;
}
