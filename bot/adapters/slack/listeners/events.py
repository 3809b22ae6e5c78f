"""Mentions in channels (answered in the thread) and direct messages (answered in the DM)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.adapters.slack.listeners.common import Answers, post, question_text


def is_direct_message(event: dict[str, Any]) -> bool:
    """A person's new message in a DM (not an edit, a join, a file share, …)."""
    return event.get("channel_type") == "im" and not event.get("subtype")


def register_fallbacks(app: App) -> None:
    """Acknowledge message events nobody handles (channel chatter, edits), so Slack does not retry them.
    Registered after the extensions: Bolt runs only the first listener that matches."""

    @app.event("message")
    def ignore_message() -> None:
        """Other messages: acknowledged, not answered."""


def register(app: App, answers: Answers) -> None:
    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: Any, context: Any) -> None:
        """Answer an @mention in the thread of the mentioning message."""
        if not event.get("channel") or not event.get("ts"):
            return  # nothing to answer in
        question = question_text(event.get("text"), context.bot_user_id)
        thread = event.get("thread_ts") or event["ts"]
        post(client, event["channel"], answers.message(question), thread)

    @app.event("message", matchers=[is_direct_message])
    def on_message(event: dict[str, Any], client: Any, context: Any) -> None:
        """Answer a direct message."""
        question = question_text(event.get("text"), context.bot_user_id)
        post(client, event["channel"], answers.message(question), event.get("thread_ts"))
