/*
 * portfolio.h - many assessments side by side: one row per company with
 * its overall and area scores, level, open critical and high risks and
 * date, read in one process from report JSON files and answers files
 * (`cto-assess portfolio`, and the benchmarks of `report --benchmark`).
 *
 * Reading: a file is a report (schema "cto-assess/report/2" or /1), read as
 * it is, or an answers file (JSON by its schema, or YAML), scored with its
 * questionnaire, each questionnaire loaded once (assessment.h's cache).  A
 * directory is walked (sorted, hidden entries and links left out, at most
 * PORTFOLIO_MAX_DEPTH deep): a directory holding report.json counts as
 * that one report (run writes it beside answers.json); elsewhere every
 * JSON file that is a report or an answers file counts, and other JSON
 * files (a benchmark, a comparison) are passed over.  A file named on its
 * own must be one of the two.
 *
 * A struct portfolio owns its rows, columns and strings;
 * portfolio_release() frees them.  Reading prints what is wrong with a
 * file (as assessment.h does) and goes on with the others.
 */
#ifndef CTO_PORTFOLIO_H
#define CTO_PORTFOLIO_H

#include <stddef.h>

#include "assessment.h"
#include "benchmark.h"
#include "buf.h"
#include "strmap.h"

#define PORTFOLIO_SCHEMA "cto-assess/portfolio/1"
#define PORTFOLIO_MAX_DEPTH 16

/* An area seen in any row: a column of the table. */
struct portfolio_column {
	char *id;
	char *title;
};

/* One area's score in a row. */
struct portfolio_score {
	size_t column;
	double score;
	int enough;          /* enough information (coverage >= 50%) */
};

struct portfolio_row {
	char *source;        /* the file read */
	char *company;       /* NULL when the assessment names none */
	char *stage;         /* the stage id, or NULL */
	char *questionnaire; /* its id */
	char *date;          /* the assessment date, YYYY-MM-DD */
	int has_score;
	double score;
	int enough;          /* the overall has enough information */
	char *level;         /* the level's name, or NULL */
	int level_rank;      /* its place among the levels, -1 without one */
	size_t critical, high;
	struct portfolio_score *scores;
	size_t nscores;
	size_t order;        /* the order read in */
};

struct portfolio {
	struct portfolio_row *rows;
	size_t nrows, alloc;
	struct portfolio_column *columns;
	size_t ncolumns, columns_alloc;
	/* The columns as shown: each area after the one before it in the
	 * first row that has it, so that one questionnaire's areas keep its
	 * order whichever company is read first. */
	size_t *order;
	struct strmap column_index;   /* id -> column number + 1 */
	size_t invalid;               /* files that could not be read */
	int all;                      /* every assessment, not the latest */
	struct questionnaire_cache cache;
};

void portfolio_init(struct portfolio *p);
void portfolio_release(struct portfolio *p);

/*
 * Reads the file or directory at path into p (qarg: the questionnaire of
 * answers files, as -q; NULL: the one each names).  Returns the number of
 * assessments read; p->invalid counts the files that could not be.
 */
size_t portfolio_read(struct portfolio *p, const char *path,
		      const char *qarg);

/*
 * Keeps the latest assessment of each company (by its name, else by its
 * file): the latest date, the one read last on a tie.
 */
void portfolio_latest(struct portfolio *p);

/*
 * Sorts the rows by column (company, stage, questionnaire, date, score,
 * level, critical, high, source, or an area id; "area:ID" when an area id
 * is one of those names), ascending (reverse: descending), rows without a
 * value last either way, then by company and date.  Returns 0, or -1 with
 * "unknown column ..." and a hint in err.
 */
int portfolio_sort(struct portfolio *p, const char *column, int reverse,
		   struct buf *err);

/* The score of column in row, or NULL. */
const struct portfolio_score *portfolio_score(const struct portfolio_row *row,
					      size_t column);

/*
 * Adds the scores of the latest row of each company to b, by
 * questionnaire and stage, and sorts its lists.  Left out: rows without a
 * stage or a score, or whose stage or questionnaire is not an id (a report
 * from elsewhere may say anything), and scores without enough information.
 */
void portfolio_to_benchmark(const struct portfolio *p, struct benchmark *b);

/*
 * The formats (portfolio_render.c): text, md, html, csv, json.  Each
 * appends one document to out.  portfolio_format() finds one by name;
 * portfolio_format_of_file() by a file name's extension.
 */
struct portfolio_format {
	const char *name;
	const char *extensions[3];
	void (*render)(struct buf *out, const struct portfolio *p);
};

const struct portfolio_format *portfolio_format(const char *name);
const struct portfolio_format *portfolio_format_of_file(const char *path);
void portfolio_format_names(struct buf *out);

#endif
