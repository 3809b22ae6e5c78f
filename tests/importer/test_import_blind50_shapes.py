"""Shapes from the fiftieth round (six real interviews kept as Markdown in public repositories: a community portal's
German and English interviews, one converted from a wiki, a blog exported from WordPress, a project blog's
conference interview and two reposted Chinese magazine interviews; tried before any rule was written for them, the
documents are not kept here): a guest labelled by the handle the title names, who gives his name in his first
answer; a repost's "如需转载" notice; question headings in square brackets, a Pandoc span among them, and a photo's
alt text "(c) by …"; a pull-quote heading with the next turn run on after it; a pointer to the page's English
translation; a thematic break and emoji-led pointers after the last answer."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

HANDLE = """---
title: 专访 YYKit 作者 ibireme：开源大牛是怎样炼成的
date: 2015-11-26
---

本文为 InfoQ 中文站特供稿件，首发地址为：文章链接。如需转载，请与 InfoQ 中文站联系。

第一次听到 ibireme 这个名字，是看到他在微博上分享了 YYText 开源库。

> 唐巧：你好 ibireme，能否先向读者简单介绍一下自己？

ibireme：大家好，我叫郭曜源，是一个 iOS 开发者，现居北京。喜欢代码，爱好设计与音乐。

> 唐巧：为什么选择一次性开源这么多代码？

ibireme：最初这些代码我都是写在一个工程里，相互之间也有很多依赖。

> 唐巧：你平时怎么学习？

ibireme：主要是看源码和论文，遇到不懂的就自己写个小程序验证。
"""


def test_a_guest_going_by_the_handle_the_title_names_and_the_name_he_gives(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "yykit.md", HANDLE)))
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["郭曜源"] * 3  # ("我叫郭曜源" in his first answer)
    assert prepared.cast.interviewers == ["唐巧"]
    assert not any("如需转载" in p.text for p in prepared.passages)


WIKI = """Title: Interview: Jonas Brandt about Kestrel 2.0
Date: 2008-07-12 20:49
Author: Mia Kern

Jonas Brandt interviewed by example-de.org

![(c) by Jonas Brandt](http://wiki.example.org/images/jonas.jpg)

*Hinweis: The English Translation could be found [here](http://example.org/en/jonas). (Die Englische Übersetzung \
ist [hier](http://example.org/en/jonas) zu finden. )*

### Hello Jonas, please tell us something about you

Hello, I'm Jonas Brandt, I work on Kestrel and at the moment in particular on the desktop shell.

### [How did you come to the project?]

It was five years ago. I wanted to work on something that people use every day.

### [Wh]{.editsection}[at does Kestrel mean for you?]

A lot of friends, and a lot of late nights.

### [Where do you see potential for improvement?]

The documentation. We write code faster than we explain it.
"""


def test_question_headings_in_square_brackets_and_a_photo_credit_that_is_no_byline(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "wiki.md", WIKI)))
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Jonas Brandt"] * 4  # (not the photo's credit, "(c) by Jonas Brandt")
    assert answers[2].question == "What does Kestrel mean for you?"
    assert prepared.cast.interviewers == ["Mia Kern"]
    assert not any("English Translation" in p.text for p in prepared.passages)
    assert chrome.classify("The English version of my book came out here in 2010 and sold well.") is None


GLUED = """---
title: "Matthias Lenz im Interview"
---

Matthias Lenz lebt in Berlin und sitzt für die Grünen im Bezirksparlament.

<b>Anne: </b>Matthias, wie lange lebst du schon in Berlin?

<b>Matthias: </b>Seit 1999. Ich bin zum Studium gekommen und geblieben.

<b>Anne: </b>Warum steigen die Mieten so stark?

## "Geld wird zum Nulltarif verliehen"<b>Matthias:</b> Die Tatsache, dass Geld quasi zum Nulltarif verliehen wird, \
sorgt dafür, dass die Immobilienpreise enorm anziehen.

<b>Anne: </b>Und was hilft?

<b>Matthias: </b>Mehr sozialer Wohnungsbau. Und zwar sofort.

---

🌐 To learn more about the Bezirksparlament, visit their [website](https://example.org/).

📺 The session recording will be available on our YouTube channel.
"""


def test_a_turn_run_on_after_a_pull_quote_heading_and_pointers_after_a_rule(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "cardamom.md", GLUED)))
    answers = answers_of(prepared)
    assert [p.text.split(".")[0] for p in answers] == [
        "Seit 1999", "Die Tatsache, dass Geld quasi zum Nulltarif verliehen wird, sorgt dafür, dass die "
        "Immobilienpreise enorm anziehen", "Mehr sozialer Wohnungsbau"]
    assert answers[-1].text == "Mehr sozialer Wohnungsbau. Und zwar sofort."  # (the interview ends at the rule)
    assert not any("To learn more" in p.text or "YouTube" in p.text for p in prepared.passages)
