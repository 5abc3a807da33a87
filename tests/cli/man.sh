#!/bin/sh
# man.sh - the manual pages are clean under `mandoc -T lint -W warning`
# (mandoc(1) prints nothing for a page without warnings or errors).
. "$(dirname "$0")/lib.sh"

man_dir="$root_dir/man"

check "man/cto-assess-questionnaire.5 exists" \
	[ -s "$man_dir/cto-assess-questionnaire.5" ]

run command -v mandoc
check "mandoc is installed" [ "$status" -eq 0 ]

# mandoc's messages go to stderr, so that check shows them on failure.
lint_clean() {
	[ "$status" -eq 0 ] && [ ! -s "$err_file" ]
}

for page in "$man_dir"/*.1 "$man_dir"/*.5; do
	[ -e "$page" ] || continue
	run sh -c 'mandoc -T lint -W warning "$1" >&2' sh "$page"
	check "mandoc -T lint is clean on man/${page##*/}" lint_clean
done

done_testing
