/*
 * cmd_validate.c - `cto-assess validate`: check questionnaire files.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "loader.h"
#include "model.h"
#include "review.h"
#include "strmap.h"
#include "util.h"

static const char validate_usage[] =
	"usage: cto-assess validate [--strict] [--quiet] [--answers FILE] PATH...\n"
	"\n"
	"Checks questionnaire files and prints every problem in one pass as\n"
	"'file:line:col: error: message'.  A directory is checked file by file:\n"
	"each questionnaire in it (a .yaml or .yml file with a top-level 'id'),\n"
	"and each file of areas that no questionnaire there includes.  A review\n"
	"file (a name ending in review.yaml, or 'summary' and 'findings' at its\n"
	"top) is checked against its assessment: the answers.json beside it.\n"
	"\n"
	"  --strict          warnings fail too\n"
	"  -q, --quiet       print nothing for valid files\n"
	"  --answers FILE    the assessment a review file reviews\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 when every file is valid, 3 when any is not, 2 on\n"
	"usage errors.\n";

struct validate_state {
	int strict;
	int quiet;
	int failed;
	const char *answers;    /* --answers: the assessment of a review */
	struct strmap included; /* real paths of files loaded by roots */
	char **keep;            /* the strings held by included */
	size_t nkeep, keep_alloc;
};

/* Prints and forgets diags; returns 1 when they make the file fail. */
static int report(struct validate_state *st, struct diag_list *diags)
{
	int bad = diags->errors || (st->strict && diags->warnings);

	diag_sort(diags);
	diag_print(diags, stderr);
	diag_list_release(diags);
	if (bad)
		st->failed = 1;
	return bad;
}

static void remember_files(struct validate_state *st,
			   const struct questionnaire *q)
{
	char real[PATH_MAX];
	size_t i;

	for (i = 0; i < q->nfiles; i++) {
		char *copy;

		if (!realpath(q->files[i], real))
			continue;
		copy = xstrdup(real);
		if (strmap_put(&st->included, copy, copy)) {
			free(copy);
			continue;
		}
		GROW(st->keep, st->keep_alloc, st->nkeep + 1);
		st->keep[st->nkeep++] = copy;
	}
}

static void validate_root(struct validate_state *st, const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = questionnaire_load(path, &diags);
	size_t warnings = diags.warnings;

	if (q)
		remember_files(st, q);
	if (report(st, &diags)) {
		if (q && !st->quiet)
			printf("%s: failed (%zu warning%s with --strict)\n",
			       path, warnings, warnings == 1 ? "" : "s");
	} else if (!st->quiet) {
		printf("%s: ok (%zu area%s, %zu question%s)\n", path,
		       q->nareas, q->nareas == 1 ? "" : "s", q->nquestions,
		       q->nquestions == 1 ? "" : "s");
	}
	questionnaire_free(q);
}

static void validate_fragment(struct validate_state *st, const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	char real[PATH_MAX];
	size_t nareas = 0, nquestions = 0;

	if (realpath(path, real) && strmap_get(&st->included, real))
		return;
	questionnaire_check_fragment(path, &diags, &nareas, &nquestions);
	if (!report(st, &diags) && !st->quiet)
		printf("%s: ok (a file of areas to include: %zu area%s, %zu "
		       "question%s)\n", path, nareas, nareas == 1 ? "" : "s",
		       nquestions, nquestions == 1 ? "" : "s");
}

/* The answers a review file reviews: --answers, else the session file
 * beside it (newly allocated). */
static char *review_answers(const struct validate_state *st,
			    const char *review)
{
	const char *slash = strrchr(review, '/');
	struct buf path = BUF_INIT;

	if (st->answers)
		return xstrdup(st->answers);
	if (slash)
		buf_add(&path, review, (size_t)(slash - review + 1));
	buf_adds(&path, "answers.json");
	return buf_detach(&path, NULL);
}

/*
 * Applies a valid review to its assessment, for the warnings it gives
 * there (an override of a finding this assessment does not have).
 */
static void try_review(struct assessment *as, const struct review *rv,
		       struct diag_list *diags)
{
	struct score_result r;

	score_answers(&r, as->questionnaire, &as->answers);
	review_apply(rv, &r, diags);
	score_release(&r);
}

static void validate_review(struct validate_state *st, const char *path)
{
	struct diag_list diags = DIAG_LIST_INIT;
	char *answers = review_answers(st, path);
	struct assessment as;
	struct review rv;

	memset(&rv, 0, sizeof(rv));
	if (!file_exists(answers)) {
		diag_add(&diags, DIAG_ERROR, path, 0, 0, "cannot check its "
			 "findings without the assessment it reviews: no '%s' "
			 "(give --answers FILE)", answers);
		report(st, &diags);
	} else if (assessment_open(&as, answers, NULL,
				   ASSESSMENT_NAMED_BY_ANSWERS) < 0) {
		st->failed = 1;
	} else {
		size_t warnings;

		if (review_load(&rv, path, as.questionnaire, &diags) == 0)
			try_review(&as, &rv, &diags);
		warnings = diags.warnings;
		if (!report(st, &diags)) {
			if (!st->quiet)
				printf("%s: ok (%zu finding%s reviewed%s)\n",
				       path, rv.nentries,
				       rv.nentries == 1 ? "" : "s",
				       rv.summary ? ", with a summary" : "");
		} else if (rv.path && !st->quiet) {
			printf("%s: failed (%zu warning%s with --strict)\n",
			       path, warnings, warnings == 1 ? "" : "s");
		}
		review_release(&rv);
		assessment_release(&as);
	}
	free(answers);
}

static void validate_dir(struct validate_state *st, const char *dir)
{
	struct diag_list diags = DIAG_LIST_INIT;
	char **roots, **fragments;
	size_t i;

	if (questionnaire_find_roots(dir, &roots, &fragments, &diags) < 0) {
		report(st, &diags);
		return;
	}
	if (!roots[0] && !fragments[0]) {
		diag_add(&diags, DIAG_ERROR, dir, 0, 0,
			 "no questionnaire files (*.yaml) in this directory");
		report(st, &diags);
	}
	for (i = 0; roots[i]; i++)
		validate_root(st, roots[i]);
	/* A review beside its assessment's answers is no fragment. */
	for (i = 0; fragments[i]; i++)
		if (review_file_is_review(fragments[i]))
			validate_review(st, fragments[i]);
		else
			validate_fragment(st, fragments[i]);
	for (i = 0; roots[i]; i++)
		free(roots[i]);
	for (i = 0; fragments[i]; i++)
		free(fragments[i]);
	free(roots);
	free(fragments);
}

static int validate_option(void *ctx, int c, const char *arg)
{
	struct validate_state *st = ctx;

	if (c == 's')
		st->strict = 1;
	else if (c == 'q')
		st->quiet = 1;
	else if (c == 'a')
		st->answers = arg;
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "answers", required_argument, NULL, 'a' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	struct validate_state st;
	const struct cli_options o = {
		"validate", "qh", options, validate_option, &st, NULL
	};
	int i, ret;

	memset(&st, 0, sizeof(st));
	ret = cli_parse_options(&o, argc, argv);
	if (ret == CLI_HELP)
		return print_help(validate_usage);
	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("validate", "no files to check");
	for (i = optind; i < argc; i++) {
		if (file_is_dir(argv[i]))
			validate_dir(&st, argv[i]);
		else if (file_exists(argv[i]) &&
			 review_file_is_review(argv[i]))
			validate_review(&st, argv[i]);
		else if (file_exists(argv[i]) && !questionnaire_is_root(argv[i]))
			validate_fragment(&st, argv[i]);
		else
			validate_root(&st, argv[i]);
	}
	for (i = 0; (size_t)i < st.nkeep; i++)
		free(st.keep[i]);
	free(st.keep);
	strmap_release(&st.included);
	return st.failed ? EXIT_INVALID_INPUT : EXIT_OK;
}
