/*
 * cmd_list.c - `cto-assess list`: print a questionnaire as an outline, a
 * Markdown checklist to send a client, or JSON for tools.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assessment.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "list.h"
#include "model.h"
#include "progress.h"
#include "term.h"
#include "util.h"

static const char list_usage[] =
	"usage: cto-assess list [-q QUESTIONNAIRE] [--answers FILE]\n"
	"                       [--format text|md|json] [-o FILE] [--force]\n"
	"       cto-assess list --questionnaires\n"
	"\n"
	"Prints a questionnaire: a readable outline (text), a Markdown checklist\n"
	"to send a client before the assessment (md), or JSON for your own tools\n"
	"(json, schema \"cto-assess/questionnaire/1\", see cto-assess(1)).\n"
	"With --answers, only the questions one company will be asked, given\n"
	"the answers in FILE (typically just its profile), with their count.\n"
	"\n"
	"  -q, --questionnaire PATH  a file, a directory or a name (default:\n"
	"                            cto-readiness)\n"
	"  -a, --answers FILE        preview for the company these answers\n"
	"                            describe (JSON or YAML, may be partial)\n"
	"  -f, --format FORMAT       text (default), md or json\n"
	"  -o, --output FILE         write to FILE (atomically) instead of stdout\n"
	"      --force               replace FILE if it exists\n"
	"      --questionnaires      the questionnaires -q NAME finds: each\n"
	"                            name and its file, tab-separated\n"
	"  -h, --help                show this help\n";

/* Output formats, as a descriptor table. */
static const struct list_format {
	const char *name;
	void (*render)(struct buf *out, const struct list_view *view);
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
	const char *answers;
	const char *file;
	const struct list_format *format;
	int force;
	int names;
};

static int list_option(void *ctx, int c, const char *arg)
{
	struct list_args *args = ctx;

	switch (c) {
	case 'q': args->qarg = arg; break;
	case 'a': args->answers = arg; break;
	case 'o': args->file = arg; break;
	case 'F': args->force = 1; break;
	case 'N': args->names = 1; break;
	case 'f':
		if (!(args->format = find_format(arg)))
			return usage_error("list", "unknown format '%s' "
					   "(expected text, md or json)", arg);
		break;
	}
	return 0;
}

static int write_output(const struct buf *out, const char *file, int force,
			int private)
{
	struct buf err = BUF_INIT;
	unsigned flags = (force ? FILE_WRITE_FORCE : 0) |
			 (private ? 0 : FILE_WRITE_SHARED);
	int ret = EXIT_OK;

	if (!file || !strcmp(file, "-")) {
		fwrite(out->data, 1, out->len, stdout);
		return EXIT_OK;
	}
	/* A questionnaire is not private, unlike answers and reports; a
	 * preview for one company says something of it. */
	if (file_write_atomic(file, out->data, out->len, flags, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&err);
	return ret;
}

/*
 * The preview of one company: the states of the questions given the answers
 * in file (caller frees).  Returns NULL after printing why.
 */
static unsigned char *preview_states(struct assessment *as, const char *file,
				     const char *qarg)
{
	struct progress p;
	unsigned char *state;
	size_t i;

	if (assessment_open(as, file, qarg, ASSESSMENT_DEFAULT) < 0)
		return NULL;
	progress_init(&p, &as->answers);
	state = xmalloc(as->questionnaire->nquestions + 1);
	for (i = 0; i < as->questionnaire->nquestions; i++)
		state[i] = (unsigned char)progress_state(&p, i);
	progress_release(&p);
	return state;
}

int cmd_list(int argc, char **argv)
{
	static const struct option options[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "answers", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "questionnaires", no_argument, NULL, 'N' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	struct list_args args = { NULL, NULL, NULL, &list_formats[0], 0, 0 };
	const struct cli_options o = {
		"list", "q:a:f:o:h", options, list_option, &args, NULL
	};
	struct assessment as;
	struct questionnaire *q = NULL;
	struct list_view view = { NULL, NULL, 0, 0, 0 };
	unsigned char *state = NULL;
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
	if (args.names) {
		questionnaire_list_names(&out);
		fwrite(out.data, 1, out.len, stdout);
		buf_release(&out);
		return EXIT_OK;
	}
	memset(&as, 0, sizeof(as));
	if (args.answers) {
		state = preview_states(&as, args.answers, args.qarg);
		q = as.questionnaire;
	} else {
		q = assessment_load_questionnaire(args.qarg);
	}
	ret = EXIT_INVALID_INPUT;
	if (!q || (args.answers && !state))
		goto out;
	view.q = q;
	view.state = state;
	/* A file gets 80 columns; a terminal (or $COLUMNS) its own. */
	if (!args.file || !strcmp(args.file, "-"))
		view.width = term_width(STDOUT_FILENO);
	list_view_count(&view);
	args.format->render(&out, &view);
	ret = write_output(&out, args.file, args.force, args.answers != NULL);
out:
	if (args.answers)
		assessment_release(&as);
	else
		questionnaire_free(q);
	free(state);
	buf_release(&out);
	return ret;
}
