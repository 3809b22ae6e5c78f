"""Question -> Reply: the one function every platform calls, and the quotes it is made of."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer import scope as scoped
from bot.answer.excerpt import best_window, highlight_spans
from bot.answer.library import Library
from bot.answer.reply import Quote, Reply, Version
from bot.answer.scope import Scope
from bot.answer.texts import SAMPLES, message, topics, ui_language
from corpus.models import Passage
from retrieval.query import Query, analyze
from retrieval.tokenize import detect_language

MAX_QUESTION = 500  # characters
MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,40}>|<[!@#][^<>]{0,60}>|&(?:amp|lt|gt|quot|nbsp);")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def clean_question(text: str) -> str:
    """Remove control and invisible characters, normalise spaces; keep everything a person typed."""
    text = unicodedata.normalize("NFC", text or "")
    text = CONTROL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def too_long(text: str, lang: str | None = None) -> Reply | None:
    """The reply to a cleaned question over MAX_QUESTION characters (checked before any analysis: a
    pasted novel costs nothing), in `lang` or the question's language; None when it is not too long."""
    if len(text) <= MAX_QUESTION:
        return None
    lang = lang or detect_language(text[:MAX_QUESTION])
    return Reply(query=text[:MAX_QUESTION], status="invalid", language=lang,
                 note=message("too_long", lang, length=len(text), limit=MAX_QUESTION))


def samples(lang: str) -> tuple[str, ...]:
    """The sample questions shown with a note, in the user's interface language."""
    return SAMPLES[ui_language(lang)]


def answer(library: Library, question: str, top_k: int = 3, offset: int = 0, scope: Scope | None = None) -> Reply:
    """Ranked, grouped quotes that answer `question`, or an honest note when none does; with a `scope` (a
    chat's), only from the passages it allows."""
    raw = question or ""
    text = clean_question(raw)
    if not text:
        return Reply(query=raw, status="invalid", note=message("empty"), suggestions=samples("en"))
    refused = too_long(text)
    if refused is not None:
        return refused
    query = analyze(MARKUP.sub(" ", text), library.index.vocab)  # "<b>", "<!channel>" are not words
    if not query.terms:
        return Reply(query=text, status="invalid", language=query.language,
                     note=message("no_words", query.language), suggestions=samples(query.language))
    hits = scoped.rank(library, query, offset + top_k + 1, scope)
    if not hits and scope:
        return Reply(query=text, status="no_match", language=query.language,
                     note=message("no_match_scoped", query.language, scope=scope.describe()),
                     suggestions=samples(query.language))
    if not hits:
        covered = topics(query.language, library.added_interviewees())
        return Reply(query=text, status="no_match", language=query.language,
                     note=message("no_match", query.language, topics=covered), suggestions=samples(query.language))
    page = hits[offset:offset + top_k]
    quotes = tuple(make_quote(library, h.passage, query, offset + i + 1, h.score, h.versions)
                   for i, h in enumerate(page))
    return Reply(query=text, quotes=quotes, offset=offset, has_more=len(hits) > offset + top_k,
                 language=query.language)


def make_quote(library: Library, p: Passage, query: Query | None, rank: int, score: float,
               versions: list[Passage] | None = None) -> Quote:
    """A Quote of one passage: the best window for `query` (or its beginning), highlights, versions."""
    terms = set(query.terms) if query else set()
    lang = library.articles[p.article_id].language
    weights = {t: w * library.ranker.idf(t) for t, w in query.terms.items()} if query else None  # rare words count
    start, end = best_window(p.text, terms, weights)
    text = p.text[start:end]
    versions = versions if versions is not None else library.versions_of(p)
    return Quote(
        rank=rank, score=score, passage_id=p.id, quote=text, quote_start=start, passage=p.text,
        speaker=p.speaker, question=p.question, article=library.ref(p.article_id),
        highlights=highlight_spans(text, query.words or terms, lang) if query and terms else (),
        also_in=tuple(Version(v.id, library.ref(v.article_id), v.text) for v in versions),
        kind=p.kind,
    )


def quote_of(library: Library, passage_id: str) -> Quote | None:
    """A Quote for one passage (its beginning), or None when the library does not hold it."""
    p = library.by_id.get(passage_id)
    return make_quote(library, p, None, 1, 0.0) if p else None


Observer = Callable[[Reply, int, float], None]  # (reply, offset, seconds)


@dataclass
class Answerer:
    """Answers from the Library of the moment and tells `observer` (the metrics) about each answer."""

    library: Callable[[], Library]
    observer: Observer | None = None

    def __call__(self, question: str, top_k: int = 3, offset: int = 0, scope: Scope | None = None) -> Reply:
        started = time.perf_counter()
        reply = answer(self.library(), question, top_k=top_k, offset=offset, scope=scope)
        self.observe(reply, offset, time.perf_counter() - started)
        return reply

    def observe(self, reply: Reply, offset: int, seconds: float) -> None:
        """Report an answer (also one an adapter served again from its cache)."""
        if self.observer is not None:
            self.observer(reply, offset, seconds)
