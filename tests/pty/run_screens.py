#!/usr/bin/env python3
"""run_screens.py - the interview's screens fit the terminal.

The review screen at 24 rows: paged (Enter next page, 'p' back, a number
to change, 'q' to finish), every page within 24 rows and 80 columns, and
a wrong line explained above the prompt without the list again.  A window
resized during the interview: the help and the next question wrap to the
new width.  The review at 60 and 120 columns.  Note targeting and the
confirmation of 'skip'.
"""

import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep tests/pty/lib free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from harness import (BASIC, ROOT, Q_BACKUPS, Q_FUNDING, Q_MFA, Q_NAME, Q_RISK,
                     Q_STAGE, Q_TEAM, Q_TOOLS, Tap, Workspace, answer, finish,
                     transcript)

EXAMPLE = os.path.join(ROOT, "tests", "examples", "series-a-b2b-saas.json")
# Named by path: a sanitizer build has no questionnaires beside it.
DEFAULT = os.path.join(ROOT, "questionnaires", "cto-readiness.yaml")


def width(line):
    """Display columns, counted here (not by cto-assess)."""
    n = 0
    for c in line:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


def lines_of(text):
    text = re.sub("\x1b\\[[0-9;?]*[A-Za-z]", "", text)
    return text.replace("\r", "").split("\n")


def widest(text):
    return max(width(line) for line in lines_of(text))


def spawn(w, args, rows=24, cols=80):
    c = w.spawn(args)
    c.setwinsize(rows, cols)
    return c


def review_pages(tap):
    w = Workspace()
    try:
        c = spawn(w, ["run", "-q", DEFAULT, "--answers", EXAMPLE, "-o", "out"])
        c.expect_exact("Review your answers (page 1 of ")
        c.expect_exact("review> ")
        page1 = "Review your answers (page 1 of " + c.before
        total = re.match(r"Review your answers \(page 1 of (\d+)\)", page1)
        tap.ok("review: paged at 24 rows", total and int(total.group(1)) > 1,
               page1)
        # The heading's blank line, the page and the prompt's line.
        tap.ok("review: page 1 fits 24 rows",
               len(lines_of(page1)) + 1 <= 24, page1)
        tap.ok("review: page 1 fits 80 columns", widest(page1) <= 80, page1)
        tap.ok("review: whole question and answer, no '...'",
               "..." not in page1 and
               "How many people work in the company," in page1, page1)
        c.sendline("")
        c.expect_exact("Review your answers (page 2 of ")
        c.expect_exact("review> ")
        page2 = c.before
        tap.ok("review: Enter shows the next page, within 24 rows",
               len(lines_of(page2)) + 2 <= 24 and widest(page2) <= 80, page2)
        c.sendline("p")
        c.expect_exact("Review your answers (page 1 of ")
        c.expect_exact("review> ")
        c.sendline("nonsense")
        c.expect_exact("review> ")
        wrong = c.before
        tap.ok("review: a wrong line is explained above the prompt",
               "'nonsense' is not one of these. Type a number from 1 to 87"
               in wrong.replace("\r\n  ", " "), wrong)
        tap.ok("review: ... without the list again",
               "Review your answers" not in wrong and
               "What is your company called?" not in wrong, wrong)
        c.sendline("12")
        c.expect_exact("What worries you most about your technology?")
        c.expect_exact("> ")
        c.sendline("Nothing much")
        c.expect_exact("review> ")
        back = c.before
        tap.ok("review: after a change, the page of that answer",
               "Nothing much" in back and "(page 2 of" in back, back)
        c.sendline("q")
        c.expect_exact("Reports written:")
        status = finish(c)
        s = w.load("out/answers.json")
        tap.ok("review: q finishes and writes the reports",
               status == 0 and s["completed_at"] is not None and
               s["answers"]["biggest_worry"] == "Nothing much", transcript(c))
    finally:
        w.cleanup()


def review_widths(tap):
    for cols in (60, 120):
        w = Workspace()
        try:
            c = spawn(w, ["run", "-q", DEFAULT, "--answers", EXAMPLE, "-o", "out"],
                      cols=cols)
            c.expect_exact("Review your answers (page 1 of ")
            c.expect_exact("review> ")
            page = c.before
            tap.ok("review at %d columns fits" % cols,
                   widest(page) <= cols and len(lines_of(page)) + 2 <= 24,
                   page)
            if cols < 80:
                tap.ok("review at 60 columns: the answer under its question",
                       "-> Ledgerline" in page, page)
            c.sendline("quit")
            finish(c)
        finally:
            w.cleanup()


def resize(tap):
    w = Workspace()
    try:
        c = spawn(w, ["run", "-q", BASIC, "-o", "out"], cols=80)
        answer(c, Q_NAME, "Acme")
        c.expect_exact(Q_STAGE)
        c.expect_exact("> ")
        c.setwinsize(24, 60)
        c.sendline("?")
        c.expect_exact("The stage sets")
        c.expect_exact("> ")
        narrow = c.before
        tap.ok("resize: the help wraps to 60 columns after the window shrank",
               widest(narrow) <= 60 and "'quit'" in narrow, narrow)
        c.sendline("2")
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        tap.ok("resize: the next question fits 60 columns too",
               widest(c.before) <= 60, c.before)
        c.setwinsize(24, 120)
        c.sendline("?")
        c.expect_exact("At any prompt")
        c.expect_exact("> ")
        wide = "At any prompt" + c.before
        tap.ok("resize: and uses 120 columns once the window grew",
               80 < widest(wide) <= 120, wide)
        c.sendline("quit")
        finish(c)
    finally:
        w.cleanup()


def note_and_skip(tap):
    w = Workspace()
    try:
        with open(w.path("editor.sh"), "w") as f:
            f.write("#!/bin/sh\nprintf 'First paragraph.\\n\\nSecond "
                    "paragraph.\\n' >>\"$1\"\n")
        os.chmod(w.path("editor.sh"), 0o755)
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        answer(c, Q_NAME, "Acme")
        # Right after an answer: 'note -1' is on that answer.
        answer(c, Q_STAGE, "note -1")
        c.expect_exact("Note on: " + Q_NAME)
        c.expect_exact("note> ")
        c.sendline("Founded in 2024")
        c.expect_exact("Note saved.")
        c.expect_exact("> ")
        c.sendline("2")
        # 'note' says which question, and how to reach the previous one.
        answer(c, Q_MFA, "note")
        c.expect_exact("Note on: " + Q_MFA)
        c.expect_exact("'note -1' puts it on the previous answer instead")
        c.expect_exact("note> ")
        c.sendline("Only the cloud console")
        c.expect_exact("Note saved.")
        c.expect_exact("> ")
        c.sendline("y")
        answer(c, Q_TOOLS, "skip")
        c.expect_exact(Q_BACKUPS)
        skipped = c.before
        c.expect_exact("> ")
        tap.ok("skip: confirmed in one line, then the next question",
               skipped.count("Skipped") == 1 and
               "Skipped (it counts as a gap); 'back' returns to it.\r\n"
               in skipped, skipped)
        # A long note in the editor.
        c.sendline("note edit")
        c.expect_exact("Note on: " + Q_BACKUPS)
        c.expect_exact("Note saved.")
        c.expect_exact("> ")
        c.sendline("quit")
        status = finish(c)
        s = w.load("out/answers.json")
        tap.ok("note -1: on the answer just given", s["notes"].get(
            "company_name") == "Founded in 2024", s)
        tap.ok("note: on the question at the prompt",
               s["notes"].get("mfa") == "Only the cloud console", s)
        tap.ok("skip: recorded",
               s["answers"]["tools"] == {"status": "skipped"}, s)
        tap.ok("note edit: the editor's text, paragraphs kept",
               s["notes"].get("backups") ==
               "First paragraph.\n\nSecond paragraph.", s)
        tap.ok("note and skip: quit exits 0", status == 0, transcript(c))
    finally:
        w.cleanup()


def completion(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        answer(c, Q_NAME, "Acme")
        answer(c, Q_STAGE, "2")
        answer(c, Q_MFA, "y")
        c.expect_exact(Q_TOOLS)
        c.expect_exact("> ")
        # Tab twice on an empty line: every choice, numbered, in the
        # choices' order (alphabetically, deployment would come first).
        c.send("\t\t")
        c.expect_exact("\r\n> ")
        listed = c.before
        tap.ok("Tab lists the choices numbered, in their order",
               "  1. Continuous integration\r\n"
               "  2. Continuous deployment\r\n"
               "  3. Infrastructure as code" in listed, listed)
        # With 3 ticked, the matches of "Cont" leave it out.  The first
        # Tab inserts what they share; two more list them.
        c.send("3,Cont\t")
        c.expect_exact("3,Continuous ")
        c.send("\t\t")
        c.expect_exact("\r\n> ")
        listed = c.before
        tap.ok("Tab leaves a ticked choice out of the list",
               "  1. Continuous integration\r\n"
               "  2. Continuous deployment" in listed and
               "Infrastructure" not in listed, listed)
        # Continuous integration ticked: the one match left completes.
        c.send("\x15")  # Ctrl-U: a new line
        c.send("1, Cont\t")
        c.expect_exact("Continuous deployment")
        c.sendline("")
        c.expect_exact(Q_BACKUPS)
        c.expect_exact("> ")
        c.sendline("quit")
        finish(c)
        s = w.load("out/answers.json")
        tap.ok("Tab leaves out the choices already ticked",
               s["answers"]["tools"] == ["ci", "cd"], s)
    finally:
        w.cleanup()


def interrupt_redraw(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        c.expect_exact(Q_NAME)
        c.expect_exact("> ")
        c.send("Acme Rockets")
        c.expect_exact("Acme Rockets")
        c.send("\x02\x02\x02")  # Ctrl-B: the cursor inside the text
        c.send("\x03")
        c.expect_exact("Interrupted.")
        status = finish(c)
        out = transcript(c)
        tap.ok("Ctrl-C: no ^C drawn over the line", "^C" not in out, out)
        tap.ok("Ctrl-C: exit status 130", status == 130, out)
    finally:
        w.cleanup()


def people(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", DEFAULT, "-o", "out"])
        answer(c, "What is your company called?", "Acme")
        answer(c, "Which stage is the company at?", "2")
        answer(c, "How many people work in the company", "2.5")
        c.expect_exact("'2.5' is not a whole number")
        c.expect_exact("> ")
        c.sendline("1e3")
        c.expect_exact("'1e3' is not written as a whole number")
        c.expect_exact("> ")
        c.sendline("3")
        answer(c, "How many people build the product?", "5")
        c.expect_exact("'5' is more than the answer to 'How many people")
        c.expect_exact("type 5 again to keep it")
        c.expect_exact("> ")
        c.sendline("5")
        c.expect_exact("Is one of the founders technical")
        c.expect_exact("> ")
        c.sendline("quit")
        finish(c)
        s = w.load("out/answers.json")
        tap.ok("people: whole numbers; more builders kept when retyped",
               s["answers"]["team_size"] == 3 and
               s["answers"]["tech_headcount"] == 5, s)
    finally:
        w.cleanup()


def main():
    tap = Tap()
    tap.run("note and skip", note_and_skip)
    tap.run("completion", completion)
    tap.run("interrupt", interrupt_redraw)
    tap.run("people", people)
    tap.run("review pages", review_pages)
    tap.run("review widths", review_widths)
    tap.run("resize", resize)
    tap.done()


main()
