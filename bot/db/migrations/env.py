"""Alembic environment: runs on a connection handed over by bot.db.migrations, or on DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from bot.db.migrations import metadata

config = context.config
target_metadata = metadata()


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                          literal_binds=True, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    elif connection is not None:
        _run(connection)
    else:
        url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
        if not url:
            raise SystemExit("set DATABASE_URL (or sqlalchemy.url in bot/db/alembic.ini) to run Alembic by hand")
        engine = create_engine(url)
        with engine.connect() as conn:
            _run(conn)
        engine.dispose()


run()
