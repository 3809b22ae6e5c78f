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
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Table, insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db.schema import SavedQuery


def load_query(query_id: int, engine: Engine) -> str | None:
    """The stored question with this id, or None when there is none."""
    with Session(engine) as session:
        row = session.get(SavedQuery, query_id)
        return row.text if row else None


def save_queries(texts: Sequence[str], engine: Engine) -> list[int]:
    """Store several questions in one transaction; return their ids, in order."""
    if not texts:
        return []
    table = cast(Table, SavedQuery.__table__)
    now = datetime.now(UTC)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    with engine.begin() as conn:  # one multi-row INSERT … RETURNING (SQLite >= 3.35, PostgreSQL)
        return list(conn.execute(statement, [{"text": t, "created_at": now} for t in texts]).scalars())


T = TypeVar("T")
REMEMBERED = 4096  # questions whose id is known without the database


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
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-state")  # one writer
        self.writes = 0  # transactions committed (for tests and benchmarks)

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if _in_memory(self.engine):
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._worker, fn, *args)

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

    def close(self) -> None:
        """Stop the worker thread (waiting for a write in progress)."""
        self._worker.shutdown(wait=True)

    async def save(self, text: str) -> int:
        """The id of a stored question with this text (stored now unless known)."""
        query_id = self._id_of(text)
        if query_id is not None:
            return query_id
        future = self._pending.get(text)
        if future is None:
            future = self._pending[text] = asyncio.get_running_loop().create_future()
            if self._writer is None or self._writer.done():
                self._writer = asyncio.ensure_future(self._write())
        return await asyncio.shield(future)

    async def _write(self) -> None:
        """Commit the waiting questions, in batches, until none waits."""
        while self._pending:
            batch, self._pending = self._pending, {}
            try:
                ids = await self._run(save_queries, list(batch), self.engine)
                self.writes += 1
                for (text, future), query_id in zip(batch.items(), ids, strict=True):
                    self._known(text, query_id)
                    if not future.done():
                        future.set_result(query_id)
            except BaseException as exc:  # also cancellation: nobody may wait forever
                for future in batch.values():
                    if future.done():
                        continue
                    if isinstance(exc, Exception):
                        future.set_exception(exc)
                        future.add_done_callback(lambda f: f.exception())  # retrieved, even if nobody waits
                    else:
                        future.cancel()
                if not isinstance(exc, Exception):
                    raise

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
