#!/usr/bin/env python3
"""samm_check.py - check `cto-assess import samm` against the SAMM model itself.

Reads the SAMM model with PyYAML, on its own (none of cto-assess's code), and
the questionnaire cto-assess wrote, and maps one to the other by texts: a
question by its text, an answer by its label.

  samm_check.py structure MODEL OUT      the questionnaire keeps SAMM's
                                         structure, texts and values
  samm_check.py answers MODEL OUT SEED   prints an answers file (YAML) with
                                         a spread of answers
  samm_check.py maturity MODEL OUT ANSWERS REPORT
                                         SAMM's maturity for those answers,
                                         computed here, equals the report's
                                         area score x 3 / 100 (for the
                                         practices OUT kept)

Exit status 0 when the check holds; otherwise the differences on stderr.
"""
import json
import os
import sys

import yaml

KINDS = ["business_functions", "security_practices", "streams",
         "practice_levels", "maturity_levels", "activities", "questions",
         "answer_sets"]


def load_model(path):
    if os.path.isdir(os.path.join(path, "model")):
        path = os.path.join(path, "model")
    model = {}
    for kind in KINDS:
        objects = {}
        for name in sorted(os.listdir(os.path.join(path, kind))):
            if name.endswith((".yml", ".yaml")):
                with open(os.path.join(path, kind, name)) as f:
                    o = yaml.safe_load(f)
                objects[o["id"]] = o
        model[kind] = objects
    return model


def samm_questions(model):
    """Yields (function, practice, stream, level number, question) in
    SAMM's order: functions, practices, streams, levels."""
    m = model
    for fn in sorted(m["business_functions"].values(),
                     key=lambda o: o["order"]):
        for pr in sorted((p for p in m["security_practices"].values()
                          if p["function"] == fn["id"]),
                         key=lambda o: o["order"]):
            for st in sorted((s for s in m["streams"].values()
                              if s["practice"] == pr["id"]),
                             key=lambda o: o["order"]):
                acts = []
                for a in m["activities"].values():
                    if a["stream"] != st["id"]:
                        continue
                    pl = m["practice_levels"][a["level"]]
                    number = m["maturity_levels"][pl["maturityLevel"]]["number"]
                    acts.append((number, a))
                for number, a in sorted(acts, key=lambda x: x[0]):
                    for q in sorted((q for q in m["questions"].values()
                                     if q["activity"] == a["id"]),
                                    key=lambda o: o.get("order", 0)):
                        yield fn, pr, st, number, a, q


def answers_of(model, q):
    values = model["answer_sets"][q["answerSet"]]["values"]
    return sorted(values, key=lambda v: v["order"])


def load_output(out):
    root = [f for f in os.listdir(out) if f.endswith(".yaml")]
    assert len(root) == 1, root
    with open(os.path.join(out, root[0])) as f:
        top = yaml.safe_load(f)
    areas = []
    for inc in top["include"]:
        with open(os.path.join(out, inc)) as f:
            areas.extend(yaml.safe_load(f)["areas"])
    return top, areas


def text(value):
    """YAML's No is False to PyYAML: SAMM's answer texts are text."""
    if value is False:
        return "No"
    if value is True:
        return "Yes"
    return str(value)


def check_structure(model_dir, out):
    model = load_model(model_dir)
    top, areas = load_output(out)
    problems = []
    questions = [q for a in areas for q in a["questions"]]
    expected = list(samm_questions(model))
    if len(questions) != len(expected):
        problems.append("%d questions, SAMM has %d" % (len(questions),
                                                       len(expected)))
    practices = []
    for fn, pr, st, number, a, q in expected:
        if pr["id"] not in [p["id"] for p in practices]:
            practices.append(pr)
    if [a["title"] for a in areas] != [
            "%s: %s" % (model["business_functions"][p["function"]]["name"],
                        p["name"]) for p in practices]:
        problems.append("areas are not SAMM's practices in order")
    for got, (fn, pr, st, number, a, q) in zip(questions, expected):
        want_id = "%s-%s-%d-%s" % (fn["name"][0].lower(),
                                   pr["shortName"].lower(), number,
                                   st["letter"].lower())
        if got["id"] != want_id:
            problems.append("question %s should be %s" % (got["id"],
                                                          want_id))
        if got["text"] != q["text"]:
            problems.append("%s: text %r is not SAMM's %r" % (
                got["id"], got["text"], q["text"]))
        labels = [c["label"] for c in got["choices"]]
        want = [text(v["text"]) for v in answers_of(model, q)]
        if labels != want:
            problems.append("%s: answers %r, SAMM has %r" % (got["id"],
                                                             labels, want))
        scores = [c["score"] for c in got["choices"]]
        if scores != [v["value"] for v in answers_of(model, q)]:
            problems.append("%s: scores %r" % (got["id"], scores))
        for criterion in q.get("quality") or []:
            if "- " + criterion not in got["help"]:
                problems.append("%s: help lacks %r" % (got["id"],
                                                       criterion))
        if got.get("advice") != "%s. %s" % (a["title"],
                                             a["shortDescription"]):
            problems.append("%s: advice is not the activity" % got["id"])
        if not got["help"].endswith(a["longDescription"]):
            problems.append("%s: help lacks the activity's description"
                            % got["id"])
    for p in problems:
        print("samm_check: " + p, file=sys.stderr)
    return not problems


def make_answers(model_dir, out, seed):
    """One answer per question, cycling through the answers from seed."""
    _, areas = load_output(out)
    lines = ["answers:"]
    for i, q in enumerate(a for area in areas for a in area["questions"]):
        choice = q["choices"][(i + seed) % len(q["choices"])]
        lines.append("  %s: %s" % (q["id"], json.dumps(choice["id"])))
    print("\n".join(lines))
    return True


def check_maturity(model_dir, out, answers_file, report_file):
    model = load_model(model_dir)
    _, areas = load_output(out)
    with open(answers_file) as f:
        answers = yaml.safe_load(f)["answers"]
    with open(report_file) as f:
        report = json.load(f)
    by_text = {}
    for area in areas:
        for q in area["questions"]:
            label = {c["id"]: c["label"] for c in q["choices"]}
            by_text[q["text"]] = (area["id"], label[answers[q["id"]]])
    # SAMM: stream score = sum of its answers' values; practice maturity =
    # mean of its streams; overall = mean of the functions' means.
    streams, practice_area, practice_fn = {}, {}, {}
    for fn, pr, st, number, a, q in samm_questions(model):
        if q["text"] not in by_text:
            continue  # a practice the consultant left out
        area_id, label = by_text[q["text"]]
        value = [v["value"] for v in answers_of(model, q)
                 if text(v["text"]) == label][0]
        streams.setdefault(pr["id"], {}).setdefault(st["id"], 0)
        streams[pr["id"]][st["id"]] += value
        practice_area[pr["id"]] = area_id
        practice_fn[pr["id"]] = fn["id"]
    scores = {a["id"]: a["score"] for a in report["areas"]}
    problems = []
    if len(streams) != len(areas):
        problems.append("%d practices compared, the questionnaire has %d"
                        % (len(streams), len(areas)))
    functions = {}
    for pid, per_stream in streams.items():
        maturity = sum(per_stream.values()) / len(per_stream)
        functions.setdefault(practice_fn[pid], []).append(maturity)
        got = scores[practice_area[pid]] * 3 / 100
        # Scores are rounded to one decimal: 0.05 x 3 / 100 = 0.0015.
        if abs(got - maturity) > 0.0015 + 1e-9:
            problems.append("%s: SAMM maturity %.4f, report %.4f" % (
                practice_area[pid], maturity, got))
    # SAMM's overall is the mean of the functions; the questionnaire's, of
    # its practices (equal weights): the same while every function keeps
    # as many practices as the others.
    sizes = {len(v) for v in functions.values()}
    if len(sizes) == 1:
        overall = sum(sum(v) / len(v) for v in functions.values()) / \
            len(functions)
    else:
        overall = sum(sum(v) for v in functions.values()) / \
            sum(len(v) for v in functions.values())
    got = report["overall"]["score"] * 3 / 100
    if abs(got - overall) > 0.003 + 1e-9:
        problems.append("overall: SAMM maturity %.4f, report %.4f" % (
            overall, got))
    for p in problems:
        print("samm_check: " + p, file=sys.stderr)
    return not problems


def main(argv):
    if len(argv) >= 4 and argv[1] == "structure":
        return check_structure(argv[2], argv[3])
    if len(argv) >= 5 and argv[1] == "answers":
        return make_answers(argv[2], argv[3], int(argv[4]))
    if len(argv) >= 6 and argv[1] == "maturity":
        return check_maturity(argv[2], argv[3], argv[4], argv[5])
    print(__doc__, file=sys.stderr)
    return False


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv) else 1)
