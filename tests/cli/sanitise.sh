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

done_testing
