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
	"answered", "skipped", "dont_know", "unanswered", "not_applicable"
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
	if (question->type == QTYPE_SCALE) {
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
		return STATUS_NOT_APPLICABLE;
	switch (answer->kind) {
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
static enum risk derived_risk(const struct question_score *qs)
{
	enum risk risk;

	if (qs->status != STATUS_ANSWERED)
		risk = RISK_MEDIUM;
	else if (qs->score < SCORE_RISK_HIGH_BELOW)
		risk = RISK_HIGH;
	else if (qs->score < SCORE_RISK_MEDIUM_BELOW)
		risk = RISK_MEDIUM;
	else
		risk = RISK_LOW;
	if (qs->question->weight >= SCORE_RISK_RAISE_WEIGHT && risk < RISK_HIGH)
		risk++;
	return risk;
}

/*
 * The choice of a multi answer whose advice says what to do next: a ticked
 * choice that earns nothing ("None of these") when it has advice, else the
 * first box not ticked that would earn something, so that the advice is
 * about what is missing rather than what is there.
 */
static const struct choice *multi_advice_choice(const struct question *q,
						const struct answer *answer)
{
	size_t i;

	for (i = 0; i < answer->nchoices; i++) {
		const struct choice *c = question_choice(q, answer->choices[i]);

		if (c && c->advice && c->score <= 0)
			return c;
	}
	for (i = 0; i < q->nchoices; i++) {
		const struct choice *c = &q->choices[i];

		if (c->advice && c->score > 0 && !answer_includes(answer, c->id))
			return c;
	}
	return NULL;
}

/* Risk, effort and advice of a finding, from the answer given. */
static void describe_finding(struct question_score *qs)
{
	const struct question *q = qs->question;
	const struct answer *answer = qs->answer;
	const struct choice *c = NULL;
	const struct band *band = NULL;
	enum risk risk = RISK_UNSET;

	qs->effort = q->effort;
	qs->advice = q->advice;
	if (qs->status == STATUS_ANSWERED && answer->kind == ANSWER_CHOICE)
		c = question_choice(q, answer->choice);
	else if (qs->status == STATUS_ANSWERED && answer->kind == ANSWER_NUMBER)
		band = question_band(q, answer->number);
	if (c) {
		risk = c->risk;
		if (c->effort != EFFORT_UNSET)
			qs->effort = c->effort;
		if (c->advice)
			qs->advice = c->advice;
	} else if (band) {
		risk = band->risk;
		if (band->advice)
			qs->advice = band->advice;
	} else if (qs->status == STATUS_ANSWERED &&
		   answer->kind == ANSWER_CHOICES) {
		c = multi_advice_choice(q, answer);
		if (c) {
			qs->advice = c->advice;
			/* Only "none of these" speaks for the whole answer. */
			if (c->score <= 0)
				risk = c->risk;
			if (c->effort != EFFORT_UNSET)
				qs->effort = c->effort;
		}
	}
	qs->risk_explicit = risk != RISK_UNSET;
	qs->risk = qs->risk_explicit ? risk : derived_risk(qs);
	if (qs->effort == EFFORT_UNSET)
		qs->effort = EFFORT_MEDIUM;
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
		     qs->status != STATUS_NOT_APPLICABLE;
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

static void score_areas(struct score_result *r)
{
	const struct questionnaire *q = r->questionnaire;
	double *sum = xcalloc(q->nareas, sizeof(*sum));
	double *weights = xcalloc(q->nareas, sizeof(*weights));
	size_t i;

	for (i = 0; i < r->nquestions; i++) {
		const struct question_score *qs = &r->questions[i];
		size_t k;

		if (!qs->counts)
			continue;
		k = area_index(q, qs->question->area);
		sum[k] += qs->question->weight * qs->score;
		weights[k] += qs->question->weight;
		r->areas[k].ncounted++;
		if (qs->status != STATUS_ANSWERED)
			r->areas[k].nunknown++;
	}
	for (i = 0; i < q->nareas; i++) {
		struct area_score *as = &r->areas[i];
		const struct target *t;

		as->area = &q->areas[i];
		as->has_score = as->area->scored && weights[i] > 0;
		if (as->has_score) {
			as->score = score_round(100 * sum[i] / weights[i], 1);
			as->level = questionnaire_level(q, as->score);
		}
		t = r->stage ? area_target(as->area, r->stage) : NULL;
		if (t && as->has_score) {
			as->has_target = 1;
			as->target = t->score;
			as->gap = as->score < t->score ?
				  score_round(t->score - as->score, 1) : 0;
		}
	}
	free(sum);
	free(weights);
}

static void score_overall(struct score_result *r)
{
	double sum = 0, weights = 0, tsum = 0, tweights = 0;
	size_t i;

	for (i = 0; i < r->nareas; i++) {
		const struct area_score *as = &r->areas[i];
		double w = as->area->weight;

		if (!as->has_score || w <= 0)
			continue;
		sum += w * as->score;
		weights += w;
		if (as->has_target) {
			tsum += w * as->target;
			tweights += w;
		}
	}
	r->has_score = weights > 0;
	if (r->has_score) {
		r->score = score_round(sum / weights, 1);
		r->level = questionnaire_level(r->questionnaire, r->score);
	}
	r->has_target = r->has_score && tweights > 0;
	if (r->has_target) {
		r->target = score_round(tsum / tweights, 1);
		r->gap = r->score < r->target ?
			 score_round(r->target - r->score, 1) : 0;
	}
}

static enum horizon horizon_of(const struct finding *f)
{
	enum risk risk = f->qs->risk;
	enum effort effort = f->qs->effort;
	enum horizon h;

	if (risk == RISK_CRITICAL || (risk == RISK_HIGH && effort != EFFORT_HIGH))
		h = HORIZON_NOW;
	else if (risk == RISK_HIGH ||
		 (risk == RISK_MEDIUM && effort != EFFORT_HIGH))
		h = HORIZON_NEXT;
	else
		h = HORIZON_LATER;
	/* A company already at its stage's target in this area can wait. */
	if (risk != RISK_CRITICAL && f->area->has_target &&
	    f->area->score >= f->area->target && h != HORIZON_LATER)
		h++;
	return h;
}

/*
 * A plan of thirty things to do this month is no plan: in priority order,
 * what does not fit a horizon's capacity moves to the next one.  Critical
 * findings always stay where they are.
 */
static void limit_horizons(struct score_result *r)
{
	static const size_t capacity[] = { SCORE_NOW_MAX, SCORE_NEXT_MAX };
	size_t used[HORIZON_COUNT] = { 0 };
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		struct finding *f = &r->findings[i];

		while (f->horizon < HORIZON_LATER &&
		       f->qs->risk != RISK_CRITICAL &&
		       used[f->horizon] >= capacity[f->horizon])
			f->horizon++;
		used[f->horizon]++;
	}
}

static int compare_findings(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;

	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	if (a->qs->effort != b->qs->effort)
		return a->qs->effort < b->qs->effort ? -1 : 1;
	/* Questionnaire order: the question_score array is in that order. */
	return a->qs < b->qs ? -1 : a->qs > b->qs;
}

static void add_finding(struct score_result *r, const struct question_score *qs)
{
	struct finding *f = &r->findings[r->nfindings++];
	const struct area *area = qs->question->area;
	struct area_score *as = &r->areas[area_index(r->questionnaire, area)];
	double boost = 1;

	if (as->has_target && as->score < as->target)
		boost = SCORE_TARGET_BOOST;
	f->qs = qs;
	f->area = as;
	f->priority = score_round(qs->question->weight * area->weight *
				  (1 - qs->score) * boost, 2);
	f->horizon = horizon_of(f);
	as->nfindings++;
	if (qs->risk >= RISK_HIGH)
		as->nhigh++;
}

static void collect(struct score_result *r)
{
	size_t i;

	r->findings = xcalloc(r->nquestions, sizeof(*r->findings));
	r->strengths = xcalloc(r->nquestions, sizeof(*r->strengths));
	r->unknowns = xcalloc(r->nquestions, sizeof(*r->unknowns));
	for (i = 0; i < r->nquestions; i++) {
		const struct question_score *qs = &r->questions[i];

		if (qs->status != STATUS_ANSWERED &&
		    qs->status != STATUS_NOT_APPLICABLE) {
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
	qsort(r->findings, r->nfindings, sizeof(*r->findings),
	      compare_findings);
	for (i = 0; i < r->nfindings; i++)
		r->findings[i].rank = i + 1;
	limit_horizons(r);
}

/* The company name and the stage, from the questions that give them. */
static void profile(struct score_result *r)
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
	    answers_applies(r->answers, question)) {
		const struct choice *c = question_choice(question,
							 answer->choice);

		r->stage = answer->choice;
		r->stage_label = c ? c->label : NULL;
	}
}

void score_compute(struct score_result *r, const struct questionnaire *q,
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
	profile(r);
	/* Which questions apply, in one pass rather than one per question. */
	applies = xmalloc(r->nquestions + 1);
	answers_applicability(a, applies);
	for (i = 0; i < r->nquestions; i++)
		score_one_question(r, i, applies[i]);
	free(applies);
	score_areas(r);
	score_overall(r);
	collect(r);
}

void score_release(struct score_result *r)
{
	free(r->questions);
	free(r->areas);
	free(r->findings);
	free(r->strengths);
	free(r->unknowns);
	memset(r, 0, sizeof(*r));
}

void score_plan_order(const struct score_result *r,
		      const struct finding **out)
{
	size_t i, n = 0;
	int h;

	for (h = 0; h < HORIZON_COUNT; h++)
		for (i = 0; i < r->nfindings; i++)
			if (r->findings[i].horizon == (enum horizon)h)
				out[n++] = &r->findings[i];
}

const struct area_score *score_area(const struct score_result *r,
				    const struct area *area)
{
	return &r->areas[area_index(r->questionnaire, area)];
}
