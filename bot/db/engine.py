"""Opening a database: the one place engines are created and migrations are run."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from bot.db import migrations

CONNECT_TIMEOUT = 5  # seconds to reach a PostgreSQL server before giving up


def make_engine(url: str) -> Engine:
    """An engine for a database URL (nothing is run on it yet): creates the SQLite file's folder and
    turns on its foreign keys; PostgreSQL connections fail within CONNECT_TIMEOUT seconds."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///").split("?", 1)[0]).expanduser().parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"connect_timeout": CONNECT_TIMEOUT} if url.startswith("postgresql") else {}
    engine = create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.execute("PRAGMA foreign_keys=ON")  # type: ignore[attr-defined]


def open_database(url: str) -> Engine:
    """An engine for `url` with its schema brought up to date (the migrations run here, once)."""
    engine = make_engine(url)
    try:
        migrations.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def reachable(engine: Engine) -> bool:
    """Whether the database answers a trivial query now."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return True


def migrate(url: str, revision: str = "head") -> tuple[bool, str | None]:
    """Bring the database at `url` to `revision` (`interview-bot db upgrade`): (changed?, revision now)."""
    engine = make_engine(url)
    try:
        changed = migrations.upgrade(engine, revision)
        return changed, migrations.current(engine)
    finally:
        engine.dispose()


def revision(url: str) -> str | None:
    """The revision the database at `url` is at (None: never migrated)."""
    engine = make_engine(url)
    try:
        return migrations.current(engine)
    finally:
        engine.dispose()
