"""BM25 over precomputed sparse term weights, scoring exactly like rank-bm25's BM25Okapi.

rank-bm25 (the reference) computes, for every query token occurrence q and document d:
    idf(q) * tf(q,d) * (k1 + 1) / (tf(q,d) + k1 * (1 - b + b * |d| / avgdl))
with idf(q) = ln(N - n(q) + 0.5) - ln(n(q) + 0.5), and negative idf replaced by epsilon * mean idf.
Those per-(term, document) weights do not depend on the query, so they are computed once into a
sparse matrix; a query is then one sparse matrix-vector product instead of a Python loop.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

K1 = 1.5
B = 0.75
EPSILON = 0.25


class BM25Index:
    """Term weights as a CSC matrix (documents x terms) and the vocabulary."""

    def __init__(self, weights: sparse.csc_matrix, vocab: dict[str, int]) -> None:
        self.weights = weights
        self.vocab = vocab

    @property
    def size(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def build(cls, docs: Sequence[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON) -> BM25Index:
        """Index tokenized documents."""
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        lengths = np.zeros(len(docs), dtype=np.float64)
        for d, doc in enumerate(docs):
            lengths[d] = len(doc)
            for term, tf in Counter(doc).items():
                rows.append(d)
                cols.append(vocab.setdefault(term, len(vocab)))
                tfs.append(tf)
        n_docs = len(docs)
        row_arr = np.asarray(rows, dtype=np.int64)
        col_arr = np.asarray(cols, dtype=np.int64)
        tf_arr = np.asarray(tfs, dtype=np.float64)
        df = np.bincount(col_arr, minlength=len(vocab)).astype(np.float64)
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        if len(idf):
            floor = epsilon * (idf.sum() / len(idf))
            idf = np.where(idf < 0, floor, idf)
        avgdl = lengths.sum() / n_docs if n_docs else 0.0
        norm = k1 * (1 - b + b * lengths[row_arr] / avgdl) if n_docs else np.zeros(0)
        data = idf[col_arr] * tf_arr * (k1 + 1) / (tf_arr + norm)
        weights = sparse.csc_matrix((data, (row_arr, col_arr)), shape=(n_docs, len(vocab)))
        return cls(weights, vocab)

    def query_vector(self, query: Mapping[str, float] | Sequence[str]) -> sparse.csr_matrix:
        counts: Mapping[str, float] = Counter(query) if not isinstance(query, Mapping) else query
        cols = [(self.vocab[t], w) for t, w in counts.items() if t in self.vocab]
        vec = np.zeros(len(self.vocab), dtype=np.float64)
        for c, w in cols:
            vec[c] += w
        return vec

    def scores(self, query: Mapping[str, float] | Sequence[str]) -> np.ndarray:
        """BM25 score of every document; query tokens count with their multiplicity (or weight)."""
        counts: Mapping[str, float] = Counter(query) if not isinstance(query, Mapping) else query
        out = np.zeros(self.size, dtype=np.float64)
        for term, w in counts.items():
            col = self.vocab.get(term)
            if col is None or w == 0:
                continue
            start, end = self.weights.indptr[col], self.weights.indptr[col + 1]
            out[self.weights.indices[start:end]] += w * self.weights.data[start:end]
        return out

    def top(self, query: Mapping[str, float] | Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (document, score) pairs with a positive score, best first."""
        scores = self.scores(query)
        k = min(k, len(scores))
        if k <= 0:
            return []
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]

    def save(self, path: Path) -> None:
        terms = np.array(sorted(self.vocab, key=self.vocab.__getitem__), dtype=object)
        np.savez_compressed(path, data=self.weights.data, indices=self.weights.indices,
                            indptr=self.weights.indptr, shape=np.array(self.weights.shape),
                            terms=np.array("\n".join(terms.tolist())))

    @classmethod
    def load(cls, path: Path) -> BM25Index:
        z = np.load(path, allow_pickle=False)
        weights = sparse.csc_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        text = str(z["terms"])
        terms = text.split("\n") if text else []
        return cls(weights, {t: i for i, t in enumerate(terms)})


def reference_idf(n_docs: int, df: int) -> float:
    """rank-bm25's raw idf for one term (before the epsilon floor); used by tests."""
    return math.log(n_docs - df + 0.5) - math.log(df + 0.5)
