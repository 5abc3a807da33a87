#!/bin/sh
# regen.sh - rewrite the golden outputs of tests/report/*/ from the current
# build.  Review the diff (git diff tests/report) before keeping it: the
# golden files hold the expected scores, finding order and horizons,
# worked out by hand in the comments of each fixture's questionnaire.
#
#   tests/report/regen.sh [path/to/cto-assess]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../cto-assess}
export SOURCE_DATE_EPOCH=1764320000 LC_ALL=C.UTF-8
unset NO_COLOR
# Never the consultant profile of whoever regenerates them.
XDG_CONFIG_HOME=/nonexistent
export XDG_CONFIG_HOME
for answers in "$here"/*/answers*.json; do
	dir=$(dirname "$answers")
	name=$(basename "$answers" .json)
	[ -f "$dir/questionnaire.yaml" ] || continue
	mkdir -p "$dir/expected"
	for fmt in json md csv text html; do
		"$bin" report "$answers" -q "$dir/questionnaire.yaml" \
			--format "$fmt" -o - --color=never |
			sed -f "$here/normalise.sed" \
				>"$dir/expected/$name.$fmt"
	done
	echo "regenerated $dir/expected/$name.*"
done
