#!/bin/sh
# report_several.sh - `cto-assess report A B C -o DIR`: several answers
# files reported in one process, each into a directory of its own named
# after its file, each report the same as `report` of that file alone.
. "$(dirname "$0")/lib.sh"

examples="$tests_dir/examples"
SOURCE_DATE_EPOCH=1764000000
# The examples name their questionnaire by id only; the binary under test
# may not sit beside questionnaires/ (the sanitizer build does not).
CTO_ASSESS_QUESTIONNAIRES="$root_dir/questionnaires"
export SOURCE_DATE_EPOCH CTO_ASSESS_QUESTIONNAIRES
cd "$tmp" || exit 1
mkdir -p acme beta
cp "$examples/seed-fintech-cards.json" acme/answers.json
cp "$examples/idea-solo-agency.json" beta/answers.json
cp "$examples/series-a-b2b-saas.json" gamma.json

run "$CTO_ASSESS" report acme/answers.json beta/answers.json gamma.json \
	-o out
check "several: exit 0" [ "$status" -eq 0 ]
check "several: a directory each, named after the file" \
	[ -d out/acme -a -d out/beta -a -d out/gamma ]
check "several: every format by default" [ -f out/acme/report.md -a \
	-f out/beta/report.json -a -f out/gamma/action-plan.csv -a \
	-f out/gamma/summary.txt -a -f out/gamma/report.html ]
check "several: says what it wrote" contains "$out_file" \
	"wrote out/beta/report.html"
for name in acme beta; do
	run "$CTO_ASSESS" report "$name/answers.json" -o "alone-$name"
	for f in report.md report.json report.html action-plan.csv \
		summary.txt; do
		check "several: $name/$f as 'report' of the file alone" \
			cmp -s "out/$name/$f" "alone-$name/$f"
	done
done

run "$CTO_ASSESS" report acme/answers.json gamma.json -o md-only -f md
check "several: only the formats asked for" \
	[ -f md-only/gamma/report.md -a ! -f md-only/gamma/report.json ]

run "$CTO_ASSESS" report acme/answers.json gamma.json -o out
check "several: refuses to overwrite" [ "$status" -eq 1 ]
check "several: says why" contains "$err_file" \
	"refusing to overwrite 'out/acme/report.md' (use --force)"
run "$CTO_ASSESS" report acme/answers.json gamma.json -o out --force
check "several: --force replaces" [ "$status" -eq 0 ]

# An invalid file among them: the others are written, the status says so.
printf '{"answers": {"stage": "seeed"}}\n' >bad.json
run "$CTO_ASSESS" report acme/answers.json bad.json gamma.json \
	-q "$root_dir/questionnaires/cto-readiness.yaml" -o mixed
check "several: an invalid file is exit 3" [ "$status" -eq 3 ]
check "several: the others are written" \
	[ -f mixed/acme/report.md -a -f mixed/gamma/report.md ]
check "several: the invalid one is not" [ ! -e mixed/bad ]
check "several: its error at its place" contains "$err_file" \
	"bad.json:1:23: error: unknown choice 'seeed' for question 'stage'"
check "several: how many were not reported" contains "$err_file" \
	"cto-assess: error: 1 of 3 answers files not reported"

# Usage errors, before anything is written.
mkdir -p other/acme
cp acme/answers.json other/acme/answers.json
run "$CTO_ASSESS" report acme/answers.json other/acme/answers.json -o clash
check "several: two files for one directory is a usage error" \
	[ "$status" -eq 2 ]
check "several: which two" contains "$err_file" \
	"'acme/answers.json' and 'other/acme/answers.json' would both be reported into 'clash/acme/'"
check "several: nothing written on a clash" [ ! -e clash ]
run "$CTO_ASSESS" report acme/answers.json gamma.json
check "several: standard output is a usage error" [ "$status" -eq 2 ]
check "several: asks for a directory" contains "$err_file" \
	"several answers files are reported into a directory (give it with -o DIR)"

done_testing
