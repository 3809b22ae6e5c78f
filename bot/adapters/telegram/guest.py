"""Guest mode (Bot API 10.0): a user mentions the bot in a chat it is not a member of; the bot receives the
message as `Update.guest_message` (with `guest_query_id`) and answers once, with answerGuestQuery and one
inline result, posted into that chat. It cannot send messages there, so nothing else is sent.

The question is the message's text without the mention; the answer is the best quote, rendered as an inline
result (handlers.inline_result), or the honest note (no match, too long, no words, an empty question) as a
message of its own. Handled before every other handler, so no other handler answers the same message.
"""

from __future__ import annotations

import hashlib
import re

from telegram import InlineQueryResultArticle, InputTextMessageContent, Message, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.adapters.telegram import render
from bot.adapters.telegram.common import Context, user_language
from bot.adapters.telegram.handlers import NO_PREVIEW, ask, inline_result
from bot.answer.reply import Reply
from bot.answer.texts import message, ui_language

MAX_TITLE = 64  # characters of a note's result title (not shown in the chat)


def handler() -> BaseHandler:
    """The guest message handler (register it before the others)."""
    return MessageHandler(filters.UpdateType.GUEST_MESSAGE, on_guest_message)


def guest_question(msg: Message, username: str | None) -> str:
    """The message's text (or caption) without mentions of the bot."""
    value = msg.text or msg.caption or ""
    if username:
        value = re.sub(rf"(?<![\w@])@{re.escape(username)}(?!\w)", " ", value, flags=re.IGNORECASE)
    return value.strip()


def note_result(html_text: str, key: str) -> InlineQueryResultArticle:
    """A note (no match, a refusal, the usage) as the one result."""
    title = render.visible(html_text).strip().splitlines()[0][:MAX_TITLE] or "…"
    return InlineQueryResultArticle(
        id="note-" + hashlib.sha1(key.encode()).hexdigest()[:20], title=title,
        input_message_content=InputTextMessageContent(html_text, parse_mode=ParseMode.HTML,
                                                      link_preview_options=NO_PREVIEW))


def guest_result(context: Context, question: str, lang: str) -> InlineQueryResultArticle:
    """The best quote for `question`, or the note saying why there is none."""
    if not question:
        return note_result(render.esc(message("empty", lang)), "empty")
    reply: Reply = ask(context, question, lang, top_k=1).reply
    if reply.quotes:
        return inline_result(reply.quotes[0], ui_language(reply.language))
    return note_result(render.note_html(reply, ui_language(reply.language or lang)), reply.status)


async def on_guest_message(update: Update, context: Context) -> None:
    """A guest query: the best quote (or an honest note) through answerGuestQuery, never sendMessage."""
    msg = update.guest_message
    if msg is None or not msg.guest_query_id:
        return
    question = guest_question(msg, context.bot.username)
    await context.bot.answer_guest_query(msg.guest_query_id, guest_result(context, question, user_language(update)))
