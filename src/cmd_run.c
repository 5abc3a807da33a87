/*
 * cmd_run.c - `cto-assess run` (and `cto-assess` alone): the assessment
 * interview, resumed sessions, pre-filled and scripted answers.
 *
 * The session file (answers.json in the output directory, or the file given
 * to --resume) is written before the first question and after every answer,
 * so that whatever ends the program, `run --resume` continues from it.
 */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "answers.h"
#include "assessment.h"
#include "cli.h"
#include "deliverable.h"
#include "diag.h"
#include "fileio.h"
#include "interview.h"
#include "loader.h"
#include "report_write.h"
#include "term.h"
#include "util.h"

#define DEFAULT_FORMATS "md,json,html,csv"
#define SESSION_NAME "answers.json"

static const char run_usage[] =
	"usage: cto-assess run [-q QUESTIONNAIRE] [-o DIR] [-f FORMATS]\n"
	"                      [--resume FILE | --answers FILE] [--batch]\n"
	"                      [--respondent 'NAME, ROLE'] [--force]\n"
	"                      [--color=WHEN] [--consultant FILE]\n"
	"                      [--review FILE]\n"
	"\n"
	"Runs the readiness assessment interview, then writes the reports.\n"
	"Answers are saved after each one in DIR/answers.json; Ctrl-C, Ctrl-D\n"
	"or 'quit' leave, and --resume continues where you stopped.\n"
	"\n"
	"  -q, --questionnaire PATH  questionnaire file, directory or name\n"
	"                            (default: cto-readiness)\n"
	"  -o, --output DIR          where the session and the reports go\n"
	"                            (default: ./cto-assessment-YYYY-MM-DD/;\n"
	"                            with --resume, the session's directory)\n"
	"  -r, --resume FILE         continue the session saved in FILE\n"
	"  -a, --answers FILE        pre-filled answers (YAML or JSON; '-' reads\n"
	"                            them from standard input); without a\n"
	"                            terminal every answer must be there\n"
	"  -b, --batch, --no-input   never ask: missing answers are an error\n"
	"      --respondent 'NAME, ROLE'\n"
	"                            who answers (recorded in the answers, so\n"
	"                            that 'merge' can say who said what)\n"
	"  -f, --format FORMATS      reports to write, a comma-separated list of\n"
	"                            the formats below or all (default:\n"
	"                            " DEFAULT_FORMATS ")\n"
	"      --force               replace existing reports and sessions\n"
	"      --color=WHEN          auto (default), always or never\n"
	DELIVERABLE_USAGE
	"  -h, --help                show this help\n"
	"\n"
	"Formats, with their file in DIR:\n";

static const char run_usage_tail[] =
	"\n"
	"At a prompt: a choice's number or the start of its label (Tab\n"
	"completes), '?' for help, 'back', 'skip', 'note', 'quit'.\n"
	"\n"
	"Exit status: 0 done (or left with 'quit' or Ctrl-D), 1 a write failed\n"
	"or was refused, 2 usage error, 3 invalid questionnaire, answers file\n"
	"or (without a terminal) input line, 130 interrupted by Ctrl-C.\n";


struct run {
	const char *qarg;
	const char *output;
	const char *resume;
	const char *prefill;
	const char *formats;
	const char *respondent;
	int batch;
	int force;
	enum color_mode color;

	struct questionnaire *q;
	struct answers a;
	int have_answers;
	char *outdir;
	char *session;
	struct file_lock lock; /* the session's, for the whole run */
	int tty;
	struct deliverable_options deliverable_options;
	struct deliverable deliverable; /* read once the outputs are known */
};

static int print_usage(void)
{
	struct buf text = BUF_INIT;

	buf_adds(&text, run_usage);
	report_describe_formats(&text);
	buf_adds(&text, run_usage_tail);
	print_help(text.data);
	buf_release(&text);
	return EXIT_OK;
}

static int run_option(void *ctx, int c, const char *arg)
{
	struct run *r = ctx;

	switch (c) {
	case 'q': r->qarg = arg; break;
	case 'o': r->output = arg; break;
	case 'r': r->resume = arg; break;
	case 'a': r->prefill = arg; break;
	case 'b': r->batch = 1; break;
	case 'f': r->formats = arg; break;
	case 'F': r->force = 1; break;
	case 'R': r->respondent = arg; break;
	default: deliverable_option(&r->deliverable_options, c, arg); break;
	}
	return 0;
}

/* Checks --respondent before anything is read. */
static int check_respondent(const struct run *r)
{
	struct respondent who;
	struct buf err = BUF_INIT;
	int ret = 0;

	if (!r->respondent)
		return 0;
	if (respondent_parse(&who, r->respondent, &err) < 0)
		ret = usage_error("run", "%s", err.data);
	else
		respondent_release(&who, 0);
	buf_release(&err);
	return ret;
}

static int parse_args(struct run *r, int argc, char **argv)
{
	static const struct option options[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "resume", required_argument, NULL, 'r' },
		{ "answers", required_argument, NULL, 'a' },
		{ "batch", no_argument, NULL, 'b' },
		{ "no-input", no_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "force", no_argument, NULL, 'F' },
		{ "respondent", required_argument, NULL, 'R' },
		DELIVERABLE_OPTIONS,
		CLI_OPTION_COLOR,
		CLI_OPTION_HELP,
		{ NULL, 0, NULL, 0 }
	};
	const struct cli_options o = {
		"run", "q:o:r:a:bf:h", options, run_option, r, &r->color
	};
	int ret = cli_parse_options(&o, argc, argv);

	if (ret)
		return ret;
	if (optind < argc)
		return usage_error("run", "unexpected argument '%s'",
				   argv[optind]);
	if (r->resume && r->prefill)
		return usage_error("run", "--resume and --answers cannot be "
				   "used together");
	if (r->output && !*r->output)
		return usage_error("run", "empty output directory name");
	return check_respondent(r);
}

/* Checks the format list before any question is asked. */
static int check_formats(const struct run *r)
{
	struct buf err = BUF_INIT;
	unsigned mask;
	int ret = 0;

	if (report_parse_formats(r->formats, &mask, &err) < 0)
		ret = usage_error("run", "%s", err.data);
	buf_release(&err);
	return ret;
}

static void print_clean_line(const char *label, const char *path);

/* ---- the questionnaire and the answers ---------------------------------- */

/* Replaces *field with the current time, ISO 8601 in UTC. */
static void set_now(char **field)
{
	free(*field);
	*field = answers_now();
}

/*
 * Opens the questionnaire and the answers: a session's (--resume) with the
 * questionnaire it names, pre-filled answers or none with -q's (or the
 * default).  The run takes both over from the assessment, since the
 * interview changes the answers; it scores them once, at the end.
 */
static int open_assessment(struct run *r)
{
	const char *file = r->resume ? r->resume : r->prefill;
	struct assessment as;

	if (assessment_open(&as, file, r->qarg, r->resume ?
			    ASSESSMENT_NAMED_BY_ANSWERS :
			    ASSESSMENT_DEFAULT) < 0) {
		if (as.invalid_answers && !strcmp(file, "-"))
			error("invalid answers on standard input; nothing was "
			      "written");
		else if (as.invalid_answers)
			error("invalid answers in '%s'; nothing was written",
			      file);
		assessment_release(&as);
		return EXIT_INVALID_INPUT;
	}
	r->q = as.questionnaire;
	r->a = as.answers;
	r->have_answers = 1;
	return 0;
}

/* Records the questionnaire as it is now, with a path valid from anywhere. */
static void stamp_questionnaire(struct answers *a,
				const struct questionnaire *q)
{
	char real[PATH_MAX];

	free(a->questionnaire_id);
	free(a->questionnaire_version);
	free(a->questionnaire_hash);
	free(a->questionnaire_path);
	a->questionnaire_id = xstrdup(q->id);
	a->questionnaire_version = xstrdup(q->version);
	a->questionnaire_hash = xstrdup(q->hash);
	a->questionnaire_path = xstrdup(realpath(q->path, real) ? real
							       : q->path);
}

/* On resume: warns when the questionnaire changed, and asks to go on. */
static int accept_changes(struct run *r)
{
	int signo, yes;

	if (!r->a.questionnaire_hash ||
	    !strcmp(r->a.questionnaire_hash, r->q->hash))
		return 0;
	warning("the questionnaire changed since this session was saved "
		"(version %s, hash %s; now version %s, hash %s)",
		r->a.questionnaire_version ? r->a.questionnaire_version : "?",
		r->a.questionnaire_hash, r->q->version, r->q->hash);
	if (r->a.orphans)
		warning("answers to questions it no longer has are kept "
			"aside in the session's 'orphans'");
	if (!r->tty)
		return 0;
	yes = interview_confirm("Continue with the changed questionnaire? "
				"[y/N] ", 1, &signo);
	if (yes == 1)
		return 0;
	fprintf(stderr, "Nothing changed; the session is as it was.\n");
	return signo ? 128 + signo : EXIT_FAILURE_GENERIC;
}

/*
 * Records who answers (--respondent), replacing whom the file named.  A
 * merged assessment has its respondents already: one name cannot stand
 * for them.
 */
static int set_respondent(struct run *r)
{
	struct buf err = BUF_INIT, who = BUF_INIT;

	if (!r->respondent)
		return 0;
	if (answers_is_merged(&r->a)) {
		error("'%s' is a merged assessment of %zu respondents; "
		      "--respondent names the one respondent of an "
		      "assessment", r->resume ? r->resume : r->prefill,
		      r->a.nrespondents);
		return EXIT_USAGE;
	}
	respondent_release(&r->a.respondent, 0);
	respondent_parse(&r->a.respondent, r->respondent, &err);
	respondent_label(&who, &r->a.respondent);
	print_clean_line("Answering as: ", who.data);
	buf_release(&err);
	buf_release(&who);
	return 0;
}

/* Makes the answers loaded this run's: a resumed or a new assessment. */
static int load_answers(struct run *r)
{
	int ret;

	if (r->resume && (ret = accept_changes(r)))
		return ret;
	if ((ret = set_respondent(r)))
		return ret;
	if (r->prefill) {
		/* Pre-filled answers start a new assessment. */
		free(r->a.completed_at);
		r->a.completed_at = NULL;
		set_now(&r->a.created_at);
		set_now(&r->a.updated_at);
	}
	stamp_questionnaire(&r->a, r->q);
	return 0;
}

/* Without a terminal nobody can answer: every missing answer is listed. */
static int check_complete(struct run *r)
{
	struct diag_list diags = DIAG_LIST_INIT;
	const char *file = r->prefill ? r->prefill : r->resume;
	unsigned char *applies = xmalloc(r->q->nquestions + 1);
	size_t i;

	answers_applicability(&r->a, applies);
	for (i = 0; i < r->q->nquestions; i++) {
		const struct question *qn = r->q->questions[i];
		struct buf text = BUF_INIT;

		if (!applies[i] || r->a.items[i].kind != ANSWER_NONE)
			continue;
		term_truncate(&text, qn->text, 60);
		diag_add(&diags, DIAG_ERROR, file, 0, 0,
			 "no answer to question '%s' (%s)", qn->id, text.data);
		buf_release(&text);
	}
	free(applies);
	diag_print(&diags, stderr);
	if (diags.errors)
		error("%zu question%s without an answer; nothing was written",
		      diags.errors, diags.errors == 1 ? "" : "s");
	i = diags.errors;
	diag_list_release(&diags);
	return i ? EXIT_INVALID_INPUT : 0;
}

/* ---- where files go ----------------------------------------------------- */

/*
 * The first file of a run found in dir, or NULL: the session (only if
 * asked), then the report files of every format.  A run never replaces
 * them silently.
 */
static const char *existing_output(const char *dir, int with_session)
{
	struct buf path = BUF_INIT;
	const char *found = NULL, *name;
	size_t i;

	for (i = 0; !found && (name = i == 0 ? SESSION_NAME :
			       report_format_file(i - 1)); i++) {
		if (i == 0 && !with_session)
			continue;
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, name);
		if (file_exists(path.data))
			found = name;
	}
	buf_release(&path);
	return found;
}

/* ./cto-assessment-YYYY-MM-DD, or -2, -3 ... when that one is in use. */
static char *default_outdir(void)
{
	char date[16];
	time_t now = time(NULL);
	struct tm tm;
	struct buf dir = BUF_INIT;
	unsigned n;

	if (!localtime_r(&now, &tm) ||
	    !strftime(date, sizeof(date), "%Y-%m-%d", &tm))
		snprintf(date, sizeof(date), "undated");
	for (n = 1; n < 10000; n++) {
		buf_reset(&dir);
		buf_addf(&dir, "cto-assessment-%s", date);
		if (n > 1)
			buf_addf(&dir, "-%u", n);
		if (!file_exists(dir.data) ||
		    (file_is_dir(dir.data) && !existing_output(dir.data, 1)))
			break;
	}
	return buf_detach(&dir, NULL);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Picks the output directory and the session file; refuses overwrites. */
static int choose_outputs(struct run *r)
{
	struct buf path = BUF_INIT;
	const char *found;

	if (r->output) {
		size_t len = strlen(r->output);

		/* "out/" and "out" are the same directory: say it one way. */
		while (len > 1 && r->output[len - 1] == '/')
			len--;
		r->outdir = xstrndup(r->output, len);
	} else if (r->resume)
		r->outdir = dir_of(r->resume);
	else
		r->outdir = default_outdir();
	if (r->resume) {
		r->session = xstrdup(r->resume);
	} else {
		buf_addf(&path, "%s/%s", r->outdir, SESSION_NAME);
		r->session = buf_detach(&path, NULL);
	}
	if (r->force || !file_is_dir(r->outdir))
		return 0;
	found = existing_output(r->outdir, !r->resume);
	if (!found)
		return 0;
	if (!strcmp(found, SESSION_NAME)) {
		struct buf cmd = BUF_INIT;

		cli_add_program(&cmd);
		buf_adds(&cmd, " run --resume ");
		cli_add_shell_word(&cmd, r->session);
		error("'%s' already holds a session (continue it with '%s', or "
		      "use --force to start over)", r->outdir, cmd.data);
		buf_release(&cmd);
	} else {
		error("refusing to overwrite '%s/%s' (use --force, or -o for "
		      "another directory)", r->outdir, found);
	}
	return EXIT_FAILURE_GENERIC;
}

/* ---- the session lock --------------------------------------------------- */

/* The lock file of a session: beside the file it is (through links). */
static char *lock_path_for(const char *session)
{
	char *real = realpath(session, NULL);
	struct buf path = BUF_INIT;

	buf_addf(&path, "%s.lock", real ? real : session);
	free(real);
	return buf_detach(&path, NULL);
}

/* What the lock file says of its holder: "PID HOST START\n". */
static void describe_holder(struct buf *out)
{
	char host[256] = "";
	char *now = answers_now();

	if (gethostname(host, sizeof(host)) < 0 || !*host)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	buf_addf(out, "%ld %s %s\n", (long)getpid(), host, now);
	free(now);
}

/* Says who holds the session, from the line in its lock file. */
static void print_in_use(const char *session, const char *holder)
{
	struct buf msg = BUF_INIT;
	char host[256], since[64];
	long pid;

	buf_addc(&msg, '\'');
	term_sanitize(&msg, session, 0);
	buf_adds(&msg, "' is in use");
	if (sscanf(holder, "%ld %255s %63s", &pid, host, since) == 3) {
		buf_addf(&msg, " by process %ld on ", pid);
		term_sanitize(&msg, host, 0);
		buf_adds(&msg, " since ");
		term_sanitize(&msg, since, 0);
	} else {
		buf_adds(&msg, " by another process");
	}
	error("%s", msg.data);
	buf_release(&msg);
}

/*
 * Takes the lock of session for the rest of the run, so that two runs of
 * one session cannot lose each other's answers.  The lock goes with the
 * process: one left by a killed run is taken over silently.  Returns 0 or
 * an exit status.
 */
static int lock_session(struct run *r, const char *session)
{
	struct buf owner = BUF_INIT, holder = BUF_INIT, err = BUF_INIT;
	char *path;
	int ret = 0;

	if (r->lock.held)
		return 0;
	path = lock_path_for(session);
	describe_holder(&owner);
	switch (file_lock_take(&r->lock, path, owner.data, &holder, &err)) {
	case 0:
		break;
	case 1:
		print_in_use(session, holder.data);
		ret = EXIT_FAILURE_GENERIC;
		break;
	default:
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	free(path);
	buf_release(&owner);
	buf_release(&holder);
	buf_release(&err);
	return ret;
}

static int start_session(struct run *r)
{
	struct buf err = BUF_INIT;
	int ret;

	if (file_make_dir(r->outdir, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	} else if (!(ret = lock_session(r, r->session)) &&
		   answers_save(&r->a, r->session, &err) < 0) {
		error("%s", err.data);
		ret = EXIT_FAILURE_GENERIC;
	}
	buf_release(&err);
	return ret;
}

/* ---- the end of a run --------------------------------------------------- */

/* Prints label and a sanitised path on one line of stdout. */
static void print_clean_line(const char *label, const char *path)
{
	struct buf line = BUF_INIT;

	buf_adds(&line, label);
	term_sanitize(&line, path, 0);
	printf("%s\n", line.data);
	buf_release(&line);
}

/* Says where the answers are and the exact command that continues. */
static void print_resume_hint(const struct run *r, const char *why)
{
	struct buf cmd = BUF_INIT, msg = BUF_INIT;

	cli_add_program(&cmd);
	buf_adds(&cmd, " run --resume ");
	cli_add_shell_word(&cmd, r->session);
	if (r->output) {
		char *sdir = dir_of(r->session);

		if (strcmp(sdir, r->outdir)) {
			buf_adds(&cmd, " -o ");
			cli_add_shell_word(&cmd, r->outdir);
		}
		free(sdir);
	}
	if (r->formats && strcmp(r->formats, DEFAULT_FORMATS)) {
		buf_adds(&cmd, " -f ");
		cli_add_shell_word(&cmd, r->formats);
	}
	if (*why)
		buf_addf(&msg, "%s ", why);
	buf_adds(&msg, "Your answers are saved in '");
	term_sanitize(&msg, r->session, 0);
	buf_adds(&msg, "'.\nTo continue where you stopped, run:\n  ");
	term_sanitize(&msg, cmd.data, 0);
	buf_addc(&msg, '\n');
	fflush(stdout);
	fputs(msg.data, stderr);
	buf_release(&cmd);
	buf_release(&msg);
}

/* The profile and the review of this run, as 'report' options. */
static void add_deliverable_words(struct buf *cmd, const struct run *r)
{
	const struct deliverable_options *o = &r->deliverable_options;

	if (o->no_consultant) {
		buf_adds(cmd, " --no-consultant");
	} else if (o->consultant) {
		buf_adds(cmd, " --consultant ");
		cli_add_shell_word(cmd, o->consultant);
	}
	/* Named, since 'report' looks beside the session, which may not
	 * be where this run found it. */
	if (r->deliverable.has_review) {
		buf_adds(cmd, " --review ");
		cli_add_shell_word(cmd, r->deliverable.review.path);
	} else if (o->no_review) {
		buf_adds(cmd, " --no-review");
	}
}

/*
 * After the reports could not all be written (a full disk): the exact
 * command that writes them from the saved answers.  Some may be written
 * already, so it replaces them; it names the formats of this run, as
 * 'report' would write every format into a directory.
 */
static void print_report_hint(const struct run *r)
{
	struct buf cmd = BUF_INIT, msg = BUF_INIT;

	cli_add_program(&cmd);
	buf_adds(&cmd, " report ");
	cli_add_shell_word(&cmd, r->session);
	buf_adds(&cmd, " -o ");
	cli_add_shell_word(&cmd, r->outdir);
	buf_adds(&cmd, " -f ");
	cli_add_shell_word(&cmd, r->formats);
	buf_adds(&cmd, " --force");
	add_deliverable_words(&cmd, r);
	buf_adds(&msg, "The answers are saved in '");
	term_sanitize(&msg, r->session, 0);
	buf_adds(&msg, "'.\nTo write the reports again, run:\n  ");
	term_sanitize(&msg, cmd.data, 0);
	buf_addc(&msg, '\n');
	fflush(stdout);
	fputs(msg.data, stderr);
	buf_release(&cmd);
	buf_release(&msg);
}

static int write_reports(struct run *r)
{
	struct report_options opts = {
		r->formats, r->outdir, r->force ? FILE_WRITE_FORCE : 0,
		r->color
	};
	struct buf written = BUF_INIT, err = BUF_INIT, line = BUF_INIT;
	struct report_inputs in;
	struct report report;
	int ret = EXIT_OK;
	const char *p;
	size_t len;

	/* Scored once: the reports and the summary say the same. */
	deliverable_inputs(&r->deliverable, &in);
	report_init_with(&report, r->q, &r->a, &in);
	deliverable_print_warnings(&r->deliverable);
	if (report_write(&report, &opts, &written, &err) < 0) {
		error("%s", err.data);
		print_report_hint(r);
		ret = EXIT_FAILURE_GENERIC;
		goto out;
	}
	fputc('\n', stdout);
	report_print_summary(stdout, &report,
			     term_use_color(r->color, STDOUT_FILENO));
	printf("\nReports written:\n");
	term_sanitize(&line, written.data, 1);
	for (p = line.data; *p; p += len + (p[len] == '\n')) {
		len = strcspn(p, "\n");
		printf("  %.*s\n", (int)len, p);
	}
	print_clean_line("Answers: ", r->session);
out:
	report_release(&report);
	buf_release(&written);
	buf_release(&err);
	buf_release(&line);
	return ret;
}

/* Maps how the interview ended to messages and an exit status. */
/*
 * Takes the journal into the session file when the interview stops short
 * of a crash, so that the file holds every answer for whatever reads it
 * next.  Should that fail the journal still holds them, and --resume reads
 * both.
 */
static void fold_journal(struct run *r)
{
	struct buf err = BUF_INIT;

	if (answers_save(&r->a, r->session, &err) < 0)
		warning("%s (every answer is still in the session's journal)",
			err.data);
	buf_release(&err);
}

static int finish_interview(struct run *r, enum interview_end end, int signo,
			    const char *err)
{
	if (end == INTERVIEW_QUIT || end == INTERVIEW_EOF ||
	    end == INTERVIEW_INTERRUPTED || end == INTERVIEW_INVALID)
		fold_journal(r);
	switch (end) {
	case INTERVIEW_DONE:
		return write_reports(r);
	case INTERVIEW_QUIT:
		print_resume_hint(r, "Stopped.");
		return EXIT_OK;
	case INTERVIEW_EOF:
		if (!r->tty) {
			error("the input ended before every question was "
			      "answered");
			print_resume_hint(r, "");
			return EXIT_INVALID_INPUT;
		}
		print_resume_hint(r, "Stopped (end of input).");
		return EXIT_OK;
	case INTERVIEW_INTERRUPTED:
		print_resume_hint(r, "Interrupted.");
		return 128 + signo;
	case INTERVIEW_INVALID:
		error("%s", err);
		print_resume_hint(r, "");
		return EXIT_INVALID_INPUT;
	default:
		error("%s", err);
		return EXIT_FAILURE_GENERIC;
	}
}

static int interview(struct run *r)
{
	struct interview_options opts;
	struct buf err = BUF_INIT;
	enum interview_end end;
	int signo, ret;

	opts.session_path = r->session;
	opts.use_color = term_use_color(r->color, STDOUT_FILENO);
	opts.use_readline = r->tty;
	opts.welcome = 1;
	opts.resumed = r->resume != NULL;
	end = interview_run(r->q, &r->a, &opts, &signo, &err);
	ret = finish_interview(r, end, signo, err.data);
	buf_release(&err);
	return ret;
}

/* Batch: everything was given; record it as reviewed and write. */
static int finish_batch(struct run *r)
{
	struct buf err = BUF_INIT;
	int ret;

	set_now(&r->a.completed_at);
	set_now(&r->a.updated_at);
	if (answers_save(&r->a, r->session, &err) < 0) {
		error("%s", err.data);
		buf_release(&err);
		return EXIT_FAILURE_GENERIC;
	}
	ret = write_reports(r);
	buf_release(&err);
	return ret;
}

static int run(struct run *r)
{
	int batch, ret;

	/* Answers read from standard input leave nobody to ask. */
	r->tty = isatty(STDIN_FILENO) && !r->batch &&
		 !(r->prefill && !strcmp(r->prefill, "-"));
	batch = r->batch || (!r->tty && r->prefill);
	if ((ret = check_formats(r)))
		return ret;
	/* Nobody else may change a session between reading and writing it. */
	if (r->resume && (ret = lock_session(r, r->resume)))
		return ret;
	if ((ret = open_assessment(r)) || (ret = load_answers(r)))
		return ret;
	if (batch && (ret = check_complete(r)))
		return ret;
	if ((ret = choose_outputs(r)))
		return ret;
	/* The profile and the review are checked before the first question,
	 * so that a mistake in them never costs an interview. */
	r->deliverable_options.review_dir = r->outdir;
	if (deliverable_open(&r->deliverable, &r->deliverable_options,
			     r->q) < 0)
		return EXIT_INVALID_INPUT;
	if ((ret = start_session(r)))
		return ret;
	return batch ? finish_batch(r) : interview(r);
}

int cmd_run(int argc, char **argv)
{
	struct run r;
	int ret;

	memset(&r, 0, sizeof(r));
	r.color = COLOR_AUTO;
	r.formats = DEFAULT_FORMATS;
	ret = parse_args(&r, argc, argv);
	if (ret < 0)
		return print_usage();
	if (ret)
		return ret;
	ret = run(&r);
	deliverable_release(&r.deliverable);
	if (r.have_answers)
		answers_release(&r.a);
	questionnaire_free(r.q);
	file_lock_release(&r.lock);
	free(r.outdir);
	free(r.session);
	return ret;
}
