#!/bin/sh
# report_framing.sh - a report framed by its questionnaire: a Joel Test
# (tests/report/joel, whose scores report_golden.sh checks) has its own
# title, subtitle and profile rows and no company or stage row in any
# format; a questionnaire without a `report:` key, a name question or a
# stage question is titled "TITLE report" and shows neither row either.
. "$(dirname "$0")/lib.sh"

joel="$tests_dir/report/joel"

report() {
	run "$CTO_ASSESS" report "$1" -q "$2" --format "$3" -o - --color=never
	cp "$out_file" "$tmp/out.$3"
}

report "$joel/answers.json" "$joel/questionnaire.yaml" md
check "joel: md exits 0" [ "$status" -eq 0 ]
check "joel: md title is the questionnaire's own" \
	[ "$(head -n 1 "$tmp/out.md")" = "# Joel Test report" ]
check "joel: md subtitle under the title" \
	[ "$(sed -n 3p "$tmp/out.md")" = "Twelve steps to better code, abridged to six" ]
cat >"$tmp/expected" <<'MD'
| | |
|---|---|
| Which team is this? | Platform team |
| Assessment date | 2026-11-20 |
MD
sed -n '5,8p' "$tmp/out.md" >"$tmp/actual"
check_output "joel: md profile rows are the listed ones, in order" \
	"$tmp/expected" "$tmp/actual"
check "joel: md has no company row" lacks "$tmp/out.md" "| Company |"
check "joel: md has no stage row" lacks "$tmp/out.md" "| Stage |"
check "joel: md says no 'Not given'" lacks "$tmp/out.md" "Not given"
check "joel: a text answer in the profile is not quoted again" \
	[ "$(grep -c 'Platform team' "$tmp/out.md")" -eq 1 ]
check "joel: md never says 'Technology readiness'" \
	lacks "$tmp/out.md" "Technology readiness"

report "$joel/answers.json" "$joel/questionnaire.yaml" html
check "joel: html title element" \
	contains "$tmp/out.html" "<title>Joel Test report</title>"
check "joel: html heading is the title (no company)" \
	contains "$tmp/out.html" "<h1>Joel Test report</h1>"
check "joel: html subtitle" contains "$tmp/out.html" \
	'<p class="subtitle">Twelve steps to better code, abridged to six</p>'
check "joel: html team row" contains "$tmp/out.html" \
	"<dt>Which team is this?</dt><dd>Platform team</dd>"
check "joel: html has no stage row" lacks "$tmp/out.html" "<dt>Stage</dt>"
check "joel: html has no questionnaire row (not listed)" \
	lacks "$tmp/out.html" "<dt>Questionnaire</dt>"

report "$joel/answers.json" "$joel/questionnaire.yaml" json
python3 - "$tmp/out.json" >"$tmp/actual" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["title"], "|", r["subtitle"], "|", r["company"], "|", r["stage"])
PY
echo "Joel Test report | Twelve steps to better code, abridged to six | None | None" \
	>"$tmp/expected"
check_output "joel: json title, subtitle, no company, no stage" \
	"$tmp/expected" "$tmp/actual"

report "$joel/answers.json" "$joel/questionnaire.yaml" text
sed -n '1,3p' "$tmp/out.text" >"$tmp/actual"
printf '%s\n' "Joel Test report" "Twelve steps to better code, abridged to six" \
	"Joel Test 1.0, 2026-11-20" >"$tmp/expected"
check_output "joel: text header" "$tmp/expected" "$tmp/actual"

# No `report:` at all, no name and no stage question: "TITLE report", and
# the default rows without Company and Stage.
cat >"$tmp/dora.yaml" <<'YAML'
id: dora
title: DORA check
version: "1"
areas:
  - id: delivery
    title: Delivery
    questions:
      - id: deploys
        text: How often do you deploy?
        help: Small, frequent changes fail less.
        advice: Deploy smaller changes more often.
        choices:
          - {id: monthly, label: Monthly, score: 0}
          - {id: daily, label: Daily, score: 1}
YAML
cat >"$tmp/dora-answers.yaml" <<'YAML'
answers:
  deploys: monthly
YAML
report "$tmp/dora-answers.yaml" "$tmp/dora.yaml" md
check "dora: md exits 0" [ "$status" -eq 0 ]
check "dora: default title is the questionnaire's and 'report'" \
	[ "$(head -n 1 "$tmp/out.md")" = "# DORA check report" ]
check "dora: no company row" lacks "$tmp/out.md" "| Company |"
check "dora: no stage row" lacks "$tmp/out.md" "| Stage |"
check "dora: the date row" contains "$tmp/out.md" "| Assessment date | "
check "dora: the questionnaire row" \
	contains "$tmp/out.md" "| Questionnaire | DORA check (dora, version 1) |"
report "$tmp/dora-answers.yaml" "$tmp/dora.yaml" text
check "dora: text title" [ "$(head -n 1 "$tmp/out.text")" = "DORA check report" ]

# An explicit empty profile shows no table.
sed 's/^version: "1"$/version: "1"\nreport: {profile: []}/' "$tmp/dora.yaml" \
	>"$tmp/dora-bare.yaml"
report "$tmp/dora-answers.yaml" "$tmp/dora-bare.yaml" md
check "an empty profile shows no table" lacks "$tmp/out.md" "| | |"

done_testing
