"""Shapes from the fifteenth blind round (documents written by someone who never saw the importer): an
interview answered by email (headers, quoted questions, "On …, X wrote:", a signature), a long microblog post
copied as text, a newspaper page read by OCR (a headline in quotes over three lines, a printed ad) and a
Zhihu answer whose date stands under it ("发布于 …") beside an "编辑于 …"."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata, plaintext
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

EMAIL = """Coastline Quarterly · Email interview

From: Dana Whitfield <dana@coastline.example>
To: Ruth Baines <ruth@seafarm.example>
Date: Tue, 4 Feb 2025 09:12:44 +0000
Subject: Re: Interview questions for Coastline Quarterly

Hi Dana, answers below — sorry for the delay!

On Fri, 24 Jan 2025 at 16:30, Dana Whitfield <dana@coastline.example> wrote:

> What actually is a seaweed farm?

Mostly nothing you can see: a line of yellow buoys out in the bay.

> How long did the licence take?

Two years, and three visits from the harbour board.

> What do you eat it with?

Butter and new potatoes.

Best,
Ruth

--
Ruth Baines
Head Grower, Penmorrow Sea Farm
""".replace("\n--\n", "\n-- \n")  # (a signature's delimiter is "-- ", with its space)


def test_an_interview_answered_by_email(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "mail.txt", EMAIL)))
    article = prepared.article
    assert (article.title, article.publisher, article.published) == (
        "Interview questions for Coastline Quarterly", "Coastline Quarterly", "2025-02-04")
    assert article.interviewees == ["Ruth Baines"] and article.interviewers == ["Dana Whitfield"]
    answers = answers_of(prepared)
    assert [p.question for p in answers] == ["What actually is a seaweed farm?", "How long did the licence take?",
                                           "What do you eat it with?"]
    assert not any("Head Grower" in p.text or "wrote:" in p.text or "From:" in p.text for p in prepared.passages)
    assert plaintext.email("From: a\nDear all,\nno headers here.")[0] == {}


WEIBO = """山河纪录片工作室
微博认证：纪录片制作机构
2025-4-12 20:31 来自 iPhone客户端
【专访】导演沈澈：拍一条河，要先学会等它涨水 #纪录片# #长江#

首映后我们和@沈澈导演 聊了一个下午，整理成这篇专访[心]

Q：为什么叫《涨水季》？
沈：最早的名字叫《船》，拍了一年多我发现不对，真正决定这家人怎么过日子的是水。

Q：拍摄时最难的是什么？
沈：是等。水不涨，船开不出去，我们也没东西可拍。

Q：团队有多少人？
沈：最核心的就三个人，人少有人少的好处。
收起全文d
转发 128
评论 56
用户A：拍得真好[赞]
"""


def test_a_long_microblog_post(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "weibo.txt", WEIBO)))
    article = prepared.article
    assert (article.title, article.publisher, article.published) == (
        "导演沈澈：拍一条河，要先学会等它涨水", "山河纪录片工作室", "2025-04-12")
    assert article.interviewees == ["沈澈"] and len(answers_of(prepared)) == 3
    assert not any("拍得真好" in p.text or "转发" in p.text for p in prepared.passages)


def test_a_headline_in_quotes_and_a_printed_ad() -> None:
    meta = metadata.Meta()
    metadata.from_markdown(meta, "Interview der Woche\n\n„Die Kaserne ist keine\nKatastrophe, sondern\neine Chance“\n\n"
                                 "Bad Kellersdorf. Ende 1995 ziehen die Soldaten ab.", None)
    assert meta.title == "„Die Kaserne ist keine Katastrophe, sondern eine Chance“"
    assert chrome.classify("ANZEIGE Autohaus Drewes — Ihr Opel-Partner in der Südheide") == "ad"
    assert chrome.classify("Anzeige erstattet habe ich trotzdem, gleich am nächsten Morgen.", in_answer=True) is None


def test_a_date_under_the_answer_before_its_edit() -> None:
    assert metadata.date_line("著作权归作者所有 发布于 2024-05-03 10:00・IP 属地北京 编辑于 2024-05-04 09:12",
                              1000) == "2024-05-03"
