"""Telegram extension: `/add URL …` imports interviews, for users on ADMIN_USERS ("telegram:<user id>").

The command is not advertised with setMyCommands (`commands()` is empty): everyone would see it,
but only administrators may use it. Imports run on the bot's own ImportQueue (a few threads, a short
queue, "busy" beyond it); the handler returns at once and the report follows when the import is done,
so the administrator's chat, other chats and other commands never wait for a slow page. When the bot
stops, an import still running gets STOP_GRACE seconds to finish, then is left behind.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future
from typing import TYPE_CHECKING

from telegram import LinkPreviewOptions, Update
from telegram.ext import Application, BaseHandler, CommandHandler

from bot.adapters.telegram.common import Context, app_context, reply_text
from bot.adapters.telegram.render import esc
from bot.importer.chat import ImportQueue, import_urls, is_admin, text, urls_in

if TYPE_CHECKING:
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000
STOP_GRACE = 5.0  # seconds a running import may still take once the bot is stopping
POLL_SECONDS = 0.25  # how often a waiting report looks whether the bot is stopping


def commands() -> list[tuple[str, dict[str, str]]]:
    """No public menu entry: the command is for administrators only."""
    return []


def handlers(ctx: AppContext) -> list[BaseHandler]:
    """The `/add` command handler, with this bot's own import queue."""
    imports = ImportQueue()

    async def on_add(update: Update, context: Context) -> None:
        """Import the pages linked in `/add URL …` (administrators only) and report what was added."""
        await add(update, context, imports)

    return [CommandHandler("add", on_add)]


async def add(update: Update, context: Context, imports: ImportQueue) -> None:
    """`/add URL …`: check, queue the import (or say the queue is full), report when it is done."""
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
    job = imports.submit(import_urls, urls, ctx.engine, lang)
    if job is None:
        await reply_text(update, text("busy", lang))
        return
    await reply_text(update, text("working", lang, count=len(urls)))
    application = context.application
    if application.running:  # report in the background: this chat's next messages are handled meanwhile
        application.create_task(_report(update, ctx, job, application), update=update, name="import-report")
    else:  # an application driven update by update (not started): wait here
        await _report(update, ctx, job, application)


async def _report(update: Update, ctx: AppContext, job: Future[str], application: Application) -> None:
    report = await _outcome(job, application)
    if report is None:
        return
    ctx.refresh()  # this process's bots know the new articles at once (others within the refresh interval)
    await reply_text(update, _fit(report), link_preview_options=LinkPreviewOptions(is_disabled=True))


async def _outcome(job: Future[str], application: Application) -> str | None:
    """The import's report; None if the application stops and the import does not end within STOP_GRACE."""
    waiting = asyncio.wrap_future(job)
    was_running = application.running
    stopping_since: float | None = None
    while True:
        done, _ = await asyncio.wait({waiting}, timeout=POLL_SECONDS)
        if done:
            return waiting.result()
        if was_running and not application.running:
            stopping_since = stopping_since or time.monotonic()
            if time.monotonic() - stopping_since >= STOP_GRACE:
                waiting.cancel()
                log.warning("stopping: an import still running after %.0f s is left behind", STOP_GRACE)
                return None


def _fit(report: str) -> str:
    """The report cut (in plain text, so never mid-entity) to fit MAX_MESSAGE characters once escaped."""
    plain = report
    while len(escaped := esc(plain)) > MAX_MESSAGE:
        plain = plain[: max(0, len(plain) - (len(escaped) - MAX_MESSAGE) - 1)]
    return plain
