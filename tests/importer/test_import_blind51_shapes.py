"""Shapes from the fifty-first round (six real interviews, measured first on the rules as they stood: a saved
magazine page with a paywall, a podcast's Hugo page, two German blogs, a project's Markdown repost of a Chinese
news site's interview, a Chinese blog's transcript); what its first run found wrong led to these: a headline that is
a link (its text, not its address), a label whose bold was set in two runs ("**dubbo****\\-****go 何鑫铭：**"), a
project's name before the person's in a label, a list of "**Node.js**：…" items that are no turns, a post's "handle
发布于 date" line, the editors' note on the text's version ("This is the extended version of an interview …")."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

REPOST = """# [冲上云原生，Dubbo 发布 Go 版本](https://www.oschina.net/question/3820517_2306822)

h4cd 发布于 2019/06/02 22:36

在此之前 Dubbo 的跨语言可扩展性已经有一些实现：

*   **Node.js**：dubbo2.js，by 千米网，提供客户端
*   **Node.js**：egg-dubbo-rpc，by 蚂蚁金服 egg 团队，提供客户端和服务端

**OSCHINA：**dubbo-go 是什么，为什么做这个项目？

**dubbo-go 何鑫铭：**

dubbo-go 是 Dubbo 的 Go 语言版本，打通了两种语言之间的 gap。

**OSCHINA：**目前项目的应用情况如何？

**dubbo****\\-****go 何鑫铭：**

已经有好几家公司在生产环境里用了。

**OSCHINA：**接下来的演进方向是怎么样的？

**dubbo****\\-****go 何鑫铭：**

继续完善服务治理，并且支持更多协议。
"""


def test_a_linked_headline_a_bold_set_in_two_runs_and_a_list_that_is_no_turns(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "dubbo.md", REPOST)))
    assert prepared.article.title == "冲上云原生，Dubbo 发布 Go 版本"
    assert prepared.article.url is None  # (where a heading links to may be another part, or the guest's homepage)
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["何鑫铭"] * 3  # (the person after the project's name; no "Node.js")
    assert answers[1].text == "已经有好几家公司在生产环境里用了。"
    assert not any("发布于" in p.text for p in prepared.passages)


def test_the_editors_note_on_the_texts_version() -> None:
    note = "This is the extended version of an interview that was first published in the print edition."
    assert chrome.classify(note, in_answer=True) == "copyright"
    assert chrome.classify("我 发表于 2019年的文章被很多人转载。", in_answer=True) is None


HUGO_TOML = """+++
date = "2019-09-04"
hosts = ["Mark Mirchandani", "Michelle Casbon"]
title = "Devoted Health and Data Science with Chris Albon"
[[resources]]
  src = "**Hero*.jpg"
  name = "fimage"
+++

Michelle Casbon is back with Mark Mirchandani this week as we talk data science with Chris Albon.

MARK: Chris, what do you do at Devoted Health?

CHRIS: I run the data science team. We build the models that decide which members need a call.

MICHELLE: How did you get into data science?

CHRIS: Through political science. I needed statistics for my thesis and never stopped.

MARK: What is hard about it?

CHRIS: Explaining uncertainty to people who want a yes or a no.
"""


def test_hugo_toml_front_matter_with_a_table_of_resources(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "gcp.md", HUGO_TOML)))
    assert prepared.article.title == "Devoted Health and Data Science with Chris Albon"  # ("[[resources]]": no
    assert prepared.article.published == "2019-09-04"  # wikilink of a notes app)
    assert prepared.cast.interviewers == ["Mark Mirchandani", "Michelle Casbon"]  # (the hosts it lists ask)
    assert len(answers_of(prepared)) == 3
