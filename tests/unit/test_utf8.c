/*
 * test_utf8.c - utf8_decode(), which the JSON reader, the condition places
 * and the sanitisers rely on to tell valid UTF-8 from bytes to refuse.
 *
 * Each case gives the bytes, the length expected (0: refused) and the code
 * point, worked out by hand from RFC 3629's table:
 *   U+0000..U+007F     0xxxxxxx
 *   U+0080..U+07FF     110xxxxx 10xxxxxx
 *   U+0800..U+FFFF     1110xxxx 10xxxxxx 10xxxxxx  (not U+D800..U+DFFF)
 *   U+10000..U+10FFFF  11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
 * An encoding longer than the table asks for (overlong), a surrogate, a
 * value above U+10FFFF and a sequence cut short are all invalid.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

struct utf8_case {
	const char *name;
	const char *bytes;
	size_t avail;     /* bytes the decoder may read */
	size_t length;    /* expected result; 0 when refused */
	unsigned cp;      /* expected code point when length > 0 */
};

static const struct utf8_case cases[] = {
	{ "ASCII 'A'", "A", 1, 1, 0x41 },
	{ "2 bytes: e acute", "\xc3\xa9", 2, 2, 0xe9 },
	{ "2 bytes: lowest, U+0080", "\xc2\x80", 2, 2, 0x80 },
	{ "3 bytes: euro sign", "\xe2\x82\xac", 3, 3, 0x20ac },
	{ "3 bytes: U+D7FF, just below the surrogates", "\xed\x9f\xbf", 3,
	  3, 0xd7ff },
	{ "3 bytes: U+E000, just above the surrogates", "\xee\x80\x80", 3,
	  3, 0xe000 },
	{ "4 bytes: grinning face U+1F600", "\xf0\x9f\x98\x80", 4, 4,
	  0x1f600 },
	{ "4 bytes: lowest, U+10000", "\xf0\x90\x80\x80", 4, 4, 0x10000 },
	{ "4 bytes: highest, U+10FFFF", "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },
	{ "4 bytes followed by more text", "\xf0\x9f\x98\x80x", 5, 4,
	  0x1f600 },

	{ "overlong '/' in 2 bytes (C0 AF)", "\xc0\xaf", 2, 0, 0 },
	{ "overlong U+007F in 2 bytes (C1 BF)", "\xc1\xbf", 2, 0, 0 },
	{ "overlong '/' in 3 bytes", "\xe0\x80\xaf", 3, 0, 0 },
	{ "overlong U+07FF in 3 bytes", "\xe0\x9f\xbf", 3, 0, 0 },
	{ "overlong U+FFFF in 4 bytes", "\xf0\x8f\xbf\xbf", 4, 0, 0 },
	{ "overlong NUL in 2 bytes (C0 80)", "\xc0\x80", 2, 0, 0 },

	{ "surrogate U+D800", "\xed\xa0\x80", 3, 0, 0 },
	{ "surrogate U+DBFF", "\xed\xaf\xbf", 3, 0, 0 },
	{ "surrogate U+DC00", "\xed\xb0\x80", 3, 0, 0 },
	{ "surrogate U+DFFF", "\xed\xbf\xbf", 3, 0, 0 },
	{ "CESU-8 pair for U+1F600", "\xed\xa0\xbd\xed\xb8\x80", 6, 0, 0 },

	{ "beyond U+10FFFF (F4 90 80 80)", "\xf4\x90\x80\x80", 4, 0, 0 },
	{ "lead byte F5", "\xf5\x80\x80\x80", 4, 0, 0 },
	{ "lead byte FF", "\xff", 1, 0, 0 },
	{ "a lone continuation byte", "\x80", 1, 0, 0 },
	{ "4 bytes cut to 3 by avail", "\xf0\x9f\x98\x80", 3, 0, 0 },
	{ "4 bytes cut short by a NUL", "\xf0\x9f\x98", (size_t)-1, 0, 0 },
	{ "2 bytes, second not a continuation", "\xc3\x41", 2, 0, 0 },
};

static void test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct utf8_case *c = &cases[i];
		unsigned cp = 0xfffffffu;
		size_t n = utf8_decode((const unsigned char *)c->bytes,
				       c->avail, &cp);

		if (n != c->length)
			fail_msg("%s: length %zu, expected %zu", c->name, n,
				 c->length);
		if (n && cp != c->cp)
			fail_msg("%s: U+%04X, expected U+%04X", c->name, cp,
				 c->cp);
	}
}

/* Nothing to read is nothing decoded: the decoder must not look. */
static void test_empty(void **state)
{
	unsigned cp = 0;

	(void)state;
	assert_int_equal(utf8_decode(NULL, 0, &cp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
