/*
 * treecheck.h - checking the positioned trees of yamltree.h.
 *
 * The questionnaire loader and the answers file read the same kind of tree
 * and make the same kinds of mistakes in it: a value of the wrong kind, a
 * key written twice, a key nobody knows, a required key left out.  The
 * checks and their wording live here once, so that a mistake reads the same
 * in both ("unknown key 'wieght' in an area (did you mean 'weight'?)").
 *
 * A struct tree_check names the diagnostics list and the file being read
 * (the name used in messages); it owns neither.  Every check adds its
 * diagnostics at the node's place (1-based line and column).  Strings that
 * the tree_get_* functions return are newly allocated and owned by the
 * caller.  Nothing here prints or exits.
 */
#ifndef CTO_TREECHECK_H
#define CTO_TREECHECK_H

#include <stddef.h>

#include "diag.h"
#include "yamltree.h"

struct tree_check {
	struct diag_list *diags;
	const char *file;
};

/* One row of a mapping's key table. */
struct key_spec {
	const char *name;
	int required;
};

/* Adds a diagnostic at n's place (file only when n is NULL). */
void tree_report(const struct tree_check *c, enum diag_severity severity,
		 const struct ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tree_error(const struct tree_check *c, const struct ynode *n,
		const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void tree_warning(const struct tree_check *c, const struct ynode *n,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * What a scalar is as data, by YAML 1.2's core schema: a quoted scalar is
 * text; a plain one is null (nothing, ~, null, Null, NULL), a boolean
 * (true, false and their capitalised forms), a decimal number, or else
 * text.  A JSON tree (jsontree.h) gives the same answers for its values.
 * Lists and mappings are YVALUE_OTHER.
 */
enum yvalue_type {
	YVALUE_NULL,
	YVALUE_BOOL,
	YVALUE_NUMBER,
	YVALUE_TEXT,
	YVALUE_OTHER
};
enum yvalue_type ynode_value_type(const struct ynode *n);

/* A plain scalar with nothing in it: `key:` with no value. */
int ynode_is_empty(const struct ynode *n);

/* A scalar that can be a C string: it holds no NUL byte. */
int ynode_is_string(const struct ynode *n);

/*
 * Whether n is of kind; otherwise reports "WHAT must be a list, not a
 * scalar" and returns -1.
 */
int tree_expect_kind(const struct tree_check *c, const struct ynode *n,
		     enum ynode_kind kind, const char *what);

/*
 * Checks the keys of a mapping whose keys are data (question ids, stages):
 * each must be text, and none may be written twice.  what names the
 * mapping in messages ("'answers'").
 */
void tree_check_open_keys(const struct tree_check *c, const struct ynode *map,
			  const char *what);

/*
 * Checks a mapping's keys against its table: as tree_check_open_keys(), and
 * every key must be in specs (else an error with a hint at the closest) and
 * every required key present (written, even if with an empty value).
 */
void tree_check_keys(const struct tree_check *c, const struct ynode *map,
		     const struct key_spec *specs, size_t nspecs,
		     const char *what);

/*
 * Reports every empty value of a mapping ("'weight' of an area must not be
 * empty"), at its key: for a format where every value is text and an empty
 * one is a mistake (the questionnaire), not for YAML's own types, where it
 * is null (the answers file).
 */
void tree_check_empty_values(const struct tree_check *c,
			     const struct ynode *map, const char *what);

/*
 * The value under key in map, or NULL when the key is absent or its value
 * empty (which tree_check_empty_values() reports).  ~ and null are values
 * like any other here: the text "~" and "null".
 */
const struct ynode *tree_value(const struct ynode *map, const char *key);

/*
 * The list or mapping under key in map, or NULL when the key is absent or
 * its value empty; a value of another kind is reported ("'bands' must be a
 * list, not a scalar") and NULL returned.
 */
const struct ynode *tree_get_kind(const struct tree_check *c,
				  const struct ynode *map, const char *key,
				  enum ynode_kind kind);

/*
 * Typed values of a mapping.  Each returns "absent" (NULL, or leaves *out)
 * when the key is absent, and reports a value of the wrong type; what names
 * the mapping ("a question").
 *
 * tree_get_text: non-empty text without NUL bytes (caller frees);
 * tree_get_id: a valid id, see id_is_valid() (caller frees);
 * tree_get_number: a number in [min, max]; 0, or -1 after an error;
 * tree_get_bool: true/yes/on or false/no/off, any case; 0 or -1;
 * tree_get_enum: one of names[] (an empty or NULL name never matches): its
 * index, fallback when absent, or -1 after an error.
 */
char *tree_get_text(const struct tree_check *c, const struct ynode *map,
		    const char *key, const char *what);
char *tree_get_id(const struct tree_check *c, const struct ynode *map,
		  const char *key, const char *what);
int tree_get_number(const struct tree_check *c, const struct ynode *map,
		    const char *key, double min, double max, double *out);
int tree_get_bool(const struct tree_check *c, const struct ynode *map,
		  const char *key, int *out);
int tree_get_enum(const struct tree_check *c, const struct ynode *map,
		  const char *key, const char *const *names, size_t count,
		  int fallback);

#endif
