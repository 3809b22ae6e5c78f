"""The HTTP server in front of the Bolt app: bursts, oversized bodies, idle connections, malformed requests,
and stopping. The real server on 127.0.0.1 (an ephemeral port), real sockets, the fake Slack Web API."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

from bot.adapters.slack.application import build_app
from bot.adapters.slack.server import serve_http
from bot.answer.library import Library
from bot.answer.texts import SAMPLES
from bot.runtime.shutdown import Graceful
from tests.adapters.slack.fake_api import BOT_USER, FakeSlack
from tests.adapters.slack.harness import SIGNING_SECRET, Slack, serving, slack_context, slack_settings

BURST = 200
QUESTIONS = [q for qs in SAMPLES.values() for q in qs]


def _address(slack: Slack) -> tuple[str, int]:
    parts = urlsplit(slack.url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def _connect(slack: Slack, timeout: float = 10.0) -> socket.socket:
    return socket.create_connection(_address(slack), timeout=timeout)


def _raw(slack: Slack, data: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes, return everything the server answers until it closes (or the timeout)."""
    with _connect(slack, timeout) as sock:
        sock.sendall(data)
        return _read_all(sock)


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
        if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
            break
    return b"".join(chunks)


def _complete(response: bytes) -> bool:
    head, _, body = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0


def _request(body: bytes, headers: dict[str, str], path: str = "/slack/events") -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}", "Connection: close",
             *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


# -- bursts -------------------------------------------------------------------------------------------------
def test_a_burst_of_commands_is_acknowledged_and_answered(slack: Slack) -> None:
    """200 signed /ask at once (as when a channel's members all ask): every one acknowledged, none dropped,
    each answered once on its own response_url."""
    start = threading.Barrier(BURST)

    def ask(i: int) -> int:
        start.wait()
        status, _ = slack.command(QUESTIONS[i % len(QUESTIONS)], response_url=slack.fake.response_url(f"burst-{i}"))
        return status

    with ThreadPoolExecutor(BURST) as pool:
        statuses = list(pool.map(ask, range(BURST)))
    assert statuses == [200] * BURST
    answered = slack.fake.wait_for(lambda calls: len([c for c in calls if c.method == "response_url"]) >= BURST
                                   and [c for c in calls if c.method == "response_url"], timeout=60)
    assert sorted(c.path for c in answered) == sorted(f"/response/burst-{i}" for i in range(BURST))


# -- bodies -------------------------------------------------------------------------------------------------
def test_an_oversized_body_is_refused_before_it_is_read(slack: Slack) -> None:
    """A Content-Length of 100 MB with only a little data sent: 413 at once (the server does not wait for,
    nor buffer, the rest)."""
    head = _request(b"", {"Content-Type": "application/json"}).replace(b"Content-Length: 0",
                                                                       b"Content-Length: 100000000")
    with _connect(slack, timeout=5) as sock:
        sock.sendall(head + b'{"type": "event_callback", "padding": "' + b"x" * 10_000)
        response = _read_all(sock)
    assert _status(response) == 413
    assert not slack.fake.posted()


def test_an_oversized_chunked_body_is_refused(slack: Slack) -> None:
    """No Content-Length, chunks without end: refused once the limit is passed."""
    head = (b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"x" * 65536
    with _connect(slack, timeout=5) as sock:
        sock.sendall(head)
        try:
            for _ in range(64):  # up to 4 MB
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server already answered and closed
        response = _read_all(sock)
    assert _status(response) == 413


def test_a_large_but_allowed_body_is_served(slack: Slack) -> None:
    """Slack's own payloads stay far below the limit (a message is at most 40,000 characters)."""
    body = json.dumps({"type": "url_verification", "challenge": "big", "token": "x", "pad": "x" * 300_000})
    status, text = slack.post(body, "application/json")
    assert status == 200 and "big" in text


# -- connections that send nothing ---------------------------------------------------------------------------
def test_idle_connections_hold_no_threads(slack: Slack) -> None:
    """Connections that send nothing do not each take a thread (1,000 of them took 1,004 threads)."""
    before = threading.active_count()
    socks = [_connect(slack) for _ in range(100)]
    try:
        time.sleep(0.5)
        assert threading.active_count() - before < 20
        assert slack.post(json.dumps({"type": "url_verification", "challenge": "c1"}), "application/json")[0] == 200
    finally:
        for s in socks:
            s.close()


def test_idle_and_slow_connections_are_closed_after_the_timeout(fake: FakeSlack, library: Library) -> None:
    """A connection that sends nothing, or half a request and then nothing, is closed after the idle timeout."""
    app = build_app(slack_context(slack_settings(fake), library))
    with serving(fake, app, idle_timeout=1) as slack:
        idle = [_connect(slack) for _ in range(20)]
        slow = _connect(slack)
        slow.sendall(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and then nothing
        for sock in [*idle, slow]:
            with sock, contextlib.suppress(ConnectionResetError):  # reset: closed too
                sock.settimeout(10)
                assert sock.recv(1024) == b"", "closed by the server"
        # the server goes on serving
        assert slack.post(json.dumps({"type": "url_verification", "challenge": "c2"}), "application/json")[0] == 200


# -- malformed requests -------------------------------------------------------------------------------------
FORM = "application/x-www-form-urlencoded"
MALFORMED = {
    "request line": b"GARBAGE\r\n\r\n",
    "header without a colon": b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n",
    "content length not a number": b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
    "body not UTF-8": _request(b'{"type": "\xff\xfe"}', {"Content-Type": "application/json",
                                                        **_signed(b'{"type": "\xff\xfe"}')}),
    "JSON cut short": _request(b'{"type": ', {"Content-Type": "application/json", **_signed(b'{"type": ')}),
    "JSON cut short, unsigned": _request(b'{"type": ', {"Content-Type": "application/json"}),
    "payload not JSON": _request(b"payload=%7Bnope", {"Content-Type": FORM, **_signed(b"payload=%7Bnope")}),
    "JSON not an object": _request(b"[1, 2]", {"Content-Type": "application/json", **_signed(b"[1, 2]")}),
    "fields of the wrong type": _request(b'{"type": "event_callback", "authorizations": 5}',
                                         {"Content-Type": "application/json",
                                          **_signed(b'{"type": "event_callback", "authorizations": 5}')}),
}


@pytest.mark.parametrize("raw", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_requests_get_a_clean_400_and_one_log_line(slack: Slack, raw: bytes,
                                                             caplog: pytest.LogCaptureFixture,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.INFO)
    response = _raw(slack, raw)
    assert _status(response) == 400, response[:200]
    assert b"Traceback" not in response and b"Error:" not in response.partition(b"\r\n\r\n")[2]
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in caplog.records]
    assert not any(r.exc_info or r.exc_text for r in caplog.records)
    assert "Traceback" not in caplog.text and "Traceback" not in capfd.readouterr().err
    assert not slack.fake.posted()
    # the server goes on serving
    assert slack.post(json.dumps({"type": "url_verification", "challenge": "c3"}), "application/json")[0] == 200


# -- stopping -----------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served_until_stopped(fake: FakeSlack, library: Library) -> Iterator[tuple[Slack, Graceful, threading.Thread]]:
    ctx = slack_context(slack_settings(fake), library)
    app = build_app(ctx)
    stop = Graceful()
    port = _free_port()
    thread = threading.Thread(target=serve_http, args=(app, "127.0.0.1", port, ctx.health, stop), daemon=True)
    thread.start()
    slack = Slack(fake, app, f"http://127.0.0.1:{port}/slack/events")
    deadline = time.monotonic() + 10
    while not ctx.health.report()[1]["checks"].get("platform", {}).get("ok"):
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield slack, stop, thread
    stop.request()
    thread.join(10)


def test_a_stop_ends_serving_promptly_with_connections_open(served_until_stopped: tuple[Slack, Graceful,
                                                                                          threading.Thread]) -> None:
    """SIGTERM's callbacks stop the server within the grace period, even with idle and half-sent connections,
    and an answer already acknowledged still goes out."""
    slack, stop, thread = served_until_stopped
    idle = [_connect(slack) for _ in range(10)]
    half = _connect(slack)
    half.sendall(b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
    assert slack.event({"type": "app_mention", "user": "U0USER", "text": f"<@{BOT_USER}> {QUESTIONS[0]}",
                        "ts": "800.000001", "channel": "C0CHAN"})[0] == 200
    stop.request("SIGTERM")
    thread.join(10)
    assert not thread.is_alive(), "serve_http returned"
    slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    with pytest.raises(OSError):
        _connect(slack, timeout=2).close()
    for sock in [*idle, half]:
        sock.close()
