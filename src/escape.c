/*
 * escape.c - making untrusted text inert in Markdown, HTML and CSV.
 */
#include <string.h>

#include "escape.h"
#include "term.h"

static void escape_markdown_text(struct buf *out, const char *s,
				 int line_start);

/* Whether text at p would open a block (heading, list, quote, rule). */
static int starts_block(const char *p)
{
	const char *d = p;

	if (*p && strchr("#-+=", *p))
		return 1;
	while (*d >= '0' && *d <= '9')
		d++;
	return d > p && (*d == '.' || *d == ')');
}

void escape_markdown(struct buf *out, const char *s)
{
	escape_markdown_text(out, s, 0);
}

void escape_markdown_block(struct buf *out, const char *s)
{
	escape_markdown_text(out, s, 1);
}

static void escape_markdown_text(struct buf *out, const char *s,
				 int line_start)
{
	struct buf clean = BUF_INIT;
	const char *p, *end;

	term_sanitize(&clean, s, 0);
	p = clean.data;
	while (*p == ' ')
		p++;
	end = clean.data + clean.len;
	while (end > p && end[-1] == ' ')
		end--;
	/* Only what CommonMark (with GFM tables) would read as markup is
	 * escaped, so that the Markdown stays pleasant to read as text. */
	if (line_start && p < end && starts_block(p)) {
		const char *d = p;

		while (*d >= '0' && *d <= '9')
			d++;
		buf_add(out, p, (size_t)(d - p));
		buf_addc(out, '\\');
		p = d;
	}
	for (; p < end; p++) {
		switch (*p) {
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '&': buf_adds(out, "&amp;"); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '|': case '~': case '#':
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
