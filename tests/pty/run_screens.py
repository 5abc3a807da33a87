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
        c = spawn(w, ["run", "--answers", EXAMPLE, "-o", "out"])
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
            c = spawn(w, ["run", "--answers", EXAMPLE, "-o", "out"],
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


def main():
    tap = Tap()
    tap.run("review pages", review_pages)
    tap.run("review widths", review_widths)
    tap.run("resize", resize)
    tap.done()


main()
