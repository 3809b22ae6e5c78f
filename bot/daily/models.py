"""Subscriptions to the daily quote and their deliveries (SQLAlchemy models on `bot.store.Base`).

A Delivery row is both the claim on one post and the rotation history: the unique key
(subscription_id, local_date) lets exactly one scheduler insert the row for a day, and the rows of a
subscription with status "claimed"/"sent" are the passages it has already been given.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.store import Base


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Datetimes come back naive from SQLite: they are stored in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Subscription(Base):
    """One chat or channel that gets the daily quote."""

    __tablename__ = "daily_subscriptions"
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_daily_subscription_chat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))  # "telegram" | "slack"
    chat_id: Mapped[str] = mapped_column(String(64))  # Telegram chat id or Slack channel id
    team_id: Mapped[str | None] = mapped_column(String(32), nullable=True)  # Slack workspace
    post_time: Mapped[str] = mapped_column(String(5))  # "HH:MM", local time
    timezone: Mapped[str] = mapped_column(String(64))  # IANA name
    speaker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    article: Mapped[str | None] = mapped_column(String(80), nullable=True)
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    ui_language: Mapped[str] = mapped_column(String(8), default="en")  # language of the bot's own texts
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused_reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # "unsubscribed", "chat not found", ...
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    active_since: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<Subscription {self.id} {self.platform}:{self.chat_id} {self.post_time} {self.timezone}>"


class Delivery(Base):
    """The claim on, and then the record of, one day's post to one subscription."""

    __tablename__ = "daily_deliveries"
    __table_args__ = (UniqueConstraint("subscription_id", "local_date", name="uq_daily_delivery_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("daily_subscriptions.id", ondelete="CASCADE"), index=True)
    local_date: Mapped[dt.date] = mapped_column(Date)
    passage_id: Mapped[str | None] = mapped_column(String(120), nullable=True)
    cycle: Mapped[int] = mapped_column(Integer, default=0)  # which pass through the quotable set
    status: Mapped[str] = mapped_column(String(16), default="claimed")  # "claimed" | "sent" | "failed"
    claimed_by: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
