"""Schema migrations (Alembic), applied on start: `upgrade(engine)` is idempotent and safe when
several processes start at once on PostgreSQL (they queue on an advisory lock)."""

from __future__ import annotations

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
BASELINE = "0001"  # the revision whose tables databases made before migrations already have
LOCK_KEY = 7_340_117_021  # PostgreSQL advisory lock id for "interview-bot schema"


def metadata() -> MetaData:
    """Every table of interview-bot (bot.db.schema)."""
    from bot.db.schema import Base

    return Base.metadata


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
    log.debug("checking the database schema")
    tables_wanted = metadata()
    wanted = {t.name for t in tables_wanted.sorted_tables}
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
        missing = [t for t in tables_wanted.sorted_tables if not inspect(conn).has_table(t.name)]
        if missing and revision == "head":
            # a model without a migration yet (tests/deploy/test_migrations.py fails for it): still run
            log.warning("tables without a migration, created directly: %s", ", ".join(t.name for t in missing))
            tables_wanted.create_all(conn, tables=missing)
    return True
