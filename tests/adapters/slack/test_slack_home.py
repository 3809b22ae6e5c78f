"""The Home tab: today's quote, the articles, the user's daily quote and its buttons, through the real app
(DEFAULT_EXTENSIONS) over HTTP against the fake Slack Web API."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy.orm import Session

from bot.adapters.slack import home, render
from bot.adapters.slack.application import DEFAULT_EXTENSIONS, build_app
from bot.answer.library import Library
from bot.answer.texts import SLACK_AGENT, localized, message
from bot.daily import commands
from bot.daily.choose import quote_of_the_day
from bot.daily.subscriptions import find
from bot.db.schema import Subscription
from bot.runtime.context import AppContext
from tests.adapters.slack.blockkit import LINK, quote_lines, unquoted_problems, view_problems
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import Slack, serving

USER = "U0HOME"
DM = f"D{USER}"  # the fake's conversations.open gives user U the DM "DU"


@pytest.fixture
def slack(fake: FakeSlack, ctx: AppContext) -> Iterator[Slack]:
    app = build_app(ctx, DEFAULT_EXTENSIONS, process_before_response=True)  # no posting thread: not started here
    with serving(fake, app) as running:
        yield running


def open_home(slack: Slack, user: str = USER) -> dict[str, Any]:
    """Open the Home tab; the view published for `user`."""
    before = len(published(slack))
    status, _ = slack.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home",
                             "event_ts": f"{time.time():.6f}"})
    assert status == 200
    return latest(slack, before)


def published(slack: Slack) -> list[dict[str, Any]]:
    return [c.params for c in slack.fake.calls if c.method == "views.publish"]


def latest(slack: Slack, before: int) -> dict[str, Any]:
    views = slack.fake.wait_for(lambda _: len(published(slack)) > before and published(slack))
    params = views[-1]
    assert params["user_id"] == USER
    assert view_problems(params["view"]) == []
    return params["view"]


def element(view: dict[str, Any], action_id: str) -> dict[str, Any] | None:
    for block in view["blocks"]:
        for el in block.get("elements", []):
            if el.get("action_id") == action_id:
                return el
    return None


def text_of(view: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in view["blocks"] if b["type"] == "section")


def press(slack: Slack, action: dict[str, Any], user: str | None = USER) -> tuple[int, str]:
    """A click in the Home tab (its payload has a view, no channel, no message, no response_url)."""
    payload: dict[str, Any] = {
        "type": "block_actions", "team": {"id": "T0001", "domain": "test"}, "api_app_id": "A0001", "token": "x",
        "container": {"type": "view", "view_id": "V1"}, "trigger_id": "1.2.3",
        "view": {"id": "V1", "type": "home", "blocks": [], "private_metadata": ""},
        "actions": [{"block_id": "b1", "action_ts": "1.2", **action}],
    }
    if user is not None:
        payload["user"] = {"id": user, "username": "homer", "team_id": "T0001"}
    return slack.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def click(slack: Slack, button: dict[str, Any]) -> dict[str, Any]:
    before = len(published(slack))
    status, _ = press(slack, {k: button[k] for k in ("action_id", "text", "value", "type")})
    assert status == 200
    return latest(slack, before)


def choose(slack: Slack, menu: dict[str, Any], value: str) -> dict[str, Any]:
    before = len(published(slack))
    [option] = [o for o in menu["options"] if o["value"] == value]
    status, _ = press(slack, {"action_id": menu["action_id"], "type": "static_select", "selected_option": option})
    assert status == 200
    return latest(slack, before)


def subscription(ctx: AppContext, channel: str = DM) -> Subscription | None:
    with Session(ctx.engine, expire_on_commit=False) as s:
        return find(s, "slack", channel)


def test_the_home_tab_shows_todays_quote_every_article_and_no_subscription(slack: Slack, ctx: AppContext,
                                                                           library: Library) -> None:
    slack.fake.locales[USER] = "de-DE"
    view = open_home(slack)
    assert view["type"] == "home"
    assert unquoted_problems({"blocks": view["blocks"]}, library) == [], "verbatim quote, links name their articles"
    text = text_of(view)
    assert render.escape(message("intro", "de")) in text, "in the user's Slack language"
    quote = quote_of_the_day(library, home.today(ctx))
    lines = quote_lines({"blocks": view["blocks"]})
    assert lines and lines[0] == quote.quote.split("\n")[0].replace("*", ""), "the quote /quote today shows"
    urls = {html.unescape(m.group(1)) for m in LINK.finditer(json.dumps(view["blocks"], ensure_ascii=False))}
    wanted = {a.url for a in library.articles.values() if a.url}
    assert wanted and wanted <= urls, "every article with its link"
    assert render.escape(localized(SLACK_AGENT, "home_not_subscribed", "de")) in text
    subscribe = element(view, home.SUBSCRIBE)
    assert subscribe is not None and "09:00 Europe/Berlin" in subscribe["text"]["text"]
    assert element(view, home.UNSUBSCRIBE) is None
    assert subscription(ctx) is None


def test_subscribe_change_time_and_unsubscribe_update_the_store_and_the_view(slack: Slack, ctx: AppContext) -> None:
    view = open_home(slack)
    subscribe = element(view, home.SUBSCRIBE)
    assert subscribe is not None

    assert view["blocks"][0]["type"] != "context"  # no notice before any press
    view = click(slack, subscribe)
    sub = subscription(ctx)
    assert sub is not None and sub.active and (sub.post_time, sub.timezone) == ("09:00", "Europe/Berlin")
    notice = view["blocks"][0]  # what the press did heads the view (here: the confirmation)
    assert notice["type"] == "context" and "09:00" in notice["elements"][0]["text"]
    assert sub.created_by == f"slack:{USER}" and sub.ui_language == "en"
    assert "09:00 (Europe/Berlin)" in text_of(view) and element(view, home.SUBSCRIBE) is None
    unsubscribe, menu = element(view, home.UNSUBSCRIBE), element(view, home.TIME)
    assert unsubscribe is not None and menu is not None and menu["initial_option"]["value"] == "09:00"

    view = choose(slack, menu, "07:00")
    sub = subscription(ctx)
    assert sub is not None and sub.active and (sub.post_time, sub.timezone) == ("07:00", "Europe/Berlin")
    assert "07:00 (Europe/Berlin)" in text_of(view)
    menu = element(view, home.TIME)
    assert menu is not None and menu["initial_option"]["value"] == "07:00"

    unsubscribe = element(view, home.UNSUBSCRIBE)
    assert unsubscribe is not None
    view = click(slack, unsubscribe)
    sub = subscription(ctx)
    assert sub is not None and not sub.active
    assert render.escape(localized(SLACK_AGENT, "home_not_subscribed", "en")) in text_of(view)
    subscribe = element(view, home.SUBSCRIBE)
    assert subscribe is not None and "07:00 Europe/Berlin" in subscribe["text"]["text"], "resumes as it was"


def test_a_new_time_keeps_the_zone_and_filters_set_with_quote_subscribe(slack: Slack, ctx: AppContext,
                                                                        library: Library) -> None:
    speaker = next(p.speaker for p in library.passages if p.speaker)
    defaults = (ctx.settings.quote_default_time, ctx.settings.quote_default_timezone)
    commands.subscribe(ctx.engine, defaults, library, "slack", DM, ["08:30", "Asia/Shanghai", f"speaker={speaker}"],
                       user=None, lang="en", now=dt.datetime.now(dt.UTC))
    view = open_home(slack)
    menu = element(view, home.TIME)
    assert menu is not None and menu["initial_option"]["value"] == "08:30", "its own time is in the menu"
    choose(slack, menu, "18:00")
    sub = subscription(ctx)
    assert sub is not None and (sub.post_time, sub.timezone, sub.speaker) == ("18:00", "Asia/Shanghai", speaker)


@pytest.mark.parametrize("action", [
    {"action_id": home.TIME, "type": "static_select", "selected_option": {"value": "25:99"}},
    {"action_id": home.TIME, "type": "static_select", "selected_option": {"value": "<!channel>"}},
    {"action_id": home.TIME, "type": "static_select", "selected_option": {"value": ["09:00"]}},
    {"action_id": home.TIME, "type": "static_select", "selected_option": None},
    {"action_id": home.TIME, "type": "static_select"},
    {"action_id": home.SUBSCRIBE, "type": "button", "value": "{\"channel\": \"C0OTHER\"}"},
])
def test_forged_or_garbled_presses_change_nothing_and_crash_nothing(slack: Slack, ctx: AppContext,
                                                                    action: dict[str, Any],
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    status, _ = press(slack, action)
    assert status == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert subscription(ctx, "C0OTHER") is None, "the DM comes from the clicker, never from a value"
    if action["action_id"] == home.TIME:
        assert subscription(ctx) is None and not published(slack)
    status, _ = press(slack, {"action_id": home.SUBSCRIBE, "type": "button", "value": ""}, user=None)
    assert status == 200 and not slack.fake.posted()


def test_a_refused_publish_is_one_log_line(slack: Slack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.adapters.slack")
    slack.fake.fail_next["views.publish"] = [(200, {}, {"ok": False, "error": "not_enabled"})]
    status, _ = slack.event({"type": "app_home_opened", "user": USER, "channel": DM, "tab": "home"})
    assert status == 200
    assert [r.getMessage() for r in caplog.records if "views.publish" in r.getMessage()] == \
        ["views.publish failed (not_enabled)"]
    open_home(slack)  # the next opening works
