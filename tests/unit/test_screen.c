/*
 * test_screen.c - what the interview shows, rendered into a memory stream
 * (open_memstream) at 60 columns without colour: a question with its
 * choices, hint, current answer and note; its help; the review list; the
 * welcome.  Every expected text is written out by hand; the wrapping points
 * are counted in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answers.h"
#include "progress.h"
#include "screen.h"
#include "util.h"
#include "unit_load.h"

static const char questionnaire_yaml[] =
	"id: screens\n"
	"title: Screens\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Company profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - id: stage\n"
	"        text: What stage is the company at?\n"
	"        choices:\n"
	"          - {id: idea, label: Idea or prototype}\n"
	"          - {id: seed, label: Seed}\n"
	"  - id: security\n"
	"    title: Security\n"
	"    questions:\n"
	"      - id: tools\n"
	"        text: Which of these does the team use?\n"
	"        help: Automation keeps releases boring.\n"
	"        type: multi\n"
	"        choices:\n"
	"          - {id: ci, label: Continuous integration, score: 1}\n"
	"          - {id: cd, label: Continuous deployment, score: 1}\n"
	"          - {id: iac, label: Infrastructure as code, score: 1}\n"
	"      - id: funding\n"
	"        text: How many months of runway?\n"
	"        help: h\n"
	"        when: stage == seed\n"
	"        choices:\n"
	"          - {id: short, label: Under six, score: 0}\n"
	"          - {id: long, label: Six or more, score: 1}\n"
	"      - id: size\n"
	"        text: How many engineers work on the product?\n"
	"        help: h\n"
	"        type: number\n"
	"        min: 0\n"
	"        max: 500\n"
	"        unit: people\n"
	"        dont_know: true\n"
	"        bands: [{min: 0, score: 0}, {min: 3, score: 1}]\n";

static struct questionnaire *q;

/* A screen writing into memory, and what it wrote. */
struct capture {
	struct screen screen;
	char *text;
	size_t len;
};

static void capture_begin(struct capture *c)
{
	FILE *out = open_memstream(&c->text, &c->len);

	assert_non_null(out);
	screen_init(&c->screen, out, 60, 0);
}

/* Closes the stream; c->text holds everything written. */
static const char *capture_end(struct capture *c)
{
	assert_int_equal(fclose(c->screen.out), 0);
	return c->text;
}

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

static struct answer *answer_of(struct answers *as, const char *id)
{
	return answers_get(as, questionnaire_question(q, id));
}

static void test_question(void **state)
{
	const struct question *tools = questionnaire_question(q, "tools");
	struct progress_position pos = { 3, 9, 41, 64 };
	struct answer ans;
	struct capture c;
	char ci[] = "ci", iac[] = "iac", note[] = "Checked by hand";
	char *ids[] = { ci, iac };

	(void)state;
	memset(&ans, 0, sizeof(ans));
	ans.kind = ANSWER_CHOICES;
	ans.choices = ids;
	ans.nchoices = 2;
	ans.note = note;
	capture_begin(&c);
	screen_question(&c.screen, tools, &ans, &pos);
	/*
	 * The hint: "  Type ... 1,3) or" ends at column 56, and " labels"
	 * would reach 63.  The current answer: "... Infrastructure as"
	 * ends at 59, " code" would reach 64.
	 */
	assert_string_equal(capture_end(&c),
		"\n"
		"Security 3/9 - question 41 of 64\n"
		"Which of these does the team use?\n"
		"  1. Continuous integration\n"
		"  2. Continuous deployment\n"
		"  3. Infrastructure as code\n"
		"  Type all that apply, separated by commas (e.g. 1,3) or\n"
		"  labels (Tab completes); 'none' for none.\n"
		"  Current answer: Continuous integration; Infrastructure as\n"
		"  code (Enter keeps it)\n"
		"  Note: Checked by hand\n");
	free(c.text);
}

static void test_number_question(void **state)
{
	const struct question *size = questionnaire_question(q, "size");
	struct progress_position pos = { 2, 2, 3, 3 };
	struct answer ans;
	struct capture c;

	(void)state;
	memset(&ans, 0, sizeof(ans));
	capture_begin(&c);
	screen_question(&c.screen, size, &ans, &pos);
	/* No choices, no current answer, no note; "dk" in the hint. */
	assert_string_equal(capture_end(&c),
		"\n"
		"Security 2/2 - question 3 of 3\n"
		"How many engineers work on the product?\n"
		"  Type a number from 0 to 500 (people); dk if you don't\n"
		"  know.\n");
	free(c.text);
}

/* Text from a questionnaire never reaches the terminal with its escapes. */
static void test_question_sanitised(void **state)
{
	struct question qn;
	struct area area;
	struct progress_position pos = { 1, 1, 1, 1 };
	struct answer ans;
	struct capture c;
	char title[] = "Area\033]52;c;AAAA\007", text[] = "Name\033[2J?";

	(void)state;
	memset(&qn, 0, sizeof(qn));
	memset(&area, 0, sizeof(area));
	memset(&ans, 0, sizeof(ans));
	area.title = title;
	qn.area = &area;
	qn.type = QTYPE_TEXT;
	qn.text = text;
	capture_begin(&c);
	screen_question(&c.screen, &qn, &ans, &pos);
	assert_string_equal(capture_end(&c),
		"\n"
		"Area]52;c;AAAA 1/1 - question 1 of 1\n"
		"Name[2J?\n"
		"  Type your answer on one line.\n");
	free(c.text);
}

static void test_help(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	screen_help(&c.screen, questionnaire_question(q, "tools"));
	/*
	 * "... 'back'" ends at column 60 exactly; "returns ... it" at 52
	 * (" unanswered," would reach 64); "... ('note" at 57 (" -1'"
	 * would reach 61); "... editor)," at 58 (" 'quit'" would reach 65).
	 */
	assert_string_equal(capture_end(&c),
		"  Automation keeps releases boring.\n"
		"  At any prompt: '?' or 'help' explains the question, 'back'\n"
		"  returns to the previous question, 'skip' leaves it\n"
		"  unanswered, 'note' attaches a note to the answer ('note\n"
		"  -1' to the previous one, 'note edit' opens your editor),\n"
		"  'quit' saves and leaves.\n");
	free(c.text);
}

/* The answers of test_review: stage idea, tools with a note, size dk. */
static void review_answers(struct answers *as, unsigned char *applies)
{
	struct answer *a;

	answers_init(as, q);
	a = answer_of(as, "stage");
	a->kind = ANSWER_CHOICE;
	a->choice = xstrdup("idea");
	a = answer_of(as, "tools");
	a->kind = ANSWER_CHOICES;
	a->choices = xcalloc(2, sizeof(char *));
	a->choices[a->nchoices++] = xstrdup("ci");
	a->choices[a->nchoices++] = xstrdup("iac");
	a->note = xstrdup("Checked by hand");
	answer_of(as, "size")->kind = ANSWER_DONT_KNOW;
	answers_applicability(as, applies);
}

static void test_review(void **state)
{
	struct screen_review r;
	struct answers as;
	struct capture c;
	unsigned char *applies = xmalloc(q->nquestions);

	(void)state;
	review_answers(&as, applies);
	capture_begin(&c);
	/* funding does not apply (stage is idea): three numbers. */
	screen_review_build(&r, &c.screen, &as, applies, 0);
	assert_int_equal(r.count, 3);
	assert_int_equal(r.npages, 1);
	screen_review_page(&c.screen, &r, 0);
	/*
	 * 60 columns, below 80: each answer whole under its question, after
	 * "-> " at column 7 (three numbers take one digit: "  NNN. " is 7).
	 * The answer and its note, 46 and 21 columns from column 10, fit.
	 */
	assert_string_equal(capture_end(&c),
		"\n"
		"Review your answers\n"
		"\n"
		"Company profile\n"
		"    1. What stage is the company at?\n"
		"       -> Idea or prototype\n"
		"\n"
		"Security\n"
		"    2. Which of these does the team use?\n"
		"       -> Continuous integration; Infrastructure as code\n"
		"          Note: Checked by hand\n"
		"    3. How many engineers work on the product?\n"
		"       -> Don't know\n");
	assert_int_equal(r.map[0], 0);
	assert_int_equal(r.map[1], 1);
	assert_int_equal(r.map[2], 3);
	free(c.text);
	screen_review_release(&r);
	free(applies);
	answers_release(&as);
}

/* Pages of at most six lines: an entry is never split, titles repeat. */
static void test_review_pages(void **state)
{
	struct screen_review r;
	struct answers as;
	struct capture c;
	unsigned char *applies = xmalloc(q->nquestions);

	(void)state;
	review_answers(&as, applies);
	capture_begin(&c);
	/*
	 * Entry 1 takes 2 lines and its area title 2: 4.  Entry 2 takes 3
	 * and a title 2: 4 + 5 > 6, a new page.  Entry 3 takes 2: 5 + 2 > 6,
	 * a third page, which repeats its area's title.
	 */
	screen_review_build(&r, &c.screen, &as, applies, 6);
	assert_int_equal(r.npages, 3);
	assert_int_equal(screen_review_page_of(&r, 1), 0);
	assert_int_equal(screen_review_page_of(&r, 2), 1);
	assert_int_equal(screen_review_page_of(&r, 3), 2);
	screen_review_page(&c.screen, &r, 2);
	assert_string_equal(capture_end(&c),
		"\n"
		"Review your answers (page 3 of 3)\n"
		"\n"
		"Security (continued)\n"
		"    3. How many engineers work on the product?\n"
		"       -> Don't know\n");
	free(c.text);
	screen_review_release(&r);
	free(applies);
	answers_release(&as);
}

static void test_welcome(void **state)
{
	struct screen_welcome w = { 0, 4, 0, "out/answers.json" };
	struct capture c;

	(void)state;
	capture_begin(&c);
	screen_welcome(&c.screen, q, &w);
	/*
	 * Three questions have no condition, four may be asked: a range.
	 * At 22 seconds each, 3 and 4 questions both round up to 2 minutes,
	 * said once.  "... roughly 2 minutes." ends at column 60 exactly.
	 */
	assert_string_equal(capture_end(&c),
		"\n"
		"Screens\n"
		"\n"
		"Between 3 and 4 questions, depending on your company (the\n"
		"first ones rule out what does not apply); roughly 2 minutes.\n"
		"Answers are saved as you go, in 'out/answers.json'.\n"
		"Pick a choice by its number or the start of its label (Tab\n"
		"completes). Enter keeps the answer shown as current.\n"
		"At any prompt: '?' or 'help' explains the question, 'back'\n"
		"returns to the previous question, 'skip' leaves it\n"
		"unanswered, 'note' attaches a note to the answer ('note -1'\n"
		"to the previous one, 'note edit' opens your editor), 'quit'\n"
		"saves and leaves.\n");
	free(c.text);
	w.answered = 2;
	w.resumed = 1;
	capture_begin(&c);
	screen_welcome(&c.screen, q, &w);
	assert_non_null(strstr(capture_end(&c),
		"\nWelcome back: 2 of about 4 questions are answered; you\n"
		"continue where you stopped. Answers are saved as you go, in\n"
		"'out/answers.json'.\n"));
	free(c.text);
}

/*
 * A question that allows "not applicable", built in C as the model holds it
 * (the loader reads the key on another branch): text, in area Security.
 */
struct na_question {
	struct question qn;
	struct area area;
	char id[16], text[40], title[16];
};

static void na_question_init(struct na_question *n)
{
	memset(n, 0, sizeof(*n));
	snprintf(n->id, sizeof(n->id), "cards");
	snprintf(n->text, sizeof(n->text), "Do you store card numbers?");
	snprintf(n->title, sizeof(n->title), "Security");
	n->area.title = n->title;
	n->qn.id = n->id;
	n->qn.text = n->text;
	n->qn.area = &n->area;
	n->qn.type = QTYPE_TEXT;
	n->qn.not_applicable = 1;
}

static void test_question_not_applicable(void **state)
{
	struct na_question n;
	struct progress_position pos = { 2, 5, 7, 20 };
	struct answer ans;
	struct capture c;
	char reason[] = "We use Stripe";

	(void)state;
	na_question_init(&n);
	memset(&ans, 0, sizeof(ans));
	ans.kind = ANSWER_NOT_APPLICABLE;
	ans.text = reason;
	capture_begin(&c);
	screen_question(&c.screen, &n.qn, &ans, &pos);
	/*
	 * The hint ends at column 58.  "... (Enter keeps" ends at 60, " it)"
	 * would reach 64.
	 */
	assert_string_equal(capture_end(&c),
		"\n"
		"Security 2/5 - question 7 of 20\n"
		"Do you store card numbers?\n"
		"  Type your answer on one line; 'na' if it does not apply.\n"
		"  Current answer: Not applicable: We use Stripe (Enter keeps\n"
		"  it)\n");
	free(c.text);
	/* Without a reason. */
	ans.text = NULL;
	capture_begin(&c);
	screen_question(&c.screen, &n.qn, &ans, &pos);
	assert_non_null(strstr(capture_end(&c),
		"\n  Current answer: Not applicable (Enter keeps it)\n"));
	free(c.text);
}

static void test_help_not_applicable(void **state)
{
	struct na_question n;
	struct capture c;

	(void)state;
	na_question_init(&n);
	capture_begin(&c);
	c.screen.width = 100;
	screen_help(&c.screen, &n.qn);
	/*
	 * 100 columns: "... the previous question," ends at 94 (" 'skip'"
	 * would reach 101); "... previous one," at 99 (" 'note'", 106);
	 * "... does not" at 100 exactly.
	 */
	assert_string_equal(capture_end(&c),
		"  There is no help text for this question.\n"
		"  At any prompt: '?' or 'help' explains the question, 'back' "
		"returns to the previous question,\n"
		"  'skip' leaves it unanswered, 'note' attaches a note to the "
		"answer ('note -1' to the previous one,\n"
		"  'note edit' opens your editor), 'quit' saves and leaves. "
		"'na' answers that the question does not\n"
		"  apply to you, with the reason if you like.\n");
	free(c.text);
}

static void test_reason(void **state)
{
	struct na_question n;
	struct capture c;
	char prompt[] = "Which card processor do you use instead?";

	(void)state;
	na_question_init(&n);
	capture_begin(&c);
	screen_reason(&c.screen, &n.qn);
	assert_string_equal(capture_end(&c),
		"  Why does this not apply? (optional, Enter to skip)\n");
	free(c.text);
	n.qn.not_applicable_prompt = prompt;
	capture_begin(&c);
	screen_reason(&c.screen, &n.qn);
	assert_string_equal(capture_end(&c),
		"  Which card processor do you use instead?\n");
	free(c.text);
}

static void test_review_not_applicable(void **state)
{
	struct screen_review r;
	struct answers as;
	struct capture c;
	unsigned char *applies = xmalloc(q->nquestions);
	struct answer *a;

	(void)state;
	answers_init(&as, q);
	a = answer_of(&as, "stage");
	a->kind = ANSWER_CHOICE;
	a->choice = xstrdup("seed");
	a = answer_of(&as, "size");
	a->kind = ANSWER_NOT_APPLICABLE;
	a->text = xstrdup("No engineers yet");
	answers_applicability(&as, applies);
	capture_begin(&c);
	c.screen.width = 100;
	/* stage is seed: funding applies, four numbers. */
	screen_review_build(&r, &c.screen, &as, applies, 0);
	assert_int_equal(r.count, 4);
	screen_review_page(&c.screen, &r, 0);
	/*
	 * 100 columns: two columns after "  NNN. " (7) and 2 between them:
	 * 91, 54 (91 * 3 / 5) for the question, 37 for the answer.  Texts
	 * of 29, 33, 26 and 39 columns are padded with 27, 23, 30 and 17
	 * spaces.
	 */
	assert_string_equal(capture_end(&c),
		"\n"
		"Review your answers\n"
		"\n"
		"Company profile\n"
		"    1. What stage is the company at?"
		"                           Seed\n"
		"\n"
		"Security\n"
		"    2. Which of these does the team use?"
		"                       Not answered\n"
		"    3. How many months of runway?"
		"                              Not answered\n"
		"    4. How many engineers work on the product?"
		"                 Not applicable: No engineers yet\n");
	free(c.text);
	screen_review_release(&r);
	free(applies);
	answers_release(&as);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_question),
		cmocka_unit_test(test_number_question),
		cmocka_unit_test(test_question_sanitised),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_review_pages),
		cmocka_unit_test(test_welcome),
		cmocka_unit_test(test_question_not_applicable),
		cmocka_unit_test(test_help_not_applicable),
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_review_not_applicable),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
