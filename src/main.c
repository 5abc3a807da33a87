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

#include "cli.h"
#include "util.h"
#include "version.h"

static const struct command commands[] = {
	{ "run", "run an assessment interview (the default)", cmd_run },
	{ "report", "write reports from a saved answers file", cmd_report },
	{ "validate", "check questionnaire files", cmd_validate },
	{ "compare", "show progress between two assessments", cmd_compare },
	{ "list", "print a questionnaire as text, Markdown or JSON", cmd_list },
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
	size_t i;

	fputs(main_usage, out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fputs(main_usage_tail, out);
	return out == stdout && finish_stdout() ? EXIT_FAILURE_GENERIC
						 : EXIT_OK;
}

static int unknown_command(const char *name)
{
	const char *names[ARRAY_SIZE(commands)];
	const char *hint;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		names[i] = commands[i].name;
	fprintf(stderr, "%s: error: unknown command '%s'\n", progname, name);
	hint = closest_match(name, names, ARRAY_SIZE(names));
	if (hint)
		fprintf(stderr, "Did you mean '%s'? ", hint);
	fprintf(stderr, "Try 'cto-assess --help'.\n");
	return EXIT_USAGE;
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

int main(int argc, char **argv)
{
	const struct command *cmd;

	setlocale(LC_CTYPE, "");
	if (argc < 2)
		return cmd_run(argc, argv);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("cto-assess %s\n", CTO_ASSESS_VERSION);
		return finish_stdout() ? EXIT_FAILURE_GENERIC : EXIT_OK;
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
