"""harness.py - shared helpers of the pseudo-terminal tests of `cto-assess run`.

Each test script in tests/pty/ imports this module, drives the binary named by
$CTO_ASSESS through a real pseudo-terminal with pexpect, and prints TAP.  The
terminal is made predictable: TERM=dumb, an INPUTRC that turns bracketed
paste and the bell off, a UTF-8 locale and an 80x24 window.
"""

import json
import os
import shutil
import sys
import tempfile
import traceback

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(ROOT, "tests", "run")
BASIC = os.path.join(FIXTURES, "basic.yaml")
BIN = os.environ.get("CTO_ASSESS") or os.path.join(ROOT, "cto-assess")
TIMEOUT = 15

INPUTRC = "set enable-bracketed-paste off\nset bell-style none\n"


class Tap:
    """Counts and prints TAP lines; exits non-zero when a test failed."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, name, cond, diag=""):
        self.count += 1
        if cond:
            print("ok %d - %s" % (self.count, name))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.count, name))
            for line in str(diag).splitlines()[-40:]:
                print("#   " + line)
        sys.stdout.flush()
        return cond

    def run(self, name, func):
        """Runs one scenario; an exception (a timeout) is one failure."""
        try:
            func(self)
        except Exception:
            self.ok(name + " (completed without an exception)", False,
                    traceback.format_exc())

    def done(self):
        print("1..%d" % self.count)
        sys.exit(1 if self.failed or not self.count else 0)


class Workspace:
    """A temporary directory with an INPUTRC, removed at the end."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="cto-pty.")
        self.inputrc = os.path.join(self.dir, ".inputrc")
        with open(self.inputrc, "w") as f:
            f.write(INPUTRC)

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def env(self):
        env = dict(os.environ)
        env.update(TERM="dumb", INPUTRC=self.inputrc, LC_ALL="C.UTF-8",
                   HOME=self.dir)
        env.pop("NO_COLOR", None)
        env.pop("FORCE_COLOR", None)
        env.pop("COLUMNS", None)
        # 'note edit' runs the workspace's editor.sh, if a test wrote one.
        env.pop("VISUAL", None)
        env["EDITOR"] = self.path("editor.sh")
        return env

    def spawn(self, args, binary=True):
        """Starts cto-assess (or, with binary=False, args[0]) in a pty."""
        command = BIN if binary else args[0]
        argv = args if binary else args[1:]
        child = pexpect.spawn(command, argv, cwd=self.dir, env=self.env(),
                              encoding="utf-8", codec_errors="replace",
                              timeout=TIMEOUT, dimensions=(24, 80))
        child.transcript = []
        child.logfile_read = _Recorder(child.transcript)
        return child

    def load(self, name):
        with open(self.path(name)) as f:
            return json.load(f)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class _Recorder:
    """Keeps everything the program printed, for assertions and diagnostics."""

    def __init__(self, sink):
        self.sink = sink

    def write(self, data):
        self.sink.append(data)

    def flush(self):
        pass


def transcript(child):
    return "".join(child.transcript)


def answer(child, question, reply):
    """Waits for question and its prompt, then types reply and Enter."""
    child.expect_exact(question)
    child.expect_exact("> ")
    child.sendline(reply)


def finish(child):
    """Waits for the program to end; returns its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    if child.exitstatus is not None:
        return child.exitstatus
    return 128 + child.signalstatus


# The questions of tests/run/basic.yaml, in asking order.
Q_NAME = "What is the company called?"
Q_STAGE = "What stage is the company at?"
Q_MFA = "Do all admin accounts use two-factor login?"
Q_TOOLS = "Which of these does the team use?"
Q_BACKUPS = "How confident are you in your backups?"
Q_TEAM = "How many engineers work on the product?"
Q_FUNDING = "How many months of runway does the company have?"
Q_RISK = "What is the biggest technical risk today?"
