"""Shapes from the twenty-fifth blind round (documents written by someone who never saw the importer): a newsletter
page whose transcript goes on for paying readers in a block of its own, a Taiwanese radio transcript
("主持人（林雅婷）：" then "雅婷："; a clip of someone heard once), an oral history from pdftotext -layout (a
title page's fields, one value over two lines, a key to the labels, a copyright line at every page's foot, a
relative heard once), a university's Markdown press release and a Zhihu column that says where it first appeared."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

NEWSLETTER = """<html><head><title>Ep. 12: Bees in the city - The Hive Line</title>
<meta property="og:site_name" content="The Hive Line"></head><body>
<h1>Ep. 12: Bees in the city</h1>
<div class="available-content"><div class="body markup">
<p>This week Ana talks to the beekeeper Tomas Berg about rooftop hives.</p>
<p><strong>Ana Ruiz (00:00:10)</strong></p><p>Tomas, how many hives do you keep on roofs?</p>
<p><strong>Tomas Berg (00:00:14)</strong></p><p>Forty-two, on nine buildings in the old town.</p>
<p><strong>Ana Ruiz (00:01:02)</strong></p><p>Do the neighbours complain?</p>
<p><strong>Tomas Berg (00:01:05)</strong></p><p>Only until the first jar of honey arrives at their door.</p>
</div></div>
<div class="paywall"><h2>This episode is for paid subscribers</h2><p>Subscribe to keep listening.</p></div>
<div class="paid-content body markup">
<p><strong>Ana Ruiz (00:02:40)</strong></p><p>What happens to the bees in winter?</p>
<p><strong>Tomas Berg (00:02:44)</strong></p><p>They cluster around the queen and shiver to keep her warm.</p>
<p><strong>Ana Ruiz (00:03:30)</strong></p><p>And your advice for beginners?</p>
<p><strong>Tomas Berg (00:03:33)</strong></p><p>Start with two hives, never one, so you can compare them.</p>
</div></body></html>"""


def test_a_transcript_that_goes_on_behind_the_paywall_notice(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ep12.html", NEWSLETTER)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("Tomas Berg", "They cluster around the queen and shiver to keep her warm.") in said  # after the notice
    assert ("Tomas Berg", "Start with two hives, never one, so you can compare them.") in said


RADIO = """<html><head><meta charset="utf-8"><title>海邊的聲音｜曉光廣播電台</title>
<meta property="og:site_name" content="曉光廣播電台"></head><body><article>
<h1>海邊的聲音：專訪紀錄片導演陳志豪</h1>
<p><strong>主持人（林雅婷）：</strong>志豪你好，這部片拍了多久？</p>
<p><strong>來賓（陳志豪）：</strong>整整六年，每年夏天都回去。</p>
<p><strong>雅婷：</strong>我們先來聽一小段片中的聲音。</p>
<p>（播放片段）<br><strong>黃秀蘭：</strong>海是不會等人的啦，你要去等它。</p>
<p><strong>雅婷：</strong>這句話好有力量。拍片的錢從哪裡來？</p>
<p><strong>志豪：</strong>一半是補助，一半是我自己接案賺的。</p>
<p><strong>雅婷：</strong>下一部片呢？</p>
<p><strong>志豪：</strong>還在想，可能會拍山上的學校。</p>
</article></body></html>"""


def test_a_radio_transcript_whose_labels_shorten_to_given_names(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "radio.html", RADIO)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("陳志豪", "一半是補助，一半是我自己接案賺的。") in said  # "志豪：" is 來賓（陳志豪）
    assert ("黃秀蘭", "海是不會等人的啦，你要去等它。") in said  # a clip of someone heard once: her own words
    roles = {v.name: v.role for v in prepared.cast.voices.values()}
    assert roles["林雅婷"] == "interviewer" and "雅婷" not in roles and "志豪" not in roles


def _laid_out(*pages: list[str]) -> str:
    """Pages as pdftotext -layout gives them: every line numbered in the margin, a copyright line at the foot."""
    foot = "\n\n  © 2021 River Town Historical Society. All rights reserved.\n"
    return "\f".join("\n".join(f"{n:>3}      {line}".rstrip() for n, line in enumerate(page, 1)) + foot
                      for page in pages)


TURNS = [("Where did you work first?", "At the cannery on the river, sorting tomatoes."),
         ("How old were you?", "Fourteen, and I lied about it."),
         ("What did you earn?", "Forty cents an hour, and the smell for free."),
         ("Who was your foreman?", "Mr. Pike. He whistled when he was angry."),
         ("Did you like the work?", "I liked the girls I worked with. The work, not so much."),
         ("When did the union come?", "In 1952, after the walkout."),
         ("Were you part of the walkout?", "Everybody was. Even Mr. Pike, for one afternoon."),
         ("What did you win?", "Ten cents more and a place to sit down.")]
LAID_OUT = _laid_out(
    ["", "          RIVER TOWN ORAL HISTORY PROJECT", "", "    ORAL HISTORY INTERVIEW WITH ELLA M. VOSS", "",
     "Interviewee:      Ella Mae Voss", "Interviewer:      Ben Carter", "Date:             June 3, 2021",
     "Place:            Home of the interviewee, 14 Mill Road,", "                  Fairport, Ohio",
     "Transcriber:      Ida Lane", "", "Persistent URL:   https://archive.rivertown.example/oh/2021-04"],
    ["TRANSCRIPTION CONVENTIONS", "", "Q:    Ben Carter (interviewer)", "A:    Ella Voss", "JV:   June Voss", "",
     *[line for q, a in TURNS for line in (f"Q:   {q}", f"A:   {a}")]],
    ["JV:  Mom, tell him about the flood.", "A:   The water came up to the second step in one night.",
     "     We carried the chickens upstairs.", *[line for q, a in TURNS[:5] for line in (f"Q:   {q}", f"A:   {a}")],
     "Q:   Did the cannery reopen?", "A:   Two years later, smaller.", "",
     "     So that was the end of the tomatoes for me."])


def test_an_oral_history_laid_out_by_pdftotext(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "voss.txt", LAID_OUT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    voss = [t for who, t in said if who == "Ella Mae Voss"]
    assert voss[0] == "At the cannery on the river, sorting tomatoes."
    assert any(t.startswith("The water came up") for t in voss)  # after her daughter spoke: still Ella's
    assert any(t.endswith("So that was the end of the tomatoes for me.") for t in voss)  # across the © foot
    assert ("June Voss", "Mom, tell him about the flood.") in said  # named by the key to the labels
    assert prepared.article.url == "https://archive.rivertown.example/oh/2021-04"
    everything = " ".join(p.text for p in prepared.passages)
    for chrome in ("Ben Carter (interviewer)", "©", "Fairport, Ohio", "Transcriber"):
        assert chrome not in everything


PRESS = """---
title: "„Daten sind das neue Grundwasser“ – Doppelinterview"
date: 2025-03-12
author: Katrin Vogt
---

# „Daten sind das neue Grundwasser“

Zwei Professorinnen über das neue Zentrum für Wasser und Daten.

### Wie kam es zum Zentrum?

**Prof. Dr. Anna Berger:** Aus einem Streit in der Mensa, ehrlich gesagt.

**Prof. Dr. Lea Stein:** Und aus sehr viel Kaffee.

### Was messen Sie?

**Berger:** Pegel, Temperatur und Leitfähigkeit an vierzig Stellen im Tal.

**Stein:** Und wir werten das jede Stunde aus.

### Wann beginnt der Studiengang?

**Stein:** Im Wintersemester, mit zwanzig Plätzen.

Hinweis für Redaktionen: Der Abdruck des Interviews ist honorarfrei, auch in Auszügen.

## Weitere Informationen

- [Zentrum für Wasser und Daten](https://www.uni-talheim.example/zwd)
- [Studiengang Wasserdaten](https://www.uni-talheim.example/studium)

Diese Meldung im Web: https://www.uni-talheim.example/presse/2025/034

<small>© 2025 Universität Talheim · [Impressum](/impressum) · [Datenschutz](/datenschutz)</small>
"""


def test_a_university_press_release_in_markdown(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "doppel.md", PRESS)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert ("Prof. Dr. Lea Stein", "Im Wintersemester, mit zwanzig Plätzen.") in said
    assert masthead(prepared)[1] == "Universität Talheim"  # the copyright line at its foot
    assert prepared.article.url == "https://www.uni-talheim.example/presse/2025/034"
    everything = " ".join(p.text for p in prepared.passages)
    assert "honorarfrei" not in everything and "Studiengang Wasserdaten" not in everything


COLUMN = """<html><head><meta charset="utf-8"><title>对话修书人沈书言：一张纸补三天 - 知乎</title>
<meta property="og:site_name" content="知乎专栏"></head><body><article>
<h1>对话修书人沈书言：一张纸补三天</h1>
<div class="ContentItem-time">编辑于 2024-03-14 09:12・IP 属地浙江</div>
<p><b>Q：</b><b>你每天修多少页？</b></p>
<p>A：顺利的话十来页，遇到虫蛀严重的，一天一页都修不完。</p>
<p><b>Q：</b><b>最难的是什么？</b></p>
<p>A：配纸。纸的颜色、厚薄、帘纹都要对上，找一张合适的纸有时候要一个月。</p>
<p><b>Q：</b><b>你会一直做下去吗？</b></p>
<p>A：会。书上的字是古人写的，我们做的事，就是让这些字能再多留几百年。</p>
<p><i>本文首发于公众号「慢工坊」，未经授权请勿转载。</i></p>
</article></body></html>"""


def test_a_zhihu_column_names_where_it_first_appeared(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "column.html", COLUMN)))
    assert masthead(prepared)[1] == "慢工坊"  # the account, not the platform's "知乎专栏"
    assert {p.speaker for p in answers_of(prepared)} == {"沈书言"}
    assert not any("IP 属地" in p.text for p in prepared.passages)
