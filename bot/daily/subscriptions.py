"""Subscribing, unsubscribing and looking up subscriptions in the database (platform-neutral)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.daily import clock
from bot.db.schema import Delivery, Subscription, as_utc, utcnow


@dataclass(frozen=True)
class Status:
    """What a chat's subscription looks like now (for confirmations and /subscription)."""

    subscription: Subscription | None
    next_post: dt.datetime | None  # aware, in the subscription's zone; None when not active


def find(session: Session, platform: str, chat_id: str) -> Subscription | None:
    return session.scalars(
        select(Subscription).where(Subscription.platform == platform, Subscription.chat_id == str(chat_id))
    ).first()


# A day with a row in one of these states is done: posted, being posted, maybe posted, refused for good, or
# skipped (nothing in the chat's scope).
DONE = ("claimed", "sent", "uncertain", "failed", "skipped")


def delivered_from(session: Session, subscription_id: int, first: dt.date) -> set[dt.date]:
    """Local dates from `first` on that were posted (or are being posted, or may have been, or failed for good)."""
    return set(session.scalars(select(Delivery.local_date).where(
        Delivery.subscription_id == subscription_id, Delivery.local_date >= first, Delivery.status.in_(DONE))))


def latest_day(session: Session, subscription_id: int) -> dt.date | None:
    """The latest local date ever claimed for the subscription: no earlier day is posted after it."""
    return session.scalar(select(func.max(Delivery.local_date)).where(Delivery.subscription_id == subscription_id))


def status_of(session: Session, sub: Subscription | None, now: dt.datetime | None = None) -> Status:
    if sub is None or not sub.active or clock.zone_problem(sub.timezone):
        return Status(sub, None)  # a zone that cannot be loaded: the scheduler pauses it with the reason
    now = now or utcnow()
    today = clock.local_today(now, sub.timezone)
    nxt = clock.next_post(now, sub.post_time, sub.timezone, as_utc(sub.active_since),
                          delivered_from(session, sub.id, today), not_before=latest_day(session, sub.id))
    return Status(sub, nxt)


def subscribe(engine: Engine, platform: str, chat_id: str, post_time: str, zone: str, *,
              created_by: str | None = None, team_id: str | None = None, ui_language: str = "en",
              speaker: str | None = None, article: str | None = None, language: str | None = None,
              translate_to: str | None = None, now: dt.datetime | None = None) -> Status:
    """Create or update a chat's subscription, effective from now: a post time already past today
    starts tomorrow (so changing the time or zone never brings a second post for one day).
    `translate_to`: the posts come with a machine translation into that language."""
    now = now or utcnow()
    for _attempt in range(2):  # two first subscribes racing: the loser updates the winner's row
        with Session(engine, expire_on_commit=False) as session:
            sub = find(session, platform, chat_id)
            if sub is None:
                sub = Subscription(platform=platform, chat_id=str(chat_id), created_by=created_by, created_at=now)
                session.add(sub)
            sub.active_since = now
            sub.team_id = team_id or sub.team_id
            sub.post_time, sub.timezone = post_time, zone
            sub.speaker, sub.article, sub.language = speaker, article, language
            sub.ui_language = ui_language
            sub.translate_to = translate_to
            sub.active, sub.paused_reason, sub.updated_at = True, None, now
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                continue
            return status_of(session, sub, now)
    raise RuntimeError("could not save the subscription")  # pragma: no cover


def unsubscribe(engine: Engine, platform: str, chat_id: str, *, reason: str = "unsubscribed",
                now: dt.datetime | None = None) -> bool:
    """Stop a chat's posts (the row and its history stay, so resubscribing continues the rotation).
    Returns whether there was an active subscription."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        sub = find(session, platform, chat_id)
        if sub is None or not sub.active:
            return False
        sub.active, sub.paused_reason, sub.updated_at = False, reason, now or utcnow()
        return True


def current(engine: Engine, platform: str, chat_id: str, now: dt.datetime | None = None) -> Status:
    with Session(engine, expire_on_commit=False) as session:
        return status_of(session, find(session, platform, chat_id), now)
