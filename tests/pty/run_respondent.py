#!/usr/bin/env python3
"""run_respondent.py - `run --respondent` through a real pseudo-terminal.

The interview names who answers before the first question, records the
respondent in the session file, keeps them across Ctrl-C and --resume,
and the reports name them beside the company; then two such sessions and
a third file merge, and the merged report says where they disagree.
"""

import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep tests/pty/lib free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from harness import (BASIC, BIN, Q_BACKUPS, Q_FUNDING, Q_MFA, Q_NAME, Q_RISK,
                     Q_STAGE, Q_TEAM, Q_TOOLS, Tap, Workspace, answer,
                     finish, transcript)


def interview(w, out, respondent, replies, interrupt_after=None):
    """Runs the interview of tests/run/basic.yaml as respondent."""
    c = w.spawn(["run", "-q", BASIC, "-o", out, "--respondent", respondent])
    c.expect_exact("Answering as: ")
    for i, (question, reply) in enumerate(replies):
        if interrupt_after is not None and i == interrupt_after:
            c.expect_exact(question)
            c.expect_exact("> ")
            c.sendintr()
            return c
        answer(c, question, reply)
    c.expect_exact("review> ")
    c.sendline("")
    c.expect_exact("Reports written:")
    return c


LEAD = [(Q_NAME, "Acme"), (Q_STAGE, "2"), (Q_MFA, "n"), (Q_TOOLS, "1"),
        (Q_BACKUPS, "1"), (Q_TEAM, "dk"), (Q_FUNDING, "2"),
        (Q_RISK, "The database")]
CEO = [(Q_NAME, "Acme"), (Q_STAGE, "2"), (Q_MFA, "y"), (Q_TOOLS, "1,2,3"),
       (Q_BACKUPS, "5"), (Q_TEAM, "4"), (Q_FUNDING, "2"), (Q_RISK, "Hiring")]


def respondent_recorded(tap):
    w = Workspace()
    try:
        c = interview(w, "ben", " Ben ,  Lead developer ", LEAD)
        status = finish(c)
        out = transcript(c)
        tap.ok("respondent: exit status 0", status == 0, out)
        tap.ok("respondent: named before the first question",
               out.index("Answering as: Ben (Lead developer)") <
               out.index(Q_NAME), out)
        s = w.load("ben/answers.json")
        tap.ok("respondent: recorded in the session, trimmed",
               s.get("respondent") == {"name": "Ben",
                                       "role": "Lead developer"}, s)
        with open(w.path("ben", "report.md")) as f:
            md = f.read()
        tap.ok("respondent: the report names them",
               "| Respondent | Ben (Lead developer) |" in md, md[:800])
        with open(w.path("ben", "report.json")) as f:
            r = json.load(f)
        tap.ok("respondent: the JSON report names them",
               r.get("respondents") == [{"name": "Ben",
                                          "role": "Lead developer",
                                          "source": None,
                                          "completed_at": None}],
               r.get("respondents"))
    finally:
        w.cleanup()


def respondent_resumed_and_merged(tap):
    w = Workspace()
    try:
        # Ana stops at the fourth question with Ctrl-C, then resumes:
        # the respondent stays without being named again.
        c = interview(w, "ana", "Ana, CEO", CEO, interrupt_after=3)
        status = finish(c)
        tap.ok("interrupted: exit status 130", status == 130,
               transcript(c))
        s = w.load("ana/answers.json")
        tap.ok("interrupted: the respondent is saved",
               s.get("respondent") == {"name": "Ana", "role": "CEO"}, s)
        c = w.spawn(["run", "--resume", "ana/answers.json"])
        for question, reply in CEO[3:]:
            answer(c, question, reply)
        c.expect_exact("review> ")
        c.sendline("")
        c.expect_exact("Reports written:")
        status = finish(c)
        out = transcript(c)
        tap.ok("resumed: exit status 0", status == 0, out)
        tap.ok("resumed: not named again", "Answering as" not in out, out)
        s = w.load("ana/answers.json")
        tap.ok("resumed: the respondent is kept",
               s.get("respondent") == {"name": "Ana", "role": "CEO"}, s)
        c = interview(w, "ben", "Ben, Lead developer", LEAD)
        finish(c)
        with open(w.path("agency.yaml"), "w") as f:
            f.write("answers: {company_name: Acme, stage: seed, mfa: yes,"
                    " tools: [ci], backups: 3, team_size: 6,"
                    " funding: long, biggest_risk: Hiring}\n")
        proc = subprocess.run(
            [BIN, "merge", "ana/answers.json", "ben/answers.json",
             "agency.yaml", "-o", "team.json"], cwd=w.dir,
            capture_output=True, text=True, check=False)
        tap.ok("merge of two interviews and a file: exit 0",
               proc.returncode == 0, proc.stderr)
        tap.ok("merge: names them, by name or file",
               "merged 3 respondents (Ana (CEO), Ben (Lead developer), "
               "agency)" in proc.stderr, proc.stderr)
        proc = subprocess.run([BIN, "report", "team.json", "-f", "md",
                               "-o", "-"], cwd=w.dir, capture_output=True,
                              text=True, check=False)
        tap.ok("merged report: where you disagree",
               "## Where you disagree" in proc.stdout and
               "   - Ana (CEO): Yes\n   - Ben (Lead developer): No\n"
               "   - agency: Yes\n" in proc.stdout, proc.stdout)
    finally:
        w.cleanup()


def main():
    tap = Tap()
    tap.run("respondent recorded", respondent_recorded)
    tap.run("respondent resumed and merged", respondent_resumed_and_merged)
    tap.done()


if __name__ == "__main__":
    main()
