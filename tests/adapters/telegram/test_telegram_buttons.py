"""Inline buttons: more results, full passage (context), other language version, sample questions."""

from __future__ import annotations

import html

from bot.answer import answerer
from bot.answer.texts import SAMPLES
from tests.adapters.telegram.fake_api import (
    assert_verbatim,
    blockquotes,
    callback,
    make_app,
    message,
    question_for,
    start_polling,
    stop,
)


def buttons(sent: dict) -> dict[str, str]:
    """callback data -> button text."""
    return {b["callback_data"]: b["text"] for row in sent["reply_markup"]["inline_keyboard"] for b in row
            if "callback_data" in b}


def passages(library) -> list[str]:
    return [p.text for p in library.passages]


async def test_more_results_shows_the_next_page(fake, bot, library, question) -> None:
    await fake.push(message(question))
    (first,) = await fake.wait_for("sendMessage")
    more = next(d for d in buttons(first) if d.startswith("more:"))
    await fake.push(callback(more, fake.sent[-1]))
    _, page2 = await fake.wait_for("sendMessage", 2)
    expected = answerer.answer(library, question, top_k=3, offset=3)
    assert expected.quotes
    assert blockquotes(page2["text"]) == [q.quote for q in expected.quotes]
    assert "<b>4. " in page2["text"]
    assert not set(blockquotes(page2["text"])) & set(blockquotes(first["text"]))
    assert (await fake.wait_for("answerCallbackQuery"))[0]["callback_query_id"]


async def test_more_results_survive_a_restart(fake, library, question) -> None:
    app = make_app(fake, library)
    await start_polling(app)
    try:
        await fake.push(message(question))
        (first,) = await fake.wait_for("sendMessage")
    finally:
        await stop(app)
    more = next(d for d in buttons(first) if d.startswith("more:"))
    app = make_app(fake, library)  # a new process would read the same database
    await start_polling(app)
    try:
        await fake.push(callback(more, fake.sent[-1]))
        _, page2 = await fake.wait_for("sendMessage", 2)
    finally:
        await stop(app)
    assert blockquotes(page2["text"]) == [q.quote for q in answerer.answer(library, question, offset=3).quotes]


async def test_context_button_shows_the_whole_passage_and_neighbours(fake, bot, library, question) -> None:
    await fake.push(message(question))
    (first,) = await fake.wait_for("sendMessage")
    ctx = next(d for d in buttons(first) if d.startswith("ctx:"))
    passage_id = ctx.removeprefix("ctx:")
    await fake.push(callback(ctx, fake.sent[-1]))
    _, shown = await fake.wait_for("sendMessage", 2)
    quoted = blockquotes(shown["text"])
    assert library.by_id[passage_id].text in quoted
    assert quoted == [p.text for p in library.context(passage_id)]


async def test_other_language_button_shows_the_translation(fake, bot, library) -> None:
    question = question_for(library, "de", other_language=True)
    await fake.push(message(question, language="de"))
    (first,) = await fake.wait_for("sendMessage")
    ver = next(d for d in buttons(first) if d.startswith("ver:"))
    assert "Andere Sprachfassung" in buttons(first)[ver]
    passage = library.by_id[ver.removeprefix("ver:")]
    await fake.push(callback(ver, fake.sent[-1], language="de"))
    _, shown = await fake.wait_for("sendMessage", 2)
    quoted = blockquotes(shown["text"])
    assert quoted and set(quoted) <= {library.by_id[v].text for v in passage.versions}
    other = [library.by_id[v] for v in passage.versions
             if library.articles[library.by_id[v].article_id].language != "de"]
    assert other[0].text == quoted[0]  # other languages first
    assert_verbatim(shown["text"], passages(library))


async def test_sample_question_button_asks_it(fake, bot, library) -> None:
    await fake.push(message("/start", language="zh"))
    (help_msg,) = await fake.wait_for("sendMessage")
    sample = next((s for s in SAMPLES["zh"] if answerer.answer(library, s).quotes), SAMPLES["zh"][-1])
    data = next(d for d, label in buttons(help_msg).items() if label == sample)
    await fake.push(callback(data, fake.sent[-1], language="zh"))
    _, answered = await fake.wait_for("sendMessage", 2)
    expected = answerer.answer(library, sample)
    assert blockquotes(answered["text"]) == [q.quote for q in expected.quotes]
    if not expected.quotes:
        assert expected.note and answered["text"].startswith(html.escape(expected.note))


async def test_stale_or_forged_buttons_are_answered_politely(fake, bot) -> None:
    await fake.push(message("/sources"))
    await fake.wait_for("sendMessage")
    for data in ("more:999999:3", "ctx:no-such-passage", "ver:#0000", "weird", "more:x:y", "ask:en:99"):
        await fake.push(callback(data, fake.sent[-1]))
    answers = await fake.wait_for("answerCallbackQuery", 6)
    assert all(a.get("text") for a in answers)
    assert len(fake.called("sendMessage")) == 1
    assert not fake.errors
