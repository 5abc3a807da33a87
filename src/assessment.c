/*
 * assessment.c - opening an assessment for a command: finding the
 * questionnaire, loading it and the answers, scoring them once.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assessment.h"
#include "diag.h"
#include "fileio.h"
#include "loader.h"
#include "util.h"

#include "config.h" /* CTO_ASSESS_DATADIR, written by the Makefile */

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

/* The directories searched for questionnaires, in order (static storage). */
static const char *const *questionnaire_search_dirs(void)
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

/* Prints what a failed step left: diagnostics in order, then a message. */
static void print_problems(struct diag_list *diags, const struct buf *err)
{
	diag_sort(diags);
	diag_print(diags, stderr);
	if (err->len)
		error("%s", err->data);
}

struct questionnaire *assessment_load_questionnaire(const char *qarg)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q = NULL;
	struct buf err = BUF_INIT;
	char *path = questionnaire_resolve(qarg, &err);

	if (path)
		q = questionnaire_load(path, &diags);
	print_problems(&diags, &err);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
	return q;
}

/* A path recorded relative to the answers file, as found from here. */
static char *beside(const char *answers, const char *path)
{
	const char *slash = strrchr(answers, '/');
	struct buf p = BUF_INIT;

	if (path[0] == '/' || !slash)
		return xstrdup(path);
	buf_add(&p, answers, (size_t)(slash - answers + 1));
	buf_adds(&p, path);
	return buf_detach(&p, NULL);
}

/*
 * The questionnaire an open answers file names: the path it records, as
 * written or relative to the file, else its id looked up.  Returns a newly
 * allocated path, or NULL with a message in err.
 */
static char *named_questionnaire(const struct answers_file *f,
				 struct buf *err)
{
	const char *path = f->questionnaire_path;
	char *near;

	if (path && file_exists(path))
		return xstrdup(path);
	if (path) {
		near = beside(f->path, path);
		if (file_exists(near))
			return near;
		free(near);
	}
	if (f->questionnaire_id)
		return questionnaire_resolve(f->questionnaire_id, err);
	buf_addf(err, "'%s' does not say which questionnaire it answers "
		 "(give it with -q)", f->path);
	return NULL;
}

/*
 * Loads the questionnaire for f (or for new answers when f is NULL).  Its
 * diagnostics are printed only when it cannot be loaded: its warnings are
 * for its author, who sees them with validate, not for whoever answers it.
 */
static int load_questionnaire(struct assessment *as,
			      const struct answers_file *f, const char *qarg,
			      enum assessment_lookup lookup)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	char *path;

	if (qarg || !f || lookup == ASSESSMENT_DEFAULT)
		path = questionnaire_resolve(qarg, &err);
	else
		path = named_questionnaire(f, &err);
	if (path)
		as->questionnaire = questionnaire_load(path, &diags);
	if (!as->questionnaire)
		print_problems(&diags, &err);
	diag_list_release(&diags);
	buf_release(&err);
	free(path);
	return as->questionnaire ? 0 : -1;
}

int assessment_open(struct assessment *as, const char *path, const char *qarg,
		    enum assessment_lookup lookup)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers_file f;
	struct buf none = BUF_INIT;
	int ret = -1;

	memset(as, 0, sizeof(*as));
	if (path && answers_file_open(&f, path, &diags) < 0) {
		as->invalid_answers = 1;
		goto out;
	}
	if (load_questionnaire(as, path ? &f : NULL, qarg, lookup) < 0)
		goto out;
	if (!path) {
		answers_init(&as->answers, as->questionnaire);
	} else if (answers_file_load(&f, &as->answers, as->questionnaire,
				     &diags) < 0) {
		as->invalid_answers = 1;
		goto out;
	}
	as->has_answers = 1;
	ret = 0;
out:
	/* Warnings too: an answer kept aside as an orphan is worth a word. */
	print_problems(&diags, &none);
	if (path)
		answers_file_release(&f);
	diag_list_release(&diags);
	return ret;
}

void assessment_score(struct assessment *as)
{
	assessment_score_with(as, NULL);
}

void assessment_score_with(struct assessment *as,
			   const struct report_inputs *in)
{
	if (as->scored || !as->has_answers)
		return;
	report_init_with(&as->report, as->questionnaire, &as->answers, in);
	as->scored = 1;
}

void assessment_release(struct assessment *as)
{
	if (as->scored)
		report_release(&as->report);
	if (as->has_answers)
		answers_release(&as->answers);
	questionnaire_free(as->questionnaire);
	memset(as, 0, sizeof(*as));
}
