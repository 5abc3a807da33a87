/*
 * deliverable.h - what turns an assessment into the consultant's
 * deliverable, found and read for a command: their profile
 * (consultant.h) and their review of this assessment (review.h).
 *
 * `run` and `report` share it: the same options (--consultant,
 * --no-consultant, --review, --no-review), the same places looked at (the
 * default profile; review.yaml beside the answers), the same messages.
 * Like assessment.h, these functions print what went wrong to stderr
 * (diagnostics with their places, then a message): they are the commands'
 * setup.  A struct deliverable owns what it read; deliverable_release()
 * frees it.
 */
#ifndef CTO_DELIVERABLE_H
#define CTO_DELIVERABLE_H

#include <getopt.h>

#include "consultant.h"
#include "diag.h"
#include "model.h"
#include "report.h"
#include "review.h"

/* The options, for a command's getopt_long table, and their codes. */
#define DELIVERABLE_OPT_CONSULTANT 0x200
#define DELIVERABLE_OPT_NO_CONSULTANT 0x201
#define DELIVERABLE_OPT_REVIEW 0x202
#define DELIVERABLE_OPT_NO_REVIEW 0x203
#define DELIVERABLE_OPTIONS \
	{ "consultant", required_argument, NULL, DELIVERABLE_OPT_CONSULTANT }, \
	{ "no-consultant", no_argument, NULL, DELIVERABLE_OPT_NO_CONSULTANT }, \
	{ "review", required_argument, NULL, DELIVERABLE_OPT_REVIEW }, \
	{ "no-review", no_argument, NULL, DELIVERABLE_OPT_NO_REVIEW }

/* The lines of a command's usage text that describe them. */
#define DELIVERABLE_USAGE \
	"      --consultant FILE     your consultant profile (default:\n" \
	"                            ~/.config/cto-assess/consultant.yaml,\n" \
	"                            when it exists)\n" \
	"      --no-consultant       no profile: a report without your name\n" \
	"      --review FILE         your review of this assessment (default:\n" \
	"                            " REVIEW_FILE_NAME " beside the answers, when\n" \
	"                            it exists)\n" \
	"      --no-review           the report as scored, without a review\n"

struct deliverable_options {
	const char *consultant; /* a profile, or NULL for the default one */
	int no_consultant;
	const char *review;     /* a review file, or NULL for the one in dir */
	int no_review;
	const char *review_dir; /* where REVIEW_FILE_NAME is looked for */
};

struct deliverable {
	struct consultant consultant;
	int has_consultant;
	struct review review;
	int has_review;
	struct diag_list warnings; /* what applying the review warned of */
};

/*
 * Takes one of the options above into o; returns 1 when c was one of
 * them, else 0.
 */
int deliverable_option(struct deliverable_options *o, int c,
		       const char *arg);

/*
 * Reads the profile and the review o asks for (the review checked against
 * questionnaire q).  A file named on the command line must exist; a
 * default one is read only when it exists.  Returns 0, or -1 after
 * printing why (an invalid file: exit status 3).  d needs
 * deliverable_release() in both cases.
 */
int deliverable_open(struct deliverable *d,
		     const struct deliverable_options *o,
		     const struct questionnaire *q);

/* Points in at what d holds, for report_init_with(). */
void deliverable_inputs(struct deliverable *d, struct report_inputs *in);

/* Prints, then forgets, the warnings that applying the review gave. */
void deliverable_print_warnings(struct deliverable *d);

void deliverable_release(struct deliverable *d);

#endif
