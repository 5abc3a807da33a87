/*
 * test_term.c - terminal output: sanitising, widths, wrapping, truncating,
 * colour decisions.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "term.h"

static char *sanitized(const char *s, int keep_newlines)
{
	struct buf out = BUF_INIT;

	term_sanitize(&out, s, keep_newlines);
	return buf_detach(&out, NULL);
}

static void assert_sanitized(const char *in, int keep, const char *expected)
{
	char *s = sanitized(in, keep);

	assert_string_equal(s, expected);
	free(s);
}

static void test_sanitize_removes_controls(void **state)
{
	(void)state;
	assert_sanitized("plain", 0, "plain");
	assert_sanitized("\x1b[31mred\x1b[0m", 0, "[31mred[0m");
	assert_sanitized("title\x1b]0;pwned\x07!", 0, "title]0;pwned!");
	assert_sanitized("a\bb\x7f" "c\rd", 0, "abcd");
	/* C1 controls, written as UTF-8 (U+009B is CSI). */
	assert_sanitized("x\xc2\x9b" "2Jy", 0, "x2Jy");
	assert_sanitized("tab\there", 0, "tab here");
	assert_sanitized("two\nlines", 0, "two lines");
	assert_sanitized("two\nlines", 1, "two\nlines");
	/* Invalid UTF-8 (a lone C1 byte, an overlong NUL) becomes U+FFFD. */
	assert_sanitized("a\x9b" "b", 0, "a\xef\xbf\xbd" "b");
	assert_sanitized("\xc0\x80", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	/* Printable UTF-8 passes. */
	assert_sanitized("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", 0,
			 "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac");
}

/* The one decision (escape_sanitize) as the terminal sees it. */
static void test_sanitize_bidi_and_invisible(void **state)
{
	(void)state;
	/* Bidi overrides, embeddings, isolates and marks are shown. */
	assert_sanitized("a\xe2\x80\xae" "b\xe2\x80\xac" "c", 0,
			 "a<U+202E>b<U+202C>c");
	assert_sanitized("\xe2\x81\xa6x\xe2\x81\xa9", 0,
			 "<U+2066>x<U+2069>");
	assert_sanitized("\xe2\x80\x8f" "\xd8\x9c", 0, "<U+200F><U+061C>");
	/* Zero width characters, the word joiner, a BOM and tags go. */
	assert_sanitized("ad\xe2\x80\x8bmin\xe2\x81\xa0!", 0, "admin!");
	assert_sanitized("\xef\xbb\xbfid", 0, "id");
	assert_sanitized("x\xf3\xa0\x81\x81y", 0, "xy");
	/* A line separator is a line break like '\n'. */
	assert_sanitized("a\xe2\x80\xa8" "b", 0, "a b");
	assert_sanitized("a\xe2\x80\xa8" "b", 1, "a\nb");
	/* Characters next to those ranges are text. */
	assert_sanitized("\xe2\x80\x90\xe2\x81\xb0\xc2\xa0", 0,
			 "\xe2\x80\x90\xe2\x81\xb0\xc2\xa0");
}

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(term_text_width("abc"), 3);
	assert_int_equal(term_text_width("caf\xc3\xa9"), 4);
	/* CJK characters take two columns. */
	assert_int_equal(term_text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	/* A combining accent takes none. */
	assert_int_equal(term_text_width("e\xcc\x81"), 1);
}

static void assert_wrapped(const char *in, size_t width, size_t indent,
			   const char *expected)
{
	struct buf out = BUF_INIT;

	term_wrap(&out, in, width, indent);
	assert_string_equal(out.data, expected);
	buf_release(&out);
}

static void test_wrap(void **state)
{
	(void)state;
	assert_wrapped("one two three four five six", 14, 0,
		       "one two three\nfour five six\n");
	assert_wrapped("one two three four", 15, 2,
		       "  one two three\n  four\n");
	assert_wrapped("para one\npara two\n", 80, 0,
		       "para one\npara two\n");
	/* Wide characters count double. */
	assert_wrapped("\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac "
		       "\xe6\x97\xa5\xe6\x9c\xac", 12, 0,
		       "\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac\n"
		       "\xe6\x97\xa5\xe6\x9c\xac\n");
	/* Escape sequences are gone before wrapping. */
	assert_wrapped("\x1b[1mbold\x1b[0m", 80, 0, "[1mbold[0m\n");
	/*
	 * A word wider than a line (14 - 2 = 12 columns) is cut where the
	 * line ends, and only that word: "see" stays whole on its line.
	 */
	assert_wrapped("see https://example.com/abc ok", 14, 2,
		       "  see\n  https://exam\n  ple.com/abc\n  ok\n");
	/* Wide characters are never split: 11 columns hold five. */
	assert_wrapped("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5"
		       "\xe6\x9c\xac\xe8\xaa\x9e", 11, 0,
		       "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5"
		       "\xe6\x9c\xac\n\xe8\xaa\x9e\n");
}

/*
 * In the C locale (LANG=C) wcwidth() knows only ASCII; the terminal still
 * shows UTF-8, so widths must not come out short there.
 */
static void test_width_c_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	/* "café": four columns; two CJK characters: four; e + U+0301: one. */
	assert_int_equal(term_text_width("caf\xc3\xa9"), 4);
	assert_int_equal(term_text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(term_text_width("e\xcc\x81"), 1);
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static void assert_truncated(const char *in, size_t width,
			     const char *expected, size_t used)
{
	struct buf out = BUF_INIT;

	assert_int_equal(term_truncate(&out, in, width), used);
	assert_string_equal(out.data, expected);
	buf_release(&out);
}

static void test_truncate(void **state)
{
	(void)state;
	assert_truncated("short", 10, "short", 5);
	assert_truncated("exactly10!", 10, "exactly10!", 10);
	assert_truncated("a longer sentence", 10, "a longe...", 10);
	assert_truncated("\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5\xe6\x9c\xac", 7,
			 "\xe6\x97\xa5\xe6\x9c\xac...", 7);
	assert_truncated("line\none", 20, "line one", 8);
	assert_truncated("\x1b[31mred", 20, "[31mred", 7);
	/* Display columns, not characters: CJK counts two. */
	assert_truncated("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5"
			 "\xe6\x9c\xac\xe8\xaa\x9e", 10,
			 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e...", 9);
	/* A combining accent takes no column and stays with its letter. */
	assert_truncated("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 4,
			 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 4);
	assert_truncated("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
			 "e\xcc\x81", 4, "e\xcc\x81...", 4);
	/* Never cut inside a UTF-8 character. */
	assert_truncated("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 5,
			 "\xc3\xa9\xc3\xa9...", 5);
	/* A block scalar's final newline adds nothing. */
	assert_truncated("Question?\n", 9, "Question?", 9);
}

static void test_color_decision(void **state)
{
	enum color_mode mode;

	(void)state;
	assert_int_equal(term_parse_color("never", &mode), 0);
	assert_int_equal(mode, COLOR_NEVER);
	assert_int_equal(term_parse_color("always", &mode), 0);
	assert_int_equal(mode, COLOR_ALWAYS);
	assert_int_equal(term_parse_color("auto", &mode), 0);
	assert_int_equal(mode, COLOR_AUTO);
	assert_int_equal(term_parse_color("sometimes", &mode), -1);
	unsetenv("NO_COLOR");
	/* A pipe or file is never coloured automatically (fd -1: no tty). */
	assert_int_equal(term_use_color(COLOR_AUTO, -1), 0);
	assert_int_equal(term_use_color(COLOR_ALWAYS, -1), 1);
	assert_int_equal(term_use_color(COLOR_NEVER, -1), 0);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(term_use_color(COLOR_AUTO, -1), 0);
	setenv("NO_COLOR", "", 1);
	assert_int_equal(term_use_color(COLOR_NEVER, -1), 0);
	unsetenv("NO_COLOR");
	/* FORCE_COLOR colours a pipe; NO_COLOR and --color=never win. */
	setenv("FORCE_COLOR", "1", 1);
	assert_int_equal(term_use_color(COLOR_AUTO, -1), 1);
	assert_int_equal(term_use_color(COLOR_NEVER, -1), 0);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(term_use_color(COLOR_AUTO, -1), 0);
	unsetenv("NO_COLOR");
	setenv("FORCE_COLOR", "", 1);
	assert_int_equal(term_use_color(COLOR_AUTO, -1), 0);
	unsetenv("FORCE_COLOR");
}

static void test_styles(void **state)
{
	struct term_style on, off;

	(void)state;
	term_style_init(&on, 1);
	term_style_init(&off, 0);
	assert_string_equal(on.bold, "\x1b[1m");
	assert_string_equal(on.reset, "\x1b[0m");
	assert_string_equal(off.bold, "");
	assert_string_equal(off.red, "");
}

static void test_width_bounds(void **state)
{
	(void)state;
	setenv("COLUMNS", "300", 1);
	/* Not a terminal: COLUMNS is used, as wide as it says. */
	assert_int_equal(term_width(-1), 300);
	setenv("COLUMNS", "60", 1);
	assert_int_equal(term_width(-1), 60);
	/* Not a number of columns: the default. */
	setenv("COLUMNS", "60x", 1);
	assert_int_equal(term_width(-1), 80);
	unsetenv("COLUMNS");
	assert_int_equal(term_width(-1), 80);
	setenv("LINES", "40", 1);
	assert_int_equal(term_height(-1), 40);
	unsetenv("LINES");
	assert_int_equal(term_height(-1), 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_removes_controls),
		cmocka_unit_test(test_sanitize_bidi_and_invisible),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_color_decision),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_width_bounds),
		cmocka_unit_test(test_width_c_locale),
	};

	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
