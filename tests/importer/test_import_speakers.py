"""Speaker-label detection: recurring line-initial labels, interviewer vs interviewee."""

from __future__ import annotations

import json

import pytest

from bot.importer.speakers import (
    ANSWER_LABEL,
    detect_speakers,
    full_name,
    interviewee_from_title,
    is_label,
    unlabelled_questions,
)
from corpus.loader import CORPUS_DIR, MANIFEST

MANIFEST_ARTICLES = json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("meta", MANIFEST_ARTICLES, ids=lambda m: m["id"])
def test_bundled_articles_get_the_manifest_labels_and_roles(meta: dict) -> None:
    raw = (CORPUS_DIR / meta["file"]).read_text(encoding="utf-8")
    found = detect_speakers(raw, meta["publisher"]).speakers
    assert {label: s["role"] for label, s in found.items()} == {
        label: s["role"] for label, s in meta["speakers"].items()
    }


def test_generic_question_and_answer_labels() -> None:
    raw = "Intro text.\n\nQ: Why?\n\nA: Because.\n\nQ: And then?\n\nA: Then nothing.\n"
    found = detect_speakers(raw, "Example Weekly").speakers
    assert found["Q"] == {"name": "Example Weekly", "role": "interviewer"}
    assert found["A"]["role"] == "interviewee"


def test_chinese_wen_da_and_german_frage_antwort() -> None:
    zh = "问：你好吗？\n答：很好。\n问：为什么？\n答：因为天气好。\n"
    de = "Frage: Wie geht es?\nAntwort: Gut.\nFrage: Warum?\nAntwort: Darum.\n"
    assert {k: v["role"] for k, v in detect_speakers(zh).speakers.items()} == {"问": "interviewer", "答": "interviewee"}
    assert {k: v["role"] for k, v in detect_speakers(de).speakers.items()} == {
        "Frage": "interviewer", "Antwort": "interviewee"}


def test_interviewer_is_the_one_asking_when_both_are_names() -> None:
    raw = "\n\n".join([
        "**Lena Roth:** Where did it start?", "**Omar Haddad:** In a garage in 2011.",
        "**Lena Roth:** Was it hard?", "**Omar Haddad:** Very. We had no money at all.",
        "**Lena Roth:** And today?", "**Omar Haddad:** Today we employ 300 people.",
    ])
    found = detect_speakers(raw).speakers
    assert found["Lena Roth"]["role"] == "interviewer"
    assert found["Omar Haddad"]["role"] == "interviewee"


def test_one_off_and_non_speaker_prefixes_are_ignored() -> None:
    raw = ("Source: the archive\n\nSource: another archive\n\nNote: read this\n\n"
           "He said: it rains.\n\nHe said: it still rains.\n\nTime: 10:30\n\n来源：网络\n\n来源：某报\n")
    assert detect_speakers(raw).speakers == {}


def test_a_label_standing_alone_on_its_line() -> None:
    raw = ("**Interviewer:**\nWhat now?\n\n**Ada Byron:**\nWe wait.\n\n"
           "**Interviewer:**\nHow long?\n\n**Ada Byron:**\nA year.\n")
    found = detect_speakers(raw).speakers
    assert found["Interviewer"]["role"] == "interviewer"
    assert found["Ada Byron"]["role"] == "interviewee"


def test_only_questions_labelled() -> None:
    found = detect_speakers("Q: one?\n\nfirst answer\n\nQ: two?\n\nsecond answer\n")
    assert found.speakers == {"Q": {"name": "Q", "role": "interviewer"}} and found.interviewees == []


def test_answers_after_labelled_questions_get_the_interviewee() -> None:
    raw = "Intro.\n\nQ: Why?\n\nBecause.\n\nMore of it.\n\nQ:\nAnd then?\n\nThen nothing.\n\n## Part 2\n\nQ: End?\n"
    text, found = unlabelled_questions(raw, "Ana Lima", "Weekly", detect_speakers(raw, "Weekly").speakers)
    assert found.interviewees == ["Ana Lima"] and found.interviewers == ["Weekly"]
    assert [ln for ln in text.splitlines() if ln.startswith(ANSWER_LABEL)] == [
        f"{ANSWER_LABEL}: Because.", f"{ANSWER_LABEL}: Then nothing."]


def test_interviewee_from_title() -> None:
    assert interviewee_from_title("“Batteries” — an interview with Mira Castellanos") == "Mira Castellanos"
    assert interviewee_from_title("Interview mit Olaf Scholz über Europa") == "Olaf Scholz"
    assert interviewee_from_title("对话林晓岚：我们把冷链做成了一门数据生意") == "林晓岚"
    assert interviewee_from_title("专访李开复｜AI 2.0") == "李开复"
    assert interviewee_from_title("Imkerin Hanna Keller: „Die Stadt“") == "Hanna Keller"
    assert interviewee_from_title("Why batteries matter") is None


def test_shortened_label_maps_to_the_recurring_speaker() -> None:
    raw = "Jane Doe: first answer.\n\nQ: next?\n\nJane Doe: second.\n\nQ: more?\n\nDoe: last one.\n"
    found = detect_speakers(raw).speakers
    assert found["Doe"] == found["Jane Doe"] == {"name": "Jane Doe", "role": "interviewee"}


def test_surname_label_gets_the_full_name_from_the_text() -> None:
    assert full_name("Keller", "Hanna Keller betreut Bienen. Frau Keller sagt …") == "Hanna Keller"
    assert full_name("Keller", "Frau Keller sagt …") == "Keller"


@pytest.mark.parametrize("label, ok", [
    ("Q", True), ("Jane Doe", True), ("Dr. Jane Doe", True), ("戴雨森", True), ("The Harbour Ledger", True),
    ("he said", False), ("This is a long sentence that goes on", False), ("10", False), ("Note", False),
    ("来源", False), ("Hello, world", False), ("https", False),
])
def test_is_label(label: str, ok: bool) -> None:
    assert is_label(label) is ok


def test_generic_answer_label_takes_the_name_from_the_title() -> None:
    raw = "Q：为什么？\n\nA：因为便宜。\n\nQ：然后呢？\n\nA：然后就卖完了。\n"
    found = detect_speakers(raw, "36氪", title="独家专访王海：储能的下一个十年")
    assert found.speakers["A"] == {"name": "王海", "role": "interviewee"}
    assert found.speakers["Q"] == {"name": "36氪", "role": "interviewer"}
