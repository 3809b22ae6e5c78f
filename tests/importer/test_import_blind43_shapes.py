"""Shapes from the forty-third round (real interviews published as Markdown in public repositories, tried before
any rule was written for them; the documents themselves are not kept here): a project blog's spotlight whose
intro links the four people it talked with, one name wrapped over two lines, who answer under their first names
and introduce themselves ("Hey team, I'm James"); its Chinese translation, which names the guest once as
"**Kensei**:" and then "**KN**:", and shortens the interviewer's "AP:" to "A:"; a course page's interview under a
link back to its index with the guest's middle initial; a scientist's profile before a Q&A (handles, links); and a
translation whose footer names who publishes it."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

SPOTLIGHT = """---
title: "Spotlight on the Storage Group"
date: 2025-03-04
author: "Renata Okafor (Acme Systems)"
---

In this spotlight we talked with [Lena Brandt](https://example.org/lb), [Tomasz
Wieczorek](https://example.org/tw), and [Priya Raman](https://example.org/pr) to learn about the group.

**Renata: Hello, thank you for the time! Could you tell us a bit about yourselves?**

**Tomasz:** Hey everyone, I'm Tomasz, the group lead. I work on the storage layer and have done so for six years.

**Lena**: Hi, I’m Lena, a co-chair. I joined the project in 2019 after a long time as a user of it.

**Priya:** Hello, my name is Priya and I maintain the backup tooling, mostly in my spare time.

**Renata: How did the group start?**

**Tomasz**: It started because the storage code had lost most of its maintainers within a single year.

**Renata: What should a newcomer do first?**

**Lena**: Read the design documents, then pick one small bug and ask about it in the weekly meeting.

**Priya:** Be patient. Reviews take time because everyone is a volunteer here.

**Renata: A great way to end this spotlight, thank you all!**

---

For more information and resources, please take a look at :

1. Group website: https://storage.example.org/
2. Group repository: https://example.org/storage/repo
"""


def test_a_spotlight_names_each_guest_from_its_intro(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "spotlight.md", SPOTLIGHT)))
    assert {v.name for v in prepared.cast.voices.values() if v.role == "interviewee"} == {
        "Lena Brandt", "Tomasz Wieczorek", "Priya Raman"}
    assert [v.name for v in prepared.cast.voices.values() if v.role == "interviewer"] == ["Renata Okafor"]
    answers = answers_of(prepared)
    assert any(p.speaker == "Tomasz Wieczorek" and p.text.startswith("It started because") for p in answers)
    assert not any("For more information" in p.text or "https://" in p.text for p in prepared.passages)


TRANSLATED = """---
title: "存储小组访谈"
date: 2024-09-24
author: "Amara Osei"
---
<!--
In this spotlight we talked with [Kensei Nakada](https://example.org/kn), an approver.
-->
在本次访谈中，我们与 [Kensei Nakada](https://example.org/kn)
进行了交流，他是存储小组的一名 Approver。

**Amara:** **你好，感谢你让我们有机会了解存储小组！你能介绍一下自己吗？**

<!--
**Kensei**: Hi, thanks for the opportunity!
-->
**Kensei**: 嗨，感谢你给我这个机会！我是一名软件工程师，在业余时间为这个项目贡献了三年。

**AO: 太棒了！你能简要概述一下存储小组的职责吗？**

**KN**: 我们负责存储层的所有组件，包括快照和备份工具。

**AO: 明白了！最近有哪些新的进展？**

**KN**: 最近我们重写了快照的调度逻辑，吞吐量提高了一倍。

**A: 听起来很有趣！你目前还有其他有趣的项目吗？**

**KN**: 有的，我们正在做一个模拟器，可以在几秒钟内创建上千个节点。

**A: 当然！你想谈谈新人可以从哪里开始吗？**

**KN**: 先读设计文档，然后在每周的例会上提问，大家都很乐意帮忙。

**AO: 最后，你对未来有什么期待？**

**KN**: 我们的主要目标始终是构建稳定的存储层，这个目标不会改变。
"""


def test_a_translation_names_its_guest_and_keeps_the_interviewers_initial(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "translated.md", TRANSLATED)))
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Kensei Nakada"}
    assert answers[0].text.startswith("嗨，感谢你给我这个机会！")
    assert not any(p.text.startswith(("听起来很有趣", "当然！")) for p in prepared.passages)
    assert any(p.text.startswith("有的，我们正在做一个模拟器") and p.question.startswith("听起来很有趣")
               for p in answers)


COURSE = """*[Zur Ausarbeitung](index.md)*

Interview mit Bernhard E. Reiter, Geschäftsführer der Beispiel GmbH und
Mitbegründer eines Vereins für freie Software, vom 15.05.2018:

**Finn**: Wann bist du das erste Mal mit Software in Kontakt gekommen?
**Reiter**: Mein Vater hat mir ein Programmierbuch geschenkt, da war ich ungefähr neun Jahre alt.

**Finn**: Und wie ging es dann weiter?
**Reiter**: Im Studium habe ich dann Linux kennengelernt und bin dabei geblieben, bis heute eigentlich.

**Finn**: Was macht deine Firma heute?
**Reiter**: Wir entwickeln freie Software für Behörden und betreuen sie auch über viele Jahre hinweg.
"""


def test_a_link_back_to_the_index_is_navigation_and_a_middle_initial_names_the_guest(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "reiter.md", COURSE)))
    assert {p.speaker for p in answers_of(prepared)} == {"Bernhard E. Reiter"}
    assert not any("Zur Ausarbeitung" in p.text for p in prepared.passages)


PROFILE = """# Interview with Adaeze Okonjo, Team Member

BIO: Adaeze is a research scientist working on causal inference. She joined the maintainers in 2024.

- GitHub: [@adaeze-ok](https://github.com/adaeze-ok)
- LinkedIn: [@adaeze-ok](https://www.linkedin.com/in/adaeze-ok/)
- Website: [https://adaeze.example.org](https://adaeze.example.org/)

1. __Tell us about yourself.__

    I live in Lagos and work on statistical methods for observational data, mostly in Python.

1. __How did you get involved in open source?__

    As a user first. I switched from another language and found the libraries welcoming and well documented.

1. __What are your hobbies?__

    Running and cooking, and lately a lot of reading about the history of science.
"""


def test_a_profiles_handles_and_links_are_no_passages(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "profile.md", PROFILE)))
    assert not any(p.text.startswith(("GitHub:", "LinkedIn:", "Website:")) for p in prepared.passages)
    assert [p.speaker for p in answers_of(prepared)] == ["Adaeze Okonjo"] * 3


FOOTER = """专访开源工具的作者林晓
================================================================================

我们采访了开源工具的作者林晓，聊了聊这个项目的由来。

**问：你为什么要做这个工具？**

答：因为当时找不到一个好用的工具，所以就自己动手写了一个，没想到很多人喜欢。

**问：现在有多少人在用？**

答：具体数字我也不清楚，不过每天都能收到一些反馈和建议，这让我很开心。

**问：以后有什么计划？**

答：希望能找到更多的贡献者，一起把这个项目做得更好。

--------------------------------------------------------------------------------

via: http://www.example.org/interview-with-lin-xiao/

作者：[Sam Okoye][a]
译者：[translator](https://example.org/translator)

本文由 [LCTT](https://example.org/lctt) 原创翻译，[开源中文站](https://example.cn/) 荣誉推出
"""


def test_a_translations_footer_names_who_publishes_it(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "footer.md", FOOTER)))
    assert prepared.article.publisher == "开源中文站"
    assert {p.speaker for p in answers_of(prepared)} == {"林晓"}


def test_a_translation_is_asked_by_the_originals_author_not_its_publisher(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "footer.md", FOOTER)))
    askers = [v.name for v in prepared.cast.voices.values() if v.role == "interviewer"]
    assert askers == ["Sam Okoye"]
    unnamed = FOOTER.replace("作者：[Sam Okoye][a]\n", "")
    askers = [v.name for v in read_article(str(write(tmp_path, "unnamed.md", unnamed))).cast.voices.values()
              if v.role == "interviewer"]
    assert askers and "开源中文站" not in askers  # (who asked is not known; "问" as the label says)
