/*
 * answers_impl.h - what the files of the answers file share; private to
 * src/answers_*.c (everyone else includes answers.h).
 *
 * answers_file.c reads an answers file (and replays its journal);
 * answers_write.c writes it (the snapshot, and the journal's entries).
 */
#ifndef CTO_ANSWERS_IMPL_H
#define CTO_ANSWERS_IMPL_H

#include <stddef.h>

#include "answer.h"
#include "answers.h"
#include "treecheck.h"
#include "yamltree.h"

struct cJSON;

/* Answers files (and journals) larger than this are refused. */
#define ANSWERS_MAX_FILE_SIZE (16u * 1024 * 1024)

/*
 * The answers that are a status rather than a value, as the file writes
 * them: {"status": "skipped"}; "not_applicable" may carry a "reason".
 */
struct answer_status {
	const char *name;
	enum answer_kind kind;
};

#define ANSWER_NSTATUSES 3
extern const struct answer_status answer_statuses[ANSWER_NSTATUSES];

/* The journal of the answers file at path: "PATH.journal" (caller frees). */
char *answers_journal_path(const char *path);

/*
 * The reader of answers_file.c, for the keys of answers_team.c
 * (respondent, respondents, merge).  answers_read_team() reads them from
 * the root mapping; answers_reader_items() reads the "answers", "notes"
 * and "orphans" of map (a respondent of a merged file) into items, its
 * orphans into *orphans, checked as the file's own are; where names the
 * orphans in warnings ("the 'orphans' of respondent 'Ana'").
 */
struct reader;
const struct tree_check *answers_reader_check(const struct reader *r);
struct answers *answers_reader_answers(struct reader *r);
void answers_reader_items(struct reader *r, const struct ynode *map,
			  struct answer *items, struct cJSON **orphans,
			  const char *where);
void answers_read_team(struct reader *r, const struct ynode *root);

/*
 * Writing (answers_write.c, answers_team.c): answers_items_to_json() adds
 * "answers" and "notes" for items (nitems, by question index of q) to obj;
 * answers_respondent_to_json() adds "respondent" when a names one, and
 * answers_team_to_json() "merge" and "respondents" for a merged
 * assessment.  The parent owns what is added.
 */
void answers_items_to_json(struct cJSON *obj, const struct questionnaire *q,
			   const struct answer *items, size_t nitems);
void answers_respondent_to_json(struct cJSON *root, const struct answers *a);
void answers_team_to_json(struct cJSON *root, const struct answers *a);

/* Frees what answers_team.c reads into a (answers_release calls it). */
void answers_team_release(struct answers *a);

#endif
