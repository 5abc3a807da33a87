/*
 * fuzz_expr.c - libFuzzer target: any text as a `when:` condition parses
 * or gives an error with an offset inside the text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct answer *no_answer(const char *id, void *ctx)
{
	(void)id;
	(void)ctx;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = xstrndup((const char *)data, size);
	struct expr_error err;
	struct expr *e;

	if (expr_parse(src, &e, &err) == 0) {
		expr_eval(e, no_answer, NULL);
		expr_free(e);
	} else if (err.offset > strlen(src)) {
		abort();
	}
	free(src);
	return 0;
}
