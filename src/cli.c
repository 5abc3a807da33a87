/*
 * cli.c - what the subcommands share: usage errors, help, finding the
 * questionnaire.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "term.h"
#include "util.h"

#include "config.h" /* CTO_ASSESS_DATADIR, written by the Makefile */

#define DEFAULT_QUESTIONNAIRE "cto-readiness"

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

/* The questionnaires/ directory beside the executable, if it exists. */
static char *checkout_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct buf dir = BUF_INIT;
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	buf_add(&dir, exe, (size_t)(slash - exe));
	buf_adds(&dir, "/questionnaires");
	if (!file_is_dir(dir.data)) {
		buf_release(&dir);
		return NULL;
	}
	return buf_detach(&dir, NULL);
}

const char *const *questionnaire_search_dirs(void)
{
	static const char *dirs[4];
	static int done;
	size_t n = 0;
	const char *env;

	if (done)
		return dirs;
	env = getenv("CTO_ASSESS_QUESTIONNAIRES");
	if (env && *env)
		dirs[n++] = env;
	/* Deliberately kept for the life of the process. */
	if ((dirs[n] = checkout_dir()))
		n++;
	dirs[n++] = CTO_ASSESS_DATADIR "/questionnaires";
	dirs[n] = NULL;
	done = 1;
	return dirs;
}

static int is_bare_name(const char *arg)
{
	return !strchr(arg, '/') && id_is_valid(arg);
}

char *questionnaire_resolve(const char *arg, struct buf *err)
{
	const char *const *dirs;
	const char *name = arg ? arg : DEFAULT_QUESTIONNAIRE;
	struct buf path = BUF_INIT;
	size_t i;

	if (arg && file_exists(arg))
		return xstrdup(arg);
	if (arg && !is_bare_name(arg)) {
		buf_addf(err, "cannot open questionnaire '%s': %s", arg,
			 strerror(ENOENT));
		return NULL;
	}
	dirs = questionnaire_search_dirs();
	for (i = 0; dirs[i]; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s.yaml", dirs[i], name);
		if (file_exists(path.data))
			return buf_detach(&path, NULL);
	}
	buf_release(&path);
	buf_addf(err, "cannot find questionnaire '%s' (looked for %s.yaml in",
		 name, name);
	for (i = 0; dirs[i]; i++)
		buf_addf(err, "%s %s", i ? "," : "", dirs[i]);
	buf_adds(err, ")");
	return NULL;
}
