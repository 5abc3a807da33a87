/*
 * cli.c - what the subcommands share on their command line: the getopt
 * loop, usage errors, help.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "term.h"
#include "util.h"

int usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	struct buf msg = BUF_INIT;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	error("%s", msg.data);
	if (command)
		fprintf(stderr, "Try 'cto-assess %s --help'.\n", command);
	else
		fprintf(stderr, "Try 'cto-assess --help'.\n");
	buf_release(&msg);
	return EXIT_USAGE;
}

/*
 * Reports the option getopt_long() just rejected (c is '?' or ':') as a
 * usage error, with the closest of the long options as a hint.
 */
static int option_error(const char *command, int c, char **argv,
			const struct option *options)
{
	const char *arg = argv[optind - 1];
	struct buf msg = BUF_INIT, name = BUF_INIT;
	char **names;
	size_t i, n = 0;
	int ret;

	if (c == ':')
		return usage_error(command, "option '%s' needs a value", arg);
	if (optopt && !(arg[0] == '-' && arg[1] == '-'))
		return usage_error(command, "unknown option '-%c'", optopt);
	while (options[n].name)
		n++;
	names = xcalloc(n, sizeof(*names));
	for (i = 0; i < n; i++) {
		buf_reset(&name);
		buf_addf(&name, "--%s", options[i].name);
		names[i] = xstrdup(name.data);
	}
	/* "--frmat=md": the name is what comes before '='. */
	buf_reset(&name);
	buf_add(&name, arg, strcspn(arg, "="));
	buf_addf(&msg, "unknown option '%s'", name.data);
	if (arg[0] == '-' && arg[1] == '-')
		buf_add_hint(&msg, name.data, (const char *const *)names, n);
	ret = usage_error(command, "%s", msg.data);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_release(&msg);
	buf_release(&name);
	return ret;
}

static int color_option(const char *command, const char *arg,
			enum color_mode *mode)
{
	if (term_parse_color(arg, mode) == 0)
		return 0;
	return usage_error(command, "unknown colour mode '%s' (expected "
			   "auto, always or never)", arg);
}

int cli_parse_options(const struct cli_options *o, int argc, char **argv)
{
	struct buf shortopts = BUF_INIT;
	int c, ret = 0;

	/* ':' first: a missing value is reported as ':', not as '?'. */
	buf_addf(&shortopts, ":%s", o->shortopts);
	optind = 0;
	opterr = 0;
	while (!ret && (c = getopt_long(argc, argv, shortopts.data,
					o->longopts, NULL)) != -1) {
		if (c == 'h')
			ret = CLI_HELP;
		else if (c == CLI_OPT_COLOR && o->color)
			ret = color_option(o->command, optarg, o->color);
		else if (c == '?' || c == ':')
			ret = option_error(o->command, c, argv, o->longopts);
		else
			ret = o->handle(o->ctx, c, optarg);
	}
	buf_release(&shortopts);
	return ret;
}

int print_help(const char *text)
{
	fputs(text, stdout);
	return EXIT_OK;
}

/* ---- the program, as a command to type again ----------------------------- */

static const char *program_path = "cto-assess";

void cli_set_program(const char *argv0)
{
	if (argv0 && *argv0)
		program_path = argv0;
}

void cli_add_shell_word(struct buf *out, const char *word)
{
	const char *p;

	if (*word && strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
			    "qrstuvwxyz0123456789._/-+=:,@%") == strlen(word)) {
		buf_adds(out, word);
		return;
	}
	buf_addc(out, '\'');
	for (p = word; *p; p++) {
		if (*p == '\'')
			buf_adds(out, "'\\''");
		else
			buf_addc(out, *p);
	}
	buf_addc(out, '\'');
}

/* Whether "cto-assess" found on the PATH is the file at path. */
static int on_path_is(const char *path)
{
	const char *dirs = getenv("PATH"), *p, *end;
	struct buf candidate = BUF_INIT;
	struct stat self, other;
	int same = 0;

	if (!dirs || stat(path, &self) < 0)
		return 0;
	for (p = dirs; !same; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		buf_reset(&candidate);
		buf_add(&candidate, p, (size_t)(end - p));
		buf_adds(&candidate, end > p ? "/cto-assess" : "cto-assess");
		if (access(candidate.data, X_OK) == 0) {
			/* The first one found is the one the shell runs. */
			same = stat(candidate.data, &other) == 0 &&
			       self.st_dev == other.st_dev &&
			       self.st_ino == other.st_ino;
			break;
		}
		if (!*end)
			break;
	}
	buf_release(&candidate);
	return same;
}

void cli_add_program(struct buf *out)
{
	/* A name without a slash was found on the PATH by the shell. */
	if (!strchr(program_path, '/') || on_path_is(program_path))
		buf_adds(out, "cto-assess");
	else
		cli_add_shell_word(out, program_path);
}
