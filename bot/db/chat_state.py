"""Chat state that must survive a restart and work across replicas: the questions behind buttons.

"More results" and "share" buttons, on Telegram and Slack alike, carry only the id of the question in
`saved_queries` (button payloads are small), and the question is read back when a button is pressed,
by whichever replica gets the press.

`QueryStore` is the one way in. From the event loop (`save`/`load`) the database work runs on one
worker thread (a commit costs milliseconds, mostly the disk's) and new questions arriving together are
written in one transaction; threads (`save_now`/`load_now`) write directly. A question asked again gets
the id it was saved under (remembered for the last REMEMBERED questions), so a popular question costs
no write at all. A button is only sent once its question is committed, so it keeps working after a
restart.

The state is a convenience, never a condition of an answer: callers bound their wait for it (and send
no button when it is not saved in time). One question never spoils another's row: text the database
cannot store (lone surrogates, NUL) is replaced by U+FFFD, and when a batch is refused for its data the
rows are written one by one. The worker is a daemon thread, so a database that never answers cannot
keep the process from exiting.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Table, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from bot.db.schema import SavedQuery

log = logging.getLogger(__name__)


def load_query(query_id: int, engine: Engine) -> str | None:
    """The stored question with this id, or None when there is none."""
    with Session(engine) as session:
        row = session.get(SavedQuery, query_id)
        return row.text if row else None


UNSTORABLE = re.compile("[\ud800-\udfff\x00]")  # lone surrogates (not UTF-8) and NUL (refused by PostgreSQL)
UNREACHABLE = (OperationalError, DisconnectionError, PoolTimeout)  # the database, not the data: no row would do


def storable(text: str) -> str:
    """`text` as any database stores it: lone surrogates and NUL characters replaced by U+FFFD."""
    return text if text.isascii() and "\x00" not in text else UNSTORABLE.sub("\ufffd", text)


def save_queries(texts: Sequence[str], engine: Engine) -> list[int]:
    """Store several questions in one transaction; return their ids, in order."""
    if not texts:
        return []
    table = cast(Table, SavedQuery.__table__)
    now = datetime.now(UTC)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    with engine.begin() as conn:  # one multi-row INSERT … RETURNING (SQLite >= 3.35, PostgreSQL)
        rows = [{"text": storable(t), "created_at": now} for t in texts]
        return list(conn.execute(statement, rows).scalars())


def save_each(texts: Sequence[str], engine: Engine) -> list[int | Exception]:
    """Store several questions in one transaction; when the database refuses that batch for its data,
    store them one by one, so that one bad row fails alone. The id, or the exception, of each."""
    try:
        return list(save_queries(texts, engine))
    except UNREACHABLE:
        raise  # one transaction per row would only wait longer for the same answer
    except Exception as exc:
        if len(texts) == 1:
            raise
        log.warning("saving %d questions at once failed (%s): saving them one by one", len(texts),
                    type(exc).__name__)
    results: list[int | Exception] = []
    for text in texts:
        try:
            results.append(save_queries([text], engine)[0])
        except Exception as exc:  # this row's failure, handed to whoever waits for it
            results.append(exc)
    return results


T = TypeVar("T")
REMEMBERED = 4096  # questions whose id is known without the database
MAX_PENDING = 10_000  # questions waiting for the database; more are refused at once (it is down or too slow)


class DaemonWorker:
    """One daemon thread running the calls submitted to it, in order. Unlike a ThreadPoolExecutor's thread,
    one stuck on a database that never answers does not keep the interpreter from exiting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = \
            queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, args=(self._queue,), name=self.name, daemon=True)
                self._thread.start()
            self._queue.put((future, fn, args))
        return future

    @staticmethod
    def _work(calls: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None]) -> None:
        while (item := calls.get()) is not None:
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # the caller's to handle
                future.set_exception(exc)

    def shutdown(self, timeout: float | None = None) -> None:
        """Let the thread finish what was submitted (waiting at most `timeout` seconds) and end; a later
        submit starts a new thread (with a queue of its own)."""
        with self._lock:
            thread, self._thread = self._thread, None
            calls, self._queue = self._queue, queue.SimpleQueue()
        if thread is not None:
            calls.put(None)
            thread.join(timeout)


def _in_memory(engine: Engine) -> bool:
    """An in-memory SQLite database exists per connection, i.e. per thread here: stay on the caller's."""
    return engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")


class QueryStore:
    """Saved questions for "more results" buttons, for async code (see the module docstring)."""

    def __init__(self, engine: Engine, remember: int = REMEMBERED) -> None:
        self.engine = engine
        self.remember = remember
        self._ids: OrderedDict[str, int] = OrderedDict()  # question -> id, most recent last
        self._texts: dict[int, str] = {}  # the same, reversed
        self._lock = threading.Lock()  # the two maps, for threads (save_now) and the loop alike
        self._pending: dict[str, asyncio.Future[int]] = {}
        self._writer: asyncio.Task[None] | None = None
        self._worker = DaemonWorker("chat-state")  # one writer
        self.writes = 0  # transactions committed (for tests and benchmarks)

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if _in_memory(self.engine):
            return fn(*args)
        return await asyncio.wrap_future(self._worker.submit(fn, *args))

    def _known(self, text: str, query_id: int) -> None:
        with self._lock:
            self._ids[text] = query_id
            self._ids.move_to_end(text)
            self._texts[query_id] = text
            while len(self._ids) > self.remember:
                _, old = self._ids.popitem(last=False)
                self._texts.pop(old, None)

    def _id_of(self, text: str) -> int | None:
        with self._lock:
            query_id = self._ids.get(text)
            if query_id is not None:
                self._ids.move_to_end(text)
            return query_id

    def save_now(self, text: str) -> int:
        """The id of a stored question with this text (stored now unless known), from a thread."""
        query_id = self._id_of(text)
        if query_id is None:
            query_id = save_queries([text], self.engine)[0]
            self.writes += 1
            self._known(text, query_id)
        return query_id

    def load_now(self, query_id: int) -> str | None:
        """The stored question with this id, or None, from a thread."""
        with self._lock:
            text = self._texts.get(query_id)
        if text is None:
            text = load_query(query_id, self.engine)
            if text is not None:
                self._known(text, query_id)
        return text

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker thread (waiting at most `timeout` seconds for a write in progress)."""
        self._worker.shutdown(timeout)

    async def save(self, text: str) -> int:
        """The id of a stored question with this text (stored now unless known). It waits for the database:
        callers that must not, bound the wait (the write goes on, and a later ask finds the id)."""
        query_id = self._id_of(text)
        if query_id is not None:
            return query_id
        future = self._pending.get(text)
        if future is None:
            if len(self._pending) >= MAX_PENDING:
                raise RuntimeError(f"{MAX_PENDING} questions already wait for the database")
            future = self._pending[text] = asyncio.get_running_loop().create_future()
            if self._writer is None or self._writer.done():
                self._writer = asyncio.ensure_future(self._write())
        return await asyncio.shield(future)

    async def _write(self) -> None:
        """Commit the waiting questions, in batches, until none waits."""
        while self._pending:
            batch, self._pending = self._pending, {}
            results: list[int | BaseException]
            try:
                results = list(await self._run(save_each, list(batch), self.engine))
            except BaseException as exc:  # also cancellation: nobody may wait forever
                results = [exc] * len(batch)
                if not isinstance(exc, Exception):
                    for future in batch.values():
                        future.cancel()
                    raise
            if any(not isinstance(r, BaseException) for r in results):
                self.writes += 1
            for (text, future), result in zip(batch.items(), results, strict=True):
                if isinstance(result, BaseException):
                    if not future.done():
                        future.set_exception(result)
                        future.add_done_callback(lambda f: f.exception())  # retrieved, even if nobody waits
                    continue
                self._known(text, result)
                if not future.done():
                    future.set_result(result)

    async def load(self, query_id: int) -> str | None:
        """The stored question with this id, or None."""
        with self._lock:
            text = self._texts.get(query_id)
        if text is not None:
            return text
        text = await self._run(load_query, query_id, self.engine)
        if text is not None:
            self._known(text, query_id)
        return text
