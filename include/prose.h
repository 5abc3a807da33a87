/*
 * prose.h - a consultant's own words in a report (a review's summary): a
 * small subset of Markdown, rendered for each format.
 *
 * The subset: paragraphs separated by blank lines; list items, lines that
 * start with "- " or "* " (a line that follows an item without a blank
 * line continues it); **strong** and *emphasis* (or _emphasis_) within a
 * line.  Nothing else is markup: links, headings, code and raw HTML are
 * the text they are, escaped for each format like any untrusted text
 * (escape.h), so a summary can never inject markup into a report.
 *
 * prose_render() appends to a caller-owned buf and never fails.
 */
#ifndef CTO_PROSE_H
#define CTO_PROSE_H

#include "buf.h"

enum prose_format {
	PROSE_MARKDOWN, /* CommonMark: the subset, everything else escaped */
	PROSE_HTML,     /* <p>, <ul><li>, <strong>, <em>, text escaped */
	PROSE_TEXT      /* plain text: markers dropped, items as "- " */
};

/*
 * Appends text rendered for format: blocks end with a blank line in
 * Markdown and plain text (list items with a newline), and are elements
 * in HTML.
 */
void prose_render(struct buf *out, const char *text, enum prose_format format);

#endif
