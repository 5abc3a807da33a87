/*
 * yamltree.c - YAML files into positioned node trees, via libyaml events.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "buf.h"
#include "fileio.h"
#include "util.h"
#include "yamltree.h"

/*
 * Nodes and their text live in an arena owned by the tree: a questionnaire
 * of 50,000 questions is millions of nodes, and allocating and freeing each
 * one with malloc cost more than libyaml's parsing itself.
 */
struct arena_chunk {
	struct arena_chunk *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

#define ARENA_CHUNK_SIZE (2 * 1024 * 1024)

/*
 * A new chunk.  First touches of fresh memory (page faults) were most of the
 * time of loading a huge questionnaire, so chunks are 2 MiB-aligned and
 * offered to the kernel for transparent huge pages: one fault per 2 MiB
 * instead of one per 4 KiB.
 */
static struct arena_chunk *arena_chunk_new(size_t size)
{
	void *p = NULL;

	if (posix_memalign(&p, ARENA_CHUNK_SIZE, size) != 0 || !p)
		die(EXIT_NOMEM, "out of memory (allocating %zu bytes)", size);
#ifdef MADV_HUGEPAGE
	madvise(p, size, MADV_HUGEPAGE);
#endif
	return p;
}

/* Nodes and pointer arrays need pointer alignment; text needs none. */
static void *arena_alloc_aligned(struct yaml_tree *tree, size_t size,
				 size_t align)
{
	struct arena_chunk *c = tree->arena;
	void *p;

	if (c)
		c->used = (c->used + align - 1) / align * align;

	if (!c || c->used > c->size || c->size - c->used < size) {
		size_t total = (sizeof(*c) + size + ARENA_CHUNK_SIZE - 1) /
			       ARENA_CHUNK_SIZE * ARENA_CHUNK_SIZE;

		c = arena_chunk_new(total);
		c->next = tree->arena;
		c->used = 0;
		c->size = total - sizeof(*c);
		tree->arena = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

static void *arena_alloc(struct yaml_tree *tree, size_t size)
{
	return arena_alloc_aligned(tree, size, sizeof(void *));
}

static void arena_free(struct arena_chunk *c)
{
	while (c) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
}

struct builder {
	struct yaml_tree *tree;
	const struct yaml_stream *stream;
	struct ynode *stack[YAML_MAX_DEPTH + 1];
	size_t frame[YAML_MAX_DEPTH + 1]; /* where each open node's items
					     start in scratch */
	const char *key[YAML_MAX_DEPTH + 1]; /* key of each open node in its
						parent mapping, or NULL */
	struct arena_chunk *mark_chunk[YAML_MAX_DEPTH + 1]; /* the arena */
	size_t mark_used[YAML_MAX_DEPTH + 1];  /* before each open node */
	int depth;
	struct ynode **scratch;  /* items of every open collection */
	size_t nscratch, scratch_alloc;
	struct ynode *root;
	const char *name;
	const char *data;
	size_t len;
	struct diag_list *diags;
};

static struct ynode *node_new(struct builder *b, enum ynode_kind kind,
			      yaml_mark_t mark)
{
	struct ynode *n = arena_alloc(b->tree, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = kind;
	/* libyaml marks are 0-based; diagnostics are 1-based. */
	n->line = (int)mark.line + 1;
	n->col = (int)mark.column + 1;
	return n;
}

/* Frees a tree built node by node with malloc (jsontree.c builds those). */
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

/* Adds n to the items of the open collection, or makes it the root. */
static void attach(struct builder *b, struct ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return;
	}
	GROW(b->scratch, b->scratch_alloc, b->nscratch + 1);
	b->scratch[b->nscratch++] = n;
}

/* Frees what the arena gave out since a mark. */
static void arena_reset(struct yaml_tree *tree, struct arena_chunk *chunk,
			size_t used)
{
	while (tree->arena && tree->arena != chunk) {
		struct arena_chunk *next = tree->arena->next;

		free(tree->arena);
		tree->arena = next;
	}
	if (chunk)
		chunk->used = used;
}

/* Opens a collection: remembers its key, its items' start, the arena. */
static void open_collection(struct builder *b, struct ynode *n)
{
	const char *key = NULL;

	if (b->depth > 0 && b->stack[b->depth - 1]->kind == YNODE_MAPPING &&
	    (b->nscratch - b->frame[b->depth - 1]) % 2 == 1 &&
	    b->scratch[b->nscratch - 1]->kind == YNODE_SCALAR)
		key = b->scratch[b->nscratch - 1]->text;
	b->mark_chunk[b->depth] = b->tree->arena;
	b->mark_used[b->depth] = b->tree->arena ? b->tree->arena->used : 0;
	attach(b, n);
	b->key[b->depth] = key;
	b->frame[b->depth] = b->nscratch;
	b->stack[b->depth++] = n;
}

/*
 * Closes the innermost collection: its items move into the arena.  A
 * mapping the stream's consumer takes is dropped from the tree and its
 * memory given back, so that a huge file never sits in memory whole.
 */
static void close_collection(struct builder *b)
{
	struct ynode *n = b->stack[--b->depth];
	size_t start = b->frame[b->depth];

	n->count = b->nscratch - start;
	if (n->count) {
		n->items = arena_alloc(b->tree, n->count * sizeof(*n->items));
		memcpy(n->items, b->scratch + start,
		       n->count * sizeof(*n->items));
	}
	b->nscratch = start;
	if (b->stream && n->kind == YNODE_MAPPING &&
	    b->stream->take(b->stream->ctx, b->stack, b->key, b->depth)) {
		b->nscratch--; /* n itself, attached just before its items */
		arena_reset(b->tree, b->mark_chunk[b->depth],
			    b->mark_used[b->depth]);
	}
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

/*
 * libyaml's reader errors carry the offending value: a byte for a bad
 * UTF-8 octet, a code point for a character it refuses (a surrogate, one
 * beyond U+10FFFF, a control character), nothing for a sequence cut short.
 */
static void add_reader_error(struct builder *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "unknown problem";
	int line, col;

	offset_to_place(b->data, b->len, p->problem_offset, &line, &col);
	if (p->problem_value == -1)
		diag_add(b->diags, DIAG_ERROR, b->name, line, col, "%s",
			 problem);
	else if (strstr(problem, "octet"))
		diag_add(b->diags, DIAG_ERROR, b->name, line, col,
			 "%s (byte 0x%02x)", problem,
			 (unsigned)p->problem_value & 0xff);
	else
		diag_add(b->diags, DIAG_ERROR, b->name, line, col,
			 "%s (U+%04X)", problem, (unsigned)p->problem_value);
}

static void add_parser_error(struct builder *b, const yaml_parser_t *p)
{
	int line, col;
	const char *problem = p->problem ? p->problem : "unknown problem";

	if (p->error == YAML_READER_ERROR) {
		add_reader_error(b, p);
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

static struct ynode *scalar_node(struct builder *b, const yaml_event_t *e)
{
	struct ynode *n = node_new(b, YNODE_SCALAR, e->start_mark);
	size_t len = e->data.scalar.length;

	n->text = arena_alloc_aligned(b->tree, len + 1, 1);
	memcpy(n->text, e->data.scalar.value, len);
	n->text[len] = '\0';
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
		attach(b, scalar_node(b, e));
		return 1;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth >= YAML_MAX_DEPTH) {
			error_at(b, e->start_mark,
				 "nesting is too deep (more than 64 levels)");
			return -1;
		}
		n = node_new(b, e->type == YAML_MAPPING_START_EVENT ?
					YNODE_MAPPING : YNODE_SEQUENCE,
			     e->start_mark);
		open_collection(b, n);
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(b);
		return 1;
	default:
		return 1;
	}
}

/*
 * libyaml would end the text at a NUL byte (or refuse it as a control
 * character); YAML text has none, so a file holding one is refused first,
 * at its place.
 */
static int refuse_nul(struct builder *b)
{
	const char *nul = memchr(b->data, '\0', b->len);
	int line, col;

	if (!nul)
		return 0;
	offset_to_place(b->data, b->len, (size_t)(nul - b->data), &line, &col);
	diag_add(b->diags, DIAG_ERROR, b->name, line, col,
		 "NUL byte in file (is it a binary file?)");
	return -1;
}

int yaml_tree_parse(struct yaml_tree *tree, const char *name,
		    const char *data, size_t len, struct diag_list *diags)
{
	return yaml_tree_parse_stream(tree, name, data, len, NULL, diags);
}

int yaml_tree_parse_stream(struct yaml_tree *tree, const char *name,
			   const char *data, size_t len,
			   const struct yaml_stream *stream,
			   struct diag_list *diags)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t event;
	int documents = 0, r = 1;

	memset(&b, 0, sizeof(b));
	b.tree = tree;
	b.stream = stream;
	b.name = name;
	b.data = data;
	b.len = len;
	b.diags = diags;
	tree->file = xstrdup(name);
	tree->root = NULL;
	tree->arena = NULL;
	if (refuse_nul(&b) < 0)
		return -1;
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
	free(b.scratch);
	if (r < 0) {
		arena_free(tree->arena);
		tree->arena = NULL;
		return -1;
	}
	tree->root = b.root;
	return 0;
}

int yaml_tree_load(struct yaml_tree *tree, const char *path, size_t max_size,
		   struct diag_list *diags)
{
	return yaml_tree_load_stream(tree, path, max_size, NULL, diags);
}

int yaml_tree_read_file(struct yaml_tree *tree, const char *path,
			size_t max_size, struct buf *data,
			struct diag_list *diags)
{
	struct buf err = BUF_INIT;
	int ret = file_read_all(path, max_size, data, &err);

	if (ret < 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", err.data);
		tree->file = xstrdup(path);
		tree->root = NULL;
		tree->arena = NULL;
	}
	buf_release(&err);
	return ret;
}

int yaml_tree_load_stream(struct yaml_tree *tree, const char *path,
			  size_t max_size, const struct yaml_stream *stream,
			  struct diag_list *diags)
{
	struct buf data = BUF_INIT;
	int ret = yaml_tree_read_file(tree, path, max_size, &data, diags);

	if (ret == 0)
		ret = yaml_tree_parse_stream(tree, path, data.data, data.len,
					     stream, diags);
	buf_release(&data);
	return ret;
}

void yaml_tree_release(struct yaml_tree *tree)
{
	if (tree->arena)
		arena_free(tree->arena);
	else
		node_free(tree->root);
	tree->arena = NULL;
	free(tree->file);
	tree->root = NULL;
	tree->file = NULL;
}

/* The index of key in a mapping's items, or map->count. */
static size_t key_index(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->kind != YNODE_MAPPING)
		return map ? map->count : 0;
	for (i = 0; i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];

		/* The first byte settles most misses without a call. */
		if (k->kind == YNODE_SCALAR && k->text[0] == key[0] &&
		    !strcmp(k->text, key))
			return i;
	}
	return map->count;
}

struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	size_t i = key_index(map, key);

	return map && i + 1 < map->count ? map->items[i + 1] : NULL;
}

struct ynode *ynode_get_key(const struct ynode *map, const char *key)
{
	size_t i = key_index(map, key);

	return map && i + 1 < map->count ? map->items[i] : NULL;
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

/*
 * Scans the event stream only as far as needed: a root questionnaire
 * usually starts with its id, so telling roots from fragments costs almost
 * nothing even for a huge file.
 */
int yaml_top_level_key(const char *path, const char *key, size_t max_size)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int depth = 0, expect_key = 0, found = -1, done = 0;
	struct buf err = BUF_INIT;
	struct stat st;
	int fd = file_open_regular(path, &err);
	FILE *f;

	/* libyaml reads the file as it goes, so a root stops early. */
	buf_release(&err);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size > max_size ||
	    !(f = fdopen(fd, "rb"))) {
		close(fd);
		return -1;
	}
	if (!yaml_parser_initialize(&parser))
		die(EXIT_NOMEM, "cannot initialise the YAML parser");
	yaml_parser_set_input_file(&parser, f);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event))
			break;
		switch (event.type) {
		case YAML_STREAM_END_EVENT:
			found = 0;
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 0 && event.type != YAML_MAPPING_START_EVENT)
				found = 0, done = 1;
			/* libyaml slows quadratically on deep nesting: stop
			 * at the cap and let the full load report it. */
			if (depth >= YAML_MAX_DEPTH)
				found = -1, done = 1;
			if (depth == 1)
				expect_key = 1; /* a collection value */
			depth++;
			if (depth == 1)
				expect_key = 1;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			if (--depth == 0)
				found = 0, done = 1;
			break;
		case YAML_SCALAR_EVENT:
			if (depth == 0) {
				found = 0, done = 1;
			} else if (depth == 1 && expect_key) {
				if (!strcmp((const char *)event.data.scalar.value,
					    key))
					found = 1, done = 1;
				expect_key = 0;
			} else if (depth == 1) {
				expect_key = 1;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return found;
}
