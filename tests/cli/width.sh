#!/bin/sh
# width.sh - every text output fits the terminal: the summary (report -f
# text), compare, and list, rendered at 60, 80 and 120 columns ($COLUMNS,
# as when the output is not a terminal).  Each line must fit in the width,
# counted by a checker of its own (Python's unicodedata: East Asian wide and
# full-width characters take two columns, combining marks none), and no word
# may be broken or lost: the words of each rendering are those of the same
# output at 1000 columns (the bars aside, whose length is the width's).
# tests/width/ holds a questionnaire and answers with CJK, accents and long
# titles; the interview's screens are checked in tests/pty/run_screens.py.
. "$(dirname "$0")/lib.sh"

# The shipped questionnaires, wherever the program under test was built.
CTO_ASSESS_QUESTIONNAIRES="$root_dir/questionnaires"
export CTO_ASSESS_QUESTIONNAIRES
w="$tests_dir/width"
ex="$tests_dir/examples"
basic="$tests_dir/report/basic"

cat >"$tmp/check.py" <<'PY'
import collections, re, sys, unicodedata

def width(line):
    line = re.sub("\x1b\\[[0-9;]*m", "", line)
    n = 0
    for c in line:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if is_wide(c) else 1
    return n

def is_wide(c):
    return unicodedata.east_asian_width(c) in ("W", "F")

# Words, the bars and colours aside; a line may break between any two
# East Asian wide characters (those scripts have no spaces), so each of
# them counts as a word of its own.
def words(text):
    out = collections.Counter()
    text = re.sub("\x1b\\[[0-9;]*m", "", text)
    text = "".join(" %s " % c if is_wide(c) else c for c in text)
    for token in text.split():
        token = re.sub("[\u2588\u2591\u2502]", "", token)
        if token:
            out[token] += 1
    return out

limit = int(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
wide = open(sys.argv[3], encoding="utf-8").read()
bad = [(i + 1, width(l), l) for i, l in enumerate(text.split("\n"))
       if width(l) > limit]
for n, w, l in bad[:5]:
    print("line %d is %d columns: %s" % (n, w, l))
lost, added = words(wide) - words(text), words(text) - words(wide)
if lost or added:
    print("words lost: %s" % dict(lost))
    print("words added (broken?): %s" % dict(added))
sys.exit(1 if bad or lost or added else 0)
PY

# fits NAME COMMAND...: runs COMMAND at 1000, 60, 80 and 120 columns; each
# rendering fits its width and has the words of the widest.
fits() {
	_name=$1
	shift
	COLUMNS=1000 "$@" >"$tmp/wide.txt" 2>"$err_file"
	for cols in 60 80 120; do
		COLUMNS=$cols "$@" >"$tmp/out.txt" 2>"$err_file"
		status=$?
		python3 "$tmp/check.py" "$cols" "$tmp/out.txt" "$tmp/wide.txt" \
			>"$tmp/why" 2>&1
		check "$_name fits $cols columns, every word whole" \
			sh -c "[ $status -eq 0 ] && [ -s '$tmp/out.txt' ] || exit 1; cat '$tmp/why' >&2; [ ! -s '$tmp/why' ]"
		[ -s "$tmp/why" ] && sed 's/^/#   /' "$tmp/why"
	done
}

for f in "$ex"/*.json; do
	fits "summary of $(basename "$f" .json)" \
		"$CTO_ASSESS" report "$f" -f text --color=never
done
fits "summary with wide characters" "$CTO_ASSESS" report \
	"$w/answers-old.json" -q "$w/wide.yaml" -f text --color=never
fits "summary in colour" "$CTO_ASSESS" report \
	"$ex/series-a-b2b-saas.json" -f text --color=always

fits "compare" "$CTO_ASSESS" compare "$basic/answers.json" \
	"$basic/answers-later.json" -q "$basic/questionnaire.yaml"
fits "compare of three, with a trend" "$CTO_ASSESS" compare \
	"$basic/answers-incomplete.json" "$basic/answers.json" \
	"$basic/answers-later.json" -q "$basic/questionnaire.yaml"
fits "compare with wide characters" "$CTO_ASSESS" compare \
	"$w/answers-old.json" "$w/answers-new.json" -q "$w/wide.yaml"

fits "list of the default questionnaire" "$CTO_ASSESS" list
fits "list with wide characters" "$CTO_ASSESS" list -q "$w/wide.yaml"
fits "list of one company's questions" "$CTO_ASSESS" list \
	--answers "$ex/idea-solo-agency.json"

done_testing
