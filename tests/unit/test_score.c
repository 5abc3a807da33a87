/*
 * test_score.c - the scoring method: question scores of every type, area
 * and overall scores, targets, findings (risk, effort, priority, order,
 * horizon), strengths and unknowns, on small questionnaires whose expected
 * values are worked out by hand in the comments.
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
#include "render.h"
#include "score.h"
#include "util.h"

static const char types_yaml[] =
	"id: types\n"
	"title: Types\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: t\n"
	"    title: T\n"
	"    questions:\n"
	"      - id: single2\n"
	"        text: Single?\n"
	"        help: Why.\n"
	"        choices:\n"
	"          - {id: x, label: X, score: 0}\n"
	"          - {id: y, label: Y, score: 1}\n"
	"          - {id: z, label: Z, score: 2}\n"
	"      - id: multi\n"
	"        text: Multi?\n"
	"        help: Why.\n"
	"        type: multi\n"
	"        full_score: 2\n"
	"        choices:\n"
	"          - {id: a, label: A, score: 1}\n"
	"          - {id: b, label: B, score: 1}\n"
	"          - {id: c, label: C, score: 1}\n"
	"      - id: multi_default\n"
	"        text: Multi default?\n"
	"        help: Why.\n"
	"        type: multi\n"
	"        choices:\n"
	"          - {id: a, label: A, score: 1}\n"
	"          - {id: b, label: B, score: 2}\n"
	"          - {id: c, label: C, score: 0}\n"
	"      - id: yes\n"
	"        text: Yes?\n"
	"        help: Why.\n"
	"        type: yesno\n"
	"      - id: scale\n"
	"        text: Scale?\n"
	"        help: Why.\n"
	"        type: scale\n"
	"        min: 1\n"
	"        max: 5\n"
	"      - id: scaleb\n"
	"        text: Scale with bands?\n"
	"        help: Why.\n"
	"        type: scale\n"
	"        min: 0\n"
	"        max: 10\n"
	"        bands:\n"
	"          - {min: 0, score: 0}\n"
	"          - {min: 5, score: 0.6}\n"
	"          - {min: 9, score: 1}\n"
	"      - id: num\n"
	"        text: Number?\n"
	"        help: Why.\n"
	"        type: number\n"
	"        bands:\n"
	"          - {min: 1, score: 0.2, label: few}\n"
	"          - {min: 10, score: 1, label: many}\n"
	"      - id: txt\n"
	"        text: Text?\n"
	"        type: text\n";

/*
 * The plan questionnaire.  With stage seed and the answers of
 * plan_answers():
 *   ops  = 100 * (2*0 + 2*0 + 2*0 + 1*0.5 + 1*1) / 8 = 18.75 -> 18.8,
 *          target 90 (71.2 below); coverage 8/8 = 1
 *   docs = 100 * (5*0.5 + 1*0.7 + 1*0 + 2*0 + 1*0) / 10 = 32.0,
 *          target 0 (met); coverage (5 + 1 + 1) / 10 = 0.70 (j, k unknown)
 *   overall = (2*18.8 + 1*32.0) / 3 = 23.2, target (2*90 + 0) / 3 = 60.0,
 *          coverage (2*1 + 1*0.7) / 3 = 0.90
 * Findings: risk; impact = w_q * w_a * ((1 - s) + max(0, t - s)), t = 0.9
 * in ops (weight 2) and 0 in docs (weight 1); effort:
 *   a  high (derived, s = 0)        2*2*(1 + 0.9)   = 7.6   high
 *   b  high                         7.6                     low
 *   c  high                         7.6                     low
 *   d  critical (explicit)          1*2*(0.5 + 0.4) = 1.8   medium
 *   f  medium raised to high (w 5)  5*1*0.5         = 2.5   medium
 *   g  low (s = 0.7)                1*1*0.3         = 0.3   high
 *   h  critical (explicit)          1*1*1           = 1     medium
 *   j  skipped: the worst answer, lo (s = 0), is high   2   medium
 *   k  unanswered: likewise high    1*1*1           = 1     low
 * Order: critical d (1.8), h (1); high b, c (7.6, low effort, questionnaire
 * order), a (7.6, high effort), f (2.5), j (2), k (1); low g.
 * No advice is shared, so each finding is one action.  No team size: a
 * small team's capacity, 5 now and 12 next.  d h b c a fill now; f j k,
 * high, find now full and go next (3 moved); g, low, is later.
 * Risks open: 2 critical, 6 high, 1 low; ops holds 1 critical and 3 high.
 */
static const char plan_yaml[] =
	"id: plan\n"
	"title: Plan\n"
	"version: \"1\"\n"
	"stage_question: stage\n"
	"name_question: name\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - {id: name, text: Name?, type: text}\n"
	"      - id: stage\n"
	"        text: Stage?\n"
	"        choices:\n"
	"          - {id: idea, label: Idea}\n"
	"          - {id: seed, label: Seed stage}\n"
	"  - id: ops\n"
	"    title: Ops\n"
	"    weight: 2\n"
	"    targets: {idea: 10, seed: 90}\n"
	"    questions:\n"
	"      - {id: a, text: A?, help: H, weight: 2, effort: high, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: b, text: B?, help: H, weight: 2, effort: low, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: c, text: C?, help: H, weight: 2, effort: low, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: d, text: D?, help: H, weight: 1, advice: Do D, choices: [{id: lo, label: Lo, score: 0}, {id: mid, label: Mid, score: 0.5, risk: critical, advice: Fix D now}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: e, text: E?, help: H, weight: 1, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"  - id: docs\n"
	"    title: Docs\n"
	"    targets: {idea: 0, seed: 0}\n"
	"    questions:\n"
	"      - {id: f, text: F?, help: H, weight: 5, advice: Do F, choices: [{id: lo, label: Lo, score: 0}, {id: mid, label: Mid, score: 0.5}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: g, text: G?, help: H, weight: 1, choices: [{id: lo, label: Lo, score: 0}, {id: mid, label: Mid, score: 0.7, effort: high}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: h, text: H?, help: H, weight: 1, choices: [{id: lo, label: Lo, score: 0, risk: critical}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: i, text: I?, help: H, weight: 3, when: stage == idea, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: j, text: J?, help: H, weight: 2, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: k, text: K?, help: H, weight: 1, effort: low, choices: [{id: lo, label: Lo, score: 0}, {id: hi, label: Hi, score: 1}]}\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
	struct answers a;
};

static struct questionnaire *load_yaml(struct fixture *f, const char *name,
				       const char *text)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT;
	struct questionnaire *q;

	buf_addf(&path, "%s/%s", f->dir, name);
	assert_int_equal(file_write_atomic(path.data, text, strlen(text),
					   FILE_WRITE_FORCE, &err), 0);
	q = questionnaire_load(path.data, &diags);
	if (!q)
		diag_print(&diags, stderr);
	assert_non_null(q);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	return q;
}

static int setup_dir(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strcpy(f->dir, "/tmp/test_score.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;

	if (f->q) {
		answers_release(&f->a);
		questionnaire_free(f->q);
	}
	buf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.data) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	buf_release(&cmd);
	free(f);
	return 0;
}

/* Sets the answer to question id (the value is parsed from spec). */
static void set_choice(struct fixture *f, const char *id, const char *choice)
{
	const struct question *qn = questionnaire_question(f->q, id);
	struct answer *ans;

	assert_non_null(qn);
	ans = answers_get(&f->a, qn);
	answer_clear_value(ans);
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup(choice);
}

static void set_kind(struct fixture *f, const char *id, enum answer_kind kind)
{
	struct answer *ans = answers_get(&f->a, questionnaire_question(f->q, id));

	answer_clear_value(ans);
	ans->kind = kind;
}

static void set_number(struct fixture *f, const char *id, double v)
{
	struct answer *ans = answers_get(&f->a, questionnaire_question(f->q, id));

	answer_clear_value(ans);
	ans->kind = ANSWER_NUMBER;
	ans->number = v;
}

static void set_choices(struct fixture *f, const char *id, size_t n, ...)
{
	struct answer *ans = answers_get(&f->a, questionnaire_question(f->q, id));
	va_list ap;
	size_t i;

	answer_clear_value(ans);
	ans->kind = ANSWER_CHOICES;
	ans->choices = xcalloc(n ? n : 1, sizeof(*ans->choices));
	va_start(ap, n);
	for (i = 0; i < n; i++)
		ans->choices[i] = xstrdup(va_arg(ap, const char *));
	va_end(ap);
	ans->nchoices = n;
}

static double qscore(struct fixture *f, const char *id)
{
	const struct question *qn = questionnaire_question(f->q, id);

	return score_question(qn, answers_get_const(&f->a, qn));
}

static void test_question_scores(void **state)
{
	struct fixture *f = *state;

	f->q = load_yaml(f, "types.yaml", types_yaml);
	answers_init(&f->a, f->q);
	set_choice(f, "single2", "y");
	assert_float_equal(qscore(f, "single2"), 0.5, 1e-12);
	set_choice(f, "single2", "z");
	assert_float_equal(qscore(f, "single2"), 1, 1e-12);
	set_choices(f, "multi", 1, "a");
	assert_float_equal(qscore(f, "multi"), 0.5, 1e-12);
	set_choices(f, "multi", 3, "a", "b", "c");
	assert_float_equal(qscore(f, "multi"), 1, 1e-12); /* capped */
	set_choices(f, "multi", 0);
	assert_float_equal(qscore(f, "multi"), 0, 1e-12);
	/* Default full score: the sum of the positive scores, 3. */
	set_choices(f, "multi_default", 1, "b");
	assert_float_equal(qscore(f, "multi_default"), 2.0 / 3, 1e-12);
	set_choice(f, "yes", "yes");
	assert_float_equal(qscore(f, "yes"), 1, 1e-12);
	set_choice(f, "yes", "no");
	assert_float_equal(qscore(f, "yes"), 0, 1e-12);
	set_number(f, "scale", 4);
	assert_float_equal(qscore(f, "scale"), 0.75, 1e-12);
	set_number(f, "scale", 1);
	assert_float_equal(qscore(f, "scale"), 0, 1e-12);
	set_number(f, "scaleb", 7);
	assert_float_equal(qscore(f, "scaleb"), 0.6, 1e-12);
	set_number(f, "scaleb", 9);
	assert_float_equal(qscore(f, "scaleb"), 1, 1e-12);
	set_number(f, "num", 0); /* below the first band: the first band's */
	assert_float_equal(qscore(f, "num"), 0.2, 1e-12);
	set_number(f, "num", 9.99);
	assert_float_equal(qscore(f, "num"), 0.2, 1e-12);
	set_number(f, "num", 10);
	assert_float_equal(qscore(f, "num"), 1, 1e-12);
	set_kind(f, "num", ANSWER_SKIPPED);
	assert_float_equal(qscore(f, "num"), 0, 1e-12);
	set_kind(f, "yes", ANSWER_DONT_KNOW);
	assert_float_equal(qscore(f, "yes"), 0, 1e-12);
}

static void test_describe_answer(void **state)
{
	struct fixture *f = *state;
	struct buf b = BUF_INIT;
	const struct question *num;

	f->q = load_yaml(f, "types.yaml", types_yaml);
	answers_init(&f->a, f->q);
	num = questionnaire_question(f->q, "num");
	set_number(f, "num", 12);
	answer_describe(&b, num, answers_get_const(&f->a, num));
	assert_string_equal(b.data, "12: many");
	buf_reset(&b);
	set_choices(f, "multi", 2, "a", "c");
	answer_describe(&b, questionnaire_question(f->q, "multi"),
			      answers_find(&f->a, "multi"));
	assert_string_equal(b.data, "A; C");
	buf_reset(&b);
	set_kind(f, "yes", ANSWER_DONT_KNOW);
	answer_describe(&b, questionnaire_question(f->q, "yes"),
			      answers_find(&f->a, "yes"));
	assert_string_equal(b.data, "Don't know");
	buf_reset(&b);
	buf_add_number(&b, 2.5);
	buf_addc(&b, ' ');
	buf_add_number(&b, 1e20);
	assert_string_equal(b.data, "2.5 1e+20");
	buf_release(&b);
}

static void set_text(struct fixture *f, const char *id, const char *text)
{
	struct answer *ans = answers_get(&f->a, questionnaire_question(f->q, id));

	answer_clear_value(ans);
	ans->kind = ANSWER_TEXT;
	ans->text = xstrdup(text);
}

static void plan_answers(struct fixture *f)
{
	f->q = load_yaml(f, "plan.yaml", plan_yaml);
	answers_init(&f->a, f->q);
	set_text(f, "name", "Plan Co");
	set_choice(f, "stage", "seed");
	set_choice(f, "a", "lo");
	set_choice(f, "b", "lo");
	set_choice(f, "c", "lo");
	set_choice(f, "d", "mid");
	set_choice(f, "e", "hi");
	set_choice(f, "f", "mid");
	set_choice(f, "g", "mid");
	set_choice(f, "h", "lo");
	set_choice(f, "i", "lo"); /* answered, but its condition is false */
	set_kind(f, "j", ANSWER_SKIPPED);
	/* k is not answered */
}

static void test_area_and_overall(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	const struct area_score *ops, *docs;

	plan_answers(f);
	score_compute(&r, f->q, &f->a);
	assert_string_equal(r.stage, "seed");
	assert_string_equal(r.stage_label, "Seed stage");
	assert_string_equal(r.company, "Plan Co");
	ops = score_area(&r, questionnaire_area(f->q, "ops"));
	docs = score_area(&r, questionnaire_area(f->q, "docs"));
	assert_false(score_area(&r, questionnaire_area(f->q, "profile"))
		     ->has_score);
	assert_true(ops->has_score);
	assert_float_equal(ops->score, 18.8, 1e-9);
	assert_true(ops->has_target);
	assert_float_equal(ops->target, 90, 1e-9);
	assert_float_equal(ops->gap, 71.2, 1e-9);
	assert_float_equal(ops->coverage, 1, 1e-9);
	assert_float_equal(docs->score, 32.0, 1e-9);
	assert_float_equal(docs->gap, 0, 1e-9);
	assert_float_equal(docs->coverage, 0.7, 1e-9);
	assert_true(docs->enough_information);
	assert_int_equal(docs->ncounted, 5); /* i does not apply */
	assert_int_equal(docs->nunknown, 2); /* j skipped, k unanswered */
	assert_true(r.has_score);
	assert_float_equal(r.score, 23.2, 1e-9);
	assert_float_equal(r.target, 60.0, 1e-9);
	assert_float_equal(r.gap, 36.8, 1e-9);
	assert_float_equal(r.coverage, 0.9, 1e-9);
	assert_int_equal(r.nbelow_target, 1);
	/* The default levels: 23.2 is in the first band. */
	assert_non_null(r.level);
	assert_float_equal(r.level->min, 0, 1e-9);
	assert_int_equal(r.nunanswered, 1);
	assert_int_equal(r.nunknowns, 2);
	assert_string_equal(r.unknowns[0]->question->id, "j");
	assert_int_equal(r.unknowns[0]->status, STATUS_SKIPPED);
	assert_string_equal(r.unknowns[1]->question->id, "k");
	assert_int_equal(r.unknowns[1]->status, STATUS_UNANSWERED);
	assert_int_equal(r.nstrengths, 1);
	assert_string_equal(r.strengths[0]->question->id, "e");
	assert_int_equal(r.questions[questionnaire_question(f->q, "i")->index]
			 .status, STATUS_RULED_OUT);
	score_release(&r);
}

static void test_findings_order_and_horizons(void **state)
{
	static const struct {
		const char *id;
		double impact;
		enum risk risk;
		enum effort effort;
		enum horizon horizon;
	} expected[] = {
		{ "d", 1.8, RISK_CRITICAL, EFFORT_MEDIUM, HORIZON_NOW },
		{ "h", 1, RISK_CRITICAL, EFFORT_MEDIUM, HORIZON_NOW },
		{ "b", 7.6, RISK_HIGH, EFFORT_LOW, HORIZON_NOW },
		{ "c", 7.6, RISK_HIGH, EFFORT_LOW, HORIZON_NOW },
		{ "a", 7.6, RISK_HIGH, EFFORT_HIGH, HORIZON_NOW },
		{ "f", 2.5, RISK_HIGH, EFFORT_MEDIUM, HORIZON_NEXT },
		{ "j", 2, RISK_HIGH, EFFORT_MEDIUM, HORIZON_NEXT },
		{ "k", 1, RISK_HIGH, EFFORT_LOW, HORIZON_NEXT },
		{ "g", 0.3, RISK_LOW, EFFORT_HIGH, HORIZON_LATER },
	};
	struct fixture *f = *state;
	struct score_result r;
	const struct area_score *ops;
	size_t i;

	plan_answers(f);
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, ARRAY_SIZE(expected));
	assert_int_equal(r.plan.nactions, ARRAY_SIZE(expected));
	for (i = 0; i < r.nfindings; i++) {
		const struct finding *fd = &r.findings[i];

		assert_string_equal(fd->qs->question->id, expected[i].id);
		assert_int_equal(fd->rank, i + 1);
		assert_int_equal(fd->action->rank, i + 1);
		assert_float_equal(fd->impact, expected[i].impact, 1e-9);
		assert_int_equal(fd->qs->risk, expected[i].risk);
		assert_int_equal(fd->qs->effort, expected[i].effort);
		assert_int_equal(fd->horizon, expected[i].horizon);
		assert_int_equal(r.plan.actions[i].horizon,
				 expected[i].horizon);
		/* Moved: high findings that found now full. */
		assert_int_equal(r.plan.actions[i].moved, i >= 5 && i <= 7);
	}
	/* The choice's advice wins over the question's; else the question's. */
	assert_string_equal(r.findings[0].qs->advice, "Fix D now");
	assert_true(r.findings[0].qs->risk_explicit);
	assert_string_equal(r.findings[5].qs->advice, "Do F");
	assert_false(r.findings[5].qs->risk_explicit);
	/* An unknown's risk comes from the worst answer, derived here. */
	assert_true(r.findings[6].qs->unknown);
	assert_false(r.findings[6].qs->risk_explicit);
	assert_int_equal(r.plan.capacity[HORIZON_NOW], 5);
	assert_int_equal(r.plan.capacity[HORIZON_NEXT], 12);
	assert_false(r.plan.has_team_size);
	assert_int_equal(r.plan.moved[HORIZON_NEXT][RISK_HIGH], 3);
	assert_int_equal(r.nrisks[RISK_CRITICAL], 2);
	assert_int_equal(r.nrisks[RISK_HIGH], 6);
	assert_int_equal(r.nrisks[RISK_MEDIUM], 0);
	assert_int_equal(r.nrisks[RISK_LOW], 1);
	ops = score_area(&r, questionnaire_area(f->q, "ops"));
	assert_int_equal(ops->nrisks[RISK_CRITICAL], 1);
	assert_int_equal(ops->nrisks[RISK_HIGH], 3);
	score_release(&r);
}

/* Without a stage there are no targets: impact is w_q * w_a * (1 - s). */
static void test_no_stage(void **state)
{
	struct fixture *f = *state;
	struct score_result r;

	plan_answers(f);
	set_kind(f, "stage", ANSWER_SKIPPED);
	score_compute(&r, f->q, &f->a);
	assert_null(r.stage);
	assert_false(r.has_target);
	assert_false(score_area(&r, questionnaire_area(f->q, "ops"))
		     ->has_target);
	/* i's condition (stage == idea) is false without a stage. */
	assert_int_equal(r.nfindings, 9);
	/* d: 1*2*0.5 = 1 and h: 1*1*1 = 1, both medium effort: questionnaire
	 * order; then b: 2*2*1 = 4. */
	assert_string_equal(r.findings[0].qs->question->id, "d");
	assert_float_equal(r.findings[0].impact, 1, 1e-9);
	assert_string_equal(r.findings[1].qs->question->id, "h");
	assert_string_equal(r.findings[2].qs->question->id, "b");
	assert_float_equal(r.findings[2].impact, 4, 1e-9);
	/* The skipped stage is an unknown too (unscored). */
	assert_int_equal(r.nunknowns, 3);
	assert_false(r.unknowns[0]->counts);
	score_release(&r);
}

/*
 * The headline says, in words, the score, the open critical and high risks,
 * the areas below target and the unknowns (the numbers worked out above
 * the plan questionnaire).
 */
static void test_headline(void **state)
{
	struct fixture *f = *state;
	struct report rep;
	struct buf text = BUF_INIT;

	plan_answers(f);
	report_init(&rep, f->q, &f->a);
	render_headline(&text, &rep);
	assert_string_equal(text.data,
		"Overall 23.2 / 100, Initial; target 60.0, 36.8 below. "
		"Open risks to act on first: 2 critical and 6 high; also "
		"1 low. Below the target for this stage: Ops (71.2 below). "
		"2 questions are unanswered or \"don't know\": each counts as "
		"a risk until someone finds out.");
	buf_reset(&text);
	render_capacity_note(&text, &rep.score.plan, HORIZON_NEXT);
	assert_string_equal(text.data, "3 high-risk actions are scheduled "
			    "next because a small team can take on about 5 "
			    "at once.");
	buf_reset(&text);
	render_capacity_note(&text, &rep.score.plan, HORIZON_LATER);
	assert_string_equal(text.data, "");
	report_release(&rep);
	buf_release(&text);
}

/* When every answer is at its best there are no findings. */
static void test_all_best(void **state)
{
	static const char *const ids[] = { "a", "b", "c", "d", "e", "f", "g",
					   "h", "j", "k" };
	struct fixture *f = *state;
	struct score_result r;
	size_t i;

	plan_answers(f);
	for (i = 0; i < ARRAY_SIZE(ids); i++)
		set_choice(f, ids[i], "hi");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, 0);
	assert_int_equal(r.nstrengths, ARRAY_SIZE(ids));
	assert_float_equal(r.score, 100, 1e-9);
	assert_float_equal(r.level->min, 80, 1e-9);
	assert_int_equal(r.nunanswered, 0);
	score_release(&r);
}

static const char multi_yaml[] =
	"id: m\ntitle: M\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - id: data\n        text: Which?\n        help: Why.\n"
	"        type: multi\n        full_score: 2\n"
	"        advice: Work through what is missing.\n"
	"        choices:\n"
	"          - {id: map, label: Map, score: 1, advice: Write the map.}\n"
	"          - {id: dpa, label: DPA, score: 1, advice: Sign the DPAs.}\n"
	"          - {id: none, label: None, score: 0, risk: critical,"
	" advice: Start with the map.}\n";

/* The advice of a multi finding says what is missing, not what is there. */
static void test_multi_advice(void **state)
{
	struct fixture *f = *state;
	struct score_result r;

	f->q = load_yaml(f, "multi.yaml", multi_yaml);
	answers_init(&f->a, f->q);
	set_choices(f, "data", 1, "map");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, 1);
	assert_string_equal(r.findings[0].qs->advice, "Sign the DPAs.");
	assert_int_equal(r.findings[0].qs->risk, RISK_MEDIUM);
	score_release(&r);

	set_choices(f, "data", 1, "none");
	score_compute(&r, f->q, &f->a);
	assert_string_equal(r.findings[0].qs->advice, "Start with the map.");
	assert_int_equal(r.findings[0].qs->risk, RISK_CRITICAL);
	score_release(&r);

	/* Don't know: the question's advice (how to find out), and the risk
	 * of the worst answer, "None", which the questionnaire says is
	 * critical. */
	set_kind(f, "data", ANSWER_DONT_KNOW);
	score_compute(&r, f->q, &f->a);
	assert_string_equal(r.findings[0].qs->advice,
			    "Work through what is missing.");
	assert_true(r.findings[0].qs->unknown);
	assert_int_equal(r.findings[0].qs->risk, RISK_CRITICAL);
	assert_true(r.findings[0].qs->risk_explicit);
	score_release(&r);
}

/*
 * On a multi question a box that earns points sets the risk of leaving it
 * unticked; a partial answer speaks through its riskiest missing box.
 * Boxes a (high), b (low), c (medium), "none" (critical):
 *   [b]     missing a and c: a, high, with a's advice and finding
 *   [a]     missing b and c: c, medium
 *   [a, c]  missing b: low
 *   don't know: the worst answer, "none", critical
 */
static const char multi_risk_yaml[] =
	"id: mr\ntitle: M\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - id: m\n        text: Which?\n        help: Why.\n"
	"        type: multi\n        dont_know: true\n"
	"        advice: Find out which.\n        choices:\n"
	"          - {id: a, label: A, score: 1, risk: high, finding: No A.,"
	" advice: Do A.}\n"
	"          - {id: b, label: B, score: 1, risk: low, finding: No B.,"
	" advice: Do B.}\n"
	"          - {id: c, label: C, score: 1, risk: medium, finding: No C.,"
	" advice: Do C.}\n"
	"          - {id: none, label: None, score: 0, risk: critical,"
	" finding: Nothing., advice: Start.}\n";

static void test_multi_box_risks(void **state)
{
	struct fixture *f = *state;
	struct score_result r;

	f->q = load_yaml(f, "mr.yaml", multi_risk_yaml);
	answers_init(&f->a, f->q);
	set_choices(f, "m", 1, "b");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.findings[0].qs->risk, RISK_HIGH);
	assert_string_equal(r.findings[0].title, "No A.");
	assert_string_equal(r.findings[0].qs->advice, "Do A.");
	score_release(&r);
	set_choices(f, "m", 1, "a");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.findings[0].qs->risk, RISK_MEDIUM);
	assert_string_equal(r.findings[0].title, "No C.");
	score_release(&r);
	set_choices(f, "m", 2, "a", "c");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.findings[0].qs->risk, RISK_LOW);
	assert_string_equal(r.findings[0].qs->advice, "Do B.");
	score_release(&r);
	set_kind(f, "m", ANSWER_DONT_KNOW);
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.findings[0].qs->risk, RISK_CRITICAL);
	assert_string_equal(r.findings[0].qs->advice, "Find out which.");
	score_release(&r);
}

/*
 * Risk before impact.  m (weight 5) answered "mid", an explicit medium:
 * impact 5 * 1 * 0.5 = 2.5.  h (weight 1) answered "lo", an explicit high:
 * impact 1.  The old priority put m first (2.5 > 1); the plan puts h first
 * and now, m next.  An unknown to u, whose worst answer is explicitly
 * medium, stays medium: 1 * 1 * 1 = 1, after m.
 */
static const char risk_first_yaml[] =
	"id: rf\ntitle: R\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - {id: m, text: M?, help: H, weight: 5, choices: [{id: lo, "
	"label: L, score: 0, risk: high}, {id: mid, label: M, score: 0.5, "
	"risk: medium, advice: Do m}, {id: hi, label: H, score: 1}]}\n"
	"      - {id: h, text: H?, help: H, weight: 1, choices: [{id: lo, "
	"label: L, score: 0, risk: high, advice: Do h}, {id: hi, label: H, "
	"score: 1}]}\n"
	"      - {id: u, text: U?, help: H, weight: 1, advice: Find out u, "
	"choices: [{id: lo, label: L, score: 0, risk: medium}, {id: hi, "
	"label: H, score: 1}]}\n";

static void test_risk_before_impact(void **state)
{
	struct fixture *f = *state;
	struct score_result r;

	f->q = load_yaml(f, "rf.yaml", risk_first_yaml);
	answers_init(&f->a, f->q);
	set_choice(f, "m", "mid");
	set_choice(f, "h", "lo");
	set_kind(f, "u", ANSWER_DONT_KNOW);
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, 3);
	assert_string_equal(r.findings[0].qs->question->id, "h");
	assert_int_equal(r.findings[0].horizon, HORIZON_NOW);
	assert_string_equal(r.findings[1].qs->question->id, "m");
	assert_float_equal(r.findings[1].impact, 2.5, 1e-9);
	assert_int_equal(r.findings[1].horizon, HORIZON_NEXT);
	assert_string_equal(r.findings[2].qs->question->id, "u");
	assert_int_equal(r.findings[2].qs->risk, RISK_MEDIUM);
	assert_int_equal(r.findings[2].horizon, HORIZON_NEXT);
	score_release(&r);
}

/*
 * Coverage and "not applicable".  Area a has four questions of weight 1.
 * q1 answered hi (1), q2..q4 don't know: score 100 * 1 / 4 = 25.0,
 * coverage 1/4 = 0.25, not enough information.  Area b: p1 answered hi, p2
 * not applicable: p2 leaves both sums, so b scores 100 * 1 / 1 = 100.0 with
 * coverage 1, and p2 is no finding.
 */
static const char coverage_yaml[] =
	"id: cov\ntitle: C\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - {id: q1, text: Q?, help: H, type: yesno}\n"
	"      - {id: q2, text: Q?, help: H, type: yesno}\n"
	"      - {id: q3, text: Q?, help: H, type: yesno}\n"
	"      - {id: q4, text: Q?, help: H, type: yesno}\n"
	"  - id: b\n    title: B\n    questions:\n"
	"      - {id: p1, text: P?, help: H, type: yesno}\n"
	"      - {id: p2, text: P?, help: H, type: yesno}\n";

static void test_coverage_and_not_applicable(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	const struct area_score *a, *b;

	f->q = load_yaml(f, "cov.yaml", coverage_yaml);
	answers_init(&f->a, f->q);
	set_choice(f, "q1", "yes");
	set_kind(f, "q2", ANSWER_DONT_KNOW);
	set_kind(f, "q3", ANSWER_DONT_KNOW);
	set_kind(f, "q4", ANSWER_SKIPPED);
	set_choice(f, "p1", "yes");
	set_kind(f, "p2", ANSWER_NOT_APPLICABLE);
	answers_get(&f->a, questionnaire_question(f->q, "p2"))->text =
		xstrdup("No users yet");
	score_compute(&r, f->q, &f->a);
	a = score_area(&r, questionnaire_area(f->q, "a"));
	b = score_area(&r, questionnaire_area(f->q, "b"));
	assert_float_equal(a->score, 25.0, 1e-9);
	assert_float_equal(a->coverage, 0.25, 1e-9);
	assert_false(a->enough_information);
	assert_float_equal(b->score, 100.0, 1e-9);
	assert_float_equal(b->coverage, 1, 1e-9);
	assert_int_equal(b->ncounted, 1);
	assert_int_equal(b->nnot_applicable, 1);
	assert_int_equal(b->nfindings, 0);
	assert_int_equal(r.nfindings, 3); /* q2, q3, q4 */
	assert_int_equal(r.nnot_applicable, 1);
	assert_string_equal(r.not_applicable[0]->question->id, "p2");
	assert_int_equal(r.not_applicable[0]->status, STATUS_NOT_APPLICABLE);
	/* Overall (1*25 + 1*100) / 2 = 62.5, coverage (0.25 + 1) / 2 = 0.63
	 * (0.625 rounded away from zero), enough. */
	assert_float_equal(r.score, 62.5, 1e-9);
	assert_float_equal(r.coverage, 0.63, 1e-9);
	assert_true(r.enough_information);
	score_release(&r);
}

/*
 * Initiatives from shared advice.  x and y give the same advice and are
 * one action, led by x (weight 3: impact 3 against y's 1); z's advice is its
 * own.  All three high (derived, s = 0): order x (3), z (2), y (1); as
 * actions: 1 = {x, y}, 2 = {z}; finding ranks in plan order: x 1, y 2, z 3.
 */
static const char advice_yaml[] =
	"id: adv\ntitle: A\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - {id: x, text: X?, help: H, weight: 3, advice: Get a review., "
	"type: yesno}\n"
	"      - {id: z, text: Z?, help: H, weight: 2, advice: Other., "
	"type: yesno}\n"
	"      - {id: y, text: Y?, help: H, weight: 1, advice: Get a review., "
	"type: yesno}\n";

static void test_shared_advice(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	const struct action *first;

	f->q = load_yaml(f, "adv.yaml", advice_yaml);
	answers_init(&f->a, f->q);
	set_choice(f, "x", "no");
	set_choice(f, "y", "no");
	set_choice(f, "z", "no");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, 3);
	assert_int_equal(r.plan.nactions, 2);
	first = &r.plan.actions[0];
	assert_int_equal(first->nfindings, 2);
	assert_string_equal(first->id, "x");
	assert_string_equal(first->advice, "Get a review.");
	assert_string_equal(first->findings[0]->qs->question->id, "x");
	assert_string_equal(first->findings[1]->qs->question->id, "y");
	assert_string_equal(r.findings[0].qs->question->id, "x");
	assert_string_equal(r.findings[1].qs->question->id, "y");
	assert_int_equal(r.findings[1].rank, 2);
	assert_int_equal(r.findings[1].action->rank, 1);
	assert_string_equal(r.findings[2].qs->question->id, "z");
	assert_int_equal(r.findings[2].action->rank, 2);
	score_release(&r);
}

/*
 * The level cap.  Area a: q1 (weight 9) answered hi, q2 (weight 1) lo,
 * which is critical: 100 * 9 / 10 = 90.0, Strong by the default levels,
 * shown Developing (the second-lowest) while q2 is open.  Area b: 100.0,
 * Strong, nothing to cap.  Overall (90 + 100) / 2 = 95.0, Strong, capped
 * to Developing as well.
 */
static const char cap_yaml[] =
	"id: lc\ntitle: L\nversion: \"1\"\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - {id: q1, text: Q?, help: H, weight: 9, type: yesno}\n"
	"      - {id: q2, text: Q?, help: H, weight: 1, choices: [{id: lo, "
	"label: L, score: 0, risk: critical}, {id: hi, label: H, score: 1}]}\n"
	"  - id: b\n    title: B\n    questions:\n"
	"      - {id: p1, text: P?, help: H, type: yesno}\n";

static void test_level_cap(void **state)
{
	struct fixture *f = *state;
	struct score_result r;
	const struct area_score *a, *b;

	f->q = load_yaml(f, "lc.yaml", cap_yaml);
	answers_init(&f->a, f->q);
	set_choice(f, "q1", "yes");
	set_choice(f, "q2", "lo");
	set_choice(f, "p1", "yes");
	score_compute(&r, f->q, &f->a);
	a = score_area(&r, questionnaire_area(f->q, "a"));
	b = score_area(&r, questionnaire_area(f->q, "b"));
	assert_float_equal(a->score, 90.0, 1e-9);
	assert_string_equal(a->uncapped_level->id, "strong");
	assert_string_equal(a->level->id, "developing");
	assert_true(score_level_capped(a->level, a->uncapped_level));
	assert_string_equal(b->level->id, "strong");
	assert_false(score_level_capped(b->level, b->uncapped_level));
	assert_float_equal(r.score, 95.0, 1e-9);
	assert_string_equal(r.uncapped_level->id, "strong");
	assert_string_equal(r.level->id, "developing");
	score_release(&r);

	/* Fixed: no cap. */
	set_choice(f, "q2", "hi");
	score_compute(&r, f->q, &f->a);
	assert_string_equal(r.level->id, "strong");
	score_release(&r);
}

/*
 * Eight high risks of low effort (impact 9..2) and a critical one (impact
 * 1): the critical one comes first and is now whatever the capacity; with
 * it, q0..q3 fill the five places of now and q4..q7, the lowest of the
 * high ones, go next.
 */
static void test_horizon_capacity(void **state)
{
	struct fixture *f = *state;
	struct buf yaml = BUF_INIT;
	struct score_result r;
	size_t i, count[HORIZON_COUNT] = { 0 };

	buf_adds(&yaml, "id: cap\ntitle: C\nversion: \"1\"\nareas:\n"
		 "  - id: a\n    title: A\n    questions:\n");
	for (i = 0; i < 8; i++)
		buf_addf(&yaml, "      - {id: q%zu, text: Q?, help: H, weight: "
			 "%zu, effort: low, choices: [{id: lo, label: L, "
			 "score: 0, advice: A%zu, risk: high}, {id: hi, "
			 "label: H, score: 1}]}\n", i, 9 - i, i);
	buf_adds(&yaml, "      - {id: crit, text: C?, help: H, weight: 1, "
		 "choices: [{id: lo, label: L, score: 0, advice: A, risk: "
		 "critical}, {id: hi, label: H, score: 1}]}\n");
	f->q = load_yaml(f, "cap.yaml", yaml.data);
	answers_init(&f->a, f->q);
	for (i = 0; i < f->q->nquestions; i++)
		set_choice(f, f->q->questions[i]->id, "lo");
	score_compute(&r, f->q, &f->a);
	assert_int_equal(r.nfindings, 9);
	for (i = 0; i < r.nfindings; i++)
		count[r.findings[i].horizon]++;
	assert_int_equal(count[HORIZON_NOW], 5);
	assert_int_equal(count[HORIZON_NEXT], 4);
	assert_string_equal(r.findings[0].qs->question->id, "crit");
	assert_int_equal(r.findings[0].horizon, HORIZON_NOW);
	assert_string_equal(r.findings[4].qs->question->id, "q3");
	assert_int_equal(r.findings[4].horizon, HORIZON_NOW);
	assert_string_equal(r.findings[5].qs->question->id, "q4");
	assert_int_equal(r.findings[5].horizon, HORIZON_NEXT);
	assert_int_equal(r.plan.moved[HORIZON_NEXT][RISK_HIGH], 4);
	score_release(&r);
	buf_release(&yaml);
}

/* The plan as a string of "id:horizon " for every action not led by
 * question skip, in plan order. */
static void plan_string(struct buf *out, const struct score_result *r,
			const char *skip)
{
	size_t i;

	for (i = 0; i < r->plan.nactions; i++)
		if (strcmp(r->plan.actions[i].id, skip))
			buf_addf(out, "%s:%d ", r->plan.actions[i].id,
				 (int)r->plan.actions[i].horizon);
}

/*
 * Stability: changing one scored answer, to any choice, keeps every other
 * action in the same order, and moves at most one of them across each
 * horizon boundary (the one pushed out, or pulled in, by capacity).
 */
static void test_stability(void **state)
{
	struct fixture *f = *state;
	struct score_result before, after;
	struct buf a = BUF_INIT, b = BUF_INIT;
	size_t i, k, j, tried = 0;
	int h;

	plan_answers(f);
	score_compute(&before, f->q, &f->a);
	for (i = 0; i < f->q->nquestions; i++) {
		const struct question *qn = f->q->questions[i];
		const struct answer *old = answers_get_const(&f->a, qn);
		enum answer_kind kind = old->kind;
		char *keep;

		if (!qn->scored || qn->when)
			continue;
		keep = kind == ANSWER_CHOICE ? xstrdup(old->choice) : NULL;
		for (k = 0; k < qn->nchoices; k++) {
			size_t crossed[HORIZON_COUNT] = { 0 };

			set_choice(f, qn->id, qn->choices[k].id);
			score_compute(&after, f->q, &f->a);
			buf_reset(&a);
			buf_reset(&b);
			/* The same order, horizons aside. */
			for (j = 0; j < before.plan.nactions; j++)
				if (strcmp(before.plan.actions[j].id, qn->id))
					buf_addf(&a, "%s ",
						 before.plan.actions[j].id);
			for (j = 0; j < after.plan.nactions; j++)
				if (strcmp(after.plan.actions[j].id, qn->id))
					buf_addf(&b, "%s ",
						 after.plan.actions[j].id);
			assert_string_equal(a.data, b.data);
			for (j = 0; j < before.plan.nactions; j++) {
				const struct action *x = &before.plan.actions[j];
				size_t m;

				for (m = 0; m < after.plan.nactions; m++)
					if (!strcmp(after.plan.actions[m].id,
						    x->id))
						break;
				if (m == after.plan.nactions ||
				    !strcmp(x->id, qn->id))
					continue;
				/* Count the boundaries it crossed. */
				for (h = HORIZON_NOW; h < HORIZON_LATER; h++)
					if (((int)x->horizon <= h) !=
					    ((int)after.plan.actions[m].horizon <= h))
						crossed[h]++;
			}
			assert_true(crossed[HORIZON_NOW] <= 1);
			assert_true(crossed[HORIZON_NEXT] <= 1);
			score_release(&after);
			tried++;
		}
		if (keep)
			set_choice(f, qn->id, keep);
		else
			set_kind(f, qn->id, kind);
		free(keep);
	}
	/* Everything was put back: the same plan as before. */
	score_compute(&after, f->q, &f->a);
	buf_reset(&a);
	buf_reset(&b);
	plan_string(&a, &before, "");
	plan_string(&b, &after, "");
	assert_string_equal(a.data, b.data);
	assert_true(tried >= 20);
	score_release(&after);
	score_release(&before);
	buf_release(&a);
	buf_release(&b);
}

/*
 * The executive summary names every critical and high finding, up to ten
 * in all: with one critical and eleven high, the critical one and nine
 * high are named, and two high are counted.
 */
static void test_urgent_named(void **state)
{
	struct fixture *f = *state;
	struct buf yaml = BUF_INIT, md = BUF_INIT;
	struct report rep;
	size_t i, named = 0;
	const char *p;

	buf_adds(&yaml, "id: many\ntitle: M\nversion: \"1\"\nareas:\n"
		 "  - id: a\n    title: A\n    questions:\n");
	for (i = 0; i < 12; i++)
		buf_addf(&yaml, "      - {id: q%zu, text: Q%zu?, help: H, "
			 "choices: [{id: lo, label: L, score: 0, advice: A%zu, "
			 "risk: %s}, {id: hi, label: H, score: 1}]}\n", i, i,
			 i, i == 11 ? "critical" : "high");
	f->q = load_yaml(f, "many.yaml", yaml.data);
	answers_init(&f->a, f->q);
	for (i = 0; i < f->q->nquestions; i++)
		set_choice(f, f->q->questions[i]->id, "lo");
	report_init(&rep, f->q, &f->a);
	render_markdown(&md, &rep, NULL);
	for (p = md.data; (p = strstr(p, "\n- **High:** ")); p++)
		named++;
	assert_int_equal(named, 9);
	assert_non_null(strstr(md.data, "\n- **Critical:** Q11? (A)\n"));
	assert_non_null(strstr(md.data, "\n- and 2 more high risks in the "
				"action plan\n"));
	report_release(&rep);
	buf_release(&md);
	buf_release(&yaml);
}

static void test_round(void **state)
{
	(void)state;
	assert_float_equal(score_round(18.75, 1), 18.8, 1e-12);
	assert_float_equal(score_round(0.05, 1), 0.1, 1e-12);
	assert_float_equal(score_round(100.0 / 3, 1), 33.3, 1e-12);
	assert_float_equal(score_round(11.245, 2), 11.25, 1e-12);
	assert_float_equal(score_round(-1.25, 1), -1.3, 1e-12);
	assert_float_equal(score_round(0.1 + 0.2, 1), 0.3, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_question_scores,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_describe_answer,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_area_and_overall,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_findings_order_and_horizons,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_no_stage, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_headline, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_all_best, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_multi_advice, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_horizon_capacity,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_multi_box_risks,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_risk_before_impact,
						setup_dir, teardown),
		cmocka_unit_test_setup_teardown(
			test_coverage_and_not_applicable, setup_dir, teardown),
		cmocka_unit_test_setup_teardown(test_shared_advice, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_level_cap, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_stability, setup_dir,
						teardown),
		cmocka_unit_test_setup_teardown(test_urgent_named, setup_dir,
						teardown),
		cmocka_unit_test(test_round),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
