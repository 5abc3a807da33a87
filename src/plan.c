/*
 * plan.c - the action plan: findings in order of risk and impact, grouped
 * into actions, and scheduled in horizons that the team can carry out.  The
 * method is written in score.h.
 *
 * Only the findings themselves decide the order (risk, impact, effort,
 * questionnaire order): nothing computed over an area or the whole
 * assessment does, so that changing one answer moves its own finding and,
 * through the capacity of a horizon, at most one action across each
 * horizon's boundary.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "strmap.h"
#include "util.h"

static int compare_findings(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;

	if (a->qs->risk != b->qs->risk)
		return a->qs->risk > b->qs->risk ? -1 : 1;
	if (a->impact != b->impact)
		return a->impact > b->impact ? -1 : 1;
	if (a->qs->effort != b->qs->effort)
		return a->qs->effort < b->qs->effort ? -1 : 1;
	/* Questionnaire order; an answer's finding before a disagreement's
	 * on the same question. */
	if (a->qs->question->index != b->qs->question->index)
		return a->qs->question->index < b->qs->question->index ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

/* The team size the profile gives, if it gives one. */
static int team_size(const struct score_result *r, double *size)
{
	const struct questionnaire *q = r->questionnaire;
	const struct question *qn;
	const struct question_score *qs;

	if (!q->team_size_question)
		return 0;
	qn = questionnaire_question(q, q->team_size_question);
	if (!qn)
		return 0;
	qs = &r->questions[qn->index];
	if (qs->status != STATUS_ANSWERED || qs->answer->kind != ANSWER_NUMBER ||
	    !(qs->answer->number >= 1))
		return 0;
	*size = qs->answer->number;
	return 1;
}

/* How many actions the team can take on now, and in the 90 days after. */
static void set_capacity(struct plan *p, const struct score_result *r)
{
	double n = PLAN_DEFAULT_TEAM, now;

	p->has_team_size = team_size(r, &n);
	p->team_size = n;
	now = n + 2;
	if (now < PLAN_NOW_MIN)
		now = PLAN_NOW_MIN;
	if (now > PLAN_NOW_MAX)
		now = PLAN_NOW_MAX;
	p->capacity[HORIZON_NOW] = (size_t)now;
	p->capacity[HORIZON_NEXT] = 2 * (size_t)now + 2;
}

/* Starts an action led by finding f. */
static void start_action(struct action *a, const struct finding *f,
			 const struct initiative *in)
{
	const struct question_score *qs = f->qs;

	memset(a, 0, sizeof(*a));
	a->initiative = in;
	a->id = in ? in->id : qs->question->id;
	a->title = in ? in->title : f->title;
	a->advice = in && in->advice ? in->advice : qs->advice;
	a->risk = qs->risk;
	a->effort = qs->effort;
}

/* The initiative a finding names, if any: every disagreement's is one. */
static const struct initiative *initiative_of(const struct score_result *r,
					      const struct finding *f)
{
	if (f->kind == FINDING_DISAGREEMENT)
		return &score_agree_initiative;
	return f->qs->initiative ?
	       questionnaire_initiative(r->questionnaire, f->qs->initiative) :
	       NULL;
}

/*
 * Groups the ordered findings into actions: those naming the same
 * initiative are one, and so are those without one that give the same
 * advice.  Sets of[i] to the action of finding i; returns the count.
 */
static size_t group(struct score_result *r, struct action *actions,
		    size_t *of)
{
	struct strmap by_initiative = STRMAP_INIT, by_advice = STRMAP_INIT;
	size_t i, n = 0;

	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		const char *advice = f->qs->advice;
		const struct initiative *in = initiative_of(r, f);
		struct strmap *map = in ? &by_initiative : &by_advice;
		const char *key = in ? in->id : advice;
		void *found = key ? strmap_get(map, key) : NULL;

		if (found) {
			of[i] = (size_t)((uintptr_t)found - 1);
			continue;
		}
		start_action(&actions[n], f, in);
		of[i] = n++;
		if (key)
			strmap_put(map, key, (void *)(uintptr_t)n);
	}
	strmap_release(&by_initiative);
	strmap_release(&by_advice);
	return n;
}

/*
 * Puts the findings in plan order (each action's findings together, in the
 * order of their actions) and gives every action its findings.
 */
static void regroup(struct score_result *r, struct plan *p, const size_t *of)
{
	struct finding *ordered = xcalloc(r->nfindings + 1, sizeof(*ordered));
	size_t *start = xcalloc(p->nactions + 1, sizeof(*start));
	size_t i, k;

	for (i = 0; i < r->nfindings; i++)
		start[of[i] + 1]++;
	for (k = 0; k < p->nactions; k++)
		start[k + 1] += start[k];
	for (i = 0; i < r->nfindings; i++) {
		struct action *a = &p->actions[of[i]];

		ordered[start[of[i]] + a->nfindings++] = r->findings[i];
	}
	p->storage = xcalloc(r->nfindings + 1, sizeof(*p->storage));
	for (i = 0; i < r->nfindings; i++) {
		ordered[i].rank = i + 1;
		p->storage[i] = &ordered[i];
	}
	for (k = 0; k < p->nactions; k++) {
		p->actions[k].findings = &p->storage[start[k]];
		for (i = 0; i < p->actions[k].nfindings; i++)
			p->actions[k].findings[i]->action = &p->actions[k];
	}
	free(r->findings);
	r->findings = ordered;
	free(start);
}

/* Where its risk alone would put an action. */
static enum horizon base_horizon(enum risk risk)
{
	if (risk >= RISK_HIGH)
		return HORIZON_NOW;
	return risk == RISK_MEDIUM ? HORIZON_NEXT : HORIZON_LATER;
}

/* The earliest horizon a review pinned a finding of a to, or
 * HORIZON_COUNT. */
static enum horizon pin_of(const struct action *a)
{
	enum horizon pin = HORIZON_COUNT;
	size_t i;

	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i]->pin < pin)
			pin = a->findings[i]->pin;
	return pin;
}

/*
 * Schedules the actions in order: by risk, never before the action ahead
 * of it, and into the next horizon when one is full (critical ones stay
 * now whatever the capacity).  A pinned action goes where the review put
 * it, whatever the capacity; it takes a place there, and the actions after
 * it are placed as if it were not in the walk.
 */
static void schedule(struct plan *p)
{
	size_t used[HORIZON_COUNT] = { 0 };
	enum horizon prev = HORIZON_NOW;
	size_t k, i;

	for (k = 0; k < p->nactions; k++) {
		struct action *a = &p->actions[k];
		enum horizon base = base_horizon(a->risk);
		enum horizon h = base > prev ? base : prev;
		enum horizon pin = pin_of(a);

		if (a->risk == RISK_CRITICAL)
			h = HORIZON_NOW;
		while (a->risk != RISK_CRITICAL && h < HORIZON_LATER &&
		       used[h] >= p->capacity[h])
			h++;
		if (pin != HORIZON_COUNT) {
			a->pinned = 1;
			a->unpinned = h;
			h = pin;
		} else {
			a->moved = h > base;
			if (a->moved)
				p->moved[h][a->risk]++;
			prev = h;
		}
		a->horizon = h;
		used[h]++;
		for (i = 0; i < a->nfindings; i++)
			a->findings[i]->horizon = h;
	}
}

/*
 * Lists the actions by horizon, each horizon in plan order, and ranks them
 * and their findings in that order.  Without pins the walk above already
 * put them so; a pinned action joins its horizon at its place by risk.
 */
static void order_by_horizon(struct score_result *r, struct plan *p)
{
	struct action *actions = xcalloc(p->nactions + 1, sizeof(*actions));
	struct finding *findings = xcalloc(r->nfindings + 1,
					   sizeof(*findings));
	struct finding **storage = xcalloc(r->nfindings + 1,
					   sizeof(*storage));
	size_t n = 0, m = 0, k, i;
	int h;

	for (h = 0; h < HORIZON_COUNT; h++)
		for (k = 0; k < p->nactions; k++) {
			const struct action *a = &p->actions[k];

			if (a->horizon != (enum horizon)h)
				continue;
			actions[n] = *a;
			actions[n].rank = n + 1;
			actions[n].findings = &storage[m];
			for (i = 0; i < a->nfindings; i++, m++) {
				findings[m] = *a->findings[i];
				findings[m].rank = m + 1;
				findings[m].action = &actions[n];
				storage[m] = &findings[m];
			}
			n++;
		}
	free(p->actions);
	free(p->storage);
	free(r->findings);
	p->actions = actions;
	p->storage = storage;
	r->findings = findings;
}

void plan_build(struct score_result *r)
{
	struct plan *p = &r->plan;
	size_t *of = xcalloc(r->nfindings + 1, sizeof(*of));

	memset(p, 0, sizeof(*p));
	set_capacity(p, r);
	qsort(r->findings, r->nfindings, sizeof(*r->findings),
	      compare_findings);
	p->actions = xcalloc(r->nfindings + 1, sizeof(*p->actions));
	p->nactions = group(r, p->actions, of);
	regroup(r, p, of);
	schedule(p);
	order_by_horizon(r, p);
	free(of);
}

void plan_release(struct plan *p)
{
	free(p->actions);
	free(p->storage);
	memset(p, 0, sizeof(*p));
}
