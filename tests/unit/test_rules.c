/*
 * test_rules.c - `rules:`: the first rule that holds for a question's own
 * answer gives its score and risk; the advice stays the answer's; when no
 * rule holds the answer is scored as without rules; an unknown takes the
 * worst a rule (and, unless the rules cover every answer, a choice) gives.
 * Every expected number is worked out by hand in the comments.
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

#include "answers.h"
#include "diag.h"
#include "fileio.h"
#include "loader.h"
#include "score.h"
#include "util.h"

/*
 * deploy: an AWS lens's question, its rules covering every answer (choices
 * without scores); backups: one rule over a scored single question, which
 * otherwise falls through to the choices; oncall: a rule over a number,
 * bands for the rest.  Weights 2, 1, 1.
 */
static const char rules_yaml[] =
	"id: rules\n"
	"title: Rules\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: ops\n"
	"    title: Operations\n"
	"    questions:\n"
	"      - id: deploy\n"
	"        text: How do you deploy?\n"
	"        help: Why.\n"
	"        type: multi\n"
	"        weight: 2\n"
	"        choices:\n"
	"          - {id: pipeline, label: A pipeline, advice: Build a pipeline.}\n"
	"          - {id: small, label: Small changes, advice: Ship smaller.}\n"
	"          - {id: rollback, label: Rollback, advice: Roll back.}\n"
	"          - {id: none, label: None of these, exclusive: true,\n"
	"             advice: Start with a pipeline.}\n"
	"        rules:\n"
	"          - when: deploy includes pipeline and deploy includes small\n"
	"              and deploy includes rollback\n"
	"            risk: none\n"
	"          - when: not deploy includes pipeline or deploy includes none\n"
	"            risk: high\n"
	"            score: 0\n"
	"          - {when: true, risk: medium, score: 0.5}\n"
	"      - id: backups\n"
	"        text: How often are backups tested?\n"
	"        help: Why.\n"
	"        choices:\n"
	"          - {id: never, label: Never, score: 0, advice: Test one.}\n"
	"          - {id: yearly, label: Yearly, score: 0.5,\n"
	"             advice: Test quarterly.}\n"
	"          - {id: quarterly, label: Quarterly, score: 1}\n"
	"        rules:\n"
	"          - {when: backups == yearly, risk: critical, score: 0.25}\n"
	"      - id: oncall\n"
	"        text: How many people are on call?\n"
	"        help: Why.\n"
	"        type: number\n"
	"        advice: Share the pager.\n"
	"        bands:\n"
	"          - {min: 0, score: 0}\n"
	"          - {min: 2, score: 1}\n"
	"        rules:\n"
	"          - {when: oncall >= 10, score: 0.6}\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
	struct answers a;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT;

	strcpy(f->dir, "/tmp/test_rules.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	buf_addf(&path, "%s/rules.yaml", f->dir);
	if (file_write_atomic(path.data, rules_yaml, strlen(rules_yaml), 0,
			      &err) < 0)
		return -1;
	f->q = questionnaire_load(path.data, &diags);
	diag_print(&diags, stderr);
	/* It validates with --strict: not even a warning. */
	if (diags.warnings)
		return -1;
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	if (!f->q)
		return -1;
	answers_init(&f->a, f->q);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf path = BUF_INIT;

	answers_release(&f->a);
	questionnaire_free(f->q);
	buf_addf(&path, "%s/rules.yaml", f->dir);
	unlink(path.data);
	rmdir(f->dir);
	buf_release(&path);
	free(f);
	return 0;
}

static struct answer *answer(struct fixture *f, const char *id)
{
	struct answer *a = answers_get(&f->a, questionnaire_question(f->q, id));

	answer_release(a);
	memset(a, 0, sizeof(*a));
	return a;
}

static void tick(struct fixture *f, const char *id, const char *const *ids,
		 size_t n)
{
	struct answer *a = answer(f, id);
	size_t i;

	a->kind = ANSWER_CHOICES;
	a->choices = xcalloc(n + 1, sizeof(*a->choices));
	for (i = 0; i < n; i++)
		a->choices[i] = xstrdup(ids[i]);
	a->nchoices = n;
}

static void choose(struct fixture *f, const char *id, const char *choice)
{
	struct answer *a = answer(f, id);

	a->kind = ANSWER_CHOICE;
	a->choice = xstrdup(choice);
}

static void number(struct fixture *f, const char *id, double value)
{
	struct answer *a = answer(f, id);

	a->kind = ANSWER_NUMBER;
	a->number = value;
}

static const struct question_score *qs_of(const struct score_result *r,
					  const char *id)
{
	size_t i;

	for (i = 0; i < r->nquestions; i++)
		if (!strcmp(r->questions[i].question->id, id))
			return &r->questions[i];
	fail_msg("no question %s", id);
	return NULL;
}

static void test_loaded(void **state)
{
	struct fixture *f = *state;
	const struct question *deploy = questionnaire_question(f->q, "deploy");
	const struct question *backups = questionnaire_question(f->q,
								"backups");

	assert_int_equal(deploy->nrules, 3);
	assert_true(deploy->rules_cover);   /* last rule: when: true */
	assert_true(deploy->scored);
	assert_int_equal(deploy->rules[0].risk, RISK_UNSET); /* none */
	assert_true(deploy->rules[0].score == 1);
	assert_int_equal(deploy->rules[1].risk, RISK_HIGH);
	assert_false(backups->rules_cover);
}

/*
 * deploy [pipeline, small]: rule 1 needs rollback; rule 2 needs pipeline
 * missing or none ticked; rule 3 holds: s = 0.5, medium (the rule's).  The
 * advice is the one box not ticked: rollback's.
 * backups yearly: the rule holds: s = 0.25, critical; the choice's advice.
 * oncall 3: 3 >= 10 fails, so the band from 2: s = 1, no finding.
 * Area: (2 x 0.5 + 1 x 0.25 + 1 x 1) / 4 = 0.5625, 56.3 (rounded up).
 */
static void test_first_rule(void **state)
{
	struct fixture *f = *state;
	static const char *const ticked[] = { "pipeline", "small" };
	struct score_result r;
	const struct question_score *qs;

	tick(f, "deploy", ticked, 2);
	choose(f, "backups", "yearly");
	number(f, "oncall", 3);
	score_compute(&r, f->q, &f->a);
	qs = qs_of(&r, "deploy");
	assert_true(qs->score == 0.5);
	assert_int_equal(qs->risk, RISK_MEDIUM);
	assert_true(qs->risk_explicit);
	assert_string_equal(qs->advice, "Roll back.");
	qs = qs_of(&r, "backups");
	assert_true(qs->score == 0.25);
	assert_int_equal(qs->risk, RISK_CRITICAL);
	assert_string_equal(qs->advice, "Test quarterly.");
	qs = qs_of(&r, "oncall");
	assert_true(qs->score == 1);
	assert_int_equal(r.areas[0].score * 10, 563);
	assert_int_equal(r.nfindings, 2);
	score_release(&r);
}

/*
 * deploy [none]: rule 2 holds (none ticked): s = 0, high; the ticked
 * exclusive choice speaks: "Start with a pipeline.".
 * backups never: no rule holds, so the choice: 0 / 1 = 0, and the risk
 * derived from it: below 0.34, high (weight 1: not raised); "Test one.".
 * oncall 12: 12 >= 10: s = 0.6 and no risk set, so derived: below 0.67,
 * medium; the band from 2 has no advice: the question's.
 * Area: (2 x 0 + 1 x 0 + 1 x 0.6) / 4 = 0.15, 15.0.
 */
static void test_fall_through(void **state)
{
	struct fixture *f = *state;
	static const char *const ticked[] = { "none" };
	struct score_result r;
	const struct question_score *qs;

	tick(f, "deploy", ticked, 1);
	choose(f, "backups", "never");
	number(f, "oncall", 12);
	score_compute(&r, f->q, &f->a);
	qs = qs_of(&r, "deploy");
	assert_true(qs->score == 0);
	assert_int_equal(qs->risk, RISK_HIGH);
	assert_string_equal(qs->advice, "Start with a pipeline.");
	qs = qs_of(&r, "backups");
	assert_true(qs->score == 0);
	assert_int_equal(qs->risk, RISK_HIGH);
	assert_false(qs->risk_explicit);
	assert_string_equal(qs->advice, "Test one.");
	qs = qs_of(&r, "oncall");
	assert_true(qs->score == 0.6);
	assert_int_equal(qs->risk, RISK_MEDIUM);
	assert_false(qs->risk_explicit);
	assert_string_equal(qs->advice, "Share the pager.");
	assert_int_equal(r.areas[0].score * 10, 150);
	score_release(&r);
}

/*
 * Every box ticked: rule 1, risk none, s = 1: a strength.  Unknowns take
 * the worst: deploy, high (rule 2; the rules cover every answer, so the
 * choices are not asked); backups, critical (its rule, set); oncall, high
 * (derived from the band scoring 0; its rule gives medium).
 */
static void test_strength_and_unknowns(void **state)
{
	struct fixture *f = *state;
	static const char *const all[] = { "pipeline", "small", "rollback" };
	struct score_result r;
	const struct question_score *qs;
	int is_explicit;

	tick(f, "deploy", all, 3);
	answer(f, "backups")->kind = ANSWER_SKIPPED;
	answer(f, "oncall")->kind = ANSWER_DONT_KNOW;
	score_compute(&r, f->q, &f->a);
	qs = qs_of(&r, "deploy");
	assert_true(qs->score == 1);
	assert_int_equal(r.nstrengths, 1);
	assert_int_equal(qs_of(&r, "backups")->risk, RISK_CRITICAL);
	assert_int_equal(qs_of(&r, "oncall")->risk, RISK_HIGH);
	score_release(&r);
	answer(f, "deploy")->kind = ANSWER_SKIPPED;
	assert_int_equal(score_answer_risk(questionnaire_question(f->q,
				"deploy"), answers_get(&f->a,
				questionnaire_question(f->q, "deploy")),
				&is_explicit), RISK_HIGH);
	assert_true(is_explicit);
}

/* What the content hash covers: a rule's condition and score. */
static void test_hash(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT, text = BUF_INIT;
	struct questionnaire *other;
	char *at;

	buf_adds(&text, rules_yaml);
	at = strstr(text.data, "score: 0.25");
	at[strlen("score: 0.2")] = '4';
	buf_addf(&path, "%s/rules.yaml", f->dir);
	assert_int_equal(file_write_atomic(path.data, text.data, text.len,
					   FILE_WRITE_FORCE, &err), 0);
	other = questionnaire_load(path.data, &diags);
	assert_non_null(other);
	assert_string_not_equal(other->hash, f->q->hash);
	questionnaire_free(other);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_rule, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_fall_through, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_strength_and_unknowns,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_hash, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
