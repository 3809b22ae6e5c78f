"""Answer or say "no good match": a logistic model over evidence that separates the two, trained on data.

The evidence (FEATURES) is about the question and the passages ranked best for it, never about one
document or question: how well the best passages score and how much of the question they cover (and by
which words: typed, or only through a translation or synonym, the `soft` coverage), whether whole
sentences hold the question's concepts together, how much of the question the corpus knows at all, how
common in everyday language the words are that the corpus lacks (`off_domain`: "camping", "Wetter"), how
the best score compares with what the question could reach, and how the top passages agree. How salient the
question's words are is measured in the whole corpus and, apart, in the interview of the best passage
(`article_salience`): a question about a small interview a team added reads as off-topic to the corpus as a
whole ("strike" is rare in it) but not to that interview.

The model (retrieval/data/answerability.json: means, scales, coefficients, threshold) is fitted by
tests/eval/train_answerability.py on the development questions (on-topic and off-topic, of the bundled corpus
and of it with one more interview added), its threshold set so that at most about two well-answered on-topic
development questions in a hundred are turned away.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from corpus.segment import sentence_spans
from retrieval.generality import zipf
from retrieval.query import Query
from retrieval.tokenize import DATA, HAN, tokenize, tokens

FEATURES = (
    "log_score", "coverage1", "coverage_max", "soft1", "soft_max", "sentence_max", "near_max", "unknown",
    "uncovered1",
    "reach", "log_concepts", "breadth", "gap", "same_article", "answer1", "off_domain", "off_domain_common",
    "salience_min", "salience_mean", "asker", "addressee", "advice", "lang_en", "lang_de", "lang_zh_hant",
    "article_salience",
)
# Who the question is about: the asker's own life ("my cat", "我家孩子", "meine Steuer") or the bot itself
# ("how old are you") are rarely what interviews answer; "which brand should I buy" asks for advice.
ASKER = re.compile(r"\b(?:i|i'm|i've|my|me|mine|myself|ich|mein|meine|meinen|meinem|meiner|mir|mich)\b|我|俺|咱", re.I)
ADDRESSEE = re.compile(r"\b(?:you|your|du|dein|deine|dir|dich)\b|你(?!们|們)|您", re.I)
ADVICE = re.compile(r"\b(?:recommend\w*|suggest\w*|should i|best|cheapest|where (?:can|do|to) (?:i|you)|"
                    r"empfehl\w*|empfiehl\w*|lohnt sich|am besten|wo kann (?:man|ich))\b|推荐|推薦|哪个牌子|哪個牌子|"
                    r"哪款|哪家好|划算|值得买|值得買|怎么办|怎麼辦|去哪|在哪里买|在哪裡買", re.I)
NEAR = {"zh": 40, "de": 160, "en": 140}  # characters: how close the words answering a question stand together
SPECIFIC = (3.5, 5.6)  # Zipf range of words that name a topic (camping, Wetter, 天气); above: generic (good, 做)
MODEL_FILE = DATA / "answerability.json"


@dataclass(frozen=True)
class Model:
    """A fitted logistic model: p = sigmoid(coef . (x - mean) / scale + intercept); answer when p >= threshold."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(c * (values[f] - m) / s for f, m, s, c in
                                 zip(self.features, self.mean, self.scale, self.coef, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def accepts(self, values: dict[str, float]) -> bool:
        return self.probability(values) >= self.threshold

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold}


@cache
def load_model() -> Model | None:
    """The bundled model, or None when there is none (then the fixed gate decides)."""
    if not MODEL_FILE.is_file():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # written for other features: retrain
    return Model(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                 float(data["intercept"]), float(data["threshold"]))


class Evidence:
    """Computes FEATURES for questions against one corpus (a Ranker's passages and index)."""

    def __init__(self, ranker: object) -> None:
        from retrieval.ranking import Ranker

        assert isinstance(ranker, Ranker)
        self.ranker = ranker
        self._sentences: dict[int, list[frozenset[str]]] = {}
        self._positions: dict[int, list[tuple[int, str]]] = {}
        self._docs_of: dict[str, list[int]] = {}

    def sentences(self, doc: int) -> list[frozenset[str]]:
        """Index terms of each pair of adjacent sentences of a passage (a thought often spans two)."""
        known = self._sentences.get(doc)
        if known is None:
            p = self.ranker.passages[doc]
            lang = self.ranker.languages.get(p.article_id, "zh")
            spans = sentence_spans(p.text) or [(0, len(p.text))]
            single = [frozenset(tokenize(p.text[s:e], lang)) for s, e in spans]
            known = [a | b for a, b in zip(single, [*single[1:], frozenset()], strict=True)]
            if p.question:
                known.append(frozenset(tokenize(p.question, lang)))
            self._sentences[doc] = known
        return known

    def positions(self, doc: int) -> list[tuple[int, str]]:
        """(offset, index term) of every term of a passage's text, in order."""
        known = self._positions.get(doc)
        if known is None:
            p = self.ranker.passages[doc]
            lang = self.ranker.languages.get(p.article_id, "zh")
            known = self._positions[doc] = [(t.start, t.term) for t in tokens(p.text, lang)]
        return known

    def article_df(self, article_id: str, concepts: list[frozenset[str]]) -> tuple[int, list[int]]:
        """(passages of one article, how many of them hold the commonest term of each concept there): the
        question measured against the interview its best passage comes from, whatever else the corpus holds."""
        if not self._docs_of:
            for i, p in enumerate(self.ranker.passages):
                self._docs_of.setdefault(p.article_id, []).append(i)
        docs = self._docs_of.get(article_id, [])
        sets = self.ranker.term_sets
        return len(docs), [max((sum(1 for d in docs if t in sets[d]) for t in c), default=0) for c in concepts]

    def near(self, doc: int, weights: list[tuple[frozenset[str], float]], total: float) -> float:
        """The largest share of the question's concepts (weighted) that a short stretch of the passage holds."""
        lang = self.ranker.languages.get(self.ranker.passages[doc].article_id, "zh")
        span = NEAR.get("zh" if lang.startswith("zh") else lang, 60)
        concept_of: dict[str, list[int]] = {}
        for i, (concept, _) in enumerate(weights):
            for t in concept:
                concept_of.setdefault(t, []).append(i)
        hits = [(at, i) for at, term in self.positions(doc) for i in concept_of.get(term, ())]
        best, counts, lo = 0.0, [0] * len(weights), 0
        got = 0.0
        for at, i in hits:
            if counts[i] == 0:
                got += weights[i][1]
            counts[i] += 1
            while at - hits[lo][0] > span:
                j = hits[lo][1]
                counts[j] -= 1
                if counts[j] == 0:
                    got -= weights[j][1]
                lo += 1
            best = max(best, got)
        return best / total

    def features(self, query: Query, ranked: Sequence[tuple[int, float]], judged: dict[int, float],
                 raw_best: float) -> dict[str, float]:
        """The evidence for `query`, given its best passages after the rerank (`ranked`, best first), their
        scores before it (`judged`) and the best raw BM25 score."""
        r = self.ranker
        weights = r.concept_weights(query)
        total = sum(w for _, w in weights) or 1.0
        top = list(ranked[:3]) or [(0, 0.0)]
        index = r.index
        n = max(1, len(r.passages))

        def covered(have: frozenset[str]) -> float:
            return sum(w for c, w in weights if not c.isdisjoint(have)) / total

        def soft(have: frozenset[str]) -> float:  # a concept counts as much as its strongest matched term
            got = 0.0
            for concept, w in weights:
                strengths = [min(1.0, query.terms.get(t, 0.0)) for t in concept if t in have]
                got += w * (max(strengths) if strengths else 0.0)
            return got / total

        sets = [r.term_sets[d] for d, _ in top]
        first = sets[0]
        known = [(c, w, max(index.df(t) for t in c)) for c, w in weights]
        unknown = sum(w for _, w, df in known if df == 0) / total
        max_idf = math.log((n + 0.5) / 0.5 + 1)
        uncovered = [w for c, w in weights if c.isdisjoint(first)]
        reach = sum(wt * index.max_weight(t) for t, wt in query.terms.items())
        scores = [judged.get(d, 0.0) for d, _ in top]
        articles = [r.passages[d].article_id for d, _ in top]
        size, held = self.article_df(articles[0], [c for c, _ in weights])  # within the best passage's interview
        specific, common, salience, article_salience = self._generality(query, known, n, held, max(1, size))
        lang = query.language
        return {
            "log_score": math.log1p(max(scores)),
            "coverage1": covered(first),
            "coverage_max": max(covered(s) for s in sets),
            "soft1": soft(first),
            "soft_max": max(soft(s) for s in sets),
            "sentence_max": max((covered(s) for d, _ in top for s in self.sentences(d)), default=0.0),
            "near_max": max(self.near(d, weights, total) for d, _ in top),
            "unknown": unknown,
            "uncovered1": max(uncovered) / max_idf if uncovered else 0.0,
            "reach": raw_best / reach if reach else 0.0,
            "log_concepts": math.log(len(weights) + 1),
            "breadth": float((index.scores(query.terms) > 0).sum()) / n,
            "gap": (top[0][1] - top[-1][1]) / top[0][1] if top[0][1] else 0.0,
            "same_article": sum(a == articles[0] for a in articles) / len(articles),
            "answer1": float(r.passages[top[0][0]].kind == "answer"),
            "off_domain": specific,
            "off_domain_common": common,
            "salience_min": min(salience, default=0.0),
            "salience_mean": sum(salience) / len(salience) if salience else 0.0,
            "asker": float(ASKER.search(query.text) is not None),
            "addressee": float(ADDRESSEE.search(query.text) is not None),
            "advice": float(ADVICE.search(query.text) is not None),
            "lang_en": float(lang == "en"),
            "lang_de": float(lang == "de"),
            "lang_zh_hant": float(lang == "zh-Hant"),
            "article_salience": sum(article_salience) / len(article_salience) if article_salience else 0.0,
        }

    def _generality(self, query: Query, known: list[tuple[frozenset[str], float, int]], n: int,
                    held: list[int], size: int) -> tuple[float, float, list[float], list[float]]:
        """Of the typed words whose concept the corpus lacks: how common the most common one of topic words
        is, and of generic words (Zipf); and each concept's salience: how much more the corpus uses it than
        everyday language does (log scale), in the corpus (`known`: df of n passages) and in one article
        (`held`: df of `size` passages)."""
        lang = query.language
        words = [(t.term, t.term if HAN.match(t.term) else query.text[t.start:t.end])  # Chinese: simplified
                 for t in tokens(query.text, lang) if not t.part]
        specific = common = 0.0
        salience: list[float] = []
        in_article: list[float] = []
        for (concept, _, df), article_df in zip(known, held, strict=True):
            typed = [zipf(surface, lang) for term, surface in words if term in concept]
            z = max(typed) if typed else 0.0
            if df == 0 and SPECIFIC[0] <= z < SPECIFIC[1]:
                specific = max(specific, z)
            elif df == 0 and z >= SPECIFIC[1]:
                common = max(common, z)
            salience.append(math.log((df + 0.5) / n) - (z - 9.0) * math.log(10))
            in_article.append(math.log((article_df + 0.5) / size) - (z - 9.0) * math.log(10))
        return specific, common, salience, in_article
