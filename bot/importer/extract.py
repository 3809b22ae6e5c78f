"""A fetched page or a file -> its main text (Markdown-ish) and what it says about itself."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.importer import asciidoc, chats, chrome, labels, mailarchive, metadata, names, plaintext, thread, transcript
from bot.importer.fetch import FetchError, Source
from bot.importer.markup import BOX_MARK
from bot.importer.metadata import Meta


@dataclass
class Document:
    """The text of an article (paragraphs separated by blank lines) and its metadata."""

    body: str
    meta: Meta
    kind: str  # "html" | "markdown" | "text"


LAZY_IMG = re.compile(r"<img\b(?![^>]*\ssrc\s*=)([^>]*?)\sdata-(?:src|original|lazy-src)\s*=", re.I)


def lazy_images(html: str) -> str:
    """Lazy-loaded images (`<img data-src=…>` without src, as WeChat and many news sites serve them) as
    plain images, so the text knows where an image stands and what below it is a caption."""
    return LAZY_IMG.sub(r"<img\1 src=", html)


NOTE_TOKEN = re.compile(r"foot-?notes?(?:[-_](?:content|list|section|container|body|text|item))?|"
                        r"see-?also|cross-?refs?|epigraphs?|"  # (a book's: "For …, see Chapter Three.")
                        r"twitter-tweet|instagram-media|tiktok-embed|embedded-(?:tweet|post)",  # (an embedded post)
                        re.I)
# an appeal boxed inside the article: <div class="spendenbox">, <aside class="donation-cta">, "newsletter-signup"
# and an ad or a disclaimer between answers: <div class="werbung-inline">, "sponsor-break", "ad-slot"
APPEAL_TOKEN = re.compile(r"(?:^|[-_])(?:spenden?|donat(?:e|ion)s?|newsletter|paywall|werbung|anzeigen?|adverts?|"
                          r"advertisements?|ads?|sponsor(?:ed|ship)?|disclaimer)(?:box|[-_]\w+)?$|"
                          # "dcr-support-box", "contributions-cta": a reader's support asked for
                          r"(?:^|[-_])(?:support(?:er|[-_]us)?|contribut(?:e|ions?)|membership|member|subscribe|subscription|"
                          r"abo)[-_](?:box|cta|banner|appeal|ask|epic|widget|prompt)(?:__\w+)?$", re.I)
# a kicker or the section's name over the headline: <p class="lb-dachzeile">, "post-category" (a line, no more)
KICKER_TOKEN = re.compile(r"(?:^|[-_])(?:dachzeile|kicker|overline|eyebrow|spitzmarke|category|rubrik|ressort|"
                          r"chapter-label|chapter-number)$", re.I)
KICKER_MAX = 100  # characters
# a photo's caption set apart by its class: <div class="caption">, "credit-caption", "image-caption", "wp-caption-text"
CAPTION_TOKEN = re.compile(r"(?:^|[-_])(?:captions?|caption[-_]text|bildunterschrift|bildtext)$", re.I)
CLOSED_CAPTION = re.compile(r"closed[-_]?captions?|(?:^|[-_])cc[-_]", re.I)  # (a video's captions: its words)
CAPTION_MAX = 400  # characters
CLASS_OR_ID = re.compile(r"""\b(?:class|id)\s*=\s*["']([^"']*)["']""", re.I)
NOTE_MAX = 3000  # characters: a notes block, not a container that happens to carry such a class
MASTHEAD_WORDS = 8  # words: a line above a text file's title that is more says something, and stays


LOCKED = re.compile(r"(?:^|[-_])paywall(?:ed)?[-_](?:content|body|text|article|inner)$", re.I)  # the text behind it
NEGATED = re.compile(r"(?:^|[-_])(?:no|non|has|hide|hidden|without|free|none|off|disabled|blocked?)(?:[-_]|$)", re.I)


def _boxed(token: str) -> bool:
    """A class or id naming a notes, appeal, ad or disclaimer box (not "no-ads", "ad-free", "ads-hidden")."""
    return bool(NOTE_TOKEN.fullmatch(token) or (APPEAL_TOKEN.search(token) and not NEGATED.search(token)
                                                 and not LOCKED.search(token)))


def _dropped(el: Any) -> bool:
    """Whether a page element is such a box, or a kicker's line."""
    if NOTE_ROLE.fullmatch(el.get("role") or "") or NOTE_ROLE.fullmatch(el.get("epub:type") or ""):
        return True  # an e-book's endnotes, footnotes, epigraph, by what they are
    tokens = thread.class_tokens(el)
    if any(_boxed(t) for t in tokens):
        return len(el.text_content()) <= NOTE_MAX
    if any(CAPTION_TOKEN.search(t) and not CLOSED_CAPTION.search(t) for t in tokens):
        return len(el.text_content().strip()) <= CAPTION_MAX  # a photo's caption and credit: no one's words
    return any(KICKER_TOKEN.search(t) for t in tokens) and len(el.text_content().strip()) <= KICKER_MAX


RECORD_LIST = re.compile(r"<dl\b", re.I)
NOTE_ROLE = re.compile(r"(?:doc-)?(?:end|foot|rear)notes?|(?:doc-)?epigraph")  # role="doc-endnotes", epub:type=…
NOTE_MARKED = re.compile(r"""(?:role|epub:type)\s*=\s*["'](?:doc-)?(?:(?:end|foot|rear)notes?|epigraph)["']""", re.I)


def _record(el: Any) -> bool:
    """A definition list that is an archive item's record: two of its terms at least are metadata's."""
    terms = [" ".join(t.text_content().split()).strip(" :：").casefold() for t in el.iter("dt")]
    return sum(t in metadata.RECORD_KEYS for t in terms) >= 2


def without_notes(html: str) -> str:
    """The page without its footnote blocks (`<div class="footnote">`, `<section class="footnotes">`, …), its
    kicker over the headline, and the donation, newsletter, paywall, ad and disclaimer boxes set inside the
    article (`<div class="spendenbox">`): an editor's notes, printed under the interview, are nobody's answer
    (the last answer would run on into them), and an appeal between two answers would be read as part of the
    first. An item's record (`<dl>` of Interviewee, Date, …: read as metadata) and a photo's caption set apart by
    its class (`<div class="caption">`) are left out too."""
    if not any(_boxed(token) or KICKER_TOKEN.search(token) or CAPTION_TOKEN.search(token)
               for m in CLASS_OR_ID.finditer(html)
               for token in m.group(1).split()) and not RECORD_LIST.search(html) and not NOTE_MARKED.search(html):
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    notes = [el for el in tree.iter("div", "section", "ol", "ul", "aside", "li", "footer", "p", "span", "dl",
                                    "blockquote")
             if el.getparent() is not None and (_record(el) if el.tag == "dl" else _dropped(el))]
    for el in notes:  # gathered first: dropping while walking the tree would skip a note's next sibling
        el.drop_tree()
    return _serialized(tree) if notes else html


QUESTION_CLASS = re.compile(r"(?:^|[-_])(?:question|questions|frage|fragen|interviewer)(?:$|[-_](?:text|item|block))",
                            re.I)  # <p class="qa-question">: a question the page sets apart by its style only
MIN_CLASSED = 3
MIN_RESTORED = 2  # paragraphs: bold ones a text lost all marks of, set in bold again (questions, not one heading)
QUESTION_MAX = 400  # characters


def _parsed(html: str) -> Any | None:
    """A page's tree (lxml), or None where the parser refuses it."""
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html)
    except ValueError:
        return None


def _serialized(tree: Any) -> str:
    from lxml import html as lxml_html

    return str(lxml_html.tostring(tree, encoding="unicode"))


def _embolden(el: Any) -> None:
    """An element's whole content set in bold (a question the page marks otherwise, as a reader sees it)."""
    from lxml import html as lxml_html

    bold = lxml_html.Element("strong")
    bold.text, el.text = el.text, None
    for child in list(el):
        bold.append(child)
    el.append(bold)


COLOUR = re.compile(r"(?:^|;)\s*color\s*:\s*(?P<c>[^;]+)", re.I)


def _coloured_questions(tree: Any) -> list[Any]:
    """Paragraphs set whole in one colour (the paragraph's own style, or a span holding all its text) when
    that colour marks at least MIN_CLASSED paragraphs and most of them ask: the questions."""
    by_colour: dict[str, list[Any]] = {}
    for p in tree.iter("p"):
        text = " ".join(p.text_content().split())
        spans = p.xpath("./span[@style]")
        styled = p if COLOUR.search(p.get("style") or "") else (
            spans[0] if len(spans) == 1 and " ".join(spans[0].text_content().split()) == text else None)
        colour = COLOUR.search(styled.get("style") or "") if styled is not None else None
        if colour and 0 < len(text) <= QUESTION_MAX:
            by_colour.setdefault(colour.group("c").strip().lower(), []).append(p)
    best = max(by_colour.values(), key=len, default=[])
    asking = sum(" ".join(p.text_content().split()).endswith(("?", "？")) for p in best)
    return best if len(best) >= MIN_CLASSED and asking * 2 > len(best) else []


def classed_questions(html: str) -> str:
    """Questions marked only by their class (`<p class="qa-question">…</p>`, styled by the site's CSS) set in
    bold, as a reader sees them set apart; the page as it is when fewer than MIN_CLASSED are so marked."""
    if sum(1 for m in CLASS_OR_ID.finditer(html) for t in m.group(1).split() if QUESTION_CLASS.search(t)) \
            < MIN_CLASSED and len(re.findall(r"style\s*=\s*[\"'][^\"']*color\s*:", html, re.I)) < MIN_CLASSED:
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    marked = [el for el in tree.iter("p", "div", "h2", "h3", "h4", "dt", "li")
              if any(QUESTION_CLASS.search(t) for t in thread.class_tokens(el))
              and 0 < len(el.text_content().strip()) <= QUESTION_MAX and not el.xpath(".//p|.//div")]
    if len(marked) < MIN_CLASSED:  # or by a colour of their own: <p><span style="color:#0070c0">…？</span></p>
        marked = _coloured_questions(tree)
    if len(marked) < MIN_CLASSED:
        return html
    for el in marked:
        _embolden(el)
    return _serialized(tree)


VERBATIM = re.compile(r"(<(pre|script|style|textarea)\b.*?</\2\s*>)", re.I | re.S)
WRAP = re.compile(r"[ \t]*\r?\n[ \t\r\n]*")
MID_WRAP = re.compile(r"[^\W\d_,][ \t]*\r?\n[ \t\r\n]*[a-zäöüß]")  # "wie voll\nsind": a line broken mid-sentence
MIN_WRAPS = 3  # such breaks that show the page's source is wrapped (a browser shows them as spaces)


def unwrapped(html: str) -> str:
    """The page with the line breaks inside its text as the spaces a browser shows, when its source is
    wrapped mid-sentence (a Word export: "Frage:\\nHerr\\nOberländer, wie voll\\nsind …"); preformatted text and
    scripts as they are."""
    parts = VERBATIM.split(html)
    if sum(len(MID_WRAP.findall(part)) for part in parts[::3]) < MIN_WRAPS:
        return html  # lines that end where the author ended them (a description shown as written)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3  # re.split with two groups: text, the verbatim element, its tag name
        if kind == 0:
            out.append(re.sub(r">([^<]+)<", lambda m: ">" + WRAP.sub(" ", m.group(1)) + "<", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


LAYOUT_TABLE = re.compile(r"<table\b|<dl\b", re.I)
CELL_BLOCKS = ("p", "div", "table", "ul", "ol", "blockquote", "hr", "h1", "h2", "h3", "h4", "dl")


def _record_table(table: Any) -> bool:
    """A table of two cells a row, most of whose first cells name a field of an interview's record (Narrator,
    Interviewer, Date of interview, Place, …), three at least: the archive's record, read as metadata."""
    rows = [[" ".join(c.text_content().split()).strip(" :：").casefold() for c in r.iterchildren("td", "th")]
            for r in table.iterdescendants("tr")]
    keyed = [r for r in rows if len(r) == 2 and (r[0] in metadata.RECORD_KEYS or r[0] in transcript.KEYS)]
    once = len({r[0] for r in keyed}) == len(keyed)  # (a transcript in a table repeats "Interviewer:", "Narrator:")
    short = all(len(r[1]) <= 150 or transcript.KEYS.get(r[0]) == "summary" for r in keyed)  # (an abstract: long)
    return once and len(keyed) >= 3 and len(keyed) * 2 >= len(rows) and short


def _presentational(table: Any) -> bool:
    """A table that lays a page out rather than holding data: one with a table inside, or without a head
    (no <th>, <thead>, <caption>) that has one cell a row or cells holding paragraphs (an answer's paragraphs
    in the cell beside its question)."""
    if next(table.iterdescendants("table"), None) is not None:
        return True
    if next(table.iterdescendants("th", "thead", "caption"), None) is not None:
        return False
    rows = [r for r in table.iterdescendants("tr") if _owner(r) is table]
    if rows and all(len(r.findall("td")) <= 1 for r in rows):
        return True  # one cell a row: a box (a pull-quote, an editor's note), no data
    return any(_owner(cell) is table and (next(cell.iterdescendants(*CELL_BLOCKS), None) is not None
                                          or len(cell.xpath(".//br")) >= 2)
               for cell in table.iterdescendants("td"))


def reading_blocks(html: str) -> str:
    """The page with the tables that lay it out (the menu in one cell, the article in the next, as pages were
    built before CSS; a question in one cell, its answer's paragraphs in the next) as the blocks a reader
    sees, one cell after another, and its lists of questions as questions over answers; a table of data
    stays a table."""
    tree = _parsed(html) if LAYOUT_TABLE.search(html) else None
    if tree is None:
        return html
    records = [t for t in tree.iter("table") if _record_table(t)]
    for table in records:  # an archive's record of the interview (Narrator | Doris Ann Kettering, …): no passage
        table.drop_tree()
    laid_out = [t for t in tree.iter("table") if _presentational(t)]
    for table in laid_out:
        for el in [table, *table.iterdescendants("tr", "td", "th", "tbody", "thead", "tfoot")]:
            if _owner(el) is table:
                el.tag = "div"
    listed = question_lists(tree)
    return _serialized(tree) if laid_out or listed or records else html


DD_MIN = 40  # characters an answer in a description list says on average (not "Born? 1976, Uppsala")
HEADINGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b")
QUESTIONS_HEADING = re.compile(r"(?i)questions?\b|fragen|interview|gespräch|q\s*&\s*a|问|訪談|访谈|采访|採訪")


def question_lists(tree: Any) -> bool:
    """Definition lists whose terms mostly ask (`<dt>What's the biggest threat?</dt><dd>Diffuse pollution …</dd>`)
    as a reader sees them: each question a bold paragraph, its answer the paragraphs under it (an item's record,
    `<dt>Interviewee</dt>`, stays a list); True if there was one."""
    found = False
    for dl in list(tree.iter("dl")):
        terms = [" ".join(t.text_content().split()) for t in dl.iterchildren("dt")]
        if _record(dl) or len(terms) < 2 or sum(t.endswith(("?", "？")) for t in terms) * 2 < len(terms):
            continue
        answers = [" ".join(d.text_content().split()) for d in dl.iterchildren("dd")]
        box = next(dl.iterancestors("aside"), None)
        if box is not None and answers and sum(map(len, answers)) >= DD_MIN * len(answers) \
                and any(QUESTIONS_HEADING.search(h.text_content()) for h in box.iter(*HEADINGS)):
            box.tag = "section"  # "5 Questions for Dr. Halvorsen" in a box: part of the article (trafilatura leaves
            box.attrib.pop("class", None)  # out an aside, and a box its class calls a sidebar; not a fact box)
        for term in dl.iterchildren("dt"):
            _embolden(term)
            term.tag = "p"
        for answer in dl.iterchildren("dd"):
            answer.tag = "div"
        dl.tag, found = "div", True
    return found


def _owner(el: Any) -> Any:
    """The table a row or cell belongs to (the nearest table around it), or the table itself."""
    if el.tag == "table":
        return el
    return next(el.iterancestors("table"), None)


INLINE = {"b", "strong", "i", "em", "span", "font", "a", "u", "small", "big", "sup", "sub", "abbr", "cite", "code",
          "mark", "q", "s", "tt", "nobr", "br", "img"}
EMPHASIS = {"b", "strong", "i", "em", "u"}
RUN_HOLDERS = ("div", "td", "th", "font", "section", "article", "center")
LEADING_RUN = re.compile(r"<(?:div|td|th|font|section|article|center)\b[^>]*>\s*<(?:b|strong|em|i|span|font|a|u)\b",
                         re.I)


def leading_runs(html: str) -> str:
    """The page with the text that opens a block before any paragraph in it (`<div><b>JO-L:</b> I came for …<br>
    <br>…</div>`, `<td><b>GF: How did you …?</b></td>`) set in a paragraph of its own: trafilatura drops a block's
    first bold or italic element and the text after it, which is where a label and an answer's first sentence
    or a question stand."""
    tree = _parsed(html) if LEADING_RUN.search(html) else None
    if tree is None:
        return html
    changed = False
    for el in list(tree.iter(*RUN_HOLDERS)):
        run = []
        for child in el:
            if not isinstance(child.tag, str) or child.tag.lower() not in INLINE:
                break
            run.append(child)
        if (el.text or "").strip() or not any((c.tail or "").strip() or (c.tag in EMPHASIS and c.text_content().strip())
                                              for c in run if c.tag != "br"):
            continue  # (text before the first element, or spans alone: trafilatura keeps these)
        para = tree.makeelement("p")
        for child in run:
            para.append(child)  # (moved, its tail with it)
        el.insert(0, para)
        changed = True
    return _serialized(tree) if changed else html


BOLD_CLASS = re.compile(r"\.(?P<c>[A-Za-z][\w-]*)\s*\{[^{}]*?font-weight\s*:\s*(?:bold|[6-9]00)\b[^{}]*\}", re.I)


EMPHASIS_BREAK = re.compile(r"(<(?:em|i|strong|b)\b[^>]*>)((?:(?!</?(?:em|i|strong|b)\b)[^<]|<(?!/?(?:em|i|strong|b)\b)"
                            r"[^>]*>){1,600}?)(\s*<br\s*/?>\s*)(</(?:em|i|strong|b)>)", re.I)


def emphasis_breaks(html: str) -> str:
    """The page with a line break that ends an emphasis moved after it (`<em>Frage?<br></em>Antwort`, as a
    reader sees it: the question in italics on its own line, the answer under it, no stray mark)."""
    return EMPHASIS_BREAK.sub(r"\1\2\4\3", html) if "<br" in html else html


def styled_bold(html: str) -> str:
    """The page with the text its style sheet sets in bold by a class (`.c7{font-weight:700}`, as Google Docs and
    word processors publish documents) in <b>, as a reader sees it: a speaker's name over their words, a
    question."""
    styles = "".join(re.findall(r"<style\b[^>]*>(.*?)</style>", html, re.I | re.S))
    bold = {m.group("c") for m in BOLD_CLASS.finditer(styles)}
    used = bool(bold) and bool(re.search(r"class=[\"'][^\"']*\b(?:" + "|".join(map(re.escape, bold)) + r")\b", html))
    tree = _parsed(html) if used else None
    if tree is None:
        return html
    for el in tree.iter("span", "p", "div", "td", "li"):
        if bold & set((el.get("class") or "").split()) and el.text_content().strip() and not el.xpath(".//b|.//strong"):
            _embolden(el)
    return _serialized(tree)


SPEAKER_TOKENS = {"speaker", "speaker-name", "speaker_name", "speakername", "sprecher", "sprecherin", "interlocutor",
                  "redner", "rednerin"}
SPEAKER_CLASS = re.compile(r"""<(?:span|strong|b|cite|div)\b[^>]*class=["'](?:[^"']*\s)?(?:speaker|speaker[-_]?name|"""
                           r"""sprecher(?:in)?|interlocutor|redner(?:in)?)(?:\s[^"']*)?["'][^>]*>""", re.I)


def classed_speakers(html: str) -> str:
    """The page with the speaker's name its markup sets apart by a class (`<span class="speaker">Tomasz</span> That
    was …`) as a label, as the page shows it: the name in bold with a colon, opening the turn."""
    tree = _parsed(html) if len(SPEAKER_CLASS.findall(html)) >= MIN_CLASSED else None
    if tree is None:
        return html
    marked = [el for el in tree.iter("span", "strong", "b", "cite", "div")
              if SPEAKER_TOKENS & {t.casefold() for t in (el.get("class") or "").split()}]  # (not "speaker-icon")
    for el in marked:
        name = " ".join(el.text_content().split()).rstrip(":：")
        if not name or len(name) > 60:
            continue
        for child in list(el):
            el.remove(child)
        el.tag, el.text = "b", f"{name}:"
        el.attrib.clear()
    return _serialized(tree)


PAID_PART = re.compile(r"(?:paid|premium|subscriber|members?)[-_](?:content|body|text)", re.I)


def paid_continuation(html: str) -> str:
    """The page with the part of its article that only paying readers see (`<div class="paid-content body
    markup">`, after the paywall notice, the page holding it all) joined to the part before it (the nearest
    block before it that shares one of its other classes, "body markup"): the one text of the article, where
    trafilatura would keep only the first part."""
    tree = _parsed(html) if PAID_PART.search(html) else None
    if tree is None:
        return html
    joined = False
    for paid in [el for el in tree.iter("div", "section") if any(PAID_PART.fullmatch(t) for t in el.classes)]:
        others = {t for t in paid.classes if not PAID_PART.fullmatch(t)}
        if not others:
            continue  # (nothing to tell which block it continues)
        blocks = (block for sibling in paid.itersiblings(preceding=True)
                  for block in [*reversed(list(sibling.iterdescendants("div"))), sibling])  # (the nearest first)
        before = next((block for block in blocks if others & set(block.classes)), None)
        if before is not None:
            before.extend(list(paid))
            paid.drop_tree()
            joined = True
    return _serialized(tree) if joined else html


HIDDEN = re.compile(r"(?i)display\s*:\s*none")
FOLDED = re.compile(r"(?i)toggle|accordion|collaps|expand|faq|answer|antwort|disclosure")
UNFOLDED = re.compile(r"(?i)quiz|spoiler|solution|lösung|mobile")  # (a quiz's answer stays hidden, as the reader
# leaves it; a mobile copy of the text too)


def folded_open(html: str) -> str:
    """The page with its folded parts shown: the hidden children of a toggle or an accordion (Notion's
    "notion-toggle-children", "accordion-body") that a reader opens with a click, their text part of the page
    (hidden menus, dialogs and the like stay hidden)."""
    if not HIDDEN.search(html) or not FOLDED.search(html):
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    opened = False
    for el in tree.xpath("//*[@style]"):
        if HIDDEN.search(el.get("style", "")) and FOLDED.search(" ".join(el.classes) or "") \
                and not UNFOLDED.search(" ".join(el.classes)) \
                and len(" ".join(el.text_content().split())) >= FOLDED_MIN:
            el.set("style", HIDDEN.sub("display: block", el.get("style", "")))
            opened = True
    return _serialized(tree) if opened else html


FOLDED_MIN = 20  # characters: a folded part that says something


MIN_NAMED = 4  # bold names over paragraphs that make a transcript of this shape


def _bold_line(p: Any) -> str | None:
    """A paragraph's text when all of it is bold, else None."""
    shown = " ".join(p.text_content().split())
    bold = " ".join(" ".join(b.text_content() for b in p.iter("b", "strong")).split())
    return shown if shown and bold == shown else None


def named_paragraphs(html: str) -> str:
    """A transcript's paragraphs under a speaker's name in bold on a line of its own (`<p><b>Doris Kettering</b></p>`
    over `<p>I was born …</p>`, later `<p><b>Kettering</b></p>`) as labelled paragraphs (`<p><b>Doris Kettering:</b>
    I was born …</p>`), as a reader takes them; where at least MIN_NAMED such names stand over paragraphs."""
    bolded = len(re.findall(r"<p\b[^>]*>\s*(?:<span\b[^>]*>\s*)?<(?:b|strong)\b", html, re.I))
    tree = _parsed(html) if bolded >= MIN_NAMED else None
    if tree is None:
        return html
    bold = [(p, shown) for p in tree.iter("p") if (shown := _bold_line(p))]
    named = []
    for p, shown in bold:
        nxt = p.getnext()
        if (len(shown.split()) <= 4 and not re.search(r"[.:?!,;]$", shown)
                and nxt is not None and nxt.tag == "p" and " ".join(nxt.text_content().split())):
            named.append((p, shown, nxt))
    lines = [p for p, shown in bold if names.looks_like_person(shown)]
    closing = sum(p.getnext() is None for p in lines)
    if lines and closing * 2 >= len(lines):  # most names close their block: they sign the words above them (an
        return html  # author box's name alone does not)
    people = {n for _, n, _ in named if names.looks_like_person(n)}
    surnames = {n.split()[-1] for n in people}
    chosen = [(p, n, nxt) for p, n, nxt in named if n in people or n in surnames]
    if len(chosen) < MIN_NAMED:
        return html
    for p, name, nxt in chosen:
        label = tree.makeelement("b")
        label.text, label.tail = f"{name}:", " " + (nxt.text or "")
        nxt.text = None
        nxt.insert(0, label)
        p.drop_tree()
    return _serialized(tree)


XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")  # an XHTML page's (an e-book's), which HTML parsers refuse


SPLIT_BOLD = re.compile(r"</(b|strong)>(\s*)<\1(?:\s[^>]*)?>", re.I)


def joined_bold(html: str) -> str:
    """Bold runs side by side as one (`<b>Frage: </b><b>Herr …?</b>`, as word processors save them): a label and
    its question in one bold run, as they show."""
    return SPLIT_BOLD.sub(r"\2", html)


def quoted_answers(html: str) -> str:
    """Answers set as quotes (`<p>Wie …?</p><blockquote><p>…</p></blockquote>`, at least MIN_CLASSED times):
    the questions in bold and the quotes' paragraphs as the page's text, the shape the question reader reads;
    the page as it is otherwise (a pull-quote or two stay quotes)."""
    if html.lower().count("<blockquote") < MIN_CLASSED:
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    pairs = []
    for quote in tree.iter("blockquote"):
        asked = quote.getprevious()
        text = " ".join(asked.text_content().split()) if asked is not None and asked.tag == "p" else ""
        if text.endswith(("?", "？")) and len(text) <= QUESTION_MAX:
            pairs.append((asked, quote))
    if len(pairs) < MIN_CLASSED:
        return html
    for asked, quote in pairs:
        _embolden(asked)
        quote.drop_tag()  # its paragraphs stay where it stood
    return _serialized(tree)


TABLE_ROW = re.compile(r"^\|\s*(?P<q>[^|]+?)\s*\|\s*(?P<a>[^|]+?)\s*\|\s*$")
TIME_CELL = r"(?:\|\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*)?"  # "| 00:00:14 | Name | Text |"
SPEAKER_ROW = re.compile(rf"^{TIME_CELL}\|\s*(?P<s>[^|]{{0,40}}?)\s*\|\s*(?P<t>[^|]*?)\s*\|\s*$")
TABLE_HEAD = re.compile(r"(?i)^(?:\|\s*(?:zeit|time|timecode|tc|时间|時間)\s*)?"
                        r"\|\s*(?:speaker|sprecher(?:in)?|name|who|wer|说话人|發言人)\s*\|")
TABLE_DIVIDER = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
MIN_TABLE_TURNS = 3  # rows of a question and its answer that make a table an interview's layout


def _speaker_rows(text: str) -> str | None:
    """A transcript laid out as a table, the speaker in the first cell and their words in the second
    ("| BARLOW | Fourteen. … |", an empty first cell going on), written as labelled paragraphs; None when the
    first cells name no speakers."""
    lines = text.split("\n")
    rows = [(i, m) for i, line in enumerate(lines) if (m := SPEAKER_ROW.match(line))]
    last = None  # the speaker of the row before: the same name again goes on with the same answer
    named = Counter(m.group("s").strip().rstrip(":：") for _, m in rows if m.group("s").strip())
    speakers = {s for s, n in named.items() if n >= 2 and labels.is_label(s) and len(s.split()) <= 4}
    if len(speakers) < 2 or sum(named[s] for s in speakers) < MIN_TABLE_TURNS * 2:
        return None
    for i, m in rows:
        who, said = m.group("s").strip().rstrip(":："), m.group("t").strip()  # ("Narrator:" in its cell)
        if who and said and (who in speakers or (labels.is_label(who) and not TABLE_HEAD.match(lines[i]))):
            lines[i] = f"\n{who}: {said}\n" if who != last else f"\n{said}\n"
            last = who
        elif not who and said:
            lines[i] = f"\n{said}\n"
        elif who and not said:
            lines[i] = f"\n{who}\n"  # "[Recording begins]"
        elif TABLE_HEAD.match(lines[i]):
            lines[i] = ""
    return "\n".join(line for line in lines if not TABLE_DIVIDER.match(line))


def _table_turns(text: str) -> str:
    """An interview laid out as a table, a question and its answer a row ("| **Q:** What …? | It's …. |"),
    written as the question's paragraph and the answer's; or the speaker and their words a row."""
    spoken = _speaker_rows(text)
    if spoken is not None:
        return spoken
    rows = [(i, m) for i, line in enumerate(text.split("\n")) if (m := TABLE_ROW.match(line))]
    asking = [(i, m) for i, m in rows if re.search(r"[?？]\W*$", m.group("q")) or re.match(r"\W*Q\W", m.group("q"))]
    if len(asking) < MIN_TABLE_TURNS:
        return text
    lines = text.split("\n")
    for i, m in asking:
        q = m.group("q")
        q = q if q.startswith(("**", "__")) else f"**{q}**"  # a bold question over an answer, as pages write them
        lines[i] = f"{q}\n\n{m.group('a')}\n"
    return "\n".join(lines)


# a box the page sets inside its article, by its class: "info-box", "infobox", "factbox", "Infokasten", "kasten"
INFO_BOX = re.compile(r"(?:^|[-_\s])(?:info-?box|info_box|fact-?box|fakten-?box|info-?kasten|kasten|box-?info)"
                      r"(?:$|[-_\s])", re.I)
INFO_BOX_MAX = 3000  # characters of text: more is a section of the article, not a box in it


def boxed_asides(html: str) -> str:
    """The page with each paragraph of a box it sets inside its article (a bio, a fact box, "Nervöse Eliten" beside
    the interview) marked as the editors' (`markup.BOX_MARK`): narrative, never part of an answer around it."""
    if not re.search(r"class=[\"'][^\"']*(?:info-?box|info_box|fact-?box|kasten)", html, re.I):
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    marked = False
    for box in tree.iter("section", "div", "aside"):
        if not INFO_BOX.search(box.get("class", "")) or any(INFO_BOX.search(a.get("class", ""))
                                                           for a in box.iterancestors()):
            continue
        said = " ".join(box.text_content().split())
        asks = any(re.search(r"[?？][\s\"“”„»«)]*$", " ".join(el.text_content().split()))
                   for el in box.iter("p", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "li"))
        if not 0 < len(said) <= INFO_BOX_MAX or asks:
            continue  # (a box holding questions is the interview's, as "Drei Fragen an …" or a layout's Q&A blocks)
        for block in box.iter("p", "li", "h2", "h3", "h4", "h5", "h6", "dd", "dt"):
            block.text = BOX_MARK + (block.text or "")
            marked = True
        for br in box.iter("br"):  # (a box's title, then its text on the next line)
            br.tail = BOX_MARK + (br.tail or "")
    return _serialized(tree) if marked else html


CARD_MAX = 700  # characters of text: a teaser card for another article is short
CARD_TEXT_MIN = 60  # characters of its teaser text besides the heading
READ_ALSO = re.compile(r"(?i)(?:lesen sie auch|auch interessant|mehr zum thema|read also|see also|also read|related|"
                       r"you might also like|延伸阅读|延伸閱讀|相关阅读|相關閱讀|推荐阅读|推薦閱讀)\b")
TEASER_CLASS = re.compile(r"(?i)teaser|related|promo|recommend|read-?more|also-?read|more-?articles|article-?card|"
                          r"inline-?card|"
                          r"embed(?:ded)?-?article|weiterlesen|lesetipp")
MORE_LINK = re.compile(r"(?i)(?:mehr|more|weiterlesen|read more|lesen sie mehr|zum artikel|阅读全文|閱讀全文|更多)"
                       r"\s*[›»>→]?")
FILE_NAME = re.compile(r"(?i)[\w.-]+\.(?:jpe?g|png|gif|webp|svg|tiff?|pdf|mp3|mp4|m4a|docx?)")
HIDDEN_CLASS = re.compile(r"(?i)invisible|sr-only|screen-reader|visually-hidden|\bhidden\b")


def without_teaser_cards(html: str) -> str:
    """The page without the cards it sets between an article's paragraphs to point to other articles: a
    heading that is nothing but a link to another page, with the short block around it (its picture, its
    teaser text, "mehr") and a box title right before it ("Weitere Informationen")."""
    if not re.search(r"<h[2-6]\b[^>]*>\s*<a\b", html, re.I):
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    cut = []
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6"):
        links = heading.findall(".//a")
        said = " ".join(heading.text_content().split())
        href = links[0].get("href", "") if len(links) == 1 else ""
        if not said or not href or "#" in href or href.startswith("javascript:") \
                or " ".join(links[0].text_content().split()) != said or FILE_NAME.fullmatch(said) \
                or HIDDEN_CLASS.search(heading.get("class", "")):
            continue  # (a picture's box under a hidden heading naming its file, "felix_stalder.jpg", is no card)
        card = next((a for a in heading.iterancestors() if a.tag in {"div", "aside", "section", "li", "figure"}
                     and len(" ".join(a.text_content().split())) > len(said)), None)
        shown = " ".join(card.text_content().split()) if card is not None else ""
        if card is None or len(shown) > CARD_MAX or len(shown) - len(said) < CARD_TEXT_MIN \
                or card.find(".//h1") is not None or len(card.findall(".//p")) > 3:
            continue
        marked = any(TEASER_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")
                     for el in [card, *list(card.iterancestors())[:2]])
        more = any(MORE_LINK.fullmatch(" ".join(a.text_content().split())) for a in card.iter("a")) \
            or READ_ALSO.match(shown)  # ("Lesen Sie auch" over the card's headline)
        if not (marked or more):
            continue  # (a question linked to its own page over its answer, a bio box linking to the person: kept)
        before = card.getprevious()
        title = " ".join(before.text_content().split()) if before is not None else ""
        if before is not None and before.tag in {"div", "p", "span", "h2", "h3", "h4"} and 0 < len(title) <= 40 \
                and chrome.section_heading(title) is not None:
            cut.append(before)  # ("<div class="boxhead">Weitere Informationen</div>" over the card)
        cut.append(card)
    for el in cut:
        if el.getparent() is not None:
            el.drop_tree()
    return _serialized(tree) if cut else html


def without_comment_sections(html: str) -> str:
    """The page without the readers' responses under a heading that titles them ("Responses (12)", "Comments"):
    the heading and what follows it in its section (a platform's own markup the extractor may not know)."""
    if not re.search(r"<h[2-4]\b", html, re.I):
        return html
    tree = _parsed(html)
    if tree is None:
        return html
    cut = []
    for heading in tree.iter("h2", "h3", "h4"):
        said = " ".join(heading.text_content().split())
        if len(said) <= 40 and chrome.section_heading(said) == "to-end" and heading.getparent() is not None:
            cut += [heading, *heading.itersiblings()]
    for el in cut:
        if el.getparent() is not None:
            el.drop_tree()
    return _serialized(tree) if cut else html


def _main_text(html: str, url: str | None) -> str | None:
    """The page's main text as Markdown (trafilatura); where it kept the paragraphs under two or more headings
    but dropped the headings (as it does on a page with no article element), once more with those headings
    set as bold paragraphs: questions as headings over their answers."""
    import trafilatura

    def extract(page: str) -> str | None:
        return trafilatura.extract(
            page, url=url, output_format="markdown", include_formatting=True, include_links=False,
            include_images=True, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)

    text = extract(html)
    if not text:
        return text
    tree = _parsed(html)
    if tree is None:
        return text
    modules = _module_run(tree, _squashed(text))
    if modules:
        whole = extract(f"<html><body><article>{''.join(_serialized(m) for m in modules)}</article></body></html>")
        if whole and len(_squashed(whole)) >= len(_squashed(text)) * MODULES_GAIN:
            text = whole
    text = _emphasis_restored(tree, text)
    if "<h" not in html:
        return text
    kept = _squashed(text)
    lost = []
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6"):
        said = _squashed(heading.text_content())
        after = heading.getnext()
        under = _squashed(after.text_content())[:60] if after is not None and after.tag == "p" else ""
        if len(said) >= 8 and len(under) >= 20 and said not in kept and under in kept:
            lost.append(heading)
    if len(lost) < 2:
        return text
    for heading in lost:
        heading.tag = "p"
        heading.attrib.clear()
        _embolden(heading)
    again = extract(_serialized(tree))
    return again if again and len(_squashed(again)) >= len(kept) * KEPT_SHARE else text  # (not where it lost text)


KEPT_SHARE = 0.9  # of the first reading's text that a second one, headings kept, must still hold
MODULES_GAIN = 1.3  # times the first reading's text that a reading of a page's whole run of blocks must hold
MODULE_MIN = 80  # characters of paragraph text a block of such a run holds to count as lost or kept
HELD_MIN = 500  # ... that the blocks the first reading kept hold together


def _module_run(tree: Any, kept: str) -> list[Any]:
    """A run of like blocks (three or more children of one element with the same tag and class: a page
    builder's "editorial-module--text" between its image and quote modules) of which the first reading
    (`kept`, squashed) kept some and lost as much again: the article is the whole run, not its longest block
    (and not the other modules between: their captions are no part of it)."""
    for parent in tree.iter("div", "section", "article", "main", "body"):
        kinds = Counter((c.tag, c.get("class")) for c in parent if isinstance(c.tag, str) and c.get("class"))
        for (tag, cls), n in kinds.items():
            if n < 3:
                continue
            members = [c for c in parent if c.tag == tag and c.get("class") == cls]
            texts = [_squashed(" ".join(p.text_content() for p in c.iter("p"))) for c in members]
            texts = [t for t in texts if len(t) >= MODULE_MIN]
            held = sum(len(t) for t in texts if t[:60] in kept or t[-60:] in kept)
            lost = sum(len(t) for t in texts if t[:60] not in kept and t[-60:] not in kept)
            if held >= HELD_MIN and lost >= held:
                return members
    return []


HEADING_LINE = re.compile(r"(?m)^#{1,6} \S")


def _emphasis_restored(tree: Any, text: str) -> str:
    """The text with the page's whole-bold paragraphs and its headings set in bold again where it lost every
    mark (trafilatura's fallback extractors keep no formatting): the questions a reader sees in bold."""
    if "**" in text or "__" in text or HEADING_LINE.search(text):
        return text
    marked = set()
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]  # (not a sidebar's "Mehr aus der Region")
    for el in (el for root in scope for el in root.iter("p", "h2", "h3", "h4", "h5", "h6")):
        said = " ".join(el.text_content().split())
        bold = [c for c in el if c.tag in ("strong", "b")]
        if said and (el.tag != "p" or (len(bold) == 1 and " ".join(bold[0].text_content().split()) == said)):
            marked.add(said)
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if " ".join(line.split()) in marked]
    if len(hits) < MIN_RESTORED:
        return text
    for i in hits:
        lines[i] = f"**{lines[i].strip()}**"
    return "\n".join(lines)


def _squashed(text: str) -> str:
    return re.sub(r"[\s*_#>]+", "", unicodedata.normalize("NFC", text)).casefold()


def from_html(source: Source) -> Document:
    """The page's main text by trafilatura (navigation, ads and comment threads left out) and its metadata;
    a thread in which a guest answers questions (an "ask me anything"), the guest's post and answers."""
    import trafilatura

    source = Source(XML_DECLARATION.sub("", source.text, count=1), source.kind, source.location, source.url,
                    source.furniture)
    exported = chats.telegram_export(source.text)
    if exported:  # an interview held in a channel, its history saved by the app
        return _exported_chat(source, exported)
    archived = mailarchive.message(source.text)
    if archived:  # an interview answered by e-mail to a list, as the list's archive shows it
        return _archived_message(source, *archived)
    answered = thread.read(source.text)
    text = answered[0] if answered else _main_text(
        lazy_images(without_comment_sections(without_teaser_cards(boxed_asides(without_notes(quoted_answers(classed_questions(joined_bold(leading_runs(reading_blocks(named_paragraphs(styled_bold(classed_speakers(paid_continuation(folded_open(emphasis_breaks(unwrapped(source.text))))))))))))))))),
        source.url)
    if not text or not text.strip():
        raise FetchError(f"{source.location}: no article text found on the page")
    text = _table_turns(text)
    shown = text.replace(BOX_MARK, "")  # (the text as read for its metadata)
    meta = metadata.from_html(source.text, source.url)
    if answered:  # the guest goes by a user name: the person their post names with its words ("DrAmaraNwosu")
        meta.guests = [names.in_handle(answered[1], f"{meta.title or ''}\n{shown}") or answered[1]]  # ("I'm Dr. …")
    metadata.from_closing_credit(meta, shown[-4000:])  # the article's own end, not the page's sidebars
    metadata.from_interview_credit(meta, shown[:3000])
    meta.put("published", metadata.date_line(shown) or metadata.date_line(meta.shown, len(meta.shown)),
             "its date line")  # what the page says before a guess ("发布于 2024-05-03", under the answer)
    if not meta.published:
        guess = metadata.iso_date(getattr(trafilatura.extract_metadata(source.text), "date", None))
        if guess in metadata.dates_in(shown) or guess in metadata.dates_in(meta.shown):
            meta.put("published", guess, "page text")  # a date the page shows, not a guess from a bare year
    metadata.from_markdown(meta, shown, source.url)
    if source.furniture:  # a Word document's page header and footer
        _from_furniture(meta, source.furniture, source.furniture, shown)
    meta.put("published", metadata.interview_date(shown), "the interview's date")  # (where no other is given)
    meta.put("url", metadata.own_address(shown), "its own address line")
    org = None if meta.publisher else metadata.letterhead(shown)
    if org:  # the organisation's letterhead over its text: the publisher, no passage
        meta.put("publisher", org, "letterhead")
        text = text.replace(next(line for line in text.split("\n") if line.strip()), "", 1)
    return Document(text, meta, "html")


def _archived_message(source: Source, front: dict[str, Any], body: str) -> Document:
    """A list archive's message: its headers as front matter, its text (quoted questions over the answers)."""
    meta = Meta()
    metadata.from_front_matter(meta, front, "the archived message")
    if source.url:
        meta.put("url", metadata.web_url(source.url), "web address")
    return Document(body, meta, "text")


def _exported_chat(source: Source, chat: chats.Exported) -> Document:
    """A chat's exported history: the channel publishes it, on the day of its posts; the first post's first line,
    where it is a headline ("【文字访谈】沈亦舟：我在灯塔上守了三年", no sentence, no greeting), is its title, no
    passage."""
    meta = Meta()
    meta.put("publisher", chat.channel, "the channel")
    meta.put("published", chat.day, "the day of its posts")
    turns = list(chat.turns)
    sender, _, said = turns[0].partition(": ") if turns and ": " in turns[0] else ("", "", turns[0] if turns else "")
    first, _, rest = said.partition("\n\n")
    headline = plaintext.TAG.sub("", first).strip()
    if 4 <= len(headline) <= HEADLINE_MAX and (plaintext.TAG.match(first) or not (
            re.search(r"[.?。？…]\s*$", first) or GREETING.match(first))):
        meta.put("title", headline, "the first post")
        turns[0] = (f"{sender}: {rest}" if sender else rest) if rest else ""
        if not turns[0] and sender and len(turns) > 1 and not re.match(r"[^:\n]{1,60}: ", turns[1]):
            turns[1] = f"{sender}: {turns[1]}"  # (the headline alone in its post, the same sender going on)
    if source.url:
        meta.put("url", metadata.web_url(source.url), "web address")
    return Document("\n\n".join(t for t in turns if t), meta, "text")


HEADLINE_MAX = 80  # characters
GREETING = re.compile(r"(?:(?i:hi|hello|hey|hallo|dear|guten (?:morgen|tag|abend)|moin|servus|welcome|willkommen|"
                      r"herzlich willkommen)\b(?!-)|(?i:liebe[rs]?)\s+[A-ZÄÖÜ]|你好|大家好|欢迎)(?![^\n]*[:：–—])")
# (not "Liebe im Alter", "Hi-Fi im Hafen", "Willkommen an Bord: Ein Gespräch mit …", headlines)
PRESENTS = re.compile(r"\s+(?:presents|präsentiert|zeigt)$", re.I)  # a studio's credit over its film's title


def from_text(source: Source) -> Document:
    """A .md or .txt file: YAML front matter, a `Title:`/`Date:` header or an archive's transcript header,
    then the text (speakers named on a line of their own written as labels)."""
    original = asciidoc.to_markdown(source.text) if source.kind == "asciidoc" else source.text
    captioned, text = plaintext.webvtt(original)  # WebVTT: its header and notes, its cues as SubRip
    text, furniture = transcript.paginated(text.replace("\r\n", "\n"))  # without page heads and feet
    first_cue, text = plaintext.subtitles(text)  # subtitles saved as text: the cues as running text
    text = plaintext.time_marks(plaintext.numbered(text))  # numbered posts or lines, "#00:07:49#" marks
    text = chats.chat_export(text)  # a chat exported as text: its messages as turns
    text = plaintext.notes(text)  # a knowledge base's note: wikilinks, callouts, an interview as an outline
    text = plaintext.extensions(text)  # comments and Python-Markdown's extensions, as the site shows the text
    text = plaintext.marked_turns(text)  # "? …" questions and "! …" answers: the marks as labels
    posted_head, text = plaintext.bbs_post(text)  # a bulletin board's post: its head, and the post alone
    if not posted_head:
        posted_head, text = plaintext.social_post(text)  # a microblog's long post
    if not posted_head:
        posted_head, text = plaintext.email(text)  # an interview by email: the reply under its headers
    front, body = metadata.front_matter(text)
    origin = "front matter"
    if posted_head and not front:
        front, origin = posted_head, "the post's head"
    if not front:  # an archive's transcript: "Interviewee: …", "Date: …" lines under its name and title
        front, body = transcript.header(body)
        origin = "transcript header"
    if not body.strip():
        raise FetchError(f"{source.location}: the file is empty")
    body, posted = thread.first_post(body)  # a forum thread: the first post is the article, the rest comments
    meta = Meta()
    metadata.from_front_matter(meta, front, origin)
    if posted:
        meta.put("published", metadata.iso_date(posted), "the first post")
    if first_cue:  # a video's first subtitle: its title, under the channel's name in capitals ("DENKRAUM WISSEN",
        channel, _, rest = first_cue.partition("\n")  # "HOLLOW PINE FILMS presents")
        channel = PRESENTS.sub("", channel.strip())
        written = [captioned.get("notes", ""), text]
        if rest.strip() and transcript.CAPS.match(channel) and len(channel.split()) <= 5:
            meta.put("publisher", names.written_as(channel, written) or transcript.name_in_capitals(channel),
                     "the first subtitle")
            first_cue = rest
        first_cue = " ".join(first_cue.split())
        if transcript.CAPS.match(first_cue):
            first_cue = names.written_as(first_cue, written) or first_cue
        if not (plaintext.LABEL_START.match(first_cue) and re.search(r"[。.!?！？]$", first_cue)):  # ("采访者：今天是
            # 2011 年 8 月 23 日。": said, no title; "【对话】王一舟：在故纸堆里修时间" is one)
            meta.put("title", first_cue, "the first subtitle")
    meta.put("language", captioned.get("language"), "the subtitles' header")
    _from_furniture(meta, [*furniture, *source.furniture], source.furniture, body)  # (a PDF's, read apart)
    if source.url:
        meta.put("url", metadata.web_url(source.url), "web address")
    meta.put("publisher", metadata.paper_in_page_heads(source.text[:200000]), "its page heads")
    metadata.from_markdown(meta, body, source.url)
    meta.put("published", metadata.interview_date(body), "the interview's date")  # (where no other is given)
    meta.put("url", metadata.own_address(body), "its own address line")
    if meta.found.get("publisher") == "web address":  # the site's name as the file writes it, above its text too
        meta.publisher = metadata.as_written(meta.publisher, source.text)
    account = next((m for line in body.split("\n")[:12] if (m := WECHAT_HEAD.match(line.strip()))), None)
    if account:  # "原创 小满 山野手记 2024-06-02 08:00 浙江": a WeChat article's head, as a backup keeps it
        meta.put("publisher", account.group("acc"), "the account's line")
        meta.put("published", metadata.iso_date(account.group("d")), "the account's line")
        body = body.replace(account.group(0), "", 1)
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    site = transcript.named_site(first) or (None if meta.publisher else metadata.letterhead(first) or _masthead(body))
    if site:  # "HARBOR & FINCH BOOKS — PRESS KIT", "Fachverband Holzbau e.V.": who publishes the text
        spelled = names.written_as(site, [body])
        meta.put("publisher", spelled if spelled and spelled != site else transcript.name_in_capitals(site),
                 "its first line")
        body = body.replace(first, "", 1)  # the publisher's name over its text, no passage
    if meta.found.get("title") == "the line over the byline" and meta.title:
        body = _without_masthead(body, meta.title)
    if source.kind == "text" and "title" not in meta.found:
        meta.put("title", _title_line(body), "the line set apart at its top")
    body = transcript.name_lines(body, [*meta.guests, *meta.authors, *meta.speakers])
    metadata.show_in_title(meta)  # "慢车道 Vol.47｜在屋顶养蜂的人": the show publishes its episodes
    if meta.title:  # "慢半拍 | EP58 在屋顶养蜂的人：…" over "节目：慢半拍": the episode's own title
        meta.title = metadata.without_show(meta.title, meta.publisher)
    return Document(body, meta, source.kind)


TITLE_LINE_WORDS = 16
RECORDED = re.compile(r"(?i)(?:aufgezeichnet|aufgenommen|recorded|interviewed|geführt|transcribed|date)\b")
KICKERS = metadata.GENERIC_HEADINGS | metadata.GENERIC_TITLE_PARTS | {"gespräch", "q&a", "im gespräch", "porträt"}


def _title_line(body: str) -> str | None:
    """A plain text file's title: its first line standing alone over a blank line, short, no sentence, no
    speaker's label, name line, byline, date or page head ("Harbour Lights: An Interview with Seán O'Brien",
    "Hausgeburt im Odenwald"); under a kicker or a periodical's name ("INTERVIEW", "Gemeindebrief Ottersberg"),
    the line after it; None where the text starts otherwise."""
    text = body.lstrip("\n")
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text)[:3]]
    if len(blocks) < 2 or "\n" in blocks[0]:
        return None
    first, second = blocks[0], blocks[1]
    over = first.casefold() in KICKERS or (MASTHEAD.search(first) is not None and len(first.split()) <= MASTHEAD_WORDS)
    if not over:
        return first if _titled(first, text) else None
    return second if "\n" not in second and len(blocks) >= 3 and _titled(second, text) else None


def _titled(line: str, text: str) -> bool:
    """Whether a line standing alone at a text file's top reads as its title (see `_title_line`)."""
    if not 3 <= len(line) <= 120 or len(line.split()) > TITLE_LINE_WORDS or re.match(r"[a-zäöüß]+\b", line):
        return False  # (a transcribed sentence's start: "heute sprechen wir mit …"; not "eBay-Gründer …")
    if re.search(r"[.。:：,，;；!！?？…]$", line) or GREETING.match(line) or metadata.PAGE_HEAD.search(line) \
            or re.search(r"https?://|www\.|@", line) or not re.search(r"[^\W\d_]{2}", line):
        return False
    if metadata.BYLINE_START.match(line) or (metadata.dates_in(line) and (
            RECORDED.match(line) or len(re.sub(r"[\W\d_]", "", line)) < 25)):
        return False  # "Von Anna Schmidt", "Aufgezeichnet am 12. April 2024 im Gemeindehaus" (not "Der 9. November
        # 1989 – Erinnerungen an …")
    if line.casefold() in KICKERS:
        return False  # a kicker ("INTERVIEW")
    rest = text[text.find(line) + len(line):]
    caps_lines = re.search(r"(?m)^[ \t]*[A-ZÄÖÜ][A-ZÄÖÜ .'’-]{2,40}[ \t]*$", rest)  # ("INTERVIEWER" lines below)
    if re.search(rf"(?mi)^\W*{re.escape(line)}\W*$", rest) or (line.isupper() and caps_lines
                                                               and names.looks_like_person(line.title())):
        return False  # a speaker's name line ("MARTHA KELLERMANN" over her words), or it again below
    label = plaintext.LABEL_START.match(line)
    name = label.group(0)[:-1].strip() if label else ""
    again = re.compile(rf"(?m)^\W*{re.escape(name)}\W*[:：]")
    return not (name and (name.casefold() in labels.GENERIC or again.search(rest)))
    # ("Jonas Reuter: Seit zwanzig Jahren" with "Jonas Reuter:" again below: said, not a title)


def _from_furniture(meta: Meta, furniture: list[str] | tuple[str, ...], printed_apart: tuple[str, ...],
                    body: str) -> None:
    """Publisher, date and link from the heads and feet of a document's pages (a PDF's, a Word document's or a
    text's), read apart from its text: the running head's name (not the person the text is of), the one date
    they print, the address a browser printed at every foot (`printed_apart`: the file's own)."""
    addresses = {line.strip() for line in printed_apart if re.fullmatch(r"https?://\S+", line.strip())}
    if len(addresses) == 1:  # a page printed by a browser: its address at the foot of every page
        meta.put("url", metadata.web_url(addresses.pop()), "its printed address")
    head = transcript.running_head(list(furniture))  # a magazine's name, printed at the top of every page
    if head and _someone(head, body, meta.title):
        head = None  # "Ruth Okafor" at the head of every page of her interview: whom it is about, not who publishes
    if head:
        form = transcript.LEGAL_FORM.search(head)  # "RUDERVEREIN WELLENBRECHER e.V.": the name in capitals, its
        core, legal = (head[:form.start()], form.group(0)) if form else (head, "")  # legal form as written
        as_text = names.written_as(head, [body])
        named = (as_text if as_text and as_text != head else transcript.name_in_capitals(core) + legal
                 if core.isupper() else as_text or (head.title() if head.islower() else head))
        meta.put("publisher", named, "running head")
    printed = metadata.dates_in("\n".join(furniture))  # "· Ausgabe 4/2024 · 15. April 2024" at every page's foot
    if len(printed) == 1:
        meta.put("published", printed.pop(), "running foot")


def _someone(name: str, body: str, title: str | None) -> bool:
    """Whether a name is someone the text is of or hears from: a speaker's label (the name, its first or last
    word), the person its title or intro says was interviewed, or one it says something of as a
    person ("Ruth Okafor was a night sister …", not "Tidewater Quarterly is published by …")."""
    parts = [p.strip() for p in re.split(r"\s[·|–—-]\s", name) if p.strip()] or [name]
    people = names.from_titles([title], body) + names.from_teaser(body[:3000])
    for part in parts:
        written = " ".join(w.capitalize() for w in part.split()) if part.isupper() else part
        words = written.split()
        person = names.looks_like_person(written)  # (a club asking as "TSV:" is no person: "TSV 1860 Lollar e.V.")
        forms = {written, *(words[:1] + words[-1:] if len(words) >= 2 and person else [])}
        if any(re.search(rf"(?im)^[\W_]*{re.escape(f)}[\W_]*[:：]", body) for f in forms) or any(
                names.same_person(written, p) for p in people) or (person and re.search(
                rf"\b{re.escape(written)}(?:,\s*\d{{2}},|\s+(?:was|is|has|had|ist|war|hat)\b(?!\s+(?:published|"
                rf"a (?:magazine|newsletter|journal|quarterly)|herausgegeben|erschienen)))", body)):
            return True
    return False


WECHAT_HEAD = re.compile(r"(?:原创|原創)\s+(?:[^\s\d]{1,12}\s+)?(?P<acc>[^\s\d]{1,20})\s+"
                         r"(?P<d>(?:19|20)\d\d-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d\d)?(?:\s+[\u4e00-\u9fff]{2,4})?")
MASTHEAD = re.compile(r"(?i)(?:amtsblatt|mitteilungsblatt|blatt|gemeindebrief|(?<!ange)bote|zeitung|anzeiger|kurier|"
                      r"rundschau|nachrichten)\b|\b(?:newsletter|gazette|bulletin|journal|times|news)\b")
ISSUE_LINE = re.compile(r"(?i)\b(?:jahrgang|nummer|ausgabe|nr\.|issue|vol\.|volume|no\.)\s*\d")


def _masthead(body: str) -> str | None:
    """A periodical's name in capitals over its issue's line ("AMTSBLATT DER GEMEINDE HOLZKIRCHEN AM BACH" over
    "Jahrgang 41 | Nummer 9 | …"): who publishes the text."""
    lines = [line.strip() for line in body.split("\n") if line.strip()][:4]
    if lines and transcript.CAPS.match(lines[0]) and MASTHEAD.search(lines[0]) and len(lines[0].split()) <= 8 \
            and any(ISSUE_LINE.search(line) for line in lines[1:]):
        return lines[0]
    return None


def _without_masthead(body: str, title: str) -> str:
    """A text file without its title line and the short lines above it (the magazine's masthead, the
    issue, the section: "THE GROWERS' INTERVIEW")."""
    lines = body.split("\n")
    at = next((i for i, line in enumerate(lines[:60]) if line.strip().strip("*_#") == title), None)
    if at is None:
        return body
    kept = [line for line in lines[:at] if line.strip() and len(line.split()) > MASTHEAD_WORDS]
    return "\n".join([*kept, *lines[at + 1:]])


def extract(source: Source) -> Document:
    """Source -> Document, whatever its kind."""
    return from_html(source) if source.kind == "html" else from_text(source)
