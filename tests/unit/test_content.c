/*
 * test_content.c - the shipped questionnaires, read as a fractional CTO
 * would check them: every scored question says why it matters, every answer
 * short of the best says what is wrong, how risky it is and what to do, the
 * interview fits the company in front of it, the ids of version 1.0 still
 * mean what they meant, and the quick variant reuses the full one and asks
 * as many questions as it says.  The rubric these tests hold the content to
 * is the header comment of questionnaires/cto-readiness.yaml.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answers.h"
#include "diag.h"
#include "expr.h"
#include "loader.h"
#include "model.h"
#include "util.h"

#define FULL "questionnaires/cto-readiness.yaml"
#define QUICK "questionnaires/cto-quick.yaml"
#define PROFILES "tests/content/profiles"
#define V1_IDS "tests/content/v1-ids.txt"

/* The longest finding: it is a title in reports (the loader warns above). */
#define FINDING_MAX 120

static struct questionnaire *load(const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = questionnaire_load(path, &diags);

	if (!q || diags.count) {
		diag_print(&diags, stderr);
		fail_msg("'%s' does not load without diagnostics", path);
	}
	diag_list_release(&diags);
	return q;
}

static void test_help_and_advice(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i, j;

	(void)state;
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		if (!qn->scored)
			continue;
		if (!qn->help || strlen(qn->help) < 80)
			fail_msg("'%s' lacks a real 'help'", qn->id);
		for (j = 0; j < qn->nchoices; j++) {
			const struct choice *c = &qn->choices[j];

			if (qn->type != QTYPE_MULTI && c->score < qn->best_score &&
			    !c->advice && !qn->advice)
				fail_msg("'%s' answer '%s' has no advice",
					 qn->id, c->id);
		}
		for (j = 0; j < qn->nbands; j++)
			if (qn->bands[j].score < 1 && !qn->bands[j].advice &&
			    !qn->advice)
				fail_msg("'%s' band %g has no advice", qn->id,
					 qn->bands[j].min);
		/* A multi question's gap is the boxes not ticked: each one
		 * says what to do, or the question does. */
		if (qn->type == QTYPE_MULTI && !qn->advice)
			fail_msg("multi question '%s' has no advice", qn->id);
		if (!qn->text[0] || qn->text[strlen(qn->text) - 1] != '?')
			fail_msg("'%s' is not worded as a question", qn->id);
	}
	questionnaire_free(q);
}

/* ---- the rubric: risk and finding on every answer short of the best ---- */

static void check_finding(const char *qid, const char *what,
			  const char *finding)
{
	if (!finding)
		fail_msg("'%s' %s has no finding", qid, what);
	if (strchr(finding, '\n') || strlen(finding) > FINDING_MAX)
		fail_msg("'%s' %s: the finding is not one short line", qid,
			 what);
}

/*
 * A choice short of the best carries a risk and a finding; the best needs
 * neither.  On a multi question a box that earns points states what is
 * wrong when it is not ticked, and the risk of leaving it unticked (a
 * partial answer takes the risk of its riskiest missing box); a box that
 * earns nothing ("none of these") speaks for the whole answer: risk,
 * finding, advice.
 */
static void check_choice(const struct question *qn, const struct choice *c)
{
	int short_of_best = qn->type == QTYPE_MULTI ? c->score <= 0 :
			    c->score < qn->best_score;

	if (qn->type == QTYPE_MULTI && c->score > 0) {
		check_finding(qn->id, c->id, c->finding);
		if (c->risk == RISK_UNSET && qn->scored)
			fail_msg("'%s' box '%s' has no risk for when it is "
				 "not ticked (the score would decide it)",
				 qn->id, c->id);
		return;
	}
	if (!short_of_best) {
		if (c->risk != RISK_UNSET || c->finding)
			fail_msg("'%s' best answer '%s' sets a risk or a "
				 "finding", qn->id, c->id);
		return;
	}
	if (c->risk == RISK_UNSET)
		fail_msg("'%s' answer '%s' has no risk (the score would "
			 "decide it)", qn->id, c->id);
	check_finding(qn->id, c->id, c->finding);
	if (!c->advice && !qn->advice)
		fail_msg("'%s' answer '%s' has no advice", qn->id, c->id);
}

static void check_band(const struct question *qn, const struct band *b)
{
	char what[64];

	snprintf(what, sizeof(what), "band %g", b->min);
	if (b->score >= 1) {
		if (b->risk != RISK_UNSET || b->finding)
			fail_msg("'%s' best %s sets a risk or a finding",
				 qn->id, what);
		return;
	}
	if (b->risk == RISK_UNSET)
		fail_msg("'%s' %s has no risk", qn->id, what);
	check_finding(qn->id, what, b->finding);
}

static void test_risk_and_findings(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i, j, n = 0;

	(void)state;
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		if (!qn->scored)
			continue;
		/* A scale without bands derives its risks from the score. */
		if (qn->type == QTYPE_SCALE && !qn->nbands)
			fail_msg("scale '%s' has no bands to carry risks",
				 qn->id);
		for (j = 0; j < qn->nchoices; j++, n++)
			check_choice(qn, &qn->choices[j]);
		for (j = 0; j < qn->nbands; j++, n++)
			check_band(qn, &qn->bands[j]);
	}
	print_message("# %zu choices and bands checked against the rubric\n",
		      n);
	assert_true(n > 300);
	questionnaire_free(q);
}

/*
 * Only the worst things can be critical.  The rubric names them (accounts,
 * code or IP outside the company, one irreplaceable person, passwords
 * alone, no backups, card data outside PCI controls, health data without a
 * BAA or copied unprotected, money moved without license or checks); this
 * list is those answers, so that a critical risk cannot creep in elsewhere
 * unnoticed.
 */
static const char *const critical_answers[] = {
	"team_bus_factor work_stops", "team_agency_dependence stranded",
	"team_accounts outside", "team_ip missing",
	"proc_version_control none", "sec_mfa none", "sec_backups none",
	"sec_pci stored", "pay_pci_saq none", "pay_kyc gaps",
	"pay_licensing not_checked", "pay_licensing conditions_unmet",
	"sec_hipaa not-checked", "health_baa missing",
	"health_phi_logs uncontrolled", "hire_vendor_contracts no-contract",
};

static int listed_critical(const char *qid, const char *cid)
{
	char key[160];
	size_t i;

	snprintf(key, sizeof(key), "%s %s", qid, cid);
	for (i = 0; i < sizeof(critical_answers) / sizeof(*critical_answers);
	     i++)
		if (!strcmp(critical_answers[i], key))
			return 1;
	return 0;
}

static void test_critical_is_rare(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i, j, n = 0;

	(void)state;
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		for (j = 0; j < qn->nchoices; j++) {
			const struct choice *c = &qn->choices[j];
			int listed = listed_critical(qn->id, c->id);

			if ((c->risk == RISK_CRITICAL) != listed)
				fail_msg("'%s' answer '%s' is %s critical",
					 qn->id, c->id,
					 listed ? "not" : "unexpectedly");
			n += listed;
		}
		for (j = 0; j < qn->nbands; j++)
			if (qn->bands[j].risk == RISK_CRITICAL)
				fail_msg("'%s' has a critical band", qn->id);
	}
	assert_int_equal(n, sizeof(critical_answers) /
			    sizeof(*critical_answers));
	questionnaire_free(q);
}

/* ---- before launch: "not yet" answers and "not applicable" ------------- */

static int is_not_yet(const struct choice *c)
{
	return !strcmp(c->id, "not_yet") || !strcmp(c->id, "not_launched");
}

/* Questions where a company may honestly have nothing to assess. */
static const char *const may_not_have[] = {
	"align_presales",	/* no deal has reached the technical staff */
	"team_onboarding",	/* nobody joined recently */
	"sec_backups",		/* the product keeps no data of its own */
	"sec_pci",		/* no card payments taken yet */
	"pay_fraud",		/* no money moves through the product yet */
	"hire_plan",		/* no technical hires planned */
	"hire_employer_brand",	/* not hiring engineers */
};

/* Answers that exist because "not yet" is the honest one. */
static const char *const not_yet_answers[] = {
	"sec_offboarding not_yet", "sec_data_protection not_launched",
	"trust_sso not_yet", "hire_interview not_yet",
	"hire_compensation not_yet",
};

static void check_not_yet(const struct question *qn, const struct choice *c)
{
	if (c->risk != RISK_LOW || !c->finding || !c->advice)
		fail_msg("'%s' answer '%s' needs low risk, a finding and "
			 "advice on what to prepare", qn->id, c->id);
	/* Halfway on a single question: nothing wrong, nothing ready.  On a
	 * multi question only a choice that earns nothing speaks. */
	if (qn->type == QTYPE_MULTI ? c->score != 0 :
	    c->score != qn->best_score / 2)
		fail_msg("'%s' answer '%s' does not score as the rubric says",
			 qn->id, c->id);
	if (qn->not_applicable)
		fail_msg("'%s' offers both \"not yet\" and \"not "
			 "applicable\"", qn->id);
}

static void test_before_launch(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i, j, found = 0;

	(void)state;
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];
		const char *p = qn->not_applicable_prompt;

		for (j = 0; j < qn->nchoices; j++) {
			char key[160];
			size_t k;
			int listed = 0;

			if (!is_not_yet(&qn->choices[j]))
				continue;
			check_not_yet(qn, &qn->choices[j]);
			snprintf(key, sizeof(key), "%s %s", qn->id,
				 qn->choices[j].id);
			for (k = 0; k < sizeof(not_yet_answers) /
				    sizeof(*not_yet_answers); k++)
				listed |= !strcmp(key, not_yet_answers[k]);
			if (!listed)
				fail_msg("'%s' is not in not_yet_answers", key);
			found++;
		}
		if (qn->not_applicable && (!p || p[strlen(p) - 1] != '?'))
			fail_msg("'%s' allows \"not applicable\" but does not "
				 "ask why", qn->id);
	}
	assert_int_equal(found, sizeof(not_yet_answers) /
				sizeof(*not_yet_answers));
	for (i = 0; i < sizeof(may_not_have) / sizeof(*may_not_have); i++) {
		const struct question *qn =
			questionnaire_question(q, may_not_have[i]);

		assert_non_null(qn);
		if (!qn->not_applicable)
			fail_msg("'%s' does not allow \"not applicable\"",
				 qn->id);
	}
	questionnaire_free(q);
}

/* ---- one action per thing to do ----------------------------------------- */

struct advice_item {
	const struct question *question;
	const char *advice;
	const char *initiative;
};

static void add_item(struct advice_item *items, size_t *n,
		     const struct question *qn, const char *advice,
		     const char *initiative)
{
	items[*n].question = qn;
	items[*n].advice = advice ? advice : qn->advice;
	items[*n].initiative = initiative ? initiative : qn->initiative;
	(*n)++;
}

/*
 * The plan merges findings that give the same advice into one action
 * (cto-assess(1), SCORING).  Two different questions that happen to share
 * an advice text would be merged without anyone deciding it; merging is
 * what initiatives are for, so the same advice in two questions is allowed
 * only when both name the same initiative.  (Within one question it does
 * not matter: a question has one finding at a time.)
 */
static void test_advice_distinct(void **state)
{
	struct questionnaire *q = load(FULL);
	struct advice_item *items;
	size_t i, j, n = 0, cap = 0;

	(void)state;
	for (i = 0; i < q->nquestions; i++)
		cap += q->questions[i]->nchoices + q->questions[i]->nbands;
	items = xcalloc(cap ? cap : 1, sizeof(*items));
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		if (!qn->scored)
			continue;
		for (j = 0; j < qn->nchoices; j++)
			add_item(items, &n, qn, qn->choices[j].advice,
				 qn->choices[j].initiative);
		for (j = 0; j < qn->nbands; j++)
			add_item(items, &n, qn, qn->bands[j].advice,
				 qn->bands[j].initiative);
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			const struct advice_item *a = &items[i], *b = &items[j];

			if (a->question == b->question || !a->advice ||
			    !b->advice || strcmp(a->advice, b->advice))
				continue;
			if (!a->initiative || !b->initiative ||
			    strcmp(a->initiative, b->initiative))
				fail_msg("'%s' and '%s' give the same advice "
					 "without sharing an initiative",
					 a->question->id, b->question->id);
		}
	free(items);
	questionnaire_free(q);
}

static int names(const char *ref, const char *id)
{
	return ref && !strcmp(ref, id);
}

/* How many questions, choices and bands name initiative id. */
static size_t initiative_uses(const struct questionnaire *q, const char *id)
{
	size_t i, j, n = 0;

	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		n += names(qn->initiative, id);
		for (j = 0; j < qn->nchoices; j++)
			n += names(qn->choices[j].initiative, id);
		for (j = 0; j < qn->nbands; j++)
			n += names(qn->bands[j].initiative, id);
	}
	return n;
}

/* Every initiative is used, by answers to more than one question (else it
 * merges nothing), and says what to do: in the plan its advice replaces
 * the advice of the findings it groups. */
static void test_initiatives(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i;

	(void)state;
	assert_true(q->ninitiatives >= 8);
	for (i = 0; i < q->ninitiatives; i++) {
		const struct initiative *in = &q->initiatives[i];
		size_t k, questions = 0;

		if (!initiative_uses(q, in->id))
			fail_msg("initiative '%s' is never used", in->id);
		if (!in->advice || strlen(in->advice) < 120)
			fail_msg("initiative '%s' lacks real advice", in->id);
		for (k = 0; k < q->nquestions; k++) {
			const struct question *qn = q->questions[k];
			size_t j;
			int uses = names(qn->initiative, in->id);

			for (j = 0; j < qn->nchoices; j++)
				uses |= names(qn->choices[j].initiative, in->id);
			for (j = 0; j < qn->nbands; j++)
				uses |= names(qn->bands[j].initiative, in->id);
			questions += uses;
		}
		if (questions < 2)
			fail_msg("initiative '%s' groups only one question",
				 in->id);
	}
	questionnaire_free(q);
}

/* ---- shape --------------------------------------------------------------- */

static int counts_profile(const struct expr *node, void *ctx)
{
	const struct questionnaire *q = ctx;
	const struct question *ref = questionnaire_question(q, node->question);

	return ref && !strcmp(ref->area->id, "profile");
}

/* The regulated modules: short areas, asked only when the profile says. */
static int regulated_area(const char *id)
{
	return !strcmp(id, "trust") || !strcmp(id, "payments") ||
	       !strcmp(id, "health");
}

static void test_shape(void **state)
{
	struct questionnaire *q = load(FULL);
	size_t i, j, scored = 0, adaptive = 0;

	(void)state;
	assert_string_equal(q->areas[0].id, "profile");
	assert_false(q->areas[0].scored);
	assert_int_equal(q->nareas, 12);
	assert_string_equal(q->version, "2.1");
	assert_non_null(q->team_size_question);
	for (i = 1; i < q->nareas; i++) {
		const struct area *a = &q->areas[i];
		size_t n = 0, lo = 7, hi = 11;

		for (j = 0; j < a->nquestions; j++) {
			n += a->questions[j].scored;
			/* A regulated module is never asked of everyone. */
			if (regulated_area(a->id) && !a->questions[j].when)
				fail_msg("'%s' is asked of every company",
					 a->questions[j].id);
		}
		if (regulated_area(a->id)) {
			lo = 4;
			hi = 8;
		}
		scored += n;
		if (n < lo || n > hi)
			fail_msg("area '%s' has %zu scored questions", a->id, n);
		/* "Ready" depends on the stage: a target for every one. */
		assert_int_equal(a->ntargets, 5);
		for (j = 0; j + 1 < a->ntargets; j++)
			assert_true(a->targets[j].score <=
				    a->targets[j + 1].score);
	}
	assert_true(scored >= 80 && scored <= 100);
	for (i = 0; i < q->nquestions; i++)
		if (q->questions[i]->when &&
		    expr_visit(q->questions[i]->when, counts_profile, q))
			adaptive++;
	if (adaptive < 40)
		fail_msg("only %zu questions adapt to the profile", adaptive);
	questionnaire_free(q);
}

/* The profile gives the report two free-text answers to quote. */
static void test_profile_text(void **state)
{
	struct questionnaire *q = load(FULL);
	static const char *const ids[] = { "tech_stack", "biggest_worry" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
		const struct question *qn = questionnaire_question(q, ids[i]);

		assert_non_null(qn);
		assert_int_equal(qn->type, QTYPE_TEXT);
		assert_string_equal(qn->area->id, "profile");
	}
	questionnaire_free(q);
}

/* ---- the ids of version 1.0 ---------------------------------------------- */

/* Checks one line of v1-ids.txt: "QUESTION TYPE [CHOICE...]". */
static void check_v1_line(const struct questionnaire *q, char *line)
{
	char *save = NULL, *qid = strtok_r(line, " \n", &save);
	char *type = qid ? strtok_r(NULL, " \n", &save) : NULL;
	const struct question *qn;
	char *cid;

	if (!qid || qid[0] == '#')
		return;
	assert_non_null(type);
	qn = questionnaire_question(q, qid);
	if (!qn)
		fail_msg("question '%s' of version 1.0 is gone", qid);
	if (strcmp(question_type_names[qn->type], type))
		fail_msg("question '%s' was %s in version 1.0, now %s", qid,
			 type, question_type_names[qn->type]);
	while ((cid = strtok_r(NULL, " \n", &save)))
		if (!question_choice(qn, cid))
			fail_msg("choice '%s' of '%s' is gone", cid, qid);
}

static void test_v1_ids(void **state)
{
	struct questionnaire *q = load(FULL);
	FILE *f = fopen(V1_IDS, "r");
	char line[1024];
	size_t n = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		n += line[0] != '#' && line[0] != '\n';
		check_v1_line(q, line);
	}
	fclose(f);
	/* Version 1.0 had 84 questions. */
	assert_int_equal(n, 84);
	questionnaire_free(q);
}

/*
 * Answers files of version 1.0 load with no orphan (the examples as they
 * were before the examples moved to 2.0, kept in tests/content/v1/).
 */
static void test_v1_examples(void **state)
{
	static const char *const files[] = {
		"tests/content/v1/idea-consumer-app.json",
		"tests/content/v1/series-a-b2b-saas.json",
	};
	struct questionnaire *q = load(FULL);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(*files); i++) {
		struct diag_list diags = DIAG_LIST_INIT;
		struct answers a;

		/* An orphan would be a warning, and land in a.orphans. */
		if (answers_load(&a, q, files[i], &diags) || diags.count ||
		    a.orphans) {
			diag_print(&diags, stderr);
			fail_msg("'%s' does not load cleanly", files[i]);
		}
		assert_string_equal(a.questionnaire_version, "1.0");
		diag_list_release(&diags);
		answers_release(&a);
	}
	questionnaire_free(q);
}

/* ---- how many questions a company is asked -------------------------------- */

/* Sets a profile answer, by choice id (or ids, comma-separated) or number. */
static void set(struct answers *a, const char *id, const char *value)
{
	const struct question *qn = questionnaire_question(a->questionnaire, id);
	struct answer *ans;

	assert_non_null(qn);
	ans = answers_get(a, qn);
	answer_clear_value(ans);
	if (qn->type == QTYPE_NUMBER) {
		ans->kind = ANSWER_NUMBER;
		ans->number = atof(value);
	} else if (qn->type == QTYPE_MULTI) {
		char *copy = xstrdup(value), *tok, *save = NULL;

		ans->kind = ANSWER_CHOICES;
		for (tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			ans->choices = xreallocarray(ans->choices,
						     ans->nchoices + 1,
						     sizeof(char *));
			ans->choices[ans->nchoices++] = xstrdup(tok);
		}
		free(copy);
	} else if (qn->type == QTYPE_TEXT) {
		ans->kind = ANSWER_TEXT;
		ans->text = xstrdup(value);
	} else {
		assert_non_null(question_choice(qn, value));
		ans->kind = ANSWER_CHOICE;
		ans->choice = xstrdup(value);
	}
}

/* How many questions a company with these answers is asked. */
static size_t asked(const struct answers *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->nitems; i++)
		n += answers_applies(a, a->questionnaire->questions[i]);
	return n;
}

static int applies(const struct answers *a, const char *id)
{
	const struct question *qn = questionnaire_question(a->questionnaire,
							   id);

	assert_non_null(qn);
	return answers_applies(a, qn);
}

/* The range written at the top of a profile: "# asked: LO-HI". */
static void profile_range(const char *path, unsigned *lo, unsigned *hi)
{
	FILE *f = fopen(path, "r");
	char line[256];

	assert_non_null(f);
	if (!fgets(line, sizeof(line), f) ||
	    sscanf(line, "# asked: %u-%u", lo, hi) != 2)
		fail_msg("'%s' does not start with '# asked: LO-HI'", path);
	fclose(f);
}

/*
 * What a few profiles must and must not be asked (1: asked, 0: not):
 * the complaints of issue 11, and the regulated modules.
 */
static const struct expectation {
	const char *profile, *question;
	int asked;
} expectations[] = {
	/* Nothing of a live product before launch, no co-founder talk. */
	{ "idea-solo-agency", "mvp_user_feedback", 0 },
	{ "idea-solo-agency", "proc_release_frequency", 0 },
	{ "idea-solo-agency", "proc_deploy_method", 0 },
	{ "idea-solo-agency", "sec_backups", 0 },
	{ "idea-solo-agency", "inn_defensibility", 0 },
	{ "idea-solo-agency", "team_agency_dependence", 1 },
	{ "idea-solo-agency", "hire_vendor_contracts", 1 },
	{ "idea-solo-agency", "team_independent_review", 1 },
	{ "pre-seed-two-founders", "sec_backups", 1 },
	{ "pre-seed-two-founders", "trust_prod_access", 0 },
	/* Card data through their own page: scope, validation, fraud,
	 * KYC and licensing. */
	{ "seed-fintech-cards", "pay_pci_saq", 1 },
	{ "seed-fintech-cards", "pay_fraud", 1 },
	{ "seed-fintech-cards", "pay_kyc", 1 },
	{ "seed-fintech-cards", "pay_licensing", 1 },
	{ "seed-fintech-cards", "trust_prod_access", 1 },
	{ "seed-fintech-cards", "health_baa", 0 },
	/* Revenue answered the validation question; hospitals ask for BAAs,
	 * audit trails, SSO and uptime. */
	{ "series-a-hospitals", "mvp_validation", 0 },
	{ "series-a-hospitals", "health_baa", 1 },
	{ "series-a-hospitals", "health_audit_trail", 1 },
	{ "series-a-hospitals", "trust_sso", 1 },
	{ "series-a-hospitals", "trust_uptime", 1 },
	{ "series-a-hospitals", "trust_prod_access", 0 },
	{ "series-a-hospitals", "pay_fraud", 0 },
	/* A marketplace paying out to sellers: KYC, but no license question,
	 * and no PCI validation behind a hosted checkout. */
	{ "growth-marketplace", "pay_kyc", 1 },
	{ "growth-marketplace", "pay_licensing", 0 },
	{ "growth-marketplace", "pay_pci_saq", 0 },
	{ "growth-marketplace", "hire_advisors", 0 },
};

static void check_expectations(const struct answers *a, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < sizeof(expectations) / sizeof(*expectations); i++) {
		const struct expectation *e = &expectations[i];

		if (strcmp(e->profile, name))
			continue;
		n++;
		if (applies(a, e->question) != e->asked)
			fail_msg("%s is %sasked '%s'", name,
				 e->asked ? "not " : "", e->question);
	}
	assert_true(n > 0);
}

static void check_profile(const struct questionnaire *q, const char *file)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	char path[512], name[256];
	unsigned lo, hi;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", PROFILES, file);
	snprintf(name, sizeof(name), "%.*s", (int)(strlen(file) - 5), file);
	profile_range(path, &lo, &hi);
	if (answers_load(&a, q, path, &diags) || diags.count) {
		diag_print(&diags, stderr);
		fail_msg("'%s' does not load cleanly", path);
	}
	diag_list_release(&diags);
	n = asked(&a);
	print_message("# %s: %zu questions (the description says %u-%u)\n",
		      name, n, lo, hi);
	if (n < lo || n > hi)
		fail_msg("%s is asked %zu questions, not %u-%u", name, n, lo,
			 hi);
	check_expectations(&a, name);
	answers_release(&a);
}

static void test_profiles(void **state)
{
	struct questionnaire *q = load(FULL);
	DIR *dir = opendir(PROFILES);
	struct dirent *e;
	size_t n = 0;

	(void)state;
	assert_non_null(dir);
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		check_profile(q, e->d_name);
		n++;
	}
	closedir(dir);
	assert_int_equal(n, 5);
	questionnaire_free(q);
}

static void test_quick_reuses_full(void **state)
{
	struct questionnaire *full = load(FULL), *quick = load(QUICK);
	size_t i, scored = 0;

	(void)state;
	for (i = 0; i < quick->nquestions; i++) {
		const struct question *qq = quick->questions[i];
		const struct question *fq = questionnaire_question(full, qq->id);

		/* Same id, same text, same weight: taken, not copied. */
		assert_non_null(fq);
		assert_string_equal(qq->text, fq->text);
		assert_true(qq->weight == fq->weight);
		scored += qq->scored;
	}
	assert_true(scored >= 8 && scored <= 12);
	/* Every file the quick one reads is one the full one reads. */
	for (i = 1; i < quick->nfiles; i++) {
		size_t j;
		int found = 0;

		for (j = 0; j < full->nfiles; j++)
			found |= !strcmp(strrchr(quick->files[i], '/'),
					 strrchr(full->files[j], '/'));
		if (!found)
			fail_msg("'%s' is not part of the full questionnaire",
				 quick->files[i]);
	}
	questionnaire_free(full);
	questionnaire_free(quick);
}

/*
 * cto-quick says "11 to 16" questions.  The fewest: an idea with nothing
 * built (6 profile questions; mvp_validation, team_leadership,
 * team_accounts, team_ip, sec_mfa) = 11.  The most: a live seed company
 * building with an agency beside its own team of five (6; validation,
 * leadership, bus factor, agency dependence, accounts, IP, version
 * control, MFA, backups, vendor contracts) = 16.
 */
static void test_quick_length(void **state)
{
	struct questionnaire *q = load(QUICK);
	struct answers least, most;

	(void)state;
	answers_init(&least, q);
	set(&least, "stage", "idea");
	set(&least, "team_size", "1");
	set(&least, "product_status", "no_product");
	set(&least, "build_model", "not-started");
	answers_init(&most, q);
	set(&most, "stage", "seed");
	set(&most, "team_size", "5");
	set(&most, "product_status", "live");
	set(&most, "build_model", "mixed");
	assert_int_equal(asked(&least), 11);
	assert_int_equal(asked(&most), 16);
	assert_non_null(strstr(q->description, "11 to 16"));
	answers_release(&least);
	answers_release(&most);
	questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_and_advice),
		cmocka_unit_test(test_risk_and_findings),
		cmocka_unit_test(test_critical_is_rare),
		cmocka_unit_test(test_before_launch),
		cmocka_unit_test(test_advice_distinct),
		cmocka_unit_test(test_initiatives),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_profile_text),
		cmocka_unit_test(test_v1_ids),
		cmocka_unit_test(test_v1_examples),
		cmocka_unit_test(test_profiles),
		cmocka_unit_test(test_quick_reuses_full),
		cmocka_unit_test(test_quick_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
