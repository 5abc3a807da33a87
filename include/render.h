/*
 * render.h - the renderers of the readiness report: Markdown, JSON, HTML,
 * CSV and the terminal summary.
 *
 * Every renderer has the one signature of the format table in
 * report_write.c: it
 * appends one complete document about a struct report (report.h) to a
 * caller-owned struct buf; none prints, exits or fails.  Every piece of
 * questionnaire or answer text is escaped for its context by the renderer
 * that writes it (escape_clean() first cleans it for all of them).
 */
#ifndef CTO_RENDER_H
#define CTO_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

struct cJSON;

/* How a document is shown; only the terminal summary reads them today. */
struct render_options {
	int use_color;
	int unicode;     /* block characters for bars, else ASCII */
	size_t width;    /* columns, at least 40 */
};

void render_markdown(struct buf *out, const struct report *r,
		     const struct render_options *o);
void render_json(struct buf *out, const struct report *r,
		 const struct render_options *o);
void render_html(struct buf *out, const struct report *r,
		 const struct render_options *o);
void render_csv(struct buf *out, const struct report *r,
		const struct render_options *o);
void render_text(struct buf *out, const struct report *r,
		 const struct render_options *o);

/* The report as a cJSON document (caller owns; cJSON_Delete). */
struct cJSON *report_to_json(const struct report *r);

/*
 * Helpers shared by the renderers (render_util.c).
 */

/* The paragraphs of the "Method" section, in plain text, one per entry,
 * NULL-terminated. */
extern const char *const render_method_text[];

/* Capitalised names ("High", "Low"). */
const char *render_risk_title(enum risk risk);
const char *render_effort_title(enum effort effort);

/* "Series A: ..." stage label, company name or a fallback, never NULL. */
const char *render_company(const struct report *r);

#endif
