"""machine translations: the translations cache, and a translation language for daily subscriptions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("passage_id", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("passage_id", "target", "engine"),
    )
    with op.batch_alter_table("daily_subscriptions") as batch:
        batch.add_column(sa.Column("translate_to", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("daily_subscriptions") as batch:
        batch.drop_column("translate_to")
    op.drop_table("translations")
