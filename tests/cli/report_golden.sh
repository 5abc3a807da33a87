#!/bin/sh
# report_golden.sh - `cto-assess report` on the small questionnaires of
# tests/report/: exact scores, finding order and horizons in every format,
# compared with the golden files in each fixture's expected/ directory
# (worked out by hand in the questionnaire's comments; rewrite them with
# tests/report/regen.sh and review the diff).
. "$(dirname "$0")/lib.sh"

export SOURCE_DATE_EPOCH=1764320000

for answers in "$tests_dir"/report/*/answers*.json; do
	dir=$(dirname "$answers")
	base=$(basename "$answers" .json)
	fixture="$(basename "$dir")/$base"
	for fmt in json md csv text html; do
		run "$CTO_ASSESS" report "$answers" -q "$dir/questionnaire.yaml" \
			--format "$fmt" -o - --color=never
		check "$fixture $fmt exits 0" [ "$status" -eq 0 ]
		sed -f "$tests_dir/report/normalise.sed" "$out_file" >"$tmp/actual"
		check_output "$fixture $fmt matches expected/$base.$fmt" \
			"$dir/expected/$base.$fmt" "$tmp/actual"
	done
done

# The golden numbers themselves, so that a regenerated golden file with a
# changed method cannot pass unnoticed.
basic="$tests_dir/report/basic"
python3 - "$basic/expected/answers.json" >"$tmp/summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
print(o["score"], o["target"], o["level"], o["coverage"], o["risks"])
for a in r["areas"]:
    print(a["id"], a["score"], a["target"], a["coverage"], a["risks"]["high"])
for f in r["findings"]:
    print(f["rank"], f["id"], f["impact"], f["risk"], f["effort"], f["horizon"])
PY
cat >"$tmp/expected" <<'TXT'
42.8 52 developing 0.78 {'critical': 0, 'high': 2, 'medium': 3, 'low': 1}
profile None None None 0
security 31.8 60 0.64 2
process 59.2 40 1 0
1 backups 19.2 high medium now
2 mfa 9 high low now
3 scans 3.6 medium medium next
4 ci 2.4 medium low next
5 deploys 2 medium medium next
6 reviews 0.5 low high later
TXT
check_output "basic: hand-computed scores, order and horizons" \
	"$tmp/expected" "$tmp/summary"

python3 - "$basic/expected/answers-later.json" \
	"$basic/expected/answers-incomplete.json" >"$tmp/summary" <<'PY'
import json, sys
for path in sys.argv[1:]:
    r = json.load(open(path))
    o = r["overall"]
    print(o["score"], o["target"], o["level"], o["level_capped"])
    for a in r["areas"][1:]:
        print(a["id"], a["score"], a["coverage"], a["enough_information"],
              a["level"])
    for f in r["findings"]:
        print(f["rank"], f["id"], f["impact"], f["risk"], f["unknown"],
              f["horizon"])
PY
cat >"$tmp/expected" <<'TXT'
58.7 72 developing False
security 50 1 True developing
process 71.7 1 True established
1 backups 21.6 high False now
2 soc2 16.2 high False now
3 ci 2.4 medium False next
4 reviews 1.2 medium False next
46 None developing False
security 54.5 1 True developing
process 33.3 0.33 False None
1 mfa 15 critical False now
2 ci 6 high True now
3 reviews 2 high True now
TXT
check_output "later and incomplete: hand-computed plans" \
	"$tmp/expected" "$tmp/summary"

# The plan fixture, rule by rule (tests/report/plan/questionnaire.yaml
# works each number out): capacity from the team size, an unknown at its
# worst risk, coverage below 0.5, "not applicable" in no sum, findings
# stated as findings, two findings in one initiative, the lowest high
# action moved next by capacity, rank in plan order.
plan="$tests_dir/report/plan"
python3 - "$plan/expected/answers.json" "$plan/expected/answers.csv" \
	>"$tmp/summary" <<'PY'
import csv, json, sys
r = json.load(open(sys.argv[1]))
o, p = r["overall"], r["plan"]
print(o["score"], o["target"], o["coverage"], o["level"], o["risks"])
print(p["team_size"], p["capacity"], p["notes"])
for a in r["areas"][1:]:
    print(a["id"], a["score"], a["coverage"], a["enough_information"],
          a["level"], a["not_applicable"])
for f in r["findings"]:
    print(f["rank"], f["id"], f["impact"], f["risk"], f["unknown"],
          f["action"], f["horizon"], f["title"])
for a in r["actions"]:
    print("action", a["rank"], a["id"], a["horizon"], a["moved_by_capacity"],
          "+".join(a["findings"]))
print([(i["id"], i["findings"]) for i in r["initiatives"]])
print([(n["id"], n["reason"]) for n in r["not_applicable"]])
for row in csv.DictReader(open(sys.argv[2], newline="")):
    print("csv", row["rank"], row["action_id"], row["finding_ids"])
PY
cat >"$tmp/expected" <<'TXT'
9.5 46.7 0.62 initial {'critical': 1, 'high': 4, 'medium': 1, 'low': 1}
1 {'now': 3, 'next': 8} ['1 high-risk action is scheduled next because a team of 1 can take on about 3 at once.']
ops 0 0.43 False None 1
code 28.6 1 True initial 0
1 backups 12 critical True 1 now If your database were deleted today, could you get the data back?
2 deploys 6 high False 2 now Releases are rare and risky
3 secrets 3 high False 3 now Secrets are shared in chat
4 reviewed 2.8 high False 4 next Nobody outside the team has reviewed the code
5 decisions 1.4 high False 4 next Technical decisions are made without technical judgment
6 tests 1 medium False 5 next The tests are thin
7 licenses 1.4 low False 6 later Licenses are unchecked
action 1 backups now False backups
action 2 deploys now False deploys
action 3 secrets now False secrets
action 4 review next True reviewed+decisions
action 5 tests next False tests
action 6 licenses later False licenses
[('review', ['reviewed', 'decisions'])]
[('payments', 'We take no payments yet')]
csv 1 backups backups
csv 2 deploys deploys
csv 3 secrets secrets
csv 4 review reviewed; decisions
csv 5 tests tests
csv 6 licenses licenses
TXT
check_output "plan: hand-computed capacity, coverage, initiative and ranks" \
	"$tmp/expected" "$tmp/summary"
check "plan: the headline says it all in words" \
	contains "$plan/expected/answers.md" 'Overall 9.5 / 100, Initial; target 46.7, 37.2 below. Open risks to act on first: 1 critical and 4 high; also 1 medium and 1 low. Below the target for this stage: Operations (50.0 below) and Code (11.4 below). Not enough information to judge: Operations (43% answered). 1 question is unanswered or "don'"'"'t know": each counts as a risk until someone finds out.'
python3 - "$tests_dir/report/joel/expected/answers.json" >"$tmp/summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
print(r["title"], o["score"], o["target"], o["level"])
for f in r["findings"]:
    print(f["rank"], f["id"], f["impact"], f["risk"], f["horizon"])
PY
cat >"$tmp/expected" <<'TXT'
Joel Test report 66.7 None established
1 daily_builds 1 high now
2 testers 1 high now
TXT
check_output "joel: hand-computed score and plan" "$tmp/expected" "$tmp/summary"

done_testing
