"""Schema migrations (Alembic), applied on start: `upgrade(engine)` is idempotent and safe when
several processes start at once on PostgreSQL (they queue on an advisory lock)."""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import MetaData, inspect, text
from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
# Every module that defines tables on bot.store.Base; missing (not yet written) modules are skipped.
MODEL_MODULES = ("bot.store", "bot.chatstate", "bot.daily.models", "bot.importer.models")
BASELINE = "0001"  # the revision whose tables databases made before migrations already have
LOCK_KEY = 7_340_117_021  # PostgreSQL advisory lock id for "interview-bot schema"


def import_models() -> MetaData:
    """Import every model module so Base.metadata holds all tables; return that metadata."""
    for name in MODEL_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if not exc.name or not (name == exc.name or name.startswith(exc.name + ".")):
                raise
    from bot.store import Base

    return Base.metadata


def make_engine_for(url: str | None) -> Engine:
    """An engine for `url`, or for the configured database when it is empty."""
    from bot.settings import get_settings
    from bot.store import make_engine

    return make_engine(url or get_settings().db_url)


def alembic_config(connection: Connection | None = None) -> Config:
    """A programmatic Alembic config for the migrations shipped inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str | None:
    """The newest revision shipped with this version of interview-bot."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REV = re.compile(r"^revision(?:: *str)? *= *['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:: *[^=]+)? *= *(None|['\"]([^'\"]+)['\"])\s*$", re.M)


def _revisions() -> dict[str, str | None] | None:
    """revision -> down_revision, read straight from the version files (no Alembic import: ~ms on
    every start); None when a file is not in the plain form (then Alembic decides)."""
    revisions: dict[str, str | None] = {}
    for path in (HERE / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REV.search(source), _DOWN.search(source)
        if not rev or not down:
            return None
        revisions[rev.group(1)] = down.group(2)
    return revisions


def quick_head() -> str | None:
    """The head revision from the version files; None when it cannot be read that way."""
    revisions = _revisions()
    if not revisions:
        return None
    heads = set(revisions) - {d for d in revisions.values() if d}
    return heads.pop() if len(heads) == 1 else None


def _newer(rev: str | None) -> bool:
    """The database is at a revision this version does not know: a newer release migrated it."""
    revisions = _revisions()
    if rev is None or revisions is None or rev in revisions:
        return False
    log.warning("the database schema (revision %s) is newer than this version of interview-bot: "
                "not migrating", rev)
    return True


def _state(conn: Connection) -> tuple[str | None, set[str]]:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision(), set(inspect(conn).get_table_names())


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: never migrated)."""
    with engine.connect() as conn:
        return _state(conn)[0]


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Bring the schema to `revision`; return whether anything changed. Idempotent."""
    metadata = import_models()
    wanted = {t.name for t in metadata.sorted_tables}
    target = quick_head() if revision == "head" else revision
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        rev = None
        if "alembic_version" in tables:
            rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if (target and rev == target and wanted <= tables) or _newer(rev):
        return False
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # one migrator at a time; the others then find it done
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        cfg = alembic_config(conn)
        rev, tables = _state(conn)
        if _newer(rev):  # migrated by a newer replica while this one waited for the lock
            return False
        if rev is None and "articles" in tables:  # made by create_all before there were migrations
            log.warning("database has tables but no migration history: stamping revision %s", BASELINE)
            command.stamp(cfg, BASELINE)
        command.upgrade(cfg, revision)
        missing = [t for t in metadata.sorted_tables if not inspect(conn).has_table(t.name)]
        if missing and revision == "head":
            # a model without a migration yet (tests/deploy/test_migrations.py fails for it): still run
            log.warning("tables without a migration, created directly: %s", ", ".join(t.name for t in missing))
            metadata.create_all(conn, tables=missing)
    return True
