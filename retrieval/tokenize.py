"""One tokenizer for documents and queries, with the offsets of every token in the original text.

Normalisation: NFKC (full-width -> half-width), lower case, traditional -> simplified Chinese (OpenCC).
Han runs are segmented by jieba (HMM off, with the corpus's user dictionary); Latin-script runs are
split into words, stop words dropped, and stemmed with Snowball (German for German text, else English).
Name variants are folded onto one canonical token (NVIDIA = 英伟达, LeCun = 杨立昆 …).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[0-9a-zäöüßàâçéèêëîïôûùüÿñæœ]+(?:[.+'’\-][0-9a-zäöüß]+)*\+*")
GERMAN_HINT = re.compile(r"[äöüß]|\b(?:der|die|das|und|ist|nicht|sie|ich|wie|was|für|mit|auf|über|sind)\b")
_jieba_lock = threading.Lock()


@dataclass(frozen=True)
class Token:
    """A normalised token and where it stands in the original text."""

    term: str
    start: int
    end: int


def _read_lines(name: str) -> list[str]:
    path = DATA / name
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for name in ("stopwords_zh.txt", "stopwords_en.txt", "stopwords_de.txt"):
        words.update(w.lower() for w in _read_lines(name))
    return frozenset(words)


@cache
def _converter():  # noqa: ANN202 - OpenCC has no type hints
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _segmenter():  # noqa: ANN202 - the jieba Tokenizer
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for line in _read_lines("userdict.txt"):
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tok.add_word(word, freq)
    for canonical, variants in aliases_raw():
        for w in (canonical, *variants):
            if HAN.fullmatch(w):
                tok.add_word(w, 20000)
    return tok


@cache
def aliases_raw() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = []
    for line in _read_lines("aliases.tsv")[1:]:
        canonical, _, rest = line.partition("\t")
        variants = tuple(v.strip() for v in re.split(r"[,\t]", rest) if v.strip())
        rows.append((canonical.strip(), variants))
    return tuple(rows)


@cache
def alias_map() -> dict[str, str]:
    """Single-token name variants -> the canonical token."""
    out: dict[str, str] = {}
    for canonical, variants in aliases_raw():
        for v in variants:
            norm = normalize(v)[0]
            if " " not in norm.strip():
                out[stem(norm.strip(), "en")] = canonical
                out[stem(norm.strip(), "de")] = canonical
    return out


@cache
def _stemmer(lang: str):  # noqa: ANN202 - snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("german" if lang == "de" else "english")


def stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese; other text unchanged."""
    return HAN.sub(lambda m: _converter().convert(m.group()), text)


def normalize(text: str) -> tuple[str, list[int]]:
    """NFKC, lower case and simplified Chinese, with each output character's offset in the input."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch).lower()
        out.append(norm)
        offsets.extend([i] * len(norm))
    joined = "".join(out)
    if HAN.search(joined):
        converted = to_simplified(joined)
        if len(converted) == len(joined):
            joined = converted
    return joined, offsets


def detect_language(text: str) -> str:
    """"zh", "zh-Hant", "de" or "en", from the characters and a few function words."""
    han = HAN.findall(text)
    han_chars = sum(len(h) for h in han)
    latin = len(re.findall(r"[A-Za-zÄÖÜäöüß]", text))
    if han_chars and han_chars * 3 >= latin:
        joined = "".join(han)
        return "zh-Hant" if to_simplified(joined) != joined else "zh"
    if len(GERMAN_HINT.findall(text.lower())) >= 1:
        return "de"
    return "en"


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """All index terms of a text, with their character spans in `text`."""
    lang = lang or detect_language(text)
    stem_lang = "de" if lang == "de" else "en"
    norm, offsets = normalize(text)
    stops = stopwords()
    aliases = alias_map()
    out: list[Token] = []
    for term, s, e in _raw_terms(norm):
        if term in stops:
            continue
        if not HAN.match(term):
            term = stem(term, stem_lang)
            if term in stops:
                continue
        term = aliases.get(term, term)
        start = offsets[s] if s < len(offsets) else len(text)
        end = offsets[e - 1] + 1 if e - 1 < len(offsets) else len(text)
        out.append(Token(term, start, end))
    return out


def _raw_terms(norm: str) -> Iterator[tuple[str, int, int]]:
    """Jieba words for Han runs, words for Latin runs, over normalised text."""
    pos = 0
    for m in re.finditer(rf"{HAN.pattern}|{WORD.pattern}", norm):
        pos = m.start()
        chunk = m.group()
        if HAN.match(chunk):
            with _jieba_lock:
                words = list(_segmenter().tokenize(chunk, HMM=False))
            for word, s, e in words:
                yield word, pos + s, pos + e
        else:
            yield chunk.strip("'’-."), pos, m.end()


def tokenize(text: str, lang: str | None = None) -> list[str]:
    """The index terms of a text (documents and queries alike)."""
    return [t.term for t in tokens(text, lang)]
