/*
 * progress.c - which questions apply, and the position shown above each
 * question, kept up to date as answers change.
 *
 * Two things are known of every question:
 * - applies: its condition holds, by the rule of answers.h (a condition
 *   reads only the answers of questions that apply);
 * - estimate: the same, three-valued (true, false, unknown), for progress.
 *   A condition is unknown while it names a question that may be asked and
 *   has no answer yet, or one whose own estimate is unknown (then whether
 *   its answer counts is unknown too).  A known estimate equals applies.
 * Conditions name only earlier questions (the loader checks), so both are
 * computed in asking order, and a change propagates only forwards: from
 * the question answered to the conditions that name it, and on only where
 * an outcome changed.  Questions are in asking order area by area (model.h),
 * so an area is a run of consecutive indexes.
 */
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "progress.h"
#include "util.h"

enum tri { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN };

static const struct question *named(const struct progress *p,
				    const char *id)
{
	return questionnaire_question(p->a->questionnaire, id);
}

/* ---- evaluating one condition ------------------------------------------- */

/* What a condition reads of a question: its answer if it applies. */
static const struct answer *lookup_applicable(const char *id, void *ctx)
{
	const struct progress *p = ctx;
	const struct question *qn = named(p, id);

	if (!qn || !p->applies[qn->index])
		return NULL;
	return answers_get_const(p->a, qn);
}

/* The same for the estimate: nothing of a question ruled out. */
static const struct answer *lookup_estimated(const char *id, void *ctx)
{
	const struct progress *p = ctx;
	const struct question *qn = named(p, id);

	if (!qn || p->estimate[qn->index] == TRI_FALSE)
		return NULL;
	return answers_get_const(p->a, qn);
}

/* Whether a condition cannot know what it reads of the question named. */
static int reads_unknown(const struct expr *node, void *ctx)
{
	const struct progress *p = ctx;
	const struct question *qn = named(p, node->question);

	if (!qn)
		return 0;
	if (p->estimate[qn->index] == TRI_UNKNOWN)
		return 1;
	return p->estimate[qn->index] == TRI_TRUE &&
	       answers_get_const(p->a, qn)->kind == ANSWER_NONE;
}

static enum tri eval3(const struct progress *p, const struct expr *e)
{
	enum tri l, r;

	switch (e->kind) {
	case EXPR_OR:
	case EXPR_AND:
		l = eval3(p, e->left);
		r = eval3(p, e->right);
		if (l == r)
			return l;
		if (l != TRI_UNKNOWN && r != TRI_UNKNOWN)
			return e->kind == EXPR_OR ? TRI_TRUE : TRI_FALSE;
		/* One side unknown: the other decides only when it wins. */
		l = l == TRI_UNKNOWN ? r : l;
		if ((e->kind == EXPR_OR) == (l == TRI_TRUE))
			return l;
		return TRI_UNKNOWN;
	case EXPR_NOT:
		l = eval3(p, e->left);
		return l == TRI_UNKNOWN ? l : l == TRI_TRUE ? TRI_FALSE
							   : TRI_TRUE;
	default:
		if (expr_visit(e, reads_unknown, (void *)p))
			return TRI_UNKNOWN;
		return expr_eval(e, lookup_estimated, (void *)p) ? TRI_TRUE
								 : TRI_FALSE;
	}
}

/* ---- counting ----------------------------------------------------------- */

static const struct area *area_at(const struct progress *p, size_t i)
{
	const struct questionnaire *q = p->a->questionnaire;

	return i < q->nquestions ? q->questions[i]->area : NULL;
}

static size_t area_number(const struct progress *p, size_t i)
{
	return (size_t)(area_at(p, i) - p->a->questionnaire->areas);
}

static size_t counts(const struct progress *p, size_t i)
{
	return p->estimate[i] != TRI_FALSE;
}

/* Adds delta (+1 or -1, as unsigned) for question i to every count. */
static void count(struct progress *p, size_t i, size_t delta)
{
	p->counted += delta;
	p->area_counted[area_number(p, i)] += delta;
	if (i >= p->cursor)
		return;
	p->before += delta;
	if (area_at(p, i) == area_at(p, p->cursor))
		p->area_before += delta;
}

/*
 * Re-evaluates question i; returns 1 when applies or the estimate changed
 * (then the conditions that name it must be re-evaluated too).
 */
static int evaluate(struct progress *p, size_t i)
{
	const struct question *qn = p->a->questionnaire->questions[i];
	unsigned char applies = 1, estimate = TRI_TRUE;
	int changed;

	if (qn->when) {
		p->evaluations++;
		applies = expr_eval(qn->when, lookup_applicable, p) != 0;
		estimate = (unsigned char)eval3(p, qn->when);
	}
	changed = applies != p->applies[i] || estimate != p->estimate[i];
	if ((estimate != TRI_FALSE) != counts(p, i))
		count(p, i, estimate != TRI_FALSE ? 1 : (size_t)-1);
	p->applies[i] = applies;
	p->estimate[i] = estimate;
	return changed;
}

/* ---- propagating a change ----------------------------------------------- */

static void heap_push(struct progress *p, size_t i)
{
	size_t k;

	if (p->queued[i])
		return;
	p->queued[i] = 1;
	k = p->nheap++;
	while (k && p->heap[(k - 1) / 2] > i) {
		p->heap[k] = p->heap[(k - 1) / 2];
		k = (k - 1) / 2;
	}
	p->heap[k] = i;
}

static size_t heap_pop(struct progress *p)
{
	size_t top = p->heap[0], last = p->heap[--p->nheap], k = 0;

	for (;;) {
		size_t child = 2 * k + 1;

		if (child >= p->nheap)
			break;
		if (child + 1 < p->nheap && p->heap[child + 1] < p->heap[child])
			child++;
		if (last <= p->heap[child])
			break;
		p->heap[k] = p->heap[child];
		k = child;
	}
	if (p->nheap)
		p->heap[k] = last;
	p->queued[top] = 0;
	return top;
}

static void push_dependents(struct progress *p, size_t i)
{
	size_t k;

	for (k = p->first_dependent[i]; k < p->first_dependent[i + 1]; k++)
		heap_push(p, p->dependents[k]);
}

void progress_changed(struct progress *p, size_t index)
{
	push_dependents(p, index);
	/* In asking order: what a condition names is settled before it. */
	while (p->nheap) {
		size_t i = heap_pop(p);

		if (evaluate(p, i))
			push_dependents(p, i);
	}
}

/* ---- setting up --------------------------------------------------------- */

struct dependents_fill {
	struct progress *p;
	size_t dependent;
	size_t *next; /* per question: where its next dependent goes */
};

static int count_reference(const struct expr *node, void *ctx)
{
	struct dependents_fill *f = ctx;
	const struct question *qn = named(f->p, node->question);

	if (qn)
		f->p->first_dependent[qn->index + 1]++;
	return 0;
}

static int add_reference(const struct expr *node, void *ctx)
{
	struct dependents_fill *f = ctx;
	const struct question *qn = named(f->p, node->question);

	if (qn)
		f->p->dependents[f->next[qn->index]++] = f->dependent;
	return 0;
}

/* Builds the index of the conditions that name each question. */
static void index_dependents(struct progress *p)
{
	const struct questionnaire *q = p->a->questionnaire;
	struct dependents_fill f = { p, 0, NULL };
	size_t i, n = q->nquestions;

	p->first_dependent = xcalloc(n + 2, sizeof(size_t));
	for (i = 0; i < n; i++)
		if (q->questions[i]->when)
			expr_visit(q->questions[i]->when, count_reference, &f);
	for (i = 0; i < n; i++)
		p->first_dependent[i + 1] += p->first_dependent[i];
	p->dependents = xcalloc(p->first_dependent[n] + 1, sizeof(size_t));
	f.next = xmalloc((n + 1) * sizeof(size_t));
	memcpy(f.next, p->first_dependent, (n + 1) * sizeof(size_t));
	for (i = 0; i < n; i++) {
		f.dependent = i;
		if (q->questions[i]->when)
			expr_visit(q->questions[i]->when, add_reference, &f);
	}
	free(f.next);
}

void progress_init(struct progress *p, const struct answers *a)
{
	const struct questionnaire *q = a->questionnaire;
	size_t i, n = q->nquestions;

	memset(p, 0, sizeof(*p));
	p->a = a;
	p->applies = xcalloc(n + 1, 1);
	p->estimate = xcalloc(n + 1, 1);      /* TRI_FALSE: not counted */
	p->area_counted = xcalloc(q->nareas + 1, sizeof(size_t));
	p->heap = xcalloc(n + 1, sizeof(size_t));
	p->queued = xcalloc(n + 1, 1);
	index_dependents(p);
	for (i = 0; i < n; i++)
		evaluate(p, i);
}

void progress_release(struct progress *p)
{
	free(p->applies);
	free(p->estimate);
	free(p->area_counted);
	free(p->first_dependent);
	free(p->dependents);
	free(p->heap);
	free(p->queued);
	memset(p, 0, sizeof(*p));
}

/* ---- reading ------------------------------------------------------------ */

enum progress_state progress_state(const struct progress *p, size_t index)
{
	switch (p->estimate[index]) {
	case TRI_FALSE:
		return PROGRESS_RULED_OUT;
	case TRI_TRUE:
		return PROGRESS_ASKED;
	default:
		return PROGRESS_OPEN;
	}
}

int progress_applies(const struct progress *p, size_t index)
{
	return p->applies[index];
}

const unsigned char *progress_applicability(const struct progress *p)
{
	return p->applies;
}

/* Moves the cursor one question forwards, keeping its counts. */
static void step_forwards(struct progress *p)
{
	size_t c = p->cursor++;

	p->before += counts(p, c);
	if (area_at(p, c) == area_at(p, p->cursor))
		p->area_before += counts(p, c);
	else
		p->area_before = 0;
}

static void step_backwards(struct progress *p)
{
	size_t c = --p->cursor;

	p->before -= counts(p, c);
	if (area_at(p, c) == area_at(p, c + 1))
		p->area_before -= counts(p, c);
	else	/* c is the last of its area: all the others are before it */
		p->area_before = p->area_counted[area_number(p, c)] -
				 counts(p, c);
}

struct progress_position progress_at(struct progress *p, size_t current)
{
	struct progress_position pos = { 0, 0, 0, 0 };
	size_t n = p->a->questionnaire->nquestions, asked;

	while (p->cursor < current)
		step_forwards(p);
	while (p->cursor > current)
		step_backwards(p);
	if (current >= n) {
		pos.total = pos.overall = p->counted;
		return pos;
	}
	/* The question being asked counts, whatever its estimate says. */
	asked = !counts(p, current);
	pos.total = p->counted + asked;
	pos.overall = p->before + 1;
	pos.area_total = p->area_counted[area_number(p, current)] + asked;
	pos.in_area = p->area_before + 1;
	return pos;
}

struct progress_position progress_estimate(const struct answers *a,
					   size_t current)
{
	struct progress p;
	struct progress_position pos;

	progress_init(&p, a);
	pos = progress_at(&p, current);
	progress_release(&p);
	return pos;
}
