/*
 * test_respondents.c - who answered, in the answers file: the respondent
 * of a file (run --respondent), and a merged file's respondents with their
 * own answers, read and written back, every mistake at its place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <cJSON.h>

#include "answers.h"
#include "buf.h"
#include "fileio.h"
#include "util.h"
#include "unit_load.h"

static const char questionnaire_yaml[] =
	"id: mini\n"
	"title: Mini\n"
	"version: \"1\"\n"
	"name_question: company_name\n"
	"areas:\n"
	"  - id: tech\n"
	"    title: Tech\n"
	"    questions:\n"
	"      - id: company_name\n"
	"        text: Company name?\n"
	"        type: text\n"
	"      - id: mfa\n"
	"        text: MFA?\n"
	"        help: Why.\n"
	"        type: yesno\n"
	"      - id: backups\n"
	"        text: Backups?\n"
	"        help: Why.\n"
	"        type: scale\n"
	"        min: 1\n"
	"        max: 5\n";

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

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strcpy(f->dir, "/tmp/test_respondents.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->q = unit_load_yaml(questionnaire_yaml);
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
	struct buf err = BUF_INIT;
	char *path = path_in(f, name);
	int ret;

	assert_int_equal(file_write_atomic(path, text, strlen(text),
					   FILE_WRITE_FORCE, &err), 0);
	ret = answers_load(a, f->q, path, diags);
	free(path);
	buf_release(&err);
	return ret;
}

/* The diagnostics, one per line, without the directory. */
static char *format_diags(const struct fixture *f,
			  const struct diag_list *diags)
{
	struct buf out = BUF_INIT;
	size_t i, dirlen = strlen(f->dir) + 1;

	for (i = 0; i < diags->count; i++) {
		char *line = diag_format(&diags->items[i]);

		buf_addf(&out, "%s\n", strncmp(line, f->dir, dirlen - 1) ?
			 line : line + dirlen);
		free(line);
	}
	return buf_detach(&out, NULL);
}

/* "NAME, ROLE": the role after the first comma, spaces trimmed. */
static void test_parse(void **state)
{
	static const struct {
		const char *arg, *name, *role;
	} cases[] = {
		{ "Ana, CTO", "Ana", "CTO" },
		{ "  Ana ,   CTO  ", "Ana", "CTO" },
		{ "Ana", "Ana", NULL },
		{ "Ana,", "Ana", NULL },
		{ "Ana Lopez, Head of Engineering, EU", "Ana Lopez",
		  "Head of Engineering, EU" },
	};
	struct respondent r;
	struct buf err = BUF_INIT, label = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(respondent_parse(&r, cases[i].arg, &err), 0);
		assert_string_equal(r.name, cases[i].name);
		if (cases[i].role)
			assert_string_equal(r.role, cases[i].role);
		else
			assert_null(r.role);
		respondent_release(&r, 0);
	}
	assert_int_equal(respondent_parse(&r, " , CTO", &err), -1);
	assert_string_equal(err.data, "a respondent needs a name ('NAME' or "
			    "'NAME, ROLE'), not ' , CTO'");
	assert_int_equal(respondent_parse(&r, "Ana, CTO", &err), 0);
	respondent_label(&label, &r);
	assert_string_equal(label.data, "Ana (CTO)");
	respondent_release(&r, 0);
	buf_release(&err);
	buf_release(&label);
}

/* The respondent of a file is read, written and read back. */
static void test_single_round_trip(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a, b;
	struct buf err = BUF_INIT;
	char *path = path_in(f, "ana.json");
	cJSON *json, *who;

	assert_int_equal(load_text(f, "ana.yaml",
		"respondent: {name: Ana, role: CTO}\n"
		"answers: {mfa: yes}\n", &a, &diags), 0);
	assert_int_equal(diags.count, 0);
	assert_string_equal(a.respondent.name, "Ana");
	assert_string_equal(a.respondent.role, "CTO");
	assert_false(answers_is_merged(&a));
	json = answers_to_json(&a);
	who = cJSON_GetObjectItem(json, "respondent");
	assert_string_equal(cJSON_GetObjectItem(who, "name")->valuestring,
			    "Ana");
	assert_string_equal(cJSON_GetObjectItem(who, "role")->valuestring,
			    "CTO");
	assert_null(cJSON_GetObjectItem(json, "respondents"));
	cJSON_Delete(json);
	assert_int_equal(answers_save(&a, path, &err), 0);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_string_equal(b.respondent.name, "Ana");
	assert_string_equal(b.respondent.role, "CTO");
	answers_release(&a);
	answers_release(&b);
	/* Without one, nothing is written. */
	assert_int_equal(load_text(f, "none.yaml", "answers: {mfa: yes}\n",
				   &a, &diags), 0);
	json = answers_to_json(&a);
	assert_null(cJSON_GetObjectItem(json, "respondent"));
	cJSON_Delete(json);
	answers_release(&a);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
}

static const char merged_yaml[] =
	"answers: {mfa: no, backups: 1}\n"
	"notes: {backups: 'Ana: weekly'}\n"
	"merge: {rule: median, threshold: 0.25}\n"
	"respondents:\n"
	"  - name: Ana\n"
	"    role: CEO\n"
	"    source: ceo.json\n"
	"    completed_at: 2026-11-02T10:00:00Z\n"
	"    answers: {mfa: yes, backups: 5, gone: 3}\n"
	"    notes: {backups: weekly}\n"
	"  - name: Ben\n"
	"    answers: {mfa: no, backups: {status: skipped}}\n";

/*
 * A merged file: each respondent's answers, notes and orphans, the rule
 * and the threshold survive a load and a save; the merged answers are the
 * file's own.
 */
static void test_merged_round_trip(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a, b;
	struct buf err = BUF_INIT;
	char *path = path_in(f, "merged.json"), *text;
	const struct question *mfa = questionnaire_question(f->q, "mfa");
	const struct question *backups = questionnaire_question(f->q,
								"backups");

	assert_int_equal(load_text(f, "merged.yaml", merged_yaml, &a,
				   &diags), 0);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"merged.yaml:9:37: warning: no question 'gone' in "
		"questionnaire 'mini'; its answer is kept aside in the "
		"'orphans' of respondent 'Ana'\n");
	free(text);
	assert_int_equal(answers_save(&a, path, &err), 0);
	answers_release(&a);
	diag_list_release(&diags);
	assert_int_equal(answers_load(&b, f->q, path, &diags), 0);
	assert_int_equal(diags.count, 0);
	assert_true(answers_is_merged(&b));
	assert_int_equal(b.nrespondents, 2);
	assert_int_equal(b.merge_rule, MERGE_MEDIAN);
	assert_true(b.merge_threshold == 0.25);
	assert_string_equal(b.items[mfa->index].choice, "no");
	assert_true(b.items[backups->index].number == 1);
	assert_string_equal(b.items[backups->index].note, "Ana: weekly");
	assert_string_equal(b.respondents[0].name, "Ana");
	assert_string_equal(b.respondents[0].role, "CEO");
	assert_string_equal(b.respondents[0].source, "ceo.json");
	assert_string_equal(b.respondents[0].completed_at,
			    "2026-11-02T10:00:00Z");
	assert_string_equal(b.respondents[0].items[mfa->index].choice, "yes");
	assert_true(b.respondents[0].items[backups->index].number == 5);
	assert_string_equal(b.respondents[0].items[backups->index].note,
			    "weekly");
	assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(
		b.respondents[0].orphans, "answers"), "gone")->valuedouble == 3);
	assert_null(b.respondents[1].role);
	assert_null(b.respondents[1].orphans);
	assert_int_equal(b.respondents[1].items[backups->index].kind,
			 ANSWER_SKIPPED);
	answers_release(&b);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
}

/* A merged file without "merge" has the cautious rule and threshold 0.4. */
static void test_merge_defaults(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;

	assert_int_equal(load_text(f, "defaults.yaml",
		"respondents:\n"
		"  - {name: Ana, answers: {mfa: yes}}\n"
		"  - {name: Ben, answers: {mfa: no}}\n", &a, &diags), 0);
	assert_int_equal(a.merge_rule, MERGE_CAUTIOUS);
	assert_true(a.merge_threshold == 0.4);
	assert_int_equal(a.nrespondents, 2);
	answers_release(&a);
	diag_list_release(&diags);
}

/* Every mistake about respondents, at its place, in one pass. */
static void test_errors_with_places(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	char *text;

	assert_int_equal(load_text(f, "bad.yaml",
		"merge: {rule: modal, threshold: 2}\n"
		"respondents:\n"
		"  - {name: Ana, answers: {mfa: maybe}}\n"
		"  - {role: CTO}\n"
		"  - {name: Ana, age: 40}\n"
		"  - {name: '  '}\n"
		"  - {name: 42}\n"
		"  - Ben\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"bad.yaml:3:32: error: unknown choice 'maybe' for question "
		"'mfa'; expected one of: yes, no\n"
		"bad.yaml:4:5: error: a respondent is missing required key "
		"'name'\n"
		"bad.yaml:5:17: error: unknown key 'age' in a respondent\n"
		"bad.yaml:5:5: error: respondent 'Ana' is listed twice (each "
		"respondent needs a name of their own)\n"
		"bad.yaml:6:12: error: 'name' of a respondent must not be "
		"empty\n"
		"bad.yaml:7:12: error: 'name' of a respondent must be text "
		"(put it in quotes to make it text)\n"
		"bad.yaml:8:5: error: a respondent must be a mapping, not a "
		"scalar\n"
		"bad.yaml:1:15: error: unknown rule 'modal' (expected one of: "
		"cautious, median)\n"
		"bad.yaml:1:33: error: 'threshold' must be between 0 and 1, "
		"not 2\n");
	free(text);
	diag_list_release(&diags);

	assert_int_equal(load_text(f, "both.yaml",
		"respondent: {name: Ana}\n"
		"merge: {rule: median}\n"
		"respondents: [{name: Ben}]\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"both.yaml:1:1: error: 'respondent' and 'respondents' do not "
		"go together (a merged assessment names its respondents in "
		"'respondents')\n");
	free(text);
	diag_list_release(&diags);

	assert_int_equal(load_text(f, "lonely.yaml",
		"respondent: {name: Ana, role: [CTO]}\n"
		"merge: {rule: median}\n", &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text,
		"lonely.yaml:1:31: error: 'role' of 'respondent' must be "
		"text\n"
		"lonely.yaml:2:1: error: 'merge' goes only with "
		"'respondents'\n");
	free(text);
	diag_list_release(&diags);
}

/* A hostile file of many tiny respondents is refused, not expanded. */
static void test_too_many_respondents(void **state)
{
	struct fixture *f = *state;
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf yaml = BUF_INIT;
	struct answers a;
	char *text;
	int i;

	buf_adds(&yaml, "respondents:\n");
	for (i = 0; i < 65; i++)
		buf_addf(&yaml, "  - {name: r%d}\n", i);
	assert_int_equal(load_text(f, "many.yaml", yaml.data, &a, &diags), -1);
	text = format_diags(f, &diags);
	assert_string_equal(text, "many.yaml:2:3: error: 'respondents' "
			    "lists 65 respondents (at most 64)\n");
	free(text);
	diag_list_release(&diags);
	buf_release(&yaml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_single_round_trip),
		cmocka_unit_test(test_merged_round_trip),
		cmocka_unit_test(test_merge_defaults),
		cmocka_unit_test(test_errors_with_places),
		cmocka_unit_test(test_too_many_respondents),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
