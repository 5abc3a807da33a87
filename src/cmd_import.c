/*
 * cmd_import.c - `cto-assess import`: turn an existing framework (OWASP
 * SAMM, an AWS Well-Architected custom lens) into a questionnaire directory.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "import.h"
#include "util.h"

static const char import_usage[] =
	"usage: cto-assess import samm DIR [options]\n"
	"       cto-assess import aws-lens FILE [options]\n"
	"\n"
	"Writes a questionnaire directory (a root file and one file of areas\n"
	"per SAMM practice or lens pillar) from the OWASP SAMM core model (DIR:\n"
	"the repository or its model/ directory) or from an AWS\n"
	"Well-Architected custom lens (a JSON file).  Edit it like any other\n"
	"questionnaire; scores and risks are the framework's own.\n"
	"\n"
	"  -o, --output DIR          the directory to write (default: the\n"
	"                            questionnaire's id, in the current one)\n"
	"      --force               replace files that exist\n"
	"      --strict              note every key of the source that is\n"
	"                            ignored\n"
	"      --source-version TEXT the release imported, such as 2.2.0\n"
	"                            (default: what the source says)\n"
	"      --licence TEXT        the source's licence, for the header of\n"
	"                            every file (default: SAMM's, or none\n"
	"                            stated for a lens)\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 written, 1 a write failed or was refused, 2 usage\n"
	"error, 3 the source has errors (all listed as file:line:col).\n";

/* The frameworks, as a descriptor table. */
static const struct import_kind {
	const char *name;
	const char *source; /* what the argument is, for messages */
	int (*read)(const char *path, const struct import_options *opts,
		    struct import_questionnaire *q, struct diag_list *diags);
} import_kinds[] = {
	{ "samm", "SAMM model directory", import_samm },
	{ "aws-lens", "lens file", import_aws_lens },
};

static const struct import_kind *find_kind(const char *name)
{
	const char *names[ARRAY_SIZE(import_kinds)];
	struct buf msg = BUF_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(import_kinds); i++) {
		if (!strcmp(import_kinds[i].name, name))
			return &import_kinds[i];
		names[i] = import_kinds[i].name;
	}
	buf_addf(&msg, "unknown framework '%s'", name);
	if (!buf_add_hint(&msg, name, names, ARRAY_SIZE(names)))
		buf_adds(&msg, " (expected samm or aws-lens)");
	usage_error("import", "%s", msg.data);
	buf_release(&msg);
	return NULL;
}

/*
 * Prints the diagnostics in order, each once: an answer set shared by many
 * questions would otherwise report its one mistake once per question.
 */
static void print_diags(struct diag_list *diags)
{
	char *last = NULL;
	size_t i;

	diag_sort(diags);
	for (i = 0; i < diags->count; i++) {
		char *line = diag_format(&diags->items[i]);

		if (last && !strcmp(last, line)) {
			free(line);
			continue;
		}
		fprintf(stderr, "%s\n", line);
		free(last);
		last = line;
	}
	free(last);
}

static size_t count_questions(const struct import_questionnaire *q)
{
	size_t i, n = 0;

	for (i = 0; i < q->nareas; i++)
		n += q->areas[i].nquestions;
	return n;
}

/* Renders and writes q; returns the exit status. */
static int write_questionnaire(const struct import_questionnaire *q,
			       const char *outdir, int force)
{
	struct import_files files = { NULL, 0, 0 };
	struct buf err = BUF_INIT;
	int ret = EXIT_FAILURE_GENERIC;

	if (!outdir)
		outdir = q->id;
	if (import_render(q, &files, &err) < 0 ||
	    import_write(&files, outdir, force, &err) < 0) {
		error("%s", err.data);
		goto out;
	}
	printf("%s/%s: ok (%zu area%s, %zu question%s, in %zu files)\n",
	       outdir, files.items[0].path, q->nareas,
	       q->nareas == 1 ? "" : "s", count_questions(q),
	       count_questions(q) == 1 ? "" : "s", files.count);
	ret = EXIT_OK;
out:
	import_files_release(&files);
	buf_release(&err);
	return ret;
}

/* What the command line says, filled in by import_option(). */
struct import_args {
	struct import_options opts;
	const char *outdir;
	int force;
};

static int import_option(void *ctx, int c, const char *arg)
{
	struct import_args *a = ctx;

	switch (c) {
	case 'o': a->outdir = arg; break;
	case 'F': a->force = 1; break;
	case 's': a->opts.strict = 1; break;
	case 'V': a->opts.source_version = arg; break;
	case 'L': a->opts.licence = arg; break;
	}
	return 0;
}

int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "strict", no_argument, NULL, 's' },
		{ "source-version", required_argument, NULL, 'V' },
		{ "licence", required_argument, NULL, 'L' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	struct import_args args;
	const struct cli_options o = {
		"import", "o:h", options, import_option, &args, NULL
	};
	struct import_questionnaire q;
	struct diag_list diags = DIAG_LIST_INIT;
	const struct import_kind *kind;
	int ret;

	memset(&args, 0, sizeof(args));
	ret = cli_parse_options(&o, argc, argv);
	if (ret == CLI_HELP)
		return print_help(import_usage);
	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("import", "no framework given (samm or "
				   "aws-lens)");
	if (!(kind = find_kind(argv[optind])))
		return EXIT_USAGE;
	if (optind + 1 >= argc)
		return usage_error("import", "no %s given", kind->source);
	if (optind + 2 < argc)
		return usage_error("import", "unexpected argument '%s'",
				   argv[optind + 2]);
	memset(&q, 0, sizeof(q));
	ret = kind->read(argv[optind + 1], &args.opts, &q, &diags);
	print_diags(&diags);
	if (ret < 0)
		ret = EXIT_INVALID_INPUT;
	else
		ret = write_questionnaire(&q, args.outdir, args.force);
	import_questionnaire_release(&q);
	diag_list_release(&diags);
	return ret;
}
