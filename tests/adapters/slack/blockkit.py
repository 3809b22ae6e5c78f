"""Checks for posted Slack messages: Block Kit limits, mrkdwn safety, verbatim quotes, right links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from bot.answer.library import Library

LINK = re.compile(r"<([^<>|]*)\|([^<>]*)>")
ANGLE = re.compile(r"<([^<>]*)>")
BAD_AMP = re.compile(r"&(?!amp;|lt;|gt;)")
PINGS = ("<!channel", "<!here", "<!everyone", "<@", "<#", "<!subteam")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def mrkdwn_texts(msg: dict[str, Any]) -> Iterator[str]:
    """Every mrkdwn string of a message (fallback text included)."""
    if msg.get("text"):
        yield msg["text"]
    for block in msg.get("blocks") or []:
        if block.get("type") == "section" and block.get("text", {}).get("type") == "mrkdwn":
            yield block["text"]["text"]
        if block.get("type") == "context":
            for el in block.get("elements", []):
                if el.get("type") == "mrkdwn":
                    yield el["text"]


def view_problems(view: dict[str, Any]) -> list[str]:
    """What is wrong with a Home tab view (type "home", at most 100 blocks, each block as in a message)."""
    out = [] if view.get("type") == "home" else [f"view type {view.get('type')!r}"]
    if not view.get("blocks"):
        out.append("no blocks")
    return out + problems({"blocks": view.get("blocks") or []}, max_blocks=100)


def select_problems(e: dict[str, Any]) -> list[str]:
    """A static_select: a plain-text placeholder (≤150), 1–100 options (text ≤75, value ≤150), initial among them."""
    out = []
    if e.get("placeholder", {}).get("type") != "plain_text" or not 1 <= len(e["placeholder"].get("text", "")) <= 150:
        out.append("placeholder")
    options = e.get("options") or []
    if not 1 <= len(options) <= 100:
        out.append(f"{len(options)} options")
    for o in options:
        if o.get("text", {}).get("type") != "plain_text" or not 1 <= len(o["text"].get("text", "")) <= 75 \
                or not 1 <= len(o.get("value", "")) <= 150:
            out.append(f"option {o!r:.60}")
    if "initial_option" in e and e["initial_option"] not in options:
        out.append("initial option not among the options")
    return out


def problems(msg: dict[str, Any], max_blocks: int = 50) -> list[str]:
    """What is wrong with a message payload (empty list: valid and safe)."""
    out: list[str] = []
    blocks = msg.get("blocks") or []
    if not blocks and not msg.get("text"):
        out.append("neither text nor blocks")
    if len(blocks) > max_blocks:
        out.append(f"{len(blocks)} blocks")
    if len(msg.get("text") or "") > 40000:
        out.append("text over 40000")
    for i, block in enumerate(blocks):
        kind = block.get("type")
        if kind == "section":
            text = block.get("text", {}).get("text", "")
            if not text or len(text) > 3000:
                out.append(f"block {i}: section text length {len(text)}")
        elif kind == "header":
            text = block.get("text", {})
            if text.get("type") != "plain_text" or len(text.get("text", "")) > 150:
                out.append(f"block {i}: header")
        elif kind == "context":
            els = block.get("elements", [])
            if not 1 <= len(els) <= 10 or any(len(e.get("text", "")) > 3000 for e in els):
                out.append(f"block {i}: context elements")
        elif kind == "actions":
            els = block.get("elements", [])
            ids = [e.get("action_id") for e in els]
            if not 1 <= len(els) <= 25 or len(set(ids)) != len(ids):
                out.append(f"block {i}: actions elements")
            for e in els:
                if e.get("type") == "static_select":
                    out += [f"block {i}: select {p}" for p in select_problems(e)]
                    continue
                if e.get("type") != "button" or e.get("text", {}).get("type") != "plain_text":
                    out.append(f"block {i}: element type")
                if not 1 <= len(e["text"].get("text", "")) <= 75 or len(e.get("value", "")) > 2000:
                    out.append(f"block {i}: button text/value length")
                if len(e.get("action_id", "")) > 255:
                    out.append(f"block {i}: action_id length")
        elif kind == "context_actions":  # Slack's feedback buttons (slack_sdk >= 3.37)
            els = block.get("elements", [])
            if not 1 <= len(els) <= 5:
                out.append(f"block {i}: context_actions elements")
            for e in els:
                if e.get("type") != "feedback_buttons" or len(e.get("action_id", "")) > 255:
                    out.append(f"block {i}: element type")
                    continue
                for side in ("positive_button", "negative_button"):
                    b = e.get(side) or {}
                    if b.get("text", {}).get("type") != "plain_text" or not 1 <= len(b["text"].get("text", "")) <= 75 \
                            or not 1 <= len(b.get("value", "")) <= 2000:
                        out.append(f"block {i}: {side}")
        elif kind != "divider":
            out.append(f"block {i}: unexpected type {kind}")
    for text in mrkdwn_texts(msg):
        if BAD_AMP.search(text):
            out.append(f"unescaped & in {text[:80]!r}")
        for m in ANGLE.finditer(text):
            inner = m.group(1)
            if not re.match(r"https?://[^|\s]+\|", inner):
                out.append(f"special <{inner[:40]}> in {text[:80]!r}")
        if any(p in text for p in PINGS):
            out.append(f"ping in {text[:80]!r}")
    return out


def quote_lines(msg: dict[str, Any]) -> list[str]:
    """The quoted ("> ") lines of the message's sections, formatting removed and unescaped."""
    lines = []
    for block in msg.get("blocks") or []:
        if block.get("type") == "section":
            for line in block["text"]["text"].split("\n"):
                if line.startswith("> "):
                    lines.append(unescape(line[2:].replace("*", "")))
    return lines


def unquoted_problems(msg: dict[str, Any], library: Library) -> list[str]:
    """Quoted lines that are not verbatim excerpts of a passage; links that name the wrong article."""
    texts = [p.text.replace("*", "") for p in library.passages]
    out = [f"not verbatim: {line[:60]!r}" for line in quote_lines(msg) if not any(line in t for t in texts)]
    by_url = {a.url: a for a in library.articles.values() if a.url}
    for text in mrkdwn_texts(msg):
        for m in LINK.finditer(text):
            url, title = html.unescape(m.group(1)), unescape(m.group(2))
            article = by_url.get(url)
            if article is None or article.title != title:
                out.append(f"link {url[:60]} titled {title[:40]!r} names no article")
    return out
