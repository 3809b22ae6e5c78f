"""Storage on SQLite and PostgreSQL: idempotent corpus loading, rebuilds keep data, the CLI on PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.answer.library import Library
from bot.db import chat_state
from bot.db import corpus_store as store
from bot.db.bundled import sync_bundled
from bot.db.engine import make_engine
from bot.db.library_store import open_library
from bot.db.schema import ArticleRow, PassageRow
from bot.runtime.settings import Settings, load_settings


def open_db_library(settings: Settings, rebuild: bool = False) -> Library:
    return open_library(settings.db_url, settings.data_dir, rebuild=rebuild)

CLI = [sys.executable, "-m", "bot.adapters.cli"]


def _snapshot(url: str) -> tuple[int, int, str, str]:
    """Article and passage counts, the corpus version and a digest of every passage row."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            articles = session.scalar(select(func.count()).select_from(ArticleRow))
            rows = session.execute(select(PassageRow.id, PassageRow.text, PassageRow.tokens)
                                   .order_by(PassageRow.id)).all()
            digest = hashlib.sha256(json.dumps([list(r) for r in rows], ensure_ascii=False).encode()).hexdigest()
            return articles, len(rows), store.corpus_version(session), digest
    finally:
        engine.dispose()


def test_loading_the_corpus_twice_changes_nothing(db_url: str) -> None:
    settings = load_settings(database_url=db_url)
    first = open_db_library(settings)
    before = _snapshot(db_url)
    assert before[0] == len(first.articles) > 0 and before[1] == len(first.passages) > 0
    second = open_db_library(settings)
    assert _snapshot(db_url) == before
    assert [p.id for p in second.passages] == [p.id for p in first.passages]
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            assert sync_bundled(session) is False  # already this very version: nothing written
    finally:
        engine.dispose()
    assert _snapshot(db_url) == before


def test_rebuilding_the_index_loses_no_data(db_url: str) -> None:
    """`interview-bot index` (a forced rebuild) replaces corpus rows only; other tables keep theirs."""
    settings = load_settings(database_url=db_url)
    lib = open_db_library(settings)
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            store.set_meta(session, "probe", "kept")
        query_id = chat_state.save_queries(["a question behind a More results button"], engine)[0]
        rebuilt = open_db_library(settings, rebuild=True)
        with Session(engine) as session:
            assert store.get_meta(session, "probe") == "kept"
        assert chat_state.load_query(query_id, engine) == "a question behind a More results button"
    finally:
        engine.dispose()
    articles, passages, version, _ = _snapshot(db_url)
    assert (articles, passages) == (len(lib.articles), len(lib.passages))
    assert len(rebuilt.passages) == len(lib.passages)
    assert int(version) == 2  # one bump for the first load, one for the rebuild


@pytest.mark.postgres
def test_cli_ask_against_postgres(pg_url: str, tmp_path: Path) -> None:
    """`DATABASE_URL=postgresql+psycopg://… interview-bot ask` migrates, loads and answers."""
    library = open_db_library(load_settings(database_url=f"sqlite:///{tmp_path / 'ref.sqlite3'}"))
    question = library.passages[0].text[:60]

    def ask(database_url: str) -> dict:
        env = {**os.environ, "DATABASE_URL": database_url, "XDG_DATA_HOME": str(tmp_path / "xdg")}
        done = subprocess.run([*CLI, "ask", "--json", question], env=env, capture_output=True, text=True,
                              timeout=180, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def quotes(reply: dict) -> list[tuple[str, str]]:
        return [(r["passage_id"], r["quote"]) for r in reply["results"]]

    on_sqlite = ask(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    on_postgres = [ask(pg_url), ask(pg_url)]  # a fresh database, then an existing one
    assert not list(tmp_path.glob("xdg/**/*.sqlite3"))  # the data went to PostgreSQL, not SQLite
    assert on_postgres[0] == on_postgres[1]
    assert quotes(on_postgres[0]) == quotes(on_sqlite)  # the same quotes as from SQLite
    assert on_sqlite["results"] and on_sqlite["results"][0]["passage_id"] == library.passages[0].id
    assert _snapshot(pg_url)[1] > 0


@pytest.mark.postgres
def test_replicas_starting_at_once_on_an_empty_database(pg_url: str) -> None:
    """Several processes opening one empty PostgreSQL database at once: one migrates and loads the
    corpus, the others wait for it and find it done (no duplicate-key errors, one corpus version)."""
    import threading

    settings = load_settings(database_url=pg_url)
    start = threading.Barrier(3)
    results: list[object] = []

    def open_library() -> None:
        start.wait(timeout=30)
        try:
            results.append(len(open_db_library(settings).passages))
        except Exception as exc:  # collected and asserted below
            results.append(exc)

    threads = [threading.Thread(target=open_library) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert len(results) == 3 and all(isinstance(r, int) and r > 0 for r in results), results
    _, passages, version, _ = _snapshot(pg_url)
    assert passages == results[0] and version == "1"
