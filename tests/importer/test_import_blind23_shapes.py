"""Shapes from the twenty-third blind round (documents written by someone who never saw the importer): a
microblog's long post (its headline repeated as a "name：words" line, "#话题#" tags, an editor's bracketed note,
readers' comments under it, "本文首发于「…」"), a transcription service's export (its own name over a header of
fields, a speaker legend, its footer), a page laid out in tables (a question in one cell, the answer's paragraphs
in the next, a definition list of questions, a one-off voice named by the intro's legend), and a print interview
as pdftotext gives it (form feeds, page numbers and running feet on lines of their own, questions set apart by
nothing but their "?", a "Zur Person" box and an ad page inside answers, the date in a reprint line)."""

from __future__ import annotations

from pathlib import Path

from bot.importer.extract import leading_runs
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, masthead, write

POST = """<html><head><meta charset="utf-8"><title>对话陶艺人林远山：泥巴不说谎</title>
<meta property="og:title" content="对话陶艺人林远山：泥巴不说谎">
<link rel="canonical" href="https://weibo.com/ttarticle/p/show?id=1"></head><body>
<div class="article"><div class="title">对话陶艺人林远山：泥巴不说谎</div>
<div class="info">发布于 2024-03-02 10:05 | 阅读 3.1万</div>
<p>编者按：林远山在景德镇做了二十年陶。我们在他的窑边聊了一个下午。</p>
<p><strong>Q1：你为什么回景德镇？</strong></p>
<p>A1：因为我爸的窑没人烧了。</p>
<p>我本来在深圳做设计，回来以后才知道烧窑有多难。</p>
<p><strong>Q2：网上说你的杯子太贵，你怎么看？</strong></p>
<p>A2：贵是因为一窑只成一半。</p>
<p><a href="https://s.weibo.com/weibo?q=%23x%23">#手艺人#</a> 这个话题下面吵得很凶，我觉得吵一吵挺好。</p>
<p>（采访当天，他的父亲林国华一直在院子里揉泥，偶尔插一句：“他比我耐心。”）</p>
<p><strong>Q3：下一步做什么？</strong></p>
<p>A3：做一套给小饭馆用的碗，便宜一点，耐摔一点。</p>
<p>本文首发于「慢火访谈」，转载请私信授权。</p>
<div class="comments">
<div class="c"><a href="/n/a">青柠不加糖</a>：杯子真的好看，就是买不起</div>
<div class="t">3-02 11:20 来自江西</div>
<div class="c"><a href="/n/b">阿木木</a>：“贵是因为一窑只成一半”，懂了</div>
<div class="t">3-02 12:41 来自上海</div>
</div></div></body></html>"""


def test_a_microblog_post_with_its_headline_tags_note_and_comments(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "post.html", POST)))
    said = answers_of(prepared)
    assert {p.speaker for p in said} == {"林远山"}  # not "对话陶艺人林远山", the headline read as a label
    assert "这个话题下面吵得很凶" in said[1].text and said[1].text.count("#手艺人#") == 1  # a tag, no heading
    assert "采访当天" not in said[1].text  # the editor's bracketed note: narrative, not the answer
    assert any(p.kind == "narrative" and p.text.startswith("（采访当天") for p in prepared.passages)
    assert prepared.article.publisher == "慢火访谈"  # where it says it first appeared, not "weibo"
    assert not any("买不起" in p.text or "来自上海" in p.text for p in prepared.passages)  # readers' comments


EXPORT = """Transcrivo — Transcript
==============================
File name:   ep7_lighthouse_final.mp3
Title:       Keepers Ep. 7 - "The Last Lamp" (Ruth Abernethy)
Duration:    00:21:40
Date:        2024-06-03
Turnaround:  Express (12h)
Order #:     TR-55-1201

Speaker legend
  Speaker 1 = Owen Price (Host)
  Speaker 2 = Ruth Abernethy (Guest)
==============================

Speaker 1 (00:00:02):
Welcome to Keepers. My guest kept the Skerry light for nineteen years. Ruth, why did you apply?

Speaker 2 (00:00:15):
Because my father did it before me, and I could not imagine anyone else in that tower.

Speaker 1 (00:01:02):
Do you still go out there?

Speaker 2 (00:01:05):
Every spring.

Speaker 1 (00:01:07):
What do you do there?

Speaker 2 (00:01:10):
I paint the door. Nobody asks me to, but the salt eats it every winter.

------------------------------
Transcribed by Transcrivo (transcrivo.example). Verified transcripts from $1/min.
Timestamps are approximate. Speaker names were supplied by the customer.
"""


def test_a_transcription_services_export(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ep7.txt", EXPORT)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert [who for who, _ in said] == ["Ruth Abernethy"] * 3
    assert said[1][1] == "Every spring."  # a short answer to a question: kept (the host is known from the legend)
    roles = {v.name: v.role for v in prepared.cast.voices.values()}
    assert roles["Owen Price"] == "interviewer"
    assert prepared.article.publisher != "Transcrivo"  # the service that typed it up publishes nothing
    texts = " ".join(p.text for p in prepared.passages)
    for chrome in ("File name", "Order #", "Turnaround", "Speaker 1 =", "Transcrivo", "Timestamps are approximate"):
        assert chrome not in texts


TABLES = """<html><head><title>Marsh Friends :: Bulletin 12 :: Counting the Curlews</title></head><body>
<table width="760"><tr>
<td width="150"><a href="/">Home</a><br><a href="/join">Join us</a><br><a href="/news">News</a></td>
<td width="600">
<font size="5"><b>Counting the Curlews</b></font><br>
<p>Bulletin editor Hal Moss talked to our survey lead, with a word from the warden. HM = Hal Moss,
NR = Nia Rees, PW = Pat Webb.</p>
<table width="100%" cellpadding="6">
<tr><td><font size="2"><b>HM: How many pairs nested this year?</b></font></td>
<td><font size="2"><b>NR:</b> Fourteen pairs, up from nine.<br><br>Most of them on the east meadow.</font></td></tr>
<tr><td><font size="2"><b>HM: Why the east meadow?</b></font></td>
<td><font size="2"><b>NR:</b> It floods in March and stays wet.<p>That keeps the foxes out.</p></font></td></tr>
<tr><td><font size="2"><b>HM: Pat, has the grazing changed?</b></font></td>
<td><font size="2"><b>PW:</b> We moved the cattle off in April, which the birds like.</font></td></tr>
<tr><td><font size="2"><b>HM: What would you ask members to do?</b></font></td>
<td><font size="2"><b>NR:</b> Keep dogs on leads along the bank path.</font></td></tr>
</table>
<table><tr><td><i>"It floods in March and stays wet."</i></td></tr></table>
<p><i>Nia Rees counting chicks on the east meadow, May 2003. Photo: P. Webb</i></p>
<dl>
<dt><b>Do volunteers still count by hand?</b></dt><dd>Yes, with clickers and a notebook.</dd>
<dt><b>What surprised you most?</b></dt><dd>A pair nesting right by the car park.</dd>
</dl>
<p>Page address: http://www.marshfriends.example/bulletin/12/curlews.htm</p>
</td></tr></table></body></html>"""


def test_a_page_laid_out_in_tables(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "curlews.html", TABLES)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    texts = [t for _, t in said]
    assert any(t.startswith("Fourteen pairs, up from nine.") and "east meadow" in t for t in texts)
    assert ("Pat Webb", "We moved the cattle off in April, which the birds like.") in said  # one turn, in the legend
    assert ("Nia Rees", "Yes, with clickers and a notebook.") in said  # a <dl> question answered by the main guest
    assert ("Nia Rees", "A pair nesting right by the car park.") in said
    title, publisher, _ = masthead(prepared)
    assert (title, publisher) == ("Counting the Curlews", "Marsh Friends")  # "Site :: Section :: Headline"
    assert prepared.article.url == "http://www.marshfriends.example/bulletin/12/curlews.htm"
    assert not any("Photo: P. Webb" in p.text for p in prepared.passages)  # the caption with its credit


def test_a_blocks_leading_bold_run_stands_as_a_paragraph() -> None:
    """trafilatura drops a block's first bold element and the text after it: it is set in a paragraph first."""
    page = "<html><body><div><b>NR:</b> Fourteen pairs.<br><br>Most on the east meadow.</div></body></html>"
    assert "<p><b>NR:</b> Fourteen pairs.<br><br>Most on the east meadow.</p>" in leading_runs(page)
    plain = "<html><body><div>Fourteen <b>pairs</b>.</div></body></html>"
    assert leading_runs(plain) == plain  # text first: trafilatura keeps it, nothing to do


PRINTED = "\f".join([
    """VERBAND AKTUELL

INTERVIEW

„Ohne Lehrlinge keine Wende“

Seit Mai führt Anja Brehm den Landesverband der Dachdecker.
Ein Gespräch über Nachwuchs und Solardächer.

Frau Brehm, warum haben Sie das Amt übernommen?

Weil es sonst keiner gemacht hätte. Im Ernst: Ich wollte,
dass die kleinen Betriebe eine Stimme haben.

Was ist Ihr wichtigstes Ziel?

Mehr Lehrlinge. Wir haben im letzten Jahr nur 90 neue
Verträge gezählt.

21

Dach & Wand 2/2024
""",
    """Im Gespräch mit Anja Brehm

Zur Person

Anja Brehm (49) ist Dachdeckermeisterin und führt einen
Betrieb mit zwölf Beschäftigten in Kassel.

Das reicht nicht. Wer soll die Dächer in zehn Jahren
decken?

Woran liegt das?

Am Image. Viele denken bei Dachdeckern nur an Kälte und
Regen, nicht an Solartechnik und an

Dach & Wand 2/2024

22
""",
    """VERBAND AKTUELL

Wärmepumpen auf dem Garagendach.

Und wie wollen Sie das ändern?

Mit Schnuppertagen auf echten Baustellen. Wer einmal
oben war, weiß, ob das etwas für ihn ist.

23

Dach & Wand 2/2024
""",
    """ANZEIGE

Zu viel Schiefer im Lager?

SCHIEFERHOF kauft an. Fair und schnell.

Abholung im ganzen Land, Ankauf von Restposten aller Art
und faire Preise: www.schieferhof.example

SCHIEFERHOF – weil Schiefer zu schade für den Hof ist.
""",
    """Im Gespräch mit Anja Brehm

Brauchen Sie dafür Geld vom Land?

Ja, für die Fahrten und die Versicherung der Schüler.
Das sind keine großen Summen.

Letzte Frage: Und die Solarpflicht?

Die kommt, und wir sind bereit.

Das Gespräch führte Uwe Lenz.

Sonderdruck aus Dach & Wand 2/2024, erschienen am
14. Juni 2024. Nachdruck nur mit Genehmigung der Redaktion.

Dach & Wand 2/2024

25
"""])


def test_a_print_interview_as_pdftotext_gives_it(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "brehm.txt", PRINTED)))
    said = [(p.speaker, p.text) for p in answers_of(prepared)]
    assert {who for who, _ in said} == {"Anja Brehm"}
    texts = [t for _, t in said]
    assert texts[0].startswith("Weil es sonst keiner gemacht hätte.")
    assert any(t.startswith("Mehr Lehrlinge.") and t.endswith("Wer soll die Dächer in zehn Jahren decken?")
               for t in texts)  # the answer goes on after the box; its own "?" asks no one
    assert not any("Zur Person" in t or "(49)" in t for t in texts)  # the box: narrative, not the answer
    assert any(p.kind == "narrative" and p.text.startswith("Anja Brehm (49)") for p in prepared.passages)
    assert any(t.startswith("Am Image.") and t.endswith("an Wärmepumpen auf dem Garagendach.") for t in texts)
    assert any(t.startswith("Mit Schnuppertagen") for t in texts)  # (across the page break, no heads between)
    everything = " ".join(p.text for p in prepared.passages)
    for chrome in ("SCHIEFERHOF", "Zu viel Schiefer", "Dach & Wand", "VERBAND AKTUELL", "Nachdruck", "Im Gespräch mit"):
        assert chrome not in everything
    assert masthead(prepared)[1:] == ("Dach & Wand", "2024-06-14")  # the running foot; the reprint line's date
