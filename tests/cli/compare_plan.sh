#!/bin/sh
# compare_plan.sh - the action plan CSV as the client tracked it, read back
# by `compare --plan`: the empty owner, due date and status columns of
# `report -f csv`, and what became of each action a quarter later.
#
# OLD is tests/report/basic/answers.json (its plan: backups, mfa, scans,
# ci, deploys, reviews), NEW answers-later.json, where mfa, scans and
# deploys are resolved and backups, ci and reviews still open
# (compare_basic.sh).  tests/report/compare/basic-plan-tracked.csv is OLD's
# plan with the client's columns filled in, and a row they added:
#   backups  Done         still open  -> marked done, but still open
#   mfa      done         resolved    -> done, and resolved
#   scans    (empty)      resolved    -> resolved, not marked done
#   ci       in progress  open        -> still open
#   deploys  Completed    resolved    -> done, and resolved
#   reviews  x            open        -> marked done, but still open
#   hire_cto in progress  (no such action in OLD) -> not in the old plan
# so 4 of 7 marked done: 2 resolved and 2 still open; 1 more resolved
# unmarked.  basic-plan-semicolons.csv is the same as a spreadsheet in a
# European locale saves it: a byte order mark, ';', LF, its own column
# order and names, and no finding_ids (each row's findings are then those
# of its action in OLD).
. "$(dirname "$0")/lib.sh"

basic="$tests_dir/report/basic"
plans="$tests_dir/report/compare"
q="$basic/questionnaire.yaml"
export SOURCE_DATE_EPOCH=1764320000

compare() {
	run "$CTO_ASSESS" compare "$basic/answers.json" \
		"$basic/answers-later.json" -q "$q" --color=never "$@"
}

# ---- the columns the client fills in -----------------------------------------
run "$CTO_ASSESS" report "$basic/answers.json" -q "$q" -f csv -o "$tmp/plan.csv"
python3 - "$tmp/plan.csv" >"$tmp/actual" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print(list(rows[0])[-3:])
print(sorted({r["owner"] + r["due_date"] + r["status"] for r in rows}))
PY
printf "%s\n" "['owner', 'due_date', 'status']" "['']" >"$tmp/expected"
check_output "the CSV ends with owner, due_date and status, empty" \
	"$tmp/expected" "$tmp/actual"

# ---- the verdicts, by hand ---------------------------------------------------
verdicts() {
	python3 - "$1" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["plan_tracking"]
print(t["counts"])
for r in t["rows"]:
    print(r["action_id"], r["matched"], r["marked_done"], r["verdict"],
          " ".join(f["id"] + "=" + f["outcome"] for f in r["findings"]))
PY
}
cat >"$tmp/expected" <<'TXT'
{'done': 2, 'marked_done_still_open': 2, 'resolved_not_marked': 1, 'open': 1, 'unknown': 1}
backups True True marked_done_still_open backups=open
mfa True True done mfa=resolved
scans True False resolved_not_marked scans=resolved
ci True False open ci=open
deploys True True done deploys=resolved
reviews True True marked_done_still_open reviews=open
hire_cto False False unknown 
TXT
compare --plan "$plans/basic-plan-tracked.csv" -f json -o "$tmp/cmp.json"
check "compare --plan exits 0" [ "$status" -eq 0 ]
verdicts "$tmp/cmp.json" >"$tmp/actual"
check_output "json: each tracked action beside the new assessment" \
	"$tmp/expected" "$tmp/actual"
compare --plan "$plans/basic-plan-semicolons.csv" -f json -o "$tmp/cmp2.json"
verdicts "$tmp/cmp2.json" >"$tmp/actual"
check_output "a spreadsheet's ';', BOM and own column order read the same" \
	"$tmp/expected" "$tmp/actual"

compare --plan "$plans/basic-plan-tracked.csv" -f md
cat >"$tmp/expected" <<'MD'
## The plan as the client tracked it

7 actions tracked in PLAN: 4 marked done, of which 2 are resolved in this assessment and 2 still open; 1 more resolved without being marked done.

| Action | Owner | Due | Status | Now |
|---|---|---|---|---|
| Are backups restored in a test at least once a quarter? | Ana | 2026-12-15 | Done | marked done, but still open: backups |
| Do admin accounts use two-step login? | Ana | 2026-12-01 | done | done, and resolved |
| Which automatic security checks run on the code? |  |  |  | resolved, not marked done |
| Does every change run automated tests before it is merged? | Bo | 2027-01-31 | in progress | still open |
| How many times a week do you deploy? | Bo |  | Completed | done, and resolved |
| How thorough are code reviews? |  |  | x | marked done, but still open: reviews |
| Hire a CTO | CEO |  | in progress | not in the old plan |

MD
sed -n '/^## The plan as the client tracked it/,$p' "$out_file" |
	sed "s|$plans/basic-plan-tracked.csv|PLAN|" >"$tmp/actual"
check_output "md: the tracked plan, as the progress report's last section" \
	"$tmp/expected" "$tmp/actual"

compare --plan "$plans/basic-plan-tracked.csv"
check "text: the section" contains "$out_file" "The plan as the client tracked it"
check "text: an action marked done that is still open" contains "$out_file" \
	"    marked done, but still open: backups (Done, Ana)"
compare
check "without --plan, no such section" lacks "$out_file" "tracked"
compare -f json
check "without --plan, no plan_tracking in the JSON" lacks "$out_file" "plan_tracking"

# The plan as written, before anyone filled it in: nothing marked done.
compare --plan "$tmp/plan.csv" -f md
check "an untouched plan: nothing marked done" contains "$out_file" \
	"6 actions tracked in $tmp/plan.csv: 0 marked done; 3 more resolved without being marked done."

# ---- a plan that cannot be read -----------------------------------------------
printf 'action_id,status\nmfa,"done\n' >"$tmp/open-quote.csv"
compare --plan "$tmp/open-quote.csv"
check "an unclosed quote: exit 3" [ "$status" -eq 3 ]
check "... at its place" contains "$err_file" \
	"open-quote.csv:2:5: error: a quoted field is not closed"
printf 'action_id,owner\nmfa,Ana\n' >"$tmp/no-status.csv"
compare --plan "$tmp/no-status.csv"
check "a plan without a status column: exit 3" [ "$status" -eq 3 ]
check "... says which column" contains "$err_file" \
	"no-status.csv:1:1: error: no 'status' column (an action plan from 'cto-assess report -f csv' has it)"
check "... and prints no comparison" [ ! -s "$out_file" ]
compare --plan "$tmp/missing.csv"
check "a missing plan: exit 3" [ "$status" -eq 3 ] &&
	contains "$err_file" "missing.csv: error: cannot open"

done_testing
