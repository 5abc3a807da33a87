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
#include <string.h>

#include "escape.h"
#include "render.h"
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

static void md_header(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	const struct questionnaire *q = r->questionnaire;

	buf_adds(out, "# Technology readiness report: ");
	escape_markdown(out, render_company(r));
	buf_adds(out, "\n\n| | |\n|---|---|\n| Company | ");
	escape_markdown(out, s->company ? s->company : "Not given");
	buf_adds(out, " |\n| Stage | ");
	escape_markdown(out, s->stage_label ? s->stage_label :
		       s->stage ? s->stage : "Not given");
	buf_addf(out, " |\n| Assessment date | %s |\n| Questionnaire | ",
		 r->date);
	escape_markdown(out, q->title);
	buf_adds(out, " (");
	escape_markdown(out, q->id);
	buf_adds(out, ", version ");
	escape_markdown(out, q->version);
	buf_addf(out, ") |\n\n");
	if (s->nunanswered)
		buf_addf(out, "> **Incomplete assessment:** %zu question%s "
			 "not answered. Scored ones count as gaps; all are "
			 "listed under Unknowns.\n\n", s->nunanswered,
			 s->nunanswered == 1 ? " was" : "s were");
}

static void md_against_target(struct buf *out, int has_target, double score,
			      double target)
{
	if (!has_target)
		return;
	buf_addf(out, ", target %.1f", target);
	if (score < target)
		buf_addf(out, " (%.1f below)", score_round(target - score, 1));
	else
		buf_adds(out, " (met)");
}

static void md_finding_title(struct buf *out, const struct finding *f)
{
	buf_adds(out, "**");
	escape_markdown(out, f->qs->question->text);
	buf_adds(out, "** (");
	escape_markdown(out, f->qs->question->area->title);
	buf_addf(out, "; %s, %s risk, %s effort)", horizon_names[f->horizon],
		 risk_names[f->qs->risk], effort_names[f->qs->effort]);
}

static void md_summary(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "## Executive summary\n\n**Overall: ");
	md_score(out, s->has_score, s->score);
	buf_adds(out, " / 100");
	if (s->level) {
		buf_adds(out, ", ");
		escape_markdown(out, s->level->name);
	}
	buf_adds(out, "**");
	md_against_target(out, s->has_target, s->score, s->target);
	buf_adds(out, ".\n\n");
	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score)
			continue;
		buf_adds(out, "- **");
		escape_markdown(out, as->area->title);
		buf_addf(out, "**: %.1f, ", as->score);
		escape_markdown(out, as->level->name);
		md_against_target(out, as->has_target, as->score, as->target);
		buf_addf(out, "; %zu finding%s\n", as->nfindings,
			 as->nfindings == 1 ? "" : "s");
	}
	buf_adds(out, "\n### First actions\n\n");
	if (!s->nfindings)
		buf_adds(out, "No findings: every answer is at its best.\n");
	for (i = 0; i < s->nfindings && i < 3; i++) {
		buf_addf(out, "%zu. ", i + 1);
		md_finding_title(out, r->plan[i]);
		buf_adds(out, ": ");
		escape_markdown(out, r->plan[i]->qs->advice ?
				      r->plan[i]->qs->advice :
				      "Review this answer.");
		buf_addc(out, '\n');
	}
	buf_addc(out, '\n');
}

static void md_scorecard(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "## Area scorecard\n\n"
		 "| Area | Score | Level | Target | Bar | High-risk findings |\n"
		 "|---|---:|---|---:|---|---:|\n");
	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score)
			continue;
		buf_adds(out, "| ");
		escape_markdown(out, as->area->title);
		buf_addf(out, " | %.1f | ", as->score);
		escape_markdown(out, as->level->name);
		buf_adds(out, " | ");
		md_score(out, as->has_target, as->target);
		buf_adds(out, " | ");
		md_bar(out, as->score);
		buf_addf(out, " | %zu |\n", as->nhigh);
	}
	buf_addc(out, '\n');
}

/* Appends the start of a sub-item aligned under the text of item n. */
static void md_subitem(struct buf *out, size_t n, const char *label)
{
	size_t width = 2;

	/* The list marker "n. " is as wide as n's digits plus two. */
	do {
		width++;
		n /= 10;
	} while (n);
	buf_addn(out, ' ', width);
	buf_addf(out, "- %s: ", label);
}

static void md_finding(struct buf *out, const struct finding *f, size_t n)
{
	const struct question_score *qs = f->qs;

	buf_addf(out, "%zu. **", n);
	escape_markdown(out, qs->question->text);
	buf_adds(out, "**\n");
	md_subitem(out, n, "Area");
	escape_markdown(out, qs->question->area->title);
	buf_addf(out, "; risk: **%s**; effort: %s; priority: %.2f\n",
		 risk_names[qs->risk], effort_names[qs->effort], f->priority);
	md_subitem(out, n, "Current answer");
	md_answer(out, qs);
	buf_addc(out, '\n');
	if (qs->advice) {
		md_subitem(out, n, "Advice");
		escape_markdown(out, qs->advice);
		buf_addc(out, '\n');
	}
	if (qs->answer->note) {
		md_subitem(out, n, "Note");
		escape_markdown(out, qs->answer->note);
		buf_addc(out, '\n');
	}
}

static void md_plan(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	int h;
	size_t i, n;

	buf_adds(out, "## Action plan\n\n");
	if (!s->nfindings)
		buf_adds(out, "Nothing to do: every answer is at its best.\n\n");
	for (h = 0; h < HORIZON_COUNT && s->nfindings; h++) {
		buf_addf(out, "### %s\n\n", horizon_titles[h]);
		for (i = n = 0; i < s->nfindings; i++)
			if (s->findings[i].horizon == (enum horizon)h)
				md_finding(out, &s->findings[i], ++n);
		if (!n)
			buf_adds(out, "Nothing in this horizon.\n");
		buf_addc(out, '\n');
	}
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
	const char *name = r->questionnaire->name_question;

	if (qs->status == STATUS_NOT_APPLICABLE)
		return 0;
	if (qs->answer->note)
		return 1;
	return qs->answer->kind == ANSWER_TEXT &&
	       !(name && !strcmp(name, qs->question->id));
}

static void md_notes(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	const char *name = r->questionnaire->name_question;
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
		if (qs->answer->kind == ANSWER_TEXT &&
		    !(name && !strcmp(name, qs->question->id))) {
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
		 "know\" or not answered. Scored ones count as gaps; finding "
		 "out is often the cheapest first step.\n\n");
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

	buf_adds(out, "## Method\n\n");
	for (i = 0; render_method_text[i]; i++)
		buf_addf(out, "%s\n\n", render_method_text[i]);
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

void render_markdown(struct buf *out, const struct report *r,
		     const struct render_options *o)
{
	(void)o;
	md_header(out, r);
	md_summary(out, r);
	md_scorecard(out, r);
	md_plan(out, r);
	md_strengths(out, r);
	md_notes(out, r);
	md_unknowns(out, r);
	md_method(out, r);
}
