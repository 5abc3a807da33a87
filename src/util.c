/*
 * util.c - allocation that cannot fail, and small helpers.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "util.h"

const char *progname = "cto-assess";

static void out_of_memory(size_t size)
{
	fprintf(stderr, "%s: error: out of memory (allocating %zu bytes)\n",
		progname, size);
	exit(EXIT_NOMEM);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xreallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return xrealloc(ptr, count * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: error: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

void grow_array(void **items, size_t *alloc, size_t need, size_t size)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			out_of_memory(SIZE_MAX);
		n *= 2;
	}
	*items = xreallocarray(*items, n, size);
	*alloc = n;
}

size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row, i, j, result;

	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	if (la > 64 || lb > 64)
		return cap + 1;
	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	result = row[lb];
	free(row);
	return result > cap ? cap + 1 : result;
}

const char *closest_match(const char *word, const char *const *candidates,
			  size_t count)
{
	size_t i, best_distance, cap;
	const char *best = NULL;

	cap = strlen(word) <= 3 ? 1 : 2;
	best_distance = cap + 1;
	for (i = 0; i < count; i++) {
		size_t d;

		if (!candidates[i])
			continue;
		d = edit_distance(word, candidates[i], cap);

		if (d < best_distance) {
			best_distance = d;
			best = candidates[i];
		}
	}
	return best;
}

int buf_add_hint(struct buf *msg, const char *word,
		 const char *const *candidates, size_t count)
{
	const char *hint = closest_match(word, candidates, count);

	if (!hint)
		return 0;
	buf_addf(msg, " (did you mean '%s'?)", hint);
	return 1;
}

double round_to(double x, int decimals)
{
	double scale = 1;
	int i;

	for (i = 0; i < decimals && i < 6; i++)
		scale *= 10;
	/* The small nudge keeps 0.05 (stored as 0.0499999...) rounding up. */
	return round(x * scale + (x >= 0 ? 1e-9 : -1e-9)) / scale;
}

int parse_number(const char *s, double *out)
{
	char *end;
	double v;

	if (!*s || strchr(" \t\n", *s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return -1;
	/* strtod accepts hex floats, "inf" and "nan"; the format does not. */
	if (strpbrk(s, "xXnN"))
		return -1;
	*out = v;
	return 0;
}

int url_is_web(const char *url)
{
	const char *s, *host;

	if (!strncmp(url, "https://", 8))
		host = url + 8;
	else if (!strncmp(url, "http://", 7))
		host = url + 7;
	else
		return 0;
	for (s = url; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f || *s == '"' ||
		    *s == '<' || *s == '>' || *s == '\\' || *s == '`')
			return 0;
	return *host && *host != '/';
}

int id_is_valid(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 1; s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			return 0;
	}
	return i <= 64;
}

size_t utf8_decode(const unsigned char *s, size_t avail, unsigned *cp)
{
	size_t len, i;
	unsigned c, min;

	/* Nothing may be read when nothing is there (s may even be NULL). */
	if (avail == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (avail < len)
		return 0;
	/* A NUL terminator fails the continuation test, so NUL-terminated
	 * text may pass (size_t)-1 as avail. */
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int path_is_yaml(const char *path)
{
	size_t len = strlen(path);

	return (len > 5 && !strcmp(path + len - 5, ".yaml")) ||
	       (len > 4 && !strcmp(path + len - 4, ".yml"));
}

int path_has_extension(const char *path, const char *const *exts, size_t n)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	size_t i;

	for (i = 0; dot && i < n && exts[i]; i++)
		if (!strcasecmp(dot, exts[i]))
			return 1;
	return 0;
}
