/*
 * test_yamlout.c - the YAML emitter wrapper: its quoting, its numbers, and
 * that what it writes reads back as written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "util.h"
#include "yamlout.h"
#include "yamltree.h"

static void test_needs_quotes(void **state)
{
	static const struct {
		const char *text;
		int quote;
	} cases[] = {
		/* YAML 1.1 booleans and nulls, any case. */
		{ "no", 1 }, { "No", 1 }, { "YES", 1 }, { "on", 1 },
		{ "Off", 1 }, { "y", 1 }, { "true", 1 }, { "null", 1 },
		{ "~", 1 }, { "", 1 },
		/* Anything that starts like a number, a date or a sign. */
		{ "2.2.0", 1 }, { "2021-11-01", 1 }, { "1e3", 1 },
		{ "-x", 1 }, { "+1", 1 }, { ".inf", 1 }, { "12:30", 1 },
		/* Plain text. */
		{ "Yes, for some applications", 0 }, { "nope", 0 },
		{ "SAMM20", 0 }, { "none", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int got = yamlout_needs_quotes(cases[i].text);

		if (got != cases[i].quote)
			fail_msg("'%s': needs quotes %d, expected %d",
				 cases[i].text, got, cases[i].quote);
	}
}

/* A small document, written out by hand as libyaml should emit it. */
static void test_document(void **state)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct yamlout y;

	(void)state;
	buf_adds(&out, "# header\n");
	yamlout_init(&y, &out);
	yamlout_map_start(&y);
	yamlout_pair_text(&y, "id", "no");
	yamlout_pair_text(&y, "label", "Yes: always");
	yamlout_pair_text(&y, "help", "two\nlines");
	yamlout_pair_number(&y, "score", 0.25);
	yamlout_pair_number(&y, "weight", 1);
	yamlout_pair_bool(&y, "exclusive", 1);
	yamlout_key(&y, "list");
	yamlout_seq_start(&y);
	/* " #" would start a comment in a plain scalar. */
	yamlout_text(&y, "a # b");
	yamlout_seq_end(&y);
	yamlout_map_end(&y);
	assert_int_equal(yamlout_finish(&y, &err), 0);
	assert_string_equal(out.data,
			    "# header\n"
			    "id: 'no'\n"
			    "label: 'Yes: always'\n"
			    "help: |-\n"
			    "  two\n"
			    "  lines\n"
			    "score: 0.25\n"
			    "weight: 1\n"
			    "exclusive: true\n"
			    "list:\n"
			    "- 'a # b'\n");
	buf_release(&out);
	buf_release(&err);
}

/*
 * Texts that trip hand-made YAML printers come back unchanged through the
 * project's own reader (yamltree.c, libyaml's parser).
 */
static void test_round_trip(void **state)
{
	static const char *const texts[] = {
		"key: value", "a #comment", "- a dash", "'quoted'",
		"\"double\"", "trailing space ", " leading space",
		"para one\n\npara two\n", "line with trailing space \nnext",
		"tab\there", "carriage\r\nreturn", "caf\xc3\xa9 \xe2\x80\x94 ok",
		"[not a list]", "{not: a map}", "&anchor", "*alias", "!tag",
		"%percent", "@at", "`tick`", "|pipe", ">fold", "? question",
		"no", "0.5", "", "a very long line of text that the emitter will "
		"have to fold over several lines because it is much longer than "
		"seventy-eight columns, with  two spaces here",
	};
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct yaml_tree tree;
	struct yamlout y;
	size_t i;

	(void)state;
	yamlout_init(&y, &out);
	yamlout_seq_start(&y);
	for (i = 0; i < ARRAY_SIZE(texts); i++)
		yamlout_text(&y, texts[i]);
	yamlout_seq_end(&y);
	assert_int_equal(yamlout_finish(&y, &err), 0);
	assert_int_equal(yaml_tree_parse(&tree, "out", out.data, out.len,
					 &diags), 0);
	assert_int_equal(tree.root->kind, YNODE_SEQUENCE);
	assert_int_equal(tree.root->count, ARRAY_SIZE(texts));
	for (i = 0; i < ARRAY_SIZE(texts); i++) {
		const struct ynode *n = tree.root->items[i];

		if (strcmp(n->text, texts[i]))
			fail_msg("'%s' came back as '%s' from:\n%s", texts[i],
				 n->text, out.data);
		/* Never a plain empty or null that a loader reads as null. */
		if (!*n->text)
			assert_int_not_equal(n->style, YSTYLE_PLAIN);
	}
	yaml_tree_release(&tree);
	diag_list_release(&diags);
	buf_release(&out);
	buf_release(&err);
}

static void test_numbers(void **state)
{
	static const struct {
		double value;
		const char *text;
	} cases[] = {
		{ 0, "0" }, { 1, "1" }, { 0.25, "0.25" }, { 0.1, "0.1" },
		{ 33.3, "33.3" }, { 66.7, "66.7" }, { 1000, "1000" },
		{ -2.5, "-2.5" }, { 1.0 / 3, "0.3333333333333333" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct buf out = BUF_INIT, err = BUF_INIT;
		struct yamlout y;

		yamlout_init(&y, &out);
		yamlout_number(&y, cases[i].value);
		assert_int_equal(yamlout_finish(&y, &err), 0);
		/* A plain scalar alone is a document "text\n". */
		buf_truncate(&out, out.len - 1);
		assert_string_equal(out.data, cases[i].text);
		buf_release(&out);
		buf_release(&err);
	}
}

/* An unbalanced call sequence is reported, not emitted half. */
static void test_emitter_error(void **state)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct yamlout y;

	(void)state;
	yamlout_init(&y, &out);
	yamlout_map_start(&y);
	yamlout_seq_end(&y);
	assert_int_equal(yamlout_finish(&y, &err), -1);
	assert_non_null(strstr(err.data, "cannot write YAML: "));
	buf_release(&out);
	buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needs_quotes),
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_emitter_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
