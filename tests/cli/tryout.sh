#!/bin/sh
# consultant.sh - cto-assess as a consultant uses it with twenty clients,
# end to end on the default questionnaire: twenty generated companies
# (tests/team/gen-companies.py: of every ten, four at seed, three at
# series-a, two at pre-seed, one at idea) reported in one process, a
# portfolio in every format with a benchmark, a benchmarked report, and a
# merged team assessment of three respondents in every format.  The
# numbers are the generator's; what is checked is what must hold whatever
# they are (the hand-worked numbers are in portfolio.sh and merge.sh).
. "$(dirname "$0")/lib.sh"

q="$root_dir/questionnaires/cto-readiness.yaml"
schema="$root_dir/reports/report.schema.json"
cd "$tmp" || exit 1
"$CTO_ASSESS" list -q "$q" -f json >list.json
python3 "$tests_dir/team/gen-companies.py" list.json "$q" clients 20

run "$CTO_ASSESS" report clients/*/answers.json -o reports
check "twenty reports in one process" [ "$status" -eq 0 -a \
	"$(ls reports | wc -l)" -eq 20 -a -f reports/acorn/report.html ]

for f in txt md html csv json; do
	run "$CTO_ASSESS" portfolio clients -o "portfolio.$f"
	check "portfolio: $f written" [ "$status" -eq 0 -a -s "portfolio.$f" ]
done
check "portfolio text: twenty rows" \
	[ "$(grep -c ' 2026-' portfolio.txt)" -eq 20 ]
run python3 "$tests_dir/html/check-self-contained.py" portfolio.html
check "portfolio html: self-contained" [ "$status" -eq 0 ]
check "portfolio html: twenty rows" \
	[ "$(grep -c '<tr><th scope="row">' portfolio.html)" -eq 20 ]
python3 - <<'PY' >formats.check 2>&1
import csv, json
rows = list(csv.DictReader(open("portfolio.csv", newline="")))
assert len(rows) == 20, len(rows)
p = json.load(open("portfolio.json"))
assert len(p["companies"]) == 20
assert sorted(r["company"] for r in rows) == \
    sorted(c["company"] for c in p["companies"])
stages = sorted(c["stage"] for c in p["companies"])
assert stages == ["idea"] * 2 + ["pre-seed"] * 4 + ["seed"] * 8 + \
    ["series-a"] * 6, stages
for c in p["companies"]:
    assert 0 <= c["score"] <= 100 and set(c["areas"]) >= {"security"}
print("ok")
PY
check "portfolio csv and json: the same twenty companies" \
	contains formats.check ok
sed 's/^/# /' formats.check | grep -v '^# ok$'

run "$CTO_ASSESS" portfolio clients --sort score --reverse -f csv
check "portfolio: sorted by score, descending" sh -c \
	'tail -n +2 "$1" | cut -d, -f5 | sort -rn -c' sh "$out_file"

run "$CTO_ASSESS" portfolio clients reports --benchmark-out bench.json \
	-o /dev/null
check "benchmark: reports and answers of the same companies count once" \
	contains "$err_file" \
	"wrote the benchmark bench.json: cto-readiness seed (8), cto-readiness series-a (6); fewer than 5 companies, left out: cto-readiness pre-seed (4), cto-readiness idea (2)"
check "benchmark: no company named" sh -c \
	'! grep -q -e Acorn -e Kestrel -e clients "$1"' sh bench.json

seed=$(python3 -c 'import json
print([c for c in json.load(open("portfolio.json"))["companies"]
       if c["stage"] == "seed"][0]["source"])')
run "$CTO_ASSESS" report "$seed" --benchmark bench.json -o benchmarked
check "a benchmarked report" [ "$status" -eq 0 ]
check "benchmarked: placed among the 8" contains benchmarked/report.md \
	"seed-stage companies in this benchmark"
check "benchmarked: the overall among 8" grep -q \
	'^- Overall [0-9.]*: above .* 8 seed-stage companies' \
	benchmarked/report.md
check "benchmarked: html" contains benchmarked/report.html \
	'<section id="benchmark">'

# ---- a team: three respondents of one company -----------------------------
run "$CTO_ASSESS" merge team/ceo.json team/lead.json team/agency.json \
	-o team.json
check "merge of three: exit 0" [ "$status" -eq 0 ]
check "merge of three: they disagree" grep -q \
	"merged 3 respondents (Ana (CEO), Ben (Lead developer), Cy (Agency)) by the cautious rule into team.json; they disagree on [1-9][0-9]* questions" \
	"$err_file"
run "$CTO_ASSESS" report team.json -o team-report --benchmark bench.json
check "team: every format" [ "$status" -eq 0 -a -f team-report/report.md -a \
	-f team-report/report.json -a -f team-report/report.html -a \
	-f team-report/action-plan.csv -a -f team-report/summary.txt ]
check "team md: where you disagree" contains team-report/report.md \
	"## Where you disagree"
check "team md: and the benchmark" contains team-report/report.md \
	"## Against the benchmark"
run python3 "$tests_dir/html/check-self-contained.py" team-report/report.html
check "team html: self-contained" [ "$status" -eq 0 ]
python3 - "$schema" <<'PY' >team.check 2>&1
import json, sys
import jsonschema
r = json.load(open("team-report/report.json"))
try:
    jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(r)
except jsonschema.ValidationError as e:
    sys.exit("invalid: %s at %s" % (e.message, list(e.absolute_path)))
agree = [f for f in r["findings"] if f["kind"] == "disagreement"]
assert len(agree) == r["merge"]["disagreements"] > 0
for f in r["findings"]:
    assert [a["respondent"] for a in f["answers_by_respondent"]] == \
        ["Ana", "Ben", "Cy"]
risks = [f["risk"] for f in agree]
order = ["critical", "high", "medium", "low"]
assert risks == sorted(risks, key=order.index), risks
print("ok")
PY
check "team json: valid, every finding by respondent, by risk at stake" \
	contains team.check ok
sed 's/^/# /' team.check | grep -v '^# ok$'
python3 -c 'import csv
rows = list(csv.DictReader(open("team-report/action-plan.csv", newline="")))
assert any(r["action_id"] == "agree-on-the-facts" for r in rows)
print("ok")' >csv.check 2>&1
check "team csv: the agree action" contains csv.check ok

done_testing
