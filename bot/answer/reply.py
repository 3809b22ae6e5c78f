"""The platform-neutral answer types: what every adapter (terminal, JSON, Telegram, Slack) renders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ArticleRef:
    """The article a quote comes from. `url` is None when the source gives no link."""

    id: str
    title: str
    publisher: str
    published: str | None
    language: str
    url: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "language": self.language,
            "url": self.url,
        }


@dataclass(frozen=True)
class Version:
    """The same passage in another version (translation) of the interview."""

    passage_id: str
    article: ArticleRef
    passage: str

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article.to_json(), "passage": self.passage, "passage_id": self.passage_id}


@dataclass(frozen=True)
class Translation:
    """A machine translation of a quote's passage: shown beside the quote, labelled, never instead of it."""

    text: str
    language: str  # our code: "zh", "zh-Hant", "de", "en"
    engine: str  # "libretranslate"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "language": self.language, "engine": self.engine}


@dataclass(frozen=True)
class Quote:
    """One ranked result.

    `quote` is the excerpt shown to the user: whole, contiguous sentences of `passage`, starting at
    `quote_start` in it. `highlights` are (start, end) offsets into `quote` of matched query terms.
    """

    rank: int
    score: float
    passage_id: str
    quote: str
    quote_start: int
    passage: str
    speaker: str | None
    question: str | None
    article: ArticleRef
    highlights: tuple[tuple[int, int], ...] = ()
    also_in: tuple[Version, ...] = ()
    kind: str = "answer"
    translation: Translation | None = None  # of the whole passage, when the asker reads another language

    @property
    def trimmed(self) -> bool:
        """Whether the quote is shorter than the whole passage."""
        return len(self.quote) < len(self.passage)

    def to_json(self, translating: bool = False) -> dict[str, Any]:
        """JSON of the quote; `translating`: machine translation is on, so `translation` is always given
        (null when this quote needs none or none could be made)."""
        out = {
            "rank": self.rank,
            "score": round(self.score, 4),
            "quote": self.quote,
            "passage": self.passage,
            "passage_id": self.passage_id,
            "speaker": self.speaker,
            "question": self.question,
            "highlights": [list(h) for h in self.highlights],
            "article": self.article.to_json(),
            "also_in": [v.to_json() for v in self.also_in],
        }
        if translating:
            out["translation"] = self.translation.to_json() if self.translation else None
        return out


@dataclass(frozen=True)
class Reply:
    """The answer to one question: ranked quotes, and a note when there is nothing good to quote.

    `status` is "ok", "no_match" (nothing relevant), or "invalid" (empty, too long, no words).
    `has_more` says whether a next page (offset + len(quotes)) exists.
    """

    query: str
    quotes: tuple[Quote, ...] = ()
    note: str | None = None
    status: str = "ok"
    suggestions: tuple[str, ...] = ()
    offset: int = 0
    has_more: bool = False
    language: str = "en"  # the language the question was asked in: "zh", "zh-Hant", "de" or "en"
    translating: bool = False  # machine translation is on (TRANSLATE_URL): results carry `translation`

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "results": [q.to_json(self.translating) for q in self.quotes],
            "note": self.note,
        }
