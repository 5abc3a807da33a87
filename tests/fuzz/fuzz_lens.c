/*
 * fuzz_lens.c - libFuzzer target: any bytes as an AWS Well-Architected
 * custom lens that `import aws-lens` reads.  It is imported and rendered as
 * questionnaire files, or refused with diagnostics, never a crash; a lens
 * that imports must also render (an import that cannot be written would be
 * a bug of the importer, so it aborts).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static const struct import_options opts = { 1, NULL, NULL };
	struct diag_list diags = DIAG_LIST_INIT;
	struct import_questionnaire q = { 0 };
	struct import_files files = { 0 };
	struct buf err = BUF_INIT;
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof(path), "/dev/shm/fuzz-lens-%d.json",
			 (int)getpid());
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if (import_aws_lens(path, &opts, &q, &diags) == 0 &&
	    import_render(&q, &files, &err) != 0) {
		fprintf(stderr, "an imported lens did not render: %s\n",
			err.data);
		abort();
	}
	import_files_release(&files);
	import_questionnaire_release(&q);
	diag_list_release(&diags);
	buf_release(&err);
	return 0;
}
