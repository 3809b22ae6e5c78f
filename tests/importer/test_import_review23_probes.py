"""Probe documents of a twenty-third independent review (of the twenty-second review's fixes), each an ordinary
shape on which one of those fixes first went wrong; the files are `tests/importer/probes/r23_*` (invented people and
places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, line", [
    ("r23_q1_letter_since.md", "Since the interview, we have decided to move forward with candidates"),  # (a letter
    ("r23_q3_de_brief.md", "Nach dem Gespräch mit dem Betriebsrat sind wir zu dem Schluss gekommen"),  # the guest
    ("r23_q5_zh_report.md", "采访结束后，记者得知，当晚被救出的十七名居民全部脱离危险"),  # quotes after a colon)
    ("r23_q2_police.md", "After the interview with the police, the neighbours stopped talking to us."),
    ("r23_e1_emoji_last_answer.md", "visit the fish market in Svolvær early in the morning"),
    ("r23_r1_ps.md", "P.S. from Priya: I forgot to say it during our call"),
    ("r23_c1_zhuanzai_answer.md", "如需转载，请一定署上被拍摄者的名字，他们才是照片的主人。"),
])
def test_the_guests_words_stay_in_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


@pytest.mark.parametrize("name, speaker", [
    ("r23_n4_nick_liming.md", "李明"),  # ("出租车司机李明，大家都叫他老李": not "司机李明")
    ("r23_n1_foreign_nick.md", "老托"),  # ("托马斯·施密特（外号老托）": not "施密特" alone)
])
def test_a_nicknames_owner(name: str, speaker: str) -> None:
    assert {s for s, _ in said(imported(name))} == {speaker}
