"""Chat state that must survive a restart, shared by the chat adapters (Telegram, Slack).

`SavedQuery` keeps the questions behind "more results" buttons: a button carries only the query's id
(button payloads are small), and the question is read back from the database when it is pressed.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, Text
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
