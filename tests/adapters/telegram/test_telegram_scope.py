"""/scope on Telegram, through python-telegram-bot against the fake Bot API: only a group's admins set it, every
answer and button in that chat honours it, other chats are untouched, /scope reset lifts it."""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.telegram import daily as daily_telegram
from bot.answer.answerer import answer
from bot.answer.library import Library
from bot.answer.scope import Scope
from bot.answer.texts import SAMPLES, message
from tests.adapters.telegram import fake_api
from tests.adapters.telegram.test_daily import FakeWithMembers

GROUP = -100777
USER_ID = fake_api.USER["id"]
DAI = "xinpiceng-dai-yusen"
ELSEWHERE = "Was denkt Gomez über synthetische Daten?"  # answered from a Gomez interview, not from Dai's


@pytest.fixture
async def fake() -> AsyncIterator[FakeWithMembers]:
    server = FakeWithMembers()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def app(fake: FakeWithMembers, library: Library, tmp_path: Path) -> AsyncIterator[Any]:
    application = fake_api.make_app(fake, library, extensions=[daily_telegram],
                                    database_url=f"sqlite:///{tmp_path / 'tg.sqlite3'}")
    await fake_api.start_polling(application)
    yield application
    await fake_api.stop(application)


async def say(fake: FakeWithMembers, text: str, kind: str = "group") -> list[dict[str, Any]]:
    """Send `text` and return the messages the bot sent in answer."""
    before = len(fake.called("sendMessage"))
    await fake.push(fake_api.message(text, kind=kind, chat_id=GROUP if kind != "private" else None))
    await fake.wait_for("sendMessage", before + 1)
    return await settled(fake, before)


async def settled(fake: FakeWithMembers, before: int) -> list[dict[str, Any]]:
    """The messages sent since `before`, once the bot has sent nothing more for a second (a long answer is
    several messages, sent one after another)."""
    count = -1
    while count != len(fake.called("sendMessage")):
        count = len(fake.called("sendMessage"))
        await asyncio.sleep(1.0)
    return fake.called("sendMessage")[before:]


def visible(messages: list[dict[str, Any]]) -> str:
    return html.unescape(" ".join(m["text"] for m in messages))


def quoted_articles(library: Library, text: str) -> set[str]:
    """The articles whose passages' text is quoted in `text` (by their first 30 characters)."""
    return {p.article_id for p in library.passages if len(p.text) >= 30 and p.text[:30] in text}


async def test_admins_scope_a_group_and_every_answer_honours_it(fake: FakeWithMembers, app: Any,
                                                                library: Library) -> None:
    refused = visible(await say(fake, f"/scope article={DAI}"))
    assert "Only the admins" in refused
    ctx = app.bot_data["ctx"]
    assert ctx.scopes.get("telegram", GROUP) is None

    answered = visible(await say(fake, f"/ask {ELSEWHERE}"))  # before: answered from the Gomez interviews
    assert quoted_articles(library, answered) - {DAI}

    fake.members[(GROUP, USER_ID)] = "administrator"
    done = visible(await say(fake, f"/scope article={DAI}"))
    assert "Done" in done and DAI in done
    assert ctx.scopes.get("telegram", GROUP) == Scope(articles=(DAI,))

    scoped = visible(await say(fake, f"/ask {ELSEWHERE}"))  # the same question, now: honest no match
    assert message("no_match_scoped", "de", scope=f"article={DAI}") in scoped  # in the question's language
    assert not quoted_articles(library, scoped)
    matthew = visible(await say(fake, "/ask 马太效应"))
    assert quoted_articles(library, matthew) == {DAI}

    shown = visible(await say(fake, "/scope"))
    assert f"article={DAI}" in shown and all(a in shown for a in library.articles)

    private = visible(await say(fake, f"/ask {ELSEWHERE}", kind="private"))  # another chat: unscoped
    assert quoted_articles(library, private) - {DAI}

    bad = visible(await say(fake, "/scope language=fr"))
    assert "can't set that scope" in bad and ctx.scopes.get("telegram", GROUP) == Scope(articles=(DAI,))

    assert "Scope removed" in visible(await say(fake, "/scope reset"))
    assert quoted_articles(library, visible(await say(fake, f"/ask {ELSEWHERE}"))) - {DAI}


async def test_more_results_stay_inside_the_scope(fake: FakeWithMembers, app: Any, library: Library) -> None:
    await say(fake, "/scope language=de", kind="private")  # anyone sets the scope of their own private chat
    scope = Scope(languages=("de",))
    question = next(q for lang in ("de", "en", "zh") for q in SAMPLES[lang]
                    if answer(library, q, scope=scope).has_more)  # one with a second page in German
    first = await say(fake, f"/ask {question}", kind="private")
    keyboard = first[-1].get("reply_markup", {}).get("inline_keyboard", [])
    more = [b["callback_data"] for row in keyboard for b in row if b.get("callback_data", "").startswith("more:")]
    german = {a for a, art in library.articles.items() if art.language == "de"}
    assert quoted_articles(library, visible(first)) <= german
    assert more  # the next page, asked through the button, is German too
    before = len(fake.called("sendMessage"))
    await fake.push(fake_api.callback(more[0], fake.sent[-1]))
    await fake.wait_for("sendMessage", before + 1)
    assert quoted_articles(library, visible(await settled(fake, before))) <= german
