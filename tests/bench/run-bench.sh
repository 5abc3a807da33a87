#!/bin/sh
# run-bench.sh - timing figures for cto-assess (`make bench`).  Not a test:
# it prints numbers and asserts nothing about them.
#
# usage: BENCH_DIR=DIR run-bench.sh /path/to/cto-assess
# (DIR holds parse-floor and record-cost, which `make bench` builds)
set -eu
prog=$1
bench=${BENCH_DIR:?set BENCH_DIR, or run make bench}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints the best of N wall-clock runs of a command, in milliseconds.
best_ms() {
	runs=$1
	shift
	best=""
	i=0
	while [ "$i" -lt "$runs" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		end=$(date +%s%N)
		ms=$(( (end - start) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
		i=$((i + 1))
	done
	echo "$best"
}

for n in 5000 50000; do
	python3 "$here/gen-questionnaire.py" "$n" 50 >"$tmp/q$n.yaml"
	size=$(wc -c <"$tmp/q$n.yaml")
	"$prog" validate "$tmp/q$n.yaml" >/dev/null
	printf 'validate, %6d questions (%8d bytes): best of 5: %5d ms\n' \
		"$n" "$size" "$(best_ms 5 "$prog" validate "$tmp/q$n.yaml")"
done
printf 'validate, shipped questionnaires:                 best of 5: %5d ms\n' \
	"$(best_ms 5 "$prog" validate "$here/../../questionnaires")"
python3 -c 'print("areas: " + "[" * 200000)' >"$tmp/deep.yaml"
printf 'validate, 200,000 nested [ (refused at depth 64):  best of 5: %5d ms\n' \
	"$(best_ms 5 "$prog" validate "$tmp/deep.yaml")"

# The interview through a pipe: every question answered "2" (choice b), so
# that every condition of the generated questionnaire holds and all of them
# are asked.  Beside it, the same answers given with --answers --batch (no
# interview, one save): the ratio is what the interview itself costs.
for n in 1000 10000; do
	python3 "$here/gen-questionnaire.py" "$n" 50 >"$tmp/i$n.yaml"
	python3 -c 'import sys
print("answers:")
for i in range(int(sys.argv[1])):
    print("  q%d: b" % i)' "$n" >"$tmp/i$n-answers.yaml"
	yes 2 | head -n "$n" >"$tmp/i$n-input"
	# fsync per answer makes one run noisy: three of the small one.
	runs=$([ "$n" -le 1000 ] && echo 3 || echo 1)
	pipe_ms=$(best_ms "$runs" sh -c 'rm -rf "$2/p"; "$1" run -q "$2/i$3.yaml" \
		-o "$2/p" <"$2/i$3-input"' sh "$prog" "$tmp" "$n")
	batch_ms=$(best_ms 3 sh -c 'rm -rf "$2/b"; "$1" run -q "$2/i$3.yaml" \
		-o "$2/b" --answers "$2/i$3-answers.yaml" --batch' sh "$prog" \
		"$tmp" "$n")
	printf 'run through a pipe, %6d questions:       best of %d: %5d ms' \
		"$n" "$runs" "$pipe_ms"
	awk -v p="$pipe_ms" -v b="$batch_ms" 'BEGIN { printf(" (%.1f x run --answers --batch: %d ms)\n", p / (b ? b : 1), b) }'
done

# Answers files full of orphans (answers to questions the questionnaire does
# not have): loading must stay linear.  The floor is the bare parse of the
# same file into the positioned tree (parse-floor.c, which make builds in
# $BENCH_DIR); the ratio is what checking and keeping the answers costs on top.
q="$here/../run/basic.yaml"
for n in 10000 100000; do
	python3 - "$n" "$tmp/orphans$n" <<'PY'
import json, sys
n, base = int(sys.argv[1]), sys.argv[2]
answers = {"company_name": "Acme", "stage": "seed", "mfa": "yes",
           "tools": ["ci"], "backups": 4, "team_size": 3,
           "funding": "long", "biggest_risk": "None"}
for i in range(n):
    answers["old_%d" % i] = "yes"
with open(base + ".json", "w") as f:
    json.dump({"answers": answers}, f, indent=1)
with open(base + ".yaml", "w") as f:
    f.write("answers:\n")
    for k, v in answers.items():
        f.write("  %s: %s\n" % (k, json.dumps(v)))
PY
	for ext in json yaml; do
		file="$tmp/orphans$n.$ext"
		floor=$(best_ms 3 "$bench/parse-floor" "$file")
		full=$(best_ms 3 "$prog" report "$file" -q "$q" -f json -o -)
		printf 'answers, %6d orphans (%-4s %8d bytes): best of 3: %5d ms, parse alone %4d ms, ratio %s\n' \
			"$n" "$ext," "$(wc -c <"$file")" "$full" "$floor" \
			"$(awk -v a="$full" -v b="$floor" \
				'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
	done
done

# Saving one of the last answers of a session of 10,000 questions:
# answers_save() rewrites the whole session file each time,
# answers_record() appends one line to the journal (record-cost.c, built
# by make in $BENCH_DIR; both fsync every time).
python3 "$here/gen-questionnaire.py" 10000 50 >"$tmp/q10000.yaml"
set -- $("$bench/record-cost" "$tmp/q10000.yaml" "$tmp/session.json" 200)
printf 'saving one of the last 200 answers of 10,000: snapshot %s ms, journal %s ms\n' \
	"$1" "$2"

# Reports of 1,000 answers files of the default questionnaire (an example
# company, renamed): one `report A B C ... -o DIR`, each questionnaire
# loaded once, against one process per file.  Both write and fsync 1,000
# JSON reports, so the difference is the cost of starting a process and
# loading the questionnaire each time.
mkdir "$tmp/many" "$tmp/each"
python3 - "$here/../examples/seed-fintech-cards.json" "$tmp/many" <<'PY'
import json, sys
base = json.load(open(sys.argv[1]))
for i in range(1000):
    base["answers"]["company_name"] = "Company %04d" % i
    with open("%s/c%04d.json" % (sys.argv[2], i), "w") as f:
        json.dump(base, f)
PY
one_ms=$(best_ms 1 sh -c 'rm -rf "$2/one"; "$1" report "$2"/many/*.json \
	-o "$2/one" -f json' sh "$prog" "$tmp")
each_ms=$(best_ms 1 sh -c 'for f in "$2"/many/*.json; do n=${f##*/}; \
	"$1" report "$f" -o "$2/each/${n%.json}/" -f json || exit 1; done' \
	sh "$prog" "$tmp")
printf 'report, 1,000 answers files: one process %6d ms, 1,000 processes %6d ms' \
	"$one_ms" "$each_ms"
awk -v a="$one_ms" -v b="$each_ms" \
	'BEGIN { printf(" (%.1f x faster)\n", (a > 0 ? b / a : 0)) }'

# A portfolio of those 1,000 companies, in one process: from their answers
# files (each scored, the questionnaire loaded once) and from the 1,000
# JSON reports just written; then of 5,000 answers files.
for i in 1 2 3 4; do
	mkdir "$tmp/many$i"
	for f in "$tmp"/many/*.json; do
		sed "s/\"Company /\"Company $i-/" "$f" >"$tmp/many$i/${f##*/}"
	done
done
printf 'portfolio, 1,000 answers files:  best of 3: %6d ms\n' \
	"$(best_ms 3 "$prog" portfolio "$tmp/many" -f html -o /dev/null)"
printf 'portfolio, 1,000 JSON reports:   best of 3: %6d ms\n' \
	"$(best_ms 3 "$prog" portfolio "$tmp/one" -f html -o /dev/null)"
printf 'portfolio, 5,000 answers files:  best of 3: %6d ms\n' \
	"$(best_ms 3 "$prog" portfolio "$tmp/many" "$tmp/many1" "$tmp/many2" \
		"$tmp/many3" "$tmp/many4" -f csv -o /dev/null)"
