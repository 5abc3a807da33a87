/*
 * test_loader.c - the questionnaire loader: the model it builds, lookups,
 * includes and filters, directories, and that nothing is half-loaded.
 * Each failing check of the format has a fixture with its exact diagnostic
 * in tests/questionnaires/bad (tests/cli/validate.sh); here the model.
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

#include "answers.h"
#include "buf.h"
#include "diag.h"
#include "expr.h"
#include "fileio.h"
#include "loader.h"
#include "model.h"
#include "util.h"

#define GOOD "tests/questionnaires/good/main.yaml"
#define PLAN "tests/questionnaires/good/plan.yaml"

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/cto-test-loader.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	struct buf cmd = BUF_INIT;
	int r;

	(void)state;
	buf_addf(&cmd, "rm -rf '%s'", tmpdir);
	r = system(cmd.data);
	buf_release(&cmd);
	return r == 0 ? 0 : -1;
}

/* Writes text to tmpdir/name and returns the path (static storage). */
static const char *write_tmp(const char *name, const char *text)
{
	static char path[256];
	struct buf err = BUF_INIT;
	int n = snprintf(path, sizeof(path), "%s/%s", tmpdir, name);

	assert_true(n > 0 && (size_t)n < sizeof(path));
	assert_int_equal(file_write_atomic(path, text, strlen(text),
					   FILE_WRITE_FORCE, &err), 0);
	buf_release(&err);
	return path;
}

static struct questionnaire *load_ok(const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = questionnaire_load(path, &diags);

	if (!q || diags.count) {
		diag_print(&diags, stderr);
		fail_msg("'%s' did not load cleanly", path);
	}
	diag_list_release(&diags);
	return q;
}

/* Loads path expecting failure; returns the first diagnostic, formatted. */
static char *load_fails(const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = questionnaire_load(path, &diags);
	char *first;

	assert_null(q);
	assert_true(diags.errors > 0);
	diag_sort(&diags);
	first = diag_format(&diags.items[0]);
	diag_list_release(&diags);
	return first;
}

static void test_model(void **state)
{
	struct questionnaire *q = load_ok(GOOD);
	const struct question *qn;

	(void)state;
	assert_string_equal(q->id, "small");
	assert_string_equal(q->version, "2.1");
	assert_string_equal(q->stage_question, "stage");
	assert_string_equal(q->name_question, "company");
	assert_int_equal(q->nareas, 3);
	assert_string_equal(q->areas[0].id, "profile");
	assert_false(q->areas[0].scored);
	assert_string_equal(q->areas[1].id, "practice");
	assert_true(q->areas[1].weight == 2);
	/* The include entry at the end of areas: places its areas there. */
	assert_string_equal(q->areas[2].id, "security");
	assert_int_equal(q->nquestions, 8);
	assert_string_equal(q->questions[0]->id, "company");
	assert_string_equal(q->questions[7]->id, "mfa");
	assert_int_equal(q->questions[5]->index, 5);
	assert_ptr_equal(q->questions[7]->area, &q->areas[2]);
	assert_int_equal(q->nlevels, 2);
	assert_string_equal(q->levels[1].name, "High");
	assert_string_equal(questionnaire_level(q, 49.9)->id, "low");
	assert_string_equal(questionnaire_level(q, 50)->id, "high");
	assert_true(area_target(&q->areas[1], "seed")->score == 60);
	assert_null(area_target(&q->areas[1], "growth"));
	assert_int_equal(strlen(q->hash), 16);

	qn = questionnaire_question(q, "tests");
	assert_non_null(qn);
	assert_int_equal(qn->type, QTYPE_MULTI);
	assert_true(qn->full_score == 2);
	assert_true(qn->dont_know);
	assert_true(qn->scored);
	assert_int_equal(qn->effort, EFFORT_MEDIUM);
	assert_non_null(qn->when);
	assert_int_equal(qn->when->kind, EXPR_AND);
	assert_non_null(question_choice(qn, "integration"));
	assert_null(question_choice(qn, "e2e"));

	qn = questionnaire_question(q, "mfa");
	assert_int_equal(qn->type, QTYPE_YESNO);
	assert_int_equal(qn->nchoices, 2);
	assert_string_equal(qn->choices[0].id, "yes");
	assert_true(qn->choices[0].score == 1 && qn->best_score == 1);
	assert_true(qn->weight == 5);
	assert_int_equal(qn->effort, EFFORT_LOW);

	qn = questionnaire_question(q, "confidence");
	assert_int_equal(qn->type, QTYPE_SCALE);
	assert_true(qn->min == 1 && qn->max == 5);
	assert_string_equal(qn->max_label, "Relaxed");

	qn = questionnaire_question(q, "backups");
	assert_int_equal(qn->choices[0].risk, RISK_CRITICAL);
	assert_int_equal(qn->choices[0].effort, EFFORT_LOW);
	assert_true(qn->choices[1].score == 0.4);

	/* Unscored: the profile, and text questions. */
	assert_false(questionnaire_question(q, "stage")->scored);
	assert_false(questionnaire_question(q, "company")->scored);
	/* The filter left out the team area of areas.yaml. */
	assert_null(questionnaire_area(q, "team"));
	assert_null(questionnaire_question(q, "bus_factor"));
	questionnaire_free(q);
}

/*
 * The content hash of GOOD, pinned.  It is FNV-1a (64 bits) over what an
 * answers file and a report depend on, in asking order: the questionnaire's
 * id and version; per area its id and weight; per question its id, text,
 * type, weight, condition, each choice's id, label and score, each band's
 * min and score, and min and max (the function that computes it says so
 * too).
 * Comments, help, advice, risk, effort, levels and targets are not in it.
 * The value was worked out apart from the program, with a 30-line Python
 * transcription of that list over main.yaml and areas.yaml.  It may change
 * only when the content of those files changes, or when the hash is made to
 * cover more on purpose (which makes every saved session look stale: say so
 * in the commit).
 */
static void test_hash(void **state)
{
	struct questionnaire *q = load_ok(GOOD);

	(void)state;
	assert_string_equal(q->hash, "cf6f9fc699a9aac7");
	questionnaire_free(q);
}

static const char small_root[] =
	"id: t\ntitle: T\nversion: '1'\nareas:\n"
	"  - id: a\n    title: A\n    questions:\n"
	"      - {id: q1, text: Q?, type: yesno, help: H, advice: A}\n";

static void test_hash_sensitivity(void **state)
{
	struct questionnaire *a, *b, *c;
	struct buf text = BUF_INIT;

	(void)state;
	a = load_ok(write_tmp("h1.yaml", small_root));
	buf_adds(&text, "# comment\n");
	buf_adds(&text, small_root);
	b = load_ok(write_tmp("h2.yaml", text.data));
	assert_string_equal(a->hash, b->hash);
	buf_reset(&text);
	buf_adds(&text, small_root);
	buf_truncate(&text, text.len - 2);
	buf_adds(&text, ", weight: 2}\n");
	c = load_ok(write_tmp("h3.yaml", text.data));
	assert_string_not_equal(a->hash, c->hash);
	questionnaire_free(a);
	questionnaire_free(b);
	questionnaire_free(c);
	buf_release(&text);
}

/*
 * cto-assess-questionnaire(5): "~ and null are not special: they are read
 * as the text ~ and null", ids included.
 */
static void test_null_words_are_text(void **state)
{
	struct questionnaire *q;
	const struct question *qn;

	(void)state;
	q = load_ok(write_tmp("nulls.yaml",
			      "id: t\ntitle: ~\nversion: NULL\nareas:\n"
			      "  - id: null\n    title: Null\n    questions:\n"
			      "      - {id: q1, text: ~, type: yesno, help: null,"
			      " advice: ~}\n"));
	assert_string_equal(q->title, "~");
	assert_string_equal(q->version, "NULL");
	assert_non_null(questionnaire_area(q, "null"));
	qn = questionnaire_question(q, "q1");
	assert_string_equal(qn->text, "~");
	assert_string_equal(qn->help, "null");
	assert_string_equal(qn->advice, "~");
	questionnaire_free(q);
}

/* The keys of the action plan, as good/plan.yaml writes them. */
static void test_plan_keys(void **state)
{
	struct questionnaire *q = load_ok(PLAN);
	const struct question *qn;

	(void)state;
	assert_string_equal(q->team_size_question, "team_size");
	/* Like areas, the included file's initiatives come first; it is
	 * included twice, and its initiative counts once. */
	assert_int_equal(q->ninitiatives, 3);
	assert_string_equal(q->initiatives[0].id, "tests");
	assert_string_equal(q->initiatives[1].id, "review");
	assert_string_equal(q->initiatives[1].title,
			    "Get an independent technical review");
	assert_string_equal(q->initiatives[1].advice, "Ask a senior engineer "
			    "from outside to read the code for a day.");
	assert_null(q->initiatives[2].advice);
	assert_ptr_equal(questionnaire_initiative(q, "backups"),
			 &q->initiatives[2]);
	assert_null(questionnaire_initiative(q, "reviews"));

	qn = questionnaire_question(q, "restore");
	assert_true(qn->not_applicable);
	assert_string_equal(qn->not_applicable_prompt,
			    "Why do backups not apply to you?");
	assert_string_equal(qn->initiative, "backups");
	assert_string_equal(qn->choices[0].finding,
			    "Backups have never been restored");
	assert_string_equal(qn->choices[0].initiative, "review");
	assert_null(qn->choices[1].finding);
	assert_null(qn->choices[1].initiative);

	qn = questionnaire_question(q, "servers");
	assert_null(qn->bands[0].finding);
	assert_string_equal(qn->bands[1].finding, "Some servers have no owner");
	assert_string_equal(qn->bands[1].initiative, "review");

	/* A yesno choice adds its finding to the built-in no. */
	qn = questionnaire_question(q, "mfa");
	assert_null(qn->choices[0].finding);
	assert_string_equal(qn->choices[1].finding,
			    "Admins log in with a password alone");

	qn = questionnaire_question(q, "ci");
	assert_false(qn->not_applicable);
	assert_null(qn->not_applicable_prompt);
	assert_string_equal(qn->initiative, "tests");

	/*
	 * The hash of plan.yaml, pinned like GOOD's, and worked out the same
	 * way apart from the program: it covers every key of the plan.
	 */
	assert_string_equal(q->hash, "3b83c28b358b651f");
	questionnaire_free(q);
}

/* text with its first from replaced by to (caller frees). */
static char *replace(const char *text, const char *from, const char *to)
{
	struct buf out = BUF_INIT;
	const char *at = strstr(text, from);

	assert_non_null(at);
	buf_add(&out, text, (size_t)(at - text));
	buf_adds(&out, to);
	buf_adds(&out, at + strlen(from));
	return buf_detach(&out, NULL);
}

/* Each key of the plan changes the hash: a report depends on it. */
static void test_hash_covers_plan_keys(void **state)
{
	static const char base[] =
		"id: t\ntitle: T\nversion: '1'\n"
		"team_size_question: size\n"
		"initiatives:\n"
		"  - {id: ia, title: Title A, advice: Advice A}\n"
		"  - {id: ib, title: Title B}\n"
		"areas:\n"
		"  - id: a\n    title: A\n    questions:\n"
		"      - {id: size, text: Size?, type: number, weight: 0}\n"
		"      - {id: n, text: N?, type: number, weight: 0}\n"
		"      - id: q\n        text: Q?\n        help: H\n"
		"        advice: A\n"
		"        initiative: ia\n"
		"        not_applicable: true\n"
		"        not_applicable_prompt: Why?\n"
		"        choices:\n"
		"          - {id: x, label: X, score: 0, finding: Finding X,"
		" initiative: ia}\n"
		"          - {id: y, label: Y, score: 1}\n"
		"      - id: b\n        text: B?\n        help: H\n"
		"        advice: A\n        type: number\n        bands:\n"
		"          - {min: 0, score: 0, finding: Finding B,"
		" initiative: ia}\n"
		"          - {min: 1, score: 1}\n";
	static const struct { const char *from, *to; } changes[] = {
		{ "team_size_question: size", "team_size_question: n" },
		{ "{id: ib, title: Title B}", "{id: ic, title: Title B}" },
		{ "title: Title A,", "title: Title A2," },
		{ "advice: Advice A}", "advice: Advice A2}" },
		{ "        initiative: ia\n", "        initiative: ib\n" },
		{ "not_applicable_prompt: Why?", "not_applicable_prompt: Why not?" },
		{ "        not_applicable_prompt: Why?\n", "" },
		{ "finding: Finding X,", "finding: Finding X2," },
		{ "Finding X, initiative: ia}", "Finding X, initiative: ib}" },
		{ "finding: Finding B,", "finding: Finding B2," },
		{ "Finding B, initiative: ia}", "Finding B, initiative: ib}" },
	};
	struct questionnaire *q0, *q;
	char *text, *no_prompt, *no_na, name[32];
	size_t i;

	(void)state;
	q0 = load_ok(write_tmp("plan0.yaml", base));
	for (i = 0; i < ARRAY_SIZE(changes); i++) {
		text = replace(base, changes[i].from, changes[i].to);
		assert_true(snprintf(name, sizeof(name), "plan%zu.yaml",
				     i + 1) < (int)sizeof(name));
		q = load_ok(write_tmp(name, text));
		if (!strcmp(q->hash, q0->hash))
			fail_msg("changing '%s' kept the hash", changes[i].from);
		questionnaire_free(q);
		free(text);
	}
	questionnaire_free(q0);
	/* not_applicable itself, once its prompt is gone. */
	no_prompt = replace(base, "        not_applicable_prompt: Why?\n", "");
	no_na = replace(no_prompt, "        not_applicable: true\n", "");
	q0 = load_ok(write_tmp("na1.yaml", no_prompt));
	q = load_ok(write_tmp("na2.yaml", no_na));
	assert_string_not_equal(q->hash, q0->hash);
	questionnaire_free(q);
	questionnaire_free(q0);
	free(no_prompt);
	free(no_na);
}

static void test_nothing_half_loaded(void **state)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q;

	(void)state;
	q = questionnaire_load("tests/questionnaires/bad/ten-mistakes.yaml",
			       &diags);
	assert_null(q);
	assert_int_equal(diags.errors, 10);
	diag_list_release(&diags);
}

static void test_includes(void **state)
{
	struct questionnaire *q;
	char *msg;

	(void)state;
	write_tmp("part.yaml",
		  "areas:\n  - id: b\n    title: B\n    questions:\n"
		  "      - {id: q2, text: Q2?, type: yesno, help: H, advice: A}\n"
		  "      - {id: q3, text: Q3?, type: yesno, help: H, advice: A,"
		  " when: q1 == yes}\n");
	q = load_ok(write_tmp("inc.yaml",
			      "id: t\ntitle: T\nversion: '1'\nareas:\n"
			      "  - id: a\n    title: A\n    questions:\n"
			      "      - {id: q1, text: Q?, type: yesno, help: H,"
			      " advice: A}\n"
			      "  - include: part.yaml\n"
			      "    questions: [q3]\n"));
	assert_int_equal(q->nareas, 2);
	assert_int_equal(q->nquestions, 2);
	assert_string_equal(q->questions[1]->id, "q3");
	assert_int_equal(q->nfiles, 2);
	questionnaire_free(q);

	/* An include between two areas puts its areas there, and the area
	 * after it keeps its own questions. */
	q = load_ok(write_tmp("middle.yaml",
			      "id: t\ntitle: T\nversion: '1'\nareas:\n"
			      "  - id: a\n    title: A\n    questions:\n"
			      "      - {id: q1, text: Q?, type: yesno, help: H,"
			      " advice: A}\n"
			      "  - include: part.yaml\n"
			      "    questions: [q2]\n"
			      "  - id: c\n    title: C\n    questions:\n"
			      "      - {id: q4, text: Q4?, type: yesno, help: H,"
			      " advice: A}\n"));
	assert_int_equal(q->nareas, 3);
	assert_string_equal(q->areas[1].id, "b");
	assert_string_equal(q->areas[2].id, "c");
	assert_int_equal(q->nquestions, 3);
	assert_string_equal(q->questions[2]->id, "q4");
	questionnaire_free(q);

	msg = load_fails(write_tmp("self.yaml",
				   "id: t\ntitle: T\nversion: '1'\n"
				   "include: [self.yaml]\n"));
	assert_non_null(strstr(msg, "self.yaml:4:11: error: include cycle"));
	free(msg);
}

static void test_directories(void **state)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q;
	char **roots, **fragments;
	struct buf dir = BUF_INIT, err = BUF_INIT;
	char *msg;

	(void)state;
	buf_addf(&dir, "%s/d", tmpdir);
	assert_int_equal(file_make_dir(dir.data, &err), 0);
	buf_release(&err);
	write_tmp("d/one.yaml", small_root);
	write_tmp("d/part.yaml", "areas: []\n");
	q = load_ok(dir.data);
	assert_string_equal(q->id, "t");
	questionnaire_free(q);

	assert_int_equal(questionnaire_find_roots(dir.data, &roots, &fragments,
						  &diags), 0);
	assert_non_null(strstr(roots[0], "d/one.yaml"));
	assert_null(roots[1]);
	assert_non_null(strstr(fragments[0], "d/part.yaml"));
	assert_null(fragments[1]);
	free(roots[0]), free(roots), free(fragments[0]), free(fragments);

	write_tmp("d/two.yaml", small_root);
	msg = load_fails(dir.data);
	assert_non_null(strstr(msg, "holds several questionnaires"));
	free(msg);

	/* Only a fragment: nothing to load. */
	buf_reset(&dir);
	buf_addf(&dir, "%s/f", tmpdir);
	assert_int_equal(file_make_dir(dir.data, &err), 0);
	write_tmp("f/part.yaml", "areas: []\n");
	msg = load_fails(dir.data);
	assert_non_null(strstr(msg, "/f: error: no questionnaire in this "
				    "directory (a questionnaire is a .yaml "
				    "file with a top-level 'id')"));
	free(msg);

	/* A file is not a directory to list. */
	assert_int_equal(questionnaire_find_roots(GOOD, &roots, &fragments,
						  &diags), -1);
	assert_int_equal(diags.errors, 1);
	msg = diag_format(&diags.items[0]);
	assert_string_equal(msg, GOOD ": error: cannot read directory: "
			    "Not a directory");
	free(msg);
	diag_list_release(&diags);
	buf_release(&dir);
}

static void test_large_questionnaire(void **state)
{
	struct buf text = BUF_INIT;
	struct questionnaire *q;
	size_t i;

	(void)state;
	/* 5,000 questions, each depending on the previous: lookups by id
	 * through the hash map keep this quick even under sanitizers. */
	buf_adds(&text, "id: big\ntitle: Big\nversion: '1'\nareas:\n"
		 "  - id: a\n    title: A\n    questions:\n");
	for (i = 0; i < 5000; i++) {
		buf_addf(&text, "      - id: q%zu\n        text: Question %zu?\n"
			 "        type: yesno\n        help: H\n"
			 "        advice: A\n", i, i);
		if (i)
			buf_addf(&text, "        when: q%zu == yes\n", i - 1);
	}
	q = load_ok(write_tmp("big.yaml", text.data));
	assert_int_equal(q->nquestions, 5000);
	assert_ptr_equal(questionnaire_question(q, "q4321"),
			 q->questions[4321]);
	questionnaire_free(q);
	buf_release(&text);
}

static void set_choice(struct answers *a, const char *id, const char *value)
{
	struct answer *ans =
		answers_get(a, questionnaire_question(a->questionnaire, id));

	answer_clear_value(ans);
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup(value);
}

static void test_applicability(void **state)
{
	struct questionnaire *q;
	struct answers a;
	unsigned char applies[3];

	(void)state;
	q = load_ok(write_tmp("chain.yaml",
			      "id: t\ntitle: T\nversion: '1'\nareas:\n"
			      "  - id: a\n    title: A\n    scored: false\n"
			      "    questions:\n"
			      "      - {id: q1, text: Q1?, type: yesno}\n"
			      "      - {id: q2, text: Q2?, type: yesno,"
			      " when: q1 == yes}\n"
			      "      - {id: q3, text: Q3?, type: yesno,"
			      " when: q2 == yes}\n"));
	answers_init(&a, q);
	set_choice(&a, "q1", "yes");
	set_choice(&a, "q2", "yes");
	assert_true(answers_applies(&a, q->questions[2]));
	/* q1 changes: q2 no longer applies, so its kept answer no longer
	 * makes q3 apply. */
	set_choice(&a, "q1", "no");
	assert_false(answers_applies(&a, q->questions[1]));
	assert_false(answers_applies(&a, q->questions[2]));
	answers_applicability(&a, applies);
	assert_true(applies[0] && !applies[1] && !applies[2]);
	answers_release(&a);
	questionnaire_free(q);
}

/* A value for each type-specific key, as a question would write it. */
static const char *type_key_value(const char *key)
{
	static const struct { const char *key, *value; } values[] = {
		{ "choices", "[{id: a, label: A, score: 1},"
			     " {id: b, label: B, score: 0}]" },
		{ "full_score", "1" }, { "best", "no" }, { "min", "0" },
		{ "max", "10" }, { "min_label", "None" },
		{ "max_label", "All" }, { "unit", "people" },
		{ "bands", "[{min: 0, score: 0}, {min: 5, score: 1}]" },
		{ "integer", "true" },
		{ "rules", "[{when: true, risk: low, score: 0.5}]" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(values); i++)
		if (!strcmp(values[i].key, key))
			return values[i].value;
	fail_msg("no test value for the type key '%s'", key);
	return NULL;
}

/*
 * Loads a question of type t carrying key (and what t needs besides);
 * returns whether the loader said the key does not apply.
 */
static int key_refused(enum question_type t, const char *key)
{
	const struct question_type_info *info = &question_types[t];
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf yaml = BUF_INIT, want = BUF_INIT;
	struct questionnaire *q;
	size_t i;
	int refused = 0;

	buf_addf(&yaml, "id: t\ntitle: T\nversion: \"1\"\nlevels:\n"
		 "  - {id: low, name: Low, min: 0}\nareas:\n  - id: a\n"
		 "    title: A\n    questions:\n      - id: q\n"
		 "        text: Q?\n        type: %s\n        %s: %s\n",
		 info->name, key, type_key_value(key));
	/* What the type requires, unless it is the key under test. */
	for (i = 0; i < ARRAY_SIZE(info->keys) && info->keys[i]; i++) {
		const char *need = info->keys[i];
		int required = !strcmp(need, "choices") ?
				       !(info->flags & QTYPE_F_YESNO) :
				       (info->flags & QTYPE_F_RANGE) &&
					       (!strcmp(need, "min") ||
						!strcmp(need, "max"));

		if (required && strcmp(need, key))
			buf_addf(&yaml, "        %s: %s\n", need,
				 type_key_value(need));
	}
	q = questionnaire_load(write_tmp("type-key.yaml", yaml.data), &diags);
	buf_addf(&want, "'%s' does not apply to %s questions", key,
		 info->name);
	for (i = 0; i < diags.count; i++)
		if (strstr(diags.items[i].message, want.data))
			refused = 1;
	if (refused)
		assert_null(q);
	questionnaire_free(q);
	diag_list_release(&diags);
	buf_release(&yaml);
	buf_release(&want);
	return refused;
}

/*
 * The type table decides which keys each type takes: every key some type
 * takes is refused by the types that do not take it, and accepted by
 * those that do; the helpers answer from the same rows.
 */
static void test_type_table(void **state)
{
	size_t t, u, k;

	(void)state;
	for (t = 0; t < QTYPE_COUNT; t++) {
		const struct question_type_info *info = &question_types[t];

		assert_non_null(info->name);
		assert_string_equal(question_type_names()[t], info->name);
		for (u = 0; u < t; u++)
			assert_string_not_equal(question_types[u].name,
						info->name);
		/* Only text is never scored. */
		assert_int_equal(question_type_scorable((enum question_type)t),
				 info->value != QVALUE_TEXT);
		for (u = 0; u < QTYPE_COUNT; u++)
			for (k = 0; k < ARRAY_SIZE(question_types[u].keys) &&
				    question_types[u].keys[k]; k++) {
				const char *key = question_types[u].keys[k];
				int takes = question_type_takes(
					(enum question_type)t, key);

				assert_true(question_type_key(key));
				if (key_refused((enum question_type)t, key) ==
				    takes)
					fail_msg("a %s question %s '%s'",
						 info->name, takes ?
						 "refused" : "took", key);
			}
	}
	assert_false(question_type_key("text"));
	assert_false(question_type_takes(QTYPE_SINGLE, "bands"));
	assert_true(question_type_takes(QTYPE_NUMBER, "integer"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_hash_sensitivity),
		cmocka_unit_test(test_null_words_are_text),
		cmocka_unit_test(test_plan_keys),
		cmocka_unit_test(test_hash_covers_plan_keys),
		cmocka_unit_test(test_nothing_half_loaded),
		cmocka_unit_test(test_includes),
		cmocka_unit_test(test_directories),
		cmocka_unit_test(test_large_questionnaire),
		cmocka_unit_test(test_applicability),
		cmocka_unit_test(test_type_table),
	};

	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
