/*
 * qp_io: byte sources and sinks for qunpipe streams.
 *
 * A source reads a file, a file descriptor or a memory buffer and yields
 * its text.  It sniffs the gzip magic (1f 8b): gzip input may hold any
 * number of concatenated members, and every member must end with its
 * trailer; anything else is read as plain text.
 *
 * A sink writes text as a sequence of independent gzip members of at most
 * QP_BLOCK bytes of text each (the BGZF idea), or as plain text.  Members
 * carry no file name and mtime 0, so the same text gives the same bytes.
 * A sink given a path writes a temporary file beside it and renames it into
 * place on a successful close; every other exit removes it.  A path that
 * exists and is not a regular file (/dev/null, a FIFO, /dev/stdout) is
 * written in place instead, never replaced; /dev/stdout, /dev/fd/N and
 * /proc/self/fd/N write to that descriptor as it is open (a shell's >>
 * appends); a symbolic link to a regular file keeps the link and has the
 * file it names replaced.
 *
 * Errors are sticky: after the first one every call fails at once, and the
 * message stays available from qp_src_error()/qp_sink_error().
 */
#ifndef QP_IO_H
#define QP_IO_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define QP_BLOCK	65536	/* text per gzip member, at most */
#define QP_SLACK	16	/* scratch bytes past a reserved block */

struct qp_src;
struct qp_sink;

/*
 * Open path for reading; NULL or "-" is standard input.  Returns NULL with
 * errno set when the file cannot be opened.
 */
struct qp_src	*qp_src_open(const char *path);

/*
 * Read an open file descriptor from its current offset; the source does
 * not close it.  name is for messages.  NULL on ENOMEM.
 */
struct qp_src	*qp_src_open_fd(int fd, const char *name);

/* Read from a memory buffer, which must outlive the source; name is for messages. */
struct qp_src	*qp_src_open_mem(const void *buf, size_t len, const char *name);

/*
 * Read up to len bytes of text into buf.  Returns the number of bytes read,
 * 0 at the end of the input, or -1 on error (see qp_src_error()).  A gzip
 * member without its trailer, a bad CRC or trailing garbage is an error.
 */
long		 qp_src_read(struct qp_src *s, char *buf, size_t len);

/*
 * Whether sources opened from now on that turn out to be gzip inflate on
 * a thread of their own, ahead of the reader (a stage whose own work is
 * as heavy as inflating its input; QP_THREADS=1 or one core: never).
 */
void		 qp_src_readahead(int on);

/*
 * Whether threads are wanted: not with QP_THREADS=0 or 1, nor on one
 * processor.  qp_thread_start() starts one that takes no signals (SIGINT,
 * SIGTERM, SIGHUP, SIGPIPE stay with the caller's) to run fn(arg); it
 * returns 0, or -1 when the caller should do the work itself.
 */
int		 qp_threads(void);
int		 qp_thread_start(pthread_t *t, void *(*fn)(void *), void *arg);

const char	*qp_src_name(const struct qp_src *s);
int		 qp_src_is_gzip(const struct qp_src *s);
/* Compressed bytes consumed so far (for progress reports). */
unsigned long long qp_src_offset(const struct qp_src *s);
/* The first error, or NULL. */
const char	*qp_src_error(const struct qp_src *s);
void		 qp_src_close(struct qp_src *s);

/*
 * Open a sink.  path NULL or "-" is standard output.  level is -1 for plain
 * text, else a gzip level 0..9 (0 = stored members).  Returns NULL with errno
 * set when the temporary file cannot be made.
 */
struct qp_sink	*qp_sink_open(const char *path, int level);

/*
 * Whether -l 0 sinks opened with qp_sink_open() write on a thread of their
 * own from their first block on (the CRC and the write), behind the caller
 * who fills the next blocks (QP_THREADS=1 or one core: never).  The bytes
 * are the same; a write error is reported at a later call.
 */
void		 qp_sink_writebehind(int on);

/*
 * A sink onto an open file descriptor, which it does not close (for
 * temporary files read back later).  NULL on ENOMEM.
 */
struct qp_sink	*qp_sink_open_fd(int fd, int level);

/* A sink into memory; qp_sink_mem() returns its bytes after a flush. */
struct qp_sink	*qp_sink_open_mem(int level);
const char	*qp_sink_mem(struct qp_sink *k, size_t *len);

/* Append text.  Returns 0, or -1 on a (sticky) error. */
int		 qp_sink_write(struct qp_sink *k, const void *p, size_t len);

/*
 * Room for at least len bytes of text, or NULL on a sticky error; the
 * caller fills some of it and then calls qp_sink_commit() with the count.
 * len must be at most QP_BLOCK.  The QP_SLACK bytes past the room may be
 * scribbled on (so that short copies can move 16 bytes at a time).
 */
char		*qp_sink_reserve(struct qp_sink *k, size_t len);
void		 qp_sink_commit(struct qp_sink *k, size_t len);

/* Write out every buffered member.  Returns 0 or -1. */
int		 qp_sink_flush(struct qp_sink *k);

const char	*qp_sink_error(const struct qp_sink *k);
/* Bytes of text written so far. */
unsigned long long qp_sink_textlen(const struct qp_sink *k);

/*
 * Flush, close and, for a path, rename the temporary file into place.
 * Returns 0, or -1 when anything failed (see qp_sink_error()).
 */
int		 qp_sink_finish(struct qp_sink *k);

/*
 * Free the sink.  Unless qp_sink_finish() succeeded, the output is
 * discarded: a temporary file is removed.  NULL is allowed.
 */
void		 qp_sink_free(struct qp_sink *k);

/* zlib's crc32(crc, buf, len), faster where the CPU has PCLMULQDQ. */
uint32_t	 qp_crc32(uint32_t crc, const void *buf, size_t len);

/* Write all of p to fd, again after EINTR and short writes; 0, or -1 with errno. */
int		 qp_write_all(int fd, const void *p, size_t len);

/*
 * A new temporary file in $TMPDIR (else /tmp), named after tag, already
 * unlinked so that it is gone whenever the program exits, even killed.
 * Returns its descriptor, or -1 with errno set.  qp_tmpdir() is the folder.
 */
int		 qp_tmpfd(const char *tag);
const char	*qp_tmpdir(void);

/*
 * Temporary files to remove if a signal ends the program (qp_cli installs
 * the handler that calls qp_tmp_cleanup()).  The path is copied;
 * qp_tmp_forget() drops it again.  Returns 0, or -1 when the table is full.
 */
int		 qp_tmp_register(const char *path);
void		 qp_tmp_forget(const char *path);
/*
 * Remove every registered file, newest first; a registered directory is
 * removed once the files registered after it are gone.  Async-signal-safe.
 */
void		 qp_tmp_cleanup(void);

/*
 * Writers' temporaries beside a target path: .NAME.XXXXXX files and
 * NAME.tmp-XXXXXX directories, each held with qp_tmp_hold() on an open
 * descriptor while its writer lives.  qp_tmp_hold() returns 0, or -1 when
 * the file was swept away before it was held (make another).
 * qp_tmp_sweep() removes those of path's that nobody holds (left by a
 * killed writer), and NAME.old-PID directories of dead processes.
 */
int		 qp_tmp_hold(int fd);
void		 qp_tmp_sweep(const char *path);

/* Remove a directory tree, not following links.  0 or -1. */
int		 qp_rm_tree(const char *path);

/*
 * A message for a failed open or create of path with errno err, naming
 * the user's path: "PATH: the folder DIR does not exist" rather than
 * ENOENT.  The string is static, overwritten by the next call.
 */
const char	*qp_path_error(const char *path, int err);

#endif
