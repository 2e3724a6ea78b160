/*
 * qp_io: the member layout (size, header bytes), concatenated members,
 * plain text, trailing garbage, and atomic file output.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "qp_io.h"
#include "test.h"

/* Walk the members of a gzip buffer; return their count and largest text. */
static int
members(const unsigned char *b, size_t n, size_t *maxtext)
{
	z_stream z;
	unsigned char out[1 << 17];
	int count = 0, rc;

	*maxtext = 0;
	memset(&z, 0, sizeof z);
	inflateInit2(&z, 15 + 16);
	z.next_in = (unsigned char *)b;
	z.avail_in = (uInt)n;
	while (z.avail_in > 0) {
		inflateReset(&z);
		z.next_out = out;
		z.avail_out = sizeof out;
		rc = inflate(&z, Z_FINISH);
		if (rc != Z_STREAM_END) {
			count = -1;
			break;
		}
		if (sizeof out - z.avail_out > *maxtext)
			*maxtext = sizeof out - z.avail_out;
		count++;
	}
	inflateEnd(&z);
	return count;
}

static long
read_all(struct qp_src *s, char *buf, size_t cap)
{
	long n, got = 0;

	while ((n = qp_src_read(s, buf + got, cap - (size_t)got)) > 0)
		got += n;
	return n < 0 ? -1 : got;
}

int
main(void)
{
	static char text[200000], back[400000];
	unsigned char both[1 << 20];
	struct qp_sink *k;
	struct qp_src *s;
	const char *m;
	char path[] = "/tmp/qp-test-io-XXXXXX", file[64];
	struct stat st;
	size_t i, n, n1, maxt;
	long r;

	for (i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + (i * 7 + i / 13) % 26);

	/* Members of at most QP_BLOCK bytes, with a fixed header. */
	k = qp_sink_open_mem(1);
	CHECK(qp_sink_write(k, text, sizeof text) == 0 && qp_sink_flush(k) == 0);
	m = qp_sink_mem(k, &n);
	CHECK(members((const unsigned char *)m, n, &maxt) == 4);
	CHECK(maxt == QP_BLOCK);
	CHECK(memcmp(m, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10) == 0);

	/* Two streams concatenated read as one text. */
	CHECK(n * 2 <= sizeof both);
	memcpy(both, m, n);
	memcpy(both + n, m, n);
	s = qp_src_open_mem(both, 2 * n, "both");
	r = read_all(s, back, sizeof back);
	CHECK(r == 2 * (long)sizeof text && memcmp(back, text, sizeof text) == 0 &&
	    memcmp(back + sizeof text, text, sizeof text) == 0);
	CHECK(qp_src_is_gzip(s));
	qp_src_close(s);

	/* Garbage after the last member is an error, not ignored. */
	memcpy(both + n, "junk", 4);
	s = qp_src_open_mem(both, n + 4, "junk");
	CHECK(read_all(s, back, sizeof back) == -1);
	CHECK(strstr(qp_src_error(s), "not gzip") != NULL);
	qp_src_close(s);
	n1 = n;
	qp_sink_free(k);

	/* Plain text passes through; one byte 0x1f is cut-short gzip. */
	s = qp_src_open_mem("hello\n", 6, "p");
	CHECK(read_all(s, back, sizeof back) == 6 && !qp_src_is_gzip(s));
	qp_src_close(s);
	s = qp_src_open_mem("\x1f", 1, "g");
	CHECK(read_all(s, back, sizeof back) == -1);
	qp_src_close(s);
	CHECK(n1 > 0);

	/*
	 * Read ahead on a thread: the same bytes in reads of any size, and a
	 * cut member is the same sticky error.  both holds two copies of the
	 * stream again (the junk overwrote the second's start).
	 */
	{
		char dir[] = "/tmp/qp-test-ahead-XXXXXX", f[64];
		FILE *fp;
		long got = 0, want = 2 * (long)sizeof text;
		size_t chunk = 1;

		memcpy(both + n1, both, n1);
		setenv("QP_THREADS", "2", 1);
		qp_src_readahead(1);
		CHECK(mkdtemp(dir) != NULL);
		snprintf(f, sizeof f, "%s/in.gz", dir);
		CHECK((fp = fopen(f, "wb")) != NULL &&
		    fwrite(both, 1, 2 * n1, fp) == 2 * n1 && fclose(fp) == 0);
		CHECK((s = qp_src_open(f)) != NULL);
		while (got < (long)sizeof back &&
		    (r = qp_src_read(s, back + got, chunk)) > 0) {
			got += r;
			chunk = chunk * 3 % 70001 + 1;	/* odd sizes */
		}
		CHECK(got == want && memcmp(back, text, sizeof text) == 0 &&
		    memcmp(back + sizeof text, text, sizeof text) == 0);
		CHECK(qp_src_read(s, back, 10) == 0 && qp_src_error(s) == NULL);
		qp_src_close(s);
		CHECK(truncate(f, (off_t)(2 * n1 - 5)) == 0);
		CHECK((s = qp_src_open(f)) != NULL);
		CHECK(read_all(s, back, sizeof back) == -1);
		CHECK(qp_src_read(s, back, 10) == -1);
		CHECK(qp_src_error(s) != NULL &&
		    strstr(qp_src_error(s), "truncated") != NULL);
		qp_src_close(s);
		qp_src_readahead(0);
		unsetenv("QP_THREADS");
		unlink(f);
		CHECK(rmdir(dir) == 0);
	}

	/* A file appears only on success, with the umask's mode. */
	CHECK(mkdtemp(path) != NULL);
	snprintf(file, sizeof file, "%s/out.gz", path);
	k = qp_sink_open(file, 0);
	CHECK(k != NULL && qp_sink_write(k, "x\n", 2) == 0);
	CHECK(stat(file, &st) == -1);
	qp_sink_free(k);			/* abandoned: nothing left */
	CHECK(stat(file, &st) == -1);
	k = qp_sink_open(file, 0);
	CHECK(k != NULL && qp_sink_write(k, "x\n", 2) == 0);
	CHECK(qp_sink_finish(k) == 0);
	qp_sink_free(k);
	CHECK(stat(file, &st) == 0 && (st.st_mode & 0777) == (0666 & ~umask(022)));
	unlink(file);
	CHECK(rmdir(path) == 0);		/* no temporary left behind */

	/* qp_crc32 is zlib's crc32 at every length and alignment, chained. */
	{
		static unsigned char b[4096 + 64];
		size_t j, len, at, bad = 0;

		for (j = 0; j < sizeof b; j++)
			b[j] = (unsigned char)(j * 2654435761u >> 13);
		for (at = 0; at < 17; at += 3)
			for (len = 0; len <= 600; len++)
				bad += qp_crc32(0, b + at, len) !=
				    crc32(0L, b + at, (uInt)len);
		for (len = 0; len <= 4096; len += 61)
			bad += qp_crc32(0x12345678, b, len) !=
			    crc32(0x12345678L, b, (uInt)len);
		bad += qp_crc32(qp_crc32(0, b, 100), b + 100, 3000) !=
		    crc32(0L, b, 3100);
		CHECK(bad == 0);
	}

	/*
	 * -l 0 writes its stored members itself (with writev): the bytes
	 * zlib's level 0 gives, in memory and in a file, one block's text a
	 * member, at the lengths around a stored block's limit of 65535.
	 */
	{
		static const size_t lens[] = { 1, 100, 65534, 65535, 65536 };
		static unsigned char want[QP_BLOCK + 64], got[QP_BLOCK + 64];
		z_stream z;
		size_t j, w;
		uLong crc;
		char dir[] = "/tmp/qp-test-io-XXXXXX";
		int fd, bad = 0;

		memset(&z, 0, sizeof z);
		CHECK(deflateInit2(&z, 0, Z_DEFLATED, -15, 8,
		    Z_DEFAULT_STRATEGY) == Z_OK);
		CHECK(mkdtemp(dir) != NULL);
		snprintf(file, sizeof file, "%s/stored.gz", dir);
		for (j = 0; j < sizeof lens / sizeof *lens; j++) {
			memcpy(want, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
			deflateReset(&z);
			z.next_in = (unsigned char *)text;
			z.avail_in = (uInt)lens[j];
			z.next_out = want + 10;
			z.avail_out = sizeof want - 18;
			bad += deflate(&z, Z_FINISH) != Z_STREAM_END;
			w = 10 + z.total_out;
			crc = crc32(0L, (unsigned char *)text, (uInt)lens[j]);
			for (i = 0; i < 4; i++) {
				want[w + i] = (unsigned char)(crc >> 8 * i);
				want[w + 4 + i] = (unsigned char)(lens[j] >> 8 * i);
			}
			w += 8;
			k = qp_sink_open_mem(0);
			CHECK(k != NULL && qp_sink_write(k, text, lens[j]) == 0 &&
			    qp_sink_flush(k) == 0);
			m = qp_sink_mem(k, &n);
			bad += n != w || memcmp(m, want, w) != 0;
			qp_sink_free(k);
			k = qp_sink_open(file, 0);
			CHECK(k != NULL && qp_sink_write(k, text, lens[j]) == 0);
			CHECK(qp_sink_finish(k) == 0);
			qp_sink_free(k);
			fd = open(file, O_RDONLY);
			n = fd == -1 ? 0 : (size_t)read(fd, got, sizeof got);
			if (fd != -1)
				close(fd);
			bad += n != w || memcmp(got, want, w) != 0;
			unlink(file);
		}
		deflateEnd(&z);
		CHECK(bad == 0);
		CHECK(rmdir(dir) == 0);
	}
	return TEST_DONE("test_io");
}
