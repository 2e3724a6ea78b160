/* qp_text (questions and UGC, seed 004) and qp_roles (staff and bots). */
#include <locale.h>
#include <regex.h>
#include <stdlib.h>

#include "qp_roles.h"
#include "qp_text.h"
#include "test.h"

static int
q(const char *s)
{
	return qp_text_question(s, strlen(s));
}

static int
ugc(const char *media, const char *s)
{
	static const struct qp_ugc u = QP_UGC_DEFAULT;

	return qp_text_ugc(&u, media, s, strlen(s));
}

/*
 * The contact matchers against the regular expressions they stand for, in
 * a UTF-8 locale as qp-cohort runs them, on random texts made of the
 * pieces that matter (digits, +, letters, spaces, colons, 微信号威, ...).
 */
static void
contacts(void)
{
	static const char *const pieces[] = { "0", "1", "3", "8", "9", "+",
	    " ", ":", "\xef\xbc\x9a", "\xe5\xbe\xae", "\xe4\xbf\xa1",
	    "\xe5\x8f\xb7", "\xe5\xa8\x81", "v", "V", "w", "W", "x", "X",
	    "a", "z", "Q", "-", "_", "\n", "\xe4\xb8\xad", "12", "138",
	    "vx", "\xe5\xbe\xae\xe4\xbf\xa1", "\xe5\xbe\xae\xe4\xbf\xa1\xe5\x8f\xb7" };
	const size_t np = sizeof pieces / sizeof pieces[0];
	regex_t phone, wechat;
	char buf[256];
	int i, bad[2] = { 0, 0 }, hits[2] = { 0, 0 };

	setlocale(LC_CTYPE, "C.UTF-8");
	CHECK(regcomp(&phone, QP_TEXT_PHONE_RE, REG_EXTENDED | REG_NOSUB) == 0);
	CHECK(regcomp(&wechat, QP_TEXT_WECHAT_RE, REG_EXTENDED | REG_NOSUB) == 0);
	for (i = 0; i < 200000; i++) {
		size_t len = 0, k, n = test_below(24);
		int want, got;

		for (k = 0; k < n; k++) {
			const char *p = pieces[test_below((unsigned)np)];

			/* phone texts: mostly digits */
			if (i % 2 == 0 && test_below(3) > 0)
				p = pieces[test_below(6)];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		buf[len] = '\0';
		want = regexec(i % 2 ? &wechat : &phone, buf, 0, NULL, 0) == 0;
		got = i % 2 ? qp_text_wechat(buf, len) : qp_text_phone(buf, len);
		hits[i % 2] += want;
		if (want != got && bad[i % 2]++ < 3)
			fprintf(stderr, "%s: regex %d, by hand %d: %s\n",
			    i % 2 ? "wechat" : "phone", want, got, buf);
	}
	CHECK(bad[0] == 0 && bad[1] == 0);
	CHECK(hits[0] > 500 && hits[1] > 500);	/* both ways tried */
	CHECK(qp_text_phone("call 13812345678 now", 20));
	CHECK(!qp_text_phone("id 138123456789", 15));
	CHECK(qp_text_wechat("\xe5\xbe\xae\xe4\xbf\xa1\xe5\x8f\xb7\xef\xbc\x9a abc_123", 20));
	regfree(&phone);
	regfree(&wechat);
}

int
main(void)
{
	static const char long_text[] = "今天读完了第三章作者用三个例子说明"
	    "习惯的力量我最喜欢第二个例子因为它和我自己的经历非常相似也让我重新思考了";
	struct qp_roles *r = qp_roles_new();
	struct qp_ugc tight = { 10, 5 };

	/* Questions: a final ? or ？, or an asking word anywhere. */
	CHECK(q("what time?"));
	CHECK(q("几点开始？  "));
	CHECK(q("请问作业在哪里交"));
	CHECK(q("Anyone know a good book"));
	CHECK(!q("我们明天见"));
	CHECK(!q("?!"));
	CHECK(!q(""));
	/* UGC: images and files; links with 20 own characters; long texts. */
	CHECK(ugc("image", ""));
	CHECK(ugc("file", "a.pdf"));
	CHECK(!ugc("link", "https://example.org/a"));
	CHECK(!ugc("text", "see https://example.org/a"));
	CHECK(ugc("text", "https://example.org/a 这篇讲时间管理的文章很实用推荐大家读读看看吧"));
	CHECK(!ugc("link", "https://example.org/a 一二三四五六七八九十 一二三四五六七八九"));
	CHECK(ugc("link", "一二三四五六七八九十https://example.org/a 一二三四五六七八九十"));
	CHECK(!ugc("link", ""));	/* QQ's [分享]: a share */
	CHECK(ugc("text", long_text));
	CHECK(!ugc("text", "这个问题我想了很久还是不太明白到底应该怎样安排每天的阅读"
	    "时间才能坚持下去呢大家有什么好办法可以分享一下吗？"));
	CHECK(!ugc("text", "short"));
	CHECK(!ugc(NULL, "ftp://x is not a web link but this is short"));
	CHECK(qp_text_ugc(&tight, "text", "0123456789", 10));
	CHECK(qp_text_ugc(&tight, "link", "http://x abcde", 14));
	CHECK(!qp_text_ugc(&tight, "link", "http://x abcd", 13));

	/* Roles: a group's own, else every group's; the first role wins. */
	CHECK(r != NULL);
	CHECK(qp_roles_count(r) == 0);
	CHECK(qp_roles_get(r, "g1", 2, "u1", 2) == QP_ROLE_NONE);
	CHECK(qp_roles_add(r, "g1", 2, "u1", 2, QP_ROLE_BOT) == 0);
	/* the exporter is recorded by qp-ingest, never staff */
	CHECK(qp_roles_add(r, "g1", 2, "x1", 2, QP_ROLE_EXPORTER) == 0);
	CHECK(qp_roles_get(r, "g1", 2, "x1", 2) == QP_ROLE_NONE);
	CHECK(qp_role_parse("exporter", 8) == QP_ROLE_EXPORTER);
	CHECK(qp_roles_add(r, "g1", 2, "u1", 2, QP_ROLE_ADMIN) == 0);
	CHECK(qp_roles_add(r, "*", 1, "u2", 2, QP_ROLE_SALES) == 0);
	CHECK(qp_roles_add(r, "g2", 2, "u3", 2, QP_ROLE_OWNER) == 0);
	CHECK(qp_roles_get(r, "g1", 2, "u1", 2) == QP_ROLE_ADMIN);
	CHECK(qp_roles_get(r, "g2", 2, "u1", 2) == QP_ROLE_NONE);
	CHECK(qp_roles_get(r, "g9", 2, "u2", 2) == QP_ROLE_SALES);
	CHECK(qp_roles_has_owner(r, "g2", 2));
	CHECK(!qp_roles_has_owner(r, "g1", 2));
	CHECK(qp_role_parse("shill", 5) == QP_ROLE_SHILL);
	CHECK(qp_role_parse("boss", 4) == -1);
	CHECK_STR(qp_role_names[QP_ROLE_ASSISTANT], "assistant");
	{
		char gid[16], uid[16];
		int i, ok = 1;

		for (i = 0; i < 1000; i++) {
			snprintf(gid, sizeof gid, "g%d", i % 7);
			snprintf(uid, sizeof uid, "u%d", i);
			if (qp_roles_add(r, gid, strlen(gid), uid, strlen(uid),
			    1 + i % 6) == -1)
				ok = 0;
		}
		for (i = 0; i < 1000; i++) {
			snprintf(gid, sizeof gid, "g%d", i % 7);
			snprintf(uid, sizeof uid, "u%d", i);
			ok &= qp_roles_get(r, gid, strlen(gid), uid,
			    strlen(uid)) == 1 + i % 6 || (i == 1 || i == 2 || i == 3);
		}
		CHECK(ok);
	}
	qp_roles_free(r);
	qp_roles_free(NULL);
	contacts();
	return TEST_DONE("test_text");
}
