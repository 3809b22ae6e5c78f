"""The ranking policy: BM25 x priors x coverage, "no good match", who/what-is questions, versions grouped.

Passages are scored by BM25 x a prior (an editor's summary of an answer counts less than the answer, an
intro holding facts found nowhere else almost as much) x the named speaker's boost, then reranked by
how much of the question they cover; nothing is returned when the answerability model (or, without
one, the fixed gate) says the best of them do not answer the question. A question asking who or what
something is gets the passages that describe it (retrieval.describe).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np

from corpus.models import Passage
from retrieval import gate
from retrieval.answerability import Evidence, load_model
from retrieval.bm25 import BM25Index
from retrieval.describe import Describer, is_bare_name, names_something
from retrieval.grouping import Hit, group_versions
from retrieval.intent import asked_entity
from retrieval.query import Query, analyze
from retrieval.tokenize import tokenize

KIND_PRIOR = {"narrative": 0.85, "bullet": 0.4}  # answers before the editor's intros and (more) summaries of them
UNSOURCED_PRIOR = {"narrative": 0.92, "bullet": 0.85}  # ... editor's text that restates no answer (>= KIND_PRIOR)
SPEAKER_BOOST = 0.2  # a question naming a speaker favours that speaker's answers by this share
TRANSLATED_SHARE = 0.8  # in the rerank, a concept a passage holds only through a translation or synonym
SOURCE_SHARE = 0.9  # an answer scores at least this share of the editor's summary of it (bullet/intro)
SOURCE_MIN_MATCH = 0.3  # a summary's source: the answer of its article matching this share of its own score
CANDIDATES = 50  # passages reranked at least


def top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (document, score) pairs with a positive score, best first, ties by document number."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(int(d), float(scores[d])) for d in idx if scores[d] > 0]


class Ranker:
    """Ranks one corpus's passages for a question. What it works out about the corpus (priors, term
    sets, speakers) is computed on first need and kept: build one per corpus and share it."""

    def __init__(self, passages: Sequence[Passage], languages: Mapping[str, str], index: BM25Index) -> None:
        self.passages = passages
        self.languages = languages  # article id -> language
        self.index = index
        self.by_id = {p.id: p for p in passages}
        self.position = {p.id: i for i, p in enumerate(passages)}
        self._idf_memo: dict[str, float] = {}
        self._source_memo: dict[int, int | None] = {}
        self._weights_of: tuple[Query, list[tuple[frozenset[str], float]]] | None = None
        self.evidence = Evidence(self)
        self.describer = Describer(passages, dict(languages))

    def warm_up(self) -> None:
        """Compute now what the first question would (for long-running bots)."""
        _ = self.term_sets, self.prior_bound, self.speaker_terms

    # -- the ranking ----------------------------------------------------------------------------------
    def rank(self, query: Query, want: int, decide: bool = True, allowed: np.ndarray | None = None) -> list[Hit]:
        """Best passages first, each with its other versions folded in; [] when they do not answer the
        question ("no good match"; with `decide` False they are returned all the same). With `allowed` (a
        boolean per passage) the corpus is only the allowed passages: nothing else is scored or judged, but a
        hit's versions are all of its versions (the caller picks among them)."""
        described = self.describe(query, want, allowed)
        if described is not None:
            return described
        raw, scores, candidates, judged = self.reranked(query, want, allowed)
        if not candidates or (decide and not self.answerable(query, candidates, judged, raw)):
            return []
        if decide and allowed is not None and not any(self.passes(query, doc, judged[doc])
                                                      for doc, _ in candidates[:gate.GATE_DEPTH]):
            return []  # the model learnt from whole corpora: in a narrowed one the fixed gate must agree too
        language = "zh" if query.language.startswith("zh") else query.language
        return group_versions(
            [(self.passages[doc], score) for doc, score in candidates], self.by_id,
            score_of=lambda p: float(scores[self.position[p.id]]),
            language_of=lambda p: self.languages.get(p.article_id, ""), language=language, want=want)

    def reranked(self, query: Query, want: int = 3, allowed: np.ndarray | None = None
                 ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, float]], dict[int, float]]:
        """Raw BM25 scores, the final scores, the candidates reranked by coverage (best first), and the
        scores of the best of them before the rerank (what the answerability decision judges); only the
        `allowed` passages score when that is given."""
        raw, scores, candidates = self.candidates(query, max(CANDIDATES, want * 6), allowed)
        judged = dict(candidates)
        for i, (doc, score) in enumerate(candidates):
            scores[doc] = score * self.coverage(query, self.passages[doc], TRANSLATED_SHARE)
            candidates[i] = (doc, float(scores[doc]))
        candidates = self.lift_sources(query, candidates, raw, scores, allowed)
        candidates.sort(key=lambda c: (-c[1], c[0]))
        for doc, _ in candidates[:gate.GATE_DEPTH]:  # a lifted answer from outside the candidates: its own score
            if doc not in judged:
                speaker = self.speaker_prior(query)
                named = speaker if isinstance(speaker, float) else float(speaker[doc])
                judged[doc] = float(raw[doc]) * self.prior(doc) * named
        return raw, scores, candidates, judged

    def evidence_for(self, query: Query) -> dict[str, float] | None:
        """The answerability evidence for a question the ordinary ranking answers (None: a who/what-is
        question, or one that finds no passage at all); for training and inspecting the model."""
        if self.describe(query, 3) is not None:
            return None
        raw, _, candidates, judged = self.reranked(query)
        if not candidates:
            return None
        best = max(float(raw[d]) for d, _ in candidates[:gate.GATE_DEPTH])
        return self.evidence.features(query, candidates, judged, best)

    def answerable(self, query: Query, ranked: list[tuple[int, float]], judged: dict[int, float],
                   raw: np.ndarray) -> bool:
        """Whether the best passages (`ranked` after the rerank, `judged` their scores before it) answer the
        question: the answerability model's decision, or without a model the fixed gate's."""
        if not ranked:
            return False
        model = load_model()
        if model is None:
            return any(self.passes(query, doc, judged[doc]) for doc, _ in ranked[:gate.GATE_DEPTH])
        best = max(float(raw[d]) for d, _ in ranked[:gate.GATE_DEPTH])
        return model.accepts(self.evidence.features(query, ranked, judged, best))

    def describe(self, query: Query, want: int, allowed: np.ndarray | None = None) -> list[Hit] | None:
        """For a question asking who or what something is (or only naming it): the passages that describe it,
        [] when the corpus's text never names it; None for any other question."""
        entity = asked_entity(query.text)
        bare_name = entity is None
        if entity is None:
            if not is_bare_name(query.text):
                return None
            entity = query.text
        asked = analyze(entity, self.index.vocab)
        if not asked.terms or not names_something(asked):
            return None  # "what is the biggest obstacle …", "技术的本质是什么": an ordinary question
        weights = self.concept_weights(asked)
        holding = np.flatnonzero(self.index.scores({t: 1.0 for t in asked.terms}) > 0)
        if allowed is not None:
            holding = holding[allowed[holding]]
        if bare_name and not self.describer.names_phrase(entity, holding):
            return None  # the words of a bare question are no name the corpus writes: an ordinary question
        language = "zh" if query.language.startswith("zh") else query.language
        return self.describer.describe(asked, weights, holding.tolist(), language, want)

    def candidates(self, query: Query, n: int, allowed: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, float]]]:
        """Raw BM25 scores (0 for passages not `allowed`, when given), the scores weighted by the passages'
        priors and the named speaker, and the n best passages by the latter. Whether an editor's text restates
        an answer is only looked up for the best ones (the first time a passage comes up): the others are
        ranked by their highest prior."""
        raw = self.index.scores(query.terms)
        if allowed is not None:
            raw = np.where(allowed, raw, 0.0)
        scores = raw * self.prior_bound * self.speaker_prior(query)
        candidates = top(scores, n)
        for i, (doc, score) in enumerate(candidates):
            bound = self.prior_bound[doc]
            if bound != 1.0 and (prior := self.prior(doc)) != bound:
                scores[doc] = score * prior / bound
                candidates[i] = (doc, float(scores[doc]))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        return raw, scores, candidates

    def passes(self, query: Query, doc: int, score: float) -> bool:
        """Whether a candidate is good enough to answer at all (the no-match gate)."""
        if score < min(gate.MIN_SCORE, gate.FULL_MATCH_SCORE):
            return False
        return gate.passes(score, self.coverage(query, self.passages[doc]), len(set(query.concepts)))

    # -- coverage ---------------------------------------------------------------------------------------
    def coverage(self, query: Query, p: Passage, translated: float = 1.0) -> float:
        """Share of the question's concepts (idf-weighted) that the passage's index terms contain; a concept it
        holds only through a translation or synonym, not a word the question types, counts `translated` of
        its weight (the rerank: the interview in the question's own words before one matching its
        translations; the gate and the evidence count both alike)."""
        weights = self.concept_weights(query)
        total = sum(w for _, w in weights)
        if not total:
            return 0.0
        have = self.term_sets[self.position[p.id]]
        if translated == 1.0:
            return sum(w for concept, w in weights if not concept.isdisjoint(have)) / total
        got = 0.0
        for concept, w in weights:
            held = concept & have
            if held:
                got += w if not held.isdisjoint(query.own) else translated * w
        return got / total

    def concept_weights(self, query: Query) -> list[tuple[frozenset[str], float]]:
        """Each concept of the question with its weight, the idf of its rarest term (worked out once a query)."""
        known = self._weights_of
        if known is None or known[0] is not query:
            known = self._weights_of = (query, [(c, max(self.idf(t) for t in c)) for c in set(query.concepts)])
        return known[1]

    @cached_property
    def term_sets(self) -> list[frozenset[str]]:
        """Each passage's index terms as a set, in index order."""
        return [frozenset(p.tokens) for p in self.passages]

    def idf(self, term: str) -> float:
        """Smoothed idf of an index term; a term the corpus lacks counts as the rarest."""
        value = self._idf_memo.get(term)  # coverage() asks for the same terms ~700 times a question
        if value is None:
            df = self.index.df(term)
            value = self._idf_memo[term] = math.log((len(self.passages) - df + 0.5) / (df + 0.5) + 1)
        return value

    # -- priors ---------------------------------------------------------------------------------------
    @cached_property
    def prior_bound(self) -> np.ndarray:
        """Each passage's highest possible prior (UNSOURCED_PRIOR for editors' text, 1 for answers)."""
        return np.array([UNSOURCED_PRIOR.get(p.kind, 1.0) for p in self.passages])

    def prior(self, doc: int) -> float:
        """A passage's prior: an editor's text that restates an answer (it has a source) counts less than
        the answer; one that holds facts found nowhere else (intros, figures) almost as much."""
        kind = self.passages[doc].kind
        if kind not in KIND_PRIOR:
            return 1.0
        return (KIND_PRIOR if self.source(doc) is not None else UNSOURCED_PRIOR)[kind]

    def source(self, doc: int) -> int | None:
        """The answer an editorial passage (bullet, narrative) summarises: the answer of the same article
        that the passage's own terms score best, if it reaches SOURCE_MIN_MATCH of the passage's score
        against itself (an intro about the company summarises no answer). Found once per passage."""
        p = self.passages[doc]
        if p.kind == "answer" or not p.tokens:
            return None
        if doc not in self._source_memo:
            answers = self.answers_of.get(p.article_id, np.array([], dtype=np.int64))
            s = self.index.scores({t: 1.0 for t in set(p.tokens)})
            best = int(answers[np.argmax(s[answers])]) if len(answers) else None
            self._source_memo[doc] = (best if best is not None and s[doc] > 0 and s[best] >= SOURCE_MIN_MATCH * s[doc]
                                      else None)
        return self._source_memo[doc]

    @cached_property
    def answers_of(self) -> dict[str, np.ndarray]:
        """Article id -> positions of its answer passages."""
        found: dict[str, list[int]] = {}
        for i, p in enumerate(self.passages):
            if p.kind == "answer":
                found.setdefault(p.article_id, []).append(i)
        return {k: np.array(v) for k, v in found.items()}

    def lift_sources(self, query: Query, candidates: list[tuple[int, float]], raw: np.ndarray,
                     scores: np.ndarray, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Candidates where the answer an editor's summary comes from scores at least SOURCE_SHARE of
        the summary's score (without the editorial prior); an answer not `allowed` is not lifted."""
        best = dict(candidates)
        for doc, _ in candidates:
            src = self.source(doc)
            if src is None or (allowed is not None and not allowed[src]):
                continue
            lifted = SOURCE_SHARE * raw[doc] * self.coverage(query, self.passages[doc])
            if lifted > best.get(src, 0.0):
                best[src] = scores[src] = lifted
        return list(best.items())

    # -- the named speaker ----------------------------------------------------------------------------
    @cached_property
    def speaker_terms(self) -> dict[str, np.ndarray]:
        """Speaker name term -> the positions of that speaker's answers."""
        by_name: dict[str, list[int]] = {}
        names: dict[str, list[str]] = {}  # a speaker string is tokenized once
        for i, p in enumerate(self.passages):
            if p.speaker and p.kind == "answer":
                if p.speaker not in names:
                    names[p.speaker] = sorted(set(tokenize(p.speaker)))
                for t in names[p.speaker]:
                    by_name.setdefault(t, []).append(i)
        return {t: np.array(d, dtype=np.int64) for t, d in by_name.items()}

    def speaker_prior(self, query: Query) -> np.ndarray | float:
        """1 + SPEAKER_BOOST for the answers of a speaker the question names (Gomez, 戴雨森), else 1."""
        said = self.speaker_terms
        names = [t for t in query.own if t in said]
        if not names:
            return 1.0
        prior = np.ones(len(self.passages))
        for t in names:
            prior[said[t]] = 1.0 + SPEAKER_BOOST
        return prior
