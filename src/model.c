/*
 * model.c - lookups in the questionnaire model, and freeing it.
 */
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "model.h"
#include "util.h"

const struct question_type_info question_types[QTYPE_COUNT] = {
	[QTYPE_SINGLE] = { "single", QVALUE_CHOICE, QTYPE_F_SCORABLE,
			   { "choices", "rules" } },
	[QTYPE_MULTI] = { "multi", QVALUE_CHOICES, QTYPE_F_SCORABLE,
			  { "choices", "full_score", "rules" } },
	[QTYPE_YESNO] = { "yesno", QVALUE_CHOICE,
			  QTYPE_F_SCORABLE | QTYPE_F_YESNO,
			  { "choices", "best", "rules" } },
	[QTYPE_SCALE] = { "scale", QVALUE_NUMBER,
			  QTYPE_F_SCORABLE | QTYPE_F_RANGE | QTYPE_F_WHOLE,
			  { "min", "max", "min_label", "max_label", "bands",
			    "rules" } },
	[QTYPE_NUMBER] = { "number", QVALUE_NUMBER,
			   QTYPE_F_SCORABLE | QTYPE_F_BANDED,
			   { "min", "max", "unit", "bands", "integer",
			     "rules" } },
	[QTYPE_TEXT] = { "text", QVALUE_TEXT, 0, { NULL } },
};

const char *const *question_type_names(void)
{
	static const char *names[QTYPE_COUNT];
	size_t i;

	if (!names[0])
		for (i = 0; i < QTYPE_COUNT; i++)
			names[i] = question_types[i].name;
	return names;
}

const char *const risk_names[] = {
	[RISK_UNSET] = "",
	[RISK_LOW] = "low",
	[RISK_MEDIUM] = "medium",
	[RISK_HIGH] = "high",
	[RISK_CRITICAL] = "critical",
};

const char *const effort_names[] = {
	[EFFORT_UNSET] = "",
	[EFFORT_LOW] = "low",
	[EFFORT_MEDIUM] = "medium",
	[EFFORT_HIGH] = "high",
};

const struct question *questionnaire_question(const struct questionnaire *q,
					      const char *id)
{
	return strmap_get(&q->question_index, id);
}

const struct area *questionnaire_area(const struct questionnaire *q,
				      const char *id)
{
	return strmap_get(&q->area_index, id);
}

const struct initiative *questionnaire_initiative(
	const struct questionnaire *q, const char *id)
{
	return strmap_get(&q->initiative_index, id);
}

const struct choice *question_choice(const struct question *q,
				     const char *id)
{
	size_t i;

	/* Questions have a handful of choices: a scan beats a map. */
	for (i = 0; i < q->nchoices; i++)
		if (q->choices[i].id && !strcmp(q->choices[i].id, id))
			return &q->choices[i];
	return NULL;
}

const struct band *question_band(const struct question *q, double value)
{
	const struct band *band;
	size_t i;

	if (!q->nbands)
		return NULL;
	band = &q->bands[0];
	for (i = 0; i < q->nbands; i++)
		if (q->bands[i].min <= value)
			band = &q->bands[i];
	return band;
}

const struct level *questionnaire_level(const struct questionnaire *q,
					double score)
{
	const struct level *found = NULL;
	size_t i;

	for (i = 0; i < q->nlevels; i++)
		if (!found || score >= q->levels[i].min)
			found = &q->levels[i];
	return found;
}

const struct target *area_target(const struct area *a, const char *stage)
{
	size_t i;

	if (!stage)
		return NULL;
	for (i = 0; i < a->ntargets; i++)
		if (!strcmp(a->targets[i].stage, stage))
			return &a->targets[i];
	return NULL;
}

int question_type_scorable(enum question_type type)
{
	return (question_types[type].flags & QTYPE_F_SCORABLE) != 0;
}

int question_is(const struct question *q, unsigned flag)
{
	return (question_types[q->type].flags & flag) != 0;
}

enum question_value question_value(const struct question *q)
{
	return question_types[q->type].value;
}

int question_has_choices(const struct question *q)
{
	enum question_value v = question_value(q);

	return v == QVALUE_CHOICE || v == QVALUE_CHOICES;
}

int question_whole_numbers(const struct question *q)
{
	return question_is(q, QTYPE_F_WHOLE) || q->integer;
}

int question_type_takes(enum question_type t, const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(question_types[t].keys) &&
		    question_types[t].keys[i]; i++)
		if (!strcmp(question_types[t].keys[i], key))
			return 1;
	return 0;
}

int question_type_key(const char *key)
{
	size_t t;

	for (t = 0; t < QTYPE_COUNT; t++)
		if (question_type_takes((enum question_type)t, key))
			return 1;
	return 0;
}

/* A question's own answer, for the conditions of its rules. */
struct self_answer {
	const struct question *question;
	const struct answer *answer;
};

static const struct answer *self_lookup(const char *id, void *ctx)
{
	const struct self_answer *self = ctx;

	return strcmp(id, self->question->id) ? NULL : self->answer;
}

const struct rule *question_rule(const struct question *q,
				 const struct answer *answer)
{
	struct self_answer self = { q, answer };
	size_t i;

	if (!answer || !answer_has_value(answer))
		return NULL;
	for (i = 0; i < q->nrules; i++)
		if (q->rules[i].when &&
		    expr_eval(q->rules[i].when, self_lookup, &self))
			return &q->rules[i];
	return NULL;
}

void references_free(struct reference *refs, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(refs[i].title);
		free(refs[i].url);
	}
	free(refs);
}

void question_release(struct question *q)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++) {
		free(q->choices[i].id);
		free(q->choices[i].label);
		free(q->choices[i].advice);
		free(q->choices[i].finding);
		free(q->choices[i].initiative);
		references_free(q->choices[i].refs, q->choices[i].nrefs);
	}
	free(q->choices);
	for (i = 0; i < q->nbands; i++) {
		free(q->bands[i].label);
		free(q->bands[i].advice);
		free(q->bands[i].finding);
		free(q->bands[i].initiative);
	}
	free(q->bands);
	free(q->id);
	free(q->text);
	free(q->help);
	free(q->advice);
	free(q->not_applicable_prompt);
	free(q->initiative);
	free(q->min_label);
	free(q->max_label);
	free(q->unit);
	free(q->max_question);
	free(q->when_source);
	expr_free(q->when);
	references_free(q->refs, q->nrefs);
	for (i = 0; i < q->nrules; i++) {
		free(q->rules[i].when_source);
		expr_free(q->rules[i].when);
	}
	free(q->rules);
	memset(q, 0, sizeof(*q));
}

void initiative_release(struct initiative *in)
{
	free(in->id);
	free(in->title);
	free(in->advice);
	memset(in, 0, sizeof(*in));
}

void area_release(struct area *a)
{
	size_t i;

	for (i = 0; i < a->nquestions; i++)
		question_release(&a->questions[i]);
	free(a->questions);
	for (i = 0; i < a->ntargets; i++)
		free(a->targets[i].stage);
	free(a->targets);
	free(a->id);
	free(a->title);
	free(a->description);
	memset(a, 0, sizeof(*a));
}

void questionnaire_free(struct questionnaire *q)
{
	size_t i;

	if (!q)
		return;
	for (i = 0; i < q->nareas; i++)
		area_release(&q->areas[i]);
	free(q->areas);
	free(q->questions);
	for (i = 0; i < q->nlevels; i++) {
		free(q->levels[i].id);
		free(q->levels[i].name);
		free(q->levels[i].description);
	}
	free(q->levels);
	for (i = 0; i < q->ninitiatives; i++)
		initiative_release(&q->initiatives[i]);
	free(q->initiatives);
	for (i = 0; i < q->nfiles; i++)
		free(q->files[i]);
	free(q->files);
	strmap_release(&q->question_index);
	strmap_release(&q->area_index);
	strmap_release(&q->initiative_index);
	free(q->id);
	free(q->title);
	free(q->version);
	free(q->description);
	free(q->author);
	free(q->path);
	free(q->stage_question);
	free(q->name_question);
	free(q->team_size_question);
	free(q->report.title);
	free(q->report.subtitle);
	for (i = 0; i < q->report.nprofile; i++)
		free(q->report.profile[i].id);
	free(q->report.profile);
	free(q);
}
