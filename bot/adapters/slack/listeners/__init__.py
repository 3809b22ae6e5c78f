"""Bolt listeners, one module per kind of input; `register` wires them all (bolt starter-template style)."""

from __future__ import annotations

import re
from collections.abc import Callable

from slack_bolt import App

from bot.adapters.slack import agent
from bot.adapters.slack.listeners import actions, commands, events, feedback
from bot.adapters.slack.listeners.common import Answers
from bot.adapters.slack.locales import Locales


def register(app: App, answers: Answers, subcommands: dict[str, Callable[..., object]] | None = None) -> None:
    """Add the mention, DM, /ask, button, feedback and Messages-tab listeners to `app`."""
    events.register(app, answers)
    agent.register(app, Locales())
    commands.register(app, answers, subcommands or {})
    actions.register(app, answers)
    feedback.register(app, answers)


def register_fallbacks(app: App) -> None:
    """Catch-all listeners, added after every extension's (e.g. bot.adapters.slack.home's Home tab)."""
    events.register_fallbacks(app)

    @app.action(re.compile(".*"))
    def ignore_action(ack: Callable[[], None]) -> None:
        """A button this version does not know (from an older message): acknowledged, not an error."""
        ack()
