#!/bin/sh
# import_aws.sh - `cto-assess import aws-lens`: the hand-written lens in
# tests/import/lens-mini.json, broken lenses with their exact diagnostics,
# then (when CI has them beside the clone) the four lenses of the public
# custom lens hub in ../shared/frameworks/aws-lenses/.
#
# tests/import/lens_check.py evaluates the lens's riskRules and the rules
# the importer wrote with evaluators of its own, for every answer a
# respondent can give, and compares the risks; then the risks of cto-assess's
# reports with the lens's, for many sets of answers.
. "$(dirname "$0")/lib.sh"

import_dir="$tests_dir/import"
frameworks="$root_dir/../shared/frameworks"
cd "$tmp" || exit 1
# Files get 0666 and directories 0777 less the umask: 0644 and 0755 here.
umask 022

# ---- the hand-written lens ----------------------------------------------------

run "$CTO_ASSESS" import aws-lens "$import_dir/lens-mini.json" -o mini --strict
check "the lens imports" [ "$status" -eq 0 ]
check "it says what it wrote" contains "$out_file" \
	"mini/mini-lens-for-the-tests.yaml: ok (2 areas, 4 questions, in 3 files)"
# '_version' is no key of the lens format: noted with --strict, never used.
# An ftp:// link is dropped: reports link only to http and https.
cat >expected <<EOF
$import_dir/lens-mini.json:3:5: note: ignoring unknown key '_version' in the lens
$import_dir/lens-mini.json:174:40: warning: ignoring URL 'ftp://example.org/inventory' (only http and https links are kept)
EOF
check_output "a note for '_version', a warning for the ftp link" expected \
	"$err_file"
check "one file per pillar" [ -f mini/areas/ops.yaml ] && \
	[ -f mini/areas/sec.yaml ]
check "files are 0644" [ "$(stat -c %a mini/areas/sec.yaml)" = 644 ]
check "the header names the lens and its schema version" \
	contains mini/mini-lens-for-the-tests.yaml \
	"# (lens-mini.json), version 2021-11-01."
check "the header says the lens states no licence" \
	contains mini/areas/ops.yaml \
	"# Licence of the source: not stated in the lens file."

run python3 "$import_dir/lens_check.py" structure \
	"$import_dir/lens-mini.json" mini
check "pillars, questions and best practices kept verbatim" [ "$status" -eq 0 ]
run python3 "$import_dir/lens_check.py" rules "$import_dir/lens-mini.json" mini
check "every answer gets the lens's risk from the rules written" \
	[ "$status" -eq 0 ]

# What the rules say, read with PyYAML.  OPS_1's conditions:
#   OPS_1_1 && OPS_1_2 && OPS_1_3 -> NO_RISK, !OPS_1_1 || (OPS_1_no) ->
#   HIGH_RISK, default -> MEDIUM_RISK; a risk's score: none 1, medium 0.5,
#   high 0.
run python3 -c '
import yaml
q = yaml.safe_load(open("mini/areas/ops.yaml"))["areas"][0]["questions"]
for r in q[0]["rules"]:
    print("%s | %s | %s" % (r["when"], r["risk"], r["score"]))
print([c["id"] for c in q[1]["choices"] if c.get("exclusive")])'
cat >expected <<'EOF'
ops_1 includes ops_1_1 and ops_1 includes ops_1_2 and ops_1 includes ops_1_3 | none | 1
not ops_1 includes ops_1_1 or ops_1 includes ops_1_no | high | 0
true | medium | 0.5
['ops_2_no']
EOF
check_output "rules in the condition language; a 'none of these' added" \
	expected "$out_file"
check "'_no' is exclusive" contains mini/areas/ops.yaml "exclusive: true"
check "an improvement plan is advice" contains mini/areas/ops.yaml \
	"advice: Move every deployment into a pipeline."
check "a helpful resource's link is a reference" contains mini/areas/ops.yaml \
	"url: https://example.org/pipeline"
check "a question's own resource too" contains mini/areas/sec.yaml \
	"url: https://example.org/least-privilege"

# ---- the imported lens is a questionnaire like any other -----------------

run "$CTO_ASSESS" validate --strict mini
check "validate --strict accepts the imported lens" [ "$status" -eq 0 ]
run python3 "$import_dir/schema_check.py" \
	"$root_dir/questionnaires/questionnaire.schema.json" mini
check "the JSON Schema accepts it too, as an editor would" [ "$status" -eq 0 ]
run "$CTO_ASSESS" list -q mini
check "list shows its rules" contains "$out_file" \
	"rule: true -> medium, score 0.5"

# OPS_1 [pipeline, small]: neither all three nor !OPS_1_1: default,
# MEDIUM_RISK, score 0.5, advice of the one box not ticked (rollback).
# OPS_2 [none of these]: OPS_2_1 is not ticked: default, HIGH_RISK, 0.
# SEC_1 [a, c]: (a && c) holds: NO_RISK, 1.  SEC_2 [2]: default, NO_RISK.
# Operations: (0.5 + 0) / 2 = 25.0; Security: (1 + 1) / 2 = 100.0.
cat >answers.yaml <<'EOF'
answers:
  ops_1: [ops_1_1, ops_1_2]
  ops_2: [ops_2_no]
  sec_1: [sec_1_a, sec_1_c]
  sec_2: [sec_2_2]
EOF
run "$CTO_ASSESS" report answers.yaml -q mini -f json -o report.json
check "report works on the imported lens" [ "$status" -eq 0 ]
run python3 -c '
import json
r = json.load(open("report.json"))
print(" ".join("%s=%s" % (a["id"], a["score"]) for a in r["areas"]))
for f in r["findings"]:
    print(f["id"], f["risk"], f["advice"],
          [x["url"] for x in f.get("references", [])])'
cat >expected <<'EOF'
ops=25 sec=100
ops_2 high Hold a game day this quarter. []
ops_1 medium Roll back when the health checks fail. ['https://example.org/rollback']
EOF
check_output "high and medium risks are the findings, as worked out" \
	expected "$out_file"
run python3 "$import_dir/lens_check.py" report "$import_dir/lens-mini.json" \
	mini answers.yaml report.json
check "the report's risks are the lens's" [ "$status" -eq 0 ]
run "$CTO_ASSESS" report answers.yaml -q mini -f html -o report.html
run python3 "$tests_dir/html/check-self-contained.py" report.html
check "the HTML report links its references and loads nothing" \
	[ "$status" -eq 0 ]
check "a reference is a link" contains report.html \
	'<a href="https://example.org/rollback" rel="noopener noreferrer">'
run "$CTO_ASSESS" report answers.yaml -q mini -f md -o -
check "and a Markdown link" contains "$out_file" \
	"[Roll back when the health checks fail.](<https://example.org/rollback>)"

# "None of these" only alone: refused in an answers file and at the prompt.
printf 'answers:\n  ops_1: [ops_1_1, ops_1_no]\n' >both.yaml
run "$CTO_ASSESS" run -q mini --answers both.yaml --batch -o both
check "an answers file ticking '_no' with another is refused" \
	[ "$status" -eq 3 ]
check "and says why, at its place" contains "$err_file" \
	"both.yaml:2:10: error: choice 'ops_1_no' of 'ops_1' cannot be combined with other choices"
printf '1,4\n' >line
run sh -c '"$1" run -q mini -o piped <line' sh "$CTO_ASSESS"
check "the interview refuses it too" contains "$err_file" \
	"'None of these' cannot be combined with other choices"

# ---- broken lenses ------------------------------------------------------------

cd "$import_dir" || exit 1
for f in bad/*.json; do
	run "$CTO_ASSESS" import aws-lens "$f" -o "$tmp/bad-out" --strict
	check "$f exits 3" [ "$status" -eq 3 ]
	check "$f writes nothing" [ ! -e "$tmp/bad-out" ]
	check_output "$f diagnostics" "${f%.json}.stderr" "$err_file"
done
run "$CTO_ASSESS" import aws-lens bad/lens-mistakes.json -o "$tmp/bad-out"
check "every mistake of a lens in one pass" \
	[ "$(grep -c ': error: ' "$err_file")" -eq 11 ]
cd "$tmp" || exit 1

printf '[1, 2]\n' >array.json
run "$CTO_ASSESS" import aws-lens array.json
check "a lens must be an object" contains "$err_file" \
	"array.json:1:1: error: a lens must be a JSON object, not a list"
run "$CTO_ASSESS" import aws-lens missing.json
check "a missing lens exits 3" [ "$status" -eq 3 ]
check "a missing lens says so" contains "$err_file" \
	"missing.json: error: cannot open 'missing.json': No such file or directory"

# ---- the lenses of the hub ------------------------------------------------------

if [ ! -d "$frameworks/aws-lenses" ]; then
	test_count=$((test_count + 1))
	echo "ok $test_count - the hub's lenses # SKIP $frameworks is absent"
	done_testing
	exit
fi
for lens in "$frameworks"/aws-lenses/*.json; do
	name=$(basename "$lens" .json)
	run "$CTO_ASSESS" import aws-lens "$lens" -o "$name"
	check "$name imports" [ "$status" -eq 0 ]
	check "$name: nothing to say without --strict" [ ! -s "$err_file" ]
	run python3 "$import_dir/lens_check.py" structure "$lens" "$name"
	check "$name: structure and texts" [ "$status" -eq 0 ]
	run python3 "$import_dir/lens_check.py" rules "$lens" "$name"
	check "$name: the rules give the lens's risks" [ "$status" -eq 0 ]
	run "$CTO_ASSESS" validate --strict "$name"
	check "$name validates with --strict" [ "$status" -eq 0 ]
	# Answers 0 to 15 go through every answer of the questions that have
	# at most 16; cto-assess's risk must be the lens's every time.
	bad=
	for seed in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		python3 "$import_dir/lens_check.py" answers "$lens" "$name" \
			"$seed" >answers.yaml
		"$CTO_ASSESS" report answers.yaml -q "$name" -f json \
			-o report.json --force >/dev/null 2>&1 &&
		python3 "$import_dir/lens_check.py" report "$lens" "$name" \
			answers.yaml report.json 2>>"$tmp/lens-report.log" ||
			bad="$bad $seed"
	done
	check "$name: report's risks are the lens's for 16 answer sets" \
		[ -z "$bad" ]
	[ -z "$bad" ] || sed 's/^/#   /' "$tmp/lens-report.log" | head -5
	"$CTO_ASSESS" report answers.yaml -q "$name" -f html -o report.html \
		--force >/dev/null 2>&1
	run python3 "$tests_dir/html/check-self-contained.py" report.html
	check "$name: the HTML report loads nothing" [ "$status" -eq 0 ]
done

done_testing
