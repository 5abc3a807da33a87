/*
 * buf.c - growable byte buffer.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

char buf_empty[1];

void buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void buf_release(struct buf *b)
{
	if (b->alloc)
		free(b->data);
	buf_init(b);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *data;

	if (!b->alloc)
		buf_grow(b, 0);
	data = b->data;
	if (len)
		*len = b->len;
	buf_init(b);
	return data;
}

void buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need;

	if (b->len > SIZE_MAX - extra - 1)
		die(EXIT_NOMEM, "buffer too large");
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	if (!b->alloc)
		b->data = NULL;
	{
		size_t n = b->alloc ? b->alloc : 64;

		while (n < need)
			n = n > SIZE_MAX / 2 ? need : n * 2;
		b->data = xrealloc(b->data, n);
		b->alloc = n;
	}
	if (b->len == 0)
		b->data[0] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	buf_grow(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_addn(struct buf *b, char c, size_t count)
{
	buf_grow(b, count);
	memset(b->data + b->len, c, count);
	b->len += count;
	b->data[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		die(EXIT_FAILURE_GENERIC, "cannot format text");
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len >= b->len)
		return;
	b->len = len;
	b->data[len] = '\0';
}

void buf_add_number(struct buf *b, double value)
{
	if (fabs(value) < 1e15 && value == floor(value))
		buf_addf(b, "%.0f", value);
	else
		buf_addf(b, "%.6g", value);
}
