#!/usr/bin/env python3
"""lens_check.py - check `cto-assess import aws-lens` against the lens itself.

Reads the lens with Python's json module and the questionnaire cto-assess
wrote with PyYAML, and evaluates both sides' rules here, with evaluators of
its own (none of cto-assess's code):

  lens_check.py structure LENS OUT   pillars, questions and best practices
                                     are kept, texts verbatim, "_no"
                                     exclusive, improvement plans as advice
  lens_check.py rules LENS OUT       for every answer a respondent can give
                                     (every set of best practices, "none of
                                     these" alone; a seeded sample where
                                     there are too many), the first
                                     questionnaire rule that holds gives the
                                     risk the lens's riskRules give
  lens_check.py answers LENS OUT SEED
                                     prints an answers file (YAML) with an
                                     answer to every question, a different
                                     one for each seed
  lens_check.py report LENS OUT ANSWERS REPORT
                                     the report's risk of every question is
                                     the one the lens's riskRules give for
                                     the answer (a finding of that risk, or
                                     none for NO_RISK)

Exit status 0 when the check holds; otherwise the differences on stderr.
"""
import itertools
import json
import os
import random
import re
import sys

import yaml

RISKS = {"HIGH_RISK": "high", "MEDIUM_RISK": "medium", "NO_RISK": "none"}


def aws_holds(condition, ticked):
    """An AWS riskRules condition: ids, &&, ||, !, parentheses, default."""
    if condition.strip() == "default":
        return True
    tokens = re.findall(r"&&|\|\||!|\(|\)|[A-Za-z0-9_.-]+|\S", condition)
    python = []
    for t in tokens:
        if t == "&&":
            python.append(" and ")
        elif t == "||":
            python.append(" or ")
        elif t == "!":
            python.append(" not ")
        elif t in "()":
            python.append(t)
        elif re.fullmatch(r"[A-Za-z0-9_.-]+", t):
            python.append(repr(t in ticked))
        else:
            raise ValueError("bad token %r in %r" % (t, condition))
    return eval("".join(python))


def ours_holds(condition, question, ticked):
    """A condition of cto-assess as the importer writes them: 'Q includes
    C', not, and, or, parentheses, true."""
    tokens = re.findall(r"\(|\)|[a-z0-9_.-]+", condition)
    python, i = [], 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("and", "or", "not"):
            python.append(" %s " % t)
        elif t in "()":
            python.append(t)
        elif t in ("true", "false"):
            python.append(repr(t == "true"))
        elif i + 2 < len(tokens) and tokens[i + 1] == "includes":
            assert t == question, "%r names %r" % (condition, t)
            python.append(repr(tokens[i + 2] in ticked))
            i += 2
        else:
            raise ValueError("bad token %r in %r" % (t, condition))
        i += 1
    return eval("".join(python))


def aws_risk(question, ticked):
    for rule in question["riskRules"]:
        if aws_holds(rule["condition"], ticked):
            return RISKS[rule["risk"]]
    return None


def our_risk(question, ticked):
    for rule in question["rules"]:
        if ours_holds(str(rule["when"]), question["id"], ticked):
            return rule["risk"]
    return None


def load(lens_file, out):
    with open(lens_file) as f:
        lens = json.load(f)
    root = [f for f in os.listdir(out) if f.endswith(".yaml")]
    assert len(root) == 1, root
    with open(os.path.join(out, root[0])) as f:
        top = yaml.safe_load(f)
    areas = []
    for inc in top["include"]:
        with open(os.path.join(out, inc)) as f:
            areas.extend(yaml.safe_load(f)["areas"])
    return lens, top, areas


def pairs(lens, areas):
    """(lens question, questionnaire question) in order."""
    ours = [q for a in areas for q in a["questions"]]
    theirs = [q for p in lens["pillars"] for q in p["questions"]]
    assert len(ours) == len(theirs), (len(ours), len(theirs))
    return list(zip(theirs, ours))


def answers_of(theirs, ours, rng=None, limit=4096):
    """Every answer a respondent can give, as (source ids, our ids): any set
    of best practices, or "none of these" alone."""
    ids = [(c["id"], o["id"]) for c, o in zip(theirs["choices"],
                                              ours["choices"])]
    plain = [p for p in ids if not p[0].lower().endswith("_no")]
    none = [p for p in ids if p[0].lower().endswith("_no")]
    if 2 ** len(plain) <= limit:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(plain, n) for n in range(len(plain) + 1))
        subsets = list(subsets)
    else:
        subsets = [tuple(p for p in plain if rng.random() < 0.5)
                   for _ in range(limit)]
    subsets += [(n,) for n in none]
    for s in subsets:
        yield {a for a, _ in s}, {b for _, b in s}
    # The "none of these" the importer adds to a question of one choice.
    for o in ours["choices"][len(theirs["choices"]):]:
        yield set(), {o["id"]}


def check_structure(lens_file, out):
    lens, top, areas = load(lens_file, out)
    problems = []
    if top["title"] != lens["name"]:
        problems.append("title %r is not the lens's name" % top["title"])
    if [a["title"] for a in areas] != [p["name"] for p in lens["pillars"]]:
        problems.append("areas are not the pillars")
    for theirs, ours in pairs(lens, areas):
        if ours["text"] != theirs["title"]:
            problems.append("%s: text %r" % (ours["id"], ours["text"]))
        if ours["type"] != "multi":
            problems.append("%s: not a multi question" % ours["id"])
        if theirs.get("description") and \
                not ours["help"].startswith(theirs["description"]):
            problems.append("%s: help lacks the description" % ours["id"])
        labels = [c["label"] for c in ours["choices"]]
        want = [c["title"] for c in theirs["choices"]]
        if len(want) < 2:
            want.append("None of these")
        if labels != want:
            problems.append("%s: choices %r" % (ours["id"], labels))
        for c, o in zip(theirs["choices"], ours["choices"]):
            if c["id"].lower().endswith("_no") != bool(o.get("exclusive")):
                problems.append("%s: exclusive wrong" % o["id"])
            plan = (c.get("improvementPlan") or {}).get("displayText")
            if plan and not o.get("advice", "").startswith(plan):
                problems.append("%s: advice is not the improvement plan"
                                % o["id"])
            for ref in o.get("references", []):
                if not re.match(r"https?://", ref["url"]):
                    problems.append("%s: url %r" % (o["id"], ref["url"]))
    for p in problems:
        print("lens_check: " + p, file=sys.stderr)
    return not problems


def check_rules(lens_file, out):
    lens, _, areas = load(lens_file, out)
    rng = random.Random(1)
    problems, tried = [], 0
    for theirs, ours in pairs(lens, areas):
        for source, mine in answers_of(theirs, ours, rng):
            tried += 1
            want, got = aws_risk(theirs, source), our_risk(ours, mine)
            if want != got:
                problems.append("%s %s: lens says %s, questionnaire %s" % (
                    ours["id"], sorted(mine), want, got))
    for p in problems[:20]:
        print("lens_check: " + p, file=sys.stderr)
    print("lens_check: %d answers compared" % tried, file=sys.stderr)
    return not problems and tried > 0


def make_answers(lens_file, out, seed):
    """Answer SEED of each question in the order answers_of() lists them
    (so that seeds 0, 1, 2 ... go through every answer of a question that
    has few), the question's place added so that questions differ."""
    lens, _, areas = load(lens_file, out)
    rng = random.Random(seed)
    lines = ["answers:"]
    for i, (theirs, ours) in enumerate(pairs(lens, areas)):
        options = list(answers_of(theirs, ours, rng, limit=64))
        _, mine = options[(seed + i) % len(options)]
        lines.append("  %s: %s" % (ours["id"], json.dumps(sorted(mine))))
    print("\n".join(lines))
    return True


def check_report(lens_file, out, answers_file, report_file):
    lens, _, areas = load(lens_file, out)
    with open(answers_file) as f:
        answers = yaml.safe_load(f)["answers"]
    with open(report_file) as f:
        report = json.load(f)
    findings = {f["id"]: f["risk"] for f in report["findings"]}
    problems = []
    for theirs, ours in pairs(lens, areas):
        mine = set(answers[ours["id"]])
        # Back to the lens's ids by position, as the texts line up.
        source = {c["id"] for c, o in zip(theirs["choices"], ours["choices"])
                  if o["id"] in mine}
        want = aws_risk(theirs, source)
        got = findings.get(ours["id"], "none")
        if want != got:
            problems.append("%s %s: lens says %s, report %s" % (
                ours["id"], sorted(mine), want, got))
    for p in problems:
        print("lens_check: " + p, file=sys.stderr)
    return not problems


def main(argv):
    if len(argv) >= 4 and argv[1] == "structure":
        return check_structure(argv[2], argv[3])
    if len(argv) >= 4 and argv[1] == "rules":
        return check_rules(argv[2], argv[3])
    if len(argv) >= 5 and argv[1] == "answers":
        return make_answers(argv[2], argv[3], int(argv[4]))
    if len(argv) >= 6 and argv[1] == "report":
        return check_report(argv[2], argv[3], argv[4], argv[5])
    print(__doc__, file=sys.stderr)
    return False


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv) else 1)
