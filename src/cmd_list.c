/*
 * cmd_list.c - `cto-assess list`: print a questionnaire as an outline, a
 * Markdown checklist to send a client, or JSON for tools.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "cli.h"
#include "escape.h"
#include "fileio.h"
#include "list.h"
#include "loader.h"
#include "model.h"
#include "term.h"
#include "util.h"

static const char list_usage[] =
	"usage: cto-assess list [-q QUESTIONNAIRE] [--format text|md|json]\n"
	"                       [-o FILE] [--force]\n"
	"\n"
	"Prints a questionnaire: a readable outline (text), a Markdown checklist\n"
	"to send a client before the assessment (md), or JSON for your own tools\n"
	"(json, schema \"cto-assess/questionnaire/1\", see cto-assess(1)).\n"
	"\n"
	"  -q, --questionnaire PATH  a file, a directory or a name (default:\n"
	"                            cto-readiness)\n"
	"  -f, --format FORMAT       text (default), md or json\n"
	"  -o, --output FILE         write to FILE (atomically) instead of stdout\n"
	"      --force               replace FILE if it exists\n"
	"  -h, --help                show this help\n";

/* Output formats, as a descriptor table. */
static const struct list_format {
	const char *name;
	void (*render)(struct buf *out, const struct questionnaire *q);
} list_formats[] = {
	{ "text", list_render_text },
	{ "md", list_render_markdown },
	{ "json", list_render_json },
};

static const struct list_format *find_format(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(list_formats); i++)
		if (!strcmp(list_formats[i].name, name))
			return &list_formats[i];
	return NULL;
}

static int write_output(const struct buf *out, const char *file, int force)
{
	struct buf err = BUF_INIT;
	int ret = EXIT_OK;

	if (!file || !strcmp(file, "-")) {
		fwrite(out->data, 1, out->len, stdout);
		return finish_stdout() ? EXIT_FAILURE_GENERIC : EXIT_OK;
	}
	if (file_write_atomic(file, out->data, out->len,
			      force ? FILE_WRITE_FORCE : 0, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&err);
	return ret;
}

int cmd_list(int argc, char **argv)
{
	static const struct option options[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *qarg = NULL, *file = NULL;
	const struct list_format *format = &list_formats[0];
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = NULL;
	struct buf out = BUF_INIT, err = BUF_INIT;
	char *path = NULL;
	int c, force = 0, ret;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":q:f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'q': qarg = optarg; break;
		case 'o': file = optarg; break;
		case 'F': force = 1; break;
		case 'h': return print_help(list_usage);
		case 'f':
			if (!(format = find_format(optarg)))
				return usage_error("list", "unknown format '%s' "
						   "(expected text, md or "
						   "json)", optarg);
			break;
		default: return option_error("list", c, argv, options);
		}
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'",
				   argv[optind]);
	ret = EXIT_INVALID_INPUT;
	path = questionnaire_resolve(qarg, &err);
	if (!path) {
		error("%s", err.data);
		goto out;
	}
	q = questionnaire_load(path, &diags);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	if (!q)
		goto out;
	format->render(&out, q);
	ret = write_output(&out, file, force);
out:
	questionnaire_free(q);
	diag_list_release(&diags);
	buf_release(&out);
	buf_release(&err);
	free(path);
	return ret;
}
