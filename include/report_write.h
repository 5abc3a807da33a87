/*
 * report_write.h - writing the report in the formats asked for.
 *
 * The formats are one descriptor table in report_write.c (name, extensions,
 * file name, renderer): -f parsing, the format an output file's extension
 * implies, the files of an output directory and the usage texts all come
 * from it, so that a new format is one row and its renderer.  Nothing here
 * exits; errors come back as -1 with a message in err.
 */
#ifndef CTO_REPORT_WRITE_H
#define CTO_REPORT_WRITE_H

#include <stdio.h>

#include "buf.h"
#include "report.h"
#include "term.h"

struct report_options {
	const char *formats; /* comma-separated: md,json,html,csv,text */
	const char *output;  /* a directory, a file name (one format) or "-" */
	unsigned flags;      /* FILE_WRITE_FORCE to replace existing files */
	enum color_mode color;
};

/*
 * Writes r in every requested format.  With a directory as output (an
 * existing directory, a name ending in '/', or any output given more than
 * one format; created when missing) each format goes to its file there
 * (report_format_file()); with a file name, that file (one format); with
 * "-" or NULL, standard output (one format; the text summary coloured as
 * opts->color says).  No file is written when one of the targets exists
 * and FILE_WRITE_FORCE is not set.  The paths written are appended to
 * written (one per line) when written is not NULL.
 */
int report_write(const struct report *r, const struct report_options *opts,
		 struct buf *written, struct buf *err);

/*
 * Parses a comma-separated list of format names ("markdown" for md, and
 * "all") into a bit mask.  Returns 0, or -1 with a message in err.
 */
int report_parse_formats(const char *list, unsigned *mask, struct buf *err);

/* The name of the format a file name's extension implies, or NULL. */
const char *report_format_of_file(const char *path);

/* The file name of format i in an output directory; NULL past the last. */
const char *report_format_file(size_t i);

/* Appends the formats as the usage texts list them, one line each. */
void report_describe_formats(struct buf *out);

/* Prints the compact terminal summary of r (what `run` shows at the end). */
void report_print_summary(FILE *out, const struct report *r, int use_color);

#endif
