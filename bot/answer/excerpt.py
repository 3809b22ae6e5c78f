"""Choosing what to show of a passage: the best contiguous sentences, and the matched terms in them."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from corpus.segment import sentence_spans
from retrieval.tokenize import Token, tokens

HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_HAN = 400  # characters of Chinese shown in a quote (a passage is a whole answer: show enough of it)
MAX_LATIN = 900  # characters of German/English shown in a quote


@lru_cache(maxsize=4096)
def _tokens(text: str, lang: str | None) -> tuple[Token, ...]:
    """tokens() of a passage or quote, cached: the same passages are quoted again and again."""
    return tuple(tokens(text, lang))


def limit_for(text: str) -> int:
    return MAX_HAN if len(HAN.findall(text)) * 3 > len(text) else MAX_LATIN


def best_window(passage: str, terms: Collection[str], weights: dict[str, float] | None = None,
                limit: int | None = None) -> tuple[int, int]:
    """(start, end) of the contiguous run of whole sentences that covers the most query terms, always
    including the sentence that matches best on its own (the one most likely to hold the answer)."""
    limit = limit or limit_for(passage)
    if len(passage) <= limit:
        return 0, len(passage)
    spans = sentence_spans(passage) or [(0, len(passage))]
    found = [t for t in _tokens(passage, None) if t.term in terms]
    weights = weights or {}

    def gain(s: int, e: int) -> float:
        seen = {t.term for t in found if s <= t.start and t.end <= e}
        return sum(weights.get(t, 1.0) for t in seen)

    anchor = max(range(len(spans)), key=lambda i: (gain(*spans[i]), -i))  # the best sentence, the earliest on ties
    best, best_span = -1.0, (spans[anchor][0], spans[anchor][1])
    for i, (s, _) in enumerate(spans[:anchor + 1]):
        e = spans[i][1]
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - s <= limit:
            j += 1
            e = spans[j][1]
        if j < anchor:  # this window ends before the best sentence
            continue
        g = gain(s, e) - 0.001 * i  # prefer the earlier window on ties
        if g > best:
            best, best_span = g, (s, e)
    s, e = best_span
    if e - s > limit:  # one sentence longer than the limit: cut at a clause boundary, never mid-word
        cut = max(passage.rfind(p, s, s + limit) for p in "，,；;、 ")
        e = cut + 1 if cut > s else s + limit
    return s, e


def highlight_spans(text: str, terms: Collection[str], lang: str | None = None) -> tuple[tuple[int, int], ...]:
    """Offsets in `text` of tokens whose index term is one of `terms`, merged when adjacent."""
    spans: list[tuple[int, int]] = []
    for t in _tokens(text, lang):
        if t.term in terms and t.end > t.start:
            if spans and t.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], t.end))
            else:
                spans.append((t.start, t.end))
    return tuple(spans)
