# bash completion for cto-assess(1)                      -*- shell-script -*-
#
# Installed as $(PREFIX)/share/bash-completion/completions/cto-assess, where
# bash-completion loads it when cto-assess is first completed; or source it
# from ~/.bashrc.  It needs nothing from bash-completion itself.
#
# Completes the commands, each command's options, the format names of -f
# (after the last comma of a list), the questionnaire names that -q finds
# (from 'cto-assess list --questionnaires') and files, and answers and
# report files (.json, .yaml, .yml) where a command takes them.

# The option lists of the commands, as their --help prints them.
_cto_assess_options_run='--questionnaire --output --resume --answers --batch
	--no-input --format --force --respondent --consultant --no-consultant
	--review --no-review --color --help'
_cto_assess_options_report='--questionnaire --format --output --benchmark
	--force --consultant --no-consultant --review --no-review --color --help'
_cto_assess_options_consultant='--output --force --help'
_cto_assess_options_import='--output --force --strict --source-version
	--licence --help'
_cto_assess_options_merge='--output --rule --threshold --questionnaire
	--force --help'
_cto_assess_options_portfolio='--format --output --sort --reverse --all
	--benchmark-out --questionnaire --force --help'
_cto_assess_options_compare='--format --questionnaire --output --force
	--plan --color --help'
_cto_assess_options_validate='--strict --quiet --help'
_cto_assess_options_list='--questionnaire --answers --format --output --force
	--questionnaires --help'
_cto_assess_commands='run report validate compare list merge portfolio
	consultant import help'

# Adds the files of cur ending in one of the extensions (and directories).
_cto_assess_files()
{
	local cur=$1 f
	shift
	while IFS= read -r f; do
		if [ -d "$f" ]; then
			COMPREPLY+=("$f/")
			continue
		fi
		for ext in "$@"; do
			case $f in *."$ext") COMPREPLY+=("$f") ;; esac
		done
	done < <(compgen -f -- "$cur")
	compopt -o filenames -o nospace 2>/dev/null
}

# The format names of a command's -f.
_cto_assess_formats()
{
	case $1 in
	run | report) echo "md json html csv text all" ;;
	compare) echo "text md json html" ;;
	portfolio) echo "text md html csv json" ;;
	list) echo "text md json" ;;
	esac
}

# Completes a comma-separated list of formats: the word after the last comma.
_cto_assess_format_list()
{
	local cur=$1 command=$2 head= tail=$1 f
	case $cur in
	*,*) head=${cur%,*},; tail=${cur##*,} ;;
	esac
	for f in $(_cto_assess_formats "$command"); do
		# Not twice, and "all" only on its own.
		case ,$head in *,"$f",*) continue ;; esac
		[ -n "$head" ] && [ "$f" = all ] && continue
		case $f in "$tail"*) COMPREPLY+=("$head$f") ;; esac
	done
	case $command in run | report) compopt -o nospace 2>/dev/null ;; esac
}

_cto_assess_questionnaires()
{
	local cur=$1 program=$2 name
	while IFS=$'\t' read -r name _; do
		case $name in "$cur"*) COMPREPLY+=("$name") ;; esac
	done < <("$program" list --questionnaires 2>/dev/null)
	_cto_assess_files "$cur" yaml yml
}

_cto_assess()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local program=${COMP_WORDS[0]} command= options i word c
	COMPREPLY=()

	# The command is the first word that names one; options before it
	# belong to run.
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		for c in $_cto_assess_commands; do
			[ "$word" = "$c" ] && command=$word
		done
		[ -n "$command" ] && break
	done
	# "--color=al": bash splits at '=' (COMP_WORDBREAKS).
	if [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	case $prev in
	-q | --questionnaire)
		_cto_assess_questionnaires "$cur" "$program"
		return ;;
	-f | --format)
		_cto_assess_format_list "$cur" "${command:-run}"
		return ;;
	-o | --output)
		if [ "$command" = import ]; then
			compopt -o dirnames 2>/dev/null
			COMPREPLY=($(compgen -d -- "$cur"))
		else
			_cto_assess_files "$cur" json md html csv txt
		fi
		return ;;
	-r | --resume)
		_cto_assess_files "$cur" json
		return ;;
	-a | --answers)
		[ "$cur" = "" ] || [ "$cur" = "-" ] && COMPREPLY+=("-")
		_cto_assess_files "$cur" json yaml yml
		return ;;
	--color | --colour)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return ;;
	--rule)
		COMPREPLY=($(compgen -W "cautious median" -- "$cur"))
		return ;;
	-s | --sort)
		COMPREPLY=($(compgen -W "company stage questionnaire date score
			level critical high source" -- "$cur"))
		return ;;
	--benchmark | --benchmark-out)
		_cto_assess_files "$cur" json
		return ;;
	--consultant | --review)
		_cto_assess_files "$cur" yaml yml
		return ;;
	--plan)
		_cto_assess_files "$cur" csv
		return ;;
	--threshold | --respondent | --source-version | --licence)
		return ;;
	esac

	case ${command:-run}:$cur in
	help:*)
		COMPREPLY=($(compgen -W "$_cto_assess_commands" -- "$cur"))
		return ;;
	*:-*)
		options=_cto_assess_options_${command:-run}
		COMPREPLY=($(compgen -W "${!options}" -- "$cur"))
		return ;;
	esac
	case $command in
	"")
		COMPREPLY=($(compgen -W "$_cto_assess_commands" -- "$cur")) ;;
	report | compare | merge | portfolio)
		_cto_assess_files "$cur" json yaml yml ;;
	validate)
		_cto_assess_files "$cur" yaml yml ;;
	consultant)
		if [ "${COMP_WORDS[COMP_CWORD - 1]}" = consultant ]; then
			COMPREPLY=($(compgen -W "init check" -- "$cur"))
		else
			_cto_assess_files "$cur" yaml yml
		fi ;;
	import)
		# The framework, then a SAMM model directory or a lens file.
		if [ "${COMP_WORDS[COMP_CWORD - 1]}" = import ]; then
			COMPREPLY=($(compgen -W "samm aws-lens" -- "$cur"))
		else
			_cto_assess_files "$cur" json
		fi ;;
	esac
}

complete -F _cto_assess cto-assess
