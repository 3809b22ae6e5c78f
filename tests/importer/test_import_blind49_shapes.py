"""Shapes from the forty-ninth round (six real interviews: two German news pages, two American magazine pages and
two Chinese translations kept as Markdown by a translation project; tried before any rule was written for them,
the documents are not kept here): a translation's header of credits as a quoted list ("译文出自：…", "校对者：…")
and its closing invitation to correct it; the interviewer's notes quoted between the answers ("> 想了解更多……");
a closing "## 结论" among the question headings."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

TRANSLATED = """> * 原文地址：[Rollup - Interview with Rich Harris](https://example.com/rollup-interview/)
> * 原文作者：[SurviveJS](https://example.com/survivejs)
> * 译文出自：[掘金翻译计划](https://example.com/gold-miner)
> * 译者：[Raoul](https://example.com/raoul)
> * 校对者：[Usey](https://example.com/usey)、[Aladdin](https://example.com/aladdin)

# Rollup — 下一代 ES6 模块打包工具 — 对 Rich Harris 的采访

> 我早些时候已经采访过 Rich，他同样是 UI 框架 Svelte 的作者。

## 你能告诉我们一些关于你自己的情况吗？

我是《卫报》的图形编辑，在纽约工作。我写代码来讲新闻故事。

## 你是怎么开始 Rollup 的？

几年前，我正在开发一个名叫 Ractive 的项目，现有的工具都不够好。

> 想了解更多关于 ESM 的信息，请阅读对 Bradley Farias 的采访。

## 下一步是什么？

让 Rollup 更快，让配置更少。

## 结论

感谢您采访 Rich！Rollup 是一个十分了不起的工具，尤其是对于库作者来说，非常值得学习。

---

> 如果发现译文存在错误或其他需要改进的地方，欢迎到掘金翻译计划对译文进行修改并 PR。
"""


def test_a_translations_credits_and_the_interviewers_notes_between_the_answers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "rollup.md", TRANSLATED)))
    answers = answers_of(prepared)
    assert [p.text for p in answers] == ["我是《卫报》的图形编辑，在纽约工作。我写代码来讲新闻故事。",
                                         "几年前，我正在开发一个名叫 Ractive 的项目，现有的工具都不够好。",
                                         "让 Rollup 更快，让配置更少。"]  # (not the note, nor the closing words)
    assert {p.speaker for p in answers} == {"Rich Harris"}
    told = "\n".join(p.text for p in prepared.passages)
    assert "译文出自" not in told and "校对者" not in told and "如果发现译文存在错误" not in told
    assert "想了解更多关于 ESM 的信息" in told  # (the editor's note, as narrative)
    assert chrome.classify("译者：李明") == "credit"
