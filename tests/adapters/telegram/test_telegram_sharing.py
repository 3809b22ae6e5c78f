"""Share buttons (switch_inline_query_chosen_chat → inline mode returns that passage), guest mode (Bot API
10.0: answerGuestQuery, never sendMessage) and the /start hints, through the real Application."""

from __future__ import annotations

from typing import Any

import pytest

from bot.adapters.telegram import callbacks
from bot.answer import answerer
from bot.answer.answerer import MAX_QUESTION
from bot.answer.texts import TELEGRAM
from tests.adapters.telegram.fake_api import (
    BOT,
    USER,
    blockquotes,
    guest,
    inline,
    message,
    parse_html,
    question_for,
)

MENTION = f"@{BOT['username']}"


def share_buttons(sent: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for row in sent["reply_markup"]["inline_keyboard"] for b in row if "switch_inline_query_chosen_chat" in b]


def shared_passage(button: dict[str, Any], library) -> str:
    passage = callbacks.shared(button["switch_inline_query_chosen_chat"]["query"])
    assert passage is not None
    found = callbacks.resolve(passage, library.by_id)
    assert found is not None
    return found


# -- Share -------------------------------------------------------------------------------------------------
async def test_each_quote_of_an_answer_has_a_share_button(fake, bot, library, question) -> None:
    expected = answerer.answer(library, question)
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    sent = fake.sent[-1]
    buttons = share_buttons(sent)
    assert [shared_passage(b, library) for b in buttons] == [q.passage_id for q in expected.quotes]
    for b, q in zip(buttons, expected.quotes, strict=True):
        chosen = b["switch_inline_query_chosen_chat"]
        assert chosen == {"query": f"share:{q.passage_id}", "allow_user_chats": True, "allow_group_chats": True,
                          "allow_channel_chats": True}
        assert "callback_data" not in b and b["text"] == f"{q.rank} · {TELEGRAM['share'][expected.language]}"
    # beside 👍/👎 of the same quote: no extra rows
    rows = sent["reply_markup"]["inline_keyboard"]
    assert all(row[-1] in buttons for row in rows if row[0].get("callback_data", "").startswith("fb:"))
    assert len(rows) == 2 * len(expected.quotes) + 1  # (passage row, votes row) per quote, More


async def test_daily_and_random_quotes_have_a_share_button(fake, bot, library) -> None:
    await fake.push(message("/today", language="de"))
    await fake.push(message("/quote", language="de"))
    today, random = await fake.wait_for("sendMessage", 2)
    for sent in (today, random):
        (button,) = share_buttons(sent)
        passage = library.by_id[shared_passage(button, library)]
        assert blockquotes(sent["text"])[0] in passage.text  # the quote shown is the passage shared
        assert button["text"] == "↗ Teilen"


async def test_the_share_query_returns_exactly_that_passage(fake, bot, library, question) -> None:
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    buttons = share_buttons(fake.sent[-1])
    second = buttons[1]
    passage = library.by_id[shared_passage(second, library)]
    expected = answerer.quote_of(library, passage.id)
    assert expected is not None
    await fake.push(inline(second["switch_inline_query_chosen_chat"]["query"]))
    (answer,) = await fake.wait_for("answerInlineQuery")
    (result,) = answer["results"]
    content = result["input_message_content"]["message_text"]
    assert blockquotes(content) == [expected.quote] and expected.quote in passage.text
    assert passage.speaker in result["title"] and passage.speaker in content
    if passage.question:
        assert parse_html(content)[0].count(passage.question[:40]) == 1
    assert not answer.get("next_offset")


async def test_a_long_passage_id_is_shared_by_its_hash(library) -> None:
    long_id = "x" * 300
    query = callbacks.share_query(long_id)
    assert len(query) <= 256 and query.startswith("share:#")
    assert callbacks.resolve(callbacks.shared(query) or "", [*library.by_id, long_id]) == long_id
    some = next(iter(library.by_id))
    assert callbacks.shared(callbacks.share_query(some)) == some
    assert callbacks.shared("share: two words") is None and callbacks.shared("what about share:") is None


async def test_forged_share_queries_return_nothing(fake, bot, library) -> None:
    some = next(iter(library.by_id))
    forged = ["share:no-such-passage", "share:#" + "0" * 20, f"share:{some}x", "share:" + "y" * 250]
    for query in forged:
        await fake.push(inline(query))
    answers = await fake.wait_for("answerInlineQuery", len(forged))
    assert [a["results"] for a in answers] == [[]] * len(forged)
    assert not fake.errors and not fake.called("sendMessage")


# -- guest mode ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["supergroup", "private"])
async def test_a_guest_message_is_answered_by_answer_guest_query(fake, bot, library, kind) -> None:
    question = question_for(library, "en")
    best = answerer.answer(library, question, top_k=1).quotes[0]
    chat_id = 777 if kind == "private" else -100777
    update = await fake.push(guest(f"{MENTION} {question}", kind=kind, chat_id=chat_id))
    (call,) = await fake.wait_for("answerGuestQuery")
    assert call["guest_query_id"] == update["guest_message"]["guest_query_id"]
    result = call["result"]
    content = result["input_message_content"]
    assert result["type"] == "article" and content["parse_mode"] == "HTML"
    assert blockquotes(content["message_text"]) == [best.quote]
    assert (best.speaker or best.article.publisher) in result["title"]
    # a message afterwards (another chat) is answered, and it is the only sendMessage: none for the guest query
    await fake.push(message(question))
    await fake.wait_for("sendMessage")
    assert [int(c["chat_id"]) for c in fake.called("sendMessage")] == [USER["id"]]
    assert len(fake.called("answerGuestQuery")) == 1


async def test_bad_guest_messages_get_an_honest_note(fake, bot, library) -> None:
    cases = {
        MENTION: "Please ask a question",
        f"{MENTION} " + "Daten " * 200: "too long",
        f"<b>&amp;</b> {MENTION} 😀😀😀": "no words",
    }
    for text in cases:
        await fake.push(guest(text))
    calls = await fake.wait_for("answerGuestQuery", len(cases))
    for call, (text, expected) in zip(calls, cases.items(), strict=True):
        content = call["result"]["input_message_content"]
        visible = parse_html(content["message_text"])[0]
        assert expected in visible, (text, visible)
        assert not blockquotes(content["message_text"])
    assert len("Daten " * 200) > MAX_QUESTION
    assert not fake.called("sendMessage") and not fake.errors


# -- /start -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["zh", "de", "en"])
async def test_start_explains_share_and_guest_mode(fake, bot, language) -> None:
    await fake.push(message("/start", language=language))
    sent = await fake.wait_for("sendMessage")
    visible = parse_html("\n".join(s["text"] for s in sent))[0]
    for key in ("share_hint", "guest_hint", "reactions_hint"):
        assert TELEGRAM[key][language].format(bot=BOT["username"]) in visible
