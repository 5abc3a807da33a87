/*
 * score.c - scoring an assessment; the method is described in score.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "util.h"

const char *const horizon_names[HORIZON_COUNT] = { "now", "next", "later" };
const char *const horizon_titles[HORIZON_COUNT] = {
	"Now (next 30 days)", "Next (next 90 days)", "Later"
};
const char *const question_status_names[] = {
	"answered", "skipped", "dont_know", "unanswered", "not_applicable",
	"ruled_out"
};

double score_round(double x, int decimals)
{
	return round_to(x, decimals);
}

static double clamp01(double x)
{
	if (!(x > 0))
		return 0;
	return x > 1 ? 1 : x;
}

/* The band of a number or scale question that value falls in. */

static double score_choice(const struct question *question, const char *id)
{
	const struct choice *c = question_choice(question, id);

	if (!c)
		return 0;
	/* A question whose every choice scores 0 has nothing to gain. */
	if (question->best_score <= 0)
		return 1;
	return clamp01(c->score / question->best_score);
}

static double score_choices(const struct question *question,
			    const struct answer *answer)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < answer->nchoices; i++) {
		const struct choice *c = question_choice(question,
							 answer->choices[i]);
		if (c && c->score > 0)
			sum += c->score;
	}
	if (question->full_score <= 0)
		return 1;
	return clamp01(sum / question->full_score);
}

static double score_number(const struct question *question, double value)
{
	const struct band *band = question_band(question, value);

	if (band)
		return clamp01(band->score);
	if (question_is(question, QTYPE_F_RANGE)) {
		if (question->max <= question->min)
			return 1;
		return clamp01((value - question->min) /
			       (question->max - question->min));
	}
	return 0;
}

double score_question(const struct question *question,
		      const struct answer *answer)
{
	const struct rule *rule = question_rule(question, answer);

	if (rule)
		return clamp01(rule->score);
	switch (answer->kind) {
	case ANSWER_CHOICE:
		return score_choice(question, answer->choice);
	case ANSWER_CHOICES:
		return score_choices(question, answer);
	case ANSWER_NUMBER:
		return score_number(question, answer->number);
	default:
		return 0;
	}
}

static enum question_status status_of(int applies,
				      const struct answer *answer)
{
	if (!applies)
		return STATUS_RULED_OUT;
	switch (answer->kind) {
	case ANSWER_NOT_APPLICABLE:
		return STATUS_NOT_APPLICABLE;
	case ANSWER_NONE:
		return STATUS_UNANSWERED;
	case ANSWER_SKIPPED:
		return STATUS_SKIPPED;
	case ANSWER_DONT_KNOW:
		return STATUS_DONT_KNOW;
	default:
		return STATUS_ANSWERED;
	}
}

/* A derived risk: from the score, raised one level for heavy questions. */
static enum risk derived_risk(const struct question *q, double score)
{
	enum risk risk;

	if (score < SCORE_RISK_HIGH_BELOW)
		risk = RISK_HIGH;
	else if (score < SCORE_RISK_MEDIUM_BELOW)
		risk = RISK_MEDIUM;
	else
		risk = RISK_LOW;
	if (q->weight >= SCORE_RISK_RAISE_WEIGHT && risk < RISK_HIGH)
		risk++;
	return risk;
}

static enum risk risk_or_derived(const struct question *q, enum risk set,
				 double score)
{
	return set != RISK_UNSET ? set : derived_risk(q, score);
}

/* Keeps the higher of two risks, and whether the questionnaire set it (on
 * a tie, a risk the questionnaire sets wins over a derived one). */
static void keep_worst(enum risk *worst, int *worst_explicit, enum risk r,
		       int is_explicit)
{
	if (r > *worst || (r == *worst && is_explicit)) {
		*worst = r;
		*worst_explicit = is_explicit;
	}
}

/*
 * The worst a question's rules can give: the highest risk of a rule that
 * makes a finding (score below 1), set or derived from its score.
 */
static void worst_rule_risk(const struct question *q, enum risk *worst,
			    int *is_explicit)
{
	size_t i;

	for (i = 0; i < q->nrules; i++) {
		const struct rule *r = &q->rules[i];

		if (r->score < 1)
			keep_worst(worst, is_explicit,
				   risk_or_derived(q, r->risk, r->score),
				   r->risk != RISK_UNSET);
	}
}

/*
 * The risk of an unknown: the highest any answer to the question carries.
 * The worst answer to a multi question is nothing ticked, or "none of
 * these": the highest risk any of its choices sets (a box that earns
 * points sets the risk of leaving it unticked), derived from a score of 0
 * when none sets one.
 */
static enum risk worst_risk(const struct question *q, int *is_explicit)
{
	enum risk worst = RISK_UNSET, set;
	size_t i;

	*is_explicit = 0;
	worst_rule_risk(q, &worst, is_explicit);
	/* When the last rule always holds, the rules are every answer. */
	if (q->rules_cover)
		return worst != RISK_UNSET ? worst : derived_risk(q, 0);
	if (question_value(q) == QVALUE_CHOICES) {
		for (i = 0; i < q->nchoices; i++)
			if (q->choices[i].risk != RISK_UNSET)
				keep_worst(&worst, is_explicit,
					   q->choices[i].risk, 1);
		return worst != RISK_UNSET ? worst : derived_risk(q, 0);
	}
	for (i = 0; i < q->nchoices; i++) {
		set = q->choices[i].risk;
		keep_worst(&worst, is_explicit, risk_or_derived(q, set,
			   score_choice(q, q->choices[i].id)),
			   set != RISK_UNSET);
	}
	for (i = 0; i < q->nbands; i++) {
		set = q->bands[i].risk;
		keep_worst(&worst, is_explicit, risk_or_derived(q, set,
			   clamp01(q->bands[i].score)), set != RISK_UNSET);
	}
	if (worst == RISK_UNSET)	/* a scale without bands */
		worst = derived_risk(q, 0);
	return worst;
}

/*
 * Whether ticking a box of a multi question earns something: its score;
 * under rules that cover every answer (choices without scores, such as an
 * AWS lens's best practices), any box but an exclusive "none of these".
 */
static int box_earns(const struct question *q, const struct choice *c)
{
	return q->rules_cover ? !c->exclusive : c->score > 0;
}

/* Whether a choice says anything about a finding. */
static int speaks(const struct choice *c)
{
	return c->advice || c->finding || c->risk != RISK_UNSET;
}

/*
 * The choice of a multi answer that speaks for it: a ticked choice that
 * earns nothing ("None of these") when it says something; else, among the
 * boxes not ticked that would earn something, the one with the highest
 * risk (a box's risk is the risk of leaving it unticked), the first of them
 * on a tie, so that the advice and the finding are about the riskiest thing
 * missing rather than what is there.
 */
static const struct choice *multi_advice_choice(const struct question *q,
						const struct answer *answer)
{
	const struct choice *best = NULL;
	size_t i;

	for (i = 0; i < answer->nchoices; i++) {
		const struct choice *c = question_choice(q, answer->choices[i]);

		if (c && speaks(c) && !box_earns(q, c))
			return c;
	}
	for (i = 0; i < q->nchoices; i++) {
		const struct choice *c = &q->choices[i];

		if (speaks(c) && box_earns(q, c) &&
		    !answer_includes(answer, c->id) &&
		    (!best || c->risk > best->risk))
			best = c;
	}
	return best;
}

/* Takes what a choice says about a finding, and returns its risk. */
static enum risk take_choice(struct question_score *qs,
			     const struct choice *c)
{
	qs->choice = c;
	if (c->effort != EFFORT_UNSET)
		qs->effort = c->effort;
	if (c->advice)
		qs->advice = c->advice;
	qs->statement = c->finding;
	if (c->initiative)
		qs->initiative = c->initiative;
	return c->risk;
}

/* Risk, effort, advice and statement of a finding, from the answer. */
static void describe_finding(struct question_score *qs)
{
	const struct question *q = qs->question;
	const struct answer *answer = qs->answer;
	const struct choice *c;
	const struct band *band;
	const struct rule *rule;
	enum risk risk = RISK_UNSET;

	qs->effort = q->effort;
	qs->advice = q->advice;
	qs->initiative = q->initiative;
	if (qs->unknown) {
		risk = worst_risk(q, &qs->risk_explicit);
	} else if (answer->kind == ANSWER_CHOICE) {
		c = question_choice(q, answer->choice);
		if (c)
			risk = take_choice(qs, c);
	} else if (answer->kind == ANSWER_NUMBER) {
		band = question_band(q, answer->number);
		if (band) {
			risk = band->risk;
			if (band->advice)
				qs->advice = band->advice;
			qs->statement = band->finding;
			if (band->initiative)
				qs->initiative = band->initiative;
		}
	} else if (answer->kind == ANSWER_CHOICES) {
		c = multi_advice_choice(q, answer);
		if (c)
			risk = take_choice(qs, c);
	}
	/* A rule that holds gives the risk; the advice stays the answer's. */
	rule = qs->unknown ? NULL : question_rule(q, answer);
	if (rule)
		risk = rule->risk;
	if (!qs->unknown)
		qs->risk_explicit = risk != RISK_UNSET;
	qs->risk = risk != RISK_UNSET ? risk : derived_risk(q, qs->score);
	if (qs->effort == EFFORT_UNSET)
		qs->effort = EFFORT_MEDIUM;
}

enum risk score_answer_risk(const struct question *question,
			    const struct answer *answer, int *is_explicit)
{
	struct question_score qs;

	memset(&qs, 0, sizeof(qs));
	qs.question = question;
	qs.answer = answer;
	qs.unknown = !answer_has_value(answer);
	qs.score = qs.unknown ? 0 : score_question(question, answer);
	if (is_explicit)
		*is_explicit = 0;
	if (!qs.unknown && qs.score >= 1)
		return RISK_UNSET;
	describe_finding(&qs);
	if (is_explicit)
		*is_explicit = qs.risk_explicit;
	return qs.risk;
}

static void score_one_question(struct score_result *r, size_t i,
			       int applies)
{
	const struct question *q = r->questionnaire->questions[i];
	struct question_score *qs = &r->questions[i];

	qs->question = q;
	qs->answer = answers_get_const(r->answers, q);
	qs->status = status_of(applies, qs->answer);
	qs->counts = q->scored && q->area->scored && q->weight > 0 &&
		     question_type_scorable(q->type) &&
		     qs->status != STATUS_RULED_OUT &&
		     qs->status != STATUS_NOT_APPLICABLE;
	qs->unknown = qs->counts && qs->status != STATUS_ANSWERED;
	qs->score = 0;
	if (qs->counts && qs->status == STATUS_ANSWERED)
		qs->score = score_question(q, qs->answer);
	if (qs->counts && qs->score < 1)
		describe_finding(qs);
}

/* The area's index in the questionnaire, found by pointer. */
static size_t area_index(const struct questionnaire *q, const struct area *a)
{
	return (size_t)(a - q->areas);
}

/* The level to show: capped at the second-lowest while a critical
 * finding is open. */
static const struct level *capped_level(const struct questionnaire *q,
					const struct level *level,
					int critical_open)
{
	if (!level || !critical_open || q->nlevels < 2 ||
	    level <= &q->levels[1])
		return level;
	return &q->levels[1];
}

int score_level_capped(const struct level *level,
		       const struct level *uncapped)
{
	return level && uncapped && level != uncapped;
}

/* Sums of weights per area: all counting questions, answered ones, and
 * weighted scores. */
struct area_sums {
	double weight, answered, score;
};

static void sum_areas(struct score_result *r, struct area_sums *sums)
{
	const struct questionnaire *q = r->questionnaire;
	size_t i;

	for (i = 0; i < r->nquestions; i++) {
		const struct question_score *qs = &r->questions[i];
		const struct question *qn = qs->question;
		size_t k = area_index(q, qn->area);

		if (qs->status == STATUS_NOT_APPLICABLE && qn->scored &&
		    qn->area->scored && question_type_scorable(qn->type))
			r->areas[k].nnot_applicable++;
		if (!qs->counts)
			continue;
		sums[k].score += qn->weight * qs->score;
		sums[k].weight += qn->weight;
		r->areas[k].ncounted++;
		if (qs->unknown)
			r->areas[k].nunknown++;
		else
			sums[k].answered += qn->weight;
	}
}

static void score_areas(struct score_result *r)
{
	const struct questionnaire *q = r->questionnaire;
	struct area_sums *sums = xcalloc(q->nareas, sizeof(*sums));
	size_t i;

	sum_areas(r, sums);
	for (i = 0; i < q->nareas; i++) {
		struct area_score *as = &r->areas[i];
		const struct target *t;

		as->area = &q->areas[i];
		as->has_score = as->area->scored && sums[i].weight > 0;
		if (!as->has_score)
			continue;
		as->score = score_round(100 * sums[i].score / sums[i].weight, 1);
		as->coverage = score_round(sums[i].answered / sums[i].weight, 2);
		as->enough_information = as->coverage >= SCORE_COVERAGE_MIN;
		as->uncapped_level = questionnaire_level(q, as->score);
		as->level = as->uncapped_level;
		t = r->stage ? area_target(as->area, r->stage) : NULL;
		if (t) {
			as->has_target = 1;
			as->target = t->score;
			as->gap = as->score < t->score ?
				  score_round(t->score - as->score, 1) : 0;
		}
	}
	free(sums);
}

static void score_overall(struct score_result *r)
{
	double sum = 0, weights = 0, tsum = 0, tweights = 0, coverage = 0;
	size_t i;

	for (i = 0; i < r->nareas; i++) {
		const struct area_score *as = &r->areas[i];
		double w = as->area->weight;

		if (!as->has_score || w <= 0)
			continue;
		sum += w * as->score;
		coverage += w * as->coverage;
		weights += w;
		if (as->has_target) {
			tsum += w * as->target;
			tweights += w;
		}
		if (as->has_target && as->score < as->target)
			r->nbelow_target++;
	}
	r->has_score = weights > 0;
	if (r->has_score) {
		r->score = score_round(sum / weights, 1);
		r->coverage = score_round(coverage / weights, 2);
		r->enough_information = r->coverage >= SCORE_COVERAGE_MIN;
		r->uncapped_level = questionnaire_level(r->questionnaire,
							r->score);
		r->level = r->uncapped_level;
	}
	r->has_target = r->has_score && tweights > 0;
	if (r->has_target) {
		r->target = score_round(tsum / tweights, 1);
		r->gap = r->score < r->target ?
			 score_round(r->target - r->score, 1) : 0;
	}
}

/* Open critical findings cap the levels of their areas and the overall. */
static void cap_levels(struct score_result *r)
{
	const struct questionnaire *q = r->questionnaire;
	size_t i;

	for (i = 0; i < r->nareas; i++) {
		struct area_score *as = &r->areas[i];

		as->level = capped_level(q, as->uncapped_level,
					 as->nrisks[RISK_CRITICAL] > 0);
	}
	r->level = capped_level(q, r->uncapped_level,
				r->nrisks[RISK_CRITICAL] > 0);
}

static void add_finding(struct score_result *r, const struct question_score *qs)
{
	struct finding *f = &r->findings[r->nfindings++];
	const struct question *qn = qs->question;
	struct area_score *as = &r->areas[area_index(r->questionnaire,
						      qn->area)];
	double t = as->has_target ? as->target / 100 : 0;
	double below_target = t > qs->score ? t - qs->score : 0;

	f->qs = qs;
	f->area = as;
	f->title = qs->statement ? qs->statement : qn->text;
	f->impact = score_round(qn->weight * qn->area->weight *
				((1 - qs->score) + below_target), 2);
	f->pin = HORIZON_COUNT;
}

/* The open findings by area and risk. */
static void count_findings(struct score_result *r)
{
	size_t i;

	memset(r->nrisks, 0, sizeof(r->nrisks));
	for (i = 0; i < r->nareas; i++) {
		r->areas[i].nfindings = 0;
		memset(r->areas[i].nrisks, 0, sizeof(r->areas[i].nrisks));
	}
	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		struct area_score *as;

		/* A disagreement counts in no score or count: the merged
		 * answer carries its risk already. */
		if (f->kind != FINDING_ANSWER)
			continue;
		as = &r->areas[area_index(r->questionnaire,
					  f->qs->question->area)];
		as->nfindings++;
		as->nrisks[f->qs->risk]++;
		r->nrisks[f->qs->risk]++;
	}
}

void score_recount(struct score_result *r)
{
	count_findings(r);
	cap_levels(r);
}

/* A disagreement's finding: in the plan, in no score or count. */
static void add_disagreement(struct score_result *r,
			     const struct disagreement *d)
{
	struct finding *f = &r->findings[r->nfindings++];

	f->kind = FINDING_DISAGREEMENT;
	f->disagreement = d;
	f->qs = &d->qs;
	f->area = score_area(r, d->merged->question->area);
	f->title = d->title;
	f->impact = d->impact;
}

static void collect(struct score_result *r)
{
	size_t i;

	r->findings = xcalloc(r->nquestions + r->ndisagreements + 1,
			      sizeof(*r->findings));
	r->strengths = xcalloc(r->nquestions, sizeof(*r->strengths));
	r->unknowns = xcalloc(r->nquestions, sizeof(*r->unknowns));
	r->not_applicable = xcalloc(r->nquestions,
				    sizeof(*r->not_applicable));
	for (i = 0; i < r->nquestions; i++) {
		const struct question_score *qs = &r->questions[i];

		if (qs->status == STATUS_NOT_APPLICABLE)
			r->not_applicable[r->nnot_applicable++] = qs;
		if (qs->status == STATUS_SKIPPED ||
		    qs->status == STATUS_DONT_KNOW ||
		    qs->status == STATUS_UNANSWERED) {
			r->unknowns[r->nunknowns++] = qs;
			if (qs->status == STATUS_UNANSWERED)
				r->nunanswered++;
		}
		if (!qs->counts)
			continue;
		if (qs->score < 1) {
			add_finding(r, qs);
		} else {
			r->strengths[r->nstrengths++] = qs;
			r->areas[area_index(r->questionnaire,
					    qs->question->area)].nstrengths++;
		}
	}
	for (i = 0; i < r->ndisagreements; i++)
		add_disagreement(r, &r->disagreements[i]);
}

/* The company name and the stage, from the questions that give them. */
static void profile(struct score_result *r, const unsigned char *applies)
{
	const struct questionnaire *q = r->questionnaire;
	const struct answer *answer;
	const struct question *question;

	if (q->name_question) {
		answer = answers_find(r->answers, q->name_question);
		if (answer && answer->kind == ANSWER_TEXT && answer->text[0])
			r->company = answer->text;
	}
	if (!q->stage_question)
		return;
	question = questionnaire_question(q, q->stage_question);
	answer = answers_find(r->answers, q->stage_question);
	if (question && answer && answer->kind == ANSWER_CHOICE &&
	    applies[question->index]) {
		const struct choice *c = question_choice(question,
							 answer->choice);

		r->stage = answer->choice;
		r->stage_label = c ? c->label : NULL;
	}
}

void score_compute(struct score_result *r, const struct questionnaire *q,
		   const struct answers *a)
{
	score_answers(r, q, a);
	plan_build(r);
}

void score_answers(struct score_result *r, const struct questionnaire *q,
		   const struct answers *a)
{
	unsigned char *applies;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->questionnaire = q;
	r->answers = a;
	r->nquestions = q->nquestions;
	r->questions = xcalloc(r->nquestions, sizeof(*r->questions));
	r->nareas = q->nareas;
	r->areas = xcalloc(r->nareas, sizeof(*r->areas));
	/* Which questions apply, in one pass rather than one per question. */
	applies = xmalloc(r->nquestions + 1);
	answers_applicability(a, applies);
	profile(r, applies);
	for (i = 0; i < r->nquestions; i++)
		score_one_question(r, i, applies[i]);
	free(applies);
	score_areas(r);
	score_overall(r);
	score_disagreements(r);
	collect(r);
	score_recount(r);
}

void score_release(struct score_result *r)
{
	plan_release(&r->plan);
	free(r->questions);
	free(r->areas);
	free(r->findings);
	free(r->dropped);
	free(r->strengths);
	free(r->unknowns);
	free(r->not_applicable);
	score_team_release(r);
	memset(r, 0, sizeof(*r));
}

const struct area_score *score_area(const struct score_result *r,
				    const struct area *area)
{
	return &r->areas[area_index(r->questionnaire, area)];
}
