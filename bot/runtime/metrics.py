"""Prometheus metrics of one bot process; /metrics serves them.

The AppContext makes one Metrics for the process and gives its `observe_answer` to the answerer, so
every answer is counted where it is made (an adapter's cache reports the answers it serves again
through the same observer). Adapters and the daily scheduler report what only they see:

    ctx.metrics.post_sent("telegram")            # a scheduled quote went out   (post_failed: it did not)
    ctx.metrics.api_error("slack", "rate_limited")
    ctx.metrics.feedback("telegram", "down")      # a 👍/👎 stored or changed (a retried press is not counted)

No-match rate (PromQL): rate(interview_bot_no_match_total[1h]) / rate(interview_bot_questions_total[1h]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.answer.reply import Reply

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The counters and histograms of one process, labelled with its platform where it answers."""

    def __init__(self, platform: str = "bot") -> None:
        # imported here: the one-shot `ask` builds an AppContext too, and never serves /metrics
        from prometheus_client import CollectorRegistry, Counter, Histogram
        from prometheus_client.gc_collector import GCCollector
        from prometheus_client.platform_collector import PlatformCollector
        from prometheus_client.process_collector import ProcessCollector

        self.platform = platform
        self.registry = registry = CollectorRegistry()
        ProcessCollector(registry=registry)
        PlatformCollector(registry=registry)
        GCCollector(registry=registry)
        self.questions = Counter("interview_bot_questions", "Questions answered, by platform and reply status "
                                 "(ok, no_match, invalid)", ["platform", "status"], registry=registry)
        self.no_match = Counter("interview_bot_no_match", "Questions no passage answered", ["platform"],
                                registry=registry)
        self.latency = Histogram("interview_bot_answer_seconds", "Time to answer a question (retrieval and "
                                 "ranking)", ["platform"], registry=registry, buckets=LATENCY_BUCKETS)
        self.posts_sent = Counter("interview_bot_posts_sent", "Scheduled posts (quote of the day) delivered",
                                  ["platform"], registry=registry)
        self.posts_failed = Counter("interview_bot_posts_failed", "Scheduled posts that failed", ["platform"],
                                    registry=registry)
        self.api_errors = Counter("interview_bot_platform_api_errors", "Errors returned by or reaching the "
                                  "platform API", ["platform", "kind"], registry=registry)
        self.translation_errors = Counter("interview_bot_translation_errors", "Machine translations that could "
                                          "not be made (the quote was shown without)", ["platform", "reason"],
                                          registry=registry)
        self.feedback_votes = Counter("interview_bot_feedback", "Feedback votes on quotes (new or changed), by "
                                      "platform and vote (up, down)", ["platform", "vote"], registry=registry)

    def observe_answer(self, reply: Reply, offset: int, seconds: float) -> None:
        """One answer: a first page counts as a question (by reply status); every page's time is observed."""
        if not offset:
            self.questions.labels(self.platform, reply.status).inc()
            if reply.status == "no_match":
                self.no_match.labels(self.platform).inc()
        self.latency.labels(self.platform).observe(max(0.0, seconds))

    def post_sent(self, platform: str) -> None:
        self.posts_sent.labels(platform).inc()

    def post_failed(self, platform: str) -> None:
        self.posts_failed.labels(platform).inc()

    def api_error(self, platform: str, kind: str = "error") -> None:
        """Count a platform API error; `kind` is a short fixed word (e.g. "rate_limited", "network", "http_400")."""
        self.api_errors.labels(platform, kind).inc()

    def feedback(self, platform: str, vote: str) -> None:
        """Count a vote stored or changed; `vote` is "up" or "down"."""
        self.feedback_votes.labels(platform, vote).inc()

    def translation_error(self, reason: str) -> None:
        """Count a translation that failed; `reason` is short ("timeout", "HTTP 500", "ConnectError")."""
        self.translation_errors.labels(self.platform, reason[:40]).inc()

    def render(self) -> tuple[bytes, str]:
        """The exposition text and its content type."""
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return generate_latest(self.registry), CONTENT_TYPE_LATEST
