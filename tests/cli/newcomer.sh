#!/bin/sh
# newcomer.sh - small things a newcomer met: the command a resume hint
# prints is one that works (the program as invoked, unless the one on the
# PATH is the same file); counts say "1 area"; validate says what a file
# of areas holds and takes .yml.
. "$(dirname "$0")/lib.sh"

basic="$tests_dir/run/basic.yaml"
cd "$tmp" || exit 1
mkdir bin other

# As 'make run' starts it: by its path, with no cto-assess on the PATH.
printf 'quit\n' | PATH=/usr/bin:/bin "$CTO_ASSESS" run -q "$basic" -o out1 \
	>"$out_file" 2>"$err_file"
check "by its path, not on the PATH: the hint names that path" \
	contains "$err_file" "  $CTO_ASSESS run --resume out1/answers.json"
# The same file on the PATH: its name is enough.
ln -s "$CTO_ASSESS" bin/cto-assess
printf 'quit\n' | PATH="$tmp/bin:/usr/bin:/bin" "$CTO_ASSESS" run -q "$basic" \
	-o out2 >"$out_file" 2>"$err_file"
check "the same file first on the PATH: 'cto-assess run --resume'" \
	grep -qx "  cto-assess run --resume out2/answers.json" "$err_file"
# Another cto-assess first on the PATH: the path again.
printf '#!/bin/sh\nexit 0\n' >other/cto-assess
chmod +x other/cto-assess
printf 'quit\n' | PATH="$tmp/other:$tmp/bin:/usr/bin:/bin" "$CTO_ASSESS" run \
	-q "$basic" -o out3 >"$out_file" 2>"$err_file"
check "another cto-assess first on the PATH: the path" \
	contains "$err_file" "  $CTO_ASSESS run --resume out3/answers.json"
# An existing session names the command that continues it.
PATH=/usr/bin:/bin run "$CTO_ASSESS" run -q "$basic" -o out1
check "a session in the way: the command that continues it" \
	contains "$err_file" "(continue it with '$CTO_ASSESS run --resume out1/answers.json'"

# ---- counts and files of areas -----------------------------------------------
printf 'id: one\ntitle: One area\nversion: "1"\nareas:\n  - id: a\n    title: A\n    questions:\n      - {id: q, text: Q?, type: text}\n' >one.yml
run "$CTO_ASSESS" list -q one.yml
check "list: '1 area, 1 question'" grep -qx "1 area, 1 question" "$out_file"
run "$CTO_ASSESS" validate one.yml
check "validate takes .yml, and says '1 area'" \
	grep -qx "one.yml: ok (1 area, 1 question)" "$out_file"

done_testing
