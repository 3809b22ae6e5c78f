"""Request filters and the error handler: one answer per event, none to bots, an apology on failure."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack import render
from bot.answer.texts import message, ui_language_of_text
from bot.runtime.metrics import Metrics

log = logging.getLogger(__name__)


class Deduplicator:
    """Remembers keys (event ids, channel:ts) for `ttl` seconds, at most `size` of them; thread-safe."""

    def __init__(self, size: int = 10_000, ttl: float = 3600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.ttl, self.clock = size, ttl, clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, *keys: str) -> bool:
        """True when none of `keys` was seen (and remember them all)."""
        now = self.clock()
        with self._lock:
            while self._seen and (len(self._seen) > self.size or next(iter(self._seen.values())) < now - self.ttl):
                self._seen.popitem(last=False)
            new = not any(k in self._seen for k in keys)
            for k in keys:
                self._seen[k] = now
                self._seen.move_to_end(k)
            return new


def event_keys(body: dict[str, Any]) -> list[str]:
    """What identifies an event: its event_id, and channel:ts of the message it is about."""
    keys = [f"id:{body['event_id']}"] if body.get("event_id") else []
    event = body.get("event") or {}
    if event.get("type") in ("message", "app_mention") and event.get("channel") and event.get("ts"):
        keys.append(f"msg:{event['channel']}:{event['ts']}")
    return keys


def from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Whether a message event comes from a bot (this one or another)."""
    return bool(event.get("bot_id") or event.get("subtype") == "bot_message" or event.get("bot_profile")
                or (bot_user_id and event.get("user") == bot_user_id))


def retry_number(headers: dict[str, Any]) -> int:
    """X-Slack-Retry-Num (Socket Mode's retry_attempt is mirrored into it; 0 is the first delivery); only
    logged: events are deduplicated by their id."""
    value = headers.get("x-slack-retry-num")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 1  # a malformed retry header: some retry


def acknowledge_at_once(body: dict[str, Any], context: Any) -> None:
    """Acknowledge a slash command or a button click in the request thread, before Bolt hands the listener to
    its pool of worker threads: Bolt's own ack waits for a free worker, and under a burst that is later than
    Slack's 3 s (Bolt then answers 404). Every such listener here acknowledges with a plain `ack()` first; the
    listener's own `ack()` then changes nothing. Not for payloads whose ack carries an answer (options,
    view submissions)."""
    if body.get("command") or body.get("type") == "block_actions":
        context.ack()


def skip_retries_and_duplicates(dedupe: Deduplicator) -> Callable[..., Any]:
    """Bolt middleware: one answer per event and none to bots' messages; commands and clicks acknowledged at
    once (`acknowledge_at_once`).

    Events are deduplicated by their event_id (and channel:ts), not by Slack's retry header: a retry of an
    event already handled is acknowledged and dropped, but a retry whose first delivery never arrived (a
    restart, a load-balancer error) is answered. Slash commands and button clicks carry no event id and
    Slack does not retry them; they are not deduplicated."""

    def middleware(body: dict[str, Any], request: Any, context: Any, next: Callable[[], None]) -> Any:
        if body.get("type") != "event_callback":
            acknowledge_at_once(body, context)
            return next()
        event = body.get("event") or {}
        if event.get("type") in ("message", "app_mention") and from_bot(event, context.bot_user_id):
            return BoltResponse(status=200, body="")
        keys = event_keys(body)
        retry = retry_number(request.headers)
        if keys and not dedupe.first(*keys):
            log.info("ignoring repeated event %s (retry %d)", body.get("event_id"), retry)
            return BoltResponse(status=200, body="")
        if retry:
            log.info("answering retry %d of event %s: its first delivery was not handled here",
                     retry, body.get("event_id"))
        return next()

    return middleware


def error_handler(signing_secret: str | None, metrics: Metrics) -> Callable[..., None]:
    """Bolt error handler: log the traceback, then apologise briefly, but only to a verified request
    (an error raised while checking the signature must not make the bot post where the body says)."""
    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    def handle(error: Exception, body: dict[str, Any], client: Any, request: Any = None, respond: Any = None) -> None:
        if verifier is not None and request is not None and not _verified(verifier, request):
            log.warning("Slack request failed before verification: %s", type(error).__name__)
            return
        handle_error(error, body, client, metrics, respond)

    return handle


def _verified(verifier: SignatureVerifier, request: Any) -> bool:
    def header(name: str) -> str | None:
        value = request.headers.get(name)
        return value[0] if isinstance(value, (list, tuple)) and value else value

    try:
        return verifier.is_valid(request.raw_body, header("x-slack-request-timestamp"),
                                 header("x-slack-signature"))
    except Exception:
        return False


def handle_error(error: Exception, body: dict[str, Any], client: Any, metrics: Metrics, respond: Any = None) -> None:
    """Log the traceback, then tell the user briefly that it failed."""
    log.error("Slack handler failed: %s", type(error).__name__, exc_info=error)
    if isinstance(error, SlackApiError):
        metrics.api_error("slack", str(error.response.get("error") or "error")[:40])
    text = (body.get("event") or {}).get("text") or body.get("text") or ""
    apology = render.note_message(message("error", ui_language_of_text(text)))
    try:
        if respond is not None and body.get("response_url"):
            respond(**apology, response_type="ephemeral", replace_original=False)
            return
        event = body.get("event") or {}
        if event.get("channel") and event.get("ts"):
            threaded = event.get("type") == "app_mention" or event.get("channel_type") == "im"  # as answers are
            thread = event.get("thread_ts") or (event["ts"] if threaded else None)
            client.chat_postMessage(channel=event["channel"], thread_ts=thread, **apology)
    except Exception:  # the apology is best effort; the original error is already logged
        log.warning("could not send the apology", exc_info=True)
