"""The shared core: a question -> a Reply of ranked, verbatim quotes. Every platform renders this."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.excerpt import best_window, highlight_spans
from bot.messages import message
from bot.reply import ArticleRef, Quote, Reply, Version
from bot.settings import Settings, get_settings
from corpus.loader import bundled_fingerprint, load_bundled
from corpus.models import Article, Passage
from retrieval.bm25 import BM25Index
from retrieval.query import Query, analyze, warm_up
from retrieval.tokenize import DATA, detect_language, tokenize

if TYPE_CHECKING:  # SQLAlchemy is imported only where the database is used: `ask` starts quicker
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

MAX_QUESTION = 500  # characters
# The no-match gate (calibrated with `interview-bot eval` and offtopic.txt): a question is answered when one of
# the GATE_DEPTH best passages after reranking scores MIN_SCORE (BM25 x priors, before the coverage rerank) and
# covers MIN_COVERAGE of the question, or scores FULL_MATCH_SCORE and covers all of its two or more concepts
# ("技术的本质是什么": short, all on topic; one concept is covered by any passage holding the word).
MIN_SCORE = 5.0
MIN_COVERAGE = 0.2  # share of the question's concepts (idf-weighted) a passage must match
FULL_MATCH_SCORE = 3.0
GATE_DEPTH = 3
KIND_PRIOR = {"narrative": 0.85, "bullet": 0.4}  # answers before the editor's intros and (more) summaries of them
UNSOURCED_PRIOR = {"narrative": 0.92, "bullet": 0.85}  # ... editor's text that restates no answer (>= KIND_PRIOR)
COVERAGE_EXPONENT = 1.0  # rerank the candidates by score x coverage ** this
INDEX_SPEAKER = True  # a passage is also found by its speaker's name
SPEAKER_BOOST = 0.2  # a question naming a speaker favours that speaker's answers by this share
SOURCE_SHARE = 0.9  # an answer scores at least this share of the editor's summary of it (bullet/intro)
SOURCE_MIN_MATCH = 0.3  # a summary's source: the answer of its article matching this share of its own score
MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,40}>|<[!@#][^<>]{0,60}>|&(?:amp|lt|gt|quot|nbsp);")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def tokenizer_version() -> str:
    """Changes when the tokenizer or its dictionaries change (so stored tokens get rebuilt)."""
    digest = hashlib.sha1(INDEX_TERMS_VERSION.encode())
    files = [Path(__file__).resolve().parent.parent / "retrieval" / "tokenize.py", *sorted(DATA.glob("*"))]
    for path in files:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


INDEX_TERMS_VERSION = "2"  # bump when index_terms() changes what a passage is indexed by


def index_terms(p: Passage, language: str) -> list[str]:
    """What a passage is found by: its words and those of the interview question it answers."""
    terms = tokenize(p.text, language)
    if p.question:
        terms += tokenize(p.question, language)
    if p.speaker and INDEX_SPEAKER:  # "what does Gomez think" should not favour passages naming him
        terms += sorted(set(tokenize(p.speaker, language)))
    return terms


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (document, score) pairs with a positive score, best first, ties by document number."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(int(d), float(scores[d])) for d in idx if scores[d] > 0]


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

    @cached_property
    def _prior_bound(self) -> np.ndarray:
        """Each passage's highest possible prior (UNSOURCED_PRIOR for editors' text, 1 for answers)."""
        return np.array([UNSOURCED_PRIOR.get(p.kind, 1.0) for p in self.passages])

    def prior(self, doc: int) -> float:
        """A passage's prior: an editor's text that restates an answer (it has a source) counts less than
        the answer; one that holds facts found nowhere else (intros, figures) almost as much."""
        kind = self.passages[doc].kind
        if kind not in KIND_PRIOR:
            return 1.0
        return (KIND_PRIOR if self._source(doc) is not None else UNSOURCED_PRIOR)[kind]

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
        from sqlalchemy.orm import Session

        from bot import store

        settings = settings or get_settings()
        engine = store.make_engine(settings.db_url)
        store.create_schema(engine)
        with Session(engine) as session, session.begin():
            sync_bundled(session, progress, force=rebuild)
        with Session(engine) as session:
            articles, passages = store.load_all(session)
            version = store.corpus_version(session)
        engine.dispose()
        from bot.index_cache import load_or_build  # the saved index, unless the corpus changed

        index = load_or_build(settings.db_url, settings.data_dir, version, tokenizer_version(), passages, articles)
        return cls(articles, passages, index)

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
            highlights=highlight_spans(text, query.words or terms, lang) if query and terms else (),
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
        if len(text) > MAX_QUESTION:  # checked before any analysis: a pasted novel costs nothing
            lang = detect_language(text[:MAX_QUESTION])
            return Reply(query=text[:MAX_QUESTION], status="invalid", language=lang,
                         note=message("too_long", lang, length=len(text), limit=MAX_QUESTION))
        query = analyze(MARKUP.sub(" ", text), self.index.vocab)  # "<b>", "<!channel>" are not words
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

    def warm_up(self) -> None:
        """Load everything answering loads on first need (for long-running bots, before users arrive)."""
        warm_up()
        _ = self._term_sets, self._prior_bound

    def coverage(self, query: Query, p: Passage) -> float:
        """Share of the question's concepts (idf-weighted) that the passage's index terms contain."""
        weights = self._concept_weights(query)
        total = sum(w for _, w in weights)
        if not total:
            return 0.0
        have = self._term_sets[self._position[p.id]]
        return sum(w for concept, w in weights if not concept.isdisjoint(have)) / total

    def _concept_weights(self, query: Query) -> list[tuple[frozenset[str], float]]:
        """Each concept of the question with its weight, the idf of its rarest term (worked out once a query)."""
        known = self.__dict__.get("_weights_of")
        if known is None or known[0] is not query:
            weights = [(c, max(self._idf(t) for t in c)) for c in set(query.concepts)]
            known = self.__dict__["_weights_of"] = (query, weights)
        return known[1]

    @cached_property
    def _term_sets(self) -> list[frozenset[str]]:
        """Each passage's index terms as a set, in index order."""
        return [frozenset(p.tokens) for p in self.passages]

    def _idf(self, term: str) -> float:
        """Smoothed idf of an index term; a term the corpus lacks counts as the rarest."""
        memo = self.__dict__.setdefault("_idf_memo", {})  # coverage() asks for the same terms ~700 times a question
        value = memo.get(term)
        if value is None:
            df = self.index.df(term)
            value = memo[term] = math.log((len(self.passages) - df + 0.5) / (df + 0.5) + 1)
        return value

    def _rank(self, query: Query, want: int) -> list[_Hit]:
        """Best passages first, each with its other versions folded in; a group is shown in the
        question's language when it has a version in it (else its best-scoring version).

        The candidates are reranked by score x coverage ** COVERAGE_EXPONENT, so passages answering more
        of the question come first; nothing is returned when none of the GATE_DEPTH best of them passes
        the no-match gate (`_passes`: an honest "no good match")."""
        raw, scores, candidates = self.candidates(query, max(50, want * 6))
        gate = dict(candidates)  # what the no-match gate judges: the scores before the coverage rerank
        if COVERAGE_EXPONENT:
            for i, (doc, score) in enumerate(candidates):
                scores[doc] = score * self.coverage(query, self.passages[doc]) ** COVERAGE_EXPONENT
                candidates[i] = (doc, float(scores[doc]))
            if SOURCE_SHARE:  # the interviewee's answer counts at least as much as the editor's summary of it
                candidates = self._lift_sources(query, candidates, raw, scores)
            candidates.sort(key=lambda c: (-c[1], c[0]))
        for doc, _ in candidates[:GATE_DEPTH]:  # a lifted answer from outside the candidates: its own score
            if doc not in gate:  # rare: the speaker weights are worked out again only then
                speaker = self._speaker_prior(query)
                named = speaker if isinstance(speaker, float) else float(speaker[doc])
                gate[doc] = float(raw[doc]) * self.prior(doc) * named
        if not any(self._passes(query, doc, gate[doc]) for doc, _ in candidates[:GATE_DEPTH]):
            return []
        lang = "zh" if query.language.startswith("zh") else query.language
        groups: list[tuple[float, list[Passage]]] = []
        group_of: dict[str, int] = {}  # passage id -> its group
        for doc, score in candidates:
            p = self.passages[doc]
            if p.id in group_of:
                continue
            versions = sorted((self.by_id[i] for i in p.versions if i in self.by_id),
                              key=lambda v: -scores[self._position[v.id]])
            known = next((group_of[v.id] for v in versions if v.id in group_of), None)
            if known is None or any(m.article_id == p.article_id for m in groups[known][1]):
                known = len(groups)  # a group holds one passage per article: a second one is a result of its own
                groups.append((score, []))
            members = groups[known][1]
            for m in (p, *versions):
                if m.id not in group_of and all(o.article_id != m.article_id for o in members):
                    members.append(m)
                    group_of[m.id] = known
        hits: list[_Hit] = []
        for score, members in groups[:want]:
            best = max(members, key=lambda m: (self.articles[m.article_id].language == lang,
                                               scores[self._position[m.id]]))
            hits.append(_Hit(best, score, [m for m in members if m is not best]))
        return hits

    def candidates(self, query: Query, n: int) -> tuple[np.ndarray, np.ndarray, list[tuple[int, float]]]:
        """Raw BM25 scores, the scores weighted by the passages' priors and the named speaker, and the
        n best passages by the latter. Whether an editor's text restates an answer is only looked up for
        the best ones (the first time a passage comes up): the others are ranked by their highest prior."""
        raw = self.index.scores(query.terms)
        scores = raw * self._prior_bound * self._speaker_prior(query)
        candidates = _top(scores, n)
        for i, (doc, score) in enumerate(candidates):
            bound = self._prior_bound[doc]
            if bound != 1.0 and (prior := self.prior(doc)) != bound:
                scores[doc] = score * prior / bound
                candidates[i] = (doc, float(scores[doc]))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        return raw, scores, candidates

    def _passes(self, query: Query, doc: int, score: float) -> bool:
        """Whether a candidate is good enough to answer at all (the no-match gate)."""
        if score < min(MIN_SCORE, FULL_MATCH_SCORE):
            return False
        cov = self.coverage(query, self.passages[doc])
        if score >= MIN_SCORE and cov >= MIN_COVERAGE:
            return True
        return score >= FULL_MATCH_SCORE and cov >= 1.0 - 1e-9 and len(set(query.concepts)) >= 2

    def _speaker_terms(self) -> dict[str, np.ndarray]:
        """Speaker name term -> the positions of that speaker's answers (computed once)."""
        memo = self.__dict__.get("_speaker_memo")
        if memo is None:
            by_name: dict[str, list[int]] = {}
            names: dict[str, list[str]] = {}  # a speaker string is tokenized once
            for i, p in enumerate(self.passages):
                if p.speaker and p.kind == "answer":
                    if p.speaker not in names:
                        names[p.speaker] = sorted(set(tokenize(p.speaker)))
                    for t in names[p.speaker]:
                        by_name.setdefault(t, []).append(i)
            memo = self.__dict__["_speaker_memo"] = {t: np.array(d, dtype=np.int64) for t, d in by_name.items()}
        return memo

    def _speaker_prior(self, query: Query) -> np.ndarray | float:
        """1 + SPEAKER_BOOST for the answers of a speaker the question names (Gomez, 戴雨森), else 1."""
        said = self._speaker_terms()
        names = [t for t in query.own if t in said] if SPEAKER_BOOST else []
        if not names:
            return 1.0
        prior = np.ones(len(self.passages))
        for t in names:
            prior[said[t]] = 1.0 + SPEAKER_BOOST
        return prior

    def _lift_sources(self, query: Query, candidates: list[tuple[int, float]], raw: np.ndarray,
                      scores: np.ndarray) -> list[tuple[int, float]]:
        """Candidates where the answer an editor's summary comes from scores at least SOURCE_SHARE of
        the summary's score (without the editorial prior)."""
        best = dict(candidates)
        for doc, _ in candidates:
            src = self._source(doc)
            if src is None:
                continue
            lifted = SOURCE_SHARE * raw[doc] * self.coverage(query, self.passages[doc]) ** COVERAGE_EXPONENT
            if lifted > best.get(src, 0.0):
                best[src] = scores[src] = lifted
        return list(best.items())

    def _source(self, doc: int) -> int | None:
        """The answer an editorial passage (bullet, narrative) summarises: the answer of the same article
        that the passage's own terms score best, if it reaches SOURCE_MIN_MATCH of the passage's score
        against itself (an intro about the company summarises no answer). Found once per passage."""
        p = self.passages[doc]
        if p.kind == "answer" or not p.tokens:
            return None
        memo: dict[int, int | None] = self.__dict__.setdefault("_source_memo", {})
        if doc not in memo:
            answers = self._answers_of(p.article_id)
            s = self.index.scores({t: 1.0 for t in set(p.tokens)})
            best = int(answers[np.argmax(s[answers])]) if len(answers) else None
            memo[doc] = best if best is not None and s[doc] > 0 and s[best] >= SOURCE_MIN_MATCH * s[doc] else None
        return memo[doc]

    def _answers_of(self, article_id: str) -> np.ndarray:
        """Positions of an article's answer passages (grouped once for all articles)."""
        groups = self.__dict__.get("_answer_positions")
        if groups is None:
            found: dict[str, list[int]] = {}
            for i, p in enumerate(self.passages):
                if p.kind == "answer":
                    found.setdefault(p.article_id, []).append(i)
            groups = self.__dict__["_answer_positions"] = {k: np.array(v) for k, v in found.items()}
        return groups.get(article_id, np.array([], dtype=np.int64))

    def samples(self, lang: str) -> tuple[str, ...]:
        from bot.messages import SAMPLES, ui_language

        return SAMPLES[ui_language(lang)]


def sync_bundled(session: Session, progress: Callable[[int, int], None] | None = None, force: bool = False) -> bool:
    """Store the bundled corpus (tokenized) unless the database already holds this very version."""
    from bot import store

    fingerprint = f"{bundled_fingerprint()}:{tokenizer_version()}"  # without parsing the articles
    if not force and store.get_meta(session, store.BUNDLED_KEY) == fingerprint:
        return False
    store.advisory_lock(session, "bundled corpus")  # replicas starting at once: one writes, the others wait
    session.expire_all()
    if not force and store.get_meta(session, store.BUNDLED_KEY) == fingerprint:
        return False  # another process stored it meanwhile
    corpus = load_bundled()
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
    """The process-wide Library, opened on first use; it follows added/removed articles (bot.live)."""
    global _library
    with _lock:
        if _library is None:
            from bot.live import open_live

            _library = open_live()
        return _library


def refresh_if_changed(wait: bool = False) -> bool:
    """Reload the process-wide Library in the background if the stored corpus changed (bot.live)."""
    from bot.live import refresh_if_changed as refresh

    return refresh(wait=wait)


def answer(question: str, top_k: int = 3, offset: int = 0) -> Reply:
    """Answer a question from the process-wide library (the one function every platform calls)."""
    return get_library().answer(question, top_k=top_k, offset=offset)
