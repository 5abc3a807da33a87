/*
 * cmd_compare.c - `cto-assess compare`: progress between two assessments,
 * or over several in date order.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "answers.h"
#include "assessment.h"
#include "cli.h"
#include "compare.h"
#include "diag.h"
#include "fileio.h"
#include "render.h"
#include "term.h"
#include "tracking.h"
#include "util.h"

/* Inputs larger than this are refused before parsing. */
#define COMPARE_MAX_FILE_SIZE (16u * 1024 * 1024)

static const char compare_usage[] =
	"usage: cto-assess compare OLD NEW [MORE...] [-f FORMAT]\n"
	"                          [-q QUESTIONNAIRE] [-o FILE] [--force]\n"
	"                          [--color=WHEN] [--plan OLD_PLAN.csv]\n"
	"\n"
	"Shows the progress between two assessments: overall and per-area\n"
	"score changes, open risks, findings resolved, new and still open\n"
	"(with how their risk changed), and the answers that changed.  With\n"
	"more than two, ordered by date, a trend of the scores over all of\n"
	"them, then the comparison of the first and the last.  Each is a JSON\n"
	"report (report --format json) or an answers file, which is scored\n"
	"first.  Questions are matched by id, so reports of different\n"
	"questionnaire versions compare; what cannot be matched is listed.\n"
	"A different stage or questionnaire is a warning; assessments of\n"
	"different companies are refused without --force.\n"
	"\n"
	"  -f, --format FORMAT       one of %s (default: the\n"
	"                            one FILE's extension names, else text)\n"
	"  -q, --questionnaire PATH  the questionnaire of answers files (default:\n"
	"                            the one each answers file names)\n"
	"  -o, --output FILE         write to FILE (atomically) instead of stdout\n"
	"      --force               replace FILE if it exists; compare\n"
	"                            different companies\n"
	"      --color=WHEN          auto (default), always or never\n"
	"      --plan FILE           OLD's action plan CSV with the owner, due\n"
	"                            date and status the client filled in: what\n"
	"                            became of each action they marked done\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 done, 1 a write failed, 2 usage error, 3 an input is\n"
	"not a valid report or answers file, or they are of different\n"
	"companies.\n";

struct compare_args {
	const char **files;
	size_t nfiles;
	const char *questionnaire;
	const char *output;
	const char *plan;   /* --plan: OLD's action plan, as tracked */
	const struct compare_format *format;
	unsigned flags;
	enum color_mode color;
};

static int print_usage(void)
{
	struct buf names = BUF_INIT, text = BUF_INIT;

	compare_format_names(&names);
	buf_addf(&text, compare_usage, names.data);
	print_help(text.data);
	buf_release(&names);
	buf_release(&text);
	return EXIT_OK;
}

static int compare_option(void *ctx, int c, const char *arg)
{
	struct compare_args *args = ctx;
	struct buf names = BUF_INIT;
	int ret = 0;

	switch (c) {
	case 'f':
		if ((args->format = compare_find_format(arg)))
			break;
		compare_format_names(&names);
		ret = usage_error("compare", "unknown format '%s' (expected "
				  "%s)", arg, names.data);
		break;
	case 'q': args->questionnaire = arg; break;
	case 'o': args->output = arg; break;
	case 'F': args->flags |= FILE_WRITE_FORCE; break;
	case 'p': args->plan = arg; break;
	}
	buf_release(&names);
	return ret;
}

static int parse_args(struct compare_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "plan", required_argument, NULL, 'p' },
		CLI_OPTION_COLOR,
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"compare", "f:q:o:h", options, compare_option, args,
		&args->color
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (argc - optind < 2)
		return usage_error("compare", "give two files to compare (OLD "
				   "NEW), or more");
	args->files = (const char **)argv + optind;
	args->nfiles = (size_t)(argc - optind);
	if (!args->format && args->output)
		args->format = compare_format_of_file(args->output);
	if (!args->format)
		args->format = compare_find_format("text");
	return 0;
}

/* Scores an answers file into a report document, or NULL (said why). */
static cJSON *report_from_answers(const char *file, const char *qarg)
{
	struct assessment as;
	cJSON *doc = NULL;

	if (assessment_open(&as, file, qarg, ASSESSMENT_NAMED_BY_ANSWERS) == 0) {
		assessment_score(&as);
		doc = report_to_json(&as.report);
	}
	assessment_release(&as);
	return doc;
}

/*
 * Reads one side: a report as it is, an answers file scored.  A YAML file
 * is an answers file; a JSON file is read and parsed once to learn which
 * it is, and an answers file is then opened by the assessment module,
 * which parses it again with the places its diagnostics need.
 */
static cJSON *load_side(const char *file, const char *qarg)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	cJSON *doc = NULL;
	const cJSON *schema;

	if (path_is_yaml(file))
		return report_from_answers(file, qarg);
	if (file_read_all(file, COMPARE_MAX_FILE_SIZE, &data, &err) < 0)
		goto fail;
	doc = cJSON_ParseWithLength(data.data, data.len);
	if (!doc) {
		buf_addf(&err, "'%s' is not valid JSON", file);
		goto fail;
	}
	schema = cJSON_GetObjectItemCaseSensitive(doc, "schema");
	if (cJSON_IsString(schema) &&
	    !strcmp(schema->valuestring, ANSWERS_SCHEMA)) {
		cJSON_Delete(doc);
		doc = report_from_answers(file, qarg);
		goto out;
	}
	if (compare_check_report(doc, file, &err) < 0)
		goto fail;
	goto out;
fail:
	error("%s", err.data);
	cJSON_Delete(doc);
	doc = NULL;
out:
	buf_release(&data);
	buf_release(&err);
	return doc;
}

static int write_out(const struct compare_args *args, const struct buf *out)
{
	struct buf err = BUF_INIT;
	int ret = EXIT_OK;

	if (!args->output || !strcmp(args->output, "-")) {
		fwrite(out->data, 1, out->len, stdout);
		return EXIT_OK;
	}
	if (file_write_atomic(args->output, out->data, out->len, args->flags,
			      &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&err);
	return ret;
}

/*
 * Says what differs between each assessment and the next: a different
 * company is refused without --force (returns -1), the rest are warnings.
 */
static int check_sides(const struct compare_args *args, const cJSON **docs,
		       const char **names)
{
	struct buf company = BUF_INIT, warnings = BUF_INIT;
	const char *line, *end;
	size_t i;
	int ret = 0;

	for (i = 0; i + 1 < args->nfiles && !ret; i++) {
		buf_reset(&company);
		if (!compare_differences(docs[i], docs[i + 1], names[i],
					 names[i + 1], &company, &warnings))
			continue;
		if (args->flags & FILE_WRITE_FORCE) {
			warning("%s", company.data);
		} else {
			error("%s (use --force to compare them anyway)",
			      company.data);
			ret = -1;
		}
	}
	for (line = warnings.data; !ret && *line; line = end + 1) {
		end = strchr(line, '\n');
		warning("%.*s", (int)(end - line), line);
	}
	buf_release(&company);
	buf_release(&warnings);
	return ret;
}

/*
 * Reads the tracked plan into the comparison as its "plan_tracking";
 * returns -1 after printing why it could not.
 */
static int add_tracking(cJSON *cmp, const char *plan, const cJSON *old_doc,
			const cJSON *new_doc)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct tracking t;
	int ret = tracking_read(&t, plan, &diags);

	diag_print(&diags, stderr);
	if (ret == 0)
		cJSON_AddItemToObject(cmp, "plan_tracking",
				      tracking_compare(&t, old_doc, new_doc));
	tracking_release(&t);
	diag_list_release(&diags);
	return ret;
}

int cmd_compare(int argc, char **argv)
{
	struct compare_args args = { NULL, 0, NULL, NULL, NULL, NULL, 0,
				     COLOR_AUTO };
	const cJSON **docs = NULL;
	const char **names = NULL;
	cJSON *cmp = NULL;
	struct render_options opts;
	struct buf out = BUF_INIT;
	size_t i, loaded = 0;
	int ret, to_stdout;

	ret = parse_args(&args, argc, argv);
	if (ret == CLI_HELP)
		return print_usage();
	if (ret)
		return ret;
	ret = EXIT_INVALID_INPUT;
	docs = xcalloc(args.nfiles, sizeof(*docs));
	names = xcalloc(args.nfiles, sizeof(*names));
	for (i = 0; i < args.nfiles; i++) {
		names[i] = args.files[i];
		loaded += (docs[i] = load_side(args.files[i],
					       args.questionnaire)) != NULL;
	}
	if (loaded < args.nfiles)
		goto out;
	compare_sort_by_date(docs, names, args.nfiles);
	if (check_sides(&args, docs, names) < 0)
		goto out;
	cmp = compare_build_series((const cJSON *const *)docs, args.nfiles);
	/* The tracked plan is the earliest assessment's, read against the
	 * latest. */
	if (args.plan && add_tracking(cmp, args.plan, docs[0],
				      docs[args.nfiles - 1]) < 0)
		goto out;
	to_stdout = !args.output || !strcmp(args.output, "-");
	/* A file gets the plain text at 80 columns; a terminal its own. */
	opts.use_color = to_stdout && term_use_color(args.color,
						     STDOUT_FILENO);
	opts.unicode = 1;
	opts.width = to_stdout ? term_width(STDOUT_FILENO) : 80;
	args.format->render(&out, cmp, &opts);
	ret = write_out(&args, &out);
out:
	for (i = 0; i < args.nfiles; i++)
		cJSON_Delete((cJSON *)docs[i]);
	free(docs);
	free(names);
	cJSON_Delete(cmp);
	buf_release(&out);
	return ret;
}
