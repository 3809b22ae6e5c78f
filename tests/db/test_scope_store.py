"""Chats' scopes in the database (SQLite and PostgreSQL): set, reset, seen by another replica, kept when the
database goes away, and one unreadable row affecting no other chat."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, insert

from bot.answer.scope import Scope
from bot.db.engine import open_database
from bot.db.schema import ChatScope, utcnow
from bot.db.scope_store import ScopeBook

GERMAN = Scope(languages=("de",))
DAI = Scope(articles=("xinpiceng-dai-yusen",), speakers=("戴雨森",))


def test_set_get_reset_and_another_replica_sees_it(db_url: str) -> None:
    engine = open_database(db_url)
    mine, other = ScopeBook(engine), ScopeBook(engine, ttl=0.0)
    assert mine.get("telegram", -100) is None and other.get("telegram", -100) is None
    mine.set("telegram", -100, GERMAN, by="telegram:1")
    mine.set("slack", "C1", DAI, by="slack:U1")
    assert mine.get("telegram", "-100") == GERMAN and mine.get("slack", "C1") == DAI
    assert mine.get("slack", "-100") is None  # platforms apart
    deadline = time.monotonic() + 5
    while other.get("telegram", -100) != GERMAN and time.monotonic() < deadline:  # re-read in the background
        time.sleep(0.05)
    assert other.get("telegram", -100) == GERMAN and other.get("slack", "C1") == DAI
    mine.set("telegram", -100, DAI, by="telegram:1")  # replaced, not added
    assert mine.get("telegram", -100) == DAI
    assert mine.reset("telegram", -100) and not mine.reset("telegram", -100)
    assert mine.get("telegram", -100) is None and mine.get("slack", "C1") == DAI
    engine.dispose()


def test_an_unreadable_row_affects_no_other_chat(tmp_path: pytest.TempPathFactory) -> None:
    engine = open_database(f"sqlite:///{tmp_path}/s.db")
    with engine.begin() as conn:
        conn.execute(insert(ChatScope).values(platform="slack", chat_id="CBAD", scope={"article": "oops"},
                                              set_by="x", updated_at=utcnow()))
    book = ScopeBook(engine)
    book.set("slack", "CGOOD", GERMAN, by="slack:U1")
    fresh = ScopeBook(engine)
    assert fresh.get("slack", "CGOOD") == GERMAN and fresh.get("slack", "CBAD") is None
    engine.dispose()


def test_without_a_database_chats_are_answered_unscoped_and_known_scopes_stay(tmp_path: pytest.TempPathFactory
                                                                               ) -> None:
    down = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1})
    assert ScopeBook(down).get("telegram", 1) is None  # never read: unscoped, no exception

    engine = open_database(f"sqlite:///{tmp_path}/s.db")
    book = ScopeBook(engine, ttl=0.0)
    book.set("telegram", 1, GERMAN, by="telegram:1")
    assert book.get("telegram", 1) == GERMAN
    book.engine = down  # the database goes away: re-reads fail, the last scopes read stay in force
    for _ in range(3):
        assert book.get("telegram", 1) == GERMAN
        time.sleep(0.05)
    engine.dispose()


def test_concurrent_first_reads_all_wait_for_the_scopes_and_a_silent_database_for_one_second_once(
        tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a restart many answers ask at once: each gets the chat's scope (none answers unscoped while the
    first read is under way); a database that does not answer delays the first answers by FIRST_WAIT, no
    later one."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.db import scope_store

    engine = open_database(f"sqlite:///{tmp_path}/s.db")
    ScopeBook(engine).set("telegram", 1, GERMAN, by="telegram:1")
    book = ScopeBook(engine)
    read = book._read

    def slow_read() -> dict[tuple[str, str], Scope]:
        time.sleep(0.3)
        return read()

    monkeypatch.setattr(book, "_read", slow_read)
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(lambda _: book.get("telegram", 1), range(8))) == [GERMAN] * 8

    silent = ScopeBook(engine)
    release = threading.Event()
    monkeypatch.setattr(silent, "_read", lambda: release.wait(30) and read())
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda _: silent.get("telegram", 1), range(4))) == [None] * 4
    assert scope_store.FIRST_WAIT <= time.monotonic() - started < scope_store.FIRST_WAIT + 1
    started = time.monotonic()
    assert silent.get("telegram", 1) is None and time.monotonic() - started < 0.2  # not waited for again
    release.set()
    engine.dispose()
