"""Fetching (limits, redirects, errors), extraction and segmentation of pages served on 127.0.0.1."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from bot.importer.extract import extract
from bot.importer.fetch import FetchError, Source, fetch_url, load, read_file
from bot.importer.pipeline import read_article
from bot.importer.prepare import PrepareError
from tests.pages import PAGES, PageServer

FURNITURE = ("cookies", "Advertisement", "Save 40%", "Sponsored", "Port Analytics", "Related", "Newsletter",
             "Sign up", "©", "Share", "Privacy", "Subscribe", "rights reserved", "edited for length",
             "广告", "分享到", "相关阅读", "热门文章", "白皮书", "版权所有", "Anzeige", "Lesen Sie auch", "Impressum",
             "本文根据", "gekürzt")


def visible_paragraphs(path: Path) -> str:
    """The page's <p> texts without tags (what a reader sees), to check quotes are verbatim."""
    raw = path.read_text(encoding="utf-8")
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p[^>]*>(.*?)</p>", raw, re.S))


def test_fetches_a_page_and_follows_a_redirect(pages: PageServer) -> None:
    source = fetch_url(pages("/old/mira"))
    assert source.kind == "html"
    assert source.url == pages("/interviews/mira-castellanos")
    assert "Mira Castellanos" in source.text


@pytest.mark.parametrize("path, reason", [
    ("/nowhere", "404"), ("/broken", "500"), ("/report.pdf", "the PDF could not be read"),
    ("/logo.png", "content type image/png"), ("/huge", "too large"), ("/huge-stream", "too large"),
    ("/loop", "too many redirects"),
])
def test_clear_errors(pages: PageServer, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=re.escape(reason)):
        fetch_url(pages(path))


def test_unreachable_server_and_other_schemes() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    with pytest.raises(FetchError, match="could not be fetched"):
        fetch_url(f"http://127.0.0.1:{port}/x", timeout=2, allow_private=True)
    with pytest.raises(FetchError, match="only http"):
        load("ftp://example.org/a.html")


def test_local_files(tmp_path: Path) -> None:
    (tmp_path / "a.odt").write_bytes(b"PK")
    with pytest.raises(FetchError, match="unsupported file type"):
        read_file(tmp_path / "a.odt")
    with pytest.raises(FetchError, match="no such file"):
        read_file(tmp_path / "missing.md")
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(FetchError, match="too large"):
        read_file(big, max_bytes=1000)


def test_page_markup_ads_and_navigation_are_gone(pages: PageServer) -> None:
    prepared = read_article(pages("/interviews/mira-castellanos"))
    text = "\n".join(p.text for p in prepared.passages)
    for junk in FURNITURE:
        assert junk not in text, junk
    seen = visible_paragraphs(PAGES / "en-interview.html")
    for p in prepared.passages:
        for paragraph in p.text.split("\n\n"):  # a passage is a whole answer: its paragraphs, blank-line separated
            assert paragraph in seen, paragraph  # verbatim, no markup left


def test_english_page_metadata_and_attributed_answers(pages: PageServer) -> None:
    prepared = read_article(pages("/old/mira"))
    a = prepared.article
    assert a.title == "“Batteries are a logistics problem” — an interview with Mira Castellanos"
    assert a.publisher == "The Harbour Ledger"
    assert a.author == "Tobias Wren"
    assert a.published == "2025-04-17"
    assert a.url == "https://harbourledger.example/2025/04/mira-castellanos-battery-recycling-interview"
    assert a.language == "en"
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert len(answers) == 5 and {p.speaker for p in answers} == {"Mira Castellanos"}  # 6 paragraphs, 5 answers
    fires = next(p for p in answers if p.text.startswith("Fires."))
    assert fires.question == "What went wrong in the first year?"
    assert fires.section == "Money and regulation"
    first = answers[0]  # an answer of two paragraphs is one passage
    assert first.text.startswith("I kept seeing") and "\n\nSo for me recycling" in first.text
    assert first.question.endswith("How did a route planner end up recycling batteries?")
    assert prepared.cast.interviewers == ["The Harbour Ledger"]
    assert len(a.id) <= 31 and all(len(p.id.encode()) <= 40 for p in prepared.passages)
    assert all(p.tokens for p in prepared.passages)


def test_chinese_page(pages: PageServer) -> None:
    prepared = read_article(pages("/zh/lin-xiaolan"))
    a = prepared.article
    assert (a.language, a.publisher, a.published) == ("zh", "潮汐商业评论", "2025-05-09")
    assert a.url == "https://chaoxi-review.example/articles/2025/lin-xiaolan-cold-chain"
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert {p.speaker for p in answers} == {"林晓岚"} and len(answers) == 4  # the first answer has two paragraphs
    assert answers[0].text.count("\n\n") == 1
    assert answers[-1].question == "未来三年你最担心什么？"
    seen = visible_paragraphs(PAGES / "zh-interview.html")
    for p in prepared.passages:
        assert all(paragraph in seen for paragraph in p.text.split("\n\n"))
        assert not any(junk in p.text for junk in FURNITURE)
    assert a.id.startswith("chaoxi-review-")


def test_german_page(pages: PageServer) -> None:
    prepared = read_article(pages("/de/hanna-keller"))
    assert prepared.article.language == "de"
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert {p.speaker for p in answers} == {"Hanna Keller"} and len(answers) == 4
    assert answers[0].question == "Frau Keller, warum halten Sie Bienen ausgerechnet auf Hochhausdächern?"


def test_local_html_without_canonical_link_has_no_url(tmp_path: Path) -> None:
    raw = (PAGES / "de-interview.html").read_text(encoding="utf-8")
    page = tmp_path / "keller.html"
    page.write_text(re.sub(r'<link rel="canonical"[^>]*>', "", raw), encoding="utf-8")
    assert read_article(str(page)).article.url is None
    (tmp_path / "with.html").write_text(raw, encoding="utf-8")
    assert read_article(str(tmp_path / "with.html")).article.url.startswith("https://rheinblick.example/")


def test_markdown_file_with_front_matter(tmp_path: Path) -> None:
    md = tmp_path / "talk.md"
    md.write_text(
        "---\ntitle: A talk with Ana Lima\npublisher: Field Notes\nurl: https://fieldnotes.example/ana\n"
        "published: 2025-01-02\n---\n# A talk with Ana Lima\n\n"
        "Ana Lima has farmed the same twelve hectares in the north-east of Brazil for thirty years; "
        "we visited her after the harvest.\n\n"
        "**Q:** What do you grow?\n\n**Ana Lima:** Mostly beans, and some maize\nin the dry years.\n\n"
        "**Q:** Why beans?\n\n**Ana Lima:** They fix nitrogen.\n", encoding="utf-8")
    prepared = read_article(str(md))
    a = prepared.article
    assert (a.title, a.publisher, a.url, a.published) == (
        "A talk with Ana Lima", "Field Notes", "https://fieldnotes.example/ana", "2025-01-02")
    first = next(p for p in prepared.passages if p.kind == "answer")
    assert first.text == "Mostly beans, and some maize in the dry years."  # soft wrap rejoined
    assert first.question == "What do you grow?" and first.speaker == "Ana Lima"


def test_text_file_one_paragraph_per_line(tmp_path: Path) -> None:
    txt = tmp_path / "bericht.txt"
    txt.write_text("Gespräch mit Max Weber\nMax Weber führt seit 1998 die Bäckerei am Markt, "
                   "die inzwischen elf Filialen im Rheinland hat. Wir haben ihn zum Jahresende besucht.\n"
                   "Frage: Wie war das Jahr?\nWeber: Gut, wir sind gewachsen.\n"
                   "Frage: Und die Pläne?\nWeber: Wir eröffnen eine Filiale in Bonn.\n", encoding="utf-8")
    prepared = read_article(str(txt))
    answers = [p.text for p in prepared.passages if p.kind == "answer"]
    assert answers == ["Gut, wir sind gewachsen.", "Wir eröffnen eine Filiale in Bonn."]
    # the surname label written out
    assert {p.speaker for p in prepared.passages if p.kind == "answer"} == {"Max Weber"}
    assert prepared.article.url is None and prepared.article.language == "de"
    assert prepared.article.publisher == ""  # never the file name: the summary asks for one
    assert any("--publisher" in w for w in prepared.warnings)
    assert prepared.article.title == "Gespräch mit Max Weber"  # the first line says what the text is


def test_page_without_article_text(pages: PageServer) -> None:
    with pytest.raises(PrepareError, match="too little text"):
        read_article(pages("/empty"))
    with pytest.raises(FetchError, match="no article text"):
        extract(Source("<html><body></body></html>", "html", "blank.html", None))


def test_unlabelled_bold_questions(pages: PageServer) -> None:
    prepared = read_article(pages("/conversations/priya-raman"))
    a = prepared.article
    assert a.url == "https://northernlight.example/conversations/priya-raman"  # og:url, the page's own link
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert {p.speaker for p in answers} == {"Priya Raman"} and len(answers) == 3
    assert answers[1].question == "What has changed the most in that time?"
    assert answers[0].question == "Why go back to exactly the same spot every year?"
    assert answers[0].text.count("\n\n") == 1  # the answer's second paragraph, no label of its own
    seen = visible_paragraphs(PAGES / "en-bold-questions.html")
    assert all(paragraph in seen for p in prepared.passages for paragraph in p.text.split("\n\n"))
    assert "\ue000" not in a.text and not any("\ue000" in (p.question or "") + p.text for p in prepared.passages)


def test_unlabelled_heading_questions_in_chinese(tmp_path: Path) -> None:
    md = tmp_path / "talk.md"
    md.write_text(
        "# 专访周明远：小城书店的二十年\n\n"
        "周明远在县城开了二十年书店，见证了实体书业的起落。我们在店里和他聊了一个下午。\n\n"
        "### 书店是怎么活下来的？\n\n靠的是熟客。很多孩子在这里长大，后来带着自己的孩子回来买书。\n\n"
        "### 你怎么看电商的冲击？\n\n冲击当然很大，但书店卖的不只是书，还有一个可以坐下来的地方。\n", encoding="utf-8")
    prepared = read_article(str(md))
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert [(p.speaker, p.question) for p in answers] == [
        ("周明远", "书店是怎么活下来的？"), ("周明远", "你怎么看电商的冲击？")]
    assert answers[0].text == "靠的是熟客。很多孩子在这里长大，后来带着自己的孩子回来买书。"


def test_bold_text_without_questions_is_not_taken_for_an_interview(tmp_path: Path) -> None:
    md = tmp_path / "essay.md"
    body = "Rivers carry sediment to the sea and shape the land over thousands of years."
    md.write_text("# Notes on rivers\n\n" + "\n\n".join(f"**Section {i}**\n\n{body}" for i in range(4)),
                  encoding="utf-8")
    prepared = read_article(str(md))
    assert not prepared.cast.interviewees and not any(p.kind == "answer" for p in prepared.passages)
