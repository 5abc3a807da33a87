/*
 * test_merge.c - merging the answers of several respondents (merge.h) and
 * the disagreements a merged assessment reports (score.h), on one small
 * questionnaire whose expected answers are worked out by hand below.
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
#include "buf.h"
#include "fileio.h"
#include "merge.h"
#include "score.h"
#include "util.h"
#include "unit_load.h"

static const char questionnaire_yaml[] =
	"id: team\n"
	"title: Team\n"
	"version: \"1\"\n"
	"name_question: company_name\n"
	"stage_question: stage\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - id: company_name\n"
	"        text: Company name?\n"
	"        type: text\n"
	"      - id: stage\n"
	"        text: Stage?\n"
	"        choices:\n"
	"          - {id: idea, label: Idea}\n"
	"          - {id: seed, label: Seed}\n"
	"      - id: headcount\n"
	"        text: Headcount?\n"
	"        type: number\n"
	"        min: 0\n"
	"  - id: ops\n"
	"    title: Operations\n"
	"    questions:\n"
	"      - id: backups\n"
	"        text: Are backups tested?\n"
	"        help: Why.\n"
	"        dont_know: true\n"
	"        choices:\n"
	"          - {id: never, label: Never, score: 0, risk: critical}\n"
	"          - {id: yearly, label: Yearly, score: 1}\n"
	"          - {id: monthly, label: Monthly, score: 2}\n"
	"          - {id: weekly, label: Weekly, score: 3}\n"
	"      - id: mfa\n"
	"        text: MFA?\n"
	"        help: Why.\n"
	"        type: yesno\n"
	"        weight: 2\n"
	"      - id: cards\n"
	"        text: Card data?\n"
	"        help: Why.\n"
	"        not_applicable: true\n"
	"        choices:\n"
	"          - {id: stored, label: Stored, score: 0}\n"
	"          - {id: vault, label: In a vault, score: 1}\n"
	"      - id: scale\n"
	"        text: Scale?\n"
	"        help: Why.\n"
	"        type: scale\n"
	"        min: 0\n"
	"        max: 10\n"
	"      - id: access\n"
	"        text: Access?\n"
	"        help: Why.\n"
	"        choices:\n"
	"          - {id: none, label: No control, score: 0}\n"
	"          - {id: shared, label: Shared logins, score: 0,"
	" risk: critical}\n"
	"          - {id: sso, label: SSO, score: 1}\n"
	"      - id: funding\n"
	"        text: Runway?\n"
	"        help: Why.\n"
	"        when: stage == seed\n"
	"        choices:\n"
	"          - {id: short, label: Short, score: 0}\n"
	"          - {id: long, label: Long, score: 1}\n"
	"      - id: worry\n"
	"        text: Worry?\n"
	"        type: text\n";

/*
 * Three respondents.  Question by question, what each says (score in
 * brackets, 0-1) and what the rules make of it:
 *
 * company_name  Acme / Acme Inc / Acme Inc: the company name is the one
 *               given most often, the earliest of it: Ben's "Acme Inc"
 * stage         seed / idea / seed: a choice, most often: seed
 * headcount     10 / 4 / 7: a number, the lower median of 4 7 10: 7
 * backups       weekly [1] / don't know [0] / weekly [1]
 *               cautious: don't know.  median: in order of caution
 *               dk, weekly (Ana), weekly (Cy): the middle, Ana's weekly
 * mfa           yes [1] / no [0] / yes [1]: cautious no; median yes
 * cards         not applicable (no card payments) / stored [0] /
 *               not applicable (no reason): the two who said so take no
 *               part: Ben's stored, by either rule
 * scale         6 [0.6] / 2 [0.2] / 5 [0.5]: cautious 2, median 5
 * access        none [0, high] / shared [0, critical] / none [0, high]:
 *               all score 0, the riskier first: Ben's shared (cautious)
 *               and, in order shared, none (Ana), none (Cy), the middle
 *               is Ana's none (median)
 * funding       long / short, but Ben's stage is idea, so funding does
 *               not apply to him and takes no part / skipped: long
 * worry         Hiring / The database / The database: texts that differ
 *               are all kept, one line each with who wrote it
 * Notes on backups: Ana's and Cy's, one line each.
 */
static const char ana_yaml[] =
	"respondent: {name: Ana, role: CEO}\n"
	"completed_at: 2026-11-01T10:00:00Z\n"
	"answers:\n"
	"  company_name: Acme\n"
	"  stage: seed\n"
	"  headcount: 10\n"
	"  backups: weekly\n"
	"  mfa: yes\n"
	"  cards: {status: not_applicable, reason: no card payments}\n"
	"  scale: 6\n"
	"  access: none\n"
	"  funding: long\n"
	"  worry: Hiring\n"
	"notes: {backups: restored in May}\n";

static const char ben_yaml[] =
	"respondent: {name: Ben, role: Lead developer}\n"
	"completed_at: 2026-11-03T10:00:00Z\n"
	"answers:\n"
	"  company_name: Acme Inc\n"
	"  stage: idea\n"
	"  headcount: 4\n"
	"  backups: {status: dont_know}\n"
	"  mfa: no\n"
	"  cards: stored\n"
	"  scale: 2\n"
	"  access: shared\n"
	"  funding: short\n"
	"  worry: The database\n";

static const char cy_yaml[] =
	"completed_at: 2026-11-02T10:00:00Z\n"
	"answers:\n"
	"  company_name: Acme Inc\n"
	"  stage: seed\n"
	"  headcount: 7\n"
	"  backups: weekly\n"
	"  mfa: yes\n"
	"  cards: {status: not_applicable}\n"
	"  scale: 5\n"
	"  access: none\n"
	"  funding: {status: skipped}\n"
	"  worry: The database\n"
	"notes: {backups: we trust the host}\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
	struct answers in[3];
};

static char *path_in(const struct fixture *f, const char *name)
{
	struct buf p = BUF_INIT;

	buf_addf(&p, "%s/%s", f->dir, name);
	return buf_detach(&p, NULL);
}

/* Loads answers from YAML text through a file, as every reader does. */
static void load(struct fixture *f, const char *name, const char *yaml,
		 struct answers *a)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	char *path = path_in(f, name);

	assert_int_equal(file_write_atomic(path, yaml, strlen(yaml),
					   FILE_WRITE_FORCE, &err), 0);
	if (answers_load(a, f->q, path, &diags) < 0)
		diag_print(&diags, stderr);
	assert_int_equal(diags.errors, 0);
	free(path);
	buf_release(&err);
	diag_list_release(&diags);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strcpy(f->dir, "/tmp/test_merge.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->q = unit_load_yaml(questionnaire_yaml);
	if (!f->q)
		return -1;
	load(f, "ana.yaml", ana_yaml, &f->in[0]);
	load(f, "ben.yaml", ben_yaml, &f->in[1]);
	load(f, "cy.yaml", cy_yaml, &f->in[2]);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;
	size_t i;

	for (i = 0; i < 3; i++)
		answers_release(&f->in[i]);
	questionnaire_free(f->q);
	buf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.data) != 0)
		fprintf(stderr, "# cannot remove %s\n", f->dir);
	buf_release(&cmd);
	free(f);
	return 0;
}

static void merge_all(struct fixture *f, enum merge_rule rule,
		      double threshold, struct answers *out)
{
	const struct merge_input in[3] = {
		{ &f->in[0], "ana.yaml", "ana" },
		{ &f->in[1], "ben.yaml", "ben" },
		{ &f->in[2], "agency/cy.yaml", "cy" },
	};
	const struct merge_options o = { rule, threshold };
	struct buf err = BUF_INIT;

	assert_int_equal(merge_answers(out, f->q, in, 3, &o, &err), 0);
	buf_release(&err);
}

static const struct answer *get(const struct answers *a, const char *id)
{
	const struct answer *ans = answers_find(a, id);

	assert_non_null(ans);
	return ans;
}

/* What both rules agree on: the unscored questions, N/A, stale answers,
 * notes, the respondents. */
static void test_common(void **state)
{
	struct fixture *f = *state;
	struct answers m;

	merge_all(f, MERGE_CAUTIOUS, MERGE_DEFAULT_THRESHOLD, &m);
	assert_string_equal(get(&m, "company_name")->text, "Acme Inc");
	assert_string_equal(get(&m, "stage")->choice, "seed");
	assert_true(get(&m, "headcount")->number == 7);
	assert_string_equal(get(&m, "cards")->choice, "stored");
	assert_string_equal(get(&m, "funding")->choice, "long");
	assert_string_equal(get(&m, "worry")->text,
			    "Ana (CEO): Hiring\n"
			    "Ben (Lead developer): The database\n"
			    "cy: The database");
	assert_string_equal(get(&m, "backups")->note,
			    "Ana (CEO): restored in May\n"
			    "cy: we trust the host");
	assert_null(get(&m, "mfa")->note);
	/* Each respondent's own answers are kept, with their names. */
	assert_int_equal(m.nrespondents, 3);
	assert_string_equal(m.respondents[0].name, "Ana");
	assert_string_equal(m.respondents[0].source, "ana.yaml");
	assert_string_equal(m.respondents[2].name, "cy");
	assert_null(m.respondents[2].role);
	assert_string_equal(m.respondents[2].source, "agency/cy.yaml");
	assert_string_equal(m.respondents[1].items[questionnaire_question(
		f->q, "funding")->index].choice, "short");
	/* Every respondent completed: the latest of them, Ben's. */
	assert_string_equal(m.completed_at, "2026-11-03T10:00:00Z");
	answers_release(&m);
}

static void test_cautious(void **state)
{
	struct fixture *f = *state;
	struct answers m;

	merge_all(f, MERGE_CAUTIOUS, MERGE_DEFAULT_THRESHOLD, &m);
	assert_int_equal(m.merge_rule, MERGE_CAUTIOUS);
	/* "don't know" beats a confident answer. */
	assert_int_equal(get(&m, "backups")->kind, ANSWER_DONT_KNOW);
	assert_string_equal(get(&m, "mfa")->choice, "no");
	assert_true(get(&m, "scale")->number == 2);
	/* Equal scores: the riskier answer, although Ana comes first. */
	assert_string_equal(get(&m, "access")->choice, "shared");
	answers_release(&m);
}

static void test_median(void **state)
{
	struct fixture *f = *state;
	struct answers m;

	merge_all(f, MERGE_MEDIAN, MERGE_DEFAULT_THRESHOLD, &m);
	assert_int_equal(m.merge_rule, MERGE_MEDIAN);
	assert_string_equal(get(&m, "backups")->choice, "weekly");
	assert_string_equal(get(&m, "mfa")->choice, "yes");
	assert_true(get(&m, "scale")->number == 5);
	assert_string_equal(get(&m, "access")->choice, "none");
	answers_release(&m);
}

/* Two respondents: the lower of the two middles; skips and N/A. */
static void test_two_and_statuses(void **state)
{
	struct fixture *f = *state;
	const struct merge_options o = { MERGE_MEDIAN, 0.4 };
	struct answers a, b, m;
	struct buf err = BUF_INIT;
	struct merge_input in[2] = {
		{ &a, "a.yaml", "a" }, { &b, "b.yaml", "b" },
	};

	load(f, "a.yaml", "answers:\n  mfa: yes\n  headcount: 10\n"
	     "  scale: {status: skipped}\n"
	     "  cards: {status: not_applicable, reason: no cards}\n", &a);
	load(f, "b.yaml", "answers:\n  mfa: no\n  headcount: 4\n"
	     "  cards: {status: not_applicable, reason: Stripe}\n", &b);
	assert_int_equal(merge_answers(&m, f->q, in, 2, &o, &err), 0);
	/* mfa: no [0], yes [1]: the lower middle is no. */
	assert_string_equal(get(&m, "mfa")->choice, "no");
	/* headcount: 4, 10: the lower median, 4. */
	assert_true(get(&m, "headcount")->number == 4);
	/* Nobody took part: skipped when someone skipped, else nothing. */
	assert_int_equal(get(&m, "scale")->kind, ANSWER_SKIPPED);
	assert_int_equal(get(&m, "backups")->kind, ANSWER_NONE);
	/* Everyone said it does not apply: the reasons, with who gave them. */
	assert_int_equal(get(&m, "cards")->kind, ANSWER_NOT_APPLICABLE);
	assert_string_equal(get(&m, "cards")->text, "a: no cards; b: Stripe");
	/* Neither completed. */
	assert_null(m.completed_at);
	answers_release(&m);
	answers_release(&a);
	answers_release(&b);
	buf_release(&err);
}

/* A merged file brings its respondents: merging again gives the same. */
static void test_merged_input(void **state)
{
	struct fixture *f = *state;
	const struct merge_options o = { MERGE_CAUTIOUS, 0.4 };
	struct answers ab, abc, all;
	struct buf err = BUF_INIT;
	struct merge_input two[2] = {
		{ &f->in[0], "ana.yaml", "ana" }, { &f->in[1], "ben.yaml", "ben" },
	};
	struct merge_input again[2] = {
		{ &ab, "ab.json", "ab" }, { &f->in[2], "agency/cy.yaml", "cy" },
	};
	size_t i;

	assert_int_equal(merge_answers(&ab, f->q, two, 2, &o, &err), 0);
	assert_int_equal(merge_answers(&abc, f->q, again, 2, &o, &err), 0);
	merge_all(f, MERGE_CAUTIOUS, 0.4, &all);
	assert_int_equal(abc.nrespondents, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(abc.respondents[i].name,
				    all.respondents[i].name);
	assert_string_equal(abc.respondents[0].source, "ana.yaml");
	assert_int_equal(get(&abc, "backups")->kind, ANSWER_DONT_KNOW);
	assert_string_equal(get(&abc, "worry")->text, get(&all, "worry")->text);
	answers_release(&ab);
	answers_release(&abc);
	answers_release(&all);
	buf_release(&err);
}

static void test_refusals(void **state)
{
	struct fixture *f = *state;
	const struct merge_options o = { MERGE_CAUTIOUS, 0.4 };
	struct answers m;
	struct buf err = BUF_INIT;
	struct merge_input one[1] = { { &f->in[2], "cy.yaml", "cy" } };
	struct merge_input same[2] = {
		{ &f->in[0], "ana.yaml", "ana" },
		{ &f->in[0], "copy/ana.yaml", "ana" },
	};

	assert_int_equal(merge_answers(&m, f->q, one, 1, &o, &err), -1);
	assert_string_equal(err.data, "merging needs the answers of at least "
			    "two respondents, not 1");
	buf_reset(&err);
	assert_int_equal(merge_answers(&m, f->q, same, 2, &o, &err), -1);
	assert_string_equal(err.data, "two respondents are named 'Ana' "
			    "('ana.yaml' and 'copy/ana.yaml'); give each "
			    "answers file its own respondent (run --respondent "
			    "'NAME, ROLE')");
	buf_release(&err);
}

/*
 * The disagreements of the cautious merge, threshold 0.4.  The say of
 * each respondent (0 for don't know, 1 for not applicable):
 *   backups  1, 0, 1     spread 1    > 0.4   at stake: critical (the
 *                                            worst answer, never)
 *   mfa      1, 0, 1     spread 1            at stake: high (no, s = 0,
 *                                            derived; weight 2 < 4)
 *   cards    1, 0, 1     spread 1            at stake: high (stored)
 *   scale    .6, .2, .5  spread 0.4, not more than 0.4: none
 *   access   0, 0, 0     spread 0: none
 *   funding  1 (Ana), - (Ben: not asked), - (Cy: skipped): one say, none
 * Impact w_q * w_a * spread: backups 1, mfa 2, cards 1.  Order: critical
 * backups; then high mfa (impact 2) before cards (1).
 * Regular findings: backups (dk, critical), access (critical), mfa, cards,
 * scale (0.2, high): 2 critical and 3 high; the disagreements add none.
 */
static void test_disagreements(void **state)
{
	struct fixture *f = *state;
	struct answers m;
	struct score_result r;
	const struct disagreement *d;
	size_t i, nagree = 0;

	merge_all(f, MERGE_CAUTIOUS, MERGE_DEFAULT_THRESHOLD, &m);
	score_compute(&r, f->q, &m);
	assert_int_equal(r.ndisagreements, 3);
	d = r.disagreements;
	assert_string_equal(d[0].merged->question->id, "backups");
	assert_int_equal(d[0].qs.risk, RISK_CRITICAL);
	assert_true(d[0].spread == 1 && d[0].impact == 1);
	assert_string_equal(d[0].qs.question->id, "agree:backups");
	assert_string_equal(d[0].title, "Agree on the facts: Are backups "
			    "tested?");
	assert_string_equal(d[0].said.text, "Ana (CEO): Weekly | Ben (Lead "
			    "developer): Don't know | cy: Weekly");
	assert_string_equal(d[1].merged->question->id, "mfa");
	assert_int_equal(d[1].qs.risk, RISK_HIGH);
	assert_true(d[1].impact == 2);
	assert_string_equal(d[2].merged->question->id, "cards");
	assert_int_equal(d[2].qs.risk, RISK_HIGH);
	assert_string_equal(d[2].said.text, "Ana (CEO): Not applicable: no "
			    "card payments | Ben (Lead developer): Stored | "
			    "cy: Not applicable");
	assert_int_equal(r.nrisks[RISK_CRITICAL], 2);
	assert_int_equal(r.nrisks[RISK_HIGH], 3);
	/* One action for them all, the first: critical, low effort. */
	assert_string_equal(r.plan.actions[0].id, "agree-on-the-facts");
	assert_int_equal(r.plan.actions[0].nfindings, 3);
	assert_int_equal(r.plan.actions[0].horizon, HORIZON_NOW);
	for (i = 0; i < r.nfindings; i++)
		nagree += r.findings[i].kind == FINDING_DISAGREEMENT;
	assert_int_equal(nagree, 3);
	/* Ben was not asked about funding: no answer from him. */
	assert_null(score_respondent_answer(&r, 1, questionnaire_question(
		f->q, "funding")));
	assert_non_null(score_respondent_answer(&r, 0, questionnaire_question(
		f->q, "funding")));
	score_release(&r);
	answers_release(&m);
}

/* The threshold the file records: at 0.35, scale's 0.4 is a disagreement;
 * at 1, nothing is more than 1 apart. */
static void test_threshold(void **state)
{
	struct fixture *f = *state;
	struct answers m;
	struct score_result r;

	merge_all(f, MERGE_CAUTIOUS, 0.35, &m);
	score_compute(&r, f->q, &m);
	assert_int_equal(r.ndisagreements, 4);
	assert_string_equal(r.disagreements[3].merged->question->id, "scale");
	assert_true(r.disagreements[3].spread == 0.4);
	/* scale's worst say, 2 of 10 (s = 0.2), is a high risk. */
	assert_int_equal(r.disagreements[3].qs.risk, RISK_HIGH);
	score_release(&r);
	m.merge_threshold = 1;
	score_compute(&r, f->q, &m);
	assert_int_equal(r.ndisagreements, 0);
	assert_int_equal(r.plan.actions[0].initiative == NULL ||
			 strcmp(r.plan.actions[0].id, "agree-on-the-facts"), 1);
	score_release(&r);
	answers_release(&m);
}

/* A single assessment has no respondents' say and no disagreement. */
static void test_single(void **state)
{
	struct fixture *f = *state;
	struct score_result r;

	score_compute(&r, f->q, &f->in[0]);
	assert_int_equal(r.ndisagreements, 0);
	assert_null(r.respondent_applies);
	assert_null(score_respondent_answer(&r, 0, f->q->questions[0]));
	score_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_cautious),
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_two_and_statuses),
		cmocka_unit_test(test_merged_input),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_disagreements),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_single),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
