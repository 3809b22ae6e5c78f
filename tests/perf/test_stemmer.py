"""snowballstemmer runs on PyStemmer (C, ~40 ms less to import) when installed: same stems as its own code."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from retrieval.tokenize import DATA

Stemmer = pytest.importorskip("Stemmer")


def corpus_words() -> set[str]:
    root = Path(__file__).resolve().parents[2]
    words: set[str] = set()
    files = [*DATA.glob("*"), *(root / "corpus" / "articles").glob("*"), root / "tests" / "eval" / "questions.jsonl"]
    for path in files:
        words.update(re.findall(r"[0-9a-zäöüß]+(?:[.+'’\-][0-9a-zäöüß]+)*", path.read_text(encoding="utf-8").lower()))
    return words


def test_pystemmer_stems_like_pure_python_snowball() -> None:
    import snowballstemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.german_stemmer import GermanStemmer

    assert snowballstemmer.stemmer is Stemmer.Stemmer  # the C stemmer is the one in use
    rng = random.Random(5)
    words = corpus_words()
    assert len(words) > 3000
    words |= {w + rng.choice(["ing", "ungen", "lich", "ness", "es"]) for w in list(words)[:3000]}
    for name, pure in (("english", EnglishStemmer()), ("german", GermanStemmer())):
        fast = Stemmer.Stemmer(name)
        assert [w for w in sorted(words) if fast.stemWord(w) != pure.stemWord(w)] == []
