/*
 * report.h - the readiness report model: an assessment scored once.
 *
 * A struct report is the scored assessment plus what every format prints
 * about it (dates); the plan is in score.plan; report_init() computes it once and
 * every renderer (render.h), the terminal summary and compare read that one
 * struct.  Writing it in files is report_write.h, a layer above the
 * renderers.
 */
#ifndef CTO_REPORT_H
#define CTO_REPORT_H

#include "answers.h"
#include "model.h"
#include "score.h"

struct consultant;
struct diag_list;
struct review;

/* The schema id of the report JSON document (render_json.c writes it,
 * compare reads it, and version 1 too). */
#define REPORT_SCHEMA "cto-assess/report/2"
#define REPORT_SCHEMA_1 "cto-assess/report/1"

struct benchmark;

/* What a row of the profile table at the top of a report shows. */
enum report_row_kind {
	REPORT_ROW_KIND_COMPANY,      /* the name question's answer */
	REPORT_ROW_KIND_STAGE,        /* the stage question's answer */
	REPORT_ROW_KIND_DATE,         /* the assessment date */
	REPORT_ROW_KIND_QUESTIONNAIRE,/* title, id and version */
	REPORT_ROW_KIND_ANSWER        /* another question's answer */
};

/*
 * One row of the profile table.  label points into the questionnaire (or
 * is a constant); value is owned by the report, plain text that may hold
 * newlines: each renderer escapes both.
 */
struct report_row {
	enum report_row_kind kind;
	const char *label;
	char *value;
	const struct question_score *qs; /* the answer shown, or NULL */
};

struct report {
	const struct questionnaire *questionnaire;
	const struct answers *answers;
	struct score_result score;
	char generated_at[32]; /* ISO 8601 UTC */
	char date[16];         /* the assessment's date, YYYY-MM-DD */
	/* The companies to place this one among (report --benchmark), or
	 * NULL; not owned.  report_init() leaves it NULL. */
	const struct benchmark *benchmark;
	/* How the report presents itself (the questionnaire's `report:`). */
	char *title;           /* owned: the framing's, else "TITLE report" */
	const char *subtitle;  /* the framing's, or NULL */
	struct report_row *rows; /* the profile table, in order */
	size_t nrows;
	/* The consultant's additions, or NULL (report_init_with()). */
	const struct review *review;
	const struct consultant *consultant;
};

/* What a consultant adds to a report; every member may be NULL. */
struct report_inputs {
	const struct review *review;         /* review.h */
	const struct consultant *consultant; /* consultant.h */
	struct diag_list *diags;  /* the review's warnings go here */
};

/*
 * Scores a into r and lays out its framing: the title, and the rows of the
 * profile table, as the questionnaire's `report: profile` lists them or,
 * without it, the company and the stage (when the questionnaire has
 * questions for them), the date, the questionnaire, then every answered
 * text question of an unscored area.  A row whose question does not apply
 * (its condition does not hold) is left out.  generated_at is now, or $SOURCE_DATE_EPOCH when set (so
 * that example reports are reproducible); the assessment date is the date of
 * the answers' completed_at, else updated_at, else generated_at.  q and a
 * must outlive r; report_release() frees what r holds.
 */
void report_init(struct report *r, const struct questionnaire *q,
		 const struct answers *a);

/*
 * report_init() with a consultant's additions: the review is applied
 * between scoring and planning (review.h), its warnings added to
 * in->diags (when not NULL); the review and the consultant are kept in r
 * for the renderers and must outlive it.  in may be NULL.
 */
void report_init_with(struct report *r, const struct questionnaire *q,
		      const struct answers *a,
		      const struct report_inputs *in);
void report_release(struct report *r);

#endif
