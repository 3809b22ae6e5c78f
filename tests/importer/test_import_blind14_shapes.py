"""Shapes from the fourteenth blind round (documents written by someone who never saw the importer): a
bulletin-board post saved from PTT, subtitles saved as text, answers set as quotes under plain questions, a
journal's page (its scholarly meta tags name the journal, its press is og:site_name), and an AMP page whose
og:title was reworded for sharing."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata, plaintext
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

PTT = """作者  scoutwolf (山狼)
看板  Hiking
標題  [分享] 專訪嚮導林阿珠：我在玉山走了三十年
時間  Sat Mar  1 12:05:33 2025
───────────────────────────────────────

上個月跟社團上排雲，下山後約林阿珠大姐聊了一個下午。

照片（大姐說可以放）：https://i.imgur.com/Qm7rT2x.jpg

Q：大姐當初是怎麼開始當嚮導的？

A：我從小就跟著爸爸上山，打獵、採愛玉、幫人家揹東西。
山對我們來說不是休閒，是工作。

Q：第一次自己帶隊是什麼時候？

A：民國八十七年，帶一隊大學生上主峰。

Q：現在還會上山嗎？

A：會啊，腳還可以就會一直走。

--
※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 114.34.12.88 (臺灣)
※ 文章網址: https://www.ptt.cc/bbs/Hiking/M.1740801933.A.7F2.html
推 hikerlee: 推專訪！林阿珠大姐好強                               03/01 12:10
→ scoutwolf: 樓上 大姐是合法立案的嚮導                              03/01 12:22
"""


def test_a_bulletin_board_post(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ptt.txt", PTT)))
    article = prepared.article
    assert article.title == "專訪嚮導林阿珠：我在玉山走了三十年"  # without the board's "[分享]"
    assert (article.published, article.url) == ("2025-03-01", "https://www.ptt.cc/bbs/Hiking/M.1740801933.A.7F2.html")
    assert article.publisher.casefold() == "ptt" and article.interviewees == ["林阿珠"]
    assert len(answers_of(prepared)) == 3
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("作者", "發信站", "推 hikerlee", "imgur"):
        assert left_out not in text, left_out


SUBTITLES = "\r\n".join([
    "\ufeff1", "00:00:01,200 --> 00:00:04,800", "【对话】王一舟：在故纸堆里修时间", "",
    "2", "00:00:05,000 --> 00:00:08,000", "主持人：欢迎来到今天的节目，", "",
    "3", "00:00:08,100 --> 00:00:11,000", "王一舟老师，您修书修了多少年？", "",
    "4", "00:00:11,100 --> 00:00:14,000", "王一舟：快三十年了，", "",
    "5", "00:00:14,100 --> 00:00:17,000", "从十九岁进馆就开始学。", "",
    "6", "00:00:17,100 --> 00:00:20,000", "主持人：修书最难的是什么？", "",
    "7", "00:00:20,100 --> 00:00:23,000", "王一舟：是等。浆糊要等，纸要等，", "",
    "8", "00:00:23,100 --> 00:00:26,000", "人也要等。", "",
    "9", "00:00:26,100 --> 00:00:28,000", "（完）", ""])


def test_subtitles_saved_as_text(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "video.txt", SUBTITLES)))
    assert prepared.article.title == "【对话】王一舟：在故纸堆里修时间"
    answers = answers_of(prepared)
    assert [p.text for p in answers] == ["快三十年了，从十九岁进馆就开始学。", "是等。浆糊要等，纸要等，人也要等。"]
    assert plaintext.subtitles("1\n00:00:01,000 --> 00:00:02,000\nOne cue only.\n") == (
        None, "1\n00:00:01,000 --> 00:00:02,000\nOne cue only.\n")  # too few cues: no subtitles


BLOCKQUOTES = """<html><head><title>Fünf Fragen an Henrike Saalfeld | Kleines Feldbuch</title>
<meta property="og:site_name" content="Kleines Feldbuch"></head><body><article>
<h1>Fünf Fragen an Henrike Saalfeld</h1>
<p>Henrike Saalfeld hat zwanzig Jahre lang in der Uckermark geimkert und jetzt ein Buch geschrieben.</p>
<p>Liebe Henrike, wie bist du zu den Bienen gekommen?</p>
<blockquote><p>Über einen Schwarm im Apfelbaum meiner Großmutter.</p><p>Ich war vierzehn.</p></blockquote>
<p>Und wie wird aus einer Imkerin eine Autorin?</p>
<blockquote><p>Eher aus Versehen, über Rundbriefe an meine Kundinnen.</p></blockquote>
<p>Hältst du selbst noch Bienen?</p>
<blockquote><p>Ja.</p><p>Drei Völker, mehr schaffe ich neben dem Schreiben nicht.</p></blockquote>
</article></body></html>"""


def test_answers_set_as_quotes_under_plain_questions(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "feldbuch.html", BLOCKQUOTES)))
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Henrike Saalfeld"}
    assert [p.question for p in answers] == ["Liebe Henrike, wie bist du zu den Bienen gekommen?",
                                           "Und wie wird aus einer Imkerin eine Autorin?",
                                           "Hältst du selbst noch Bienen?"]
    assert answers[2].text == "Ja.\n\nDrei Völker, mehr schaffe ich neben dem Schreiben nicht."


def test_a_journals_name_and_a_headline_the_page_agrees_on() -> None:
    page = ("<html><head><title>Priya Webb: ‘The river was always going to win’ | The Calder Courier</title>"
            "<meta property='og:title' content='‘The river was always going to win’: Priya Webb on flood sensors'>"
            "<meta property='og:site_name' content='Meridian University Press'>"
            "<meta name='citation_journal_title' content='Journal of Urban Soundscapes'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"headline\": \"Priya Webb: ‘The river was always going to win’\"}</script>"
            "</head><body><h1>Priya Webb: ‘The river was always going to win’</h1></body></html>")
    meta = metadata.from_html(page, None)
    assert meta.title == "Priya Webb: ‘The river was always going to win’"
    assert meta.publisher == "Journal of Urban Soundscapes"
    assert metadata.iso_date("Sat Mar  1 12:05:33 2025") == "2025-03-01"
    assert chrome.classify("Comments are only available on the full version of this article.") == "navigation"
    assert chrome.classify("照片（大姐說可以放）：https://i.imgur.com/Qm7rT2x.jpg") == "caption"


def test_an_oral_historys_narrator_answers_and_its_first_line_is_the_title(tmp_path: Path) -> None:
    text = "Oral history interview with Walter Penn\n\n" + "".join(
        f"Interviewer: Question {i} about the lighthouse?\n\nNarrator: Answer {i}, about the light and the sea.\n\n"
        for i in range(4))
    prepared = read_article(str(write(tmp_path, "penn.txt", text)))
    assert prepared.article.title == "Oral history interview with Walter Penn"
    assert prepared.article.interviewees == ["Walter Penn"]  # the name ends with its line ("… Penn\nInterviewer")
    assert len(answers_of(prepared)) == 4
