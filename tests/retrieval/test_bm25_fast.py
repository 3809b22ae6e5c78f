"""The fast paths of BM25Index give what its numpy path gives: the same postings built by counting (compiled)
and by sorting (numpy), the same top k (documents and float scores) from the compiled exact search, the
compiled MaxScore search and numpy, ties included. Without numba everything runs on numpy."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import bm25
from retrieval.bm25 import BM25Index
from retrieval.build import Spool

pytest.importorskip("numba")


def corpus(n_docs: int, seed: int, vocab: int = 20_000) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Zipf-distributed term numbers; a tenth of the documents are copies of others (exact ties)."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 60, size=n_docs).astype(np.int32)
    ids = (rng.zipf(1.25, size=int(lengths.sum())) % vocab).astype(np.int32)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    for d in rng.choice(n_docs, size=n_docs // 10, replace=False):  # copy an earlier document's terms
        src = int(rng.integers(0, max(1, d)))
        if lengths[src] == lengths[d]:
            ids[starts[d]:starts[d + 1]] = ids[starts[src]:starts[src + 1]]
    return ids, lengths, {f"t{i}": i for i in range(vocab)}


def queries(index: BM25Index, n: int, seed: int) -> list[object]:
    rng = np.random.default_rng(seed)
    df = np.diff(index.weights.indptr)
    known = np.flatnonzero(df > 0)
    common = known[np.argsort(-df[known])[:30]]
    out: list[object] = []
    for i in range(n):
        terms = [f"t{t}" for t in rng.choice(known, size=int(rng.integers(1, 9)))]
        terms += [f"t{t}" for t in rng.choice(common, size=int(rng.integers(0, 3)))]
        if i % 7 == 0:
            terms += [*terms[:2], "unknown"]  # repeated and unknown tokens
        out.append(terms if i % 5 else {t: float(rng.choice([0.3, 1.0, 2.0, 0.7])) for t in terms})
    return out


def numpy_top(index: BM25Index, query: object, k: int) -> list[tuple[int, float]]:
    cols, mults = index._terms(query)  # type: ignore[arg-type]
    return index._top_numpy(cols, mults, k) if cols else []


@pytest.mark.parametrize(("n_docs", "seed"), [(8_000, 1), (60_000, 2)])
def test_compiled_top_is_numpys(n_docs: int, seed: int) -> None:
    """8k documents: the exact compiled search; 60k (>= SWITCH_MIN_DOCS): float32 sums with MaxScore, then
    exact scores of the survivors."""
    ids, lengths, vocab = corpus(n_docs, seed)
    index = BM25Index.from_ids(ids, lengths, vocab)
    assert index.size >= bm25.JIT_MIN_DOCS
    for k in (1, 10, 40):
        for query in queries(index, 120, seed + k):
            assert index.top(query, k) == numpy_top(index, query, k), query  # type: ignore[arg-type]
    assert index._fast, "the compiled search was used"


@pytest.mark.parametrize("n_docs", [8_000, 60_000])
def test_compiled_search_with_many_ties_and_common_terms(n_docs: int) -> None:
    """Few terms: long lists that touch most documents, so the k best are found group by group (documents
    d = g, g + groups, ... read out of document order), and many equal scores, which still rank by
    document number."""
    ids, lengths, vocab = corpus(n_docs, 5, vocab=300)
    index = BM25Index.from_ids(ids, lengths, vocab)
    for k in (1, 10, 40):
        for query in queries(index, 150, 6 + k):
            assert index.top(query, k) == numpy_top(index, query, k), query  # type: ignore[arg-type]


@pytest.mark.parametrize("k", [1, 40])
def test_pruning_search_when_the_first_terms_touch_most_documents(k: int) -> None:
    """Long lists before the lookups: the candidates are read from the scores in document order (not from
    the postings), and the later long lists are added without a branch; the same results still."""
    ids, lengths, vocab = corpus(60_000, 7, vocab=200)
    index = BM25Index.from_ids(ids, lengths, vocab)
    for query in queries(index, 150, 8 + k):
        assert index.top(query, k) == numpy_top(index, query, k), query  # type: ignore[arg-type]


def test_counting_build_is_the_sorting_build(monkeypatch: pytest.MonkeyPatch) -> None:
    ids, lengths, vocab = corpus(20_000, 3)
    monkeypatch.setattr(bm25, "JIT_MIN_TOKENS", 0)
    counted = BM25Index.from_ids(np.array_split(ids, 7), [lengths], vocab)  # chunks need not match documents
    counted_parts = BM25Index.from_ids(list(np.array_split(ids, 1)), list(np.array_split(lengths, 1)), vocab)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    spool = Spool()  # chunks by documents, read back from the file one at a time
    for part in np.array_split(np.arange(len(lengths)), 5):
        spool.append(ids[starts[part[0]]:starts[part[-1] + 1]])
    spooled = BM25Index.from_ids(spool, [lengths[p] for p in np.array_split(np.arange(len(lengths)), 5)], vocab)
    spool.close()
    monkeypatch.setattr(bm25, "JIT_MIN_TOKENS", 1 << 62)
    monkeypatch.setattr(bm25, "BLOCK", 10_000)  # many term blocks
    sorted_ = BM25Index.from_ids(ids, lengths, vocab)
    for other in (counted, counted_parts, spooled):
        for name in ("indptr", "indices", "tf", "idf", "norm"):
            np.testing.assert_array_equal(getattr(other.weights, name), getattr(sorted_.weights, name))
        np.testing.assert_array_equal(other.top_weights, sorted_.top_weights)
        np.testing.assert_array_equal(other.weights.data, sorted_.weights.data)


def test_without_numba_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    ids, lengths, vocab = corpus(60_000, 4)
    fast = BM25Index.from_ids(ids, lengths, vocab)
    monkeypatch.setattr(bm25, "_JIT", None)
    slow = BM25Index.from_ids(ids, lengths, vocab)
    assert slow._prepare() is False
    np.testing.assert_array_equal(slow.top_weights, fast.top_weights)
    for query in queries(fast, 60, 8):
        assert slow.top(query, 10) == fast.top(query, 10)  # type: ignore[arg-type]
        np.testing.assert_array_equal(slow.scores(query), fast.scores(query))  # type: ignore[arg-type]


def test_saved_index_searches_alike(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids, lengths, vocab = corpus(60_000, 7)
    index = BM25Index.from_ids(ids, lengths, vocab)
    index.save(tmp_path / "i.npz")
    loaded = BM25Index.load(tmp_path / "i.npz")
    for query in queries(index, 40, 9):
        assert loaded.top(query, 10) == index.top(query, 10)  # type: ignore[arg-type]


def test_a_spool_gives_back_each_array_as_written() -> None:
    spool = Spool()
    written = [np.arange(5, dtype=np.int32), np.zeros(0, dtype=np.int32), np.array([7, -1, 2**31 - 1], np.int64)]
    for a in written:
        spool.append(a)
    assert len(spool) == 3 and [x.tolist() for x in spool] == [a.tolist() for a in written]
    assert spool[-1].dtype == np.int32 and spool[-1].tolist() == [7, -1, 2**31 - 1]
    spool[0][0] = 9  # a fresh, writable array each time
    assert spool[0][0] == 0
    with pytest.raises(IndexError):
        spool[3]
    spool.close()
