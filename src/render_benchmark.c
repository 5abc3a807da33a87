/*
 * render_benchmark.c - where a report's scores stand among the companies
 * at its stage in a benchmark (report --benchmark), in every format: "above
 * 58% of the 12 seed-stage companies in this benchmark".  Nothing is added
 * to a report without a benchmark.  The method is in benchmark.h.
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "benchmark.h"
#include "escape.h"
#include "render.h"
#include "term.h"
#include "util.h"

#define TEXT_NAME_MAX 36   /* as the summary's area bars */

/* One line of the comparison: the overall (area NULL) or an area. */
struct placed {
	const char *title;
	const char *id;        /* NULL for the overall */
	double score;
	struct benchmark_place place;
};

/*
 * The scores of r that the benchmark can place, overall first (caller
 * frees); *n is their count.  Returns NULL when nothing can be placed.
 */
static struct placed *place_all(const struct report *r, size_t *n)
{
	const struct score_result *s = &r->score;
	struct placed *p = xcalloc(s->nareas + 1, sizeof(*p));
	size_t i;

	*n = 0;
	if (s->stage && s->has_score && s->enough_information &&
	    benchmark_place(r->benchmark, r->questionnaire->id, s->stage,
			    NULL, s->score, &p[*n].place) == 0) {
		p[*n].title = "Overall";
		p[(*n)++].score = s->score;
	}
	for (i = 0; s->stage && i < s->nareas; i++) {
		const struct area_score *as = &s->areas[i];

		if (!as->has_score || !as->enough_information ||
		    benchmark_place(r->benchmark, r->questionnaire->id,
				    s->stage, as->area->id, as->score,
				    &p[*n].place) < 0)
			continue;
		p[*n].title = as->area->title;
		p[*n].id = as->area->id;
		p[(*n)++].score = as->score;
	}
	return p;
}

/* "above 58% of the 12 seed-stage companies in this benchmark"; raw. */
static void place_words(struct buf *out, const struct report *r,
			const struct benchmark_place *place)
{
	if (place->below == place->companies)
		buf_addf(out, "above all %zu", place->companies);
	else if (!place->below)
		buf_addf(out, "above none of the %zu", place->companies);
	else
		buf_addf(out, "above %d%% of the %zu", place->percent,
			 place->companies);
	buf_addf(out, " %s-stage companies in this benchmark",
		 r->score.stage);
}

/* The paragraph before the lines, or why nothing is compared; raw. */
static void intro_words(struct buf *out, const struct report *r, size_t n)
{
	const struct score_result *s = &r->score;
	const struct benchmark_group *g = s->stage ?
		benchmark_find(r->benchmark, r->questionnaire->id, s->stage) :
		NULL;

	if (!s->stage) {
		buf_adds(out, "The company's stage is not known, so it is "
			 "compared with no one.");
		return;
	}
	if (!n) {
		buf_addf(out, "The benchmark has fewer than %d %s-stage "
			 "companies with a score for questionnaire %s: no "
			 "comparison is made, so that no company can be "
			 "recognised.", BENCHMARK_MIN_COMPANIES, s->stage,
			 r->questionnaire->id);
		return;
	}
	buf_addf(out, "The scores of the %zu %s-stage companies of "
		 "questionnaire %s in %s: a score is above N%% of them when "
		 "N%% of their scores are lower. Nothing is said where fewer "
		 "than %d companies have a score.", g ? g->companies : 0,
		 s->stage, r->questionnaire->id, r->benchmark->source ?
		 r->benchmark->source : "this benchmark",
		 BENCHMARK_MIN_COMPANIES);
}

/* "Security 61.0: above 75% of the 11 ..."; raw. */
static void line_words(struct buf *out, const struct report *r,
		       const struct placed *p)
{
	buf_addf(out, "%s %.1f: ", p->title, p->score);
	place_words(out, r, &p->place);
}

void render_benchmark_markdown(struct buf *out, const struct report *r)
{
	struct buf text = BUF_INIT;
	struct placed *p;
	size_t i, n;

	if (!r->benchmark)
		return;
	p = place_all(r, &n);
	buf_adds(out, "## Against the benchmark\n\n");
	intro_words(&text, r, n);
	escape_markdown_block(out, text.data);
	buf_adds(out, "\n\n");
	for (i = 0; i < n; i++) {
		buf_reset(&text);
		line_words(&text, r, &p[i]);
		buf_adds(out, "- ");
		escape_markdown(out, text.data);
		buf_addc(out, '\n');
	}
	if (n)
		buf_addc(out, '\n');
	buf_release(&text);
	free(p);
}

void render_benchmark_html(struct buf *out, const struct report *r)
{
	struct buf text = BUF_INIT;
	struct placed *p;
	size_t i, n;

	if (!r->benchmark)
		return;
	p = place_all(r, &n);
	buf_adds(out, "<section id=\"benchmark\">\n<h2>Against the benchmark"
		 "</h2>\n<p>");
	intro_words(&text, r, n);
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n");
	if (n)
		buf_adds(out, "<ul>\n");
	for (i = 0; i < n; i++) {
		buf_reset(&text);
		line_words(&text, r, &p[i]);
		buf_adds(out, "<li>");
		escape_html(out, text.data, 0);
		buf_adds(out, "</li>\n");
	}
	buf_adds(out, n ? "</ul>\n</section>\n" : "</section>\n");
	buf_release(&text);
	free(p);
}

/* "above 14% of 7", the short form of the terminal; raw. */
static void short_words(struct buf *out, const struct benchmark_place *place)
{
	if (place->below == place->companies)
		buf_addf(out, "above all %zu", place->companies);
	else if (!place->below)
		buf_addf(out, "above none of %zu", place->companies);
	else
		buf_addf(out, "above %d%% of %zu", place->percent,
			 place->companies);
}

void render_benchmark_text(struct buf *out, const struct report *r,
			   size_t width)
{
	struct buf text = BUF_INIT;
	struct placed *p;
	size_t i, n, used, name = 10;

	if (!r->benchmark)
		return;
	p = place_all(r, &n);
	if (!n) {
		buf_adds(out, "\nAgainst the benchmark:\n");
		intro_words(&text, r, n);
		term_wrap(out, text.data, width, 2);
	} else {
		buf_addf(&text, "\nAgainst the benchmark (%s-stage companies "
			 "scoring lower):\n", r->score.stage);
		term_sanitize(out, text.data, 1);
	}
	for (i = 0; i < n; i++)
		if (term_text_width(p[i].title) > name)
			name = term_text_width(p[i].title);
	if (name > TEXT_NAME_MAX)
		name = TEXT_NAME_MAX;
	for (i = 0; i < n; i++) {
		buf_adds(out, "  ");
		used = term_truncate(out, p[i].title, name);
		buf_addn(out, ' ', name - used);
		buf_addf(out, " %5.1f  ", p[i].score);
		buf_reset(&text);
		short_words(&text, &p[i].place);
		buf_adds(out, text.data);
		buf_addc(out, '\n');
	}
	buf_release(&text);
	free(p);
}

static cJSON *place_json(const struct benchmark_place *place)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "companies", (double)place->companies);
	cJSON_AddNumberToObject(o, "below", (double)place->below);
	cJSON_AddNumberToObject(o, "above_percent", place->percent);
	return o;
}

void render_benchmark_json(cJSON *root, const struct report *r)
{
	const struct score_result *s = &r->score;
	cJSON *o, *areas, *area;
	struct buf text = BUF_INIT;
	struct placed *p;
	size_t i, n;

	if (!r->benchmark)
		return;
	p = place_all(r, &n);
	o = cJSON_AddObjectToObject(root, "benchmark");
	escape_clean(&text, r->benchmark->source ? r->benchmark->source : "",
		     0);
	cJSON_AddStringToObject(o, "source", text.data);
	cJSON_AddNumberToObject(o, "minimum", BENCHMARK_MIN_COMPANIES);
	if (s->stage)
		cJSON_AddStringToObject(o, "stage", s->stage);
	else
		cJSON_AddNullToObject(o, "stage");
	if (n && !p[0].id)
		cJSON_AddItemToObject(o, "overall", place_json(&p[0].place));
	else
		cJSON_AddNullToObject(o, "overall");
	areas = cJSON_AddArrayToObject(o, "areas");
	for (i = 0; i < n; i++) {
		if (!p[i].id)
			continue;
		area = place_json(&p[i].place);
		cJSON_AddStringToObject(area, "id", p[i].id);
		cJSON_AddItemToArray(areas, area);
	}
	buf_release(&text);
	free(p);
}
