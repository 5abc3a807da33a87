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
#include "strmap.h"
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

/*
 * The user's own questionnaires: $XDG_DATA_HOME/cto-assess/questionnaires,
 * $XDG_DATA_HOME being ~/.local/share when unset or not absolute (the XDG
 * Base Directory specification).  NULL without a home.
 */
static char *user_dir(void)
{
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct buf dir = BUF_INIT;

	if (data && data[0] == '/')
		buf_adds(&dir, data);
	else if (home && *home)
		buf_addf(&dir, "%s/.local/share", home);
	else
		return NULL;
	buf_adds(&dir, "/cto-assess/questionnaires");
	return buf_detach(&dir, NULL);
}

const char *const *questionnaire_search_dirs(void)
{
	static const char *dirs[5];
	static int done;
	size_t n = 0;
	const char *env;

	if (done)
		return dirs;
	env = getenv("CTO_ASSESS_QUESTIONNAIRES");
	if (env && *env)
		dirs[n++] = env;
	/* Deliberately kept for the life of the process. */
	if ((dirs[n] = user_dir()))
		n++;
	if ((dirs[n] = checkout_dir()))
		n++;
	dirs[n++] = CTO_ASSESS_DATADIR "/questionnaires";
	dirs[n] = NULL;
	done = 1;
	return dirs;
}

void questionnaire_list_names(struct buf *out)
{
	const char *const *dirs = questionnaire_search_dirs();
	struct diag_list diags = DIAG_LIST_INIT;
	struct strmap seen = STRMAP_INIT; /* keys point into names */
	char **roots, **names = NULL;
	size_t i, j, n = 0, alloc = 0;

	for (i = 0; dirs[i]; i++) {
		if (!file_is_dir(dirs[i]) ||
		    questionnaire_find_roots(dirs[i], &roots, NULL, &diags) < 0)
			continue;
		for (j = 0; roots[j]; j++) {
			const char *base = strrchr(roots[j], '/');
			char *name = xstrdup(base ? base + 1 : roots[j]);

			name[strcspn(name, ".")] = '\0';
			GROW(names, alloc, n + 1);
			names[n++] = name;
			/* The first of a name is the one -q NAME finds. */
			if (id_is_valid(name) && !strmap_get(&seen, name)) {
				strmap_put(&seen, name, name);
				buf_addf(out, "%s\t%s\n", name, roots[j]);
			}
			free(roots[j]);
		}
		free(roots);
	}
	strmap_release(&seen);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	diag_list_release(&diags);
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

/* ---- the questionnaire cache ---------------------------------------- */

void questionnaire_cache_release(struct questionnaire_cache *cache)
{
	size_t i;

	for (i = 0; i < cache->count; i++) {
		questionnaire_free(cache->items[i]);
		free(cache->keys[i]);
	}
	free(cache->items);
	free(cache->keys);
	strmap_release(&cache->index);
	memset(cache, 0, sizeof(*cache));
}

/* The questionnaire at path, from the cache or loaded into it. */
static struct questionnaire *cached_load(struct questionnaire_cache *cache,
					 const char *path,
					 struct diag_list *diags)
{
	char *key = realpath(path, NULL);
	struct questionnaire *q;

	if (!key)
		key = xstrdup(path);
	q = strmap_get(&cache->index, key);
	if (q) {
		free(key);
		return q;
	}
	q = questionnaire_load(path, diags);
	if (!q) {
		free(key);
		return NULL;
	}
	GROW(cache->items, cache->alloc, cache->count + 1);
	/* keys grows with items: allocate it to the same size. */
	cache->keys = xreallocarray(cache->keys, cache->alloc,
				    sizeof(*cache->keys));
	cache->items[cache->count] = q;
	cache->keys[cache->count++] = key;
	strmap_put(&cache->index, key, q);
	return q;
}

/*
 * Loads the questionnaire for f (or for new answers when f is NULL),
 * through cache when there is one.  Its diagnostics are printed only when
 * it cannot be loaded: its warnings are for its author, who sees them with
 * validate, not for whoever answers it.
 */
static int load_questionnaire(struct assessment *as,
			      const struct answers_file *f, const char *qarg,
			      enum assessment_lookup lookup,
			      struct questionnaire_cache *cache)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf err = BUF_INIT;
	char *path;

	if (qarg || !f || lookup == ASSESSMENT_DEFAULT)
		path = questionnaire_resolve(qarg, &err);
	else
		path = named_questionnaire(f, &err);
	if (path && cache) {
		as->questionnaire = cached_load(cache, path, &diags);
		as->borrowed = 1;
	} else if (path) {
		as->questionnaire = questionnaire_load(path, &diags);
	}
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
	return assessment_open_cached(as, path, qarg, lookup, NULL);
}

int assessment_open_cached(struct assessment *as, const char *path,
			   const char *qarg, enum assessment_lookup lookup,
			   struct questionnaire_cache *cache)
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
	if (load_questionnaire(as, path ? &f : NULL, qarg, lookup, cache) < 0)
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
	if (!as->borrowed)
		questionnaire_free(as->questionnaire);
	memset(as, 0, sizeof(*as));
}

/* The last component of path[0..stop) starts at the returned offset. */
static size_t component_start(const char *path, size_t stop)
{
	while (stop > 0 && path[stop - 1] != '/')
		stop--;
	return stop;
}

/* Where path[0..stop) ends without its trailing slashes. */
static size_t strip_slashes(const char *path, size_t stop)
{
	while (stop > 1 && path[stop - 1] == '/')
		stop--;
	return stop;
}

char *assessment_file_name(const char *path)
{
	size_t stop = strip_slashes(path, strlen(path));
	size_t start = component_start(path, stop), dir_stop, dir_start;
	char *name = xstrndup(path + start, stop - start);
	char *dot = strrchr(name, '.');

	if (dot && dot != name)
		*dot = '\0';
	if (strcmp(name, "answers") || start == 0)
		return name;
	/* run's answers.json: its directory names the assessment. */
	dir_stop = strip_slashes(path, start - 1);
	dir_start = component_start(path, dir_stop);
	if (dir_stop > dir_start && strncmp(path + dir_start, ".",
					    dir_stop - dir_start) &&
	    strncmp(path + dir_start, "..", dir_stop - dir_start)) {
		free(name);
		name = xstrndup(path + dir_start, dir_stop - dir_start);
	}
	return name;
}
