/*
 * yamlout.c - YAML documents through libyaml's emitter.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "yamlout.h"

/* libyaml's output handler: appends to the caller's buffer. */
static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	buf_add(data, buffer, size);
	return 1;
}

/* Emits one event, remembering the first failure. */
static void emit(struct yamlout *y, yaml_event_t *event, int made)
{
	if (y->failed) {
		if (made)
			yaml_event_delete(event);
		return;
	}
	if (!made) {
		y->failed = 1;
		snprintf(y->problem, sizeof(y->problem),
			 "cannot create a YAML event");
		return;
	}
	/* yaml_emitter_emit() takes the event, whether it succeeds or not. */
	if (!yaml_emitter_emit(&y->emitter, event)) {
		y->failed = 1;
		snprintf(y->problem, sizeof(y->problem), "%s",
			 y->emitter.problem ? y->emitter.problem
					    : "YAML emitter error");
	}
}

void yamlout_init(struct yamlout *y, struct buf *out)
{
	yaml_event_t event;

	memset(y, 0, sizeof(*y));
	y->out = out;
	if (!yaml_emitter_initialize(&y->emitter))
		die(EXIT_NOMEM, "cannot initialise the YAML emitter");
	yaml_emitter_set_output(&y->emitter, write_handler, out);
	/* UTF-8 text as it is, not as \u escapes; lines wrapped near 78. */
	yaml_emitter_set_unicode(&y->emitter, 1);
	yaml_emitter_set_width(&y->emitter, 78);
	yaml_emitter_set_indent(&y->emitter, 2);
	yaml_emitter_set_break(&y->emitter, YAML_LN_BREAK);
	emit(y, &event, yaml_stream_start_event_initialize(&event,
							   YAML_UTF8_ENCODING));
	/* Implicit: no "---", so that a header comment reads as the top. */
	emit(y, &event, yaml_document_start_event_initialize(&event, NULL,
							     NULL, NULL, 1));
}

void yamlout_map_start(struct yamlout *y)
{
	yaml_event_t event;

	emit(y, &event, yaml_mapping_start_event_initialize(
				&event, NULL, NULL, 1,
				YAML_BLOCK_MAPPING_STYLE));
}

void yamlout_map_end(struct yamlout *y)
{
	yaml_event_t event;

	emit(y, &event, yaml_mapping_end_event_initialize(&event));
}

void yamlout_seq_start(struct yamlout *y)
{
	yaml_event_t event;

	emit(y, &event, yaml_sequence_start_event_initialize(
				&event, NULL, NULL, 1,
				YAML_BLOCK_SEQUENCE_STYLE));
}

void yamlout_seq_end(struct yamlout *y)
{
	yaml_event_t event;

	emit(y, &event, yaml_sequence_end_event_initialize(&event));
}

static void scalar(struct yamlout *y, const char *text,
		   yaml_scalar_style_t style)
{
	yaml_event_t event;

	emit(y, &event, yaml_scalar_event_initialize(
				&event, NULL, NULL, (yaml_char_t *)text,
				(int)strlen(text), 1, 1, style));
}

void yamlout_key(struct yamlout *y, const char *key)
{
	scalar(y, key, YAML_PLAIN_SCALAR_STYLE);
}

/* Words that YAML 1.1 readers (PyYAML, many editors) take for a boolean or
 * null, and that cto-assess's loader takes for null. */
static const char *const special_words[] = {
	"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
};

int yamlout_needs_quotes(const char *text)
{
	size_t i;

	if (!*text)
		return 1;
	/*
	 * Anything starting like a number may be one (1e3, 0x1f, 1_000,
	 * 12:30, 2021-11-01, .inf, -.5, +1): quote it rather than decide.
	 */
	if (strchr("0123456789+-.", text[0]))
		return 1;
	for (i = 0; i < ARRAY_SIZE(special_words); i++)
		if (!strcasecmp(text, special_words[i]))
			return 1;
	return 0;
}

void yamlout_text(struct yamlout *y, const char *text)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	/*
	 * libyaml falls back to double quotes wherever the style asked for
	 * cannot hold the text (trailing spaces before a line break, control
	 * characters), so these are preferences, never a risk.  A carriage
	 * return would not survive a literal block: quote it.
	 */
	if (strchr(text, '\r'))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (strchr(text, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (yamlout_needs_quotes(text))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	scalar(y, text, style);
}

void yamlout_number(struct yamlout *y, double value)
{
	char text[40];
	int precision;

	if (!isfinite(value)) {
		y->failed = 1;
		snprintf(y->problem, sizeof(y->problem),
			 "a number that is not finite");
		return;
	}
	if (fabs(value) < 1e15 && value == floor(value)) {
		snprintf(text, sizeof(text), "%.0f", value);
	} else {
		/* The shortest form that reads back as the same double. */
		for (precision = 1; precision <= 17; precision++) {
			snprintf(text, sizeof(text), "%.*g", precision, value);
			if (strtod(text, NULL) == value)
				break;
		}
	}
	scalar(y, text, YAML_PLAIN_SCALAR_STYLE);
}

void yamlout_bool(struct yamlout *y, int value)
{
	scalar(y, value ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
}

void yamlout_pair_text(struct yamlout *y, const char *key, const char *text)
{
	yamlout_key(y, key);
	yamlout_text(y, text);
}

void yamlout_pair_number(struct yamlout *y, const char *key, double value)
{
	yamlout_key(y, key);
	yamlout_number(y, value);
}

void yamlout_pair_bool(struct yamlout *y, const char *key, int value)
{
	yamlout_key(y, key);
	yamlout_bool(y, value);
}

int yamlout_finish(struct yamlout *y, struct buf *err)
{
	yaml_event_t event;
	int ret = 0;

	emit(y, &event, yaml_document_end_event_initialize(&event, 1));
	emit(y, &event, yaml_stream_end_event_initialize(&event));
	if (!y->failed && !yaml_emitter_flush(&y->emitter)) {
		y->failed = 1;
		snprintf(y->problem, sizeof(y->problem), "cannot flush");
	}
	if (y->failed) {
		buf_addf(err, "cannot write YAML: %s", y->problem);
		ret = -1;
	}
	yaml_emitter_delete(&y->emitter);
	return ret;
}
