"""👍/👎 reactions as feedback, through the real Application against the fake Bot API, on SQLite and PostgreSQL:
a reaction votes on every quote of the message, another reaction changes the vote, taking it away withdraws
it; other emoji, unknown messages and anonymous counts are no votes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.answer import answerer
from bot.answer.library import Library
from bot.db import feedback_store, sent_store
from tests.adapters.telegram.fake_api import (
    USER,
    FakeBotAPI,
    callback,
    make_app,
    message,
    reaction,
    start_polling,
    stop,
)


@pytest.fixture
async def voting(fake: FakeBotAPI, library: Library, db_url: str) -> AsyncIterator[Any]:
    app = make_app(fake, library, database_url=db_url)
    await start_polling(app)
    yield app
    await stop(app)


def votes(app: Any, chat_id: int = USER["id"]) -> list[tuple[str, str, str, str | None, str]]:
    """(passage, vote, kind, question, message) of every vote stored for the chat."""
    rows = feedback_store.votes_of(app.bot_data["ctx"].engine, "telegram", str(chat_id))
    return [(r["passage_id"], r["vote"], r["kind"], r["question"], r["message_id"]) for r in rows]


def counted(app: Any, vote: str) -> float:
    value = app.bot_data["ctx"].metrics.registry.get_sample_value(
        "interview_bot_feedback_total", {"platform": "telegram", "vote": vote})
    return value or 0.0


async def settle(fake: FakeBotAPI, n: int) -> None:
    """Wait until the reactions pushed so far are handled: one chat's updates are handled in order, so once
    a question asked after them is answered (the n-th sendMessage), they are done."""
    await fake.push(message("/sources"))
    await fake.wait_for("sendMessage", n)


async def test_a_reaction_votes_on_every_quote_and_can_be_changed_and_withdrawn(fake, voting, library,
                                                                              question) -> None:
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    sent = fake.sent[-1]
    passages = [q.passage_id for q in answerer.answer(library, question).quotes]
    mid = str(sent["message_id"])
    await fake.push(reaction(sent, ["👍"]))
    await settle(fake, 2)
    assert votes(voting) == [(p, "up", "answer", question, mid) for p in passages]
    assert counted(voting, "up") == len(passages)
    await fake.push(reaction(sent, ["👍"]))  # delivered again: nothing changes
    await fake.push(reaction(sent, ["👎"], old=["👍"]))  # changed
    await settle(fake, 3)
    assert votes(voting) == [(p, "down", "answer", question, mid) for p in passages]
    assert (counted(voting, "up"), counted(voting, "down")) == (len(passages), len(passages))
    await fake.push(reaction(sent, [], old=["👎"]))  # taken away
    await settle(fake, 4)
    assert votes(voting) == []


async def test_taking_both_reactions_away_at_once_withdraws_the_vote(fake, voting, library, question) -> None:
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    sent = fake.sent[-1]
    await fake.push(reaction(sent, ["👍"]))
    await fake.push(reaction(sent, ["👍", "👎"], old=["👍"]))  # 👎 added: the vote is now down
    await settle(fake, 2)
    assert {v for _, v, *_ in votes(voting)} == {"down"}
    await fake.push(reaction(sent, [], old=["👍", "👎"]))  # both taken away in one update
    await settle(fake, 3)
    assert votes(voting) == []


async def test_withdrawing_a_reaction_keeps_a_vote_changed_since(fake, voting, library, question) -> None:
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    sent = fake.sent[-1]
    first = answerer.answer(library, question).quotes[0].passage_id
    await fake.push(reaction(sent, ["👍"]))
    await settle(fake, 2)
    down = next(b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row
                if b.get("callback_data", "").startswith("fb:d:"))  # the first quote's 👎 button
    await fake.push(callback(down, sent))
    await fake.wait_for("answerCallbackQuery")
    await fake.push(reaction(sent, [], old=["👍"]))
    await settle(fake, 3)
    assert [(p, v) for p, v, *_ in votes(voting)] == [(first, "down")]  # the button's 👎 stays


async def test_the_quote_of_the_day_and_what_is_no_vote(fake, voting, library) -> None:
    await fake.push(message("/today"))
    await fake.wait_for("sendMessage")
    today = fake.sent[-1]
    ctx = voting.bot_data["ctx"]
    own = message("hello")["message"]  # a message the bot did not send
    stranger = {**USER, "id": 99, "first_name": "Bob"}
    await fake.push(reaction(today, ["🔥"]))  # not a vote
    await fake.push(reaction(own, ["👍"]))
    await fake.push(reaction({**today, "message_id": today["message_id"] + 500}, ["👎"]))  # unknown message
    await fake.push(reaction(today, ["👎"], user=stranger))
    await settle(fake, 2)
    ((passage, source, voted_as),) = sent_store.quotes_in(ctx.engine, "telegram", str(USER["id"]),
                                                          str(today["message_id"]))
    assert voted_as == str(today["message_id"])
    assert source == "d" and passage in library.by_id
    assert votes(voting) == [(passage, "down", "daily", None, str(today["message_id"]))]
    rows = feedback_store.votes_of(ctx.engine, "telegram", str(USER["id"]))
    assert rows[0]["user_id"] == "99"
    assert not fake.errors


def test_a_daily_post_is_found_through_its_delivery(ctx, library) -> None:
    """Posts of subscriptions are not remembered separately: their delivery holds the message and passage."""
    import datetime as dt

    from sqlalchemy.orm import Session

    from bot.db.schema import Delivery, Subscription

    passage = next(iter(library.by_id))
    with Session(ctx.engine) as session, session.begin():
        sub = Subscription(platform="telegram", chat_id="-100555", post_time="09:00", timezone="UTC")
        session.add(sub)
        session.flush()
        session.add(Delivery(subscription_id=sub.id, local_date=dt.date(2026, 12, 6), passage_id=passage,
                             claimed_by="test", status="sent", message_id="77"))
    assert sent_store.quotes_in(ctx.engine, "telegram", "-100555", "77") == [(passage, "d", "77")]
    assert sent_store.quotes_in(ctx.engine, "telegram", "-100555", "78") == []
    assert sent_store.quotes_in(ctx.engine, "slack", "-100555", "77") == []


async def test_reactions_to_each_message_of_a_long_answer_are_one_vote_per_quote(fake, voting, library) -> None:
    """An answer too long for one message is sent as several (remembered together): a reaction to any of them
    rates the answer's quotes, stored under the message with the buttons (the last), so reacting to two of them
    is still one vote per quote."""
    engine = voting.bot_data["ctx"].engine
    passages = [p.id for p in library.passages[:3]]
    chat = {"id": USER["id"], "type": "private", "first_name": USER["first_name"]}
    sent_store.remember(engine, "telegram", str(USER["id"]), ["501", "502"], passages, "s")  # More like this
    for message_id in (501, 502):
        await fake.push(reaction({"chat": chat, "message_id": message_id}, ["👍"]))
    await settle(fake, 1)
    assert votes(voting) == [(p, "up", "similar", None, "502") for p in passages]
    assert counted(voting, "up") == len(passages)


def test_remembered_quotes_are_kept_for_the_retention_only(tmp_path) -> None:
    import datetime as dt

    from bot.db.engine import open_database

    engine = open_database(f"sqlite:///{tmp_path}/r.db")
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    sent_store._pruned_at = float("-inf")
    sent_store.remember(engine, "telegram", "1", ["10"], ["p1"], "s", now=now - sent_store.RETENTION - dt.timedelta(1))
    sent_store._pruned_at = float("-inf")
    sent_store.remember(engine, "telegram", "1", ["11"], ["p2"], "s", now=now)
    assert sent_store.quotes_in(engine, "telegram", "1", "10") == []  # older than the retention: gone
    assert sent_store.quotes_in(engine, "telegram", "1", "11") == [("p2", "s", "11")]
    engine.dispose()
