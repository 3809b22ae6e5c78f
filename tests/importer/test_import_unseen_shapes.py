"""Shapes met on unseen real interviews (invented names and text): names in titles after a colon or
before 访谈, repost footers of translated articles, bare addresses, dates written year first, a bare
HTML fragment with its byline, and a date the page never shows."""

from __future__ import annotations

import pytest

from bot.importer.chrome import classify
from bot.importer.markup import paragraphs, visible
from bot.importer.metadata import dates_in, from_html, iso_date
from bot.importer.names import from_title


def test_a_name_after_the_titles_colon_when_the_text_addresses_that_person() -> None:
    body = "Wenke Straub ist 31 und programmiert seit 2019.\n\nVielen Dank für das Gespräch, Wenke!"
    assert from_title("Stimmen aus dem Lab: Wenke Straub", body) == ["Wenke Straub"]
    # capitalised German nouns after a colon are no one, even when the text repeats them
    assert from_title("Interview: Offene Daten", "Offene Daten sind wichtig. Offene Daten helfen.") == []
    assert from_title("Interview: Wenke Straub", "Ganz anderer Text.") == []


def test_names_in_chinese_titles_around_the_word_for_interview() -> None:
    assert from_title("开源是一场马拉松：微软Ilse Varga访谈", "Ilse Varga是") == ["Ilse Varga"]
    assert from_title("Tomas Brenner 专访——编译器、语言和未来的设计和发布", "设计和发布") == ["Tomas Brenner"]
    assert from_title("专访Fjord Editor的作者柳青禾", "柳青禾从2009年开始") == ["柳青禾"]
    # a Han ending that is not a name after 的 or a role is no one
    assert from_title("专访：城市夜经济的设计和发布", "设计和发布") == []


@pytest.mark.parametrize("text", [
    "via: https://example.org/interview-with-someone/",
    "Source: <https://example.org/a>",
    "译者：[chenxiao](https://example.org/chenxiao) 校对：[wq](https://example.org/wq)",
    "本文由 某翻译组 原创翻译，某社区 荣誉推出",
    "<https://example.org/status/1234567890>",
])
def test_repost_footers_and_bare_addresses_are_chrome(text: str) -> None:
    assert classify(text) is not None
    assert classify(text, in_answer=True) is not None  # even glued to the end of the last answer


def test_a_sentence_about_sources_stays_content() -> None:
    assert classify("Source: my own notes from that winter, mostly.") is None
    assert classify("I read https://example.org every morning, it is where I learnt Rust.") is None


def test_link_reference_definitions_without_a_space_are_not_text() -> None:
    text = "Last answer of the interview.\n\n[a]:http://example.org/author/x/\n[1]:https://example.org/wiki/Y"
    shown = [visible(p.text) for p in paragraphs(text)]
    assert shown == ["Last answer of the interview."]


def test_dates_written_year_first_and_the_byline_of_a_bare_fragment() -> None:
    assert iso_date("2011 March 3rd") == "2011-03-03" and iso_date("in 2009 November 21st") == "2009-11-21"
    page = ("<title>Holm 2009-11-21</title>\n<div class=\"main\">\n<h1>Interview with Greta Holm</h1>\n"
            "<h2>by Pavel Lind\nin 2009 November 21<sup>st</sup></h2>\n<p><b>PL</b>: Why C?</p>\n"
            "<p><b>GH</b>: Because it was there.</p>")
    meta = from_html(page, None)
    assert (meta.title, meta.published) == ("Interview with Greta Holm", "2009-11-21")
    assert meta.authors == ["Pavel Lind"]


def test_a_date_the_page_does_not_show_is_no_date() -> None:
    assert dates_in("We met in 2011 and again on May 18, 2011.") == {"2011-05-18"}
    assert dates_in("Around 1999 things changed.") == set()
