/*
 * answers_file.c - the answers file read back from JSON or YAML, with a
 * diagnostic at the place of every invalid answer (answers_write.c writes
 * it).
 *
 * Both formats are read into the positioned node tree of yamltree.h (YAML
 * through libyaml's events, which refuses anchors and aliases; JSON through
 * jsontree.h), so one validator below serves both and every message carries
 * file:line:col.  A problem with one answer never stops the others from being
 * checked: the founder or the script sees the whole list at once.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "answers.h"
#include "answers_impl.h"
#include "fileio.h"
#include "jsontree.h"
#include "strmap.h"
#include "treecheck.h"
#include "util.h"
#include "yamltree.h"

/* ---- reading: the tree ----------------------------------------------- */

/* The name standard input goes by in messages ("--answers -"). */
#define STDIN_NAME "<stdin>"

/*
 * Standard input as an answers file: JSON when it starts with '{' (after
 * white space), else YAML.
 */
static int read_stdin_tree(struct yaml_tree *tree, struct diag_list *diags)
{
	struct buf data = BUF_INIT;
	char chunk[4096];
	ssize_t n;
	int ret;

	memset(tree, 0, sizeof(*tree));
	while ((n = read(STDIN_FILENO, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			diag_add(diags, DIAG_ERROR, STDIN_NAME, 0, 0,
				 "cannot read standard input: %s",
				 strerror(errno));
		else if (data.len + (size_t)n > ANSWERS_MAX_FILE_SIZE)
			diag_add(diags, DIAG_ERROR, STDIN_NAME, 0, 0,
				 "standard input is larger than %u bytes",
				 ANSWERS_MAX_FILE_SIZE);
		if (n < 0 || data.len + (size_t)n > ANSWERS_MAX_FILE_SIZE) {
			buf_release(&data);
			return -1;
		}
		buf_add(&data, chunk, (size_t)n);
	}
	if (data.data[strspn(data.data, " \t\r\n")] == '{')
		ret = json_tree_parse(tree, STDIN_NAME, data.data, data.len,
				      diags);
	else
		ret = yaml_tree_parse(tree, STDIN_NAME, data.data, data.len,
				      diags);
	buf_release(&data);
	return ret;
}

static int read_tree(struct yaml_tree *tree, const char *path,
		     struct diag_list *diags)
{
	if (!strcmp(path, "-"))
		return read_stdin_tree(tree, diags);
	if (path_is_yaml(path))
		return yaml_tree_load(tree, path, ANSWERS_MAX_FILE_SIZE, diags);
	return json_tree_load(tree, path, ANSWERS_MAX_FILE_SIZE, diags);
}

/* JSON null, or YAML's spellings of it (an empty plain value included). */
static int is_null(const struct ynode *n)
{
	return ynode_value_type(n) == YVALUE_NULL;
}

/* A scalar that is text without NUL bytes (YAML and JSON can write them). */
static int is_text(const struct ynode *n)
{
	return ynode_is_string(n) && !is_null(n);
}

/* ---- reading: diagnostics -------------------------------------------- */

/* Orphans of one group, in the order first seen, and an index by id. */
struct orphan {
	char *id;
	cJSON *value;
};

struct orphans {
	struct orphan **items;
	size_t count, alloc;
	struct strmap index;  /* id -> struct orphan * */
};

enum orphan_group { ORPHAN_ANSWERS, ORPHAN_NOTES, ORPHAN_GROUPS };
static const char *const orphan_group_names[ORPHAN_GROUPS] = {
	"answers", "notes"
};

struct reader {
	struct tree_check tc;
	struct answers *a;
	struct answer *items; /* where answers and notes go: a->items, or a
				 respondent's own (answers_team.c) */
	const char *orphans_where; /* "'orphans'" unless a respondent's */
	const struct questionnaire *q;
	const char **ids; /* question ids for hints, built when first needed */
	struct orphans orphans[ORPHAN_GROUPS];
};

static int expect_mapping(struct reader *r, const struct ynode *n,
			  const char *what)
{
	return tree_expect_kind(&r->tc, n, YNODE_MAPPING, what) == 0;
}

/* ---- reading: one answer --------------------------------------------- */

/*
 * How a value reads in a message: 'lots', the text '3' (a number in
 * quotes), the number 42, the boolean true, null, a list.
 */
static void add_value(struct buf *msg, const struct ynode *n)
{
	double v;

	switch (ynode_value_type(n)) {
	case YVALUE_NULL:
		buf_adds(msg, "null");
		break;
	case YVALUE_BOOL:
		buf_addf(msg, "the boolean %s", n->text);
		break;
	case YVALUE_NUMBER:
		buf_addf(msg, "the number %s", n->text);
		break;
	case YVALUE_TEXT:
		buf_addf(msg, "%s'%s'",
			 parse_number(n->text, &v) == 0 ? "the text " : "",
			 n->text);
		break;
	default:
		buf_adds(msg, ynode_kind_name(n));
	}
}

/*
 * Reports that n, the answer to (or note on) question id, is not what was
 * expected ("a number"), saying what it is, and hint when there is one
 * (what quotes would change).
 */
static void wrong_type(struct reader *r, const struct ynode *n,
		       const char *subject, const char *id,
		       const char *expected, const char *hint)
{
	struct buf msg = BUF_INIT;

	buf_addf(&msg, "%s '%s' must be %s, not ", subject, id, expected);
	add_value(&msg, n);
	if (hint)
		buf_addf(&msg, " (%s)", hint);
	tree_error(&r->tc, n, "%s", msg.data);
	buf_release(&msg);
}

/* The hint for a number or boolean where text was expected. */
static const char *quote_hint(const struct ynode *n)
{
	enum yvalue_type t = ynode_value_type(n);

	return t == YVALUE_NUMBER || t == YVALUE_BOOL ?
		"put it in quotes to make it text" : NULL;
}

/* Appends "a, b, c" (the choice ids of question). */
static void add_choice_ids(struct buf *msg, const struct question *question)
{
	size_t i;

	for (i = 0; i < question->nchoices; i++)
		buf_addf(msg, "%s%s", i ? ", " : "", question->choices[i].id);
}

static void unknown_choice(struct reader *r, const struct question *qn,
			   const struct ynode *n)
{
	const char **ids = xcalloc(qn->nchoices, sizeof(*ids));
	struct buf msg = BUF_INIT;
	size_t i;

	for (i = 0; i < qn->nchoices; i++)
		ids[i] = qn->choices[i].id;
	buf_addf(&msg, "unknown choice '%s' for question '%s'", n->text,
		 qn->id);
	buf_add_hint(&msg, n->text, ids, qn->nchoices);
	buf_adds(&msg, "; expected one of: ");
	add_choice_ids(&msg, qn);
	tree_error(&r->tc, n, "%s", msg.data);
	buf_release(&msg);
	free(ids);
}

/* Checks that n names a choice of question; returns the choice id or NULL. */
static const char *read_choice(struct reader *r, const struct question *qn,
			       const struct ynode *n)
{
	enum yvalue_type t = ynode_value_type(n);

	/* Booleans answer yes/no questions naturally. */
	if (question_is(qn, QTYPE_F_YESNO) && t == YVALUE_BOOL)
		return strchr("tT", n->text[0]) ? "yes" : "no";
	if (t != YVALUE_TEXT || !ynode_is_string(n)) {
		wrong_type(r, n, "answer to", qn->id, "a choice id",
			   t == YVALUE_NUMBER && question_choice(qn, n->text) ?
				   "put it in quotes to mean the choice" :
				   NULL);
		return NULL;
	}
	if (question_choice(qn, n->text))
		return n->text;
	unknown_choice(r, qn, n);
	return NULL;
}

static int read_single(struct reader *r, const struct question *qn,
		       const struct ynode *n, struct answer *ans)
{
	const char *id = read_choice(r, qn, n);

	if (!id)
		return -1;
	ans->kind = ANSWER_CHOICE;
	ans->choice = xstrdup(id);
	return 0;
}

/* An exclusive choice ("none of these") may only be the answer alone. */
static int check_exclusive(struct reader *r, const struct question *qn,
			   const struct ynode *n, const struct answer *ans)
{
	size_t i;

	for (i = 0; i < ans->nchoices && ans->nchoices > 1; i++) {
		const struct choice *c = question_choice(qn, ans->choices[i]);

		if (c && c->exclusive) {
			tree_error(&r->tc, n, "choice '%s' of '%s' cannot be "
				   "combined with other choices", c->id,
				   qn->id);
			return -1;
		}
	}
	return 0;
}

static int read_multi(struct reader *r, const struct question *qn,
		      const struct ynode *n, struct answer *ans)
{
	size_t i, j;
	int ret = 0;

	if (n->kind != YNODE_SEQUENCE) {
		wrong_type(r, n, "answer to", qn->id, "a list of choice ids "
			   "(it allows several)", NULL);
		return -1;
	}
	ans->kind = ANSWER_CHOICES;
	ans->choices = xcalloc(n->count ? n->count : 1, sizeof(char *));
	for (i = 0; i < n->count; i++) {
		const char *id = read_choice(r, qn, n->items[i]);

		if (!id) {
			ret = -1;
			continue;
		}
		for (j = 0; j < ans->nchoices; j++)
			if (!strcmp(ans->choices[j], id))
				break;
		if (j < ans->nchoices) {
			tree_error(&r->tc, n->items[i], "choice '%s' is "
				   "listed twice in the answer to '%s'", id,
				   qn->id);
			ret = -1;
			continue;
		}
		ans->choices[ans->nchoices++] = xstrdup(id);
	}
	return ret < 0 ? ret : check_exclusive(r, qn, n, ans);
}

/*
 * Appends what a scale or number question accepts: "a whole number from 1
 * to 5", "a number 0 or more", "a whole number".
 */
static void add_accepted(struct buf *msg, const struct question *qn)
{
	buf_adds(msg, question_whole_numbers(qn) ? "a whole number" :
						    "a number");
	if (qn->has_min && qn->has_max)
		buf_addf(msg, " from %g to %g", qn->min, qn->max);
	else if (qn->has_min)
		buf_addf(msg, " %g or more", qn->min);
	else if (qn->has_max)
		buf_addf(msg, " %g or less", qn->max);
}

static int read_number(struct reader *r, const struct question *qn,
		       const struct ynode *n, struct answer *ans)
{
	struct buf msg = BUF_INIT;
	double v;
	int bad_range, bad_whole;

	if (ynode_value_type(n) != YVALUE_NUMBER ||
	    parse_number(n->text, &v) < 0) {
		wrong_type(r, n, "answer to", qn->id, "a number",
			   ynode_value_type(n) == YVALUE_TEXT &&
			   parse_number(n->text, &v) == 0 ?
				   "a number in quotes is text" : NULL);
		return -1;
	}
	bad_range = (qn->has_min && v < qn->min) ||
		    (qn->has_max && v > qn->max);
	/* floor(), not a cast: 1e300 has no long long. */
	bad_whole = question_whole_numbers(qn) && v != floor(v);
	if (bad_range || bad_whole) {
		buf_addf(&msg, "answer %s to '%s' is %s (expected ", n->text,
			 qn->id,
			 bad_range ? "out of range" : "not a whole number");
		add_accepted(&msg, qn);
		buf_adds(&msg, ")");
		tree_error(&r->tc, n, "%s", msg.data);
		buf_release(&msg);
		return -1;
	}
	ans->kind = ANSWER_NUMBER;
	ans->number = v;
	return 0;
}

/*
 * Reads text (a note, or the answer to a text question); returns a copy
 * or NULL after an error.  subject and id name it in messages.
 */
static char *read_text_value(struct reader *r, const struct ynode *n,
			     const char *subject, const char *id)
{
	if (ynode_value_type(n) != YVALUE_TEXT) {
		wrong_type(r, n, subject, id, "text", quote_hint(n));
		return NULL;
	}
	if (!ynode_is_string(n)) {
		tree_error(&r->tc, n, "%s '%s' must be text without NUL "
			   "characters", subject, id);
		return NULL;
	}
	return xstrdup(n->text);
}

static int read_text(struct reader *r, const struct question *qn,
		     const struct ynode *n, struct answer *ans)
{
	char *text = read_text_value(r, n, "answer to", qn->id);

	if (!text)
		return -1;
	ans->kind = ANSWER_TEXT;
	ans->text = text;
	return 0;
}

/* The status named by s, or NULL after an error. */
static const struct answer_status *find_status(struct reader *r,
					     const struct question *qn,
					     const struct ynode *s)
{
	struct buf msg = BUF_INIT;
	size_t i;

	for (i = 0; is_text(s) && i < ANSWER_NSTATUSES; i++)
		if (!strcmp(s->text, answer_statuses[i].name))
			return &answer_statuses[i];
	buf_addf(&msg, "unknown status '%s' in the answer to '%s' (expected "
		 "one of: ", is_text(s) ? s->text : "", qn->id);
	for (i = 0; i < ANSWER_NSTATUSES; i++)
		buf_addf(&msg, "%s%s", i ? ", " : "", answer_statuses[i].name);
	buf_adds(&msg, ")");
	tree_error(&r->tc, s, "%s", msg.data);
	buf_release(&msg);
	return NULL;
}

/* Whether question allows the status; reports it otherwise. */
static int status_allowed(struct reader *r, const struct question *qn,
			  const struct ynode *s,
			  const struct answer_status *status)
{
	if (status->kind == ANSWER_DONT_KNOW && !qn->dont_know)
		tree_error(&r->tc, s, "question '%s' does not offer \"don't "
			   "know\"", qn->id);
	else if (status->kind == ANSWER_NOT_APPLICABLE && !qn->not_applicable)
		tree_error(&r->tc, s, "question '%s' does not allow \"not "
			   "applicable\"", qn->id);
	else
		return 1;
	return 0;
}

/*
 * {status: skipped}, {status: dont_know} or {status: not_applicable,
 * reason: TEXT}, the reason optional.
 */
static int read_status(struct reader *r, const struct question *qn,
		       const struct ynode *n, struct answer *ans)
{
	static const struct key_spec keys[] = {
		{ "status", 0 }, { "reason", 0 }
	};
	const struct ynode *s = ynode_get(n, "status");
	const struct ynode *reason = ynode_get(n, "reason");
	const struct answer_status *status;
	size_t before = r->tc.diags->errors;

	tree_check_keys(&r->tc, n, keys, ARRAY_SIZE(keys), "an answer");
	if (!s) {
		tree_error(&r->tc, n, "answer to '%s' must be a value or "
			   "{status: ...}, not a mapping without 'status'",
			   qn->id);
		return -1;
	}
	status = find_status(r, qn, s);
	if (!status || !status_allowed(r, qn, s, status))
		return -1;
	if (reason && status->kind != ANSWER_NOT_APPLICABLE)
		tree_error(&r->tc, ynode_get_key(n, "reason"), "'reason' goes "
			   "only with status 'not_applicable'");
	else if (reason && !is_null(reason))
		ans->text = read_text_value(r, reason, "reason for", qn->id);
	if (r->tc.diags->errors != before)
		return -1;
	ans->kind = status->kind;
	return 0;
}

/* How each kind of answer is read from its node. */
static int (*const value_readers[])(struct reader *r,
				    const struct question *qn,
				    const struct ynode *n, struct answer *ans) = {
	[QVALUE_CHOICE] = read_single,
	[QVALUE_CHOICES] = read_multi,
	[QVALUE_NUMBER] = read_number,
	[QVALUE_TEXT] = read_text,
};

/* Checks value n against question and stores it in ans (kept on error). */
static int read_answer(struct reader *r, const struct question *qn,
		       const struct ynode *n, struct answer *ans)
{
	struct answer value;
	int ret;

	memset(&value, 0, sizeof(value));
	if (is_null(n))
		return 0; /* written but not answered yet */
	if (n->kind == YNODE_MAPPING)
		ret = read_status(r, qn, n, &value);
	else
		ret = value_readers[question_value(qn)](r, qn, n, &value);
	if (ret < 0) {
		answer_release(&value);
		return -1;
	}
	value.note = ans->note;
	ans->note = NULL;
	answer_release(ans);
	*ans = value;
	return 0;
}

/* ---- reading: orphans ------------------------------------------------ */

/* The JSON value of a node, kept as it was written (caller owns). */
static cJSON *node_to_json(const struct ynode *n)
{
	cJSON *v;
	double number;
	size_t i;

	if (n->kind == YNODE_SEQUENCE) {
		v = cJSON_CreateArray();
		for (i = 0; i < n->count; i++)
			cJSON_AddItemToArray(v, node_to_json(n->items[i]));
		return v;
	}
	if (n->kind == YNODE_MAPPING) {
		v = cJSON_CreateObject();
		for (i = 0; i + 1 < n->count; i += 2)
			if (n->items[i]->kind == YNODE_SCALAR)
				cJSON_AddItemToObject(v, n->items[i]->text,
					node_to_json(n->items[i + 1]));
		return v;
	}
	switch (ynode_value_type(n)) {
	case YVALUE_NULL:
		return cJSON_CreateNull();
	case YVALUE_BOOL:
		return cJSON_CreateBool(strchr("tT", n->text[0]) != NULL);
	case YVALUE_NUMBER:
		if (!parse_number(n->text, &number))
			return cJSON_CreateNumber(number);
		break;
	default:
		break;
	}
	return cJSON_CreateString(n->text);
}

/*
 * Keeps value under orphans.<group>.<id>, replacing an older entry.  The
 * index finds an older entry in constant time: deleting it from a cJSON
 * object would scan the whole group, quadratic in a file of many orphans.
 */
static void keep_orphan(struct reader *r, enum orphan_group group,
			const char *id, cJSON *value)
{
	struct orphans *g = &r->orphans[group];
	struct orphan *o = strmap_get(&g->index, id);

	if (o) {
		cJSON_Delete(o->value);
		o->value = value;
		return;
	}
	o = xmalloc(sizeof(*o));
	o->id = xstrdup(id);
	o->value = value;
	GROW(g->items, g->alloc, g->count + 1);
	g->items[g->count++] = o;
	strmap_put(&g->index, o->id, o);
}

/*
 * Hands the orphans to *target (a->orphans, or a respondent's) in the
 * order first seen (keep), or drops them; either way frees the tables.
 * cJSON appends to an object in constant time, so this is linear too.
 */
static void finish_orphans(struct reader *r, cJSON **target, int keep)
{
	size_t g, i;

	for (g = 0; g < ORPHAN_GROUPS; g++) {
		struct orphans *o = &r->orphans[g];
		cJSON *group = NULL;

		if (keep && o->count && !*target)
			*target = cJSON_CreateObject();
		if (keep && o->count)
			group = cJSON_AddObjectToObject(*target,
							orphan_group_names[g]);
		for (i = 0; i < o->count; i++) {
			if (group)
				cJSON_AddItemToObject(group, o->items[i]->id,
						      o->items[i]->value);
			else
				cJSON_Delete(o->items[i]->value);
			free(o->items[i]->id);
			free(o->items[i]);
		}
		free(o->items);
		strmap_release(&o->index);
		memset(o, 0, sizeof(*o));
	}
}

static void warn_orphan(struct reader *r, const struct ynode *key,
			const char *what)
{
	const struct questionnaire *q = r->q;
	struct buf msg = BUF_INIT;
	size_t i;

	if (!r->ids) {
		r->ids = xcalloc(q->nquestions ? q->nquestions : 1,
				 sizeof(*r->ids));
		for (i = 0; i < q->nquestions; i++)
			r->ids[i] = q->questions[i]->id;
	}
	buf_addf(&msg, "no question '%s' in questionnaire '%s'", key->text,
		 q->id);
	buf_add_hint(&msg, key->text, r->ids, q->nquestions);
	buf_addf(&msg, "; its %s is kept aside in %s", what,
		 r->orphans_where ? r->orphans_where : "'orphans'");
	tree_warning(&r->tc, key, "%s", msg.data);
	buf_release(&msg);
}

/* The orphans of an earlier save come back as they were. */
static void read_orphans(struct reader *r, const struct ynode *n)
{
	static const struct key_spec keys[] = {
		{ "answers", 0 }, { "notes", 0 }
	};
	size_t i, g;

	if (is_null(n) || !expect_mapping(r, n, "'orphans'"))
		return;
	tree_check_keys(&r->tc, n, keys, ARRAY_SIZE(keys), "'orphans'");
	for (g = 0; g < ORPHAN_GROUPS; g++) {
		const struct ynode *group = ynode_get(n, orphan_group_names[g]);

		if (!group || !expect_mapping(r, group, "an orphans group"))
			continue;
		tree_check_open_keys(&r->tc, group, "an orphans group");
		for (i = 0; i + 1 < group->count; i += 2)
			if (group->items[i]->kind == YNODE_SCALAR)
				keep_orphan(r, (enum orphan_group)g,
					    group->items[i]->text,
					    node_to_json(group->items[i + 1]));
	}
}

/* ---- reading: sections ----------------------------------------------- */

static void read_answers_map(struct reader *r, const struct ynode *map)
{
	size_t i;

	if (is_null(map) || !expect_mapping(r, map, "'answers'"))
		return;
	tree_check_open_keys(&r->tc, map, "'answers'");
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *key = map->items[i];
		const struct ynode *value = map->items[i + 1];
		const struct question *qn;

		if (key->kind != YNODE_SCALAR)
			continue; /* reported */
		qn = questionnaire_question(r->q, key->text);
		if (!qn) {
			warn_orphan(r, key, "answer");
			keep_orphan(r, ORPHAN_ANSWERS, key->text,
				    node_to_json(value));
			continue;
		}
		read_answer(r, qn, value, &r->items[qn->index]);
	}
}

static void read_notes_map(struct reader *r, const struct ynode *map)
{
	size_t i;

	if (is_null(map) || !expect_mapping(r, map, "'notes'"))
		return;
	tree_check_open_keys(&r->tc, map, "'notes'");
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *key = map->items[i];
		const struct ynode *value = map->items[i + 1];
		const struct question *qn;
		struct answer *ans;
		char *note;

		if (key->kind != YNODE_SCALAR)
			continue; /* reported */
		if (is_null(value))
			continue;
		note = read_text_value(r, value, "note on", key->text);
		if (!note)
			continue;
		qn = questionnaire_question(r->q, key->text);
		if (!qn) {
			warn_orphan(r, key, "note");
			keep_orphan(r, ORPHAN_NOTES, key->text,
				    cJSON_CreateString(note));
			free(note);
			continue;
		}
		ans = &r->items[qn->index];
		free(ans->note);
		ans->note = note;
	}
}

/* Replaces *field with the text of map.key when present; checks its type. */
static void read_string_field(struct reader *r, const struct ynode *map,
			      const char *key, char **field)
{
	const struct ynode *n = ynode_get(map, key);

	if (!n)
		return;
	free(*field);
	*field = NULL;
	if (is_null(n))
		return;
	if (!is_text(n)) {
		tree_error(&r->tc, n, "'%s' must be text, not %s", key,
			  ynode_kind_name(n));
		return;
	}
	*field = xstrdup(n->text);
}

static void read_questionnaire_ref(struct reader *r, const struct ynode *n)
{
	static const struct key_spec keys[] = {
		{ "id", 0 }, { "version", 0 }, { "hash", 0 }, { "path", 0 },
	};
	const struct ynode *id;

	if (!expect_mapping(r, n, "'questionnaire'"))
		return;
	tree_check_keys(&r->tc, n, keys, ARRAY_SIZE(keys), "'questionnaire'");
	id = ynode_get(n, "id");
	if (id && is_text(id) && strcmp(id->text, r->q->id))
		tree_error(&r->tc, id, "these answers are for "
			  "questionnaire '%s', not '%s'", id->text, r->q->id);
	read_string_field(r, n, "version", &r->a->questionnaire_version);
	read_string_field(r, n, "hash", &r->a->questionnaire_hash);
	read_string_field(r, n, "path", &r->a->questionnaire_path);
}

static void read_schema(struct reader *r, const struct ynode *n)
{
	if (!is_text(n) || strcmp(n->text, ANSWERS_SCHEMA))
		tree_error(&r->tc, n, "unsupported answers file schema "
			  "'%s' (expected '%s')",
			  is_text(n) ? n->text : "", ANSWERS_SCHEMA);
}

static void read_root(struct reader *r, const struct ynode *root)
{
	static const struct key_spec keys[] = {
		{ "schema", 0 }, { "questionnaire", 0 }, { "company", 0 },
		{ "created_at", 0 }, { "updated_at", 0 },
		{ "completed_at", 0 }, { "answers", 0 }, { "notes", 0 },
		{ "orphans", 0 }, { "respondent", 0 }, { "respondents", 0 },
		{ "merge", 0 },
	};
	const struct ynode *n;

	tree_check_keys(&r->tc, root, keys, ARRAY_SIZE(keys),
			"an answers file");
	if ((n = ynode_get(root, "schema")))
		read_schema(r, n);
	if ((n = ynode_get(root, "questionnaire")))
		read_questionnaire_ref(r, n);
	/* company is derived from the answers when saving: not read back. */
	read_string_field(r, root, "created_at", &r->a->created_at);
	if (!r->a->created_at)
		r->a->created_at = xstrdup(r->a->updated_at);
	read_string_field(r, root, "updated_at", &r->a->updated_at);
	if (!r->a->updated_at)
		r->a->updated_at = xstrdup(r->a->created_at);
	read_string_field(r, root, "completed_at", &r->a->completed_at);
	if ((n = ynode_get(root, "orphans")))
		read_orphans(r, n);
	/* Notes first, so that an answer read later keeps its note. */
	if ((n = ynode_get(root, "notes")))
		read_notes_map(r, n);
	if ((n = ynode_get(root, "answers")))
		read_answers_map(r, n);
	answers_read_team(r, root);
}

/* ---- reading: for answers_team.c ------------------------------------- */

const struct tree_check *answers_reader_check(const struct reader *r)
{
	return &r->tc;
}

struct answers *answers_reader_answers(struct reader *r)
{
	return r->a;
}

void answers_reader_items(struct reader *r, const struct ynode *map,
			  struct answer *items, cJSON **orphans,
			  const char *where)
{
	struct orphans saved[ORPHAN_GROUPS];
	struct answer *saved_items = r->items;
	const char *saved_where = r->orphans_where;
	size_t errors = r->tc.diags->errors;
	const struct ynode *n;

	memcpy(saved, r->orphans, sizeof(saved));
	memset(r->orphans, 0, sizeof(r->orphans));
	r->items = items;
	r->orphans_where = where;
	if ((n = ynode_get(map, "orphans")))
		read_orphans(r, n);
	if ((n = ynode_get(map, "notes")))
		read_notes_map(r, n);
	if ((n = ynode_get(map, "answers")))
		read_answers_map(r, n);
	finish_orphans(r, orphans, r->tc.diags->errors == errors);
	memcpy(r->orphans, saved, sizeof(saved));
	r->items = saved_items;
	r->orphans_where = saved_where;
}

/* ---- reading: the journal ------------------------------------------- */

/* Sets the note of ans from n (null clears it); reports a wrong type. */
static void replay_note(struct reader *r, const char *id,
			const struct ynode *n, struct answer *ans)
{
	char *note = NULL;

	if (!is_null(n) && !(note = read_text_value(r, n, "note on", id)))
		return;
	free(ans->note);
	ans->note = note;
}

/* An entry for a question the questionnaire does not have: an orphan. */
static void replay_orphan(struct reader *r, const struct ynode *id,
			  const struct ynode *value, const struct ynode *note)
{
	char *text;

	warn_orphan(r, id, "answer");
	if (value && !is_null(value))
		keep_orphan(r, ORPHAN_ANSWERS, id->text, node_to_json(value));
	if (note && !is_null(note) &&
	    (text = read_text_value(r, note, "note on", id->text))) {
		keep_orphan(r, ORPHAN_NOTES, id->text,
			    cJSON_CreateString(text));
		free(text);
	}
}

/*
 * One entry: the answer and note of one question as they were when it was
 * written, checked like those of the file; null clears them.
 */
static void replay_entry(struct reader *r, const struct ynode *entry)
{
	static const struct key_spec keys[] = {
		{ "question", 1 }, { "answer", 0 }, { "note", 0 },
		{ "updated_at", 0 },
	};
	const struct ynode *id, *value, *note, *at;
	const struct question *qn;
	struct answer *ans;

	if (!expect_mapping(r, entry, "a journal entry"))
		return;
	tree_check_keys(&r->tc, entry, keys, ARRAY_SIZE(keys),
			"a journal entry");
	id = ynode_get(entry, "question");
	value = ynode_get(entry, "answer");
	note = ynode_get(entry, "note");
	if (!id || !is_text(id)) {
		if (id)
			tree_error(&r->tc, id, "'question' of a journal entry "
				   "must be a question id");
		return;
	}
	if ((at = ynode_get(entry, "updated_at")) && is_text(at)) {
		free(r->a->updated_at);
		r->a->updated_at = xstrdup(at->text);
	}
	if (!(qn = questionnaire_question(r->q, id->text))) {
		replay_orphan(r, id, value, note);
		return;
	}
	ans = answers_get(r->a, qn);
	if (value && is_null(value))
		answer_clear_value(ans);
	else if (value)
		read_answer(r, qn, value, ans);
	if (note)
		replay_note(r, qn->id, note, ans);
}

/* Parses one line of the journal, at its line, and replays it. */
static void replay_line(struct reader *r, const char *text, size_t len,
			int line)
{
	struct yaml_tree tree;

	if (json_tree_parse_at(&tree, r->tc.file, text, len, line,
			       r->tc.diags) == 0)
		replay_entry(r, tree.root);
	yaml_tree_release(&tree);
}

/*
 * Replays the journal of the file at path, if there is one, over what the
 * snapshot held: one entry per line, in order.  A last line without its
 * newline was cut short by a crash while it was written: it is ignored,
 * with a warning.
 */
static void replay_journal(struct reader *r, const char *path)
{
	char *journal = answers_journal_path(path);
	struct buf data = BUF_INIT, err = BUF_INIT;
	const char *snapshot = r->tc.file, *line, *end, *stop;
	int n = 1;

	if (!file_exists(journal))
		goto out;
	if (file_read_all(journal, ANSWERS_MAX_FILE_SIZE, &data, &err) < 0) {
		diag_add(r->tc.diags, DIAG_ERROR, journal, 0, 0, "%s",
			 err.data);
		goto out;
	}
	r->tc.file = journal;
	stop = data.data + data.len;
	for (line = data.data; line < stop; line = end + 1, n++) {
		end = memchr(line, '\n', (size_t)(stop - line));
		if (!end) {
			diag_add(r->tc.diags, DIAG_WARNING, journal, n, 1,
				 "the last entry is cut short (the session "
				 "stopped while saving it); it is ignored");
			break;
		}
		replay_line(r, line, (size_t)(end - line), n);
	}
	r->tc.file = snapshot;
out:
	buf_release(&data);
	buf_release(&err);
	free(journal);
}

/* The questionnaire id or path recorded in the file, or NULL. */
static const char *ref_text(const struct ynode *root, const char *key)
{
	const struct ynode *ref = ynode_get(root, "questionnaire");
	const struct ynode *n = ynode_get(ref, key);

	return n && is_text(n) ? n->text : NULL;
}

int answers_file_open(struct answers_file *f, const char *path,
		      struct diag_list *diags)
{
	const struct ynode *root;

	memset(f, 0, sizeof(*f));
	f->path = xstrdup(strcmp(path, "-") ? path : STDIN_NAME);
	if (read_tree(&f->tree, path, diags) < 0)
		return -1;
	root = f->tree.root;
	if (!root) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "the answers file is empty");
		return -1;
	}
	if (root->kind != YNODE_MAPPING) {
		diag_add(diags, DIAG_ERROR, path, root->line, root->col,
			 "an answers file must be a mapping, not %s",
			 ynode_kind_name(root));
		return -1;
	}
	f->questionnaire_id = ref_text(root, "id");
	f->questionnaire_path = ref_text(root, "path");
	return 0;
}

int answers_file_load(const struct answers_file *f, struct answers *a,
		      const struct questionnaire *q, struct diag_list *diags)
{
	struct reader r;
	size_t errors = diags->errors;

	answers_init(a, q);
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.items = a->items;
	r.q = q;
	r.tc.file = f->path;
	r.tc.diags = diags;
	if (f->tree.root && f->tree.root->kind == YNODE_MAPPING) {
		read_root(&r, f->tree.root);
		replay_journal(&r, f->path);
	} else {
		tree_error(&r.tc, NULL, "the answers file was not opened");
	}
	finish_orphans(&r, &a->orphans, diags->errors == errors);
	free(r.ids);
	if (diags->errors != errors) {
		answers_release(a);
		return -1;
	}
	return 0;
}

void answers_file_release(struct answers_file *f)
{
	yaml_tree_release(&f->tree);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

int answers_load(struct answers *a, const struct questionnaire *q,
		 const char *path, struct diag_list *diags)
{
	struct answers_file f;
	int ret = -1;

	if (answers_file_open(&f, path, diags) == 0)
		ret = answers_file_load(&f, a, q, diags);
	else
		memset(a, 0, sizeof(*a));
	answers_file_release(&f);
	return ret;
}
