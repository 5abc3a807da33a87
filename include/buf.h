/*
 * buf.h - a growable byte buffer for all text building (after git's strbuf).
 *
 * A struct buf owns its storage.  buf.data is always NUL-terminated (an empty
 * buffer points at a static "" until the first write), so it can be passed to
 * any function taking a C string.  buf_release() frees the storage and leaves
 * an empty buffer; buf_detach() hands the storage to the caller, who frees it.
 */
#ifndef CTO_BUF_H
#define CTO_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t alloc;
};

#define BUF_INIT { buf_empty, 0, 0 }
extern char buf_empty[];

void buf_init(struct buf *b);
void buf_release(struct buf *b);
char *buf_detach(struct buf *b, size_t *len);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Appends count copies of c. */
void buf_addn(struct buf *b, char c, size_t count);
void buf_truncate(struct buf *b, size_t len);
/* Appends a number the way a person writes it: "12", "2.5", "0.3". */
void buf_add_number(struct buf *b, double value);

#endif
