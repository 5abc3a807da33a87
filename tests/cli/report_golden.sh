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
print(r["overall"]["score"], r["overall"]["target"], r["overall"]["level"])
for a in r["areas"]:
    print(a["id"], a["score"], a["target"], a["findings_high"])
for f in r["findings"]:
    print(f["rank"], f["id"], f["priority"], f["risk"], f["effort"], f["horizon"])
PY
cat >"$tmp/expected" <<'TXT'
42.8 52 developing
profile None None 0
security 31.8 60 2
process 59.2 40 0
1 backups 18 high medium now
2 mfa 11.25 high low now
3 scans 4.5 medium medium next
4 ci 2.4 medium low later
5 deploys 2 medium medium later
6 reviews 0.5 low high later
TXT
check_output "basic: hand-computed scores, order and horizons" \
	"$tmp/expected" "$tmp/summary"

done_testing
