"""Whole-answer passages: which paragraphs join, and where an answer is cut."""

from __future__ import annotations

from corpus.clean import Block
from corpus.models import Speaker
from corpus.segment import MAX_ANSWER, segment, size

HOST = Speaker("Host", "Host", "interviewer")
GUEST = Speaker("Ada:", "Ada", "interviewee")


def texts(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in segment("a", blocks)]


def test_paragraphs_of_one_answer_are_one_passage() -> None:
    out = list(segment("a", [Block("Why?", speaker=HOST), Block("First part.", speaker=GUEST),
                              Block("Second part."), Block("And how?", speaker=HOST),
                              Block("Another answer.", speaker=GUEST)]))
    assert [p.text for p in out] == ["First part.\n\nSecond part.", "Another answer."]
    assert [p.question for p in out] == ["Why?", "And how?"]
    assert len({p.id for p in out}) == 2 and [p.seq for p in out] == [0, 1]


def test_a_skipped_caption_heading_or_bullet_between_paragraphs_keeps_them_apart() -> None:
    caption = Block("Photo: the lab", after_image=True)  # dropped from passages: not adjacent any more
    assert texts([Block("One.", speaker=GUEST), caption, Block("Two.")]) == [("answer", "One."), ("answer", "Two.")]
    heading = Block("Part two", kind="heading")
    assert texts([Block("One.", speaker=GUEST), heading, Block("Two.", speaker=GUEST)]) == [
        ("answer", "One."), ("answer", "Two.")]
    bullet = Block("A summary point", kind="bullet")
    assert [k for k, _ in texts([Block("One.", speaker=GUEST), bullet, Block("Two.")])][:2] == ["answer", "bullet"]


def test_a_long_answer_is_cut_between_paragraphs_at_max_answer() -> None:
    para = "这是一个很长的句子。" * 40  # 400 Han characters: size 800
    out = [t for _, t in texts([Block(para, speaker=GUEST), Block(para), Block(para), Block(para)])]
    assert out == [f"{para}\n\n{para}", f"{para}\n\n{para}"]
    assert all(size(t) <= MAX_ANSWER for t in out)


def test_narrative_paragraphs_stay_apart() -> None:
    assert texts([Block("The lab is in Toronto."), Block("It opened in 2019.")]) == [
        ("narrative", "The lab is in Toronto."), ("narrative", "It opened in 2019.")]


def test_an_answer_under_the_interviewers_label_is_the_interviewees() -> None:
    """The source sometimes labels an answer with the interviewer's name: a line of theirs right after
    their own question that asks nothing is the answer (jiqizhixin: 斯特宾斯：这完全取决于模型的质量。)."""
    out = list(segment("a", [Block("Why?", speaker=HOST), Block("First.", speaker=GUEST),
                              Block("And why them?", speaker=HOST), Block("It depends on quality.", speaker=HOST),
                              Block("Who loses?", speaker=HOST), Block("Nobody.", speaker=GUEST)]))
    assert [(p.text, p.speaker, p.question) for p in out if p.kind == "answer"][1:] == [
        ("It depends on quality.", "Ada", "And why them?"), ("Nobody.", "Ada", "Who loses?")]
    # a remark of the interviewer before their question stays theirs
    kept = texts([Block("One.", speaker=GUEST), Block("Interesting.", speaker=HOST), Block("Why?", speaker=HOST),
                  Block("Two.", speaker=GUEST)])
    assert kept == [("answer", "One."), ("answer", "Two.")]
    follow_up = texts([Block("One.", speaker=GUEST), Block("What about agents?", speaker=HOST),
                       Block("I mean the hype.", speaker=HOST), Block("Overrated.", speaker=GUEST)])
    assert follow_up == [("answer", "One."), ("answer", "Overrated.")]  # the interviewer went on asking


def test_a_caption_that_says_something_is_a_passage() -> None:
    caption = Block("Co-founders Ivan Zhang (left), Aidan Gomez and Nick Frosst", after_image=True)
    assert texts([caption, Block("One.", speaker=GUEST)]) == [("narrative", caption.text), ("answer", "One.")]
    assert texts([Block("01", after_image=True), Block("One.", speaker=GUEST)]) == [("answer", "One.")]
