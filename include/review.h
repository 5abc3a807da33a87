/*
 * review.h - the consultant's review of an assessment: an executive
 * summary in their own words, and their judgement on the findings (a
 * risk, a horizon, a drop, a comment), each with its reason.
 *
 * A review file (review.yaml beside the answers, or --review FILE) reads
 *
 *   summary: |
 *     In good shape for its stage; backups and access come first.
 *   findings:
 *     sec_backups: {risk: critical, reason: No restore in two years.}
 *     inn_retire_tech: {drop: true, reason: Fixed during the assessment.}
 *
 * where each key of findings is a finding's id (its question's id).  It is
 * read into positioned trees (yamltree.h) and checked with treecheck.h
 * against the questionnaire, so that a mistake reads like a mistake in a
 * questionnaire: file:line:col, every one in one pass, "did you mean" for
 * a misspelt id.
 *
 * review_apply() is the step between scoring and planning (score.h):
 * score_answers(), review_apply(), plan_build().  It never plans itself,
 * so that the plan stays one rule, whoever changed its inputs.
 *
 * A struct review owns its strings; review_release() frees them.  The
 * findings of a score_result point at its entries, so a review outlives
 * the reports made with it.  Nothing here prints or exits.
 */
#ifndef CTO_REVIEW_H
#define CTO_REVIEW_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "score.h"

/* Review files larger than this are refused before parsing. */
#define REVIEW_MAX_FILE_SIZE (1024u * 1024)

/* The file `report` and `run` read beside the answers when it exists. */
#define REVIEW_FILE_NAME "review.yaml"

/* What the reviewer decided about one finding. */
struct review_entry {
	char *id;            /* the finding's (question's) id */
	enum risk risk;      /* RISK_UNSET: unchanged */
	int has_horizon;
	enum horizon horizon;
	int drop;            /* leave the finding out of the plan */
	char *comment;       /* shown with the finding, may be NULL */
	char *reason;        /* why; required */
	struct srcpos pos;   /* of its key, in the review file */
};

struct review {
	char *path;          /* the file, as named in diagnostics */
	char *summary;       /* the executive summary (prose.h), or NULL */
	struct review_entry *entries; /* in the order written */
	size_t nentries;
};

/*
 * Reads the review file at path, checking it against questionnaire q:
 * every id names a scored question, every entry has a reason and changes
 * something, a drop changes nothing else.  Returns 0, or -1 with every
 * error in diags (rv is then empty; review_release() is still safe).
 */
int review_load(struct review *rv, const char *path,
		const struct questionnaire *q, struct diag_list *diags);

void review_release(struct review *rv);

/*
 * Applies rv to the scored, not yet planned findings of r: sets the new
 * risks (keeping the old in risk_before_review), pins horizons, moves
 * dropped findings to r->dropped, and counts the open risks again.  An
 * entry whose question is not a finding of this assessment (answered at
 * its best, not asked, not applicable) changes nothing and is a warning in
 * diags, as is a risk the finding already has.
 */
void review_apply(const struct review *rv, struct score_result *r,
		  struct diag_list *diags);

/*
 * Whether path looks like a review file rather than a questionnaire: its
 * name ends in "review.yaml" (or .yml), or its top-level mapping has
 * 'summary' or 'findings' and neither 'id' nor 'areas'.
 */
int review_file_is_review(const char *path);

/* Whether the review changed the plan: a risk, a horizon or a drop. */
int review_changes_plan(const struct score_result *r);

#endif
