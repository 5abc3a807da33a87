/*
 * loader_impl.h - what the files of the questionnaire loader share; private
 * to src/loader*.c (everyone else includes loader.h).
 *
 * loader.c reads the files (includes, areas, levels, initiatives, the
 * metadata) and holds the entry points; loader_question.c reads one
 * question with its choices and bands; loader_check.c is the second pass,
 * over the merged questionnaire.  A struct loader lives for one load; it
 * owns the areas and streamed questions it holds until they move into the
 * questionnaire (loader_release() frees what is left), never the
 * questionnaire itself.
 */
#ifndef CTO_LOADER_IMPL_H
#define CTO_LOADER_IMPL_H

#include <stddef.h>

#include "loader.h"
#include "model.h"
#include "treecheck.h"
#include "yamltree.h"

/* Where a root key that the second pass checks was written. */
struct root_refs {
	struct srcpos stage, name, team_size;
};

/*
 * An `initiative:` of a question, choice or band, checked in the second
 * pass once every file's initiatives are known.  The id is a copy: an
 * include filter may drop the question that holds the original.
 */
struct initiative_ref {
	char *id;
	struct srcpos pos;
};

struct loader {
	struct tree_check tc;     /* the diagnostics, and the file being read
				     (owned by q->files) */
	struct questionnaire *q;
	const char *stack[LOADER_MAX_FILES]; /* real paths of open files */
	size_t depth;
	size_t files_read;
	struct area *areas;       /* merged areas */
	size_t nareas, areas_alloc;
	struct root_refs refs;
	/* Initiatives as read from every file, and the references to them;
	 * the second pass moves the first into the questionnaire. */
	struct initiative *initiatives;
	size_t ninitiatives, initiatives_alloc;
	struct initiative_ref *initiative_refs;
	size_t nrefs, refs_alloc;
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

/*
 * Checks a mapping of the format against its key table (tree_check_keys)
 * and refuses empty values: every value of the format is text that means
 * something, and an empty one is a mistake.
 */
void loader_check_keys(struct loader *l, const struct ynode *map,
		       const struct key_spec *specs, size_t nspecs,
		       const char *what);

/* The place of node n in the file being read. */
struct srcpos loader_pos(const struct loader *l, const struct ynode *n);

/*
 * Reads the `initiative:` of map (a question, choice or band named by
 * what), an id, and notes the reference for the second pass.  Returns a
 * copy (the caller owns it) or NULL.
 */
char *loader_initiative_ref(struct loader *l, const struct ynode *map,
			    const char *what);

/*
 * Reads the question mapping n into q (which it initialises); every problem
 * is a diagnostic, and q holds what could be read.
 */
void loader_load_question(struct loader *l, const struct ynode *n,
			  struct question *q);

/*
 * The second pass: indexes the merged areas and questions into l->q and
 * checks the questionnaire as a whole (unique ids, scoring, root
 * references, targets, conditions).  For a fragment (l->fragment) only what
 * a fragment can know is checked.
 */
void loader_check(struct loader *l);

#endif
