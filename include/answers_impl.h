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

#endif
