/*
 * Reading ahead: the files of a folder loaded (opened, read whole, hashed
 * and checked for UTF-8) on a thread of their own while the one before is
 * parsed, a couple of files ahead at most.  The main thread takes them in
 * the folder's order, each with what loading it gave (an fd or an errno),
 * so nothing is said or decided out of order.  With QP_THREADS=0 or 1, or
 * on one core, each file is loaded when it is taken.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest_int.h"
#include "qp_io.h"

#define AHEAD	2	/* files loaded and not taken yet, at most */

struct ahead_item {
	long		 k;
	char		*path;
	struct ing_file	 f;
};

struct ing_ahead {
	struct ahead_item	*v;
	size_t			 n, cap;
	size_t			 done, taken;	/* loaded, taken: v[taken..done) ready */
	int			 threaded, stop;
	pthread_t		 th;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
};

struct ing_ahead *
ing_ahead_new(void)
{
	return calloc(1, sizeof(struct ing_ahead));
}

int
ing_ahead_add(struct ing_ahead *a, long k, const char *path)
{
	struct ahead_item *v;

	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;

		if ((v = realloc(a->v, cap * sizeof *v)) == NULL)
			return -1;
		a->v = v;
		a->cap = cap;
	}
	if ((a->v[a->n].path = strdup(path)) == NULL)
		return -1;
	a->v[a->n].k = k;
	a->v[a->n].f.fd = -1;
	a->v[a->n].f.mem = NULL;
	a->n++;
	return 0;
}

static void *
loader(void *arg)
{
	struct ing_ahead *a = arg;
	size_t i;

	for (i = 0; i < a->n; i++) {
		pthread_mutex_lock(&a->mu);
		while (!a->stop && i >= a->taken + AHEAD)
			pthread_cond_wait(&a->cv, &a->mu);
		if (a->stop) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		pthread_mutex_unlock(&a->mu);
		ing_file_load(a->v[i].path, &a->v[i].f);
		pthread_mutex_lock(&a->mu);
		a->done = i + 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return NULL;
}

int
ing_ahead_start(struct ing_ahead *a)
{
	if (a->n < 2 || !qp_threads())
		return 0;
	if (pthread_mutex_init(&a->mu, NULL) != 0)
		return 0;
	if (pthread_cond_init(&a->cv, NULL) != 0) {
		pthread_mutex_destroy(&a->mu);
		return 0;
	}
	if (qp_thread_start(&a->th, loader, a) == -1) {
		pthread_cond_destroy(&a->cv);
		pthread_mutex_destroy(&a->mu);
		return 0;	/* loaded when taken, as without threads */
	}
	a->threaded = 1;
	return 0;
}

/* Item taken: v[taken], loaded by the thread or here. */
static struct ing_file *
next(struct ing_ahead *a)
{
	struct ahead_item *it = &a->v[a->taken];

	if (!a->threaded)
		ing_file_load(it->path, &it->f);
	else {
		pthread_mutex_lock(&a->mu);
		while (a->done <= a->taken)
			pthread_cond_wait(&a->cv, &a->mu);
		pthread_mutex_unlock(&a->mu);
	}
	return &it->f;
}

static void
taken(struct ing_ahead *a)
{
	if (a->threaded)
		pthread_mutex_lock(&a->mu);
	a->taken++;
	if (a->threaded) {
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
}

int
ing_ahead_take(struct ing_ahead *a, long k, struct ing_file *f)
{
	struct ing_file *p;

	if (a == NULL)
		return 0;
	/* Files listed and not visited (none should be): dropped. */
	while (a->taken < a->n && a->v[a->taken].k < k) {
		ing_file_drop(next(a));
		taken(a);
	}
	if (a->taken == a->n || a->v[a->taken].k != k)
		return 0;
	p = next(a);
	*f = *p;
	p->fd = -1;
	p->mem = NULL;
	taken(a);
	return 1;
}

void
ing_ahead_free(struct ing_ahead *a)
{
	size_t i;

	if (a == NULL)
		return;
	if (a->threaded) {
		pthread_mutex_lock(&a->mu);
		a->stop = 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
		pthread_join(a->th, NULL);
		pthread_cond_destroy(&a->cv);
		pthread_mutex_destroy(&a->mu);
	}
	for (i = 0; i < a->n; i++) {
		if (i >= a->taken && i < a->done)
			ing_file_drop(&a->v[i].f);
		free(a->v[i].path);
	}
	free(a->v);
	free(a);
}
