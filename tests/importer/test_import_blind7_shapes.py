"""Shapes from the seventh blind round (documents written by someone who never saw the importer): a radio
archive's text transcript (header keys of a broadcast, the title under the header, a framed player box,
cue markers, "es gilt das gesprochene Wort", the programme's own link line, a related list without a
heading), surname-only labels after one full-name label, "記者問" as the reporter's label, the
document's own address given in its text, editors' notes and captions in brackets, a sponsor read and an
image's caption in Markdown."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata
from bot.importer.pipeline import read_article
from bot.importer.transcript import header
from tests.importer.documents import write

RADIO = """SÜDWELLE · Sendungsarchiv
==============================

Sendung:     Werkstattgespräch
Datum:       03.06.2024, 09:05 Uhr
Gast:        Marta Lindqvist, Orgelbauerin
Moderation:  Jonas Brehm
Länge:       18:20 Min.

------------------------------

„Jede Pfeife hat ihren eigenen Atem“ – Orgelbauerin Marta Lindqvist im Gespräch

Marta Lindqvist baut seit zwanzig Jahren Orgeln in der Eifel.

+--------------------------------------+
| ▶ Das Gespräch in voller Länge hören |
| Download (MP3, 17,2 MB)              |
+--------------------------------------+

Transkript – es gilt das gesprochene Wort.

[00:00:05] [Jingle: Südwelle – Werkstattgespräch am Vormittag mit Musik]

[00:00:20] MODERATORIN: Frau Lindqvist, wie viele Pfeifen hat Ihre größte Orgel?

[00:00:31] LINDQVIST: Knapp viertausend. Die längste ist fünf Meter hoch und klingt sehr tief.

[00:01:10] MODERATORIN: Wie lange baut man an so einem Instrument?

[00:01:15] LINDQVIST: Drei Jahre, wenn nichts dazwischenkommt. Meistens kommt etwas dazwischen.

[00:02:02] MODERATORIN: Was ist das Schwierigste daran?

[00:02:05] LINDQVIST: Das Intonieren. Jede Pfeife wird einzeln gestimmt, in der Kirche, nachts, wenn es still ist.

Das Gespräch führte Jonas Brehm.
Link zur Sendung: https://www.suedwelle.de/werkstatt/orgelbauerin-lindqvist-100.html
Stand: 05.06.2024, 10:00 Uhr

Mehr zum Thema
* Die letzte Glockengießerei im Süden
* Hörtipp: Geigenbau in Mittenwald

© Südwelle 2024 · Impressum
"""


def test_a_radio_archive_transcript_reads_its_header_title_and_own_link(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "radio.txt", RADIO)))
    article = prepared.article
    assert article.title == "„Jede Pfeife hat ihren eigenen Atem“ – Orgelbauerin Marta Lindqvist im Gespräch"
    assert (article.publisher, article.published) == ("Südwelle", "2024-06-03")  # not "verfügbar bis"/"Stand"
    assert article.url == "https://www.suedwelle.de/werkstatt/orgelbauerin-lindqvist-100.html"
    assert (article.interviewees, article.interviewers) == (["Marta Lindqvist"], ["Jonas Brehm"])
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert len(answers) == 3 and {p.speaker for p in answers} == {"Marta Lindqvist"}
    text = "\n".join(p.text for p in prepared.passages)
    for chrome_text in ("Sendung:", "voller Länge", "gesprochene Wort", "Jingle", "Link zur Sendung", "Stand:",
                        "Mehr zum Thema", "Glockengießerei", "Geigenbau", "Sendungsarchiv", "=====", "Impressum"):
        assert chrome_text not in text, chrome_text
    assert "Marta Lindqvist baut seit zwanzig Jahren" in text  # the teaser stays, as narrative


def test_header_keys_of_a_broadcast_and_a_guest_with_her_role() -> None:
    found, _ = header(RADIO)
    assert (found["interviewee"], found["interviewer"]) == ("Marta Lindqvist", "Jonas Brehm")  # not her trade
    assert metadata._names("Marta Lindqvist, Orgelbauerin") == ["Marta Lindqvist"]
    assert metadata._names("Jane Doe, Head of Research") == ["Jane Doe"]
    assert metadata._names("Ann Smith, Bob Jones") == ["Ann Smith", "Bob Jones"]  # two people stay two
    assert metadata._names("王五、李四") == ["王五", "李四"]


def test_a_role_label_asking_is_no_publication(tmp_path: Path) -> None:
    text = RADIO.split("------------------------------\n", 1)[1]  # no header: no name for MODERATORIN
    article = read_article(str(write(tmp_path, "bare.txt", text))).article
    assert article.publisher != "MODERATORIN"


HK = """<html><head><title>專訪動畫導演區詠恩：天台上的故事 - 維港日報</title>
<meta property="og:site_name" content="維港日報"></head><body><article>
<h1>專訪動畫導演區詠恩：天台上的故事</h1>
<div class="byline">文：記者 梁嘉欣｜攝影：蔡志明</div>
<p><strong>記者問：恭喜得獎。消息傳來的時候，你在做甚麼？</strong></p>
<p>區詠恩：我在酒店房間洗衫，根本沒想過會贏。</p>
<p><strong>記者問：故事從哪裏來？</strong></p>
<p>區：從我嫲嫲那裏來。她在深水埗住了五十二年。</p>
<p><strong>記者問：為甚麼堅持手繪？</strong></p>
<p>區：因為唐樓本身就不是筆直的。</p>
<p class="note">（注：唐樓指二戰前後興建、沒有升降機的舊式住宅。）</p>
<p><strong>記者問：下一部呢？</strong></p>
<p>區：還是香港，但這次是海上。</p>
<p class="img-desc">區詠恩在工作室內（受訪者供圖）</p>
<p>本文網址：https://www.vhdaily.hk/culture/20250403/hk-animation.html</p>
</article></body></html>"""


def test_a_family_name_label_after_one_full_name_and_the_reporter_s_label(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "hk.html", HK)))
    article = prepared.article
    assert (article.interviewees, article.interviewers) == (["區詠恩"], ["梁嘉欣"])
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert {p.speaker for p in answers} == {"區詠恩"} and len(answers) == 4
    assert answers[0].text.startswith("我在酒店房間洗衫")  # the full-name label is a label, not quoted text
    assert article.url == "https://www.vhdaily.hk/culture/20250403/hk-animation.html"
    text = "\n".join(p.text for p in prepared.passages)
    assert "注：" not in text and "供圖" not in text and "本文網址" not in text


def test_chrome_lines_of_the_seventh_round() -> None:
    box = "+------------+ | ▶ Hören      | | MP3, 20 MB | +------------+"
    assert chrome.classify(box) == "box"
    assert chrome.classify("[Jingle: Südwelle – Das Gespräch am Vormittag mit Musik]") == "marker"
    assert chrome.classify("Transkript – es gilt das gesprochene Wort.") == "credit"
    assert chrome.classify("Hosted by Priya Raman & Ben Hartigan") == "credit"
    assert chrome.classify("Moderation: Anja Wendt") == "credit"
    assert chrome.classify("Moderation ist eine Kunst, sagte sie.") is None
    assert chrome.classify("Stand: 17.02.2025, 08:30 Uhr") == "byline"
    assert chrome.classify("（注：轻中度指较好耳的听阈在26至55分贝之间。）", in_answer=True) == "note"
    assert chrome.classify("声衍科技创始人甘思远（受访者供图）") == "caption"
    assert chrome.classify("我们的数据都是公司自己统计的，没有第三方提供。") is None
    sponsor = ("This episode is supported by Ferncastle Nurseries, growing native trees since 1962. "
               "Listeners get 15 percent off with the code LEAVES15.")
    assert chrome.classify(sponsor, in_answer=True) == "sponsor"
    assert chrome.classify("本文网址：https://www.example.cn/a/1.shtml") == "link"


def test_the_own_address_only_from_a_line_that_gives_it() -> None:
    meta = metadata.Meta()
    metadata.from_markdown(meta, "Text.\n\nvia: https://original.example.com/post\n", None)
    assert meta.url is None  # where a repost comes from is not this document's address
    metadata.from_markdown(meta, "Text.\n\nLink zur Sendung: https://radio.example.de/a.html\n", None)
    assert meta.url == "https://radio.example.de/a.html"
    private = metadata.Meta()
    metadata.from_markdown(private, "Permalink: http://127.0.0.1:8000/a\n", None)
    assert private.url is None


MARKDOWN = """---
title: "Ep. 27: Counting the city's trees"
date: 2024-10-02T09:00:00-05:00
---

**Host:** Where did the census start?

**Tamsin Oduya:** On one street, with two volunteers and a tape measure. It took us a whole day.

---

*This episode is supported by Ferncastle Nurseries. Listeners get 15 percent off with the code LEAVES15.*

---

**Host:** And the heat?

**Tamsin Oduya:** It matters a lot in July. We put temperature loggers on forty lamp posts.

![](../static/img/heat-map.png)
*Afternoon street-level temperatures, July 17, 2024. Map: City of Port Halloran.*

The shaded streets were nine degrees cooler.

**Host:** What comes next?

**Tamsin Oduya:** Planting, two hundred trees on the hottest blocks first.
"""


def test_a_sponsor_read_and_an_image_caption_inside_a_markdown_answer(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "episode.md", MARKDOWN)))
    answers = [p for p in prepared.passages if p.kind == "answer"]
    text = "\n".join(p.text for p in prepared.passages)
    assert "Ferncastle" not in text and "Afternoon street-level" not in text
    assert any("nine degrees cooler" in p.text and "forty lamp posts" in p.text for p in answers)


def test_the_host_an_editor_s_note_names_and_a_title_s_role_before_a_name(tmp_path: Path) -> None:
    from bot.importer import names

    note = "Editor's note: Jonah Reyes hosts; Priya Lindqvist joins partway through. Our guest, Tamsin Oduya."
    assert names.host_named(note, ["Tamsin Oduya"]) == "Jonah Reyes"
    assert names.host_named("Hosted by Ann Lee. Produced by Bo Chen.", []) == "Ann Lee"
    assert names.host_named("Tamsin Oduya hosts the walk.", ["Tamsin Oduya"]) is None  # the guest hosts no show
    episode = MARKDOWN.replace("---\n\n**Host:**", f"---\n\n> **{note}**\n\n**Host:**", 1)
    assert read_article(str(write(tmp_path, "ep.md", episode))).article.interviewers == ["Jonah Reyes"]
    page = ("<html><head><title>Deichgräfin Hanna Osterloh: „Der Deich ist nie fertig“</title></head><body>"
            "<h1>Deichgräfin Hanna Osterloh: „Der Deich ist nie fertig“</h1>"
            "<p>Der Deich muss höher werden. Wer zahlt dafür?</p>"
            + "".join(f"<p><b>WK: Frage {i}?</b></p><p>Osterloh: Antwort {i}, mit einem ganzen Satz dazu.</p>"
                      for i in range(4))
            + "</body></html>")
    assert read_article(str(write(tmp_path, "wk.html", page))).article.interviewees == ["Hanna Osterloh"]


def test_a_markdown_footnote_s_mark_is_no_part_of_the_quote(tmp_path: Path) -> None:
    text = MARKDOWN.replace("a whole day.", "a whole day.[^1]") + "\n[^1]: It took two days, in fact.\n"
    passages = read_article(str(write(tmp_path, "notes.md", text))).passages
    joined = "\n".join(p.text for p in passages)
    assert "It took us a whole day." in joined and "[^1]" not in joined and "two days" not in joined
