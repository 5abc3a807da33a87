/*
 * answers.c - the answers of one assessment (in memory).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "answers.h"
#include "answers_impl.h"
#include "expr.h"
#include "util.h"

char *answers_now(void)
{
	char text[32];
	time_t now = time(NULL);
	struct tm tm;

	if (!gmtime_r(&now, &tm) ||
	    !strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return xstrdup("1970-01-01T00:00:00Z");
	return xstrdup(text);
}

void answers_init(struct answers *a, const struct questionnaire *q)
{
	memset(a, 0, sizeof(*a));
	a->questionnaire = q;
	a->questionnaire_id = xstrdup(q->id);
	a->questionnaire_version = xstrdup(q->version);
	a->questionnaire_hash = xstrdup(q->hash);
	a->questionnaire_path = q->path ? xstrdup(q->path) : NULL;
	a->created_at = answers_now();
	a->updated_at = xstrdup(a->created_at);
	a->nitems = q->nquestions;
	a->items = xcalloc(a->nitems, sizeof(*a->items));
	a->merge_threshold = MERGE_DEFAULT_THRESHOLD;
}

void answers_release(struct answers *a)
{
	size_t i;

	for (i = 0; i < a->nitems; i++)
		answer_release(&a->items[i]);
	free(a->items);
	free(a->questionnaire_id);
	free(a->questionnaire_version);
	free(a->questionnaire_hash);
	free(a->questionnaire_path);
	free(a->created_at);
	free(a->updated_at);
	free(a->completed_at);
	cJSON_Delete(a->orphans);
	answers_team_release(a);
	memset(a, 0, sizeof(*a));
}

struct answer *answers_get(struct answers *a, const struct question *question)
{
	return &a->items[question->index];
}

const struct answer *answers_get_const(const struct answers *a,
				       const struct question *question)
{
	return &a->items[question->index];
}

const struct answer *answers_find(const struct answers *a, const char *id)
{
	const struct question *q = questionnaire_question(a->questionnaire, id);

	return q ? &a->items[q->index] : NULL;
}

/* What a condition sees: answers of questions that apply, and nothing else. */
struct applicability {
	const struct answers *answers;
	const unsigned char *applies; /* by question index, computed so far */
};

static const struct answer *lookup_applicable(const char *id, void *ctx)
{
	const struct applicability *c = ctx;
	const struct question *q =
		questionnaire_question(c->answers->questionnaire, id);

	/* Conditions only name earlier questions (the loader checks), whose
	 * applicability is already known. */
	if (!q || !c->applies[q->index])
		return NULL;
	return &c->answers->items[q->index];
}

/* Fills applies[0..count) in asking order, in one pass. */
static void compute_applicability(const struct answers *a,
				  unsigned char *applies, size_t count)
{
	struct applicability c = { a, applies };
	size_t i;

	for (i = 0; i < count; i++) {
		const struct question *q = a->questionnaire->questions[i];

		applies[i] = !q->when ||
			     expr_eval(q->when, lookup_applicable, &c);
	}
}

void answers_applicability(const struct answers *a, unsigned char *applies)
{
	compute_applicability(a, applies, a->nitems);
}

int answers_applies(const struct answers *a, const struct question *question)
{
	unsigned char *applies;
	int r;

	if (!question->when)
		return 1;
	applies = xmalloc(question->index + 1);
	compute_applicability(a, applies, question->index + 1);
	r = applies[question->index];
	free(applies);
	return r;
}

static void describe_choices(struct buf *out, const struct question *question,
			     const struct answer *answer)
{
	size_t i;

	if (!answer->nchoices)
		buf_adds(out, "None of these");
	for (i = 0; i < answer->nchoices; i++) {
		const struct choice *c = question_choice(question,
							 answer->choices[i]);

		if (i)
			buf_adds(out, "; ");
		buf_adds(out, c ? c->label : answer->choices[i]);
	}
}

static void describe_number(struct buf *out, const struct question *question,
			    double value)
{
	const struct band *band = question_band(question, value);

	buf_add_number(out, value);
	if (question->type == QTYPE_SCALE) {
		buf_adds(out, " on a scale of ");
		buf_add_number(out, question->min);
		buf_adds(out, " to ");
		buf_add_number(out, question->max);
	} else if (question->unit) {
		buf_addf(out, " %s", question->unit);
	}
	if (band && band->label)
		buf_addf(out, ": %s", band->label);
}

void answer_describe(struct buf *out, const struct question *question,
		     const struct answer *answer)
{
	const struct choice *c;

	switch (answer->kind) {
	case ANSWER_CHOICE:
		c = question_choice(question, answer->choice);
		buf_adds(out, c ? c->label : answer->choice);
		break;
	case ANSWER_CHOICES:
		describe_choices(out, question, answer);
		break;
	case ANSWER_NUMBER:
		describe_number(out, question, answer->number);
		break;
	case ANSWER_TEXT:
		buf_adds(out, answer->text);
		break;
	case ANSWER_SKIPPED:
		buf_adds(out, "Skipped");
		break;
	case ANSWER_DONT_KNOW:
		buf_adds(out, "Don't know");
		break;
	case ANSWER_NOT_APPLICABLE:
		buf_adds(out, "Not applicable");
		if (answer->text && *answer->text)
			buf_addf(out, ": %s", answer->text);
		break;
	case ANSWER_NONE:
		buf_adds(out, "Not answered");
		break;
	}
}
