/*
 * --pseudonymize KEY: keyed pseudonyms for everything that names a person,
 * a group or a file.  User ids, names and actors become keyed BLAKE2b
 * hashes; group ids too, and group names become labels 群 1, 群 2 ... kept
 * in KEY.groups beside the key (label, platform, group id, group name),
 * so that the key's owner can map a report back and the same group keeps
 * its label from month to month.  Message ids made by qunpipe are keyed
 * too (unkeyed, a guessed text could be confirmed against them); the text
 * of system lines, which holds names, is cleared; input paths in the
 * sources table and in provenance become keyed hashes.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "ingest.h"
#include "ingest_int.h"
#include "qp_cli.h"
#include "qp_csv.h"
#include "qp_io.h"

/*
 * Bits of entropy the key's byte frequencies show (its length times the
 * Shannon entropy of its bytes): 0 for all zeros, low for a repeated
 * pattern, about 157 for 32 random bytes.
 */
static double
key_bits(const unsigned char *k, size_t n)
{
	size_t count[256] = { 0 }, i;
	double h = 0, p;

	for (i = 0; i < n; i++)
		count[k[i]]++;
	for (i = 0; i < 256; i++)
		if (count[i] > 0) {
			p = (double)count[i] / (double)n;
			h -= p * log2(p);
		}
	return h * (double)n;
}

/* Add a group (platform\x1fid, its clear name) as label nlab + 1. */
static void
label_add(struct ing *g, char *key, const char *name)
{
	if (g->nlab == g->labcap) {
		g->labcap = g->labcap ? g->labcap * 2 : 16;
		g->labkey = qp_xrealloc(g->labkey, g->labcap, sizeof *g->labkey);
		g->labrow = qp_xrealloc(g->labrow, g->labcap, sizeof *g->labrow);
	}
	g->labkey[g->nlab] = key;
	g->labrow[g->nlab++] = qp_xstrdup(name);
}

static int
labels_load(struct ing *g)
{
	const struct qp_row *r;
	struct qp_src *src;
	struct qp_csv *c;
	char *key;
	int rc;

	if ((src = qp_src_open(g->labpath)) == NULL)
		return errno == ENOENT ? 0 : -1;
	if ((c = qp_csv_new(src)) == NULL) {
		qp_src_close(src);
		return -1;
	}
	while ((rc = qp_csv_next(c, &r)) > 0) {
		if (r->recno == 1)
			continue;	/* the header */
		if (r->n != 4 || g->nlab + 1 != strtoul(r->f[0].s +
		    strcspn(r->f[0].s, "0123456789"), NULL, 10)) {
			rc = -1;
			break;
		}
		if (asprintf(&key, "%s\x1f%s", r->f[1].s, r->f[2].s) == -1)
			qp_die("out of memory");
		label_add(g, key, r->f[3].s);
	}
	qp_csv_free(c);
	qp_src_close(src);
	if (rc < 0)
		errno = EINVAL;
	return rc < 0 ? -1 : 0;
}

int
ing_key_load(struct ing *g, const char *path)
{
	FILE *f;
	size_t n;

	if (sodium_init() < 0) {
		qp_warn("libsodium failed to start");
		return -1;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		qp_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(g->key, 1, sizeof g->key, f);
	fclose(f);
	if (n < 16 || key_bits(g->key, n) < 128) {
		qp_warn("%s: %s (make one with head -c 32 /dev/urandom > %s)",
		    path, n < 16 ? "a key needs at least 16 bytes" :
		    "too predictable for a key (all zeros, or a repeated "
		    "pattern: less than 128 bits)", path);
		sodium_memzero(g->key, sizeof g->key);
		return -1;
	}
	g->keylen = n;
	if (asprintf(&g->labpath, "%s.groups", path) == -1)
		qp_die("out of memory");
	if (labels_load(g) == -1) {
		qp_warn("%s: %s", g->labpath, errno == EINVAL ?
		    "not a group label file of qp-ingest" : strerror(errno));
		return -1;
	}
	return 0;
}

/* A keyed BLAKE2b of n parts joined by 0x1f, as 16 hex digits after prefix. */
const char *
ing_pseudonym(const struct ing *g, char *buf, size_t cap, const char *prefix,
    const char *const *parts, size_t n)
{
	crypto_generichash_state st;
	unsigned char h[8];
	size_t i, len;

	crypto_generichash_init(&st, g->key, g->keylen, sizeof h);
	for (i = 0; i < n; i++) {
		if (i > 0)
			crypto_generichash_update(&st,
			    (const unsigned char *)"\x1f", 1);
		crypto_generichash_update(&st, (const unsigned char *)parts[i],
		    strlen(parts[i]));
	}
	crypto_generichash_final(&st, h, sizeof h);
	len = (size_t)snprintf(buf, cap, "%s", prefix);
	for (i = 0; i < sizeof h && len + 2 < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%02x", h[i]);
	return buf;
}

const char *
ing_group_label(struct ing *g, char *buf, size_t cap, const char *gid,
    const char *name)
{
	char *key;
	size_t i, kl;

	if (asprintf(&key, "%s\x1f%s", g->platform, gid) == -1)
		qp_die("out of memory");
	kl = strlen(key) + 1;
	/* Rows come group by group: try the last label first. */
	if (g->lablast < g->nlab && memcmp(g->labkey[g->lablast], key, kl) == 0)
		i = g->lablast;
	else
		for (i = 0; i < g->nlab && memcmp(g->labkey[i], key, kl); i++)
			;
	if (i == g->nlab) {
		/* The clear name goes to the owner's file only. */
		label_add(g, key, name);
		g->labnew = 1;
	} else
		free(key);
	g->lablast = i;
	snprintf(buf, cap, "群 %zu", i + 1);
	return buf;
}

void
ing_key_free(struct ing *g)
{
	size_t i;

	for (i = 0; i < g->nlab; i++) {
		free(g->labkey[i]);
		free(g->labrow[i]);
	}
	free(g->labkey);
	free(g->labrow);
	free(g->labpath);
	sodium_memzero(g->key, sizeof g->key);
}

int
ing_key_save(struct ing *g)
{
	static const char *const hdr[] = { "label", "platform", "group_id",
	    "group" };
	struct qp_sink *k;
	char label[32], plat[64], *sep;
	const char *v[4];
	struct qp_field f[4];
	size_t i, j;
	int rc = 0;

	if (g->labpath == NULL || !g->labnew)
		return 0;
	if ((k = qp_sink_open(g->labpath, -1)) == NULL) {
		qp_warn("%s", qp_path_error(g->labpath, errno));
		return -1;
	}
	for (i = 0; i <= g->nlab && rc == 0; i++) {
		if (i == 0)
			memcpy(v, hdr, sizeof v);
		else {
			snprintf(label, sizeof label, "群 %zu", i);
			sep = strchr(g->labkey[i - 1], '\x1f');
			snprintf(plat, sizeof plat, "%.*s",
			    (int)(sep - g->labkey[i - 1]), g->labkey[i - 1]);
			v[0] = label;
			v[1] = plat;
			v[2] = sep + 1;
			v[3] = g->labrow[i - 1];
		}
		for (j = 0; j < 4; j++) {
			f[j].s = v[j];
			f[j].len = strlen(v[j]);
		}
		rc = qp_csv_write(k, f, 4);
	}
	if (rc != 0 || qp_sink_finish(k) == -1) {
		qp_warn("%s", qp_sink_error(k) ? qp_sink_error(k) : g->labpath);
		qp_sink_free(k);
		return -1;
	}
	qp_sink_free(k);
	return 0;
}

char **
ing_args_pseudonymize(struct ing *g, char **args, int n)
{
	/* Options whose value is kept as it is; --events and --pseudonymize
	 * name files, which are replaced like inputs. */
	static const char *const keep[] = { "--tz", "--format", "--map",
	    "--max-member-size", "-l", "--level", NULL };
	char **v = qp_xcalloc((size_t)n + 1, sizeof *v), buf[64], *eq;
	const char *part[1];
	int i, j, value = 0, files = 0;

	for (i = 0; i < n; i++) {
		const char *a = args[i];

		if (value) {
			value = 0;
			v[i] = qp_xstrdup(a);
			continue;
		}
		if (!files && strcmp(a, "--") == 0) {
			files = 1;
			v[i] = qp_xstrdup(a);
			continue;
		}
		if (!files && a[0] == '-' && a[1] != '\0') {
			for (j = 0; keep[j] != NULL && strcmp(a, keep[j]); j++)
				;
			value = keep[j] != NULL;
			if ((eq = strchr(a, '=')) != NULL &&
			    (strncmp(a, "--events=", 9) == 0 ||
			    strncmp(a, "--pseudonymize=", 15) == 0)) {
				part[0] = eq + 1;
				ing_pseudonym(g, buf, sizeof buf, "input-", part, 1);
				if (asprintf(&v[i], "%.*s%s", (int)(eq - a + 1), a,
				    buf) == -1)
					qp_die("out of memory");
				continue;
			}
			v[i] = qp_xstrdup(a);
			continue;
		}
		if (strcmp(a, "-") == 0) {
			v[i] = qp_xstrdup(a);
			continue;
		}
		part[0] = a;
		v[i] = qp_xstrdup(ing_pseudonym(g, buf, sizeof buf, "input-",
		    part, 1));
	}
	return v;
}

void
ing_args_free(char **args, int n)
{
	int i;

	for (i = 0; args != NULL && i < n; i++)
		free(args[i]);
	free(args);
}
