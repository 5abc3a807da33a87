/*
 * review.c - the consultant's review: reading and checking a review file,
 * and applying it to the findings between scoring and planning.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "review.h"
#include "treecheck.h"
#include "util.h"
#include "yamltree.h"

static const struct key_spec review_keys[] = {
	{ "summary", 0 }, { "findings", 0 },
};
static const struct key_spec entry_keys[] = {
	{ "risk", 0 }, { "horizon", 0 }, { "drop", 0 }, { "comment", 0 },
	{ "reason", 1 },
};

/* ---- reading --------------------------------------------------------------- */

/* The ids a finding can have: every scored question's, for hints. */
static const char **finding_ids(const struct questionnaire *q, size_t *n)
{
	const char **ids = xcalloc(q->nquestions + 1, sizeof(*ids));
	size_t i;

	*n = 0;
	for (i = 0; i < q->nquestions; i++)
		if (q->questions[i]->scored)
			ids[(*n)++] = q->questions[i]->id;
	return ids;
}

/* Whether key names a question that can be a finding; reports it if not. */
static int check_id(const struct tree_check *tc, const struct ynode *key,
		    const struct questionnaire *q, const char **ids, size_t n)
{
	const struct question *qn = questionnaire_question(q, key->text);
	struct buf msg = BUF_INIT;

	if (qn && qn->scored)
		return 0;
	if (qn) {
		tree_error(tc, key, "'%s' is not scored, so it is never a "
			   "finding", key->text);
		return -1;
	}
	buf_addf(&msg, "unknown finding '%s'", key->text);
	buf_add_hint(&msg, key->text, ids, n);
	tree_error(tc, key, "%s", msg.data);
	buf_release(&msg);
	return -1;
}

/* Reads what an entry decides; what names it in messages. */
static void read_entry(const struct tree_check *tc, const struct ynode *v,
		       struct review_entry *e, const char *what)
{
	int risk, horizon;

	tree_check_keys(tc, v, entry_keys, ARRAY_SIZE(entry_keys), what);
	tree_check_empty_values(tc, v, what);
	risk = tree_get_enum(tc, v, "risk", risk_names, RISK_COUNT,
			     RISK_UNSET);
	e->risk = risk > 0 ? (enum risk)risk : RISK_UNSET;
	horizon = tree_get_enum(tc, v, "horizon", horizon_names,
				HORIZON_COUNT, -1);
	e->has_horizon = horizon >= 0;
	e->horizon = e->has_horizon ? (enum horizon)horizon : HORIZON_NOW;
	tree_get_bool(tc, v, "drop", &e->drop);
	e->comment = tree_get_text(tc, v, "comment", what);
	e->reason = tree_get_text(tc, v, "reason", what);
}

/*
 * Checks what an entry decides as a whole, once its keys are fine: a drop
 * leaves nothing to change, and anything else must change something.
 */
static void check_entry(const struct tree_check *tc, const struct ynode *v,
			const struct review_entry *e, const char *what)
{
	if (e->drop && (e->risk != RISK_UNSET || e->has_horizon))
		tree_error(tc, v, "%s drops the finding, so it cannot also set "
			   "'%s'", what, e->risk != RISK_UNSET ? "risk" :
			   "horizon");
	else if (!e->drop && e->risk == RISK_UNSET && !e->has_horizon &&
		 !e->comment)
		tree_error(tc, v, "%s changes nothing (give 'risk', "
			   "'horizon', 'drop: true' or 'comment')", what);
}

static void load_entries(struct review *rv, const struct tree_check *tc,
			 const struct ynode *root,
			 const struct questionnaire *q)
{
	const struct ynode *map;
	const char **ids;
	size_t i, nids;

	map = tree_get_kind(tc, root, "findings", YNODE_MAPPING);
	if (!map)
		return;
	tree_check_open_keys(tc, map, "'findings'");
	ids = finding_ids(q, &nids);
	rv->entries = xcalloc(ynode_pairs(map) + 1, sizeof(*rv->entries));
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i], *v = map->items[i + 1];
		struct review_entry *e = &rv->entries[rv->nentries];
		struct buf what = BUF_INIT;
		size_t errors = tc->diags->errors;

		if (k->kind != YNODE_SCALAR)
			continue;
		buf_addf(&what, "the review of '%s'", k->text);
		check_id(tc, k, q, ids, nids);
		if (tree_expect_kind(tc, v, YNODE_MAPPING, what.data) == 0) {
			e->id = xstrdup(k->text);
			e->pos.file = rv->path;
			e->pos.line = k->line;
			e->pos.col = k->col;
			rv->nentries++;
			read_entry(tc, v, e, what.data);
			if (tc->diags->errors == errors)
				check_entry(tc, v, e, what.data);
		}
		buf_release(&what);
	}
	free(ids);
}

int review_load(struct review *rv, const char *path,
		const struct questionnaire *q, struct diag_list *diags)
{
	struct yaml_tree tree;
	struct tree_check tc;
	size_t errors = diags->errors;
	const struct ynode *root;
	int ret = -1;

	memset(rv, 0, sizeof(*rv));
	memset(&tree, 0, sizeof(tree));
	rv->path = xstrdup(path);
	tc.diags = diags;
	tc.file = rv->path;
	if (yaml_tree_load(&tree, path, REVIEW_MAX_FILE_SIZE, diags) < 0)
		goto out;
	root = tree.root;
	if (!root) {
		diag_add(diags, DIAG_ERROR, path, 1, 1, "file is empty "
			 "(expected a review: 'summary' and 'findings')");
		goto out;
	}
	if (tree_expect_kind(&tc, root, YNODE_MAPPING, "a review file") < 0)
		goto out;
	tree_check_keys(&tc, root, review_keys, ARRAY_SIZE(review_keys),
			"a review file");
	tree_check_empty_values(&tc, root, "a review file");
	rv->summary = tree_get_text(&tc, root, "summary", "a review file");
	load_entries(rv, &tc, root, q);
	if (diags->errors == errors)
		ret = 0;
out:
	yaml_tree_release(&tree);
	if (ret < 0) {
		review_release(rv);
		rv->path = NULL;
	}
	return ret;
}

void review_release(struct review *rv)
{
	size_t i;

	for (i = 0; i < rv->nentries; i++) {
		free(rv->entries[i].id);
		free(rv->entries[i].comment);
		free(rv->entries[i].reason);
	}
	free(rv->entries);
	free(rv->summary);
	free(rv->path);
	memset(rv, 0, sizeof(*rv));
}

/* ---- applying -------------------------------------------------------------- */

static struct finding *find_finding(struct score_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nfindings; i++)
		if (!strcmp(r->findings[i].qs->question->id, id))
			return &r->findings[i];
	return NULL;
}

/* Says why an entry's question is not a finding here. */
static void warn_not_finding(const struct score_result *r,
			     const struct review_entry *e,
			     struct diag_list *diags)
{
	const struct question *qn = questionnaire_question(r->questionnaire,
							   e->id);
	const struct question_score *qs = qn ? &r->questions[qn->index] :
					       NULL;
	const char *why = "its answer is at its best";

	if (!qs)
		why = "the questionnaire has no such question";
	else if (qs->status == STATUS_RULED_OUT)
		why = "it was not asked: its condition does not hold";
	else if (qs->status == STATUS_NOT_APPLICABLE)
		why = "it was answered \"not applicable\"";
	diag_add(diags, DIAG_WARNING, e->pos.file, e->pos.line, e->pos.col,
		 "'%s' is not a finding of this assessment (%s); its review "
		 "changes nothing", e->id, why);
}

/* Sets the risk the reviewer gave, keeping the one it replaces. */
static void set_risk(struct score_result *r, struct finding *f,
		     const struct review_entry *e, struct diag_list *diags)
{
	struct question_score *qs = &r->questions[f->qs->question->index];

	if (qs->risk == e->risk) {
		diag_add(diags, DIAG_WARNING, e->pos.file, e->pos.line,
			 e->pos.col, "'%s' already has risk '%s'", e->id,
			 risk_names[e->risk]);
		return;
	}
	f->risk_before_review = qs->risk;
	qs->risk = e->risk;
}

/* Moves the dropped findings to r->dropped, keeping the others' order. */
static void drop_findings(struct score_result *r)
{
	size_t i, kept = 0;

	r->dropped = xcalloc(r->nfindings + 1, sizeof(*r->dropped));
	for (i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];

		if (f->review && f->review->drop)
			r->dropped[r->ndropped++] = *f;
		else
			r->findings[kept++] = *f;
	}
	r->nfindings = kept;
}

void review_apply(const struct review *rv, struct score_result *r,
		  struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < rv->nentries; i++) {
		const struct review_entry *e = &rv->entries[i];
		struct finding *f = find_finding(r, e->id);

		if (!f) {
			warn_not_finding(r, e, diags);
			continue;
		}
		f->review = e;
		if (e->drop)
			continue;
		if (e->risk != RISK_UNSET)
			set_risk(r, f, e, diags);
		if (e->has_horizon)
			f->pin = e->horizon;
	}
	drop_findings(r);
	score_recount(r);
}

int review_changes_plan(const struct score_result *r)
{
	size_t i;

	if (r->ndropped)
		return 1;
	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].risk_before_review != RISK_UNSET ||
		    r->findings[i].pin != HORIZON_COUNT)
			return 1;
	return 0;
}

/* ---- recognising a review file ----------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

int review_file_is_review(const char *path)
{
	if (ends_with(path, "review.yaml") || ends_with(path, "review.yml"))
		return 1;
	if (yaml_top_level_key(path, "id", REVIEW_MAX_FILE_SIZE) != 0 ||
	    yaml_top_level_key(path, "areas", REVIEW_MAX_FILE_SIZE) != 0)
		return 0;
	return yaml_top_level_key(path, "summary", REVIEW_MAX_FILE_SIZE) == 1 ||
	       yaml_top_level_key(path, "findings", REVIEW_MAX_FILE_SIZE) == 1;
}
