"""SIGTERM: the reply in flight finishes, the process exits 0 without a traceback."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

WORKER = textwrap.dedent("""
    import sys, time
    from bot.runtime import shutdown

    stop = shutdown.install(on_stop=[lambda: print("callback ran", flush=True)])
    mode = sys.argv[1]
    if mode == "idle":
        print("waiting", flush=True)
        sys.stdin.read()             # blocks: SIGTERM must end it
        print("stdin closed", flush=True)
    else:
        with stop.busy():
            print("reply started", flush=True)
            deadline = time.monotonic() + 20
            while not stop.requested and time.monotonic() < deadline:
                time.sleep(0.01)     # the reply is still being worked on when SIGTERM arrives
            time.sleep(0.2)
            print("reply finished", flush=True)
        print("after the reply: must not be reached", flush=True)
""")


def _start(args: list[str], tmp_path: Path, **kw) -> subprocess.Popen[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kw)


@pytest.mark.parametrize("mode", ["busy", "idle"])
def test_sigterm_helper(mode: str, tmp_path: Path) -> None:
    proc = _start([sys.executable, "-c", WORKER, mode], tmp_path)
    first = proc.stdout.readline()
    assert first.strip() in ("reply started", "waiting")
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "callback ran" in out
    if mode == "busy":
        assert "reply finished" in out and "must not be reached" not in out
    else:
        assert "stdin closed" not in out


def test_sigterm_during_cli_replies(tmp_path: Path) -> None:
    """`interview-bot ask -` answering a stream of questions: SIGTERM lets the current reply finish."""
    from bot.answer.answerer import clean_question
    from corpus.loader import load_bundled

    questions = [p.text[:30].replace("\n", " ") for p in load_bundled().passages[:400]]
    proc = _start([sys.executable, "-m", "bot.adapters.cli", "ask", "-", "--json"], tmp_path)
    proc.stdin.write(questions[0] + "\n")
    proc.stdin.flush()
    first = proc.stdout.readline()  # the library is loaded and a reply went out
    assert json.loads(first)["query"]
    proc.stdin.write("\n".join(questions[1:]) + "\n")  # many replies now in progress ...
    proc.stdin.flush()
    time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)  # ... one of them in flight
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    replies = [json.loads(line) for line in out.splitlines()]  # every line is a complete reply
    assert len(replies) < len(questions)  # it stopped early
    assert [r["query"] for r in replies] == [clean_question(q) for q in questions[1:len(replies) + 1]]
    assert re.search(r"SIGTERM: stopping after [01] reply\(ies\) in flight", err)  # 0: between two replies


def test_sigterm_while_cli_waits_for_input(tmp_path: Path) -> None:
    proc = _start([sys.executable, "-m", "bot.adapters.cli", "ask", "-", "--json"], tmp_path)
    proc.stdin.write("Gomez\n")
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["query"] == "Gomez"
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err and out == ""


def test_restore_puts_back_the_handlers_install_replaced() -> None:
    """A command run inside another program (a test, CliRunner) leaves its signal handlers as it found them:
    a process forked later must not inherit a handler for a stop it never asked for."""
    from bot.runtime import shutdown

    before = signal.getsignal(signal.SIGTERM)
    stop = shutdown.install()
    assert signal.getsignal(signal.SIGTERM) == stop._on_signal
    stop.restore()
    assert signal.getsignal(signal.SIGTERM) == before
