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

static void compare_json(struct buf *out, const cJSON *cmp,
			const struct render_options *o)
{
	char *text = cJSON_Print(cmp);

	(void)o;
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

static void compare_markdown(struct buf *out, const cJSON *cmp,
			    const struct render_options *o)
{
	const char *company = get_str(get(cmp, "new"), "company");

	(void)o;
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
}

/* ---- terminal ------------------------------------------------------------ */

/*
 * The terminal summary fits the width: the score table's area names wrap
 * in their column, every other line wraps under itself.  Nothing is cut.
 */
struct cmp_text {
	struct buf *out;
	struct term_style style;
	size_t width;
	size_t name_width;  /* the score table's first column */
};

/* Appends text wrapped to the width, lines after the first at indent,
 * the first after first (trusted, as wide as indent), in color. */
static void text_para(struct cmp_text *t, const char *first,
		      const char *color, const char *text, size_t indent)
{
	struct buf wrapped = BUF_INIT;

	term_wrap(&wrapped, text, t->width, indent);
	buf_addf(t->out, "%s%s", first, color);
	buf_add(t->out, wrapped.data + indent, wrapped.len - indent - 1);
	buf_addf(t->out, "%s\n", *color ? t->style.reset : "");
	buf_release(&wrapped);
}

/* " 100.0 -> 100.0  +100.0": the scores after a name, at most 23. */
#define CMP_SCORES_WIDTH 23

static void text_scores(struct cmp_text *t, const cJSON *o)
{
	struct buf cell = BUF_INIT;
	double delta = 0;

	add_score(&cell, o, "old");
	buf_addf(t->out, " %s -> ", cell.data);
	buf_reset(&cell);
	add_score(&cell, o, "new");
	buf_addf(t->out, "%s  ", cell.data);
	get_num(o, "delta", &delta);
	buf_adds(t->out, delta > 0 ? t->style.green :
			 delta < 0 ? t->style.red : "");
	buf_reset(&cell);
	add_delta(&cell, o);
	buf_addf(t->out, "%s%s\n", cell.data, t->style.reset);
	buf_release(&cell);
}

/* A row of the score table: the name wrapped in its column. */
static void text_row(struct cmp_text *t, const char *title, const cJSON *o)
{
	struct buf name = BUF_INIT;
	char *line, *next;

	term_wrap(&name, title, t->name_width, 0);
	for (line = name.data; *line; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		buf_addf(t->out, "  %s", line);
		if (line == name.data) {
			buf_addn(t->out, ' ', t->name_width -
				 term_text_width(line));
			text_scores(t, o);
		} else {
			buf_addc(t->out, '\n');
		}
	}
	buf_release(&name);
}

/* The score table's name column: the longest title that fits. */
static void text_layout(struct cmp_text *t, const cJSON *cmp)
{
	const cJSON *area;
	size_t longest = strlen("Overall"), room;

	cJSON_ArrayForEach(area, get(cmp, "areas")) {
		const char *title = get_str(area, "title");
		size_t w = title ? term_text_width(title) : 0;

		longest = w > longest ? w : longest;
	}
	room = t->width > CMP_SCORES_WIDTH + 2 + 12 ?
	       t->width - CMP_SCORES_WIDTH - 2 : 12;
	t->name_width = longest < room ? longest : room;
}

/* "high risk", "risk high -> medium", with the flags of the finding. */
static void add_finding_meta(struct buf *out, const cJSON *f)
{
	const char *old_risk = get_str(f, "old_risk");
	const char *new_risk = get_str(f, "new_risk");

	escape_clean(out, get_str(f, "area_title") ?
			  get_str(f, "area_title") : "", 0);
	if (old_risk && new_risk && strcmp(old_risk, new_risk)) {
		buf_adds(out, ", risk ");
		escape_clean(out, old_risk, 0);
		buf_adds(out, " -> ");
		escape_clean(out, new_risk, 0);
	} else if (new_risk || old_risk) {
		buf_adds(out, ", ");
		escape_clean(out, new_risk ? new_risk : old_risk, 0);
		buf_adds(out, " risk");
	}
	if (cJSON_IsTrue(get(f, "new_question")))
		buf_adds(out, ", new question");
	if (cJSON_IsTrue(get(f, "new_unknown")) &&
	    !cJSON_IsTrue(get(f, "old_unknown")))
		buf_adds(out, ", now unknown");
}

static void text_findings(struct cmp_text *t, const cJSON *cmp,
			  const char *which, const char *title)
{
	const cJSON *list = findings_list(cmp, which), *f;
	struct buf line = BUF_INIT;

	buf_addf(t->out, "\n%s%s (%d)%s\n", t->style.bold, title,
		 cJSON_GetArraySize(list), t->style.reset);
	cJSON_ArrayForEach(f, list) {
		buf_reset(&line);
		buf_adds(&line, get_str(f, "question") ?
				get_str(f, "question") : "");
		buf_adds(&line, " (");
		add_finding_meta(&line, f);
		buf_adds(&line, ")");
		text_para(t, "  - ", "", line.data, 4);
	}
	buf_release(&line);
}

static void text_answers(struct cmp_text *t, const cJSON *cmp)
{
	const cJSON *list = get(cmp, "answers_changed"), *a;
	struct buf line = BUF_INIT;

	buf_addf(t->out, "\n%sAnswers that changed (%d)%s\n", t->style.bold,
		 cJSON_GetArraySize(list), t->style.reset);
	cJSON_ArrayForEach(a, list) {
		text_para(t, "  - ", "", get_str(a, "question") ?
			  get_str(a, "question") : "", 4);
		buf_reset(&line);
		buf_addf(&line, "%s -> %s",
			 get_str(a, "old") ? get_str(a, "old") : "Not asked",
			 get_str(a, "new") ? get_str(a, "new") : "Not asked");
		text_para(t, "    ", t->style.dim, line.data, 4);
	}
	buf_release(&line);
}

static void text_unmatched_one(struct cmp_text *t, const char *when,
			       const cJSON *q)
{
	struct buf line = BUF_INIT;

	buf_addf(&line, "%s: %s (%s)", when,
		 get_str(q, "id") ? get_str(q, "id") : "",
		 get_str(q, "question") ? get_str(q, "question") : "");
	text_para(t, "  - ", "", line.data, 4);
	buf_release(&line);
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

static void text_header(struct cmp_text *t, const cJSON *cmp)
{
	const cJSON *old_side = get(cmp, "old"), *new_side = get(cmp, "new");
	struct buf line = BUF_INIT;
	const char *company = get_str(new_side, "company");

	buf_addf(&line, "Progress: %s", company ? company : "Your company");
	text_para(t, "", t->style.bold, line.data, 0);
	buf_reset(&line);
	buf_addf(&line, "%s -> %s", get_str(old_side, "assessment_date") ?
		 get_str(old_side, "assessment_date") : "",
		 get_str(new_side, "assessment_date") ?
		 get_str(new_side, "assessment_date") : "");
	if (cJSON_IsTrue(get(cmp, "questionnaire_changed")))
		buf_adds(&line, " (the questionnaire changed)");
	text_para(t, "", t->style.dim, line.data, 0);
	buf_addc(t->out, '\n');
	buf_release(&line);
}

static void compare_text(struct buf *out, const cJSON *cmp,
			const struct render_options *o)
{
	const cJSON *area;
	struct cmp_text t;

	t.out = out;
	t.width = o->width < 40 ? 40 : o->width;
	term_style_init(&t.style, o->use_color);
	text_layout(&t, cmp);
	text_header(&t, cmp);
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
}

/* ---- the formats ------------------------------------------------------------ */

/* A new format (say HTML) is a row here and its renderer above. */
static const struct compare_format formats[] = {
	{ "text", NULL, { ".txt" }, compare_text },
	{ "md", "markdown", { ".md", ".markdown" }, compare_markdown },
	{ "json", NULL, { ".json" }, compare_json },
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
