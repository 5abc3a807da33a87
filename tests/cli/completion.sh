#!/bin/sh
# completion.sh - the shell completions of scripts/completions/ offer what
# the program takes.  bash: _cto_assess is run on command lines as bash
# would run it (COMP_WORDS, COMP_CWORD), in a directory of a few files, and
# its candidates are compared with the expected ones written out here.
# fish: 'complete -C' on the same kind of lines.  zsh: the function parses
# (zsh -n).  The commands and format names of the scripts are checked
# against the program's own --help.
. "$(dirname "$0")/lib.sh"

comp="$root_dir/scripts/completions"
bin_dir=$(cd "$(dirname "$CTO_ASSESS")" && pwd)
# The shipped questionnaires, wherever the program under test was built.
CTO_ASSESS_QUESTIONNAIRES="$root_dir/questionnaires"
export CTO_ASSESS_QUESTIONNAIRES
mkdir -p "$tmp/work/sub"
cd "$tmp/work" || exit 1
touch a.json b.yaml c.yml notes.txt sub/d.json

# candidates WORD...: the sorted candidates of bash's completion function
# for the command line WORD... (the last word is the one being completed).
candidates() {
	PATH="$bin_dir:$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_cto_assess
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort' \
		sh "$comp/cto-assess.bash" "$@" 2>"$err_file"
}

# expect NAME EXPECTED WORD...: the candidates, space-separated, are EXPECTED.
expect() {
	_name=$1 _want=$2
	shift 2
	_got=$(candidates "$@" | tr '\n' ' ' | sed 's/ $//')
	check "bash: $_name" [ "$_got" = "$_want" ]
	[ "$_got" = "$_want" ] || echo "#   got '$_got', expected '$_want'"
}

expect "commands" "report run" cto-assess r
expect "every command" "compare consultant help import list merge portfolio report run validate" cto-assess ""
expect "import's frameworks" "aws-lens samm" cto-assess import ""
expect "consultant's actions" "check init" cto-assess consultant ""
expect "merge's rules" "cautious median" cto-assess merge a.json --rule ""
expect "portfolio's formats" "csv html json md text" cto-assess portfolio -f ""
expect "report's options" "--force --format" cto-assess report --f
expect "run's options without a command" "--no-consultant --no-input --no-review" cto-assess --no
expect "report's formats" "all csv html json md text" cto-assess report a.json -f ""
expect "a format list, after its comma, without md again or all" \
	"md,csv md,html md,json md,text" cto-assess report a.json -f md,
expect "a format list, by the start of the next" "md,html" \
	cto-assess report a.json -f md,h
expect "compare's formats" "html json md text" cto-assess compare -f ""
expect "list's formats" "json md text" cto-assess list --format ""
expect "questionnaire names and files" \
	"b.yaml c.yml cto-quick cto-readiness sub/" cto-assess run -q ""
expect "a questionnaire name by its start" "cto-quick cto-readiness" \
	cto-assess list -q cto
expect "answers files for report" "a.json b.yaml c.yml sub/" cto-assess report ""
expect "reports and answers for compare" "a.json b.yaml c.yml sub/" \
	cto-assess compare a.json ""
expect "a session to resume" "a.json sub/" cto-assess run --resume ""
expect "answers from standard input" "-" cto-assess run --answers -
expect "colour modes" "always" cto-assess run --color al
expect "commands after help" "list" cto-assess help li

# The scripts name the program's commands and formats.
"$CTO_ASSESS" --help | sed -n 's/^  \([a-z]*\)  .*/\1/p' | sort >"$tmp/commands"
sed -n "/^_cto_assess_commands='/,/'$/p" \
	"$root_dir/scripts/completions/cto-assess.bash" |
	sed "s/^_cto_assess_commands=//; s/'//g" | tr ' \t' '\n\n' |
	grep -v '^help$' | grep . | sort >"$tmp/script-commands"
check_output "the commands are the program's" "$tmp/commands" "$tmp/script-commands"
while read -r command; do
	check "fish names '$command'" grep -q -- "-a $command " \
		"$root_dir/scripts/completions/cto-assess.fish"
	check "zsh names '$command'" grep -q "'$command:" \
		"$root_dir/scripts/completions/_cto-assess"
done <"$tmp/commands"
"$CTO_ASSESS" compare --help | grep -q "one of text, md, json or html"
check "compare's formats are the program's" [ $? -eq 0 ]
check "report's formats are the program's" \
	sh -c "[ \"\$('$CTO_ASSESS' report --help | sed -n 's/^  \\(md\\|json\\|html\\|csv\\|text\\) .*/\\1/p' | tr '\\n' ' ')\" = 'md json html csv text ' ]"

# ---- fish ------------------------------------------------------------------
if command -v fish >/dev/null; then
	fish_candidates() {
		PATH="$bin_dir:$PATH" fish -c "source '$comp/cto-assess.fish'; complete -C '$1'" |
			cut -f1 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
	}
	check "fish: commands" [ "$(fish_candidates 'cto-assess re')" = "report" ]
	check "fish: compare's formats" \
		[ "$(fish_candidates 'cto-assess compare -f ')" = "html json md text" ]
	check "fish: questionnaire names" sh -c \
		"echo '$(fish_candidates 'cto-assess run -q cto')' | grep -q 'cto-quick cto-readiness'"
	check "fish: answers files for report" \
		[ "$(fish_candidates 'cto-assess report ')" = "a.json b.yaml c.yml sub/" ]
else
	echo "ok - fish: not installed # SKIP"
fi

# ---- zsh ------------------------------------------------------------------
if command -v zsh >/dev/null; then
	run zsh -n "$comp/_cto-assess"
	check "zsh: the completion function parses" [ "$status" -eq 0 ]
else
	echo "ok - zsh: not installed # SKIP"
fi

done_testing
