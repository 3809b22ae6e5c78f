"""Shapes from the twenty-second blind round (documents written by someone who never saw the importer): a fan
Q&A whose questions each name the fan who sent them, and a journal's interview as pdftotext lays it out
(running heads alternating between the journal and the article, "· 87 ·" page numbers, footnotes under a rule,
a title over its "——…访谈录" subtitle, the interviewer asking as "问：" and by surname)."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

FAN_QA = """<html><head><title>Fan Q&amp;A: You Asked, Maya &amp; Jon Answered</title>
<meta property="og:site_name" content="Saltmarsh Radio"></head><body><article>
<h1>Fan Q&amp;A: You Asked, Maya &amp; Jon Answered</h1>
<p>We asked you to send us your questions. Here are our favourites.</p>
<p><strong>Q from <a href="https://instagram.com/sarah_k">@sarah_k</a> (Leeds):</strong> How did you two meet?</p>
<p><strong>MAYA:</strong> At a folk night in Hull, when Jon broke a string.</p>
<p><strong>Q from <a href="https://instagram.com/deltaroute">@deltaroute</a> (Austin, TX):</strong> Vinyl??</p>
<p><strong>JON:</strong> Yes. Clear vinyl, 500 copies.</p>
<p><strong>Q from <a href="https://instagram.com/owl">@owl</a> (Glasgow):</strong> What synth is that?</p>
<p><strong>MAYA:</strong> A 1983 Juno-60 I bought for £400.</p>
<p><strong>Q from <a href="https://instagram.com/mo">@mo</a> (Cork):</strong> Cats or dogs?</p>
<p><strong>JON:</strong> Dogs, obviously.</p>
</article></body></html>"""


def test_a_fan_qa_whose_questions_name_the_fans(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "fans.html", FAN_QA)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["Maya", "Jon", "Maya", "Jon"]  # not "Q from @sarah_k (Leeds)"
    assert said[0][1] == "At a folk night in Hull, when Jon broke a string."
    roles = {v.name: v.role for v in prepared.cast.voices.values()}
    assert roles["Maya"] == roles["Jon"] == "interviewee"


JOURNAL = "\f".join([
    """城市与遗产研究                               2023年第4期
URBAN AND HERITAGE STUDIES                        No.4, 2023

老城更新中的“微循环”
——林守诚研究员访谈录

张慧敏 林守诚

问：林老师，您是从什么时候开始接触西街的？
答：1983年我从大学毕业，分配到南屿市规划局，第一个任务就是给西街做测绘。

——————————
收稿日期：2023-05-12；修回日期：2023-07-03
作者简介：张慧敏（1981—），女，副教授。
· 87 ·""",
    """张慧敏 林守诚：老城更新中的“微循环”——林守诚研究员访谈录

问：2016年的规划有什么不同？
答：我们不再整片拆迁，而是一个院子一个院子地做。
张：当时居民怎么看？
答：一开始很多人不信。
· 88 ·""",
    """城市与遗产研究  2023年第4期

问：现在一共做了多少个微项目？
答：到去年年底一共四十三个。
· 89 ·""",
    """张慧敏 林守诚：老城更新中的“微循环”——林守诚研究员访谈录

张：您对年轻规划师有什么建议？
答：多走路，少画图。
· 90 ·"""])


def test_a_journals_interview_as_pdftotext_lays_it_out(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "journal.txt", JOURNAL)))
    assert masthead(prepared)[:2] == ("老城更新中的“微循环”——林守诚研究员访谈录", "城市与遗产研究")
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["林守诚"] * 5  # "张：" asks, as "问：" does
    assert said[-1][1] == "多走路，少画图。"
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("收稿日期", "作者简介", "· 8", "2023年第4期", "张慧敏 林守诚："):
        assert chrome not in text, chrome
