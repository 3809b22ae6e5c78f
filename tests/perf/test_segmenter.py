"""rjieba (jieba-rs) and jieba, both with HMM off and the same user dictionary, segment identically."""

from __future__ import annotations

import random

import pytest

from corpus.loader import load_bundled
from retrieval import tokenize as tk

pytest.importorskip("rjieba")


@pytest.fixture(scope="module")
def segmenters() -> tuple:
    words = tk.user_words()
    return tk.rjieba_segmenter(words), tk.jieba_segmenter(words)


def han_runs(texts: list[str]) -> list[str]:
    runs: list[str] = []
    for text in texts:
        runs.extend(tk.HAN.findall(tk.normalize(text)[0]))
    return runs


def test_whole_corpus_segments_identically(segmenters: tuple) -> None:
    fast, reference = segmenters
    corpus = load_bundled()
    texts = [a.text for a in corpus.articles] + [p.question for p in corpus.passages if p.question]
    runs = han_runs(texts)
    assert sum(map(len, runs)) > 40_000
    differ = [run for run in runs if [tuple(t) for t in fast(run)] != [tuple(t) for t in reference(run)]]
    assert differ == []


def test_user_words_and_random_text_segment_identically(segmenters: tuple) -> None:
    fast, reference = segmenters
    words = [w for w, _ in tk.user_words()]
    assert words, "the user dictionary is empty"
    rng = random.Random(3)
    chars = "".join(han_runs([a.text for a in load_bundled().articles]))
    samples = ["".join(rng.sample(words, 3)) for _ in range(300)]
    samples += [chars[i:i + 30] for i in (rng.randrange(len(chars) - 30) for _ in range(300))]
    samples += ["".join(rng.choice(chars) for _ in range(12)) for _ in range(300)]
    for text in samples:
        assert [tuple(t) for t in fast(text)] == [tuple(t) for t in reference(text)], text


def test_user_dictionary_is_applied(segmenters: tuple) -> None:
    fast, _ = segmenters
    for word, _ in tk.user_words()[:50]:
        assert [w for w, _, _ in fast(word)] == [word]


def test_offsets_are_characters(segmenters: tuple) -> None:
    fast, _ = segmenters
    text = "我们在北京大学读书"
    assert all(text[s:e] == w for w, s, e in fast(text))


def test_documents_and_queries_use_the_fast_segmenter() -> None:
    words = tk.user_words()
    assert tk._segmenter()("戴雨森认为") == tk.rjieba_segmenter(words)("戴雨森认为")
