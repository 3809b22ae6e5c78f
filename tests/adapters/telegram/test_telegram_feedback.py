"""👍/👎 under answers, through the real Application against the fake Bot API, on SQLite and PostgreSQL:
voting, changing a vote, a retried press, the reasons after 👎, forged buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.adapters.telegram import callbacks
from bot.answer import answerer
from bot.answer.library import Library
from bot.db import feedback_store
from tests.adapters.telegram.fake_api import USER, FakeBotAPI, callback, make_app, message, start_polling, stop


@pytest.fixture
async def voting(fake: FakeBotAPI, library: Library, db_url: str) -> AsyncIterator[Any]:
    """The real Application on this test's database (SQLite, then PostgreSQL when there is one)."""
    app = make_app(fake, library, database_url=db_url)
    await start_polling(app)
    yield app
    await stop(app)


def keyboard(sent: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return sent.get("reply_markup", {}).get("inline_keyboard", [])


def data(sent: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for row in keyboard(sent) for b in row if "callback_data" in b]


def votes(app: Any, chat_id: int = USER["id"]) -> list[dict[str, Any]]:
    return feedback_store.votes_of(app.bot_data["ctx"].engine, "telegram", str(chat_id))


def counted(app: Any, vote: str) -> float:
    value = app.bot_data["ctx"].metrics.registry.get_sample_value(
        "interview_bot_feedback_total", {"platform": "telegram", "vote": vote})
    return value or 0.0


async def answered(fake: FakeBotAPI, question: str) -> dict[str, Any]:
    """Ask; the message with the keyboard, as Telegram returned it (what a button press carries)."""
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    return fake.sent[-1]


async def press(fake: FakeBotAPI, data: str, msg: dict[str, Any], n: int, language: str = "en") -> dict[str, Any]:
    """Press a button; the n-th answerCallbackQuery (its note)."""
    await fake.push(callback(data, msg, language=language))
    return (await fake.wait_for("answerCallbackQuery", n))[-1]


async def test_every_quote_of_an_answer_gets_up_and_down(fake, voting, library, question) -> None:
    """The new rows: under each quote's row, 👍 and 👎, and Share beside them (the More row stays last)."""
    sent = await answered(fake, question)
    expected = answerer.answer(library, question)
    rows = keyboard(sent)
    votes_rows = [row for row in rows if row[0]["callback_data"].startswith("fb:")]
    assert len(votes_rows) == len(expected.quotes)
    for q, row in zip(expected.quotes, votes_rows, strict=True):
        assert [b["text"] for b in row] == [f"{q.rank} · 👍", f"{q.rank} · 👎", f"{q.rank} · ↗ 分享"]
        assert row[2]["switch_inline_query_chosen_chat"]["query"] == callbacks.share_query(q.passage_id)
        decoded = [callbacks.decode(b["callback_data"]) for b in row[:2]]
        assert all(d is not None and d.feedback_kind == "answer" for d in decoded)
        assert {callbacks.resolve(d.passage, library.by_id) for d in decoded if d} == {q.passage_id}
    assert data(sent)[-1].startswith("more:")
    assert all(len(d.encode()) <= 64 for d in data(sent))


async def test_vote_change_and_retry_leave_one_row(fake, voting, library, question) -> None:
    sent = await answered(fake, question)
    up, down, _share = next(row for row in keyboard(sent) if row[0]["callback_data"].startswith("fb:"))
    note = await press(fake, up["callback_data"], sent, 1)
    assert note["text"] == "Thanks for your feedback!"
    (row,) = votes(voting)
    passage_id = answerer.answer(library, question).quotes[0].passage_id
    assert (row["vote"], row["passage_id"], row["question"], row["kind"], row["reason"]) == \
        ("up", passage_id, question, "answer", None)
    assert row["message_id"] == str(sent["message_id"]) and row["user_id"] == str(USER["id"])
    # the same press again (a retried update): nothing changes, nothing more is counted
    await press(fake, up["callback_data"], sent, 2)
    assert [r["vote"] for r in votes(voting)] == ["up"] and counted(voting, "up") == 1
    # changing the vote
    note = await press(fake, down["callback_data"], sent, 3)
    assert note["text"] == "Thanks! What was wrong? (optional)"
    (row,) = votes(voting)
    assert row["vote"] == "down" and counted(voting, "down") == 1
    assert not fake.errors


async def test_reasons_after_down(fake, voting, library, question) -> None:
    sent = await answered(fake, question)
    second = [row for row in keyboard(sent) if row[0]["callback_data"].startswith("fb:")][1]
    await press(fake, second[1]["callback_data"], sent, 1, language="de")
    (edited,) = await fake.wait_for("editMessageReplyMarkup")
    rows = edited["reply_markup"]["inline_keyboard"]
    at = next(i for i, row in enumerate(rows) if row == second)
    reasons = rows[at + 1:at + 4]
    assert [r[0]["text"] for r in reasons] == ["2 · 👎 Falsche Passage", "2 · 👎 Keine Antwort",
                                               "2 · 👎 Hätte „kein Treffer“ sagen sollen"]
    assert len(rows) == len(keyboard(sent)) + 3
    shown = {**sent, "reply_markup": edited["reply_markup"]}
    # 👎 again (a retry) keeps the menu as it is: no second edit
    await press(fake, second[1]["callback_data"], shown, 2, language="de")
    note = await press(fake, reasons[2][0]["callback_data"], shown, 3, language="de")
    assert note["text"] == "Notiert: Hätte „kein Treffer“ sagen sollen. Danke!"
    (row,) = votes(voting)
    assert (row["vote"], row["reason"]) == ("down", "no_match")
    edits = await fake.wait_for("editMessageReplyMarkup", 2)
    assert edits[-1]["reply_markup"]["inline_keyboard"] == keyboard(sent)  # the reasons are gone again
    assert len(fake.called("editMessageReplyMarkup")) == 2
    # a plain 👎 pressed late keeps the reason; 👍 clears it
    await press(fake, second[1]["callback_data"], sent, 4)
    assert votes(voting)[0]["reason"] == "no_match"
    await press(fake, second[0]["callback_data"], sent, 5)
    assert (votes(voting)[0]["vote"], votes(voting)[0]["reason"]) == ("up", None)


async def test_forged_feedback_buttons_are_refused_politely(fake, voting, library, question) -> None:
    sent = await answered(fake, question)
    real = next(d for d in data(sent) if d.startswith("fb:u:"))
    passage = real.split(":", 3)[3]
    forged = [f"fb:u:999999:{passage}", "fb:x:1:p", f"fb:u:1x:{passage}", "fb:u:d:no-such-passage", "fb:w:s:",
              "sim:no-such-passage"]
    for i, bad in enumerate(forged, 1):  # on a keyboard that holds them (a modified client could send any)
        held = {**sent, "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": bad}]]}}
        note = await press(fake, bad, held, i)
        assert note["text"] == "This button no longer works. Please ask again."
    # a real payload pressed on a message that does not carry it
    other = {**sent, "message_id": sent["message_id"] + 1, "reply_markup": {"inline_keyboard": []}}
    note = await press(fake, real, other, len(forged) + 1)
    assert note["text"] == "This button no longer works. Please ask again."
    assert votes(voting) == []
    assert len(fake.called("sendMessage")) == 1 and not fake.called("editMessageReplyMarkup")
