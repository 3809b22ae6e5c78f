"""Shapes from the forty-fourth round (real interview pages as readability test corpora and static sites keep
them, tried before any rule was written for them; the pages are not kept here): a radio podcast's transcript whose
editor breaks long answers up with subheadings and sets teaser cards for other articles between the turns, its
canonical link a path the print footer writes out in full, an icon's <title> after the page's; a blog's Q&A under
question headings with a quotation set as a heading under one and a search form's "Search by Keyword"; a blog whose
site name is an <h1> too, with its students' profile fields; a paper's survey of several respondents, each named by
role and name over the same bold questions; a magazine's cover-picture credit."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

CARD = ("<div class='boxhead'>Weitere Informationen</div><div class='teaser'><div class='teaserimage'>"
        "<img src='/x.jpg' alt='Labor'></div><h2><a href='/ratgeber/faq,corona100.html'>Was Sie zum Virus wissen "
        "müssen</a></h2><div class='teasertext'><p>Das Virus breitet sich weiter aus. Was muss jetzt beachtet werden, "
        "um eine Ansteckung zu verhindern? Hier finden Sie Antworten. <a href='/ratgeber/faq,corona100.html'>mehr</a>"
        "</p></div></div>")
PODCAST = f"""<html><head><title>(16) Das Virus-Update | NDR.de - Nachrichten - NDR Info</title>
<link rel="canonical" href="/nachrichten/info/virus-update,podcast140.html" />
<meta name="author" content="NDR"/></head><body><svg><title>NDR Info</title></svg>
<article><h1>(16) Das Virus-Update</h1>
<p>Über diese und andere Themen reden wir heute wieder mit Christian Brandt, dem Leiter der Virologie.</p>
<p>NDR Info - Das Virus-Update mit Christian Brandt - 18.03.2020 13:15 Uhr Autor/in: Korinna Hennig</p>
<p><strong>Korinna Hennig: </strong>Wie viele Fälle erwarten Sie in den nächsten Wochen?</p>
<p><strong>Christian Brandt: </strong>Na ja, es ist einfach die Frage, wie viele Fälle auf einmal auftreten.</p>
<p>Und man wird das nicht nur in der Statistik sehen, sondern in den Krankenhäusern.</p>
<h3>Ein psychologischer Verdrängungsmechanismus?</h3>
<p>Und wenn man das von der Hand weisen will, würde ich das psychologisch als Verdrängung einordnen.</p>
<p><strong>Korinna Hennig: </strong>Sind wir in Italien schon in diesem Bereich?</p>
<p><strong>Christian Brandt: </strong>In einem gleichen Auswertungszeitraum, ja, das kann man so sagen.</p>
{CARD}
<p>Also, so ist es ja nicht. Wir müssen Fälle verhindern, und zwar jetzt und nicht erst im Herbst.</p>
<p><strong>Korinna Hennig: </strong>Was steht in der neuen Studie aus London?</p>
<p><strong>Christian Brandt: </strong>Über fünf Monate wird da gerechnet, mit sehr vielen Annahmen.</p>
<h3>On-Off-Mechanismus</h3>
<p>Da wird dann in dieser Veröffentlichung am Ende gesagt, dass man Maßnahmen an- und abschalten kann.</p>
<p><strong>Korinna Hennig: </strong>Vielen Dank für heute!</p>
<p><strong>Christian Brandt: </strong>Gerne, bis zum nächsten Mal.</p>
<p>Dieser Artikel wurde ausgedruckt unter der Adresse: https://www.ndr.de/nachrichten/info/virus-update,podcast140.html</p>
</article></body></html>"""


def test_a_transcripts_subheadings_and_teaser_cards_stand_inside_the_answers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "podcast.html", PODCAST)))
    answers = answers_of(prepared)
    for start in ("Und wenn man das von der Hand weisen", "Also, so ist es ja nicht.", "Da wird dann in dieser"):
        assert any(p.speaker == "Christian Brandt" and start in p.text for p in answers), start
    shown = "\n".join(p.text for p in prepared.passages)
    assert "Was muss jetzt beachtet werden" not in shown and "Weitere Informationen" not in shown
    assert "13:15 Uhr" not in shown
    article = prepared.article
    assert article.publisher == "NDR Info"
    assert article.url == "https://www.ndr.de/nachrichten/info/virus-update,podcast140.html"


def test_a_subheading_over_a_reporters_text_still_ends_the_answer(tmp_path: Path) -> None:
    page = PODCAST.replace("<p>Da wird dann in dieser Veröffentlichung am Ende gesagt, dass man Maßnahmen an- und "
                           "abschalten kann.</p>",
                           "<p>Christian Brandt leitet das Institut seit 2017. Seine Studien werden weltweit "
                           "zitiert.</p>")
    answers = answers_of(read_article(str(write(tmp_path, "podcast.html", page))))
    assert not any("leitet das Institut" in p.text for p in answers)


BLOG = """<html><head><title>Women building the future: Erin Stroud | The Code Blog</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "@id": "https://blog.example.org/p/#webpage", "name": "Women building the future"},
 {"@type": "Article", "@id": "https://blog.example.org/p/#article",
  "headline": "Women building the future: Erin Stroud",
  "author": {"@id": "https://blog.example.org/#/person/91ef"}},
 {"@type": "Person", "@id": "https://blog.example.org/#/person/91ef", "name": "Jessica Rudd"}]}</script>
</head><body><header><form><label for="q">Search by Keyword</label><input id="q"></form></header>
<article><h1>Women building the future: Erin Stroud</h1>
<p><i>Every March we look at women who shape the software we use.</i></p>
<p>Erin Stroud is a software engineer at a rocket company. Born in rural Georgia, Erin taught herself to code.</p>
<h2><b>How would you summarize your career in a single sentence?</b></h2>
<p>My career has been a winding road, and I have learned a variety of languages along the way.</p>
<h2><b>What does leadership mean to you?</b></h2>
<h3>“Leadership is about enabling those around you to be at their healthiest and most effective.”</h3>
<p>I admire leaders who care for their reports as humans, not as lines on a burndown chart.</p>
<h2><b>What are you looking forward to next?</b></h2>
<p>I can’t wait to keep building things with people I like, and to mentor a few of them.</p>
</article></body></html>"""


def test_a_quotation_under_a_question_heading_does_not_end_the_answer(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "blog.html", BLOG)))
    answers = answers_of(prepared)
    assert any(p.speaker == "Erin Stroud" and p.text.startswith("I admire leaders") for p in answers)
    assert [v.name for v in prepared.cast.voices.values() if v.role == "interviewer"] == ["Jessica Rudd"]


def test_a_title_held_twice_and_an_articles_graph_author() -> None:
    meta = metadata.from_html(BLOG, None)
    assert meta.authors == ["Jessica Rudd"]  # (not "Keyword" from the search form's label)
    site = ("<html><head><title>Students on open source · Shardwise - 博客</title></head><body>"
            "<header><h1 class='nav-title'>Shardwise - 博客</h1></header>"
            "<article><h1 class='post-title'>Students on open source</h1></article></body></html>")
    meta = metadata.from_html(site, None)
    assert (meta.title, meta.publisher) == ("Students on open source", "Shardwise - 博客")


SURVEY = """# 债市有泡沫吗？几位首席投资官这样回答

英国一家报纸对几家资管公司的首席投资官进行了调查，了解他们对债券市场的看法。

1

某资管副首席投资官：Vincent Morel

**债券市场存在泡沫吗？**

估值确实过高，因此这可以被视为泡沫。负利率从长期来看是不可持续的。

**央行现在应该做什么？**

各国央行选择空间有限，但如有必要，它们将再次采取行动。

2

某公司固定收益业务全球首席投资官：Rick Rainer

**债券市场存在泡沫吗？**

完全没有泡沫。债券需求已远远超过供应。

**央行现在应该做什么？**

发行更多债券无助于刺激欧洲对资本的需求。
"""


def test_a_survey_credits_each_respondent_named_over_the_questions(tmp_path: Path) -> None:
    answers = answers_of(read_article(str(write(tmp_path, "survey.md", SURVEY))))
    assert [p.speaker for p in answers] == ["Vincent Morel"] * 2 + ["Rick Rainer"] * 2
    assert answers[2].text.startswith("完全没有泡沫。")


def test_profile_fields_are_no_speakers_and_a_cover_credit_is_no_passage(tmp_path: Path) -> None:
    profiles = [("Thanoshan", "斯里兰卡", "萨巴拉加穆瓦大学", "计算机"),
                ("Liangda", "德国", "曼海姆大学", "商业信息学")]
    card = "\n\n".join(f"**{n}**\n\n国家：{c}\n院校：{u}\n专业：{m}" for n, c, u, m in profiles)
    said = [("你们是如何喜欢上软件开发的呢？", "我的专业和软件开发有关，上大学之前就感兴趣。",
             "受专业的影响，我对商业和计算机都感兴趣。"),
            ("你们是怎么知道这个项目的？", "学长学姐都参加过，他们推荐给我。", "我在社区的邮件列表里看到的。"),
            ("你们对新同学有什么建议？", "尽早开始，多读代码。", "不要害怕提问，社区很友好。")]
    turns = "\n\n".join(f"**Q{k}:** {q}\n\n**Thanoshan：**{a}\n\n**Liangda：**{b}"
                         for k, (q, a, b) in enumerate(said, 1))
    prepared = read_article(str(write(tmp_path, "gsoc.md", f"# 同学，开源你怎么看？\n\n{card}\n\n## Q&A\n\n{turns}\n")))
    assert {v.name for v in prepared.cast.voices.values() if v.role == "interviewee"} == {"Thanoshan", "Liangda"}
    assert any("国家：德国" in p.text for p in prepared.passages if p.kind != "answer")  # (facts, as narrative)
    assert chrome.classify("Titelbild: Geyres Christophe/ABACA/picture-alliance") == "credit"
    assert chrome.classify("Titelbild ist schön, sagte er.") is None
