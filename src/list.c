/*
 * list.c - a questionnaire as an outline, a Markdown checklist or JSON.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "escape.h"
#include "list.h"
#include "progress.h"
#include "term.h"
#include "util.h"

/* ---- the view: which questions are shown ---------------------------------- */

static int shown(const struct list_view *v, const struct question *qn)
{
	return !v->state || v->state[qn->index] != PROGRESS_RULED_OUT;
}

/* A question shown that depends on answers not given yet. */
static int open_question(const struct list_view *v, const struct question *qn)
{
	return v->state && v->state[qn->index] == PROGRESS_OPEN;
}

static size_t area_shown(const struct list_view *v, const struct area *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->nquestions; i++)
		n += shown(v, &a->questions[i]);
	return n;
}

void list_view_count(struct list_view *v)
{
	size_t i;

	v->asked = v->open = 0;
	for (i = 0; i < v->q->nquestions; i++) {
		if (!shown(v, v->q->questions[i]))
			continue;
		if (open_question(v, v->q->questions[i]))
			v->open++;
		else
			v->asked++;
	}
}

/* "64 questions", or "31 to 34 questions for this company". */
static void count_words(struct buf *out, const struct list_view *v)
{
	size_t total = v->asked + v->open;

	if (!v->state) {
		buf_addf(out, "%zu question%s", total, total == 1 ? "" : "s");
		return;
	}
	if (v->open)
		buf_addf(out, "%zu to %zu questions for this company, depending "
			 "on answers not given yet", v->asked, total);
	else
		buf_addf(out, "%zu question%s for this company", total,
			 total == 1 ? "" : "s");
}

/* The outline's width: the view's, two columns short of the edge. */
static size_t outline_width(const struct list_view *v)
{
	size_t width = v->width ? v->width : 80;

	return width > 42 ? width - 2 : 40;
}

/*
 * Appends prefix and text wrapped to the outline's width with a hanging
 * indent: the first line starts with prefix at column first, the others
 * align under the text (prefix must fit in indent - first columns).
 */
static void wrap_hanging(struct buf *out, const struct list_view *v,
			 size_t first, const char *prefix, const char *text,
			 size_t indent)
{
	size_t start = out->len, plen = strlen(prefix);

	term_wrap(out, text, outline_width(v), indent);
	if (first + plen <= indent)
		memcpy(out->data + start + first, prefix, plen);
}

static void text_choices(struct buf *out, const struct list_view *v,
			 const struct question *qn)
{
	size_t i;

	for (i = 0; i < qn->nchoices; i++) {
		struct buf line = BUF_INIT;
		char prefix[8];

		snprintf(prefix, sizeof(prefix), "%c) ", (int)('a' + (i % 26)));
		term_sanitize(&line, qn->choices[i].label, 0);
		if (qn->choices[i].exclusive)
			buf_adds(&line, " (alone)");
		/* Under rules that cover every answer, choices score
		 * nothing of their own. */
		if (qn->scored && !qn->rules_cover) {
			buf_adds(&line, " [");
			buf_add_number(&line, qn->choices[i].score);
			buf_adds(&line, "]");
		}
		wrap_hanging(out, v, 9, prefix, line.data, 12);
		buf_release(&line);
	}
	if (qn->dont_know)
		wrap_hanging(out, v, 9, "?) ", "Don't know", 12);
}

static void text_range(struct buf *out, const struct list_view *v,
		       const struct question *qn)
{
	struct buf range = BUF_INIT;
	size_t i;

	if (qn->has_min || qn->has_max) {
		if (qn->has_min)
			buf_addf(&range, " from %g", qn->min);
		if (qn->has_max)
			buf_addf(&range, " to %g", qn->max);
		if (qn->unit)
			buf_addf(&range, " %s", qn->unit);
		wrap_hanging(out, v, 9, "range:", range.data + 1, 16);
	}
	buf_release(&range);
	for (i = 0; i < qn->nbands; i++)
		buf_addf(out, "         from %g: score %g\n", qn->bands[i].min,
			 qn->bands[i].score);
}

/* "rule: WHEN -> high, 0": the rules in order. */
static void text_rules(struct buf *out, const struct list_view *v,
		       const struct question *qn)
{
	struct buf line = BUF_INIT;
	size_t i;

	for (i = 0; i < qn->nrules; i++) {
		const struct rule *r = &qn->rules[i];

		buf_reset(&line);
		term_sanitize(&line, r->when_source, 0);
		buf_addf(&line, " -> %s, score ", r->risk ? risk_names[r->risk]
			 : r->score >= 1 ? "no risk" : "risk from the score");
		buf_add_number(&line, r->score);
		wrap_hanging(out, v, 9, "rule: ", line.data, 15);
	}
	buf_release(&line);
}

static void text_question(struct buf *out, const struct list_view *v,
			  const struct question *qn, size_t area_no, size_t no)
{
	struct buf head = BUF_INIT;
	char prefix[32];
	int n = snprintf(prefix, sizeof(prefix), "%zu.%zu ", area_no, no);

	if (n < 0 || (size_t)n >= sizeof(prefix))
		prefix[0] = '\0';
	term_sanitize(&head, qn->text, 0);
	buf_addf(&head, " [%s, %s", qn->id, question_types[qn->type].name);
	if (qn->scored) {
		buf_adds(&head, ", weight ");
		buf_add_number(&head, qn->weight);
	}
	buf_adds(&head, "]");
	wrap_hanging(out, v, 3, prefix, head.data, 3 + strlen(prefix));
	if (qn->when_source) {
		buf_reset(&head);
		term_sanitize(&head, qn->when_source, 0);
		wrap_hanging(out, v, 9, "when: ", head.data, 15);
	}
	if (open_question(v, qn))
		buf_adds(out, "         (depends on answers not given yet)\n");
	text_choices(out, v, qn);
	text_range(out, v, qn);
	text_rules(out, v, qn);
	buf_release(&head);
}

void list_render_text(struct buf *out, const struct list_view *v)
{
	const struct questionnaire *q = v->q;
	struct buf head = BUF_INIT;
	size_t i, j, no, areas = 0;

	buf_addf(&head, "%s (%s, version %s)", q->title, q->id, q->version);
	wrap_hanging(out, v, 0, "", head.data, 0);
	if (q->author) {
		buf_reset(&head);
		buf_addf(&head, "by %s", q->author);
		wrap_hanging(out, v, 0, "", head.data, 0);
	}
	for (i = 0; i < q->nareas; i++)
		areas += area_shown(v, &q->areas[i]) > 0;
	buf_reset(&head);
	buf_addf(&head, "%zu area%s, ", areas, areas == 1 ? "" : "s");
	count_words(&head, v);
	wrap_hanging(out, v, 0, "", head.data, 0);
	for (i = 0; i < q->nareas; i++) {
		const struct area *a = &q->areas[i];
		char prefix[32];
		int n;

		if (!area_shown(v, a))
			continue;
		n = snprintf(prefix, sizeof(prefix), "%zu. ", i + 1);
		if (n < 0 || (size_t)n >= sizeof(prefix))
			prefix[0] = '\0';
		buf_reset(&head);
		buf_addf(&head, "%s [%s", a->title, a->id);
		if (a->scored) {
			buf_adds(&head, ", weight ");
			buf_add_number(&head, a->weight);
		} else {
			buf_adds(&head, ", not scored");
		}
		buf_adds(&head, "]");
		buf_addc(out, '\n');
		wrap_hanging(out, v, 0, prefix, head.data, strlen(prefix));
		for (j = no = 0; j < a->nquestions; j++)
			if (shown(v, &a->questions[j]))
				text_question(out, v, &a->questions[j], i + 1,
					      ++no);
	}
	buf_release(&head);
}

/* ---- Markdown checklist ---------------------------------------------- */

static void md_answers(struct buf *out, const struct question *qn)
{
	size_t i;

	switch (question_value(qn)) {
	case QVALUE_CHOICE:
	case QVALUE_CHOICES:
		for (i = 0; i < qn->nchoices; i++) {
			buf_adds(out, "   - [ ] ");
			escape_markdown(out, qn->choices[i].label);
			buf_addc(out, '\n');
		}
		if (qn->dont_know)
			buf_adds(out, "   - [ ] Don't know\n");
		break;
	case QVALUE_NUMBER:
		if (!question_is(qn, QTYPE_F_RANGE)) {
			buf_adds(out, "   - Number");
			if (qn->unit) {
				buf_adds(out, " of ");
				escape_markdown(out, qn->unit);
			}
			buf_adds(out, ": \\_\\_\\_\n");
			break;
		}
		buf_addf(out, "   - Answer from %g", qn->min);
		if (qn->min_label) {
			buf_adds(out, " (");
			escape_markdown(out, qn->min_label);
			buf_adds(out, ")");
		}
		buf_addf(out, " to %g", qn->max);
		if (qn->max_label) {
			buf_adds(out, " (");
			escape_markdown(out, qn->max_label);
			buf_adds(out, ")");
		}
		buf_adds(out, ": \\_\\_\\_\n");
		break;
	case QVALUE_TEXT:
		buf_adds(out, "   - Your answer: \\_\\_\\_\n");
	}
}

/* The question's links, for the client to read before the session. */
static void md_references(struct buf *out, const struct question *qn)
{
	size_t i;

	if (!qn->nrefs)
		return;
	buf_adds(out, "\n   *See:* ");
	for (i = 0; i < qn->nrefs; i++) {
		if (i)
			buf_adds(out, ", ");
		escape_markdown_link(out, qn->refs[i].title, qn->refs[i].url);
	}
	buf_adds(out, "\n");
}

static void md_question(struct buf *out, const struct list_view *v,
			const struct question *qn, size_t no)
{
	buf_addf(out, "%zu. **", no);
	escape_markdown(out, qn->text);
	buf_adds(out, "**");
	if (question_value(qn) == QVALUE_CHOICES)
		buf_adds(out, " *(tick all that apply)*");
	buf_adds(out, "\n");
	if (qn->help) {
		buf_adds(out, "\n   *Why it matters:* ");
		escape_markdown(out, qn->help);
		buf_adds(out, "\n");
	}
	md_references(out, qn);
	if (open_question(v, qn))
		buf_adds(out, "\n   *Depends on earlier answers.*\n");
	else if (qn->when_source && !v->state)
		buf_adds(out, "\n   *Only asked of some companies.*\n");
	buf_adds(out, "\n");
	md_answers(out, qn);
	buf_adds(out, "\n");
}

void list_render_markdown(struct buf *out, const struct list_view *v)
{
	const struct questionnaire *q = v->q;
	size_t i, j, no = 0, areas = 0;

	buf_adds(out, "# ");
	escape_markdown(out, q->title);
	buf_adds(out, "\n\n");
	buf_adds(out, "*Questionnaire `");
	buf_adds(out, q->id);
	buf_adds(out, "`, version ");
	escape_markdown(out, q->version);
	if (q->author) {
		buf_adds(out, ", by ");
		escape_markdown(out, q->author);
	}
	for (i = 0; i < q->nareas; i++)
		areas += area_shown(v, &q->areas[i]) > 0;
	buf_adds(out, "; ");
	count_words(out, v);
	buf_addf(out, " in %zu area%s.*\n\n", areas, areas == 1 ? "" : "s");
	if (q->description) {
		escape_markdown_block(out, q->description);
		buf_adds(out, "\n\n");
	}
	for (i = 0; i < q->nareas; i++) {
		const struct area *a = &q->areas[i];

		if (!area_shown(v, a))
			continue;
		buf_addf(out, "## %zu. ", i + 1);
		escape_markdown(out, a->title);
		buf_adds(out, "\n\n");
		if (a->description) {
			escape_markdown_block(out, a->description);
			buf_adds(out, "\n\n");
		}
		for (j = 0; j < a->nquestions; j++)
			if (shown(v, &a->questions[j]))
				md_question(out, v, &a->questions[j], ++no);
	}
}

/* ---- JSON ------------------------------------------------------------ */

/* Adds string s under key when s is set.  The item belongs to obj. */
static void add_string(cJSON *obj, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(obj, key, s);
}

/* "references": [{title, url}] when there are any; owned by obj. */
static void add_references(cJSON *obj, const struct reference *refs,
			   size_t count)
{
	cJSON *list;
	size_t i;

	if (!count)
		return;
	list = cJSON_AddArrayToObject(obj, "references");
	for (i = 0; i < count; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "title", refs[i].title);
		cJSON_AddStringToObject(o, "url", refs[i].url);
		cJSON_AddItemToArray(list, o);
	}
}

/* "rules": [{when, risk, score}] when the question has rules, the risk
 * "none" for a rule that makes no finding; owned by obj. */
static void add_rules(cJSON *obj, const struct question *qn)
{
	cJSON *list;
	size_t i;

	if (!qn->nrules)
		return;
	list = cJSON_AddArrayToObject(obj, "rules");
	for (i = 0; i < qn->nrules; i++) {
		const struct rule *r = &qn->rules[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "when", r->when_source);
		if (r->risk)
			cJSON_AddStringToObject(o, "risk", risk_names[r->risk]);
		else if (r->score >= 1)
			cJSON_AddStringToObject(o, "risk", "none");
		else
			cJSON_AddNullToObject(o, "risk");
		cJSON_AddNumberToObject(o, "score", r->score);
		cJSON_AddItemToArray(list, o);
	}
}

static cJSON *choice_json(const struct question *qn, const struct choice *c)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", c->id);
	cJSON_AddStringToObject(o, "label", c->label);
	if (qn->scored)
		cJSON_AddNumberToObject(o, "score", c->score);
	add_string(o, "advice", c->advice);
	if (c->risk)
		cJSON_AddStringToObject(o, "risk", risk_names[c->risk]);
	if (c->effort)
		cJSON_AddStringToObject(o, "effort", effort_names[c->effort]);
	if (c->exclusive)
		cJSON_AddBoolToObject(o, "exclusive", 1);
	add_references(o, c->refs, c->nrefs);
	return o;
}

static void add_bands(cJSON *o, const struct question *qn)
{
	cJSON *bands;
	size_t i;

	if (qn->has_min)
		cJSON_AddNumberToObject(o, "min", qn->min);
	if (qn->has_max)
		cJSON_AddNumberToObject(o, "max", qn->max);
	add_string(o, "min_label", qn->min_label);
	add_string(o, "max_label", qn->max_label);
	add_string(o, "unit", qn->unit);
	if (qn->integer)
		cJSON_AddBoolToObject(o, "integer", 1);
	add_string(o, "max_question", qn->max_question);
	if (!qn->nbands)
		return;
	bands = cJSON_AddArrayToObject(o, "bands");
	for (i = 0; i < qn->nbands; i++) {
		const struct band *b = &qn->bands[i];
		cJSON *bo = cJSON_CreateObject();

		cJSON_AddNumberToObject(bo, "min", b->min);
		cJSON_AddNumberToObject(bo, "score", b->score);
		add_string(bo, "label", b->label);
		add_string(bo, "advice", b->advice);
		if (b->risk)
			cJSON_AddStringToObject(bo, "risk", risk_names[b->risk]);
		cJSON_AddItemToArray(bands, bo);
	}
}

static cJSON *question_json(const struct list_view *v,
			    const struct question *qn)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *choices;
	size_t i;

	cJSON_AddStringToObject(o, "id", qn->id);
	cJSON_AddStringToObject(o, "text", qn->text);
	add_string(o, "help", qn->help);
	cJSON_AddStringToObject(o, "type", question_types[qn->type].name);
	cJSON_AddNumberToObject(o, "weight", qn->weight);
	cJSON_AddBoolToObject(o, "scored", qn->scored);
	cJSON_AddStringToObject(o, "effort", effort_names[qn->effort]);
	add_string(o, "advice", qn->advice);
	cJSON_AddBoolToObject(o, "dont_know", qn->dont_know);
	if (qn->when_source)
		cJSON_AddStringToObject(o, "when", qn->when_source);
	else
		cJSON_AddNullToObject(o, "when");
	if (v->state)
		cJSON_AddBoolToObject(o, "depends_on_answers",
				      open_question(v, qn));
	choices = cJSON_AddArrayToObject(o, "choices");
	for (i = 0; i < qn->nchoices; i++)
		cJSON_AddItemToArray(choices, choice_json(qn, &qn->choices[i]));
	if (question_value(qn) == QVALUE_CHOICES)
		cJSON_AddNumberToObject(o, "full_score", qn->full_score);
	add_bands(o, qn);
	add_references(o, qn->refs, qn->nrefs);
	add_rules(o, qn);
	return o;
}

static cJSON *area_json(const struct list_view *v, const struct area *a)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *questions, *targets;
	size_t i;

	cJSON_AddStringToObject(o, "id", a->id);
	cJSON_AddStringToObject(o, "title", a->title);
	add_string(o, "description", a->description);
	cJSON_AddNumberToObject(o, "weight", a->weight);
	cJSON_AddBoolToObject(o, "scored", a->scored);
	targets = cJSON_AddObjectToObject(o, "targets");
	for (i = 0; i < a->ntargets; i++)
		cJSON_AddNumberToObject(targets, a->targets[i].stage,
					a->targets[i].score);
	questions = cJSON_AddArrayToObject(o, "questions");
	for (i = 0; i < a->nquestions; i++)
		if (shown(v, &a->questions[i]))
			cJSON_AddItemToArray(questions, question_json(
				v, &a->questions[i]));
	return o;
}

cJSON *questionnaire_to_json(const struct list_view *v)
{
	const struct questionnaire *q = v->q;
	cJSON *o = cJSON_CreateObject();
	cJSON *levels, *areas;
	size_t i;

	cJSON_AddStringToObject(o, "schema", QUESTIONNAIRE_JSON_SCHEMA);
	cJSON_AddStringToObject(o, "id", q->id);
	cJSON_AddStringToObject(o, "title", q->title);
	cJSON_AddStringToObject(o, "version", q->version);
	add_string(o, "description", q->description);
	add_string(o, "author", q->author);
	cJSON_AddStringToObject(o, "hash", q->hash);
	add_string(o, "stage_question", q->stage_question);
	add_string(o, "name_question", q->name_question);
	levels = cJSON_AddArrayToObject(o, "levels");
	for (i = 0; i < q->nlevels; i++) {
		cJSON *lv = cJSON_CreateObject();

		cJSON_AddStringToObject(lv, "id", q->levels[i].id);
		cJSON_AddStringToObject(lv, "name", q->levels[i].name);
		cJSON_AddNumberToObject(lv, "min", q->levels[i].min);
		add_string(lv, "description", q->levels[i].description);
		cJSON_AddItemToArray(levels, lv);
	}
	if (v->state) {
		cJSON *preview = cJSON_AddObjectToObject(o, "preview");

		cJSON_AddNumberToObject(preview, "asked", (double)v->asked);
		cJSON_AddNumberToObject(preview, "depends_on_answers",
					(double)v->open);
	}
	areas = cJSON_AddArrayToObject(o, "areas");
	for (i = 0; i < q->nareas; i++)
		if (area_shown(v, &q->areas[i]))
			cJSON_AddItemToArray(areas, area_json(v, &q->areas[i]));
	return o;
}

void list_render_json(struct buf *out, const struct list_view *v)
{
	cJSON *o = questionnaire_to_json(v);
	char *text = cJSON_Print(o);

	if (!text)
		die(EXIT_NOMEM, "cannot format JSON");
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
	cJSON_Delete(o);
}
