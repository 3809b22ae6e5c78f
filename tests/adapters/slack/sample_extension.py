"""An extension as other features write them (used by the tests): a subcommand and a listener."""

from __future__ import annotations

from typing import Any

calls: list[dict[str, Any]] = []


def _subscribe(*, text: str, command: dict, respond: Any, client: Any, ctx: Any) -> None:
    calls.append({"text": text, "user": command.get("user_id"), "library": ctx.library.current})
    respond(text=f"subscribed: {len(text)} characters", response_type="ephemeral")


def subcommands() -> dict[str, Any]:
    return {"Subscribe": _subscribe}


def register(app: Any, ctx: Any) -> None:
    @app.action("sample_ping")
    def ping(ack: Any) -> None:
        ack()
        calls.append({"action": "sample_ping", "library": ctx.library.current})

    @app.message("sample-keyword")
    def keyword(message: dict) -> None:
        calls.append({"message": message["text"]})
