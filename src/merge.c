/*
 * merge.c - one assessment from several respondents' answers; the rule is
 * written in merge.h.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "score.h"
#include "util.h"

/* One respondent's say on one question. */
struct say {
	const struct answer *answer;
	size_t who;         /* the respondent's index */
	double score;       /* 0 for "don't know" */
	enum risk risk;     /* of the finding it would be */
	int unknown;        /* "don't know" */
};

struct merger {
	const struct questionnaire *q;
	const struct merge_options *o;
	struct answers *out;
	unsigned char **applies;  /* per respondent, per question */
	struct say *says;         /* of the question being merged */
	size_t nsays;
};

/* ---- the respondents -------------------------------------------------- */

/* The respondent of a single answers file, with a copy of its answers. */
static void respondent_of_input(struct respondent *who,
				const struct merge_input *in, size_t nitems)
{
	const struct answers *a = in->answers;
	size_t i;

	memset(who, 0, sizeof(*who));
	who->name = xstrdup(a->respondent.name ? a->respondent.name :
			    in->fallback_name);
	who->role = a->respondent.role ? xstrdup(a->respondent.role) : NULL;
	who->source = xstrdup(in->source);
	who->completed_at = a->completed_at ? xstrdup(a->completed_at) : NULL;
	who->items = xcalloc(nitems ? nitems : 1, sizeof(*who->items));
	for (i = 0; i < nitems; i++)
		answer_copy(&who->items[i], &a->items[i]);
}

/* Every respondent of the inputs, a merged input bringing each of its. */
static size_t gather(struct answers *out, const struct merge_input *inputs,
		     size_t n)
{
	size_t i, k, total = 0;

	for (i = 0; i < n; i++)
		total += answers_is_merged(inputs[i].answers) ?
			 inputs[i].answers->nrespondents : 1;
	if (total > MERGE_MAX_RESPONDENTS)
		return total;
	out->respondents = xcalloc(total ? total : 1,
				   sizeof(*out->respondents));
	for (i = 0; i < n; i++) {
		const struct answers *a = inputs[i].answers;

		if (!answers_is_merged(a)) {
			respondent_of_input(&out->respondents[
				out->nrespondents++], &inputs[i], out->nitems);
			continue;
		}
		for (k = 0; k < a->nrespondents; k++)
			respondent_copy(&out->respondents[out->nrespondents++],
					&a->respondents[k], out->nitems);
	}
	return total;
}

static int check_respondents(const struct answers *out, size_t total,
			     struct buf *err)
{
	const struct respondent *r = out->respondents;
	size_t i, j;

	if (total < 2) {
		buf_addf(err, "merging needs the answers of at least two "
			 "respondents, not %zu", total);
		return -1;
	}
	if (total > MERGE_MAX_RESPONDENTS) {
		buf_addf(err, "cannot merge %zu respondents (at most %d)",
			 total, MERGE_MAX_RESPONDENTS);
		return -1;
	}
	for (i = 0; i < out->nrespondents; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(r[i].name, r[j].name)) {
				buf_addf(err, "two respondents are named '%s' "
					 "('%s' and '%s'); give each answers "
					 "file its own respondent (run "
					 "--respondent 'NAME, ROLE')",
					 r[i].name, r[j].source ? r[j].source :
					 "?", r[i].source ? r[i].source : "?");
				return -1;
			}
	return 0;
}

/* The latest completion when every respondent completed, else NULL. */
static char *completed(const struct answers *out)
{
	const char *latest = NULL;
	size_t i;

	for (i = 0; i < out->nrespondents; i++) {
		const char *at = out->respondents[i].completed_at;

		if (!at)
			return NULL;
		if (!latest || strcmp(at, latest) > 0)
			latest = at;
	}
	return latest ? xstrdup(latest) : NULL;
}

/* ---- one question ----------------------------------------------------- */

static int by_caution(const void *x, const void *y)
{
	const struct say *a = x, *b = y;

	if (a->unknown != b->unknown)
		return a->unknown ? -1 : 1;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	if (a->risk != b->risk)
		return a->risk > b->risk ? -1 : 1;
	return a->who < b->who ? -1 : a->who > b->who;
}

static int by_number(const void *x, const void *y)
{
	const struct say *a = x, *b = y;

	if (a->answer->number != b->answer->number)
		return a->answer->number < b->answer->number ? -1 : 1;
	return a->who < b->who ? -1 : a->who > b->who;
}

static int same_value(const struct answer *a, const struct answer *b)
{
	size_t i;

	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case ANSWER_CHOICE:
		return !strcmp(a->choice, b->choice);
	case ANSWER_CHOICES:
		if (a->nchoices != b->nchoices)
			return 0;
		for (i = 0; i < a->nchoices; i++)
			if (!answer_includes(b, a->choices[i]))
				return 0;
		return 1;
	case ANSWER_NUMBER:
		return a->number == b->number;
	case ANSWER_TEXT:
		return !strcmp(a->text, b->text);
	default:
		return 1;
	}
}

/* The say given most often, the earliest on a tie (says are in
 * respondent order). */
static const struct say *most_often(const struct say *says, size_t n)
{
	size_t i, j, best = 0, best_count = 0;

	for (i = 0; i < n; i++) {
		size_t count = 0;

		for (j = 0; j < n; j++)
			count += same_value(says[i].answer, says[j].answer);
		if (count > best_count) {
			best = i;
			best_count = count;
		}
	}
	return &says[best];
}

/* Appends "Ana (CEO): text" as a line of its own. */
static void add_line(struct buf *out, const struct respondent *who,
		     const char *text)
{
	if (out->len)
		buf_addc(out, '\n');
	respondent_label(out, who);
	buf_addf(out, ": %s", text);
}

/* Every respondent's text, one line each, unless they all agree. */
static void join_texts(struct merger *m, struct answer *dst)
{
	struct buf text = BUF_INIT;
	size_t i;

	for (i = 1; i < m->nsays; i++)
		if (strcmp(m->says[i].answer->text, m->says[0].answer->text))
			break;
	if (i == m->nsays) {
		answer_copy(dst, m->says[0].answer);
		return;
	}
	for (i = 0; i < m->nsays; i++)
		add_line(&text, &m->out->respondents[m->says[i].who],
			 m->says[i].answer->text);
	dst->kind = ANSWER_TEXT;
	dst->text = buf_detach(&text, NULL);
}

static void pick_unscored(struct merger *m, const struct question *qn,
			  struct answer *dst)
{
	const char *name = m->q->name_question;
	size_t i, n = 0;

	/* Values first: "don't know" only when nobody gave one. */
	for (i = 0; i < m->nsays; i++)
		if (!m->says[i].unknown)
			m->says[n++] = m->says[i];
	if (!n) {
		answer_copy(dst, m->says[0].answer);
		return;
	}
	m->nsays = n;
	if (m->says[0].answer->kind == ANSWER_NUMBER) {
		qsort(m->says, n, sizeof(*m->says), by_number);
		answer_copy(dst, m->says[(n - 1) / 2].answer);
	} else if (m->says[0].answer->kind == ANSWER_TEXT &&
		   !(name && !strcmp(name, qn->id))) {
		join_texts(m, dst);
	} else {
		answer_copy(dst, most_often(m->says, n)->answer);
	}
}

static void pick_scored(struct merger *m, struct answer *dst)
{
	size_t n = m->nsays;

	qsort(m->says, n, sizeof(*m->says), by_caution);
	answer_copy(dst, m->says[m->o->rule == MERGE_MEDIAN ?
				 (n - 1) / 2 : 0].answer);
}

/* Every reason given, "Ana (CEO): reason" joined by "; ". */
static void not_applicable(struct merger *m, size_t i, struct answer *dst)
{
	struct buf reasons = BUF_INIT;
	size_t k;

	for (k = 0; k < m->out->nrespondents; k++) {
		const struct answer *a = &m->out->respondents[k].items[i];

		if (!m->applies[k][i] || a->kind != ANSWER_NOT_APPLICABLE ||
		    !a->text || !*a->text)
			continue;
		if (reasons.len)
			buf_adds(&reasons, "; ");
		respondent_label(&reasons, &m->out->respondents[k]);
		buf_addf(&reasons, ": %s", a->text);
	}
	dst->kind = ANSWER_NOT_APPLICABLE;
	dst->text = reasons.len ? buf_detach(&reasons, NULL) : NULL;
	buf_release(&reasons);
}

/* The notes of every respondent on question i, one line each. */
static void join_notes(struct merger *m, size_t i, struct answer *dst)
{
	struct buf notes = BUF_INIT;
	size_t k;

	for (k = 0; k < m->out->nrespondents; k++) {
		const struct answer *a = &m->out->respondents[k].items[i];

		if (m->applies[k][i] && a->note && *a->note)
			add_line(&notes, &m->out->respondents[k], a->note);
	}
	free(dst->note);
	dst->note = notes.len ? buf_detach(&notes, NULL) : NULL;
	buf_release(&notes);
}

/* Collects who takes part in question i; counts the others. */
static void collect_says(struct merger *m, size_t i, size_t *nna,
			 size_t *nskipped)
{
	const struct question *qn = m->q->questions[i];
	size_t k;

	m->nsays = 0;
	*nna = *nskipped = 0;
	for (k = 0; k < m->out->nrespondents; k++) {
		const struct answer *a = &m->out->respondents[k].items[i];
		struct say *s;

		if (!m->applies[k][i] || a->kind == ANSWER_NONE)
			continue;
		if (a->kind == ANSWER_SKIPPED || a->kind == ANSWER_NOT_APPLICABLE) {
			*(a->kind == ANSWER_SKIPPED ? nskipped : nna) += 1;
			continue;
		}
		s = &m->says[m->nsays++];
		s->answer = a;
		s->who = k;
		s->unknown = a->kind == ANSWER_DONT_KNOW;
		s->score = s->unknown ? 0 : score_question(qn, a);
		s->risk = score_answer_risk(qn, a, NULL);
	}
}

static void merge_question(struct merger *m, size_t i)
{
	const struct question *qn = m->q->questions[i];
	struct answer *dst = &m->out->items[i];
	size_t nna, nskipped;

	collect_says(m, i, &nna, &nskipped);
	if (!m->nsays && nna)
		not_applicable(m, i, dst);
	else if (!m->nsays)
		dst->kind = nskipped ? ANSWER_SKIPPED : ANSWER_NONE;
	else if (qn->scored)
		pick_scored(m, dst);
	else
		pick_unscored(m, qn, dst);
	join_notes(m, i, dst);
}

/* Which questions apply to each respondent, given their own answers. */
static unsigned char **applicability(const struct answers *out)
{
	unsigned char **applies = xcalloc(out->nrespondents,
					  sizeof(*applies));
	struct answers view;
	size_t k;

	for (k = 0; k < out->nrespondents; k++) {
		memset(&view, 0, sizeof(view));
		view.questionnaire = out->questionnaire;
		view.items = out->respondents[k].items;
		view.nitems = out->nitems;
		applies[k] = xmalloc(out->nitems + 1);
		answers_applicability(&view, applies[k]);
	}
	return applies;
}

int merge_answers(struct answers *out, const struct questionnaire *q,
		  const struct merge_input *inputs, size_t n,
		  const struct merge_options *o, struct buf *err)
{
	struct merger m;
	size_t i, total;

	answers_init(out, q);
	out->merge_rule = o->rule;
	out->merge_threshold = o->threshold;
	total = gather(out, inputs, n);
	if (check_respondents(out, total, err) < 0) {
		answers_release(out);
		return -1;
	}
	memset(&m, 0, sizeof(m));
	m.q = q;
	m.o = o;
	m.out = out;
	m.applies = applicability(out);
	m.says = xcalloc(out->nrespondents, sizeof(*m.says));
	for (i = 0; i < q->nquestions; i++)
		merge_question(&m, i);
	out->completed_at = completed(out);
	for (i = 0; i < out->nrespondents; i++)
		free(m.applies[i]);
	free(m.applies);
	free(m.says);
	return 0;
}
