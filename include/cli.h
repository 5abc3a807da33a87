/*
 * cli.h - the subcommands of cto-assess and what they share.
 *
 * Each subcommand lives in src/cmd_<name>.c and exports one function with the
 * signature of struct command.exec; main.c gathers them in one table.  A
 * command returns its exit status (util.h) and never calls exit() itself
 * except through die() on out-of-memory.
 */
#ifndef CTO_CLI_H
#define CTO_CLI_H

#include <getopt.h>

#include "buf.h"
#include "term.h"

struct command {
	const char *name;
	const char *summary;
	int (*exec)(int argc, char **argv);
};

int cmd_run(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_portfolio(int argc, char **argv);
int cmd_consultant(int argc, char **argv);
int cmd_import(int argc, char **argv);

/*
 * Prints "cto-assess: error: <message>" and "Try 'cto-assess <command>
 * --help'." to stderr; returns EXIT_USAGE.
 */
int usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Options every command handles the same way, for the commands' option
 * tables: -h/--help, and --color/--colour when the command colours.
 */
#define CLI_OPT_COLOR 0x100
#define CLI_OPTION_HELP { "help", no_argument, NULL, 'h' }
#define CLI_OPTION_COLOR \
	{ "color", required_argument, NULL, CLI_OPT_COLOR }, \
	{ "colour", required_argument, NULL, CLI_OPT_COLOR }

/* What cli_parse_options() returns for -h or --help. */
#define CLI_HELP (-1)

/* A command's options: its own table, and what to do with each option. */
struct cli_options {
	const char *command;          /* for messages: "report" */
	const char *shortopts;        /* getopt's, without the leading ':' */
	const struct option *longopts;/* ends with a row of zeros */
	/* Called with each option of the command's own; returns 0, or
	 * EXIT_USAGE after usage_error(). */
	int (*handle)(void *ctx, int c, const char *arg);
	void *ctx;
	enum color_mode *color;       /* set by --color; NULL: no such option */
};

/*
 * The getopt_long loop of every command: resets getopt, passes the
 * command's options to o->handle, and handles -h/--help (returns
 * CLI_HELP), --color, and unknown options or missing values (a usage error
 * with the closest option as a hint: returns EXIT_USAGE).  Returns 0 with
 * optind at the first operand when every option was fine.
 */
int cli_parse_options(const struct cli_options *o, int argc, char **argv);

/* Remembers how cto-assess was invoked (main's argv[0]). */
void cli_set_program(const char *argv0);

/*
 * Appends the program as a command to type again: "cto-assess" when that
 * name on the PATH is this program, else the path it was invoked by
 * (quoted for a POSIX shell where needed), such as ./cto-assess after
 * 'make run' in a checkout.
 */
void cli_add_program(struct buf *out);

/* Appends word quoted for a POSIX shell, when it needs quoting. */
void cli_add_shell_word(struct buf *out, const char *word);

/* Prints a command's help text to stdout; returns EXIT_OK. */
int print_help(const char *text);

#endif
