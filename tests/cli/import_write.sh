#!/bin/sh
# import_write.sh - how `cto-assess import` writes its directory (whole or
# not at all, never over a file without --force) and its usage errors.
. "$(dirname "$0")/lib.sh"

mini="$tests_dir/import/samm-mini"
cd "$tmp" || exit 1
# Files get 0666 and directories 0777 less the umask: 0644 and 0755 here.
umask 022

# differs A B: files A and B are not the same.
differs() {
	! cmp -s "$1" "$2"
}

# A new directory appears whole: built beside it, then renamed.
run "$CTO_ASSESS" import samm "$mini" -o out
check "a new directory is written" [ "$status" -eq 0 ]
check "no temporary directory is left" [ "$(ls -a | grep -c tmp)" -eq 0 ]
check "out holds the root and areas/" \
	[ "$(cd out && find . -type f | sort | tr '\n' ' ')" = \
	  "./areas/d-ta.yaml ./areas/g-sm.yaml ./owasp-samm.yaml " ]

# Never over a file without --force: refused before anything is written.
echo "my edit" >>out/areas/g-sm.yaml
cp out/areas/g-sm.yaml edited.yaml
rm out/areas/d-ta.yaml
run "$CTO_ASSESS" import samm "$mini" -o out
check "an existing file is refused with status 1" [ "$status" -eq 1 ]
check "the refusal names it" contains "$err_file" \
	"cto-assess: error: refusing to overwrite 'out/owasp-samm.yaml' (use --force)"
check "nothing was written, not even the missing file" \
	[ ! -e out/areas/d-ta.yaml ]
check "the edited file is untouched" cmp -s out/areas/g-sm.yaml edited.yaml

echo "answers: {}" >out/my-notes.yaml
run "$CTO_ASSESS" import samm "$mini" -o out --force
check "--force replaces the files" [ "$status" -eq 0 ]
check "the edit is gone" differs out/areas/g-sm.yaml edited.yaml
check "the missing file is back" [ -f out/areas/d-ta.yaml ]
check "other files in the directory are kept" [ -f out/my-notes.yaml ]
check "replaced files are 0644" [ "$(stat -c %a out/areas/g-sm.yaml)" = 644 ]

# Into an existing, empty directory (made by the consultant).
mkdir empty-dir
run "$CTO_ASSESS" import samm "$mini" -o empty-dir/
check "an existing empty directory is filled" [ "$status" -eq 0 ] && \
	[ -f empty-dir/owasp-samm.yaml ]

: >a-file
run "$CTO_ASSESS" import samm "$mini" -o a-file
check "a file in the way is an error" [ "$status" -eq 1 ]
check "and says so" contains "$err_file" \
	"cto-assess: error: 'a-file' exists and is not a directory"

# Without -o, the directory is the questionnaire's id.
run "$CTO_ASSESS" import samm "$mini"
check "the default directory is the id" [ -f owasp-samm/owasp-samm.yaml ]

# --source-version and --licence go into the header and the version.
run "$CTO_ASSESS" import samm "$mini" -o versioned --source-version 2.2.0 \
	--licence "CC BY-SA 4.0, OWASP Foundation"
check "--source-version is the version" contains versioned/owasp-samm.yaml \
	"version: '2.2.0'"
check "--licence is in the header" contains versioned/areas/g-sm.yaml \
	"# Licence of the source: CC BY-SA 4.0, OWASP Foundation."

# Usage errors: exit 2, one line and a pointer to --help.
run "$CTO_ASSESS" import
check "no framework is a usage error" [ "$status" -eq 2 ]
check "no framework, said" contains "$err_file" \
	"cto-assess: error: no framework given (samm or aws-lens)"
run "$CTO_ASSESS" import sam x
check "an unknown framework with a hint" contains "$err_file" \
	"cto-assess: error: unknown framework 'sam' (did you mean 'samm'?)"
run "$CTO_ASSESS" import owasp x
check "an unknown framework without one" contains "$err_file" \
	"cto-assess: error: unknown framework 'owasp' (expected samm or aws-lens)"
run "$CTO_ASSESS" import aws-lens
check "a missing lens is a usage error" [ "$status" -eq 2 ]
check "it names what is missing" contains "$err_file" \
	"cto-assess: error: no lens file given"
run "$CTO_ASSESS" import samm a b
check "one source at a time" contains "$err_file" \
	"cto-assess: error: unexpected argument 'b'"
run "$CTO_ASSESS" import --frce samm "$mini"
check "a mistyped option gets a hint" contains "$err_file" \
	"cto-assess: error: unknown option '--frce' (did you mean '--force'?)"
run "$CTO_ASSESS" help import
check "help import describes it" contains "$out_file" \
	"usage: cto-assess import samm DIR [options]"
run "$CTO_ASSESS" --help
check "the command list has import" contains "$out_file" "  import     "

done_testing
