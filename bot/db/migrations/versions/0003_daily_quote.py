"""daily quote subscriptions and deliveries

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 06:41:21.849511
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('daily_subscriptions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('chat_id', sa.String(length=64), nullable=False),
    sa.Column('team_id', sa.String(length=32), nullable=True),
    sa.Column('post_time', sa.String(length=5), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('article', sa.String(length=80), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('ui_language', sa.String(length=8), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('paused_reason', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('active_since', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('platform', 'chat_id', name='uq_daily_subscription_chat')
    )
    op.create_table('daily_deliveries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('passage_id', sa.String(length=120), nullable=True),
    sa.Column('cycle', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('message_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['subscription_id'], ['daily_subscriptions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subscription_id', 'local_date', name='uq_daily_delivery_day')
    )
    with op.batch_alter_table('daily_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_daily_deliveries_subscription_id'), ['subscription_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('daily_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_daily_deliveries_subscription_id'))

    op.drop_table('daily_deliveries')
    op.drop_table('daily_subscriptions')
