"""Word documents and PDF files as the importer reads them.

A Word document (.docx) becomes HTML by mammoth: its Title and headings as headings, bold and italics, lists,
tables and line breaks kept; its page headers and footers, comments and deleted text left out, as a reader
of the printed page skips them; its footnotes set apart as notes, their marks out of the text. A PDF becomes
text by pdfminer.six, page after page, for the text reader: without the pages' heads and feet (found by
where they stand: at a page's edge, with its number or the same words on other pages), the title set in
the largest type as a heading and bold type in bold.

Both read untrusted files: a Word file whose parts would unpack to more than `MAX_UNPACKED` bytes, or a PDF
of more than `MAX_PAGES` pages, is refused, and any file that cannot be read says so in one sentence.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from html import escape
from typing import Any, NamedTuple
from xml.etree import ElementTree

from bot.importer.public_web import FetchError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPES = ("application/pdf", "application/x-pdf")
MAX_UNPACKED = 64 * 1024 * 1024  # bytes: a Word file's parts unpacked (a zip bomb is refused unread)
MAX_PAGES = 400
STYLE_MAP = "\n".join([  # what mammoth does not map by default: the document's title, in Word's and Writer's names
    "p[style-name='Title'] => h1:fresh",
    "p[style-name='Titel'] => h1:fresh",
    "p[style-name='标题'] => h1:fresh",
    "p[style-name='Subtitle'] => p:fresh",
])
NOTE_MARK = re.compile(r'<sup><a href="#(?:foot|end)note-[^"]*" id="(?:foot|end)note-ref-[^"]*">\[\d+\]</a></sup>')
NOTES = re.compile(r'<ol>(?=<li id="(?:foot|end)note-).*</ol>\s*$', re.S)
CELL_PARAGRAPH = re.compile(r"(<t[dh]\b[^>]*>)<p>((?:(?!</?p>).)*)</p>(</t[dh]>)", re.S)  # a cell of one paragraph
BACK_LINK = re.compile(r'\s*<a href="#(?:foot|end)note-ref-[^"]*">↑</a>')
CORE = {"dc": "http://purl.org/dc/elements/1.1/"}


def docx_html(data: bytes, location: str) -> str:
    """A Word document as an HTML page: its body, and the title its properties give (as `<title>`) where no
    paragraph is set as its Title or first heading."""
    import mammoth

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise FetchError(f"{location}: the Word document unpacks to too much data")
            if "word/document.xml" not in archive.namelist():
                raise FetchError(f"{location}: not a Word document (.docx)")
            title = _core_title(archive)
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP,
                                         convert_image=mammoth.images.img_element(lambda image: {}))
    except FetchError:
        raise
    except Exception:  # a damaged or foreign file: mammoth and zipfile raise many kinds of error
        raise FetchError(f"{location}: the Word document could not be read (is it a .docx file?)") from None
    body = CELL_PARAGRAPH.sub(r"\1\2\3", NOTE_MARK.sub("", result.value))  # (a cell's one paragraph: the cell)
    body = NOTES.sub(lambda m: f'<section class="footnotes">{BACK_LINK.sub("", m.group(0))}</section>', body)
    title = None if "<h1>" in body else title  # (the document's own Title line first: properties are often a draft's)
    head = f"<title>{escape(title)}</title>" if title else ""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">{head}</head>'
            f"<body><article>{body}</article></body></html>")


def _core_title(archive: zipfile.ZipFile) -> str | None:
    """The title in the document's properties (File > Properties), if one is set."""
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return None
    found = root.find("dc:title", CORE)
    text = " ".join((found.text or "").split()) if found is not None else ""
    return text or None


class Printed(NamedTuple):
    """A PDF's text and its pages' heads and feet (each line once, in order), read apart."""

    text: str
    furniture: tuple[str, ...]


def pdf_text(data: bytes, location: str) -> Printed:
    """A PDF's text, page after page, without the pages' heads and feet; the title set in the largest type on
    the first page as a heading ("# …") and text set in a bold face (a label, a question) in bold ("**…**"),
    the marks a reader sees on the printed page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    try:
        pages = [[_lines(box) for box in page if hasattr(box, "get_text") and box.get_text().strip()]
                 for page in extract_pages(io.BytesIO(data), maxpages=MAX_PAGES + 1, laparams=LAParams())]
    except Exception:  # damaged, encrypted or not a PDF at all: pdfminer raises many kinds of error
        raise FetchError(f"{location}: the PDF could not be read (damaged, protected or not a PDF)") from None
    if len(pages) > MAX_PAGES:
        raise FetchError(f"{location}: the PDF has more than {MAX_PAGES} pages")
    sizes: Counter[float] = Counter()  # characters set in each size: the body's is the commonest
    for page in pages:
        for box in page:
            for line in box:
                for text, size, _ in line:
                    sizes[size] += len(text.strip())
    if not sizes:
        raise FetchError(f"{location}: the PDF has no text to read (a scan needs text recognition first)")
    body = sizes.most_common(1)[0][0]
    title = _title_box(pages[0], body) if pages else None
    furniture = _page_furniture(pages)
    out = []
    for number, page in enumerate(pages):
        boxes = [_heading(box) if number == 0 and i == title else "\n".join(_marked(line) for line in box)
                 for i, box in enumerate(page) if (number, i) not in furniture]
        out.append("\n\n".join(b for b in boxes if b.strip()))
    heads = (" ".join(text for text, _, _ in line).strip() for number, i in sorted(furniture)
             for line in pages[number][i])
    return Printed("\n\n".join(page for page in out if page), tuple(h for h in heads if h))


Run = tuple[str, float, bool]  # text, type size, bold
BOLD_FACE = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|[,-](?:b|bd|bol)$", re.I)
TITLE_SIZE = 1.25  # times the body's type: a title set larger
TITLE_MAX = 200  # characters


def _lines(box: Any) -> list[list[Run]]:
    """A text box's lines, each as runs of one size and weight."""
    lines = []
    for line in box:
        runs: list[Run] = []
        size, bold = 0.0, False
        for item in line:
            text = item.get_text()
            if hasattr(item, "fontname"):  # a character (not the spaces and line ends layout analysis adds)
                size, bold = round(float(item.size), 1), bool(BOLD_FACE.search(item.fontname.split("+")[-1]))
            if runs and runs[-1][1] == size and (runs[-1][2] == bold or not text.strip()):
                runs[-1] = (runs[-1][0] + text, size, runs[-1][2])
            else:
                runs.append((text, size, bold))
        lines.append([(t.replace("\n", ""), s, b) for t, s, b in runs if t.replace("\n", "")])
    return lines


PAGE_NUMBER = re.compile(r"(?i)(?:^|\s)(?:page|seite|p\.|s\.)\s*\d{1,4}(?:\s*(?:of|von|/)\s*\d{1,4})?\s*$|"
                         r"^\s*[-–—·]?\s*\d{1,4}\s*(?:/\s*\d{1,4}\s*)?[-–—·]?\s*$|第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?\s*$")
EDGE_LINES = 2  # a page's head or foot is a line or two
EDGE_BOXES = 2  # … in one of the first or last two boxes of the page


def _text(box: list[list[Run]]) -> str:
    return " ".join("".join(text for text, _, _ in line).strip() for line in box).strip()


def _page_furniture(pages: list[list[list[list[Run]]]]) -> set[tuple[int, int]]:
    """(page, box) of the pages' heads and feet: the first or last box of a page, a line or two, that ends in
    its page's number ("Confidential – Page 1", "- 3 -", "第 2 页"), or one of the first or last two boxes
    that another page has at its edge too (the same words, whatever the numbers: "Harbour Mills Heritage
    Society", "Ausgabe 3/2025 · 14", an imprint over the page number; not a label alone, "TQ:")."""
    edges: dict[tuple[int, int], str] = {}
    for number, page in enumerate(pages):
        for i in {0, 1, len(page) - 2, len(page) - 1} if len(page) > 2 * EDGE_BOXES else set():
            if len(page[i]) <= EDGE_LINES:
                edges[(number, i)] = _text(page[i])
    shape = {key: re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).casefold() for key, text in edges.items()}
    pages_with: dict[str, set[int]] = {}
    for (number, _), text in shape.items():
        pages_with.setdefault(text, set()).add(number)
    outer = {(number, i) for number, page in enumerate(pages) for i in (0, len(page) - 1)}
    return {key for key, text in edges.items()
            if (key in outer and PAGE_NUMBER.search(text))
            or (len(shape[key]) >= 3 and len(pages_with[shape[key]]) >= 2 and not re.search(r"[:：]\W*$", text))}


def _title_box(boxes: list[list[list[Run]]], body: float) -> int | None:
    """Which of the first page's text boxes holds its title: the one set in the largest type, well above the
    body's, and short."""
    best: tuple[float, int] | None = None
    for i, box in enumerate(boxes):
        chars = [(size, len(text.strip())) for line in box for text, size, _ in line if text.strip()]
        if not chars:
            continue
        size = max(chars, key=lambda c: c[1])[0]
        if size >= body * TITLE_SIZE and sum(n for _, n in chars) <= TITLE_MAX and (best is None or size > best[0]):
            best = (size, i)
    return best[1] if best else None


def _heading(box: list[list[Run]]) -> str:
    return "# " + " ".join("".join(text for text, _, _ in line).strip() for line in box)


def _marked(line: list[Run]) -> str:
    """A line's text with its bold runs in "**" (spaces kept outside the marks)."""
    out = []
    for text, _, bold in line:
        core = text.strip()
        if bold and len(core) >= 2:
            lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(text)
    return "".join(out).rstrip()
