"""BM25 over precomputed term weights (numpy postings), scoring exactly like rank-bm25's BM25Okapi.

rank-bm25 (the reference) computes, for every query token occurrence q and document d:
    idf(q) * (tf(q,d) * (k1 + 1) / (tf(q,d) + k1 * (1 - b + b * |d| / avgdl)))
with idf(q) = ln(N - n(q) + 0.5) - ln(n(q) + 0.5), and negative idf replaced by epsilon * mean idf
(the mean over the whole vocabulary, negative values included). Those per-(term, document) weights do
not depend on the query, so they are computed once, in the same floating-point order, into
compressed sparse columns (postings); a query then adds up a few posting lists instead of looping over
every passage in Python. Only numpy is needed to load and query an index (scipy is slow to import).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1 = 1.2  # k1 and b tuned on tests/eval/questions.jsonl (interview-bot eval): less length normalisation
B = 0.4  # suits answers, whose longer passages are usually the fuller answers
EPSILON = 0.25
FORMAT = 1  # bumped when the saved layout changes

Query = Mapping[str, float] | Sequence[str]


@dataclass(frozen=True)
class Postings:
    """Term weights as compressed sparse columns: term t's documents (ascending) and weights are
    indices[indptr[t]:indptr[t+1]] and data[indptr[t]:indptr[t+1]]."""

    indptr: np.ndarray  # int64, one more than the number of terms
    indices: np.ndarray  # int32 document numbers
    data: np.ndarray  # float64 weights
    shape: tuple[int, int]  # (documents, terms)


class BM25Index:
    """A BM25Okapi index: postings of precomputed weights and the term -> column vocabulary."""

    def __init__(self, weights: Postings, vocab: dict[str, int], params: tuple[float, float, float] = (K1, B, EPSILON)):
        self.weights = weights
        self.vocab = vocab
        self.params = params
        self._df: list[int] | None = None
        self._max: np.ndarray | None = None

    @property
    def size(self) -> int:
        """Number of documents."""
        return int(self.weights.shape[0])

    def df(self, term: str) -> int:
        """Number of documents containing `term`."""
        col = self.vocab.get(term)
        if col is None:
            return 0
        if self._df is None:  # plain ints: per-term numpy scalar arithmetic costs ~1 µs a call
            self._df = np.diff(self.weights.indptr).tolist()
        return self._df[col]

    def max_weight(self, term: str) -> float:
        """The highest weight `term` has in any document (0 when the index lacks it): what one occurrence of
        it in a question can add to a document's score at most."""
        col = self.vocab.get(term)
        if col is None:
            return 0.0
        if self._max is None:
            w = self.weights
            top = np.zeros(w.shape[1])
            filled = np.diff(w.indptr) > 0
            if filled.any():
                top[filled] = np.maximum.reduceat(w.data, w.indptr[:-1][filled])
            self._max = top
        return float(self._max[col])

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Iterable[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON) -> BM25Index:
        """Index tokenized documents (streamed: the token lists are not kept)."""
        vocab: dict[str, int] = {}
        ids = array("i")
        lengths = array("q")
        for doc in docs:
            ids.extend([vocab.setdefault(t, len(vocab)) for t in doc])
            lengths.append(len(doc))
        return cls.from_ids(np.frombuffer(ids, dtype=np.int32), np.frombuffer(lengths, dtype=np.int64),
                            vocab, k1, b, epsilon)

    @classmethod
    def from_ids(cls, term_ids: np.ndarray, lengths: np.ndarray, vocab: dict[str, int],
                 k1: float = K1, b: float = B, epsilon: float = EPSILON) -> BM25Index:
        """Index documents given as one flat array of term numbers and the documents' lengths.

        Vectorised and frugal: one int64 key per token, sorted in place, is the largest array."""
        n_docs, n_terms = len(lengths), len(vocab)
        lengths = np.asarray(lengths, dtype=np.int64)
        stride = max(n_docs, 1)
        # one key per token occurrence, term-major: sorting groups (term, document) pairs in CSC order
        keys = np.asarray(term_ids, dtype=np.int64) * stride
        keys += np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        del first
        pairs = keys[starts]
        tf = np.diff(starts, append=len(keys)).astype(np.float64)
        del keys, starts
        cols = (pairs // stride).astype(np.int32)
        pairs -= cols.astype(np.int64) * stride
        rows = pairs.astype(np.int32)
        del pairs
        df = np.bincount(cols, minlength=n_terms)
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        if n_terms:
            floor = epsilon * (float(np.cumsum(idf)[-1]) / n_terms)  # summed in order, as rank-bm25 does
            idf[idf < 0] = floor
        avgdl = int(lengths.sum()) / n_docs if n_docs else 1.0
        # idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl))), in rank-bm25's order, in place
        denom = lengths[rows].astype(np.float64)
        denom *= b
        denom /= avgdl
        denom += 1 - b
        denom *= k1
        denom += tf
        data = tf
        data *= k1 + 1
        data /= denom
        del denom
        data *= idf[cols]
        return cls(Postings(indptr, rows, data, (n_docs, n_terms)), vocab, (k1, b, epsilon))

    # -- searching --------------------------------------------------------------------------------
    def _postings(self, query: Query) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The documents and weighted weights of each known query term, in query order."""
        counts: Mapping[str, float] = query if isinstance(query, Mapping) else Counter(query)
        w = self.weights
        indptr, indices, data, vocab = w.indptr, w.indices, w.data, self.vocab
        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for term, mult in counts.items():
            col = vocab.get(term)
            if col is None or mult == 0:
                continue
            start, end = indptr[col:col + 2].tolist()
            docs.append(indices[start:end])
            weights.append(data[start:end] if mult == 1 else mult * data[start:end])
        return docs, weights

    def _accumulate(self, docs: list[np.ndarray], weights: list[np.ndarray]) -> np.ndarray:
        """Every document's score in one bincount pass, which adds each document's weights term by term
        in query order, as rank-bm25 does."""
        if len(docs) == 1:
            return np.bincount(docs[0], weights=weights[0], minlength=self.size)
        return np.bincount(np.concatenate(docs), weights=np.concatenate(weights), minlength=self.size)

    def scores(self, query: Query) -> np.ndarray:
        """BM25 score of every document; query tokens count with their multiplicity (or weight)."""
        docs, weights = self._postings(query)
        if not docs:
            return np.zeros(self.size, dtype=np.float64)
        return self._accumulate(docs, weights)

    def top(self, query: Query, k: int) -> list[tuple[int, float]]:
        """The k best (document, score) pairs with a positive score: best first, ties by document number.

        One pass over the scores keeps only documents that can be among the k best: the k-th best score
        of the documents in the shortest posting lists (rare terms weigh most) is a lower bound of the
        true k-th best score, so every document reaching the true one, ties included, is kept."""
        docs, weights = self._postings(query)
        if k <= 0 or not docs:
            return []
        scores = self._accumulate(docs, weights)
        sample: list[np.ndarray] = []
        size = 0
        for postings in sorted(docs, key=len):
            sample.append(postings)
            size += len(postings)
            if size >= 4 * k:
                break
        probe = _unique(np.concatenate(sample) if len(sample) > 1 else sample[0])
        threshold = 0.0
        if len(probe) >= k:
            probe_scores = scores[probe]
            threshold = float(probe_scores[np.argpartition(-probe_scores, k - 1)[k - 1]])
        cand = np.flatnonzero(scores >= threshold) if threshold > 0 else np.flatnonzero(scores > 0)
        cand_scores = scores[cand]
        if len(cand) > k:
            kth = cand_scores[np.argpartition(-cand_scores, k - 1)[:k]].min()
            keep = cand_scores >= kth  # every tie of the k-th score, so ties resolve by document number
            cand, cand_scores = cand[keep], cand_scores[keep]
        order = np.lexsort((cand, -cand_scores))[:k]
        return list(zip(cand[order].tolist(), cand_scores[order].tolist(), strict=True))

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: Path | str) -> None:
        """Write the index to one .npz file (uncompressed: loading is a few reads)."""
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        blob = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
        w = self.weights
        with open(path, "wb") as fh:
            np.savez(fh, format=np.array(FORMAT), data=w.data, indices=w.indices, indptr=w.indptr,
                     shape=np.array(w.shape, dtype=np.int64), params=np.array(self.params), terms=blob)

    @classmethod
    def load(cls, path: Path | str) -> BM25Index:
        """Read an index written by `save` (ValueError if it is of another format)."""
        with np.load(path, allow_pickle=False) as z:
            if int(z["format"]) != FORMAT:
                raise ValueError(f"index format {int(z['format'])}, expected {FORMAT}")
            n_docs, n_terms = (int(x) for x in z["shape"])
            weights = Postings(z["indptr"], z["indices"], z["data"], (n_docs, n_terms))
            text = z["terms"].tobytes().decode("utf-8")
            k1, b, eps = (float(x) for x in z["params"])
        terms = text.split("\n") if n_terms else []
        if len(terms) != n_terms or len(weights.indptr) != n_terms + 1:
            raise ValueError("index file is inconsistent")
        return cls(weights, {t: i for i, t in enumerate(terms)}, (k1, b, eps))


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique costs ~40 µs even on a thousand values)."""
    if len(values) < 2:
        return values
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def reference_idf(n_docs: int, df: int) -> float:
    """rank-bm25's raw idf for one term (before the epsilon floor); used by tests."""
    return math.log(n_docs - df + 0.5) - math.log(df + 0.5)
