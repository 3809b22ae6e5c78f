"""Machine translations in the Telegram bot: waited for at most TRANSLATE_TIMEOUT, off the event loop.

The AppContext's `translate` blocks (the cache is the database, the server is HTTP): here it runs on a
small thread pool of the application's own, and an answer never waits longer than TRANSLATE_TIMEOUT
for it (what is not ready by then is sent without a translation). With TRANSLATE_URL unset nothing here
does anything: replies and answers come back unchanged.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest

from bot.adapters.telegram.answers import Answer
from bot.adapters.telegram.common import Context, app_context
from bot.answer.reply import Reply
from bot.translation.service import needs_translation

log = logging.getLogger(__name__)

THREADS = 8  # translations waited for at once (each waits at most TRANSLATE_TIMEOUT)
MENU_WIDTH = 2  # language buttons per row
POOL = "translation_pool"
PREFIX = re.compile(r"^\d+ · ")

T = TypeVar("T")


def enabled(context: Context) -> bool:
    """Whether machine translation is on (TRANSLATE_URL)."""
    return app_context(context).translator is not None


def pool(context: Context) -> ThreadPoolExecutor:
    """The application's threads for translations (made on first use, shut down with the application)."""
    found = context.bot_data.get(POOL)
    if found is None:
        found = context.bot_data[POOL] = ThreadPoolExecutor(THREADS, thread_name_prefix="telegram-translate")
    return found


def close(bot_data: dict[str, Any]) -> None:
    """Let go of the translation threads (those still waiting end by themselves within the timeout)."""
    found = bot_data.pop(POOL, None)
    if found is not None:
        found.shutdown(wait=False, cancel_futures=True)


async def bounded(context: Context, work: Callable[[], T], default: T) -> T:
    """`work()` on the translation threads, or `default` when it takes longer than TRANSLATE_TIMEOUT."""
    ctx = app_context(context)
    job = asyncio.get_running_loop().run_in_executor(pool(context), work)
    try:
        return await asyncio.wait_for(job, ctx.settings.translate_timeout)
    except TimeoutError:
        return default


async def translate(context: Context, reply: Reply, target: str | None = None, force: bool = False) -> Reply:
    """`reply` with machine translations (AppContext.translate), waiting at most TRANSLATE_TIMEOUT; unchanged
    when translation is off."""
    ctx = app_context(context)
    if ctx.translator is None or not reply.quotes:
        return reply
    return await bounded(context, lambda: ctx.translate(reply, target, force),
                         dataclasses.replace(reply, translating=True))


def complete(reply: Reply, target: str) -> bool:
    """Whether every quote that should have a translation into `target` has one."""
    return reply.translating and all(q.translation is not None or not needs_translation(q, target)
                                     for q in reply.quotes)


async def translated(context: Context, answer: Answer, target: str | None = None) -> Answer:
    """The answer with its quotes' translations into `target` (default: the question's language), kept with
    the answer once complete; the answer itself when translation is off."""
    if not enabled(context) or not answer.reply.quotes:
        return answer
    target = target or answer.reply.language
    kept = answer.translations.get(target)
    if kept is not None:
        return kept
    out = Answer(await translate(context, answer.reply, target))
    if complete(out.reply, target):
        answer.translations[target] = out
    return out


async def offered(context: Context, languages: Sequence[str]) -> list[str]:
    """The `languages` the translation server offers now (none when it does not answer in time)."""
    translator = app_context(context).translator
    if translator is None:
        return []
    return await bounded(context, lambda: [code for code in languages if translator.offers(code)], [])


def pressed_prefix(query: CallbackQuery) -> str:
    """The "2 · " in front of the pressed button's text (which quote of the answer it belongs to)."""
    msg = query.message
    markup = msg.reply_markup if isinstance(msg, Message) else None
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == query.data:
                m = PREFIX.match(button.text)
                return m.group() if m else ""
    return ""


def menu_in_place(query: CallbackQuery, buttons: Sequence[InlineKeyboardButton]) -> InlineKeyboardMarkup | None:
    """The pressed message's keyboard with the pressed button replaced by rows of `buttons` (right under
    its quote's row); None when the message or the button is not there."""
    msg = query.message
    markup = msg.reply_markup if isinstance(msg, Message) else None
    if markup is None:
        return None
    rows: list[list[InlineKeyboardButton]] = []
    found = False
    for row in markup.inline_keyboard:
        kept = [b for b in row if b.callback_data != query.data]
        if len(kept) == len(row):
            rows.append(list(row))
            continue
        found = True
        if kept:
            rows.append(kept)
        rows.extend(menu_rows(buttons))
    return InlineKeyboardMarkup(rows) if found else None


def menu_rows(buttons: Sequence[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i:i + MENU_WIDTH]) for i in range(0, len(buttons), MENU_WIDTH)]


async def show_menu(query: CallbackQuery, buttons: Sequence[InlineKeyboardButton]) -> bool:
    """Put the language buttons where the Translate button was (editing the message's keyboard); False when
    that cannot be done (then the caller sends them in a message of their own)."""
    markup = menu_in_place(query, buttons)
    if markup is None:
        return False
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as exc:  # e.g. the message is too old to edit
        log.info("could not edit the keyboard for the translate menu: %s", exc.message)
        return False
    return True
