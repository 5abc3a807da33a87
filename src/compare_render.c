/*
 * compare_render.c - the comparison of two assessments as JSON, Markdown or
 * a terminal summary.  The input is the document compare_build() made; its
 * strings came from files and are escaped for each format here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "compare.h"
#include "escape.h"
#include "term.h"
#include "tracking.h"
#include "util.h"

static const char *get_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int get_num(const cJSON *o, const char *key, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v))
		return 0;
	*out = v->valuedouble;
	return 1;
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const cJSON *findings_list(const cJSON *cmp, const char *which)
{
	return get(get(cmp, "findings"), which);
}

static void render_json(struct buf *out, const cJSON *cmp, int use_color)
{
	char *text = cJSON_Print(cmp);

	(void)use_color;
	if (!text)
		die(EXIT_NOMEM, "out of memory (printing JSON)");
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
}

/* "42.8", or "n/a" without a number. */
static void add_score(struct buf *out, const cJSON *o, const char *key)
{
	double v;

	if (get_num(o, key, &v))
		buf_addf(out, "%.1f", v);
	else
		buf_adds(out, "n/a");
}

/* "+12.2", "-3.0", "0.0" or "" without a delta. */
static void add_delta(struct buf *out, const cJSON *o)
{
	double v;

	if (!get_num(o, "delta", &v))
		return;
	if (v > 0)
		buf_addf(out, "+%.1f", v);
	else if (v < 0)
		buf_addf(out, "%.1f", v);
	else
		buf_adds(out, "0.0");
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_side(struct buf *out, const cJSON *side)
{
	const cJSON *q = get(side, "questionnaire");
	const char *date = get_str(side, "assessment_date");

	escape_markdown(out, date ? date : "unknown date");
	buf_adds(out, " (");
	escape_markdown(out, get_str(q, "id") ? get_str(q, "id") : "?");
	buf_adds(out, " version ");
	escape_markdown(out, get_str(q, "version") ? get_str(q, "version")
						    : "?");
	buf_adds(out, ")");
}

static void md_scores(struct buf *out, const cJSON *cmp)
{
	const cJSON *overall = get(cmp, "overall"), *area;

	buf_adds(out, "| Area | Before | Now | Change | Target |\n"
		 "|---|---:|---:|---:|---:|\n| **Overall** | ");
	add_score(out, overall, "old");
	buf_adds(out, " | ");
	add_score(out, overall, "new");
	buf_adds(out, " | ");
	add_delta(out, overall);
	buf_adds(out, " | ");
	add_score(out, overall, "target");
	buf_adds(out, " |\n");
	cJSON_ArrayForEach(area, get(cmp, "areas")) {
		buf_adds(out, "| ");
		escape_markdown(out, get_str(area, "title") ?
				      get_str(area, "title") : "");
		buf_adds(out, " | ");
		add_score(out, area, "old");
		buf_adds(out, " | ");
		add_score(out, area, "new");
		buf_adds(out, " | ");
		add_delta(out, area);
		buf_adds(out, " | ");
		add_score(out, area, "target");
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void md_finding_list(struct buf *out, const cJSON *cmp,
			    const char *which, const char *title)
{
	const cJSON *list = findings_list(cmp, which), *f;

	buf_addf(out, "## %s (%d)\n\n", title, cJSON_GetArraySize(list));
	if (!cJSON_GetArraySize(list))
		buf_adds(out, "None.\n");
	cJSON_ArrayForEach(f, list) {
		const char *old_risk = get_str(f, "old_risk");
		const char *new_risk = get_str(f, "new_risk");

		buf_adds(out, "- **");
		escape_markdown(out, get_str(f, "question") ?
				      get_str(f, "question") : "");
		buf_adds(out, "** (");
		escape_markdown(out, get_str(f, "area_title") ?
				      get_str(f, "area_title") : "");
		buf_adds(out, ")");
		if (old_risk && new_risk && strcmp(old_risk, new_risk))
			buf_addf(out, ": risk %s -> %s", old_risk, new_risk);
		else if (new_risk || old_risk)
			buf_addf(out, ": %s risk", new_risk ? new_risk : old_risk);
		if (cJSON_IsTrue(get(f, "new_question")))
			buf_adds(out, " (new question)");
		if (cJSON_IsTrue(get(f, "new_unknown")) &&
		    !cJSON_IsTrue(get(f, "old_unknown")))
			buf_adds(out, " (**now unknown**: no longer answered, "
				 "so counted at its worst risk)");
		buf_addc(out, '\n');
	}
	buf_addc(out, '\n');
}

static void md_answers(struct buf *out, const cJSON *cmp)
{
	const cJSON *list = get(cmp, "answers_changed"), *a;

	buf_addf(out, "## Answers that changed (%d)\n\n",
		 cJSON_GetArraySize(list));
	if (!cJSON_GetArraySize(list)) {
		buf_adds(out, "None.\n\n");
		return;
	}
	buf_adds(out, "| Question | Before | Now |\n|---|---|---|\n");
	cJSON_ArrayForEach(a, list) {
		buf_adds(out, "| ");
		escape_markdown(out, get_str(a, "question") ?
				      get_str(a, "question") : "");
		buf_adds(out, " | ");
		escape_markdown(out, get_str(a, "old") ? get_str(a, "old")
							: "Not asked");
		buf_adds(out, " | ");
		escape_markdown(out, get_str(a, "new") ? get_str(a, "new")
							: "Not asked");
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
}

static void md_unmatched(struct buf *out, const cJSON *cmp)
{
	static const char *const keys[] = { "old_only", "new_only" };
	static const char *const titles[] = {
		"Only in the earlier assessment", "Only in the later assessment"
	};
	const cJSON *u = get(cmp, "unmatched_questions"), *q;
	size_t i;

	if (!cJSON_GetArraySize(get(u, "old_only")) &&
	    !cJSON_GetArraySize(get(u, "new_only")))
		return;
	buf_adds(out, "## Questions that could not be matched\n\n"
		 "The questionnaire changed between the two assessments.\n\n");
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		if (!cJSON_GetArraySize(get(u, keys[i])))
			continue;
		buf_addf(out, "%s:\n\n", titles[i]);
		cJSON_ArrayForEach(q, get(u, keys[i])) {
			buf_adds(out, "- ");
			escape_markdown(out, get_str(q, "question") ?
					      get_str(q, "question") : "");
			buf_adds(out, " (");
			escape_markdown(out, get_str(q, "id") ?
					      get_str(q, "id") : "");
			buf_adds(out, ")\n");
		}
		buf_addc(out, '\n');
	}
}

static void render_markdown(struct buf *out, const cJSON *cmp,
			    int use_color)
{
	const char *company = get_str(get(cmp, "new"), "company");

	(void)use_color;
	buf_adds(out, "# Progress report: ");
	escape_markdown(out, company ? company : "Your company");
	buf_adds(out, "\n\nFrom ");
	md_side(out, get(cmp, "old"));
	buf_adds(out, " to ");
	md_side(out, get(cmp, "new"));
	buf_adds(out, ".\n\n");
	md_scores(out, cmp);
	md_finding_list(out, cmp, "resolved", "Findings resolved");
	md_finding_list(out, cmp, "new", "New findings");
	md_finding_list(out, cmp, "open", "Findings still open");
	if (cJSON_GetArraySize(findings_list(cmp, "no_longer_applies")))
		md_finding_list(out, cmp, "no_longer_applies",
				"Findings that no longer apply");
	md_answers(out, cmp);
	md_unmatched(out, cmp);
	tracking_render_markdown(out, cmp);
}

/* ---- terminal ------------------------------------------------------------ */

struct cmp_text {
	struct buf *out;
	struct term_style style;
};

static void text_str(struct buf *out, const char *s)
{
	escape_clean(out, s ? s : "", 0);
}

static void text_row(struct cmp_text *t, const char *title, const cJSON *o)
{
	double delta = 0;
	size_t start, width;

	buf_adds(t->out, "  ");
	start = t->out->len;
	term_truncate(t->out, title, 32);
	width = term_text_width(t->out->data + start);
	buf_addn(t->out, ' ', width < 34 ? 34 - width : 1);
	add_score(t->out, o, "old");
	buf_adds(t->out, " -> ");
	add_score(t->out, o, "new");
	buf_adds(t->out, "  ");
	get_num(o, "delta", &delta);
	buf_adds(t->out, delta > 0 ? t->style.green :
			 delta < 0 ? t->style.red : "");
	add_delta(t->out, o);
	buf_addf(t->out, "%s\n", t->style.reset);
}

static void text_findings(struct cmp_text *t, const cJSON *cmp,
			  const char *which, const char *title)
{
	const cJSON *list = findings_list(cmp, which), *f;

	buf_addf(t->out, "\n%s%s (%d)%s\n", t->style.bold, title,
		 cJSON_GetArraySize(list), t->style.reset);
	cJSON_ArrayForEach(f, list) {
		const char *risk = get_str(f, "new_risk");

		buf_adds(t->out, "  - ");
		term_truncate(t->out, get_str(f, "question") ?
				get_str(f, "question") : "", 70);
		buf_addf(t->out, "%s (", t->style.dim);
		text_str(t->out, get_str(f, "area_title"));
		if (risk || get_str(f, "old_risk")) {
			buf_adds(t->out, ", ");
			text_str(t->out, risk ? risk : get_str(f, "old_risk"));
			buf_adds(t->out, " risk");
		}
		if (cJSON_IsTrue(get(f, "new_question")))
			buf_adds(t->out, ", new question");
		if (cJSON_IsTrue(get(f, "new_unknown")) &&
		    !cJSON_IsTrue(get(f, "old_unknown")))
			buf_adds(t->out, ", now unknown");
		buf_addf(t->out, ")%s\n", t->style.reset);
	}
}

static void text_answers(struct cmp_text *t, const cJSON *cmp)
{
	const cJSON *list = get(cmp, "answers_changed"), *a;

	buf_addf(t->out, "\n%sAnswers that changed (%d)%s\n", t->style.bold,
		 cJSON_GetArraySize(list), t->style.reset);
	cJSON_ArrayForEach(a, list) {
		buf_adds(t->out, "  - ");
		term_truncate(t->out, get_str(a, "question") ?
				get_str(a, "question") : "", 70);
		buf_addf(t->out, "\n    %s", t->style.dim);
		term_truncate(t->out, get_str(a, "old") ? get_str(a, "old")
					: "Not asked", 34);
		buf_adds(t->out, " -> ");
		term_truncate(t->out, get_str(a, "new") ? get_str(a, "new")
					: "Not asked", 34);
		buf_addf(t->out, "%s\n", t->style.reset);
	}
}

static void text_unmatched_one(struct cmp_text *t, const char *when,
			       const cJSON *q)
{
	buf_addf(t->out, "  - %s: ", when);
	text_str(t->out, get_str(q, "id"));
	buf_addf(t->out, " %s(", t->style.dim);
	term_truncate(t->out, get_str(q, "question") ? get_str(q, "question")
						       : "", 60);
	buf_addf(t->out, ")%s\n", t->style.reset);
}

static void text_unmatched(struct cmp_text *t, const cJSON *cmp)
{
	const cJSON *u = get(cmp, "unmatched_questions"), *q;
	int nold = cJSON_GetArraySize(get(u, "old_only"));
	int nnew = cJSON_GetArraySize(get(u, "new_only"));

	if (!nold && !nnew)
		return;
	buf_addf(t->out, "\n%sNot matched (the questionnaire changed)%s\n",
		 t->style.bold, t->style.reset);
	cJSON_ArrayForEach(q, get(u, "old_only"))
		text_unmatched_one(t, "only before", q);
	cJSON_ArrayForEach(q, get(u, "new_only"))
		text_unmatched_one(t, "only now", q);
}

static void render_text(struct buf *out, const cJSON *cmp, int use_color)
{
	const cJSON *area, *old_side = get(cmp, "old"), *new_side = get(cmp, "new");
	struct cmp_text t;

	t.out = out;
	term_style_init(&t.style, use_color);
	buf_addf(out, "%sProgress: ", t.style.bold);
	text_str(out, get_str(new_side, "company") ?
		      get_str(new_side, "company") : "Your company");
	buf_addf(out, "%s\n%s", t.style.reset, t.style.dim);
	text_str(out, get_str(old_side, "assessment_date"));
	buf_adds(out, " -> ");
	text_str(out, get_str(new_side, "assessment_date"));
	if (cJSON_IsTrue(get(cmp, "questionnaire_changed")))
		buf_adds(out, " (the questionnaire changed)");
	buf_addf(out, "%s\n\n", t.style.reset);
	text_row(&t, "Overall", get(cmp, "overall"));
	cJSON_ArrayForEach(area, get(cmp, "areas"))
		text_row(&t, get_str(area, "title") ? get_str(area, "title")
						    : "", area);
	text_findings(&t, cmp, "resolved", "Resolved");
	text_findings(&t, cmp, "new", "New");
	text_findings(&t, cmp, "open", "Still open");
	if (cJSON_GetArraySize(findings_list(cmp, "no_longer_applies")))
		text_findings(&t, cmp, "no_longer_applies",
			      "No longer applies");
	text_answers(&t, cmp);
	text_unmatched(&t, cmp);
	tracking_render_text(out, cmp, use_color);
}

/* ---- the formats ------------------------------------------------------------ */

/* A new format (say HTML) is a row here and its renderer above. */
static const struct compare_format formats[] = {
	{ "text", NULL, { ".txt" }, render_text },
	{ "md", "markdown", { ".md", ".markdown" }, render_markdown },
	{ "json", NULL, { ".json" }, render_json },
};

const struct compare_format *compare_find_format(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name) ||
		    (formats[i].alias && !strcmp(name, formats[i].alias)))
			return &formats[i];
	return NULL;
}

const struct compare_format *compare_format_of_file(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	size_t i, j;

	for (i = 0; dot && i < ARRAY_SIZE(formats); i++)
		for (j = 0; j < ARRAY_SIZE(formats[i].extensions) &&
			    formats[i].extensions[j]; j++)
			if (!strcmp(dot, formats[i].extensions[j]))
				return &formats[i];
	return NULL;
}

void compare_format_names(struct buf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		buf_addf(out, "%s%s", i == 0 ? "" :
			 i + 1 < ARRAY_SIZE(formats) ? ", " : " or ",
			 formats[i].name);
}
