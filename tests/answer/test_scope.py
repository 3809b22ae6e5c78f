"""A chat's scope: parsing /scope's arguments, and answers, daily quotes and More like this that stay inside it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answer.answerer import answer
from bot.answer.library import Library
from bot.answer.scope import BadScope, Scope, from_dict, parse_scope, report
from bot.answer.texts import SAMPLES
from bot.daily.choose import candidates, quote_of_the_day, random_quote
from bot.daily.similar import more_like_this

QUESTIONS = [q for questions in SAMPLES.values() for q in questions] + [
    "Who is Aidan Gomez?", "戴雨森是谁", "马太效应", "Was denkt Gomez über synthetische Daten?",
    "How does Cohere make money?", "模型会不会越来越便宜",
]


def scopes(library: Library) -> list[Scope]:
    out = [Scope(articles=(a,)) for a in library.articles]
    out += [Scope(languages=("de",)), Scope(languages=("zh",)), Scope(speakers=("戴雨森",)),
            Scope(speakers=("gomez",), languages=("zh",))]
    return out


def test_parse_accepts_every_kind_with_several_values(library: Library) -> None:
    ids = list(library.articles)
    scope = parse_scope([f"article={ids[0]},{ids[1]}", 'speaker="Aidan', 'Gomez"', "language=DE,zh"], library)
    assert scope == Scope(articles=(ids[0], ids[1]), speakers=("Aidan Gomez",), languages=("de", "zh"))
    assert parse_scope(scope.describe().split(), library) == scope  # what /scope shows sets it again
    assert from_dict(scope.as_dict()) == scope
    assert parse_scope(["speaker=Aidan_Gomez"], library).speakers == ("Aidan Gomez",)


@pytest.mark.parametrize("args", [[], ["reset=1"], ["article=nope"], ["language=fr"], ["language=english"],
                                  ["language=zh-Hant"], ["language=zh\ud800"], ["speaker=Nobody Here"],
                                  ["article"], ["speaker=" + "x" * 200],
                                  ["article=xinpiceng-dai-yusen", "speaker=Gomez"]])  # nothing would be left
def test_parse_refuses_what_cannot_hold(library: Library, args: list[str]) -> None:
    with pytest.raises(BadScope):
        parse_scope(args, library)


@pytest.mark.parametrize("data", [{"article": "a-string"}, {"speaker": [1]}, ["article"], "x"])
def test_a_malformed_stored_scope_is_an_error_not_a_wider_scope(data: object) -> None:
    with pytest.raises(ValueError):
        from_dict(data)  # type: ignore[arg-type]


def test_every_quote_and_every_offered_version_is_inside_the_scope(library: Library) -> None:
    answered = 0
    for scope in scopes(library):
        for question in QUESTIONS:
            reply = answer(library, question, top_k=3, scope=scope)
            answered += bool(reply.quotes)
            for q in reply.quotes:
                assert scope.allows(library, library.by_id[q.passage_id]), (scope, question, q.passage_id)
                for v in q.also_in:
                    assert scope.allows(library, library.by_id[v.passage_id]), (scope, question, v.passage_id)
            if reply.status == "no_match":
                assert scope.describe() in (reply.note or "")  # says it looked only in the scope
    assert answered > len(QUESTIONS)  # scoped questions do get answers


def test_scoping_to_the_answers_article_keeps_the_answer_first(library: Library) -> None:
    kept = 0
    for question in QUESTIONS:
        first = answer(library, question).quotes[:1]
        if not first:
            continue
        scoped = answer(library, question, scope=Scope(articles=(first[0].article.id,)))
        assert scoped.quotes and scoped.quotes[0].passage_id == first[0].passage_id, question
        kept += 1
    assert kept >= len(QUESTIONS) // 2


def test_a_question_answered_elsewhere_is_no_match_in_a_scope_without_it(library: Library) -> None:
    question = "Was denkt Gomez über synthetische Daten?"
    assert answer(library, question).status == "ok"
    reply = answer(library, question, scope=Scope(articles=("xinpiceng-dai-yusen",)))
    assert reply.status == "no_match" and not reply.quotes and "xinpiceng-dai-yusen" in (reply.note or "")


def test_daily_quotes_and_more_like_this_stay_inside_the_scope(library: Library) -> None:
    for scope in scopes(library):
        pool = candidates(library, scope=scope)
        assert pool and all(scope.allows(library, p) for p in pool)
        for day in range(5):
            q = quote_of_the_day(library, dt.date(2026, 12, 1) + dt.timedelta(days=day), scope=scope)
            assert scope.allows(library, library.by_id[q.passage_id])
        assert scope.allows(library, library.by_id[random_quote(library, scope=scope).passage_id])
        similar = more_like_this(library, pool[0].id, scope=scope)
        assert similar is not None
        for q in similar.quotes:
            assert scope.allows(library, library.by_id[q.passage_id]) and q.passage_id != pool[0].id


def test_report_lists_the_scope_and_every_article(library: Library) -> None:
    scope = Scope(languages=("de",))
    text = report(scope, library, "en", "/scope")
    assert "language=de" in text and all(a in text for a in library.articles)
    assert "No scope" in report(None, library, "en", "/scope")
