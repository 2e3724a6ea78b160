/*
 * qp_money.h: amounts of money, exact.
 *
 * An amount is a whole number of hundredths of its currency's unit
 * (cents, 分), held in a long long; sums and quotients are integer
 * arithmetic, never floating point.  A currency is an ISO 4217 code
 * ("CNY"), or "" when the source does not say.
 */
#ifndef QP_MONEY_H
#define QP_MONEY_H

#include <stddef.h>

#define QP_CUR_LEN	8	/* a currency code and its NUL fit */
#define QP_MONEY_LEN	24	/* a formatted amount and its NUL fit */

/*
 * Read an amount as people and payment exports write it: "199",
 * "1,299.50", "¥199", "￥199.00", "199元", "$5", "CNY 199", "199 RMB".
 * A symbol or code sets *cur (¥ ￥ 元 RMB: CNY, $: USD, €: EUR, £: GBP,
 * or any three capital letters); else *cur is "".  At most two decimals
 * (a third is refused, not rounded); negative amounts are refused.
 * Returns 0, or -1 when s is no amount.
 */
int	 qp_money_parse(const char *s, size_t len, long long *cents,
	    char cur[QP_CUR_LEN]);

/* cents as "1299.50" into buf (QP_MONEY_LEN bytes); returns buf. */
char	*qp_money_format(char *buf, long long cents);

/*
 * a / b in hundredths, rounded half up (amounts are never negative), as
 * qp_money_format writes it; "" when b is 0.  Returns buf.
 */
char	*qp_money_div(char *buf, long long a, unsigned long long b);

/*
 * A payment's text in the events table: "AMOUNT[ CURRENCY[ PRODUCT]]",
 * as qp-ingest writes it ("199.00 CNY 21天训练营"; no currency and a
 * product: "199.00  21天训练营").  Reads the amount and currency; *product
 * points into s (length *plen), "" when absent.  0, or -1 when the text
 * starts with no amount.
 */
int	 qp_payment_parse(const char *s, size_t len, long long *cents,
	    char cur[QP_CUR_LEN], const char **product, size_t *plen);

#endif
