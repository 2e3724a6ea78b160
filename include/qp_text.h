/*
 * qp_text: what a message's text says about it, by the rules of
 * qunpipe(7): whether it asks a question, and whether it is UGC (what a
 * member created, seed 004's 用户生产内容).
 */
#ifndef QP_TEXT_H
#define QP_TEXT_H

#include <stddef.h>

/*
 * Whether text (len bytes of UTF-8) asks: it ends in ? or ？ (trailing
 * spaces aside), or holds one of the asking words of qp_question_words.
 */
int		 qp_text_question(const char *text, size_t len);

/* The asking words, NULL-terminated (请问, 怎么, 如何, 有没有 ...). */
extern const char *const qp_question_words[];

/* The thresholds of UGC (options of qp-cohort). */
struct qp_ugc {
	unsigned	 chars;		/* a text of at least this many code points */
	unsigned	 link_words;	/* beside a link: this many of one's own */
};

#define QP_UGC_DEFAULT	{ 50, 20 }

/*
 * Whether a message of media (its column; NULL or "" for text) and text is
 * UGC: an image or a file; a link (a URL in the text, or media link) with
 * at least link_words code points of the sender's own beside it, spaces
 * not counted; else a text of at least chars code points (spaces and
 * newlines counted) that is not a question.
 */
int		 qp_text_ugc(const struct qp_ugc *u, const char *media,
		    const char *text, size_t len);

/*
 * The contact details that make a message a violation (qunpipe(7), group
 * rules), matched by hand, as the regular expressions below say in a
 * UTF-8 locale (the unit test holds them to it), at a hundredth of
 * regexec()'s cost; text is len bytes of UTF-8, read up to a NUL.
 * A phone number: (^|[^0-9])(1[3-9][0-9]{9}|\+[0-9]{8,15})([^0-9]|$).
 */
int		 qp_text_phone(const char *text, size_t len);
#define QP_TEXT_PHONE_RE \
	"(^|[^0-9])(1[3-9][0-9]{9}|\\+[0-9]{8,15})([^0-9]|$)"

/*
 * A WeChat id given out: (微信号?|[vV][xX]|[wW][xX]|[vV]信|威信) *[:：]?
 * *[A-Za-z][-_A-Za-z0-9]{5,19}.
 */
int		 qp_text_wechat(const char *text, size_t len);
#define QP_TEXT_WECHAT_RE "(微信号?|[vV][xX]|[wW][xX]|[vV]信|威信)" \
	" *[:：]? *[A-Za-z][-_A-Za-z0-9]{5,19}"

#endif
