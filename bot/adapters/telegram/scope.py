"""/scope: what the bot may quote in a chat (articles, speakers, languages), set by the chat's admins.

    /scope                                      the chat's scope, how to set it, the article ids
    /scope article=ID speaker=NAME language=de  set it (admins; anyone in a private chat)
    /scope reset                                remove it

Every answer, button and daily post in the chat honours it (bot.answer.scope); inline answers are not
bound to a chat (Telegram does not say where an inline query is typed) and are never scoped.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import LinkPreviewOptions, Update
from telegram.constants import ChatType, ParseMode

from bot.adapters.telegram import render
from bot.adapters.telegram.common import Context, app_context, reply_text, user_language
from bot.adapters.telegram.daily import may_change
from bot.answer.scope import BadScope, Scope, parse_scope, report
from bot.answer.texts import SCOPE, localized

log = logging.getLogger(__name__)

PLATFORM = "telegram"


async def chat_scope(context: Context, chat_id: int | str | None) -> Scope | None:
    """The scope of a chat (None: unscoped, or no chat). Read from memory; the first read in a process
    goes to the database (off the event loop)."""
    return await asyncio.to_thread(app_context(context).scopes.get, PLATFORM, chat_id)


async def on_scope(update: Update, context: Context) -> None:
    """/scope [reset | article=… speaker=… language=…]."""
    chat, user, msg = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or msg is None:
        return
    lang, ctx, args = user_language(update), app_context(context), list(context.args or [])
    library = ctx.library.current
    if not args:
        scope = await chat_scope(context, chat.id)
        lines = [render.esc(line) for line in report(scope, library, lang, "/scope").split("\n")]
        for part in render.pack(lines, sep="\n"):  # many imported articles: several messages
            await msg.reply_text(part, parse_mode=ParseMode.HTML, do_quote=chat.type != ChatType.PRIVATE,
                                 link_preview_options=LinkPreviewOptions(is_disabled=True))
        return
    if not await may_change(update, context):
        await reply_text(update, localized(SCOPE, "admins_only", lang))
        return
    by = f"telegram:{user.id}" if user else f"telegram:chat{chat.id}"
    try:
        if len(args) == 1 and args[0].lower() == "reset":
            await asyncio.to_thread(ctx.scopes.reset, PLATFORM, chat.id)
            answer = localized(SCOPE, "reset", lang)
        else:
            scope = parse_scope(args, library)
            await asyncio.to_thread(ctx.scopes.set, PLATFORM, chat.id, scope, by)
            answer = localized(SCOPE, "set", lang, scope=scope.describe())
    except BadScope as exc:
        answer = localized(SCOPE, "bad", lang, error=str(exc)) + "\n" + localized(SCOPE, "usage", lang,
                                                                                 command="/scope")
    except Exception as exc:  # the database: the admin is told, nothing else is affected
        log.warning("scope not stored for chat %s: %s", chat.id, type(exc).__name__)
        answer = localized(SCOPE, "unavailable", lang)
    await reply_text(update, answer)
