"""`/ask`: a question answered only to the asker (with a "share in channel" button), help, subcommands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.adapters.slack.listeners.common import Answers, post_ephemeral, question_text


def register(app: App, answers: Answers, subcommands: dict[str, Callable[..., object]]) -> None:
    @app.command("/ask")
    def on_ask(ack: Callable[..., None], command: dict[str, Any], respond: Any, client: Any) -> None:
        """Acknowledge at once, then dispatch: help, an extension's subcommand, or a question."""
        ack()
        text = question_text(command.get("text"), None)
        first, _, rest = text.partition(" ")
        word = first.lower()
        channel, user = command.get("channel_id"), command.get("user_id")
        if not text or word == "help":
            msg = answers.help(sorted(subcommands))
        elif word in subcommands and subcommands[word](text=rest.strip(), command=command, respond=respond,
                                                       client=client, ctx=answers.ctx) is not False:
            return  # (a subcommand returns False for a question that only starts with its word)
        else:
            msg = answers.message(text, ephemeral=True, channel=channel)
        post_ephemeral(respond, client, channel, user, msg)
