/*
 * yamltree.h - a YAML file read into a small tree of positioned nodes.
 *
 * The loaders (questionnaires, answers files) need every node's place for
 * their diagnostics and must see duplicate keys, which libyaml's document
 * API would silently keep.  So yamltree builds its own tree from libyaml's
 * event stream, with its own depth counter (libyaml 0.2.5 has no nesting
 * limit, and its composer is quadratic on deep flow collections), refusing
 * anchors and aliases (libyaml shares aliased nodes: `&a [*a]` is a cycle
 * and an alias bomb expands in whatever walks it).
 *
 * A tree owns all its nodes and strings; yaml_tree_free() releases it.
 */
#ifndef CTO_YAMLTREE_H
#define CTO_YAMLTREE_H

#include <stddef.h>

#include "diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

/* How a scalar was written, to map offsets inside it back to columns. */
enum ynode_style { YSTYLE_PLAIN, YSTYLE_QUOTED, YSTYLE_BLOCK };

struct ynode {
	enum ynode_kind kind;
	enum ynode_style style;
	int line;          /* 1-based (libyaml's marks are 0-based) */
	int col;           /* 1-based, counted in characters */
	char *text;        /* scalars: NUL-terminated value */
	size_t len;        /* scalars: length of text (may hold NUL bytes) */
	struct ynode **items; /* sequences: items; mappings: key, value, ... */
	size_t count;      /* sequences: items; mappings: 2 x pairs */
	size_t alloc;
};

struct arena_chunk;
struct buf;

struct yaml_tree {
	char *file;        /* the name used in diagnostics */
	struct ynode *root;/* NULL for an empty document */
	/*
	 * The nodes of a YAML tree live in an arena; a tree built node by node
	 * with malloc (jsontree.c) sets this to NULL and yaml_tree_release()
	 * frees its nodes one by one.
	 */
	struct arena_chunk *arena;
};

#define YAML_MAX_DEPTH 64

/*
 * Reads path (at most max_size bytes) into a tree.  Returns 0, or -1 with one
 * diagnostic (file:line:col) in diags: a YAML syntax error stops libyaml, so
 * there is never more than one.  On success tree->root may be NULL (empty).
 */
int yaml_tree_load(struct yaml_tree *tree, const char *path, size_t max_size,
		   struct diag_list *diags);

/*
 * Reads the regular file at path (at most max_size bytes) into data, for a
 * parser of trees (this one, jsontree.h).  On failure adds the diagnostic
 * and leaves tree empty (it still needs yaml_tree_release()).  Returns 0
 * or -1.
 */
int yaml_tree_read_file(struct yaml_tree *tree, const char *path,
			size_t max_size, struct buf *data,
			struct diag_list *diags);

/* The same from a buffer already in memory; name is used in diagnostics. */
int yaml_tree_parse(struct yaml_tree *tree, const char *name,
		    const char *data, size_t len, struct diag_list *diags);

void yaml_tree_release(struct yaml_tree *tree);

/*
 * Streaming: take() is offered every mapping as it closes.  stack[0..depth]
 * are the open nodes from the root (stack[depth] is the mapping itself) and
 * keys[i] is the key under which stack[i] sits in its parent mapping (NULL
 * for the root and for list items).  When take() returns 1 it has used the
 * mapping, which is then dropped from the tree and its memory reused: the
 * mapping and its children are valid only during the call.  The loader takes
 * each question this way, so that a questionnaire of 50,000 questions never
 * sits in memory as one tree.
 */
struct yaml_stream {
	int (*take)(void *ctx, struct ynode *const *stack,
		    const char *const *keys, int depth);
	void *ctx;
};

int yaml_tree_load_stream(struct yaml_tree *tree, const char *path,
			  size_t max_size, const struct yaml_stream *stream,
			  struct diag_list *diags);
int yaml_tree_parse_stream(struct yaml_tree *tree, const char *name,
			   const char *data, size_t len,
			   const struct yaml_stream *stream,
			   struct diag_list *diags);

/*
 * Whether the file's top-level mapping has key: 1 or 0, or -1 when the file
 * cannot be read or parsed or nests deeper than YAML_MAX_DEPTH.  Stops
 * reading events as soon as it knows.
 */
int yaml_top_level_key(const char *path, const char *key, size_t max_size);

/* The value stored under key in a mapping, or NULL. */
struct ynode *ynode_get(const struct ynode *map, const char *key);

/* The key node itself (for its place), or NULL. */
struct ynode *ynode_get_key(const struct ynode *map, const char *key);

/* Number of key/value pairs of a mapping. */
static inline size_t ynode_pairs(const struct ynode *map)
{
	return map->count / 2;
}

/* Human name of a node kind for messages: "a scalar", "a list", "a mapping". */
const char *ynode_kind_name(const struct ynode *node);

#endif
