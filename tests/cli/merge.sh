#!/bin/sh
# merge.sh - `cto-assess merge`: three respondents (tests/team/*.yaml, the
# CEO, the lead developer and the agency, answering tests/run/basic.yaml)
# merged into one assessment, end to end to every report format, by each
# rule and threshold; the merged file read back by report, compare and
# run --resume; and merge's refusals.
#
# What each says (score 0-1) and what the cautious rule keeps:
#   company_name  Acme / Acme / Acme Inc    most often: Acme
#   mfa (w 3)     yes 1 / no 0 / yes 1      no
#   tools         ci,cd,iac 1 / ci .33 / ci,cd .67          ci
#   backups       5 -> 1 / 1 -> 0 / 3 -> .5 (scale 1-5)     1
#   team_size     4 -> 1 / don't know / 6 -> 1              don't know
#   funding       long / long / skipped     long
#   biggest_risk  Hiring / The database / The database: all three kept
# Security = 100 * (3*0 + .333 + 0 + 0 + 1) / 7 = 19.0 (cautious);
# median: mfa yes, tools ci,cd (.667), backups 3 (.5), team_size 4 (1):
# 100 * (3 + .667 + .5 + 1 + 1) / 7 = 88.1.
# Disagreements (more than 0.4 apart): mfa, backups, team_size (spread 1)
# and tools (.67); all high at stake; mfa first (impact 3*1*1), then
# backups and team_size (impact 1, questionnaire order), then tools.
. "$(dirname "$0")/lib.sh"

q="$tests_dir/run/basic.yaml"
schema="$root_dir/reports/report.schema.json"
cd "$tmp" || exit 1
cp "$tests_dir"/team/ceo.yaml "$tests_dir"/team/lead.yaml \
	"$tests_dir"/team/agency.yaml .

run "$CTO_ASSESS" merge ceo.yaml lead.yaml agency.yaml -q "$q" -o merged.json
check "merge: exits 0" [ "$status" -eq 0 ]
check "merge: says what it merged" contains "$err_file" \
	"merged 3 respondents (Ana (CEO), Ben (Lead developer), agency) by the cautious rule into merged.json; they disagree on 4 questions"
python3 - <<'PY' >"$tmp/merged.check" 2>&1
import json
m = json.load(open("merged.json"))
assert m["schema"] == "cto-assess/answers/1"
assert m["answers"] == {
    "company_name": "Acme", "stage": "seed", "mfa": "no", "tools": ["ci"],
    "backups": 1, "team_size": {"status": "dont_know"}, "funding": "long",
    "biggest_risk": "Ana (CEO): Hiring\nBen (Lead developer): The database\n"
                    "agency: The database"}, m["answers"]
assert m["notes"] == {"backups": "Ana (CEO): We test restores monthly.\n"
                                 "Ben (Lead developer): Never restored."}
assert m["merge"] == {"rule": "cautious", "threshold": 0.4}
assert [(r["name"], r["role"], r["source"]) for r in m["respondents"]] == [
    ("Ana", "CEO", "ceo.yaml"), ("Ben", "Lead developer", "lead.yaml"),
    ("agency", None, "agency.yaml")]
assert m["respondents"][1]["answers"]["team_size"] == {"status": "dont_know"}
assert m["respondents"][2]["answers"]["funding"] == {"status": "skipped"}
assert m["completed_at"] == "2026-11-22T16:30:00Z"
print("ok")
PY
check "merge: the merged answers, notes and respondents" \
	contains "$tmp/merged.check" "ok"
sed 's/^/# /' "$tmp/merged.check" | grep -v '^# ok$'

# ---- the merged file is an answers file: every format ------------------
run "$CTO_ASSESS" report merged.json -o out
check "report: every format of a merged assessment" [ "$status" -eq 0 -a \
	-f out/report.md -a -f out/report.json -a -f out/report.html -a \
	-f out/action-plan.csv -a -f out/summary.txt ]
sed -n '/^## Where you disagree$/,/^## Action plan$/p' out/report.md |
	sed '$d' >disagree.md
check_output "md: where you disagree, who said what, by risk at stake" \
	"$tests_dir/team/disagree.md" disagree.md
check "md: the respondents beside the company" contains out/report.md \
	"| Respondents | Ana (CEO), Ben (Lead developer) and agency |"
check "md: the headline says they disagree" contains out/report.md \
	"The answers of 3 respondents are merged; they disagree on 4 questions."
check "md: one action to agree on the facts, first" contains out/report.md \
	"1. **Agree on the facts where your team disagrees** (4 findings)"
check "md: a disagreement is not an open risk of its own" lacks out/report.md \
	"- **High:** Agree on the facts"
check "md: the date is the last respondent's" contains out/report.md \
	"| Assessment date | 2026-11-22 |"
cmark-gfm -e table out/report.md >report.md.html
check "md: renders" contains report.md.html "<h2>Where you disagree</h2>"

python3 - "$schema" <<'PY' >"$tmp/json.check" 2>&1
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
r = json.load(open("out/report.json"))
try:
    jsonschema.Draft202012Validator(schema).validate(r)
except jsonschema.ValidationError as e:
    sys.exit("invalid: %s at %s" % (e.message, list(e.absolute_path)))
assert r["overall"]["score"] == 19.0, r["overall"]["score"]
assert [x["name"] for x in r["respondents"]] == ["Ana", "Ben", "agency"]
assert r["merge"] == {"rule": "cautious", "threshold": 0.4,
                      "disagreements": 4}
agree = [f["id"] for f in r["findings"] if f["kind"] == "disagreement"]
assert agree == ["agree:mfa", "agree:backups", "agree:team_size",
                 "agree:tools"], agree
mfa = [f for f in r["findings"] if f["id"] == "mfa"][0]
assert mfa["kind"] == "answer"
assert [(a["respondent"], a["value"], a["score"])
        for a in mfa["answers_by_respondent"]] == [
    ("Ana", "yes", 100), ("Ben", "no", 0), ("agency", "yes", 100)]
ts = [f for f in r["findings"] if f["id"] == "agree:team_size"][0]
assert [a["status"] for a in ts["answers_by_respondent"]] == [
    "answered", "dont_know", "answered"]
assert ts["spread"] == 1 and ts["risk"] == "high" and ts["effort"] == "low"
assert r["actions"][0]["id"] == "agree-on-the-facts"
assert r["actions"][0]["findings"] == agree
print("ok")
PY
check "json: valid, with respondents and answers_by_respondent" \
	contains "$tmp/json.check" "ok"
sed 's/^/# /' "$tmp/json.check" | grep -v '^# ok$'

run python3 "$tests_dir/html/check-self-contained.py" out/report.html
check "html: self-contained" [ "$status" -eq 0 ]
check "html: where you disagree" contains out/report.html \
	'<section id="disagreements">'
check "html: who said what" contains out/report.html \
	"<li><strong>Ben (Lead developer):</strong> Don&#39;t know</li>"
check "html: the respondents beside the company" contains out/report.html \
	"<dt>Respondents</dt><dd>Ana (CEO), Ben (Lead developer) and agency</dd>"
python3 - <<'PY' >"$tmp/csv.check" 2>&1
import csv
rows = list(csv.DictReader(open("out/action-plan.csv", newline="")))
first = rows[0]
assert first["action_id"] == "agree-on-the-facts", first
assert first["finding_ids"] == \
    "agree:mfa; agree:backups; agree:team_size; agree:tools", first
assert first["answers"].startswith(
    "Ana (CEO): Yes | Ben (Lead developer): No | agency: Yes; "), first
print("ok")
PY
check "csv: the agree action, who said what" contains "$tmp/csv.check" "ok"
sed 's/^/# /' "$tmp/csv.check" | grep -v '^# ok$'
check "text: where you disagree" contains out/summary.txt \
	"Where you disagree (4 questions, the first 3):"
check "text: who said what" contains out/summary.txt \
	"    Ana (CEO): Yes | Ben (Lead developer): No | agency: Yes"

# ---- the median rule and the threshold ------------------------------------
run "$CTO_ASSESS" merge ceo.yaml lead.yaml agency.yaml -q "$q" \
	--rule median --threshold 0.7 -o median.json
check "median: exits 0" [ "$status" -eq 0 ]
check "median: tools .67 apart is not more than 0.7" contains "$err_file" \
	"by the median rule into median.json; they disagree on 3 questions"
run "$CTO_ASSESS" report median.json -f json -o median-report.json
check "median: overall 88.1" contains median-report.json \
	'"score":	88.1,'
check "median: said in the report" contains median-report.json \
	'"rule":	"median"'

# ---- read back as any answers file ----------------------------------------
run "$CTO_ASSESS" compare ceo.yaml merged.json -q "$q" -f json -o cmp.json
check "compare: a founder's view against the team's" [ "$status" -eq 0 ]
check "compare: the score fell" contains cmp.json '"new":	19'
mkdir resume && cp merged.json resume/answers.json
run "$CTO_ASSESS" run --resume resume/answers.json --batch -f md
check "run --resume of a merged file" [ "$status" -eq 0 ]
python3 -c '
import json
m = json.load(open("resume/answers.json"))
assert len(m["respondents"]) == 3 and m["merge"]["rule"] == "cautious"
print("ok")' >resume.check 2>&1
check "run --resume keeps every respondent" contains resume.check ok
run "$CTO_ASSESS" merge merged.json -q "$q" --rule median -o again.json
check "a merged file alone merges again, by another rule" contains \
	"$err_file" "merged 3 respondents"
run "$CTO_ASSESS" run -q "$q" --answers merged.json --respondent "Dee" \
	-o dee
check "--respondent cannot name a merged assessment" [ "$status" -eq 2 ]
check "--respondent: why" contains "$err_file" \
	"'merged.json' is a merged assessment of 3 respondents; --respondent names the one respondent of an assessment"

# A respondent's name comes from a file: it reaches no terminal raw.
printf 'respondent: {name: "Eve\\e[2J\\e]0;pwned\\a", role: "x\\u202e"}\nanswers: {mfa: yes}\n' \
	>eve.yaml
run "$CTO_ASSESS" merge ceo.yaml eve.yaml -q "$q" -o eve.json
check "a hostile name merges" [ "$status" -eq 0 ]
check "a hostile name: no escape sequence on the terminal" \
	sh -c '! grep -q "$(printf "\\033")" "$1"' sh "$err_file"
check "a hostile name: the bidi control shown, not obeyed" contains \
	"$err_file" "Eve[2J]0;pwned (x<U+202E>)"

# ---- refusals --------------------------------------------------------------
run "$CTO_ASSESS" merge ceo.yaml -q "$q"
check "one respondent is not a merge" [ "$status" -eq 3 ]
check "one respondent: why" contains "$err_file" \
	"cto-assess: error: merging needs the answers of at least two respondents, not 1"
cp ceo.yaml ceo2.yaml
run "$CTO_ASSESS" merge ceo.yaml ceo2.yaml -q "$q"
check "two of the same name are refused" [ "$status" -eq 3 ]
check "two of the same name: why" contains "$err_file" \
	"two respondents are named 'Ana' ('ceo.yaml' and 'ceo2.yaml')"
printf 'questionnaire: {id: other}\nanswers: {mfa: yes}\n' >other.yaml
run "$CTO_ASSESS" merge ceo.yaml other.yaml -q "$q" -o x.json
check "answers to another questionnaire are refused" [ "$status" -eq 3 ]
check "another questionnaire: at its place" contains "$err_file" \
	"other.yaml:1:21: error: these answers are for questionnaire 'other', not 'run-basic'"
check "another questionnaire: nothing written" [ ! -e x.json ]
run "$CTO_ASSESS" merge ceo.yaml lead.yaml -q "$q" -o merged.json
check "merge refuses to overwrite" [ "$status" -eq 1 ]
run "$CTO_ASSESS" merge ceo.yaml lead.yaml -q "$q" -o merged.json --force
check "merge --force replaces" [ "$status" -eq 0 ]
run "$CTO_ASSESS" merge ceo.yaml lead.yaml --rule modal
check "an unknown rule is a usage error" [ "$status" -eq 2 ]
check "an unknown rule: why" contains "$err_file" \
	"unknown rule 'modal' (expected cautious or median)"
run "$CTO_ASSESS" merge ceo.yaml lead.yaml --threshold 1.5
check "a threshold above 1 is a usage error" [ "$status" -eq 2 ]
run "$CTO_ASSESS" merge
check "no file is a usage error" [ "$status" -eq 2 ]

done_testing
