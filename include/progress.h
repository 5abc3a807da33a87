/*
 * progress.h - how far along the interview is: "Security 3/9 - question 41
 * of 64".
 *
 * Progress counts the questions this company will be asked.  A condition on
 * a question not reached yet cannot be known, so such questions count until
 * an answer rules them out: the total only shrinks as the interview goes on,
 * instead of jumping up and down.
 *
 * Pure: computed from the questionnaire (a->questionnaire), the answers and
 * the question being asked; nothing is printed or kept.
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

/*
 * Where question index current (being asked, so it counts) stands among the
 * questions that may be asked given the answers a.  With current equal to
 * the number of questions (nothing being asked) there is no area (0 of 0)
 * and overall equals total.
 */
struct progress_position progress_estimate(const struct answers *a,
					   size_t current);

#endif
