"""Choosing quotes: quotability rules, filters, and the corpus-wide quote of the day."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.answer import answerer
from bot.answer.library import Library
from bot.daily.choose import (
    candidates,
    daily_quote,
    quotability,
    quotable,
    quote_of_the_day,
    random_quote,
)
from corpus.models import Passage
from corpus.segment import paragraphs


def _p(text: str, kind: str = "answer", speaker: str | None = "Aidan Gomez") -> Passage:
    return Passage(id="t:1", article_id="t", seq=0, text=text, kind=kind, speaker=speaker)


GOOD_ZH = "我认为从长远来看，模型层是一个有吸引力的业务，但在短期内，它的利润率会很低。"
GOOD_DE = "Ich denke, wir sollten Technologie nutzen, um die Welt produktiver zu machen und Dinge billiger zu machen."


@pytest.mark.parametrize(("text", "kind", "speaker", "why"), [
    (GOOD_ZH, "answer", "Aidan Gomez", None),
    (GOOD_DE, "answer", "Aidan Gomez", None),
    ("是的。", "answer", "Aidan Gomez", "too short"),
    ("Yes.", "answer", "Aidan Gomez", "too short"),
    ("所以" + GOOD_ZH, "answer", "Aidan Gomez", "depends on context"),
    ("但是" + GOOD_ZH, "answer", "Aidan Gomez", "depends on context"),
    ("这" + GOOD_ZH, "answer", "Aidan Gomez", "depends on context"),
    ("Daher " + GOOD_DE, "answer", "Aidan Gomez", "depends on context"),
    ("But I think we should use technology to make the world more productive and things cheaper.",
     "answer", "Aidan Gomez", "depends on context"),
    ("So I think we should use technology to make the world more productive and things cheaper.",
     "answer", "Aidan Gomez", "depends on context"),
    (GOOD_ZH, "answer", "Harry Stebbings", "interviewer"),
    (GOOD_ZH, "bullet", None, "not an answer"),
    (GOOD_ZH, "narrative", None, "not an answer"),
    (GOOD_ZH + "原文链接：https://example.com/a。", "answer", "Aidan Gomez", "boilerplate"),
    (GOOD_ZH * 6, "answer", "Aidan Gomez", "too long"),
    ("我认为从长远来看，模型层是一个有吸引力的业务，但在短期内……", "answer", "Aidan Gomez", "unfinished"),
    ("Es gibt einen besseren Weg.Wenn man sich die letzten anderthalb Jahre ansieht, sieht man es.",
     "answer", "Aidan Gomez", "boilerplate"),
])
def test_quotability_rules(text: str, kind: str, speaker: str | None, why: str | None) -> None:
    assert quotability(_p(text, kind, speaker), ["Aidan Gomez"]) == why


def test_quotable_passages_are_interviewee_answers_that_stand_alone(library: Library) -> None:
    chosen = quotable(library)
    assert len(chosen) >= 60
    for p in chosen:
        article = library.articles[p.article_id]
        assert p.kind == "answer" and p.speaker in article.interviewees
        q = daily_quote(library, p.id)
        assert q is not None and q.passage == p.text
        assert p.text[q.quote_start:q.quote_start + len(q.quote)] == q.quote  # verbatim
        assert (q.quote_start, q.quote_start + len(q.quote)) in paragraphs(p.text)  # one whole paragraph
        assert not q.quote.startswith(("所以", "但是", "因此", "这", "那", "是的")), q.quote
        assert q.quote.split()[0].strip(",.").lower() not in {"also", "daher", "but", "so", "yes", "ja", "und"}
    # every article with interviewee answers contributes
    assert {p.article_id for p in chosen} == {p.article_id for p in library.passages if p.kind == "answer"}


def test_candidates_show_one_version_of_a_translated_passage(library: Library) -> None:
    pool = candidates(library)
    ids = {p.id for p in pool}
    for p in pool:
        assert not ids & set(p.versions), p.id
    assert len(pool) < len(quotable(library))


def test_quote_of_the_day_is_deterministic_and_walks_the_whole_set(library: Library) -> None:
    n = len(candidates(library))
    start = dt.date(2026, 5, 17)  # any day: every run of n consecutive days shows n different passages
    seen = [quote_of_the_day(library, start + dt.timedelta(days=i)).passage_id for i in range(n)]
    assert len(set(seen)) == n
    again = quote_of_the_day(library, start + dt.timedelta(days=n))
    assert again.passage_id == seen[0]  # exhausted: the walk starts over
    assert quote_of_the_day(library, start).to_json() == quote_of_the_day(library, start).to_json()
    assert all(seen[i] != seen[i + 1] for i in range(n - 1))


def test_a_year_of_days_does_not_repeat_before_the_set_is_exhausted(library: Library) -> None:
    n = len(candidates(library))
    days = [dt.date(2027, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    ids = [quote_of_the_day(library, d).passage_id for d in days]
    for i in range(len(ids)):
        window = ids[i:i + n]
        assert len(set(window)) == len(window)


@pytest.mark.parametrize("filters", [{"language": "de"}, {"speaker": "戴雨森"}, {"article": "founderpark-gomez"},
                                     {"speaker": "gomez", "language": "zh"}])
def test_filters(library: Library, filters: dict[str, str]) -> None:
    pool = candidates(library, **filters)
    assert pool
    for i in range(len(pool)):
        q = quote_of_the_day(library, dt.date(2026, 1, 1) + dt.timedelta(days=i), **filters)
        if "language" in filters:
            assert q.article.language == filters["language"]
        if "speaker" in filters:
            assert filters["speaker"].lower() in (q.speaker or "").lower()
        if "article" in filters:
            assert q.article.id == filters["article"]


def test_no_match_raises_lookup_error(library: Library) -> None:
    with pytest.raises(LookupError):
        quote_of_the_day(library, dt.date(2026, 1, 1), speaker="Nobody Atall")


def test_random_quote_is_quotable_and_reproducible(library: Library) -> None:
    ids = {p.id for p in candidates(library)}
    a = random_quote(library, random.Random(7))
    b = random_quote(library, random.Random(7))
    assert a.passage_id == b.passage_id and a.passage_id in ids
    assert a.to_json().keys() == answerer.answer(library, "合成数据").quotes[0].to_json().keys()
