/*
 * unit_load.h - a questionnaire from YAML text, for the unit tests of the
 * interview's modules (answer_parse, progress, screen).  Header-only: each
 * test binary is built from one .c file.
 */
#ifndef CTO_UNIT_LOAD_H
#define CTO_UNIT_LOAD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "loader.h"

/*
 * Loads the questionnaire written in yaml (through a temporary file, as the
 * loader reads files); prints the diagnostics and returns NULL when it is
 * not valid.  The caller frees it with questionnaire_free().
 */
static inline struct questionnaire *unit_load_yaml(const char *yaml)
{
	char dir[] = "/tmp/cto-unit.XXXXXX";
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf path = BUF_INIT, err = BUF_INIT;
	struct questionnaire *q = NULL;

	if (!mkdtemp(dir))
		return NULL;
	buf_addf(&path, "%s/q.yaml", dir);
	if (file_write_atomic(path.data, yaml, strlen(yaml), 0, &err) == 0)
		q = questionnaire_load(path.data, &diags);
	else
		fprintf(stderr, "%s\n", err.data);
	if (!q)
		diag_print(&diags, stderr);
	unlink(path.data);
	rmdir(dir);
	diag_list_release(&diags);
	buf_release(&path);
	buf_release(&err);
	return q;
}

#endif
