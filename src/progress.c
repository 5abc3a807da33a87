/*
 * progress.c - the position shown above each question.
 *
 * Conditions are evaluated three-valued (true, false, unknown); a question
 * is "open" when it is at or after the current one, has no answer and may
 * still be asked.
 */
#include <stdlib.h>

#include "expr.h"
#include "progress.h"
#include "util.h"

enum tri { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN };

struct estimate {
	const struct answers *a;
	size_t current;
	enum tri *state; /* per question, filled in asking order */
};

static const struct answer *lookup_answer(const char *id, void *ctx)
{
	return answers_find(ctx, id);
}

static int names_open_question(const struct expr *node, void *ctx)
{
	const struct estimate *est = ctx;
	const struct question *qn =
		questionnaire_question(est->a->questionnaire, node->question);

	return qn && qn->index >= est->current &&
	       est->state[qn->index] != TRI_FALSE &&
	       answers_get_const(est->a, qn)->kind == ANSWER_NONE;
}

static enum tri eval3(const struct estimate *est, const struct expr *e)
{
	enum tri l, r;

	switch (e->kind) {
	case EXPR_OR:
	case EXPR_AND:
		l = eval3(est, e->left);
		r = eval3(est, e->right);
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
		l = eval3(est, e->left);
		return l == TRI_UNKNOWN ? l : l == TRI_TRUE ? TRI_FALSE
							   : TRI_TRUE;
	default:
		if (expr_visit(e, names_open_question, (void *)est))
			return TRI_UNKNOWN;
		return expr_eval(e, lookup_answer, (void *)est->a) ? TRI_TRUE
								   : TRI_FALSE;
	}
}

struct progress_position progress_estimate(const struct answers *a,
					   size_t current)
{
	const struct questionnaire *q = a->questionnaire;
	struct progress_position p = { 0, 0, 0, 0 };
	const struct area *area = current < q->nquestions ?
		q->questions[current]->area : NULL;
	struct estimate est = { a, current, NULL };
	size_t i;

	est.state = xcalloc(q->nquestions + 1, sizeof(*est.state));
	for (i = 0; i < q->nquestions; i++) {
		const struct question *qn = q->questions[i];

		est.state[i] = qn->when ? eval3(&est, qn->when) : TRI_TRUE;
		if (i == current)
			est.state[i] = TRI_TRUE; /* it is being asked */
		if (est.state[i] == TRI_FALSE)
			continue;
		p.total++;
		if (i <= current)
			p.overall++;
		if (qn->area != area)
			continue;
		p.area_total++;
		if (i <= current)
			p.in_area++;
	}
	free(est.state);
	return p;
}
