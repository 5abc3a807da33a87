/*
 * answer.h - one answer to one question: the value type shared by the
 * condition evaluator, the interview, the answers file and scoring.
 *
 * A struct answer owns its strings; answer_release() frees them and leaves
 * ANSWER_NONE.  This header depends on nothing else in cto-assess.
 */
#ifndef CTO_ANSWER_H
#define CTO_ANSWER_H

#include <stddef.h>

enum answer_kind {
	ANSWER_NONE = 0,   /* not answered (yet) */
	ANSWER_CHOICE,     /* single, yesno: choice holds the choice id */
	ANSWER_CHOICES,    /* multi: choices[0..nchoices) hold choice ids */
	ANSWER_NUMBER,     /* scale, number */
	ANSWER_TEXT,       /* text */
	ANSWER_SKIPPED,    /* the founder chose "skip" */
	ANSWER_DONT_KNOW,  /* the founder chose "don't know" */
	ANSWER_NOT_APPLICABLE /* the respondent says the question does not
				 apply to the company; text holds the reason
				 (may be NULL) */
};

struct answer {
	enum answer_kind kind;
	char *choice;
	char **choices;
	size_t nchoices;
	double number;
	char *text;
	char *note; /* optional free-text note; independent of kind */
};

/* Frees the value and the note; leaves an ANSWER_NONE answer. */
void answer_release(struct answer *a);
/* Frees the value but keeps the note. */
void answer_clear_value(struct answer *a);
/* Returns 1 when the answer holds a real value (not none/skipped/unknown). */
int answer_has_value(const struct answer *a);
/* Makes dst (uninitialised) a copy of src, the note included. */
void answer_copy(struct answer *dst, const struct answer *src);
/* Returns 1 when a multi answer includes choice id. */
int answer_includes(const struct answer *a, const char *id);

#endif
