/*
 * tracking.h - the action plan as the client tracked it: the CSV of
 * `report -f csv`, its owner, due date and status columns filled in over a
 * quarter, read back by `compare --plan` and set beside what the new
 * assessment says of each action's findings.
 *
 * The CSV is untrusted (a spreadsheet saved it, or anyone): it is parsed
 * as RFC 4180 (quoted fields, doubled quotes, line breaks in quotes, CRLF
 * or LF, a UTF-8 byte order mark; ';' as the separator when the header
 * uses it, as spreadsheets in many locales save), its columns found by
 * their names in the header, in any order.  A struct tracking owns its
 * rows; tracking_release() frees them.  The JSON built from it is new
 * (caller owns, cJSON_Delete); every string in it is cleaned, and the
 * renderers escape them for their format.  Nothing here prints or exits.
 */
#ifndef CTO_TRACKING_H
#define CTO_TRACKING_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct cJSON;

/* Plans larger than this are refused before parsing. */
#define TRACKING_MAX_FILE_SIZE (4u * 1024 * 1024)

/* One row of the plan: an action, and what the client wrote of it. */
struct tracking_row {
	int line;            /* 1-based, where the row starts */
	char *action_id;
	char *action;        /* the action's title, may be "" */
	char *finding_ids;   /* "a; b", may be "" */
	char *owner, *due_date, *status; /* as the client wrote them */
};

struct tracking {
	char *path;
	struct tracking_row *rows;
	size_t nrows;
};

/*
 * Reads the action plan CSV at path.  It needs the columns action_id and
 * status; finding_ids, action, owner and due_date are read when there
 * ("due date" and "due" name due_date too).  Rows without an action id
 * (blank lines a spreadsheet keeps) are skipped.  Returns 0, or -1 with
 * the errors in diags (file:line:col).
 */
int tracking_read(struct tracking *t, const char *path,
		  struct diag_list *diags);

void tracking_release(struct tracking *t);

/* Whether a status says the action is done: done, complete(d), closed,
 * finished, resolved, fixed, yes or x, in any case. */
int tracking_status_done(const char *status);

/*
 * The plan beside the new assessment, as the "plan_tracking" member of a
 * comparison (compare.h): each row matched to an action of old_report
 * (by action_id, its findings from finding_ids or else the action's), and
 * each of its findings' outcome in new_report: "resolved" (answered, no
 * longer a finding), "open", "dropped" (by the new report's review),
 * "no_longer_applies" or "not_asked" (no such question now).
 */
struct cJSON *tracking_compare(const struct tracking *t,
			       const struct cJSON *old_report,
			       const struct cJSON *new_report);

/* Appends the plan_tracking member of cmp (if any) as a Markdown or HTML
 * section or terminal text (use_color for the terminal); nothing without
 * it. */
void tracking_render_markdown(struct buf *out, const struct cJSON *cmp);
void tracking_render_html(struct buf *out, const struct cJSON *cmp);
void tracking_render_text(struct buf *out, const struct cJSON *cmp,
			  int use_color);

#endif
