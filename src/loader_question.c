/*
 * loader_question.c - one question of a questionnaire file, with its choices
 * and bands, checked key by key (the first pass; see loader_impl.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loader_impl.h"
#include "strmap.h"
#include "util.h"

static const struct key_spec question_keys[] = {
	{ "id", 1 }, { "text", 1 }, { "help", 0 }, { "type", 0 },
	{ "weight", 0 }, { "advice", 0 }, { "effort", 0 },
	{ "dont_know", 0 }, { "not_applicable", 0 },
	{ "not_applicable_prompt", 0 }, { "initiative", 0 }, { "when", 0 },
	{ "choices", 0 }, { "full_score", 0 }, { "best", 0 }, { "min", 0 },
	{ "max", 0 }, { "min_label", 0 }, { "max_label", 0 }, { "unit", 0 },
	{ "bands", 0 }, { "integer", 0 }, { "references", 0 },
	{ "rules", 0 },
};
static const struct key_spec choice_keys[] = {
	{ "id", 1 }, { "label", 1 }, { "score", 0 }, { "advice", 0 },
	{ "finding", 0 }, { "initiative", 0 }, { "risk", 0 },
	{ "effort", 0 }, { "exclusive", 0 }, { "references", 0 },
};
static const struct key_spec yesno_choice_keys[] = {
	{ "id", 1 }, { "label", 0 }, { "score", 0 }, { "advice", 0 },
	{ "finding", 0 }, { "initiative", 0 }, { "risk", 0 },
	{ "effort", 0 }, { "references", 0 },
};
static const struct key_spec rule_keys[] = {
	{ "when", 1 }, { "risk", 0 }, { "score", 0 },
};
/* A rule's risk: the risks of choices, and none (no finding at all). */
static const char *const rule_risk_names[] = {
	[RISK_UNSET] = "none", [RISK_LOW] = "low", [RISK_MEDIUM] = "medium",
	[RISK_HIGH] = "high", [RISK_CRITICAL] = "critical",
};
static const struct key_spec reference_keys[] = {
	{ "title", 1 }, { "url", 1 },
};
static const struct key_spec band_keys[] = {
	{ "min", 1 }, { "score", 1 }, { "label", 0 }, { "advice", 0 },
	{ "finding", 0 }, { "initiative", 0 }, { "risk", 0 },
};

/* A finding is one line of a report: longer ones get a warning. */
#define FINDING_MAX_CHARS 120


/* ---- enumerations --------------------------------------------------- */

static enum risk get_risk(struct loader *l, const struct ynode *map)
{
	int r = tree_get_enum(&l->tc, map, "risk", risk_names,
			      RISK_CRITICAL + 1, RISK_UNSET);

	return r < 0 ? RISK_UNSET : (enum risk)r;
}

static enum effort get_effort(struct loader *l, const struct ynode *map,
			      enum effort fallback)
{
	int e = tree_get_enum(&l->tc, map, "effort", effort_names,
			      EFFORT_HIGH + 1, (int)fallback);

	return e < 0 ? fallback : (enum effort)e;
}

/* ---- findings and initiatives ---------------------------------------- */

/* Characters (code points) in UTF-8 text. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/*
 * The `finding:` of a choice or band: what is wrong when it is the answer,
 * printed as one line of the report, so a warning when it is not one line
 * or longer than FINDING_MAX_CHARS characters.
 */
static char *load_finding(struct loader *l, const struct ynode *map,
			  const char *what)
{
	char *finding = tree_get_text(&l->tc, map, "finding", what);
	const struct ynode *n = tree_value(map, "finding");
	size_t chars;

	if (!finding)
		return NULL;
	chars = utf8_chars(finding);
	if (strchr(finding, '\n'))
		tree_warning(&l->tc, n, "'finding' of %s spans several lines "
			     "(a finding is one line of the report)", what);
	else if (chars > FINDING_MAX_CHARS)
		tree_warning(&l->tc, n, "'finding' of %s is %zu characters "
			     "long (a finding is one line of the report: at "
			     "most %d)", what, chars, FINDING_MAX_CHARS);
	return finding;
}

char *loader_initiative_ref(struct loader *l, const struct ynode *map,
			    const char *what)
{
	char *id = tree_get_id(&l->tc, map, "initiative", what);
	struct initiative_ref *ref;

	if (!id)
		return NULL;
	GROW(l->initiative_refs, l->refs_alloc, l->nrefs + 1);
	ref = &l->initiative_refs[l->nrefs++];
	ref->id = xstrdup(id);
	ref->pos = loader_pos(l, tree_value(map, "initiative"));
	return id;
}

/* ---- choices ---------------------------------------------------------- */

static void free_choice(struct choice *c)
{
	free(c->id);
	free(c->label);
	free(c->advice);
	free(c->finding);
	free(c->initiative);
	references_free(c->refs, c->nrefs);
}

/*
 * `references:` of a question or a choice: links a report shows, each a
 * title and an http or https URL (a javascript: or file: link could run or
 * read something where the report is opened).
 */
static void load_references(struct loader *l, const struct ynode *map,
			    struct reference **refs, size_t *nrefs)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(tc, map, "references", YNODE_SEQUENCE);
	if (!list)
		return;
	*refs = xcalloc(list->count ? list->count : 1, sizeof(**refs));
	for (i = 0; i < list->count; i++) {
		const struct ynode *n = list->items[i];
		struct reference *r;

		if (tree_expect_kind(tc, n, YNODE_MAPPING, "a reference") < 0)
			continue;
		loader_check_keys(l, n, reference_keys,
				  ARRAY_SIZE(reference_keys), "a reference");
		r = &(*refs)[(*nrefs)++];
		r->pos = loader_pos(l, n);
		r->title = tree_get_text(tc, n, "title", "a reference");
		r->url = tree_get_text(tc, n, "url", "a reference");
		if (r->url && !url_is_web(r->url))
			tree_error(tc, tree_value(n, "url"), "'url' of a "
				   "reference must be an http or https link "
				   "(without spaces, quotes or '<>'), not '%s'",
				   r->url);
	}
}

static void load_choice(struct loader *l, const struct ynode *n,
			struct question *q, struct choice *c)
{
	const struct tree_check *tc = &l->tc;

	memset(c, 0, sizeof(*c));
	c->pos = loader_pos(l, n);
	if (tree_expect_kind(tc, n, YNODE_MAPPING, "a choice") < 0)
		return;
	/* A yesno choice may only add advice to the built-in yes or no. */
	if (question_is(q, QTYPE_F_YESNO))
		loader_check_keys(l, n, yesno_choice_keys,
				ARRAY_SIZE(yesno_choice_keys), "a choice");
	else
		loader_check_keys(l, n, choice_keys, ARRAY_SIZE(choice_keys),
				"a choice");
	c->id = tree_get_id(tc, n, "id", "a choice");
	c->label = tree_get_text(tc, n, "label", "a choice");
	c->advice = tree_get_text(tc, n, "advice", "a choice");
	c->finding = load_finding(l, n, "a choice");
	c->initiative = loader_initiative_ref(l, n, "a choice");
	c->score = -1;
	if (tree_get_number(tc, n, "score", 0, 1000, &c->score) < 0)
		c->score = 0; /* reported already; do not also say "missing" */
	c->risk = get_risk(l, n);
	c->effort = get_effort(l, n, EFFORT_UNSET);
	tree_get_bool(tc, n, "exclusive", &c->exclusive);
	load_references(l, n, &c->refs, &c->nrefs);
	if (c->exclusive && question_value(q) != QVALUE_CHOICES)
		tree_error(tc, tree_value(n, "exclusive"), "'exclusive' "
			   "applies to choices of multi questions only (a "
			   "%s question takes one answer anyway)",
			   question_types[q->type].name);
}

/* The built-in yes and no, scoring 1 and 0 (0 and 1 with best: no). */
static void yesno_defaults(struct question *q, int no_is_best)
{
	static const char *const ids[] = { "yes", "no" };
	static const char *const labels[] = { "Yes", "No" };
	size_t i;

	q->nchoices = 2;
	q->choices = xcalloc(2, sizeof(*q->choices));
	for (i = 0; i < 2; i++) {
		q->choices[i].id = xstrdup(ids[i]);
		q->choices[i].label = xstrdup(labels[i]);
		q->choices[i].score = (i == 1) == no_is_best;
		q->choices[i].pos = q->pos;
	}
}

/* Moves what a written yes or no choice sets into its built-in slot. */
static void yesno_override(struct choice *slot, struct choice *c)
{
	free(c->id);
	if (c->label) {
		free(slot->label);
		slot->label = c->label;
	}
	slot->advice = c->advice;
	slot->finding = c->finding;
	slot->initiative = c->initiative;
	slot->risk = c->risk;
	slot->effort = c->effort;
	slot->refs = c->refs;
	slot->nrefs = c->nrefs;
	slot->pos = c->pos;
	if (c->score >= 0)
		slot->score = c->score;
}

/* The built-in slot a yesno choice item fills, or NULL (reported). */
static struct choice *yesno_slot(struct loader *l, const struct ynode *item,
				 struct question *q, const struct choice *c,
				 int seen[2])
{
	int i;

	if (!c->id)
		return NULL;
	i = !strcmp(c->id, "yes") ? 0 : !strcmp(c->id, "no") ? 1 : -1;
	if (i < 0) {
		tree_error(&l->tc, item, "choices of a yesno question must "
			   "have id 'yes' or 'no', not '%s'", c->id);
		return NULL;
	}
	if (seen[i]) {
		tree_error(&l->tc, item, "duplicate choice id '%s' in "
			   "question '%s'", c->id, q->id ? q->id : "?");
		return NULL;
	}
	seen[i] = 1;
	return &q->choices[i];
}

/* Fills in yes and no for a yesno question from its optional choices. */
static void load_yesno(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct ynode *list, *best = tree_value(n, "best");
	int no_is_best = best && best->kind == YNODE_SCALAR &&
			 !strcmp(best->text, "no");
	int seen[2] = { 0, 0 };
	size_t i;

	if (best && !no_is_best &&
	    !(best->kind == YNODE_SCALAR && !strcmp(best->text, "yes")))
		tree_error(&l->tc, best, "'best' must be yes or no");
	yesno_defaults(q, no_is_best);
	list = tree_get_kind(&l->tc, n, "choices", YNODE_SEQUENCE);
	for (i = 0; list && i < list->count; i++) {
		struct choice c, *slot;

		load_choice(l, list->items[i], q, &c);
		slot = yesno_slot(l, list->items[i], q, &c, seen);
		if (slot)
			yesno_override(slot, &c);
		else
			free_choice(&c);
	}
}

static void load_choices(struct loader *l, const struct ynode *n,
			 struct question *q)
{
	const struct ynode *list = ynode_get(n, "choices");
	struct strmap seen = STRMAP_INIT;
	const char *id = q->id ? q->id : "?";
	size_t i;

	if (!list) {
		tree_error(&l->tc, n, "%s question '%s' needs 'choices'",
			   question_types[q->type].name, id);
		return;
	}
	if (ynode_is_empty(list))
		return; /* reported */
	if (tree_expect_kind(&l->tc, list, YNODE_SEQUENCE, "'choices'") < 0)
		return;
	if (list->count < 2)
		tree_error(&l->tc, list, "%s question '%s' needs at least two "
			   "choices (it has %zu)", question_types[q->type].name,
			   id, list->count);
	q->choices = xcalloc(list->count ? list->count : 1,
			     sizeof(*q->choices));
	for (i = 0; i < list->count; i++) {
		struct choice *c = &q->choices[q->nchoices++];
		const struct choice *first;

		load_choice(l, list->items[i], q, c);
		if (c->id && (first = strmap_put(&seen, c->id, c)))
			tree_error(&l->tc, list->items[i], "duplicate choice "
				   "id '%s' in question '%s' (first at line "
				   "%d)", c->id, id, first->pos.line);
	}
	strmap_release(&seen);
}

/* ---- numbers: range and bands ---------------------------------------- */

static void load_band(struct loader *l, const struct ynode *b,
		      const struct question *q, struct band *band)
{
	const struct tree_check *tc = &l->tc;

	loader_check_keys(l, b, band_keys, ARRAY_SIZE(band_keys), "a band");
	band->pos = loader_pos(l, b);
	tree_get_number(tc, b, "min", -1e15, 1e15, &band->min);
	tree_get_number(tc, b, "score", 0, 1, &band->score);
	band->label = tree_get_text(tc, b, "label", "a band");
	band->advice = tree_get_text(tc, b, "advice", "a band");
	band->finding = load_finding(l, b, "a band");
	band->initiative = loader_initiative_ref(l, b, "a band");
	band->risk = get_risk(l, b);
	if ((q->has_min && band->min < q->min && q->nbands > 0) ||
	    (q->has_max && band->min > q->max))
		tree_warning(tc, b, "band from %g lies outside the question's "
			     "range (%g to %g)", band->min, q->min, q->max);
	if (q->nbands && band->min <= q->bands[q->nbands - 1].min)
		tree_error(tc, b, "bands must be in ascending order of 'min' "
			   "(%g after %g)", band->min,
			   q->bands[q->nbands - 1].min);
}

static void load_bands(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(&l->tc, n, "bands", YNODE_SEQUENCE);
	if (!list)
		return;
	if (list->count == 0) {
		tree_error(&l->tc, list, "'bands' must not be empty");
		return;
	}
	q->bands = xcalloc(list->count, sizeof(*q->bands));
	for (i = 0; i < list->count; i++) {
		const struct ynode *b = list->items[i];

		if (tree_expect_kind(&l->tc, b, YNODE_MAPPING, "a band") < 0)
			continue;
		load_band(l, b, q, &q->bands[q->nbands]);
		q->nbands++;
	}
}

static void load_range(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct tree_check *tc = &l->tc;
	const char *id = q->id ? q->id : "?";

	const struct ynode *max = tree_value(n, "max");

	q->has_min = tree_value(n, "min") != NULL;
	tree_get_number(tc, n, "min", -1e15, 1e15, &q->min);
	if (!question_is(q, QTYPE_F_RANGE) && max &&
	    max->kind == YNODE_SCALAR &&
	    ynode_value_type(max) == YVALUE_TEXT) {
		/* `max: team_size`: checked against the questions later. */
		q->max_question = xstrdup(max->text);
		q->max_pos = loader_pos(l, max);
	} else {
		q->has_max = max != NULL;
		tree_get_number(tc, n, "max", -1e15, 1e15, &q->max);
	}
	if (question_type_takes(q->type, "integer"))
		tree_get_bool(tc, n, "integer", &q->integer);
	if (question_is(q, QTYPE_F_RANGE)) {
		if (!q->has_min || !q->has_max)
			tree_error(tc, n, "scale question '%s' needs 'min' and "
				   "'max'", id);
		else if (q->min != floor(q->min) || q->max != floor(q->max) ||
			 q->max - q->min > 100)
			tree_error(tc, n, "scale question '%s' needs whole "
				   "numbers 'min' and 'max' at most 100 apart",
				   id);
		q->min_label = tree_get_text(tc, n, "min_label", "a question");
		q->max_label = tree_get_text(tc, n, "max_label", "a question");
	} else {
		q->unit = tree_get_text(tc, n, "unit", "a question");
	}
	if (q->has_min && q->has_max && q->min >= q->max)
		tree_error(tc, ynode_get(n, "max"), "'max' (%g) must be "
			   "greater than 'min' (%g)", q->max, q->min);
	load_bands(l, n, q);
}

/* ---- questions -------------------------------------------------------- */

/*
 * A key that some type takes but q's does not is an error, since it would
 * silently do nothing (question_types[] says which take which).
 */
static void check_type_keys(struct loader *l, const struct ynode *n,
			    const struct question *q)
{
	size_t i;

	for (i = 0; i + 1 < n->count; i += 2) {
		const struct ynode *k = n->items[i];
		const struct ynode *v;

		if (k->kind != YNODE_SCALAR || !question_type_key(k->text) ||
		    question_type_takes(q->type, k->text))
			continue;
		v = tree_value(n, k->text);
		if (v)
			tree_error(&l->tc, v, "'%s' does not apply to %s "
				   "questions", k->text,
				   question_types[q->type].name);
	}
}

/*
 * Keeps a condition's text and place (of `when:` or of a rule); it is
 * parsed and checked in the second pass, once every question (and so what
 * is "earlier") is known.  Returns 0, or -1 when w is not a condition.
 */
static int keep_condition(struct loader *l, const struct ynode *w,
			  char **source, struct srcpos *pos, int *is_inline)
{
	if (w->kind != YNODE_SCALAR) {
		tree_error(&l->tc, w, "'when' must be a condition, not %s",
			   ynode_kind_name(w));
		return -1;
	}
	*source = xstrdup(w->text);
	*pos = loader_pos(l, w);
	/* Columns inside quoted text start after the quote. */
	if (w->style == YSTYLE_QUOTED)
		pos->col++;
	*is_inline = w->style != YSTYLE_BLOCK && !strchr(w->text, '\n');
	return 0;
}

/*
 * A rule's risk and score.  `risk: none` makes no finding, so its score is
 * 1 (and may be left out); any other risk needs a score below 1, or it
 * would never show.
 */
static void load_rule_outcome(struct loader *l, const struct ynode *n,
			      struct rule *r)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *risk = tree_value(n, "risk");
	const struct ynode *score = tree_value(n, "score");
	int named = tree_get_enum(tc, n, "risk", rule_risk_names,
				  ARRAY_SIZE(rule_risk_names), -1);
	int none = risk && named == RISK_UNSET;

	r->risk = named > 0 ? (enum risk)named : RISK_UNSET;
	r->score = none ? 1 : 0;
	if (tree_get_number(tc, n, "score", 0, 1, &r->score) < 0 || !score) {
		if (!score && !none && !(risk && named < 0))
			tree_error(tc, n, "a rule is missing required key "
				   "'score' (only 'risk: none' goes without)");
		return;
	}
	if (none && r->score != 1)
		tree_error(tc, score, "a rule of risk 'none' makes no finding, "
			   "so it scores 1, not %g", r->score);
	else if (named > 0 && r->score >= 1)
		tree_error(tc, risk, "a rule that scores 1 makes no finding, "
			   "so its risk '%s' would never show", risk_names[named]);
}

/* `rules:`: an ordered list of {when, risk, score}. */
static void load_rules(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(tc, n, "rules", YNODE_SEQUENCE);
	if (!list)
		return;
	if (!list->count)
		tree_error(tc, list, "'rules' must not be empty");
	q->rules = xcalloc(list->count ? list->count : 1, sizeof(*q->rules));
	for (i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i], *w;
		struct rule *r;

		if (tree_expect_kind(tc, item, YNODE_MAPPING, "a rule") < 0)
			continue;
		loader_check_keys(l, item, rule_keys, ARRAY_SIZE(rule_keys),
				  "a rule");
		r = &q->rules[q->nrules++];
		r->pos = loader_pos(l, item);
		load_rule_outcome(l, item, r);
		w = tree_value(item, "when");
		if (w)
			keep_condition(l, w, &r->when_source, &r->when_pos,
				       &r->when_inline);
	}
}

/*
 * Keeps a condition's text and place; it is parsed and checked in the second
 * pass, once every question (and so what is "earlier") is known.
 */
static void load_when(struct loader *l, const struct ynode *n,
		      struct question *q)
{
	const struct ynode *w = tree_value(n, "when");

	if (w)
		keep_condition(l, w, &q->when_source, &q->when_pos,
			       &q->when_inline);
}

/*
 * not_applicable: true lets the respondent answer "not applicable";
 * not_applicable_prompt asks for the reason, so it needs the first.
 */
static void load_not_applicable(struct loader *l, const struct ynode *n,
				struct question *q)
{
	const struct tree_check *tc = &l->tc;

	tree_get_bool(tc, n, "not_applicable", &q->not_applicable);
	q->not_applicable_prompt = tree_get_text(tc, n,
						 "not_applicable_prompt",
						 "a question");
	if (q->not_applicable_prompt && !q->not_applicable)
		tree_error(tc, ynode_get(n, "not_applicable_prompt"),
			   "'not_applicable_prompt' needs 'not_applicable: "
			   "true' (it asks why the question does not "
			   "apply)");
}

/* The keys every question has, whatever its type. */
static int load_common(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct tree_check *tc = &l->tc;
	int type;

	loader_check_keys(l, n, question_keys, ARRAY_SIZE(question_keys),
			"a question");
	q->id = tree_get_id(tc, n, "id", "a question");
	q->text = tree_get_text(tc, n, "text", "a question");
	q->help = tree_get_text(tc, n, "help", "a question");
	q->advice = tree_get_text(tc, n, "advice", "a question");
	type = tree_get_enum(tc, n, "type", question_type_names(), QTYPE_COUNT,
			     QTYPE_SINGLE);
	if (ynode_is_empty(ynode_get(n, "type")))
		type = -1; /* reported; as an unknown type */
	/* An unknown type is reported; its own keys cannot be checked. */
	q->type = type < 0 ? QTYPE_TEXT : (enum question_type)type;
	tree_get_number(tc, n, "weight", 0, 1000, &q->weight);
	q->effort = get_effort(l, n, EFFORT_MEDIUM);
	tree_get_bool(tc, n, "dont_know", &q->dont_know);
	load_not_applicable(l, n, q);
	q->initiative = loader_initiative_ref(l, n, "a question");
	tree_get_number(tc, n, "full_score", 0, 1e6, &q->full_score);
	load_references(l, n, &q->refs, &q->nrefs);
	return type >= 0;
}

void loader_load_question(struct loader *l, const struct ynode *n,
			  struct question *q)
{
	memset(q, 0, sizeof(*q));
	q->pos = loader_pos(l, n);
	q->weight = 1;
	if (tree_expect_kind(&l->tc, n, YNODE_MAPPING, "a question") < 0)
		return;
	if (load_common(l, n, q))
		check_type_keys(l, n, q);
	if (!ynode_get(n, "type") && !ynode_get(n, "choices"))
		tree_error(&l->tc, n, "question '%s' needs 'choices' (or a "
			   "'type' without them: yesno, scale, number, text)",
			   q->id ? q->id : "?");
	else if (question_is(q, QTYPE_F_YESNO))
		load_yesno(l, n, q);
	else if (question_has_choices(q))
		load_choices(l, n, q);
	else if (question_value(q) == QVALUE_NUMBER)
		load_range(l, n, q);
	if (question_type_takes(q->type, "rules"))
		load_rules(l, n, q);
	load_when(l, n, q);
}
