"""Shapes from the seventeenth blind round (documents written by someone who never saw the importer): a
newsletter e-mail whose questions stand under the magazine's name, a video page with a transcript and a clip
of another voice, an "ask me anything" thread whose sidebar links its moderators first, and a printed
interview as pdftotext lays it out (running heads that swap sides, captions over photo credits, an ad)."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

TURNS = [("Wie trocken ist Brandenburg?", "Trockener, als die meisten glauben. An 61 Prozent der Messstellen sinkt "
                                          "das Grundwasser."),
         ("Wer ist schuld?", "Nicht der Klimawandel allein. Wir haben die Gräben selbst gezogen."),
         ("Was tun Sie selbst?", "Ich sammle Regenwasser in zwei Zisternen mit zusammen 9000 Litern.")]

def _row(inner: str) -> str:
    """One block of an e-mail laid out in tables, as newsletter tools send them."""
    return (f'<tr><td class="px" style="padding:20px 30px"><table role="presentation" width="100%" cellpadding="0" '
            f'cellspacing="0" border="0"><tr><td style="font-family:Georgia,serif">{inner}</td></tr></table></td></tr>')


NEWSLETTER = ('<html><head><title>„Wir haben den Stöpsel gezogen“</title></head><body>'
              '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">' + "".join([
                  _row('<a href="https://news.example.de/c/1">Im Browser ansehen</a>'),
                  _row("<p>Liebe Leserin, lieber Leser,</p><p>in diesem Sommer hat es an 41 Tagen nicht geregnet. "
                       "Unser Interview der Woche lesen Sie heute exklusiv.</p><p>Eine anregende Lektüre wünscht "
                       "Ihnen</p><p><strong>Katrin Möllenhoff</strong><br/>Ressortleiterin Wissen</p>"),
                  _row("<h1>„Wir haben den Stöpsel gezogen“</h1><p>Seit 2018 sinken in Brandenburg die "
                       "Grundwasserstände. Die Hydrologin Friederike Hallberg erklärt, warum.</p>"
                       + "".join(f"<p><strong>LOTSE: {q}</strong></p><p><strong>HALLBERG:</strong> {a}</p>"
                                 for q, a in TURNS)
                       + "<p><strong>LOTSE: Frau Hallberg, wir danken Ihnen für dieses Gespräch.</strong></p>"
                         "<p><em>Das Gespräch führte Jonas Weidlich.</em></p>"),
                  _row('<p>Alle Artikel, alle Ausgaben als E-Paper, jederzeit kündbar.<br/>'
                       '<a href="https://news.example.de/c/2">Jetzt testen ›</a></p>'),
                  _row('<a href="https://news.example.de/c/3">Warum die Sanierung der Strecken hinter dem Zeitplan '
                       'liegt</a>'),
                  _row('<a href="https://news.example.de/c/4">Die Stadt, die zu schnell gewachsen ist</a>'),
                  _row('<a href="https://news.example.de/c/5">Jetzt anhören (38 Min.)</a>'),
                  _row("<p>Sie erhalten diese E-Mail, weil Sie den Newsletter „LOTSE am Freitag“ abonniert haben.</p>"
                       "<p><strong>Impressum</strong></p><p>Geschäftsführung: Henrike Balzer, Dr. Ulf Rasmussen</p>"
                       "<p>Registergericht: Amtsgericht Hamburg, HRA 98765</p>"
                       "<p>© 2024 Lotse Medien GmbH &amp; Co. KG.</p>"),
              ]) + "</table></body></html>")


def test_a_newsletter_whose_questions_stand_under_the_magazines_name(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "newsletter.html", NEWSLETTER)))
    assert prepared.article.publisher == "Lotse"  # the label the questions stand under, named in the notices
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Friederike Hallberg"] * 3
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("Liebe Leserin", "Lektüre wünscht", "Ressortleiterin", "Interview der Woche", "E-Paper",
                   "Jetzt testen", "Sanierung der Strecken", "zu schnell gewachsen", "Jetzt anhören", "Impressum",
                   "Registergericht"):
        assert chrome not in text, chrome
    assert "Seit 2018 sinken" in text  # the article's own intro stays


VIDEO = """<html><head><title>回乡种茶十五年｜对话茶农韦静澜_哔哩哔哩_bilibili</title>
<meta name="author" content="山河访谈社"><meta property="og:title" content="回乡种茶十五年｜对话茶农韦静澜">
</head><body><h1>回乡种茶十五年｜对话茶农韦静澜</h1>
<div class="up-name">山河访谈社</div><div class="desc">本期我们和回乡种茶的茶农韦静澜聊了聊。</div>
<div class="subtitle">
<div class="subtitle-time">01:05</div><div><span>主持人：</span>你是哪一年回来的？</div>
<div class="subtitle-time">01:12</div><div><span>韦静澜：</span>2009年的冬天。那年我二十八岁，在深圳做质检。</div>
<div class="subtitle-time">05:40</div><div><span>主持人：</span>回来时茶园是什么样子？</div>
<div class="subtitle-time">05:47</div><div><span>韦静澜：</span>很难看。最老的一棵树有四百多年，叶子黄黄的。</div>
<div class="subtitle-time">23:10</div><div><span>主持人：</span>你父亲后来怎么看这件事？</div>
<div class="subtitle-time">23:15</div><div><span>韦静澜：</span>他嘴上从来没承认过。</div>
<div class="subtitle-time">23:21</div>
<div><span>【插入片段】韦国良（韦静澜的父亲）：</span>她刚回来那几年，我是真的生气。现在嘛，树是她救回来的。</div>
<div class="subtitle-time">27:35</div><div><span>主持人：</span>以后有什么打算？</div>
<div class="subtitle-time">27:41</div><div><span>韦静澜：</span>想把初制所建起来，预算大概三百八十万。</div>
</div></body></html>"""


def test_a_video_page_credits_its_channel_and_the_clip_of_another_voice(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "video.html", VIDEO)))
    assert prepared.article.publisher == "山河访谈社"  # the channel, not the site that hosts the video
    answers = answers_of(prepared)
    said = {p.text: p.speaker for p in answers}
    assert said["他嘴上从来没承认过。"] == "韦静澜"
    assert said["她刚回来那几年，我是真的生气。现在嘛，树是她救回来的。"] == "韦国良"  # his own words, not hers
    assert not any("23:21" in p.text or "插入片段" in p.text for p in prepared.passages)
    assert next(v for v in prepared.cast.voices.values() if v.name == "韦静澜").confidence != "low"


def _comment(cid: str, user: str, text: str, children: str = "") -> str:
    return (f'<div class="thing comment" id="{cid}"><p class="tagline"><a href="https://forum.example/user/{user}">'
            f'{user}</a></p><div class="usertext-body"><div class="md"><p>{text}</p></div></div>'
            f'<div class="child">{children}</div></div>')


AMA = f"""<html><head><title>I'm Maren Holloway, a glaciologist back from Antarctica. Ask me anything! : IAmA</title>
<meta property="og:title" content="r/IAmA - I'm Maren Holloway, a glaciologist back from Antarctica. Ask me anything!">
<meta property="og:site_name" content="reddit"></head><body>
<div class="side"><h1>MODERATORS</h1><ul><li><a href="https://forum.example/user/AMAwrangler">AMAwrangler</a></li>
<li><a href="https://forum.example/user/coldbrew_mod">coldbrew_mod</a></li></ul></div>
<div class="content"><div class="thing link self"><p class="tagline">submitted by
<a href="https://forum.example/user/IceCoreMaren">IceCoreMaren</a></p>
<div class="usertext-body"><div class="md"><p>Hi! My name is Maren Holloway and I drilled ice cores for 14 months.</p>
</div></div></div>
<div class="commentarea">
{_comment("c0", "AMAwrangler", "Welcome! Please keep questions civil.")}
{_comment("c1", "frostbite_fan", "What was the coldest day?",
          _comment("c2", "IceCoreMaren", "The coldest reading we logged was -61.3°C on July 19, 2024. I was outside "
                   "for twenty minutes swapping a battery."))}
{_comment("c3", "penguin_q", "Did you see any penguins?",
          _comment("c4", "IceCoreMaren", "No. We were far too far inland for any wildlife at all."))}
{_comment("c5", "bread_lover", "What did you eat all winter?",
          _comment("c6", "IceCoreMaren", "Almost everything was frozen, dried or canned. Our cook baked bread every "
                   "single day, which did more for morale than anything else."))}
{_comment("c7", "AMAwrangler", "Reminder: the host signs off at 3pm.")}
</div></div></body></html>"""


def test_an_ama_whose_sidebar_links_its_moderators_first(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ama.html", AMA)))
    article = prepared.article
    assert article.title == "I'm Maren Holloway, a glaciologist back from Antarctica. Ask me anything!"
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Maren Holloway"] * 3  # the poster, named by her own post
    assert answers[0].text.startswith("The coldest reading")
    assert not any("Reminder" in p.text or "civil" in p.text for p in prepared.passages)


def _page(number: int, body: str) -> str:
    foot = "FLIESEN & PLATTEN PRAXIS · Ausgabe 4/2024 · 15. April 2024"
    head = ("      PRAXIS & BETRIEB                         FLIESEN & PLATTEN PRAXIS  Ausgabe 4/2024" if number % 2 == 0
            else "      FLIESEN & PLATTEN PRAXIS  Ausgabe 4/2024                         PRAXIS & BETRIEB")
    feet = f"      {number}    {foot}" if number % 2 == 0 else f"                    {foot}    {number}"
    return f"{head}\n\n{body}\n\n\n{feet}\n"


PRINTED = "\f".join([
    _page(36, """      INTERVIEW · FACHKRÄFTE


         „Wir bilden lieber aus,

         als zu jammern“


      Katrin Oberländer führt die Oberländer Keramik GmbH in dritter Generation. Im Gespräch erklärt sie,
      weshalb
      sie von Bewerbern kein Anschreiben mehr verlangt.


      Katrin Oberländer in der neuen Lehrwerkstatt des Familienbetriebs in Amberg.
                                                                        Foto: Stefan Reitmeier


      Redaktion: Frau Oberländer, wie schaffen Sie elf Auszubildende?

      Oberländer: Indem wir sehr früh anfangen. Wir gehen seit 2017 an jede Mittelschule
      im Landkreis."""),
    _page(37, """      Redaktion: Rechnet sich das?

      Oberländer: Ja. Von den 23 Gesellen, die wir seit 2015 ausgebildet haben, sind 19 noch
      im Betrieb.


      In der Lehrwerkstatt üben die Auszubildenden an zwölf Kojen das Verlegen von Großformaten.
                                                                 Foto: Oberländer Keramik GmbH


      ----------------------------------------------------------------------------------------
                                              ANZEIGE

                    FIXOMAT FLEX S2 – der Flexkleber für Großformate bis 320 cm

                       Jetzt kostenloses Muster anfordern: www.fixomat-bau.de
      ----------------------------------------------------------------------------------------"""),
    _page(38, """      Redaktion: Warum kein Anschreiben?

      Oberländer: Weil es nichts aussagt. Bei uns reicht eine WhatsApp-Nachricht.

      Redaktion: Frau Oberländer, vielen Dank für das Gespräch.

      Das Gespräch führte Jens Patzelt."""),
])


def test_a_printed_interview_as_pdftotext_lays_it_out(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "heft.txt", PRINTED)))
    assert masthead(prepared) == (
        "„Wir bilden lieber aus, als zu jammern“", "Fliesen & Platten Praxis", "2024-04-15")
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Katrin Oberländer"] * 3
    assert [p.question for p in answers][:2] == ["Frau Oberländer, wie schaffen Sie elf Auszubildende?",
                                                 "Rechnet sich das?"]
    assert prepared.cast.voices["Redaktion"].name == "Jens Patzelt"  # not "Bewerbern" from a wrapped line
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("PRAXIS & BETRIEB", "Ausgabe 4/2024", "Lehrwerkstatt des Familienbetriebs", "zwölf Kojen",
                   "FIXOMAT", "Muster anfordern", "als zu jammern"):
        assert chrome not in text, chrome
