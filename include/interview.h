/*
 * interview.h - asking the questions: the founder's side of cto-assess.
 *
 * interview_run() walks a questionnaire in order, asking every question whose
 * `when` holds and that has no answer yet, then shows the review screen.  It
 * records every answer at once in the session's journal (answers_record), and
 * saves the whole file when it is done (answers_save), so an interrupted
 * interview loses nothing.  Which questions apply, and the position shown,
 * are kept up to date as answers change (progress.h): the cost of a question
 * does not grow with the questionnaire.  With a terminal on stdin it reads lines with GNU
 * readline through its callback interface (tab completion of choice labels,
 * signals handled by cto-assess, the terminal restored on every path);
 * without one it reads plain lines and an invalid line ends the interview.
 *
 * The interview prints to stdout (and readline's prompt to stdout); every
 * questionnaire string passes through term.h first.  It never exits.  The
 * answers stay owned by the caller.
 */
#ifndef CTO_INTERVIEW_H
#define CTO_INTERVIEW_H

#include "answer.h"
#include "answers.h"
#include "buf.h"
#include "model.h"

enum interview_end {
	INTERVIEW_DONE,        /* all asked and reviewed; completed_at is set */
	INTERVIEW_QUIT,        /* the founder typed 'quit' */
	INTERVIEW_EOF,         /* end of input (Ctrl-D) at a prompt */
	INTERVIEW_INTERRUPTED, /* SIGINT, SIGTERM, SIGHUP or SIGQUIT at a
				  prompt */
	INTERVIEW_INVALID,     /* without a terminal: an invalid line (err) */
	INTERVIEW_FAILED       /* the session could not be saved (err) */
};

struct interview_options {
	const char *session_path; /* the answers file, saved after each answer */
	int use_color;
	int use_readline;         /* stdin is a terminal */
	int welcome;              /* print the welcome text first */
	int resumed;              /* say "welcome back" */
};

/*
 * Runs the interview on a (answers of q) and returns how it ended.  For
 * INTERVIEW_INTERRUPTED *signo is the signal received.  Messages for
 * INTERVIEW_INVALID and INTERVIEW_FAILED are appended to err.
 */
enum interview_end interview_run(const struct questionnaire *q,
				 struct answers *a,
				 const struct interview_options *opts,
				 int *signo, struct buf *err);

/*
 * Asks a yes/no question (prompt is trusted text); returns 1 for yes, 0 for
 * no, -1 at end of input or on a signal (then *signo is set, else 0).
 */
int interview_confirm(const char *prompt, int use_readline, int *signo);

#endif
