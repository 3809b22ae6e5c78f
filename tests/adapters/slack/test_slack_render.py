"""Block Kit rendering: escaping, highlights, verbatim quotes, links, and Slack's limits."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.adapters.slack import buttons, render
from bot.answer import answerer
from bot.answer.library import Library
from bot.answer.reply import ArticleRef, Quote, Reply, Version
from bot.answer.texts import SAMPLES
from tests.adapters.slack.blockkit import problems, quote_lines, unescape, unquoted_problems

EVIL = "<!channel> <@U0VICTIM> <https://evil.example|click> & *bold* > x"


def test_escape_round_trip() -> None:
    assert render.escape("a & <b> >") == "a &amp; &lt;b&gt; &gt;"
    assert render.unescape(render.escape(EVIL)) == EVIL


def test_clip_never_cuts_an_entity() -> None:
    for limit in range(5, 40):
        out = render.clip("&" * 50, limit)
        assert len(out) <= limit
        assert out.rstrip("…").replace("&amp;", "") == ""


def test_highlights_are_bold_and_text_escaped() -> None:
    text = "Daten & <Qualität> zählen"
    start = text.index("Qualität")
    out = render.highlighted(text, [(start, start + len("Qualität"))])
    assert out == "Daten &amp; &lt;*Qualität*&gt; zählen"


def test_overlapping_and_out_of_range_spans() -> None:
    assert render.highlighted("data and more", [(0, 2), (1, 4), (20, 30)]) == "*data* and more"


def test_no_bold_inside_words_the_terms_are_listed_instead() -> None:
    text = "市场主要由合成数据主导。合成数据，以及 Daten"
    spans = [(5, 9), (12, 16), (20, 25)]
    assert render.highlighted(text, spans) == "市场主要由合成数据主导。合成数据，以及 *Daten*"
    assert render.unbolded_terms(text, spans) == ["合成数据"]
    assert render.highlighted("“Daten” und (Modelle).", [(1, 6), (13, 20)]) == "“*Daten*” und (*Modelle*)."
    assert render.highlighted("Datenqualität", [(0, 5)]) == "Datenqualität"


def test_literal_asterisk_disables_highlighting() -> None:
    assert render.highlighted("Q* and data", [(7, 11)]) == "Q* and data"


def test_quoted_keeps_every_line_quoted() -> None:
    text = "first line\nsecond & line"
    out = render.quoted(text, [(6, 10), (11, 14), (12, 17)])
    assert out == "> first *line*\n> *second* &amp; line"


def test_long_quote_is_a_verbatim_prefix_within_the_limit() -> None:
    text = ("Daten & <Modelle> " * 400).strip()
    out = render.quote_section("*1. X*", text, [(0, 5)], limit=3000)
    assert len(out) <= 3000 and out.endswith("\n…")
    body = "\n".join(unescape(line[2:].replace("*", "")) for line in out.split("\n") if line.startswith("> "))
    assert text.startswith(body) and len(body) > 1000


def evil_ref(url: str | None = "https://example.com/a?x=1&y=<2>") -> ArticleRef:
    return ArticleRef("evil", f"Title {EVIL}", f"Pub {EVIL}", "2024-01-02", "en", url)


def evil_quote(rank: int, text: str) -> Quote:
    ref = evil_ref()
    return Quote(rank=rank, score=1.0, passage_id=f"evil:{rank:08x}", quote=text, quote_start=0, passage=text,
                 speaker=f"Speaker {EVIL}", question=f"Question {EVIL} " * 100, article=ref,
                 highlights=((0, 4),), also_in=(Version("evil-de:1", replace(ref, id="evil-de"), text),))


def test_hostile_and_oversized_reply_stays_within_limits() -> None:
    text = f"{EVIL}\n" * 300
    reply = Reply(query=EVIL * 20, quotes=tuple(evil_quote(i, text) for i in range(1, 30)), has_more=True,
                  offset=0, language="en")
    msg = render.reply_message(reply, 7, ephemeral=True)
    assert problems(msg) == []
    assert len(msg["blocks"]) <= 50
    assert msg["blocks"][-1]["type"] == "actions", "paging buttons survive the cut"
    dumped = json.dumps(msg)
    assert "<!channel>" not in dumped and "<@U0VICTIM>" not in dumped
    for line in quote_lines(msg):
        assert line in text.replace("*", "")


def test_article_link_or_no_link() -> None:
    linked = render.article_line(evil_ref(), "en")
    assert linked.startswith("<https://example.com/a?x=1&amp;y=&lt;2&gt;|Title &lt;!channel&gt;")
    bare = render.article_line(evil_ref(url=None), "en")
    assert "<" not in bare.replace("&lt;", "") and "no link" in bare
    assert "2024-01-02" in bare and "Pub &lt;!channel&gt;" in bare


def test_button_values_round_trip_and_forgeries_are_refused() -> None:
    value = buttons.page_value(1234567, 3)  # the saved question's id: no user text in the button
    assert len(value) <= 2000 and buttons.parse_page(value) == (1234567, 3)
    for forged in ("not json", '{"q": "a question", "o": 2}', '{"q": 1, "o": "2"}', '{"q": -1, "o": 0}',
                   '{"q": 1, "o": 5000}', '{"q": 1}', "[1, 2]", "", '{"q": 9223372036854775808, "o": 0}',
                   '{"q": 2147483648, "o": 0}'):  # ids past the INTEGER column's range are forged too
        assert buttons.parse_page(forged) is None, forged
    assert buttons.parse_feedback('{"v":"up","k":"a","p":"x:1","q":1000000000000000000000000000000,"u":"en"}') is None


@pytest.mark.parametrize("question", [q for qs in SAMPLES.values() for q in qs])
def test_every_sample_answer_is_valid_and_verbatim(library: Library, question: str) -> None:
    reply = answerer.answer(library, question)
    msg = render.reply_message(reply, 7, ephemeral=True)
    assert problems(msg) == []
    assert unquoted_problems(msg, library) == []
    if reply.quotes:
        assert len(quote_lines(msg)) >= len(reply.quotes)
        for q in reply.quotes:
            if q.article.url:
                assert f"<{render.escape(q.article.url)}|{render.escape(q.article.title)}>" in json.dumps(
                    msg, ensure_ascii=False).replace("\\\"", '"')


def test_help_message(library: Library) -> None:
    msg = render.help_message([library.ref(a) for a in library.articles], ["subscribe", "add"])
    assert problems(msg) == []
    assert unquoted_problems(msg, library) == []
    dumped = json.dumps(msg, ensure_ascii=False)
    assert "/ask subscribe" in dumped and SAMPLES["zh"][0] in dumped


def test_passages_message_limits(library: Library) -> None:
    items = [(f"S {EVIL}", f"{EVIL} " * 500, f"Q {EVIL}", evil_ref()) for _ in range(40)]
    msg = render.passages_message(items, "en", "Title")
    assert problems(msg) == []


def test_help_with_many_articles_keeps_whole_links() -> None:
    refs = [evil_ref() for _ in range(200)]
    msg = render.help_message(refs)
    assert problems(msg) == []
    assert "… (+" in json.dumps(msg, ensure_ascii=False)
