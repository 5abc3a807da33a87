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

/* The schema id of the report JSON document (render_json.c writes it,
 * compare reads it, and version 1 too). */
#define REPORT_SCHEMA "cto-assess/report/2"
#define REPORT_SCHEMA_1 "cto-assess/report/1"

struct benchmark;

struct report {
	const struct questionnaire *questionnaire;
	const struct answers *answers;
	struct score_result score;
	char generated_at[32]; /* ISO 8601 UTC */
	char date[16];         /* the assessment's date, YYYY-MM-DD */
	/* The companies to place this one among (report --benchmark), or
	 * NULL; not owned.  report_init() leaves it NULL. */
	const struct benchmark *benchmark;
};

/*
 * Scores a into r.  generated_at is now, or $SOURCE_DATE_EPOCH when set (so
 * that example reports are reproducible); the assessment date is the date of
 * the answers' completed_at, else updated_at, else generated_at.  q and a
 * must outlive r; report_release() frees what r holds.
 */
void report_init(struct report *r, const struct questionnaire *q,
		 const struct answers *a);
void report_release(struct report *r);

#endif
