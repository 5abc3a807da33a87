/*
 * loader.c - questionnaires from YAML files into a checked model.
 *
 * Two passes.  First every file is read into a positioned node tree
 * (yamltree.c) and turned into areas and questions (loader_question.c),
 * checking each mapping's keys and each value's type (treecheck.c);
 * include: pulls in other files (cycles are detected on the stack of open
 * files).  Then the merged questionnaire is checked as a whole
 * (loader_check.c): unique ids, conditions that refer to earlier questions
 * and existing choices, stage targets.  Every problem becomes a diagnostic;
 * the questionnaire is returned only when there is no error, so nothing is
 * ever half-loaded.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "loader_impl.h"
#include "strmap.h"
#include "util.h"

static const struct key_spec root_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "version", 1 }, { "description", 0 },
	{ "author", 0 }, { "stage_question", 0 }, { "name_question", 0 },
	{ "team_size_question", 0 }, { "levels", 0 }, { "initiatives", 0 },
	{ "include", 0 }, { "areas", 0 }, { "report", 0 },
};
static const struct key_spec report_keys[] = {
	{ "title", 0 }, { "subtitle", 0 }, { "profile", 0 },
};
static const struct key_spec fragment_keys[] = {
	{ "description", 0 }, { "initiatives", 0 }, { "include", 0 },
	{ "areas", 1 },
};
static const struct key_spec initiative_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "advice", 0 },
};
static const struct key_spec include_keys[] = {
	{ "path", 1 }, { "areas", 0 }, { "questions", 0 },
};
static const struct key_spec area_include_keys[] = {
	{ "include", 1 }, { "areas", 0 }, { "questions", 0 },
};
static const struct key_spec level_keys[] = {
	{ "id", 1 }, { "name", 1 }, { "min", 1 }, { "description", 0 },
};
static const struct key_spec area_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "description", 0 }, { "weight", 0 },
	{ "scored", 0 }, { "targets", 0 }, { "questions", 1 },
};
static const struct level default_levels[] = {
	{ (char *)"initial", (char *)"Initial", 0, NULL },
	{ (char *)"developing", (char *)"Developing", 40, NULL },
	{ (char *)"established", (char *)"Established", 60, NULL },
	{ (char *)"strong", (char *)"Strong", 80, NULL },
};

void loader_check_keys(struct loader *l, const struct ynode *map,
		       const struct key_spec *specs, size_t nspecs,
		       const char *what)
{
	tree_check_keys(&l->tc, map, specs, nspecs, what);
	tree_check_empty_values(&l->tc, map, what);
}

struct srcpos loader_pos(const struct loader *l, const struct ynode *n)
{
	struct srcpos pos = { l->tc.file, n->line, n->col };

	return pos;
}

/* ---- areas ---------------------------------------------------------- */

static void load_targets(struct loader *l, const struct ynode *n,
			 struct area *a)
{
	const struct ynode *map;
	size_t i;

	map = tree_get_kind(&l->tc, n, "targets", YNODE_MAPPING);
	if (!map)
		return;
	tree_check_open_keys(&l->tc, map, "'targets'");
	a->targets = xcalloc(ynode_pairs(map) + 1, sizeof(*a->targets));
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i], *v = map->items[i + 1];
		struct target *t = &a->targets[a->ntargets];
		double score;

		if (k->kind != YNODE_SCALAR || !id_is_valid(k->text)) {
			tree_error(&l->tc, k, "a target's key must be a stage "
				   "id");
			continue;
		}
		if (v->kind != YNODE_SCALAR || parse_number(v->text, &score) ||
		    score < 0 || score > 100) {
			tree_error(&l->tc, v, "target for stage '%s' must be "
				   "a number from 0 to 100", k->text);
			/* Kept, so that the stage is not also "missing". */
			score = 0;
		}
		t->stage = xstrdup(k->text);
		t->score = score;
		t->pos = loader_pos(l, k);
		/* Kept for the second pass, which checks the stage ids. */
		a->ntargets++;
	}
}

/*
 * Moves the questions streamed from list into area a.  Areas are loaded in
 * the order they were written, so list's questions come next, after any of
 * an area that failed before claiming its own (those are released).
 */
static void claim_streamed(struct loader *l, const struct ynode *list,
			   struct area *a)
{
	size_t first, n, j = l->streamed_next;

	while (j < l->nstreamed && l->streamed[j].list != list)
		j++;
	if (j < l->nstreamed)
		for (; l->streamed_next < j; l->streamed_next++)
			question_release(
				&l->streamed[l->streamed_next].question);
	first = l->streamed_next;
	while (l->streamed_next < l->nstreamed &&
	       l->streamed[l->streamed_next].list == list)
		l->streamed_next++;
	n = l->streamed_next - first;
	a->questions = xcalloc(n + 1, sizeof(*a->questions));
	for (; first < l->streamed_next; first++)
		a->questions[a->nquestions++] = l->streamed[first].question;
}

/*
 * The stream consumer: takes each question mapping (areas[i].questions[j]
 * of a file) as soon as libyaml has closed it.
 */
static int take_question(void *ctx, struct ynode *const *stack,
			 const char *const *keys, int depth)
{
	struct loader *l = ctx;
	struct streamed_question *sq;

	if (depth != 4 || !keys[1] || strcmp(keys[1], "areas") || keys[2] ||
	    !keys[3] || strcmp(keys[3], "questions") || keys[4] ||
	    stack[0]->kind != YNODE_MAPPING ||
	    stack[2]->kind != YNODE_MAPPING)
		return 0;
	GROW(l->streamed, l->streamed_alloc, l->nstreamed + 1);
	sq = &l->streamed[l->nstreamed++];
	sq->list = stack[3];
	loader_load_question(l, stack[4], &sq->question);
	return 1;
}

static void load_area(struct loader *l, const struct ynode *n,
		      struct area *a)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *list;
	size_t i;

	memset(a, 0, sizeof(*a));
	a->pos = loader_pos(l, n);
	a->weight = 1;
	a->scored = 1;
	if (tree_expect_kind(tc, n, YNODE_MAPPING, "an area") < 0)
		return;
	loader_check_keys(l, n, area_keys, ARRAY_SIZE(area_keys), "an area");
	a->id = tree_get_id(tc, n, "id", "an area");
	a->title = tree_get_text(tc, n, "title", "an area");
	a->description = tree_get_text(tc, n, "description", "an area");
	tree_get_number(tc, n, "weight", 0, 1000, &a->weight);
	tree_get_bool(tc, n, "scored", &a->scored);
	load_targets(l, n, a);
	list = tree_get_kind(tc, n, "questions", YNODE_SEQUENCE);
	if (!list)
		return;
	claim_streamed(l, list, a);
	if (list->count == 0 && a->nquestions == 0) {
		tree_error(tc, list, "area '%s' has no questions",
			   a->id ? a->id : "?");
		return;
	}
	/* Items left in the list are not mappings: load_question says so. */
	a->questions = xreallocarray(a->questions, a->nquestions + list->count
				     + 1, sizeof(*a->questions));
	for (i = 0; i < list->count; i++)
		loader_load_question(l, list->items[i],
				     &a->questions[a->nquestions++]);
}

/* ---- files and includes ------------------------------------------------ */

/* Keeps a copy of a file name for the life of the questionnaire. */
static const char *intern_file(struct loader *l, const char *path)
{
	struct questionnaire *q = l->q;

	q->files = xreallocarray(q->files, q->nfiles + 1, sizeof(*q->files));
	q->files[q->nfiles] = xstrdup(path);
	return q->files[q->nfiles++];
}

static int load_file(struct loader *l, const char *path, int is_root,
		     const struct ynode *from);
static void apply_filters(struct loader *l, size_t first,
			  const struct ynode *areas,
			  const struct ynode *questions);

/* The path of an included file, relative to the including file. */
static char *include_path(const char *including, const char *name)
{
	struct buf path = BUF_INIT;
	const char *slash = strrchr(including, '/');

	if (name[0] != '/' && slash)
		buf_add(&path, including, (size_t)(slash - including + 1));
	buf_adds(&path, name);
	return buf_detach(&path, NULL);
}

/*
 * Reports an include cycle (path is already open further up the stack) or
 * too many files; returns -1 then.
 */
static int include_cycle(struct loader *l, const struct ynode *at,
			 const char *path)
{
	char real[PATH_MAX];
	size_t i;

	if (l->files_read >= LOADER_MAX_FILES) {
		tree_error(&l->tc, at, "too many included files (more than "
			   "%d)", LOADER_MAX_FILES);
		return -1;
	}
	if (!realpath(path, real))
		return 0;
	for (i = 0; i < l->depth; i++) {
		if (strcmp(l->stack[i], real))
			continue;
		tree_error(&l->tc, at, "include cycle: '%s' is already being "
			   "loaded (it includes itself, directly or through "
			   "other files)", path);
		return -1;
	}
	return 0;
}

/*
 * Loads the file an include entry names: a path, or a mapping whose
 * path_key ("path" in include:, "include" in areas:) names it, with
 * optional filters.
 */
static void load_include(struct loader *l, const struct ynode *entry,
			 const char *path_key)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *name = entry, *areas = NULL, *questions = NULL;
	const char *including = l->tc.file;
	char *path;

	if (entry->kind == YNODE_MAPPING) {
		int top = !strcmp(path_key, "path");

		loader_check_keys(l, entry,
				top ? include_keys : area_include_keys,
				top ? ARRAY_SIZE(include_keys) :
				      ARRAY_SIZE(area_include_keys),
				"an include entry");
		name = tree_value(entry, path_key);
		areas = tree_get_kind(tc, entry, "areas", YNODE_SEQUENCE);
		questions = tree_get_kind(tc, entry, "questions",
					  YNODE_SEQUENCE);
		/* A filter of the wrong kind is reported: keep nothing. */
		if (!name || (!areas && ynode_get(entry, "areas")) ||
		    (!questions && ynode_get(entry, "questions")))
			return;
	}
	if (name->kind != YNODE_SCALAR || !*name->text) {
		tree_error(tc, name, "an include entry must be a file name or "
			   "a mapping with '%s'", path_key);
		return;
	}
	path = include_path(including, name->text);
	if (include_cycle(l, name, path) == 0) {
		size_t first = l->nareas;
		int loaded = load_file(l, path, 0, name) == 0;

		l->tc.file = including;
		/* Filters of a file that could not be read name nothing. */
		if (loaded && (areas || questions))
			apply_filters(l, first, areas, questions);
	}
	free(path);
}

static void load_includes(struct loader *l, const struct ynode *root)
{
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(&l->tc, root, "include", YNODE_SEQUENCE);
	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		load_include(l, list->items[i], "path");
}

/* Reports filter ids that name nothing; marks what is kept. */
static void check_filter(struct loader *l, const struct ynode *filter,
			 struct strmap *wanted, const char *const *known,
			 size_t nknown, const char *what)
{
	size_t i;

	for (i = 0; i < filter->count; i++) {
		const struct ynode *item = filter->items[i];
		size_t j;

		if (item->kind != YNODE_SCALAR) {
			tree_error(&l->tc, item, "%s ids must be text", what);
			continue;
		}
		for (j = 0; j < nknown; j++)
			if (!strcmp(known[j], item->text))
				break;
		if (j == nknown) {
			struct buf msg = BUF_INIT;

			buf_addf(&msg, "no %s '%s' in the included file", what,
				 item->text);
			buf_add_hint(&msg, item->text, known, nknown);
			tree_error(&l->tc, item, "%s", msg.data);
			buf_release(&msg);
			continue;
		}
		strmap_put(wanted, item->text, (void *)item);
	}
}

/* Keeps only the areas and questions an include entry asks for. */
static void apply_filters(struct loader *l, size_t first,
			  const struct ynode *areas,
			  const struct ynode *questions)
{
	struct strmap want_areas = STRMAP_INIT, want_questions = STRMAP_INIT;
	const char **known = NULL;
	size_t nknown = 0, alloc = 0, i, j, kept = first;

	for (i = first; i < l->nareas; i++) {
		struct area *a = &l->areas[i];

		if (areas && a->id) {
			GROW(known, alloc, nknown + 1);
			known[nknown++] = a->id;
		}
	}
	if (areas)
		check_filter(l, areas, &want_areas, known, nknown, "area");
	nknown = 0;
	for (i = first; questions && i < l->nareas; i++)
		for (j = 0; j < l->areas[i].nquestions; j++)
			if (l->areas[i].questions[j].id) {
				GROW(known, alloc, nknown + 1);
				known[nknown++] = l->areas[i].questions[j].id;
			}
	if (questions)
		check_filter(l, questions, &want_questions, known, nknown,
			     "question");
	for (i = first; i < l->nareas; i++) {
		struct area *a = &l->areas[i];
		size_t keep = 0;

		if (areas && !(a->id && strmap_get(&want_areas, a->id))) {
			area_release(a);
			continue;
		}
		for (j = 0; j < a->nquestions; j++) {
			struct question *qn = &a->questions[j];

			if (questions &&
			    !(qn->id && strmap_get(&want_questions, qn->id)))
				question_release(qn);
			else
				a->questions[keep++] = *qn;
		}
		a->nquestions = keep;
		if (!keep) {
			area_release(a);
			continue;
		}
		l->areas[kept++] = *a;
	}
	l->nareas = kept;
	free(known);
	strmap_release(&want_areas);
	strmap_release(&want_questions);
}

/* One level; lv[-1] is the one before when the level is not the first. */
static void load_level(struct loader *l, const struct ynode *n,
		       struct level *lv, int first)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *min = tree_value(n, "min");

	loader_check_keys(l, n, level_keys, ARRAY_SIZE(level_keys), "a level");
	lv->id = tree_get_id(tc, n, "id", "a level");
	lv->name = tree_get_text(tc, n, "name", "a level");
	lv->description = tree_get_text(tc, n, "description", "a level");
	if (tree_get_number(tc, n, "min", 0, 1000, &lv->min) < 0 || !min)
		return;
	if (first && lv->min != 0)
		tree_error(tc, min, "the first level must start at 'min: 0' "
			   "so that every score has a level");
	else if (!first && lv->min < lv[-1].min)
		tree_error(tc, min, "levels out of order: 'min: %g' comes "
			   "after 'min: %g'", lv->min, lv[-1].min);
	else if (!first && lv->min == lv[-1].min)
		tree_warning(tc, n, "level '%s' can never be reached: the "
			     "previous one starts at the same score",
			     lv[-1].id ? lv[-1].id : "?");
	if (lv->min > 100)
		tree_warning(tc, n, "level '%s' can never be reached (scores "
			     "go up to 100)", lv->id ? lv->id : "?");
}

static void load_levels(struct loader *l, const struct ynode *root)
{
	const struct ynode *list;
	struct questionnaire *q = l->q;
	size_t i;

	list = tree_get_kind(&l->tc, root, "levels", YNODE_SEQUENCE);
	if (!list)
		return;
	if (list->count == 0) {
		tree_error(&l->tc, list, "'levels' must not be empty");
		return;
	}
	q->levels = xcalloc(list->count, sizeof(*q->levels));
	for (i = 0; i < list->count; i++) {
		const struct ynode *n = list->items[i];

		if (tree_expect_kind(&l->tc, n, YNODE_MAPPING, "a level") < 0)
			continue;
		load_level(l, n, &q->levels[q->nlevels], q->nlevels == 0);
		q->nlevels++;
	}
}

/* A root key naming a question: its id, and its place for the 2nd pass. */
static char *load_root_ref(struct loader *l, const struct ynode *root,
			   const char *key, struct srcpos *pos)
{
	const struct ynode *n = ynode_get(root, key);

	if (n)
		*pos = loader_pos(l, n);
	return tree_get_id(&l->tc, root, key, "the questionnaire");
}

/*
 * How reports present the questionnaire (`report:`).  The rows of the
 * profile are checked against the questions in the second pass.
 */
static void load_report(struct loader *l, const struct ynode *root)
{
	static const char what[] = "'report'";
	const struct tree_check *tc = &l->tc;
	struct report_framing *f = &l->q->report;
	const struct ynode *n, *list;
	size_t i;

	n = tree_get_kind(tc, root, "report", YNODE_MAPPING);
	if (!n)
		return;
	loader_check_keys(l, n, report_keys, ARRAY_SIZE(report_keys), what);
	f->title = tree_get_text(tc, n, "title", what);
	f->subtitle = tree_get_text(tc, n, "subtitle", what);
	list = tree_get_kind(tc, n, "profile", YNODE_SEQUENCE);
	if (!list)
		return;
	f->has_profile = 1;
	f->profile = xcalloc(list->count + 1, sizeof(*f->profile));
	for (i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i];
		struct profile_row *row = &f->profile[f->nprofile];

		if (item->kind != YNODE_SCALAR || !ynode_is_string(item) ||
		    !id_is_valid(item->text)) {
			tree_error(tc, item, "a row of the report's profile must "
				   "be a question id, '%s' or '%s'",
				   REPORT_ROW_DATE, REPORT_ROW_QUESTIONNAIRE);
			continue;
		}
		row->id = xstrdup(item->text);
		row->pos = loader_pos(l, item);
		f->nprofile++;
	}
}

static void load_metadata(struct loader *l, const struct ynode *root)
{
	static const char what[] = "the questionnaire";
	const struct tree_check *tc = &l->tc;
	struct questionnaire *q = l->q;

	q->id = tree_get_id(tc, root, "id", what);
	q->title = tree_get_text(tc, root, "title", what);
	q->version = tree_get_text(tc, root, "version", what);
	q->description = tree_get_text(tc, root, "description", what);
	q->author = tree_get_text(tc, root, "author", what);
	q->stage_question = load_root_ref(l, root, "stage_question",
					  &l->refs.stage);
	q->name_question = load_root_ref(l, root, "name_question",
					 &l->refs.name);
	q->team_size_question = load_root_ref(l, root, "team_size_question",
					      &l->refs.team_size);
	load_levels(l, root);
	load_report(l, root);
}

/*
 * The initiatives of a file (root or fragment): every file's go into one
 * list, which the second pass checks for unique ids.
 */
static void load_initiatives(struct loader *l, const struct ynode *root)
{
	const struct tree_check *tc = &l->tc;
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(tc, root, "initiatives", YNODE_SEQUENCE);
	for (i = 0; list && i < list->count; i++) {
		const struct ynode *n = list->items[i];
		struct initiative *in;

		if (tree_expect_kind(tc, n, YNODE_MAPPING, "an initiative") < 0)
			continue;
		loader_check_keys(l, n, initiative_keys,
				  ARRAY_SIZE(initiative_keys), "an initiative");
		GROW(l->initiatives, l->initiatives_alloc,
		     l->ninitiatives + 1);
		in = &l->initiatives[l->ninitiatives++];
		in->id = tree_get_id(tc, n, "id", "an initiative");
		in->title = tree_get_text(tc, n, "title", "an initiative");
		in->advice = tree_get_text(tc, n, "advice", "an initiative");
		in->pos = loader_pos(l, n);
	}
}

static void load_areas(struct loader *l, const struct ynode *root)
{
	const struct ynode *list;
	size_t i;

	list = tree_get_kind(&l->tc, root, "areas", YNODE_SEQUENCE);
	if (!list)
		return;
	for (i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i];

		/* `- include: file` puts a file's areas at this place. */
		if (item->kind == YNODE_MAPPING && ynode_get(item, "include")) {
			load_include(l, item, "include");
			continue;
		}
		GROW(l->areas, l->areas_alloc, l->nareas + 1);
		load_area(l, item, &l->areas[l->nareas++]);
	}
}

/*
 * An included questionnaire gives only its areas, but its own metadata is
 * still checked (into a scratch questionnaire that is then dropped), so
 * that a mistake in it is reported wherever the file is used.
 */
static void check_included_metadata(struct loader *l,
				    const struct ynode *root)
{
	struct questionnaire *keep = l->q;
	struct root_refs refs = l->refs;

	l->q = xcalloc(1, sizeof(*l->q));
	load_metadata(l, root);
	questionnaire_free(l->q);
	l->q = keep;
	l->refs = refs;
}

/* Frees streamed questions from index first on, claimed or not. */
static void drop_streamed(struct loader *l, size_t first)
{
	size_t i;

	for (i = l->streamed_next > first ? l->streamed_next : first;
	     i < l->nstreamed; i++)
		question_release(&l->streamed[i].question);
	l->nstreamed = first;
	l->streamed_next = first;
}

/* Checks the top-level keys of a root, included root or fragment file. */
static void check_file_keys(struct loader *l, const struct ynode *root,
			    int is_root)
{
	if (is_root)
		loader_check_keys(l, root, root_keys, ARRAY_SIZE(root_keys),
				"the questionnaire");
	else if (ynode_get(root, "id"))
		loader_check_keys(l, root, root_keys, ARRAY_SIZE(root_keys),
				"an included questionnaire");
	else
		loader_check_keys(l, root, fragment_keys,
				ARRAY_SIZE(fragment_keys), "an included file");
}

/*
 * Loads one file: its includes first, then its own areas (where an entry of
 * `areas` may itself be an include), then (for the root) its metadata.
 */
/*
 * Reads a whole file, which must be a regular file (a FIFO would block);
 * a failure is reported where the file was named: its include entry from,
 * or the file itself.
 */
static int read_file(struct loader *l, const char *path,
		     const struct ynode *from, struct buf *data)
{
	struct buf err = BUF_INIT;
	int ret = file_read_all(path, LOADER_MAX_FILE_SIZE, data, &err);

	if (ret < 0 && from)
		tree_error(&l->tc, from, "%s", err.data);
	else if (ret < 0)
		diag_add(l->tc.diags, DIAG_ERROR, path, 0, 0, "%s", err.data);
	buf_release(&err);
	return ret;
}

/*
 * Loads the top-level mapping of a file: its includes first, then its own
 * initiatives and areas (where an entry of `areas` may itself be an
 * include), then (for the root) its metadata.  base is where the file's
 * streamed questions start.
 */
static void load_contents(struct loader *l, const char *path,
			  const struct ynode *root, int is_root, size_t base)
{
	const char *self = l->tc.file;
	char real[PATH_MAX];

	check_file_keys(l, root, is_root);
	l->stack[l->depth++] = xstrdup(realpath(path, real) ? real : path);
	load_includes(l, root);
	free((char *)l->stack[--l->depth]);
	l->tc.file = self;
	l->streamed_next = base;
	load_initiatives(l, root);
	load_areas(l, root);
	if (is_root)
		load_metadata(l, root);
	else if (ynode_get(root, "id"))
		check_included_metadata(l, root);
}

/*
 * Loads one file (see load_contents); from is its include entry, or NULL.
 * Returns 0 when the file was read and parsed, else -1 (reported).  Its
 * streamed questions are claimed by its areas or freed; those of the file
 * around it (it may be included from the middle of that file's areas) are
 * left where they were.
 */
static int load_file(struct loader *l, const char *path, int is_root,
		     const struct ynode *from)
{
	struct yaml_tree tree;
	struct buf data = BUF_INIT;
	struct yaml_stream stream = { take_question, l };
	size_t base = l->nstreamed, outer_next = l->streamed_next;
	int ret = -1;

	memset(&tree, 0, sizeof(tree));
	if (read_file(l, path, from, &data) < 0)
		goto out;
	l->tc.file = intern_file(l, path);
	l->files_read++;
	if (yaml_tree_parse_stream(&tree, l->tc.file, data.data, data.len,
				   &stream, l->tc.diags) < 0)
		goto out;
	if (!tree.root)
		diag_add(l->tc.diags, DIAG_ERROR, l->tc.file, 1, 1,
			 "file is empty (expected a questionnaire)");
	else if (tree_expect_kind(&l->tc, tree.root, YNODE_MAPPING,
				  "a questionnaire file") == 0)
		load_contents(l, path, tree.root, is_root, base);
	ret = 0;
out:
	/* Questions of lists that were never claimed (a file with errors). */
	drop_streamed(l, base);
	l->streamed_next = outer_next;
	yaml_tree_release(&tree);
	buf_release(&data);
	return ret;
}

/* ---- entry points ---------------------------------------------------- */

static void set_default_levels(struct questionnaire *q)
{
	size_t i;

	if (q->nlevels)
		return;
	/* 'levels' may have been a list of nothing usable (reported). */
	free(q->levels);
	q->levels = xcalloc(ARRAY_SIZE(default_levels), sizeof(*q->levels));
	for (i = 0; i < ARRAY_SIZE(default_levels); i++) {
		q->levels[i].id = xstrdup(default_levels[i].id);
		q->levels[i].name = xstrdup(default_levels[i].name);
		q->levels[i].min = default_levels[i].min;
	}
	q->nlevels = ARRAY_SIZE(default_levels);
}

static void finish(struct loader *l)
{
	loader_check(l);
	set_default_levels(l->q);
	model_hash(l->q);
}

static void loader_release(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nareas; i++)
		area_release(&l->areas[i]);
	free(l->areas);
	free(l->streamed);
	for (i = 0; i < l->ninitiatives; i++)
		initiative_release(&l->initiatives[i]);
	free(l->initiatives);
	for (i = 0; i < l->nrefs; i++)
		free(l->initiative_refs[i].id);
	free(l->initiative_refs);
}

/* Loads a root file into a new questionnaire. */
static struct questionnaire *load_root(const char *path,
				       struct diag_list *diags)
{
	struct loader l;
	size_t errors = diags->errors;

	memset(&l, 0, sizeof(l));
	l.tc.diags = diags;
	l.q = xcalloc(1, sizeof(*l.q));
	l.q->path = xstrdup(path);
	load_file(&l, path, 1, NULL);
	finish(&l);
	loader_release(&l);
	if (diags->errors > errors) {
		questionnaire_free(l.q);
		return NULL;
	}
	return l.q;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int questionnaire_is_root(const char *path)
{
	return yaml_top_level_key(path, "id", LOADER_MAX_FILE_SIZE) != 0;
}

static void push_path(char ***list, size_t *n, size_t *alloc, char *path)
{
	GROW(*list, *alloc, *n + 2);
	(*list)[(*n)++] = path;
	(*list)[*n] = NULL;
}

int questionnaire_find_roots(const char *dir, char ***roots,
			     char ***fragments, struct diag_list *diags)
{
	char **names = NULL, **r = NULL, **f = NULL;
	size_t nnames = 0, alloc = 0, nr = 0, ralloc = 0, nf = 0, falloc = 0;
	size_t i;
	struct dirent *ent;
	DIR *d = opendir(dir);

	if (!d) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot read directory: "
			 "%s", strerror(errno));
		return -1;
	}
	while ((ent = readdir(d)))
		if (ent->d_name[0] != '.' && path_is_yaml(ent->d_name))
			push_path(&names, &nnames, &alloc,
				  xstrdup(ent->d_name));
	closedir(d);
	if (nnames)
		qsort(names, nnames, sizeof(*names), compare_strings);
	push_path(&r, &nr, &ralloc, NULL), nr = 0;
	push_path(&f, &nf, &falloc, NULL), nf = 0;
	for (i = 0; i < nnames; i++) {
		struct buf path = BUF_INIT;

		buf_addf(&path, "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		free(names[i]);
		if (questionnaire_is_root(path.data))
			push_path(&r, &nr, &ralloc, buf_detach(&path, NULL));
		else
			push_path(&f, &nf, &falloc, buf_detach(&path, NULL));
	}
	free(names);
	*roots = r;
	if (fragments)
		*fragments = f;
	else {
		for (i = 0; i < nf; i++)
			free(f[i]);
		free(f);
	}
	return 0;
}

static void free_paths(char **paths)
{
	size_t i;

	for (i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
}

struct questionnaire *questionnaire_load(const char *path,
					 struct diag_list *diags)
{
	struct questionnaire *q = NULL;
	char **roots = NULL;
	size_t n = 0;

	if (!file_is_dir(path))
		return load_root(path, diags);
	if (questionnaire_find_roots(path, &roots, NULL, diags) < 0)
		return NULL;
	while (roots[n])
		n++;
	if (n == 1) {
		q = load_root(roots[0], diags);
	} else if (n == 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "no questionnaire in "
			 "this directory (a questionnaire is a .yaml file with "
			 "a top-level 'id')");
	} else {
		struct buf msg = BUF_INIT;
		size_t i;

		buf_adds(&msg, "this directory holds several questionnaires "
			 "(");
		for (i = 0; i < n; i++)
			buf_addf(&msg, "%s%s", i ? ", " : "", roots[i]);
		buf_addf(&msg, "); name one, e.g. -q %s", roots[0]);
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", msg.data);
		buf_release(&msg);
	}
	free_paths(roots);
	return q;
}

int questionnaire_check_fragment(const char *path, struct diag_list *diags,
				 size_t *nareas, size_t *nquestions)
{
	struct loader l;
	size_t errors = diags->errors;

	memset(&l, 0, sizeof(l));
	l.tc.diags = diags;
	l.q = xcalloc(1, sizeof(*l.q));
	l.q->path = xstrdup(path);
	l.fragment = 1;
	load_file(&l, path, 0, NULL);
	loader_check(&l);
	*nareas = l.q->nareas;
	*nquestions = l.q->nquestions;
	loader_release(&l);
	questionnaire_free(l.q);
	return diags->errors > errors ? -1 : 0;
}
