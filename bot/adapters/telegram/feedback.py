"""Buttons under quotes: 👍/👎 (with an optional reason after 👎) and a daily quote's More like this.

A vote is stored per (chat, message, passage, user) (bot.db.feedback_store), so pressing again, a retried
update or another replica changes nothing, and pressing the other button changes the vote. After 👎 the
reasons appear under that quote's buttons (the message's keyboard is edited; everyone in a group sees
them, and whoever picks one votes 👎 with that reason); picking one, or 👍, takes them away again.

A press is checked before anything is stored: the payload must be one this bot makes, be on the pressed
message's keyboard (when Telegram shows it), name a passage of the library and, for an answer, a saved
question; anything else gets the polite "this button no longer works".
"""

from __future__ import annotations

import asyncio
import logging

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.adapters.telegram import callbacks, render
from bot.adapters.telegram.common import Context, app_context, queries, user_language
from bot.adapters.telegram.handlers import LOAD_WAIT, Throttled, acknowledge, library, remember, send
from bot.adapters.telegram.render import text
from bot.adapters.telegram.scope import chat_scope
from bot.answer.texts import message
from bot.daily.similar import more_like_this
from bot.db import feedback_store
from bot.db.feedback_store import Vote

log = logging.getLogger(__name__)

PLATFORM = "telegram"
PATTERN = r"^(fb|sim):"
_database_warning = Throttled(60)


def on_keyboard(query: CallbackQuery) -> bool:
    """Whether the pressed payload is one of the message's buttons (True when Telegram does not show the
    keyboard, e.g. for a message too old to be accessible)."""
    markup = getattr(query.message, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return True
    return any(b.callback_data == query.data for row in markup.inline_keyboard for b in row)


async def store(context: Context, vote: Vote) -> str | None:
    """Record the vote off the event loop (on it for an in-memory database, which lives per connection)."""
    engine = app_context(context).engine
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return feedback_store.record(engine, vote)
    return await asyncio.to_thread(feedback_store.record, engine, vote)


async def on_button(update: Update, context: Context) -> None:
    """A feedback or More like this button."""
    query = update.callback_query
    if query is None:
        return
    lang = user_language(update)
    cb = callbacks.decode(query.data)
    msg = query.message
    lib = library(context)
    passage_id = callbacks.resolve(cb.passage, lib.by_id) if cb is not None else None
    if cb is None or msg is None or passage_id not in lib.by_id or not on_keyboard(query):
        await acknowledge(query, text("expired", lang))
        return
    assert passage_id is not None
    if cb.kind == "sim":
        await on_similar(query, context, msg.chat.id, passage_id, lang)
        return
    await on_vote(query, context, cb, passage_id, lang)


async def on_vote(query: CallbackQuery, context: Context, cb: callbacks.Callback, passage_id: str, lang: str) -> None:
    """Store a 👍, 👎 or 👎 with a reason; then show or take away the reasons."""
    msg = query.message
    assert msg is not None
    question: str | None = None
    try:
        if cb.feedback_kind == "answer":
            question = await asyncio.wait_for(queries(context).load(int(cb.source)), LOAD_WAIT)
            if question is None:
                await acknowledge(query, text("expired", lang))
                return
        vote, reason = cb.feedback
        before = await asyncio.wait_for(store(context, Vote(
            PLATFORM, str(msg.chat.id), str(msg.message_id), str(query.from_user.id), passage_id, vote,
            cb.feedback_kind, question, reason)), LOAD_WAIT)
    except Exception as exc:  # the database is down or slow: say so in the button's note
        _database_warning("feedback not stored", exc)
        await acknowledge(query, text("unavailable", lang))
        return
    if before != vote:
        app_context(context).metrics.feedback(PLATFORM, vote)
    if vote == "down" and reason is None:
        await acknowledge(query, message("feedback_why", lang))
        await edit(query, with_reasons(query, cb, passage_id, lang))
        return
    note = message("feedback_noted", lang, reason=message(f"reason_{reason}", lang)) if reason else \
        message("feedback_thanks", lang)
    await acknowledge(query, note)
    await edit(query, without_reasons(query, cb))


# -- the reasons in the keyboard ------------------------------------------------------------------------
def _rows(query: CallbackQuery) -> list[list[InlineKeyboardButton]] | None:
    markup = getattr(query.message, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return None
    return [list(row) for row in markup.inline_keyboard]


def _is_reason_of(button: InlineKeyboardButton, cb: callbacks.Callback) -> bool:
    other = callbacks.decode(button.callback_data if isinstance(button.callback_data, str) else None)
    return (other is not None and other.kind == "fb" and other.feedback[1] is not None
            and other.source == cb.source and other.passage == cb.passage)


def without_reasons(query: CallbackQuery, cb: callbacks.Callback) -> list[list[InlineKeyboardButton]] | None:
    """The keyboard without the reasons of the pressed quote; None when there were none (nothing to edit)."""
    rows = _rows(query)
    if rows is None:
        return None
    kept = [row for row in rows if not any(_is_reason_of(b, cb) for b in row)]
    return kept if len(kept) != len(rows) else None


def with_reasons(query: CallbackQuery, cb: callbacks.Callback, passage_id: str,
                 lang: str) -> list[list[InlineKeyboardButton]] | None:
    """The keyboard with the reasons under the pressed 👎 (in the presser's language); None when they are
    there already or the keyboard is not known."""
    rows = _rows(query)
    if rows is None or any(_is_reason_of(b, cb) for row in rows for b in row):
        return None
    for i, row in enumerate(rows):
        pressed = next((b for b in row if b.callback_data == query.data), None)
        if pressed is not None:
            prefix = pressed.text.removesuffix(render.DOWN)
            return [*rows[:i + 1], *render.reason_rows(passage_id, cb.source, lang, prefix), *rows[i + 1:]]
    return None


async def edit(query: CallbackQuery, rows: list[list[InlineKeyboardButton]] | None) -> None:
    if rows is None:
        return
    try:
        await query.edit_message_reply_markup(InlineKeyboardMarkup(rows))
    except BadRequest as exc:  # e.g. too old to edit, or changed meanwhile by another press
        log.info("could not edit the feedback buttons: %s", exc.message)


# -- More like this -------------------------------------------------------------------------------------
async def on_similar(query: CallbackQuery, context: Context, chat_id: int, passage_id: str, lang: str) -> None:
    """The passages most like the quote's (its own versions left out), as an answer in the chat."""
    reply = more_like_this(library(context), passage_id, scope=await chat_scope(context, chat_id))
    if reply is None or not reply.quotes:
        await acknowledge(query, message("no_similar", lang) if reply is not None else text("expired", lang))
        return
    await acknowledge(query)
    header = f"<b>{render.esc(message('more_like_this_title', lang))}</b>"
    messages = render.render_reply(reply, lang, header)
    sent = await send(context, query.message, chat_id, messages, render.reply_keyboard(reply, None, lang, source="s"),
                      quote=True)
    await remember(context, sent, reply, "s")
