/*
 * term.c - colour, sanitising and wrapping of terminal output.
 */
/* wcwidth() is an X/Open function; the Makefile's pkg-config flags usually
 * ask for it already. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "escape.h"
#include "term.h"
#include "util.h"

int term_parse_color(const char *arg, enum color_mode *mode)
{
	if (!strcmp(arg, "auto"))
		*mode = COLOR_AUTO;
	else if (!strcmp(arg, "always"))
		*mode = COLOR_ALWAYS;
	else if (!strcmp(arg, "never"))
		*mode = COLOR_NEVER;
	else
		return -1;
	return 0;
}

int term_use_color(enum color_mode mode, int fd)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (mode == COLOR_ALWAYS)
		return 1;
	if (mode == COLOR_NEVER || (no_color && *no_color))
		return 0;
	return isatty(fd) && !(term && !strcmp(term, "dumb"));
}

void term_sanitize(struct buf *out, const char *s, int keep_newlines)
{
	escape_sanitize(out, s, keep_newlines);
}

size_t term_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t width = 0;

	while (*p) {
		unsigned cp;
		size_t len = utf8_decode(p, (size_t)-1, &cp);
		int w;

		if (!len) {
			p++;
			width++;
			continue;
		}
		w = wcwidth((wchar_t)cp);
		width += w > 0 ? (size_t)w : 0;
		p += len;
	}
	return width;
}

/* Appends one paragraph (no newlines) wrapped at width. */
static void wrap_paragraph(struct buf *out, const char *text, size_t width,
			   size_t indent)
{
	const char *p = text;
	size_t column = 0;
	int line_has_word = 0;

	buf_addn(out, ' ', indent);
	column = indent;
	while (*p) {
		const char *word;
		size_t wlen;
		char *copy;
		size_t wwidth;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ')
			p++;
		wlen = (size_t)(p - word);
		copy = xstrndup(word, wlen);
		wwidth = term_text_width(copy);
		free(copy);
		if (line_has_word && column + 1 + wwidth > width) {
			buf_addc(out, '\n');
			buf_addn(out, ' ', indent);
			column = indent;
			line_has_word = 0;
		}
		if (line_has_word) {
			buf_addc(out, ' ');
			column++;
		}
		buf_add(out, word, wlen);
		column += wwidth;
		line_has_word = 1;
	}
	buf_addc(out, '\n');
}

void term_wrap(struct buf *out, const char *s, size_t width, size_t indent)
{
	struct buf clean = BUF_INIT;
	char *line, *next;

	term_sanitize(&clean, s, 1);
	/* Trailing newlines (YAML block scalars end in one) add nothing. */
	while (clean.len && clean.data[clean.len - 1] == '\n')
		buf_truncate(&clean, clean.len - 1);
	if (width <= indent + 10)
		width = indent + 10;
	for (line = clean.data; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		wrap_paragraph(out, line, width, indent);
	}
	buf_release(&clean);
}

size_t term_truncate(struct buf *out, const char *s, size_t width)
{
	struct buf clean = BUF_INIT;
	const unsigned char *p;
	size_t used = 0, keep = 0, keep_width = 0;

	term_sanitize(&clean, s, 0);
	/* A YAML block scalar's final newline is a space by now. */
	while (clean.len && clean.data[clean.len - 1] == ' ')
		buf_truncate(&clean, clean.len - 1);
	if (term_text_width(clean.data) <= width) {
		buf_add(out, clean.data, clean.len);
		used = term_text_width(clean.data);
		goto out;
	}
	/* Keep whole characters that fit in width - 3, then the ellipsis. */
	p = (const unsigned char *)clean.data;
	while (p[keep]) {
		unsigned cp;
		size_t len = utf8_decode(p + keep, (size_t)-1, &cp);
		int w = wcwidth((wchar_t)cp);

		if (!len)
			break;
		if (keep_width + (w > 0 ? (size_t)w : 0) + 3 > width)
			break;
		keep_width += w > 0 ? (size_t)w : 0;
		keep += len;
	}
	buf_add(out, clean.data, keep);
	used = keep_width;
	if (width >= 3) {
		buf_adds(out, "...");
		used += 3;
	}
out:
	buf_release(&clean);
	return used;
}

size_t term_width(int fd)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");
	size_t width = 80;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		width = ws.ws_col;
	else if (columns && atoi(columns) > 0)
		width = (size_t)atoi(columns);
	return width > 100 ? 100 : width;
}

void term_style_init(struct term_style *style, int use_color)
{
	if (!use_color) {
		style->bold = style->dim = style->red = style->yellow = "";
		style->green = style->cyan = style->reset = "";
		return;
	}
	style->bold = "\033[1m";
	style->dim = "\033[2m";
	style->red = "\033[31m";
	style->yellow = "\033[33m";
	style->green = "\033[32m";
	style->cyan = "\033[36m";
	style->reset = "\033[0m";
}
