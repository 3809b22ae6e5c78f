"""Slack extension for the daily quote: `/ask subscribe|unsubscribe|subscription|today`, `/quote …`,
and a background thread that posts due quotes with chat.postMessage.

Plug in with `build_app(ctx, extensions=["bot.adapters.slack.daily"])`: `register()` adds the `/quote`
command; `interview-bot slack` starts the posting thread (`SlackPoster`; any number of processes may run,
the database claims keep every post to one, see bot.daily.scheduler).
"""

from __future__ import annotations

import copy
import datetime as dt
import http.client
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.error import URLError
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from bot.adapters.slack import render
from bot.answer.reply import Reply
from bot.answer.texts import ui_language
from bot.daily import commands as daily
from bot.daily.choose import quote_of_the_day
from bot.daily.commands import text
from bot.daily.commands import text as daily_text
from bot.daily.history import history, opening
from bot.daily.scheduler import ChatGone, MaybeSent, RetryLater, Scheduler

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.answer.reply import Quote
    from bot.db.schema import Subscription
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

PLATFORM = "slack"
INTERVAL = 30.0  # seconds between posting rounds
RATE = 5.0  # posts per second (Slack allows about one per second per channel, bursts workspace-wide)
GONE = {"channel_not_found", "not_in_channel", "is_archived", "account_inactive", "team_access_not_granted",
        "restricted_action", "restricted_action_read_only_channel", "user_not_found", "cannot_dm_bot"}

Handler = Callable[..., None]


def _say(respond: Any, message: str, command: dict[str, Any] | None = None) -> None:
    """An ephemeral text reply; "/subscribe" in it written as the slash command the user typed."""
    if command is not None:
        message = message.replace("/subscribe", f"{command.get('command') or '/ask'} subscribe")
    if respond is not None:
        respond(text=render.escape(message), response_type="ephemeral", replace_original=False)


def _where(command: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return str(command.get("channel_id") or ""), command.get("team_id"), command.get("user_id")


def user_language(command: dict[str, Any]) -> str:
    """The interface language of the Slack user who sent a command (their locale)."""
    return ui_language(command.get("locale") or "en")


# -- subcommands (fn(*, text, command, respond, client, ctx)) ------------------------------------------
def on_subscribe(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> None:
    """`subscribe [HH:MM] [time zone]`: post a quote in this channel every day."""
    channel, team, user = _where(command)
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    answer = daily.subscribe(ctx.engine, defaults, ctx.library.current, PLATFORM, channel, text.split(),
                             user=f"slack:{user}" if user else None, team_id=team, lang=user_language(command),
                             translations=translations(ctx))
    _say(respond, answer, command)


def on_unsubscribe(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> None:
    """`unsubscribe`: stop the daily quote in this channel."""
    channel, _, _ = _where(command)
    _say(respond, daily.unsubscribe(ctx.engine, PLATFORM, channel, lang=user_language(command)), command)


def on_subscription(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> None:
    """`subscription`: this channel's daily quote settings."""
    channel, _, _ = _where(command)
    _say(respond, daily.show(ctx.engine, PLATFORM, channel, lang=user_language(command)), command)


def on_today(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> None:
    """`today`: the quote of the day (only to the asker)."""
    day = dt.datetime.now(ZoneInfo(ctx.settings.quote_default_timezone)).date()
    channel, _, _ = _where(command)
    scope = ctx.scopes.get(PLATFORM, channel)
    try:
        quote = quote_of_the_day(ctx.library.current, day, scope=scope)
    except LookupError:  # nothing in the channel's scope is quotable
        _say(respond, daily_text("no_quotes", user_language(command)))
        return
    msg = format_post(quote, user_language(command), ctx.translator is not None)
    if respond is not None:
        respond(**msg, response_type="ephemeral", replace_original=False)


def on_history(*, text: str, command: dict[str, Any], respond: Any, client: Any, ctx: AppContext) -> None:
    """`history`: the last 10 quotes of the day this channel received, with links (only to the asker)."""
    channel, _, _ = _where(command)
    lang = user_language(command)
    library = ctx.library.current
    items = []
    for item in history(ctx.engine, PLATFORM, channel):
        p = library.by_id.get(item.passage_id)
        if p is not None:  # not removed from the corpus since
            items.append((item.day.isoformat(), p.speaker, opening(p.text), library.ref(p.article_id)))
    empty = daily_text("history_empty", lang).replace("/subscribe", f"{command.get('command') or '/ask'} subscribe")
    msg = render.history_message(items, lang, daily_text("history_title", lang), empty)
    if respond is not None:
        respond(**msg, response_type="ephemeral", replace_original=False)


def subcommands() -> dict[str, Handler]:
    return {"subscribe": on_subscribe, "unsubscribe": on_unsubscribe, "subscription": on_subscription,
            "today": on_today, "history": on_history}


def translations(ctx: AppContext) -> tuple[str, ...]:
    """The languages `subscribe … translate=LANG` may name (none when machine translation is off)."""
    if not ctx.settings.translate_url:
        return ()
    return tuple(ctx.settings.translation_targets()) or daily.TRANSLATE_TO


# -- posting ---------------------------------------------------------------------------------------
def format_post(quote: Quote, lang: str, translating: bool = False) -> dict[str, Any]:
    """`{"text", "blocks"}`: a title, the quote as answers show it (with its machine translation, if it has
    one), its "full passage" button, when `translating` (machine translation is on) a Translate button, More
    like this, and 👍/👎."""
    blocks = [render.context(f"*{render.escape(text('quote_of_day', lang))}*"),
              *render.quote_blocks(quote, lang, translating, feedback=("daily", None), similar=True)]
    fallback = render.fallback(Reply(query="", quotes=(quote,), language=quote.article.language))
    return {"text": fallback, "blocks": blocks}


def post(client: Any, sub: Subscription, quote: Quote, translating: bool = False) -> str | None:
    """chat.postMessage; Slack errors become the scheduler's ChatGone / RetryLater, and a request that
    went out without an answer (a timeout or a dropped connection after sending) its MaybeSent."""
    msg = format_post(quote, sub.ui_language, translating)
    try:
        resp = client.chat_postMessage(channel=sub.chat_id, unfurl_links=False, unfurl_media=False, **msg)
    except SlackApiError as exc:
        error = str(exc.response.get("error") or "")
        if error in GONE:
            raise ChatGone(error) from exc
        if exc.response.status_code == 429:
            raise RetryLater(float(exc.response.headers.get("Retry-After", 30))) from exc
        raise
    except URLError:  # urllib: no connection, or the request could not be written: nothing was posted
        raise
    except (OSError, http.client.HTTPException) as exc:  # urllib: failed while waiting for the answer
        raise MaybeSent(f"{type(exc).__name__}: {exc}") from exc
    return resp.get("ts")


def posting_client(client: Any) -> Any:
    """`client` for chat.postMessage: slack_sdk's default retry handler also repeats a request whose
    connection was reset or closed before the answer (it may have posted); this copy retries only
    connections that could not be made (urllib's URLError). Other retry handlers are kept."""
    if not isinstance(client, WebClient):
        return client
    safe = copy.copy(client)
    safe.retry_handlers = [h for h in client.retry_handlers if not isinstance(h, ConnectionErrorRetryHandler)]
    safe.retry_handlers.append(ConnectionErrorRetryHandler(error_types=[URLError]))
    return safe


class SlackPoster:
    """A thread that runs a posting round every `interval` seconds until stopped."""

    def __init__(self, client: Any, ctx: AppContext, *, interval: float = INTERVAL, rate: float = RATE) -> None:
        self.client, self.interval = posting_client(client), interval
        self.ctx = ctx
        self.scheduler = Scheduler(ctx.engine, ctx.library, self._send, platform=PLATFORM, events=ctx.metrics,
                                   rate=rate)
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="daily-quote-slack", daemon=True)

    def _send(self, sub: Subscription, quote: Quote) -> str | None:
        return post(self.client, sub, *self.ctx.translated_quote(quote, sub.translate_to))

    def start(self) -> SlackPoster:
        self.thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def run_once(self) -> None:
        try:
            result = self.scheduler.run_once(stop=self.stop_event)
        except Exception:
            log.exception("daily: posting round failed")
            return
        if result.sent or result.paused or result.retry or result.uncertain:
            log.info("daily: %d sent, %d paused, %d to retry, %d maybe sent", len(result.sent), len(result.paused),
                     result.retry, result.uncertain)

    def _loop(self) -> None:
        while not self.stop_event.is_set():
            self.run_once()
            self.stop_event.wait(self.interval)


def register(app: App, ctx: AppContext) -> None:
    """Add `/quote [today|subscribe …|unsubscribe|subscription|history]`."""
    handlers = subcommands()

    @app.command("/quote")
    def on_quote(ack: Callable[..., None], command: dict[str, Any], respond: Any, client: Any) -> None:
        """`/quote`: today's quote; `/quote subscribe [HH:MM] [zone]`, `unsubscribe`, `subscription`, `history`."""
        ack()
        first, _, rest = (command.get("text") or "").strip().partition(" ")
        handler = handlers.get(first.lower() or "today")
        if handler is None:
            usage = text("usage", user_language(command))
            for word in ("/subscribe", "/unsubscribe", "/subscription", "/today", "/history"):
                usage = usage.replace(word, f"/quote {word[1:]}")
            _say(respond, usage)
            return
        handler(text=rest.strip(), command=command, respond=respond, client=client, ctx=ctx)
