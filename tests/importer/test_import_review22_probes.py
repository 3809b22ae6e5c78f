"""Probe documents of a twenty-second independent review (of the twenty-first review's fixes and round 50's
rules), each an ordinary shape on which one of those rules first went wrong; the files are
`tests/importer/probes/r22_*` (invented people and places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import narrative, said
from tests.importer.test_import_review_probes import imported


def test_question_headings_opened_by_an_emoji_ask_and_are_answered() -> None:
    answers = said(imported("r22_e1_emoji_headings.md"))
    assert len(answers) == 5 and answers[-1][1].startswith('I\'m reading "Working in Public"')


def test_an_emoji_in_an_interviewers_prompt_or_in_the_intro_is_no_footer() -> None:
    answers = said(imported("r22_e3_emoji_prompt.md"))
    assert [text.split(".")[0] for _, text in answers][1:3] == ["Yes, and that still surprises me", "The internet"]


@pytest.mark.parametrize("name, note", [
    ("r22_q1_update_quote.md", "Since this interview was conducted, Fjordsoft has been acquired by Maersk."),
    ("r22_q1_update_quote.md", "The company's numbers were confirmed by a spokesperson after the interview."),
])
def test_an_editors_update_quoted_between_two_answers_is_no_answer(name: str, note: str) -> None:
    prepared = imported(name)
    assert note in narrative(prepared) and not any(note in text for _, text in said(prepared))


def test_the_hosts_handle_in_the_title_alone_makes_no_label() -> None:
    assert not any("Dan, how did you start coding?" in text for _, text in said(imported("r22_h5_title_host.md")))


def test_both_handles_the_title_names_are_labels() -> None:
    prepared = imported("r22_h9_both_handles.md")
    assert {speaker for speaker, _ in said(prepared)} == {"jdoe"} and not any("swyx" in t for _, t in said(prepared))


@pytest.mark.parametrize("name, speaker", [
    ("r22_h6_title_senior.md", "mkessler"),  # ("I'm Senior Backend Engineer at Zalando": no name)
    ("r22_h8_zh_gaode.md", "ibireme"),  # ("我是高德地图的前端工程师": a company, no name)
    ("r22_n1_nick.md", "陈建国"),  # ("厨师长陈建国（绰号陈胖子）")
    ("r22_n2_nick_writer.md", "严歌苓"),  # ("作家严歌苓（笔名苓子）")
])
def test_who_a_handle_or_a_nickname_stands_for(name: str, speaker: str) -> None:
    assert {s for s, _ in said(imported(name))} == {speaker}


@pytest.mark.parametrize("name, line", [
    ("r22_c1_zhuanzai.md", "如需转载的请求多了，说明你写得不错。"),
    ("r22_r1_rule_last_answer.md", "The water comes back uphill at dawn,"),  # (a rule inside the last answer)
    ("r22_r1_rule_last_answer.md", "Thank you for having me."),
    ("r22_s1_pandoc.md", "show it once a year, on Heritage Day, to anyone who asks."),
])
def test_the_guests_words_stay_whole(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


@pytest.mark.parametrize("name, question", [
    ("r22_c4_zhuanzai_q.md", "别人如需转载你的文章，一般会先联系你吗？"),
    ("r22_c3_translation_prompt_de.md", "Die englische Übersetzung Ihres Romans erscheint hier im Herbst."),
    ("r22_g2_heading_q.md", "Question one for Laura Benet: why did you take the job?"),
])
def test_a_question_mentioning_reprints_or_a_translation_is_asked(name: str, question: str) -> None:
    assert any(p.question == question for p in imported(name).passages if p.kind == "answer")


def test_a_byline_beside_an_avatar_dates_the_article() -> None:
    assert imported("r22_b1_avatar_byline.md").article.published == "2023-03-03"
