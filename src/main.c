/*
 * main.c - the command table: every job cto-assess does, in one place.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cli.h"
#include "diag.h"
#include "util.h"
#include "version.h"

static const struct command commands[] = {
	{ "run", "run an assessment interview (the default)", cmd_run },
	{ "report", "write reports from a saved answers file", cmd_report },
	{ "validate", "check questionnaire files", cmd_validate },
	{ "compare", "show progress between two assessments", cmd_compare },
	{ "list", "print a questionnaire as text, Markdown or JSON", cmd_list },
	{ "merge", "merge several respondents' answers into one assessment",
	  cmd_merge },
	{ "portfolio", "many assessments side by side, one row a company",
	  cmd_portfolio },
	{ "consultant", "write or check your consultant profile",
	  cmd_consultant },
	{ "import", "make a questionnaire of OWASP SAMM or an AWS lens",
	  cmd_import },
};

static const char main_usage[] =
	"usage: cto-assess [--version] [--help] [COMMAND [ARGS]]\n"
	"\n"
	"A fractional-CTO readiness assessment: answer questions about your\n"
	"company's technology, get a prioritised readiness report.\n"
	"\n"
	"Commands:\n";

static const char main_usage_tail[] =
	"\n"
	"Without a command, cto-assess runs an assessment ('cto-assess run').\n"
	"'cto-assess help COMMAND' or 'cto-assess COMMAND --help' describes one.\n"
	"See cto-assess(1) and cto-assess-questionnaire(5).\n";

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int print_main_usage(FILE *out)
{
	size_t i, width = 0;

	/* The summaries line up after the longest name. */
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (strlen(commands[i].name) > width)
			width = strlen(commands[i].name);
	fputs(main_usage, out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-*s  %s\n", (int)width, commands[i].name,
			commands[i].summary);
	fputs(main_usage_tail, out);
	return EXIT_OK;
}

static int unknown_command(const char *name)
{
	const char *names[ARRAY_SIZE(commands)];
	struct buf msg = BUF_INIT;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		names[i] = commands[i].name;
	buf_addf(&msg, "unknown command '%s'", name);
	buf_add_hint(&msg, name, names, ARRAY_SIZE(names));
	ret = usage_error(NULL, "%s", msg.data);
	buf_release(&msg);
	return ret;
}

/* "help COMMAND" is "COMMAND --help". */
static int run_help(int argc, char **argv)
{
	const struct command *cmd;
	char *help_argv[] = { NULL, (char *)"--help", NULL };

	if (argc < 2)
		return print_main_usage(stdout);
	cmd = find_command(argv[1]);
	if (!cmd)
		return unknown_command(argv[1]);
	help_argv[0] = argv[1];
	return cmd->exec(2, help_argv);
}

/* Runs the command argv names, as cto-assess would with these arguments. */
static int dispatch(int argc, char **argv)
{
	const struct command *cmd;

	if (argc < 2)
		return cmd_run(argc, argv);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("cto-assess %s\n", CTO_ASSESS_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return print_main_usage(stdout);
	if (!strcmp(argv[1], "help"))
		return run_help(argc - 1, argv + 1);
	if (argv[1][0] == '-') {
		/* Options without a command belong to "run". */
		return cmd_run(argc, argv);
	}
	cmd = find_command(argv[1]);
	if (!cmd)
		return unknown_command(argv[1]);
	return cmd->exec(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	/* cJSON reports out-of-memory as NULL; xmalloc exits cleanly. */
	cJSON_Hooks hooks = { xmalloc, free };
	int ret;

	setlocale(LC_CTYPE, "");
	cJSON_InitHooks(&hooks);
	cli_set_program(argv[0]);
	ret = dispatch(argc, argv);
	/* What every command printed is checked once, here (git's
	 * run_builtin). */
	if (fflush(stdout) || ferror(stdout)) {
		error("write failure on standard output: %s", strerror(errno));
		if (ret == EXIT_OK)
			ret = EXIT_FAILURE_GENERIC;
	}
	return ret;
}
