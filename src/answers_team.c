/*
 * answers_team.c - who answered: the respondent of an answers file, and the
 * respondents of a merged assessment with their own answers (read through
 * answers_file.c's reader, written beside answers_write.c's keys).
 *
 *   respondent:  {name: Ana, role: CTO}
 *   merge:       {rule: cautious, threshold: 0.4}
 *   respondents: [{name, role, source, completed_at, answers, notes,
 *                  orphans}, ...]
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "answers.h"
#include "answers_impl.h"
#include "treecheck.h"
#include "util.h"

const char *const merge_rule_names[MERGE_RULE_COUNT] = {
	"cautious", "median"
};

/* A merged file holds at most this many respondents, each a copy of the
 * answers: a hostile file of many tiny entries cannot exhaust memory. */
#define ANSWERS_MAX_RESPONDENTS 64

/* ---- respondents ------------------------------------------------------ */

static char *trimmed(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return xstrndup(s, len);
}

int respondent_parse(struct respondent *r, const char *arg, struct buf *err)
{
	const char *comma = strchr(arg, ',');
	size_t len = comma ? (size_t)(comma - arg) : strlen(arg);

	memset(r, 0, sizeof(*r));
	r->name = trimmed(arg, len);
	if (comma)
		r->role = trimmed(comma + 1, strlen(comma + 1));
	if (r->role && !*r->role) {
		free(r->role);
		r->role = NULL;
	}
	if (*r->name)
		return 0;
	buf_addf(err, "a respondent needs a name ('NAME' or 'NAME, ROLE'), "
		 "not '%s'", arg);
	respondent_release(r, 0);
	return -1;
}

void respondent_label(struct buf *out, const struct respondent *r)
{
	buf_adds(out, r->name ? r->name : "?");
	if (r->role)
		buf_addf(out, " (%s)", r->role);
}

static char *copy_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void respondent_copy(struct respondent *dst, const struct respondent *src,
		     size_t nitems)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	dst->name = copy_or_null(src->name);
	dst->role = copy_or_null(src->role);
	dst->source = copy_or_null(src->source);
	dst->completed_at = copy_or_null(src->completed_at);
	if (src->orphans)
		dst->orphans = cJSON_Duplicate(src->orphans, 1);
	if (!src->items)
		return;
	dst->items = xcalloc(nitems ? nitems : 1, sizeof(*dst->items));
	for (i = 0; i < nitems; i++)
		answer_copy(&dst->items[i], &src->items[i]);
}

void respondent_release(struct respondent *r, size_t nitems)
{
	size_t i;

	for (i = 0; r->items && i < nitems; i++)
		answer_release(&r->items[i]);
	free(r->items);
	free(r->name);
	free(r->role);
	free(r->source);
	free(r->completed_at);
	cJSON_Delete(r->orphans);
	memset(r, 0, sizeof(*r));
}

int answers_is_merged(const struct answers *a)
{
	return a->nrespondents > 0;
}

void answers_team_release(struct answers *a)
{
	size_t i;

	respondent_release(&a->respondent, 0);
	for (i = 0; i < a->nrespondents; i++)
		respondent_release(&a->respondents[i], a->nitems);
	free(a->respondents);
	a->respondents = NULL;
	a->nrespondents = 0;
}

/* ---- reading ---------------------------------------------------------- */

static int is_null(const struct ynode *n)
{
	return ynode_value_type(n) == YVALUE_NULL;
}

/*
 * The text under key in map, newly allocated; NULL when absent or null,
 * and after an error (another type, or empty when it must not be).
 */
static char *read_text(const struct tree_check *c, const struct ynode *map,
		       const char *key, const char *what, int required)
{
	const struct ynode *n = ynode_get(map, key);
	enum yvalue_type t = ynode_value_type(n);
	char *text;

	if (!n || (t == YVALUE_NULL && !required))
		return NULL;
	if (t != YVALUE_TEXT || !ynode_is_string(n)) {
		tree_error(c, n, "'%s' of %s must be text%s", key, what,
			   t == YVALUE_NUMBER || t == YVALUE_BOOL ?
				   " (put it in quotes to make it text)" : "");
		return NULL;
	}
	text = trimmed(n->text, n->len);
	if (required && !*text) {
		tree_error(c, n, "'%s' of %s must not be empty", key, what);
		free(text);
		return NULL;
	}
	return text;
}

/* name and role (and, for a merged respondent, source and completed_at). */
static void read_who(const struct tree_check *c, const struct ynode *n,
		     struct respondent *who, int merged)
{
	static const struct key_spec single_keys[] = {
		{ "name", 1 }, { "role", 0 },
	};
	static const struct key_spec merged_keys[] = {
		{ "name", 1 }, { "role", 0 }, { "source", 0 },
		{ "completed_at", 0 }, { "answers", 0 }, { "notes", 0 },
		{ "orphans", 0 },
	};
	const char *what = merged ? "a respondent" : "'respondent'";

	if (merged)
		tree_check_keys(c, n, merged_keys, ARRAY_SIZE(merged_keys),
				what);
	else
		tree_check_keys(c, n, single_keys, ARRAY_SIZE(single_keys),
				what);
	who->name = read_text(c, n, "name", what, 1);
	who->role = read_text(c, n, "role", what, 0);
	if (who->role && !*who->role) {
		free(who->role);
		who->role = NULL;
	}
	if (!merged)
		return;
	who->source = read_text(c, n, "source", what, 0);
	who->completed_at = read_text(c, n, "completed_at", what, 0);
}

/* A later respondent of the same name: who said what would be unclear. */
static void check_unique(const struct tree_check *c, const struct ynode *n,
			 const struct answers *a, size_t k)
{
	size_t i;

	for (i = 0; a->respondents[k].name && i < k; i++)
		if (a->respondents[i].name &&
		    !strcmp(a->respondents[i].name, a->respondents[k].name)) {
			tree_error(c, n, "respondent '%s' is listed twice "
				   "(each respondent needs a name of their "
				   "own)", a->respondents[k].name);
			return;
		}
}

static void read_respondent(struct reader *r, const struct ynode *n,
			    size_t k)
{
	const struct tree_check *c = answers_reader_check(r);
	struct answers *a = answers_reader_answers(r);
	struct respondent *who = &a->respondents[k];
	struct buf where = BUF_INIT;

	read_who(c, n, who, 1);
	check_unique(c, n, a, k);
	who->items = xcalloc(a->nitems ? a->nitems : 1, sizeof(*who->items));
	buf_addf(&where, "the 'orphans' of respondent '%s'",
		 who->name ? who->name : "?");
	answers_reader_items(r, n, who->items, &who->orphans, where.data);
	buf_release(&where);
}

static void read_respondents(struct reader *r, const struct ynode *list)
{
	const struct tree_check *c = answers_reader_check(r);
	struct answers *a = answers_reader_answers(r);
	size_t i;

	if (tree_expect_kind(c, list, YNODE_SEQUENCE, "'respondents'") < 0)
		return;
	if (list->count > ANSWERS_MAX_RESPONDENTS) {
		tree_error(c, list, "'respondents' lists %zu respondents (at "
			   "most %d)", list->count, ANSWERS_MAX_RESPONDENTS);
		return;
	}
	a->respondents = xcalloc(list->count ? list->count : 1,
				 sizeof(*a->respondents));
	for (i = 0; i < list->count; i++) {
		if (tree_expect_kind(c, list->items[i], YNODE_MAPPING,
				     "a respondent") < 0)
			continue;
		read_respondent(r, list->items[i], a->nrespondents++);
	}
}

static void read_merge(struct reader *r, const struct ynode *n)
{
	static const struct key_spec keys[] = {
		{ "rule", 0 }, { "threshold", 0 },
	};
	const struct tree_check *c = answers_reader_check(r);
	struct answers *a = answers_reader_answers(r);
	int rule;

	if (tree_expect_kind(c, n, YNODE_MAPPING, "'merge'") < 0)
		return;
	tree_check_keys(c, n, keys, ARRAY_SIZE(keys), "'merge'");
	rule = tree_get_enum(c, n, "rule", merge_rule_names,
			     MERGE_RULE_COUNT, MERGE_CAUTIOUS);
	if (rule >= 0)
		a->merge_rule = (enum merge_rule)rule;
	tree_get_number(c, n, "threshold", 0, 1, &a->merge_threshold);
}

void answers_read_team(struct reader *r, const struct ynode *root)
{
	const struct tree_check *c = answers_reader_check(r);
	struct answers *a = answers_reader_answers(r);
	const struct ynode *one = ynode_get(root, "respondent");
	const struct ynode *many = ynode_get(root, "respondents");
	const struct ynode *merge = ynode_get(root, "merge");

	if (one && is_null(one))
		one = NULL;
	if (many && is_null(many))
		many = NULL;
	if (one && many)
		tree_error(c, ynode_get_key(root, "respondent"), "'respondent' "
			   "and 'respondents' do not go together (a merged "
			   "assessment names its respondents in "
			   "'respondents')");
	else if (one && tree_expect_kind(c, one, YNODE_MAPPING,
					 "'respondent'") == 0)
		read_who(c, one, &a->respondent, 0);
	if (many)
		read_respondents(r, many);
	if (merge && !is_null(merge) && !many)
		tree_error(c, ynode_get_key(root, "merge"), "'merge' goes only "
			   "with 'respondents'");
	else if (merge && !is_null(merge))
		read_merge(r, merge);
}

/* ---- writing ---------------------------------------------------------- */

static void add_string_or_null(cJSON *obj, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(obj, key, s);
	else
		cJSON_AddNullToObject(obj, key);
}

void answers_respondent_to_json(cJSON *root, const struct answers *a)
{
	cJSON *who;

	if (!a->respondent.name)
		return;
	who = cJSON_AddObjectToObject(root, "respondent");
	cJSON_AddStringToObject(who, "name", a->respondent.name);
	add_string_or_null(who, "role", a->respondent.role);
}

void answers_team_to_json(cJSON *root, const struct answers *a)
{
	cJSON *merge, *list;
	size_t i;

	if (!answers_is_merged(a))
		return;
	merge = cJSON_AddObjectToObject(root, "merge");
	cJSON_AddStringToObject(merge, "rule", merge_rule_names[a->merge_rule]);
	cJSON_AddNumberToObject(merge, "threshold", a->merge_threshold);
	list = cJSON_AddArrayToObject(root, "respondents");
	for (i = 0; i < a->nrespondents; i++) {
		const struct respondent *who = &a->respondents[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "name", who->name);
		add_string_or_null(o, "role", who->role);
		add_string_or_null(o, "source", who->source);
		add_string_or_null(o, "completed_at", who->completed_at);
		answers_items_to_json(o, a->questionnaire, who->items,
				      a->nitems);
		if (who->orphans)
			cJSON_AddItemToObject(o, "orphans",
					      cJSON_Duplicate(who->orphans, 1));
		cJSON_AddItemToArray(list, o);
	}
}
