"""The one-shot `ask` starts quickly: a current corpus snapshot replaces the database path, and no chat,
migration or SQLAlchemy library is imported for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.answer import answerer
from bot.answer.library import Library
from bot.db import corpus_store as store
from bot.db import index_cache
from bot.db.engine import make_engine
from bot.db.library_store import open_library
from bot.runtime.settings import Settings, load_settings


def open_db_library(settings: Settings) -> Library:
    return open_library(settings.db_url, settings.data_dir)


def open_snapshot(settings: Settings) -> Library | None:
    return index_cache.open_snapshot(settings.db_url, settings.data_dir)

HEAVY = ("sqlalchemy", "alembic", "telegram", "slack_bolt", "slack_sdk", "aiohttp", "trafilatura", "scipy",
         "jieba", "rank_bm25", "bm25s", "prometheus_client")
QUESTIONS = ("戴雨森怎么看 AI 创业的机会？", "Why did Gomez start Cohere?", "Was sagt Gomez über Datenqualität?")

PROBE = """
import sys
from bot.adapters.cli import main
try:
    main(["ask", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
print("LOADED", ",".join(m for m in sys.argv[2].split(",") if m in sys.modules))
"""


def run_ask(question: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, question, ",".join(HEAVY)], capture_output=True,
                         text=True, timeout=300, check=True)
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("LOADED")][-1]
    return [m for m in line.removeprefix("LOADED ").split(",") if m]


def test_ask_imports_no_chat_or_database_library_once_built() -> None:
    first = run_ask(QUESTIONS[0])  # builds the database, index and snapshot
    assert not {"telegram", "slack_bolt", "slack_sdk", "aiohttp", "trafilatura", "scipy", "jieba"} & set(first)
    assert run_ask(QUESTIONS[1]) == []


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}", data_dir=tmp_path / "data")


def test_snapshot_library_answers_like_the_database_one(settings: Settings) -> None:
    slow = open_db_library(settings)
    quick = open_snapshot(settings)
    assert quick is not None
    assert [p.id for p in quick.passages] == [p.id for p in slow.passages]
    assert [p.versions for p in quick.passages] == [p.versions for p in slow.passages]
    assert [p.tokens for p in quick.passages] == [p.tokens for p in slow.passages]
    assert quick.articles.keys() == slow.articles.keys()
    for question in QUESTIONS:
        a, b = answerer.answer(quick, question), answerer.answer(slow, question)
        assert a.quotes, question
        assert [(q.passage_id, q.quote, q.highlights, [v.passage_id for v in q.also_in]) for q in a.quotes] == \
               [(q.passage_id, q.quote, q.highlights, [v.passage_id for v in q.also_in]) for q in b.quotes]


def test_snapshot_ignored_once_the_corpus_changed(settings: Settings) -> None:
    open_db_library(settings)
    assert open_snapshot(settings) is not None
    engine = make_engine(settings.db_url)
    with Session(engine) as session, session.begin():
        store.bump_corpus_version(session)
    assert open_snapshot(settings) is None  # another corpus version: open the database
    open_db_library(settings)
    assert open_snapshot(settings) is not None  # and the snapshot follows
    with Session(engine) as session, session.begin():
        store.set_meta(session, store.BUNDLED_KEY, "another bundled corpus")
    engine.dispose()
    assert open_snapshot(settings) is None


def test_no_snapshot_for_other_databases(tmp_path: Path) -> None:
    assert open_snapshot(load_settings(database_url="sqlite:///:memory:", data_dir=tmp_path)) is None
    missing = load_settings(database_url=f"sqlite:///{tmp_path / 'none.sqlite3'}", data_dir=tmp_path)
    assert open_snapshot(missing) is None
    assert not (tmp_path / "none.sqlite3").exists()  # looking does not create the database
    pg = load_settings(database_url="postgresql+psycopg://u:p@127.0.0.1:1/db", data_dir=tmp_path)
    assert open_snapshot(pg) is None


def test_bundled_key_is_the_stores() -> None:
    assert index_cache.BUNDLED_KEY == store.BUNDLED_KEY
