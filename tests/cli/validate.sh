#!/bin/sh
# validate.sh - `cto-assess validate` on good and bad questionnaires.
#
# Every file in tests/questionnaires/bad/ has its expected diagnostics beside
# it (NAME.stderr), compared exactly: the place (file:line:col) and the
# wording of each message are part of the interface.
. "$(dirname "$0")/lib.sh"

cd "$tests_dir/questionnaires" || exit 1

for f in bad/*.yaml bad/cycle/main.yaml bad/included-root/main.yaml; do
	expected="${f%.yaml}.stderr"
	run "$CTO_ASSESS" validate "$f"
	check "$f exits 3" [ "$status" -eq 3 ]
	check "$f prints nothing on stdout" [ ! -s "$out_file" ]
	check_output "$f diagnostics" "$expected" "$err_file"
done

run "$CTO_ASSESS" validate bad/ten-mistakes.yaml
check "ten mistakes give ten diagnostics" \
	[ "$(grep -c ':[0-9]*:[0-9]*: error: ' "$err_file")" -eq 10 ]

run "$CTO_ASSESS" validate good/main.yaml
check "good questionnaire exits 0" [ "$status" -eq 0 ]
check "good questionnaire summary" \
	contains "$out_file" "good/main.yaml: ok (3 areas, 8 questions)"
check "good questionnaire has no diagnostics" [ ! -s "$err_file" ]

run "$CTO_ASSESS" validate good/areas.yaml
check "a file of areas validates on its own" [ "$status" -eq 0 ]
# good/areas.yaml holds areas 'security' (backups, mfa) and 'team'
# (bus_factor): two areas, three questions.
check "a file of areas says so, with what it holds" \
	contains "$out_file" "good/areas.yaml: ok (a file of areas to include: 2 areas, 3 questions)"

run "$CTO_ASSESS" validate good/main.yaml bad/levels.yaml
check "one bad file among good ones fails" [ "$status" -eq 3 ]
check "the good one is still reported" \
	contains "$out_file" "good/main.yaml: ok"

# Warnings pass, unless --strict.
cat >"$tmp/warn.yaml" <<'YAML'
id: warn
title: Warnings only
version: "1"
areas:
  - id: a
    title: A
    questions:
      - id: q1
        text: A question without help?
        type: yesno
YAML
run "$CTO_ASSESS" validate "$tmp/warn.yaml"
check "warnings alone pass" [ "$status" -eq 0 ]
check "warning printed" contains "$err_file" "warn.yaml:8:9: warning: scored question 'q1' has no 'help'"
run "$CTO_ASSESS" validate --strict "$tmp/warn.yaml"
check "--strict makes warnings fail" [ "$status" -eq 3 ]
check "--strict says why" contains "$out_file" "failed (2 warnings with --strict)"

# Files that are not questionnaires at all.
run "$CTO_ASSESS" validate "$tmp/missing.yaml"
check "missing file exits 3" [ "$status" -eq 3 ]
check "missing file message" contains "$err_file" "missing.yaml: error: cannot open '$tmp/missing.yaml': No such file or directory"
: >"$tmp/empty.yaml"
run "$CTO_ASSESS" validate "$tmp/empty.yaml"
check "empty file is an error" contains "$err_file" "empty.yaml:1:1: error: file is empty"
printf 'just text\n' >"$tmp/scalar.yaml"
run "$CTO_ASSESS" validate "$tmp/scalar.yaml"
check "a scalar document is an error" contains "$err_file" "scalar.yaml:1:1: error: a questionnaire file must be a mapping, not a scalar"

# Hostile files: over the size cap, deep flow nesting that would take
# libyaml's composer minutes, an alias bomb.
head -c 17000000 /dev/zero | tr '\0' '#' >"$tmp/huge.yaml"
run "$CTO_ASSESS" validate "$tmp/huge.yaml"
check "a file over 16 MiB is refused" contains "$err_file" "is too large (more than 16 MiB)"
python3 -c 'print("id: x\nareas: " + "[" * 200000)' >"$tmp/deep.yaml"
run "$CTO_ASSESS" validate "$tmp/deep.yaml"
check "200,000 '[' stop at the depth cap" contains "$err_file" "nesting is too deep"
# Without an id first, telling a root from a file of areas must stop at the
# cap too (it once read all 200,000 levels, for 50 seconds).
python3 -c 'print("areas: " + "[" * 200000)' >"$tmp/deep-areas.yaml"
run timeout 20 "$CTO_ASSESS" validate "$tmp/deep-areas.yaml"
check "a deep file without an id stops at the depth cap" \
	contains "$err_file" "nesting is too deep"
cat >"$tmp/bomb.yaml" <<'YAML'
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
YAML
run "$CTO_ASSESS" validate "$tmp/bomb.yaml"
check "an alias bomb is refused" contains "$err_file" "bomb.yaml:1:4: error: YAML anchors and aliases are not supported"
printf 'id: t\ntitle: T\0\n' >"$tmp/nul.yaml"
run "$CTO_ASSESS" validate "$tmp/nul.yaml"
check "a NUL byte is refused at its place" \
	contains "$err_file" "nul.yaml:2:9: error: NUL byte in file (is it a binary file?)"
# 256 files at most: the root and 255 includes (one file included again and
# again counts each time).
printf 'areas: []\n' >"$tmp/nothing.yaml"
{
	printf 'id: many\ntitle: Many\nversion: "1"\ninclude:\n'
	i=0
	while [ $i -lt 256 ]; do
		printf '  - nothing.yaml\n'
		i=$((i + 1))
	done
} >"$tmp/many.yaml"
run "$CTO_ASSESS" validate "$tmp/many.yaml"
check "the 256th include is one file too many" \
	[ "$(grep -c 'error: ' "$err_file")" -eq 1 ]
check "too many files: the message, at the entry" \
	contains "$err_file" "many.yaml:260:5: error: too many included files (more than 256)"
printf 'id: t\ntitle: "\033[31mred\033[0m"\nversion: 1\nareas: 5\n\033]0;x\a: 1\n' >"$tmp/escape.yaml"
run "$CTO_ASSESS" validate "$tmp/escape.yaml"
check "escape bytes never reach the terminal" \
	[ "$(tr -d -c '\033\007' <"$err_file" | wc -c)" -eq 0 ]

# Only regular files are read: a FIFO, a device or a directory named as a
# questionnaire or an include is an error at once (a FIFO used to block
# until a writer came; timeout turns a hang into a failure).
mkfifo "$tmp/fifo.yaml"
run timeout 10 "$CTO_ASSESS" validate "$tmp/fifo.yaml"
check "a FIFO questionnaire exits 3" [ "$status" -eq 3 ]
check "a FIFO questionnaire is not a regular file" contains "$err_file" \
	"fifo.yaml: error: '$tmp/fifo.yaml' is not a regular file"
run timeout 10 "$CTO_ASSESS" list -q /dev/null
check "a device as the questionnaire exits 3" [ "$status" -eq 3 ]
check "a device is not a regular file" contains "$err_file" \
	"/dev/null: error: '/dev/null' is not a regular file"
mkdir "$tmp/incdir.yaml"
printf 'id: inc\ntitle: T\nversion: "1"\ninclude:\n  - fifo.yaml\n  - incdir.yaml\n' \
	>"$tmp/special-include.yaml"
run timeout 10 "$CTO_ASSESS" validate "$tmp/special-include.yaml"
check "special includes exit 3" [ "$status" -eq 3 ]
check "an included FIFO: at its entry" contains "$err_file" \
	"special-include.yaml:5:5: error: '$tmp/fifo.yaml' is not a regular file"
check "an included directory: at its entry" contains "$err_file" \
	"special-include.yaml:6:5: error: '$tmp/incdir.yaml' is not a regular file"

# A directory: each questionnaire in it, and areas nobody includes.
mkdir "$tmp/dir"
cp good/main.yaml good/areas.yaml "$tmp/dir/"
cp "$tmp/warn.yaml" "$tmp/dir/"
run "$CTO_ASSESS" validate "$tmp/dir"
check "a directory is validated file by file" [ "$status" -eq 0 ]
check "directory: main" contains "$out_file" "dir/main.yaml: ok (3 areas, 8 questions)"
check "directory: warn" contains "$out_file" "dir/warn.yaml: ok (1 area, 1 question)"
check "directory: included areas are not checked twice" \
	[ "$(grep -c areas.yaml "$out_file")" -eq 0 ]

# The shipped questionnaires pass --strict.
run "$CTO_ASSESS" validate --strict "$root_dir/questionnaires"
check "shipped questionnaires pass --strict" [ "$status" -eq 0 ]
check "shipped questionnaires have no diagnostics" [ ! -s "$err_file" ]

# Usage errors.
run "$CTO_ASSESS" validate
check "no file is a usage error" [ "$status" -eq 2 ]
run "$CTO_ASSESS" validate --strcit x
check "unknown option is a usage error" [ "$status" -eq 2 ]
check "unknown option is named, with a hint" contains "$err_file" "unknown option '--strcit' (did you mean '--strict'?)"

done_testing
