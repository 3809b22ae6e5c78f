"""Wiring of the Telegram bot: an AppContext -> a python-telegram-bot Application with its handlers.

Extensions (other features' Telegram commands) plug in without touching this module. An extension is
a module with two functions:

    def handlers(ctx: AppContext) -> list[telegram.ext.BaseHandler]: ...
    def commands() -> list[tuple[str, dict[str, str]]]: ...   # [("subscribe", {"en": ..., "zh": ..., "de": ...})]

and optionally `def setup(application: Application) -> None` (called once the handlers are added, e.g.
to schedule jobs on `application.job_queue`).

Pass modules (or their import paths) as `build_application(ctx, extensions=[...])`; `interview-bot
telegram` loads the paths in DEFAULT_EXTENSIONS. Their handlers are added after the built-in commands
and before the fallbacks (plain text as a question, unknown commands, stickers …), so they may claim
commands, buttons (use your own callback-data prefix) and conversation steps; their commands are
registered with setMyCommands in every language they describe. Handlers find the AppContext in
`context.bot_data["ctx"]` (bot.adapters.telegram.common.app_context).

Throughput (benchmarks/telegram_load.py): updates are handled concurrently, but one chat's (or, without
a chat, one user's) one after another, in arrival order (updates.py), so a handler must not
block the event loop for long (database work goes to a thread, as bot.db.chat_state.QueryStore does).
Bot API calls go through aiohttp (request.py), answers are kept in an AnswerCache (answers.py), and
post_init warms the core and freezes the start-up heap out of the GC.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
from collections.abc import Iterable
from types import ModuleType

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.adapters.telegram import feedback, guest, reactions, scope, translating
from bot.adapters.telegram import handlers as h
from bot.adapters.telegram.answers import AnswerCache
from bot.adapters.telegram.limits import RetryingRateLimiter
from bot.adapters.telegram.request import AiohttpRequest
from bot.adapters.telegram.updates import ChatOrderedProcessor
from bot.answer.texts import SAMPLES, SCOPE, TELEGRAM
from bot.db.chat_state import QueryStore
from bot.runtime.context import AppContext
from bot.runtime.settings import ConfigError, Settings

log = logging.getLogger(__name__)

DEFAULT_EXTENSIONS: tuple[str, ...] = ("bot.adapters.telegram.daily", "bot.adapters.telegram.importing")
LANGUAGES = ("en", "zh", "de")  # "en" is also registered as the default (no language code)
CORE_COMMANDS: list[tuple[str, dict[str, str]]] = [
    (name, TELEGRAM[f"cmd_{name}"]) for name in ("ask", "quote", "today", "sources", "help")
] + [("scope", SCOPE["cmd_scope"])]

Extension = ModuleType | str
CONCURRENT_UPDATES = 256  # updates handled at once (one chat's still one after another)
CONNECTIONS = 64  # to the Bot API, for everything but getUpdates
STOP_GRACE = 10.0  # seconds updates in flight get to finish on stop (after the poll ends; Compose allows 30 s)


class BotApplication(Application):
    """The Application, stopping within STOP_GRACE seconds whatever is in flight: the rate limiter's waits
    (flood control, retries) end at once, and updates still running after the grace period are cancelled
    (run_polling's SIGTERM handler and tests alike call `stop`)."""

    stop_grace: float = STOP_GRACE

    async def stop(self) -> None:
        limiter = self.bot.rate_limiter
        if isinstance(limiter, RetryingRateLimiter):
            limiter.stop()
        processor = self.update_processor
        timer: asyncio.TimerHandle | None = None
        if isinstance(processor, ChatOrderedProcessor):
            grace = self.stop_grace

            def overdue() -> None:
                if cancelled := processor.cancel_all():
                    log.warning("stopping: %d update(s) still in flight after %g s cancelled", cancelled, grace)

            timer = asyncio.get_running_loop().call_later(grace, overdue)
        try:
            await super().stop()
        finally:
            if timer is not None:
                timer.cancel()

    async def shutdown(self) -> None:
        await super().shutdown()
        translating.close(self.bot_data)
        h.close(self.bot_data)


def load_extensions(extensions: Iterable[Extension]) -> list[ModuleType]:
    return [importlib.import_module(e) if isinstance(e, str) else e for e in extensions]


def bot_token(settings: Settings) -> str:
    """The bot token, or a ConfigError naming TELEGRAM_BOT_TOKEN."""
    token = settings.telegram_bot_token.get_secret_value().strip() if settings.telegram_bot_token else ""
    if not token:
        raise ConfigError("missing setting TELEGRAM_BOT_TOKEN: create a bot with @BotFather and set its token")
    if any(c.isspace() or c == "/" for c in token):
        raise ConfigError("invalid setting TELEGRAM_BOT_TOKEN: must look like 123456:ABC-DEF…")
    return token


def build_application(ctx: AppContext, extensions: Iterable[Extension] = (), max_retries: int = 3,
                      answer_cache: int | None = None) -> Application:
    """The Application: Bot API server from the settings, rate limiter, handlers, commands to register."""
    settings = ctx.settings
    token = bot_token(settings)
    api = settings.telegram_api_url.rstrip("/")
    app = (
        ApplicationBuilder()
        .application_class(BotApplication)
        .token(token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .request(AiohttpRequest(connection_pool_size=CONNECTIONS))
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .concurrent_updates(ChatOrderedProcessor(CONCURRENT_UPDATES))
        .rate_limiter(RetryingRateLimiter(max_retries=max_retries))
        .post_init(on_startup)
        .build()
    )
    modules = load_extensions(extensions)
    cache = AnswerCache(ctx.answerer) if answer_cache is None else AnswerCache(ctx.answerer, answer_cache)
    app.bot_data.update(
        ctx=ctx, queries=QueryStore(ctx.engine), answers=cache,
        commands=CORE_COMMANDS + [c for m in modules for c in m.commands()],
    )
    app.add_handler(TypeHandler(Update, h.ignore_bots_and_edits), group=-1)  # before every other handler
    app.add_handler(guest.handler())  # guest messages first: answered by answerGuestQuery, by nothing else
    chats = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    app.add_handler(CommandHandler(["start", "help"], h.on_start, filters=chats))
    app.add_handler(CommandHandler("sources", h.on_sources, filters=chats))
    app.add_handler(CommandHandler("ask", h.on_ask, filters=chats))
    app.add_handler(CommandHandler("today", h.on_today, filters=chats))
    app.add_handler(CommandHandler("quote", h.on_quote, filters=chats))
    app.add_handler(CommandHandler("scope", scope.on_scope, filters=chats))
    app.add_handler(CallbackQueryHandler(h.on_button, pattern=r"^(more|ctx|ver|ask|tr|tl):"))
    app.add_handler(CallbackQueryHandler(feedback.on_button, pattern=feedback.PATTERN))
    app.add_handler(InlineQueryHandler(h.on_inline_query))
    app.add_handler(reactions.handler())  # 👍/👎 reactions as feedback (allowed_updates must name message_reaction)
    for module in modules:
        for handler in module.handlers(ctx):
            app.add_handler(handler)
    # fallbacks
    app.add_handler(MessageHandler(filters.COMMAND & chats, h.on_unknown_command))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, h.on_private_text))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.TEXT, h.on_group_text))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                                   h.on_not_text))
    app.add_handler(CallbackQueryHandler(h.on_stale_button))
    app.add_error_handler(h.on_error)
    for module in modules:
        if callable(getattr(module, "setup", None)):
            module.setup(app)
    return app


def warm_up(app: Application) -> None:
    """Load the core's lazy parts, then answer and render the sample questions into the answer cache
    (their buttons' answers are ready before the first user asks; they are not users' questions)."""
    ctx: AppContext = app.bot_data["ctx"]
    ctx.library.current.warm_up()
    app.bot_data["answers"].warm(q for lang in LANGUAGES for q in SAMPLES[lang])


async def on_startup(app: Application) -> None:
    """post_init (run_polling / run_webhook): register the commands, warm the core, then move everything
    loaded so far out of the cyclic garbage collector's sight: the library's ~100k long-lived objects
    otherwise make each full collection a ~60-100 ms pause of every chat."""
    await register_commands(app)
    warm_up(app)
    gc.collect()
    gc.freeze()


async def register_commands(app: Application) -> None:
    """setMyCommands for the default scope, in English (default) and each language described."""
    commands = app.bot_data.get("commands", [])
    for lang in LANGUAGES:
        listed = [BotCommand(name, (d.get(lang) or d.get("en") or name)[:256]) for name, d in commands]
        try:
            await app.bot.set_my_commands(listed, language_code=None if lang == "en" else lang)
        except TelegramError as exc:
            log.warning("could not register the bot's commands (%s): %s", lang, exc.message)
