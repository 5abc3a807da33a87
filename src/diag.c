/*
 * diag.c - collecting and printing diagnostics.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "util.h"

static const char *const severity_names[] = {
	[DIAG_ERROR] = "error",
	[DIAG_WARNING] = "warning",
	[DIAG_NOTE] = "note",
};

void diag_vadd(struct diag_list *list, enum diag_severity severity,
	       const char *file, int line, int col, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	struct diag *d;

	buf_vaddf(&msg, fmt, ap);
	GROW(list->items, list->alloc, list->count + 1);
	d = &list->items[list->count];
	d->severity = severity;
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->message = buf_detach(&msg, NULL);
	d->seq = list->count++;
	if (severity == DIAG_ERROR)
		list->errors++;
	else if (severity == DIAG_WARNING)
		list->warnings++;
}

void diag_add(struct diag_list *list, enum diag_severity severity,
	      const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(list, severity, file, line, col, fmt, ap);
	va_end(ap);
}

static int compare_diags(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c;

	if (a->file && b->file && (c = strcmp(a->file, b->file)))
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(struct diag_list *list)
{
	if (list->count > 1)
		qsort(list->items, list->count, sizeof(*list->items),
		      compare_diags);
}

char *diag_format(const struct diag *d)
{
	struct buf out = BUF_INIT;

	if (d->file) {
		escape_sanitize(&out, d->file, 0);
		if (d->line > 0)
			buf_addf(&out, ":%d", d->line);
		if (d->line > 0 && d->col > 0)
			buf_addf(&out, ":%d", d->col);
		buf_adds(&out, ": ");
	} else {
		buf_addf(&out, "%s: ", progname);
	}
	buf_addf(&out, "%s: ", severity_names[d->severity]);
	/* A hostile file name or message cannot drive the terminal. */
	escape_sanitize(&out, d->message, 0);
	return buf_detach(&out, NULL);
}

void diag_print(const struct diag_list *list, FILE *out)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		char *line = diag_format(&list->items[i]);

		fprintf(out, "%s\n", line);
		free(line);
	}
}

/* Prints one diagnostic without a place, after what stdout holds. */
static void print_unplaced(enum diag_severity severity, const char *fmt,
			   va_list ap)
{
	struct diag d = { severity, NULL, 0, 0, NULL, 0 };
	struct buf msg = BUF_INIT;
	char *line;

	buf_vaddf(&msg, fmt, ap);
	d.message = msg.data;
	line = diag_format(&d);
	fflush(stdout);
	fprintf(stderr, "%s\n", line);
	free(line);
	buf_release(&msg);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_unplaced(DIAG_ERROR, fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_unplaced(DIAG_WARNING, fmt, ap);
	va_end(ap);
}

void diag_list_release(struct diag_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	free(list->items);
	list->items = NULL;
	list->count = list->alloc = list->errors = list->warnings = 0;
}
