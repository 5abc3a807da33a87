#!/bin/sh
# import_samm.sh - `cto-assess import samm`: the hand-written excerpt in
# tests/import/samm-mini/, then (when CI has it beside the clone) the real
# OWASP SAMM core model in ../shared/frameworks/.
#
# Scores are checked against SAMM's own: by hand for the excerpt (the
# numbers are in tests/import/samm-mini-answers.yaml), and by
# tests/import/samm_check.py, which computes SAMM's maturity from the model
# with PyYAML, for the real one.
. "$(dirname "$0")/lib.sh"

import_dir="$tests_dir/import"
frameworks="$root_dir/../shared/frameworks"
cd "$tmp" || exit 1
# Files get 0666 and directories 0777 less the umask: 0644 and 0755 here.
umask 022

# lacks FILE TEXT: FILE does not hold the fixed string TEXT.
lacks() {
	! grep -qF -- "$2" "$1"
}

# ---- the excerpt ------------------------------------------------------------

run "$CTO_ASSESS" import samm "$import_dir/samm-mini" --strict
check "the excerpt imports" [ "$status" -eq 0 ]
check "nothing on stderr, even with --strict" [ ! -s "$err_file" ]
check "it says what it wrote" contains "$out_file" \
	"owasp-samm/owasp-samm.yaml: ok (2 areas, 12 questions, in 3 files)"
check "a root file and one file per practice" \
	[ -f owasp-samm/owasp-samm.yaml ] && [ -f owasp-samm/areas/g-sm.yaml ] \
	&& [ -f owasp-samm/areas/d-ta.yaml ]
check "files are 0644" [ "$(stat -c %a owasp-samm/areas/g-sm.yaml)" = 644 ]
check "directories are 0755" [ "$(stat -c %a owasp-samm/areas)" = 755 ]
check "the header names the source, version and licence" \
	contains owasp-samm/owasp-samm.yaml \
	"# OWASP SAMM core model (samm-mini), version SAMM20."
check "the licence is CC BY-SA" contains owasp-samm/areas/g-sm.yaml \
	"# Licence of the source: CC BY-SA 4.0"

run "$CTO_ASSESS" validate --strict owasp-samm
check "validate --strict accepts it" [ "$status" -eq 0 ]
check "validate counts its questions" contains "$out_file" \
	"owasp-samm/owasp-samm.yaml: ok (2 areas, 12 questions)"
run python3 "$import_dir/schema_check.py" \
	"$root_dir/questionnaires/questionnaire.schema.json" owasp-samm
check "the JSON Schema accepts it too, as an editor would" [ "$status" -eq 0 ]

run python3 "$import_dir/samm_check.py" structure "$import_dir/samm-mini" \
	owasp-samm
check "structure, texts and values are SAMM's" [ "$status" -eq 0 ]

# Ids as SAMM names its activities; answers in their set's 'order' (B.yml
# lists them out of order).
check "question ids follow SAMM's (G-SM-1-A is g-sm-1-a)" \
	contains owasp-samm/areas/g-sm.yaml "- id: g-sm-1-a"
run python3 -c '
import yaml, sys
areas = yaml.safe_load(open("owasp-samm/areas/g-sm.yaml"))["areas"]
q = areas[0]["questions"][2]
print(q["id"], [(c["id"], c["score"]) for c in q["choices"]])'
check "answers in SAMM's order with their values" contains "$out_file" \
	"g-sm-3-a [('no', 0), ('yes-now-and-then', 0.25), ('yes-most-of-the-time', 0.5), ('yes-always-every-time', 1)]"

# The scores of tests/import/samm-mini-answers.yaml, worked out by hand
# there: areas 29.2 and 62.5 (SAMM maturity 0.875 and 1.875), overall 45.9.
run "$CTO_ASSESS" report "$import_dir/samm-mini-answers.yaml" -q owasp-samm \
	-f json -o report.json
check "report works on the imported questionnaire" [ "$status" -eq 0 ]
run python3 -c '
import json
r = json.load(open("report.json"))
print(" ".join("%s=%s" % (a["id"], a["score"]) for a in r["areas"]),
      "overall=%s" % r["overall"]["score"], r["overall"]["level_name"])'
check "area and overall scores as worked out by hand" contains "$out_file" \
	"g-sm=29.2 d-ta=62.5 overall=45.9 SAMM maturity 1"
run python3 "$import_dir/samm_check.py" maturity "$import_dir/samm-mini" \
	owasp-samm "$import_dir/samm-mini-answers.yaml" report.json
check "area score x 3 / 100 is SAMM's maturity" [ "$status" -eq 0 ]

# Risks follow SAMM's levels: derived from the score (below 0.34 high,
# below 0.67 medium, else low) but at most medium at level 2 and low at
# level 3.  g-sm-2-a (level 2): No and "some" medium (high capped), "half"
# medium anyway (not written); g-sm-3-a (level 3): every answer short of
# the best low.
run python3 -c '
import yaml
qs = yaml.safe_load(open("owasp-samm/areas/g-sm.yaml"))["areas"][0]["questions"]
for q in qs[1:3]:
    print(q["id"], [c.get("risk") for c in q["choices"]])'
cat >expected <<'EOF'
g-sm-2-a ['medium', 'medium', None, None]
g-sm-3-a ['low', 'low', 'low', None]
EOF
check_output "an undone activity is a smaller risk at a higher level" \
	expected "$out_file"
# The answers of samm-mini-answers.yaml, by level: g-sm-1-b 0.25 at level
# 1, high; g-sm-2-a 0.5, g-sm-2-b 0 and d-ta-2-b 0.25 at level 2, medium;
# g-sm-3-a 0, g-sm-3-b 0, d-ta-3-a 0.5 and d-ta-3-b 0 at level 3, low.
run python3 -c '
import json, collections
r = json.load(open("report.json"))
by = collections.defaultdict(list)
for f in r["findings"]:
    by[f["risk"]].append(f["id"])
for risk in ("high", "medium", "low"):
    print(risk, sorted(by[risk]))'
cat >expected <<'EOF'
high ['g-sm-1-b']
medium ['d-ta-2-b', 'g-sm-2-a', 'g-sm-2-b']
low ['d-ta-3-a', 'd-ta-3-b', 'g-sm-3-a', 'g-sm-3-b']
EOF
check_output "the findings' risks, level by level" expected "$out_file"

run "$CTO_ASSESS" list -q owasp-samm
check "list works on it" [ "$status" -eq 0 ]
check "list shows a question" contains "$out_file" \
	"Do the leaders agree on which risks they accept?"

# ---- broken models: every problem, in one pass, at its place ---------------

cp -r "$import_dir/samm-mini" bad
(
	cd bad/model || exit 1
	sed -i 's/^practice: p0*1$/practice: p0000000000000000000000000000009/' \
		streams/G-SM-B.yml
	sed -i 's/^title: Keep an inventory/titel: Keep an inventory/' \
		activities/D-TA-2-A.yml
	sed -i '/^text:/d' questions/D-TA-1-B.yml
	sed -i 's/^  value: 1$/  value: 0.9/' answer_sets/B.yml
	sed -i 's/^id: q1B1.*/id: q1A10000000000000000000000000000/' \
		questions/G-SM-1-B.yml
	sed -i 's/^order: 2/order: second/' streams/D-TA-B.yml
	echo "name: Twice" >>streams/G-SM-A.yml
	printf 'id: [unclosed\n' >maturity_levels/4.yml
)
run "$CTO_ASSESS" import samm bad -o bad-out --strict
check "a broken model exits 3" [ "$status" -eq 3 ]
check "nothing is written" [ ! -e bad-out ]
check "nothing on stdout" [ ! -s "$out_file" ]
cat >expected <<'EOF'
bad/model/activities/D-TA-2-A.yml:2:1: error: an activity is missing required key 'title'
bad/model/activities/D-TA-2-A.yml:5:1: note: ignoring unknown key 'titel' in an activity (did you mean 'title'?)
bad/model/answer_sets/B.yml:5:1: error: the best answer of answer set 'a0000000000000000000000000000002' is worth 0.9, not 1: SAMM's maturity could not be kept
bad/model/maturity_levels/4.yml:2:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 1)
bad/model/questions/D-TA-1-B.yml:2:1: error: a question is missing required key 'text'
bad/model/questions/G-SM-1-B.yml:4:5: error: duplicate id 'q1A10000000000000000000000000000' (also in bad/model/questions/G-SM-1-A.yml)
bad/model/streams/D-TA-B.yml:7:8: error: 'order' must be a number, not 'second'
bad/model/streams/G-SM-A.yml:9:1: error: duplicate key 'name' in a stream (first at line 4)
bad/model/streams/G-SM-B.yml:2:11: error: unknown security practice 'p0000000000000000000000000000009' (no file in security_practices/ has this id)
EOF
check_output "each problem once, with its place" expected "$err_file"

run "$CTO_ASSESS" import samm bad -o bad-out
check "without --strict, unknown keys are not noted" \
	lacks "$err_file" "note: ignoring unknown key"

# What the loader would refuse later is refused here, at the source: an
# answer set of one answer, two activities of a stream at one level.
cp -r "$import_dir/samm-mini" bad2
(
	cd bad2/model || exit 1
	sed -i 's/^level: l120*$/level: l1100000000000000000000000000000/' \
		activities/G-SM-2-A.yml
	printf -- '---\nid: a0000000000000000000000000000001\nvalues:\n- text: Only\n  value: 1\n' \
		>answer_sets/A.yml
)
run "$CTO_ASSESS" import samm bad2 -o bad-out
cat >expected <<'EOF'
bad2/model/answer_sets/A.yml:4:1: error: answer set 'a0000000000000000000000000000001' has 1 answer; a question needs at least two
bad2/model/questions/G-SM-2-A.yml:2:1: error: this question's id 'g-sm-1-a' is also that of bad2/model/questions/G-SM-1-A.yml (two activities of one stream at one maturity level?)
EOF
check_output "a set of one answer, one id twice" expected "$err_file"
check "and nothing written" [ "$status" -eq 3 ] && [ ! -e bad-out ]

mkdir empty
run "$CTO_ASSESS" import samm empty
check "a directory that is not a model exits 3" [ "$status" -eq 3 ]
check "and says so" contains "$err_file" \
	"empty: error: not an OWASP SAMM model: no directory 'empty/business_functions'"

# ---- the real model ---------------------------------------------------------

if [ ! -d "$frameworks/owasp-samm-core" ]; then
	test_count=$((test_count + 1))
	echo "ok $test_count - the real SAMM model # SKIP $frameworks is absent"
	done_testing
	exit
fi
samm="$frameworks/owasp-samm-core"
run "$CTO_ASSESS" import samm "$samm" -o real --strict
check "the real model imports" [ "$status" -eq 0 ]
check "the real model has no unknown key" [ ! -s "$err_file" ]
check "15 practices, 90 questions" contains "$out_file" \
	"real/owasp-samm.yaml: ok (15 areas, 90 questions, in 16 files)"
run "$CTO_ASSESS" validate --strict real
check "the real model validates with --strict" [ "$status" -eq 0 ]
run python3 "$import_dir/samm_check.py" structure "$samm" real
check "the real model's structure, texts and values" [ "$status" -eq 0 ]
for seed in 0 1 2 3; do
	python3 "$import_dir/samm_check.py" answers "$samm" real "$seed" \
		>answers-$seed.yaml
	run "$CTO_ASSESS" report answers-$seed.yaml -q real -f json \
		-o report-$seed.json
	check "report on answers $seed" [ "$status" -eq 0 ]
	run python3 "$import_dir/samm_check.py" maturity "$samm" real \
		answers-$seed.yaml report-$seed.json
	check "answers $seed: every practice's maturity is SAMM's" \
		[ "$status" -eq 0 ]
done

# ---- a consultant's try: six practices, an interview, the report -------------

# Keep six practices: the root's include list is one line each.
cut=real-cut
cp -r real "$cut"
grep -v -e '^- areas/g-pc' -e '^- areas/d-sa' -e '^- areas/i-sd' \
	-e '^- areas/i-dm' -e '^- areas/v-aa' -e '^- areas/v-rt' \
	-e '^- areas/o-' real/owasp-samm.yaml >"$cut/owasp-samm.yaml"
run "$CTO_ASSESS" validate --strict "$cut"
check "cut to six practices, it validates" contains "$out_file" \
	"$cut/owasp-samm.yaml: ok (6 areas, 36 questions)"
# 36 answers typed at the prompt (1 to 4, in turn), then Enter to finish
# the review.
i=0
: >lines
while [ $i -lt 36 ]; do
	echo $((i % 4 + 1)) >>lines
	i=$((i + 1))
done
echo >>lines
run sh -c '"$1" run -q "$2" -o session <lines' sh "$CTO_ASSESS" "$cut"
check "the interview runs through its 36 questions" [ "$status" -eq 0 ] && \
	[ -f session/report.md ]
check "the report is SAMM's" contains session/report.md "# OWASP SAMM report"
check "its scorecard has the six practices" \
	[ "$(grep -c '^| [A-Z][a-z]*: ' session/report.md)" -eq 6 ]
python3 -c '
import json, yaml
a = json.load(open("session/answers.json"))["answers"]
print(yaml.safe_dump({"answers": a}))' >session-answers.yaml
run python3 "$import_dir/samm_check.py" maturity "$samm" "$cut" \
	session-answers.yaml session/report.json
check "the six practices' maturity is SAMM's" [ "$status" -eq 0 ]

done_testing
