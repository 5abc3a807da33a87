#!/bin/sh
# import_aws.sh - `cto-assess import aws-lens`: the hand-written lens in
# tests/import/lens-mini.json, broken lenses with their exact diagnostics,
# then (when CI has them beside the clone) the four lenses of the public
# custom lens hub in ../shared/frameworks/aws-lenses/.
#
# tests/import/lens_check.py evaluates the lens's riskRules and the rules
# the importer wrote with evaluators of its own, for every answer a
# respondent can give, and compares the risks.
. "$(dirname "$0")/lib.sh"

import_dir="$tests_dir/import"
frameworks="$root_dir/../shared/frameworks"
cd "$tmp" || exit 1
# Files get 0666 and directories 0777 less the umask: 0644 and 0755 here.
umask 022

# ---- the hand-written lens ----------------------------------------------------

run "$CTO_ASSESS" import aws-lens "$import_dir/lens-mini.json" -o mini --strict
check "the lens imports" [ "$status" -eq 0 ]
check "it says what it wrote" contains "$out_file" \
	"mini/mini-lens-for-the-tests.yaml: ok (2 areas, 4 questions, in 3 files)"
# '_version' is no key of the lens format: noted with --strict, never used.
# An ftp:// link is dropped: reports link only to http and https.
cat >expected <<EOF
$import_dir/lens-mini.json:3:5: note: ignoring unknown key '_version' in the lens
$import_dir/lens-mini.json:174:40: warning: ignoring URL 'ftp://example.org/inventory' (only http and https links are kept)
EOF
check_output "a note for '_version', a warning for the ftp link" expected \
	"$err_file"
check "one file per pillar" [ -f mini/areas/ops.yaml ] && \
	[ -f mini/areas/sec.yaml ]
check "files are 0644" [ "$(stat -c %a mini/areas/sec.yaml)" = 644 ]
check "the header names the lens and its schema version" \
	contains mini/mini-lens-for-the-tests.yaml \
	"# (lens-mini.json), version 2021-11-01."
check "the header says the lens states no licence" \
	contains mini/areas/ops.yaml \
	"# Licence of the source: not stated in the lens file."

run python3 "$import_dir/lens_check.py" structure \
	"$import_dir/lens-mini.json" mini
check "pillars, questions and best practices kept verbatim" [ "$status" -eq 0 ]
run python3 "$import_dir/lens_check.py" rules "$import_dir/lens-mini.json" mini
check "every answer gets the lens's risk from the rules written" \
	[ "$status" -eq 0 ]

# What the rules say, read with PyYAML.  OPS_1's conditions:
#   OPS_1_1 && OPS_1_2 && OPS_1_3 -> NO_RISK, !OPS_1_1 || (OPS_1_no) ->
#   HIGH_RISK, default -> MEDIUM_RISK; a risk's score: none 1, medium 0.5,
#   high 0.
run python3 -c '
import yaml
q = yaml.safe_load(open("mini/areas/ops.yaml"))["areas"][0]["questions"]
for r in q[0]["rules"]:
    print("%s | %s | %s" % (r["when"], r["risk"], r["score"]))
print([c["id"] for c in q[1]["choices"] if c.get("exclusive")])'
cat >expected <<'EOF'
ops_1 includes ops_1_1 and ops_1 includes ops_1_2 and ops_1 includes ops_1_3 | none | 1
not ops_1 includes ops_1_1 or ops_1 includes ops_1_no | high | 0
true | medium | 0.5
['ops_2_no']
EOF
check_output "rules in the condition language; a 'none of these' added" \
	expected "$out_file"
check "'_no' is exclusive" contains mini/areas/ops.yaml "exclusive: true"
check "an improvement plan is advice" contains mini/areas/ops.yaml \
	"advice: Move every deployment into a pipeline."
check "a helpful resource's link is a reference" contains mini/areas/ops.yaml \
	"url: https://example.org/pipeline"
check "a question's own resource too" contains mini/areas/sec.yaml \
	"url: https://example.org/least-privilege"

# ---- broken lenses ------------------------------------------------------------

cd "$import_dir" || exit 1
for f in bad/*.json; do
	run "$CTO_ASSESS" import aws-lens "$f" -o "$tmp/bad-out" --strict
	check "$f exits 3" [ "$status" -eq 3 ]
	check "$f writes nothing" [ ! -e "$tmp/bad-out" ]
	check_output "$f diagnostics" "${f%.json}.stderr" "$err_file"
done
run "$CTO_ASSESS" import aws-lens bad/lens-mistakes.json -o "$tmp/bad-out"
check "every mistake of a lens in one pass" \
	[ "$(grep -c ': error: ' "$err_file")" -eq 11 ]
cd "$tmp" || exit 1

printf '[1, 2]\n' >array.json
run "$CTO_ASSESS" import aws-lens array.json
check "a lens must be an object" contains "$err_file" \
	"array.json:1:1: error: a lens must be a JSON object, not a list"
run "$CTO_ASSESS" import aws-lens missing.json
check "a missing lens exits 3" [ "$status" -eq 3 ]
check "a missing lens says so" contains "$err_file" \
	"missing.json: error: cannot open 'missing.json': No such file or directory"

# ---- the lenses of the hub ------------------------------------------------------

if [ ! -d "$frameworks/aws-lenses" ]; then
	test_count=$((test_count + 1))
	echo "ok $test_count - the hub's lenses # SKIP $frameworks is absent"
	done_testing
	exit
fi
for lens in "$frameworks"/aws-lenses/*.json; do
	name=$(basename "$lens" .json)
	run "$CTO_ASSESS" import aws-lens "$lens" -o "$name"
	check "$name imports" [ "$status" -eq 0 ]
	check "$name: nothing to say without --strict" [ ! -s "$err_file" ]
	run python3 "$import_dir/lens_check.py" structure "$lens" "$name"
	check "$name: structure and texts" [ "$status" -eq 0 ]
	run python3 "$import_dir/lens_check.py" rules "$lens" "$name"
	check "$name: the rules give the lens's risks" [ "$status" -eq 0 ]
done

done_testing
