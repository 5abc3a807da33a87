/*
 * test_answer_parse.c - what a line typed at a question's prompt means:
 * choices by number, label, start of a label or id; lists; ranges; "don't
 * know"; invalid input explained in one line; and how answers are described
 * back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "answer_parse.h"
#include "answers.h"
#include "buf.h"
#include "util.h"
#include "unit_load.h"

static const char questionnaire_yaml[] =
	"id: parse\n"
	"title: Parse\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: a\n"
	"    title: A\n"
	"    questions:\n"
	"      - id: stage\n"
	"        text: Stage?\n"
	"        help: h\n"
	"        dont_know: true\n"
	"        choices:\n"
	"          - {id: idea, label: Idea or prototype, score: 0}\n"
	"          - {id: seed, label: Seed, score: 1}\n"
	"          - {id: series-a, label: Series A, score: 1}\n"
	"      - id: mfa\n"
	"        text: MFA?\n"
	"        help: h\n"
	"        type: yesno\n"
	"      - id: tools\n"
	"        text: Tools?\n"
	"        help: h\n"
	"        type: multi\n"
	"        choices:\n"
	"          - {id: ci, label: Continuous integration, score: 1}\n"
	"          - {id: cd, label: Continuous deployment, score: 1}\n"
	"          - {id: iac, label: Infrastructure as code, score: 1}\n"
	"      - id: level\n"
	"        text: Level?\n"
	"        help: h\n"
	"        type: scale\n"
	"        min: 1\n"
	"        max: 5\n"
	"      - id: size\n"
	"        text: Size?\n"
	"        help: h\n"
	"        type: number\n"
	"        min: 0\n"
	"        unit: people\n"
	"        dont_know: true\n"
	"        bands: [{min: 0, score: 0}, {min: 3, score: 1}]\n"
	"      - id: later\n"
	"        text: Later?\n"
	"        help: h\n"
	"        type: yesno\n"
	"        when: stage == seed\n"
	"      - id: story\n"
	"        text: Story?\n"
	"        type: text\n"
	"      - id: origin\n"
	"        text: Origin?\n"
	"        type: text\n"
	"        dont_know: true\n"
	"      - id: budget\n"
	"        text: Budget?\n"
	"        type: number\n"
	"        max: 100\n"
	"        bands: [{min: 0, score: 0}]\n"
	"      - id: langs\n"
	"        text: Languages?\n"
	"        help: h\n"
	"        type: multi\n"
	"        dont_know: true\n"
	"        choices:\n"
	"          - {id: c, label: C, score: 1}\n"
	"          - {id: go, label: Go, score: 1}\n"
	"      - id: checks\n"
	"        text: Checks?\n"
	"        help: h\n"
	"        type: multi\n"
	"        choices:\n"
	"          - {id: unit, label: Unit tests, score: 1}\n"
	"          - {id: lint, label: Linting, score: 1}\n"
	"          - {id: none, label: None of these, score: 0, "
	"exclusive: true}\n"
	"      - id: people\n"
	"        text: People?\n"
	"        type: number\n"
	"        integer: true\n"
	"        min: 1\n"
	"        bands: [{min: 0, score: 0}]\n"
	"      - id: builders\n"
	"        text: Builders?\n"
	"        type: number\n"
	"        integer: true\n"
	"        min: 0\n"
	"        max: people\n"
	"        bands: [{min: 0, score: 0}]\n";

static struct questionnaire *q;

static int setup(void **state)
{
	(void)state;
	q = unit_load_yaml(questionnaire_yaml);
	return q ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	questionnaire_free(q);
	return 0;
}

/* Parses line for question id; returns the status, the answer in *out. */
static int parse(const char *id, const char *line, struct answer *out,
		 struct buf *err)
{
	const struct question *qn = questionnaire_question(q, id);

	assert_non_null(qn);
	memset(out, 0, sizeof(*out));
	buf_reset(err);
	return answer_parse(qn, line, out, err);
}

static void assert_choice(const char *id, const char *line,
			  const char *expected)
{
	struct answer a;
	struct buf err = BUF_INIT;

	assert_int_equal(parse(id, line, &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_CHOICE);
	assert_string_equal(a.choice, expected);
	answer_release(&a);
	buf_release(&err);
}

static void assert_error(const char *id, const char *line,
			 const char *expected)
{
	struct answer a;
	struct buf err = BUF_INIT;

	assert_int_equal(parse(id, line, &a, &err), -1);
	assert_string_equal(err.data, expected);
	/* A refused line leaves nothing behind. */
	assert_int_equal(a.kind, ANSWER_NONE);
	assert_null(a.choice);
	assert_null(a.choices);
	assert_null(a.text);
	answer_release(&a);
	buf_release(&err);
}

/* "None of these" is an answer only on its own. */
static void test_exclusive(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("checks", "none of", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_CHOICES);
	assert_int_equal(a.nchoices, 1);
	assert_string_equal(a.choices[0], "none");
	answer_release(&a);
	assert_int_equal(parse("checks", "1,2", &a, &err), 0);
	assert_int_equal(a.nchoices, 2);
	answer_release(&a);
	assert_error("checks", "1,3", "'None of these' cannot be combined "
		     "with other choices");
	assert_error("checks", "None of these, Linting", "'None of these' "
		     "cannot be combined with other choices");
	buf_release(&err);
}

/* What Tab must not offer again: the items before the one completed. */
static void test_ticked(void **state)
{
	const struct question *checks = questionnaire_question(q, "checks");
	const struct question *langs = questionnaire_question(q, "langs");
	unsigned char ticked[4];

	(void)state;
	/* "Unit tests" by label, 2 by number; "zzz" names nothing. */
	assert_int_equal(answer_parse_ticked(checks, "Unit tests, 2, zzz, ",
					     ticked), 2);
	assert_int_equal(ticked[0], 1);
	assert_int_equal(ticked[1], 1);
	assert_int_equal(ticked[2], 0);
	assert_int_equal(answer_parse_ticked(checks, "", ticked), 0);
	/* "Don't know" is the entry after the choices. */
	assert_int_equal(answer_parse_ticked(langs, "dk,", ticked), 1);
	assert_int_equal(ticked[2], 1);
}

/* People are whole numbers, written in digits; builders at most people. */
static void test_integer_and_max(void **state)
{
	const struct question *builders = questionnaire_question(q, "builders");
	struct answers as;
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_error("people", "2.5", "'2.5' is not a whole number; type a "
		     "whole number 1 or more");
	assert_error("people", "1e3", "'1e3' is not written as a whole "
		     "number; type a whole number 1 or more");
	assert_int_equal(parse("people", "12", &a, &err), 0);
	assert_true(a.number == 12);
	answers_init(&as, q);
	/* Nothing to check while the team size is not known. */
	assert_int_equal(parse("builders", "7", &a, &err), 0);
	assert_int_equal(answer_parse_check_max(builders, &as, &a, &err), 0);
	answers_get(&as, questionnaire_question(q, "people"))->kind =
		ANSWER_NUMBER;
	answers_get(&as, questionnaire_question(q, "people"))->number = 5;
	assert_int_equal(answer_parse_check_max(builders, &as, &a, &err), -1);
	assert_string_equal(err.data, "'7' is more than the answer to "
			    "'People?' (5)");
	a.number = 5;
	buf_reset(&err);
	assert_int_equal(answer_parse_check_max(builders, &as, &a, &err), 0);
	assert_string_equal(err.data, "");
	answers_release(&as);
	buf_release(&err);
}

static void test_single(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_choice("stage", "2", "seed");
	assert_choice("stage", " 3 ", "series-a");
	assert_choice("stage", "seed", "seed");
	assert_choice("stage", "SEED", "seed");
	assert_choice("stage", "idea", "idea");
	assert_choice("stage", "series-a", "series-a");
	assert_choice("stage", "Idea or", "idea");
	assert_choice("stage", "ser", "series-a");
	assert_error("stage", "s", "'s' matches several choices: Seed, Series "
		     "A; type more of the label, or its number");
	assert_error("stage", "7", "there is no choice 7; type a number from "
		     "1 to 4");
	assert_error("stage", "0", "'0' is not one of the choices; type a "
		     "number from 1 to 4 or the start of a label");
	assert_error("stage", "bootstrapped", "'bootstrapped' is not one of "
		     "the choices; type a number from 1 to 4 or the start of a "
		     "label");
	assert_error("stage", "", "no answer given; type one, or 'skip'");
	/* "Don't know" is the last number, or a word. */
	assert_int_equal(parse("stage", "4", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_int_equal(parse("stage", "dk", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_int_equal(parse("stage", "Don't know", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	buf_release(&err);
}

static void test_yesno(void **state)
{
	(void)state;
	assert_choice("mfa", "Yes", "yes");
	assert_choice("mfa", "no", "no");
	assert_choice("mfa", "y", "yes");
	assert_choice("mfa", "N", "no");
	assert_choice("mfa", "yes", "yes");
	assert_choice("mfa", "2", "no");
	assert_error("mfa", "dk", "'dk' is not one of the choices; type a "
		     "number from 1 to 2 or the start of a label");
}

static void test_multi(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("tools", "3, 1", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_CHOICES);
	assert_int_equal(a.nchoices, 2);
	/* Kept in the questionnaire's order, duplicates merged. */
	assert_string_equal(a.choices[0], "ci");
	assert_string_equal(a.choices[1], "iac");
	answer_release(&a);
	assert_int_equal(parse("tools", "Continuous d,infra,1,ci", &a, &err),
			 0);
	assert_int_equal(a.nchoices, 3);
	answer_release(&a);
	assert_int_equal(parse("tools", "none", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_CHOICES);
	assert_int_equal(a.nchoices, 0);
	answer_release(&a);
	assert_error("tools", "1,continuous", "'continuous' matches several "
		     "choices: Continuous integration, Continuous deployment; "
		     "type more of the label, or its number");
	assert_error("tools", "1,5", "there is no choice 5; type a number "
		     "from 1 to 3");
	/* 'none' is a whole answer, not one of a list. */
	assert_error("tools", "1,none", "'none' is not one of the choices; "
		     "type a number from 1 to 3 or the start of a label");
	assert_error("tools", "", "no answer given; type one, or 'skip'");
	buf_release(&err);
}

/* "Don't know" in a list: the last number or the word, but alone. */
static void test_multi_dont_know(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("langs", "3", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_null(a.choices);
	assert_int_equal(parse("langs", "dk", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_int_equal(parse("langs", "go, c", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_CHOICES);
	assert_int_equal(a.nchoices, 2);
	assert_string_equal(a.choices[0], "c");
	assert_string_equal(a.choices[1], "go");
	answer_release(&a);
	assert_error("langs", "1,dk", "\"don't know\" cannot be combined "
		     "with choices");
	assert_error("langs", "4", "there is no choice 4; type a number from "
		     "1 to 3");
	buf_release(&err);
}

/* An explanation is appended: what the caller had in err stays. */
static void test_error_appended(void **state)
{
	const struct question *tools = questionnaire_question(q, "tools");
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	memset(&a, 0, sizeof(a));
	buf_adds(&err, "before: ");
	/* 'none' is tried as a choice first; that failure is not kept. */
	assert_int_equal(answer_parse(tools, "none", &a, &err), 0);
	assert_string_equal(err.data, "before: ");
	answer_release(&a);
	assert_int_equal(answer_parse(tools, "7", &a, &err), -1);
	assert_string_equal(err.data, "before: there is no choice 7; type a "
			    "number from 1 to 3");
	buf_release(&err);
}

static void test_index(void **state)
{
	(void)state;
	assert_int_equal(answer_parse_index("3"), 3);
	assert_int_equal(answer_parse_index("012"), 12);
	assert_int_equal(answer_parse_index("999999"), 999999);
	/* Seven digits is not a choice number anybody means. */
	assert_int_equal(answer_parse_index("1000000"), 0);
	assert_int_equal(answer_parse_index("3a"), 0);
	assert_int_equal(answer_parse_index(" 3"), 0);
	assert_int_equal(answer_parse_index("-1"), 0);
	assert_int_equal(answer_parse_index(""), 0);
}

static void test_numbers(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("level", "3", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_NUMBER);
	assert_true(a.number == 3);
	assert_error("level", "6", "'6' is out of range; type a whole number "
		     "from 1 to 5");
	assert_error("level", "2.5", "'2.5' is not a whole number; type a "
		     "whole number from 1 to 5");
	assert_error("level", "high", "'high' is not a number; type a whole "
		     "number from 1 to 5");
	assert_error("level", "dk", "'dk' is not a number; type a whole "
		     "number from 1 to 5");
	assert_int_equal(parse("size", "12.5", &a, &err), 0);
	assert_true(a.number == 12.5);
	assert_int_equal(parse("size", "dk", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_error("size", "-1", "'-1' is out of range; type a number 0 or "
		     "more");
	assert_error("size", "nan", "'nan' is not a number; type a number 0 "
		     "or more");
	assert_error("budget", "200", "'200' is out of range; type a number "
		     "100 or less");
	assert_int_equal(parse("budget", "-3.5", &a, &err), 0);
	assert_true(a.number == -3.5);
	/* Not offered: "dk" is just not a number. */
	assert_error("budget", "dk", "'dk' is not a number; type a number 100 "
		     "or less");
	buf_release(&err);
}

static void test_text(void **state)
{
	struct answer a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse("story", "  It began in a garage.  ", &a, &err),
			 0);
	assert_int_equal(a.kind, ANSWER_TEXT);
	assert_string_equal(a.text, "It began in a garage.");
	answer_release(&a);
	assert_error("story", "   ", "no answer given; type one, or 'skip'");
	/* Without "don't know" offered, "dk" is a text like any other. */
	assert_int_equal(parse("story", "dk", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_TEXT);
	assert_string_equal(a.text, "dk");
	answer_release(&a);
	assert_int_equal(parse("origin", "Don't Know", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	assert_null(a.text);
	assert_int_equal(parse("origin", "unknown", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_DONT_KNOW);
	buf_release(&err);
}

static void test_describe(void **state)
{
	struct answers as;
	struct buf out = BUF_INIT;
	struct answer *a;
	const struct question *tools = questionnaire_question(q, "tools");
	const struct question *size = questionnaire_question(q, "size");

	(void)state;
	answers_init(&as, q);
	a = answers_get(&as, tools);
	assert_int_equal(parse("tools", "1,2", a, &out), 0);
	buf_reset(&out);
	answer_describe(&out, tools, a);
	assert_string_equal(out.data,
			    "Continuous integration; Continuous deployment");
	a = answers_get(&as, size);
	a->kind = ANSWER_NUMBER;
	a->number = 4;
	buf_reset(&out);
	answer_describe(&out, size, a);
	assert_string_equal(out.data, "4 people");
	a->kind = ANSWER_SKIPPED;
	buf_reset(&out);
	answer_describe(&out, size, a);
	assert_string_equal(out.data, "Skipped");
	buf_release(&out);
	answers_release(&as);
}

/*
 * "Not applicable": the loader does not read the key on this branch yet,
 * so the questions are built in C, as the model will hold them.
 */
static void test_not_applicable(void **state)
{
	const struct question *stage = questionnaire_question(q, "stage");
	struct question text, single;
	struct answer a;
	struct buf err = BUF_INIT;
	char id[] = "reason_text", words[] = "Why?";

	(void)state;
	memset(&text, 0, sizeof(text));
	text.id = id;
	text.text = words;
	text.type = QTYPE_TEXT;
	text.not_applicable = 1;
	memset(&a, 0, sizeof(a));
	assert_int_equal(answer_parse(&text, " na ", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_NOT_APPLICABLE);
	/* The reason is asked for afterwards. */
	assert_null(a.text);
	assert_int_equal(answer_parse(&text, "N/A", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_NOT_APPLICABLE);
	assert_int_equal(answer_parse(&text, "Not Applicable", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_NOT_APPLICABLE);
	/* Only the whole word: "nap" is a text like any other. */
	memset(&a, 0, sizeof(a));
	assert_int_equal(answer_parse(&text, "nap", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_TEXT);
	assert_string_equal(a.text, "nap");
	answer_release(&a);
	/* A choice question that allows it: the word, not a label. */
	single = *stage;
	single.not_applicable = 1;
	assert_int_equal(answer_parse(&single, "na", &a, &err), 0);
	assert_int_equal(a.kind, ANSWER_NOT_APPLICABLE);
	assert_null(a.choice);
	assert_string_equal(err.data, "");
	buf_release(&err);
}

/* Where the question does not allow it, "na" is refused, at any type. */
static void test_not_applicable_refused(void **state)
{
	static const char *const ids[] = { "stage", "mfa", "tools", "level",
					   "size", "story" };
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		assert_error(ids[i], "na", "\"not applicable\" is not an answer "
			     "to this question; use skip if you cannot answer "
			     "it");
		assert_error(ids[i], "N/A", "\"not applicable\" is not an "
			     "answer to this question; use skip if you cannot "
			     "answer it");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single),
		cmocka_unit_test(test_exclusive),
		cmocka_unit_test(test_ticked),
		cmocka_unit_test(test_integer_and_max),
		cmocka_unit_test(test_yesno),
		cmocka_unit_test(test_multi),
		cmocka_unit_test(test_multi_dont_know),
		cmocka_unit_test(test_error_appended),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_not_applicable),
		cmocka_unit_test(test_not_applicable_refused),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
