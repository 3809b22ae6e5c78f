"""Answers come from the in-memory index: a database that refuses, never answers or chokes on one
question costs at most the More button, never an answer (the real Application against the fake API)."""

from __future__ import annotations

import html
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.adapters.telegram.application import build_application
from bot.answer import answerer
from bot.answer.texts import message as message_text
from bot.db.engine import make_engine, open_database
from bot.runtime.context import AppContext
from bot.runtime.settings import load_settings
from tests.adapters.telegram.fake_api import FakeBotAPI, assert_verbatim, callback, message, start_polling, stop
from tests.db.blackhole import FreezingProxy, SilentServer, closed_port

APOLOGY = html.escape(message_text("error", "en"))


def questions(library: Any, n: int) -> list[str]:
    """`n` different questions the library answers with more than one page."""
    found: list[str] = []
    for p in library.passages:
        if len(found) == n:
            break
        lang = library.articles[p.article_id].language
        q = p.text[:20] if lang.startswith("zh") else " ".join(p.text.split()[:7])
        if q not in found and answerer.answer(library, q).has_more:
            found.append(q)
    assert len(found) == n
    return found


def app_on(fake: FakeBotAPI, library: Any, database_url: str, engine: Any = None) -> Any:
    """The Application on an AppContext whose database is `database_url` (`engine`: already open)."""
    settings = load_settings(telegram_bot_token=fake.token, telegram_api_url=fake.url, database_url=database_url)
    ctx = AppContext(settings, library, platform="telegram", engine=engine or make_engine(database_url))
    return build_application(ctx)


@pytest.fixture
async def running() -> AsyncIterator[list[Any]]:
    """Applications to stop after the test (appended by it once polling)."""
    apps: list[Any] = []
    yield apps
    for app in apps:
        await stop(app)


async def answers_by_chat(fake: FakeBotAPI, chats: list[int], timeout: float = 15) -> dict[int, list[dict]]:
    """Wait until every chat in `chats` got a message; the messages sent to each."""
    deadline = time.monotonic() + timeout
    while True:
        sent: dict[int, list[dict]] = {c: [] for c in chats}
        for params in fake.called("sendMessage"):
            sent.setdefault(int(params["chat_id"]), []).append(params)
        missing = [c for c in chats if not sent[c]]
        if not missing:
            return sent
        assert time.monotonic() < deadline, f"no answer in chats {missing}"
        await fake.wait_for("sendMessage", len(fake.called("sendMessage")) + 1, timeout=deadline - time.monotonic())


def more_buttons(params: dict) -> list[str]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if b.get("callback_data", "").startswith("more:")]


def assert_answered(sent: list[dict], library: Any) -> None:
    passages = [p.text for p in library.passages]
    assert all(APOLOGY not in s["text"] for s in sent)
    assert sum(assert_verbatim(s["text"], passages) for s in sent) >= 1


async def test_a_poisoned_question_among_many_users_spoils_no_other_answer(fake, library, running, tmp_path) -> None:
    app = app_on(fake, library, f"sqlite:///{tmp_path / 'bot.sqlite3'}",
                 engine=open_database(f"sqlite:///{tmp_path / 'bot.sqlite3'}"))
    await start_polling(app)
    running.append(app)
    asked = questions(library, 30)
    poisoned = 1015
    for i, q in enumerate(asked):
        await fake.push(message(q + " \ud800" if 1000 + i == poisoned else q, chat_id=1000 + i))
    sent = await answers_by_chat(fake, [1000 + i for i in range(30)])
    for chat_id, messages in sent.items():
        assert_answered(messages, library)  # the poisoned question too: its text is stored as well as it can be
        assert more_buttons(messages[-1]), f"chat {chat_id} got no More button"


async def test_questions_are_answered_from_memory_when_the_database_refuses(fake, library, running) -> None:
    app = app_on(fake, library, f"postgresql+psycopg://bot:pw@127.0.0.1:{closed_port()}/bot")
    await start_polling(app)
    running.append(app)
    chats = list(range(2000, 2006))
    for chat_id, q in zip(chats, questions(library, len(chats)), strict=True):
        await fake.push(message(q, chat_id=chat_id))
    sent = await answers_by_chat(fake, chats)
    for chat_id in chats:
        assert_answered(sent[chat_id], library)
        assert not more_buttons(sent[chat_id][-1])  # nothing saved: no button that could not work
    # a More button from before the outage: "ask again", not an apology
    old = fake.sent[0] | {"reply_markup": {"inline_keyboard": [[{"text": "More", "callback_data": "more:7:3"}]]}}
    await fake.push(callback("more:7:3", old))
    (pressed,) = await fake.wait_for("answerCallbackQuery", timeout=10)
    assert pressed.get("text")
    assert len(fake.called("sendMessage")) == len(chats)


async def test_a_silent_database_delays_no_answer(fake, library, running) -> None:
    with SilentServer() as silent:
        app = app_on(fake, library, silent.url())
        await start_polling(app)
        running.append(app)
        chats = list(range(3000, 3004))
        started = time.monotonic()
        for chat_id, q in zip(chats, questions(library, len(chats)), strict=True):
            await fake.push(message(q, chat_id=chat_id))
        sent = await answers_by_chat(fake, chats, timeout=4)
        assert time.monotonic() - started < 4
        for chat_id in chats:
            assert_answered(sent[chat_id], library)


@pytest.mark.postgres
async def test_answers_keep_coming_when_the_database_goes_silent_mid_connection(fake, library, running,
                                                                                pg_url: str) -> None:
    """A paused database container: its open connections hang; answers must not."""
    from sqlalchemy.engine import make_url

    real = make_url(pg_url)
    with FreezingProxy(real.host or "127.0.0.1", real.port or 5432) as proxy:
        url = proxy.url(pg_url)
        app = app_on(fake, library, url, engine=open_database(url))
        await start_polling(app)
        running.append(app)
        first, *later = questions(library, 4)
        await fake.push(message(first, chat_id=4000))
        sent = await answers_by_chat(fake, [4000])
        assert more_buttons(sent[4000][-1])  # saved while the database answered
        proxy.freeze()
        chats = list(range(4001, 4004))
        for chat_id, q in zip(chats, later, strict=True):
            await fake.push(message(q, chat_id=chat_id))
        sent = await answers_by_chat(fake, chats, timeout=6)
        for chat_id in chats:
            assert_answered(sent[chat_id], library)
        await fake.push(message(first, chat_id=4004))  # asked before: its button still works
        sent = await answers_by_chat(fake, [4004], timeout=6)
        assert more_buttons(sent[4004][-1])

