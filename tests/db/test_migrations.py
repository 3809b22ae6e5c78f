"""Alembic migrations: from empty to the models, idempotent, concurrent starts, adoption of old databases."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db import corpus_store as store
from bot.db import migrations, schema
from bot.db.engine import make_engine

ROOT = Path(__file__).resolve().parents[2]


def _diff(engine: Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                migrations.metadata())


def test_every_table_is_defined_in_the_schema_module() -> None:
    """Tables live in bot.db.schema, the one module the migrations read: elsewhere they would get none."""
    defining = set()
    for path in (ROOT / "bot").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        if re.search(r"^\s+__tablename__\s*=", path.read_text(encoding="utf-8"), re.M):
            defining.add(".".join(path.relative_to(ROOT).with_suffix("").parts))
    assert defining == {"bot.db.schema"}
    assert migrations.metadata() is schema.Base.metadata


def test_quick_head_agrees_with_alembic() -> None:
    assert migrations.quick_head() == migrations.head()


def test_migrations_alone_build_exactly_the_models(db_url: str) -> None:
    """`alembic upgrade head` on an empty database gives every table and column of the models."""
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrations.alembic_config(conn), "head")
        assert _diff(engine) == []
        assert migrations.current(engine) == migrations.head()
    finally:
        engine.dispose()


def test_upgrade_is_idempotent_and_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert migrations.current(engine) is None
        assert migrations.upgrade(engine) is True
        with Session(engine) as session, session.begin():
            store.set_meta(session, "probe", "kept")
        assert migrations.upgrade(engine) is False
        migrations.upgrade(engine)
        with engine.begin() as conn:  # Alembic itself finds nothing to do either
            command.upgrade(migrations.alembic_config(conn), "head")
        with Session(engine) as session:
            assert store.get_meta(session, "probe") == "kept"
        assert migrations.current(engine) == migrations.head()
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrations.upgrade(engine)
        with engine.begin() as conn:
            command.downgrade(migrations.alembic_config(conn), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert migrations.upgrade(engine) is True
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_database_made_before_migrations_is_adopted(tmp_path: Path) -> None:
    """Tables made by create_all (no version table) are stamped at the baseline, then upgraded."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        corpus_tables = [schema.ArticleRow.__table__, schema.PassageRow.__table__, schema.MetaRow.__table__]
        schema.Base.metadata.create_all(engine, tables=corpus_tables)
        with Session(engine) as session, session.begin():
            store.set_meta(session, "probe", "old")
        assert migrations.upgrade(engine) is True
        assert migrations.current(engine) == migrations.head()
        assert _diff(engine) == []
        with Session(engine) as session:
            assert store.get_meta(session, "probe") == "old"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_processes_starting_at_once_on_postgres(pg_url: str) -> None:
    """Several replicas migrating the same empty database at once: one migrates, the others wait."""
    engines = [make_engine(pg_url) for _ in range(4)]
    start = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def run(engine: Engine) -> None:
        start.wait(timeout=10)
        try:
            migrations.upgrade(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        assert not errors, errors
        assert migrations.current(engines[0]) == migrations.head()
        assert _diff(engines[0]) == []
    finally:
        for e in engines:
            e.dispose()


def test_database_migrated_by_a_newer_release_is_left_alone(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """Rolling upgrade: an old replica starting after a new one migrated further does not fail."""
    engine = make_engine(db_url)
    try:
        migrations.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'from-the-future'"))
        assert migrations.upgrade(engine) is False
        migrations.upgrade(engine)
        assert migrations.current(engine) == "from-the-future"
        assert "newer than this version" in caplog.text
    finally:
        engine.dispose()


def test_db_commands(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from bot.adapters.cli import main

    monkeypatch.setenv("DATABASE_URL", db_url)
    head = migrations.head()
    runner = CliRunner()
    before = runner.invoke(main, ["db", "current"])
    assert before.exit_code == 0 and "revision (none)" in before.output and "needs" in before.output
    first = runner.invoke(main, ["db", "upgrade"])
    assert first.exit_code == 0 and f"upgraded to revision {head}" in first.output
    again = runner.invoke(main, ["db", "upgrade"])
    assert again.exit_code == 0 and f"already at revision {head}" in again.output
    after = runner.invoke(main, ["db", "current"])
    assert f"revision {head}, newest {head} (up to date)" in after.output
