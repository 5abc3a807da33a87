/*
 * render_csv.c - the action plan as CSV (RFC 4180): one action a row, in
 * the order of the plan (by rank), for a spreadsheet or a tracker import.
 * An action that covers several findings lists their ids, titles, answers,
 * notes and what a review said of them in one field each, joined by "; ".
 * The owner, due date and status columns are empty: the client fills them
 * in, and `compare --plan` reads them back a quarter later.
 *
 * Fields are quoted when they hold a comma, a quote or a line break (quotes
 * doubled); records end in CRLF.  A text field that starts with = + - @ or a
 * tab would be read as a formula by spreadsheets, so it gets a leading
 * apostrophe (the OWASP advice against CSV injection).
 */
#include <string.h>

#include "escape.h"
#include "render.h"
#include "review.h"
#include "util.h"

static const char *const csv_columns[] = {
	"rank", "horizon", "risk", "effort", "impact", "action_id", "action",
	"advice", "areas", "finding_ids", "findings", "answers", "notes",
	"review", "references", "owner", "due_date", "status"
};

/* The last columns, left empty for the client to fill in as they work
 * through the plan; `compare --plan` reads them back. */
#define CSV_TRACKING_COLUMNS 3

/* Appends one field (escape.h), after a comma unless it is the first. */
static void csv_field(struct buf *out, const char *s, int first)
{
	if (!first)
		buf_addc(out, ',');
	escape_csv(out, s);
}

/* What one column lists of each finding of an action. */
enum csv_list {
	CSV_AREAS, CSV_IDS, CSV_TITLES, CSV_ANSWERS, CSV_NOTES, CSV_REVIEW,
	CSV_REFERENCES
};

/* Whether finding i of a is in an area an earlier one already named. */
static int area_named(const struct action *a, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (a->findings[k]->qs->question->area ==
		    a->findings[i]->qs->question->area)
			return 1;
	return 0;
}

/* What a review said of f: its change and reason, then its comment. */
static void csv_review(struct buf *out, const struct finding *f)
{
	size_t start = out->len;

	if (!f->review)
		return;
	render_review_line(out, f);
	if (f->review->comment)
		buf_addf(out, "%scomment: %s", out->len > start ? "; " : "",
			 f->review->comment);
}

/* The links of a finding, plain: "TITLE <URL>", joined by "; ". */
static void csv_references(struct buf *out, const struct question_score *qs)
{
	const struct reference *refs[RENDER_REFERENCES_MAX];
	size_t i, count = render_references(qs, refs);

	for (i = 0; i < count; i++)
		buf_addf(out, "%s%s <%s>", i ? "; " : "", refs[i]->title,
			 refs[i]->url);
}

static void csv_item(struct buf *out, const struct finding *f,
		     enum csv_list what)
{
	const struct question_score *qs = f->qs;

	switch (what) {
	case CSV_AREAS:
		buf_adds(out, qs->question->area->title);
		break;
	case CSV_IDS:
		buf_adds(out, qs->question->id);
		break;
	case CSV_TITLES:
		buf_adds(out, f->title);
		break;
	case CSV_ANSWERS:
		answer_describe(out, qs->question, qs->answer);
		if (qs->unknown)
			buf_adds(out, " (unknown)");
		break;
	case CSV_NOTES:
		if (qs->answer->note)
			buf_adds(out, qs->answer->note);
		break;
	case CSV_REVIEW:
		csv_review(out, f);
		break;
	case CSV_REFERENCES:
		csv_references(out, qs);
		break;
	}
}

/* The findings of an action in one field, joined by "; " (an area named
 * once, empty notes left out). */
static void csv_join(struct buf *out, const struct action *a,
		     enum csv_list what)
{
	struct buf item = BUF_INIT;
	size_t i;

	for (i = 0; i < a->nfindings; i++) {
		if (what == CSV_AREAS && area_named(a, i))
			continue;
		buf_reset(&item);
		csv_item(&item, a->findings[i], what);
		if (!item.len)
			continue;
		if (out->len)
			buf_adds(out, "; ");
		buf_add(out, item.data, item.len);
	}
	buf_release(&item);
}

static void csv_list_field(struct buf *out, const struct action *a,
			   enum csv_list what)
{
	struct buf text = BUF_INIT;

	csv_join(&text, a, what);
	csv_field(out, text.data, 0);
	buf_release(&text);
}

static void csv_row(struct buf *out, const struct action *a)
{
	buf_addf(out, "%zu", a->rank);
	csv_field(out, horizon_names[a->horizon], 0);
	csv_field(out, risk_names[a->risk], 0);
	csv_field(out, effort_names[a->effort], 0);
	buf_addf(out, ",%.2f", a->findings[0]->impact);
	csv_field(out, a->id, 0);
	csv_field(out, a->title, 0);
	csv_field(out, a->advice, 0);
	csv_list_field(out, a, CSV_AREAS);
	csv_list_field(out, a, CSV_IDS);
	csv_list_field(out, a, CSV_TITLES);
	csv_list_field(out, a, CSV_ANSWERS);
	csv_list_field(out, a, CSV_NOTES);
	csv_list_field(out, a, CSV_REVIEW);
	csv_list_field(out, a, CSV_REFERENCES);
	buf_addn(out, ',', CSV_TRACKING_COLUMNS);
	buf_adds(out, "\r\n");
}

void render_csv(struct buf *out, const struct report *r,
		const struct render_options *o)
{
	size_t i;

	(void)o;
	for (i = 0; i < ARRAY_SIZE(csv_columns); i++)
		csv_field(out, csv_columns[i], i == 0);
	buf_adds(out, "\r\n");
	/* One row an action, in the plan's order: the rank. */
	for (i = 0; i < r->score.plan.nactions; i++)
		csv_row(out, &r->score.plan.actions[i]);
}
