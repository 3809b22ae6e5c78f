"""BM25 over postings of term frequencies (numpy), scoring exactly like rank-bm25's BM25Okapi.

rank-bm25 (the reference) computes, for every query token occurrence q and document d:
    idf(q) * (tf(q,d) * (k1 + 1) / (tf(q,d) + k1 * (1 - b + b * |d| / avgdl)))
with idf(q) = ln(N - n(q) + 0.5) - ln(n(q) + 0.5), and negative idf replaced by epsilon * mean idf
(the mean over the whole vocabulary, negative values included). The index keeps, per term, its
documents (int32, ascending) and term frequencies (uint16), and per document its length normalisation
k1 * (1 - b + b * |d| / avgdl); a weight is worked out when a query needs it, always with the same
floating-point operations in the same order, so a score is the same float however it is computed (and
the index is a third of the size of precomputed float64 weights). Each term's highest weight is kept
too: what a term can add to a score at most, which lets the top-k search skip documents (MaxScore).

Large indexes are built and searched by compiled kernels (retrieval.bm25_jit, numba) when numba is
installed; without it numpy does the same work with the same results. Only numpy is needed to load and
query an index (scipy is slow to import, numba is imported only for large indexes).
"""

from __future__ import annotations

import math
import threading
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import numpy as np

K1 = 1.2  # k1 and b tuned on tests/eval/questions.jsonl (interview-bot eval): less length normalisation
B = 0.4  # suits answers, whose longer passages are usually the fuller answers
EPSILON = 0.25
FORMAT = 2  # bumped when the saved layout changes
JIT_MIN_DOCS = 5_000  # smaller indexes never import numba (its import costs more than it saves there)
JIT_MIN_TOKENS = 2_000_000  # ... nor build with it below this many tokens
BLOCK = 1 << 22  # postings a numpy step works on at once while building (bounds its temporaries)
SLACK = 1e-9  # relative margin of the pruning bounds: far above any difference of rounding

FOUND = np.dtype([("doc", np.int64), ("score", np.float64)])  # a compiled search's results, as records
ONES = np.ones(64)  # the multiplicities of a query of distinct tokens (read-only)
ONES.flags.writeable = False
Query = Mapping[str, float] | Sequence[str]
IntArrays = np.ndarray | Sequence[np.ndarray]


@dataclass(frozen=True)
class Postings:
    """Term t's documents (ascending) and term frequencies are indices[indptr[t]:indptr[t+1]] and
    tf[indptr[t]:indptr[t+1]]; idf[t] is its (floored) idf, norm[d] document d's length normalisation
    k1 * (1 - b + b * |d| / avgdl). `data` holds the weights themselves, in the same layout (worked out
    on first use: the index does not keep them)."""

    indptr: np.ndarray  # int64, one more than the number of terms
    indices: np.ndarray  # int32 document numbers
    tf: np.ndarray  # uint16 (uint32 if a document is longer than 65,535 tokens)
    idf: np.ndarray  # float64, per term
    lengths: np.ndarray  # int32, per document
    norm: np.ndarray  # float64, per document
    k1: float
    shape: tuple[int, int]  # (documents, terms)

    @cached_property
    def data(self) -> np.ndarray:
        """Every (term, document) weight, float64, in the order of `indices`."""
        out = np.empty(len(self.indices), dtype=np.float64)
        for lo, hi in _blocks(self.indptr, BLOCK):
            s, e = int(self.indptr[lo]), int(self.indptr[hi])
            cols = np.repeat(np.arange(lo, hi), np.diff(self.indptr[lo:hi + 1]))
            out[s:e] = _weights(self.tf[s:e], self.norm[self.indices[s:e]], self.k1, self.idf[cols])
        return out


def _weights(tf: np.ndarray, norm: np.ndarray, k1: float, idf: np.ndarray | float) -> np.ndarray:
    """idf * (tf * (k1 + 1) / (tf + norm)), in rank-bm25's order of operations (`norm` is overwritten)."""
    w = tf.astype(np.float64)
    norm += w
    w *= k1 + 1
    w /= norm
    w *= idf
    return w


def _norm(lengths: np.ndarray, k1: float, b: float) -> np.ndarray:
    """k1 * (1 - b + b * |d| / avgdl) per document, in rank-bm25's order of operations."""
    n_docs = len(lengths)
    avgdl = int(lengths.sum(dtype=np.int64)) / n_docs if n_docs else 1.0
    norm = lengths.astype(np.float64)
    norm *= b
    norm /= avgdl
    norm += 1 - b
    norm *= k1
    return norm


def _idf(df: np.ndarray, n_docs: int, epsilon: float) -> np.ndarray:
    """ln(N - n + 0.5) - ln(n + 0.5), negative values replaced by epsilon * the mean (summed in vocabulary
    order, as rank-bm25 sums it)."""
    idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    if len(df):
        floor = epsilon * (float(np.cumsum(idf)[-1]) / len(df))
        idf[idf < 0] = floor
    return idf


def _blocks(indptr: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Consecutive term ranges [lo, hi) of about `size` postings each (a longer term is a range of its own)."""
    n_terms = len(indptr) - 1
    if n_terms == 0:
        return []
    cuts = np.searchsorted(indptr, np.arange(size, int(indptr[-1]), size, dtype=np.int64), side="right") - 1
    edges = np.unique(np.concatenate(([0], np.clip(cuts, 0, n_terms), [n_terms])))
    return [(int(a), int(b)) for a, b in pairwise(edges) if b > a]


_JIT: ModuleType | bool | None = False  # False: not tried yet; None: numba unavailable


def jit() -> ModuleType | None:
    """The compiled kernels (retrieval.bm25_jit), or None when numba is not installed."""
    global _JIT
    if _JIT is False:
        try:
            from retrieval import bm25_jit
        except ImportError:  # numba is optional: numpy gives the same results
            _JIT = None
        else:
            _JIT = bm25_jit
    return _JIT if isinstance(_JIT, ModuleType) else None


class BM25Index:
    """A BM25Okapi index: postings, per-term idf and highest weight, and the term -> column vocabulary."""

    def __init__(self, weights: Postings, vocab: dict[str, int], params: tuple[float, float, float] = (K1, B, EPSILON),
                 top_weights: np.ndarray | None = None):
        self.weights = weights
        self.vocab = vocab
        self.params = params
        self._df: list[int] | None = None
        self._max = top_weights
        self._local = threading.local()
        self._weights32: np.ndarray | None = None
        self._fast: Callable[[np.ndarray, np.ndarray, int], list[tuple[int, float]] | None] | bool | None = None

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

    @property
    def top_weights(self) -> np.ndarray:
        """Each term's highest weight in any document (0 for a term without documents)."""
        if self._max is None:
            self._max = _max_weights(self.weights, self.size)
        return self._max

    def max_weight(self, term: str) -> float:
        """The highest weight `term` has in any document (0 when the index lacks it): what one occurrence of
        it in a question can add to a document's score at most."""
        col = self.vocab.get(term)
        return 0.0 if col is None else float(self.top_weights[col])

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Iterable[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON) -> BM25Index:
        """Index tokenized documents (streamed: the token lists are not kept)."""
        vocab: dict[str, int] = {}
        ids = array("i")
        lengths = array("i")
        for doc in docs:
            ids.extend([vocab.setdefault(t, len(vocab)) for t in doc])
            lengths.append(len(doc))
        return cls.from_ids(np.frombuffer(ids, dtype=np.int32), np.frombuffer(lengths, dtype=np.int32),
                            vocab, k1, b, epsilon)

    @classmethod
    def from_ids(cls, term_ids: IntArrays, lengths: IntArrays, vocab: dict[str, int],
                 k1: float = K1, b: float = B, epsilon: float = EPSILON) -> BM25Index:
        """Index documents given as one flat array of term numbers and the documents' lengths (or as lists
        of such arrays, chunk by chunk: they are not concatenated).

        Postings by counting, in two passes over the tokens (compiled, for large inputs): the index and one
        int per term are all it allocates. Without numba, term blocks of about BLOCK postings are sorted."""
        id_parts: Sequence[np.ndarray] = (
            [term_ids] if isinstance(term_ids, np.ndarray)  # a sequence (a build's spool) is read chunk by chunk
            else term_ids if isinstance(term_ids, Sequence) and len(term_ids) else list(term_ids))
        id_parts = id_parts or [np.zeros(0, np.int32)]
        len_parts = [lengths] if isinstance(lengths, np.ndarray) else list(lengths) or [np.zeros(0, np.int32)]
        len_parts = [np.asarray(x, dtype=np.int32) for x in len_parts]
        all_lengths = len_parts[0] if len(len_parts) == 1 else np.concatenate(len_parts)
        sizes = getattr(id_parts, "sizes", None) or [len(x) for x in id_parts]  # a spool knows them without reading
        if len(id_parts) != len(len_parts) or any(size != int(n.sum(dtype=np.int64))
                                                  for size, n in zip(sizes, len_parts, strict=False)):
            id_parts = [np.concatenate(list(id_parts))] if len(id_parts) > 1 else id_parts  # chunks not by documents
            len_parts = [all_lengths]
        n_docs, n_terms = len(all_lengths), len(vocab)
        n_tokens = sum(sizes)
        big = n_tokens >= JIT_MIN_TOKENS and jit() is not None
        tf_type = np.uint16 if n_docs == 0 or int(all_lengths.max()) <= np.iinfo(np.uint16).max else np.uint32
        if big:
            indptr, indices, tf = _postings_jit(id_parts, len_parts, n_terms, n_docs, tf_type)
        else:
            indptr, indices, tf = _postings_numpy(id_parts, all_lengths, n_terms, tf_type)
        idf = _idf(np.diff(indptr), n_docs, epsilon)
        weights = Postings(indptr, indices, tf, idf, all_lengths, _norm(all_lengths, k1, b), k1, (n_docs, n_terms))
        return cls(weights, vocab, (k1, b, epsilon), _max_weights(weights, n_docs))

    # -- searching --------------------------------------------------------------------------------
    def _terms(self, query: Query) -> tuple[list[int], list[float]]:
        """The columns of the query's known terms and their multiplicities (or weights), in query order."""
        get = self.vocab.get
        if type(query) is dict or (type(query) is not list and isinstance(query, Mapping)):
            counts: Mapping[str, float] = query
        elif len(set(query)) == len(query):  # no repeated token: all count once
            found = [col for col in map(get, query) if col is not None]
            return found, [1.0] * len(found)
        else:  # counted in a plain dict (a Counter costs more than a small search)
            counts = dict.fromkeys(query, 0.0)
            for term in query:
                counts[term] += 1.0
        cols: list[int] = []
        mults: list[float] = []
        for term, mult in counts.items():
            col = get(term)
            if col is not None and mult != 0:
                cols.append(col)
                mults.append(float(mult))
        return cols, mults

    def _postings(self, cols: list[int], mults: list[float]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The documents and weighted weights of each term, in query order."""
        w = self.weights
        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        bounds = w.indptr[np.array(cols, dtype=np.int64)[:, None] + [0, 1]].tolist() if cols else []
        for (start, end), col, mult in zip(bounds, cols, mults, strict=True):
            found = w.indices[start:end]
            x = _weights(w.tf[start:end], w.norm[found], w.k1, float(w.idf[col]))
            docs.append(found)
            weights.append(x if mult == 1 else mult * x)
        return docs, weights

    def _accumulate(self, docs: list[np.ndarray], weights: list[np.ndarray]) -> np.ndarray:
        """Every document's score in one bincount pass, which adds each document's weights term by term
        in query order, as rank-bm25 does."""
        if len(docs) == 1:
            return np.bincount(docs[0], weights=weights[0], minlength=self.size)
        return np.bincount(np.concatenate(docs), weights=np.concatenate(weights), minlength=self.size)

    def scores(self, query: Query) -> np.ndarray:
        """BM25 score of every document; query tokens count with their multiplicity (or weight)."""
        docs, weights = self._postings(*self._terms(query))
        if not docs:
            return np.zeros(self.size, dtype=np.float64)
        return self._accumulate(docs, weights)

    def top(self, query: Query, k: int) -> list[tuple[int, float]]:
        """The k best (document, score) pairs with a positive score: best first, ties by document number.

        With numba, large indexes: the compiled MaxScore search (retrieval.bm25_jit.search), which visits
        only the documents that can still be among the k best; smaller ones: every score, compiled. Else
        numpy: every score, then a partition. All give the same documents and the same scores."""
        if type(query) is list and len(set(query)) == len(query):  # distinct tokens (as _terms, without
            cols, mults = [c for c in map(self.vocab.get, query) if c is not None], None  # listing 1.0s)
        else:
            cols, mults = self._terms(query)
        if k <= 0 or not cols:
            return []
        fast = self._fast if self._fast is not None else self._prepare()
        m = len(cols)
        if not isinstance(fast, bool) and (mults is None or min(mults) > 0):
            weights = ONES[:m] if mults is None and m <= len(ONES) else np.array(mults or [1.0] * m, dtype=np.float64)
            found = fast(np.array(cols, dtype=np.int64), weights, k)
            if found is not None:
                return found
        return self._top_numpy(cols, mults or [1.0] * m, k)

    def _prepare(self) -> Callable[[np.ndarray, np.ndarray, int], list[tuple[int, float]] | None] | bool:
        """The compiled search bound to this index (False without numba or below JIT_MIN_DOCS documents):
        (columns, multiplicities, k) -> [(document, score)] best first, or None when a weight can be negative."""
        kernels = jit() if self.size >= JIT_MIN_DOCS else None
        fast: Callable[[np.ndarray, np.ndarray, int], list[tuple[int, float]] | None] | bool = False
        if kernels is not None:
            w = self.weights
            local = self._local
            if self.size < kernels.SWITCH_MIN_DOCS:  # nothing to skip: every score, exactly, in query order
                exact, arrays, n = kernels.exact_search, (w.indptr, w.indices, w.data), self.size

                def fast(cols: np.ndarray, mults: np.ndarray, k: int) -> list[tuple[int, float]] | None:
                    packed = getattr(local, "packed", None)
                    if packed is None or len(packed[4]) < k:  # this thread's buffers join the index's arrays;
                        out = np.empty(max(k, 64), dtype=FOUND)  # the results as (document, score) records
                        packed = local.packed = (*arrays, np.zeros(n, dtype=np.float64), out["doc"], out["score"])
                        local.found = out
                    return local.found[:exact(packed, cols, mults, k)].tolist()
            else:
                search, k1p1 = kernels.search, w.k1 + 1
                packed = (w.indptr, w.indices, self._w32(kernels), w.tf, w.norm, w.idf, self.top_weights,
                          *_skips(w.indptr, w.indices, kernels.SKIP))

                def fast(cols: np.ndarray, mults: np.ndarray, k: int) -> list[tuple[int, float]] | None:
                    found = search(packed, k1p1, cols, mults, k, self._scratch())
                    return None if found is None else list(zip(found[0].tolist(), found[1].tolist(), strict=True))
        self._fast = fast
        return fast

    def _top_numpy(self, cols: list[int], mults: list[float], k: int) -> list[tuple[int, float]]:
        scores = self._accumulate(*self._postings(cols, mults))
        cand = np.flatnonzero(scores > 0)
        cand_scores = scores[cand]
        if len(cand) > k:
            kth = -np.partition(-cand_scores, k - 1)[k - 1]
            keep = cand_scores >= kth  # every tie of the k-th score, so ties resolve by document number
            cand, cand_scores = cand[keep], cand_scores[keep]
        order = np.lexsort((cand, -cand_scores))[:k]
        return list(zip(cand[order].tolist(), cand_scores[order].tolist(), strict=True))

    def _w32(self, kernels: ModuleType) -> np.ndarray:
        """The weights rounded to float32, for the compiled search (worked out once, when first needed)."""
        if self._weights32 is None:
            w = self.weights
            out = np.empty(len(w.indices), dtype=np.float32)
            kernels.weights32(w.indptr, w.indices, w.tf, w.norm, w.idf, w.k1 + 1, out)
            self._weights32 = out
        return self._weights32

    def _scratch(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """This thread's score buffer (zeros), document and value lists for the compiled search, made once."""
        local = self._local
        scratch = getattr(local, "scratch", None)
        if scratch is None:
            n = self.size
            scratch = local.scratch = (np.zeros(n, dtype=np.float32), np.empty(n + 1, dtype=np.int32),
                                       np.empty(n + 1, dtype=np.float32))
        return scratch

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: Path | str) -> None:
        """Write the index to one .npz file (uncompressed: loading is a few reads)."""
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        blob = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
        w = self.weights
        with open(path, "wb") as fh:
            np.savez(fh, format=np.array(FORMAT), indptr=w.indptr, indices=w.indices, tf=w.tf, idf=w.idf,
                     lengths=w.lengths, top=self.top_weights, shape=np.array(w.shape, dtype=np.int64),
                     params=np.array(self.params), terms=blob)

    @classmethod
    def load(cls, path: Path | str) -> BM25Index:
        """Read an index written by `save` (ValueError if it is of another format)."""
        with np.load(path, allow_pickle=False) as z:
            if int(z["format"]) != FORMAT:
                raise ValueError(f"index format {int(z['format'])}, expected {FORMAT}")
            n_docs, n_terms = (int(x) for x in z["shape"])
            k1, b, eps = (float(x) for x in z["params"])
            lengths = z["lengths"]
            weights = Postings(z["indptr"], z["indices"], z["tf"], z["idf"], lengths, _norm(lengths, k1, b), k1,
                               (n_docs, n_terms))
            top = z["top"]
            text = z["terms"].tobytes().decode("utf-8")
        terms = text.split("\n") if n_terms else []
        if (len(terms) != n_terms or len(weights.indptr) != n_terms + 1 or len(lengths) != n_docs
                or len(top) != n_terms or len(weights.idf) != n_terms):
            raise ValueError("index file is inconsistent")
        return cls(weights, {t: i for i, t in enumerate(terms)}, (k1, b, eps), top)


def _skips(indptr: np.ndarray, indices: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
    """The first document of every `step` postings of each term (skip_at[t]:skip_at[t + 1] are term t's)."""
    blocks = (np.diff(indptr) + step - 1) // step
    skip_at = np.zeros(len(blocks) + 1, dtype=np.int64)
    np.cumsum(blocks, out=skip_at[1:])
    term = np.repeat(np.arange(len(blocks), dtype=np.int64), blocks)
    rank = np.arange(int(skip_at[-1]), dtype=np.int64) - skip_at[term]
    return skip_at, indices[indptr[term] + step * rank]


# -- building postings ------------------------------------------------------------------------------------
def _postings_jit(id_parts: Sequence[np.ndarray], len_parts: list[np.ndarray], n_terms: int, n_docs: int,
                  tf_type: type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counting sort on term numbers, compiled: document frequencies, then each posting at its term's cursor
    (the chunks are read twice, one at a time: a spooled corpus's term numbers never sit in memory whole)."""
    kernels = jit()
    assert kernels is not None
    last = np.full(n_terms, -1, dtype=np.int32)
    df = np.zeros(n_terms, dtype=np.int64)
    first = 0
    for ids, lengths in zip(id_parts, len_parts, strict=True):
        kernels.count_postings(np.asarray(ids, dtype=np.int32), lengths, first, last, df)
        first += len(lengths)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    del df
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    tf: np.ndarray = np.empty(int(indptr[-1]), dtype=tf_type)
    cursor = indptr[:-1].copy()
    last.fill(-1)
    first = 0
    for ids, lengths in zip(id_parts, len_parts, strict=True):
        kernels.fill_postings(np.asarray(ids, dtype=np.int32), lengths, first, last, cursor, indices, tf)
        first += len(lengths)
    return indptr, indices, tf


def _postings_numpy(id_parts: Sequence[np.ndarray], lengths: np.ndarray, n_terms: int,
                    tf_type: type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The same postings with numpy: for each block of terms holding about BLOCK tokens, one int64 key
    (term, document) per token, sorted; equal keys are one posting, their number its term frequency."""
    ids = id_parts[0] if len(id_parts) == 1 else np.concatenate(list(id_parts))
    ids = np.asarray(ids, dtype=np.int32)
    n_docs = len(lengths)
    stride = max(n_docs, 1)
    counts = np.bincount(ids, minlength=n_terms)
    token_ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(counts, out=token_ptr[1:])
    del counts
    starts = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    df = np.zeros(n_terms, dtype=np.int64)
    doc_parts: list[np.ndarray] = []
    tf_parts: list[np.ndarray] = []
    for lo, hi in _blocks(token_ptr, BLOCK):
        at = np.flatnonzero((ids >= lo) & (ids < hi)) if (lo, hi) != (0, n_terms) else np.arange(len(ids))
        keys = (ids[at] - lo).astype(np.int64) * stride
        keys += np.searchsorted(starts, at, side="right") - 1  # each token's document
        del at
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        heads = np.flatnonzero(first)
        del first
        tf_parts.append(np.diff(heads, append=len(keys)).astype(tf_type))
        pairs = keys[heads]
        del keys, heads
        cols = pairs // stride
        doc_parts.append((pairs - cols * stride).astype(np.int32))
        df[lo:hi] = np.bincount(cols, minlength=hi - lo)
        del pairs, cols
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    indices = np.concatenate(doc_parts) if doc_parts else np.zeros(0, dtype=np.int32)
    tf = np.concatenate(tf_parts) if tf_parts else np.zeros(0, dtype=tf_type)
    return indptr, indices, tf


def _max_weights(w: Postings, n_docs: int) -> np.ndarray:
    """Each term's highest weight (0 for a term without documents)."""
    n_terms = len(w.indptr) - 1
    out = np.zeros(n_terms, dtype=np.float64)
    kernels = jit() if len(w.indices) >= JIT_MIN_TOKENS else None
    if kernels is not None:
        kernels.max_weights(w.indptr, w.indices, w.tf, w.norm, w.idf, w.k1 + 1, out)
        return out
    for lo, hi in _blocks(w.indptr, BLOCK):
        s, e = int(w.indptr[lo]), int(w.indptr[hi])
        sizes = np.diff(w.indptr[lo:hi + 1])
        filled = sizes > 0
        if not filled.any():
            continue
        cols = np.repeat(np.arange(lo, hi), sizes)
        x = _weights(w.tf[s:e], w.norm[w.indices[s:e]], w.k1, w.idf[cols])
        out[lo:hi][filled] = np.maximum.reduceat(x, (w.indptr[lo:hi] - s)[filled])
    return out


def reference_idf(n_docs: int, df: int) -> float:
    """rank-bm25's raw idf for one term (before the epsilon floor); used by tests."""
    return math.log(n_docs - df + 0.5) - math.log(df + 0.5)
