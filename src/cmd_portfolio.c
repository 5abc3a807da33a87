/*
 * cmd_portfolio.c - `cto-assess portfolio`: many assessments side by side,
 * one row per company, in one process; and the benchmark file that
 * `report --benchmark` reads.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "benchmark.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "portfolio.h"
#include "term.h"
#include "util.h"

static const char portfolio_usage[] =
	"usage: cto-assess portfolio REPORT_OR_ANSWERS... [-f FORMAT]\n"
	"                            [-o FILE|-] [--sort COLUMN] [--reverse]\n"
	"                            [--all] [--benchmark-out FILE]\n"
	"                            [-q QUESTIONNAIRE] [--force]\n"
	"\n"
	"Shows many assessments side by side, one row per company (its latest\n"
	"assessment): overall and area scores, level, open critical and high\n"
	"risks, date.  Each argument is a report (report.json), an answers\n"
	"file, or a directory searched for them.\n"
	"\n"
	"  -f, --format FORMAT       one of %s (default: the one\n"
	"                            FILE's extension names, else text)\n"
	"  -o, --output FILE|-       write to FILE (atomically) instead of stdout\n"
	"  -s, --sort COLUMN         company (default), stage, questionnaire,\n"
	"                            date, score, level, critical, high, source\n"
	"                            or an area id; ascending\n"
	"  -r, --reverse             descending (rows without a value stay last)\n"
	"  -a, --all                 every assessment of each company, not only\n"
	"                            the latest\n"
	"      --benchmark-out FILE  also write the scores of the latest\n"
	"                            assessments by questionnaire and stage,\n"
	"                            without names, for 'report --benchmark'\n"
	"  -q, --questionnaire PATH  the questionnaire of answers files (default:\n"
	"                            the one each names)\n"
	"      --force               replace existing files\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 done, 1 a write failed or was refused, 2 usage error,\n"
	"3 a file could not be read (the others are shown).\n";

struct portfolio_args {
	char **paths;
	size_t npaths;
	const struct portfolio_format *format;
	const char *output;
	const char *sort;
	const char *benchmark_out;
	const char *questionnaire;
	int reverse;
	int all;
	unsigned flags;
};

static int print_usage(void)
{
	struct buf names = BUF_INIT, text = BUF_INIT;

	portfolio_format_names(&names);
	buf_addf(&text, portfolio_usage, names.data);
	print_help(text.data);
	buf_release(&names);
	buf_release(&text);
	return EXIT_OK;
}

static int portfolio_option(void *ctx, int c, const char *arg)
{
	struct portfolio_args *args = ctx;
	struct buf names = BUF_INIT;
	int ret = 0;

	switch (c) {
	case 'f':
		if ((args->format = portfolio_format(arg)))
			break;
		portfolio_format_names(&names);
		ret = usage_error("portfolio", "unknown format '%s' (expected "
				  "%s)", arg, names.data);
		break;
	case 'o': args->output = arg; break;
	case 's': args->sort = arg; break;
	case 'r': args->reverse = 1; break;
	case 'a': args->all = 1; break;
	case 'B': args->benchmark_out = arg; break;
	case 'q': args->questionnaire = arg; break;
	case 'F': args->flags |= FILE_WRITE_FORCE; break;
	}
	buf_release(&names);
	return ret;
}

static int parse_args(struct portfolio_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		{ "all", no_argument, NULL, 'a' },
		{ "benchmark-out", required_argument, NULL, 'B' },
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "force", no_argument, NULL, 'F' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"portfolio", "f:o:s:raq:h", options, portfolio_option, args,
		NULL
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("portfolio", "no reports or answers files "
				   "given");
	args->paths = argv + optind;
	args->npaths = (size_t)(argc - optind);
	if (!args->format && args->output)
		args->format = portfolio_format_of_file(args->output);
	if (!args->format)
		args->format = portfolio_format("text");
	return 0;
}

static int write_out(const char *output, unsigned flags,
		     const struct buf *data)
{
	struct buf err = BUF_INIT;
	int ret = EXIT_OK;

	if (!output || !strcmp(output, "-")) {
		fwrite(data->data, 1, data->len, stdout);
		return EXIT_OK;
	}
	if (file_write_atomic(output, data->data, data->len, flags, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&err);
	return ret;
}

/* "benchmark: 12 seed, 7 series-a; fewer than 5, left out: idea (3)" */
static void say_benchmark(const struct portfolio_args *args,
			  const struct benchmark *b)
{
	struct buf kept = BUF_INIT, out = BUF_INIT, msg = BUF_INIT;
	struct buf clean = BUF_INIT;
	size_t i;

	for (i = 0; i < b->ngroups; i++) {
		const struct benchmark_group *g = &b->groups[i];
		struct buf *list = g->companies >= BENCHMARK_MIN_COMPANIES ?
				   &kept : &out;

		buf_addf(list, "%s%s %s (%zu)", list->len ? ", " : "",
			 g->questionnaire, g->stage, g->companies);
	}
	buf_addf(&msg, "wrote the benchmark %s: %s", args->benchmark_out,
		 kept.len ? kept.data : "no stage has enough companies");
	if (out.len)
		buf_addf(&msg, "; fewer than %d companies, left out: %s",
			 BENCHMARK_MIN_COMPANIES, out.data);
	buf_addc(&msg, '\n');
	term_sanitize(&clean, msg.data, 1);
	fflush(stdout);
	fputs(clean.data, stderr);
	buf_release(&kept);
	buf_release(&out);
	buf_release(&msg);
	buf_release(&clean);
}

static int write_benchmark(const struct portfolio_args *args,
			   const struct portfolio *p)
{
	struct benchmark b;
	struct buf data = BUF_INIT;
	cJSON *json;
	char *text;
	int ret;

	benchmark_init(&b, NULL);
	portfolio_to_benchmark(p, &b);
	json = benchmark_to_json(&b);
	text = cJSON_Print(json);
	if (!text)
		die(EXIT_NOMEM, "out of memory");
	buf_adds(&data, text);
	buf_addc(&data, '\n');
	ret = write_out(args->benchmark_out, args->flags, &data);
	if (ret == EXIT_OK)
		say_benchmark(args, &b);
	free(text);
	cJSON_Delete(json);
	buf_release(&data);
	benchmark_release(&b);
	return ret;
}

static int show(const struct portfolio_args *args, struct portfolio *p)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	int ret = EXIT_OK;

	if (args->benchmark_out && (ret = write_benchmark(args, p)))
		return ret;
	if (!args->all)
		portfolio_latest(p);
	if (portfolio_sort(p, args->sort ? args->sort : "company",
			   args->reverse, &err) < 0) {
		ret = usage_error("portfolio", "%s", err.data);
		goto out;
	}
	args->format->render(&out, p);
	ret = write_out(args->output, args->flags, &out);
out:
	buf_release(&out);
	buf_release(&err);
	return ret;
}

int cmd_portfolio(int argc, char **argv)
{
	struct portfolio_args args;
	struct portfolio p;
	size_t i;
	int ret;

	memset(&args, 0, sizeof(args));
	ret = parse_args(&args, argc, argv);
	if (ret == CLI_HELP)
		return print_usage();
	if (ret)
		return ret;
	portfolio_init(&p);
	p.all = args.all;
	for (i = 0; i < args.npaths; i++)
		portfolio_read(&p, args.paths[i], args.questionnaire);
	ret = show(&args, &p);
	if (p.invalid) {
		error("%zu file%s could not be read; the portfolio leaves "
		      "%s out", p.invalid, p.invalid == 1 ? "" : "s",
		      p.invalid == 1 ? "it" : "them");
		if (ret == EXIT_OK)
			ret = EXIT_INVALID_INPUT;
	}
	portfolio_release(&p);
	return ret;
}
