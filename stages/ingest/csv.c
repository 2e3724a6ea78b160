/*
 * Any CSV as chat events (--format csv), and external custom events such
 * as payments (--events FILE).
 *
 * --map names, for each events column, the CSV column that holds it:
 * "ts=Date,user=Author,text=Message".  Without it, a header that already
 * uses the events columns' names (ts, user_id, user, group, kind, text, ...)
 * is read as it is.  ts and user (or user_id) are needed; group defaults to
 * the file name, kind to message.  Times may be ISO 8601 with an offset,
 * naive local times (read in --tz; "2024/5/8 9:05" as Excel writes them
 * too) or Unix seconds or milliseconds.
 *
 * An events file has a header naming its columns, in English or Chinese
 * (the table below), or --events-map names them as --map does.  It may be
 * UTF-8, UTF-16 with a byte order mark (Excel's Unicode text, tab
 * separated) or GB18030, as Excel writes it on Chinese Windows.  Each row
 * becomes a custom event (name "paid" unless an event column says), its
 * amount kept as the text, matched to a member by id, else by the latest
 * display name seen in the chats read before it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_hash.h"
#include "qp_io.h"
#include "qp_money.h"
#include "qp_time.h"

/* The events columns, in the order of --map's names. */
enum {
	C_TS, C_PLATFORM, C_GROUP_ID, C_GROUP, C_USER_ID, C_USER, C_KIND,
	C_ACTOR, C_VIA, C_MSG_ID, C_REPLY_TO, C_MEDIA, C_TEXT, C_NAME,
	C_CURRENCY, C_PRODUCT	/* an events file's only */
};

static const char *const mapped[ING_NECOLS] = {
	"ts", "platform", "group_id", "group", "user_id", "user", "kind",
	"actor", "via", "msg_id", "reply_to", "media", "text", "name",
	"currency", "product"
};

/* --events-map's other names of events columns. */
static const struct {
	const char	*name;
	int		 col;
} aliases[] = {
	{ "amount", C_TEXT }, { "order_id", C_MSG_ID },
};

/*
 * Headers of events files: for each column, the names it goes by, the
 * more specific first.  Chinese ones are what payment and membership
 * exports (and Excel sheets made by hand) call them.
 */
static const struct {
	int		 col;
	const char	*name;
} event_headers[] = {
	{ C_TS, "ts" }, { C_TS, "time" }, { C_TS, "paid_at" },
	{ C_TS, "created_at" }, { C_TS, "date" },
	{ C_TS, "时间" }, { C_TS, "支付时间" }, { C_TS, "付款时间" },
	{ C_TS, "下单时间" }, { C_TS, "创建时间" }, { C_TS, "日期" },
	{ C_USER_ID, "user_id" }, { C_USER_ID, "uid" },
	{ C_USER_ID, "member_id" }, { C_USER_ID, "会员ID" },
	{ C_USER_ID, "用户ID" }, { C_USER_ID, "成员ID" },
	{ C_USER_ID, "微信号" },
	{ C_USER, "user" }, { C_USER, "name" }, { C_USER, "nickname" },
	{ C_USER, "member" }, { C_USER, "用户" }, { C_USER, "昵称" },
	{ C_USER, "成员" }, { C_USER, "用户名" }, { C_USER, "会员" },
	{ C_USER, "会员昵称" }, { C_USER, "微信昵称" }, { C_USER, "群昵称" },
	{ C_NAME, "event" }, { C_NAME, "kind" }, { C_NAME, "事件" },
	{ C_NAME, "事件类型" },
	{ C_TEXT, "amount" }, { C_TEXT, "金额" }, { C_TEXT, "支付金额" },
	{ C_TEXT, "实付金额" }, { C_TEXT, "订单金额" },
	{ C_CURRENCY, "currency" }, { C_CURRENCY, "币种" },
	{ C_CURRENCY, "货币" },
	{ C_PRODUCT, "product" }, { C_PRODUCT, "item" }, { C_PRODUCT, "商品" },
	{ C_PRODUCT, "商品名称" }, { C_PRODUCT, "产品" },
	{ C_MSG_ID, "order_id" }, { C_MSG_ID, "order" },
	{ C_MSG_ID, "订单号" }, { C_MSG_ID, "订单编号" },
	{ C_GROUP_ID, "group_id" }, { C_GROUP_ID, "群ID" },
	{ C_GROUP, "group" }, { C_GROUP, "群" }, { C_GROUP, "群名" },
	{ C_GROUP, "群聊" },
	{ C_PLATFORM, "platform" }, { C_PLATFORM, "平台" },
};

int
ing_map_parse(char **map, const char *spec, int events)
{
	char *s, *p, *eq, *next;
	int i, n = events ? ING_NECOLS : ING_NCOLS;
	size_t k;

	if ((s = strdup(spec)) == NULL)
		return -1;
	for (p = s; p != NULL; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(p, '=')) == NULL || eq == p || eq[1] == '\0')
			goto bad;
		*eq = '\0';
		for (i = 0; i < n; i++)
			if (strcmp(p, mapped[i]) == 0)
				break;
		for (k = 0; events && i == n && k < sizeof aliases /
		    sizeof *aliases; k++)
			if (strcmp(p, aliases[k].name) == 0)
				i = aliases[k].col;
		if (i == n)
			goto bad;
		free(map[i]);
		if ((map[i] = strdup(eq + 1)) == NULL)
			goto bad;
	}
	free(s);
	if (map[C_TS] == NULL || (map[C_USER] == NULL && map[C_USER_ID] == NULL))
		return -1;
	return 0;
bad:
	free(s);
	return -1;
}

/* min to max digits at *s. */
static int
num(const char **s, int min, int max, unsigned *v)
{
	int n;

	*v = 0;
	for (n = 0; n < max && **s >= '0' && **s <= '9'; n++)
		*v = *v * 10 + (unsigned)(*(*s)++ - '0');
	return n >= min ? 0 : -1;
}

/* Skip one of the separators at *s; 0, or -1 when none is there. */
static int
sep(const char **s, const char *const *seps)
{
	size_t n;

	for (; *seps != NULL; seps++)
		if (strncmp(*s, *seps, n = strlen(*seps)) == 0) {
			*s += n;
			return 0;
		}
	return -1;
}

/*
 * "YYYY/M/D[ H:MM[:SS]]", with "-", "." or 年月日 between the date's parts
 * too, as a naive "YYYY-MM-DD HH:MM:SS" in buf (20 bytes): how Excel and
 * people write times.  A date alone is midnight.  Returns 0 or -1.
 */
static int
loose_time(const char *s, char *buf)
{
	static const char *const ysep[] = { "/", "-", ".", "年", NULL };
	static const char *const msep[] = { "/", "-", ".", "月", NULL };
	static const char *const dsep[] = { "日", "", NULL };
	unsigned y, mo, d, h = 0, mi = 0, sec = 0;

	if (num(&s, 4, 4, &y) || sep(&s, ysep) || num(&s, 1, 2, &mo) ||
	    sep(&s, msep) || num(&s, 1, 2, &d) || sep(&s, dsep))
		return -1;
	while (*s == ' ' || *s == 'T')
		s++;
	if (*s != '\0' && (num(&s, 1, 2, &h) || *s++ != ':' ||
	    num(&s, 2, 2, &mi) || (*s == ':' && (s++, num(&s, 2, 2, &sec)))))
		return -1;
	while (*s == ' ')
		s++;
	if (*s != '\0')
		return -1;
	snprintf(buf, 20, "%04u-%02u-%02u %02u:%02u:%02u", y, mo % 100,
	    d % 100, h % 100, mi % 100, sec % 100);
	return 0;
}

int
ing_parse_time(const struct ing *g, const char *s, long long *t, int *off)
{
	size_t n = strlen(s), i;
	long long lt;
	char buf[40];

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == n && (n == 10 || n == 13)) {
		*t = strtoll(s, NULL, 10) / (n == 13 ? 1000 : 1);
		*off = qp_tz_offset(g->tz, *t);
		return qp_time_in_range(*t) ? 0 : -1;
	}
	if (qp_time_parse(s, n, t, off) == 0)
		return 0;
	/* "2024/05/01 08:00+08:00": slashes as dashes. */
	if (n < sizeof buf) {
		memcpy(buf, s, n + 1);
		for (i = 0; i < n && i < 10; i++)
			if (buf[i] == '/')
				buf[i] = '-';
		if (qp_time_parse(buf, n, t, off) == 0)
			return 0;
	}
	if (loose_time(s, buf) == 0 && qp_time_parse_naive(buf, 19, &lt) == 0) {
		*t = qp_tz_resolve(g->tz, lt);
		*off = qp_tz_offset(g->tz, *t);
		return 0;
	}
	return -1;
}

/* Whether header cell h is name (ASCII case and spaces around it ignored). */
static int
same_name(const char *h, const char *name)
{
	size_t n = strlen(name);

	while (*h == ' ')
		h++;
	if (strncasecmp(h, name, n) != 0)
		return 0;
	for (h += n; *h == ' '; h++)
		;
	return *h == '\0';
}

/* What is wrong with a time cell, for a message (buf: cap bytes). */
static const char *
time_why(const char *s, char *buf, size_t cap)
{
	char norm[20];
	size_t n = strlen(s), i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (n > 0 && i == n)
		snprintf(buf, cap, "not Unix seconds (10 digits) or "
		    "milliseconds (13)");
	else if (loose_time(s, norm) == 0)
		qp_time_why(norm, 19, 1, buf, cap);
	else
		qp_time_why(s, n, 0, buf, cap);
	return buf;
}

/*
 * The time of a row into e; -1 when the cell is no time, said as an
 * unreadable line with why (*rc: ing_bad's answer, -1 to stop).
 */
static int
row_time(struct ing *g, struct ing_text *x, const char *s,
    struct ing_event *e, int *rc)
{
	char why[128];

	if (ing_parse_time(g, s, &e->t, &e->off) == 0)
		return 0;
	*rc = ing_bad(g, x, "not a time: '%s' (%s)", s,
	    time_why(s, why, sizeof why));
	return -1;
}

static int
find(const struct qp_row *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (same_name(h->f[i].s, name))
			return (int)i;
	return -1;
}

static const char *
cell(const struct qp_row *r, int c)
{
	return c >= 0 && (size_t)c < r->n ? r->f[c].s : "";
}

/* A cell, or NULL when the column is absent or the cell empty. */
static const char *
cell_or_null(const struct qp_row *r, int c)
{
	return *cell(r, c) != '\0' ? cell(r, c) : NULL;
}

/*
 * The columns of header h: those map names, or else those named after
 * the events columns (in an events file: as event_headers names them).
 * 0, or -1 with a message.
 */
static int
columns(struct ing *g, struct ing_text *x, const struct qp_row *h,
    char *const *map, int events, int *col)
{
	const char *opt = events ? "--events-map" : "--map";
	size_t k;
	int i, n = events ? ING_NECOLS : ING_NCOLS;

	for (i = 0; i < n; i++) {
		col[i] = -1;
		if (map[i] != NULL && (col[i] = find(h, map[i])) < 0) {
			ing_fail(g, x, "%s %s=%s: no such column", opt,
			    mapped[i], map[i]);
			return -1;
		}
	}
	if (map[C_TS] != NULL)
		return 0;
	if (!events)
		for (i = 0; i < ING_NCOLS; i++)
			col[i] = find(h, mapped[i]);
	else
		for (k = 0; k < sizeof event_headers / sizeof *event_headers; k++)
			if (col[event_headers[k].col] < 0)
				col[event_headers[k].col] = find(h,
				    event_headers[k].name);
	return 0;
}

static enum ing_kind
kind_of(const char *s)
{
	static const char *const names[ING_NKINDS] = {
		"message", "join", "leave", "remove", "rename", "system", "custom"
	};
	int i;

	for (i = 0; i < ING_NKINDS; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum ing_kind)i;
	return ING_NKINDS;
}

int
ing_csv_failed(struct ing *g, struct ing_text *x, const struct qp_csv *c)
{
	g->cur.bad++;
	if (qp_csv_error_line(c) > 0) {
		ing_set_line(x, qp_csv_error_line(c));
		ing_fail(g, x, "%s (CSV); the rest of the file is not read",
		    qp_csv_error_why(c));
	} else
		qp_warn("%s", qp_csv_error(c));
	return -1;
}

/*
 * The header of x's CSV, read into *c and *h: -1 with a message when
 * there is none.  A header of one field holding tabs is Excel's Unicode
 * text: the file is read again with tabs between fields.
 */
static int
header(struct ing *g, struct ing_text *x, struct qp_csv **c,
    const struct qp_row **h)
{
	int rc, tabs;

	for (tabs = 0; tabs < 2; tabs++) {
		if (*c != NULL) {
			qp_src_close(qp_csv_src(*c));
			qp_csv_free(*c);
		}
		if ((*c = ing_csv(x)) == NULL) {
			qp_warn("out of memory");
			return -1;
		}
		if (tabs)
			qp_csv_set_delim(*c, '\t');
		if ((rc = qp_csv_next(*c, h)) < 0)
			return ing_csv_failed(g, x, *c);
		if (rc == 0) {
			ing_fail(g, x, "empty file");
			return -1;
		}
		if ((*h)->n > 1 || strchr((*h)->f[0].s, '\t') == NULL)
			break;
	}
	ing_set_line(x, (*h)->lineno);
	return 0;
}

int
ing_csv_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	(void)head;
	(void)len;
	return 0;	/* only with --format csv */
}

int
ing_csv_parse(struct ing *g, struct ing_text *x)
{
	struct qp_csv *c = NULL;
	const struct qp_row *r;
	int col[ING_NCOLS], rc;
	const char *base = ing_name(x), *p;
	char group[512];

	for (p = base; *p; p++)
		if (*p == '/' || *p == '!')
			base = p + 1;
	snprintf(group, sizeof group, "%s", base);
	if ((p = strrchr(group, '.')) != NULL)
		group[p - group] = '\0';
	if ((rc = header(g, x, &c, &r)) == -1 ||
	    (rc = columns(g, x, r, g->map, 0, col)) == -1)
		goto out;
	if (col[C_TS] < 0 || (col[C_USER] < 0 && col[C_USER_ID] < 0)) {
		ing_fail(g, x, "no ts and user (or user_id) columns: --format "
		    "csv needs --map ts=COLUMN,user=COLUMN,...");
		rc = -1;
		goto out;
	}
	ing_platform(g, "csv");
	while ((rc = qp_csv_next(c, &r)) > 0) {
		struct ing_event e;
		const char *k;

		ing_set_line(x, r->lineno);
		memset(&e, 0, sizeof e);
		if (row_time(g, x, cell(r, col[C_TS]), &e, &rc) == -1) {
			if (rc == -1)
				break;
			continue;
		}
		k = cell(r, col[C_KIND]);
		e.kind = *k ? kind_of(k) : ING_MESSAGE;
		if (e.kind == ING_NKINDS) {
			if ((rc = ing_bad(g, x, "unknown kind '%s'", k)) == -1)
				break;
			continue;
		}
		e.group_id = cell_or_null(r, col[C_GROUP_ID]);
		e.group = col[C_GROUP] >= 0 ? cell(r, col[C_GROUP]) : group;
		e.user_id = cell_or_null(r, col[C_USER_ID]);
		e.user = cell(r, col[C_USER]);
		e.actor_id = cell_or_null(r, col[C_ACTOR]);
		e.via = cell(r, col[C_VIA]);
		e.msg_id = cell_or_null(r, col[C_MSG_ID]);
		e.reply_to = cell(r, col[C_REPLY_TO]);
		e.media = cell_or_null(r, col[C_MEDIA]);
		e.text = cell(r, col[C_TEXT]);
		e.name = cell(r, col[C_NAME]);
		if (e.user_id == NULL && *e.user == '\0') {
			if ((rc = ing_bad(g, x, "no user")) == -1)
				break;
			continue;
		}
		if ((rc = ing_emit(g, &e)) == -1)
			break;
	}
	if (qp_csv_error(c) != NULL)
		rc = ing_csv_failed(g, x, c);
out:
	if (c != NULL) {
		qp_src_close(qp_csv_src(c));
		qp_csv_free(c);
	}
	return rc < 0 ? -1 : 0;
}

/* The src id of an events file: a hash of its text, as for chat exports. */
static int
events_src(struct ing *g, struct ing_text *x)
{
	static char buf[65536];
	struct qp_src *s;
	struct qp_hasher *h;
	long got;

	if ((s = qp_src_open_fd(ing_fd(x), ing_name(x))) == NULL) {
		qp_warn("out of memory");
		return -1;
	}
	if ((h = qp_hasher_new()) == NULL) {
		qp_src_close(s);
		qp_warn("out of memory");
		return -1;
	}
	while ((got = qp_src_read(s, buf, sizeof buf)) > 0)
		qp_hasher_add(h, buf, (size_t)got);
	qp_hash_hex(buf, qp_hasher_end(h));
	memcpy(g->src, buf, 12);
	g->src[12] = '\0';
	if (got < 0)
		qp_warn("%s", qp_src_error(s));
	qp_src_close(s);
	return got < 0 ? -1 : 0;
}

/*
 * A payment's text: "AMOUNT[ CURRENCY[ PRODUCT]]" (qp_payment_parse()),
 * the amount exact in hundredths; the cell as it is when the row has no
 * amount.  0, or -1 when the amount or currency is unreadable, said as an
 * unreadable line (*rc: ing_bad's answer).
 */
static int
payment(struct ing *g, struct ing_text *x, const struct qp_row *r,
    const int *col, char *buf, size_t cap, int *rc)
{
	const char *a = cell(r, col[C_TEXT]), *cc = cell(r, col[C_CURRENCY]);
	const char *prod = cell(r, col[C_PRODUCT]);
	char cur[QP_CUR_LEN], m[QP_MONEY_LEN];
	long long cents;
	size_t i, n = strlen(cc);

	while (n > 0 && cc[n - 1] == ' ')
		n--;
	while (*cc == ' ')
		cc++, n--;
	if (*a == '\0' && n == 0 && *prod == '\0') {
		buf[0] = '\0';
		return 0;
	}
	if (*a == '\0') {
		*rc = ing_bad(g, x, "a currency or product without an amount");
		return -1;
	}
	if (qp_money_parse(a, strlen(a), &cents, cur) == -1) {
		*rc = ing_bad(g, x, "not an amount: '%s' (a number with at most "
		    "two decimals, such as 199, 1,299.50, ¥199, 199元 or $5; "
		    "refunds are not read)", a);
		return -1;
	}
	if (n > 0) {
		char code[QP_CUR_LEN];

		for (i = 0; i < n && i < 3; i++)
			code[i] = (char)(cc[i] >= 'a' && cc[i] <= 'z' ?
			    cc[i] - 'a' + 'A' : cc[i]);
		code[i] = '\0';
		if (strcmp(code, "RMB") == 0 || strcmp(cc, "人民币") == 0 ||
		    strcmp(cc, "元") == 0)
			strcpy(code, "CNY");
		else if (n != 3 || code[0] < 'A' || code[0] > 'Z' ||
		    code[1] < 'A' || code[1] > 'Z' || code[2] < 'A' ||
		    code[2] > 'Z') {
			*rc = ing_bad(g, x, "not a currency: '%s' (an ISO 4217 "
			    "code such as CNY, USD)", cc);
			return -1;
		}
		if (*cur != '\0' && strcmp(cur, code) != 0) {
			*rc = ing_bad(g, x, "amount '%s' is not in %s", a, code);
			return -1;
		}
		strcpy(cur, code);
	}
	qp_money_format(m, cents);
	/* Spaces in a product stay; the first two spaces separate. */
	if (*prod != '\0')
		snprintf(buf, cap, "%s %s %s", m, cur, prod);
	else if (*cur != '\0')
		snprintf(buf, cap, "%s %s", m, cur);
	else
		snprintf(buf, cap, "%s", m);
	return 0;
}

/* --events FILE: custom events matched to members read so far. */
int
ing_events_file(struct ing *g, const char *path)
{
	struct ing_text *x;
	struct qp_csv *c = NULL;
	const struct qp_row *r;
	int col[ING_NECOLS], rc;
	unsigned long long unmatched = 0;
	char text[1024];

	if ((x = ing_text_open(path)) == NULL)
		return -1;
	if (events_src(g, x) == -1) {
		ing_text_close(x);
		return -1;
	}
	memset(&g->cur, 0, sizeof g->cur);
	g->curname = path;
	g->curx = x;
	if ((rc = header(g, x, &c, &r)) == -1 ||
	    (rc = columns(g, x, r, g->emap, 1, col)) == -1)
		goto out;
	if (col[C_TS] < 0 || (col[C_USER_ID] < 0 && col[C_USER] < 0)) {
		ing_fail(g, x, "the header needs a time column (ts, time, date, "
		    "paid_at, 时间, 日期) and user_id or user (用户, 昵称, 成员, "
		    "会员ID, 用户ID), or --events-map ts=COLUMN,user=COLUMN");
		rc = -1;
		goto out;
	}
	while ((rc = qp_csv_next(c, &r)) > 0) {
		struct ing_event e;
		const char *user = cell(r, col[C_USER]), *known;

		ing_set_line(x, r->lineno);
		memset(&e, 0, sizeof e);
		if (row_time(g, x, cell(r, col[C_TS]), &e, &rc) == -1) {
			if (rc == -1)
				break;
			continue;
		}
		e.kind = ING_CUSTOM;
		e.name = *cell(r, col[C_NAME]) ? cell(r, col[C_NAME]) : "paid";
		if (payment(g, x, r, col, text, sizeof text, &rc) == -1) {
			if (rc == -1)
				break;
			continue;
		}
		e.text = text;
		e.msg_id = cell_or_null(r, col[C_MSG_ID]);
		e.user = user;
		e.user_id = cell_or_null(r, col[C_USER_ID]);
		if (e.user_id == NULL && *user == '\0') {
			if ((rc = ing_bad(g, x, "no user or user id")) == -1)
				break;
			continue;
		}
		known = *user && g->everyone ? ing_names_get(g->everyone, user) :
		    NULL;
		if (known != NULL && e.user_id != NULL &&
		    strcmp(strchr(known, '\x1f') + 1, e.user_id) != 0)
			known = NULL;	/* the same name, another person */
		if (known != NULL) {
			/* "platform\x1fid", as ing_emit() records it */
			const char *sep = strchr(known, '\x1f');

			snprintf(g->platform_buf, sizeof g->platform_buf, "%.*s",
			    (int)(sep - known), known);
			ing_platform(g, g->platform_buf);
			e.user_id = sep + 1;
		} else {
			if (e.user_id == NULL)
				unmatched++;
			ing_platform(g, *cell(r, col[C_PLATFORM]) ?
			    cell(r, col[C_PLATFORM]) : "csv");
		}
		e.group_id = cell_or_null(r, col[C_GROUP_ID]);
		e.group = cell(r, col[C_GROUP]);
		if (e.group_id == NULL && *e.group == '\0')
			e.group_id = "";	/* no group: every group of the member */
		if ((rc = ing_emit(g, &e)) == -1)
			break;
	}
	if (qp_csv_error(c) != NULL)
		rc = ing_csv_failed(g, x, c);
	if (ing_input_end(g) == -1)
		rc = -1;
	if (rc == 0 && !g->quiet)
		qp_warn("%s: %llu custom events, %llu unreadable rows, %llu "
		    "matched to no member seen in the chats", path,
		    g->cur.kinds[ING_CUSTOM], g->cur.bad, unmatched);
	if (rc == 0)
		ing_add_source(g, path, "events");
out:
	if (c != NULL) {
		qp_src_close(qp_csv_src(c));
		qp_csv_free(c);
	}
	g->curx = NULL;
	ing_text_close(x);
	return rc < 0 ? -1 : 0;
}
