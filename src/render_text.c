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

#define TEXT_INDENT 11
#define TEXT_TOP_ACTIONS 5
#define TEXT_BAR_MIN 10
#define TEXT_BAR_MAX 30
#define TEXT_NAME_MIN 20

/*
 * The scorecard's columns: "  NAME BAR SCORE  target T  LEVEL".  The name
 * column wraps a long name under itself; below TEXT_NAME_MIN columns for it
 * the name goes on a line of its own ("stacked"), the bar under it.
 */
struct text_ctx {
	struct buf *out;
	const struct render_options *opts;
	struct term_style style;
	size_t name_width;
	size_t bar_width;
	int stacked;
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

/* The level column of an area: its level (capped), or why there is none. */
static void text_level(struct buf *out, const struct area_score *as)
{
	if (!as->enough_information) {
		buf_adds(out, "not enough information");
		return;
	}
	escape_clean(out, as->level->name, 0);
	if (score_level_capped(as->level, as->uncapped_level))
		buf_adds(out, " (capped)");
}

/* Appends text wrapped at width, in colour color (trusted), then reset. */
static void text_wrapped(struct text_ctx *t, const char *color,
			 const char *text, size_t indent)
{
	struct buf wrapped = BUF_INIT;

	term_wrap(&wrapped, text, t->opts->width, indent);
	if (*color) {
		/* The colour around each line's text, not its indent. */
		buf_addn(t->out, ' ', indent);
		buf_adds(t->out, color);
		buf_add(t->out, wrapped.data + indent, wrapped.len - indent - 1);
		buf_addf(t->out, "%s\n", t->style.reset);
	} else {
		buf_add(t->out, wrapped.data, wrapped.len);
	}
	buf_release(&wrapped);
}

/* The bar, the score, the target and the level: after the name. */
static void text_area_tail(struct text_ctx *t, const struct area_score *as)
{
	text_bar(t, as);
	buf_addf(t->out, " %5.1f", as->score);
	if (as->has_target)
		buf_addf(t->out, "  target %3.0f", as->target);
	buf_adds(t->out, "  ");
	text_level(t->out, as);
	buf_addc(t->out, '\n');
}

static void text_area(struct text_ctx *t, const struct area_score *as)
{
	struct buf name = BUF_INIT;
	char *line, *next;

	if (t->stacked) {
		text_wrapped(t, "", as->area->title, 2);
		buf_adds(t->out, "    ");
		text_area_tail(t, as);
		return;
	}
	/* The name wrapped in its column; the bar after its first line. */
	term_wrap(&name, as->area->title, t->name_width, 0);
	for (line = name.data; *line; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		buf_addf(t->out, "  %s", line);
		if (line != name.data) {
			buf_addc(t->out, '\n');
			continue;
		}
		buf_addn(t->out, ' ', t->name_width - term_text_width(line) + 1);
		text_area_tail(t, as);
	}
	buf_release(&name);
}

/*
 * Fits the scorecard to the width: the columns after the name take what
 * their widest row needs, the name what it needs up to what is left with
 * a bar of TEXT_BAR_MIN, and the bar the rest up to TEXT_BAR_MAX.
 */
static void text_layout(struct text_ctx *t, const struct score_result *s)
{
	size_t width = t->opts->width, names = 0, tail = 0, room, i;

	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];
		struct buf level = BUF_INIT;
		size_t w;

		if (!as->has_score)
			continue;
		text_level(&level, as);
		/* " 100.0" "  target 100" "  " and the level. */
		w = 6 + (as->has_target ? 12 : 0) + 2 +
		    term_text_width(level.data);
		tail = w > tail ? w : tail;
		w = term_text_width(as->area->title);
		names = w > names ? w : names;
		buf_release(&level);
	}
	/* "  " before the name, " " after it. */
	room = width > tail + 3 ? width - tail - 3 : 0;
	t->stacked = room < TEXT_NAME_MIN + TEXT_BAR_MIN;
	if (t->stacked) {
		t->name_width = 0;
		room = width > tail + 4 ? width - tail - 4 : 0;
		t->bar_width = room < TEXT_BAR_MIN ? TEXT_BAR_MIN : room;
	} else {
		t->name_width = names < room - TEXT_BAR_MIN ? names
							    : room - TEXT_BAR_MIN;
		t->bar_width = room - t->name_width;
	}
	if (t->bar_width > TEXT_BAR_MAX)
		t->bar_width = TEXT_BAR_MAX;
}

static void text_header(struct text_ctx *t, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf line = BUF_INIT;

	render_title(&line, r);
	text_wrapped(t, t->style.bold, line.data, 0);
	if (r->subtitle)
		text_wrapped(t, t->style.dim, r->subtitle, 0);
	if (s->stage_label || s->stage)
		text_wrapped(t, t->style.dim, s->stage_label ? s->stage_label :
			     s->stage, 0);
	buf_reset(&line);
	buf_addf(&line, "%s %s, %s", r->questionnaire->title,
		 r->questionnaire->version, r->date);
	text_wrapped(t, t->style.dim, line.data, 0);
	buf_addc(t->out, '\n');
	if (s->nunanswered) {
		buf_reset(&line);
		buf_addf(&line, "Incomplete: %zu question%s not answered "
			 "(scored ones count as gaps).", s->nunanswered,
			 s->nunanswered == 1 ? "" : "s");
		text_wrapped(t, t->style.yellow, line.data, 0);
		buf_addc(t->out, '\n');
	}
	buf_release(&line);
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
	struct buf headline = BUF_INIT;

	render_headline(&headline, r);
	text_wrapped(t, s->has_score ? score_color(t, s->has_target, s->score,
						   s->target) : "",
		     headline.data, 2);
	buf_addc(t->out, '\n');
	buf_release(&headline);
}

/* The links of an action's findings, one a line: "See: TITLE <URL>". */
static void text_references(struct text_ctx *t, const struct action *a)
{
	const struct reference *refs[RENDER_REFERENCES_MAX];
	struct buf line = BUF_INIT;
	size_t i, j, count;

	for (i = 0; i < a->nfindings; i++) {
		count = render_references(a->findings[i]->qs, refs);
		for (j = 0; j < count; j++) {
			buf_reset(&line);
			buf_addf(&line, "See: %s <%s>", refs[j]->title,
				 refs[j]->url);
			text_wrapped(t, t->style.dim, line.data, TEXT_INDENT);
		}
	}
	buf_release(&line);
}

static void text_action(struct text_ctx *t, const struct action *a)
{
	const struct finding *lead = a->findings[0];
	const char *color = a->risk >= RISK_HIGH ? t->style.red :
			    a->risk == RISK_MEDIUM ? t->style.yellow :
			    t->style.green;
	struct buf wrapped = BUF_INIT, meta = BUF_INIT;

	/* The title wraps under itself, after "  1. now   ". */
	term_wrap(&wrapped, a->title, t->opts->width, TEXT_INDENT);
	buf_addf(t->out, "%3zu. %s%-5s%s ", a->rank, color,
		 horizon_names[a->horizon], t->style.reset);
	buf_adds(t->out, wrapped.data + TEXT_INDENT);
	if (a->nfindings == 1)
		buf_adds(&meta, lead->qs->question->area->title);
	else
		buf_addf(&meta, "%zu findings", a->nfindings);
	buf_addf(&meta, ", %s risk, %s effort%s%s", risk_names[a->risk],
		 effort_names[a->effort],
		 a->nfindings == 1 && lead->qs->unknown ? ", unknown" : "",
		 text_reviewed(a) ? ", reviewed" : "");
	text_wrapped(t, t->style.dim, meta.data, TEXT_INDENT);
	if (a->advice)
		text_wrapped(t, "", a->advice, TEXT_INDENT);
	text_references(t, a);
	buf_release(&wrapped);
	buf_release(&meta);
}

static void text_counts(struct text_ctx *t, const struct score_result *s)
{
	size_t counts[HORIZON_COUNT] = { 0 }, i;
	const struct plan *p = &s->plan;
	struct buf line = BUF_INIT;

	for (i = 0; i < p->nactions; i++)
		counts[p->actions[i].horizon]++;
	buf_addf(&line, "%zu action%s for %zu finding%s (%zu now, %zu "
		 "next, %zu later), %zu strength%s, %zu unknown%s.",
		 p->nactions, p->nactions == 1 ? "" : "s", s->nfindings,
		 s->nfindings == 1 ? "" : "s", counts[HORIZON_NOW],
		 counts[HORIZON_NEXT], counts[HORIZON_LATER], s->nstrengths,
		 s->nstrengths == 1 ? "" : "s", s->nunknowns,
		 s->nunknowns == 1 ? "" : "s");
	buf_addc(t->out, '\n');
	text_wrapped(t, "", line.data, 0);
	if (s->ndropped) {
		buf_reset(&line);
		buf_addf(&line, "%zu finding%s dropped by the review.",
			 s->ndropped, s->ndropped == 1 ? "" : "s");
		text_wrapped(t, "", line.data, 0);
	}
	buf_release(&line);
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
	text_layout(&t, s);
	text_header(&t, r);
	text_consultant(&t, r);
	text_overall(&t, r);
	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_score)
			text_area(&t, &s->areas[i]);
	render_benchmark_text(out, r, o.width);
	buf_addf(out, "\n%sTop actions%s\n", t.style.bold, t.style.reset);
	if (!s->plan.nactions)
		buf_adds(out, "  None: every answer is at its best.\n");
	for (i = 0; i < s->plan.nactions && i < TEXT_TOP_ACTIONS; i++)
		text_action(&t, &s->plan.actions[i]);
	render_team_text(out, r, o.width);
	text_counts(&t, s);
}
