/*
 * cmd_run.c - placeholder until the run command lands.
 */
#include <stdio.h>

#include "cli.h"
#include "util.h"

int cmd_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "%s: error: 'run' is not implemented yet\n", progname);
	return EXIT_FAILURE_GENERIC;
}
