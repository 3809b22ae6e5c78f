"""Shapes from the twelfth blind round (documents written by someone who never saw the importer): a
transcription service's export ("Tom Brennan  00:00" over the words, a SPEAKERS header), questions set apart
only by their class, a radio feature's manuscript (O-Ton speakers, the narrator, Atmo and Musik cues, a
credits block), a Chinese podcast's show notes over its transcript, and a news site whose source line
names its channel ("来源：澎湃新闻·澎湃号")."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata, names
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

OTTER = """Episode 12 - Reed Beds with Dr. Mira Osei
Fri, Jun 13, 2025 10:02AM • 38:41

SUMMARY KEYWORDS
reed, marsh, water, birds

SPEAKERS
Tom Hale, Mira Osei


Tom Hale  00:00
Welcome to Tidal Talk, I'm Tom Hale. My guest today is Dr. Mira Osei, who studies reed beds.

Mira Osei  01:23
Thanks, Tom. It's good to be here.

Tom Hale  01:45
What is a reed bed, actually?

Mira Osei  02:07
Yeah.

Mira Osei  02:09
So it is a wetland full of tall grasses that clean the water as it passes through them.

Speaker 3  03:10
A listener asks: can I build one in my garden?

Mira Osei  03:20
You can, a small one, if you have a wet corner and a lot of patience.


Transcribed by https://otter.ai
"""


def test_a_transcription_services_export(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "otter.txt", OTTER)))
    article = prepared.article
    assert article.title == "Episode 12 - Reed Beds with Dr. Mira Osei"
    assert (article.publisher, article.published) == ("Tidal Talk", "2025-06-13")
    assert article.interviewees == ["Mira Osei"]
    answers = answers_of(prepared)
    assert answers[1].text.startswith("Yeah.") and "clean the water" in answers[1].text  # one answer
    assert answers[-1].text.startswith("You can, a small one")
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("SUMMARY KEYWORDS", "SPEAKERS", "otter.ai", "00:00", "A listener asks"):
        assert left_out not in text, left_out


CLASSED = """<html><head><title>Q&amp;A: Glaciologist Sunna Holm on listening to the ice | The Harbourline</title>
<meta property="og:site_name" content="The Harbourline"></head><body><article>
<h1>Q&amp;A: Glaciologist Sunna Holm on listening to the ice</h1>
<p>Dr. Sunna Holm has spent two decades drilling into the glaciers of Svalbard.</p>
<p class="qa-question">What does a glacier sound like?</p><p class="qa-answer">Loud, mostly. It cracks all night.</p>
<p class="qa-question">Walk us through a typical day on the ice.</p>
<p class="qa-answer">We are at the drill site by eight and back by dark.</p>
<p class="qa-question">Are you afraid of polar bears?</p><p class="qa-answer">Yes.</p>
<p class="qa-answer">We keep a guard awake all night, with a flare gun.</p>
</article></body></html>"""


def test_questions_marked_by_their_class_only(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "classed.html", CLASSED)))
    answers = answers_of(prepared)
    assert [p.question for p in answers] == ["What does a glacier sound like?",
                                           "Walk us through a typical day on the ice.",
                                           "Are you afraid of polar bears?"]
    assert {p.speaker for p in answers} == {"Sunna Holm"}  # named after "Q&A:" in the title
    assert answers[2].text == "Yes.\n\nWe keep a guard awake all night, with a flare gun."
    assert names.from_title("Interview: Offene Daten für alle") == []  # only "Q&A:" is a form before a name


FEATURE = """Radio Nordwind – Feature

Das Gedächtnis der Deiche
Vom Leben mit der Sturmflut

Sendung: Feature am Mittwoch
Sendetermin: 14.05.2025, 20:03 Uhr
Autorin: Hanna Voss
Redaktion: Tobias Kerk

Dieses Manuskript ist urheberrechtlich geschützt und darf vom Empfänger ausschließlich zu rein privaten Zwecken
genutzt werden. Jede Vervielfältigung ist unzulässig.

Atmo: Möwen, Hafen, ein Kutter legt an

Sprecherin:
Morgens um sechs riecht der Hafen nach Diesel und Tang. Hier lebt der Schäfer Jakob Ruhl.

O-Ton Jakob Ruhl:
Ich bin hier jeden Tag oben, seit über vierzig Jahren.

Sprecherin:
Im Archiv arbeitet die Historikerin Ilse Marten.

O-Ton Dr. Ilse Marten:
Die Briefe erzählen, was die Pegel nicht erzählen.

Zitatorin:
Liebe Grete, wir leben, das sollst Du zuerst wissen.

O-Ton Ruhl:
Nee. Wo soll ich denn hin?

Musik: Akkordeon, leise

O-Ton Marten:
Man lebt hinter dem Deich, weil man ihm vertraut.

Absage:
Das Gedächtnis der Deiche. Ein Feature von Hanna Voss. Redaktion: Tobias Kerk.

– Ende des Manuskripts –
"""


def test_a_radio_features_manuscript(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "feature.txt", FEATURE)))
    article = prepared.article
    assert (article.title, article.publisher, article.published) == ("Das Gedächtnis der Deiche", "Radio Nordwind",
                                                                      "2025-05-14")
    assert sorted(article.interviewees) == ["Dr. Ilse Marten", "Jakob Ruhl"]
    answers = answers_of(prepared)
    assert [p.text for p in answers if p.speaker == "Jakob Ruhl"] == [
        "Ich bin hier jeden Tag oben, seit über vierzig Jahren.", "Nee. Wo soll ich denn hin?"]
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("Atmo:", "Musik:", "urheberrechtlich", "Redaktion: Tobias", "Ende des Manuskripts"):
        assert left_out not in text, left_out
    assert not any("Liebe Grete" in p.text or "Morgens um sechs" in p.text for p in answers)  # read, not said


PODCAST = """---
title: "EP58｜辞职做游戏的第三年"
date: 2025-03-21 22:00:00 +0800
tags: [独立游戏]
---

欢迎收听《夜航西飞》第58期。

主播：小林
嘉宾：周叙（独立游戏开发者）

### 本期时间轴

- 00:45 开场：我们是怎么认识的
- 03:12 为什么辞职做游戏

## 文字稿

文字稿由 AI 转写，并经编辑部人工校对，可能与音频存在出入，请以音频为准。

**小林**：周叙，你为什么辞职？

**周叙**：因为我想做一件自己从头做到尾的事情，大厂里每个人只拧一颗螺丝。

**小林**：后悔过吗？

**周叙**：没有。最难的时候也没有，只是很累。

**小林**：下一件事是什么？

**周叙**：先睡一个月，然后再说。

如果你也有想说的话，欢迎写信到 letters@example.fm，参加下一期的听众来信。
"""


def test_a_chinese_podcasts_show_notes_and_transcript(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ep58.md", PODCAST)))
    assert prepared.article.publisher == "夜航西飞"
    assert prepared.article.interviewees == ["周叙"] and prepared.article.interviewers == ["小林"]
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("00:45", "文字稿由", "letters@"):
        assert left_out not in text, left_out


def test_source_lines_series_boxes_and_question_credits() -> None:
    assert metadata.SOURCE_LINE.search("来源：澎湃新闻·澎湃号·湃客").group("n") == "澎湃新闻"  # type: ignore[union-attr]
    assert chrome.classify("（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）", in_answer=True) == "credit"
    assert chrome.classify("Dieser Artikel ist Teil von WOCHENPOST Wissen", in_answer=True) == "credit"
    assert chrome.classify("Fragen: Lisa Huber") == "credit"
    assert chrome.classify("Fragen über Fragen, die ich mir jeden Tag stelle.") is None
    assert chrome.classify("我下载了一个新的 APP，用来记录修复进度。", in_answer=True) is None
