"""The BM25 index is saved beside the database and loaded on the next start; rebuilt when the corpus changes."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.orm import Session

from bot.answer import answerer
from bot.answer.library import Library
from bot.db import corpus_store as store
from bot.db import index_cache
from bot.db.engine import make_engine
from bot.db.library_store import open_library
from bot.runtime.settings import Settings, load_settings
from retrieval.bm25 import BM25Index


def open_db_library(settings: Settings) -> Library:
    return open_library(settings.db_url, settings.data_dir)


def index_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{index_cache.PREFIX}*.npz"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(database_url=f"sqlite:///{tmp_path / 'db' / 'bot.sqlite3'}", data_dir=tmp_path / "data")


def test_saved_then_loaded_not_rebuilt(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_db_library(settings)
    files = index_files(tmp_path / "db")
    assert len(files) == 1  # beside the SQLite file

    def no_build(*_a: object, **_k: object) -> BM25Index:
        raise AssertionError("the saved index should have been loaded")

    monkeypatch.setattr(BM25Index, "build", no_build)
    second = open_db_library(settings)
    assert second.index.vocab == first.index.vocab
    np.testing.assert_array_equal(second.index.weights.data, first.index.weights.data)
    question = "你怎么看 AI 创业"
    ids = [q.passage_id for q in answerer.answer(first, question).quotes]
    assert ids and [q.passage_id for q in answerer.answer(second, question).quotes] == ids


def test_rebuilt_when_corpus_version_changes(settings: Settings, tmp_path: Path) -> None:
    open_db_library(settings)
    old = index_files(tmp_path / "db")
    engine = make_engine(settings.db_url)
    with Session(engine) as session, session.begin():
        store.bump_corpus_version(session)
    engine.dispose()
    open_db_library(settings)
    new = index_files(tmp_path / "db")
    assert len(new) == 1 and new != old  # a new key, and the stale file was deleted


def test_unreadable_file_is_rebuilt(settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first = open_db_library(settings)
    (path,) = index_files(tmp_path / "db")
    path.write_bytes(b"not an index")
    with caplog.at_level(logging.WARNING, logger="bot.db.index_cache"):
        again = open_db_library(settings)
    assert "rebuilding the index" in caplog.text
    assert again.index.vocab == first.index.vocab
    assert BM25Index.load(path).size == len(first.passages)  # saved again


def test_key_follows_passages_and_tokenizer(library: Library) -> None:
    passages = library.passages
    key = index_cache.index_key("3", "tok1", passages)
    assert key == index_cache.index_key("3", "tok1", list(passages))
    assert key != index_cache.index_key("4", "tok1", passages)
    assert key != index_cache.index_key("3", "tok2", passages)
    assert key != index_cache.index_key("3", "tok1", passages[1:])


def test_where_the_index_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert index_cache.cache_dir(f"sqlite:///{tmp_path}/x/db.sqlite3", data) == (tmp_path / "x").resolve()
    assert index_cache.cache_dir("sqlite:///:memory:", data) is None
    assert index_cache.cache_dir("sqlite://", data) is None
    assert index_cache.cache_dir("postgresql+psycopg://u:p@localhost/db", data) == data
    a = index_cache.index_path("postgresql+psycopg://u:p@h1/db", data, "k")
    b = index_cache.index_path("postgresql+psycopg://u:p@h2/db", data, "k")
    assert a != b and "p@h1" not in str(a)  # one file per database; the URL is hashed, not written


def test_in_memory_database_saves_nothing(tmp_path: Path, library: Library) -> None:
    index = index_cache.load_or_build("sqlite:///:memory:", tmp_path, "1", "t", library.passages)
    assert index.size == len(library.passages)
    assert list(tmp_path.iterdir()) == []
