"""Word documents and PDF files as the importer reads them.

A Word document (.docx) becomes HTML by mammoth: its Title and headings as headings, bold and italics, lists,
tables and line breaks kept; its page headers and footers, comments and deleted text left out, as a reader
of the printed page skips them; its footnotes set apart as notes, their marks out of the text. A PDF becomes
text by pdfminer.six, page after page, for the text reader: without the pages' heads and feet (found by
where they stand: at a page's edge, with its number or the same words on other pages; read apart, for the
publisher, the date and a printed address), its title (the first page's largest type) as a heading, bold type
in bold, pull quotes in large type left out, the lines of a paragraph that layout analysis set apart joined
again, and ideographs a font maps to radicals read as the ideographs shown.

Both read untrusted files: a Word file whose parts would unpack to more than `MAX_UNPACKED` bytes, or a PDF
of more than `MAX_PAGES` pages or whose pages take over `PDF_SECONDS` to read, is refused, and any file that
cannot be read says so in one sentence.
"""

from __future__ import annotations

import io
import logging
import re
import time
import unicodedata
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
PDF_SECONDS = 60  # reading a PDF's pages takes at most this long (checked after each page)
STYLE_MAP = "\n".join([  # what mammoth does not map by default: the document's title, in Word's and Writer's names
    "p[style-name='Title'] => h1.title:fresh",
    "p[style-name='Titel'] => h1.title:fresh",
    "p[style-name='标题'] => h1.title:fresh",
    "p[style-name='Subtitle'] => p:fresh",
])
NOTE_MARK = re.compile(r'<sup><a href="#(?:foot|end)note-[^"]*" id="(?:foot|end)note-ref-[^"]*">\[\d+\]</a></sup>')
NOTES = re.compile(r'<ol>(?=<li id="(?:foot|end)note-).*</ol>\s*$', re.S)
CELL_PARAGRAPH = re.compile(r"(<t[dh]\b[^>]*>)<p>((?:(?!</?p>).)*)</p>(</t[dh]>)", re.S)  # a cell of one paragraph
BACK_LINK = re.compile(r'\s*<a href="#(?:foot|end)note-ref-[^"]*">↑</a>')
CORE = {"dc": "http://purl.org/dc/elements/1.1/"}


def docx_html(data: bytes, location: str) -> str:
    """A Word document as an HTML page: its body, and the title its properties give (as `<title>`) where no
    paragraph is set as its Title (a Heading 1 may be a section's: "Background")."""
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
    title = None if '<h1 class="title">' in body else title  # (its Title line first: properties are often a draft's)
    head = f"<title>{escape(title)}</title>" if title else ""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">{head}</head>'
            f"<body><article>{body}</article></body></html>")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_heads(data: bytes) -> tuple[str, ...]:
    """A Word document's page headers and footers, each paragraph's text once, in order (read apart from its text,
    as a PDF's page heads are: for the publisher and the date they print)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sorted(n for n in archive.namelist() if re.fullmatch(r"word/(?:header|footer)\d*\.xml", n))
            roots = [ElementTree.fromstring(archive.read(n)) for n in parts]
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return ()
    lines = [" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split())
             for root in roots for p in root.iter(f"{W}p")]
    return tuple(dict.fromkeys(line for line in lines if line))


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

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # (its warnings on a font's metrics say nothing to a user)
    started = time.monotonic()
    try:
        laid = []
        for layout in extract_pages(io.BytesIO(data), maxpages=MAX_PAGES + 1, laparams=LAParams()):
            laid.append([box for box in layout if hasattr(box, "get_text") and box.get_text().strip()])
            if time.monotonic() - started > PDF_SECONDS:
                raise TimeoutError
        pages = [[_lines(box) for box in page] for page in laid]
    except TimeoutError:  # (a crafted file's pages can take long to lay out: an import is not kept busy for it)
        raise FetchError(f"{location}: the PDF takes too long to read (over {PDF_SECONDS} seconds)") from None
    except Exception:  # damaged, encrypted or not a PDF at all: pdfminer raises many kinds of error
        raise FetchError(f"{location}: the PDF could not be read (damaged, protected or not a PDF)") from None
    if len(pages) > MAX_PAGES:
        raise FetchError(f"{location}: the PDF has more than {MAX_PAGES} pages")
    sizes: Counter[float] = Counter()  # characters set in each size: the body's is the commonest
    for text, size, _ in (run for page in pages for box in page for line in box for run in line):
        sizes[size] += len(text.strip())
    if not sizes:
        raise FetchError(f"{location}: the PDF has no text to read (a scan needs text recognition first)")
    body = sizes.most_common(1)[0][0]
    title = _title_box(pages[0], body) if pages else None
    furniture = _page_furniture(pages)
    pulled = _pull_quotes(pages, body)
    out = []
    for number, page in enumerate(pages):
        kept = [i for i in range(len(page)) if (number, i) not in furniture and (number, i) not in pulled]
        right = max((laid[number][i].x1 for i in kept), default=0.0)
        left = min((laid[number][i].x0 for i in kept), default=0.0)
        text = ""
        for k, i in enumerate(kept):
            box = page[i]
            said = _heading(box) if number == 0 and i == title else _box_text(box)
            if k and _runs_on(laid[number][kept[k - 1]], laid[number][i], page[i], (left, right), body) \
                    and not (number == 0 and title in (i, kept[k - 1])):
                text += "\n" + said  # a paragraph's next line, which layout analysis set apart (CJK spacing)
            else:
                text += ("\n\n" if text else "") + said
        out.append(text)
    heads = (_line_text(line) for number, i in sorted(furniture) for line in pages[number][i])
    return Printed(unified("\n\n".join(page for page in out if page)), tuple(unified(h) for h in heads if h))


# the ideographs some fonts map to radicals (a PDF's text then reads "⻔⼝" for "门口"): each radical of the
# C-simplified forms and others as the ideograph it shows (Unicode's EquivalentUnifiedIdeograph.txt)
RADICALS = str.maketrans({
    "\u2e9f": "母", "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec9": "贝", "\u2ecb": "车",
    "\u2ed1": "長", "\u2ed3": "长", "\u2ed4": "门", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风",
    "\u2edc": "飞", "\u2edd": "食", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟",
    "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙",
    "\u2ef3": "龟",
})
KANGXI = re.compile(r"[\u2f00-\u2fd5]")


def unified(text: str) -> str:
    """The text with Kangxi radicals (NFKC) and the radicals above as the ideographs a reader sees."""
    return KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text.translate(RADICALS))


Run = tuple[str, float, bool]  # text, type size, bold
BOLD_FACE = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|[,-](?:b|bd|bol)$", re.I)
TITLE_SIZE = 1.15  # times the body's type: a title set larger
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
# a label ("TQ:", "Q: And in 1974?", "A: And that was the job.") or a question: said, not printed on every page
IMPRINT_MIN = 40  # characters of a labelled line at every page's edge, word for word: an imprint ("Herausgeber: …")
SAID = re.compile(r"^[\W_]*[^\W\d_][^:：\n]{0,30}[:：](?!//)|[:：?!？！]\W*$")
EDGE_BOXES = 2  # … in one of the first or last two boxes of the page


def _line_text(line: list[Run]) -> str:
    return "".join(text for text, _, _ in line).strip()


def _text(box: list[list[Run]]) -> str:
    return " ".join(_line_text(line) for line in box).strip()


def _page_furniture(pages: list[list[list[list[Run]]]]) -> set[tuple[int, int]]:
    """(page, box) of the pages' heads and feet: the first or last box of a page, a line or two, that ends in
    its page's number ("Confidential – Page 1", "- 3 -", "第 2 页"), or one of the first or last two boxes
    that another page has at its edge too (the same words, whatever the numbers: "Harbour Mills Heritage
    Society", "Ausgabe 3/2025 · 14", an imprint over the page number; not a speaker's label or a question,
    "TQ:", "Q: And in 1974?", unless it is a long imprint repeated word for word)."""
    edges: dict[tuple[int, int], str] = {}
    for number, page in enumerate(pages):
        for i in {0, 1, len(page) - 2, len(page) - 1} if len(page) > 2 * EDGE_BOXES else set():
            if len(page[i]) <= EDGE_LINES:
                edges[(number, i)] = _text(page[i])
    shape = {key: re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).casefold() for key, text in edges.items()}
    pages_with: dict[str, set[int]] = {}
    for (number, _), text in shape.items():
        pages_with.setdefault(text, set()).add(number)
    repeated = Counter(edges.values())  # (word for word)
    outer = {(number, i) for number, page in enumerate(pages) for i in (0, len(page) - 1)}
    return {key for key, text in edges.items()
            if (key in outer and PAGE_NUMBER.search(text))
            or (len(shape[key]) >= 3 and len(pages_with[shape[key]]) >= 2 and (
                not SAID.search(text) or (len(text) >= IMPRINT_MIN and repeated[text] >= 2)))}


PULL_QUOTE = re.compile(r"\s*[“„«「『\"][^“”„«»「」『』\"]{10,300}[”“»」』\"]\s*")
ATTRIBUTION = re.compile(r"\s*(?:[-–—]\s*)?(?:[A-ZÄÖÜ][A-ZÄÖÜ'’.-]+(?:\s+[A-ZÄÖÜ][A-ZÄÖÜ'’.-]+){0,3}|"
                         r"[-–—]\s*\S.{0,40})\s*")  # "RUTH ABERNETHY", "— Ruth Abernethy"
DISPLAY_SIZE = 1.2  # times the body's type: text set larger inside the flow
HEAD_BOXES = 3  # the first page's first boxes: its kicker, headline and standfirst


def _pull_quotes(pages: list[list[list[list[Run]]]], body: float) -> set[tuple[int, int]]:
    """(page, box) of pull quotes: a box of words wholly in quotation marks set in larger type than the text
    around it (an answer's words repeated for the eye), and the name under it ("RUTH ABERNETHY")."""
    out: set[tuple[int, int]] = set()
    for number, page in enumerate(pages):
        for i, box in enumerate(page):
            if number == 0 and i < HEAD_BOXES:
                continue  # (a headline in quotation marks at the top: „Wir bilden lieber aus, als zu jammern“)
            sizes = [size for line in box for text, size, _ in line if text.strip()]
            if sizes and min(sizes) >= body * DISPLAY_SIZE and PULL_QUOTE.fullmatch(_text(box)):
                out.add((number, i))
                if i + 1 < len(page) and len(page[i + 1]) == 1 and ATTRIBUTION.fullmatch(_text(page[i + 1])):
                    out.add((number, i + 1))
    return out


def _title_box(boxes: list[list[list[Run]]], body: float) -> int | None:
    """Which of the first page's text boxes holds its title: the one set in the largest type, well above the
    body's, and short."""
    best: tuple[float, int] | None = None
    for i, box in enumerate(boxes):
        chars = [(size, len(text.strip())) for line in box for text, size, _ in line if text.strip()]
        if not chars:
            continue
        size = max(chars, key=lambda c: c[1])[0]
        text = _text(box)
        if size >= body * TITLE_SIZE and sum(n for _, n in chars) <= TITLE_MAX and (best is None or size > best[0]) \
                and len(re.findall(r"[^\W\d_]", text)) >= 3 and (i < HEAD_BOXES or not PULL_QUOTE.fullmatch(text)):
            best = (size, i)  # (not a drop cap, "R", a page's number in large type, "36", nor a pull quote)
    return best[1] if best else None


SENTENCE_END = re.compile(r"[.!?。！？:：”\"’)）」』…]\s*$")


def _runs_on(before: Any, after: Any, lines: list[list[Run]], edges: tuple[float, float], body: float) -> bool:
    """Whether a text box goes on with the paragraph of the box before it: that box's last line runs to the
    text's right edge without ending a sentence, and this one starts right below it at the left edge (a new
    paragraph's first line is indented, as Chinese text sets it, or stands apart), not with a bold label."""
    last = list(before)[-1] if len(before) else None
    if last is None or not lines or not lines[0]:
        return False
    left, right = edges
    ends = last.get_text().rstrip()
    return (last.x1 >= right - 2 * body and not SENTENCE_END.search(ends) and after.x0 <= left + body / 2
            and before.x0 >= after.x0 - body / 2 and after.y1 <= before.y0 + 1 and before.y0 - after.y1 < 1.5 * body
            and not lines[0][0][2])


def _heading(box: list[list[Run]]) -> str:
    return "# " + _text(box)


def _box_text(box: list[list[Run]]) -> str:
    """A box's lines, its bold marked: a box all in bold (a question over several lines) as one bold span."""
    if all(bold for line in box for text, _, bold in line if text.strip()):
        return "**" + "\n".join(_line_text(line) for line in box) + "**"
    return "\n".join(_marked(line) for line in box)


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
