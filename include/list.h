/*
 * list.h - a questionnaire rendered as an outline, a Markdown checklist or
 * JSON (schema "cto-assess/questionnaire/1"), whole or as a preview of the
 * questions one company will be asked.  Each appends to a caller-owned
 * buf; the questionnaire and the view are only read.
 */
#ifndef CTO_LIST_H
#define CTO_LIST_H

#include "buf.h"
#include "model.h"

struct cJSON;

#define QUESTIONNAIRE_JSON_SCHEMA "cto-assess/questionnaire/1"

/*
 * What a listing shows: every question (state NULL), or a preview for one
 * company: state[i] is the enum progress_state of question i (progress.h),
 * questions ruled out are left out and those that depend on answers not
 * given yet are marked.  list_view_count() fills the counts.
 */
struct list_view {
	const struct questionnaire *q;
	const unsigned char *state; /* NULL, or one entry per question */
	size_t asked;               /* questions certainly asked */
	size_t open;                /* questions that may be asked */
	size_t width;               /* columns of the text outline; 0: 80 */
};

/* Sets view->asked and view->open from view->state (all asked without). */
void list_view_count(struct list_view *view);

void list_render_text(struct buf *out, const struct list_view *view);
void list_render_markdown(struct buf *out, const struct list_view *view);
void list_render_json(struct buf *out, const struct list_view *view);

/* The questionnaire as a cJSON tree owned by the caller (cJSON_Delete). */
struct cJSON *questionnaire_to_json(const struct list_view *view);

#endif
