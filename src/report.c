/*
 * report.c - the report model: an assessment scored once, with the dates
 * and the plan order every format prints.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "review.h"
#include "util.h"

/* The time of the report: $SOURCE_DATE_EPOCH when valid, else now. */
static time_t report_time(void)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (env && *env) {
		errno = 0;
		v = strtoll(env, &end, 10);
		if (!errno && !*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* Copies the YYYY-MM-DD prefix of an ISO 8601 time when it has one. */
static int date_of(char *date, size_t size, const char *iso)
{
	size_t i;

	if (!iso || strlen(iso) < 10 || size < 11)
		return -1;
	for (i = 0; i < 10; i++) {
		int dash = i == 4 || i == 7;

		if (dash ? iso[i] != '-' : !isdigit((unsigned char)iso[i]))
			return -1;
	}
	memcpy(date, iso, 10);
	date[10] = '\0';
	return 0;
}

/* ---- framing ------------------------------------------------------------- */

static struct report_row *add_row(struct report *r, size_t *alloc,
				  enum report_row_kind kind, const char *label)
{
	struct report_row *row;

	GROW(r->rows, *alloc, r->nrows + 1);
	row = &r->rows[r->nrows++];
	memset(row, 0, sizeof(*row));
	row->kind = kind;
	row->label = label;
	return row;
}

/* The row of the question with this id, unless it does not apply. */
static void add_question_row(struct report *r, size_t *alloc,
			     const char *id)
{
	const struct questionnaire *q = r->questionnaire;
	const struct score_result *s = &r->score;
	const struct question *qn = questionnaire_question(q, id);
	const struct question_score *qs;
	struct report_row *row;
	struct buf value = BUF_INIT;

	if (!qn || s->questions[qn->index].status == STATUS_RULED_OUT)
		return;
	qs = &s->questions[qn->index];
	if (q->name_question && !strcmp(id, q->name_question)) {
		row = add_row(r, alloc, REPORT_ROW_KIND_COMPANY, "Company");
		buf_adds(&value, s->company ? s->company : "Not given");
	} else if (q->stage_question && !strcmp(id, q->stage_question)) {
		row = add_row(r, alloc, REPORT_ROW_KIND_STAGE, "Stage");
		buf_adds(&value, s->stage_label ? s->stage_label :
			 s->stage ? s->stage : "Not given");
	} else {
		row = add_row(r, alloc, REPORT_ROW_KIND_ANSWER, qn->text);
		answer_describe(&value, qn, qs->answer);
	}
	row->qs = qs;
	row->value = buf_detach(&value, NULL);
}

static void add_date_row(struct report *r, size_t *alloc)
{
	add_row(r, alloc, REPORT_ROW_KIND_DATE, "Assessment date")->value =
		xstrdup(r->date);
}

static void add_questionnaire_row(struct report *r, size_t *alloc)
{
	const struct questionnaire *q = r->questionnaire;
	struct buf value = BUF_INIT;

	buf_addf(&value, "%s (%s, version %s)", q->title, q->id, q->version);
	add_row(r, alloc, REPORT_ROW_KIND_QUESTIONNAIRE, "Questionnaire")->value
		= buf_detach(&value, NULL);
}

/* The rows when the questionnaire does not list them. */
static void default_rows(struct report *r, size_t *alloc)
{
	const struct questionnaire *q = r->questionnaire;
	size_t i;

	if (q->name_question)
		add_question_row(r, alloc, q->name_question);
	if (q->stage_question)
		add_question_row(r, alloc, q->stage_question);
	add_date_row(r, alloc);
	add_questionnaire_row(r, alloc);
	for (i = 0; i < r->score.nquestions; i++) {
		const struct question_score *qs = &r->score.questions[i];
		const struct question *qn = qs->question;

		if (!qn->area->scored && qn->type == QTYPE_TEXT &&
		    qs->status == STATUS_ANSWERED && qs->answer->text &&
		    *qs->answer->text &&
		    !(q->name_question && !strcmp(q->name_question, qn->id)))
			add_question_row(r, alloc, qn->id);
	}
}

static void frame(struct report *r)
{
	const struct questionnaire *q = r->questionnaire;
	const struct report_framing *f = &q->report;
	struct buf title = BUF_INIT;
	size_t i, alloc = 0;

	if (f->title)
		buf_adds(&title, f->title);
	else
		buf_addf(&title, "%s report", q->title);
	r->title = buf_detach(&title, NULL);
	r->subtitle = f->subtitle;
	if (!f->has_profile) {
		default_rows(r, &alloc);
		return;
	}
	for (i = 0; i < f->nprofile; i++) {
		const char *id = f->profile[i].id;

		if (!strcmp(id, REPORT_ROW_DATE))
			add_date_row(r, &alloc);
		else if (!strcmp(id, REPORT_ROW_QUESTIONNAIRE))
			add_questionnaire_row(r, &alloc);
		else
			add_question_row(r, &alloc, id);
	}
}

/* ---- the report ------------------------------------------------------------- */

void report_init(struct report *r, const struct questionnaire *q,
		 const struct answers *a)
{
	report_init_with(r, q, a, NULL);
}

/* Scores, applies the review if any (its warnings kept or dropped), plans. */
static void assess(struct report *r, const struct report_inputs *in)
{
	struct diag_list ignored = DIAG_LIST_INIT;

	score_answers(&r->score, r->questionnaire, r->answers);
	if (r->review)
		review_apply(r->review, &r->score,
			     in->diags ? in->diags : &ignored);
	plan_build(&r->score);
	diag_list_release(&ignored);
}

void report_init_with(struct report *r, const struct questionnaire *q,
		      const struct answers *a, const struct report_inputs *in)
{
	time_t now = report_time();
	struct tm tm;

	memset(r, 0, sizeof(*r));
	r->questionnaire = q;
	r->answers = a;
	if (in) {
		r->review = in->review;
		r->consultant = in->consultant;
	}
	assess(r, in);
	if (!gmtime_r(&now, &tm) ||
	    !strftime(r->generated_at, sizeof(r->generated_at),
		      "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(r->generated_at, "1970-01-01T00:00:00Z");
	if (date_of(r->date, sizeof(r->date), a->completed_at) &&
	    date_of(r->date, sizeof(r->date), a->updated_at))
		date_of(r->date, sizeof(r->date), r->generated_at);
	frame(r);
}

void report_release(struct report *r)
{
	size_t i;

	score_release(&r->score);
	for (i = 0; i < r->nrows; i++)
		free(r->rows[i].value);
	free(r->rows);
	free(r->title);
	memset(r, 0, sizeof(*r));
}
