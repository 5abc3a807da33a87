#!/bin/sh
# regen.sh - write the example reports of reports/ from the example answer
# sets in tests/examples/ and the default questionnaire.
#
#   tests/examples/regen.sh [OUTDIR [CTO_ASSESS]]
#
# OUTDIR defaults to reports/ (the committed examples); CTO_ASSESS to the
# ./cto-assess of the checkout.  tests/cli/report_examples.sh runs this into
# a temporary directory and fails when reports/ differs: the examples are
# stale.  The dates are fixed (SOURCE_DATE_EPOCH) so the output only changes
# when the answers, the questionnaire or cto-assess change.  With
# SCREENSHOT=1 it also renders reports/screenshot.png with headless Chromium.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/reports}
mkdir -p "$out"
out=$(cd "$out" && pwd) # absolute: Chromium takes a file:// URL
bin=${2:-$root/cto-assess}
questionnaire="$root/questionnaires/cto-readiness.yaml"

# 2026-11-28T12:00:00Z: when these examples were last written.
export SOURCE_DATE_EPOCH=1795867200 LC_ALL=C.UTF-8
unset NO_COLOR
# Never the consultant profile of whoever regenerates them.
XDG_CONFIG_HOME=/nonexistent
export XDG_CONFIG_HOME

for answers in "$here"/*.json; do
	name=$(basename "$answers" .json)
	mkdir -p "$out/$name"
	"$bin" report "$answers" -q "$questionnaire" -o "$out/$name" \
		--format all --force >/dev/null
done

# The branded example: Ledgerline's report as a fractional CTO sends it,
# with her profile and logo, and her review (tests/examples/branded/).
branded="$out/series-a-b2b-saas-branded"
mkdir -p "$branded"
"$bin" report "$here/series-a-b2b-saas.json" -q "$questionnaire" \
	-o "$branded" --format all --force \
	--consultant "$here/branded/consultant.yaml" \
	--review "$here/branded/review.yaml" >/dev/null

if [ "${SCREENSHOT:-0}" = 1 ]; then
	profile=$(mktemp -d)
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars \
		--user-data-dir="$profile" --window-size=1100,2200 \
		--screenshot="$out/screenshot.png" \
		"file://$out/series-a-b2b-saas/report.html" 2>/dev/null
	rm -rf "$profile"
	profile=$(mktemp -d)
	/usr/bin/chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --no-pdf-header-footer \
		--print-to-pdf="$profile/report.pdf" \
		"file://$branded/report.html" 2>/dev/null
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$profile/report.pdf" \
		"$branded/first-page"
	rm -rf "$profile"
fi
