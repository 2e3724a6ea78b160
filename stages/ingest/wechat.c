/*
 * WeChat group chats as exported by MemoTrace/WeChatMsg ("留痕") to CSV:
 * the raw database rows, UTF-8 with a BOM,
 *
 *	localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,
 *	StrTime,Remark,NickName,Sender
 *
 * The sender is Sender (a wxid), named by Remark or NickName; the instant
 * is CreateTime, and StrTime (the exporting machine's wall clock) gives
 * the offset.  Type 10000 rows are system notices: invitations
 * ("A"邀请"B、C"加入了群聊), QR-code joins, removals and renames, in
 * Chinese and English, naming people by display name, which pass 1 maps
 * to the wxids their messages carry.  Most clients write no line when
 * someone leaves on their own; where one does ("X"退出了群聊) it is a
 * leave.  A notice whose names are the template's unexpanded placeholders
 * ("$username$"邀请"$names$"加入了群聊) names nobody: it stays a system row.
 *
 * MemoTrace's TXT layout is read too: "StrTime name" then the content and
 * an empty line per message, "StrTime notice" alone for a system line.  It
 * names people by display name only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "qp_csv.h"
#include "qp_io.h"
#include "qp_time.h"

enum { C_TYPE, C_SUB, C_ISSENDER, C_CTIME, C_CONTENT, C_STIME, C_REMARK,
	C_NICK, C_SENDER, NCOLS };

static const char *const colnames[NCOLS] = {
	"Type", "SubType", "IsSender", "CreateTime", "StrContent", "StrTime",
	"Remark", "NickName", "Sender"
};

struct wx {
	struct ing		*g;
	struct ing_text		*x;
	struct ing_names	*names;
	char			 group[512];
	const char		*me;		/* the exporter's wxid, if seen */
	int			 col[NCOLS];
};

static const char *
field(const struct wx *w, const struct qp_row *r, int c)
{
	return w->col[c] >= 0 && (size_t)w->col[c] < r->n ? r->f[w->col[c]].s : "";
}

static int
find_columns(struct wx *w, const struct qp_row *h)
{
	size_t i;
	int c;

	for (c = 0; c < NCOLS; c++) {
		w->col[c] = -1;
		for (i = 0; i < h->n; i++)
			if (strcmp(h->f[i].s, colnames[c]) == 0)
				w->col[c] = (int)i;
	}
	return w->col[C_TYPE] >= 0 && w->col[C_CONTENT] >= 0 &&
	    (w->col[C_CTIME] >= 0 || w->col[C_STIME] >= 0) ? 0 : -1;
}

static const char *
display(const struct wx *w, const struct qp_row *r)
{
	const char *s = field(w, r, C_REMARK);

	if (*s == '\0')
		s = field(w, r, C_NICK);
	if (*s == '\0')
		s = field(w, r, C_SENDER);
	return s;
}

/* --- system notices ----------------------------------------------------- */

enum act { W_INVITE, W_INVITE_ME, W_INVITE_ME_AND, W_I_INVITE, W_QR,
	W_QR_MINE, W_I_REMOVE, W_REMOVED_ME, W_REMOVE, W_RENAME, W_LEAVE,
	W_RP_OPENED, W_RP_I_OPENED };

static const struct {
	const char	*p;
	enum act	 act;
} patterns[] = {
	/* "A"邀请你和"B"加入了群聊 */
	{ "\"%a\"\xe9\x82\x80\xe8\xaf\xb7\xe4\xbd\xa0\xe5\x92\x8c\"%b\"\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_INVITE_ME_AND },
	/* "A"邀请你加入了群聊，群聊参与人还有：… */
	{ "\"%a\"\xe9\x82\x80\xe8\xaf\xb7\xe4\xbd\xa0\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a%x", W_INVITE_ME },
	{ "\"%a\"\xe9\x82\x80\xe8\xaf\xb7\xe4\xbd\xa0\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_INVITE_ME },
	/* 你邀请"B"加入了群聊 */
	{ "\xe4\xbd\xa0\xe9\x82\x80\xe8\xaf\xb7\"%b\"\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_I_INVITE },
	/* "A"邀请"B、C"加入了群聊 */
	{ "\"%a\"\xe9\x82\x80\xe8\xaf\xb7\"%b\"\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_INVITE },
	/* "B"通过扫描你分享的二维码加入群聊 */
	{ "\"%b\"\xe9\x80\x9a\xe8\xbf\x87\xe6\x89\xab\xe6\x8f\x8f\xe4\xbd\xa0\xe5\x88\x86\xe4\xba\xab\xe7\x9a\x84\xe4\xba\x8c\xe7\xbb\xb4\xe7\xa0\x81\xe5\x8a\xa0\xe5\x85\xa5\xe7\xbe\xa4\xe8\x81\x8a", W_QR_MINE },
	/* "B"通过扫描"A"分享的二维码加入群聊 */
	{ "\"%b\"\xe9\x80\x9a\xe8\xbf\x87\xe6\x89\xab\xe6\x8f\x8f\"%a\"\xe5\x88\x86\xe4\xba\xab\xe7\x9a\x84\xe4\xba\x8c\xe7\xbb\xb4\xe7\xa0\x81\xe5\x8a\xa0\xe5\x85\xa5\xe7\xbe\xa4\xe8\x81\x8a", W_QR },
	/* 你将"B"移出了群聊 */
	{ "\xe4\xbd\xa0\xe5\xb0\x86\"%b\"\xe7\xa7\xbb\xe5\x87\xba\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_I_REMOVE },
	/* 你被"A"移出群聊 */
	{ "\xe4\xbd\xa0\xe8\xa2\xab\"%a\"\xe7\xa7\xbb\xe5\x87\xba\xe7\xbe\xa4\xe8\x81\x8a", W_REMOVED_ME },
	/* "A"将"B"移出了群聊 */
	{ "\"%a\"\xe5\xb0\x86\"%b\"\xe7\xa7\xbb\xe5\x87\xba\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_REMOVE },
	/* "B"退出了群聊 */
	{ "\"%b\"\xe9\x80\x80\xe5\x87\xba\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", W_LEAVE },
	/* "A"修改群名为"X" */
	{ "\"%a\"\xe4\xbf\xae\xe6\x94\xb9\xe7\xbe\xa4\xe5\x90\x8d\xe4\xb8\xba\"%b\"", W_RENAME },
	/* 你领取了自己的红包, 你领取了"B"的红包: the exporter opened one */
	{ "\xe4\xbd\xa0\xe9\xa2\x86\xe5\x8f\x96\xe4\xba\x86%x\xe7\x9a\x84\xe7\xba\xa2\xe5\x8c\x85", W_RP_I_OPENED },
	/* "A"领取了你的红包: A opened the exporter's */
	{ "%a\xe9\xa2\x86\xe5\x8f\x96\xe4\xba\x86\xe4\xbd\xa0\xe7\x9a\x84\xe7\xba\xa2\xe5\x8c\x85", W_RP_OPENED },
	/* English client */
	{ "%a invited you and %b to the group chat", W_INVITE_ME_AND },
	{ "%a invited you to a group chat with %x", W_INVITE_ME },
	{ "You invited %b to the group chat", W_I_INVITE },
	{ "%a invited %b to the group chat", W_INVITE },
	{ "\"%b\" joined the group chat via the QR Code shared by \"%a\"", W_QR },
	{ "\"%b\" joined the group chat via your shared QR Code", W_QR_MINE },
	{ "You removed \"%b\" from the group chat", W_I_REMOVE },
	{ "You were removed from the group chat by \"%a\"", W_REMOVED_ME },
	{ "%a changed the group name to \"%b\"", W_RENAME },
	{ NULL, 0 }
};

static const char *const list_seps[] = {
	"\xe3\x80\x81", "\",\"", ", ", " and ", "\xe5\x92\x8c", NULL
};

struct joiner {
	struct wx		*w;
	struct ing_event	*e;
};

static const char *
id_of(const struct wx *w, const char *name)
{
	if (strcmp(name, "You") == 0 || strcmp(name, "\xe4\xbd\xa0") == 0)
		return w->me;
	return ing_names_get(w->names, name);
}

static const char *
you(const char *name)
{
	return strcmp(name, "\xe4\xbd\xa0") == 0 ? "You" : name;
}

static int
emit_one(void *arg, const char *name)
{
	struct joiner *j = arg;

	j->e->user = you(name);
	j->e->user_id = id_of(j->w, name);
	return ing_emit(j->w->g, j->e);
}

/* Replace “ and ” with ", drop a trailing $revoke$, in a copy. */
static void
normalize(char *out, size_t cap, const char *in)
{
	size_t n = 0;

	while (*in != '\0' && n + 1 < cap) {
		if (strncmp(in, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(in, "\xe2\x80\x9d", 3) == 0) {
			out[n++] = '"';
			in += 3;
		} else
			out[n++] = *in++;
	}
	out[n] = '\0';
	if ((in = strstr(out, "$revoke$")) != NULL)
		out[in - out] = '\0';
	/* A red packet's notice is marked up: an icon, a link on 红包. */
	if (strstr(out, "_wc_custom_link_") != NULL ||
	    strncmp(out, "<img ", 5) == 0) {
		char *r = out, *w = out;

		while (*r != '\0')
			if (*r == '<' && strchr(r, '>') != NULL)
				r = strchr(r, '>') + 1;
			else
				*w++ = *r++;
		*w = '\0';
		for (r = out; *r == ' '; r++)
			;
		memmove(out, r, strlen(r) + 1);
		n = strlen(out);
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\n'))
		out[--n] = '\0';
	if (strlen(out) < n)
		n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
}

/* Whether a name is a template's placeholder left unexpanded: $names$. */
static int
placeholder(const char *s)
{
	size_t n = strlen(s);

	return n >= 2 && s[0] == '$' && s[n - 1] == '$';
}

static int
notice(struct wx *w, struct ing_event *e, const char *content)
{
	char text[4096], a[1024], b[2048];
	struct joiner j;
	size_t i;

	normalize(text, sizeof text, content);
	e->kind = ING_SYSTEM;
	e->text = text;
	j.w = w;
	j.e = e;
	for (i = 0; patterns[i].p != NULL; i++) {
		if (!ing_match(patterns[i].p, text, a, b, sizeof a))
			continue;
		if (placeholder(ing_trim(a, "\"")) ||
		    placeholder(ing_trim(b, "\"")))
			break;		/* names nobody */
		switch (patterns[i].act) {
		case W_INVITE:
		case W_INVITE_ME:
		case W_INVITE_ME_AND:
		case W_I_INVITE:
			e->kind = ING_JOIN;
			e->via = "invite";
			if (patterns[i].act == W_I_INVITE)
				strcpy(a, "You");
			e->actor = you(ing_trim(a, "\""));
			e->actor_id = id_of(w, e->actor);
			if (patterns[i].act == W_INVITE_ME ||
			    patterns[i].act == W_INVITE_ME_AND)
				if (emit_one(&j, "You") == -1)
					return -1;
			if (patterns[i].act == W_INVITE_ME)
				return 0;
			return ing_each(b, list_seps, emit_one, &j);
		case W_QR:
		case W_QR_MINE:
			e->kind = ING_JOIN;
			e->via = "qrcode";
			if (patterns[i].act == W_QR_MINE)
				strcpy(a, "You");
			e->actor = you(ing_trim(a, "\""));
			e->actor_id = id_of(w, e->actor);
			return emit_one(&j, ing_trim(b, "\""));
		case W_I_REMOVE:
		case W_REMOVE:
			e->kind = ING_REMOVE;
			if (patterns[i].act == W_I_REMOVE)
				strcpy(a, "You");
			e->actor = you(ing_trim(a, "\""));
			e->actor_id = id_of(w, e->actor);
			return ing_each(b, list_seps, emit_one, &j);
		case W_REMOVED_ME:
			e->kind = ING_REMOVE;
			e->actor = ing_trim(a, "\"");
			e->actor_id = id_of(w, e->actor);
			return emit_one(&j, "You");
		case W_LEAVE:
			e->kind = ING_LEAVE;
			return emit_one(&j, ing_trim(b, "\""));
		case W_RP_OPENED:
		case W_RP_I_OPENED:
			/* an event of who opened it, for activities */
			e->kind = ING_CUSTOM;
			e->name = "red_packet_open";
			return emit_one(&j, patterns[i].act == W_RP_OPENED ?
			    ing_trim(a, "\"") : "You");
		case W_RENAME:
			e->kind = ING_RENAME;
			e->text = ing_trim(b, "\"");
			return emit_one(&j, ing_trim(a, "\""));
		}
	}
	return ing_emit(w->g, e);
}

/*
 * The first <tag> of an app message's XML (<title>: link title, file
 * name, a quote's own text), its CDATA unwrapped; "" when absent.
 */
static void
xml_tag(char *out, size_t cap, const char *xml, const char *tag)
{
	char open[32], close[32];
	const char *s, *e;
	size_t n;

	*out = '\0';
	snprintf(open, sizeof open, "<%s>", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	if ((s = strstr(xml, open)) == NULL ||
	    (e = strstr(s + strlen(open), close)) == NULL)
		return;
	s += strlen(open);
	if (strncmp(s, "<![CDATA[", 9) == 0 && e - s >= 12) {
		s += 9;
		e -= 3;
	}
	n = (size_t)(e - s) < cap - 1 ? (size_t)(e - s) : cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* XML's five entities back to characters, in place. */
static void
xml_unescape(char *s)
{
	static const char *const ent[][2] = {
		{ "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		{ "&apos;", "'" }, { "&amp;", "&" }
	};
	char *w = s;
	size_t i;

	while (*s != '\0') {
		for (i = 0; i < sizeof ent / sizeof *ent; i++)
			if (strncmp(s, ent[i][0], strlen(ent[i][0])) == 0)
				break;
		if (i < sizeof ent / sizeof *ent) {
			*w++ = *ent[i][1];
			s += strlen(ent[i][0]);
		} else
			*w++ = *s++;
	}
	*w = '\0';
}

/*
 * A quote (app message 57): its <refermsg> names the quoted message's
 * sender (chatusr), time (createtime) and content.  MemoTrace's CSV has
 * no server ids (svrid), so the quoted message is found by what it was:
 * reply_to is the msg_id a message of that time, sender and text gets
 * (its text as this parser makes it: a text's content, an app message's
 * title, else none).  Without a sender or a time, no reply_to.
 */
static void
quote(struct ing_event *e, char *uid, char *text, size_t cap,
    const char *xml)
{
	char buf[4096], num[32], type[16];
	const char *ref = strstr(xml, "<refermsg>");
	char *end;
	long long t;

	if (ref == NULL)
		return;
	xml_tag(uid, 256, ref, "chatusr");
	xml_tag(num, sizeof num, ref, "createtime");
	xml_tag(type, sizeof type, ref, "type");
	t = strtoll(num, &end, 10);
	if (*uid == '\0' || *num == '\0' || *end != '\0' || t <= 0)
		return;
	xml_tag(buf, sizeof buf, ref, "content");
	xml_unescape(buf);
	if (strcmp(type, "1") == 0)
		snprintf(text, cap, "%s", buf);
	else if (strcmp(type, "49") == 0)
		xml_tag(text, cap, buf, "title");
	else
		*text = '\0';
	e->reply_t = t;
	e->reply_user_id = uid;
	e->reply_text = text;
}

static int
row(struct wx *w, const struct qp_row *r)
{
	struct ing_event e;
	char title[1024], ruid[256], rtext[4096];
	long long t = 0, lt;
	const char *ct = field(w, r, C_CTIME), *st = field(w, r, C_STIME);
	const char *content = field(w, r, C_CONTENT);
	int type = atoi(field(w, r, C_TYPE)), sub = atoi(field(w, r, C_SUB));
	char *end;

	memset(&e, 0, sizeof e);
	e.group = w->group;
	if (*ct != '\0') {
		t = strtoll(ct, &end, 10);
		if (*end != '\0')
			return ing_bad(w->g, w->x, "CreateTime is not a number: %s", ct);
		e.t = t;
		e.off = qp_time_parse_naive(st, strlen(st), &lt) == 0 ?
		    ing_offset(w->g, lt, t) : qp_tz_offset(ing_tz(w->g), t);
	} else if (qp_time_parse_naive(st, strlen(st), &lt) == 0) {
		e.t = qp_tz_resolve(ing_tz(w->g), lt);
		e.off = qp_tz_offset(ing_tz(w->g), e.t);
	} else if (*st == '\0')
		return ing_bad(w->g, w->x, "no time in the row (CreateTime and "
		    "StrTime are empty)");
	else {
		char why[128];

		return ing_bad(w->g, w->x, "StrTime '%s': %s", st,
		    qp_time_why(st, strlen(st), 1, why, sizeof why));
	}
	if (type == 10000 || type == 10002)
		return notice(w, &e, content);
	e.kind = ING_MESSAGE;
	e.user = display(w, r);
	e.user_id = field(w, r, C_SENDER);
	if (*e.user_id == '\0') {
		e.user_id = strcmp(field(w, r, C_ISSENDER), "1") == 0 && w->me ?
		    w->me : NULL;
		if (*e.user == '\0' && strcmp(field(w, r, C_ISSENDER), "1") == 0)
			e.user = "You";
	}
	/* The exporting account: recorded (roles table), not staff. */
	if (strcmp(field(w, r, C_ISSENDER), "1") == 0)
		e.role = "exporter";
	e.text = content;
	switch (type) {
	case 1:
		e.media = strstr(content, "http://") || strstr(content,
		    "https://") ? "link" : "text";
		break;
	case 3: e.media = "image"; e.text = ""; break;
	case 34: e.media = "audio"; e.text = ""; break;
	case 43: e.media = "video"; e.text = ""; break;
	case 47: e.media = "sticker"; e.text = ""; break;
	case 48: e.media = "location"; e.text = ""; break;
	case 49:
		xml_tag(title, sizeof title, content, "title");
		e.text = title;
		if (sub == 57)
			quote(&e, ruid, rtext, sizeof rtext, content);
		e.media = sub == 6 ? "file" : sub == 57 ? "text" :
		    sub == 5 || sub == 33 || sub == 36 ? "link" :
		    sub == 2001 ? "red_packet" : sub == 53 ? "jielong" :
		    "other";
		break;
	default:
		e.media = "other";
		e.text = "";
		break;
	}
	return ing_emit(w->g, &e);
}

int
ing_wechat_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	if (len >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0) {
		head += 3;
		len -= 3;
	}
	if (len >= 20 && strncmp(head, "localId,TalkerId,Type", 21) == 0)
		return 95;
	return 0;
}

/* "群名_utf8.csv" or "群名.csv", without folders and archive names. */
static void
group_name(char *out, size_t cap, const char *path)
{
	const char *b = path, *p;
	size_t n;

	for (p = path; *p; p++)
		if (*p == '/' || *p == '!')
			b = p + 1;
	n = strlen(b);
	if (n > 9 && strcmp(b + n - 9, "_utf8.csv") == 0)
		n -= 9;
	else if (n > 4 && strcmp(b + n - 4, ".csv") == 0)
		n -= 4;
	snprintf(out, cap, "%.*s", (int)n, b);
}

int
ing_wechat_parse(struct ing *g, struct ing_text *x)
{
	struct wx w;
	struct qp_csv *c;
	const struct qp_row *r;
	char *me = NULL;
	int rc, pass;

	memset(&w, 0, sizeof w);
	w.g = g;
	w.x = x;
	ing_platform(g, "wechat");
	group_name(w.group, sizeof w.group, ing_name(x));
	if ((w.names = ing_names_new()) == NULL)
		return -1;
	/* Pass 1 maps display names to wxids; pass 2 emits. */
	for (pass = 1, rc = 0; pass <= 2 && rc == 0; pass++) {
		if ((c = ing_csv(x)) == NULL) {
			rc = -1;
			break;
		}
		if ((rc = qp_csv_next(c, &r)) < 0) {
			rc = ing_csv_failed(g, x, c);
			goto next;
		}
		if (rc == 0 || find_columns(&w, r) == -1) {
			rc = 0;
			if (pass == 1)
				ing_bad(g, x, "not a MemoTrace CSV header");
			goto next;
		}
		while ((rc = qp_csv_next(c, &r)) > 0) {
			const char *sender = field(&w, r, C_SENDER);

			if (pass == 2) {
				ing_set_line(x, r->lineno);
				if (row(&w, r) == -1) {
					rc = -1;
					break;
				}
				continue;
			}
			if (*sender == '\0')
				continue;
			if (strcmp(field(&w, r, C_ISSENDER), "1") == 0 && me == NULL &&
			    (me = strdup(sender)) == NULL) {
				rc = -1;
				break;
			}
			if (ing_names_put(w.names, field(&w, r, C_NICK), sender) ||
			    ing_names_put(w.names, field(&w, r, C_REMARK), sender)) {
				rc = -1;
				break;
			}
		}
		if (qp_csv_error(c) != NULL) {
			rc = ing_csv_failed(g, x, c);
			goto next;
		}
		w.me = me;
next:
		qp_src_close(qp_csv_src(c));
		qp_csv_free(c);
	}
	free(me);
	ing_names_free(w.names);
	return rc < 0 ? -1 : 0;
}

/* --- the TXT layout ----------------------------------------------------- */

/* "2024-05-06 20:00:00 rest": 0 with *t, *off and *rest, or -1. */
static int
txt_header(const struct ing *g, char *line, long long *t, int *off, char **rest)
{
	long long lt;

	if (strlen(line) < 21 || line[19] != ' ' ||
	    qp_time_parse_naive(line, 19, &lt) == -1)
		return -1;
	*t = qp_tz_resolve(ing_tz(g), lt);
	*off = qp_tz_offset(ing_tz(g), *t);
	*rest = line + 20;
	return 0;
}

int
ing_wechat_txt_sniff(const char *name, const char *head, size_t len)
{
	char line[256];
	const char *nl;
	size_t n;
	long long lt;

	(void)name;
	if (len >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0) {
		head += 3;
		len -= 3;
	}
	nl = memchr(head, '\n', len);
	n = nl ? (size_t)(nl - head) : len;
	if (n >= sizeof line || n < 21)
		return 0;
	memcpy(line, head, n);
	line[n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	/* QQ ends its header with (number) or <email>; this layout does not. */
	if (line[19] != ' ' || qp_time_parse_naive(line, 19, &lt) == -1 ||
	    line[n - 1] == ')' || line[n - 1] == '>')
		return 0;
	return 60;
}

struct txtmsg {
	long long	 t;
	int		 off, have;
	char		 head[1024];	/* name, or the notice */
	struct ing_buf	 body;
};

static int
txt_flush(struct wx *w, struct txtmsg *m)
{
	struct ing_event e;

	if (!m->have)
		return 0;
	m->have = 0;
	while (m->body.len > 0 && m->body.s[m->body.len - 1] == '\n')
		m->body.s[--m->body.len] = '\0';
	memset(&e, 0, sizeof e);
	e.t = m->t;
	e.off = m->off;
	e.group = w->group;
	if (m->body.len == 0)
		return notice(w, &e, m->head);	/* "time notice", no body */
	e.kind = ING_MESSAGE;
	e.user = m->head;
	e.text = m->body.s;
	e.media = strcmp(e.text, "[\xe5\x9b\xbe\xe7\x89\x87]") == 0 ? "image" :
	    strcmp(e.text, "[\xe8\xaf\xad\xe9\x9f\xb3]") == 0 ? "audio" :
	    strcmp(e.text, "[\xe8\xa7\x86\xe9\xa2\x91]") == 0 ? "video" :
	    strcmp(e.text, "[\xe6\x96\x87\xe4\xbb\xb6]") == 0 ? "file" :
	    strcmp(e.text, "[\xe8\xa1\xa8\xe6\x83\x85\xe5\x8c\x85]") == 0 ? "sticker" :
	    strncmp(e.text, "[\xe9\x93\xbe\xe6\x8e\xa5]", 8) == 0 ||
	    strstr(e.text, "http://") || strstr(e.text, "https://") ? "link" :
	    "text";
	if (strcmp(e.media, "text") != 0 && strcmp(e.media, "link") != 0)
		e.text = "";
	return ing_emit(w->g, &e);
}

int
ing_wechat_txt_parse(struct ing *g, struct ing_text *x)
{
	struct wx w;
	struct txtmsg m;
	char *line, *rest;
	size_t len;
	long long t;
	int off, rc = 0, blank = 1;

	memset(&w, 0, sizeof w);
	memset(&m, 0, sizeof m);
	w.g = g;
	w.x = x;
	ing_platform(g, "wechat");
	group_name(w.group, sizeof w.group, ing_name(x));
	{
		size_t n = strlen(w.group);

		if (n > 4 && strcmp(w.group + n - 4, ".txt") == 0)
			w.group[n - 4] = '\0';
	}
	if ((w.names = ing_names_new()) == NULL)
		return -1;
	while ((rc = ing_line(x, &line, &len)) > 0) {
		/* A header follows an empty line (or starts the file). */
		if (blank && txt_header(g, line, &t, &off, &rest) == 0) {
			if (txt_flush(&w, &m) == -1) {
				rc = -1;
				break;
			}
			m.t = t;
			m.off = off;
			snprintf(m.head, sizeof m.head, "%s", rest);
			m.body.len = 0;
			m.have = 1;
			blank = 0;
			continue;
		}
		blank = len == 0;
		if (!m.have) {
			if (len > 0 && ing_bad(g, x, "not a message header") == -1) {
				rc = -1;
				break;
			}
			continue;
		}
		if ((m.body.len > 0 || len > 0) && ((m.body.len > 0 &&
		    ing_buf_add(&m.body, "\n", 1) == -1) ||
		    ing_buf_add(&m.body, line, len) == -1)) {
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = txt_flush(&w, &m);
	ing_buf_free(&m.body);
	ing_names_free(w.names);
	return rc < 0 ? -1 : 0;
}
