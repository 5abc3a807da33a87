/*
 * compare.h - progress between two assessments: what `cto-assess compare`
 * computes and prints.
 *
 * Both sides are report JSON documents (schema "cto-assess/report/1"), so
 * that two assessments compare even when the questionnaire changed between
 * them: areas, findings and answers are matched by id, and what cannot be
 * matched is listed.  compare_build() returns the comparison as a new cJSON
 * document (schema "cto-assess/compare/1", owned by the caller); the
 * renderers read that document and append to a caller-owned buf.  Strings
 * in the inputs are untrusted: every renderer escapes them for its format.
 */
#ifndef CTO_COMPARE_H
#define CTO_COMPARE_H

#include "buf.h"
#include "render.h"

struct cJSON;

#define COMPARE_SCHEMA "cto-assess/compare/1"

/*
 * Checks that doc looks like a report this version can compare; returns 0,
 * or -1 with a message (naming name) in err.
 */
int compare_check_report(const struct cJSON *doc, const char *name,
			 struct buf *err);

/* The comparison of two checked reports (caller owns; cJSON_Delete). */
struct cJSON *compare_build(const struct cJSON *old_report,
			    const struct cJSON *new_report);

/*
 * Progress over n >= 2 checked reports, already in date order: the
 * comparison of the first and the last (compare_build), with
 * "assessments" (each one's company, date, stage, questionnaire and
 * overall score) and "trend" (the overall and each area's score in each
 * assessment, null where it has none).  Caller owns; cJSON_Delete.
 */
struct cJSON *compare_build_series(const struct cJSON *const *docs, size_t n);

/*
 * Orders reports docs (and their names alongside) by assessment date,
 * oldest first; equal dates keep their order.
 */
void compare_sort_by_date(const struct cJSON **docs, const char **names,
			  size_t n);

/*
 * What differs between reports a and b (named na and nb): different
 * companies are described in company and make it return 1; a different
 * stage or questionnaire is a line of warnings each.  Returns 0 for the
 * same company (or one not named).
 */
int compare_differences(const struct cJSON *a, const struct cJSON *b,
			const char *na, const char *nb, struct buf *company,
			struct buf *warnings);

/*
 * An output format of the comparison: a row of the table in
 * compare_render.c.  render appends the whole document to out; the options
 * (colour, block characters, width) are for the terminal, and the other
 * formats ignore them.
 */
struct compare_format {
	const char *name;           /* for -f */
	const char *alias;          /* another name for -f, or NULL */
	const char *extensions[3];  /* of a file name that implies it */
	void (*render)(struct buf *out, const struct cJSON *cmp,
		       const struct render_options *o);
};

/* The format named name (or its alias), or NULL. */
const struct compare_format *compare_find_format(const char *name);

/* The format a file name's extension implies, or NULL. */
const struct compare_format *compare_format_of_file(const char *path);

/* Appends the format names as a usage text lists them: "text, md or json". */
void compare_format_names(struct buf *out);

#endif
