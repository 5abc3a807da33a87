/*
 * import.c - what the importers share: the questionnaire they describe, its
 * rendering as YAML files through libyaml's emitter, writing the directory,
 * and reading positioned source trees with diagnostics.
 */
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "import.h"
#include "util.h"
#include "yamlout.h"

/* ---- building the questionnaire ---------------------------------------- */

#define ADD(items, count, alloc) \
	(GROW(items, alloc, (count) + 1), \
	 memset(&(items)[count], 0, sizeof(*(items))), &(items)[(count)++])

struct import_area *import_area_add(struct import_questionnaire *q)
{
	struct import_area *a = ADD(q->areas, q->nareas, q->areas_alloc);

	a->weight = 1;
	return a;
}

struct import_question *import_question_add(struct import_area *a)
{
	return ADD(a->questions, a->nquestions, a->questions_alloc);
}

struct import_choice *import_choice_add(struct import_question *q)
{
	return ADD(q->choices, q->nchoices, q->choices_alloc);
}

struct import_rule *import_rule_add(struct import_question *q)
{
	return ADD(q->rules, q->nrules, q->rules_alloc);
}

struct import_level *import_level_add(struct import_questionnaire *q)
{
	return ADD(q->levels, q->nlevels, q->levels_alloc);
}

void import_reference_add(struct import_reference **refs, size_t *count,
			  size_t *alloc, const char *title, const char *url)
{
	struct import_reference *r;
	size_t i;

	for (i = 0; i < *count; i++)
		if (!strcmp((*refs)[i].url, url))
			return;
	GROW(*refs, *alloc, *count + 1);
	r = &(*refs)[(*count)++];
	r->title = xstrdup(title);
	r->url = xstrdup(url);
}

static void refs_release(struct import_reference *refs, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(refs[i].title);
		free(refs[i].url);
	}
	free(refs);
}

static void question_release(struct import_question *q)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++) {
		free(q->choices[i].id);
		free(q->choices[i].label);
		free(q->choices[i].advice);
		refs_release(q->choices[i].refs, q->choices[i].nrefs);
	}
	for (i = 0; i < q->nrules; i++)
		free(q->rules[i].when);
	free(q->choices);
	free(q->rules);
	refs_release(q->refs, q->nrefs);
	free(q->id);
	free(q->text);
	free(q->help);
	free(q->advice);
}

void import_questionnaire_release(struct import_questionnaire *q)
{
	size_t i, j;

	for (i = 0; i < q->nareas; i++) {
		struct import_area *a = &q->areas[i];

		for (j = 0; j < a->nquestions; j++)
			question_release(&a->questions[j]);
		free(a->questions);
		free(a->id);
		free(a->title);
		free(a->description);
		free(a->file);
	}
	for (i = 0; i < q->nlevels; i++) {
		free(q->levels[i].id);
		free(q->levels[i].name);
		free(q->levels[i].description);
	}
	free(q->areas);
	free(q->levels);
	free(q->id);
	free(q->title);
	free(q->version);
	free(q->description);
	free(q->author);
	free(q->source);
	free(q->source_path);
	free(q->licence);
	memset(q, 0, sizeof(*q));
}

/* ---- rendering ------------------------------------------------------------ */

/*
 * Appends text as '#' comment lines of at most about 76 columns: words are
 * kept whole, control characters become '?'.
 */
static void add_comment(struct buf *out, const char *text)
{
	size_t col = 0;
	const char *s = text;

	while (*s) {
		size_t word = strcspn(s, " ");

		if (col && col + 1 + word > 76) {
			buf_addc(out, '\n');
			col = 0;
		}
		buf_adds(out, col ? " " : "# ");
		for (col += col ? 1 : 2; word--; s++, col++)
			buf_addc(out, (unsigned char)*s < 0x20 || *s == 0x7f ?
					      '?' : *s);
		s += strspn(s, " ");
	}
	buf_addc(out, '\n');
}

/*
 * The header comment.  libyaml's emitter has no comment events, so this is
 * the one piece of YAML written by hand: '#' lines before the document,
 * holding nothing but sanitised text.
 */
static void add_header(struct buf *out, const struct import_questionnaire *q,
		       const char *what)
{
	struct buf text = BUF_INIT;

	buf_addf(&text, "%s, imported by 'cto-assess import' from %s (%s), "
		 "version %s.", what, q->source, q->source_path, q->version);
	add_comment(out, text.data);
	buf_reset(&text);
	buf_addf(&text, "Licence of the source: %s.", q->licence);
	add_comment(out, text.data);
	add_comment(out, "Edit it like any questionnaire, then check it with "
		    "'cto-assess validate --strict'.");
	buf_release(&text);
}

static void render_refs(struct yamlout *y, const struct import_reference *refs,
			size_t count)
{
	size_t i;

	if (!count)
		return;
	yamlout_key(y, "references");
	yamlout_seq_start(y);
	for (i = 0; i < count; i++) {
		yamlout_map_start(y);
		yamlout_pair_text(y, "title", refs[i].title);
		yamlout_pair_text(y, "url", refs[i].url);
		yamlout_map_end(y);
	}
	yamlout_seq_end(y);
}

static void render_choice(struct yamlout *y, const struct import_choice *c)
{
	yamlout_map_start(y);
	yamlout_pair_text(y, "id", c->id);
	yamlout_pair_text(y, "label", c->label);
	if (c->has_score)
		yamlout_pair_number(y, "score", c->score);
	if (c->risk)
		yamlout_pair_text(y, "risk", c->risk);
	if (c->exclusive)
		yamlout_pair_bool(y, "exclusive", 1);
	if (c->advice)
		yamlout_pair_text(y, "advice", c->advice);
	render_refs(y, c->refs, c->nrefs);
	yamlout_map_end(y);
}

static void render_rules(struct yamlout *y, const struct import_question *q)
{
	size_t i;

	if (!q->nrules)
		return;
	yamlout_key(y, "rules");
	yamlout_seq_start(y);
	for (i = 0; i < q->nrules; i++) {
		yamlout_map_start(y);
		yamlout_pair_text(y, "when", q->rules[i].when);
		yamlout_pair_text(y, "risk", q->rules[i].risk);
		yamlout_pair_number(y, "score", q->rules[i].score);
		yamlout_map_end(y);
	}
	yamlout_seq_end(y);
}

static void render_question(struct yamlout *y, const struct import_question *q)
{
	size_t i;

	yamlout_map_start(y);
	yamlout_pair_text(y, "id", q->id);
	yamlout_pair_text(y, "text", q->text);
	yamlout_pair_text(y, "type", q->type);
	if (q->help)
		yamlout_pair_text(y, "help", q->help);
	if (q->advice)
		yamlout_pair_text(y, "advice", q->advice);
	render_refs(y, q->refs, q->nrefs);
	yamlout_key(y, "choices");
	yamlout_seq_start(y);
	for (i = 0; i < q->nchoices; i++)
		render_choice(y, &q->choices[i]);
	yamlout_seq_end(y);
	render_rules(y, q);
	yamlout_map_end(y);
}

static void render_area(struct yamlout *y, const struct import_area *a)
{
	size_t i;

	yamlout_map_start(y);
	yamlout_pair_text(y, "id", a->id);
	yamlout_pair_text(y, "title", a->title);
	if (a->description)
		yamlout_pair_text(y, "description", a->description);
	yamlout_pair_number(y, "weight", a->weight);
	yamlout_key(y, "questions");
	yamlout_seq_start(y);
	for (i = 0; i < a->nquestions; i++)
		render_question(y, &a->questions[i]);
	yamlout_seq_end(y);
	yamlout_map_end(y);
}

static struct import_file *file_add(struct import_files *files,
				    const char *path)
{
	struct import_file *f = ADD(files->items, files->count, files->alloc);

	f->path = xstrdup(path);
	buf_init(&f->data);
	return f;
}

/* The file of areas holding every area whose file is area->file. */
static int render_area_file(const struct import_questionnaire *q,
			    const char *file, struct import_files *files,
			    struct buf *err)
{
	struct import_file *f = file_add(files, file);
	struct yamlout y;
	struct buf what = BUF_INIT;
	size_t i;
	int ret;

	buf_addf(&what, "Areas of the questionnaire '%s'", q->id);
	add_header(&f->data, q, what.data);
	buf_release(&what);
	yamlout_init(&y, &f->data);
	yamlout_map_start(&y);
	yamlout_key(&y, "areas");
	yamlout_seq_start(&y);
	for (i = 0; i < q->nareas; i++)
		if (!strcmp(q->areas[i].file, file))
			render_area(&y, &q->areas[i]);
	yamlout_seq_end(&y);
	yamlout_map_end(&y);
	ret = yamlout_finish(&y, err);
	return ret;
}

static void render_levels(struct yamlout *y, const struct import_questionnaire *q)
{
	size_t i;

	if (!q->nlevels)
		return;
	yamlout_key(y, "levels");
	yamlout_seq_start(y);
	for (i = 0; i < q->nlevels; i++) {
		yamlout_map_start(y);
		yamlout_pair_text(y, "id", q->levels[i].id);
		yamlout_pair_text(y, "name", q->levels[i].name);
		yamlout_pair_number(y, "min", q->levels[i].min);
		if (q->levels[i].description)
			yamlout_pair_text(y, "description",
					  q->levels[i].description);
		yamlout_map_end(y);
	}
	yamlout_seq_end(y);
}

/* Whether an earlier area than index i is written to the same file. */
static int file_seen(const struct import_questionnaire *q, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (!strcmp(q->areas[j].file, q->areas[i].file))
			return 1;
	return 0;
}

static int render_root(const struct import_questionnaire *q,
		       struct import_files *files, struct buf *err)
{
	struct buf name = BUF_INIT;
	struct import_file *f;
	struct yamlout y;
	size_t i;

	buf_addf(&name, "%s.yaml", q->id);
	f = file_add(files, name.data);
	buf_release(&name);
	add_header(&f->data, q, "A questionnaire for cto-assess");
	yamlout_init(&y, &f->data);
	yamlout_map_start(&y);
	yamlout_pair_text(&y, "id", q->id);
	yamlout_pair_text(&y, "title", q->title);
	yamlout_pair_text(&y, "version", q->version);
	if (q->description)
		yamlout_pair_text(&y, "description", q->description);
	if (q->author)
		yamlout_pair_text(&y, "author", q->author);
	render_levels(&y, q);
	yamlout_key(&y, "include");
	yamlout_seq_start(&y);
	for (i = 0; i < q->nareas; i++)
		if (!file_seen(q, i))
			yamlout_text(&y, q->areas[i].file);
	yamlout_seq_end(&y);
	yamlout_map_end(&y);
	return yamlout_finish(&y, err);
}

int import_render(const struct import_questionnaire *q,
		  struct import_files *files, struct buf *err)
{
	size_t i;

	if (render_root(q, files, err) < 0)
		return -1;
	for (i = 0; i < q->nareas; i++)
		if (!file_seen(q, i) &&
		    render_area_file(q, q->areas[i].file, files, err) < 0)
			return -1;
	return 0;
}

void import_files_release(struct import_files *files)
{
	size_t i;

	for (i = 0; i < files->count; i++) {
		free(files->items[i].path);
		buf_release(&files->items[i].data);
	}
	free(files->items);
	memset(files, 0, sizeof(*files));
}

/* ---- writing the directory ---------------------------------------------- */

/* Creates the directories between dir and the file rel names. */
static int make_parents(const char *dir, const char *rel, struct buf *err)
{
	struct buf path = BUF_INIT;
	const char *slash;
	int ret = 0;

	for (slash = strchr(rel, '/'); slash; slash = strchr(slash + 1, '/')) {
		buf_reset(&path);
		buf_addf(&path, "%s/%.*s", dir, (int)(slash - rel), rel);
		if (file_make_dir(path.data, err) < 0) {
			ret = -1;
			break;
		}
	}
	buf_release(&path);
	return ret;
}

static int write_one(const char *dir, const struct import_file *f,
		     unsigned flags, struct buf *err)
{
	struct buf path = BUF_INIT;
	int ret;

	buf_addf(&path, "%s/%s", dir, f->path);
	ret = make_parents(dir, f->path, err);
	if (ret == 0)
		ret = file_write_atomic(path.data, f->data.data, f->data.len,
					flags, err);
	buf_release(&path);
	return ret;
}

/* Removes what write_new_dir() put in a temporary directory. */
static void remove_partial(const char *dir, const struct import_files *files)
{
	struct buf path = BUF_INIT;
	size_t i;

	for (i = files->count; i-- > 0;) {
		char *slash;

		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, files->items[i].path);
		unlink(path.data);
		/* Its directories, deepest first; rmdir fails on non-empty. */
		while ((slash = strrchr(path.data, '/')) &&
		       (size_t)(slash - path.data) > strlen(dir)) {
			buf_truncate(&path, (size_t)(slash - path.data));
			rmdir(path.data);
		}
	}
	rmdir(dir);
	buf_release(&path);
}

/* Flushes the directory holding path, so that a rename into it lasts. */
static void sync_dir_of(const char *path)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/');
	int fd;

	if (!slash)
		strcpy(copy, ".");
	else if (slash == copy)
		copy[1] = '\0';
	else
		*slash = '\0';
	fd = open(copy, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(copy);
}

/* The process's umask (read by setting it, then set back). */
static mode_t current_umask(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return mask;
}

/* A new directory, complete or not at all: built beside it, renamed. */
static int write_new_dir(const struct import_files *files, const char *outdir,
			 struct buf *err)
{
	struct buf tmp = BUF_INIT;
	size_t i;
	int ret = -1;

	buf_addf(&tmp, "%s.tmpXXXXXX", outdir);
	if (!mkdtemp(tmp.data)) {
		buf_addf(err, "cannot create a directory beside '%s': %s",
			 outdir, strerror(errno));
		buf_release(&tmp);
		return -1;
	}
	/* mkdtemp() makes it 0700; a questionnaire is not private. */
	if (chmod(tmp.data, 0777 & ~current_umask()) < 0) {
		buf_addf(err, "cannot set the mode of '%s': %s", tmp.data,
			 strerror(errno));
		goto out;
	}
	for (i = 0; i < files->count; i++)
		if (write_one(tmp.data, &files->items[i], FILE_WRITE_SHARED,
			      err) < 0)
			goto out;
	if (rename(tmp.data, outdir) < 0) {
		buf_addf(err, "cannot rename to '%s': %s", outdir,
			 strerror(errno));
		goto out;
	}
	sync_dir_of(outdir);
	ret = 0;
out:
	if (ret < 0)
		remove_partial(tmp.data, files);
	buf_release(&tmp);
	return ret;
}

int import_write(const struct import_files *files, const char *outdir,
		 int force, struct buf *err)
{
	struct buf dir = BUF_INIT, path = BUF_INIT;
	size_t i;
	int ret = -1;

	buf_adds(&dir, outdir);
	while (dir.len > 1 && dir.data[dir.len - 1] == '/')
		buf_truncate(&dir, dir.len - 1);
	if (!file_exists(dir.data)) {
		ret = write_new_dir(files, dir.data, err);
		goto out;
	}
	if (!file_is_dir(dir.data)) {
		buf_addf(err, "'%s' exists and is not a directory", outdir);
		goto out;
	}
	/* Refuse before writing anything, not half-way through. */
	for (i = 0; i < files->count && !force; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir.data, files->items[i].path);
		if (file_exists(path.data)) {
			buf_addf(err, "refusing to overwrite '%s' (use --force)",
				 path.data);
			goto out;
		}
	}
	for (i = 0; i < files->count; i++)
		if (write_one(dir.data, &files->items[i], FILE_WRITE_SHARED |
			      (force ? FILE_WRITE_FORCE : 0), err) < 0)
			goto out;
	ret = 0;
out:
	buf_release(&dir);
	buf_release(&path);
	return ret;
}

/* ---- reading the source ----------------------------------------------------- */

void import_check_keys(struct import_ctx *c, const struct ynode *map,
		       const char *const *known, size_t nknown,
		       const char *what)
{
	size_t i, j;

	tree_check_open_keys(&c->tc, map, what);
	for (i = 0; c->strict && i + 1 < map->count; i += 2) {
		const struct ynode *k = map->items[i];
		struct buf msg = BUF_INIT;

		if (k->kind != YNODE_SCALAR)
			continue;
		for (j = 0; j < nknown; j++)
			if (!strcmp(k->text, known[j]))
				break;
		if (j < nknown)
			continue;
		buf_addf(&msg, "ignoring unknown key '%s' in %s", k->text,
			 what);
		buf_add_hint(&msg, k->text, known, nknown);
		tree_report(&c->tc, DIAG_NOTE, k, "%s", msg.data);
		buf_release(&msg);
	}
}

const struct ynode *import_get(const struct ynode *map, const char *key)
{
	const struct ynode *n = ynode_get(map, key);

	return ynode_value_type(n) == YVALUE_NULL ? NULL : n;
}

static void missing(struct import_ctx *c, const struct ynode *map,
		    const char *key, const char *what)
{
	tree_error(&c->tc, map, "%s is missing required key '%s'", what, key);
}

const char *import_text(struct import_ctx *c, const struct ynode *map,
			const char *key, const char *what, int required)
{
	const struct ynode *n = import_get(map, key);

	if (!n) {
		if (required)
			missing(c, map, key, what);
		return NULL;
	}
	if (n->kind != YNODE_SCALAR ||
	    (c->json && n->style != YSTYLE_QUOTED)) {
		if (n->kind == YNODE_SCALAR)
			tree_error(&c->tc, n, "'%s' of %s must be %s, not "
				   "'%s'", key, what,
				   c->json ? "a string" : "text", n->text);
		else
			tree_error(&c->tc, n, "'%s' of %s must be %s, not %s",
				   key, what, c->json ? "a string" : "text",
				   ynode_kind_name(n));
		return NULL;
	}
	if (!*n->text && !n->len && !required)
		return NULL;
	if (!*n->text) {
		tree_error(&c->tc, n, "'%s' of %s must not be empty", key,
			   what);
		return NULL;
	}
	if (!ynode_is_string(n)) {
		tree_error(&c->tc, n, "'%s' of %s contains a NUL character",
			   key, what);
		return NULL;
	}
	return n->text;
}

int import_number(struct import_ctx *c, const struct ynode *map,
		  const char *key, const char *what, int required,
		  double *out)
{
	if (!import_get(map, key)) {
		if (required)
			missing(c, map, key, what);
		return 1;
	}
	return tree_get_number(&c->tc, map, key, -HUGE_VAL, HUGE_VAL, out);
}

const struct ynode *import_list(struct import_ctx *c, const struct ynode *map,
				const char *key, const char *what,
				int required)
{
	const struct ynode *n = import_get(map, key);

	if (!n) {
		if (required)
			missing(c, map, key, what);
		return NULL;
	}
	if (n->kind != YNODE_SEQUENCE) {
		if (n->kind == YNODE_SCALAR)
			tree_error(&c->tc, n, "'%s' of %s must be a list, not "
				   "'%s'", key, what, n->text);
		else
			tree_error(&c->tc, n, "'%s' of %s must be a list, not "
				   "%s", key, what, ynode_kind_name(n));
		return NULL;
	}
	return n;
}

char *import_slug(const char *text)
{
	struct buf id = BUF_INIT;
	const char *s;

	for (s = text; *s; s++) {
		char ch = *s;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ((ch == '_' || ch == '.') && id.len))
			buf_addc(&id, ch);
		else if (id.len && id.data[id.len - 1] != '-')
			buf_addc(&id, '-');
	}
	if (id.len > 64) {
		size_t cut = 64;

		/* At a word boundary when there is one not too far back. */
		while (cut > 16 && id.data[cut] != '-')
			cut--;
		buf_truncate(&id, cut > 16 ? cut : 64);
	}
	while (id.len && strchr("-_.", id.data[id.len - 1]))
		buf_truncate(&id, id.len - 1);
	if (!id.len) {
		buf_release(&id);
		return NULL;
	}
	return buf_detach(&id, NULL);
}
