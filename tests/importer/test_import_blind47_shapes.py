"""Shapes from the forty-seventh round (six real interview pages: a saved WordPress page, a magazine built of page-
builder modules, a product blog, a company blog, a Hugo site's Markdown and a WeChat article kept as Markdown;
tried before any rule was written for them, the pages are not kept here): answers set wholly in italics with the
speaker's first name inside the emphasis; a "Posted by …" credit; text modules between image and quote modules,
of which the main-text extractor keeps only the longest; a page whose og:title is the site's name and whose
address says it is an interview; a Chinese key to the labels ("Q：一条" / "A：杨燕绥") over questions set in bold
twice; WordPress caption shortcodes left in Markdown; a headline's role word before the guest's name, a line above
the interview naming who asked; a reprint's permission line, an app's advert, a box's "Interested in …?"; the
interviewer's segue ("Ok, now for a little fun.") between two turns."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

ITALIC_TURNS = """<html><head><title>People behind the code: Brightline</title>
<meta property="og:site_name" content="The Widget Blog" /></head><body><article>
<h1>People behind the code: Brightline</h1>
<p><em>Brightline builds maps for cyclists, fast.</em></p>
<p>We spoke with Priya Raman, a senior engineer, and Tom Okafor, who leads the web team.</p>
<p><strong>Could you tell us a bit about your background?</strong></p>
<p><em>Tom: I started out making game mods and never stopped. The web was the next thing to mod.</em></p>
<p><em>Priya: I studied physics before I wrote any code. Measuring things is still what I like best.</em></p>
<p><strong>Why did you rebuild the site?</strong></p>
<p><em>Priya: Our pages took nine seconds to load on a train. That is a long time when you are lost.</em></p>
<p><em>Tom: We wanted one code base instead of two, using a </em><a href="https://example.org/adr"><em>decision
record</em></a><em> for every choice we made.</em></p>
<p><strong>What surprised you most?</strong></p>
<p><em>Tom: How little we missed the old features. Nobody asked for the carousel back.</em></p>
<p><strong>Interested in learning more about maps?</strong></p>
<p>Then sign up for our email newsletter to get the latest updates and event announcements.</p>
<p>Posted by Dana Whitfield, Developer Relations, Widget</p>
</article></body></html>"""


def test_answers_wholly_in_italics_with_the_first_name_inside_and_a_post_credit(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "brightline.html", ITALIC_TURNS)))
    answers = answers_of(prepared)
    assert [(p.speaker, p.text.split(".")[0]) for p in answers] == [
        ("Tom Okafor", "I started out making game mods and never stopped"),
        ("Priya Raman", "I studied physics before I wrote any code"),
        ("Priya Raman", "Our pages took nine seconds to load on a train"),
        ("Tom Okafor", "We wanted one code base instead of two, using a decision record for every choice we made"),
        ("Tom Okafor", "How little we missed the old features")]  # (one speaker a passage, never two)
    assert not any(p.text.startswith(("Tom:", "Priya:")) for p in answers)
    assert not any("Posted by" in p.text or "Interested in" in p.text for p in prepared.passages)  # (the box's
    # question over its newsletter, after the last answer)
    assert chrome.classify("Posted by Dana Whitfield, Developer Relations, Widget") == "byline"
    assert chrome.classify("Posted by accident, mostly. Then it stuck.") is None


PARAGRAPH = ("<p>{}</p>")
QA = [("Frau Lindqvist, was war Ihr erster Gedanke nach der Operation?",
       "Dass es nicht nur um mich geht. Mein Sohn war damals zwei Jahre alt, und ich wollte ihn aufwachsen sehen."),
      ("Wie ging es danach weiter?",
       "Langsam. Ich musste das Lesen neu lernen, Buchstabe für Buchstabe, wie ein Schulkind im ersten Jahr."),
      ("Hat Sie die Krankheit verändert?",
       "Ja, ich höre heute besser zu. Früher habe ich immer schon die nächste Antwort im Kopf gehabt."),
      ("Leiden Sie bis heute unter den Folgen?",
       "Mein Gehör ist schwächer geworden, und in lauten Räumen verliere ich schnell den Faden des Gesprächs."),
      ("Spielen Sie noch Theater?",
       "Jeden Abend, wenn ich kann. Die Bühne ist der einzige Ort, an dem ich keine Angst habe."),
      ("Wen bewundern Sie am meisten?",
       "Meine Großmutter. Sie hat zwei Kriege überlebt und nie aufgehört, Witze zu erzählen."),
      ("Was raten Sie jungen Schauspielerinnen?",
       "Sucht euch einen zweiten Beruf, den ihr liebt. Dann müsst ihr keine Rolle annehmen, die euch kleiner macht.")]


def _module(kind: str, inner: str) -> str:
    return f'<div class="editorial-module editorial-module--{kind}"><div class="text">{inner}</div></div>\n'


def test_a_page_built_of_modules_is_read_whole_and_its_address_says_it_is_an_interview(tmp_path: Path) -> None:
    modules = [_module("text", "<p>Es gibt Ereignisse, die ein Leben in zwei Teile schneiden. Für die Schauspielerin "
                               "Mara Lindqvist war es ein Abend im September, an dem ein Blutgefäß in ihrem Kopf "
                               "riss. Heute spielt sie wieder, jeden Abend, und erzählt davon ohne Bitterkeit. Wir "
                               "trafen sie in ihrer Wohnung in Hamburg, zwischen Kisten voller Bücher und Fotos.</p>")]
    for n, (q, a) in enumerate(QA):
        modules.append(_module("text", PARAGRAPH.format(q) + PARAGRAPH.format(a)
                               + (PARAGRAPH.format("Ich wollte leben, um jeden Preis, und das jeden Tag aufs Neue. "
                                                   "Das klingt pathetisch, aber so war es wirklich, Tag für Tag, "
                                                   "Woche für Woche, ein ganzes langes Jahr lang.") * 4
                                  if n == 3 else "")))
        modules.append(_module("image", '<img src="/p.jpg"><div class="info">Kleid: Atelier Nord. Schmuck: '
                                        'Studio Vela</div>'))
    page = (f'<html><head><title>STIL • STIL Magazin</title><meta property="og:title" content="STIL Magazin">'
            f'<meta property="og:site_name" content="STIL Magazin">'
            f'<link rel="canonical" href="https://stil.example/story/interview-mit-mara-lindqvist/"></head>'
            f'<body><header><h1 class="head-title"><a href="/" title="STIL Magazin"></a></h1></header>'
            f'<div class="section content">{"".join(modules)}</div></body></html>')
    prepared = read_article(str(write(tmp_path, "stil.html", page)))
    answers = answers_of(prepared)
    assert {p.speaker for p in answers} == {"Mara Lindqvist"}  # (not the site the og:title names)
    assert [p.text.split(".")[0] for p in answers] == [a.split(".")[0] for _, a in QA]  # every module's answer
    assert [p.question for p in answers] == [q for q, _ in QA]
    assert not any("Kleid" in p.text for p in prepared.passages)  # (the image modules' credits are no part)


LEGEND = """---
title: "一位教授的养老账"
date: 2022-08-17
---

退休年龄，是一个人人关心的问题。我们拜访了正在深圳授课的杨燕绥教授。

****Q：一条****

**A：杨燕绥**

****Q：您为什么提出“延迟退休”？****

**A：**这个问题必须要说。让一个有工作能力的人不工作，是不道德的。

****Q：个人该从几岁开始关注养老？****

**A：**越早越好。三十岁就可以开始做自己的养老金规划了。

****Q：社区养老靠什么？****

**A：**靠家庭医生。家庭医生是全科出身，能跟专科医生对话的。
"""


def test_a_chinese_key_to_the_labels_names_the_answerer_and_doubled_bold_opens_questions(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "yitiao.md", LEGEND)))
    answers = answers_of(prepared)
    assert [(p.speaker, p.question) for p in answers] == [("杨燕绥", "您为什么提出“延迟退休”？"),
                                                          ("杨燕绥", "个人该从几岁开始关注养老？"),
                                                          ("杨燕绥", "社区养老靠什么？")]
    assert answers[0].text.startswith("这个问题必须要说")
    assert not any(p.text.strip() in {"一条", "杨燕绥"} for p in prepared.passages)  # (the key is no turn)


SHORTCODES = """---
title: "林小满｜独立游戏制作人"
date: "2016-07-13"
---

### **介绍一下你自己和所做的工作？**

我叫林小满，做了十年独立游戏，最近在做一款关于灯塔的游戏。

### **你都在使用哪些硬件？**

一台全景相机，这个是真正给大家强烈推荐的利器。

\\[caption id="attachment\\_4920" align="alignnone" width="1920"\\]![2.pic](/i/8.jpg) 我们在广州站上的合影\\[/caption\\]

### **你最想要的利器是什么？**

一间能看海的工作室，早晨的阳光洒在桌子上。

[embed]https://www.youtube.com/watch?v=abc[/embed]
"""


def test_wordpress_caption_shortcodes_leave_the_caption_out_of_the_passages(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "liqi.md", SHORTCODES)))
    texts = [p.text for p in prepared.passages]
    assert not any("caption" in t or "attachment" in t or "合影" in t or "embed" in t for t in texts)
    assert [p.speaker for p in answers_of(prepared)] == ["林小满"] * 3
    assert any(d.text == "我们在广州站上的合影" for d in prepared.dropped)


APOLUT = """<html><head><title>Interview mit Schriftstellerin Jana Roth | nordlicht.net</title>
<meta property="og:title" content="Interview mit Schriftstellerin Jana Roth" />
<meta property="og:site_name" content="nordlicht.net" /><meta name="author" content="Paul Weber" /></head><body>
<article><h1>Interview mit Schriftstellerin Jana Roth</h1>
<p><em>Ein Interview von <strong>Eugen Falk</strong> mit <strong>Jana Roth</strong>.</em></p>
<p>Die Autorin Jana Roth hat einen Kriminalroman geschrieben, den kein Verlag drucken wollte.</p>
<p><strong>Frau Roth, warum wollte kein Verlag Ihr Buch?</strong></p>
<p>Unterm Strich lässt sich das auf zwei Gründe herunterbrechen: das Thema und die Zeit.</p>
<p><strong>Wie viele Leser haben Ihnen geschrieben?</strong></p>
<p>Sehr viele, und zum Teil sehr berührend. Damit hatte ich nicht gerechnet.</p>
<p><strong>Worum geht es in dem Roman?</strong></p>
<p>Um ein Dorf in der Oberpfalz im Sommer 2022, in dem ein Mord geschieht.</p>
<p><strong>Schreiben Sie weiter?</strong></p>
<p>Ja. Das Schreiben ist das, was ich am besten kann.</p>
<p>Wir danken der Autorin für das Recht zur Veröffentlichung dieses Beitrags.</p>
<p>Nordlicht ist auch als kostenlose App für Android- und iOS-Geräte verfügbar! Über unsere Homepage kommen Sie zu
den Stores.</p>
</article></body></html>"""


def test_the_line_naming_who_asked_and_the_role_word_of_the_headline(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "nordlicht.html", APOLUT)))
    assert prepared.cast.interviewees == ["Jana Roth"]  # (not "Schriftstellerin Jana Roth")
    assert prepared.cast.interviewers == ["Eugen Falk"]  # (not the CMS's author field, "Paul Weber")
    assert len(answers_of(prepared)) == 4
    texts = [p.text for p in prepared.passages]
    assert not any("Recht zur Veröffentlichung" in t or "kostenlose App" in t for t in texts)
    assert chrome.classify("Mit freundlicher Genehmigung von Der Freitag.") == "credit"
    assert chrome.classify("Mit freundlicher Genehmigung der Bank konnten wir den Kredit umschulden.") is None
    assert chrome.classify("Our app is also available on iOS now, which took us a year.") is None


SEGUE = """<html><head><title>Meet our CEO | Stride Blog</title></head><body><article><h1>Meet our CEO</h1>
<p>Jun Gaspard became president of Stride last spring.</p>
<h4><strong>Q: What surprised you most about the job?</strong></h4>
<p>A: The number of people you have to keep in the loop, every single day.</p>
<h4><strong>Q: You were named to the 40 Under 40 list. What is that like?</strong></h4>
<p>A: I am honored. I thank my family and the people I work with.</p>
<p>Ok, now for a little fun.</p>
<h4><strong>Q: Where did you grow up?</strong></h4>
<p>A: St. Croix, the most beautiful island in the world.</p>
<h4><strong>Q: Favorite food?</strong></h4>
<p>A: My grandmother's johnnycakes.</p>
</article></body></html>"""


def test_the_interviewers_segue_between_two_turns_is_not_the_answer_before(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "stride.html", SEGUE)))
    answers = answers_of(prepared)
    assert len(answers) == 4 and not any("little fun" in p.text for p in prepared.passages)
    assert answers[1].text == "I am honored. I thank my family and the people I work with."
