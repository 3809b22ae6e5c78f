"""BM25Index scores what rank-bm25's BM25Okapi scores (the reference), on real and synthetic corpora."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from bot.answer.library import Library
from retrieval.bm25 import EPSILON, K1, B, BM25Index
from retrieval.tokenize import tokenize

QUESTIONS = Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl"
REL = 1e-9
RANK_BM25_DEFAULTS = {"k1": 1.5, "b": 0.75, "epsilon": 0.25}
PARAMS = {"k1": K1, "b": B, "epsilon": EPSILON}  # the serving parameters (tuned on the eval set)


def reference(docs: list[list[str]]) -> BM25Okapi:
    """rank-bm25 with the parameters the serving index uses."""
    return BM25Okapi(docs, **PARAMS)


def ranked(scores: np.ndarray, k: int = 10) -> list[int]:
    """The reference ranking: positive scores, best first, ties by document number."""
    order = sorted(np.flatnonzero(scores > 0).tolist(), key=lambda d: (-scores[d], d))
    return order[:k]


def assert_same(index: BM25Index, ref: BM25Okapi, query: list[str]) -> None:
    want = ref.get_scores(query)
    got = index.scores(query)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=REL, atol=REL * max(1.0, float(np.abs(want).max())))
    top = index.top(query, 10)
    assert [d for d, _ in top] == ranked(want)
    for d, s in top:
        assert s == pytest.approx(want[d], rel=REL)


# -- exact numbers on a tiny corpus: the formula, at rank-bm25's defaults k1 = 1.5, b = 0.75, eps = 0.25 --
TINY = [["a", "b", "b"], ["a", "c"], ["a", "d", "e", "f"], ["g"]]
# N = 4, avgdl = 10/4 = 2.5; df(a) = 3, every other term df = 1.
IDF_RARE = math.log(3.5) - math.log(1.5)  # ln(7/3) = 0.8472978603872037
IDF_A = EPSILON * (5 * IDF_RARE / 7)  # raw idf(a) = ln(1.5/3.5) < 0 -> 0.25 * mean idf = 0.1513031893548578


def test_parameters_default_to_the_serving_ones_and_match_rank_bm25_defaults_when_asked() -> None:
    assert BM25Index.build(TINY).params == (K1, B, EPSILON)
    assert BM25Index.build(TINY, **RANK_BM25_DEFAULTS).params == (1.5, 0.75, 0.25)
    ref = BM25Okapi(TINY)  # rank-bm25's own defaults
    assert (ref.k1, ref.b, ref.epsilon) == (1.5, 0.75, 0.25)
    np.testing.assert_allclose(BM25Index.build(TINY, **RANK_BM25_DEFAULTS).scores(["a", "b"]),
                               ref.get_scores(["a", "b"]), rtol=1e-12)


def test_tiny_corpus_hand_computed() -> None:
    index = BM25Index.build(TINY, **RANK_BM25_DEFAULTS)
    # "a" in d0: tf 1, |d| 3 -> idf * 2.5 / (1 + 1.5 * (0.25 + 0.75 * 3 / 2.5)) = idf * 2.5 / 2.725
    expected_a = [IDF_A * 2.5 / 2.725, IDF_A * 2.5 / 2.275, IDF_A * 2.5 / 3.175, 0.0]
    assert index.scores(["a"]).tolist() == pytest.approx(expected_a, rel=1e-12)
    assert index.scores(["a"]).tolist() == pytest.approx([0.1388102654631723, 0.16626724104929427,
                                                          0.11913636957075417, 0.0], rel=1e-12)
    # "b" twice in d0: idf * 2 * 2.5 / (2 + 1.725) = 1.1373125642781259
    assert index.scores(["b"])[0] == pytest.approx(IDF_RARE * 5 / 3.725, rel=1e-12)
    assert index.scores(["b"])[0] == pytest.approx(1.1373125642781259, rel=1e-12)
    # a repeated query token counts twice, an unknown one not at all
    assert index.scores(["b", "b", "zzz"])[0] == pytest.approx(2 * 1.1373125642781259, rel=1e-12)
    # "g" alone in a one-token document: idf * 2.5 / (1 + 1.5 * (0.25 + 0.3)) = 1.160682000530416
    assert index.scores(["g", "a"])[3] == pytest.approx(1.160682000530416, rel=1e-12)
    assert index.top(["a"], 2) == [(1, pytest.approx(0.16626724104929427)), (0, pytest.approx(0.1388102654631723))]
    assert index.df("a") == 3 and index.df("zzz") == 0


def test_negative_mean_idf_gives_negative_floor_like_rank_bm25() -> None:
    docs = [["a", "b"], ["a", "c", "c"], ["a"]]
    index, ref = BM25Index.build(docs), reference(docs)
    assert ref.idf["a"] < 0  # epsilon * a negative mean idf
    np.testing.assert_allclose(index.scores(["a", "c"]), ref.get_scores(["a", "c"]), rtol=1e-12)
    assert all(s > 0 for _, s in index.top(["a", "c"], 5))


# -- the real corpus with real questions ---------------------------------------------------------------
def real_queries() -> list[list[str]]:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [q for q in (tokenize(r["question"]) for r in rows) if q]


def test_real_corpus_matches_rank_bm25(library: Library) -> None:
    docs = [p.tokens for p in library.passages]
    ref = reference(docs)
    index = BM25Index.build(docs)
    queries = real_queries()
    assert len(queries) > 100
    for query in queries:
        assert_same(index, ref, query)
    # and the Library's own index is that index
    assert library.index.vocab == index.vocab
    np.testing.assert_array_equal(library.index.weights.data, index.weights.data)


def test_real_corpus_passage_queries(library: Library) -> None:
    docs = [p.tokens for p in library.passages]
    ref, index = reference(docs), BM25Index.build(docs)
    rng = np.random.default_rng(7)
    for d in rng.choice(len(docs), size=40, replace=False):
        if docs[d]:
            assert_same(index, ref, list(rng.choice(docs[d], size=min(6, len(docs[d])))))


# -- a synthetic corpus: Zipf vocabulary, very common (negative idf) terms, repeated query tokens --------
def synthetic(n_docs: int, seed: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    docs = []
    for _ in range(n_docs):
        n = int(rng.integers(0, 40))
        words = [f"w{int(z)}" for z in rng.zipf(1.3, size=n) if z < 50_000]
        if rng.random() < 0.7:
            words.append("common")  # in most documents: negative raw idf
        docs.append(words)
    return docs


@pytest.mark.parametrize(("seed", "params"), [(1, PARAMS), (2, PARAMS), (3, RANK_BM25_DEFAULTS)])
def test_synthetic_corpus_matches_rank_bm25(seed: int, params: dict[str, float]) -> None:
    docs = synthetic(1500, seed)
    ref, index = BM25Okapi(docs, **params), BM25Index.build(docs, **params)
    raw = math.log(len(docs) - index.df("common") + 0.5) - math.log(index.df("common") + 0.5)
    assert raw < 0  # replaced by the epsilon floor
    rng = np.random.default_rng(seed + 100)
    vocab = sorted(index.vocab)
    for _ in range(60):
        query = list(rng.choice(vocab, size=int(rng.integers(1, 8))))
        query += ["common"] * int(rng.integers(0, 2)) + ["unknown-term"]
        query += query[:1]  # a repeated token
        assert_same(index, ref, query)


def test_weighted_query_equals_repeated_tokens() -> None:
    docs = synthetic(300, 5)
    index = BM25Index.build(docs)
    np.testing.assert_allclose(index.scores({"w1": 2.0, "w2": 1.0}), index.scores(["w1", "w2", "w1"]), rtol=1e-12)


def test_top_breaks_ties_by_document_number() -> None:
    docs = [["x", "y"], ["z"], ["x", "y"], ["x", "y"], ["q"]]
    index = BM25Index.build(docs)
    assert [d for d, _ in index.top(["x"], 2)] == [0, 2]
    assert [d for d, _ in index.top(["x"], 10)] == [0, 2, 3]
    assert index.top(["nothing"], 3) == [] and index.top(["x"], 0) == []


def test_save_load_round_trip(tmp_path: Path) -> None:
    docs = [*synthetic(500, 9), ["中文", "词"], []]
    index = BM25Index.build(docs)
    index.save(tmp_path / "i.npz")
    loaded = BM25Index.load(tmp_path / "i.npz")
    assert loaded.vocab == index.vocab and loaded.size == index.size and loaded.params == index.params
    for query in (["w1", "w3"], ["中文"], ["common", "w2", "w2"]):
        np.testing.assert_array_equal(loaded.scores(query), index.scores(query))
    empty = BM25Index.build([])
    empty.save(tmp_path / "e.npz")
    assert BM25Index.load(tmp_path / "e.npz").top(["x"], 3) == []


@pytest.mark.parametrize("k", [1, 2, 3, 5, 10, 40])
def test_top_equals_a_full_sort_even_with_many_ties(k: int) -> None:
    rng = np.random.default_rng(k)
    shapes = [["a"], ["a", "b"], ["b", "c", "c"], ["a", "c"], ["d"], ["a", "b", "c", "d"]]
    docs = [list(shapes[int(i)]) for i in rng.integers(0, len(shapes), size=400)]  # identical documents tie
    docs += synthetic(200, k)
    index = BM25Index.build(docs)
    for query in (["a"], ["a", "b"], ["c", "a", "a"], ["d", "w1", "w2", "common"], ["b", "zzz"], {"a": 0.7, "c": 2.0}):
        scores = index.scores(query)
        want = ranked(scores, k)
        got = index.top(query, k)
        assert [d for d, _ in got] == want
        assert [s for _, s in got] == [scores[d] for d in want]
