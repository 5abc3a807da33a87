/*
 * screen.c - the welcome, a question, its help and the review list, written
 * to a FILE.
 */
#include <stdio.h>
#include <string.h>

#include "answer_parse.h"
#include "screen.h"
#include "term.h"
#include "util.h"

static const char commands_help[] =
	"At any prompt: '?' or 'help' explains the question, 'back' returns to "
	"the previous question, 'skip' leaves it unanswered, 'note' attaches a "
	"note to the answer, 'quit' saves and leaves.";

void screen_init(struct screen *s, FILE *out, size_t width, int use_color)
{
	s->out = out;
	s->width = width;
	term_style_init(&s->style, use_color);
}

void screen_wrapped(const struct screen *s, const char *before,
		    const char *text, const char *after, size_t indent)
{
	struct buf out = BUF_INIT;

	term_wrap(&out, text, s->width, indent);
	if (out.len && out.data[out.len - 1] == '\n')
		buf_truncate(&out, out.len - 1);
	fprintf(s->out, "%s%s%s\n", before, out.data, after);
	buf_release(&out);
}

/* ---- the welcome -------------------------------------------------------- */

/* Minutes for n questions, at about 22 seconds a question. */
static size_t minutes_for(size_t n)
{
	return (n * 22 + 59) / 60;
}

/*
 * How long the interview takes.  Before the profile is answered only the
 * questions without a condition are certain, so an adaptive questionnaire
 * gives a range rather than a number that will shrink.
 */
static void describe_length(struct buf *text, const struct questionnaire *q,
			    size_t total)
{
	size_t always = 0, i;

	for (i = 0; i < q->nquestions; i++)
		always += q->questions[i]->when == NULL;
	if (always >= total) {
		buf_addf(text, "About %zu questions, roughly %zu minutes.",
			 total, minutes_for(total));
		return;
	}
	buf_addf(text, "Between %zu and %zu questions, depending on your "
		 "company (the first ones rule out what does not apply); "
		 "roughly ", always, total);
	if (minutes_for(always) < minutes_for(total))
		buf_addf(text, "%zu to ", minutes_for(always));
	buf_addf(text, "%zu minutes.", minutes_for(total));
}

void screen_welcome(const struct screen *s, const struct questionnaire *q,
		    const struct screen_welcome *w)
{
	struct buf text = BUF_INIT;

	fputc('\n', s->out);
	screen_wrapped(s, s->style.bold, q->title, s->style.reset, 0);
	if (q->description)
		screen_wrapped(s, "", q->description, "", 0);
	fputc('\n', s->out);
	if (w->answered && w->resumed)
		buf_addf(&text, "Welcome back: %zu of about %zu questions are "
			 "answered; you continue where you stopped.",
			 w->answered, w->total);
	else if (w->answered)
		buf_addf(&text, "%zu of about %zu questions are answered "
			 "already; the others follow.", w->answered, w->total);
	else
		describe_length(&text, q, w->total);
	buf_adds(&text, " Answers are saved as you go, in '");
	term_sanitize(&text, w->session_path, 0);
	buf_adds(&text, "'.");
	screen_wrapped(s, "", text.data, "", 0);
	screen_wrapped(s, "", "Pick a choice by its number or the start of "
		       "its label (Tab completes). Enter keeps the answer "
		       "shown as current.", "", 0);
	screen_wrapped(s, "", commands_help, "", 0);
	buf_release(&text);
}

/* ---- a question --------------------------------------------------------- */

static int has_choices(const struct question *qn)
{
	return qn->type == QTYPE_SINGLE || qn->type == QTYPE_MULTI ||
	       qn->type == QTYPE_YESNO;
}

/* "  3. Label" with the label wrapped under itself. */
static void print_item(const struct screen *s, size_t number,
		       const char *label)
{
	struct buf prefix = BUF_INIT, body = BUF_INIT;

	buf_addf(&prefix, "  %zu. ", number);
	term_wrap(&body, label, s->width, prefix.len);
	memcpy(body.data, prefix.data, prefix.len);
	fputs(body.data, s->out);
	buf_release(&prefix);
	buf_release(&body);
}

static void print_choices(const struct screen *s, const struct question *qn)
{
	size_t i;

	/* Numbers and scales take digits: "don't know" is 'dk' there. */
	if (!has_choices(qn))
		return;
	for (i = 0; i < qn->nchoices; i++)
		print_item(s, i + 1, qn->choices[i].label);
	if (qn->dont_know)
		print_item(s, qn->nchoices + 1, "Don't know");
}

/* What a scale or number prompt accepts: range, unit, end labels, dk. */
static void add_number_hint(struct buf *hint, const struct question *qn)
{
	buf_addf(hint, "Type %s",
		 qn->type == QTYPE_SCALE ? "a whole number" : "a number");
	if (qn->has_min || qn->has_max)
		buf_adds(hint, " ");
	answer_parse_add_range(hint, qn);
	if (qn->unit)
		buf_addf(hint, " (%s)", qn->unit);
	if (qn->min_label || qn->max_label) {
		buf_adds(hint, ": ");
		buf_add_number(hint, qn->min);
		buf_addf(hint, " = %s, ",
			 qn->min_label ? qn->min_label : "lowest");
		buf_add_number(hint, qn->max);
		buf_addf(hint, " = %s",
			 qn->max_label ? qn->max_label : "highest");
	}
	buf_adds(hint, qn->dont_know ? "; dk if you don't know." : ".");
}

/* The line that says what the prompt accepts. */
static void print_hint(const struct screen *s, const struct question *qn)
{
	struct buf hint = BUF_INIT;
	size_t n = qn->nchoices + (qn->dont_know ? 1 : 0);

	switch (qn->type) {
	case QTYPE_SINGLE:
		buf_addf(&hint, "Type 1-%zu, or the start of a label (Tab "
			 "completes).", n);
		break;
	case QTYPE_YESNO:
		buf_addf(&hint, "Type y or n (or 1-%zu).", n);
		break;
	case QTYPE_MULTI:
		buf_addf(&hint, "Type all that apply, separated by commas "
			 "(e.g. 1,3) or labels (Tab completes); 'none' for "
			 "none.");
		break;
	case QTYPE_SCALE:
	case QTYPE_NUMBER:
		add_number_hint(&hint, qn);
		break;
	default:
		buf_adds(&hint, "Type your answer on one line.");
	}
	if (qn->not_applicable) {
		buf_truncate(&hint, hint.len - 1); /* every hint ends in '.' */
		buf_adds(&hint, "; 'na' if it does not apply.");
	}
	screen_wrapped(s, s->style.dim, hint.data, s->style.reset, 2);
	buf_release(&hint);
}

void screen_question(const struct screen *s, const struct question *qn,
		     const struct answer *ans,
		     const struct progress_position *pos)
{
	struct buf line = BUF_INIT;

	fputc('\n', s->out);
	term_sanitize(&line, qn->area->title, 0);
	buf_addf(&line, " %zu/%zu - question %zu of %zu", pos->in_area,
		 pos->area_total, pos->overall, pos->total);
	fprintf(s->out, "%s%s%s\n", s->style.dim, line.data, s->style.reset);
	screen_wrapped(s, s->style.bold, qn->text, s->style.reset, 0);
	print_choices(s, qn);
	print_hint(s, qn);
	if (ans->kind != ANSWER_NONE) {
		buf_reset(&line);
		buf_adds(&line, "Current answer: ");
		answer_describe(&line, qn, ans);
		buf_adds(&line, " (Enter keeps it)");
		screen_wrapped(s, "", line.data, "", 2);
	}
	if (ans->note) {
		buf_reset(&line);
		buf_adds(&line, "Note: ");
		buf_adds(&line, ans->note);
		screen_wrapped(s, "", line.data, "", 2);
	}
	buf_release(&line);
}

void screen_help(const struct screen *s, const struct question *qn)
{
	struct buf commands = BUF_INIT;

	if (qn->help)
		screen_wrapped(s, "", qn->help, "", 2);
	else
		fputs("  There is no help text for this question.\n", s->out);
	buf_adds(&commands, commands_help);
	if (qn->not_applicable)
		buf_adds(&commands, " 'na' answers that the question does not "
			 "apply to you, with the reason if you like.");
	screen_wrapped(s, s->style.dim, commands.data, s->style.reset, 2);
	buf_release(&commands);
}

void screen_reason(const struct screen *s, const struct question *qn)
{
	screen_wrapped(s, "", qn->not_applicable_prompt ?
		       qn->not_applicable_prompt :
		       "Why does this not apply? (optional, Enter to skip)",
		       "", 2);
}

/* ---- the review --------------------------------------------------------- */

/* One line of the review: number, question, answer, cut to the width. */
static void print_review_line(const struct screen *s, size_t number,
			      const struct question *qn,
			      const struct answer *ans)
{
	struct buf line = BUF_INIT, value = BUF_INIT;
	size_t room = s->width > 40 ? s->width - 8 : 32;
	size_t text_width = room * 3 / 5, used;

	buf_addf(&line, "  %3zu. ", number);
	used = term_truncate(&line, qn->text, text_width);
	buf_addn(&line, ' ', text_width - used + 2);
	answer_describe(&value, qn, ans);
	if (ans->note)
		buf_adds(&value, " [note]");
	term_truncate(&line, value.data, room - text_width - 2);
	fprintf(s->out, "%s\n", line.data);
	buf_release(&line);
	buf_release(&value);
}

size_t screen_review(const struct screen *s, const struct answers *a,
		     const unsigned char *applies, size_t *map)
{
	const struct questionnaire *q = a->questionnaire;
	const struct area *area = NULL;
	struct buf title = BUF_INIT;
	size_t i, n = 0;

	fprintf(s->out, "\n%sReview your answers%s\n", s->style.bold,
		s->style.reset);
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		if (!applies[i])
			continue;
		if (qn->area != area) {
			area = qn->area;
			buf_reset(&title);
			term_sanitize(&title, area->title, 0);
			fprintf(s->out, "\n%s\n", title.data);
		}
		map[n++] = i;
		print_review_line(s, n, qn, answers_get_const(a, qn));
	}
	buf_release(&title);
	return n;
}
