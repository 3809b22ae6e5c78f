"""Shapes from the forty-fifth round (real interview pages from the test corpora of main-text extractors and a
school site's saved pages, tried before any rule was written for them; the pages are not kept here): a magazine
that sets each question in italics with the line break inside the emphasis and the answer after it in the same
paragraph, its info boxes (the guest's bio, other articles, anecdotes) between and after the answers, its og:title
"Name: Headline - Site"; a company blog's "Introducing …" Q&A with `Q:`/`A:`; a Chinese CMS page titled
"标题--栏目-站点" with the column's other articles listed by day under the interview."""

from __future__ import annotations

from pathlib import Path

from bot.importer import metadata
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

MAGAZINE = """<html><head><title>Lena Hartwig: Unser wahres Ich - kompass online</title>
<meta property="og:title" content="Lena Hartwig: Unser wahres Ich - kompass online" /></head><body>
<article><h1 class="title-headline">Unser wahres Ich</h1>
<p>Der Mensch ist von Natur aus selbstsüchtig. So heißt es.</p>
<p><em>Stimmt nicht, sagt die Historikerin Lena Hartwig.</em></p>
<p>Ein Blick in die Geschichte zeige: Wir sind viel besser, als wir denken.</p>
<section class="textblock"><div>
<p><em>kompass: Frau Hartwig, ist der Mensch im Grunde gut?<br></em>Lena Hartwig: Im Grunde ja. Wir sind eine
Spezies, die gemocht werden will, und das macht uns meistens freundlich.</p>
<p><em>Wie lässt sich dieses bessere Ich charakterisieren?<br></em>Was uns auszeichnet, ist unsere soziale
Intelligenz. Sie hat uns zur erfolgreichsten Art gemacht.</p>
<p><em>Ein Kritiker nannte Sie eine hoffnungslose Optimistin.<br></em>Das bin ich nicht. Ich will auch keine sein.</p>
</div></section>
<section class="container info-box"><div class="info-box__wrapper">
<p><span>Lena Hartwig, 41,<br></span>ist Historikerin in Utrecht. Ihr Buch erschien 2020 und wurde ein Bestseller.</p>
<p><span><a href="/2019/umsorgen">„Umsorgen, nicht pflegen“ (kompass 08/2019)</a></span><br>Lesen Sie, wie aus einer
Nachbarschaftshilfe ein Pflegedienst wurde.</p>
</div></section>
<section class="textblock"><div>
<p><em>Was ist so falsch am Optimismus?<br></em>Der Optimist sagt: Alles wird gut. Ich setze lieber auf Hoffnung,
denn Hoffnung verlangt, dass wir etwas tun.</p>
</div></section>
<section class="container info-box"><div class="info-box__wrapper">
<p><span>Nervöse Eliten</span><br>Schlagartig berühmt wurde Lena Hartwig 2019 durch einen Auftritt in Davos.</p>
</div></section>
</article></body></html>"""


def test_italic_questions_with_their_break_inside_and_boxes_beside_the_answers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "kompass.html", MAGAZINE)))
    assert prepared.article.title == "Unser wahres Ich"  # (not the og:title with the guest's name and the site)
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Lena Hartwig"}
    assert [p.text.split(".")[0] for p in answers] == ["Im Grunde ja", "Was uns auszeichnet, ist unsere soziale "
                                                       "Intelligenz", "Das bin ich nicht", "Der Optimist sagt: Alles "
                                                       "wird gut"]
    assert answers[1].question == "Wie lässt sich dieses bessere Ich charakterisieren?"
    assert not any("*" in p.text or "?" in p.text.split(".")[0] for p in answers)  # (no question, no stray mark)
    told = [p.text for p in prepared.passages if p.kind != "answer"]
    assert any("ist Historikerin in Utrecht" in t for t in told) and any("Davos" in t for t in told)
    assert not any("Davos" in p.text or "Utrecht" in p.text or "Umsorgen" in p.text for p in answers)
    assert not any("Ein Blick in die Geschichte" in p.text for p in answers)  # (the teaser's, under its italic line)


BLOG = """<html><head><title>Introducing Marcus Obi, New CEO at Tally | Tally Blog</title>
<meta property="og:site_name" content="Tally" /></head><body><article>
<h1>Introducing Marcus Obi, New CEO at Tally</h1>
<p>Tally is thrilled to have Marcus Obi, a long-time customer, as our new chief executive. We asked him a few
questions so you can get to know him.</p>
<p><strong>Q: How does it feel to take the helm?</strong></p>
<p>A: Inspired and humbled. This team built something people love, and my job is to not get in the way.</p>
<p><strong>Q: What is next for the product?</strong></p>
<p>A: Subscriptions. We are moving to a direct offer so customers can sign up in a minute.</p>
<p><strong>Q: Favourite vacation spot?</strong></p>
<p>A: St. Croix, the most beautiful eighty-seven square miles in the world.</p>
</article></body></html>"""


def test_an_introducing_title_names_the_one_who_answers_as_a(tmp_path: Path) -> None:
    answers = answers_of(read_article(str(write(tmp_path, "tally.html", BLOG))))
    assert [p.speaker for p in answers] == ["Marcus Obi"] * 3


COLUMN = """<html><head><title>王蒙：读书是一种风度--读书推荐-某市第一中学</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/c101">读书推荐</a></div>
<div class="content">
<p>著名作家王蒙近日接受记者专访，谈读书与写作。</p>
<p><b>记者：</b>您每天读多少书？</p>
<p><b>王蒙：</b>没有定数，但每天都读，哪怕只读几页。读书是一种风度，也是一种生活方式。</p>
<p><b>记者：</b>您给年轻人推荐什么书？</p>
<p><b>王蒙：</b>先读经典，再读自己喜欢的。经典是大家选过一遍的，不会太差。</p>
<p>读书是一种风度[06-21]</p>
<p>本科留学生的职业规划和交友困惑[05-21]</p>
<p>梦想不只是一个传说[05-13]</p>
</div></body></html>"""


def test_a_columns_title_and_its_list_of_articles_by_day(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "column.html", COLUMN)))
    assert prepared.article.title == "王蒙：读书是一种风度"
    assert not any("[05-21]" in p.text for p in prepared.passages)
    assert answers_of(prepared)[-1].text == "先读经典，再读自己喜欢的。经典是大家选过一遍的，不会太差。"


def test_an_author_the_metadata_gives_in_capitals_is_named_as_the_page_writes_him() -> None:
    page = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Urlaub im "
            "Spessart\", \"author\": {\"@type\": \"Person\", \"name\": \"MORITZ PAPPERT\"}}</script></head><body>"
            "<h1>Urlaub im Spessart</h1><figure><figcaption>Fotos: Moritz Pappert</figcaption></figure></body></html>")
    assert metadata.from_html(page, None).authors == ["Moritz Pappert"]
    assert metadata.from_html(page.replace("Fotos: Moritz Pappert", "Fotos: privat"), None).authors == [
        "Moritz Pappert"]  # (each word capitalised where the text never writes him)
    apostrophe = page.replace("MORITZ PAPPERT", "SEÁN O'BRIEN").replace("Fotos: Moritz Pappert", "Fotos: privat")
    assert metadata.from_html(apostrophe, None).authors == ["Seán O'Brien"]  # (cased as a label in capitals is)
