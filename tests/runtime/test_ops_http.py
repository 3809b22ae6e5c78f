"""/healthz and /metrics over HTTP on loopback, served from an AppContext."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.answer.library import Library
from bot.runtime.context import AppContext
from bot.runtime.ops_server import OpsServer
from bot.runtime.settings import ConfigError
from retrieval.bm25 import BM25Index

MakeContext = Callable[..., AppContext]


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


@contextmanager
def _serve(ctx: AppContext) -> Iterator[str]:
    ops = OpsServer("127.0.0.1", 0, ctx.health.report, ctx.metrics.render).start()
    try:
        yield f"http://127.0.0.1:{ops.port}"
    finally:
        ops.stop()


@pytest.fixture
def served(make_context: MakeContext, db_url: str) -> Iterator[tuple[AppContext, str]]:
    """An AppContext on the bundled library and a database (SQLite, PostgreSQL), and its ops server's URL."""
    ctx = make_context(database_url=db_url)
    with _serve(ctx) as url:
        yield ctx, url


def test_healthy(served: tuple[AppContext, str], library: Library) -> None:
    ctx, base = served
    ctx.health.set_check("platform", lambda: True)
    status, ctype, body = _get(f"{base}/healthz")
    data = json.loads(body)
    assert (status, ctype) == (200, "application/json")
    assert data["status"] == "ok"
    assert data["checks"]["database"]["ok"] and data["checks"]["platform"]["ok"]
    assert data["checks"]["index"] == {"ok": True, "passages": len(library.passages)}


def test_platform_down_or_failing_check_is_503(served: tuple[AppContext, str]) -> None:
    ctx, base = served
    ctx.health.set_check("platform", lambda: False)
    status, _, body = _get(f"{base}/healthz")
    assert status == 503 and json.loads(body)["checks"]["platform"] == {"ok": False}

    def broken() -> bool:
        raise RuntimeError("connection object gone")

    ctx.health.set_check("platform", broken)
    status, _, body = _get(f"{base}/healthz")
    assert status == 503 and json.loads(body)["checks"]["platform"] == {"ok": False, "error": "RuntimeError"}


def test_index_not_loaded_is_503(make_context: MakeContext, db_url: str) -> None:
    empty = Library([], [], BM25Index.build([]))
    with _serve(make_context(lib=empty, database_url=db_url)) as base:
        status, _, body = _get(f"{base}/healthz")
    data = json.loads(body)
    assert status == 503 and data["status"] == "unavailable"
    assert data["checks"]["index"] == {"ok": False, "passages": 0} and data["checks"]["database"]["ok"]


def test_database_unreachable_is_503(make_context: MakeContext) -> None:
    with _serve(make_context(database_url="postgresql+psycopg://postgres@127.0.0.1:1/nothing")) as base:
        status, _, body = _get(f"{base}/healthz")
        data = json.loads(body)
        assert status == 503 and data["checks"]["database"]["ok"] is False
        assert data["checks"]["index"]["ok"] is True


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for fam in text_string_to_metric_families(text) for s in fam.samples}


def test_metrics(make_context: MakeContext, library: Library) -> None:
    ctx = make_context(platform="probe")
    with _serve(ctx) as base:
        _, _, before_text = _get(f"{base}/metrics")
        before = _samples(before_text)
        hit = ctx.answerer(library.passages[0].text[:40])  # answers are observed where they are made
        miss = ctx.answerer("zzzz qqqq xxxx")
        assert (hit.status, miss.status) == ("ok", "no_match")
        ctx.answerer(library.passages[0].text[:40], offset=3)  # a further page: latency only
        ctx.answerer.observe(hit, 0, 3.0)  # an answer served again from a cache
        ctx.metrics.post_sent("probe")
        ctx.metrics.post_failed("probe")
        ctx.metrics.post_failed("probe")
        ctx.metrics.api_error("probe", "rate_limited")
        status, ctype, text = _get(f"{base}/metrics")
        assert status == 200 and ctype.startswith("text/plain")
        after = _samples(text)

        def delta(name: str, **labels: str) -> float:
            key = (name, tuple(sorted(labels.items())))
            return after.get(key, 0.0) - before.get(key, 0.0)

        assert delta("interview_bot_questions_total", platform="probe", status="ok") == 2
        assert delta("interview_bot_questions_total", platform="probe", status="no_match") == 1
        assert delta("interview_bot_no_match_total", platform="probe") == 1
        assert delta("interview_bot_answer_seconds_count", platform="probe") == 4
        assert delta("interview_bot_answer_seconds_bucket", platform="probe", le="0.025") >= 1
        assert delta("interview_bot_answer_seconds_bucket", platform="probe", le="2.5") == 3
        assert delta("interview_bot_posts_sent_total", platform="probe") == 1
        assert delta("interview_bot_posts_failed_total", platform="probe") == 2
        assert delta("interview_bot_platform_api_errors_total", platform="probe", kind="rate_limited") == 1
        assert any(name == "process_cpu_seconds_total" for name, _ in after)
        assert _get(f"{base}/nothing")[0] == 404
        head = urllib.request.Request(f"{base}/metrics", method="HEAD")
        with urllib.request.urlopen(head, timeout=10) as resp:
            assert resp.status == 200 and resp.read() == b""


def test_started_with_the_context_only_with_a_port(make_context: MakeContext, tmp_path: Path) -> None:
    assert make_context().start().ops is None  # METRICS_PORT unset: nothing listens
    ctx = make_context(metrics_host="127.0.0.1", metrics_port=0, database_url=f"sqlite:///{tmp_path}/s.db").start()
    ops = ctx.ops
    assert ops is not None and ctx.start().ops is ops  # once per process
    assert _get(f"http://127.0.0.1:{ops.port}/metrics")[0] == 200
    ctx.close()
    assert ctx.ops is None


def test_port_in_use_is_a_config_error(make_context: MakeContext) -> None:
    ctx = make_context()
    busy = OpsServer("127.0.0.1", 0, ctx.health.report, ctx.metrics.render)
    try:
        with pytest.raises(ConfigError, match="METRICS_PORT"):
            make_context(metrics_host="127.0.0.1", metrics_port=busy.port).start()
    finally:
        busy.stop()


# -- under load and abuse: a real backlog, bounded bodies and threads, idle timeout, clean 400s ------------------
def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def _answer(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_a_burst_of_scrapes_is_answered(ctx: AppContext) -> None:
    """200 connections at once (a backlog of 5 dropped most): every one answered."""
    ops = OpsServer("127.0.0.1", 0, ctx.health.report, ctx.metrics.render).start()
    try:
        start = threading.Barrier(200)

        def scrape(_: int) -> int:
            start.wait()
            return _get(f"http://127.0.0.1:{ops.port}/metrics")[0]

        with ThreadPoolExecutor(200) as pool:
            assert list(pool.map(scrape, range(200))) == [200] * 200
    finally:
        ops.stop()


def test_oversized_idle_and_malformed_requests(ctx: AppContext, caplog: pytest.LogCaptureFixture,
                                               capfd: pytest.CaptureFixture[str]) -> None:
    ops = OpsServer("127.0.0.1", 0, ctx.health.report, ctx.metrics.render, idle_timeout=1).start()
    try:
        before = threading.active_count()
        idle = [_connect(ops.port) for _ in range(50)]
        time.sleep(0.3)
        assert threading.active_count() - before < 10, "idle connections take no thread each"
        for sock in idle:  # and are closed after the idle timeout
            with sock:
                assert _answer(sock) == b""
        with _connect(ops.port) as sock:  # a body announced at 100 MB: refused without waiting for it
            sock.sendall(b"POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nabc")
            assert _answer(sock).startswith(b"HTTP/1.1 413 ")
        caplog.clear()
        caplog.set_level(logging.INFO)
        with _connect(ops.port) as sock:
            sock.sendall(b"GARBAGE\r\n\r\n")
            answer = _answer(sock)
        assert answer.startswith(b"HTTP/1.1 400 ") or answer.startswith(b"HTTP/1.0 400 ")
        assert b"Traceback" not in answer
        assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1
        assert "Traceback" not in caplog.text and "Traceback" not in capfd.readouterr().err
        assert _get(f"http://127.0.0.1:{ops.port}/metrics")[0] == 200
    finally:
        ops.stop()


def test_a_failing_metrics_render_is_a_clean_500(ctx: AppContext, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> tuple[bytes, str]:
        raise RuntimeError("registry gone")

    caplog.set_level(logging.INFO)
    ops = OpsServer("127.0.0.1", 0, ctx.health.report, broken).start()
    try:
        status, _, body = _get(f"http://127.0.0.1:{ops.port}/metrics")
    finally:
        ops.stop()
    assert status == 500 and "Traceback" not in body and "registry gone" not in body
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert logged == ["ops: /metrics failed: RuntimeError"]
    assert not any(r.exc_info for r in caplog.records)
