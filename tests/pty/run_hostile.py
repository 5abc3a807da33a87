#!/usr/bin/env python3
"""run_hostile.py - a hostile questionnaire cannot reach the terminal.

tests/run/hostile.yaml hides escape sequences (CSI, OSC, charset switches,
C1 controls) and control bytes (BEL, BS, CR, DEL) in every text the
interview prints: title, description, area title, questions, help, labels,
unit, scale labels, advice.  The run goes through every screen (welcome,
questions, help, an error, tab completion listing, review, the summary) and
the captured terminal output must contain none of them.  A pre-filled text
answer with an escape sequence is shown on the review screen too.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep tests/pty/lib free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from harness import FIXTURES, Tap, Workspace, finish, transcript

HOSTILE = os.path.join(FIXTURES, "hostile.yaml")


def bad_characters(text):
    """The control characters in text, except CR LF line ends."""
    bad = []
    for i, ch in enumerate(text):
        code = ord(ch)
        if ch == "\n":
            continue
        if ch == "\r" and text[i + 1:i + 2] == "\n":
            continue
        if code < 0x20 or code == 0x7f or 0x80 <= code < 0xa0:
            bad.append((i, hex(code)))
    return bad


def hostile_run(tap):
    w = Workspace()
    try:
        with open(w.path("pre.yaml"), "w") as f:
            f.write('answers:\n  company_name: "Evil \\e]0;x\\a Corp"\n')
        c = w.spawn(["run", "-q", HOSTILE, "-o", "out", "--answers",
                     "pre.yaml", "--color=never"])
        c.expect_exact("Pick one")
        c.expect_exact("> ")
        c.sendline("?")
        c.expect_exact("hidden.")
        c.expect_exact("> ")
        c.sendline("9")
        c.expect_exact("there is no choice 9")
        c.expect_exact("> ")
        # Tab twice lists every label that matches: here all of them.
        c.send("\t\t")
        c.expect_exact("Bold")
        c.expect_exact("> ")
        c.sendline("2")
        c.expect_exact("How many")
        c.expect_exact("> ")
        c.sendline("1")
        c.expect_exact("Scale")
        c.expect_exact("> ")
        c.sendline("?")
        c.expect_exact("reset.")
        c.expect_exact("> ")
        c.sendline("2")
        c.expect_exact("review> ")
        c.sendline("")
        c.expect_exact("Reports written:")
        status = finish(c)
        out = transcript(c)
        tap.ok("hostile: the run completes", status == 0 and "answered already" in out, out)
        tap.ok("hostile: the texts are shown, cleaned",
               "Evil ]0;pwned assessment [2J" in out and
               "Bold[0m choice" in out and "Evil ]0;x Corp" in out, out)
        bad = bad_characters(out)
        tap.ok("hostile: no escape sequence or control byte reached the "
               "terminal", not bad,
               "%s\n%r" % (bad[:10], out[max(0, bad[0][0] - 80):
                                           bad[0][0] + 40] if bad else ""))
        tap.ok("hostile: no ESC at all", "\x1b" not in out)
        s = w.load("out/answers.json")
        tap.ok("hostile: the answers are stored as given",
               s["answers"]["company_name"] == "Evil \x1b]0;x\x07 Corp" and
               s["answers"]["pick"] == "b", s)
    finally:
        w.cleanup()


def main():
    tap = Tap()
    tap.run("hostile", hostile_run)
    tap.done()


main()
