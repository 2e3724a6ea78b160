/*
 * Amounts of money as integers of hundredths (qp_money.h): reading what
 * people type into payment sheets, and writing it back exactly.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "qp_money.h"

/* Symbols and words around an amount, and the currency they mean. */
static const struct {
	const char	*s;
	const char	*cur;
} marks[] = {
	{ "\xef\xbf\xa5", "CNY" },	/* ￥ fullwidth */
	{ "\xc2\xa5", "CNY" },		/* ¥ */
	{ "\xe5\x85\x83", "CNY" },	/* 元 */
	{ "\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81", "CNY" },	/* 人民币 */
	{ "RMB", "CNY" },
	{ "US$", "USD" },
	{ "$", "USD" },
	{ "\xe2\x82\xac", "EUR" },	/* € */
	{ "\xc2\xa3", "GBP" },		/* £ */
};

static int
upper3(const char *s, size_t n)
{
	return n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z' &&
	    (n == 3 || !(s[3] >= 'A' && s[3] <= 'Z'));
}

/* Skip spaces, then one mark or code at *s (setting cur); 0 or -1 (a second currency). */
static int
mark(const char **s, const char *end, char cur[QP_CUR_LEN])
{
	size_t i, n;
	const char *c = NULL;
	char code[4];

	while (*s < end && **s == ' ')
		(*s)++;
	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		n = strlen(marks[i].s);
		if ((size_t)(end - *s) >= n && memcmp(*s, marks[i].s, n) == 0) {
			c = marks[i].cur;
			*s += n;
			break;
		}
	}
	if (c == NULL && upper3(*s, (size_t)(end - *s))) {
		memcpy(code, *s, 3);
		code[3] = '\0';
		c = code;
		*s += 3;
	}
	while (*s < end && **s == ' ')
		(*s)++;
	if (c == NULL)
		return 0;
	if (*cur != '\0' && strcmp(cur, c) != 0)
		return -1;
	snprintf(cur, QP_CUR_LEN, "%s", c);
	return 0;
}

int
qp_money_parse(const char *s, size_t len, long long *cents,
    char cur[QP_CUR_LEN])
{
	const char *end = s + len;
	long long v = 0;
	int digits = 0, dec = -1;

	*cur = '\0';
	if (mark(&s, end, cur) == -1)
		return -1;
	for (; s < end; s++) {
		if (*s >= '0' && *s <= '9') {
			if (dec >= 2 || v > (LLONG_MAX - 9) / 10)
				return -1;
			v = v * 10 + (*s - '0');
			digits++;
			if (dec >= 0)
				dec++;
		} else if (*s == ',' && dec < 0 && digits > 0)
			continue;	/* thousands */
		else if (*s == '.' && dec < 0 && digits > 0)
			dec = 0;
		else
			break;
	}
	if (digits == 0 || mark(&s, end, cur) == -1 || s != end)
		return -1;
	if (dec < 0)
		dec = 0;
	for (; dec < 2; dec++) {
		if (v > LLONG_MAX / 10)
			return -1;
		v *= 10;
	}
	*cents = v;
	return 0;
}

char *
qp_money_format(char *buf, long long cents)
{
	snprintf(buf, QP_MONEY_LEN, "%lld.%02lld", cents / 100, cents % 100);
	return buf;
}

char *
qp_money_div(char *buf, long long a, unsigned long long b)
{
	unsigned long long q, r;

	if (b == 0) {
		buf[0] = '\0';
		return buf;
	}
	q = (unsigned long long)a / b;
	r = (unsigned long long)a % b;
	if (r >= b - r)		/* r / b >= 1/2, without overflow */
		q++;
	return qp_money_format(buf, (long long)q);
}

int
qp_payment_parse(const char *s, size_t len, long long *cents,
    char cur[QP_CUR_LEN], const char **product, size_t *plen)
{
	const char *end = s + len, *sp = memchr(s, ' ', len), *sp2;

	*product = "";
	*plen = 0;
	*cur = '\0';
	if (qp_money_parse(s, sp ? (size_t)(sp - s) : len, cents, cur) == -1)
		return -1;
	if (sp == NULL)
		return 0;
	sp++;
	sp2 = memchr(sp, ' ', (size_t)(end - sp));
	if ((sp2 ? sp2 : end) - sp < QP_CUR_LEN)
		snprintf(cur, QP_CUR_LEN, "%.*s", (int)((sp2 ? sp2 : end) -
		    sp), sp);
	if (sp2 != NULL) {
		*product = sp2 + 1;
		*plen = (size_t)(end - sp2 - 1);
	}
	return 0;
}
