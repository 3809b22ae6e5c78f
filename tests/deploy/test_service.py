"""A long-running process built like the bots (one AppContext, started): /healthz and /metrics answer over
loopback, SIGTERM ends it cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SERVICE = textwrap.dedent("""
    import os, time
    from bot.runtime.context import open_context
    from bot.runtime.settings import get_settings
    from bot.runtime.shutdown import install

    stop = install()                  # as the bots' commands do: graceful SIGTERM, one AppContext
    ctx = open_context(get_settings(), platform="serve").start(stop)
    try:
        ctx.health.set_check("platform", lambda: True)
        question = os.environ["PROBE_QUESTION"]
        ctx.answerer(question)                           # counted: a question, platform "serve"
        ctx.answerer(question, top_k=3, offset=3)        # a further page: latency only
        ctx.answerer("zzzz qqqq xxxx")                   # a no-match
        ctx.metrics.post_sent("probe")
        print("ready", flush=True)
        for _ in range(3000):        # at most 150 s; SIGTERM ends it long before
            time.sleep(0.05)
        print("not stopped", flush=True)
    finally:
        ctx.close()
""")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_service_process_health_metrics_and_sigterm(db_url: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": db_url, "METRICS_HOST": "127.0.0.1", "METRICS_PORT": str(port),
           "XDG_DATA_HOME": str(tmp_path / "xdg")}
    from corpus.loader import load_bundled

    question = load_bundled().passages[5].text[:30]
    env["PROBE_QUESTION"] = question
    proc = subprocess.Popen([sys.executable, "-c", SERVICE], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "ready"
        status, body = _get(f"http://127.0.0.1:{port}/healthz")
        health = json.loads(body)
        assert status == 200, health
        assert health["checks"]["database"]["ok"] and health["checks"]["platform"]["ok"]
        assert health["checks"]["index"]["ok"] and health["checks"]["index"]["passages"] > 0
        status, text = _get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200
        assert 'interview_bot_posts_sent_total{platform="probe"} 1.0' in text
        assert 'interview_bot_no_match_total{platform="serve"} 1.0' in text
        assert 'interview_bot_questions_total{platform="serve",status="ok"} 1.0' in text
        assert 'interview_bot_questions_total{platform="serve",status="no_match"} 1.0' in text
        assert 'interview_bot_answer_seconds_count{platform="serve"} 3.0' in text
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "not stopped" not in out
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
