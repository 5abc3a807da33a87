#!/bin/sh
# portfolio.sh - `cto-assess portfolio` and `report --benchmark` on
# tests/team/bench/: a questionnaire whose scores are easy to work out
# (Operations 0 or 100, Development 10 x a 0-10 scale, the overall their
# mean) and eight answers files of seven companies:
#
#   company  stage  date        ops  dev  overall  level     high risks
#   Alpha    seed   2026-06-01  100   10    55     (older: not the latest)
#   Alpha    seed   2026-11-01  100   20    60     Middling  1 (dev .2)
#   Bravo    seed   2026-11-02    0   80    40     Low       1 (ops no)
#   Charlie  seed   2026-11-03  100   50    75     Middling  0
#   Delta    seed   2026-11-04    0    0     0     Low       2
#   Echo     seed   2026-11-05  100  100   100     Top       0
#   Foxtrot  seed   2026-11-06    0   60    30     Low       1
#   Golf     idea   2026-11-07  100   40    70     Middling  0
#
# The benchmark of the six seed companies (each list sorted on its own):
#   overall 0 30 40 60 75 100; ops 0 0 0 100 100 100; dev 0 20 50 60 80 100
# Alpha: overall 60 is above 3 of 6 (50%), ops 100 above 3 (50%), dev 20
# above 1 (17%).  Hotel (not in the portfolio, 100 and 90, overall 95):
# overall above 5 of 6 (83%), ops 50%, dev above 5 (83%).  Golf is the
# only idea company: fewer than 5, nothing is said.
. "$(dirname "$0")/lib.sh"

bench="$tests_dir/team/bench"
schema="$root_dir/reports/report.schema.json"
cd "$tmp" || exit 1
cp -r "$bench" bench
cd bench || exit 1

run "$CTO_ASSESS" portfolio companies --sort score
check "portfolio: exit 0" [ "$status" -eq 0 ]
check_output "portfolio: the latest of each company, by score" \
	portfolio-by-score.txt "$out_file"

run "$CTO_ASSESS" portfolio companies --sort dev --reverse -f csv
check "csv: exit 0" [ "$status" -eq 0 ]
cat >by-dev.csv <<'EOF'
company,stage,questionnaire,date,score,level,critical,high,ops,dev,source
Echo,seed,bench,2026-11-05,100.0,Top,0,0,100.0,100.0,companies/echo.json
Bravo,seed,bench,2026-11-02,40.0,Low,0,1,0.0,80.0,companies/bravo.json
Foxtrot,seed,bench,2026-11-06,30.0,Low,0,1,0.0,60.0,companies/foxtrot.json
Charlie,seed,bench,2026-11-03,75.0,Middling,0,0,100.0,50.0,companies/charlie.json
Golf,idea,bench,2026-11-07,70.0,Middling,0,0,100.0,40.0,companies/golf.json
Alpha,seed,bench,2026-11-01,60.0,Middling,0,1,100.0,20.0,companies/alpha.json
Delta,seed,bench,2026-11-04,0.0,Low,0,2,0.0,0.0,companies/delta.json
EOF
tr -d '\r' <"$out_file" >got.csv
check_output "csv: by an area, descending" by-dev.csv got.csv
check "csv: records end in CRLF" grep -q "$(printf '\r')$" "$out_file"

run "$CTO_ASSESS" portfolio companies --all --sort date -f json -o all.json
check "json: exit 0" [ "$status" -eq 0 ]
python3 - <<'PY' >json.check 2>&1
import json
p = json.load(open("all.json"))
assert list(p) == ["schema", "companies"], list(p)
rows = p["companies"]
assert [r["company"] for r in rows] == ["Alpha", "Alpha", "Bravo", "Charlie",
    "Delta", "Echo", "Foxtrot", "Golf"], [r["company"] for r in rows]
assert rows[0] == {"company": "Alpha", "stage": "seed",
    "questionnaire": "bench", "date": "2026-06-01", "score": 55,
    "level": "Middling", "critical": 0, "high": 1,
    "areas": {"ops": 100, "dev": 10},
    "source": "companies/alpha-2026-06.json"}, rows[0]
print("ok")
PY
check "json: --all keeps every assessment, one object per row" \
	contains json.check ok
sed 's/^/# /' json.check | grep -v '^# ok$'

run "$CTO_ASSESS" portfolio companies -f md
check "md: a table" contains "$out_file" \
	"| Company | Stage | Date | Score | Level | Critical | High | Operations | Development |"
check "md: a row" contains "$out_file" \
	"| Delta | seed | 2026-11-04 | 0.0 | Low | 0 | 2 | 0.0 | 0.0 |"

run "$CTO_ASSESS" portfolio companies -o portfolio.html
check "html: written" [ "$status" -eq 0 -a -s portfolio.html ]
run python3 "$tests_dir/html/check-self-contained.py" portfolio.html
check "html: self-contained" [ "$status" -eq 0 ]
check "html: a heat map, lowest red" contains portfolio.html \
	'<tr><th scope="row">Delta</th><td>seed</td><td>2026-11-04</td><td class="heat h0">0.0</td><td>Low</td><td class="num">0</td><td class="num">2</td><td class="heat h0">0.0</td><td class="heat h0">0.0</td></tr>'
check "html: highest green" contains portfolio.html \
	'<td class="heat h4">100.0</td><td>Top</td>'

run "$CTO_ASSESS" portfolio companies --sort scor
check "an unknown column is a usage error" [ "$status" -eq 2 ]
check "an unknown column: the columns, and a hint" contains "$err_file" \
	"cto-assess: error: unknown column 'scor' (expected one of: company, stage, questionnaire, date, score, level, critical, high, source, ops, dev) (did you mean 'score'?)"
run "$CTO_ASSESS" portfolio companies -f pdf
check "an unknown format is a usage error" [ "$status" -eq 2 ]

# ---- the benchmark ---------------------------------------------------------
run "$CTO_ASSESS" portfolio companies --benchmark-out bench.json -o /dev/null
check "benchmark-out: exit 0" [ "$status" -eq 0 ]
check "benchmark-out: what it holds and leaves out" contains "$err_file" \
	"wrote the benchmark bench.json: bench seed (6); fewer than 5 companies, left out: bench idea (1)"
python3 - <<'PY' >bench.check 2>&1
import json
b = json.load(open("bench.json"))
assert b == {"schema": "cto-assess/benchmark/1", "minimum": 5, "groups": [
    {"questionnaire": "bench", "stage": "seed", "companies": 6,
     "overall": [0, 30, 40, 60, 75, 100],
     "areas": {"ops": [0, 0, 0, 100, 100, 100],
               "dev": [0, 20, 50, 60, 80, 100]}}]}, b
print("ok")
PY
check "benchmark-out: distributions only, no names, no small group" \
	contains bench.check ok
sed 's/^/# /' bench.check | grep -v '^# ok$'
check "benchmark-out: no company name" lacks bench.json Alpha

cat >alpha-benchmark.md <<'EOF'
## Against the benchmark

The scores of the 6 seed-stage companies of questionnaire bench in companies: a score is above N% of them when N% of their scores are lower. Nothing is said where fewer than 5 companies have a score.

- Overall 60.0: above 50% of the 6 seed-stage companies in this benchmark
- Operations 100.0: above 50% of the 6 seed-stage companies in this benchmark
- Development 20.0: above 17% of the 6 seed-stage companies in this benchmark

EOF
run "$CTO_ASSESS" report companies/alpha.json --benchmark companies -f md \
	-o alpha.md
check "report --benchmark DIR: exit 0" [ "$status" -eq 0 ]
sed -n '/^## Against the benchmark$/,/^## Action plan$/p' alpha.md |
	sed '$d' >got.md
check_output "report --benchmark DIR: each area placed" alpha-benchmark.md \
	got.md

run "$CTO_ASSESS" report hotel.yaml --benchmark bench.json -f md -o -
check "report --benchmark FILE: exit 0" [ "$status" -eq 0 ]
check "file: overall 95 above 5 of 6" contains "$out_file" \
	"- Overall 95.0: above 83% of the 6 seed-stage companies in this benchmark"
check "file: dev 90 above 5 of 6" contains "$out_file" \
	"- Development 90.0: above 83% of the 6 seed-stage companies in this benchmark"
check "file: names its source" contains "$out_file" \
	"questionnaire bench in bench.json:"

run "$CTO_ASSESS" report hotel.yaml --benchmark bench.json -f json -o h.json
python3 - "$schema" <<'PY' >hotel.check 2>&1
import json, sys
import jsonschema
r = json.load(open("h.json"))
try:
    jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(r)
except jsonschema.ValidationError as e:
    sys.exit("invalid: %s at %s" % (e.message, list(e.absolute_path)))
assert r["benchmark"] == {"source": "bench.json", "minimum": 5,
    "stage": "seed",
    "overall": {"companies": 6, "below": 5, "above_percent": 83},
    "areas": [{"companies": 6, "below": 3, "above_percent": 50, "id": "ops"},
              {"companies": 6, "below": 5, "above_percent": 83,
               "id": "dev"}]}, r["benchmark"]
print("ok")
PY
check "json: the benchmark, valid against the schema" contains hotel.check ok
sed 's/^/# /' hotel.check | grep -v '^# ok$'
run "$CTO_ASSESS" report hotel.yaml --benchmark bench.json -f text -o -
check "text: the benchmark lines" contains "$out_file" \
	"  Operations  100.0  above 50% of 6"
check "text: the overall, aligned with the areas" contains "$out_file" \
	"  Overall      95.0  above 83% of 6"

run "$CTO_ASSESS" report companies/golf.json --benchmark bench.json -f md -o -
check "fewer than 5 at a stage: nothing is compared" contains "$out_file" \
	"The benchmark has fewer than 5 idea-stage companies with a score for questionnaire bench: no comparison is made, so that no company can be recognised."
check "fewer than 5: no percentage" lacks "$out_file" "% of the"

# A benchmark file edited down to four companies says nothing either.
sed 's/"companies":	6/"companies":	4/' bench.json >four.json
run "$CTO_ASSESS" report hotel.yaml --benchmark four.json -f md -o -
check "four companies: nothing compared" lacks "$out_file" "% of the"

printf '{"schema": "cto-assess/benchmark/1", "groups": [\n  {"questionnaire": "bench", "stage": "seed", "companies": 6,\n   "overall": [10, 101]}]}\n' >bad-bench.json
run "$CTO_ASSESS" report hotel.yaml --benchmark bad-bench.json -o out
check "an invalid benchmark file is exit 3" [ "$status" -eq 3 ]
check "an invalid benchmark file: the error at its place" contains \
	"$err_file" "bad-bench.json:3:20: error: a score must be a number from 0 to 100"
check "an invalid benchmark file: nothing written" [ ! -e out ]

# ---- reading many kinds of file --------------------------------------------
# A directory run wrote holds answers.json and report.json: one assessment.
mkdir -p runs/echo
cp companies/echo.json runs/echo/answers.json
sed -i 's|"\.\./questionnaire.yaml"|"../../questionnaire.yaml"|' \
	runs/echo/answers.json
"$CTO_ASSESS" report runs/echo/answers.json -f json -o runs/echo/report.json \
	>/dev/null
printf '{"schema": "cto-assess/compare/1"}\n' >runs/compare.json
run "$CTO_ASSESS" portfolio runs -f json
check "a run's directory is one assessment; other JSON is passed over" \
	[ "$status" -eq 0 -a "$(grep -c '"company":' "$out_file")" -eq 1 ]
check "the report is read as it is" contains "$out_file" \
	'"source":	"runs/echo/report.json"'

# Reports from elsewhere with a stage no questionnaire could have, five
# of them (enough for a group): shown, but left out of the benchmark,
# which must stay readable.
python3 - <<'PY'
import json, os
r = json.load(open("runs/echo/report.json"))
os.mkdir("odd")
for i in range(5):
    r["company"] = "Mallory %d" % i
    r["stage"] = {"id": "Seed!\u001b[2J", "label": "x"}
    json.dump(r, open("odd/m%d.json" % i, "w"))
PY
run "$CTO_ASSESS" portfolio companies odd \
	--benchmark-out odd-bench.json -o /dev/null
check "an odd stage: the portfolio is written" [ "$status" -eq 0 ]
check "an odd stage: left out of the benchmark" lacks odd-bench.json Seed
run "$CTO_ASSESS" report hotel.yaml --benchmark odd-bench.json -f md -o -
check "an odd stage: the benchmark stays readable" [ "$status" -eq 0 ]

printf '{"answers": ' >broken.json
run "$CTO_ASSESS" portfolio companies/alpha.json broken.json README.txt -f csv
check "a file that cannot be read: exit 3" [ "$status" -eq 3 ]
check "the others are shown" contains "$out_file" "Alpha,seed"
check "says which" contains "$err_file" \
	"cto-assess: error: 'broken.json' is not valid JSON"
check "says how many" contains "$err_file" \
	"cto-assess: error: 2 files could not be read; the portfolio leaves them out"

done_testing
