"""Prometheus metrics; /metrics serves them.

The bots' answers are counted without help from the adapters: the CLI runs `instrument_answers` for
`interview-bot telegram` and `slack`. Adapters report what only they see:

    from bot.ops import metrics
    metrics.post_sent("telegram")            # a scheduled quote went out   (post_failed: it did not)
    metrics.api_error("slack", "rate_limited")
    metrics.observe_answer("telegram", reply, seconds)  # optional: a Reply counted already is skipped
    metrics.observe_cached(reply, offset, seconds)      # an answer served again from an adapter's cache
    with metrics.uncounted(): library.answer(sample)   # warming up: not a user's question

No-match rate (PromQL): rate(interview_bot_no_match_total[1h]) / rate(interview_bot_questions_total[1h]).
"""

from __future__ import annotations

import contextlib
import functools
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)
GCCollector(registry=REGISTRY)

QUESTIONS = Counter("interview_bot_questions", "Questions answered, by platform and reply status (ok, no_match, "
                    "invalid)", ["platform", "status"], registry=REGISTRY)
NO_MATCH = Counter("interview_bot_no_match", "Questions no passage answered", ["platform"], registry=REGISTRY)
LATENCY = Histogram("interview_bot_answer_seconds", "Time to answer a question (retrieval and ranking)",
                    ["platform"], registry=REGISTRY,
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
POSTS_SENT = Counter("interview_bot_posts_sent", "Scheduled posts (quote of the day) delivered", ["platform"],
                     registry=REGISTRY)
POSTS_FAILED = Counter("interview_bot_posts_failed", "Scheduled posts that failed", ["platform"], registry=REGISTRY)
API_ERRORS = Counter("interview_bot_platform_api_errors", "Errors returned by or reaching the platform API",
                     ["platform", "kind"], registry=REGISTRY)


_seen: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()  # replies already counted
_instrumented: list[str] = []
_counting: ContextVar[bool] = ContextVar("counting", default=True)


@contextmanager
def uncounted() -> Iterator[None]:
    """Answers given inside are not users' questions (a bot warming up): `instrument_answers` skips them."""
    token = _counting.set(False)
    try:
        yield
    finally:
        _counting.reset(token)


def observe_cached(reply: Any, offset: int, seconds: float) -> None:
    """An answer an adapter served again from its cache, which `instrument_answers` cannot see: counted
    like a computed one (a question when it is a first page) under the instrumented platform."""
    if not _instrumented or not _counting.get():
        return
    if offset:
        LATENCY.labels(_instrumented[0]).observe(max(0.0, seconds))
    else:
        observe_answer(_instrumented[0], getattr(reply, "status", "ok"), seconds)


def observe_answer(platform: str, reply: Any, seconds: float) -> None:
    """Count one answered question (`reply` is a bot.reply.Reply or its status string) and its latency.

    A Reply already counted (by `instrument_answers`) is not counted again."""
    if not isinstance(reply, str):
        if _seen.get(id(reply)) is reply:
            return
        with contextlib.suppress(TypeError):  # objects without weak references are simply counted
            _seen[id(reply)] = reply
    status = reply if isinstance(reply, str) else getattr(reply, "status", "ok")
    QUESTIONS.labels(platform, status).inc()
    if status == "no_match":
        NO_MATCH.labels(platform).inc()
    LATENCY.labels(platform).observe(max(0.0, seconds))


def instrument_answers(platform: str) -> None:
    """Count every `Library.answer` of this process under `platform` (first pages as questions, every
    call in the latency histogram). The CLI does this for `interview-bot telegram` and `slack`."""
    if _instrumented:
        return
    from bot.core import Library

    original = Library.answer

    @functools.wraps(original)
    def answer(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not _counting.get():
            return original(self, *args, **kwargs)
        started = time.perf_counter()
        reply = original(self, *args, **kwargs)
        offset = kwargs.get("offset", args[2] if len(args) > 2 else 0)
        if offset:
            LATENCY.labels(platform).observe(time.perf_counter() - started)
            with contextlib.suppress(TypeError):
                _seen[id(reply)] = reply
        else:
            observe_answer(platform, reply, time.perf_counter() - started)
        return reply

    Library.answer = answer  # type: ignore[method-assign]
    _instrumented.append(platform)


@contextmanager
def timed_answer(platform: str) -> Iterator[dict[str, Any]]:
    """`with timed_answer("slack") as slot: slot["reply"] = library.answer(q)` observes on exit."""
    slot: dict[str, Any] = {}
    started = time.perf_counter()
    yield slot
    if "reply" in slot:
        observe_answer(platform, slot["reply"], time.perf_counter() - started)


def post_sent(platform: str) -> None:
    POSTS_SENT.labels(platform).inc()


def post_failed(platform: str) -> None:
    POSTS_FAILED.labels(platform).inc()


def api_error(platform: str, kind: str = "error") -> None:
    """Count a platform API error; `kind` is a short fixed word (e.g. "rate_limited", "network", "http_400")."""
    API_ERRORS.labels(platform, kind).inc()


def render() -> tuple[bytes, str]:
    """The exposition text and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
