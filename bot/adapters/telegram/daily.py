"""Telegram extension for the daily quote: /subscribe, /unsubscribe, /subscription, and the posting job.

Plug in with `build_application(ctx, extensions=["bot.adapters.telegram.daily"])`: its `setup` starts the
posting job (every ~30 s the scheduler posts what is due, see bot.daily.scheduler).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from typing import TYPE_CHECKING

import aiohttp
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseHandler, CommandHandler, filters
from telegram.request import BaseRequest

from bot.adapters.telegram import callbacks, render
from bot.adapters.telegram.common import Context, app_context, reply_text, user_language
from bot.answer.texts import DAILY
from bot.daily import commands as daily
from bot.daily.commands import text
from bot.daily.history import Received, history, opening
from bot.daily.scheduler import ChatGone, ChatMoved, MaybeSent, RetryLater, Scheduler

if TYPE_CHECKING:
    from telegram import Bot
    from telegram.ext import Application, Job

    from bot.answer.library import Library
    from bot.answer.reply import Quote
    from bot.db.schema import Subscription
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

PLATFORM = "telegram"
INTERVAL = 30.0  # seconds between posting rounds
SEND_TIMEOUT = 60.0
GONE = ("chat not found", "bot was blocked", "bot was kicked", "user is deactivated", "not a member",
        "have no rights to send", "chat_write_forbidden", "group chat was deactivated", "chat_restricted",
        "need administrator rights", "peer_id_invalid")


# -- extension interface ---------------------------------------------------------------------------
def commands() -> list[tuple[str, dict[str, str]]]:
    return [(name, DAILY[f"cmd_{name}"]) for name in ("subscribe", "unsubscribe", "subscription", "history")]


def handlers(ctx: AppContext) -> list[BaseHandler]:
    chats = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    return [
        CommandHandler("subscribe", on_subscribe, filters=chats),
        CommandHandler("unsubscribe", on_unsubscribe, filters=chats),
        CommandHandler("subscription", on_subscription, filters=chats),
        CommandHandler("history", on_history, filters=chats),
    ]


# -- handlers --------------------------------------------------------------------------------------
async def may_change(update: Update, context: Context) -> bool:
    """Anyone in a private chat; in a group only its admins (or the bot's configured admins)."""
    chat, user, msg = update.effective_chat, update.effective_user, update.effective_message
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    if msg is not None and msg.sender_chat is not None and msg.sender_chat.id == chat.id:
        return True  # an anonymous admin writes as the group itself
    if user is None:
        return False
    if f"telegram:{user.id}" in app_context(context).settings.admins():
        return True
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning("daily: could not check admin rights in %s: %s", chat.id, exc.message)
        return False
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def on_subscribe(update: Update, context: Context) -> None:
    """/subscribe [HH:MM] [time zone]: post a quote here every day."""
    chat, user, lang = update.effective_chat, update.effective_user, user_language(update)
    if chat is None:
        return
    if not await may_change(update, context):
        await reply_text(update, text("admins_only", lang))
        return
    ctx = app_context(context)
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    answer = await asyncio.to_thread(
        daily.subscribe, ctx.engine, defaults, ctx.library.current, PLATFORM,
        str(chat.id), list(context.args or []), user=f"telegram:{user.id}" if user else None, lang=lang,
        translations=translations(ctx))
    await reply_text(update, answer)


async def on_unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe: stop the daily quote here."""
    chat, lang = update.effective_chat, user_language(update)
    if chat is None:
        return
    if not await may_change(update, context):
        await reply_text(update, text("admins_only", lang))
        return
    answer = await asyncio.to_thread(daily.unsubscribe, app_context(context).engine, PLATFORM, str(chat.id),
                                     lang=lang)
    await reply_text(update, answer)


async def on_subscription(update: Update, context: Context) -> None:
    """/subscription: this chat's daily quote settings and next post."""
    chat, lang = update.effective_chat, user_language(update)
    if chat is None:
        return
    answer = await asyncio.to_thread(daily.show, app_context(context).engine, PLATFORM, str(chat.id), lang=lang)
    await reply_text(update, answer)


async def on_history(update: Update, context: Context) -> None:
    """/history: the last 10 quotes of the day this chat received, with links."""
    chat, lang = update.effective_chat, user_language(update)
    if chat is None or update.effective_message is None:
        return
    ctx = app_context(context)
    received = await asyncio.to_thread(history, ctx.engine, PLATFORM, str(chat.id))
    await update.effective_message.reply_text(
        history_html(received, ctx.library.current, lang), parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True), do_quote=chat.type != ChatType.PRIVATE)


def history_html(received: list[Received], library: Library, lang: str) -> str:
    """The quotes received, newest first: date, speaker, opening words, the article with its link."""
    lines = []
    for item in received:
        p = library.by_id.get(item.passage_id)
        if p is None:  # removed from the corpus since
            continue
        who = f"<b>{render.esc(p.speaker)}</b>: " if p.speaker else ""
        lines.append(f"• {item.day.isoformat()} — {who}“{render.esc(opening(p.text))}”\n"
                     f"   {render.article_html(library.ref(p.article_id), lang)}")
    if not lines:
        return render.esc(text("history_empty", lang))
    return f"<b>{render.esc(text('history_title', lang))}</b>\n\n" + "\n".join(lines)


def translations(ctx: AppContext) -> tuple[str, ...]:
    """The languages `/subscribe … translate=LANG` may name (none when machine translation is off)."""
    if not ctx.settings.translate_url:
        return ()
    return tuple(ctx.settings.translation_targets()) or daily.TRANSLATE_TO


# -- posting ---------------------------------------------------------------------------------------
def format_post(quote: Quote, lang: str, translating: bool = False) -> tuple[str, InlineKeyboardMarkup]:
    """The post: the quote as answers show it (speaker, quote, its machine translation if it has one,
    question, article) and its buttons (a Translate button when `translating`: machine translation is on;
    More like this; 👍/👎 and Share)."""
    html_text = render.render_quote(quote, lang, text("quote_of_day", lang))
    row = [InlineKeyboardButton(text("read_full", lang), callback_data=callbacks.context(quote.passage_id))]
    if quote.article.url:
        row.append(InlineKeyboardButton(text("open_article", lang), url=quote.article.url))
    rows = [row]
    if translating:
        rows.append([render.translate_button(quote, lang)])
    rows.append(render.similar_row(quote.passage_id, lang))
    rows.append([*render.feedback_row(quote.passage_id, "d"), render.share_button(quote.passage_id, lang)])
    return html_text, InlineKeyboardMarkup(rows)


def _chat_id(value: str) -> int | str:
    return int(value) if value.lstrip("-").isdigit() else value


def maybe_sent(exc: NetworkError) -> bool:
    """Whether a Bot API call that failed with `exc` may still have been carried out: a timeout or a
    dropped connection after the request went out. Not when no connection could be opened (nothing
    was sent) nor when Telegram answered with an error (it did nothing)."""
    cause = exc.__cause__
    if isinstance(cause, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return False
    if isinstance(exc, TimedOut):
        return True
    return isinstance(cause, aiohttp.ClientError | OSError)  # e.g. the server disconnected before answering


async def post(bot: Bot, sub: Subscription, quote: Quote, read_timeout: float | None = None,
               translating: bool = False) -> str:
    """Send one post; platform errors become the scheduler's ChatGone / ChatMoved / RetryLater, and a
    request that went out without an answer (a timeout after sending) its MaybeSent: never sent again."""
    html_text, markup = format_post(quote, sub.ui_language, translating)
    try:
        msg = await bot.send_message(_chat_id(sub.chat_id), html_text, parse_mode=ParseMode.HTML,
                                     reply_markup=markup, link_preview_options=LinkPreviewOptions(is_disabled=True),
                                     read_timeout=BaseRequest.DEFAULT_NONE if read_timeout is None else read_timeout)
    except Forbidden as exc:
        raise ChatGone(exc.message) from exc
    except ChatMigrated as exc:
        raise ChatMoved(str(exc.new_chat_id)) from exc
    except RetryAfter as exc:
        wait = exc.retry_after
        raise RetryLater(wait if isinstance(wait, int | float) else wait.total_seconds()) from exc
    except BadRequest as exc:
        if any(g in exc.message.lower() for g in GONE):
            raise ChatGone(exc.message) from exc
        raise
    except NetworkError as exc:
        if maybe_sent(exc):
            raise MaybeSent(f"{type(exc).__name__}: {exc.message}") from exc
        raise
    return str(msg.message_id)


class TelegramPoster:
    """Runs scheduler rounds in a worker thread; each send is done on the bot's event loop."""

    def __init__(self, application: Application, ctx: AppContext, rate: float = 20.0,
                 read_timeout: float | None = None) -> None:
        self.application, self.read_timeout, self.ctx = application, read_timeout, ctx
        self.scheduler = Scheduler(ctx.engine, ctx.library, self._send, platform=PLATFORM, events=ctx.metrics,
                                   rate=rate)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stop = threading.Event()  # ends a round early when the bot shuts down

    def _send(self, sub: Subscription, quote: Quote) -> str:
        """Run `post` on the bot's loop. If the loop is not running nothing is sent (the claim is
        released); if it stops, or no answer comes, once the request was handed over, it may have gone out
        (MaybeSent: not sent again)."""
        loop = self.loop
        if loop is None or not loop.is_running():
            self.stop.set()
            raise RuntimeError("the bot is stopping")
        quote, translating = self.ctx.translated_quote(quote, sub.translate_to)
        future = asyncio.run_coroutine_threadsafe(
            post(self.application.bot, sub, quote, self.read_timeout, translating), loop)
        waited = 0.0
        while True:
            try:
                return future.result(timeout=0.5)
            except concurrent.futures.TimeoutError:
                waited += 0.5
                if not loop.is_running() or waited >= SEND_TIMEOUT:
                    future.cancel()
                    self.stop.set()
                    raise MaybeSent("no answer from Telegram, or the bot stopped during the request") from None

    async def tick(self, _context: object = None) -> None:
        """One posting round (the job queue calls this every INTERVAL seconds)."""
        self.loop = asyncio.get_running_loop()
        self.stop.clear()
        try:
            result = await asyncio.to_thread(self.scheduler.run_once, None, self.stop)
        except Exception:
            log.exception("daily: posting round failed")
            return
        if result.sent or result.paused or result.retry or result.uncertain:
            log.info("daily: %d sent, %d paused, %d to retry, %d maybe sent", len(result.sent), len(result.paused),
                     result.retry, result.uncertain)


def start_job(application: Application, interval: float = INTERVAL, first: float = 1.0, rate: float = 20.0) -> Job:
    """Schedule the posting rounds on the application's job queue (runs once the application starts)."""
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    poster = TelegramPoster(application, application.bot_data["ctx"], rate=rate)
    application.bot_data["daily_poster"] = poster
    return application.job_queue.run_repeating(poster.tick, interval=interval, first=first, name="daily-quote",
                                               job_kwargs={"max_instances": 1, "coalesce": True})


def setup(application: Application) -> None:
    """Extension hook of build_application: start the posting rounds unless a test already did."""
    if "daily_poster" not in application.bot_data:
        start_job(application)
