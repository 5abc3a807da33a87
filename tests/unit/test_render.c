/*
 * test_render.c - the renderers: every format escapes hostile questionnaire
 * and answer text for its context, JSON numbers print as rounded, CSV
 * quotes per RFC 4180, the terminal summary carries no foreign escapes.
 */
#include <locale.h>
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
#include "fileio.h"
#include "loader.h"
#include "render.h"
#include "util.h"

/* Titles and labels a hostile consultant could write. */
static const char evil_yaml[] =
	"id: evil\n"
	"title: \"Evil <b>title</b>\"\n"
	"version: \"1\"\n"
	"name_question: name\n"
	"areas:\n"
	"  - id: profile\n"
	"    title: Profile\n"
	"    scored: false\n"
	"    questions:\n"
	"      - {id: name, text: Name?, type: text}\n"
	"  - id: sec\n"
	"    title: \"Sec | <i>urity</i> & \\\"co\\\"\"\n"
	"    questions:\n"
	"      - id: q1\n"
	"        text: \"# Heading? <script>alert('x')</script> \\e[31mred\"\n"
	"        help: Why.\n"
	"        weight: 3\n"
	"        advice: \"=HYPERLINK(\\\"http://x\\\") *bold* [link](http://x)\"\n"
	"        choices:\n"
	"          - {id: lo, label: \"Lo, \\\"quoted\\\"\", score: 0}\n"
	"          - {id: mid, label: Mid, score: 0.3}\n"
	"          - {id: hi, label: Hi, score: 1}\n"
	"      - id: q2\n"
	"        text: Second?\n"
	"        help: Why.\n"
	"        advice: Do it.\n"
	"        choices:\n"
	"          - {id: lo, label: Lo, score: 0}\n"
	"          - {id: hi, label: Hi, score: 1}\n";

static const char evil_note[] =
	"\x1b[2J<img src=x onerror=alert(1)>\n# not a heading\n| a | b |\n"
	"1. not a list\n    not code\r\nend \xff\xfe";

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

	strcpy(f->dir, "/tmp/test_render.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	buf_addf(&path, "%s/evil.yaml", f->dir);
	if (file_write_atomic(path.data, evil_yaml, strlen(evil_yaml), 0,
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
	free(f->a.completed_at);
	f->a.completed_at = xstrdup("2026-11-28T10:00:00Z");
	ans = answers_get(&f->a, questionnaire_question(f->q, "name"));
	ans->kind = ANSWER_TEXT;
	ans->text = xstrdup("Acme | <script>alert(1)</script> & \"Co\"");
	ans = answers_get(&f->a, questionnaire_question(f->q, "q1"));
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup("lo");
	ans->note = xstrdup(evil_note);
	ans = answers_get(&f->a, questionnaire_question(f->q, "q2"));
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup("lo");
	setenv("SOURCE_DATE_EPOCH", "1764324000", 1);
	report_init(&f->r, f->q, &f->a);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;

	report_release(&f->r);
	answers_release(&f->a);
	questionnaire_free(f->q);
	buf_release(&f->out);
	buf_addf(&cmd, "rm -rf '%s'", f->dir);
	if (system(cmd.data) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	buf_release(&cmd);
	free(f);
	return 0;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		fprintf(stderr, "missing: %s\n", needle);
		fail();
	}
}

static void assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle)) {
		fprintf(stderr, "unexpected: %s\n", needle);
		fail();
	}
}

/* Every c in s is backslash-escaped. */
static void assert_escaped(const char *s, char c)
{
	const char *p;

	for (p = strchr(s, c); p; p = strchr(p + 1, c))
		if (p == s || p[-1] != '\\') {
			fprintf(stderr, "unescaped '%c' at: %.40s\n", c, p);
			fail();
		}
}

static void test_markdown_escapes(void **state)
{
	struct fixture *f = *state;
	const char *md;

	render_markdown(&f->out, &f->r);
	md = f->out.data;
	assert_escaped(md, '<');
	assert_escaped(md, '&');
	assert_lacks(md, "\x1b");
	assert_contains(md, "# Technology readiness report: Acme \\| "
			"\\<script\\>alert(1)\\</script\\> \\& \"Co\"\n");
	/* A table cell keeps its pipe escaped. */
	assert_contains(md, "| Sec \\| \\<i\\>urity\\</i\\> \\& \"co\" |");
	/* Block quotes escape line starts: heading, list, indentation. */
	assert_contains(md, "> \\# not a heading\n");
	assert_contains(md, "> \\| a \\| b \\|\n");
	assert_contains(md, "> 1\\. not a list\n");
	assert_contains(md, "> not code\n");
	assert_contains(md, "\\*bold\\* \\[link\\](http://x)");
	/* Invalid UTF-8 is replaced, not passed on. */
	assert_lacks(md, "\xff");
	assert_contains(md, "end \xef\xbf\xbd\xef\xbf\xbd");
}

static void test_html_escapes(void **state)
{
	struct fixture *f = *state;
	const char *html;

	render_html(&f->out, &f->r);
	html = f->out.data;
	assert_lacks(html, "<script");
	assert_lacks(html, "<img");
	assert_lacks(html, "<b>");
	assert_lacks(html, "<i>");
	assert_lacks(html, "\x1b");
	assert_lacks(html, "href=");
	assert_lacks(html, "url(");
	assert_contains(html, "<title>Technology readiness report: Acme | "
			"&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
			"&quot;Co&quot;</title>");
	assert_contains(html, "&lt;img src=x onerror=alert(1)&gt;");
	assert_contains(html, "alert(&#39;x&#39;)");
	assert_contains(html, "<svg class=\"chart\"");
	assert_contains(html, "name=\"viewport\"");
	assert_contains(html, "@media print");
	assert_contains(html, "</html>\n");
}

static void test_csv_quotes(void **state)
{
	struct fixture *f = *state;
	const char *csv;

	render_csv(&f->out, &f->r);
	csv = f->out.data;
	assert_true(!strncmp(csv, "rank,horizon,risk,effort,impact,action_id,"
			     "action,advice,areas,finding_ids,findings,"
			     "answers,notes\r\n", 86));
	/* Quotes doubled inside a quoted field. */
	assert_contains(csv, ",\"Lo, \"\"quoted\"\"\",");
	/* A formula is defused with an apostrophe. */
	assert_contains(csv, ",\"'=HYPERLINK(\"\"http://x\"\") *bold* "
			"[link](http://x)\",");
	/* The note's line breaks stay inside one quoted field. */
	assert_contains(csv, "\"[2J<img src=x onerror=alert(1)>\n# not a heading\n");
	assert_lacks(csv, "\x1b");
	assert_lacks(csv, "\r\nend");
	/* Two findings, each a CRLF-terminated record, plus the header. */
	assert_int_equal(f->r.score.nfindings, 2);
}

static void test_json_numbers_and_text(void **state)
{
	struct fixture *f = *state;
	cJSON *doc;
	const cJSON *findings, *first;

	render_json(&f->out, &f->r);
	assert_lacks(f->out.data, "0000000");
	assert_lacks(f->out.data, "\x1b");
	doc = cJSON_Parse(f->out.data);
	assert_non_null(doc);
	assert_string_equal(cJSON_GetObjectItem(doc, "schema")->valuestring,
			    "cto-assess/report/2");
	assert_string_equal(cJSON_GetObjectItem(doc, "generated_at")
			    ->valuestring, "2025-11-28T10:00:00Z");
	assert_string_equal(cJSON_GetObjectItem(doc, "assessment_date")
			    ->valuestring, "2026-11-28");
	findings = cJSON_GetObjectItem(doc, "findings");
	assert_int_equal(cJSON_GetArraySize(findings), 2);
	first = cJSON_GetArrayItem(findings, 0);
	assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "q1");
	assert_string_equal(cJSON_GetObjectItem(first, "risk")->valuestring,
			    "high");
	assert_string_equal(cJSON_GetObjectItem(first, "horizon")->valuestring,
			    "now");
	/* Text keeps its characters (JSON escapes them), minus controls. */
	assert_string_equal(cJSON_GetObjectItem(doc, "company")->valuestring,
			    "Acme | <script>alert(1)</script> & \"Co\"");
	cJSON_Delete(doc);
}

/* 0.1 + 0.2 must print as 0.3 whatever the arithmetic before it. */
static void test_json_rounding(void **state)
{
	struct fixture *f = *state;
	struct answer *ans = answers_get(&f->a,
					 questionnaire_question(f->q, "q1"));
	char *text;
	cJSON *n;

	free(ans->choice);
	ans->choice = xstrdup("mid");
	report_release(&f->r);
	report_init(&f->r, f->q, &f->a);
	render_json(&f->out, &f->r);
	/* q1 scores 0.3 (30.0); the area (3 * 0.3 + 0) / 4 = 22.5. */
	assert_contains(f->out.data, "\"score\":\t22.5,");
	assert_contains(f->out.data, "\"score\":\t30,");
	assert_lacks(f->out.data, "0000000");
	n = cJSON_CreateNumber(score_round(0.1 + 0.2, 1));
	text = cJSON_PrintUnformatted(n);
	assert_string_equal(text, "0.3");
	free(text);
	cJSON_Delete(n);
}

static void test_text_sanitised(void **state)
{
	struct fixture *f = *state;
	struct render_text_options o = { 0, 1, 80 };

	render_text(&f->out, &f->r, &o);
	assert_lacks(f->out.data, "\x1b");
	assert_contains(f->out.data, "Technology readiness: Acme | "
			"<script>alert(1)</script> & \"Co\"\n");
	assert_contains(f->out.data, "# Heading? <script>alert('x')</script> "
			"[31mred");
	buf_reset(&f->out);
	o.use_color = 1;
	o.unicode = 0;
	render_text(&f->out, &f->r, &o);
	/* Our own colours only: the questionnaire's ESC is still gone. */
	assert_contains(f->out.data, "\x1b[1m");
	assert_lacks(f->out.data, "\x1b[31mred");
	assert_lacks(f->out.data, "\xe2\x96\x88");
}

static void test_truncate(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	render_truncate(&b, "short", 10);
	assert_string_equal(b.data, "short");
	buf_reset(&b);
	render_truncate(&b, "a much longer title", 10);
	assert_string_equal(b.data, "a much ...");
	buf_reset(&b);
	/* Never cut inside a UTF-8 character. */
	render_truncate(&b, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 5);
	assert_string_equal(b.data, "\xc3\xa9\xc3\xa9...");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_markdown_escapes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_html_escapes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_csv_quotes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_json_numbers_and_text,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_rounding, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_text_sanitised, setup,
						teardown),
		cmocka_unit_test(test_truncate),
	};

	/* Display widths are counted with wcwidth, as under the CLI. */
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
