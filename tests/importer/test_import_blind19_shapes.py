"""Shapes from the nineteenth blind round (documents written by someone who never saw the importer): a podcast
page's transcript ("【00:12:31】主持人 阿乔：…"), a social note with emoji-led Q/A, a research transcript with
numbered lines and a header naming who "I" and "B" are, a word processor's export with a draft's slug lines,
a mailing list's archived reply, and an e-book's chapter (XHTML with an epigraph and endnotes)."""

from __future__ import annotations

from pathlib import Path

from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

PODCAST = """<html><head><title>EP.87 在阿勒泰养蜂的第七年 | 小宇宙</title>
<meta property="og:site_name" content="小宇宙"><meta property="og:title" content="EP.87 在阿勒泰养蜂的第七年">
<script type="application/ld+json">{"@type": "PodcastEpisode", "name": "EP.87 在阿勒泰养蜂的第七年",
"partOfSeries": {"@type": "PodcastSeries", "name": "慢车道"}, "datePublished": "2024-03-14"}</script>
</head><body><article><h1>EP.87 在阿勒泰养蜂的第七年</h1>
<p>这一期，阿乔在蜂场里和林岚聊了聊养蜂。</p><p>本期节目由「山野咖啡」特约支持。</p>
<h2>文字稿</h2>
<p>【00:00:48】主持人 阿乔：欢迎收听慢车道，我是阿乔。你来阿勒泰之前是做什么的？</p>
<p>【00:01:05】嘉宾 林岚：我在北京做了九年产品经理。</p>
<p>【00:08:40】阿乔：家里人没反对吗？</p>
<p>【00:08:44】林岚：反对，特别反对。我妈在电话里哭了两次。</p>
<p>【00:24:47】阿乔：那会考虑做直播吗？</p>
<p>【00:24:50】林岚：不会。</p>
<p>【00:30:02】阿乔：最后一个问题，对想来的人有什么建议？</p>
<p>【00:30:10】林岚：先来住一个冬天。</p>
<p>【后期】小北 【封面】阿乔摄于冲乎尔镇</p>
<p>欢迎在评论区留言，也可以发邮件告诉我们你的故事。</p>
</article></body></html>"""


def test_a_podcast_transcript_with_time_codes_in_lenticular_brackets(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "episode.html", PODCAST)))
    assert prepared.article.publisher == "慢车道"  # the show, not the app that hosts it
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert said == [("林岚", "我在北京做了九年产品经理。"), ("林岚", "反对，特别反对。我妈在电话里哭了两次。"),
                    ("林岚", "不会。"), ("林岚", "先来住一个冬天。")]  # "嘉宾 林岚：" and "林岚：": one voice
    assert {v.name for v in prepared.cast.voices.values()} == {"林岚", "阿乔"}
    text = "\n".join(p.text for p in prepared.passages)
    assert "特约支持" not in text and "【后期】" not in text and "评论区留言" not in text and "00:" not in text


NOTE = """<html><head><title>晒了42年纱的梁姨，说手艺是晒出来的 - 小红书</title>
<meta property="og:site_name" content="小红书"></head><body><div class="note-content">
<div class="title">晒了42年纱的梁姨，说手艺是晒出来的</div>
<div class="desc"><p>今年七月跟在场里晒了42年纱的梁惠娟阿姨聊了一个下午。梁姨今年68岁。</p>
<p>🙋‍♀️Q：您是哪一年进晒莨场的？</p><p>💁A：1982年，那年我26岁。</p>
<p>🙋‍♀️Q：香云纱是怎么做出来的？</p><p>💁A：简单讲就是“浸莨、晒莨、过泥”。</p>
<p>📝阿棠注：薯莨是一种长在山里的块茎。</p>
<p>🙋‍♀️Q：会不会下雨就白做了？</p><p>💁A：会。湿了就花了。</p>
<p>🙋‍♀️Q：最后想对大家说什么？</p><p>💁A：手艺不是熬出来的，是晒出来的。</p>
<p>聊完已经快六点了，梁姨还非要塞给我一袋她自己晒的陈皮🍊</p>
</div></div></body></html>"""


def test_a_social_note_with_emoji_led_questions_and_answers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "note.html", NOTE)))
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["梁惠娟"] * 4  # "梁姨" in the title: the one 梁 the page names in full
    assert answers[0].text == "1982年，那年我26岁。"
    text = "\n".join(p.text for p in answers)
    assert "阿棠注" not in text  # the writer's note (her words after the last answer stay in it: only a name ends it)


HEADER = """Transkript Interview B07 – Projekt PfLand

Interview-Nr.: B07
Datum: 14.03.2023
Dauer: 00:19:40
Interviewerin: Johanna Reuter (I)
Befragte: B07, Pseudonym „Karin Weidlich“ (B), 47 Jahre, Pflegefachkraft
Transkribent:in: Mira Oltmanns

"""
TURNS = ["I: Wie sind Sie zur Pflege gekommen? #00:00:41#", "",
         "B: Ich hab 1998 meine Ausbildung abgeschlossen.", "Seit 2009 bin ich im ambulanten Dienst. #00:01:38#", "",
         "I: Wie sieht ein typischer Tag aus? #00:01:44#", "",
         "B: (lacht) Typisch gibt's eigentlich nicht.", "Die Frühtour fängt um halb sechs an. #00:03:05#", "",
         "((Ehemann der Befragten kommt in die Küche))", "",
         "I: Würden Sie das wieder so machen? #00:07:53#", "", "B: Ja. #00:07:54#", "",
         "I: Was wünschen Sie sich? #00:08:10#", "", "B: Mehr Zeit für die Leute. #00:08:30#", ""]
LINES = (HEADER + "\n".join(TURNS * 3)).split("\n")  # (a long interview: the same turns again)
RESEARCH = "\n".join(f"{n:4d}  {line}".rstrip() for n, line in enumerate(LINES, 1))


def test_a_research_transcript_with_numbered_lines(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "b07.txt", RESEARCH)))
    article = prepared.article
    assert (article.title, article.published) == ("Transkript Interview B07 – Projekt PfLand", "2023-03-14")
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Karin Weidlich"}  # "B", as the header names her
    assert answers[0].text == "Ich hab 1998 meine Ausbildung abgeschlossen.\n\nSeit 2009 bin ich im ambulanten Dienst."
    text = "\n".join(p.text for p in prepared.passages)
    assert "#00:" not in text and "((Ehemann" not in text and "Mira Oltmanns" not in text
    assert not any(line[:4].strip().isdigit() for p in prepared.passages for line in p.text.split("\n"))


DOCS = ("""<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style>.c1{font-weight:700}
</style></head><body class="c7 doc-content">
<p class="c2"><span class="c1">DRAFT 3 — for copy desk, do not publish</span></p>
<p class="c2"><span>Slug: KESSELRING-QA | Section: People of the Lakes | Run date: Nov. 2, 2023</span></p>
<p class="c2"><span>Words: 2,180 (target 2,000) — photos in shared folder /Ledger/Winter23/Kesselring</span></p>
<p class="title"><span>“You Don’t Argue With the Lake”</span></p>
<p class="subtitle"><span>Captain Ruth Ann Kesselring on 31 seasons on Lake Superior, from deckhand to master</span></p>
<p class="c2"><span>Interview by Tessa Ormsby for The Freshwater Ledger</span></p>
<p class="c2"><span>[[PHOTO: Kesselring on the deck of the Anders T. Halvorsen, 2016]]</span></p>
<p class="c2"><span>Ruth Ann Kesselring was 23 when she first climbed the ladder of a steamer. Kesselring retired in
2018.</span></p>"""
        + "".join(f'<p class="c2"><span class="c1">Q: {q}</span></p><p class="c2"><span>{a}</span></p>' for q, a in [
            ("Do you remember the first time you saw a laker?", "Oh, absolutely. I was eight."),
            ("Why did you go to sea?", "Honestly? I needed the money.[a]"),
            ("Were you the only woman aboard?", "Yes."),
            ("What do you miss?", "The quiet at four in the morning.")])
        + """<p class="c2"><span>[a]Maybe fold this into the previous Q? Feels like filler in print.</span></p>
</body></html>""")


def test_a_word_processors_export_with_a_drafts_slug_lines(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "draft.html", DOCS)))
    article = prepared.article
    assert (article.title, article.publisher) == ("“You Don’t Argue With the Lake”", "The Freshwater Ledger")
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Ruth Ann Kesselring"] * 4  # named by the deck, not the quoted title
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("DRAFT 3", "Words: 2,180", "[[PHOTO", "Maybe fold this"):
        assert chrome not in text, chrome


ARCHIVE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><HTML><HEAD>
<TITLE> [Lahntal-Geschichte] Re: Interview für den Rundbrief 4/2024 </TITLE></HEAD><BODY BGCOLOR="#ffffff">
<H1>[Lahntal-Geschichte] Re: Interview für den Rundbrief 4/2024</H1>
<B>Hanne Wiesecke</B> <A HREF="mailto:lahntal-geschichte%40lists.example.de">hanne.wiesecke at example.de</A><BR>
<I>Di Okt  8 14:22:51 CEST 2024</I>
<P><UL><LI>Vorherige Nachricht: <A HREF="002117.html">[Lahntal-Geschichte] Suche Foto</A></li></UL><HR>
<!--beginarticle-->
<PRE>Lieber Herr Krumbholz, liebe Listenmitglieder,

wie verabredet schicke ich meine Antworten gleich über die Liste.

Am 01.10.2024 um 09:15 schrieb Matthias Krumbholz:
&gt; Liebe Frau Wiesecke,
&gt;
&gt; 1. Wie sind Sie auf die Idee gekommen, alle Mühlen im oberen Lahntal
&gt; zu erfassen?

Eigentlich durch Zufall. Im Nachlass meines Vaters fand ich eine Karte.

&gt; 2. Wie viele Mühlen stehen in Ihrem Kataster?

Stand heute 143.

&gt; 3. Haben Sie alles allein gemacht?

Nein.

&gt; Herzliche Grüße
&gt; Matthias Krumbholz

Herzliche Grüße aus Biedenkopf
Hanne Wiesecke

--
Dr.-Ing. Hanne Wiesecke
Am Hainbach 12, 35216 Biedenkopf
</PRE>
<!--endarticle-->
<HR><a href="https://lists.example.de/mailman/listinfo/lahntal-geschichte">Mehr Informationen über die
Mailingliste Lahntal-Geschichte</a></BODY></HTML>"""


def test_a_mailing_lists_archived_reply(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "002118.html", ARCHIVE)))
    article = prepared.article
    assert (article.publisher, article.published) == ("Lahntal-Geschichte", "2024-10-08")
    said = [(p.speaker, p.question, p.text) for p in answers_of(prepared)]
    assert said == [
        ("Hanne Wiesecke", "1. Wie sind Sie auf die Idee gekommen, alle Mühlen im oberen Lahntal zu erfassen?",
         "Eigentlich durch Zufall. Im Nachlass meines Vaters fand ich eine Karte."),
        ("Hanne Wiesecke", "2. Wie viele Mühlen stehen in Ihrem Kataster?", "Stand heute 143."),
        ("Hanne Wiesecke", "3. Haben Sie alles allein gemacht?", "Nein.")]
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("Vorherige Nachricht", "schrieb Matthias", "Herzliche Grüße", "Am Hainbach", "Mehr Informationen"):
        assert chrome not in text, chrome


CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><meta charset="UTF-8"/><title>Hands That Remember: Conversations on Vanishing Trades</title></head>
<body><section epub:type="chapter">
<header><p class="chapter-label">Chapter Seven</p><h1 class="chapter-title">Eleven Miles of Rope</h1>
<p class="chapter-subtitle">A conversation with Idris Fenwick-Alder, ropemaker</p></header>
<blockquote class="epigraph" epub:type="epigraph"><p>Lay it long and lay it true, and the sea will do the rest.</p>
</blockquote>
<p class="intro">The ropewalk at Trevenna Yard is 340 yards long. Idris Fenwick-Alder has worked it since 1974.</p>
<p class="q"><i>np  How did you come to it?</i></p><p class="a">Through my uncle Cecil.</p>
<p class="q"><i>np  Have you taken on an apprentice?</i></p><p class="a">Not yet.</p>
<figure><img src="walk.jpg" alt=""/><figcaption>Photograph by Ruth Penhallow</figcaption></figure>
<p class="q"><i>np  Do you still get seasick?</i></p><p class="a">Terribly.<a epub:type="noteref" href="#n1">1</a></p>
<p class="see-also">For the sailmakers who bought Trevenna rope, see Chapter Three.</p>
<section epub:type="endnotes" role="doc-endnotes"><h2>Notes</h2><ol>
<li epub:type="endnote" role="doc-endnote"><p>The Falmouth dredgers still work under sail.</p></li></ol></section>
</section></body></html>"""


def test_an_e_books_chapter(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ch07.xhtml.html", CHAPTER)))
    assert prepared.article.title == "Eleven Miles of Rope"  # the chapter's heading, read past the XML declaration
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["Idris Fenwick-Alder"] * 3  # not "Hands That Remember"
    assert ("Idris Fenwick-Alder", "Not yet.") in said  # an answer over a photo's credit, no caption
    text = "\n".join(p.text for p in prepared.passages)
    for chrome in ("Lay it long", "Chapter Seven", "see Chapter Three", "dredgers still work"):
        assert chrome not in text, chrome
