"""Probe documents of an eighth independent review (of the rules written for round 33), each a shape on which
one of those rules first went wrong; the files are in `tests/importer/probes/` (invented people and places).
Each test states what a reader sees in the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importer.pipeline import read_article
from bot.importer.prepare import Prepared
from tests.importer.documents import answers_of

PROBES = Path(__file__).parent / "probes"


def imported(name: str) -> Prepared:
    return read_article(str(PROBES / name))


def speakers(name: str) -> list[str | None]:
    return [p.speaker for p in answers_of(imported(name))]


def test_a_band_manager_and_a_research_assistant_interviewed_beside_others_keep_their_answers() -> None:
    assert speakers("p06_band_manager.md").count("Dora Pratt") == 2
    assert speakers("p07_zh_assistant.md").count("孟佳") == 2


@pytest.mark.parametrize("name", ["p15_h4_names_after_photos.html", "p16_h3_names_with_bio.html"])
def test_guests_named_by_headings_under_their_photos_or_over_a_line_about_them(name: str) -> None:
    assert speakers(name) == ["Jana Koch"] * 2 + ["Deniz Yilmaz"] * 2 + ["Heike Brandt"] * 2


def test_numbered_sound_bites_of_a_source_whose_surname_is_also_a_word() -> None:
    assert speakers("p21_oton_schueler.txt") == ["Hannes Schüler"] * 4


@pytest.mark.parametrize("name, title_name", [("p13_widow_de.md", "Malerwitwe Sander"),
                                              ("p24_coach_son.md", "Coach Dalton")])
def test_a_headline_name_stays_where_the_text_names_two_of_that_surname(name: str, title_name: str) -> None:
    assert set(speakers(name)) == {title_name}


def test_an_interviewers_recording_announcement_is_no_answer() -> None:
    assert not any("Recording for" in p.text for p in answers_of(imported("p17_interviewer_preamble.txt")))


def test_a_question_or_a_teaser_about_cookies_and_consent_is_no_cookie_banner() -> None:
    baker = imported("p09_baker_en.md")
    assert any(p.question and "cookie boxes" in p.question for p in answers_of(baker))
    assert any("Mara Lind" in p.text for p in imported("p08_privacy_de.html").passages)


def test_answers_that_look_like_directions_or_signatures_are_answers() -> None:
    assert any(p.text.startswith("Regie: ich, Buch: ich") for p in answers_of(imported("p22_regie_answer.md")))
    quick = [p.text for p in answers_of(imported("p20_quickfire.md"))]
    assert "– Malcolm X." in quick and "– Plan B." in quick


def test_a_person_in_the_running_heads_and_the_post_office_are_no_publishers() -> None:
    assert imported("p14_pagehead_person.txt").article.publisher == ""
    assert imported("p18_thepost_domain.html").article.publisher == "The Post"


def test_a_byline_with_the_interviews_date_before_the_publication_date() -> None:
    assert imported("p23_us_slash_byline.html").article.published == "2024-01-05"


@pytest.mark.parametrize("name, kept", [
    ("p01_whatsapp_note.txt", "13/03/2024 05:40 high water"),
    ("p02_whatsapp_de.txt", "15.04.24, 20:00 Hamburg"),
])
def test_a_chat_messages_own_lines_with_dates_stay_in_it(name: str, kept: str) -> None:
    assert any(kept in p.text for p in answers_of(imported(name)))


def test_an_iphone_chats_placeholders_are_no_ones_words() -> None:
    assert not any("omitted" in p.text or "<attached" in p.text for p in imported("p04_iphone_en.txt").passages)


def test_related_headlines_outside_the_article_are_no_questions() -> None:
    said = answers_of(imported("p12_related_de.html"))
    assert {p.speaker for p in said} == {"Stefan Brandl"}
    assert not any("Busfahrer" in (p.question or "") for p in said)


# A ninth review, of the rules written after the eighth (chat exports, folded answers, AsciiDoc, …), found these.

def voices(name: str) -> dict[str, str]:
    return {v.name: v.role for v in imported(name).cast.voices.values()}


def test_a_private_chats_partner_is_no_publisher_and_a_greeting_no_title() -> None:
    chat = imported("r9_01_tg_private_chat.html")
    assert chat.article.publisher == "" and not chat.article.title.startswith("Hi ")
    assert voices("r9_01_tg_private_chat.html") == {"Jonas Reuter": "interviewer", "Mara Lindqvist": "interviewee"}
    assert not any("Mara Lindqvist:" in p.text for p in chat.passages)


@pytest.mark.parametrize("name, answers", [("r9_02_tg_midnight.html", 5), ("r9_03_tg_photo_answer.html", 4),
                                           ("r9_23_tg_forwarded_answers.html", 4)])
def test_a_channels_interview_past_midnight_a_photo_that_answers_and_forwarded_answers(name: str,
                                                                                       answers: int) -> None:
    said = answers_of(imported(name))
    assert len(said) == answers and len({p.speaker for p in said}) == 1
    assert all(p.question for p in said)


def test_a_debaters_rhetorical_questions_and_a_press_officers_refusals() -> None:
    assert voices("r9_06_streitgespraech_rhetorical.md")["Gisela Brunnhuber"] == "interviewee"
    assert voices("r9_07_press_officer_interjects.md")["Tess Morrow"] == "other"


def test_a_guests_opening_before_the_first_question_is_an_answer() -> None:
    assert answers_of(imported("r9_08_labelled_opening_QA.txt"))[0].text.startswith("Before we start")


def test_a_section_about_someone_the_guest_talks_of_names_no_new_guest() -> None:
    assert {p.speaker for p in answers_of(imported("r9_09_section_heading_other_person.md"))} == {"Petra Lund"}


def test_a_photographers_copyright_line_and_a_given_name_like_an_article() -> None:
    assert imported("r9_12_photo_credit_last_line.md").article.publisher == ""
    assert {p.speaker for p in answers_of(imported("r9_13_title_name_An.md"))} == {"An Nguyen"}


def test_a_german_cookie_banner_in_inverted_order_and_directions_with_times() -> None:
    assert not any("Cookies" in p.text for p in imported("r9_14_cookie_banner_german.txt").passages)
    assert not any("Regie" in p.text for p in imported("r9_15_radio_manuskript_regie.txt").passages)


def test_an_answer_quoting_a_forums_rules_and_an_asciidoc_files_directives() -> None:
    said = [p.text for p in answers_of(imported("r9_17_zh_forum_moderator.md"))]
    assert any(t.startswith("请文明上网，理性发言，这八个字") for t in said)
    adoc = imported("r9_16_asciidoc_qa.adoc").passages
    assert not any(s in p.text for p in adoc for s in ("include::", "|===", "____"))


def test_a_quizs_hidden_solutions_stay_hidden() -> None:
    assert not any("A young swift" in p.text for p in imported("r9_11_faq_and_quiz_hidden.html").passages)


# A tenth review, of the rules written after the ninth (initials, lead-ins, authors' links, …), found these.

def test_a_guest_whose_initials_are_the_publishers_answers_a_q_label() -> None:
    assert {p.speaker for p in answers_of(imported("r10_01b_initials_collision_Q.md"))} == {"Helena Ruiz"}


def test_reporters_named_in_the_intro_ask() -> None:
    assert voices("r10_09_intro_names_interviewers_de.md")["Miriam Roth"] == "interviewer"


@pytest.mark.parametrize("name", ["r10_03_host_opening_QA_de.txt", "r10_04_host_opening_QA_en.txt"])
def test_a_hosts_opening_that_introduces_the_guest_is_no_answer(name: str) -> None:
    first = answers_of(imported(name))[0]
    assert first.question and first.question.endswith("?")


@pytest.mark.parametrize("name", ["r10_10_kicker_explainer_en.md", "r10_11_fragen_antworten_zu_de.md",
                                  "r10_25_title_an_island.md"])
def test_an_explainers_title_names_no_interviewee(name: str) -> None:
    assert {p.speaker for p in answers_of(imported(name))} <= {"Interviewee", "Befragte/r"}


def test_readers_questions_in_bold_quotes_between_turns_are_questions() -> None:
    said = answers_of(imported("r10_06_leserchat_quoted_questions_de.md"))
    assert len({p.question for p in said}) == len(said)


def test_a_second_guests_heading_over_a_line_about_him() -> None:
    assert "Tom Berger" in {p.speaker for p in answers_of(imported("r10_27_second_guest_heading_bio.md"))}


def test_an_agent_asked_by_name_answers() -> None:
    assert [p.speaker for p in answers_of(imported("r10_08_staff_agent_short.md"))].count("Tom Reyes") == 2


def test_an_unsigned_channel_stays_the_publisher_and_a_forwarded_question_is_asked() -> None:
    assert imported("r10_16_tg_nosig_forwarded.html").article.publisher == "Stimmen aus Kerbach"
    assert voices("r10_18_tg_group_forward_then_joined.html").get("Karl Huber") != "interviewee"
    assert imported("r10_19_tg_headline_exclaim.html").article.title.startswith("Jetzt live: Hafenmeister")


def test_author_links_outside_the_byline_are_no_authors() -> None:
    assert voices("r10_12_author_link_sidebar.html").get("Paula Winter") == "interviewer"
    assert voices("r10_13_author_link_guest.html").get("Ben Oduya") == "interviewee"


def test_a_section_at_the_end_of_page_heads_and_a_copyright_line_with_a_sentence_after_it() -> None:
    assert imported("r10_14_page_heads_section_last.txt").article.publisher == ""
    assert imported("r10_15_copyright_sentence.md").article.publisher == "Klangwerk Magazin"


def test_a_long_comment_notice_under_the_last_answer_is_no_answer() -> None:
    assert not any("不代表本站立场" in p.text for p in imported("r10_20_zh_comment_notice_long.md").passages)


def test_a_son_of_the_professors_surname_is_not_the_professor() -> None:
    assert not any(p.text.startswith("其实那根木头") for p in answers_of(imported("r10_22b_zh_son_not_named.md")))


# An eleventh review, of the rules written after the tenth, found these.

def answer_texts(name: str) -> list[str]:
    return [p.text for p in answers_of(imported(name))]


@pytest.mark.parametrize("name, kept", [("r11_p02_sz_unlabelled_answers.html", "Sie sehen also das Problem."),
                                        ("r11_p19_en_Q_unlabelled_you.html", "Would you believe it?")])
def test_a_guests_own_questions_to_the_reporter_stay_in_the_answer(name: str, kept: str) -> None:
    assert any(kept in t for t in answer_texts(name)) and len(answer_texts(name)) == 3


def test_a_fact_box_and_a_profiles_facts_set_as_description_lists_are_no_answers() -> None:
    assert len(answer_texts("r11_p05_dl_faq_aside.html")) == 3
    assert not any(t.startswith("1976") for t in answer_texts("r11_p06_dl_profile_facts.html"))


def test_a_kicker_title_naming_a_guest_the_text_calls_only_by_her_full_name() -> None:
    assert {p.speaker for p in answers_of(imported("r11_p03_kicked_title_bold_q.html"))} == {"Harriet Osei"}


def test_a_commenter_is_no_publisher_and_a_guest_introducing_herself_answers() -> None:
    assert imported("r11_p07_weibo_commenter.html").article.publisher != "竹林深处的猫"
    assert answer_texts("r11_p10_oral_geboren.txt")[0].startswith("Ich bin 1938 in Gleiwitz geboren")


def test_forwarded_answers_with_rhetorical_questions_and_a_headline_that_starts_like_a_greeting() -> None:
    assert [p.speaker for p in answers_of(imported("r11_p12_tg_forwarded_answers.html"))] == ["Ruth Adler"] * 3
    assert imported("r11_p20_tg_liebe_headline.html").article.title.startswith("Liebe im Alter")


def test_an_answer_explaining_the_comment_rules_and_a_press_officer_called_will() -> None:
    assert len(answer_texts("r11_p13_zh_platform_rules_answer.html")) == 2
    assert voices("r11_p17_staff_will.html")["Will Hartley"] == "other"


def test_a_clubs_abbreviation_in_its_running_head_stays() -> None:
    assert imported("r11_p15_newsletter_tsv.txt").article.publisher == "TSV 1860 Lollar e.V."


# A twelfth review, of the rules written after the eleventh, found these.

@pytest.mark.parametrize("name", ["r12_p09_intro_bei_mir.txt", "r12_p10_intro_talked.txt"])
def test_a_hosts_opening_presenting_the_guest_is_no_answer(name: str) -> None:
    assert len(answers_of(imported(name))) == 3


def test_a_press_officer_asked_by_name_with_a_dash_answers() -> None:
    assert any(t.startswith("We're setting up a hardship fund") for t in answer_texts("r12_p11_staff_dash.txt"))


def test_readers_questions_forwarded_after_a_greeting_are_the_hosts() -> None:
    assert voices("r12_p06_tg_forward_reader.html") == {"Tanja Rehm": "interviewer", "Jana Voss": "interviewee"}


@pytest.mark.parametrize("name", ["r12_p13_tg_guten_abend.html", "r12_p05_tg_greeting.html"])
def test_a_greeting_as_a_chats_first_post_is_no_title(name: str) -> None:
    assert imported(name).found.get("title") != "the first post"


@pytest.mark.parametrize("name, publisher", [("r12_p04_caps_publisher.txt", "My Green Kitchen"),
                                             ("r12_p08_caps_running_head.txt", "St. Georgen Bote")])
def test_short_words_of_a_name_in_capitals(name: str, publisher: str) -> None:
    assert imported(name).article.publisher == publisher


def test_watch_the_recording_inside_an_answer_stays() -> None:
    assert any("Watch the recording with the sound off" in t for t in answer_texts("r12_p03_watch_recording.md"))


# A thirteenth review, of the rules written after the twelfth, found these.

def test_forwarded_answers_that_end_asking_rhetorically() -> None:
    assert [p.speaker for p in answers_of(imported("r13_p01_tg_forward_ends_rhetorical.html"))] == ["Ruth Adler"] * 3


@pytest.mark.parametrize("name, start", [("r13_p02_tg_headline_willkommen.html", "Willkommen an Bord:"),
                                         ("r13_p03_tg_headline_hifi.html", "Hi-Fi im Hafen")])
def test_a_chats_headline_that_starts_like_a_greeting(name: str, start: str) -> None:
    assert imported(name).article.title.startswith(start)


def test_a_headline_in_capitals_over_an_issue_line_is_no_publisher() -> None:
    assert imported("r13_p07_masthead_headline.txt").article.publisher == ""


@pytest.mark.parametrize("name, publisher", [("r13_p09_srt_hm.srt", "H&M Foundation"),
                                             ("r13_p10_srt_den_haag.srt", "Kunsthal Den Haag")])
def test_names_in_capitals_with_an_ampersand_or_a_dutch_den(name: str, publisher: str) -> None:
    assert imported(name).article.publisher == publisher


def test_a_recording_button_under_the_last_answer_and_a_press_officer_quoted_with_a_colon() -> None:
    assert not any("Watch the full episode" in t for t in answer_texts("r13_p12_recording_button.html"))
    assert voices("r13_p13_staff_colon.txt")["Dee Marchetti"] == "other"


# A fourteenth review, of the rules written after the thirteenth, found these.

@pytest.mark.parametrize("name, first", [("r14_p02_guest_opens_We.txt", "We started the yard"),
                                         ("r14_p01_guest_opens_thanks.txt", "Danke für die Einladung")])
def test_a_guests_opening_in_the_first_person_plural_or_thanking(name: str, first: str) -> None:
    assert answer_texts(name)[0].startswith(first)


def test_answers_in_brackets_are_no_writers_initials() -> None:
    assert "(yes)" in answer_texts("r14_p04_answer_nods.txt")
    assert any("(sic)" in t for t in answer_texts("r14_p05_answer_sic.txt"))


def test_a_quiz_box_under_a_labelled_interview_is_no_answers() -> None:
    assert len(answer_texts("r14_p08_quiz_box.txt")) == 3 and "Q" not in voices("r14_p08_quiz_box.txt")


def test_small_german_words_in_a_masthead_in_capitals() -> None:
    assert imported("r14_p09_von_den_masthead.txt").article.publisher == "Mitteilungsblatt für den Markt Holzkirchen"


def test_the_order_of_interviewees_is_the_same_in_every_run() -> None:
    import os
    import subprocess
    import sys

    code = ("import sys; from bot.importer.pipeline import read_article; "
            "print(read_article(sys.argv[1]).cast.interviewees)")
    runs = {subprocess.run([sys.executable, "-c", code, str(PROBES / "r9_06_streitgespraech_rhetorical.md")],
                           capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(12)}
    assert len(runs) == 1
