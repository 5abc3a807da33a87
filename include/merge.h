/*
 * merge.h - one assessment from the answers several respondents gave to one
 * questionnaire (`cto-assess merge`), each respondent's answers kept.
 *
 * The rule, question by question (cto-assess(1), MERGE, says it too).  The
 * respondents who take part are those who answered it with a value, "don't
 * know" or "not applicable"; a skip or no answer takes no part, nor does an
 * answer to a question that does not apply given that respondent's own
 * answers (its `when` does not hold for them).
 *
 *   - "not applicable" when every one taking part says so, with their
 *     reasons joined ("Ana (CEO): no card data; Ben: ..."); otherwise
 *     those who said so take no further part;
 *   - a scored question: the answers in order of caution, "don't know"
 *     first, then by score, lowest first, the riskier answer first among
 *     equal scores (score_answer_risk), then in respondent order.  The
 *     cautious rule (the default) takes the first, the most cautious; the
 *     median rule the middle one (the lower middle of an even count);
 *   - an unscored question: a number is the lower median of the numbers
 *     given; a text is the one text when all agree, else every text, one
 *     line each, prefixed with its respondent ("Ana (CEO): ..."), except
 *     the company name, which is the one given most often; a choice is the
 *     one given most often, the earliest respondent's on a tie; "don't
 *     know" only when nobody gave a value;
 *   - nobody took part: skipped when a respondent skipped it, else no
 *     answer.
 * Notes: every respondent's note on the question, one line each, prefixed
 * with the respondent ("Ana (CEO): restored once in 2025").
 *
 * Apart from joined texts and reasons, the merged answer is always one
 * respondent's own answer.
 */
#ifndef CTO_MERGE_H
#define CTO_MERGE_H

#include <stddef.h>

#include "answers.h"
#include "buf.h"
#include "model.h"

/* A merge refuses more respondents than an answers file holds. */
#define MERGE_MAX_RESPONDENTS 64

/*
 * One answers file to merge: its answers (to the questionnaire merged), the
 * file's path (recorded as the respondent's source) and the name to use
 * when the answers do not name their respondent.  A merged file brings each
 * of its respondents.
 */
struct merge_input {
	const struct answers *answers;
	const char *source;
	const char *fallback_name;
};

struct merge_options {
	enum merge_rule rule;
	double threshold;    /* recorded for the report: see score.h */
};

/*
 * Merges the answers of inputs[0..n) to q into out, which it initialises
 * (created_at and updated_at now; completed_at the latest of the
 * respondents' when every one of them completed, else NULL).  Returns 0, or
 * -1 with a message in err (fewer than two respondents, too many, or two of
 * the same name); out is then released.
 */
int merge_answers(struct answers *out, const struct questionnaire *q,
		  const struct merge_input *inputs, size_t n,
		  const struct merge_options *o, struct buf *err);

#endif
