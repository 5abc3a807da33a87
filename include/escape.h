/*
 * escape.h - making untrusted text inert in each output format.
 *
 * Questionnaire and answer text comes from files someone else wrote; before
 * it reaches a Markdown, HTML or CSV output it passes through one of these.
 * Each appends to a caller-owned buf and never fails.
 */
#ifndef CTO_ESCAPE_H
#define CTO_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends s (NULL as "") without control characters or invalid UTF-8
 * (term_sanitize), newlines kept or turned into spaces, and without the
 * trailing newline and spaces a YAML block scalar brings.
 */
void escape_clean(struct buf *out, const char *s, int keep_newlines);

/*
 * Markdown inline text: cleaned, on one line, with every character
 * CommonMark may read as inline markup (\ ` * _ [ ] < > | ~ & #)
 * backslash-escaped.  Safe inside a line: after a list marker, in a
 * heading, in **emphasis**, in a GFM table cell.
 */
void escape_markdown(struct buf *out, const char *s);

/*
 * The same for text that starts a line (a paragraph): a start that would
 * open a block (+, -, =, "1.", "1)") is escaped too.
 */
void escape_markdown_block(struct buf *out, const char *s);

/* One line of already cleaned text, len bytes, escaped as above. */
void escape_markdown_line(struct buf *out, const char *s, size_t len,
			  int line_start);

/* HTML text and attribute values: & < > " ' as entities, cleaned. */
void escape_html(struct buf *out, const char *s, int keep_newlines);

/*
 * One CSV field (RFC 4180): cleaned, quoted when it holds a comma, quote or
 * line break, and with an apostrophe before a leading = + - @ so that a
 * spreadsheet shows it rather than running it as a formula.
 */
void escape_csv(struct buf *out, const char *s);

#endif
