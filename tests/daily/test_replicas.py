"""Two bot replicas (separate processes) on one PostgreSQL database post each due quote exactly once,
also when one of them dies in the middle of a round."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from pathlib import Path
from typing import Any

import pytest

from bot.answer.library import Library
from bot.daily import subscriptions
from bot.daily.scheduler import Scheduler
from bot.db.engine import make_engine, open_database
from bot.runtime.live import LibraryHolder

pytestmark = pytest.mark.postgres

_LIBRARY: Library | None = None  # handed to forked children
ZONES = ["UTC", "Europe/Berlin", "Asia/Shanghai", "America/New_York"]
TIMES = ["2026-11-22T01:00", "2026-11-22T08:00", "2026-11-22T09:00", "2026-11-22T09:00:30",
         "2026-11-22T14:00", "2026-11-22T14:00:40"]


def _replica(url: str, name: str, times: list[str], out: str, barrier: Any, die_after: int | None) -> None:
    engine = make_engine(url)
    sent = 0

    def send(sub: Any, quote: Any) -> None:
        nonlocal sent
        if die_after is not None and sent == die_after:
            os._exit(17)  # killed between claim and send
        sent += 1
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"{sub.chat_id} {quote.passage_id} {name}\n")

    assert _LIBRARY is not None
    scheduler = Scheduler(engine, LibraryHolder(_LIBRARY), send, platform="telegram", rate=200, replica=name)
    for t in times:
        # One clock for all replicas, as they share wall time: each round starts when every replica has
        # finished the one before. (With a clock each, a replica at 09:00 could see another's 01:00
        # claim, still being sent, as 8 hours old, i.e. stale, and post it again.)
        barrier.wait(30)
        scheduler.run_once(dt.datetime.fromisoformat(t).replace(tzinfo=dt.UTC))
    engine.dispose()


def _run(url: str, out: Path, plans: list[tuple[str, list[str], int | None]]) -> list[int | None]:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(len(plans))
    procs = [ctx.Process(target=_replica, args=(url, name, times, str(out), barrier, die))
             for name, times, die in plans]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    return [p.exitcode for p in procs]


@pytest.fixture
def pg_engine(pg_url: str, library: Library) -> Any:
    global _LIBRARY
    _LIBRARY = library
    engine = open_database(pg_url)
    for i in range(40):
        subscriptions.subscribe(engine, "telegram", f"chat{i}", "09:00", ZONES[i % len(ZONES)],
                                now=dt.datetime(2026, 11, 22, tzinfo=dt.UTC))  # New York's first post: the 22nd
    engine.dispose()  # no pooled connection crosses the fork
    yield engine
    engine.dispose()


def _posts(out: Path) -> list[str]:
    return [line.split()[0] for line in out.read_text().splitlines()] if out.exists() else []


def test_two_replica_processes_post_each_due_quote_once(pg_url: str, pg_engine: Any, tmp_path: Path) -> None:
    out = tmp_path / "posts.txt"
    codes = _run(pg_url, out, [("r1", TIMES, None), ("r2", TIMES, None)])
    assert codes == [0, 0]
    posts = _posts(out)
    # every chat's 09:00 of the 22nd is due by 14:00 UTC (New York's last), each posted once
    assert sorted(posts) == sorted(f"chat{i}" for i in range(40))
    replicas = {line.split()[2] for line in out.read_text().splitlines()}
    assert replicas <= {"r1", "r2"}


def test_a_replica_dying_mid_round_loses_nothing_and_doubles_nothing(pg_url: str, pg_engine: Any,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "posts.txt"
    codes = _run(pg_url, out, [("dies", TIMES[:3], 3)])
    assert codes == [17]
    assert len(_posts(out)) == 3
    # the survivor (or a restarted bot) goes on; the dead one's open claim is taken over once stale
    later = ["2026-11-22T09:01", "2026-11-22T14:00", "2026-11-22T14:30"]
    codes = _run(pg_url, out, [("r1", later, None), ("r2", later, None)])
    assert codes == [0, 0]
    posts = _posts(out)
    assert sorted(posts) == sorted(f"chat{i}" for i in range(40))

