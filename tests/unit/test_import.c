/*
 * test_import.c - what the importers share: ids made from text, and the
 * links they keep (url_is_web(), which the loader uses too).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import.h"
#include "util.h"

static void test_slug(void **state)
{
	static const struct {
		const char *text;
		const char *id;
	} cases[] = {
		{ "Yes, for some applications", "yes-for-some-applications" },
		{ "No", "no" },
		{ "OPS_1_no", "ops_1_no" },
		{ "  Leading and trailing  ", "leading-and-trailing" },
		{ "_under", "under" },
		{ "G-SM-1-A", "g-sm-1-a" },
		{ "Caf\xc3\xa9 au lait", "caf-au-lait" },
		/* 80 bytes of words: cut at the last '-' within 64 bytes. */
		{ "Yes, we consult the plan often, and it is aligned with our "
		  "application security", "yes-we-consult-the-plan-often-and-it-"
		  "is-aligned-with-our" },
		/* One word longer than 64 bytes: cut at 64. */
		{ "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij"
		  "klmnop", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
		  "abcdefghijkl" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *id = import_slug(cases[i].text);

		assert_non_null(id);
		assert_string_equal(id, cases[i].id);
		assert_true(id_is_valid(id));
		free(id);
	}
	assert_null(import_slug("***"));
	assert_null(import_slug(""));
}

static void test_url(void **state)
{
	(void)state;
	assert_int_equal(url_is_web("https://example.org/a?b=c#d"), 1);
	assert_int_equal(url_is_web("http://example.org"), 1);
	assert_int_equal(url_is_web("javascript:alert(1)"), 0);
	assert_int_equal(url_is_web("ftp://example.org/x"), 0);
	assert_int_equal(url_is_web("https://"), 0);
	assert_int_equal(url_is_web("https:///path"), 0);
	assert_int_equal(url_is_web("https://a b"), 0);
	assert_int_equal(url_is_web("https://a\nb"), 0);
	assert_int_equal(url_is_web("data:text/html,x"), 0);
	/* What could break out of a Markdown or HTML link. */
	assert_int_equal(url_is_web("https://a.org/x)\"<b>"), 0);
	assert_int_equal(url_is_web("https://a.org/x>y"), 0);
	assert_int_equal(url_is_web("https://a.org/a\\b"), 0);
	assert_int_equal(url_is_web("https://a.org/o'brien(1)"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_url),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
