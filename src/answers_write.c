/*
 * answers_write.c - the answers file written: the whole snapshot at once
 * (atomically), or one answer appended to its journal.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "answers.h"
#include "answers_impl.h"
#include "fileio.h"
#include "util.h"

const struct answer_status answer_statuses[ANSWER_NSTATUSES] = {
	{ "skipped", ANSWER_SKIPPED },
	{ "dont_know", ANSWER_DONT_KNOW },
	{ "not_applicable", ANSWER_NOT_APPLICABLE },
};

static void add_string_or_null(cJSON *obj, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(obj, key, s);
	else
		cJSON_AddNullToObject(obj, key);
}

/* The JSON value of one answer, or NULL for ANSWER_NONE (caller owns). */
static cJSON *answer_to_json(const struct answer *ans)
{
	cJSON *v;
	size_t i;

	switch (ans->kind) {
	case ANSWER_CHOICE:
		return cJSON_CreateString(ans->choice);
	case ANSWER_CHOICES:
		v = cJSON_CreateArray();
		for (i = 0; i < ans->nchoices; i++)
			cJSON_AddItemToArray(v, cJSON_CreateString(
						ans->choices[i]));
		return v;
	case ANSWER_NUMBER:
		return cJSON_CreateNumber(ans->number);
	case ANSWER_TEXT:
		return cJSON_CreateString(ans->text);
	default:
		break;
	}
	for (i = 0; i < ANSWER_NSTATUSES; i++) {
		if (answer_statuses[i].kind != ans->kind)
			continue;
		v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "status", answer_statuses[i].name);
		if (ans->kind == ANSWER_NOT_APPLICABLE && ans->text)
			cJSON_AddStringToObject(v, "reason", ans->text);
		return v;
	}
	return NULL;
}

/* The company profile as far as it is answered: name and stage. */
static cJSON *company_to_json(const struct answers *a)
{
	const struct questionnaire *q = a->questionnaire;
	const struct answer *name = NULL, *stage = NULL;
	cJSON *company = cJSON_CreateObject();

	if (q->name_question)
		name = answers_find(a, q->name_question);
	if (q->stage_question)
		stage = answers_find(a, q->stage_question);
	add_string_or_null(company, "name",
			   name && name->kind == ANSWER_TEXT ? name->text
							     : NULL);
	add_string_or_null(company, "stage",
			   stage && stage->kind == ANSWER_CHOICE ? stage->choice
								 : NULL);
	return company;
}

static cJSON *questionnaire_ref_to_json(const struct answers *a)
{
	cJSON *ref = cJSON_CreateObject();

	add_string_or_null(ref, "id", a->questionnaire_id);
	add_string_or_null(ref, "version", a->questionnaire_version);
	add_string_or_null(ref, "hash", a->questionnaire_hash);
	add_string_or_null(ref, "path", a->questionnaire_path);
	return ref;
}

void answers_items_to_json(cJSON *obj, const struct questionnaire *q,
			   const struct answer *items, size_t nitems)
{
	cJSON *values = cJSON_AddObjectToObject(obj, "answers");
	cJSON *notes = cJSON_AddObjectToObject(obj, "notes");
	size_t i;

	for (i = 0; i < q->nquestions && i < nitems; i++) {
		const struct answer *ans = &items[i];
		cJSON *v = answer_to_json(ans);

		if (v)
			cJSON_AddItemToObject(values, q->questions[i]->id, v);
		if (ans->note)
			cJSON_AddStringToObject(notes, q->questions[i]->id,
						ans->note);
	}
}

cJSON *answers_to_json(const struct answers *a)
{
	const struct questionnaire *q = a->questionnaire;
	cJSON *root;

	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "schema", ANSWERS_SCHEMA);
	cJSON_AddItemToObject(root, "questionnaire",
			      questionnaire_ref_to_json(a));
	cJSON_AddItemToObject(root, "company", company_to_json(a));
	answers_respondent_to_json(root, a);
	add_string_or_null(root, "created_at", a->created_at);
	add_string_or_null(root, "updated_at", a->updated_at);
	add_string_or_null(root, "completed_at", a->completed_at);
	answers_items_to_json(root, q, a->items, a->nitems);
	answers_team_to_json(root, a);
	if (a->orphans)
		cJSON_AddItemToObject(root, "orphans",
				      cJSON_Duplicate(a->orphans, 1));
	return root;
}

/* ---- the journal ----------------------------------------------------- */

char *answers_journal_path(const char *path)
{
	struct buf journal = BUF_INIT;

	buf_addf(&journal, "%s.journal", path);
	return buf_detach(&journal, NULL);
}

/*
 * Opens the journal for appending, creating it (0600: it holds the
 * answers) and refusing anything but a regular file.  Returns the
 * descriptor or -1 with a message in err.
 */
static int open_journal(const char *journal, struct buf *err)
{
	struct stat st;
	int fd;

	fd = open(journal, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
		  O_NONBLOCK, 0600);
	if (fd < 0) {
		buf_addf(err, "cannot open '%s': %s", journal, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		buf_addf(err, "'%s' is not a regular file", journal);
		close(fd);
		return -1;
	}
	return fd;
}

/* One entry of the journal, a line of JSON (caller frees). */
static char *journal_entry(const struct answers *a, size_t index)
{
	const struct answer *ans = &a->items[index];
	cJSON *entry = cJSON_CreateObject(), *value = answer_to_json(ans);
	struct buf line = BUF_INIT;
	char *text;

	cJSON_AddStringToObject(entry, "question",
				a->questionnaire->questions[index]->id);
	cJSON_AddItemToObject(entry, "answer",
			      value ? value : cJSON_CreateNull());
	add_string_or_null(entry, "note", ans->note);
	add_string_or_null(entry, "updated_at", a->updated_at);
	/* Unformatted: strings escape their newlines, so it is one line. */
	text = cJSON_PrintUnformatted(entry);
	if (!text)
		die(EXIT_NOMEM, "out of memory");
	buf_adds(&line, text);
	buf_addc(&line, '\n');
	free(text);
	cJSON_Delete(entry);
	return buf_detach(&line, NULL);
}

/*
 * Appends one entry with one write(), so that a crash leaves at most a
 * torn last line (which loading ignores); a short write is cut off again,
 * so that the next entry does not follow half of one.
 */
static int append_entry(int fd, const char *journal, const char *line,
			struct buf *err)
{
	size_t len = strlen(line);
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) < 0) {
		buf_addf(err, "cannot write '%s': %s", journal,
			 strerror(errno));
		return -1;
	}
	do
		n = write(fd, line, len);
	while (n < 0 && errno == EINTR);
	if (n == (ssize_t)len && fsync(fd) == 0)
		return 0;
	buf_addf(err, "cannot write '%s': %s", journal,
		 n < 0 || n == (ssize_t)len ? strerror(errno) :
					      "short write");
	if (n > 0 && n < (ssize_t)len)
		(void)ftruncate(fd, st.st_size);
	return -1;
}

int answers_record(const struct answers *a, const char *path, size_t index,
		   struct buf *err)
{
	char *journal, *line;
	int fd, ret = -1;

	if (index >= a->nitems) {
		buf_addf(err, "no question %zu to record in '%s'", index, path);
		return -1;
	}
	journal = answers_journal_path(path);
	line = journal_entry(a, index);
	fd = open_journal(journal, err);
	if (fd >= 0) {
		ret = append_entry(fd, journal, line, err);
		if (close(fd) < 0 && ret == 0) {
			buf_addf(err, "cannot write '%s': %s", journal,
				 strerror(errno));
			ret = -1;
		}
	}
	free(line);
	free(journal);
	return ret;
}

/*
 * Empties the journal, durably, then removes it: once the snapshot holds
 * everything, an old journal must never be replayed over it, and emptying
 * it with fsync is durable without flushing the directory.
 */
static int remove_journal(const char *path, struct buf *err)
{
	char *journal = answers_journal_path(path);
	int fd, ret = -1;

	fd = open(journal, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 && errno == ENOENT) {
		ret = 0;
		goto out;
	}
	if (fd < 0 || ftruncate(fd, 0) < 0 || fsync(fd) < 0 ||
	    unlink(journal) < 0) {
		buf_addf(err, "cannot remove '%s': %s", journal,
			 strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	free(journal);
	return ret;
}

/* ---- the snapshot ---------------------------------------------------- */

int answers_save(const struct answers *a, const char *path, struct buf *err)
{
	cJSON *json = answers_to_json(a);
	char *text = cJSON_Print(json);
	struct buf data = BUF_INIT;
	int ret;

	if (!text)
		die(EXIT_NOMEM, "out of memory");
	buf_adds(&data, text);
	buf_addc(&data, '\n');
	ret = file_write_atomic(path, data.data, data.len, FILE_WRITE_FORCE,
				err);
	/* Compaction: the snapshot is durable now, the journal redundant. */
	if (ret == 0)
		ret = remove_journal(path, err);
	free(text);
	cJSON_Delete(json);
	buf_release(&data);
	return ret;
}
