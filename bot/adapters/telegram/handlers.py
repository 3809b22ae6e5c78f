"""Telegram update handlers: each turns an update into a question (or a lookup) and sends rendered HTML."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    MaybeInaccessibleMessage,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.adapters.telegram import callbacks, render, translating
from bot.adapters.telegram.answers import Answer
from bot.adapters.telegram.common import Context, answers, app_context, in_group, queries, user_language
from bot.adapters.telegram.render import text
from bot.adapters.telegram.scope import chat_scope
from bot.answer.answerer import quote_of
from bot.answer.library import Library
from bot.answer.reply import Quote, Reply, Translation
from bot.answer.scope import Scope
from bot.answer.texts import SAMPLES, message, ui_language
from bot.daily.choose import quote_of_the_day, random_quote
from bot.db import sent_store
from bot.db.chat_state import DaemonWorker

log = logging.getLogger(__name__)
T = TypeVar("T")

PLATFORM = "telegram"
SENT_WORKER = "sent_quotes_worker"  # bot_data key of in_database's thread
TOP_K = 3  # quotes per answer
SAVE_WAIT = 1.0  # seconds an answer waits for its question to be saved; later it goes without a More button
LOAD_WAIT = 3.0  # seconds a More button waits for its saved question
INLINE_PAGE = 10  # inline results per page (Telegram allows 50)
MAX_OFFSET = 500  # deepest page served
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?=\s|$)")


# -- helpers -----------------------------------------------------------------------------------------
def library(context: Context) -> Library:
    """The Library of the moment."""
    return app_context(context).library.current


async def send(context: Context, msg: Message | MaybeInaccessibleMessage | None, chat_id: int, messages: Sequence[str],
               markup: InlineKeyboardMarkup | None = None, quote: bool = False) -> list[Message]:
    """Send HTML messages in order; the keyboard goes on the last one. In groups the first answers `msg`.
    The messages sent."""
    thread = getattr(msg, "message_thread_id", None) if getattr(msg, "is_topic_message", False) else None
    sent = []
    for i, html_text in enumerate(messages):
        reply_to = None
        if quote and isinstance(msg, Message) and i == 0:
            reply_to = ReplyParameters(msg.message_id, allow_sending_without_reply=True)
        sent.append(await context.bot.send_message(
            chat_id, html_text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=markup if i == len(messages) - 1 else None, reply_parameters=reply_to,
            message_thread_id=thread,
        ))
    return sent


def ask(context: Context, question: str, lang: str, top_k: int = TOP_K, offset: int = 0,
        scope: Scope | None = None) -> Answer:
    """The answer within the chat's `scope` (from the answer cache when asked before); an over-long question
    is refused in the user's language before the (costly) analysis."""
    return answers(context).answer(question, top_k=top_k, offset=offset, lang=lang, scope=scope)


async def respond(update: Update, context: Context, question: str, offset: int = 0) -> None:
    """Answer a question in the chat the update came from."""
    msg = update.effective_message
    chat = update.effective_chat
    if chat is None:
        return
    scope = await chat_scope(context, chat.id)
    answer = await translating.translated(context, ask(context, question, user_language(update), offset=offset,
                                                       scope=scope))
    reply = answer.reply
    query_id = await saved_id(context, reply.query) if reply.quotes else None  # for More and 👍/👎
    sent = await send(context, msg, chat.id, answer.messages, answer.keyboard(query_id), quote=in_group(update))
    await remember(context, sent, reply, None if query_id is None else str(query_id))


class Throttled:
    """A warning at most once every `seconds`, repeats at DEBUG: a database outage is one line a minute in
    the log, not one per question."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._next = 0.0

    def __call__(self, what: str, exc: BaseException) -> None:
        now = time.monotonic()
        loud = now >= self._next
        if loud:
            self._next = now + self.seconds
        if isinstance(exc, TimeoutError):
            reason = "no answer in time"
        else:  # the driver's first line, not SQLAlchemy's statement and parameters (users' questions)
            first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            reason = f"{type(exc).__name__}: {first[0][:200] if first else ''}"
        log.log(logging.WARNING if loud else logging.DEBUG, "%s (%s)", what, reason)


_database_warning = Throttled(60)


async def in_database(context: Context, work: Callable[[], T]) -> T:
    """`work()` (the sent quotes and reactions' database work) on a daemon thread of its own, in order: a
    database that never answers holds that thread only, not the event loop's pool nor the exit. On the loop
    for an in-memory database, which lives per connection."""
    engine = app_context(context).engine
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return work()
    worker = context.bot_data.get(SENT_WORKER)
    if worker is None:
        worker = context.bot_data[SENT_WORKER] = DaemonWorker("telegram-sent-quotes")
    return await asyncio.wrap_future(worker.submit(work))


def close(bot_data: dict[str, Any]) -> None:
    """Let in_database's thread end once its work is done (without waiting for it)."""
    worker = bot_data.pop(SENT_WORKER, None)
    if worker is not None:
        worker.shutdown(0)


async def remember(context: Context, sent: Sequence[Message], reply: Reply, source: str | None) -> None:
    """Which quotes the sent messages carried, and from where (`source` as in the 👍/👎 buttons: a saved
    question's id, "d" or "s"), for reactions as feedback (reactions.py). Waits at most SAVE_WAIT; when the
    database fails, only reactions to these messages go uncounted."""
    if not sent or not reply.quotes or source is None:
        return
    engine = app_context(context).engine
    chat_id, message_ids = str(sent[0].chat_id), [str(m.message_id) for m in sent]
    passages = [q.passage_id for q in reply.quotes]
    try:
        await asyncio.wait_for(in_database(context, lambda: sent_store.remember(
            engine, PLATFORM, chat_id, message_ids, passages, source)), SAVE_WAIT)
    except Exception as exc:  # the database is down or slow: the answer stands, its reactions are not counted
        _database_warning("sent quotes not remembered, reactions to them will not count", exc)


async def saved_id(context: Context, question: str) -> int | None:
    """The id the question is saved under, for its More button; None (no button) when the database does not
    confirm within SAVE_WAIT: the answer never waits longer, and the write goes on for later askers."""
    try:
        return await asyncio.wait_for(queries(context).save(question), SAVE_WAIT)
    except Exception as exc:  # the database is down, slow or refused the row: answer without the button
        _database_warning("question not saved, answering without a More button", exc)
        return None


def has_command_entity(msg: Message) -> bool:
    return any(e.type == MessageEntity.BOT_COMMAND and e.offset == 0 for e in msg.entities)


def command_text(msg: Message) -> str:
    """The text after a message's leading /command (newlines kept)."""
    value = msg.text or ""
    for entity in msg.entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return value[len(msg.parse_entity(entity)):].strip()
    m = COMMAND.match(value)
    return value[m.end():].strip() if m else value.strip()


def usage_html(lang: str) -> str:
    return render.esc(text("ask_usage", lang, example=SAMPLES[lang][0]))


def mentions_bot(msg: Message, username: str) -> bool:
    """Whether the message mentions the bot (by its mention entity, or by its text)."""
    target = f"@{username}".lower()
    if any(v.lower() == target for v in msg.parse_entities([MessageEntity.MENTION]).values()):
        return True
    return re.search(rf"(?<![\w@]){re.escape(target)}(?!\w)", (msg.text or "").lower()) is not None


def from_this_bot(msg: Message, bot_id: int) -> bool:
    """Whether the message was posted through this bot's inline mode (a quote, not a question)."""
    return msg.via_bot is not None and msg.via_bot.id == bot_id


def is_reply_to_bot(msg: Message, bot_id: int) -> bool:
    parent = msg.reply_to_message
    return parent is not None and parent.from_user is not None and parent.from_user.id == bot_id


def command_list(context: Context, lang: str) -> list[tuple[str, str]]:
    """(command, description in `lang`) for every registered command."""
    return [(name, descriptions.get(lang) or descriptions.get("en") or name)
            for name, descriptions in context.bot_data.get("commands", [])]


# -- commands ----------------------------------------------------------------------------------------
async def on_start(update: Update, context: Context) -> None:
    """/start and /help: what the bot knows (the articles, with links), sample questions, commands."""
    lang = user_language(update)
    messages = render.help_messages(library(context).refs(), lang, context.bot.username, command_list(context, lang))
    markup = InlineKeyboardMarkup(render.sample_rows(lang)) if update.effective_chat else None
    if update.effective_chat:
        await send(context, update.effective_message, update.effective_chat.id, messages, markup)


async def on_sources(update: Update, context: Context) -> None:
    """/sources: the articles, with their links."""
    if update.effective_chat:
        await send(context, update.effective_message, update.effective_chat.id,
                   render.sources_messages(library(context).refs(), user_language(update)))


async def on_ask(update: Update, context: Context) -> None:
    """/ask QUESTION (in any chat)."""
    msg = update.effective_message
    if msg is None or update.effective_chat is None:
        return
    question = command_text(msg)
    if not question:
        lang = user_language(update)
        await send(context, msg, update.effective_chat.id, [usage_html(lang)],
                   InlineKeyboardMarkup(render.sample_rows(lang)), quote=in_group(update))
        return
    await respond(update, context, question)


async def _send_quote(update: Update, context: Context, quote: Quote | None, title: str, daily: bool = False) -> None:
    """One quote; the quote of the day with More like this and 👍/👎."""
    lang = user_language(update)
    chat = update.effective_chat
    if chat is None:
        return
    if quote is None:
        await send(context, update.effective_message, chat.id, [render.esc(text("unavailable", lang))])
        return
    single = await translating.translate(context, _single(quote), lang)  # into the user's language
    markup = render.reply_keyboard(single, None, lang, source="d" if daily else None)
    if daily and markup is not None:
        rows = [list(row) for row in markup.inline_keyboard]
        markup = InlineKeyboardMarkup([*rows[:1], render.similar_row(quote.passage_id, lang), *rows[1:]])
    sent = await send(context, update.effective_message, chat.id,
                      [render.render_quote(single.quotes[0], lang, title)], markup, quote=in_group(update))
    await remember(context, sent, single, "d" if daily else None)


def _single(quote: Quote) -> Reply:
    """A one-quote Reply (for its buttons)."""
    return Reply(query="", quotes=(quote,), language=quote.article.language)


async def on_today(update: Update, context: Context) -> None:
    """/today: the quote of the day."""
    day = datetime.now(ZoneInfo(app_context(context).settings.quote_default_timezone)).date()
    try:
        chat = update.effective_chat
        scope = await chat_scope(context, chat.id if chat else None)
        quote: Quote | None = quote_of_the_day(library(context), day, scope=scope)
    except LookupError:
        quote = None
    title = text("quote_of_day", user_language(update))
    await _send_quote(update, context, quote, f"{title} · {day.isoformat()}" if quote else title, daily=True)


async def on_quote(update: Update, context: Context) -> None:
    """/quote: a random quote."""
    try:
        chat = update.effective_chat
        quote: Quote | None = random_quote(library(context), scope=await chat_scope(context, chat.id if chat else None))
    except LookupError:
        quote = None
    await _send_quote(update, context, quote, text("random_quote", user_language(update)))


# -- messages ----------------------------------------------------------------------------------------
async def as_command(update: Update, context: Context, msg: Message) -> bool:
    """Run a "/command" that came without its bot_command entity (as some clients send it) like a
    command; True when the message was a command (handled or, if meant for another bot, ignored)."""
    m = COMMAND.match(msg.text or "")
    if m is None or has_command_entity(msg):
        return False
    target = m.group(2)
    if target and target.lower() != (context.bot.username or "").lower():
        return True
    handler = COMMAND_HANDLERS.get(m.group(1).lower())
    if handler is not None:
        await handler(update, context)
    elif target or not in_group(update):
        await send(context, msg, msg.chat_id, [render.esc(message("unknown_command", user_language(update)))],
                   quote=in_group(update))
    return True


async def on_private_text(update: Update, context: Context) -> None:
    """A text message in a private chat is a question."""
    msg = update.effective_message
    if msg is None or msg.text is None or from_this_bot(msg, context.bot.id):
        return
    if not await as_command(update, context, msg):
        await respond(update, context, msg.text)


async def on_group_text(update: Update, context: Context) -> None:
    """In groups: answer a mention of the bot or a reply to one of its messages; ignore other chatter."""
    msg = update.effective_message
    if msg is None or msg.text is None or from_this_bot(msg, context.bot.id):
        return
    if await as_command(update, context, msg):
        return
    username = context.bot.username
    if mentions_bot(msg, username):
        question = re.sub(re.escape(f"@{username}"), " ", msg.text, flags=re.IGNORECASE).strip()
    elif is_reply_to_bot(msg, context.bot.id):
        question = msg.text
    else:
        return
    if not question:
        lang = user_language(update)
        await send(context, msg, msg.chat_id, [usage_html(lang)], quote=True)
        return
    await respond(update, context, question)


async def on_unknown_command(update: Update, context: Context) -> None:
    """An unknown command: explain in private chats, or in groups when addressed to this bot."""
    msg = update.effective_message
    if msg is None or msg.text is None:
        return
    if in_group(update):
        command = msg.text.split(maxsplit=1)[0]
        if not command.lower().endswith(f"@{context.bot.username}".lower()):
            return  # another bot's command
    await send(context, msg, msg.chat_id, [render.esc(message("unknown_command", user_language(update)))],
               quote=in_group(update))


async def on_not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes … in a private chat: say that only text questions are answered."""
    msg = update.effective_message
    if msg is None:
        return
    lang = user_language(update)
    await send(context, msg, msg.chat_id, [render.esc(message("not_text", lang))],
               InlineKeyboardMarkup(render.sample_rows(lang)))


COMMAND_HANDLERS = {"start": on_start, "help": on_start, "sources": on_sources, "ask": on_ask, "today": on_today,
                    "quote": on_quote}


# -- buttons -----------------------------------------------------------------------------------------
async def acknowledge(query: CallbackQuery, note: str | None = None) -> None:
    """Answer a button press; a press answered too late ("query is too old") still gets its action."""
    try:
        await query.answer(note)
    except BadRequest as exc:
        log.info("could not answer callback query: %s", exc)


async def on_button(update: Update, context: Context) -> None:
    """Inline buttons: more results, full passage (context), other language version, sample question."""
    query = update.callback_query
    if query is None:
        return
    lang = user_language(update)
    cb = callbacks.decode(query.data)
    chat_id = query.message.chat.id if query.message is not None else None
    if cb is None or chat_id is None:
        await acknowledge(query, text("expired", lang))
        return
    lib = library(context)
    if cb.kind == "more":
        try:
            question = await asyncio.wait_for(queries(context).load(cb.number), LOAD_WAIT)
        except Exception as exc:  # the database is down or slow: say so in the button's note
            _database_warning("saved question not read", exc)
            await acknowledge(query, text("unavailable", lang))
            return
        if question is None:
            await acknowledge(query, text("expired", lang))
            return
        answer = ask(context, question, lang, offset=cb.offset, scope=await chat_scope(context, chat_id))
        if not answer.reply.quotes:
            await acknowledge(query, text("no_more", ui_language(answer.reply.language)))
            return
        await acknowledge(query)
        answer = await translating.translated(context, answer)
        sent = await send(context, query.message, chat_id, answer.messages, answer.keyboard(cb.number))
        await remember(context, sent, answer.reply, str(cb.number))  # for reactions to this page
        return
    if cb.kind == "ask":
        samples = SAMPLES.get(cb.lang, ())
        if not 0 <= cb.number < len(samples):
            await acknowledge(query, text("expired", lang))
            return
        await acknowledge(query)
        await respond(update, context, samples[cb.number])
        return
    passage_id = callbacks.resolve(cb.passage, lib.by_id)
    passage = lib.by_id.get(passage_id or "")
    if passage is None:
        await acknowledge(query, text("expired", lang))
        return
    if cb.kind == "ctx":
        await acknowledge(query)
        messages = render.context_messages(lib.context(passage.id), passage.id, lib.ref(passage.article_id), lang,
                                           await whole_translation(context, passage.id, lang))
        await send(context, query.message, chat_id, messages)
        return
    if cb.kind == "tr":
        await on_translate_menu(query, context, chat_id, cb.lang, passage.id, lang)
        return
    if cb.kind == "tl":
        await on_translation(query, context, chat_id, cb.lang, passage.id, lang)
        return
    own = lib.articles[passage.article_id].language
    scope = await chat_scope(context, chat_id)
    versions = [v for v in lib.versions_of(passage) if scope is None or scope.allows(lib, v)]  # the chat's scope
    versions.sort(key=lambda p: lib.articles[p.article_id].language == own)  # other languages first
    if not versions:
        await acknowledge(query, text("no_versions", lang))
        return
    await acknowledge(query)
    messages = render.versions_messages([(p, lib.ref(p.article_id)) for p in versions], lang)
    await send(context, query.message, chat_id, messages)


async def whole_translation(context: Context, passage_id: str, lang: str) -> Translation | None:
    """The passage's machine translation into the user's language, if it needs one (for the full-passage view)."""
    quote = quote_of(library(context), passage_id) if translating.enabled(context) else None
    if quote is None:
        return None
    return (await translating.translate(context, _single(quote), lang)).quotes[0].translation


async def on_translate_menu(query: CallbackQuery, context: Context, chat_id: int, shown: str, passage_id: str,
                            lang: str) -> None:
    """A quote's Translate button: the languages it can be read in (all but its own and the one already shown)
    in place of the button (or, if that message cannot be edited, in a message of their own)."""
    lib = library(context)
    own = lib.articles[lib.by_id[passage_id].article_id].language
    choices = await translating.offered(context, [c for c in callbacks.LANGUAGES if c not in (own, shown)])
    if not choices:
        await acknowledge(query, message("translation_unavailable", lang))
        return
    await acknowledge(query)
    buttons = render.language_buttons(passage_id, choices, lang, translating.pressed_prefix(query))
    if not await translating.show_menu(query, buttons):
        await send(context, query.message, chat_id, [f"<b>{render.esc(message('translate_into', lang))}</b>"],
                   InlineKeyboardMarkup(translating.menu_rows(buttons)), quote=True)


async def on_translation(query: CallbackQuery, context: Context, chat_id: int, target: str, passage_id: str,
                         lang: str) -> None:
    """A language of the Translate menu: the passage, and its machine translation into that language."""
    quote = quote_of(library(context), passage_id)
    if quote is None or quote.article.language == target or not translating.enabled(context):
        await acknowledge(query, message("translation_unavailable", lang))
        return
    reply = await translating.translate(context, Reply(query="", quotes=(quote,), language=target), target, force=True)
    shown = reply.quotes[0]
    if shown.translation is None:
        await acknowledge(query, message("translation_unavailable", lang))
        return
    await acknowledge(query)
    await send(context, query.message, chat_id, render.translation_messages(shown, lang), quote=True)


async def on_stale_button(update: Update, context: Context) -> None:
    """A button this bot no longer knows (e.g. from an older version): say so."""
    if update.callback_query is not None:
        await update.callback_query.answer(text("expired", user_language(update)))


# -- inline mode -------------------------------------------------------------------------------------
def result_id(quote: Quote) -> str:
    """A result id (≤ 64 bytes), unique within an answer: the rank and a hash of the passage id."""
    return f"{quote.rank}-{hashlib.sha1(quote.passage_id.encode()).hexdigest()[:24]}"


def inline_result(quote: Quote, lang: str) -> InlineQueryResultArticle:
    """A quote as an inline result (also what a Share button and a guest answer post): the quote as one
    message, titled with its speaker and article."""
    return InlineQueryResultArticle(
        id=result_id(quote), title=render.inline_title(quote), description=render.inline_description(quote),
        input_message_content=InputTextMessageContent(render.render_quote(quote, lang), parse_mode=ParseMode.HTML,
                                                      link_preview_options=NO_PREVIEW),
    )


async def answer_shared(iq: InlineQuery, context: Context, passage: str) -> None:
    """A Share button's query (`share:<passage-id>`): that one passage, or no result for an id the library
    does not hold (forged, or gone since)."""
    lib = library(context)
    passage_id = callbacks.resolve(passage, lib.by_id)
    quote = quote_of(lib, passage_id) if passage_id is not None else None
    results = [inline_result(quote, ui_language(quote.article.language))] if quote is not None else []
    await iq.answer(results, cache_time=60)


async def on_inline_query(update: Update, context: Context) -> None:
    """`@bot question` in any chat: matching quotes, paged with next_offset; choosing one posts it."""
    iq = update.inline_query
    if iq is None:
        return
    lang = user_language(update)
    offset = int(iq.offset) if iq.offset.isdigit() else 0
    shared = callbacks.shared(iq.query)
    if shared is not None:
        await answer_shared(iq, context, shared)
        return
    if not iq.query.strip() or offset > MAX_OFFSET:
        button = InlineQueryResultsButton(text("cmd_help", lang), start_parameter="help")
        await iq.answer([], cache_time=60, button=button)
        return
    reply = await translating.translate(context, ask(context, iq.query, lang, top_k=INLINE_PAGE, offset=offset).reply)
    results = [inline_result(q, ui_language(reply.language)) for q in reply.quotes]
    next_offset = str(offset + len(results)) if reply.has_more and results else ""
    await iq.answer(results, cache_time=60, next_offset=next_offset)


# -- what is not answered ----------------------------------------------------------------------------
def from_a_bot(update: Update) -> bool:
    """Whether a bot sent the update. Anonymous group admins and channels speak through Telegram's helper
    bots (GroupAnonymousBot, Channel_Bot) with the chat as `sender_chat`: those are people, not bots."""
    user = update.effective_user
    if user is None or not user.is_bot:
        return False
    msg = update.effective_message
    return msg is None or msg.sender_chat is None


async def ignore_bots_and_edits(update: Update, context: Context) -> None:
    """Before every handler: drop updates from bots (two bots answering each other never stop) and edited
    messages (the question was answered when it was first sent)."""
    edited = update.edited_message or update.edited_channel_post or update.edited_business_message
    if edited is not None or from_a_bot(update):
        raise ApplicationHandlerStop


# -- errors ------------------------------------------------------------------------------------------
async def on_error(update: object, context: Context) -> None:
    """Log the error, then apologise briefly in the chat it happened in."""
    if isinstance(context.error, RetryAfter):
        # a send dropped under flood control (the rate limiter logged it): an apology would be dropped too
        app_context(context).metrics.api_error("telegram", "RetryAfter")
        log.debug("update not answered: %s", context.error.message)
        return
    if isinstance(context.error, NetworkError) and not isinstance(context.error, BadRequest):
        # the Bot API is unreachable or slow (polling keeps retrying by itself): one line, no traceback, and no
        # apology, which could not be delivered either
        app_context(context).metrics.api_error("telegram", type(context.error).__name__)
        log.warning("Telegram Bot API unreachable: %s", context.error.message)
        return
    log.error("error while handling an update: %s", type(context.error).__name__, exc_info=context.error)
    if isinstance(context.error, TelegramError):
        app_context(context).metrics.api_error("telegram", type(context.error).__name__)
    if not isinstance(update, Update) or update.effective_chat is None or update.inline_query is not None:
        return
    if update.guest_message is not None:  # the bot is not in that chat: nothing can be sent there
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await context.bot.send_message(update.effective_chat.id, render.esc(message("error", user_language(update))),
                                       parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.warning("could not apologise: %s", type(exc).__name__)
