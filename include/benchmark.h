/*
 * benchmark.h - how a company's scores stand against those of the
 * companies at its stage in a consultant's own portfolio.
 *
 * A benchmark holds, per questionnaire and stage, how many companies it
 * counts and the distribution of their scores: the overall score and each
 * area's, each list sorted on its own (so that no company's row of scores
 * can be put back together), and never a company's name.  It is built from
 * a portfolio (portfolio.h) or read from the file `portfolio
 * --benchmark-out` writes (schema "cto-assess/benchmark/1"):
 *
 *   {"schema": "cto-assess/benchmark/1", "minimum": 5,
 *    "groups": [{"questionnaire": "cto-readiness", "stage": "seed",
 *                "companies": 12, "overall": [23.5, 31.0, ...],
 *                "areas": {"security": [12.0, ...], ...}}]}
 *
 * A score is placed as "above N% of the K companies": N is the share of the
 * K scores of its list that are strictly lower, rounded to a whole percent.
 * Where a list holds fewer than BENCHMARK_MIN_COMPANIES scores nothing is
 * said (and the file leaves the list out), so that no single company can be
 * recognised.
 *
 * A struct benchmark owns its groups, lists and strings;
 * benchmark_release() frees them.  Nothing here prints or exits.
 */
#ifndef CTO_BENCHMARK_H
#define CTO_BENCHMARK_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct cJSON;

#define BENCHMARK_SCHEMA "cto-assess/benchmark/1"
#define BENCHMARK_MIN_COMPANIES 5
/* Benchmark files larger than this are refused. */
#define BENCHMARK_MAX_FILE_SIZE (16u * 1024 * 1024)

/* The scores of one area (or, area NULL, the overall scores). */
struct benchmark_series {
	char *area;
	double *scores;      /* ascending once benchmark_finish() has run */
	size_t count, alloc;
};

struct benchmark_group {
	char *questionnaire;
	char *stage;
	size_t companies;
	struct benchmark_series overall;
	struct benchmark_series *areas;
	size_t nareas, alloc;
};

struct benchmark {
	char *source;        /* the file or directory it came from */
	struct benchmark_group *groups;
	size_t ngroups, alloc;
};

/*
 * Where a score stands: above percent% of the companies in its list (below
 * of them scored lower).  percent is 100 only when every one is below, 0
 * only when none is.
 */
struct benchmark_place {
	size_t companies;
	size_t below;
	int percent;
};

void benchmark_init(struct benchmark *b, const char *source);
void benchmark_release(struct benchmark *b);

/*
 * The group of questionnaire and stage, added when missing; add a company
 * by counting it (g->companies++) and adding its scores.
 */
struct benchmark_group *benchmark_group(struct benchmark *b,
					const char *questionnaire,
					const char *stage);

/* Adds one score (0-100) to the list of area (NULL: the overall). */
void benchmark_add(struct benchmark_group *g, const char *area,
		   double score);

/* Sorts every list; call once every score is added. */
void benchmark_finish(struct benchmark *b);

/*
 * Reads the benchmark file at path into b (initialised here), every
 * mistake a diagnostic at its place.  Returns 0, or -1 (b then empty).
 */
int benchmark_load(struct benchmark *b, const char *path,
		   struct diag_list *diags);

/*
 * The benchmark as the file holds it (caller owns): only the groups of at
 * least BENCHMARK_MIN_COMPANIES companies, and in them only the lists of
 * at least as many scores.
 */
struct cJSON *benchmark_to_json(const struct benchmark *b);

/*
 * Places score among the scores of area (NULL: the overall) of the
 * companies of questionnaire at stage.  Returns 0 with *place set, or -1
 * when there is no such list or it holds fewer than
 * BENCHMARK_MIN_COMPANIES scores.
 */
int benchmark_place(const struct benchmark *b, const char *questionnaire,
		    const char *stage, const char *area, double score,
		    struct benchmark_place *place);

/* The group of questionnaire and stage, or NULL. */
const struct benchmark_group *benchmark_find(const struct benchmark *b,
					     const char *questionnaire,
					     const char *stage);

#endif
