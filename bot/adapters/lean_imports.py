"""What a bot process leaves out of the libraries it imports.

httpx imports its command-line client on `import httpx` whenever click and rich are installed (they are:
the terminal adapter uses them), and with them pygments: 11 MB of a bot's memory and 40 ms of its start
for a tool no bot runs (encode/httpx loads `_main` eagerly; the pydantic/httpx2 fork made it lazy, PR 947).
A None entry in sys.modules is Python's documented way to make an import fail: httpx then falls back to
the stub it has for a missing CLI, and nothing else changes.

python-telegram-bot imports tornado (its webhook server, 2.8 MB) whenever it is installed; a bot that polls
leaves it out the same way, and PTB then reports webhooks unavailable, which a polling bot never asks for."""

from __future__ import annotations

import sys


def skip_httpx_command_line() -> None:
    """Before httpx is first imported: leave its command-line client out of this process."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def skip_webhook_server() -> None:
    """Before python-telegram-bot is first imported, in a process that polls: leave tornado out of it."""
    if "telegram" not in sys.modules:
        sys.modules.setdefault("tornado", None)  # type: ignore[arg-type]
