"""The Slack app: a Bolt `App` wired to the process's AppContext.

Extensions (other features: subscriptions, corpus import, …) plug in without touching this package.
An extension is a module (named by its dotted path in `extensions` / `DEFAULT_EXTENSIONS`) with
either or both of:

    def register(app: slack_bolt.App, ctx: bot.runtime.context.AppContext) -> None
        add Bolt listeners (events, actions, views, …) to the app.

    def subcommands() -> dict[str, Callable[..., None]]
        map the first word of `/ask` text (case-insensitive) to a handler called as
        fn(*, text: str, command: dict, respond, client, ctx) -> None
        where `text` is what follows the first word (stripped), `command` the slash-command
        payload, `respond` Bolt's respond (response_url), `client` the WebClient.
        The `/ask` command is already acknowledged when the handler runs.

`/ask` dispatches to a subcommand when the first word matches one, shows help for an empty text or
"help", and otherwise treats the whole text as a question.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.adapters.slack import listeners, scope
from bot.adapters.slack.listeners.common import Answers
from bot.adapters.slack.middleware import Deduplicator, error_handler, skip_retries_and_duplicates
from bot.db.chat_state import QueryStore
from bot.runtime.context import AppContext
from bot.runtime.settings import ConfigError, Settings

log = logging.getLogger(__name__)

DEFAULT_EXTENSIONS: tuple[str, ...] = ("bot.adapters.slack.daily", "bot.adapters.slack.importing",
                                       "bot.adapters.slack.home")

Subcommand = Callable[..., object]  # returns False for a question that only starts with its word


def check_settings(settings: Settings, socket_mode: bool | None = None) -> None:
    """Raise ConfigError naming the first missing setting for the chosen mode."""
    if not _secret(settings.slack_bot_token):
        raise ConfigError("missing setting SLACK_BOT_TOKEN (the bot token, xoxb-…)")
    if socket_mode is None:
        socket_mode = bool(_secret(settings.slack_app_token))
    if socket_mode and not _secret(settings.slack_app_token):
        raise ConfigError("missing setting SLACK_APP_TOKEN (the app-level token, xapp-…)")
    if not socket_mode and not _secret(settings.slack_signing_secret):
        raise ConfigError("missing setting SLACK_SIGNING_SECRET (needed to verify requests in HTTP mode)")


def _secret(value: Any) -> str:
    return value.get_secret_value() if value is not None else ""


def api_base(url: str) -> str:
    """SLACK_API_URL with the trailing "/" WebClient needs (urljoin drops the last segment without it)."""
    return url if url.endswith("/") else url + "/"


def build_client(settings: Settings) -> WebClient:
    """A WebClient on SLACK_API_URL that waits out 429 answers (Retry-After) and retries dropped connections."""
    return WebClient(
        token=_secret(settings.slack_bot_token),
        base_url=api_base(settings.slack_api_url),
        timeout=10,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1), RateLimitErrorRetryHandler(max_retry_count=3)],
    )


def load_extensions(names: Iterable[str]) -> list[ModuleType]:
    """Import extension modules by dotted path."""
    return [importlib.import_module(name) for name in names]


class _SkipClientWarning(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN (which it reads by itself) is unused because we pass a client."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_app(ctx: AppContext, extensions: Iterable[str] = (), *, process_before_response: bool = False) -> App:
    """The Bolt app: core listeners, extensions, retry/duplicate filter and the error handler."""
    settings = ctx.settings
    socket_mode = bool(_secret(settings.slack_app_token))
    check_settings(settings, socket_mode)
    secret = _secret(settings.slack_signing_secret)
    bolt_logger = logging.getLogger("bot.slack.bolt")
    if not any(isinstance(f, _SkipClientWarning) for f in bolt_logger.filters):
        bolt_logger.addFilter(_SkipClientWarning())
    app = App(
        client=build_client(settings),
        signing_secret=secret or None,
        request_verification_enabled=bool(secret),
        process_before_response=process_before_response,
        logger=bolt_logger,
    )
    app.use(skip_retries_and_duplicates(Deduplicator()))
    app.error(error_handler(secret or None, ctx.metrics))
    modules = load_extensions(extensions)
    commands: dict[str, Subcommand] = {"scope": scope.on_scope}
    for module in modules:
        if hasattr(module, "subcommands"):
            commands.update({k.lower(): v for k, v in module.subcommands().items()})
    listeners.register(app, Answers(ctx, QueryStore(ctx.engine)), commands)
    for module in modules:
        if hasattr(module, "register"):
            module.register(app, ctx)
    listeners.register_fallbacks(app)
    return app
