/*
 * screen.h - what the interview shows: the welcome, a question, its help
 * and the review list.
 *
 * A screen writes to the FILE in struct screen (stdout in the interview, a
 * memory stream in the tests) and shows only what it is given: nothing here
 * reads input, changes answers or keeps state.  Every string from a
 * questionnaire or an answers file passes through term.h (sanitised, and
 * wrapped or cut to the width) before it is written.
 */
#ifndef CTO_SCREEN_H
#define CTO_SCREEN_H

#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "model.h"
#include "progress.h"
#include "term.h"

struct screen {
	FILE *out;
	size_t width;            /* columns to wrap to */
	struct term_style style; /* colour sequences, or "" */
};

/* Sets up s to write to out, width columns wide, coloured or not. */
void screen_init(struct screen *s, FILE *out, size_t width, int use_color);

/*
 * Writes before (trusted markup), text wrapped to the width with each line
 * indented, after (trusted markup) and a newline.
 */
void screen_wrapped(const struct screen *s, const char *before,
		    const char *text, const char *after, size_t indent);

/*
 * The welcome: the questionnaire's title and description, how long it takes
 * (answered of total, or a range before anything is answered), where the
 * answers are saved, and the keys.
 */
struct screen_welcome {
	size_t answered;          /* questions that apply and have an answer */
	size_t total;             /* questions that may be asked */
	int resumed;              /* a session continued: "Welcome back" */
	const char *session_path; /* shown sanitised */
};
void screen_welcome(const struct screen *s, const struct questionnaire *q,
		    const struct screen_welcome *w);

/*
 * A question: its position, text, numbered choices, what the prompt accepts
 * ('na' too where the question allows "not applicable"), and the current
 * answer and note (ans may be ANSWER_NONE).
 */
void screen_question(const struct screen *s, const struct question *qn,
		     const struct answer *ans,
		     const struct progress_position *pos);

/*
 * The question's help text and the commands of the prompt ('na' among them
 * where the question allows "not applicable").
 */
void screen_help(const struct screen *s, const struct question *qn);

/* After 'na': the question asking why (the questionnaire's, or ours). */
void screen_reason(const struct screen *s, const struct question *qn);

/*
 * The review: every question i with applies[i], by area, numbered from 1,
 * with its whole question and answer (and note), wrapped side by side from
 * SCREEN_REVIEW_COLUMNS columns and the answer under its question below
 * that.  It is built once for the screen's width and shown a page at a
 * time: a page holds at most page_lines lines, an entry is never split
 * over two pages unless it is taller than a page, and a page that starts
 * inside an area repeats the area's title.  A struct screen_review owns
 * its arrays; screen_review_release() frees them.
 */
#define SCREEN_REVIEW_COLUMNS 80

struct screen_review {
	size_t count;        /* numbered entries */
	size_t *map;         /* map[k]: the question index of number k + 1 */
	struct buf text;     /* the entries' lines, one after another */
	struct review_entry {
		size_t offset;   /* of its lines in text */
		size_t lines;
		const struct area *area;
	} *entries;
	size_t *page_first;  /* the first entry of each page */
	size_t npages;
	size_t number_width; /* "  NNN. ": the entries' first column */
};

void screen_review_build(struct screen_review *r, const struct screen *s,
			 const struct answers *a,
			 const unsigned char *applies, size_t page_lines);

/* Writes page (from 0) with its heading and the area titles it needs. */
void screen_review_page(const struct screen *s, const struct screen_review *r,
			size_t page);

/* The page that shows number (from 1). */
size_t screen_review_page_of(const struct screen_review *r, size_t number);

void screen_review_release(struct screen_review *r);

#endif
