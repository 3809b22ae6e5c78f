"""Shapes of the second unseen round (invented people and text): lower-case handles named in front matter,
panels with `Name (XX):` and audience `Q -`/`A -`, a moderator among the listed speakers, a group that
answers questions, bold questions with plain answers, and a pull-quote inside the last answer."""

from __future__ import annotations

from pathlib import Path

from bot.importer.names import from_title
from bot.importer.pipeline import read_article
from bot.importer.prepare import Prepared


def imported(tmp_path: Path, text: str, name: str = "doc.md") -> Prepared:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(str(path))


def said_by(prepared: Prepared, words: str) -> str | None:
    return next((p.speaker for p in prepared.passages if words in p.text), "lost")


HANDLES = """---
title: Fireside chat at the Harbour Summit
speakers:
  - Ines Okafor
  - Tobias Lindqvist
date: 2021-05-04
---
lindqvist: Welcome everyone. How did you start working on mesh radios?

ines_o: I found an old radio in my uncle's garage and took it apart over one long summer.

lindqvist: What was the hardest part of the first network?

ines_o: Power. Every node needed a battery that would last through the winter nights.

lindqvist: What comes next for the project?

ines_o: We want every village on the coast to run its own node by the end of next year.

note: the recording stopped here.
"""


def test_lower_case_handles_that_name_listed_speakers(tmp_path: Path) -> None:
    found = imported(tmp_path, HANDLES)
    assert found.cast.interviewees == ["Ines Okafor"] and found.cast.interviewers == ["Tobias Lindqvist"]
    assert said_by(found, "Every node needed a battery") == "Ines Okafor"
    assert "note" not in found.cast.aliases  # a handle-shaped word that names no listed speaker is no label


PANEL = """---
title: Storage engines in 2031
date: 2031-02-01
speakers:
  - Mirela Vasquez
  - Hakon Brandt
  - Petra Llewellyn
---
Petra Llewellyn (PL): Welcome to the panel. Mirela, can you show us the new engine first?

Mirela Vasquez (MV): Sure. It keeps every page compressed and decompresses only the rows a query touches.

Q - Does it work on small devices too?

A - It does, we test it on a board with two hundred megabytes of memory every night.

PL: Hakon, how does your engine differ?

Hakon Brandt (HB): We keep everything in memory and write a log, so recovery takes seconds rather than minutes.

PL: What is the hardest bug you have fixed this year?

MV: A torn write on one file system that only happened when the disk was nearly full.

HB: For us it was a clock that ran backwards on one cloud provider and reordered the log.

PL: Thank you to our panelists and thank you all for coming.
"""


def test_a_panel_with_aliases_a_moderator_among_the_speakers_and_audience_questions(tmp_path: Path) -> None:
    found = imported(tmp_path, PANEL)
    assert sorted(found.cast.interviewees) == ["Hakon Brandt", "Mirela Vasquez"]  # names without "(MV)"
    assert found.cast.interviewers[0] == "Petra Llewellyn"  # listed as a speaker, but she asks
    assert said_by(found, "two hundred megabytes") == "Mirela Vasquez"  # "A -": the panelist who spoke last
    assert said_by(found, "clock that ran backwards") == "Hakon Brandt"
    assert not any("Thank you to our panelists" in p.text for p in found.passages if p.kind == "answer")


def test_a_group_that_answers_questions_is_named_by_the_title() -> None:
    assert from_title("Interview: KLX beantwortet Fragen zu offenen Daten") == ["KLX"]
    assert from_title("Jorunn Falk answers your questions") == ["Jorunn Falk"]
    assert from_title("Wie man gute Fragen stellt") == []


BOLD_QUESTIONS = """# 专访作者韦明哲：语言与工具

![](https://example.org/a.jpg)

**记者：你最早为什么开始设计这门语言？**

韦明哲：因为我想让简单的事情保持简单，困难的事情可以做到。

**记者：第二个版本为什么花了这么久？**

我们重写了三次编译器，每一次都推翻了之前的语义模型。

后来我们才找到一个能同时容纳并发和惰性求值的核心。

**记者：你对初学者有什么建议？**

韦明哲：先写小程序，每天写一点，不要怕犯错，也不要急着去读那些很厚的参考书和手册。

![](https://example.org/b.jpg)

> “先写小程序，每天写一点，不要怕犯错，也不要急着去读那些很厚的参考书和手册。”

学会读别人的代码，比读教科书更有用。
"""


def test_a_plain_answer_after_a_bold_question_and_a_pull_quote_in_the_last_answer(tmp_path: Path) -> None:
    found = imported(tmp_path, BOLD_QUESTIONS)
    assert found.cast.interviewees == ["韦明哲"]
    assert said_by(found, "我们重写了三次编译器") == "韦明哲"
    assert said_by(found, "后来我们才找到") == "韦明哲"
    assert said_by(found, "学会读别人的代码") == "韦明哲"  # the pull-quote does not end the interview


def test_italic_labels_and_initials_from_the_title(tmp_path: Path) -> None:
    text = ("# What comes next, according to Oskar Lindgren\n\nby Harbour Weekly, 2019 March 3rd\n\n"
            "*HW*: Why did you leave the lab?\n\n*OL*: Because the work was done and the team had grown up, and "
            "because I wanted to build things that people use every day on the water rather than papers.\n\n"
            "*HW*: What now?\n\n*OL*: A small company that builds tide gauges for harbours and ports along the "
            "coast.\n")
    found = imported(tmp_path, text)
    assert found.cast.interviewees == ["Oskar Lindgren"]
    assert said_by(found, "tide gauges") == "Oskar Lindgren"


def test_shapes_of_the_second_round_names_dates_and_licence_lines() -> None:
    from bot.importer.chrome import classify
    from bot.importer.metadata import Meta, from_byline
    assert from_title("卡洛斯·门德斯专访：开源硬件的下一步") == ["卡洛斯·门德斯"]
    assert from_title("Stimmen aus dem Lab: Mirko T.", "[Mirko](https://example.org) baut Sensoren.") == ["Mirko T."]
    assert classify("`This interview is available under the CC BY-SA licence`", in_answer=True) == "credit"
    meta = Meta()
    from_byline(meta, "By [example.org](https://example.org/x) on 2014/06/02")
    assert meta.published == "2014-06-02"


PANEL_TWO_TURNS = """---
title: "Who keeps the river clean? A panel"
publisher: Riverside Civic Forum
date: 2024-05-02
---

Moderator Ottilie Brenner-Vance: Welcome. Joaquín, you count the fish every spring. What changed?

Joaquín Ibarra-Lund: The trout came back to the upper weir, which nobody expected after the flood of 2019.

Ottilie: And the city? Marit, what did the city do differently this year?

Marit Solheim: We stopped mowing the banks in May and let the reeds stand until August.

Ottilie: Joaquín, is that why the trout came back?

Joaquín: Partly. The reeds shade the water, and cooler water holds more oxygen for the young fish.

Ottilie: Marit, what would you do with twice the budget?

Marit: Buy back the two meadows upstream and let them flood again, the way they used to.

Ottilie: Thank you both.
"""


def test_a_speaker_with_a_full_name_once_and_a_first_name_once(tmp_path: Path) -> None:
    found = imported(tmp_path, PANEL_TWO_TURNS)
    assert sorted(found.cast.interviewees) == ["Joaquín Ibarra-Lund", "Marit Solheim"]
    assert said_by(found, "trout came back to the upper weir") == "Joaquín Ibarra-Lund"
    assert said_by(found, "cooler water holds more oxygen") == "Joaquín Ibarra-Lund"
    assert said_by(found, "two meadows upstream") == "Marit Solheim"
