"""Chat state that must survive a restart, shared by the chat adapters (Telegram, Slack).

`SavedQuery` keeps the questions behind "more results" buttons: a button carries only the query's id
(button payloads are small), and the question is read back from the database when it is pressed.

`QueryStore` is the event loop's way in: the database work runs on one worker thread (a commit
costs milliseconds, mostly the disk's), new questions arriving together are written in one
transaction, and a question asked again gets the id it was saved under (remembered for the last
REMEMBERED questions), so a popular question costs no write at all. A button is only sent once its
question is committed, so it keeps working after a restart.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, Integer, Text, insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from bot import store
from bot.settings import get_settings


class SavedQuery(store.Base):
    """A question someone asked, referenced by id from "more results" buttons."""

    __tablename__ = "saved_queries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def get_engine(url: str | None = None) -> Engine:
    """A shared engine for `url` (default: the settings' database), its schema created on first use."""
    url = url or get_settings().db_url
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = store.make_engine(url)
            store.create_schema(engine)  # runs the migrations (idempotent)
            _engines[url] = engine
        return engine


def save_query(text: str, engine: Engine | None = None) -> int:
    """Store a question; return its id."""
    with Session(engine or get_engine()) as session, session.begin():
        row = SavedQuery(text=text)
        session.add(row)
        session.flush()
        return row.id


def load_query(query_id: int, engine: Engine | None = None) -> str | None:
    """The stored question with this id, or None when there is none."""
    with Session(engine or get_engine()) as session:
        row = session.get(SavedQuery, query_id)
        return row.text if row else None


def save_queries(texts: Sequence[str], engine: Engine) -> list[int]:
    """Store several questions in one transaction; return their ids, in order."""
    if not texts:
        return []
    table = SavedQuery.__table__
    now = datetime.now(UTC)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    with engine.begin() as conn:  # one multi-row INSERT … RETURNING (SQLite >= 3.35, PostgreSQL)
        return list(conn.execute(statement, [{"text": t, "created_at": now} for t in texts]).scalars())


T = TypeVar("T")
REMEMBERED = 4096  # questions whose id is known without the database
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chatstate")  # one writer: SQLite's way anyway


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
        self._pending: dict[str, asyncio.Future[int]] = {}
        self._writer: asyncio.Task[None] | None = None
        self.writes = 0  # transactions committed (for tests and benchmarks)

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if _in_memory(self.engine):
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(_worker, fn, *args)

    def _known(self, text: str, query_id: int) -> None:
        self._ids[text] = query_id
        self._ids.move_to_end(text)
        self._texts[query_id] = text
        while len(self._ids) > self.remember:
            _, old = self._ids.popitem(last=False)
            self._texts.pop(old, None)

    async def save(self, text: str) -> int:
        """The id of a stored question with this text (stored now unless known)."""
        query_id = self._ids.get(text)
        if query_id is not None:
            self._ids.move_to_end(text)
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
        text = self._texts.get(query_id)
        if text is not None:
            return text
        text = await self._run(load_query, query_id, self.engine)
        if text is not None:
            self._known(text, query_id)
        return text
