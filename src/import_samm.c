/*
 * import_samm.c - the OWASP SAMM core model as a questionnaire.
 *
 * The model is one YAML file per object, in one directory per kind, linked
 * by ids: a business function has security practices, a practice has
 * streams (A, B) and practice levels (one per maturity level), an activity
 * belongs to a stream and a practice level, a question measures an activity
 * and takes its answers from an answer set.  Every file is read into a
 * positioned tree (yamltree.c), every link is resolved (a dangling id is an
 * error at its place), and the result is a questionnaire with one area per
 * practice, in the order of the functions and practices, whose questions
 * are the practice's streams and levels in order.
 *
 * Scores are SAMM's: each answer scores its value (0, 0.25, 0.5 or 1) when
 * the best answer of its set is worth 1 (checked), all questions weigh the
 * same, so an area's score is 100 times the mean of its six answers, and
 * SAMM's practice maturity (the mean of its two streams' sums of three
 * answers) is the area score x 3 / 100.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "import.h"
#include "loader.h"
#include "strmap.h"
#include "util.h"
#include "yamltree.h"

enum samm_kind {
	SAMM_FUNCTION,
	SAMM_PRACTICE,
	SAMM_STREAM,
	SAMM_PRACTICE_LEVEL,
	SAMM_MATURITY_LEVEL,
	SAMM_ACTIVITY,
	SAMM_QUESTION,
	SAMM_ANSWER_SET,
	SAMM_KINDS
};

/* Each kind of object: its directory, its name in messages, its keys. */
static const struct samm_kind_spec {
	const char *dir;
	const char *what;      /* "a business function" */
	const char *noun;      /* "business function" */
	const char *required[5];
	const char *known[16];
} kinds[SAMM_KINDS] = {
	[SAMM_FUNCTION] = { "business_functions", "a business function",
		"business function", { "id", "name" },
		{ "id", "model", "name", "description", "color", "logo",
		  "order", "type" } },
	[SAMM_PRACTICE] = { "security_practices", "a security practice",
		"security practice", { "id", "function", "name", "shortName" },
		{ "id", "function", "name", "shortName", "shortDescription",
		  "longDescription", "order", "assignee", "progress",
		  "type" } },
	[SAMM_STREAM] = { "streams", "a stream", "stream",
		{ "id", "practice", "letter" },
		{ "id", "practice", "name", "letter", "description", "order",
		  "type" } },
	[SAMM_PRACTICE_LEVEL] = { "practice_levels", "a practice level",
		"practice level", { "id", "practice", "maturityLevel" },
		{ "id", "practice", "maturityLevel", "objective", "type" } },
	[SAMM_MATURITY_LEVEL] = { "maturity_levels", "a maturity level",
		"maturity level", { "id", "number" },
		{ "id", "number", "description", "type" } },
	[SAMM_ACTIVITY] = { "activities", "an activity", "activity",
		{ "id", "stream", "level", "title" },
		{ "id", "stream", "level", "title", "benefit",
		  "shortDescription", "longDescription", "results", "metrics",
		  "costs", "personnel", "notes", "relatedActivities",
		  "type" } },
	[SAMM_QUESTION] = { "questions", "a question", "question",
		{ "id", "activity", "answerSet", "text" },
		{ "id", "activity", "answerSet", "text", "order", "quality",
		  "type" } },
	[SAMM_ANSWER_SET] = { "answer_sets", "an answer set", "answer set",
		{ "id", "values" }, { "id", "values", "type" } },
};

/* The links between objects: from.key names an object of kind to. */
static const struct samm_link {
	enum samm_kind from;
	const char *key;
	enum samm_kind to;
	int slot;
} links[] = {
	{ SAMM_PRACTICE, "function", SAMM_FUNCTION, 0 },
	{ SAMM_STREAM, "practice", SAMM_PRACTICE, 0 },
	{ SAMM_PRACTICE_LEVEL, "practice", SAMM_PRACTICE, 0 },
	{ SAMM_PRACTICE_LEVEL, "maturityLevel", SAMM_MATURITY_LEVEL, 1 },
	{ SAMM_ACTIVITY, "stream", SAMM_STREAM, 0 },
	{ SAMM_ACTIVITY, "level", SAMM_PRACTICE_LEVEL, 1 },
	{ SAMM_QUESTION, "activity", SAMM_ACTIVITY, 0 },
	{ SAMM_QUESTION, "answerSet", SAMM_ANSWER_SET, 1 },
};

static const char *const answer_keys[] = { "text", "value", "weight",
					    "order" };

/* More files than this in one directory of the model are refused. */
#define SAMM_MAX_FILES 4096

struct samm_object {
	enum samm_kind kind;
	const char *file;       /* owned by the reader */
	const struct ynode *map;
	const char *id;
	double sort_key;        /* order, or the maturity level's number */
	size_t seq;             /* reading order, to break ties */
	struct samm_object *link[2];
};

struct samm_reader {
	struct import_ctx ctx;
	struct yaml_tree *trees;
	char **paths;
	size_t ntrees, trees_alloc, paths_alloc;
	struct samm_object **objects[SAMM_KINDS];
	size_t count[SAMM_KINDS], alloc[SAMM_KINDS];
	struct strmap index[SAMM_KINDS];
	struct strmap question_ids; /* id written -> struct samm_object */
};

/* ---- reading the files ------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The YAML files directly in dir, sorted; NULL after an error. */
static char **list_yaml_files(struct samm_reader *r, const char *dir,
			      size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0;

	if (!d) {
		diag_add(r->ctx.tc.diags, DIAG_ERROR, dir, 0, 0,
			 "cannot open directory: %s", strerror(errno));
		return NULL;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !path_is_yaml(e->d_name))
			continue;
		if (n == SAMM_MAX_FILES) {
			diag_add(r->ctx.tc.diags, DIAG_ERROR, dir, 0, 0,
				 "more than %d files", SAMM_MAX_FILES);
			break;
		}
		GROW(names, alloc, n + 1);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	*count = n;
	return names ? names : xcalloc(1, sizeof(*names));
}

/* The names in a table row, which ends at its first NULL. */
static size_t count_names(const char *const *names, size_t max)
{
	size_t n = 0;

	while (n < max && names[n])
		n++;
	return n;
}

static void add_object(struct samm_reader *r, enum samm_kind kind,
		       const char *file, const struct ynode *map)
{
	struct samm_object *o = xcalloc(1, sizeof(*o)), *first;
	size_t i;

	o->kind = kind;
	o->file = file;
	o->map = map;
	o->seq = r->count[kind];
	import_check_keys(&r->ctx, map, kinds[kind].known,
			  count_names(kinds[kind].known,
				      ARRAY_SIZE(kinds[kind].known)),
			  kinds[kind].what);
	for (i = 0; i < ARRAY_SIZE(kinds[kind].required); i++)
		if (kinds[kind].required[i] &&
		    !import_get(map, kinds[kind].required[i]))
			tree_error(&r->ctx.tc, map, "%s is missing required "
				     "key '%s'", kinds[kind].what,
				     kinds[kind].required[i]);
	o->id = import_text(&r->ctx, map, "id", kinds[kind].what, 0);
	GROW(r->objects[kind], r->alloc[kind], r->count[kind] + 1);
	r->objects[kind][r->count[kind]++] = o;
	if (!o->id)
		return;
	first = strmap_put(&r->index[kind], o->id, o);
	if (first)
		tree_error(&r->ctx.tc, import_get(map, "id"),
			     "duplicate id '%s' (also in %s)", o->id,
			     first->file);
}

/* Reads one file of the model; a file that does not parse is reported. */
static void read_file(struct samm_reader *r, enum samm_kind kind,
		      const char *path)
{
	struct yaml_tree *t;
	char *copy = xstrdup(path);

	GROW(r->paths, r->paths_alloc, r->ntrees + 1);
	GROW(r->trees, r->trees_alloc, r->ntrees + 1);
	r->paths[r->ntrees] = copy;
	t = &r->trees[r->ntrees++];
	r->ctx.tc.file = copy;
	if (yaml_tree_load(t, path, LOADER_MAX_FILE_SIZE, r->ctx.tc.diags) < 0)
		return;
	if (!t->root) {
		diag_add(r->ctx.tc.diags, DIAG_ERROR, path, 1, 1,
			 "file is empty");
		return;
	}
	if (t->root->kind != YNODE_MAPPING) {
		tree_error(&r->ctx.tc, t->root, "%s must be a mapping, not %s",
			     kinds[kind].what, ynode_kind_name(t->root));
		return;
	}
	add_object(r, kind, copy, t->root);
}

static void read_kind(struct samm_reader *r, const char *model,
		      enum samm_kind kind)
{
	struct buf dir = BUF_INIT, path = BUF_INIT;
	char **names;
	size_t i, n = 0;

	buf_addf(&dir, "%s/%s", model, kinds[kind].dir);
	names = list_yaml_files(r, dir.data, &n);
	for (i = 0; names && i < n; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir.data, names[i]);
		read_file(r, kind, path.data);
		free(names[i]);
	}
	free(names);
	buf_release(&dir);
	buf_release(&path);
}

/* ---- links and order ------------------------------------------------------ */

static void resolve_link(struct samm_reader *r, struct samm_object *o,
			 const struct samm_link *l)
{
	const char *id;

	r->ctx.tc.file = o->file;
	id = import_text(&r->ctx, o->map, l->key, kinds[o->kind].what, 0);
	if (!id)
		return;
	o->link[l->slot] = strmap_get(&r->index[l->to], id);
	if (!o->link[l->slot])
		tree_error(&r->ctx.tc, import_get(o->map, l->key),
			     "unknown %s '%s' (no file in %s/ has this id)",
			     kinds[l->to].noun, id, kinds[l->to].dir);
}

/* The number under key of o, or fallback when absent or wrong. */
static double object_number(struct samm_reader *r, struct samm_object *o,
			    const char *key, int required, double fallback)
{
	double v = fallback;

	r->ctx.tc.file = o->file;
	if (import_number(&r->ctx, o->map, key, kinds[o->kind].what,
			  required, &v) != 0)
		return fallback;
	return v;
}

static void resolve_all(struct samm_reader *r)
{
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(links); i++)
		for (k = 0; k < r->count[links[i].from]; k++)
			resolve_link(r, r->objects[links[i].from][k],
				     &links[i]);
}

/* An activity's stream and level must belong to the same practice. */
static void check_activities(struct samm_reader *r)
{
	size_t i;

	for (i = 0; i < r->count[SAMM_ACTIVITY]; i++) {
		struct samm_object *a = r->objects[SAMM_ACTIVITY][i];
		struct samm_object *s = a->link[0], *l = a->link[1];

		if (!s || !l || !s->link[0] || !l->link[0] ||
		    s->link[0] == l->link[0])
			continue;
		r->ctx.tc.file = a->file;
		tree_error(&r->ctx.tc, import_get(a->map, "level"),
			     "practice level '%s' is not of the practice of "
			     "stream '%s'", l->id, s->id);
	}
}

/* Sort keys: the order written, or for activities their maturity level. */
static void set_sort_keys(struct samm_reader *r)
{
	static const enum samm_kind ordered[] = {
		SAMM_FUNCTION, SAMM_PRACTICE, SAMM_STREAM, SAMM_QUESTION,
	};
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(ordered); i++)
		for (k = 0; k < r->count[ordered[i]]; k++) {
			struct samm_object *o = r->objects[ordered[i]][k];

			o->sort_key = object_number(r, o, "order", 0, 0);
		}
	for (k = 0; k < r->count[SAMM_MATURITY_LEVEL]; k++) {
		struct samm_object *o = r->objects[SAMM_MATURITY_LEVEL][k];

		o->sort_key = object_number(r, o, "number", 0, 0);
	}
	for (k = 0; k < r->count[SAMM_ACTIVITY]; k++) {
		struct samm_object *a = r->objects[SAMM_ACTIVITY][k];

		if (a->link[1] && a->link[1]->link[1])
			a->sort_key = a->link[1]->link[1]->sort_key;
	}
}

static int compare_objects(const void *pa, const void *pb)
{
	const struct samm_object *a = *(const struct samm_object *const *)pa;
	const struct samm_object *b = *(const struct samm_object *const *)pb;

	if (a->sort_key != b->sort_key)
		return a->sort_key < b->sort_key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * The objects of kind whose link in slot is parent (every object of kind
 * when parent is NULL), sorted; a NULL-terminated array the caller frees.
 */
static struct samm_object **children(struct samm_reader *r,
				     enum samm_kind kind, int slot,
				     const struct samm_object *parent)
{
	struct samm_object **out = xcalloc(r->count[kind] + 1, sizeof(*out));
	size_t i, n = 0;

	for (i = 0; i < r->count[kind]; i++)
		if (!parent || r->objects[kind][i]->link[slot] == parent)
			out[n++] = r->objects[kind][i];
	if (n)
		qsort(out, n, sizeof(*out), compare_objects);
	return out;
}

/* ---- building the questionnaire ---------------------------------------- */

static const char *object_text(struct samm_reader *r, struct samm_object *o,
			       const char *key, int required)
{
	r->ctx.tc.file = o->file;
	return import_text(&r->ctx, o->map, key, kinds[o->kind].what,
			   required);
}

/*
 * What to check before answering, then the why and the how: the quality
 * criteria, the activity's benefit and its long description.
 */
static char *question_help(struct samm_reader *r, struct samm_object *qn)
{
	struct samm_object *a = qn->link[0];
	const char *benefit = object_text(r, a, "benefit", 0);
	const char *details = object_text(r, a, "longDescription", 0);
	const struct ynode *quality;
	struct buf help = BUF_INIT;
	size_t i;

	r->ctx.tc.file = qn->file;
	quality = import_list(&r->ctx, qn->map, "quality", "a question", 0);
	for (i = 0; quality && i < quality->count; i++) {
		const struct ynode *c = quality->items[i];

		if (c->kind != YNODE_SCALAR || !*c->text) {
			tree_error(&r->ctx.tc, c, "a quality criterion must be "
				     "text");
			continue;
		}
		buf_adds(&help, help.len ? "\n- " : "Quality criteria:\n- ");
		buf_adds(&help, c->text);
	}
	if (benefit)
		buf_addf(&help, "%sBenefit: %s", help.len ? "\n" : "",
			 benefit);
	if (details)
		buf_addf(&help, "%s%s", help.len ? "\n\n" : "", details);
	return help.len ? buf_detach(&help, NULL) : NULL;
}

/* The activity as one action: "Title. Short description". */
static char *question_advice(struct samm_reader *r, struct samm_object *qn)
{
	struct samm_object *a = qn->link[0];
	const char *title = object_text(r, a, "title", 0);
	const char *summary = object_text(r, a, "shortDescription", 0);
	struct buf advice = BUF_INIT;

	if (title)
		buf_addf(&advice, "%s.", title);
	if (summary)
		buf_addf(&advice, "%s%s", advice.len ? " " : "", summary);
	return advice.len ? buf_detach(&advice, NULL) : NULL;
}

static int choice_taken(const struct import_question *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++)
		if (!strcmp(q->choices[i].id, id))
			return 1;
	return 0;
}

/* A choice id for an answer: its text as an id, unique in the question. */
static char *answer_id(const struct import_question *q, const char *text)
{
	char *slug = import_slug(text);
	struct buf id = BUF_INIT;
	size_t n = 1;

	buf_adds(&id, slug ? slug : "answer");
	while (choice_taken(q, id.data)) {
		buf_reset(&id);
		/* Room for the suffix within the 64 bytes of an id. */
		buf_addf(&id, "%.56s-%zu", slug ? slug : "answer", ++n);
	}
	free(slug);
	return buf_detach(&id, NULL);
}

/* One answer of a set: {text, value, weight, order}. */
static void add_answer(struct samm_reader *r, struct import_question *q,
		       const struct ynode *v)
{
	struct import_choice *c;
	const char *text;
	char *id;
	double value = 0;

	if (v->kind != YNODE_MAPPING) {
		tree_error(&r->ctx.tc, v, "an answer must be a mapping, not %s",
			     ynode_kind_name(v));
		return;
	}
	import_check_keys(&r->ctx, v, answer_keys, ARRAY_SIZE(answer_keys),
			  "an answer");
	text = import_text(&r->ctx, v, "text", "an answer", 1);
	if (import_number(&r->ctx, v, "value", "an answer", 1, &value) == 0 &&
	    (value < 0 || value > 1))
		tree_error(&r->ctx.tc, import_get(v, "value"),
			     "an answer's value must be from 0 to 1, not %g",
			     value);
	if (!text)
		return;
	id = answer_id(q, text);
	c = import_choice_add(q);
	c->id = id;
	c->label = xstrdup(text);
	c->has_score = 1;
	c->score = value;
}

/* The answers of a set, by their order. */
static const struct ynode **sorted_answers(struct samm_reader *r,
					   const struct ynode *values)
{
	const struct ynode **out = xcalloc(values->count + 1, sizeof(*out));
	double *keys = xcalloc(values->count + 1, sizeof(*keys));
	size_t i, j;

	for (i = 0; i < values->count; i++) {
		const struct ynode *v = values->items[i];
		double order = (double)i;

		if (v->kind == YNODE_MAPPING &&
		    import_number(&r->ctx, v, "order", "an answer", 0,
				  &order) != 0)
			order = (double)i;
		/* Insertion sort: a set has a handful of answers. */
		for (j = i; j > 0 && keys[j - 1] > order; j--) {
			keys[j] = keys[j - 1];
			out[j] = out[j - 1];
		}
		keys[j] = order;
		out[j] = v;
	}
	free(keys);
	return out;
}

static void add_choices(struct samm_reader *r, struct import_question *q,
			struct samm_object *set)
{
	const struct ynode *values, **sorted;
	double best = 0;
	size_t i;

	r->ctx.tc.file = set->file;
	values = import_list(&r->ctx, set->map, "values", "an answer set", 1);
	if (!values)
		return;
	if (values->count < 2)
		tree_error(&r->ctx.tc, values, "answer set '%s' has %zu "
			     "answer%s; a question needs at least two", set->id,
			     values->count, values->count == 1 ? "" : "s");
	sorted = sorted_answers(r, values);
	for (i = 0; i < values->count; i++)
		add_answer(r, q, sorted[i]);
	free(sorted);
	for (i = 0; i < q->nchoices; i++)
		best = fmax(best, q->choices[i].score);
	if (q->nchoices && best != 1)
		tree_error(&r->ctx.tc, values, "the best answer of answer set "
			     "'%s' is worth %g, not 1: SAMM's maturity could "
			     "not be kept", set->id, best);
}

/* The highest maturity level's number (3 in SAMM), or 0 without any. */
static double top_level(struct samm_reader *r)
{
	double top = 0;
	size_t i;

	for (i = 0; i < r->count[SAMM_MATURITY_LEVEL]; i++)
		top = fmax(top, r->objects[SAMM_MATURITY_LEVEL][i]->sort_key);
	return top;
}

/*
 * SAMM climbs its maturity levels in order, so an activity of a higher
 * level left undone is a smaller risk than a first-level one: an answer's
 * risk, which cto-assess otherwise derives from the score alone (below
 * 0.34 high, below 0.67 medium, else low), is at most high for a level-1
 * activity, medium for a middle level and low for the top level.  Only a
 * risk the cap lowers is written out.
 */
static void cap_risks(struct import_question *q, double level, double top)
{
	static const char *const names[] = { "low", "medium", "high" };
	int cap = level <= 1 ? 2 : level >= top ? 0 : 1;
	size_t i;

	for (i = 0; i < q->nchoices; i++) {
		double s = q->choices[i].score;
		int derived = s < 0.34 ? 2 : s < 0.67 ? 1 : 0;

		if (s < 1 && derived > cap)
			q->choices[i].risk = names[cap];
	}
}

/*
 * The question's id: the practice's area id, the maturity level and the
 * stream letter, as SAMM names its activities (D-SA-1-A is d-sa-1-a).
 */
static char *question_id(struct samm_reader *r, const char *area_id,
			 struct samm_object *qn, size_t nth)
{
	struct samm_object *a = qn->link[0];
	struct samm_object *stream = a->link[0];
	const char *letter = object_text(r, stream, "letter", 0);
	struct buf id = BUF_INIT;
	char *slug;

	buf_addf(&id, "%s-%g-%s", area_id, a->sort_key,
		 letter ? letter : "x");
	if (nth > 1)
		buf_addf(&id, "-%zu", nth);
	slug = import_slug(id.data);
	buf_release(&id);
	return slug ? slug : xstrdup("question");
}

/* Two activities of a stream at one level would give one id twice. */
static void claim_question_id(struct samm_reader *r, const char *id,
			      struct samm_object *qn)
{
	struct samm_object *first = strmap_put(&r->question_ids, id, qn);

	if (!first)
		return;
	r->ctx.tc.file = qn->file;
	tree_error(&r->ctx.tc, qn->map, "this question's id '%s' is also that "
		     "of %s (two activities of one stream at one maturity "
		     "level?)", id, first->file);
}

static void add_question(struct samm_reader *r, struct import_area *area,
			 struct samm_object *qn, size_t nth)
{
	struct import_question *q;
	const char *text = object_text(r, qn, "text", 0);

	if (!text || !qn->link[1])
		return;
	q = import_question_add(area);
	q->id = question_id(r, area->id, qn, nth);
	claim_question_id(r, q->id, qn);
	q->text = xstrdup(text);
	q->type = "single";
	q->help = question_help(r, qn);
	q->advice = question_advice(r, qn);
	add_choices(r, q, qn->link[1]);
	cap_risks(q, qn->link[0]->sort_key, top_level(r));
}

/* The questions of a stream: its activities by level, their questions. */
static void add_stream(struct samm_reader *r, struct import_area *area,
		       struct samm_object *stream)
{
	struct samm_object **acts = children(r, SAMM_ACTIVITY, 0, stream);
	size_t i, j;

	for (i = 0; acts[i]; i++) {
		struct samm_object **qs = children(r, SAMM_QUESTION, 0,
						   acts[i]);

		for (j = 0; qs[j]; j++)
			add_question(r, area, qs[j], j + 1);
		free(qs);
	}
	free(acts);
}

/* An area id from the function's initial and the practice's short name. */
static char *area_id(struct samm_reader *r, struct samm_object *practice)
{
	const char *fname = object_text(r, practice->link[0], "name", 0);
	const char *shortname = object_text(r, practice, "shortName", 0);
	char *fslug = fname ? import_slug(fname) : NULL;
	struct buf id = BUF_INIT;
	char *slug;

	buf_addf(&id, "%c-%s", fslug ? fslug[0] : 'x',
		 shortname ? shortname : practice->id);
	free(fslug);
	slug = import_slug(id.data);
	buf_release(&id);
	return slug;
}

static void add_practice(struct samm_reader *r,
			 struct import_questionnaire *q,
			 struct samm_object *practice)
{
	const char *fname = object_text(r, practice->link[0], "name", 0);
	const char *name = object_text(r, practice, "name", 0);
	const char *summary = object_text(r, practice, "shortDescription", 0);
	struct samm_object **streams = children(r, SAMM_STREAM, 0, practice);
	struct import_area *area = import_area_add(q);
	struct buf text = BUF_INIT;
	size_t i;

	area->id = area_id(r, practice);
	if (!area->id)
		area->id = xstrdup("practice");
	buf_addf(&text, "%s: %s", fname ? fname : "?", name ? name : "?");
	area->title = buf_detach(&text, NULL);
	area->description = summary ? xstrdup(summary) : NULL;
	buf_addf(&text, "areas/%s.yaml", area->id);
	area->file = buf_detach(&text, NULL);
	for (i = 0; streams[i]; i++)
		add_stream(r, area, streams[i]);
	free(streams);
	if (!area->nquestions) {
		r->ctx.tc.file = practice->file;
		tree_error(&r->ctx.tc, practice->map, "security practice '%s' "
			     "has no question", name ? name : practice->id);
	}
}

/* Two practices whose ids collide would merge; say which. */
static void check_area_ids(struct samm_reader *r,
			   const struct import_questionnaire *q,
			   struct samm_object **practices)
{
	size_t i, j;

	for (i = 0; i < q->nareas; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(q->areas[i].id, q->areas[j].id)) {
				r->ctx.tc.file = practices[i]->file;
				tree_error(&r->ctx.tc, practices[i]->map,
					     "this practice's area id '%s' is "
					     "also that of %s", q->areas[i].id,
					     practices[j]->file);
			}
}

/* SAMM's maturity levels, as the questionnaire's levels. */
static void add_levels(struct samm_reader *r, struct import_questionnaire *q)
{
	struct samm_object **levels = children(r, SAMM_MATURITY_LEVEL, 0, NULL);
	struct import_level *l = import_level_add(q);
	double top = top_level(r);
	size_t i;

	l->id = xstrdup("samm-0");
	l->name = xstrdup("SAMM maturity 0");
	l->min = 0;
	l->description = xstrdup("Below the first maturity level.");
	for (i = 0; top > 0 && levels[i]; i++) {
		const char *d = object_text(r, levels[i], "description", 0);
		struct buf s = BUF_INIT;

		if (levels[i]->sort_key <= 0)
			continue;
		l = import_level_add(q);
		buf_addf(&s, "samm-%g", levels[i]->sort_key);
		l->id = import_slug(s.data);
		buf_reset(&s);
		buf_addf(&s, "SAMM maturity %g", levels[i]->sort_key);
		l->name = buf_detach(&s, NULL);
		/* The score at which the maturity reaches the level, to the
		 * one decimal scores are rounded to. */
		l->min = round(levels[i]->sort_key / top * 1000) / 10;
		l->description = d ? xstrdup(d) : NULL;
	}
	free(levels);
}

/* The last component of a path, without trailing slashes; newly allocated. */
static char *base_name(const char *path)
{
	size_t end = strlen(path), start;

	while (end > 1 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	return xstrndup(path + start, end - start);
}

static void set_metadata(struct samm_reader *r, struct import_questionnaire *q,
			 const struct import_options *opts, const char *dir)
{
	const char *model = NULL;
	struct buf d = BUF_INIT;
	double top = top_level(r);

	if (r->count[SAMM_FUNCTION])
		model = object_text(r, r->objects[SAMM_FUNCTION][0], "model",
				    0);
	q->id = xstrdup("owasp-samm");
	q->title = xstrdup("OWASP SAMM");
	q->version = xstrdup(opts->source_version ? opts->source_version :
			     model ? model : "unknown");
	q->author = xstrdup("The OWASP SAMM project");
	q->source = xstrdup("the OWASP SAMM core model");
	q->source_path = base_name(dir);
	q->licence = xstrdup(opts->licence ? opts->licence :
			     "CC BY-SA 4.0 (what is derived from it is "
			     "shared under the same licence)");
	buf_addf(&d, "The OWASP Software Assurance Maturity Model, one area "
		 "per security practice, whose questions are its streams and "
		 "maturity levels in order.  A practice's SAMM maturity (0 to "
		 "%g) is its area score x %g / 100, and the overall SAMM "
		 "maturity is the overall score x %g / 100: the mean of the "
		 "practices, which is the mean of the business functions as "
		 "long as each has as many practices (or weight) as the "
		 "others.", top, top, top);
	q->description = buf_detach(&d, NULL);
}

static void build(struct samm_reader *r, struct import_questionnaire *q)
{
	struct samm_object **functions = children(r, SAMM_FUNCTION, 0, NULL);
	struct samm_object **all = xcalloc(r->count[SAMM_PRACTICE] + 1,
					   sizeof(*all));
	size_t i, j, n = 0;

	add_levels(r, q);
	for (i = 0; functions[i]; i++) {
		struct samm_object **ps = children(r, SAMM_PRACTICE, 0,
						   functions[i]);

		for (j = 0; ps[j]; j++) {
			all[n++] = ps[j];
			add_practice(r, q, ps[j]);
		}
		free(ps);
	}
	check_area_ids(r, q, all);
	if (!q->nareas)
		diag_add(r->ctx.tc.diags, DIAG_ERROR, r->ctx.tc.file, 0, 0,
			 "the model has no security practice");
	free(all);
	free(functions);
}

/* DIR may be the repository (with model/) or its model directory. */
static char *model_dir(const char *dir)
{
	struct buf path = BUF_INIT;

	buf_addf(&path, "%s/model", dir);
	if (file_is_dir(path.data))
		return buf_detach(&path, NULL);
	buf_release(&path);
	return xstrdup(dir);
}

static void reader_release(struct samm_reader *r)
{
	size_t i, k;

	for (k = 0; k < SAMM_KINDS; k++) {
		for (i = 0; i < r->count[k]; i++)
			free(r->objects[k][i]);
		free(r->objects[k]);
		strmap_release(&r->index[k]);
	}
	strmap_release(&r->question_ids);
	for (i = 0; i < r->ntrees; i++) {
		yaml_tree_release(&r->trees[i]);
		free(r->paths[i]);
	}
	free(r->trees);
	free(r->paths);
}

int import_samm(const char *dir, const struct import_options *opts,
		struct import_questionnaire *q, struct diag_list *diags)
{
	struct samm_reader r;
	char *model = model_dir(dir);
	size_t errors = diags->errors, k;
	struct buf path = BUF_INIT;
	int ret = -1;

	memset(&r, 0, sizeof(r));
	r.ctx.tc.diags = diags;
	r.ctx.strict = opts->strict;
	r.ctx.tc.file = model;
	buf_addf(&path, "%s/%s", model, kinds[SAMM_FUNCTION].dir);
	if (!file_is_dir(path.data)) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "not an OWASP SAMM "
			 "model: no directory '%s'", path.data);
		goto out;
	}
	for (k = 0; k < SAMM_KINDS; k++)
		read_kind(&r, model, (enum samm_kind)k);
	resolve_all(&r);
	check_activities(&r);
	set_sort_keys(&r);
	/* Objects with a dangling link are left out, so the rest can still
	 * be built and checked: every problem in one pass. */
	build(&r, q);
	set_metadata(&r, q, opts, dir);
	ret = diags->errors == errors ? 0 : -1;
out:
	reader_release(&r);
	buf_release(&path);
	free(model);
	return ret;
}
