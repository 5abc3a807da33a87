#!/bin/sh
# sanitise.sh - what a hostile file can put on standard error: control
# characters are dropped and bidi controls shown as <U+XXXX> by the one
# sanitiser (escape_sanitize), in diagnostics and in the messages of every
# command.  The report formats are checked in tests/unit/test_render.c.
. "$(dirname "$0")/lib.sh"

# ---- diagnostics ------------------------------------------------------------
printf 'id: t\ntitle: T\nversion: "1"\nareas: []\n"ti\\u202Etle": x\n' \
	>"$tmp/bidi-key.yaml"
run "$CTO_ASSESS" validate "$tmp/bidi-key.yaml"
printf '%s\n' \
	"$tmp/bidi-key.yaml:5:1: error: unknown key 'ti<U+202E>tle' in the questionnaire" \
	>"$tmp/expected"
check_output "a bidi override in a diagnostic is shown, not obeyed" \
	"$tmp/expected" "$err_file"


# ---- messages: an OSC 52 sequence (it sets the clipboard) in each field ----
# of an answers file that a message quotes: schema, questionnaire id, hash
# and version.  The terminal must get no ESC (\033) and no BEL (\007).
basic="$tests_dir/report/basic"
osc='\\u001b]52;c;ZWNobyBwd25lZA==\\u0007'
no_escape() {
	! has_bytes "$err_file" '\033\007'
}
has_bytes() {
	[ "$(tr -d -c "$2" <"$1" | wc -c)" -ne 0 ]
}
sed "s|\"schema\": \"cto-assess/answers/1\"|\"schema\": \"$osc\"|" \
	"$basic/answers.json" >"$tmp/schema.json"
run "$CTO_ASSESS" compare "$tmp/schema.json" "$basic/answers.json" \
	-q "$basic/questionnaire.yaml"
check "schema: refused (exit 3)" [ "$status" -eq 3 ]
check "schema: the message names it" contains "$err_file" "]52;c;ZWNobyBwd25lZA=="
check "schema: no ESC or BEL on stderr" no_escape

sed "s|\"id\": \"basic\"|\"id\": \"$osc\"|" \
	"$basic/answers.json" >"$tmp/id.json"
run "$CTO_ASSESS" report "$tmp/id.json"
check "id: refused (exit 3)" [ "$status" -eq 3 ]
check "id: the message names it" contains "$err_file" "]52;c;ZWNobyBwd25lZA=="
check "id: no ESC or BEL on stderr" no_escape

sed "s|\"version\": \"1.0\" }|\"version\": \"$osc\", \"hash\": \"$osc\" }|" \
	"$basic/answers.json" >"$tmp/hash.json"
run "$CTO_ASSESS" report "$tmp/hash.json" -q "$basic/questionnaire.yaml"
check "hash: reported all the same (exit 0)" [ "$status" -eq 0 ]
check "hash: the warning names it" contains "$err_file" "]52;c;ZWNobyBwd25lZA=="
check "hash: no ESC or BEL on stderr" no_escape

mkdir "$tmp/session"
cp "$tmp/hash.json" "$tmp/session/answers.json"
run "$CTO_ASSESS" run --resume "$tmp/session/answers.json" \
	-q "$basic/questionnaire.yaml"
check "version: the warning names it" contains "$err_file" \
	"(version ]52;c;ZWNobyBwd25lZA==, hash ]52;c;ZWNobyBwd25lZA==;"
check "version: no ESC or BEL on stderr" no_escape

done_testing
