#!/bin/sh
# layers.sh - the shape of the tree (STYLE.md): the headers include each
# other without a circle, no command calls into another command's file
# (what they share lives in a module below them, such as assessment.c),
# and no source file is much over 1,000 lines.
. "$(dirname "$0")/lib.sh"

cd "$root_dir" || exit 1
: >"$err_file"

# Every cycle in the graph of #include "..." between the headers.
python3 - >"$tmp/cycles" <<'PY'
import glob, os, re
graph = {}
for p in glob.glob("include/*.h"):
    text = open(p).read()
    graph[os.path.basename(p)] = [h for h in re.findall(r'^#include "([^"]+)"', text, re.M)
                                  if os.path.exists("include/" + h)]
state, cycles = {}, []
def visit(n, stack):
    state[n] = 1
    stack.append(n)
    for m in graph[n]:
        if state.get(m) == 1:
            cycles.append(" -> ".join(stack[stack.index(m):] + [m]))
        elif not state.get(m):
            visit(m, stack)
    stack.pop()
    state[n] = 2
for n in sorted(graph):
    if not state.get(n):
        visit(n, [])
if cycles:
    print("\n".join(cycles))
PY
check "the headers include each other without a circle" [ ! -s "$tmp/cycles" ]
sed 's/^/# cycle: /' "$tmp/cycles"

# The functions each cmd_*.c defines, and the other commands' files that
# call them (cmd_X itself is called from main.c's table only).
for f in src/cmd_*.c; do
	grep -v '^static' "$f" |
	sed -n 's/^[a-z][a-z_ *]*[ *]\([a-z_][a-z0-9_]*\)(.*/\1/p' |
	while read -r fn; do
		for g in src/cmd_*.c; do
			[ "$g" = "$f" ] && continue
			grep -l "\<$fn(" "$g"
		done
	done
done >"$tmp/calls"
check "no command calls into another command's file" [ ! -s "$tmp/calls" ]

wc -l src/*.c | awk '$2 != "total" && $1 > 1100 { print }' >"$tmp/long"
check "no source file is over 1,100 lines" [ ! -s "$tmp/long" ]
sed 's/^/# too long: /' "$tmp/long"

done_testing
