#!/usr/bin/env python3
"""Writes a large generated questionnaire for benchmarks of cto-assess.

usage: gen-questionnaire.py QUESTIONS AREAS > big.yaml

Every question is a scored single-choice question with help, advice and
four choices, in flow style to stay under the 16 MiB file cap at 50,000; every tenth one has a condition on an earlier question, so the
loader's id lookups and condition checks are exercised at scale.
"""
import sys

questions, areas = int(sys.argv[1]), int(sys.argv[2])
per_area = questions // areas
out = sys.stdout
out.write('id: bench\ntitle: Generated benchmark\nversion: "1"\n'
          'stage_question: q0\nareas:\n')
n = 0
for a in range(areas):
    out.write(f'  - id: area{a}\n    title: Area {a}\n    weight: 2\n'
              f'    questions:\n')
    for _ in range(per_area):
        when = ''
        if n % 10 == 5:
            when = f', when: "q{n - 5} in [b, c] and not (q{n - 3} == a)"'
        out.write(f'      - {{id: q{n}, text: How is practice {n} handled?, '
                  f'help: It matters., advice: Improve it., '
                  f'weight: {1 + n % 5}{when}, choices: [\n'
                  '          {id: a, label: Not at all, score: 0},\n'
                  '          {id: b, label: A little, score: 0.3},\n'
                  '          {id: c, label: Mostly, score: 0.7},\n'
                  '          {id: d, label: Fully, score: 1}]}\n')
        n += 1
