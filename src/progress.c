/*
 * progress.c - the position shown above each question.
 *
 * Conditions are evaluated three-valued (true, false, unknown), in asking
 * order, so that every question a condition names has its state already.
 * A condition reads answers by the rule of answers.h (only those of
 * questions that apply) and is unknown while it names a question that is
 * at or after the current one, may be asked and has no answer yet, or one
 * whose own condition is unknown.
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

/*
 * What a condition reads of a question, by the rule of answers.h: the answer
 * of a question that applies, nothing of one that does not.
 */
static const struct answer *lookup_applicable(const char *id, void *ctx)
{
	const struct estimate *est = ctx;
	const struct question *qn =
		questionnaire_question(est->a->questionnaire, id);

	if (!qn || est->state[qn->index] == TRI_FALSE)
		return NULL;
	return answers_get_const(est->a, qn);
}

/*
 * Whether a condition cannot know what it reads of the question it names:
 * the question may be asked and has no answer yet, or whether it applies is
 * itself unknown (then so is whether its answer counts).
 */
static int reads_unknown(const struct expr *node, void *ctx)
{
	const struct estimate *est = ctx;
	const struct question *qn =
		questionnaire_question(est->a->questionnaire, node->question);

	if (!qn)
		return 0;
	if (est->state[qn->index] == TRI_UNKNOWN)
		return 1;
	return qn->index >= est->current &&
	       est->state[qn->index] == TRI_TRUE &&
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
		if (expr_visit(e, reads_unknown, (void *)est))
			return TRI_UNKNOWN;
		return expr_eval(e, lookup_applicable, (void *)est) ? TRI_TRUE
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
