#!/bin/sh
# run_pipe.sh - `cto-assess run` driven through a pipe: plain lines, no
# readline, an invalid line is an error naming the question, early end of
# input keeps the session for --resume.
. "$(dirname "$0")/lib.sh"

q="$tests_dir/run/basic.yaml"
cd "$tmp" || exit 1

# pipe_run INPUT ARGS...: runs cto-assess with INPUT (printf format) on stdin.
pipe_run() {
	input=$1
	shift
	printf "$input" | "$CTO_ASSESS" "$@" >"$out_file" 2>"$err_file"
	status=$?
}

pipe_run 'Acme\n2\ny\n1,3\n4\n7\n2\nThe database\n' run -q "$q" -o out
check "pipe: a full run exits 0" [ "$status" -eq 0 ]
check "pipe: reports written" [ -f out/report.md -a -f out/report.json ]
check "pipe: the session is complete" contains out/answers.json '"completed_at":	"2'
check "pipe: answers recorded" contains out/answers.json '"tools":	["ci", "iac"]'
check "pipe: the typed lines are not echoed" \
	sh -c '! grep -q "> Acme" "$1"' sh "$out_file"
check "pipe: no escape bytes in the output" \
	sh -c '! grep -q "$(printf "\033")" "$1"' sh "$out_file"
check "pipe: review is listed" contains "$out_file" "Review your answers"

# The Makefile's example: no -o gives a dated directory, then -2.
pipe_run 'Acme\n1\nn\nnone\n1\n1\nX\n' run -q "$q"
today=$(date +%Y-%m-%d)
check "pipe: default output directory is dated" \
	[ "$status" -eq 0 -a -f "cto-assessment-$today/report.md" ]
pipe_run 'Acme\n1\nn\nnone\n1\n1\nX\n' run -q "$q"
check "pipe: a second run gets a new directory" \
	[ "$status" -eq 0 -a -f "cto-assessment-$today-2/answers.json" ]

# An invalid line is an error naming the question, not a re-prompt.
pipe_run 'Acme\n7\n2\n' run -q "$q" -o bad
check "pipe: invalid line exits 3" [ "$status" -eq 3 ]
check "pipe: the error names the question" contains "$err_file" \
	"cto-assess: error: invalid answer to question 'stage' (What stage is the company at?): there is no choice 7; type a number from 1 to 3"
check "pipe: the error says how to resume" contains "$err_file" \
	"cto-assess run --resume bad/answers.json"
check "pipe: earlier answers are saved" contains bad/answers.json '"company_name":	"Acme"'

# The end of input before the last question: exit 3, session kept, resume.
pipe_run 'Acme\n2\n' run -q "$q" -o early
check "pipe: early end of input exits 3" [ "$status" -eq 3 ]
check "pipe: early end is explained" contains "$err_file" \
	"the input ended before every question was answered"
pipe_run 'y\n1\n3\n4\n1\nRisk\n' run --resume early/answers.json
check "pipe: resume from a pipe completes" [ "$status" -eq 0 ]
check "pipe: resumed answers intact" contains early/answers.json '"stage":	"seed"'
check "pipe: resumed answers complete" contains early/answers.json '"biggest_risk":	"Risk"'
check "pipe: resume wrote the reports beside the session" [ -f early/report.md ]

# Commands work from a pipe too: skip, note, back, dk.
pipe_run 'Acme\n3\nnote\nChecked by hand\nskip\nback\n\n1\n2\ndk\nNothing\n' \
	run -q "$q" -o cmds
check "pipe: commands accepted" [ "$status" -eq 0 ]
check "pipe: skip recorded" contains cmds/answers.json '"mfa":	{'
check "pipe: note recorded" contains cmds/answers.json '"mfa":	"Checked by hand"'
check "pipe: dk recorded" contains cmds/answers.json '"status":	"dont_know"'

# quit saves and says how to continue.
pipe_run 'Acme\nquit\n' run -q "$q" -o quit
check "pipe: quit exits 0" [ "$status" -eq 0 ]
check "pipe: quit names the resume command" contains "$err_file" \
	"cto-assess run --resume quit/answers.json"

# An existing report is not overwritten without --force.
pipe_run 'Acme\n' run -q "$q" -o out
check "pipe: an existing session is not replaced" [ "$status" -eq 1 ]
check "pipe: ... and the error says so" contains "$err_file" \
	"'out' already holds a session"
rm out/answers.json
pipe_run 'Acme\n' run -q "$q" -o out
check "pipe: existing reports are not replaced" [ "$status" -eq 1 ]
check "pipe: ... and the error names one" contains "$err_file" \
	"refusing to overwrite 'out/report.md' (use --force"
pipe_run 'Acme\n2\ny\n1,3\n4\n7\n2\nThe database\n' run -q "$q" -o out --force
check "pipe: --force replaces them" [ "$status" -eq 0 ]

# Answers and reports are private: created 0600 whatever the umask (as
# ssh and gpg keep private data), and a mode the user chose is kept.
mode() { stat -c %a "$1"; }
umask 077
pipe_run 'Acme\n2\ny\n1,3\n4\n7\n2\nThe database\n' run -q "$q" -o private077
umask 022
check "permissions: under umask 077 the session is 0600" \
	[ "$status" -eq 0 -a "$(mode private077/answers.json)" = 600 ]
check "permissions: under umask 077 a report is 0600" \
	[ "$(mode private077/report.md)" = 600 ]
pipe_run 'Acme\n2\nquit\n' run -q "$q" -o private022
check "permissions: under umask 022 the session is 0600 too" \
	[ "$(mode private022/answers.json)" = 600 ]
chmod 640 private022/answers.json
pipe_run 'y\nquit\n' run --resume private022/answers.json
check "permissions: an answer keeps the mode the user set" \
	[ "$status" -eq 0 -a "$(mode private022/answers.json)" = 640 ]
check "permissions: ... and the answer is saved" \
	contains private022/answers.json '"mfa":	"yes"'

# Temporary files left by a write killed half-way (kill -9) are ours when
# they have our name, our owner and are older than the process: the next
# write to the same file removes them, and nothing else.
pipe_run 'Acme\n2\nquit\n' run -q "$q" -o stale
for name in .answers.json.cto-assess.Ab12Cd .answers.json.cto-assess.Zz99Yy \
	.answers.json.tmpQwErTy .report.md.cto-assess.Ab12Cd \
	.answers.json.cto-assess.Fresh1; do
	echo '{"half": "a session"}' >"stale/$name"
	touch -d '1 hour ago' "stale/$name"
done
# Someone else's, and one written after the run starts (another writer).
if [ "$(id -u)" -eq 0 ]; then
	chown nobody stale/.answers.json.cto-assess.Zz99Yy
fi
touch -d 'tomorrow' stale/.answers.json.cto-assess.Fresh1
pipe_run 'y\nquit\n' run --resume stale/answers.json
check "stale temporary files: the resumed run saved the answer" \
	contains stale/answers.json '"mfa":	"yes"'
check "stale temporary files: ours, older than the run, removed" \
	[ ! -e stale/.answers.json.cto-assess.Ab12Cd ]
if [ "$(id -u)" -eq 0 ]; then
	check "stale temporary files: another user's kept" \
		[ -e stale/.answers.json.cto-assess.Zz99Yy ]
fi
check "stale temporary files: one newer than the run kept" \
	[ -e stale/.answers.json.cto-assess.Fresh1 ]
check "stale temporary files: other names kept" \
	[ -e stale/.answers.json.tmpQwErTy ]
check "stale temporary files: another target's kept" \
	[ -e stale/.report.md.cto-assess.Ab12Cd ]

# A session reached through a symbolic link is written through it: the
# link stays a link and its target gets the answers.
mkdir linked
pipe_run 'Acme\n2\nquit\n' run -q "$q" -o linked/real
ln -s real/answers.json linked/session.json
pipe_run 'y\nquit\n' run --resume linked/session.json
check "symlink: --resume exits 0" [ "$status" -eq 0 ]
check "symlink: the session is still a link" [ -L linked/session.json ]
check "symlink: the answer went to the link's target" \
	contains linked/real/answers.json '"mfa":	"yes"'
check "symlink: no temporary file left beside the link" \
	[ -z "$(find linked -maxdepth 1 -name '.*')" ]

# Two runs of one session at once: the second refuses, naming the first
# (which waits for its next answer on a FIFO), and the first goes on.
pipe_run 'Acme\n2\nquit\n' run -q "$q" -o locked
mkfifo locked.in
"$CTO_ASSESS" run --resume locked/answers.json <locked.in >locked.out \
	2>locked.err &
first=$!
exec 3>locked.in
i=0
while [ "$i" -lt 100 ] &&
	! grep -q "^$first " locked/answers.json.lock 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
pipe_run 'n\nquit\n' run --resume locked/answers.json
check "lock: a second run of the session exits 1" [ "$status" -eq 1 ]
check "lock: ... naming the process, its host and its start" \
	grep -Eqx "cto-assess: error: 'locked/answers.json' is in use by process $first on $(uname -n) since [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z" \
	"$err_file"
check "lock: ... and answers nothing" \
	sh -c '! grep -q "\"mfa\"" locked/answers.json'
echo y >&3
echo quit >&3
exec 3>&-
wait "$first"
first_status=$?
check "lock: the first run goes on and saves its answer" \
	[ "$first_status" -eq 0 -a -n "$(grep '"mfa":	"yes"' locked/answers.json)" ]
check "lock: the lock file goes when the run ends" \
	[ ! -e locked/answers.json.lock ]
# A lock file that no process holds: its holder was killed.
echo "999999 elsewhere 2020-01-01T00:00:00Z" >locked/answers.json.lock
pipe_run '1,3\nquit\n' run --resume locked/answers.json
check "lock: a stale lock is taken over" [ "$status" -eq 0 ]
check "lock: ... silently" sh -c '! grep -q "in use" "$1"' sh "$err_file"
check "lock: ... and the run answers" \
	contains locked/answers.json '"tools":	["ci", "iac"]'

# A line longer than 1 MiB (LINE_INPUT_MAX) is refused whole: its tail
# must never answer the next question.  One of exactly 1 MiB is read.
mib=1048576
{ head -c $((mib + 10)) /dev/zero | tr '\0' A; printf '\n2\ny\n'; } >long.in
"$CTO_ASSESS" run -q "$q" -o long <long.in >"$out_file" 2>"$err_file"
status=$?
check "long line: refused, exit 3" [ "$status" -eq 3 ]
check "long line: the error names the question and the limit" \
	grep -qx "cto-assess: error: invalid answer to question 'company_name' (What is the company called?): the line is longer than the limit of 1048576 bytes (1 MiB)" \
	"$err_file"
check "long line: nothing of it is an answer" \
	sh -c '! grep -Eq "\"company_name\"|\"stage\":[[:space:]]*\"" "$1"' \
	sh long/answers.json
{ head -c $mib /dev/zero | tr '\0' A
  printf '\n2\ny\n1,3\n4\n7\n2\nThe database\n'; } >max.in
"$CTO_ASSESS" run -q "$q" -o max <max.in >"$out_file" 2>"$err_file"
status=$?
check "long line: a line of exactly 1 MiB is an answer" \
	[ "$status" -eq 0 -a "$(grep -o 'AAAA*' max/answers.json | head -1 | wc -c)" -eq $((mib + 1)) ]

# The disk fills while the reports are written (report.json leads to
# /dev/full): run says how to write them again, and that command works
# once there is room, though report.md was written before the failure.
mkdir full
ln -s /dev/full full/report.json
pipe_run 'Acme\n2\ny\n1,3\n4\n7\n2\nThe database\n' run -q "$q" -o full --force
check "disk full: writing the reports fails, exit 1" [ "$status" -eq 1 ]
check "disk full: the error names the report" contains "$err_file" \
	"cto-assess: error: cannot write 'full/report.json': No space left on device"
# The program as it was started: by its path (newcomer.sh has the rest).
check "disk full: the command that writes the reports again" \
	grep -qxF "  $CTO_ASSESS report full/answers.json -o full -f md,json,html,csv --force" \
	"$err_file"
rm full/report.json
again=$(sed -n 's|^  .* report full/|report full/|p' "$err_file")
# shellcheck disable=SC2086 # the words of the printed command
run "$CTO_ASSESS" $again
check "disk full: ... and it works once there is room" \
	[ "$status" -eq 0 -a -s full/report.json -a -s full/action-plan.csv ]
check "disk full: ... writing the formats of the run" \
	[ ! -e full/summary.txt ]

done_testing
