"""The quotes a chat received (for `/history`): its subscription's deliveries, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.db.schema import Delivery, Subscription

RECEIVED = ("sent", "uncertain")  # posted (or sent without an answer, so most likely posted)
LIMIT = 10


@dataclass(frozen=True)
class Received:
    day: dt.date  # the chat's local date of the post
    passage_id: str


def history(engine: Engine, platform: str, chat_id: str, limit: int = LIMIT) -> list[Received]:
    """The last `limit` quotes posted to the chat, newest first (empty when it never subscribed)."""
    with Session(engine) as session:
        rows = session.execute(
            select(Delivery.local_date, Delivery.passage_id)
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(Subscription.platform == platform, Subscription.chat_id == str(chat_id),
                   Delivery.status.in_(RECEIVED), Delivery.passage_id.is_not(None))
            .order_by(Delivery.local_date.desc(), Delivery.id.desc())
            .limit(limit)
        ).all()
    return [Received(day, passage_id) for day, passage_id in rows if passage_id]


def opening(text: str, limit: int = 80) -> str:
    """The first words of a passage, at most `limit` characters, "…" when cut (whole words where there
    are spaces between them)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.;:，。；：") + "…"
