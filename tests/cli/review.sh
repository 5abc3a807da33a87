#!/bin/sh
# review.sh - the consultant's review: each kind of override in every
# format (tests/report/reviewed, whose plan is worked out by hand in its
# review.yaml), the review beside the answers found by default, and the
# diagnostics of broken review files (tests/reviews/bad/NAME.yaml, each
# with its exact NAME.stderr), from `validate` and from `report`.
. "$(dirname "$0")/lib.sh"

reviewed="$tests_dir/report/reviewed"
q="$reviewed/questionnaire.yaml"
export SOURCE_DATE_EPOCH=1764320000

report() {
	run "$CTO_ASSESS" report "$reviewed/answers.json" -q "$q" \
		--format "$1" -o - --color=never
	cp "$out_file" "$tmp/out.$1"
}

# ---- the plan, by hand ---------------------------------------------------
report json
check "the review beside the answers is read by default" [ "$status" -eq 0 ]
python3 - "$tmp/out.json" >"$tmp/actual" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["overall"]["risks"], r["review"]["changes_plan"])
for a in r["actions"]:
    print(a["rank"], a["id"], a["horizon"], a["risk"], a["pinned_by_review"])
for f in r["findings"]:
    print(f["id"], f["risk_source"], json.dumps(f["override"], sort_keys=True))
for d in r["dropped"]:
    print("dropped", d["id"], d["risk"], d["reason"])
PY
cat >"$tmp/expected" <<'TXT'
{'critical': 1, 'high': 1, 'medium': 3, 'low': 0} True
1 backups now critical False
2 mfa now high False
3 deploys now medium True
4 scans next medium False
5 ci next medium False
backups review {"reason": "No restore in two years.", "risk": {"from": "high", "to": "critical"}}
mfa score null
deploys score {"comment": "Before the round.", "horizon": {"from": "next", "to": "now"}, "reason": "Board ask."}
scans score null
ci score {"comment": "Jenkins is being replaced.", "reason": "Call with the CTO."}
dropped reviews low Fixed during the assessment.
TXT
check_output "json: the reviewed plan, worked out by hand" \
	"$tmp/expected" "$tmp/actual"

python3 - "$root_dir/reports/report.schema.json" "$tmp/out.json" \
	>"$tmp/schema.out" 2>&1 <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
for e in cls(schema).iter_errors(json.load(open(sys.argv[2]))):
    print("/".join(str(p) for p in e.absolute_path), e.message)
PY
check "json of a reviewed report is valid against the schema" \
	[ ! -s "$tmp/schema.out" ]
sed 's/^/# /' "$tmp/schema.out"

# ---- every format marks what the reviewer changed -------------------------
report md
check "md: the summary in the reviewer's words opens the summary" \
	contains "$tmp/out.md" "## Executive summary

In good shape for its stage; **backups** and access come first.

- Restore a backup this month.
- Turn on two-step login for *every* admin."
check "md: a raised risk, with its reason" contains "$tmp/out.md" \
	"   - Review: risk raised from high to critical; reason: No restore in two years."
check "md: a pinned horizon, with its reason" contains "$tmp/out.md" \
	"   - Review: moved from next to now; reason: Board ask."
check "md: a comment" contains "$tmp/out.md" \
	"   - Reviewer's comment: Jenkins is being replaced."
check "md: the dropped finding in an appendix" contains "$tmp/out.md" \
	"| Development process | How thorough are code reviews? | low | Fixed during the assessment. |"
check "md: ... and not in the plan" \
	[ "$(grep -c 'How thorough are code reviews?' "$tmp/out.md")" -eq 1 ]
check "md: the method says a reviewer changed the plan" contains "$tmp/out.md" \
	"Reviewed. The reviewer changed the plan after scoring, each change with its reason: the risk of 1 finding; the horizon of 1 finding; 1 finding dropped"

report html
check "html: the summary as HTML" contains "$tmp/out.html" \
	"<p>In good shape for its stage; <strong>backups</strong> and access come first.</p>"
check "html: the summary's list" contains "$tmp/out.html" \
	"<li>Turn on two-step login for <em>every</em> admin.</li>"
check "html: reviewed actions are tagged" \
	[ "$(grep -c '<li class="reviewed">reviewed</li>' "$tmp/out.html")" -eq 3 ]
check "html: the change and its reason" contains "$tmp/out.html" \
	'<p class="review"><span class="label">Review:</span> moved from next to now; reason: Board ask.</p>'
check "html: the dropped appendix" contains "$tmp/out.html" \
	'<h2>Appendix: Dropped findings</h2>'

report text
check "text: reviewed actions are marked" contains "$tmp/out.text" \
	"Development process, medium risk, medium effort, reviewed"
check "text: the dropped count" contains "$tmp/out.text" \
	"1 finding dropped by the review."
check "text: the summary" contains "$tmp/out.text" \
	"  - Restore a backup this month."

report csv
python3 - "$tmp/out.csv" >"$tmp/actual" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline="")):
    print(row["rank"], row["action_id"], row["review"] or "-")
PY
cat >"$tmp/expected" <<'TXT'
1 backups risk raised from high to critical; reason: No restore in two years.
2 mfa -
3 deploys moved from next to now; reason: Board ask.; comment: Before the round.
4 scans -
5 ci comment: Jenkins is being replaced.
TXT
check_output "csv: the review column" "$tmp/expected" "$tmp/actual"

# ---- which review, if any --------------------------------------------------
run "$CTO_ASSESS" report "$reviewed/answers.json" -q "$q" --no-review \
	--format json -o -
check "--no-review: the plan as scored" contains "$out_file" '"review":	null'
check "--no-review: nothing dropped" contains "$out_file" '"dropped":	[]'
cp "$tests_dir/reviews/good/q3-notes.yaml" "$tmp/notes.yaml"
run "$CTO_ASSESS" report "$reviewed/answers.json" -q "$q" \
	--review "$tmp/notes.yaml" --format md -o -
check "--review FILE reads that file" [ "$status" -eq 0 ] &&
	contains "$out_file" "Second look after the board meeting."
check "an override that changes nothing is a warning when reporting" \
	contains "$err_file" "notes.yaml:6:3: warning: 'soc2' is not a finding of this assessment (it was not asked: its condition does not hold); its review changes nothing"
run "$CTO_ASSESS" report "$reviewed/answers.json" -q "$q" \
	--review "$tmp/missing.yaml" --format md -o -
check "--review of a missing file fails" [ "$status" -eq 3 ] &&
	contains "$err_file" "missing.yaml: error: cannot open"

# A broken review beside the answers: nothing is written.
mkdir "$tmp/a"
cp "$reviewed/answers.json" "$tmp/a/answers.json"
cp "$tests_dir/reviews/bad/ids-review.yaml" "$tmp/a/review.yaml"
run "$CTO_ASSESS" report "$tmp/a/answers.json" -q "$q" -o "$tmp/a/out"
check "report with a broken review exits 3" [ "$status" -eq 3 ]
check "... says where" contains "$err_file" \
	"review.yaml:4:3: error: unknown finding 'backup' (did you mean 'backups'?)"
check "... and how to go on without it" contains "$err_file" \
	"error: invalid review '$tmp/a/review.yaml'; nothing was written (fix it, or leave it out with --no-review)"
check "... and writes nothing" [ ! -e "$tmp/a/out" ]

# A summary cannot inject markup into any format.
cat >"$tmp/a/review.yaml" <<'YAML'
summary: |
  <script>alert(1)</script> [link](javascript:alert(1)) # not a heading
  **<b>bold</b>**
findings: {}
YAML
run "$CTO_ASSESS" report "$tmp/a/answers.json" -q "$q" -f html -o -
check "html: a hostile summary is escaped" contains "$out_file" \
	"<p>&lt;script&gt;alert(1)&lt;/script&gt; [link](javascript:alert(1)) # not a heading <strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>"
run "$CTO_ASSESS" report "$tmp/a/answers.json" -q "$q" -f md -o -
check "md: a hostile summary is escaped" contains "$out_file" \
	'\<script\>alert(1)\</script\> \[link\](javascript:alert(1)) \# not a heading **\<b\>bold\</b\>**'

# ---- validate ---------------------------------------------------------------
cd "$tests_dir/reviews" || exit 1
for f in bad/*.yaml; do
	run "$CTO_ASSESS" validate "$f"
	check "$f exits 3" [ "$status" -eq 3 ]
	check "$f prints nothing on stdout" [ ! -s "$out_file" ]
	check_output "$f diagnostics" "${f%.yaml}.stderr" "$err_file"
done

run "$CTO_ASSESS" validate good/review.yaml
check "a good review validates" [ "$status" -eq 0 ] && [ ! -s "$err_file" ]
check "... and says what it holds" contains "$out_file" \
	"good/review.yaml: ok (4 findings reviewed, with a summary)"
run "$CTO_ASSESS" validate good/q3-notes.yaml
check "a review known by its keys, with warnings, passes" [ "$status" -eq 0 ]
check "... and warns" [ "$(grep -c ': warning: ' "$err_file")" -eq 2 ]
run "$CTO_ASSESS" validate --strict good/q3-notes.yaml
check "--strict makes a review's warnings fail" [ "$status" -eq 3 ] &&
	contains "$out_file" "good/q3-notes.yaml: failed (2 warnings with --strict)"
run "$CTO_ASSESS" validate good
check "a directory's review files are checked as reviews" [ "$status" -eq 0 ] &&
	contains "$out_file" "good/review.yaml: ok (4 findings reviewed, with a summary)" &&
	contains "$out_file" "good/q3-notes.yaml: ok (2 findings reviewed, with a summary)"
cp good/review.yaml "$tmp/lonely-review.yaml"
run "$CTO_ASSESS" validate "$tmp/lonely-review.yaml"
check "a review without its assessment cannot be checked" [ "$status" -eq 3 ]
check "... and says how to give it" contains "$err_file" \
	"lonely-review.yaml: error: cannot check its findings without the assessment it reviews: no '$tmp/answers.json' (give --answers FILE)"
run "$CTO_ASSESS" validate --answers good/answers.json "$tmp/lonely-review.yaml"
check "--answers names the assessment" [ "$status" -eq 0 ]

done_testing
