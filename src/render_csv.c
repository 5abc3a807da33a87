/*
 * render_csv.c - the action plan as CSV (RFC 4180): one finding a row, for
 * a spreadsheet or a tracker import.
 *
 * Fields are quoted when they hold a comma, a quote or a line break (quotes
 * doubled); records end in CRLF.  A text field that starts with = + - @ or a
 * tab would be read as a formula by spreadsheets, so it gets a leading
 * apostrophe (the OWASP advice against CSV injection).
 */
#include <string.h>

#include "escape.h"
#include "render.h"
#include "util.h"

static const char *const csv_columns[] = {
	"rank", "horizon", "priority", "risk", "effort", "area_id", "area",
	"question_id", "question", "answer", "score", "advice", "note"
};

/* Appends one field (escape.h), after a comma unless it is the first. */
static void csv_field(struct buf *out, const char *s, int first)
{
	if (!first)
		buf_addc(out, ',');
	escape_csv(out, s);
}

static void csv_number(struct buf *out, double v, int decimals)
{
	buf_addf(out, ",%.*f", decimals, v);
}

static void csv_row(struct buf *out, const struct finding *f)
{
	const struct question_score *qs = f->qs;
	struct buf answer = BUF_INIT;

	answer_describe(&answer, qs->question, qs->answer);
	buf_addf(out, "%zu", f->rank);
	csv_field(out, horizon_names[f->horizon], 0);
	csv_number(out, f->priority, 2);
	csv_field(out, risk_names[qs->risk], 0);
	csv_field(out, effort_names[qs->effort], 0);
	csv_field(out, qs->question->area->id, 0);
	csv_field(out, qs->question->area->title, 0);
	csv_field(out, qs->question->id, 0);
	csv_field(out, qs->question->text, 0);
	csv_field(out, answer.data, 0);
	csv_number(out, score_round(100 * qs->score, 1), 1);
	csv_field(out, qs->advice, 0);
	csv_field(out, qs->answer->note, 0);
	buf_adds(out, "\r\n");
	buf_release(&answer);
}

void render_csv(struct buf *out, const struct report *r,
		const struct render_options *o)
{
	size_t i;
	int h;

	(void)o;
	for (i = 0; i < ARRAY_SIZE(csv_columns); i++)
		csv_field(out, csv_columns[i], i == 0);
	buf_adds(out, "\r\n");
	/* The plan's order: by horizon, then by rank within it. */
	for (h = 0; h < HORIZON_COUNT; h++)
		for (i = 0; i < r->score.nfindings; i++)
			if (r->score.findings[i].horizon == (enum horizon)h)
				csv_row(out, &r->score.findings[i]);
}
