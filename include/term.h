/*
 * term.h - what cto-assess prints to a terminal: colour, sanitising, wrapping.
 *
 * Every questionnaire or answer string passes through term_sanitize() (or a
 * function built on it) before it reaches a terminal, so a hostile file
 * cannot send escape sequences.  Functions append to a caller-owned buf.
 */
#ifndef CTO_TERM_H
#define CTO_TERM_H

#include <stddef.h>

#include "buf.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Parses "auto", "always" or "never"; returns 0, or -1 when unknown. */
int term_parse_color(const char *arg, enum color_mode *mode);

/*
 * Whether to colour output written to fd: always with COLOR_ALWAYS; never
 * with COLOR_NEVER, or when NO_COLOR is set and not empty
 * (https://no-color.org); otherwise always when FORCE_COLOR is set and not
 * empty (https://force-color.org), else only when fd is a terminal and
 * TERM is not "dumb".
 */
int term_use_color(enum color_mode mode, int fd);

/*
 * Appends s as escape_sanitize() (escape.h) shows it: without control
 * characters or invisible formatting, bidi controls visible, invalid UTF-8
 * as U+FFFD; with keep_newlines == 0 a newline becomes a space.
 */
void term_sanitize(struct buf *out, const char *s, int keep_newlines);

/*
 * Display width of UTF-8 text s in terminal columns (wcwidth; where the
 * locale does not know a character, as in LANG=C, a wide East Asian one or
 * an emoji counts two, a combining mark none, any other one).
 */
size_t term_text_width(const char *s);

/*
 * Appends s (sanitised) word-wrapped to width columns, every line starting
 * with indent spaces, each line ending in '\n'.  Widths are counted as
 * term_text_width() counts them, so CJK and emoji wrap correctly.  Lines
 * break between words only; a word wider than a whole line (a long URL)
 * is the one exception, cut where the line ends.
 */
void term_wrap(struct buf *out, const char *s, size_t width, size_t indent);

/*
 * The one width-aware truncation: appends s (sanitised, newlines as spaces,
 * without trailing spaces) cut to at most width display columns (wcwidth:
 * CJK counts two, combining marks none), ending in "..." when cut; a
 * character is never split.  Returns the number of columns appended.
 */
size_t term_truncate(struct buf *out, const char *s, size_t width);

/*
 * The width of the terminal on fd, read now (so a resized window is seen),
 * else $COLUMNS, else 80.
 */
size_t term_width(int fd);

/* The height of the terminal on fd, read now, else $LINES, else 24. */
size_t term_height(int fd);

/* SGR colour sequences, or "" when colour is off. */
struct term_style {
	const char *bold, *dim, *red, *yellow, *green, *cyan, *reset;
};
void term_style_init(struct term_style *style, int use_color);

#endif
