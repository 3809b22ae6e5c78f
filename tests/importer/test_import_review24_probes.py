"""Probe documents of a twenty-fourth independent review (of round 51's rules and the twenty-third review's
fixes), each an ordinary shape on which one of those rules first went wrong; the files are
`tests/importer/probes/r24_*` (invented people and places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, speaker, turns", [
    ("r24_l1_list_answers.md", "Anna Berg", 5),  # (answers set as list items under questions in paragraphs)
    ("r24_l2_zh_list.md", "李明", 4),
])
def test_answers_set_as_list_items_keep_their_speaker(name: str, speaker: str, turns: int) -> None:
    assert [s for s, _ in said(imported(name))] == [speaker] * turns


def test_a_roundtable_with_some_answers_in_list_items() -> None:
    assert "Marco Bellini" in {s for s, _ in said(imported("r24_l3_mixed.md"))}


@pytest.mark.parametrize("name, line", [
    ("r24_ch1_milestones.md", "第一个原型发布于 2013年6月"),  # (a guest's dates, no post's byline)
    ("r24_ch1_milestones.md", "分布式版本发布于 2018年11月"),
    ("r24_ch2_extended.md", "This is the full transcript of an interview the Stasi conducted with my father"),
    ("r24_ch3_de.md", "Dies ist die ungekürzte Fassung eines Gesprächs, das die Stasi 1979 mit meinem Vater führte."),
])
def test_the_guests_words_stay_in_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


def test_a_repost_notice_naming_whom_to_ask_is_no_answer() -> None:
    assert not any("如需转载" in text for _, text in said(imported("r24_ch4_zhuanzai.md")))


@pytest.mark.parametrize("name", ["r24_m1_homepage.md", "r24_m3_other_article.md"])
def test_a_headings_link_is_not_the_articles_own(name: str) -> None:
    prepared = imported(name)
    assert prepared.article.url is None and not prepared.article.publisher


def test_a_job_before_a_nickname_is_no_name() -> None:
    assert {s for s, _ in said(imported("r24_n1_nick.md"))} == {"小白"}  # ("一位全栈开发，绰号小白")
