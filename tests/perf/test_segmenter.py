"""rjieba (jieba-rs), jieba and the dictionary trie, all with HMM off and the same user dictionary, segment
identically."""

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


@pytest.fixture(scope="module")
def trie() -> tk.Segmenter:
    return tk.trie_segmenter(tk.user_words())


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


def test_the_trie_segments_as_rjieba(segmenters: tuple, trie: tk.Segmenter) -> None:
    fast, _ = segmenters
    corpus = load_bundled()
    runs = han_runs([a.text for a in corpus.articles] + [p.question for p in corpus.passages if p.question])
    rng = random.Random(5)
    chars = "".join(runs)
    words = [w for w, _ in tk.user_words()]
    rare = "".join(chr(c) for c in (*range(0x3400, 0x3410), *range(0x9FD0, 0x9FE0), *range(0xF900, 0xF910)))
    runs += ["".join(rng.choice(chars) for _ in range(12)) for _ in range(300)]
    runs += ["".join(rng.sample(words, 3)) for _ in range(300)]
    runs += ["".join(rng.choice(chars + rare) for _ in range(20)) for _ in range(300)]  # outside jieba's range
    differ = [run for run in runs if [tuple(t) for t in trie(run)] != [tuple(t) for t in fast(run)]]
    assert differ == []
    text = "\n".join(runs[:200])
    assert trie.cut(text) == fast.cut(text)


def test_questions_do_not_load_rjieba_and_indexing_does() -> None:
    import subprocess
    import sys

    code = ("import sys; from retrieval import tokenize as tk; a = tk.tokenize('戈麦斯怎么看合成数据'); "
            "print('rjieba' in sys.modules); tk.use_fast_segmenter(); b = tk.tokenize('戈麦斯怎么看合成数据'); "
            "print('rjieba' in sys.modules, a == b, a)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[:3] == ["False", "True", "True"], out


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


def test_documents_and_queries_get_the_same_words() -> None:
    words = tk.user_words()
    assert tk._segmenter()("戴雨森认为") == tk.rjieba_segmenter(words)("戴雨森认为")


def test_a_damaged_trie_is_written_again(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import han_trie

    monkeypatch.setenv("INTERVIEW_BOT_CACHE", str(tmp_path))
    words = tk.user_words()
    first = han_trie.open_segmenter(words)("戴雨森认为合成数据")
    trie = next(tmp_path.glob("han-*.trie"))
    trie.write_bytes(trie.read_bytes()[:1000])  # truncated, as by a full disk
    assert han_trie.open_segmenter(words)("戴雨森认为合成数据") == first
