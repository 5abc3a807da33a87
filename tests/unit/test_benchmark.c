/*
 * test_benchmark.c - where a score stands among the companies at its stage
 * (benchmark.h): percentiles worked out by hand, the minimum below which
 * nothing is said, and the benchmark file written and read back.
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

#include "benchmark.h"
#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "util.h"

/*
 * Six seed companies (added out of order, as a portfolio reads them):
 *   overall   40 10 30 50 20 30   sorted: 10 20 30 30 40 50
 *   security  60 70 80 90 100    (five: one company has no score there)
 *   payments  10 20 30 40        (four)
 * Three idea companies: overall 10 20 30.
 */
static void fill(struct benchmark *b)
{
	static const double overall[] = { 40, 10, 30, 50, 20, 30 };
	static const double security[] = { 60, 70, 80, 90, 100 };
	struct benchmark_group *g;
	size_t i;

	benchmark_init(b, "portfolio");
	for (i = 0; i < ARRAY_SIZE(overall); i++) {
		g = benchmark_group(b, "cto", "seed");
		g->companies++;
		benchmark_add(g, NULL, overall[i]);
		if (i < ARRAY_SIZE(security))
			benchmark_add(g, "security", security[i]);
		if (i < 4)
			benchmark_add(g, "payments", 10.0 * (double)(i + 1));
	}
	for (i = 0; i < 3; i++) {
		g = benchmark_group(b, "cto", "idea");
		g->companies++;
		benchmark_add(g, NULL, 10.0 * (double)(i + 1));
	}
	benchmark_finish(b);
}

static void assert_place(const struct benchmark *b, const char *stage,
			 const char *area, double score, size_t below,
			 int percent)
{
	struct benchmark_place place;

	assert_int_equal(benchmark_place(b, "cto", stage, area, score,
					 &place), 0);
	assert_int_equal(place.below, below);
	assert_int_equal(place.percent, percent);
}

/*
 * Above N%: the share of the scores strictly lower.
 *   30 among 10 20 30 30 40 50: 2 lower, 2/6 = 33.3 -> 33
 *   35: 4 lower, 66.7 -> 67;  5: none, 0;  60: all six, 100
 *   security 85 among 60 70 80 90 100: 3 of 5, 60
 */
static void test_percentiles(void **state)
{
	struct benchmark b;
	struct benchmark_place place;

	(void)state;
	fill(&b);
	assert_place(&b, "seed", NULL, 30, 2, 33);
	assert_place(&b, "seed", NULL, 35, 4, 67);
	assert_place(&b, "seed", NULL, 5, 0, 0);
	assert_place(&b, "seed", NULL, 60, 6, 100);
	assert_place(&b, "seed", "security", 85, 3, 60);
	assert_int_equal(benchmark_place(&b, "cto", "seed", NULL, 30, &place),
			 0);
	assert_int_equal(place.companies, 6);
	benchmark_release(&b);
}

/* Fewer than five: nothing is said, for a stage or for an area. */
static void test_minimum(void **state)
{
	struct benchmark b;
	struct benchmark_place place;

	(void)state;
	fill(&b);
	assert_int_equal(benchmark_place(&b, "cto", "idea", NULL, 20, &place),
			 -1);
	assert_int_equal(benchmark_place(&b, "cto", "seed", "payments", 20,
					 &place), -1);
	assert_int_equal(benchmark_place(&b, "cto", "seed", "hiring", 20,
					 &place), -1);
	assert_int_equal(benchmark_place(&b, "other", "seed", NULL, 20,
					 &place), -1);
	benchmark_release(&b);
}

/*
 * Rounding never says "all" or "none" when it is not so: 199 of 200 lower
 * is 99.5%, shown as 99; 1 of 250 is 0.4%, shown as 1.
 */
static void test_rounding_honest(void **state)
{
	struct benchmark b;
	struct benchmark_group *g;
	int i;

	(void)state;
	benchmark_init(&b, NULL);
	g = benchmark_group(&b, "cto", "seed");
	for (i = 0; i < 250; i++) {
		g->companies++;
		benchmark_add(g, NULL, i < 199 ? 10 : 50);
	}
	benchmark_finish(&b);
	/* 199 scores of 10 below 20; 250 in all: 79.6 -> 80. */
	assert_place(&b, "seed", NULL, 20, 199, 80);
	benchmark_release(&b);

	benchmark_init(&b, NULL);
	g = benchmark_group(&b, "cto", "seed");
	for (i = 0; i < 200; i++) {
		g->companies++;
		benchmark_add(g, NULL, i < 199 ? 10 : 50);
	}
	benchmark_finish(&b);
	assert_place(&b, "seed", NULL, 20, 199, 99);
	benchmark_release(&b);

	benchmark_init(&b, NULL);
	g = benchmark_group(&b, "cto", "seed");
	for (i = 0; i < 250; i++) {
		g->companies++;
		benchmark_add(g, NULL, i ? 50 : 10);
	}
	benchmark_finish(&b);
	assert_place(&b, "seed", NULL, 20, 1, 1);
	benchmark_release(&b);
}

/* The file holds no small group and no short list, each list sorted. */
static void test_file(void **state)
{
	char dir[] = "/tmp/test_benchmark.XXXXXX";
	struct diag_list diags = DIAG_LIST_INIT;
	struct benchmark b, back;
	struct buf path = BUF_INIT, err = BUF_INIT;
	cJSON *json;
	char *text;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fill(&b);
	json = benchmark_to_json(&b);
	text = cJSON_PrintUnformatted(json);
	assert_string_equal(text,
		"{\"schema\":\"cto-assess/benchmark/1\",\"minimum\":5,"
		"\"groups\":[{\"questionnaire\":\"cto\",\"stage\":\"seed\","
		"\"companies\":6,\"overall\":[10,20,30,30,40,50],"
		"\"areas\":{\"security\":[60,70,80,90,100]}}]}");
	buf_addf(&path, "%s/bench.json", dir);
	assert_int_equal(file_write_atomic(path.data, text, strlen(text), 0,
					   &err), 0);
	assert_int_equal(benchmark_load(&back, path.data, &diags), 0);
	assert_int_equal(diags.count, 0);
	assert_place(&back, "seed", NULL, 35, 4, 67);
	assert_place(&back, "seed", "security", 85, 3, 60);
	unlink(path.data);
	rmdir(dir);
	free(text);
	cJSON_Delete(json);
	benchmark_release(&b);
	benchmark_release(&back);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
}

/* A file someone else wrote: every mistake at its place. */
static void test_file_errors(void **state)
{
	static const char text[] =
		"{\"schema\": \"cto-assess/benchmark/2\",\n"
		" \"groups\": [\n"
		"  {\"questionnaire\": \"cto\", \"stage\": \"seed\","
		" \"companies\": 6, \"overall\": [10, \"20\"], \"colour\": 1},\n"
		"  {\"questionnaire\": \"cto\", \"stage\": \"seed\","
		" \"companies\": 6},\n"
		"  {\"stage\": \"Seed!\", \"companies\": -1}]}\n";
	char dir[] = "/tmp/test_benchmark.XXXXXX";
	struct diag_list diags = DIAG_LIST_INIT;
	struct benchmark b;
	struct buf path = BUF_INIT, err = BUF_INIT, got = BUF_INIT;
	size_t i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_addf(&path, "%s/bad.json", dir);
	assert_int_equal(file_write_atomic(path.data, text, strlen(text), 0,
					   &err), 0);
	assert_int_equal(benchmark_load(&b, path.data, &diags), -1);
	for (i = 0; i < diags.count; i++) {
		char *line = diag_format(&diags.items[i]);

		buf_addf(&got, "%s\n", line + strlen(dir) + 1);
		free(line);
	}
	assert_string_equal(got.data,
		"bad.json:1:12: error: unsupported benchmark schema "
		"'cto-assess/benchmark/2' (expected 'cto-assess/benchmark/1')\n"
		"bad.json:3:84: error: unknown key 'colour' in a group\n"
		"bad.json:3:77: error: a score must be a number from 0 to 100\n"
		"bad.json:4:3: error: a second group for questionnaire 'cto' at "
		"stage 'seed'\n"
		"bad.json:5:3: error: a group is missing required key "
		"'questionnaire'\n"
		"bad.json:5:13: error: invalid id 'Seed!' (ids are lowercase "
		"letters, digits, '_', '.' and '-', starting with a letter or "
		"digit)\n"
		"bad.json:5:35: error: 'companies' must be between 0 and "
		"999999, not -1\n");
	unlink(path.data);
	rmdir(dir);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	buf_release(&got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percentiles),
		cmocka_unit_test(test_minimum),
		cmocka_unit_test(test_rounding_honest),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
