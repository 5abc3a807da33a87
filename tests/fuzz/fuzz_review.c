/*
 * fuzz_review.c - libFuzzer target: any bytes as a review file of the small
 * test questionnaire (review.c) loaded and applied to its plan, with its
 * summary rendered in every format (prose.c), or refused with
 * diagnostics, never a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "answers.h"
#include "buf.h"
#include "diag.h"
#include "loader.h"
#include "prose.h"
#include "review.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire *q;
	static struct answers a;
	static char path[64];
	struct diag_list diags = DIAG_LIST_INIT;
	struct score_result r;
	struct review rv;
	struct buf out = BUF_INIT;
	FILE *f;

	if (!q) {
		q = questionnaire_load("tests/questionnaires/good/main.yaml",
				       &diags);
		if (!q)
			abort();
		diag_list_release(&diags);
		answers_init(&a, q);
		snprintf(path, sizeof(path), "/dev/shm/fuzz-r-%d.yaml",
			 (int)getpid());
	}
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (review_load(&rv, path, q, &diags) == 0) {
		score_answers(&r, q, &a);
		review_apply(&rv, &r, &diags);
		plan_build(&r);
		score_release(&r);
		if (rv.summary) {
			prose_render(&out, rv.summary, PROSE_MARKDOWN);
			prose_render(&out, rv.summary, PROSE_HTML);
			prose_render(&out, rv.summary, PROSE_TEXT);
		}
	}
	review_release(&rv);
	diag_list_release(&diags);
	buf_release(&out);
	return 0;
}
