# lib.sh - a small TAP library for the CLI tests of cto-assess.
#
# Source it from a test script; then:
#   run CMD...            runs CMD, keeping stdout in $out_file, stderr in
#                         $err_file and the exit status in $status
#   check NAME COND...    "ok N - NAME" when the shell test COND... holds
#   check_output NAME EXPECTED_FILE ACTUAL_FILE
#                         "ok" when the files are equal, else a diff -u
#   done_testing          prints the plan; exits non-zero if any failed
#
# Tests run in a fresh temporary directory ($tmp) that is removed at exit.
# Variables of this library start with _t_ or test_, so that tests may use
# any other names.

: "${CTO_ASSESS:?set CTO_ASSESS to the cto-assess binary}"
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
root_dir=$(cd "$tests_dir/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out_file="$tmp/.stdout"
err_file="$tmp/.stderr"
test_count=0
test_failed=0
status=0

run() {
	"$@" >"$out_file" 2>"$err_file" </dev/null
	status=$?
}

check() {
	_t_name=$1
	shift
	test_count=$((test_count + 1))
	if "$@"; then
		echo "ok $test_count - $_t_name"
	else
		echo "not ok $test_count - $_t_name"
		echo "#   condition: $*"
		echo "#   exit status: $status"
		sed 's/^/#   stderr: /' "$err_file" | head -20
		test_failed=$((test_failed + 1))
	fi
}

check_output() {
	_t_name=$1
	test_count=$((test_count + 1))
	if diff -u "$2" "$3" >"$tmp/.diff" 2>&1; then
		echo "ok $test_count - $_t_name"
	else
		echo "not ok $test_count - $_t_name"
		sed 's/^/#   /' "$tmp/.diff" | head -60
		test_failed=$((test_failed + 1))
	fi
}

# contains FILE TEXT: FILE holds the fixed string TEXT.
contains() {
	grep -qF -- "$2" "$1"
}

# lacks FILE TEXT: FILE does not hold the fixed string TEXT.
lacks() {
	! grep -qF -- "$2" "$1"
}

done_testing() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}
