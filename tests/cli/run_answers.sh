#!/bin/sh
# run_answers.sh - `cto-assess run --answers` and --batch: pre-filled and
# scripted answers; without a terminal every missing or invalid answer is
# listed with its place and nothing is written.  Also run's usage errors.
. "$(dirname "$0")/lib.sh"

q="$tests_dir/run/basic.yaml"
cd "$tmp" || exit 1
cp "$tests_dir"/run/answers-*.yaml "$tests_dir"/run/answers-*.expected .

run "$CTO_ASSESS" run -q "$q" --answers answers-complete.yaml -o out
check "answers: a complete YAML file runs without a question" [ "$status" -eq 0 ]
check "answers: reports written" [ -f out/report.md -a -f out/report.html ]
check "answers: session complete" contains out/answers.json '"completed_at":	"2'
check "answers: notes carried over" contains out/answers.json \
	'"mfa":	"Only for the cloud console."'
check "answers: no question printed" sh -c '! grep -q "> " "$1"' sh "$out_file"

# The session file of a run is valid --answers input (JSON).
run "$CTO_ASSESS" run -q "$q" --answers out/answers.json -o again -f md
check "answers: an earlier session is valid input" [ "$status" -eq 0 ]
check "answers: only the formats asked for" \
	[ -f again/report.md -a ! -f again/report.html ]

# Every invalid answer is listed at its place; nothing is written.
run "$CTO_ASSESS" run -q "$q" --answers answers-invalid.yaml -o bad
check "answers: invalid answers exit 3" [ "$status" -eq 3 ]
check_output "answers: every invalid answer listed with its place" \
	answers-invalid.expected "$err_file"
check "answers: nothing written" [ ! -e bad ]

# Missing answers without a terminal: listed, nothing written.
run "$CTO_ASSESS" run -q "$q" --answers answers-partial.yaml -o partial
check "answers: missing answers exit 3" [ "$status" -eq 3 ]
cat >missing.expected <<'EOT'
answers-partial.yaml: error: no answer to question 'tools' (Which of these does the team use?)
answers-partial.yaml: error: no answer to question 'backups' (How confident are you in your backups?)
answers-partial.yaml: error: no answer to question 'team_size' (How many engineers work on the product?)
answers-partial.yaml: error: no answer to question 'biggest_risk' (What is the biggest technical risk today?)
cto-assess: error: 4 questions without an answer; nothing was written
EOT
check_output "answers: every missing answer listed (funding does not apply)" \
	missing.expected "$err_file"
check "answers: nothing written for missing answers" [ ! -e partial ]

# --batch with an incomplete session file: the same listing.
printf 'Acme\n2\n' | "$CTO_ASSESS" run -q "$q" -o early >/dev/null 2>&1
run "$CTO_ASSESS" run --resume early/answers.json --batch
check "batch: an incomplete session is an error" [ "$status" -eq 3 ]
check "batch: the missing ones are named" contains "$err_file" \
	"early/answers.json: error: no answer to question 'mfa'"

# A JSON answers file with an error points at line and column.
printf '{"answers": {\n  "stage": "seed",\n  "backups": "high"\n}}\n' >bad.json
run "$CTO_ASSESS" run -q "$q" --answers bad.json -o badjson
check "answers: JSON errors carry their place" contains "$err_file" \
	"bad.json:3:14: error: answer to 'backups' must be a number, not 'high'"
printf '{"answers": {"stage": "seed",}}' >syntax.json
run "$CTO_ASSESS" run -q "$q" --answers syntax.json
check "answers: JSON syntax error exits 3" [ "$status" -eq 3 ]
check "answers: JSON syntax error has its place" contains "$err_file" \
	"syntax.json:1:30: error: JSON syntax error: unexpected '}', expected a string key"
printf 'answers:\n  tools: &t [ci]\n  x: *t\n' >alias.yaml
run "$CTO_ASSESS" run -q "$q" --answers alias.yaml
check "answers: YAML aliases refused" contains "$err_file" \
	"alias.yaml:2:10: error: YAML anchors and aliases are not supported"

# Answers to questions the questionnaire does not have (orphans) are kept,
# each in constant time: 100,000 orphan answers and 20,000 orphan notes
# must load within 20 s of CPU time.  CPU time rather than wall-clock time,
# so that a busy machine cannot fail the test; the margin is wide both ways:
# a linear load takes well under a second (a few under the sanitizers),
# while deleting each kept orphan from a cJSON object by a linear scan, as
# it was done, needs about two minutes for this file.
python3 - <<'PY'
import json
answers = {"company_name": "Acme", "stage": "seed", "mfa": "yes",
           "tools": ["ci"], "backups": 4, "team_size": 3,
           "funding": "long", "biggest_risk": "None"}
notes = {}
for i in range(100000):
    answers["old_%d" % i] = "yes"
for i in range(20000):
    notes["gone_%d" % i] = "a note"
with open("orphans.json", "w") as f:
    json.dump({"answers": answers, "notes": notes}, f)
PY
run sh -c 'ulimit -t 20; exec "$@"' sh "$CTO_ASSESS" run -q "$q" \
	--answers orphans.json --batch -o orphans -f json
check "orphans: 120,000 of them load in linear time" [ "$status" -eq 0 ]
check "orphans: each is a warning" \
	[ "$(grep -c "warning: no question" "$err_file")" -eq 120000 ]
check "orphans: kept in the session, answers and notes" python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["orphans"]
sys.exit(not (len(o["answers"]) == 100000 and len(o["notes"]) == 20000
              and o["answers"]["old_99999"] == "yes"
              and o["notes"]["gone_0"] == "a note"))' orphans/answers.json

# Only regular files are read.  A FIFO named by an answers file once made
# report, --resume and compare wait forever for a writer; every command
# runs under timeout, so that the test fails rather than hangs if it comes
# back.  /dev/null is a device: it was read as an empty questionnaire.
mkfifo fifo.yaml
mkdir answers-dir.json
for target in fifo.yaml /dev/null; do
	printf '{"schema": "cto-assess/answers/1",\n' >to-special.json
	printf ' "questionnaire": {"id": "run-basic", "path": "%s"},\n' \
		"$target" >>to-special.json
	printf ' "answers": {"stage": "seed"}}\n' >>to-special.json
	run timeout 10 "$CTO_ASSESS" report to-special.json -f json -o -
	check "special files: report with path $target exits 3" \
		[ "$status" -eq 3 ]
	check "special files: report says $target is not a regular file" \
		contains "$err_file" "'$target' is not a regular file"
	run timeout 10 "$CTO_ASSESS" run --resume to-special.json --batch
	check "special files: --resume with path $target exits 3" \
		[ "$status" -eq 3 ]
	check "special files: --resume says $target is not a regular file" \
		contains "$err_file" "'$target' is not a regular file"
	run timeout 10 "$CTO_ASSESS" compare to-special.json to-special.json
	check "special files: compare with path $target fails" \
		[ "$status" -ne 0 ] && [ "$status" -ne 124 ]
	check "special files: compare says $target is not a regular file" \
		contains "$err_file" "'$target' is not a regular file"
done
run timeout 10 "$CTO_ASSESS" run -q "$q" --answers fifo.yaml --batch -o x
check "special files: a FIFO as the answers file exits 3" [ "$status" -eq 3 ]
check "special files: a FIFO as the answers file is named" \
	contains "$err_file" "fifo.yaml: error: 'fifo.yaml' is not a regular file"
run timeout 10 "$CTO_ASSESS" report answers-dir.json -q "$q" -f json -o -
check "special files: a directory as the answers file exits 3" \
	[ "$status" -eq 3 ]
check "special files: a directory as the answers file is named" \
	contains "$err_file" "answers-dir.json: error: 'answers-dir.json' is not a regular file"

# Usage errors.
run "$CTO_ASSESS" run --resume a.json --answers b.yaml
check "usage: --resume with --answers" [ "$status" -eq 2 ]
check "usage: ... explained" contains "$err_file" \
	"--resume and --answers cannot be used together"
run "$CTO_ASSESS" run --bogus
check "usage: unknown option exits 2" [ "$status" -eq 2 ]
run "$CTO_ASSESS" run -q "$q" -f pdf
check "usage: unknown format exits 2" [ "$status" -eq 2 ]
run "$CTO_ASSESS" run --color=sometimes
check "usage: unknown colour mode exits 2" [ "$status" -eq 2 ]
run "$CTO_ASSESS" run extra
check "usage: stray argument exits 2" [ "$status" -eq 2 ]
run "$CTO_ASSESS" run --help
check "help: exits 0" [ "$status" -eq 0 ]
check "help: documents --resume" contains "$out_file" "--resume FILE"
run "$CTO_ASSESS" help run
check "help run: the same text" contains "$out_file" "usage: cto-assess run"
run "$CTO_ASSESS" run -q "$tmp/nonexistent.yaml"
check "missing questionnaire exits 3" [ "$status" -eq 3 ]
run "$CTO_ASSESS" run --resume nonexistent.json
check "missing session exits 3" [ "$status" -eq 3 ]
check "missing session is named" contains "$err_file" "nonexistent.json"

# ---- whole numbers of people; "none of these" on its own -------------------
cd "$tmp" || exit 1
cat >people.yaml <<'EOT'
answers:
  team_size: 2.5
  sensitive_data: [none, health]
EOT
cat >people.expected <<'EOT'
people.yaml:2:14: error: answer 2.5 to 'team_size' is not a whole number (expected a whole number from 1 to 100000)
people.yaml:3:19: error: choice 'none' of 'sensitive_data' cannot be combined with other choices
cto-assess: error: invalid answers in 'people.yaml'; nothing was written
EOT
run "$CTO_ASSESS" run -q "$root_dir/questionnaires/cto-readiness.yaml" \
	--answers people.yaml --no-input -o people
check "answers: 2.5 people and 'none' with others exit 3" [ "$status" -eq 3 ]
check_output "answers: integer and exclusive, each at its place" \
	people.expected "$err_file"

# What a number question accepts is said whole, with or without a range;
# 1e300 is a whole number (and no integer overflows checking it).
cat >counts.yaml <<'EOT'
id: counts
title: Counts
version: "1"
areas:
  - id: ops
    title: Operations
    questions:
      - {id: outages, text: How many outages last year?, help: Count them.,
         type: number, integer: true, weight: 0}
      - {id: spend, text: Monthly cloud spend?, help: In dollars., type: number,
         min: 0, weight: 0}
EOT
cat >counts-answers.yaml <<'EOT'
answers:
  outages: 2.5
  spend: -3
EOT
cat >counts.expected <<'EOT'
counts-answers.yaml:2:12: error: answer 2.5 to 'outages' is not a whole number (expected a whole number)
counts-answers.yaml:3:10: error: answer -3 to 'spend' is out of range (expected a number 0 or more)
EOT
run "$CTO_ASSESS" report -q counts.yaml counts-answers.yaml -o counts.md
check "answers: numbers outside what they accept exit 3" [ "$status" -eq 3 ]
check_output "answers: what a number accepts, said whole" counts.expected \
	"$err_file"
printf 'answers:\n  outages: 1e300\n  spend: 0\n' >counts-huge.yaml
run "$CTO_ASSESS" report -q counts.yaml counts-huge.yaml -o counts.md
check "answers: 1e300 is a whole number" [ "$status" -eq 0 ]

# ---- answers from standard input -------------------------------------------
printf 'answers:\n  team_size: 2.5\n' >stdin.yaml
"$CTO_ASSESS" run -q "$root_dir/questionnaires/cto-readiness.yaml" \
	--answers - -o from-stdin <stdin.yaml \
	>"$out_file" 2>"$err_file"
status=$?
cat >stdin.expected <<'EOT'
<stdin>:2:14: error: answer 2.5 to 'team_size' is not a whole number (expected a whole number from 1 to 100000)
cto-assess: error: invalid answers on standard input; nothing was written
EOT
check "answers -: read from standard input, checked like a file" \
	[ "$status" -eq 3 ]
check_output "answers -: its errors name <stdin>" stdin.expected "$err_file"
"$CTO_ASSESS" run -q "$root_dir/questionnaires/cto-readiness.yaml" \
	--answers - -o from-stdin2 \
	<"$tests_dir/examples/idea-solo-agency.json" >"$out_file" 2>"$err_file"
status=$?
check "answers -: a complete JSON answers file writes the reports" \
	[ "$status" -eq 0 ] && [ -s from-stdin2/report.md ]

done_testing
