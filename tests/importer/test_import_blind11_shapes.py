"""Shapes from the eleventh blind round (documents written by someone who never saw the importer): a
ministry's press conference ("Moderatorin Sabine Kurz:", "Frage (Jens Otte, Weser-Kurier):", "Ministerin
Brückner:"), a council hearing's record ("Chairwoman ALVAREZ. …", a WITNESS list, "- 4 -" page numbers, a
prepared statement), a Medium post (the platform in og:site_name, numbered question headings under a
subtitle), a state-media interview ("问：" questions and bold ones, 【section】 titles, "扫一扫"), a forum
thread saved as Markdown and a Hong Kong radio transcript ("陳教授：")."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, labels, thread, transcript
from bot.importer.markup import paragraphs
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write

PRESS = """<html><head><title>Pressekonferenz zum Landbusgesetz | Bundesministerium für Mobilität</title>
<meta property="og:site_name" content="Bundesministerium für Mobilität"></head><body><article>
<h1>Pressekonferenz zum Landbusgesetz</h1>
<p>Berlin, 12. Februar 2025. Bundesministerin Dr. Katrin Brückner stellte das Gesetz vor.</p>
<p><b>Moderatorin Sabine Kurz:</b> Guten Tag. Die Ministerin beginnt mit einem kurzen Statement.</p>
<p><b>Ministerin Brückner:</b> Vielen Dank. Wer heute im Dorf ohne Auto lebt, lebt nicht gut.</p>
<p><b>Frage (Jens Otte, Weser-Kurier):</b> Reichen die Mittel, Frau Ministerin?</p>
<p><b>Ministerin Brückner:</b> Sie reichen für den Anfang, und wir werden nachsteuern.</p>
<p><b>Frage (Aylin Demir, dpa):</b> Wann fahren die ersten Busse?</p>
<p><b>Ministerin Brückner:</b> Im Sommer 2026 in den ersten Landkreisen, wenn alles gut geht.</p>
<p><b>Zusatzfrage (Aylin Demir, dpa):</b> Und die Fahrer?</p>
<p><b>Ministerin Brückner:</b> Die bilden wir aus, mit einem eigenen Programm der Länder.</p>
</article></body></html>"""


def test_role_and_office_labels_name_the_people(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "presse.html", PRESS)))
    assert prepared.article.interviewees == ["Katrin Brückner"]
    assert set(prepared.article.interviewers) == {"Sabine Kurz", "Jens Otte", "Aylin Demir"}
    answers = answers_of(prepared)
    assert len(answers) == 4 and answers[2].question == "Wann fahren die ersten Busse?"


def test_a_chinese_family_name_and_title_is_the_person_the_page_names(tmp_path: Path) -> None:
    turns = "".join(f"<p>[0{i}:12] 主持：第{i}個問題係乜嘢？</p>"
                    f"<p>陳教授：第{i}個答案，其實好簡單，城市太熱，因為石屎吸咗好多熱。</p>" for i in range(4))
    page = ("<html><head><title>熱島下的劏房：陳嘉儀教授談城市降溫 | 香港城市電台</title>"
            "<meta property='og:site_name' content='香港城市電台'></head><body><article><h1>熱島下的劏房</h1>"
            f"<p>主持人梁志恒今集邀請到城市大學陳嘉儀教授，分享佢對城市降溫嘅研究。</p>{turns}</article></body></html>")
    prepared = read_article(str(write(tmp_path, "radio.html", page)))
    assert prepared.article.interviewees == ["陳嘉儀"]
    assert {p.speaker for p in answers_of(prepared)} == {"陳嘉儀"}


HEARING = """HARBOUR CITY COUNCIL

COMMITTEE ON PUBLIC WORKS


        HEARING ON THE BRIDGE REPAIR
          PROGRAM OF THE PORT AUTHORITY


                 Thursday, March 6, 2025


COMMITTEE MEMBERS PRESENT:

     Councilmember Rosa Alvez, Chairwoman
     Councilmember Peter Brand

STAFF PRESENT:

     Miriam Tse, Committee Counsel

WITNESS:

     Dr. Hanne Lindberg, Director of the Port Authority


                         - 1 -

     Chairwoman ALVEZ. Good morning. I welcome our witness, Dr. Hanne Lindberg. Doctor, please begin.

     Dr. LINDBERG. Thank you, Madam Chair. I will read a short statement.

     [The prepared statement of Dr. Lindberg follows:]

     PREPARED STATEMENT OF DR. HANNE LINDBERG

     Three of our bridges need new bearings, and the work has started on the first.

     Chairwoman ALVEZ. When will the last bridge be finished?

     Dr. LINDBERG. At the current pace, the end of 2030.

                         - 2 -

     Mr. BRAND. The loan is at 1.9 percent, fixed, for the full term?

     Dr. LINDBERG. Correct.

     Mr. BRAND. What does a bearing cost now?

     Dr. LINDBERG. About two hundred thousand dollars each, installed,
     and the price has stopped rising.

                         - 3 -

     Chairwoman ALVEZ. Thank you, Doctor. The hearing is adjourned.
"""


def test_a_hearing_record(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "hearing.txt", HEARING)))
    article = prepared.article
    assert article.title == "HEARING ON THE BRIDGE REPAIR PROGRAM OF THE PORT AUTHORITY"
    assert (article.publisher, article.published) == ("Harbour City Council", "2025-03-06")
    assert article.interviewees == ["Hanne Lindberg"] and set(article.interviewers) == {"Rosa Alvez", "Peter Brand"}
    answers = answers_of(prepared)
    assert answers[1].text == "Three of our bridges need new bearings, and the work has started on the first."
    assert any(p.text == "Correct." and p.question.endswith("for the full term?") for p in answers)
    assert answers[-1].text.endswith("installed, and the price has stopped rising.")  # across no page number
    text = "\n".join(p.text for p in prepared.passages)
    assert "- 2 -" not in text and "PREPARED STATEMENT" not in text and "COMMITTEE" not in text


def test_record_labels_need_two_that_recur() -> None:
    once = paragraphs("Visit NASA. The site has more.\n\nSome text.\n\nAsk ESA. They know.")
    assert not labels.find_marks(once)
    found, _ = transcript.header("TITLE\n\nWITNESS:\n\n     Ann Lee\n\nJust text after it.\n")
    assert found == {}  # one key, however listed, is no header


MEDIUM = """<html><head><title>An interview with founder Priya Rao | The Build Log | Medium</title>
<meta property="og:site_name" content="Medium">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "An interview with founder Priya Rao",
"publisher": {"@type": "Organization", "name": "The Build Log"}, "datePublished": "2025-02-18"}</script>
</head><body><article><h1>An interview with founder Priya Rao</h1>
<h2>How a warehouse startup survived an ugly first prototype</h2>
<p>Member-only story</p>
<p>Priya Rao is the co-founder of a robotics startup in Eindhoven.</p>
<h2>1. What got you into robotics?</h2><p>My grandmother's sewing machine, honestly.</p>
<h2>2. How did the company start?</h2><p>In a rented garage with three of us and a secondhand arm.</p>
<h2>3. Tell us about the first prototype.</h2><p>It was ugly, and we called it Gus.</p>
<h2>4. What comes next?</h2><p>A second office, in Lyon, next spring.</p>
</article></body></html>"""


def test_a_platform_is_no_publisher_and_a_subtitle_no_question(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "medium.html", MEDIUM)))
    assert prepared.article.publisher == "The Build Log"
    answers = answers_of(prepared)
    assert answers[0].question == "1. What got you into robotics?"
    assert not any("co-founder" in p.text for p in answers)  # the intro after the subtitle is no answer
    assert not any("Member-only" in p.text for p in prepared.passages)


XINHUA = """<html><head><title>专访：让科研成果走上货架——访研究院院长周明远-新华网</title></head><body><article>
<h1>专访：让科研成果走上货架——访研究院院长周明远</h1>
<p>新华社北京3月5日电（记者 许晴）作为全国人大代表，研究院院长周明远今年带来了关于中试的建议。</p>
<p><strong>【成果转化怎么走】</strong></p>
<p><strong>问：您这次带来的建议主要关注什么问题？</strong></p><p>我这次重点关注的是科技成果转化的问题。</p>
<p><strong>中试为什么这么重要？</strong></p><p>打个比方，实验室做出来的是一道菜，中试要解决的是量产。</p>
<p><strong>【青年人才要压担子】</strong></p>
<p><strong>问：您自己有没有过想放弃的时候？</strong></p><p>有过，而且不止一次。</p><p>后来我们坚持了下来。</p>
<p><strong>研究院现在有多少年轻科研人员？</strong></p><p>我们院现在有一千二百多名科研人员。（完）</p>
<p>扫一扫，用手机看新闻！</p>
</article></body></html>"""


def test_labelled_and_bold_questions_together_and_bracketed_section_titles(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "xinhua.html", XINHUA)))
    answers = answers_of(prepared)
    assert [p.question for p in answers] == ["您这次带来的建议主要关注什么问题？", "中试为什么这么重要？",
                                           "您自己有没有过想放弃的时候？", "研究院现在有多少年轻科研人员？"]
    assert {p.speaker for p in answers} == {"周明远"}
    assert answers[2].text == "有过，而且不止一次。\n\n后来我们坚持了下来。"  # no 【section title】 inside
    assert chrome.classify("扫一扫，用手机看新闻！") == "follow"


FORUM = """Forum › Stadtimkerei Leipzig e.V. › Interviews

# Interview der Woche: Dr. Ulla Sand über Stadthonig

**moderator_kai** — 3. April 2025, 19:04

Diesmal habe ich mit Dr. Ulla Sand gesprochen, die seit zwanzig Jahren imkert.

**Kai:** Wie bist du zu den Bienen gekommen?

**Dr. Ulla Sand:** Über meinen Großvater, ganz klassisch, im Erzgebirge.

**Kai:** Wie viele Völker hast du?

**Ulla:** Sieben, und das ist schon eines zu viel.

**Kai:** Hast du einen Lieblingshonig?

**Ulla:** Lindenhonig aus der Südvorstadt, ohne Frage.

Vielen Dank, Ulla, für das Gespräch!

❤️ 14

Antworten

**gartenfee72** — 3. April 2025, 21:15

Toller Beitrag! Bei mir blüht die Katzenminze schon seit drei Jahren.

**imker_jonas** — 4. April 2025, 08:12

Danke für das Interview.
"""


def test_a_forum_thread_saved_as_markdown(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "forum.md", FORUM)))
    article = prepared.article
    assert (article.publisher, article.published) == ("Stadtimkerei Leipzig e.V.", "2025-04-03")
    answers = answers_of(prepared)
    assert len(answers) == 3 and answers[-1].text == "Lindenhonig aus der Südvorstadt, ohne Frage."
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("Katzenminze", "gartenfee72", "❤️", "Antworten", "Forum ›"):
        assert left_out not in text, left_out
    assert not any("Vielen Dank" in p.text for p in answers)  # the host's thanks end her last answer
    assert thread.first_post("**anna** — 3. April 2025\n\nText.\n")[1] is None  # one post: no thread
