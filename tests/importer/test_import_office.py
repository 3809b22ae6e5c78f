"""Word documents (.docx) and PDF files, as teams keep interviews: written here with python-docx and reportlab,
imported from a file and from a loopback server, and bad files refused with one clear sentence."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from bot.importer import office
from bot.importer.fetch import FetchError, fetch_url, read_file
from bot.importer.office import MAX_UNPACKED, unified
from bot.importer.pipeline import read_article
from tests.importer.documents import answers_of
from tests.pages import PageHandler, PageServer

HEAD = "Harbour Mills Heritage Society – Oral History Project"
FOOT = "Confidential – internal draft"


def word_interview(path: Path, title: str = "Forty Years at the Loom") -> Path:
    """An oral history typed in Word: a Title, the interview's facts in a table, bold labels (full names, then
    initials), a one-word answer followed by more, a soft line break, a page header and footer."""
    doc = WordDocument()
    doc.sections[0].header.paragraphs[0].text = HEAD
    doc.sections[0].footer.paragraphs[0].text = f"{FOOT}   Page 1"
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph("An oral history interview with Margit Lindqvist, conducted by Paul Brenner.")
    table = doc.add_table(rows=2, cols=2)
    for row, (key, value) in zip(table.rows, [("Date", "12 March 2025"), ("Place", "Harbour Mills, weaving shed")],
                                 strict=True):
        row.cells[0].text, row.cells[1].text = key, value

    def turn(label: str, *texts: str) -> None:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(texts[0])
        for text in texts[1:]:
            paragraph.add_run().add_break()
            paragraph.add_run(text)

    turn("Paul Brenner", "Did you always want to work at the mill?")
    turn("Margit Lindqvist", "Yes.")
    doc.add_paragraph("I started in the spring of 1961, when I was sixteen. My aunt worked the carding machines.")
    doc.add_paragraph("")
    turn("PB", "What was the noise like?")
    turn("ML", "Loud. You learned to read lips within a week.", "Nobody could hear a word on the floor.")
    turn("PB", "What did the strike of 1974 change?")
    turn("ML", "We got a proper canteen and a seniority list, and the foremen stopped shouting at the girls.")
    doc.save(path)
    return path


def test_a_word_document_keeps_its_title_speakers_and_answers_and_leaves_out_its_page_furniture(
        tmp_path: Path) -> None:
    prepared = read_article(str(word_interview(tmp_path / "loom.docx")))
    assert prepared.article.title == "Forty Years at the Loom"
    assert list(prepared.cast.interviewees) == ["Margit Lindqvist"]
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Margit Lindqvist"] * 3
    assert answers[0].text.startswith("Yes.") and "spring of 1961" in answers[0].text  # one whole answer
    assert "Loud. You learned to read lips within a week." in answers[1].text
    assert "Nobody could hear a word on the floor." in answers[1].text
    texts = [p.text for p in prepared.passages]
    assert not any(HEAD in t or FOOT in t or "Page 1" in t for t in texts)
    assert not any(t.strip() in {"Date", "Place", "12 March 2025"} for t in texts)  # the facts table: no passage
    assert not any("PB:" in t or "ML:" in t for t in texts)


def test_a_headline_naming_the_one_interviewed_after_interview_is_no_byline(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("Oral History Interview: Margit Lindqvist-Berg (Weaver, 1961–2001)", style="Title")
    doc.add_paragraph("Interview conducted by Paul Brenner on 12 March 2025")
    table = doc.add_table(rows=3, cols=2)
    for row, (key, value) in zip(table.rows, [("Interviewee", "Margit Lindqvist-Berg"), ("Interviewer", "Paul Brenner"),
                                              ("Place", "Harbour Mills")], strict=True):
        row.cells[0].text, row.cells[1].text = key, value
    doc.add_paragraph("Transcript", style="Heading 1")
    for label, text in [("PAUL BRENNER", "Thank you for coming in, Margit. Where did you grow up?"),
                        ("MARGIT LINDQVIST-BERG", "In Harbour Row, the youngest of five, two streets from the mill."),
                        ("PB", "What was the noise like in the weaving shed?"),
                        ("MLB", "Loud. You learned to read lips within a week, and nobody could hear a word."),
                        ("Interviewer", "You mentioned the looms. Were there many women on them?"),
                        ("MLB", "Nearly all of us. The men fixed the looms and the women kept them running."),
                        ("PB", "What did the strike of 1974 change?"),
                        ("Margit", "We got a canteen and a seniority list, and the foremen stopped shouting."),
                        ("PB", "And what would you tell a young weaver today?"),
                        ("MLB", "Look after your hearing. Nobody else will, and you only get the one pair of ears.")]:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)
    doc.save(tmp_path / "ohp.docx")
    prepared = read_article(str(tmp_path / "ohp.docx"))
    assert list(prepared.cast.interviewees) == ["Margit Lindqvist-Berg"]  # (not a writer, as "Interview: …" credits)
    assert [p.speaker for p in answers_of(prepared)] == ["Margit Lindqvist-Berg"] * 5


def test_a_word_document_served_by_url_reads_as_the_file_does(tmp_path: Path, pages: PageServer) -> None:
    data = word_interview(tmp_path / "loom.docx").read_bytes()
    PageHandler.files["/archive/loom.docx"] = (data, "application/vnd.openxmlformats-officedocument."
                                                     "wordprocessingml.document")
    PageHandler.files["/archive/loom-bytes.docx"] = (data, "application/octet-stream")  # a server that does not know
    from_file = read_article(str(tmp_path / "loom.docx"))
    for path in ("/archive/loom.docx", "/archive/loom-bytes.docx"):
        from_url = read_article(pages(path))
        assert [(p.kind, p.speaker, p.text) for p in from_url.passages] == \
            [(p.kind, p.speaker, p.text) for p in from_file.passages]
        assert from_url.article.url is None  # a file on a private machine gives its readers no link


def printed_interview(path: Path, han: bool = False) -> Path:
    """A magazine's interview as a PDF over three pages: its name and issue (or date) at every page's head, the
    page number at the foot, the title in large type, bold labels, an answer that goes on over a page break."""
    if han:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    regular, bold = ("STSong-Light", "STSong-Light") if han else ("Helvetica", "Helvetica-Bold")
    title, head = (("守灯三十年", "海岸人文 · 2025年3月14日") if han else
                   ("Thirty Years on the Rock", "Coastal Life Magazine · Issue 3 · Spring 2025"))
    asker, guest = ("记者：", "林海生：") if han else ("Mara Quint:", "Ines Hallgren:")
    said = (["您是怎么来到灯塔的？", "纯属偶然。1994年我看到一则招聘广告。", "我前任的守灯人只待了一个冬天。",
             "没人想要这份工作，就给了我。", "最难熬的是哪个月？", "二月，补给船靠不了岸。", "您还会留下吗？",
             "直到灯塔自动化，之后再待一阵。"] if han else
            ["How did you come to the lighthouse?", "By accident. I answered an advertisement in 1994.",
             "The keeper before me had left after one winter.", "Nobody wanted the post, so they gave it to me.",
             "What is the hardest month?", "February, when the supply boat cannot land.", "Will you stay?",
             "Until they automate the lamp, and then a little longer."])
    pages = [[("b", asker), ("r", said[0]), ("b", guest), ("r", said[1]), ("r", said[2])],
             [("r", said[3]), ("b", asker), ("r", said[4]), ("b", guest), ("r", said[5])],
             [("b", asker), ("r", said[6]), ("b", guest), ("r", said[7])]]
    c = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, 1):
        c.setFont(regular, 9)
        c.drawString(72, 800, head)
        c.drawString(290, 40, f"- {number} -")
        y = 700
        if number == 1:
            c.setFont(bold, 24)
            c.drawString(72, 740, title)
        for face, text in lines:
            c.setFont(bold if face == "b" and not han else regular, 11)
            c.drawString(72, y, text)
            y -= 30
        c.showPage()
    c.save()
    return path


def test_a_pdf_keeps_its_title_and_labels_and_leaves_out_its_running_heads_and_page_numbers(tmp_path: Path) -> None:
    prepared = read_article(str(printed_interview(tmp_path / "rock.pdf")))
    assert prepared.article.title == "Thirty Years on the Rock"
    assert prepared.article.publisher == "Coastal Life Magazine"  # (its running head; not "Spring", the season)
    assert list(prepared.cast.interviewees) == ["Ines Hallgren"]
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["Ines Hallgren"] * 3
    assert "I answered an advertisement in 1994." in answers[0].text
    assert "Nobody wanted the post, so they gave it to me." in answers[0].text  # (over the page break)
    texts = [p.text for p in prepared.passages]
    assert not any("Coastal Life Magazine" in t or "- 2 -" in t for t in texts)


def test_a_chinese_pdf(tmp_path: Path) -> None:
    prepared = read_article(str(printed_interview(tmp_path / "dengta.pdf", han=True)))
    assert prepared.article.title == "守灯三十年"
    assert (prepared.article.publisher, prepared.article.published) == ("海岸人文", "2025-03-14")  # (its running head)
    assert list(prepared.cast.interviewees) == ["林海生"]
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["林海生"] * 3
    assert "没人想要这份工作" in answers[0].text
    assert not any("海岸人文" in p.text for p in prepared.passages)


def test_a_pdf_served_by_url(tmp_path: Path, pages: PageServer) -> None:
    PageHandler.files["/print/rock.pdf"] = (printed_interview(tmp_path / "rock.pdf").read_bytes(), "application/pdf")
    prepared = read_article(pages("/print/rock.pdf"))
    assert [p.speaker for p in answers_of(prepared)] == ["Ines Hallgren"] * 3


def test_bad_files_are_refused_in_one_sentence(tmp_path: Path, pages: PageServer) -> None:
    (tmp_path / "fake.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as z:  # a zip, but no Word document in it
        z.writestr("content.xml", "<x/>")
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:  # unpacks to far too much
        z.writestr("word/document.xml", b"\0" * (MAX_UNPACKED + 1))
    scan = canvas.Canvas(str(tmp_path / "scan.pdf"))
    scan.rect(72, 72, 400, 600, fill=1)  # a page with no text on it, as a scan without text recognition is
    scan.showPage()
    scan.save()
    expected = {"fake.pdf": "the PDF could not be read", "fake.docx": "the Word document could not be read",
                "other.docx": "not a Word document", "bomb.docx": "unpacks to too much data",
                "scan.pdf": "the PDF has no text to read"}
    for name, reason in expected.items():
        with pytest.raises(FetchError, match=reason) as caught:
            read_file(tmp_path / name)
        assert "Traceback" not in str(caught.value) and len(str(caught.value).splitlines()) == 1
    with pytest.raises(FetchError, match="unsupported file type"):
        read_file(tmp_path / "notes.odt")
    with pytest.raises(FetchError, match="the PDF could not be read"):
        fetch_url(pages("/report.pdf"))


def test_a_word_documents_page_header_names_its_publisher(tmp_path: Path) -> None:
    def draft(path: Path, header: str) -> Path:
        doc = WordDocument()
        doc.sections[0].header.paragraphs[0].text = header
        doc.add_paragraph("Thirty Years on the Rock", style="Title")
        for line in ["Mara Quint: How did you come to the lighthouse?",
                     "Ines Hallgren: By accident. I answered an advertisement in 1994, and nobody else had.",
                     "Mara Quint: What is the hardest month?",
                     "Ines Hallgren: February, when the supply boat cannot land for weeks on end.",
                     "Mara Quint: Will you stay?", "Ines Hallgren: Until they automate the lamp, and a little longer."]:
            doc.add_paragraph(line)
        doc.save(path)
        return path
    magazine = read_article(str(draft(tmp_path / "rock.docx", "Coastal Life Magazine · Issue 3 · Spring 2025")))
    assert magazine.article.publisher == "Coastal Life Magazine"
    about = read_article(str(draft(tmp_path / "about.docx", "INES HALLGREN")))  # whom it is about, not who publishes
    assert not about.article.publisher
    assert not read_article(str(word_interview(tmp_path / "loom.docx"))).article.publisher  # (a project, a status)


def test_a_pdf_that_takes_too_long_to_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = printed_interview(tmp_path / "rock.pdf")
    monkeypatch.setattr(office, "PDF_SECONDS", -1.0)  # (every page over the budget: as a crafted file's would be)
    with pytest.raises(FetchError, match="the PDF takes too long to read") as caught:
        read_file(path)
    assert len(str(caught.value).splitlines()) == 1


def test_a_word_documents_footnotes_are_notes_and_their_marks_leave_the_answer(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("Salt and Light", style="Title")
    for question, answer in [
            ("Where did you learn to blow glass?", "In Murano, at my uncle's furnace, from 1988 on."),
            ("What is the hardest colour to make?", "Red. Gold ruby glass needs real gold, and it sulks in the kiln "
                                                    "for days before it shows its colour."),
            ("Do you still sell in Venice?", "Only through one shop near the Rialto, and only in summer.")]:
        doc.add_paragraph(f"Q: {question}")
        paragraph = doc.add_paragraph()
        for run in answer.replace(", from", "|, from").split("|"):  # (the note's mark goes after a run)
            paragraph.add_run(f"A: {run}" if not paragraph.runs else run)
    doc.save(tmp_path / "plain.docx")
    with_note = add_footnote(tmp_path / "plain.docx", "furnace", "The furnace closed in 2003.")
    prepared = read_article(str(with_note))
    answer = answers_of(prepared)[0].text
    assert "In Murano, at my uncle's furnace, from 1988 on." in answer  # no "[1]" in the quote
    assert not any("The furnace closed in 2003." in p.text for p in answers_of(prepared))


def add_footnote(path: Path, after: str, note: str) -> Path:
    """The Word document at `path` with a footnote after the word `after` (python-docx writes none itself)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    mark = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                at = text.index(after)
                end = text.index("</w:r>", at) + len("</w:r>")
                data = (text[:end] + mark + text[end:]).encode()
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                                    b"</Types>")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes)
    result = path.with_name("with-note.docx")
    result.write_bytes(out.getvalue())
    return result


def test_a_chinese_pdfs_wrapped_paragraphs_subtitle_and_pull_quote(tmp_path: Path) -> None:
    """Chinese print sets a paragraph's first line in by two characters and its lines wide apart (layout
    analysis then gives each line a box of its own); a subtitle "——访…技师孙建平" names the guest; a pull quote in
    large type repeats an answer's words over the name of who said them; a font maps some ideographs to radicals."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size, lead = 10.5, 21
    c = canvas.Canvas(str(tmp_path / "neikan.pdf"))
    c.setFont("STSong-Light", 22)
    c.drawString(72, 760, "二十年磨一刀")
    c.setFont("STSong-Light", size)
    c.drawString(72, 730, "——访数控车间高级技师孙建平")
    y = 690
    paragraphs = [
        "记者：孙师傅，听说大家都叫您“孙一刀”，这个外号是怎么来的？",
        "孙建平：那是好多年前的事了。2009年公司接了一批航空零件的订单，有一个薄壁件怎么加工都变形，合格率不到六成。",
        "我在车床边守了三个晚上，改了七八次刀具角度，最后一刀下去，尺寸全部合格。",
        "记者：您是怎么进入这一行的？",
        "孙：我是2005年从技校毕业进厂的，学的就是车工。刚进厂的时候，跟着师傅王德厚学了三年，天天就是磨刀、对刀、看图纸。",
        "记者：您对年轻人有什么建议？",
        "孙：别怕慢。一刀一刀练出来的手感，机器替代不了。",
    ]
    for paragraph in paragraphs:
        first, rest = paragraph[:38], paragraph[38:]  # (38 characters after the indent, 40 on a full line)
        c.drawString(72 + 2 * size, y, first)
        y -= lead
        while rest:
            c.drawString(72, y, rest[:40])
            rest = rest[40:]
            y -= lead
        if paragraph.startswith("我在车床边"):
            c.setFont("STSong-Light", 16)
            c.drawString(100, y - 6, "“最后一刀下去，尺寸全部合格。”")
            c.setFont("STSong-Light", 8)
            c.drawString(300, y - 24, "孙建平")
            c.setFont("STSong-Light", size)
            y -= 50
    c.showPage()
    c.save()
    prepared = read_article(str(tmp_path / "neikan.pdf"))
    assert list(prepared.cast.interviewees) == ["孙建平"]
    answers = answers_of(prepared)
    assert [p.speaker for p in answers] == ["孙建平"] * 3
    assert "有一个薄壁件怎么加工都变形，合格率不到六成。" in answers[0].text  # (one paragraph over its lines)
    assert "“最后一刀下去" not in "".join(p.text for p in prepared.passages)  # the pull quote: no one's answer
    assert unified("家⻔⼝的⼯地") == "家门口的工地"


def test_a_printed_texts_own_address_is_its_link(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("Thirty Years on the Rock", style="Title")
    doc.add_paragraph("Ines Hallgren has kept the light on Skerry Rock since 1994.")
    for question, answer in [("How did you come to the lighthouse?", "By accident. I answered an advertisement."),
                             ("What is the hardest month?", "February, when the supply boat cannot land."),
                             ("Will you stay?", "Until they automate the lamp, and then a little longer.")]:
        doc.add_paragraph().add_run(question).bold = True
        doc.add_paragraph(answer)
    doc.add_paragraph("Read this interview online: https://coastal-life.example/interviews/hallgren")
    doc.save(tmp_path / "rock.docx")
    prepared = read_article(str(tmp_path / "rock.docx"))
    assert prepared.article.url == "https://coastal-life.example/interviews/hallgren"
    assert not any("Read this interview online" in p.text for p in prepared.passages)


def test_a_headline_in_quotation_marks_is_the_title_not_a_pull_quote(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "heft.pdf"))
    c.setFont("Helvetica-Bold", 24)
    c.drawString(72, 760, "„Wir bilden lieber aus“")
    c.setFont("Helvetica", 11)
    lines = ["Redaktion: Frau Oberländer, wie schaffen Sie elf Auszubildende im Betrieb?",
             "Oberländer: Indem wir sehr früh anfangen, an jeder Mittelschule im Landkreis.",
             "Redaktion: Rechnet sich das für den Betrieb?",
             "Oberländer: Ja. Von den 23 Gesellen, die wir ausgebildet haben, sind 19 noch im Betrieb.",
             "Redaktion: Warum verlangen Sie kein Anschreiben?",
             "Oberländer: Weil es nichts aussagt. Bei uns reicht eine kurze Nachricht."]
    for k, line in enumerate(lines):
        c.drawString(72, 720 - 28 * k, line)
    c.showPage()
    c.save()
    assert read_article(str(tmp_path / "heft.pdf")).article.title == "„Wir bilden lieber aus“"
