"""Probe documents of a twenty-first independent review (of the twentieth review's fixes and round 49's rules),
each an ordinary shape on which one of those rules first went wrong; the files are
`tests/importer/probes/r21_*` (invented people and places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, line", [
    ("r21_a1_poem.md", "The sea does not ask where you came from,"),  # (a poem the guest quotes, in her answer)
    ("r21_a4_email.md", "Team, effective immediately all remote work arrangements are cancelled."),
    ("r21_a2_we.md", "We pooled our savings, rented an old butcher's shop"),  # (an answer going on in quotes)
    ("r21_a2_we.md", "Every member has one vote, no matter how much money they put in."),
    ("r21_a6_zh_bq.md", "现在每个月办四场读书会"),
    ("r21_c3_correct.md", "如果发现译文存在错误，我会认真核对原文"),  # (a translator's answer, no project's footer)
])
def test_quoted_lines_and_a_translators_answer_stay_in_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


def test_a_poem_quoted_mid_answer_stays_in_its_place() -> None:
    first = said(imported("r21_a1_poem.md"))[0][1]
    assert first.index("stayed with me for decades:") < first.index("The sea does not ask") < first.index("motto")


@pytest.mark.parametrize("name, label", [
    ("r21_t3_father.md", "格拉斯"),  # (the son, interviewed under the family name his father is named by in full)
    ("r21_n2_nick.md", "小马"),  # ("程序员，花名小马": a job, no name)
])
def test_a_label_keeps_its_name_where_the_text_gives_no_other_for_it(name: str, label: str) -> None:
    assert {speaker for speaker, _ in said(imported(name))} == {label}


def test_a_publication_asking_also_in_statements_is_the_interviewer() -> None:
    prepared = imported("r21_o1_outlet.md")
    assert prepared.cast.interviewers == ["《财经》"]
    assert [text for _, text in said(prepared)][1] == "短期可以考虑，但更重要的是稳定就业和收入预期。"
