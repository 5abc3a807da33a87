/*
 * prose.c - the Markdown subset of prose.h: blocks first (paragraphs and
 * list items, joined into single lines), then the spans of each block.
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "prose.h"
#include "util.h"

enum block_kind { BLOCK_PARAGRAPH, BLOCK_ITEM };

struct block {
	enum block_kind kind;
	struct buf text;  /* its lines joined by spaces */
};

struct blocks {
	struct block *items;
	size_t n, alloc;
};

/* The length of a list marker ("- ", "* ", after up to 3 spaces), or 0. */
static size_t item_marker(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && i < 3 && line[i] == ' ')
		i++;
	if (i + 1 < len && (line[i] == '-' || line[i] == '*') &&
	    line[i + 1] == ' ')
		return i + 2;
	return 0;
}

static int is_blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ')
			return 0;
	return 1;
}

static struct block *new_block(struct blocks *b, enum block_kind kind)
{
	struct block *blk;

	GROW(b->items, b->alloc, b->n + 1);
	blk = &b->items[b->n++];
	blk->kind = kind;
	buf_init(&blk->text);
	return blk;
}

/* Adds one line (without its newline) to the blocks. */
static void add_line(struct blocks *b, struct block **open, const char *line,
		     size_t len)
{
	size_t marker = item_marker(line, len);

	if (is_blank(line, len)) {
		*open = NULL;
		return;
	}
	if (marker) {
		*open = new_block(b, BLOCK_ITEM);
		line += marker;
		len -= marker;
	} else if (!*open) {
		*open = new_block(b, BLOCK_PARAGRAPH);
	}
	while (len && *line == ' ')
		line++, len--;
	while (len && line[len - 1] == ' ')
		len--;
	if ((*open)->text.len)
		buf_addc(&(*open)->text, ' ');
	buf_add(&(*open)->text, line, len);
}

static void split_blocks(struct blocks *b, const char *text)
{
	struct block *open = NULL;
	const char *line = text, *end;

	for (;;) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		add_line(b, &open, line, (size_t)(end - line));
		if (!*end)
			break;
		line = end + 1;
	}
}

/* ---- spans ------------------------------------------------------------------ */

enum span { SPAN_TEXT, SPAN_STRONG, SPAN_EMPHASIS };

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/*
 * The span at s, after the byte prev: a marked one (its content at
 * *start, *len bytes, and the bytes it takes in *used) or one byte of
 * text.  A marker counts only when it closes later in the block around
 * something that neither starts nor ends with a space; an underscore
 * only outside a word, so that snake_case_names stay as they are.
 */
static enum span next_span(const char *s, char prev, const char **start,
			   size_t *len, size_t *used)
{
	const char *close;

	if (s[0] == '*' && s[1] == '*' && s[2] && s[2] != ' ' &&
	    (close = strstr(s + 2, "**")) && close[-1] != ' ') {
		*start = s + 2;
		*len = (size_t)(close - s - 2);
		*used = *len + 4;
		return SPAN_STRONG;
	}
	if ((s[0] == '*' || s[0] == '_') && s[1] && s[1] != ' ' &&
	    s[1] != s[0] && (close = strchr(s + 1, s[0])) &&
	    close[-1] != ' ' &&
	    (s[0] == '*' || (!is_word_char(prev) &&
			     !is_word_char(close[1])))) {
		*start = s + 1;
		*len = (size_t)(close - s - 1);
		*used = *len + 2;
		return SPAN_EMPHASIS;
	}
	*start = s;
	*len = 1;
	*used = 1;
	return SPAN_TEXT;
}

/* Appends text of len bytes as plain text in format. */
static void add_text(struct buf *out, const char *s, size_t len,
		     enum prose_format format, int line_start)
{
	size_t lead, trail;
	char *copy;

	switch (format) {
	case PROSE_MARKDOWN:
		/* escape_markdown_line() drops the spaces a line starts with;
		 * within a line they separate words. */
		while (!line_start && len && *s == ' ') {
			buf_addc(out, ' ');
			s++;
			len--;
		}
		escape_markdown_line(out, s, len, line_start);
		break;
	case PROSE_HTML:
		/* escape_html() trims the ends, where spaces separate this
		 * run from the marked spans around it. */
		for (lead = 0; lead < len && s[lead] == ' '; lead++)
			buf_addc(out, ' ');
		for (trail = 0; trail < len - lead &&
		     s[len - 1 - trail] == ' '; trail++)
			;
		copy = xstrndup(s + lead, len - lead - trail);
		escape_html(out, copy, 0);
		free(copy);
		buf_addn(out, ' ', trail);
		break;
	case PROSE_TEXT:
		buf_add(out, s, len);
		break;
	}
}

static void add_marked(struct buf *out, enum span span, const char *s,
		       size_t len, enum prose_format format, int line_start)
{
	/* Indexed by format, then by span. */
	static const char *const marks[][3] = {
		[PROSE_MARKDOWN] = { "", "**", "*" },
		[PROSE_HTML] = { "", "<strong>", "<em>" },
		[PROSE_TEXT] = { "", "", "" },
	};
	static const char *const ends[][3] = {
		[PROSE_MARKDOWN] = { "", "**", "*" },
		[PROSE_HTML] = { "", "</strong>", "</em>" },
		[PROSE_TEXT] = { "", "", "" },
	};

	buf_adds(out, marks[format][span]);
	add_text(out, s, len, format, line_start && span == SPAN_TEXT);
	buf_adds(out, ends[format][span]);
}

/* Appends the spans of one block; runs of text are escaped together. */
static void add_spans(struct buf *out, const char *s,
		      enum prose_format format)
{
	const char *begin = s, *run = s, *start;
	size_t len, used;
	enum span span;

	while (*s) {
		span = next_span(s, s > begin ? s[-1] : ' ', &start, &len,
				 &used);
		if (span == SPAN_TEXT) {
			s += used;
			continue;
		}
		if (s > run)
			add_text(out, run, (size_t)(s - run), format,
				 run == begin);
		add_marked(out, span, start, len, format, 0);
		s += used;
		run = s;
	}
	if (s > run)
		add_text(out, run, (size_t)(s - run), format, run == begin);
}

/* ---- blocks ----------------------------------------------------------------- */

static void render_block(struct buf *out, const struct block *blk,
			 int prev_item, int next_item,
			 enum prose_format format)
{
	int item = blk->kind == BLOCK_ITEM;

	if (format == PROSE_HTML) {
		buf_adds(out, item ? (prev_item ? "<li>" : "<ul>\n<li>")
				   : "<p>");
		add_spans(out, blk->text.data, format);
		buf_adds(out, item ? (next_item ? "</li>\n" : "</li>\n</ul>\n")
				   : "</p>\n");
		return;
	}
	if (item)
		buf_adds(out, "- ");
	add_spans(out, blk->text.data, format);
	buf_adds(out, item && next_item ? "\n" : "\n\n");
}

void prose_render(struct buf *out, const char *text, enum prose_format format)
{
	struct blocks b = { NULL, 0, 0 };
	struct buf clean = BUF_INIT;
	size_t i;

	escape_clean(&clean, text, 1);
	split_blocks(&b, clean.data);
	for (i = 0; i < b.n; i++) {
		int prev = i > 0 && b.items[i - 1].kind == BLOCK_ITEM;
		int next = i + 1 < b.n && b.items[i + 1].kind == BLOCK_ITEM;

		render_block(out, &b.items[i], prev, next, format);
	}
	for (i = 0; i < b.n; i++)
		buf_release(&b.items[i].text);
	free(b.items);
	buf_release(&clean);
}
