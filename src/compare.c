/*
 * compare.c - progress between two report JSON documents.
 *
 * Ownership: every helper that adds an item to a cJSON parent hands it over
 * (the parent owns it).  Inputs are only read; ids are looked up through
 * strmaps whose keys point into the input documents, so matching stays
 * linear however large a hostile input is.
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include <cJSON.h>

#include "compare.h"
#include "escape.h"
#include "report.h"
#include "strmap.h"
#include "util.h"

/* ---- reading untrusted documents ---------------------------------------- */

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int jnum(const cJSON *o, const char *key, double *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	/* Nothing in a report is near 1e9: larger is junk, and would
	 * overflow when rounded. */
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
	    fabs(v->valuedouble) > 1e9)
		return 0;
	*out = v->valuedouble;
	return 1;
}

static const cJSON *jarr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsArray(v) ? v : NULL;
}

/* Indexes the objects of array by their "id"; the first of a duplicate
 * id wins. */
static void index_by_id(struct strmap *map, const cJSON *array)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, array) {
		const char *id = jstr(item, "id");

		if (cJSON_IsObject(item) && id)
			strmap_put(map, id, (void *)item);
	}
}

int compare_check_report(const cJSON *doc, const char *name, struct buf *err)
{
	static const char *const arrays[] = { "areas", "findings", "answers" };
	const char *schema = jstr(doc, "schema");
	size_t i;

	if (!cJSON_IsObject(doc) || !schema) {
		buf_addf(err, "'%s' is not a cto-assess report or answers file "
			 "(no \"schema\")", name);
		return -1;
	}
	if (strcmp(schema, REPORT_SCHEMA) && strcmp(schema, REPORT_SCHEMA_1)) {
		buf_addf(err, "'%s' has schema '%s'; compare reads '%s' and "
			 "'%s' reports and answers files", name, schema,
			 REPORT_SCHEMA, REPORT_SCHEMA_1);
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(arrays); i++)
		if (!jarr(doc, arrays[i])) {
			buf_addf(err, "'%s' has no \"%s\" list", name,
				 arrays[i]);
			return -1;
		}
	if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(doc, "overall"))) {
		buf_addf(err, "'%s' has no \"overall\" object", name);
		return -1;
	}
	return 0;
}

/* ---- building the comparison -------------------------------------------- */

struct side {
	const cJSON *doc;
	int version1;  /* "not_applicable" meant what version 2 calls
			  "ruled_out" */
	struct strmap areas, findings, answers;
};

static void side_init(struct side *s, const cJSON *doc)
{
	const char *schema = jstr(doc, "schema");

	memset(s, 0, sizeof(*s));
	s->doc = doc;
	s->version1 = schema && !strcmp(schema, REPORT_SCHEMA_1);
	index_by_id(&s->areas, jarr(doc, "areas"));
	index_by_id(&s->findings, jarr(doc, "findings"));
	index_by_id(&s->answers, jarr(doc, "answers"));
}

static void side_release(struct side *s)
{
	strmap_release(&s->areas);
	strmap_release(&s->findings);
	strmap_release(&s->answers);
}

/* The status of the answer to id on side s, in version 2's words, or NULL
 * when the side has no such question. */
static const char *status_of(const struct side *s, const char *id)
{
	const cJSON *a = strmap_get(&s->answers, id);
	const char *status = a ? jstr(a, "status") : NULL;

	if (status && s->version1 && !strcmp(status, "not_applicable"))
		return "ruled_out";
	return status;
}

static int status_is(const char *status, const char *what)
{
	return status && !strcmp(status, what);
}

/* Skipped, don't know or not answered: not known. */
static int status_unknown(const char *status)
{
	return status_is(status, "skipped") || status_is(status, "dont_know") ||
	       status_is(status, "unanswered");
}

/* Asked of neither side, or ruled out by the respondent: not assessed. */
static int status_out(const char *status)
{
	return status_is(status, "ruled_out") ||
	       status_is(status, "not_applicable");
}

/* Copies the string o.key to dst.as (null when absent). */
static void copy_str(cJSON *dst, const char *as, const cJSON *o,
		     const char *key)
{
	const char *s = o ? jstr(o, key) : NULL;
	struct buf clean = BUF_INIT;

	if (!s) {
		cJSON_AddItemToObject(dst, as, cJSON_CreateNull());
		return;
	}
	/* The inputs are untrusted: no control characters, valid UTF-8. */
	escape_clean(&clean, s, 1);
	cJSON_AddItemToObject(dst, as, cJSON_CreateString(clean.data));
	buf_release(&clean);
}

static cJSON *side_json(const cJSON *doc)
{
	const cJSON *q = cJSON_GetObjectItemCaseSensitive(doc, "questionnaire");
	const cJSON *stage = cJSON_GetObjectItemCaseSensitive(doc, "stage");
	cJSON *o = cJSON_CreateObject(), *qo = cJSON_CreateObject();

	copy_str(o, "company", doc, "company");
	copy_str(o, "assessment_date", doc, "assessment_date");
	copy_str(o, "generated_at", doc, "generated_at");
	copy_str(o, "stage", cJSON_IsObject(stage) ? stage : NULL, "id");
	copy_str(o, "stage_label", cJSON_IsObject(stage) ? stage : NULL,
		 "label");
	copy_str(qo, "id", q, "id");
	copy_str(qo, "version", q, "version");
	copy_str(qo, "hash", q, "hash");
	cJSON_AddItemToObject(o, "questionnaire", qo);
	return o;
}

/* A question without its text (a damaged report) is shown by its id. */
static void fill_question(cJSON *r)
{
	const char *id = jstr(r, "id");

	if (cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r, "question")) && id)
		cJSON_ReplaceItemInObjectCaseSensitive(r, "question",
						       cJSON_CreateString(id));
}

/* Adds "old", "new" and "delta" (null where a side has no number). */
static void add_pair(cJSON *dst, const cJSON *old_o, const cJSON *new_o,
		     const char *key)
{
	double a = 0, b = 0;
	int has_a = old_o && jnum(old_o, key, &a);
	int has_b = new_o && jnum(new_o, key, &b);

	cJSON_AddItemToObject(dst, "old", has_a ?
			      cJSON_CreateNumber(round_to(a, 1)) :
			      cJSON_CreateNull());
	cJSON_AddItemToObject(dst, "new", has_b ?
			      cJSON_CreateNumber(round_to(b, 1)) :
			      cJSON_CreateNull());
	cJSON_AddItemToObject(dst, "delta", has_a && has_b ?
			      cJSON_CreateNumber(round_to(b - a, 1)) :
			      cJSON_CreateNull());
}

/* The open risks by level, as the report counts them ({} when absent). */
static cJSON *risk_counts_json(const cJSON *doc)
{
	static const char *const levels[] = { "critical", "high", "medium",
					      "low" };
	const cJSON *overall = cJSON_GetObjectItemCaseSensitive(doc, "overall");
	const cJSON *risks = cJSON_GetObjectItemCaseSensitive(overall, "risks");
	cJSON *r = cJSON_CreateObject();
	size_t i;
	double n;

	for (i = 0; i < ARRAY_SIZE(levels); i++)
		if (cJSON_IsObject(risks) && jnum(risks, levels[i], &n))
			cJSON_AddNumberToObject(r, levels[i], round_to(n, 0));
	return r;
}

static cJSON *overall_json(const struct side *o, const struct side *n)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(o->doc, "overall");
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(n->doc, "overall");
	cJSON *r = cJSON_CreateObject();
	double t;

	add_pair(r, a, b, "score");
	copy_str(r, "old_level", a, "level_name");
	copy_str(r, "new_level", b, "level_name");
	cJSON_AddItemToObject(r, "old_risks", risk_counts_json(o->doc));
	cJSON_AddItemToObject(r, "new_risks", risk_counts_json(n->doc));
	cJSON_AddItemToObject(r, "target", jnum(b, "target", &t) ?
			      cJSON_CreateNumber(round_to(t, 1)) :
			      cJSON_CreateNull());
	return r;
}

static cJSON *area_json(const cJSON *a, const cJSON *b)
{
	cJSON *r = cJSON_CreateObject();
	double t;

	copy_str(r, "id", b ? b : a, "id");
	/* A damaged report's untitled area is shown by its id. */
	copy_str(r, "title", b ? b : a,
		 jstr(b ? b : a, "title") ? "title" : "id");
	add_pair(r, a, b, "score");
	cJSON_AddItemToObject(r, "target", b && jnum(b, "target", &t) ?
			      cJSON_CreateNumber(round_to(t, 1)) :
			      cJSON_CreateNull());
	cJSON_AddBoolToObject(r, "matched", a && b);
	return r;
}

/* Scored areas of the new report, then scored areas only the old had. */
static cJSON *areas_json(const struct side *o, const struct side *n)
{
	cJSON *list = cJSON_CreateArray();
	const cJSON *item;

	cJSON_ArrayForEach(item, jarr(n->doc, "areas")) {
		const char *id = jstr(item, "id");

		if (id && strmap_get(&n->areas, id) == item &&
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "scored")))
			cJSON_AddItemToArray(list, area_json(
				strmap_get(&o->areas, id), item));
	}
	cJSON_ArrayForEach(item, jarr(o->doc, "areas")) {
		const char *id = jstr(item, "id");

		if (id && strmap_get(&o->areas, id) == item &&
		    cJSON_IsTrue(cJSON_GetObjectItem(item, "scored")) &&
		    !strmap_get(&n->areas, id))
			cJSON_AddItemToArray(list, area_json(item, NULL));
	}
	return list;
}

/* One finding as compare lists it: the question and both answers. */
static cJSON *finding_json(const char *id, const struct side *o,
			   const struct side *n)
{
	const cJSON *fo = strmap_get(&o->findings, id);
	const cJSON *fn = strmap_get(&n->findings, id);
	const cJSON *ao = strmap_get(&o->answers, id);
	const cJSON *an = strmap_get(&n->answers, id);
	const cJSON *any = fn ? fn : fo;
	cJSON *r = cJSON_CreateObject();
	double score;

	copy_str(r, "id", any, "id");
	copy_str(r, "area", any, "area");
	copy_str(r, "area_title", any, "area_title");
	copy_str(r, "question", any, "question");
	copy_str(r, "old_answer", ao, "answer");
	copy_str(r, "new_answer", an, "answer");
	copy_str(r, "old_risk", fo, "risk");
	copy_str(r, "new_risk", fn, "risk");
	copy_str(r, "horizon", fn, "horizon");
	cJSON_AddItemToObject(r, "old_score", fo && jnum(fo, "score", &score)
			      ? cJSON_CreateNumber(round_to(score, 1))
			      : cJSON_CreateNull());
	cJSON_AddItemToObject(r, "new_score", fn && jnum(fn, "score", &score)
			      ? cJSON_CreateNumber(round_to(score, 1))
			      : cJSON_CreateNull());
	cJSON_AddBoolToObject(r, "new_question", !fo && !ao);
	/* A finding that was answered and is now an unknown did not
	 * improve: it is marked, whatever its score did. */
	cJSON_AddBoolToObject(r, "old_unknown", fo &&
			      status_unknown(status_of(o, id)));
	cJSON_AddBoolToObject(r, "new_unknown", fn &&
			      status_unknown(status_of(n, id)));
	copy_str(r, "new_status", an, "status");
	fill_question(r);
	return r;
}

static cJSON *findings_json(const struct side *o, const struct side *n)
{
	cJSON *r = cJSON_CreateObject();
	cJSON *resolved = cJSON_AddArrayToObject(r, "resolved");
	cJSON *added = cJSON_AddArrayToObject(r, "new");
	cJSON *open = cJSON_AddArrayToObject(r, "open");
	cJSON *out = cJSON_AddArrayToObject(r, "no_longer_applies");
	const cJSON *item;

	/* In the old report's plan order. */
	cJSON_ArrayForEach(item, jarr(o->doc, "findings")) {
		const char *id = jstr(item, "id");
		const char *now;

		if (!id || strmap_get(&o->findings, id) != item ||
		    strmap_get(&n->findings, id))
			continue;
		/* Resolved means answered better; a question gone from the
		 * questionnaire, or no longer applying, is not "resolved". */
		now = status_of(n, id);
		if (status_is(now, "answered"))
			cJSON_AddItemToArray(resolved, finding_json(id, o, n));
		else if (status_out(now))
			cJSON_AddItemToArray(out, finding_json(id, o, n));
	}
	/* In the new report's priority order. */
	cJSON_ArrayForEach(item, jarr(n->doc, "findings")) {
		const char *id = jstr(item, "id");

		if (!id || strmap_get(&n->findings, id) != item)
			continue;
		cJSON_AddItemToArray(strmap_get(&o->findings, id) ? open : added,
				     finding_json(id, o, n));
	}
	return r;
}

/* Whether two answers (report "answers" items) hold the same answer. */
static int same_answer(const cJSON *a, const cJSON *b)
{
	const char *sa = jstr(a, "status"), *sb = jstr(b, "status");
	const cJSON *va = cJSON_GetObjectItemCaseSensitive(a, "value");
	const cJSON *vb = cJSON_GetObjectItemCaseSensitive(b, "value");

	if (!sa || !sb || strcmp(sa, sb))
		return 0;
	if (!va || !vb)
		return va == vb;
	return cJSON_Compare(va, vb, 1);
}

static cJSON *answers_json(const struct side *o, const struct side *n)
{
	cJSON *list = cJSON_CreateArray();
	const cJSON *item;

	cJSON_ArrayForEach(item, jarr(n->doc, "answers")) {
		const char *id = jstr(item, "id");
		const cJSON *old_item = id ? strmap_get(&o->answers, id) : NULL;
		cJSON *r;

		if (!old_item || strmap_get(&n->answers, id) != item ||
		    same_answer(old_item, item))
			continue;
		/* Questions asked on neither side did not change. */
		if (status_is(status_of(n, id), "ruled_out") &&
		    status_is(status_of(o, id), "ruled_out"))
			continue;
		r = cJSON_CreateObject();
		copy_str(r, "id", item, "id");
		copy_str(r, "area", item, "area");
		copy_str(r, "question", item, "question");
		copy_str(r, "old", old_item, "answer");
		copy_str(r, "new", item, "answer");
		fill_question(r);
		cJSON_AddItemToArray(list, r);
	}
	return list;
}

/* Questions (by id) in one report's answers but not the other's. */
static cJSON *only_in(const struct side *a, const struct side *b)
{
	cJSON *list = cJSON_CreateArray();
	const cJSON *item;

	cJSON_ArrayForEach(item, jarr(a->doc, "answers")) {
		const char *id = jstr(item, "id");
		cJSON *r;

		if (!id || strmap_get(&a->answers, id) != item ||
		    strmap_get(&b->answers, id))
			continue;
		r = cJSON_CreateObject();
		copy_str(r, "id", item, "id");
		copy_str(r, "question", item, "question");
		fill_question(r);
		cJSON_AddItemToArray(list, r);
	}
	return list;
}

static int questionnaire_changed(const cJSON *a, const cJSON *b)
{
	const cJSON *qa = cJSON_GetObjectItemCaseSensitive(a, "questionnaire");
	const cJSON *qb = cJSON_GetObjectItemCaseSensitive(b, "questionnaire");
	static const char *const keys[] = { "id", "version", "hash" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *x = qa ? jstr(qa, keys[i]) : NULL;
		const char *y = qb ? jstr(qb, keys[i]) : NULL;

		if (!x || !y || strcmp(x, y))
			return 1;
	}
	return 0;
}

cJSON *compare_build(const cJSON *old_report, const cJSON *new_report)
{
	struct side o, n;
	cJSON *r = cJSON_CreateObject(), *unmatched;

	side_init(&o, old_report);
	side_init(&n, new_report);
	cJSON_AddStringToObject(r, "schema", COMPARE_SCHEMA);
	cJSON_AddItemToObject(r, "old", side_json(old_report));
	cJSON_AddItemToObject(r, "new", side_json(new_report));
	cJSON_AddBoolToObject(r, "questionnaire_changed",
			      questionnaire_changed(old_report, new_report));
	cJSON_AddItemToObject(r, "overall", overall_json(&o, &n));
	cJSON_AddItemToObject(r, "areas", areas_json(&o, &n));
	cJSON_AddItemToObject(r, "findings", findings_json(&o, &n));
	cJSON_AddItemToObject(r, "answers_changed", answers_json(&o, &n));
	unmatched = cJSON_AddObjectToObject(r, "unmatched_questions");
	cJSON_AddItemToObject(unmatched, "old_only", only_in(&o, &n));
	cJSON_AddItemToObject(unmatched, "new_only", only_in(&n, &o));
	side_release(&o);
	side_release(&n);
	return r;
}

/* ---- several assessments ------------------------------------------------- */

static const char *date_of(const cJSON *doc)
{
	const char *date = jstr(doc, "assessment_date");

	return date ? date : "";
}

void compare_sort_by_date(const cJSON **docs, const char **names, size_t n)
{
	size_t i, j;

	/* Insertion sort: stable, so equal dates keep the command's order. */
	for (i = 1; i < n; i++) {
		const cJSON *doc = docs[i];
		const char *name = names[i];

		for (j = i; j > 0 && strcmp(date_of(docs[j - 1]),
					    date_of(doc)) > 0; j--) {
			docs[j] = docs[j - 1];
			names[j] = names[j - 1];
		}
		docs[j] = doc;
		names[j] = name;
	}
}

/* Whether the string key of a and b (in object under, or the top) differ;
 * a side without it does not count as different. */
static int differs(const cJSON *a, const cJSON *b, const char *under,
		   const char *key, int ignore_case)
{
	const cJSON *oa = under ? cJSON_GetObjectItemCaseSensitive(a, under) : a;
	const cJSON *ob = under ? cJSON_GetObjectItemCaseSensitive(b, under) : b;
	const char *x = cJSON_IsObject(oa) ? jstr(oa, key) : NULL;
	const char *y = cJSON_IsObject(ob) ? jstr(ob, key) : NULL;

	if (!x || !y)
		return 0;
	return ignore_case ? strcasecmp(x, y) != 0 : strcmp(x, y) != 0;
}

/* Appends "'x' in A and 'y' in B" for the string key (under). */
static void add_both(struct buf *out, const cJSON *a, const cJSON *b,
		     const char *under, const char *key, const char *na,
		     const char *nb)
{
	const cJSON *oa = under ? cJSON_GetObjectItemCaseSensitive(a, under) : a;
	const cJSON *ob = under ? cJSON_GetObjectItemCaseSensitive(b, under) : b;

	buf_adds(out, "'");
	escape_clean(out, jstr(oa, key), 0);
	buf_addf(out, "' in '%s' and '", na);
	escape_clean(out, jstr(ob, key), 0);
	buf_addf(out, "' in '%s'", nb);
}

int compare_differences(const cJSON *a, const cJSON *b, const char *na,
			const char *nb, struct buf *company,
			struct buf *warnings)
{
	int other = differs(a, b, NULL, "company", 1);

	if (other) {
		buf_adds(company, "different companies: ");
		add_both(company, a, b, NULL, "company", na, nb);
	}
	if (differs(a, b, "stage", "id", 0)) {
		buf_adds(warnings, "the stage changed: ");
		add_both(warnings, a, b, "stage", "id", na, nb);
		buf_adds(warnings, " (the targets are the new stage's)\n");
	}
	if (differs(a, b, "questionnaire", "id", 0)) {
		buf_adds(warnings, "different questionnaires: ");
		add_both(warnings, a, b, "questionnaire", "id", na, nb);
		buf_adds(warnings, " (questions are matched by id)\n");
	} else if (differs(a, b, "questionnaire", "version", 0) ||
		   differs(a, b, "questionnaire", "hash", 0)) {
		buf_addf(warnings, "the questionnaire changed between '%s' and "
			 "'%s' (questions are matched by id)\n", na, nb);
	}
	return other;
}

/* The score of area id in doc, or null. */
static cJSON *area_score_json(const cJSON *doc, const char *id)
{
	const cJSON *item;
	double v;

	cJSON_ArrayForEach(item, jarr(doc, "areas")) {
		const char *aid = jstr(item, "id");

		if (aid && !strcmp(aid, id) && jnum(item, "score", &v))
			return cJSON_CreateNumber(round_to(v, 1));
	}
	return cJSON_CreateNull();
}

/* One entry of "assessments": who, when, with what, and the overall. */
static cJSON *assessment_json(const cJSON *doc)
{
	cJSON *o = side_json(doc);
	const cJSON *overall = cJSON_GetObjectItemCaseSensitive(doc, "overall");
	double v;

	cJSON_AddItemToObject(o, "overall", jnum(overall, "score", &v) ?
			      cJSON_CreateNumber(round_to(v, 1)) :
			      cJSON_CreateNull());
	return o;
}

cJSON *compare_build_series(const cJSON *const *docs, size_t n)
{
	cJSON *r = compare_build(docs[0], docs[n - 1]);
	cJSON *list = cJSON_CreateArray(), *trend = cJSON_CreateObject();
	cJSON *overall = cJSON_CreateArray(), *areas = cJSON_CreateArray();
	const cJSON *area;
	size_t i;

	for (i = 0; i < n; i++) {
		cJSON *a = assessment_json(docs[i]);

		cJSON_AddItemToArray(overall, cJSON_Duplicate(
			cJSON_GetObjectItemCaseSensitive(a, "overall"), 1));
		cJSON_AddItemToArray(list, a);
	}
	/* The areas of the comparison of the first and the last. */
	cJSON_ArrayForEach(area, cJSON_GetObjectItemCaseSensitive(r, "areas")) {
		const char *id = jstr(area, "id");
		cJSON *row = cJSON_CreateObject(), *scores;

		copy_str(row, "id", area, "id");
		copy_str(row, "title", area, "title");
		scores = cJSON_AddArrayToObject(row, "scores");
		for (i = 0; i < n; i++)
			cJSON_AddItemToArray(scores, id ?
					     area_score_json(docs[i], id) :
					     cJSON_CreateNull());
		cJSON_AddItemToArray(areas, row);
	}
	cJSON_AddItemToObject(trend, "overall", overall);
	cJSON_AddItemToObject(trend, "areas", areas);
	cJSON_AddItemToObject(r, "assessments", list);
	cJSON_AddItemToObject(r, "trend", trend);
	return r;
}
