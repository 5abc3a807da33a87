/*
 * score.h - scoring an assessment: question, area and overall scores,
 * coverage, maturity levels and their caps, stage targets, findings with
 * their risk and impact, and the action plan (plan.c).
 *
 * The method (also written in every report and in cto-assess(1), SCORING):
 *
 *   question score s in 0..1
 *     single, yesno   s = choice score / best choice score
 *     multi           s = min(1, sum of chosen scores / full_score)
 *     scale, number   s = score of the band with the greatest min <= value
 *                         (below the first band: the first band's score);
 *                         a scale without bands: (value - min) / (max - min)
 *     with rules      the first rule whose condition holds for the answer
 *                     gives s (its score) and the risk; when none holds,
 *                     as above
 *     skipped, don't know, not answered: s = 0, an unknown
 *   A question counts when it is scored (weight > 0, a scorable type, in a
 *   scored area) and applies: its `when` holds and the respondent did not
 *   answer "not applicable".  Only counting questions enter the scores.
 *
 *   area score   A = 100 * sum(w_q * s) / sum(w_q) over counting questions
 *   coverage     C = sum(w_q) over answered counting questions / sum(w_q)
 *                over counting questions; below 0.5 the area has "not
 *                enough information" and no level
 *   overall      O = sum(w_a * A) / sum(w_a) over areas with a score;
 *                its coverage is the same weighted mean of the C
 *   target       the area's target for the company's stage; the overall
 *                target is the weighted mean of the area targets set
 *   level        the level whose band holds the score; while a critical
 *                finding is open in an area (anywhere, for the overall),
 *                the level is capped at the second-lowest level
 *
 *   finding      every counting question with s < 1, unknowns included
 *     risk       the rule's, else the choice's (or band's) explicit
 *                risk, else from s:
 *                s < 0.34 high, s < 0.67 medium, else low, raised one
 *                level for a question of weight >= 4 (never above high:
 *                critical is only ever explicit); an unknown gets the
 *                highest risk any answer to its question carries (until
 *                verified, assume the worst); a multi answer speaks
 *                through a ticked "none of these", else through its
 *                riskiest box left unticked (on a box that earns points,
 *                `risk` is the risk of leaving it unticked)
 *     impact     I = w_q * w_a * ((1 - s) + max(0, t - s)), t the area's
 *                stage target / 100 (0 without one): the gap to the best
 *                answer plus the gap to what this stage expects; two
 *                decimals
 *     effort     the choice's effort, else the question's
 *   strength     every counting question with s = 1
 *
 * A merged assessment (merge.h) adds disagreements (score_team.c):
 *   view         each respondent's say on a counting question, when the
 *                question applies given their own answers: the score of
 *                their answer, 0 for "don't know", 1 for "not applicable"
 *                (nothing to do there); a skip or no answer has no say
 *   disagreement at least two says whose scores differ by more than the
 *                threshold the merged file records (default 0.4), the
 *                spread rounded to two decimals first
 *     risk       at stake: the highest risk any of the answers given
 *                would carry as a finding (score_answer_risk), low when
 *                none would
 *     impact     w_q * w_a * spread
 *     order      risk at stake, spread, impact, questionnaire order
 *   Each is a finding of its own kind, "Agree on the facts: QUESTION",
 *   low effort, under the one initiative "agree-on-the-facts" (so the plan
 *   holds one action for them all, placed by the riskiest).  They count in
 *   no score, risk count or level: the answer as merged does that.
 *
 * The plan (plan.c):
 *   order        risk (critical first), then impact (highest first), then
 *                effort (lowest first), then questionnaire order.  Nothing
 *                else: an area's average never moves a finding, so one
 *                answer changes the place of its own finding only.
 *   actions      findings that name the same initiative, or give the same
 *                advice, are one action, placed at its first finding; the
 *                other findings are one action each
 *   horizons     walking the actions in order: critical now; high now;
 *                medium next; low later; never earlier than the action
 *                before.  Apart from critical ones, an action that finds
 *                its horizon full moves to the next one.  Capacity: now
 *                holds min(10, max(3, n + 2)) actions and next twice that
 *                plus 2, n the team size the profile gives (3 when it does
 *                not: 5 now, 12 next)
 *   rank         the place of the action, and of each finding, in the plan
 *
 * A review (review.h) may change the findings between scoring and
 * planning: a finding's risk (the plan then orders it by the new one), its
 * horizon (a pin: the action goes there whatever its risk and the
 * capacity, takes one of that horizon's places, and does not hold back the
 * actions after it), or drop it (it leaves the findings before the plan is
 * made).  Actions are then listed by horizon, each horizon in the order
 * above, and ranked in that order.
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
#define SCORE_COVERAGE_MIN 0.5    /* below: "not enough information" */
#define PLAN_DEFAULT_TEAM 3       /* the team size when the profile has none */
#define PLAN_NOW_MIN 3            /* now holds min(MAX, max(MIN, n + 2)) */
#define PLAN_NOW_MAX 10

enum horizon { HORIZON_NOW, HORIZON_NEXT, HORIZON_LATER, HORIZON_COUNT };

/* Indexed by enum risk; RISK_UNSET's entry counts nothing. */
#define RISK_COUNT (RISK_CRITICAL + 1)

extern const char *const horizon_names[HORIZON_COUNT];   /* "now", ... */
extern const char *const horizon_titles[HORIZON_COUNT];  /* "Now (next 30 days)" */

/* Why a question has the status it has. */
enum question_status {
	STATUS_ANSWERED,
	STATUS_SKIPPED,
	STATUS_DONT_KNOW,
	STATUS_UNANSWERED,
	STATUS_NOT_APPLICABLE, /* the respondent said it does not apply */
	STATUS_RULED_OUT       /* its `when` does not hold: not asked */
};

extern const char *const question_status_names[]; /* "answered", ... */

struct question_score {
	const struct question *question;
	const struct answer *answer;
	enum question_status status;
	int counts;          /* scored and applicable: part of the area score */
	int unknown;         /* counts, but skipped, don't know or unanswered */
	double score;        /* 0..1; 0 when it does not count */
	enum risk risk;      /* RISK_UNSET unless a finding */
	int risk_explicit;   /* the risk came from the questionnaire */
	enum effort effort;
	/* The rest point into the questionnaire and may be NULL. */
	const char *advice;
	const char *statement;   /* the `finding:` of the answer */
	const char *initiative;  /* the initiative id of the answer */
	const struct choice *choice; /* the choice that speaks for a finding
					(its advice, finding, risk, links) */
};

struct area_score {
	const struct area *area;
	int has_score;       /* scored and at least one counting question */
	double score;        /* 0-100, one decimal */
	double coverage;     /* 0-1, two decimals */
	int enough_information; /* coverage >= SCORE_COVERAGE_MIN */
	const struct level *level;  /* NULL without a score; capped */
	const struct level *uncapped_level; /* from the score alone */
	int has_target;
	double target;       /* 0-100 */
	double gap;          /* max(0, target - score), one decimal */
	size_t ncounted;     /* counting questions */
	size_t nfindings;
	size_t nrisks[RISK_COUNT]; /* open findings by risk */
	size_t nunknown;     /* counting questions without a real answer */
	size_t nstrengths;
	size_t nnot_applicable; /* scored questions the respondent ruled out */
};

struct action;
struct disagreement;

/* What a finding is about: an answer, or respondents who disagree. */
enum finding_kind { FINDING_ANSWER, FINDING_DISAGREEMENT };

struct review_entry;

struct finding {
	enum finding_kind kind;
	/* FINDING_DISAGREEMENT: the disagreement, whose qs this is. */
	const struct disagreement *disagreement;
	const struct question_score *qs;
	const struct area_score *area;
	const char *title;   /* the statement, else the question's text */
	double impact;       /* two decimals */
	/* Set by a review (review.h); NULL and unset without one. */
	const struct review_entry *review;
	enum risk risk_before_review; /* RISK_UNSET unless the risk changed */
	enum horizon pin;    /* HORIZON_COUNT unless pinned */
	/* Set by the plan. */
	struct action *action;
	enum horizon horizon; /* its action's */
	size_t rank;         /* 1-based place in the plan */
};

/*
 * One thing to do: one finding, or an initiative that several share.  Its
 * risk, effort and place are those of its first (lead) finding.
 */
struct action {
	size_t rank;         /* 1-based */
	enum horizon horizon;
	int moved;           /* later than its risk alone puts it (capacity) */
	int pinned;          /* a review pinned its horizon */
	enum horizon unpinned; /* where the plan would put it without the pin */
	const char *id;      /* the initiative's id, else the lead's question */
	const char *title;   /* the initiative's title, else the lead's */
	const char *advice;  /* the initiative's advice, else the lead's */
	const struct initiative *initiative; /* NULL unless named */
	enum risk risk;
	enum effort effort;
	struct finding **findings; /* lead first, in plan order */
	size_t nfindings;
};

/*
 * Respondents of a merged assessment who disagree on a question.  qs is the
 * finding's own view of the question: the risk at stake, low effort, the
 * advice of the agree-on-the-facts initiative, and as its answer the text
 * of who said what ("Ana (CEO): Yes | Ben: No"), so that every format
 * prints it as it prints any finding; qs.question is a copy of the
 * question whose id is "agree:ID", so that the finding is named apart from
 * the question's own finding.  It owns said, title and the copy.
 */
struct disagreement {
	const struct question_score *merged; /* the question as merged */
	struct question_score qs;
	struct question question;  /* the copy qs.question points to */
	struct answer said;
	char *title;          /* "Agree on the facts: QUESTION" */
	double low, high;     /* the lowest and highest score said, 0-1 */
	double spread;        /* high - low, two decimals */
	double impact;        /* two decimals */
};

/* The initiative every disagreement finding belongs to. */
extern const struct initiative score_agree_initiative;

struct plan {
	struct action *actions; /* in plan order */
	size_t nactions;
	int has_team_size;   /* the profile gave the team size */
	double team_size;    /* what the capacity was computed for */
	size_t capacity[HORIZON_LATER]; /* actions now, next */
	/* Actions moved into horizon h by capacity, by their risk. */
	size_t moved[HORIZON_COUNT][RISK_COUNT];
	struct finding **storage; /* the findings arrays of the actions */
};

struct score_result {
	const struct questionnaire *questionnaire;
	const struct answers *answers;

	const char *company;      /* the name answer, or NULL */
	const char *stage;        /* the stage choice id, or NULL */
	const char *stage_label;  /* its label, or NULL */

	int has_score;
	double score;             /* overall 0-100, one decimal */
	double coverage;          /* overall 0-1, two decimals */
	int enough_information;
	const struct level *level;          /* capped */
	const struct level *uncapped_level;
	int has_target;
	double target;
	double gap;
	size_t nrisks[RISK_COUNT]; /* open findings by risk */
	size_t nbelow_target;     /* areas below their stage target */

	struct question_score *questions; /* questionnaire->nquestions entries */
	size_t nquestions;
	struct area_score *areas;         /* questionnaire->nareas entries */
	size_t nareas;
	struct finding *findings;         /* in plan order (rank) */
	size_t nfindings;
	struct finding *dropped;          /* dropped by a review */
	size_t ndropped;
	struct plan plan;
	const struct question_score **strengths; /* questionnaire order */
	size_t nstrengths;
	/* Applicable questions (scored or not) skipped, don't know or not
	 * answered, in questionnaire order. */
	const struct question_score **unknowns;
	size_t nunknowns;
	size_t nunanswered;       /* of which not answered at all */
	/* Questions the respondent answered "not applicable". */
	const struct question_score **not_applicable;
	size_t nnot_applicable;
	/* A merged assessment: the questions its respondents disagree on,
	 * in order (risk at stake first); and which questions apply to each
	 * respondent given their own answers (respondent k, question i at
	 * [k * nquestions + i]).  NULL and 0 otherwise. */
	struct disagreement *disagreements;
	size_t ndisagreements;
	unsigned char *respondent_applies;
};

/*
 * Scores answers a of questionnaire q into r and plans the findings
 * (score_answers(), then plan_build()); score_release() frees r.
 */
void score_compute(struct score_result *r, const struct questionnaire *q,
		   const struct answers *a);

/*
 * Scores answers a of questionnaire q into r without planning: the
 * findings are in questionnaire order, and a review may change them before
 * plan_build() (score_release() frees r either way).
 */
void score_answers(struct score_result *r, const struct questionnaire *q,
		   const struct answers *a);

/*
 * Counts the open findings again (per area and overall, by risk) and caps
 * the levels by them, after a review changed risks or dropped findings.
 */
void score_recount(struct score_result *r);

void score_release(struct score_result *r);

/* The 0..1 score of one answer to question (0 for no value). */
double score_question(const struct question *question,
		      const struct answer *answer);

/*
 * The risk of the finding that answer would be to question, by the method
 * above, or RISK_UNSET for an answer at the best score: for weighing one
 * respondent's answer against another's.  An answer without a value
 * (don't know, skipped, none) carries the highest risk any answer could.
 * *is_explicit (when not NULL) says whether the questionnaire set it.
 */
enum risk score_answer_risk(const struct question *question,
			    const struct answer *answer, int *is_explicit);

/*
 * The answer respondent k of a merged assessment gave to question, or NULL
 * when the question does not apply given their own answers.
 */
const struct answer *score_respondent_answer(const struct score_result *r,
					     size_t k,
					     const struct question *question);

/*
 * score_team.c, for score_compute(): finds the disagreements of a merged
 * assessment (after the questions are scored, before the findings are
 * collected); score_team_release() frees them.
 */
void score_disagreements(struct score_result *r);
void score_team_release(struct score_result *r);

/* The area_score of area in r. */
const struct area_score *score_area(const struct score_result *r,
				    const struct area *area);

/* Whether a level is capped (shown lower than the score alone gives). */
int score_level_capped(const struct level *level,
		       const struct level *uncapped);

/* Rounds x to the given number of decimals (0-6), away from zero on ties. */
double score_round(double x, int decimals);

/*
 * The plan (plan.c): orders r->findings, groups them into actions and
 * schedules the actions (see the method above).  Called by score_compute();
 * plan_release() frees what it allocated.
 */
void plan_build(struct score_result *r);
void plan_release(struct plan *p);

#endif
