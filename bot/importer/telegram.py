"""Telegram extension: `/add URL …` imports interviews, for users on ADMIN_USERS ("telegram:<user id>").

The command is not advertised with setMyCommands (`commands()` is empty): everyone would see it,
but only administrators may use it.
"""

from __future__ import annotations

import asyncio
import html

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, CommandHandler, ContextTypes

from bot.core import Library
from bot.importer.chat import import_urls, is_admin, text, urls_in
from bot.settings import Settings, get_settings

MAX_MESSAGE = 4000


def commands() -> list[tuple[str, dict[str, str]]]:
    """No public menu entry: the command is for administrators only."""
    return []


def handlers(library: Library) -> list[BaseHandler]:
    """The `/add` command handler."""
    return [CommandHandler("add", on_add)]


async def on_add(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Import the pages linked in `/add URL …` (administrators only) and report what was added."""
    message = update.effective_message
    user = update.effective_user
    if message is None:
        return
    settings: Settings = context.bot_data.get("settings") or get_settings()
    lang = user.language_code if user else None
    if user is None or not is_admin(settings, "telegram", user.id):
        await message.reply_text(html.escape(text("refused", lang), quote=False), parse_mode=ParseMode.HTML)
        return
    urls = urls_in(" ".join(context.args or []))
    if not urls:
        await message.reply_text(html.escape(text("usage", lang, command="/add"), quote=False),
                                 parse_mode=ParseMode.HTML)
        return
    await message.reply_text(html.escape(text("working", lang, count=len(urls)), quote=False),
                             parse_mode=ParseMode.HTML)
    report = await asyncio.to_thread(import_urls, urls, settings, lang)
    await message.reply_text(_fit(report), parse_mode=ParseMode.HTML,
                             link_preview_options=LinkPreviewOptions(is_disabled=True))


def _fit(report: str) -> str:
    """The report as escaped HTML within MAX_MESSAGE characters (cut in plain text, never mid-entity)."""
    plain = report
    while len(escaped := html.escape(plain, quote=False)) > MAX_MESSAGE:
        plain = plain[: max(0, len(plain) - (len(escaped) - MAX_MESSAGE) - 1)]
    return escaped
