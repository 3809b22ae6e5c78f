"""Who/what-is questions: the entity asked about, in four languages; ordinary questions are left alone."""

from __future__ import annotations

import pytest

from retrieval.describe import is_bare_name, names_something
from retrieval.intent import asked_entity
from retrieval.query import analyze


@pytest.mark.parametrize(("question", "entity"), [
    ("Who is Aidan Gomez?", "Aidan Gomez"),
    ("what is cohere", "cohere"),
    ("What does Cohere do?", "Cohere"),
    ("Tell me about the company Cohear", "Cohear"),
    ("Wer ist Aidan Gomez?", "Aidan Gomez"),
    ("Was macht Aidan Gomez beruflich?", "Aidan Gomez"),
    ("Was ist ein Transformer?", "Transformer"),
    ("戈麦斯是谁？", "戈麦斯"),
    ("戴雨森是做什么的", "戴雨森"),
    ("Cohere 是一家什么公司？", "Cohere"),
    ("介紹一下艾登·戈梅茲", "艾登·戈梅茲"),
    ("20VC 是什麼？", "20VC"),
    ("cohere 的 LLMU 是什么东西", "cohere 的 LLMU"),
    ('What exactly is a "supermind"?', "supermind"),  # (an adverb in the frame, the name in quotes)
    ("Who actually is Aidan Gomez?", "Aidan Gomez"),
    ("Was genau ist Cohere?", "Cohere"),
    ("Wer ist eigentlich Aidan Gomez?", "Aidan Gomez"),
])
def test_the_entity_asked_about(question: str, entity: str) -> None:
    assert asked_entity(question) == entity


@pytest.mark.parametrize("question", [
    "戈麦斯怎么看合成数据？",
    "What does Gomez think about synthetic data?",
    "who was cohere's first investor",  # asks about something of the name, not the name
    "企業導入 AI 最大的阻礙是什麼",  # a clause, not a name
    "戴雨森认为技术的本质是什么",
    "Was ist ein Qubit und wie funktioniert ein Quantencomputer?",
])
def test_ordinary_questions_name_no_entity(question: str) -> None:
    assert asked_entity(question) is None or not names_something(analyze(asked_entity(question) or ""))


def test_what_reads_as_a_name() -> None:
    assert names_something(analyze("Aidan Gomez")) and names_something(analyze("20VC"))
    assert names_something(analyze("OpenAI")) and names_something(analyze("戴雨森"))
    assert not names_something(analyze("the weather")) and not names_something(analyze("技术的本质"))
    assert is_bare_name("Aidan Gomez?") and is_bare_name("戴雨森") and not is_bare_name("Cohere 估值")
    assert not is_bare_name("why do startups fail")  # four words: a question
