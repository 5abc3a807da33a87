/*
 * test_references.c - `references:` from the loader to every report format:
 * a finding shows its question's links, then those of the choice that
 * speaks for its answer, each URL once; Markdown and HTML make links of
 * them with the title escaped, text, CSV and JSON show them plain.
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
#include "diag.h"
#include "escape.h"
#include "fileio.h"
#include "loader.h"
#include "render.h"
#include "util.h"

/*
 * q1 has a link of its own; its choice 'none' (ticked) has two, one with
 * the question's URL, which is shown once.  q2's answer is at its best: no
 * finding, so its link is shown nowhere.
 */
static const char refs_yaml[] =
	"id: refs\n"
	"title: Links\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: sec\n"
	"    title: Security\n"
	"    questions:\n"
	"      - id: q1\n"
	"        text: Which checks run?\n"
	"        help: Why.\n"
	"        type: multi\n"
	"        references:\n"
	"          - {title: \"Guide [1] <b>*x*</b>\",\n"
	"             url: \"https://example.org/a_b*c&amp;d(e)\"}\n"
	"        choices:\n"
	"          - {id: tests, label: Tests, score: 1, advice: Add tests.}\n"
	"          - id: none\n"
	"            label: None of these\n"
	"            score: 0\n"
	"            exclusive: true\n"
	"            advice: Start with tests.\n"
	"            references:\n"
	"              - {title: Again, url: \"https://example.org/a_b*c&amp;d(e)\"}\n"
	"              - {title: \"Tools, \\\"quoted\\\"\", url: \"http://tools.example/x?a=1&b=2\"}\n"
	"      - id: q2\n"
	"        text: Backups?\n"
	"        help: Why.\n"
	"        type: yesno\n"
	"        advice: Back up.\n"
	"        references: [{title: Unseen, url: \"https://unseen.example/\"}]\n";

struct fixture {
	char dir[64];
	struct questionnaire *q;
	struct answers a;
	struct report r;
	struct buf out;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT;
	struct answer *ans;

	strcpy(f->dir, "/tmp/test_references.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	buf_addf(&path, "%s/refs.yaml", f->dir);
	if (file_write_atomic(path.data, refs_yaml, strlen(refs_yaml), 0,
			      &err) < 0)
		return -1;
	f->q = questionnaire_load(path.data, &diags);
	diag_print(&diags, stderr);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	if (!f->q)
		return -1;
	answers_init(&f->a, f->q);
	ans = answers_get(&f->a, questionnaire_question(f->q, "q1"));
	ans->kind = ANSWER_CHOICES;
	ans->choices = xcalloc(1, sizeof(*ans->choices));
	ans->choices[0] = xstrdup("none");
	ans->nchoices = 1;
	ans = answers_get(&f->a, questionnaire_question(f->q, "q2"));
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup("yes");
	setenv("SOURCE_DATE_EPOCH", "1764324000", 1);
	report_init(&f->r, f->q, &f->a);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf path = BUF_INIT;

	report_release(&f->r);
	answers_release(&f->a);
	questionnaire_free(f->q);
	buf_release(&f->out);
	buf_addf(&path, "%s/refs.yaml", f->dir);
	unlink(path.data);
	rmdir(f->dir);
	buf_release(&path);
	free(f);
	return 0;
}

static void assert_contains(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("expected\n%s\nin\n%s", needle, haystack);
}

static void test_loaded(void **state)
{
	struct fixture *f = *state;
	const struct question *q1 = questionnaire_question(f->q, "q1");

	assert_int_equal(q1->nrefs, 1);
	assert_string_equal(q1->refs[0].title, "Guide [1] <b>*x*</b>");
	assert_int_equal(q1->choices[1].nrefs, 2);
	assert_string_equal(q1->choices[1].refs[1].url,
			    "http://tools.example/x?a=1&b=2");
}

/* The question's link, then the choice's second: its first repeats a URL. */
static void test_finding_links(void **state)
{
	struct fixture *f = *state;
	const struct reference *refs[RENDER_REFERENCES_MAX];
	size_t n;

	assert_int_equal(f->r.score.nfindings, 1);
	n = render_references(f->r.score.findings[0].qs, refs);
	assert_int_equal(n, 2);
	assert_string_equal(refs[0]->title, "Guide [1] <b>*x*</b>");
	assert_string_equal(refs[1]->title, "Tools, \"quoted\"");
}

static void test_markdown(void **state)
{
	struct fixture *f = *state;

	render_markdown(&f->out, &f->r, NULL);
	/* The title as inline text; in the destination only '&' escaped, so
	 * that "&amp;" stays five characters of the URL. */
	assert_contains(f->out.data,
			"   - References: "
			"[Guide \\[1\\] \\<b\\>\\*x\\*\\</b\\>]"
			"(<https://example.org/a_b*c\\&amp;d(e)>), "
			"[Tools, \"quoted\"](<http://tools.example/x?a=1\\&b=2>)"
			"\n");
	assert_null(strstr(f->out.data, "unseen.example"));
}

static void test_html(void **state)
{
	struct fixture *f = *state;

	render_html(&f->out, &f->r, NULL);
	assert_contains(f->out.data,
			"<p class=\"refs\"><span class=\"label\">References:"
			"</span> <a href=\"https://example.org/a_b*c&amp;amp;"
			"d(e)\" rel=\"noopener noreferrer\">Guide [1] &lt;b&gt;"
			"*x*&lt;/b&gt;</a>, <a href=\"http://tools.example/x?"
			"a=1&amp;b=2\" rel=\"noopener noreferrer\">Tools, "
			"&quot;quoted&quot;</a></p>\n");
}

static void test_plain(void **state)
{
	struct fixture *f = *state;
	struct render_options o = { 0, 0, 200 };
	cJSON *json, *refs;

	render_csv(&f->out, &f->r, NULL);
	assert_contains(f->out.data, ",references,owner,");
	assert_contains(f->out.data,
			",\"Guide [1] <b>*x*</b> <https://example.org/a_b*c"
			"&amp;d(e)>; Tools, \"\"quoted\"\" <http://tools."
			"example/x?a=1&b=2>\",,,\r\n");
	buf_reset(&f->out);
	render_text(&f->out, &f->r, &o);
	assert_contains(f->out.data, "See: Guide [1] <b>*x*</b> "
			"<https://example.org/a_b*c&amp;d(e)>\n");
	assert_contains(f->out.data, "See: Tools, \"quoted\" "
			"<http://tools.example/x?a=1&b=2>\n");
	buf_reset(&f->out);
	render_json(&f->out, &f->r, NULL);
	json = cJSON_Parse(f->out.data);
	assert_non_null(json);
	refs = cJSON_GetObjectItem(cJSON_GetArrayItem(
		cJSON_GetObjectItem(json, "findings"), 0), "references");
	assert_int_equal(cJSON_GetArraySize(refs), 2);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(refs, 1),
						"url")->valuestring,
			    "http://tools.example/x?a=1&b=2");
	cJSON_Delete(json);
}

/* What the loader lets through could not break out of a link anyway. */
static void test_escape_link(void **state)
{
	struct buf out = BUF_INIT;

	(void)state;
	escape_markdown_link(&out, "t", "https://x.org/<a> b\\");
	assert_string_equal(out.data, "[t](<https://x.org/%3Ca%3E%20b\\\\>)");
	buf_reset(&out);
	escape_html_link(&out, "t", "https://x.org/\"onmouseover=x");
	assert_string_equal(out.data, "<a href=\"https://x.org/&quot;"
			    "onmouseover=x\" rel=\"noopener noreferrer\">t</a>");
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finding_links, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_markdown, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_html, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
		cmocka_unit_test(test_escape_link),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
