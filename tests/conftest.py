"""Shared fixtures: every test gets its own data directory and settings; the library is built once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import Library
from corpus.loader import load_bundled


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the developer's environment, .env or data directory."""
    for key in list(os.environ):
        if key.startswith(("TELEGRAM_", "SLACK_", "DATABASE_URL", "ADMIN_USERS", "QUOTE_", "METRICS_")):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    from bot.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled corpus, indexed in memory (no database)."""
    corpus = load_bundled()
    return Library.from_passages(corpus.articles, corpus.passages)
