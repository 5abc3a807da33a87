/*
 * diag.h - diagnostics with their place: "file:line:col: error: message".
 *
 * Loaders never print or exit; they add diagnostics to a struct diag_list and
 * return -1, and the command decides how to show them.  Lines and columns are
 * 1-based.  A diag_list owns its entries and their strings.
 */
#ifndef CTO_DIAG_H
#define CTO_DIAG_H

#include <stdio.h>
#include <stddef.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	enum diag_severity severity;
	char *file;   /* may be NULL for errors without a file */
	int line;     /* 1-based; 0 when unknown */
	int col;      /* 1-based; 0 when unknown */
	char *message;
	unsigned long seq; /* insertion order, for stable sorting */
};

struct diag_list {
	struct diag *items;
	size_t count;
	size_t alloc;
	size_t errors;
	size_t warnings;
};

#define DIAG_LIST_INIT { NULL, 0, 0, 0, 0 }

void diag_add(struct diag_list *list, enum diag_severity severity,
	      const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void diag_vadd(struct diag_list *list, enum diag_severity severity,
	       const char *file, int line, int col, const char *fmt,
	       va_list ap) __attribute__((format(printf, 6, 0)));

/* Sorts by file name, line, column, then insertion order. */
void diag_sort(struct diag_list *list);

/*
 * Prints every diagnostic as "file:line:col: severity: message", one per line,
 * with control characters in messages replaced so that a hostile file cannot
 * send escape sequences to the terminal.
 */
void diag_print(const struct diag_list *list, FILE *out);

/* Formats one diagnostic into a newly allocated string (no newline). */
char *diag_format(const struct diag *d);

void diag_list_release(struct diag_list *list);

/*
 * A command's messages that have no place in a file, formatted as a
 * diagnostic without one: "cto-assess: error: MESSAGE" on stderr (after
 * flushing stdout), the message sanitised like every diagnostic, since it
 * often quotes text from a file.  error() returns -1, so that a function
 * can "return error(...);" (git's error()); warning() says "warning:".
 */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
