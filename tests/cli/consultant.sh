#!/bin/sh
# consultant.sh - the consultant's profile: `consultant init` and `check`,
# the profile found where `init` puts it, its name, firm and
# confidentiality line in the md, html, json and text reports, the logo
# embedded as an <img> data: URI (checked by its content, never inline),
# the paper size and accent of the printed page, and the exact
# diagnostics of a broken profile.
. "$(dirname "$0")/lib.sh"

profiles="$tests_dir/consultant"
basic="$tests_dir/report/basic"
export SOURCE_DATE_EPOCH=1764320000
XDG_CONFIG_HOME="$tmp/config"
export XDG_CONFIG_HOME
default="$tmp/config/cto-assess/consultant.yaml"

# ---- init and check ---------------------------------------------------------
run "$CTO_ASSESS" consultant init
check "init exits 0" [ "$status" -eq 0 ]
check "init writes the default profile, making its directories" [ -s "$default" ]
check "init says where" contains "$out_file" "wrote $default"
check "the profile is private" [ "$(stat -c %a "$default")" = 600 ]
run "$CTO_ASSESS" consultant init
check "init refuses to overwrite" [ "$status" -eq 1 ]
check "... and says how" contains "$err_file" \
	"refusing to overwrite '$default' (use --force)"
echo "# edited" >>"$default"
run "$CTO_ASSESS" consultant init --force
check "init --force overwrites" [ "$status" -eq 0 ] && lacks "$default" "# edited"
run "$CTO_ASSESS" consultant check
check "the template checks" [ "$status" -eq 0 ]
check "... with a warning that the name is the template's" contains "$err_file" \
	"consultant.yaml:9:7: warning: 'name' is still the template's 'Your Name': reports would say \"Prepared by Your Name\""
check "... and what reports will show" contains "$out_file" \
	"$default: ok (Your Name; paper a4)"
run env -u XDG_CONFIG_HOME HOME="$tmp/home" "$CTO_ASSESS" consultant init
check "without XDG_CONFIG_HOME, init writes under HOME/.config" \
	[ -s "$tmp/home/.config/cto-assess/consultant.yaml" ]
run "$CTO_ASSESS" consultant check "$profiles/consultant.yaml"
check "check FILE describes it" contains "$out_file" \
	"consultant.yaml: ok (Jane Doe, Doe Advisory; logo SVG, 0.5 KiB; paper letter; accent #0a7f6f)"

# A new consultant edits the template: name and firm, nothing else.
sed -e 's/^name: Your Name$/name: Jane Doe/' \
	-e 's/^#firm: Your Firm Ltd$/firm: Doe Advisory/' "$default" >"$tmp/p"
cp "$tmp/p" "$default"

# ---- every format says who prepared it, for whom, how confidential --------
report() {
	format=$1
	shift
	run "$CTO_ASSESS" report "$basic/answers.json" \
		-q "$basic/questionnaire.yaml" --format "$format" -o - \
		--color=never "$@"
	cp "$out_file" "$tmp/out"
}
prepared="Prepared for Acme <script>alert(1)</script> | Ltd by Jane Doe, Doe Advisory"
confidential="Confidential. Prepared for the named client only."

report md
check "md: prepared for the company by the consultant" contains "$tmp/out" \
	"Prepared for Acme \\<script\\>alert(1)\\</script\\> \\| Ltd by Jane Doe, Doe Advisory"
check "md: the confidentiality line" contains "$tmp/out" "**$confidential**"
report text
check "text: prepared for ... by ..." contains "$tmp/out" "  $prepared"
check "text: the confidentiality line" contains "$tmp/out" "  $confidential"
report html
check "html: prepared for ... by ..." contains "$tmp/out" \
	'<p class="prepared">Prepared for Acme &lt;script&gt;alert(1)&lt;/script&gt; | Ltd by Jane Doe, Doe Advisory</p>'
check "html: the confidentiality line" contains "$tmp/out" \
	"<p class=\"confidential\">$confidential</p>"
check "html: A4 by default" contains "$tmp/out" "@page{size:A4;"
check "html: the running header escapes the company for CSS" contains "$tmp/out" \
	'@top-left{content:"Acme \3c script\3e alert\28 1\29 \3c \2f script\3e  \7c  Ltd"}'
report json
python3 - "$tmp/out" >"$tmp/actual" <<'PY'
import json, sys
print(json.load(open(sys.argv[1]))["prepared_by"])
PY
cat >"$tmp/expected" <<'TXT'
{'name': 'Jane Doe', 'firm': 'Doe Advisory', 'email': None, 'web': None, 'prepared_for': 'Acme <script>alert(1)</script> | Ltd', 'confidentiality': 'Confidential. Prepared for the named client only.'}
TXT
check_output "json: prepared_by" "$tmp/expected" "$tmp/actual"
python3 - "$root_dir/reports/report.schema.json" "$tmp/out" >"$tmp/schema.out" \
	2>&1 <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
for e in cls(schema).iter_errors(json.load(open(sys.argv[2]))):
    print("/".join(str(p) for p in e.absolute_path), e.message)
PY
check "json with prepared_by is valid against the schema" [ ! -s "$tmp/schema.out" ]
report md --no-consultant
check "--no-consultant: no profile" lacks "$tmp/out" "Jane Doe"

# ---- the logo, the paper and the accent ------------------------------------
run "$CTO_ASSESS" report "$basic/answers.json" -q "$basic/questionnaire.yaml" \
	--consultant "$profiles/consultant.yaml" --format html -o "$tmp/r.html"
check "--consultant FILE: written" [ "$status" -eq 0 ]
check "the logo is an <img> data: URI" contains "$tmp/r.html" \
	'<img class="logo" src="data:image/svg+xml;base64,'
python3 - "$tmp/r.html" "$profiles/logo.svg" <<'PY'
import base64, re, sys
html = open(sys.argv[1]).read()
uri = re.search(r'<img class="logo" src="data:image/svg\+xml;base64,([^"]*)"', html)
assert base64.b64decode(uri.group(1)) == open(sys.argv[2], "rb").read()
PY
check "... holding the logo's bytes" [ "$?" -eq 0 ]
check "the logo's SVG is not inline (its script cannot run)" \
	lacks "$tmp/r.html" 'alert("logo")'
run python3 "$tests_dir/html/check-self-contained.py" "$tmp/r.html"
check "a report with a logo references nothing outside itself" [ "$status" -eq 0 ]
check "letter paper" contains "$tmp/r.html" "@page{size:letter;"
check "the accent, lowercased" contains "$tmp/r.html" ":root{--accent:#0a7f6f}"
check "the confidentiality line in the running header" contains "$tmp/r.html" \
	'@top-right{content:"Confidential\2e  Prepared for the client\27 s board only\2e "}'
check "page numbers in the footer" contains "$tmp/r.html" \
	'@bottom-right{content:"Page " counter(page) " of " counter(pages)}'

# A PNG is checked and embedded too.
python3 - "$tmp/logo.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + \
    chunk(b"IDAT", zlib.compress(b"\x00\x0a\x7f\x6f")) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
printf 'name: Jane Doe\nlogo: logo.png\n' >"$tmp/png.yaml"
run "$CTO_ASSESS" report "$basic/answers.json" -q "$basic/questionnaire.yaml" \
	--consultant "$tmp/png.yaml" --format html -o -
check "a PNG logo, relative to its profile" contains "$out_file" \
	'<img class="logo" src="data:image/png;base64,iVBORw0KGgo'

# A logo is what its bytes say, whatever its name.
cp "$profiles/logo.svg" "$tmp/fake.png"
head -c 300000 /dev/zero >"$tmp/big.svg"
printf 'GIF89a' >"$tmp/real.gif"
cp "$tmp/real.gif" "$tmp/gif.svg"
for logo in fake.png big.svg gif.svg missing.png; do
	printf 'name: Jane Doe\nlogo: %s\n' "$logo" >"$tmp/$logo.yaml"
	run "$CTO_ASSESS" consultant check "$tmp/$logo.yaml"
	cp "$err_file" "$tmp/$logo.err"
done
check "an SVG named .png is refused" contains "$tmp/fake.png.err" \
	"fake.png.yaml:2:7: error: logo 'fake.png' is not a PNG image (its content is SVG)"
check "a logo over 256 KiB is refused" contains "$tmp/big.svg.err" \
	"big.svg.yaml:2:7: error: logo: '$tmp/big.svg' is too large (more than 256 KiB)"
check "a GIF named .svg is refused" contains "$tmp/gif.svg.err" \
	"gif.svg.yaml:2:7: error: logo 'gif.svg' is not an SVG image (its content is not an image cto-assess knows)"
check "a missing logo is an error" contains "$tmp/missing.png.err" \
	"missing.png.yaml:2:7: error: logo: cannot open '$tmp/missing.png'"

# ---- a broken profile --------------------------------------------------------
cd "$profiles" || exit 1
run "$CTO_ASSESS" consultant check bad.yaml
check "check of a broken profile exits 3" [ "$status" -eq 3 ]
check_output "a broken profile: every mistake, at its place" bad.stderr "$err_file"
cp bad.yaml "$default"
run "$CTO_ASSESS" report "$basic/answers.json" -q "$basic/questionnaire.yaml" \
	--format md -o "$tmp/broken.md"
check "a broken default profile stops the report" [ "$status" -eq 3 ] &&
	[ ! -e "$tmp/broken.md" ]
check "... saying how to go on without it" contains "$err_file" \
	"error: invalid consultant profile '$default'; nothing was written (fix it, or leave it out with --no-consultant)"
run "$CTO_ASSESS" report "$basic/answers.json" -q "$basic/questionnaire.yaml" \
	--no-consultant --format md -o "$tmp/broken.md"
check "--no-consultant goes on without it" [ "$status" -eq 0 ]
run "$CTO_ASSESS" run -q "$basic/questionnaire.yaml" --batch \
	--answers "$basic/answers.json" -o "$tmp/run"
check "run checks the profile before anything is written" \
	[ "$status" -eq 3 ] && [ ! -e "$tmp/run/answers.json" ]

# run with a good profile: every report it writes carries it.
run "$CTO_ASSESS" run -q "$basic/questionnaire.yaml" --batch \
	--answers "$basic/answers.json" -o "$tmp/run" \
	--consultant "$profiles/consultant.yaml"
check "run --consultant writes the reports" [ "$status" -eq 0 ]
check "... prepared by the consultant" contains "$tmp/run/report.md" \
	"by Jane Doe, Doe Advisory"

done_testing
