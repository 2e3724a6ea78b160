/*
 * text: questions and UGC, judged from a message's text and media.
 * Code points are counted as UTF-8 lead bytes; the stream is UTF-8.
 */
#include <string.h>

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
	"anyone know", "how do i", "how to ", "can someone", "help me",
	NULL
};

static int
has_word(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w), i, k;

	for (i = 0; i + n <= len; i++) {
		for (k = 0; k < n; k++) {
			char c = s[i + k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != w[k])
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

int
qp_text_question(const char *s, size_t len)
{
	size_t i;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' ||
	    s[len - 1] == '\r' || s[len - 1] == '\t'))
		len--;
	if (len > 0 && s[len - 1] == '?')
		return 1;
	if (len >= 3 && memcmp(s + len - 3, "\xef\xbc\x9f", 3) == 0)	/* ？ */
		return 1;
	for (i = 0; qp_question_words[i] != NULL; i++)
		if (has_word(s, len, qp_question_words[i]))
			return 1;
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

	if (media != NULL && (strcmp(media, "image") == 0 ||
	    strcmp(media, "file") == 0))
		return 1;
	link = media != NULL && strcmp(media, "link") == 0;
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
