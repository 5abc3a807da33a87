/*
 * fuzz_report.c - libFuzzer target: any bytes as an answers file (JSON, or
 * YAML when the first byte is odd) for the plan test questionnaire; when
 * they load, the report is scored and rendered in every format.  Whatever
 * the answers, scoring, planning and rendering never crash, and the
 * renderers' output holds no control character but the line ends they
 * write themselves.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "diag.h"
#include "loader.h"
#include "render.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef void (*renderer)(struct buf *, const struct report *,
			 const struct render_options *);

/* No ESC, no other C0 control but tab, newline and (CSV) carriage return. */
static void check_clean(const struct buf *out)
{
	size_t i;

	for (i = 0; i < out->len; i++) {
		unsigned char c = (unsigned char)out->data[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			abort();
	}
}

static void render_all(const struct report *r)
{
	static const renderer renderers[] = {
		render_markdown, render_json, render_html, render_csv,
		render_text,
	};
	struct render_options o = { 0, 1, 80 };
	struct buf out = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(renderers) / sizeof(*renderers); i++) {
		buf_reset(&out);
		renderers[i](&out, r, &o);
		check_clean(&out);
	}
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire *q;
	static char json[64], yaml[64];
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	struct report r;
	const char *path;
	FILE *f;

	if (!q) {
		q = questionnaire_load("tests/report/plan/questionnaire.yaml",
				       &diags);
		if (!q)
			abort();
		diag_list_release(&diags);
		snprintf(json, sizeof(json), "/dev/shm/fuzz-r-%d.json",
			 (int)getpid());
		snprintf(yaml, sizeof(yaml), "/dev/shm/fuzz-r-%d.yaml",
			 (int)getpid());
	}
	path = size && (data[0] & 1) ? yaml : json;
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (answers_load(&a, q, path, &diags) == 0) {
		report_init(&r, q, &a);
		render_all(&r);
		report_release(&r);
		answers_release(&a);
	}
	diag_list_release(&diags);
	return 0;
}
