/*
 * escape.h - making untrusted text inert in each output format.
 *
 * Questionnaire and answer text comes from files someone else wrote; before
 * it reaches a Markdown, HTML, CSV or JSON-less text output it passes through
 * one of these.  Each appends to a caller-owned buf.
 */
#ifndef CTO_ESCAPE_H
#define CTO_ESCAPE_H

#include "buf.h"

/*
 * Markdown inline text: the characters CommonMark reads as inline markup
 * (\ ` * _ [ ] | ~) are backslash-escaped, '<', '>' and '&' become entities
 * (so no raw HTML survives), control characters are dropped, newlines
 * become spaces and outer spaces are trimmed.  Safe inside a line: after a
 * list marker, in a heading, in **emphasis**, in a GFM table cell.
 */
void escape_markdown(struct buf *out, const char *s);

/*
 * The same for text that starts a line (a paragraph): a start that would
 * open a block (#, -, +, =, "1.") is escaped too.
 */
void escape_markdown_block(struct buf *out, const char *s);

/* HTML text and attribute values: & < > " ' as entities, controls dropped. */
void escape_html(struct buf *out, const char *s);

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or newline. */
void escape_csv(struct buf *out, const char *s);

#endif
