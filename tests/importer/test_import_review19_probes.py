"""Probe documents of a nineteenth independent review (of the eighteenth review's fixes), each an ordinary shape on
which one of those fixes first went wrong; the files are `tests/importer/probes/r19_*` (invented people and
places). Each test states what a reader sees."""

from __future__ import annotations

import pytest

from tests.importer.test_import_review16_probes import said
from tests.importer.test_import_review_probes import imported


@pytest.mark.parametrize("name, line", [
    ("r19_04_website_last_line.md", "Website: roth-keramik.de"),
    ("r19_04_website_last_line.md", "Nächster Termin: Samstag 10:00 Uhr"),
    ("r19_05_zh_wechat_line.md", "微信公众号：芳窑陶艺"),
    ("r19_05_zh_wechat_line.md", "地址：景德镇珠山区新厂西路"),
    ("r19_13_heading_colon_q.md", "Kurz gesagt: die Hände"),
    ("r19_13_heading_colon_q.md", "Sein Motto: Nicht hetzen"),
])
def test_a_short_line_with_a_colon_ending_an_answer_is_the_answers(name: str, line: str) -> None:
    assert any(line in text for _, text in said(imported(name)))


def test_a_short_bold_reply_under_a_bold_question_opens_the_answer() -> None:
    first = said(imported("r19_06_bold_short_answer.md"))[0][1]
    assert first.startswith("Nie wieder.\n\nDas habe ich mir nach der Flut geschworen.")


@pytest.mark.parametrize("name, title", [
    ("r19_07_header_tag_site.html", "„Holz lügt nicht“ – Lena Vogt über ihr Handwerk"),
    ("r19_08_top_banner_site.html", "\"Bees are honest\""),
])
def test_the_sites_name_in_a_page_header_or_top_banner_is_no_headline(name: str, title: str) -> None:
    assert imported(name).article.title == title


def test_an_og_url_permalink_beside_a_short_link_canonical() -> None:
    assert imported("r19_10_relcanon_shortlink.html").article.url == "https://hivenotes.org/2024/05/bees-are-honest/"


def test_a_blogs_licence_line_under_the_last_answer_is_chrome() -> None:
    assert not any("Lizenz" in text for _, text in said(imported("r19_12_blog_licence.md")))
