/*
 * cmd_consultant.c - `cto-assess consultant`: write the consultant's
 * profile from a commented template, and check it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "consultant.h"
#include "diag.h"
#include "fileio.h"
#include "util.h"

static const char consultant_usage[] =
	"usage: cto-assess consultant init [-o FILE] [--force]\n"
	"       cto-assess consultant check [FILE]\n"
	"\n"
	"Your consultant profile puts your name, firm, logo and confidentiality\n"
	"line on every report 'run' and 'report' write.\n"
	"\n"
	"  init    write a commented template to edit: by default\n"
	"          $XDG_CONFIG_HOME/cto-assess/consultant.yaml (else\n"
	"          ~/.config/cto-assess/consultant.yaml), where 'run' and\n"
	"          'report' find it\n"
	"  check   check a profile (by default that one) and say what reports\n"
	"          will show\n"
	"\n"
	"  -o, --output FILE  init: write FILE instead\n"
	"      --force        init: replace an existing profile\n"
	"  -h, --help         show this help\n"
	"\n"
	"Exit status: 0 done, 1 a write failed or was refused, 2 usage error,\n"
	"3 an invalid or missing profile.\n";

struct consultant_args {
	const char *action;
	const char *file;
	unsigned flags;
};

static int consultant_option(void *ctx, int c, const char *arg)
{
	struct consultant_args *args = ctx;

	if (c == 'o')
		args->file = arg;
	else if (c == 'F')
		args->flags |= FILE_WRITE_FORCE;
	return 0;
}

static int parse_args(struct consultant_args *args, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"consultant", "o:h", options, consultant_option, args, NULL
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (optind >= argc)
		return usage_error("consultant", "no action given (expected "
				   "init or check)");
	args->action = argv[optind++];
	if (!strcmp(args->action, "check") && optind < argc)
		args->file = argv[optind++];
	if (optind < argc)
		return usage_error("consultant", "unexpected argument '%s'",
				   argv[optind]);
	return 0;
}

/* The profile's path: the one given, else the default (or NULL, said). */
static char *profile_path(const char *given)
{
	char *path;

	if (given)
		return xstrdup(given);
	path = consultant_default_path();
	if (!path)
		error("cannot tell where your profile goes: neither "
		      "XDG_CONFIG_HOME nor HOME is set (give a file)");
	return path;
}

/* Creates the directories above path that are missing. */
static int make_parents(const char *path, struct buf *err)
{
	char *dir = xstrdup(path);
	char *p;
	int ret = 0;

	for (p = strchr(dir + 1, '/'); p && !ret; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (!file_is_dir(dir))
			ret = file_make_dir(dir, err);
		*p = '/';
	}
	free(dir);
	return ret;
}

static int init(const struct consultant_args *args)
{
	struct buf err = BUF_INIT;
	char *path = profile_path(args->file);
	int ret = EXIT_FAILURE_GENERIC;

	if (!path)
		return EXIT_USAGE;
	if (make_parents(path, &err) == 0 &&
	    file_write_atomic(path, consultant_template,
			      strlen(consultant_template), args->flags,
			      &err) == 0) {
		printf("wrote %s\nEdit it, then check it with 'cto-assess "
		       "consultant check%s%s'.\n", path, args->file ? " " : "",
		       args->file ? args->file : "");
		ret = EXIT_OK;
	} else {
		error("%s", err.data);
	}
	buf_release(&err);
	free(path);
	return ret;
}

/* "Jane Doe, Doe Advisory; logo SVG, 2.1 KiB; paper a4; accent #0a7f6f" */
static void describe(struct buf *out, const struct consultant *c)
{
	consultant_signature(out, c);
	if (c->logo_type)
		buf_addf(out, "; logo %s, %.1f KiB", c->logo_type,
			 (double)c->logo_size / 1024);
	buf_addf(out, "; paper %s", paper_names[c->paper]);
	if (c->accent[0])
		buf_addf(out, "; accent %s", c->accent);
	if (!c->confidentiality)
		buf_adds(out, "; no confidentiality line");
}

static int check(const struct consultant_args *args)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct consultant c;
	struct buf text = BUF_INIT;
	char *path = profile_path(args->file);
	int ret = EXIT_INVALID_INPUT;

	if (!path)
		return EXIT_USAGE;
	if (!args->file && !file_exists(path)) {
		error("no consultant profile at '%s' (write one with "
		      "'cto-assess consultant init')", path);
	} else if (consultant_load(&c, path, &diags) == 0) {
		diag_print(&diags, stderr);
		describe(&text, &c);
		printf("%s: ok (%s)\n", path, text.data);
		consultant_release(&c);
		ret = EXIT_OK;
	} else {
		diag_sort(&diags);
		diag_print(&diags, stderr);
	}
	diag_list_release(&diags);
	buf_release(&text);
	free(path);
	return ret;
}

static int unknown_action(const char *action)
{
	static const char *const actions[] = { "init", "check" };
	struct buf msg = BUF_INIT;
	int ret;

	buf_addf(&msg, "unknown action '%s' (expected init or check)", action);
	buf_add_hint(&msg, action, actions, ARRAY_SIZE(actions));
	ret = usage_error("consultant", "%s", msg.data);
	buf_release(&msg);
	return ret;
}

int cmd_consultant(int argc, char **argv)
{
	struct consultant_args args = { NULL, NULL, 0 };
	int ret = parse_args(&args, argc, argv);

	if (ret == CLI_HELP)
		return print_help(consultant_usage);
	if (ret)
		return ret;
	if (!strcmp(args.action, "init"))
		return init(&args);
	if (!strcmp(args.action, "check")) {
		if (args.flags)
			return usage_error("consultant", "--force is for "
					   "init");
		return check(&args);
	}
	return unknown_action(args.action);
}
