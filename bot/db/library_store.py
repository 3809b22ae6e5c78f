"""Opening the Library from the database: the bundled corpus synced, the saved index reused."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.answer.library import Library
from bot.db import corpus_store as store
from bot.db.bundled import Progress, sync_bundled
from bot.db.engine import open_database
from bot.db.index_cache import load_or_build
from retrieval.terms import tokenizer_version


def sync(engine: Engine, progress: Progress | None = None, rebuild: bool = False) -> bool:
    """Store the bundled corpus unless the database already holds this version of it."""
    with Session(engine) as session, session.begin():
        return sync_bundled(session, progress, force=rebuild)


def load_library(engine: Engine, db_url: str, data_dir: Path, progress: Progress | None = None,
                 rebuild: bool = False) -> Library:
    """The Library of what the database at `db_url` (opened as `engine`) holds, first (re)storing the
    bundled corpus when needed; the index saved beside the database is used unless the corpus changed."""
    sync(engine, progress, rebuild)
    with Session(engine) as session:
        articles, passages = store.load_all(session)
        version = store.corpus_version(session)
    index = load_or_build(db_url, data_dir, version, tokenizer_version(), passages, articles)
    return Library(articles, passages, index)


def open_library(db_url: str, data_dir: Path, progress: Progress | None = None, rebuild: bool = False) -> Library:
    """The Library of the database at `db_url` (opened, migrated and closed again here)."""
    engine = open_database(db_url)
    try:
        return load_library(engine, db_url, data_dir, progress, rebuild)
    finally:
        engine.dispose()
