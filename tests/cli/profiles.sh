#!/bin/sh
# profiles.sh - how many questions each kind of company is asked, through
# `list --answers`, against the ranges the default questionnaire's
# description promises.  Each profile in tests/content/profiles/ states its
# range in its first line ("# asked: 26-32"); the whole preview, from the
# questions certainly asked to those that may be, must fall inside it.
. "$(dirname "$0")/lib.sh"

for profile in "$tests_dir"/content/profiles/*.yaml; do
	name=$(basename "$profile" .yaml)
	range=$(sed -n '1s/^# asked: \([0-9]*-[0-9]*\)$/\1/p' "$profile")
	check "$name: states its range" [ -n "$range" ]
	run "$CTO_ASSESS" list -q "$root_dir/questionnaires/cto-readiness.yaml" \
		--answers "$profile" --format json
	check "$name: list --answers exits 0" [ "$status" -eq 0 ]
	counts=$(python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))["preview"]
print(p["asked"], p["asked"] + p["depends_on_answers"])' "$out_file")
	low=${range%-*}
	high=${range#*-}
	check "$name: asked $counts, within $range" \
		[ "${counts% *}" -ge "$low" -a "${counts#* }" -le "$high" ]
done

# The description says the same ranges, in words a founder reads.
check "the description states the idea-stage range" \
	grep -q "26 to 32 questions" "$root_dir/questionnaires/cto-readiness.yaml"

done_testing
