"""Shapes from the thirteenth blind round (documents written by someone who never saw the importer):
answers labelled with the interviewee's initial ("K.:"), a publisher's press kit as text (a page head on
two pages, the heading in capitals, "ABOUT THE AUTHOR" and the blurbs after the interview), a WeChat
export's byline, a transcript laid out as a table of speakers, numbered voices with a legend, and a
Taiwanese agency's page dated in the Republic's calendar."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write


def test_answers_labelled_with_an_initial(tmp_path: Path) -> None:
    turns = "".join(f"<p><b>WB:</b> Frage {i}, wie geht es der Bibliothek?</p>"
                    f"<p><b>K.:</b> Antwort {i}, und zwar ausführlich, mit einem ganzen Satz.</p>" for i in range(4))
    page = ("<html><head><title>„Bei uns darf man laut sein“ | Weserbote</title>"
            "<meta property='og:site_name' content='Weserbote'></head><body><article>"
            "<h1>„Bei uns darf man laut sein“</h1>"
            f"<p>Karin Kellermann, 58, leitet seit 2011 die Stadtbibliothek.</p>{turns}</article></body></html>")
    prepared = read_article(str(write(tmp_path, "wb.html", page)))
    assert prepared.article.interviewees == ["Karin Kellermann"]
    assert len(answers_of(prepared)) == 4


PRESS_KIT = """HARBOR & FINCH BOOKS — PRESS KIT

Publication date: April 8, 2025

A CONVERSATION WITH MAREN ODELL

Q: Why that year?

A: Because that was the year the fishing stopped making sense.

I was eleven, and I understood that my parents had stopped talking at dinner.

The Weight of Small Boats — Press Kit                                  Page 2

Q: When do you write?

A: In the mornings, after a night shift, until my eyes close.

Q: What are you working on now?

A: A novel about a cannery strike in Astoria in 1938.


ABOUT THE AUTHOR

Maren Odell grew up in a fishing family on the Oregon coast.

PRAISE FOR THE WEIGHT OF SMALL BOATS

“A tender, furious book.” — Ruth Calder

The Weight of Small Boats — Press Kit                                  Page 3
Harbor & Finch Books · 212 Alder St, Portland OR
"""


def test_a_press_kit(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "kit.txt", PRESS_KIT)))
    article = prepared.article
    assert (article.title, article.publisher, article.published) == (
        "A CONVERSATION WITH MAREN ODELL", "Harbor & Finch Books", "2025-04-08")
    answers = answers_of(prepared)
    assert answers[0].text.endswith("had stopped talking at dinner.")
    assert answers[-1].text == "A novel about a cannery strike in Astoria in 1938."  # the bio is no answer
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("Page 2", "ABOUT THE AUTHOR", "tender, furious", "PRESS KIT"):
        assert left_out not in text, left_out


TABLE = """<html><head><title>Oral history interview with Edith Bale | Mill Museum</title>
<meta property="og:site_name" content="Mill Museum"></head><body><article>
<h1>Oral history interview with Edith Bale, conducted by Daniel Quill, 12 May 2019</h1>
<dl><dt>Interviewee</dt><dd>Edith Bale</dd><dt>Interviewer</dt><dd>Daniel Quill</dd>
<dt>Date</dt><dd>12 May 2019</dd></dl>
<h2>Transcript</h2>
<table><thead><tr><th>Speaker</th><th>Transcript</th></tr></thead><tbody>
<tr><td>QUILL</td><td>How old were you when you started at the mill?</td></tr>
<tr><td>BALE</td><td>Fourteen. I left school on the Friday and started on the Monday.</td></tr>
<tr><td>BALE</td><td>My mother was a ring spinner, so that was that.</td></tr>
<tr><td>QUILL</td><td>What was the noise like?</td></tr>
<tr><td>BALE</td><td>You couldn't hear yourself think, so everybody lip-read.</td></tr>
<tr><td></td><td>We called it mee-mawing, pulling faces across the room.</td></tr>
<tr><td>QUILL</td><td>How did you hear the mill would close?</td></tr>
<tr><td>BALE</td><td>It was on a notice by the clocking-in machine.</td></tr>
</tbody></table></article></body></html>"""


def test_a_transcript_laid_out_as_a_table_of_speakers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "table.html", TABLE)))
    assert prepared.article.published == "2019-05-12"  # from the item's record (<dl>)
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Edith Bale"} and len(answers) == 3
    assert answers[0].text.endswith("so that was that.")  # two rows of one speaker: one answer
    assert answers[1].text.endswith("pulling faces across the room.")  # an empty first cell goes on


LEGEND = """---
title: "Folge 47: Stadtbäume"
date: 2024-07-11
podcast: Grünschnitt – der Stadtnatur-Podcast
---

## Transkript

Sprecher 1 = Lea Brandt (Moderation), Sprecher 2 = Dr. Jonas Weber (Gast)

Sprecher 1: Hallo und willkommen. Jonas, wie wird man Stadtbaumforscher?

Sprecher 2: Eher durch Zufall. Ich habe Forstwirtschaft studiert und wollte in den Wald.

Sprecher 1: Was macht den Bäumen am meisten zu schaffen?

Sprecher 2: Der Boden, nicht die Luft. Die Wurzeln kommen nicht weiter.

Sprecher 1: Und wie oft soll man gießen?

Sprecher 2: Lieber selten und viel als oft und wenig.
"""


def test_numbered_voices_named_by_a_legend(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "folge47.md", LEGEND)))
    assert prepared.article.interviewees == ["Jonas Weber"] and prepared.article.interviewers == ["Lea Brandt"]
    assert len(answers_of(prepared)) == 3
    assert not any("Sprecher 1 =" in p.text for p in prepared.passages)


def test_dates_in_the_republic_of_china_calendar_and_page_records() -> None:
    assert metadata.iso_date("發布日期：114-03-18") == "2025-03-18"
    assert metadata.iso_date("民國113年5月2日") == "2024-05-02"
    assert metadata.iso_date("Band 114-03-18 der Reihe") is None  # three digits alone are no year
    assert chrome.classify("瀏覽人次：1,234") == "page-record"
    assert chrome.classify("新聞聯絡人：王小明 電話：02-2351-0000 分機 123") == "contact"
    assert chrome.classify("原创 周晓 山野笔记 2025年03月02日 08:00 云南") == "page-record"
    assert chrome.classify("ABOUT THE AUTHOR") == "heading in capitals"
    assert chrome.classify("ABOUT THE AUTHOR", in_answer=True) is None
