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

#define RENDER_FIRST_ACTIONS 3  /* actions in an executive summary */
#define RENDER_URGENT_MAX 10    /* critical and high risks named there */
#define RENDER_REFERENCES_MAX 16 /* links shown with one finding */

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

/*
 * Appends the HTML report's stylesheet (CSS), for other pages that should
 * look like it (the progress report of compare).
 */
void render_html_style(struct buf *out);

/* The report as a cJSON document (caller owns; cJSON_Delete). */
struct cJSON *report_to_json(const struct report *r);

/* An answer's value as the answers file has it, or null (caller owns). */
struct cJSON *render_answer_value(const struct answer *a);

/* Adds s to o under key, cleaned of control characters and invalid UTF-8,
 * or null when s is NULL. */
void render_json_text(struct cJSON *o, const char *key, const char *s);

/*
 * Respondents (render_team.c): each adds nothing unless the answers name
 * their respondent or are merged.  The header rows of Markdown and HTML,
 * the "Where you disagree" section of a merged assessment, its lines in
 * the terminal summary, a sentence for the headline (raw), and the JSON
 * members respondents, merge and findings[].kind and
 * answers_by_respondent (added to root, which owns them).
 */
void render_team_md_header(struct buf *out, const struct report *r);
void render_team_markdown(struct buf *out, const struct report *r);
void render_team_html_meta(struct buf *out, const struct report *r);
void render_team_html(struct buf *out, const struct report *r);
void render_team_text(struct buf *out, const struct report *r, size_t width);
void render_team_headline(struct buf *out, const struct report *r);
void render_team_json(struct cJSON *root, const struct report *r);

/*
 * A benchmark (render_benchmark.c): each adds nothing unless r->benchmark
 * is set.  The section "Against the benchmark" of Markdown and HTML, its
 * lines in the terminal summary, and the JSON member benchmark.
 */
void render_benchmark_markdown(struct buf *out, const struct report *r);
void render_benchmark_html(struct buf *out, const struct report *r);
void render_benchmark_text(struct buf *out, const struct report *r,
			   size_t width);
void render_benchmark_json(struct cJSON *root, const struct report *r);

/*
 * Helpers shared by the renderers (render_util.c).
 */

/*
 * What every format says in words (render_words.c).  Each appends plain
 * text, questionnaire text included: the caller escapes it.
 */

/* The paragraphs of the "Method" section, one per entry, NULL-terminated. */
extern const char *const render_method_text[];

/* The honest headline: overall score and level (with its cap), the open
 * risks, the areas below target and what is not known. */
void render_headline(struct buf *out, const struct report *r);

/* "1 critical and 4 high": the counts of risks from down to to. */
void render_risk_counts(struct buf *out, const size_t *nrisks,
			enum risk from, enum risk to);

/* A level with its cap, or "not enough information (40% answered)". */
void render_level(struct buf *out, const struct level *level,
		  const struct level *uncapped, int enough, double coverage);

/* "target 75.0, 16.6 below" or "target 65.0, met"; nothing without one. */
void render_target(struct buf *out, int has_target, double score,
		   double target);

/*
 * Whether a text answer is shown in the profile table at the top of the
 * report (report.h: its rows), rather than under the notes.
 */
int render_profile_text(const struct report *r,
			const struct question_score *qs);

/* Whether a text answer is quoted under "Notes and free-text answers":
 * every answered text but the company name and the profile texts. */
int render_notes_text(const struct report *r,
		      const struct question_score *qs);

/*
 * The findings an executive summary names: every critical one and the high
 * ones, up to RENDER_URGENT_MAX named in all.  Fills out (room for
 * s->nfindings entries) in plan order and returns how many; *more is the
 * number of high ones left unnamed.
 */
size_t render_urgent(const struct score_result *s, const struct finding **out,
		     size_t *more);
/* What follows a named finding in brackets: "Security; unknown, ...". */
void render_urgent_context(struct buf *out, const struct finding *f);
/* "and 3 more high risks in the action plan". */
void render_more_high(struct buf *out, size_t more);

/*
 * The links of a finding (`references:`): its question's, then those of
 * the choice that speaks for its answer (score.h), each URL once, at most
 * RENDER_REFERENCES_MAX.  Fills out and returns how many.
 */
size_t render_references(const struct question_score *qs,
			 const struct reference **out);

/* The reason given for "not applicable", or "None given" (never NULL). */
const char *render_na_reason(const struct question_score *qs);

/* Why actions were moved into horizon h by capacity, or nothing. */
void render_capacity_note(struct buf *out, const struct plan *p,
			  enum horizon h);

/*
 * The consultant's words (render_words.c), plain text like the rest.
 */

/* "Prepared for Acme by Jane Doe, Doe Advisory"; nothing without a
 * consultant profile. */
void render_prepared(struct buf *out, const struct report *r);

/* "jane@example.com, example.com": how to reach the consultant, or
 * nothing. */
void render_contact(struct buf *out, const struct report *r);

/*
 * What a review changed about finding f: "risk raised from high to
 * critical; moved from next to now" (or "kept in now" for a pin to where
 * the plan had it); nothing when it changed neither.
 */
void render_review_change(struct buf *out, const struct finding *f);

/* The change with its reason: "risk raised ...; reason: ...", or
 * nothing when the review only commented (its reason is in the JSON). */
void render_review_line(struct buf *out, const struct finding *f);

/* The method's paragraph on the review: who changed what; nothing
 * without a review. */
void render_review_note(struct buf *out, const struct report *r);

/* "Reviewed by Jane Doe, Doe Advisory" or "Reviewed", for a summary. */
void render_reviewer(struct buf *out, const struct report *r);

/* Capitalised names ("High", "Low"). */
const char *render_risk_title(enum risk risk);
const char *render_effort_title(enum effort effort);

/* "Series A: ..." stage label, company name or a fallback, never NULL. */
const char *render_company(const struct report *r);

/* The report's title and the company: "Technology readiness report:
 * Acme", or the title alone when the company is not known. */
void render_title(struct buf *out, const struct report *r);

#endif
