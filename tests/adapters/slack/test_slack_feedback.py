"""Slack's feedback buttons (context_actions / feedback_buttons) under every quote, over signed HTTP against
the fake Web API, on SQLite and PostgreSQL: voting, changing a vote, a retried click, reasons, forged values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.adapters.slack import buttons
from bot.adapters.slack.application import build_app
from bot.answer import answerer
from bot.answer.library import Library
from bot.db import feedback_store
from bot.runtime.context import AppContext
from tests.adapters.slack.blockkit import problems
from tests.adapters.slack.fake_api import FakeSlack
from tests.adapters.slack.harness import Slack, serving, slack_context, slack_settings

CHANNEL = "C0FEED"


@pytest.fixture
def ctx(fake: FakeSlack, library: Library, db_url: str) -> Iterator[AppContext]:
    ctx = slack_context(slack_settings(fake, database_url=db_url), library)
    yield ctx
    ctx.close()


@pytest.fixture
def voting(fake: FakeSlack, ctx: AppContext) -> Iterator[Slack]:
    with serving(fake, build_app(ctx, process_before_response=True)) as running:
        yield running


def feedback_elements(msg: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in msg["blocks"] if b["type"] == "context_actions" for e in b["elements"]]


def ask_in_channel(slack: Slack, question: str) -> dict[str, Any]:
    """Mention the bot in CHANNEL; the answer as posted (with its ts, as a click would carry it)."""
    slack.event({"type": "app_mention", "channel": CHANNEL, "user": "U0ASKER", "ts": "1700000000.000001",
                 "text": f"<@UBOT> {question}"})
    [call] = slack.fake.wait_for(lambda _: slack.fake.posted("chat.postMessage"))
    assert not problems(call.params), problems(call.params)
    return {"ts": "1700000100.000100", "text": call.params["text"], "blocks": call.params["blocks"],
            "thread_ts": call.params.get("thread_ts")}


def responses(slack: Slack, n: int) -> list[dict[str, Any]]:
    calls = slack.fake.wait_for(lambda calls: len([c for c in calls if c.method == "response_url"]) >= n
                                and [c.params for c in calls if c.method == "response_url"])
    return calls


def votes(ctx: AppContext) -> list[dict[str, Any]]:
    return feedback_store.votes_of(ctx.engine, "slack", CHANNEL)


def counted(ctx: AppContext, vote: str) -> float:
    return ctx.metrics.registry.get_sample_value("interview_bot_feedback_total",
                                                 {"platform": "slack", "vote": vote}) or 0.0


def test_every_quote_gets_slack_feedback_buttons(voting: Slack, library: Library) -> None:
    question = "What does Aidan Gomez think about synthetic data?"
    msg = ask_in_channel(voting, question)
    expected = answerer.answer(library, question)
    elements = feedback_elements(msg)
    assert len(elements) == len(expected.quotes)
    for q, e in zip(expected.quotes, elements, strict=True):
        assert e["type"] == "feedback_buttons"
        up, down = buttons.parse_feedback(e["positive_button"]["value"]), \
            buttons.parse_feedback(e["negative_button"]["value"])
        assert up is not None and down is not None
        assert (up.vote, down.vote, up.passage_id, up.kind) == ("up", "down", q.passage_id, "answer")
        assert up.query_id is not None and up.query_id == down.query_id


def test_vote_change_retry_and_reason(voting: Slack, ctx: AppContext, library: Library) -> None:
    question = "What does Aidan Gomez think about synthetic data?"
    msg = ask_in_channel(voting, question)
    first = feedback_elements(msg)[0]
    voting.feedback(first, True, message=msg, channel=CHANNEL)
    assert responses(voting, 1)[-1]["text"] == "Thanks for your feedback!"
    (row,) = votes(ctx)
    passage = answerer.answer(library, question).quotes[0].passage_id
    assert (row["vote"], row["passage_id"], row["question"], row["kind"], row["message_id"], row["user_id"]) == \
        ("up", passage, question, "answer", msg["ts"], "U0CLICK")
    voting.feedback(first, True, message=msg, channel=CHANNEL)  # Slack retries, or a second replica gets it
    responses(voting, 2)
    assert len(votes(ctx)) == 1 and counted(ctx, "up") == 1
    voting.feedback(first, False, message=msg, channel=CHANNEL)  # changing the vote: the reasons, to the clicker
    menu = responses(voting, 3)[-1]
    assert menu["response_type"] == "ephemeral" and not problems(menu)
    assert [votes(ctx)[0]["vote"], counted(ctx, "down")] == ["down", 1]
    reasons = [e for b in menu["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [e["text"]["text"] for e in reasons] == ["👎 Wrong passage", "👎 Not an answer",
                                                    "👎 Should have said no match"]
    voting.action(reasons[0], channel=CHANNEL)  # clicked on the ephemeral menu (no `message`)
    noted = responses(voting, 4)[-1]
    assert noted["replace_original"] in (True, "true") and "Wrong passage" in noted["text"]
    (row,) = votes(ctx)
    assert (row["vote"], row["reason"], row["message_id"]) == ("down", "wrong_passage", msg["ts"])
    voting.action(reasons[0], channel=CHANNEL)  # again: the same row
    responses(voting, 5)
    assert len(votes(ctx)) == 1 and counted(ctx, "down") == 1


def test_forged_feedback_values_get_a_note(voting: Slack, ctx: AppContext, library: Library) -> None:
    passage = library.passages[0].id
    forged = [
        {"action_id": "ib_feedback_1", "type": "feedback_buttons", "text": {"type": "plain_text", "text": "x"},
         "value": value}
        for value in ("nonsense", json.dumps({"v": "up", "k": "a", "p": passage, "q": 999999, "u": "en"}),
                      json.dumps({"v": "up", "k": "a", "p": passage, "u": "en"}),
                      json.dumps({"v": "meh", "k": "d", "p": passage, "u": "en"}),
                      json.dumps({"v": "up", "k": "d", "p": "no-such-passage", "u": "en"}))
    ]
    forged.append({"action_id": "ib_reason_1", "text": {"type": "plain_text", "text": "x"},
                   "value": json.dumps({"r": "wrong_passage", "k": "d", "p": passage, "u": "en", "c": "C0OTHER",
                                        "m": "1.2"})})  # a reason for a vote in another channel
    for i, button in enumerate(forged, 1):
        voting.action(button, channel=CHANNEL)
        assert responses(voting, i)[-1]["text"] == "This button no longer works. Please ask again."
    assert votes(ctx) == [] and feedback_store.votes_of(ctx.engine, "slack", "C0OTHER") == []
