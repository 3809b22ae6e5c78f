"""answer(): ranked, grouped, verbatim quotes; honest replies to bad or off-topic input."""

from __future__ import annotations

import pytest

from bot.answer import answerer
from bot.answer.excerpt import limit_for
from bot.answer.library import Library
from corpus.models import Article, Passage

QUESTIONS = [
    "为什么只卖模型的公司会很艰难？",
    "戈麦斯怎么看合成数据",
    "為什麼推理對模型來說很難？",
    "Warum ist Datenqualität so wichtig?",
    "What does Gomez say about NVIDIA and chips?",
    "戴雨森认为创业公司的机会在哪里",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_quotes_are_exact_excerpts_with_their_article(library: Library, question: str) -> None:
    reply = answerer.answer(library, question, top_k=5)
    assert reply.status == "ok" and reply.quotes
    for q in reply.quotes:
        passage = library.by_id[q.passage_id]
        assert q.passage == passage.text
        assert q.passage[q.quote_start:q.quote_start + len(q.quote)] == q.quote
        assert q.passage in library.articles[passage.article_id].text
        assert q.article.id == passage.article_id and q.speaker == passage.speaker
        for start, end in q.highlights:
            assert 0 <= start < end <= len(q.quote)
        for v in q.also_in:
            assert library.by_id[v.passage_id].text == v.passage
    assert [q.rank for q in reply.quotes] == list(range(1, len(reply.quotes) + 1))
    assert [q.score for q in reply.quotes] == sorted((q.score for q in reply.quotes), reverse=True)


@pytest.mark.parametrize("question", QUESTIONS)
def test_versions_of_one_passage_are_grouped_not_repeated(library: Library, question: str) -> None:
    reply = answerer.answer(library, question, top_k=10)
    shown = [q.passage_id for q in reply.quotes]
    for q in reply.quotes:
        others = {v.passage_id for v in q.also_in}
        assert not others & (set(shown) - {q.passage_id})


def test_grouped_result_names_the_other_versions(library: Library) -> None:
    reply = answerer.answer(library, "课程学习在机器学习中失败了吗", top_k=3)
    first = reply.quotes[0]
    assert first.also_in
    assert {v.article.id for v in first.also_in} - {first.article.id}


def test_quote_is_whole_sentences_and_short(library: Library) -> None:
    for question in QUESTIONS:
        for q in answerer.answer(library, question, top_k=5).quotes:
            assert len(q.quote) <= limit_for(q.passage)
            if q.quote_start > 0:
                assert q.passage[q.quote_start - 1] in "。！？!?.;；… \n\"”」)）", q.quote[:20]


def test_highlights_mark_query_terms(library: Library) -> None:
    q = answerer.answer(library, "合成数据市场", top_k=1).quotes[0]
    marked = {q.quote[s:e] for s, e in q.highlights}
    assert "合成数据" in marked


def test_traditional_chinese_highlights_simplified_text(library: Library) -> None:
    q = answerer.answer(library, "晶片 英偉達", top_k=1).quotes[0]
    assert q.highlights


def test_paging_continues_without_repeats(library: Library) -> None:
    first = answerer.answer(library, "Cohere 数据 模型 成本", top_k=3)
    second = answerer.answer(library, "Cohere 数据 模型 成本", top_k=3, offset=3)
    assert first.has_more
    assert second.quotes and second.quotes[0].rank == 4
    assert not {q.passage_id for q in first.quotes} & {q.passage_id for q in second.quotes}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", "invalid"),
        ("   \n\t ", "invalid"),
        ("😀🔥🙏", "invalid"),
        ("\x00\x07\x1b", "invalid"),
        ("x" * 10_000, "invalid"),
        ("<b></b>", "invalid"),
    ],
)
def test_bad_input_gets_a_clear_note(library: Library, text: str, status: str) -> None:
    reply = answerer.answer(library, text)
    assert reply.status == status
    assert reply.note and not reply.quotes


def test_markup_and_mentions_are_treated_as_plain_words(library: Library) -> None:
    reply = answerer.answer(library, "<b>合成数据</b> <!channel> <@U123>")
    assert reply.status == "ok"
    assert reply.query.startswith("<b>合成数据</b>")


def test_mentions_alone_are_not_a_question(library: Library) -> None:
    for text in ("<!channel>", "<@U123> <!here>", "<b></b> &amp;"):
        reply = answerer.answer(library, text)
        assert reply.status == "invalid" and reply.note and not reply.quotes, text


def test_no_match_is_honest_and_suggests(library: Library) -> None:
    reply = answerer.answer(library, "quantum chromodynamics lattice gluon")
    assert reply.status == "no_match"
    assert not reply.quotes and reply.note and reply.suggestions


def test_no_match_names_the_added_interviews_too(library: Library) -> None:
    added = Article(id="added-mayor", title="Mayor Achebe on buses", publisher="Civic Signal", language="en",
                    interviewees=["Rosalind Achebe"])
    passage = Passage("added-mayor:1", "added-mayor", 0, "Fares cost us almost as much as they brought in.",
                      "answer", speaker="Rosalind Achebe")
    bigger = Library.build([*library.articles.values(), added], [*library.passages, passage])
    question = "quantum chromodynamics lattice gluon"
    assert "Rosalind Achebe" not in (answerer.answer(library, question).note or "")
    note = answerer.answer(bigger, question).note or ""
    assert "Rosalind Achebe" in note and "Aidan Gomez" in note


def test_reply_json_shape(library: Library) -> None:
    data = answerer.answer(library, "Cohere 的估值是多少").to_json()
    assert set(data) == {"query", "results", "note"}
    result = data["results"][0]
    assert {"rank", "score", "quote", "passage", "speaker", "question", "article", "also_in"} <= set(result)
    assert set(result["article"]) == {"id", "title", "publisher", "published", "language", "url"}
