/*
 * assessment.h - opening an assessment for a command: the questionnaire,
 * the answers given to it and their score, each input read and parsed
 * once.
 *
 * Commands never call each other: what several of them do before their own
 * work (find the questionnaire an answers file was given to, load it, load
 * the answers, score them) is here, below all of them, as git's setup.c
 * serves every builtin.  Unlike the loaders these functions print what went
 * wrong to stderr (diagnostics with their places, then a message): they are
 * the commands' setup, and every command would print the same.
 */
#ifndef CTO_ASSESSMENT_H
#define CTO_ASSESSMENT_H

#include "answers.h"
#include "buf.h"
#include "model.h"
#include "report.h"
#include "strmap.h"

/* The questionnaire -q names when it is not given. */
#define DEFAULT_QUESTIONNAIRE "cto-readiness"

/* Where the questionnaire of an assessment comes from without -q. */
enum assessment_lookup {
	/* The one the answers file names: the path it records (as written,
	 * then relative to the answers file), else its id looked up as
	 * questionnaire_resolve() does.  A file that names none is an error
	 * that asks for -q. */
	ASSESSMENT_NAMED_BY_ANSWERS,
	/* The default questionnaire (run: a new or pre-filled assessment). */
	ASSESSMENT_DEFAULT
};

/*
 * An open assessment owns its questionnaire and its answers; the report is
 * filled in by assessment_score().  assessment_release() frees it all.
 */
struct assessment {
	struct questionnaire *questionnaire; /* NULL until loaded */
	int borrowed;        /* the questionnaire belongs to a cache */
	struct answers answers;              /* valid when has_answers */
	int has_answers;
	int invalid_answers;                 /* the answers file was the problem */
	struct report report;                /* valid when scored */
	int scored;
};

/*
 * Opens the assessment of the answers file at path (NULL: new, empty
 * answers) with the questionnaire qarg names (-q: a file, a directory or a
 * name), else the one lookup says.  Returns 0, or -1 after printing why,
 * with as->invalid_answers set when the answers file was the problem.
 * as needs assessment_release() in both cases.
 */
int assessment_open(struct assessment *as, const char *path, const char *qarg,
		    enum assessment_lookup lookup);

/*
 * Questionnaires loaded once for many assessments in one process (report
 * of several files, merge, portfolio), by the real path of the file or
 * directory they were loaded from.  The cache owns them;
 * questionnaire_cache_release() frees them.
 */
struct questionnaire_cache {
	struct strmap index;  /* real path -> struct questionnaire * */
	struct questionnaire **items;
	char **keys;          /* the index's keys, owned */
	size_t count, alloc;
};

#define QUESTIONNAIRE_CACHE_INIT { STRMAP_INIT, NULL, NULL, 0, 0 }

void questionnaire_cache_release(struct questionnaire_cache *cache);

/*
 * As assessment_open(), the questionnaire taken from cache when it was
 * loaded before, else loaded and kept there: the assessment borrows it
 * (cache NULL: the assessment owns it, as assessment_open() does).
 */
int assessment_open_cached(struct assessment *as, const char *path,
			   const char *qarg, enum assessment_lookup lookup,
			   struct questionnaire_cache *cache);

/*
 * The name of an assessment's file, for a respondent who does not say
 * theirs and for a report's directory: the file's name without its
 * directory and extension, or for a file named answers.* (what run
 * writes) the name of its directory.  Newly allocated.
 */
char *assessment_file_name(const char *path);

/* Scores the answers once into as->report; later calls change nothing. */
void assessment_score(struct assessment *as);

/* The same with a consultant's additions (report_init_with(); in may be
 * NULL). */
void assessment_score_with(struct assessment *as,
			   const struct report_inputs *in);

void assessment_release(struct assessment *as);

/*
 * Finds and loads the questionnaire qarg names (NULL: the default), printing
 * why when it cannot.  Returns it (caller owns, questionnaire_free()) or
 * NULL.
 */
struct questionnaire *assessment_load_questionnaire(const char *qarg);

/*
 * Finds the questionnaire named by a -q argument (NULL for the default) and
 * returns a newly allocated path, or NULL with a message in err.  Lookup
 * order, documented in cto-assess(1): an existing file or directory named by
 * arg; then, for a bare name, NAME.yaml in the directories of
 * questionnaire_search_dirs(), in order.
 */
char *questionnaire_resolve(const char *arg, struct buf *err);

/*
 * Where a bare name is looked for, in order: $CTO_ASSESS_QUESTIONNAIRES,
 * $XDG_DATA_HOME/cto-assess/questionnaires (~/.local/share/... by
 * default), questionnaires/ beside the executable (a checkout), and the
 * installed data directory.  A NULL-terminated list in static storage.
 */
const char *const *questionnaire_search_dirs(void);

/*
 * Appends "NAME<TAB>PATH" for every questionnaire a bare name finds, one
 * a line, the first of each name only (as -q NAME takes it): what shell
 * completion offers for -q.
 */
void questionnaire_list_names(struct buf *out);

#endif
