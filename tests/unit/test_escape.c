/*
 * test_escape.c - making untrusted text inert in CSV: the formula guard
 * looks at a cell as a spreadsheet sees it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "escape.h"

static void assert_csv(const char *in, const char *expected)
{
	struct buf out = BUF_INIT;

	escape_csv(&out, in);
	assert_string_equal(out.data, expected);
	buf_release(&out);
}

static void test_csv_plain(void **state)
{
	(void)state;
	assert_csv("plain", "plain");
	assert_csv("a=b", "a=b");
	assert_csv("a, b", "\"a, b\"");
	assert_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	assert_csv(NULL, "");
}

/* A cell starting with = + - @ would run as a formula. */
static void test_csv_formula(void **state)
{
	(void)state;
	assert_csv("=1+1", "'=1+1");
	assert_csv("+1", "'+1");
	assert_csv("-1", "'-1");
	assert_csv("@SUM(A1)", "'@SUM(A1)");
	assert_csv("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
}

/*
 * What the cleaning removes or the spreadsheet skips cannot hide a
 * formula: the guard looks at the cleaned cell after its leading spaces,
 * tabs and line breaks.
 */
static void test_csv_formula_behind_junk(void **state)
{
	(void)state;
	assert_csv("\x01=HYPERLINK(1)", "'=HYPERLINK(1)");
	assert_csv("\x1b[0m=1", "[0m=1");
	assert_csv("\r=1+1", "'=1+1");
	assert_csv(" =1+1", "' =1+1");
	assert_csv("\t=1", "' =1");
	assert_csv(" \t @x", "'   @x");
	assert_csv("\xe2\x80\x8b=1", "'=1");
	assert_csv("\xef\xbb\xbf+1", "'+1");
	assert_csv("\n-1", "\"'\n-1\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_plain),
		cmocka_unit_test(test_csv_formula),
		cmocka_unit_test(test_csv_formula_behind_junk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
