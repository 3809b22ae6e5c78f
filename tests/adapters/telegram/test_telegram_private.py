"""Private chats, over HTTP: the real Application long-polls the fake Bot API server."""

from __future__ import annotations

import html

from bot.answer import answerer
from bot.answer.texts import message as message_text
from bot.answer.texts import ui_language
from tests.adapters.telegram.fake_api import assert_verbatim, blockquotes, links, message, parse_html, question_for


def all_passages(library) -> list[str]:
    return [p.text for p in library.passages]


async def test_private_question_gets_quotes_with_speaker_and_link(fake, bot, library) -> None:
    question = question_for(library, "zh")
    await fake.push(message(question))
    (sent,) = await fake.wait_for("sendMessage")
    expected = answerer.answer(library, question, top_k=3)
    assert expected.quotes, "the sample question should be answerable"
    text = sent["text"]
    assert sent["parse_mode"] == "HTML"
    assert int(sent["chat_id"]) == 4242
    assert assert_verbatim(text, all_passages(library)) == len(expected.quotes)
    first = expected.quotes[0]
    assert f"<b>1. {html.escape(first.speaker)}</b>" in text
    assert blockquotes(text)[0] == first.quote
    urls = [q.article.url for q in expected.quotes if q.article.url]
    assert set(urls) <= set(links(text))
    for q in expected.quotes:
        assert html.escape(q.article.title) in text
    assert not fake.errors


async def test_keyboard_has_context_and_more_buttons(fake, bot, library) -> None:
    question = question_for(library, "de", more=True)
    expected = answerer.answer(library, question, top_k=3)
    await fake.push(message(question))
    (sent,) = await fake.wait_for("sendMessage")
    rows = sent["reply_markup"]["inline_keyboard"]
    data = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
    assert [d for d in data if d.startswith("ctx:")] == [f"ctx:{q.passage_id}" for q in expected.quotes]
    assert data[-1].startswith("more:") and data[-1].endswith(":3")
    assert all(len(d.encode()) <= 64 for d in data)


async def test_no_link_when_the_source_gives_none(fake, bot, library) -> None:
    linkless = next(p for p in library.passages
                    if library.articles[p.article_id].url is None and p.speaker and len(p.text) > 80)
    question = linkless.text[:60]
    reply = answerer.answer(library, question, top_k=3)
    target = next(q for q in reply.quotes if q.article.url is None)
    await fake.push(message(question))
    (sent,) = await fake.wait_for("sendMessage")
    # the linkless article's title appears, but not inside a link
    title = html.escape(target.article.title)
    assert title in sent["text"]
    assert f">{title}</a>" not in sent["text"]
    visible, _ = parse_html(sent["text"])
    assert message_text("no_link", ui_language(reply.language)) in visible


async def test_german_question_is_answered_with_german_labels(fake, bot, library) -> None:
    question = question_for(library, "de")
    expected = answerer.answer(library, question, top_k=3)
    await fake.push(message(question, language="zh"))
    (sent,) = await fake.wait_for("sendMessage")
    assert assert_verbatim(sent["text"], all_passages(library)) == len(expected.quotes)
    if any(q.question for q in expected.quotes):
        assert "Frage: <i>" in sent["text"]
    buttons = [b["text"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert any("Ganzer Abschnitt" in b for b in buttons)
    assert any("Mehr Ergebnisse" in b for b in buttons) == expected.has_more
