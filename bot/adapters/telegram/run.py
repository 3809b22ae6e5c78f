"""Run the Telegram bot (`interview-bot telegram`, see bot.adapters.telegram.command): by long polling, or by
webhook when TELEGRAM_WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from urllib.parse import urlsplit

import click
from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import Application

from bot.adapters.telegram.application import DEFAULT_EXTENSIONS, bot_token, build_application
from bot.adapters.telegram.request import AiohttpRequest
from bot.runtime.context import open_context
from bot.runtime.logs import RedactSecrets, configure_logging, install_redaction
from bot.runtime.settings import ConfigError, Settings
from bot.runtime.shutdown import install

log = logging.getLogger(__name__)

SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def webhook_secret(settings: Settings) -> str:
    """TELEGRAM_WEBHOOK_SECRET, validated; when unset, one derived from the bot token (the same in every
    replica, so that each replica's setWebhook keeps the others' secret valid)."""
    if settings.telegram_webhook_secret is None or not settings.telegram_webhook_secret.get_secret_value():
        return hashlib.sha256(f"interview-bot webhook:{bot_token(settings)}".encode()).hexdigest()
    value = settings.telegram_webhook_secret.get_secret_value()
    if not SECRET.fullmatch(value):
        raise ConfigError("invalid setting TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return value


def check(settings: Settings) -> None:
    """Validate the Telegram settings before anything starts (ConfigError names the bad one)."""
    bot_token(settings)
    url = settings.telegram_webhook_url
    if url and (not url.startswith(("http://", "https://")) or not urlsplit(url).hostname):
        raise ConfigError("invalid setting TELEGRAM_WEBHOOK_URL: must be a public https:// URL")
    if url:
        webhook_secret(settings)
    if not 0 < settings.telegram_webhook_port < 65536:
        raise ConfigError("invalid setting TELEGRAM_WEBHOOK_PORT: must be a port number")


def serve(settings: Settings) -> None:
    """Run the Telegram bot with `settings` until stopped (long polling; webhook when TELEGRAM_WEBHOOK_URL
    is set)."""
    check(settings)
    token = bot_token(settings)
    secret = webhook_secret(settings) if settings.telegram_webhook_url else ""
    configure_logging(settings.log_level, settings.log_json, token, secret)
    redact = install_redaction(token, secret)
    preflight(settings, token, redact)  # a rejected token or an unreachable Bot API: one line, before anything starts
    stop = install()  # graceful SIGTERM until PTB's run_* installs its own handlers
    ctx = open_context(settings, platform="telegram")
    try:
        ctx.start(stop)
        app = build_application(ctx, DEFAULT_EXTENSIONS)
        ctx.health.set_check("platform", lambda: app.running)  # /healthz: up while the app runs
        try:
            _run(app, settings, secret)
        except TelegramError as exc:  # start-up steps after getMe (deleteWebhook, setWebhook) failed
            raise click.ClickException(redact.redact(f"the Telegram bot stopped: {_reason(exc)}")) from None
    finally:
        ctx.close()


def _reason(exc: TelegramError) -> str:
    return f"{type(exc).__name__}: {exc.message}"


def preflight(settings: Settings, token: str, redact: RedactSecrets) -> None:
    """Ask the Bot API who the bot is (getMe), once, without retries: a ClickException of one line, without
    the token, when Telegram rejects the token or cannot be reached (bounded by the request timeouts:
    5 s to connect, 5 s to read)."""
    api = settings.telegram_api_url.rstrip("/")

    async def get_me() -> None:
        bot = Bot(token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot",
                  request=AiohttpRequest(connection_pool_size=1))
        async with bot:  # initialize() calls getMe; leaving closes the connection, also after a failure
            pass

    try:
        asyncio.run(get_me())
    except InvalidToken:
        message = ("Telegram rejected the bot token (TELEGRAM_BOT_TOKEN): getMe answered 401 Unauthorized; "
                   "copy the token from @BotFather again")
    except TimedOut:
        message = f"the Telegram Bot API at {api} (TELEGRAM_API_URL) did not answer getMe in time"
    except NetworkError as exc:
        message = f"could not reach the Telegram Bot API at {api} (TELEGRAM_API_URL): {exc.message}"
    except TelegramError as exc:
        message = f"the Telegram Bot API at {api} (TELEGRAM_API_URL) refused getMe: {_reason(exc)}"
    else:
        return
    raise click.ClickException(redact.redact(message))


def _run(app: Application, settings: Settings, secret: str) -> None:
    """Poll, or serve the webhook, until stopped."""
    if settings.telegram_webhook_url:
        path = urlsplit(settings.telegram_webhook_url).path.strip("/")
        listen, port = settings.telegram_webhook_listen, settings.telegram_webhook_port
        log.info("starting the Telegram bot by webhook on %s:%d/%s", listen, port, path)
        try:
            app.run_webhook(
                listen=listen, port=port, url_path=path, webhook_url=settings.telegram_webhook_url,
                secret_token=secret, allowed_updates=Update.ALL_TYPES,
            )
        except OSError as exc:  # e.g. the port is taken
            raise click.ClickException(f"could not serve the webhook on {listen}:{port} "
                                       f"(TELEGRAM_WEBHOOK_LISTEN, TELEGRAM_WEBHOOK_PORT): {exc.strerror or exc}"
                                       ) from None
    else:
        log.info("starting the Telegram bot by long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
