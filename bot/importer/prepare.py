"""Extracted text -> an Article with attributed, tokenized passages, by the bundled corpus's own rules."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.importer.extract import Extracted
from bot.importer.speakers import UNKNOWN_NAME, Detected, detect_speakers, interviewee_from_title, unlabelled_questions
from corpus.loader import parse_article
from corpus.models import Article, Passage
from retrieval.terms import index_terms
from retrieval.tokenize import detect_language

MIN_TEXT = 200  # characters of clean text: less is a menu, a paywall or an error page
MIN_TEXT_HAN = 60  # the same for Chinese, where a character carries more
MAX_ID = 31  # passage ids are "<article id>:<8 hex>" and must stay within 40 bytes
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,30}$")
LANGUAGES = ("zh", "zh-Hant", "de", "en")
# Page furniture that survives extraction on news sites (English, German, Chinese).
DROP = [
    r"^(?:Advertisement|Anzeige|Werbung|Sponsored|广告)$",
    r"^(?:Share|Teilen|Tweet|Drucken|Print)(?: (?:this|on) .*)?$",
    r"^(?:Read more|Read also|Related|Lesen Sie auch|Mehr zum Thema|Weiterlesen|相关阅读|延伸阅读|推荐阅读)\b",
    r"^(?:Subscribe|Sign up|Newsletter|Abonnieren|Jetzt abonnieren)\b",
    r"^(?:Photo|Foto|Image|Bild|Picture|图片来源|图源)\s*[:：]",
    r"^(?:All rights reserved|Alle Rechte vorbehalten)",
    r"^(?:This|The) (?:interview|conversation|transcript) (?:has been|was) (?:\w+ )?(?:edited|condensed)",
    r"^(?:Das|Dieses) (?:Gespräch|Interview) wurde .*(?:gekürzt|redigiert|bearbeitet)",
    r"^[（(](?:本文|以上|对话|访谈|采访)[^）)]*(?:整理|编辑|删节|确认)[^）)]*[）)]$",
    r"^[（(][^）)]*(?:首发|转载|授权|版权)[^）)]*[）)]$",
    r"^(?:文|作者|编辑|撰文|采访|整理|责编|出品|编译)\s*[｜|丨/]",
]
EN_HINT = re.compile(r"\b(?:the|and|is|are|was|were|of|to|that|with|for|have|has|this|you|we|it|not)\b")
DE_HINT = re.compile(r"\b(?:der|die|das|und|ist|sind|nicht|sie|ich|wir|mit|für|auf|über|ein|eine|dem|den|auch|wie)\b")


class PrepareError(Exception):
    """The text could not be turned into passages."""


@dataclass
class Prepared:
    """One article ready to store: metadata, passages (with tokens) and what was detected."""

    article: Article
    passages: list[Passage]
    speakers: Detected
    content_hash: str
    location: str

    @property
    def answers(self) -> int:
        return sum(p.kind == "answer" for p in self.passages)


def content_hash(text: str) -> str:
    """A hash of the clean article text that ignores whitespace and Unicode form."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return hashlib.sha256(norm.encode()).hexdigest()


def _words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in {"the", "a", "an", "www", "com"}]


def _fit(words: list[str], limit: int) -> str:
    """Whole words joined by '-' within `limit` characters (the first word cut if it alone is too long)."""
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > limit:
            break
        out = nxt
    return out or (words[0][:limit] if words else "")


def article_language(text: str) -> str:
    """The language of a whole article: Chinese by script, else German or English by function words."""
    lang = detect_language(text)
    if lang.startswith("zh"):
        return lang
    low = text.lower()
    return "de" if len(DE_HINT.findall(low)) > len(EN_HINT.findall(low)) else "en"


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    parts = [p for p in host.split(".") if p not in {"www", "m", "mp", "news"}]
    return parts[0] if len(parts) > 1 else host


def make_id(extracted: Extracted, digest: str, taken: Collection[str] = (), fallback: str = "") -> str:
    """A readable, unused article id: publisher and title words, or a hash when there are none."""
    base = _fit(_words(extracted.publisher or "") or _words(_host(extracted.url) or fallback), 14) or "article"
    title = _fit(_words(extracted.title or ""), MAX_ID - len(base) - 1)
    candidate = f"{base}-{title}" if title else f"{base}-{digest[:8]}"
    if candidate in taken:
        candidate = f"{_fit(candidate.split('-'), MAX_ID - 7)}-{digest[:6]}"
    return candidate


def check_id(article_id: str) -> str:
    if not ID_RE.fullmatch(article_id):
        raise PrepareError(f"invalid article id {article_id!r}: use 1-31 lower-case letters, digits and '-'")
    return article_id


def prepare(extracted: Extracted, location: str, *, article_id: str | None = None,
            taken: Collection[str] = ()) -> Prepared:
    """Detect the speakers and language, parse with corpus.loader.parse_article, tokenize the passages."""
    text = extracted.text
    detected = detect_speakers(text, extracted.publisher, title=extracted.title)
    if not detected.interviewees:  # only questions are marked (bold, headings, or a `Q:` label)
        guess = article_language(text)
        name = interviewee_from_title(extracted.title) or UNKNOWN_NAME["zh" if guess.startswith("zh") else guess]
        found = unlabelled_questions(text, name, extracted.publisher, detected.speakers)
        if found:
            text, detected = found
    meta = {
        "id": "pending",
        "language": "und",
        "format": extracted.fmt,
        "title": extracted.title or location,
        "publisher": extracted.publisher or "",
        "url": extracted.url,
        "published": extracted.published,
        "author": extracted.author,
        "speakers": detected.speakers,
        "drop": DROP,
        "interviewers": detected.interviewers,
        "interviewees": detected.interviewees,
        "related_links": [],
        "url_note": None if extracted.url else "the source gives no link to itself",
    }
    article, _ = parse_article(meta, text)
    han = len(re.findall(r"[\u3400-\u9fff]", article.text))
    if len(article.text.strip()) < (MIN_TEXT_HAN if han * 2 > len(article.text) else MIN_TEXT):
        raise PrepareError(f"{location}: too little text for an interview ({len(article.text.strip())} characters "
                           "after cleaning); is this the article's own page?")
    language = extracted.language if extracted.language in LANGUAGES else article_language(article.text)
    digest = content_hash(article.text)
    fallback = Path(location).stem if "://" not in location else ""
    new_id = check_id(article_id) if article_id else make_id(extracted, digest, taken, fallback)
    article, passages = parse_article({**meta, "id": new_id, "language": language}, text)
    passages = [p for p in passages if p.text.strip()]
    if not passages:
        raise PrepareError(f"{location}: no passages found")
    article.interview = new_id
    for p in passages:
        p.tokens = index_terms(p, language)
    return Prepared(article, passages, detected, digest, location)
