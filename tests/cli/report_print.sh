#!/bin/sh
# report_print.sh - the HTML report printed to PDF by headless Chromium (one
# start per PDF) and read back with pdftotext (poppler-utils) by
# tests/html/check-print.py: the paper of the consultant's profile, a
# cover with the headline and no page number, "Page N of M" and the
# running header on every other page, no heading at the bottom of a page,
# the scorecard and every finding whole, the appendices from a new page.
# Three example companies: Letter with a review, A4 with a profile, A4
# without one; and the checker's own self-test on a page that prints badly
# on purpose (tests/html/print-bad.html), so that it is known to be able
# to fail.
. "$(dirname "$0")/lib.sh"

chromium=${CHROMIUM:-/usr/bin/chromium}
examples="$tests_dir/examples"
checker="$tests_dir/html/check-print.py"
export SOURCE_DATE_EPOCH=1795867200

if [ ! -x "$chromium" ] || ! command -v pdftotext >/dev/null; then
	check "chromium and pdftotext are installed (scripts/install-deps test)" false
	done_testing
	exit
fi

# print_pdf HTML PDF: one Chromium start, its own profile, no network.
print_pdf() {
	profile=$(mktemp -d)
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --print-to-pdf="$2" \
		--no-pdf-header-footer "file://$1" >"$2.log" 2>&1
	rm -rf "$profile"
}

# pages_between MIN MAX: the page count the checker printed.
pages_between() {
	n=$(sed -n 's/^pages: \([0-9]*\),.*/\1/p' "$out_file")
	[ -n "$n" ] && [ "$n" -ge "$1" ] && [ "$n" -le "$2" ]
}

# ---- Ledgerline (Series A), on Letter, reviewed ----------------------------
mkdir "$tmp/ledgerline"
cp "$examples/series-a-b2b-saas.json" "$tmp/ledgerline/answers.json"
cat >"$tmp/ledgerline/review.yaml" <<'YAML'
summary: |
  Ledgerline is in good shape for a Series A company; **backups** and
  access come first, then what enterprise customers will ask for.
findings:
  sec_backups: {risk: critical, reason: No restore in two years.}
  inn_retire_tech: {drop: true, reason: Fixed during the assessment.}
  hire_plan: {horizon: now, comment: Before the round., reason: Board ask.}
YAML
run "$CTO_ASSESS" report "$tmp/ledgerline/answers.json" \
	-q "$root_dir/questionnaires/cto-readiness.yaml" \
	--consultant "$tests_dir/consultant/consultant.yaml" \
	--format html -o "$tmp/ledgerline.html"
check "ledgerline: html written" [ "$status" -eq 0 ]
print_pdf "$tmp/ledgerline.html" "$tmp/ledgerline.pdf"
check "ledgerline: chromium prints it" [ -s "$tmp/ledgerline.pdf" ]
run python3 "$checker" --paper letter --company Ledgerline \
	--confidential "Confidential. Prepared for the client's board only." \
	--cover "Prepared for Ledgerline by Jane Doe, Doe Advisory" \
	--cover "Overall 65.0 / 100, Emerging (capped from Established while a critical risk is open)" \
	--cover "Confidential. Prepared for the client's board only." \
	"$tmp/ledgerline.pdf" "$tmp/ledgerline.html"
check "ledgerline: prints as a document (check-print.py)" [ "$status" -eq 0 ]
sed 's/^/# /' "$out_file"
check "ledgerline: 15 to 26 Letter pages" pages_between 15 26
check "ledgerline: every finding was looked for" \
	grep -q 'areas: 9, findings whole: \([0-9]*\) of \1$' "$out_file"
check "ledgerline: the dropped findings are an appendix" \
	contains "$tmp/ledgerline.html" "<h2>Appendix: Dropped findings</h2>"

# ---- Tallybird (seed, payments), on A4 --------------------------------------
printf '%s\n' "name: Sam Ortiz" "firm: Ortiz Fractional" \
	"confidentiality: Commercial in confidence" >"$tmp/a4.yaml"
run "$CTO_ASSESS" report "$examples/seed-fintech-cards.json" \
	-q "$root_dir/questionnaires/cto-readiness.yaml" \
	--consultant "$tmp/a4.yaml" --format html -o "$tmp/tallybird.html"
check "tallybird: html written" [ "$status" -eq 0 ]
print_pdf "$tmp/tallybird.html" "$tmp/tallybird.pdf"
run python3 "$checker" --paper a4 --company Tallybird \
	--confidential "Commercial in confidence" \
	--cover "Prepared for Tallybird by Sam Ortiz, Ortiz Fractional" \
	"$tmp/tallybird.pdf" "$tmp/tallybird.html"
check "tallybird: prints as a document on A4 (check-print.py)" \
	[ "$status" -eq 0 ]
sed 's/^/# /' "$out_file"
check "tallybird: 12 to 26 A4 pages" pages_between 12 26

# ---- Fernhill (idea stage), without a profile --------------------------------
# Its executive summary says "in the action plan": the checker must look for
# the findings after the plan's heading, not after those words.
run "$CTO_ASSESS" report "$examples/idea-solo-agency.json" \
	-q "$root_dir/questionnaires/cto-readiness.yaml" --no-consultant \
	--format html -o "$tmp/fernhill.html"
print_pdf "$tmp/fernhill.html" "$tmp/fernhill.pdf"
run python3 "$checker" --paper a4 --company Fernhill \
	"$tmp/fernhill.pdf" "$tmp/fernhill.html"
check "fernhill: prints as a document on A4 without a profile" \
	[ "$status" -eq 0 ]
sed 's/^/# /' "$out_file"
check "fernhill: the summary's words lead no finding astray" \
	contains "$tmp/fernhill.html" "in the action plan"

# ---- the checker fails a page that prints badly ------------------------------
print_pdf "$tests_dir/html/print-bad.html" "$tmp/bad.pdf"
run python3 "$checker" --company Acme --cover "Prepared for" \
	"$tmp/bad.pdf" "$tests_dir/html/print-bad.html"
check "the checker fails a badly printed page" [ "$status" -eq 1 ]
cat >"$tmp/expected" <<'TXT'
pages: 4, headings: 6, areas: 4, findings whole: 0 of 1
page 2 has no 'Page 2 of 4' in its footer
page 2 has no 'Acme' in its header
page 3 has no 'Page 3 of 4' in its footer
page 3 has no 'Acme' in its header
page 4 has no 'Page 4 of 4' in its footer
page 4 has no 'Acme' in its header
the cover does not say 'Prepared for'
the appendix 'Appendix: Method' does not start a page
page 1 ends with the heading 'Stranded heading'
the scorecard is split: 'Development process' is not on page 2
finding '1. A finding that splits' is split over pages 3 and 4
TXT
check_output "... and says why, for each problem" "$tmp/expected" "$out_file"

done_testing
