"""Machine translations beside verbatim quotes, through the real HTTP client against a fake LibreTranslate."""

from __future__ import annotations

import time

import pytest

from bot.answer import answerer
from bot.answer.library import Library
from bot.translation.client import LibreTranslate, TranslationError
from bot.translation.service import MemoryCache, Translator, needs_translation
from tests.translation.fake_libretranslate import FakeLibreTranslate, serve

QUESTION = "What does Gomez think about synthetic data?"


def translator(fake: FakeLibreTranslate, timeout: float = 3.0, errors: list[str] | None = None,
               api_key: str | None = None) -> Translator:
    sink = errors if errors is not None else []
    return Translator(LibreTranslate(fake.url, api_key, timeout), MemoryCache(), timeout, on_error=sink.append)


def test_a_quote_in_another_language_gets_a_labelled_translation(library: Library) -> None:
    plain = answerer.answer(library, QUESTION)
    assert plain.quotes and all(q.article.language != "en" for q in plain.quotes)
    with serve() as fake:
        reply = translator(fake).translate(plain)
    assert [q.quote for q in reply.quotes] == [q.quote for q in plain.quotes]  # verbatim, untouched
    assert [q.passage for q in reply.quotes] == [q.passage for q in plain.quotes]
    for q in reply.quotes:
        assert q.translation is not None and q.translation.language == "en" and q.translation.engine == "libretranslate"
        assert q.translation.text == FakeLibreTranslate.translated(q.passage, "en")
    assert {r["target"] for r in fake.requests} == {"en"} and all(r["format"] == "text" for r in fake.requests)
    data = reply.to_json()["results"][0]
    assert data["translation"] == {"text": reply.quotes[0].translation.text, "language": "en",  # type: ignore[union-attr]
                                   "engine": "libretranslate"}
    assert "translation" not in plain.to_json()["results"][0]  # without translation, the JSON is as before


def test_the_cache_makes_one_request_per_passage_and_language(library: Library) -> None:
    with serve() as fake:
        service = translator(fake)
        first = service.translate(answerer.answer(library, QUESTION))
        asked = len(fake.requests)
        second = service.translate(answerer.answer(library, QUESTION))
    assert asked == len(first.quotes) and len(fake.requests) == asked
    assert [q.translation for q in second.quotes] == [q.translation for q in first.quotes]


def test_no_translation_when_the_reader_already_has_a_version(library: Library) -> None:
    reply = answerer.answer(library, "Was sagt Gomez über synthetische Daten?")
    for q in reply.quotes:
        if q.article.language == "de" or any(v.article.language == "de" for v in q.also_in):
            assert not needs_translation(q, "de")
    with serve() as fake:
        out = translator(fake).translate(reply)
    assert len(fake.requests) == sum(needs_translation(q, "de") for q in reply.quotes)
    assert all((q.translation is None) == (not needs_translation(q, "de")) for q in out.quotes)


@pytest.mark.parametrize("status", [500, 429, 403])
def test_a_failing_server_gives_the_original_quote_silently(library: Library, status: int) -> None:
    plain = answerer.answer(library, QUESTION)
    errors: list[str] = []
    with serve(status=status) as fake:
        reply = translator(fake, errors=errors).translate(plain)
    assert [q.translation for q in reply.quotes] == [None] * len(plain.quotes)
    assert [q.quote for q in reply.quotes] == [q.quote for q in plain.quotes]
    assert errors and all(e == f"HTTP {status}" for e in errors)


def test_a_slow_server_never_delays_the_answer_beyond_the_timeout(library: Library) -> None:
    plain = answerer.answer(library, QUESTION)
    errors: list[str] = []
    with serve(delay=1.5) as fake:
        service = translator(fake, timeout=0.4, errors=errors)
        service.client.codes()  # the language list is asked once, before
        started = time.monotonic()
        reply = service.translate(plain)
        elapsed = time.monotonic() - started
    assert elapsed < 1.5 and all(q.translation is None for q in reply.quotes)
    assert errors


def test_an_absent_server_is_no_error_for_the_user(library: Library) -> None:
    errors: list[str] = []
    service = Translator(LibreTranslate("http://127.0.0.1:9", None, 0.5), MemoryCache(), 0.5, on_error=errors.append)
    reply = service.translate(answerer.answer(library, QUESTION))
    assert all(q.translation is None for q in reply.quotes) and errors


def test_api_key_and_language_codes() -> None:
    with serve(api_key="k") as fake:
        assert LibreTranslate(fake.url, "k").translate("你好", "zh", "en") == "[en] 你好"
        assert LibreTranslate(fake.url, "k").codes() == {"zh": "zh", "zh-Hant": "zt", "de": "de", "en": "en"}
        with pytest.raises(TranslationError, match="403"):
            LibreTranslate(fake.url, "wrong").translate("你好", "zh", "en")
    assert fake.requests[0]["api_key"] == "k" and fake.requests[0]["source"] == "zh"
