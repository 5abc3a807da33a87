#!/bin/sh
# checklists.sh - the Markdown checklists in reports/ are what
# `cto-assess list --format md` prints for the shipped questionnaires
# (`make reports` regenerates them), and they render as CommonMark.
. "$(dirname "$0")/lib.sh"

for name in cto-readiness cto-quick; do
	file="$root_dir/reports/$name-checklist.md"
	run "$CTO_ASSESS" list -q "$root_dir/questionnaires/$name.yaml" \
		--format md
	check "$name checklist is generated" [ "$status" -eq 0 ]
	check_output "reports/$name-checklist.md is current (run 'make reports')" \
		"$file" "$out_file"
	run cmark-gfm --extension tasklist "$file"
	check "$name checklist renders" [ "$status" -eq 0 ]
	check "$name checklist has checkboxes" contains "$out_file" 'type="checkbox"'
done

done_testing
