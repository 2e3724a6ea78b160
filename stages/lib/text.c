/*
 * text: questions and UGC, judged from a message's text and media.
 * Code points are counted as UTF-8 lead bytes; the stream is UTF-8.
 */
#include <stdint.h>
#include <string.h>

#include "qp_events.h"
#include "qp_text.h"

const char *const qp_question_words[] = {
	"\xe8\xaf\xb7\xe9\x97\xae",		/* 请问 */
	"\xe6\x80\x8e\xe4\xb9\x88",		/* 怎么 */
	"\xe5\xa6\x82\xe4\xbd\x95",		/* 如何 */
	"\xe6\x9c\x89\xe6\xb2\xa1\xe6\x9c\x89",	/* 有没有 */
	"\xe6\xb1\x82\xe5\x8a\xa9",		/* 求助 */
	"\xe6\xb1\x82\xe6\x8e\xa8\xe8\x8d\x90",	/* 求推荐 */
	"\xe4\xb8\xba\xe4\xbb\x80\xe4\xb9\x88",	/* 为什么 */
	"\xe5\x90\x97\xef\xbc\x9f",		/* 吗？ */
	/* Latin words lower case: they match in any case. */
	"anyone know", "how do i", "how to ", "can someone", "help me",
	NULL
};

/*
 * The asking words by their first two bytes (Latin letters in both
 * cases), a bitmap of 65536 pairs, so that one pass over a text looks
 * closer only where a word may start: rare in any text.
 */
static uint64_t pairs[65536 / 64];
static int ready;

static unsigned char
other_case(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return (unsigned char)(c - 'a' + 'A');
	return c;
}

static void
pair_set(unsigned a, unsigned b)
{
	unsigned k = a << 8 | b;

	pairs[k / 64] |= 1ULL << (k % 64);
}

static void
first_init(void)
{
	size_t i;

	for (i = 0; qp_question_words[i] != NULL; i++) {
		unsigned char a = (unsigned char)qp_question_words[i][0],
		    b = (unsigned char)qp_question_words[i][1];

		pair_set(a, b);
		pair_set(other_case(a), b);
		pair_set(a, other_case(b));
		pair_set(other_case(a), other_case(b));
	}
	ready = 1;
}

static int
word_at(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; w[k] != '\0'; k++) {
		char c;

		if (k >= n)
			return 0;
		c = s[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[k])
			return 0;
	}
	return 1;
}

int
qp_text_question(const char *s, size_t len)
{
	size_t i, k;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' ||
	    s[len - 1] == '\r' || s[len - 1] == '\t'))
		len--;
	if (len > 0 && s[len - 1] == '?')
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xef\xbc\x9f", 3) == 0)	/* ？ */
		return 1;
	if (!ready)
		first_init();
	for (i = 0; i + 1 < len; i++) {
		unsigned p = (unsigned char)s[i] << 8 | (unsigned char)s[i + 1];

		if (!(pairs[p / 64] >> (p % 64) & 1))
			continue;
		for (k = 0; qp_question_words[k] != NULL; k++)
			if (word_at(s + i, len - i, qp_question_words[k]))
				return 1;
	}
	return 0;
}

static int
url_at(const char *s, size_t len, size_t i)
{
	return s[i] == 'h' && ((len - i >= 7 && memcmp(s + i, "http://", 7) == 0) ||
	    (len - i >= 8 && memcmp(s + i, "https://", 8) == 0));
}

static int
space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int
qp_text_ugc(const struct qp_ugc *u, const char *media, const char *s,
    size_t len)
{
	size_t i, own = 0, cp = 0;
	int link = 0;

	/* most messages have no media: no comparison then */
	if (media != NULL && (qp_kind_is(media, "image") ||
	    qp_kind_is(media, "file")))
		return 1;
	link = media != NULL && qp_kind_is(media, "link");
	/* Most texts hold no URL: count to the threshold and stop. */
	if (!link && memmem(s, len, "://", 3) == NULL) {
		for (i = 0; i < len && cp < u->chars; i++)
			cp += ((unsigned char)s[i] & 0xc0) != 0x80;
		return cp >= u->chars && !qp_text_question(s, len);
	}
	for (i = 0; i < len; ) {
		if (url_at(s, len, i)) {
			link = 1;
			while (i < len && !space((unsigned char)s[i]))
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			cp++;
			own += !space((unsigned char)s[i]);
		}
		i++;
	}
	if (link)
		return own >= u->link_words;
	/* cp counted the whole text: there was no URL in it */
	return cp >= u->chars && !qp_text_question(s, len);
}

static int
digit(int c)
{
	return c >= '0' && c <= '9';
}

int
qp_text_phone(const char *t, size_t n)
{
	size_t i = 0, j;

	n = strnlen(t, n);
	while (i < n) {
		if (!digit(t[i])) {
			i++;
			continue;
		}
		for (j = i; j < n && digit(t[j]); j++)
			;
		/* [i, j) is a whole run of digits: bounded as ^, [^0-9], $ */
		if (j - i == 11 && t[i] == '1' && t[i + 1] >= '3')
			return 1;
		if (j - i >= 8 && j - i <= 15 && i > 0 && t[i - 1] == '+' &&
		    (i == 1 || !digit(t[i - 2])))
			return 1;
		i = j;
	}
	return 0;
}

static int
ascii_letter(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Whether " *[:：]? *[A-Za-z][-_A-Za-z0-9]{5}" matches at t + i. */
static int
wechat_id(const char *t, size_t n, size_t i)
{
	size_t k;

	while (i < n && t[i] == ' ')
		i++;
	if (i < n && t[i] == ':')
		i++;
	else if (n - i >= 3 && memcmp(t + i, "\xef\xbc\x9a", 3) == 0)
		i += 3;		/* ： */
	while (i < n && t[i] == ' ')
		i++;
	if (i >= n || !ascii_letter(t[i]))
		return 0;
	for (k = 0, i++; k < 5; k++, i++)
		if (i >= n || !(ascii_letter(t[i]) || digit(t[i]) ||
		    t[i] == '-' || t[i] == '_'))
			return 0;
	return 1;
}

int
qp_text_wechat(const char *t, size_t n)
{
	static const char wei[] = "\xe5\xbe\xae", xin[] = "\xe4\xbf\xa1",
	    hao[] = "\xe5\x8f\xb7", wei2[] = "\xe5\xa8\x81";	/* 微信号 威 */
	size_t i;
	int a, b;

	n = strnlen(t, n);
	for (i = 0; i < n; i++) {
		a = (unsigned char)t[i];
		b = i + 1 < n ? (unsigned char)t[i + 1] : 0;
		if ((a == 'v' || a == 'V' || a == 'w' || a == 'W') &&
		    (b == 'x' || b == 'X') && wechat_id(t, n, i + 2))
			return 1;
		if ((a == 'v' || a == 'V') && n - i >= 4 &&
		    memcmp(t + i + 1, xin, 3) == 0 && wechat_id(t, n, i + 4))
			return 1;
		if (a != 0xe5 || n - i < 6 || memcmp(t + i + 3, xin, 3) != 0)
			continue;
		if (memcmp(t + i, wei2, 3) == 0 && wechat_id(t, n, i + 6))
			return 1;
		if (memcmp(t + i, wei, 3) != 0)
			continue;
		if (wechat_id(t, n, i + 6))
			return 1;
		if (n - i >= 9 && memcmp(t + i + 6, hao, 3) == 0 &&
		    wechat_id(t, n, i + 9))
			return 1;
	}
	return 0;
}
