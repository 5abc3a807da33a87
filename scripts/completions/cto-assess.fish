# fish completion for cto-assess(1).  Installed as
# $(PREFIX)/share/fish/vendor_completions.d/cto-assess.fish.
# Completes the commands, their options, the format names of -f, the
# questionnaire names that -q finds ('cto-assess list --questionnaires')
# and files, and answers and report files where a command takes them.

set -l commands run report validate compare list merge portfolio consultant import help

# The files of the word being completed that end in one of the extensions,
# and directories.
function __cto_assess_files
    set -l token (commandline -ct)
    for f in $token*
        if test -d $f
            echo $f/
            continue
        end
        for ext in $argv
            string match -q -- "*.$ext" $f; and echo $f
        end
    end
end

function __cto_assess_questionnaires
    command cto-assess list --questionnaires 2>/dev/null
    __cto_assess_files yaml yml
end

function __cto_assess_answers
    __cto_assess_files json yaml yml
end

# Whether the word before the one completed is an option taking a value.
function __cto_assess_after_option
    contains -- (commandline -opc)[-1] -f --format -o --output -q --questionnaire -a --answers -r --resume --color
end

complete -c cto-assess -f
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a run -d 'run an assessment interview (the default)'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a report -d 'write reports from a saved answers file'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a validate -d 'check questionnaire files'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a compare -d 'show progress between assessments'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a list -d 'print a questionnaire as text, Markdown or JSON'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a merge -d 'merge the answers of several respondents'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a portfolio -d 'many assessments side by side'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a consultant -d 'write or check your consultant profile'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a import -d 'make a questionnaire of OWASP SAMM or an AWS lens'
complete -c cto-assess -n "not __fish_seen_subcommand_from $commands" -a help -d 'describe a command'
complete -c cto-assess -n "__fish_seen_subcommand_from help" -a "$commands"

# Options every command with a questionnaire takes.
complete -c cto-assess -n "not __fish_seen_subcommand_from validate import help" -s q -l questionnaire -x -a '(__cto_assess_questionnaires)' -d 'questionnaire file, directory or name'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate help" -s o -l output -r -F -d 'where to write'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate help" -l force -d 'replace existing files'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate list import help" -l color -x -a 'auto always never' -d 'colour'
complete -c cto-assess -s h -l help -d 'show the help'

# run (also without a command)
complete -c cto-assess -n "not __fish_seen_subcommand_from report validate compare list help" -s r -l resume -x -a '(__cto_assess_files json)' -d 'continue a session'
complete -c cto-assess -n "not __fish_seen_subcommand_from report validate compare help" -s a -l answers -x -a '(__cto_assess_answers)' -d 'pre-filled answers (- for standard input)'
complete -c cto-assess -n "not __fish_seen_subcommand_from report validate compare list help" -s b -l batch -d 'never ask'
complete -c cto-assess -n "not __fish_seen_subcommand_from report validate compare list help" -l no-input -d 'never ask'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate compare list help" -s f -l format -x -a 'md json html csv text all' -d 'formats to write'

# report, compare
complete -c cto-assess -n "__fish_seen_subcommand_from report compare; and not __cto_assess_after_option" -a '(__cto_assess_answers)'
complete -c cto-assess -n "__fish_seen_subcommand_from compare" -s f -l format -x -a 'text md json html' -d 'the format'

# validate
complete -c cto-assess -n "__fish_seen_subcommand_from validate" -l strict -d 'warnings fail too'
complete -c cto-assess -n "__fish_seen_subcommand_from validate" -s q -l quiet -d 'print nothing for valid files'
complete -c cto-assess -n "__fish_seen_subcommand_from validate" -a '(__cto_assess_files yaml yml)'

# list
complete -c cto-assess -n "__fish_seen_subcommand_from list" -s f -l format -x -a 'text md json' -d 'the format'
complete -c cto-assess -n "__fish_seen_subcommand_from list" -l questionnaires -d 'the questionnaires -q finds'

# run
complete -c cto-assess -n "not __fish_seen_subcommand_from report validate compare list merge portfolio help" -l respondent -x -d 'who answers: NAME, ROLE'

# report
complete -c cto-assess -n "__fish_seen_subcommand_from report" -l benchmark -r -a '(__cto_assess_files json)' -d 'place each score among other companies'

# merge
complete -c cto-assess -n "__fish_seen_subcommand_from merge" -l rule -x -a 'cautious median' -d 'how answers merge'
complete -c cto-assess -n "__fish_seen_subcommand_from merge" -l threshold -x -d 'score gap that is a disagreement'
complete -c cto-assess -n "__fish_seen_subcommand_from merge" -a '(__cto_assess_answers)'

# portfolio
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -s f -l format -x -a 'text md html csv json' -d 'the format'
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -s s -l sort -x -a 'company stage questionnaire date score level critical high source' -d 'sort by a column'
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -s r -l reverse -d 'descending'
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -s a -l all -d 'every assessment, not only the latest'
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -l benchmark-out -r -F -d 'write a benchmark file'
complete -c cto-assess -n "__fish_seen_subcommand_from portfolio" -a '(__cto_assess_answers)'

# run and report: the consultant's profile and review
complete -c cto-assess -n "not __fish_seen_subcommand_from validate compare list merge portfolio consultant help" -l consultant -r -a '(__cto_assess_files yaml yml)' -d 'your consultant profile'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate compare list merge portfolio consultant help" -l no-consultant -d 'no consultant profile'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate compare list merge portfolio consultant help" -l review -r -a '(__cto_assess_files yaml yml)' -d 'your review of this assessment'
complete -c cto-assess -n "not __fish_seen_subcommand_from validate compare list merge portfolio consultant help" -l no-review -d 'the report as scored'

# compare
complete -c cto-assess -n "__fish_seen_subcommand_from compare" -l plan -r -a '(__cto_assess_files csv)' -d "the earlier plan, as the client tracked it"

# consultant
complete -c cto-assess -n "__fish_seen_subcommand_from consultant; and not __fish_seen_subcommand_from init check" -a 'init check'

# import
complete -c cto-assess -n "__fish_seen_subcommand_from import; and not __fish_seen_subcommand_from samm aws-lens" -a 'samm aws-lens'
complete -c cto-assess -n "__fish_seen_subcommand_from samm" -a '(__fish_complete_directories)'
complete -c cto-assess -n "__fish_seen_subcommand_from aws-lens" -a '(__cto_assess_files json)'
complete -c cto-assess -n "__fish_seen_subcommand_from import" -l strict -d 'note every key that is ignored'
complete -c cto-assess -n "__fish_seen_subcommand_from import" -l source-version -x -d 'the release imported'
complete -c cto-assess -n "__fish_seen_subcommand_from import" -l licence -x -d "the source's licence"
