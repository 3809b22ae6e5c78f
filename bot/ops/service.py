"""What every long-running command (`telegram`, `slack`) gets from operations, applied by the CLI."""

from __future__ import annotations

import functools
from typing import Any

import click


def as_service(command: click.Command) -> click.Command:
    """Make `command` handle SIGTERM gracefully, count its answers in the metrics (platform label: the
    command's name) and serve /healthz and /metrics (when METRICS_PORT is set) while it runs.
    Idempotent; `--help` and argument errors are unaffected."""
    if getattr(command, "_ops_service", False) or command.callback is None:
        return command
    inner = command.callback

    @functools.wraps(inner)
    def run(*args: Any, **kwargs: Any) -> Any:
        from bot.ops import metrics, server, shutdown

        shutdown.install()
        metrics.instrument_answers(command.name or "bot")
        server.start_from_settings()
        try:
            return inner(*args, **kwargs)
        finally:
            server.stop()

    command.callback = run
    command._ops_service = True  # type: ignore[attr-defined]
    return command
