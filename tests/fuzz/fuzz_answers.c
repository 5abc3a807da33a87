/*
 * fuzz_answers.c - libFuzzer target: any bytes as an answers file (JSON,
 * or YAML when the first byte is odd) for the small test questionnaire
 * load or give diagnostics, never a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "answers.h"
#include "diag.h"
#include "loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire *q;
	static char json[64], yaml[64];
	struct diag_list diags = DIAG_LIST_INIT;
	struct answers a;
	const char *path;
	FILE *f;

	if (!q) {
		q = questionnaire_load("tests/questionnaires/good/main.yaml",
				       &diags);
		if (!q)
			abort();
		diag_list_release(&diags);
		snprintf(json, sizeof(json), "/dev/shm/fuzz-a-%d.json",
			 (int)getpid());
		snprintf(yaml, sizeof(yaml), "/dev/shm/fuzz-a-%d.yaml",
			 (int)getpid());
	}
	path = size && (data[0] & 1) ? yaml : json;
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (answers_load(&a, q, path, &diags) == 0)
		answers_release(&a);
	diag_list_release(&diags);
	return 0;
}
