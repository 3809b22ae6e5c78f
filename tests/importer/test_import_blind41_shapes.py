"""Shapes from the forty-first blind round (Word and PDF files written by someone who never saw the importer) and
from the fifteenth review of the rules written for them: a two-column magazine page whose two guests answer
under their names while the questions stand in bold without a label, a browser's print of a web page (its address
at every page's foot), a Chinese subtitle "——访…董事长刘振华", and ordinary documents the first rules mishandled
(a person's name or "CONFIDENTIAL" at every page's head, a question label at two pages' tops, "Publisher:" or
"Verlag:" as a real speaker's role, a diary's "Date:" read out in an answer, "By March 2019 …")."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from bot.importer import names
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of, write


def printed(path: Path, pages: list[list[tuple[str, str]]], head: str | None = None, foot: str | None = None,
            size: float = 11) -> Path:
    """A PDF of `pages`, each a list of (face, line): "b" bold, "t" a 24pt title, else regular; `head`/`foot`
    printed at every page's edge ("{n}" for its number)."""
    c = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, 1):
        c.setFont("Helvetica", 9)
        if head:
            c.drawString(72, 800, head.format(n=number))
        if foot:
            c.drawString(72, 40, foot.format(n=number))
        y = 740
        for face, text in lines:
            c.setFont("Helvetica-Bold" if face in ("b", "t") else "Helvetica", 24 if face == "t" else size)
            c.drawString(72, y, text)
            y -= 40 if face == "t" else 28
        c.showPage()
    c.save()
    return path


RUTH = [[("t", "Forty Years on the Night Ward"), ("r", "Ruth Okafor was a night sister at St Bride's for forty years."),
         ("b", "Q: When did you start?"), ("r", "A: In 1968, on the children's ward."),
         ("b", "Q: And in 1974?"), ("r", "A: I moved to the night shift, and stayed there.")],
        [("b", "Q: And in 1981?"), ("r", "A: I became night sister, the first one without a degree."),
         ("b", "Q: What was hardest?"), ("r", "A: The paperwork. We wrote one line in the book, later six forms.")]]


def test_a_persons_name_or_a_status_at_every_pages_head_publishes_nothing(tmp_path: Path) -> None:
    for head in ("Ruth Okafor", "CONFIDENTIAL", "Interview Transcript"):
        prepared = read_article(str(printed(tmp_path / "ruth.pdf", RUTH, head=head, foot="Page {n}")))
        assert not prepared.article.publisher, head
        assert len(answers_of(prepared)) == 4, head  # (not the publication speaking, its answers lost)


def test_a_question_label_at_two_pages_tops_is_no_page_head(tmp_path: Path) -> None:
    pages = [[*RUTH[0][:4], ("b", "Q: And in 1974?"), ("r", "A: I moved to the night shift.")],
             [("b", "Q: And in 1981?"), ("r", "A: I became night sister."), ("b", "Q: Were you paid more?"),
              ("r", "A: No."), ("b", "Q: What was hardest?"), ("r", "A: The paperwork, always the paperwork.")]]
    pages[1], pages[0][4] = [("b", "Q: And in 1974?"), *pages[1][1:]], ("b", "Q: And in 1981?")
    prepared = read_article(str(printed(tmp_path / "ruth.pdf", pages, foot="Page {n}")))
    questions = [p.question for p in answers_of(prepared)]
    assert "And in 1974?" in questions and "And in 1981?" in questions  # (neither dropped as a page head)
    assert "A: No." in [p.text for p in answers_of(prepared)] or "No." in [p.text for p in answers_of(prepared)]


def test_a_browsers_print_gives_the_pages_address(tmp_path: Path) -> None:
    url = "https://www.coastline-ledger.example/interviews/2025/03/14/solberg/"
    prepared = read_article(str(printed(tmp_path / "print.pdf", RUTH, head="3/14/25, 9:05 AM · Forty Years · {n}/2",
                                        foot=url)))
    assert prepared.article.url == url
    assert not any(url in p.text for p in prepared.passages)


def test_a_status_line_on_a_one_page_file_is_no_answer(tmp_path: Path) -> None:
    pages = [[*RUTH[0], *RUTH[1], ("r", "Confidential – internal draft")]]
    prepared = read_article(str(printed(tmp_path / "ruth.pdf", pages)))
    assert not any("Confidential" in p.text for p in prepared.passages)


TWO_GUESTS = """# Die Wärmewende passiert unter der Straße

Geschäftsführerin Katrin Weißhaupt und Netzplaner Jonas Brüggemann erklären, was das für die Stadt bedeutet.

**Frau Weißhaupt, wie viel Geduld verlangen Sie von den Menschen?**

Weißhaupt: Sehr viel, und das wissen wir. Wir verlegen in fünf Jahren so viele Leitungen wie in dreißig davor.

**Herr Brüggemann, warum muss jede zweite Straße aufgerissen werden?**

Brüggemann: Weil Wärme nicht durch die Luft kommt. Eine Leitung braucht einen Graben von einem Meter.

**Bleibt der Anschluss freiwillig?**

Weißhaupt: Ja. Es gibt keinen Anschlusszwang, und den wird es mit mir auch nicht geben.

**Woher soll die Wärme kommen?**

Brüggemann: Aus vielen kleineren Quellen statt aus einer großen, vor allem aus dem Abwasser.

**Und was kostet das?**

Weißhaupt: Kurzfristig nicht mehr als heute. Langfristig hängt es am Gaspreis.

**Wie heizen Sie selbst?**

Brüggemann: Noch mit Gas, ehrlich gesagt.
"""


def test_two_guests_answer_by_name_under_questions_in_bold(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "waerme.md", TWO_GUESTS)))
    assert sorted(prepared.cast.interviewees) == ["Jonas Brüggemann", "Katrin Weißhaupt"]
    assert [p.speaker for p in answers_of(prepared)] == ["Katrin Weißhaupt", "Jonas Brüggemann"] * 3


ROLES = """# Wer liest noch Bücher?

Ein Gespräch über den Buchmarkt mit der Verlegerin Hanna Sommer und dem Buchhändler Paul Grimm.

**Frage:** Wie geht es dem Buchhandel?

**Buchhandel:** Besser als gedacht. Die Leute kommen wieder in die Läden.

**Verlag:** Wir merken das auch, vor allem bei Romanen.

**Frage:** Und die Preise?

**Verlag:** Papier ist teurer geworden, das spüren wir jeden Monat.

**Buchhandel:** Und wir geben es nur zum Teil weiter.
"""


def test_a_publishers_role_label_still_speaks(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "buch.md", ROLES)))
    spoken = {p.text: p.speaker for p in answers_of(prepared)}
    assert spoken.get("Wir merken das auch, vor allem bei Romanen.") == "Verlag"  # (its own turn, not "Buchhandel"'s)
    assert not any("Verlag:" in p.text for p in prepared.passages)


DIARY = """---
title: "Forty Years on the Night Ward"
publisher: "St Bride's Archive"
---

**Q:** Did you keep a diary?

**A:** I did. Here is the first page. Date: Monday, 4 May 1970. Night shift, two babies born, one of them early.

**Q:** And later?

**A:** By March 1975 I had filled nine books. By the end there were forty.

**Q:** Do you still read them?

**A:** Sometimes, at Christmas.
"""


def test_a_diarys_date_read_out_in_an_answer_is_not_the_articles(tmp_path: Path) -> None:
    prepared = read_article(str(write(tmp_path, "diary.md", DIARY)))
    assert prepared.article.published is None or not prepared.article.published.startswith("1970")
    assert any(p.text.startswith("By March 1975") for p in answers_of(prepared))  # no byline


def test_titles_and_subtitles_name_the_guest_not_a_trade() -> None:
    assert names.from_titles(["程序员访谈实录"], "何文静说") == []
    assert names.from_teaser("——访滨江市轨道交通集团董事长刘振华") == ["刘振华"]
