"""A question -> weighted index terms, expanded across languages and to synonyms.

Weights: a word the user typed counts 1, a character bigram inside a long Chinese word
BIGRAM_WEIGHT; English/German words add their Chinese translations from the corpus's glossary
(EXPANSION_WEIGHT) and from CC-CEDICT (DICTIONARY_WEIGHT), Chinese words their synonyms
(SYNONYM_WEIGHT, DICT_SYNONYM_WEIGHT), short Chinese words the longer index words holding them
(LONGER_WEIGHT); the translations of one phrase share their weight. A bigram of a Chinese word the
index lacks counts OOV_PART_WEIGHT when the index has it as a word; traditional questions are read
with mainland vocabulary (OpenCC tw2sp: 晶片 -> 芯片) and as written (整合, which tw2sp reads 集成); English
words inside a Chinese question get the glossary's Chinese too (MIXED_WEIGHT: 做 agent -> 智能体); asking
words that name what the answer holds become that term (哪一年 -> 年). Misspelt words are corrected against
the index, the glossary and the names (`correct`).
`concepts` groups each typed word with its bigrams, translations and synonyms, so that "how much of
the question does a passage answer" can be judged across languages (Library.coverage).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from retrieval import lexicons
from retrieval.lemmas import is_known, lemmatize
from retrieval.lemmas import warm_up as lemmas_warm_up
from retrieval.sorted_table import SortedTable
from retrieval.tokenize import (
    DATA,
    HAN,
    Token,
    _read_lines,
    alias_map,
    aliases_raw,
    detect_language,
    latin_evidence,
    stem,
    tokens,
)

EXPANSION_WEIGHT = 1.3  # a glossary translation (tuned: Chinese passages can only match the translations)
DICTIONARY_WEIGHT = 0.8  # a CC-CEDICT translation of a word the glossary lacks
GERMAN_DICTIONARY_WEIGHT = 0.5  # CC-CEDICT for German words the glossary lacks, read as English (Investor)
MAX_SENSES = 8  # English words with more Chinese translations in the corpus are too vague to expand
SYNONYM_WEIGHT = 0.3  # a Chinese synonym (same glossary translation) of a word the user typed
OOV_SYNONYM_WEIGHT = 1.0  # ... of a typed word the index lacks (挣钱 -> 赚钱): it stands in for the word
DICT_SYNONYM_WEIGHT = 0.3  # a CC-CEDICT synonym of a typed Chinese word
BIGRAM_WEIGHT = 0.3  # a character bigram of a long Chinese word, against 1 for the word itself
OOV_PART_WEIGHT = 1.0  # a bigram of a Chinese word the index lacks, when the bigram is an index word (筹集资金 -> 筹集)
LONGER_WEIGHT = 0.2  # the index's words one character longer than a short typed Chinese word (热 -> 过热, 热度)
LONGER_MAX_LEN = 1  # ... for typed words of at most this many characters
LONGER_MAX = 5  # ... unless it has more of them (too vague)
MIXED_WEIGHT = 1.0  # the glossary's Chinese for an English word in a Chinese question (做 agent -> 智能体)


@dataclass
class Query:
    """What the retriever searches for."""

    text: str
    language: str
    terms: dict[str, float]  # index term -> weight
    own: set[str] = field(default_factory=set)  # terms typed by the user
    expanded: set[str] = field(default_factory=set)  # terms added from the glossary
    concepts: list[frozenset[str]] = field(default_factory=list)  # a typed word and its equivalents
    words: set[str] = field(default_factory=set)  # what quotes highlight: typed terms, whole translated words


@cache
def glossary(lang: str = "en") -> dict[tuple[str, ...], tuple[str, ...]]:
    """The glossary's English ("en") or German ("de") phrases, as index terms -> Chinese terms of the corpus."""
    saved = lexicons.table(f"glossary:{lang}")
    if saved is not None:
        return saved
    table: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for line in _read_lines("glossary.tsv")[1:]:
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip():
            continue
        zh = cells[0].strip()
        for col in (1, 2):
            if col >= len(cells):
                continue
            if col != (2 if lang == "de" else 1):
                continue
            for phrase in cells[col].split(","):
                key = tuple(t.term for t in tokens(phrase.strip(), lang) if not t.part)
                if key and zh not in table[key] and not (len(key) == 1 and key[0] == zh):
                    table[key].append(zh)
    # "model" -> 模型, not also 底层模型: a longer translation holding a shorter one is for a longer phrase
    return {k: tuple(z for z in v if not any(o != z and o in z for o in v)) for k, v in table.items()}


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Chinese index term -> other Chinese terms that the glossary translates the same way (算力 ~ 计算资源)."""
    saved = lexicons.table("synonyms")
    if saved is not None:
        return saved
    by_phrase: dict[str, list[str]] = defaultdict(list)
    for line in _read_lines("glossary.tsv")[1:]:
        cells = line.split("\t")
        if len(cells) < 2 or not HAN.fullmatch(cells[0].strip()):
            continue
        zh = cells[0].strip()
        for phrase in cells[1].split(","):
            key = phrase.strip().lower()
            if key and zh not in by_phrase[key]:
                by_phrase[key].append(zh)
    out: dict[str, list[str]] = defaultdict(list)
    for group in by_phrase.values():
        if 1 < len(group) <= MAX_SENSES:
            for zh in group:
                term = _zh_tokens(zh)[0].term if len(_zh_tokens(zh)) == 1 else zh
                out[term].extend(z for z in group if z != zh and z not in out[term])
    return {k: tuple(v) for k, v in out.items()}


class NearWords:
    """Chinese word -> corpus words with the same CC-CEDICT gloss (助理 -> 助手): cedict_zh.tsv, read in place."""

    def __init__(self, table: SortedTable) -> None:
        self.table = table

    def get(self, word: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        found = self.table.get(word)
        return tuple(found.split(",")) if found else default

    def values(self) -> Iterator[tuple[str, ...]]:
        for _, found in self.table.items():
            yield tuple(found.split(","))


@cache
def dictionary_synonyms() -> NearWords:
    """Chinese word -> corpus words with the same CC-CEDICT gloss (助理 -> 助手), from cedict_zh.tsv."""
    return NearWords(SortedTable(DATA / "cedict_zh.tsv"))


@cache
def dictionary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """English glosses (as index terms) -> Chinese words of the corpus, from CC-CEDICT (cedict_en.tsv)."""
    saved = lexicons.table("dictionary")
    if saved is not None:
        return saved
    table: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for line in _read_lines("cedict_en.tsv"):
        zh, _, glosses = line.partition("\t")
        for phrase in glosses.split(","):
            key = tuple(t.term for t in tokens(phrase, "en") if not t.part)
            if key and zh not in table[key]:
                table[key].append(zh)
    return {k: tuple(v) for k, v in table.items() if len(v) <= MAX_SENSES}


_LONGEST: dict[int, tuple[dict, int]] = {}


def _longest_phrase(table: dict[tuple[str, ...], tuple[str, ...]]) -> int:
    """Words in a table's longest phrase, computed once per table (tables have tens of thousands of keys)."""
    known = _LONGEST.get(id(table))
    if known is None or known[0] is not table or len(_LONGEST) > 64:
        if len(_LONGEST) > 64:
            _LONGEST.clear()
        known = _LONGEST[id(table)] = (table, max((len(k) for k in table), default=0))
    return known[1]


def expansions(words: list[str], lang: str = "en",
               table: dict[tuple[str, ...], tuple[str, ...]] | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first word, end, Chinese terms) for the glossary phrases in a word sequence, longest match first."""
    table = glossary(lang) if table is None else table
    longest = _longest_phrase(table)
    out = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = table.get(tuple(words[i:i + n]))
            if hit:
                out.append((i, i + n, hit))
                i += n
                break
        else:
            i += 1
    return out


def expand(words: list[str], lang: str = "en") -> dict[str, float]:
    """Chinese index terms (with weights) for the English/German phrases in a word sequence."""
    out: dict[str, float] = defaultdict(float)
    for _, _, hit in expansions(words, lang):
        share = 1.0 / max(1, len(hit)) ** 0.5
        for zh in hit:
            for t in _zh_tokens(zh):
                out[t.term] = max(out[t.term], share * (BIGRAM_WEIGHT if t.part else 1.0))
    return dict(out)


@cache
def _zh_tokens(zh: str) -> tuple[Token, ...]:
    saved = lexicons.table("zh_tokens")
    if saved is not None and zh in saved:
        return tuple(Token(*t) for t in saved[zh])
    return tuple(tokens(zh, "zh"))


def clear_caches() -> None:
    """Forget the tables derived so far (they are derived again, or read from the lexicon file)."""
    for fn in (glossary, synonyms, dictionary_synonyms, dictionary, _zh_tokens, _name_parts, _known_words):
        fn.cache_clear()




@cache
def _tw2sp():  # OpenCC has no type hints
    from opencc import OpenCC

    return OpenCC("tw2sp")


def taiwan_to_mainland(text: str) -> str:
    """Traditional Chinese with Taiwan vocabulary -> simplified with mainland vocabulary (OpenCC tw2sp:
    網際網路 -> 互联网). Query tokens then hold offsets into this text, not into the question."""
    return _tw2sp().convert(text)


LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
MIN_TYPO_TARGET = 6  # only names and longer words are corrected to (resoning -> reason; backe is no typo of bank)
MIN_TYPO_WORD = 5  # shorter words are not corrected (Brot is no typo of bot)


def edits(word: str) -> set[str]:
    """Strings one deletion, transposition, replacement or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    return out


def correct(term: str, lang: str, vocabulary: Collection[str], typed: str = "", context: Collection[str] = ()) -> str:
    """A misspelt Latin word (Transfomer, Cohre) that the index does not know -> the glossary, dictionary
    or alias word one edit away, if exactly one is (this also folds word forms: historically -> history).
    A name is also found by the word as `typed` when the stemmer cut the misspelt part (Gomes -> gom). A
    word of the language is never turned into a name (größten is not Frosst), unless another word of
    that name is in the question's `context` terms (Nick Frost)."""
    typed = unicodedata.normalize("NFKC", typed)
    if max(len(term), len(typed)) < 4 or HAN.search(term) or term in vocabulary:
        return term
    known = _known_words(lang)
    if term in known:
        return term
    aliases = alias_map()
    names = _name_parts()
    found = _corrections(term, known, aliases) if len(term) >= 4 else []
    if not found and typed and typed.lower() != term:
        found = [w for w in _corrections(typed.lower(), known, aliases) if w in names]
    if len(found) != 1:
        return term
    if typed and found[0] in names and not names[found[0]] & set(context) and _is_word(typed, lang):
        return term
    return found[0]


def _corrections(word: str, known: Collection[str], aliases: dict[str, str]) -> list[str]:
    """Known words and names one edit away from `word`."""
    return sorted({aliases.get(e, e) for e in edits(word)
                   if e in known and (e in aliases or len(e) >= MIN_TYPO_TARGET)})


@cache
def _name_parts() -> dict[str, frozenset[str]]:
    """Each name's canonical term -> the terms of the words its variants are written with (nick, frosst)."""
    saved = lexicons.table("name_parts")
    if saved is not None:
        return saved
    out: dict[str, set[str]] = defaultdict(set)
    for canonical, variants in aliases_raw():
        for v in variants:
            out["_".join(canonical.split())].update(t.term for t in tokens(v, "en") if not t.part)
    return {k: frozenset(v) for k, v in out.items()}


def _is_word(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary of the language knows the word (memory-mapped: retrieval.lemmas)."""
    return is_known(word, lang) or is_known(word.lower(), lang)


@cache
def _known_words(lang: str) -> frozenset[str]:
    """Single-word glossary, dictionary and alias keys: words worth knowing although no passage has them."""
    saved = lexicons.table(f"known:{lang}")
    if saved is not None:
        return saved
    words = {w for k in glossary(lang) for w in k} | set(alias_map())
    if lang == "en":
        words |= {t.term for line in _read_lines("cedict_en.tsv") for t in tokens(line.partition("\t")[2], "en")}
    return frozenset(words)


def _compound_parts(t: Token, vocabulary: Collection[str]) -> tuple[Token, ...]:
    """A German compound nobody knows (Experimentierphase) -> its two known parts (experiment, phase)."""
    word = t.term
    known = _known_words("de")
    if t.part or len(word) < 8 or HAN.search(word) or word in vocabulary or word in known or "-" in word:
        return ()
    best: tuple[int, str, str] | None = None
    for i in range(4, len(word) - 2):
        tail = word[i:]
        if tail not in vocabulary and tail not in known:
            tail = stem(tail, "de")  # the compound's stem ends mid-word (chipkost|en): its tail may not be a stem
            if tail not in vocabulary and tail not in known:
                continue
        heads = (word[:i], word[:i - 1] if word[i - 1] in "sn" else "", word[:i - 2] if word[i - 2:i] == "en" else "")
        for head in heads:
            head = stem(head, "de") if len(head) > 3 else ""
            if head and (head in vocabulary or head in known) and (best is None or min(len(head), len(tail)) > best[0]):
                best = (min(len(head), len(tail)), head, tail)
    if best is None:
        return ()
    return tuple(Token(alias_map().get(w, w), t.start, t.end) for w in best[1:])


def _latin_language(text: str, lang: str, vocabulary: Collection[str]) -> str:
    """English or German, when the function words leave it open ("Dateninnovation", "Was versteht Gomez
    unter …"): the language whose stems of the question's words the index or the glossary know more of."""
    german, english = latin_evidence(text)
    if german != english:
        return lang
    known = {}
    for candidate in ("en", "de"):
        terms = [t.term for t in tokens(text, candidate) if not t.part]
        known[candidate] = sum(t in vocabulary or t in _known_words(candidate) for t in terms)
    return "de" if known["de"] > known["en"] else "en"




def _lemma_term(word: str, vocabulary: Collection[str]) -> str | None:
    """The index or glossary term of a German noun's dictionary form (simplemma: Büros -> Büro, Berufe ->
    Beruf), for a noun whose own stem neither knows; else None. Only capitalised words (nouns): a verb's
    lemma too often meets a noun of the glossary (gewonnen -> gewinnen -> Gewinn, "profit")."""
    if len(word) < 4 or not word[0].isupper() or stem(word.lower(), "de") in _known_words("de"):
        return None
    lemma = lemmatize(word, "de").lower()  # simplemma's lemma, its dictionary memory-mapped (retrieval.lemmas)
    if lemma == word.lower():
        return None
    term = stem(lemma, "de")
    term = alias_map().get(term, term)
    return term if term in vocabulary or term in _known_words("de") else None


def warm_up() -> None:
    """Load now what analyze() otherwise loads on first need (segmenter, OpenCC, glossary, CC-CEDICT, the
    lemmatizer's memory-mapped dictionaries, written once per machine): a long-running bot calls this
    before users arrive."""
    for lang in ("en", "de"):
        _known_words(lang)
    dictionary()
    dictionary_synonyms()
    synonyms()
    taiwan_words()
    taiwan_to_mainland("資料")
    tokens("預熱 warm-up", "zh-Hant")
    lemmas_warm_up()


def analyze(text: str, vocabulary: Collection[str] = ()) -> Query:
    """Tokenize a question in any of the four languages and add translations (English/German) or
    synonyms (Chinese). With the index's `vocabulary`, misspelt Latin words are corrected, unknown
    German compounds split, and Chinese words matched to the index's words (parts, longer words).
    A split or hyphenated word is judged (Library.coverage) by its parts' concepts only."""
    lang = detect_language(text)
    if lang in ("en", "de") and vocabulary:
        lang = _latin_language(text, lang, vocabulary)
    source = taiwan_to_mainland(text) if lang == "zh-Hant" else text
    toks = _question_words(tokens(source, lang))
    if vocabulary:
        stem_lang = "de" if lang == "de" else "en"
        context = {t.term for t in toks}
        toks = [replace(t, term=correct(t.term, stem_lang, vocabulary, source[t.start:t.end], context))
                if not t.part and t.end - t.start >= MIN_TYPO_WORD else t for t in toks]
    if vocabulary and lang == "de":
        toks = [replace(t, term=_lemma_term(text[t.start:t.end], vocabulary) or t.term)
                if not t.part and not HAN.search(t.term) and t.term not in vocabulary else t for t in toks]
    split: set[Token] = set()  # compounds split into known words: judged by their parts
    if vocabulary and lang == "de":
        parted = [(t, _compound_parts(t, vocabulary)) for t in toks]
        split = {t for t, parts in parted if parts}
        toks = [x for t, parts in parted for x in (t, *parts)]
    query = Query(text=text, language=lang, terms=defaultdict(float), own={t.term for t in toks},
                  words={t.term for t in toks})
    words = [t for t in toks if not t.part]
    for t in toks:
        whole = next((w.term for w in words if w.start <= t.start and t.end <= w.end), t.term) if t.part else t.term
        query.terms[t.term] += _part_weight(whole, t, vocabulary) if t.part else 1.0
    groups: list[set[str]] = [{t.term} for t in words]
    for t in toks:  # a bigram belongs to the word it was cut from
        if t.part:
            for w, g in zip(words, groups, strict=True):
                if w.start <= t.start and t.end <= w.end:
                    g.add(t.term)
    if lang in ("en", "de"):
        _translate(query, words, groups, vocabulary)
    else:
        if lang == "zh-Hant":
            _add_plain_words(query, text, source, words, groups)
            _add_taiwan_words(query, words, groups, vocabulary)
        _add_synonyms(query, words, groups, vocabulary)
        if MIXED_WEIGHT:  # Chinese questions borrow English words (agent, prompt): the articles may not
            _translate_mixed(query, source, words, groups, vocabulary)
    query.terms = dict(query.terms)
    query.concepts = [frozenset(g) for w, g in zip(words, groups, strict=True)
                      if not (w in split or _has_parts(w, words))]
    return query


def _add_plain_words(query: Query, text: str, source: str, words: list[Token], groups: list[set[str]]) -> None:
    """A traditional question's words read character by character too (整合 stays 整合, where the
    Taiwan-to-mainland reading `source` says 集成): each joins the concept of the word at the same place."""
    at = {(w.start, w.end): g for w, g in zip(words, groups, strict=True)}
    for t in tokens(text, "zh-Hant"):
        if t.part or t.term in query.terms:
            continue
        span = (t.start, t.end) if len(source) == len(text) else _converted_span(text, t.start, t.end)
        group = at.get(span)
        if group is not None:
            query.terms[t.term] = 1.0
            query.own.add(t.term)
            query.words.add(t.term)
            group.add(t.term)


TAIWAN_WEIGHT = 1.0  # the mainland words for a Taiwan word OpenCC leaves as it is (網路 -> 网络 -> 互联网), shared


@cache
def taiwan_words() -> dict[str, tuple[str, ...]]:
    """Taiwan words as tw2sp leaves them -> the mainland words the articles use (data/taiwan.tsv), longest
    first (a word holding 网络平台 is read by it, not by 网络)."""
    rows = (line.split("\t") for line in _read_lines("taiwan.tsv")[1:])
    table = {tw.strip(): tuple(w.strip() for w in mainland.split(",") if w.strip()) for tw, mainland in rows}
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def _add_taiwan_words(query: Query, words: list[Token], groups: list[set[str]], vocabulary: Collection[str]) -> None:
    """A traditional question's Taiwan words -> their mainland words, in the same concept (网络 -> 互联网;
    inside a longer word too: 银行帐户 -> 银行账户)."""
    table = taiwan_words()
    for t, group in zip(words, groups, strict=True):
        key = next((k for k in table if k in t.term), None)
        if key is not None:
            _add(query, group, tuple(t.term.replace(key, m) for m in table[key]), TAIWAN_WEIGHT, vocabulary)


def _converted_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where text[start:end] lies in taiwan_to_mainland(text), when the conversion changed lengths."""
    head = len(taiwan_to_mainland(text[:start]))
    return head, head + len(taiwan_to_mainland(text[start:end]))


QUESTION_TERMS = {"哪一年": "年", "哪年": "年"}  # asking words that name what the answer holds (a year)


def _question_words(toks: list[Token]) -> list[Token]:
    """A question's asking words that name what the answer holds -> that term (哪一年 -> 年), without
    the bigrams cut from them."""
    asks = [t for t in toks if not t.part and t.term in QUESTION_TERMS]
    if not asks:
        return toks
    return [replace(t, term=QUESTION_TERMS[t.term]) if t in asks else t for t in toks
            if not (t.part and any(a.start <= t.start and t.end <= a.end for a in asks))]




def _has_parts(word: Token, words: list[Token]) -> bool:
    """Whether other words of the question were cut from this one (the parts of a hyphenated word)."""
    return any(word.start <= o.start and o.end <= word.end and (o.start, o.end) != (word.start, word.end)
               for o in words)


def _part_weight(whole: str, part: Token, vocabulary: Collection[str]) -> float:
    """Weight of a bigram cut from the Chinese word `whole`: more when the index lacks the word but
    has the bigram as a word of its own (documents say 筹集了多少资金, not 筹集资金)."""
    if OOV_PART_WEIGHT and vocabulary and whole not in vocabulary and part.term in vocabulary:
        return max(BIGRAM_WEIGHT, OOV_PART_WEIGHT)
    return BIGRAM_WEIGHT


def _add(query: Query, group: set[str], chinese: tuple[str, ...], weight: float,
         vocabulary: Collection[str] = ()) -> None:
    """Add Chinese terms (shared weight) to the query and to the concept of the word they render."""
    share = weight / max(1, len(chinese)) ** 0.5
    terms: dict[str, float] = {}
    for zh in chinese:
        for t in _zh_tokens(zh):
            factor = _part_weight(zh, t, vocabulary) if t.part else 1.0
            terms[t.term] = max(terms.get(t.term, 0.0), share * factor)
            if not t.part:
                query.words.add(t.term)
    for term, w in terms.items():
        if term not in query.terms:
            query.expanded.add(term)
        query.terms[term] += w
    group.update(terms)


def _translate(query: Query, words: list[Token], groups: list[set[str]], vocabulary: Collection[str] = ()) -> None:
    """English/German words -> Chinese: the glossary, then CC-CEDICT (German words read as English too)."""
    latin = [i for i, t in enumerate(words) if not HAN.match(t.term)]
    if not latin:
        return
    seq = [words[i].term for i in latin]
    german = query.language == "de"
    found = [(s, e, hit, EXPANSION_WEIGHT) for s, e, hit in expansions(seq, "de" if german else "en")]

    def uncovered(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e, _, _ in found)

    if german:  # German questions use English words too (Startup, Chatbot): stemmed as English
        english = [next((x.term for x in tokens(query.text[words[i].start:words[i].end], "en")), "") for i in latin]
        found += [(s, e, hit, EXPANSION_WEIGHT) for s, e, hit in expansions(english, "en") if uncovered(s, e)]
        if GERMAN_DICTIONARY_WEIGHT:
            found += [(s, e, hit, GERMAN_DICTIONARY_WEIGHT)
                      for s, e, hit in expansions(english, "en", dictionary()) if uncovered(s, e)]
    elif DICTIONARY_WEIGHT:
        found += [(s, e, hit, DICTIONARY_WEIGHT) for s, e, hit in expansions(seq, "en", dictionary())]
    _attach(query, groups, latin, found, vocabulary)


def _attach(query: Query, groups: list[set[str]], positions: list[int],
            found: list[tuple[int, int, tuple[str, ...], float]], vocabulary: Collection[str]) -> None:
    """Add each translation found for words[positions[start:end]] to the query and to those words' concepts."""
    for start, end, hit, weight in found:
        concept: set[str] = set()
        _add(query, concept, hit, weight, vocabulary)
        for i in positions[start:end]:
            groups[i].update(concept)


def _translate_mixed(query: Query, source: str, words: list[Token], groups: list[set[str]],
                     vocabulary: Collection[str]) -> None:
    """English words in a Chinese question (做 agent, prompt 怎么写) -> their Chinese renderings too; a
    phrase is only looked up within a run of English words that no Chinese stands between in `source`
    (the text the tokens' offsets point into): "open 和 source" is no "open source"."""
    runs: list[list[int]] = []
    for i, t in enumerate(words):
        if not HAN.match(t.term):
            if runs and runs[-1][-1] == i - 1 and not HAN.search(source[words[i - 1].end:t.start]):
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        found = [(s, e, hit, MIXED_WEIGHT) for s, e, hit in expansions([words[i].term for i in run], "en")]
        _attach(query, groups, run, found, vocabulary)


_LONGER: dict[int, tuple[Collection[str], dict[str, tuple[str, ...]]]] = {}


def longer_words(term: str, vocabulary: Collection[str]) -> tuple[str, ...]:
    """The vocabulary's Han words one character longer than `term` that contain it (热 -> 热度, 过热)."""
    known = _LONGER.get(id(vocabulary))
    if known is None or known[0] is not vocabulary:
        if len(_LONGER) > 8:
            _LONGER.clear()
        table: dict[str, list[str]] = defaultdict(list)
        longest = LONGER_MAX_LEN + 1
        for word in vocabulary:
            if 1 < len(word) <= longest and word[0] >= "\u3400" and HAN.fullmatch(word):
                for part in dict.fromkeys((word[:-1], word[1:])):  # its two parts one character shorter
                    table[part].append(word)
        known = _LONGER[id(vocabulary)] = (vocabulary, {k: tuple(v) for k, v in table.items()})
    return known[1].get(term, ())


def _add_synonyms(query: Query, words: list[Token], groups: list[set[str]], vocabulary: Collection[str]) -> None:
    """Chinese words -> other Chinese words with the same glossary translation or CC-CEDICT gloss, and
    short words -> the longer index words holding them."""
    near = dictionary_synonyms()
    for t, group in zip(words, groups, strict=True):
        unknown = bool(vocabulary) and t.term not in vocabulary  # then its synonyms stand in for it
        found = [(synonyms().get(t.term, ()), OOV_SYNONYM_WEIGHT if unknown and OOV_SYNONYM_WEIGHT else SYNONYM_WEIGHT)]
        if LONGER_WEIGHT and vocabulary and len(t.term) <= LONGER_MAX_LEN and HAN.fullmatch(t.term):
            longer = longer_words(t.term, vocabulary)
            if len(longer) <= LONGER_MAX:
                found.append((longer, LONGER_WEIGHT))
        if DICT_SYNONYM_WEIGHT:
            found.append((near.get(t.term, ()), DICT_SYNONYM_WEIGHT))
        for others, weight in found:
            for zh in others:  # each synonym counts on its own (their shared characters add up)
                _add(query, group, (zh,), weight / len(others) ** 0.5, vocabulary)
