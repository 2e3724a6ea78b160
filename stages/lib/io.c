/*
 * Byte sources and sinks: plain text or gzip members in, gzip members out.
 *
 * The source inflates member after member into the caller's buffer (with
 * ISA-L) and insists that each one ends with its trailer, so a stream cut
 * anywhere is an error rather than a shorter stream.  The sink cuts text
 * into blocks of QP_BLOCK bytes and deflates each into an independent
 * member (with zlib, whose bytes the tests know); at levels above 0 worker
 * threads compress blocks while the caller fills the next ones, at level
 * 0 one thread may write them behind the caller, and the members are
 * written in order, so the bytes do not depend on the number of threads.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <isa-l/igzip_lib.h>

#include "qp_io.h"

#define RAWBUF		(128 * 1024)
#define PIPEBUF		(1024 * 1024)
#define NSLOT		8
#define MAXTHREADS	8

static const unsigned char gzhead[10] = {
	0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff	/* deflate, mtime 0, OS unknown */
};

/* Try a larger pipe buffer: fewer context switches between stages. */
static void
grow_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		(void)fcntl(fd, F_SETPIPE_SZ, PIPEBUF);
#else
	(void)fd;
#endif
}

/* --- temporary files removed on signals ------------------------------ */

#define NTMP	256
static char *tmp_paths[NTMP];

static void
block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

int
qp_tmp_register(const char *path)
{
	sigset_t old;
	char *p;
	int i, rc = -1;

	if (path == NULL || (p = strdup(path)) == NULL)
		return -1;
	block_signals(&old);
	/* After the newest entry, so that slot order is age order. */
	for (i = NTMP - 1; i >= 0 && tmp_paths[i] == NULL; i--)
		;
	for (i = i + 1 < NTMP ? i + 1 : 0; i < NTMP; i++)
		if (tmp_paths[i] == NULL) {
			tmp_paths[i] = p;
			rc = 0;
			break;
		}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == -1)
		free(p);
	return rc;
}

void
qp_tmp_forget(const char *path)
{
	sigset_t old;
	char *p = NULL;
	int i;

	if (path == NULL)
		return;
	block_signals(&old);
	for (i = 0; i < NTMP; i++)
		if (tmp_paths[i] != NULL && strcmp(tmp_paths[i], path) == 0) {
			p = tmp_paths[i];
			tmp_paths[i] = NULL;
			break;
		}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	free(p);
}

void
qp_tmp_cleanup(void)
{
	int i;

	/* Newest first, so that a directory's files go before it. */
	for (i = NTMP - 1; i >= 0; i--)
		if (tmp_paths[i] != NULL && unlink(tmp_paths[i]) == -1)
			(void)rmdir(tmp_paths[i]);
}

/* --- sources --------------------------------------------------------- */

enum { MODE_SNIFF, MODE_PLAIN, MODE_GZIP };

struct qp_src {
	int			 fd;		/* -1 for memory */
	int			 owns;		/* close fd on qp_src_close() */
	char			*name;
	const unsigned char	*raw;		/* raw (compressed) bytes */
	size_t			 rawlen, rawpos;
	unsigned char		*rawbuf;	/* owned buffer for fd input */
	int			 raweof;
	int			 mode;
	int			 inmember;
	struct inflate_state	*inf;		/* ISA-L's, for gzip input */
	unsigned long long	 off;
	int			 failed;
	char			 err[256];
	struct ahead		*ahead;		/* NULL: read inline */
};

static int	threads_wanted(int);
static long	src_read(struct qp_src *, char *, size_t);

/*
 * Reading ahead (qp_src_readahead()): a thread reads and inflates blocks
 * into a ring while the caller parses the ones before.  Only the thread
 * touches the source's state then; a block carries what the caller may
 * see: its bytes, or the read's 0 or -1 (kept, so the end and an error
 * stay sticky), and the offset after it.
 */
#define AHEAD_N		8
#define AHEAD_LEN	(128 * 1024)

struct ablk {
	char			*buf;
	long			 n;
	unsigned long long	 off;
};

struct ahead {
	pthread_t		 thr;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct ablk		 b[AHEAD_N];
	unsigned		 head, tail;	/* blocks made, blocks used */
	size_t			 pos;		/* in the block in use */
	unsigned long long	 off;
	int			 quit;
};

static int want_ahead;

int
qp_threads(void)
{
	return threads_wanted(1) > 0;
}

int
qp_thread_start(pthread_t *t, void *(*fn)(void *), void *arg)
{
	sigset_t old;
	int rc;

	if (!qp_threads())
		return -1;
	block_signals(&old);	/* signals go to the caller's thread */
	rc = pthread_create(t, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc == 0 ? 0 : -1;
}

void
qp_src_readahead(int on)
{
	want_ahead = on;
}

static void *
ahead_main(void *arg)
{
	struct qp_src *s = arg;
	struct ahead *a = s->ahead;
	struct ablk *b;
	long n;

	do {
		pthread_mutex_lock(&a->mu);
		while (!a->quit && a->head - a->tail == AHEAD_N)
			pthread_cond_wait(&a->cv, &a->mu);
		if (a->quit) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		b = &a->b[a->head % AHEAD_N];
		pthread_mutex_unlock(&a->mu);
		n = src_read(s, b->buf, AHEAD_LEN);
		b->n = n;
		b->off = s->off;
		pthread_mutex_lock(&a->mu);
		a->head++;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	} while (n > 0);
	return NULL;
}

static void
ahead_free(struct ahead *a)
{
	int i;

	for (i = 0; i < AHEAD_N; i++)
		free(a->b[i].buf);
	free(a);
}

/* Start the thread; on any failure the source goes on reading inline. */
static void
ahead_start(struct qp_src *s)
{
	struct ahead *a;
	int i;

	if ((a = calloc(1, sizeof *a)) == NULL)
		return;
	for (i = 0; i < AHEAD_N; i++)
		if ((a->b[i].buf = malloc(AHEAD_LEN)) == NULL) {
			ahead_free(a);
			return;
		}
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	s->ahead = a;
	if (qp_thread_start(&a->thr, ahead_main, s) == -1) {
		s->ahead = NULL;
		pthread_mutex_destroy(&a->mu);
		pthread_cond_destroy(&a->cv);
		ahead_free(a);
	}
}

static long
ahead_read(struct qp_src *s, char *buf, size_t len)
{
	struct ahead *a = s->ahead;
	struct ablk *b;
	size_t k;

	pthread_mutex_lock(&a->mu);
	while (a->head == a->tail)
		pthread_cond_wait(&a->cv, &a->mu);
	pthread_mutex_unlock(&a->mu);
	b = &a->b[a->tail % AHEAD_N];
	if (b->n <= 0)
		return b->n;
	k = (size_t)b->n - a->pos;
	if (k > len)
		k = len;
	memcpy(buf, b->buf + a->pos, k);
	a->pos += k;
	a->off = b->off;
	if (a->pos == (size_t)b->n) {
		a->pos = 0;
		pthread_mutex_lock(&a->mu);
		a->tail++;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return (long)k;
}

static void
ahead_stop(struct qp_src *s)
{
	struct ahead *a = s->ahead;

	pthread_mutex_lock(&a->mu);
	a->quit = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thr, NULL);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	ahead_free(a);
	s->ahead = NULL;
}

static int
src_fail(struct qp_src *s, const char *fmt, ...)
{
	va_list ap;

	if (!s->failed) {
		va_start(ap, fmt);
		vsnprintf(s->err, sizeof s->err, fmt, ap);
		va_end(ap);
		s->failed = 1;
	}
	return -1;
}

static struct qp_src *
src_new(const char *name)
{
	struct qp_src *s;

	if ((s = calloc(1, sizeof *s)) == NULL)
		return NULL;
	if ((s->name = strdup(name)) == NULL) {
		free(s);
		return NULL;
	}
	s->fd = -1;
	return s;
}

struct qp_src *
qp_src_open(const char *path)
{
	struct qp_src *s;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "<stdin>";
		grow_pipe(fd);
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if ((s = src_new(path)) == NULL ||
	    (s->rawbuf = malloc(RAWBUF)) == NULL) {
		if (fd != STDIN_FILENO)
			close(fd);
		qp_src_close(s);
		errno = ENOMEM;
		return NULL;
	}
	s->fd = fd;
	s->owns = fd != STDIN_FILENO;
	s->raw = s->rawbuf;
	return s;
}

struct qp_src *
qp_src_open_fd(int fd, const char *name)
{
	struct qp_src *s;

	if ((s = src_new(name)) == NULL || (s->rawbuf = malloc(RAWBUF)) == NULL) {
		qp_src_close(s);
		errno = ENOMEM;
		return NULL;
	}
	s->fd = fd;
	s->owns = 0;
	s->raw = s->rawbuf;
	return s;
}

struct qp_src *
qp_src_open_mem(const void *buf, size_t len, const char *name)
{
	struct qp_src *s;

	if ((s = src_new(name ? name : "<memory>")) == NULL)
		return NULL;
	s->raw = buf;
	s->rawlen = len;
	s->raweof = 1;
	return s;
}

/* Make raw bytes available; returns the count available, 0 at EOF, -1. */
static long
raw_fill(struct qp_src *s)
{
	ssize_t r;

	if (s->rawpos < s->rawlen)
		return (long)(s->rawlen - s->rawpos);
	if (s->raweof)
		return 0;
	do
		r = read(s->fd, s->rawbuf, RAWBUF);
	while (r == -1 && errno == EINTR);
	if (r == -1)
		return src_fail(s, "%s: read error: %s", s->name, strerror(errno));
	if (r == 0) {
		s->raweof = 1;
		return 0;
	}
	s->rawpos = 0;
	s->rawlen = (size_t)r;
	return r;
}

/* Decide plain or gzip from the first two bytes. */
static int
sniff(struct qp_src *s)
{
	long n;

	if ((n = raw_fill(s)) < 0)
		return -1;
	if (n == 1 && s->fd != -1 && s->rawbuf[0] == 0x1f) {
		/* One byte so far: wait for the second. */
		ssize_t r;

		do
			r = read(s->fd, s->rawbuf + 1, RAWBUF - 1);
		while (r == -1 && errno == EINTR);
		if (r < 0)
			return src_fail(s, "%s: read error: %s", s->name,
			    strerror(errno));
		s->rawlen += (size_t)r;
		if (r == 0)
			s->raweof = 1;
	}
	if (s->rawlen - s->rawpos >= 2 && s->raw[s->rawpos] == 0x1f &&
	    s->raw[s->rawpos + 1] == 0x8b)
		s->mode = MODE_GZIP;
	else if (s->rawlen - s->rawpos == 1 && s->raw[s->rawpos] == 0x1f)
		return src_fail(s, "%s: truncated input (gzip header cut short)",
		    s->name);
	else
		s->mode = MODE_PLAIN;
	return 0;
}

static long
read_plain(struct qp_src *s, char *buf, size_t len)
{
	long n;

	if (s->rawpos == s->rawlen && s->fd != -1 && !s->raweof) {
		/* Nothing buffered: read straight into the caller's buffer. */
		ssize_t r;

		do
			r = read(s->fd, buf, len);
		while (r == -1 && errno == EINTR);
		if (r == -1)
			return src_fail(s, "%s: read error: %s", s->name,
			    strerror(errno));
		if (r == 0)
			s->raweof = 1;
		s->off += (unsigned long long)r;
		return r;
	}
	if ((n = raw_fill(s)) <= 0)
		return n;
	if ((size_t)n > len)
		n = (long)len;
	memcpy(buf, s->raw + s->rawpos, (size_t)n);
	s->rawpos += (size_t)n;
	s->off += (unsigned long long)n;
	return n;
}

/* ISA-L's errors in zlib's words, as gzip(1) users know them. */
static const char *
inflate_why(int rc)
{
	switch (rc) {
	case ISAL_INVALID_BLOCK:
		return "invalid block type or lengths";
	case ISAL_INVALID_SYMBOL:
		return "invalid code";
	case ISAL_INVALID_LOOKBACK:
		return "invalid distance too far back";
	case ISAL_INVALID_WRAPPER:
		return "incorrect header check";
	case ISAL_UNSUPPORTED_METHOD:
		return "unknown compression method";
	case ISAL_INCORRECT_CHECKSUM:
		return "incorrect data or length check";
	default:
		return "bad data";
	}
}

/*
 * Inflate gzip members with ISA-L (several times zlib's speed), member
 * after member: ISA-L reads each one's header and checks its trailer,
 * and takes no byte past it.
 */
static long
read_gzip(struct qp_src *s, char *buf, size_t len)
{
	struct inflate_state *st;
	size_t got = 0, used, made;
	long n;
	int rc;

	while (got < len) {
		if ((n = raw_fill(s)) < 0)
			return -1;
		if (!s->inmember) {
			if (n == 0)
				break;		/* clean end between members */
			if (n == 1 && !s->raweof && s->fd != -1) {
				/* Keep the lone byte; the next read completes it. */
				unsigned char b = s->raw[s->rawpos];
				ssize_t r;

				s->rawbuf[0] = b;
				do
					r = read(s->fd, s->rawbuf + 1, RAWBUF - 1);
				while (r == -1 && errno == EINTR);
				if (r < 0)
					return src_fail(s, "%s: read error: %s",
					    s->name, strerror(errno));
				s->rawpos = 0;
				s->rawlen = 1 + (size_t)r;
				if (r == 0)
					s->raweof = 1;
				n = (long)s->rawlen;
			}
			if (s->raw[s->rawpos] != 0x1f ||
			    (n >= 2 && s->raw[s->rawpos + 1] != 0x8b))
				return src_fail(s, "%s: corrupt input: bytes "
				    "after the end of a gzip member are not gzip",
				    s->name);
			if (s->inf == NULL &&
			    (s->inf = malloc(sizeof *s->inf)) == NULL)
				return src_fail(s, "%s: out of memory",
				    s->name);
			isal_inflate_init(s->inf);
			s->inf->crc_flag = ISAL_GZIP;	/* header, CRC, length */
			s->inmember = 1;
		}
		if (n == 0)
			return src_fail(s, "%s: truncated input (gzip member "
			    "without its trailer)", s->name);
		st = s->inf;
		st->next_in = (uint8_t *)(uintptr_t)(s->raw + s->rawpos);
		st->avail_in = n > (1L << 30) ? 1U << 30 : (uint32_t)n;
		st->next_out = (uint8_t *)buf + got;
		st->avail_out = (uint32_t)(len - got);
		n = st->avail_in;
		rc = isal_inflate(st);
		used = (size_t)(n - st->avail_in);
		made = len - st->avail_out - got;
		s->off += used;
		s->rawpos += used;
		got += made;
		if (rc != ISAL_DECOMP_OK)
			return src_fail(s, "%s: corrupt input (gzip: %s)",
			    s->name, inflate_why(rc));
		if (st->block_state == ISAL_BLOCK_FINISH) {
			s->inmember = 0;
			if (got > 0)
				break;
			continue;
		}
		if (used == 0 && made == 0)	/* never seen: no hang */
			return src_fail(s, "%s: corrupt input (gzip: no "
			    "progress)", s->name);
	}
	return (long)got;
}

static long
src_read(struct qp_src *s, char *buf, size_t len)
{
	if (s->failed)
		return -1;
	if (s->mode == MODE_SNIFF && sniff(s) == -1)
		return -1;
	if (s->mode == MODE_PLAIN)
		return read_plain(s, buf, len);
	return read_gzip(s, buf, len);
}

long
qp_src_read(struct qp_src *s, char *buf, size_t len)
{
	if (s->ahead != NULL)
		return len > 0 ? ahead_read(s, buf, len) : 0;
	if (s->failed)
		return -1;
	if (len == 0)
		return 0;
	if (s->mode == MODE_SNIFF) {
		if (sniff(s) == -1)
			return -1;
		/* Inflating is worth a thread; plain bytes are not. */
		if (want_ahead && s->mode == MODE_GZIP && s->fd != -1 &&
		    qp_threads()) {
			ahead_start(s);
			if (s->ahead != NULL)
				return ahead_read(s, buf, len);
		}
	}
	return src_read(s, buf, len);
}

const char *
qp_src_name(const struct qp_src *s)
{
	return s->name;
}

int
qp_src_is_gzip(const struct qp_src *s)
{
	return s->mode == MODE_GZIP;
}

unsigned long long
qp_src_offset(const struct qp_src *s)
{
	return s->ahead != NULL ? s->ahead->off : s->off;
}

const char *
qp_src_error(const struct qp_src *s)
{
	/* With a thread, failed is read after the block that said -1. */
	return s->failed ? s->err : NULL;
}

void
qp_src_close(struct qp_src *s)
{
	if (s == NULL)
		return;
	if (s->ahead != NULL)
		ahead_stop(s);
	if (s->owns)
		close(s->fd);
	free(s->inf);
	free(s->rawbuf);
	free(s->name);
	free(s);
}

static char	*tmp_beside(const char *, const char *, const char *);

/* --- sinks ----------------------------------------------------------- */

enum { SLOT_FREE, SLOT_FULL, SLOT_BUSY, SLOT_DONE };

struct slot {
	char		*text;
	size_t		 tlen;
	unsigned char	*out;
	size_t		 olen;
	int		 state;
	int		 zerr;
	int		 werr;		/* errno of its write behind, or 0 */
};

struct qp_sink {
	int		 fd;		/* -1 for memory */
	int		 borrowed;	/* fd is the caller's: not closed */
	char		*path, *tmp;	/* path for messages; tmp NULL: in place */
	char		*real;		/* what tmp is renamed to */
	int		 level;		/* -1 plain */
	int		 failed, finished;
	char		 err[256];
	unsigned long long textlen;

	/* The block being filled is slot[head % NSLOT].text. */
	struct slot	 slot[NSLOT];
	size_t		 outcap;
	unsigned long	 head, tail, take;	/* fill, write, compress */
	char		*blk;
	size_t		 blen;

	z_stream	 z;		/* for compressing on this thread */
	int		 zinit;

	int		 nthr, quit;
	int		 behind;	/* -l 0: 1 thr[0] writes the blocks,
					   -1 this thread, 0 not decided */
	int		 werr;		/* the first write behind's errno */
	pthread_t	 thr[MAXTHREADS];
	pthread_mutex_t	 mu;
	pthread_cond_t	 work, done;

	char		*mbuf;		/* memory output */
	size_t		 mlen, mcap;
};

static int
sink_fail(struct qp_sink *k, const char *fmt, ...)
{
	va_list ap;

	if (!k->failed) {
		va_start(ap, fmt);
		vsnprintf(k->err, sizeof k->err, fmt, ap);
		va_end(ap);
		k->failed = 1;
	}
	return -1;
}

static const char *
sink_name(const struct qp_sink *k)
{
	return k->path ? k->path : k->fd == -1 ? "<memory>" : "<stdout>";
}

/*
 * CRC-32 of the gzip trailer.  With PCLMULQDQ, 64 bytes at a time are
 * folded by carry-less multiplication (Intel's "Fast CRC computation for
 * generic polynomials using PCLMULQDQ", 2009; the constants are powers of
 * x modulo the reflected polynomial 0x1db710641), several times faster
 * than zlib 1.2's tables; the tail and CPUs without it use zlib.
 */
#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

__attribute__((target("pclmul,sse4.1")))
static uint32_t
crc_fold(uint32_t crc, const unsigned char *p, size_t len)
{
	const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596LL, 0x0154442bd4LL);
	const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009eLL, 0x01751997d0LL);
	const __m128i k5 = _mm_set_epi64x(0, 0x0163cd6124LL);
	const __m128i poly = _mm_set_epi64x(0x01f7011641LL, 0x01db710641LL);
	const __m128i lo32 = _mm_set_epi32(0, -1, 0, -1);
	__m128i x0, x1, x2, x3, x4, x5, x6, x7, x8;

	/* len >= 64, a multiple of 16; crc is the running (inverted) value */
	x1 = _mm_loadu_si128((const __m128i *)p);
	x2 = _mm_loadu_si128((const __m128i *)(p + 16));
	x3 = _mm_loadu_si128((const __m128i *)(p + 32));
	x4 = _mm_loadu_si128((const __m128i *)(p + 48));
	x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)crc));
	p += 64;
	len -= 64;
	while (len >= 64) {
		x5 = _mm_clmulepi64_si128(x1, k1k2, 0x00);
		x6 = _mm_clmulepi64_si128(x2, k1k2, 0x00);
		x7 = _mm_clmulepi64_si128(x3, k1k2, 0x00);
		x8 = _mm_clmulepi64_si128(x4, k1k2, 0x00);
		x1 = _mm_clmulepi64_si128(x1, k1k2, 0x11);
		x2 = _mm_clmulepi64_si128(x2, k1k2, 0x11);
		x3 = _mm_clmulepi64_si128(x3, k1k2, 0x11);
		x4 = _mm_clmulepi64_si128(x4, k1k2, 0x11);
		x1 = _mm_xor_si128(_mm_xor_si128(x1, x5),
		    _mm_loadu_si128((const __m128i *)p));
		x2 = _mm_xor_si128(_mm_xor_si128(x2, x6),
		    _mm_loadu_si128((const __m128i *)(p + 16)));
		x3 = _mm_xor_si128(_mm_xor_si128(x3, x7),
		    _mm_loadu_si128((const __m128i *)(p + 32)));
		x4 = _mm_xor_si128(_mm_xor_si128(x4, x8),
		    _mm_loadu_si128((const __m128i *)(p + 48)));
		p += 64;
		len -= 64;
	}
	/* four lanes into one */
	x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_clmulepi64_si128(x1, k3k4, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x2), x5);
	x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_clmulepi64_si128(x1, k3k4, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x3), x5);
	x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_clmulepi64_si128(x1, k3k4, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x4), x5);
	while (len >= 16) {
		x5 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
		x1 = _mm_clmulepi64_si128(x1, k3k4, 0x11);
		x1 = _mm_xor_si128(_mm_xor_si128(x1,
		    _mm_loadu_si128((const __m128i *)p)), x5);
		p += 16;
		len -= 16;
	}
	/* 128 bits to 64, then Barrett reduction to 32 */
	x2 = _mm_clmulepi64_si128(x1, k3k4, 0x10);
	x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), x2);
	x2 = _mm_srli_si128(x1, 4);
	x1 = _mm_and_si128(x1, lo32);
	x1 = _mm_xor_si128(_mm_clmulepi64_si128(x1, k5, 0x00), x2);
	x2 = _mm_and_si128(x1, lo32);
	x2 = _mm_clmulepi64_si128(x2, poly, 0x10);
	x2 = _mm_and_si128(x2, lo32);
	x2 = _mm_clmulepi64_si128(x2, poly, 0x00);
	x1 = _mm_xor_si128(x1, x2);
	x0 = x1;
	return (uint32_t)_mm_extract_epi32(x0, 1);
}

static int
have_clmul(void)
{
	static int known = -1;
	unsigned a, b, c, d;

	if (known == -1)
		known = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_PCLMUL) &&
		    (c & bit_SSE4_1);
	return known;
}
#endif

uint32_t
qp_crc32(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;

#if defined(__x86_64__) && defined(__GNUC__)
	if (len >= 64 && have_clmul()) {
		size_t n = len & ~(size_t)15;

		crc = ~crc_fold(~crc, p, n);
		p += n;
		len -= n;
	}
#endif
	return (uint32_t)crc32(crc, p, (uInt)len);
}

/* Deflate one block into a gzip member; returns 0 or a zlib error. */
static int
compress_block(z_stream *z, int level, struct slot *sl, size_t outcap)
{
	unsigned char *o = sl->out;
	uLong crc;
	size_t n;
	int rc;

	memcpy(o, gzhead, sizeof gzhead);
	if ((rc = deflateReset(z)) != Z_OK)
		return rc;
	(void)level;
	z->next_in = (unsigned char *)sl->text;
	z->avail_in = (uInt)sl->tlen;
	z->next_out = o + sizeof gzhead;
	z->avail_out = (uInt)(outcap - sizeof gzhead - 8);
	if ((rc = deflate(z, Z_FINISH)) != Z_STREAM_END)
		return rc == Z_OK ? Z_BUF_ERROR : rc;
	n = sizeof gzhead + z->total_out;
	crc = qp_crc32(0, sl->text, sl->tlen);
	o[n++] = crc & 0xff;
	o[n++] = (crc >> 8) & 0xff;
	o[n++] = (crc >> 16) & 0xff;
	o[n++] = (crc >> 24) & 0xff;
	o[n++] = sl->tlen & 0xff;
	o[n++] = (sl->tlen >> 8) & 0xff;
	o[n++] = (sl->tlen >> 16) & 0xff;
	o[n++] = (sl->tlen >> 24) & 0xff;
	sl->olen = n;
	return Z_OK;
}

static int	write_stored(struct qp_sink *, const char *, size_t);

/*
 * A thread that compresses blocks, or at -l 0 the one that writes them
 * behind the caller, in order.
 */
static void *
worker(void *arg)
{
	struct qp_sink *k = arg;
	struct slot *sl;
	z_stream z;
	int ok, e;

	memset(&z, 0, sizeof z);
	ok = !k->behind && deflateInit2(&z, k->level, Z_DEFLATED, -15, 8,
	    Z_DEFAULT_STRATEGY) == Z_OK;
	pthread_mutex_lock(&k->mu);
	for (;;) {
		while (!k->quit && k->take == k->head)
			pthread_cond_wait(&k->work, &k->mu);
		if (k->take == k->head)
			break;
		sl = &k->slot[k->take++ % NSLOT];
		sl->state = SLOT_BUSY;
		e = k->werr;
		pthread_mutex_unlock(&k->mu);
		if (k->behind > 0)	/* after a failed write, no more */
			sl->werr = e != 0 ? e : write_stored(k, sl->text,
			    sl->tlen);
		else
			sl->zerr = ok ? compress_block(&z, k->level, sl,
			    k->outcap) : Z_MEM_ERROR;
		pthread_mutex_lock(&k->mu);
		if (k->werr == 0)
			k->werr = sl->werr;
		sl->state = SLOT_DONE;
		pthread_cond_broadcast(&k->done);
	}
	pthread_mutex_unlock(&k->mu);
	if (ok)
		deflateEnd(&z);
	return NULL;
}

static int
write_all(struct qp_sink *k, const void *p, size_t len)
{
	if (k->fd == -1) {
		if (k->mlen + len > k->mcap) {
			size_t cap = k->mcap ? k->mcap : 4096;
			char *m;

			while (cap < k->mlen + len)
				cap *= 2;
			if ((m = realloc(k->mbuf, cap)) == NULL)
				return sink_fail(k, "<memory>: out of memory");
			k->mbuf = m;
			k->mcap = cap;
		}
		memcpy(k->mbuf + k->mlen, p, len);
		k->mlen += len;
		return 0;
	}
	if (qp_write_all(k->fd, p, len) == -1)
		return sink_fail(k, "%s: write error: %s", sink_name(k),
		    strerror(errno));
	return 0;
}

int
qp_write_all(int fd, const void *p, size_t len)
{
	const char *c = p;
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, c, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

static int
zfail(struct qp_sink *k, int zerr)
{
	return sink_fail(k, "%s: compression failed (zlib error %d)",
	    sink_name(k), zerr);
}

/* Write the oldest submitted block, waiting for its compression. */
static int
write_oldest(struct qp_sink *k)
{
	struct slot *sl = &k->slot[k->tail % NSLOT];
	int rc;

	if (k->nthr > 0) {
		pthread_mutex_lock(&k->mu);
		while (sl->state != SLOT_DONE)
			pthread_cond_wait(&k->done, &k->mu);
		pthread_mutex_unlock(&k->mu);
	}
	k->tail++;
	sl->state = SLOT_FREE;
	if (k->behind > 0)
		return sl->werr == 0 ? 0 : sink_fail(k, "%s: write error: %s",
		    sink_name(k), strerror(sl->werr));
	if (sl->zerr != Z_OK)
		return zfail(k, sl->zerr);
	rc = write_all(k, sl->out, sl->olen);
	return rc;
}

/* The 5 bytes before a stored deflate block of len bytes. */
static void
stored_head(unsigned char *h, size_t len, int last)
{
	h[0] = (unsigned char)last;
	h[1] = len & 0xff;
	h[2] = (len >> 8) & 0xff;
	h[3] = ~len & 0xff;
	h[4] = (~len >> 8) & 0xff;
}

/*
 * A block as a stored member (-l 0), written around its text rather than
 * copied through zlib: the bytes zlib's level 0 gives (blocks of at most
 * 65535 bytes, the last one marked), then the CRC and length.  Returns 0
 * or the write's errno, and leaves failing the sink to the caller's
 * thread.
 */
static int
write_stored(struct qp_sink *k, const char *text, size_t len)
{
	unsigned char head[sizeof gzhead + 5], mid[5], tail[8];
	struct iovec iov[5], *v = iov;
	size_t n1 = len > 65535 ? 65535 : len, n2 = len - n1;
	uint32_t crc = qp_crc32(0, text, len);
	ssize_t w;
	int i, n = 0;

	_Static_assert(QP_BLOCK <= 2 * 65535, "two stored blocks at most");
	memcpy(head, gzhead, sizeof gzhead);
	stored_head(head + sizeof gzhead, n1, n2 == 0);
	iov[n].iov_base = head;
	iov[n++].iov_len = sizeof head;
	iov[n].iov_base = (char *)text;
	iov[n++].iov_len = n1;
	if (n2 > 0) {
		stored_head(mid, n2, 1);
		iov[n].iov_base = mid;
		iov[n++].iov_len = sizeof mid;
		iov[n].iov_base = (char *)text + n1;
		iov[n++].iov_len = n2;
	}
	for (i = 0; i < 4; i++) {
		tail[i] = (crc >> 8 * i) & 0xff;
		tail[4 + i] = (len >> 8 * i) & 0xff;
	}
	iov[n].iov_base = tail;
	iov[n++].iov_len = sizeof tail;
	if (k->fd == -1) {
		for (i = 0; i < n; i++)
			if (write_all(k, iov[i].iov_base, iov[i].iov_len) == -1)
				return ENOMEM;
		return 0;
	}
	while (n > 0) {
		if ((w = writev(k->fd, v, n)) == -1) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		for (; n > 0 && (size_t)w >= v->iov_len; v++, n--)
			w -= (ssize_t)v->iov_len;
		if (n > 0) {
			v->iov_base = (char *)v->iov_base + w;
			v->iov_len -= (size_t)w;
		}
	}
	return 0;
}

static int want_behind;

void
qp_sink_writebehind(int on)
{
	want_behind = on;
}

/*
 * At the first block of a -l 0 sink, start the thread that writes behind
 * if wanted; on any failure the sink goes on writing inline.
 */
static void
behind_start(struct qp_sink *k)
{
	int i;

	k->behind = -1;
	if (!want_behind || k->fd == -1 || k->borrowed || !qp_threads())
		return;
	for (i = 1; i < NSLOT; i++)
		if (k->slot[i].text == NULL &&
		    (k->slot[i].text = malloc(QP_BLOCK + QP_SLACK)) == NULL)
			return;
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->work, NULL);
	pthread_cond_init(&k->done, NULL);
	k->behind = 1;
	/* Not qp_thread_start(): the writes' SIGPIPE must stay with the
	 * thread that writes, to end the program as it does without it. */
	if (pthread_create(&k->thr[0], NULL, worker, k) != 0) {
		k->behind = -1;
		pthread_mutex_destroy(&k->mu);
		pthread_cond_destroy(&k->work);
		pthread_cond_destroy(&k->done);
		return;
	}
	k->nthr = 1;
}

/* Hand the current block over and start the next one. */
static int
submit(struct qp_sink *k)
{
	struct slot *sl = &k->slot[k->head % NSLOT];
	int rc = 0;

	if (k->blen == 0)
		return 0;
	sl->tlen = k->blen;
	if (k->level == 0 && k->behind == 0)
		behind_start(k);
	if (k->level < 0) {
		rc = write_all(k, sl->text, sl->tlen);
	} else if (k->level == 0 && k->behind < 0) {
		if ((rc = write_stored(k, sl->text, sl->tlen)) != 0)
			rc = sink_fail(k, "%s: write error: %s", sink_name(k),
			    strerror(rc));
	} else if (k->nthr == 0) {
		if ((sl->zerr = compress_block(&k->z, k->level, sl,
		    k->outcap)) != Z_OK)
			rc = zfail(k, sl->zerr);
		else
			rc = write_all(k, sl->out, sl->olen);
	} else {
		pthread_mutex_lock(&k->mu);
		sl->state = SLOT_FULL;
		k->head++;
		pthread_cond_signal(&k->work);
		pthread_mutex_unlock(&k->mu);
		while (rc == 0 && k->head - k->tail >= NSLOT)
			rc = write_oldest(k);
		k->blk = k->slot[k->head % NSLOT].text;
		k->blen = 0;
		return rc;
	}
	k->blen = 0;
	return rc;
}

static int
threads_wanted(int level)
{
	const char *e = getenv("QP_THREADS");
	long n;

	if (level <= 0)
		return 0;
	if (e != NULL && *e != '\0') {
		char *end;

		n = strtol(e, &end, 10);
		if (*end != '\0' || n < 0)
			n = 0;
	} else
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 1)
		return 0;	/* one core: compress inline */
	return n > MAXTHREADS ? MAXTHREADS : (int)n;
}

static struct qp_sink *
sink_new(int level)
{
	struct qp_sink *k;
	int i, nslot;

	if ((k = calloc(1, sizeof *k)) == NULL)
		return NULL;
	k->fd = -1;
	k->level = level < -1 ? -1 : level > 9 ? 9 : level;
	k->nthr = threads_wanted(k->level);
	nslot = k->nthr > 0 ? NSLOT : 1;
	if (k->level >= 0) {
		if (deflateInit2(&k->z, k->level, Z_DEFLATED, -15, 8,
		    Z_DEFAULT_STRATEGY) != Z_OK)
			goto fail;
		k->zinit = 1;
		k->outcap = deflateBound(&k->z, QP_BLOCK) + sizeof gzhead + 8;
	}
	for (i = 0; i < nslot; i++) {
		if ((k->slot[i].text = malloc(QP_BLOCK + QP_SLACK)) == NULL)
			goto fail;
		if (k->level >= 0 && (k->slot[i].out = malloc(k->outcap)) == NULL)
			goto fail;
	}
	k->blk = k->slot[0].text;
	if (k->nthr > 0) {
		pthread_mutex_init(&k->mu, NULL);
		pthread_cond_init(&k->work, NULL);
		pthread_cond_init(&k->done, NULL);
		for (i = 0; i < k->nthr; i++)
			if (pthread_create(&k->thr[i], NULL, worker, k) != 0)
				break;
		if (i < k->nthr) {
			/* Run with the threads we got, or none. */
			int got = i;

			if (got == 0) {
				pthread_mutex_destroy(&k->mu);
				pthread_cond_destroy(&k->work);
				pthread_cond_destroy(&k->done);
			}
			k->nthr = got;
		}
	}
	return k;
fail:
	qp_sink_free(k);
	errno = ENOMEM;
	return NULL;
}

/* The descriptor a path such as /dev/stdout or /dev/fd/3 names, or -1. */
static int
fd_path(const char *path)
{
	static const char *const fixed[] = { "/dev/stdin", "/dev/stdout",
	    "/dev/stderr" };
	const char *n = NULL;
	char *end;
	long v;
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(path, fixed[i]) == 0)
			return i;
	if (strncmp(path, "/dev/fd/", 8) == 0)
		n = path + 8;
	else if (strncmp(path, "/proc/self/fd/", 14) == 0)
		n = path + 14;
	if (n == NULL || *n < '0' || *n > '9')
		return -1;
	v = strtol(n, &end, 10);
	return *end == '\0' && v <= INT_MAX ? (int)v : -1;
}

struct qp_sink *
qp_sink_open(const char *path, int level)
{
	struct qp_sink *k;
	struct stat st, lst;
	char *slash;
	int fd, e;

	if ((k = sink_new(level)) == NULL)
		return NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		k->fd = STDOUT_FILENO;
		grow_pipe(k->fd);
		return k;
	}
	if ((k->path = strdup(path)) == NULL)
		goto nomem;
	/* /dev/stdout, /dev/fd/N: the descriptor the shell opened, at its
	 * offset and flags (>> appends); never a file renamed over it. */
	if ((fd = fd_path(path)) >= 0) {
		if ((k->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) == -1)
			goto fail;
		grow_pipe(k->fd);
		return k;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* /dev/null, a FIFO, a terminal, /dev/stdout: write into it;
		 * renaming a file over it would replace the device. */
		if ((fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)) == -1)
			goto fail;
		k->fd = fd;
		grow_pipe(fd);
		return k;
	}
	/* A link to a file: replace the file, keep the link. */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
	    (k->real = realpath(path, NULL)) == NULL)
		goto fail;
	if (k->real == NULL && (k->real = strdup(path)) == NULL)
		goto nomem;
	qp_tmp_sweep(k->real);
	if ((k->tmp = tmp_beside(k->real, ".", ".XXXXXX")) == NULL)
		goto nomem;
	for (;;) {
		if ((fd = mkstemp(k->tmp)) == -1)
			goto fail;
		(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
		if (qp_tmp_hold(fd) == 0)
			break;
		/* Swept before we held it: take another name. */
		close(fd);
		slash = k->tmp + strlen(k->tmp) - 6;
		memcpy(slash, "XXXXXX", 6);
	}
	k->fd = fd;
	if (qp_tmp_register(k->tmp) == -1) {
		qp_sink_free(k);
		errno = EMFILE;
		return NULL;
	}
	return k;
nomem:
	errno = ENOMEM;
fail:
	e = errno;
	free(k->tmp);
	k->tmp = NULL;
	qp_sink_free(k);
	errno = e;
	return NULL;
}

struct qp_sink *
qp_sink_open_fd(int fd, int level)
{
	struct qp_sink *k;

	if ((k = sink_new(level)) == NULL)
		return NULL;
	k->fd = fd;
	k->borrowed = 1;
	return k;
}

struct qp_sink *
qp_sink_open_mem(int level)
{
	return sink_new(level);
}

const char *
qp_sink_mem(struct qp_sink *k, size_t *len)
{
	*len = k->mlen;
	return k->mbuf;
}

char *
qp_sink_reserve(struct qp_sink *k, size_t len)
{
	if (k->failed)
		return NULL;
	if (QP_BLOCK - k->blen < len && submit(k) == -1)
		return NULL;
	return k->blk + k->blen;
}

void
qp_sink_commit(struct qp_sink *k, size_t len)
{
	k->blen += len;
	k->textlen += len;
}

int
qp_sink_write(struct qp_sink *k, const void *p, size_t len)
{
	const char *c = p;
	size_t n;

	if (k->failed)
		return -1;
	while (len > 0) {
		if (k->blen == QP_BLOCK && submit(k) == -1)
			return -1;
		n = QP_BLOCK - k->blen;
		if (n > len)
			n = len;
		memcpy(k->blk + k->blen, c, n);
		k->blen += n;
		k->textlen += n;
		c += n;
		len -= n;
	}
	return 0;
}

int
qp_sink_flush(struct qp_sink *k)
{
	if (k->failed)
		return -1;
	if (submit(k) == -1)
		return -1;
	while (k->tail != k->head)
		if (write_oldest(k) == -1)
			return -1;
	return 0;
}

static void
stop_threads(struct qp_sink *k)
{
	int i;

	if (k->nthr == 0)
		return;
	pthread_mutex_lock(&k->mu);
	k->quit = 1;
	pthread_cond_broadcast(&k->work);
	pthread_mutex_unlock(&k->mu);
	for (i = 0; i < k->nthr; i++)
		pthread_join(k->thr[i], NULL);
	pthread_mutex_destroy(&k->mu);
	pthread_cond_destroy(&k->work);
	pthread_cond_destroy(&k->done);
	k->nthr = 0;
}

int
qp_sink_finish(struct qp_sink *k)
{
	mode_t mask;
	int e;

	if (qp_sink_flush(k) == -1)
		return -1;
	stop_threads(k);
	if (k->borrowed) {
		/* The caller's descriptor stays open. */
	} else if (k->fd == STDOUT_FILENO) {
		/* Closing stdout reports a late write error (NFS, pipes). */
		if (close(k->fd) == -1 && errno != EINTR)
			return sink_fail(k, "<stdout>: close: %s", strerror(errno));
		k->fd = -1;
	} else if (k->tmp != NULL) {
		mask = umask(0);
		umask(mask);
		if (fchmod(k->fd, 0666 & ~mask) == -1 || close(k->fd) == -1) {
			k->fd = -1;
			return sink_fail(k, "%s: %s", k->path, strerror(errno));
		}
		k->fd = -1;
		if (rename(k->tmp, k->real) == -1)
			return sink_fail(k, "%s: rename: %s", k->path,
			    strerror(errno));
		qp_tmp_forget(k->tmp);
	} else if (k->path != NULL) {
		/* Written in place. */
		e = close(k->fd);
		k->fd = -1;
		if (e == -1 && errno != EINTR)
			return sink_fail(k, "%s: %s", k->path, strerror(errno));
	}
	k->finished = 1;
	return 0;
}

void
qp_sink_free(struct qp_sink *k)
{
	int i;

	if (k == NULL)
		return;
	stop_threads(k);
	if (k->tmp != NULL) {
		if (k->fd != -1)
			close(k->fd);
		if (!k->finished) {
			(void)unlink(k->tmp);
			qp_tmp_forget(k->tmp);
		}
	} else if (k->path != NULL && k->fd != -1)
		close(k->fd);
	if (k->zinit)
		deflateEnd(&k->z);
	for (i = 0; i < NSLOT; i++) {
		free(k->slot[i].text);
		free(k->slot[i].out);
	}
	free(k->mbuf);
	free(k->path);
	free(k->tmp);
	free(k->real);
	free(k);
}

const char *
qp_sink_error(const struct qp_sink *k)
{
	return k->failed ? k->err : NULL;
}

unsigned long long
qp_sink_textlen(const struct qp_sink *k)
{
	return k->textlen;
}

const char *
qp_tmpdir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir != NULL && *dir != '\0' ? dir : "/tmp";
}

int
qp_tmpfd(const char *tag)
{
	char path[4096];
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/%s.XXXXXX", qp_tmpdir(),
	    tag) >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(path)) == -1)
		return -1;
	unlink(path);
	return fd;
}

/* --- temporary names beside an output -------------------------------- */

/*
 * A writer's temporary file or directory sits beside its target as
 * .NAME.XXXXXX or NAME.tmp-XXXXXX and is held with flock(2) while the
 * writer lives.  A writer killed with SIGKILL leaves it behind unlocked:
 * the next writer of the same target finds it and removes it.
 */

static char *
tmp_beside(const char *path, const char *pre, const char *post)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path + 1) : 0, n;
	char *t;

	n = strlen(path) + strlen(pre) + strlen(post) + 1;
	if ((t = malloc(n)) == NULL)
		return NULL;
	snprintf(t, n, "%.*s%s%s%s", (int)dirlen, path, pre, path + dirlen,
	    post);
	return t;
}

int
qp_tmp_hold(int fd)
{
	struct stat st;

	while (flock(fd, LOCK_EX) == -1)
		if (errno != EINTR)
			return 0;	/* no locks here (NFS): nothing to sweep */
	return fstat(fd, &st) == 0 && st.st_nlink > 0 ? 0 : -1;
}

/* Whether name is prefix followed by six mkstemp characters. */
static int
tmp_name(const char *name, const char *prefix, size_t plen)
{
	size_t i;

	if (strncmp(name, prefix, plen) != 0 || strlen(name) != plen + 6)
		return 0;
	for (i = plen; i < plen + 6; i++)
		if (!(name[i] >= 'a' && name[i] <= 'z') &&
		    !(name[i] >= 'A' && name[i] <= 'Z') &&
		    !(name[i] >= '0' && name[i] <= '9'))
			return 0;
	return 1;
}

/* An old writer's DIR.old-PID (before directories were exchanged). */
static int
old_name(const char *name, const char *base, size_t blen)
{
	long long pid;
	char *end;

	if (strncmp(name, base, blen) != 0 || strncmp(name + blen, ".old-", 5))
		return 0;
	errno = 0;
	pid = strtoll(name + blen + 5, &end, 10);
	if (*end != '\0' || errno != 0 || pid <= 0 || pid > INT_MAX)
		return 0;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

static int
rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	(void)remove(p);
	return 0;
}

int
qp_rm_tree(const char *path)
{
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

void
qp_tmp_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *filepre = NULL, *dirpre = NULL, *full;
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	struct dirent *d;
	struct stat st, now;
	DIR *dp;
	int fd, isdir;

	if (slash == path)
		dir = strdup("/");
	else if (slash)
		dir = strndup(path, (size_t)(slash - path));
	else
		dir = strdup(".");
	if (dir == NULL || asprintf(&filepre, ".%s.", base) == -1 ||
	    asprintf(&dirpre, "%s.tmp-", base) == -1 ||
	    (dp = opendir(dir)) == NULL) {
		free(dir);
		free(filepre);
		free(dirpre);
		return;
	}
	while ((d = readdir(dp)) != NULL) {
		if (tmp_name(d->d_name, filepre, blen + 2))
			isdir = 0;
		else if (tmp_name(d->d_name, dirpre, blen + 5))
			isdir = 1;
		else if (old_name(d->d_name, base, blen))
			isdir = 2;
		else
			continue;
		if (asprintf(&full, "%s/%s", dir, d->d_name) == -1)
			break;
		fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
		    (isdir ? O_DIRECTORY : 0));
		/* Unlocked: its writer is gone.  Same inode: not replaced
		 * meanwhile by a live writer's. */
		if (fd != -1 && (isdir == 2 || flock(fd, LOCK_EX | LOCK_NB) == 0) &&
		    fstat(fd, &st) == 0 && lstat(full, &now) == 0 &&
		    st.st_ino == now.st_ino && st.st_dev == now.st_dev) {
			if (isdir)
				(void)qp_rm_tree(full);
			else if (S_ISREG(st.st_mode))
				(void)unlink(full);
		}
		if (fd != -1)
			close(fd);
		free(full);
	}
	closedir(dp);
	free(dir);
	free(filepre);
	free(dirpre);
}

const char *
qp_path_error(const char *path, int err)
{
	static char msg[PATH_MAX + 128];
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;

	if ((err == ENOENT || err == ENOTDIR) && slash != NULL &&
	    slash != path && (dir = strndup(path, (size_t)(slash - path))) != NULL) {
		if (stat(dir, &st) == -1 && (errno == ENOENT || errno == ENOTDIR))
			snprintf(msg, sizeof msg, "%s: the folder %s does not exist",
			    path, dir);
		else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
			snprintf(msg, sizeof msg, "%s: %s is not a folder", path, dir);
		else
			snprintf(msg, sizeof msg, "%s: %s", path, strerror(err));
		free(dir);
		return msg;
	}
	snprintf(msg, sizeof msg, "%s: %s", path, strerror(err));
	return msg;
}
