"""Opening a database: the one place engines are created and migrations are run.

Bounds. PostgreSQL: a new connection must be made within CONNECT_TIMEOUT seconds, a statement ends after
STATEMENT_TIMEOUT (the server cancels it), TCP keepalives notice a vanished host on an open connection,
and taking a connection from the pool waits at most POOL_TIMEOUT. SQLite: a writer waits at most
SQLITE_BUSY_TIMEOUT for another's lock. A server that keeps an open connection but never answers (a
paused container) is not bounded by any of these: code that must not hang on it (health, chat state)
bounds its own wait.

Several processes starting at once on a fresh SQLite file take turns (`first_run_lock`, a lock file
beside the database) to create the schema and store the corpus; on PostgreSQL advisory locks do that.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from bot.db import migrations

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock (run one process first there)
    fcntl = None  # type: ignore[assignment]

CONNECT_TIMEOUT = 5  # seconds to reach a PostgreSQL server before giving up
STATEMENT_TIMEOUT = 30  # seconds a PostgreSQL statement may run (lock waits included) before it is cancelled
POOL_TIMEOUT = 10  # seconds to wait for a free pooled connection
SQLITE_BUSY_TIMEOUT = 10  # seconds a SQLite writer waits for another process's lock
FIRST_RUN_WAIT = 300  # seconds to wait for another process setting up the same SQLite file
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


class DatabaseBusy(RuntimeError):
    """Another process kept the database's first-run lock for longer than FIRST_RUN_WAIT."""


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:") or "mode=memory" in url:
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(path).expanduser() if path else None


def _postgres_args(url: str) -> dict[str, Any]:
    """psycopg connection arguments: the bounds above, the URL's own `options` kept (and winning)."""
    own = make_url(url).query.get("options") or ""
    if isinstance(own, tuple):
        own = " ".join(own)
    options = f"-c statement_timeout={STATEMENT_TIMEOUT * 1000} {own}".strip()
    return {"connect_timeout": CONNECT_TIMEOUT, "options": options, **KEEPALIVE}


def make_engine(url: str) -> Engine:
    """An engine for a database URL (nothing is run on it yet): creates the SQLite file's folder and
    turns on its foreign keys; the bounds of the module docstring."""
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("postgresql"):
        engine = create_engine(url, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT, connect_args=_postgres_args(url))
    elif url.startswith("sqlite"):
        engine = create_engine(url, pool_pre_ping=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def _sqlite_foreign_keys(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.execute("PRAGMA foreign_keys=ON")  # type: ignore[attr-defined]


@contextmanager
def first_run_lock(url: str) -> Iterator[None]:
    """Hold the set-up lock of a SQLite file (a `.lock` file beside it): processes creating its schema or
    storing the corpus take turns. Nothing for other databases. DatabaseBusy after FIRST_RUN_WAIT."""
    file = sqlite_file(url)
    if file is None or fcntl is None:
        yield
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{file}.lock", "a") as lock:
        deadline = time.monotonic() + FIRST_RUN_WAIT
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseBusy(f"another process has been setting up {file} for over "
                                       f"{FIRST_RUN_WAIT} s") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def open_database(url: str) -> Engine:
    """An engine for `url` with its schema brought up to date (the migrations run here, once)."""
    engine = make_engine(url)
    try:
        with first_run_lock(url):
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
        with first_run_lock(url):
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
