"""Shared fixtures: every test gets its own data directory and settings; the library is built once; an
AppContext (what every command and bot is built from) is made from them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answer.library import Library
from bot.runtime.context import AppContext
from bot.runtime.settings import Settings, load_settings
from corpus.loader import load_bundled

pytest_plugins = ["tests.pages"]


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the developer's environment, .env or data directory."""
    for key in list(os.environ):
        if key.startswith(("TELEGRAM_", "SLACK_", "DATABASE_URL", "ADMIN_USERS", "QUOTE_", "METRICS_")):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    from bot.runtime.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled corpus, indexed in memory (no database)."""
    corpus = load_bundled()
    return Library.build(corpus.articles, corpus.passages)


@pytest.fixture
def make_context(library: Library) -> Iterator[Callable[..., AppContext]]:
    """make_context(settings=None, library=None, platform="test") -> an AppContext answering from `library`
    (default: the bundled one in memory), its database this test's (opened on first use); closed afterwards."""
    made: list[AppContext] = []

    def make(settings: Settings | None = None, lib: Library | None = None, platform: str = "test",
             **overrides: Any) -> AppContext:
        ctx = AppContext(settings or load_settings(**overrides), lib or library, platform=platform)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def ctx(make_context: Callable[..., AppContext]) -> AppContext:
    """An AppContext on the bundled library and this test's SQLite database."""
    return make_context()


# -- databases: storage tests run on SQLite and, when TEST_POSTGRES_URL reaches a server, PostgreSQL --
_PG_SKIP: list[str] = []  # the reason PostgreSQL is unavailable, found once per session


def _pg_unavailable(base: str | None) -> str | None:
    if not base:
        return "PostgreSQL tests need TEST_POSTGRES_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
    if not _PG_SKIP:
        from sqlalchemy import create_engine, text

        engine = create_engine(base, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            _PG_SKIP.append("")
        except Exception as exc:  # any failure means: no server to test against
            from bot.runtime.settings import mask_url

            _PG_SKIP.append(f"PostgreSQL at {mask_url(base)} unreachable: {str(exc).splitlines()[0]}")
        finally:
            engine.dispose()
    return _PG_SKIP[0] or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema (dropped afterwards)."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    base = os.environ.get("TEST_POSTGRES_URL")
    if base and base.startswith(("postgres://", "postgresql://")):  # the installed driver is psycopg 3
        base = "postgresql+psycopg://" + base.split("://", 1)[1]
    reason = _pg_unavailable(base)
    if reason:
        pytest.skip(reason)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))  # a leaked transaction must not hang the suite
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL, once for a SQLite file and once for PostgreSQL (skipped without a server)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return request.getfixturevalue("pg_url")
