/*
 * report.c - writing the readiness report in every requested format, to a
 * directory, a file or standard output.
 */
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "render.h"
#include "report.h"
#include "term.h"
#include "util.h"

/* How the text summary looks in a file or on standard output. */
struct text_target {
	int use_color;
	int unicode;
	size_t width;
};

struct report_format {
	const char *name;
	const char *file;   /* its name in an output directory */
	void (*render)(struct buf *out, const struct report *r,
		       const struct text_target *text);
};

static void write_md(struct buf *out, const struct report *r,
		     const struct text_target *text)
{
	(void)text;
	render_markdown(out, r);
}

static void write_json(struct buf *out, const struct report *r,
		       const struct text_target *text)
{
	(void)text;
	render_json(out, r);
}

static void write_html(struct buf *out, const struct report *r,
		       const struct text_target *text)
{
	(void)text;
	render_html(out, r);
}

static void write_csv(struct buf *out, const struct report *r,
		      const struct text_target *text)
{
	(void)text;
	render_csv(out, r);
}

static void write_text(struct buf *out, const struct report *r,
		       const struct text_target *text)
{
	struct render_text_options o = {
		text->use_color, text->unicode, text->width
	};

	render_text(out, r, &o);
}

/* In the order files are written and listed. */
static const struct report_format formats[] = {
	{ "md", "report.md", write_md },
	{ "json", "report.json", write_json },
	{ "html", "report.html", write_html },
	{ "csv", "action-plan.csv", write_csv },
	{ "text", "summary.txt", write_text },
};

static const char report_format_names[] = "md, json, html, csv, text";

/* Adds one format name to *mask; "all" adds every format. */
static int add_format(const char *name, size_t len, unsigned *mask,
		      struct buf *err)
{
	const char *names[ARRAY_SIZE(formats)];
	char *word = xstrndup(name, len);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		names[i] = formats[i].name;
		if (!strcmp(word, formats[i].name) ||
		    (i == 0 && !strcmp(word, "markdown"))) {
			*mask |= 1u << i;
			free(word);
			return 0;
		}
	}
	if (!strcmp(word, "all")) {
		*mask |= (1u << ARRAY_SIZE(formats)) - 1;
		free(word);
		return 0;
	}
	buf_addf(err, "unknown format '%s' (expected %s)", word,
		 report_format_names);
	buf_add_hint(err, word, names, ARRAY_SIZE(names));
	free(word);
	return -1;
}

int report_parse_formats(const char *list, unsigned *mask, struct buf *err)
{
	const char *p = list, *end;

	*mask = 0;
	for (;;) {
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		if (end > p && add_format(p, (size_t)(end - p), mask, err) < 0)
			return -1;
		if (!*end)
			break;
		p = end + 1;
	}
	if (!*mask) {
		buf_addf(err, "no format given (expected %s)",
			 report_format_names);
		return -1;
	}
	return 0;
}

static size_t count_formats(unsigned mask)
{
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		n += !!(mask & (1u << i));
	return n;
}

/* Whether the locale can show the block characters of the bars. */
static int locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return codeset && !strcmp(codeset, "UTF-8");
}

/* The path of format f for opts: in the directory, or the file itself. */
static void target_path(struct buf *path, const struct report_options *opts,
			int to_dir, const struct report_format *f)
{
	buf_reset(path);
	if (!to_dir) {
		buf_adds(path, opts->output);
		return;
	}
	buf_adds(path, opts->output);
	if (path->len && path->data[path->len - 1] != '/')
		buf_addc(path, '/');
	buf_adds(path, f->file);
}

/* Whether path is an existing regular file (what an overwrite replaces). */
static int is_regular_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * Refuses before writing anything when one of the targets exists, so that a
 * refused overwrite never leaves half a set of reports.  Special files such
 * as /dev/full are written in place by file_write_atomic and not refused.
 */
static int check_targets(const struct report_options *opts, unsigned mask,
			 int to_dir, struct buf *err)
{
	struct buf path = BUF_INIT;
	size_t i;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(formats) && !ret; i++) {
		if (!(mask & (1u << i)))
			continue;
		target_path(&path, opts, to_dir, &formats[i]);
		if (file_is_dir(path.data)) {
			buf_addf(err, "'%s' is a directory", path.data);
			ret = -1;
		} else if (!(opts->flags & FILE_WRITE_FORCE) &&
			   is_regular_file(path.data)) {
			buf_addf(err, "refusing to overwrite '%s' (use --force)",
				 path.data);
			ret = -1;
		}
	}
	buf_release(&path);
	return ret;
}

/* Whether the output names a directory (existing, "dir/", or needed). */
static int output_is_dir(const char *output, size_t nformats)
{
	size_t len = strlen(output);

	return file_is_dir(output) || (len && output[len - 1] == '/') ||
	       nformats > 1;
}

static int write_formats(const struct report *r,
			 const struct report_options *opts, unsigned mask,
			 int to_dir, struct buf *written, struct buf *err)
{
	struct text_target text = { 0, 1, 80 };
	struct buf data = BUF_INIT, path = BUF_INIT;
	size_t i;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(formats) && !ret; i++) {
		if (!(mask & (1u << i)))
			continue;
		buf_reset(&data);
		formats[i].render(&data, r, &text);
		target_path(&path, opts, to_dir, &formats[i]);
		ret = file_write_atomic(path.data, data.data, data.len,
					opts->flags, err);
		if (!ret && written)
			buf_addf(written, "%s\n", path.data);
	}
	buf_release(&data);
	buf_release(&path);
	return ret;
}

static void write_to_stdout(const struct report *r,
			    const struct report_options *opts, unsigned mask)
{
	struct text_target text;
	struct buf data = BUF_INIT;
	size_t i;

	text.use_color = term_use_color(opts->color, STDOUT_FILENO);
	text.unicode = locale_is_utf8();
	text.width = isatty(STDOUT_FILENO) ? term_width(STDOUT_FILENO) : 80;
	for (i = 0; !(mask & (1u << i)); i++)
		;
	formats[i].render(&data, r, &text);
	/* main() checks standard output once every command is done. */
	fwrite(data.data, 1, data.len, stdout);
	buf_release(&data);
}

int report_write(const struct questionnaire *q, const struct answers *a,
		 const struct report_options *opts, struct buf *written,
		 struct buf *err)
{
	struct report r;
	unsigned mask;
	size_t n;
	int to_dir, ret = -1;

	if (report_parse_formats(opts->formats ? opts->formats : "md",
				 &mask, err) < 0)
		return -1;
	n = count_formats(mask);
	if (!opts->output || !strcmp(opts->output, "-")) {
		if (n > 1) {
			buf_addf(err, "cannot write %zu formats to standard "
				 "output (give a directory with -o)", n);
			return -1;
		}
		report_init(&r, q, a);
		write_to_stdout(&r, opts, mask);
		report_release(&r);
		return 0;
	}
	to_dir = output_is_dir(opts->output, n);
	if (to_dir && file_make_dir(opts->output, err) < 0)
		return -1;
	if (check_targets(opts, mask, to_dir, err) < 0)
		return -1;
	report_init(&r, q, a);
	ret = write_formats(&r, opts, mask, to_dir, written, err);
	report_release(&r);
	return ret;
}

void report_print_summary(FILE *out, const struct questionnaire *q,
			  const struct answers *a, int use_color)
{
	struct render_text_options o;
	struct report r;
	struct buf text = BUF_INIT;
	int fd = fileno(out);

	o.use_color = use_color;
	o.unicode = locale_is_utf8();
	o.width = fd >= 0 && isatty(fd) ? term_width(fd) : 80;
	report_init(&r, q, a);
	render_text(&text, &r, &o);
	fwrite(text.data, 1, text.len, out);
	buf_release(&text);
	report_release(&r);
}
