/*
 * QQ message-manager text export (消息管理器 → 导出为 .txt).
 *
 *	消息记录（此消息记录为文本格式，不支持重新导入）
 *	================================================================
 *	消息分组:我的群聊
 *	================================================================
 *	消息对象:技术交流群
 *	================================================================
 *
 *	2024-01-15 09:00:01 小明(100001)
 *	大家好
 *
 * A message starts with "date time nickname(QQ number)" or "... nickname
 * <email>"; the lines after it, up to the next such line, are its text.
 * Every "消息对象:" line starts a new group.  Placeholders such as [图片]
 * become media; system lines (from 系统消息, or a body saying someone
 * joined, left or was removed) become join, leave and remove events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "qp_time.h"

struct qq {
	struct ing	*g;
	struct ing_names *names;	/* nickname -> QQ number */
	char		 group[512];
	char		 user[512], uid[128];
	const char	*role;
	long long	 t;
	int		 off, have;
	struct ing_buf	 text;
};

/* Name prefixes that are roles (others, such as 【活跃】, are titles). */
static const struct {
	const char	*word;
	const char	*role;
} prefixes[] = {
	{ "\xe7\xbe\xa4\xe4\xb8\xbb", "owner" },		/* 群主 */
	{ "\xe7\xae\xa1\xe7\x90\x86\xe5\x91\x98", "admin" },	/* 管理员 */
	{ NULL, NULL }
};

/*
 * "2024-01-15 09:00:01 name(123)" or "... name<a@b>": 0 and fields (role:
 * the role its prefix names, or NULL), or -1.
 */
static int
parse_header(const struct ing *g, const char *line, long long *t, int *off,
    char *user, size_t ucap, char *uid, size_t icap, const char **role)
{
	const char *p = line, *e, *o;
	long long lt;
	size_t n, tl;

	/* The time is "YYYY-MM-DD H:MM:SS" (hour with one or two digits). */
	tl = p[12] == ':' ? 18 : 19;
	if (strlen(p) < tl + 2 || p[tl] != ' ' ||
	    qp_time_parse_naive(p, tl, &lt) == -1)
		return -1;
	if (tl == 18) {
		char fixed[20];

		memcpy(fixed, p, 11);
		fixed[11] = '0';
		memcpy(fixed + 12, p + 11, 7);
		if (qp_time_parse_naive(fixed, 19, &lt) == -1)
			return -1;
	}
	p += tl + 1;
	e = p + strlen(p);
	while (e > p && e[-1] == ' ')
		e--;
	if (e - p < 3 || (e[-1] != ')' && e[-1] != '>'))
		return -1;
	o = e - 1;
	while (o > p && *o != (e[-1] == ')' ? '(' : '<'))
		o--;
	if (o == p || (size_t)(e - o - 2) >= icap)
		return -1;
	if (e[-1] == ')') {
		const char *d;

		for (d = o + 1; d < e - 1; d++)
			if (*d < '0' || *d > '9')
				return -1;
		if (d == o + 1)
			return -1;
	} else if (memchr(o + 1, '@', (size_t)(e - o - 2)) == NULL)
		return -1;
	memcpy(uid, o + 1, (size_t)(e - o - 2));
	uid[e - o - 2] = '\0';
	n = (size_t)(o - p) < ucap ? (size_t)(o - p) : ucap - 1;
	memcpy(user, p, n);
	user[n] = '\0';
	/* A role prefix such as 【管理员】 is not part of the name. */
	*role = NULL;
	if (strncmp(user, "\xe3\x80\x90", 3) == 0) {
		char *close = strstr(user, "\xe3\x80\x91");
		size_t i;

		if (close != NULL) {
			for (i = 0; prefixes[i].word != NULL; i++)
				if ((size_t)(close - user - 3) ==
				    strlen(prefixes[i].word) && strncmp(user + 3,
				    prefixes[i].word, (size_t)(close - user - 3)) == 0)
					*role = prefixes[i].role;
			memmove(user, close + 3, strlen(close + 3) + 1);
		}
	}
	*t = qp_tz_resolve(ing_tz(g), lt);
	*off = qp_tz_offset(ing_tz(g), *t);
	return 0;
}

static const struct {
	const char	*ph;
	const char	*media;
} placeholders[] = {
	{ "[\xe5\x9b\xbe\xe7\x89\x87]", "image" },	/* [图片] */
	{ "[\xe8\xa1\xa8\xe6\x83\x85]", "sticker" },	/* [表情] */
	{ "[\xe8\xaf\xad\xe9\x9f\xb3]", "audio" },	/* [语音] */
	{ "[\xe8\xa7\x86\xe9\xa2\x91]", "video" },	/* [视频] */
	{ "[\xe6\x96\x87\xe4\xbb\xb6]", "file" },	/* [文件] */
	{ "[\xe7\xba\xa2\xe5\x8c\x85]", "red_packet" },	/* [红包] */
	{ "[\xe8\xbd\xac\xe8\xb4\xa6]", "other" },	/* [转账] */
	{ "[\xe5\x88\x86\xe4\xba\xab]", "link" },	/* [分享] */
	{ "[\xe4\xbd\x8d\xe7\xbd\xae]", "location" },	/* [位置] */
	{ "[\xe6\x8a\x95\xe7\xa5\xa8]", "poll" },	/* [投票] */
	{ NULL, NULL }
};

/* Body phrases of system lines: who is the subject of each. */
enum { S_JOIN, S_LEAVE, S_REMOVE, S_INVITE, S_REDPACKET, S_SYSTEM };
static const struct {
	const char	*phrase;	/* the subject's name comes before it */
	int		 what;
} phrases[] = {
	{ "\xe9\x82\x80\xe8\xaf\xb7", S_INVITE },		/* A邀请B加入了本群 */
	{ "\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe6\x9c\xac\xe7\xbe\xa4", S_JOIN },	/* 加入了本群 */
	{ "\xe5\x8a\xa0\xe5\x85\xa5\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", S_JOIN },	/* 加入了群聊 */
	{ "\xe5\x8a\xa0\xe5\x85\xa5\xe6\x9c\xac\xe7\xbe\xa4", S_JOIN },		/* 加入本群 */
	{ "\xe9\x80\x80\xe5\x87\xba\xe4\xba\x86\xe7\xbe\xa4\xe8\x81\x8a", S_LEAVE },	/* 退出了群聊 */
	{ "\xe9\x80\x80\xe5\x87\xba\xe4\xba\x86\xe6\x9c\xac\xe7\xbe\xa4", S_LEAVE },	/* 退出了本群 */
	{ "\xe8\xa2\xab\xe7\xae\xa1\xe7\x90\x86\xe5\x91\x98\xe7\xa7\xbb\xe5\x87\xba", S_REMOVE },	/* 被管理员移出 */
	{ "\xe8\xa2\xab\xe7\xa7\xbb\xe5\x87\xba", S_REMOVE },			/* 被移出 */
	{ "\xe6\x92\xa4\xe5\x9b\x9e\xe4\xba\x86\xe4\xb8\x80\xe6\x9d\xa1\xe6\xb6\x88\xe6\x81\xaf", S_SYSTEM },	/* 撤回了一条消息 */
	{ "\xe9\xa2\x86\xe5\x8f\x96\xe4\xba\x86", S_REDPACKET },	/* A领取了B的红包 */
	{ NULL, 0 }
};

static int
emit_system(struct qq *q, struct ing_event *e, char *body)
{
	char *hit, *who;
	size_t i;

	e->kind = ING_SYSTEM;
	e->text = body;
	for (i = 0; phrases[i].phrase != NULL; i++) {
		if ((hit = strstr(body, phrases[i].phrase)) == NULL)
			continue;
		if (phrases[i].what == S_SYSTEM)
			break;
		{
			char subj[512];
			size_t n = (size_t)(hit - body) < sizeof subj - 1 ?
			    (size_t)(hit - body) : sizeof subj - 1;

			memcpy(subj, body, n);
			subj[n] = '\0';
			who = ing_trim(subj, "\"");
			if (phrases[i].what == S_INVITE) {
				/* A邀请B加入了本群: B joins, invited by A. */
				char obj[512], *end;

				snprintf(obj, sizeof obj, "%s", hit + 6);
				if ((end = strstr(obj, "\xe5\x8a\xa0\xe5\x85\xa5")) != NULL)
					*end = '\0';	/* 加入 */
				e->kind = ING_JOIN;
				e->via = "invite";
				e->actor = who;
				e->actor_id = ing_names_get(q->names, who);
				e->user = ing_trim(obj, "\"");
				e->user_id = ing_names_get(q->names, e->user);
				return ing_emit(q->g, e);
			}
			if (phrases[i].what == S_REDPACKET) {
				/* A opened a red packet: an event of A's */
				if (strstr(hit, "\xe7\xba\xa2\xe5\x8c\x85") == NULL ||
				    strcmp(who, "\xe4\xbd\xa0") == 0)
					break;	/* not a red packet; 你: unknown */
				e->kind = ING_CUSTOM;
				e->name = "red_packet_open";
				e->user = who;
				e->user_id = ing_names_get(q->names, who);
				return ing_emit(q->g, e);
			}
			e->kind = phrases[i].what == S_JOIN ? ING_JOIN :
			    phrases[i].what == S_LEAVE ? ING_LEAVE : ING_REMOVE;
			if (e->kind == ING_JOIN)
				e->via = "unknown";
			e->user = who;
			e->user_id = ing_names_get(q->names, who);
			return ing_emit(q->g, e);
		}
	}
	return ing_emit(q->g, e);
}

static int
flush(struct qq *q)
{
	struct ing_event e;
	size_t i;
	char *body;

	if (!q->have)
		return 0;
	q->have = 0;
	while (q->text.len > 0 && (q->text.s[q->text.len - 1] == '\n' ||
	    q->text.s[q->text.len - 1] == ' '))
		q->text.s[--q->text.len] = '\0';
	body = q->text.len ? q->text.s : (char *)"";
	memset(&e, 0, sizeof e);
	e.t = q->t;
	e.off = q->off;
	e.group = q->group;
	if (strcmp(q->uid, "10000") == 0 || strcmp(q->uid, "1000000") == 0)
		return emit_system(q, &e, body);	/* 系统消息 */
	e.kind = ING_MESSAGE;
	e.user = q->user;
	e.user_id = q->uid;
	e.role = q->role;
	e.text = body;
	for (i = 0; placeholders[i].ph != NULL; i++)
		if (strcmp(body, placeholders[i].ph) == 0) {
			e.media = placeholders[i].media;
			e.text = "";
		}
	/* [QQ红包]请使用新版手机QQ查收红包。 */
	if (e.media == NULL && strncmp(body, "[QQ\xe7\xba\xa2\xe5\x8c\x85]",
	    10) == 0)
		e.media = "red_packet";
	if (e.media == NULL && (strstr(body, "http://") || strstr(body,
	    "https://")))
		e.media = "link";
	if (strstr(body, "\xe6\x92\xa4\xe5\x9b\x9e\xe4\xba\x86\xe4\xb8\x80\xe6\x9d\xa1\xe6\xb6\x88\xe6\x81\xaf") != NULL &&
	    q->text.len < 64)
		return emit_system(q, &e, body);
	return ing_emit(q->g, &e);
}

/* Body lines join with a newline. */
static int
add_text(struct qq *q, const char *s, size_t n)
{
	if (q->text.len > 0 && ing_buf_add(&q->text, "\n", 1) == -1)
		return -1;
	return ing_buf_add(&q->text, s, n);
}

int
ing_qq_sniff(const char *name, const char *head, size_t len)
{
	(void)name;
	if (len >= 12 && (memmem(head, len, "\xe6\xb6\x88\xe6\x81\xaf\xe8\xae\xb0\xe5\xbd\x95\xef\xbc\x88", 15) != NULL ||	/* 消息记录（ */
	    memmem(head, len, "\xe6\xb6\x88\xe6\x81\xaf\xe5\xaf\xb9\xe8\xb1\xa1:", 13) != NULL))	/* 消息对象: */
		return 95;
	if (len > 0 && head[0] == '=' && memmem(head, len, "\n\n", 2) != NULL) {
		/* The minimal layout: "===" rules, then headers. */
		const char *p = head;
		char line[256];

		while ((p = memchr(p, '\n', (size_t)(head + len - p))) != NULL) {
			const char *e;
			size_t n;

			p++;
			e = memchr(p, '\n', (size_t)(head + len - p));
			n = e ? (size_t)(e - p) : (size_t)(head + len - p);
			if (n >= 20 && n < sizeof line && p[4] == '-' && p[7] == '-') {
				memcpy(line, p, n);
				line[n] = '\0';
				if ((line[n - 1] == ')' || line[n - 1] == '>'))
					return 70;
			}
		}
	}
	return 0;
}

int
ing_qq_parse(struct ing *g, struct ing_text *x)
{
	struct qq q;
	char *line, user[512], uid[128];
	const char *role;
	size_t len;
	long long t;
	int off, rc = 0;
	const char *base = strrchr(ing_name(x), '/');

	memset(&q, 0, sizeof q);
	q.g = g;
	ing_platform(g, "qq");
	if ((q.names = ing_names_new()) == NULL)
		return -1;
	/* Pass 1: which QQ number each nickname belongs to. */
	while ((rc = ing_line(x, &line, &len)) > 0)
		if (len >= 20 && line[4] == '-' && parse_header(g, line, &t,
		    &off, user, sizeof user, uid, sizeof uid, &role) == 0 &&
		    ing_names_put(q.names, ing_trim(user, NULL), uid) == -1) {
			ing_names_free(q.names);
			return -1;
		}
	if (rc < 0 || ing_rewind(x) == -1) {
		ing_names_free(q.names);
		return 0;
	}
	snprintf(q.group, sizeof q.group, "%s", base ? base + 1 : ing_name(x));
	while ((rc = ing_line(x, &line, &len)) > 0) {
		if (strncmp(line, "\xe6\xb6\x88\xe6\x81\xaf\xe5\xaf\xb9\xe8\xb1\xa1:", 13) == 0) {
			if (flush(&q) == -1) {
				rc = -1;
				break;
			}
			snprintf(q.group, sizeof q.group, "%s",
			    ing_trim(line + 13, NULL));
			continue;
		}
		if (len >= 20 && line[4] == '-' && parse_header(g, line, &t, &off,
		    user, sizeof user, uid, sizeof uid, &role) == 0) {
			if (flush(&q) == -1) {
				rc = -1;
				break;
			}
			q.t = t;
			q.off = off;
			snprintf(q.user, sizeof q.user, "%s", ing_trim(user, NULL));
			snprintf(q.uid, sizeof q.uid, "%s", uid);
			q.role = role;
			q.text.len = 0;
			q.have = 1;
			continue;
		}
		/* Before the first message: the export's header block. */
		if (q.have && (len > 0 || q.text.len > 0) &&
		    add_text(&q, line, len) == -1) {
			rc = -1;
			break;
		}
	}
	if (rc == 0)
		rc = flush(&q);
	ing_buf_free(&q.text);
	ing_names_free(q.names);
	return rc < 0 ? -1 : 0;
}
