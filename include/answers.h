/*
 * answers.h - the answers of one assessment, and the answers file.
 *
 * The answers file (JSON, schema "cto-assess/answers/1") is the one record
 * of an assessment; see cto-assess(1), section ANSWERS FILE.  A struct
 * answers belongs to one loaded questionnaire: items[] is indexed by
 * question->index.  It owns its items, strings and orphans; answers_release()
 * frees them.  The questionnaire must outlive it.
 */
#ifndef CTO_ANSWERS_H
#define CTO_ANSWERS_H

#include <stddef.h>

#include "answer.h"
#include "buf.h"
#include "diag.h"
#include "model.h"
#include "yamltree.h"

struct cJSON;

#define ANSWERS_SCHEMA "cto-assess/answers/1"

/*
 * Who gave answers: the respondent of a file (`respondent: {name, role}`,
 * `run --respondent`), or one of the respondents of a merged assessment
 * (`respondents: [...]`, written by `cto-assess merge`), who also has
 * answers of their own.  A respondent owns its strings, items and orphans.
 */
struct respondent {
	char *name;           /* never NULL in a respondent that is set */
	char *role;           /* may be NULL */
	char *source;         /* the file it was merged from, may be NULL */
	char *completed_at;   /* may be NULL */
	/* A merged respondent's own answers: questionnaire->nquestions
	 * entries by question index, and the answers (and notes) to ids the
	 * questionnaire does not have, kept as for the file; NULL for the
	 * respondent of a single file. */
	struct answer *items;
	struct cJSON *orphans;
};

/*
 * How the answers of several respondents became one per question
 * (`cto-assess merge`, merge.h): the most cautious answer, or the median one.
 */
enum merge_rule { MERGE_CAUTIOUS, MERGE_MEDIAN, MERGE_RULE_COUNT };
extern const char *const merge_rule_names[MERGE_RULE_COUNT];

/*
 * Respondents disagree on a question when their question scores (0-1)
 * differ by more than this, unless the merged file says otherwise.
 */
#define MERGE_DEFAULT_THRESHOLD 0.4

struct answers {
	const struct questionnaire *questionnaire;
	char *questionnaire_id;      /* as recorded in the file */
	char *questionnaire_version;
	char *questionnaire_hash;
	char *questionnaire_path;    /* may be NULL */
	char *created_at;            /* ISO 8601 UTC, e.g. 2026-11-28T09:30:00Z */
	char *updated_at;
	char *completed_at;          /* NULL until the review step is done */
	struct answer *items;        /* questionnaire->nquestions entries */
	size_t nitems;
	/*
	 * Answers to question ids this questionnaire does not have (it changed
	 * since): kept aside and written back, never dropped silently.  A cJSON
	 * object owned by this struct, or NULL.
	 */
	struct cJSON *orphans;
	/* Who answered, when the file says (respondent.name NULL: not said). */
	struct respondent respondent;
	/* A merged assessment: every respondent with their own answers (items
	 * above are the merged ones), the rule and the disagreement threshold
	 * it was merged with.  nrespondents is 0 otherwise. */
	struct respondent *respondents;
	size_t nrespondents;
	enum merge_rule merge_rule;
	double merge_threshold;
};

/* The time now as ISO 8601 UTC ("2026-11-28T09:30:00Z"), newly allocated. */
char *answers_now(void);

/* Empty answers for q, with created_at set to now. */
void answers_init(struct answers *a, const struct questionnaire *q);
void answers_release(struct answers *a);

/* The answer to question (never NULL). */
struct answer *answers_get(struct answers *a, const struct question *question);
const struct answer *answers_get_const(const struct answers *a,
				       const struct question *question);
/* The answer to question id, or NULL when the id is unknown. */
const struct answer *answers_find(const struct answers *a, const char *id);

/*
 * Whether question is asked, given the answers so far: its condition holds
 * (a question without `when` is always asked).  A condition sees only the
 * answers of questions that apply themselves: an answer kept from before a
 * profile change that ruled its question out counts as no answer.  Costs a
 * pass over the earlier questions; answers_applicability() does all of them
 * in one pass.
 */
int answers_applies(const struct answers *a, const struct question *question);

/* Sets applies[i] for every question i (nitems entries, caller's array). */
void answers_applicability(const struct answers *a, unsigned char *applies);

/*
 * The answers file.  answers_save() writes a JSON file atomically (temp file,
 * fsync, rename; FILE_WRITE_FORCE is implied: a session file is rewritten
 * after every answer), then removes its journal (see answers_record).
 * answers_load() reads a JSON or YAML answers file (YAML when the name ends
 * in .yaml or .yml) for questionnaire q into a, which it initialises, and
 * replays its journal; every invalid answer is a diagnostic with its
 * file:line:col (JSON places are found by the loader's own scan).  Answers
 * to ids that q does not have go to a->orphans with a warning.  Returns 0,
 * or -1 with errors in diags (a is then released).  The same as
 * answers_file_open(), answers_file_load() and answers_file_release().
 */
int answers_save(const struct answers *a, const char *path, struct buf *err);
int answers_load(struct answers *a, const struct questionnaire *q,
		 const char *path, struct diag_list *diags);

/*
 * The journal of a session, beside its snapshot: answers_record() appends
 * the current answer and note of question index (with a->updated_at) to
 * "PATH.journal" as one line of JSON,
 *
 *   {"question": "mfa", "answer": "yes", "note": null,
 *    "updated_at": "2026-11-28T09:52:41Z"}
 *
 * with one write() and an fsync() (the file is created 0600), so that
 * saving an answer costs the same however long the questionnaire.  Loading
 * (answers_file_load, answers_load) replays the journal after the snapshot:
 * each entry is checked like an answer in the file, with errors at
 * PATH.journal:LINE:COL, and replaces that question's answer and note (null
 * clears them); a torn last line, which a crash in the middle of a write
 * leaves, is ignored with a warning.  answers_save() empties and removes
 * the journal once the new snapshot is durable.  Call answers_save() once
 * to create the snapshot, then answers_record() after each answer (having
 * set a->updated_at), and answers_save() again at the end (or whenever a
 * change touches more than one question).  Returns 0, or -1 with a message
 * in err (the journal then holds what it held before).
 */
int answers_record(const struct answers *a, const char *path, size_t index,
		   struct buf *err);

/*
 * An answers file parsed once: its positioned tree and the questionnaire it
 * names, so that a caller can find and load that questionnaire and then read
 * the answers without opening the file again.  It owns its tree;
 * answers_file_release() frees it.  questionnaire_id and questionnaire_path
 * point into the tree (NULL when absent or not text).
 */
struct answers_file {
	char *path;
	struct yaml_tree tree;
	const char *questionnaire_id;   /* may be NULL; points into tree */
	const char *questionnaire_path; /* may be NULL; points into tree */
};

/*
 * Reads and parses the answers file at path (JSON, or YAML when the name ends
 * in .yaml or .yml) into f.  Returns 0, or -1 with a diagnostic in diags;
 * f needs answers_file_release() in both cases.
 */
int answers_file_open(struct answers_file *f, const char *path,
		      struct diag_list *diags);

/*
 * Checks the answers of an open file against questionnaire q and reads them
 * into a, which it initialises; see answers_load().  f is not changed and
 * may be loaded again.  Returns 0, or -1 with errors in diags (a is then
 * released).
 */
int answers_file_load(const struct answers_file *f, struct answers *a,
		      const struct questionnaire *q, struct diag_list *diags);

void answers_file_release(struct answers_file *f);

/*
 * Appends the answer as a reader sees it: the choice label(s) joined by
 * "; " ("None of these" for an empty multi answer), a number with its unit
 * or scale and its band's label, the text, or "Skipped", "Don't know",
 * "Not answered".  Text is appended raw: the caller sanitises or escapes it
 * for where it goes.
 */
void answer_describe(struct buf *out, const struct question *question,
		     const struct answer *answer);

/* The answers as the JSON document written by answers_save (caller owns). */
struct cJSON *answers_to_json(const struct answers *a);

/*
 * Respondents (answers_team.c).  respondent_parse() reads "NAME, ROLE" (the
 * role after the first comma, optional; spaces around each trimmed) into
 * r, which it initialises; returns 0, or -1 with a message in err when the
 * name is empty.  respondent_label() appends "NAME (ROLE)" or "NAME", raw.
 * respondent_copy() makes dst (initialised) a copy of src's strings, and
 * of its items when items is not NULL (nitems of them).
 */
int respondent_parse(struct respondent *r, const char *arg, struct buf *err);
void respondent_label(struct buf *out, const struct respondent *r);
void respondent_copy(struct respondent *dst, const struct respondent *src,
		     size_t nitems);
void respondent_release(struct respondent *r, size_t nitems);

/* Whether a is a merged assessment: it holds its respondents' answers. */
int answers_is_merged(const struct answers *a);

#endif
