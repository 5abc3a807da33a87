/*
 * yamltree.c - YAML files into positioned node trees, via libyaml events.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "fileio.h"
#include "util.h"
#include "yamltree.h"

struct builder {
	struct ynode *stack[YAML_MAX_DEPTH + 1];
	int depth;
	struct ynode *root;
	const char *name;
	const char *data;
	size_t len;
	struct diag_list *diags;
};

static struct ynode *node_new(enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	/* libyaml marks are 0-based; diagnostics are 1-based. */
	n->line = (int)mark.line + 1;
	n->col = (int)mark.column + 1;
	return n;
}

static void node_free(struct ynode *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->count; i++)
		node_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

/* Attaches n to the open collection on top of the stack, or as the root. */
static void attach(struct builder *b, struct ynode *n)
{
	struct ynode *parent;

	if (b->depth == 0) {
		b->root = n;
		return;
	}
	parent = b->stack[b->depth - 1];
	GROW(parent->items, parent->alloc, parent->count + 1);
	parent->items[parent->count++] = n;
}

/*
 * Turns a byte offset into a 1-based line and a column counted in
 * characters, for libyaml's reader errors, which carry only the offset.
 */
static void offset_to_place(const char *data, size_t len, size_t offset,
			    int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	if (offset > len)
		offset = len;
	for (i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

static void add_parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, col;
	const char *problem = p->problem ? p->problem : "unknown problem";

	if (p->error == YAML_READER_ERROR) {
		offset_to_place(b->data, b->len, p->problem_offset, &line,
				&col);
		if (p->problem_value != -1)
			diag_add(b->diags, DIAG_ERROR, b->name, line, col,
				 "%s (byte 0x%02x)", problem,
				 (unsigned)p->problem_value & 0xff);
		else
			diag_add(b->diags, DIAG_ERROR, b->name, line, col,
				 "%s", problem);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR)
		die(EXIT_NOMEM, "out of memory while parsing '%s'", b->name);
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	if (p->context)
		diag_add(b->diags, DIAG_ERROR, b->name, line, col,
			 "YAML syntax error: %s (%s that starts at line %d)",
			 problem,
			 p->context, (int)p->context_mark.line + 1);
	else
		diag_add(b->diags, DIAG_ERROR, b->name, line, col,
			 "YAML syntax error: %s", problem);
}

static void error_at(struct builder *b, yaml_mark_t mark, const char *msg)
{
	diag_add(b->diags, DIAG_ERROR, b->name, (int)mark.line + 1,
		 (int)mark.column + 1, "%s", msg);
}

static int has_anchor(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return e->data.scalar.anchor != NULL;
	case YAML_SEQUENCE_START_EVENT:
		return e->data.sequence_start.anchor != NULL;
	case YAML_MAPPING_START_EVENT:
		return e->data.mapping_start.anchor != NULL;
	default:
		return 0;
	}
}

static struct ynode *scalar_node(const yaml_event_t *e)
{
	struct ynode *n = node_new(YNODE_SCALAR, e->start_mark);
	size_t len = e->data.scalar.length;

	n->text = xstrndup((const char *)e->data.scalar.value, len);
	n->len = len;
	switch (e->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		n->style = YSTYLE_QUOTED;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		n->style = YSTYLE_BLOCK;
		break;
	default:
		n->style = YSTYLE_PLAIN;
	}
	return n;
}

/* Handles one event; returns 1 to go on, 0 at the end, -1 on error. */
static int handle_event(struct builder *b, const yaml_event_t *e,
			int *documents)
{
	struct ynode *n;

	if (has_anchor(e) || e->type == YAML_ALIAS_EVENT) {
		error_at(b, e->start_mark,
			 "YAML anchors and aliases are not supported "
			 "(write the content out in full)");
		return -1;
	}
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1) {
			error_at(b, e->start_mark,
				 "only one YAML document per file is allowed");
			return -1;
		}
		return 1;
	case YAML_SCALAR_EVENT:
		attach(b, scalar_node(e));
		return 1;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth >= YAML_MAX_DEPTH) {
			error_at(b, e->start_mark,
				 "nesting is too deep (more than 64 levels)");
			return -1;
		}
		n = node_new(e->type == YAML_MAPPING_START_EVENT ?
				     YNODE_MAPPING : YNODE_SEQUENCE,
			     e->start_mark);
		attach(b, n);
		b->stack[b->depth++] = n;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return 1;
	default:
		return 1;
	}
}

int yaml_tree_parse(struct yaml_tree *tree, const char *name,
		    const char *data, size_t len, struct diag_list *diags)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t event;
	int documents = 0, r = 1;

	memset(&b, 0, sizeof(b));
	b.name = name;
	b.data = data;
	b.len = len;
	b.diags = diags;
	tree->file = xstrdup(name);
	tree->root = NULL;
	if (!yaml_parser_initialize(&parser))
		die(EXIT_NOMEM, "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
				     len);
	while (r > 0) {
		if (!yaml_parser_parse(&parser, &event)) {
			add_parser_error(&b, &parser);
			r = -1;
			break;
		}
		r = handle_event(&b, &event, &documents);
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	if (r < 0) {
		node_free(b.root);
		return -1;
	}
	tree->root = b.root;
	return 0;
}

int yaml_tree_load(struct yaml_tree *tree, const char *path, size_t max_size,
		   struct diag_list *diags)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	int ret;

	if (file_read_all(path, max_size, &data, &err) < 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", err.data);
		tree->file = xstrdup(path);
		tree->root = NULL;
		ret = -1;
		goto out;
	}
	if (memchr(data.data, '\0', data.len)) {
		int line, col;

		offset_to_place(data.data, data.len,
				(size_t)((char *)memchr(data.data, '\0',
							data.len) - data.data),
				&line, &col);
		diag_add(diags, DIAG_ERROR, path, line, col,
			 "NUL byte in file (is it a binary file?)");
		tree->file = xstrdup(path);
		tree->root = NULL;
		ret = -1;
		goto out;
	}
	ret = yaml_tree_parse(tree, path, data.data, data.len, diags);
out:
	buf_release(&data);
	buf_release(&err);
	return ret;
}

void yaml_tree_release(struct yaml_tree *tree)
{
	node_free(tree->root);
	free(tree->file);
	tree->root = NULL;
	tree->file = NULL;
}

struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->kind != YNODE_MAPPING)
		return NULL;
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];

		if (k->kind == YNODE_SCALAR && !strcmp(k->text, key))
			return map->items[i + 1];
	}
	return NULL;
}

const char *ynode_kind_name(const struct ynode *node)
{
	switch (node->kind) {
	case YNODE_SCALAR:
		return "a scalar";
	case YNODE_SEQUENCE:
		return "a list";
	default:
		return "a mapping";
	}
}
