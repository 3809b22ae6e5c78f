"""Plain-text shapes read before the text's paragraphs: a bulletin-board post as saved from PTT and its
like (`作者  …` / `看板  …` / `標題  …` / `時間  …` head, the post, then `--`, the site's lines and the push
comments), and subtitles saved as text (SubRip: numbered cues with `00:00:01,200 --> 00:00:04,800`).

    head, text = bbs_post(text)      # ({"author", "title", "date", "url"} or {}, the post's own text)
    first, text = subtitles(text)    # (the first cue's text or None, the cues as running text)
"""

from __future__ import annotations

import re
from typing import Any

HEAD_KEYS = {"作者": "author", "看板": "board", "標題": "title", "标题": "title", "時間": "date", "时间": "date"}
HEAD_LINE = re.compile(r"^(?P<k>作者|看板|標題|标题|時間|时间)[ \t\u3000]{1,}(?P<v>\S.*?)\s*$")
POST_URL = re.compile(r"^※\s*(?:文章網址|文章网址)\s*[:：]\s*(?P<u>https?://\S+)\s*$", re.M)
SIGNATURE = re.compile(r"^--\s*$", re.M)  # where the post ends and the site's lines and the comments begin
TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|【[^】]{1,8}】)\s*")  # "[分享] 專訪…": the board's kind of post
CUE_TIME = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}.*$")
MIN_CUES = 5
LABEL_START = re.compile(r"^[^\s：:，,。]{1,12}[：:]")  # a cue that names who speaks ("王一舟：…") starts a turn


def bbs_post(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter keys, the post's text) of a bulletin-board post: the head's author, title (without its
    "[分享]"), time, and the post's own address; the post ends at its `--` line."""
    lines = text.lstrip("\ufeff").split("\n")
    head = [HEAD_LINE.match(line) for line in lines[:6]]
    found = [m for m in head if m]
    if len({m.group("k") for m in found}) < 3 or not head[0]:
        return {}, text
    keys: dict[str, Any] = {}
    for m in found:
        key = HEAD_KEYS[m.group("k")]
        value = m.group("v")
        if key == "author":
            keys["author"] = value.split()[0]  # "scoutwolf (山狼)": the user
        elif key == "title":
            keys["title"] = TAG.sub("", value)
        elif key == "date":
            keys["date"] = value
    url = POST_URL.search(text)
    if url:
        keys["url"] = url.group("u")
    body = "\n".join(lines[len(found):])
    end = SIGNATURE.search(body)
    return keys, (body[:end.start()] if end else body)


def subtitles(text: str) -> tuple[str | None, str]:
    """(the first cue's text, the text of the cues as paragraphs: a cue that names its speaker, or follows a
    cue that ends a sentence, starts a paragraph) of subtitles saved as text; (None, text) for other text."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    times = [i for i, line in enumerate(lines) if CUE_TIME.match(line)]
    if len(times) < MIN_CUES:
        return None, text
    cues: list[str] = []
    for n, i in enumerate(times):
        end = times[n + 1] - 1 if n + 1 < len(times) else len(lines)  # (the next cue's number stands before it)
        said = " ".join(line.strip() for line in lines[i + 1:end] if line.strip() and not line.strip().isdigit())
        if said:
            cues.append(said)
    if not cues:
        return None, text
    out: list[str] = []
    for cue in cues[1:]:
        if out and not LABEL_START.match(cue) and not re.search(r"[。！？!?…」』”）)]$", out[-1]):
            out[-1] = _joined(out[-1], cue)
        else:
            out.append(cue)
    return cues[0], "\n\n".join(out)


def _joined(left: str, right: str) -> str:
    """Two cues of one sentence: no space between Chinese, one between words."""
    if re.search(r"[\u3400-\u9fff，、；：]$", left) or re.match(r"[\u3400-\u9fff，。、；：！？]", right):
        return left + right
    return f"{left} {right}"
