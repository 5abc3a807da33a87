/*
 * escape.c - making untrusted text inert in Markdown, HTML and CSV.
 *
 * Every piece of questionnaire or answer text passes through here on its
 * way into a report or a checklist: control characters go first (term.h),
 * then what the format would read as markup is escaped.
 */
#include <ctype.h>
#include <string.h>

#include "escape.h"
#include "term.h"

/* Characters CommonMark may read as markup wherever they appear. */
static const char md_always[] = "\\`*_[]<>|~&#";
/* Characters that open a block at the start of a line. */
static const char md_line_start[] = "+-=";

void escape_clean(struct buf *out, const char *s, int keep_newlines)
{
	size_t start = out->len;

	term_sanitize(out, s ? s : "", keep_newlines);
	/* YAML block scalars end in a newline that means nothing here. */
	while (out->len > start && (out->data[out->len - 1] == '\n' ||
				    out->data[out->len - 1] == ' '))
		buf_truncate(out, out->len - 1);
}

void escape_markdown_line(struct buf *out, const char *s, size_t len,
			  int line_start)
{
	size_t i = 0, digits = 0;

	/* Leading spaces would make an indented code block. */
	while (i < len && s[i] == ' ')
		i++;
	if (line_start && i < len && strchr(md_line_start, s[i]))
		buf_addc(out, '\\');
	/* "1. " or "1) " would start an ordered list. */
	while (line_start && i + digits < len &&
	       isdigit((unsigned char)s[i + digits]))
		digits++;
	if (digits && i + digits < len &&
	    (s[i + digits] == '.' || s[i + digits] == ')')) {
		buf_add(out, s + i, digits);
		buf_addc(out, '\\');
		i += digits;
	}
	for (; i < len; i++) {
		if (strchr(md_always, s[i]))
			buf_addc(out, '\\');
		buf_addc(out, s[i]);
	}
}

static void markdown(struct buf *out, const char *s, int line_start)
{
	struct buf clean = BUF_INIT;

	escape_clean(&clean, s, 0);
	escape_markdown_line(out, clean.data, clean.len, line_start);
	buf_release(&clean);
}

void escape_markdown(struct buf *out, const char *s)
{
	markdown(out, s, 0);
}

void escape_markdown_block(struct buf *out, const char *s)
{
	markdown(out, s, 1);
}

void escape_html(struct buf *out, const char *s, int keep_newlines)
{
	struct buf clean = BUF_INIT;
	size_t i;

	escape_clean(&clean, s, keep_newlines);
	for (i = 0; i < clean.len; i++) {
		switch (clean.data[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, clean.data[i]);
		}
	}
	buf_release(&clean);
}

void escape_csv(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	size_t i;

	/* A spreadsheet runs a cell starting with = + - @ as a formula; the
	 * apostrophe goes inside the quotes, as part of the value. */
	if (s && s[0] && strchr("=+-@", s[0]))
		buf_addc(&clean, '\'');
	escape_clean(&clean, s, 1);
	if (!strpbrk(clean.data, ",\"\r\n")) {
		buf_add(out, clean.data, clean.len);
		buf_release(&clean);
		return;
	}
	buf_addc(out, '"');
	for (i = 0; i < clean.len; i++) {
		if (clean.data[i] == '"')
			buf_addc(out, '"');
		buf_addc(out, clean.data[i]);
	}
	buf_addc(out, '"');
	buf_release(&clean);
}
