"""Slack extension: `/ask add URL …` imports interviews, for users on ADMIN_USERS ("slack:<user id>")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.core import Library
from bot.importer.chat import import_urls, is_admin, urls_in
from bot.importer.chat import text as say
from bot.settings import get_settings

MAX_TEXT = 3000


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def add(*, text: str, command: dict[str, Any], respond: Callable[..., Any], client: Any = None,
        library: Library | None = None) -> None:
    """`/ask add URL …`: import the pages (administrators only) and report, visible only to the asker."""
    settings = get_settings()
    lang = command.get("locale")
    if not is_admin(settings, "slack", command.get("user_id")):
        respond(text=say("refused", lang), response_type="ephemeral")
        return
    urls = urls_in(text)
    if not urls:
        respond(text=say("usage", lang, command="/ask add"), response_type="ephemeral")
        return
    report = import_urls(urls, settings, lang)
    respond(text=_escape(report)[:MAX_TEXT], response_type="ephemeral", unfurl_links=False)


def subcommands() -> dict[str, Callable[..., None]]:
    """`/ask add …`."""
    return {"add": add}
