"""Synthetic corpora of any size made from the bundled articles, with realistic vocabulary growth.

A synthetic passage copies the shape of a real one (its language and number of sentences), draws its
sentences from the real sentences of that language (so words keep their real frequencies), and
inserts new terms into about half of them: names, product names and numbers drawn from an unbounded
Zipf distribution (a = 1.2). The number of distinct terms then keeps growing with the corpus size like
Heaps' law, V ~ n^0.8, instead of stopping at the bundled vocabulary as copies would.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

from corpus.loader import load_bundled
from corpus.segment import sentence_spans

ZIPF_A = 1.2
SYLLABLES = [c + v for c in "bdfgklmnprstvxz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.jsonl"


@cache
def sources() -> tuple[dict[str, list[str]], list[tuple[str, int]]]:
    """Real sentences by language, and (language, sentence count) of every real passage."""
    corpus = load_bundled()
    language = {a.id: a.language for a in corpus.articles}
    sentences: dict[str, list[str]] = defaultdict(list)
    shapes: list[tuple[str, int]] = []
    for p in corpus.passages:
        spans = sentence_spans(p.text) or [(0, len(p.text))]
        lang = language[p.article_id]
        sentences[lang].extend(p.text[s:e] for s, e in spans)
        shapes.append((lang, len(spans)))
    return dict(sentences), shapes


@lru_cache(maxsize=1 << 16)
def new_term(rank: int) -> str:
    """The invented term of a Zipf rank (deterministic): a name, a product name or a number."""
    rng = random.Random(rank * 7919)
    kind = rank % 4
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    if kind == 0:
        return word.capitalize()
    if kind == 1:
        return f"{word.capitalize()}-{rng.randint(2, 99)}"
    if kind == 2:
        return str(rng.randint(1000, 999_999))
    return word


def zipf_rank(rng: random.Random) -> int:
    """A rank from an unbounded Zipf(a) distribution (inverse transform of the continuous Pareto)."""
    return int((1.0 - rng.random()) ** (-1.0 / (ZIPF_A - 1.0)))


def passages(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` synthetic passages as (text, language); the same (n, seed) always gives the same texts."""
    rng = random.Random(seed)
    sentences, shapes = sources()
    out: list[tuple[str, str]] = []
    for _ in range(n):
        lang, count = rng.choice(shapes)
        pool = sentences[lang]
        parts = []
        for _ in range(count):
            sentence = rng.choice(pool)
            if rng.random() < 0.5:
                for _ in range(rng.randint(1, 3)):
                    at = rng.randint(0, len(sentence))
                    sentence = f"{sentence[:at]} {new_term(zipf_rank(rng))} {sentence[at:]}"
            parts.append(sentence)
        out.append(((" " if lang != "zh" else "").join(parts), lang))
    return out


def real_questions() -> list[str]:
    """The evaluation questions (zh, zh-Hant, de, en)."""
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows]
