/*
 * expr.c - parsing and evaluating `when:` conditions (grammar in expr.h).
 *
 * A hand-written recursive-descent parser over a small tokenizer.  Depth is
 * bounded (EXPR_MAX_DEPTH) so that a hostile condition such as 10,000 '('
 * is an error, not a stack overflow.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "util.h"

#define EXPR_MAX_DEPTH 64

enum token_kind {
	TOK_END, TOK_WORD, TOK_NUMBER, TOK_LPAREN, TOK_RPAREN, TOK_LBRACKET,
	TOK_RBRACKET, TOK_COMMA, TOK_OP, TOK_BAD
};

struct token {
	enum token_kind kind;
	size_t offset;
	size_t len;
	enum expr_op op;
	double number;
};

struct parser {
	const char *src;
	struct token tok;
	int depth;
	struct expr_error *err;
	int failed;
};

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

static void fail(struct parser *p, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct parser *p, size_t offset, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = 1;
	p->err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(p->err->message, sizeof(p->err->message), fmt, ap);
	va_end(ap);
}

static int scan_operator(const char *s, struct token *t)
{
	static const struct { const char *text; enum expr_op op; } ops[] = {
		{ "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE },
		{ ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		size_t n = strlen(ops[i].text);

		if (!strncmp(s, ops[i].text, n)) {
			t->kind = TOK_OP;
			t->op = ops[i].op;
			t->len = n;
			return 1;
		}
	}
	return 0;
}

/* Reads the next token into p->tok. */
static void next_token(struct parser *p)
{
	const char *s = p->src + p->tok.offset + p->tok.len;
	struct token *t = &p->tok;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	t->offset = (size_t)(s - p->src);
	t->len = 1;
	switch (*s) {
	case '\0': t->kind = TOK_END; t->len = 0; return;
	case '(': t->kind = TOK_LPAREN; return;
	case ')': t->kind = TOK_RPAREN; return;
	case '[': t->kind = TOK_LBRACKET; return;
	case ']': t->kind = TOK_RBRACKET; return;
	case ',': t->kind = TOK_COMMA; return;
	}
	if (scan_operator(s, t))
		return;
	if (is_word_char(*s)) {
		const char *end = s;
		char *copy;

		while (is_word_char(*end))
			end++;
		t->len = (size_t)(end - s);
		copy = xstrndup(s, t->len);
		t->kind = parse_number(copy, &t->number) ? TOK_WORD : TOK_NUMBER;
		free(copy);
		return;
	}
	t->kind = TOK_BAD;
}

static int token_is(const struct parser *p, const char *word)
{
	return p->tok.kind == TOK_WORD && p->tok.len == strlen(word) &&
	       !strncmp(p->src + p->tok.offset, word, p->tok.len);
}

static int is_keyword(const struct parser *p)
{
	static const char *const words[] = {
		"and", "or", "not", "in", "includes", "answered", "true",
		"false"
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (token_is(p, words[i]))
			return 1;
	return 0;
}

static char *token_text(const struct parser *p)
{
	return xstrndup(p->src + p->tok.offset, p->tok.len);
}

/* Describes the current token for an error message. */
static void describe_token(const struct parser *p, char *out, size_t size)
{
	int n;

	if (p->tok.kind == TOK_END)
		n = snprintf(out, size, "end of condition");
	else
		n = snprintf(out, size, "'%.*s'",
			     (int)(p->tok.len > 20 ? 20 : p->tok.len),
			     p->src + p->tok.offset);
	if (n < 0 || (size_t)n >= size)
		snprintf(out, size, "token");
}

static void expected(struct parser *p, const char *what)
{
	char got[40];

	describe_token(p, got, sizeof(got));
	fail(p, p->tok.offset, "expected %s but found %s", what, got);
}

static struct expr *new_node(enum expr_kind kind, size_t offset)
{
	struct expr *e = xcalloc(1, sizeof(*e));

	e->kind = kind;
	e->offset = offset;
	return e;
}

static struct expr *parse_or(struct parser *p);

/* Reports a character that starts no token, with the word it may stand for. */
static void bad_character(struct parser *p)
{
	char c = p->src[p->tok.offset];

	if (c == '&')
		fail(p, p->tok.offset, "use 'and', not '&'");
	else if (c == '|')
		fail(p, p->tok.offset, "use 'or', not '|'");
	else if (c == '!')
		fail(p, p->tok.offset, "use 'not', not '!'");
	else if (c == '"' || c == '\'')
		fail(p, p->tok.offset, "write ids without quotes");
	else if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
		fail(p, p->tok.offset, "unexpected character (byte 0x%02x)",
		     (unsigned char)c);
	else
		fail(p, p->tok.offset, "unexpected character '%c'", c);
}

/* A question id: a word that is not a keyword. */
static int parse_question(struct parser *p, struct expr *e)
{
	if (p->tok.kind != TOK_WORD || is_keyword(p)) {
		expected(p, "a question id");
		return -1;
	}
	e->question = token_text(p);
	if (!id_is_valid(e->question)) {
		fail(p, p->tok.offset, "'%s' is not a valid question id",
		     e->question);
		return -1;
	}
	e->question_offset = p->tok.offset;
	next_token(p);
	return 0;
}

/* A value: a choice id or a number. */
static int parse_value(struct parser *p, struct expr_value *v)
{
	v->offset = p->tok.offset;
	if (p->tok.kind == TOK_NUMBER) {
		v->is_number = 1;
		v->number = p->tok.number;
	} else if (p->tok.kind == TOK_WORD && !is_keyword(p)) {
		v->ident = token_text(p);
	} else if (p->tok.kind == TOK_BAD) {
		bad_character(p);
		return -1;
	} else {
		expected(p, "a choice id or a number");
		return -1;
	}
	next_token(p);
	return 0;
}

static void add_value(struct expr *e, struct parser *p)
{
	e->values = xreallocarray(e->values, e->nvalues + 1,
				  sizeof(*e->values));
	memset(&e->values[e->nvalues], 0, sizeof(*e->values));
	if (parse_value(p, &e->values[e->nvalues]) == 0)
		e->nvalues++;
}

/* "[" value ("," value)* "]" */
static void parse_list(struct parser *p, struct expr *e)
{
	if (p->tok.kind != TOK_LBRACKET) {
		expected(p, "'['");
		return;
	}
	next_token(p);
	for (;;) {
		add_value(e, p);
		if (p->failed)
			return;
		if (p->tok.kind == TOK_RBRACKET)
			break;
		if (p->tok.kind != TOK_COMMA) {
			expected(p, "',' or ']'");
			return;
		}
		next_token(p);
	}
	next_token(p);
}

/* answered "(" ID ")" */
static struct expr *parse_answered(struct parser *p)
{
	struct expr *e = new_node(EXPR_ANSWERED, p->tok.offset);

	next_token(p);
	if (p->tok.kind != TOK_LPAREN) {
		expected(p, "'(' after 'answered'");
		return e;
	}
	next_token(p);
	if (parse_question(p, e) < 0)
		return e;
	if (p->tok.kind != TOK_RPAREN)
		expected(p, "')'");
	else
		next_token(p);
	return e;
}

/* ID op value | ID [not] in [...] | ID includes ID */
static struct expr *parse_comparison(struct parser *p)
{
	struct expr *e = new_node(EXPR_COMPARE, p->tok.offset);

	if (parse_question(p, e) < 0)
		return e;
	if (p->tok.kind == TOK_OP) {
		e->op = p->tok.op;
		next_token(p);
		add_value(e, p);
		return e;
	}
	if (token_is(p, "not")) {
		e->negate = 1;
		next_token(p);
		if (!token_is(p, "in")) {
			expected(p, "'in' after 'not'");
			return e;
		}
	}
	if (token_is(p, "in")) {
		e->kind = EXPR_IN;
		next_token(p);
		parse_list(p, e);
		return e;
	}
	if (token_is(p, "includes")) {
		e->kind = EXPR_INCLUDES;
		next_token(p);
		if (p->tok.kind != TOK_WORD || is_keyword(p)) {
			expected(p, "a choice id after 'includes'");
			return e;
		}
		add_value(e, p);
		return e;
	}
	if (p->tok.kind == TOK_BAD && p->src[p->tok.offset] == '=') {
		fail(p, p->tok.offset, "use '==' to compare, not '='");
		return e;
	}
	expected(p, "a comparison ('==', '!=', '<', '<=', '>', '>='), 'in' "
		    "or 'includes'");
	return e;
}

static struct expr *parse_primary(struct parser *p)
{
	struct expr *e;

	if (p->tok.kind == TOK_LPAREN) {
		size_t open = p->tok.offset;

		next_token(p);
		e = parse_or(p);
		if (p->failed)
			return e;
		if (p->tok.kind != TOK_RPAREN)
			fail(p, p->tok.offset,
			     "missing ')' to close '(' at column %zu",
			     open + 1);
		else
			next_token(p);
		return e;
	}
	if (token_is(p, "true") || token_is(p, "false")) {
		e = new_node(EXPR_CONST, p->tok.offset);
		e->negate = token_is(p, "false");
		next_token(p);
		return e;
	}
	if (token_is(p, "answered"))
		return parse_answered(p);
	if (p->tok.kind == TOK_BAD) {
		bad_character(p);
		return NULL;
	}
	return parse_comparison(p);
}

static struct expr *parse_unary(struct parser *p)
{
	struct expr *e;

	if (++p->depth > EXPR_MAX_DEPTH) {
		fail(p, p->tok.offset, "condition nested too deeply");
		return NULL;
	}
	if (token_is(p, "not")) {
		e = new_node(EXPR_NOT, p->tok.offset);
		next_token(p);
		e->left = parse_unary(p);
	} else {
		e = parse_primary(p);
	}
	p->depth--;
	return e;
}

static struct expr *parse_binary(struct parser *p, const char *word,
				 enum expr_kind kind,
				 struct expr *(*operand)(struct parser *))
{
	struct expr *left = operand(p);

	while (!p->failed && token_is(p, word)) {
		struct expr *e = new_node(kind, left ? left->offset : 0);

		next_token(p);
		e->left = left;
		e->right = operand(p);
		left = e;
	}
	return left;
}

static struct expr *parse_and(struct parser *p)
{
	return parse_binary(p, "and", EXPR_AND, parse_unary);
}

static struct expr *parse_or(struct parser *p)
{
	struct expr *e;

	if (++p->depth > EXPR_MAX_DEPTH) {
		fail(p, p->tok.offset, "condition nested too deeply");
		return NULL;
	}
	e = parse_binary(p, "or", EXPR_OR, parse_and);
	p->depth--;
	return e;
}

int expr_parse(const char *src, struct expr **out, struct expr_error *err)
{
	struct parser p;
	struct expr *e;

	memset(&p, 0, sizeof(p));
	p.src = src;
	p.err = err;
	err->offset = 0;
	err->message[0] = '\0';
	next_token(&p);
	if (p.tok.kind == TOK_END) {
		fail(&p, p.tok.offset, "empty condition");
		*out = NULL;
		return -1;
	}
	e = parse_or(&p);
	if (!p.failed && p.tok.kind == TOK_BAD) {
		bad_character(&p);
	} else if (!p.failed && p.tok.kind != TOK_END) {
		char got[40];

		describe_token(&p, got, sizeof(got));
		fail(&p, p.tok.offset,
		     "unexpected %s after a complete condition (missing 'and' "
		     "or 'or'?)", got);
	}
	if (p.failed) {
		expr_free(e);
		*out = NULL;
		return -1;
	}
	*out = e;
	return 0;
}

void expr_free(struct expr *e)
{
	size_t i;

	if (!e)
		return;
	expr_free(e->left);
	expr_free(e->right);
	for (i = 0; i < e->nvalues; i++)
		free(e->values[i].ident);
	free(e->values);
	free(e->question);
	free(e);
}

int expr_visit(const struct expr *e,
	       int (*fn)(const struct expr *node, void *ctx), void *ctx)
{
	int r;

	if (!e)
		return 0;
	if (e->question && (r = fn(e, ctx)))
		return r;
	if ((r = expr_visit(e->left, fn, ctx)))
		return r;
	return expr_visit(e->right, fn, ctx);
}

/* Compares an answer with one value; 1 when (answer op value) holds. */
static int compare_value(const struct answer *a, enum expr_op op,
			 const struct expr_value *v)
{
	if (v->is_number) {
		if (a->kind != ANSWER_NUMBER)
			return 0;
		switch (op) {
		case OP_EQ: return a->number == v->number;
		case OP_NE: return a->number != v->number;
		case OP_LT: return a->number < v->number;
		case OP_LE: return a->number <= v->number;
		case OP_GT: return a->number > v->number;
		case OP_GE: return a->number >= v->number;
		}
		return 0;
	}
	if (a->kind == ANSWER_CHOICE) {
		int equal = !strcmp(a->choice, v->ident);

		return op == OP_EQ ? equal : op == OP_NE ? !equal : 0;
	}
	if (a->kind == ANSWER_CHOICES) {
		int has = answer_includes(a, v->ident);

		return op == OP_EQ ? has : op == OP_NE ? !has : 0;
	}
	return 0;
}

int expr_eval(const struct expr *e,
	      const struct answer *(*lookup)(const char *id, void *ctx),
	      void *ctx)
{
	const struct answer *a;
	size_t i;

	switch (e->kind) {
	case EXPR_OR:
		return expr_eval(e->left, lookup, ctx) ||
		       expr_eval(e->right, lookup, ctx);
	case EXPR_AND:
		return expr_eval(e->left, lookup, ctx) &&
		       expr_eval(e->right, lookup, ctx);
	case EXPR_NOT:
		return !expr_eval(e->left, lookup, ctx);
	case EXPR_CONST:
		return !e->negate;
	default:
		break;
	}
	a = lookup(e->question, ctx);
	if (e->kind == EXPR_ANSWERED)
		return a && answer_has_value(a);
	if (!a || !answer_has_value(a)) {
		/* Without an answer nothing is equal, less or greater, and
		 * nothing is included; so "!=" and "not in" hold. */
		return (e->kind == EXPR_COMPARE && e->op == OP_NE) ||
		       (e->kind == EXPR_IN && e->negate);
	}
	switch (e->kind) {
	case EXPR_COMPARE:
		return compare_value(a, e->op, &e->values[0]);
	case EXPR_IN:
		for (i = 0; i < e->nvalues; i++)
			if (compare_value(a, OP_EQ, &e->values[i]))
				return !e->negate;
		return e->negate;
	case EXPR_INCLUDES:
		return answer_includes(a, e->values[0].ident);
	default:
		return 0;
	}
}
