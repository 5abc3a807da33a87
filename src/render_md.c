/*
 * render_md.c - the report as CommonMark with GFM tables.
 *
 * Every piece of questionnaire or answer text goes through escape_markdown()
 * or md_block() (escape.h): control characters removed, backslash escapes for the
 * punctuation that could start markup (emphasis, links, code, raw HTML,
 * entities, table pipes), and line-start escapes for headings, lists and
 * block quotes.  So a hostile answer renders as its own literal text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "consultant.h"
#include "escape.h"
#include "prose.h"
#include "render.h"
#include "review.h"
#include "util.h"
#include "version.h"

/* Appends s, which may have several lines, as a block quote. */
static void md_block(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	const char *line, *end;

	escape_clean(&clean, s, 1);
	for (line = clean.data; ; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		buf_adds(out, end > line ? "> " : ">");
		escape_markdown_line(out, line, (size_t)(end - line), 1);
		buf_addc(out, '\n');
		if (!*end)
			break;
	}
	buf_release(&clean);
}

static void md_answer(struct buf *out, const struct question_score *qs)
{
	struct buf text = BUF_INIT;

	answer_describe(&text, qs->question, qs->answer);
	escape_markdown(out, text.data);
	buf_release(&text);
}

static void md_score(struct buf *out, int has, double v)
{
	if (has)
		buf_addf(out, "%.1f", v);
	else
		buf_adds(out, "n/a");
}

/* A bar of ten blocks for a 0-100 score. */
static void md_bar(struct buf *out, double score)
{
	int full = (int)(score / 10 + 0.5), i;

	for (i = 0; i < 10; i++)
		buf_adds(out, i < full ? "\xe2\x96\x88" : "\xe2\x96\x91");
}

/* Who prepared the report, how to reach them, and how confidential it
 * is; nothing without a consultant profile. */
static void md_consultant(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;
	struct buf text = BUF_INIT;

	if (!c)
		return;
	render_prepared(&text, r);
	escape_markdown_block(out, text.data);
	buf_adds(out, "\n\n");
	buf_reset(&text);
	render_contact(&text, r);
	if (text.len) {
		escape_markdown_block(out, text.data);
		buf_adds(out, "\n\n");
	}
	if (c->confidentiality) {
		buf_adds(out, "**");
		escape_markdown(out, c->confidentiality);
		buf_adds(out, "**\n\n");
	}
	buf_release(&text);
}

static void md_header(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf title = BUF_INIT;
	size_t i;

	render_title(&title, r);
	buf_adds(out, "# ");
	escape_markdown(out, title.data);
	buf_adds(out, "\n\n");
	if (r->subtitle) {
		escape_markdown_block(out, r->subtitle);
		buf_adds(out, "\n\n");
	}
	md_consultant(out, r);
	if (r->nrows)
		buf_adds(out, "| | |\n|---|---|\n");
	for (i = 0; i < r->nrows; i++) {
		buf_adds(out, "| ");
		escape_markdown(out, r->rows[i].label);
		buf_adds(out, " | ");
		escape_markdown(out, r->rows[i].value);
		buf_adds(out, " |\n");
	}
	if (r->nrows) {
		render_team_md_header(out, r);
		buf_addc(out, '\n');
	}
	if (s->nunanswered)
		buf_addf(out, "> **Incomplete assessment:** %zu question%s "
			 "not answered. Scored ones count as gaps; all are "
			 "listed under Unknowns.\n\n", s->nunanswered,
			 s->nunanswered == 1 ? " was" : "s were");
	buf_release(&title);
}

/* Appends plain text t escaped as a Markdown paragraph. */
static void md_paragraph(struct buf *out, const char *t)
{
	escape_markdown_block(out, t);
	buf_adds(out, "\n\n");
}

static void md_level(struct buf *out, const struct area_score *as)
{
	struct buf text = BUF_INIT;

	render_level(&text, as->level, as->uncapped_level,
		     as->enough_information, as->coverage);
	escape_markdown(out, text.data);
	buf_release(&text);
}

/* "1 critical, 2 high" or "none" for an area's open risks. */
static void md_area_risks(struct buf *out, const struct area_score *as)
{
	if (!as->nfindings) {
		buf_adds(out, "no open risk");
		return;
	}
	render_risk_counts(out, as->nrisks, RISK_CRITICAL, RISK_LOW);
}

/* The critical and high findings, named, for the executive summary. */
static void md_urgent(struct buf *out, const struct score_result *s)
{
	const struct finding **named = xcalloc(s->nfindings + 1,
					       sizeof(*named));
	struct buf text = BUF_INIT;
	size_t i, n, more;

	n = render_urgent(s, named, &more);
	if (n)
		buf_adds(out, "Open critical and high risks:\n\n");
	for (i = 0; i < n; i++) {
		buf_addf(out, "- **%s:** ",
			 render_risk_title(named[i]->qs->risk));
		escape_markdown(out, named[i]->title);
		buf_reset(&text);
		render_urgent_context(&text, named[i]);
		buf_adds(out, " (");
		escape_markdown(out, text.data);
		buf_adds(out, ")\n");
	}
	if (more) {
		buf_reset(&text);
		render_more_high(&text, more);
		buf_adds(out, "- ");
		escape_markdown(out, text.data);
		buf_addc(out, '\n');
	}
	if (n)
		buf_addc(out, '\n');
	buf_release(&text);
	free(named);
}

/* A short paragraph that keeps two lists apart (CommonMark would join two
 * lists separated only by a blank line). */
static void md_lead_in(struct buf *out, const char *text)
{
	buf_addf(out, "%s\n\n", text);
}

/* The executive summary in the reviewer's words, signed. */
static void md_review_summary(struct buf *out, const struct report *r)
{
	struct buf name = BUF_INIT;

	if (!r->review || !r->review->summary)
		return;
	prose_render(out, r->review->summary, PROSE_MARKDOWN);
	if (r->consultant) {
		consultant_signature(&name, r->consultant);
		buf_adds(out, "*\xe2\x80\x94 ");
		escape_markdown(out, name.data);
		buf_adds(out, "*\n\n");
	}
	buf_release(&name);
}

static void md_summary(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;
	size_t i;

	buf_adds(out, "## Executive summary\n\n");
	md_review_summary(out, r);
	render_headline(&text, r);
	md_paragraph(out, text.data);
	md_urgent(out, s);
	md_lead_in(out, "By area:");
	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score)
			continue;
		buf_adds(out, "- **");
		escape_markdown(out, as->area->title);
		buf_addf(out, "**: %.1f, ", as->score);
		md_level(out, as);
		buf_reset(&text);
		render_target(&text, as->has_target, as->score, as->target);
		if (text.len) {
			buf_adds(out, "; ");
			escape_markdown(out, text.data);
		}
		buf_adds(out, "; ");
		md_area_risks(out, as);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n### First actions\n\n");
	if (!s->plan.nactions)
		buf_adds(out, "No findings: every answer is at its best.\n");
	for (i = 0; i < s->plan.nactions && i < RENDER_FIRST_ACTIONS; i++) {
		const struct action *a = &s->plan.actions[i];

		buf_addf(out, "%zu. **", a->rank);
		escape_markdown(out, a->title);
		buf_addf(out, "** (%s; %s risk, %s effort): ",
			 horizon_names[a->horizon], risk_names[a->risk],
			 effort_names[a->effort]);
		escape_markdown(out, a->advice ? a->advice :
				      "Review this answer.");
		buf_addc(out, '\n');
	}
	buf_addc(out, '\n');
	buf_release(&text);
}

static void md_scorecard(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "## Area scorecard\n\n"
		 "| Area | Score | Level | Target | Bar | Open risks | "
		 "Answered |\n|---|---:|---|---:|---|---|---:|\n");
	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score)
			continue;
		buf_adds(out, "| ");
		escape_markdown(out, as->area->title);
		buf_addf(out, " | %.1f | ", as->score);
		md_level(out, as);
		buf_adds(out, " | ");
		md_score(out, as->has_target, as->target);
		buf_adds(out, " | ");
		md_bar(out, as->score);
		buf_adds(out, " | ");
		md_area_risks(out, as);
		buf_addf(out, " | %.0f%% |\n", 100 * as->coverage);
	}
	buf_addc(out, '\n');
}

/* Appends the start of a sub-item aligned under the text of item n. */
static void md_item_at(struct buf *out, size_t n, size_t depth,
		       const char *label)
{
	size_t width = 0;

	/* The list marker "n. " is as wide as n's digits plus two; each
	 * level of "- " below it two more. */
	do {
		width++;
		n /= 10;
	} while (n);
	buf_addn(out, ' ', width + 2 * depth);
	buf_addf(out, "- %s: ", label);
}

static void md_subitem(struct buf *out, size_t n, const char *label)
{
	md_item_at(out, n, 1, label);
}

/* The current answer of a finding, marked when it is an unknown. */
static void md_current(struct buf *out, const struct question_score *qs)
{
	md_answer(out, qs);
	if (qs->unknown)
		buf_addf(out, " (unknown: counted as %s risk until someone "
			 "finds out)", risk_names[qs->risk]);
}

/* What the review said of a finding: the change with its reason, and the
 * comment. */
static void md_review(struct buf *out, const struct finding *f, size_t n,
		      int alone)
{
	struct buf text = BUF_INIT;

	if (!f->review)
		return;
	render_review_line(&text, f);
	if (text.len) {
		md_subitem(out, n, alone ? "Review" : "  Review");
		escape_markdown(out, text.data);
		buf_addc(out, '\n');
	}
	if (f->review->comment) {
		md_subitem(out, n, alone ? "Reviewer's comment" :
				       "  Reviewer's comment");
		escape_markdown(out, f->review->comment);
		buf_addc(out, '\n');
	}
	buf_release(&text);
}

/* "References: [a](<u>), [b](<v>)": the links a finding gives. */
static void md_references(struct buf *out, const struct question_score *qs,
			  size_t n, int alone)
{
	const struct reference *refs[RENDER_REFERENCES_MAX];
	size_t i, count = render_references(qs, refs);

	if (!count)
		return;
	md_item_at(out, n, alone ? 1 : 2, "References");
	for (i = 0; i < count; i++) {
		if (i)
			buf_adds(out, ", ");
		escape_markdown_link(out, refs[i]->title, refs[i]->url);
	}
	buf_addc(out, '\n');
}

/* The lines of one finding inside its action; alone, it is the action. */
static void md_finding_lines(struct buf *out, const struct finding *f,
			     size_t n, const char *advice, int alone)
{
	const struct question_score *qs = f->qs;

	if (!alone) {
		md_subitem(out, n, "Finding");
		buf_adds(out, "**");
		escape_markdown(out, f->title);
		buf_adds(out, "** (");
		escape_markdown(out, qs->question->area->title);
		buf_addf(out, "; %s risk)\n", risk_names[qs->risk]);
	}
	if (f->title != qs->question->text || !alone) {
		md_item_at(out, n, alone ? 1 : 2, "Question");
		escape_markdown(out, qs->question->text);
		buf_addc(out, '\n');
	}
	md_item_at(out, n, alone ? 1 : 2, "Current answer");
	md_current(out, qs);
	buf_addc(out, '\n');
	if (alone && advice) {
		md_subitem(out, n, "Advice");
		escape_markdown(out, advice);
		buf_addc(out, '\n');
	}
	md_references(out, qs, n, alone);
	if (qs->answer->note) {
		md_item_at(out, n, alone ? 1 : 2, "Note");
		escape_markdown(out, qs->answer->note);
		buf_addc(out, '\n');
	}
	md_review(out, f, n, alone);
}

static void md_action(struct buf *out, const struct action *a)
{
	size_t n = a->rank, i;
	int alone = a->nfindings == 1;

	buf_addf(out, "%zu. **", n);
	escape_markdown(out, a->title);
	buf_adds(out, "**");
	if (!alone)
		buf_addf(out, " (%zu findings)", a->nfindings);
	buf_addc(out, '\n');
	md_subitem(out, n, "Risk");
	buf_addf(out, "**%s**; effort: %s; impact: %.2f", risk_names[a->risk],
		 effort_names[a->effort], a->findings[0]->impact);
	if (alone) {
		buf_adds(out, "; area: ");
		escape_markdown(out, a->findings[0]->qs->question->area->title);
	}
	buf_addc(out, '\n');
	if (!alone && a->advice) {
		md_subitem(out, n, "Advice");
		escape_markdown(out, a->advice);
		buf_addc(out, '\n');
	}
	for (i = 0; i < a->nfindings; i++)
		md_finding_lines(out, a->findings[i], n, a->advice, alone);
}

static void md_plan(struct buf *out, const struct report *r)
{
	const struct plan *p = &r->score.plan;
	struct buf note = BUF_INIT;
	size_t i, n;
	int h;

	buf_adds(out, "## Action plan\n\n");
	if (!p->nactions) {
		buf_adds(out, "Nothing to do: every answer is at its best.\n\n");
		return;
	}
	for (h = 0; h < HORIZON_COUNT; h++) {
		buf_addf(out, "### %s\n\n", horizon_titles[h]);
		buf_reset(&note);
		render_capacity_note(&note, p, (enum horizon)h);
		if (note.len)
			md_paragraph(out, note.data);
		for (i = n = 0; i < p->nactions; i++)
			if (p->actions[i].horizon == (enum horizon)h) {
				md_action(out, &p->actions[i]);
				n++;
			}
		if (!n)
			buf_adds(out, "Nothing in this horizon.\n");
		buf_addc(out, '\n');
	}
	buf_release(&note);
}

static void md_not_applicable(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	if (!s->nnot_applicable)
		return;
	buf_adds(out, "## Not applicable\n\nQuestions the respondent said "
		 "do not apply to this company, with the reason given. They "
		 "count in no score.\n\n| Area | Question | Reason |\n"
		 "|---|---|---|\n");
	for (i = 0; i < s->nnot_applicable; i++) {
		const struct question_score *qs = s->not_applicable[i];

		buf_adds(out, "| ");
		escape_markdown(out, qs->question->area->title);
		buf_adds(out, " | ");
		escape_markdown(out, qs->question->text);
		buf_adds(out, " | ");
		escape_markdown(out, render_na_reason(qs));
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void md_strengths(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "## Strengths\n\n");
	if (!s->nstrengths)
		buf_adds(out, "No answer is at its best yet.\n");
	for (i = 0; i < s->nstrengths; i++) {
		buf_adds(out, "- **");
		escape_markdown(out, s->strengths[i]->question->area->title);
		buf_adds(out, "**: ");
		escape_markdown(out, s->strengths[i]->question->text);
		buf_adds(out, " Answer: ");
		md_answer(out, s->strengths[i]);
		buf_addc(out, '\n');
	}
	buf_addc(out, '\n');
}

/* Whether the question's text or note belongs under "Notes". */
static int has_words(const struct report *r, const struct question_score *qs)
{
	if (qs->status == STATUS_RULED_OUT ||
	    qs->status == STATUS_NOT_APPLICABLE)
		return 0;
	return qs->answer->note || render_notes_text(r, qs);
}

static void md_notes(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i, n = 0;

	buf_adds(out, "## Notes and free-text answers\n\n");
	for (i = 0; i < s->nquestions; i++) {
		const struct question_score *qs = &s->questions[i];

		if (!has_words(r, qs))
			continue;
		n++;
		buf_adds(out, "**");
		escape_markdown(out, qs->question->text);
		buf_adds(out, "** (");
		escape_markdown(out, qs->question->area->title);
		buf_adds(out, ")\n\n");
		if (render_notes_text(r, qs)) {
			md_block(out, qs->answer->text);
			buf_addc(out, '\n');
		}
		if (qs->answer->note) {
			buf_adds(out, "Note:\n\n");
			md_block(out, qs->answer->note);
			buf_addc(out, '\n');
		}
	}
	if (!n)
		buf_adds(out, "None.\n\n");
}

static void md_unknowns(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "## Unknowns\n\nQuestions skipped, answered \"don't "
		 "know\" or not answered. Scored ones count as findings at "
		 "their worst risk until someone finds out; finding out is "
		 "often the cheapest first step.\n\n");
	if (!s->nunknowns) {
		buf_adds(out, "None.\n\n");
		return;
	}
	buf_adds(out, "| Area | Question | Status |\n|---|---|---|\n");
	for (i = 0; i < s->nunknowns; i++) {
		const struct question_score *qs = s->unknowns[i];

		buf_adds(out, "| ");
		escape_markdown(out, qs->question->area->title);
		buf_adds(out, " | ");
		escape_markdown(out, qs->question->text);
		buf_adds(out, " | ");
		md_answer(out, qs);
		buf_adds(out, qs->counts ? " |\n" : " (unscored) |\n");
	}
	buf_addc(out, '\n');
}

static void md_method(struct buf *out, const struct report *r)
{
	const struct questionnaire *q = r->questionnaire;
	size_t i;

	struct buf note = BUF_INIT;

	buf_adds(out, "## Appendix: Method\n\n");
	for (i = 0; render_method_text[i]; i++)
		buf_addf(out, "%s\n\n", render_method_text[i]);
	render_review_note(&note, r);
	if (note.len)
		md_paragraph(out, note.data);
	buf_release(&note);
	buf_adds(out, "Maturity levels:\n\n| Level | From score |\n|---|---:|\n");
	for (i = 0; i < q->nlevels; i++) {
		buf_adds(out, "| ");
		escape_markdown(out, q->levels[i].name);
		buf_addf(out, " | %.1f |\n", q->levels[i].min);
	}
	buf_addf(out, "\n---\n\nGenerated by cto-assess %s on %s from "
		 "questionnaire ", CTO_ASSESS_VERSION, r->generated_at);
	escape_markdown(out, q->id);
	buf_adds(out, " version ");
	escape_markdown(out, q->version);
	buf_addf(out, " (content hash %s).\n", q->hash);
}

/* The findings a review dropped, with its reasons. */
static void md_dropped(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	if (!s->ndropped)
		return;
	buf_adds(out, "## Appendix: Dropped findings\n\nThe reviewer left "
		 "these findings out of the plan, each for the reason given. "
		 "Their answers still count in the scores.\n\n| Area | "
		 "Finding | Risk | Reason |\n|---|---|---|---|\n");
	for (i = 0; i < s->ndropped; i++) {
		const struct finding *f = &s->dropped[i];

		buf_adds(out, "| ");
		escape_markdown(out, f->qs->question->area->title);
		buf_adds(out, " | ");
		escape_markdown(out, f->title);
		buf_addf(out, " | %s | ", risk_names[f->qs->risk]);
		escape_markdown(out, f->review->reason);
		if (f->review->comment) {
			buf_addc(out, ' ');
			escape_markdown(out, f->review->comment);
		}
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

void render_markdown(struct buf *out, const struct report *r,
		     const struct render_options *o)
{
	(void)o;
	md_header(out, r);
	md_summary(out, r);
	md_scorecard(out, r);
	render_benchmark_markdown(out, r);
	render_team_markdown(out, r);
	md_plan(out, r);
	md_not_applicable(out, r);
	md_strengths(out, r);
	md_notes(out, r);
	md_unknowns(out, r);
	md_dropped(out, r);
	md_method(out, r);
}
