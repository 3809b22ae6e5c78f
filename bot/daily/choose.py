"""Which passages make a good quote of the day, and which one is today's (pure, platform-neutral).

A passage is a whole answer; the daily post quotes its first paragraph that stands on its own."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import weakref
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.answer.answerer import quote_of
from corpus.clean import GAP_MARK
from corpus.models import Passage
from corpus.segment import paragraphs, sentence_spans

if TYPE_CHECKING:
    from bot.answer.library import Library
    from bot.answer.reply import Quote
    from bot.answer.scope import Scope

EPOCH = dt.date(2024, 1, 1)  # day 0 of the corpus-wide rotation
SALT = "interview-bot quote of the day v1"

HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN, MAX_HAN = 25, 220  # characters of a Chinese quote
MIN_LATIN, MAX_LATIN = 60, 500  # characters of a German/English quote
MAX_SENTENCES = 4

# Openers that lean on what was said before (a connective, or a pronoun pointing back).
ZH_OPENERS = (
    "所以", "但是", "但", "因此", "因为", "而且", "而", "并且", "然后", "那么", "那", "这", "它", "他们", "他",
    "她", "对，", "对,", "对。", "是的", "没错", "确实", "不过", "可是", "至于", "另外", "另一", "此外", "其次",
    "第三", "首先", "最后", "同时", "与此同时", "当然", "就像", "比如", "例如", "尽管如此",
    "不,", "不，", "不。", "嗯", "哦", "好的",
    "第一", "第二", "反而", "要看", "我觉得也", "绝对", "没有", "也许", "可能是", "肯定是", "所谓", "我同意",
    "我完全同意", "你",
)
LATIN_OPENERS = (
    "also", "and", "but", "so", "because", "therefore", "thus", "however", "yet", "then", "this", "that",
    "these", "those", "it", "they", "he", "she", "yes", "no", "well", "right", "exactly", "sure", "true",
    "daher", "deshalb", "deswegen", "aber", "und", "also", "doch", "dennoch", "denn", "dies", "diese",
    "dieser", "dieses", "das", "es", "sie", "er", "ja", "nein", "genau", "stimmt", "richtig", "sicherlich",
    "infolgedessen", "trotzdem", "jedoch", "dazu", "hier", "dort", "möglicherweise", "wahrscheinlich",
    "ungefähr", "auf jeden fall", "ein bisschen", "man", "du", "ihr",
)
BOILERPLATE = re.compile(
    r"https?://|www\.|原文链接|点击|关注|公众号|扫码|编辑部|视频地址|参考资料|本文|笑）|（笑|\(laughs\)|"
    r"[a-zäöü][.,;:!?][A-ZÄÖÜ]|[a-zäöüß]{3}[A-ZÄÖÜ][a-zäöüß]{3}"  # words glued by a broken translation
)
# In Chinese text, a space next to Han characters or punctuation where a word (a name, a link) went missing.
HAN_GAP = re.compile(r"[\u4e00-\u9fff「（(] +[\u4e00-\u9fff」）),，。、]|[,，。] +[\u4e00-\u9fffA-Za-z]")
TRAILING = re.compile(r"(……|\.\.\.|…)$")


def is_han(text: str) -> bool:
    return len(HAN.findall(text)) * 3 > len(text)


def _opener_ok(text: str) -> bool:
    if is_han(text):
        return not text.startswith(ZH_OPENERS)
    words = re.findall(r"[A-Za-zÄÖÜäöüß]+", text[:40].lower())
    if not words:
        return False
    head, pair = words[0], " ".join(words[:2])
    return head not in LATIN_OPENERS and pair not in LATIN_OPENERS


def _ends_well(text: str) -> bool:
    return text.rstrip()[-1:] in "。！!.」”\"" and not TRAILING.search(text.rstrip())


def _text_problem(text: str) -> str | None:
    """Why one paragraph would not stand on its own as a quote, or None."""
    text = text.strip()
    han = is_han(text)
    low, high = (MIN_HAN, MAX_HAN) if han else (MIN_LATIN, MAX_LATIN)
    if len(text) < low:
        return "too short"
    if len(text) > high:
        return "too long"
    if GAP_MARK in text:
        return "words lost in the source"
    if BOILERPLATE.search(text) or (han and HAN_GAP.search(text)):
        return "boilerplate"
    spans = sentence_spans(text)
    if not _opener_ok(text) or (han and spans and spans[0][1] - spans[0][0] <= 5):
        return "depends on context"
    if text.rstrip().endswith(("?", "？")) or not _ends_well(text):
        return "unfinished"
    if len(spans) > MAX_SENTENCES:
        return "too many sentences"
    return None


def quotable_span(p: Passage, interviewees: Sequence[str] | None = None) -> tuple[int, int] | None:
    """The first paragraph of an interviewee's answer that stands on its own as a quote, or None."""
    if quotability(p, interviewees) is not None:
        return None
    return next(span for span in paragraphs(p.text) if _text_problem(p.text[span[0]:span[1]]) is None)


def quotability(p: Passage, interviewees: Sequence[str] | None = None) -> str | None:
    """Why a passage offers no quote ("interviewer", "too short", ...: the reason of its first paragraph),
    or None when one of its paragraphs is quotable."""
    if p.kind != "answer" or not p.speaker:
        return "not an answer"
    if interviewees is not None and interviewees and p.speaker not in interviewees:
        return "interviewer"
    reasons = [_text_problem(p.text[s:e]) for s, e in paragraphs(p.text)]
    return None if None in reasons else reasons[0]


_cache: weakref.WeakKeyDictionary[Library, tuple[int, int, list[Passage]]] = weakref.WeakKeyDictionary()


def quotable(library: Library) -> list[Passage]:
    """Interviewee answers that stand on their own, in corpus order (computed once per library)."""
    key = (id(library.passages), len(library.passages))
    hit = _cache.get(library)
    if hit is not None and hit[:2] == key:
        return list(hit[2])
    out = []
    for p in library.passages:
        article = library.articles.get(p.article_id)
        interviewees = list(article.interviewees) if article else None
        if quotability(p, interviewees) is None:
            out.append(p)
    _cache[library] = (*key, out)
    return list(out)


def matches(library: Library, p: Passage, *, speaker: str | None = None, article: str | None = None,
            language: str | None = None) -> bool:
    """Whether a passage fits the filters (speaker: part of the name; article: id; language: zh/de/en)."""
    if speaker and speaker.casefold() not in (p.speaker or "").casefold():
        return False
    if article and p.article_id != article:
        return False
    if language:
        lang = library.articles[p.article_id].language
        if not lang.lower().startswith(language.lower()[:2]):
            return False
    return True


def candidates(library: Library, *, speaker: str | None = None, article: str | None = None,
               language: str | None = None, scope: Scope | None = None) -> list[Passage]:
    """The quotable passages that fit the filters (and the chat's `scope`), one per group of versions."""
    chosen: list[Passage] = []
    seen: set[str] = set()
    for p in quotable(library):
        if p.id in seen or seen.intersection(p.versions):
            continue
        if not matches(library, p, speaker=speaker, article=article, language=language):
            continue
        if scope and not scope.allows(library, p):
            continue
        seen.add(p.id)
        seen.update(p.versions)
        chosen.append(p)
    return chosen


def shuffled(passages: Sequence[Passage], seed: str) -> list[Passage]:
    """A stable pseudo-random order of passages: the same seed and ids give the same order anywhere."""
    return sorted(passages, key=lambda p: hashlib.sha256(f"{seed}:{p.id}".encode()).digest())


def passage_of_the_day(library: Library, day: dt.date, *, speaker: str | None = None, article: str | None = None,
                       language: str | None = None, scope: Scope | None = None) -> Passage | None:
    """The day's passage: a fixed shuffled order walked one step a day, so any run of N consecutive
    days (N = number of candidates) shows N different passages."""
    pool = candidates(library, speaker=speaker, article=article, language=language, scope=scope)
    if not pool:
        return None
    order = shuffled(pool, SALT)
    return order[(day - EPOCH).days % len(order)]


def daily_quote(library: Library, passage_id: str) -> Quote | None:
    """The Quote a daily post shows for a passage: its first paragraph that stands on its own (a whole
    answer is often several paragraphs), or the usual quote when none does. None when the passage is gone."""
    quote = quote_of(library, passage_id)
    p = library.by_id.get(passage_id)
    if quote is None or p is None:
        return None
    article = library.articles.get(p.article_id)
    span = quotable_span(p, list(article.interviewees) if article else None)
    if span is None:
        return quote
    start, end = span
    return replace(quote, quote=p.text[start:end], quote_start=start, highlights=())


def quote_of_the_day(library: Library, day: dt.date, *, speaker: str | None = None, article: str | None = None,
                     language: str | None = None, scope: Scope | None = None) -> Quote:
    """The corpus-wide quote of `day` (the same everywhere). Raises LookupError when nothing fits the filters."""
    p = passage_of_the_day(library, day, speaker=speaker, article=article, language=language, scope=scope)
    quote = daily_quote(library, p.id) if p else None
    if quote is None:
        raise LookupError("no quotable passage matches these filters")
    return quote


def random_quote(library: Library, rng: random.Random | None = None, scope: Scope | None = None) -> Quote:
    """Any quotable passage (that the chat's `scope` allows), at random."""
    pool = candidates(library, scope=scope)
    if not pool:
        raise LookupError("no quotable passage")
    quote = daily_quote(library, (rng or random.Random()).choice(pool).id)
    assert quote is not None
    return quote
