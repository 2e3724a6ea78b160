/*
 * gen-chat: synthetic group-chat events for benchmarks, as the CSV of an
 * events table (DESIGN.md section 3) on standard output.
 *
 *	gen-chat [-n messages] [-s seed] [-f csv|whatsapp|telegram]
 *	    [-S flat|community] [-v] [-o dir]
 *
 * -S flat (the default, which the property tests use): many groups of power-law sizes; members join over a year, most invited
 * by an earlier member (some by link, QR code or added), some leave or are
 * removed; founders and early members talk most, a third never speak;
 * Chinese and English text with links, media, replies and long posts;
 * a few paid events.  Each group is exported twice with overlapping time
 * ranges (src ...-a and ...-b), so about a tenth of its rows are duplicates,
 * as when an operator exports a group every month.  The output depends
 * only on the options.  -f whatsapp writes the same chats (without the
 * duplicates) as one WhatsApp Android text export, -f telegram as a
 * Telegram Desktop full-account JSON export, for qp-ingest benchmarks;
 * with -o dir, -f whatsapp writes one export per group instead, as
 * "dir/WhatsApp Chat with NAME.txt".
 *
 * -S community: the shape of real communities, which is what the chain's
 * costs grow with (per group and per member state, not only messages):
 * n/5000 groups of power-law sizes (most under 50, a few of 500), created
 * over the year; n/40 people of power-law sociability (how many groups
 * they sit in) and speaking activity, 30% lurkers who never speak; joins
 * bunched after a group's creation and then spread over its life, about
 * half invited by a present member; 8% leave (lurkers 16%), 2% removed;
 * messages in conversation bursts, lively in a group's first week and then
 * decaying, by a few participants each, newcomers talking most; about 1%
 * duplicate rows, from a third of the groups exported twice with an
 * overlap.  -v prints the shape on standard error.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp_hash.h"
#include "qp_time.h"

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static double
unif(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static unsigned
below(unsigned n)
{
	return n ? (unsigned)(rnd() % n) : 0;
}

enum { K_JOIN, K_MSG, K_LEAVE, K_REMOVE, K_PAID };

struct ev {
	long long	 t;
	unsigned	 user;		/* index into people */
	unsigned	 actor;		/* +1; 0 = none */
	unsigned char	 kind, via, media;
	unsigned	 id;		/* message id in the group */
	unsigned	 reply;		/* +1 */
};

struct member {
	unsigned	 person;
	long long	 join, leave;	/* leave 0 = stays */
	int		 lurker, removed;
	unsigned	 actor;
	unsigned char	 via;
};

static const char *const zh_names[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"
};
static const char *const zh_given[] = {
	"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛",
	"明", "超", "霞", "平", "晓", "一鸣", "思远", "雨桐"
};
static const char *const en_names[] = {
	"Alex", "Sam", "Jordan", "Priya", "Chen", "Maria", "Tom", "Aisha",
	"Lee", "Nina", "Omar", "Kate", "Ivan", "Yuki", "Ben", "Zoe"
};
static const char *const zh_text[] = {
	"大家好", "今天的打卡完成了", "有人一起吗？", "谢谢分享！", "收到",
	"这个观点很有意思", "晚安", "早上好☀️", "我来说两句", "同意楼上",
	"请问这周的作业什么时候交", "哈哈哈", "👍", "学到了", "明天见",
	"第三章读完了，感觉作者对于习惯养成的分析特别到位，尤其是关于环境设计的部分，推荐大家也看看"
};
static const char *const en_text[] = {
	"hi all", "done for today", "anyone joining tonight?", "thanks for sharing!",
	"ok", "interesting point", "good night", "morning!", "+1", "agreed",
	"when is the homework due?", "lol", "see you tomorrow",
	"I finished chapter three and wrote up a summary: habits stick when the environment makes them easy, and that matches my experience",
	"great session, \"slow\" but deep, thanks"
};
static const char *const platforms[] = {
	"wechat", "whatsapp", "telegram", "qq", "discord", "slack"
};
static const char *const vias[] = { "invite", "link", "qrcode", "added", "unknown" };
static const char *const medias[] = { "text", "image", "link", "file", "sticker", "video", "audio" };

static char **names;
static enum { F_CSV, F_WHATSAPP, F_TELEGRAM } format;
static enum { S_FLAT, S_COMMUNITY } shape;
static int verbose;
static const char *wa_dir;	/* -o: one WhatsApp export per group */
static int first_msg = 1;
static unsigned svc_id;		/* ids of service messages */
static char *vocab[800];

/* Words: 400 Chinese of 2-3 characters, 400 English of 3-9 letters. */
static void
make_vocab(void)
{
	char w[16];
	unsigned i, j, n, cp;

	for (i = 0; i < 800; i++) {
		n = 0;
		if (i < 400) {
			for (j = 0; j < 2 + below(2); j++) {
				cp = 0x4e00 + below(3000);
				w[n++] = (char)(0xe0 | cp >> 12);
				w[n++] = (char)(0x80 | (cp >> 6 & 0x3f));
				w[n++] = (char)(0x80 | (cp & 0x3f));
			}
		} else
			for (j = 0; j < 3 + below(7); j++)
				w[n++] = (char)('a' + below(26));
		w[n] = '\0';
		vocab[i] = strdup(w);
	}
}

/* A message of random words, Chinese or English, mostly short. */
static void
make_text(char *buf, size_t cap, int zh)
{
	unsigned words = 1 + below(4) + (below(8) == 0 ? below(40) : 0), i;
	size_t n = 0, l;
	double x;
	const char *w;

	for (i = 0; i < words; i++) {
		x = unif();
		w = vocab[(zh ? 0 : 400) + (unsigned)(x * x * 400)];
		l = strlen(w);
		if (n + l + 2 >= cap)
			break;
		if (!zh && n > 0)
			buf[n++] = ' ';
		memcpy(buf + n, w, l);
		n += l;
		if (below(12) == 0 && n + 4 < cap)
			buf[n++] = zh ? ',' : '!';
	}
	buf[n] = '\0';
}

static void
make_names(unsigned n)
{
	unsigned i;
	char buf[64];

	names = calloc(n, sizeof *names);
	for (i = 0; i < n; i++) {
		if (i % 3 != 2)
			snprintf(buf, sizeof buf, "%s%s%s",
			    zh_names[below(12)], zh_given[below(20)],
			    i % 7 == 0 ? zh_given[below(20)] : "");
		else
			snprintf(buf, sizeof buf, "%s %c.", en_names[below(16)],
			    'A' + (int)below(26));
		names[i] = strdup(buf);
	}
}

static int
cmp_ev(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Write a CSV field, quoting when needed. */
static void
field(const char *s, int last)
{
	if (strpbrk(s, ",\"\n\r") != NULL || s[0] == '#') {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	} else
		fputs(s, stdout);
	putchar(last ? '\n' : ',');
}

/* "dd/mm/yyyy, HH:MM - " in UTC+8, the way an Android export writes it. */
static void
wa_stamp(long long t)
{
	long long lt = t + 8 * 3600, day = lt / 86400, sec = lt % 86400;
	unsigned m, d;
	int y;

	qp_civil_from_days(day, &y, &m, &d);
	printf("%02u/%02u/%04d, %02lld:%02lld - ", d, m, y, sec / 3600,
	    sec / 60 % 60);
}

static void
whatsapp_line(const struct ev *e, const char *text, const char *media)
{
	const char *who = names[e->user];
	const char *actor = e->actor ? names[e->actor - 1] : NULL;

	if (e->kind == K_PAID)
		return;
	wa_stamp(e->t);
	switch (e->kind) {
	case K_JOIN:
		if (e->via == 1 || actor == NULL)
			printf("%s joined using this group's invite link\n", who);
		else
			printf("%s added %s\n", actor, who);
		break;
	case K_LEAVE:
		printf("%s left\n", who);
		break;
	case K_REMOVE:
		printf("%s removed %s\n", actor ? actor : names[0], who);
		break;
	default:
		if (*text == '\0' && strcmp(media, "text") != 0)
			printf("%s: <Media omitted>\n", who);
		else
			printf("%s: %s\n", who, text);
	}
}

static void
json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else
			putchar(*s);
	}
	putchar('"');
}

static void
telegram_msg(const struct ev *e, const char *text, const char *media)
{
	long long lt = e->t + 8 * 3600, day = lt / 86400, sec = lt % 86400;
	const char *who = names[e->user];
	const char *actor = e->actor ? names[e->actor - 1] : names[0];
	unsigned m, d;
	int y;

	if (e->kind == K_PAID)
		return;
	qp_civil_from_days(day, &y, &m, &d);
	printf("%s\n  {\"id\": %u, \"type\": \"%s\", \"date\": "
	    "\"%04d-%02u-%02uT%02lld:%02lld:%02lld\", \"date_unixtime\": "
	    "\"%lld\", ", first_msg ? "" : ",", e->id ? e->id : 900000000u + svc_id++,
	    e->kind == K_MSG ? "message" : "service", y, m, d, sec / 3600,
	    sec / 60 % 60, sec % 60, e->t);
	first_msg = 0;
	switch (e->kind) {
	case K_JOIN:
		if (e->via == 1 || e->actor == 0) {
			fputs("\"actor\": ", stdout);
			json_string(who);
			printf(", \"actor_id\": \"user%u\", \"action\": "
			    "\"join_group_by_link\", \"text\": \"\"}", e->user);
		} else {
			fputs("\"actor\": ", stdout);
			json_string(actor);
			printf(", \"actor_id\": \"user%u\", \"action\": "
			    "\"invite_members\", \"members\": [", e->actor - 1);
			json_string(who);
			fputs("], \"text\": \"\"}", stdout);
		}
		break;
	case K_LEAVE:
	case K_REMOVE:
		fputs("\"actor\": ", stdout);
		json_string(e->kind == K_LEAVE ? who : actor);
		fputs(", \"action\": \"remove_members\", \"members\": [", stdout);
		json_string(who);
		fputs("], \"text\": \"\"}", stdout);
		break;
	default:
		fputs("\"from\": ", stdout);
		json_string(who);
		printf(", \"from_id\": \"user%u\", ", e->user);
		if (strcmp(media, "image") == 0)
			fputs("\"photo\": \"(File not included.)\", ", stdout);
		else if (*text == '\0' && strcmp(media, "text") != 0)
			fputs("\"file\": \"(File not included.)\", ", stdout);
		if (e->reply)
			printf("\"reply_to_message_id\": %u, ", e->reply - 1);
		fputs("\"text\": ", stdout);
		json_string(text);
		putchar('}');
	}
}

static void
emit(const struct ev *e, unsigned g, const char *gname, const char *platform,
    const char *src)
{
	char ts[QP_ISO_LEN + 1], gid[24], uid[24], aid[24], mid[24], rid[24];
	char text[1024];
	const char *kind = "message", *media = "", *name = "", *via = "";
	uint64_t h = qp_hash(&e->id, sizeof e->id) ^ g;

	qp_time_format(ts, e->t, 8 * 3600);
	snprintf(gid, sizeof gid, "g%04u", g);
	snprintf(uid, sizeof uid, "u%06u", e->user);
	aid[0] = mid[0] = rid[0] = text[0] = '\0';
	if (e->actor)
		snprintf(aid, sizeof aid, "u%06u", e->actor - 1);
	switch (e->kind) {
	case K_JOIN:
		kind = "join";
		via = vias[e->via];
		break;
	case K_LEAVE:
		kind = "leave";
		break;
	case K_REMOVE:
		kind = "remove";
		break;
	case K_PAID:
		kind = "custom";
		name = "paid";
		break;
	default:
		media = medias[e->media];
		snprintf(mid, sizeof mid, "%u", e->id);
		if (e->reply)
			snprintf(rid, sizeof rid, "%u", e->reply - 1);
		if (e->media == 0 || e->media == 2) {
			char words[400];
			const char *t = words;

			if (h % 5 == 0)
				t = (h & 2) ? zh_text[h / 8 % 16] :
				    en_text[h / 8 % 15];
			else {
				/* The same message has the same text in every export. */
				uint64_t saved = rng;

				rng = h * 0x9e3779b97f4a7c15ULL + 1;
				make_text(words, sizeof words, h & 1);
				rng = saved;
			}

			if (e->media == 2)
				snprintf(text, sizeof text,
				    "https://example.org/post/%u %s", e->id, t);
			else if (h % 97 == 0)
				snprintf(text, sizeof text, "%s\n%s", t, t);
			else
				snprintf(text, sizeof text, "%s", t);
		}
		break;
	}
	if (format == F_WHATSAPP) {
		whatsapp_line(e, text, media);
		return;
	}
	if (format == F_TELEGRAM) {
		telegram_msg(e, text, media);
		return;
	}
	fputs(ts, stdout);
	putchar(',');
	field(platform, 0);
	field(gid, 0);
	field(gname, 0);
	field(uid, 0);
	field(names[e->user], 0);
	field(kind, 0);
	field(aid, 0);
	field(via, 0);
	field(mid, 0);
	field(rid, 0);
	field(media, 0);
	field(text, 0);
	field(name, 0);
	field(src, 1);
}

/* The flat shape's group g: gmsg messages, members over the year. */
static struct ev *
flat_group(unsigned g, unsigned long long gmsg, unsigned npeople, long long t0,
    long long span, size_t *nevp)
{
	unsigned nm = 30 + (unsigned)(gmsg / 400) + below(50), i, j, k;
	struct member *m = calloc(nm, sizeof *m);
	struct ev *ev;
	size_t nev = 0, cap;
	long long gstart = t0 + below(60) * 86400LL, gspan = span - (gstart - t0);
	unsigned *active, nactive = 0, next = 0, id = 0;

	/* Members: founders at the start, the rest over the year. */
	for (i = 0; i < nm; i++) {
		m[i].person = (g * 37 + i * (i % 5 == 0 ? 101 : 1)) % npeople;
		if (i < nm / 5) {
			m[i].join = gstart + i * 60;
			m[i].via = 3;
		} else {
			double u = unif();

			m[i].join = gstart + (long long)(u * u * (double)gspan);
			m[i].via = (unsigned char)(below(10) < 6 ? 0 : below(4));
			m[i].actor = m[i].via == 0 || m[i].via == 3 ?
			    1 + m[below(i)].person : 0;
		}
		m[i].lurker = below(3) == 0 && i > 2;
		if (below(10) == 0) {
			m[i].leave = m[i].join + 86400 + below((unsigned)(gspan / 2));
			m[i].removed = below(4) == 0;
		}
	}
	/* Sort members by join time (insertion sort: nm is small). */
	for (i = 1; i < nm; i++)
		for (j = i; j > 0 && m[j].join < m[j - 1].join; j--) {
			struct member tmp = m[j];

			m[j] = m[j - 1];
			m[j - 1] = tmp;
		}
	cap = gmsg + 3 * nm + 16;
	ev = calloc(cap, sizeof *ev);
	active = calloc(nm, sizeof *active);
	for (i = 0; i < nm; i++) {
		struct ev *e = &ev[nev++];

		e->t = m[i].join;
		e->user = m[i].person;
		e->actor = m[i].actor;
		e->kind = K_JOIN;
		e->via = m[i].via;
		if (m[i].leave && m[i].leave < gstart + gspan) {
			e = &ev[nev++];
			e->t = m[i].leave;
			e->user = m[i].person;
			e->kind = m[i].removed ? K_REMOVE : K_LEAVE;
			e->actor = m[i].removed ? 1 + m[0].person : 0;
		}
		if (below(50) == 0) {
			e = &ev[nev++];
			e->t = m[i].join + below(30 * 86400);
			e->user = m[i].person;
			e->kind = K_PAID;
		}
	}
	/* Messages: busy at first, then decaying; early members talk most. */
	for (k = 0; k < gmsg; k++) {
		double u = (double)k / (double)gmsg;
		long long t = gstart + (long long)(u * u * (double)gspan);
		struct ev *e;
		unsigned who, tries;

		while (next < nm && m[next].join <= t)
			active[nactive++] = next++;
		if (nactive == 0) {
			t = m[0].join;
			active[nactive++] = 0;
			next = next ? next : 1;
		}
		for (tries = 0; tries < 8; tries++) {
			double x = unif();

			who = active[(unsigned)(x * x * x * nactive)];
			if (!m[who].lurker && (!m[who].leave || m[who].leave > t))
				break;
		}
		if (tries == 8)
			who = active[0];
		e = &ev[nev++];
		e->t = t < m[who].join ? m[who].join : t;
		if (m[who].leave && e->t >= m[who].leave)
			e->t = m[who].leave - 1;
		e->user = m[who].person;
		e->kind = K_MSG;
		e->id = ++id;
		e->media = (unsigned char)(below(10) < 7 ? 0 : below(7));
		if (id > 5 && below(20) == 0)
			e->reply = 1 + id - 1 - below(5);
	}
	qsort(ev, nev, sizeof *ev, cmp_ev);
	free(active);
	free(m);
	*nevp = nev;
	return ev;
}

/*
 * The community shape (-S community).  Distributions, drawn from rnd():
 * Pareto for sizes, sociability and activity (heavy tails), exponential
 * for gaps, log-normal for per-group and per-member spread.
 */

static double
pareto(double alpha)
{
	return pow(1.0 - unif(), -1.0 / alpha);
}

static double
expo(double mean)
{
	return -mean * log(1.0 - unif());
}

static double
lognorm(double sigma)
{
	double u = 1.0 - unif(), v = unif();

	return exp(sigma * sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v));
}

/* The first index whose cumulative weight exceeds x * total. */
static unsigned
pick(const double *cw, unsigned n, double x)
{
	unsigned lo = 0, hi = n - 1, mid;

	x *= cw[n - 1];
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cw[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static struct {
	unsigned	 people, groups;
	double		*act;		/* speaking weight, 0 = lurker */
	double		*soc_cw;	/* cumulative sociability */
	unsigned	*size;
	unsigned long long *msgs;
	long long	*created;
	/* for -v */
	unsigned char	*seen;
	unsigned long long rows, dups, memberships, max_size, big, small;
} cm;

static void
community_plan(unsigned long long n, long long t0, long long span)
{
	double *w, wsum = 0, soc = 0;
	unsigned long long sum = 0;
	unsigned i;

	cm.people = (unsigned)(n / 40 < 200 ? 200 : n / 40);
	cm.groups = (unsigned)(n / 5000 < 5 ? 5 : n / 5000);
	cm.act = calloc(cm.people, sizeof *cm.act);
	cm.soc_cw = calloc(cm.people, sizeof *cm.soc_cw);
	cm.seen = calloc(cm.people, 1);
	for (i = 0; i < cm.people; i++) {
		double a = pareto(1.3);

		cm.act[i] = unif() < 0.3 ? 0 : a > 200 ? 200 : a;
		soc += fmin(pareto(1.3), 200);
		cm.soc_cw[i] = soc;
	}
	cm.size = calloc(cm.groups, sizeof *cm.size);
	cm.msgs = calloc(cm.groups, sizeof *cm.msgs);
	cm.created = calloc(cm.groups, sizeof *cm.created);
	w = calloc(cm.groups, sizeof *w);
	for (i = 0; i < cm.groups; i++) {
		double s = 3 + pareto(1.1) * 12;

		s = fmin(s, 500);
		s = fmin(s, cm.people / 2);
		cm.size[i] = (unsigned)s;
		wsum += w[i] = pow(s, 0.8) * lognorm(0.6);
		cm.created[i] = t0 + (long long)(unif() * 0.85 * (double)span);
	}
	for (i = 0; i < cm.groups; i++)
		sum += cm.msgs[i] = (unsigned long long)((double)n * w[i] / wsum);
	for (i = 0; sum < n; i = (i + 1) % cm.groups, sum++)
		cm.msgs[i]++;
	free(w);
}

/* A person by sociability; speakers only if talk is set. */
static unsigned
community_person(int talk)
{
	unsigned p, tries = 0;

	do
		p = pick(cm.soc_cw, cm.people, unif());
	while (talk && cm.act[p] == 0 && ++tries < 100);
	return p;
}

static int
cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	return x->join < y->join ? -1 : x->join > y->join;
}

static int
cmp_ll(const void *a, const void *b)
{
	const long long *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/* Group g's events, sorted by time, message ids in time order. */
static struct ev *
community_group(unsigned g, long long t0, long long span, size_t *nevp)
{
	static const double hour_w[24] = {
		1, .5, .3, .2, .2, .4, 1.5, 3, 4, 4, 3.5, 3.5,
		4, 3.5, 3, 3, 3, 3.5, 4, 5, 6, 6, 4.5, 2.5
	};
	static const double wday_w[7] = { 1, 1, 1, 1, 1.1, 1.3, 1.2 };
	long long c = cm.created[g], end = t0 + span, life = end - c;
	unsigned nm = cm.size[g], i, j, k, id = 0, nsess = 0, nact = 0;
	unsigned long long left = cm.msgs[g];
	unsigned days = (unsigned)(life / 86400) + 1, day0 = (unsigned)((c - t0) / 86400);
	struct member *m = calloc(nm, sizeof *m);
	double *w = calloc(nm, sizeof *w), *cw = calloc(nm, sizeof *cw);
	double *dcw = calloc(days, sizeof *dcw), hcw[24], gw = lognorm(0.5);
	double mean_len = 3 + pow(nm < 300 ? nm : 300, 0.35) * gw, dsum = 0;
	unsigned *act = calloc(nm, sizeof *act);
	long long *sess, next_rebuild = 0;
	size_t nev = 0, cap = cm.msgs[g] + 3 * nm + 16, mi = 0;
	struct ev *ev = calloc(cap, sizeof *ev), *e;
	int dirty = 1;

	/* Members: the founder, then distinct people by sociability. */
	m[0].person = community_person(1);
	m[0].join = c;
	m[0].via = 3;
	for (i = 1; i < nm; i++) {
		unsigned tries = 0;
	again:
		m[i].person = community_person(0);
		for (j = 0; j < i; j++)
			if (m[j].person == m[i].person && ++tries < 50)
				goto again;
		m[i].join = c + 60 + (unif() < 0.65 ?
		    (long long)fmin(expo(1.5 * 86400), 0.95 * (double)life) :
		    (long long)(unif() * 0.97 * (double)life));
	}
	qsort(m + 1, nm - 1, sizeof *m, cmp_member);
	for (i = 1; i < nm; i++) {
		double x = unif(), pl = cm.act[m[i].person] == 0 ? 0.16 : 0.08;

		m[i].lurker = cm.act[m[i].person] == 0;
		if (x < pl + 0.02) {
			m[i].leave = m[i].join + (x < pl ? 600 + (long long)expo(45 * 86400) :
			    300 + (long long)expo(20 * 86400));
			m[i].removed = x >= pl;
			if (m[i].leave >= end)
				m[i].leave = 0;
		}
		/* Invited or added by a member present then, else by link or QR. */
		x = unif();
		m[i].via = x < 0.45 ? 0 : x < 0.55 ? 3 : x < 0.9 ? 1 : 2;
		if (m[i].via == 0 || m[i].via == 3) {
			j = unif() < 0.3 ? 0 : below(i);
			if (m[j].leave && m[j].leave <= m[i].join)
				j = 0;
			m[i].actor = 1 + m[j].person;
		}
	}
	for (i = 0; i < nm; i++) {
		e = &ev[nev++];
		e->t = m[i].join;
		e->user = m[i].person;
		e->actor = m[i].actor;
		e->kind = K_JOIN;
		e->via = m[i].via;
		if (m[i].leave) {
			e = &ev[nev++];
			e->t = m[i].leave;
			e->user = m[i].person;
			e->kind = m[i].removed ? K_REMOVE : K_LEAVE;
			e->actor = m[i].removed ? 1 + m[0].person : 0;
		}
		if (below(50) == 0) {
			e = &ev[nev++];
			e->t = m[i].join + below(30 * 86400);
			e->user = m[i].person;
			e->kind = K_PAID;
		}
		cm.seen[m[i].person] |= 1;
		w[i] = m[i].lurker ? 0 : cm.act[m[i].person] * lognorm(0.8);
	}
	w[0] = fmax(w[0], 1);
	/* Sessions: lively in the first week, then decaying; by hour of day. */
	for (i = 0; i < days; i++) {
		double a = (double)i - 7, f = a < 0 ? 1 - 0.06 * i :
		    0.22 * exp(-a / 30) + 0.07 * exp(-a / 400);

		dsum += f * wday_w[(day0 + i) % 7];
		dcw[i] = dsum;
	}
	for (i = 0, dsum = 0; i < 24; i++)
		hcw[i] = dsum += hour_w[i];
	sess = calloc(left + 1, sizeof *sess);
	while (left > 0) {
		unsigned long long len = 1 + (unsigned long long)expo(mean_len);
		long long st = t0 + (long long)(day0 + pick(dcw, days, unif())) * 86400 +
		    pick(hcw, 24, unif()) * 3600LL + below(3600);

		if (len > left)
			len = left;
		left -= len;
		if (st < c)
			st = c + below(3600);
		sess[nsess++] = st << 16 | (len < 65535 ? len : 65535);
	}
	qsort(sess, nsess, sizeof *sess, cmp_ll);
	/* Speakers: members present at the session's start, newcomers most. */
	for (k = 0; k < nsess; k++) {
		long long st = sess[k] >> 16, t = st;
		unsigned len = (unsigned)(sess[k] & 0xffff), parts[8], np;

		while (mi < nm && m[mi].join <= st) {
			if (w[mi] > 0)
				act[nact++] = (unsigned)mi;
			mi++;
			dirty = 1;
		}
		if (dirty || st >= next_rebuild) {
			double s = 0;
			unsigned a, b;

			for (a = b = 0; a < nact; a++) {
				const struct member *x = &m[act[a]];

				if (x->leave && x->leave <= st)
					continue;
				act[b] = act[a];
				s += w[act[a]] * (0.15 + 0.85 *
				    exp(-(double)(st - x->join) / (21 * 86400.0)));
				cw[b++] = s;
			}
			nact = b;
			dirty = 0;
			next_rebuild = st + 2 * 86400;
		}
		np = 1 + (unsigned)fmin(expo(1.6), 7);
		for (i = 0; i < np; i++)
			parts[i] = nact ? act[pick(cw, nact, unif())] : 0;
		for (j = 0; j < len; j++) {
			unsigned who = j == 0 || unif() < 0.35 ? parts[0] : parts[below(np)];
			double x;

			if (j) {
				x = unif();
				t += 1 + (long long)expo(x < 0.7 ? 20 : x < 0.95 ? 120 : 600);
			}
			if (m[who].leave && m[who].leave <= t)
				who = 0;
			e = &ev[nev++];
			e->t = t;
			e->user = m[who].person;
			e->kind = K_MSG;
			e->id = ++id;
			e->media = (unsigned char)(below(10) < 7 ? 0 : below(7));
			cm.seen[m[who].person] |= 2;
		}
	}
	qsort(ev, nev, sizeof *ev, cmp_ev);
	/* Ids in time order; a reply quotes one of the last few messages. */
	for (i = 0, id = 0; i < nev; i++)
		if (ev[i].kind == K_MSG) {
			ev[i].id = ++id;
			if (id > 1 && unif() < 0.12)
				ev[i].reply = id - below(id - 1 < 5 ? id - 1 : 5);
		}
	cm.memberships += nm;
	cm.max_size = nm > cm.max_size ? nm : cm.max_size;
	cm.big += nm >= 400;
	cm.small += nm < 50;
	free(m);
	free(w);
	free(cw);
	free(dcw);
	free(act);
	free(sess);
	*nevp = nev;
	return ev;
}

int
main(int argc, char **argv)
{
	unsigned long long n = 1000000, made = 0;
	unsigned long long seed = 1;
	unsigned ngroups, npeople, g, i;
	double *gw, wsum = 0;
	long long t0 = 1704038400;	/* 2024-01-01T00:00:00+08:00 */
	long long span = 365LL * 86400;
	static char buf[1 << 20];
	int c;

	for (c = 1; c < argc; c++) {
		if (strcmp(argv[c], "-n") == 0 && c + 1 < argc)
			n = strtoull(argv[++c], NULL, 10);
		else if (strcmp(argv[c], "-s") == 0 && c + 1 < argc)
			seed = strtoull(argv[++c], NULL, 10);
		else if (strcmp(argv[c], "-f") == 0 && c + 1 < argc) {
			c++;
			format = strcmp(argv[c], "whatsapp") == 0 ? F_WHATSAPP :
			    strcmp(argv[c], "telegram") == 0 ? F_TELEGRAM : F_CSV;
		} else if (strcmp(argv[c], "-S") == 0 && c + 1 < argc)
			shape = strcmp(argv[++c], "community") == 0 ?
			    S_COMMUNITY : S_FLAT;
		else if (strcmp(argv[c], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[c], "-o") == 0 && c + 1 < argc)
			wa_dir = argv[++c];
		else {
			fprintf(stderr, "usage: gen-chat [-n messages] [-s seed] "
			    "[-f csv|whatsapp|telegram] [-S flat|community] [-v] [-o dir]\n");
			return 2;
		}
	}
	rng ^= seed * 0x9e3779b97f4a7c15ULL;
	ngroups = (unsigned)(n / 50000 < 5 ? 5 : n / 50000);
	npeople = (unsigned)(n / 500 < 200 ? 200 : n / 500);
	if (shape == S_COMMUNITY) {
		community_plan(n, t0, span);
		ngroups = cm.groups;
		npeople = cm.people;
	}
	make_names(npeople);
	make_vocab();
	gw = calloc(ngroups, sizeof *gw);
	for (g = 0; g < ngroups; g++)
		wsum += gw[g] = 1.0 / (1.0 + g * 0.15);
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	if (format == F_CSV)
		puts("ts,platform,group_id,group,user_id,user,kind,actor,via,"
		    "msg_id,reply_to,media,text,name,src");
	else if (format == F_TELEGRAM)
		fputs("{\n \"about\": \"gen-chat\",\n \"chats\": {\"about\": \"\", "
		    "\"list\": [", stdout);
	for (g = 0; g < ngroups; g++) {
		unsigned long long gmsg = (unsigned long long)((double)n * gw[g] / wsum);
		struct ev *ev;
		size_t nev = 0;
		char gname[96], src[32];
		const char *platform = platforms[g % 6];

		if (g == ngroups - 1)
			gmsg = n - made;
		snprintf(gname, sizeof gname, g % 2 ? "%s学习群 %u期" :
		    "%s community #%u", g % 2 ? "打卡" : "Readers", g + 1);
		if (shape == S_COMMUNITY) {
			gmsg = cm.msgs[g];
			ev = community_group(g, t0, span, &nev);
		} else
			ev = flat_group(g, gmsg, npeople, t0, span, &nev);
		/*
		 * Two overlapping exports: a = first 60%, b = from 50% on; in
		 * the community shape a third of the groups, split anywhere,
		 * overlapping by 0-6.7% (1% of all rows), the rest one export.
		 */
		{
			size_t a_end = nev * 6 / 10, b_start = nev * 5 / 10;

			if (shape == S_COMMUNITY) {
				if (nev >= 8 && unif() < 0.3) {
					double cut = 0.2 + 0.6 * unif(), ov = unif() * 0.067;

					a_end = (size_t)((double)nev * (cut + ov / 2));
					b_start = (size_t)((double)nev * (cut - ov / 2));
				} else
					a_end = b_start = nev;
				cm.rows += nev + a_end - b_start;
				cm.dups += a_end - b_start;
			}

			if (format != F_CSV) {
				/* One export per group, no duplicates. */
				if (format == F_WHATSAPP && wa_dir != NULL) {
					char path[4096];

					snprintf(path, sizeof path,
					    "%s/WhatsApp Chat with %s.txt", wa_dir, gname);
					if (fflush(stdout) == EOF ||
					    freopen(path, "w", stdout) == NULL) {
						perror(path);
						return 1;
					}
					setvbuf(stdout, buf, _IOFBF, sizeof buf);
				}
				if (format == F_TELEGRAM) {
					printf("%s\n {\"name\": ", g ? "," : "");
					json_string(gname);
					printf(", \"type\": \"private_supergroup\", "
					    "\"id\": %u, \"messages\": [", 1000 + g);
					first_msg = 1;
				}
				for (i = 0; i < nev; i++)
					emit(&ev[i], g, gname, platform, "");
				if (format == F_TELEGRAM)
					fputs("\n ]}", stdout);
				goto next_group;
			}
			snprintf(src, sizeof src, "exp%04u-a", g);
			for (i = 0; i < a_end; i++)
				emit(&ev[i], g, gname, platform, src);
			snprintf(src, sizeof src, "exp%04u-b", g);
			for (i = (unsigned)b_start; i < nev; i++)
				emit(&ev[i], g, gname, platform, src);
		}
next_group:
		made += gmsg;
		free(ev);
	}
	free(gw);
	if (verbose && shape == S_COMMUNITY) {
		unsigned long long seen = 0, spoke = 0;

		for (i = 0; i < cm.people; i++) {
			seen += cm.seen[i] != 0;
			spoke += (cm.seen[i] & 2) != 0;
		}
		fprintf(stderr, "gen-chat: %llu messages, %u groups (%llu under 50 "
		    "members, %llu of 400 or more, the largest %llu), %llu "
		    "memberships of %llu people, %llu of whom speak; %llu rows, "
		    "%llu duplicates (%.2f%%)\n", n, cm.groups, cm.small, cm.big,
		    cm.max_size, cm.memberships, seen, spoke, cm.rows, cm.dups,
		    cm.rows ? 100.0 * (double)cm.dups / (double)cm.rows : 0);
	}
	if (format == F_TELEGRAM)
		fputs("\n]}\n}\n", stdout);
	if (fflush(stdout) == EOF || ferror(stdout))
		return 1;
	return 0;
}
