"""`/ask scope` on Slack, through Bolt and slack_sdk against the fake Slack Web API: only admins (workspace
admins, the channel's creator) set it; /ask, mentions, buttons and the channel's daily posts honour it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack import daily as daily_slack
from bot.adapters.slack.application import build_app
from bot.answer.library import Library
from bot.answer.scope import Scope
from bot.answer.texts import message
from bot.daily import commands
from bot.runtime.context import AppContext
from tests.adapters.slack.blockkit import quote_lines
from tests.adapters.slack.fake_api import BOT_USER, FakeSlack
from tests.adapters.slack.harness import Slack, fake_slack, serving, slack_context, slack_settings

CHANNEL = "C0CMD"  # the harness sends commands from this channel, as user U0ASKER
DAI = "xinpiceng-dai-yusen"
ELSEWHERE = "Was denkt Gomez über synthetische Daten?"  # answered from a Gomez interview, not from Dai's


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack() as api:
        yield api


@pytest.fixture
def ctx(fake: FakeSlack, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'slack.sqlite3'}")
    ctx = slack_context(slack_settings(fake), library)
    yield ctx
    ctx.close()


@pytest.fixture
def slack(fake: FakeSlack, ctx: AppContext) -> Iterator[Slack]:
    app = build_app(ctx, ["bot.adapters.slack.daily"], process_before_response=True)
    with serving(fake, app) as running:
        yield running


def ask(slack: Slack, text: str) -> dict[str, Any]:
    """`/ask text`, and the (ephemeral) message it was answered with."""
    before = len(slack.fake.posted("response_url"))
    slack.command(text)
    return slack.fake.wait_for(lambda _: slack.fake.posted("response_url")[before:])[0].params


def articles_quoted(library: Library, msg: dict[str, Any]) -> set[str]:
    """The articles the message quotes from: those whose passages hold its quoted lines (lines of 20
    characters or more: a short one, "…" or "是的。", is in many articles)."""
    lines = quote_lines(msg)
    assert all(any(line in p.text.replace("*", "") for p in library.passages) for line in lines)
    return {p.article_id for line in lines if len(line) >= 20 for p in library.passages
            if line in p.text.replace("*", "")}


def test_admins_scope_a_channel_and_answers_and_daily_posts_honour_it(fake: FakeSlack, slack: Slack,
                                                                      ctx: AppContext, library: Library) -> None:
    assert "Only the admins" in ask(slack, f"scope article={DAI}")["text"]
    assert ctx.scopes.get("slack", CHANNEL) is None
    assert articles_quoted(library, ask(slack, ELSEWHERE)) - {DAI}  # unscoped: from the Gomez interviews

    fake.creators[CHANNEL] = "U0ASKER"  # the channel's creator may set it
    done = ask(slack, f"scope article={DAI}")["text"]
    assert "Done" in done and DAI in done and ctx.scopes.get("slack", CHANNEL) == Scope(articles=(DAI,))

    scoped = ask(slack, ELSEWHERE)
    assert not quote_lines(scoped)
    assert message("no_match_scoped", "de", scope=f"article={DAI}") in str(scoped)
    assert articles_quoted(library, ask(slack, "马太效应")) == {DAI}

    before = len(fake.posted("chat.postMessage"))  # a mention in the channel: in the thread, scoped too
    slack.event({"type": "app_mention", "user": "U0ASKER", "text": f"<@{BOT_USER}> 马太效应", "ts": "1700000001.000100",
                 "channel": CHANNEL})
    mention = fake.wait_for(lambda _: fake.posted("chat.postMessage")[before:])[0].params
    assert articles_quoted(library, mention) == {DAI}

    commands.subscribe(ctx.engine, ("09:00", "UTC"), library, "slack", CHANNEL, ["09:00", "UTC"], user=None,
                       lang="en", now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    poster = daily_slack.SlackPoster(slack.app.client, ctx, rate=0)
    sent = [pid for day in (2, 3, 4) for _, _, pid in
            poster.scheduler.run_once(dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC)).sent]
    assert len(sent) == 3 and {library.by_id[pid].article_id for pid in sent} == {DAI}

    shown = ask(slack, "scope")["text"]
    assert f"article={DAI}" in shown and all(a in shown for a in library.articles)
    assert "Scope removed" in ask(slack, "scope reset")["text"]
    assert ctx.scopes.get("slack", CHANNEL) is None
    assert articles_quoted(library, ask(slack, ELSEWHERE)) - {DAI}


def test_a_workspace_admin_may_set_it_and_a_bad_scope_changes_nothing(fake: FakeSlack, slack: Slack,
                                                                      ctx: AppContext) -> None:
    fake.admins.add("U0ASKER")
    assert "Done" in ask(slack, "scope language=de")["text"]
    bad = ask(slack, "scope language=fr speaker=Nobody")["text"]
    assert "can't set that scope" in bad and ctx.scopes.get("slack", CHANNEL) == Scope(languages=("de",))


def test_a_scope_that_rules_out_a_subscriptions_filters_skips_days_and_never_pauses_it(
        fake: FakeSlack, slack: Slack, ctx: AppContext, library: Library) -> None:
    from sqlalchemy.orm import Session

    from bot.daily.subscriptions import find

    commands.subscribe(ctx.engine, ("09:00", "UTC"), library, "slack", CHANNEL, ["09:00", "UTC", "language=de"],
                       user=None, lang="en", now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    fake.admins.add("U0ASKER")
    assert "Done" in ask(slack, f"scope article={DAI}")["text"]  # Dai's interview is Chinese only
    poster = daily_slack.SlackPoster(slack.app.client, ctx, rate=0)
    for day in (2, 3):
        assert not poster.scheduler.run_once(dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC)).sent
    with Session(ctx.engine) as session:
        sub = find(session, "slack", CHANNEL)
        assert sub is not None and sub.active  # skipped days, not a paused subscription
    # a new subscription that the scope leaves nothing to post is refused, with the reason
    refused = commands.subscribe(ctx.engine, ("09:00", "UTC"), library, "slack", CHANNEL, ["language=en"], user=None,
                                 lang="en")
    assert refused == commands.text("no_quotes", "en")
    assert "Scope removed" in ask(slack, "scope reset")["text"]
    sent = poster.scheduler.run_once(dt.datetime(2026, 11, 4, 9, tzinfo=dt.UTC)).sent
    assert len(sent) == 1 and library.articles[library.by_id[sent[0][2]].article_id].language == "de"


def test_a_question_that_only_starts_with_scope_is_answered(slack: Slack, library: Library) -> None:
    reply = ask(slack, "scope of Cohere's business models")
    assert "can't set that scope" not in str(reply) and "Only the admins" not in str(reply)
    assert "🔎 scope of Cohere" in str(reply)  # answered as a question (its answer is headed by it)
