"""Mentions in channels (answered in the thread) and direct messages (answered in the question's thread of
the DM, with the agent status and title, see bot.adapters.slack.agent)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.adapters.slack import agent
from bot.adapters.slack.listeners.common import Answers, post, question_text
from bot.answer.texts import ui_language_of_text


def is_direct_message(event: dict[str, Any]) -> bool:
    """A person's new message in a DM (not an edit, a join, a file share, …)."""
    return event.get("channel_type") == "im" and not event.get("subtype")


def register_fallbacks(app: App) -> None:
    """Acknowledge message events nobody handles (channel chatter, edits), so Slack does not retry them.
    Registered after the extensions: Bolt runs only the first listener that matches."""

    @app.event("message")
    def ignore_message() -> None:
        """Other messages: acknowledged, not answered."""

    @app.event("app_home_opened")
    def ignore_app_home() -> None:
        """A tab of the App Home no listener shows anything in: acknowledged."""


def register(app: App, answers: Answers) -> None:
    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: Any, context: Any) -> None:
        """Answer an @mention in the thread of the mentioning message."""
        if not event.get("channel") or not event.get("ts"):
            return  # nothing to answer in
        question = question_text(event.get("text"), context.bot_user_id)
        thread = event.get("thread_ts") or event["ts"]
        post(client, event["channel"], answers.message(question, channel=event["channel"]), thread)

    @app.event("message", matchers=[is_direct_message])
    def on_message(event: dict[str, Any], client: Any, context: Any) -> None:
        """Answer a direct message in its thread: the status while searching, a new conversation's title."""
        question = question_text(event.get("text"), context.bot_user_id)
        channel, thread = event["channel"], event.get("thread_ts") or event.get("ts")
        if thread:
            agent.searching(client, channel, thread, ui_language_of_text(question))
            if not event.get("thread_ts"):
                agent.titled(client, channel, thread, question)
        post(client, channel, answers.message(question, channel=channel), thread)
