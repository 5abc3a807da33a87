#!/usr/bin/env python3
"""gen-companies.py - answers files for made-up companies, to try
cto-assess as a consultant would (tests/cli/consultant.sh).

usage: gen-companies.py LIST_JSON QUESTIONNAIRE OUTDIR COUNT [SEED]

LIST_JSON is what `cto-assess list -q QUESTIONNAIRE -f json` prints.  Writes
OUTDIR/<company>/answers.json for COUNT companies, and OUTDIR/../team/
{ceo,lead,agency}.json: three respondents of one company who disagree on
about one question in four.

The stages are fixed, not drawn: of every ten companies four are at seed,
three at series-a, two at pre-seed and one at idea (the remaining stages
of the questionnaire, if any, get none).  Each company has a maturity m
between 0.1 and 0.9 and answers every question near m: the choice at m
along its choices ordered by score (with some noise), boxes ticked with
probability m, scales and bands at m of their range; one unknown question
in twenty is "don't know" where the question offers it.  The same SEED
gives the same files.
"""

import json
import os
import random
import sys

NAMES = ["Acorn", "Bluefin", "Copperleaf", "Driftwood", "Ember", "Fjord",
         "Glasswing", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lantern",
         "Meridian", "Nimbus", "Orchard", "Pinecone", "Quarry", "Riverbend",
         "Saltmarsh", "Tidewater", "Umber", "Vantage", "Willow", "Yarrow"]
STAGES = ["seed", "series-a", "seed", "pre-seed", "series-a", "seed",
          "idea", "series-a", "seed", "pre-seed"]
TEXTS = ["Hiring a second senior engineer", "The database has no replica",
         "Our agency owns the cloud account", "Nobody knows the deploy",
         "Python, Postgres and React on AWS"]


def near(rng, m, n):
    """An index among n ordered items near m (0-1)."""
    i = round(m * (n - 1) + rng.gauss(0, 0.2 * (n - 1)))
    return max(0, min(n - 1, i))


def answer_for(rng, q, m):
    """One answer to question q at maturity m (None: leave it out)."""
    kind = q["type"]
    if q.get("dont_know") and rng.random() < 0.05:
        return {"status": "dont_know"}
    if kind in ("single", "yesno"):
        choices = sorted(q["choices"], key=lambda c: c.get("score", 0))
        return choices[near(rng, m, len(choices))]["id"]
    if kind == "multi":
        return [c["id"] for c in q["choices"]
                if c.get("score", 0) > 0 and rng.random() < m]
    if kind == "scale":
        lo, hi = q["min"], q["max"]
        return lo + near(rng, m, int(hi - lo) + 1)
    if kind == "number":
        bands = q.get("bands")
        if bands:
            band = bands[near(rng, m, len(bands))]
            return max(band["min"], q.get("min", band["min"]))
        return q.get("min", 0) + rng.randint(1, 20)
    return rng.choice(TEXTS)


def company(rng, listing, name, stage, m):
    answers = {}
    for area in listing["areas"]:
        for q in area["questions"]:
            if q["id"] == listing.get("name_question"):
                answers[q["id"]] = name
            elif q["id"] == listing.get("stage_question"):
                answers[q["id"]] = stage
            else:
                answers[q["id"]] = answer_for(rng, q, m)
    return answers


def document(listing, path, answers, day, respondent=None):
    at = "2026-%02d-%02dT10:00:00Z" % (1 + day % 11, 1 + day % 27)
    doc = {"schema": "cto-assess/answers/1",
           "questionnaire": {"id": listing["id"], "path": path},
           "created_at": at, "updated_at": at, "completed_at": at}
    if respondent:
        doc["respondent"] = respondent
    doc["answers"] = answers
    return doc


def write(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def team(rng, listing, path, out):
    """Three respondents of one company: the lead developer changes about
    one answer in four of the CEO's, the agency about one in five."""
    base = company(rng, listing, "Tidewater", "seed", 0.7)
    people = [("ceo", "Ana", "CEO", 0.0, 0.7),
              ("lead", "Ben", "Lead developer", 0.25, 0.3),
              ("agency", "Cy", "Agency", 0.2, 0.5)]
    for name, who, role, change, m in people:
        answers = dict(base)
        for area in listing["areas"]:
            for q in area["questions"]:
                if q["id"] in (listing.get("name_question"),
                               listing.get("stage_question")):
                    continue
                if rng.random() < change:
                    answers[q["id"]] = answer_for(rng, q, m)
        write(os.path.join(out, name + ".json"),
              document(listing, path, answers, 300,
                       {"name": who, "role": role}))


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        listing = json.load(f)
    path, outdir, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) == 6 else 15)
    stages = {c["id"] for a in listing["areas"] for q in a["questions"]
              if q["id"] == listing.get("stage_question")
              for c in q["choices"]}
    for i in range(count):
        name = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else
                                        " %d" % (i // len(NAMES) + 1))
        stage = STAGES[i % len(STAGES)]
        if stage not in stages:
            stage = sorted(stages)[0]
        m = 0.1 + 0.8 * rng.random()
        slug = name.lower().replace(" ", "-")
        write(os.path.join(outdir, slug, "answers.json"),
              document(listing, path, company(rng, listing, name, stage, m),
                       i))
    team(rng, listing, path, os.path.join(outdir, "..", "team"))


if __name__ == "__main__":
    main()
