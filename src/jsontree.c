/*
 * jsontree.c - a strict JSON parser that keeps the place of every node.
 *
 * Recursive descent over the bytes, with the nesting bounded by
 * YAML_MAX_DEPTH so that a hostile file cannot exhaust the stack.  Every
 * byte is consumed through advance(), which keeps the line and the column
 * (in characters) up to date, so that places cost nothing extra even on a
 * file that is one long line.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "jsontree.h"
#include "util.h"

struct json_parser {
	const unsigned char *data;
	size_t len;
	size_t pos;
	int line; /* 1-based */
	int col;  /* 1-based, in characters */
	int depth;
	const char *name;
	struct diag_list *diags;
	int failed;
};

static void advance(struct json_parser *p)
{
	unsigned char c = p->data[p->pos++];

	if (c == '\n') {
		p->line++;
		p->col = 1;
	} else if ((c & 0xc0) != 0x80) {
		p->col++;
	}
}

static int peek(const struct json_parser *p)
{
	return p->pos < p->len ? p->data[p->pos] : -1;
}

static void parse_error(struct json_parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records the first error only: after it the parser unwinds. */
static void parse_error(struct json_parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = 1;
	va_start(ap, fmt);
	diag_vadd(p->diags, DIAG_ERROR, p->name, p->line, p->col, fmt, ap);
	va_end(ap);
}

static void skip_space(struct json_parser *p)
{
	int c;

	while ((c = peek(p)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		advance(p);
}

static struct ynode *node_new(const struct json_parser *p,
			      enum ynode_kind kind)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->line = p->line;
	n->col = p->col;
	return n;
}

static void node_add(struct ynode *parent, struct ynode *child)
{
	GROW(parent->items, parent->alloc, parent->count + 1);
	parent->items[parent->count++] = child;
}

static void describe_unexpected(struct json_parser *p, const char *expected)
{
	int c = peek(p);

	if (c < 0)
		parse_error(p, "JSON syntax error: unexpected end of file, "
			    "expected %s", expected);
	else if (c >= 0x21 && c < 0x7f)
		parse_error(p, "JSON syntax error: unexpected '%c', expected %s",
			    c, expected);
	else
		parse_error(p, "JSON syntax error: unexpected byte 0x%02x, "
			    "expected %s", (unsigned)c, expected);
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the four hex digits of a \u escape; returns the unit or -1. */
static long read_hex4(struct json_parser *p)
{
	long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int d = hex_value(peek(p));

		if (d < 0) {
			parse_error(p, "JSON syntax error: invalid \\u escape");
			return -1;
		}
		v = v * 16 + d;
		advance(p);
	}
	return v;
}

static void add_utf8(struct buf *out, unsigned long cp)
{
	if (cp < 0x80) {
		buf_addc(out, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(out, (char)(0xc0 | (cp >> 6)));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(out, (char)(0xe0 | (cp >> 12)));
		buf_addc(out, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(out, (char)(0xf0 | (cp >> 18)));
		buf_addc(out, (char)(0x80 | ((cp >> 12) & 0x3f)));
		buf_addc(out, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	}
}

/* A \uXXXX escape (the backslash and 'u' consumed), with surrogate pairs. */
static int read_unicode_escape(struct json_parser *p, struct buf *out)
{
	long hi = read_hex4(p), lo;

	if (hi < 0)
		return -1;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		goto bad;
	if (hi >= 0xd800 && hi <= 0xdbff) {
		if (peek(p) != '\\')
			goto bad;
		advance(p);
		if (peek(p) != 'u')
			goto bad;
		advance(p);
		lo = read_hex4(p);
		if (lo < 0)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			goto bad;
		hi = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (hi == 0) {
		parse_error(p, "NUL character (\\u0000) in a string is not "
			    "supported");
		return -1;
	}
	add_utf8(out, (unsigned long)hi);
	return 0;
bad:
	parse_error(p, "JSON syntax error: unpaired UTF-16 surrogate in a "
		    "\\u escape");
	return -1;
}

static int read_escape(struct json_parser *p, struct buf *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	int c = peek(p);
	const char *hit;

	if (c == 'u') {
		advance(p);
		return read_unicode_escape(p, out);
	}
	hit = c > 0 ? strchr(from, c) : NULL;
	if (!hit) {
		parse_error(p, "JSON syntax error: invalid escape in a string");
		return -1;
	}
	buf_addc(out, to[hit - from]);
	advance(p);
	return 0;
}

/* Length of the valid UTF-8 sequence at the cursor, or 0. */
static size_t utf8_length(const struct json_parser *p)
{
	unsigned cp;

	return utf8_decode(p->data + p->pos, p->len - p->pos, &cp);
}

/* Reads a string (cursor on the opening quote) into out. */
static int read_string(struct json_parser *p, struct buf *out)
{
	advance(p);
	for (;;) {
		int c = peek(p);
		size_t n;

		if (c < 0) {
			parse_error(p, "JSON syntax error: unterminated string");
			return -1;
		}
		if (c == '"') {
			advance(p);
			return 0;
		}
		if (c < 0x20) {
			parse_error(p, "JSON syntax error: control character "
				    "0x%02x in a string", (unsigned)c);
			return -1;
		}
		if (c == '\\') {
			advance(p);
			if (read_escape(p, out) < 0)
				return -1;
			continue;
		}
		n = c < 0x80 ? 1 : utf8_length(p);
		if (!n) {
			parse_error(p, "invalid UTF-8 byte 0x%02x", (unsigned)c);
			return -1;
		}
		buf_add(out, p->data + p->pos, n);
		while (n--)
			advance(p);
	}
}

static void skip_digits(struct json_parser *p)
{
	while (peek(p) >= '0' && peek(p) <= '9')
		advance(p);
}

/* Consumes a number, checking the JSON grammar; returns 0 or -1. */
static int scan_number(struct json_parser *p)
{
	if (peek(p) == '-')
		advance(p);
	if (peek(p) == '0') {
		advance(p);
	} else if (peek(p) >= '1' && peek(p) <= '9') {
		skip_digits(p);
	} else {
		describe_unexpected(p, "a digit");
		return -1;
	}
	if (peek(p) == '.') {
		advance(p);
		if (peek(p) < '0' || peek(p) > '9') {
			describe_unexpected(p, "a digit");
			return -1;
		}
		skip_digits(p);
	}
	if (peek(p) == 'e' || peek(p) == 'E') {
		advance(p);
		if (peek(p) == '+' || peek(p) == '-')
			advance(p);
		if (peek(p) < '0' || peek(p) > '9') {
			describe_unexpected(p, "a digit");
			return -1;
		}
		skip_digits(p);
	}
	return 0;
}

static struct ynode *parse_value(struct json_parser *p);

static struct ynode *parse_scalar(struct json_parser *p)
{
	static const char *const words[] = { "true", "false", "null" };
	struct ynode *n = node_new(p, YNODE_SCALAR);
	size_t start = p->pos, i;
	struct buf text = BUF_INIT;

	if (peek(p) == '"') {
		n->style = YSTYLE_QUOTED;
		if (read_string(p, &text) < 0)
			goto fail;
	} else if (peek(p) == '-' || (peek(p) >= '0' && peek(p) <= '9')) {
		if (scan_number(p) < 0)
			goto fail;
		buf_add(&text, p->data + start, p->pos - start);
	} else {
		for (i = 0; i < ARRAY_SIZE(words); i++) {
			size_t wlen = strlen(words[i]);

			if (p->len - p->pos >= wlen &&
			    !memcmp(p->data + p->pos, words[i], wlen))
				break;
		}
		if (i == ARRAY_SIZE(words)) {
			describe_unexpected(p, "a value");
			goto fail;
		}
		buf_adds(&text, words[i]);
		while (p->pos - start < strlen(words[i]))
			advance(p);
	}
	n->len = text.len;
	n->text = buf_detach(&text, NULL);
	return n;
fail:
	buf_release(&text);
	free(n);
	return NULL;
}

/* Parses "[...]" or "{...}" into n; returns 0 or -1. */
static int parse_members(struct json_parser *p, struct ynode *n)
{
	int is_map = n->kind == YNODE_MAPPING;
	int close = is_map ? '}' : ']';

	advance(p);
	skip_space(p);
	if (peek(p) == close) {
		advance(p);
		return 0;
	}
	for (;;) {
		struct ynode *item;

		skip_space(p);
		if (is_map) {
			if (peek(p) != '"') {
				describe_unexpected(p, "a string key");
				return -1;
			}
			item = parse_scalar(p);
			if (!item)
				return -1;
			node_add(n, item);
			skip_space(p);
			if (peek(p) != ':') {
				describe_unexpected(p, "':'");
				return -1;
			}
			advance(p);
			skip_space(p);
		}
		item = parse_value(p);
		if (!item)
			return -1;
		node_add(n, item);
		skip_space(p);
		if (peek(p) == close) {
			advance(p);
			return 0;
		}
		if (peek(p) != ',') {
			describe_unexpected(p, is_map ? "',' or '}'"
						      : "',' or ']'");
			return -1;
		}
		advance(p);
	}
}

static void node_free(struct ynode *n)
{
	struct yaml_tree t = { NULL, n, NULL };

	yaml_tree_release(&t);
}

static struct ynode *parse_value(struct json_parser *p)
{
	struct ynode *n;
	int c = peek(p);

	if (c != '[' && c != '{')
		return parse_scalar(p);
	if (p->depth >= YAML_MAX_DEPTH) {
		parse_error(p, "nesting is too deep (more than %d levels)",
			    YAML_MAX_DEPTH);
		return NULL;
	}
	n = node_new(p, c == '{' ? YNODE_MAPPING : YNODE_SEQUENCE);
	p->depth++;
	if (parse_members(p, n) < 0) {
		node_free(n);
		return NULL;
	}
	p->depth--;
	return n;
}

int json_tree_parse(struct yaml_tree *tree, const char *name,
		    const char *data, size_t len, struct diag_list *diags)
{
	return json_tree_parse_at(tree, name, data, len, 1, diags);
}

int json_tree_parse_at(struct yaml_tree *tree, const char *name,
		       const char *data, size_t len, int first_line,
		       struct diag_list *diags)
{
	struct json_parser p;
	struct ynode *root;

	memset(&p, 0, sizeof(p));
	p.data = (const unsigned char *)data;
	p.len = len;
	p.line = first_line;
	p.col = 1;
	p.name = name;
	p.diags = diags;
	tree->file = xstrdup(name);
	tree->root = NULL;
	tree->arena = NULL;
	/* A UTF-8 byte order mark is tolerated, as editors write one. */
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		p.pos = 3;
	skip_space(&p);
	root = parse_value(&p);
	if (!root)
		return -1;
	skip_space(&p);
	if (p.pos < p.len) {
		describe_unexpected(&p, "the end of the file");
		node_free(root);
		return -1;
	}
	tree->root = root;
	return 0;
}

int json_tree_load(struct yaml_tree *tree, const char *path, size_t max_size,
		   struct diag_list *diags)
{
	struct buf data = BUF_INIT;
	int ret = yaml_tree_read_file(tree, path, max_size, &data, diags);

	if (ret == 0)
		ret = json_tree_parse(tree, path, data.data, data.len, diags);
	buf_release(&data);
	return ret;
}
