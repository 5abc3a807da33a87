#!/bin/sh
# list.sh - `cto-assess list`: outline, Markdown checklist, JSON.
. "$(dirname "$0")/lib.sh"

good="$tests_dir/questionnaires/good/main.yaml"

run "$CTO_ASSESS" list -q "$good"
check "text outline exits 0" [ "$status" -eq 0 ]
check "outline names the questionnaire" \
	contains "$out_file" "Small test questionnaire (small, version 2.1)"
check "outline numbers questions" \
	contains "$out_file" "2.1 Which tests run automatically? [tests, multi, weight 1]"
check "outline shows conditions" \
	contains "$out_file" "when: not (stage == idea) and answered(company)"
check "outline shows scores" contains "$out_file" "b) Backups nobody has restored [0.4]"

# JSON: the documented shape, parsed by a real JSON parser.
run "$CTO_ASSESS" list -q "$good" --format json
check "json exits 0" [ "$status" -eq 0 ]
cp "$out_file" "$tmp/list.json"
cat >"$tmp/shape.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "cto-assess/questionnaire/1", d["schema"]
assert (d["id"], d["title"], d["version"]) == ("small", "Small test questionnaire", "2.1")
assert [a["id"] for a in d["areas"]] == ["profile", "practice", "security"]
q = d["areas"][1]["questions"][0]
assert q["id"] == "tests" and q["type"] == "multi" and q["weight"] == 1
assert q["when"] == "not (stage == idea) and answered(company)"
assert [c["id"] for c in q["choices"]] == ["unit", "integration", "none"]
assert q["choices"][0]["score"] == 1
assert d["areas"][0]["questions"][0]["when"] is None
assert d["areas"][2]["targets"] == {"idea": 20, "seed": 50}
assert len(d["hash"]) == 16
print("shape ok")
PY
run python3 "$tmp/shape.py" "$tmp/list.json"
check "json has the documented shape" contains "$out_file" "shape ok"

# Markdown: a checklist that a real CommonMark parser renders.
run "$CTO_ASSESS" list -q "$good" --format md
check "md exits 0" [ "$status" -eq 0 ]
cp "$out_file" "$tmp/list.md"
run cmark-gfm --extension tasklist "$tmp/list.md"
check "cmark-gfm renders the checklist" [ "$status" -eq 0 ]
check "checkboxes render" contains "$out_file" '<input type="checkbox" disabled="" /> Unit tests'
check "areas are headings" contains "$out_file" "<h2>2. Practice</h2>"

# Hostile text: Markdown and HTML in a questionnaire stay text.
cat >"$tmp/hostile.yaml" <<'YAML'
id: hostile
title: "<script>alert(1)</script> # not a heading"
version: "1"
areas:
  - id: a
    title: "*bold* | pipe [link](http://x)"
    questions:
      - id: q1
        text: "<img src=x onerror=alert(1)>?"
        help: "Line one\n# heading?\n- list?"
        type: yesno
        advice: "Do `it`."
YAML
run "$CTO_ASSESS" list -q "$tmp/hostile.yaml" --format md
cp "$out_file" "$tmp/hostile.md"
run cmark-gfm "$tmp/hostile.md"
check "no raw HTML survives" [ "$(grep -c '<script\|<img' "$out_file")" -eq 0 ]
check "no link is made" [ "$(grep -c '<a ' "$out_file")" -eq 0 ]
check "escaped text is shown" contains "$out_file" "&lt;script&gt;alert(1)&lt;/script&gt; # not a heading"
check "no emphasis is made" [ "$(grep -c '<em>bold' "$out_file")" -eq 0 ]

# Output to a file: atomic, never overwriting without --force.
run "$CTO_ASSESS" list -q "$good" --format md -o "$tmp/out.md"
check "-o writes the file" [ -s "$tmp/out.md" ]
run "$CTO_ASSESS" list -q "$good" --format md -o "$tmp/out.md"
check "-o refuses to overwrite" [ "$status" -eq 1 ]
check "-o says how" contains "$err_file" "refusing to overwrite '$tmp/out.md' (use --force)"
run "$CTO_ASSESS" list -q "$good" --format md -o "$tmp/out.md" --force
check "--force overwrites" [ "$status" -eq 0 ]
run "$CTO_ASSESS" list -q "$good" -o /dev/full
check "a full disk is an error" [ "$status" -eq 1 ]
check "a full disk says so" contains "$err_file" "No space left on device"

# Errors.
run "$CTO_ASSESS" list -q "$good" --format pdf
check "unknown format is a usage error" [ "$status" -eq 2 ]
check "unknown format is named" contains "$err_file" "unknown format 'pdf' (expected text, md or json)"
run "$CTO_ASSESS" list -q "$tests_dir/questionnaires/bad/levels.yaml"
check "an invalid questionnaire exits 3" [ "$status" -eq 3 ]
check "and prints its diagnostics" contains "$err_file" "levels.yaml:7:31: error: levels out of order"
run "$CTO_ASSESS" list -q no-such-questionnaire
check "an unknown name exits 3" [ "$status" -eq 3 ]
check "an unknown name says where it looked" \
	contains "$err_file" "cannot find questionnaire 'no-such-questionnaire' (looked for no-such-questionnaire.yaml in"

# Lookup by name: the environment variable, then the checkout.
mkdir "$tmp/qdir"
cp "$good" "$tmp/qdir/mine.yaml"
cp "$tests_dir/questionnaires/good/areas.yaml" "$tmp/qdir/"
CTO_ASSESS_QUESTIONNAIRES="$tmp/qdir" run "$CTO_ASSESS" list -q mine
check "-q NAME finds NAME.yaml in \$CTO_ASSESS_QUESTIONNAIRES" \
	contains "$out_file" "Small test questionnaire"
run "$CTO_ASSESS" list -q "$tmp/qdir"
check "-q DIR loads the one questionnaire in it" \
	contains "$out_file" "Small test questionnaire"

# ---- list --answers: the questions one company will be asked ---------------
cat >"$tmp/preview.yaml" <<'YAML'
id: preview
title: Preview
version: "1"
stage_question: stage
areas:
  - id: profile
    title: Profile
    scored: false
    questions:
      - id: stage
        text: Stage?
        choices: [{id: idea, label: Idea}, {id: seed, label: Seed}]
      - {id: product, text: Product?, type: yesno}
  - id: a
    title: A
    questions:
      - {id: always, text: Always?, help: H, type: yesno}
      - {id: later, text: Later stage?, help: H, type: yesno, when: stage == seed}
      - {id: early, text: Early?, help: H, type: yesno, when: stage == idea}
      - {id: built, text: Built?, help: H, type: yesno, when: product == yes}
  - id: b
    title: B
    questions:
      - {id: seed_only, text: Seed only?, help: H, type: yesno, when: stage == seed}
YAML
printf 'answers:\n  stage: idea\n' >"$tmp/profile.yaml"
# stage idea, product not given: stage, product, always and early are
# asked (4); later and seed_only are ruled out (area b has nothing left);
# built depends on product, not answered yet (1).
run "$CTO_ASSESS" list -q "$tmp/preview.yaml" --answers "$tmp/profile.yaml"
check "list --answers exits 0" [ "$status" -eq 0 ]
check "list --answers counts what this company is asked" \
	contains "$out_file" "2 areas, 4 to 5 questions for this company, depending on answers not given yet"
check "... leaves out what the answers rule out" \
	lacks "$out_file" "Seed only?"
check "... and marks what depends on an answer not given" \
	contains "$out_file" "(depends on answers not given yet)"
run "$CTO_ASSESS" list -q "$tmp/preview.yaml" --answers "$tmp/profile.yaml" -f json
python3 - "$out_file" >"$tmp/preview.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d["preview"]["asked"], d["preview"]["depends_on_answers"])
print(" ".join(q["id"] + ("?" if q["depends_on_answers"] else "")
               for a in d["areas"] for q in a["questions"]))
PY
printf '4 1\nstage product always early built?\n' >"$tmp/preview.expected"
check_output "list --answers -f json: the preview and its questions" \
	"$tmp/preview.expected" "$tmp/preview.out"
run "$CTO_ASSESS" list -q "$tmp/preview.yaml" --answers "$tmp/profile.yaml" -f md
check "list --answers -f md counts too" \
	contains "$out_file" "4 to 5 questions for this company"
printf 'answers:\n  stage: idea\n  product: "yes"\n' >"$tmp/profile2.yaml"
run "$CTO_ASSESS" list -q "$tmp/preview.yaml" --answers "$tmp/profile2.yaml"
check "with every condition known, one number" \
	contains "$out_file" "2 areas, 5 questions for this company"
printf 'answers:\n  stage: series-z\n' >"$tmp/bad-profile.yaml"
run "$CTO_ASSESS" list -q "$tmp/preview.yaml" --answers "$tmp/bad-profile.yaml"
check "an invalid profile is an error (exit 3)" [ "$status" -eq 3 ]
check "... at its place" contains "$err_file" "bad-profile.yaml:2:10: error:"

# A checklist is not private: it gets the usual 0666 less the umask, while
# answers and reports are 0600 (run_pipe.sh).
(umask 022 && "$CTO_ASSESS" list -q "$tmp/qdir" -f md -o "$tmp/check22.md")
(umask 027 && "$CTO_ASSESS" list -q "$tmp/qdir" -f md -o "$tmp/check27.md")
check "a checklist is 0644 under umask 022" \
	[ "$(stat -c %a "$tmp/check22.md")" = 644 ]
check "a checklist is 0640 under umask 027" \
	[ "$(stat -c %a "$tmp/check27.md")" = 640 ]

done_testing
