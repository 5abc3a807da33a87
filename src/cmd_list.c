/*
 * cmd_list.c - `cto-assess list`: print a questionnaire as an outline, a
 * Markdown checklist to send a client, or JSON for tools.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "list.h"
#include "model.h"
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

struct list_args {
	const char *qarg;
	const char *file;
	const struct list_format *format;
	int force;
};

static int list_option(void *ctx, int c, const char *arg)
{
	struct list_args *args = ctx;

	switch (c) {
	case 'q': args->qarg = arg; break;
	case 'o': args->file = arg; break;
	case 'F': args->force = 1; break;
	case 'f':
		if (!(args->format = find_format(arg)))
			return usage_error("list", "unknown format '%s' "
					   "(expected text, md or json)", arg);
		break;
	}
	return 0;
}

static int write_output(const struct buf *out, const char *file, int force)
{
	struct buf err = BUF_INIT;
	int ret = EXIT_OK;

	if (!file || !strcmp(file, "-")) {
		fwrite(out->data, 1, out->len, stdout);
		return EXIT_OK;
	}
	/* A questionnaire is not private, unlike answers and reports. */
	if (file_write_atomic(file, out->data, out->len, FILE_WRITE_SHARED |
			      (force ? FILE_WRITE_FORCE : 0), &err) < 0) {
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
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	struct list_args args = { NULL, NULL, &list_formats[0], 0 };
	const struct cli_options o = {
		"list", "q:f:o:h", options, list_option, &args, NULL
	};
	struct questionnaire *q;
	struct buf out = BUF_INIT;
	int ret;

	ret = cli_parse_options(&o, argc, argv);
	if (ret == CLI_HELP)
		return print_help(list_usage);
	if (ret)
		return ret;
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'",
				   argv[optind]);
	q = assessment_load_questionnaire(args.qarg);
	if (!q)
		return EXIT_INVALID_INPUT;
	args.format->render(&out, q);
	ret = write_output(&out, args.file, args.force);
	questionnaire_free(q);
	buf_release(&out);
	return ret;
}
