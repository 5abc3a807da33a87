/*
 * render_html.c - the report as one self-contained HTML page: inline CSS,
 * an inline SVG chart of the area scores against their targets, no script,
 * no reference to anything outside the file (so it opens offline, can be
 * mailed, and prints to PDF from any browser).
 *
 * Every piece of questionnaire or answer text goes through escape_html(),
 * which removes control characters and escapes & < > " and ', so it is safe
 * in element content and in quoted attribute values alike.
 */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "consultant.h"
#include "escape.h"
#include "prose.h"
#include "render.h"
#include "review.h"
#include "term.h"
#include "util.h"
#include "version.h"

/* Chart geometry, in SVG user units. */
#define CHART_WIDTH 400
#define CHART_ROW 46
#define CHART_TOP 8
#define CHART_LABEL_COLUMNS 44

static const char html_style[] =
	":root{--ink:#1d2430;--muted:#5b6576;--line:#dde2ea;--paper:#fff;"
	"--wash:#f5f7fa;--accent:#1f5fbf;--good:#2e7d32;--warn:#b26a00;"
	"--bad:#c62828;--crit:#7b1030}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;background:var(--wash);color:var(--ink);"
	"font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"\"Helvetica Neue\",Arial,sans-serif}\n"
	"main{max-width:860px;margin:0 auto;padding:24px 16px 48px}\n"
	"header.cover{background:var(--ink);color:#fff;border-radius:12px;"
	"padding:28px 28px 20px;margin-bottom:24px}\n"
	".eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;"
	"font-size:.8rem;color:#b8c4d6}\n"
	"h1{margin:.2em 0 .6em;font-size:2rem;line-height:1.2}\n"
	".meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;"
	"margin:0;font-size:.95rem}\n"
	".meta dt{color:#b8c4d6;max-width:16em}.meta dd{margin:0;"
	"white-space:pre-line}\n"
	"section{background:var(--paper);border:1px solid var(--line);"
	"border-radius:12px;padding:20px 24px;margin-bottom:20px}\n"
	"h2{margin:0 0 .8em;font-size:1.35rem}\n"
	"h3{margin:1.2em 0 .5em;font-size:1.05rem}\n"
	".overall{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 20px;"
	"margin-bottom:12px}\n"
	".big{font-size:3rem;font-weight:700;line-height:1}\n"
	".big small{font-size:1.1rem;color:var(--muted);font-weight:400}\n"
	".level{font-size:1.2rem;font-weight:600}\n"
	".muted{color:var(--muted)}\n"
	".chart{display:block;width:100%;max-width:560px;height:auto;"
	"margin:8px 0 4px}\n"
	".legend{font-size:.85rem;color:var(--muted);margin:0 0 8px}\n"
	".notice{border-left:4px solid var(--warn);background:#fff6e5;"
	"padding:10px 14px;border-radius:6px;margin:0 0 20px}\n"
	".table{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
	"th,td{text-align:left;padding:8px 10px;border-bottom:1px solid "
	"var(--line);vertical-align:top}\n"
	"th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;"
	"color:var(--muted)}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	".meter{display:inline-block;width:90px;height:10px;background:"
	"var(--line);border-radius:5px;position:relative;vertical-align:middle}\n"
	".meter i{position:absolute;left:0;top:0;bottom:0;border-radius:5px}\n"
	"ol.plan{list-style:none;padding:0;margin:0}\n"
	".finding{border:1px solid var(--line);border-left:5px solid "
	"var(--muted);border-radius:8px;padding:12px 16px;margin:0 0 12px;"
	"break-inside:avoid}\n"
	".finding h4{margin:0 0 6px;font-size:1rem}\n"
	".finding p{margin:6px 0}\n"
	".risk-critical{border-left-color:var(--crit)}"
	".risk-high{border-left-color:var(--bad)}"
	".risk-medium{border-left-color:var(--warn)}"
	".risk-low{border-left-color:var(--good)}\n"
	".tags{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 6px;padding:0;"
	"list-style:none;font-size:.8rem}\n"
	".tags li{background:var(--wash);border:1px solid var(--line);"
	"border-radius:999px;padding:1px 10px}\n"
	".tags li.r-critical{background:var(--crit);color:#fff;border-color:"
	"var(--crit)}.tags li.r-high{background:var(--bad);color:#fff;"
	"border-color:var(--bad)}.tags li.r-medium{background:#fff0d6;"
	"border-color:#f0c27a}\n"
	".label{font-weight:600}\n"
	;

/* Kept apart: ISO C compilers need only take strings of 4,095 bytes. */
static const char html_style_plan[] =
	".headline{font-size:1.05rem}\n"
	"ul.urgent{list-style:none;padding:0;margin:0 0 12px}"
	"ul.urgent li{margin:4px 0}\n"
	".pill{display:inline-block;min-width:5.5em;text-align:center;"
	"border-radius:999px;padding:0 8px;font-size:.8rem;font-weight:600;"
	"color:#fff;background:var(--bad)}.pill.r-critical{background:"
	"var(--crit)}\n"
	".rank{color:var(--muted);font-weight:600}\n"
	"ul.covers{padding-left:1.2em;margin:6px 0}"
	"ul.covers li{margin:0 0 8px}\n"
	"blockquote{margin:6px 0;padding:6px 12px;border-left:3px solid "
	"var(--line);color:var(--muted);white-space:pre-line}\n"
	"ul.strengths{padding-left:1.2em}\n"
	"footer{color:var(--muted);font-size:.85rem;text-align:center;"
	"margin-top:24px}\n"
	"@media (max-width:600px){main{padding:12px 8px 32px}"
	"header.cover,section{padding:16px;border-radius:8px}"
	"h1{font-size:1.6rem}.big{font-size:2.4rem}}\n"
	".logo{display:block;max-height:64px;max-width:240px;margin:0 0 14px;"
	"background:#fff;border-radius:6px;padding:4px}\n"
	".subtitle{margin:-.3em 0 .8em;font-size:1.1rem;color:#dfe6f0}\n"
	".prepared{margin:0 0 2px;font-weight:600}.contact{margin:0 0 12px;"
	"color:#b8c4d6;font-size:.9rem}\n"
	".confidential{margin:14px 0 0;font-size:.85rem;letter-spacing:.02em;"
	"color:#dfe6f0}\n"
	".cover-headline{display:none}\n"
	".review-summary{border-left:4px solid var(--accent);background:"
	"var(--wash);padding:10px 16px;border-radius:6px;margin:0 0 16px}\n"
	".review-summary p,.review-summary ul{margin:6px 0}"
	".signature{color:var(--muted);font-style:italic}\n"
	".review,.comment{border-left:3px solid var(--accent);padding-left:"
	"10px}\n"
	".tags li.reviewed{border-color:var(--accent);color:var(--accent)}\n";

/*
 * How the page prints: a cover page, numbered pages with a running
 * header, no heading left at the bottom of a page, the scorecard and each
 * finding kept whole, the appendices from a new page.  The @page
 * rule itself depends on the report (html_page()).
 */
static const char html_style_print[] =
	"@media print{body{background:#fff;font-size:9.5pt;line-height:1.4}"
	"main{max-width:none;padding:0}"
	"section{border:0;padding:0;margin:0 0 14pt;border-radius:0}"
	"header.cover{break-after:page;color:var(--ink);background:#fff;"
	"border-radius:0;border-top:8px solid var(--accent);margin:0;"
	"padding:18mm 0 0;min-height:228mm;display:flex;flex-direction:column}"
	"header.cover .eyebrow,.meta dt,.contact{color:var(--muted)}"
	"header.cover h1{font-size:26pt}"
	".subtitle,.confidential{color:var(--ink)}"
	".logo{padding:0;max-height:22mm}"
	".cover-headline{display:block;margin:10mm 0 0;padding:6mm 0 0;"
	"border-top:1px solid var(--line)}"
	".cover-headline .big{font-size:30pt}"
	".confidential{margin-top:auto;padding-top:8mm;font-weight:600}"
	"#summary>.overall,#summary>.headline{display:none}"
	".chart{max-width:125mm}"
	"table{font-size:8.5pt}th,td{padding:3pt 5pt}th{font-size:7pt}"
	".meter{width:40px}"
	".finding{padding:7pt 10pt;margin:0 0 8pt}.finding p{margin:3pt 0}"
	".tags{margin:0 0 3pt}ul.covers li{margin:0 0 4pt}"
	"#method{font-size:8pt;line-height:1.35}#method p{margin:0 0 5pt}"
	"#method table{break-inside:avoid}"
	"footer{break-before:avoid;margin-top:8pt}"
	"h2,h3,h4,.keep-next{break-after:avoid}"
	"h2{color:var(--accent)}"
	"#scorecard,.finding,tr,.chart,ul.urgent li,blockquote,"
	".review-summary{break-inside:avoid}"
	"section.appendix{break-before:page}"
	"section.appendix~section.appendix{break-before:auto}"
	".table{overflow:visible}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

void render_html_style(struct buf *out)
{
	buf_adds(out, html_style);
	buf_adds(out, html_style_plan);
}

/* Appends s as a CSS string: quoted, with every ASCII character but
 * letters, digits and spaces escaped, so that it can close neither the
 * string nor the style element. */
static void css_string(struct buf *out, const char *s)
{
	struct buf clean = BUF_INIT;
	const unsigned char *p;

	escape_clean(&clean, s, 0);
	buf_addc(out, '"');
	for (p = (const unsigned char *)clean.data; *p; p++) {
		if (*p >= 0x80 || isalnum(*p) || *p == ' ')
			buf_addc(out, (char)*p);
		else
			buf_addf(out, "\\%x ", *p);
	}
	buf_addc(out, '"');
	buf_release(&clean);
}

/* A margin box of the printed page holding text, or nothing. */
static void page_box(struct buf *out, const char *box, const char *text)
{
	if (!text || !*text)
		return;
	buf_addf(out, "@%s{content:", box);
	css_string(out, text);
	buf_adds(out, "}");
}

/*
 * The printed page: its size (the consultant's paper, A4 without one), a
 * running header with the company and the confidentiality line, and a
 * footer with who prepared it and the page number; the cover has none.
 */
static void html_page(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;
	struct buf text = BUF_INIT;

	buf_addf(out, "@page{size:%s;margin:18mm 16mm 20mm;",
		 c && c->paper == PAPER_LETTER ? "letter" : "A4");
	buf_adds(out, "font:8.5pt system-ui,sans-serif;color:#5b6576;");
	page_box(out, "top-left", r->score.company ? r->score.company
						   : r->title);
	page_box(out, "top-right", c ? c->confidentiality : NULL);
	if (c)
		consultant_signature(&text, c);
	else
		buf_adds(&text, r->title);
	page_box(out, "bottom-left", text.data);
	buf_adds(out, "@bottom-right{content:\"Page \" counter(page) "
		 "\" of \" counter(pages)}}\n@page:first{@top-left{content:"
		 "none}@top-right{content:none}@bottom-left{content:none}"
		 "@bottom-right{content:none}}\n");
	if (c && c->accent[0])
		buf_addf(out, ":root{--accent:%s}\n", c->accent);
	buf_release(&text);
}

static void html_answer(struct buf *out, const struct question_score *qs)
{
	struct buf text = BUF_INIT;

	answer_describe(&text, qs->question, qs->answer);
	escape_html(out, text.data, 0);
	buf_release(&text);
}

/* The colour of a score: met target (or strong), close, or far below. */
static const char *html_color(int has_target, double score, double target)
{
	double good = has_target ? target : 60;

	if (score >= good)
		return "#2e7d32";
	return score >= good - 15 ? "#e09b00" : "#c62828";
}

static void html_head(struct buf *out, const struct report *r)
{
	struct buf title = BUF_INIT;

	render_title(&title, r);
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"cto-assess "
		 CTO_ASSESS_VERSION "\">\n<title>");
	escape_html(out, title.data, 0);
	buf_release(&title);
	buf_addf(out, "</title>\n<style>\n%s%s%s", html_style,
		 html_style_plan, html_style_print);
	html_page(out, r);
	buf_adds(out, "</style>\n</head>\n<body>\n<main>\n");
}

static void html_meta_row(struct buf *out, const char *term, const char *s)
{
	buf_adds(out, "<dt>");
	escape_html(out, term, 0);
	buf_adds(out, "</dt><dd>");
	escape_html(out, s, 1);
	buf_adds(out, "</dd>\n");
}

/* The consultant's logo, name and contact, and the report's subtitle. */
static void html_cover_consultant(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;
	struct buf text = BUF_INIT;

	if (!c)
		return;
	render_prepared(&text, r);
	buf_adds(out, "<p class=\"prepared\">");
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n");
	buf_reset(&text);
	render_contact(&text, r);
	if (text.len) {
		buf_adds(out, "<p class=\"contact\">");
		escape_html(out, text.data, 0);
		buf_adds(out, "</p>\n");
	}
	buf_release(&text);
}

/* The consultant's logo: an <img>, never inline SVG, so that nothing in
 * the file runs. */
static void html_logo(struct buf *out, const struct consultant *c)
{
	if (!c || !c->logo_uri)
		return;
	buf_addf(out, "<img class=\"logo\" src=\"%s\" alt=\"", c->logo_uri);
	escape_html(out, c->firm ? c->firm : c->name, 0);
	buf_adds(out, "\">\n");
}

/* The headline, on the printed cover only. */
static void html_cover_headline(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;

	buf_adds(out, "<div class=\"cover-headline\">\n");
	if (s->has_score) {
		buf_addf(out, "<div class=\"overall\"><span class=\"big\">"
			 "%.1f<small> / 100</small></span><span class=\"level\">",
			 s->score);
		render_level(&text, s->level, s->uncapped_level,
			     s->enough_information, s->coverage);
		escape_html(out, text.data, 0);
		buf_adds(out, "</span></div>\n");
		buf_reset(&text);
	}
	render_headline(&text, r);
	buf_adds(out, "<p class=\"headline\">");
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n</div>\n");
	buf_release(&text);
}

static void html_cover(struct buf *out, const struct report *r)
{
	const struct consultant *c = r->consultant;
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "<header class=\"cover\">\n");
	html_logo(out, c);
	if (s->company) {
		buf_adds(out, "<p class=\"eyebrow\">");
		escape_html(out, r->title, 0);
		buf_adds(out, "</p>\n<h1>");
		escape_html(out, s->company, 0);
	} else {
		buf_adds(out, "<h1>");
		escape_html(out, r->title, 0);
	}
	buf_adds(out, "</h1>\n");
	if (r->subtitle) {
		buf_adds(out, "<p class=\"subtitle\">");
		escape_html(out, r->subtitle, 0);
		buf_adds(out, "</p>\n");
	}
	html_cover_consultant(out, r);
	buf_adds(out, "<dl class=\"meta\">\n");
	for (i = 0; i < r->nrows; i++)
		if (r->rows[i].kind != REPORT_ROW_KIND_COMPANY)
			html_meta_row(out, r->rows[i].label,
				      r->rows[i].value);
	render_team_html_meta(out, r);
	buf_adds(out, "</dl>\n");
	html_cover_headline(out, r);
	if (c && c->confidentiality) {
		buf_adds(out, "<p class=\"confidential\">");
		escape_html(out, c->confidentiality, 0);
		buf_adds(out, "</p>\n");
	}
	buf_adds(out, "</header>\n");
	if (s->nunanswered)
		buf_addf(out, "<p class=\"notice\"><strong>Incomplete "
			 "assessment:</strong> %zu question%s not answered. "
			 "Scored ones count as gaps; all are listed under "
			 "Unknowns.</p>\n", s->nunanswered,
			 s->nunanswered == 1 ? " was" : "s were");
}

/* One row of the chart: the title, the score, a bar and the target. */
static void html_chart_row(struct buf *out, const struct area_score *as,
			   int y)
{
	double w = as->score / 100 * CHART_WIDTH;

	buf_addf(out, "<text x=\"0\" y=\"%d\" class=\"t\">", y + 13);
	{
		struct buf title = BUF_INIT;

		term_truncate(&title, as->area->title, CHART_LABEL_COLUMNS);
		escape_html(out, title.data, 0);
		buf_release(&title);
	}
	buf_addf(out, "</text>\n<text x=\"%d\" y=\"%d\" class=\"s\">%.1f</text>\n",
		 CHART_WIDTH, y + 13, as->score);
	buf_addf(out, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"14\" "
		 "rx=\"7\" fill=\"#e6eaf0\"/>\n", y + 20, CHART_WIDTH);
	if (w > 0)
		buf_addf(out, "<rect x=\"0\" y=\"%d\" width=\"%.1f\" "
			 "height=\"14\" rx=\"7\" fill=\"%s\"/>\n", y + 20, w,
			 html_color(as->has_target, as->score, as->target));
	if (as->has_target)
		buf_addf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
			 "stroke=\"#1d2430\" stroke-width=\"2.5\"/>\n",
			 as->target / 100 * CHART_WIDTH,
			 as->target / 100 * CHART_WIDTH, y + 16, y + 38);
}

static void html_chart(struct buf *out, const struct score_result *s)
{
	size_t i, rows = 0;
	int y = CHART_TOP, any_target = 0;

	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_score) {
			rows++;
			any_target |= s->areas[i].has_target;
		}
	if (!rows)
		return;
	buf_addf(out, "<svg class=\"chart\" "
		 "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Area scores"
		 "%s\">\n<style>.t{font:600 11.5px system-ui,sans-serif;"
		 "fill:#1d2430}.s{font:700 11.5px system-ui,sans-serif;"
		 "fill:#1d2430;text-anchor:end}</style>\n", CHART_WIDTH,
		 (int)rows * CHART_ROW + CHART_TOP,
		 any_target ? " against the targets for this stage" : "");
	for (i = 0; i < s->nareas; i++) {
		if (!s->areas[i].has_score)
			continue;
		html_chart_row(out, &s->areas[i], y);
		y += CHART_ROW;
	}
	buf_adds(out, "</svg>\n<p class=\"legend\">Bars: area scores out of "
		 "100");
	if (any_target)
		buf_adds(out, "; black marks: the target for this company's "
			 "stage; green: target met, amber: within 15 points, "
			 "red: further below");
	buf_adds(out, ".</p>\n");
}

/* Appends plain text t, escaped. */
static void html_text(struct buf *out, const struct buf *t)
{
	escape_html(out, t->data, 0);
}

static void html_level(struct buf *out, const struct area_score *as)
{
	struct buf text = BUF_INIT;

	render_level(&text, as->level, as->uncapped_level,
		     as->enough_information, as->coverage);
	html_text(out, &text);
	buf_release(&text);
}

static void html_area_risks(struct buf *out, const struct area_score *as)
{
	struct buf text = BUF_INIT;

	if (as->nfindings)
		render_risk_counts(&text, as->nrisks, RISK_CRITICAL, RISK_LOW);
	else
		buf_adds(&text, "none");
	html_text(out, &text);
	buf_release(&text);
}

/* Whether a review said anything about a finding of a. */
static int action_reviewed(const struct action *a)
{
	size_t i;

	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i]->review)
			return 1;
	return 0;
}

/* What the review said of f: the change with its reason, the comment. */
static void html_review(struct buf *out, const struct finding *f)
{
	struct buf text = BUF_INIT;

	if (!f->review)
		return;
	render_review_line(&text, f);
	if (text.len) {
		buf_adds(out, "<p class=\"review\"><span class=\"label\">"
			 "Review:</span> ");
		escape_html(out, text.data, 0);
		buf_adds(out, "</p>\n");
	}
	if (f->review->comment) {
		buf_adds(out, "<p class=\"comment\"><span class=\"label\">"
			 "Reviewer&#39;s comment:</span> ");
		escape_html(out, f->review->comment, 0);
		buf_adds(out, "</p>\n");
	}
	buf_release(&text);
}

static void html_tags(struct buf *out, const struct action *a)
{
	const struct finding *lead = a->findings[0];

	buf_addf(out, "<ul class=\"tags\"><li class=\"r-%s\">%s risk</li>"
		 "<li>%s effort</li><li>impact %.2f</li>", risk_names[a->risk],
		 render_risk_title(a->risk), render_effort_title(a->effort),
		 lead->impact);
	if (a->nfindings == 1) {
		buf_adds(out, "<li>");
		escape_html(out, lead->qs->question->area->title, 0);
		buf_adds(out, "</li>");
	} else {
		buf_addf(out, "<li>%zu findings</li>", a->nfindings);
	}
	if (a->nfindings == 1 && lead->qs->unknown)
		buf_adds(out, "<li>unknown</li>");
	if (action_reviewed(a))
		buf_adds(out, "<li class=\"reviewed\">reviewed</li>");
	buf_adds(out, "</ul>\n");
}

static void html_current(struct buf *out, const struct question_score *qs)
{
	buf_adds(out, "<p><span class=\"label\">Current answer:</span> ");
	html_answer(out, qs);
	if (qs->unknown)
		buf_addf(out, " <em>(unknown: counted as %s risk until someone "
			 "finds out)</em>", risk_names[qs->risk]);
	buf_adds(out, "</p>\n");
	if (qs->answer->note) {
		buf_adds(out, "<blockquote><strong>Note:</strong> ");
		escape_html(out, qs->answer->note, 1);
		buf_adds(out, "</blockquote>\n");
	}
}

/* A finding inside an action that covers several. */
/* The links a finding gives, as links the reader may follow. */
static void html_references(struct buf *out, const struct question_score *qs)
{
	const struct reference *refs[RENDER_REFERENCES_MAX];
	size_t i, count = render_references(qs, refs);

	if (!count)
		return;
	buf_adds(out, "<p class=\"refs\"><span class=\"label\">References:"
		      "</span> ");
	for (i = 0; i < count; i++) {
		if (i)
			buf_adds(out, ", ");
		escape_html_link(out, refs[i]->title, refs[i]->url);
	}
	buf_adds(out, "</p>\n");
}

static void html_covered(struct buf *out, const struct finding *f)
{
	const struct question_score *qs = f->qs;

	buf_adds(out, "<li><strong>");
	escape_html(out, f->title, 0);
	buf_adds(out, "</strong> <span class=\"muted\">(");
	escape_html(out, qs->question->area->title, 0);
	buf_addf(out, "; %s risk)</span>", risk_names[qs->risk]);
	buf_adds(out, "<p class=\"muted\">");
	escape_html(out, qs->question->text, 0);
	buf_adds(out, "</p>\n");
	html_current(out, qs);
	html_references(out, qs);
	html_review(out, f);
	buf_adds(out, "</li>\n");
}

static void html_action(struct buf *out, const struct action *a)
{
	const struct finding *lead = a->findings[0];
	size_t i;

	buf_addf(out, "<li class=\"finding risk-%s\" value=\"%zu\">\n<h4>"
		 "<span class=\"rank\">%zu.</span> ", risk_names[a->risk],
		 a->rank, a->rank);
	escape_html(out, a->title, 0);
	buf_adds(out, "</h4>\n");
	html_tags(out, a);
	if (a->nfindings == 1 && lead->title != lead->qs->question->text) {
		buf_adds(out, "<p class=\"muted\">");
		escape_html(out, lead->qs->question->text, 0);
		buf_adds(out, "</p>\n");
	}
	if (a->advice) {
		buf_adds(out, "<p><span class=\"label\">Advice:</span> ");
		escape_html(out, a->advice, 0);
		buf_adds(out, "</p>\n");
	}
	if (a->nfindings == 1) {
		html_current(out, lead->qs);
		html_references(out, lead->qs);
		html_review(out, lead);
	} else {
		buf_adds(out, "<ul class=\"covers\">\n");
		for (i = 0; i < a->nfindings; i++)
			html_covered(out, a->findings[i]);
		buf_adds(out, "</ul>\n");
	}
	buf_adds(out, "</li>\n");
}

/* The critical and high findings, named, for the executive summary. */
static void html_urgent(struct buf *out, const struct score_result *s)
{
	const struct finding **named = xcalloc(s->nfindings + 1,
					       sizeof(*named));
	struct buf text = BUF_INIT;
	size_t i, n, more;

	n = render_urgent(s, named, &more);
	if (n)
		buf_adds(out, "<ul class=\"urgent\">\n");
	for (i = 0; i < n; i++) {
		buf_addf(out, "<li><span class=\"pill r-%s\">%s</span> ",
			 risk_names[named[i]->qs->risk],
			 render_risk_title(named[i]->qs->risk));
		escape_html(out, named[i]->title, 0);
		buf_reset(&text);
		render_urgent_context(&text, named[i]);
		buf_adds(out, " <span class=\"muted\">(");
		html_text(out, &text);
		buf_adds(out, ")</span></li>\n");
	}
	if (more) {
		buf_reset(&text);
		render_more_high(&text, more);
		buf_adds(out, "<li>");
		html_text(out, &text);
		buf_adds(out, "</li>\n");
	}
	if (n)
		buf_adds(out, "</ul>\n");
	buf_release(&text);
	free(named);
}

/* The executive summary in the reviewer's words, signed. */
static void html_review_summary(struct buf *out, const struct report *r)
{
	struct buf text = BUF_INIT;

	if (!r->review || !r->review->summary)
		return;
	buf_adds(out, "<div class=\"review-summary\">\n");
	prose_render(out, r->review->summary, PROSE_HTML);
	if (r->consultant) {
		consultant_signature(&text, r->consultant);
		buf_adds(out, "<p class=\"signature\">&mdash; ");
		escape_html(out, text.data, 0);
		buf_adds(out, "</p>\n");
	}
	buf_adds(out, "</div>\n");
	buf_release(&text);
}

static void html_summary(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	struct buf text = BUF_INIT;
	size_t i;

	buf_adds(out, "<section id=\"summary\">\n<h2>Executive summary</h2>\n");
	html_review_summary(out, r);
	buf_adds(out, "<div class=\"overall\">");
	if (s->has_score) {
		buf_addf(out, "<span class=\"big\">%.1f<small> / 100</small>"
			 "</span><span class=\"level\">", s->score);
		render_level(&text, s->level, s->uncapped_level,
			     s->enough_information, s->coverage);
		html_text(out, &text);
		buf_adds(out, "</span>");
	} else {
		buf_adds(out, "<span class=\"level\">No scored question "
			 "applies</span>");
	}
	buf_adds(out, "</div>\n<p class=\"headline\">");
	buf_reset(&text);
	render_headline(&text, r);
	html_text(out, &text);
	buf_adds(out, "</p>\n");
	html_urgent(out, s);
	html_chart(out, s);
	buf_adds(out, "<h3>First actions</h3>\n");
	if (!s->plan.nactions)
		buf_adds(out, "<p>None: every answer is at its best.</p>\n");
	else
		buf_adds(out, "<ol>\n");
	for (i = 0; i < s->plan.nactions && i < RENDER_FIRST_ACTIONS; i++) {
		const struct action *a = &s->plan.actions[i];

		buf_adds(out, "<li><strong>");
		escape_html(out, a->title, 0);
		buf_addf(out, "</strong> <span class=\"muted\">(%s, %s risk, "
			 "%s effort)</span> ", horizon_names[a->horizon],
			 risk_names[a->risk], effort_names[a->effort]);
		escape_html(out, a->advice ? a->advice : "", 0);
		buf_adds(out, "</li>\n");
	}
	if (s->plan.nactions)
		buf_adds(out, "</ol>\n");
	buf_adds(out, "</section>\n");
	buf_release(&text);
}

static void html_scorecard_row(struct buf *out, const struct area_score *as)
{
	buf_adds(out, "<tr><td>");
	escape_html(out, as->area->title, 0);
	buf_addf(out, "</td><td class=\"num\">%.1f</td><td>", as->score);
	html_level(out, as);
	if (as->has_target)
		buf_addf(out, "</td><td class=\"num\">%.1f</td>", as->target);
	else
		buf_adds(out, "</td><td class=\"num\">-</td>");
	buf_addf(out, "<td><span class=\"meter\" aria-hidden=\"true\"><i "
		 "style=\"width:%.0f%%;background:%s\"></i></span></td><td>",
		 as->score, html_color(as->has_target, as->score, as->target));
	html_area_risks(out, as);
	buf_addf(out, "</td><td class=\"num\">%.0f%%</td></tr>\n",
		 100 * as->coverage);
}

static void html_scorecard(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "<section id=\"scorecard\">\n<h2>Area scorecard</h2>\n"
		 "<div class=\"table\"><table>\n<thead><tr><th>Area</th>"
		 "<th class=\"num\">Score</th><th>Level</th><th class=\"num\">"
		 "Target</th><th>Bar</th><th>Open risks</th><th class=\"num\">"
		 "Answered</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_score)
			html_scorecard_row(out, &s->areas[i]);
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_plan(struct buf *out, const struct report *r)
{
	const struct plan *p = &r->score.plan;
	struct buf note = BUF_INIT;
	size_t i, n;
	int h;

	buf_adds(out, "<section id=\"plan\">\n<h2>Action plan</h2>\n");
	if (!p->nactions)
		buf_adds(out, "<p>Nothing to do: every answer is at its "
			 "best.</p>\n");
	for (h = 0; h < HORIZON_COUNT && p->nactions; h++) {
		buf_addf(out, "<h3>%s</h3>\n", horizon_titles[h]);
		buf_reset(&note);
		render_capacity_note(&note, p, (enum horizon)h);
		if (note.len) {
			buf_adds(out, "<p class=\"muted keep-next\">");
			html_text(out, &note);
			buf_adds(out, "</p>\n");
		}
		buf_adds(out, "<ol class=\"plan\">\n");
		for (i = n = 0; i < p->nactions; i++)
			if (p->actions[i].horizon == (enum horizon)h) {
				html_action(out, &p->actions[i]);
				n++;
			}
		buf_adds(out, "</ol>\n");
		if (!n)
			buf_adds(out, "<p class=\"muted\">Nothing in this "
				 "horizon.</p>\n");
	}
	buf_adds(out, "</section>\n");
	buf_release(&note);
}

static void html_not_applicable(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	if (!s->nnot_applicable)
		return;
	buf_adds(out, "<section id=\"not-applicable\">\n<h2>Not applicable"
		 "</h2>\n<p>Questions the respondent said do not apply to this "
		 "company, with the reason given. They count in no score.</p>\n"
		 "<div class=\"table\"><table>\n<thead><tr><th>Area</th>"
		 "<th>Question</th><th>Reason</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nnot_applicable; i++) {
		const struct question_score *qs = s->not_applicable[i];

		buf_adds(out, "<tr><td>");
		escape_html(out, qs->question->area->title, 0);
		buf_adds(out, "</td><td>");
		escape_html(out, qs->question->text, 0);
		buf_adds(out, "</td><td>");
		escape_html(out, render_na_reason(qs), 0);
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_strengths(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "<section id=\"strengths\">\n<h2>Strengths</h2>\n");
	if (!s->nstrengths)
		buf_adds(out, "<p>No answer is at its best yet.</p>\n");
	else
		buf_adds(out, "<ul class=\"strengths\">\n");
	for (i = 0; i < s->nstrengths; i++) {
		buf_adds(out, "<li><strong>");
		escape_html(out, s->strengths[i]->question->area->title, 0);
		buf_adds(out, ":</strong> ");
		escape_html(out, s->strengths[i]->question->text, 0);
		buf_adds(out, " <span class=\"muted\">");
		html_answer(out, s->strengths[i]);
		buf_adds(out, "</span></li>\n");
	}
	if (s->nstrengths)
		buf_adds(out, "</ul>\n");
	buf_adds(out, "</section>\n");
}

static void html_notes(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i, n = 0;

	buf_adds(out, "<section id=\"notes\">\n<h2>Notes and free-text "
		 "answers</h2>\n");
	for (i = 0; i < s->nquestions; i++) {
		const struct question_score *qs = &s->questions[i];
		int is_text = render_notes_text(r, qs);

		if (qs->status == STATUS_RULED_OUT ||
		    qs->status == STATUS_NOT_APPLICABLE ||
		    (!is_text && !qs->answer->note))
			continue;
		n++;
		buf_adds(out, "<h3>");
		escape_html(out, qs->question->text, 0);
		buf_adds(out, " <span class=\"muted\">(");
		escape_html(out, qs->question->area->title, 0);
		buf_adds(out, ")</span></h3>\n");
		if (is_text) {
			buf_adds(out, "<blockquote>");
			escape_html(out, qs->answer->text, 1);
			buf_adds(out, "</blockquote>\n");
		}
		if (qs->answer->note) {
			buf_adds(out, "<p class=\"label\">Note</p>\n<blockquote>");
			escape_html(out, qs->answer->note, 1);
			buf_adds(out, "</blockquote>\n");
		}
	}
	if (!n)
		buf_adds(out, "<p>None.</p>\n");
	buf_adds(out, "</section>\n");
}

static void html_unknowns(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	buf_adds(out, "<section id=\"unknowns\">\n<h2>Unknowns</h2>\n<p>"
		 "Questions skipped, answered &ldquo;don&#39;t know&rdquo; or "
		 "not answered. Scored ones count as findings at their worst "
		 "risk until someone finds out; finding out is often the "
		 "cheapest first step.</p>\n");
	if (!s->nunknowns) {
		buf_adds(out, "<p>None.</p>\n</section>\n");
		return;
	}
	buf_adds(out, "<div class=\"table\"><table>\n<thead><tr><th>Area</th>"
		 "<th>Question</th><th>Status</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nunknowns; i++) {
		buf_adds(out, "<tr><td>");
		escape_html(out, s->unknowns[i]->question->area->title, 0);
		buf_adds(out, "</td><td>");
		escape_html(out, s->unknowns[i]->question->text, 0);
		buf_adds(out, "</td><td>");
		html_answer(out, s->unknowns[i]);
		buf_adds(out, s->unknowns[i]->counts ? "</td></tr>\n"
			 : " (unscored)</td></tr>\n");
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_method(struct buf *out, const struct report *r)
{
	const struct questionnaire *q = r->questionnaire;
	size_t i;

	struct buf note = BUF_INIT;

	buf_adds(out, "<section id=\"method\" class=\"appendix\">\n"
		 "<h2>Appendix: Method</h2>\n");
	for (i = 0; render_method_text[i]; i++) {
		buf_adds(out, "<p>");
		escape_html(out, render_method_text[i], 0);
		buf_adds(out, "</p>\n");
	}
	render_review_note(&note, r);
	if (note.len) {
		buf_adds(out, "<p>");
		escape_html(out, note.data, 0);
		buf_adds(out, "</p>\n");
	}
	buf_release(&note);
	buf_adds(out, "<div class=\"table\"><table>\n<thead><tr><th>Maturity "
		 "level</th><th class=\"num\">From score</th></tr></thead>\n"
		 "<tbody>\n");
	for (i = 0; i < q->nlevels; i++) {
		buf_adds(out, "<tr><td>");
		escape_html(out, q->levels[i].name, 0);
		buf_addf(out, "</td><td class=\"num\">%.1f</td></tr>\n",
			 q->levels[i].min);
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

/* The findings a review dropped, with its reasons. */
static void html_dropped(struct buf *out, const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	if (!s->ndropped)
		return;
	buf_adds(out, "<section id=\"dropped\" class=\"appendix\">\n<h2>"
		 "Appendix: Dropped findings</h2>\n<p>The reviewer left these "
		 "findings out of the plan, each for the reason given. Their "
		 "answers still count in the scores.</p>\n<div class=\"table\">"
		 "<table>\n<thead><tr><th>Area</th><th>Finding</th><th>Risk</th>"
		 "<th>Reason</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < s->ndropped; i++) {
		const struct finding *f = &s->dropped[i];

		buf_adds(out, "<tr><td>");
		escape_html(out, f->qs->question->area->title, 0);
		buf_adds(out, "</td><td>");
		escape_html(out, f->title, 0);
		buf_addf(out, "</td><td>%s</td><td>", risk_names[f->qs->risk]);
		escape_html(out, f->review->reason, 0);
		if (f->review->comment) {
			buf_addc(out, ' ');
			escape_html(out, f->review->comment, 0);
		}
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
}

static void html_footer(struct buf *out, const struct report *r)
{
	buf_addf(out, "<footer>Generated by cto-assess %s on %s from "
		 "questionnaire ", CTO_ASSESS_VERSION, r->generated_at);
	escape_html(out, r->questionnaire->id, 0);
	buf_adds(out, " version ");
	escape_html(out, r->questionnaire->version, 0);
	buf_addf(out, " (content hash %s).</footer>\n</main>\n</body>\n"
		 "</html>\n", r->questionnaire->hash);
}

void render_html(struct buf *out, const struct report *r,
		 const struct render_options *o)
{
	(void)o;
	html_head(out, r);
	html_cover(out, r);
	html_summary(out, r);
	html_scorecard(out, r);
	render_benchmark_html(out, r);
	render_team_html(out, r);
	html_plan(out, r);
	html_not_applicable(out, r);
	html_strengths(out, r);
	html_notes(out, r);
	html_unknowns(out, r);
	html_dropped(out, r);
	html_method(out, r);
	html_footer(out, r);
}
