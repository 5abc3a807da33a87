/*
 * report_write.c - writing the report in every requested format, to a
 * directory, a file or standard output, from the one table of formats.
 */
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "render.h"
#include "report_write.h"
#include "term.h"
#include "util.h"

/* ---- the formats ----------------------------------------------------------- */

/*
 * One row per format, in the order files are written and listed.  A new
 * format is a row here and its renderer (render.h).
 */
static const struct report_format {
	const char *name;           /* for -f */
	const char *alias;          /* another name for -f, or NULL */
	const char *extensions[3];  /* of a file name that implies it */
	const char *file;           /* its name in an output directory */
	const char *summary;        /* for the usage text */
	void (*render)(struct buf *out, const struct report *r,
		       const struct render_options *o);
} formats[] = {
	{ "md", "markdown", { ".md", ".markdown" }, "report.md",
	  "the report in Markdown", render_markdown },
	{ "json", NULL, { ".json" }, "report.json",
	  "the report as JSON, for tools", render_json },
	{ "html", NULL, { ".html", ".htm" }, "report.html",
	  "the report as one web page", render_html },
	{ "csv", NULL, { ".csv" }, "action-plan.csv",
	  "the action plan, for a spreadsheet", render_csv },
	{ "text", NULL, { ".txt" }, "summary.txt",
	  "the terminal summary", render_text },
};

/* Appends "md, json, html, csv, text". */
static void add_format_names(struct buf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		buf_addf(out, "%s%s", i ? ", " : "", formats[i].name);
}

/* Adds one format name to *mask; "all" adds every format. */
static int add_format(const char *name, size_t len, unsigned *mask,
		      struct buf *err)
{
	const char *names[ARRAY_SIZE(formats)];
	char *word = xstrndup(name, len);
	size_t i;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		names[i] = formats[i].name;
		if (!strcmp(word, formats[i].name) ||
		    (formats[i].alias && !strcmp(word, formats[i].alias)))
			break;
	}
	if (i < ARRAY_SIZE(formats)) {
		*mask |= 1u << i;
	} else if (!strcmp(word, "all")) {
		*mask |= (1u << ARRAY_SIZE(formats)) - 1;
	} else {
		buf_addf(err, "unknown format '%s' (expected ", word);
		add_format_names(err);
		buf_addc(err, ')');
		buf_add_hint(err, word, names, ARRAY_SIZE(names));
		ret = -1;
	}
	free(word);
	return ret;
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
		buf_adds(err, "no format given (expected ");
		add_format_names(err);
		buf_addc(err, ')');
		return -1;
	}
	return 0;
}

const char *report_format_of_file(const char *path)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (path_has_extension(path, formats[i].extensions,
				       ARRAY_SIZE(formats[i].extensions)))
			return formats[i].name;
	return NULL;
}

const char *report_format_file(size_t i)
{
	return i < ARRAY_SIZE(formats) ? formats[i].file : NULL;
}

void report_describe_formats(struct buf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		buf_addf(out, "  %-6s %-16s %s\n", formats[i].name,
			 formats[i].file, formats[i].summary);
}

static size_t count_formats(unsigned mask)
{
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		n += !!(mask & (1u << i));
	return n;
}

/* ---- writing --------------------------------------------------------------- */

/* Whether the locale can show the block characters of the bars. */
static int locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return codeset && !strcmp(codeset, "UTF-8");
}

/*
 * How the summary looks on fd: colour as asked, the terminal's width (or
 * $COLUMNS when fd is not a terminal, else 80).
 */
static void options_for(struct render_options *o, int fd, int use_color)
{
	o->use_color = use_color;
	o->unicode = locale_is_utf8();
	o->width = term_width(fd);
}

/* The path of format f for opts: in the directory, or the file itself. */
static void target_path(struct buf *path, const struct report_options *opts,
			int to_dir, const struct report_format *f)
{
	buf_reset(path);
	buf_adds(path, opts->output);
	if (!to_dir)
		return;
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

static int write_files(const struct report *r,
		       const struct report_options *opts, unsigned mask,
		       struct buf *written, struct buf *err)
{
	/* Files get the plain summary: no colour, block characters. */
	struct render_options o = { 0, 1, 80 };
	struct buf data = BUF_INIT, path = BUF_INIT;
	int to_dir = output_is_dir(opts->output, count_formats(mask));
	size_t i;
	int ret = 0;

	if (to_dir && file_make_dir(opts->output, err) < 0)
		return -1;
	if (check_targets(opts, mask, to_dir, err) < 0)
		return -1;
	for (i = 0; i < ARRAY_SIZE(formats) && !ret; i++) {
		if (!(mask & (1u << i)))
			continue;
		buf_reset(&data);
		formats[i].render(&data, r, &o);
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

int report_write(const struct report *r, const struct report_options *opts,
		 struct buf *written, struct buf *err)
{
	struct render_options o;
	struct buf data = BUF_INIT;
	unsigned mask;
	size_t i, n;

	if (report_parse_formats(opts->formats ? opts->formats : "md",
				 &mask, err) < 0)
		return -1;
	if (opts->output && strcmp(opts->output, "-"))
		return write_files(r, opts, mask, written, err);
	n = count_formats(mask);
	if (n > 1) {
		buf_addf(err, "cannot write %zu formats to standard output "
			 "(give a directory with -o)", n);
		return -1;
	}
	options_for(&o, STDOUT_FILENO,
		    term_use_color(opts->color, STDOUT_FILENO));
	for (i = 0; !(mask & (1u << i)); i++)
		;
	formats[i].render(&data, r, &o);
	/* main() checks standard output once the command is done. */
	fwrite(data.data, 1, data.len, stdout);
	buf_release(&data);
	return 0;
}

void report_print_summary(FILE *out, const struct report *r, int use_color)
{
	struct render_options o;
	struct buf text = BUF_INIT;

	options_for(&o, fileno(out), use_color);
	render_text(&text, r, &o);
	fwrite(text.data, 1, text.len, out);
	buf_release(&text);
}
