/*
 * render_team.c - what a report says of its respondents, in every format:
 * who answered (beside the company), and for a merged assessment where its
 * respondents disagree, with who said what.
 *
 * Each function adds nothing for an assessment that names no respondent,
 * so that a report of one founder's answers reads as it always did.  Every
 * text from the answers is escaped for its format here, as the renderers
 * do.
 */
#include <string.h>

#include <cJSON.h>

#include "escape.h"
#include "render.h"
#include "term.h"
#include "util.h"

#define TEXT_DISAGREEMENTS 3    /* named in the terminal summary */

/* ---- words ------------------------------------------------------------ */

static int is_merged(const struct report *r)
{
	return answers_is_merged(r->answers);
}

/* "Ana (CEO), Ben and Cy (Agency)", or the one respondent; raw. */
static void respondents_words(struct buf *out, const struct report *r)
{
	const struct answers *a = r->answers;
	size_t i;

	if (!is_merged(r)) {
		if (a->respondent.name)
			respondent_label(out, &a->respondent);
		return;
	}
	for (i = 0; i < a->nrespondents; i++) {
		if (i)
			buf_adds(out, i + 1 == a->nrespondents ? " and " : ", ");
		respondent_label(out, &a->respondents[i]);
	}
}

static const char *respondents_term(const struct report *r)
{
	return is_merged(r) ? "Respondents" : "Respondent";
}

void render_team_headline(struct buf *out, const struct report *r)
{
	size_t n = r->score.ndisagreements;

	if (!is_merged(r))
		return;
	buf_addf(out, " The answers of %zu respondents are merged; they "
		 "disagree on %zu question%s.", r->answers->nrespondents, n,
		 n == 1 ? "" : "s");
}

/* The paragraph that opens "Where you disagree"; raw. */
static void section_intro(struct buf *out, const struct report *r)
{
	const struct answers *a = r->answers;

	buf_addf(out, "%zu respondents answered: ", a->nrespondents);
	respondents_words(out, r);
	if (a->merge_rule == MERGE_MEDIAN)
		buf_adds(out, ". Their answers are merged by the median rule: "
			 "per question, the middle answer in order of "
			 "score.");
	else
		buf_adds(out, ". Their answers are merged by the cautious "
			 "rule: per question, the answer with the lowest "
			 "score, \"don't know\" lowest of all.");
	buf_addf(out, " Listed here, highest risk at stake first, are the "
		 "questions whose answers score more than %.2f apart (on a "
		 "scale of 0 to 1, \"don't know\" counting as 0 and \"not "
		 "applicable\" as 1); each is a finding of its own, to settle "
		 "by agreeing on the facts.", a->merge_threshold);
}

/* "Security; high risk at stake; scores from 0 to 100"; raw. */
static void disagreement_tags(struct buf *out, const struct disagreement *d)
{
	buf_addf(out, "%s; %s risk at stake; scores from %.0f to %.0f",
		 d->question.area->title, risk_names[d->qs.risk],
		 100 * d->low, 100 * d->high);
}

/* What the merged answer is, with the rule; raw. */
static void merged_words(struct buf *out, const struct report *r,
			 const struct disagreement *d)
{
	buf_addf(out, "Merged (%s rule): ",
		 merge_rule_names[r->answers->merge_rule]);
	answer_describe(out, d->merged->question, d->merged->answer);
}

/* ---- Markdown --------------------------------------------------------- */

void render_team_md_header(struct buf *out, const struct report *r)
{
	struct buf who = BUF_INIT;

	respondents_words(&who, r);
	if (who.len) {
		buf_addf(out, "| %s | ", respondents_term(r));
		escape_markdown(out, who.data);
		buf_adds(out, " |\n");
	}
	buf_release(&who);
}

static void md_disagreement(struct buf *out, const struct report *r,
			    const struct disagreement *d, size_t n)
{
	const struct answers *a = r->answers;
	struct buf text = BUF_INIT;
	size_t k;

	buf_addf(out, "%zu. **", n);
	escape_markdown(out, d->question.text);
	buf_adds(out, "** (");
	disagreement_tags(&text, d);
	escape_markdown(out, text.data);
	buf_adds(out, ")\n");
	for (k = 0; k < a->nrespondents; k++) {
		const struct answer *said = score_respondent_answer(
			&r->score, k, d->merged->question);

		if (!said)
			continue;
		buf_reset(&text);
		respondent_label(&text, &a->respondents[k]);
		buf_adds(&text, ": ");
		answer_describe(&text, d->merged->question, said);
		buf_addn(out, ' ', n < 10 ? 3 : n < 100 ? 4 : 5);
		buf_adds(out, "- ");
		escape_markdown(out, text.data);
		buf_addc(out, '\n');
	}
	buf_reset(&text);
	merged_words(&text, r, d);
	buf_addn(out, ' ', n < 10 ? 3 : n < 100 ? 4 : 5);
	buf_adds(out, "- ");
	escape_markdown(out, text.data);
	buf_addc(out, '\n');
	buf_release(&text);
}

void render_team_markdown(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;
	size_t i;

	if (!is_merged(r))
		return;
	buf_adds(out, "## Where you disagree\n\n");
	section_intro(&text, r);
	escape_markdown_block(out, text.data);
	buf_adds(out, "\n\n");
	if (!s->ndisagreements)
		buf_adds(out, "None: on every question your answers are close "
			 "enough.\n");
	for (i = 0; i < s->ndisagreements; i++)
		md_disagreement(out, r, &s->disagreements[i], i + 1);
	buf_addc(out, '\n');
	buf_release(&text);
}

/* ---- HTML ------------------------------------------------------------- */

void render_team_html_meta(struct buf *out, const struct report *r)
{
	struct buf who = BUF_INIT;

	respondents_words(&who, r);
	if (who.len) {
		buf_addf(out, "<dt>%s</dt><dd>", respondents_term(r));
		escape_html(out, who.data, 0);
		buf_adds(out, "</dd>\n");
	}
	buf_release(&who);
}

static void html_disagreement(struct buf *out, const struct report *r,
			      const struct disagreement *d, size_t n)
{
	const struct answers *a = r->answers;
	struct buf text = BUF_INIT;
	size_t k;

	buf_addf(out, "<li class=\"finding risk-%s\" value=\"%zu\">\n<h4>"
		 "<span class=\"rank\">%zu.</span> ", risk_names[d->qs.risk],
		 n, n);
	escape_html(out, d->question.text, 0);
	buf_adds(out, "</h4>\n<p class=\"muted\">");
	disagreement_tags(&text, d);
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n<ul class=\"covers\">\n");
	for (k = 0; k < a->nrespondents; k++) {
		const struct answer *said = score_respondent_answer(
			&r->score, k, d->merged->question);

		if (!said)
			continue;
		buf_reset(&text);
		respondent_label(&text, &a->respondents[k]);
		buf_adds(out, "<li><strong>");
		escape_html(out, text.data, 0);
		buf_adds(out, ":</strong> ");
		buf_reset(&text);
		answer_describe(&text, d->merged->question, said);
		escape_html(out, text.data, 0);
		buf_adds(out, "</li>\n");
	}
	buf_reset(&text);
	merged_words(&text, r, d);
	buf_adds(out, "</ul>\n<p>");
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n</li>\n");
	buf_release(&text);
}

void render_team_html(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;
	size_t i;

	if (!is_merged(r))
		return;
	buf_adds(out, "<section id=\"disagreements\">\n<h2>Where you "
		 "disagree</h2>\n<p>");
	section_intro(&text, r);
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n");
	if (!s->ndisagreements)
		buf_adds(out, "<p>None: on every question your answers are "
			 "close enough.</p>\n");
	else
		buf_adds(out, "<ol class=\"plan\">\n");
	for (i = 0; i < s->ndisagreements; i++)
		html_disagreement(out, r, &s->disagreements[i], i + 1);
	if (s->ndisagreements)
		buf_adds(out, "</ol>\n");
	buf_adds(out, "</section>\n");
	buf_release(&text);
}

/* ---- the terminal summary -------------------------------------------- */

void render_team_text(struct buf *out, const struct report *r, size_t width)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;
	size_t i;

	if (!is_merged(r))
		return;
	buf_addf(out, "\nWhere you disagree (%zu question%s", s->ndisagreements,
		 s->ndisagreements == 1 ? "" : "s");
	if (s->ndisagreements > TEXT_DISAGREEMENTS)
		buf_addf(out, ", the first %d", TEXT_DISAGREEMENTS);
	buf_adds(out, s->ndisagreements ? "):\n" : ")\n");
	for (i = 0; i < s->ndisagreements && i < TEXT_DISAGREEMENTS; i++) {
		const struct disagreement *d = &s->disagreements[i];

		buf_reset(&text);
		buf_addf(&text, "%s risk: %s", risk_names[d->qs.risk],
			 d->question.text);
		term_wrap(out, text.data, width, 2);
		term_wrap(out, d->said.text, width, 4);
	}
	buf_release(&text);
}

/* ---- JSON ------------------------------------------------------------- */

static cJSON *respondents_json(const struct report *r)
{
	const struct answers *a = r->answers;
	cJSON *list = cJSON_CreateArray();
	size_t i, n = is_merged(r) ? a->nrespondents : 1;

	for (i = 0; i < n; i++) {
		const struct respondent *who = is_merged(r) ?
			&a->respondents[i] : &a->respondent;
		cJSON *o = cJSON_CreateObject();

		render_json_text(o, "name", who->name);
		render_json_text(o, "role", who->role);
		render_json_text(o, "source", who->source);
		render_json_text(o, "completed_at", who->completed_at);
		cJSON_AddItemToArray(list, o);
	}
	return list;
}

/* The status of a respondent's answer, in the words of "answers". */
static const char *said_status(const struct answer *said)
{
	static const struct {
		enum answer_kind kind;
		const char *name;
	} statuses[] = {
		{ ANSWER_NONE, "unanswered" },
		{ ANSWER_SKIPPED, "skipped" },
		{ ANSWER_DONT_KNOW, "dont_know" },
		{ ANSWER_NOT_APPLICABLE, "not_applicable" },
	};
	size_t i;

	if (!said)
		return "ruled_out";
	for (i = 0; i < ARRAY_SIZE(statuses); i++)
		if (said->kind == statuses[i].kind)
			return statuses[i].name;
	return "answered";
}

static cJSON *answers_by_respondent(const struct report *r,
				    const struct question *question)
{
	const struct answers *a = r->answers;
	cJSON *list = cJSON_CreateArray();
	struct buf text = BUF_INIT;
	size_t k;

	for (k = 0; k < a->nrespondents; k++) {
		const struct answer *said = score_respondent_answer(&r->score,
								    k, question);
		cJSON *o = cJSON_CreateObject();

		render_json_text(o, "respondent", a->respondents[k].name);
		render_json_text(o, "role", a->respondents[k].role);
		render_json_text(o, "status", said_status(said));
		cJSON_AddItemToObject(o, "value", said ?
				      render_answer_value(said) :
				      cJSON_CreateNull());
		buf_reset(&text);
		if (said)
			answer_describe(&text, question, said);
		render_json_text(o, "answer", said ? text.data : NULL);
		cJSON_AddItemToObject(o, "score", said && answer_has_value(said)
			? cJSON_CreateNumber(score_round(100 *
				score_question(question, said), 1))
			: cJSON_CreateNull());
		cJSON_AddItemToArray(list, o);
	}
	buf_release(&text);
	return list;
}

/* Adds kind and answers_by_respondent (and a disagreement's spread) to
 * each object of the report's findings list, in the same order. */
static void findings_json(cJSON *list, const struct report *r)
{
	const struct score_result *s = &r->score;
	cJSON *o = list ? list->child : NULL;
	size_t i;

	for (i = 0; o && i < s->nfindings; i++, o = o->next) {
		const struct finding *f = &s->findings[i];
		const struct disagreement *d = f->disagreement;

		cJSON_AddStringToObject(o, "kind", d ? "disagreement" :
					"answer");
		cJSON_AddItemToObject(o, "answers_by_respondent",
			answers_by_respondent(r, d ? d->merged->question :
					      f->qs->question));
		if (d)
			cJSON_AddNumberToObject(o, "spread", d->spread);
	}
}

void render_team_json(cJSON *root, const struct report *r)
{
	const struct answers *a = r->answers;
	cJSON *merge;

	if (!is_merged(r) && !a->respondent.name)
		return;
	cJSON_AddItemToObject(root, "respondents", respondents_json(r));
	if (!is_merged(r))
		return;
	merge = cJSON_AddObjectToObject(root, "merge");
	cJSON_AddStringToObject(merge, "rule", merge_rule_names[a->merge_rule]);
	cJSON_AddNumberToObject(merge, "threshold", a->merge_threshold);
	cJSON_AddNumberToObject(merge, "disagreements",
				(double)r->score.ndisagreements);
	findings_json(cJSON_GetObjectItemCaseSensitive(root, "findings"), r);
}
