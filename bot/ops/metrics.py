"""Prometheus metrics; adapters call the small helpers below, /metrics serves them.

    from bot.ops import metrics
    started = time.perf_counter()
    reply = library.answer(text)
    metrics.observe_answer("telegram", reply, time.perf_counter() - started)

No-match rate (PromQL): rate(interview_bot_no_match_total[1h]) / rate(interview_bot_questions_total[1h]).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
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
LATENCY = Histogram("interview_bot_answer_seconds", "Time to answer a question (retrieval and rendering)",
                    ["platform"], registry=REGISTRY,
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
POSTS_SENT = Counter("interview_bot_posts_sent", "Scheduled posts (quote of the day) delivered", ["platform"],
                     registry=REGISTRY)
POSTS_FAILED = Counter("interview_bot_posts_failed", "Scheduled posts that failed", ["platform"], registry=REGISTRY)
API_ERRORS = Counter("interview_bot_platform_api_errors", "Errors returned by or reaching the platform API",
                     ["platform", "kind"], registry=REGISTRY)


def observe_answer(platform: str, reply: Any, seconds: float) -> None:
    """Count one answered question (`reply` is a bot.reply.Reply or its status string) and its latency."""
    status = reply if isinstance(reply, str) else getattr(reply, "status", "ok")
    QUESTIONS.labels(platform, status).inc()
    if status == "no_match":
        NO_MATCH.labels(platform).inc()
    LATENCY.labels(platform).observe(max(0.0, seconds))


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
