#!/bin/sh
# run-tests.sh - run every test of cto-assess and print one summary line.
#
# Every test program speaks TAP ("ok N - name" / "not ok N - name"): the C
# unit tests (cmocka, CMOCKA_MESSAGE_OUTPUT=tap), the CLI scripts in
# tests/cli/*.sh and the pseudo-terminal tests in tests/pty/*.py.  A program
# that exits non-zero without reporting a failed test counts as one failure,
# so a crash is never a pass.
#
# Environment: CTO_ASSESS (the binary under test), UNIT_DIR (built unit tests).
set -u

here=$(cd "$(dirname "$0")" && pwd)
: "${CTO_ASSESS:?set CTO_ASSESS to the cto-assess binary}"
: "${UNIT_DIR:?set UNIT_DIR to the directory of built unit tests}"
export CTO_ASSESS
export CMOCKA_MESSAGE_OUTPUT=tap
export LC_ALL=C.UTF-8
unset NO_COLOR

# The Python tests use modules from Debian's packages (python3-pexpect,
# python3-jsonschema, python3-yaml, installed by scripts/install-deps), so
# they run with Debian's python3 even where another python3 comes first in
# PATH (a pyenv, a virtualenv) that may not have them.
if [ -x /usr/bin/python3 ]; then
	py_dir=$(mktemp -d)
	ln -s /usr/bin/python3 "$py_dir/python3"
	PATH="$py_dir:$PATH"
	export PATH
fi

passed=0
failed=0
failed_names=""
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir" ${py_dir:+"$py_dir"}' EXIT

# No test may read the consultant profile of whoever runs them
# (~/.config/cto-assess/consultant.yaml): the tests that want one say so.
mkdir "$log_dir/config"
XDG_CONFIG_HOME="$log_dir/config"
export XDG_CONFIG_HOME

run_one() {
	name=$1
	shift
	log="$log_dir/out"
	"$@" >"$log" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $status" >>"$log"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name ran no test" >>"$log"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		printf '%-40s %3d passed, %3d FAILED\n' "$name" "$p" "$f"
		grep -v '^ok ' "$log" | sed 's/^/    /' | head -80
		failed_names="$failed_names $name"
	else
		printf '%-40s %3d passed\n' "$name" "$p"
	fi
}

for t in "$UNIT_DIR"/test_*; do
	# A binary left in the build directory by a test since removed is
	# not a test any more: only those with a source here count.
	[ -x "$t" ] && [ -f "$here/unit/$(basename "$t").c" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in "$here"/cli/*.sh; do
	[ "$(basename "$t")" = lib.sh ] && continue
	run_one "cli/$(basename "$t")" sh "$t"
done
for t in "$here"/pty/*.py; do
	[ -f "$t" ] || continue
	run_one "pty/$(basename "$t")" python3 "$t"
done

echo
[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
