"""sent_quotes: which quotes the bot's messages carried (for 👍/👎 reactions as feedback)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sent_quotes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("chat_id", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("passage_id", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("vote_message_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("platform", "chat_id", "message_id", "passage_id", name="uq_sent_quote"),
    )
    op.create_index("ix_sent_quotes_created_at", "sent_quotes", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_sent_quotes_created_at", table_name="sent_quotes")
    op.drop_table("sent_quotes")
