"""Folding the versions (translations) of one passage into one result."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from corpus.models import Passage


@dataclass
class Hit:
    """A ranked result: the passage shown, its score, and its other versions."""

    passage: Passage
    score: float
    versions: list[Passage]


def group_versions(ranked: Sequence[tuple[Passage, float]], by_id: Mapping[str, Passage],
                   score_of: Callable[[Passage], float], language_of: Callable[[Passage], str],
                   language: str, want: int) -> list[Hit]:
    """The best `want` groups of versions, best first. A group holds one passage per article (a second
    one of the same article is a result of its own) and is shown in `language` when it has a version in
    it, else by its best-scoring version."""
    groups: list[tuple[float, list[Passage]]] = []
    group_of: dict[str, int] = {}  # passage id -> its group
    for p, score in ranked:
        if p.id in group_of:
            continue
        versions = sorted((by_id[i] for i in p.versions if i in by_id), key=lambda v: -score_of(v))
        known = next((group_of[v.id] for v in versions if v.id in group_of), None)
        if known is None or any(m.article_id == p.article_id for m in groups[known][1]):
            known = len(groups)
            groups.append((score, []))
        members = groups[known][1]
        for m in (p, *versions):
            if m.id not in group_of and all(o.article_id != m.article_id for o in members):
                members.append(m)
                group_of[m.id] = known
    hits: list[Hit] = []
    for score, members in groups[:want]:
        best = max(members, key=lambda m: (language_of(m) == language, score_of(m)))
        hits.append(Hit(best, score, [m for m in members if m is not best]))
    return hits
