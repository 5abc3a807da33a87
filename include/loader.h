/*
 * loader.h - reading questionnaires from YAML files (libyaml).
 *
 * The loader either returns a complete, checked struct questionnaire or NULL
 * with every problem it found added to diags (file:line:col, 1-based).
 * Warnings may be added in both cases.  It never prints and never exits.
 */
#ifndef CTO_LOADER_H
#define CTO_LOADER_H

#include "diag.h"
#include "model.h"

/* Files larger than this are refused before parsing. */
#define LOADER_MAX_FILE_SIZE (16u * 1024 * 1024)
/* Deeper YAML nesting is refused (the format needs at most about 8). */
#define LOADER_MAX_DEPTH 64
/* More files than this in one questionnaire (through include:) are refused. */
#define LOADER_MAX_FILES 256

/*
 * Loads the questionnaire at path.  A file is loaded as a root; a directory
 * must hold exactly one root file (a YAML file with a top-level `id`).
 * Returns the questionnaire (owned by the caller, questionnaire_free()) or
 * NULL with errors in diags.
 */
struct questionnaire *questionnaire_load(const char *path,
					 struct diag_list *diags);

/*
 * Lists the root questionnaire files directly in directory dir, sorted by
 * name, into a NULL-terminated array of paths owned by the caller (free each
 * and the array).  Files without a top-level `id` (fragments) are listed in
 * *fragments when fragments is not NULL.  Returns -1 with a diagnostic when
 * the directory cannot be read.
 */
int questionnaire_find_roots(const char *dir, char ***roots,
			     char ***fragments, struct diag_list *diags);

/*
 * Whether path is a root questionnaire (a YAML mapping with a top-level
 * `id`) rather than a fragment of areas.  A file that does not parse counts
 * as a root, so that loading it reports its errors.
 */
int questionnaire_is_root(const char *path);

/*
 * Checks a fragment file (a file of areas meant for include:) on its own,
 * and counts the areas and questions it holds.  Returns 0 when valid.
 */
int questionnaire_check_fragment(const char *path, struct diag_list *diags,
				 size_t *nareas, size_t *nquestions);

#endif
