"""Lines of terminal text: wrapped to the window on a TTY (Chinese-aware), left whole when piped.

A line may break at a space, or between two characters where one is a CJK (wide) character, except before
closing punctuation (，。、；：？！）」』” …) and after opening punctuation (（「『“ …), as Chinese typesetting
does. A run of Latin letters, digits and ASCII symbols (a word, a number, a link) is never split: one longer
than the window gets a line of its own and the terminal folds it, so it stays one word (and one link)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

CLOSING = set("，。、；：？！）」』】》〉〕］｝〗〙〛”’…‥·・,.;:?!)]}%")  # never first on a line
OPENING = set("（「『【《〈〔［｛〖〘〚“‘([{·・")  # never last on a line
MIN_WIDTH = 20  # a deeply indented block still gets this many cells per line

Row = tuple[int, Text]  # (indent in cells, text: "\n" in it starts a new line at the same indent)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _pieces(plain: str) -> list[tuple[int, int]]:
    """(start, end) of each run of spaces, single wide character, or run of other characters."""
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(plain):
        j = i + 1
        if plain[i].isspace():
            while j < len(plain) and plain[j].isspace():
                j += 1
        elif not _wide(plain[i]):
            while j < len(plain) and not plain[j].isspace() and not _wide(plain[j]):
                j += 1
        pieces.append((i, j))
        i = j
    return pieces


def _groups(plain: str) -> list[tuple[int, int, int]]:
    """(gap start, start, end) of each unbreakable group; the gap (spaces before it) goes at a break."""
    groups: list[list[int]] = []
    for start, end in _pieces(plain):
        if plain[start].isspace():
            continue
        if groups and (plain[start] in CLOSING or plain[groups[-1][2] - 1] in OPENING):
            groups[-1][2] = end  # no break here: the spaces between (if any) stay inside the group
        else:
            groups.append([groups[-1][2] if groups else 0, start, end])
    return [(gap, start, end) for gap, start, end in groups]


def _wrap_line(line: Text, width: int) -> list[Text]:
    plain = line.plain
    spans: list[list[int]] = []  # [start, end, cells] of each output line
    for gap, start, end in _groups(plain):
        if not spans:
            spans.append([gap, end, cell_len(plain[gap:end])])  # leading spaces kept (indentation)
            continue
        cells = cell_len(plain[start:end])
        gap_cells = cell_len(plain[gap:start])
        if spans[-1][2] + gap_cells + cells <= width:
            spans[-1][1:] = [end, spans[-1][2] + gap_cells + cells]
        else:
            spans.append([start, end, cells])
    return [line[start:end] for start, end, _ in spans] or [Text("")]


def wrap(text: Text, width: int) -> list[Text]:
    """`text` as lines of at most `width` cells (bar unbreakable words), styles kept, "\\n" respected."""
    return [piece for line in text.split("\n", allow_blank=True) for piece in _wrap_line(line, width)]


def window(console: Console) -> int | None:
    """The width to wrap to when `console` writes to a terminal; None when piped or redirected."""
    isatty = getattr(console.file, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        tty = False
    return console.width if tty else None


def print_rows(console: Console, rows: Iterable[Row]) -> None:
    """Print indented text: wrapped to the terminal, or one logical line per line when not a TTY; no padding."""
    width = window(console)
    for indent, text in rows:
        lines = wrap(text, max(width - indent, MIN_WIDTH)) if width else text.split("\n", allow_blank=True)
        for line in lines:
            line.rstrip()
            console.print(Text(" " * indent) + line if line.plain else Text(""), soft_wrap=True)
