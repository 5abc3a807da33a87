/*
 * import.h - turning existing frameworks (OWASP SAMM, AWS Well-Architected
 * custom lenses) into questionnaire directories.
 *
 * An importer reads its source into a struct import_questionnaire, a plain
 * description of the questionnaire to write (not the loader's model: it
 * carries what the files will say, not what a loaded questionnaire means),
 * reporting every problem of the source as a diagnostic with its place.
 * import_render() then turns it into files (a root file and one file of
 * areas per area, each with a header comment naming the source) written with
 * libyaml's emitter, and import_write() puts them on disk.
 *
 * Ownership: an import_questionnaire owns every string and array it points
 * to (all allocated with the x* allocators); import_questionnaire_release()
 * frees them.  Importers fill it with the import_*_add() helpers, which
 * return a zeroed element owned by its parent.  Nothing here prints or
 * exits.
 */
#ifndef CTO_IMPORT_H
#define CTO_IMPORT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "treecheck.h"
#include "yamltree.h"

/* A link shown in reports: title and an http or https URL. */
struct import_reference {
	char *title;
	char *url;
};

struct import_choice {
	char *id;
	char *label;
	int has_score;
	double score;
	const char *risk;  /* "low", "medium", "high" (static), or NULL to
			      let the score decide */
	char *advice;      /* may be NULL */
	int exclusive;     /* "none of these": cannot be ticked with others */
	struct import_reference *refs;
	size_t nrefs, refs_alloc;
};

/* One of a question's ordered rules: the first whose condition holds
 * gives the answer's risk and score. */
struct import_rule {
	char *when;        /* a condition in cto-assess's language */
	const char *risk;  /* "none", "low", "medium", "high" (static) */
	double score;
};

struct import_question {
	char *id;
	char *text;
	char *help;        /* may be NULL */
	const char *type;  /* "single" or "multi" (static) */
	char *advice;      /* may be NULL */
	struct import_choice *choices;
	size_t nchoices, choices_alloc;
	struct import_rule *rules;
	size_t nrules, rules_alloc;
	struct import_reference *refs;
	size_t nrefs, refs_alloc;
};

struct import_area {
	char *id;
	char *title;
	char *description; /* may be NULL */
	double weight;
	char *file;        /* the file of areas it is written to, relative to
			      the root file */
	struct import_question *questions;
	size_t nquestions, questions_alloc;
};

struct import_level {
	char *id;
	char *name;
	double min;
	char *description; /* may be NULL */
};

struct import_questionnaire {
	char *id;
	char *title;
	char *version;
	char *description; /* may be NULL */
	char *author;      /* may be NULL */
	struct import_level *levels; /* none: the default levels */
	size_t nlevels, levels_alloc;
	struct import_area *areas;
	size_t nareas, areas_alloc;
	/* For the header comment of every file written. */
	char *source;      /* what was imported, e.g. "OWASP SAMM core model" */
	char *source_path; /* the file or directory read */
	char *licence;
};

struct import_area *import_area_add(struct import_questionnaire *q);
struct import_question *import_question_add(struct import_area *a);
struct import_choice *import_choice_add(struct import_question *q);
struct import_rule *import_rule_add(struct import_question *q);
struct import_level *import_level_add(struct import_questionnaire *q);
/* Appends a reference (copies title and url) unless url is already there. */
void import_reference_add(struct import_reference **refs, size_t *count,
			  size_t *alloc, const char *title, const char *url);

void import_questionnaire_release(struct import_questionnaire *q);

/* What the command line lets the user say about the source. */
struct import_options {
	int strict;                 /* note every key that is ignored */
	const char *source_version; /* the source's release, or NULL */
	const char *licence;        /* the source's licence, or NULL */
};

/*
 * Reads the OWASP SAMM core model in dir (the repository, or its model/
 * directory) into q.  Returns 0, or -1 with every problem in diags; notes
 * (unknown keys, with opts->strict) may be added in both cases.  q must be
 * zeroed; it is filled even on failure and must be released.
 */
int import_samm(const char *dir, const struct import_options *opts,
		struct import_questionnaire *q, struct diag_list *diags);

/* The same for an AWS Well-Architected custom lens (a JSON file). */
int import_aws_lens(const char *file, const struct import_options *opts,
		    struct import_questionnaire *q, struct diag_list *diags);

/* One file to write: path relative to the output directory. */
struct import_file {
	char *path;
	struct buf data;
};

struct import_files {
	struct import_file *items; /* items[0] is the root file */
	size_t count, alloc;
};

/*
 * Renders q as files: the root file (named after q->id) and one file of
 * areas per distinct area file.  Returns 0, or -1 with a message in err.
 * The caller releases files with import_files_release().
 */
int import_render(const struct import_questionnaire *q,
		  struct import_files *files, struct buf *err);
void import_files_release(struct import_files *files);

/*
 * Writes files into the directory outdir.  A directory that does not exist
 * is written whole in a temporary directory beside it and renamed into
 * place, so it appears complete or not at all.  Into an existing directory
 * each file is written atomically (file_write_atomic()); without force
 * nothing is written when any of them exists.  A questionnaire is not
 * private: new files and directories get the usual modes (0666 and 0777
 * less the umask).
 * Returns 0, or -1 with a message in err.
 */
int import_write(const struct import_files *files, const char *outdir,
		 int force, struct buf *err);

/* ---- for the importers ------------------------------------------------ */

/*
 * Where diagnostics go (treecheck.h: tree_error() and the like report at a
 * node's place), whether to note ignored keys, and whether the source is
 * JSON (text must be a string there, not a number or true).
 */
struct import_ctx {
	struct tree_check tc;
	int strict;
	int json;
};

/*
 * Checks a mapping's keys as tree_check_open_keys() does (duplicates,
 * keys that are not text); keys not in known[] are ignored, with a note
 * (and a hint when a known key is close) when c->strict.  what names the
 * mapping in messages ("a stream").
 */
void import_check_keys(struct import_ctx *c, const struct ynode *map,
		       const char *const *known, size_t nknown,
		       const char *what);

/* The value under key, or NULL when absent or null (nothing, ~, null:
 * see ynode_value_type()). */
const struct ynode *import_get(const struct ynode *map, const char *key);

/*
 * The text under key: a scalar (a JSON string), not empty.  Returns NULL
 * when absent (with an error when required) or not text (with an error).
 * An empty optional text ("url": "") counts as absent.  The result points
 * into the tree.
 */
const char *import_text(struct import_ctx *c, const struct ynode *map,
			const char *key, const char *what, int required);

/* The number under key into *out (tree_get_number()); returns 0, 1 when
 * absent (an error when required) or -1 after an error. */
int import_number(struct import_ctx *c, const struct ynode *map,
		  const char *key, const char *what, int required,
		  double *out);

/* The list under key, or NULL when absent (an error when required) or not
 * a list (an error). */
const struct ynode *import_list(struct import_ctx *c, const struct ynode *map,
				const char *key, const char *what,
				int required);

/*
 * An id made from text: lowercase ASCII letters and digits, runs of other
 * characters turned into one '-' (ASCII '_' and '.' are kept), at most 64
 * bytes cut at a '-' where possible, never empty (NULL when nothing is
 * left).  Newly allocated.
 */
char *import_slug(const char *text);


#endif
