/*
 * loader.c - questionnaires from YAML files into a checked model.
 *
 * Two passes.  First every file is read into a positioned node tree
 * (yamltree.c) and turned into areas and questions, checking each mapping's
 * keys and each value's type; include: pulls in other files (cycles are
 * detected on the stack of open files).  Then the merged questionnaire is
 * checked as a whole: unique ids, conditions that refer to earlier questions
 * and existing choices, stage targets.  Every problem becomes a diagnostic;
 * the questionnaire is returned only when there is no error, so nothing is
 * ever half-loaded.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "expr.h"
#include "fileio.h"
#include "loader.h"
#include "model.h"
#include "strmap.h"
#include "util.h"
#include "yamltree.h"

/* One row of a mapping's key table. */
struct key_spec {
	const char *name;
	int required;
};

static const struct key_spec root_keys[] = {
	{ "id", 1 }, { "title", 1 }, { "version", 1 }, { "description", 0 },
	{ "author", 0 }, { "stage_question", 0 }, { "name_question", 0 },
	{ "levels", 0 }, { "include", 0 }, { "areas", 0 },
};
static const struct key_spec fragment_keys[] = {
	{ "description", 0 }, { "include", 0 }, { "areas", 1 },
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
static const struct key_spec question_keys[] = {
	{ "id", 1 }, { "text", 1 }, { "help", 0 }, { "type", 0 },
	{ "weight", 0 }, { "advice", 0 }, { "effort", 0 },
	{ "dont_know", 0 }, { "when", 0 }, { "choices", 0 },
	{ "full_score", 0 }, { "best", 0 }, { "min", 0 }, { "max", 0 },
	{ "min_label", 0 }, { "max_label", 0 }, { "unit", 0 },
	{ "bands", 0 },
};
static const struct key_spec choice_keys[] = {
	{ "id", 1 }, { "label", 1 }, { "score", 0 }, { "advice", 0 },
	{ "risk", 0 }, { "effort", 0 },
};
static const struct key_spec yesno_choice_keys[] = {
	{ "id", 1 }, { "label", 0 }, { "score", 0 }, { "advice", 0 },
	{ "risk", 0 }, { "effort", 0 },
};
static const struct key_spec band_keys[] = {
	{ "min", 1 }, { "score", 1 }, { "label", 0 }, { "advice", 0 },
	{ "risk", 0 },
};

/*
 * Which question keys each type takes; a key outside its type's set is an
 * error, since it would silently do nothing.
 */
static const struct type_spec {
	const char *keys[8];
} type_keys[QTYPE_COUNT] = {
	[QTYPE_SINGLE] = { { "choices" } },
	[QTYPE_MULTI] = { { "choices", "full_score" } },
	[QTYPE_YESNO] = { { "choices", "best" } },
	[QTYPE_SCALE] = { { "min", "max", "min_label", "max_label", "bands" } },
	[QTYPE_NUMBER] = { { "min", "max", "unit", "bands" } },
	[QTYPE_TEXT] = { { NULL } },
};
static const char *const type_specific_keys[] = {
	"choices", "full_score", "best", "min", "max", "min_label",
	"max_label", "unit", "bands",
};

static const struct level default_levels[] = {
	{ (char *)"initial", (char *)"Initial", 0, NULL },
	{ (char *)"developing", (char *)"Developing", 40, NULL },
	{ (char *)"established", (char *)"Established", 60, NULL },
	{ (char *)"strong", (char *)"Strong", 80, NULL },
};

/* The loader's state for one questionnaire. */
struct loader {
	struct diag_list *diags;
	struct questionnaire *q;
	const char *file;         /* file being read (owned by q->files) */
	const char *stack[LOADER_MAX_FILES]; /* real paths of open files */
	size_t depth;
	size_t files_read;
	struct area *areas;       /* merged areas */
	size_t nareas, areas_alloc;
	struct srcpos stage_pos, name_pos;
	/*
	 * Questions taken from the YAML stream as they close (yamltree.h),
	 * each with the `questions` list it came from; load_area() claims
	 * them in order.
	 */
	struct streamed_question {
		const struct ynode *list;
		struct question question;
	} *streamed;
	size_t nstreamed, streamed_alloc, streamed_next;
	/* A fragment checked on its own: its conditions may name questions
	 * of the files that include it, so only their syntax is checked. */
	int fragment;
};

static void error_at(struct loader *l, const struct ynode *n,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warning_at(struct loader *l, const struct ynode *n,
		       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void error_at(struct loader *l, const struct ynode *n,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->diags, DIAG_ERROR, l->file, n ? n->line : 0,
		  n ? n->col : 0, fmt, ap);
	va_end(ap);
}

static void warning_at(struct loader *l, const struct ynode *n,
		       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->diags, DIAG_WARNING, l->file, n ? n->line : 0,
		  n ? n->col : 0, fmt, ap);
	va_end(ap);
}

static void error_pos(struct loader *l, const struct srcpos *pos,
		      const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void error_pos(struct loader *l, const struct srcpos *pos,
		      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->diags, DIAG_ERROR, pos->file, pos->line, pos->col, fmt,
		  ap);
	va_end(ap);
}

static struct srcpos pos_of(const struct loader *l, const struct ynode *n)
{
	struct srcpos pos = { l->file, n->line, n->col };

	return pos;
}

/* Appends " (did you mean 'x'?)" when a candidate is close to word. */
static void add_hint(struct buf *msg, const char *word,
		     const char *const *candidates, size_t count)
{
	const char *hint = closest_match(word, candidates, count);

	if (hint)
		buf_addf(msg, " (did you mean '%s'?)", hint);
}

/* ---- keys and scalar values ---------------------------------------- */

/*
 * A plain ~, null or nothing at all is YAML's null: the key is treated as
 * absent (quoted "" is an empty text, which is an error where text is
 * needed).
 */
static int is_null(const struct ynode *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	size_t i;

	if (!n || n->kind != YNODE_SCALAR || n->style != YSTYLE_PLAIN)
		return 0;
	for (i = 0; i < ARRAY_SIZE(nulls); i++)
		if (!strcmp(n->text, nulls[i]))
			return 1;
	return 0;
}

/* The value under key, or NULL when absent or null. */
static const struct ynode *get_value(const struct ynode *map, const char *key)
{
	const struct ynode *n = ynode_get(map, key);

	return is_null(n) ? NULL : n;
}


static int expect_kind(struct loader *l, const struct ynode *n,
		       enum ynode_kind kind, const char *what)
{
	static const char *const names[] = { "a scalar", "a list",
					     "a mapping" };

	if (n->kind == kind)
		return 0;
	error_at(l, n, "%s must be %s, not %s", what, names[kind],
		 ynode_kind_name(n));
	return -1;
}

/*
 * Reports duplicate keys.  Small mappings (all of a well-formed file's) are
 * checked pair by pair without allocating; a huge one through a hash map, so
 * that it stays linear.
 */
static void check_duplicate_keys(struct loader *l, const struct ynode *map)
{
	struct strmap seen = STRMAP_INIT;
	size_t i, j;

	if (map->count <= 64) {
		for (i = 2; i + 1 < map->count; i += 2) {
			const struct ynode *k = map->items[i];

			if (k->kind != YNODE_SCALAR)
				continue;
			for (j = 0; j < i; j += 2) {
				const struct ynode *first = map->items[j];

				if (first->kind == YNODE_SCALAR &&
				    !strcmp(first->text, k->text)) {
					error_at(l, k, "duplicate key '%s' "
						 "(first at line %d)", k->text,
						 first->line);
					break;
				}
			}
		}
		return;
	}
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];
		const struct ynode *first;

		if (k->kind != YNODE_SCALAR)
			continue;
		first = strmap_put(&seen, k->text, (void *)k);
		if (first)
			error_at(l, k, "duplicate key '%s' (first at line %d)",
				 k->text, first->line);
	}
	strmap_release(&seen);
}

/*
 * Checks a mapping's keys against its table: unknown keys (with a hint),
 * duplicates, missing required ones.  what names the mapping in messages.
 */
static void check_keys(struct loader *l, const struct ynode *map,
		       const struct key_spec *specs, size_t nspecs,
		       const char *what)
{
	const char *names[32];
	size_t i, j;

	for (j = 0; j < nspecs; j++)
		names[j] = specs[j].name;
	check_duplicate_keys(l, map);
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];
		struct buf msg = BUF_INIT;

		if (k->kind != YNODE_SCALAR) {
			error_at(l, k, "keys must be plain text, not %s",
				 ynode_kind_name(k));
			continue;
		}
		for (j = 0; j < nspecs; j++)
			if (k->text[0] == specs[j].name[0] &&
			    !strcmp(k->text, specs[j].name))
				break;
		if (j < nspecs)
			continue;
		buf_addf(&msg, "unknown key '%s' in %s", k->text, what);
		add_hint(&msg, k->text, names, nspecs);
		error_at(l, k, "%s", msg.data);
		buf_release(&msg);
	}
	for (j = 0; j < nspecs; j++)
		if (specs[j].required && !get_value(map, specs[j].name))
			error_at(l, map, "%s is missing required key '%s'",
				 what, specs[j].name);
}

/* Reads a non-empty text value; returns NULL (after an error) otherwise. */
static char *get_text(struct loader *l, const struct ynode *map,
		      const char *key, const char *what)
{
	const struct ynode *n = get_value(map, key);

	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		error_at(l, n, "'%s' of %s must be text, not %s", key, what,
			 ynode_kind_name(n));
		return NULL;
	}
	if (!*n->text) {
		error_at(l, n, "'%s' of %s must not be empty", key, what);
		return NULL;
	}
	if (strlen(n->text) != n->len) {
		error_at(l, n, "'%s' of %s contains a NUL character", key,
			 what);
		return NULL;
	}
	return xstrdup(n->text);
}

/* Reads an id; returns NULL (after an error) when absent or invalid. */
static char *get_id(struct loader *l, const struct ynode *map,
		    const char *key, const char *what)
{
	const struct ynode *n = get_value(map, key);

	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		error_at(l, n, "'%s' of %s must be an id, not %s", key, what,
			 ynode_kind_name(n));
		return NULL;
	}
	if (!id_is_valid(n->text) || strlen(n->text) != n->len) {
		error_at(l, n,
			 "invalid id '%s' (ids are lowercase letters, digits, "
			 "'_', '.' and '-', starting with a letter or digit)",
			 n->text);
		return NULL;
	}
	return xstrdup(n->text);
}

/* Reads a number in [min, max] into *out; keeps *out when absent. */
static int get_number(struct loader *l, const struct ynode *map,
		      const char *key, double min, double max, double *out)
{
	const struct ynode *n = get_value(map, key);
	double v;

	if (!n)
		return 0;
	if (n->kind != YNODE_SCALAR || parse_number(n->text, &v) < 0) {
		error_at(l, n, "'%s' must be a number, not %s%s%s%s", key,
			 n->kind == YNODE_SCALAR ? "'" : "",
			 n->kind == YNODE_SCALAR ? n->text : ynode_kind_name(n),
			 n->kind == YNODE_SCALAR ? "'" : "", "");
		return -1;
	}
	if (v < min || v > max) {
		error_at(l, n, "'%s' must be between %g and %g, not %g", key,
			 min, max, v);
		return -1;
	}
	*out = v;
	return 0;
}

static int get_bool(struct loader *l, const struct ynode *map,
		    const char *key, int *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	const struct ynode *n = get_value(map, key);
	size_t i;

	if (!n)
		return 0;
	if (n->kind == YNODE_SCALAR) {
		for (i = 0; i < ARRAY_SIZE(yes); i++) {
			if (!strcasecmp(n->text, yes[i])) {
				*out = 1;
				return 0;
			}
			if (!strcasecmp(n->text, no[i])) {
				*out = 0;
				return 0;
			}
		}
	}
	error_at(l, n, "'%s' must be true or false", key);
	return -1;
}

/*
 * Reads one of names[] (an empty name is "unset" and never matches);
 * returns its index, fallback when the key is absent, or -1 after an error.
 */
static int get_enum(struct loader *l, const struct ynode *map,
		    const char *key, const char *const *names, size_t count,
		    int fallback)
{
	const struct ynode *n = get_value(map, key);
	struct buf msg = BUF_INIT;
	size_t i;

	if (!n)
		return fallback;
	if (n->kind == YNODE_SCALAR)
		for (i = 0; i < count; i++)
			if (names[i] && *names[i] && !strcmp(n->text, names[i]))
				return (int)i;
	buf_addf(&msg, "unknown %s '%s' (expected one of:", key,
		 n->kind == YNODE_SCALAR ? n->text : "?");
	for (i = 0; i < count; i++)
		if (names[i] && *names[i])
			buf_addf(&msg, "%s %s", msg.data[msg.len - 1] == ':' ?
					      "" : ",", names[i]);
	buf_adds(&msg, ")");
	error_at(l, n, "%s", msg.data);
	buf_release(&msg);
	return -1;
}

static enum risk get_risk(struct loader *l, const struct ynode *map)
{
	int r = get_enum(l, map, "risk", risk_names, RISK_CRITICAL + 1,
			 RISK_UNSET);

	return r < 0 ? RISK_UNSET : (enum risk)r;
}

static enum effort get_effort(struct loader *l, const struct ynode *map,
			      enum effort fallback)
{
	int e = get_enum(l, map, "effort", effort_names, EFFORT_HIGH + 1,
			 (int)fallback);

	return e < 0 ? fallback : (enum effort)e;
}

/* ---- choices, bands, questions ------------------------------------- */

static void load_choice(struct loader *l, const struct ynode *n,
			struct question *q, struct choice *c)
{
	memset(c, 0, sizeof(*c));
	c->pos = pos_of(l, n);
	if (expect_kind(l, n, YNODE_MAPPING, "a choice") < 0)
		return;
	/* A yesno choice may only add advice to the built-in yes or no. */
	if (q->type == QTYPE_YESNO)
		check_keys(l, n, yesno_choice_keys,
			   ARRAY_SIZE(yesno_choice_keys), "a choice");
	else
		check_keys(l, n, choice_keys, ARRAY_SIZE(choice_keys),
			   "a choice");
	c->id = get_id(l, n, "id", "a choice");
	c->label = get_text(l, n, "label", "a choice");
	c->advice = get_text(l, n, "advice", "a choice");
	c->score = -1;
	if (get_number(l, n, "score", 0, 1000, &c->score) < 0)
		c->score = 0; /* reported already; do not also say "missing" */
	c->risk = get_risk(l, n);
	c->effort = get_effort(l, n, EFFORT_UNSET);
}

/* Fills in yes and no for a yesno question from its optional choices. */
static void load_yesno(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct ynode *list = ynode_get(n, "choices");
	const struct ynode *best = ynode_get(n, "best");
	int no_is_best = best && best->kind == YNODE_SCALAR &&
			 !strcmp(best->text, "no");
	int seen[2] = { 0, 0 };
	size_t i;

	if (best && !no_is_best &&
	    !(best->kind == YNODE_SCALAR && !strcmp(best->text, "yes")))
		error_at(l, best, "'best' must be yes or no");
	q->nchoices = 2;
	q->choices = xcalloc(2, sizeof(*q->choices));
	q->choices[0].id = xstrdup("yes");
	q->choices[0].label = xstrdup("Yes");
	q->choices[0].score = no_is_best ? 0 : 1;
	q->choices[0].pos = q->pos;
	q->choices[1].id = xstrdup("no");
	q->choices[1].label = xstrdup("No");
	q->choices[1].score = no_is_best ? 1 : 0;
	q->choices[1].pos = q->pos;
	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'choices'") < 0)
		return;
	for (i = 0; i < list->count; i++) {
		struct choice c;
		struct choice *slot = NULL;

		load_choice(l, list->items[i], q, &c);
		if (c.id && !strcmp(c.id, "yes"))
			slot = &q->choices[0];
		else if (c.id && !strcmp(c.id, "no"))
			slot = &q->choices[1];
		if (slot && (slot - q->choices) < 2 && seen[slot - q->choices]) {
			error_at(l, list->items[i], "duplicate choice id '%s' "
				 "in question '%s'", c.id, q->id ? q->id : "?");
			slot = NULL;
		} else if (slot) {
			seen[slot - q->choices] = 1;
		} else if (c.id)
			error_at(l, list->items[i],
				 "choices of a yesno question must have id "
				 "'yes' or 'no', not '%s'", c.id);
		if (!slot) {
			free(c.id), free(c.label), free(c.advice);
			continue;
		}
		free(c.id);
		if (c.label) {
			free(slot->label);
			slot->label = c.label;
		}
		slot->advice = c.advice;
		slot->risk = c.risk;
		slot->effort = c.effort;
		slot->pos = c.pos;
		if (c.score >= 0)
			slot->score = c.score;
	}
}

static void load_choices(struct loader *l, const struct ynode *n,
			 struct question *q)
{
	const struct ynode *list = ynode_get(n, "choices");
	struct strmap seen = STRMAP_INIT;
	size_t i;

	if (!list) {
		error_at(l, n, "%s question '%s' needs 'choices'",
			 question_type_names[q->type], q->id ? q->id : "?");
		return;
	}
	if (expect_kind(l, list, YNODE_SEQUENCE, "'choices'") < 0)
		return;
	if (list->count < 2) {
		error_at(l, list, "%s question '%s' needs at least two choices"
			 " (it has %zu)", question_type_names[q->type],
			 q->id ? q->id : "?", list->count);
	}
	q->choices = xcalloc(list->count ? list->count : 1,
			     sizeof(*q->choices));
	for (i = 0; i < list->count; i++) {
		struct choice *c = &q->choices[q->nchoices++];
		const struct choice *first;

		load_choice(l, list->items[i], q, c);
		if (!c->id)
			continue;
		first = strmap_put(&seen, c->id, c);
		if (first)
			error_at(l, list->items[i],
				 "duplicate choice id '%s' in question '%s' "
				 "(first at line %d)", c->id,
				 q->id ? q->id : "?", first->pos.line);
	}
	strmap_release(&seen);
}

static void load_bands(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	const struct ynode *list = ynode_get(n, "bands");
	size_t i;

	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'bands'") < 0)
		return;
	if (list->count == 0) {
		error_at(l, list, "'bands' must not be empty");
		return;
	}
	q->bands = xcalloc(list->count, sizeof(*q->bands));
	for (i = 0; i < list->count; i++) {
		const struct ynode *b = list->items[i];
		struct band *band = &q->bands[q->nbands];

		if (expect_kind(l, b, YNODE_MAPPING, "a band") < 0)
			continue;
		check_keys(l, b, band_keys, ARRAY_SIZE(band_keys), "a band");
		band->pos = pos_of(l, b);
		get_number(l, b, "min", -1e15, 1e15, &band->min);
		get_number(l, b, "score", 0, 1, &band->score);
		band->label = get_text(l, b, "label", "a band");
		band->advice = get_text(l, b, "advice", "a band");
		band->risk = get_risk(l, b);
		if ((q->has_min && band->min < q->min && i > 0) ||
		    (q->has_max && band->min > q->max))
			warning_at(l, b, "band from %g lies outside the "
				   "question's range (%g to %g)", band->min,
				   q->min, q->max);
		if (q->nbands && band->min <= q->bands[q->nbands - 1].min)
			error_at(l, b, "bands must be in ascending order of "
				 "'min' (%g after %g)", band->min,
				 q->bands[q->nbands - 1].min);
		q->nbands++;
	}
}

/* Reports keys that the question's type does not use. */
static void check_type_keys(struct loader *l, const struct ynode *n,
			    const struct question *q)
{
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(type_specific_keys); i++) {
		const char *key = type_specific_keys[i];
		const struct ynode *v = ynode_get(n, key);
		int allowed = 0;

		if (!v)
			continue;
		for (j = 0; j < ARRAY_SIZE(type_keys[q->type].keys) &&
			    type_keys[q->type].keys[j]; j++)
			if (!strcmp(type_keys[q->type].keys[j], key))
				allowed = 1;
		if (!allowed)
			error_at(l, v, "'%s' does not apply to %s questions",
				 key, question_type_names[q->type]);
	}
}

static void load_range(struct loader *l, const struct ynode *n,
		       struct question *q)
{
	q->has_min = ynode_get(n, "min") != NULL;
	q->has_max = ynode_get(n, "max") != NULL;
	get_number(l, n, "min", -1e15, 1e15, &q->min);
	get_number(l, n, "max", -1e15, 1e15, &q->max);
	if (q->type == QTYPE_SCALE) {
		if (!q->has_min || !q->has_max)
			error_at(l, n, "scale question '%s' needs 'min' and "
				 "'max'", q->id ? q->id : "?");
		else if (q->min != floor(q->min) || q->max != floor(q->max) ||
			 q->max - q->min > 100)
			error_at(l, n, "scale question '%s' needs whole "
				 "numbers 'min' and 'max' at most 100 apart",
				 q->id ? q->id : "?");
		q->min_label = get_text(l, n, "min_label", "a question");
		q->max_label = get_text(l, n, "max_label", "a question");
	} else {
		q->unit = get_text(l, n, "unit", "a question");
	}
	if (q->has_min && q->has_max && q->min >= q->max)
		error_at(l, ynode_get(n, "max"),
			 "'max' (%g) must be greater than 'min' (%g)", q->max,
			 q->min);
	load_bands(l, n, q);
}

/*
 * Keeps a condition's text and place; it is parsed and checked in the second
 * pass, once every question (and so what is "earlier") is known.
 */
static void load_when(struct loader *l, const struct ynode *n,
		      struct question *q)
{
	const struct ynode *w = ynode_get(n, "when");

	if (!w)
		return;
	if (w->kind != YNODE_SCALAR) {
		error_at(l, w, "'when' must be a condition, not %s",
			 ynode_kind_name(w));
		return;
	}
	q->when_source = xstrdup(w->text);
	q->when_pos = pos_of(l, w);
	/* Columns inside quoted text start after the quote. */
	if (w->style == YSTYLE_QUOTED)
		q->when_pos.col++;
	q->when_inline = w->style != YSTYLE_BLOCK && !strchr(w->text, '\n');
}

static void load_question(struct loader *l, const struct ynode *n,
			  struct question *q)
{
	int type_known = 1;

	memset(q, 0, sizeof(*q));
	q->pos = pos_of(l, n);
	q->weight = 1;
	if (expect_kind(l, n, YNODE_MAPPING, "a question") < 0)
		return;
	check_keys(l, n, question_keys, ARRAY_SIZE(question_keys),
		   "a question");
	q->id = get_id(l, n, "id", "a question");
	q->text = get_text(l, n, "text", "a question");
	q->help = get_text(l, n, "help", "a question");
	q->advice = get_text(l, n, "advice", "a question");
	q->type = get_enum(l, n, "type", question_type_names, QTYPE_COUNT,
			   QTYPE_SINGLE);
	if ((int)q->type < 0) {
		/* Reported; the type-specific keys cannot be checked. */
		q->type = QTYPE_TEXT;
		type_known = 0;
	}
	get_number(l, n, "weight", 0, 1000, &q->weight);
	q->effort = get_effort(l, n, EFFORT_MEDIUM);
	get_bool(l, n, "dont_know", &q->dont_know);
	get_number(l, n, "full_score", 0, 1e6, &q->full_score);
	if (type_known)
		check_type_keys(l, n, q);
	if (!ynode_get(n, "type") && !ynode_get(n, "choices"))
		error_at(l, n, "question '%s' needs 'choices' (or a 'type' "
			 "without them: yesno, scale, number, text)",
			 q->id ? q->id : "?");
	else if (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI)
		load_choices(l, n, q);
	else if (q->type == QTYPE_YESNO)
		load_yesno(l, n, q);
	else if (q->type == QTYPE_SCALE || q->type == QTYPE_NUMBER)
		load_range(l, n, q);
	load_when(l, n, q);
}

/* ---- areas ---------------------------------------------------------- */

static void load_targets(struct loader *l, const struct ynode *n,
			 struct area *a)
{
	const struct ynode *map = ynode_get(n, "targets");
	size_t i;

	if (!map || expect_kind(l, map, YNODE_MAPPING, "'targets'") < 0)
		return;
	check_duplicate_keys(l, map);
	a->targets = xcalloc(ynode_pairs(map) + 1, sizeof(*a->targets));
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i], *v = map->items[i + 1];
		struct target *t = &a->targets[a->ntargets];
		double score;

		if (k->kind != YNODE_SCALAR || !id_is_valid(k->text)) {
			error_at(l, k, "a target's key must be a stage id");
			continue;
		}
		if (v->kind != YNODE_SCALAR || parse_number(v->text, &score) ||
		    score < 0 || score > 100) {
			error_at(l, v, "target for stage '%s' must be a number "
				 "from 0 to 100", k->text);
			score = 0; /* kept, so the stage is not also "missing" */
		}
		t->stage = xstrdup(k->text);
		t->score = score;
		t->pos = pos_of(l, k);
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
	load_question(l, stack[4], &sq->question);
	return 1;
}

static void load_area(struct loader *l, const struct ynode *n,
		      struct area *a)
{
	const struct ynode *list;
	size_t i;

	memset(a, 0, sizeof(*a));
	a->pos = pos_of(l, n);
	a->weight = 1;
	a->scored = 1;
	if (expect_kind(l, n, YNODE_MAPPING, "an area") < 0)
		return;
	check_keys(l, n, area_keys, ARRAY_SIZE(area_keys), "an area");
	a->id = get_id(l, n, "id", "an area");
	a->title = get_text(l, n, "title", "an area");
	a->description = get_text(l, n, "description", "an area");
	get_number(l, n, "weight", 0, 1000, &a->weight);
	get_bool(l, n, "scored", &a->scored);
	load_targets(l, n, a);
	list = ynode_get(n, "questions");
	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'questions'") < 0)
		return;
	claim_streamed(l, list, a);
	if (list->count == 0 && a->nquestions == 0) {
		error_at(l, list, "area '%s' has no questions",
			 a->id ? a->id : "?");
		return;
	}
	/* Items left in the list are not mappings: load_question says so. */
	a->questions = xreallocarray(a->questions, a->nquestions + list->count
				     + 1, sizeof(*a->questions));
	for (i = 0; i < list->count; i++)
		load_question(l, list->items[i], &a->questions[a->nquestions++]);
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

static void load_file(struct loader *l, const char *path, int is_root);
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
		error_at(l, at, "too many included files (more than %d)",
			 LOADER_MAX_FILES);
		return -1;
	}
	if (!realpath(path, real))
		return 0;
	for (i = 0; i < l->depth; i++) {
		if (strcmp(l->stack[i], real))
			continue;
		error_at(l, at, "include cycle: '%s' is already being loaded "
			 "(it includes itself, directly or through other "
			 "files)", path);
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
	const struct ynode *name = entry, *areas = NULL, *questions = NULL;
	const char *including = l->file;
	char *path;

	if (entry->kind == YNODE_MAPPING) {
		if (!strcmp(path_key, "path"))
			check_keys(l, entry, include_keys,
				   ARRAY_SIZE(include_keys),
				   "an include entry");
		else
			check_keys(l, entry, area_include_keys,
				   ARRAY_SIZE(area_include_keys),
				   "an include entry");
		name = ynode_get(entry, path_key);
		areas = ynode_get(entry, "areas");
		questions = ynode_get(entry, "questions");
		if (!name)
			return;
	}
	if (name->kind != YNODE_SCALAR || !*name->text) {
		error_at(l, name, "an include entry must be a file name or a "
			 "mapping with '%s'", path_key);
		return;
	}
	if ((areas && expect_kind(l, areas, YNODE_SEQUENCE, "'areas'") < 0) ||
	    (questions &&
	     expect_kind(l, questions, YNODE_SEQUENCE, "'questions'") < 0))
		return;
	path = include_path(including, name->text);
	if (!file_exists(path) || file_is_dir(path)) {
		error_at(l, name, "cannot open included file '%s': %s",
			 name->text, strerror(file_is_dir(path) ? EISDIR :
					       ENOENT));
	} else if (include_cycle(l, name, path) == 0) {
		size_t first = l->nareas;

		load_file(l, path, 0);
		l->file = including;
		if (areas || questions)
			apply_filters(l, first, areas, questions);
	}
	free(path);
}

static void load_includes(struct loader *l, const struct ynode *root)
{
	const struct ynode *list = ynode_get(root, "include");
	size_t i;

	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'include'") < 0)
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
			error_at(l, item, "%s ids must be text", what);
			continue;
		}
		for (j = 0; j < nknown; j++)
			if (!strcmp(known[j], item->text))
				break;
		if (j == nknown) {
			struct buf msg = BUF_INIT;

			buf_addf(&msg, "no %s '%s' in the included file", what,
				 item->text);
			add_hint(&msg, item->text, known, nknown);
			error_at(l, item, "%s", msg.data);
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

static void load_levels(struct loader *l, const struct ynode *root)
{
	const struct ynode *list = ynode_get(root, "levels");
	struct questionnaire *q = l->q;
	size_t i;

	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'levels'") < 0)
		return;
	if (list->count == 0) {
		error_at(l, list, "'levels' must not be empty");
		return;
	}
	q->levels = xcalloc(list->count, sizeof(*q->levels));
	for (i = 0; i < list->count; i++) {
		const struct ynode *n = list->items[i];
		struct level *lv = &q->levels[q->nlevels];

		if (expect_kind(l, n, YNODE_MAPPING, "a level") < 0)
			continue;
		check_keys(l, n, level_keys, ARRAY_SIZE(level_keys), "a level");
		q->nlevels++;
		lv->id = get_id(l, n, "id", "a level");
		lv->name = get_text(l, n, "name", "a level");
		lv->description = get_text(l, n, "description", "a level");
		if (get_number(l, n, "min", 0, 1000, &lv->min) < 0 ||
		    !ynode_get(n, "min"))
			continue;
		if (q->nlevels == 1 && lv->min != 0)
			error_at(l, ynode_get(n, "min"),
				 "the first level must start at 'min: 0' so "
				 "that every score has a level");
		else if (q->nlevels > 1 && lv->min < lv[-1].min)
			error_at(l, ynode_get(n, "min"),
				 "levels out of order: 'min: %g' comes after "
				 "'min: %g'", lv->min, lv[-1].min);
		else if (q->nlevels > 1 && lv->min == lv[-1].min)
			warning_at(l, n, "level '%s' can never be reached: "
				   "the previous one starts at the same score",
				   lv[-1].id ? lv[-1].id : "?");
		if (lv->min > 100)
			warning_at(l, n, "level '%s' can never be reached "
				   "(scores go up to 100)",
				   lv->id ? lv->id : "?");
	}
}

static void load_metadata(struct loader *l, const struct ynode *root)
{
	struct questionnaire *q = l->q;
	const struct ynode *n;

	q->id = get_id(l, root, "id", "the questionnaire");
	q->title = get_text(l, root, "title", "the questionnaire");
	q->version = get_text(l, root, "version", "the questionnaire");
	q->description = get_text(l, root, "description", "the questionnaire");
	q->author = get_text(l, root, "author", "the questionnaire");
	q->stage_question = get_id(l, root, "stage_question",
				   "the questionnaire");
	if ((n = ynode_get(root, "stage_question")))
		l->stage_pos = pos_of(l, n);
	q->name_question = get_id(l, root, "name_question",
				  "the questionnaire");
	if ((n = ynode_get(root, "name_question")))
		l->name_pos = pos_of(l, n);
	load_levels(l, root);
}

static void load_areas(struct loader *l, const struct ynode *root)
{
	const struct ynode *list = ynode_get(root, "areas");
	size_t i;

	if (!list || expect_kind(l, list, YNODE_SEQUENCE, "'areas'") < 0)
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
static void check_included_metadata(struct loader *l, const struct ynode *root)
{
	struct questionnaire *keep = l->q;
	struct srcpos stage_pos = l->stage_pos, name_pos = l->name_pos;

	l->q = xcalloc(1, sizeof(*l->q));
	load_metadata(l, root);
	questionnaire_free(l->q);
	l->q = keep;
	l->stage_pos = stage_pos;
	l->name_pos = name_pos;
}

/*
 * Loads one file: its includes first, then its own areas (where an entry of
 * `areas` may itself be an include), then (for the root) its metadata.
 */
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

static void load_file(struct loader *l, const char *path, int is_root)
{
	struct yaml_tree tree;
	const struct ynode *root;
	char real[PATH_MAX];
	const char *self = intern_file(l, path);

	struct yaml_stream stream = { take_question, l };
	size_t base = l->nstreamed; /* this file's questions start here */

	l->file = self;
	l->files_read++;
	if (yaml_tree_load_stream(&tree, path, LOADER_MAX_FILE_SIZE, &stream,
				  l->diags) < 0)
		goto out;
	root = tree.root;
	if (!root) {
		diag_add(l->diags, DIAG_ERROR, l->file, 1, 1,
			 "file is empty (expected a questionnaire)");
		goto out;
	}
	if (expect_kind(l, root, YNODE_MAPPING, "a questionnaire file") < 0)
		goto out;
	if (is_root)
		check_keys(l, root, root_keys, ARRAY_SIZE(root_keys),
			   "the questionnaire");
	else if (ynode_get(root, "id"))
		check_keys(l, root, root_keys, ARRAY_SIZE(root_keys),
			   "an included questionnaire");
	else
		check_keys(l, root, fragment_keys, ARRAY_SIZE(fragment_keys),
			   "an included file");
	l->stack[l->depth++] = xstrdup(realpath(path, real) ? real : path);
	load_includes(l, root);
	free((char *)l->stack[--l->depth]);
	l->file = self;
	l->streamed_next = base;
	load_areas(l, root);
	if (is_root)
		load_metadata(l, root);
	else if (ynode_get(root, "id"))
		check_included_metadata(l, root);
out:
	/* Questions of lists that were never claimed (a file with errors). */
	drop_streamed(l, base);
	yaml_tree_release(&tree);
}

/* ---- the second pass: the questionnaire as a whole ---------------------- */

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
		diag_add(l->diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
			 qn->pos.col, "question id '%s' reads as a %s in "
			 "conditions, so no condition can refer to it", qn->id,
			 i < ARRAY_SIZE(keywords) ? "keyword" : "number");
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
			error_pos(l, &a->pos, "duplicate area id '%s' (first "
				  "defined at %s:%d:%d)", a->id,
				  first->pos.file, first->pos.line,
				  first->pos.col);
		for (j = 0; j < a->nquestions; j++) {
			struct question *qn = &a->questions[j];
			const struct question *dup;

			warn_unusable_id(l, qn);
			qn->area = a;
			qn->index = q->nquestions;
			q->questions[q->nquestions++] = qn;
			if (qn->id &&
			    (dup = strmap_put(&q->question_index, qn->id, qn)))
				error_pos(l, &qn->pos, "duplicate question id "
					  "'%s' (first defined at %s:%d:%d)",
					  qn->id, dup->pos.file,
					  dup->pos.line, dup->pos.col);
		}
	}
}

/* Checks that a choice scores below the best and has no advice anywhere. */
static void warn_missing_advice(struct loader *l, const struct question *qn)
{
	size_t i;

	if (qn->advice)
		return;
	for (i = 0; i < qn->nchoices; i++) {
		const struct choice *c = &qn->choices[i];

		if (!c->advice && c->score < qn->best_score)
			diag_add(l->diags, DIAG_WARNING, c->pos.file,
				 c->pos.line, c->pos.col,
				 "choice '%s' of question '%s' scores below "
				 "the best but has no advice (and the question "
				 "has none)", c->id, qn->id);
	}
	for (i = 0; i < qn->nbands; i++) {
		const struct band *b = &qn->bands[i];
		double best = 0;
		size_t j;

		for (j = 0; j < qn->nbands; j++)
			if (qn->bands[j].score > best)
				best = qn->bands[j].score;
		if (!b->advice && b->score < best)
			diag_add(l->diags, DIAG_WARNING, b->pos.file,
				 b->pos.line, b->pos.col,
				 "band from %g of question '%s' scores below "
				 "the best but has no advice (and the question "
				 "has none)", b->min, qn->id);
	}
}

/* Settles scoring: what counts, best scores, missing scores. */
static void check_scoring(struct loader *l, struct question *qn)
{
	size_t i;
	double sum = 0;

	qn->scored = qn->area->scored && qn->weight > 0 &&
		     question_type_scorable(qn->type) &&
		     (qn->type != QTYPE_NUMBER || qn->nbands > 0);
	if (qn->type == QTYPE_NUMBER && !qn->nbands && qn->area->scored &&
	    qn->weight > 0)
		error_pos(l, &qn->pos, "number question '%s' in a scored area "
			  "needs 'bands' to be scored (or 'weight: 0')",
			  qn->id);
	for (i = 0; i < qn->nchoices; i++) {
		struct choice *c = &qn->choices[i];

		if (c->score < 0 && qn->scored && c->id)
			error_pos(l, &c->pos, "choice '%s' of question '%s' "
				  "needs a 'score'", c->id, qn->id);
		if (c->score < 0 || !qn->scored)
			c->score = c->score < 0 ? 0 : c->score;
		if (c->score > qn->best_score)
			qn->best_score = c->score;
		sum += c->score;
	}
	if (qn->type == QTYPE_MULTI && qn->full_score <= 0)
		qn->full_score = sum;
	else if (qn->type == QTYPE_MULTI && qn->scored && qn->full_score > sum)
		diag_add(l->diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
			 qn->pos.col, "'full_score' of question '%s' (%g) is "
			 "more than all its choices give (%g), so full marks "
			 "can never be reached", qn->id, qn->full_score, sum);
	if (!qn->scored)
		return;
	if ((qn->type == QTYPE_SINGLE || qn->type == QTYPE_YESNO ||
	     qn->type == QTYPE_MULTI) && qn->nchoices >= 2 &&
	    qn->best_score <= 0)
		error_pos(l, &qn->pos, "question '%s' is scored but no choice "
			  "scores above 0", qn->id);
	if (!qn->help)
		diag_add(l->diags, DIAG_WARNING, qn->pos.file, qn->pos.line,
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
			  key, question_type_names[type], id,
			  question_type_names[qn->type]);
		return NULL;
	}
	ids = question_ids(l->q);
	buf_addf(&msg, "'%s' names unknown question '%s'", key, id);
	add_hint(&msg, id, ids, l->q->nquestions);
	error_pos(l, pos, "%s", msg.data);
	buf_release(&msg);
	free(ids);
	return NULL;
}

static void check_targets(struct loader *l)
{
	const struct question *stage;
	struct questionnaire *q = l->q;
	const char **choice_ids;
	size_t i, j, k;

	stage = root_reference(l, q->stage_question, &l->stage_pos,
			       QTYPE_SINGLE, "stage_question");
	root_reference(l, q->name_question, &l->name_pos, QTYPE_TEXT,
		       "name_question");
	choice_ids = xcalloc((stage ? stage->nchoices : 0) + 1,
			     sizeof(*choice_ids));
	for (j = 0; stage && j < stage->nchoices; j++)
		choice_ids[j] = stage->choices[j].id;
	for (i = 0; i < q->nareas; i++) {
		const struct area *a = &q->areas[i];

		if (a->ntargets && !q->stage_question) {
			error_pos(l, &a->pos, "area '%s' sets 'targets' but "
				  "the questionnaire has no 'stage_question'",
				  a->id);
			continue;
		}
		if (!stage)
			continue;
		for (k = 0; k < a->ntargets; k++) {
			struct buf msg = BUF_INIT;

			if (question_choice(stage, a->targets[k].stage))
				continue;
			buf_addf(&msg, "area '%s' has a target for unknown "
				 "stage '%s'", a->id, a->targets[k].stage);
			add_hint(&msg, a->targets[k].stage, choice_ids,
				 stage->nchoices);
			error_pos(l, &a->targets[k].pos, "%s", msg.data);
			buf_release(&msg);
		}
		for (j = 0; a->ntargets && j < stage->nchoices; j++)
			if (!area_target(a, stage->choices[j].id))
				diag_add(l->diags, DIAG_WARNING, a->pos.file,
					 a->pos.line, a->pos.col,
					 "area '%s' sets no target for stage "
					 "'%s'", a->id, stage->choices[j].id);
	}
	free(choice_ids);
}

/* ---- conditions ----------------------------------------------------------- */

struct when_check {
	struct loader *l;
	const struct question *question;
	const char **ids;
};

/*
 * The place of byte offset inside a condition: the text's column plus the
 * characters before offset.  Inside block scalars and multi-line text the
 * text's own place is the best we know.
 */
static struct srcpos when_place(const struct question *qn, size_t offset)
{
	struct srcpos pos = qn->when_pos;
	const char *src = qn->when_source;
	size_t i;

	if (!qn->when_inline)
		return pos;
	for (i = 0; i < offset && src[i]; i++)
		if (((unsigned char)src[i] & 0xc0) != 0x80)
			pos.col++;
	return pos;
}

static void when_error(struct when_check *c, size_t offset, const char *fmt,
		       ...) __attribute__((format(printf, 3, 4)));

static void when_error(struct when_check *c, size_t offset, const char *fmt,
		       ...)
{
	struct srcpos pos = when_place(c->question, offset);
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(c->l->diags, DIAG_ERROR, pos.file, pos.line, pos.col, fmt,
		  ap);
	va_end(ap);
}

static int is_choice_type(enum question_type t)
{
	return t == QTYPE_SINGLE || t == QTYPE_MULTI || t == QTYPE_YESNO;
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

		if (!is_choice_type(ref->type)) {
			if (!v->is_number)
				when_error(c, v->offset, "'%s' is a %s question;"
					   " compare it with a number, not "
					   "'%s'", ref->id,
					   question_type_names[ref->type],
					   v->ident);
			continue;
		}
		if (v->is_number) {
			when_error(c, v->offset, "'%s' is a %s question; "
				   "compare it with one of its choice ids, "
				   "not a number", ref->id,
				   question_type_names[ref->type]);
			continue;
		}
		if (question_choice(ref, v->ident))
			continue;
		choice_ids = xcalloc(ref->nchoices + 1, sizeof(*choice_ids));
		for (j = 0; j < ref->nchoices; j++)
			choice_ids[j] = ref->choices[j].id;
		buf_addf(&msg, "unknown choice '%s' of question '%s' in "
			 "condition", v->ident, ref->id);
		add_hint(&msg, v->ident, choice_ids, ref->nchoices);
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
		add_hint(&msg, e->question, c->ids, c->l->q->nquestions);
		when_error(c, e->question_offset, "%s", msg.data);
		buf_release(&msg);
		return 0;
	}
	if (ref == self || ref->index > self->index) {
		when_error(c, e->question_offset, "condition refers to "
			   "question '%s', which is asked %s", e->question,
			   ref == self ? "here (a question cannot depend on "
			   "itself)" : "later (conditions may only use "
			   "earlier answers)");
		return 0;
	}
	if (e->kind == EXPR_ANSWERED)
		return 0;
	if (ref->type == QTYPE_TEXT) {
		when_error(c, e->question_offset, "text question '%s' can "
			   "only be tested with answered(%s)", ref->id,
			   ref->id);
		return 0;
	}
	if (e->kind == EXPR_INCLUDES && ref->type != QTYPE_MULTI)
		when_error(c, e->question_offset, "'includes' needs a multi "
			   "question; '%s' is %s", ref->id,
			   question_type_names[ref->type]);
	else if (e->kind == EXPR_COMPARE && is_choice_type(ref->type) &&
		 e->op != OP_EQ && e->op != OP_NE)
		when_error(c, e->question_offset, "'%s' compares numbers, but "
			   "'%s' is a %s question", op_names[e->op], ref->id,
			   question_type_names[ref->type]);
	check_when_values(c, e, ref);
	return 0;
}

static void check_whens(struct loader *l)
{
	struct questionnaire *q = l->q;
	struct when_check c;
	size_t i;

	c.l = l;
	c.ids = question_ids(q);
	for (i = 0; i < q->nquestions; i++) {
		struct question *qn = q->questions[i];
		struct expr_error err;

		if (!qn->when_source)
			continue;
		c.question = qn;
		if (expr_parse(qn->when_source, &qn->when, &err) < 0) {
			when_error(&c, err.offset, "%s", err.message);
			continue;
		}
		if (qn->id && !l->fragment)
			expr_visit(qn->when, check_when_ref, &c);
	}
	free(c.ids);
}

/* ---- the content hash ------------------------------------------------------ */

struct hasher {
	unsigned long long h;
};

static void hash_bytes(struct hasher *hs, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		hs->h ^= p[i];
		hs->h *= 1099511628211ULL;
	}
}

static void hash_text(struct hasher *hs, const char *s)
{
	/* The NUL separates fields, so "ab"+"c" differs from "a"+"bc". */
	hash_bytes(hs, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void hash_number(struct hasher *hs, double v)
{
	unsigned char bytes[sizeof(v)];

	/* The bits of the double, with -0 as 0: cheap and exact. */
	if (v == 0)
		v = 0;
	memcpy(bytes, &v, sizeof(v));
	hash_bytes(hs, bytes, sizeof(bytes));
}

static void hash_question(struct hasher *hs, const struct question *qn)
{
	size_t i;

	hash_text(hs, qn->id);
	hash_text(hs, qn->text);
	hash_text(hs, question_type_names[qn->type]);
	hash_number(hs, qn->weight);
	hash_text(hs, qn->when_source);
	for (i = 0; i < qn->nchoices; i++) {
		hash_text(hs, qn->choices[i].id);
		hash_text(hs, qn->choices[i].label);
		hash_number(hs, qn->choices[i].score);
	}
	for (i = 0; i < qn->nbands; i++) {
		hash_number(hs, qn->bands[i].min);
		hash_number(hs, qn->bands[i].score);
	}
	hash_number(hs, qn->min);
	hash_number(hs, qn->max);
}

/*
 * Hashes what an answers file depends on (ids, texts, types, scores,
 * conditions), not the file bytes: editing a comment or help text does not
 * make saved sessions look stale.  FNV-1a, 64 bits.
 */
static void compute_hash(struct questionnaire *q)
{
	struct hasher hs = { 14695981039346656037ULL };
	size_t i, j;

	hash_text(&hs, q->id);
	hash_text(&hs, q->version);
	for (i = 0; i < q->nareas; i++) {
		hash_text(&hs, q->areas[i].id);
		hash_number(&hs, q->areas[i].weight);
		for (j = 0; j < q->areas[i].nquestions; j++)
			hash_question(&hs, &q->areas[i].questions[j]);
	}
	snprintf(q->hash, sizeof(q->hash), "%016llx", hs.h);
}

/* ---- entry points -------------------------------------------------------------- */

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
	struct questionnaire *q = l->q;
	size_t i;

	index_areas(l);
	if (!q->nareas && !l->diags->errors)
		diag_add(l->diags, DIAG_ERROR, q->path, 1, 1,
			 "the questionnaire has no areas (add 'areas' or "
			 "'include')");
	for (i = 0; i < q->nquestions; i++)
		if (q->questions[i]->id)
			check_scoring(l, q->questions[i]);
	check_targets(l);
	check_whens(l);
	set_default_levels(q);
	compute_hash(q);
}

static void loader_release(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nareas; i++)
		area_release(&l->areas[i]);
	free(l->areas);
	free(l->streamed);
}

/* Loads a root file into a new questionnaire. */
static struct questionnaire *load_root(const char *path,
				       struct diag_list *diags)
{
	struct loader l;
	size_t errors = diags->errors;

	memset(&l, 0, sizeof(l));
	l.diags = diags;
	l.q = xcalloc(1, sizeof(*l.q));
	l.q->path = xstrdup(path);
	load_file(&l, path, 1);
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

int questionnaire_check_fragment(const char *path, struct diag_list *diags)
{
	struct loader l;
	size_t errors = diags->errors, i;

	memset(&l, 0, sizeof(l));
	l.diags = diags;
	l.q = xcalloc(1, sizeof(*l.q));
	l.q->path = xstrdup(path);
	l.fragment = 1;
	load_file(&l, path, 0);
	index_areas(&l);
	for (i = 0; i < l.q->nquestions; i++)
		if (l.q->questions[i]->id)
			check_scoring(&l, l.q->questions[i]);
	check_whens(&l);
	loader_release(&l);
	questionnaire_free(l.q);
	return diags->errors > errors ? -1 : 0;
}
