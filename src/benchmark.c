/*
 * benchmark.c - score distributions by questionnaire and stage, and where
 * one score stands in them (benchmark.h).
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "benchmark.h"
#include "jsontree.h"
#include "treecheck.h"
#include "util.h"

void benchmark_init(struct benchmark *b, const char *source)
{
	memset(b, 0, sizeof(*b));
	b->source = source ? xstrdup(source) : NULL;
}

static void series_release(struct benchmark_series *s)
{
	free(s->area);
	free(s->scores);
	memset(s, 0, sizeof(*s));
}

void benchmark_release(struct benchmark *b)
{
	size_t i, k;

	for (i = 0; i < b->ngroups; i++) {
		struct benchmark_group *g = &b->groups[i];

		for (k = 0; k < g->nareas; k++)
			series_release(&g->areas[k]);
		free(g->areas);
		series_release(&g->overall);
		free(g->questionnaire);
		free(g->stage);
	}
	free(b->groups);
	free(b->source);
	memset(b, 0, sizeof(*b));
}

const struct benchmark_group *benchmark_find(const struct benchmark *b,
					     const char *questionnaire,
					     const char *stage)
{
	size_t i;

	for (i = 0; i < b->ngroups; i++)
		if (!strcmp(b->groups[i].questionnaire, questionnaire) &&
		    !strcmp(b->groups[i].stage, stage))
			return &b->groups[i];
	return NULL;
}

struct benchmark_group *benchmark_group(struct benchmark *b,
					const char *questionnaire,
					const char *stage)
{
	struct benchmark_group *g =
		(struct benchmark_group *)benchmark_find(b, questionnaire,
							 stage);

	if (g)
		return g;
	GROW(b->groups, b->alloc, b->ngroups + 1);
	g = &b->groups[b->ngroups++];
	memset(g, 0, sizeof(*g));
	g->questionnaire = xstrdup(questionnaire);
	g->stage = xstrdup(stage);
	return g;
}

static struct benchmark_series *series_of(const struct benchmark_group *g,
					  const char *area)
{
	size_t k;

	if (!area)
		return (struct benchmark_series *)&g->overall;
	for (k = 0; k < g->nareas; k++)
		if (!strcmp(g->areas[k].area, area))
			return &g->areas[k];
	return NULL;
}

void benchmark_add(struct benchmark_group *g, const char *area, double score)
{
	struct benchmark_series *s = series_of(g, area);

	if (!s) {
		GROW(g->areas, g->alloc, g->nareas + 1);
		s = &g->areas[g->nareas++];
		memset(s, 0, sizeof(*s));
		s->area = xstrdup(area);
	}
	GROW(s->scores, s->alloc, s->count + 1);
	s->scores[s->count++] = score;
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

void benchmark_finish(struct benchmark *b)
{
	size_t i, k;

	for (i = 0; i < b->ngroups; i++) {
		struct benchmark_group *g = &b->groups[i];

		qsort(g->overall.scores, g->overall.count, sizeof(double),
		      by_value);
		for (k = 0; k < g->nareas; k++)
			qsort(g->areas[k].scores, g->areas[k].count,
			      sizeof(double), by_value);
	}
}

int benchmark_place(const struct benchmark *b, const char *questionnaire,
		    const char *stage, const char *area, double score,
		    struct benchmark_place *place)
{
	const struct benchmark_group *g = benchmark_find(b, questionnaire,
							 stage);
	const struct benchmark_series *s = g ? series_of(g, area) : NULL;
	size_t lo = 0, hi;

	if (!s || s->count < BENCHMARK_MIN_COMPANIES ||
	    g->companies < BENCHMARK_MIN_COMPANIES)
		return -1;
	/* The number of scores strictly below score: a lower bound. */
	for (hi = s->count; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->scores[mid] < score)
			lo = mid + 1;
		else
			hi = mid;
	}
	place->companies = s->count;
	place->below = lo;
	place->percent = (int)round_to(100.0 * (double)lo / (double)s->count,
				       0);
	/* Rounding must not say "all" or "none" when it is not so. */
	if (place->percent == 100 && lo < s->count)
		place->percent = 99;
	if (place->percent == 0 && lo > 0)
		place->percent = 1;
	return 0;
}

/* ---- the file --------------------------------------------------------- */

static cJSON *series_json(const struct benchmark_series *s)
{
	cJSON *list = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < s->count; i++)
		cJSON_AddItemToArray(list, cJSON_CreateNumber(
			round_to(s->scores[i], 1)));
	return list;
}

cJSON *benchmark_to_json(const struct benchmark *b)
{
	cJSON *root = cJSON_CreateObject(), *groups;
	size_t i, k;

	cJSON_AddStringToObject(root, "schema", BENCHMARK_SCHEMA);
	cJSON_AddNumberToObject(root, "minimum", BENCHMARK_MIN_COMPANIES);
	groups = cJSON_AddArrayToObject(root, "groups");
	for (i = 0; i < b->ngroups; i++) {
		const struct benchmark_group *g = &b->groups[i];
		cJSON *o, *areas;

		if (g->companies < BENCHMARK_MIN_COMPANIES)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "questionnaire", g->questionnaire);
		cJSON_AddStringToObject(o, "stage", g->stage);
		cJSON_AddNumberToObject(o, "companies", (double)g->companies);
		if (g->overall.count >= BENCHMARK_MIN_COMPANIES)
			cJSON_AddItemToObject(o, "overall",
					      series_json(&g->overall));
		areas = cJSON_AddObjectToObject(o, "areas");
		for (k = 0; k < g->nareas; k++)
			if (g->areas[k].count >= BENCHMARK_MIN_COMPANIES)
				cJSON_AddItemToObject(areas, g->areas[k].area,
					series_json(&g->areas[k]));
		cJSON_AddItemToArray(groups, o);
	}
	return root;
}

/* ---- reading the file ------------------------------------------------- */

/* A list of scores from 0 to 100 into s; reports what is not. */
static void read_series(const struct tree_check *c, const struct ynode *n,
			struct benchmark_series *s)
{
	size_t i;
	double v;

	if (tree_expect_kind(c, n, YNODE_SEQUENCE, "a list of scores") < 0)
		return;
	for (i = 0; i < n->count; i++) {
		const struct ynode *item = n->items[i];

		if (ynode_value_type(item) != YVALUE_NUMBER ||
		    parse_number(item->text, &v) < 0 || v < 0 || v > 100) {
			tree_error(c, item, "a score must be a number from 0 "
				   "to 100");
			continue;
		}
		GROW(s->scores, s->alloc, s->count + 1);
		s->scores[s->count++] = v;
	}
}

static void read_areas(const struct tree_check *c, const struct ynode *n,
		       struct benchmark_group *g)
{
	size_t i;

	if (tree_expect_kind(c, n, YNODE_MAPPING, "'areas'") < 0)
		return;
	tree_check_open_keys(c, n, "'areas'");
	for (i = 0; i + 1 < n->count; i += 2) {
		struct benchmark_series *s;

		if (n->items[i]->kind != YNODE_SCALAR)
			continue;
		GROW(g->areas, g->alloc, g->nareas + 1);
		s = &g->areas[g->nareas++];
		memset(s, 0, sizeof(*s));
		s->area = xstrdup(n->items[i]->text);
		read_series(c, n->items[i + 1], s);
	}
}

static void read_group(const struct tree_check *c, const struct ynode *n,
		       struct benchmark *b)
{
	static const struct key_spec keys[] = {
		{ "questionnaire", 1 }, { "stage", 1 }, { "companies", 1 },
		{ "overall", 0 }, { "areas", 0 },
	};
	char *questionnaire, *stage;
	struct benchmark_group *g;
	const struct ynode *v;
	double companies = 0;

	if (tree_expect_kind(c, n, YNODE_MAPPING, "a group") < 0)
		return;
	tree_check_keys(c, n, keys, ARRAY_SIZE(keys), "a group");
	questionnaire = tree_get_id(c, n, "questionnaire", "a group");
	stage = tree_get_id(c, n, "stage", "a group");
	tree_get_number(c, n, "companies", 0, 999999, &companies);
	if (questionnaire && stage &&
	    benchmark_find(b, questionnaire, stage))
		tree_error(c, n, "a second group for questionnaire '%s' at "
			   "stage '%s'", questionnaire, stage);
	else if (questionnaire && stage) {
		g = benchmark_group(b, questionnaire, stage);
		g->companies = (size_t)companies;
		if ((v = ynode_get(n, "overall")))
			read_series(c, v, &g->overall);
		if ((v = ynode_get(n, "areas")))
			read_areas(c, v, g);
	}
	free(questionnaire);
	free(stage);
}

static void read_root(const struct tree_check *c, const struct ynode *root,
		      struct benchmark *b)
{
	static const struct key_spec keys[] = {
		{ "schema", 1 }, { "minimum", 0 }, { "groups", 1 },
	};
	const struct ynode *n;
	size_t i;

	if (tree_expect_kind(c, root, YNODE_MAPPING, "a benchmark file") < 0)
		return;
	tree_check_keys(c, root, keys, ARRAY_SIZE(keys), "a benchmark file");
	n = ynode_get(root, "schema");
	if (n && (ynode_value_type(n) != YVALUE_TEXT ||
		  strcmp(n->text, BENCHMARK_SCHEMA)))
		tree_error(c, n, "unsupported benchmark schema '%s' "
			   "(expected '%s')", n->kind == YNODE_SCALAR ?
			   n->text : "", BENCHMARK_SCHEMA);
	n = ynode_get(root, "groups");
	if (!n || tree_expect_kind(c, n, YNODE_SEQUENCE, "'groups'") < 0)
		return;
	for (i = 0; i < n->count; i++)
		read_group(c, n->items[i], b);
}

int benchmark_load(struct benchmark *b, const char *path,
		   struct diag_list *diags)
{
	struct yaml_tree tree;
	struct tree_check c = { diags, path };
	size_t errors = diags->errors;

	benchmark_init(b, path);
	if (json_tree_load(&tree, path, BENCHMARK_MAX_FILE_SIZE, diags) == 0) {
		if (tree.root)
			read_root(&c, tree.root, b);
		else
			tree_error(&c, NULL, "the benchmark file is empty");
	}
	yaml_tree_release(&tree);
	if (diags->errors != errors) {
		benchmark_release(b);
		return -1;
	}
	benchmark_finish(b);
	return 0;
}
