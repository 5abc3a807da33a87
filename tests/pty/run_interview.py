#!/usr/bin/env python3
"""run_interview.py - the interview through a real pseudo-terminal.

A full run to the written reports; the commands at the prompt (?, back,
skip, note, na); tab completion of labels; an invalid answer then a valid
one; the review screen changing an answer.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep tests/pty/lib free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from harness import (BASIC, Q_BACKUPS, Q_FUNDING, Q_MFA, Q_NAME, Q_RISK,
                     Q_STAGE, Q_TEAM, Q_TOOLS, Tap, Workspace, answer,
                     finish, transcript)


def full_run(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        # basic.yaml has one conditional question: a range until the
        # answers decide it.
        c.expect_exact("Between 7 and 8 questions, depending on your company")
        c.expect_exact("'?' or 'help'")
        answer(c, Q_NAME, "Acme Rockets")
        answer(c, Q_STAGE, "2")
        c.expect_exact("Security 1/6 - question 3 of 8")
        answer(c, Q_MFA, "y")
        answer(c, Q_TOOLS, "1,3")
        answer(c, Q_BACKUPS, "4")
        answer(c, Q_TEAM, "7")
        answer(c, Q_FUNDING, "Six")
        answer(c, Q_RISK, "The database has no replica")
        c.expect_exact("Review your answers")
        c.expect_exact("review> ")
        c.sendline("")
        c.expect_exact("Reports written:")
        status = finish(c)
        out = transcript(c)
        tap.ok("full run: exit status 0", status == 0, out)
        tap.ok("full run: progress counts the questions that apply",
               "Company profile 1/2 - question 1 of 8" in out and
               "Security 6/6 - question 8 of 8" in out, out)
        for name in ("report.md", "report.json", "report.html",
                     "action-plan.csv"):
            tap.ok("full run: wrote out/" + name,
                   os.path.isfile(w.path("out", name)), out)
        tap.ok("full run: the summary is printed",
               "Overall" in out, out)
        s = w.load("out/answers.json")
        tap.ok("full run: session holds every answer",
               s["answers"] == {
                   "company_name": "Acme Rockets", "stage": "seed",
                   "mfa": "yes", "tools": ["ci", "iac"], "backups": 4,
                   "team_size": 7, "funding": "long",
                   "biggest_risk": "The database has no replica"},
               s["answers"])
        tap.ok("full run: session is marked complete",
               s["completed_at"] is not None and
               s["company"] == {"name": "Acme Rockets", "stage": "seed"},
               s)
    finally:
        w.cleanup()


def keys(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        c.expect_exact(Q_NAME)
        c.expect_exact("> ")
        c.sendline("back")
        c.expect_exact("This is the first question.")
        c.expect_exact("> ")
        c.sendline("?")
        c.expect_exact("There is no help text for this question.")
        c.expect_exact("> ")
        c.sendline("Acme")

        # Tab completes a unique start of a label, in any case.
        c.expect_exact(Q_STAGE)
        c.expect_exact("> ")
        c.sendline("?")
        c.expect_exact("The stage sets the targets")
        c.expect_exact("> ")
        c.send("see\t")
        c.expect_exact("Seed")
        c.send("\r")

        # An invalid answer is explained, then a valid one is taken.
        answer(c, Q_MFA, "maybe")
        c.expect_exact("'maybe' is not one of the choices")
        c.expect_exact("> ")
        c.sendline("y")

        # Completion after a comma in a multiple-choice answer.
        c.expect_exact(Q_TOOLS)
        c.expect_exact("> ")
        c.send("Continuous i\t")
        c.expect_exact("Continuous integration")
        c.sendline(",3")

        # note, then skip: the note stays with the skipped answer.
        answer(c, Q_BACKUPS, "7")
        c.expect_exact("'7' is out of range; type a whole number from 1 to 5")
        c.expect_exact("> ")
        c.sendline("note")
        c.expect_exact("note> ")
        c.sendline("restored once, in 2025")
        c.expect_exact("Note saved.")
        c.expect_exact("> ")
        c.sendline("skip")

        # back returns to the previous question with its answer as default.
        answer(c, Q_TEAM, "back")
        c.expect_exact(Q_BACKUPS)
        c.expect_exact("Current answer: Skipped (Enter keeps it)")
        c.expect_exact("Note: restored once, in 2025")
        c.expect_exact("> ")
        c.sendline("")
        answer(c, Q_TEAM, "dk")
        answer(c, Q_FUNDING, "2")
        answer(c, Q_RISK, "back")
        c.expect_exact(Q_FUNDING)
        c.expect_exact("Current answer: Six months or more")
        c.expect_exact("> ")
        c.sendline("1")
        answer(c, Q_RISK, "Hiring")

        # The review lists the answers, notes in full; changing number 3
        # asks MFA again.
        c.expect_exact("Review your answers")
        c.expect_exact("Skipped")
        c.expect_exact("Note: restored once, in 2025")
        c.expect_exact("review> ")
        c.sendline("42")
        c.expect_exact("Type a number from 1 to 8")
        c.expect_exact("review> ")
        c.sendline("3")
        c.expect_exact(Q_MFA)
        c.expect_exact("Current answer: Yes (Enter keeps it)")
        c.expect_exact("> ")
        c.sendline("n")
        c.expect_exact("Review your answers")
        c.expect_exact("review> ")
        c.sendline("")
        c.expect_exact("Reports written:")
        status = finish(c)
        out = transcript(c)
        s = w.load("out/answers.json")
        a = s["answers"]
        tap.ok("keys: exit status 0", status == 0, out)
        tap.ok("keys: tab completed the stage label", a["stage"] == "seed", a)
        tap.ok("keys: invalid then valid answer", "maybe" not in str(a), a)
        tap.ok("keys: tab completion after a comma",
               a["tools"] == ["ci", "iac"], a)
        tap.ok("keys: skip is recorded", a["backups"] == {"status": "skipped"},
               a)
        tap.ok("keys: note kept on the skipped answer",
               s["notes"] == {"backups": "restored once, in 2025"}, s)
        tap.ok("keys: don't know on a number question",
               a["team_size"] == {"status": "dont_know"}, a)
        tap.ok("keys: back, then a changed answer",
               a["funding"] == "short", a)
        tap.ok("keys: review changed an answer", a["mfa"] == "no", a)
        tap.ok("keys: the last answer", a["biggest_risk"] == "Hiring", a)
    finally:
        w.cleanup()


def review_new_question(tap):
    """A change on the review screen can make another question apply."""
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        answer(c, Q_NAME, "Acme")
        answer(c, Q_STAGE, "idea")
        c.expect_exact("question 3 of 7")
        answer(c, Q_MFA, "n")
        answer(c, Q_TOOLS, "none")
        answer(c, Q_BACKUPS, "1")
        answer(c, Q_TEAM, "2")
        answer(c, Q_RISK, "All of it")
        c.expect_exact("review> ")
        c.sendline("2")
        answer(c, Q_STAGE, "Seed")
        c.expect_exact("question 7 of 8")
        c.expect_exact(Q_FUNDING)
        c.expect_exact("> ")
        c.sendline("1")
        c.expect_exact("review> ")
        c.sendline("quit")
        status = finish(c)
        out = transcript(c)
        s = w.load("out/answers.json")
        tap.ok("review: a question that now applies is asked",
               s["answers"].get("funding") == "short" and
               s["answers"]["tools"] == [], s)
        tap.ok("review: quit leaves with status 0 and the resume command",
               status == 0 and
               "cto-assess run --resume out/answers.json" in out and
               s["completed_at"] is None, out)
    finally:
        w.cleanup()


NA = os.path.join(os.path.dirname(BASIC), "na.yaml")
Q_CARDS = "Do card numbers stay out of your servers?"


def not_applicable(tap):
    """'na' where a question allows it asks why and records the reason;
    where it does not, it is refused and the question asked again."""
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", NA, "-o", "out"])
        answer(c, Q_NAME, "Acme")
        answer(c, Q_MFA, "na")
        c.expect_exact('"not applicable" is not an answer to this question')
        c.expect_exact("> ")
        c.sendline("y")
        c.expect_exact(Q_CARDS)
        c.expect_exact("> ")
        c.sendline("?")
        c.expect_exact("'na' answers that the question does not apply")
        c.expect_exact("> ")
        c.sendline("na")
        c.expect_exact("Why does this not apply, for example because you "
                       "take no payments yet?")
        c.expect_exact("reason> ")
        c.sendline("We take no payments yet")
        c.expect_exact("Review your answers")
        c.expect_exact("Not applicable: We take")
        c.expect_exact("review> ")
        c.sendline("")
        c.expect_exact("Reports written:")
        status = finish(c)
        out = transcript(c)
        tap.ok("na: exit status 0", status == 0, out)
        s = w.load("out/answers.json")
        tap.ok("na: the session records it with its reason",
               s["answers"] == {
                   "company_name": "Acme", "mfa": "yes",
                   "cards": {"status": "not_applicable",
                             "reason": "We take no payments yet"}},
               s["answers"])
        with open(w.path("out", "report.md")) as f:
            md = f.read()
        tap.ok("na: the report lists it with the reason, in no score",
               "| Checks | Do card numbers stay out of your servers? | "
               "We take no payments yet |" in md and
               "Checks**: 100.0" in md, md)
    finally:
        w.cleanup()


def main():
    tap = Tap()
    tap.run("full run", full_run)
    tap.run("keys", keys)
    tap.run("review", review_new_question)
    tap.run("not applicable", not_applicable)
    tap.done()


main()
