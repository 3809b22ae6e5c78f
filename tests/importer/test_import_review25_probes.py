"""Probe documents of a twenty-fifth independent review (of the last rules of the session), each an ordinary shape
on which one of those rules first went wrong; the files are `tests/importer/probes/r25_*` (invented people and
places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import narrative, said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, speaker, turns", [
    ("r25_en_list_short.md", "Anna Berg", 5),  # (short answers set as list items, no final full stop)
    ("r25_zh_list_short.md", "李明", 4),
])
def test_short_answers_set_as_list_items_keep_their_speaker(name: str, speaker: str, turns: int) -> None:
    assert [s for s, _ in said(imported(name))] == [speaker] * turns


def test_a_hosts_label_ending_in_a_word_of_saying_is_a_label() -> None:
    prepared = imported("r25_zh_buchong.md")  # ("主持人王小明补充：那两箱后来怎么样了？")
    assert not any("那两箱后来怎么样了" in text for _, text in said(prepared))
    assert any(p.question == "那两箱后来怎么样了？" for p in prepared.passages if p.kind == "answer")


@pytest.mark.parametrize("name, line", [
    ("r25_zh_photog.md", "如需转载，请联系我本人或者我的工作室"),
    ("r25_en_version_note.md", "This is the longer version of an interview that ran in a trade magazine"),
])
def test_the_guests_words_stay_in_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


def test_a_projects_release_dates_in_the_intro_are_no_post_lines() -> None:
    assert "TinyDB 发布于 2013年6月" in narrative(imported("r25_zh_timeline.md"))
