/*
 * fuzz_tracking.c - libFuzzer target: any bytes as the action plan CSV
 * that `compare --plan` reads back (tracking.c) read, compared and
 * rendered, or refused with diagnostics, never a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cJSON.h>

#include "buf.h"
#include "diag.h"
#include "tracking.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Two reports with an action and a finding each, enough to match rows. */
static const char old_json[] =
	"{\"actions\":[{\"id\":\"mfa\",\"title\":\"MFA\",\"findings\":[\"mfa\"]}]}";
static const char new_json[] =
	"{\"findings\":[{\"id\":\"ci\"}],\"dropped\":[{\"id\":\"x\"}],"
	"\"answers\":[{\"id\":\"mfa\",\"status\":\"answered\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static cJSON *old_doc, *new_doc;
	struct diag_list diags = DIAG_LIST_INIT;
	struct tracking t;
	struct buf out = BUF_INIT;
	cJSON *cmp;
	FILE *f;

	if (!old_doc) {
		old_doc = cJSON_Parse(old_json);
		new_doc = cJSON_Parse(new_json);
		snprintf(path, sizeof(path), "/dev/shm/fuzz-t-%d.csv",
			 (int)getpid());
	}
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (tracking_read(&t, path, &diags) == 0) {
		cmp = cJSON_CreateObject();
		cJSON_AddItemToObject(cmp, "plan_tracking",
				      tracking_compare(&t, old_doc, new_doc));
		tracking_render_markdown(&out, cmp);
		tracking_render_text(&out, cmp, 1);
		cJSON_Delete(cmp);
	}
	tracking_release(&t);
	diag_list_release(&diags);
	buf_release(&out);
	return 0;
}
