#!/bin/sh
# man.sh - the manual pages are clean under `mandoc -T lint -W warning`
# (mandoc(1) prints nothing for a page without warnings or errors).
. "$(dirname "$0")/lib.sh"

man_dir="$root_dir/man"

check "man/cto-assess-questionnaire.5 exists" \
	[ -s "$man_dir/cto-assess-questionnaire.5" ]

run command -v mandoc
check "mandoc is installed" [ "$status" -eq 0 ]

# mandoc's messages go to stderr, so that check shows them on failure.
lint_clean() {
	[ "$status" -eq 0 ] && [ ! -s "$err_file" ]
}

for page in "$man_dir"/*.1 "$man_dir"/*.5; do
	[ -e "$page" ] || continue
	run sh -c 'mandoc -T lint -W warning "$1" >&2' sh "$page"
	check "mandoc -T lint is clean on man/${page##*/}" lint_clean
done

# ---- the pages as a reader sees them -------------------------------------------
# Rendered by mandoc (-T utf8) and, where installed, by man(1) with groff:
# every paragraph's brackets balance, every JSON example in quotes is JSON,
# and the spots where markup once swallowed quotes or moved a brace read
# as written.
cat >"$tmp/lint.py" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = []
for para in re.split(r"\n\s*\n", text):
    flat = " ".join(l.strip() for l in para.splitlines())
    for o, c in ("()", "[]", "{}"):
        if flat.count(o) != flat.count(c):
            bad.append("unbalanced %s%s: %s" % (o, c, flat[:160]))
    for snippet in re.findall(r"\u2018(\{[^\u2019]*\})\u2019", flat):
        if '"' not in snippet:
            continue  # YAML flow style, not JSON
        try:
            json.loads(snippet.replace(", ...", ""))
        except ValueError:
            bad.append("not JSON: %s" % snippet)
for want in sys.argv[2:]:
    if want not in re.sub(r"\s+", " ", text):
        bad.append("missing: %s" % want)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
render() {
	case $1 in
	mandoc) mandoc -T utf8 "$2" | col -b ;;
	man) MANWIDTH=80 man -l "$2" 2>/dev/null | col -b ;;
	esac
}
for renderer in mandoc man; do
	command -v "$renderer" >/dev/null || continue
	render "$renderer" "$man_dir/cto-assess.1" >"$tmp/page1.txt"
	run python3 "$tmp/lint.py" "$tmp/page1.txt" \
		'‘{"status": "skipped"}’' \
		'‘"schema": "cto-assess/questionnaire/1"’' \
		'{id, text, help, type, weight, scored, effort, advice, dont_know, when, choices} with'
	check "cto-assess.1 as $renderer renders it reads as written" \
		[ "$status" -eq 0 ]
	[ "$status" -eq 0 ] || sed 's/^/#   /' "$out_file"
	render "$renderer" "$man_dir/cto-assess-questionnaire.5" >"$tmp/page5.txt"
	run python3 "$tmp/lint.py" "$tmp/page5.txt"
	check "cto-assess-questionnaire.5 as $renderer renders it reads as written" \
		[ "$status" -eq 0 ]
	[ "$status" -eq 0 ] || sed 's/^/#   /' "$out_file"
done

done_testing
