"""Rendering without a network: escaping, limits, splitting at sentence boundaries, callback data."""

from __future__ import annotations

import pytest

from bot.adapters.telegram import callbacks, render
from bot.answer import answerer
from bot.answer.reply import ArticleRef, Quote, Reply, Version
from corpus.models import Passage
from tests.adapters.telegram.fake_api import (
    blockquotes,
    check_markup,
    check_message_html,
    links,
    parse_html,
    question_for,
)

EVIL = '<b>"Evil" & co</b> <script>'
ARTICLE = ArticleRef("a1", f"Title {EVIL}", f"Pub {EVIL}", "2024-01-02", "en", 'https://example.com/?a=1&b="2"')
LINKLESS = ArticleRef("a2", "无链接的文章", "量子位", None, "zh", None)


def long_text(sentences: int = 300) -> str:
    return " ".join(f"Sentence number {i} talks about <models> & data." for i in range(sentences))


def quote(text: str, article: ArticleRef = ARTICLE, spans: int = 0, rank: int = 1) -> Quote:
    words = [(i, i + 8) for i in range(0, min(len(text), spans * 10), 10)]
    return Quote(rank=rank, score=1.0, passage_id=f"a1:{rank:08d}", quote=text, quote_start=0, passage=text,
                 speaker=EVIL, question=f"What about {EVIL}? " * 30, article=article, highlights=tuple(words),
                 also_in=(Version("a2:1", LINKLESS, "同一段话"),))


def test_everything_is_escaped_and_linked() -> None:
    (msg,) = render.render_reply(Reply(query="q", quotes=(quote("Plain <text> & more."),)), "en")
    visible = check_message_html(msg)
    assert EVIL in visible
    assert "Plain <text> & more." in visible
    assert links(msg)[0] == ARTICLE.url
    assert blockquotes(msg) == ["Plain <text> & more."]
    assert "<i>" in msg and "<blockquote>" in msg


def test_linkless_article_is_named_without_a_link() -> None:
    (msg,) = render.render_reply(Reply(query="q", quotes=(quote("正文。", LINKLESS),), language="zh"))
    assert links(msg) == []
    assert "量子位" in parse_html(msg)[0]
    assert "原文未提供链接" in parse_html(msg)[0]


def test_long_quotes_are_expandable_and_many_highlights_stay_under_the_entity_limit() -> None:
    text = long_text(8)
    quotes = tuple(quote(text, spans=200, rank=i) for i in range(1, 4))
    messages = render.render_reply(Reply(query="q", quotes=quotes), "en")
    for msg in messages:
        check_message_html(msg)
        assert parse_html(msg)[1] <= render.ENTITY_BUDGET
    assert "<blockquote expandable>" in messages[0]
    assert [b for m in messages for b in blockquotes(m)] == [text] * 3


@pytest.mark.parametrize("sentences", [50, 300, 1000])
def test_over_long_answers_are_split_within_limits(sentences: int) -> None:
    text = long_text(sentences)
    quotes = tuple(quote(text, spans=30, rank=i) for i in range(1, 4))
    messages = render.render_reply(Reply(query="q", quotes=quotes), "en")
    for msg in messages:
        check_message_html(msg)
        for q in blockquotes(msg):
            assert q in text and q.endswith("data.")  # verbatim, cut at a sentence boundary


def test_context_of_a_huge_passage_is_split_at_sentence_boundaries() -> None:
    text = long_text(1000)
    passage = Passage(id="a1:x", article_id="a1", seq=0, text=text, kind="answer", speaker=EVIL)
    messages = render.context_messages([passage], passage.id, ARTICLE, "de")
    assert len(messages) > 5
    pieces = [b for m in messages for b in blockquotes(m)]
    for msg in messages:
        check_message_html(msg)
    assert " ".join(pieces) == text


def test_a_sentence_longer_than_a_message_is_cut_at_a_word_or_clause() -> None:
    words = "，".join(["很长的句子"] * 3000) + "。"
    pieces = render.split_text(words, 1000)
    assert "".join(pieces) == words
    assert all(render.utf16_len(p) <= 1000 for p in pieces)
    assert all(p.endswith(("，", "。")) for p in pieces)


def test_split_counts_utf16_for_emoji() -> None:
    text = "😀" * 3000
    pieces = render.split_text(text, 1000)
    assert "".join(pieces) == text
    assert all(render.utf16_len(p) <= 1000 for p in pieces)


def test_callback_data_fits_64_bytes_and_round_trips() -> None:
    long_id = "an-imported-article-with-a-rather-long-name-2024:0123456789abcdef"
    for data in (callbacks.context(long_id), callbacks.versions(long_id), callbacks.more(2**31, 500),
                 callbacks.sample("zh", 2)):
        assert len(data.encode()) <= 64
    decoded = callbacks.decode(callbacks.context(long_id))
    assert decoded and callbacks.resolve(decoded.passage, ["other", long_id]) == long_id
    assert callbacks.decode(callbacks.more(7, 9)) == callbacks.Callback("more", number=7, offset=9)
    for bad in (None, "", "more:-1:x", "more:1:99999", "ctx:", "zzz:1", "x" * 65, "ctx:\ud800", "sim:\ud800",
                "fb:\ud800:1:a:1", "more:\ud800:0", f"more:{2**31}:0", "more:99999999999999999999:0",
                f"fb:u:{2**31}:a:1"):  # lone surrogates (from JSON escapes), ids past the INTEGER column
        assert callbacks.decode(bad) is None


def test_keyboard_for_a_reply(library) -> None:
    reply = answerer.answer(library, question_for(library, "de", more=True))
    markup = render.reply_keyboard(reply, 12)
    check_markup(markup.to_dict())
    buttons = [b for row in markup.inline_keyboard for b in row]
    data = [b.callback_data for b in buttons if b.callback_data is not None]
    assert data[-1] == f"more:12:{len(reply.quotes)}"
    assert sum(d.startswith("ver:") for d in data) == sum(render.has_other_language(q) for q in reply.quotes)
    shares = [b.switch_inline_query_chosen_chat for b in buttons if b.callback_data is None]
    assert [s.query for s in shares] == [f"share:{q.passage_id}" for q in reply.quotes]  # one Share per quote
    none = answerer.answer(library, "🤔")
    rows = render.reply_keyboard(none, None).inline_keyboard
    assert [r[0].text for r in rows] == list(none.suggestions)


def test_help_lists_articles_with_links(library) -> None:
    refs = [library.ref(a) for a in library.articles]
    messages = render.help_messages(refs, "zh", "InterviewTestBot", [("ask", "提问")])
    text = "\n".join(messages)
    for m in messages:
        check_message_html(m)
    assert set(links(text)) == {r.url for r in refs if r.url}
    assert "@InterviewTestBot" in text


def test_a_block_too_big_for_any_message_becomes_plain_text() -> None:
    huge = ArticleRef("a3", "T" * 5000, "P", None, "en", None)
    (msg,) = render.render_reply(Reply(query="q", quotes=(quote("Short quote.", huge),)), "en")
    check_message_html(msg)
