/*
 * escape.h - what untrusted text looks like where it is shown, and making
 * it inert in each output format.
 *
 * Questionnaire and answer text comes from files someone else wrote; before
 * it reaches a terminal, a diagnostic, or a Markdown, HTML, CSV or JSON
 * output it passes through escape_sanitize(), directly or through one of
 * the functions built on it (term_sanitize(), escape_clean(), the format
 * escapers below).  Each appends to a caller-owned buf and never fails.
 */
#ifndef CTO_ESCAPE_H
#define CTO_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/*
 * The one decision on what each character of untrusted text becomes when it
 * is shown.  Appends s (NULL as ""): C0 controls (CR and ESC among them),
 * DEL and C1 controls dropped, a tab as a space, a newline (or U+2028,
 * U+2029) kept when keep_newlines, else a space; bidi controls (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) shown as "<U+202E>";
 * invisible formatting characters (U+200B-U+200D, U+2060-U+2064, U+FEFF,
 * tags U+E0000-U+E007F and a few more) dropped; each byte of invalid UTF-8
 * as U+FFFD.  Everything else is kept as it is.
 */
void escape_sanitize(struct buf *out, const char *s, int keep_newlines);

/*
 * escape_sanitize() without the trailing newlines and spaces a YAML block
 * scalar brings.
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
 * A link of a questionnaire's `references:` (its URL checked by the loader,
 * url_is_web()): in Markdown "[title](<url>)", the title escaped as inline
 * text and the URL's '&' escaped so that nothing in it reads as an entity;
 * in HTML an <a> element with rel="noopener noreferrer" (a link the reader
 * may follow, never something the page loads).
 */
void escape_markdown_link(struct buf *out, const char *title,
			  const char *url);
void escape_html_link(struct buf *out, const char *title, const char *url);

/*
 * One CSV field (RFC 4180): cleaned, quoted when it holds a comma, quote or
 * line break, and with an apostrophe first when the cleaned field starts,
 * after any spaces, tabs and line breaks, with = + - @, so that a
 * spreadsheet shows it rather than running it as a formula.
 */
void escape_csv(struct buf *out, const char *s);

#endif
