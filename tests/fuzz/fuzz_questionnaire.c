/*
 * fuzz_questionnaire.c - libFuzzer target: any bytes as a questionnaire
 * file must give a model or diagnostics, never a crash, a hang or a leak.
 * Built and run by `make fuzz` (clang's libFuzzer, ASan and UBSan).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "diag.h"
#include "loader.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct diag_list diags = DIAG_LIST_INIT;
	struct questionnaire *q;
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof(path), "/dev/shm/fuzz-q-%d.yaml",
			 (int)getpid());
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	q = questionnaire_load(path, &diags);
	questionnaire_free(q);
	diag_list_release(&diags);
	return 0;
}
