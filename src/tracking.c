/*
 * tracking.c - reading the action plan CSV back, and what became of each
 * action the client tracked (tracking.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cJSON.h>

#include "escape.h"
#include "fileio.h"
#include "strmap.h"
#include "term.h"
#include "tracking.h"
#include "util.h"

/* ---- RFC 4180 -------------------------------------------------------------- */

struct csv_reader {
	const char *p, *end;
	char sep;
	int line, col;       /* of p, 1-based */
	const char *file;
	struct diag_list *diags;
};

struct csv_record {
	char **fields;
	size_t n, alloc;
	int line;
};

static void record_release(struct csv_record *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->fields[i]);
	free(r->fields);
	memset(r, 0, sizeof(*r));
}

static void advance(struct csv_reader *c)
{
	if (*c->p == '\n') {
		c->line++;
		c->col = 1;
	} else if (((unsigned char)*c->p & 0xc0) != 0x80) {
		c->col++;
	}
	c->p++;
}

/* A quoted field, from its opening quote; -1 when it never closes. */
static int quoted_field(struct csv_reader *c, struct buf *field)
{
	int line = c->line, col = c->col;

	advance(c);
	while (c->p < c->end) {
		if (*c->p == '"' && c->p + 1 < c->end && c->p[1] == '"') {
			buf_addc(field, '"');
			advance(c);
		} else if (*c->p == '"') {
			advance(c);
			return 0;
		} else if (*c->p != '\r') {
			buf_addc(field, *c->p);
		}
		advance(c);
	}
	diag_add(c->diags, DIAG_ERROR, c->file, line, col,
		 "a quoted field is not closed");
	return -1;
}

/*
 * Reads one record into r; returns 1, 0 at the end of the data, or -1
 * after an error.  Text after a quoted field's closing quote is kept, as
 * spreadsheets do.
 */
static int read_record(struct csv_reader *c, struct csv_record *r)
{
	struct buf field = BUF_INIT;
	int ret = 1;

	r->line = c->line;
	if (c->p >= c->end)
		return 0;
	for (;;) {
		if (c->p < c->end && *c->p == '"' && !field.len &&
		    quoted_field(c, &field) < 0) {
			ret = -1;
			break;
		}
		while (c->p < c->end && *c->p != c->sep && *c->p != '\n') {
			if (*c->p != '\r')
				buf_addc(&field, *c->p);
			advance(c);
		}
		GROW(r->fields, r->alloc, r->n + 1);
		r->fields[r->n++] = buf_detach(&field, NULL);
		if (c->p >= c->end || *c->p == '\n')
			break;
		advance(c); /* the separator */
	}
	if (c->p < c->end)
		advance(c); /* the newline */
	buf_release(&field);
	return ret;
}

/* ';' when the header line has more of them than commas (outside quotes). */
static char guess_separator(const char *p, const char *end)
{
	size_t commas = 0, semicolons = 0;
	int quoted = 0;

	for (; p < end && (quoted || *p != '\n'); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			commas++;
		else if (!quoted && *p == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/* ---- the columns ------------------------------------------------------------ */

enum column {
	COL_ACTION_ID, COL_ACTION, COL_FINDING_IDS, COL_OWNER, COL_DUE,
	COL_STATUS, COL_COUNT
};

/* The names a column goes by, lowercased, ' ' as '_'. */
static const char *const column_names[COL_COUNT][3] = {
	[COL_ACTION_ID] = { "action_id" },
	[COL_ACTION] = { "action" },
	[COL_FINDING_IDS] = { "finding_ids" },
	[COL_OWNER] = { "owner" },
	[COL_DUE] = { "due_date", "due" },
	[COL_STATUS] = { "status" },
};

static enum column column_of(const char *name)
{
	char key[32];
	size_t i, k;

	while (*name == ' ')
		name++;
	for (i = 0; name[i] && i + 1 < sizeof(key); i++)
		key[i] = name[i] == ' ' ? '_' :
			 (char)tolower((unsigned char)name[i]);
	while (i && key[i - 1] == '_')
		i--;
	key[i] = '\0';
	for (i = 0; i < COL_COUNT; i++)
		for (k = 0; k < 3 && column_names[i][k]; k++)
			if (!strcmp(key, column_names[i][k]))
				return (enum column)i;
	return COL_COUNT;
}

/* Finds the columns in the header; -1 (reported) without a required one. */
static int read_header(const struct csv_reader *c,
		       const struct csv_record *h, int *where)
{
	size_t i;
	int ret = 0;

	for (i = 0; i < COL_COUNT; i++)
		where[i] = -1;
	for (i = 0; i < h->n; i++) {
		enum column col = column_of(h->fields[i]);

		if (col != COL_COUNT && where[col] < 0)
			where[col] = (int)i;
	}
	for (i = 0; i < COL_COUNT; i++) {
		if (where[i] >= 0 || (i != COL_ACTION_ID && i != COL_STATUS))
			continue;
		diag_add(c->diags, DIAG_ERROR, c->file, 1, 1, "no '%s' column "
			 "(an action plan from 'cto-assess report -f csv' has "
			 "it)", column_names[i][0]);
		ret = -1;
	}
	return ret;
}

static char *field(const struct csv_record *r, const int *where,
		   enum column col)
{
	int i = where[col];

	return xstrdup(i >= 0 && (size_t)i < r->n ? r->fields[i] : "");
}

static void add_row(struct tracking *t, const struct csv_record *r,
		    const int *where)
{
	struct tracking_row *row;
	char *id = field(r, where, COL_ACTION_ID);

	if (!*id) {
		free(id);
		return;
	}
	t->rows = xreallocarray(t->rows, t->nrows + 1, sizeof(*t->rows));
	row = &t->rows[t->nrows++];
	row->line = r->line;
	row->action_id = id;
	row->action = field(r, where, COL_ACTION);
	row->finding_ids = field(r, where, COL_FINDING_IDS);
	row->owner = field(r, where, COL_OWNER);
	row->due_date = field(r, where, COL_DUE);
	row->status = field(r, where, COL_STATUS);
}

static int parse(struct tracking *t, const struct buf *data,
		 struct diag_list *diags)
{
	struct csv_reader c = { data->data, data->data + data->len, ',', 1, 1,
				t->path, diags };
	struct csv_record r;
	int where[COL_COUNT], got;
	size_t errors = diags->errors;

	memset(&r, 0, sizeof(r));
	if (c.end - c.p >= 3 && !memcmp(c.p, "\xef\xbb\xbf", 3))
		c.p += 3;
	c.sep = guess_separator(c.p, c.end);
	got = read_record(&c, &r);
	if (got == 0)
		diag_add(diags, DIAG_ERROR, t->path, 1, 1, "file is empty "
			 "(expected an action plan from 'cto-assess report -f "
			 "csv')");
	if (got <= 0 || read_header(&c, &r, where) < 0) {
		record_release(&r);
		return -1;
	}
	for (;;) {
		record_release(&r);
		if ((got = read_record(&c, &r)) <= 0)
			break;
		add_row(t, &r, where);
	}
	record_release(&r);
	return diags->errors > errors ? -1 : 0;
}

int tracking_read(struct tracking *t, const char *path,
		  struct diag_list *diags)
{
	struct buf data = BUF_INIT, err = BUF_INIT;
	int ret = -1;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(path);
	if (file_read_all(path, TRACKING_MAX_FILE_SIZE, &data, &err) < 0)
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", err.data);
	else
		ret = parse(t, &data, diags);
	buf_release(&data);
	buf_release(&err);
	return ret;
}

void tracking_release(struct tracking *t)
{
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].action_id);
		free(t->rows[i].action);
		free(t->rows[i].finding_ids);
		free(t->rows[i].owner);
		free(t->rows[i].due_date);
		free(t->rows[i].status);
	}
	free(t->rows);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

int tracking_status_done(const char *status)
{
	static const char *const done[] = {
		"done", "complete", "completed", "closed", "finished",
		"resolved", "fixed", "yes", "x"
	};
	size_t i, len;

	while (*status == ' ')
		status++;
	len = strlen(status);
	while (len && status[len - 1] == ' ')
		len--;
	for (i = 0; i < ARRAY_SIZE(done); i++)
		if (strlen(done[i]) == len && !strncasecmp(status, done[i], len))
			return 1;
	return 0;
}

/* ---- against the new assessment -------------------------------------------- */

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const cJSON *jget(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* Adds s cleaned of control characters and invalid UTF-8. */
static void add_clean(cJSON *o, const char *key, const char *s)
{
	struct buf clean = BUF_INIT;

	escape_clean(&clean, s ? s : "", 0);
	cJSON_AddStringToObject(o, key, clean.data);
	buf_release(&clean);
}

/* Indexes the objects of a report's list by their "id". */
static void index_ids(struct strmap *map, const cJSON *doc, const char *key)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, jget(doc, key)) {
		const char *id = jstr(item, "id");

		if (id && !strmap_get(map, id))
			strmap_put(map, id, (void *)item);
	}
}

struct sides {
	struct strmap old_actions, findings, dropped, answers;
};

/* What became of finding id in the new assessment. */
static const char *outcome(const struct sides *s, const char *id)
{
	const cJSON *answer = strmap_get(&s->answers, id);
	const char *status = answer ? jstr(answer, "status") : NULL;

	if (strmap_get(&s->findings, id))
		return "open";
	if (strmap_get(&s->dropped, id))
		return "dropped";
	if (!answer)
		return "not_asked";
	if (status && (!strcmp(status, "ruled_out") ||
		       !strcmp(status, "not_applicable")))
		return "no_longer_applies";
	return status && !strcmp(status, "answered") ? "resolved" : "open";
}

/* Adds {id, outcome} for each id of the "; "-separated list ids. */
static int add_listed(cJSON *list, const struct sides *s, const char *ids,
		      int *open)
{
	char *copy = xstrdup(ids), *id, *save = NULL;
	int n = 0;

	for (id = strtok_r(copy, ";", &save); id;
	     id = strtok_r(NULL, ";", &save)) {
		cJSON *o;
		size_t len;

		while (*id == ' ')
			id++;
		len = strlen(id);
		while (len && id[len - 1] == ' ')
			id[--len] = '\0';
		if (!len)
			continue;
		o = cJSON_CreateObject();
		add_clean(o, "id", id);
		cJSON_AddStringToObject(o, "outcome", outcome(s, id));
		*open += !strcmp(outcome(s, id), "open");
		cJSON_AddItemToArray(list, o);
		n++;
	}
	free(copy);
	return n;
}

/* The row's findings: its finding_ids, else those of its old action. */
static int add_findings(cJSON *list, const struct sides *s,
			const struct tracking_row *row, const cJSON *action,
			int *open)
{
	const cJSON *id;
	int n = add_listed(list, s, row->finding_ids, open);

	if (n || !action)
		return n;
	cJSON_ArrayForEach(id, jget(action, "findings"))
		if (cJSON_IsString(id))
			n += add_listed(list, s, id->valuestring, open);
	return n;
}

/* done, marked_done_still_open, resolved_not_marked, open, unknown */
static const char *verdict(int done, int nfindings, int open)
{
	if (!nfindings)
		return "unknown";
	if (done)
		return open ? "marked_done_still_open" : "done";
	return open ? "open" : "resolved_not_marked";
}

static cJSON *row_json(const struct tracking_row *row, const struct sides *s,
		       cJSON *counts)
{
	const cJSON *action = strmap_get(&s->old_actions, row->action_id);
	cJSON *o = cJSON_CreateObject(), *list, *n;
	int open = 0, done = tracking_status_done(row->status), nfindings;
	const char *v;

	cJSON_AddNumberToObject(o, "line", row->line);
	add_clean(o, "action_id", row->action_id);
	add_clean(o, "action", *row->action ? row->action :
		  action && jstr(action, "title") ? jstr(action, "title") : "");
	cJSON_AddBoolToObject(o, "matched", action != NULL);
	add_clean(o, "owner", row->owner);
	add_clean(o, "due_date", row->due_date);
	add_clean(o, "status", row->status);
	cJSON_AddBoolToObject(o, "marked_done", done);
	list = cJSON_AddArrayToObject(o, "findings");
	nfindings = add_findings(list, s, row, action, &open);
	v = verdict(done, nfindings, open);
	cJSON_AddStringToObject(o, "verdict", v);
	n = cJSON_GetObjectItemCaseSensitive(counts, v);
	cJSON_SetNumberValue(n, n->valuedouble + 1);
	return o;
}

cJSON *tracking_compare(const struct tracking *t, const cJSON *old_report,
			const cJSON *new_report)
{
	static const char *const verdicts[] = {
		"done", "marked_done_still_open", "resolved_not_marked",
		"open", "unknown"
	};
	struct sides s = { STRMAP_INIT, STRMAP_INIT, STRMAP_INIT,
			   STRMAP_INIT };
	cJSON *o = cJSON_CreateObject(), *rows, *counts;
	size_t i;

	index_ids(&s.old_actions, old_report, "actions");
	index_ids(&s.findings, new_report, "findings");
	index_ids(&s.dropped, new_report, "dropped");
	index_ids(&s.answers, new_report, "answers");
	add_clean(o, "file", t->path);
	counts = cJSON_AddObjectToObject(o, "counts");
	for (i = 0; i < ARRAY_SIZE(verdicts); i++)
		cJSON_AddNumberToObject(counts, verdicts[i], 0);
	rows = cJSON_AddArrayToObject(o, "rows");
	for (i = 0; i < t->nrows; i++)
		cJSON_AddItemToArray(rows, row_json(&t->rows[i], &s, counts));
	strmap_release(&s.old_actions);
	strmap_release(&s.findings);
	strmap_release(&s.dropped);
	strmap_release(&s.answers);
	return o;
}

/* ---- rendering ----------------------------------------------------------------- */

static const struct {
	const char *verdict, *words;
} verdict_words[] = {
	{ "done", "done, and resolved" },
	{ "marked_done_still_open", "marked done, but still open" },
	{ "resolved_not_marked", "resolved, not marked done" },
	{ "open", "still open" },
	{ "unknown", "not in the old plan" },
};

/* What a row's verdict means, with the findings still open after a
 * "done": plain text. */
static void row_now(struct buf *out, const cJSON *row)
{
	const char *v = jstr(row, "verdict");
	const cJSON *f;
	size_t i, n = 0;

	for (i = 0; i < ARRAY_SIZE(verdict_words); i++)
		if (v && !strcmp(v, verdict_words[i].verdict))
			buf_adds(out, verdict_words[i].words);
	if (!v || strcmp(v, "marked_done_still_open"))
		return;
	cJSON_ArrayForEach(f, jget(row, "findings")) {
		const char *outcome_now = jstr(f, "outcome");

		if (!outcome_now || strcmp(outcome_now, "open"))
			continue;
		buf_addf(out, "%s%s", n++ ? ", " : ": ", jstr(f, "id"));
	}
}

static int count(const cJSON *tracking, const char *verdict_name)
{
	const cJSON *n = jget(jget(tracking, "counts"), verdict_name);

	return cJSON_IsNumber(n) ? n->valueint : 0;
}

/* "12 actions tracked in old.csv: 5 marked done, of which 4 are resolved
 * in this assessment and 1 is still open; 2 more resolved unmarked." */
static void summary(struct buf *out, const cJSON *tracking)
{
	int done = count(tracking, "done");
	int done_open = count(tracking, "marked_done_still_open");
	int unmarked = count(tracking, "resolved_not_marked");
	int rows = cJSON_GetArraySize(jget(tracking, "rows"));

	buf_addf(out, "%d action%s tracked in %s: %d marked done", rows,
		 rows == 1 ? "" : "s", jstr(tracking, "file"),
		 done + done_open);
	if (done + done_open)
		buf_addf(out, ", of which %d %s resolved in this assessment "
			 "and %d still open", done, done == 1 ? "is" : "are",
			 done_open);
	if (unmarked)
		buf_addf(out, "; %d more resolved without being marked done",
			 unmarked);
	buf_adds(out, ".");
}

void tracking_render_markdown(struct buf *out, const cJSON *cmp)
{
	const cJSON *tracking = jget(cmp, "plan_tracking"), *row;
	struct buf text = BUF_INIT;

	if (!tracking)
		return;
	summary(&text, tracking);
	buf_adds(out, "## The plan as the client tracked it\n\n");
	escape_markdown_block(out, text.data);
	buf_adds(out, "\n\n| Action | Owner | Due | Status | Now |\n"
		 "|---|---|---|---|---|\n");
	cJSON_ArrayForEach(row, jget(tracking, "rows")) {
		static const char *const cols[] = {
			"action", "owner", "due_date", "status"
		};
		size_t i;

		for (i = 0; i < ARRAY_SIZE(cols); i++) {
			buf_adds(out, "| ");
			escape_markdown(out, jstr(row, cols[i]));
			buf_addc(out, ' ');
		}
		buf_reset(&text);
		row_now(&text, row);
		buf_adds(out, "| ");
		escape_markdown(out, text.data);
		buf_adds(out, " |\n");
	}
	buf_addc(out, '\n');
	buf_release(&text);
}

void tracking_render_html(struct buf *out, const cJSON *cmp)
{
	const cJSON *tracking = jget(cmp, "plan_tracking"), *row;
	struct buf text = BUF_INIT;

	if (!tracking)
		return;
	summary(&text, tracking);
	buf_adds(out, "<section>\n<h2>The plan as the client tracked it</h2>\n"
		 "<p>");
	escape_html(out, text.data, 0);
	buf_adds(out, "</p>\n<div class=\"table\"><table>\n<thead><tr>"
		 "<th>Action</th><th>Owner</th><th>Due</th><th>Status</th>"
		 "<th>Now</th></tr></thead>\n<tbody>\n");
	cJSON_ArrayForEach(row, jget(tracking, "rows")) {
		static const char *const cols[] = {
			"action", "owner", "due_date", "status"
		};
		size_t i;

		buf_adds(out, "<tr>");
		for (i = 0; i < ARRAY_SIZE(cols); i++) {
			buf_adds(out, "<td>");
			escape_html(out, jstr(row, cols[i]), 0);
			buf_adds(out, "</td>");
		}
		buf_reset(&text);
		row_now(&text, row);
		buf_adds(out, "<td>");
		escape_html(out, text.data, 0);
		buf_adds(out, "</td></tr>\n");
	}
	buf_adds(out, "</tbody>\n</table></div>\n</section>\n");
	buf_release(&text);
}

void tracking_render_text(struct buf *out, const cJSON *cmp, int use_color)
{
	const cJSON *tracking = jget(cmp, "plan_tracking"), *row;
	struct term_style style;
	struct buf text = BUF_INIT;

	if (!tracking)
		return;
	term_style_init(&style, use_color);
	buf_addf(out, "\n%sThe plan as the client tracked it%s\n", style.bold,
		 style.reset);
	summary(&text, tracking);
	term_wrap(out, text.data, 80, 2);
	cJSON_ArrayForEach(row, jget(tracking, "rows")) {
		const char *v = jstr(row, "verdict");
		int warn = v && !strcmp(v, "marked_done_still_open");

		buf_adds(out, "  ");
		term_truncate(out, jstr(row, "action"), 48);
		buf_reset(&text);
		row_now(&text, row);
		buf_addf(out, "\n    %s", warn ? style.red : style.dim);
		escape_clean(out, text.data, 0);
		if (*jstr(row, "owner") || *jstr(row, "status")) {
			buf_adds(out, " (");
			escape_clean(out, jstr(row, "status"), 0);
			if (*jstr(row, "owner")) {
				buf_adds(out, *jstr(row, "status") ? ", " : "");
				escape_clean(out, jstr(row, "owner"), 0);
			}
			buf_adds(out, ")");
		}
		buf_addf(out, "%s\n", style.reset);
	}
	buf_release(&text);
}
