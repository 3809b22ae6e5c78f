"""The shared core: a question -> a Reply of ranked, verbatim quotes. Every platform renders this."""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bot import store
from bot.excerpt import best_window, highlight_spans
from bot.messages import message
from bot.reply import ArticleRef, Quote, Reply, Version
from bot.settings import Settings, get_settings
from corpus.loader import load_bundled
from corpus.models import Article, Passage
from retrieval.bm25 import BM25Index
from retrieval.query import Query, analyze
from retrieval.tokenize import DATA, tokenize

log = logging.getLogger(__name__)

MAX_QUESTION = 500  # characters
MIN_SCORE = 2.0  # below this BM25 score nothing is quoted (calibrated on tests/eval/questions.jsonl)
MIN_COVERAGE = 0.3  # share of the question's idf weight a passage must match
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def tokenizer_version() -> str:
    """Changes when the tokenizer or its dictionaries change (so stored tokens get rebuilt)."""
    digest = hashlib.sha1()
    files = [Path(__file__).resolve().parent.parent / "retrieval" / "tokenize.py", *sorted(DATA.glob("*"))]
    for path in files:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def index_terms(p: Passage, language: str) -> list[str]:
    """What a passage is found by: its words and those of the interview question it answers."""
    terms = tokenize(p.text, language)
    if p.question:
        terms += tokenize(p.question, language)
    return terms


def clean_question(text: str) -> str:
    """Remove control and invisible characters, normalise spaces; keep everything a person typed."""
    text = unicodedata.normalize("NFC", text or "")
    text = CONTROL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Hit:
    passage: Passage
    score: float
    versions: list[Passage]


class Library:
    """The corpus and its index, loaded once and shared by all platforms."""

    def __init__(self, articles: list[Article], passages: list[Passage], index: BM25Index) -> None:
        self.articles = {a.id: a for a in articles}
        self.passages = passages
        self.by_id = {p.id: p for p in passages}
        self.index = index
        self._position = {p.id: i for i, p in enumerate(passages)}

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def from_passages(cls, articles: list[Article], passages: list[Passage]) -> Library:
        languages = {a.id: a.language for a in articles}
        for p in passages:
            if not p.tokens:
                p.tokens = index_terms(p, languages.get(p.article_id, "zh"))
        return cls(articles, passages, BM25Index.build([p.tokens for p in passages]))

    @classmethod
    def open(cls, settings: Settings | None = None, progress: Callable[[int, int], None] | None = None,
             rebuild: bool = False) -> Library:
        """Load from the database, first (re)building it from the bundled corpus when needed."""
        settings = settings or get_settings()
        engine = store.make_engine(settings.db_url)
        store.create_schema(engine)
        with Session(engine) as session, session.begin():
            sync_bundled(session, progress, force=rebuild)
        with Session(engine) as session:
            articles, passages = store.load_all(session)
        engine.dispose()
        return cls(articles, passages, BM25Index.build([p.tokens for p in passages]))

    # -- lookups ---------------------------------------------------------------------------------
    def ref(self, article_id: str) -> ArticleRef:
        a = self.articles[article_id]
        return ArticleRef(a.id, a.title, a.publisher, a.published, a.language, a.url)

    def context(self, passage_id: str, radius: int = 1) -> list[Passage]:
        """The passage with its neighbours in the same article (for "full passage / context")."""
        i = self._position.get(passage_id)
        if i is None:
            return []
        p = self.passages[i]
        lo, hi = max(0, i - radius), min(len(self.passages), i + radius + 1)
        return [q for q in self.passages[lo:hi] if q.article_id == p.article_id]

    def quote_of(self, passage_id: str, query: Query | None = None, rank: int = 1, score: float = 0.0) -> Quote | None:
        """A Quote for one passage (the best window for `query`, or its beginning)."""
        p = self.by_id.get(passage_id)
        return self._quote(p, query, rank, score) if p else None

    def _quote(self, p: Passage, query: Query | None, rank: int, score: float,
               versions: list[Passage] | None = None) -> Quote:
        terms = set(query.terms) if query else set()
        lang = self.articles[p.article_id].language
        start, end = best_window(p.text, terms, query.terms if query else None)
        text = p.text[start:end]
        versions = versions if versions is not None else [self.by_id[v] for v in p.versions if v in self.by_id]
        return Quote(
            rank=rank, score=score, passage_id=p.id, quote=text, quote_start=start, passage=p.text,
            speaker=p.speaker, question=p.question, article=self.ref(p.article_id),
            highlights=highlight_spans(text, terms, lang) if terms else (),
            also_in=tuple(Version(v.id, self.ref(v.article_id), v.text) for v in versions),
            kind=p.kind,
        )

    # -- answering -------------------------------------------------------------------------------
    def answer(self, question: str, top_k: int = 3, offset: int = 0) -> Reply:
        """Ranked, grouped quotes that answer `question`, or an honest note when none does."""
        raw = question or ""
        text = clean_question(raw)
        if not text:
            return Reply(query=raw, status="invalid", note=message("empty"), suggestions=self.samples("en"))
        query = analyze(text)
        if len(text) > MAX_QUESTION:
            return Reply(query=text[:MAX_QUESTION], status="invalid", language=query.language,
                         note=message("too_long", query.language, length=len(text), limit=MAX_QUESTION))
        if not query.terms:
            return Reply(query=text, status="invalid", language=query.language,
                         note=message("no_words", query.language), suggestions=self.samples(query.language))
        hits = self._rank(query, offset + top_k + 1)
        if not hits:
            return Reply(query=text, status="no_match", language=query.language,
                         note=message("no_match", query.language), suggestions=self.samples(query.language))
        page = hits[offset:offset + top_k]
        quotes = tuple(
            self._quote(h.passage, query, offset + i + 1, h.score, h.versions) for i, h in enumerate(page)
        )
        return Reply(query=text, quotes=quotes, offset=offset, has_more=len(hits) > offset + top_k,
                     language=query.language)

    def _relevant(self, query: Query, p: Passage, score: float) -> bool:
        if score < MIN_SCORE:
            return False
        idf = self._idf
        total = sum(idf(t) * w for t, w in query.terms.items())
        have = set(p.tokens)
        matched = sum(idf(t) * w for t, w in query.terms.items() if t in have)
        return total > 0 and matched / total >= MIN_COVERAGE

    def _idf(self, term: str) -> float:
        col = self.index.vocab.get(term)
        if col is None:
            return 1.0
        df = self.index.weights.indptr[col + 1] - self.index.weights.indptr[col]
        import math

        return max(0.1, math.log((len(self.passages) - df + 0.5) / (df + 0.5) + 1))

    def _rank(self, query: Query, want: int) -> list[_Hit]:
        """Best passages first; versions of a passage already shown are folded into it."""
        candidates = self.index.top(query.terms, max(50, want * 6))
        hits: list[_Hit] = []
        taken: set[str] = set()
        for doc, score in candidates:
            p = self.passages[doc]
            if p.id in taken or not self._relevant(query, p, score):
                continue
            versions = [self.by_id[v] for v in p.versions if v in self.by_id]
            taken.add(p.id)
            taken.update(v.id for v in versions)
            hits.append(_Hit(p, score, versions))
            if len(hits) >= want:
                break
        return hits

    def samples(self, lang: str) -> tuple[str, ...]:
        from bot.messages import SAMPLES, ui_language

        return SAMPLES[ui_language(lang)]


def sync_bundled(session: Session, progress: Callable[[int, int], None] | None = None, force: bool = False) -> bool:
    """Store the bundled corpus (tokenized) unless the database already holds this very version."""
    corpus = load_bundled()
    fingerprint = f"{corpus.fingerprint}:{tokenizer_version()}"
    if not force and store.get_meta(session, store.BUNDLED_KEY) == fingerprint:
        return False
    languages = {a.id: a.language for a in corpus.articles}
    total = len(corpus.passages)
    for i, p in enumerate(corpus.passages):
        p.tokens = index_terms(p, languages[p.article_id])
        if progress:
            progress(i + 1, total)
    store.replace_articles(session, corpus.articles, corpus.passages, origin="bundled")
    store.set_meta(session, store.BUNDLED_KEY, fingerprint)
    store.bump_corpus_version(session)
    return True


_library: Library | None = None
_lock = threading.Lock()


def get_library() -> Library:
    """The process-wide Library, opened on first use."""
    global _library
    with _lock:
        if _library is None:
            _library = Library.open()
        return _library


def answer(question: str, top_k: int = 3, offset: int = 0) -> Reply:
    """Answer a question from the process-wide library (the one function every platform calls)."""
    return get_library().answer(question, top_k=top_k, offset=offset)
