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
	const char *force_color = getenv("FORCE_COLOR");
	const char *term = getenv("TERM");

	if (mode == COLOR_ALWAYS)
		return 1;
	if (mode == COLOR_NEVER || (no_color && *no_color))
		return 0;
	if (force_color && *force_color)
		return 1;
	return isatty(fd) && !(term && !strcmp(term, "dumb"));
}

void term_sanitize(struct buf *out, const char *s, int keep_newlines)
{
	escape_sanitize(out, s, keep_newlines);
}

/*
 * Wide ranges of East Asian scripts and emoji, for char_width() when the
 * locale cannot tell (LANG=C): a terminal shows them two columns wide.
 */
static const struct { unsigned first, last; } wide_ranges[] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
};

/*
 * The columns code point cp takes: wcwidth() where the locale knows it.
 * In the C locale wcwidth() knows only ASCII, while the terminal may well
 * show UTF-8; then a combining mark takes none, a wide character two and
 * any other printable character one, so that widths never come out short.
 */
static size_t char_width(unsigned cp)
{
	int w = wcwidth((wchar_t)cp);
	size_t i;

	if (w >= 0)
		return (size_t)w;
	if (cp < 0xa0 || (cp >= 0x300 && cp <= 0x36f))
		return 0;
	for (i = 0; i < ARRAY_SIZE(wide_ranges); i++)
		if (cp >= wide_ranges[i].first && cp <= wide_ranges[i].last)
			return 2;
	return 1;
}

size_t term_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t width = 0;

	while (*p) {
		unsigned cp;
		size_t len = utf8_decode(p, (size_t)-1, &cp);

		if (!len) {
			p++;
			width++;
			continue;
		}
		width += char_width(cp);
		p += len;
	}
	return width;
}

/*
 * The bytes of the longest start of word (len bytes) that fits in room
 * columns, at least one character: a word wider than a whole line is cut
 * there, the one place where a word is broken.
 */
static size_t fitting_prefix(const char *word, size_t len, size_t room)
{
	const unsigned char *p = (const unsigned char *)word;
	size_t used = 0, width = 0;

	while (used < len) {
		unsigned cp;
		size_t n = utf8_decode(p + used, len - used, &cp), w;

		if (!n) {
			/* Not after term_sanitize(); one byte, one column. */
			n = 1;
			cp = '?';
		}
		w = char_width(cp);
		if (used && width + w > room)
			break;
		width += w;
		used += n;
	}
	return used;
}

/* Starts a new line of a wrapped paragraph. */
static void wrap_newline(struct buf *out, size_t indent, size_t *column)
{
	buf_addc(out, '\n');
	buf_addn(out, ' ', indent);
	*column = indent;
}

/* Appends one paragraph (no newlines) wrapped at width. */
static void wrap_paragraph(struct buf *out, const char *text, size_t width,
			   size_t indent)
{
	const char *p = text;
	size_t column = indent;
	int line_has_word = 0;

	buf_addn(out, ' ', indent);
	while (*p) {
		const char *word;
		size_t wlen, wwidth;
		char *copy;

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
			wrap_newline(out, indent, &column);
			line_has_word = 0;
		}
		if (line_has_word) {
			buf_addc(out, ' ');
			column++;
		}
		/* Only a word wider than a whole line is cut, never another. */
		while (indent + wwidth > width) {
			size_t n = fitting_prefix(word, wlen, width - indent);

			buf_add(out, word, n);
			copy = xstrndup(word, n);
			wwidth -= term_text_width(copy);
			free(copy);
			word += n;
			wlen -= n;
			wrap_newline(out, indent, &column);
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
		size_t w;

		if (!len)
			break;
		w = char_width(cp);
		if (keep_width + w + 3 > width)
			break;
		keep_width += w;
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

/* A positive number of at most 4 digits in variable name, or 0. */
static size_t env_size(const char *name)
{
	const char *v = getenv(name);
	size_t len = v ? strspn(v, "0123456789") : 0;

	if (!len || v[len] || len > 4)
		return 0;
	return (size_t)atoi(v);
}

size_t term_width(int fd)
{
	struct winsize ws;
	size_t width = env_size("COLUMNS");

	if (fd >= 0 && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return width ? width : 80;
}

size_t term_height(int fd)
{
	struct winsize ws;
	size_t height = env_size("LINES");

	if (fd >= 0 && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	return height ? height : 24;
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
