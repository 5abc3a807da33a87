/*
 * render_text.c - the compact terminal summary: overall score, one bar per
 * area against its target, the top actions.
 *
 * Every questionnaire or answer string passes through term_sanitize() (via
 * escape_clean, term_truncate or term_wrap), so no escape sequence
 * from a file reaches the terminal; the only escapes are our own colours,
 * and only when opts->use_color is set.
 */
#include <string.h>

#include "consultant.h"
#include "escape.h"
#include "prose.h"
#include "render.h"
#include "review.h"
#include "term.h"
#include "util.h"

#define TEXT_NAME_MAX 36
#define TEXT_INDENT 11
#define TEXT_TOP_ACTIONS 5

struct text_ctx {
	struct buf *out;
	const struct render_options *opts;
	struct term_style style;
	size_t name_width;
	size_t bar_width;
};

/* Green when at target (or strong), yellow when close, red when far. */
static const char *score_color(const struct text_ctx *t, int has_target,
			       double score, double target)
{
	double good = has_target ? target : 60;
	double close = has_target ? target - 15 : 40;

	if (score >= good)
		return t->style.green;
	return score >= close ? t->style.yellow : t->style.red;
}

static void text_bar(struct text_ctx *t, const struct area_score *as)
{
	size_t full = (size_t)(as->score / 100 * (double)t->bar_width + 0.5);
	size_t marker = t->bar_width, i;
	int unicode = t->opts->unicode;

	if (as->has_target) {
		marker = (size_t)(as->target / 100 * (double)t->bar_width + 0.5);
		if (marker >= t->bar_width)
			marker = t->bar_width - 1;
	}
	buf_adds(t->out, score_color(t, as->has_target, as->score,
				     as->target));
	for (i = 0; i < t->bar_width; i++) {
		if (i == marker)
			buf_addf(t->out, "%s%s%s", t->style.reset,
				 unicode ? "\xe2\x94\x82" : "|",
				 score_color(t, as->has_target, as->score,
					     as->target));
		else if (i < full)
			buf_adds(t->out, unicode ? "\xe2\x96\x88" : "#");
		else
			buf_adds(t->out, unicode ? "\xe2\x96\x91" : ".");
	}
	buf_adds(t->out, t->style.reset);
}

/* Appends s cut to width columns and padded with spaces to width. */
static void text_cell(struct buf *out, const char *s, size_t width)
{
	size_t start = out->len, used;

	term_truncate(out, s, width);
	used = term_text_width(out->data + start);
	if (used < width)
		buf_addn(out, ' ', width - used);
}

static void text_area(struct text_ctx *t, const struct area_score *as)
{
	buf_adds(t->out, "  ");
	text_cell(t->out, as->area->title, t->name_width);
	buf_addc(t->out, ' ');
	text_bar(t, as);
	buf_addf(t->out, " %5.1f", as->score);
	if (as->has_target)
		buf_addf(t->out, "  target %3.0f", as->target);
	buf_adds(t->out, "  ");
	if (!as->enough_information) {
		buf_adds(t->out, "not enough information");
	} else {
		escape_clean(t->out, as->level->name, 0);
		if (score_level_capped(as->level, as->uncapped_level))
			buf_adds(t->out, " (capped)");
	}
	buf_addc(t->out, '\n');
}

static void text_header(struct text_ctx *t, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf *out = t->out;
	struct buf title = BUF_INIT;

	render_title(&title, r);
	buf_adds(out, t->style.bold);
	escape_clean(out, title.data, 0);
	buf_addf(out, "%s\n%s", t->style.reset, t->style.dim);
	buf_release(&title);
	if (r->subtitle) {
		escape_clean(out, r->subtitle, 0);
		buf_addc(out, '\n');
	}
	if (s->stage_label || s->stage) {
		escape_clean(out, s->stage_label ? s->stage_label :
					s->stage, 0);
		buf_adds(out, "\n");
	}
	escape_clean(out, r->questionnaire->title, 0);
	buf_adds(out, " ");
	escape_clean(out, r->questionnaire->version, 0);
	buf_addf(out, ", %s%s\n\n", r->date, t->style.reset);
	if (s->nunanswered)
		buf_addf(out, "%sIncomplete: %zu question%s not answered "
			 "(scored ones count as gaps).%s\n\n", t->style.yellow,
			 s->nunanswered, s->nunanswered == 1 ? "" : "s",
			 t->style.reset);
}

/* Who prepared the report and how confidential it is, under the title;
 * the reviewer's summary after them. */
static void text_consultant(struct text_ctx *t, const struct report *r)
{
	struct buf text = BUF_INIT, wrapped = BUF_INIT;
	const char *line, *end;

	if (r->consultant) {
		render_prepared(&text, r);
		if (r->consultant->confidentiality)
			buf_addf(&text, "\n%s", r->consultant->confidentiality);
		buf_adds(&text, "\n\n");
	}
	if (r->review && r->review->summary)
		prose_render(&text, r->review->summary, PROSE_TEXT);
	/* Each line wrapped on its own, blank lines kept. */
	for (line = text.data; *line; line = end + 1) {
		end = strchr(line, '\n');
		buf_reset(&wrapped);
		buf_add(&wrapped, line, (size_t)(end - line));
		if (wrapped.len)
			term_wrap(t->out, wrapped.data, t->opts->width, 2);
		else
			buf_addc(t->out, '\n');
	}
	buf_release(&text);
	buf_release(&wrapped);
}

/* Whether a review said anything about a finding of a. */
static int text_reviewed(const struct action *a)
{
	size_t i;

	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i]->review)
			return 1;
	return 0;
}

/* The headline, wrapped, its score coloured against the target. */
static void text_overall(struct text_ctx *t, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf headline = BUF_INIT, wrapped = BUF_INIT;

	render_headline(&headline, r);
	term_wrap(&wrapped, headline.data, t->opts->width, 2);
	if (s->has_score)
		buf_addf(t->out, "%s%s", t->style.bold,
			 score_color(t, s->has_target, s->score, s->target));
	buf_add(t->out, wrapped.data, wrapped.len);
	if (s->has_score)
		buf_adds(t->out, t->style.reset);
	buf_addc(t->out, '\n');
	buf_release(&headline);
	buf_release(&wrapped);
}

static void text_action(struct text_ctx *t, const struct action *a)
{
	const struct finding *lead = a->findings[0];
	const char *color = a->risk >= RISK_HIGH ? t->style.red :
			    a->risk == RISK_MEDIUM ? t->style.yellow :
			    t->style.green;
	size_t width = t->opts->width;
	struct buf wrapped = BUF_INIT;

	/* The title wraps under itself, after "  1. now   ". */
	term_wrap(&wrapped, a->title, width, TEXT_INDENT);
	buf_addf(t->out, "%3zu. %s%-5s%s ", a->rank, color,
		 horizon_names[a->horizon], t->style.reset);
	buf_adds(t->out, wrapped.data + TEXT_INDENT);
	buf_addn(t->out, ' ', TEXT_INDENT);
	buf_adds(t->out, t->style.dim);
	if (a->nfindings == 1)
		escape_clean(t->out, lead->qs->question->area->title, 0);
	else
		buf_addf(t->out, "%zu findings", a->nfindings);
	buf_addf(t->out, ", %s risk, %s effort%s%s%s\n", risk_names[a->risk],
		 effort_names[a->effort],
		 a->nfindings == 1 && lead->qs->unknown ? ", unknown" : "",
		 text_reviewed(a) ? ", reviewed" : "", t->style.reset);
	if (a->advice) {
		buf_reset(&wrapped);
		term_wrap(&wrapped, a->advice, width, TEXT_INDENT);
		buf_add(t->out, wrapped.data, wrapped.len);
	}
	buf_release(&wrapped);
}

static void text_counts(struct text_ctx *t, const struct score_result *s)
{
	size_t counts[HORIZON_COUNT] = { 0 }, i;
	const struct plan *p = &s->plan;

	for (i = 0; i < p->nactions; i++)
		counts[p->actions[i].horizon]++;
	buf_addf(t->out, "\n%zu action%s for %zu finding%s (%zu now, %zu "
		 "next, %zu later), %zu strength%s, %zu unknown%s.\n",
		 p->nactions, p->nactions == 1 ? "" : "s", s->nfindings,
		 s->nfindings == 1 ? "" : "s", counts[HORIZON_NOW],
		 counts[HORIZON_NEXT], counts[HORIZON_LATER], s->nstrengths,
		 s->nstrengths == 1 ? "" : "s", s->nunknowns,
		 s->nunknowns == 1 ? "" : "s");
	if (s->ndropped)
		buf_addf(t->out, "%zu finding%s dropped by the review.\n",
			 s->ndropped, s->ndropped == 1 ? "" : "s");
}

void render_text(struct buf *out, const struct report *r,
		 const struct render_options *opts)
{
	const struct score_result *s = &r->score;
	struct render_options o = *opts;
	struct text_ctx t;
	size_t i;

	if (o.width < 40)
		o.width = 40;
	t.out = out;
	t.opts = &o;
	term_style_init(&t.style, o.use_color);
	t.name_width = 10;
	for (i = 0; i < s->nareas; i++) {
		size_t w = term_text_width(s->areas[i].area->title);

		if (s->areas[i].has_score && w > t.name_width)
			t.name_width = w > TEXT_NAME_MAX ? TEXT_NAME_MAX : w;
	}
	/* Room for the name, score, target and level around the bar. */
	t.bar_width = o.width > t.name_width + 33 ?
		      o.width - t.name_width - 33 : 10;
	if (t.bar_width < 10)
		t.bar_width = 10;
	if (t.bar_width > 30)
		t.bar_width = 30;
	text_header(&t, r);
	text_consultant(&t, r);
	text_overall(&t, r);
	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_score)
			text_area(&t, &s->areas[i]);
	buf_addf(out, "\n%sTop actions%s\n", t.style.bold, t.style.reset);
	if (!s->plan.nactions)
		buf_adds(out, "  None: every answer is at its best.\n");
	for (i = 0; i < s->plan.nactions && i < TEXT_TOP_ACTIONS; i++)
		text_action(&t, &s->plan.actions[i]);
	text_counts(&t, s);
}
