/*
 * cmd_report.c - `cto-assess report`: write the readiness report from a saved
 * answers file, in one or several formats.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "cli.h"
#include "deliverable.h"
#include "diag.h"
#include "fileio.h"
#include "report_write.h"
#include "util.h"

static const char report_usage[] =
	"usage: cto-assess report ANSWERS [-q QUESTIONNAIRE] [-f FORMATS]\n"
	"                         [-o DIR|FILE|-] [--force] [--color=WHEN]\n"
	"                         [--consultant FILE] [--review FILE]\n"
	"\n"
	"Scores a saved answers file (JSON or YAML) and writes the readiness\n"
	"report.\n"
	"\n"
	"  -q, --questionnaire PATH  the questionnaire answered (default: the\n"
	"                            one the answers file names)\n"
	"  -f, --format FORMATS      what to write, a comma-separated list of the\n"
	"                            formats below or all; default: text on\n"
	"                            standard output, every format into a\n"
	"                            directory, or the format of FILE's extension\n"
	"  -o, --output DIR|FILE|-   a directory (each format in its file), one\n"
	"                            file, or - for standard output\n"
	"      --force               replace existing files\n"
	"      --color=WHEN          colour the text summary: auto (default),\n"
	"                            always or never\n"
	DELIVERABLE_USAGE
	"  -h, --help                show this help\n"
	"\n"
	"Formats, with their file in a directory:\n";

static const char report_usage_tail[] =
	"\n"
	"Exit status: 0 written, 1 a write failed or was refused, 2 usage\n"
	"error, 3 invalid answers or questionnaire.\n";

struct report_args {
	const char *answers;
	const char *questionnaire;
	const char *formats;
	const char *output;
	unsigned flags;
	enum color_mode color;
	struct deliverable_options deliverable;
};

static int print_usage(void)
{
	struct buf text = BUF_INIT;

	buf_adds(&text, report_usage);
	report_describe_formats(&text);
	buf_adds(&text, report_usage_tail);
	print_help(text.data);
	buf_release(&text);
	return EXIT_OK;
}

/* Whether name has an extension (a dot in its last component). */
static int has_extension(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;

	return strchr(base + (*base == '.'), '.') != NULL;
}

/*
 * Fills in the formats when none were given: text on stdout, every format
 * for a directory (an existing one, "dir/" or a name without extension),
 * else the format of the file's extension.  Checks given formats.  Returns
 * 0 or a usage error.
 */
static int default_formats(struct report_args *args)
{
	const char *out = args->output;
	struct buf err = BUF_INIT;
	unsigned mask;
	int ret = 0;

	if (args->formats) {
		if (report_parse_formats(args->formats, &mask, &err) < 0)
			ret = usage_error("report", "%s", err.data);
		buf_release(&err);
		return ret;
	}
	if (!out || !strcmp(out, "-"))
		args->formats = "text";
	else if (file_is_dir(out) || out[strlen(out) - 1] == '/' ||
		 !has_extension(out))
		args->formats = "all";
	else if (!(args->formats = report_format_of_file(out)))
		return usage_error("report", "cannot tell the format of '%s' "
				   "from its name (give --format)", out);
	return 0;
}

static int report_option(void *ctx, int c, const char *arg)
{
	struct report_args *args = ctx;

	switch (c) {
	case 'q': args->questionnaire = arg; break;
	case 'f': args->formats = arg; break;
	case 'o': args->output = arg; break;
	case 'F': args->flags |= FILE_WRITE_FORCE; break;
	default: deliverable_option(&args->deliverable, c, arg); break;
	}
	return 0;
}

static int parse_args(struct report_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		DELIVERABLE_OPTIONS,
		CLI_OPTION_COLOR,
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"report", "q:f:o:h", options, report_option, args, &args->color
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("report", "no answers file given");
	args->answers = argv[optind++];
	if (optind < argc)
		return usage_error("report", "unexpected argument '%s'",
				   argv[optind]);
	if (args->output && !*args->output)
		return usage_error("report", "empty output name");
	return default_formats(args);
}

/* Warns when the answers were given to another version of q. */
static void warn_changed(const char *file, const struct answers *a,
			 const struct questionnaire *q)
{
	if (!a->questionnaire_hash || !strcmp(a->questionnaire_hash, q->hash))
		return;
	warning("'%s' was answered with another version of questionnaire "
		"'%s' (hash %s, now %s); scoring with the current one", file,
		q->id, a->questionnaire_hash, q->hash);
}

static int write_report(const struct report_args *args,
			const struct report *r)
{
	struct report_options opts = {
		args->formats, args->output, args->flags, args->color
	};
	struct buf written = BUF_INIT, err = BUF_INIT;
	const char *line, *end;
	int ret = EXIT_OK;

	if (report_write(r, &opts, &written, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	for (line = written.data; *line; line = end + 1) {
		end = strchr(line, '\n');
		printf("wrote %.*s\n", (int)(end - line), line);
	}
	buf_release(&written);
	buf_release(&err);
	return ret;
}

/* The directory of the answers file, where its review is looked for. */
static char *answers_dir(const char *answers)
{
	const char *slash = strrchr(answers, '/');

	return slash ? xstrndup(answers, (size_t)(slash - answers + 1))
		     : xstrdup(".");
}

int cmd_report(int argc, char **argv)
{
	struct report_args args = { 0 };
	struct assessment as;
	struct deliverable d;
	struct report_inputs in;
	char *dir;
	int ret;

	args.color = COLOR_AUTO;
	ret = parse_args(&args, argc, argv);
	if (ret == CLI_HELP)
		return print_usage();
	if (ret)
		return ret;
	ret = EXIT_INVALID_INPUT;
	dir = answers_dir(args.answers);
	args.deliverable.review_dir = dir;
	memset(&d, 0, sizeof(d));
	if (assessment_open(&as, args.answers, args.questionnaire,
			    ASSESSMENT_NAMED_BY_ANSWERS) == 0 &&
	    deliverable_open(&d, &args.deliverable, as.questionnaire) == 0) {
		warn_changed(args.answers, &as.answers, as.questionnaire);
		deliverable_inputs(&d, &in);
		assessment_score_with(&as, &in);
		deliverable_print_warnings(&d);
		ret = write_report(&args, &as.report);
	}
	assessment_release(&as);
	deliverable_release(&d);
	free(dir);
	return ret;
}
