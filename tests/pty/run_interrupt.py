#!/usr/bin/env python3
"""run_interrupt.py - leaving an interview and resuming it.

Ctrl-C (with the terminal settings restored), Ctrl-D, kill -9, a hang-up,
'quit', and a questionnaire changed in between; each followed by --resume,
which must continue exactly where the interview stopped with every earlier
answer intact.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys

sys.dont_write_bytecode = True  # keep tests/pty/lib free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from harness import (BASIC, BIN, Q_BACKUPS, Q_FUNDING, Q_MFA, Q_NAME, Q_RISK,
                     Q_STAGE, Q_TEAM, Q_TOOLS, Tap, Workspace, answer,
                     finish, transcript)

RESUME_HINT = "cto-assess run --resume out/answers.json"


def shell_status(out):
    """The status the wrapping shell printed as "status=N", or None."""
    found = re.search(r"status=(\d+)", out)
    return int(found.group(1)) if found else None


def saved_answers(w):
    """The answers of out/answers.json as cto-assess reads them (the
    snapshot and its journal): {id: value} of the answered questions."""
    proc = subprocess.run([BIN, "report", "out/answers.json", "-q", BASIC,
                           "-f", "json", "-o", "-"], cwd=w.dir,
                          capture_output=True, check=False)
    if proc.returncode != 0:
        return {"report failed": proc.stderr.decode(errors="replace")}
    report = json.loads(proc.stdout)
    return {a["id"]: a["value"] for a in report["answers"]
            if a["status"] == "answered"}


def first_two(c):
    answer(c, Q_NAME, "Acme")
    answer(c, Q_STAGE, "2")


def resume_and_finish(w, first_question):
    """Resumes out/answers.json, answers what is asked from Q_MFA on."""
    c = w.spawn(["run", "--resume", "out/answers.json"])
    c.expect_exact("Welcome back")
    c.expect_exact(first_question)
    shown_first = transcript(c)
    replies = [(Q_MFA, "y"), (Q_TOOLS, "2"), (Q_BACKUPS, "3"),
               (Q_TEAM, "4")]
    started = False
    for question, reply in replies:
        if question == first_question:
            started = True
        if started:
            if question != first_question:
                c.expect_exact(question)
            c.expect_exact("> ")
            c.sendline(reply)
    answer(c, Q_FUNDING, "1")
    answer(c, Q_RISK, "Bus factor")
    c.expect_exact("review> ")
    c.sendline("")
    c.expect_exact("Reports written:")
    status = finish(c)
    return status, shown_first, transcript(c)


def ctrl_c(tap):
    w = Workspace()
    try:
        script = ('trap : INT; stty -g >before; "$0" run -q "$1" -o out; '
                  'echo "status=$?"; stty -g >after')
        c = w.spawn(["/bin/sh", "-c", script, BIN, BASIC], binary=False)
        first_two(c)
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        c.send("typed but not entered")
        c.expect_exact("not entered")
        c.sendintr()
        c.expect_exact("status=")
        finish(c)
        out = transcript(c)
        tap.ok("ctrl-c: exit status 130 and the resume command",
               shell_status(out) == 130 and
               "Interrupted. Your answers are saved in 'out/answers.json'."
               in out and RESUME_HINT in out, out)
        with open(w.path("before")) as f1, open(w.path("after")) as f2:
            before, after = f1.read(), f2.read()
        tap.ok("ctrl-c: terminal settings restored", before == after,
               "before: %s\nafter: %s" % (before, after))
        s = w.load("out/answers.json")
        tap.ok("ctrl-c: answers so far saved, typed text not",
               s["answers"] == {"company_name": "Acme", "stage": "seed"}, s)
        status, shown, out = resume_and_finish(w, Q_MFA)
        tap.ok("ctrl-c: resume continues at the interrupted question",
               Q_NAME not in shown.split("Welcome back")[1] and
               Q_STAGE not in shown.split("Welcome back")[1], shown)
        s = w.load("out/answers.json")
        tap.ok("ctrl-c: resumed run completes with earlier answers intact",
               status == 0 and s["answers"]["company_name"] == "Acme" and
               s["answers"]["stage"] == "seed" and
               s["answers"]["mfa"] == "yes" and
               s["completed_at"] is not None, out)
    finally:
        w.cleanup()


def ctrl_backslash(tap):
    """Ctrl-\\ (SIGQUIT) ends like Ctrl-C: saved, terminal restored, the
    resume command, exit status 131 (128 + 3)."""
    w = Workspace()
    try:
        script = ('trap : QUIT; stty -g >before; "$0" run -q "$1" -o out; '
                  'echo "status=$?"; stty -g >after')
        c = w.spawn(["/bin/sh", "-c", script, BIN, BASIC], binary=False)
        first_two(c)
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        c.send("typed")
        c.expect_exact("typed")
        c.sendcontrol("\\")
        c.expect_exact("status=")
        finish(c)
        out = transcript(c)
        tap.ok("ctrl-\\: exit status 131", shell_status(out) == 131, out)
        tap.ok("ctrl-\\: the answers are saved and the resume command shown",
               "Interrupted. Your answers are saved in 'out/answers.json'."
               in out and RESUME_HINT in out, out)
        with open(w.path("before")) as f1, open(w.path("after")) as f2:
            before, after = f1.read(), f2.read()
        tap.ok("ctrl-\\: terminal settings restored", before == after,
               "before: %s\nafter: %s" % (before, after))
        s = w.load("out/answers.json")
        tap.ok("ctrl-\\: answers so far saved, typed text not",
               s["answers"] == {"company_name": "Acme", "stage": "seed"}, s)
    finally:
        w.cleanup()


def ctrl_d(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        first_two(c)
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        c.sendeof()
        c.expect_exact("Stopped (end of input). Your answers are saved in "
                       "'out/answers.json'.")
        c.expect_exact(RESUME_HINT)
        status = finish(c)
        tap.ok("ctrl-d: exit status 0 and the resume command", status == 0,
               transcript(c))
        status, shown, out = resume_and_finish(w, Q_MFA)
        s = w.load("out/answers.json")
        tap.ok("ctrl-d: resume continues where it stopped, answers intact",
               status == 0 and Q_STAGE not in shown.split("Welcome back")[1]
               and s["answers"]["stage"] == "seed" and
               s["answers"]["tools"] == ["cd"], out)
    finally:
        w.cleanup()


def kill_9(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        first_two(c)
        answer(c, Q_MFA, "n")
        c.expect_exact(Q_TOOLS)
        c.expect_exact("> ")
        c.kill(signal.SIGKILL)
        status = finish(c)
        tap.ok("kill -9: the program was killed", status == 128 + 9, status)
        # The last answers are in the journal beside the snapshot: read
        # both the way cto-assess does, through a report.
        s = saved_answers(w)
        tap.ok("kill -9: every answer before the kill is saved",
               s == {"company_name": "Acme", "stage": "seed", "mfa": "no"},
               s)
        # The lock file stays (its holder was killed) but is not held.
        tap.ok("kill -9: no temporary file left beside the session",
               sorted(os.listdir(w.path("out"))) ==
               ["answers.json", "answers.json.journal", "answers.json.lock"],
               os.listdir(w.path("out")))
        status, shown, out = resume_and_finish(w, Q_TOOLS)
        s = w.load("out/answers.json")
        tap.ok("kill -9: resume continues at the next question",
               Q_MFA not in shown.split("Welcome back")[1], shown)
        tap.ok("kill -9: resume takes the stale lock over silently",
               "in use" not in out and
               "answers.json.lock" not in os.listdir(w.path("out")),
               "%s\n%s" % (out, os.listdir(w.path("out"))))
        tap.ok("kill -9: every earlier answer intact after the resume",
               status == 0 and s["answers"]["mfa"] == "no" and
               s["answers"]["company_name"] == "Acme" and
               s["answers"]["tools"] == ["cd"], s)
    finally:
        w.cleanup()


def hang_up(tap):
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        first_two(c)
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        c.kill(signal.SIGHUP)
        status = finish(c)
        s = w.load("out/answers.json")
        tap.ok("hang-up: exit status 129, answers saved",
               status == 129 and len(s["answers"]) == 2,
               "%s\n%s" % (status, transcript(c)))
    finally:
        w.cleanup()


def quit_and_changed_questionnaire(tap):
    w = Workspace()
    try:
        qfile = w.path("q.yaml")
        shutil.copy(BASIC, qfile)
        c = w.spawn(["run", "-q", "q.yaml", "-o", "out"])
        first_two(c)
        answer(c, Q_MFA, "y")
        c.expect_exact(Q_TOOLS)
        c.expect_exact("> ")
        c.sendline("quit")
        c.expect_exact("Stopped. Your answers are saved")
        c.expect_exact(RESUME_HINT)
        tap.ok("quit: exit status 0", finish(c) == 0, transcript(c))
        with open(qfile) as f:
            text = f.read()
        with open(qfile, "w") as f:
            f.write(text.replace("- id: mfa\n", "- id: admin_mfa\n"))
        saved = w.load("out/answers.json")

        c = w.spawn(["run", "--resume", "out/answers.json"])
        c.expect_exact("the questionnaire changed since this session was "
                       "saved")
        c.expect_exact("kept aside")
        c.expect_exact("[y/N] ")
        c.sendline("n")
        status = finish(c)
        tap.ok("changed questionnaire: 'n' leaves the session untouched",
               status == 1 and w.load("out/answers.json") == saved,
               transcript(c))

        c = w.spawn(["run", "--resume", "out/answers.json"])
        c.expect_exact("[y/N] ")
        c.sendline("y")
        c.expect_exact("Welcome back")
        answer(c, Q_MFA, "n")
        c.expect_exact(Q_TOOLS)
        c.expect_exact("> ")
        c.sendline("quit")
        finish(c)
        s = w.load("out/answers.json")
        tap.ok("changed questionnaire: the removed question's answer is "
               "kept in orphans",
               s.get("orphans") == {"answers": {"mfa": "yes"}} and
               s["answers"].get("admin_mfa") == "no", s)
        tap.ok("changed questionnaire: the session records the new hash",
               s["questionnaire"]["hash"] != saved["questionnaire"]["hash"],
               s["questionnaire"])
    finally:
        w.cleanup()


def pipe_sigint(tap):
    """Without a terminal, SIGINT at a prompt ends the same way."""
    w = Workspace()
    try:
        proc = subprocess.Popen([BIN, "run", "-q", BASIC, "-o", "out"],
                                cwd=w.dir, env=w.env(),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        proc.stdin.write(b"Acme\n")
        proc.stdin.flush()
        seen = b""
        while Q_STAGE.encode() not in seen or not seen.endswith(b"> "):
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        s = w.load("out/answers.json")
        tap.ok("pipe sigint: exit 130 with the resume command",
               proc.returncode == 130 and RESUME_HINT.encode() in err,
               "%s %r" % (proc.returncode, err))
        tap.ok("pipe sigint: the answer before is saved",
               s["answers"] == {"company_name": "Acme"}, s)
    finally:
        w.cleanup()


def save_fails(tap):
    """A save that fails half-way ends the interview with a message naming
    the file and the cause and a non-zero status, never a crash or a
    silent loss.  Each answer is appended to the session's journal; here
    the journal cannot be written (a directory stands in its place)."""
    w = Workspace()
    try:
        c = w.spawn(["run", "-q", BASIC, "-o", "out"])
        first_two(c)
        c.expect_exact(Q_MFA)
        c.expect_exact("> ")
        os.remove(w.path("out", "answers.json.journal"))
        os.mkdir(w.path("out", "answers.json.journal"))
        c.sendline("y")
        status = finish(c)
        out = transcript(c)
        tap.ok("save fails: exits 1", status == 1, out)
        tap.ok("save fails: names the file and the cause",
               "cannot open 'out/answers.json.journal': Is a directory"
               in out, out)
    finally:
        w.cleanup()


def main():
    tap = Tap()
    tap.run("ctrl-c", ctrl_c)
    tap.run("ctrl-\\", ctrl_backslash)
    tap.run("ctrl-d", ctrl_d)
    tap.run("kill -9", kill_9)
    tap.run("hang-up", hang_up)
    tap.run("quit", quit_and_changed_questionnaire)
    tap.run("pipe sigint", pipe_sigint)
    tap.run("save fails", save_fails)
    tap.done()


main()
