/*
 * report.h - writing the readiness report in every format.
 *
 * The report layer scores a questionnaire's answers (score.h) and renders
 * them.  Renderers write to a struct buf so that tests compare strings and
 * the same code writes files.  Nothing here exits; errors come back as -1
 * with a message in err.
 */
#ifndef CTO_REPORT_H
#define CTO_REPORT_H

#include <stdio.h>

#include "answers.h"
#include "buf.h"
#include "model.h"
#include "term.h"

struct report_options {
	const char *formats; /* comma-separated: md,json,html,csv,text */
	const char *output;  /* a directory, a file name (one format) or "-" */
	unsigned flags;      /* FILE_WRITE_FORCE to replace existing files */
	enum color_mode color;
};

/*
 * Scores a and writes the report in every requested format.  With a
 * directory as output (an existing directory, a name ending in '/', or any
 * output given more than one format; created when missing) the files are
 * report.md, report.json, report.html, action-plan.csv and summary.txt in
 * it; with a file name, that file (one format); with "-" or NULL, standard
 * output (one format; the text summary coloured as opts->color says).  No
 * file is written when one of the targets exists and FILE_WRITE_FORCE is
 * not set.  The paths written are appended to written (one per line) when
 * written is not NULL.
 */
int report_write(const struct questionnaire *q, const struct answers *a,
		 const struct report_options *opts, struct buf *written,
		 struct buf *err);

/*
 * Parses a comma-separated list of format names (md, json, html, csv, text;
 * "markdown" and "all" too) into a bit mask.  Returns 0, or -1 with a
 * message in err.
 */
int report_parse_formats(const char *list, unsigned *mask, struct buf *err);

/* Prints the compact terminal summary (what `run` shows at the end). */
void report_print_summary(FILE *out, const struct questionnaire *q,
			  const struct answers *a, int use_color);

#endif
