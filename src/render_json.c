/*
 * render_json.c - the report as JSON, schema "cto-assess/report/2"
 * (reports/report.schema.json; cto-assess(1), section REPORT JSON).
 *
 * Ownership: every add_* helper adds a new item to its parent, which owns it
 * from then on (cJSON_AddItemToObject/Array semantics).  Scores are emitted
 * 0-100 rounded to one decimal, priorities to two, so that cJSON's "%1.15g"
 * prints them exactly as rounded.  Version 2 added the plan (actions,
 * initiatives, capacity), risk counts, coverage, level caps, unknown and
 * "not applicable" answers, and replaced a finding's priority by its
 * impact.
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "consultant.h"
#include "escape.h"
#include "render.h"
#include "review.h"
#include "util.h"
#include "version.h"

/* A new string item holding s cleaned of control characters and invalid
 * UTF-8. */
static cJSON *clean_string(const char *s)
{
	struct buf clean = BUF_INIT;
	cJSON *v;

	escape_clean(&clean, s, 1);
	v = cJSON_CreateString(clean.data);
	buf_release(&clean);
	return v;
}

/* Adds s cleaned, or null. */
static void add_text(cJSON *parent, const char *key, const char *s)
{
	cJSON_AddItemToObject(parent, key,
			      s ? clean_string(s) : cJSON_CreateNull());
}

void render_json_text(cJSON *o, const char *key, const char *s)
{
	add_text(o, key, s);
}

/*
 * "references": [{title, url}] when the finding gives links (a member
 * only then, so that reports without any keep their shape).  The array
 * belongs to parent.
 */
static void add_references(cJSON *parent, const struct question_score *qs)
{
	const struct reference *refs[RENDER_REFERENCES_MAX];
	size_t i, count = render_references(qs, refs);
	cJSON *list;

	if (!count)
		return;
	list = cJSON_AddArrayToObject(parent, "references");
	for (i = 0; i < count; i++) {
		cJSON *o = cJSON_CreateObject();

		add_text(o, "title", refs[i]->title);
		add_text(o, "url", refs[i]->url);
		cJSON_AddItemToArray(list, o);
	}
}

static void add_number(cJSON *parent, const char *key, int has, double v,
		       int decimals)
{
	cJSON_AddItemToObject(parent, key,
			      has ? cJSON_CreateNumber(score_round(v, decimals))
				  : cJSON_CreateNull());
}

static void add_answer_text(cJSON *parent, const struct question_score *qs)
{
	struct buf text = BUF_INIT;

	answer_describe(&text, qs->question, qs->answer);
	add_text(parent, "answer", text.data);
	buf_release(&text);
}

cJSON *render_answer_value(const struct answer *a)
{
	cJSON *list;
	size_t i;

	switch (a->kind) {
	case ANSWER_CHOICE:
		return clean_string(a->choice);
	case ANSWER_CHOICES:
		list = cJSON_CreateArray();
		for (i = 0; i < a->nchoices; i++)
			cJSON_AddItemToArray(list,
					     clean_string(a->choices[i]));
		return list;
	case ANSWER_NUMBER:
		return cJSON_CreateNumber(a->number);
	case ANSWER_TEXT:
		return clean_string(a->text);
	default:
		return cJSON_CreateNull();
	}
}

static cJSON *questionnaire_json(const struct questionnaire *q)
{
	cJSON *o = cJSON_CreateObject();

	add_text(o, "id", q->id);
	add_text(o, "title", q->title);
	add_text(o, "version", q->version);
	add_text(o, "hash", q->hash);
	return o;
}

static cJSON *levels_json(const struct questionnaire *q)
{
	cJSON *list = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < q->nlevels; i++) {
		cJSON *o = cJSON_CreateObject();

		add_text(o, "id", q->levels[i].id);
		add_text(o, "name", q->levels[i].name);
		cJSON_AddNumberToObject(o, "min", q->levels[i].min);
		cJSON_AddItemToArray(list, o);
	}
	return list;
}

static void add_level(cJSON *o, const struct level *level,
		      const struct level *uncapped, int enough)
{
	add_text(o, "level", level && enough ? level->id : NULL);
	add_text(o, "level_name", level && enough ? level->name : NULL);
	add_text(o, "uncapped_level", uncapped ? uncapped->id : NULL);
	cJSON_AddBoolToObject(o, "level_capped",
			      score_level_capped(level, uncapped));
}

static cJSON *risks_json(const size_t *nrisks)
{
	cJSON *o = cJSON_CreateObject();
	int r;

	for (r = RISK_CRITICAL; r > RISK_UNSET; r--)
		cJSON_AddNumberToObject(o, risk_names[r], (double)nrisks[r]);
	return o;
}

static cJSON *overall_json(const struct report *r)
{
	const struct score_result *s = &r->score;
	cJSON *o = cJSON_CreateObject(), *below;
	struct buf headline = BUF_INIT;
	size_t i;

	add_number(o, "score", s->has_score, s->score, 1);
	add_level(o, s->level, s->uncapped_level, s->enough_information);
	add_number(o, "target", s->has_target, s->target, 1);
	add_number(o, "gap", s->has_target, s->gap, 1);
	add_number(o, "coverage", s->has_score, s->coverage, 2);
	cJSON_AddBoolToObject(o, "enough_information", s->enough_information);
	cJSON_AddItemToObject(o, "risks", risks_json(s->nrisks));
	below = cJSON_AddArrayToObject(o, "areas_below_target");
	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_target &&
		    s->areas[i].score < s->areas[i].target)
			cJSON_AddItemToArray(below,
					     clean_string(s->areas[i].area->id));
	render_headline(&headline, r);
	add_text(o, "headline", headline.data);
	buf_release(&headline);
	return o;
}

static cJSON *area_json(const struct area_score *as)
{
	cJSON *o = cJSON_CreateObject();

	add_text(o, "id", as->area->id);
	add_text(o, "title", as->area->title);
	cJSON_AddNumberToObject(o, "weight", as->area->weight);
	cJSON_AddBoolToObject(o, "scored", as->area->scored);
	add_number(o, "score", as->has_score, as->score, 1);
	add_level(o, as->level, as->uncapped_level, as->enough_information);
	add_number(o, "target", as->has_target, as->target, 1);
	add_number(o, "gap", as->has_target, as->gap, 1);
	add_number(o, "coverage", as->has_score, as->coverage, 2);
	cJSON_AddBoolToObject(o, "enough_information",
			      as->enough_information);
	cJSON_AddNumberToObject(o, "questions", (double)as->ncounted);
	cJSON_AddNumberToObject(o, "findings", (double)as->nfindings);
	cJSON_AddItemToObject(o, "risks", risks_json(as->nrisks));
	cJSON_AddNumberToObject(o, "unknowns", (double)as->nunknown);
	cJSON_AddNumberToObject(o, "strengths", (double)as->nstrengths);
	cJSON_AddNumberToObject(o, "not_applicable",
				(double)as->nnot_applicable);
	return o;
}

/* {"from": a, "to": b} */
static cJSON *change_json(const char *from, const char *to)
{
	cJSON *o = cJSON_CreateObject();

	add_text(o, "from", from);
	add_text(o, "to", to);
	return o;
}

/* What a review changed of f, or null. */
static cJSON *override_json(const struct finding *f)
{
	const struct review_entry *e = f->review;
	cJSON *o;

	if (!e)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	if (f->risk_before_review != RISK_UNSET)
		cJSON_AddItemToObject(o, "risk", change_json(
			risk_names[f->risk_before_review],
			risk_names[f->qs->risk]));
	if (f->pin != HORIZON_COUNT && f->action)
		cJSON_AddItemToObject(o, "horizon", change_json(
			horizon_names[f->action->unpinned],
			horizon_names[f->horizon]));
	if (e->comment)
		add_text(o, "comment", e->comment);
	add_text(o, "reason", e->reason);
	return o;
}

/* Where a finding's risk came from. */
static const char *risk_source(const struct finding *f)
{
	if (f->risk_before_review != RISK_UNSET)
		return "review";
	return f->qs->risk_explicit ? "questionnaire" : "score";
}

static cJSON *finding_json(const struct finding *f)
{
	const struct question_score *qs = f->qs;
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "rank", (double)f->rank);
	add_text(o, "id", qs->question->id);
	add_text(o, "title", f->title);
	add_text(o, "area", qs->question->area->id);
	add_text(o, "area_title", qs->question->area->title);
	add_text(o, "question", qs->question->text);
	add_answer_text(o, qs);
	add_text(o, "status", question_status_names[qs->status]);
	cJSON_AddBoolToObject(o, "unknown", qs->unknown);
	add_number(o, "score", 1, 100 * qs->score, 1);
	add_text(o, "risk", risk_names[qs->risk]);
	add_text(o, "risk_source", risk_source(f));
	add_text(o, "effort", effort_names[qs->effort]);
	add_number(o, "impact", 1, f->impact, 2);
	add_text(o, "horizon", horizon_names[f->horizon]);
	cJSON_AddNumberToObject(o, "action", (double)f->action->rank);
	add_text(o, "initiative", f->action->initiative ?
				  f->action->initiative->id : NULL);
	add_text(o, "advice", qs->advice);
	add_references(o, qs);
	add_text(o, "note", qs->answer->note);
	cJSON_AddItemToObject(o, "override", override_json(f));
	return o;
}

/* A finding a review dropped: what it was, and why it went. */
static cJSON *dropped_json(const struct finding *f)
{
	const struct question_score *qs = f->qs;
	cJSON *o = cJSON_CreateObject();

	add_text(o, "id", qs->question->id);
	add_text(o, "title", f->title);
	add_text(o, "area", qs->question->area->id);
	add_text(o, "area_title", qs->question->area->title);
	add_text(o, "question", qs->question->text);
	add_answer_text(o, qs);
	add_text(o, "risk", risk_names[qs->risk]);
	add_text(o, "comment", f->review->comment);
	add_text(o, "reason", f->review->reason);
	return o;
}

static cJSON *finding_ids(const struct action *a)
{
	cJSON *list = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < a->nfindings; i++)
		cJSON_AddItemToArray(list, clean_string(
			a->findings[i]->qs->question->id));
	return list;
}

static cJSON *action_json(const struct action *a)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "rank", (double)a->rank);
	add_text(o, "id", a->id);
	add_text(o, "title", a->title);
	add_text(o, "horizon", horizon_names[a->horizon]);
	add_text(o, "risk", risk_names[a->risk]);
	add_text(o, "effort", effort_names[a->effort]);
	add_number(o, "impact", 1, a->findings[0]->impact, 2);
	add_text(o, "advice", a->advice);
	add_text(o, "initiative", a->initiative ? a->initiative->id : NULL);
	cJSON_AddBoolToObject(o, "moved_by_capacity", a->moved);
	cJSON_AddBoolToObject(o, "pinned_by_review", a->pinned);
	cJSON_AddItemToObject(o, "findings", finding_ids(a));
	return o;
}

/* Actions that gather several findings or name an initiative. */
static cJSON *initiative_json(const struct action *a)
{
	cJSON *o = cJSON_CreateObject();

	add_text(o, "id", a->id);
	add_text(o, "title", a->title);
	add_text(o, "horizon", horizon_names[a->horizon]);
	cJSON_AddNumberToObject(o, "action", (double)a->rank);
	cJSON_AddItemToObject(o, "findings", finding_ids(a));
	return o;
}

static cJSON *plan_json(const struct plan *p)
{
	cJSON *o = cJSON_CreateObject(), *capacity, *notes;
	struct buf note = BUF_INIT;
	int h;

	add_number(o, "team_size", p->has_team_size, p->team_size, 0);
	capacity = cJSON_AddObjectToObject(o, "capacity");
	cJSON_AddNumberToObject(capacity, "now",
				(double)p->capacity[HORIZON_NOW]);
	cJSON_AddNumberToObject(capacity, "next",
				(double)p->capacity[HORIZON_NEXT]);
	notes = cJSON_AddArrayToObject(o, "notes");
	for (h = 0; h < HORIZON_COUNT; h++) {
		buf_reset(&note);
		render_capacity_note(&note, p, (enum horizon)h);
		if (note.len)
			cJSON_AddItemToArray(notes, clean_string(note.data));
	}
	buf_release(&note);
	return o;
}

static cJSON *question_ref_json(const struct question_score *qs)
{
	cJSON *o = cJSON_CreateObject();

	add_text(o, "id", qs->question->id);
	add_text(o, "area", qs->question->area->id);
	add_text(o, "question", qs->question->text);
	return o;
}

static cJSON *answer_json(const struct question_score *qs)
{
	cJSON *o = question_ref_json(qs);

	add_text(o, "type", question_types[qs->question->type].name);
	add_text(o, "status", question_status_names[qs->status]);
	cJSON_AddItemToObject(o, "value", render_answer_value(qs->answer));
	if (qs->status == STATUS_RULED_OUT)
		add_text(o, "answer", NULL);
	else
		add_answer_text(o, qs);
	add_number(o, "score", qs->counts, 100 * qs->score, 1);
	add_text(o, "note", qs->answer->note);
	return o;
}

static cJSON *stage_json(const struct score_result *s)
{
	cJSON *o;

	if (!s->stage)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_text(o, "id", s->stage);
	add_text(o, "label", s->stage_label);
	return o;
}

/* The plan's lists: actions, initiatives, findings, dropped findings. */
static void add_plan_lists(cJSON *root, const struct score_result *s)
{
	cJSON *list;
	size_t i;

	list = cJSON_AddArrayToObject(root, "actions");
	for (i = 0; i < s->plan.nactions; i++)
		cJSON_AddItemToArray(list, action_json(&s->plan.actions[i]));
	list = cJSON_AddArrayToObject(root, "initiatives");
	for (i = 0; i < s->plan.nactions; i++)
		if (s->plan.actions[i].nfindings > 1 ||
		    s->plan.actions[i].initiative)
			cJSON_AddItemToArray(list, initiative_json(
				&s->plan.actions[i]));
	list = cJSON_AddArrayToObject(root, "findings");
	for (i = 0; i < s->nfindings; i++)
		cJSON_AddItemToArray(list, finding_json(&s->findings[i]));
	list = cJSON_AddArrayToObject(root, "dropped");
	for (i = 0; i < s->ndropped; i++)
		cJSON_AddItemToArray(list, dropped_json(&s->dropped[i]));
}

static void add_lists(cJSON *root, const struct score_result *s)
{
	cJSON *list;
	size_t i;

	list = cJSON_AddArrayToObject(root, "areas");
	for (i = 0; i < s->nareas; i++)
		cJSON_AddItemToArray(list, area_json(&s->areas[i]));
	add_plan_lists(root, s);
	list = cJSON_AddArrayToObject(root, "strengths");
	for (i = 0; i < s->nstrengths; i++) {
		cJSON *o = question_ref_json(s->strengths[i]);

		add_answer_text(o, s->strengths[i]);
		cJSON_AddItemToArray(list, o);
	}
	list = cJSON_AddArrayToObject(root, "unknowns");
	for (i = 0; i < s->nunknowns; i++) {
		cJSON *o = question_ref_json(s->unknowns[i]);

		add_text(o, "status",
			 question_status_names[s->unknowns[i]->status]);
		cJSON_AddBoolToObject(o, "scored", s->unknowns[i]->counts);
		cJSON_AddItemToArray(list, o);
	}
	list = cJSON_AddArrayToObject(root, "not_applicable");
	for (i = 0; i < s->nnot_applicable; i++) {
		cJSON *o = question_ref_json(s->not_applicable[i]);

		add_text(o, "reason", s->not_applicable[i]->answer->text);
		cJSON_AddItemToArray(list, o);
	}
	list = cJSON_AddArrayToObject(root, "answers");
	for (i = 0; i < s->nquestions; i++)
		cJSON_AddItemToArray(list, answer_json(&s->questions[i]));
}

/* Who prepared the report, for whom, and how confidential it is; null
 * without a consultant profile. */
static cJSON *prepared_by_json(const struct report *r)
{
	const struct consultant *c = r->consultant;
	cJSON *o;

	if (!c)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_text(o, "name", c->name);
	add_text(o, "firm", c->firm);
	add_text(o, "email", c->email);
	add_text(o, "web", c->web);
	add_text(o, "prepared_for", r->score.company);
	add_text(o, "confidentiality", c->confidentiality);
	return o;
}

/* The reviewer's summary and whether they changed the plan; null
 * without a review. */
static cJSON *review_json(const struct report *r)
{
	cJSON *o;

	if (!r->review)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_text(o, "summary", r->review->summary);
	cJSON_AddBoolToObject(o, "changes_plan",
			      review_changes_plan(&r->score));
	return o;
}

cJSON *report_to_json(const struct report *r)
{
	const struct score_result *s = &r->score;
	cJSON *root = cJSON_CreateObject();

	cJSON_AddStringToObject(root, "schema", REPORT_SCHEMA);
	cJSON_AddStringToObject(root, "generator",
				"cto-assess " CTO_ASSESS_VERSION);
	cJSON_AddStringToObject(root, "generated_at", r->generated_at);
	cJSON_AddStringToObject(root, "assessment_date", r->date);
	add_text(root, "title", r->title);
	add_text(root, "subtitle", r->subtitle);
	cJSON_AddItemToObject(root, "prepared_by", prepared_by_json(r));
	cJSON_AddItemToObject(root, "review", review_json(r));
	add_text(root, "company", s->company);
	cJSON_AddItemToObject(root, "stage", stage_json(s));
	cJSON_AddItemToObject(root, "questionnaire",
			      questionnaire_json(r->questionnaire));
	cJSON_AddBoolToObject(root, "complete", s->nunanswered == 0);
	cJSON_AddNumberToObject(root, "unanswered", (double)s->nunanswered);
	cJSON_AddItemToObject(root, "levels",
			      levels_json(r->questionnaire));
	cJSON_AddItemToObject(root, "overall", overall_json(r));
	cJSON_AddItemToObject(root, "plan", plan_json(&s->plan));
	add_lists(root, s);
	render_team_json(root, r);
	render_benchmark_json(root, r);
	return root;
}

void render_json(struct buf *out, const struct report *r,
		 const struct render_options *o)
{
	cJSON *root = report_to_json(r);
	char *text = cJSON_Print(root);

	(void)o;
	if (!text)
		die(EXIT_NOMEM, "out of memory (printing JSON)");
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
	cJSON_Delete(root);
}
