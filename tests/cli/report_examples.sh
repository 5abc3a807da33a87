#!/bin/sh
# report_examples.sh - the example reports in reports/ are up to date: they
# are regenerated from tests/examples/*.json and the default questionnaire
# (tests/examples/regen.sh) and must be identical, and so must the
# branded example (a consultant's profile and review,
# tests/examples/branded/).  When this fails, run tests/examples/regen.sh
# and review the diff.
. "$(dirname "$0")/lib.sh"

sh "$tests_dir/examples/regen.sh" "$tmp/reports" "$CTO_ASSESS" 2>"$tmp/regen.err"
check "the examples regenerate" [ "$?" -eq 0 ]
for answers in "$tests_dir"/examples/*.json branded; do
	example=$(basename "$answers" .json)
	[ "$example" = branded ] && example=series-a-b2b-saas-branded
	for f in report.md report.json report.html action-plan.csv summary.txt; do
		check_output "reports/$example/$f is up to date" \
			"$root_dir/reports/$example/$f" "$tmp/reports/$example/$f"
	done
done

done_testing
