"""Bolt listeners, one module per kind of input; `register` wires them all (bolt starter-template style)."""

from __future__ import annotations

import re
from collections.abc import Callable

from slack_bolt import App

from bot.core import Library
from bot.slack.listeners import actions, commands, events


def register(app: App, library: Library, subcommands: dict[str, Callable[..., None]] | None = None) -> None:
    """Add the mention, DM, /ask and button listeners to `app`."""
    events.register(app, library)
    commands.register(app, library, subcommands or {})
    actions.register(app, library)


def register_fallbacks(app: App) -> None:
    """Catch-all listeners, added after every extension's."""
    events.register_fallbacks(app)

    @app.action(re.compile(".*"))
    def ignore_action(ack: Callable[[], None]) -> None:
        """A button this version does not know (from an older message): acknowledged, not an error."""
        ack()
