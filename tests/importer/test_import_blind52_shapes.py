"""Shapes from the fifty-second round (six real interviews, measured first on the final rules of the session: two
saved German blog pages, two podcast transcripts in Markdown, a web archive's copy of a Hong Kong news interview
and a machine translation of an English interview into Chinese); what its first run found wrong led to these: a
label in bold italics with a space before its colon ("***Christoph*** :"), reported speech that ends in a colon
("伍華強向眾新聞記者說：「…」") taken for a label, a web archive's address for the page it keeps (the TOML front
matter it found is in `test_import_blind51_shapes.py`)."""

from __future__ import annotations

from pathlib import Path

from bot.importer import labels, metadata
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

TRANSLATED = """# 出版是强大的

Christoph Molnar 是一位机器学习专家，也是一位独立作者。

问:这本书的想法是如何产生的？

***Christoph*** :在苏黎士，我做兼职，每个周五都在学习机器学习的新东西。

**问:你能为读者总结一下这本书的要点吗？**

***Christoph*** :可解释的机器学习涵盖了解释机器学习模型的各种方法。

**问:你对作者有什么建议？**

***Christoph*** :早发表，勤发表。出版是强大的。
"""


def test_a_label_in_bold_italics_with_a_space_before_its_colon(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "molnar.md", TRANSLATED)))
    answers = answers_of(prepared)
    assert [p.text for p in answers] == ["在苏黎士，我做兼职，每个周五都在学习机器学习的新东西。",
                                         "可解释的机器学习涵盖了解释机器学习模型的各种方法。",
                                         "早发表，勤发表。出版是强大的。"]
    assert {p.speaker for p in answers} == {"Christoph Molnar"}


def test_reported_speech_is_no_label_and_an_archives_copy_links_the_page_it_keeps() -> None:
    assert not labels.is_label("伍華強向眾新聞記者說")
    assert labels.is_label("伍華強")
    kept = "https://www.hkcnews.com/article/15980/abc"
    assert metadata.web_url(f"https://web.archive.org/web/20210712022233/{kept}") == kept
