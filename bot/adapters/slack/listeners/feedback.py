"""Slack's feedback buttons (👍/👎) under every quote, the reasons after 👎, and a daily quote's More like this.

A vote is stored per (channel, message, passage, user) (bot.db.feedback_store): a click delivered twice,
to any replica, leaves one row, and the other button changes it. After 👎 the clicker alone is shown the
reasons (optional); a reason's button carries where the vote was (an ephemeral click has no `message`).
An answer's buttons carry the id of its saved question (as paging buttons do), read back when clicked.
Values are checked like every button's: anything this bot did not make gets "this button no longer works".
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.adapters.slack import buttons, render
from bot.adapters.slack.listeners.actions import _channel, _value, deliver, is_ephemeral
from bot.adapters.slack.listeners.common import Answers, post, post_ephemeral
from bot.answer.texts import message
from bot.daily.similar import more_like_this
from bot.db import feedback_store
from bot.db.feedback_store import Vote

log = logging.getLogger(__name__)

PLATFORM = "slack"
Ack = Callable[..., None]


def message_ts(body: dict[str, Any]) -> str:
    """The ts of the clicked message (for an ephemeral one, what the container says, else "")."""
    return str((body.get("message") or {}).get("ts") or (body.get("container") or {}).get("message_ts") or "")


def _user(body: dict[str, Any]) -> str | None:
    return (body.get("user") or {}).get("id")


def _tell(body: dict[str, Any], client: Any, respond: Any, msg: dict[str, Any]) -> None:
    post_ephemeral(respond, client, _channel(body), _user(body), msg)


def _store(answers: Answers, f: buttons.Feedback, vote: Vote) -> str:
    """Record the vote, with the answer's question read back from its id (counted in /metrics when new or
    changed): "ok", "expired" (no such question) or "error" (the database failed)."""
    try:
        question = answers.question(f.query_id) if f.query_id is not None else None
        if f.kind == "answer" and question is None:
            return "expired"
        before = feedback_store.record(answers.ctx.engine, dataclasses.replace(vote, question=question))
    except Exception as exc:  # the database is down or refused: the clicker is told, nothing else breaks
        log.warning("feedback not stored (%s)", type(exc).__name__)
        return "error"
    if before != vote.vote:
        answers.ctx.metrics.feedback(PLATFORM, vote.vote)
    return "ok"


def register(app: App, answers: Answers) -> None:
    ctx = answers.ctx

    @app.action(buttons.pattern(buttons.FEEDBACK))
    def on_feedback(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """👍 or 👎 on a quote: stored; after 👎 the reasons, only to the clicker."""
        ack()
        f = buttons.parse_feedback(_value(body))
        channel, user = _channel(body), _user(body)
        if f is None or f.passage_id not in ctx.library.current.by_id or not channel or not user:
            _tell(body, client, respond, render.note_message(message("expired", f.ui if f else None)))
            return
        ts = message_ts(body)
        stored = _store(answers, f, Vote(PLATFORM, channel, ts, user, f.passage_id, f.vote, f.kind))
        if stored != "ok":
            _tell(body, client, respond, render.note_message(message(stored, f.ui)))
            return
        if f.vote == "down":
            _tell(body, client, respond, render.reason_menu(f, channel, ts))
        else:
            _tell(body, client, respond, render.note_message(message("feedback_thanks", f.ui)))

    @app.action(buttons.pattern(buttons.REASON))
    def on_reason(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """A reason after 👎: the vote is 👎 with that reason; the menu becomes a thank-you."""
        ack()
        f = buttons.parse_reason(_value(body))
        channel, user = _channel(body), _user(body)
        if f is None or f.passage_id not in ctx.library.current.by_id or not user or f.channel != channel:
            _tell(body, client, respond, render.note_message(message("expired", f.ui if f else None)))
            return
        assert f.channel is not None and f.reason is not None
        stored = _store(answers, f, Vote(PLATFORM, f.channel, f.message_ts or "", user, f.passage_id, "down", f.kind,
                                         reason=f.reason))
        if stored != "ok":
            _tell(body, client, respond, render.note_message(message(stored, f.ui)))
            return
        noted = render.note_message(message("feedback_noted", f.ui, reason=message(f"reason_{f.reason}", f.ui)))
        if not replaced(respond, noted):
            _tell(body, client, respond, noted)

    @app.action(buttons.pattern(buttons.SIMILAR))
    def on_similar(ack: Ack, body: dict[str, Any], client: Any, respond: Any) -> None:
        """More like this under a daily quote: the passages most like it, in the post's thread."""
        ack()
        library = ctx.library.current
        pid = _value(body)
        p = library.by_id.get(pid)
        channel = _channel(body)
        scope = ctx.scopes.get(PLATFORM, channel)
        reply = more_like_this(library, pid, scope=scope) if p is not None else None
        if reply is None:
            deliver(body, client, respond, render.note_message(render.label("gone", None)))
            return
        lang = reply.language
        if not reply.quotes:
            deliver(body, client, respond, render.note_message(message("no_similar", lang)))
            return
        msg = render.reply_message(ctx.translate(reply), kind="similar", title=message("more_like_this_title", lang))
        clicked = body.get("message") or {}
        if is_ephemeral(body) or not channel:
            post_ephemeral(respond, client, channel, _user(body), msg)
        else:  # in the daily post's thread
            post(client, channel, msg, clicked.get("thread_ts") or clicked.get("ts"))


def replaced(respond: Any, msg: dict[str, Any]) -> bool:
    """Replace the clicked ephemeral message through the response_url; False when that is not possible."""
    if respond is None or not getattr(respond, "response_url", None):
        return False
    try:
        return bool(respond(**msg, replace_original=True).status_code == 200)
    except Exception as exc:  # network errors: the caller posts instead
        log.warning("response_url failed: %s", type(exc).__name__)
        return False
