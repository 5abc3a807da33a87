/*
 * treecheck.c - the checks that the questionnaire loader and the answers
 * file share, each worded once.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "strmap.h"
#include "treecheck.h"
#include "util.h"

static void tree_vreport(const struct tree_check *c,
			 enum diag_severity severity, const struct ynode *n,
			 const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void tree_vreport(const struct tree_check *c,
			 enum diag_severity severity, const struct ynode *n,
			 const char *fmt, va_list ap)
{
	diag_vadd(c->diags, severity, c->file, n ? n->line : 0,
		  n ? n->col : 0, fmt, ap);
}

void tree_report(const struct tree_check *c, enum diag_severity severity,
		 const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tree_vreport(c, severity, n, fmt, ap);
	va_end(ap);
}

void tree_error(const struct tree_check *c, const struct ynode *n,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tree_vreport(c, DIAG_ERROR, n, fmt, ap);
	va_end(ap);
}

void tree_warning(const struct tree_check *c, const struct ynode *n,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tree_vreport(c, DIAG_WARNING, n, fmt, ap);
	va_end(ap);
}

/* ---- what a scalar is ------------------------------------------------- */

static int is_one_of(const char *s, const char *const *words, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!strcmp(s, words[i]))
			return 1;
	return 0;
}

static size_t skip_digits(const char *s)
{
	size_t i = 0;

	while (s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/*
 * YAML 1.2 core schema's decimal int and float, which contain JSON's
 * numbers: [-+]? ( . digits | digits ( . digits? )? ) ( [eE] [-+]? digits )?
 */
static int looks_decimal(const char *s)
{
	size_t whole, frac = 0, exp;

	if (*s == '-' || *s == '+')
		s++;
	whole = skip_digits(s);
	s += whole;
	if (*s == '.') {
		frac = skip_digits(++s);
		s += frac;
	}
	if (!whole && !frac)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		exp = skip_digits(s);
		if (!exp)
			return 0;
		s += exp;
	}
	return *s == '\0';
}

enum yvalue_type ynode_value_type(const struct ynode *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	static const char *const bools[] = {
		"true", "True", "TRUE", "false", "False", "FALSE"
	};

	if (!n || n->kind != YNODE_SCALAR)
		return YVALUE_OTHER;
	if (n->style != YSTYLE_PLAIN)
		return YVALUE_TEXT;
	if (is_one_of(n->text, nulls, ARRAY_SIZE(nulls)))
		return YVALUE_NULL;
	if (is_one_of(n->text, bools, ARRAY_SIZE(bools)))
		return YVALUE_BOOL;
	if (looks_decimal(n->text))
		return YVALUE_NUMBER;
	return YVALUE_TEXT;
}

int ynode_is_empty(const struct ynode *n)
{
	return n && n->kind == YNODE_SCALAR && n->style == YSTYLE_PLAIN &&
	       n->len == 0;
}

int ynode_is_string(const struct ynode *n)
{
	return n && n->kind == YNODE_SCALAR && strlen(n->text) == n->len;
}

/* ---- kinds and keys --------------------------------------------------- */

int tree_expect_kind(const struct tree_check *c, const struct ynode *n,
		     enum ynode_kind kind, const char *what)
{
	static const char *const names[] = {
		[YNODE_SCALAR] = "a scalar",
		[YNODE_SEQUENCE] = "a list",
		[YNODE_MAPPING] = "a mapping",
	};

	if (n->kind == kind)
		return 0;
	tree_error(c, n, "%s must be %s, not %s", what, names[kind],
		   ynode_kind_name(n));
	return -1;
}

static void report_duplicate(const struct tree_check *c,
			     const struct ynode *key,
			     const struct ynode *first, const char *what)
{
	tree_error(c, key, "duplicate key '%s' in %s (first at line %d)",
		   key->text, what, first->line);
}

/*
 * Small mappings (all of a well-formed questionnaire's) are checked pair by
 * pair without allocating; a large one through a hash map, so that a file
 * of 100,000 keys stays linear.
 */
static void check_duplicates(const struct tree_check *c,
			     const struct ynode *map, const char *what)
{
	struct strmap seen = STRMAP_INIT;
	size_t i, j;

	for (i = 2; map->count <= 64 && i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];

		for (j = 0; k->kind == YNODE_SCALAR && j < i; j += 2) {
			const struct ynode *first = map->items[j];

			if (first->kind == YNODE_SCALAR &&
			    !strcmp(first->text, k->text)) {
				report_duplicate(c, k, first, what);
				break;
			}
		}
	}
	for (i = 0; map->count > 64 && i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i], *first;

		if (k->kind != YNODE_SCALAR)
			continue;
		first = strmap_put(&seen, k->text, (void *)k);
		if (first)
			report_duplicate(c, k, first, what);
	}
	strmap_release(&seen);
}

void tree_check_open_keys(const struct tree_check *c, const struct ynode *map,
			  const char *what)
{
	size_t i;

	check_duplicates(c, map, what);
	for (i = 0; i + 1 < map->count; i += 2)
		if (map->items[i]->kind != YNODE_SCALAR)
			tree_error(c, map->items[i], "keys in %s must be text, "
				   "not %s", what,
				   ynode_kind_name(map->items[i]));
}

static const struct key_spec *find_spec(const struct key_spec *specs,
					size_t nspecs, const char *name)
{
	size_t j;

	for (j = 0; j < nspecs; j++)
		if (name[0] == specs[j].name[0] && !strcmp(name, specs[j].name))
			return &specs[j];
	return NULL;
}

static void report_unknown_key(const struct tree_check *c,
			       const struct ynode *k,
			       const struct key_spec *specs, size_t nspecs,
			       const char *what)
{
	/* Sized by the table, however long it grows. */
	const char **names = xcalloc(nspecs, sizeof(*names));
	struct buf msg = BUF_INIT;
	size_t j;

	for (j = 0; j < nspecs; j++)
		names[j] = specs[j].name;
	buf_addf(&msg, "unknown key '%s' in %s", k->text, what);
	buf_add_hint(&msg, k->text, names, nspecs);
	tree_error(c, k, "%s", msg.data);
	buf_release(&msg);
	free(names);
}

void tree_check_keys(const struct tree_check *c, const struct ynode *map,
		     const struct key_spec *specs, size_t nspecs,
		     const char *what)
{
	size_t i, j;

	tree_check_open_keys(c, map, what);
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];

		if (k->kind == YNODE_SCALAR &&
		    !find_spec(specs, nspecs, k->text))
			report_unknown_key(c, k, specs, nspecs, what);
	}
	for (j = 0; j < nspecs; j++)
		if (specs[j].required && !ynode_get(map, specs[j].name))
			tree_error(c, map, "%s is missing required key '%s'",
				   what, specs[j].name);
}

void tree_check_empty_values(const struct tree_check *c,
			     const struct ynode *map, const char *what)
{
	size_t i;

	for (i = 0; i + 1 < map->count; i += 2)
		if (map->items[i]->kind == YNODE_SCALAR &&
		    ynode_is_empty(map->items[i + 1]))
			tree_error(c, map->items[i], "'%s' of %s must not be "
				   "empty", map->items[i]->text, what);
}

/* ---- typed values ----------------------------------------------------- */

const struct ynode *tree_value(const struct ynode *map, const char *key)
{
	const struct ynode *n = ynode_get(map, key);

	return ynode_is_empty(n) ? NULL : n;
}

const struct ynode *tree_get_kind(const struct tree_check *c,
				  const struct ynode *map, const char *key,
				  enum ynode_kind kind)
{
	const struct ynode *n = tree_value(map, key);
	struct buf what = BUF_INIT;

	if (!n || n->kind == kind)
		return n;
	buf_addf(&what, "'%s'", key);
	tree_expect_kind(c, n, kind, what.data);
	buf_release(&what);
	return NULL;
}

char *tree_get_text(const struct tree_check *c, const struct ynode *map,
		    const char *key, const char *what)
{
	const struct ynode *n = tree_value(map, key);

	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		tree_error(c, n, "'%s' of %s must be text, not %s", key, what,
			   ynode_kind_name(n));
		return NULL;
	}
	if (!*n->text) {
		tree_error(c, n, "'%s' of %s must not be empty", key, what);
		return NULL;
	}
	if (!ynode_is_string(n)) {
		tree_error(c, n, "'%s' of %s contains a NUL character", key,
			   what);
		return NULL;
	}
	return xstrdup(n->text);
}

char *tree_get_id(const struct tree_check *c, const struct ynode *map,
		  const char *key, const char *what)
{
	const struct ynode *n = tree_value(map, key);

	if (!n)
		return NULL;
	if (n->kind != YNODE_SCALAR) {
		tree_error(c, n, "'%s' of %s must be an id, not %s", key, what,
			   ynode_kind_name(n));
		return NULL;
	}
	if (!id_is_valid(n->text) || !ynode_is_string(n)) {
		tree_error(c, n, "invalid id '%s' (ids are lowercase letters, "
			   "digits, '_', '.' and '-', starting with a letter "
			   "or digit)", n->text);
		return NULL;
	}
	return xstrdup(n->text);
}

int tree_get_number(const struct tree_check *c, const struct ynode *map,
		    const char *key, double min, double max, double *out)
{
	const struct ynode *n = tree_value(map, key);
	double v;

	if (!n)
		return 0;
	if (n->kind != YNODE_SCALAR) {
		tree_error(c, n, "'%s' must be a number, not %s", key,
			   ynode_kind_name(n));
		return -1;
	}
	if (parse_number(n->text, &v) < 0) {
		tree_error(c, n, "'%s' must be a number, not '%s'", key,
			   n->text);
		return -1;
	}
	if (v < min || v > max) {
		tree_error(c, n, "'%s' must be between %g and %g, not %g", key,
			   min, max, v);
		return -1;
	}
	*out = v;
	return 0;
}

int tree_get_bool(const struct tree_check *c, const struct ynode *map,
		  const char *key, int *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	const struct ynode *n = tree_value(map, key);
	size_t i;

	if (!n)
		return 0;
	for (i = 0; n->kind == YNODE_SCALAR && i < ARRAY_SIZE(yes); i++) {
		if (!strcasecmp(n->text, yes[i]) ||
		    !strcasecmp(n->text, no[i])) {
			*out = !strcasecmp(n->text, yes[i]);
			return 0;
		}
	}
	tree_error(c, n, "'%s' must be true or false", key);
	return -1;
}

int tree_get_enum(const struct tree_check *c, const struct ynode *map,
		  const char *key, const char *const *names, size_t count,
		  int fallback)
{
	const struct ynode *n = tree_value(map, key);
	struct buf msg = BUF_INIT;
	const char *sep = "";
	size_t i;

	if (!n)
		return fallback;
	for (i = 0; n->kind == YNODE_SCALAR && i < count; i++)
		if (names[i] && *names[i] && !strcmp(n->text, names[i]))
			return (int)i;
	buf_addf(&msg, "unknown %s '%s' (expected one of: ", key,
		 n->kind == YNODE_SCALAR ? n->text : "?");
	for (i = 0; i < count; i++) {
		if (!names[i] || !*names[i])
			continue;
		buf_addf(&msg, "%s%s", sep, names[i]);
		sep = ", ";
	}
	buf_adds(&msg, ")");
	tree_error(c, n, "%s", msg.data);
	buf_release(&msg);
	return -1;
}
