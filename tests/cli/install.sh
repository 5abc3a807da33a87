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
	usr/share/cto-assess/questionnaires/areas/security.yaml \
	usr/share/bash-completion/completions/cto-assess \
	usr/share/zsh/site-functions/_cto-assess \
	usr/share/fish/vendor_completions.d/cto-assess.fish; do
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
# The installed bash completion, as bash-completion would load it, offers
# the installed questionnaires.
run bash -c '. "$1"; COMP_WORDS=("$2" run -q cto-r); COMP_CWORD=3
	_cto_assess; printf "%s\n" "${COMPREPLY[@]}"' sh \
	"$tmp/prefix/share/bash-completion/completions/cto-assess" \
	"$tmp/prefix/bin/cto-assess"
check "the installed completion offers installed questionnaires" \
	[ "$(cat "$out_file")" = "cto-readiness" ]
# A user's own questionnaires ($XDG_DATA_HOME) come before installed ones.
mkdir -p "$tmp/xdg/cto-assess/questionnaires"
sed 's/^title: .*/title: My own quick check/' \
	"$tmp/prefix/share/cto-assess/questionnaires/cto-quick.yaml" \
	>"$tmp/xdg/cto-assess/questionnaires/cto-quick.yaml"
cp -r "$tmp/prefix/share/cto-assess/questionnaires/areas" \
	"$tmp/xdg/cto-assess/questionnaires/"
XDG_DATA_HOME="$tmp/xdg" run "$tmp/prefix/bin/cto-assess" list -q cto-quick
check "-q NAME finds the user's copy in \$XDG_DATA_HOME first" \
	contains "$out_file" "My own quick check (cto-quick, version"

run build uninstall PREFIX="$tmp/prefix"
check "make uninstall succeeds" [ "$status" -eq 0 ]
check "uninstall removes the program" [ ! -e "$tmp/prefix/bin/cto-assess" ]
check "uninstall removes the data" [ ! -e "$tmp/prefix/share/cto-assess" ]
check "uninstall removes the completions" \
	[ ! -e "$tmp/prefix/share/bash-completion/completions/cto-assess" ] &&
	[ ! -e "$tmp/prefix/share/zsh/site-functions/_cto-assess" ] &&
	[ ! -e "$tmp/prefix/share/fish/vendor_completions.d/cto-assess.fish" ]

done_testing
