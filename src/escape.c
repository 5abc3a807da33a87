/*
 * escape.c - making untrusted text inert in Markdown, HTML and CSV.
 */
#include <string.h>

#include "escape.h"
#include "term.h"

void escape_markdown(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	const char *p;

	term_sanitize(&clean, s, 0);
	for (p = clean.data; *p; p++) {
		switch (*p) {
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '&': buf_adds(out, "&amp;"); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '#': case '|': case '~': case '!': case '{': case '}':
		case '(': case ')': case '+': case '-': case '.': case '"':
		case '=': case '^': case '$':
			buf_addc(out, '\\');
			buf_addc(out, *p);
			break;
		default:
			buf_addc(out, *p);
		}
	}
	buf_release(&clean);
}

void escape_html(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	const char *p;

	term_sanitize(&clean, s, 1);
	for (p = clean.data; *p; p++) {
		switch (*p) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, *p);
		}
	}
	buf_release(&clean);
}

void escape_csv(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	const char *p;

	term_sanitize(&clean, s, 1);
	if (!strpbrk(clean.data, ",\"\n\r")) {
		buf_add(out, clean.data, clean.len);
		buf_release(&clean);
		return;
	}
	buf_addc(out, '"');
	for (p = clean.data; *p; p++) {
		if (*p == '"')
			buf_addc(out, '"');
		buf_addc(out, *p);
	}
	buf_addc(out, '"');
	buf_release(&clean);
}
