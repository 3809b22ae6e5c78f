"""A question -> weighted index terms, expanded across languages with the corpus's glossary."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from retrieval.tokenize import _read_lines, detect_language, tokenize

EXPANSION_WEIGHT = 0.7  # a glossary translation counts a little less than a word the user typed


@dataclass
class Query:
    """What the retriever searches for."""

    text: str
    language: str
    terms: dict[str, float]  # index term -> weight
    own: set[str] = field(default_factory=set)  # terms typed by the user
    expanded: set[str] = field(default_factory=set)  # terms added from the glossary


@cache
def glossary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Stemmed English/German phrase (as index terms) -> Chinese terms (as written in the corpus)."""
    table: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for line in _read_lines("glossary.tsv")[1:]:
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip():
            continue
        zh = cells[0].strip()
        for col, lang in ((1, "en"), (2, "de")):
            if col >= len(cells):
                continue
            for phrase in cells[col].split(","):
                key = tuple(tokenize(phrase.strip(), lang))
                if key and zh not in table[key]:
                    table[key].append(zh)
    return {k: tuple(v) for k, v in table.items()}


def expand(terms: list[str]) -> Counter[str]:
    """Chinese index terms for the English/German phrases found in a token sequence (longest first)."""
    table = glossary()
    longest = max((len(k) for k in table), default=0)
    out: Counter[str] = Counter()
    i = 0
    while i < len(terms):
        for n in range(min(longest, len(terms) - i), 0, -1):
            hit = table.get(tuple(terms[i:i + n]))
            if hit:
                zh_terms = [t for zh in hit for t in tokenize(zh, "zh")]
                for t in set(zh_terms):
                    out[t] += 1.0 / max(1, len(hit)) ** 0.5
                i += n
                break
        else:
            i += 1
    return out


def analyze(text: str) -> Query:
    """Tokenize a question in any of the four languages and add glossary translations."""
    lang = detect_language(text)
    own_terms = tokenize(text, lang)
    weights: dict[str, float] = dict(Counter(own_terms))
    expanded: set[str] = set()
    if lang in ("en", "de"):
        for term, w in expand(own_terms).items():
            if term not in weights:
                expanded.add(term)
            weights[term] = weights.get(term, 0.0) + EXPANSION_WEIGHT * w
    return Query(text=text, language=lang, terms=weights, own=set(own_terms), expanded=expanded)
