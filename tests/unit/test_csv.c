/*
 * qp_csv: parsing edge cases, the in-place fast path against libcsv on
 * random input, and the writer's quoting.
 */
#include <stdlib.h>

#include "qp_csv.h"
#include "qp_io.h"
#include "test.h"

/* Parse text; return the records as "f1|f2\n..." or "ERR:<msg>". */
static char *
parse(const char *text, size_t len, int slow)
{
	static char out[8192];
	struct qp_src *s = qp_src_open_mem(text, len, "t");
	struct qp_csv *c = qp_csv_new(s);
	const struct qp_row *r;
	size_t i, n = 0;
	int rc;

	qp_csv_set_slow(c, slow);
	out[0] = '\0';
	while ((rc = qp_csv_next(c, &r)) > 0) {
		for (i = 0; i < r->n; i++)
			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s",
			    i ? "|" : "", r->f[i].s);
		n += (size_t)snprintf(out + n, sizeof out - n, "\n");
	}
	if (rc < 0)
		snprintf(out, sizeof out, "ERR:%s", qp_csv_error(c));
	qp_csv_free(c);
	qp_src_close(s);
	return out;
}

static void
both(const char *text, const char *want)
{
	CHECK_STR(parse(text, strlen(text), 0), want);
	CHECK_STR(parse(text, strlen(text), 1), want);
}

static char *
encode(const char *const *v, size_t n)
{
	static char out[1024];
	struct qp_sink *k = qp_sink_open_mem(-1);
	const char *m;
	size_t len;

	qp_csv_writev(k, v, n);
	qp_sink_flush(k);
	m = qp_sink_mem(k, &len);
	snprintf(out, sizeof out, "%.*s", (int)len, m);
	qp_sink_free(k);
	return out;
}

/* The UTF-8 rules spelled out slowly, to check qp_utf8_check() against. */
static size_t
utf8_slow(const unsigned char *p, size_t n)
{
	size_t i = 0, k, j;
	unsigned cp, min;

	while (i < n) {
		if (p[i] == 0)
			return i;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			k = 1, cp = p[i] & 0x1f, min = 0x80;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			k = 2, cp = p[i] & 0x0f, min = 0x800;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			k = 3, cp = p[i] & 0x07, min = 0x10000;
		else
			return i;
		if (n - i < k + 1)
			return i;
		for (j = 1; j <= k; j++) {
			if ((p[i + j] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += k + 1;
	}
	return n;
}

int
main(void)
{
	static const char alpha[] = "ab,\"\n\r #x";
	char text[4096], a[8192];
	const char *v[4];
	int i, j, n, same = 0;

	both("a,b\n1,2\n", "a|b\n1|2\n");
	both("a,b\r\n1,2\r\n", "a|b\n1|2\n");
	both("a,b", "a|b\n");				/* no final newline */
	both("\xef\xbb\xbf" "a,b\n", "a|b\n");		/* BOM dropped */
	both("a\n\n\r\nb\n", "a\nb\n");			/* empty lines skipped */
	both(" a , b \n", " a | b \n");			/* spaces kept */
	both("x,,\n", "x||\n");
	both("\"q,1\",\"say \"\"hi\"\"\"\n", "q,1|say \"hi\"\n");
	both("\"two\nlines\",z\n", "two\nlines|z\n");
	both("\"crlf\r\ninside\",z\r\n", "crlf\r\ninside|z\n");
	both("\"\"\n", "\n");				/* one empty field */
	both("a\rb,c\n", "a\rb|c\n");			/* lone CR is data */
	both("中文,😀\n", "中文|😀\n");
	CHECK(strncmp(parse("a,\"b\n", 5, 0), "ERR:t: record 1 (line 1): "
	    "truncated input (unterminated", 42) == 0);
	CHECK(strncmp(parse("a,\"b\"x\n", 7, 0), "ERR:t: record 1 (line 1): "
	    "malformed", 34) == 0);
	CHECK(strncmp(parse("ok\nb\xff\n", 6, 0), "ERR:t: record 2 (line 2): "
	    "invalid UTF-8", 39) == 0);
	CHECK(strncmp(parse("ok\na\0b\n", 7, 0), "ERR:t: record 2 (line 2): NUL",
	    29) == 0);
	CHECK(strncmp(parse("\xed\xa0\x80\n", 4, 0), "ERR:", 4) == 0);
	CHECK(strncmp(parse("\xc0\xaf\n", 3, 0), "ERR:", 4) == 0);
	CHECK(strncmp(parse("\xe4\xb8\n", 3, 0), "ERR:", 4) == 0);

	/* qp_utf8_check() agrees with the rules on random text, mostly valid. */
	{
		static const unsigned char pieces[][5] = {
			"a", " ", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
			"\xe0\xa0\x80", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf",
			"\xe0\x9f\xbf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
			"\xf0\x8f\xbf\xbf", "\xc1\xbf", "\x80", "\xff", "\xe4\xb8"
		};
		unsigned char buf[200];
		size_t len, k, bad = 0;

		for (i = 0; i < 200000; i++) {
			len = 0;
			n = (int)test_below(40);
			for (j = 0; j < n; j++) {
				/* valid pieces much more often than broken ones */
				k = test_below(8) ? test_below(8) : test_below(16);
				memcpy(buf + len, pieces[k], strlen((const char *)pieces[k]));
				len += strlen((const char *)pieces[k]);
			}
			if (test_below(50) == 0)
				buf[test_below(len + 1) % (len ? len : 1)] = 0;
			if (test_below(4) == 0 && len > 0)
				len -= test_below(len);	/* cut anywhere */
			bad += qp_utf8_check(buf, len) != utf8_slow(buf, len);
		}
		CHECK(bad == 0);
	}

	/*
	 * Long texts, mostly CJK (the SSSE3 path, 16 bytes at a time): random
	 * pieces and bytes; every byte value at every offset of a block; every
	 * pair of bytes across a block's edge, after ASCII and after CJK.
	 */
	{
		static const unsigned char pieces[][5] = {
			"\xe4\xb8\xad", "\xe4\xb8\xad", "\xe4\xb8\xad", "a",
			"\xc3\xa9", "\xf0\x9f\x98\x80", "\xef\xbf\xbd", "\xee\x80\x80",
			"\xe0\xa0\x80", "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf",
			"\xe0\x9f\xbf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
			"\xf0\x8f\xbf\xbf", "\xc1\xbf", "\x80", "\xff", "\xe4\xb8",
			"\xf5\x80\x80\x80", "\xc0\x80", "\xf8"
		};
		unsigned char buf[1300], base[64];
		size_t len, k, bad = 0, l;
		int b1, b2, off;

		for (i = 0; i < 30000; i++) {
			len = 0;
			n = (int)test_below(300);
			for (j = 0; j < n; j++) {
				k = test_below(32) ? test_below(11) :
				    test_below(sizeof pieces / sizeof *pieces);
				l = strlen((const char *)pieces[k]);
				memcpy(buf + len, pieces[k], l);
				len += l;
			}
			if (len > 0 && test_below(3) == 0)
				buf[test_below(len)] = (unsigned char)test_below(256);
			if (test_below(4) == 0 && len > 0)
				len -= test_below(len);
			bad += qp_utf8_check(buf, len) != utf8_slow(buf, len);
		}
		for (k = 0; k < 2; k++) {
			for (j = 0; j < 63; j += 3)	/* 中 x 21, then a or 中's end */
				memcpy(base + j, "\xe4\xb8\xad", 3);
			base[63] = 'a';
			if (k == 1)
				memset(base, 'a', 32);
			for (off = 0; off < 64; off++)
				for (b1 = 0; b1 < 256; b1++) {
					memcpy(buf, base, 64);
					buf[off] = (unsigned char)b1;
					bad += qp_utf8_check(buf, 64) !=
					    utf8_slow(buf, 64);
				}
			for (off = 29; off <= 33; off++)
				for (b1 = 0; b1 < 256; b1++)
					for (b2 = 0; b2 < 256; b2++) {
						memcpy(buf, base, 64);
						buf[off] = (unsigned char)b1;
						buf[off + 1] = (unsigned char)b2;
						bad += qp_utf8_check(buf, 64) !=
						    utf8_slow(buf, 64);
					}
		}
		CHECK(bad == 0);
	}

	/* The fast path agrees with libcsv on random well-formed input. */
	for (i = 0; i < 3000; i++) {
		n = 0;
		for (j = 0; j < 40; j++) {
			char ch = alpha[test_below(sizeof alpha - 1)];

			if (ch == '"')
				continue;	/* quotes only in quoted fields */
			text[n++] = ch;
		}
		text[n] = '\0';
		snprintf(a, sizeof a, "%s", parse(text, (size_t)n, 0));
		same += strcmp(a, parse(text, (size_t)n, 1)) == 0;
	}
	CHECK(same == 3000);

	/* With quotes anywhere, well-formed or not, split in place or by
	 * libcsv, the fields and the errors are libcsv's. */
	{
		static const char qalpha[] = "ab,\"\"\"\n\r #x";

		for (i = same = 0; i < 20000; i++) {
			n = 0;
			for (j = 0; j < 30; j++)
				text[n++] = qalpha[test_below(sizeof qalpha - 1)];
			text[n] = '\0';
			snprintf(a, sizeof a, "%s", parse(text, (size_t)n, 0));
			same += strcmp(a, parse(text, (size_t)n, 1)) == 0;
		}
		CHECK(same == 20000);
		/* well-formed lines with quoted fields, now and then spanning
		 * a line break */
		for (i = same = 0; i < 20000; i++) {
			static const char falpha[] = "ab, #\r\"x\xc3\xa9";
			int lines = 1 + (int)test_below(3), l, f, k;

			n = 0;
			for (l = 0; l < lines; l++) {
				int nf = 1 + (int)test_below(5);

				for (f = 0; f < nf; f++) {
					char fld[16];
					int fl = (int)test_below(8), q = test_below(2);

					for (k = 0; k < fl; k++) {
						fld[k] = falpha[test_below(sizeof falpha - 1)];
						if (fld[k] == '"' || fld[k] == ',' ||
						    fld[k] == '\r')
							q = 1;
					}
					if (q && test_below(20) == 0)
						fld[fl++] = '\n';
					if (f > 0)
						text[n++] = ',';
					if (q)
						text[n++] = '"';
					for (k = 0; k < fl; k++) {
						if (q && fld[k] == '"')
							text[n++] = '"';
						text[n++] = fld[k];
					}
					if (q)
						text[n++] = '"';
				}
				text[n++] = '\n';
			}
			text[n] = '\0';
			snprintf(a, sizeof a, "%s", parse(text, (size_t)n, 0));
			same += strcmp(a, parse(text, (size_t)n, 1)) == 0;
		}
		CHECK(same == 20000);
	}

	/* Writing. */
	v[0] = "plain";
	v[1] = "a,b";
	v[2] = "say \"x\"";
	v[3] = "#tag";
	CHECK_STR(encode(v, 4), "plain,\"a,b\",\"say \"\"x\"\"\",\"#tag\"\n");
	v[0] = "";
	CHECK_STR(encode(v, 1), "\"\"\n");
	v[1] = "";
	CHECK_STR(encode(v, 2), ",\n");
	v[0] = "line\nbreak";
	v[1] = "cr\r";
	CHECK_STR(encode(v, 2), "\"line\nbreak\",\"cr\r\"\n");
	v[0] = "a#b";
	v[1] = " #";
	CHECK_STR(encode(v, 2), "a#b, #\n");
	/* For Excel: formula-like cells become text, the rest as ever. */
	CHECK(qp_csv_formula("=1+2", 4) && qp_csv_formula("+86", 3) &&
	    qp_csv_formula("-1", 2) && qp_csv_formula("@all", 4) &&
	    qp_csv_formula("\tx", 2) && !qp_csv_formula("", 0) &&
	    !qp_csv_formula("a=b", 3) && !qp_csv_formula("中文", 6));
	{
		struct qp_sink *k = qp_sink_open_mem(-1);
		struct qp_field f[3] = { { "=SUM(A1)", 8 }, { "a,\"b", 4 },
		    { "-1,2", 4 } };
		const char *m;
		size_t len;

		CHECK(qp_csv_write_excel(k, f, 3) == 0 &&
		    qp_csv_write_excel(k, f + 1, 1) == 0);
		qp_sink_flush(k);
		m = qp_sink_mem(k, &len);
		CHECK(len == 34 && memcmp(m, "'=SUM(A1),\"a,\"\"b\",\"'-1,2\"\n"
		    "\"a,\"\"b\"\n", 34) == 0);
		qp_sink_free(k);
	}
	/* qp_csv_plain: the writer's quoting rule, field by field */
	CHECK(qp_csv_plain("abc", 3) && qp_csv_plain("", 0) &&
	    qp_csv_plain("x#", 2) && qp_csv_plain("中文", 6));
	CHECK(!qp_csv_plain("a,b", 3) && !qp_csv_plain("#x", 2) &&
	    !qp_csv_plain("a\rb", 3) && !qp_csv_plain("a\nb", 3) &&
	    !qp_csv_plain("say \"hi\"", 8));
	CHECK(!qp_csv_plain("a long field of text, past 16", 29) &&
	    qp_csv_plain("a long field of text past 16 too", 32));
	/* qp_csv_rate: printf's rounding of the exact ratio, ties to even */
	{
		char b[32];

		CHECK(strcmp(qp_csv_rate(b, 1, 3), "0.3333") == 0);
		CHECK(strcmp(qp_csv_rate(b, 2, 3), "0.6667") == 0);
		CHECK(strcmp(qp_csv_rate(b, 1, 20000), "0.0000") == 0);
		CHECK(strcmp(qp_csv_rate(b, 3, 20000), "0.0002") == 0);
		CHECK(strcmp(qp_csv_rate(b, 5, 5), "1.0000") == 0);
		CHECK(strcmp(qp_csv_rate(b, 7, 0), "") == 0);
		CHECK(strcmp(qp_csv_rate(b, ~0ULL, 1), "18446744073709551615.0000")
		    == 0);
		CHECK(strcmp(qp_csv_rate(b, 1, 1000), "0.0010") == 0);
	}
	/* qp_csv_count: printf's %llu, at the edges and at random */
	{
		static const unsigned long long edge[] = { 0, 9, 10, 99, 100,
		    4294967295ULL, 4294967296ULL, ~0ULL };
		char b[24], want[24];
		size_t k;
		int ok = 1;

		for (k = 0; k < 100008; k++) {
			unsigned long long x = k < 8 ? edge[k] :
			    test_rand() >> test_below(64);

			snprintf(want, sizeof want, "%llu", x);
			ok &= qp_csv_count(b, x) == strlen(want) &&
			    strcmp(b, want) == 0;
		}
		CHECK(ok);
	}
	return TEST_DONE("test_csv");
}
