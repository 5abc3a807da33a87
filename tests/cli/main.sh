#!/bin/sh
# main.sh - dispatch: --version, --help, help [COMMAND], an unknown command
# with its hint, options without a command (they belong to run), the bare
# command without a terminal, and a failed write to standard output.
. "$(dirname "$0")/lib.sh"

q="$tests_dir/report/basic/questionnaire.yaml"

run "$CTO_ASSESS" --version
check "--version exits 0" [ "$status" -eq 0 ]
echo "cto-assess 0.1.0" >"$tmp/expected"
check_output "--version prints the version (include/version.h)" \
	"$tmp/expected" "$out_file"
run "$CTO_ASSESS" -V
check_output "-V is --version" "$tmp/expected" "$out_file"

cat >"$tmp/usage" <<'TXT'
usage: cto-assess [--version] [--help] [COMMAND [ARGS]]

A fractional-CTO readiness assessment: answer questions about your
company's technology, get a prioritised readiness report.

Commands:
  run         run an assessment interview (the default)
  report      write reports from a saved answers file
  validate    check questionnaire files
  compare     show progress between two assessments
  list        print a questionnaire as text, Markdown or JSON
  merge       merge several respondents' answers into one assessment
  portfolio   many assessments side by side, one row a company
  consultant  write or check your consultant profile
  import      make a questionnaire of OWASP SAMM or an AWS lens

Without a command, cto-assess runs an assessment ('cto-assess run').
'cto-assess help COMMAND' or 'cto-assess COMMAND --help' describes one.
See cto-assess(1) and cto-assess-questionnaire(5).
TXT
for args in --help -h help; do
	run "$CTO_ASSESS" $args
	check "$args exits 0" [ "$status" -eq 0 ]
	check_output "$args lists every command" "$tmp/usage" "$out_file"
done

for cmd in run report validate compare list merge portfolio consultant \
	import; do
	run "$CTO_ASSESS" help "$cmd"
	check "help $cmd exits 0" [ "$status" -eq 0 ]
	check "help $cmd is $cmd --help" \
		contains "$out_file" "usage: cto-assess $cmd"
	cp "$out_file" "$tmp/help"
	run "$CTO_ASSESS" "$cmd" --help
	check_output "help $cmd and $cmd --help print the same" \
		"$tmp/help" "$out_file"
done

run "$CTO_ASSESS" repotr answers.json
check "an unknown command is a usage error" [ "$status" -eq 2 ]
printf '%s\n' "cto-assess: error: unknown command 'repotr' (did you mean 'report'?)" \
	"Try 'cto-assess --help'." >"$tmp/expected"
check_output "... with a hint" "$tmp/expected" "$err_file"
run "$CTO_ASSESS" frobnicate
printf '%s\n' "cto-assess: error: unknown command 'frobnicate'" \
	"Try 'cto-assess --help'." >"$tmp/expected"
check_output "... and without one when nothing is close" "$tmp/expected" "$err_file"
run "$CTO_ASSESS" help frobnicate
check "help on an unknown command is a usage error" [ "$status" -eq 2 ]

# Options without a command are run's.
run "$CTO_ASSESS" --bogus
check "an unknown option without a command is run's usage error" \
	[ "$status" -eq 2 ]
printf '%s\n' "cto-assess: error: unknown option '--bogus'" \
	"Try 'cto-assess run --help'." >"$tmp/expected"
check_output "... naming run" "$tmp/expected" "$err_file"
run "$CTO_ASSESS" -q "$tmp/none.yaml"
check "-q without a command loads a questionnaire for run" [ "$status" -eq 3 ]
check "... and says which" contains "$err_file" \
	"cannot open questionnaire '$tmp/none.yaml'"

# The bare command runs an interview; without a terminal and without
# input it stops at the first question and says how to go on.
mkdir "$tmp/bare"
cd "$tmp/bare" || exit 1
run env CTO_ASSESS_QUESTIONNAIRES="$root_dir/questionnaires" "$CTO_ASSESS"
cd "$root_dir" || exit 1
day=$(date +%Y-%m-%d)
check "bare: no input is an error (exit 3)" [ "$status" -eq 3 ]
# (The counts depend on the default questionnaire, not on dispatch.)
check "bare: the first question was asked" \
	grep -q "^Company profile 1/[0-9]* - question 1 of [0-9]*" "$out_file"
printf '%s\n' \
	"cto-assess: error: the input ended before every question was answered" \
	"Your answers are saved in 'cto-assessment-$day/answers.json'." \
	"To continue where you stopped, run:" \
	"  $CTO_ASSESS run --resume cto-assessment-$day/answers.json" \
	>"$tmp/expected"
check_output "bare: stderr says how to resume" "$tmp/expected" "$err_file"
check "bare: the session is saved" \
	[ -s "$tmp/bare/cto-assessment-$day/answers.json" ]

# main checks standard output once, after any command.
for args in --version --help "help list" "list -q $q"; do
	run sh -c "'$CTO_ASSESS' $args >/dev/full"
	check "$args on a full disk exits 1" [ "$status" -eq 1 ]
	check "... and says why" contains "$err_file" \
		"cto-assess: error: write failure on standard output: No space left on device"
done

done_testing
