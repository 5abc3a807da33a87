/*
 * portfolio.c - many assessments read in one process into one row per
 * assessment (portfolio.h): reports as they are, answers files scored,
 * directories walked; the latest of each company; sorting; benchmarks.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "diag.h"
#include "fileio.h"
#include "portfolio.h"
#include "report.h"
#include "util.h"

/* Report and answers files larger than this are refused. */
#define PORTFOLIO_MAX_FILE_SIZE (16u * 1024 * 1024)

void portfolio_init(struct portfolio *p)
{
	memset(p, 0, sizeof(*p));
}

static void row_release(struct portfolio_row *r)
{
	free(r->source);
	free(r->company);
	free(r->stage);
	free(r->questionnaire);
	free(r->date);
	free(r->level);
	free(r->scores);
	memset(r, 0, sizeof(*r));
}

void portfolio_release(struct portfolio *p)
{
	size_t i;

	for (i = 0; i < p->nrows; i++)
		row_release(&p->rows[i]);
	free(p->rows);
	for (i = 0; i < p->ncolumns; i++) {
		free(p->columns[i].id);
		free(p->columns[i].title);
	}
	free(p->columns);
	free(p->order);
	strmap_release(&p->column_index);
	questionnaire_cache_release(&p->cache);
	memset(p, 0, sizeof(*p));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Shows column c right after column after (at the start: SIZE_MAX). */
static void show_after(struct portfolio *p, size_t c, size_t after)
{
	size_t at = 0, i;

	for (i = 0; after != SIZE_MAX && i + 1 < p->ncolumns; i++)
		if (p->order[i] == after) {
			at = i + 1;
			break;
		}
	memmove(&p->order[at + 1], &p->order[at],
		(p->ncolumns - 1 - at) * sizeof(*p->order));
	p->order[at] = c;
}

/*
 * The column of area id, added (with its title) when first seen, and shown
 * after column after (the row's area before it; SIZE_MAX for none).
 */
static size_t column_of(struct portfolio *p, const char *id,
			const char *title, size_t after)
{
	void *found = strmap_get(&p->column_index, id);
	struct portfolio_column *c;
	size_t alloc = p->columns_alloc;

	if (found)
		return (size_t)(uintptr_t)found - 1;
	GROW(p->columns, p->columns_alloc, p->ncolumns + 1);
	if (p->columns_alloc != alloc)
		p->order = xreallocarray(p->order, p->columns_alloc,
					 sizeof(*p->order));
	c = &p->columns[p->ncolumns++];
	c->id = xstrdup(id);
	c->title = xstrdup(title ? title : id);
	strmap_put(&p->column_index, c->id, (void *)(uintptr_t)p->ncolumns);
	show_after(p, p->ncolumns - 1, after);
	return p->ncolumns - 1;
}

static void add_score(struct portfolio *p, struct portfolio_row *row,
		      const char *id, const char *title, double score,
		      int enough)
{
	size_t after = row->nscores ? row->scores[row->nscores - 1].column :
		       SIZE_MAX;
	struct portfolio_score *s;

	row->scores = xreallocarray(row->scores, row->nscores + 1,
				    sizeof(*row->scores));
	s = &row->scores[row->nscores++];
	s->column = column_of(p, id, title, after);
	s->score = score;
	s->enough = enough;
}

const struct portfolio_score *portfolio_score(const struct portfolio_row *row,
					      size_t column)
{
	size_t i;

	for (i = 0; i < row->nscores; i++)
		if (row->scores[i].column == column)
			return &row->scores[i];
	return NULL;
}

/* A new row at the end, for the file at source. */
static struct portfolio_row *new_row(struct portfolio *p, const char *source)
{
	struct portfolio_row *row;

	GROW(p->rows, p->alloc, p->nrows + 1);
	row = &p->rows[p->nrows];
	memset(row, 0, sizeof(*row));
	row->source = xstrdup(source);
	row->order = p->nrows++;
	row->level_rank = -1;
	return row;
}

/* ---- answers files ---------------------------------------------------- */

static void fill_from_report(struct portfolio *p, struct portfolio_row *row,
			     const struct report *r)
{
	const struct score_result *s = &r->score;
	size_t i;

	row->company = dup_or_null(s->company);
	row->stage = dup_or_null(s->stage);
	row->questionnaire = xstrdup(r->questionnaire->id);
	row->date = xstrdup(r->date);
	row->has_score = s->has_score;
	row->score = s->score;
	row->enough = s->enough_information;
	if (s->level && s->enough_information) {
		row->level = xstrdup(s->level->name);
		row->level_rank = (int)(s->level - r->questionnaire->levels);
	}
	row->critical = s->nrisks[RISK_CRITICAL];
	row->high = s->nrisks[RISK_HIGH];
	for (i = 0; i < s->nareas; i++)
		if (s->areas[i].has_score)
			add_score(p, row, s->areas[i].area->id,
				  s->areas[i].area->title, s->areas[i].score,
				  s->areas[i].enough_information);
}

static int read_answers(struct portfolio *p, const char *path,
			const char *qarg)
{
	struct assessment as;
	int ret = -1;

	if (assessment_open_cached(&as, path, qarg,
				   ASSESSMENT_NAMED_BY_ANSWERS,
				   &p->cache) == 0) {
		assessment_score(&as);
		fill_from_report(p, new_row(p, path), &as.report);
		ret = 0;
	}
	assessment_release(&as);
	return ret;
}

/* ---- report files ----------------------------------------------------- */

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A score from 0 to 100, or a count; anything else is absent. */
static int jnum(const cJSON *o, const char *key, double max, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) ||
	    v->valuedouble > max)
		return 0;
	*out = v->valuedouble;
	return 1;
}

static const cJSON *jobj(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsObject(v) ? v : NULL;
}

/* The place of level id among the report's levels, or -1. */
static int level_rank(const cJSON *doc, const char *id)
{
	const cJSON *levels = cJSON_GetObjectItemCaseSensitive(doc, "levels");
	const cJSON *level;
	int i = 0;

	if (!cJSON_IsArray(levels))
		return -1;
	cJSON_ArrayForEach(level, levels) {
		const char *lid = jstr(level, "id");

		if (id && lid && !strcmp(id, lid))
			return i;
		i++;
	}
	return -1;
}

static void report_areas(struct portfolio *p, struct portfolio_row *row,
			 const cJSON *areas)
{
	const cJSON *a;
	double score;

	cJSON_ArrayForEach(a, areas) {
		const char *id = jstr(a, "id");

		if (!id || !cJSON_IsTrue(cJSON_GetObjectItem(a, "scored")) ||
		    !jnum(a, "score", 100, &score))
			continue;
		add_score(p, row, id, jstr(a, "title"), score,
			  !cJSON_IsFalse(cJSON_GetObjectItem(
				  a, "enough_information")));
	}
}

/* A report read as it is; returns 0, or -1 with why in err. */
static int read_report(struct portfolio *p, const char *path,
		       const cJSON *doc, struct buf *err)
{
	const cJSON *overall = jobj(doc, "overall");
	const cJSON *areas = cJSON_GetObjectItemCaseSensitive(doc, "areas");
	const cJSON *q = jobj(doc, "questionnaire"), *risks;
	struct portfolio_row *row;
	double v;

	if (!overall || !cJSON_IsArray(areas) || !jstr(q, "id") ||
	    !jstr(doc, "assessment_date")) {
		buf_addf(err, "'%s' is not a complete report (it needs "
			 "\"overall\", \"areas\", \"questionnaire\" and "
			 "\"assessment_date\")", path);
		return -1;
	}
	row = new_row(p, path);
	row->company = dup_or_null(jstr(doc, "company"));
	row->stage = dup_or_null(jstr(jobj(doc, "stage"), "id"));
	row->questionnaire = xstrdup(jstr(q, "id"));
	row->date = xstrndup(jstr(doc, "assessment_date"), 10);
	row->has_score = jnum(overall, "score", 100, &row->score);
	row->enough = !cJSON_IsFalse(cJSON_GetObjectItem(
		overall, "enough_information"));
	row->level = dup_or_null(jstr(overall, "level_name"));
	row->level_rank = level_rank(doc, jstr(overall, "level"));
	risks = jobj(overall, "risks");
	if (jnum(risks, "critical", 1e9, &v))
		row->critical = (size_t)v;
	if (jnum(risks, "high", 1e9, &v))
		row->high = (size_t)v;
	report_areas(p, row, areas);
	return 0;
}

/* ---- one file, a directory -------------------------------------------- */

static int is_report_schema(const char *schema)
{
	return schema && (!strcmp(schema, REPORT_SCHEMA) ||
			  !strcmp(schema, REPORT_SCHEMA_1));
}

/*
 * Reads one file.  named: the file was named on the command line, and must
 * be a report or an answers file; in a directory, other JSON files are
 * passed over.  Returns 1 when a row was added, 0 when passed over, -1
 * after an error (printed).
 */
static int read_file(struct portfolio *p, const char *path, const char *qarg,
		     int named)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	cJSON *doc = NULL;
	const char *schema;
	int ret = -1;

	if (path_is_yaml(path))
		return read_answers(p, path, qarg) == 0 ? 1 : -1;
	if (file_read_all(path, PORTFOLIO_MAX_FILE_SIZE, &data, &err) < 0)
		goto out;
	doc = cJSON_ParseWithLength(data.data, data.len);
	schema = doc ? jstr(doc, "schema") : NULL;
	if (!doc)
		buf_addf(&err, "'%s' is not valid JSON", path);
	else if (schema && !strcmp(schema, ANSWERS_SCHEMA))
		ret = read_answers(p, path, qarg) == 0 ? 1 : -1;
	else if (is_report_schema(schema))
		ret = read_report(p, path, doc, &err) == 0 ? 1 : -1;
	else if (!named)
		ret = 0;
	else
		buf_addf(&err, "'%s' is neither a cto-assess report nor an "
			 "answers file", path);
out:
	if (err.len)
		error("%s", err.data);
	cJSON_Delete(doc);
	buf_release(&data);
	buf_release(&err);
	return ret;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The entries of dir worth a look, sorted: no hidden ones. */
static char **list_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0;

	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		GROW(names, alloc, n + 1);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	*count = n;
	return names;
}

static size_t walk(struct portfolio *p, const char *dir, const char *qarg,
		   int depth);

/* Whether path names a file called name (in any directory). */
static int is_named(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');

	return !strcmp(slash ? slash + 1 : path, name);
}

/* One entry of a directory being walked. */
static size_t walk_entry(struct portfolio *p, const char *path,
			 const char *qarg, int depth, int has_report)
{
	struct stat st;
	size_t len = strlen(path);
	int r;

	if (lstat(path, &st) < 0)
		return 0;
	if (S_ISDIR(st.st_mode))
		return depth < PORTFOLIO_MAX_DEPTH ?
		       walk(p, path, qarg, depth + 1) : 0;
	if (!S_ISREG(st.st_mode) || len < 5 || strcmp(path + len - 5, ".json"))
		return 0;
	if (has_report && !is_named(path, "report.json"))
		return 0;
	r = read_file(p, path, qarg, 0);
	p->invalid += r < 0;
	return r > 0;
}

static size_t walk(struct portfolio *p, const char *dir, const char *qarg,
		   int depth)
{
	struct buf path = BUF_INIT;
	size_t i, n = 0, found = 0;
	char **names = list_dir(dir, &n);
	int has_report = 0;

	for (i = 0; i < n; i++)
		has_report |= !strcmp(names[i], "report.json");
	for (i = 0; i < n; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		found += walk_entry(p, path.data, qarg, depth, has_report);
		free(names[i]);
	}
	free(names);
	buf_release(&path);
	return found;
}

size_t portfolio_read(struct portfolio *p, const char *path,
		      const char *qarg)
{
	int r;

	if (file_is_dir(path))
		return walk(p, path, qarg, 0);
	r = read_file(p, path, qarg, 1);
	p->invalid += r < 0;
	return r > 0;
}

/* ---- the latest of each company ---------------------------------------- */

/* Sets keep[i] for the latest row of each company. */
static void latest_rows(const struct portfolio *p, unsigned char *keep)
{
	struct strmap seen = STRMAP_INIT;
	size_t *best = xcalloc(p->nrows + 1, sizeof(*best)), i, groups = 0;

	for (i = 0; i < p->nrows; i++) {
		const struct portfolio_row *r = &p->rows[i];
		const char *key = r->company ? r->company : r->source;
		void *found = strmap_get(&seen, key);
		size_t g;

		if (!found) {
			best[groups] = i;
			strmap_put(&seen, key, (void *)(uintptr_t)++groups);
			continue;
		}
		g = (size_t)(uintptr_t)found - 1;
		if (strcmp(r->date, p->rows[best[g]].date) >= 0)
			best[g] = i;
	}
	memset(keep, 0, p->nrows);
	for (i = 0; i < groups; i++)
		keep[best[i]] = 1;
	strmap_release(&seen);
	free(best);
}

void portfolio_latest(struct portfolio *p)
{
	unsigned char *keep = xmalloc(p->nrows + 1);
	size_t i, n = 0;

	latest_rows(p, keep);
	for (i = 0; i < p->nrows; i++) {
		if (keep[i])
			p->rows[n++] = p->rows[i];
		else
			row_release(&p->rows[i]);
	}
	p->nrows = n;
	free(keep);
}

void portfolio_to_benchmark(const struct portfolio *p, struct benchmark *b)
{
	unsigned char *keep = xmalloc(p->nrows + 1);
	size_t i, k;

	latest_rows(p, keep);
	for (i = 0; i < p->nrows; i++) {
		const struct portfolio_row *r = &p->rows[i];
		struct benchmark_group *g;

		/* A report from elsewhere may say anything: only ids that a
		 * benchmark file can hold are grouped. */
		if (!keep[i] || !r->stage || !r->has_score ||
		    !id_is_valid(r->stage) || !id_is_valid(r->questionnaire))
			continue;
		g = benchmark_group(b, r->questionnaire, r->stage);
		g->companies++;
		if (r->enough)
			benchmark_add(g, NULL, r->score);
		for (k = 0; k < r->nscores; k++)
			if (r->scores[k].enough)
				benchmark_add(g, p->columns[
					r->scores[k].column].id,
					r->scores[k].score);
	}
	benchmark_finish(b);
	free(keep);
}

/* ---- sorting ---------------------------------------------------------- */

enum sort_key {
	SORT_COMPANY, SORT_STAGE, SORT_QUESTIONNAIRE, SORT_DATE, SORT_SCORE,
	SORT_LEVEL, SORT_CRITICAL, SORT_HIGH, SORT_SOURCE, SORT_AREA
};

static const char *const sort_names[SORT_AREA] = {
	"company", "stage", "questionnaire", "date", "score", "level",
	"critical", "high", "source"
};

/* What to sort by; qsort() has no context of its own. */
static struct sort_by {
	enum sort_key key;
	size_t column;
	int reverse;
} sort_by;

/* A row's value for a key: text or number, or absent. */
struct sort_value {
	int present;
	const char *text;
	double number;
};

static struct sort_value value_of(const struct portfolio_row *r,
				  enum sort_key key, size_t column)
{
	struct sort_value v = { 1, NULL, 0 };
	const struct portfolio_score *s;

	switch (key) {
	case SORT_COMPANY: v.text = r->company; break;
	case SORT_STAGE: v.text = r->stage; break;
	case SORT_QUESTIONNAIRE: v.text = r->questionnaire; break;
	case SORT_DATE: v.text = r->date; break;
	case SORT_SOURCE: v.text = r->source; break;
	case SORT_SCORE: v.present = r->has_score; v.number = r->score; break;
	case SORT_LEVEL:
		v.present = r->level_rank >= 0;
		v.number = r->level_rank;
		break;
	case SORT_CRITICAL: v.number = (double)r->critical; break;
	case SORT_HIGH: v.number = (double)r->high; break;
	case SORT_AREA:
		s = portfolio_score(r, column);
		v.present = s != NULL;
		v.number = s ? s->score : 0;
		break;
	}
	if (key <= SORT_DATE || key == SORT_SOURCE)
		v.present = v.text != NULL;
	return v;
}

/* Absent values last, whatever the direction. */
static int compare_values(const struct sort_value *a,
			  const struct sort_value *b, int reverse)
{
	int c;

	if (!a->present || !b->present)
		return a->present ? -1 : b->present ? 1 : 0;
	if (a->text || b->text)
		c = strcmp(a->text ? a->text : "", b->text ? b->text : "");
	else
		c = a->number < b->number ? -1 : a->number > b->number;
	return reverse ? -c : c;
}

static int compare_rows(const void *x, const void *y)
{
	const struct portfolio_row *a = x, *b = y;
	struct sort_value va = value_of(a, sort_by.key, sort_by.column);
	struct sort_value vb = value_of(b, sort_by.key, sort_by.column);
	int c = compare_values(&va, &vb, sort_by.reverse);

	if (c)
		return c;
	va = value_of(a, SORT_COMPANY, 0);
	vb = value_of(b, SORT_COMPANY, 0);
	if ((c = compare_values(&va, &vb, 0)))
		return c;
	if ((c = strcmp(a->date, b->date)))
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* The key column names, or -1 with an error and a hint in err. */
static int find_sort_key(const struct portfolio *p, const char *column,
			 struct sort_by *by, struct buf *err)
{
	const char **names;
	size_t i, n = SORT_AREA + p->ncolumns;
	const char *area = strncmp(column, "area:", 5) ? column : column + 5;
	void *found;

	for (i = 0; area == column && i < SORT_AREA; i++)
		if (!strcmp(column, sort_names[i])) {
			by->key = (enum sort_key)i;
			return 0;
		}
	if ((found = strmap_get(&p->column_index, area))) {
		by->key = SORT_AREA;
		by->column = (size_t)(uintptr_t)found - 1;
		return 0;
	}
	names = xcalloc(n, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = i < SORT_AREA ? sort_names[i] :
			   p->columns[p->order[i - SORT_AREA]].id;
	buf_addf(err, "unknown column '%s' (expected one of:", column);
	for (i = 0; i < n; i++)
		buf_addf(err, "%s %s", i ? "," : "", names[i]);
	buf_adds(err, ")");
	buf_add_hint(err, column, names, n);
	free(names);
	return -1;
}

int portfolio_sort(struct portfolio *p, const char *column, int reverse,
		   struct buf *err)
{
	struct sort_by by = { SORT_COMPANY, 0, reverse };

	if (find_sort_key(p, column, &by, err) < 0)
		return -1;
	sort_by = by;
	qsort(p->rows, p->nrows, sizeof(*p->rows), compare_rows);
	return 0;
}
