/*
 * portfolio_render.c - the portfolio in every format: an aligned table on
 * the terminal, a Markdown table, one self-contained HTML page with a heat
 * map of areas by company, CSV, and JSON ({"companies": [...]}, one object
 * per row).
 *
 * Every text in a row comes from a file someone else may have written: it
 * is escaped for its format here (term_truncate for the terminal, which
 * sanitises; escape_markdown, escape_html, escape_csv; escape_clean in
 * JSON).
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "escape.h"
#include "portfolio.h"
#include "term.h"
#include "util.h"
#include "version.h"

#define TEXT_COMPANY_MAX 24
#define TEXT_LEVEL_MAX 16
#define TEXT_AREA_MIN 6    /* "100.0*" */
#define TEXT_AREA_MAX 10

/* ---- words ------------------------------------------------------------ */

/* "3 companies, the latest assessment of each." */
static void summary_words(struct buf *out, const struct portfolio *p)
{
	buf_addf(out, "%zu %s", p->nrows, p->all ?
		 (p->nrows == 1 ? "assessment" : "assessments") :
		 (p->nrows == 1 ? "company" : "companies"));
	buf_adds(out, p->all ? ", every assessment of each company." :
		 ", the latest assessment of each.");
}

static const char *company_of(const struct portfolio_row *r)
{
	return r->company ? r->company : r->source;
}

/* A score with one decimal, or "-". */
static void add_score_text(struct buf *out, int has, double score)
{
	if (has)
		buf_addf(out, "%.1f", score);
	else
		buf_adds(out, "-");
}

/* Whether any area score of the rows lacks enough information. */
static int any_thin(const struct portfolio *p)
{
	size_t i, k;

	for (i = 0; i < p->nrows; i++)
		for (k = 0; k < p->rows[i].nscores; k++)
			if (!p->rows[i].scores[k].enough)
				return 1;
	return 0;
}

static const char thin_note[] =
	"* less than half of the area answered: not enough information";

/* ---- text ------------------------------------------------------------- */

/* The width of an area's column: its id, within bounds. */
static size_t area_width(const struct portfolio *p, size_t column)
{
	size_t w = term_text_width(p->columns[column].id);

	return w < TEXT_AREA_MIN ? TEXT_AREA_MIN :
	       w > TEXT_AREA_MAX ? TEXT_AREA_MAX : w;
}

/* s cut to width columns (sanitised), padded on the right or the left. */
static void text_cell(struct buf *out, const char *s, size_t width,
		      int right)
{
	struct buf cell = BUF_INIT;
	size_t used = term_truncate(&cell, s, width);

	if (right)
		buf_addn(out, ' ', width - used);
	buf_add(out, cell.data, cell.len);
	if (!right)
		buf_addn(out, ' ', width - used);
	buf_release(&cell);
}

static size_t widest(const struct portfolio *p, int company, size_t min,
		     size_t max)
{
	size_t i, w = min;

	for (i = 0; i < p->nrows; i++) {
		const char *s = company ? company_of(&p->rows[i]) :
				p->rows[i].level;
		size_t n = s ? term_text_width(s) : 1;

		if (n > w)
			w = n;
	}
	return w > max ? max : w;
}

static void text_row(struct buf *out, const struct portfolio *p,
		     const struct portfolio_row *r, size_t cw, size_t lw)
{
	struct buf cell = BUF_INIT;
	size_t k;

	text_cell(out, company_of(r), cw, 0);
	buf_addc(out, ' ');
	text_cell(out, r->stage ? r->stage : "-", 10, 0);
	buf_addc(out, ' ');
	text_cell(out, r->date, 10, 0);
	buf_addc(out, ' ');
	add_score_text(&cell, r->has_score, r->score);
	text_cell(out, cell.data, 5, 1);
	buf_adds(out, "  ");
	text_cell(out, r->level ? r->level : "-", lw, 0);
	buf_addf(out, " %4zu %4zu", r->critical, r->high);
	for (k = 0; k < p->ncolumns; k++) {
		const struct portfolio_score *s = portfolio_score(r,
								  p->order[k]);

		buf_reset(&cell);
		add_score_text(&cell, s != NULL, s ? s->score : 0);
		if (s && !s->enough)
			buf_addc(&cell, '*');
		buf_addc(out, ' ');
		text_cell(out, cell.data, area_width(p, p->order[k]), 1);
	}
	buf_addc(out, '\n');
	buf_release(&cell);
}

static void render_text(struct buf *out, const struct portfolio *p)
{
	size_t cw = widest(p, 1, 7, TEXT_COMPANY_MAX);
	size_t lw = widest(p, 0, 5, TEXT_LEVEL_MAX), i;

	buf_adds(out, "Portfolio: ");
	summary_words(out, p);
	buf_adds(out, "\n\n");
	text_cell(out, "Company", cw, 0);
	buf_adds(out, " Stage      Date       Score  ");
	text_cell(out, "Level", lw, 0);
	buf_adds(out, " Crit High");
	for (i = 0; i < p->ncolumns; i++) {
		buf_addc(out, ' ');
		text_cell(out, p->columns[p->order[i]].id,
			  area_width(p, p->order[i]), 1);
	}
	buf_addc(out, '\n');
	for (i = 0; i < p->nrows; i++)
		text_row(out, p, &p->rows[i], cw, lw);
	if (p->ncolumns)
		buf_adds(out, "\nAreas:\n");
	for (i = 0; i < p->ncolumns; i++) {
		buf_adds(out, "  ");
		text_cell(out, p->columns[p->order[i]].id, TEXT_AREA_MAX, 0);
		buf_adds(out, "  ");
		term_truncate(out, p->columns[p->order[i]].title, 66);
		buf_addc(out, '\n');
	}
	if (any_thin(p))
		buf_addf(out, "\n%s\n", thin_note);
}

/* ---- Markdown ---------------------------------------------------------- */

static void md_row(struct buf *out, const struct portfolio *p,
		   const struct portfolio_row *r)
{
	size_t k;

	buf_adds(out, "| ");
	escape_markdown(out, company_of(r));
	buf_adds(out, " | ");
	escape_markdown(out, r->stage ? r->stage : "-");
	buf_adds(out, " | ");
	escape_markdown(out, r->date);
	buf_adds(out, " | ");
	add_score_text(out, r->has_score, r->score);
	buf_adds(out, " | ");
	escape_markdown(out, r->level ? r->level : "-");
	buf_addf(out, " | %zu | %zu |", r->critical, r->high);
	for (k = 0; k < p->ncolumns; k++) {
		const struct portfolio_score *s = portfolio_score(r,
								  p->order[k]);

		buf_addc(out, ' ');
		add_score_text(out, s != NULL, s ? s->score : 0);
		buf_adds(out, s && !s->enough ? "\\* |" : " |");
	}
	buf_addc(out, '\n');
}

static void render_md(struct buf *out, const struct portfolio *p)
{
	struct buf text = BUF_INIT;
	size_t i;

	buf_adds(out, "# Portfolio\n\n");
	summary_words(&text, p);
	escape_markdown_block(out, text.data);
	buf_adds(out, "\n\n| Company | Stage | Date | Score | Level | "
		 "Critical | High |");
	for (i = 0; i < p->ncolumns; i++) {
		buf_addc(out, ' ');
		escape_markdown(out, p->columns[p->order[i]].title);
		buf_adds(out, " |");
	}
	buf_adds(out, "\n|---|---|---|---:|---|---:|---:|");
	for (i = 0; i < p->ncolumns; i++)
		buf_adds(out, "---:|");
	buf_addc(out, '\n');
	for (i = 0; i < p->nrows; i++)
		md_row(out, p, &p->rows[i]);
	if (any_thin(p))
		buf_addf(out, "\n\\%s\n", thin_note);
	buf_release(&text);
}

/* ---- HTML -------------------------------------------------------------- */

static const char html_style[] =
	"body{margin:0;background:#f5f7fa;color:#1d2430;font:15px/1.5 "
	"system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\n"
	"main{max-width:1400px;margin:0 auto;padding:24px 16px 48px}\n"
	"h1{margin:0 0 .3em;font-size:1.8rem}\n"
	".muted{color:#5b6576}\n"
	".table{overflow-x:auto;background:#fff;border:1px solid #dde2ea;"
	"border-radius:10px}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
	"th,td{padding:6px 8px;border-bottom:1px solid #dde2ea;"
	"text-align:left;white-space:nowrap}\n"
	"th{font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;"
	"color:#5b6576;vertical-align:bottom;white-space:normal;"
	"min-width:4.5em}\n"
	"th[scope=row]{font-size:.9rem;text-transform:none;letter-spacing:0;"
	"color:#1d2430;font-weight:600;position:sticky;left:0;"
	"background:#fff;white-space:nowrap}\n"
	"td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.heat{text-align:center;font-variant-numeric:tabular-nums;"
	"font-weight:600;border:2px solid #fff}\n"
	".h0{background:#c62828;color:#fff}.h1{background:#ef6c00;color:#fff}"
	".h2{background:#f9c74f;color:#1d2430}.h3{background:#9ccc65;"
	"color:#1d2430}.h4{background:#2e7d32;color:#fff}"
	".none{background:#eef1f5;color:#8a93a3}\n"
	"td.thin{font-style:italic;opacity:.75}\n"
	".legend{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0;"
	"padding:0;list-style:none;font-size:.8rem}\n"
	".legend li{padding:2px 10px;border-radius:999px}\n"
	"footer{color:#5b6576;font-size:.8rem;margin-top:16px}\n"
	"@media print{body{background:#fff}main{max-width:none;padding:0}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"tr{break-inside:avoid}}\n";

/* The heat class of a score: five bands of 20 points. */
static int heat_band(double score)
{
	int band = (int)(score / 20);

	return band < 0 ? 0 : band > 4 ? 4 : band;
}

static void html_heat(struct buf *out, int has, double score, int enough)
{
	if (!has) {
		buf_adds(out, "<td class=\"heat none\">-</td>");
		return;
	}
	buf_addf(out, "<td class=\"heat h%d%s\"%s>%.1f%s</td>",
		 heat_band(score), enough ? "" : " thin", enough ? "" :
		 " title=\"not enough information\"", score, enough ? "" : "*");
}

static void html_text_cell(struct buf *out, const char *s)
{
	buf_adds(out, "<td>");
	escape_html(out, s, 0);
	buf_adds(out, "</td>");
}

static void html_row(struct buf *out, const struct portfolio *p,
		     const struct portfolio_row *r)
{
	size_t k;

	buf_adds(out, "<tr><th scope=\"row\">");
	escape_html(out, company_of(r), 0);
	buf_adds(out, "</th>");
	html_text_cell(out, r->stage ? r->stage : "-");
	html_text_cell(out, r->date);
	html_heat(out, r->has_score, r->score, r->enough);
	html_text_cell(out, r->level ? r->level : "-");
	buf_addf(out, "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>",
		 r->critical, r->high);
	for (k = 0; k < p->ncolumns; k++) {
		const struct portfolio_score *s = portfolio_score(r,
								  p->order[k]);

		html_heat(out, s != NULL, s ? s->score : 0, s ? s->enough : 1);
	}
	buf_adds(out, "</tr>\n");
}

static void html_legend(struct buf *out, const struct portfolio *p)
{
	static const char *const bands[] = {
		"below 20", "20 to 40", "40 to 60", "60 to 80", "80 and above"
	};
	size_t i;

	buf_adds(out, "<ul class=\"legend\" aria-label=\"Colours\">");
	for (i = 0; i < ARRAY_SIZE(bands); i++)
		buf_addf(out, "<li class=\"h%zu\">%s</li>", i, bands[i]);
	buf_adds(out, "<li class=\"none\">- no score</li></ul>\n");
	if (any_thin(p))
		buf_addf(out, "<p class=\"muted\">%s.</p>\n", thin_note);
}

static void render_html(struct buf *out, const struct portfolio *p)
{
	struct buf text = BUF_INIT;
	size_t i;

	buf_addf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
		 "charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width="
		 "device-width, initial-scale=1\">\n<meta name=\"generator\" "
		 "content=\"cto-assess %s\">\n<title>Portfolio</title>\n"
		 "<style>\n%s</style>\n</head>\n<body>\n<main>\n"
		 "<h1>Portfolio</h1>\n<p class=\"muted\">", CTO_ASSESS_VERSION,
		 html_style);
	summary_words(&text, p);
	escape_html(out, text.data, 0);
	buf_adds(out, " Scores out of 100; the areas are coloured by "
		 "score.</p>\n");
	html_legend(out, p);
	buf_adds(out, "<div class=\"table\"><table>\n<thead><tr><th>Company"
		 "</th><th>Stage</th><th>Date</th><th>Score</th><th>Level</th>"
		 "<th>Critical</th><th>High</th>");
	for (i = 0; i < p->ncolumns; i++) {
		buf_adds(out, "<th>");
		escape_html(out, p->columns[p->order[i]].title, 0);
		buf_adds(out, "</th>");
	}
	buf_adds(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < p->nrows; i++)
		html_row(out, p, &p->rows[i]);
	buf_addf(out, "</tbody>\n</table></div>\n<footer>Generated by "
		 "cto-assess %s.</footer>\n</main>\n</body>\n</html>\n",
		 CTO_ASSESS_VERSION);
	buf_release(&text);
}

/* ---- CSV --------------------------------------------------------------- */

static void csv_field(struct buf *out, const char *s)
{
	buf_addc(out, ',');
	escape_csv(out, s ? s : "");
}

static void csv_number(struct buf *out, int has, double v)
{
	buf_addc(out, ',');
	if (has)
		buf_addf(out, "%.1f", v);
}

static void render_csv(struct buf *out, const struct portfolio *p)
{
	size_t i, k;

	buf_adds(out, "company,stage,questionnaire,date,score,level,critical,"
		 "high");
	for (k = 0; k < p->ncolumns; k++)
		csv_field(out, p->columns[p->order[k]].id);
	buf_adds(out, ",source\r\n");
	for (i = 0; i < p->nrows; i++) {
		const struct portfolio_row *r = &p->rows[i];

		escape_csv(out, r->company ? r->company : "");
		csv_field(out, r->stage);
		csv_field(out, r->questionnaire);
		csv_field(out, r->date);
		csv_number(out, r->has_score, r->score);
		csv_field(out, r->level);
		buf_addf(out, ",%zu,%zu", r->critical, r->high);
		for (k = 0; k < p->ncolumns; k++) {
			const struct portfolio_score *s = portfolio_score(r,
								p->order[k]);

			csv_number(out, s != NULL, s ? s->score : 0);
		}
		csv_field(out, r->source);
		buf_adds(out, "\r\n");
	}
}

/* ---- JSON -------------------------------------------------------------- */

static void json_text(cJSON *o, const char *key, const char *s)
{
	struct buf clean = BUF_INIT;

	if (!s) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	escape_clean(&clean, s, 0);
	cJSON_AddStringToObject(o, key, clean.data);
	buf_release(&clean);
}

static void json_score(cJSON *o, const char *key, int has, double v)
{
	if (has)
		cJSON_AddNumberToObject(o, key, round_to(v, 1));
	else
		cJSON_AddNullToObject(o, key);
}

static cJSON *row_json(const struct portfolio *p,
		       const struct portfolio_row *r)
{
	cJSON *o = cJSON_CreateObject(), *areas;
	struct buf id = BUF_INIT;
	size_t k;

	json_text(o, "company", r->company);
	json_text(o, "stage", r->stage);
	json_text(o, "questionnaire", r->questionnaire);
	json_text(o, "date", r->date);
	json_score(o, "score", r->has_score, r->score);
	json_text(o, "level", r->level);
	cJSON_AddNumberToObject(o, "critical", (double)r->critical);
	cJSON_AddNumberToObject(o, "high", (double)r->high);
	areas = cJSON_AddObjectToObject(o, "areas");
	for (k = 0; k < p->ncolumns; k++) {
		const struct portfolio_score *s = portfolio_score(r,
								  p->order[k]);

		buf_reset(&id);
		escape_clean(&id, p->columns[p->order[k]].id, 0);
		json_score(areas, id.data, s != NULL, s ? s->score : 0);
	}
	json_text(o, "source", r->source);
	buf_release(&id);
	return o;
}

static void render_json(struct buf *out, const struct portfolio *p)
{
	cJSON *root = cJSON_CreateObject(), *list;
	char *text;
	size_t i;

	cJSON_AddStringToObject(root, "schema", PORTFOLIO_SCHEMA);
	list = cJSON_AddArrayToObject(root, "companies");
	for (i = 0; i < p->nrows; i++)
		cJSON_AddItemToArray(list, row_json(p, &p->rows[i]));
	text = cJSON_Print(root);
	if (!text)
		die(EXIT_NOMEM, "out of memory (printing JSON)");
	buf_adds(out, text);
	buf_addc(out, '\n');
	free(text);
	cJSON_Delete(root);
}

/* ---- the table of formats ---------------------------------------------- */

static const struct portfolio_format formats[] = {
	{ "text", { ".txt" }, render_text },
	{ "md", { ".md", ".markdown" }, render_md },
	{ "html", { ".html", ".htm" }, render_html },
	{ "csv", { ".csv" }, render_csv },
	{ "json", { ".json" }, render_json },
};

const struct portfolio_format *portfolio_format(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(formats[i].name, name))
			return &formats[i];
	return NULL;
}

const struct portfolio_format *portfolio_format_of_file(const char *path)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (path_has_extension(path, formats[i].extensions,
				       ARRAY_SIZE(formats[i].extensions)))
			return &formats[i];
	return NULL;
}

void portfolio_format_names(struct buf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		buf_addf(out, "%s%s", i ? ", " : "", formats[i].name);
}
