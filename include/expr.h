/*
 * expr.h - the condition language of `when:` keys.
 *
 *   expr     := and_expr ("or" and_expr)*
 *   and_expr := unary ("and" unary)*
 *   unary    := "not" unary | primary
 *   primary  := "(" expr ")" | "answered" "(" ID ")"
 *             | ID op value | ID ["not"] "in" "[" value ("," value)* "]"
 *             | ID "includes" ID | "true" | "false"
 *   op       := "==" | "!=" | "<" | "<=" | ">" | ">="
 *   value    := ID | NUMBER
 *
 * expr_parse() builds a tree owned by the caller (expr_free() releases it).
 * Offsets are 0-based byte offsets into the source text; the loader adds them
 * to the YAML position of the scalar to point at the offending column.
 */
#ifndef CTO_EXPR_H
#define CTO_EXPR_H

#include <stddef.h>

#include "answer.h"

enum expr_kind {
	EXPR_OR,
	EXPR_AND,
	EXPR_NOT,
	EXPR_COMPARE,  /* question op values[0] */
	EXPR_IN,       /* question in values (negated when .negate) */
	EXPR_INCLUDES, /* question includes values[0] */
	EXPR_ANSWERED, /* answered(question) */
	EXPR_CONST     /* true / false in .negate == 0 / 1 */
};

enum expr_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

struct expr_value {
	int is_number;
	double number;
	char *ident;    /* when !is_number */
	size_t offset;
};

struct expr {
	enum expr_kind kind;
	enum expr_op op;
	int negate;
	struct expr *left, *right;  /* or, and: both; not: left */
	char *question;             /* the question id named */
	size_t question_offset;
	struct expr_value *values;
	size_t nvalues;
	size_t offset;              /* where this node starts */
};

struct expr_error {
	size_t offset;
	char message[160];
};

/* Parses src; returns 0 and sets *out, or -1 and fills err. */
int expr_parse(const char *src, struct expr **out, struct expr_error *err);
void expr_free(struct expr *e);

/*
 * Walks every question reference (comparison, in, includes, answered) in
 * order of appearance, calling fn; stops and returns fn's value when non-zero.
 */
int expr_visit(const struct expr *e,
	       int (*fn)(const struct expr *node, void *ctx), void *ctx);

/*
 * Evaluates e.  lookup returns the answer to a question id, or NULL when it
 * has none.  A question without a value (not asked, skipped, don't know)
 * equals nothing, so ==, <, <=, >, >=, in and includes are false and != and
 * not in are true; answered() tells the cases apart.
 */
int expr_eval(const struct expr *e,
	      const struct answer *(*lookup)(const char *id, void *ctx),
	      void *ctx);

#endif
