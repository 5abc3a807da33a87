/*
 * progress.h - which questions apply, and how far along the interview is:
 * "Security 3/9 - question 41 of 64".
 *
 * Progress counts the questions this company will be asked.  A condition on
 * a question not answered yet cannot be known, so such questions count until
 * an answer rules them out: the total only shrinks as the interview goes on,
 * instead of jumping up and down.
 *
 * progress_estimate() is the pure form: computed from the questionnaire
 * (a->questionnaire), the answers and the question being asked, nothing
 * kept.  struct progress is the same kept up to date for the interview,
 * with the applicability of every question (as answers_applicability()
 * gives it): after an answer changes, progress_changed() re-evaluates only
 * the conditions that name it (and, when their outcome changes, those that
 * name theirs), and a position costs the distance from the last one asked,
 * so the cost per question does not grow with the questionnaire.
 *
 * A struct progress reads the answers it was given (which must outlive it)
 * and owns its arrays; progress_release() frees them.
 */
#ifndef CTO_PROGRESS_H
#define CTO_PROGRESS_H

#include <stddef.h>

#include "answers.h"

struct progress_position {
	size_t in_area;    /* the question's place in its area, from 1 */
	size_t area_total; /* questions of its area that may be asked */
	size_t overall;    /* its place among all that may be asked, from 1 */
	size_t total;      /* questions that may be asked */
};

struct progress {
	const struct answers *a;
	unsigned char *applies;  /* per question: its condition holds */
	unsigned char *estimate; /* per question: enum tri in progress.c */
	size_t *area_counted;    /* per area: questions not ruled out */
	size_t counted;          /* questions not ruled out */
	/* Questions not ruled out before cursor, and in cursor's area. */
	size_t cursor, before, area_before;
	/* The questions whose conditions name question i are
	 * dependents[first_dependent[i] .. first_dependent[i + 1]). */
	size_t *first_dependent, *dependents;
	/* Questions to re-evaluate, a min-heap of indexes (asking order). */
	size_t *heap, nheap;
	unsigned char *queued;
	size_t evaluations;      /* conditions evaluated so far (tests) */
};

/* Computes everything for the answers a (one pass over the questions). */
void progress_init(struct progress *p, const struct answers *a);
void progress_release(struct progress *p);

/*
 * Takes a change of the answer to question index into account (its value
 * or kind; a note alone changes nothing, but is harmless).
 */
void progress_changed(struct progress *p, size_t index);

/* How a question stands before the interview (a preview for a company). */
enum progress_state {
	PROGRESS_RULED_OUT, /* the answers given rule it out */
	PROGRESS_ASKED,     /* asked: no condition, or one that holds */
	PROGRESS_OPEN       /* its condition reads an answer not given yet */
};

/* The state of question index. */
enum progress_state progress_state(const struct progress *p, size_t index);

/* Whether question index is asked: its condition holds (answers.h rule). */
int progress_applies(const struct progress *p, size_t index);

/* The applicability of every question, by index (owned by p). */
const unsigned char *progress_applicability(const struct progress *p);

/*
 * Where question index current (being asked, so it counts) stands among the
 * questions that may be asked.  With current equal to the number of
 * questions (nothing being asked) there is no area (0 of 0) and overall
 * equals total.
 */
struct progress_position progress_at(struct progress *p, size_t current);

/* The same, computed from scratch for answers a. */
struct progress_position progress_estimate(const struct answers *a,
					   size_t current);

#endif
