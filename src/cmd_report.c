/*
 * cmd_report.c - `cto-assess report`: write the readiness report from a saved
 * answers file, in one or several formats.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "loader.h"
#include "report.h"
#include "util.h"

static const char report_usage[] =
	"usage: cto-assess report ANSWERS [-q QUESTIONNAIRE] [-f FORMATS]\n"
	"                         [-o DIR|FILE|-] [--force] [--color=WHEN]\n"
	"\n"
	"Scores a saved answers file (JSON or YAML) and writes the readiness\n"
	"report.  FORMATS is a comma-separated list of md, json, html, csv\n"
	"(the action plan) and text (the terminal summary), or all.\n"
	"\n"
	"  -q, --questionnaire PATH  the questionnaire answered (default: the\n"
	"                            one the answers file names)\n"
	"  -f, --format FORMATS      what to write; default: text on standard\n"
	"                            output, every format into a directory, or\n"
	"                            the format named by FILE's extension\n"
	"  -o, --output DIR|FILE|-   a directory (report.md, report.json,\n"
	"                            report.html, action-plan.csv, summary.txt),\n"
	"                            one file, or - for standard output\n"
	"      --force               replace existing files\n"
	"      --color=WHEN          colour the text summary: auto (default),\n"
	"                            always or never\n"
	"  -h, --help                show this help\n"
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
};

/* The format a file name implies by its extension, or NULL. */
static const char *format_of_name(const char *name)
{
	static const char *const map[][2] = {
		{ ".md", "md" }, { ".markdown", "md" }, { ".json", "json" },
		{ ".html", "html" }, { ".htm", "html" }, { ".csv", "csv" },
		{ ".txt", "text" },
	};
	const char *dot = strrchr(name, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return NULL;
	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (!strcmp(dot, map[i][0]))
			return map[i][1];
	return NULL;
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
	else if (!(args->formats = format_of_name(out)))
		return usage_error("report", "cannot tell the format of '%s' "
				   "from its name (give --format)", out);
	return 0;
}

static int parse_args(struct report_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "color", required_argument, NULL, 'C' },
		{ "colour", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":q:f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'q': args->questionnaire = optarg; break;
		case 'f': args->formats = optarg; break;
		case 'o': args->output = optarg; break;
		case 'F': args->flags |= FILE_WRITE_FORCE; break;
		case 'h': return -1;
		case 'C':
			if (color_option("report", optarg, &args->color))
				return EXIT_USAGE;
			break;
		default: return option_error("report", c, argv, options);
		}
	}
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

/* A path recorded relative to the answers file, as found from here. */
static char *beside(const char *answers, const char *path)
{
	const char *slash = strrchr(answers, '/');
	struct buf p = BUF_INIT;

	if (path[0] == '/' || !slash)
		return xstrdup(path);
	buf_add(&p, answers, (size_t)(slash - answers + 1));
	buf_adds(&p, path);
	return buf_detach(&p, NULL);
}

char *questionnaire_for_answers(const char *answers, const char *qarg,
				struct diag_list *diags, struct buf *err)
{
	struct answers_file file;
	const char *id, *path;
	char *found = NULL, *near;

	if (qarg)
		return questionnaire_resolve(qarg, err);
	if (answers_file_open(&file, answers, diags) < 0) {
		answers_file_release(&file);
		return NULL;
	}
	id = file.questionnaire_id;
	path = file.questionnaire_path;
	if (path && file_exists(path)) {
		found = xstrdup(path);
	} else if (path) {
		near = beside(answers, path);
		if (file_exists(near))
			found = near;
		else
			free(near);
	}
	if (!found)
		found = questionnaire_resolve(id, err);
	answers_file_release(&file);
	return found;
}

/* Warns when the answers were given to another version of q. */
static void warn_changed(const char *file, const struct answers *a,
			 const struct questionnaire *q)
{
	if (!a->questionnaire_hash || !strcmp(a->questionnaire_hash, q->hash))
		return;
	fprintf(stderr, "%s: warning: '%s' was answered with another version "
		"of questionnaire '%s' (hash %s, now %s); scoring with the "
		"current one\n", progname, file, q->id, a->questionnaire_hash,
		q->hash);
}

static int write_report(const struct report_args *args,
			const struct questionnaire *q, const struct answers *a)
{
	struct report_options opts = {
		args->formats, args->output, args->flags, args->color
	};
	struct buf written = BUF_INIT, err = BUF_INIT;
	int ret = EXIT_OK;

	if (report_write(q, a, &opts, &written, &err) < 0) {
		fprintf(stderr, "%s: error: %s\n", progname, err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	if (written.len) {
		const char *line, *end;

		for (line = written.data; *line; line = end + 1) {
			end = strchr(line, '\n');
			printf("wrote %.*s\n", (int)(end - line), line);
		}
		if (finish_stdout() && ret == EXIT_OK)
			ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&written);
	buf_release(&err);
	return ret;
}

int cmd_report(int argc, char **argv)
{
	struct report_args args = { 0 };
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = NULL;
	struct answers a;
	struct buf err = BUF_INIT;
	char *path = NULL;
	int ret, loaded = 0;

	args.color = COLOR_AUTO;
	ret = parse_args(&args, argc, argv);
	if (ret < 0)
		return print_help(report_usage);
	if (ret)
		return ret;
	ret = EXIT_INVALID_INPUT;
	path = questionnaire_for_answers(args.answers, args.questionnaire,
					 &diags, &err);
	if (path && (q = questionnaire_load(path, &diags)))
		loaded = answers_load(&a, q, args.answers, &diags) == 0;
	diag_sort(&diags);
	diag_print(&diags, stderr);
	if (!path && err.len)
		fprintf(stderr, "%s: error: %s\n", progname, err.data);
	if (!loaded)
		goto out;
	warn_changed(args.answers, &a, q);
	ret = write_report(&args, q, &a);
	answers_release(&a);
out:
	questionnaire_free(q);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
	return ret;
}
