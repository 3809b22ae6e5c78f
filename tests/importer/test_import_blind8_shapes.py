"""Shapes from the eighth blind round (documents written by someone who never saw the importer): an "ask me
anything" thread (a guest answering users' comments), a panel transcript from a proceedings archive
(key lines among other lines above "TRANSCRIPT", panelists listed under their key, page heads and feet,
"MODERATOR (Name):"), a newspaper's kicker and a date only in its byline, a blog's own footer naming it and
its address, and a magazine's "本文出自" note."""

from __future__ import annotations

from pathlib import Path

from bot.importer import chrome, metadata, thread
from bot.importer.pipeline import read_article
from bot.importer.transcript import header, without_page_furniture
from tests.importer.documents import write


def comment(cid: str, user: str, text: str, inner: str = "") -> str:
    return (f'<div class="forum-comment" id="{cid}"><div class="meta"><a href="/user/{user}/">u/{user}</a> · 3 pts'
            f'</div><div class="comment-body"><p>{text}</p></div><button>Reply</button>{inner}</div>')


ANSWERS = [
    "We measure the gas every morning, and the ratio of carbon to sulfur tells us most of what we need.",
    "A thermocouple in a ceramic sheath lasts about forty seconds in the melt before it cracks.",
    "It pays like any government science job, which is to say fine but not exciting at all.",
    "Swimming goggles, because ash in your eyes is miserable, and a good mask for everyone.",
]


def ama(answers: list[str], post: str = "I'm Dr. Amara Nwosu, a volcanologist. Ask me anything!") -> str:
    threads = "".join(
        comment(f"q{i}", f"asker{i}", f"Question number {i} about the volcano?",
                comment(f"a{i}", "DrAmaraNwosu", a) + comment(f"x{i}", "bystander", "Not OP, but great question."))
        for i, a in enumerate(answers))
    return ("<html><head><title>AMA: volcanologist</title><meta property='og:site_name' content='Threadhall'></head>"
            "<body><article class='post'><p>Posted by <a href='/user/DrAmaraNwosu/'>u/DrAmaraNwosu</a></p>"
            f"<div class='post-body'><p>{post}</p><p><strong>EDIT:</strong> Signing off, thank you all!</p></div>"
            "</article><section class='comments'>"
            + comment("mod", "TheMods", "Welcome! Top-level comments must be questions.")
            + threads + comment("lone", "someone", "Nobody answered this one?") + "</section></body></html>")


def test_an_ask_me_anything_thread_reads_as_questions_and_the_guest_s_answers(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "ama.html", ama(ANSWERS))))
    assert prepared.article.interviewees == ["Amara Nwosu"]  # the name the user name spells, from the post
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert [p.text for p in answers] == ANSWERS and {p.speaker for p in answers} == {"Amara Nwosu"}
    assert answers[1].question == "Question number 1 about the volcano?"
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("Not OP", "Top-level comments", "Nobody answered", "Reply", "3 pts"):
        assert left_out not in text, left_out
    assert "EDIT" not in {p.speaker for p in prepared.passages}


def test_an_article_whose_author_answers_some_comments_stays_an_article() -> None:
    long_post = " ".join(["The interview itself runs long, question after question, answer after answer."] * 40)
    assert thread.read(ama(ANSWERS, post=long_post)) is None
    assert thread.read(ama(ANSWERS[:2])) is None  # two replies make no thread
    assert thread.read("<html><body><p>No comments here.</p></body></html>") is None


PAGE_FOOT = "                  Proceedings of the 2031 Harbour Forum — page {n}\n\fHARBOUR FORUM 2031 · SESSION 2A\n\n"
PANEL = """HARBOUR FORUM 2031 -- PROCEEDINGS ARCHIVE
Transcript series T-31 | Document 2A-TR

SESSION 2A
Dredging the Old Port: Who Decides?

Recorded: 3 June 2031, 10:00-11:00 a.m., Quay Hall
Transcript prepared by the Forum Secretariat from the session audio.

Moderator: Ines Baptiste, Editor, Quay Weekly

Panelists:
  Dr. Tomas Vrba, Professor of Hydrology, Coastal University
  Ada Mensah, Harbour Master, Port of Elmsby

Session abstract:
  Two views on dredging a working harbour.

Permanent URL: https://proceedings.harbourforum.example.org/2031/session-2a

------------------------------------------
TRANSCRIPT
------------------------------------------

MODERATOR (Ines Baptiste):
Welcome, everyone. Tomas, how deep is the harbour today?

DR. TOMAS VRBA:
Four metres at low tide, and it loses about ten centimetres every
{foot1}year, mostly from the river's silt.

BAPTISTE:
Ada, who pays for dredging it?

MENSAH:
The port does, from its mooring fees, and it never has enough for a full season.

{foot2}BAPTISTE:
Tomas, what happens if nobody dredges?

VRBA:
In fifteen years the ferries stop, because they need three metres.

BAPTISTE:
Ada, and then?

MENSAH:
Then the town loses its ferry, and with it most of its winter income.
{foot3}
END OF SESSION

© 2031 Harbour Forum Secretariat.
"""


def panel() -> str:
    return PANEL.format(foot1=PAGE_FOOT.format(n=4), foot2=PAGE_FOOT.format(n=5), foot3=PAGE_FOOT.format(n=6))


def test_a_panel_transcript_from_a_proceedings_archive(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "panel.txt", panel())))
    article = prepared.article
    assert article.title == "Dredging the Old Port: Who Decides?"
    assert (article.publisher, article.published) == ("Harbour Forum", "2031-06-03")
    assert article.url == "https://proceedings.harbourforum.example.org/2031/session-2a"
    assert sorted(article.interviewees) == ["Ada Mensah", "Dr. Tomas Vrba"]
    assert article.interviewers == ["Ines Baptiste"]
    answers = [p for p in prepared.passages if p.kind == "answer"]
    assert len(answers) == 4
    assert answers[0].text == ("Four metres at low tide, and it loses about ten centimetres every year, mostly from "
                               "the river's silt.")  # joined across the page break
    text = "\n".join(p.text for p in prepared.passages)
    for left_out in ("Proceedings of", "SESSION 2A", "Recorded:", "Panelists", "MODERATOR", "END OF SESSION",
                     "Transcript series", "prepared by"):
        assert left_out not in text, left_out
    assert "Two views on dredging a working harbour." in text  # the abstract stays, as narrative


def test_page_heads_and_feet_need_a_changing_page_number() -> None:
    text = panel()
    assert "page 5" not in without_page_furniture(text) and "Quay Hall" in without_page_furniture(text)
    names = "SUSAN HALE\nHello.\n\nWALTER PENHALLOW\nHi.\n\n" * 3  # names over turns repeat, with no number
    assert without_page_furniture(names) == names
    found, _ = header(text)
    assert found["interviewee"] == ["Dr. Tomas Vrba", "Ada Mensah"] and found["interviewer"] == "Ines Baptiste"


def test_a_kicker_a_byline_date_a_blog_footer_and_a_magazine_s_source_note(tmp_path: Path) -> None:
    page = ("<html><head><title>Kaya und Brenner: „Wir streiten nur über den Röstgrad“ | Lahntal-Bote</title>"
            "<meta property='og:site_name' content='Lahntal-Bote'></head><body><article>"
            "<p class='lb-dachzeile'>Kaffeerösterei in der Altstadt</p><h1>Kaya und Brenner</h1>"
            "<div class='byline'><span class='lb-datum'>Dienstag, 08.04.2025, 17:45 Uhr</span></div>"
            + "".join(f"<p><b>LB:</b> Frage {i}?</p><p><b>Kaya:</b> Antwort {i} mit einem ganzen Satz.</p>"
                      for i in range(4))
            + "</article></body></html>")
    article_page = read_article(str(write(tmp_path, "lb.html", page)))
    assert article_page.article.published == "2025-04-08"
    assert all("Kaffeerösterei in der Altstadt" not in p.text for p in article_page.passages)
    meta = metadata.Meta()
    footer = "本文首发于「慢变量」博客，转载请注明出处：https://manbianliang.example/a/1/"
    metadata.from_markdown(meta, f"Text.\n\n---\n\n{footer}\n", None)
    assert (meta.publisher, meta.url) == ("慢变量", "https://manbianliang.example/a/1/")
    meta = metadata.Meta()
    metadata.from_byline(meta, "出处：https://example.com/2025/")
    assert meta.publisher is None  # an address is no publisher's name
    assert chrome.classify("本文出自《未來式》第86期，原標題〈海裡長出來的盒子〉", in_answer=True) == "copyright"
    assert chrome.classify("Proof: photo of me holding a sign at the crater rim") == "link"
