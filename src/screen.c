/*
 * screen.c - the welcome, a question, its help and the review list, written
 * to a FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_parse.h"
#include "screen.h"
#include "term.h"
#include "util.h"

static const char commands_help[] =
	"At any prompt: '?' or 'help' explains the question, 'back' returns to "
	"the previous question, 'skip' leaves it unanswered, 'note' attaches a "
	"note to the answer ('note -1' to the previous one, 'note edit' opens "
	"your editor), 'quit' saves and leaves.";

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
	buf_addf(hint, "Type %s", qn->type == QTYPE_SCALE || qn->integer ?
		 "a whole number" : "a number");
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


/* The answer as the review shows it: the answer, then its note. */
static void review_answer(struct buf *out, const struct question *qn,
			  const struct answer *ans)
{
	answer_describe(out, qn, ans);
	if (ans->note) {
		buf_adds(out, "\nNote: ");
		buf_adds(out, ans->note);
	}
}

/* The next line of wrapped text at *p (advanced), without its newline. */
static const char *next_line(char **p)
{
	char *line = *p, *nl;

	if (!*line)
		return NULL;
	nl = strchr(line, '\n');
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/* "  NNN. ": number right-aligned in the review's number column. */
static void add_number(struct buf *out, const struct screen_review *r,
		       size_t number)
{
	buf_addf(out, "  %*zu. ", (int)(r->number_width - 4), number);
}

/* Question and answer side by side; returns the lines written. */
static size_t review_columns(struct buf *out, const struct screen *s,
			     const struct screen_review *r, size_t number,
			     const char *question, const char *answer)
{
	size_t room = s->width - r->number_width - 2;
	size_t qwidth = room * 3 / 5, lines = 0;
	struct buf qtext = BUF_INIT, atext = BUF_INIT;
	char *qp, *ap;
	const char *ql, *al;

	term_wrap(&qtext, question, qwidth, 0);
	term_wrap(&atext, answer, room - qwidth, 0);
	qp = qtext.data;
	ap = atext.data;
	for (;;) {
		ql = next_line(&qp);
		al = next_line(&ap);
		if (!ql && !al)
			break;
		if (lines++)
			buf_addn(out, ' ', r->number_width);
		else
			add_number(out, r, number);
		buf_adds(out, ql ? ql : "");
		if (al) {
			buf_addn(out, ' ', qwidth - term_text_width(ql ? ql : "")
				 + 2);
			buf_adds(out, al);
		}
		buf_addc(out, '\n');
	}
	buf_release(&qtext);
	buf_release(&atext);
	return lines;
}

/*
 * The answer under its question (narrow screens), after "-> "; returns
 * the lines written.
 */
static size_t review_stacked(struct buf *out, const struct screen *s,
			     const struct screen_review *r, size_t number,
			     const char *question, const char *answer)
{
	size_t start = out->len, lines = 0, i;
	struct buf prefix = BUF_INIT;

	/* term_wrap() starts every line with the indent: the number goes
	 * over the first one's, the arrow over the answer's. */
	add_number(&prefix, r, number);
	term_wrap(out, question, s->width, r->number_width);
	memcpy(out->data + start, prefix.data, r->number_width);
	i = out->len;
	term_wrap(out, answer, s->width, r->number_width + 3);
	memcpy(out->data + i + r->number_width, "-> ", 3);
	for (i = start; i < out->len; i++)
		lines += out->data[i] == '\n';
	buf_release(&prefix);
	return lines;
}

static void add_entry(struct screen_review *r, const struct screen *s,
		      const struct question *qn, const struct answer *ans)
{
	struct review_entry *e = &r->entries[r->count];
	struct buf answer = BUF_INIT;

	review_answer(&answer, qn, ans);
	e->offset = r->text.len;
	e->area = qn->area;
	r->count++;
	if (s->width >= SCREEN_REVIEW_COLUMNS)
		e->lines = review_columns(&r->text, s, r, r->count, qn->text,
					  answer.data);
	else
		e->lines = review_stacked(&r->text, s, r, r->count, qn->text,
					  answer.data);
	buf_release(&answer);
}

/* Whether entry k starts its area (its title is shown above it). */
static int starts_area(const struct screen_review *r, size_t k)
{
	return k == 0 || r->entries[k].area != r->entries[k - 1].area;
}

/* Pages of at most page_lines lines; an area title takes two. */
static void paginate(struct screen_review *r, size_t page_lines)
{
	size_t k, used = 0;

	r->page_first = xcalloc(r->count + 1, sizeof(*r->page_first));
	for (k = 0; k < r->count; k++) {
		size_t need = r->entries[k].lines + 2 * starts_area(r, k);

		if (k && used + need > page_lines) {
			r->page_first[r->npages++] = k;
			/* A new page shows the area's title in any case. */
			used = r->entries[k].lines + 2;
			continue;
		}
		if (!k)
			r->page_first[r->npages++] = 0;
		used += need;
	}
	if (!r->npages)
		r->page_first[r->npages++] = 0;
}

void screen_review_build(struct screen_review *r, const struct screen *s,
			 const struct answers *a,
			 const unsigned char *applies, size_t page_lines)
{
	const struct questionnaire *q = a->questionnaire;
	size_t i, n = 0, digits = 1;

	memset(r, 0, sizeof(*r));
	buf_init(&r->text);
	for (i = 0; i < q->nquestions; i++)
		n += applies[i] != 0;
	for (; n >= 10; n /= 10)
		digits++;
	/* "  " before the number, ". " after it, and three digits at least. */
	r->number_width = 4 + (digits < 3 ? 3 : digits);
	r->map = xcalloc(q->nquestions + 1, sizeof(*r->map));
	r->entries = xcalloc(q->nquestions + 1, sizeof(*r->entries));
	for (i = 0; i < q->nquestions; i++) {
		if (!applies[i])
			continue;
		r->map[r->count] = i;
		add_entry(r, s, q->questions[i],
			  answers_get_const(a, q->questions[i]));
	}
	paginate(r, page_lines ? page_lines : (size_t)-1 / 2);
}

void screen_review_page(const struct screen *s, const struct screen_review *r,
			size_t page)
{
	size_t k, end = page + 1 < r->npages ? r->page_first[page + 1]
					      : r->count;
	struct buf title = BUF_INIT;

	fprintf(s->out, "\n%sReview your answers%s", s->style.bold,
		s->style.reset);
	if (r->npages > 1)
		fprintf(s->out, " (page %zu of %zu)", page + 1, r->npages);
	fputc('\n', s->out);
	for (k = r->page_first[page]; k < end; k++) {
		const struct review_entry *e = &r->entries[k];
		size_t len = (k + 1 < r->count ? r->entries[k + 1].offset
					       : r->text.len) - e->offset;

		if (starts_area(r, k) || k == r->page_first[page]) {
			buf_reset(&title);
			buf_adds(&title, e->area->title);
			if (!starts_area(r, k))
				buf_adds(&title, " (continued)");
			screen_wrapped(s, "\n", title.data, "", 0);
		}
		fwrite(r->text.data + e->offset, 1, len, s->out);
	}
	buf_release(&title);
}

size_t screen_review_page_of(const struct screen_review *r, size_t number)
{
	size_t page = 0;

	while (page + 1 < r->npages && r->page_first[page + 1] < number)
		page++;
	return page;
}

void screen_review_release(struct screen_review *r)
{
	free(r->map);
	free(r->entries);
	free(r->page_first);
	buf_release(&r->text);
	memset(r, 0, sizeof(*r));
}
