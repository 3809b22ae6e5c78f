"""/healthz and /metrics over HTTP on loopback."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

import bot.core
from bot.core import Library
from bot.ops import health, metrics, server
from bot.ops.server import OpsServer
from bot.settings import load_settings


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


@contextmanager
def _serve(db_url: str) -> Iterator[str]:
    ops = OpsServer("127.0.0.1", 0, db_url).start()
    try:
        yield f"http://127.0.0.1:{ops.port}"
    finally:
        ops.stop()


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch, library: Library) -> Library:
    """The process-wide library counts as loaded."""
    monkeypatch.setattr(bot.core, "_library", library)
    return library


@pytest.fixture(autouse=True)
def no_platform_check() -> Iterator[None]:
    health.set_platform_check(None)
    yield
    health.set_platform_check(None)


@pytest.fixture
def base(db_url: str) -> Iterator[str]:
    with _serve(db_url) as url:
        yield url


def test_healthy(base: str, loaded: Library) -> None:
    health.set_platform_check(lambda: True)
    status, ctype, body = _get(f"{base}/healthz")
    data = json.loads(body)
    assert (status, ctype) == (200, "application/json")
    assert data["status"] == "ok"
    assert data["checks"]["database"]["ok"] and data["checks"]["platform"]["ok"]
    assert data["checks"]["index"] == {"ok": True, "passages": len(loaded.passages)}


def test_platform_down_or_failing_check_is_503(base: str, loaded: Library) -> None:
    health.set_platform_check(lambda: False)
    status, _, body = _get(f"{base}/healthz")
    assert status == 503 and json.loads(body)["checks"]["platform"] == {"ok": False}

    def broken() -> bool:
        raise RuntimeError("connection object gone")

    health.set_platform_check(broken)
    status, _, body = _get(f"{base}/healthz")
    assert status == 503 and json.loads(body)["checks"]["platform"] == {"ok": False, "error": "RuntimeError"}


def test_index_not_loaded_is_503(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.core, "_library", None)
    status, _, body = _get(f"{base}/healthz")
    data = json.loads(body)
    assert status == 503 and data["status"] == "unavailable"
    assert data["checks"]["index"] == {"ok": False, "passages": 0} and data["checks"]["database"]["ok"]


def test_database_unreachable_is_503(loaded: Library) -> None:
    with _serve("postgresql+psycopg://postgres@127.0.0.1:1/nothing") as base:
        status, _, body = _get(f"{base}/healthz")
        data = json.loads(body)
        assert status == 503 and data["checks"]["database"]["ok"] is False
        assert data["checks"]["index"]["ok"] is True


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for fam in text_string_to_metric_families(text) for s in fam.samples}


def test_metrics(tmp_path: Path, library: Library) -> None:
    with _serve(f"sqlite:///{tmp_path / 'm.sqlite3'}") as base:
        _, _, before_text = _get(f"{base}/metrics")
        before = _samples(before_text)
        hit = library.answer(library.passages[0].text[:40])
        miss = library.answer("zzzz qqqq xxxx")
        assert (hit.status, miss.status) == ("ok", "no_match")
        metrics.observe_answer("probe", hit, 0.02)
        metrics.observe_answer("probe", miss, 3.0)
        with metrics.timed_answer("probe") as slot:
            slot["reply"] = library.answer(library.passages[1].text[:40])
        metrics.post_sent("probe")
        metrics.post_failed("probe")
        metrics.post_failed("probe")
        metrics.api_error("probe", "rate_limited")
        status, ctype, text = _get(f"{base}/metrics")
        assert status == 200 and ctype.startswith("text/plain")
        after = _samples(text)

        def delta(name: str, **labels: str) -> float:
            key = (name, tuple(sorted(labels.items())))
            return after.get(key, 0.0) - before.get(key, 0.0)

        assert delta("interview_bot_questions_total", platform="probe", status="ok") == 2
        assert delta("interview_bot_questions_total", platform="probe", status="no_match") == 1
        assert delta("interview_bot_no_match_total", platform="probe") == 1
        assert delta("interview_bot_answer_seconds_count", platform="probe") == 3
        assert delta("interview_bot_answer_seconds_bucket", platform="probe", le="0.025") >= 1
        assert delta("interview_bot_answer_seconds_bucket", platform="probe", le="2.5") == 2
        assert delta("interview_bot_posts_sent_total", platform="probe") == 1
        assert delta("interview_bot_posts_failed_total", platform="probe") == 2
        assert delta("interview_bot_platform_api_errors_total", platform="probe", kind="rate_limited") == 1
        assert any(name == "process_cpu_seconds_total" for name, _ in after)
        assert _get(f"{base}/nothing")[0] == 404
        head = urllib.request.Request(f"{base}/metrics", method="HEAD")
        with urllib.request.urlopen(head, timeout=10) as resp:
            assert resp.status == 200 and resp.read() == b""


def test_started_from_settings_only_with_a_port(tmp_path: Path) -> None:
    assert server.start_from_settings(load_settings()) is None  # METRICS_PORT unset: nothing listens
    settings = load_settings(metrics_host="127.0.0.1", metrics_port=0, database_url=f"sqlite:///{tmp_path}/s.db")
    ops = server.start_from_settings(settings)
    try:
        assert ops is not None and server.start_from_settings(settings) is ops  # once per process
        assert _get(f"http://127.0.0.1:{ops.port}/metrics")[0] == 200
    finally:
        server.stop()


def test_port_in_use_is_a_config_error(tmp_path: Path) -> None:
    from bot.settings import ConfigError

    busy = OpsServer("127.0.0.1", 0, "sqlite://")
    try:
        settings = load_settings(metrics_host="127.0.0.1", metrics_port=busy.port)
        with pytest.raises(ConfigError, match="METRICS_PORT"):
            server.start_from_settings(settings)
    finally:
        busy.stop()
