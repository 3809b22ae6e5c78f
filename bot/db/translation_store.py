"""The translations cache in the database: one machine translation per (passage, target, engine), for
every replica. Writes that race (two replicas translating the same passage) keep the first."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db.schema import TranslationRow

Key = tuple[str, str, str]  # (passage id, target language, engine)


class DatabaseCache:
    """bot.translation's Cache, kept in the `translations` table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get_many(self, keys: Sequence[Key]) -> dict[Key, str]:
        if not keys:
            return {}
        with Session(self.engine) as session:
            rows = session.execute(
                select(TranslationRow.passage_id, TranslationRow.target, TranslationRow.engine, TranslationRow.text)
                .where(tuple_(TranslationRow.passage_id, TranslationRow.target, TranslationRow.engine).in_(list(keys))))
            return {(pid, target, engine): text for pid, target, engine, text in rows}

    def put(self, key: Key, text: str) -> None:
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = insert(TranslationRow).values(passage_id=key[0], target=key[1], engine=key[2], text=text)
        with self.engine.begin() as conn:
            conn.execute(statement.on_conflict_do_nothing())
