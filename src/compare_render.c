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
#include "version.h"

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

/* "3 high, 16 medium and 40 low" from a risk counts object; "none". */
static void add_risk_counts(struct buf *out, const cJSON *counts)
{
	static const char *const levels[] = { "critical", "high", "medium",
					      "low" };
	size_t i, n = 0, shown = 0;
	double v;

	for (i = 0; i < ARRAY_SIZE(levels); i++)
		n += get_num(counts, levels[i], &v) && v > 0;
	for (i = 0; i < ARRAY_SIZE(levels); i++) {
		if (!get_num(counts, levels[i], &v) || v <= 0)
			continue;
		shown++;
		buf_addf(out, "%s%.0f %s", shown == 1 ? "" :
			 shown == n ? " and " : ", ", v, levels[i]);
	}
	if (!n)
		buf_adds(out, "none");
}

/* "Open risks: 3 high and 16 medium, now 1 high and 12 medium." */
static void add_risks_line(struct buf *out, const cJSON *cmp)
{
	const cJSON *overall = get(cmp, "overall");

	buf_adds(out, "Open risks: ");
	add_risk_counts(out, get(overall, "old_risks"));
	buf_adds(out, " before; ");
	add_risk_counts(out, get(overall, "new_risks"));
	buf_adds(out, " now.");
}

/* "risk high -> medium", "high risk", or nothing. */
static void add_risk_change(struct buf *out, const cJSON *f,
			    const char *arrow)
{
	const char *old_risk = get_str(f, "old_risk");
	const char *new_risk = get_str(f, "new_risk");

	if (old_risk && new_risk && strcmp(old_risk, new_risk))
		buf_addf(out, "risk %s %s %s", old_risk, arrow, new_risk);
	else if (new_risk || old_risk)
		buf_addf(out, "%s risk", new_risk ? new_risk : old_risk);
}

/* The number of assessments in the trend (2 without one). */
static int trend_count(const cJSON *cmp)
{
	int n = cJSON_GetArraySize(get(cmp, "assessments"));

	return n < 2 ? 2 : n;
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
		if (old_risk || new_risk) {
			buf_adds(out, ": ");
			add_risk_change(out, f, "->");
		}
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

/* The cells of one row of the trend, and the end of the row. */
static void md_trend_cells(struct buf *out, const cJSON *scores)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, scores) {
		if (cJSON_IsNumber(v))
			buf_addf(out, " %.1f |", v->valuedouble);
		else
			buf_adds(out, " n/a |");
	}
	buf_addc(out, '\n');
}

/* The trend over more than two assessments: one column each. */
static void md_trend(struct buf *out, const cJSON *cmp)
{
	const cJSON *a, *area;

	if (trend_count(cmp) < 3)
		return;
	buf_addf(out, "## Trend over %d assessments\n\n| Area |",
		 trend_count(cmp));
	cJSON_ArrayForEach(a, get(cmp, "assessments")) {
		buf_adds(out, " ");
		escape_markdown(out, get_str(a, "assessment_date") ?
				      get_str(a, "assessment_date") : "?");
		buf_adds(out, " |");
	}
	buf_adds(out, "\n|---|");
	cJSON_ArrayForEach(a, get(cmp, "assessments"))
		buf_adds(out, "---:|");
	buf_adds(out, "\n| **Overall** |");
	md_trend_cells(out, get(get(cmp, "trend"), "overall"));
	cJSON_ArrayForEach(area, get(get(cmp, "trend"), "areas")) {
		buf_adds(out, "| ");
		escape_markdown(out, get_str(area, "title") ?
				      get_str(area, "title") : "");
		buf_adds(out, " |");
		md_trend_cells(out, get(area, "scores"));
	}
	buf_addc(out, '\n');
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
	md_trend(out, cmp);
	md_scores(out, cmp);
	add_risks_line(out, cmp);
	buf_adds(out, "\n\n");
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
	escape_clean(out, get_str(f, "area_title") ?
			  get_str(f, "area_title") : "", 0);
	if (get_str(f, "old_risk") || get_str(f, "new_risk")) {
		buf_adds(out, ", ");
		add_risk_change(out, f, "->");
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

/* "  2026-01-10": one assessment's column of the trend. */
#define CMP_TREND_COLUMN 12
#define CMP_TREND_NAME_MIN 14

/* A row of the trend: the name wrapped in its column, the scores shown. */
static void text_trend_row(struct cmp_text *t, const char *title,
			   const cJSON *scores, size_t first)
{
	struct buf name = BUF_INIT, cell = BUF_INIT;
	char *line, *next;
	size_t i;

	term_wrap(&name, title, t->name_width, 0);
	for (line = name.data; *line; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		buf_addf(t->out, "  %s", line);
		if (line != name.data) {
			buf_addc(t->out, '\n');
			continue;
		}
		buf_addn(t->out, ' ', t->name_width - term_text_width(line));
		for (i = first; i < (size_t)cJSON_GetArraySize(scores); i++) {
			const cJSON *v = cJSON_GetArrayItem(scores, (int)i);

			buf_reset(&cell);
			if (cJSON_IsNumber(v))
				buf_addf(&cell, "%.1f", v->valuedouble);
			else
				buf_adds(&cell, "n/a");
			buf_addf(t->out, "%*s", CMP_TREND_COLUMN, cell.data);
		}
		buf_addc(t->out, '\n');
	}
	buf_release(&name);
	buf_release(&cell);
}

/*
 * The trend over more than two assessments, a column each: as many of the
 * latest as the width holds beside names of CMP_TREND_NAME_MIN columns.
 */
static void text_trend(struct cmp_text *t, const cJSON *cmp)
{
	size_t n = (size_t)trend_count(cmp), fit, first, i, names = 7;
	size_t saved = t->name_width;
	const cJSON *area, *list = get(cmp, "assessments");
	struct buf line = BUF_INIT;

	if (n < 3)
		return;
	fit = (t->width - 2 - CMP_TREND_NAME_MIN) / CMP_TREND_COLUMN;
	fit = fit < 2 ? 2 : fit;
	first = n > fit ? n - fit : 0;
	cJSON_ArrayForEach(area, get(get(cmp, "trend"), "areas")) {
		size_t w = term_text_width(get_str(area, "title") ?
					   get_str(area, "title") : "");

		names = w > names ? w : names;
	}
	t->name_width = t->width - 2 - (n - first) * CMP_TREND_COLUMN;
	t->name_width = names < t->name_width ? names : t->name_width;
	buf_addf(&line, "Trend over %zu assessments", n);
	if (first)
		buf_addf(&line, " (the first %zu are left out to fit the width; "
			 "-f md, json or html shows every one)", first);
	text_para(t, "", t->style.bold, line.data, 0);
	buf_addn(t->out, ' ', 2 + t->name_width);
	for (i = first; i < n; i++) {
		const char *date = get_str(cJSON_GetArrayItem(list, (int)i),
					   "assessment_date");

		buf_addf(t->out, "%*s", CMP_TREND_COLUMN, date ? date : "?");
	}
	buf_addc(t->out, '\n');
	text_trend_row(t, "Overall", get(get(cmp, "trend"), "overall"), first);
	cJSON_ArrayForEach(area, get(get(cmp, "trend"), "areas"))
		text_trend_row(t, get_str(area, "title") ?
			       get_str(area, "title") : "",
			       get(area, "scores"), first);
	buf_addc(t->out, '\n');
	t->name_width = saved;
	buf_release(&line);
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
	struct buf risks = BUF_INIT;

	t.out = out;
	t.width = o->width < 40 ? 40 : o->width;
	term_style_init(&t.style, o->use_color);
	text_layout(&t, cmp);
	text_header(&t, cmp);
	text_trend(&t, cmp);
	text_row(&t, "Overall", get(cmp, "overall"));
	cJSON_ArrayForEach(area, get(cmp, "areas"))
		text_row(&t, get_str(area, "title") ? get_str(area, "title")
						    : "", area);
	buf_reset(&risks);
	add_risks_line(&risks, cmp);
	buf_addc(out, '\n');
	text_para(&t, "", "", risks.data, 0);
	text_findings(&t, cmp, "resolved", "Resolved");
	text_findings(&t, cmp, "new", "New");
	text_findings(&t, cmp, "open", "Still open");
	if (cJSON_GetArraySize(findings_list(cmp, "no_longer_applies")))
		text_findings(&t, cmp, "no_longer_applies",
			      "No longer applies");
	text_answers(&t, cmp);
	text_unmatched(&t, cmp);
	tracking_render_text(out, cmp, o->use_color);
	buf_release(&risks);
}

/* ---- HTML ---------------------------------------------------------------- */

/* What the progress page adds to the report's stylesheet. */
static const char html_compare_style[] =
	"ul.changes{padding-left:1.2em}ul.changes li{margin:0 0 6px}\n"
	"svg.bars,svg.spark{display:block}\n"
	"td.up{color:var(--good)}td.down{color:var(--bad)}\n";

static void html_text(struct buf *out, const char *s)
{
	escape_html(out, s ? s : "", 0);
}

/* A number cell: the score, or n/a. */
static void html_score_cell(struct buf *out, const cJSON *o, const char *key)
{
	buf_adds(out, "<td class=\"num\">");
	add_score(out, o, key);
	buf_adds(out, "</td>");
}

/* Before (grey) and now (coloured) as two bars, the target as a line. */
static void html_bars(struct buf *out, const cJSON *o)
{
	double before = 0, now = 0, target = 0;
	int has_before = get_num(o, "old", &before);
	int has_now = get_num(o, "new", &now);
	int has_target = get_num(o, "target", &target);

	buf_adds(out, "<svg class=\"bars\" width=\"200\" height=\"26\" "
		 "viewBox=\"0 0 200 26\" role=\"img\" aria-label=\"before ");
	add_score(out, o, "old");
	buf_adds(out, ", now ");
	add_score(out, o, "new");
	buf_adds(out, "\"><rect x=\"0\" y=\"2\" width=\"200\" height=\"22\" "
		 "fill=\"#f5f7fa\"/>");
	if (has_before)
		buf_addf(out, "<rect x=\"0\" y=\"3\" width=\"%.1f\" "
			 "height=\"8\" fill=\"#b8c4d6\"/>",
			 fmax(0, fmin(100, before)) * 2);
	if (has_now)
		buf_addf(out, "<rect x=\"0\" y=\"14\" width=\"%.1f\" "
			 "height=\"8\" fill=\"%s\"/>",
			 fmax(0, fmin(100, now)) * 2,
			 has_target && now < target ? "#b26a00" : "#2e7d32");
	if (has_target)
		buf_addf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" "
			 "y2=\"26\" stroke=\"#1d2430\" stroke-width=\"2\"/>",
			 fmax(1, fmin(99, target)) * 2,
			 fmax(1, fmin(99, target)) * 2);
	buf_adds(out, "</svg>");
}

static void html_score_row(struct buf *out, const char *title,
			   const cJSON *o, int strong)
{
	double delta = 0;

	buf_adds(out, "<tr><td>");
	buf_adds(out, strong ? "<strong>" : "");
	html_text(out, title);
	buf_adds(out, strong ? "</strong>" : "");
	buf_adds(out, "</td>");
	html_score_cell(out, o, "old");
	html_score_cell(out, o, "new");
	get_num(o, "delta", &delta);
	buf_addf(out, "<td class=\"num%s\">", delta > 0 ? " up" :
		 delta < 0 ? " down" : "");
	add_delta(out, o);
	buf_adds(out, "</td>");
	html_score_cell(out, o, "target");
	buf_adds(out, "<td>");
	html_bars(out, o);
	buf_adds(out, "</td></tr>\n");
}

static void html_scores(struct buf *out, const cJSON *cmp)
{
	const cJSON *area;
	struct buf risks = BUF_INIT;

	buf_adds(out, "<section>\n<h2>Scores</h2>\n<p class=\"legend\">Grey: "
		 "before; coloured: now; the line: the target for the "
		 "company's stage.</p>\n<div class=\"table\"><table>\n"
		 "<thead><tr><th>Area</th><th class=\"num\">Before</th>"
		 "<th class=\"num\">Now</th><th class=\"num\">Change</th>"
		 "<th class=\"num\">Target</th><th>Before and now</th></tr>"
		 "</thead>\n<tbody>\n");
	html_score_row(out, "Overall", get(cmp, "overall"), 1);
	cJSON_ArrayForEach(area, get(cmp, "areas"))
		html_score_row(out, get_str(area, "title"), area, 0);
	buf_adds(out, "</tbody>\n</table></div>\n<p>");
	add_risks_line(&risks, cmp);
	html_text(out, risks.data);
	buf_adds(out, "</p>\n</section>\n");
	buf_release(&risks);
}

/* A small line of one row's scores over the assessments (0 to 100). */
static void html_sparkline(struct buf *out, const cJSON *scores)
{
	int n = cJSON_GetArraySize(scores), i, drawn = 0;
	const cJSON *v;

	buf_adds(out, "<svg class=\"spark\" width=\"120\" height=\"28\" "
		 "viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"the score "
		 "over time\"><polyline fill=\"none\" stroke=\"#1f5fbf\" "
		 "stroke-width=\"2\" points=\"");
	for (i = 0; i < n; i++) {
		v = cJSON_GetArrayItem(scores, i);
		if (!cJSON_IsNumber(v))
			continue;
		buf_addf(out, "%s%.1f,%.1f", drawn++ ? " " : "",
			 n > 1 ? 4 + 112.0 * i / (n - 1) : 60.0,
			 26 - fmax(0, fmin(100, v->valuedouble)) * 0.24);
	}
	buf_adds(out, "\"/></svg>");
}

static void html_trend_row(struct buf *out, const char *title,
			   const cJSON *scores, int strong)
{
	const cJSON *v;

	buf_adds(out, "<tr><td>");
	buf_adds(out, strong ? "<strong>" : "");
	html_text(out, title);
	buf_adds(out, strong ? "</strong>" : "");
	buf_adds(out, "</td>");
	cJSON_ArrayForEach(v, scores) {
		if (cJSON_IsNumber(v))
			buf_addf(out, "<td class=\"num\">%.1f</td>",
				 v->valuedouble);
		else
			buf_adds(out, "<td class=\"num\">n/a</td>");
	}
	buf_adds(out, "<td>");
	html_sparkline(out, scores);
	buf_adds(out, "</td></tr>\n");
}

static void html_trend(struct buf *out, const cJSON *cmp)
{
	const cJSON *a, *area, *trend = get(cmp, "trend");

	if (trend_count(cmp) < 3)
		return;
	buf_addf(out, "<section>\n<h2>Trend over %d assessments</h2>\n"
		 "<div class=\"table\"><table>\n<thead><tr><th>Area</th>",
		 trend_count(cmp));
	cJSON_ArrayForEach(a, get(cmp, "assessments")) {
		buf_adds(out, "<th class=\"num\">");
		html_text(out, get_str(a, "assessment_date"));
		buf_adds(out, "</th>");
	}
	buf_adds(out, "<th>Trend</th></tr></thead>\n<tbody>\n");
	html_trend_row(out, "Overall", get(trend, "overall"), 1);
	cJSON_ArrayForEach(area, get(trend, "areas"))
		html_trend_row(out, get_str(area, "title"),
			       get(area, "scores"), 0);
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_findings(struct buf *out, const cJSON *cmp,
			  const char *which, const char *title)
{
	const cJSON *list = findings_list(cmp, which), *f;
	struct buf meta = BUF_INIT;

	buf_addf(out, "<section>\n<h2>%s (%d)</h2>\n", title,
		 cJSON_GetArraySize(list));
	if (!cJSON_GetArraySize(list)) {
		buf_adds(out, "<p class=\"muted\">None.</p>\n</section>\n");
		return;
	}
	buf_adds(out, "<ul class=\"changes\">\n");
	cJSON_ArrayForEach(f, list) {
		buf_reset(&meta);
		add_finding_meta(&meta, f);
		buf_adds(out, "<li><span class=\"label\">");
		html_text(out, get_str(f, "question"));
		buf_adds(out, "</span> <span class=\"muted\">(");
		html_text(out, meta.data);
		buf_adds(out, ")</span></li>\n");
	}
	buf_adds(out, "</ul>\n</section>\n");
	buf_release(&meta);
}

static void html_answers(struct buf *out, const cJSON *cmp)
{
	const cJSON *list = get(cmp, "answers_changed"), *a;

	buf_addf(out, "<section>\n<h2>Answers that changed (%d)</h2>\n",
		 cJSON_GetArraySize(list));
	if (!cJSON_GetArraySize(list)) {
		buf_adds(out, "<p class=\"muted\">None.</p>\n</section>\n");
		return;
	}
	buf_adds(out, "<div class=\"table\"><table>\n<thead><tr><th>"
		 "Question</th><th>Before</th><th>Now</th></tr></thead>\n"
		 "<tbody>\n");
	cJSON_ArrayForEach(a, list) {
		buf_adds(out, "<tr><td>");
		html_text(out, get_str(a, "question"));
		buf_adds(out, "</td><td>");
		html_text(out, get_str(a, "old") ? get_str(a, "old")
						  : "Not asked");
		buf_adds(out, "</td><td>");
		html_text(out, get_str(a, "new") ? get_str(a, "new")
						  : "Not asked");
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_unmatched(struct buf *out, const cJSON *cmp)
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
	buf_adds(out, "<section>\n<h2>Questions that could not be matched"
		 "</h2>\n<p>The questionnaire changed between the two "
		 "assessments.</p>\n");
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		if (!cJSON_GetArraySize(get(u, keys[i])))
			continue;
		buf_addf(out, "<h3>%s</h3>\n<ul class=\"changes\">\n",
			 titles[i]);
		cJSON_ArrayForEach(q, get(u, keys[i])) {
			buf_adds(out, "<li>");
			html_text(out, get_str(q, "question"));
			buf_adds(out, " <span class=\"muted\">(");
			html_text(out, get_str(q, "id"));
			buf_adds(out, ")</span></li>\n");
		}
		buf_adds(out, "</ul>\n");
	}
	buf_adds(out, "</section>\n");
}

/* "2026-11-20 (cto-readiness version 2.1)" for one side. */
static void html_side(struct buf *out, const char *term, const cJSON *side)
{
	const cJSON *q = get(side, "questionnaire");
	struct buf text = BUF_INIT;

	buf_addf(&text, "%s (%s version %s)",
		 get_str(side, "assessment_date") ?
		 get_str(side, "assessment_date") : "unknown date",
		 get_str(q, "id") ? get_str(q, "id") : "?",
		 get_str(q, "version") ? get_str(q, "version") : "?");
	buf_addf(out, "<dt>%s</dt><dd>", term);
	html_text(out, text.data);
	buf_adds(out, "</dd>\n");
	buf_release(&text);
}

static void compare_html(struct buf *out, const cJSON *cmp,
			 const struct render_options *o)
{
	const char *company = get_str(get(cmp, "new"), "company");

	(void)o;
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"cto-assess "
		 CTO_ASSESS_VERSION "\">\n<title>Progress report: ");
	html_text(out, company ? company : "Your company");
	buf_adds(out, "</title>\n<style>\n");
	render_html_style(out);
	buf_adds(out, html_compare_style);
	buf_adds(out, "</style>\n</head>\n<body>\n<main>\n<header "
		 "class=\"cover\">\n<p class=\"eyebrow\">Progress report</p>"
		 "\n<h1>");
	html_text(out, company ? company : "Your company");
	buf_adds(out, "</h1>\n<dl class=\"meta\">\n");
	html_side(out, "From", get(cmp, "old"));
	html_side(out, "To", get(cmp, "new"));
	buf_addf(out, "<dt>Assessments</dt><dd>%d</dd>\n</dl>\n</header>\n",
		 trend_count(cmp));
	if (cJSON_IsTrue(get(cmp, "questionnaire_changed")))
		buf_adds(out, "<p class=\"notice\">The questionnaire changed "
			 "between them: questions are matched by id, and what "
			 "cannot be matched is listed at the end.</p>\n");
	html_trend(out, cmp);
	html_scores(out, cmp);
	html_findings(out, cmp, "resolved", "Findings resolved");
	html_findings(out, cmp, "new", "New findings");
	html_findings(out, cmp, "open", "Findings still open");
	if (cJSON_GetArraySize(findings_list(cmp, "no_longer_applies")))
		html_findings(out, cmp, "no_longer_applies",
			      "Findings that no longer apply");
	html_answers(out, cmp);
	html_unmatched(out, cmp);
	tracking_render_html(out, cmp);
	buf_adds(out, "<footer>Generated by cto-assess " CTO_ASSESS_VERSION
		 ".</footer>\n</main>\n</body>\n</html>\n");
}

/* ---- the formats ------------------------------------------------------------ */

/* A new format is a row here and its renderer above. */
static const struct compare_format formats[] = {
	{ "text", NULL, { ".txt" }, compare_text },
	{ "md", "markdown", { ".md", ".markdown" }, compare_markdown },
	{ "json", NULL, { ".json" }, compare_json },
	{ "html", NULL, { ".html", ".htm" }, compare_html },
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
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (path_has_extension(path, formats[i].extensions,
				       ARRAY_SIZE(formats[i].extensions)))
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
