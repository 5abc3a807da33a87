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
#include "compare.h"
#include "portfolio.h"
#include "render.h"
#include "report_write.h"
#include "term.h"
#include "util.h"

/* Titles and labels a hostile consultant could write. */
static const char evil_yaml[] =
	"id: evil\n"
	"title: \"Evil <b>title</b>\"\n"
	"version: \"1\"\n"
	"name_question: name\n"
	"report: {subtitle: \"<b>Sub</b> | *x* \\e[31m\"}\n"
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
	"        text: \"Second \\u202Eevil\\u202C\\u200B?\"\n"
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

	render_markdown(&f->out, &f->r, NULL);
	md = f->out.data;
	assert_escaped(md, '<');
	assert_escaped(md, '&');
	assert_lacks(md, "\x1b");
	/* The title (the questionnaire's, with "report"), and the
	 * subtitle as a paragraph of its own. */
	assert_contains(md, "# Evil \\<b\\>title\\</b\\> report: Acme \\| "
			"\\<script\\>alert(1)\\</script\\> \\& \"Co\"\n\n"
			"\\<b\\>Sub\\</b\\> \\| \\*x\\* \\[31m\n\n");
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

	render_html(&f->out, &f->r, NULL);
	html = f->out.data;
	assert_lacks(html, "<script");
	assert_lacks(html, "<img");
	assert_lacks(html, "<b>");
	assert_lacks(html, "<i>");
	assert_lacks(html, "\x1b");
	assert_lacks(html, "href=");
	assert_lacks(html, "url(");
	assert_contains(html, "<title>Evil &lt;b&gt;title&lt;/b&gt; report: "
			"Acme | &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
			"&quot;Co&quot;</title>");
	assert_contains(html, "<p class=\"subtitle\">&lt;b&gt;Sub&lt;/b&gt; | "
			"*x* [31m</p>");
	assert_contains(html, "&lt;img src=x onerror=alert(1)&gt;");
	assert_contains(html, "alert(&#39;x&#39;)");
	assert_contains(html, "<svg class=\"chart\"");
	assert_contains(html, "name=\"viewport\"");
	assert_contains(html, "@media print");
	assert_contains(html, "</html>\n");
}

/*
 * The whole action plan, worked out by hand from the fixture.  Both
 * findings are in area sec (weight 1, no targets): q1 (weight 3) answered
 * "lo", score 0: risk high (0 < 0.34), impact 3 x 1 x (1 - 0) = 3.00;
 * q2 (weight 1) answered "lo": risk high, impact 1.00.  Neither sets an
 * effort (medium) nor a finding statement (the title is the question);
 * their advice differs, so each is an action of its own, both "now".  One
 * row an action: rank, horizon, risk, effort, impact, action id and
 * title, advice, then the areas, ids, titles, answers and notes of the
 * findings it covers.  Fields holding a comma, a quote or a line break
 * are quoted with quotes doubled; the formula in q1's advice gets an
 * apostrophe inside the quotes; ESC, CR and the zero width space are
 * dropped, each invalid byte is U+FFFD, the bidi override and its pop are
 * shown as <U+202E> and <U+202C>.
 */
static const char expected_csv[] =
	"rank,horizon,risk,effort,impact,action_id,action,advice,areas,"
	"finding_ids,findings,answers,notes,review,references,owner,due_date,"
	"status\r\n"
	"1,now,high,medium,3.00,q1,"
	"# Heading? <script>alert('x')</script> [31mred,"
	"\"'=HYPERLINK(\"\"http://x\"\") *bold* [link](http://x)\","
	"\"Sec | <i>urity</i> & \"\"co\"\"\",q1,"
	"# Heading? <script>alert('x')</script> [31mred,"
	"\"Lo, \"\"quoted\"\"\","
	"\"[2J<img src=x onerror=alert(1)>\n# not a heading\n| a | b |\n"
	"1. not a list\n    not code\nend \xef\xbf\xbd\xef\xbf\xbd\",,,,,\r\n"
	"2,now,high,medium,1.00,q2,Second <U+202E>evil<U+202C>?,Do it.,"
	"\"Sec | <i>urity</i> & \"\"co\"\"\",q2,Second <U+202E>evil<U+202C>?,"
	"Lo,,,,,,\r\n";

static void test_csv_text(void **state)
{
	struct fixture *f = *state;

	render_csv(&f->out, &f->r, NULL);
	assert_string_equal(f->out.data, expected_csv);
}

/* Bidi controls are shown, not obeyed, in every format. */
static void test_bidi_shown(void **state)
{
	struct fixture *f = *state;
	struct render_options o = { 0, 1, 80 };

	render_markdown(&f->out, &f->r, NULL);
	assert_contains(f->out.data, "Second \\<U+202E\\>evil\\<U+202C\\>?");
	assert_lacks(f->out.data, "\xe2\x80\xae");
	assert_lacks(f->out.data, "\xe2\x80\x8b");
	buf_reset(&f->out);
	render_html(&f->out, &f->r, NULL);
	assert_contains(f->out.data, "Second &lt;U+202E&gt;evil&lt;U+202C&gt;?");
	assert_lacks(f->out.data, "\xe2\x80\xae");
	buf_reset(&f->out);
	render_text(&f->out, &f->r, &o);
	assert_contains(f->out.data, "Second <U+202E>evil<U+202C>?");
	assert_lacks(f->out.data, "\xe2\x80\xae");
	buf_reset(&f->out);
	render_json(&f->out, &f->r, NULL);
	assert_contains(f->out.data, "Second <U+202E>evil<U+202C>?");
	assert_lacks(f->out.data, "\xe2\x80\xae");
}

static void test_json_numbers_and_text(void **state)
{
	struct fixture *f = *state;
	cJSON *doc;
	const cJSON *findings, *first;

	render_json(&f->out, &f->r, NULL);
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
	render_json(&f->out, &f->r, NULL);
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
	struct render_options o = { 0, 1, 80 };

	render_text(&f->out, &f->r, &o);
	assert_lacks(f->out.data, "\x1b");
	assert_contains(f->out.data, "Evil <b>title</b> report: Acme | "
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

/*
 * Two areas, one with a title of 21 CJK characters, two columns each: 42
 * columns, more than the 36 the summary gives a title.
 */
static const char cjk_yaml[] =
	"id: cjk\n"
	"title: CJK\n"
	"version: \"1\"\n"
	"areas:\n"
	"  - id: a\n"
	"    title: \"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
	"\xe3\x82\xbb\xe3\x82\xad\xe3\x83\xa5\xe3\x83\xaa\xe3\x83\x86"
	"\xe3\x82\xa3\xe3\x81\xa8\xe4\xbf\xa1\xe9\xa0\xbc\xe6\x80\xa7"
	"\xe3\x81\xa8\xe9\x81\x8b\xe7\x94\xa8\xe3\x81\xae\xe6\x97\xa5"
	"\xe6\x9c\xac\xe8\xaa\x9e\"\n"
	"    questions:\n"
	"      - {id: q1, text: One?, help: Why., advice: Do., choices: "
	"[{id: n, label: No, score: 0}, {id: y, label: Yes, score: 1}]}\n"
	"  - id: b\n"
	"    title: Team\n"
	"    questions:\n"
	"      - {id: q2, text: Two?, help: Why., advice: Do., choices: "
	"[{id: n, label: No, score: 0}, {id: y, label: Yes, score: 1}]}\n";

/* The display column where the first '.' of an ASCII bar starts. */
static size_t bar_column(const char *text, const char *title_start)
{
	const char *line = strstr(text, title_start), *bar;
	char *prefix;
	size_t width;

	assert_non_null(line);
	bar = strstr(line, " .");
	assert_non_null(bar);
	prefix = xstrndup(line, (size_t)(bar - line));
	width = term_text_width(prefix);
	free(prefix);
	return width;
}

/* Every area's bar starts in the same column, whatever the title's script. */
static void test_text_aligned_cjk(void **state)
{
	struct fixture *f = *state;
	struct render_options o = { 0, 0, 80 };
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT;
	struct questionnaire *q;
	struct answers a;
	struct report r;

	buf_addf(&path, "%s/cjk.yaml", f->dir);
	assert_int_equal(file_write_atomic(path.data, cjk_yaml,
					   strlen(cjk_yaml), 0, &err), 0);
	q = questionnaire_load(path.data, &diags);
	diag_print(&diags, stderr);
	assert_non_null(q);
	answers_init(&a, q);
	answers_get(&a, questionnaire_question(q, "q1"))->kind = ANSWER_CHOICE;
	answers_get(&a, questionnaire_question(q, "q1"))->choice = xstrdup("n");
	answers_get(&a, questionnaire_question(q, "q2"))->kind = ANSWER_CHOICE;
	answers_get(&a, questionnaire_question(q, "q2"))->choice = xstrdup("n");
	report_init(&r, q, &a);
	render_text(&f->out, &r, &o);
	/*
	 * The columns after the name: " %5.1f" (6), no target, "  " and
	 * "Initial" (7): 15.  At 80 columns that leaves 80 - 15 - 3 = 62 for
	 * the name and the bar.  The CJK title is 21 characters, 42
	 * columns, and fits with a bar of 20: both names get a column of
	 * 42, so both bars start after "  " and 42 columns: column 44.
	 */
	assert_int_equal(bar_column(f->out.data, "  Team"), 44);
	assert_int_equal(bar_column(f->out.data, "  \xe6\x97\xa5"), 44);
	report_release(&r);
	answers_release(&a);
	questionnaire_free(q);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
}

/* Each command's output format follows the file name's extension. */
static void test_format_of_file(void **state)
{
	(void)state;
	assert_string_equal(report_format_of_file("out/report.md"), "md");
	assert_string_equal(report_format_of_file("notes.markdown"), "md");
	assert_string_equal(report_format_of_file("a.b/report.htm"), "html");
	assert_string_equal(report_format_of_file("plan.tar.csv"), "csv");
	assert_string_equal(report_format_of_file("summary.txt"), "text");
	/* The extension is the file name's, not a directory's. */
	assert_null(report_format_of_file("reports.md/summary"));
	assert_null(report_format_of_file("report"));
	assert_string_equal(report_format_of_file("Report.HTML"), "html");
	assert_null(report_format_of_file("report.pdf"));
	assert_string_equal(compare_format_of_file("x/delta.html")->name,
			    "html");
	assert_null(compare_format_of_file("delta.csv"));
	assert_non_null(portfolio_format_of_file("clients.csv"));
	assert_null(portfolio_format_of_file("clients.d/all"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_markdown_escapes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_html_escapes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_csv_text, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bidi_shown, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_json_numbers_and_text,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_rounding, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_text_sanitised, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_text_aligned_cjk, setup,
						teardown),
		cmocka_unit_test(test_format_of_file),
	};

	/* Display widths are counted with wcwidth, as under the CLI. */
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
