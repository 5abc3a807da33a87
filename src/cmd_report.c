/*
 * cmd_report.c - `cto-assess report`: write the readiness report from a saved
 * answers file, in one or several formats.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "benchmark.h"
#include "cli.h"
#include "deliverable.h"
#include "diag.h"
#include "fileio.h"
#include "portfolio.h"
#include "report_write.h"
#include "strmap.h"
#include "util.h"

static const char report_usage[] =
	"usage: cto-assess report ANSWERS... [-q QUESTIONNAIRE] [-f FORMATS]\n"
	"                         [-o DIR|FILE|-] [--benchmark DIR|FILE]\n"
	"                         [--force] [--color=WHEN]\n"
	"                         [--consultant FILE] [--review FILE]\n"
	"\n"
	"Scores a saved answers file (JSON or YAML) and writes the readiness\n"
	"report.  Several answers files are reported in one process, each into\n"
	"a directory of its own in DIR, named after the file (the directory of\n"
	"a file named answers.json).\n"
	"\n"
	"  -q, --questionnaire PATH  the questionnaire answered (default: the\n"
	"                            one the answers file names)\n"
	"  -f, --format FORMATS      what to write, a comma-separated list of the\n"
	"                            formats below or all; default: text on\n"
	"                            standard output, every format into a\n"
	"                            directory, or the format of FILE's extension\n"
	"  -o, --output DIR|FILE|-   a directory (each format in its file), one\n"
	"                            file, or - for standard output\n"
	"      --benchmark DIR|FILE  place each score among the companies at\n"
	"                            the same stage: those in DIR (reports and\n"
	"                            answers files, as portfolio reads them),\n"
	"                            or in a file 'portfolio --benchmark-out'\n"
	"                            wrote\n"
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
	char **answers;
	size_t nanswers;
	const char *questionnaire;
	const char *formats;
	const char *output;
	const char *benchmark;
	unsigned flags;
	enum color_mode color;
	const struct benchmark *loaded; /* the benchmark, once read */
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
	case 'B': args->benchmark = arg; break;
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
		{ "benchmark", required_argument, NULL, 'B' },
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
	args->answers = argv + optind;
	args->nanswers = (size_t)(argc - optind);
	if (args->output && !*args->output)
		return usage_error("report", "empty output name");
	if (args->nanswers > 1 && (!args->output || !strcmp(args->output, "-")))
		return usage_error("report", "several answers files are "
				   "reported into a directory (give it with "
				   "-o DIR)");
	if (args->nanswers > 1 && !args->formats)
		args->formats = "all";
	if (args->nanswers > 1 && args->deliverable.review)
		return usage_error("report", "--review names the review of one "
				   "assessment; with several, each one's "
				   "review.yaml beside it is read");
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

static int write_report(const struct report_args *args, const char *output,
			const struct report *r)
{
	struct report_options opts = {
		args->formats, output, args->flags, args->color
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

/*
 * Reports one answers file into output (NULL: as the options say), with
 * the consultant's profile and the review beside the file (or the one
 * --review names).
 */
static int report_one(const struct report_args *args, const char *file,
		      const char *output, struct questionnaire_cache *cache)
{
	struct deliverable_options options = args->deliverable;
	struct assessment as;
	struct deliverable d;
	struct report_inputs in;
	char *dir = answers_dir(file);
	int ret = EXIT_INVALID_INPUT;

	options.review_dir = dir;
	memset(&d, 0, sizeof(d));
	if (assessment_open_cached(&as, file, args->questionnaire,
				   ASSESSMENT_NAMED_BY_ANSWERS, cache) == 0 &&
	    deliverable_open(&d, &options, as.questionnaire) == 0) {
		warn_changed(file, &as.answers, as.questionnaire);
		deliverable_inputs(&d, &in);
		assessment_score_with(&as, &in);
		deliverable_print_warnings(&d);
		as.report.benchmark = args->loaded;
		ret = write_report(args, output, &as.report);
	}
	assessment_release(&as);
	deliverable_release(&d);
	free(dir);
	return ret;
}

/*
 * The directory of each of several answers files in the output directory
 * ("DIR/acme/"), refusing (a usage error) two files that would share one.
 */
static int several_dirs(const struct report_args *args, char **dirs)
{
	struct strmap seen = STRMAP_INIT;
	struct buf path = BUF_INIT;
	size_t i;
	int ret = 0;

	for (i = 0; i < args->nanswers && !ret; i++) {
		char *name = assessment_file_name(args->answers[i]);
		const char *first;

		buf_reset(&path);
		buf_addf(&path, "%s%s%s/", args->output,
			 args->output[strlen(args->output) - 1] == '/' ? "" :
			 "/", name);
		dirs[i] = buf_detach(&path, NULL);
		first = strmap_put(&seen, dirs[i], args->answers[i]);
		if (first)
			ret = usage_error("report", "'%s' and '%s' would both "
					  "be reported into '%s'", first,
					  args->answers[i], dirs[i]);
		free(name);
	}
	strmap_release(&seen);
	return ret;
}

/* Every file in one process, each questionnaire loaded once. */
static int report_several(const struct report_args *args,
			  struct questionnaire_cache *cache)
{
	char **dirs = xcalloc(args->nanswers, sizeof(*dirs));
	struct buf err = BUF_INIT;
	size_t i, invalid = 0, failed = 0;
	int ret = several_dirs(args, dirs), one;

	if (!ret && file_make_dir(args->output, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	for (i = 0; !ret && i < args->nanswers; i++) {
		one = report_one(args, args->answers[i], dirs[i], cache);
		invalid += one == EXIT_INVALID_INPUT;
		failed += one == EXIT_FAILURE_GENERIC;
	}
	if (invalid || failed)
		error("%zu of %zu answers files not reported", invalid + failed,
		      args->nanswers);
	for (i = 0; i < args->nanswers; i++)
		free(dirs[i]);
	free(dirs);
	buf_release(&err);
	if (ret)
		return ret;
	return invalid ? EXIT_INVALID_INPUT : failed ? EXIT_FAILURE_GENERIC :
	       EXIT_OK;
}

/*
 * Reads the benchmark: a directory's assessments as portfolio reads them
 * (a file that cannot be read is left out, with a warning), or a
 * benchmark file.  Returns 0, or EXIT_INVALID_INPUT after saying why.
 */
static int load_benchmark(const char *path, struct benchmark *b)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct portfolio p;
	int ret = 0;

	if (!file_is_dir(path)) {
		if (benchmark_load(b, path, &diags) < 0)
			ret = EXIT_INVALID_INPUT;
		diag_sort(&diags);
		diag_print(&diags, stderr);
		diag_list_release(&diags);
		return ret;
	}
	benchmark_init(b, path);
	portfolio_init(&p);
	portfolio_read(&p, path, NULL);
	if (p.invalid)
		warning("the benchmark leaves out %zu file%s of '%s' that "
			"could not be read", p.invalid, p.invalid == 1 ? "" :
			"s", path);
	portfolio_to_benchmark(&p, b);
	portfolio_release(&p);
	return 0;
}

int cmd_report(int argc, char **argv)
{
	struct report_args args = { 0 };
	struct questionnaire_cache cache = QUESTIONNAIRE_CACHE_INIT;
	struct benchmark bench;
	int ret;

	args.color = COLOR_AUTO;
	ret = parse_args(&args, argc, argv);
	if (ret == CLI_HELP)
		return print_usage();
	if (ret)
		return ret;
	memset(&bench, 0, sizeof(bench));
	if (args.benchmark) {
		if ((ret = load_benchmark(args.benchmark, &bench))) {
			error("nothing was written");
			return ret;
		}
		args.loaded = &bench;
	}
	if (args.nanswers == 1)
		ret = report_one(&args, args.answers[0], args.output, &cache);
	else
		ret = report_several(&args, &cache);
	questionnaire_cache_release(&cache);
	benchmark_release(&bench);
	return ret;
}
