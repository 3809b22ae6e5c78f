"""Telegram extension: `/add URL …` imports interviews, for users on ADMIN_USERS ("telegram:<user id>").

The command is not advertised with setMyCommands (`commands()` is empty): everyone would see it,
but only administrators may use it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from telegram import LinkPreviewOptions, Update
from telegram.ext import BaseHandler, CommandHandler

from bot.adapters.telegram.common import Context, app_context, reply_text
from bot.adapters.telegram.render import esc
from bot.importer.chat import import_urls, is_admin, text, urls_in

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

MAX_MESSAGE = 4000


def commands() -> list[tuple[str, dict[str, str]]]:
    """No public menu entry: the command is for administrators only."""
    return []


def handlers(ctx: AppContext) -> list[BaseHandler]:
    """The `/add` command handler."""
    return [CommandHandler("add", on_add)]


async def on_add(update: Update, context: Context) -> None:
    """Import the pages linked in `/add URL …` (administrators only) and report what was added."""
    message = update.effective_message
    user = update.effective_user
    if message is None:
        return
    ctx = app_context(context)
    lang = user.language_code if user else None
    if user is None or not is_admin(ctx.settings.admins(), "telegram", user.id):
        await reply_text(update, text("refused", lang))
        return
    urls = urls_in(" ".join(context.args or []))
    if not urls:
        await reply_text(update, text("usage", lang, command="/add"))
        return
    await reply_text(update, text("working", lang, count=len(urls)))
    report = await asyncio.to_thread(import_urls, urls, ctx.engine, lang)
    ctx.refresh()  # this process's bots know the new articles at once (others within the refresh interval)
    await reply_text(update, _fit(report), link_preview_options=LinkPreviewOptions(is_disabled=True))


def _fit(report: str) -> str:
    """The report cut (in plain text, so never mid-entity) to fit MAX_MESSAGE characters once escaped."""
    plain = report
    while len(escaped := esc(plain)) > MAX_MESSAGE:
        plain = plain[: max(0, len(plain) - (len(escaped) - MAX_MESSAGE) - 1)]
    return plain
