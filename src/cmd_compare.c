/*
 * cmd_compare.c - placeholder until the compare command lands.
 */
#include <stdio.h>

#include "cli.h"
#include "util.h"

int cmd_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "%s: error: 'compare' is not implemented yet\n", progname);
	return EXIT_FAILURE_GENERIC;
}
