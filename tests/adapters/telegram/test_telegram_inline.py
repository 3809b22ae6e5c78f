"""Inline mode: `@bot question` lists quotes, paged with next_offset; a chosen result posts the quote."""

from __future__ import annotations

import html

from bot.adapters.telegram.handlers import INLINE_PAGE
from bot.answer import answerer
from tests.adapters.telegram.fake_api import assert_verbatim, blockquotes, inline, links, question_for


async def test_inline_query_pages_through_results(fake, bot, library) -> None:
    question = question_for(library, "zh", at_least=INLINE_PAGE + 1, top_k=100)
    total = answerer.answer(library, question, top_k=100)
    await fake.push(inline(question))
    (page1,) = await fake.wait_for("answerInlineQuery")
    assert page1["next_offset"] == str(INLINE_PAGE)
    await fake.push(inline(question, offset=page1["next_offset"]))
    _, page2 = await fake.wait_for("answerInlineQuery", 2)
    for page, offset in ((page1, 0), (page2, INLINE_PAGE)):
        shown = [blockquotes(r["input_message_content"]["message_text"])[0] for r in page["results"]]
        assert shown == [q.quote for q in answerer.answer(library, question, top_k=INLINE_PAGE, offset=offset).quotes]
    results = page1["results"] + page2["results"]
    assert len({r["id"] for r in results}) == len(results)
    if len(total.quotes) <= 2 * INLINE_PAGE:
        assert not page2.get("next_offset")
    assert not fake.errors


async def test_inline_result_title_description_and_content(fake, bot, library) -> None:
    question = question_for(library, "de")
    expected = answerer.answer(library, question, top_k=INLINE_PAGE).quotes[0]
    await fake.push(inline(question, language="de"))
    (answer,) = await fake.wait_for("answerInlineQuery")
    first = answer["results"][0]
    assert first["type"] == "article"
    assert (expected.speaker or expected.article.publisher) in first["title"]
    assert expected.article.title[:40] in first["title"]
    assert first["description"].removesuffix(" …") in expected.quote
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert assert_verbatim(content["message_text"], [p.text for p in library.passages]) == 1
    assert html.escape(expected.article.title) in content["message_text"]
    if expected.article.url:
        assert links(content["message_text"])[0] == expected.article.url


async def test_empty_and_hopeless_inline_queries(fake, bot) -> None:
    await fake.push(inline("   "))
    await fake.push(inline("😀😀😀"))
    await fake.push(inline("x" * 300, offset="999999"))
    answers = await fake.wait_for("answerInlineQuery", 3)
    assert all(a["results"] == [] for a in answers)
    assert answers[0]["button"]["start_parameter"] == "help"
    assert not fake.errors
