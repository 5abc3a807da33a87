#!/bin/sh
# report_html_browser.sh - the HTML report rendered by a real browser
# (headless Chromium, Debian's chromium package) to a screenshot, on a
# desktop and on a phone-sized window; and a check that the page references
# nothing outside itself (tests/html/check-self-contained.py), which must
# also catch a page that does.
. "$(dirname "$0")/lib.sh"

chromium=${CHROMIUM:-/usr/bin/chromium}
basic="$tests_dir/report/basic"

run "$CTO_ASSESS" report "$basic/answers.json" -q "$basic/questionnaire.yaml" \
	--format html -o "$tmp/report.html"
check "html report written" [ "$status" -eq 0 ] && [ -s "$tmp/report.html" ]

run python3 "$tests_dir/html/check-self-contained.py" "$tmp/report.html"
check "html references nothing outside itself" [ "$status" -eq 0 ]
check "... and the checker says nothing" [ ! -s "$out_file" ]
sed 's|</main>|<img src="https://example.com/x.png"><script>1</script></main>|' \
	"$tmp/report.html" >"$tmp/leaky.html"
run python3 "$tests_dir/html/check-self-contained.py" "$tmp/leaky.html"
check "the checker catches an external image and a script" \
	[ "$status" -eq 1 ] && [ "$(wc -l <"$out_file")" -eq 2 ]
check "html has a viewport for phones" contains "$tmp/report.html" \
	'<meta name="viewport" content="width=device-width, initial-scale=1">'
check "html has print styles" contains "$tmp/report.html" "@media print"
check "html has the area chart" contains "$tmp/report.html" '<svg class="chart"'
check "html chart marks the targets" [ "$(grep -c '<line x1=' "$tmp/report.html")" -eq 2 ]

# screenshot NAME WIDTH HEIGHT: renders the report to $tmp/NAME.png.
screenshot() {
	profile=$(mktemp -d)
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --hide-scrollbars \
		--screenshot="$tmp/$1.png" --window-size="$2,$3" \
		"file://$tmp/report.html" >"$tmp/$1.log" 2>&1
	rm -rf "$profile"
}

# png_ok FILE WIDTH HEIGHT: a PNG of that size with more than a few colours.
png_ok() {
	python3 - "$@" <<'PY'
import struct, sys, zlib
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (width, height), "size %dx%d" % (w, h)
# Decompress the image data and count distinct bytes: a blank page has few.
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
assert len(set(raw)) > 40, "only %d distinct bytes: a blank page?" % len(set(raw))
PY
}

if [ ! -x "$chromium" ]; then
	check "chromium is installed (scripts/install-deps test)" false
else
	screenshot desktop 1100 1600
	check "chromium renders the report (desktop)" [ -s "$tmp/desktop.png" ]
	check "the desktop screenshot is a real page" png_ok "$tmp/desktop.png" 1100 1600
	screenshot phone 390 844
	check "chromium renders the report (phone)" [ -s "$tmp/phone.png" ]
	check "the phone screenshot is a real page" png_ok "$tmp/phone.png" 390 844
	if [ -n "${KEEP_SCREENSHOTS:-}" ]; then
		cp "$tmp/desktop.png" "$tmp/phone.png" "$KEEP_SCREENSHOTS"/
	fi
fi

done_testing
