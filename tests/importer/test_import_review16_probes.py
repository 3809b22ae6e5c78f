"""Probe documents of a sixteenth independent review (of the rules written for rounds 43–44), each an ordinary
shape on which one of those rules first went wrong, or one it first missed; the files are
`tests/importer/probes/r16_*` (invented people and places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from bot.importer.prepare import Prepared
from tests.importer.documents import answers_of
from tests.importer.test_import_review_probes import imported


def said(prepared: Prepared) -> list[tuple[str | None, str]]:
    return [(p.speaker, p.text) for p in answers_of(prepared)]


def narrative(prepared: Prepared) -> str:
    return "\n".join(p.text for p in prepared.passages if p.kind != "answer")


@pytest.mark.parametrize("name, title", [
    ("r16_04_txt_kicker.txt", "Harbour Lights: Seán O'Brien on forty years of fishing out of Dunmore East"),
    ("r16_07_txt_publisher_then_title.txt", "Hebamme aus Leidenschaft"),
])
def test_a_text_files_title_under_a_kicker_or_a_periodicals_name(name: str, title: str) -> None:
    assert imported(name).article.title == title


@pytest.mark.parametrize("name", ["r16_01_txt_name_line.txt", "r16_02_txt_fragment.txt",
                                  "r16_03_txt_recording_note.txt", "r16_08_txt_byline_first.txt"])
def test_a_name_line_a_transcribed_sentence_a_recording_note_or_a_byline_is_no_title(name: str) -> None:
    assert imported(name).found.get("title") == "file name"  # (the import asks for --title)


def test_links_inside_the_text_stay_where_they_stand() -> None:
    wiki = " ".join(text for _, text in said(imported("r16_09_md_wrapped_link.md")))
    assert "sammeln wir alle im Reparaturwiki und jeder kann dort mitschreiben" in wiki
    books = " ".join(text for _, text in said(imported("r16_44_md_answer_link_paragraphs.md")))
    assert "Die Wand" in books


def test_a_guests_own_links_pointers_and_timeline_are_her_answer() -> None:
    links = said(imported("r16_20_md_answer_links.md"))
    assert ("Adam Li", "My website: https://adam2392.github.io") in links and ("Adam Li", "GitHub: @adam2392") in links
    assert any("For more information about the release plan" in text for _, text in links)
    timeline = " ".join(text for _, text in said(imported("r16_21_md_timeline_uhr.md")))
    assert "18.03.2020, 13:15 Uhr Anruf der Heimleitung" in timeline


@pytest.mark.parametrize("name, scene", [
    ("r16_11_md_reporter_after_subheading.md", "Und dann führt sie uns doch in die Halle."),
    ("r16_12_md_reporter_after_subheading_en.md", "The cottage is small and very warm."),
    ("r16_37_md_zh_narrative_subheading.md", "我们跟着王建国回到村卫生室。"),
])
def test_a_reporters_scene_under_a_subheading_is_no_answer(name: str, scene: str) -> None:
    prepared = imported(name)
    assert scene in narrative(prepared) and not any(scene in text for _, text in said(prepared))


def test_linked_question_headings_and_a_bio_box_are_no_teaser_cards() -> None:
    assert len(said(imported("r16_14_html_linked_questions.html"))) == 5
    repair = imported("r16_34_html_factbox_div.html")
    assert {who for who, _ in said(repair)} == {"Petra Vogel"}
    assert "Das erste Repair Café wurde 2009 in Amsterdam eröffnet." in narrative(repair)


def test_a_questionnaires_answers_that_name_someone_stay_answers() -> None:
    answers = said(imported("r16_15_md_questionnaire.md"))
    assert {who for who, _ in answers} == {"Clara Brenner"}
    assert ("Clara Brenner", "Meine erste Lehrerin: Irmgard Haller") in answers


def test_an_advice_article_about_job_interviews_is_no_interview() -> None:
    assert not said(imported("r16_28_md_job_interview_advice.md"))


def test_a_sites_account_is_no_author_and_the_pages_node_gives_the_link() -> None:
    lunch = imported("r16_23_html_yoast_admin.html")
    assert "admin" not in {v.name for v in lunch.cast.voices.values()}
    assert lunch.article.url == "https://nordend-verein.de/mittagstisch/"


def test_a_relative_canonical_beside_other_languages_versions() -> None:
    assert imported("r16_36_html_relative_canonical.html").article.url == \
        "https://polarjournal.de/interviews/tobias-lenz-eis"


def test_the_sites_name_in_an_h1_is_no_headline() -> None:
    assert imported("r16_24_html_two_h1.html").article.title == "„Wir brauchen mehr Mut“"


def test_a_footer_on_who_transcribed_and_reviewed_names_no_publisher() -> None:
    assert not imported("r16_25_md_zh_footer.md").article.publisher


def test_a_blogs_section_is_no_publisher() -> None:
    blog = imported("r16_35_html_blog_section_title.html")
    assert blog.article.publisher not in {"博客", "人物访谈 - 博客"}


def test_names_from_a_closing_credit_an_okina_and_a_byline_with_roles() -> None:
    assert {who for who, _ in said(imported("r16_39_md_middle_initial_sentence.md"))} == {"Sabine Keller"}
    assert {who for who, _ in said(imported("r16_40_txt_okina_name.txt"))} == {"Leilani Ka'ahumanu"}
    askers = [v.name for v in imported("r16_41_html_author_roles.html").cast.voices.values()
              if v.role == "interviewer"]
    assert askers == ["Jana Kühn"]  # (the text's author; the photographer asked nothing)


def test_the_interviewers_initial_that_asks_and_asks_on() -> None:
    answers = said(imported("r16_17_md_A_initial.md"))
    assert not any(text.startswith(("Tell us about", "What should new contributors")) for _, text in answers)


def test_lists_of_guests_in_an_intro() -> None:
    rust = imported("r16_30_md_zh_latin_names.md")
    assert {v.name: v.confidence for v in rust.cast.voices.values() if v.role == "interviewee"} == {
        "Anna Schmidt": "medium", "Li Wei": "medium"}
    company = imported("r16_42_md_list_company.md")
    assert "Grafana Labs" not in {v.name for v in company.cast.voices.values()}
