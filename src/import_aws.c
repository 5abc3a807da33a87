/*
 * import_aws.c - an AWS Well-Architected custom lens as a questionnaire.
 *
 * A lens is one JSON file: pillars of questions, each question a list of
 * best practices (choices) the workload follows, and ordered risk rules
 * whose conditions over the choice ids (&&, ||, !, parentheses, default)
 * decide the question's risk: the first that holds wins.  A pillar becomes
 * an area, a question a multi question whose choices are the best practices
 * (the "_no" choice, "none of these", exclusive), and the risk rules become
 * the question's `rules:`, their conditions written in cto-assess's
 * condition language over the question's own answer:
 *
 *   OPS_1_1 && !(OPS_1_2 || OPS_1_3)
 *   ops_1 includes ops_1_1 and not (ops_1 includes ops_1_2 or ...)
 *
 * A lens has no numbers, so a rule's score follows from its risk: no risk
 * 1, medium risk 0.5, high risk 0.  The file is read with the positioned
 * JSON reader (jsontree.c), so every problem has its line and column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "jsontree.h"
#include "loader.h"
#include "strmap.h"
#include "util.h"

static const char *const lens_keys[] = {
	"schemaVersion", "name", "description", "pillars",
};
static const char *const pillar_keys[] = { "id", "name", "questions" };
static const char *const question_keys[] = {
	"id", "title", "description", "choices", "riskRules",
	"helpfulResource",
};
static const char *const choice_keys[] = {
	"id", "title", "description", "helpfulResource", "improvementPlan",
	"additionalResources",
};
static const char *const resource_keys[] = { "displayText", "url" };
static const char *const additional_keys[] = { "type", "content" };
static const char *const rule_keys[] = { "condition", "risk" };

/* The lens's risks, what they become, and the score each implies. */
static const struct aws_risk {
	const char *name;
	const char *risk;
	double score;
} aws_risks[] = {
	{ "HIGH_RISK", "high", 0 },
	{ "MEDIUM_RISK", "medium", 0.5 },
	{ "NO_RISK", "none", 1 },
};

/* Words that cannot be ids in a condition of cto-assess. */
static const char *const condition_keywords[] = {
	"and", "or", "not", "in", "includes", "answered", "true", "false",
};

/* Conditions nested deeper than this are refused, as in cto-assess's. */
#define AWS_MAX_NESTING 31

struct aws_reader {
	struct import_ctx ctx;
	struct strmap area_ids;     /* id -> first ynode using it */
	struct strmap question_ids; /* id -> first ynode using it */
};

/* ---- ids ------------------------------------------------------------------ */

/*
 * An id of cto-assess from a lens id: lowercase, other characters than
 * letters, digits, '_', '.' and '-' turned into '-'.  An id that a condition
 * could not name (a number, a keyword) gets prefix.  NULL after an error.
 */
static char *lens_id(struct aws_reader *r, const struct ynode *n,
		     const char *prefix)
{
	struct buf id = BUF_INIT;
	const char *s;
	double number;
	size_t i;

	for (s = n->text; *s; s++) {
		char ch = *s;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '.' || ch == '-'))
			ch = '-';
		buf_addc(&id, ch);
	}
	for (i = 0; i < ARRAY_SIZE(condition_keywords); i++)
		if (!strcmp(id.data, condition_keywords[i]))
			break;
	if (i < ARRAY_SIZE(condition_keywords) ||
	    parse_number(id.data, &number) == 0 ||
	    (id.len && strchr("_.-", id.data[0]))) {
		char *converted = buf_detach(&id, NULL);

		buf_addf(&id, "%s%s", prefix, converted);
		free(converted);
	}
	if (!id_is_valid(id.data)) {
		tree_error(&r->ctx.tc, n, "cannot make an id of '%s' (ids "
			     "are letters, digits, '_', '.' and '-', at most "
			     "64 bytes)", n->text);
		buf_release(&id);
		return NULL;
	}
	return buf_detach(&id, NULL);
}

/* Records id as used; an error when it already is (ids are compared as
 * converted, so OPS_1 and ops_1 collide). */
static int claim_id(struct aws_reader *r, struct strmap *map, const char *id,
		    const struct ynode *n, const char *what)
{
	const struct ynode *first = strmap_put(map, id, (void *)n);

	if (!first)
		return 0;
	if (strcmp(first->text, n->text))
		tree_error(&r->ctx.tc, n, "duplicate %s id '%s' (the same as "
			     "'%s' at line %d once lowercase)", what, n->text,
			     first->text, first->line);
	else
		tree_error(&r->ctx.tc, n, "duplicate %s id '%s' (first at line "
			     "%d)", what, n->text, first->line);
	return -1;
}

/* ---- conditions ----------------------------------------------------------- */

enum aws_op { AWS_CHOICE, AWS_NOT, AWS_AND, AWS_OR };

struct aws_expr {
	enum aws_op op;
	struct aws_expr *left, *right;
	const char *choice;   /* AWS_CHOICE: the converted id (not owned) */
};

struct aws_parser {
	struct aws_reader *r;
	const struct ynode *node;   /* the condition's JSON string */
	const char *src;
	size_t pos;
	int depth;
	int failed;
	const struct import_question *q;
	const char *const *source_ids; /* the choices' ids as in the lens */
};

static void expr_free_tree(struct aws_expr *e)
{
	if (!e)
		return;
	expr_free_tree(e->left);
	expr_free_tree(e->right);
	free(e);
}

/*
 * Reports a problem at an offset in the condition.  The column is the
 * string's (after its opening quote) plus the characters before the
 * offset: exact unless the string has escapes before that point.
 */
static void condition_error(struct aws_parser *p, size_t offset,
			    const char *msg)
{
	size_t i;
	int col = p->node->col + 1;

	if (p->failed)
		return;
	p->failed = 1;
	for (i = 0; i < offset && p->src[i]; i++)
		if (((unsigned char)p->src[i] & 0xc0) != 0x80)
			col++;
	diag_add(p->r->ctx.tc.diags, DIAG_ERROR, p->r->ctx.tc.file, p->node->line,
		 col, "%s", msg);
}

static void skip_space(struct aws_parser *p)
{
	while (p->src[p->pos] == ' ' || p->src[p->pos] == '\t')
		p->pos++;
}

static int is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Describes what is at the cursor, for "expected ... but found ...". */
static void found(struct aws_parser *p, struct buf *msg)
{
	const char *s = p->src + p->pos;
	size_t n = 0;

	if (!*s) {
		buf_adds(msg, "the end of the condition");
		return;
	}
	while (is_id_char(s[n]) && n < 40)
		n++;
	if (!n)
		n = (s[0] == '&' || s[0] == '|') && s[1] == s[0] ? 2 : 1;
	if ((unsigned char)s[0] < 0x20)
		buf_addf(msg, "byte 0x%02x", (unsigned char)s[0]);
	else
		buf_addf(msg, "'%.*s'", (int)n, s);
}

static void expected(struct aws_parser *p, const char *what)
{
	struct buf msg = BUF_INIT;

	buf_addf(&msg, "expected %s in the risk condition but found ", what);
	found(p, &msg);
	condition_error(p, p->pos, msg.data);
	buf_release(&msg);
}

static struct aws_expr *parse_or(struct aws_parser *p);

/* A choice id of the question, by its id in the lens. */
static struct aws_expr *parse_choice(struct aws_parser *p)
{
	size_t start = p->pos, n = 0, i;
	struct aws_expr *e;
	struct buf msg = BUF_INIT;

	while (is_id_char(p->src[p->pos + n]))
		n++;
	if (!n) {
		expected(p, "a choice id, '!' or '('");
		return NULL;
	}
	p->pos += n;
	for (i = 0; i < p->q->nchoices; i++)
		if (p->source_ids[i] && strlen(p->source_ids[i]) == n &&
		    !strncmp(p->source_ids[i], p->src + start, n))
			break;
	if (i < p->q->nchoices) {
		e = xcalloc(1, sizeof(*e));
		e->op = AWS_CHOICE;
		e->choice = p->q->choices[i].id;
		return e;
	}
	buf_addf(&msg, "unknown choice '%.*s' in the risk condition of "
		 "question '%s'", (int)n, p->src + start, p->q->id);
	{
		char *word = xstrndup(p->src + start, n);

		buf_add_hint(&msg, word, p->source_ids, p->q->nchoices);
		free(word);
	}
	condition_error(p, start, msg.data);
	buf_release(&msg);
	return NULL;
}

static struct aws_expr *parse_unary(struct aws_parser *p)
{
	struct aws_expr *e, *inner;

	skip_space(p);
	if (p->depth >= AWS_MAX_NESTING) {
		condition_error(p, p->pos, "the risk condition is nested too "
				"deeply");
		return NULL;
	}
	if (p->src[p->pos] == '!') {
		p->pos++;
		p->depth++;
		inner = parse_unary(p);
		p->depth--;
		if (!inner)
			return NULL;
		e = xcalloc(1, sizeof(*e));
		e->op = AWS_NOT;
		e->left = inner;
		return e;
	}
	if (p->src[p->pos] != '(')
		return parse_choice(p);
	p->pos++;
	p->depth++;
	e = parse_or(p);
	p->depth--;
	skip_space(p);
	if (e && p->src[p->pos] != ')') {
		expected(p, "')'");
		expr_free_tree(e);
		return NULL;
	}
	p->pos++;
	return e;
}

/* A chain of operands joined by op ("&&" or "||"). */
static struct aws_expr *parse_chain(struct aws_parser *p, const char *token,
				    enum aws_op op,
				    struct aws_expr *(*operand)(
					    struct aws_parser *))
{
	struct aws_expr *left = operand(p), *e;

	while (left) {
		skip_space(p);
		if (strncmp(p->src + p->pos, token, 2))
			return left;
		p->pos += 2;
		e = xcalloc(1, sizeof(*e));
		e->op = op;
		e->left = left;
		e->right = operand(p);
		if (!e->right) {
			expr_free_tree(e);
			return NULL;
		}
		left = e;
	}
	return NULL;
}

static struct aws_expr *parse_and(struct aws_parser *p)
{
	return parse_chain(p, "&&", AWS_AND, parse_unary);
}

static struct aws_expr *parse_or(struct aws_parser *p)
{
	return parse_chain(p, "||", AWS_OR, parse_and);
}

/* How tightly each operator binds, to write only the parentheses needed. */
static int binding(enum aws_op op)
{
	static const int strength[] = {
		[AWS_CHOICE] = 4, [AWS_NOT] = 3, [AWS_AND] = 2, [AWS_OR] = 1,
	};

	return strength[op];
}

/* Writes e in cto-assess's condition language. */
static void write_condition(struct buf *out, const struct aws_expr *e,
			    const char *question, int outer)
{
	int paren = binding(e->op) < outer, inner;

	if (paren)
		buf_addc(out, '(');
	switch (e->op) {
	case AWS_CHOICE:
		buf_addf(out, "%s includes %s", question, e->choice);
		break;
	case AWS_NOT:
		buf_adds(out, "not ");
		write_condition(out, e->left, question, binding(AWS_NOT));
		break;
	case AWS_AND:
	case AWS_OR:
		/* "(a and b) or c": parentheses a reader need not work out. */
		inner = e->op == AWS_OR ? binding(AWS_AND) + 1 : binding(e->op);
		write_condition(out, e->left, question, inner);
		buf_adds(out, e->op == AWS_AND ? " and " : " or ");
		write_condition(out, e->right, question, inner);
		break;
	}
	if (paren)
		buf_addc(out, ')');
}

/*
 * Translates one AWS condition; returns the condition (newly allocated) or
 * NULL after an error.  "default" is "true".
 */
static char *translate_condition(struct aws_reader *r, const struct ynode *n,
				 const struct import_question *q,
				 const char *const *source_ids)
{
	struct aws_parser p;
	struct aws_expr *e;
	struct buf out = BUF_INIT;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.node = n;
	p.src = n->text;
	p.q = q;
	p.source_ids = source_ids;
	skip_space(&p);
	if (!strcmp(p.src + p.pos, "default"))
		return xstrdup("true");
	e = parse_or(&p);
	skip_space(&p);
	if (e && p.src[p.pos]) {
		expected(&p, "'&&', '||' or the end");
		expr_free_tree(e);
		return NULL;
	}
	if (!e)
		return NULL;
	write_condition(&out, e, q->id, 0);
	expr_free_tree(e);
	return buf_detach(&out, NULL);
}

/* ---- resources, choices, rules --------------------------------------------- */

/* Appends "\n\n" then text, or text alone to an empty buffer. */
static void add_paragraph(struct buf *b, const char *text)
{
	if (b->len)
		buf_adds(b, "\n\n");
	buf_adds(b, text);
}

/* A short one-line text that can title a link, else NULL. */
static const char *link_title(const char *text)
{
	const char *s;
	int letters = 0;

	if (!text || strlen(text) > 160 || strchr(text, '\n'))
		return NULL;
	for (s = text; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			letters = 1;
	return letters ? text : NULL;
}

/* Where a resource's parts go. */
struct resource_sink {
	struct buf *text;                 /* help or advice */
	struct import_reference **refs;
	size_t *nrefs, *refs_alloc;
	const char *title;                /* the link's title if the text
					     cannot be one; NULL to use the
					     text when it can */
	const char *fallback;
};

/* {displayText, url}: the text to sink->text, the URL as a reference. */
static void read_resource(struct aws_reader *r, const struct ynode *res,
			  const char *what, const struct resource_sink *sink)
{
	const char *text, *url, *title;

	if (res->kind != YNODE_MAPPING) {
		tree_error(&r->ctx.tc, res, "%s must be a mapping, not %s", what,
			     ynode_kind_name(res));
		return;
	}
	import_check_keys(&r->ctx, res, resource_keys,
			  ARRAY_SIZE(resource_keys), what);
	text = import_text(&r->ctx, res, "displayText", what, 0);
	url = import_text(&r->ctx, res, "url", what, 0);
	if (text && sink->text)
		add_paragraph(sink->text, text);
	if (!url)
		return;
	if (!url_is_web(url)) {
		tree_warning(&r->ctx.tc, import_get(res, "url"), "ignoring URL "
			       "'%s' (only http and https links are kept)",
			       url);
		return;
	}
	title = sink->title ? sink->title : link_title(text);
	import_reference_add(sink->refs, sink->nrefs, sink->refs_alloc,
			     title ? title : sink->fallback, url);
}

/* additionalResources: [{type, content: [{displayText, url}]}]. */
static void read_additional(struct aws_reader *r, const struct ynode *list,
			    struct import_choice *c, struct buf *help,
			    struct buf *advice)
{
	size_t i, j;

	for (i = 0; i < list->count; i++) {
		const struct ynode *a = list->items[i], *content;
		const char *type;
		struct resource_sink sink = { NULL, &c->refs, &c->nrefs,
					      &c->refs_alloc, NULL, c->label };

		if (a->kind != YNODE_MAPPING) {
			tree_error(&r->ctx.tc, a, "an additional resource must "
				     "be a mapping, not %s", ynode_kind_name(a));
			continue;
		}
		import_check_keys(&r->ctx, a, additional_keys,
				  ARRAY_SIZE(additional_keys),
				  "an additional resource");
		type = import_text(&r->ctx, a, "type",
				   "an additional resource", 1);
		content = import_list(&r->ctx, a, "content",
				      "an additional resource", 1);
		if (type && strcmp(type, "HELPFUL_RESOURCE") &&
		    strcmp(type, "IMPROVEMENT_PLAN"))
			tree_error(&r->ctx.tc, import_get(a, "type"),
				     "unknown resource type '%s' (expected "
				     "HELPFUL_RESOURCE or IMPROVEMENT_PLAN)",
				     type);
		for (j = 0; type && content && j < content->count; j++) {
			const struct ynode *item = content->items[j];
			const char *text = item->kind == YNODE_MAPPING ?
				import_get(item, "displayText") ?
					import_get(item, "displayText")->text :
					NULL : NULL;

			/* A text too long to title its link is kept whole. */
			sink.text = link_title(text) ? NULL :
				    !strcmp(type, "HELPFUL_RESOURCE") ? help :
									advice;
			read_resource(r, item, "an additional resource", &sink);
		}
	}
}

static void read_choice(struct aws_reader *r, const struct ynode *n,
			struct import_question *q, struct buf *help,
			const char **source_id)
{
	struct import_choice *c;
	const struct ynode *res, *idn = import_get(n, "id");
	const char *label;
	struct buf advice = BUF_INIT, helpful = BUF_INIT, title = BUF_INIT;
	struct resource_sink sink;

	import_check_keys(&r->ctx, n, choice_keys, ARRAY_SIZE(choice_keys),
			  "a choice");
	*source_id = import_text(&r->ctx, n, "id", "a choice", 1);
	label = import_text(&r->ctx, n, "title", "a choice", 1);
	if (!*source_id || !label)
		return;
	c = import_choice_add(q);
	c->id = lens_id(r, idn, "c-");
	c->label = xstrdup(label);
	if (!c->id)
		c->id = xstrdup("?");
	/* "None of these": its id ends in _no, as in AWS's lenses. */
	c->exclusive = strlen(*source_id) >= 3 &&
		       !strcasecmp(*source_id + strlen(*source_id) - 3, "_no");
	sink = (struct resource_sink){ &helpful, &c->refs, &c->nrefs,
				       &c->refs_alloc, c->label, c->label };
	if ((res = import_get(n, "helpfulResource")))
		read_resource(r, res, "a helpful resource", &sink);
	buf_addf(&title, "%s (improvement plan)", c->label);
	sink = (struct resource_sink){ &advice, &c->refs, &c->nrefs,
				       &c->refs_alloc, NULL, title.data };
	if ((res = import_get(n, "improvementPlan")))
		read_resource(r, res, "an improvement plan", &sink);
	if ((res = import_list(&r->ctx, n, "additionalResources", "a choice",
			       0)))
		read_additional(r, res, c, &helpful, &advice);
	if (helpful.len) {
		size_t end = strlen(c->label);

		/* "Title: text", or "Title. Text" when the title ends a
		 * sentence already. */
		buf_adds(help, help->len ? "\n\n" : "");
		buf_addf(help, "%s%s%s", c->label,
			 strchr(".?!:", c->label[end - 1]) ? " " : ": ",
			 helpful.data);
	}
	c->advice = advice.len ? buf_detach(&advice, NULL) : NULL;
	buf_release(&advice);
	buf_release(&helpful);
	buf_release(&title);
}

static int choice_index(const struct import_question *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++)
		if (!strcmp(q->choices[i].id, id))
			return (int)i;
	return -1;
}

/* Every question can be answered "none of these": a question of one best
 * practice gets that choice, as cto-assess asks for at least two. */
static void add_none_choice(struct import_question *q, const char **ids)
{
	struct import_choice *c;
	struct buf id = BUF_INIT;

	buf_addf(&id, "%s_no", q->id);
	while (choice_index(q, id.data) >= 0)
		buf_adds(&id, "_");
	ids[q->nchoices] = NULL;
	c = import_choice_add(q);
	c->id = buf_detach(&id, NULL);
	c->label = xstrdup("None of these");
	c->exclusive = 1;
}

static void read_choices(struct aws_reader *r, const struct ynode *list,
			 struct import_question *q, struct buf *help,
			 const char **ids)
{
	struct strmap seen = STRMAP_INIT;
	size_t i;

	for (i = 0; i < list->count; i++) {
		const struct ynode *n = list->items[i];
		const char *id = NULL;
		size_t before = q->nchoices;

		if (n->kind != YNODE_MAPPING) {
			tree_error(&r->ctx.tc, n, "a choice must be a mapping, "
				     "not %s", ynode_kind_name(n));
			continue;
		}
		read_choice(r, n, q, help, &id);
		if (q->nchoices == before)
			continue;
		ids[before] = id;
		claim_id(r, &seen, q->choices[before].id,
			 import_get(n, "id"), "choice");
	}
	strmap_release(&seen);
	if (list->count && q->nchoices == list->count && q->nchoices < 2)
		add_none_choice(q, ids);
}

static const struct aws_risk *find_risk(struct aws_reader *r,
					const struct ynode *rule)
{
	const char *name = import_text(&r->ctx, rule, "risk", "a risk rule", 1);
	const struct ynode *n = import_get(rule, "risk");
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(aws_risks); i++)
		if (!strcmp(aws_risks[i].name, name))
			return &aws_risks[i];
	tree_error(&r->ctx.tc, n, "unknown risk '%s' (expected HIGH_RISK, "
		     "MEDIUM_RISK or NO_RISK)", name);
	return NULL;
}

static void read_rules(struct aws_reader *r, const struct ynode *qmap,
		       const struct ynode *list, struct import_question *q,
		       const char *const *ids)
{
	size_t i;
	int has_default = 0;

	for (i = 0; i < list->count; i++) {
		const struct ynode *n = list->items[i], *cond;
		const struct aws_risk *risk;
		char *when;

		if (n->kind != YNODE_MAPPING) {
			tree_error(&r->ctx.tc, n, "a risk rule must be a "
				     "mapping, not %s", ynode_kind_name(n));
			continue;
		}
		import_check_keys(&r->ctx, n, rule_keys, ARRAY_SIZE(rule_keys),
				  "a risk rule");
		risk = find_risk(r, n);
		if (!import_text(&r->ctx, n, "condition", "a risk rule", 1))
			continue;
		cond = import_get(n, "condition");
		when = translate_condition(r, cond, q, ids);
		has_default |= when && !strcmp(when, "true");
		if (!when || !risk) {
			free(when);
			continue;
		}
		import_rule_add(q)->when = when;
		q->rules[q->nrules - 1].risk = risk->risk;
		q->rules[q->nrules - 1].score = risk->score;
	}
	if (!has_default && list->count)
		tree_error(&r->ctx.tc, import_get(qmap, "riskRules"),
			     "question '%s' has no 'default' risk rule, so "
			     "some answers would have no risk", q->id);
}

/* ---- questions, pillars, the lens ------------------------------------------ */

static void read_question(struct aws_reader *r, struct import_area *area,
			  const struct ynode *n)
{
	struct import_question *q;
	const struct ynode *idn = import_get(n, "id"), *list, *rules, *res;
	const char *text, *description, **ids;
	struct buf help = BUF_INIT;
	struct resource_sink sink;

	import_check_keys(&r->ctx, n, question_keys, ARRAY_SIZE(question_keys),
			  "a question");
	text = import_text(&r->ctx, n, "title", "a question", 1);
	description = import_text(&r->ctx, n, "description", "a question", 0);
	list = import_list(&r->ctx, n, "choices", "a question", 1);
	rules = import_list(&r->ctx, n, "riskRules", "a question", 1);
	/* Without its id or title the question is still read, with a
	 * stand-in, so that the rest of it is checked in the same pass. */
	q = import_question_add(area);
	if (import_text(&r->ctx, n, "id", "a question", 1))
		q->id = lens_id(r, idn, "q-");
	if (!q->id)
		q->id = xstrdup("?");
	else
		claim_id(r, &r->question_ids, q->id, idn, "question");
	q->text = xstrdup(text ? text : "?");
	q->type = "multi";
	if (description)
		buf_adds(&help, description);
	sink = (struct resource_sink){ &help, &q->refs, &q->nrefs,
				       &q->refs_alloc, q->text, q->text };
	if ((res = import_get(n, "helpfulResource")))
		read_resource(r, res, "a helpful resource", &sink);
	ids = xcalloc(list ? list->count + 2 : 2, sizeof(*ids));
	if (list && !list->count)
		tree_error(&r->ctx.tc, list, "question '%s' has no choice",
			     q->id);
	if (list)
		read_choices(r, list, q, &help, ids);
	if (rules && !rules->count)
		tree_error(&r->ctx.tc, rules, "question '%s' has no risk rule",
			     q->id);
	if (rules)
		read_rules(r, n, rules, q, ids);
	if (!help.len)
		buf_adds(&help, "Tick the best practices the workload follows.");
	q->help = buf_detach(&help, NULL);
	free(ids);
}

static void read_pillar(struct aws_reader *r, struct import_questionnaire *lq,
			const struct ynode *n)
{
	const struct ynode *idn = import_get(n, "id"), *list;
	const char *name;
	struct import_area *area;
	struct buf file = BUF_INIT;
	size_t i;

	import_check_keys(&r->ctx, n, pillar_keys, ARRAY_SIZE(pillar_keys),
			  "a pillar");
	name = import_text(&r->ctx, n, "name", "a pillar", 1);
	list = import_list(&r->ctx, n, "questions", "a pillar", 1);
	area = import_area_add(lq);
	if (import_text(&r->ctx, n, "id", "a pillar", 1))
		area->id = lens_id(r, idn, "p-");
	if (!area->id)
		area->id = xstrdup("?");
	else
		claim_id(r, &r->area_ids, area->id, idn, "pillar");
	area->title = xstrdup(name ? name : "?");
	buf_addf(&file, "areas/%s.yaml", area->id);
	area->file = buf_detach(&file, NULL);
	if (list && !list->count)
		tree_error(&r->ctx.tc, list, "pillar '%s' has no question",
			     area->id);
	for (i = 0; list && i < list->count; i++) {
		if (list->items[i]->kind != YNODE_MAPPING) {
			tree_error(&r->ctx.tc, list->items[i], "a question must "
				     "be a mapping, not %s",
				     ynode_kind_name(list->items[i]));
			continue;
		}
		read_question(r, area, list->items[i]);
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void read_lens(struct aws_reader *r, const struct ynode *root,
		      struct import_questionnaire *lq,
		      const struct import_options *opts, const char *path)
{
	const char *name, *description, *schema;
	const struct ynode *pillars;
	struct buf s = BUF_INIT;
	size_t i;

	import_check_keys(&r->ctx, root, lens_keys, ARRAY_SIZE(lens_keys),
			  "the lens");
	name = import_text(&r->ctx, root, "name", "the lens", 1);
	description = import_text(&r->ctx, root, "description", "the lens", 0);
	schema = import_text(&r->ctx, root, "schemaVersion", "the lens", 0);
	pillars = import_list(&r->ctx, root, "pillars", "the lens", 1);
	lq->id = name ? import_slug(name) : NULL;
	if (!lq->id)
		lq->id = xstrdup("aws-lens");
	lq->title = xstrdup(name ? name : "AWS Well-Architected lens");
	lq->description = description ? xstrdup(description) : NULL;
	lq->version = xstrdup(opts->source_version ? opts->source_version :
			      schema ? schema : "unknown");
	buf_addf(&s, "the AWS Well-Architected custom lens '%s'",
		 lq->title);
	lq->source = buf_detach(&s, NULL);
	lq->source_path = xstrdup(base_name(path));
	lq->licence = xstrdup(opts->licence ? opts->licence :
			      "not stated in the lens file");
	if (pillars && !pillars->count)
		tree_error(&r->ctx.tc, pillars, "the lens has no pillar");
	for (i = 0; pillars && i < pillars->count; i++) {
		if (pillars->items[i]->kind != YNODE_MAPPING) {
			tree_error(&r->ctx.tc, pillars->items[i], "a pillar "
				     "must be a mapping, not %s",
				     ynode_kind_name(pillars->items[i]));
			continue;
		}
		read_pillar(r, lq, pillars->items[i]);
	}
}

int import_aws_lens(const char *file, const struct import_options *opts,
		    struct import_questionnaire *q, struct diag_list *diags)
{
	struct aws_reader r;
	struct yaml_tree tree;
	size_t errors = diags->errors;

	memset(&r, 0, sizeof(r));
	r.ctx.tc.diags = diags;
	r.ctx.tc.file = file;
	r.ctx.strict = opts->strict;
	r.ctx.json = 1;
	if (json_tree_load(&tree, file, LOADER_MAX_FILE_SIZE, diags) == 0) {
		if (tree.root && tree.root->kind == YNODE_MAPPING)
			read_lens(&r, tree.root, q, opts, file);
		else if (tree.root)
			tree_error(&r.ctx.tc, tree.root, "a lens must be a JSON "
				     "object, not %s",
				     ynode_kind_name(tree.root));
	}
	yaml_tree_release(&tree);
	strmap_release(&r.area_ids);
	strmap_release(&r.question_ids);
	return diags->errors == errors ? 0 : -1;
}
