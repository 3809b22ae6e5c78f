"""Interviews held in a chat and exported: a messaging app's chat saved as text (WhatsApp) and a Telegram
channel's history saved as HTML (Telegram Desktop's export), each read as the conversation it holds: "Name: …"
turns, a sender's messages one after another as one turn's paragraphs, without the app's dates, notices, photo
captions, reactions and stand-ins for media."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from bot.importer.plaintext import RULE_LINE

# a messaging app's chat saved as text: "12/03/2024, 14:02 - Name: …" (WhatsApp on Android), "[12.03.24, 14:02:33]
# Name: …" (on an iPhone), "2024-03-12 14:02 Name: …"; each message's lines after its first carry on the message
_WHEN = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
CHAT_STAMP = re.compile(rf"^[\u200e\u200f]?(?:\[{_WHEN}\]\s+|{_WHEN}\s+-\s+)")  # ("15.04.24, 20:00 Hamburg" in a
# message: no stamp)
CHAT_SENDER = re.compile(r"(?P<n>[^:\s\"“”„«»][^:\"“”„«»\n]{0,59}?):\s+(?=\S)")
CHAT_FILLER = re.compile(r"(?i)\s*[\u200e\u200f]?(?:<attached:[^>\n]*>|<(?:Media omitted|Medien ausgeschlossen|"
                         r"媒体已省略|This message was edited|Diese Nachricht wurde bearbeitet)>)"
                         r"|^[\u200e\u200f]?(?:This message was deleted|You deleted this message|Diese Nachricht wurde "
                         r"gelöscht|Du hast diese Nachricht gelöscht|此消息已删除|你删除了此消息|"
                         r"(?:image|video|audio|sticker|GIF|document) omitted)\.?\s*$")
MIN_MESSAGES = 8


def chat_export(text: str) -> str:
    """A chat exported as text, as the conversation it holds: each message as "Name: …" (a sender's messages one
    after another as one turn's paragraphs), without the date and time over each message, the app's notices
    ("… created group", "Messages and calls are end-to-end encrypted") and its stand-ins for media and deleted
    messages; the lines before and after the chat as they are. Any other text as it is."""
    lines = text.split("\n")
    stamped = [i for i, line in enumerate(lines) if CHAT_STAMP.match(line)]
    if len(stamped) < MIN_MESSAGES:
        return text
    end = stamped[-1] + 1
    while end < len(lines) and lines[end].strip() and not RULE_LINE.match(lines[end]):
        end += 1  # the last message's lines
    out, sender = lines[:stamped[0]], None
    for k, start in enumerate(stamped):
        stop = stamped[k + 1] if k + 1 < len(stamped) else end
        said = lines[start][CHAT_STAMP.match(lines[start]).end():]  # type: ignore[union-attr]
        named = CHAT_SENDER.match(said)
        if not named or len(named.group("n").split()) > 6:
            continue  # the app's notice: no one's words
        body = [CHAT_FILLER.sub("", line) for line in [said[named.end():], *lines[start + 1:stop]]]
        message = "\n".join(line for line in body if line.strip())
        if not message:
            continue
        name = named.group("n").strip()
        out += ["", message] if name == sender else ["", f"{name}: {message}"]
        sender = name
    return "\n".join([*out, "", *lines[end:]])


def telegram_export(html: str) -> tuple[str, str | None, str | None] | None:
    """(the turns as text, the channel's name, the day most messages were posted as YYYY-MM-DD) of a Telegram
    Desktop export ("messages.html": div.history of div.message), else None. A post's signature names who wrote
    it (a channel's admin, its guest), else the sender shown over it; a post without either (joined to the one
    before, or forwarded into the chat) is the sender's before it. Only the busiest day's posts are read (a
    channel's other posts, a week's teaser, a promotion, are no part of the interview); a photo's caption and the
    app's service lines are left out."""
    if 'class="history"' not in html or html.count("message default") < MIN_MESSAGES:
        return None
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    posts: list[tuple[str | None, str, str]] = []  # (sender, day, text)
    sender: str | None = None
    for message in tree.xpath('//div[contains(@class, "history")]/div[contains(@class, "message")]'):
        if "service" in message.get("class", "").split():
            continue
        signed = _words(message.xpath('./div[@class="body"]/div[contains(@class, "signature")]'))
        shown = _words(message.xpath('./div[@class="body"]/div[@class="from_name"]'))
        sender = signed or shown or sender
        stamp = message.xpath('.//div[contains(@class, "date")]/@title')
        day = _day(stamp[0]) if stamp else ""
        texts = message.xpath('.//div[@class="text"]')
        if not texts or message.xpath('.//div[contains(@class, "media_wrap")]'):
            continue  # a photo and its caption
        posts.append((sender, day, _text(texts[0])))
    days = Counter(day for _, day, _ in posts if day)
    if len(posts) < MIN_MESSAGES or not days:
        return None
    busiest = days.most_common(1)[0][0]
    out: list[str] = []
    last: str | None = None
    for who, day, said in posts:
        if day != busiest or not said:
            continue
        out.append(said if who == last or not who else f"{who}: {said}")
        last = who
    channel = _words(tree.xpath('//div[contains(@class, "page_header")]//div[contains(@class, "text")]'))
    return "\n\n".join(out), channel, busiest


def _words(elements: list[Any]) -> str | None:
    said = " ".join(" ".join(el.text_content().split()) for el in elements).strip()
    return said or None


def _day(stamp: str) -> str:
    """"14.03.2024 20:05:11 UTC+08:00" -> "2024-03-14"."""
    m = re.match(r"(\d{2})\.(\d{2})\.(\d{4})", stamp.strip())
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else ""


def _text(element: Any) -> str:
    """A post's text as it shows: its line breaks as paragraphs, its links' words."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in element.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)
