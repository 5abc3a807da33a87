/*
 * test_progress.c - the position shown above each question ("Security 3/9 -
 * question 41 of 64"), computed directly from a questionnaire and answers.
 *
 * The questionnaire below, in asking order (index: id, condition):
 *
 *   Profile   0: stage     single idea/seed
 *             1: name      text
 *   Security  2: mfa       yesno
 *             3: funding   single short/long    when stage == seed
 *             4: plan      yesno                when funding == short
 *             5: backups   scale 1-5
 *             6: audit     yesno                when mfa == yes
 *             7: hire      yesno                when funding != short
 *
 * A question counts unless its condition is already known to be false.  A
 * condition is unknown while it depends on a question that may still be
 * asked and has no answer yet (at or after the current one).  Every expected
 * figure is worked out in the comment above its assertion.
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
#include "util.h"
#include "unit_load.h"

static const char questionnaire_yaml[] =
	"id: progress\n"
	"title: Progress\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - id: stage\n"
	"        text: Stage?\n"
	"        choices:\n"
	"          - {id: idea, label: Idea}\n"
	"          - {id: seed, label: Seed}\n"
	"      - id: name\n"
	"        text: Name?\n"
	"        type: text\n"
	"  - id: security\n"
	"    title: Security\n"
	"    questions:\n"
	"      - {id: mfa, text: MFA?, help: h, type: yesno}\n"
	"      - id: funding\n"
	"        text: Funding?\n"
	"        help: h\n"
	"        when: stage == seed\n"
	"        choices:\n"
	"          - {id: short, label: Short, score: 0}\n"
	"          - {id: long, label: Long, score: 1}\n"
	"      - {id: plan, text: Plan?, help: h, type: yesno,\n"
	"         when: funding == short}\n"
	"      - {id: backups, text: Backups?, help: h, type: scale, min: 1,\n"
	"         max: 5}\n"
	"      - {id: audit, text: Audit?, help: h, type: yesno,\n"
	"         when: mfa == yes}\n"
	"      - {id: hire, text: Hire?, help: h, type: yesno,\n"
	"         when: funding != short}\n";

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

/* Answers question id with choice (single, yesno) in as. */
static void choose(struct answers *as, const char *id, const char *choice)
{
	struct answer *a = answers_get(as, questionnaire_question(q, id));

	answer_release(a);
	a->kind = ANSWER_CHOICE;
	a->choice = xstrdup(choice);
}

static void write_text(struct answers *as, const char *id, const char *text)
{
	struct answer *a = answers_get(as, questionnaire_question(q, id));

	answer_release(a);
	a->kind = ANSWER_TEXT;
	a->text = xstrdup(text);
}

static void assert_position(const struct answers *as, size_t current,
			    size_t in_area, size_t area_total, size_t overall,
			    size_t total)
{
	struct progress_position p = progress_estimate(as, current);

	assert_int_equal(p.in_area, in_area);
	assert_int_equal(p.area_total, area_total);
	assert_int_equal(p.overall, overall);
	assert_int_equal(p.total, total);
}

static void test_nothing_answered(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	/*
	 * At stage: funding, plan, audit and hire depend on questions not
	 * answered yet, so all 8 count; Profile has 2.
	 */
	assert_position(&as, 0, 1, 2, 1, 8);
	answers_release(&as);
}

static void test_profile_rules_out(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	choose(&as, "stage", "idea");
	/*
	 * At name: funding is out (stage is idea); plan is out (funding has
	 * no answer and never will: funding == short is false); hire holds
	 * (no funding answer != short); audit waits for mfa.  Counted:
	 * stage, name, mfa, backups, audit, hire = 6; name is 2nd of 2.
	 */
	assert_position(&as, 1, 2, 2, 2, 6);
	answers_release(&as);
}

static void test_open_questions_count(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	choose(&as, "stage", "seed");
	write_text(&as, "name", "Acme");
	/*
	 * At mfa: funding applies; plan and hire wait for funding, audit
	 * for mfa: all 8 count, 6 in Security, mfa 1st there and 3rd overall.
	 */
	assert_position(&as, 2, 1, 6, 3, 8);
	choose(&as, "mfa", "no");
	choose(&as, "funding", "long");
	/*
	 * At backups: plan out (funding long), audit out (mfa no), hire in.
	 * Counted: stage, name, mfa, funding, backups, hire = 6; Security
	 * has mfa, funding, backups, hire = 4; backups is 3rd there, 5th
	 * overall.
	 */
	assert_position(&as, 5, 3, 4, 5, 6);
	answers_release(&as);
}

static void test_nothing_being_asked(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	choose(&as, "stage", "seed");
	write_text(&as, "name", "Acme");
	choose(&as, "mfa", "yes");
	choose(&as, "funding", "short");
	/*
	 * Past the last question: plan and audit apply, hire does not
	 * (funding is short): 7 of 8, all of them behind; no area.
	 */
	assert_position(&as, q->nquestions, 0, 0, 7, 7);
	answers_release(&as);
}

/*
 * answers.h: a condition sees only the answers of questions that apply
 * themselves.  An answer kept from before the profile changed (funding,
 * answered while stage was seed) must not bring plan back, nor rule hire
 * out.
 */
static void test_stale_answer_ignored(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	choose(&as, "stage", "idea");
	write_text(&as, "name", "Acme");
	choose(&as, "mfa", "yes");
	choose(&as, "funding", "short");
	/*
	 * At backups: funding does not apply (stage idea), so plan sees no
	 * funding answer (out) and hire does (no answer != short: in);
	 * audit is in (mfa yes).  Counted: stage, name, mfa, backups, audit,
	 * hire = 6; Security: mfa, backups, audit, hire = 4; backups is
	 * 2nd there and 4th overall.  Reading funding's stale answer would
	 * count plan (before backups) instead of hire: 3/4 and 5 of 6.
	 */
	assert_position(&as, 5, 2, 4, 4, 6);
	answers_release(&as);
}

/*
 * While it is not known whether a question applies, neither is whether its
 * answer counts: a condition on it is unknown, and the question counts.
 */
static void test_answer_of_undecided_question(void **state)
{
	struct answers as;

	(void)state;
	answers_init(&as, q);
	choose(&as, "funding", "short");
	/*
	 * At stage, nothing else answered: funding may or may not apply,
	 * so plan and hire are both unknown and count, like funding and
	 * audit: all 8.  Taking funding's answer as given would rule hire
	 * out: 7.
	 */
	assert_position(&as, 0, 1, 2, 1, 8);
	answers_release(&as);
}

/* The tracker agrees with answers_applicability() and a fresh estimate. */
static void assert_tracker_agrees(struct progress *p, const struct answers *as)
{
	unsigned char applies[8];
	size_t i;

	answers_applicability(as, applies);
	for (i = 0; i < q->nquestions; i++)
		assert_int_equal(progress_applies(p, i), applies[i]);
	/* Positions out of order, so that the cursor moves both ways. */
	for (i = 0; i <= q->nquestions; i++) {
		size_t current = (i * 5) % (q->nquestions + 1);
		struct progress_position got = progress_at(p, current);
		struct progress_position want = progress_estimate(as, current);

		assert_int_equal(got.in_area, want.in_area);
		assert_int_equal(got.area_total, want.area_total);
		assert_int_equal(got.overall, want.overall);
		assert_int_equal(got.total, want.total);
	}
}

/* A change re-evaluates only the conditions that depend on it. */
static void test_tracker_cost(void **state)
{
	struct answers as;
	struct progress p;

	(void)state;
	answers_init(&as, q);
	progress_init(&p, &as);
	/* Four questions have a condition: each is evaluated once. */
	assert_int_equal(p.evaluations, 4);
	write_text(&as, "name", "Acme");
	progress_changed(&p, 1);
	/* No condition names name. */
	assert_int_equal(p.evaluations, 4);
	choose(&as, "stage", "idea");
	progress_changed(&p, 0);
	/* funding names stage; it changes, so plan and hire follow. */
	assert_int_equal(p.evaluations, 7);
	choose(&as, "mfa", "no");
	progress_changed(&p, 2);
	/* audit names mfa, and nothing names audit. */
	assert_int_equal(p.evaluations, 8);
	choose(&as, "backups", "3");
	progress_changed(&p, 5);
	assert_int_equal(p.evaluations, 8);
	assert_tracker_agrees(&p, &as);
	progress_release(&p);
	answers_release(&as);
}

/*
 * Many changes in a deterministic pseudo-random order: after each, the
 * tracker must agree with a computation from scratch.
 */
static void test_tracker_follows_changes(void **state)
{
	static const char *const values[] = { "idea", "seed", "short", "long",
					      "yes", "no" };
	struct answers as;
	struct progress p;
	unsigned seed = 12345;
	int step;

	(void)state;
	answers_init(&as, q);
	progress_init(&p, &as);
	for (step = 0; step < 400; step++) {
		size_t i;
		struct answer *a;

		seed = seed * 1103515245u + 12345u;
		i = (seed >> 16) % q->nquestions;
		a = answers_get(&as, q->questions[i]);
		answer_release(a);
		/* None, skipped, or a value (valid for its question or not:
		 * a condition must cope with either). */
		switch ((seed >> 8) % 4) {
		case 0:
			break;
		case 1:
			a->kind = ANSWER_SKIPPED;
			break;
		default:
			a->kind = ANSWER_CHOICE;
			a->choice = xstrdup(values[(seed >> 4) % 6]);
		}
		progress_changed(&p, i);
		assert_tracker_agrees(&p, &as);
	}
	progress_release(&p);
	answers_release(&as);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_answered),
		cmocka_unit_test(test_profile_rules_out),
		cmocka_unit_test(test_open_questions_count),
		cmocka_unit_test(test_nothing_being_asked),
		cmocka_unit_test(test_stale_answer_ignored),
		cmocka_unit_test(test_answer_of_undecided_question),
		cmocka_unit_test(test_tracker_cost),
		cmocka_unit_test(test_tracker_follows_changes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
