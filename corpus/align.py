"""Link the versions of one interview (two Chinese translations, a German translation) passage by passage.

Articles that share a manifest `interview` are versions of each other. Their passages are aligned in
by similarity (same language) or in order (a translation and its original); see link_versions.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from corpus.models import Article, Passage

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
ANCHOR = re.compile(r"\d+(?:[.,]\d+)?|[A-Za-z][A-Za-z0-9+\-]*[A-Za-z0-9+]|[A-Za-z]")
SAME_LANG_MIN = 0.28
CROSS_LANG_MIN = 0.30


def _bigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in HAN_RUN.findall(text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    grams.update(w.lower() for w in ANCHOR.findall(text) if len(w) > 1)
    return grams


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _anchors(text: str, vocabulary: set[str]) -> set[str]:
    return {w.lower() for w in ANCHOR.findall(text) if w.lower() in vocabulary}


def similarity_matrix(left: Sequence[Passage], right: Sequence[Passage], cross: bool) -> list[list[float]]:
    """Pairwise similarity: character bigrams within a language, shared names/numbers and length across."""
    if not cross:
        lv = [_bigrams(p.text) for p in left]
        rv = [_bigrams(p.text) for p in right]
        return [[_cosine(a, b) for b in rv] for a in lv]
    vocab_l = {w.lower() for p in left for w in ANCHOR.findall(p.text)}
    vocab_r = {w.lower() for p in right for w in ANCHOR.findall(p.text)}
    shared = vocab_l & vocab_r
    la = [_anchors(p.text, shared) for p in left]
    ra = [_anchors(p.text, shared) for p in right]
    ratio = sum(len(p.text) for p in right) / max(1, sum(len(p.text) for p in left))
    out = []
    for i, a in enumerate(left):
        row = []
        for j, b in enumerate(right):
            expected = len(a.text) * ratio
            length = min(expected, len(b.text)) / max(expected, len(b.text), 1)
            union = la[i] | ra[j]
            overlap = len(la[i] & ra[j]) / len(union) if union else 0.5
            position = 1 - abs(i / max(1, len(left)) - j / max(1, len(right)))
            row.append(0.45 * length + 0.35 * overlap + 0.2 * position**4)
        out.append(row)
    return out


def align(left: Sequence[Passage], right: Sequence[Passage], cross: bool) -> list[tuple[int, int]]:
    """A monotonic alignment (index pairs) that maximises the summed similarity above a floor."""
    sim = similarity_matrix(left, right, cross)
    floor = CROSS_LANG_MIN if cross else SAME_LANG_MIN
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], 1), (best[i][j - 1], 2)]
            s = sim[i - 1][j - 1]
            if s >= floor:
                options.append((best[i - 1][j - 1] + s, 3))
            best[i][j], move[i][j] = max(options)
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        step = move[i][j]
        if step == 3:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def structural_pairs(left: Sequence[Passage], right: Sequence[Passage]) -> list[tuple[int, int]] | None:
    """Pair a translation with its original by position: the k-th paragraph of the n-th answer (and the
    k-th narrative paragraph) on both sides. None when the two are not cut the same way."""

    def keys(passages: Sequence[Passage]) -> list[tuple[str, int, int]]:
        seen: Counter[tuple[str, int]] = Counter()
        out = []
        for p in passages:
            group = ("a", p.turn) if p.kind == "answer" and p.turn is not None else ("n", -1)
            out.append((group[0], group[1], seen[group]))
            seen[group] += 1
        return out

    lk, rk = keys(left), keys(right)
    if sorted(lk) != sorted(rk):
        return None
    where = {k: j for j, k in enumerate(rk)}
    return [(i, where[k]) for i, k in enumerate(lk)]


def best_matches(left: Sequence[Passage], right: Sequence[Passage]) -> list[tuple[int, int]]:
    """Same-language versions: each passage links to its most similar passage on the other side.

    Translations split answers into paragraphs differently, so links may be many-to-one.
    """
    sim = similarity_matrix(left, right, cross=False)
    pairs = set()
    for i, row in enumerate(sim):
        j = max(range(len(row)), key=row.__getitem__, default=None)
        if j is not None and row[j] >= SAME_LANG_MIN:
            pairs.add((i, j))
    for j in range(len(right)):
        col = [row[j] for row in sim]
        best = max(range(len(col)), key=col.__getitem__, default=None)
        if best is not None and col[best] >= SAME_LANG_MIN:
            pairs.add((best, j))
    return sorted(pairs)


def link_versions(articles: Sequence[Article], passages: Sequence[Passage]) -> None:
    """Fill `versions` on passages that say the same thing in another version of the same interview.

    Same-language versions are linked by similarity, a translation to its original by an ordered
    alignment; links through one intermediate version count too (German <-> 机器之心 via 量子位).
    """
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in passages:
        if p.kind != "bullet":
            by_article[p.article_id].append(p)
    meta = {a.id: a for a in articles}
    interviews: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        if a.interview:
            interviews[a.interview].append(a.id)
    direct: dict[str, set[str]] = defaultdict(set)
    for ids in interviews.values():
        for x, a_id in enumerate(ids):
            for b_id in ids[x + 1:]:
                a, b = meta[a_id], meta[b_id]
                left, right = by_article[a_id], by_article[b_id]
                if a.language == b.language:
                    pairs = best_matches(left, right)
                elif a.translation_of == b_id or b.translation_of == a_id:
                    pairs = structural_pairs(left, right) or align(left, right, cross=True)
                else:
                    continue
                for i, j in pairs:
                    direct[left[i].id].add(right[j].id)
                    direct[right[j].id].add(left[i].id)
    article_of = {p.id: p.article_id for p in passages}
    near: dict[str, set[str]] = defaultdict(set)
    for p in passages:
        for q in direct.get(p.id, ()):
            for r in {q} | direct.get(q, set()):
                if article_of[r] != p.article_id:
                    near[p.id].add(r)
                    near[r].add(p.id)  # symmetric: if A lists B as a version, B lists A
    for p in passages:
        p.versions = sorted(near.get(p.id, ()))
