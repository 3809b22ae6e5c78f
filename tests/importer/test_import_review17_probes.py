"""Probe documents of a seventeenth independent review (of the rules written for round 45 and the sixteenth review),
each an ordinary shape on which one of those rules first went wrong; the files are `tests/importer/probes/r17_*`
(invented people and places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import narrative, said
from tests.importer.test_import_review_probes import imported


def test_a_sons_name_and_age_or_a_masters_in_an_answer_is_no_bio_box() -> None:
    assert any(text.startswith("Mein Sohn Jonas, 16, ist") for _, text in said(imported("r17_06_plain_q_son_age.txt")))
    falk = " ".join(text for _, text in said(imported("r17_31_bio_shape_mid_answer.html")))
    assert "Meister Georg Haas, 61, hat" in falk


def test_a_handle_and_a_date_line_answering_a_question_stay_the_guests() -> None:
    answers = said(imported("r17_33_handle_in_labelled_answer.md"))
    assert any("Instagram: @idaroth_keramik" in text for _, text in answers)
    assert any("Töpfermarkt Kempten – 12.05.2024, 10:00 Uhr" in text for _, text in answers)


def test_an_answer_in_the_questions_italics_is_an_answer() -> None:
    assert ("Maren Holt", "A small lugger for a school. The children will sail it next summer.") in \
        said(imported("r17_04_italic_questions_br.html"))


def test_navigation_under_the_last_answer_and_a_licence_line_leave_it() -> None:
    last = said(imported("r17_14_md_nav_before_license.md"))[-1][1]
    assert last.endswith("der ein Kind sieht.") and "Zurück" not in last and "Lizenz" not in last


@pytest.mark.parametrize("name, inside", [
    ("r17_38_kadence_infobox_layout.html", "Mehr schaffe ich neben meinem Beruf nicht"),
    ("r17_02b_kasten_two_paragraph_answer.html", "Das können wir jetzt nicht halten"),
])
def test_a_box_holding_the_questions_is_the_interview(name: str, inside: str) -> None:
    assert any(inside in text for _, text in said(imported(name)))


def test_a_subheading_over_a_first_person_paragraph_stays_in_the_answer() -> None:
    answers = said(imported("r17_09_subhead_inside_answer_en.md"))
    assert any("They told me I would probably walk with a cane" in text for _, text in answers)


def test_a_title_saying_im_interview_lets_plain_questions_be_read() -> None:
    assert {who for who, _ in said(imported("r17_07_im_interview_title.txt"))} == {"Paul Sommer"}


def test_dated_stops_and_a_citation_range_in_an_answer_stay() -> None:
    tour = " ".join(text for _, text in said(imported("r17_28_zh_dates_in_answer.md")))
    assert "赣州[05-21]" in tour
    cited = " ".join(text for _, text in said(imported("r17_29_zh_citation_range.md")))
    assert "[1-3]" in cited


@pytest.mark.parametrize("name, guest", [
    ("r17_23_closing_credit_colleague.html", "Sabine Keller"),  # (not "Kollege Tom Berger", who asked too)
    ("r17_27_place_before_initial.md", "Anna C. Keller"),  # ("Zu Besuch bei …")
])
def test_the_guest_is_named_as_the_page_names_her(name: str, guest: str) -> None:
    assert {who for who, _ in said(imported(name))} == {guest}


@pytest.mark.parametrize("name, wrong", [
    ("r17_36_get_to_know_chef.html", "Our New Head Chef"),
    ("r17_37_nachgefragt_org.html", "Stadtwerke Kassel"),
])
def test_a_role_or_a_company_in_the_title_is_nobody_who_answers(name: str, wrong: str) -> None:
    assert wrong not in {who for who, _ in said(imported(name))}


def test_a_desks_town_in_brackets_is_no_author() -> None:
    askers = {v.name for v in imported("r17_21_author_bracket_place.html").cast.voices.values()}
    assert "Bad Homburg" not in askers


@pytest.mark.parametrize("name, title", [
    ("r17_16_og_title_section_dash_name.html", "Im Gespräch - Anna Weber"),
    ("r17_18_zh_title_double_dash.html", "坚守三十年--记乡村教师王建国"),
    ("r17_19_h1_entry_header_cookie.html", "„Wird in Bibliotheken noch gelesen?“"),
    ("r17_10_txt_title_with_date.txt", "Der 9. November 1989 – Erinnerungen des Grenzers Harald Voss"),
    ("r17_11_txt_title_caps.txt", "STILLE WASSER"),
    ("r17_12_txt_title_lowercase_brand.txt", "eBay-Gründer der ersten Stunde: Ein Gespräch mit Tom Brandt"),
])
def test_titles_the_rules_had_cut_or_missed(name: str, title: str) -> None:
    assert imported(name).article.title == title


def test_a_site_wide_og_url_is_no_link_to_the_page() -> None:
    assert imported("r17_20_relative_canonical_og_home.html").article.url == \
        "https://www.kulturnachrichten-marburg.de/interviews/anna-weber-bibliothek"


def test_a_blogs_name_with_a_section_word_inside_it() -> None:
    assert imported("r17_34_blog_site_with_section_word.html").article.publisher == "Leipziger Lesemagazin - Blog"


def test_a_card_labelled_read_also_between_the_turns_is_no_passage() -> None:
    prepared = imported("r17_41_inline_card_between_turns.html")
    assert "Lesen Sie auch" not in narrative(prepared) and len(said(prepared)) == 3
