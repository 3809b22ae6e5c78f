"""A message in a mailing list's web archive (Mailman's pipermail pages): an interview answered by e-mail
to a list, its questions quoted ("> …") over the answers.

    found = message(html)   # None, or (front-matter keys, the message's text)

The subject (the page's heading) is the title, the list's name in its "[…]" tag the publisher, the sender
(bold over the address) the one answering, the date line (in italics) the date; the text is the message
between the archive's `beginarticle`/`endarticle` marks, without the signature after "-- ", without the
archive's navigation and the list's footer around it.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from bot.importer import metadata, plaintext

ARTICLE = re.compile(r"<!--beginarticle-->(?P<body>.*?)<!--endarticle-->", re.S | re.I)
SUBJECT = re.compile(r"<h1>(?P<s>.*?)</h1>", re.S | re.I)
SENDER = re.compile(r"<b>(?P<n>[^<]{2,60})</b>\s*<a\s+href=\"mailto:", re.I)
SENT = re.compile(r"<i>(?P<d>[^<]{8,60})</i>", re.I)
LIST_TAG = re.compile(r"^\s*(?:(?:re|aw|fwd?|wg)\s*:\s*)*\[(?P<l>[^\]]{2,60})\]")
STAMP = re.compile(r"(?P<m>[A-Za-zäöü]{3})[a-zäöü.]*\s+(?P<d>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:\S+\s+)?"
                   r"(?P<y>\d{4})")  # "Di Okt  8 14:22:51 CEST 2024"


def _text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


def _unwrapped_quotes(body: str) -> str:
    """Quoted lines a mail program wrapped ("> 1. Wie sind Sie auf die Idee gekommen, alle Mühlen" / "> zu
    erfassen?") joined again: a quoted line goes on the one above unless that one is empty or this one
    starts a list item."""
    out: list[str] = []
    for line in body.split("\n"):
        said = line.lstrip(">").strip()
        above = out[-1].lstrip(">").strip() if out else ""
        if line.startswith(">") and out and out[-1].startswith(">") and said and len(above) >= WRAPPED \
                and not QUOTED_ITEM.match(said) and not re.search(r"[.?!:]$", above):
            # (a short line above, or one ending a sentence, ends where its writer ended it)
            out[-1] = f"{out[-1].rstrip()} {said}"
        else:
            out.append(line)
    return "\n".join(out)


WRAPPED = 50  # characters: a quoted line at least this long may have been wrapped
QUOTED_ITEM = re.compile(r"(?:\d{1,2}[.)]|[-*•])\s")


def message(page: str) -> tuple[dict[str, Any], str] | None:
    """(front-matter keys, the message's text) of an archived list message, else None."""
    article = ARTICLE.search(page)
    if article is None:
        return None
    body = _text(article.group("body")).strip("\n")
    body = plaintext.text_before(plaintext.SIGNATURE, body).rstrip()  # (the signature after "-- ", as a mail's)
    found: dict[str, Any] = {}
    body = _unwrapped_quotes(body)
    wrote = plaintext.WROTE.search(body)  # "Am 01.10.2024 um 09:15 schrieb Matthias Krumbholz:": who asked
    if wrote:
        found["interviewer"] = (wrote.group("a") or wrote.group("b")).strip()
        body = plaintext.WROTE.sub("", body)
    subject = SUBJECT.search(page)
    if subject:
        found["title"] = " ".join(_text(subject.group("s")).split())
        listed = LIST_TAG.match(found["title"])
        if listed:
            found["publisher"] = listed.group("l").strip()
    sender = SENDER.search(page)
    if sender:
        found["interviewee"] = " ".join(_text(sender.group("n")).split())
    sent = SENT.search(page)
    stamp = STAMP.search(_text(sent.group("d"))) if sent else None
    month = metadata.MONTHS.get(stamp.group("m").casefold()) if stamp else None
    if stamp and month:
        found["date"] = f"{stamp.group('y')}-{month:02d}-{int(stamp.group('d')):02d}"
    return found, body
