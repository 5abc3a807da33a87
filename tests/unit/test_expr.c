/*
 * test_expr.c - the condition language: parsing, every error message with
 * its offset, and evaluation against answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "buf.h"
#include "expr.h"
#include "util.h"

/* A tiny answer table for expr_eval. */
struct table {
	const char *ids[8];
	struct answer answers[8];
	size_t count;
};

static const struct answer *lookup(const char *id, void *ctx)
{
	struct table *t = ctx;
	size_t i;

	for (i = 0; i < t->count; i++)
		if (!strcmp(t->ids[i], id))
			return &t->answers[i];
	return NULL;
}

static struct answer *add(struct table *t, const char *id,
			  enum answer_kind kind)
{
	struct answer *a = &t->answers[t->count];

	memset(a, 0, sizeof(*a));
	t->ids[t->count++] = id;
	a->kind = kind;
	return a;
}

static void table_release(struct table *t)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		answer_release(&t->answers[i]);
}

/* stage=seed, team_size=7, data=[health, eu], name="Acme", hipaa skipped */
static void fill(struct table *t)
{
	struct answer *a;

	memset(t, 0, sizeof(*t));
	add(t, "stage", ANSWER_CHOICE)->choice = xstrdup("seed");
	add(t, "team_size", ANSWER_NUMBER)->number = 7;
	a = add(t, "data", ANSWER_CHOICES);
	a->choices = xcalloc(2, sizeof(char *));
	a->choices[0] = xstrdup("health");
	a->choices[1] = xstrdup("eu");
	a->nchoices = 2;
	add(t, "name", ANSWER_TEXT)->text = xstrdup("Acme");
	add(t, "hipaa", ANSWER_SKIPPED);
}

static int eval(const char *src)
{
	struct table t;
	struct expr *e;
	struct expr_error err;
	int r;

	fill(&t);
	if (expr_parse(src, &e, &err) < 0)
		fail_msg("'%s' did not parse: %s at %zu", src, err.message,
			 err.offset);
	r = expr_eval(e, lookup, &t);
	expr_free(e);
	table_release(&t);
	return r;
}

static void test_eval_comparisons(void **state)
{
	(void)state;
	assert_true(eval("stage == seed"));
	assert_false(eval("stage == idea"));
	assert_true(eval("stage != idea"));
	assert_true(eval("team_size >= 5"));
	assert_true(eval("team_size > 6.5"));
	assert_false(eval("team_size < 7"));
	assert_true(eval("team_size <= 7"));
	assert_true(eval("team_size == 7"));
	assert_false(eval("team_size != 7"));
}

static void test_eval_lists_and_includes(void **state)
{
	(void)state;
	assert_true(eval("stage in [seed, series-a]"));
	assert_false(eval("stage in [idea, pre-seed]"));
	assert_true(eval("stage not in [idea, pre-seed]"));
	assert_true(eval("data includes health"));
	assert_false(eval("data includes payments"));
	assert_true(eval("data in [payments, eu]"));
	assert_true(eval("data == eu"));
}

static void test_eval_logic(void **state)
{
	(void)state;
	assert_true(eval("stage in [seed, series-a] and team_size >= 5"));
	assert_false(eval("stage == idea and team_size >= 5"));
	assert_true(eval("stage == idea or team_size >= 5"));
	assert_true(eval("not stage == idea"));
	assert_false(eval("not (stage == seed or team_size > 100)"));
	/* and binds tighter than or */
	assert_true(eval("stage == seed or stage == idea and team_size > 100"));
	assert_false(eval("(stage == seed or stage == idea) and team_size > 100"));
	assert_true(eval("true"));
	assert_false(eval("false or not true"));
}

static void test_eval_missing_answers(void **state)
{
	(void)state;
	/* hipaa was skipped; other_q was never asked. */
	assert_false(eval("hipaa == yes"));
	assert_true(eval("hipaa != yes"));
	assert_false(eval("hipaa in [yes, no]"));
	assert_true(eval("hipaa not in [yes]"));
	assert_false(eval("answered(hipaa)"));
	assert_false(eval("other_q >= 1"));
	assert_true(eval("not answered(other_q)"));
	assert_true(eval("answered(name) and answered(stage)"));
}

/* Parses src expecting an error at offset with exactly message. */
static void expect_error(const char *src, size_t offset, const char *message)
{
	struct expr *e = (struct expr *)1;
	struct expr_error err;

	assert_int_equal(expr_parse(src, &e, &err), -1);
	assert_null(e);
	assert_string_equal(err.message, message);
	assert_int_equal(err.offset, offset);
}

static void test_parse_errors(void **state)
{
	(void)state;
	expect_error("", 0, "empty condition");
	expect_error("   ", 3, "empty condition");
	expect_error("stage ==", 8,
		     "expected a choice id or a number but found end of "
		     "condition");
	expect_error("stage = seed", 6, "use '==' to compare, not '='");
	expect_error("stage == seed && x", 14, "use 'and', not '&'");
	expect_error("stage == seed || x", 14, "use 'or', not '|'");
	expect_error("!answered(x)", 0, "use 'not', not '!'");
	expect_error("stage == \"seed\"", 9, "write ids without quotes");
	expect_error("stage == s\x1b", 10,
		     "unexpected character (byte 0x1b)");
	expect_error("stage seed", 6,
		     "expected a comparison ('==', '!=', '<', '<=', '>', "
		     "'>='), 'in' or 'includes' but found 'seed'");
	expect_error("stage == idea and", 17,
		     "expected a question id but found end of condition");
	expect_error("stage == idea team_size > 1", 14,
		     "unexpected 'team_size' after a complete condition "
		     "(missing 'and' or 'or'?)");
	expect_error("(stage == idea", 14,
		     "missing ')' to close '(' at column 1");
	expect_error("stage in seed", 9, "expected '[' but found 'seed'");
	expect_error("stage in [seed idea]", 15,
		     "expected ',' or ']' but found 'idea'");
	expect_error("stage in []", 10,
		     "expected a choice id or a number but found ']'");
	expect_error("stage not seed", 10,
		     "expected 'in' after 'not' but found 'seed'");
	expect_error("data includes 3", 14,
		     "expected a choice id after 'includes' but found '3'");
	expect_error("answered stage", 9,
		     "expected '(' after 'answered' but found 'stage'");
	expect_error("answered(stage", 14,
		     "expected ')' but found end of condition");
	expect_error("Stage == seed", 0,
		     "'Stage' is not a valid question id");
	expect_error("and == seed", 0,
		     "expected a question id but found 'and'");
	expect_error("stage == seed;", 13, "unexpected character ';'");
}

static void test_parse_depth_cap(void **state)
{
	struct buf src = BUF_INIT;
	struct expr *e;
	struct expr_error err;

	(void)state;
	buf_addn(&src, '(', 10000);
	buf_adds(&src, "stage == seed");
	buf_addn(&src, ')', 10000);
	assert_int_equal(expr_parse(src.data, &e, &err), -1);
	assert_string_equal(err.message, "condition nested too deeply");
	buf_reset(&src);
	buf_addn(&src, '(', 20);
	buf_adds(&src, "stage == seed");
	buf_addn(&src, ')', 20);
	assert_int_equal(expr_parse(src.data, &e, &err), 0);
	expr_free(e);
	buf_release(&src);
}

static int count_refs(const struct expr *node, void *ctx)
{
	(void)node;
	(*(int *)ctx)++;
	return 0;
}

static void test_visit_offsets(void **state)
{
	struct expr *e;
	struct expr_error err;
	int refs = 0;

	(void)state;
	assert_int_equal(expr_parse("stage in [seed, a] or not answered(x) "
				    "and data includes eu", &e, &err), 0);
	expr_visit(e, count_refs, &refs);
	assert_int_equal(refs, 3);
	assert_int_equal(e->kind, EXPR_OR);
	assert_int_equal(e->left->kind, EXPR_IN);
	assert_string_equal(e->left->question, "stage");
	assert_int_equal(e->left->nvalues, 2);
	assert_int_equal(e->left->values[1].offset, 16);
	assert_int_equal(e->right->kind, EXPR_AND);
	assert_int_equal(e->right->right->question_offset, 42);
	expr_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eval_comparisons),
		cmocka_unit_test(test_eval_lists_and_includes),
		cmocka_unit_test(test_eval_logic),
		cmocka_unit_test(test_eval_missing_answers),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_depth_cap),
		cmocka_unit_test(test_visit_offsets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
