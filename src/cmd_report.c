/*
 * cmd_report.c - placeholder until the report command lands.
 */
#include <stdio.h>

#include "cli.h"
#include "util.h"

int cmd_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "%s: error: 'report' is not implemented yet\n", progname);
	return EXIT_FAILURE_GENERIC;
}
