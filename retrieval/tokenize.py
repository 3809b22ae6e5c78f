"""One tokenizer for documents and queries, with the offsets of every token in the original text.

Normalisation: NFKC (full-width -> half-width), lower case, traditional -> simplified Chinese (OpenCC).
Han runs are segmented with jieba's dictionary (HMM off, with the corpus's user dictionary: by a
memory-mapped trie of it for questions and answers, by jieba-rs via rjieba when indexing in bulk);
Latin-script runs are split into words, stop words dropped, and stemmed with Snowball (German for German
text, else English).
Name variants are folded onto one canonical token (NVIDIA = 英伟达, LeCun = 杨立昆 …). Han words longer
than two characters also yield their character bigrams (Token.part), and hyphenated German words their
parts, so that partial and differently segmented words still match.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[0-9a-zäöüßàâçéèêëîïôûùüÿñæœ]+(?:[.+'’\-][0-9a-zäöüß]+)*\+*")
GERMAN_HINT = re.compile(r"[äöüß]|\b(?:der|die|das|den|dem|des|und|ist|nicht|sie|ich|wie|für|mit|auf|über|sind|"
                         r"ein|eine|einen|einem|einer|wird|werden|hat|haben|kann|können|soll|sollte|warum|wann|wo|welche|"
                         r"welcher|welches|wer|gibt|es|zum|zur|vom|im|beim|auch|noch|schon|oder|aber|laut|durch|"
                         r"gegen|ohne|bei|nach|von|zu|sich|wir|er|seine|seinen|sein|mehr|wenn|dass|als|unter|zwischen|wieso|weshalb|"
                         r"wieviel|wieviele|viel|viele|heute|jetzt|nur|immer|man|denkt|sagt|meint|glaubt|hält|"
                         r"sieht|macht|braucht|soll|muss|müssen|wurde|wurden|keine|kein|gut|schlecht|ja|nein)\b")
GERMAN_SUFFIX = re.compile(r"\w(?:ung|ungen|heit|keit|schaft|lich|isch|chen)\b|\bge\w+t\b|sch|tz")
ENGLISH_HINT = re.compile(r"\b(?:the|and|is|are|was|were|what|why|how|when|where|which|who|does|do|did|of|to|on|for|"
                          r"with|about|can|will|would|should|it|its|this|that|there|their|they|you|your|he|his|"
                          r"think|say|says|from|into|than|be)\b")
_jieba_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Token:
    """A normalised token and where it stands in the original text."""

    term: str
    start: int
    end: int
    part: bool = False  # a character bigram inside a longer Han word (not a word of its own)


def _read_lines(name: str) -> list[str]:
    path = DATA / name
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def stopwords(lang: str = "en") -> frozenset[str]:
    """The Chinese stop words and those of the Latin-script language the text is stemmed as: German for
    German text, else English (so German "Kind", "Suche" are not dropped as English "kind", "such")."""
    words: set[str] = set()
    for name in ("stopwords_zh.txt", "stopwords_de.txt" if lang == "de" else "stopwords_en.txt"):
        words.update(w.lower() for w in _read_lines(name))
    return frozenset(words)


@cache
def _converter():  # OpenCC has no type hints
    from opencc import OpenCC

    return OpenCC("t2s")


def user_words() -> list[tuple[str, int | None]]:
    """The words added to the segmenter's dictionary: the user dictionary, then the Han name aliases."""
    words: list[tuple[str, int | None]] = []
    for line in _read_lines("userdict.txt"):
        parts = line.split()
        words.append((parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None))
    for canonical, variants in aliases_raw():
        words.extend((w, 20000) for w in (canonical, *variants) if HAN.fullmatch(w))
    return words


Span = tuple[str, int, int]


class Segmenter:
    """Segments Han runs with jieba's dictionary, HMM off: `seg(run)` -> [(word, start, end)], and
    `seg.cut(runs)` -> the words of runs joined by newlines, the newlines included (each run is segmented
    on its own: a newline always ends a word)."""

    def __init__(self, spans: Callable[[str], list[Span]], cut: Callable[[str], list[str]] | None = None) -> None:
        self._spans = spans
        self.cut: Callable[[str], list[str]] = cut or (lambda text: [w for w, _, _ in spans(text)])

    def __call__(self, chunk: str) -> list[Span]:
        return self._spans(chunk)


def rjieba_segmenter(words: list[tuple[str, int | None]]) -> Segmenter:
    """jieba-rs (loads in ~0.1 s, ~25x faster than jieba).

    Uses rjieba's module-level instance (importing rjieba already loads one dictionary; a second
    `Jieba()` would load it again). Adding the same words again leaves it unchanged: jieba-rs
    replaces a word's frequency."""
    import rjieba

    for word, freq in words:
        rjieba.add_word(word, freq, None)
    tokenize, cut = rjieba.tokenize, rjieba.cut
    return Segmenter(lambda chunk: tokenize(chunk, "default", False), lambda text: cut(text, False))


def jieba_segmenter(words: list[tuple[str, int | None]]) -> Segmenter:
    """Python jieba, keeping its dictionary total the way jieba-rs does (a re-added word's frequency
    replaces the old one instead of adding to the total), so both segment identically."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq in words:
        old, total = tok.FREQ.get(word, 0), tok.total
        tok.add_word(word, freq)
        tok.total = total - old + tok.FREQ[word]
    return Segmenter(lambda chunk: list(tok.tokenize(chunk, HMM=False)))


def trie_segmenter(words: list[tuple[str, int | None]]) -> Segmenter:
    """jieba's words from a memory-mapped trie of its dictionary (retrieval.han_trie): ready in a
    millisecond, a quarter of rjieba's speed."""
    from retrieval.han_trie import open_segmenter

    seg = open_segmenter(words)
    return Segmenter(seg, seg.cut)


_bulk = threading.Event()  # set once a process segments in bulk (building an index): rjieba from then on


def use_fast_segmenter() -> None:
    """Segment with rjieba from now on in this process: worth its load (0.1 s, 30 MB) when indexing."""
    _bulk.set()


def _segmenter() -> Segmenter:
    """The Han-run segmenter for documents and queries alike (all give the same words): the dictionary
    trie for questions and answers, rjieba once the process indexes in bulk (or when the trie is missing)."""
    return _fast_segmenter() if _bulk.is_set() else _light_segmenter()


@cache
def _light_segmenter() -> Segmenter:
    try:
        return trie_segmenter(user_words())
    except (ImportError, OSError, ValueError, RuntimeError) as exc:
        logging.getLogger(__name__).info("segmenting with rjieba (no dictionary trie: %s)", exc)
        return _fast_segmenter()


@cache
def _fast_segmenter() -> Segmenter:
    """rjieba, or jieba when rjieba is missing."""
    words = user_words()
    try:
        return rjieba_segmenter(words)
    except (ImportError, OSError, TypeError, ValueError):
        return jieba_segmenter(words)


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
    """Single-token name variants -> the canonical token (spaces become "_": stored tokens are space-separated)."""
    out: dict[str, str] = {}
    for canonical, variants in aliases_raw():
        token = "_".join(canonical.split())
        for v in variants:
            norm = normalize(v)[0]
            if " " not in norm.strip():
                out[stem(norm.strip(), "en")] = token
                out[stem(norm.strip(), "de")] = token
    return out


@cache
def alias_names() -> frozenset[str]:
    """Every Han name in the alias table (names are not split into character bigrams)."""
    return frozenset(w for canonical, variants in aliases_raw() for w in (canonical, *variants) if HAN.fullmatch(w))


_stemmers = threading.local()  # Snowball stemmers keep state while stemming: one per thread


def _stemmer(lang: str):  # snowballstemmer has no type hints
    cache = _stemmers.__dict__
    if lang not in cache:
        import snowballstemmer

        cache[lang] = snowballstemmer.stemmer("german" if lang == "de" else "english")
    return cache[lang]


@lru_cache(maxsize=1 << 17)
def stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


@cache
def _t2s_witnesses() -> frozenset[str] | None:
    """One character of every OpenCC t2s entry that changes text (its traditional character where it has
    one): a Han run containing none of them is left unchanged by OpenCC, so it need not be converted.
    None (always convert) when OpenCC's dictionaries cannot be read."""
    from retrieval import lexicons  # here: lexicons imports this module

    saved = lexicons.table("t2s_witnesses")
    if saved is not None:
        return saved
    import json

    import opencc

    root = Path(opencc.__file__).resolve().parent
    entries = []
    try:
        chain = json.dumps(json.loads((root / "config" / "t2s.json").read_text(encoding="utf-8"))["conversion_chain"])
        for name in dict.fromkeys(re.findall(r'"file": "([^"]+)"', chain)):
            for line in (root / "dictionary" / name).read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition("\t")
                if key and key != value:
                    entries.append((key, value))
    except (OSError, ValueError, KeyError):
        return None
    traditional = {k for k, _ in entries if len(k) == 1}
    return frozenset(next((c for c in key if c in traditional), key[-1]) for key, _ in entries)


def _run_to_simplified(run: str) -> str:
    witnesses = _t2s_witnesses()
    return run if witnesses is not None and witnesses.isdisjoint(run) else _converter().convert(run)


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese; other text unchanged."""
    return HAN.sub(lambda m: _run_to_simplified(m.group()), text)


@lru_cache(maxsize=1 << 16)
def _normalize_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).lower()


def normalize(text: str) -> tuple[str, list[int]]:
    """NFKC, lower case and simplified Chinese, with each output character's offset in the input."""
    out = [_normalize_char(ch) for ch in text]
    joined = "".join(out)
    if len(joined) == len(text):
        offsets = list(range(len(text)))
    else:
        offsets = []
        for i, norm in enumerate(out):
            offsets.extend([i] * len(norm))
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
    german, english = latin_evidence(text)
    return "de" if german > english else "en"


def latin_evidence(text: str) -> tuple[int, int]:
    """How German and how English a Latin-script text looks: (German, English) function words and endings."""
    lower = text.lower()
    return len(GERMAN_HINT.findall(lower)) + len(GERMAN_SUFFIX.findall(lower)), len(ENGLISH_HINT.findall(lower))


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """All index terms of a text, with their character spans in `text`."""
    lang = lang or detect_language(text)
    stem_lang = "de" if lang == "de" else "en"
    norm, offsets = normalize(text)
    stops = stopwords(stem_lang)
    aliases = alias_map()
    names = alias_names()
    out: list[Token] = []
    for term, s, e in _raw_terms(norm):
        if term in stops:
            continue
        if not HAN.match(term):
            term = stem(term, stem_lang)
            if term in stops:
                continue
        canonical = aliases.get(term, term)
        out.append(Token(canonical, _at(offsets, s, text), _end(offsets, e, text)))
        if lang == "de" and "-" in term:  # Kundendienst-Jobs: the parts count too
            at = s
            for piece in norm[s:e].split("-"):
                word = stem(piece, stem_lang) if len(piece) > 1 else ""
                if word and word not in stops:
                    span = _at(offsets, at, text), _end(offsets, at + len(piece), text)
                    out.append(Token(aliases.get(word, word), *span))
                at += len(piece) + 1
        if len(term) > 2 and term not in names and HAN.fullmatch(term):
            # a long word also counts by its character bigrams, so 私有化部署 finds 私有部署
            for i in range(len(term) - 1):
                gram = sys.intern(term[i:i + 2])  # one string a bigram in the caches of a bot
                if gram not in stops:
                    out.append(Token(gram, _at(offsets, s + i, text), _end(offsets, s + i + 2, text), True))
    return out


def _at(offsets: list[int], i: int, text: str) -> int:
    return offsets[i] if i < len(offsets) else len(text)


def _end(offsets: list[int], e: int, text: str) -> int:
    return offsets[e - 1] + 1 if e - 1 < len(offsets) else len(text)


def _raw_terms(norm: str) -> Iterator[tuple[str, int, int]]:
    """Jieba words for Han runs, words for Latin runs, over normalised text."""
    pos = 0
    for m in re.finditer(rf"{HAN.pattern}|{WORD.pattern}", norm):
        pos = m.start()
        chunk = m.group()
        if HAN.match(chunk):
            with _jieba_lock:
                words = _segmenter()(chunk)
            for word, s, e in words:
                yield word, pos + s, pos + e
        else:
            word = chunk.strip("'’-.")
            if len(word) > 1 or word.isdigit():  # a lone letter ("<b>", "a") says nothing
                yield word, pos, m.end()


def tokenize(text: str, lang: str | None = None) -> list[str]:
    """The index terms of a text (documents and queries alike): the terms of `tokens(text, lang)`, in the
    same order, computed without offsets (the fast path the index is built with). One segmenter call a
    text; every distinct word's terms are worked out once and remembered."""
    memo = _memos[(lang or detect_language(text)) == "de"]
    norm = text.lower() if text.isascii() else _normalized(text)
    chunks = TERM_RUN.findall(norm)
    han = sum(1 for c in chunks if c >= HAN_FIRST)  # Latin words start below U+3400, Han runs at or above
    if not han:
        keys = chunks
    else:  # Han runs are segmented together, newline-separated; a tab holds each Latin word's place
        joined = "\n".join(c if c >= HAN_FIRST else "\t" for c in chunks)
        with _jieba_lock:
            words = _segmenter().cut(joined)
        if han == len(chunks):
            keys = words
        else:
            latin = iter([c for c in chunks if c < HAN_FIRST])
            keys = [next(latin) if w == "\t" else w for w in words]
    return list(chain.from_iterable(map(memo.__getitem__, keys)))


def term_bag(text: str, lang: str | None = None) -> list[str]:
    """The terms of `tokenize(text, lang)` in another order (Han words first, then Latin-script words):
    all an index needs, a third quicker."""
    german, keys = bag_words(text, lang)
    return list(chain.from_iterable(map(_memos[german].__getitem__, keys)))


def bag_words(text: str, lang: str | None = None) -> tuple[bool, list[str]]:
    """(German?, the words of a text whose terms `word_terms` gives): Han words first, then Latin-script
    words. `term_bag` in two steps, for an indexer that numbers each distinct word's terms once."""
    german = (lang or detect_language(text)) == "de"
    norm = text.lower() if text.isascii() else _normalized(text)
    runs = HAN.findall(norm)  # Han and word characters are disjoint: each pattern finds what TERM_RUN does
    if runs:
        with _jieba_lock:
            words = _segmenter().cut("\n".join(runs))
        words += WORD.findall(norm)
        return german, words
    return german, WORD.findall(norm)


def word_terms(word: str, german: bool) -> tuple[str, ...]:
    """The terms of one word of `bag_words`, worked out afresh (a caller that remembers them need not keep
    them twice)."""
    return _han_word_terms(word) if word >= HAN_FIRST else _latin_word_terms(word, german)


TERM_RUN = re.compile(rf"{HAN.pattern}|{WORD.pattern}")
HAN_FIRST = "\u3400"
# Long texts made only of these characters are normalised by lower-casing the whole text and then
# replacing the few characters whose normalisation matters to a term (full-width letters, compatibility
# ideographs …); CJK ideographs U+3400-U+9FFF never change.
TABLE_RANGES = ((0x0000, 0x0300), (0x2000, 0x2C00), (0x3000, 0x3400), (0xF900, 0xFB00), (0xFE30, 0xFE50),
                (0xFF00, 0xFFF0))
UNTABLED = "[^" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in TABLE_RANGES) + "\u3400-\u9fff]"
TERM_CHAR = rf"{HAN.pattern}|[0-9a-zäöüßàâçéèêëîïôûùüÿñæœ.+'’\-]"  # what a term can be made of


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """A pattern compiled on first use (these serve long texts only; a question need not compile them)."""
    return re.compile(source)


@cache
def _term_changes() -> tuple[re.Pattern[str], Callable[[re.Match[str]], str], re.Pattern[str] | None]:
    """How `_normalized` rewrites a lower-cased text: (the characters to replace, their replacement, the
    characters for which that would not give per-character normalisation's terms, or None).

    A character is replaced only when its normalisation is or contains a term character (or vanishes):
    any other one separates terms just as its normalisation (a punctuation mark) would. Checked for every
    character of TABLE_RANGES against per-character normalisation; the exceptions take the slow path."""
    chars = [chr(c) for a, b in TABLE_RANGES for c in range(a, b)]
    normalize = _normalize_char.__wrapped__  # not through its cache: 5,648 characters no question holds (1 MB)
    norms = {ch: normalize(ch) for ch in chars}
    table = {}
    for ch in chars:
        norm = norms[ch]
        if norm != ch and (not norm or _pattern(TERM_CHAR).search(norm) or _pattern(TERM_CHAR).match(ch)):
            table[ch] = norm

    def separator(text: str) -> bool:
        return bool(text) and not _pattern(TERM_CHAR).search(text)

    bad = []
    for ch in chars:
        want, got = norms[ch], "".join(table.get(d, d) for d in ch.lower())
        if got != want and not (separator(got) and separator(want)):
            bad.append(ch)
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(table)) + "]")
    get = table.__getitem__
    slow = re.compile("[" + "".join(re.escape(ch) for ch in bad) + "]") if bad else None
    return pattern, lambda m: get(m.group()), slow


def _normalized(text: str) -> str:
    """Normalised text whose terms are those of normalize(text)[0], without the offsets."""
    joined = None
    if len(text) > 100 and not _pattern(UNTABLED).search(text):  # a short text (a question) need not build the table
        pattern, replace, slow = _term_changes()
        if slow is None or not slow.search(text):
            joined = pattern.sub(replace, text.lower())
    if joined is None:
        joined = "".join(map(_normalize_char, text))
    if HAN.search(joined):
        witnesses = _t2s_witnesses()
        if witnesses is not None and witnesses.isdisjoint(joined):
            return joined
        converted = to_simplified(joined)
        if len(converted) == len(joined):
            joined = converted
    return joined


class _TermMemo(dict[str, tuple[str, ...]]):
    """A segmented word (Han) or a word of the word pattern (Latin script) -> the terms `tokens()` makes
    of it, worked out on first sight (for English or German stemming)."""

    LIMIT = 1 << 20  # distinct words remembered (cleared when full)

    def __init__(self, german: bool) -> None:
        super().__init__()
        self.german = german

    def __missing__(self, word: str) -> tuple[str, ...]:
        terms = word_terms(word, self.german)
        if len(self) >= self.LIMIT:
            self.clear()
        self[word] = terms
        return terms


_memos = (_TermMemo(False), _TermMemo(True))


def _han_word_terms(word: str) -> tuple[str, ...]:
    """The terms of one segmented Han word: the word (or its canonical name) and, for long words, its
    character bigrams."""
    stops = stopwords()  # the Chinese stop words are in both sets
    if word in stops:
        return ()
    out = [alias_map().get(word, word)]
    if len(word) > 2 and word not in alias_names():
        out.extend(g for g in (word[i:i + 2] for i in range(len(word) - 1)) if g not in stops)
    return tuple(out)


def _latin_word_terms(chunk: str, german: bool) -> tuple[str, ...]:
    """The terms of one Latin-script word: its stem (or canonical name) and, in German, its hyphenated parts."""
    stem_lang = "de" if german else "en"
    stops = stopwords(stem_lang)
    aliases = alias_map()
    word = chunk.strip("'’-.")
    if not (len(word) > 1 or word.isdigit()) or word in stops:
        return ()
    term = stem(word, stem_lang)
    if term in stops:
        return ()
    out = [aliases.get(term, term)]
    if german and "-" in term:
        for piece in chunk.split("-"):
            part = stem(piece, stem_lang) if len(piece) > 1 else ""
            if part and part not in stops:
                out.append(aliases.get(part, part))
    return tuple(out)
