/*
 * qp_stream and qp_io together: the grammar's errors, a round-trip
 * property over random tables at every level, truncation at every byte
 * offset, flipped bytes, and thread-count independence of the bytes.
 */
#include <stdlib.h>

#include "qp_io.h"
#include "qp_stream.h"
#include "test.h"

/* Read a whole stream; copy it to a new stream at level; 0 or -1. */
/* Whether copy() forwards rows with qp_out_copy() or qp_out_row(). */
static int use_copy;

static int
copy(const char *buf, size_t len, int level, char **out, size_t *outlen,
    const char **err)
{
	static char msg[1024];
	struct qp_in *in;
	struct qp_out *o;
	const struct qp_table *t;
	const struct qp_row *r;
	const char *m;
	struct qp_field f[64], x = { "7", 1 };
	size_t i;
	int rc, plus;

	*out = NULL;
	if ((in = qp_in_open_mem(buf, len, err)) == NULL)
		return -1;
	o = qp_out_new(qp_sink_open_mem(level), in, NULL, NULL, 0, NULL);
	while ((rc = qp_in_next(in)) > 0) {
		r = qp_in_row(in);
		t = qp_in_table(in);
		/* modes 2 and 3 add a column x to table t, by copy or by hand */
		plus = use_copy >= 2 && strcmp(t->name, "t") == 0;
		if (rc == QP_TABLE || plus) {
			for (i = 0; i < r->n && i < 63; i++)
				f[i] = r->f[i];
			f[i++] = rc == QP_TABLE ? (struct qp_field){ "x", 1 } : x;
		}
		if (rc == QP_TABLE && plus)
			qp_out_table(o, t->name, t->version, f, i);
		else if (rc == QP_TABLE)
			qp_out_table(o, t->name, t->version, r->f, r->n);
		else if (plus && use_copy == 2)
			qp_out_copy_plus(o, r, &x);
		else if (plus)
			qp_out_row(o, f, i);
		else if (use_copy)
			qp_out_copy(o, r);
		else
			qp_out_row(o, r->f, r->n);
	}
	if (rc < 0) {
		snprintf(msg, sizeof msg, "%s", qp_in_error(in));
		*err = msg;
	} else if (qp_out_finish(o) == 0) {
		m = qp_sink_mem(qp_out_sink(o), outlen);
		if ((*out = malloc(*outlen + 1)) != NULL)
			memcpy(*out, m, *outlen);
	}
	qp_out_free(o);
	qp_in_close(in);
	return rc < 0 || *out == NULL ? -1 : 0;
}

static char *
plain(const char *buf, size_t len, size_t *n)
{
	char *out;
	const char *err;

	if (copy(buf, len, -1, &out, n, &err) == -1)
		return NULL;
	out[*n] = '\0';
	return out;
}

static void
rand_field(char *b, size_t *len)
{
	static const char *const bits[] = {
		"a", "Z", "0", ",", "\"", "\n", "\r\n", "#", " ", "中文", "😀",
		"é", "\t", "''", "#qp", "\\", "ok"
	};
	size_t n = 0, k, want;

	switch (test_below(12)) {
	case 0:
		break;			/* empty */
	case 1:
		want = 10000;		/* long */
		while (n < want) {
			b[n++] = (char)('a' + test_below(26));
		}
		break;
	default:
		k = test_below(12);
		while (k-- > 0) {
			const char *s = bits[test_below(sizeof bits / sizeof *bits)];

			memcpy(b + n, s, strlen(s));
			n += strlen(s);
		}
	}
	b[n] = '\0';
	*len = n;
}

/* A random stream of several tables, written at level. */
static int small_streams;

static char *
rand_stream(int level, size_t *len)
{
	static char fb[16][10100];
	struct qp_field f[16];
	struct qp_out *o;
	char name[16], *out;
	const char *m;
	size_t nt = 1 + test_below(5), t, r, c, nc, nr, maxr = 60;
	char *argv[] = { "-x", "a,b" };

	o = qp_out_new(qp_sink_open_mem(level), NULL, "qp-test", "1", 2, argv);
	for (t = 0; t < nt; t++) {
		nc = 1 + test_below(small_streams ? 3 : 16);
		maxr = small_streams ? 4 : 60;
		for (c = 0; c < nc; c++) {
			snprintf(fb[c], sizeof fb[c], "col%zu", c);
			f[c].s = fb[c];
			f[c].len = strlen(fb[c]);
		}
		snprintf(name, sizeof name, "t%zu", t);
		qp_out_table(o, name, QP_SCHEMA, f, nc);
		nr = test_below(4) == 0 ? 0 : test_below((unsigned)maxr);
		for (r = 0; r < nr; r++) {
			for (c = 0; c < nc; c++) {
				do
					rand_field(fb[c], &f[c].len);
				while (small_streams && f[c].len > 40);
				f[c].s = fb[c];
			}
			qp_out_row(o, f, nc);
		}
	}
	CHECK(qp_out_finish(o) == 0);
	m = qp_sink_mem(qp_out_sink(o), len);
	out = malloc(*len + 1);
	memcpy(out, m, *len);
	out[*len] = '\0';
	qp_out_free(o);
	return out;
}

static const char *
first_error(const char *text)
{
	static char msg[1024];
	char *out;
	size_t n;
	const char *err = NULL;

	if (copy(text, strlen(text), -1, &out, &n, &err) == 0) {
		free(out);
		return "OK";
	}
	snprintf(msg, sizeof msg, "%s", err);
	return msg;
}

static int
has(const char *s, const char *sub)
{
	int ok = strstr(s, sub) != NULL;

	if (!ok)
		fprintf(stderr, "  wanted \"%s\" in \"%s\"\n", sub, s);
	return ok;
}

int
main(void)
{
	char *s, *s2, *p1, *p2, *txt;
	size_t n, n2, np, i, bad, same;
	const char *err;
	int level, iter;

	/* Grammar. */
	CHECK(has(first_error("#qp,stage,a,1\n#qp,table,t,1\nx\n1\n#qp,end,1,1\n"),
	    "OK"));
	CHECK(has(first_error(""), "truncated input"));
	/* Another schema version, a table twice: refused. */
	CHECK(has(first_error("#qp,stage,a,1\n#qp,table,events,2\nx\n1\n"
	    "#qp,end,1,1\n"), "table events has schema version 2; this "
	    "program reads version 1"));
	CHECK(has(first_error("#qp,stage,a,1\n#qp,table,t,1\nx\n1\n"
	    "#qp,table,u,1\nx\n#qp,table,t,1\nx\n1\n#qp,end,3,2\n"),
	    "a second t table in one stream"));
	CHECK(has(first_error("#qp,stage,a,1\n#qp,table,t,1\nx,y,,z\n"
	    "#qp,end,1,0\n"), "column 3 has no name"));
	CHECK(has(first_error("a,b\n1,2\n"), "not a qunpipe stream"));
	CHECK(has(first_error("#qp,table,t,1\nx\n1\n"), "truncated input"));
	CHECK(has(first_error("#qp,table,t,1\nx\n1\n#qp,end,1,2\n"),
	    "truncated input"));
	CHECK(has(first_error("#qp,table,t,1\nx\n1\n#qp,end,1,1"),
	    "truncated input"));		/* end record cut before \n */
	CHECK(has(first_error("#qp,table,t,1\nx,y\n1\n#qp,end,1,1\n"),
	    "record 3 (line 3): table t: 1 fields, header has 2"));
	CHECK(has(first_error("#qp,table,t,1\n#qp,end,1,0\n"),
	    "table t has no header row"));
	CHECK(has(first_error("#qp,table,t,1\nx\n#qp,stage,b,1\n#qp,end,1,0\n"),
	    "#qp,stage after a table"));
	CHECK(has(first_error("#qp,table,t,1\nx\n#qp,bogus\n#qp,end,1,0\n"),
	    "unknown directive #qp,bogus"));
	CHECK(has(first_error("#qp,table,t,1\nx\n#qp,end,1,0\nmore\n"),
	    "data after #qp,end"));
	CHECK(has(first_error("#qp,table,bad name,1\nx\n#qp,end,1,0\n"),
	    "malformed #qp,table"));
	CHECK(has(first_error("#qp,table,t,1\nx,x\n#qp,end,1,0\n"),
	    "column x appears twice"));
	CHECK(has(first_error("#qp,stage,a,1\n\"#qp\",table,t\n"),
	    "not a qunpipe stream"));	/* a quoted #qp is data */

	/* Round trip: write -> read -> write is byte-identical at every level. */
	for (iter = 0; iter < 40; iter++)
		for (level = -1; level <= 9; level++) {
			s = rand_stream(level, &n);
			if (copy(s, n, level, &s2, &n2, &err) == -1) {
				CHECK(!"copy failed");
				fprintf(stderr, "  %s\n", err);
				free(s);
				continue;
			}
			CHECK(n == n2 && memcmp(s, s2, n) == 0);
			/* ... and every level holds the same text. */
			p1 = plain(s, n, &np);
			txt = plain(s2, n2, &np);
			CHECK(p1 != NULL && txt != NULL && strcmp(p1, txt) == 0);
			free(p1);
			free(txt);
			free(s);
			free(s2);
		}

	/* Every prefix of a stream is rejected as truncated input. */
	small_streams = 1;
	for (level = -1; level <= 9; level += 5) {
		s = rand_stream(level < 0 ? -1 : level, &n);
		bad = 0;
		for (i = 0; i < n; i++) {
			err = NULL;
			if (copy(s, i, -1, &s2, &n2, &err) == 0) {
				free(s2);
				bad++;
			} else if (err == NULL || strstr(err, "truncated input") == NULL) {
				if (bad++ < 3)
					fprintf(stderr, "  prefix %zu: %s\n", i,
					    err ? err : "(no message)");
			}
		}
		CHECK(bad == 0);
		free(s);
	}

	/* Flipped bytes in gzip: rejected, or the text is unchanged. */
	for (level = 0; level <= 9; level += 9) {
		s = rand_stream(level, &n);
		p1 = plain(s, n, &np);
		bad = same = 0;
		for (i = 0; i < n; i++) {
			s[i] ^= 0x20;
			if ((p2 = plain(s, n, &n2)) != NULL) {
				if (strcmp(p1, p2) != 0)
					bad++;
				else
					same++;
				free(p2);
			}
			s[i] ^= 0x20;
		}
		CHECK(bad == 0);
		/* Only header fields without a checksum (mtime, XFL, OS). */
		CHECK(same <= 6 * (n / 100 + 1));
		free(p1);
		free(s);
	}

	/* The bytes do not depend on the number of compression threads. */
	setenv("QP_THREADS", "0", 1);
	test_rng = 42;
	s = rand_stream(6, &n);
	setenv("QP_THREADS", "3", 1);
	test_rng = 42;
	s2 = rand_stream(6, &n2);
	CHECK(n == n2 && memcmp(s, s2, n) == 0);
	free(s);
	free(s2);
	/* qp_out_copy() writes what qp_out_row() writes, plain or not. */
	{
		static const char in[] =
		    "#qp,table,t,1\na,b,c\n"
		    "1,two,3\n"		/* plain: copied as bytes */
		    ",,\n"			/* empty fields */
		    "x,#tag,y\n"		/* a # field is quoted */
		    "#hash,1,2\n"		/* a first field too */
		    "\"q,1\",\"say \"\"hi\"\"\",z\n"	/* quotes */
		    "cr\rin,the,middle\n"	/* a bare CR is quoted */
		    "crlf,line,end\r\n"
		    "é,中文,😀\n"
		    "#qp,table,one,1\nonly\n\"\"\n\n"	/* a lone empty field */
		    "#qp,end,2,9\n";
		char *a, *b;
		size_t alen, blen;
		const char *why = "";

		use_copy = 0;
		CHECK(copy(in, sizeof in - 1, 0, &a, &alen, &why) == 0);
		use_copy = 1;
		CHECK(copy(in, sizeof in - 1, 0, &b, &blen, &why) == 0);
		use_copy = 0;
		CHECK(a != NULL && b != NULL && alen == blen &&
		    memcmp(a, b, alen) == 0);
		free(a);
		free(b);
		use_copy = 3;
		CHECK(copy(in, sizeof in - 1, 0, &a, &alen, &why) == 0);
		use_copy = 2;
		CHECK(copy(in, sizeof in - 1, 0, &b, &blen, &why) == 0);
		use_copy = 0;
		CHECK(a != NULL && b != NULL && alen == blen &&
		    memcmp(a, b, alen) == 0);
		CHECK(a != NULL && memmem(a, alen, "1,two,3,7\n", 10) != NULL);
		free(a);
		free(b);
	}
	/* qp_out_joined() writes what qp_out_row() writes for plain fields. */
	{
		static const char *const cols[] = { "a", "b", "c" };
		static char big[70000];
		struct qp_out *o1 = qp_out_new(qp_sink_open_mem(-1), NULL, NULL,
		    NULL, 0, NULL);
		struct qp_out *o2 = qp_out_new(qp_sink_open_mem(-1), NULL, NULL,
		    NULL, 0, NULL);
		struct qp_field rf[3] = { { "1", 1 }, { "two", 3 }, { "", 0 } };
		struct qp_field jp[2] = { { "1\0t", 3 }, { "wo\0", 3 } };
		const char *m1, *m2;
		size_t l1, l2;

		memset(big, 'x', sizeof big - 1);
		CHECK(qp_out_tablev(o1, "t", 1, cols, 3) == 0);
		CHECK(qp_out_tablev(o2, "t", 1, cols, 3) == 0);
		CHECK(qp_out_row(o1, rf, 3) == 0);
		CHECK(qp_out_joined(o2, jp, 2) == 0);	/* parts split a field */
		rf[1].s = big;
		rf[1].len = sizeof big - 1;		/* past one gzip member */
		CHECK(qp_out_row(o1, rf, 3) == 0);
		jp[0].s = "1";
		jp[0].len = 2;				/* with its NUL */
		jp[1].s = big;
		jp[1].len = sizeof big;			/* and the empty c */
		CHECK(qp_out_joined(o2, jp, 2) == 0);
		CHECK(qp_out_finish(o1) == 0 && qp_out_finish(o2) == 0);
		m1 = qp_sink_mem(qp_out_sink(o1), &l1);
		m2 = qp_sink_mem(qp_out_sink(o2), &l2);
		CHECK(m1 != NULL && m2 != NULL && l1 == l2 &&
		    memcmp(m1, m2, l1) == 0);
		qp_out_free(o1);
		qp_out_free(o2);
		/* A row with another number of fields is refused. */
		o1 = qp_out_new(qp_sink_open_mem(-1), NULL, NULL, NULL, 0, NULL);
		CHECK(qp_out_tablev(o1, "t", 1, cols, 3) == 0);
		jp[0].s = "1\0002";
		jp[0].len = 3;
		CHECK(qp_out_joined(o1, jp, 1) == -1);
		CHECK(strstr(qp_out_error(o1), "2 fields") != NULL);
		qp_out_free(o1);
	}
	return TEST_DONE("test_stream");
}
