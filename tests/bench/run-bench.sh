#!/bin/sh
# run-bench.sh - timing figures for cto-assess (`make bench`).  Not a test:
# it prints numbers and asserts nothing about them.
#
# usage: run-bench.sh /path/to/cto-assess
set -eu
prog=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the best of N wall-clock runs of a command, in milliseconds.
best_ms() {
	runs=$1
	shift
	best=""
	i=0
	while [ "$i" -lt "$runs" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s%N)
		ms=$(( (end - start) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
		i=$((i + 1))
	done
	echo "$best"
}

for n in 5000 50000; do
	python3 "$here/gen-questionnaire.py" "$n" 50 >"$tmp/q$n.yaml"
	size=$(wc -c <"$tmp/q$n.yaml")
	"$prog" validate "$tmp/q$n.yaml" >/dev/null
	printf 'validate, %6d questions (%8d bytes): best of 5: %5d ms\n' \
		"$n" "$size" "$(best_ms 5 "$prog" validate "$tmp/q$n.yaml")"
done
printf 'validate, shipped questionnaires:                 best of 5: %5d ms\n' \
	"$(best_ms 5 "$prog" validate "$here/../../questionnaires")"
python3 -c 'print("areas: " + "[" * 200000)' >"$tmp/deep.yaml"
printf 'validate, 200,000 nested [ (refused at depth 64):  best of 5: %5d ms\n' \
	"$(best_ms 5 "$prog" validate "$tmp/deep.yaml")"
