"""Shapes from the sixteenth blind round (documents written by someone who never saw the importer): a Hugo
page (TOML front matter, shortcodes, the publisher only in a "©" footer), an interview archived from a
numbered thread ("3/ Ines: …"), a transcript with numbered lines, questions set apart only by a colour, and a
press release whose questions stand in guillemets under a headline "Name: „quote“"."""

from __future__ import annotations

from pathlib import Path

from bot.importer import metadata, plaintext
from bot.importer.pipeline import read_article
from bot.importer.turns import _asks
from tests.importer.documents import answers_of, write

HUGO = """+++
title = "Im Gespräch mit der Glockengießerin Wiebke Rautenberg"
date = 2025-03-14T08:00:00+01:00
lastmod = 2025-03-19T11:42:00+01:00
author = "Jonas Feldhaus"
+++

Wiebke Rautenberg gießt seit dreißig Jahren Glocken.

{{< figure src="/images/formgrube.jpg" caption="Die Formgrube der Gießerei." >}}

{{% notice info %}}
Dieses Gespräch ist Teil unserer Reihe „Werkstattbesuche“.
{{% /notice %}}

**F:** Wie wird man Glockengießerin?

**A:** Durch meinen Vater, der hatte die Gießerei schon.

**F:** Was ist Glockenbronze?

**A:** Kupfer und Zinn, ungefähr vier zu eins.

**F:** Haben Sie einen Lehrling?

**A:** Ja, seit letztem Herbst.

© 2025 Klangwerk Magazin
"""


def test_a_hugo_page(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "hugo.md", HUGO)))
    article = prepared.article
    assert (article.title, article.published, article.publisher) == (
        "Im Gespräch mit der Glockengießerin Wiebke Rautenberg", "2025-03-14", "Klangwerk Magazin")
    assert len(answers_of(prepared)) == 3 and article.interviewees == ["Wiebke Rautenberg"]
    text = "\n".join(p.text for p in prepared.passages)
    assert "{{" not in text and "Werkstattbesuche" not in text and "Formgrube" not in text


THREAD = "\n\n".join([
    "# Thread: our Q&A with Ines Kowalczyk on urban beekeeping", "Posted March 2, 2025",
    "1/ Today we hand the thread over to Ines, who keeps bees on five roofs.",
    "2/ Q: How did you get into beekeeping?", "3/ Ines: By accident, a swarm landed on my neighbour's balcony.",
    "4/ A year later I had my own hive.", "5/ Q: Is a city a good place for bees?",
    "6/ Ines: Often better than the countryside, there is something in flower all summer.",
    "7/ Q: What do you do next?", "8/ Ines: A hive on the library roof, with the poetry section."])


def test_an_interview_archived_from_a_numbered_thread(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "thread.md", THREAD)))
    answers = answers_of(prepared)
    assert answers[0].text == ("By accident, a swarm landed on my neighbour's balcony.\n\n"
                               "A year later I had my own hive.")  # the next post goes on
    assert {p.speaker for p in answers} == {"Ines Kowalczyk"} and len(answers) == 3
    assert plaintext.numbered("3/ a\n1/ b\n2/ c\n4/ d\n5/ e\n") == "3/ a\n1/ b\n2/ c\n4/ d\n5/ e\n"  # not counting up


def test_a_transcripts_line_numbers_and_page_heads_are_left_out() -> None:
    page = "\n".join(f"{n:3d}   Q.  Question number {n}?" if n % 2 else f"{n:3d}   A.  Answer number {n}."
                     for n in range(1, 26))
    text = plaintext.numbered(("\n                                          7\n          ORAL HISTORY OF A. B.\n\n"
                               + page + "\n") * 3)
    assert "ORAL HISTORY" not in text and "Q.  Question number 1?" in text and not text.lstrip().startswith("1 ")


COLOURED = """<html><head><title>竹编艺人何秋生：一根竹子劈成三十六层</title></head><body><article>
<h1>竹编艺人何秋生：一根竹子劈成三十六层</h1>
<p>今年七十岁的竹编艺人何秋生，在清溪镇编了五十多年竹器。记者日前走进他的作坊。</p>
<p><span style="color:#0070c0">您是几岁开始学竹编的？</span></p><p>十三岁。跟着我舅舅学，第一年只让劈竹子。</p>
<p><span style="color:#0070c0">一根竹子能劈成多少层？</span></p><p>最薄的能劈三十六层，薄得能透光。</p>
<p><span style="color:#0070c0">现在还有年轻人学吗？</span></p><p>有两个徒弟，都是镇上的姑娘。</p>
</article></body></html>"""


def test_questions_set_apart_by_a_colour_only(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "styled.html", COLOURED)))
    answers = answers_of(prepared)
    assert [p.question for p in answers] == ["您是几岁开始学竹编的？", "一根竹子能劈成多少层？", "现在还有年轻人学吗？"]
    assert {p.speaker for p in answers} == {"何秋生"}


def test_questions_in_guillemets_under_a_quoted_headline() -> None:
    meta = metadata.Meta()
    metadata.from_markdown(meta, "Pressemitteilung Nr. 34/2025\n\nDr. Adaeze Okafor: „Seegraswiesen sind die "
                                 "stillen Klimaschützer“\n\n»Frau Dr. Okafor, wie kamen Sie zur Meeresbiologie?«", None)
    assert meta.title == "Dr. Adaeze Okafor: „Seegraswiesen sind die stillen Klimaschützer“"
    meta = metadata.Meta()
    metadata.from_markdown(meta, "»Frau Dr. Okafor, wie kamen Sie zur Meeresbiologie?«\n\nText.", None)
    assert meta.title is None  # a question in quotes is no headline
    assert _asks("»Und warum ausgerechnet die Nordsee?«") and not _asks("»Ja, das stimmt.«")


def test_a_deposition_style_oral_history(tmp_path: Path) -> None:
    cover = ["COLUMBIA RIVER ORAL HISTORY PROJECT", "", "ORAL HISTORY OF MARGARET ELLISON", "", "VOLUME 1", "",
             "Interviewer: Thomas Reyes", "Date: June 3, 2019", "Time: 1:10 p.m.", "Place: Astoria, Oregon",
             "Reported by: Linda Park, CSR No. 4471"]
    turns = [f"Q.  Question number {n} about the cannery?" if n % 2 else f"A.  Answer number {n}, about the river."
             for n in range(1, 25)]
    pages = [cover + [""] * (25 - len(cover)), [*turns, ""]]
    text = "".join(f"\n{' ' * 42}{k + 1}\n{' ' * 10}ORAL HISTORY OF MARGARET ELLISON — VOLUME 1\n\n"
                   + "\n".join(f"{n + 1:3d}   {line}".rstrip() for n, line in enumerate(page)) + "\n"
                   for k, page in enumerate(pages * 2))
    prepared = read_article(str(write(tmp_path, "ellison.txt", text)))
    article = prepared.article
    assert (article.title, article.publisher, article.published) == (
        "ORAL HISTORY OF MARGARET ELLISON", "Columbia River Oral History Project", "2019-06-03")
    assert article.interviewees == ["Margaret Ellison"]
    assert answers_of(prepared)[0].text == "Answer number 2, about the river."
