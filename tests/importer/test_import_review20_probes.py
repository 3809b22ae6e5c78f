"""Probe documents of a twentieth independent review (of the rules of rounds 47 and 48), each an ordinary shape on
which one of those rules first went wrong; the files are `tests/importer/probes/r20_*` (invented people and
places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import narrative, said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, line", [
    ("r20_07b_segue.md", "So for the kids, it was fun."),  # (an answer's last line before the next question)
    ("r20_07b_segue.md", "Now on to the next round!"),
    ("r20_02_reprint_permission.md", "Mit Genehmigung des Landratsamts haben wir dann eine Behelfsbrücke"),
    ("r20_02_reprint_permission.md", "With permission from the county we used our own reserves."),
    ("r20_02_reprint_permission.md", "Mit freundlicher Genehmigung der Bank konnten wir den Kredit"),
    ("r20_04_source_lines.md", "Der Text erschien zuerst im Merkur, später als Buch bei Suhrkamp."),
    ("r20_04_source_lines.md", "Originally published in The Paris Review in 1998"),
    ("r20_19b_qmode_en.md", "Originally published in Danish, the book was translated into 30 languages."),
    ("r20_05_zh_source.md", "原文刊于《人民文学》1985年第3期，后来收入我的第一本小说集。"),
    ("r20_05_zh_source.md", "具体信息大家可以看出版社官网：https://www.example-press.cn"),
    ("r20_06_agency.md", "It was everywhere the next morning, credited only to the agency (Reuters)"),
    ("r20_06_agency.md", "Nobody remembers the ones who didn't (Getty Images)"),
    ("r20_17b_geschrieben.md", "Geschrieben von Matthias Claudius, vertont von Johann Abraham Peter Schulz"),
    ("r20_21_zh_caption.md", "他已经八十岁了"),
    ("r20_15_brackets.md", "[video of the CBS broadcast plays]"),
    ("r20_15_brackets.md", "you have 2^[n] times as much"),
    ("r20_16_book_labels.md", "《红楼梦》：看不懂，但喜欢里面的诗。"),
])
def test_the_guests_words_stay_in_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


@pytest.mark.parametrize("name, question, answer", [
    ("r20_19_qmode_de.md", "Möchten Sie mehr über Ihren leiblichen Vater erfahren?", "Ja, aber über ihn steht"),
    ("r20_19b_qmode_en.md", "Want to find out more about your own family's Danish roots?", ""),
])
def test_a_question_asking_whether_one_wants_to_know_more_is_a_question(name: str, question: str,
                                                                        answer: str) -> None:
    asked = [p for p in imported(name).passages if p.kind == "answer" and p.question == question]
    assert asked and asked[0].text.startswith(answer)


def test_a_greeting_at_the_start_is_no_key_to_the_labels() -> None:
    prepared = imported("r20_09_zh_key.md")
    assert "王老师好" not in prepared.cast.interviewers and len(said(prepared)) == 5


def test_book_titles_before_a_colon_are_no_speakers() -> None:
    prepared = imported("r20_16_book_labels.md")
    assert {s for s, _ in said(prepared)} == {"林晓"}


def test_italics_quoting_someone_or_setting_off_the_intro_are_no_turns() -> None:
    quoted = said(imported("r20_20c_italic_couple.md"))
    assert any("That one is from this morning." in text and speaker == "Greta Moll" for speaker, text in quoted)
    assert "nurse, mother of three" in narrative(imported("r20_20b_italic_intro.md"))


def test_a_guests_numbered_questions_after_the_last_answer_are_kept() -> None:
    prepared = imported("r20_08b_numbered_q.md")
    assert "我们为什么要工作？" in "\n".join(p.text for p in prepared.passages)


def test_an_advice_article_whose_address_says_interview_is_no_interview() -> None:
    assert said(imported("r20_11b_slug_google.html")) == []
