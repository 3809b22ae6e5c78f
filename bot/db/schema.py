"""The database schema: every table interview-bot stores (SQLAlchemy models; migrations in bot.db.migrations).

A Delivery row is both the claim on one daily post and the rotation history: the unique key
(subscription_id, local_date) lets exactly one scheduler insert the row for a day, and the rows of a
subscription with status "claimed"/"sent"/"uncertain" are the passages it has already been given.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from typing import overload

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The declarative base every table of interview-bot is defined on."""


class ArticleRow(Base):
    """An article (bundled or imported): metadata and its cleaned text."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[str | None] = mapped_column(String(32), nullable=True)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)  # the remaining manifest fields
    text: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="bundled")  # "bundled" | "imported"
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


class PassageRow(Base):
    """A passage of an article, with its index terms."""

    __tablename__ = "passages"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    section: Mapped[str | None] = mapped_column(Text, nullable=True)
    turn: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    versions: Mapped[list] = mapped_column(JSON, default=list)
    tokens: Mapped[str] = mapped_column(Text, default="")  # index terms, space separated


class MetaRow(Base):
    """Key-value facts about the stored corpus (its version, the bundled corpus's fingerprint)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SavedQuery(Base):
    """A question someone asked, referenced by id from "more results" and "share" buttons."""

    __tablename__ = "saved_queries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


class TranslationRow(Base):
    """A machine translation of a passage, made once for every replica: (passage, target, engine) -> text."""

    __tablename__ = "translations"

    passage_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    target: Mapped[str] = mapped_column(String(16), primary_key=True)  # "zh", "zh-Hant", "de", "en"
    engine: Mapped[str] = mapped_column(String(32), primary_key=True)  # "libretranslate"
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@overload
def as_utc(value: dt.datetime) -> dt.datetime: ...
@overload
def as_utc(value: None) -> None: ...
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
    translate_to: Mapped[str | None] = mapped_column(String(16), nullable=True)  # a machine translation with the quote
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
    # "claimed" | "sent" | "uncertain" (maybe sent, not retried) | "released" (to retry) | "failed" |
    # "skipped" (the chat's scope left nothing to post that day)
    status: Mapped[str] = mapped_column(String(16), default="claimed")
    claimed_by: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class FeedbackVote(Base):
    """One person's 👍/👎 on one quote of one answer or daily post (changed in place: one row per key).

    The key (platform, chat, message, passage, user) makes a vote idempotent: a retried or doubly delivered
    button press, on any replica, updates the same row. Only the question is kept, no other message text."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("platform", "chat_id", "message_id", "passage_id", "user_id",
                                       name="uq_feedback_vote"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))  # "telegram" | "slack"
    chat_id: Mapped[str] = mapped_column(String(64))  # Telegram chat id or Slack channel id
    message_id: Mapped[str] = mapped_column(String(64))  # the message the buttons are on ("" when unknown)
    passage_id: Mapped[str] = mapped_column(String(120), index=True)
    user_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # "answer" | "daily" | "similar" (More like this)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)  # the question answered (answers only)
    vote: Mapped[str] = mapped_column(String(8))  # "up" | "down"
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)  # with "down": see feedback_store.REASONS
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class ChatScope(Base):
    """What the bot may quote in one chat or channel (set by its admins with /scope): see bot.answer.scope."""

    __tablename__ = "chat_scopes"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)  # "telegram" | "slack"
    chat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[dict[str, list[str]]] = mapped_column(JSON)  # {"article": [...], "speaker": [...], "language": [...]}
    set_by: Mapped[str] = mapped_column(String(64))  # the admin's user id
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SentQuote(Base):
    """Which quote a message of the bot carried, and where its 👍/👎 would come from: a reaction to a message
    names only the chat and the message, so the passages it rates are looked up here."""

    __tablename__ = "sent_quotes"
    __table_args__ = (UniqueConstraint("platform", "chat_id", "message_id", "passage_id", name="uq_sent_quote"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))  # "telegram"
    chat_id: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))
    passage_id: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(16))  # a saved question's id (an answer), "d" (daily), "s" (similar)
    # the message votes on the answer are stored under (its last, which has the buttons): a reaction to any
    # message of an answer sent as several is one vote per quote, as a button press is
    vote_message_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
