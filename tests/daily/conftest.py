"""Fixtures for the daily quote: a database with the subscription tables, and a recording sender."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from bot.answer.reply import Quote
from bot.db.engine import open_database
from bot.db.schema import Subscription


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An empty database (SQLite file, and PostgreSQL when TEST_POSTGRES_URL reaches a server)."""
    eng = open_database(db_url)
    yield eng
    eng.dispose()


class Outbox:
    """A `send` that records posts and can be told to fail for some chats."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, str]] = []  # (chat_id, passage_id)
        self.fail: dict[str, Exception | BaseException] = {}
        self.lock = threading.Lock()

    def __call__(self, sub: Subscription, quote: Quote) -> str:
        error = self.fail.get(sub.chat_id)
        if error is not None:
            raise error
        with self.lock:
            self.posts.append((sub.chat_id, quote.passage_id))
            return str(len(self.posts))

    def chats(self) -> list[str]:
        return [c for c, _ in self.posts]


@pytest.fixture
def outbox() -> Outbox:
    return Outbox()


def at(text: str) -> dt.datetime:
    """'2026-11-22T09:00' (UTC) -> aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
