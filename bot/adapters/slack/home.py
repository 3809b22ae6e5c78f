"""The app's Home tab: today's quote (the one `/quote today` shows), the articles with links, and the user's own
daily quote (the subscription of their DM with the app, the one `/quote subscribe` makes there) with buttons
to subscribe, unsubscribe and change the time. A press changes the subscription, then publishes the view again.

Plug in as an extension (`bot.adapters.slack.home`, in DEFAULT_EXTENSIONS). The DM is found from the user
who pressed (conversations.open), never from a value; a garbled time changes nothing. Text is in the user's
Slack language (bot.adapters.slack.locales), escaped like every message.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.adapters.slack import render
from bot.adapters.slack.agent import tab_is
from bot.adapters.slack.daily import PLATFORM, translations
from bot.adapters.slack.locales import Locales, error_code
from bot.answer.texts import SLACK_AGENT, localized, message
from bot.daily import commands as daily
from bot.daily import subscriptions
from bot.daily.choose import quote_of_the_day
from bot.db.schema import utcnow

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.answer.library import Library
    from bot.answer.scope import Scope
    from bot.db.schema import Subscription
    from bot.runtime.context import AppContext

log = logging.getLogger(__name__)

SUBSCRIBE = "home_subscribe"
UNSUBSCRIBE = "home_unsubscribe"
TIME = "home_time"
TIMES = ("07:00", "08:00", "09:00", "12:00", "18:00", "21:00")  # the times the menu offers
MAX_BLOCKS = 100  # a Home tab view holds at most 100 blocks
MAX_ARTICLE_SECTIONS = 60
SECTION_BUDGET = render.MAX_SECTION - 100

Block = dict[str, Any]
Ack = Callable[..., None]


def text(key: str, lang: str, **values: object) -> str:
    return localized(SLACK_AGENT, key, lang, **values)


def today(ctx: AppContext) -> dt.date:
    """The day `/quote today` shows the quote of (in QUOTE_DEFAULT_TIMEZONE)."""
    return dt.datetime.now(ZoneInfo(ctx.settings.quote_default_timezone)).date()


# -- the view --------------------------------------------------------------------------------------
def quote_blocks(library: Library, day: dt.date, lang: str, scope: Scope | None = None) -> list[Block]:
    """Today's quote (within the DM's scope), verbatim, with the speaker, the interview question and the article
    (no buttons: a click in the Home tab has no conversation to answer in)."""
    title = render.strong(message("quote_of_day", lang))
    try:
        q = quote_of_the_day(library, day, scope=scope)
    except LookupError:
        return [render.section(f"{title}\n{render.escape(text('home_no_quote', lang))}")]
    blocks = [render.section(render.quote_section(f"{title}\n{render.strong(q.speaker or q.article.publisher)}",
                                                  q.quote))]
    if q.question:
        blocks.append(render.context(f"_{render.escape(render.label('asked', lang))}_: "
                                     f"{render.clip(q.question, render.MAX_QUESTION_SHOWN)}"))
    blocks.append(render.context(render.article_line(q.article, lang)))
    return blocks


def article_blocks(library: Library, lang: str) -> list[Block]:
    """Every article with its link, in as many sections as they need (whole lines in each)."""
    lines = [f"• {render.article_line(a, lang)}" for a in library.refs()]
    sections: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if sections[-1] and size + len(line) + 1 > SECTION_BUDGET:
            sections.append([])
            size = 0
        sections[-1].append(line)
        size += len(line) + 1
    head = render.strong(message("sources_title", lang))
    shown = sections[:MAX_ARTICLE_SECTIONS]
    left = sum(len(s) for s in sections[MAX_ARTICLE_SECTIONS:])
    if left:
        shown[-1] = [*shown[-1], f"… (+{left})"]
    return [render.section(render.fit_lines(([head] if i == 0 else []) + part, render.MAX_SECTION))
            for i, part in enumerate(shown) if part or i == 0]


def time_menu(lang: str, current: str | None) -> Block:
    """The time menu (the subscription's own time among them, selected)."""
    times = sorted({*TIMES, current}) if current else list(TIMES)
    options = [{"text": {"type": "plain_text", "text": t}, "value": t} for t in times]
    menu: Block = {"type": "static_select", "action_id": TIME, "options": options,
                   "placeholder": {"type": "plain_text", "text": text("home_time", lang)}}
    if current:
        menu["initial_option"] = next(o for o in options if o["value"] == current)
    return menu


def subscription_blocks(status: subscriptions.Status, lang: str, defaults: tuple[str, str],
                        now: dt.datetime) -> list[Block]:
    """The user's daily quote, and the buttons that change it."""
    sub = status.subscription
    active = sub is not None and sub.active
    title = render.strong(text("home_subscription", lang))
    if active:
        described = daily.describe(status, lang, now).replace("/subscribe", "/quote subscribe")
        row = [{"type": "button", "action_id": UNSUBSCRIBE, "value": UNSUBSCRIBE,
                "text": {"type": "plain_text", "text": text("home_unsubscribe", lang)}},
               time_menu(lang, sub.post_time if sub else None)]
    else:
        described = text("home_not_subscribed", lang)
        time, zone = (sub.post_time, sub.timezone) if sub is not None else defaults
        row = [{"type": "button", "action_id": SUBSCRIBE, "value": SUBSCRIBE, "style": "primary",
                "text": {"type": "plain_text", "text": text("home_subscribe", lang, time=f"{time} {zone}")[:75]}},
               time_menu(lang, None)]
    return [render.section(f"{title}\n{render.escape(described)}"), {"type": "actions", "elements": row}]


def home_view(ctx: AppContext, channel: str, lang: str, now: dt.datetime | None = None,
              notice: str | None = None) -> dict[str, Any]:
    """The Home tab for the user whose DM with the app is `channel`; `notice` (plain text: what their last
    button press did, e.g. a refusal) heads it."""
    now = now or utcnow()
    library = ctx.library.current
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    status = subscriptions.current(ctx.engine, PLATFORM, channel, now)
    head = [render.context(render.clip(notice, render.MAX_SECTION))] if notice else []
    blocks = [*head, render.section(render.escape(message("intro", lang))), {"type": "divider"},
              *quote_blocks(library, today(ctx), lang, ctx.scopes.get(PLATFORM, channel)), {"type": "divider"},
              *subscription_blocks(status, lang, defaults, now), {"type": "divider"},
              *article_blocks(library, lang)]
    return {"type": "home", "blocks": blocks[:MAX_BLOCKS]}


# -- changing the subscription ----------------------------------------------------------------------
def kept_settings(ctx: AppContext, sub: Subscription | None) -> list[str]:
    """A subscription's filters and translation as `subscribe` arguments (kept when the time changes)."""
    if sub is None:
        return []
    args = [f"{k}={v}" for k, v in (("language", sub.language), ("speaker", sub.speaker), ("article", sub.article))
            if v]
    if sub.translate_to and sub.translate_to in translations(ctx):
        args.append(f"translate={sub.translate_to}")
    return args


def subscribe(ctx: AppContext, channel: str, user: str, team: str | None, lang: str, time: str | None) -> str:
    """Subscribe the DM at `time` (None: the subscription's own time, or the default), keeping its zone and
    filters; the confirmation text."""
    sub = subscriptions.current(ctx.engine, PLATFORM, channel).subscription
    zone = sub.timezone if sub is not None else ctx.settings.quote_default_timezone
    time = time or (sub.post_time if sub is not None else ctx.settings.quote_default_time)
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    return daily.subscribe(ctx.engine, defaults, ctx.library.current, PLATFORM, channel,
                           [time, zone, *kept_settings(ctx, sub)], user=f"slack:{user}", lang=lang, team_id=team,
                           translations=translations(ctx))


def dm_channel(client: Any, user: str) -> str | None:
    """The user's DM with the app (where their daily quote goes), or None when Slack does not open it."""
    try:
        resp = client.conversations_open(users=user)
    except Exception as exc:
        log.warning("conversations.open failed (%s)", error_code(exc))
        return None
    channel = (resp.get("channel") or {}).get("id")
    return channel if isinstance(channel, str) and channel else None


def publish(client: Any, ctx: AppContext, user: str, channel: str, lang: str, notice: str | None = None) -> None:
    """Show the user their Home tab, headed by `notice` (a refusal, e.g. the Home tab is off, is one log line)."""
    try:
        client.views_publish(user_id=user, view=home_view(ctx, channel, lang, notice=notice))
    except Exception as exc:
        log.warning("views.publish failed (%s)", error_code(exc))


def chosen_time(body: dict[str, Any]) -> str | None:
    """The time picked in the menu (HH:MM), or None for anything else."""
    action = (body.get("actions") or [{}])[0]
    value = (action.get("selected_option") or {}).get("value") if isinstance(action, dict) else None
    if not isinstance(value, str) or len(value) != 5:
        return None
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        return None
    return value


def clicker(body: dict[str, Any], client: Any) -> tuple[str, str] | None:
    """(user, their DM with the app) of a button press, or None when either is unknown."""
    user = (body.get("user") or {}).get("id")
    channel = dm_channel(client, user) if isinstance(user, str) and user else None
    return (user, channel) if isinstance(user, str) and channel else None


def register(app: App, ctx: AppContext) -> None:
    """Add the Home tab and its buttons."""
    locales = Locales()

    @app.event("app_home_opened", matchers=[tab_is("home")])
    def on_home_tab(event: dict[str, Any], client: Any) -> None:
        """The Home tab opened: publish it for this user."""
        user, channel = event.get("user"), event.get("channel")
        if user and channel:
            publish(client, ctx, user, channel, locales.language(client, user))

    @app.action(SUBSCRIBE)
    def on_subscribe(ack: Ack, body: dict[str, Any], client: Any, context: Any) -> None:
        """Subscribe: a daily quote in the user's DM (at the time it had before, or the default)."""
        ack()
        who = clicker(body, client)
        if who is not None:
            lang = locales.language(client, who[0])
            publish(client, ctx, *who, lang, notice=subscribe(ctx, who[1], who[0], context.team_id, lang, None))

    @app.action(UNSUBSCRIBE)
    def on_unsubscribe(ack: Ack, body: dict[str, Any], client: Any, context: Any) -> None:
        """Unsubscribe: no more daily quotes in the DM."""
        ack()
        who = clicker(body, client)
        if who is not None:
            lang = locales.language(client, who[0])
            publish(client, ctx, *who, lang, notice=daily.unsubscribe(ctx.engine, PLATFORM, who[1], lang=lang))

    @app.action(TIME)
    def on_time(ack: Ack, body: dict[str, Any], client: Any, context: Any) -> None:
        """A time from the menu: subscribed at that time (zone and filters kept); anything else changes nothing."""
        ack()
        time = chosen_time(body)
        who = clicker(body, client) if time is not None else None
        if time is None:
            log.info("home: ignored a time that is not HH:MM")
        if who is not None:
            lang = locales.language(client, who[0])
            publish(client, ctx, *who, lang, notice=subscribe(ctx, who[1], who[0], context.team_id, lang, time))
