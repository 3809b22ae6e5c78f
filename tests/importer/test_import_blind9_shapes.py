"""Shapes from the ninth blind round (documents written by someone who never saw the importer): numbered
"Q1：/A1：" labels, questions in italics, a magazine interview exported from a PDF (words hyphenated at
line ends, the magazine's name as the running head, the title over the byline, a jump line, an ad), a
HackMD post (a title YAML cut at " #", "## Q：…？🤔" headings, a nickname, an editor's folded note, a
related list under "📌 延伸閱讀", a "last edited" date), "Fünf Fragen an Dr. X" with a press contact, and
an interview laid out as a table."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata
from bot.importer.markup import _join
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write


def test_numbered_q_and_a_labels(tmp_path: Path) -> None:
    turns = "".join(f"<p>Q{i}：第{i}个问题是什么？</p><p>A{i}：第{i}个回答，说得很长很长，有好几句话。</p>"
                    "<p>还有一段。</p>" for i in range(1, 5))
    page = (f"<html><head><title>对话沈屿：好的音效，玩家不会注意到 - 声波周刊</title></head><body><article>"
            f"<h1>对话沈屿：好的音效，玩家不会注意到</h1><p>编者按：沈屿做了十年游戏声音。</p>{turns}</article></body></html>")
    answers = answers_of(read_article(str(write(tmp_path, "q1a1.html", page))))
    assert len(answers) == 4 and {p.speaker for p in answers} == {"沈屿"}
    assert answers[0].text == "第1个回答，说得很长很长，有好几句话。\n\n还有一段。"


def test_questions_in_italics_over_plain_answers(tmp_path: Path) -> None:
    turns = "".join(f"<p><em>Frage Nummer {i} an die Bergführerin?</em></p><p>Antwort {i}, ein ganzer Satz über "
                    f"den Berg und das <em>Wetter</em>.</p>" for i in range(4))
    page = ("<html><head><title>Bergführerin Anna Pichler über Steinschlag – Alpenblick Magazin</title></head><body>"
            "<article><h1>Bergführerin Anna Pichler über Steinschlag</h1><p>Anna Pichler führt seit 2003 Gäste. "
            f"Pichler kennt jeden Grat.</p>{turns}<p>Interview: Lena Vogt</p></article></body></html>")
    answers = answers_of(read_article(str(write(tmp_path, "kursiv.html", page))))
    assert len(answers) == 4 and {p.speaker for p in answers} == {"Anna Pichler"}
    assert answers[0].text.startswith("Antwort 0, ein ganzer Satz")


PDF = """28                                       GREENFIELD QUARTERLY

Issue 12, Autumn 2031

THE GROWERS' INTERVIEW

Old Barley, New Ground

Interview by Sam Okoye

Agnes Tolliver farms sixty acres on the border and keeps one of the
largest private collections of landrace barley in Britain.

Q. WHERE DID THE COLLECTION BEGIN?

A. With a biscuit tin. My grandfather kept a vari-
ety of seed heads in it, wrapped in newspaper.

Q. HOW MANY DO YOU HAVE NOW?

A. Three hundred and twelve, and I grow ninety of them every year.
Continued on page 34

ADVERTISEMENT

BRINDLE & SONS FLOURS Milled slowly since 1891, delivered to your door
Quote HEDGE10 for ten per cent off your first order at brindleflour.co.uk
\f34                                       GREENFIELD QUARTERLY
OLD BARLEY, NEW GROUND (continued from page 28)
The rest sit in the freezer and get grown out on a rotation.

Q. ISN'T A FREEZER ENOUGH?

A. No, and that's the part people get wrong. Seeds have to be sown.

Q. WHAT WOULD YOU TELL A BEGINNER?

A. Start with one variety and grow it for five years. It is well-
known advice, and people still ignore it.

Agnes Tolliver's seed list is available by post.
\fGREENFIELD QUARTERLY   35
"""


def test_a_magazine_interview_exported_from_a_pdf(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "wheat.txt", PDF)))
    article = prepared.article
    assert (article.title, article.publisher) == ("Old Barley, New Ground", "Greenfield Quarterly")
    assert article.interviewees == ["Agnes Tolliver"]
    answers = answers_of(prepared)
    assert len(answers) == 4 and answers[0].text == (
        "With a biscuit tin. My grandfather kept a variety of seed heads in it, wrapped in newspaper.")
    assert answers[1].text.endswith("The rest sit in the freezer and get grown out on a rotation.")
    assert "well-known advice" in answers[3].text
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("QUARTERLY", "Issue 12", "GROWERS", "Continued", "continued", "BRINDLE", "ADVERTISEMENT"):
        assert left_out not in text, left_out


def test_words_broken_at_a_line_s_end() -> None:
    assert _join("a vari-", "ety of wheat") == "a variety of wheat"
    assert _join("a well-", "known farmer") == "a well-known farmer"
    assert _join("Nord-", "und Süd") == "Nord- und Süd"
    assert _join("die Ersatz-", "teilversorgung") == "die Ersatzteilversorgung"


HACKMD = """---
tags: 人物誌, 相機修復
title: 【修復人物誌 #7】把壞掉的底片相機救回來：專訪阿凱
---

# 【修復人物誌 #7】把壞掉的底片相機救回來 📷

這一集的主角是在花蓮市開相機修理所的蔡承凱，大家都叫他阿凱。我們在他的工作台旁邊聊了一個下午。

[TOC]

## Q：最早是怎麼跟相機扯上關係的？🤔

我爸留下來的一台相機。我花了快兩個月才讓它重新亮起來。

## Q：家人不反對嗎？😅

當然反對。我媽到現在還是會問我什麼時候要回去上班。

<details>
<summary>📝 編輯補充：什麼是遮光海綿？</summary>

底片相機的背蓋周圍，會用一圈黑色海綿擋光。

</details>

## Q：現在一年修多少台？📊

去年總共修了三百八十六台。

---

### 📌 延伸閱讀

- [在台南修了四十年收音機的陳伯](https://hackmd.io/@x/radio)

👉 加入我們的 Discord，一起聊修東西的大小事

最後編輯：2025/1/22
"""


def test_a_hackmd_post(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "hackmd.md", HACKMD)))
    article = prepared.article
    assert article.title == "【修復人物誌 #7】把壞掉的底片相機救回來：專訪阿凱"  # not cut at " #" as a YAML comment
    assert article.published == "2025-01-22" and article.interviewees == ["蔡承凱"]  # not the nickname 阿凱
    answers = answers_of(prepared)
    assert len(answers) == 3 and {p.speaker for p in answers} == {"蔡承凱"}
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("[TOC]", "編輯補充", "遮光海綿", "延伸閱讀", "收音機", "Discord", "最後編輯"):
        assert left_out not in text, left_out


def test_five_questions_to_a_named_guest_a_press_contact_and_a_table_layout(tmp_path: Path) -> None:
    turns = "".join(f"<h3>{i}. Was ist Frage Nummer {i}?</h3><p>Antwort {i}, ein ganzer Satz dazu.</p>"
                    for i in range(1, 6))
    page = ("<html><head><title>Fünf Fragen an Dr. Jana Wülfing | Velmora Blog</title></head><body><article>"
            "<p class='post-category'>Nachhaltigkeit &amp; Service</p><h1>Fünf Fragen an Dr. Jana Wülfing</h1>"
            f"<p>Jana Wülfing leitet den Service.</p>{turns}<h4>Pressekontakt</h4><p>Svenja Althoff<br>"
            "Leiterin Unternehmenskommunikation</p><p>Telefon: +49 521 98765-120</p></article></body></html>")
    prepared = read_article(str(write(tmp_path, "fragen.html", page)))
    [guest] = {p.speaker for p in answers_of(prepared)}
    assert guest in ("Jana Wülfing", "Dr. Jana Wülfing")
    text = "\n".join(p.text for p in prepared.passages)
    assert "Nachhaltigkeit" not in text and "Althoff" not in text and "98765" not in text
    rows = "".join(f"<tr><td><b>Q:</b> What is question {i}?</td><td><p>Answer {i}, a whole sentence.</p></td></tr>"
                   for i in range(4))
    table = ("<html><head><title>Q&amp;A with Ruth Okonkwo-Baird | CVSU Newsroom</title></head><body><h1>Q&amp;A: "
             "a shrinking lake</h1><p>Ruth Okonkwo-Baird studies lakes. Okonkwo-Baird has measured Lake Tessaly "
             f"since 2014.</p><table>{rows}</table></body></html>")
    answers = answers_of(read_article(str(write(tmp_path, "table.html", table))))
    assert [p.text for p in answers] == [f"Answer {i}, a whole sentence." for i in range(4)]
    assert {p.speaker for p in answers} == {"Ruth Okonkwo-Baird"} and answers[0].question == "What is question 0?"


def test_chrome_and_dates_of_the_ninth_round() -> None:
    assert chrome.classify("Continued on page 34", in_answer=True) == "jump"
    assert chrome.classify("OLD WHEAT, NEW GROUND (continued from page 29)", in_answer=True) == "jump"
    assert chrome.classify("I continued on page one of the plan, then stopped.", in_answer=True) is None
    assert chrome.classify("Issue 41, Spring 2025") == "byline"
    assert chrome.classify("Telefon: +49 521 98765-120") == "contact"
    assert chrome.classify("📝 編輯補充：什麼是遮光海綿？") == "note"
    meta = metadata.Meta()
    metadata.from_markdown(meta, "Text.\n\nLast edited: 2025-01-22\n", None)
    assert meta.published == "2025-01-22"


def test_ordinary_text_the_new_rules_leave_alone(tmp_path: Path) -> None:
    """A review's reproducers: each of these is an interview's own text, or a name, and stays so."""
    from bot.importer import names, thread
    from bot.importer.transcript import without_page_furniture
    from bot.importer.turns import SHOP

    timed = "\n\n".join(f"Tom Akers (00:0{i}:42)\nQuestion {i}?\n\nMaria Lopez (00:0{i}:50)\nAnswer {i}."
                        for i in range(5))
    parts = "\n\n".join(f"Part {i} of our conversation\nAnswer {i}." for i in range(5))
    assert without_page_furniture(timed) == timed and without_page_furniture(parts) == parts
    for text in ("This show is made possible by volunteers who give their time.",
                 "Proof: our listener numbers doubled in 2023.", "Presented by children, the play was a hit.",
                 "(soundtrack of my childhood, really)", "(atmospheric pressure is key)",
                 "Then the argument continued on page 34", "End of discussion!", "Hosted by my aunt, it was fun."):
        assert chrome.classify(text, in_answer=True) is None, text
    assert not SHOP.search("Die Quote liegt heute bei zwölf Prozent. Use your head.")
    assert names.host_named("Every autumn New York hosts the marathon.", []) is None
    assert names.host_named("A" * 50_000, []) is None  # and at once: no backtracking through a long run
    assert names.unnicknamed("阿强", "那时候高老师叫他阿强") == "阿强"
    assert _join("a part-", "time job") == "a part-time job"
    meta = metadata.Meta()
    metadata.from_markdown(meta, "Text.\n\n文章首发在《读书》杂志上，后来又转了很多次。\n", None)
    assert meta.publisher is None
    assert thread.read('<!-- class="comment" -->') is None
    listed = ("**Host:** What is on your stove?\n\n**Ilka:** Ich koche gern.\n\n"
              "Links neben dem Ofen stehen bei mir immer drei Dinge:\n\n"
              "- Salz\n- Pfeffer\n- Geduld\n\n"
              + "".join(f"**Host:** And then, the {i}th time?\n\n**Ilka:** Then we cook again, slowly and for "
                        f"a long time, until the kitchen smells of it.\n\n" for i in range(4)))
    text = "\n".join(p.text for p in read_article(str(write(tmp_path, "list.md", listed))).passages)
    assert "Links neben dem Ofen" in text and "Pfeffer" in text
    byline = ("# Bergführerin\n\n**Wie sind Sie Bergführerin geworden?**\n\nVon klein auf war ich in den Bergen, "
              "mit meinem Vater.\n\n"
              + "".join(f"**Und dann, beim {i}. Mal?**\n\nDann kam die Ausbildung, drei lange Jahre im Gebirge, "
                        f"bei jedem Wetter.\n\n" for i in range(4)))
    prepared = read_article(str(write(tmp_path, "berg.md", byline)))
    assert prepared.article.title == "Bergführerin"
    assert any(p.kind == "answer" and p.text.startswith("Von klein auf") for p in prepared.passages)


def test_an_article_with_its_comments_inside_stays_the_article() -> None:
    from bot.importer import thread

    replies = "".join(f'<div class="comment"><a href="/user/reader{i}/">reader{i}</a><div class="comment-body">'
                      f"<p>Reader question {i}?</p></div><div class='comment'><a href='/user/jane/'>jane</a>"
                      f"<div class='comment-body'><p>{'A long reply from the author. ' * 20}</p></div></div></div>"
                      for i in range(4))
    page = ("<html><body><article><div class='byline'>By <a href='/user/jane/'>Jane</a></div>"
            "<div class='entry-content'><p><b>Q:</b> The interview's first question?</p><p>An answer.</p></div>"
            f"<section class='comments-area'>{replies}</section></article></body></html>")
    assert thread.read(page) is None
