/*
 * render_words.c - what every report format says in words, written once:
 * the headline, the levels and targets of an area, the capacity of the
 * plan, and the method.
 *
 * Each function appends plain text (questionnaire text included, unescaped)
 * to a caller-owned buf; the renderer escapes the result for its format.
 */
#include <string.h>

#include "consultant.h"
#include "render.h"
#include "review.h"
#include "util.h"

const char *const render_method_text[] = {
	"Each question scores between 0 and 1 from its answer. A single choice "
	"or yes/no answer scores the choice's score divided by the best "
	"choice's score. A multiple choice answer scores the sum of the chosen "
	"scores divided by the question's full score, capped at 1. A number or "
	"scale answer scores the score of the band it falls in (the band with "
	"the greatest minimum not above the value; below the first band, the "
	"first band's score); a scale without bands scores (value - min) / "
	"(max - min). Where the questionnaire gives a question rules, the "
	"first rule that holds for the answer gives its score and risk "
	"instead.",
	"A question that was skipped, answered \"don't know\" or not answered "
	"is an unknown: it scores 0 and, until someone finds out, carries the "
	"highest risk any answer to it could carry. A question that does not "
	"apply to this company does not count at all: its condition does not "
	"hold, or the respondent answered \"not applicable\" (listed with the "
	"reason given). Nor do unscored questions such as the company profile "
	"and free text.",
	"An area scores 0-100: the mean of its questions' scores weighted by "
	"each question's weight, times 100. Its coverage is the share of that "
	"weight that was actually answered; below 50% the area is marked \"not "
	"enough information\" and given no level. The overall score is the "
	"mean of the area scores weighted by each area's weight. Each score "
	"gets the maturity level whose band holds it, except that an area with "
	"an open critical finding, and the overall while any critical finding "
	"is open, is shown at no more than the second-lowest level. Where the "
	"questionnaire sets targets, an area's target is the one for this "
	"company's stage, and the overall target is the weighted mean of the "
	"area targets. Scores are rounded to one decimal.",
	"Every answer short of the best is a finding. Its risk is the one the "
	"questionnaire sets on the answer, or else follows from the score: "
	"below 0.34 high, below 0.67 medium, otherwise low, and a question of "
	"weight 4 or more raises such a derived risk by one level, up to high "
	"(only the questionnaire sets critical). A multiple choice answer "
	"speaks through a ticked \"none of these\", else through the riskiest "
	"box left unticked. Its impact is question weight "
	"x area weight x (the gap to the best answer + the gap to this stage's "
	"target for the area, each between 0 and 1).",
	"The plan puts the riskiest findings first: by risk, then impact, then "
	"the cheaper effort, then questionnaire order. An area's average never "
	"moves a finding. Findings that share an initiative or the same advice "
	"become one action. Critical actions are for now (the next 30 days), "
	"high ones for now, medium ones for next (the 90 days after) and low "
	"ones for later, never ahead of a riskier action. A small team cannot "
	"do everything at once: now holds the team size plus two actions "
	"(between 3 and 10) and next twice that plus two; what does not fit "
	"moves to the following horizon, except critical actions, which always "
	"stay now. The rank is the place in this plan. Answers at the best "
	"score are strengths.",
	NULL
};

/* Appends "a", "a and b" or "a, b and c" for the counts of risks set. */
void render_risk_counts(struct buf *out, const size_t *nrisks,
			enum risk from, enum risk to)
{
	size_t parts = 0, done = 0;
	int r;

	for (r = from; r >= (int)to; r--)
		parts += nrisks[r] > 0;
	for (r = from; r >= (int)to; r--) {
		if (!nrisks[r])
			continue;
		if (done)
			buf_adds(out, done + 1 == parts ? " and " : ", ");
		buf_addf(out, "%zu %s", nrisks[r], risk_names[r]);
		done++;
	}
}

/* "Established", "Emerging (capped from Established: a critical risk is
 * open)" or "not enough information (40% answered)". */
void render_level(struct buf *out, const struct level *level,
		  const struct level *uncapped, int enough, double coverage)
{
	if (!enough) {
		buf_addf(out, "not enough information (%.0f%% answered)",
			 100 * coverage);
		return;
	}
	if (!level)
		return;
	buf_adds(out, level->name);
	if (score_level_capped(level, uncapped))
		buf_addf(out, " (capped from %s while a critical risk is "
			 "open)", uncapped->name);
}

/* "target 75.0, 16.6 below" or "target 65.0, met"; nothing without one. */
void render_target(struct buf *out, int has_target, double score,
		   double target)
{
	if (!has_target)
		return;
	if (score < target)
		buf_addf(out, "target %.1f, %.1f below", target,
			 score_round(target - score, 1));
	else
		buf_addf(out, "target %.1f, met", target);
}

/* The areas below their target, as "A (16.6 below) and B (4.4 below)". */
static void below_target_list(struct buf *out, const struct score_result *s)
{
	size_t i, done = 0;

	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score || !as->has_target || as->score >= as->target)
			continue;
		if (done)
			buf_adds(out, done + 1 == s->nbelow_target ? " and "
								    : ", ");
		buf_addf(out, "%s (%.1f below)", as->area->title, as->gap);
		done++;
	}
}

static void headline_risks(struct buf *out, const struct score_result *s)
{
	size_t urgent = s->nrisks[RISK_CRITICAL] + s->nrisks[RISK_HIGH];
	size_t rest = s->nrisks[RISK_MEDIUM] + s->nrisks[RISK_LOW];

	if (urgent) {
		buf_adds(out, " Open risks to act on first: ");
		render_risk_counts(out, s->nrisks, RISK_CRITICAL, RISK_HIGH);
		buf_adds(out, rest ? "; also " : ".");
		if (rest) {
			render_risk_counts(out, s->nrisks, RISK_MEDIUM,
					   RISK_LOW);
			buf_adds(out, ".");
		}
	} else if (rest) {
		buf_adds(out, " No critical or high risk is open; ");
		render_risk_counts(out, s->nrisks, RISK_MEDIUM, RISK_LOW);
		buf_addf(out, " risk%s remain%s.", rest == 1 ? "" : "s",
			 rest == 1 ? "s" : "");
	} else {
		buf_adds(out, " No risk is open.");
	}
}

static void headline_information(struct buf *out,
				 const struct score_result *s)
{
	size_t i, n = 0, scored_unknowns = 0;

	for (i = 0; i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		scored_unknowns += as->nunknown;
		if (!as->has_score || as->enough_information)
			continue;
		buf_adds(out, n++ ? ", " : " Not enough information to judge: ");
		buf_addf(out, "%s (%.0f%% answered)", as->area->title,
			 100 * as->coverage);
	}
	if (n)
		buf_adds(out, ".");
	if (scored_unknowns)
		buf_addf(out, " %zu question%s %s unanswered or \"don't know\": "
			 "each counts as a risk until someone finds out.",
			 scored_unknowns, scored_unknowns == 1 ? "" : "s",
			 scored_unknowns == 1 ? "is" : "are");
}

void render_headline(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i, with_target = 0;

	if (!s->has_score) {
		buf_adds(out, "No scored question applies to this company.");
		return;
	}
	buf_addf(out, "Overall %.1f / 100, ", s->score);
	render_level(out, s->level, s->uncapped_level, s->enough_information,
		     s->coverage);
	if (s->has_target) {
		buf_adds(out, "; ");
		render_target(out, 1, s->score, s->target);
	}
	buf_adds(out, ".");
	headline_risks(out, s);
	for (i = 0; i < s->nareas; i++)
		with_target += s->areas[i].has_score && s->areas[i].has_target;
	if (s->nbelow_target) {
		buf_addf(out, " Below the target for this stage: ");
		below_target_list(out, s);
		buf_adds(out, ".");
	} else if (with_target) {
		buf_adds(out, " Every area meets its target for this stage.");
	}
	headline_information(out, s);
	render_team_headline(out, r);
}

/* "a team of 3" or "a small team". */
static void team_words(struct buf *out, const struct plan *p)
{
	if (p->has_team_size)
		buf_addf(out, "a team of %.0f", p->team_size);
	else
		buf_adds(out, "a small team");
}

void render_capacity_note(struct buf *out, const struct plan *p,
			  enum horizon h)
{
	size_t n = 0, parts = 0, done = 0;
	int r;

	if (h == HORIZON_NOW)
		return;
	for (r = RISK_CRITICAL; r > RISK_UNSET; r--) {
		n += p->moved[h][r];
		parts += p->moved[h][r] > 0;
	}
	if (!n)
		return;
	/* "4 high-risk actions", "2 high-risk and 6 medium-risk actions" */
	for (r = RISK_CRITICAL; r > RISK_UNSET; r--) {
		if (!p->moved[h][r])
			continue;
		if (done)
			buf_adds(out, done + 1 == parts ? " and " : ", ");
		buf_addf(out, "%zu %s-risk", p->moved[h][r], risk_names[r]);
		done++;
	}
	buf_addf(out, " action%s %s scheduled %s because ", n == 1 ? "" : "s",
		 n == 1 ? "is" : "are", horizon_names[h]);
	team_words(out, p);
	if (h == HORIZON_NEXT)
		buf_addf(out, " can take on about %zu at once.",
			 p->capacity[HORIZON_NOW]);
	else
		buf_addf(out, " can take on about %zu more in the 90 days "
			 "after that.", p->capacity[HORIZON_NEXT]);
}

int render_profile_text(const struct report *r, const struct question_score *qs)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (r->rows[i].kind == REPORT_ROW_KIND_ANSWER &&
		    r->rows[i].qs == qs)
			return question_value(qs->question) == QVALUE_TEXT;
	return 0;
}

int render_notes_text(const struct report *r, const struct question_score *qs)
{
	const char *name = r->questionnaire->name_question;

	return qs->status == STATUS_ANSWERED &&
	       qs->answer->kind == ANSWER_TEXT &&
	       !render_profile_text(r, qs) &&
	       !(name && !strcmp(name, qs->question->id));
}

size_t render_urgent(const struct score_result *s, const struct finding **out,
		     size_t *more)
{
	size_t i, n = 0;

	*more = 0;
	for (i = 0; i < s->nfindings; i++) {
		const struct finding *f = &s->findings[i];

		/* A disagreement is named in its own section. */
		if (f->qs->risk < RISK_HIGH || f->kind != FINDING_ANSWER)
			continue;
		if (f->qs->risk == RISK_HIGH && n >= RENDER_URGENT_MAX)
			(*more)++;
		else
			out[n++] = f;
	}
	return n;
}

void render_urgent_context(struct buf *out, const struct finding *f)
{
	buf_adds(out, f->qs->question->area->title);
	if (f->qs->unknown)
		buf_adds(out, "; unknown, assumed at its worst");
}

void render_more_high(struct buf *out, size_t more)
{
	buf_addf(out, "and %zu more high risk%s in the action plan", more,
		 more == 1 ? "" : "s");
}

const char *render_na_reason(const struct question_score *qs)
{
	return qs->answer->text && *qs->answer->text ? qs->answer->text
						     : "None given";
}

/* ---- the consultant's words ---------------------------------------------- */

void render_prepared(struct buf *out, const struct report *r)
{
	consultant_prepared_line(out, r->consultant, r->score.company);
}

void render_contact(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;

	if (!c)
		return;
	if (c->email)
		buf_adds(out, c->email);
	if (c->email && c->web)
		buf_adds(out, ", ");
	if (c->web)
		buf_adds(out, c->web);
}

void render_review_change(struct buf *out, const struct finding *f)
{
	const struct action *a = f->action;
	enum risk to = f->qs->risk;

	if (f->risk_before_review != RISK_UNSET)
		buf_addf(out, "risk %s from %s to %s",
			 to > f->risk_before_review ? "raised" : "lowered",
			 risk_names[f->risk_before_review], risk_names[to]);
	if (f->pin == HORIZON_COUNT || !a)
		return;
	if (f->risk_before_review != RISK_UNSET)
		buf_adds(out, "; ");
	if (a->unpinned != a->horizon)
		buf_addf(out, "moved from %s to %s", horizon_names[a->unpinned],
			 horizon_names[a->horizon]);
	else
		buf_addf(out, "kept in %s", horizon_names[a->horizon]);
}

void render_review_line(struct buf *out, const struct finding *f)
{
	size_t start = out->len;

	if (!f->review)
		return;
	render_review_change(out, f);
	if (out->len > start)
		buf_addf(out, "; reason: %s", f->review->reason);
}

/* How many findings the review changed, by what it changed. */
static void count_reviewed(const struct score_result *s, size_t *risks,
			   size_t *pins, size_t *comments)
{
	size_t i;

	*risks = *pins = *comments = 0;
	for (i = 0; i < s->nfindings; i++) {
		const struct finding *f = &s->findings[i];

		*risks += f->risk_before_review != RISK_UNSET;
		*pins += f->pin != HORIZON_COUNT;
		*comments += f->review && f->review->comment;
	}
}

/* "1 finding" or "3 findings". */
static void findings_count(struct buf *out, size_t n)
{
	buf_addf(out, "%zu finding%s", n, n == 1 ? "" : "s");
}

void render_reviewer(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;

	buf_adds(out, "Reviewed");
	if (!c)
		return;
	buf_adds(out, " by ");
	consultant_signature(out, c);
}

void render_review_note(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t risks, pins, comments, done = 0;

	if (!r->review)
		return;
	count_reviewed(s, &risks, &pins, &comments);
	render_reviewer(out, r);
	if (!risks && !pins && !s->ndropped) {
		buf_adds(out, ": the plan is as scored");
		if (comments) {
			buf_adds(out, ", with comments on ");
			findings_count(out, comments);
		}
		buf_adds(out, ".");
		return;
	}
	buf_adds(out, ". The reviewer changed the plan after scoring, each "
		 "change with its reason: ");
	if (risks) {
		buf_adds(out, "the risk of ");
		findings_count(out, risks);
		done++;
	}
	if (pins) {
		buf_adds(out, done ? "; the horizon of " : "the horizon of ");
		findings_count(out, pins);
		done++;
	}
	if (s->ndropped) {
		buf_addf(out, "%s", done ? "; " : "");
		findings_count(out, s->ndropped);
		buf_adds(out, " dropped, listed in the appendix Dropped "
			 "findings");
	}
	buf_adds(out, ". A changed risk orders the plan like any other; a "
		 "changed horizon places its action there whatever the "
		 "capacity, taking one of its places; a dropped finding is not "
		 "in the plan. The scores are the answers' own; the levels are "
		 "capped by the reviewed risks.");
}
