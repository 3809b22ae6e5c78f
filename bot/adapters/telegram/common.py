"""What every Telegram handler needs: its AppContext, the answer cache, saved questions, the user's
language and a plain reply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.adapters.telegram.render import esc
from bot.answer.texts import ui_language

if TYPE_CHECKING:
    from bot.adapters.telegram.answers import AnswerCache
    from bot.db.chat_state import QueryStore
    from bot.runtime.context import AppContext

Context = ContextTypes.DEFAULT_TYPE


def app_context(context: Context) -> AppContext:
    """The process's AppContext (put in bot_data by build_application)."""
    return context.bot_data["ctx"]


def answers(context: Context) -> AnswerCache:
    return context.bot_data["answers"]


def queries(context: Context) -> QueryStore:
    """The saved questions behind "more results" buttons."""
    return context.bot_data["queries"]


def user_language(update: Update) -> str:
    """The interface language from the Telegram client's language code (zh, de or en)."""
    user = update.effective_user
    return ui_language(user.language_code if user else None)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


async def reply_text(update: Update, message: str, **options: object) -> None:
    """Reply with a plain (escaped) text; in groups as a reply to the message."""
    msg = update.effective_message
    if msg is not None:
        await msg.reply_text(esc(message), parse_mode=ParseMode.HTML, do_quote=msg.chat.type != ChatType.PRIVATE,
                             **options)  # type: ignore[arg-type]
