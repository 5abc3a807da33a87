/*
 * test_answers.c - the answers file: save, load (JSON and YAML), validation
 * with places, orphans, opening a file once, and the positioned JSON parser under it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <cJSON.h>

#include "answers.h"
#include "buf.h"
#include "fileio.h"
#include "jsontree.h"
#include "loader.h"
#include "util.h"

static const char questionnaire_yaml[] =
	"id: mini\n"
	"title: Mini\n"
	"version: \"1\"\n"
	"name_question: company_name\n"
	"stage_question: stage\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - id: company_name\n"
	"        text: Company name?\n"
	"        type: text\n"
	"      - id: stage\n"
	"        text: Stage?\n"
	"        choices:\n"
	"          - {id: idea, label: Idea}\n"
	"          - {id: seed, label: Seed}\n"
	"  - id: tech\n"
	"    title: Tech\n"
	"    questions:\n"
	"      - id: mfa\n"
	"        text: MFA?\n"
	"        help: Why.\n"
	"        type: yesno\n"
	"      - id: tools\n"
	"        text: Tools?\n"
	"        help: Why.\n"
	"        type: multi\n"
	"        not_applicable: true\n"
	"        choices:\n"
	"          - {id: ci, label: CI, score: 1}\n"
	"          - {id: cd, label: CD, score: 1}\n"
	"          - {id: iac, label: IaC, score: 1}\n"
	"      - id: maturity\n"
	"        text: Maturity?\n"
	"        help: Why.\n"
	"        type: scale\n"
	"        min: 1\n"
	"        max: 5\n"
	"      - id: team_size\n"
	"        text: Team size?\n"
	"        help: Why.\n"
	"        type: number\n"
	"        min: 0\n"
	"        max: 500\n"
	"        dont_know: true\n"
	"        bands:\n"
	"          - {min: 0, score: 0}\n"
	"          - {min: 3, score: 1}\n"
	"      - id: funding\n"
	"        text: Funding?\n"
	"        help: Why.\n"
	"        when: stage == seed\n"
	"        choices:\n"
	"          - {id: none, label: None, score: 0}\n"
	"          - {id: some, label: Some, score: 1}\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
};

static char *path_in(const struct fixture *f, const char *name)
{
	struct buf p = BUF_INIT;

	buf_addf(&p, "%s/%s", f->dir, name);
	return buf_detach(&p, NULL);
}

static void write_file(const struct fixture *f, const char *name,
		       const char *text)
{
	struct buf err = BUF_INIT;
	char *path = path_in(f, name);

	assert_int_equal(file_write_atomic(path, text, strlen(text),
					   FILE_WRITE_FORCE, &err), 0);
	free(path);
	buf_release(&err);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct diag_list diags = DIAG_LIST_INIT;
	char *qpath;

	strcpy(f->dir, "/tmp/test_answers.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	write_file(f, "q.yaml", questionnaire_yaml);
	qpath = path_in(f, "q.yaml");
	f->q = questionnaire_load(qpath, &diags);
	if (!f->q)
		diag_print(&diags, stderr);
	free(qpath);
	diag_list_release(&diags);
	*state = f;
	return f->q ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;

	questionnaire_free(f->q);
	buf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.data) != 0)
		fprintf(stderr, "# cannot remove %s\n", f->dir);
	buf_release(&cmd);
	free(f);
	return 0;
}

/* Loads text written to name; returns the status, diagnostics in diags. */
static int load_text(struct fixture *f, const char *name, const char *text,
		     struct answers *a, struct diag_list *diags)
{
	char *path = path_in(f, name);
	int ret;

	write_file(f, name, text);
	ret = answers_load(a, f->q, path, diags);
	free(path);
	return ret;
}

/* All diagnostics formatted, one per line, without the directory. */
static char *format_diags(const struct fixture *f,
			  const struct diag_list *diags)
{
	struct buf out = BUF_INIT;
	size_t i, dirlen = strlen(f->dir) + 1;

	for (i = 0; i < diags->count; i++) {
		char *line = diag_format(&diags->items[i]);

		buf_addf(&out, "%s\n",
			 strncmp(line, f->dir, dirlen - 1) ? line
							   : line + dirlen);
		free(line);
	}
	return buf_detach(&out, NULL);
}

static const struct question *question(const struct fixture *f,
				       const char *id)
{
	const struct question *qn = questionnaire_question(f->q, id);

	assert_non_null(qn);
	return qn;
}

static void fill_answers(struct fixture *f, struct answers *a)
{
	struct answer *ans;

	answers_init(a, f->q);
	ans = answers_get(a, question(f, "company_name"));
	ans->kind = ANSWER_TEXT;
	ans->text = xstrdup("Acme \"Rockets\"\n\x1b[31mInc");
	ans->note = xstrdup("legal name pending");
	ans = answers_get(a, question(f, "stage"));
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup("seed");
	ans = answers_get(a, question(f, "mfa"));
	ans->kind = ANSWER_SKIPPED;
	ans = answers_get(a, question(f, "tools"));
	ans->kind = ANSWER_CHOICES;
	ans->choices = xcalloc(2, sizeof(char *));
	ans->choices[0] = xstrdup("iac");
	ans->choices[1] = xstrdup("ci");
	ans->nchoices = 2;
	ans = answers_get(a, question(f, "maturity"));
	ans->kind = ANSWER_NUMBER;
	ans->number = 4;
	ans = answers_get(a, question(f, "team_size"));
	ans->kind = ANSWER_DONT_KNOW;
	ans->note = xstrdup("ask the founder");
	free(a->completed_at);
	a->completed_at = xstrdup("2026-11-28T10:00:00Z");
}

static void assert_same_answer(const struct answer *x, const struct answer *y)
{
	size_t i;

	assert_int_equal(x->kind, y->kind);
	if (x->choice || y->choice)
		assert_string_equal(x->choice, y->choice);
	if (x->text || y->text)
		assert_string_equal(x->text, y->text);
	if (x->note || y->note)
		assert_string_equal(x->note, y->note);
	assert_true(x->number == y->number);
	assert_int_equal(x->nchoices, y->nchoices);
	for (i = 0; i < x->nchoices; i++)
		assert_string_equal(x->choices[i], y->choices[i]);
}

static void test_save_load_round_trip(void **state)
{
	struct fixture *f = *state;
	struct answers a, b;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	char *path = path_in(f, "session.json");
	size_t i;

	fill_answers(f, &a);
	assert_int_equal(answers_save(&a, path, &err), 0);
	/* Saving again replaces the file (a session is rewritten often). */
	assert_int_equal(answers_save(&a, path, &err), 0);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_int_equal(diags.count, 0);
	for (i = 0; i < f->q->nquestions; i++)
		assert_same_answer(&a.items[i], &b.items[i]);
	assert_string_equal(b.created_at, a.created_at);
	assert_string_equal(b.completed_at, "2026-11-28T10:00:00Z");
	assert_string_equal(b.questionnaire_hash, f->q->hash);
	assert_null(b.orphans);
	answers_release(&a);
	answers_release(&b);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
}

static void test_json_shape(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	cJSON *json, *ans, *company;

	fill_answers(f, &a);
	json = answers_to_json(&a);
	assert_string_equal(
		cJSON_GetObjectItem(json, "schema")->valuestring,
		"cto-assess/answers/1");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
		json, "questionnaire"), "id")->valuestring, "mini");
	company = cJSON_GetObjectItem(json, "company");
	assert_string_equal(cJSON_GetObjectItem(company, "stage")->valuestring,
			    "seed");
	assert_non_null(strstr(cJSON_GetObjectItem(company, "name")
			       ->valuestring, "Acme"));
	ans = cJSON_GetObjectItem(json, "answers");
	assert_string_equal(cJSON_GetObjectItem(ans, "stage")->valuestring,
			    "seed");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
		ans, "mfa"), "status")->valuestring, "skipped");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
		ans, "team_size"), "status")->valuestring, "dont_know");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(ans, "tools")),
			 2);
	assert_true(cJSON_GetObjectItem(ans, "maturity")->valuedouble == 4);
	/* Unanswered questions are absent, not null. */
	assert_null(cJSON_GetObjectItem(ans, "funding"));
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
		json, "notes"), "team_size")->valuestring, "ask the founder");
	assert_true(cJSON_IsString(cJSON_GetObjectItem(json, "completed_at")));
	cJSON_Delete(json);
	answers_release(&a);
}

static void test_yaml_answers(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	const struct answer *ans;

	assert_int_equal(load_text(f, "a.yaml",
		"answers:\n"
		"  company_name: Acme\n"
		"  stage: idea\n"
		"  mfa: yes\n"
		"  tools: [ci, cd]\n"
		"  maturity: 3\n"
		"  team_size: {status: dont_know}\n"
		"  funding: ~\n"
		"notes:\n"
		"  mfa: only for admins\n", &a, &diags), 0);
	assert_int_equal(diags.count, 0);
	ans = answers_find(&a, "mfa");
	assert_int_equal(ans->kind, ANSWER_CHOICE);
	assert_string_equal(ans->choice, "yes");
	assert_string_equal(ans->note, "only for admins");
	assert_int_equal(answers_find(&a, "tools")->nchoices, 2);
	assert_int_equal(answers_find(&a, "team_size")->kind,
			 ANSWER_DONT_KNOW);
	assert_int_equal(answers_find(&a, "funding")->kind, ANSWER_NONE);
	assert_true(answers_find(&a, "maturity")->number == 3);
	assert_null(a.completed_at);
	answers_release(&a);
	diag_list_release(&diags);
}

static void test_json_booleans_for_yesno(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;

	assert_int_equal(load_text(f, "b.json",
				   "{\"answers\": {\"mfa\": false}}", &a,
				   &diags), 0);
	assert_string_equal(answers_find(&a, "mfa")->choice, "no");
	answers_release(&a);
	diag_list_release(&diags);
}

/* Every problem is listed, each at its place, in one pass. */
static void test_yaml_errors_listed_with_places(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "bad.yaml",
		"answers:\n"
		"  stage: seeed\n"
		"  mfa: maybe\n"
		"  tools: ci\n"
		"  maturity: 7\n"
		"  team_size: lots\n"
		"  company_name: [a]\n"
		"  funding: {status: dont_know}\n"
		"  mfaa: yes\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"bad.yaml:2:10: error: unknown choice 'seeed' for question "
		"'stage' (did you mean 'seed'?); expected one of: idea, seed\n"
		"bad.yaml:3:8: error: unknown choice 'maybe' for question "
		"'mfa'; expected one of: yes, no\n"
		"bad.yaml:4:10: error: answer to 'tools' must be a list of "
		"choice ids (it allows several), not 'ci'\n"
		"bad.yaml:5:13: error: answer 7 to 'maturity' is out of range "
		"(expected a whole number from 1 to 5)\n"
		"bad.yaml:6:14: error: answer to 'team_size' must be a number, "
		"not 'lots'\n"
		"bad.yaml:7:17: error: answer to 'company_name' must be text, "
		"not a list\n"
		"bad.yaml:8:21: error: question 'funding' does not offer "
		"\"don't know\"\n"
		"bad.yaml:9:3: warning: no question 'mfaa' in questionnaire "
		"'mini' (did you mean 'mfa'?); its answer is kept aside in "
		"'orphans'\n");
	free(text);
	diag_list_release(&diags);
}

/*
 * Each value is checked against its question's type, and the type of a
 * value is its JSON type, or in YAML: quoted is text, and a plain scalar
 * that YAML 1.2 reads as a number or a boolean is that (a plain Acme or
 * yes is text).
 */
static void test_json_types_are_strict(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "types.json",
		"{\"answers\": {\n"
		"  \"maturity\": \"3\",\n"
		"  \"company_name\": 42,\n"
		"  \"stage\": true,\n"
		"  \"tools\": [\"ci\", 1],\n"
		"  \"team_size\": false\n"
		"},\n"
		"\"notes\": {\"mfa\": 7}}\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	/* Notes are read first, so that a later answer keeps its note. */
	assert_string_equal(text,
		"types.json:8:18: error: note on 'mfa' must be text, not the "
		"number 7 (put it in quotes to make it text)\n"
		"types.json:2:15: error: answer to 'maturity' must be a "
		"number, not the text '3' (a number in quotes is text)\n"
		"types.json:3:19: error: answer to 'company_name' must be "
		"text, not the number 42 (put it in quotes to make it text)\n"
		"types.json:4:12: error: answer to 'stage' must be a choice "
		"id, not the boolean true\n"
		"types.json:5:19: error: answer to 'tools' must be a choice "
		"id, not the number 1\n"
		"types.json:6:16: error: answer to 'team_size' must be a "
		"number, not the boolean false\n");
	free(text);
	diag_list_release(&diags);
}

static void test_yaml_types_are_strict(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "types.yaml",
		"answers:\n"
		"  maturity: '3'\n"
		"  company_name: 42\n"
		"  team_size: 1e1\n"
		"  mfa: TRUE\n"
		"notes:\n"
		"  stage: false\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"types.yaml:7:10: error: note on 'stage' must be text, not "
		"the boolean false (put it in quotes to make it text)\n"
		"types.yaml:2:13: error: answer to 'maturity' must be a "
		"number, not the text '3' (a number in quotes is text)\n"
		"types.yaml:3:17: error: answer to 'company_name' must be "
		"text, not the number 42 (put it in quotes to make it text)\n");
	free(text);
	diag_list_release(&diags);

	/* Plain words are text; yes and no too (YAML 1.2). */
	assert_int_equal(load_text(f, "words.yaml",
		"answers:\n"
		"  company_name: Acme\n"
		"  stage: seed\n"
		"  mfa: no\n"
		"  maturity: 3\n"
		"  team_size: 1e1\n"
		"notes:\n"
		"  mfa: yes\n", &a, &diags), 0);
	assert_string_equal(answers_find(&a, "company_name")->text, "Acme");
	assert_string_equal(answers_find(&a, "mfa")->choice, "no");
	assert_string_equal(answers_find(&a, "mfa")->note, "yes");
	assert_true(answers_find(&a, "team_size")->number == 10);
	answers_release(&a);
	diag_list_release(&diags);
}

/*
 * "Not applicable" is a status with an optional reason, allowed where the
 * question says so; it reads into ANSWER_NOT_APPLICABLE with the reason in
 * text, and is written back in the same shape.
 */
static void test_not_applicable(void **state)
{
	struct fixture *f = *state;
	struct answers a, b;
	struct diag_list diags = DIAG_LIST_INIT;
	const struct answer *ans;
	struct buf err = BUF_INIT;
	cJSON *json;
	char *path, *text;

	assert_int_equal(load_text(f, "na.json",
		"{\"answers\": {\"tools\": {\"status\": \"not_applicable\","
		" \"reason\": \"No code yet\"}}}", &a, &diags), 0);
	ans = answers_find(&a, "tools");
	assert_int_equal(ans->kind, ANSWER_NOT_APPLICABLE);
	assert_string_equal(ans->text, "No code yet");
	json = answers_to_json(&a);
	text = cJSON_PrintUnformatted(cJSON_GetObjectItem(
		cJSON_GetObjectItem(json, "answers"), "tools"));
	assert_string_equal(text, "{\"status\":\"not_applicable\","
			    "\"reason\":\"No code yet\"}");
	free(text);
	cJSON_Delete(json);
	/* Saved and read back: the same answer. */
	path = path_in(f, "na-saved.json");
	assert_int_equal(answers_save(&a, path, &err), 0);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_int_equal(answers_find(&b, "tools")->kind,
			 ANSWER_NOT_APPLICABLE);
	assert_string_equal(answers_find(&b, "tools")->text, "No code yet");
	answers_release(&b);
	answers_release(&a);
	free(path);

	/* Without a reason, in YAML; written back without one. */
	assert_int_equal(load_text(f, "na.yaml",
		"answers:\n  tools: {status: not_applicable}\n", &a, &diags), 0);
	ans = answers_find(&a, "tools");
	assert_int_equal(ans->kind, ANSWER_NOT_APPLICABLE);
	assert_null(ans->text);
	json = answers_to_json(&a);
	text = cJSON_PrintUnformatted(cJSON_GetObjectItem(
		cJSON_GetObjectItem(json, "answers"), "tools"));
	assert_string_equal(text, "{\"status\":\"not_applicable\"}");
	free(text);
	cJSON_Delete(json);
	answers_release(&a);
	assert_int_equal(diags.count, 0);
	diag_list_release(&diags);
	buf_release(&err);
}

static void test_not_applicable_refused(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "na-bad.yaml",
		"answers:\n"
		"  mfa: {status: not_applicable, reason: No admins}\n"
		"  tools: {status: not_applicable, reason: 42}\n"
		"  stage: {reason: Later, status: skipped}\n"
		"  maturity: {status: n/a}\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"na-bad.yaml:2:17: error: question 'mfa' does not allow "
		"\"not applicable\"\n"
		"na-bad.yaml:3:43: error: reason for 'tools' must be text, not "
		"the number 42 (put it in quotes to make it text)\n"
		"na-bad.yaml:4:11: error: 'reason' goes only with status "
		"'not_applicable'\n"
		"na-bad.yaml:5:22: error: unknown status 'n/a' in the answer to "
		"'maturity' (expected one of: skipped, dont_know, "
		"not_applicable)\n");
	free(text);
	diag_list_release(&diags);
}

/* ---- the journal ----------------------------------------------------- */

/* Sets the answer to id and records it in the journal of path. */
static void record(struct answers *a, const char *path, const char *id)
{
	struct buf err = BUF_INIT;
	const struct question *qn = questionnaire_question(a->questionnaire,
							   id);

	assert_non_null(qn);
	if (answers_record(a, path, qn->index, &err) < 0)
		fail_msg("%s", err.data);
	buf_release(&err);
}

static struct answer *set(struct answers *a, const char *id,
			  enum answer_kind kind)
{
	struct answer *ans = answers_get(a,
		questionnaire_question(a->questionnaire, id));

	answer_clear_value(ans);
	ans->kind = kind;
	return ans;
}

static size_t count_lines(const char *path)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	size_t i, n = 0;

	assert_int_equal(file_read_all(path, 1 << 20, &data, &err), 0);
	for (i = 0; i < data.len; i++)
		n += data.data[i] == '\n';
	buf_release(&data);
	buf_release(&err);
	return n;
}

/*
 * Answers recorded one by one come back on loading, the later entry for a
 * question winning; answers_save() folds them into the snapshot and
 * removes the journal.
 */
static void test_journal_round_trip(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	struct answers a, b;
	struct answer *ans;
	char *path = path_in(f, "session.json");
	char *journal = path_in(f, "session.json.journal");
	struct stat st;
	size_t i;

	answers_init(&a, f->q);
	assert_int_equal(answers_save(&a, path, &err), 0);
	assert_false(file_exists(journal));
	ans = set(&a, "company_name", ANSWER_TEXT);
	ans->text = xstrdup("Acme\nRockets");
	record(&a, path, "company_name");
	set(&a, "stage", ANSWER_CHOICE)->choice = xstrdup("seed");
	record(&a, path, "stage");
	set(&a, "mfa", ANSWER_SKIPPED)->note = xstrdup("ask Bob");
	record(&a, path, "mfa");
	ans = set(&a, "tools", ANSWER_CHOICES);
	ans->choices = xcalloc(2, sizeof(char *));
	ans->choices[0] = xstrdup("iac");
	ans->choices[1] = xstrdup("ci");
	ans->nchoices = 2;
	record(&a, path, "tools");
	set(&a, "maturity", ANSWER_NUMBER)->number = 4;
	record(&a, path, "maturity");
	set(&a, "team_size", ANSWER_DONT_KNOW);
	record(&a, path, "team_size");
	/* Changed again, then cleared: the last entry of each wins. */
	set(&a, "stage", ANSWER_CHOICE)->choice = xstrdup("idea");
	record(&a, path, "stage");
	set(&a, "maturity", ANSWER_NONE);
	free(a.updated_at);
	a.updated_at = xstrdup("2026-12-01T10:00:00Z");
	record(&a, path, "maturity");

	assert_int_equal(count_lines(journal), 8);
	assert_int_equal(stat(journal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_int_equal(diags.count, 0);
	for (i = 0; i < a.nitems; i++)
		assert_same_answer(&a.items[i], &b.items[i]);
	assert_int_equal(answers_find(&b, "maturity")->kind, ANSWER_NONE);
	assert_string_equal(answers_find(&b, "stage")->choice, "idea");
	assert_string_equal(b.updated_at, "2026-12-01T10:00:00Z");
	answers_release(&b);

	/* Compaction: the snapshot holds it all, the journal is gone. */
	assert_int_equal(answers_save(&a, path, &err), 0);
	assert_false(file_exists(journal));
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	for (i = 0; i < a.nitems; i++)
		assert_same_answer(&a.items[i], &b.items[i]);
	answers_release(&b);
	answers_release(&a);
	diag_list_release(&diags);
	buf_release(&err);
	free(journal);
	free(path);
}

/* A crash in the middle of a write leaves a torn last line: ignored. */
static void test_journal_torn_last_line(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	char *text;

	write_file(f, "torn.json", "{\"answers\": {\"stage\": \"seed\"}}\n");
	write_file(f, "torn.json.journal",
		"{\"question\": \"mfa\", \"answer\": \"yes\"}\n"
		"{\"question\": \"stage\", \"answer\": \"idea\", "
		"\"note\": \"pivoted\"}\n"
		"{\"question\": \"stage\", \"answer\": \"se");
	assert_int_equal(load_text(f, "torn.json",
		"{\"answers\": {\"stage\": \"seed\"}}\n", &a, &diags), 0);
	text = format_diags(f, &diags);
	assert_string_equal(text, "torn.json.journal:3:1: warning: the last "
			    "entry is cut short (the session stopped while "
			    "saving it); it is ignored\n");
	free(text);
	assert_string_equal(answers_find(&a, "mfa")->choice, "yes");
	assert_string_equal(answers_find(&a, "stage")->choice, "idea");
	assert_string_equal(answers_find(&a, "stage")->note, "pivoted");
	answers_release(&a);
	diag_list_release(&diags);
}

/* A line in the middle that does not read is an error, at its place. */
static void test_journal_corrupt_line(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	char *text;

	write_file(f, "corrupt.json.journal",
		"{\"question\": \"stage\", \"answer\": \"idea\"}\n"
		"{\"question\": \"stage\", \"answer\": \n"
		"{\"question\": \"mfa\", \"answer\": \"perhaps\"}\n"
		"{\"question\": \"stage\", \"answer\": \"seed\"}\n");
	assert_int_equal(load_text(f, "corrupt.json", "{}\n", &a, &diags),
			 -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"corrupt.json.journal:2:33: error: JSON syntax error: "
		"unexpected end of file, expected a value\n"
		"corrupt.json.journal:3:31: error: unknown choice 'perhaps' "
		"for question 'mfa'; expected one of: yes, no\n");
	free(text);
	diag_list_release(&diags);
}

static void test_unknown_top_key(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "top.yaml", "answer: {}\n", &a, &diags),
			 -1);
	text = format_diags(f, &diags);
	assert_string_equal(text, "top.yaml:1:1: error: unknown key 'answer' "
			    "in an answers file (did you mean 'answers'?)\n");
	free(text);
	diag_list_release(&diags);
}

static void test_json_errors_with_places(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "bad.json",
		"{\n"
		"  \"schema\": \"cto-assess/answers/1\",\n"
		"  \"answers\": {\n"
		"    \"tools\": [\"ci\", \"ci\", \"k8s\"],\n"
		"    \"maturity\": 2.5,\n"
		"    \"stage\": \"seed\",\n"
		"    \"stage\": \"idea\"\n"
		"  }\n"
		"}\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"bad.json:7:5: error: duplicate key 'stage' in 'answers' "
		"(first at line 6)\n"
		"bad.json:4:21: error: choice 'ci' is listed twice in the "
		"answer to 'tools'\n"
		"bad.json:4:27: error: unknown choice 'k8s' for question "
		"'tools'; expected one of: ci, cd, iac\n"
		"bad.json:5:17: error: answer 2.5 to 'maturity' is not a whole "
		"number (expected a whole number from 1 to 5)\n");
	free(text);
	diag_list_release(&diags);
}

static void test_json_syntax_error_place(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "syntax.json",
				   "{\"answers\": {\n  \"stage\": \"é\" \"x\"}}",
				   &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text, "syntax.json:2:16: error: JSON syntax "
			    "error: unexpected '\"', expected ',' or '}'\n");
	free(text);
	diag_list_release(&diags);
}

static void test_wrong_schema_and_questionnaire(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "other.json",
		"{\"schema\": \"cto-assess/report/1\",\n"
		" \"questionnaire\": {\"id\": \"other\"}}", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"other.json:1:12: error: unsupported answers file schema "
		"'cto-assess/report/1' (expected 'cto-assess/answers/1')\n"
		"other.json:2:26: error: these answers are for questionnaire "
		"'other', not 'mini'\n");
	free(text);
	diag_list_release(&diags);
}

static void test_yaml_anchor_refused(void **state)
{
	struct fixture *f = *state;
	struct answers a;
	struct diag_list diags = DIAG_LIST_INIT;
	char *text;

	assert_int_equal(load_text(f, "anchor.yaml",
				   "answers:\n  tools: &t [ci]\n  x: *t\n", &a,
				   &diags), -1);
	text = format_diags(f, &diags);
	assert_non_null(strstr(text, "anchor.yaml:2:10: error: YAML anchors"));
	free(text);
	diag_list_release(&diags);
}

/* Orphans survive a load and a save, answers and notes alike. */
static void test_orphans_kept(void **state)
{
	struct fixture *f = *state;
	struct answers a, b;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	char *path = path_in(f, "orphans-out.json");
	cJSON *o;

	assert_int_equal(load_text(f, "orphans.json",
		"{\"answers\": {\"old_q\": [\"x\", 2], \"stage\": \"seed\"},"
		" \"notes\": {\"old_q\": \"why\"}}", &a, &diags), 0);
	assert_int_equal(diags.warnings, 2);
	assert_non_null(a.orphans);
	assert_int_equal(answers_save(&a, path, &err), 0);
	diag_list_release(&diags);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_int_equal(diags.count, 0);
	o = cJSON_GetObjectItem(cJSON_GetObjectItem(b.orphans, "answers"),
				"old_q");
	assert_true(cJSON_IsArray(o));
	assert_true(cJSON_GetArrayItem(o, 1)->valuedouble == 2);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(
		b.orphans, "notes"), "old_q")->valuestring, "why");
	assert_string_equal(answers_find(&b, "stage")->choice, "seed");
	answers_release(&a);
	answers_release(&b);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
}

/*
 * One parse serves both steps: the questionnaire reference is read from the
 * open file, and the answers are loaded from the same tree after the file
 * is gone from the disk (so they cannot have been read again).
 */
static void test_file_open_once(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers_file file;
	struct answers a;
	char *path = path_in(f, "once.json");

	write_file(f, "once.json",
		   "{\"questionnaire\": {\"id\": \"mini\", \"path\": \"q.yaml\"},"
		   " \"answers\": {\"stage\": \"seed\"}}");
	assert_int_equal(answers_file_open(&file, path, &diags), 0);
	assert_string_equal(file.questionnaire_id, "mini");
	assert_string_equal(file.questionnaire_path, "q.yaml");
	assert_int_equal(unlink(path), 0);
	assert_int_equal(answers_file_load(&file, &a, f->q, &diags), 0);
	assert_string_equal(answers_find(&a, "stage")->choice, "seed");
	answers_release(&a);
	answers_file_release(&file);
	free(path);

	path = path_in(f, "once2.yaml");
	write_file(f, "once2.yaml", "answers: {}\n");
	assert_int_equal(answers_file_open(&file, path, &diags), 0);
	assert_null(file.questionnaire_id);
	assert_null(file.questionnaire_path);
	answers_file_release(&file);
	free(path);

	path = path_in(f, "once3.json");
	write_file(f, "once3.json", "[1, 2]");
	assert_int_equal(answers_file_open(&file, path, &diags), -1);
	answers_file_release(&file);
	assert_int_equal(diags.errors, 1);
	assert_string_equal(diags.items[0].message,
			    "an answers file must be a mapping, not a list");
	free(path);

	path = path_in(f, "missing.json");
	assert_int_equal(answers_file_open(&file, path, &diags), -1);
	answers_file_release(&file);
	assert_int_equal(diags.errors, 2);
	free(path);
	diag_list_release(&diags);
}

/* The JSON parser: escapes, nesting limit, strictness, column counting. */
static void test_json_tree(void **state)
{
	struct yaml_tree t;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf deep = BUF_INIT;
	static const char *const bad[] = {
		"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru",
		"\"\\u0000\"", "\"\\ud800\"", "\"a\x01\"", "\"\xff\"",
		"{} x", "'a'", "\"\\q\"", "[1 2]",
		/* overlong '/', a surrogate, beyond U+10FFFF, cut short */
		"\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
		"\"\xf0\x9f\x98\"",
	};
	static const char good[] = "{\"k\": [\"\\u00e9\\ud83d\\ude00\\n\", "
				   "-1.5e3, true, null]}";
	size_t i;

	(void)state;
	assert_int_equal(json_tree_parse(&t, "t", good, strlen(good), &diags),
			 0);
	assert_int_equal(t.root->kind, YNODE_MAPPING);
	assert_string_equal(t.root->items[1]->items[0]->text,
			    "\xc3\xa9\xf0\x9f\x98\x80\n");
	assert_int_equal(t.root->items[1]->items[0]->style, YSTYLE_QUOTED);
	assert_string_equal(t.root->items[1]->items[1]->text, "-1.5e3");
	assert_int_equal(t.root->items[1]->items[1]->style, YSTYLE_PLAIN);
	assert_string_equal(t.root->items[1]->items[3]->text, "null");
	yaml_tree_release(&t);
	/* Columns count characters, not bytes. */
	assert_int_equal(json_tree_parse(&t, "t", "[\"\xc3\xa9\xc3\xa9\", 1]",
					 11, &diags), 0);
	assert_int_equal(t.root->items[1]->col, 8);
	yaml_tree_release(&t);
	/* A four-byte character is one column too: ["X", 1] with X U+1F600. */
	assert_int_equal(json_tree_parse(&t, "t", "[\"\xf0\x9f\x98\x80\", 1]",
					 11, &diags), 0);
	assert_string_equal(t.root->items[0]->text, "\xf0\x9f\x98\x80");
	assert_int_equal(t.root->items[1]->col, 7);
	yaml_tree_release(&t);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		size_t before = diags.errors;

		assert_int_equal(json_tree_parse(&t, "t", bad[i],
						 strlen(bad[i]), &diags), -1);
		assert_int_equal(diags.errors, before + 1);
		assert_null(t.root);
		yaml_tree_release(&t);
	}
	buf_addn(&deep, '[', 100000);
	assert_int_equal(json_tree_parse(&t, "t", deep.data, deep.len, &diags),
			 -1);
	assert_non_null(strstr(diags.items[diags.count - 1].message,
			       "too deep"));
	yaml_tree_release(&t);
	buf_release(&deep);
	diag_list_release(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_load_round_trip),
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_yaml_answers),
		cmocka_unit_test(test_json_booleans_for_yesno),
		cmocka_unit_test(test_yaml_errors_listed_with_places),
		cmocka_unit_test(test_json_types_are_strict),
		cmocka_unit_test(test_yaml_types_are_strict),
		cmocka_unit_test(test_not_applicable),
		cmocka_unit_test(test_not_applicable_refused),
		cmocka_unit_test(test_journal_round_trip),
		cmocka_unit_test(test_journal_torn_last_line),
		cmocka_unit_test(test_journal_corrupt_line),
		cmocka_unit_test(test_unknown_top_key),
		cmocka_unit_test(test_json_errors_with_places),
		cmocka_unit_test(test_json_syntax_error_place),
		cmocka_unit_test(test_wrong_schema_and_questionnaire),
		cmocka_unit_test(test_yaml_anchor_refused),
		cmocka_unit_test(test_orphans_kept),
		cmocka_unit_test(test_file_open_once),
		cmocka_unit_test(test_json_tree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
