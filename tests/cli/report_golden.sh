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
	for fmt in json md csv text; do
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
