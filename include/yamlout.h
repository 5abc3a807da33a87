/*
 * yamlout.h - writing YAML documents with libyaml's emitter.
 *
 * The importers write questionnaires that people then edit, so the YAML must
 * be right whatever the text holds (colons, quotes, '#', leading dashes,
 * several paragraphs).  Rather than print YAML by hand, every document goes
 * through libyaml's emitter (yaml_emitter_*), which quotes what needs
 * quoting; yamlout only picks a style that reads well: plain where that is
 * safe, a literal block for text of several lines, quotes for text that
 * another YAML reader could take for a number, a boolean or null.
 *
 * A struct yamlout writes into a caller-owned struct buf.  Calls nest like
 * the document: yamlout_map_start(), then key and value pairs, then
 * yamlout_map_end().  A failure inside libyaml (which only a bug here can
 * cause: an unbalanced call sequence) is remembered and reported by
 * yamlout_finish(); the other calls then do nothing, so call sites need not
 * check each step.
 */
#ifndef CTO_YAMLOUT_H
#define CTO_YAMLOUT_H

#include <yaml.h>

#include "buf.h"

struct yamlout {
	yaml_emitter_t emitter;
	struct buf *out;
	int failed;
	char problem[128]; /* libyaml's message when failed */
};

/*
 * Starts one YAML document appended to out (which the caller owns and may
 * already hold text, such as a header comment).
 */
void yamlout_init(struct yamlout *y, struct buf *out);

void yamlout_map_start(struct yamlout *y);
void yamlout_map_end(struct yamlout *y);
void yamlout_seq_start(struct yamlout *y);
void yamlout_seq_end(struct yamlout *y);

/* A mapping key, written plain (keys of the format are plain words). */
void yamlout_key(struct yamlout *y, const char *key);

/*
 * A text value: read back by any YAML reader as exactly this string (a
 * literal block when it holds a newline, quoted when it could be taken for
 * something else than text).
 */
void yamlout_text(struct yamlout *y, const char *text);

/* A number, written plain in its shortest exact decimal form. */
void yamlout_number(struct yamlout *y, double value);

/* true or false, plain. */
void yamlout_bool(struct yamlout *y, int value);

/* key: text, key: number and key: true|false in one call each. */
void yamlout_pair_text(struct yamlout *y, const char *key, const char *text);
void yamlout_pair_number(struct yamlout *y, const char *key, double value);
void yamlout_pair_bool(struct yamlout *y, const char *key, int value);

/*
 * Ends the document and flushes it into out.  Returns 0, or -1 with the
 * emitter's complaint in err.  Releases the emitter in both cases.
 */
int yamlout_finish(struct yamlout *y, struct buf *err);

/*
 * Whether a plain scalar holding text could be read as something else than
 * that text by a YAML 1.1 or 1.2 reader (a number, a date, a boolean,
 * null), or by cto-assess's loader as null.  Exposed for the tests.
 */
int yamlout_needs_quotes(const char *text);

#endif
