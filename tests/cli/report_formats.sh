#!/bin/sh
# report_formats.sh - every format checked by a real consumer: the Markdown
# by cmark-gfm (tables render, no raw HTML from hostile answers), the JSON
# against reports/report.schema.json with python3-jsonschema, the CSV by
# python3's csv module; and how `report` writes files: directories, one
# file, stdout, refusing to overwrite, --force, /dev/full, usage errors.
. "$(dirname "$0")/lib.sh"

basic="$tests_dir/report/basic"
q="$basic/questionnaire.yaml"
answers="$basic/answers.json"
schema="$root_dir/reports/report.schema.json"

# ---- Markdown through a CommonMark parser --------------------------------
run "$CTO_ASSESS" report "$answers" -q "$q" --format md -o "$tmp/r.md"
check "md to a file exits 0" [ "$status" -eq 0 ]
check "md: says what it wrote" contains "$out_file" "wrote $tmp/r.md"
cmark-gfm -e table "$tmp/r.md" >"$tmp/r.md.html"
check "md renders tables" contains "$tmp/r.md.html" "<table>"
check "md renders the scorecard row" contains "$tmp/r.md.html" \
	"<td>Security and reliability</td>"
check "md: no raw <script> from the company name" \
	sh -c "! grep -q '<script' '$tmp/r.md.html'"
check "md: no raw <img> from a note" sh -c "! grep -q '<img' '$tmp/r.md.html'"
check "md: no raw <b> from a free-text answer" \
	sh -c "! grep -q '<b>' '$tmp/r.md.html'"
check "md: the hostile text is shown as text" \
	contains "$tmp/r.md.html" "&lt;script&gt;alert(1)&lt;/script&gt;"
check "md: a '#' line in an answer is not a heading" \
	sh -c "! grep -q '<h1>Not a heading' '$tmp/r.md.html'"
check "md: a pipe in a note stays in its cell or line" \
	contains "$tmp/r.md.html" "Jenkins | flaky"
check "md: the report's seven sections" \
	[ "$(grep -c '^<h2>' "$tmp/r.md.html")" -ge 7 ]

# ---- JSON against its schema --------------------------------------------
run "$CTO_ASSESS" report "$answers" -q "$q" --format json -o -
check "json to stdout exits 0" [ "$status" -eq 0 ]
cp "$out_file" "$tmp/r.json"
validate_json() {
	python3 - "$schema" "$1" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
PY
}
check "json is valid against reports/report.schema.json" validate_json "$tmp/r.json"
check "json: no float noise" sh -c "! grep -q '0000000' '$tmp/r.json'"
# A document that breaks the schema must fail, so the check can fail.
sed 's/"horizon":\t"now"/"horizon":\t"soon"/' "$tmp/r.json" >"$tmp/bad.json"
fails() { ! "$@" 2>/dev/null; }
check "the schema check rejects a wrong horizon" fails validate_json "$tmp/bad.json"
run "$CTO_ASSESS" report "$basic/answers-incomplete.json" -q "$q" \
	--format json -o "$tmp/incomplete.json"
check "incomplete answers: json valid too" validate_json "$tmp/incomplete.json"
check "incomplete answers: complete is false" \
	contains "$tmp/incomplete.json" '"complete":	false'

# ---- CSV through python's csv module -------------------------------------
run "$CTO_ASSESS" report "$answers" -q "$q" --format csv -o "$tmp/plan.csv"
python3 - "$tmp/plan.csv" >"$tmp/csv.out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
for r in rows:
    print(r["rank"], r["horizon"], r["finding_ids"], r["risk"], r["effort"],
          r["impact"], repr(r["answers"]), repr(r["notes"]))
PY
# The plan of tests/report/basic/questionnaire.yaml, worked out there.
cat >"$tmp/csv.expected" <<'TXT'
1 now backups high medium 19.20 "Don't know (unknown)" ''
2 now mfa high low 9.00 'Some accounts' '<img src=x onerror=alert(1)>'
3 next scans medium medium 3.60 'Dependency scanning' ''
4 next ci medium low 2.40 'Some tests, run by hand' 'Jenkins | flaky `rm -rf /` *really*'
5 next deploys medium medium 2.00 '2 per week: weekly' ''
6 later reviews low high 0.50 '4 on a scale of 1 to 5' ''
TXT
check_output "csv parses into one row per action, in rank order" \
	"$tmp/csv.expected" "$tmp/csv.out"
check "csv records end in CRLF" \
	[ "$(grep -c "$(printf '\r')\$" "$tmp/plan.csv")" -eq 7 ]

# ---- where reports go ------------------------------------------------------
run "$CTO_ASSESS" report "$answers" -q "$q" -o "$tmp/out"
check "a directory gets every format" [ "$status" -eq 0 ]
for f in report.md report.json report.html action-plan.csv summary.txt; do
	check "directory holds $f" [ -s "$tmp/out/$f" ]
done
check "summary.txt has no colour" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out/summary.txt'"
cp "$tmp/out/report.md" "$tmp/before.md"
run "$CTO_ASSESS" report "$answers" -q "$q" -o "$tmp/out"
check "existing reports are not overwritten (exit 1)" [ "$status" -eq 1 ]
check "refusal names the file and --force" \
	contains "$err_file" "refusing to overwrite '$tmp/out/report.md' (use --force)"
run "$CTO_ASSESS" report "$answers" -q "$q" -o "$tmp/out" --force
check "--force replaces them" [ "$status" -eq 0 ]
run "$CTO_ASSESS" report "$answers" -q "$q" --format md,json -o "$tmp/two"
check "two formats create a directory" [ -s "$tmp/two/report.md" ] && [ -s "$tmp/two/report.json" ]
check "only the formats asked for" [ ! -e "$tmp/two/report.html" ]
run "$CTO_ASSESS" report "$answers" -q "$q" -o "$tmp/page.html"
check "the format follows the file name" contains "$tmp/page.html" "<!DOCTYPE html>"
run "$CTO_ASSESS" report "$answers" -q "$q" -o /dev/full --format md
check "-o /dev/full fails with status 1" [ "$status" -eq 1 ]
check "-o /dev/full says why" contains "$err_file" "cannot write '/dev/full'"
run sh -c "'$CTO_ASSESS' report '$answers' -q '$q' --format json -o - >/dev/full"
check "stdout on /dev/full fails" [ "$status" -eq 1 ]
check "stdout on /dev/full says why" contains "$err_file" "write failure on standard output"
run "$CTO_ASSESS" report "$answers" -q "$q" --format md,json -o -
check "two formats to stdout is an error" [ "$status" -eq 1 ]
check "... that says so" contains "$err_file" "cannot write 2 formats to standard output"
run "$CTO_ASSESS" report "$answers" -q "$q" --format pdf
check "an unknown format is a usage error" [ "$status" -eq 2 ]
check "... naming the formats" contains "$err_file" "unknown format 'pdf' (expected md, json, html, csv, text)"
run "$CTO_ASSESS" report "$answers" -q "$q" --format jsno
check "a misspelt format gets a hint" contains "$err_file" "did you mean 'json'?"
run "$CTO_ASSESS" report "$answers" -q "$q" -o "$tmp/x.pdf"
check "an unknown extension asks for --format" [ "$status" -eq 2 ]
run "$CTO_ASSESS" report
check "no answers file is a usage error" [ "$status" -eq 2 ]
run "$CTO_ASSESS" report --help
check "--help exits 0" [ "$status" -eq 0 ]
check "--help shows usage" contains "$out_file" "usage: cto-assess report ANSWERS"
# The usage lists the formats of the one table, each with its file.
cat >"$tmp/formats" <<'TXT'
Formats, with their file in a directory:
  md     report.md        the report in Markdown
  json   report.json      the report as JSON, for tools
  html   report.html      the report as one web page
  csv    action-plan.csv  the action plan, for a spreadsheet
  text   summary.txt      the terminal summary
TXT
sed -n '/^Formats/,/^$/p' "$out_file" | sed '/^$/d' >"$tmp/formats.out"
check_output "--help lists every format and its file" "$tmp/formats" "$tmp/formats.out"

# ---- the terminal summary -------------------------------------------------
run "$CTO_ASSESS" report "$answers" -q "$q"
check "text is the default on stdout" contains "$out_file" "Top actions"
check "no colour when stdout is not a terminal" \
	sh -c "! grep -q \"$(printf '\033')\" '$out_file'"
run "$CTO_ASSESS" report "$answers" -q "$q" --color=always
check "--color=always colours" grep -q "$(printf '\033')\[" "$out_file"
run env NO_COLOR=1 "$CTO_ASSESS" report "$answers" -q "$q" --color=auto
check "NO_COLOR is honoured" sh -c "! grep -q \"$(printf '\033')\" '$out_file'"
run "$CTO_ASSESS" report "$answers" -q "$q" --color=sometimes
check "a bad --color is a usage error" [ "$status" -eq 2 ]

# ---- inputs ----------------------------------------------------------------
printf '{"schema": "cto-assess/answers/1", "answers": {"mfa": "maybe"}}' \
	>"$tmp/bad-answers.json"
run "$CTO_ASSESS" report "$tmp/bad-answers.json" -q "$q"
check "invalid answers exit 3" [ "$status" -eq 3 ]
check "... with the place of the error" contains "$err_file" "bad-answers.json:1:"
run "$CTO_ASSESS" report "$tmp/missing.json" -q "$q"
check "a missing answers file exits 3" [ "$status" -eq 3 ]
# The questionnaire named by the answers file (path relative to it).
mkdir "$tmp/kit"
cp "$q" "$tmp/kit/basic.yaml"
sed 's|"questionnaire": { "id": "basic", "version": "1.0" }|"questionnaire": { "id": "basic", "version": "1.0", "path": "basic.yaml" }|' \
	"$answers" >"$tmp/kit/answers.json"
run "$CTO_ASSESS" report "$tmp/kit/answers.json" --format json -o -
check "the questionnaire path in the answers file is found" [ "$status" -eq 0 ]
# ... or its id, through $CTO_ASSESS_QUESTIONNAIRES.
run env CTO_ASSESS_QUESTIONNAIRES="$tmp/kit" "$CTO_ASSESS" report "$answers" \
	--format json -o -
check "the questionnaire id is looked up" [ "$status" -eq 0 ]
check "... and scored with it" contains "$out_file" '"score":	42.8'
# An answers file that names no questionnaire is not scored against the
# default one (every answer would be an orphan): it asks for -q.
sed '/"questionnaire":/d' "$answers" >"$tmp/anonymous.json"
run "$CTO_ASSESS" report "$tmp/anonymous.json"
check "no questionnaire named: exit 3" [ "$status" -eq 3 ]
echo "cto-assess: error: '$tmp/anonymous.json' does not say which questionnaire it answers (give it with -q)" \
	>"$tmp/expected"
check_output "... asking for -q" "$tmp/expected" "$err_file"
check "... and nothing on stdout" [ ! -s "$out_file" ]
run "$CTO_ASSESS" report "$tmp/anonymous.json" -q "$q" --format json -o -
check "... with -q it is scored" contains "$out_file" '"score":	42.8'
run "$CTO_ASSESS" compare "$tmp/anonymous.json" "$tmp/kit/answers.json"
check "compare asks for -q too (exit 3)" [ "$status" -eq 3 ]
check_output "... with the same message" "$tmp/expected" "$err_file"

done_testing
