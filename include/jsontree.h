/*
 * jsontree.h - a JSON text read into the positioned node tree of yamltree.h.
 *
 * cJSON keeps no places and silently keeps duplicate keys, but the answers
 * loader must point at the line and column of every invalid answer.  So JSON
 * answers files are read by this small strict parser (RFC 8259) into the same
 * struct ynode tree as YAML ones, and one validator serves both formats.
 * Strings become YSTYLE_QUOTED scalars; numbers, true, false and null become
 * YSTYLE_PLAIN scalars holding their literal text.  Lines and columns are
 * 1-based, columns counted in characters.  The tree is released with
 * yaml_tree_release().
 */
#ifndef CTO_JSONTREE_H
#define CTO_JSONTREE_H

#include <stddef.h>

#include "diag.h"
#include "yamltree.h"

/*
 * Parses len bytes of JSON at data into tree; name is used in diagnostics.
 * Returns 0, or -1 with one diagnostic (file:line:col) in diags and an empty
 * tree (which still needs yaml_tree_release()).
 */
int json_tree_parse(struct yaml_tree *tree, const char *name,
		    const char *data, size_t len, struct diag_list *diags);

/*
 * The same for text that starts at line first_line of file name (one line
 * of a JSON Lines file, say), so that places are those of the file.
 */
int json_tree_parse_at(struct yaml_tree *tree, const char *name,
		       const char *data, size_t len, int first_line,
		       struct diag_list *diags);

/* The same for the file at path, refusing files larger than max_size. */
int json_tree_load(struct yaml_tree *tree, const char *path, size_t max_size,
		   struct diag_list *diags);

#endif
