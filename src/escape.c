/*
 * escape.c - what text from a file looks like wherever it is shown.
 *
 * Every byte that comes from a questionnaire, an answers file or a report
 * and reaches a terminal, a diagnostic or a report passes through
 * escape_sanitize(), the one place that decides what is shown: the table
 * below.  The format escapers (Markdown, HTML, CSV) start from its result
 * and then make what the format would read as markup inert.
 */
#include <ctype.h>
#include <string.h>

#include "escape.h"
#include "util.h"

/* Characters CommonMark may read as markup wherever they appear. */
static const char md_always[] = "\\`*_[]<>|~&#";
/* Characters that open a block at the start of a line. */
static const char md_line_start[] = "+-=";

enum shown {
	SHOWN_AS_IS,
	SHOWN_DROPPED,  /* invisible: removing it changes nothing a reader sees */
	SHOWN_MARKED,   /* shown as <U+XXXX>, so that a reader sees it is there */
	SHOWN_NEWLINE,  /* a line break: kept, or a space on one line */
	SHOWN_SPACE
};

/*
 * Code points that are not shown as they are, in order.  Controls would
 * drive a terminal (ESC starts CSI and OSC sequences: colours, the title,
 * the clipboard through OSC 52) or cut a line (CR); they are dropped, as
 * they always were, so that what is left of a sequence shows as text.
 * Bidi controls reorder what is displayed around them (the "Trojan
 * Source" trick): they are marked, so the reader sees both the text in
 * its real order and that someone tried.  Zero-width and other invisible
 * formatting characters make two different strings look the same: they
 * are dropped.
 */
static const struct {
	unsigned first, last;
	enum shown shown;
} shown_table[] = {
	{ 0x0000, 0x0008, SHOWN_DROPPED },  /* C0 controls */
	{ 0x0009, 0x0009, SHOWN_SPACE },    /* tab */
	{ 0x000a, 0x000a, SHOWN_NEWLINE },
	{ 0x000b, 0x001f, SHOWN_DROPPED },  /* C0 controls, CR, ESC */
	{ 0x007f, 0x009f, SHOWN_DROPPED },  /* DEL, C1 controls (CSI, OSC) */
	{ 0x061c, 0x061c, SHOWN_MARKED },   /* Arabic letter mark */
	{ 0x180e, 0x180e, SHOWN_DROPPED },  /* Mongolian vowel separator */
	{ 0x200b, 0x200d, SHOWN_DROPPED },  /* zero width space, (non-)joiner */
	{ 0x200e, 0x200f, SHOWN_MARKED },   /* left-to-right, right-to-left mark */
	{ 0x2028, 0x2029, SHOWN_NEWLINE },  /* line and paragraph separators */
	{ 0x202a, 0x202e, SHOWN_MARKED },   /* bidi embeddings and overrides */
	{ 0x2060, 0x2064, SHOWN_DROPPED },  /* word joiner, invisible operators */
	{ 0x2066, 0x2069, SHOWN_MARKED },   /* bidi isolates */
	{ 0x206a, 0x206f, SHOWN_DROPPED },  /* deprecated format characters */
	{ 0xfeff, 0xfeff, SHOWN_DROPPED },  /* zero width no-break space, BOM */
	{ 0xfff9, 0xfffb, SHOWN_DROPPED },  /* interlinear annotation */
	{ 0xe0000, 0xe007f, SHOWN_DROPPED }, /* tags: invisible ASCII */
};

static enum shown shown_as(unsigned cp)
{
	size_t i;

	if (cp >= 0x20 && cp < 0x7f)
		return SHOWN_AS_IS;
	for (i = 0; i < ARRAY_SIZE(shown_table) && shown_table[i].first <= cp;
	     i++)
		if (cp <= shown_table[i].last)
			return shown_table[i].shown;
	return SHOWN_AS_IS;
}

void escape_sanitize(struct buf *out, const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	while (*p) {
		unsigned cp;
		size_t len = utf8_decode(p, (size_t)-1, &cp);

		if (!len) {
			buf_adds(out, "\xef\xbf\xbd"); /* U+FFFD */
			p++;
			continue;
		}
		switch (shown_as(cp)) {
		case SHOWN_AS_IS: buf_add(out, p, len); break;
		case SHOWN_DROPPED: break;
		case SHOWN_MARKED: buf_addf(out, "<U+%04X>", cp); break;
		case SHOWN_NEWLINE: buf_addc(out, keep_newlines ? '\n' : ' ');
			break;
		case SHOWN_SPACE: buf_addc(out, ' '); break;
		}
		p += len;
	}
}

void escape_clean(struct buf *out, const char *s, int keep_newlines)
{
	size_t start = out->len;

	escape_sanitize(out, s, keep_newlines);
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

/*
 * Whether a spreadsheet would run cell (already cleaned) as a formula: it
 * skips leading spaces, tabs and line breaks, then = + - @ start one.
 */
static int csv_is_formula(const char *cell)
{
	cell += strspn(cell, " \t\r\n");
	return *cell && strchr("=+-@", *cell);
}

void escape_csv(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	size_t i;

	escape_clean(&clean, s, 1);
	/* The apostrophe goes inside the quotes, as part of the value. */
	if (csv_is_formula(clean.data)) {
		buf_addc(&clean, '\0');
		memmove(clean.data + 1, clean.data, clean.len - 1);
		clean.data[0] = '\'';
	}
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

void escape_markdown_link(struct buf *out, const char *title,
			  const char *url)
{
	struct buf clean = BUF_INIT;
	size_t i;

	buf_addc(out, '[');
	escape_markdown(out, title);
	buf_adds(out, "](<");
	/* The loader let no space, '<', '>' or '\\' in; cleaning is for
	 * callers that did not come through it. */
	escape_clean(&clean, url, 0);
	for (i = 0; i < clean.len; i++) {
		char c = clean.data[i];

		if (c == '&' || c == '\\')
			buf_addc(out, '\\');
		if (c == '<' || c == '>' || c == ' ')
			buf_addf(out, "%%%02X", (unsigned char)c);
		else
			buf_addc(out, c);
	}
	buf_adds(out, ">)");
	buf_release(&clean);
}

void escape_html_link(struct buf *out, const char *title, const char *url)
{
	buf_adds(out, "<a href=\"");
	escape_html(out, url, 0);
	buf_adds(out, "\" rel=\"noopener noreferrer\">");
	escape_html(out, title, 0);
	buf_adds(out, "</a>");
}
