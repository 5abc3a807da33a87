/*
 * list.h - a questionnaire rendered as an outline, a Markdown checklist or
 * JSON (schema "cto-assess/questionnaire/1").  Each appends to a
 * caller-owned buf; the questionnaire is only read.
 */
#ifndef CTO_LIST_H
#define CTO_LIST_H

#include "buf.h"
#include "model.h"

struct cJSON;

#define QUESTIONNAIRE_JSON_SCHEMA "cto-assess/questionnaire/1"

void list_render_text(struct buf *out, const struct questionnaire *q);
void list_render_markdown(struct buf *out, const struct questionnaire *q);
void list_render_json(struct buf *out, const struct questionnaire *q);

/* The questionnaire as a cJSON tree owned by the caller (cJSON_Delete). */
struct cJSON *questionnaire_to_json(const struct questionnaire *q);

#endif
