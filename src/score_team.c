/*
 * score_team.c - where the respondents of a merged assessment disagree;
 * the method is written in score.h.
 */
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "util.h"

const struct initiative score_agree_initiative = {
	(char *)"agree-on-the-facts",
	(char *)"Agree on the facts where your team disagrees",
	(char *)"Sit down together, with the evidence, over each question "
	"below: look at the backup log, the access list, the contract. Then "
	"correct the answers files of whoever was wrong and merge them "
	"again. Until then the plan assumes the most cautious answer.",
	{ NULL, 0, 0 }
};

/* Fills r->respondent_applies from each respondent's own answers. */
static void respondent_applicability(struct score_result *r)
{
	const struct answers *a = r->answers;
	struct answers view;
	size_t k;

	r->respondent_applies = xcalloc(a->nrespondents,
					r->nquestions + 1);
	for (k = 0; k < a->nrespondents; k++) {
		memset(&view, 0, sizeof(view));
		view.questionnaire = r->questionnaire;
		view.items = a->respondents[k].items;
		view.nitems = a->nitems;
		answers_applicability(&view, r->respondent_applies +
				      k * r->nquestions);
	}
}

const struct answer *score_respondent_answer(const struct score_result *r,
					     size_t k,
					     const struct question *question)
{
	const struct answers *a = r->answers;

	if (!r->respondent_applies || k >= a->nrespondents ||
	    !r->respondent_applies[k * r->nquestions + question->index])
		return NULL;
	return &a->respondents[k].items[question->index];
}

/* What the respondents said of one question, as the method weighs it. */
struct says {
	size_t count;
	double low, high;
	enum risk risk;      /* at stake */
	int risk_explicit;
};

/* Weighs respondent k's say on question (if they have one). */
static void weigh(struct says *s, const struct question *question,
		  const struct answer *answer)
{
	double score;
	enum risk risk = RISK_UNSET;
	int is_explicit = 0;

	if (!answer || answer->kind == ANSWER_NONE ||
	    answer->kind == ANSWER_SKIPPED)
		return;
	if (answer->kind == ANSWER_NOT_APPLICABLE) {
		score = 1;
	} else {
		score = answer->kind == ANSWER_DONT_KNOW ? 0 :
			score_question(question, answer);
		risk = score_answer_risk(question, answer, &is_explicit);
	}
	if (!s->count || score < s->low)
		s->low = score;
	if (!s->count || score > s->high)
		s->high = score;
	s->count++;
	if (risk > s->risk || (risk == s->risk && is_explicit)) {
		s->risk = risk;
		s->risk_explicit = is_explicit;
	}
}

/*
 * "Ana (CEO): Yes | Ben: Don't know", every respondent who was asked (a
 * multi answer joins its choices with "; ").
 */
static void who_said_what(struct buf *out, const struct score_result *r,
			  const struct question *question)
{
	const struct answers *a = r->answers;
	size_t k;

	for (k = 0; k < a->nrespondents; k++) {
		const struct answer *said = score_respondent_answer(r, k,
								    question);

		if (!said)
			continue;
		if (out->len)
			buf_adds(out, " | ");
		respondent_label(out, &a->respondents[k]);
		buf_adds(out, ": ");
		answer_describe(out, question, said);
	}
}

static void add_disagreement(struct score_result *r,
			     const struct question_score *merged,
			     const struct says *s)
{
	struct disagreement *d = &r->disagreements[r->ndisagreements++];
	const struct question *qn = merged->question;
	struct buf text = BUF_INIT;

	d->merged = merged;
	d->low = s->low;
	d->high = s->high;
	d->spread = score_round(s->high - s->low, 2);
	d->impact = score_round(qn->weight * qn->area->weight * d->spread, 2);
	d->question = *qn;
	buf_addf(&text, "agree:%s", qn->id);
	d->question.id = buf_detach(&text, NULL);
	buf_addf(&text, "Agree on the facts: %s", qn->text);
	d->title = buf_detach(&text, NULL);
	who_said_what(&text, r, qn);
	d->said.kind = ANSWER_TEXT;
	d->said.text = buf_detach(&text, NULL);
	d->qs = *merged;
	d->qs.question = &d->question;
	d->qs.answer = &d->said;
	d->qs.status = STATUS_ANSWERED;
	d->qs.unknown = 0;
	d->qs.risk = s->risk != RISK_UNSET ? s->risk : RISK_LOW;
	d->qs.risk_explicit = s->risk_explicit;
	d->qs.effort = EFFORT_LOW;
	d->qs.advice = score_agree_initiative.advice;
	d->qs.statement = d->title;
	d->qs.initiative = score_agree_initiative.id;
}

static int by_stake(const void *x, const void *y)
{
	const struct disagreement *a = x, *b = y;

	if (a->qs.risk != b->qs.risk)
		return a->qs.risk > b->qs.risk ? -1 : 1;
	if (a->spread != b->spread)
		return a->spread > b->spread ? -1 : 1;
	if (a->impact != b->impact)
		return a->impact > b->impact ? -1 : 1;
	return a->question.index < b->question.index ? -1 :
	       a->question.index > b->question.index;
}

void score_disagreements(struct score_result *r)
{
	const struct answers *a = r->answers;
	size_t i, k;

	if (!answers_is_merged(a))
		return;
	respondent_applicability(r);
	r->disagreements = xcalloc(r->nquestions + 1,
				   sizeof(*r->disagreements));
	for (i = 0; i < r->nquestions; i++) {
		const struct question_score *qs = &r->questions[i];
		struct says s;

		if (!qs->counts)
			continue;
		memset(&s, 0, sizeof(s));
		for (k = 0; k < a->nrespondents; k++)
			weigh(&s, qs->question,
			      score_respondent_answer(r, k, qs->question));
		if (s.count >= 2 &&
		    score_round(s.high - s.low, 2) > a->merge_threshold)
			add_disagreement(r, qs, &s);
	}
	qsort(r->disagreements, r->ndisagreements, sizeof(*r->disagreements),
	      by_stake);
	/* Sorting moved them: point each copy's view at its own place. */
	for (i = 0; i < r->ndisagreements; i++) {
		r->disagreements[i].qs.question = &r->disagreements[i].question;
		r->disagreements[i].qs.answer = &r->disagreements[i].said;
	}
}

void score_team_release(struct score_result *r)
{
	size_t i;

	for (i = 0; i < r->ndisagreements; i++) {
		answer_release(&r->disagreements[i].said);
		free(r->disagreements[i].title);
		free(r->disagreements[i].question.id);
	}
	free(r->disagreements);
	free(r->respondent_applies);
}
