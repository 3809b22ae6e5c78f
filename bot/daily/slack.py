"""Slack extension for the daily quote: `/ask subscribe|unsubscribe|subscription|today`, `/quote …`,
and a background thread that posts due quotes with chat.postMessage.

Plug in with `build_app(settings, library, extensions=["bot.daily.slack"])`: `register()` adds the
`/quote` command and starts the posting thread (one per process; any number of processes may run, the
database claims keep every post to one, see bot.daily.scheduler).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError

from bot.daily import service
from bot.daily.choose import quote_of_the_day
from bot.daily.scheduler import ChatGone, RetryLater, Scheduler
from bot.daily.subscriptions import default_engine
from bot.daily.texts import text
from bot.messages import ui_language
from bot.reply import Reply

if TYPE_CHECKING:
    from slack_bolt import App
    from sqlalchemy.engine import Engine

    from bot.core import Library
    from bot.daily.models import Subscription
    from bot.reply import Quote

log = logging.getLogger(__name__)

PLATFORM = "slack"
INTERVAL = 30.0  # seconds between posting rounds
RATE = 5.0  # posts per second (Slack allows about one per second per channel, bursts workspace-wide)
AUTOSTART = True  # register() starts the posting thread (tests turn this off)
GONE = {"channel_not_found", "not_in_channel", "is_archived", "account_inactive", "team_access_not_granted",
        "restricted_action", "restricted_action_read_only_channel", "user_not_found", "cannot_dm_bot"}

Handler = Callable[..., None]


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _say(respond: Any, message: str) -> None:
    if respond is not None:
        respond(text=_escape(message), response_type="ephemeral", replace_original=False)


def _where(command: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return str(command.get("channel_id") or ""), command.get("team_id"), command.get("user_id")


# -- subcommands (fn(*, text, command, respond, client, library)) ----------------------------------
def _lang(command: dict[str, Any]) -> str:
    return ui_language(command.get("locale") or "en")


def on_subscribe(*, text: str, command: dict[str, Any], respond: Any, client: Any, library: Library,
                 engine: Engine | None = None) -> None:
    """`subscribe [HH:MM] [time zone]`: post a quote in this channel every day."""
    from bot.settings import get_settings

    channel, team, user = _where(command)
    answer = service.subscribe(engine or default_engine(), get_settings(), library, PLATFORM, channel, text.split(),
                               user=f"slack:{user}" if user else None, team_id=team, lang=_lang(command))
    _say(respond, answer.replace("/subscribe", f"{command.get('command') or '/ask'} subscribe"))


def on_unsubscribe(*, text: str, command: dict[str, Any], respond: Any, client: Any, library: Library,
                   engine: Engine | None = None) -> None:
    """`unsubscribe`: stop the daily quote in this channel."""
    channel, _, _ = _where(command)
    answer = service.unsubscribe(engine or default_engine(), PLATFORM, channel, lang=_lang(command))
    _say(respond, answer.replace("/subscribe", f"{command.get('command') or '/ask'} subscribe"))


def on_subscription(*, text: str, command: dict[str, Any], respond: Any, client: Any, library: Library,
                    engine: Engine | None = None) -> None:
    """`subscription`: this channel's daily quote settings."""
    channel, _, _ = _where(command)
    answer = service.show(engine or default_engine(), PLATFORM, channel, lang=_lang(command))
    _say(respond, answer.replace("/subscribe", f"{command.get('command') or '/ask'} subscribe"))


def on_today(*, text: str, command: dict[str, Any], respond: Any, client: Any, library: Library,
             engine: Engine | None = None) -> None:
    """`today`: the quote of the day (only to the asker)."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from bot.settings import get_settings

    day = dt.datetime.now(ZoneInfo(get_settings().quote_default_timezone)).date()
    msg = format_post(quote_of_the_day(library, day), _lang(command))
    if respond is not None:
        respond(**msg, response_type="ephemeral", replace_original=False)


def subcommands() -> dict[str, Handler]:
    return {"subscribe": on_subscribe, "unsubscribe": on_unsubscribe, "subscription": on_subscription,
            "today": on_today}


# -- posting ---------------------------------------------------------------------------------------
def format_post(quote: Quote, lang: str) -> dict[str, Any]:
    """`{"text", "blocks"}`: a title, the quote as answers show it, and its "full passage" button."""
    from bot.slack import render

    blocks = [render.context(f"*{_escape(text('quote_of_day', lang))}*"), *render.quote_blocks(quote, lang)]
    fallback = render.fallback(Reply(query="", quotes=(quote,), language=quote.article.language))
    return {"text": fallback, "blocks": blocks}


def post(client: Any, sub: Subscription, quote: Quote) -> str | None:
    """chat.postMessage; Slack errors become the scheduler's ChatGone / RetryLater."""
    msg = format_post(quote, sub.ui_language)
    try:
        resp = client.chat_postMessage(channel=sub.chat_id, unfurl_links=False, unfurl_media=False, **msg)
    except SlackApiError as exc:
        error = str(exc.response.get("error") or "")
        if error in GONE:
            raise ChatGone(error) from exc
        if exc.response.status_code == 429:
            raise RetryLater(float(exc.response.headers.get("Retry-After", 30))) from exc
        raise
    return resp.get("ts")


class SlackPoster:
    """A thread that runs a posting round every `interval` seconds until stopped."""

    def __init__(self, client: Any, library: Library, engine: Engine | None = None, *, interval: float = INTERVAL,
                 rate: float = RATE) -> None:
        self.client, self.interval = client, interval
        self.scheduler = Scheduler(engine or default_engine(), library, lambda sub, q: post(self.client, sub, q),
                                   platform=PLATFORM, rate=rate)
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="daily-quote-slack", daemon=True)

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
        if result.sent or result.paused or result.retry:
            log.info("daily: %d sent, %d paused, %d to retry", len(result.sent), len(result.paused), result.retry)

    def _loop(self) -> None:
        while not self.stop_event.is_set():
            self.run_once()
            self.stop_event.wait(self.interval)


posters: list[SlackPoster] = []


def register(app: App, library: Library) -> None:
    """Add `/quote [today|subscribe …|unsubscribe|subscription]` and start the posting thread."""
    commands = subcommands()

    @app.command("/quote")
    def on_quote(ack: Callable[..., None], command: dict[str, Any], respond: Any, client: Any) -> None:
        """`/quote`: today's quote; `/quote subscribe [HH:MM] [zone]`, `unsubscribe`, `subscription`."""
        ack()
        first, _, rest = (command.get("text") or "").strip().partition(" ")
        handler = commands.get(first.lower() or "today")
        if handler is None:
            usage = text("usage", _lang(command))
            for word in ("/subscribe", "/unsubscribe", "/subscription", "/today"):
                usage = usage.replace(word, f"/quote {word[1:]}")
            _say(respond, usage)
            return
        handler(text=rest.strip(), command=command, respond=respond, client=client, library=library)

    if AUTOSTART:
        posters.append(SlackPoster(app.client, library).start())
