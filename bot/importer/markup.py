"""Markdown, HTML remnants and text -> paragraphs of visible text.

Removes what a reader never sees (comments, tags, image links, entities, escapes, bracketed
timestamps, site directives like `=IMAGE=…=`), rejoins lines a sentence was wrapped across, and keeps
what the next steps need: headings and their level, list items, quotes, whole-bold or italic
paragraphs, and where an image stood (the text after one may be its caption). Bold markers `**` stay
in the text until the speaker labels are found; `visible()` removes them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, replace

IMAGE_MARK = "\ue010"  # where an image stood
CODE_MARK = "\ue011"  # a fenced code block's paragraph
BOX_MARK = "\u2e3a\u2e3a"  # a paragraph of a box the page sets in its article (a bio, a fact box): editors' text
# (two-em dashes, as the main-text extractor keeps them; no text has two in a row)
FENCE = re.compile(r"^\s{0,3}(`{3,})")  # (not "~~~": plain texts draw lines with it)
COMMENT = re.compile(r"<!--.*?-->", re.S)
SCRIPT = re.compile(r"<(script|style|noscript|iframe|svg)\b.*?</\1\s*>", re.S | re.I)
DIRECTIVE = re.compile(r"^=[A-Z]+=.*=\s*$", re.M)  # =IMAGE=file.jpg=caption=
HTML_IMAGE = re.compile(r"<(?:img|figure|picture|video|audio|source)\b[^>]*>", re.I)
HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
HTML_BLOCK = re.compile(r"</?(?:p|div|section|article|header|footer|aside|ul|ol|li|table|tr|td|th|blockquote|"
                        r"figcaption|dl|dd|dt|hr)\b[^>]*>", re.I)
HTML_BOLD = re.compile(r"</?(?:strong|b)\b[^>]*>", re.I)
HTML_ITALIC = re.compile(r"</?(?:em|i)\b[^>]*>", re.I)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_WRAPPED = r"(?:[^\]\n]|\n(?![ \t]*\n))"  # a link's words, wrapped over lines (not across a blank line)
MD_IMAGE = re.compile(rf"\[?!\[{_WRAPPED}*\]\([^)]*\)(?:\]\([^)]*\))?")
MD_LINK = re.compile(rf"\[({_WRAPPED}*)\]\((?:[^()\n]|\([^()\n]*\))*\)|\[({_WRAPPED}+)\]\[[^\]\n]*\]")
# a link reference definition (`[1]: url`, also written `[a]:http://…`): never shown by a Markdown reader
# an editor's note folded away: "<details><summary>📝 編輯補充：…</summary>…</details>" (a folded transcript stays)
EDITORS_DETAILS = re.compile(r"<details\b[^>]*>\s*<summary\b[^>]*>[^<]{0,8}"
                             r"(?:編輯補充|编辑补充|編者補充|编者补充|編按|编按|"
                             r"编者按|編者按|editor'?s note|anm\. d\. red\.|anmerkung der redaktion)[^<]*</summary>.*?"
                             r"</details>", re.S | re.I)
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")  # "counting.[^1]": a footnote's number, not the text
# Pandoc's bracketed span, its words shown without the attributes ("[Heritage Day]{.underline}"), and a wiki's
# edit link that cut a heading's word in two made whole again: "[Com]{.editsection}[plete this …]" -> "Complete …"
PANDOC_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{(?:\.editsection\}\[([^\[\]\n]*)\](?![(\[])|[.#][^{}\n]*\})")
# Pandoc's inline footnote, an editor's note set into the words: "… in Hidas^[Hidas, deutsch _Hidasch_, …] gewohnt"
INLINE_FOOTNOTE = re.compile(r"\^\[(?=[^\]\n]*?\w\w\w[^\]\n]*?\s\S)(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]")  # (two words at
# least, one of three letters: not an exponent, "2^[n]", "x^[2 k]")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:(?:[ \t]*(?:https?://|/|<)\S*|[ \t]+\S+).*$", re.M)
# a line that is only a link to another page of the site: its navigation ("*[Zur Ausarbeitung](index.md)*",
# "[← Back to the series](../)"), not the text (a link to a place in the page, "(#interview)", is the page's own)
NAV_LINE = re.compile(r"[ \t]*(?:\*\*|__|[*_])?\[(?P<t>[^\]\n]{1,80})\]\((?![a-z][a-z0-9+.-]*:|#|<)[^()\s]*\)"
                      r"(?:\*\*|__|[*_])?[ \t]*")
NAV_WORDS = {"zur", "zum", "zu", "zurück", "back", "home", "to", "alle", "all", "mehr", "more", "weiter", "next",
             "previous", "vorherige", "nächste", "übersicht", "index", "startseite", "start"}  # (a menu's, no name)
NAV_START = re.compile(r"(?i)(?:[←→«»‹›]|<-|->|zurück\b|back to\b|nächste[sr]? \w+\s*:|next \w+\s*:|previous \w+\s*:|"
                       r"vorherige[sr]? \w+\s*:|alle interviews|all interviews|zur übersicht)")  # (anywhere: a menu's)
NAV_TEXT_BEFORE = 80  # characters: a line longer than this is the text's, and a link below it no menu above it


def _without_nav_lines(text: str) -> str:
    """The text without links to other pages of the site standing alone above all of it or below all of it
    (a paragraph of their own, not a person's name: "*[Zur Ausarbeitung](index.md)*" at the top; a book list in
    an answer, a byline's linked name or a link wrapped into a paragraph stay)."""
    lines = text.split("\n")
    long = [i for i, line in enumerate(lines) if len(line.strip()) > NAV_TEXT_BEFORE]
    if not long:
        return text
    from bot.importer.names import looks_like_person

    def alone(i: int) -> bool:
        return (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
    out = []
    for i, line in enumerate(lines):
        m = NAV_LINE.fullmatch(line)
        words = m.group("t").strip("*_ ").split() if m else []
        named = bool(words) and words[0].casefold() not in NAV_WORDS and looks_like_person(" ".join(words))
        edge = i < long[0] or i > long[-1] or NAV_START.match(m.group("t").strip("*_ ") if m else "")
        if m and edge and alone(i) and not named:
            continue
        out.append(line)
    return "\n".join(out)
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|~<>:])")
TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
BRACKET_TIME = re.compile(rf"\[\s*{TIMESTAMP}\s*\]")
HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|(?![^#\s]{1,30}#))(.*?)\s*#*\s*$")  # not a "#话题#" topic tag
BULLET = re.compile(r"^\s*(?:(?:[*\-+•·▪●]|\d{1,2}[.)、](?!\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
                    r"September|Oktober|November|Dezember)\b)|[一二三四五六七八九十]{1,2}、)\s+"
                    r"|[►▶▸➤➢](?=\s*\S)\s*)")  # (no date: "14. Juni"; an arrow needs no space: "►返鄉青年調查…")
QUOTE = re.compile(r"^\s{0,3}>\s?")
BRACKET_HEADING = re.compile(r"\s*(?:\*\*|__)?\s*【[^【】\n]{2,30}】\s*(?:\*\*|__)?\s*")
CAPTION = re.compile(r"^\s{0,3}>>\s")  # closed captions: ">>" opens a speaker's turn (not "> >", a nested quote)
MIN_CAPTIONS = 3
RULE = re.compile(r"^\s*(?:[*\-_=]\s*){3,}$")
SENTENCE_END = re.compile(r"[。！？!?…:：;；.」』”\"'’)）\]】]$")
HAN = re.compile(r"[\u3400-\u9fff]")
EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!["
                      r"\w_])")


@dataclass
class Para:
    """A paragraph as the reader sees it (bold markers still in), with its shape."""

    text: str
    kind: str = "para"  # "para" | "heading" | "item"
    level: int = 0  # heading level
    quote: bool = False  # a blockquote (newsletter boxes, pull-quotes)
    after_image: bool = False  # right after an image: possibly its caption
    line: int = 0  # position in the document (for the import summary)
    caption: bool = False  # opened by ">>", a new speaker in a closed-caption transcript
    boxed: bool = False  # in a box the page sets inside its article ("info-box"): the editors', no one's answer
    after_rule: bool = False  # right after a thematic break ("---", <hr>): after the last answer, the article's end

    @property
    def bold(self) -> bool:
        """The whole paragraph is bold (a question, a heading, an emphasised sentence)."""
        t = self.text.strip()
        return len(t) > 4 and t.startswith("**") and t.endswith("**") and "**" not in t[2:-2].replace("** **", "")

    @property
    def italic(self) -> bool:
        t = self.text.strip().replace("**", "")
        return len(t) > 2 and ((t[0] == "*" and t[-1] == "*") or (t[0] == "_" and t[-1] == "_"))

    def with_text(self, text: str) -> Para:
        return replace(self, text=text)


def _one_line(words: str) -> str:
    """A link's words wrapped over lines, as one line shows them ("[Marek\nSiarkowicz](…)": "Marek Siarkowicz";
    ideographs run on without a space)."""
    def join(m: re.Match[str]) -> str:
        between = words[m.start() - 1:m.start()] + words[m.end():m.end() + 1]
        return "" if len(HAN_AT.findall(between)) == 2 else " "
    return re.sub(r"[ \t]*\n[ \t]*", join, words)


HAN_AT = re.compile(r"[\u3400-\u9fff]")


def visible(text: str) -> str:
    """Text without emphasis markers and with whitespace collapsed: what the reader sees."""
    text = BRACKET_TIME.sub("", text).replace("**", "").replace("__", "").replace(BOX_MARK, "")
    text = EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"[ \t\u00a0\u3000]+", " ", text)
    text = re.sub(r"^[*_]+(?=\S)|(?<=\S)[*_]+$", "", text.strip())  # an emphasis mark left unpaired
    return re.sub(r" *\n *", "\n", text).strip()


def _html(text: str) -> str:
    text = SCRIPT.sub("", COMMENT.sub("", text))
    text = HTML_IMAGE.sub(f"\n\n{IMAGE_MARK}\n\n", text)
    text = HTML_HEADING.sub(lambda m: f"\n\n{'#' * int(m.group(1))} {m.group(2)}\n\n", text)
    text = HTML_BREAK.sub("\n", text)
    text = HTML_BLOCK.sub("\n\n", text)
    text = HTML_BOLD.sub("**", text)
    text = HTML_ITALIC.sub("*", text)
    return HTML_TAG.sub("", text)


# a static site's template codes: Hugo shortcodes ("{{< figure … >}}", "{{% notice info %}} … {{% /notice %}}"),
# Jekyll's Liquid tags ("{% include share.html %}"); a box they open (notice, newsletter, …) is the site's
SHORTCODE_BOX = re.compile(r"\{\{%\s*(?P<n>notice|note|tip|info|warning|callout|alert|admonition|newsletter|box|hint)"
                           r"\b[^%]*%\}\}.*?\{\{%\s*/(?P=n)\s*%\}\}", re.S | re.I)
SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%-?\s.*?-?%\}", re.S)
# WordPress's shortcodes, as an export to Markdown leaves them (brackets escaped or not): an image's caption
# ("[caption id="attachment_4920" …]![](…) 我们在广州站上的合影[/caption]": the image, its caption under it) and
# embeds that show nothing as text
WP_CAPTION = re.compile(r"\\?\[caption\b[^\]\n]{0,300}\\?\]([^\n]*?)\\?\[/caption\\?\]", re.I)
WP_EMBED = re.compile(r"\\?\[(?P<n>embed|video|audio)(?:\s[^\]\n]{0,300})?\\?\][^\s\]\[]*?\\?\[/(?P=n)\\?\]|"
                      r"\\?\[(?:gallery|playlist|video|audio)(?:\s+[a-z_]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\]]+))+\s*\\?\]")
# (not a transcript's "[video of the CBS broadcast plays]", "[Audio clip: …]", "[Audio]")


def clean_text(text: str) -> str:
    """Markup and remnants removed; still one string with the document's line structure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = SHORTCODE.sub("", SHORTCODE_BOX.sub("", text))
    text = WP_EMBED.sub("", WP_CAPTION.sub(lambda m: f"\n\n{m.group(1).strip()}\n\n", text))
    text = DIRECTIVE.sub(f"\n{IMAGE_MARK}\n", text)
    text = EDITORS_DETAILS.sub("\n", text)
    text = _html(text)
    text = MD_IMAGE.sub(f" {IMAGE_MARK} ", text)
    text = _without_nav_lines(text)
    text = REFERENCE.sub("", text)
    text = FOOTNOTE_MARK.sub("", INLINE_FOOTNOTE.sub("", PANDOC_SPAN.sub(lambda m: m.group(1) + (m.group(2) or ""),
                                                                         text)))
    text = MD_LINK.sub(lambda m: _one_line(m.group(1) if m.group(1) is not None else m.group(2)), text)
    text = AUTOLINK.sub(r"\1", text)
    text = html.unescape(text)
    text = ESCAPE.sub(r"\1", text)
    return text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")


def _join(left: str, right: str) -> str:
    """Rejoin a sentence wrapped across lines: a space between Latin words, none around Chinese; a word
    hyphenated at the line's end whole again ("sustain-" + "able"), unless both halves are words and the
    whole is none ("well-" + "known")."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    split = re.search(r"\b(\w+)-$", left[-64:]) if left.endswith("-") else None  # (the paragraph so far: its end)
    if split and re.match(r"[a-zäöüß]", right) and not HAN.match(right[0]):
        tail = re.match(r"\w+", right)
        whole = split.group(1) + (tail.group(0) if tail else "")
        if _word(whole) or not (_word(split.group(1)) and tail and _word(tail.group(0))):
            return left[:-1] + right
        if not (tail and tail.group(0).lower() in ELLIPSIS):  # "well-" + "known"; "Nord-" + "und Süd" keeps its space
            return left + right
    if HAN.match(left[-1]) or HAN.match(right[0]) or right[0] in "·・，。、）)":
        return left + right
    return f"{left} {right}"


ELLIPSIS = {"und", "oder", "bis", "sowie", "and", "or", "to"}  # "Nord- und Süd…": a word left open, not broken


def _word(word: str) -> bool:
    """Whether a word is common enough in English or German to be one (not a hyphenated line's half)."""
    from retrieval.generality import zipf

    return max(zipf(word.lower(), "en"), zipf(word.lower(), "de")) >= 3.0


TIMED_LINE = re.compile(rf"^\s*[\[(]?{TIMESTAMP}[\])]?\s")  # "[00:00:00] Stefan", "0:02:04.8 **Tim**": a new turn
NAME_TIME = re.compile(rf"^\s*[^\s:：].{{0,40}}?\S\s{{2,}}{TIMESTAMP}\s*$")  # "Tom Brennan  00:00" over the words
WHOLE_EMPHASIS = re.compile(r"^\s*(?:\d{1,2}[.)]\s+|[-*+]\s+)?(\*\*|__)(?=\S).+(?<=\S)\1\s*$")


# a line opened by a speaker's label ("Dana: So Luis, …", "小溪：欢迎周禾来到我们节目"): after another such line, a turn
LINE_LABEL = re.compile(r"\s*(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}|[\u4e00-\u9fff·]{1,6})\s*[:：]\s*\S")
LAID_LABEL = re.compile(r"[A-Z]{1,4}:\s{2,}\S")  # "RD:   Ruth …": a short label set in a column, a new line's turn


def _line_label(line: str) -> str | None:
    m = LINE_LABEL.match(line)
    return m.group(0).rsplit(":", 1)[0].rsplit("：", 1)[0].strip() if m else None


def _is_structural(line: str) -> bool:
    s = line.strip()
    return bool(HEADING.match(s) or BULLET.match(s) or QUOTE.match(s) or RULE.fullmatch(s) or s == IMAGE_MARK
                or TIMED_LINE.match(s) or NAME_TIME.match(line) or LAID_LABEL.match(s))


RULED_MARKER = re.compile(r"[—–=~*-]{2,}\s*[^—–=~*\s-][^\n]{0,30}?\s*[—–=~*-]{2,}")


def _stands_alone(line: str) -> bool:
    """A line that is a unit of its own: a whole-bold line (a question), a timestamped label line, a marker set
    between rules ("—— 广告时间 ——", "--- Werbung ---")."""
    s = line.strip()
    return bool((WHOLE_EMPHASIS.match(s) and len(visible(s)) >= 8) or (TIMED_LINE.match(s) and len(s.split()) <= 5)
                or NAME_TIME.match(line) or RULED_MARKER.fullmatch(s))


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip("*_ ")[-300:]  # (a paragraph being joined: its end)
    return not s or bool(SENTENCE_END.search(s)) or line.endswith("  ") or bool(re.search(r"https?://\S+$", s))


def _paragraph_lines(text: str) -> list[tuple[int, str]]:
    """(line number, paragraph text) with wrapped lines rejoined."""
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    start = 0
    fence: str | None = None  # in a fenced code block: its lines, as they are, are one paragraph
    code: list[str] = []
    said = Counter(_line_label(line) for line in text.split("\n"))
    recurring = {label for label, n in said.items() if label and n >= 2}  # ("Spanish: …" once is a wrapped line)
    for n, raw in enumerate(text.split("\n")):
        line = raw.rstrip("\n")
        if fence is not None:
            if line.strip().startswith(fence):
                if any(c.strip() for c in code):
                    out.append((start, CODE_MARK + "\n".join(code)))
                fence = None
            else:
                code.append(line.rstrip())
            continue
        opening = FENCE.match(line)
        if opening:
            if cur:
                out.append((start, "".join(cur)))
                cur = []
            fence, code, start = opening.group(1)[:3], [], n
            continue
        if not line.strip():
            if cur:
                out.append((start, "".join(cur)))
                cur = []
            continue
        if re.fullmatch(r"\s*=+\s*|\s*-+\s*", line) and len(cur) == 1 and not _is_structural(cur[0]) \
                and len(cur[0]) <= 200:  # a setext heading: "Title" over "=====" or "-----"
            out.append((start, ("# " if "=" in line else "## ") + cur[0]))
            cur = []
            continue
        if cur and (_is_structural(line) or _ends_sentence(cur[-1]) or _stands_alone(cur[-1])
                    or (_is_structural(cur[0]) and not BULLET.match(cur[0]))
                    or (LINE_LABEL.match(cur[0]) and _line_label(line) in recurring)):  # turn after turn, a line each
            out.append((start, "".join(cur)))
            cur = []
        if not cur:
            start = n
            cur = [line.strip()]
        else:
            cur[-1:] = [_join(cur[-1], line.strip())]
    if cur:
        out.append((start, "".join(cur)))
    if fence is not None and any(c.strip() for c in code):  # a block never closed: to the end
        out.append((start, CODE_MARK + "\n".join(code)))
    return out


GLUED_TURN = re.compile(r"(?:\*\*|__)\s*[^*_\n:：]{1,40}?\s*[:：]\s*(?:\*\*|__)\s*(?=\S.{19})")  # "**Name:** …"
MERGED_BOLD = re.compile(r"(?<=[A-Za-z0-9\\-])\*{4}(?=[A-Za-z0-9\\-])")  # (inside a Latin word only)
DOUBLED_BOLD = re.compile(r"^\*{4}(?=[^*\s])|(?<=[^*\s])\*{4}$")


def paragraphs(text: str) -> list[Para]:
    """Clean `text` (Markdown, HTML fragments or plain text) into paragraphs."""
    out: list[Para] = []
    after_image = ruled = False
    lines = _paragraph_lines(clean_text(text))
    captions = sum(1 for _, raw in lines if CAPTION.match(raw)) >= MIN_CAPTIONS
    for line_no, raw in lines:
        if raw.startswith(CODE_MARK):  # code: no heading, list or quote inside
            out.append(Para(raw[1:].strip("\n"), "para", 0, False, after_image, line_no))
            after_image = False
            continue
        s = MERGED_BOLD.sub("", DOUBLED_BOLD.sub("**", raw.strip()))  # "****Q：您为什么…？****": bold set twice, as a
        # converter nests it; "**dubbo****\\-****go 何鑫铭：**": two bold runs that touch, one word
        if RULE.fullmatch(s):
            ruled = True
            continue
        caption = captions and bool(CAPTION.match(s))
        quote = bool(QUOTE.match(s)) and not caption
        while QUOTE.match(s):
            s = QUOTE.sub("", s, count=1).strip()
        heading = HEADING.match(s)
        kind, level = "para", 0
        glued = GLUED_TURN.search(heading.group(2)) if heading else None
        if heading and glued and glued.start() >= 8 \
                and re.search(r"[\"“”„»«」』.!?！？。]\s*$", heading.group(2)[:glued.start()]):
            # '## "Geld wird zum Nulltarif verliehen"<b>Matthias:</b> Die Tatsache, …': a pull-quote heading, whole,
            # the next turn run on after it (an export lost the line break; not "## Question one for **Laura …**")
            out.append(Para(heading.group(2)[:glued.start()].strip(), "heading", len(heading.group(1)), quote,
                            after_image, line_no))
            s = heading.group(2)[glued.start():].strip()
            after_image, heading = False, None
        if heading:
            kind, level, s = "heading", len(heading.group(1)), heading.group(2)
        elif BRACKET_HEADING.fullmatch(s):  # "【青年人才要“压担子”】" alone: a section's title in a Chinese article
            kind, level, s = "heading", 3, s.strip("*_ ")
        elif BULLET.match(s) and not s.startswith("**"):
            numbered = re.match(r"\s*(?:\d|[一二三四五六七八九十])", s)  # "2." is visible text; "-" and "*" are not
            kind, s = "item", s.strip() if numbered else BULLET.sub("", s, count=1)
        boxed = BOX_MARK in s
        s = s.replace(BOX_MARK, "")
        pieces = [p.strip() for p in s.split(IMAGE_MARK)]
        for i, piece in enumerate(pieces):
            if i:
                after_image = True
            if not visible(piece).strip("*_ "):
                continue
            out.append(Para(piece, kind, level, quote, after_image, line_no, caption and not i, boxed, ruled))
            after_image = ruled = False
        if len(pieces) > 1 and not pieces[-1]:
            after_image = True
    return out
