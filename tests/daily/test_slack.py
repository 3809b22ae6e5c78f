"""The Slack side of the daily quote, against the fake Slack Web API: /ask and /quote subcommands, posting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot.core import Library
from bot.daily import slack as daily_slack
from bot.daily.choose import daily_quote
from bot.daily.models import Subscription
from bot.daily.subscriptions import engine_for, find
from bot.slack.app import build_app
from tests.slack.fake_api import FakeSlack
from tests.slack.harness import Slack, fake_slack, serving, slack_settings

CHANNEL = "C0CMD"  # the harness sends commands from this channel


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack() as api:
        yield api


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'slack.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("QUOTE_DEFAULT_TIMEZONE", "Europe/Berlin")
    return url


@pytest.fixture
def slack(fake: FakeSlack, library: Library, db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Slack]:
    monkeypatch.setattr(daily_slack, "AUTOSTART", False)
    app = build_app(slack_settings(fake), library, ["bot.daily.slack"], process_before_response=True)
    with serving(fake, app) as running:
        yield running


def responses(fake: FakeSlack, n: int) -> list[dict[str, Any]]:
    calls = fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"][n - 1:] and
                          [c for c in calls if c.method == "response_url"])
    return [c.params for c in calls]


def subscription(db: str, channel: str = CHANNEL) -> Subscription | None:
    with Session(engine_for(db), expire_on_commit=False) as s:
        return find(s, "slack", channel)


def test_ask_subscribe_confirms_and_stores(slack: Slack, db: str) -> None:
    status, _ = slack.command("subscribe 07:45 Asia/Shanghai")
    assert status == 200
    (reply,) = responses(slack.fake, 1)
    assert reply["response_type"] == "ephemeral"
    assert "07:45" in reply["text"] and "Asia/Shanghai" in reply["text"] and "CST" in reply["text"]
    sub = subscription(db)
    assert sub is not None and sub.active and sub.team_id == "T0001" and sub.created_by == "slack:U0ASKER"
    slack.command("subscription")
    assert "07:45" in responses(slack.fake, 2)[-1]["text"]
    slack.command("unsubscribe")
    assert "Unsubscribed" in responses(slack.fake, 3)[-1]["text"]
    assert not subscription(db).active  # type: ignore[union-attr]
    slack.command("subscribe")  # defaults: 09:00 in QUOTE_DEFAULT_TIMEZONE
    last = responses(slack.fake, 4)[-1]["text"]
    assert "09:00" in last and "Europe/Berlin" in last


def test_quote_command_and_bad_input(slack: Slack, db: str) -> None:
    slack.command("subscribe 8:00 Nowhere/City", command="/quote")
    reply = responses(slack.fake, 1)[-1]["text"]
    assert "unknown time zone" in reply and "/quote subscribe" in reply
    slack.command("subscribe speaker=<!channel>", command="/quote")
    reply = responses(slack.fake, 2)[-1]["text"]
    assert "<!channel>" not in reply  # echoed input never pings the channel
    slack.command("", command="/quote")  # today's quote, only to the asker
    msg = responses(slack.fake, 3)[-1]
    assert msg["response_type"] == "ephemeral" and any(b["type"] == "actions" for b in msg["blocks"])
    assert subscription(db) is None


def test_post_is_sent_once_with_blocks_and_a_full_passage_button(fake: FakeSlack, library: Library, db: str) -> None:
    from bot.settings import load_settings

    app = build_app(slack_settings(fake), library, [], process_before_response=True)
    engine = engine_for(db)
    from bot.daily import service

    service.subscribe(engine, load_settings(), library, "slack", "C0POST", ["09:00", "UTC"], user=None, lang="en",
                      now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    poster = daily_slack.SlackPoster(app.client, library, engine, rate=0)
    r = poster.scheduler.run_once(dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC))
    assert len(r.sent) == 1
    (call,) = fake.posted("chat.postMessage")
    assert call.params["channel"] == "C0POST"
    passage = library.by_id[r.sent[0][2]]
    shown = daily_quote(library, passage.id)
    assert shown is not None and shown.quote in passage.text and shown.quote[:20] in call.params["text"]
    actions = [e for b in call.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions and actions[0]["value"] == passage.id and actions[0]["action_id"].startswith("ib_context")
    poster.scheduler.run_once(dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC))
    assert len(fake.posted("chat.postMessage")) == 1


def test_archived_channel_pauses_and_thread_loop_posts(fake: FakeSlack, library: Library, db: str) -> None:
    from bot.daily import service
    from bot.settings import load_settings

    app = build_app(slack_settings(fake), library, [], process_before_response=True)
    engine = engine_for(db)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    due = "00:00"  # today's post (UTC) is always due
    for channel in ("C0GONE", "C0OK"):
        service.subscribe(engine, load_settings(), library, "slack", channel, [due, "UTC"], user=None, lang="en",
                          now=since)
    fake.fail_next["chat.postMessage"] = [(200, {}, {"ok": False, "error": "is_archived"})]
    poster = daily_slack.SlackPoster(app.client, library, engine, interval=0.05, rate=0).start()
    try:
        fake.wait_for(lambda calls: len([c for c in calls if c.method == "chat.postMessage"]) >= 2)
    finally:
        poster.stop()
    gone, ok = subscription(db, "C0GONE"), subscription(db, "C0OK")
    assert gone is not None and not gone.active and gone.paused_reason == "is_archived"
    assert ok is not None and ok.active
    assert len(fake.posted("chat.postMessage")) == 2  # one refused, one sent; no retries of the archived one
