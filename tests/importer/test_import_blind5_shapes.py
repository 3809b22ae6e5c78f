"""Shapes from the fifth blind round (pages written by someone who never saw the importer): a guest named
only in the headline or teaser behind generic or no answer labels, a box's heading that is no name, a
day-first byline date, ads and disclaimers between answers, a reporter's contact line, a price in an
answer that is no appeal, and WeChat's platform name where the account's belongs."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata, names
from bot.importer.extract import without_notes
from bot.importer.pipeline import read_article

ANSWERS = [
    "I started in a night class in 1987 and never stopped going back to the furnace after that.",
    "The furnace holds two hundred pounds of glass and runs day and night from September to June.",
    "We opened in April 1993. The rent was $640 a month, which felt enormous at the time.",
    "A chandelier for the church in 2008 took four of us eleven weeks to finish and hang.",
    "My apprentice takes over in July; she has been with me for eight years now.",
]


def imported(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return read_article(str(path))


def bold_questions_page(title: str, tail: str = "") -> str:
    turns = "".join(f"<p><strong>Question {i} about the work?</strong></p><p>{a}</p>"
                    for i, a in enumerate(ANSWERS, 1))
    return (f"<html><head><title>{title} | The Harbour Courier</title>"
            f'<meta property="og:site_name" content="The Harbour Courier"></head><body><article>'
            f"<h1>{title}</h1><p>Dolores Penhallow has blown glass on Harbor Street since 1993. In July Penhallow "
            f"hands the studio on.</p>"
            f"{turns}{tail}</article></body></html>")


def test_a_guest_named_only_in_the_headline_answers_the_bold_questions(tmp_path: Path) -> None:
    tagline = ("<p><em>The studio is open Thursday to Sunday at 114 Harbor St. Reach Tom Akers at "
               "takers@harbourcourier.example.</em></p>")
    prepared = imported(tmp_path, bold_questions_page(
        "Q&amp;A: Glassblower Dolores Penhallow on three decades at the furnace", tagline))
    assert prepared.cast.interviewees == ["Dolores Penhallow"]
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert {p.speaker for p in answers} == {"Dolores Penhallow"}
    text = "\n".join(p.text for p in prepared.passages)
    assert all(a in text for a in ANSWERS)  # the rent per month is an answer, not a donation appeal
    assert "takers@" not in text  # the reporter's contact line is no passage


def test_a_headline_of_everyday_words_names_no_one(tmp_path: Path) -> None:
    assert names.prominent(["Der Wald vergisst nichts"], "Der Wald vergisst nichts, sagt sie.", "de") == []
    assert names.prominent(["Alumna Katrin Albers über ihren Alltag"], "Katrin Albers leitet ein Revier. Albers sagt",
                           "de") == ["Katrin Albers"]
    assert names.prominent(["Sourdough Starters in Cold Kitchens"], "Our Sourdough Starters are fed daily.", "en") == []
    assert names.prominent(["胡同里的老理发师"], "胡同里的理发店，胡同口。", "zh") == []  # a dictionary word, no name
    assert names.prominent(["Jane Roe on rivers"], "Jane Roe wrote it.", "en", others=["Jane Roe"]) == []
    headlines = ["在武夷山种了30年茶", "陈秀兰今年52岁，是武夷山的茶农。"]
    assert names.prominent(headlines, "陈秀兰说，陈秀兰的茶。", "zh") == ["陈秀兰"]
    assert names.prominent(["在武夷山种了30年茶"], "武夷山的茶，武夷山的山。", "zh") == []  # a place, not a name
    assert names.prominent(["專訪消防分隊長張國棟：沒有英雄"], "張國棟說，張國棟的隊。", "zh") == ["張國棟"]


def test_generic_labels_take_the_name_the_teaser_gives(tmp_path: Path) -> None:
    answers = ["我娘家在建阳，原来是种水稻的，根本不懂茶叶。", "一共二十八亩，其中岩茶十八亩。",
               "以前都是等茶商上门收，现在网上卖一半。", "希望身体好，还能再做十年茶。"]
    turns = "".join(f"<p><strong>问：</strong>第{i}个问题是什么？</p><p><strong>答：</strong>{a}</p>"
                    for i, a in enumerate(answers, 1))
    html = ('<html><head><title>在武夷山种了30年茶，她说：好茶是熬出来的</title>'
            '<meta property="og:description" content="陈秀兰今年52岁，是福建武夷山市的茶农。"></head><body>'
            f"<p>陈秀兰家的茶园在桐木关附近。清明前后，我们在她家的茶厂里聊了一个下午。</p>{turns}</body></html>")
    prepared = imported(tmp_path, html)
    assert prepared.cast.interviewees == ["陈秀兰"]
    assert {p.speaker for p in prepared.passages if p.kind == "answer"} == {"陈秀兰"}


def test_a_box_heading_is_no_speaker_and_a_day_first_byline_date_is_read() -> None:
    assert not names.looks_like_person("Zur Person")
    assert not names.looks_like_person("Über den Autor")
    assert names.looks_like_person("Janna Zielinski")
    assert metadata.iso_date("Interview: Jonas Petersen | 07.03.2024") == "2024-03-07"
    assert metadata.iso_date("31.02.2024") is None
    meta = metadata.Meta()
    metadata.from_byline(meta, "Interview: Jonas Petersen | 07.03.2024\nText.")
    assert meta.published == "2024-03-07"


def test_ads_and_disclaimers_between_answers_are_left_out() -> None:
    html = ("<html><body><article><p>Erste Antwort.</p>"
            '<div class="werbung werbung-inline"><span>Anzeige</span><p>Sanitätshaus Ebert – Termin unter 0951 555.</p>'
            '</div><p class="disclaimer"><em>Transcripts may contain errors.</em></p>'
            '<div class="sponsor-break"><p>Support comes from Hartwell Hardware.</p></div>'
            '<p>Zweite Antwort.</p></article><div class="header">Kopf</div></body></html>')
    out = without_notes(html)
    assert "Erste Antwort." in out and "Zweite Antwort." in out and "Kopf" in out
    assert "Sanitätshaus" not in out and "Transcripts" not in out and "Hartwell" not in out


def test_what_an_ad_label_heads_is_judged_as_page_text(tmp_path: Path) -> None:
    answers = ["2016年春天一直下雨，茶青泡了水，那一年我们亏了差不多八万块。", "一共二十八亩，其中岩茶十八亩。",
               "以前都是等茶商上门收，现在网上卖一半。", "希望身体好，还能再做十年茶。"]
    turns = "".join(f"<p><strong>记者：</strong>第{i}个问题是什么？</p><p><strong>陈秀兰：</strong>{a}</p>"
                    for i, a in enumerate(answers, 1))
    ad = "<p>广告</p><p>【限时优惠】春茶预售，关注公众号回复“春茶”领取优惠券。</p>"
    marker = "</p><p><strong>记者：</strong>第2"
    body = turns.replace(marker, "</p>" + ad + marker[4:], 1)
    html = f"<html><head><title>专访茶农陈秀兰</title></head><body>{body}</body></html>"
    prepared = imported(tmp_path, html)
    text = "\n".join(p.text for p in prepared.passages)
    assert all(a in text for a in answers)
    assert "优惠券" not in text and "广告" not in text
    assert chrome.classify("我们也做过广告，效果一般。", in_answer=True) is None  # the word in an answer is no label


def test_a_wechat_account_is_the_publisher_not_the_platform() -> None:
    html = ('<html><head><meta property="og:site_name" content="微信公众平台">'
            '<meta property="og:title" content="好茶是熬出来的"></head><body>'
            '<h1 class="rich_media_title" id="activity-name">好茶是熬出来的</h1>'
            '<a id="js_name">山野茶事</a><p>正文。</p></body></html>')
    assert metadata.from_html(html, None).publisher == "山野茶事"


def test_the_interviewer_is_named_by_the_byline_a_closing_credit_or_their_own_words() -> None:
    html = ('<html><head><meta name="author" content="Tom Akers"><script type="application/ld+json">'
            '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tom Akers"}}</script></head>'
            "<body><p>Text.</p></body></html>")
    assert metadata.from_html(html, None).authors == ["Tom Akers"]  # named twice, one author
    zh = "<html><body><span>文／記者 王怡婷</span><p>正文。</p></body></html>"
    assert metadata.from_html(zh, None).authors == ["王怡婷"]  # 記者 is the role, not a name
    de = ("<html><body><p>Antwort.</p><p><em>Das Gespräch führte Lena Vogt.</em></p><footer>Impressum</footer>"
          "</body></html>")
    assert metadata.from_html(de, None).authors == ["Lena Vogt"]
    said = ["Good morning, and welcome to River Talk. I'm Janet Morales. My guest today"]
    assert names.introduced(said, said[0] + " Host: Janet Morales") == "Janet Morales"
    assert names.introduced(said, said[0]) is None  # named nowhere else: no evidence
    zh = "大家好，我是林晓雯，今天我们聊茶。"
    assert names.introduced([zh], "文／林晓雯 " + zh) == "林晓雯"
    assert names.introduced(["我是江西人，十六岁来的。"], "我是江西人，十六岁来的。江西人。") is None
    assert names.introduced(["I am Head Chef here."], "I am Head Chef here. Head Chef.") is None


def test_a_page_from_a_private_machine_gives_no_link() -> None:
    assert metadata.web_url("http://127.0.0.1:8765/page.html") is None
    assert metadata.web_url("http://localhost/page.html") is None
    assert metadata.web_url("/a/b", "https://example.org/x") == "https://example.org/a/b"


TRANSCRIPT = """PENWITH MARITIME ORAL HISTORY ARCHIVE
Collection: Keepers of the Light (Ref. KL/017)

Oral history interview with Walter Penhallow, former lighthouse keeper

Interviewee: Walter Penhallow
Interviewer: Susan Hale
Date: 14 March 2019
Location: Mousehole, Cornwall

Summary: Walter Penhallow served as a lighthouse keeper from 1961 to 1991.

SUSAN HALE
Could you start by telling me how you came to join the lighthouse service?

WALTER PENHALLOW
My father was a fisherman out of Newlyn, and he didn't want me on the boats. I joined in April 1961.

SUSAN HALE
And what was your first posting?

WALTER PENHALLOW
The Wolf Rock. That's a rock station about eight miles south-west of Land's End.

SUSAN HALE
What did an ordinary day look like?

WALTER PENHALLOW
Watches, mainly. You'd have the lamp lit half an hour before sunset and out half an hour after sunrise.

END OF TRANSCRIPT

Copyright: Penwith Maritime Oral History Archive. Not for reproduction without permission.
"""


def test_an_archive_transcript_with_a_header_and_names_on_lines_of_their_own(tmp_path: Path) -> None:
    prepared = imported(tmp_path, TRANSCRIPT, "transcript.txt")
    article = prepared.article
    assert article.title == "Oral history interview with Walter Penhallow, former lighthouse keeper"
    assert (article.publisher, article.published) == ("Penwith Maritime Oral History Archive", "2019-03-14")
    assert (article.interviewees, article.interviewers) == (["Walter Penhallow"], ["Susan Hale"])
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert len(answers) == 3 and {p.speaker for p in answers} == {"Walter Penhallow"}
    assert answers[1].text == "The Wolf Rock. That's a rock station about eight miles south-west of Land's End."
    text = "\n".join(p.text for p in prepared.passages)
    assert "END OF TRANSCRIPT" not in text and "Copyright" not in text and "Mousehole, Cornwall" not in text
    assert "SUSAN HALE" not in text


def test_a_line_of_capitals_said_once_is_no_speaker() -> None:
    from bot.importer.transcript import header, name_lines

    text = "INTRODUCTION\nThis is the start.\n\nANNA LEE\nHello there.\n\nANNA LEE\nAgain."
    assert name_lines(text, []) == "INTRODUCTION\nThis is the start.\n\nANNA LEE: Hello there.\n\nANNA LEE: Again."
    assert header("Date: 2020-01-01\nJust a text that mentions a date.") == (
        {}, "Date: 2020-01-01\nJust a text that mentions a date.")


def test_navigation_lines_and_a_master_s_title() -> None:
    assert chrome.classify("← Zurück zur Übersicht") == "navigation"
    assert chrome.classify("Mehr aus unserer Reihe „Frauen mit Berufung“: Die Schäferin · Die Sennerin") == "navigation"
    assert chrome.classify("Back to my point: we need money.") is None
    assert chrome.classify("← Zurück zur Übersicht", in_answer=True) is None
    assert names.from_title("專訪霓虹燈師傅陳錦榮：燒了四十年光管", "陳錦榮說。") == ["陳錦榮"]


def test_the_one_asked_is_named_by_the_questions_that_address_them() -> None:
    body = "Zum Hebammentag durften wir uns zu Ingrid Sommerfeld an den Küchentisch setzen."
    assert names.addressed(["Frau Sommerfeld, wie sind Sie Hebamme geworden?", "Und dann?"], body) == (
        "Ingrid Sommerfeld")
    assert names.addressed(["Frau Sommerfeld, wie?", "Herr Maier, und Sie?"], body) is None  # two people asked
    assert names.from_teaser("As costs rise, we asked Gwen Pritchard, who has made cheese since 2004.") == [
        "Gwen Pritchard"]
    assert names.from_teaser("We asked Readers What They Think.") == []


def test_the_whole_headline_and_the_site_name_as_the_title_gives_them() -> None:
    html = ('<html><head><title>Steinmetzmeisterin am Münster: „Ein Münster ist nie fertig“ - Radio Breisgau</title>'
            '<meta property="og:title" content="„Ein Münster ist nie fertig“"></head>'
            "<body><h1>Steinmetzmeisterin am Münster: „Ein Münster ist nie fertig“</h1><p>Text.</p></body></html>")
    assert metadata.from_html(html, None).title == "Steinmetzmeisterin am Münster: „Ein Münster ist nie fertig“"
    hk = ('<html><head><title>專訪霓虹燈師傅陳錦榮：燒了四十年光管 | 城市漫步週刊</title>'
          '<meta property="og:site_name" content="城市漫步週刊 City Stroll Weekly"></head>'
          "<body><p>正文。</p></body></html>")
    assert metadata.from_html(hk, None).publisher == "城市漫步週刊"


def test_a_transcript_that_opens_with_its_labels_has_no_header() -> None:
    from bot.importer.transcript import header

    text = "Interviewer: Hello.\nInterviewee: Hi.\nInterviewer: Shall we start?\nInterviewee: Yes.\n"
    assert header(text) == ({}, text)
    long_turns = "Date: 2020-01-01\nInterviewer: " + "So tell me about it. " * 10 + "\nNarrator: Well.\n"
    assert header(long_turns) == ({}, long_turns)


def test_rules_from_a_review_hold_on_ordinary_text() -> None:
    from bot.importer.extract import _boxed
    from bot.importer.transcript import header

    assert chrome.classify("«Warum gerade Glas?»") is None and chrome.classify("Zurück zu den Wurzeln") is None
    answer = "Contact with customers matters; I answer mail to shop@anna.de myself."
    assert chrome.classify(answer, in_answer=True) is None
    assert chrome.classify("Copyright: that was the big fight with the label.", in_answer=True) is None
    assert not _boxed("no-ads") and not _boxed("ad-free") and _boxed("ad-slot")
    assert metadata.iso_date("Release v1.2.2024") is None
    assert names.from_teaser("Wir haben Schloss Neuschwanstein besucht und mit der Kastellanin gesprochen.") == []
    assert names.from_teaser("We spoke to Jane Doe, who runs the shop.") == ["Jane Doe"]
    turns = "Interviewee: Walter Penhallow\nDate: 14 March 2019\n\nInterviewer: Could you start by telling me?\n"
    assert header(turns)[0] == {}  # two header lines and a turn: no header
