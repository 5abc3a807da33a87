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
int cmd_import(int argc, char **argv);

/*
 * Prints "cto-assess: error: <message>" and "Try 'cto-assess <command>
 * --help'." to stderr; returns EXIT_USAGE.
 */
int usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Reports the option getopt_long() just rejected (c is '?' or ':'; the
 * optstring must start with ':' and opterr be 0) as a usage error, with the
 * closest of options' long names as a hint.
 */
int option_error(const char *command, int c, char **argv,
		 const struct option *options);

/*
 * Parses a --color argument into *mode; returns 0, or a usage error
 * (EXIT_USAGE) naming the accepted values.
 */
int color_option(const char *command, const char *arg,
		 enum color_mode *mode);

/* Prints a command's help text to stdout; returns EXIT_OK or, when stdout
 * cannot be written, EXIT_FAILURE_GENERIC. */
int print_help(const char *text);

/*
 * Finds the questionnaire named by a -q argument (NULL for the default) and
 * returns a newly allocated path, or NULL with a message in err.  Lookup
 * order, documented in cto-assess(1): an existing file or directory named by
 * arg; then, for a bare name, NAME.yaml in $CTO_ASSESS_QUESTIONNAIRES, in the
 * questionnaires/ directory beside the executable (a checkout), and in the
 * installed data directory.  Without arg the name is "cto-readiness".
 */
char *questionnaire_resolve(const char *arg, struct buf *err);

/*
 * The questionnaire an answers file was given to: qarg (-q) when not NULL;
 * else the path the file records (as written, then relative to the answers
 * file); else its questionnaire id looked up as questionnaire_resolve()
 * does.  Returns a newly allocated path, or NULL with a diagnostic in diags
 * or a message in err.  (Defined in cmd_report.c; compare uses it too.)
 */
struct diag_list;
char *questionnaire_for_answers(const char *answers, const char *qarg,
				struct diag_list *diags, struct buf *err);

/* The directories searched for questionnaires, in order (static storage). */
const char *const *questionnaire_search_dirs(void);

/* Flushes stdout and reports a failed write; returns 0 or -1. */
int finish_stdout(void);

#endif
