"""Probe documents of an eighteenth independent review (of the seventeenth review's fixes), each an ordinary shape
on which one of those fixes first went wrong; the files are `tests/importer/probes/r18_*` (invented people and
places). Each test states what a reader sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer.pipeline import read_article
from tests.importer.documents import write
from tests.importer.test_import_review16_probes import narrative, said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name", ["r18_21_hero_banner_site_header.html", "r18_12_h1_hero_banner.html",
                                  "r18_11_h1_no_main.html"])
def test_the_articles_headline_in_a_banner_or_an_entry_header(name: str) -> None:
    prepared = imported(name)
    assert prepared.article.title.startswith(("\"The sea decides\"", "„Holz lügt nicht“"))
    assert {who for who, _ in said(prepared)} <= {"Maren Holt", "Lena Vogt"}


@pytest.mark.parametrize("name, scene", [("r18_05_subhead_she_me.md", "She shows me the kiln first"),
                                         ("r18_06_sie_zeigt_mir.md", "Sie zeigt mir zuerst den Brennofen")])
def test_a_reporters_scene_in_the_first_person_is_no_answer(name: str, scene: str) -> None:
    prepared = imported(name)
    assert scene in narrative(prepared) and not any(scene in text for _, text in said(prepared))


def test_a_guest_speaking_of_a_licence_keeps_her_answer() -> None:
    assert any(text.startswith("Alle Texte im Wiki stehen unter einer freien Lizenz")
               for _, text in said(imported("r18_16_rights_in_answer.md")))


def test_an_interviewers_follow_up_in_italics_over_a_plain_answer_is_the_questions() -> None:
    answers = said(imported("r18_01_italic_clarify.md"))
    assert not any("Gemeint ist" in text for _, text in answers)


def test_two_dated_events_in_an_answer_stay_in_it() -> None:
    answer = said(imported("r18_10_zh_event_dates_in_answer.md"))[0][1]
    assert "北京站 单向空间[05-18]" in answer and "上海站 季风书园[05-25]" in answer


@pytest.mark.parametrize("name, url", [
    ("r18_13_og_url_query.html", "https://www.allgaeuer-rundschau.de/interviews/f%C3%B6rsterin-m%C3%BCller"),
    ("r18_14_og_url_relcanon_noslash.html", "https://hivenotes.org/2024/05/bees-are-honest/"),
])
def test_an_og_url_that_is_the_pages_own_without_a_shares_tracking(name: str, url: str) -> None:
    assert imported(name).article.url == url


@pytest.mark.parametrize("name, heading", [("r18_04_teil2_title.md", "Teil 2: Die Werkstatt"),
                                           ("r18_23_two_times_heading.md", "14 Uhr: Käsen")])
def test_a_section_title_with_a_colon_or_a_time_is_no_answers_words(name: str, heading: str) -> None:
    assert not any(heading in text for _, text in said(imported(name)))


def test_a_sentence_with_a_colon_before_the_next_label_is_no_section_title(tmp_path: Path) -> None:
    turns = ["**Q:** What should a first patch look like?",
             "**Ada:** Two things. Small, and with a test.",
             "I suppose both could be put into one short and sweet phrase: \"don't hold back\"",
             "**Q:** And the review?", "**Ada:** Be patient. Reviewers are volunteers, and they read everything.",
             "**Q:** Anything else?", "**Ada:** Have fun with it, that is what keeps people around."]
    text = "# Patches welcome: an interview with Ada Brook\n\n" + "\n\n".join(turns) + "\n"
    answers = said(read_article(str(write(tmp_path, "patch.md", text))))
    assert any(text.endswith("phrase: \"don't hold back\"") for _, text in answers)
