/*
 * answer_parse.h - what a line typed at a question's prompt means.
 *
 * Pure functions: no I/O, no state, nothing printed.  answer_parse() turns
 * one line into a struct answer for one question, or into a one-line
 * explanation of why it is not an answer.  The interview decides what to do
 * with either; the commands of the prompt ('back', 'skip', ...) are not
 * answers and are recognised by the interview before it calls this.
 *
 * Answers are owned by the caller (answer_release()); strings returned are
 * owned by the caller (free()); explanations are appended to a caller's buf.
 */
#ifndef CTO_ANSWER_PARSE_H
#define CTO_ANSWER_PARSE_H

#include <stddef.h>

#include "answer.h"
#include "answers.h"
#include "buf.h"
#include "model.h"

/*
 * Parses a line typed at the prompt of question qn into out, which must be
 * empty (ANSWER_NONE, no strings).  Spaces around the line are ignored.
 * Choices are taken by number, by label (whole or a unique start, any case)
 * or by id; multi takes a comma-separated list ("none" for none; an
 * exclusive choice, such as "None of these", only alone); "dk"
 * means don't know where offered; "na" means not applicable where the
 * question allows it (ANSWER_NOT_APPLICABLE without a reason: the caller
 * asks for one) and is refused elsewhere.  Returns 0, or -1 with a one-line
 * explanation appended to err (out is then left empty).
 */
int answer_parse(const struct question *qn, const char *line,
		 struct answer *out, struct buf *err);

/*
 * The choices of multi question qn that the comma-separated text names
 * (what is typed before the item being completed): ticked[i] is set for
 * each, ticked[qn->nchoices] for "don't know" (ticked has nchoices + 1
 * entries).  Items that name no choice are ignored.  Returns how many
 * were ticked.
 */
size_t answer_parse_ticked(const struct question *qn, const char *text,
			   unsigned char *ticked);

/*
 * Checks a parsed answer to qn against the answer its `max` names (a
 * tech headcount is at most the team size), in answers a.  Returns 0 when
 * there is nothing to check or it holds, else -1 with why in err.
 */
int answer_parse_check_max(const struct question *qn, const struct answers *a,
			   const struct answer *value, struct buf *err);

/* A number typed as digits only ("3"): its value, or 0 when it is not one. */
size_t answer_parse_index(const char *s);

/* A choice's label as shown, completed and matched: sanitised, one line. */
char *answer_parse_label(const struct choice *c);

/* Appends the range a scale or number question accepts ("from 1 to 5"). */
void answer_parse_add_range(struct buf *out, const struct question *qn);

/* Removes spaces and tabs at both ends of s in place; returns the start. */
char *answer_parse_trim(char *s);

#endif
