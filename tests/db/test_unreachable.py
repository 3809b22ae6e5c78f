"""A database that refuses, never answers or goes silent mid-connection costs bounded time, and one bad
question never spoils the others' saved state."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from bot.db import chat_state
from bot.db.engine import (
    CONNECT_TIMEOUT,
    SQLITE_BUSY_TIMEOUT,
    STATEMENT_TIMEOUT,
    make_engine,
    open_database,
    reachable,
)
from bot.runtime.health import DATABASE_CHECK_TIMEOUT, Health
from tests.db.blackhole import FreezingProxy, SilentServer


def timed(fn: Callable[[], Any], limit: float) -> tuple[Any, float]:
    """fn()'s result and duration; fails (instead of hanging the suite) when it takes over `limit` seconds."""
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # raised again in the caller's thread
            result.append(exc)

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), f"still running after {limit} s"
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0], time.monotonic() - started


# -- saved questions ---------------------------------------------------------------------------------------------
async def test_a_poisoned_question_does_not_fail_the_others_in_its_batch(db_url: str) -> None:
    engine = open_database(db_url)
    try:
        queries = chat_state.QueryStore(engine)
        texts = [f"question {i}" for i in range(10)]
        texts[4] = "lone surrogate \ud800 here"
        texts[7] = "a NUL \x00 character"
        ids = await asyncio.gather(*(queries.save(t) for t in texts))  # arriving together: one batch
        assert len(set(ids)) == 10
        fresh = chat_state.QueryStore(engine)  # read back from the database, not the memory
        stored = [await fresh.load(i) for i in ids]
        assert stored[:4] == texts[:4] and stored[8:] == texts[8:]
        assert stored[4] == "lone surrogate \ufffd here" and stored[7] == "a NUL \ufffd character"
    finally:
        engine.dispose()


def test_a_row_the_database_refuses_is_saved_alone_after_the_batch_fails(tmp_path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        with engine.begin() as conn:  # a constraint only some questions break
            conn.exec_driver_sql("CREATE TRIGGER no_bad BEFORE INSERT ON saved_queries WHEN NEW.text LIKE '%bad%' "
                                 "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        results = chat_state.save_each(["good 1", "bad", "good 2"], engine)
        assert isinstance(results[1], Exception)
        assert [chat_state.load_query(r, engine) for r in (results[0], results[2])] == ["good 1", "good 2"]
    finally:
        engine.dispose()


# -- engine bounds --------------------------------------------------------------------------------------------
def test_connecting_to_a_silent_server_gives_up_after_the_connect_timeout() -> None:
    with SilentServer() as silent:
        engine = make_engine(silent.url())
        try:
            with pytest.raises(Exception, match="timeout"):
                timed(lambda: reachable(engine), CONNECT_TIMEOUT + 5)
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_postgres_sessions_have_a_statement_timeout_and_keep_the_urls_options(pg_url: str) -> None:
    engine = make_engine(pg_url)  # pg_url sets search_path through `options`: both must hold
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == f"{STATEMENT_TIMEOUT}s"
            assert conn.execute(text("SHOW search_path")).scalar().startswith("test_")
    finally:
        engine.dispose()


def test_sqlite_writers_wait_a_bounded_time_for_each_other(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_TIMEOUT * 1000
    finally:
        engine.dispose()


# -- health ---------------------------------------------------------------------------------------------------
def _health(check: Callable[[], bool]) -> Health:
    return Health(check, lambda: 1)


def test_health_reports_a_silent_database_as_failing_within_its_bound() -> None:
    with SilentServer() as silent:
        engine = make_engine(silent.url())
        try:
            health = _health(lambda: reachable(engine))
            (status, body), took = timed(health.report, DATABASE_CHECK_TIMEOUT + 3)
            assert status == 503 and body["checks"]["database"] == {"ok": False, "error": "timeout"}
            assert took < DATABASE_CHECK_TIMEOUT + 1
            (status, body), took = timed(health.report, DATABASE_CHECK_TIMEOUT + 3)  # still stuck: no new attempt
            assert status == 503 and took < DATABASE_CHECK_TIMEOUT + 1
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_health_is_bounded_when_the_database_goes_silent_mid_connection(pg_url: str) -> None:
    """A paused database container: connections made before stay open but nothing comes back."""
    from sqlalchemy.engine import make_url

    real = make_url(pg_url)
    with FreezingProxy(real.host or "127.0.0.1", real.port or 5432) as proxy:
        engine = open_database(proxy.url(pg_url))
        try:
            health = _health(lambda: reachable(engine))
            assert health.report()[0] == 200  # a pooled connection now exists
            proxy.freeze()
            (status, body), took = timed(health.report, DATABASE_CHECK_TIMEOUT + 3)
            assert status == 503 and not body["checks"]["database"]["ok"]
            assert took < DATABASE_CHECK_TIMEOUT + 1
        finally:
            threading.Thread(target=engine.dispose, daemon=True).start()  # its connections hang too


HUNG_WRITE = """
import asyncio, sys, time
from bot.db import chat_state
from bot.db.engine import make_engine
chat_state.save_queries = lambda texts, engine: time.sleep(3600)  # a database that never answers
store = chat_state.QueryStore(make_engine(sys.argv[1]))
async def main():
    try:
        await asyncio.wait_for(store.save("a question"), 0.5)
    except TimeoutError:
        print("gave up")
asyncio.run(main())
"""


def test_a_write_that_never_returns_does_not_keep_the_process_alive(tmp_path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", HUNG_WRITE, f"sqlite:///{tmp_path / 'db.sqlite3'}"],
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "gave up", done.stderr
