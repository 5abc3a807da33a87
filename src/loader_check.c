/*
 * loader_check.c - the loader's second pass: the merged questionnaire as a
 * whole (see loader_impl.h).
 *
 * The first pass checked each file's keys and values where they were
 * written.  What spans files is checked here, once every question is known:
 * unique area, question and initiative ids, scoring (scores, best scores,
 * help and advice), the questions the root names (stage_question,
 * name_question, team_size_question), stage targets, the initiatives that
 * questions, choices and bands name, and conditions, which may refer only
 * to earlier questions and their choices.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "expr.h"
#include "loader_impl.h"
#include "strmap.h"
#include "util.h"

static void error_pos(struct loader *l, const struct srcpos *pos,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void error_pos(struct loader *l, const struct srcpos *pos,
		      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->tc.diags, DIAG_ERROR, pos->file, pos->line, pos->col, fmt,
		  ap);
	va_end(ap);
}

/* Every question id, for "did you mean" hints. */
static const char **question_ids(const struct questionnaire *q)
{
	const char **ids = xcalloc(q->nquestions + 1, sizeof(*ids));
	size_t i;

	for (i = 0; i < q->nquestions; i++)
		ids[i] = q->questions[i]->id;
	return ids;
}

/* Ids that conditions would read as a number or a keyword. */
static void warn_unusable_id(struct loader *l, const struct question *qn)
{
	static const char *const keywords[] = {
		"and", "or", "not", "in", "includes", "answered", "true",
		"false"
	};
	double v;
	size_t i;

	if (!qn->id)
		return;
	for (i = 0; i < ARRAY_SIZE(keywords); i++)
		if (!strcmp(qn->id, keywords[i]))
			break;
	if (i < ARRAY_SIZE(keywords) || parse_number(qn->id, &v) == 0)
		diag_add(l->tc.diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
			 qn->pos.col, "question id '%s' reads as a %s in "
			 "conditions, so no condition can refer to it", qn->id,
			 i < ARRAY_SIZE(keywords) ? "keyword" : "number");
}

/* One wording for an id defined twice, wherever the first one is. */
static void duplicate_id(struct loader *l, const char *what, const char *id,
			 const struct srcpos *pos, const struct srcpos *first)
{
	error_pos(l, pos, "duplicate %s id '%s' (first at %s:%d)", what, id,
		  first->file, first->line);
}

static void index_areas(struct loader *l)
{
	struct questionnaire *q = l->q;
	size_t i, j, total = 0;

	q->areas = l->areas;
	q->nareas = l->nareas;
	l->areas = NULL;
	l->nareas = 0;
	for (i = 0; i < q->nareas; i++)
		total += q->areas[i].nquestions;
	q->questions = xcalloc(total + 1, sizeof(*q->questions));
	for (i = 0; i < q->nareas; i++) {
		struct area *a = &q->areas[i];
		const struct area *first;

		if (a->id && (first = strmap_put(&q->area_index, a->id, a)))
			duplicate_id(l, "area", a->id, &a->pos, &first->pos);
		for (j = 0; j < a->nquestions; j++) {
			struct question *qn = &a->questions[j];
			const struct question *dup;

			warn_unusable_id(l, qn);
			qn->area = a;
			qn->index = q->nquestions;
			q->questions[q->nquestions++] = qn;
			if (qn->id &&
			    (dup = strmap_put(&q->question_index, qn->id, qn)))
				duplicate_id(l, "question", qn->id, &qn->pos,
					     &dup->pos);
		}
	}
}

/* ---- initiatives ------------------------------------------------------ */

static int same_place(const struct srcpos *a, const struct srcpos *b)
{
	return a->line == b->line && a->col == b->col &&
	       !strcmp(a->file, b->file);
}

/*
 * Moves every file's initiatives into the questionnaire, indexed by id
 * (unique across the whole questionnaire).  A file included twice (with
 * two filters, say) gives its initiatives twice: a definition read again
 * from the same place is the same one, kept once.
 */
static void index_initiatives(struct loader *l)
{
	struct questionnaire *q = l->q;
	size_t i;

	q->initiatives = xcalloc(l->ninitiatives + 1, sizeof(*q->initiatives));
	for (i = 0; i < l->ninitiatives; i++) {
		struct initiative *in = &l->initiatives[i], *kept;
		const struct initiative *first = NULL;

		if (in->id)
			first = strmap_get(&q->initiative_index, in->id);
		if (first && !same_place(&first->pos, &in->pos))
			duplicate_id(l, "initiative", in->id, &in->pos,
				     &first->pos);
		if (first) {
			initiative_release(in);
			continue;
		}
		kept = &q->initiatives[q->ninitiatives++];
		*kept = *in;
		if (kept->id)
			strmap_put(&q->initiative_index, kept->id, kept);
	}
	free(l->initiatives);
	l->initiatives = NULL;
	l->ninitiatives = 0;
}

/* Every `initiative:` must name an initiative of the questionnaire. */
static void check_initiative_refs(struct loader *l)
{
	const struct questionnaire *q = l->q;
	const char **ids = xcalloc(q->ninitiatives + 1, sizeof(*ids));
	size_t i;

	for (i = 0; i < q->ninitiatives; i++)
		ids[i] = q->initiatives[i].id;
	for (i = 0; i < l->nrefs; i++) {
		const struct initiative_ref *ref = &l->initiative_refs[i];
		struct buf msg = BUF_INIT;

		if (questionnaire_initiative(q, ref->id))
			continue;
		buf_addf(&msg, "unknown initiative '%s'", ref->id);
		buf_add_hint(&msg, ref->id, ids, q->ninitiatives);
		error_pos(l, &ref->pos, "%s", msg.data);
		buf_release(&msg);
	}
	free(ids);
}

/* ---- scoring ---------------------------------------------------------- */

/* Checks that a choice scores below the best and has no advice anywhere. */
/*
 * Whether an answer short of the best says what to do: its own advice, or
 * that of the initiative it belongs to (its own, else the question's).  In
 * a fragment checked alone the initiative may be defined elsewhere: it is
 * then taken to have some.
 */
static int has_advice(const struct loader *l, const struct question *qn,
		      const char *advice, const char *initiative)
{
	const struct initiative *in;

	if (advice || qn->advice)
		return 1;
	if (!initiative)
		initiative = qn->initiative;
	if (!initiative)
		return 0;
	in = questionnaire_initiative(l->q, initiative);
	return in ? in->advice != NULL : l->fragment;
}

/*
 * With rules, an answer's finding comes from the first rule that holds; the
 * advice is still that of its choice or band, else the question's.  A rule
 * that makes a finding where nothing says what to do is worth a warning.
 */
static void warn_rules_without_advice(struct loader *l,
				      const struct question *qn)
{
	size_t i;
	int some = has_advice(l, qn, NULL, NULL);

	for (i = 0; i < qn->nchoices && !some; i++)
		some = qn->choices[i].advice != NULL;
	for (i = 0; i < qn->nbands && !some; i++)
		some = qn->bands[i].advice != NULL;
	for (i = 0; i < qn->nrules && !some; i++)
		if (qn->rules[i].score < 1)
			diag_add(l->tc.diags, DIAG_WARNING,
				 qn->rules[i].pos.file, qn->rules[i].pos.line,
				 qn->rules[i].pos.col, "rule %zu of question "
				 "'%s' makes a finding, but nothing says what "
				 "to do (no advice on the question or its "
				 "choices)", i + 1, qn->id);
}

static void warn_missing_advice(struct loader *l, const struct question *qn)
{
	double best = 0;
	size_t i;

	if (qn->nrules)
		warn_rules_without_advice(l, qn);
	/* Scores the last rule always replaces say nothing of a finding. */
	if (qn->rules_cover)
		return;

	for (i = 0; i < qn->nchoices; i++) {
		const struct choice *c = &qn->choices[i];

		if (c->score < qn->best_score &&
		    !has_advice(l, qn, c->advice, c->initiative))
			diag_add(l->tc.diags, DIAG_WARNING, c->pos.file,
				 c->pos.line, c->pos.col,
				 "choice '%s' of question '%s' scores below "
				 "the best but has no advice (and neither has "
				 "the question or its initiative)", c->id,
				 qn->id);
	}
	for (i = 0; i < qn->nbands; i++)
		if (qn->bands[i].score > best)
			best = qn->bands[i].score;
	for (i = 0; i < qn->nbands; i++) {
		const struct band *b = &qn->bands[i];

		if (b->score < best &&
		    !has_advice(l, qn, b->advice, b->initiative))
			diag_add(l->tc.diags, DIAG_WARNING, b->pos.file,
				 b->pos.line, b->pos.col,
				 "band from %g of question '%s' scores below "
				 "the best but has no advice (and neither has "
				 "the question or its initiative)", b->min,
				 qn->id);
	}
}

/* Settles scoring: what counts, best scores, missing scores. */
static void check_scoring(struct loader *l, struct question *qn)
{
	size_t i;
	double sum = 0;

	qn->scored = qn->area->scored && qn->weight > 0 &&
		     question_type_scorable(qn->type) &&
		     (!question_is(qn, QTYPE_F_BANDED) || qn->nbands > 0 ||
		      qn->rules_cover);
	if (question_is(qn, QTYPE_F_BANDED) && !qn->nbands &&
	    !qn->rules_cover && qn->area->scored && qn->weight > 0)
		error_pos(l, &qn->pos, "%s question '%s' in a scored area "
			  "needs 'bands' to be scored (or 'weight: 0')",
			  question_types[qn->type].name, qn->id);
	for (i = 0; i < qn->nchoices; i++) {
		struct choice *c = &qn->choices[i];

		if (c->score < 0 && qn->scored && c->id && !qn->rules_cover)
			error_pos(l, &c->pos, "choice '%s' of question '%s' "
				  "needs a 'score'", c->id, qn->id);
		else if (c->score >= 0 && qn->rules_cover &&
			 !question_is(qn, QTYPE_F_YESNO))
			diag_add(l->tc.diags, DIAG_WARNING, c->pos.file,
				 c->pos.line, c->pos.col, "the score of choice "
				 "'%s' is never used: the last rule of question "
				 "'%s' always holds", c->id, qn->id);
		if (c->score < 0 || !qn->scored)
			c->score = c->score < 0 ? 0 : c->score;
		if (c->score > qn->best_score)
			qn->best_score = c->score;
		sum += c->score;
	}
	if (question_value(qn) == QVALUE_CHOICES && qn->full_score <= 0)
		qn->full_score = sum;
	else if (question_value(qn) == QVALUE_CHOICES && qn->scored &&
		 qn->full_score > sum)
		diag_add(l->tc.diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
			 qn->pos.col, "'full_score' of question '%s' (%g) is "
			 "more than all its choices give (%g), so full marks "
			 "can never be reached", qn->id, qn->full_score, sum);
	if (!qn->scored)
		return;
	if (question_has_choices(qn) && qn->nchoices >= 2 &&
	    qn->best_score <= 0 && !qn->rules_cover)
		error_pos(l, &qn->pos, "question '%s' is scored but no choice "
			  "scores above 0", qn->id);
	if (!qn->help)
		diag_add(l->tc.diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
			 qn->pos.col, "scored question '%s' has no 'help' "
			 "(say why it matters)", qn->id);
	warn_missing_advice(l, qn);
}

/* Finds the question named in the root's stage_question or name_question. */
static const struct question *root_reference(struct loader *l,
					     const char *id,
					     const struct srcpos *pos,
					     enum question_type type,
					     const char *key)
{
	const struct question *qn;
	const char **ids;
	struct buf msg = BUF_INIT;

	if (!id)
		return NULL;
	qn = questionnaire_question(l->q, id);
	if (qn && qn->type == type)
		return qn;
	if (qn) {
		error_pos(l, pos, "'%s' must name a %s question; '%s' is %s",
			  key, question_types[type].name, id,
			  question_types[qn->type].name);
		return NULL;
	}
	ids = question_ids(l->q);
	buf_addf(&msg, "'%s' names unknown question '%s'", key, id);
	buf_add_hint(&msg, id, ids, l->q->nquestions);
	error_pos(l, pos, "%s", msg.data);
	buf_release(&msg);
	free(ids);
	return NULL;
}

/* The targets of one area against the stages of the stage question. */
static void check_area_targets(struct loader *l, const struct area *a,
			       const struct question *stage,
			       const char *const *stage_ids)
{
	size_t j, k;

	for (k = 0; k < a->ntargets; k++) {
		struct buf msg = BUF_INIT;

		if (question_choice(stage, a->targets[k].stage))
			continue;
		buf_addf(&msg, "area '%s' has a target for unknown stage "
			 "'%s'", a->id, a->targets[k].stage);
		buf_add_hint(&msg, a->targets[k].stage, stage_ids,
			     stage->nchoices);
		error_pos(l, &a->targets[k].pos, "%s", msg.data);
		buf_release(&msg);
	}
	for (j = 0; a->ntargets && j < stage->nchoices; j++)
		if (!area_target(a, stage->choices[j].id))
			diag_add(l->tc.diags, DIAG_WARNING, a->pos.file,
				 a->pos.line, a->pos.col, "area '%s' sets no "
				 "target for stage '%s'", a->id,
				 stage->choices[j].id);
}

/* The questions the root names, then every area's targets. */
static void check_targets(struct loader *l)
{
	const struct question *stage;
	struct questionnaire *q = l->q;
	const char **stage_ids;
	size_t i;

	stage = root_reference(l, q->stage_question, &l->refs.stage,
			       QTYPE_SINGLE, "stage_question");
	root_reference(l, q->name_question, &l->refs.name, QTYPE_TEXT,
		       "name_question");
	root_reference(l, q->team_size_question, &l->refs.team_size,
		       QTYPE_NUMBER, "team_size_question");
	stage_ids = xcalloc((stage ? stage->nchoices : 0) + 1,
			    sizeof(*stage_ids));
	for (i = 0; stage && i < stage->nchoices; i++)
		stage_ids[i] = stage->choices[i].id;
	for (i = 0; i < q->nareas; i++) {
		const struct area *a = &q->areas[i];

		if (a->ntargets && !q->stage_question)
			error_pos(l, &a->pos, "area '%s' sets 'targets' but "
				  "the questionnaire has no 'stage_question'",
				  a->id);
		else if (stage)
			check_area_targets(l, a, stage, stage_ids);
	}
	free(stage_ids);
}

/* ---- the report's profile ---------------------------------------------- */

/*
 * Every row of `report: profile` names a question, the assessment date or
 * the questionnaire, once.  A question whose id is one of those words
 * cannot be a row: the word wins, and a warning says so.
 */
static void check_profile_rows(struct loader *l)
{
	const struct report_framing *f = &l->q->report;
	const char **ids = question_ids(l->q);
	size_t i, j, n = l->q->nquestions;

	ids = xreallocarray(ids, n + 3, sizeof(*ids));
	ids[n] = REPORT_ROW_DATE;
	ids[n + 1] = REPORT_ROW_QUESTIONNAIRE;
	ids[n + 2] = NULL;
	for (i = 0; i < f->nprofile; i++) {
		const struct profile_row *row = &f->profile[i];
		int word = !strcmp(row->id, REPORT_ROW_DATE) ||
			   !strcmp(row->id, REPORT_ROW_QUESTIONNAIRE);
		struct buf msg = BUF_INIT;

		for (j = 0; j < i && strcmp(f->profile[j].id, row->id); j++)
			;
		if (j < i) {
			error_pos(l, &row->pos, "profile row '%s' is listed "
				  "twice (first at line %d)", row->id,
				  f->profile[j].pos.line);
		} else if (word && questionnaire_question(l->q, row->id)) {
			diag_add(l->tc.diags, DIAG_WARNING, row->pos.file,
				 row->pos.line, row->pos.col, "profile row "
				 "'%s' is the %s, not the question '%s'",
				 row->id, !strcmp(row->id, REPORT_ROW_DATE) ?
				 "assessment date" : "questionnaire", row->id);
		} else if (!word && !questionnaire_question(l->q, row->id)) {
			buf_addf(&msg, "unknown question '%s' in the report's "
				 "profile", row->id);
			buf_add_hint(&msg, row->id, ids, n + 2);
			error_pos(l, &row->pos, "%s", msg.data);
		}
		buf_release(&msg);
	}
	free(ids);
}

/* ---- conditions ------------------------------------------------------ */

/*
 * One condition being checked: a question's `when`, which may name earlier
 * questions, or one of its rules, which may name the question itself only.
 */
struct when_check {
	struct loader *l;
	const struct question *question;
	const char **ids;
	const char *source;     /* the condition's text */
	struct srcpos pos;      /* where it starts */
	int is_inline;          /* on one line */
	int rule;               /* a rule: about the question's own answer */
};

/*
 * The place of byte offset inside a condition: the text's column plus the
 * characters before offset.  Inside block scalars and multi-line text the
 * text's own place is the best we know.
 */
static struct srcpos when_place(const struct when_check *c, size_t offset)
{
	struct srcpos pos = c->pos;
	size_t i;

	if (!c->is_inline)
		return pos;
	for (i = 0; i < offset && c->source[i]; i++)
		if (((unsigned char)c->source[i] & 0xc0) != 0x80)
			pos.col++;
	return pos;
}

static void when_error(struct when_check *c, size_t offset, const char *fmt,
		       ...) __attribute__((format(printf, 3, 4)));

static void when_error(struct when_check *c, size_t offset, const char *fmt,
		       ...)
{
	struct srcpos pos = when_place(c, offset);
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(c->l->tc.diags, DIAG_ERROR, pos.file, pos.line, pos.col, fmt,
		  ap);
	va_end(ap);
}

/* Checks the values compared with question ref. */
static void check_when_values(struct when_check *c, const struct expr *e,
			      const struct question *ref)
{
	size_t i, j;

	for (i = 0; i < e->nvalues; i++) {
		const struct expr_value *v = &e->values[i];
		const char **choice_ids;
		struct buf msg = BUF_INIT;

		if (!question_has_choices(ref)) {
			if (!v->is_number)
				when_error(c, v->offset, "'%s' is a %s question;"
					   " compare it with a number, not "
					   "'%s'", ref->id,
					   question_types[ref->type].name,
					   v->ident);
			continue;
		}
		if (v->is_number) {
			when_error(c, v->offset, "'%s' is a %s question; "
				   "compare it with one of its choice ids, "
				   "not a number", ref->id,
				   question_types[ref->type].name);
			continue;
		}
		if (question_choice(ref, v->ident))
			continue;
		choice_ids = xcalloc(ref->nchoices + 1, sizeof(*choice_ids));
		for (j = 0; j < ref->nchoices; j++)
			choice_ids[j] = ref->choices[j].id;
		buf_addf(&msg, "unknown choice '%s' of question '%s' in "
			 "condition", v->ident, ref->id);
		buf_add_hint(&msg, v->ident, choice_ids, ref->nchoices);
		when_error(c, v->offset, "%s", msg.data);
		buf_release(&msg);
		free(choice_ids);
	}
}

static const char *const op_names[] = { "==", "!=", "<", "<=", ">", ">=" };

static int check_when_ref(const struct expr *e, void *ctx)
{
	struct when_check *c = ctx;
	const struct question *self = c->question;
	const struct question *ref = questionnaire_question(c->l->q,
							     e->question);

	if (!ref) {
		struct buf msg = BUF_INIT;

		buf_addf(&msg, "unknown question '%s' in condition",
			 e->question);
		buf_add_hint(&msg, e->question, c->ids, c->l->q->nquestions);
		when_error(c, e->question_offset, "%s", msg.data);
		buf_release(&msg);
		return 0;
	}
	if (c->rule && ref != self) {
		when_error(c, e->question_offset, "a rule tests the answer "
			   "to its own question '%s', not '%s'", self->id,
			   e->question);
		return 0;
	}
	if (!c->rule && (ref == self || ref->index > self->index)) {
		when_error(c, e->question_offset, "condition refers to "
			   "question '%s', which is asked %s", e->question,
			   ref == self ? "here (a question cannot depend on "
			   "itself)" : "later (conditions may only use "
			   "earlier answers)");
		return 0;
	}
	if (e->kind == EXPR_ANSWERED)
		return 0;
	if (question_value(ref) == QVALUE_TEXT) {
		when_error(c, e->question_offset, "text question '%s' can "
			   "only be tested with answered(%s)", ref->id,
			   ref->id);
		return 0;
	}
	if (e->kind == EXPR_INCLUDES && question_value(ref) != QVALUE_CHOICES)
		when_error(c, e->question_offset, "'includes' needs a multi "
			   "question; '%s' is %s", ref->id,
			   question_types[ref->type].name);
	else if (e->kind == EXPR_COMPARE && question_has_choices(ref) &&
		 e->op != OP_EQ && e->op != OP_NE)
		when_error(c, e->question_offset, "'%s' compares numbers, but "
			   "'%s' is a %s question", op_names[e->op], ref->id,
			   question_types[ref->type].name);
	check_when_values(c, e, ref);
	return 0;
}

/* Parses the condition c names into *out and checks what it refers to. */
static void check_condition(struct when_check *c, struct expr **out)
{
	struct expr_error err;

	if (expr_parse(c->source, out, &err) < 0) {
		when_error(c, err.offset, "%s", err.message);
		return;
	}
	/* A rule names only its own question: a fragment knows it too. */
	if (c->question->id && (!c->l->fragment || c->rule))
		expr_visit(*out, check_when_ref, c);
}

/* Whether a parsed condition is the constant true (a rule for the rest). */
static int always_holds(const struct expr *e)
{
	return e && e->kind == EXPR_CONST && !e->negate;
}

static void check_rules(struct when_check *c, struct question *qn)
{
	size_t i;

	c->rule = 1;
	for (i = 0; i < qn->nrules; i++) {
		struct rule *r = &qn->rules[i];

		if (!r->when_source)
			continue;
		c->source = r->when_source;
		c->pos = r->when_pos;
		c->is_inline = r->when_inline;
		check_condition(c, &r->when);
	}
	c->rule = 0;
	qn->rules_cover = qn->nrules &&
			  always_holds(qn->rules[qn->nrules - 1].when);
}

static void check_whens(struct loader *l)
{
	struct questionnaire *q = l->q;
	struct when_check c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.l = l;
	c.ids = question_ids(q);
	for (i = 0; i < q->nquestions; i++) {
		struct question *qn = q->questions[i];

		c.question = qn;
		if (qn->when_source) {
			c.source = qn->when_source;
			c.pos = qn->when_pos;
			c.is_inline = qn->when_inline;
			check_condition(&c, &qn->when);
		}
		check_rules(&c, qn);
	}
	free(c.ids);
}

/* ---- max: an earlier number question ---------------------------------- */

/*
 * `max: ID` names an earlier number question whose answer a number
 * question is expected not to pass (builders and team size).
 */
static void check_max_ref(struct loader *l, struct question *qn,
			  const char **ids)
{
	const struct questionnaire *q = l->q;
	const struct question *ref = questionnaire_question(q,
							  qn->max_question);
	struct buf msg = BUF_INIT;

	if (!ref) {
		buf_addf(&msg, "'max' of question '%s' names '%s', which is "
			 "not a question", qn->id, qn->max_question);
		buf_add_hint(&msg, qn->max_question, ids, q->nquestions);
		error_pos(l, &qn->max_pos, "%s", msg.data);
	} else if (ref->index >= qn->index) {
		error_pos(l, &qn->max_pos, "'max' of question '%s' names '%s', "
			  "which is not asked before it", qn->id, ref->id);
	} else if (question_value(ref) != QVALUE_NUMBER) {
		error_pos(l, &qn->max_pos, "'max' of question '%s' names '%s', "
			  "a %s question (it must name a number question)",
			  qn->id, ref->id, question_types[ref->type].name);
	} else {
		qn->max_ref = ref;
	}
	buf_release(&msg);
}

static void check_max_refs(struct loader *l)
{
	const char **ids = question_ids(l->q);
	size_t i;

	for (i = 0; i < l->q->nquestions; i++)
		if (l->q->questions[i]->max_question && l->q->questions[i]->id)
			check_max_ref(l, l->q->questions[i], ids);
	free(ids);
}

/* ---- the entry point -------------------------------------------------- */

void loader_check(struct loader *l)
{
	struct questionnaire *q = l->q;
	size_t i;

	index_areas(l);
	index_initiatives(l);
	/* First: scoring needs to know which questions' rules cover every
	 * answer. */
	check_whens(l);
	if (!q->nareas && !l->tc.diags->errors && !l->fragment)
		diag_add(l->tc.diags, DIAG_ERROR, q->path, 1, 1,
			 "the questionnaire has no areas (add 'areas' or "
			 "'include')");
	for (i = 0; i < q->nquestions; i++)
		if (q->questions[i]->id)
			check_scoring(l, q->questions[i]);
	/* A fragment's references may name what the including files hold. */
	if (!l->fragment) {
		check_targets(l);
		check_initiative_refs(l);
		check_max_refs(l);
		check_profile_rows(l);
	}
}
