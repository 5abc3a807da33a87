/*
 * interview.c - the question loop, the commands at the prompt, the review.
 *
 * Walking order: questions in questionnaire order; one is asked when its
 * `when` holds and it has no answer yet, or when the founder has gone back
 * past it in this session (then its answer is offered as the default).
 * `frontier` is the index of the first question not yet shown in this
 * session, which is what tells the two cases apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "answer_parse.h"
#include "diag.h"
#include "interview.h"
#include "lineinput.h"
#include "progress.h"
#include "screen.h"
#include "term.h"
#include "util.h"

enum step {
	STEP_NEXT,    /* answered (or kept): go on */
	STEP_BACK,    /* 'back' */
	STEP_RETRY,   /* an explained mistake: ask again at the same prompt */
	STEP_QUIT,
	STEP_EOF,
	STEP_SIGNAL,
	STEP_INVALID, /* no terminal and an invalid line */
	STEP_FAILED   /* cannot save */
};

enum command { CMD_NONE, CMD_HELP, CMD_BACK, CMD_SKIP, CMD_NOTE, CMD_QUIT };

struct interview {
	const struct questionnaire *q;
	struct answers *a;
	const struct interview_options *opts;
	struct screen screen; /* stdout */
	struct line_input in;
	struct progress progress; /* which questions apply, and where we are */
	size_t frontier;
	struct buf *err;
	/* A number above its `max` typed once, to be typed again to keep. */
	int max_pending;
	size_t max_question;
	double max_value;
	/* Sanitised choice labels of the question at the prompt, for Tab. */
	char **labels;
	size_t nlabels;
};

/* ---- small helpers ------------------------------------------------------ */

static void touch(struct interview *iv)
{
	free(iv->a->updated_at);
	iv->a->updated_at = answers_now();
}

/*
 * Every change to an answer (its value, its note) goes through here: the
 * applicability and progress are brought up to date, and the change is
 * saved at once.  The whole session is rewritten each time; a journal that
 * records only the answer (answers_record) replaces that call here.
 */
/*
 * Saves the answer to question index at once: appended to the session's
 * journal, one line whatever the size of the questionnaire; the snapshot
 * takes the journal in when the interview ends (answers.h).
 */
static int save_answer(struct interview *iv, size_t index)
{
	progress_changed(&iv->progress, index);
	touch(iv);
	return answers_record(iv->a, iv->opts->session_path, index, iv->err);
}

static int has_choices(const struct question *qn)
{
	return qn->type == QTYPE_SINGLE || qn->type == QTYPE_MULTI ||
	       qn->type == QTYPE_YESNO;
}

/* ---- showing a question ------------------------------------------------- */

static void free_labels(struct interview *iv)
{
	size_t i;

	for (i = 0; i < iv->nlabels; i++)
		free(iv->labels[i]);
	free(iv->labels);
	iv->labels = NULL;
	iv->nlabels = 0;
	line_input_set_completion(NULL);
}

/*
 * Tab at a multi question offers what can still be ticked: not what the
 * line ticks already, not "don't know" or an exclusive choice ("None of
 * these") beside a ticked one, nothing beside a ticked exclusive one.
 */
static int still_offered(void *ctx, const char *before, size_t i)
{
	const struct question *qn = ctx;
	unsigned char *ticked = xcalloc(qn->nchoices + 1, 1);
	size_t n = answer_parse_ticked(qn, before, ticked), j;
	int ok = !ticked[i];

	for (j = 0; j < qn->nchoices && ok && n; j++)
		if (ticked[j] && qn->choices[j].exclusive)
			ok = 0;
	if (ok && n && (i == qn->nchoices || qn->choices[i].exclusive))
		ok = 0;
	free(ticked);
	return ok;
}

/* Offers the question's labels to Tab ("Don't know" too, where offered). */
static void set_completions(struct interview *iv, const struct question *qn)
{
	struct line_completion c;
	size_t i;

	free_labels(iv);
	if (!has_choices(qn))
		return;
	iv->labels = xcalloc(qn->nchoices + 1, sizeof(char *));
	for (i = 0; i < qn->nchoices; i++)
		iv->labels[iv->nlabels++] = answer_parse_label(&qn->choices[i]);
	if (qn->dont_know)
		iv->labels[iv->nlabels++] = xstrdup("Don't know");
	c.words = (const char *const *)iv->labels;
	c.count = iv->nlabels;
	c.word_breaks = qn->type == QTYPE_MULTI ? "," : "";
	c.offered = qn->type == QTYPE_MULTI ? still_offered : NULL;
	c.ctx = (void *)qn;
	line_input_set_completion(&c);
}

/* The screen as wide as the terminal is now: a window may be resized. */
static void refresh_width(struct interview *iv)
{
	iv->screen.width = term_width(STDOUT_FILENO);
}

static void show_question(struct interview *iv, const struct question *qn)
{
	struct progress_position pos = progress_at(&iv->progress, qn->index);

	refresh_width(iv);
	screen_question(&iv->screen, qn, answers_get_const(iv->a, qn), &pos);
	set_completions(iv, qn);
}

/* ---- the prompt --------------------------------------------------------- */

/* The words of the prompt ('na' is an answer: answer_parse.h). */
static const struct {
	const char *word;
	enum command command;
} commands[] = {
	{ "?", CMD_HELP }, { "help", CMD_HELP }, { "back", CMD_BACK },
	{ "skip", CMD_SKIP }, { "note", CMD_NOTE }, { "quit", CMD_QUIT },
};

/* Only whole words are commands, so that text answers stay free. */
static enum command parse_command(const char *s)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcasecmp(s, commands[i].word))
			return commands[i].command;
	return CMD_NONE;
}

/* What 'note' was asked to do: "note", "note -1", "note edit". */
struct note_request {
	int previous; /* on the previous answer ("-1") */
	int edit;     /* in $VISUAL or $EDITOR ("edit") */
};

/*
 * Whether s is 'note' with the words it takes, in any order ("note -1
 * edit"); anything else after 'note' makes the line a text answer.
 */
static int parse_note(const char *s, struct note_request *req)
{
	char *copy, *word, *save = NULL;
	int ok = 1;

	memset(req, 0, sizeof(*req));
	if (strncasecmp(s, "note", 4) || (s[4] && s[4] != ' '))
		return 0;
	copy = xstrdup(s + 4);
	for (word = strtok_r(copy, " ", &save); word && ok;
	     word = strtok_r(NULL, " ", &save)) {
		if (!strcmp(word, "-1") && !req->previous)
			req->previous = 1;
		else if (!strcasecmp(word, "edit") && !req->edit)
			req->edit = 1;
		else
			ok = 0;
	}
	free(copy);
	return ok;
}

/*
 * Without a terminal nobody can retype: the line ends the interview, with
 * what was wrong with it (at question qn, or at another prompt when NULL).
 */
static enum step invalid_line(struct interview *iv, const struct question *qn,
			      const char *problem)
{
	if (qn) {
		buf_addf(iv->err, "invalid answer to question '%s' (", qn->id);
		term_truncate(iv->err, qn->text, 60);
		buf_adds(iv->err, "): ");
	} else {
		buf_adds(iv->err, "invalid line: ");
	}
	term_sanitize(iv->err, problem, 0);
	return STEP_INVALID;
}

/* Reads a line at prompt, for question qn (NULL at the review). */
static enum step read_input(struct interview *iv, const struct question *qn,
			    const char *prompt, char **line)
{
	struct buf problem = BUF_INIT;
	enum step step;

	fflush(iv->screen.out);
	switch (line_input_read(&iv->in, prompt, line)) {
	case LINE_OK:
		return STEP_NEXT;
	case LINE_EOF:
		return STEP_EOF;
	case LINE_TOO_LONG:
		/* Only read from a pipe: refused whole, never cut. */
		buf_addf(&problem, "the line is longer than the limit of %d "
			 "bytes (%d MiB)", LINE_INPUT_MAX,
			 LINE_INPUT_MAX / (1024 * 1024));
		step = invalid_line(iv, qn, problem.data);
		buf_release(&problem);
		return step;
	default:
		return STEP_SIGNAL;
	}
}

/* The question before i that applies, if there is one. */
static int previous_question(const struct interview *iv, size_t i,
			     size_t *out)
{
	while (i-- > 0) {
		if (progress_applies(&iv->progress, i)) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

/* Sets the note of ans to text (NULL or "-" removes it) and says so. */
static void set_note(struct interview *iv, struct answer *ans,
		     const char *text)
{
	if (!text || !*text) {
		fputs("  Note unchanged.\n", iv->screen.out);
		return;
	}
	free(ans->note);
	ans->note = NULL;
	if (strcmp(text, "-"))
		ans->note = xstrdup(text);
	fputs(ans->note ? "  Note saved.\n" : "  Note removed.\n",
	      iv->screen.out);
}

/* The note of ans, written in $VISUAL or $EDITOR. */
static void edit_note(struct interview *iv, struct answer *ans)
{
	struct buf err = BUF_INIT;
	char *text = NULL;

	if (line_input_edit(&iv->in, ans->note ? ans->note : "", &text,
			    &err) < 0) {
		screen_wrapped(&iv->screen, "", err.data, "", 2);
		fputs("  Note unchanged.\n", iv->screen.out);
	} else {
		set_note(iv, ans, *text ? text : "-");
	}
	free(text);
	buf_release(&err);
}

/*
 * 'note' at question qn: on qn's answer, or with "-1" on the previous
 * question's (a note typed just after answering belongs there); says which
 * question it is on before asking for it.
 */
static enum step take_note(struct interview *iv, const struct question *qn,
			   const struct note_request *req)
{
	const struct question *target = qn;
	struct answer *ans;
	struct buf line = BUF_INIT;
	enum step step = STEP_NEXT;
	size_t prev;
	int has_prev = previous_question(iv, qn->index, &prev);
	char *text;

	if (req->previous && !has_prev) {
		fputs("  There is no previous question.\n", iv->screen.out);
		return STEP_NEXT;
	}
	if (req->previous)
		target = iv->q->questions[prev];
	ans = answers_get(iv->a, target);
	buf_adds(&line, "Note on: ");
	buf_adds(&line, target->text);
	screen_wrapped(&iv->screen, "", line.data, "", 2);
	if (req->edit) {
		edit_note(iv, ans);
		goto save;
	}
	buf_reset(&line);
	buf_adds(&line, "Type the note (Enter leaves it as it is, '-' removes "
		 "it, 'edit' opens your editor)");
	if (!req->previous && has_prev &&
	    answers_get_const(iv->a, qn)->kind == ANSWER_NONE)
		buf_adds(&line, "; 'note -1' puts it on the previous answer "
			 "instead");
	buf_adds(&line, ".");
	screen_wrapped(&iv->screen, "", line.data, "", 2);
	step = read_input(iv, qn, "note> ", &text);
	if (step != STEP_NEXT)
		goto out;
	if (!strcasecmp(answer_parse_trim(text), "edit"))
		edit_note(iv, ans);
	else
		set_note(iv, ans, answer_parse_trim(text));
	free(text);
save:
	step = save_answer(iv, target->index) < 0 ? STEP_FAILED : STEP_NEXT;
out:
	buf_release(&line);
	return step;
}

/* After 'na': asks why (optional); the reason goes into value->text. */
static enum step take_reason(struct interview *iv, const struct question *qn,
			     struct answer *value)
{
	enum step step;
	char *line, *text;

	screen_reason(&iv->screen, qn);
	step = read_input(iv, qn, "reason> ", &line);
	if (step != STEP_NEXT)
		return step;
	text = answer_parse_trim(line);
	if (*text)
		value->text = xstrdup(text);
	free(line);
	return STEP_NEXT;
}

/*
 * Whether value may be taken as far as the `max` of qn goes.  More than
 * the answer max names (more builders than people) may be right (an
 * agency's people count), or a typo: the founder types it a second time
 * to keep it; without a terminal it is taken with the warning.
 */
static int confirmed_max(struct interview *iv, const struct question *qn,
			 const struct answer *value, struct buf *problem)
{
	struct buf why = BUF_INIT;
	int ok = 1;

	if (answer_parse_check_max(qn, iv->a, value, &why) == 0) {
		iv->max_pending = 0;
	} else if (!iv->opts->use_readline) {
		warning("%s", why.data);
	} else if (iv->max_pending && iv->max_question == qn->index &&
		   iv->max_value == value->number) {
		iv->max_pending = 0;
	} else {
		buf_addf(problem, "%s; if that is right, type ", why.data);
		buf_add_number(problem, value->number);
		buf_adds(problem, " again to keep it");
		iv->max_pending = 1;
		iv->max_question = qn->index;
		iv->max_value = value->number;
		ok = 0;
	}
	buf_release(&why);
	return ok;
}

/*
 * Handles a line that is not a command: an answer, or an empty line that
 * keeps the current answer.  Returns STEP_NEXT when answered, STEP_RETRY
 * after explaining a mistake, or another step.
 */
static enum step take_answer(struct interview *iv, const struct question *qn,
			     const char *s)
{
	struct answer *ans = answers_get(iv->a, qn);
	struct answer value;
	struct buf problem = BUF_INIT;
	enum step step = STEP_NEXT;

	memset(&value, 0, sizeof(value));
	if (!*s && ans->kind != ANSWER_NONE)
		return STEP_NEXT;
	if (answer_parse(qn, s, &value, &problem) < 0 ||
	    !confirmed_max(iv, qn, &value, &problem)) {
		if (iv->opts->use_readline) {
			screen_wrapped(&iv->screen, "", problem.data, "", 2);
			step = STEP_RETRY;
		} else {
			step = invalid_line(iv, qn, problem.data);
		}
		answer_release(&value);
		buf_release(&problem);
		return step;
	}
	buf_release(&problem);
	if (value.kind == ANSWER_NOT_APPLICABLE &&
	    (step = take_reason(iv, qn, &value)) != STEP_NEXT) {
		/* Left at the reason: the answer is not taken. */
		answer_release(&value);
		return step;
	}
	value.note = ans->note;
	ans->note = NULL;
	answer_release(ans);
	*ans = value;
	return save_answer(iv, qn->index) < 0 ? STEP_FAILED : STEP_NEXT;
}

static enum step ask(struct interview *iv, const struct question *qn)
{
	struct answer *ans = answers_get(iv->a, qn);
	enum step step;

	show_question(iv, qn);
	for (;;) {
		struct note_request note;
		char *line, *s;
		enum command cmd;

		step = read_input(iv, qn, "> ", &line);
		if (step != STEP_NEXT)
			return step;
		s = answer_parse_trim(line);
		/* "note" alone, or with the words it takes. */
		cmd = parse_note(s, &note) ? CMD_NOTE : parse_command(s);
		if (cmd == CMD_HELP) {
			refresh_width(iv);
			screen_help(&iv->screen, qn);
		} else if (cmd == CMD_NOTE) {
			step = take_note(iv, qn, &note);
		} else if (cmd == CMD_SKIP) {
			answer_clear_value(ans);
			ans->kind = ANSWER_SKIPPED;
			fputs("  Skipped (it counts as a gap); 'back' returns to "
			      "it.\n", iv->screen.out);
			step = save_answer(iv, qn->index) < 0 ? STEP_FAILED
							      : STEP_NEXT;
		} else if (cmd == CMD_BACK || cmd == CMD_QUIT) {
			step = cmd == CMD_BACK ? STEP_BACK : STEP_QUIT;
		} else {
			step = take_answer(iv, qn, s);
		}
		free(line);
		if (step == STEP_RETRY)
			continue;
		if (step != STEP_NEXT || cmd == CMD_SKIP || cmd == CMD_NONE)
			return step;
	}
}

/* ---- walking the questionnaire ------------------------------------------ */

static int should_ask(const struct interview *iv, size_t i)
{
	const struct question *qn = iv->q->questions[i];

	if (!progress_applies(&iv->progress, i))
		return 0;
	return i < iv->frontier ||
	       answers_get_const(iv->a, qn)->kind == ANSWER_NONE;
}

static enum step walk(struct interview *iv, size_t i)
{
	while (i < iv->q->nquestions) {
		enum step step;
		size_t prev;

		if (!should_ask(iv, i)) {
			i++;
			continue;
		}
		if (iv->frontier < i + 1)
			iv->frontier = i + 1;
		step = ask(iv, iv->q->questions[i]);
		if (step == STEP_NEXT)
			i++;
		else if (step != STEP_BACK)
			return step;
		else if (previous_question(iv, i, &prev))
			i = prev;
		else
			fputs("  This is the first question.\n", iv->screen.out);
	}
	return STEP_NEXT;
}

/* ---- the review screen -------------------------------------------------- */

/* Lines of a review screen that are not answers: heading, hint, prompt. */
#define REVIEW_CHROME_LINES 7

/* Builds the review for the terminal as it is now (paged with a terminal). */
static void build_review(struct interview *iv, struct screen_review *r)
{
	size_t height = term_height(STDOUT_FILENO), lines = 0;

	refresh_width(iv);
	if (iv->opts->use_readline)
		lines = height > REVIEW_CHROME_LINES + 5 ?
			height - REVIEW_CHROME_LINES : 5;
	screen_review_build(r, &iv->screen, iv->a,
			    progress_applicability(&iv->progress), lines);
}

/*
 * What the review's prompt accepts on page (of r); after a line that is
 * none of it (wrong, not NULL), that line first, indented, above the prompt.
 */
static void review_hint(struct interview *iv, const struct screen_review *r,
			size_t page, const char *wrong)
{
	struct buf hint = BUF_INIT;
	int last = page + 1 >= r->npages;

	if (wrong) {
		buf_adds(&hint, "'");
		buf_adds(&hint, wrong);
		buf_adds(&hint, "' is not one of these. ");
	}
	buf_addf(&hint, "Type a number from 1 to %zu to change that answer",
		 r->count);
	if (!last)
		buf_adds(&hint, ", Enter for the next page, 'q' to finish and "
			 "write the report");
	else
		buf_adds(&hint, ", Enter or 'q' to finish and write the report");
	if (page)
		buf_adds(&hint, ", 'p' for the previous page");
	buf_adds(&hint, "; 'quit' leaves, and you can resume later.");
	if (!wrong)
		fputc('\n', iv->screen.out);
	screen_wrapped(&iv->screen, "", hint.data, "", wrong ? 2 : 0);
	buf_release(&hint);
}

/*
 * One line at the review's prompt: STEP_NEXT to finish, STEP_QUIT, STEP_RETRY
 * to show *page (changed) again, STEP_BACK after the answer numbered
 * *changed was changed (the review is built again), STEP_INVALID for a
 * line that is none of these, or a step that ends the interview.
 */
static enum step review_line(struct interview *iv,
			     const struct screen_review *r, size_t *page,
			     size_t *changed, struct buf *wrong)
{
	char *line, *s;
	enum step step = read_input(iv, NULL, "review> ", &line);
	size_t k;

	if (step != STEP_NEXT)
		return step;
	s = answer_parse_trim(line);
	k = answer_parse_index(s);
	if (!*s && *page + 1 < r->npages) {
		++*page;
		step = STEP_RETRY;
	} else if (!*s || !strcasecmp(s, "q")) {
		step = STEP_NEXT;
	} else if (parse_command(s) == CMD_QUIT) {
		step = STEP_QUIT;
	} else if (!strcasecmp(s, "p") && *page > 0) {
		--*page;
		step = STEP_RETRY;
	} else if (k && k <= r->count) {
		iv->frontier = r->map[k - 1] + 1;
		step = ask(iv, iv->q->questions[r->map[k - 1]]);
		/* 'back' from a question opened here returns to the list. */
		if (step == STEP_NEXT || step == STEP_BACK)
			step = STEP_BACK;
		*changed = k;
	} else {
		buf_reset(wrong);
		buf_adds(wrong, s);
		step = STEP_INVALID;
	}
	free(line);
	return step;
}

/*
 * Pages through the review until the founder finishes or leaves; returns
 * STEP_BACK when the answer numbered *changed was changed.  A line that is
 * not understood is explained above the prompt, without the list again.
 */
static enum step review_pages(struct interview *iv,
			      const struct screen_review *r, size_t *page,
			      size_t *changed)
{
	struct buf wrong = BUF_INIT;
	enum step step = STEP_RETRY;

	for (;;) {
		if (step == STEP_RETRY) {
			screen_review_page(&iv->screen, r, *page);
			review_hint(iv, r, *page, NULL);
		} else {
			review_hint(iv, r, *page, wrong.data);
		}
		step = review_line(iv, r, page, changed, &wrong);
		if (step != STEP_RETRY && step != STEP_INVALID)
			break;
	}
	buf_release(&wrong);
	return step;
}

/*
 * Shows the review and lets the founder change answers by number.  A change
 * can make other questions apply: those are asked before the list returns.
 * Without a terminal the whole list is shown once, and that is the end.
 */
static enum step review(struct interview *iv)
{
	struct screen_review r;
	size_t page = 0, changed = 0;
	enum step step;

	for (;;) {
		iv->frontier = 0;
		step = walk(iv, 0);
		if (step != STEP_NEXT)
			break;
		build_review(iv, &r);
		if (!iv->opts->use_readline) {
			screen_review_page(&iv->screen, &r, 0);
			screen_review_release(&r);
			break;
		}
		/* After a change, the page that shows the changed answer. */
		page = changed ? screen_review_page_of(&r, changed) : 0;
		step = review_pages(iv, &r, &page, &changed);
		screen_review_release(&r);
		if (step != STEP_BACK)
			break;
	}
	return step;
}

/* ---- the whole interview ------------------------------------------------ */

static void welcome(struct interview *iv)
{
	const struct questionnaire *q = iv->q;
	struct screen_welcome w;
	size_t i;

	memset(&w, 0, sizeof(w));
	for (i = 0; i < q->nquestions; i++)
		if (progress_applies(&iv->progress, i) &&
		    iv->a->items[i].kind != ANSWER_NONE)
			w.answered++;
	/* Counted from the first question still to ask. */
	for (i = 0; i < q->nquestions && !should_ask(iv, i); i++)
		;
	w.total = progress_at(&iv->progress, i).total;
	w.resumed = iv->opts->resumed;
	w.session_path = iv->opts->session_path;
	screen_welcome(&iv->screen, q, &w);
}

/* The review is done: the session is marked complete and saved whole. */
static int complete(struct interview *iv)
{
	free(iv->a->completed_at);
	iv->a->completed_at = answers_now();
	touch(iv);
	return answers_save(iv->a, iv->opts->session_path, iv->err);
}

static enum interview_end end_of(enum step step)
{
	switch (step) {
	case STEP_NEXT:
		return INTERVIEW_DONE;
	case STEP_QUIT:
		return INTERVIEW_QUIT;
	case STEP_EOF:
		return INTERVIEW_EOF;
	case STEP_SIGNAL:
		return INTERVIEW_INTERRUPTED;
	case STEP_INVALID:
		return INTERVIEW_INVALID;
	default:
		return INTERVIEW_FAILED;
	}
}

enum interview_end interview_run(const struct questionnaire *q,
				 struct answers *a,
				 const struct interview_options *opts,
				 int *signo, struct buf *err)
{
	struct interview iv;
	enum step step;

	memset(&iv, 0, sizeof(iv));
	iv.q = q;
	iv.a = a;
	iv.opts = opts;
	iv.err = err;
	screen_init(&iv.screen, stdout, term_width(STDOUT_FILENO),
		    opts->use_color);
	progress_init(&iv.progress, a);
	*signo = 0;
	line_input_begin(&iv.in, opts->use_readline);
	if (opts->welcome)
		welcome(&iv);
	step = walk(&iv, 0);
	if (step == STEP_NEXT)
		step = review(&iv);
	if (step == STEP_NEXT && complete(&iv) < 0)
		step = STEP_FAILED;
	free_labels(&iv);
	line_input_end(&iv.in);
	progress_release(&iv.progress);
	if (step == STEP_SIGNAL)
		*signo = line_input_signal();
	fflush(stdout);
	return end_of(step);
}

int interview_confirm(const char *prompt, int use_readline, int *signo)
{
	struct line_input in;
	int ret = -1;

	*signo = 0;
	line_input_begin(&in, use_readline);
	for (;;) {
		enum line_status status;
		char *line, *s;

		fflush(stdout);
		status = line_input_read(&in, prompt, &line);
		if (status != LINE_OK) {
			if (status == LINE_SIGNAL)
				*signo = line_input_signal();
			break;
		}
		s = answer_parse_trim(line);
		if (!strcasecmp(s, "y") || !strcasecmp(s, "yes"))
			ret = 1;
		else if (!*s || !strcasecmp(s, "n") || !strcasecmp(s, "no") ||
			 !use_readline)
			ret = 0;
		free(line);
		if (ret >= 0)
			break;
		fputs("Please type y or n.\n", stdout);
	}
	line_input_end(&in);
	return ret;
}
