/*
 * score.h - scoring an assessment: question, area and overall scores,
 * maturity levels, stage targets, findings, strengths and unknowns.
 *
 * The method (also written in every report and in cto-assess(1)):
 *
 *   question score s in 0..1
 *     single, yesno   s = choice score / best choice score
 *     multi           s = min(1, sum of chosen scores / full_score)
 *     scale, number   s = score of the band with the greatest min <= value
 *                         (below the first band: the first band's score);
 *                         a scale without bands: (value - min) / (max - min)
 *     skipped, don't know, not answered: s = 0, listed as unknown
 *   Questions whose `when` does not hold, unscored questions (weight 0,
 *   text, areas with scored: false) do not count.
 *
 *   area score   A = 100 * sum(w_q * s) / sum(w_q) over counting questions
 *   overall      O = sum(w_a * A) / sum(w_a) over areas with a score
 *   target       the area's target for the company's stage; the overall
 *                target is the weighted mean of the area targets set
 *
 *   finding      every counting question with s < 1
 *     risk       the choice's (or band's) explicit risk, else from s:
 *                s < 0.34 high, s < 0.67 medium, else low; unknowns medium;
 *                a question of weight >= 4 raises a derived risk one level
 *                (never above high: critical is only ever explicit)
 *     effort     the choice's effort, else the question's
 *     priority   P = w_q * w_a * (1 - s) * b, b = 1.5 when the area is below
 *                its stage target, else 1; sorted by P (two decimals)
 *                descending, then effort ascending, then questionnaire order
 *     horizon    now:   critical; high risk with low or medium effort
 *                next:  high risk with high effort; medium risk with low or
 *                       medium effort
 *                later: everything else
 *                a non-critical finding in an area that meets its stage
 *                target moves one horizon later; then, in priority order,
 *                non-critical findings beyond the first 5 of "now" move to
 *                "next" and beyond the first 12 of "next" to "later", so
 *                that the plan asks what a small team can do
 *   strength     every counting question with s = 1
 *
 * Area and overall scores are rounded to one decimal when computed, and the
 * levels and target comparisons use the rounded values, so that what the
 * report prints and what it concludes always agree.
 *
 * A struct score_result points into the questionnaire and the answers it
 * was computed from (both must outlive it) and owns only its arrays;
 * score_release() frees them.
 */
#ifndef CTO_SCORE_H
#define CTO_SCORE_H

#include <stddef.h>

#include "answers.h"
#include "buf.h"
#include "model.h"

/* Thresholds and factors of the method, named once. */
#define SCORE_RISK_HIGH_BELOW 0.34
#define SCORE_RISK_MEDIUM_BELOW 0.67
#define SCORE_RISK_RAISE_WEIGHT 4.0
#define SCORE_TARGET_BOOST 1.5
#define SCORE_NOW_MAX 5    /* findings a small team can act on in 30 days */
#define SCORE_NEXT_MAX 12  /* ... and in the 90 days after */

enum horizon { HORIZON_NOW, HORIZON_NEXT, HORIZON_LATER, HORIZON_COUNT };

extern const char *const horizon_names[HORIZON_COUNT];   /* "now", ... */
extern const char *const horizon_titles[HORIZON_COUNT];  /* "Now (next 30 days)" */

/* Why a question has the status it has. */
enum question_status {
	STATUS_ANSWERED,
	STATUS_SKIPPED,
	STATUS_DONT_KNOW,
	STATUS_UNANSWERED,
	STATUS_NOT_APPLICABLE /* its `when` does not hold */
};

extern const char *const question_status_names[]; /* "answered", ... */

struct question_score {
	const struct question *question;
	const struct answer *answer;
	enum question_status status;
	int counts;          /* scored and applicable: part of the area score */
	double score;        /* 0..1; 0 when it does not count */
	enum risk risk;      /* RISK_UNSET unless a finding */
	int risk_explicit;   /* the risk came from the choice or band */
	enum effort effort;
	const char *advice;  /* points into the questionnaire; may be NULL */
};

struct area_score {
	const struct area *area;
	int has_score;       /* scored and at least one counting question */
	double score;        /* 0-100, one decimal */
	const struct level *level;  /* NULL without a score */
	int has_target;
	double target;       /* 0-100 */
	double gap;          /* max(0, target - score), one decimal */
	size_t ncounted;     /* counting questions */
	size_t nfindings;
	size_t nhigh;        /* findings with risk high or critical */
	size_t nunknown;     /* counting questions without a real answer */
	size_t nstrengths;
};

struct finding {
	const struct question_score *qs;
	const struct area_score *area;
	double priority;     /* two decimals */
	enum horizon horizon;
	size_t rank;         /* 1-based, in priority order */
};

struct score_result {
	const struct questionnaire *questionnaire;
	const struct answers *answers;

	const char *company;      /* the name answer, or NULL */
	const char *stage;        /* the stage choice id, or NULL */
	const char *stage_label;  /* its label, or NULL */

	int has_score;
	double score;             /* overall 0-100, one decimal */
	const struct level *level;
	int has_target;
	double target;
	double gap;

	struct question_score *questions; /* questionnaire->nquestions entries */
	size_t nquestions;
	struct area_score *areas;         /* questionnaire->nareas entries */
	size_t nareas;
	struct finding *findings;         /* in priority order */
	size_t nfindings;
	const struct question_score **strengths; /* questionnaire order */
	size_t nstrengths;
	/* Applicable questions (scored or not) skipped, don't know or not
	 * answered, in questionnaire order. */
	const struct question_score **unknowns;
	size_t nunknowns;
	size_t nunanswered;       /* of which not answered at all */
};

/* Scores answers a of questionnaire q into r (released by score_release). */
void score_compute(struct score_result *r, const struct questionnaire *q,
		   const struct answers *a);
void score_release(struct score_result *r);

/*
 * Fills out (room for r->nfindings entries) with the findings in the order
 * of the action plan: by horizon (now, next, later), then by rank.  The
 * first entries are the report's top actions.
 */
void score_plan_order(const struct score_result *r,
		      const struct finding **out);

/* The 0..1 score of one answer to question (0 for no value). */
double score_question(const struct question *question,
		      const struct answer *answer);

/* The area_score of area in r. */
const struct area_score *score_area(const struct score_result *r,
				    const struct area *area);

/* Rounds x to the given number of decimals (0-6), away from zero on ties. */
double score_round(double x, int decimals);

#endif
