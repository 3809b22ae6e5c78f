"""Markup removal: raw scraped article text -> clean paragraphs (blocks).

The rules are generic (markdown images, links, bold, escapes, headings, underlines, bullets, share and
copyright footers, language menus); an article may add its own start/end markers and junk lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.models import Speaker

IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
BARE_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&|~<>])")
UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")
RULE = re.compile(r"^\s*(?:[*\-_]\s*){3,}$")
HEADING = re.compile(r"^\s*#{1,6}\s+")
QUOTE_MARK = re.compile(r"^\s*>\s?")
BULLET = re.compile(r"^\s*(?:[*\-+•·]|\d{1,2}[.)、])(?:\s+|$)")
SECTION_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")
SENTENCE_END = re.compile(r"[。！？!?…」”\"')）.:：~]$")
HAN = re.compile(r"[\u3400-\u9fff]")
# A space between two Chinese characters: edited Chinese never has one, a scraper that dropped a word
# (an English product name, "在 ChatGPT 发布后" -> "在 发布后") leaves one. Shown as GAP_MARK, not hidden.
LOST_WORD = re.compile(r"(?<=[\u3400-\u9fff「『（《])[ \u3000]+(?=[\u3400-\u9fff」』）》])")
GAP_MARK = "[…]"

# Lines that are never content: footers, share prompts, copyright, comment boxes, language menus.
JUNK = [
    re.compile(p)
    for p in (
        r"^©",
        r"^—\s*完\s*—$",
        r"^-?\s*END\s*-?$",
        r"^(?:本文)?来源[:：]",
        r"^本文来源",
        r"^转载",
        r"^投稿或寻求报道",
        r"^(?:广告也精彩|相关文章|暂无评论\.*|版权声明)$",
        r"^点击(?:关注|阅读原文|上方)",
        r"^(?:阅读原文|阅读|在看|分享|点赞|收藏)$",
        r"^跳转到 Cubox 查看$",
        r"^\*{0,2}更多阅读\*{0,2}$",
        r"^(?:Nachricht|Videoadresse:?)$",
        r"^[\d,]+\s+\d+$",  # view/comment counters
        r"^默认分类",
    )
]


@dataclass
class Block:
    """A clean paragraph: its text, what kind it is, and the speaker label that opened it."""

    text: str
    kind: str = "para"  # "para" | "heading" | "bullet"
    speaker: Speaker | None = None
    bold: bool = False  # the whole paragraph was bold in the source
    after_image: bool = False


def mark_gaps(text: str) -> str:
    """The places where the source lost words, marked with GAP_MARK (see LOST_WORD)."""
    return LOST_WORD.sub(GAP_MARK, text)


def strip_inline(text: str) -> str:
    """Remove inline markup (images, links, bold, escapes) and keep the words."""
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = text.replace("**", "").replace("__", "")
    text = ESCAPE.sub(r"\1", text)
    return text


def _is_menu(line: str) -> bool:
    """A language menu: many scripts glued together without spaces (한어Русский языкEnglish…)."""
    scripts = sum(
        bool(re.search(p, line))
        for p in (r"[\uac00-\ud7af]", r"[\u0400-\u04ff]", r"[\u0370-\u03ff]", r"[\u3040-\u30ff]")
    )
    return scripts >= 2 and len(line) < 200


def is_junk(line: str, extra: Sequence[re.Pattern[str]] = ()) -> bool:
    """Whether a raw line is page furniture rather than article text."""
    s = line.strip()
    if not s:
        return False
    if any(p.search(s) for p in extra):
        return True
    plain = strip_inline(s).strip()
    if not plain and (IMAGE.search(s) or LINK.search(s)):
        return True  # an image or an empty link
    if LINK.fullmatch(s) and ("://" in s):
        return True  # a line that is only a link: "more reading" lists, source badges
    if RULE.fullmatch(s) and not UNDERLINE.fullmatch(s):
        return True
    return any(p.search(plain) for p in JUNK) or _is_menu(plain)


def _label_pattern(label: str) -> str:
    """A label that tolerates the stray spaces left by broken bold markers ("Aidan Go mez")."""
    return r"\s?".join(re.escape(ch) for ch in label if not ch.isspace())


class LabelMatcher:
    """Finds a speaker label at the start of a line: `戈麦斯：`, `**Aidan Gomez**:`, `Q:`."""

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        self.speakers = {s.label: s for s in speakers}
        alts = sorted(self.speakers, key=len, reverse=True)
        if alts:
            body = "|".join(f"(?P<s{i}>{_label_pattern(a)})" for i, a in enumerate(alts))
            self._re: re.Pattern[str] | None = re.compile(rf"^\s*(?:{body})(?P<colon>\s*[:：]\s*)?")
        else:
            self._re = None
        self._order = alts

    def match(self, plain: str) -> tuple[Speaker, str] | None:
        """(speaker, rest of the line) when the line opens with a known label."""
        if self._re is None:
            return None
        m = self._re.match(plain)
        if not m:
            return None
        label = next(label for i, label in enumerate(self._order) if m.group(f"s{i}") is not None)
        rest = plain[m.end():]
        glued = len(label) >= 4 and rest[:1].isupper() and plain[m.end() - 1].islower()
        if m.group("colon") or not rest.strip() or glued:  # "Name:", a label alone, "Aidan GomezFast …"
            return self.speakers[label], rest
        return None


def _join(left: str, right: str) -> str:
    """Rejoin a sentence the source broke across lines: a space between Latin words, none in Chinese."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if HAN.match(left[-1]) or HAN.match(right[0]) or not left[-1].isascii() or not right[0].isascii():
        if left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
            return f"{left} {right}"
        if (left[-1].isascii() and left[-1].isalnum()) and HAN.match(right[0]):
            return f"{left} {right}"
        if HAN.match(left[-1]) and right[0].isascii() and right[0].isalnum():
            return f"{left} {right}"
        return left + right
    return f"{left} {right}"


def _cut(lines: list[str], start_after: str | None, end_at: str | None) -> list[str]:
    if start_after:
        rx = re.compile(start_after)
        for i, line in enumerate(lines):
            if rx.search(line.strip()):
                lines = lines[i + 1:]
                break
    if end_at:
        rx = re.compile(end_at)
        for i, line in enumerate(lines):
            if rx.search(line.strip()):
                lines = lines[:i]
                break
    return lines


def clean_blocks(
    raw: str,
    *,
    fmt: str = "markdown",
    speakers: Iterable[Speaker] = (),
    start_after: str | None = None,
    end_at: str | None = None,
    drop: Sequence[str] = (),
) -> list[Block]:
    """Turn a raw article into clean blocks.

    fmt "markdown": blank lines and trailing double spaces end paragraphs, other line breaks are soft
    wraps to rejoin. fmt "lines": every line is a paragraph.
    """
    extra = [re.compile(p) for p in drop]
    labels = LabelMatcher(speakers)
    lines = _cut(raw.replace("\r\n", "\n").replace("\u00a0", " ").split("\n"), start_after, end_at)
    blocks: list[Block] = []
    cur: list[str] = []
    cur_block = Block("")
    pending_bullet = False
    last_was_image = False

    def flush() -> None:
        nonlocal cur, cur_block
        text = ""
        for part in cur:
            text = _join(text, part)
        text = mark_gaps(text.strip())
        if cur_block.speaker is not None:
            text = re.sub(r"^[:：]\s*", "", text)  # the colon of a label that stood alone on its line
        if text:
            cur_block.text = text
            blocks.append(cur_block)
        cur, cur_block = [], Block("")

    for raw_line in lines:
        line = raw_line.rstrip("\n")
        stripped = line.strip()
        if not stripped:
            if fmt == "markdown":
                flush()
            continue
        if UNDERLINE.fullmatch(stripped):
            if cur:
                cur_block.kind = "heading"
                flush()
            continue
        if IMAGE.search(stripped) and not strip_inline(stripped).strip():
            flush()
            last_was_image = True
            continue
        if is_junk(stripped, extra):
            flush()
            continue
        hard_break = line.endswith("  ")
        is_heading = bool(HEADING.match(stripped))
        body = HEADING.sub("", stripped)
        body = QUOTE_MARK.sub("", body)
        bullet = BULLET.match(body)
        if bullet and not re.match(r"^\s*\*\*", body):
            flush()
            body = body[bullet.end():]
            if not body.strip():
                pending_bullet = True
                continue
            cur_block.kind = "bullet"
        whole_bold = bool(re.fullmatch(r"\s*\*\*.+\*\*\s*", body)) and body.count("**") == 2
        plain = strip_inline(body)
        label = labels.match(plain)
        if label:
            flush()
            cur_block.speaker, plain = label
            cur_block.bold = "**" in body[:4] and body.rstrip().endswith("**")
        elif pending_bullet:
            flush()
            cur_block.kind = "bullet"
        pending_bullet = False
        if fmt == "lines" or is_heading or SECTION_NUMBER.fullmatch(plain):
            if cur:
                flush()
            if is_heading or SECTION_NUMBER.fullmatch(plain):
                cur_block.kind = "heading"
        if not cur and not label:
            cur_block.bold = whole_bold
            cur_block.after_image = last_was_image
        cur.append(plain)
        last_was_image = False
        if fmt == "lines" or hard_break or is_heading or cur_block.kind == "heading":
            flush()
    flush()
    return blocks
