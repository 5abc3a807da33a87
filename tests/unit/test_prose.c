/*
 * test_prose.c - the Markdown subset of a reviewer's summary, in each
 * format: paragraphs and lists, strong and emphasis, and everything else
 * escaped as the text it is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "buf.h"
#include "prose.h"

static const char summary[] =
	"In good shape for its stage;\n"
	"**backups** and access come first.\n"
	"\n"
	"- Restore a backup *this* month.\n"
	"* Turn on two-step login,\n"
	"  for every admin.\n"
	"\n"
	"Keep snake_case_names and 2 * 3 as they are.\n";

static void render(enum prose_format format, const char *text,
		   const char *expected)
{
	struct buf out = BUF_INIT;

	prose_render(&out, text, format);
	assert_string_equal(out.data, expected);
	buf_release(&out);
}

static void test_markdown(void **state)
{
	(void)state;
	render(PROSE_MARKDOWN, summary,
	       "In good shape for its stage; **backups** and access come "
	       "first.\n\n"
	       "- Restore a backup *this* month.\n"
	       "- Turn on two-step login, for every admin.\n\n"
	       "Keep snake\\_case\\_names and 2 \\* 3 as they are.\n\n");
}

static void test_html(void **state)
{
	(void)state;
	render(PROSE_HTML, summary,
	       "<p>In good shape for its stage; <strong>backups</strong> and "
	       "access come first.</p>\n"
	       "<ul>\n<li>Restore a backup <em>this</em> month.</li>\n"
	       "<li>Turn on two-step login, for every admin.</li>\n</ul>\n"
	       "<p>Keep snake_case_names and 2 * 3 as they are.</p>\n");
}

static void test_text(void **state)
{
	(void)state;
	render(PROSE_TEXT, summary,
	       "In good shape for its stage; backups and access come first."
	       "\n\n"
	       "- Restore a backup this month.\n"
	       "- Turn on two-step login, for every admin.\n\n"
	       "Keep snake_case_names and 2 * 3 as they are.\n\n");
}

/* Nothing but the subset is markup: the rest is escaped text. */
static void test_hostile(void **state)
{
	static const char evil[] =
		"# Not a heading <script>x</script> [a](javascript:x)\n"
		"\n"
		"1. not a list & **<b>b</b>** \x1b[31m\n";

	(void)state;
	render(PROSE_HTML, evil,
	       "<p># Not a heading &lt;script&gt;x&lt;/script&gt; "
	       "[a](javascript:x)</p>\n"
	       "<p>1. not a list &amp; <strong>&lt;b&gt;b&lt;/b&gt;</strong> "
	       "[31m</p>\n");
	render(PROSE_MARKDOWN, evil,
	       "\\# Not a heading \\<script\\>x\\</script\\> "
	       "\\[a\\](javascript:x)\n\n"
	       "1\\. not a list \\& **\\<b\\>b\\</b\\>** \\[31m\n\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
