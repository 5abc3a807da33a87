/*
 * test_review.c - the consultant's review between scoring and planning:
 * each kind of override (risk, horizon, drop, comment) on a small plan
 * worked out by hand, the level cap that follows a changed risk, the
 * warnings of an override that changes nothing, and reading review files.
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
#include "review.h"
#include "score.h"
#include "unit_load.h"
#include "util.h"

/*
 * Six findings of equal weight in one area of weight 1, no stage (so no
 * target): each answered "lo", scoring 0, so every impact is
 * 1 * 1 * (1 - 0) = 1 and every effort the default, medium.  Their risks
 * are the questionnaire's: a critical; b, c, d high; e medium; f low.  g is
 * answered at its best.  A team of 1: now holds max(3, 1 + 2) = 3 actions
 * and next 2 * 3 + 2 = 8.
 *
 * Without a review the order is a (critical), b, c, d (high, questionnaire
 * order), e (medium), f (low); a, b and c fill now, d (high) finds it full
 * and moves next, e is next, f later:
 *   1 a now, 2 b now, 3 c now, 4 d next (moved), 5 e next, 6 f later.
 */
static const char plan_yaml[] =
	"id: rv\n"
	"title: Review\n"
	"version: \"1\"\n"
	"team_size_question: team\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - {id: team, text: Team?, type: number}\n"
	"      - {id: name, text: Name?, type: text}\n"
	"  - id: ops\n"
	"    title: Ops\n"
	"    questions:\n"
	"      - {id: a, text: A?, help: H, advice: Do A, choices: [{id: lo, label: Lo, score: 0, risk: critical}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: b, text: B?, help: H, advice: Do B, choices: [{id: lo, label: Lo, score: 0, risk: high}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: c, text: C?, help: H, advice: Do C, choices: [{id: lo, label: Lo, score: 0, risk: high}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: d, text: D?, help: H, advice: Do D, choices: [{id: lo, label: Lo, score: 0, risk: high}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: e, text: E?, help: H, advice: Do E, choices: [{id: lo, label: Lo, score: 0, risk: medium}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: f, text: F?, help: H, advice: Do F, choices: [{id: lo, label: Lo, score: 0, risk: low}, {id: hi, label: Hi, score: 1}]}\n"
	"      - {id: g, text: G?, help: H, advice: Do G, choices: [{id: lo, label: Lo, score: 0, risk: low}, {id: hi, label: Hi, score: 1}]}\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
	struct answers a;
	struct review rv;
	struct diag_list diags;
	struct score_result r;
	int scored;
};

static void set_choice(struct fixture *f, const char *id, const char *choice)
{
	struct answer *ans = answers_get(&f->a, questionnaire_question(f->q,
								       id));

	answer_clear_value(ans);
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup(choice);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct answer *team;
	const char *ids = "abcdef";
	char id[2] = "";

	strcpy(f->dir, "/tmp/test_review.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->q = unit_load_yaml(plan_yaml);
	if (!f->q)
		return -1;
	answers_init(&f->a, f->q);
	team = answers_get(&f->a, questionnaire_question(f->q, "team"));
	team->kind = ANSWER_NUMBER;
	team->number = 1;
	for (; *ids; ids++) {
		id[0] = *ids;
		set_choice(f, id, "lo");
	}
	set_choice(f, "g", "hi");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;

	if (f->scored)
		score_release(&f->r);
	review_release(&f->rv);
	diag_list_release(&f->diags);
	answers_release(&f->a);
	questionnaire_free(f->q);
	buf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.data) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	buf_release(&cmd);
	free(f);
	return 0;
}

/* Writes yaml as the review file and loads it; returns review_load's. */
static int load_review(struct fixture *f, const char *yaml)
{
	struct buf path = BUF_INIT, err = BUF_INIT;
	int ret;

	buf_addf(&path, "%s/review.yaml", f->dir);
	assert_int_equal(file_write_atomic(path.data, yaml, strlen(yaml),
					   FILE_WRITE_FORCE, &err), 0);
	review_release(&f->rv);
	ret = review_load(&f->rv, path.data, f->q, &f->diags);
	buf_release(&path);
	buf_release(&err);
	return ret;
}

/* Scores, applies the review (when one was loaded) and plans. */
static void plan(struct fixture *f)
{
	score_answers(&f->r, f->q, &f->a);
	if (f->rv.path)
		review_apply(&f->rv, &f->r, &f->diags);
	plan_build(&f->r);
	f->scored = 1;
}

/*
 * The plan as "rank id horizon risk[*]" lines, * marking a pinned action
 * and + one moved by capacity.
 */
static void plan_lines(const struct score_result *r, struct buf *out)
{
	size_t i;

	for (i = 0; i < r->plan.nactions; i++) {
		const struct action *a = &r->plan.actions[i];

		buf_addf(out, "%zu %s %s %s%s\n", a->rank, a->id,
			 horizon_names[a->horizon], risk_names[a->risk],
			 a->pinned ? "*" : a->moved ? "+" : "");
	}
}

static void assert_plan(const struct score_result *r, const char *expected)
{
	struct buf b = BUF_INIT;

	plan_lines(r, &b);
	assert_string_equal(b.data, expected);
	buf_release(&b);
}

static const struct finding *finding(const struct score_result *r,
				     const char *id)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (!strcmp(r->findings[i].qs->question->id, id))
			return &r->findings[i];
	return NULL;
}

static void test_no_review(void **state)
{
	struct fixture *f = *state;

	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 b now high\n3 c now high\n"
		    "4 d next high+\n5 e next medium\n6 f later low\n");
	assert_false(review_changes_plan(&f->r));
}

/*
 * f raised from low to critical: critical ones come first, a before f by
 * questionnaire order (equal impact and effort).  a, f and b fill now
 * (critical ones always stay now); c and d, high, find it full and move
 * next; e next.  Risks open: 2 critical, 3 high, 1 medium, 0 low.
 */
static void test_risk_raised_replans(void **state)
{
	struct fixture *f = *state;
	const struct finding *ff;

	assert_int_equal(load_review(f, "findings:\n"
		"  f: {risk: critical, reason: It is the payment system.}\n"),
		0);
	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 f now critical\n"
		    "3 b now high\n4 c next high+\n5 d next high+\n"
		    "6 e next medium\n");
	ff = finding(&f->r, "f");
	assert_non_null(ff);
	assert_int_equal(ff->risk_before_review, RISK_LOW);
	assert_int_equal(ff->qs->risk, RISK_CRITICAL);
	assert_string_equal(ff->review->reason, "It is the payment system.");
	assert_int_equal(f->r.nrisks[RISK_CRITICAL], 2);
	assert_int_equal(f->r.nrisks[RISK_HIGH], 3);
	assert_int_equal(f->r.nrisks[RISK_LOW], 0);
	assert_int_equal(f->r.areas[1].nrisks[RISK_CRITICAL], 2);
	assert_int_equal(f->r.plan.moved[HORIZON_NEXT][RISK_HIGH], 2);
	assert_true(review_changes_plan(&f->r));
	assert_int_equal(f->diags.count, 0);
}

/*
 * a lowered from critical to low goes last but one: b, c, d (high) fill
 * now, e (medium) is next, and a and f (low, equal in impact and effort)
 * are later in questionnaire order.  No critical risk is open any more.
 */
static void test_risk_lowered_replans(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_review(f, "findings:\n"
		"  a: {risk: low, reason: Only a test account.}\n"), 0);
	plan(f);
	assert_plan(&f->r, "1 b now high\n2 c now high\n3 d now high\n"
		    "4 e next medium\n5 a later low\n6 f later low\n");
	assert_int_equal(f->r.nrisks[RISK_CRITICAL], 0);
}

/*
 * Only a (critical) is open, b to g at their best: the score alone is
 * 100 * 6 / 7 = 85.7, Strong; the open critical caps the level at the
 * second-lowest, Developing.  Lowered to high by the review, the cap goes:
 * Strong again, for the area and the overall.
 */
static void test_risk_review_moves_level_cap(void **state)
{
	struct fixture *f = *state;
	const char *ids = "bcdef";
	char id[2] = "";

	for (; *ids; ids++) {
		id[0] = *ids;
		set_choice(f, id, "hi");
	}
	plan(f);
	assert_float_equal(f->r.score, 85.7, 1e-9);
	assert_string_equal(f->r.level->id, "developing");
	assert_string_equal(f->r.areas[1].level->id, "developing");
	score_release(&f->r);
	f->scored = 0;
	assert_int_equal(load_review(f, "findings:\n"
		"  a: {risk: high, reason: Behind the VPN.}\n"), 0);
	plan(f);
	assert_float_equal(f->r.score, 85.7, 1e-9);
	assert_string_equal(f->r.level->id, "strong");
	assert_string_equal(f->r.areas[1].level->id, "strong");
}

/*
 * e (medium) pinned now: the walk gives a, b, c now, d next (moved), then
 * e, which the rule would put next, goes now although now is full; f
 * later.  Listed by horizon: now a, b, c, e; next d; later f.
 */
static void test_horizon_pin_earlier(void **state)
{
	struct fixture *f = *state;
	const struct action *e;

	assert_int_equal(load_review(f, "findings:\n"
		"  e: {horizon: now, comment: Before the round., "
		"reason: Board ask.}\n"), 0);
	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 b now high\n3 c now high\n"
		    "4 e now medium*\n5 d next high+\n6 f later low\n");
	e = &f->r.plan.actions[3];
	assert_int_equal(e->unpinned, HORIZON_NEXT);
	assert_string_equal(e->findings[0]->review->comment,
			    "Before the round.");
	assert_int_equal(e->findings[0]->rank, 4);
	assert_int_equal(f->r.findings[3].action, e);
	/* Only d was moved by capacity; the pin is not a move. */
	assert_int_equal(f->r.plan.moved[HORIZON_NEXT][RISK_HIGH], 1);
	assert_int_equal(f->r.plan.moved[HORIZON_NEXT][RISK_MEDIUM], 0);
}

/*
 * b (high) pinned later takes a place in later and none in now, and does
 * not hold back the actions after it: a, c, d fill now (so d no longer
 * moves), e is next, and later lists b before f (plan order).
 */
static void test_horizon_pin_later(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_review(f, "findings:\n"
		"  b: {horizon: later, reason: Waits for the new office.}\n"),
		0);
	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 c now high\n3 d now high\n"
		    "4 e next medium\n5 b later high*\n6 f later low\n");
	assert_int_equal(f->r.plan.actions[4].unpinned, HORIZON_NOW);
	assert_int_equal(f->r.plan.moved[HORIZON_NEXT][RISK_HIGH], 0);
}

/*
 * b dropped: it leaves the findings before the plan, so a, c, d fill now
 * and nothing moves; one high risk fewer is open.
 */
static void test_drop(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(load_review(f, "findings:\n"
		"  b: {drop: true, reason: Fixed during the assessment.}\n"),
		0);
	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 c now high\n3 d now high\n"
		    "4 e next medium\n5 f later low\n");
	assert_int_equal(f->r.nfindings, 5);
	assert_int_equal(f->r.ndropped, 1);
	assert_string_equal(f->r.dropped[0].qs->question->id, "b");
	assert_string_equal(f->r.dropped[0].review->reason,
			    "Fixed during the assessment.");
	assert_null(finding(&f->r, "b"));
	assert_int_equal(f->r.nrisks[RISK_HIGH], 2);
	assert_int_equal(f->r.areas[1].nfindings, 5);
	assert_true(review_changes_plan(&f->r));
}

/* A comment changes nothing in the plan, and is kept on its finding. */
static void test_comment_only(void **state)
{
	struct fixture *f = *state;
	const struct finding *d;

	assert_int_equal(load_review(f, "summary: All fine.\nfindings:\n"
		"  d: {comment: The vendor is on it., reason: Call with CTO.}\n"),
		0);
	plan(f);
	assert_plan(&f->r, "1 a now critical\n2 b now high\n3 c now high\n"
		    "4 d next high+\n5 e next medium\n6 f later low\n");
	d = finding(&f->r, "d");
	assert_string_equal(d->review->comment, "The vendor is on it.");
	assert_int_equal(d->risk_before_review, RISK_UNSET);
	assert_false(review_changes_plan(&f->r));
	assert_string_equal(f->rv.summary, "All fine.");
}

/* Overrides that change nothing are warnings, with their place. */
static void test_warnings(void **state)
{
	struct fixture *f = *state;
	char *first, *second;

	assert_int_equal(load_review(f, "findings:\n"
		"  g: {risk: high, reason: R.}\n"
		"  b: {risk: high, reason: R.}\n"), 0);
	plan(f);
	assert_int_equal(f->diags.warnings, 2);
	assert_int_equal(f->diags.errors, 0);
	first = diag_format(&f->diags.items[0]);
	second = diag_format(&f->diags.items[1]);
	assert_non_null(strstr(first, "review.yaml:2:3: warning: 'g' is not a "
			       "finding of this assessment (its answer is at "
			       "its best); its review changes nothing"));
	assert_non_null(strstr(second, "review.yaml:3:3: warning: 'b' "
			       "already has risk 'high'"));
	free(first);
	free(second);
	assert_false(review_changes_plan(&f->r));
}

/* A broken review file: every mistake, each at its place, nothing kept. */
static void test_load_errors(void **state)
{
	struct fixture *f = *state;
	struct buf all = BUF_INIT;
	size_t i;

	assert_int_equal(load_review(f, "sumary: x\nfindings:\n"
		"  bb: {risk: high, reason: R.}\n"
		"  name: {comment: C, reason: R.}\n"
		"  c: {risk: severe, reason: R.}\n"
		"  d: {drop: true, horizon: now, reason: R.}\n"
		"  e: {reason: R.}\n"
		"  f: {risk: low}\n"), -1);
	for (i = 0; i < f->diags.count; i++) {
		char *line = diag_format(&f->diags.items[i]);

		buf_addf(&all, "%s\n", strrchr(line, '/') + 1);
		free(line);
	}
	assert_string_equal(all.data,
		"review.yaml:1:1: error: unknown key 'sumary' in a review "
		"file (did you mean 'summary'?)\n"
		"review.yaml:3:3: error: unknown finding 'bb' (did you mean "
		"'b'?)\n"
		"review.yaml:4:3: error: 'name' is not scored, so it is never "
		"a finding\n"
		"review.yaml:5:13: error: unknown risk 'severe' (expected one "
		"of: low, medium, high, critical)\n"
		"review.yaml:6:6: error: the review of 'd' drops the finding, "
		"so it cannot also set 'horizon'\n"
		"review.yaml:7:6: error: the review of 'e' changes nothing "
		"(give 'risk', 'horizon', 'drop: true' or 'comment')\n"
		"review.yaml:8:6: error: the review of 'f' is missing required "
		"key 'reason'\n");
	assert_null(f->rv.path);
	assert_int_equal(f->rv.nentries, 0);
	buf_release(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_review, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_risk_raised_replans,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_risk_lowered_replans,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_risk_review_moves_level_cap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_horizon_pin_earlier,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_horizon_pin_later,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_drop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comment_only, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_warnings, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_errors, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
