/*
 * render_util.c - what the renderers share.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render.h"
#include "util.h"

const char *const render_method_text[] = {
	"Each question scores between 0 and 1 from its answer. A single choice "
	"or yes/no answer scores the choice's score divided by the best "
	"choice's score. A multiple choice answer scores the sum of the chosen "
	"scores divided by the question's full score, capped at 1. A number or "
	"scale answer scores the score of the band it falls in (the band with "
	"the greatest minimum not above the value; below the first band, the "
	"first band's score); a scale without bands scores (value - min) / "
	"(max - min).",
	"A question that was skipped, answered \"don't know\" or not answered "
	"scores 0 and is listed under unknowns. A question that does not apply "
	"to this company (its condition does not hold) does not count at all, "
	"nor do unscored questions such as the company profile and free text.",
	"An area scores 0-100: the mean of its questions' scores weighted by "
	"each question's weight, times 100. The overall score is the mean of "
	"the area scores weighted by each area's weight. Each score gets the "
	"maturity level whose band holds it. Where the questionnaire sets "
	"targets, an area's target is the one for this company's stage, and the "
	"overall target is the weighted mean of the area targets. Scores are "
	"rounded to one decimal.",
	"Every answer short of the best is a finding. Its risk is the one the "
	"questionnaire sets on the answer, or else follows from the score: "
	"below 0.34 high, below 0.67 medium, otherwise low; unknowns are medium; "
	"a question of weight 4 or more raises such a derived risk by one level, "
	"up to high (critical is only ever set by the questionnaire). Its effort "
	"and advice are the answer's, else the question's; for a multiple "
	"choice answer, the advice of \"none of these\" when ticked, else of "
	"the first box not ticked.",
	"Priority = question weight x area weight x (1 - score) x 1.5 when the "
	"area is below its stage target (x 1 otherwise). Findings are ordered by "
	"priority, then cheaper effort first, then questionnaire order.",
	"Horizons: now (next 30 days) for critical risks and for high risks of "
	"low or medium effort; next (next 90 days) for high risks of high effort "
	"and medium risks of low or medium effort; later for the rest. A "
	"finding that is not critical, in an area that already meets its stage "
	"target, moves one horizon later. Then, in priority order, findings "
	"that are not critical beyond the first 5 of now move to next, and "
	"beyond the first 12 of next to later, so that the plan holds what a "
	"small team can do. Answers at the best score are strengths.",
	NULL
};

static const char *const risk_titles[] = {
	"None", "Low", "Medium", "High", "Critical"
};
static const char *const effort_titles[] = {
	"Medium", "Low", "Medium", "High"
};

const char *render_risk_title(enum risk risk)
{
	return (size_t)risk < ARRAY_SIZE(risk_titles) ? risk_titles[risk] : "";
}

const char *render_effort_title(enum effort effort)
{
	return (size_t)effort < ARRAY_SIZE(effort_titles) ?
	       effort_titles[effort] : "";
}

const char *render_company(const struct report *r)
{
	return r->score.company ? r->score.company : "Your company";
}
