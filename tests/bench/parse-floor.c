/*
 * parse-floor.c - the floor of the answers benchmark: reads one file into
 * the positioned tree (YAML through libyaml when the name ends in .yaml or
 * .yml, else JSON) and does nothing else.  Loading an answers file costs
 * this plus checking every answer; run-bench.sh prints the ratio.
 *
 * usage: parse-floor FILE
 */
#include <stdio.h>

#include "diag.h"
#include "jsontree.h"
#include "util.h"
#include "yamltree.h"

int main(int argc, char **argv)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct yaml_tree tree;
	size_t max = 64u * 1024 * 1024;
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: parse-floor FILE\n");
		return 2;
	}
	if (path_is_yaml(argv[1]))
		ret = yaml_tree_load(&tree, argv[1], max, &diags);
	else
		ret = json_tree_load(&tree, argv[1], max, &diags);
	diag_print(&diags, stderr);
	yaml_tree_release(&tree);
	diag_list_release(&diags);
	return ret < 0;
}
