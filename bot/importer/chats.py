"""Interviews held in a chat and exported: a messaging app's chat saved as text (WhatsApp) and a Telegram
channel's history saved as HTML (Telegram Desktop's export), each read as the conversation it holds: "Name: …"
turns, a sender's messages one after another as one turn's paragraphs, without the app's dates, notices, photo
captions, reactions and stand-ins for media."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.importer.plaintext import RULE_LINE

# a messaging app's chat saved as text: "12/03/2024, 14:02 - Name: …" (WhatsApp on Android), "[12.03.24, 14:02:33]
# Name: …" (on an iPhone), "2024/3/12 14:02 - 名字: …"; each message's lines after its first carry on the message
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
READER_GREETING = re.compile(r"(?i)(?:hallo|hi|hello|liebe[rs]?|sehr geehrte[rs]?|dear|guten (?:tag|abend|morgen)|"
                             r"moin|servus)\b|您好|你好")


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


def telegram_export(html: str) -> Exported | None:
    """The posts of a Telegram Desktop export ("messages.html": div.history of div.message), its channel and the day
    most posts were made on, else None. A post's signature names who wrote it (a channel's admin, its guest), else
    the sender shown over it, else (a forwarded post) the person it was forwarded from; a post with none of them
    (joined to the one before) is the sender's before it. Only the busiest day's posts are read, with those an
    hour or two on either side (a live interview past midnight; not a week's teaser or a promotion); a photo's
    caption is left out unless it answers the question before it, and so are the app's service lines. A private
    chat's header names the other person, no channel."""
    if 'class="history"' not in html or html.count("message default") < MIN_MESSAGES:
        return None
    from lxml import html as lxml_html

    from bot.importer.names import looks_like_person

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    posts: list[Post] = []
    sender: str | None = None
    for message in tree.xpath('//div[contains(@class, "history")]/div[contains(@class, "message")]'):
        if "service" in message.get("class", "").split():
            continue
        signed = _words(message.xpath('./div[@class="body"]/div[contains(@class, "signature")]'))
        shown = _words(message.xpath('./div[@class="body"]/div[@class="from_name"]'))
        forwarded = _words(message.xpath('.//div[contains(@class, "forwarded")]/div[contains(@class, "from_name")]'))
        origin = re.sub(r"\s+\d{2}\.\d{2}\.\d{4}.*$", "", forwarded or "")  # ("Sigrid Hollenbach 09.03.2024 …")
        sender = signed or shown or sender
        texts = message.xpath('.//div[@class="text"]')
        said = _words(texts) or ""
        forwarded_answer = origin and looks_like_person(origin) and not (
            re.match(r"[^.!?。！？]*[?？]", said) or (re.search(r"[?？]\W*$", said) and READER_GREETING.match(said)))
        # (a reader's question forwarded opens asking, or greets and ends asking; an answer forwarded may ask,
        # rhetorically, on the way or at its end)
        author = signed or (origin if forwarded_answer else None) or sender  # (a forward: its author's words, this
        # post only; a reader's question forwarded is asked by the one who forwards it)
        stamp = message.xpath('.//div[contains(@class, "date")]/@title')
        when = _when(stamp[0]) if stamp else None
        if texts:
            photo = bool(message.xpath('.//div[contains(@class, "media_wrap")]'))
            posts.append(Post(author, when, _text(texts[0]), photo))
    kept = _interview(posts)
    if len(kept) < MIN_MESSAGES:
        return None
    out: list[str] = []
    last: str | None = None
    for n, post in enumerate(kept):
        before = kept[n - 1] if n else None
        asked = before is not None and before.sender != post.sender and re.search(r"[?？]\s*$", before.text)
        if post.photo and not asked:
            continue  # a photo's caption; one right after another's question answers it
        if post.text:
            out.append(post.text if post.sender == last or not post.sender else f"{post.sender}: {post.text}")
            last = post.sender
    channel = _words(tree.xpath('//div[contains(@class, "page_header")]//div[contains(@class, "text")]'))
    if channel and channel in {p.sender for p in kept} and looks_like_person(channel):
        channel = None  # a private chat: its header names the other person (not a channel posting unsigned)
    day = Counter(p.when.date().isoformat() for p in kept if p.when).most_common(1)
    return Exported(out, channel, day[0][0] if day else None)


@dataclass
class Post:
    """A post of an exported chat: who wrote it, when, what it says (paragraphs), whether it is a photo's caption."""

    sender: str | None
    when: datetime | None
    text: str
    photo: bool = False


@dataclass
class Exported:
    """An exported chat's turns ("Name: …" or a paragraph going on), its channel and the day of its posts."""

    turns: list[str]
    channel: str | None
    day: str | None


GAP = timedelta(hours=2)  # between two posts of one conversation at most


def _interview(posts: list[Post]) -> list[Post]:
    """The posts of the busiest day and those before and after it that follow each other within GAP."""
    dated = [p for p in posts if p.when]
    if not dated:
        return posts
    busiest = Counter(p.when.date() for p in dated if p.when).most_common(1)[0][0]
    at = [i for i, p in enumerate(posts) if p.when and p.when.date() == busiest]
    start, end = at[0], at[-1]
    while start > 0 and _close(posts[start - 1], posts[start]):
        start -= 1
    while end + 1 < len(posts) and _close(posts[end], posts[end + 1]):
        end += 1
    return posts[start:end + 1]


def _close(a: Post, b: Post) -> bool:
    return a.when is None or b.when is None or b.when - a.when <= GAP


def _words(elements: list[Any]) -> str | None:
    said = " ".join(" ".join(el.text_content().split()) for el in elements).strip()
    return said or None


def _when(stamp: str) -> datetime | None:
    """"14.03.2024 20:05:11 UTC+08:00" -> that time (as the chat shows it, its zone aside)."""
    try:
        return datetime.strptime(stamp.strip()[:19], "%d.%m.%Y %H:%M:%S")
    except ValueError:
        return None


def _text(element: Any) -> str:
    """A post's text as it shows: its line breaks as paragraphs, its links' words."""
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in element.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)
