#!/bin/sh
# compare_basic.sh - `cto-assess compare` between two assessments: from
# report JSON files and from answers files (the same result), across a
# questionnaire version that dropped one question and added another, in
# text, Markdown (through cmark-gfm) and JSON; and its errors.
. "$(dirname "$0")/lib.sh"

basic="$tests_dir/report/basic"
v2="$tests_dir/report/compare"
q1="$basic/questionnaire.yaml"

# summarise FILE: one line per list of the comparison JSON.
summarise() {
	python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
o = d["overall"]
print("overall", o["old"], o["new"], o["delta"], o["target"])
for a in d["areas"]:
    print("area", a["id"], a["old"], a["new"], a["delta"], a["matched"])
for k in ("resolved", "new", "open"):
    print(k, " ".join(f["id"] for f in d["findings"][k]))
print("changed", " ".join(a["id"] for a in d["answers_changed"]))
u = d["unmatched_questions"]
print("unmatched", [q["id"] for q in u["old_only"]], [q["id"] for q in u["new_only"]])
print("questionnaire_changed", d["questionnaire_changed"])
PY
}

# ---- two answers files of the same questionnaire ---------------------------
run "$CTO_ASSESS" compare "$basic/answers.json" "$basic/answers-later.json" \
	-q "$q1" --format json
check "compare answers files exits 0" [ "$status" -eq 0 ]
cp "$out_file" "$tmp/from-answers.json"
summarise "$tmp/from-answers.json" >"$tmp/summary"
cat >"$tmp/expected" <<'TXT'
overall 42.8 58.7 15.9 72
area security 31.8 50 18.2 True
area process 59.2 71.7 12.5 True
resolved mfa scans deploys
new soc2
open backups ci reviews
changed stage team_size mfa backups scans soc2 deploys reviews retro
unmatched [] []
questionnaire_changed False
TXT
check_output "deltas, findings and changed answers" "$tmp/expected" "$tmp/summary"

# ---- the same from report JSON files ---------------------------------------
export SOURCE_DATE_EPOCH=1764320000
"$CTO_ASSESS" report "$basic/answers.json" -q "$q1" -f json -o "$tmp/old.json" >/dev/null
"$CTO_ASSESS" report "$basic/answers-later.json" -q "$q1" -f json -o "$tmp/new.json" >/dev/null
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/new.json" --format json
check "compare reports exits 0" [ "$status" -eq 0 ]
summarise "$out_file" >"$tmp/summary2"
check_output "reports compare like their answers files" "$tmp/expected" "$tmp/summary2"

# ---- across questionnaire versions ------------------------------------------
"$CTO_ASSESS" report "$v2/v2-answers.json" -q "$v2/questionnaire-v2.yaml" \
	-f json -o "$tmp/v2.json" >/dev/null
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" --format json
check "compare across versions exits 0" [ "$status" -eq 0 ]
summarise "$out_file" >"$tmp/summary3"
cat >"$tmp/expected3" <<'TXT'
overall 42.8 77.4 34.6 52
area security 31.8 90.9 59.1 True
area process 59.2 57.1 -2.1 True
resolved backups mfa ci
new oncall
open scans deploys
changed team_size mfa backups ci retro
unmatched ['reviews'] ['oncall']
questionnaire_changed True
TXT
check_output "questions matched by id; the rest listed" "$tmp/expected3" "$tmp/summary3"
check "a removed question's finding is not 'resolved'" \
	sh -c "! grep -q '^resolved.*reviews' '$tmp/summary3'"

run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json"
check "text: overall delta" contains "$out_file" "42.8 -> 77.4  +34.6"
check "text: a fall is shown" contains "$out_file" "59.2 -> 57.1  -2.1"
check "text: the questionnaire changed" contains "$out_file" "(the questionnaire changed)"
check "text: unmatched questions listed" contains "$out_file" "only before: reviews"
check "text: a new question is marked" contains "$out_file" "new question"
check "text: no colour on a pipe" sh -c "! grep -q \"$(printf '\033')\" '$out_file'"
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" --color=always
check "--color=always colours the deltas" grep -q "$(printf '\033')\[32m+34.6" "$out_file"

run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" --format md
check "md exits 0" [ "$status" -eq 0 ]
cmark-gfm -e table "$out_file" >"$tmp/cmp.html"
check "md renders the score table" contains "$tmp/cmp.html" "<td align=\"right\">+34.6</td>"
check "md: no raw HTML from the inputs" sh -c "! grep -q '<script' '$tmp/cmp.html'"
check "md: the hostile name is text" contains "$tmp/cmp.html" "&lt;script&gt;"
check "md: resolved findings section" contains "$tmp/cmp.html" "<h2>Findings resolved (3)</h2>"

run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" -f md -o "$tmp/progress.md"
check "-o writes a file" [ "$status" -eq 0 -a -s "$tmp/progress.md" ]
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" -f md -o "$tmp/progress.md"
check "-o does not overwrite without --force" [ "$status" -eq 1 ]
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/v2.json" -o /dev/full
check "-o /dev/full fails" [ "$status" -eq 1 ]
check "... naming it" contains "$err_file" "/dev/full"

# ---- a version 1 report, as cto-assess wrote them before the plan redesign --
# v1-report.json is the report of answers.json written by the version 1
# schema (its "not_applicable" meant "ruled out"); against today's report
# of answers-later.json the findings match as between the answers files
# above, and the stack question, which version 1 did not have, is new (so
# the questionnaire changed).
run "$CTO_ASSESS" compare "$v2/v1-report.json" "$tmp/new.json" --format json
check "a version 1 report compares" [ "$status" -eq 0 ]
summarise "$out_file" >"$tmp/summary4"
sed -e "s/^unmatched \[\] \[\]$/unmatched [] ['stack']/" \
	-e "s/^questionnaire_changed False$/questionnaire_changed True/" \
	"$tmp/expected" >"$tmp/expected4"
check_output "... like the answers it was written from" "$tmp/expected4" \
	"$tmp/summary4"

# ---- an answer that becomes "don't know" is no improvement -------------------
sed 's/"backups": "no"/"backups": {"status": "dont_know"}/' \
	"$basic/answers-later.json" >"$tmp/later-dk.json"
run "$CTO_ASSESS" compare "$basic/answers-later.json" "$tmp/later-dk.json" \
	-q "$q1" --format json
python3 - "$out_file" >"$tmp/dk.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("resolved", [f["id"] for f in d["findings"]["resolved"]])
for f in d["findings"]["open"]:
    if f["id"] == "backups":
        print(f["old_risk"], f["new_risk"], f["old_unknown"], f["new_unknown"])
print("delta", d["overall"]["delta"])
PY
printf '%s\n' "resolved []" "high high False True" "delta 0" >"$tmp/dk.expected"
check_output "no -> don't know: still open, marked unknown, no gain" \
	"$tmp/dk.expected" "$tmp/dk.out"
run "$CTO_ASSESS" compare "$basic/answers-later.json" "$tmp/later-dk.json" -q "$q1"
check "text: marked now unknown" contains "$out_file" ", now unknown)"
run "$CTO_ASSESS" compare "$basic/answers-later.json" "$tmp/later-dk.json" \
	-q "$q1" -f md
check "md: marked now unknown" contains "$out_file" "(**now unknown**"

# ---- damaged and hostile reports ---------------------------------------------
cat >"$tmp/h1.json" <<'JSON'
{"schema":"cto-assess/report/1","overall":{"score":"x"},"areas":[1,"a",{"id":5},{"id":"a","scored":true,"score":1e308},{"id":"a","scored":true}],"findings":[null,{"id":"q","risk":7},{"id":"q"}],"answers":[{"id":"q","status":null,"value":{"deep":[1,2]}},{"id":"q"},{"id":"\u001b[31mevil","question":"<script>x</script>"}]}
JSON
cat >"$tmp/h2.json" <<'JSON'
{"schema":"cto-assess/report/1","overall":{},"areas":[],"findings":[],"answers":[{"id":"q","status":"answered","value":[]}]}
JSON
for fmt in text md json; do
	run "$CTO_ASSESS" compare "$tmp/h1.json" "$tmp/h2.json" -f "$fmt"
	check "a damaged report still compares ($fmt)" [ "$status" -eq 0 ]
	check "... without passing on an escape ($fmt)" \
		sh -c "! grep -q \"$(printf '\033')\" '$out_file'"
	check "... or an overflowing number ($fmt)" sh -c "! grep -q 'inf' '$out_file'"
done
run "$CTO_ASSESS" compare "$tmp/h2.json" "$tmp/h1.json" -f md
cmark-gfm -e table "$out_file" >"$tmp/h.html"
check "... nor raw HTML (md)" sh -c "! grep -q '<script' '$tmp/h.html'"

# ---- errors ------------------------------------------------------------------
run "$CTO_ASSESS" compare "$tmp/old.json"
check "one file is a usage error" [ "$status" -eq 2 ]
run "$CTO_ASSESS" compare "$tmp/old.json" "$tmp/new.json" --format pdf
check "an unknown format is a usage error" [ "$status" -eq 2 ]
printf 'not json' >"$tmp/junk.json"
run "$CTO_ASSESS" compare "$tmp/junk.json" "$tmp/new.json"
check "a file that is not JSON exits 3" [ "$status" -eq 3 ]
check "... and says so" contains "$err_file" "'$tmp/junk.json' is not valid JSON"
printf '{"schema": "cto-assess/questionnaire/1"}' >"$tmp/other.json"
run "$CTO_ASSESS" compare "$tmp/other.json" "$tmp/new.json"
check "another schema exits 3" [ "$status" -eq 3 ]
check "... naming it" contains "$err_file" "has schema 'cto-assess/questionnaire/1'"
printf '{"schema": "cto-assess/report/1", "areas": 5}' >"$tmp/broken.json"
run "$CTO_ASSESS" compare "$tmp/broken.json" "$tmp/new.json"
check "a report without lists exits 3" [ "$status" -eq 3 ]
run "$CTO_ASSESS" compare "$tmp/missing.json" "$tmp/new.json"
check "a missing file exits 3" [ "$status" -eq 3 ]
run "$CTO_ASSESS" compare --help
check "--help exits 0" [ "$status" -eq 0 ]
check "... with the usage" contains "$out_file" "usage: cto-assess compare"

done_testing
