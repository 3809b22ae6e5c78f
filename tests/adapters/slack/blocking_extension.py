"""An extension whose `/ask wait` subcommand holds its worker thread until `release` is set (used by the
tests of acknowledgement under load)."""

from __future__ import annotations

import threading
from typing import Any

release = threading.Event()
started: list[str] = []


def _wait(*, text: str, command: dict, respond: Any, client: Any, ctx: Any) -> None:
    started.append(text)
    release.wait(30)
    respond(text=f"done {text}", response_type="ephemeral")


def subcommands() -> dict[str, Any]:
    return {"wait": _wait}
