"""`interview-bot ask` with a translation server: the `translation` field, the labelled line, the cache."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bot.adapters.cli import main
from bot.runtime.settings import get_settings
from tests.translation.fake_libretranslate import FakeLibreTranslate, serve


def run(*args: str) -> tuple[int, str]:
    get_settings.cache_clear()
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_without_a_server_the_output_is_as_before() -> None:
    code, out = run("ask", "--json", "What does Gomez think about synthetic data?")
    assert code == 0 and all("translation" not in r for r in json.loads(out)["results"])
    code, out = run("ask", "--translate", "de", "synthetic data")
    assert code == 2 and "TRANSLATE_URL" in out


def test_english_question_gets_translations_once(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve() as fake:
        monkeypatch.setenv("TRANSLATE_URL", fake.url)
        code, out = run("ask", "--json", "What does Gomez think about synthetic data?")
        first = len(fake.requests)
        code2, out2 = run("ask", "--json", "What does Gomez think about synthetic data?")
    assert code == 0 and code2 == 0 and out2 == out
    results = json.loads(out)["results"]
    assert results and first == len({r["passage_id"] for r in results if r["translation"]})
    assert len(fake.requests) == first  # the second run read the database's cache
    for r in results:
        assert r["translation"] == {"text": FakeLibreTranslate.translated(r["passage"], "en"), "language": "en",
                                    "engine": "libretranslate"}


def test_text_output_shows_the_labelled_translation_under_the_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve() as fake:
        monkeypatch.setenv("TRANSLATE_URL", fake.url)
        code, out = run("ask", "--translate", "de", "合成数据")
    assert code == 0 and "机器翻译（LibreTranslate）: [de]" in out  # labelled in the asker's language
    assert {r["target"] for r in fake.requests} == {"de"}


def test_a_server_down_changes_nothing_but_the_missing_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLATE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("TRANSLATE_TIMEOUT", "1")
    code, out = run("ask", "--json", "What does Gomez think about synthetic data?")
    assert code == 0
    assert all(r["translation"] is None for r in json.loads(out)["results"])
