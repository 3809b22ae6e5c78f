"""Slack extension: `/ask add URL …` imports interviews, for users on ADMIN_USERS ("slack:<user id>")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.adapters.slack.render import clip
from bot.importer.chat import import_urls, is_admin, urls_in
from bot.importer.chat import text as say

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

MAX_TEXT = 3000


def add(*, text: str, command: dict[str, Any], respond: Callable[..., Any], client: Any = None,
        ctx: AppContext) -> None:
    """`/ask add URL …`: import the pages (administrators only) and report, visible only to the asker."""
    lang = command.get("locale")
    if not is_admin(ctx.settings.admins(), "slack", command.get("user_id")):
        respond(text=say("refused", lang), response_type="ephemeral")
        return
    urls = urls_in(text)
    if not urls:
        respond(text=say("usage", lang, command="/ask add"), response_type="ephemeral")
        return
    report = import_urls(urls, ctx.engine, lang)
    ctx.refresh()  # this process answers from the new articles at once (others within the refresh interval)
    respond(text=clip(report, MAX_TEXT), response_type="ephemeral", unfurl_links=False)


def subcommands() -> dict[str, Callable[..., None]]:
    """`/ask add …`."""
    return {"add": add}
