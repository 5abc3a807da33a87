#!/bin/sh
# compare_progress.sh - compare as a progress report: what differs between
# the assessments (another company is refused without --force; another
# stage or questionnaire is a warning), the open risks and how each
# finding's risk changed in every format, the HTML page, and a trend over
# more than two assessments in date order.  The scores are those worked
# out by hand in tests/report/basic/questionnaire.yaml: 42.8 (answers,
# 2026-11-20), 58.7 (answers-later, 2027-02-20), 46.0 (answers-incomplete,
# 2026-10-01).
. "$(dirname "$0")/lib.sh"

b="$tests_dir/report/basic"
q="$b/questionnaire.yaml"
old="$b/answers.json"
new="$b/answers-later.json"
first="$b/answers-incomplete.json"

# ---- what differs ------------------------------------------------------------
sed 's/"Acme <script>alert(1)<\/script> | Ltd"/"Beta Ltd"/' "$new" >"$tmp/beta.json"
run "$CTO_ASSESS" compare "$old" "$tmp/beta.json" -q "$q"
check "another company is refused (exit 3)" [ "$status" -eq 3 ]
cat >"$tmp/expected" <<EOT
cto-assess: error: different companies: 'Acme <script>alert(1)</script> | Ltd' in '$old' and 'Beta Ltd' in '$tmp/beta.json' (use --force to compare them anyway)
EOT
check_output "... saying which, and how to go on" "$tmp/expected" "$err_file"
check "... and printing nothing" [ ! -s "$out_file" ]
run "$CTO_ASSESS" compare "$old" "$tmp/beta.json" -q "$q" --force
check "--force compares them" [ "$status" -eq 0 ] && \
	contains "$err_file" "cto-assess: warning: different companies:"

run "$CTO_ASSESS" compare "$old" "$new" -q "$q"
cat >"$tmp/expected" <<EOT
cto-assess: warning: the stage changed: 'seed' in '$old' and 'series-a' in '$new' (the targets are the new stage's)
EOT
check_output "another stage is a warning" "$tmp/expected" "$err_file"

# ---- open risks and risk changes, in every format ------------------------------
# answers.json: backups and mfa high; scans, ci, deploys medium; reviews low.
check "text: the open risks before and now" contains "$out_file" \
	"Open risks: 2 high, 3 medium and 1 low before; 2 high and 2 medium now."
check "text: a finding's risk change" contains "$out_file" \
	"How thorough are code reviews? (Development process, risk low -> medium)"
run "$CTO_ASSESS" compare "$old" "$new" -q "$q" -f md
check "md: the open risks" contains "$out_file" "Open risks: 2 high, 3 medium and 1 low before"
check "md: a finding's risk change" contains "$out_file" ": risk low -> medium"
run "$CTO_ASSESS" compare "$old" "$new" -q "$q" -f json
python3 - "$out_file" >"$tmp/risks" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d["overall"]["old_risks"], d["overall"]["new_risks"])
print([(f["id"], f["old_risk"], f["new_risk"]) for f in d["findings"]["open"] if f["id"] == "reviews"])
PY
cat >"$tmp/expected" <<'EOT'
{'critical': 0, 'high': 2, 'medium': 3, 'low': 1} {'critical': 0, 'high': 2, 'medium': 2, 'low': 0}
[('reviews', 'low', 'medium')]
EOT
check_output "json: risk counts and a finding's risks" "$tmp/expected" "$tmp/risks"

# ---- HTML ------------------------------------------------------------------------
run "$CTO_ASSESS" compare "$old" "$new" -q "$q" -f html
check "html exits 0" [ "$status" -eq 0 ]
check "html: a page" contains "$out_file" "<!DOCTYPE html>"
check "html: the report's look (its stylesheet)" contains "$out_file" "header.cover{background:var(--ink)"
check "html: self-contained (nothing fetched)" \
	sh -c "! grep -Eq '(src|href)=|@import|url\\(' '$out_file'"
check "html: before/after bars for overall and two areas" \
	[ "$(grep -o '<svg class="bars"' "$out_file" | wc -l)" -eq 3 ]
check "html: a risk change" contains "$out_file" "risk low -&gt; medium"
check "html: hostile names are text" contains "$out_file" \
	"<h1>Acme &lt;script&gt;alert(1)&lt;/script&gt; | Ltd</h1>"
run "$CTO_ASSESS" compare "$old" "$new" -q "$q" -o "$tmp/progress.html"
check "-o FILE.html implies html" contains "$tmp/progress.html" "<!DOCTYPE html>"

# ---- a trend over three, given out of order ----------------------------------------
run "$CTO_ASSESS" compare "$new" "$first" "$old" -q "$q" -f json
python3 - "$out_file" >"$tmp/trend" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print([a["assessment_date"] for a in d["assessments"]])
print(d["trend"]["overall"])
print(d["old"]["assessment_date"], d["new"]["assessment_date"])
PY
cat >"$tmp/expected" <<'EOT'
['2026-10-01', '2026-11-20', '2027-02-20']
[46, 42.8, 58.7]
2026-10-01 2027-02-20
EOT
check_output "three assessments: in date order, the overall of each" \
	"$tmp/expected" "$tmp/trend"
run "$CTO_ASSESS" compare "$new" "$first" "$old" -q "$q"
check "text: a trend table" contains "$out_file" "Trend over 3 assessments"
check "text: the overall row in date order" grep -qE \
	'^  Overall +46\.0 +42\.8 +58\.7$' "$out_file"
run "$CTO_ASSESS" compare "$new" "$first" "$old" -q "$q" -f html
check "html: a trend line per row (overall and two areas)" \
	[ "$(grep -o '<svg class="spark"' "$out_file" | wc -l)" -eq 3 ]
run "$CTO_ASSESS" compare "$new" "$first" "$old" -q "$q" -f md
check "md: the trend table" contains "$out_file" \
	"| **Overall** | 46.0 | 42.8 | 58.7 |"

done_testing
