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
 * Markdown inline text: CommonMark punctuation is backslash-escaped, '<' and
 * '>' and '&' become entities (so no raw HTML survives), control characters
 * are dropped and newlines become spaces.  Safe in paragraphs, list items,
 * headings and (with '|' escaped, which it is) GFM table cells.
 */
void escape_markdown(struct buf *out, const char *s);

/* HTML text and attribute values: & < > " ' as entities, controls dropped. */
void escape_html(struct buf *out, const char *s);

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or newline. */
void escape_csv(struct buf *out, const char *s);

#endif
