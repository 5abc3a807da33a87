#!/bin/sh
# install.sh - `make install` as a packager and as a user run it: the
# DESTDIR layout, and an installed program that finds its questionnaires
# in its data directory wherever it is run from.
. "$(dirname "$0")/lib.sh"

# A separate build directory, so that the program under test elsewhere is
# left alone; make's variables from the calling make are dropped.
build() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s -C "$root_dir" BUILD="$tmp/build" \
		PROG="$tmp/build/cto-assess" "$@"
}

run build install PREFIX=/usr DESTDIR="$tmp/stage"
check "make install with DESTDIR succeeds" [ "$status" -eq 0 ]
for f in usr/bin/cto-assess usr/share/man/man1/cto-assess.1 \
	usr/share/man/man5/cto-assess-questionnaire.5 \
	usr/share/cto-assess/questionnaires/cto-readiness.yaml \
	usr/share/cto-assess/questionnaires/cto-quick.yaml \
	usr/share/cto-assess/questionnaires/questionnaire.schema.json \
	usr/share/cto-assess/questionnaires/CHANGELOG.md \
	usr/share/cto-assess/questionnaires/areas/security.yaml; do
	check "installs $f" [ -f "$tmp/stage/$f" ]
done
check "the program is executable" [ -x "$tmp/stage/usr/bin/cto-assess" ]

run build install PREFIX="$tmp/prefix"
check "make install with PREFIX succeeds" [ "$status" -eq 0 ]
cd "$tmp" || exit 1
run "$tmp/prefix/bin/cto-assess" list
check "the installed program finds its default questionnaire" \
	contains "$out_file" "(cto-readiness, version"
run "$tmp/prefix/bin/cto-assess" validate --strict \
	"$tmp/prefix/share/cto-assess/questionnaires"
check "the installed questionnaires validate" [ "$status" -eq 0 ]
run "$tmp/prefix/bin/cto-assess" list -q cto-quick
check "-q NAME finds an installed questionnaire" \
	contains "$out_file" "(cto-quick, version"

run build uninstall PREFIX="$tmp/prefix"
check "make uninstall succeeds" [ "$status" -eq 0 ]
check "uninstall removes the program" [ ! -e "$tmp/prefix/bin/cto-assess" ]
check "uninstall removes the data" [ ! -e "$tmp/prefix/share/cto-assess" ]

done_testing
