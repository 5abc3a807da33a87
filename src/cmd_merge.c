/*
 * cmd_merge.c - `cto-assess merge`: one assessment from the answers that
 * several respondents gave to one questionnaire (merge.h has the rule).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "answers.h"
#include "assessment.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "merge.h"
#include "score.h"
#include "term.h"
#include "util.h"

static const char merge_usage[] =
	"usage: cto-assess merge ANSWERS... [-o FILE|-] [--rule RULE]\n"
	"                        [--threshold N] [-q QUESTIONNAIRE] [--force]\n"
	"\n"
	"Merges the answers several respondents gave to one questionnaire\n"
	"(the founder, the technical lead, the agency...) into one answers\n"
	"file that keeps each respondent's answers.  Its report says where\n"
	"they disagree.  A merged file given here brings its respondents.\n"
	"\n"
	"  -o, --output FILE|-       the merged answers file (default: -, the\n"
	"                            standard output)\n"
	"      --rule RULE           cautious (default: per question the answer\n"
	"                            with the lowest score, \"don't know\" lowest\n"
	"                            of all) or median\n"
	"      --threshold N         respondents disagree when their question\n"
	"                            scores (0 to 1) differ by more than N\n"
	"                            (default: 0.4)\n"
	"  -q, --questionnaire PATH  the questionnaire answered (default: the\n"
	"                            one the first answers file names)\n"
	"      --force               replace FILE if it exists\n"
	"  -h, --help                show this help\n"
	"\n"
	"Each respondent is named by their answers file's 'respondent' (run\n"
	"--respondent 'NAME, ROLE'), else by the file's name.\n"
	"\n"
	"Exit status: 0 merged, 1 the write failed or was refused, 2 usage\n"
	"error, 3 an invalid answers file or questionnaire.\n";

struct merge_args {
	char **files;
	size_t nfiles;
	const char *questionnaire;
	const char *output;
	unsigned flags;
	struct merge_options opts;
};

static int merge_option(void *ctx, int c, const char *arg)
{
	struct merge_args *args = ctx;
	double v;
	size_t i;

	switch (c) {
	case 'q': args->questionnaire = arg; break;
	case 'o': args->output = arg; break;
	case 'F': args->flags |= FILE_WRITE_FORCE; break;
	case 'r':
		for (i = 0; i < MERGE_RULE_COUNT; i++)
			if (!strcmp(arg, merge_rule_names[i]))
				break;
		if (i == MERGE_RULE_COUNT)
			return usage_error("merge", "unknown rule '%s' "
					   "(expected cautious or median)", arg);
		args->opts.rule = (enum merge_rule)i;
		break;
	case 't':
		if (parse_number(arg, &v) < 0 || v < 0 || v > 1)
			return usage_error("merge", "the threshold must be a "
					   "number from 0 to 1, not '%s'", arg);
		args->opts.threshold = v;
		break;
	}
	return 0;
}

static int parse_args(struct merge_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "rule", required_argument, NULL, 'r' },
		{ "threshold", required_argument, NULL, 't' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "force", no_argument, NULL, 'F' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"merge", "o:q:h", options, merge_option, args, NULL
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("merge", "no answers files given");
	if (args->output && !*args->output)
		return usage_error("merge", "empty output name");
	args->files = argv + optind;
	args->nfiles = (size_t)(argc - optind);
	return 0;
}

/*
 * Opens every file, all against the questionnaire of the first (or -q's),
 * so that every answer is checked against the one questionnaire merged.
 * Returns 0, or EXIT_INVALID_INPUT once every file has been tried.
 */
static int open_all(const struct merge_args *args, struct assessment *as,
		    struct questionnaire_cache *cache)
{
	const char *qarg = args->questionnaire;
	size_t i;
	int ret = 0;

	for (i = 0; i < args->nfiles; i++) {
		if (assessment_open_cached(&as[i], args->files[i], qarg,
					   ASSESSMENT_NAMED_BY_ANSWERS,
					   cache) < 0) {
			ret = EXIT_INVALID_INPUT;
			if (i == 0 && !as[0].questionnaire)
				break;
			continue;
		}
		if (i == 0)
			qarg = as[0].questionnaire->path;
	}
	if (ret)
		error("nothing was merged");
	return ret;
}

/* Records the questionnaire with a path valid from anywhere. */
static void stamp_path(struct answers *a, const struct questionnaire *q)
{
	char real[PATH_MAX];

	free(a->questionnaire_path);
	a->questionnaire_path = xstrdup(realpath(q->path, real) ? real
							       : q->path);
}

static int write_merged(const struct merge_args *args,
			const struct answers *merged)
{
	cJSON *json = answers_to_json(merged);
	char *text = cJSON_Print(json);
	struct buf data = BUF_INIT, err = BUF_INIT;
	int ret = EXIT_OK;

	if (!text)
		die(EXIT_NOMEM, "out of memory");
	buf_adds(&data, text);
	buf_addc(&data, '\n');
	if (!args->output || !strcmp(args->output, "-")) {
		fwrite(data.data, 1, data.len, stdout);
	} else if (file_write_atomic(args->output, data.data, data.len,
				     args->flags, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	free(text);
	cJSON_Delete(json);
	buf_release(&data);
	buf_release(&err);
	return ret;
}

/* "merged 3 respondents: Ana (CEO), Ben, Cy; they disagree on 2 questions" */
static void say_merged(const struct merge_args *args,
		       const struct answers *merged)
{
	struct score_result score;
	struct buf msg = BUF_INIT, clean = BUF_INIT;
	size_t i;

	score_compute(&score, merged->questionnaire, merged);
	buf_addf(&msg, "merged %zu respondents (", merged->nrespondents);
	for (i = 0; i < merged->nrespondents; i++) {
		if (i)
			buf_adds(&msg, ", ");
		respondent_label(&msg, &merged->respondents[i]);
	}
	buf_addf(&msg, ") by the %s rule", merge_rule_names[merged->merge_rule]);
	if (args->output && strcmp(args->output, "-"))
		buf_addf(&msg, " into %s", args->output);
	buf_addf(&msg, "; they disagree on %zu question%s\n",
		 score.ndisagreements, score.ndisagreements == 1 ? "" : "s");
	/* Names come from files: nothing in them reaches the terminal raw. */
	term_sanitize(&clean, msg.data, 1);
	fflush(stdout);
	fputs(clean.data, stderr);
	buf_release(&msg);
	buf_release(&clean);
	score_release(&score);
}

static int merge(const struct merge_args *args, struct assessment *as)
{
	struct merge_input *in = xcalloc(args->nfiles, sizeof(*in));
	struct answers merged;
	struct buf err = BUF_INIT;
	size_t i;
	int ret = EXIT_INVALID_INPUT;

	for (i = 0; i < args->nfiles; i++) {
		in[i].answers = &as[i].answers;
		in[i].source = args->files[i];
		in[i].fallback_name = assessment_file_name(args->files[i]);
	}
	if (merge_answers(&merged, as[0].questionnaire, in, args->nfiles,
			  &args->opts, &err) < 0) {
		error("%s", err.data);
		goto out;
	}
	stamp_path(&merged, as[0].questionnaire);
	ret = write_merged(args, &merged);
	if (ret == EXIT_OK)
		say_merged(args, &merged);
	answers_release(&merged);
out:
	for (i = 0; i < args->nfiles; i++)
		free((char *)in[i].fallback_name);
	free(in);
	buf_release(&err);
	return ret;
}

int cmd_merge(int argc, char **argv)
{
	struct merge_args args;
	struct questionnaire_cache cache = QUESTIONNAIRE_CACHE_INIT;
	struct assessment *as;
	size_t i;
	int ret;

	memset(&args, 0, sizeof(args));
	args.opts.rule = MERGE_CAUTIOUS;
	args.opts.threshold = MERGE_DEFAULT_THRESHOLD;
	ret = parse_args(&args, argc, argv);
	if (ret == CLI_HELP)
		return print_help(merge_usage);
	if (ret)
		return ret;
	as = xcalloc(args.nfiles, sizeof(*as));
	ret = open_all(&args, as, &cache);
	if (!ret)
		ret = merge(&args, as);
	for (i = 0; i < args.nfiles; i++)
		assessment_release(&as[i]);
	free(as);
	questionnaire_cache_release(&cache);
	return ret;
}
